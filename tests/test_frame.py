"""GraphFrame: the same edges as the networkx graphs, and product_at equal to the dense product."""
import dataclasses

import networkx as nx
import pandas as pd
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings, strategies as st

import netkit as nk
from netkit.frame import graph_frame, product_at


def edge_set(frame, mask=None):
    keep = np.ones(len(frame.src), bool) if mask is None else mask
    return {frozenset((frame.labels[a], frame.labels[b])) for a, b in zip(frame.src[keep], frame.dst[keep])}


def test_ego_network_frame_matches_graph():
    net = nk.load_sample("personal")
    frame = graph_frame(net)
    assert frame.kind == "ego" and frame.n == 41 and frame.is_ego.sum() == 1
    assert edge_set(frame) == {frozenset(e) for e in net.graph().edges()}
    assert frame.ego_edge.sum() == 40
    # tie_row points back at the ties table
    row = frame.tie_row[~frame.ego_edge][0]
    a, b = frame.src[~frame.ego_edge][0], frame.dst[~frame.ego_edge][0]
    assert {net.ties.at[row, "source"], net.ties.at[row, "target"]} == {frame.labels[a], frame.labels[b]}


def test_collection_frame_is_block_diagonal():
    coll = nk.load_sample("survey")
    frame = graph_frame(coll, include_ego=False)
    assert frame.n == len(coll.alters) and len(frame.src) == int(nk.summarize(coll)["alter_ties"].sum())
    assert (frame.ego[frame.src] == frame.ego[frame.dst]).all()  # no edge crosses egos


def test_duplicates_and_self_loops_are_dropped_first_row_kept(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\na\nb\n")
    (tmp_path / "ties.csv").write_text("source,target,weight\na,a,9\nb,a,2\na,b,5\n")
    # the reader keeps one row per pair (duplicates="max" by default: the larger weight, 5)
    frame = graph_frame(nk.read(tmp_path), weight="weight", include_ego=False)
    assert len(frame.src) == 1 and frame.weight.tolist() == [5.0] and frame.tie_row.tolist() == [1]
    frame = graph_frame(nk.read(tmp_path, duplicates="first"), weight="weight", include_ego=False)
    assert len(frame.src) == 1 and frame.weight.tolist() == [2.0] and frame.tie_row.tolist() == [1]
    # a table with the pair twice (built by hand, not read): the frame keeps the first row
    net = nk.read(tmp_path)
    twice = dataclasses.replace(net, ties=pd.concat([net.ties, net.ties.iloc[[1]].assign(weight=7.0)], ignore_index=True))
    frame = graph_frame(twice, weight="weight", include_ego=False)
    assert frame.weight.tolist() == [5.0] and frame.tie_row.tolist() == [1]


def test_bad_weight_columns(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id,score\na,high\nb,2\n")
    net = nk.read(tmp_path)
    with pytest.raises(nk.NetkitError, match="weight='nope' is not a column"):
        graph_frame(net, weight="nope")
    with pytest.raises(nk.NetkitError, match="weight column 'score' has 'high', which is not a number"):
        graph_frame(net, weight="score")
    G = nx.Graph()
    G.add_edge("a", "b", weight=-2)
    with pytest.raises(nk.NetkitError, match="a negative weight"):
        graph_frame(G, weight="weight")


@pytest.mark.parametrize("make", [nx.Graph, nx.DiGraph, nx.MultiGraph])
def test_whole_network_frame_has_every_edge_once_with_its_weight(make):
    G = make()
    G.add_edge("a", "b", weight=1.5)
    G.add_edge("b", "a", weight=1.5)  # the other direction for a DiGraph, a parallel edge for a MultiGraph
    G.add_edge("b", "c", weight=2.0)
    G.add_edge("c", "c")  # a self-loop without a weight: dropped, not an error
    G.add_node("lonely")
    frame = graph_frame(G, weight="weight")
    pairs = [(frame.labels[a], frame.labels[b]) for a, b in zip(frame.src, frame.dst)]
    expected = {("a", "b"): 1.5, ("b", "c"): 2.0}
    if G.is_directed():
        expected[("b", "a")] = 1.5
    assert dict(zip(pairs, frame.weight.tolist())) == expected and len(pairs) == len(expected)
    assert frame.n == 4 and frame.directed == G.is_directed()
    G.add_edge("c", "lonely")  # no weight on this one
    with pytest.raises(nk.NetkitError, match="the edge c – lonely has no 'weight'"):
        graph_frame(G, weight="weight")


def test_not_a_network():
    with pytest.raises(nk.NetkitError, match="expected a network from nk.read"):
        graph_frame([1, 2, 3])


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 30), st.floats(0.05, 0.6), st.integers(0, 10_000), st.integers(1, 50))
def test_product_at_equals_dense_product(n, p, seed, block):
    rng = np.random.default_rng(seed)
    X = sp.random(n, n, density=p, random_state=rng, format="csr")
    Y = sp.random(n, n, density=p, random_state=rng, format="csr")
    rows, cols = rng.integers(0, n, 25), rng.integers(0, n, 25)
    expected = (X @ Y).toarray()[rows, cols]
    np.testing.assert_allclose(product_at(X, Y, rows, cols, max_block=block), expected, rtol=1e-12, atol=1e-12)


def test_shared_sparse_helpers():
    from netkit.frame import TRIANGLES_FROM, choose_method, node_positions, sorted_csr, triangles

    # [hand] K4 has C(4,3) = 4 triangles; each chunk gives the six ordered ties of its triangles
    S = sorted_csr(sp.csr_matrix(np.ones((4, 4)) - np.eye(4)))
    found = [len(chunk[0]) for chunk in triangles(S, max_wedges=1)]
    assert sum(found) == 4 and len(found) > 1  # a tiny chunk size still finds each triangle once
    assert choose_method("auto", int(TRIANGLES_FROM * 100), 100) == "triangles"
    assert choose_method("auto", int(TRIANGLES_FROM * 100) - 1, 100) == "rows"
    with pytest.raises(nk.NetkitError, match="method='all' is not a method"):
        choose_method("all", 1, 1)
    with pytest.raises(nk.NetkitError, match="nodes holds positions outside 0 to 3"):
        node_positions([4], 4, "nodes")


def test_ego_rows_key_every_table_by_ego_id():
    from netkit.frame import ego_positions, ego_rows

    import pandas as pd

    coll = nk.load_sample("survey")
    frame = graph_frame(coll)
    table = ego_rows(frame, ego_positions(frame), pd.DataFrame({"x": range(len(coll))}))
    assert table["ego_id"].tolist() == coll.ego_ids
    whole = graph_frame(nx.path_graph(3))
    assert ego_rows(whole, ego_positions(whole), pd.DataFrame({"x": [0, 1, 2]}))["ego_id"].tolist() == ["0", "1", "2"]


@pytest.mark.parametrize("directed", [False, True])
def test_an_edge_list_is_measured_without_building_its_graph(tmp_path, directed):
    """The frame made from the edge list itself equals the one made from the networkx graph."""
    rng = np.random.default_rng(11)
    s, t = rng.integers(0, 60, 400), rng.integers(0, 60, 400)  # repeats and self-loops included
    w = rng.integers(0, 4, 400)  # some weights 0
    pd.DataFrame({"source": [f"n{x}" for x in s], "target": [f"n{x}" for x in t], "weight": w}) \
        .to_csv(tmp_path / "e.csv", index=False)
    for weight in (None, "weight"):
        lazy = nk.read(tmp_path / "e.csv", directed=directed)
        fast = graph_frame(lazy, weight=weight)
        assert not lazy.built
        built = nk.read(tmp_path / "e.csv", directed=directed)
        built.G  # noqa: B018  (builds the graph: the frame then walks it)
        slow = graph_frame(built, weight=weight)
        assert built.built and fast.labels.tolist() == slow.labels.tolist()
        for part in ("src", "dst", "weight"):
            assert getattr(fast, part).tolist() == getattr(slow, part).tolist(), part
    assert nk.structural_holes(lazy).equals(nk.structural_holes(built))
