"""The action plan form: steps of your own are added, edited, ticked done and removed, each saved
at once to plan.csv; a restart shows the same; the report lists them."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from hostile import HOSTILE_NAMES
from netkit.store import Workspace
from netkit.widgets import PlanForm
from netkit.widgets._base import press_enter

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    ws.add_person("Ana")
    return ws


def on_disk(ws: Workspace) -> list[list[str]]:
    items = Workspace(ws.name, root=ws.root).plan_items()
    return items[["item_id", "text", "due", "done", "created"]].values.tolist()


def test_adding_editing_ticking_and_removing_own_steps(ws):
    form = PlanForm(ws, today=TODAY)
    assert form.items == {} and "No steps of your own yet" in form.progress.value
    form.new_text.value = "Ask Ana to introduce me to her team lead"
    form.new_due.value = dt.date(2026, 7, 15)
    form.add_button.click()
    assert on_disk(ws) == [["s001", "Ask Ana to introduce me to her team lead", "2026-07-15", "0", "2026-06-30"]]
    assert form.message_text == "✓ Saved: Ask Ana to introduce me to her team lead, to do by 15 July 2026."
    assert form.new_text.value == "" and form.new_due.value is None
    form.new_text.value = "Call Mum"
    press_enter(form.new_text)  # Enter adds, like the button
    assert [r[:4] for r in on_disk(ws)][1] == ["s002", "Call Mum", "", "0"]
    assert list(form.items) == ["s001", "s002"]
    assert "2 steps of your own, none done yet." in form.progress.value

    form.items["s002"].done.value = True
    assert on_disk(ws)[1][3] == "1" and form.message_text == "✓ Done: Call Mum — well done."
    form.items["s001"].text.value = "Ask Ana for coffee"
    form.items["s001"].due.value = dt.date(2026, 8, 1)
    assert on_disk(ws)[0][:3] == ["s001", "Ask Ana for coffee", "2026-08-01"]
    form.items["s001"].due.value = None  # no date any more
    assert on_disk(ws)[0][2] == ""
    assert "2 steps of your own, 1 done." in form.progress.value
    form.items["s002"].remove_button.click()
    assert [r[0] for r in on_disk(ws)] == ["s001"] and form.message_text == "✓ Removed: Call Mum."
    form.new_text.value = "Write to Lee"
    form.add_button.click()
    assert [r[0] for r in on_disk(ws)] == ["s001", "s003"], "a removed step's id was given out again"


def add_steps(form: PlanForm, *steps: tuple[str, dt.date | None]) -> None:
    """Type each step and its date into the form and click Add, as a participant would."""
    for text, due in steps:
        form.new_text.value = text
        form.new_due.value = due
        form.add_button.click()


def test_a_restart_shows_the_same_steps(ws):
    form = PlanForm(ws, today=TODAY)
    add_steps(form, ("Later", dt.date(2026, 9, 1)), ("Sooner", dt.date(2026, 7, 1)), ("No date", None))
    form.items["s001"].done.value = True
    again = PlanForm(Workspace(ws.name, root=ws.root), today=TODAY)
    shown = [(r.text.value, r.due.value, r.done.value) for r in again.item_list.children]
    assert shown == [("Sooner", dt.date(2026, 7, 1), False), ("No date", None, False),
                     ("Later", dt.date(2026, 9, 1), True)]  # open ones first, soonest due first


def test_mistakes_are_messages(ws, monkeypatch):
    form = PlanForm(ws, today=TODAY)
    press_enter(form.new_text)
    assert form.message_kind == "warn" and "Type a step in the box first" in form.message_text
    form.new_text.value = "Call Mum"
    form.add_button.click()
    form.items["s001"].text.value = "   "
    assert form.message_kind == "error" and "step is empty" in form.message_text
    assert on_disk(ws)[0][1] == "Call Mum"

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    form.items["s001"].done.value = True
    monkeypatch.undo()
    assert form.message_kind == "error" and "No space left" in form.message_text
    assert form.items["s001"].done.value is False and on_disk(ws)[0][3] == "0"  # what is on disk


def test_a_step_removed_in_another_window(ws):
    form = PlanForm(ws, today=TODAY)
    form.new_text.value = "Call Mum"
    form.add_button.click()
    Workspace(ws.name, root=ws.root).remove_plan_item("s001")
    form.items["s001"].done.value = True
    assert form.message_kind == "error" and "refresh" in form.message_text
    assert "s001" not in form.items


def test_hard_text_is_saved_as_typed_and_shown_escaped(ws):
    form = PlanForm(ws, today=TODAY)
    texts = [n for n in HOSTILE_NAMES if len(n) < 100]
    for text in texts:
        form.new_text.value = text
        form.add_button.click()
        assert form.message_kind == "ok", form.message_text
        assert "<script>" not in form.message.value and "<img" not in form.message.value
    assert [r[1] for r in on_disk(ws)] == [t.replace("\n", " ").strip() for t in texts]
    again = PlanForm(Workspace(ws.name, root=ws.root), today=TODAY)
    assert [r.text.value for r in again.item_list.children] == [t.replace("\n", " ").strip() for t in texts]


def test_the_report_lists_own_steps(ws):
    form = PlanForm(ws, today=TODAY)
    add_steps(form, ("Ask <b>Ana</b>", dt.date(2026, 6, 1)), ("Call Mum", dt.date(2026, 7, 15)), ("Done one", None))
    form.items["s003"].done.value = True
    form.make_button.click()
    assert form.message_kind == "ok", form.message_text
    page = form.report_path.read_text(encoding="utf-8")
    assert "Your own steps" in page and "3 steps of your own, 1 done." in page
    assert "Ask &lt;b&gt;Ana&lt;/b&gt;" in page and "<b>Ana</b>" not in page
    assert "overdue since 1 June 2026" in page and "due 15 July 2026" in page
    assert "☑ Done: <b>Done one</b>" in page
    assert page.index("Ask &lt;b&gt;Ana") < page.index("Call Mum") < page.index("Done one")
