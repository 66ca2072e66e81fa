"""Name interpreter: every field writes through at once; mistakes become messages."""
from __future__ import annotations

import datetime as dt

import pytest

import netkit as nk
from netkit.store import Workspace
from netkit.widgets import NameInterpreter


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    ws.add_person("Ana")
    ws.add_person("Ben")
    return ws


def person(ws: Workspace, aid: str) -> dict:
    return Workspace(ws.name, root=ws.root).people().set_index("alter_id").loc[aid].to_dict()


def test_defaults_are_shown_and_each_field_saves(ws):
    form = NameInterpreter(ws)
    assert form.person.value == "p001"
    assert (form.closeness.value, form.frequency.value, form.confiding.value) == (2, 3, False)
    form.context.value = "college"
    form.closeness.value = 4
    form.frequency.value = 5
    form.years_known.value = "12.5"
    form.confiding.value = True
    form.support_given.value = True
    form.support_received.value = True
    form.last_contact.value = dt.date(2026, 3, 15)
    form.notes.value = "met at <uni>\nsecond line"
    row = person(ws, "p001")
    assert {k: row[k] for k in NameInterpreter.FIELDS} == {
        "context": "college", "closeness": "4", "frequency": "5", "years_known": "12.5", "confiding": "1",
        "support_given": "1", "support_received": "1", "last_contact": "2026-03-15", "notes": "met at <uni>\nsecond line",
    }
    assert form.message_kind == "ok"
    assert person(ws, "p002")["closeness"] == "2", "another person changed"
    net = nk.read(ws.path)  # typed as netkit's model expects
    assert net.alters.set_index("alter_id").at["p001", "closeness"] == 4.0


def test_switching_people_loads_without_saving(ws):
    ws.update_person("p002", closeness=1, context="gym", last_contact="2025-12-24")
    form = NameInterpreter(ws)
    before = (ws.path / "alters.csv").read_bytes()
    form.next_button.click()
    assert form.person.value == "p002"
    assert (form.closeness.value, form.context.value, form.last_contact.value) == (1, "gym", dt.date(2025, 12, 24))
    form.previous_button.click()
    assert form.person.value == "p001" and form.context.value == ""
    assert (ws.path / "alters.csv").read_bytes() == before, "showing a person wrote to disk"


def test_a_bad_number_is_a_message(ws):
    form = NameInterpreter(ws)
    form.years_known.value = "3"
    form.years_known.value = "three"
    assert form.message_kind == "error" and "not a number" in form.message_text
    assert person(ws, "p001")["years_known"] == "3"
    assert form.years_known.value == "three", "what was typed is kept, to be corrected"
    form.years_known.value = "-2"
    assert form.message_kind == "error" and person(ws, "p001")["years_known"] == "3"


def test_a_choice_that_was_not_saved_goes_back(ws, monkeypatch):
    import os

    form = NameInterpreter(ws)

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    form.closeness.value = 4
    form.confiding.value = True
    monkeypatch.undo()
    assert form.message_kind == "error" and "No space left" in form.message_text
    assert (form.closeness.value, form.confiding.value) == (2, False)  # what is on disk
    assert person(ws, "p001")["closeness"] == "2"


def test_clearing_a_field_saves_empty(ws):
    form = NameInterpreter(ws)
    form.last_contact.value = dt.date(2026, 1, 1)
    form.last_contact.value = None
    form.context.value = "work"
    form.context.value = ""
    row = person(ws, "p001")
    assert row["last_contact"] == "" and row["context"] == ""


def test_no_people_yet(tmp_path):
    form = NameInterpreter(Workspace("empty", root=tmp_path))
    assert form.person.value is None and form.closeness.disabled
    assert "Add people first" in form.progress.value
    form.next_button.click()
    assert form.message_kind in ("", "info")
    assert not (tmp_path / "empty").exists()
