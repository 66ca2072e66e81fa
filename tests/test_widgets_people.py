"""Name generator and people editor, driven like a participant would (value + click), checked on disk."""
from __future__ import annotations

import os

import pytest

from netkit.store import Workspace
from hostile import HOSTILE_NAMES
from netkit.widgets import NameGenerator, PeopleEditor
from netkit.widgets._base import press_enter


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace("w", root=tmp_path)


def on_disk(ws: Workspace) -> list[tuple[str, str, str]]:
    """What a new kernel would read: (id, name, named_for)."""
    people = Workspace(ws.name, root=ws.root).people()
    return list(zip(people["alter_id"], people["name"], people["named_for"]))


def add(form: NameGenerator, name: str) -> None:
    form.name_input.value = name
    form.add_button.click()


def test_adding_people_saves_each_at_once(ws):
    form = NameGenerator(ws)
    assert form.prompt.value == "important_matters"
    add(form, "Zoë <b>bold</b> \"Z\"")
    assert on_disk(ws) == [("p001", 'Zoë <b>bold</b> "Z"', "important_matters")]
    assert form.message_kind == "ok" and form.name_input.value == ""
    form.prompt.value = "advice"
    add(form, "Kofi")
    assert on_disk(ws)[1] == ("p002", "Kofi", "advice")
    assert form.count.value == "2 people in your list"
    assert "Kofi" in form.named.value and "Zoë" not in form.named.value


def test_enter_in_the_name_box_adds_the_name(ws):
    form = NameGenerator(ws)
    form.name_input.value = "Mariam Haddad"
    press_enter(form.name_input)  # what the browser sends when Enter is pressed in the box
    assert on_disk(ws) == [("p001", "Mariam Haddad", "important_matters")]
    assert form.name_input.value == "" and form.message_text == "✓ Saved: Mariam Haddad."
    press_enter(form.name_input)  # Enter in an empty box: one sentence, not silence
    assert form.message_kind == "warn" and form.message_text == "⚠ Type a name in the box first, then press Enter or Add."
    assert len(on_disk(ws)) == 1


def test_hard_names_through_the_name_box(ws):
    form = NameGenerator(ws)
    names = [n for n in HOSTILE_NAMES if len(n) < 100]
    for name in names:
        form.name_input.value = name
        press_enter(form.name_input)
        if form.same_button.layout.display != "none":  # e.g. "NA" and "None" look alike to nobody; keep both
            form.new_button.click()
    assert [n for _, n, _ in on_disk(ws)] == [n.replace("\n", " ").strip() for n in names]
    assert "<script>" not in form.named.value and "<script>" not in form.message.value
    again = NameGenerator(Workspace(ws.name, root=ws.root))  # a restart shows the same list
    assert again.named.value == form.named.value


def test_user_text_is_escaped_in_html_widgets(ws):
    form = NameGenerator(ws)
    add(form, "<img src=x onerror=alert(1)>")
    assert "<img" not in form.named.value and "&lt;img src=x onerror=alert(1)&gt;" in form.named.value
    assert "<img" not in form.message.value


def test_an_empty_name_is_a_message_not_an_error(ws):
    form = NameGenerator(ws)
    add(form, "   ")
    assert form.message_kind == "warn" and "Type a name in the box first" in form.message_text
    assert on_disk(ws) == []


def test_a_likely_duplicate_asks_first(ws):
    form = NameGenerator(ws)
    add(form, "José García")
    form.prompt.value = "loan"
    add(form, "  jose GARCIA ")
    assert form.message_kind == "warn" and "looks like 'José García'" in form.message_text
    assert form.same_button.layout.display != "none" and form.new_button.layout.display != "none"
    assert len(on_disk(ws)) == 1, "a likely duplicate was saved before the participant decided"
    form.same_button.click()
    assert on_disk(ws) == [("p001", "José García", "important_matters;loan")]
    assert form.same_button.layout.display == "none"
    add(form, "Garcia Jose")
    form.new_button.click()
    assert [n for _, n, _ in on_disk(ws)] == ["José García", "Garcia Jose"]


def test_adding_the_same_name_twice_after_the_warning_adds_it(ws):
    form = NameGenerator(ws)
    add(form, "Sam")
    add(form, "sam")
    add(form, "sam")  # pressing Add again with the same name means "yes, someone new"
    assert [n for _, n, _ in on_disk(ws)] == ["Sam", "sam"]


def test_only_the_given_prompts(ws):
    form = NameGenerator(ws, prompts=["support:outside_confidant", "advice"])
    assert [v for _, v in form.prompt.options] == ["support:outside_confidant", "advice"]
    assert "confidence" in form.question.value


def test_rename_and_remove(ws):
    gen = NameGenerator(ws)
    for n in ("Ana", "Ben", "Cy"):
        add(gen, n)
    ws.set_tie("p001", "p002")
    ws.set_supporter("known_through_phases", "p001")
    ws.add_favor("p001", kind="instrumental", direction="given")
    ed = PeopleEditor(ws)
    assert [a for _, a in ed.people.options] == ["p001", "p002", "p003"]
    ed.people.value = "p002"
    assert ed.rename_input.value == "Ben"
    ed.rename_input.value = "Benjamin 🐝"
    press_enter(ed.rename_input)  # Enter renames, like the button
    assert on_disk(ws)[1][1] == "Benjamin 🐝" and ed.message_kind == "ok"
    ed.people.value = "p003"
    ed.rename_input.value = "ana"  # looks like Ana: warn first
    ed.rename_button.click()
    assert ed.message_kind == "warn" and on_disk(ws)[2][1] == "Cy"
    ed.rename_button.click()  # again: keep both
    assert on_disk(ws)[2][1] == "ana"
    ed.people.value = "p001"
    ed.remove_button.click()
    assert ed.confirm_button.layout.display != "none" and len(on_disk(ws)) == 3
    ed.cancel_button.click()
    assert len(on_disk(ws)) == 3
    ed.remove_button.click()
    ed.confirm_button.click()
    assert [a for a, _, _ in on_disk(ws)] == ["p002", "p003"]
    assert ws.ties().empty and ws.support().empty and ws.ledger().empty
    assert [a for _, a in ed.people.options] == ["p002", "p003"]


def test_a_failed_write_is_a_message_and_the_old_file_stays(ws, monkeypatch):
    form = NameGenerator(ws)
    add(form, "Ana")
    before = (ws.path / "alters.csv").read_bytes()

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    add(form, "Ben")
    monkeypatch.undo()
    assert form.message_kind == "error"
    assert "Not saved" in form.message_text and "No space left on device" in form.message_text
    assert "Traceback" not in form.message_text
    assert form.name_input.value == "Ben", "the typed name was thrown away"
    assert (ws.path / "alters.csv").read_bytes() == before
    form.add_button.click()  # try again once the disk is fine
    assert [n for _, n, _ in on_disk(ws)] == ["Ana", "Ben"]


def test_a_person_removed_in_another_form(ws):
    gen, ed = NameGenerator(ws), PeopleEditor(ws)
    add(gen, "Ana")
    ed.refresh()
    ed.people.value = "p001"
    Workspace(ws.name, root=ws.root).remove_person("p001")  # another kernel removes her
    ed.rename_input.value = "Anna"
    ed.rename_button.click()
    assert ed.message_kind == "error" and "refresh" in ed.message_text
    assert on_disk(ws) == []
