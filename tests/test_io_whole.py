"""Whole networks: edge lists, GraphML, GEXF (fixture counts from tests/fixtures/README.md)."""
import pytest

import netkit as nk

FIX = __import__("pathlib").Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name, weight", [("weighted.csv", 7.5), ("fromto.tsv", 5.0), ("small.graphml", 7.5), ("small.gexf", 7.5)])
def test_same_graph_from_every_format(name, weight):
    net = nk.read(FIX / "edgelist" / name)
    assert isinstance(net, nk.WholeNetwork)
    assert sorted(net.G) == ["007", "Ana", "Ben", "Cai", "Dia"]  # '007' stays text
    assert net.G.number_of_edges() == 5
    assert net.G.size(weight="weight") == weight


def test_cut_an_ego_network_out_of_a_whole_network():
    whole = nk.load_sample("karate")
    ego = whole.ego_network("0")
    # networkx: karate_club_graph() node 0 has 16 neighbours and 18 triangles
    assert ego.size == 16 and nk.summarize(ego)["alter_ties"].item() == 18
    assert ego.ego_node == "0" and ego.graph().degree("0") == 16
    with pytest.raises(nk.NetkitError, match="there is no node '99'"):
        whole.ego_network("99")


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("broken.graphml", "<graphml><graph><node id='a'></graph>", "is not well-formed XML"),
        ("notgraph.graphml", "<html><body>hello</body></html>", "is not a GRAPHML file networkx can read"),
        ("broken.gexf", "<gexf><graph>", "is not well-formed XML"),
        ("empty.graphml", "", "the file is empty"),
        ("edges.csv", "source,target,weight\na,b,heavy\n", r"edges.csv, line 2, column 'weight': 'heavy' is not a number"),
        ("edges2.csv", "left,right\na,b\n", "an edge list needs columns 'source' and 'target'"),
        ("edges3.csv", "source,target\na,\n", r"line 2, column 'target': the id is empty"),
        ("data.sav", "x", "does not know files ending in '.sav'"),
        ("old.xls", "x", "old Excel .xls file"),
    ],
)
def test_bad_whole_network_files(tmp_path, filename, content, message):
    path = tmp_path / filename
    path.write_text(content)
    with pytest.raises(nk.NetkitError, match=message):
        nk.read(path)


def test_unknown_format_name(tmp_path):
    with pytest.raises(nk.NetkitError, match="format='spss' is not known; use one of auto, netkit"):
        nk.read(tmp_path, format="spss")


def test_directed_edge_list_and_repeats(tmp_path):
    path = tmp_path / "arcs.csv"
    path.write_text("from,to\na,b\nb,a\na,b\n")
    assert nk.read(path, directed=True).G.number_of_edges() == 2
    undirected = nk.read(path)
    assert undirected.G.number_of_edges() == 1 and "1 pair is listed more than once (A–B and B–A are one edge)" in undirected.warnings[0]


def test_graphml_written_back(tmp_path):
    net = nk.load_sample("florentine")
    nk.write(net, tmp_path / "f.graphml", format="graphml")
    again = nk.read(tmp_path / "f.graphml")
    assert sorted(again.G.edges()) == sorted(net.G.edges())
    with pytest.raises(nk.NetkitError, match="GraphML holds one network"):
        nk.write(nk.load_sample("survey"), tmp_path / "s.graphml", format="graphml")


def test_whole_network_tie_types(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("source,target,tie_type\na,b,work\nb,c,family\nc,a,work\na,b,family\n", encoding="utf-8")
    net = nk.read(path)
    assert any("2 types (work, family)" in w for w in net.warnings)
    work = nk.structural_holes(net, tie_type="work").set_index("ego_id")
    assert not net.built  # chosen from the edge list itself
    built = nk.read(path)
    built.G  # noqa: B018
    assert work.equals(nk.structural_holes(built, tie_type="work").set_index("ego_id"))
    assert work.loc["a", "degree"] == 2 and work.loc["b", "degree"] == 1  # hand count: a–b, c–a of type work
    with pytest.raises(nk.NetkitError, match="has no ties of type 'school'; its tie types are 'work', 'family'"):
        nk.tie_table(built, tie_type="school")
