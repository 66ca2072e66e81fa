"""The board benchmark runs, and both of its sides save what they are timed for (small run, no timing checked)."""
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_board.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_board", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_sides_save_every_change(bench, tmp_path):
    ws = bench.workspace(tmp_path, 6)
    saved, redrawn = bench.bench_drops(ws, 5)  # each drop is checked in alters.csv (SystemExit if not)
    assert len(saved) == len(redrawn) == 5 and all(0 < s <= r for s, r in zip(saved, redrawn))
    assert len(bench.bench_form_closeness(ws, 5)) == 5
    on_board, in_form = bench.bench_ties(ws, 3)  # each tie is checked in ties.csv (SystemExit if not)
    assert len(on_board) == len(in_form) == 3


def test_the_script_prints_every_row(bench, capsys):
    bench.main(["--sizes", "5", "--changes", "3"])
    out = capsys.readouterr().out
    assert "CPU cores" in out and out.count("    5  ") == 5 and "target: a drop saved within 100 ms" in out
