"""Introductions for one large ego network: nk.suggest_introductions against the plain pair loop, in one run.

    .venv/bin/python benchmarks/bench_introductions.py                  # 1,000 and 3,000 alters, about 3 minutes
    .venv/bin/python benchmarks/bench_introductions.py --sizes 1000 --cap 60

For each size, one seeded ego network (``synthetic_ego``: contacts in groups of about 100, ties
with probability 0.2 inside a group and 0.002 across, closeness 1-4 with a fifth unanswered) is
ranked twice, each side in a fresh process so that its peak memory is its own:

- netkit: ``nk.suggest_introductions(net, k=10)`` (pairs scored on sparse matrices a block of
  rows at a time; the what-if for the 10 rows), then the same with ``per_person=1``;
- the baseline, ``plain_loop``: the ranking as netkit 0.1 computed it, one Python dict per pair
  of alters, sorted with pandas (the what-if left out: it is the same code on both sides). It is
  stopped after ``--cap`` seconds.

Where the baseline finished, the two rankings must agree to the last bit (the script exits
non-zero otherwise). Target: 3,000 alters in under 10 s.
"""
from __future__ import annotations

import argparse
import itertools
import multiprocessing
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmarks' shared helpers
from machine import describe  # noqa: E402

SEED = 20261123
CONTEXTS = ("family", "close friends", "college", "current job", "neighbourhood", "club")


def synthetic_ego(n: int, *, group_size: int = 100, p_in: float = 0.2, p_out: float = 0.002, seed: int = SEED):
    """A seeded ego network of ``n`` alters in groups, ties likelier inside a group."""
    from netkit.errors import Origin
    from netkit.model import make_collection

    rng = np.random.default_rng(seed)
    group = rng.integers(0, max(1, n // group_size), n)
    ids = np.array([f"a{i:05d}" for i in rng.permutation(n)], dtype=object)  # the table is not in id order
    closeness = rng.integers(1, 5, n).astype(float)
    closeness[rng.random(n) < 0.2] = np.nan
    table = pd.DataFrame({"ego_id": "me", "alter_id": ids, "name": [f"Person {i}" for i in range(n)],
                          "context": np.array(CONTEXTS, dtype=object)[group % len(CONTEXTS)], "closeness": closeness})
    iu, ju = np.triu_indices(n, 1)
    tied = rng.random(len(iu)) < np.where(group[iu] == group[ju], p_in, p_out)
    ties = pd.DataFrame({"ego_id": "me", "source": ids[iu[tied]], "target": ids[ju[tied]]})
    return make_collection(None, table, ties, origins={"alters": Origin("synthetic alters"),
                                                       "ties": Origin("synthetic ties")}, source="synthetic ego")["me"]


def plain_loop(net, *, k: int, strength="equal", seed: int = 0, per_person: int | None = None) -> pd.DataFrame:
    """The ranking as netkit 0.1 computed it: every pair of alters in a Python loop (exact, slow)."""
    from netkit.communities import clusters
    from netkit.introductions import BRIDGE_FACTOR, UNKNOWN, at_most_per_person
    from netkit.ties import tie_strength

    G_alters = net.graph(include_ego=False)
    if G_alters.is_directed():
        G_alters = G_alters.to_undirected()
    ids = list(net.alters["alter_id"])
    strength = pd.Series(tie_strength(net.alters, strength=strength)["strength"].to_numpy(), index=ids)
    table = clusters(net, seed=seed).set_index("alter_id")
    names = net.alters.set_index("alter_id")["name"] if "name" in net.alters else pd.Series(ids, index=ids)
    names = names.fillna(pd.Series(ids, index=ids))
    context = net.alters.set_index("alter_id")["context"] if "context" in net.alters else pd.Series(index=ids, dtype=object)
    neighbours = {n: set(G_alters[n]) for n in ids}
    rows = []
    for a, b in itertools.combinations(ids, 2):
        if b in neighbours[a]:
            continue
        if table.at[a, "component"] != table.at[b, "component"]:
            bridges = "components"
        elif table.at[a, "community"] != table.at[b, "community"]:
            bridges = "communities"
        else:
            bridges = "community"
        trust = float(np.sqrt(np.nan_to_num(strength[a], nan=UNKNOWN) * np.nan_to_num(strength[b], nan=UNKNOWN)))
        rows.append({
            "alter_id_a": a, "alter_id_b": b, "name_a": names[a], "name_b": names[b],
            "context_a": context.get(a), "context_b": context.get(b),
            "strength_a": float(strength[a]), "strength_b": float(strength[b]), "bridges": bridges,
            "new_contacts_a": len((neighbours[b] | {b}) - neighbours[a] - {a}),
            "new_contacts_b": len((neighbours[a] | {a}) - neighbours[b] - {b}),
            "score": trust * BRIDGE_FACTOR[bridges],
        })
    if not rows:
        return pd.DataFrame()
    ranked = pd.DataFrame(rows)
    ranked["_reach"] = ranked["new_contacts_a"] + ranked["new_contacts_b"]
    ranked = ranked.sort_values(["score", "_reach", "alter_id_a", "alter_id_b"], ascending=[False, False, True, True],
                                kind="mergesort")
    return at_most_per_person(ranked, per_person, k).drop(columns="_reach").reset_index(drop=True)


def _side(which: str, n: int, out) -> None:
    """One side in a fresh process: (seconds, seconds with per_person=1, table, peak RSS growth in MB)."""
    import netkit as nk

    net = synthetic_ego(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if which == "netkit":
        table = nk.suggest_introductions(net, k=10, strength="closeness")
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        nk.suggest_introductions(net, k=10, strength="closeness", per_person=1)
        spread = time.perf_counter() - start
    else:
        table, seconds, spread = plain_loop(net, k=10, strength="closeness"), time.perf_counter() - start, None
    grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024  # kB on Linux
    out.send((seconds, spread, table, grew))


def run_side(which: str, n: int, cap: float | None):
    """``_side`` in a child process; None when it took longer than ``cap`` seconds (it is stopped)."""
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    mine, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_side, args=(which, n, theirs))
    child.start()
    theirs.close()
    ready = mine.poll(cap)
    result = mine.recv() if ready else None
    if result is None:
        child.terminate()
    child.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000], help="alters per run (default 1000 3000)")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds the baseline may take (default 120)")
    parser.add_argument("--target", type=float, default=10.0, help="seconds netkit may take at 3,000 alters (default 10)")
    args = parser.parse_args(argv)
    print(f"machine: {describe(pandas=pd.__version__)}")
    print(f"{'alters':>7} {'open pairs':>11} {'netkit k=10':>12} {'per_person=1':>13} {'netkit memory':>14} "
          f"{'plain loop':>14} {'loop memory':>12} {'loop / netkit':>14}")
    status = 0
    for n in args.sizes:
        net = synthetic_ego(n)
        pairs = n * (n - 1) // 2 - len(net.ties)
        ours = run_side("netkit", n, None)
        theirs = run_side("loop", n, args.cap)
        seconds, spread, table, grew = ours
        if theirs is None:
            loop, loop_memory, ratio = f"> {args.cap:.0f} s", "-", f"> {args.cap / seconds:.0f}x"
        else:
            loop, loop_memory, ratio = f"{theirs[0]:.2f} s", f"{theirs[3]:.0f} MB", f"{theirs[0] / seconds:.0f}x"
            plain = theirs[2]
            try:
                pd.testing.assert_frame_equal(table[plain.columns].reset_index(drop=True), plain, check_exact=True)
            except AssertionError as exc:
                print(f"the two rankings differ at {n} alters: {str(exc).splitlines()[0]}")
                status = 1
        print(f"{n:>7,} {pairs:>11,} {seconds:>10.2f} s {spread:>11.2f} s {grew:>11.0f} MB {loop:>14} "
              f"{loop_memory:>12} {ratio:>14}")
        if n >= 3000 and seconds > args.target:
            status = 1
    print(f"target: 3,000 alters in under {args.target:.0f} s; rankings equal to the last bit where the loop "
          f"finished: {'met' if status == 0 else 'NOT met'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
