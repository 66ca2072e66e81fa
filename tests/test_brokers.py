"""Gould–Fernandez brokerage (netkit/brokers.py).

Every expected value says where it came from:
[hand]     worked out by hand in the comment next to it;
[formula]  a plain loop over Gould and Fernandez's definitions written in this file
           (``brokerage_reference``: every two-path a -> v -> b listed);
[sna]      the role definitions of R's ``sna::brokerage`` (raw counts ``raw.nli``), as cited in
           the comments.
"""
from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from networks import ego_network
from netkit.brokers import brokerage, brokerage_counts
from netkit.errors import Origin
from netkit.model import make_collection


def by_node(table: pd.DataFrame) -> pd.DataFrame:
    """A whole network's table by node: each node is the ego of its own neighbourhood."""
    return table.set_index("ego_id")


@st.composite
def graphs(draw, max_nodes: int = 10):
    n = draw(st.integers(1, max_nodes))
    directed = draw(st.booleans())
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(str(k) for k in range(n))
    G.add_edges_from((str(u), str(v)) for u, v in edges)  # self-loops included on purpose
    return G


def brokerage_reference(G: nx.Graph, group: dict) -> dict:
    """[formula] Gould & Fernandez by listing every two-path a -> v -> b (a, v, b distinct, no a -> b)."""
    out = {}
    for v in G:
        count = dict.fromkeys(["coordinator", "itinerant", "representative", "gatekeeper", "liaison"], 0)
        sources = G.predecessors(v) if G.is_directed() else G.neighbors(v)
        for a in sources:
            for b in (G.successors(v) if G.is_directed() else G.neighbors(v)):
                if len({a, v, b}) < 3 or G.has_edge(a, b):
                    continue
                ga, gv, gb = group[a], group[v], group[b]
                if ga == gv == gb:
                    count["coordinator"] += 1
                elif ga == gb:
                    count["itinerant"] += 1
                elif ga == gv:
                    count["representative"] += 1
                elif gb == gv:
                    count["gatekeeper"] += 1
                else:
                    count["liaison"] += 1
        out[v] = count
    return out


# ----------------------------------------------------------------------------- against listing every path


@settings(max_examples=80, deadline=None)
@given(graphs(), st.lists(st.integers(0, 2), min_size=10, max_size=10))
def test_brokerage_matches_listing_every_path(G, codes):
    # [formula] brokerage_reference enumerates the two-paths; brokerage_counts counts them
    nodes = list(G)
    group = {v: codes[k] for k, v in enumerate(nodes)}
    expected = brokerage_reference(G, group)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=None)
    full = brokerage_counts(A, np.array([group[v] for v in nodes]))
    for k, v in enumerate(nodes):
        got = full.loc[k]
        for role, count in expected[v].items():
            assert got[role] == count, (v, role)
        assert got["total"] == sum(expected[v].values())
    # the few-brokers route (sparse products at under a quarter of the nodes) agrees
    k = len(nodes) // 2
    few = brokerage_counts(A, np.array([group[v] for v in nodes]), [k])
    assert (few.to_numpy() == full.loc[[k]].to_numpy()).all()
    # either method, chosen explicitly, gives the same whole numbers
    for method in ("triangles", "rows"):
        assert brokerage_counts(A, np.array([group[v] for v in nodes]), method=method).equals(full)
    # the public table: unordered pairs for undirected graphs
    for v in nodes:
        G.nodes[v]["g"] = f"group {group[v]}"
    table = by_node(brokerage(G, group="g"))
    for v in nodes:
        e = expected[v]
        if G.is_directed():
            assert table.loc[v].to_dict() == {**e, "total": sum(e.values()), "group_missing": 0}
        else:
            assert e["representative"] == e["gatekeeper"]
            assert table.loc[v].to_dict() == {
                "coordinator": e["coordinator"] // 2, "itinerant": e["itinerant"] // 2,
                "gatekeeper_representative": e["representative"], "liaison": e["liaison"] // 2,
                "total": (sum(e.values())) // 2, "group_missing": 0}


# ----------------------------------------------------------------------------- by hand


def test_brokerage_undirected_by_hand():
    # [hand] v (group A) with contacts a1, a2 (A), b1, b2 (B), c1 (C); a1-b1 tied. Of the
    # C(5,2) = 10 pairs, a1-b1 is closed; the other 9 (Gould & Fernandez 1989, roles by group):
    # {a1,a2} coordinator; {b1,b2} itinerant (B-A-B); {a1,b2} {a1,c1} {a2,b1} {a2,b2} {a2,c1}
    # gatekeeper/representative (one side in v's group); {b1,c1} {b2,c1} liaison.
    G = nx.Graph([("v", x) for x in ("a1", "a2", "b1", "b2", "c1")] + [("a1", "b1")])
    nx.set_node_attributes(G, {"v": "A", "a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"}, "side")
    t = by_node(brokerage(G, group="side"))
    assert t.columns.to_list() == ["coordinator", "itinerant", "gatekeeper_representative", "liaison", "total",
                                   "group_missing"]
    assert t.loc["v"].to_dict() == {"coordinator": 1, "itinerant": 1, "gatekeeper_representative": 5,
                                    "liaison": 2, "total": 9, "group_missing": 0}
    # a1's only pair {v, b1} is tied; the leaves have one contact
    assert (t.drop(index="v")["total"] == 0).all()


def test_brokerage_directed_by_hand():
    # [hand] groups v, x1, x2: A; y1, y2: B; z: C. Arcs x1->v, y1->v, v->x2, x2->v, v->y2, v->z,
    # x1->y2, z->x1. sna's roles (two-path a -> v -> b, no arc a -> b): for broker v, with
    # a in {x1, y1, x2} and b in {x2, y2, z}:
    #   x1 v x2 coordinator (A A A); x1 v y2 closed by x1->y2; x1 v z representative (A A C; only
    #   z->x1 exists, which does not close it); y1 v x2 gatekeeper (B A A); y1 v y2 itinerant
    #   (B A B); y1 v z liaison (B A C); x2 v x2 is no pair; x2 v y2, x2 v z representative.
    # Broker x1: z x1 v gatekeeper (C A A), z x1 y2 liaison (C A B). Broker z: v z x1 itinerant (A C A).
    G = nx.DiGraph([("x1", "v"), ("y1", "v"), ("v", "x2"), ("x2", "v"), ("v", "y2"), ("v", "z"),
                    ("x1", "y2"), ("z", "x1")])
    nx.set_node_attributes(G, {"v": "A", "x1": "A", "x2": "A", "y1": "B", "y2": "B", "z": "C"}, "side")
    t = by_node(brokerage(G, group="side"))
    assert t.columns.to_list() == ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total",
                                   "group_missing"]
    assert t.loc["v"].to_list() == [1, 1, 3, 1, 1, 7, 0]
    assert t.loc["x1"].to_list() == [0, 0, 0, 1, 1, 2, 0]
    assert t.loc["z"].to_list() == [0, 1, 0, 0, 0, 1, 0]
    assert (t.loc[["x2", "y1", "y2"], "total"] == 0).all()


def test_ego_is_a_group_of_its_own_unless_it_has_the_attribute():
    # [hand] ego with alters a, b (work), c (family); a-b tied. Pairs: {a,b} closed, {a,c} and
    # {b,c} join two groups. Without an ego value both are liaison; with ego = work they are
    # gatekeeper/representative (one side in the ego's group).
    net = ego_network(["a", "b", "c"], [("a", "b")], context=["work", "work", "family"])
    assert brokerage(net, group="context").iloc[0].to_dict() == {
        "ego_id": "me", "coordinator": 0, "itinerant": 0, "gatekeeper_representative": 0, "liaison": 2, "total": 2,
        "group_missing": 0}
    net.ego["context"] = "work"
    assert brokerage(net, group="context").iloc[0].to_dict() == {
        "ego_id": "me", "coordinator": 0, "itinerant": 0, "gatekeeper_representative": 2, "liaison": 0, "total": 2,
        "group_missing": 0}
    # an ego brokers every pair of alters who are not tied: C(40, 2) - 69 ties = 711 in the sample
    personal = brokerage(nk.load_sample("personal"), group="context").iloc[0]
    assert personal["total"] == 40 * 39 // 2 - 69
    assert personal["coordinator"] == personal["gatekeeper_representative"] == 0


def test_brokerage_collection_rows_equal_each_ego():
    coll = nk.load_sample("survey")
    table = brokerage(coll, group="context")
    assert table.columns.to_list()[:2] == ["ego_id", "coordinator"] and table["ego_id"].to_list() == coll.ego_ids
    assert len(table.merge(coll.egos, on="ego_id")) == len(coll)  # merges with the egos, no renames
    table = table.set_index("ego_id")
    for net in itertools.islice(coll, 0, None, 10):
        G = net.graph()
        group = {a: c for a, c in zip(net.alters["alter_id"], net.alters["context"])}
        group[net.ego_node] = object()  # a group of its own
        e = brokerage_reference(G, group)[net.ego_node]
        assert table.loc[net.ego_id, "total"] == sum(e.values()) // 2
        assert table.loc[net.ego_id, "itinerant"] == e["itinerant"] // 2
        assert table.loc[net.ego_id, "liaison"] == e["liaison"] // 2


def test_brokerage_group_errors():
    with pytest.raises(nk.NetkitError, match=r"no node has the attribute 'colour'; node attributes are: club"):
        brokerage(nk.load_sample("karate"), group="colour")
    with pytest.raises(nk.NetkitError, match=r"group='gender' is not a column of the alters table; alter columns are: "
                                             r"name, context, closeness"):
        brokerage(nk.load_sample("survey"), group="gender")


def test_people_with_no_group_are_one_more_group_and_counted():
    # [hand] the undirected example above with b2's and c1's group blank: they form one group
    # "no group given" (N). Of v's 9 open pairs: {a1,a2} coordinator; {b2,c1} now itinerant
    # (N-A-N); {a1,b2} {a1,c1} {a2,b1} {a2,b2} {a2,c1} gatekeeper/representative; {b1,b2} {b1,c1}
    # liaison (B-A-N). Three people of v's neighbourhood (v included) lack a group? two: b2, c1.
    G = nx.Graph([("v", x) for x in ("a1", "a2", "b1", "b2", "c1")] + [("a1", "b1")])
    nx.set_node_attributes(G, {"v": "A", "a1": "A", "a2": "A", "b1": "B"}, "side")
    t = by_node(brokerage(G, group="side"))
    assert t.loc["v"].to_dict() == {"coordinator": 1, "itinerant": 1, "gatekeeper_representative": 5,
                                    "liaison": 2, "total": 9, "group_missing": 2}
    assert t.loc["b2", "group_missing"] == 1 and t.loc["a1", "group_missing"] == 0
    # an ego network typed into the forms: one person without a context is no error
    net = ego_network(["a", "b", "c"], [], context=["work", None, "work"])
    row = brokerage(net, group="context").iloc[0]
    # the ego (a group of its own) brokers all 3 pairs: {a,c} itinerant, {a,b} {b,c} liaison
    assert (row["itinerant"], row["liaison"], row["group_missing"]) == (1, 2, 1)
    # a collection: each ego's count is its own
    alters = pd.DataFrame({"ego_id": ["E1", "E2", "E2"], "alter_id": ["a", "a", "b"], "context": ["work", None, None]})
    coll = make_collection(None, alters, None, origins={"alters": Origin("alters.csv")})
    assert brokerage(coll, group="context").set_index("ego_id")["group_missing"].to_dict() == {"E1": 0, "E2": 2}


def test_brokerage_directed_ego_network():
    # [formula] the ego of a directed ego network (ego–alter ties both ways) against listing paths
    net = ego_network(["a", "b", "c", "d"], [("a", "b"), ("c", "a"), ("d", "c")], directed=True,
                      context=["x", "x", "y", "z"])
    G = net.graph()
    group = dict(zip(net.alters["alter_id"], net.alters["context"]))
    group[net.ego_node] = object()
    expected = brokerage_reference(G, group)[net.ego_node]
    got = brokerage(net, group="context").iloc[0].to_dict()
    assert got == {"ego_id": "me", **expected, "total": sum(expected.values()), "group_missing": 0}


def test_brokerage_moved_out_of_holes():
    import netkit.holes

    assert nk.brokerage is brokerage
    assert not hasattr(netkit.holes, "brokerage")


def test_bad_method():
    A = nx.to_scipy_sparse_array(nx.path_graph(3), weight=None)
    with pytest.raises(nk.NetkitError, match="method='fast' is not a method"):
        brokerage_counts(A, np.zeros(3, dtype=int), method="fast")
