"""The per-ego summary table; expected counts are worked out by hand from the tables."""
import networkx as nx
import pytest

import netkit as nk
from netkit.model import WholeNetwork


def test_counts_distinct_ties_per_ego(tmp_path):
    (tmp_path / "egos.csv").write_text("ego_id\nE1\nE2\nE3\n")
    (tmp_path / "alters.csv").write_text("ego_id,alter_id\nE1,1\nE1,2\nE1,3\nE2,1\nE2,2\n")
    # E1: 1-2 listed twice (both directions) and a self-loop 3-3 -> 1 distinct tie; 2-3 -> 2 in all
    (tmp_path / "ties.csv").write_text("ego_id,source,target\nE1,1,2\nE1,2,1\nE1,3,3\nE1,2,3\nE2,1,2\n")
    table = nk.summarize(nk.read(tmp_path))
    assert table.to_dict("list") == {"ego": ["E1", "E2", "E3"], "size": [3, 2, 0], "alter_ties": [2, 1, 0]}


def test_directed_ties_count_each_direction(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\n1\n2\n")
    (tmp_path / "ties.csv").write_text("source,target\n1,2\n2,1\n1,2\n")
    assert nk.summarize(nk.read(tmp_path, directed=True))["alter_ties"].tolist() == [2]
    assert nk.summarize(nk.read(tmp_path))["alter_ties"].tolist() == [1]


def test_whole_network_rows_are_ego_networks():
    # karate club: node 0 has degree 16 and 18 triangles (networkx: nx.triangles(G)[0] == 18)
    G = nx.relabel_nodes(nx.karate_club_graph(), str)
    table = nk.summarize(WholeNetwork(G)).set_index("ego")
    assert table.loc["0", "size"] == 16 and table.loc["0", "alter_ties"] == 18
    directed = WholeNetwork(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("a", "c")]))
    rows = nk.summarize(directed).set_index("ego")
    # a's alters are b and c, joined by the two arcs b->c and c->b
    assert rows.loc["a", "size"] == 2 and rows.loc["a", "alter_ties"] == 2


def test_matches_networkx_per_ego(tmp_path):
    coll = nk.load_sample("survey")
    table = nk.summarize(coll).set_index("ego")
    for ego in list(coll)[:40]:
        G = ego.graph(include_ego=False)
        assert table.loc[ego.ego_id, "size"] == G.number_of_nodes()
        assert table.loc[ego.ego_id, "alter_ties"] == G.number_of_edges()


def test_unknown_ego():
    with pytest.raises(nk.NetkitError, match="there is no ego 'nobody'"):
        nk.summarize(nk.load_sample("survey"), ego="nobody")
