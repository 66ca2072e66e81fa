"""The per-ego summary table; expected counts are worked out by hand from the tables."""
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netkit as nk
from netkit.model import WholeNetwork


def test_counts_distinct_ties_per_ego(tmp_path):
    (tmp_path / "egos.csv").write_text("ego_id\nE1\nE2\nE3\n")
    (tmp_path / "alters.csv").write_text("ego_id,alter_id\nE1,1\nE1,2\nE1,3\nE2,1\nE2,2\n")
    # E1: 1-2 listed twice (both directions) and a self-loop 3-3 -> 1 distinct tie; 2-3 -> 2 in all
    (tmp_path / "ties.csv").write_text("ego_id,source,target\nE1,1,2\nE1,2,1\nE1,3,3\nE1,2,3\nE2,1,2\n")
    table = nk.summarize(nk.read(tmp_path))[["ego_id", "size", "alter_ties"]]
    assert table.to_dict("list") == {"ego_id": ["E1", "E2", "E3"], "size": [3, 2, 0], "alter_ties": [2, 1, 0]}


def test_directed_ties_count_each_direction(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\n1\n2\n")
    (tmp_path / "ties.csv").write_text("source,target\n1,2\n2,1\n1,2\n")
    assert nk.summarize(nk.read(tmp_path, directed=True))["alter_ties"].tolist() == [2]
    assert nk.summarize(nk.read(tmp_path))["alter_ties"].tolist() == [1]


def test_whole_network_rows_are_ego_networks():
    # karate club: node 0 has degree 16 and 18 triangles (networkx: nx.triangles(G)[0] == 18)
    G = nx.relabel_nodes(nx.karate_club_graph(), str)
    table = nk.summarize(WholeNetwork(G)).set_index("ego_id")
    assert table.loc["0", "size"] == 16 and table.loc["0", "alter_ties"] == 18
    directed = WholeNetwork(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("a", "c")]))
    rows = nk.summarize(directed).set_index("ego_id")
    # a's alters are b and c, joined by the two arcs b->c and c->b
    assert rows.loc["a", "size"] == 2 and rows.loc["a", "alter_ties"] == 2


def test_matches_networkx_per_ego(tmp_path):
    coll = nk.load_sample("survey")
    table = nk.summarize(coll).set_index("ego_id")
    for ego in list(coll)[:40]:
        G = ego.graph(include_ego=False)
        assert table.loc[ego.ego_id, "size"] == G.number_of_nodes()
        assert table.loc[ego.ego_id, "alter_ties"] == G.number_of_edges()


def test_unknown_ego():
    with pytest.raises(nk.NetkitError, match="there is no ego 'nobody'"):
        nk.summarize(nk.load_sample("survey"), ego="nobody")


def test_structure_columns_by_hand(tmp_path):
    (tmp_path / "egos.csv").write_text("ego_id\nE1\nE2\n")
    # E1: a path a-b-c plus an isolate d; closeness a 4, b 1, c 1, d unknown
    (tmp_path / "alters.csv").write_text(
        "ego_id,alter_id,closeness,team\nE1,a,4,x\nE1,b,1,x\nE1,c,1,y\nE1,d,,z\nE2,a,2,x\n"
    )
    (tmp_path / "ties.csv").write_text("ego_id,source,target\nE1,a,b\nE1,b,c\n")
    table = nk.summarize(nk.read(tmp_path), strength="closeness", group="team").set_index("ego_id")
    e1 = table.loc["E1"]
    assert e1["density"] == pytest.approx(2 * 2 / (4 * 3))          # 2t / n(n-1)
    assert e1["density_with_ego"] == pytest.approx(2 * (2 + 4) / (5 * 4))  # 2(t+n) / (n+1)n
    assert (e1["components"], e1["isolates"]) == (2, 1)              # {a,b,c} and {d}
    assert e1["mean_strength"] == pytest.approx((1 + 0 + 0) / 3)     # closeness 4 -> 1, 1 -> 0; d unknown
    assert e1["weak_share"] == pytest.approx(2 / 3)
    # E-I over alter-alter ties: a-b internal (x,x), b-c external (x,y) -> (1 - 1)/2 = 0
    assert e1["ei_index"] == pytest.approx(0.0)
    # Blau: shares x 2/4, y 1/4, z 1/4 -> 1 - (0.25 + 0.0625 + 0.0625); K = 3 categories in the data
    assert e1["blau"] == pytest.approx(0.625) and e1["iqv"] == pytest.approx(0.625 / (1 - 1 / 3))
    e2 = table.loc["E2"]
    assert np.isnan(e2["density"]) and np.isnan(e2["ei_index"]) and e2["blau"] == 0
    # one contact: Burt's constraint is 1, hierarchy undefined
    assert e2["constraint"] == pytest.approx(1.0) and np.isnan(e2["hierarchy"])


def test_blau_and_iqv_reference_example():
    # SCIENCE.md: shares (3/6, 2/6, 1/6) -> Blau 0.6111, IQV 0.9167 with K = 3
    from netkit.batch import composition

    alters = pd.DataFrame({"ego_id": ["e"] * 6, "alter_id": list("abcdef"), "g": ["p", "p", "p", "q", "q", "r"]})
    coll = nk.EgoCollection(pd.DataFrame({"ego_id": ["e"]}), alters, pd.DataFrame(columns=["ego_id", "source", "target"]))
    row = composition(coll, group="g").iloc[0]
    assert row["blau"] == pytest.approx(0.6111, abs=1e-4) and row["iqv"] == pytest.approx(0.9167, abs=1e-4)
    assert composition(coll, group="g", categories=4).iloc[0]["iqv"] == pytest.approx(0.6111 / 0.75, abs=1e-4)
    with pytest.raises(nk.NetkitError, match="group='nope' is not an alter attribute; choose one of g"):
        composition(coll, group="nope")


def test_summary_of_survey_is_one_pass_and_consistent():
    coll = nk.load_sample("survey")
    table = nk.summarize(coll, group="context").set_index("ego_id")
    holes = nk.structural_holes(coll).set_index("ego_id")
    assert np.allclose(table["constraint"], holes["constraint"], equal_nan=True)
    one = nk.summarize(coll["E001"], group="context").iloc[0]
    # per-ego and collection rows agree (IQV's K differs: categories seen in one ego vs the whole survey)
    for col in ("density", "constraint", "effective_size", "components", "ei_index", "blau"):
        assert one[col] == pytest.approx(table.loc["E001", col], nan_ok=True), col


def test_density_with_ego_is_the_density_of_the_ego_graph_netkit_builds():
    """Reference: networkx's density of EgoNetwork.graph() (ego–alter arcs both ways when directed)."""
    rng = np.random.default_rng(3)
    alters, ties = [], []
    for e in range(12):
        n = int(rng.integers(1, 9))
        alters += [{"ego_id": str(e), "alter_id": str(a)} for a in range(n)]
        ties += [{"ego_id": str(e), "source": str(a), "target": str(b)}
                 for a in range(n) for b in range(n) if a != b and rng.random() < 0.4]
    for directed in (False, True):
        coll = _collection(alters, ties, directed)
        table = nk.summarize(coll).set_index("ego_id")
        for e in coll.ego_ids:
            assert table.at[e, "density_with_ego"] == pytest.approx(nx.density(coll[e].graph()), abs=1e-15), (e, directed)


def _collection(alters, ties, directed):
    from netkit.errors import Origin
    from netkit.model import make_collection

    return make_collection(None, pd.DataFrame(alters), pd.DataFrame(ties), directed=directed,
                           origins={"alters": Origin("alters"), "ties": Origin("ties")}, duplicates="first")


def test_hierarchy_zero_up_to_rounding_is_zero():
    # a star of 3 around the ego and one tie b–c: rounding gave -1.4e-16 for such egos before
    coll = _collection([{"ego_id": "e", "alter_id": a} for a in "abc"],
                       [{"ego_id": "e", "source": "a", "target": "b"}, {"ego_id": "e", "source": "b", "target": "c"},
                        {"ego_id": "e", "source": "a", "target": "c"}], False)
    h = nk.summarize(coll)["hierarchy"].iloc[0]
    assert h == 0.0 and not np.signbit(h)
