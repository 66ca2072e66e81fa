"""Structural holes (netkit/holes.py); brokerage is in tests/test_brokers.py.

Every expected value says where it came from:
[nx-test]  networkx's tests/test_structuralholes.py (values computed with UCINET and igraph and
           checked by hand; the same values are in the project's science notes);
[igraph]   python-igraph's ``Graph.constraint`` computed in the test;
[nx]       networkx's per-node (pure Python) path, ``nodes=list(G)``, computed in the test;
[hand]     worked out by hand in the comment next to it;
[formula]  a plain loop over Burt's definitions written in this file.
"""
from __future__ import annotations

import doctest
import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from networks import ego_network
from netkit import holes
from netkit.errors import Origin
from netkit.frame import graph_frame
from netkit.holes import (
    BURT_COLUMNS,
    burt_if_tied,
    burt_measures,
    holes_if_tied,
    mutual_weights,
    structural_holes,
    with_tie,
)
from netkit.model import WholeNetwork, make_collection

# ----------------------------------------------------------------------------- helpers

BORGATTI_EDGES = [("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"), ("B", "G"),
                  ("B", "D"), ("D", "G"), ("G", "C")]
BORGATTI_WEIGHTS = {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8, ("F", "G"): 3,
                    ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}


def borgatti(weighted: bool = False) -> nx.Graph:
    G = nx.Graph(BORGATTI_EDGES)
    if weighted:
        nx.set_edge_attributes(G, BORGATTI_WEIGHTS, "weight")
    return G


def directed_example(weighted: bool = False) -> nx.DiGraph:
    D = nx.DiGraph([("0", "1"), ("0", "2"), ("1", "0"), ("2", "1")])
    if weighted:
        nx.set_edge_attributes(D, {("0", "1"): 2, ("0", "2"): 2, ("1", "0"): 1, ("2", "1"): 1}, "weight")
    return D


def by_node(table: pd.DataFrame) -> pd.DataFrame:
    """A whole network's table by node: each node is the ego of its own neighbourhood."""
    return table.set_index("ego_id")


def karate() -> nx.Graph:
    return nk.load_sample("karate").G


def burt_reference(A: np.ndarray) -> pd.DataFrame:
    """[formula] Burt (1992) term by term from a dense weight matrix a_ij, one node at a time."""
    A = A.astype(float).copy()
    np.fill_diagonal(A, 0.0)
    S = A + A.T
    n = len(S)
    total = S.sum(axis=1)
    p = np.divide(S, total[:, None], out=np.zeros_like(S), where=total[:, None] > 0)
    rows = []
    for i in range(n):
        N = [j for j in range(n) if S[i, j] > 0]
        if not N:
            rows.append((0, np.nan, np.nan, np.nan, np.nan))
            continue
        c = {}
        es = 0.0
        for j in N:
            indirect = sum(p[i, q] * p[q, j] for q in range(n) if q not in (i, j))
            c[j] = (p[i, j] + indirect) ** 2
            es += 1 - sum(p[i, q] * S[j, q] / S[j].max() for q in range(n) if q not in (i, j))
        C = sum(c.values())
        k = len(N)
        H = np.nan if k < 2 else sum((c[j] / (C / k)) * math.log(c[j] / (C / k)) for j in N) / (k * math.log(k))
        rows.append((k, C, es, es / k, H))
    return pd.DataFrame(rows, columns=list(BURT_COLUMNS))


def dense(G: nx.Graph, nodes: list, weight: str | None) -> np.ndarray:
    index = {v: k for k, v in enumerate(nodes)}
    A = np.zeros((len(nodes), len(nodes)))
    for u, v, w in G.edges(data=weight, default=1):
        if u != v:
            A[index[u], index[v]] = w if weight else 1
            if not G.is_directed():
                A[index[v], index[u]] = A[index[u], index[v]]
    return A


def assert_frames_close(got: pd.DataFrame, expected: pd.DataFrame, tol: float = 1e-9) -> None:
    for col in expected.columns:
        a, b = got[col].to_numpy(float), expected[col].to_numpy(float)
        assert np.array_equal(np.isnan(a), np.isnan(b)), (col, a, b)
        assert np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=0, atol=tol), (col, a, b)


# ----------------------------------------------------------------------------- reference values


# [nx-test] networkx's test_structuralholes.py, Borgatti (1997)'s graph: unweighted and weighted
@pytest.mark.parametrize("weighted, constraint, effective_size", [
    (False, {"G": 0.400, "A": 0.595, "C": 1.0}, {"G": 4.67, "A": 2.50, "C": 1.0}),
    (True, {"G": 0.299, "A": 0.795, "C": 1.0}, {"G": 5.47, "A": 2.47, "C": 1.0}),
])
def test_borgatti_graph(weighted, constraint, effective_size):
    t = by_node(structural_holes(borgatti(weighted=weighted), weight="weight" if weighted else None))
    for node, value in constraint.items():
        assert t.loc[node, "constraint"] == pytest.approx(value, abs=1e-3)
    for node, value in effective_size.items():
        assert t.loc[node, "effective_size"] == pytest.approx(value, abs=1e-2)


def test_borgatti_formula_for_binary_graphs():
    # [hand] Borgatti (1997): ES = n - 2t/n; G has 6 contacts and 4 ties among them (AB, AE, AF, BD)
    t = by_node(structural_holes(borgatti()))
    assert t.loc["G", "effective_size"] == pytest.approx(6 - 2 * 4 / 6, abs=1e-12)
    assert t.loc["G", "efficiency"] == pytest.approx((6 - 2 * 4 / 6) / 6, abs=1e-12)


def test_directed_graph():
    # [nx-test] constraint 0: 1.003, 1: 1.003, 2: 1.389; effective size 0: 1.167, 1: 1.167, 2: 1
    t = by_node(structural_holes(directed_example()))
    assert t["constraint"].to_list() == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    assert t["effective_size"].to_list() == pytest.approx([1.167, 1.167, 1.0], abs=1e-3)
    assert t["degree"].to_list() == [2, 2, 2]  # in- or out-neighbours


def test_directed_graph_weighted():
    # [nx-test] constraint 0: 0.840, 1: 1.143, 2: 1.378; effective size 0: 1.567, 1: 1.083, 2: 1
    t = by_node(structural_holes(directed_example(weighted=True), weight="weight"))
    assert t["constraint"].to_list() == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    assert t["effective_size"].to_list() == pytest.approx([1.567, 1.083, 1.0], abs=1e-3)


def test_isolates_and_self_loops_give_nan():
    # [nx-test] an isolate, and a node whose only tie is a self-loop (networkx gh-6916), have no
    # defined constraint or effective size
    G = borgatti()
    G.add_node("lonely")
    G.add_edge("loop", "loop")
    t = by_node(structural_holes(G))
    for node in ("lonely", "loop"):
        assert t.loc[node, "degree"] == 0
        assert t.loc[node, ["constraint", "effective_size", "efficiency", "hierarchy"]].isna().all()
    # a self-loop on a node with contacts changes nothing
    H = borgatti()
    H.add_edge("G", "G")
    assert_frames_close(by_node(structural_holes(H)).loc[list(borgatti())], by_node(structural_holes(borgatti())))


def test_row_maximum_not_column_maximum():
    # [hand] whole network e-x (2), e-y (1), x-y (1), x-z (3). For e: p_ex = 2/3, p_ey = 1/3.
    # m_xy = 1/max(x's ties 2, 1, 3) = 1/3, m_yx = 1/max(y's ties 1, 1) = 1, so
    # ES_e = (1 - p_ey m_xy) + (1 - p_ex m_yx) = 2 - 1/9 - 2/3 = 11/9. (Dividing by the column
    # maximum, as networkx 3.6's nodes=None path does, gives 2 - 1/3 - 2/9 = 13/9.)
    # Constraint: p_xy = 1/6, p_yx = 1/2, c_ex = (2/3 + 1/3 * 1/2)^2 = 25/36,
    # c_ey = (1/3 + 2/3 * 1/6)^2 = 16/81, C_e = 289/324.
    G = nx.Graph()
    G.add_weighted_edges_from([("e", "x", 2), ("e", "y", 1), ("x", "y", 1), ("x", "z", 3)])
    t = by_node(structural_holes(G, weight="weight"))
    assert t.loc["e", "effective_size"] == pytest.approx(11 / 9, abs=1e-12)
    assert t.loc["e", "constraint"] == pytest.approx(289 / 324, abs=1e-12)


def test_karate_against_igraph_and_networkx():
    # [igraph] Graph.constraint(), unweighted and with the karate weights: igraph's weighted
    # definition is Burt's (p_ij from a_ij + a_ji over i's ties), so both agree to rounding.
    # [nx] nx.constraint and nx.effective_size on the per-node path (nodes=list(G)).
    ig = pytest.importorskip("igraph")
    G = karate()
    nodes = list(G)
    g = ig.Graph.from_networkx(G)
    assert g.vs["_nx_name"] == nodes
    for weight in (None, "weight"):
        t = by_node(structural_holes(G, weight=weight)).loc[nodes]
        expected = g.constraint(weights=weight)
        assert np.allclose(t["constraint"], expected, rtol=0, atol=1e-9)
        nx_c = nx.constraint(G, nodes=nodes, weight=weight)
        nx_es = nx.effective_size(G, nodes=nodes, weight=weight)
        assert np.allclose(t["constraint"], [nx_c[v] for v in nodes], rtol=0, atol=1e-9)
        assert np.allclose(t["effective_size"], [nx_es[v] for v in nodes], rtol=0, atol=1e-9)
        assert np.allclose(t["efficiency"], [nx_es[v] / G.degree(v) for v in nodes], rtol=0, atol=1e-9)


def test_karate_hierarchy_against_formula():
    # [formula] H_i = Σ_j r_ij ln r_ij / (N ln N), r_ij = c_ij / (C_i / N), with c_ij from
    # networkx's local_constraint
    G = karate()
    for weight in (None, "weight"):
        t = by_node(structural_holes(G, weight=weight))
        for v in G:
            c = [nx.local_constraint(G, v, j, weight=weight) for j in G[v]]
            N, C = len(c), sum(c)
            expected = sum((x / (C / N)) * math.log(x / (C / N)) for x in c) / (N * math.log(N)) if N > 1 else np.nan
            assert t.loc[v, "hierarchy"] == pytest.approx(expected, abs=1e-9, nan_ok=True)


def test_nonnumeric_or_negative_weight_is_an_error():
    G = borgatti()
    nx.set_edge_attributes(G, "heavy", "weight")
    with pytest.raises(nk.NetkitError, match="weight column 'weight' has 'heavy'"):
        structural_holes(G, weight="weight")
    nx.set_edge_attributes(G, -1, "weight")
    with pytest.raises(nk.NetkitError, match="negative weight"):
        structural_holes(G, weight="weight")


def test_zero_weight_ties_are_no_ties():
    # [hand] a tie of weight 0 contributes a_ij = 0 to every formula: the same as no tie
    G = borgatti(weighted=True)
    with_zero = G.copy()
    with_zero.add_edge("C", "D", weight=0)
    assert_frames_close(by_node(structural_holes(with_zero, weight="weight")).loc[list(G)],
                        by_node(structural_holes(G, weight="weight")))


# ----------------------------------------------------------------------------- ego networks by hand


@pytest.mark.parametrize("n", [2, 3, 7])
def test_star_ego(n):
    # [hand] n contacts who do not know each other: p = 1/n, no indirect ties, c = 1/n^2, so
    # constraint n/n^2 = 1/n; no redundancy, so effective size n and efficiency 1; equal c, hierarchy 0
    net = ego_network([f"a{k}" for k in range(n)], [])
    t = structural_holes(net)
    assert t.to_dict("records") == [pytest.approx({"ego_id": "me", "degree": n, "constraint": 1 / n,
                                                   "effective_size": n, "efficiency": 1.0, "hierarchy": 0.0})]


def test_triangle_ego():
    # [hand] ego with two contacts who know each other: p = 1/2 everywhere, indirect 1/2 * 1/2,
    # c = (1/2 + 1/4)^2 = 9/16 twice, constraint 9/8; redundancy 1/2 each, effective size 1
    # (Borgatti: 2 - 2*1/2), efficiency 1/2, hierarchy 0
    t = structural_holes(ego_network(["a", "b"], [("a", "b")])).iloc[0]
    assert t["constraint"] == pytest.approx(9 / 8)
    assert t["effective_size"] == pytest.approx(1.0)
    assert t["efficiency"] == pytest.approx(0.5)
    assert t["hierarchy"] == pytest.approx(0.0)


def test_one_contact_and_no_contacts():
    # [hand] one contact: constraint (1 + 0)^2 = 1, effective size 1, hierarchy 0 ln 0 / (1 ln 1) -> NaN
    t = structural_holes(ego_network(["a"], [])).iloc[0]
    assert (t["degree"], t["constraint"], t["effective_size"], t["efficiency"]) == (1, 1.0, 1.0, 1.0)
    assert math.isnan(t["hierarchy"])
    # an ego without alters (possible in a collection) is an isolate: NaN
    alters = pd.DataFrame({"ego_id": ["E1"], "alter_id": ["a"]})
    egos = pd.DataFrame({"ego_id": ["E1", "E2"]})
    coll = make_collection(egos, alters, None, origins={"alters": Origin("alters.csv")})
    t = structural_holes(coll)
    assert t["ego_id"].to_list() == ["E1", "E2"] and t["degree"].to_list() == [1, 0]
    assert t.iloc[1][["constraint", "effective_size", "efficiency", "hierarchy"]].isna().all()


def test_ego_network_uses_the_ego_graph():
    # an ego network's row is its ego's row on net.graph(); the whole-network row of the same
    # person differs because p_qj then counts q's ties outside the ego network
    whole = nk.load_sample("karate")
    net = whole.ego_network("0")
    t = structural_holes(net)
    assert t["ego_id"].to_list() == ["0"]
    on_graph = by_node(structural_holes(WholeNetwork(net.graph()))).loc["0"]
    assert t.iloc[0][list(BURT_COLUMNS)].to_numpy(float) == pytest.approx(on_graph[list(BURT_COLUMNS)].to_numpy(float))
    whole_row = by_node(structural_holes(whole)).loc["0"]
    assert whole_row["effective_size"] == pytest.approx(t.iloc[0]["effective_size"])  # Borgatti: only the ego graph
    assert whole_row["constraint"] != pytest.approx(t.iloc[0]["constraint"], abs=1e-6)


def test_personal_sample_one_row_weighted():
    # weight= takes alter-alter weights from ties.csv and ego-alter weights from the alters table
    net = nk.load_sample("personal")
    alters_closeness = structural_holes(net, weight="closeness")
    assert len(alters_closeness) == 1
    # closeness is an alters column only: alter-alter ties weigh 1
    G = net.graph()
    for u, v, d in G.edges(data=True):
        d["w"] = d["closeness"] if net.ego_node in (u, v) else 1.0
    expected = by_node(structural_holes(WholeNetwork(G), weight="w")).loc[[net.ego_node]]
    assert alters_closeness["ego_id"].to_list() == [net.ego_id]
    assert_frames_close(alters_closeness.drop(columns="ego_id"), expected)


# ----------------------------------------------------------------------------- collections


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_collection_rows_equal_each_ego_graph(directed, weight):
    coll = nk.read(nk.load_sample("survey").source, directed=directed) if directed else nk.load_sample("survey")
    table = structural_holes(coll, weight=weight)
    assert table.columns.to_list() == ["ego_id", *BURT_COLUMNS]
    assert table["ego_id"].to_list() == coll.ego_ids
    assert table.merge(coll.egos, on="ego_id").shape[0] == len(coll)  # merges with the egos, no renames
    table = table.set_index("ego_id")
    for net in itertools.islice(coll, 0, None, 10):  # every tenth ego: 20 of 200
        G = net.graph()
        if weight:  # ego-alter ties have no 'weight' column in the survey: 1.0, as the frame does
            for _, _, d in G.edges(data=True):
                d.setdefault("weight", 1.0)
        expected = by_node(structural_holes(WholeNetwork(G), weight=weight)).loc[net.ego_node, list(BURT_COLUMNS)]
        got = table.loc[net.ego_id, list(BURT_COLUMNS)]
        assert got.to_numpy(float) == pytest.approx(expected.to_numpy(float), abs=1e-12, nan_ok=True), net.ego_id


# ----------------------------------------------------------------------------- property tests


@st.composite
def graphs(draw, max_nodes: int = 9):
    n = draw(st.integers(1, max_nodes))
    directed = draw(st.booleans())
    weighted = draw(st.booleans())
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(0, 5)),
                          max_size=3 * n))
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(str(k) for k in range(n))
    for u, v, w in edges:  # self-loops and weight-0 ties included on purpose
        G.add_edge(str(u), str(v), w=w if weighted else 1)
    return G, ("w" if weighted else None)


@settings(max_examples=80, deadline=None)
@given(graphs())
def test_every_column_matches_the_formulas(case):
    # [formula] burt_reference, on random undirected/directed, weighted/unweighted graphs
    G, weight = case
    nodes = list(G)
    expected = burt_reference(dense(G, nodes, weight))
    got = structural_holes(G, weight=weight)
    assert got["ego_id"].to_list() == nodes
    assert_frames_close(got, expected)
    # the per-node route (sparse products at a few rows) gives the same numbers
    S = mutual_weights(graph_frame(G, weight=weight))
    for k in range(0, len(nodes), 3):
        assert_frames_close(burt_measures(S, [k]).reset_index(drop=True), expected.iloc[[k]].reset_index(drop=True))
    # either method, chosen explicitly, for any set of nodes
    some = list(range(0, len(nodes), 2))
    for method in ("triangles", "rows"):
        assert_frames_close(burt_measures(S, some, method=method).reset_index(drop=True),
                            expected.iloc[some].reset_index(drop=True))


@settings(max_examples=60, deadline=None)
@given(graphs(), st.data())
def test_what_if_equals_recomputation(case, data):
    # burt_if_tied's closed form against burt_measures on the graph with the tie added
    G, weight = case
    n = G.number_of_nodes()
    if n < 3:
        return
    S = mutual_weights(graph_frame(G, weight=weight))
    node = data.draw(st.integers(0, n - 1))
    others = [k for k in range(n) if k != node]
    pair = st.tuples(st.sampled_from(others), st.sampled_from(others)).filter(lambda p: p[0] != p[1])
    pairs = data.draw(st.lists(pair, min_size=1, max_size=5))
    added = data.draw(st.lists(st.floats(0.5, 4), min_size=len(pairs), max_size=len(pairs)))
    got = burt_if_tied(S, node, [a for a, _ in pairs], [b for _, b in pairs], added=np.array(added))
    for k, ((a, b), w) in enumerate(zip(pairs, added)):
        expected = burt_measures(with_tie(S, a, b, added=w), [node]).reset_index(drop=True)
        assert_frames_close(got.iloc[[k]].reset_index(drop=True), expected)


# ----------------------------------------------------------------------------- what-if on networks


def test_holes_if_tied_on_the_personal_sample():
    net = nk.load_sample("personal")
    pairs = [("a01", "a40"), ("a10", "a30"), ("a05", "a25")]
    effect = holes_if_tied(net, pairs)
    assert effect.columns.to_list() == ["alter_id_a", "alter_id_b", "constraint", "effective_size", "efficiency", "hierarchy",
                                        "constraint_change", "effective_size_change"]
    before = structural_holes(net).iloc[0]
    for row, (a, b) in zip(effect.to_dict("records"), pairs):
        G = net.graph()
        G.add_edge(a, b)
        after = by_node(structural_holes(WholeNetwork(G))).loc[net.ego_node]
        for col in ("constraint", "effective_size", "efficiency", "hierarchy"):
            assert row[col] == pytest.approx(after[col], abs=1e-12)
        assert row["constraint_change"] == pytest.approx(after["constraint"] - before["constraint"], abs=1e-12)


def test_holes_if_tied_weighted_and_directed():
    # a directed introduction ties the two both ways; the weight is in the weight column's units
    net = ego_network(["a", "b", "c"], [("a", "c")], directed=True, closeness=[4, 2, 1])
    effect = holes_if_tied(net, [("a", "b")], weight="closeness", added=3)
    G = net.graph()
    for u, v, d in G.edges(data=True):
        d.setdefault("closeness", 1.0)
    G.add_edge("a", "b", closeness=3)
    G.add_edge("b", "a", closeness=3)
    after = by_node(structural_holes(WholeNetwork(G), weight="closeness")).loc[net.ego_node]
    assert effect.loc[0, "constraint"] == pytest.approx(after["constraint"])
    assert effect.loc[0, "effective_size"] == pytest.approx(after["effective_size"])


def test_holes_if_tied_bad_input():
    net = nk.load_sample("personal")
    with pytest.raises(nk.NetkitError, match="'zz' is not one of the alters of ego 'you'"):
        holes_if_tied(net, [("a01", "zz")])
    with pytest.raises(nk.NetkitError, match="this collection has 200 egos; say which one .* with ego="):
        holes_if_tied(nk.load_sample("survey"), [("1", "2")])
    with pytest.raises(nk.NetkitError, match="a whole network has no single ego; say whose .* with ego="):
        holes_if_tied(nk.load_sample("karate"), [("1", "2")])
    with pytest.raises(nk.NetkitError, match="this network's ego is 'you', not 'me'"):
        holes_if_tied(net, [("a01", "a02")], ego="me")
    with pytest.raises(nk.NetkitError, match="paired with itself"):
        holes_if_tied(net, [("a01", "a01")])
    with pytest.raises(nk.NetkitError, match="'0' is the ego"):
        holes_if_tied(nk.load_sample("karate"), [("0", "33")], ego="0")
    with pytest.raises(nk.NetkitError, match="added=-1 must be a number, 0 or more"):
        holes_if_tied(net, [("a01", "a02")], added=-1)


def test_holes_if_tied_old_keyword_warns_and_gives_the_same():
    # strength= (the new tie's weight) became added=, since strength= now names tie-strength presets
    net = nk.load_sample("personal")
    with pytest.warns(FutureWarning, match="strength= is now added="):
        old = holes_if_tied(net, [("a01", "a40")], strength=2)
    pd.testing.assert_frame_equal(old, holes_if_tied(net, [("a01", "a40")], added=2))


def test_holes_if_tied_picks_the_ego_of_a_collection():
    coll = nk.load_sample("survey")
    net = coll["E002"]
    pair = tuple(net.alters["alter_id"].iloc[:2])
    pd.testing.assert_frame_equal(holes_if_tied(coll, [pair], ego="E002"), holes_if_tied(net, [pair]))


def test_holes_if_tied_on_a_whole_network():
    # 33 is not a contact of 0: tying 1 (a contact) to 33 dilutes 1's ties and lowers 0's constraint
    whole = nk.load_sample("karate")
    effect = holes_if_tied(whole, [("1", "33")], ego="0")
    G = whole.G.copy()
    G.add_edge("1", "33")
    after = by_node(structural_holes(G)).loc["0"]
    assert effect.loc[0, "constraint"] == pytest.approx(after["constraint"], abs=1e-12)
    assert effect.loc[0, "effective_size"] == pytest.approx(after["effective_size"], abs=1e-12)
    assert effect.loc[0, "constraint_change"] < 0


# ----------------------------------------------------------------------------- scale and docs


def test_large_sparse_graph_in_one_pass():
    # a 20,000-edge clustered graph with hubs: the triangle route and the per-node route agree
    G = nx.powerlaw_cluster_graph(4000, 5, 0.5, seed=3)
    S = mutual_weights(graph_frame(G))
    everyone = burt_measures(S)
    few = burt_measures(S, [0, 1, 2, 10, 3999])
    assert_frames_close(few, everyone.loc[[0, 1, 2, 10, 3999]], tol=1e-12)
    tri = sum(nx.triangles(G).values()) // 3
    ones = np.ones(S.nnz)
    (common,) = holes._triangle_sums(S, [(ones, ones)])  # this module's own helper
    assert common.sum() == 6 * tri  # every triangle seen by each of its six ordered ties


def test_doctests():
    assert doctest.testmod(holes, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_low_level_input_checks():
    S = mutual_weights(graph_frame(borgatti()))
    copy = S.copy()
    burt_measures(S)
    assert (S != copy).nnz == 0  # the caller's matrix is left alone
    one_way = sp.csr_matrix(([1.0], ([0], [1])), shape=(3, 3))
    with pytest.raises(nk.NetkitError, match="S must be symmetric"):
        burt_measures(one_way)
    with pytest.raises(nk.NetkitError, match="positions outside 0 to 6"):
        burt_measures(S, [10])
    with pytest.raises(nk.NetkitError, match="method='fast' is not a method; use one of 'auto', 'triangles', 'rows'"):
        burt_measures(S, method="fast")
