"""Tie strength, the tie table and Granovetter's check.

Every expected value says where it came from: SCIENCE.md's worked example, a hand calculation
written next to it, networkx (``local_bridges`` and its test file), or a plain set-based
implementation of the overlap formula (``set_overlap`` below).
"""
import doctest
import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
import netkit.schema
import netkit.ties
from netkit.ties import granovetter_check, tie_strength, tie_table


def set_overlap(G, u, v):
    """Onnela's overlap from neighbour sets: n_uv / |N(u) ∪ N(v) minus u, v|, 0/0 -> NaN."""
    Nu, Nv = set(G[u]) - {u, v}, set(G[v]) - {u, v}
    union = len(Nu | Nv)
    return len(Nu & Nv), (len(Nu & Nv) / union if union else math.nan)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


def write_ego(folder, alters: str, ties: str = "source,target\n"):
    (folder / "alters.csv").write_text(alters)
    (folder / "ties.csv").write_text(ties)
    return nk.read(folder)


# ----------------------------------------------------------------------------- tie_strength


def test_science_md_examples():
    # SCIENCE.md: closeness 1-4, frequency 1-5, confiding 0/1, equal weights:
    # (4,5,1) -> 1.000; (2,3,0) -> (0.333 + 0.5 + 0)/3 = 0.278; (1,1,0) -> 0
    alters = pd.DataFrame({"closeness": [4, 2, 1], "frequency": [5, 3, 1], "confiding": [1, 0, 0]})
    scores = tie_strength(alters)
    assert scores["strength"].tolist() == pytest.approx([1.0, (1 / 3 + 0.5 + 0) / 3, 0.0])
    assert round(scores["strength"][1], 3) == 0.278
    # the two items without a column are reported missing in every row
    assert scores["items_missing"].tolist() == ["years_known, services"] * 3
    # same values with the three items named explicitly: nothing missing
    explicit = tie_strength(alters, strength={"closeness": 1, "frequency": 1, "confiding": 1})
    assert explicit["strength"].tolist() == pytest.approx(scores["strength"].tolist())
    assert explicit["items_missing"].tolist() == ["", "", ""]


def test_result_is_aligned_to_the_alters_rows():
    alters = pd.DataFrame({"closeness": [4, 1]}, index=["x", "y"])
    scores = tie_strength(alters, strength="closeness")
    assert list(scores.index) == ["x", "y"] and list(scores.columns) == ["strength", "items_missing"]


def test_missing_items_are_left_out_per_row():
    alters = pd.DataFrame({"closeness": [4, np.nan, np.nan], "frequency": [1, 5, np.nan],
                           "confiding": [np.nan, 1, np.nan]})
    scores = tie_strength(alters, strength={"closeness": 1, "frequency": 1, "confiding": 1})
    # hand: row 0 (1 + 0)/2; row 1 (1 + 1)/2; row 2 has no item at all
    assert scores["strength"][0] == 0.5 and scores["strength"][1] == 1.0 and np.isnan(scores["strength"][2])
    assert scores["items_missing"].tolist() == ["confiding", "closeness", "closeness, frequency, confiding"]


def test_declared_scale_not_the_observed_range():
    # everyone "4" is everyone at the top of the 1-4 scale, not a range of zero width
    assert tie_strength(pd.DataFrame({"closeness": [4, 4, 4]}), strength="closeness")["strength"].tolist() == [1, 1, 1]
    # everyone "2": (2 - 1)/(4 - 1) = 1/3, whatever the others answered
    assert tie_strength(pd.DataFrame({"closeness": [2, 2]}), strength="closeness")["strength"].tolist() == \
        pytest.approx([1 / 3, 1 / 3])


def test_user_declared_scales():
    alters = pd.DataFrame({"closeness": [5, 3, 1]})
    # hand: on a 1-5 scale, (5-1)/4 = 1, (3-1)/4 = 0.5, 0
    got = tie_strength(alters, strength="closeness", scales={"closeness": (1, 5)})["strength"].tolist()
    assert got == [1.0, 0.5, 0.0]
    with pytest.raises(nk.NetkitError, match=r"row 1, column 'closeness': 5 is outside the declared scale 1–4.*"
                                             r"scales=\{'closeness': \(1, 5\)\}"):
        tie_strength(alters, strength="closeness")


def test_years_known_log_scale_and_top_code():
    alters = pd.DataFrame({"years_known": [0, 7, 100, 120]})
    with pytest.warns(UserWarning, match=r"1 value\(s\) lie above the declared maximum of 100 years \(largest 120\)"):
        scores = tie_strength(alters, strength={"years_known": 1})
    # hand: log(1 + x)/log(101) on the declared 0-100 range; 120 is clipped to 1
    assert scores["strength"].tolist() == pytest.approx([0.0, math.log(8) / math.log(101), 1.0, 1.0])
    assert not scores.attrs  # reported by the warning (column and count), not hidden in attrs
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a wider declared range: no clipping, no warning
        wide = tie_strength(alters, strength={"years_known": 1}, scales={"years_known": (0, 150)})
    assert wide["strength"][3] == pytest.approx(math.log(121) / math.log(151))


def test_reciprocal_services_average_both_directions():
    alters = pd.DataFrame({"support_given": [1, 1, 0, 0, 1], "support_received": [1, 0, 1, 0, np.nan]})
    scores = tie_strength(alters, strength={"services": 1})
    # hand: (g + r)/2; one direction missing -> the item is missing
    assert scores["strength"][:4].tolist() == [1.0, 0.5, 0.5, 0.0] and np.isnan(scores["strength"][4])
    assert scores["items_missing"].tolist() == ["", "", "", "", "services"]


def test_presets():
    alters = pd.DataFrame({"closeness": [4], "frequency": [1], "years_known": [0], "confiding": [1],
                           "support_given": [1], "support_received": [1]})
    # hand: items closeness 1, frequency 0, years_known 0, confiding 1, services 1
    assert tie_strength(alters)["strength"][0] == pytest.approx(3 / 5)
    assert tie_strength(alters, strength="closeness")["strength"][0] == 1.0
    # gilbert: (2*1 + 1*0 + 2*0 + 2*1 + 1*1) / (2 + 1 + 2 + 2 + 1) = 5/8
    assert tie_strength(alters, strength="gilbert")["strength"][0] == pytest.approx(5 / 8)
    assert netkit.ties.PRESETS["gilbert"] == {"closeness": 2, "confiding": 2, "years_known": 2,
                                              "frequency": 1, "services": 1}
    # items with weight 0 are neither used nor reported missing
    assert tie_strength(pd.DataFrame({"closeness": [3]}), strength={"closeness": 1, "frequency": 0})[
        "items_missing"][0] == ""


def test_yes_no_text_is_read():
    alters = pd.DataFrame({"confiding": ["yes", "No", " y ", "", None]})
    scores = tie_strength(alters, strength={"confiding": 1})
    assert scores["strength"][:3].tolist() == [1.0, 0.0, 1.0] and scores["strength"][3:].isna().all()


@pytest.mark.parametrize("kwargs, message", [
    ({"strength": "strong"}, r"strength='strong' is not a preset; use one of 'equal', 'closeness', 'gilbert'"),
    ({"strength": {"kindness": 1}}, r"unknown item 'kindness'; items are closeness, frequency, years_known, "
                                   r"confiding, services"),
    ({"strength": {"closeness": -1}}, r"strength\['closeness'\] is -1; an item weight must be a number, 0 or more"),
    ({"strength": {"closeness": 0}}, r"gives no item a positive weight"),
    ({"strength": 3}, r"strength must be a preset name"),
    ({"scales": {"closeness": (4, 1)}}, r"scales\['closeness'\] is \(4, 1\); the minimum must be below the maximum"),
    ({"scales": {"warmth": (1, 4)}}, r"scales has an unknown item 'warmth'; items are closeness"),
    ({"scales": {"closeness": 4}}, r"give the declared range as two numbers"),
])
def test_bad_arguments_name_the_argument_and_the_legal_values(kwargs, message):
    with pytest.raises(nk.NetkitError, match=message):
        tie_strength(pd.DataFrame({"closeness": [1]}), **kwargs)


def test_bad_values_name_the_row():
    alters = pd.DataFrame({"alter_id": ["a", "b"], "closeness": ["3", "high"]})
    with pytest.raises(nk.NetkitError, match=r"alters, row 2 \(alter 'b'\), column 'closeness': 'high' is not a number"):
        tie_strength(alters)
    with pytest.raises(nk.NetkitError, match=r"'maybe' is not a number; write yes or no"):
        tie_strength(pd.DataFrame({"confiding": ["maybe"]}))
    with pytest.raises(nk.NetkitError, match="must be a table"):
        tie_strength([4, 3])


# ----------------------------------------------------------------------------- overlap and bridges


def test_overlap_and_bridges_on_a_hand_computed_graph():
    G = nx.Graph([("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e"),  # triangle with a tail
                  ("f", "g"),  # an isolated pair
                  ("w", "x"), ("x", "y"), ("y", "z"), ("z", "w")])  # a square
    table = tie_table(G).set_index(["source", "target"])
    # hand: overlap = n / ((k_u - 1) + (k_v - 1) - n)
    expected = {
        ("a", "b"): (1, 1 / (1 + 1 - 1), False, math.nan),  # share c
        ("a", "c"): (1, 1 / (1 + 2 - 1), False, math.nan),  # share b
        ("b", "c"): (1, 1 / (1 + 2 - 1), False, math.nan),
        ("c", "d"): (0, 0 / (2 + 1), True, math.inf),  # removing it cuts d and e off
        ("d", "e"): (0, 0 / (1 + 0), True, math.inf),
        ("f", "g"): (0, math.nan, True, math.inf),  # 0/0
        ("w", "x"): (0, 0.0, True, 3.0),  # the way round the square
        ("x", "y"): (0, 0.0, True, 3.0),
        ("y", "z"): (0, 0.0, True, 3.0),
        ("w", "z"): (0, 0.0, True, 3.0),
    }
    assert len(table) == len(expected)
    for pair, (common, overlap, bridge, span) in expected.items():
        row = table.loc[pair]
        assert row["common_neighbors"] == common, pair
        assert same(row["overlap"], overlap), pair
        assert row["local_bridge"] == bridge, pair
        assert same(row["span"], span), pair
    assert table["kind"].eq("edge").all() and table["strength"].isna().all() and table["tie"].isna().all()


def test_cycle_local_bridge_span_from_networkx_tests():
    # networkx's local_bridges doc test: cycle_graph(9) has the local bridge (0, 8) with span 8
    table = tie_table(nx.cycle_graph(9))
    row = table[(table["source"] == "0") & (table["target"] == "8")].iloc[0]
    assert row["local_bridge"] and row["span"] == 8
    assert table["local_bridge"].all() and (table["span"] == 8).all()


def test_global_bridge_has_infinite_span():
    # two triangles joined by one edge: networkx gives span inf for it
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    table = tie_table(G)
    bridge = table[table["local_bridge"]]
    assert list(zip(bridge["source"], bridge["target"])) == [("2", "3")]
    assert bridge["span"].iloc[0] == math.inf
    assert ("2", "3", math.inf) in set(nx.local_bridges(nx.relabel_nodes(G, str), with_span=True))
    # a second edge between the triangles: neither is a bridge any more; hand: 2-3 goes round
    # 2-1-4-3 once removed, so both are local bridges of span 3
    G.add_edge(1, 4)
    table = tie_table(G)
    bridge = table[table["local_bridge"]]
    assert list(zip(bridge["source"], bridge["target"])) == [("1", "4"), ("2", "3")]
    assert bridge["span"].tolist() == [3, 3]


def check_against_networkx(G):
    """local_bridge/span vs networkx, overlap and common neighbours vs set_overlap."""
    table = tie_table(G)
    assert len(table) == G.number_of_edges()
    expected = {frozenset((u, v)): span for u, v, span in nx.local_bridges(G, with_span=True)}
    for row in table.itertuples():
        key = frozenset((row.source, row.target))
        assert row.local_bridge == (key in expected), key
        if key in expected:
            assert row.span == expected[key], key
        else:
            assert math.isnan(row.span)
        common, overlap = set_overlap(G, row.source, row.target)
        assert row.common_neighbors == common and same(row.overlap, overlap), key


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 16).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))))
def test_random_graphs_match_networkx(graph):
    n, edges = graph
    G = nx.Graph()
    G.add_nodes_from(str(i) for i in range(n))
    G.add_edges_from((str(u), str(v)) for u, v in edges if u != v)
    check_against_networkx(G)


def test_larger_sparse_graphs_match_networkx():
    # many local bridges with spans of 3 to 8, several spans searched together in one batch
    for seed in range(3):
        G = nx.relabel_nodes(nx.connected_watts_strogatz_graph(120, 4, 0.15, seed=seed), str)
        check_against_networkx(G)


def test_self_loops_are_left_out():
    # networkx counts a node with a self-loop as its own neighbour; netkit drops self-loops first
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "a")])
    table = tie_table(G)
    assert len(table) == 4 and table["local_bridge"].all() and (table["span"] == 3).all()
    H = G.copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    check_against_networkx(H)


def test_karate_club_matches_networkx():
    net = nk.load_sample("karate")
    check_against_networkx(net.G)


def test_spans_split_a_batch_that_grows_too_large():
    G = nx.relabel_nodes(nx.connected_watts_strogatz_graph(200, 4, 0.1, seed=7), str)
    frame_table = tie_table(G)
    A = nx.to_scipy_sparse_array(G, nodelist=sorted(G, key=int), format="csr")
    from scipy.sparse import csr_matrix
    bridges = frame_table[frame_table["local_bridge"] & np.isfinite(frame_table["span"])]
    us = bridges["source"].astype(int).to_numpy()
    vs = bridges["target"].astype(int).to_numpy()
    # a tiny work limit forces the search to split its groups down to single edges
    small = netkit.ties._spans(csr_matrix(A), us, vs, batch=7, max_work=10)
    assert small.tolist() == bridges["span"].tolist()


# ----------------------------------------------------------------------------- ego networks


def test_ego_network_rows_and_graphs(tmp_path):
    net = write_ego(tmp_path, "alter_id,closeness\nA,4\nB,3\nC,2\nD,1\n", "source,target\nA,B\nB,C\nA,C\nC,C\n")
    table = tie_table(net, strength="closeness")
    assert list(table.columns) == ["source", "target", "kind", "strength", "tie", "layer", "overlap",
                                   "common_neighbors", "local_bridge", "span", "items_missing"]
    assert table["kind"].tolist() == ["ego-alter"] * 4 + ["alter-alter"] * 3  # the self-tie C-C is left out
    assert table["source"].tolist()[:4] == ["ego"] * 4 and table["target"].tolist()[:4] == list("ABCD")
    ego_alter = table.set_index("target").iloc[:4]
    # hand, graph with ego: A knows B and C, so n = 2, k_ego = 4, k_A = 3: 2 / (3 + 2 - 2)
    assert ego_alter.loc["A", "common_neighbors"] == 2 and ego_alter.loc["A", "overlap"] == pytest.approx(2 / 3)
    # D knows no other alter: its tie to the ego is a local bridge, and a global one
    assert ego_alter.loc["D", "local_bridge"] and ego_alter.loc["D", "span"] == math.inf
    assert ego_alter.loc["D", "overlap"] == 0
    # strength (closeness only, hand): (4-1)/3, (3-1)/3, (2-1)/3, 0
    assert ego_alter["strength"].tolist() == pytest.approx([1, 2 / 3, 1 / 3, 0])
    assert ego_alter["tie"].tolist() == ["strong", "strong", "weak", "weak"]
    # alter-alter ties on the alters-only graph (the ego would be a common neighbour of all):
    # A-B share C only: 1 / (1 + 1 - 1)
    alter_alter = table.iloc[4:]
    assert alter_alter["common_neighbors"].tolist() == [1, 1, 1] and alter_alter["overlap"].tolist() == [1, 1, 1]
    assert alter_alter["strength"].isna().all() and alter_alter["layer"].isna().all()
    assert alter_alter["items_missing"].isna().all() and (ego_alter["items_missing"] == "").all()


def test_ego_network_matches_networkx_on_the_right_graphs():
    net = nk.load_sample("personal")
    table = tie_table(net)
    with_ego, alters_only = net.graph(include_ego=True), net.graph(include_ego=False)
    for G, kind in ((with_ego, "ego-alter"), (alters_only, "alter-alter")):
        rows = table[table["kind"] == kind]
        expected = {frozenset((u, v)): s for u, v, s in nx.local_bridges(G, with_span=True)}
        for row in rows.itertuples():
            key = frozenset((row.source, row.target))
            assert row.local_bridge == (key in expected) and same(row.span, expected.get(key, math.nan)), key
            common, overlap = set_overlap(G, row.source, row.target)
            assert row.common_neighbors == common and same(row.overlap, overlap), key
    assert (table["kind"] == "ego-alter").sum() == 40 and (table["kind"] == "alter-alter").sum() == 69


def test_alter_ties_strength_from_a_weight_column(tmp_path):
    net = write_ego(tmp_path, "alter_id\nA\nB\nC\n", "source,target,weight\nA,B,4\nB,C,1\nC,A,0\n")
    table = tie_table(net, weight="weight")
    # hand: weight / largest alter-alter weight of this ego network (4); C–A of weight 0 is no tie with weights in use
    assert table.loc[table["kind"] == "alter-alter", "strength"].tolist() == [1.0, 0.25]
    assert len(tie_table(net).query("kind == 'alter-alter'")) == 3  # without weight=, every listed tie is a tie
    assert table["target"].tolist()[3:] == ["B", "C"]  # listed as written in ties.csv
    with pytest.raises(nk.NetkitError, match=r"weight='strength' is not a column of the ties table.*'weight'"):
        tie_table(net, weight="strength")
    (tmp_path / "ties.csv").write_text("source,target,w\nA,B,x\n")
    with pytest.raises(nk.NetkitError, match="weight column 'w' has 'x', which is not a number"):
        tie_table(nk.read(tmp_path), weight="w")


def test_layers_rank_by_strength(tmp_path):
    # 20 alters with distinct strengths: years known 20, 19, ..., 1 in table order
    years = list(range(20, 0, -1))
    rows = "".join(f"p{i:02d},{y}\n" for i, y in enumerate(years))
    net = write_ego(tmp_path, "alter_id,years_known\n" + rows)
    table = tie_table(net, strength={"years_known": 1})
    layers = table["layer"].tolist()
    # Dunbar's cumulative circles: ranks 1-5 -> "5", 6-15 -> "15", 16-50 -> "50"
    assert layers == ["5"] * 5 + ["15"] * 10 + ["50"] * 5
    assert table["layer"].cat.categories.tolist() == ["5", "15", "50", "150", "150+"]
    assert table["layer"].cat.ordered


def test_layers_keep_table_order_for_equal_strength_and_skip_unknown(tmp_path):
    closeness = [2, 4, 4, 4, "", 4, 4, 4, 4, 3]
    rows = "".join(f"p{i},{c}\n" for i, c in enumerate(closeness))
    table = tie_table(write_ego(tmp_path, "alter_id,closeness\n" + rows), strength="closeness")
    # seven alters at 4: the first five listed are in "5", the other two in "15", then 3 and 2;
    # p4 has no closeness: no strength, no tie class, no layer
    assert table["layer"].tolist() == ["15", "5", "5", "5", np.nan, "5", "5", "15", "15", "15"]
    assert table["tie"].isna().tolist() == [False] * 4 + [True] + [False] * 5


def test_collection_rows_equal_per_ego_tables():
    coll = nk.load_sample("survey")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # the survey's years_known all lie on the declared scale
        table = tie_table(coll, weight="weight")
        assert table.columns[0] == "ego_id"
        assert table["ego_id"].drop_duplicates().tolist() == [e for e in coll.ego_ids if e in set(coll.alters["ego_id"])]
        for ego_id in coll.ego_ids[:25]:
            alone = tie_table(coll[ego_id], weight="weight")
            part = table[table["ego_id"] == ego_id].drop(columns="ego_id").reset_index(drop=True)
            pd.testing.assert_frame_equal(part, alone, check_categorical=False)


def test_directed_ego_network_counts_each_arc(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\nA\nB\nC\n")
    (tmp_path / "ties.csv").write_text("source,target\nA,B\nB,A\nB,C\n")
    table = tie_table(nk.read(tmp_path, directed=True))
    alter_alter = table[table["kind"] == "alter-alter"]
    assert list(zip(alter_alter["source"], alter_alter["target"])) == [("A", "B"), ("B", "A"), ("B", "C")]
    # undirected alters-only graph is the path A-B-C: both ties are global bridges
    assert alter_alter["span"].tolist() == [math.inf] * 3
    assert (table["kind"] == "ego-alter").sum() == 3


# ----------------------------------------------------------------------------- whole networks


def test_whole_network_strength_from_weight():
    net = nk.load_sample("karate")
    table = tie_table(net, weight="weight", threshold=0.5)
    weights = {frozenset((u, v)): d["weight"] for u, v, d in net.G.edges(data=True)}
    top = max(weights.values())
    for row in table.itertuples():
        assert row.strength == pytest.approx(weights[frozenset((row.source, row.target))] / top)
        assert row.tie == ("strong" if row.strength >= 0.5 else "weak")
    assert table["layer"].isna().all() and table["items_missing"].isna().all()
    with pytest.raises(nk.NetkitError, match="threshold=2"):
        tie_table(net, threshold=2)
    with pytest.raises(nk.NetkitError, match="strength='bogus' is not a preset"):
        tie_table(net, strength="bogus")


def test_directed_whole_network_is_measured_undirected():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"),
                    ("f", "c")])
    table = tie_table(D)
    assert len(table) == D.number_of_edges()  # one row per arc
    undirected = tie_table(nx.Graph(D.to_undirected()))
    by_pair = {frozenset((r.source, r.target)): r for r in undirected.itertuples()}
    for row in table.itertuples():
        ref = by_pair[frozenset((row.source, row.target))]
        assert (row.common_neighbors, row.local_bridge) == (ref.common_neighbors, ref.local_bridge)
        assert same(row.overlap, ref.overlap) and same(row.span, ref.span)
    # hand: c-d closes no triangle, and the way round c-d-e-f-c has length 3
    cd = table[(table["source"] == "c") & (table["target"] == "d")].iloc[0]
    assert cd["local_bridge"] and cd["span"] == 3


# ----------------------------------------------------------------------------- Granovetter's check


def network_from(tmp_path, closeness, ties):
    rows = "".join(f"{name},{c}\n" for name, c in closeness.items())
    return write_ego(tmp_path, "alter_id,closeness\n" + rows, "source,target\n" + "".join(f"{a},{b}\n" for a, b in ties))


def test_granovetter_check_sign(tmp_path):
    clique = [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]
    # strong ties inside a clique, weak ties to isolated people: overlap rises with strength
    (tmp_path / "a").mkdir()
    net = network_from(tmp_path / "a", {"A": 4, "B": 4, "C": 4, "D": 4, "E": 1, "F": 1, "G": 2, "H": 2},
                       clique + [("G", "H")])
    check = granovetter_check(net, strength="closeness")
    assert check["n"] == 8 and check["rho"] > 0 and check["p_value"] < 0.05
    assert check["sentence"].startswith("Stronger ties overlap more (rho = ")
    assert "as Granovetter predicts, your weak ties are the bridges" in check["sentence"]
    # the reverse: weak ties in the clique, strong ties to isolated people
    (tmp_path / "b").mkdir()
    net = network_from(tmp_path / "b", {"A": 1, "B": 1, "C": 1, "D": 1, "E": 4, "F": 4, "G": 3, "H": 3},
                       clique + [("G", "H")])
    check = granovetter_check(net, strength="closeness")
    assert check["rho"] < 0 and "unlike Granovetter's prediction" in check["sentence"]


def test_granovetter_check_personal_sample():
    check = granovetter_check(nk.load_sample("personal"))
    assert check["n"] == 40 and np.isfinite(check["rho"]) and np.isfinite(check["p_value"])
    assert -1 <= check["rho"] <= 1 and "n = 40" in check["sentence"]
    assert list(check.index) == ["n", "rho", "p_value", "sentence"]


def test_granovetter_check_too_few_ties(tmp_path):
    net = network_from(tmp_path, {"A": 4, "B": 1}, [])
    check = granovetter_check(net, strength="closeness")
    assert check["n"] == 2 and np.isnan(check["rho"]) and np.isnan(check["p_value"])
    assert check["sentence"].startswith("Too few ties to check (n = 2)")


def test_granovetter_check_whole_networks():
    karate = nk.load_sample("karate")
    assert "weight=" in granovetter_check(karate)["sentence"]  # no strength without a weight
    check = granovetter_check(karate, weight="weight")
    table = tie_table(karate, weight="weight")
    from scipy.stats import spearmanr
    assert check["n"] == 78 and check["rho"] == pytest.approx(spearmanr(table["strength"], table["overlap"]).statistic)
    # a directed network: the two arcs of a pair are one tie, their weights added
    D = nx.DiGraph()
    D.add_weighted_edges_from([("a", "b", 1), ("b", "a", 2), ("b", "c", 1), ("c", "a", 1), ("c", "d", 5),
                               ("d", "e", 4), ("e", "c", 1)])
    assert granovetter_check(D, weight="weight")["n"] == 6


# ----------------------------------------------------------------------------- documentation


def test_docstring_examples_run():
    result = doctest.testmod(netkit.ties, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("call", [
    lambda **kw: tie_strength(nk.load_sample("personal").alters, **kw),
    lambda **kw: tie_table(nk.load_sample("personal"), **kw),
    lambda **kw: granovetter_check(nk.load_sample("personal"), **kw),
])
def test_old_weights_keyword_warns_and_gives_the_same(call):
    # weights= (a strength preset, easily confused with weight=, an edge column) is now strength=
    with pytest.warns(FutureWarning, match="weights= is now strength="):
        old = call(weights="gilbert")
    new = call(strength="gilbert")
    if isinstance(new, pd.Series):
        pd.testing.assert_series_equal(old, new)
    else:
        pd.testing.assert_frame_equal(old, new)
    with pytest.raises(nk.NetkitError, match="weights= is the old name of strength=; pass only strength="):
        call(weights="gilbert", strength="equal")


def test_yes_no_words_read_as_one_and_zero():
    alters = pd.DataFrame({"confiding": ["Yes", " no ", "TRUE", "f", None]})
    got = tie_strength(alters, strength={"confiding": 1})["strength"]
    assert got[:4].tolist() == [1.0, 0.0, 1.0, 0.0] and math.isnan(got[4])
    assert netkit.ties.YES_WORDS is netkit.schema.YES_WORDS  # the one list of yes words, the readers' own


def test_threshold_is_checked_once_for_every_table():
    with pytest.raises(nk.NetkitError, match="threshold=2 is not a strength; use a number from 0 to 1"):
        tie_table(nk.load_sample("personal"), threshold=2)
