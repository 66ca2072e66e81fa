"""Name interpreter: every field starts blank (not answered), writes through at once, and going
back to "not answered yet" clears it; mistakes become messages."""
from __future__ import annotations

import datetime as dt

import pytest

import netkit as nk
from netkit.store import Workspace
from hostile import HOSTILE_NAMES
from netkit.widgets import NameInterpreter
from netkit.widgets._base import NOT_ANSWERED


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    ws.add_person("Ana")
    ws.add_person("Ben")
    return ws


def person(ws: Workspace, aid: str) -> dict:
    return Workspace(ws.name, root=ws.root).people().set_index("alter_id").loc[aid].to_dict()


BLANK_ROW = {k: "" for k in NameInterpreter.FIELDS}


def shown(form: NameInterpreter) -> dict:
    return {k: getattr(form, k).value for k in NameInterpreter.FIELDS}


def test_every_question_starts_not_answered_and_nothing_is_written(ws):
    before = (ws.path / "alters.csv").read_bytes()
    form = NameInterpreter(ws)
    assert form.person.value == "p001"
    assert shown(form) == {**BLANK_ROW, "last_contact": None}
    assert form.closeness.label == NOT_ANSWERED and form.frequency.label == NOT_ANSWERED
    assert form.confiding.label == "Not answered yet"
    form.next_button.click()
    assert (ws.path / "alters.csv").read_bytes() == before, "showing blank questions wrote answers"
    assert {k: person(ws, "p002")[k] for k in NameInterpreter.FIELDS} == BLANK_ROW


def test_each_field_saves(ws):
    form = NameInterpreter(ws)
    form.context.value = "college"
    form.closeness.value = 4
    form.frequency.value = 5
    form.years_known.value = "12.5"
    form.confiding.value = "yes"
    form.support_given.value = "yes"
    form.support_received.value = "no"
    form.last_contact.value = dt.date(2026, 3, 15)
    form.notes.value = "met at <uni>\nsecond line"
    row = person(ws, "p001")
    assert {k: row[k] for k in NameInterpreter.FIELDS} == {
        "context": "college", "closeness": "4", "frequency": "5", "years_known": "12.5", "confiding": "1",
        "support_given": "1", "support_received": "0", "last_contact": "2026-03-15", "notes": "met at <uni>\nsecond line",
    }
    assert form.message_kind == "ok"
    assert person(ws, "p002")["closeness"] == "", "another person changed"
    net = nk.read(ws.path)  # typed as netkit's model expects
    assert net.alters.set_index("alter_id").at["p001", "closeness"] == 4.0
    # a restart shows the same answers
    again = NameInterpreter(Workspace(ws.name, root=ws.root))
    assert shown(again) == {**shown(form)}
    assert (again.closeness.value, again.confiding.value, again.support_received.value) == (4, "yes", "no")


def test_choosing_not_answered_clears_the_answer(ws):
    form = NameInterpreter(ws)
    form.closeness.value = 3
    form.frequency.value = 2
    form.confiding.value = "no"
    form.closeness.value = ""
    assert form.message_kind == "ok" and "not answered" in form.message_text
    form.confiding.value = ""
    row = person(ws, "p001")
    assert (row["closeness"], row["frequency"], row["confiding"]) == ("", "2", "")
    again = NameInterpreter(Workspace(ws.name, root=ws.root))
    assert (again.closeness.value, again.frequency.value, again.confiding.value) == ("", 2, "")
    net = nk.read(ws.path)  # blank is missing to the measures, not a low score
    assert net.alters.set_index("alter_id")["closeness"].isna().all()


def test_old_workspaces_with_filled_in_values_stay_as_they_are(ws):
    ws.update_person("p001", closeness=2, frequency=3, confiding=False)  # what older netkit wrote
    before = (ws.path / "alters.csv").read_bytes()
    form = NameInterpreter(ws)
    assert (form.closeness.value, form.frequency.value, form.confiding.value) == (2, 3, "no")
    form.next_button.click()
    form.previous_button.click()
    assert (ws.path / "alters.csv").read_bytes() == before


def test_every_question_is_labelled_in_full(ws):
    form = NameInterpreter(ws)
    labels = [c.children[0].value for c in form.children if "netkit-field" in c._dom_classes]
    assert len(labels) == len(NameInterpreter.FIELDS)
    assert any("Where do you know them from?" in t for t in labels)
    assert all("white-space:normal" in t for t in labels)
    for name in NameInterpreter.FIELDS:
        assert not getattr(form, name).description, f"{name}: a label in a fixed-width description is cut off"


def test_hard_names_are_saved_and_shown_as_typed(tmp_path):
    ws = Workspace("hard", root=tmp_path)
    ids = [ws.add_person(n) for n in HOSTILE_NAMES[:12]]
    form = NameInterpreter(ws)
    for aid in ids:
        form.person.value = aid
        form.closeness.value = 3
        assert form.message_kind == "ok", form.message_text
        assert "<script>" not in form.message.value
    assert set(Workspace("hard", root=tmp_path).people()["closeness"]) == {"3"}


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
    form.confiding.value = "yes"
    monkeypatch.undo()
    assert form.message_kind == "error" and "No space left" in form.message_text
    assert (form.closeness.value, form.confiding.value) == ("", "")  # what is on disk: not answered
    assert person(ws, "p001")["closeness"] == ""


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
