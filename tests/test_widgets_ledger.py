"""Favors ledger form: entries reach ledger.csv at once; balances and flags are shown escaped."""
from __future__ import annotations

import datetime as dt

import pytest

from netkit.store import Workspace
from netkit.widgets import LedgerForm

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    ws.add_person("Ana <i>")
    ws.add_person("Ben")
    return ws


def entries(ws: Workspace) -> list[list[str]]:
    led = Workspace(ws.name, root=ws.root).ledger()
    return led[["entry_id", "alter_id", "date", "kind", "direction", "status", "note"]].values.tolist()


def test_logging_marking_done_and_removing(ws):
    form = LedgerForm(ws, today=TODAY)
    assert form.date.value == TODAY and form.person.value == "p001"
    form.note.value = "read my <draft>"
    form.status.value = "offered"
    form.add_button.click()
    assert entries(ws) == [["f001", "p001", "2026-06-30", "instrumental", "given", "offered", "read my <draft>"]]
    assert form.note.value == "" and form.message_kind == "ok"
    form.person.value = "p002"
    form.kind.value = "psychosocial"
    form.direction.value = "received"
    form.status.value = "done"
    form.date.value = dt.date(2026, 6, 1)
    form.add_button.click()
    assert entries(ws)[1] == ["f002", "p002", "2026-06-01", "psychosocial", "received", "done", ""]
    assert [v for _, v in form.entries.options] == ["f001", "f002"]  # newest first
    form.entries.value = "f001"
    form.mark_done_button.click()
    assert entries(ws)[0][5] == "done"
    form.entries.value = "f002"
    form.remove_button.click()
    assert [e[0] for e in entries(ws)] == ["f001"]


def test_every_control_is_labelled(ws):
    form = LedgerForm(ws, today=TODAY)
    labels = {c.children[1]: c.children[0].value for c in form.children if "netkit-field" in c._dom_classes}
    for control, words in ((form.person, "Who was the favor with?"), (form.kind, "What kind of help?"),
                           (form.direction, "Who helped whom?"), (form.status, "done, or only offered"),
                           (form.date, "When?"), (form.note, "What was it?")):
        assert words in labels[control]


def test_summary_shows_balance_and_flags_escaped(ws):
    ws.add_favor("p001", kind="instrumental", direction="given", status="done", date="2026-05-01")
    ws.add_favor("p001", kind="instrumental", direction="given", status="done", date="2026-05-02")
    ws.add_favor("p002", kind="instrumental", direction="given", status="offered", date="2026-06-01", note="<CV>")
    form = LedgerForm(ws, today=TODAY)
    text = form.summary.value
    assert "You did 2 favors and received none. Favors went one way only." in text
    assert "You did Ana &lt;i&gt; 2 favors and received none back yet." in text
    assert "You offered Ben a favor (&lt;CV&gt;) 29 days ago" in text
    assert "<i>" not in text and "<CV>" not in text


def test_mistakes_are_messages(tmp_path):
    empty = LedgerForm(Workspace("none", root=tmp_path), today=TODAY)
    empty.add_button.click()
    assert empty.message_kind == "warn" and "Add people first" in empty.message_text
    empty.mark_done_button.click()
    assert empty.message_kind == "warn"
    assert not (tmp_path / "none").exists()


def test_entries_come_back_after_a_restart(ws):
    form = LedgerForm(ws, today=TODAY)
    form.add_button.click()
    again = LedgerForm(Workspace(ws.name, root=ws.root), today=TODAY)
    assert [v for _, v in again.entries.options] == ["f001"]
    assert "gave to Ana <i>" in again.entries.options[0][0]
