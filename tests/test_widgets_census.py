"""Tie census: one person at a time, shortcuts, and usable with 40 people."""
from __future__ import annotations


import pytest

from netkit.store import Workspace
from netkit.widgets import TieCensus


def pairs(ws: Workspace) -> set[frozenset]:
    ties = Workspace(ws.name, root=ws.root).ties()
    return {frozenset(p) for p in zip(ties["source"], ties["target"])}


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    for name in ("Ana", "Ben", "Cy", "Di"):
        ws.add_person(name)
    return ws


def test_ticking_saves_each_tie(ws):
    form = TieCensus(ws)
    assert form.person.value == "p001" and set(form.boxes) == {"p002", "p003", "p004"}
    form.boxes["p002"].value = True
    form.boxes["p004"].value = True
    assert pairs(ws) == {frozenset({"p001", "p002"}), frozenset({"p001", "p004"})}
    form.boxes["p004"].value = False
    assert pairs(ws) == {frozenset({"p001", "p002"})}
    assert form.message_kind == "ok" and "does not know Di" in form.message_text


def test_done_moves_on_and_hides_rows_already_answered(ws):
    form = TieCensus(ws)
    form.boxes["p002"].value = True
    form.done_button.click()
    assert form.person.value == "p002"
    # Ana's row is done; her tie with Ben is kept and shown, nobody else from her row
    assert set(form.boxes) == {"p001", "p003", "p004"} and form.boxes["p001"].value is True
    form.everyone_button.click()
    assert pairs(ws) == {frozenset(p) for p in [("p001", "p002"), ("p002", "p003"), ("p002", "p004")]}
    assert form.progress.value == "2 of 4 people done"
    form.person.value = "p003"
    assert set(form.boxes) == {"p002", "p004"}  # Ana is done and does not know Cy: not asked again
    form.show_all.value = True
    assert set(form.boxes) == {"p001", "p002", "p004"}
    form.nobody_button.click()  # "knows nobody here" for everyone shown
    assert pairs(ws) == {frozenset(p) for p in [("p001", "p002"), ("p002", "p004")]}
    people = Workspace(ws.name, root=ws.root).people().set_index("alter_id")
    assert list(people["census_done"]) == ["1", "1", "1", ""]


def test_shown_names_are_plain_text(tmp_path):
    ws = Workspace("w", root=tmp_path)
    ws.add_person("<b>Bold</b>")
    ws.add_person("Ben")
    form = TieCensus(ws)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in form.question.value
    form.person.value = "p002"
    box = form.boxes["p001"]
    assert box.description == "<b>Bold</b>" and not box.description_allow_html


def test_forty_people_can_all_be_answered(tmp_path):
    ws = Workspace("big", root=tmp_path)
    for i in range(40):
        ws.add_person(f"Person {i:02d}")
    form = TieCensus(ws)
    for _ in range(39):
        form.nobody_button.click() if form.person.value != "p001" else form.everyone_button.click()
        form.done_button.click()
    people = ws.people()
    assert (people["census_done"] == "1").sum() >= 39
    assert len(pairs(ws)) == 39  # p001 knows everyone; nobody else knows anyone else
    assert len(form.boxes) <= 1, "rows already answered are still asked"
