"""The rings board in a real JupyterLab in headless Chromium, every outside request blocked.

With the mouse: drag a person from the tray onto ring 1, click two people to draw the tie
between them, shut the kernel down, run the notebook again — the same board comes back, and
the workspace files say the same; then drag the person back to the tray. With the keyboard:
select a person in the list, press 4, move to another, press T (the line to the first), 3, 0
(back to the tray) and U (undo). Forty names drawn readable, apart; the board as a step of the
Voilà app (`make app`). Names are hostile; they show as text.
"""
from __future__ import annotations

import csv
import json
import time

import pytest
from helpers_lab import REPO, assert_no_errors, code_notebook, run_all, served_folder, shut_down

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000
NAMES = ["Ana <script>alert(1)</script>", 'Ben "the boss" 🚲', "Chloé & <b>Co</b>"]


def notebook_json(workspace: str) -> dict:
    return code_notebook([
        "import os\n"
        f"os.environ['NETKIT_WORKSPACE'] = {workspace!r}\n"
        "import netkit as nk\n"
        "board = nk.RingsBoard()\n"
        "board",
    ])


@pytest.fixture
def board_notebook(tmp_path):
    """A notebook in a git-ignored folder of the served root; a workspace with three people."""
    from netkit.store import Workspace

    ws = Workspace("my-network", root=tmp_path / "ws")
    for name in NAMES:
        ws.add_person(name)
    with served_folder("netkit-board") as folder:
        path = folder / "board.ipynb"
        path.write_text(json.dumps(notebook_json(str(tmp_path / "ws"))), encoding="utf-8")
        yield path.relative_to(REPO).as_posix(), ws


def open_and_run(page, lab_server, notebook: str) -> None:
    workspace = "netkit-" + notebook.split("/")[-2]
    page.goto(f"{lab_server.base_url}/lab/workspaces/{workspace}/tree/{notebook}?token={lab_server.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)
    run_all(page)
    page.locator(".nk-board-stage canvas").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".nk-board-person").nth(len(NAMES) - 1).wait_for(timeout=TIMEOUT_MS)


def node_xy(page, alter_id: str) -> tuple[float, float]:
    """Where a person is drawn, in page pixels (vis-network's canvas to the page)."""
    box = page.locator(".nk-board-stage").bounding_box()
    xy = page.evaluate(
        """id => { const net = document.querySelector('.nk-board-stage').__nkNetwork;
                   const p = net.getPositions([id])[id]; return net.canvasToDOM(p); }""", alter_id)
    return box["x"] + xy["x"], box["y"] + xy["y"]


def world_xy(page, alter_id: str) -> tuple[float, float]:
    """Where a person is on the board, in the board's own units (independent of scrolling)."""
    p = page.evaluate("id => document.querySelector('.nk-board-stage').__nkNetwork.getPositions([id])[id]", alter_id)
    return p["x"], p["y"]


def ring_xy(page, closeness: int) -> tuple[float, float]:
    """A point in the middle of a ring's band, left of you, in page pixels."""
    box = page.locator(".nk-board-stage").bounding_box()
    xy = page.evaluate(
        """c => { const net = document.querySelector('.nk-board-stage').__nkNetwork;
                  return net.canvasToDOM({x: -(70 + (4 - c + 0.5) * 90), y: 0}); }""", closeness)
    return box["x"] + xy["x"], box["y"] + xy["y"]


def tray_xy(page) -> tuple[float, float]:
    """A free point low in the tray, in page pixels."""
    box = page.locator(".nk-board-stage").bounding_box()
    xy = page.evaluate("""() => { const net = document.querySelector('.nk-board-stage').__nkNetwork;
                                  return net.canvasToDOM({x: 590, y: 300}); }""")
    return box["x"] + xy["x"], box["y"] + xy["y"]


def drag(page, start: tuple[float, float], end: tuple[float, float]) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=8)
    page.mouse.move(*end, steps=8)
    page.mouse.up()


def rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def wait_for_file(check, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, KeyError, StopIteration):
            pass
        time.sleep(0.1)
    assert check()


def closeness(ws) -> dict:
    return {r["alter_id"]: r["closeness"] for r in rows(ws.path / "alters.csv")}


def tie_pairs(ws) -> set:
    return {frozenset((r["source"], r["target"])) for r in rows(ws.path / "ties.csv")} \
        if (ws.path / "ties.csv").exists() else set()


def test_the_board_with_the_mouse_survives_a_kernel_shutdown(lab_server, page, outside_requests, board_notebook):
    notebook, ws = board_notebook
    dialogs = []

    def on_dialog(dialog):  # leaving the notebook asks about unsaved changes: yes; anything else is recorded
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialogs.append(dialog.message)
            dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_viewport_size({"width": 1400, "height": 1000})
    open_and_run(page, lab_server, notebook)
    page.locator(".nk-board-stage").scroll_into_view_if_needed()

    # drag Ana from the tray onto ring 1 (the outer ring: not close)
    drag(page, node_xy(page, "p001"), ring_xy(page, 1))
    page.locator(".nk-board-status", has_text="Saved: Ana <script>alert(1)</script> on ring 1").wait_for(
        timeout=TIMEOUT_MS)
    wait_for_file(lambda: closeness(ws)["p001"] == "1")
    assert closeness(ws) == {"p001": "1", "p002": "", "p003": ""}  # nobody else touched
    dropped = node_xy(page, "p001")
    left_at = world_xy(page, "p001")
    assert ws.board_positions()["p001"] == pytest.approx(left_at, abs=0.1)  # where it was dropped, saved

    # click Ana, then Ben: the tie between them
    page.mouse.click(*dropped)
    page.mouse.click(*node_xy(page, "p002"))
    page.locator(".nk-board-status", has_text="know each other").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: tie_pairs(ws) == {frozenset(("p001", "p002"))})
    page.wait_for_function("() => document.querySelector('.nk-board-stage').__nkEdges.length === 1",
                           timeout=TIMEOUT_MS)  # the line is drawn
    assert page.locator(".netkit-board-placed", has_text="Ring 1 · not close (1): Ana <script>").count() == 1
    assert_no_errors(page)

    # a kernel shutdown, then the notebook again: the same board
    assert shut_down(lab_server, notebook) == 1  # the kernel that drew it is gone
    open_and_run(page, lab_server, notebook)
    page.wait_for_function("() => document.querySelector('.nk-board-stage').__nkEdges.length === 1",
                           timeout=TIMEOUT_MS)
    assert world_xy(page, "p001") == pytest.approx(left_at, abs=0.1)  # where it was left
    assert page.locator(".nk-board-person", has_text="Ana <script>alert(1)</script> — ring 1 (not close)").count() == 1
    assert page.locator(".nk-board-person", has_text="— not placed yet").count() == 2
    assert closeness(ws) == {"p001": "1", "p002": "", "p003": ""}

    # and back to the tray: not known again (the tie stays)
    drag(page, node_xy(page, "p001"), tray_xy(page))
    page.locator(".nk-board-status", has_text="back in the tray").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: closeness(ws)["p001"] == "")
    assert tie_pairs(ws) == {frozenset(("p001", "p002"))} and "p001" not in ws.board_positions()
    page.locator(".nk-board-person", has_text="Ana <script>alert(1)</script> — not placed yet").wait_for(
        timeout=TIMEOUT_MS)
    assert dialogs == []
    assert_no_errors(page)
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
    shut_down(lab_server, notebook)


def test_the_board_with_the_keyboard(lab_server, page, outside_requests, board_notebook):
    notebook, ws = board_notebook
    page.set_viewport_size({"width": 1400, "height": 1000})
    open_and_run(page, lab_server, notebook)
    people = page.locator(".nk-board-person")
    people.first.focus()
    page.keyboard.press("4")
    page.locator(".nk-board-status", has_text="on ring 4 (very close)").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: closeness(ws)["p001"] == "4")
    page.locator(".nk-board-person", has_text="— ring 4 (very close)").wait_for(timeout=TIMEOUT_MS)
    assert page.evaluate("() => document.activeElement.dataset.id") == "p001"  # focus stays on the person

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("t")  # Chloé tied with Ana, the person selected before
    page.locator(".nk-board-status", has_text="know each other").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: tie_pairs(ws) == {frozenset(("p001", "p003"))})

    page.keyboard.press("3")
    wait_for_file(lambda: closeness(ws)["p003"] == "3")
    page.keyboard.press("0")  # back to the tray: not known again
    page.locator(".nk-board-status", has_text="back in the tray").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: closeness(ws)["p003"] == "")
    page.keyboard.press("u")  # undo: Chloé back on ring 3
    page.locator(".nk-board-status", has_text="Undone").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: closeness(ws)["p003"] == "3")
    assert closeness(ws) == {"p001": "4", "p002": "", "p003": "3"}
    assert tie_pairs(ws) == {frozenset(("p001", "p003"))}
    assert_no_errors(page)
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
    shut_down(lab_server, notebook)


def test_forty_names_are_readable(lab_server, page, board_notebook):
    """40 people, half on the rings and half in the tray: each name drawn at 11 px or more on a
    1280-pixel-wide screen, and no two names on top of each other."""
    notebook, ws = board_notebook
    for i in range(40 - len(NAMES)):
        ws.add_person(f"Person number {i + 1}")
    for k, aid in enumerate(f"p{i:03d}" for i in range(1, 21)):
        ws.update_person(aid, closeness=1 + k % 4)  # as the forms would: the board spreads them round
    page.set_viewport_size({"width": 1280, "height": 900})
    open_and_run(page, lab_server, notebook)
    page.locator(".nk-board-person").nth(39).wait_for(timeout=TIMEOUT_MS)
    found = page.evaluate("""() => {
        const stage = document.querySelector('.nk-board-stage'), net = stage.__nkNetwork;
        const ids = net.body.data.nodes.getIds().filter((id) => id !== '__ego__');
        const boxes = ids.map((id) => net.getBoundingBox(id));
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++) { for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                overlaps.push(`${ids[i]} ${ids[j]}`); } } }
        return { count: ids.length, px: net.getScale() * 18, overlaps, sample: ids.slice(0, 6).map((id, i) => [id, net.body.data.nodes.get(id).label, boxes[i], net.getPositions([id])[id]]) };
    }""")
    assert found["count"] == 40
    assert found["px"] >= 11, f"names drawn at {found['px']:.1f} px"
    assert found["overlaps"] == [], found["sample"]
    shut_down(lab_server, notebook)


# ---------------------------------------------------------------- the Voilà app


from test_widgets_in_lab import voila_app  # noqa: E402,F401 — `make app` on a free port, a temporary workspace


def test_the_board_is_a_step_of_the_app(voila_app, page, outside_requests):  # noqa: F811
    url, folder = voila_app
    page.goto(url, timeout=TIMEOUT_MS)
    page.locator(".netkit-name-input input").wait_for(timeout=TIMEOUT_MS)
    page.locator(".netkit-name-input input").fill(NAMES[0])
    page.locator("button.netkit-add").click()
    person = page.locator(".nk-board-person", has_text="not placed yet")
    person.wait_for(timeout=TIMEOUT_MS)  # the new name waits in the board's tray
    page.locator(".nk-board-stage canvas").first.wait_for(timeout=TIMEOUT_MS)
    person.focus()
    page.keyboard.press("2")
    page.locator(".nk-board-status", has_text="on ring 2 (somewhat close)").wait_for(timeout=TIMEOUT_MS)
    wait_for_file(lambda: rows(folder / "alters.csv")[0]["closeness"] == "2")
    assert page.locator(".netkit-error").count() == 0
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
