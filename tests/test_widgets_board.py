"""The rings board's Python side: the front end's drops, clicks and keys arrive as the ``action``
trait (set here as the browser would); each is saved at once, a new board on the same workspace
(a kernel restart) shows the same state, undo takes changes back, and names are shown as text."""
from __future__ import annotations

import csv
import math
import os

import pytest

import netkit as nk
from hostile import HOSTILE_NAMES
from netkit.store import Workspace
from netkit.widgets import RingsBoard
from netkit.widgets.board import GEOMETRY, board_people, free_spot, ring_of

_seq = iter(range(10**6))


def from_page(board: RingsBoard, **action) -> None:
    """What the page sends (board.js: ``model.send``): a message that becomes the ``action`` trait."""
    board.canvas._handle_custom_msg({**action, "seq": f"s{next(_seq)}"}, [])


def drop(board: RingsBoard, alter_id: str, x: float | None, y: float | None, closeness: int | None = None) -> None:
    """What the front end sends when a person is dropped at (x, y) (it works the ring out itself)."""
    c = ring_of(x, y) if closeness is None and x is not None else closeness
    from_page(board, kind="place", alter_id=alter_id, closeness=c, x=x, y=y)


def key(board: RingsBoard, alter_id: str, closeness: int) -> None:
    """A key 1–4 or 0 pressed on a selected person: no position, the board finds room on the ring."""
    from_page(board, kind="place", alter_id=alter_id, closeness=closeness or None, x=None, y=None)


def click_pair(board: RingsBoard, a: str, b: str) -> None:
    from_page(board, kind="tie", a=a, b=b)


def undo_key(board: RingsBoard) -> None:
    from_page(board, kind="undo")


def on_disk(ws: Workspace) -> tuple[dict, set]:
    """closeness per person and the ties, read from the files themselves."""
    with open(ws.path / "alters.csv", encoding="utf-8", newline="") as f:
        closeness = {r["alter_id"]: r["closeness"] for r in csv.DictReader(f)}
    ties = set()
    if (ws.path / "ties.csv").exists():
        with open(ws.path / "ties.csv", encoding="utf-8", newline="") as f:
            ties = {frozenset((r["source"], r["target"])) for r in csv.DictReader(f)}
    return closeness, ties


def middle(closeness: int) -> float:
    return GEOMETRY["inner"] + (4 - closeness + 0.5) * GEOMETRY["band"]


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    for name in ("Ana", "Ben", "Cy", "Di"):
        ws.add_person(name)
    return ws


def test_everyone_starts_in_the_tray_and_opening_writes_nothing(ws):
    before = {p.name: p.read_bytes() for p in ws.path.iterdir() if p.is_file()}
    board = RingsBoard(ws)
    assert [p["closeness"] for p in board.canvas.people] == [0, 0, 0, 0]
    assert all(p["x"] > GEOMETRY["tray_x"] for p in board.canvas.people)
    assert board.canvas.ties == [] and board.canvas.ego == "You"
    assert "Not placed yet</b> (4): Ana, Ben, Cy, Di" in board.placed.value
    assert {p.name: p.read_bytes() for p in ws.path.iterdir() if p.is_file()} == before


def test_a_drop_on_each_ring_saves_its_closeness_at_once(ws):
    board = RingsBoard(ws)
    # inner ring = 4 (very close), as netkit/schema.py declares closeness: 1 not close … 4 very close
    for aid, c in zip(["p001", "p002", "p003", "p004"], [4, 3, 2, 1]):
        drop(board, aid, 0.0, -middle(c))
        assert on_disk(ws)[0][aid] == str(c), board.message_text
    assert board.message_kind == "ok" and board.message_text == "✓ Saved: Di on ring 1 (not close)."
    assert board.canvas.status == board.message_text  # announced on the drawing too
    assert ws.board_positions() == {a: (0.0, -middle(c)) for a, c in zip(["p001", "p002", "p003", "p004"],
                                                                          [4, 3, 2, 1])}
    assert [(p["closeness"], p["x"], p["y"]) for p in board.canvas.people][0] == (4, 0.0, -middle(4))


def test_dropping_back_in_the_tray_clears_the_answer(ws):
    board = RingsBoard(ws)
    drop(board, "p002", 100.0, 100.0)
    assert on_disk(ws)[0]["p002"] == "4"
    drop(board, "p002", GEOMETRY["tray_x"] + 50, 0.0)
    closeness, _ = on_disk(ws)
    assert closeness == {"p001": "", "p002": "", "p003": "", "p004": ""}  # blank: not known, nothing filled in
    assert "p002" not in ws.board_positions()
    assert "back in the tray" in board.message_text
    row = ws.people().set_index("alter_id").loc["p002"]
    assert row["frequency"] == row["confiding"] == ""  # a drop sets closeness only


def test_drops_outside_the_rings_land_on_the_nearest_ring():
    # computed from GEOMETRY: inner radius 70, bands of 90 (4: 70–160, 3: 160–250, 2: 250–340, 1: 340–430)
    assert ring_of(0, 0) == 4 and ring_of(0, 159) == 4 and ring_of(0, 161) == 3
    assert ring_of(-339, 0) == 2 and ring_of(-341, 0) == 1 and ring_of(0, 900) == 1
    assert ring_of(GEOMETRY["tray_x"], 0) is None and ring_of(GEOMETRY["tray_x"] + 300, -400) is None


def test_a_drop_on_you_or_past_the_rings_lands_inside_the_ring(ws):
    board = RingsBoard(ws)
    drop(board, "p001", 3.0, 4.0)  # on you: the inner ring, same direction
    drop(board, "p002", -600.0, 0.0)  # far left, past the outer ring: ring 1
    shown = {p["id"]: p for p in board.canvas.people}
    assert on_disk(ws)[0]["p001"] == "4" and on_disk(ws)[0]["p002"] == "1"
    a, b = shown["p001"], shown["p002"]
    assert ring_of(a["x"], a["y"]) == 4 and math.atan2(a["y"], a["x"]) == pytest.approx(math.atan2(4, 3), abs=0.01)
    # inner edge 70 + half a name's height (19) = 89 from you; ring 1 ends 19 inside 430
    assert math.hypot(a["x"], a["y"]) == pytest.approx(89, abs=0.1) and (b["x"], b["y"]) == (-411.0, 0.0)
    assert ws.board_positions()["p002"] == (-411.0, 0.0)


def test_clicking_two_people_draws_then_removes_the_tie(ws):
    board = RingsBoard(ws)
    click_pair(board, "p001", "p003")
    assert on_disk(ws)[1] == {frozenset({"p001", "p003"})}
    assert board.canvas.ties == [["p001", "p003"]]
    assert board.message_text == "✓ Saved: Ana and Cy know each other."
    click_pair(board, "p003", "p001")  # the same pair, either order: removed
    assert on_disk(ws)[1] == set() and board.canvas.ties == []
    assert "do not know each other" in board.message_text
    click_pair(board, "p002", "p002")
    assert board.message_kind == "warn" and on_disk(ws)[1] == set()


def test_a_restart_shows_the_board_as_it_was_left(ws):
    board = RingsBoard(ws)
    drop(board, "p001", -200.0, 12.5)
    key(board, "p002", 4)
    click_pair(board, "p001", "p002")
    left = (board.canvas.people, board.canvas.ties, board.placed.value)
    again = RingsBoard(Workspace(ws.name, root=ws.root))  # a new kernel: a new board on the same folder
    assert (again.canvas.people, again.canvas.ties, again.placed.value) == left
    assert next(p for p in again.canvas.people if p["id"] == "p001") == {
        "id": "p001", "name": "Ana", "label": "Ana", "closeness": 3, "x": -200.0, "y": 12.5}


def test_keys_find_room_on_the_ring_and_keep_the_direction(ws):
    board = RingsBoard(ws)
    key(board, "p001", 3)
    p = next(p for p in board.canvas.people if p["id"] == "p001")
    assert p["closeness"] == 3 and ring_of(p["x"], p["y"]) == 3
    drop(board, "p001", 0.0, middle(3))  # straight below you
    key(board, "p001", 1)  # further out, same direction
    p = next(p for p in board.canvas.people if p["id"] == "p001")
    assert (p["x"], p["y"]) == pytest.approx((0.0, middle(1)), abs=0.1)
    key(board, "p001", 0)
    assert on_disk(ws)[0]["p001"] == ""


def test_undo_takes_back_changes_one_at_a_time(ws):
    board = RingsBoard(ws)
    board.undo_button.click()
    assert "Nothing to undo" in board.message_text
    drop(board, "p001", 0.0, -middle(2))
    drop(board, "p001", 0.0, -middle(4))
    click_pair(board, "p001", "p002")
    undo_key(board)
    assert on_disk(ws) == ({"p001": "4", "p002": "", "p003": "", "p004": ""}, set())
    assert board.message_text == "✓ Undone: the line between Ana and Ben is gone."
    board.undo_button.click()
    assert on_disk(ws)[0]["p001"] == "2" and ws.board_positions()["p001"] == (0.0, -middle(2))
    assert board.message_text == "✓ Undone: Ana is back in ring 2 (somewhat close)."
    board.undo_button.click()
    assert on_disk(ws)[0]["p001"] == "" and "p001" not in ws.board_positions()
    board.undo_button.click()
    assert "Nothing to undo" in board.message_text


def test_undo_of_a_removed_tie_puts_it_back(ws):
    ws.set_tie("p003", "p004")
    board = RingsBoard(ws)
    assert board.canvas.ties == [["p003", "p004"]]
    click_pair(board, "p004", "p003")
    assert on_disk(ws)[1] == set()
    board.undo()
    assert on_disk(ws)[1] == {frozenset({"p003", "p004"})} and "is back" in board.message_text


def test_closeness_given_in_the_forms_shows_on_the_board(ws):
    ws.update_person("p002", closeness=2)
    ws.update_person("p003", closeness=2)
    board = RingsBoard(ws)
    shown = {p["id"]: p for p in board.canvas.people}
    assert shown["p002"]["closeness"] == shown["p003"]["closeness"] == 2
    assert ring_of(shown["p002"]["x"], shown["p002"]["y"]) == 2 and ring_of(shown["p003"]["x"], shown["p003"]["y"]) == 2
    # side by side, names apart: boxes about 11.5 units a letter + 16 wide, 38 high (as Chromium draws them)
    dx, dy = abs(shown["p002"]["x"] - shown["p003"]["x"]), abs(shown["p002"]["y"] - shown["p003"]["y"])
    assert dx >= (11.5 * 3 + 16 + 11.5 * 2 + 16) / 2 or dy >= 38
    drop(board, "p002", -middle(2), 0.0)  # left of you
    ws.update_person("p002", closeness=4)  # changed in another form: the same direction, the right ring
    board.refresh()
    p = {p["id"]: p for p in board.canvas.people}["p002"]
    assert (p["closeness"], p["y"]) == (4, 0.0) and p["x"] == pytest.approx(-middle(4))


def test_the_action_trait_is_what_the_board_acts_on(ws):
    board = RingsBoard(ws)
    board.canvas.action = {"kind": "place", "alter_id": "p003", "closeness": 2, "x": None, "y": None, "seq": "t1"}
    assert on_disk(ws)[0]["p003"] == "2"
    board.canvas._handle_custom_msg({"event": "something else"}, [])  # other messages are not actions
    board.canvas._handle_custom_msg("place", [])
    assert board.canvas.action["seq"] == "t1" and on_disk(ws)[0]["p003"] == "2"


def test_bad_actions_are_one_sentence_and_change_nothing(ws):
    board = RingsBoard(ws)
    from_page(board, kind="place", alter_id="p001", closeness=7, x=None, y=None)
    assert board.message_kind == "error" and "7 is not on the 1–4 scale" in board.message_text
    Workspace(ws.name, root=ws.root).remove_person("p004")  # removed in another window
    drop(board, "p004", 0.0, -middle(3))
    assert board.message_kind == "error" and "no person with id 'p004'" in board.message_text
    assert "Traceback" not in board.message_text
    assert on_disk(ws)[0] == {"p001": "", "p002": "", "p003": ""}
    assert board.history == []


def test_a_failed_write_is_a_message_and_nothing_changes(ws, monkeypatch):
    board = RingsBoard(ws)
    before = (ws.path / "alters.csv").read_bytes()

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    drop(board, "p001", 0.0, -middle(4))
    monkeypatch.undo()
    assert board.message_kind == "error" and "Not saved" in board.message_text
    assert (ws.path / "alters.csv").read_bytes() == before and board.history == []


def test_an_empty_workspace_says_what_to_do(tmp_path):
    board = RingsBoard(Workspace("empty", root=tmp_path))
    assert board.canvas.people == [] and "add the people you know with the name generator" in board.message_text
    assert not (tmp_path / "empty").exists()


def test_hostile_names_are_text_everywhere(tmp_path):
    ws = Workspace("h", root=tmp_path)
    names = [n for n in HOSTILE_NAMES if len(n) < 100]
    ids = [ws.add_person(n) for n in names]
    board = RingsBoard(ws)
    for aid in ids[:4]:
        drop(board, aid, 0.0, -middle(4))
    click_pair(board, ids[0], ids[1])
    html = board.placed.value + board.message.value
    for bad in ("<script>", "<img", "<svg", "<a href", "<!--"):
        assert bad not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in board.placed.value
    # names go to the front end unchanged (it sets them as text); long ones are cut on the drawing only
    shown = {p["id"]: p for p in board.canvas.people}
    assert [shown[a]["name"] for a in ids] == [ws.people().set_index("alter_id").loc[a, "name"] for a in ids]
    assert all(len(p["label"]) <= 17 for p in board.canvas.people)
    again = RingsBoard(Workspace("h", root=tmp_path))
    assert again.canvas.people == board.canvas.people and again.canvas.ties == board.canvas.ties


def test_forty_people_fit_in_the_tray_and_keep_their_names_apart(tmp_path):
    ws = Workspace("many", root=tmp_path)
    for i in range(60):
        ws.add_person(f"Person number {i}")
    people = board_people(ws.people(), {})
    spots = {(p["x"], p["y"]) for p in people}
    assert len(spots) == 60  # nobody on top of anyone
    rows = sorted({p["y"] for p in people})
    assert min(b - a for a, b in zip(rows, rows[1:])) >= GEOMETRY["row"] - 0.01


def test_the_board_is_a_public_name():
    assert nk.RingsBoard is RingsBoard


def test_people_placed_without_a_position_keep_their_names_apart(tmp_path):
    ws = Workspace("many", root=tmp_path)
    for i in range(40):
        ws.add_person(f"Person number {i + 1}", closeness=1 + i % 4 if i < 24 else None)
    spots = {}
    people = board_people(ws.people(), {}, spots)
    on_rings = [p for p in people if p["closeness"]]
    assert len(on_rings) == 24 and all(ring_of(p["x"], p["y"]) == p["closeness"] for p in on_rings)
    half = {p["id"]: (11.5 * len(p["label"]) + 16) / 2 for p in on_rings}  # as Chromium draws 18-unit names
    boxes = [(p["x"] - half[p["id"]], p["y"] - 19, p["x"] + half[p["id"]], p["y"] + 19) for p in on_rings]
    overlapping = [(i, j) for i in range(len(boxes)) for j in range(i) if boxes[i][0] < boxes[j][2]
                   and boxes[j][0] < boxes[i][2] and boxes[i][1] < boxes[j][3] and boxes[j][1] < boxes[i][3]]
    assert overlapping == []
    assert board_people(ws.people(), {}, spots) == people  # drawn again: nobody moves


def test_a_full_ring_still_gives_a_place_on_it():
    taken = [(-1000.0, -1000.0, 1000.0, 1000.0)]  # everything covered
    x, y = free_spot(4, "Ana", taken, angle=0.0)
    assert ring_of(x, y) == 4 and (x, y) == (115.0, 0.0)  # the middle of ring 4's band, to the right


def test_names_added_in_the_name_generator_wait_in_the_tray(tmp_path):
    from netkit.widgets import NameGenerator, SelfAssessment, link_forms

    ws = Workspace("w", root=tmp_path)
    names, board = NameGenerator(ws), RingsBoard(ws)
    link_forms(names, board)  # as notebook 01 does
    names.name_input.value = "Ana"
    names.add_button.click()
    assert [(p["name"], p["closeness"]) for p in board.canvas.people] == [("Ana", 0)]
    app = SelfAssessment(ws)  # the Voilà app: names, then the board, then the support questions
    assert app.children.index(app.board) == app.children.index(app.names) + 1
    app.names.name_input.value = "Ben"
    app.names.add_button.click()
    from_page(app.board, kind="place", alter_id="p002", closeness=3, x=None, y=None)
    assert on_disk(ws)[0] == {"p001": "", "p002": "3"}
