"""Tie and structural-hole measures: netkit against networkx, in one run.

    .venv/bin/python benchmarks/bench_measures.py            # two 10,000-edge comparisons + a 1,000,000-edge run
    .venv/bin/python benchmarks/bench_measures.py --quick    # only the comparisons

Both sides run as fresh processes (start-up included) on the same seeded, clustered graph read
from the same edge list. The networkx baseline computes constraint, effective size,
local_bridges(with_span=True) and an overlap loop; netkit computes nk.tie_table and
nk.structural_holes, which hold the same values and more. The values are compared to 1e-9.
Targets: >= 20x faster end to end on 10,000 edges, process start included (issue 3); >= 50x in one process,
read included on both sides, imports not (issue 13); each table under 120 s on 1,000,000 edges.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

SEED = 20261123

BASELINE = r"""
import sys, time, networkx as nx, pandas as pd
t_read = time.perf_counter()
G = nx.read_edgelist(sys.argv[1], delimiter=",", comments="source")
t0 = time.perf_counter()
con = nx.constraint(G)
es = nx.effective_size(G)
spans = {frozenset((u, v)): s for u, v, s in nx.local_bridges(G, with_span=True)}
rows = []
for u, v in G.edges():
    cn = len(set(G[u]) & set(G[v]))
    denom = (G.degree(u) - 1) + (G.degree(v) - 1) - cn
    rows.append((u, v, cn / denom if denom else float("nan"), spans.get(frozenset((u, v)), float("nan"))))
print(f"{t0 - t_read:.3f} {time.perf_counter() - t0:.3f}")
pd.DataFrame(rows, columns=["source", "target", "overlap", "span"]).to_csv(sys.argv[2] + ".ties.csv", index=False)
pd.DataFrame({"ego_id": list(con), "constraint": list(con.values()), "effective_size": [es[n] for n in con]}).to_csv(sys.argv[2] + ".holes.csv", index=False)
"""

NETKIT = r"""
import sys, time, netkit as nk
nk.read, nk.tie_table, nk.structural_holes  # imports done before the clock starts, as for networkx
import netkit.io.whole, netkit.io.package, netkit.ties, netkit.holes, scipy.sparse.csgraph
t0 = time.perf_counter()
net = nk.read(sys.argv[1], format="edgelist")
t1 = time.perf_counter()
ties = nk.tie_table(net)
t2 = time.perf_counter()
holes = nk.structural_holes(net)
t3 = time.perf_counter()
ties.to_csv(sys.argv[2] + ".ties.csv", index=False)
holes.to_csv(sys.argv[2] + ".holes.csv", index=False)
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}")
"""


def clustered_graph(groups: int, size: int, edges: int, *, share_inside: float = 0.9, seed: int = SEED) -> nx.Graph:
    """Planted-partition graph with ``edges`` edges, ``share_inside`` of them inside the groups."""
    rng = np.random.default_rng(seed)
    n = groups * size

    def distinct_pairs(count: int, draw) -> np.ndarray:
        found = np.empty((0, 2), dtype=np.int64)
        while len(found) < count:
            pairs = draw(2 * (count - len(found)) + 10)
            pairs = np.sort(pairs[pairs[:, 0] != pairs[:, 1]], axis=1)
            found = np.unique(np.vstack([found, pairs]), axis=0)
        return found[rng.permutation(len(found))[:count]]

    def inside(m: int) -> np.ndarray:
        g = rng.integers(0, groups, m)
        return np.column_stack([g * size + rng.integers(0, size, m), g * size + rng.integers(0, size, m)])

    def anywhere(m: int) -> np.ndarray:
        pairs = rng.integers(0, n, (m, 2))
        return pairs[pairs[:, 0] // size != pairs[:, 1] // size]

    m_in = int(round(edges * share_inside))
    chosen = np.vstack([distinct_pairs(m_in, inside), distinct_pairs(edges - m_in, anywhere)])
    G = nx.Graph()
    G.add_edges_from(map(tuple, chosen.tolist()))
    return G


def write_edges(G: nx.Graph, path: Path) -> None:
    pd.DataFrame(list(G.edges()), columns=["source", "target"]).to_csv(path, index=False)


def timed(code: str, *args: str) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - t, out


def compare(prefix_nx: str, prefix_nk: str) -> float:
    """Largest absolute difference between the two sides' values."""
    worst = 0.0
    a = pd.read_csv(prefix_nx + ".holes.csv", dtype={"ego_id": str}).set_index("ego_id")
    b = pd.read_csv(prefix_nk + ".holes.csv", dtype={"ego_id": str}).set_index("ego_id").loc[a.index]
    for col in ("constraint", "effective_size"):
        worst = max(worst, float(np.nanmax(np.abs(a[col].to_numpy() - b[col].to_numpy()))))
    ta = pd.read_csv(prefix_nx + ".ties.csv", dtype={"source": str, "target": str})
    tb = pd.read_csv(prefix_nk + ".ties.csv", dtype={"source": str, "target": str})
    key = lambda df: df.apply(lambda r: tuple(sorted((r["source"], r["target"]))), axis=1)
    ta.index, tb.index = key(ta), key(tb)
    tb = tb.loc[ta.index]
    for col in ("overlap", "span"):
        x, y = ta[col].to_numpy(float), tb[col].to_numpy(float)
        same_nan = np.isnan(x) == np.isnan(y)
        if not same_nan.all():
            return float("inf")
        ok = ~np.isnan(x)
        x, y = x[ok], y[ok]
        if not np.array_equal(np.isinf(x), np.isinf(y)):
            return float("inf")
        finite = ~np.isinf(x)  # a global bridge: span inf on both sides
        worst = max(worst, float(np.max(np.abs(x[finite] - y[finite]), initial=0.0)))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000,000-edge run")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; networkx {nx.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        graphs = [
            ("Holme-Kim clustered scale-free graph, nx.powerlaw_cluster_graph(2000, 5, 0.3)",
             nx.powerlaw_cluster_graph(2000, 5, 0.3, seed=SEED)),
            ("planted-partition graph, 40 groups of 50, 90% of edges inside groups",
             clustered_graph(groups=40, size=50, edges=10_000)),
        ]
        for number, (title, G) in enumerate(graphs, start=1):
            write_edges(G, tmp / "g.csv")
            print(f"\n{number}. {title}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
            t_nx, nx_out = timed(BASELINE, str(tmp / "g.csv"), str(tmp / "nx"))
            nx_read, nx_compute = nx_out.split()
            t_nk, out = timed(NETKIT, str(tmp / "g.csv"), str(tmp / "nk"))
            read, ties, holes = out.split()
            nk_compute = float(ties) + float(holes)
            in_nx, in_nk = float(nx_read) + float(nx_compute), float(read) + nk_compute
            diff = compare(str(tmp / "nx"), str(tmp / "nk"))
            print(f"   networkx (constraint + effective_size + local_bridges(with_span) + overlap loop): {t_nx:7.2f} s")
            print(f"   netkit   (nk.read + nk.tie_table + nk.structural_holes):                           {t_nk:7.2f} s"
                  f"   [read {read} s, tie_table {ties} s, structural_holes {holes} s]")
            print(f"   speed-up end to end, process start included: {t_nx / t_nk:.1f}x (target >= 20x); "
                  f"largest difference in values: {diff:.1e} (target <= 1e-9)")
            print(f"   in one process, read + measures (imports before the clock on both sides): networkx "
                  f"{in_nx:.2f} s (read {float(nx_read):.2f} s), netkit {in_nk:.3f} s, {in_nx / in_nk:.0f}x "
                  f"(target >= 50x)")
            print(f"   measures alone, after reading: networkx {float(nx_compute):.2f} s, netkit {nk_compute:.2f} s, "
                  f"{float(nx_compute) / nk_compute:.0f}x")
        if args.quick:
            return
        G = clustered_graph(groups=2_000, size=100, edges=1_000_000)
        write_edges(G, tmp / "big.csv")
        print(f"\n3. planted-partition graph, 2,000 groups of 100: {G.number_of_nodes():,} nodes, "
              f"{G.number_of_edges():,} edges (networkx not run: its local_bridges alone took over 10 minutes on "
              "80,000 edges)")
        del G
        t_nk, out = timed(NETKIT, str(tmp / "big.csv"), str(tmp / "big"))
        read, ties, holes = out.split()
        print(f"   netkit: read {read} s (target < 3 s), tie_table {ties} s (target < 120 s), structural_holes "
              f"{holes} s (target < 120 s); whole process {t_nk:.1f} s")


if __name__ == "__main__":
    main()
