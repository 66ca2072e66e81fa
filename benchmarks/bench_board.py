"""The rings board's Python side: from a drop (or a click on two people) to the saved file, against
the forms doing the same change, in one run.

    .venv/bin/python benchmarks/bench_board.py                  # 40 and 60 people, 40 changes each
    .venv/bin/python benchmarks/bench_board.py --sizes 40 --changes 20

For each size, a workspace in a temporary folder gets that many people (and one tie per person,
seeded), and a board is opened on it. A drop is what the browser sends when a person is let go
on a ring: the ``action`` trait set to ``{"kind": "place", …}``. Two times from setting the trait:
until the change is committed to disk (``alters.csv`` and ``manifest.json`` renamed into place,
all or nothing: the moment ``Workspace.place`` returns), and until the handler returns (the board
has also re-read the workspace and sent the people back). Each drop is checked on disk
afterwards (outside the timing), and so is each tie, on the board and in the census. Clicks on two people
(``{"kind": "tie", …}``) are timed the same way.

The baseline is the forms: the same closeness chosen in the name interpreter's drop-down
(``NameInterpreter.closeness.value = …``) and the same tie ticked in the census
(``TieCensus.boxes[…].value = True``), timed from setting the value until its handler returns.
Target (issue 17): a drop is saved within 100 ms (median and 95th percentile).
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from netkit.store import Workspace  # noqa: E402
from netkit.widgets import NameInterpreter, RingsBoard, TieCensus  # noqa: E402
from netkit.widgets.board import GEOMETRY, ring_of  # noqa: E402

SEED = 20261205
TARGET = 0.100  # seconds


def workspace(root: Path, n: int) -> Workspace:
    ws = Workspace(f"bench-{n}", root=root)
    for i in range(n):
        ws.add_person(f"Person {i + 1}")
    rnd = random.Random(SEED)
    ids = [f"p{i + 1:03d}" for i in range(n)]
    for a in ids:
        ws.set_tie(a, rnd.choice([b for b in ids if b != a]))
    return ws


def closeness_on_disk(ws: Workspace) -> dict[str, str]:
    with open(ws.path / "alters.csv", encoding="utf-8", newline="") as f:
        return {r["alter_id"]: r["closeness"] for r in csv.DictReader(f)}


def tied(ws: Workspace, a: str, b: str) -> bool:
    with open(ws.path / "ties.csv", encoding="utf-8", newline="") as f:
        return any({r["source"], r["target"]} == {a, b} for r in csv.DictReader(f))


def timed(set_value) -> float:
    t0 = time.perf_counter()
    set_value()
    return time.perf_counter() - t0


def bench_drops(ws: Workspace, changes: int) -> tuple[list[float], list[float]]:
    """(drop -> committed on disk, drop -> board updated) for ``changes`` drops."""
    board = RingsBoard(ws)
    rnd = random.Random(SEED)
    ids = [p["id"] for p in board.canvas.people]
    saved_at: list[float] = []
    place = board.workspace.place

    def place_and_note(*args, **kwargs):  # the moment the change is committed (the files renamed into place)
        result = place(*args, **kwargs)
        saved_at.append(time.perf_counter())
        return result

    board.workspace.place = place_and_note
    times, saved = [], []
    for k in range(changes):
        aid, ring = rnd.choice(ids), 1 + k % 4
        radius = GEOMETRY["inner"] + (4 - ring + rnd.random()) * GEOMETRY["band"]
        angle = rnd.uniform(0, 6.283)
        x, y = radius * math.cos(angle), radius * math.sin(angle)
        action = {"kind": "place", "alter_id": aid, "closeness": ring_of(x, y), "x": x, "y": y, "seq": f"d{k}"}
        t0 = time.perf_counter()
        board.canvas.action = action
        times.append(time.perf_counter() - t0)
        saved.append(saved_at[-1] - t0)
        if closeness_on_disk(ws)[aid] != str(ring_of(x, y)):
            raise SystemExit(f"drop {k} was not saved: {board.message_text}")
    return saved, times


def bench_form_closeness(ws: Workspace, changes: int) -> list[float]:
    form = NameInterpreter(ws)
    rnd = random.Random(SEED + 1)
    ids = [a for _, a in form.person.options]
    times = []
    for k in range(changes):
        aid, ring = rnd.choice(ids), 1 + k % 4
        form.person.value = aid
        if form.closeness.value == ring:
            ring = 1 + ring % 4
        times.append(timed(lambda: setattr(form.closeness, "value", ring)))
        if closeness_on_disk(ws)[aid] != str(ring):
            raise SystemExit(f"form change {k} was not saved: {form.message_text}")
    return times


def bench_ties(ws: Workspace, changes: int) -> tuple[list[float], list[float]]:
    board, census = RingsBoard(ws), TieCensus(ws)
    rnd = random.Random(SEED + 2)
    ids = [p["id"] for p in board.canvas.people]
    on_board, in_form = [], []
    for k in range(changes):
        a, b = rnd.sample(ids, 2)
        action = {"kind": "tie", "a": a, "b": b, "seq": f"t{k}"}
        before = tied(ws, a, b)
        on_board.append(timed(lambda: setattr(board.canvas, "action", action)))
        if tied(ws, a, b) == before:
            raise SystemExit(f"click {k} was not saved: {board.message_text}")
        census.person.value = a
        census.refresh()  # the board just changed the ties: the census shows the file as it is now
        box = census.boxes.get(b)
        if box is None:
            census.show_all.value = True
            box = census.boxes[b]
        want = not box.value
        in_form.append(timed(lambda: setattr(box, "value", want)))
        if tied(ws, a, b) != want:
            raise SystemExit(f"census tick {k} was not saved: {census.message_text}")
    return on_board, in_form


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def row(what: str, n: int, times: list[float], baseline: list[float] | None = None) -> str:
    ms = [t * 1000 for t in times]
    ratio = f"{statistics.median(times) / statistics.median(baseline):13.2f}x" if baseline else " " * 14
    return f"{n:6d}  {what:<34} {statistics.median(ms):8.1f} ms {p95(ms):8.1f} ms {max(ms):8.1f} ms {ratio}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 60], help="people in the workspace")
    parser.add_argument("--changes", type=int, default=40, help="drops (and ties) timed per size")
    args = parser.parse_args(argv)
    print(f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPU cores")
    print(f"{'people':>6}  {'change':<34} {'median':>11} {'95th pct':>11} {'max':>11} {'board/forms':>14}")
    met = True
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            ws = workspace(Path(tmp), n)
            saved, drops = bench_drops(ws, args.changes)
            form = bench_form_closeness(ws, args.changes)
            tie_board, tie_form = bench_ties(ws, args.changes)
        print(row("board: drop on a ring -> saved", n, saved, form))
        print(row("board: drop -> saved and redrawn", n, drops, form))
        print(row("forms: closeness drop-down -> saved", n, form))
        print(row("board: click two people -> saved", n, tie_board, tie_form))
        print(row("forms: census tick -> saved", n, tie_form))
        met &= statistics.median(saved) < TARGET and p95(saved) < TARGET
    print(f"target: a drop saved within {TARGET * 1000:.0f} ms (median and 95th percentile): "
          f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
