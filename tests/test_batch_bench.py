"""The batch benchmark's two sides agree: nk.summarize against a per-ego networkx loop (small run)."""
import importlib.util
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_batch.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_batch", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_summary_matches_a_plain_networkx_loop(bench):
    # values from networkx (local_constraint, effective_size, components) and plain Python, ego by ego
    coll = bench.synthetic_survey(150, 12)
    table = nk.summarize(coll, group="context")
    assert bench.compare(table, bench.networkx_loop(coll)) <= 1e-9
    with ProcessPoolExecutor(2) as pool:
        pd.testing.assert_frame_equal(nk.summarize(coll, group="context", executor=pool, chunk_size=20), table,
                                      check_exact=True)


def test_benchmark_runs_with_one_command(bench, capsys):
    assert bench.main(["--egos", "60", "--alters", "8", "--no-extras"]) == 0
    out = capsys.readouterr().out
    assert "2-process pool" in out and "plain per-ego networkx loop" in out and "target: 60 egos x 8 alters" in out
    assert "CPU cores" in out
