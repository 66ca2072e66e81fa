"""Reading data as researchers publish it: a 1,000,000-edge edge list, and a 10,000-ego survey with a codebook.

    .venv/bin/python benchmarks/bench_read.py           # both, about a minute
    .venv/bin/python benchmarks/bench_read.py --egos 2000

1. A seeded edge list of 1,000,000 edges (200,000 nodes, ids as text) read by ``nk.read`` (ids trimmed,
   pairs listed twice found and counted, the graph built), against the floor of any reader in the same
   run: ``pandas.read_csv`` of the same file into two text columns, and networkx's own
   ``nx.read_edgelist``. Target (issue 13): under 3 s.
2. A 10,000-ego survey (25 alters each, closeness asked on 1–5, frequency on a reversed 1–6 scale,
   -99 for "not known", egor's file names among other files) read through its ``datapackage.json`` and
   summarised by ``nk.summarize``; the baseline in the same run is the same tables read as netkit's own
   folder (closeness rescaled to 1–4 beforehand, no codebook) and summarised. Target: under 30 s.

Each side runs in this process after its imports; times are the best of ``--repeat`` runs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261205


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def edge_list(path: Path, edges: int = 1_000_000, nodes: int = 200_000) -> None:
    rng = np.random.default_rng(SEED)
    s, t = rng.integers(0, nodes, edges), rng.integers(0, nodes, edges)
    pd.DataFrame({"source": np.char.add("n", s.astype(str)), "target": np.char.add("n", t.astype(str))}) \
        .to_csv(path, index=False)


def survey(folder: Path, egos: int, alters: int = 25) -> None:
    """egor's three files (egos_1/alters_1/edges_1) beside other files, and a codebook for them."""
    rng = np.random.default_rng(SEED)
    folder.mkdir()
    ego = np.repeat(np.arange(1, egos + 1), alters)
    alter = np.tile(np.arange(1, alters + 1), egos)
    closeness = rng.integers(1, 6, len(ego)).astype(object)
    closeness[rng.random(len(ego)) < 0.05] = -99
    pd.DataFrame({"egoID": np.arange(1, egos + 1), "sex": rng.choice(["w", "m", "NA"], egos)}) \
        .to_csv(folder / "egos_1.csv", sep=";", index=False)
    pd.DataFrame({"egoID": ego, "alterID": alter, "closeness": closeness,
                  "often": rng.integers(1, 7, len(ego))}).to_csv(folder / "alters_1.csv", sep=";", index=False)
    pairs = []
    for e in range(1, egos + 1):
        a, b = rng.integers(1, alters + 1, (2, 60))
        keep = a < b
        pairs.append(np.column_stack([np.full(keep.sum(), e), a[keep], b[keep]]))
    pd.DataFrame(np.vstack(pairs), columns=["egoID", "Source", "Target"]).drop_duplicates() \
        .to_csv(folder / "edges_1.csv", sep=";", index=False)
    (folder / "codes.txt").write_text("not a table\n")
    field = lambda name, **kw: {"name": name, **kw}
    package = {"name": "bench-survey", "resources": [
        {"path": "egos_1.csv", "netkit": {"table": "egos"}, "schema": {"fields": [field("egoID", netkit={"role": "ego_id"})]}},
        {"path": "alters_1.csv", "netkit": {"table": "alters"}, "schema": {"missingValues": ["", "NA", "-99"], "fields": [
            field("egoID", netkit={"role": "ego_id"}), field("alterID", netkit={"role": "alter_id"}),
            field("closeness", type="integer", constraints={"minimum": 1, "maximum": 5}, netkit={"role": "closeness"}),
            field("often", type="integer", constraints={"minimum": 1, "maximum": 6},
                  netkit={"role": "frequency", "reverse": True})]}},
        {"path": "edges_1.csv", "netkit": {"table": "ties"}, "schema": {"fields": [
            field("egoID", netkit={"role": "ego_id"}), field("Source", netkit={"role": "source"}),
            field("Target", netkit={"role": "target"})]}},
    ]}
    (folder / "datapackage.json").write_text(json.dumps(package, indent=1))
    own = folder.parent / "own"
    own.mkdir()
    a = pd.read_csv(folder / "alters_1.csv", sep=";", dtype=str).replace("-99", "")
    a = a.rename(columns={"egoID": "ego_id", "alterID": "alter_id", "often": "frequency"})
    a["closeness"] = pd.to_numeric(a["closeness"]).map(lambda x: "" if pd.isna(x) else str(min(int(x), 4)))
    a["frequency"] = (7 - pd.to_numeric(a["frequency"])).clip(upper=5).astype(str)
    a.to_csv(own / "alters.csv", index=False)
    pd.read_csv(folder / "egos_1.csv", sep=";").rename(columns={"egoID": "ego_id"}).to_csv(own / "egos.csv", index=False)
    pd.read_csv(folder / "edges_1.csv", sep=";").rename(columns={"egoID": "ego_id", "Source": "source",
                                                                   "Target": "target"}).to_csv(own / "ties.csv", index=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--egos", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    import networkx as nx
    import netkit as nk
    import netkit.io.package  # noqa: F401  (imports before the clock)
    import netkit.io.whole  # noqa: F401

    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; pandas {pd.__version__}; "
          f"networkx {nx.__version__}")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        edge_list(tmp / "edges.csv")
        t_pd, _ = best(lambda: pd.read_csv(tmp / "edges.csv", dtype=str), args.repeat)
        t_nx, _ = best(lambda: nx.read_edgelist(tmp / "edges.csv", delimiter=",", comments="source"), 1)
        t_nk, net = best(lambda: nk.read(tmp / "edges.csv"), args.repeat)
        print(f"\n1. edge list, 1,000,000 rows: nk.read {t_nk:.2f} s (target < 3 s: {'met' if t_nk < 3 else 'NOT met'}); "
              f"pandas.read_csv alone {t_pd:.2f} s ({t_nk / t_pd:.1f}x of it); nx.read_edgelist {t_nx:.2f} s "
              f"({t_nx / t_nk:.1f}x slower than netkit); {net.G.number_of_edges():,} distinct edges")
        ok &= t_nk < 3
        survey(tmp / "study", args.egos)
        t_pkg, table = best(lambda: nk.summarize(nk.read(tmp / "study")), args.repeat)
        t_own, own = best(lambda: nk.summarize(nk.read(tmp / "own")), args.repeat)
        print(f"\n2. survey of {args.egos:,} egos x 25 alters with a datapackage.json (closeness 1-5, reversed "
              f"frequency 1-6, -99 missing): read + summarize {t_pkg:.2f} s (target < 30 s: "
              f"{'met' if t_pkg < 30 else 'NOT met'}); the same tables as netkit's folder, no codebook: {t_own:.2f} s "
              f"(the codebook costs {t_pkg / t_own:.2f}x); {len(table):,} rows")
        ok &= t_pkg < 30
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
