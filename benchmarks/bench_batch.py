"""Many egos: nk.summarize against a plain per-ego networkx loop, in one run.

    .venv/bin/python benchmarks/bench_batch.py                 # 10,000 egos x 25 alters (about 3 minutes)
    .venv/bin/python benchmarks/bench_batch.py --egos 1000     # quicker

Builds one seeded synthetic survey (every ego has the same number of alters in six contexts,
ties likelier inside a context), then times, on the same collection in the same process:

- netkit in this process: ``nk.summarize(coll, group="context")``;
- netkit on a 2-process pool: the same call with ``executor=ProcessPoolExecutor(2)``, the pool's
  start-up included;
- a plain loop over egos, one networkx graph each, computing the same columns the way a
  researcher would by hand (``nx.local_constraint`` for constraint and hierarchy,
  ``nx.effective_size``, components, the strength index and Blau/IQV/E-I in plain Python).

It checks the three tables agree (netkit serial and pooled to the last bit, networkx to 1e-9),
prints the times, the ratio and the machine. Target (issue 7): 10,000 egos x 25 alters
summarised in under 30 s on 2 cores.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor

import networkx as nx
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmarks' shared helpers
from machine import describe  # noqa: E402

SEED = 20261123
CONTEXTS = ("family", "close friends", "college", "current job", "neighbourhood", "club")
COLUMNS = ["size", "alter_ties", "density", "density_with_ego", "constraint", "effective_size", "efficiency",
           "hierarchy", "components", "isolates", "mean_strength", "weak_share", "ei_index", "blau", "iqv"]


def synthetic_survey(egos: int, alters: int, *, p_in: float = 0.45, p_out: float = 0.05, seed: int = SEED):
    """A seeded collection: ``egos`` egos with ``alters`` alters each, ties likelier within a context."""
    from netkit.errors import Origin
    from netkit.model import make_collection

    rng = np.random.default_rng(seed)
    m = egos * alters
    ego_ids = np.array([f"E{i:05d}" for i in range(egos)], dtype=object)
    context = rng.integers(0, len(CONTEXTS), m)
    table = pd.DataFrame({
        "ego_id": np.repeat(ego_ids, alters),
        "alter_id": np.tile(np.array([str(j + 1) for j in range(alters)], dtype=object), egos),
        "context": np.array(CONTEXTS, dtype=object)[context],
        "closeness": rng.integers(1, 5, m).astype(float),
        "frequency": rng.integers(1, 6, m).astype(float),
        "years_known": np.minimum(np.round(rng.gamma(2.0, 6.0, m), 1), 80.0),
        "confiding": rng.integers(0, 2, m).astype(float),
        "support_given": rng.integers(0, 2, m).astype(float),
        "support_received": rng.integers(0, 2, m).astype(float),
    })
    iu, ju = np.triu_indices(alters, 1)
    ctx = context.reshape(egos, alters)
    same = ctx[:, iu] == ctx[:, ju]
    tied = rng.random(same.shape) < np.where(same, p_in, p_out)
    e, pair = np.nonzero(tied)
    ties = pd.DataFrame({"ego_id": ego_ids[e], "source": (iu[pair] + 1).astype(str).astype(object),
                         "target": (ju[pair] + 1).astype(str).astype(object)})
    return make_collection(pd.DataFrame({"ego_id": ego_ids}), table, ties,
                           origins={"alters": Origin("synthetic alters"), "ties": Origin("synthetic ties")},
                           source="synthetic survey")


def _strength(row) -> float:
    """The strength index with equal weights, written out from docs/measures.md."""
    items = [(row.closeness - 1) / 3, (row.frequency - 1) / 4,
             math.log1p(min(row.years_known, 100)) / math.log1p(100), row.confiding,
             (row.support_given + row.support_received) / 2]
    items = [x for x in items if x == x]
    return sum(items) / len(items) if items else float("nan")


def networkx_loop(coll, *, group: str = "context", threshold: float = 0.5) -> pd.DataFrame:
    """The baseline: one networkx graph per ego and plain Python, ego after ego."""
    k = coll.alters[group].dropna().nunique()
    ties_of = dict(tuple(coll.ties.groupby("ego_id", sort=False)))
    empty = coll.ties.iloc[:0]
    rows = []
    for ego_id, people in coll.alters.groupby("ego_id", sort=False):
        ties = ties_of.get(ego_id, empty)
        A = nx.Graph()
        A.add_nodes_from(people["alter_id"])
        A.add_edges_from((s, t) for s, t in zip(ties["source"], ties["target"]) if s != t)
        G = A.copy()
        G.add_edges_from(("ego", a) for a in people["alter_id"])
        n, t = A.number_of_nodes(), A.number_of_edges()
        local = [nx.local_constraint(G, "ego", j) for j in G["ego"]]
        C = sum(local)
        H = sum((c / (C / n)) * math.log(c / (C / n)) for c in local) / (n * math.log(n)) if n > 1 else float("nan")
        es = nx.effective_size(G, nodes=["ego"])["ego"]
        strength = [_strength(r) for r in people.itertuples()]
        known = [s for s in strength if s == s]
        of = dict(zip(people["alter_id"], people[group]))
        counts = people[group].value_counts().to_numpy()
        blau = 1 - sum(c * c for c in counts) / counts.sum() ** 2
        external = [of[u] != of[v] for u, v in A.edges()]
        rows.append({
            "ego_id": ego_id, "size": n, "alter_ties": t,
            "density": 2 * t / (n * (n - 1)) if n > 1 else float("nan"),
            "density_with_ego": 2 * (t + n) / ((n + 1) * n),
            "constraint": C, "effective_size": es, "efficiency": es / n, "hierarchy": H,
            "components": nx.number_connected_components(A), "isolates": nx.number_of_isolates(A),
            "mean_strength": sum(known) / len(known) if known else float("nan"),
            "weak_share": sum(s < threshold for s in known) / len(known) if known else float("nan"),
            "ei_index": (2 * sum(external) - len(external)) / len(external) if external else float("nan"),
            "blau": blau, "iqv": blau / (1 - 1 / k),
        })
    return pd.DataFrame(rows)


def compare(netkit: pd.DataFrame, baseline: pd.DataFrame) -> float:
    """Largest absolute difference over the shared columns; raises if NaNs or ids disagree."""
    a = netkit.set_index("ego_id")
    b = baseline.set_index("ego_id").reindex(a.index)
    worst = 0.0
    for col in COLUMNS:
        x, y = a[col].to_numpy(dtype=float), b[col].to_numpy(dtype=float)
        if not np.array_equal(np.isnan(x), np.isnan(y)):
            raise AssertionError(f"{col}: missing values in different places")
        both = ~np.isnan(x)
        if both.any():
            worst = max(worst, float(np.max(np.abs(x[both] - y[both]))))
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--egos", type=int, default=10_000)
    parser.add_argument("--alters", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2, help="processes in the pool (default 2)")
    parser.add_argument("--target", type=float, default=30.0, help="seconds netkit may take (default 30)")
    parser.add_argument("--no-extras", action="store_true",
                        help="skip the extra timings (alter table, a Dask LocalCluster)")
    args = parser.parse_args(argv)
    import netkit as nk

    print(f"machine: {describe(networkx=nx.__version__, pandas=pd.__version__)}")
    t0 = time.perf_counter()
    coll = synthetic_survey(args.egos, args.alters)
    built = time.perf_counter() - t0
    print(f"collection: {len(coll):,} egos x {args.alters} alters = {len(coll.alters):,} alters, "
          f"{len(coll.ties):,} alter-alter ties (seed {SEED}; built and checked in {built:.2f} s)")

    t0 = time.perf_counter()
    serial = nk.summarize(coll, group="context", progress=False)
    t_serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        pooled = nk.summarize(coll, group="context", executor=pool, progress=False)
    t_pool = time.perf_counter() - t0
    if not pooled.equals(serial):
        raise SystemExit("the pooled table differs from the one made in this process")

    t0 = time.perf_counter()
    baseline = networkx_loop(coll)
    t_loop = time.perf_counter() - t0
    worst = compare(serial, baseline)
    if worst > 1e-9:
        raise SystemExit(f"netkit and the networkx loop disagree by {worst:.2g}")

    best = min(t_serial, t_pool)
    met = "met" if best < args.target else "NOT met"
    print(f"netkit nk.summarize, this process:          {t_serial:8.2f} s")
    print(f"netkit nk.summarize, {args.workers}-process pool:       {t_pool:8.2f} s   (pool start-up included; same table to the last bit)")
    print(f"plain per-ego networkx loop:                {t_loop:8.2f} s")
    print(f"speed-up: {t_loop / t_serial:.0f}x in this process, {t_loop / t_pool:.0f}x on the pool; "
          f"largest difference {worst:.1e} (target <= 1e-9)")
    print(f"target: {args.egos:,} egos x {args.alters} alters in under {args.target:g} s: {met} ({best:.2f} s)")
    if not args.no_extras:
        extras(coll, serial, args.workers)
    return 0 if best < args.target else 1


def extras(coll, serial: pd.DataFrame, workers: int) -> None:
    """The per-alter table (its communities are a per-ego networkx loop) and a local Dask cluster."""
    import netkit as nk

    t0 = time.perf_counter()
    alters = nk.alter_table(coll, progress=False)
    t_alters = time.perf_counter() - t0
    t0 = time.perf_counter()
    nk.alter_table(coll, communities=False, progress=False)
    t_plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        pooled = nk.alter_table(coll, executor=pool, progress=False)
    t_pool = time.perf_counter() - t0
    if not pooled.equals(alters):
        raise SystemExit("the pooled alter table differs from the one made in this process")
    print(f"extra: nk.alter_table, this process: {t_alters:.2f} s with Louvain communities, {t_plain:.2f} s without; "
          f"{workers}-process pool: {t_pool:.2f} s (same table)")
    try:
        import logging

        from distributed import Client, LocalCluster
    except ImportError:
        print("extra: Dask not installed (pip install -e '.[scale]'), LocalCluster not timed")
        return
    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        t1 = time.perf_counter()
        on_dask = nk.summarize(coll, group="context", executor=client.get_executor(), progress=False)
        t2 = time.perf_counter()
    if not on_dask.equals(serial):
        raise SystemExit("the Dask table differs from the one made in this process")
    print(f"extra: nk.summarize on a Dask LocalCluster ({workers} worker processes): {t2 - t1:.2f} s, "
          f"{t1 - t0:.2f} s more to start the cluster (same table to the last bit)")


if __name__ == "__main__":
    sys.exit(main())
