"""The data model: collections, ego networks and whole networks behave as documented."""
import dataclasses

import networkx as nx
import pandas as pd
import pytest

import netkit as nk
from netkit.errors import Origin
from netkit.model import make_collection


def small():
    alters = pd.DataFrame({"ego_id": ["A", "A", "B"], "alter_id": ["1", "2", "1"], "name": ["x", "y", "z"]})
    ties = pd.DataFrame({"ego_id": ["A"], "source": ["1"], "target": ["2"]})
    return make_collection(None, alters, ties, origins={"alters": Origin("alters"), "ties": Origin("ties")})


def test_collection_iterates_per_ego_in_order():
    coll = small()
    assert coll.ego_ids == ["A", "B"] and len(coll) == 2 and "B" in coll
    a, b = list(coll)
    assert (a.size, len(a.ties), b.size, len(b.ties)) == (2, 1, 1, 0)
    assert "ego_id" not in a.alters.columns


def test_missing_ego_lists_some_egos():
    with pytest.raises(nk.NetkitError, match="there is no ego 'C'; egos are A, B"):
        small()["C"]


def test_numeric_ids_from_spreadsheets_become_text():
    alters = pd.DataFrame({"ego_id": [1.0, 1.0], "alter_id": [7.0, 8.0]})
    coll = make_collection(None, alters, None, origins={"alters": Origin("alters")})
    assert coll.alters["alter_id"].tolist() == ["7", "8"] and coll.ego_ids == ["1"]


def test_scales_and_yes_no_answers_are_whole_numbers_and_missing_stays_missing():
    alters = pd.DataFrame({"ego_id": ["A"] * 3, "alter_id": ["1", "2", "3"], "closeness": ["4", None, "2.0"],
                           "confiding": ["Yes", "n", None], "years_known": ["2,5", "10", None]})
    a = make_collection(None, alters, None, origins={"alters": Origin("alters")}).alters
    assert str(a["closeness"].dtype) == "Int64" and str(a["confiding"].dtype) == "Int64"
    assert a["closeness"].tolist()[0::2] == [4, 2] and a["closeness"].isna().tolist() == [False, True, False]
    assert a["confiding"].tolist()[:2] == [1, 0] and pd.isna(a["confiding"].iloc[2])
    assert a["years_known"].dtype == float and a["years_known"].tolist()[:2] == [2.5, 10.0]  # years may be fractions
    assert str(a.loc[0, "closeness"]) == "4"  # shown as 4, not 4.0


def test_graph_without_ego_and_directed():
    net = small()["A"]
    assert set(net.graph(include_ego=False)) == {"1", "2"}
    net = dataclasses.replace(net, directed=True)
    G = net.graph()
    assert G.is_directed() and G.has_edge("ego", "1") and G.has_edge("1", "ego")


def test_whole_network_ego_cut_directed():
    whole = nk.WholeNetwork(nx.DiGraph([("a", "b"), ("c", "a"), ("b", "c")]))
    ego = whole.ego_network("a")
    assert sorted(ego.alters["alter_id"]) == ["b", "c"]
    assert ego.ties[["source", "target"]].values.tolist() == [["b", "c"]]


def test_collection_is_frozen_and_replace_gives_right_alters():
    """After a changed copy, each ego gets its own alters (the cached positions once pointed at others)."""
    coll = small()
    with pytest.raises(dataclasses.FrozenInstanceError):
        coll.alters = coll.alters.iloc[::-1]
    flipped = dataclasses.replace(coll, alters=coll.alters.iloc[::-1].reset_index(drop=True))
    for ego_id in flipped.ego_ids:
        assert set(flipped[ego_id].alters["alter_id"]) == set(coll[ego_id].alters["alter_id"])


def test_collection_tables_changed_in_place_are_read_as_they_are_now():
    coll = small()
    first = coll.ego_ids[0]
    before = set(coll[first].alters["alter_id"])
    reordered = coll.alters.sort_values(["alter_id"], ascending=False, ignore_index=True)
    coll.alters.loc[:, :] = reordered.to_numpy()  # same frame object, rows in another order
    assert set(coll[first].alters["alter_id"]) == before
    assert all((coll[e].alters.shape[0] > 0) for e in coll.ego_ids)


def test_as_collection_and_select_ego_are_model_functions():
    from netkit.model import as_collection, select_ego

    coll = small()
    one = coll[coll.ego_ids[0]]
    again = as_collection(one)
    assert again.ego_ids == [one.ego_id] and again.alters["ego_id"].eq(one.ego_id).all()
    assert one.as_collection().alters.shape[0] == one.size
    assert select_ego(coll, one.ego_id).ego_id == one.ego_id
    assert select_ego(one, None) is one
    with pytest.raises(nk.NetkitError, match="not 'nobody'"):
        select_ego(one, "nobody")
    with pytest.raises(nk.NetkitError, match="say which one for drawing"):
        select_ego(coll, None, one=True, what="drawing")


# ----------------------------------------------------------------------------- declared scales, missing codes, duplicates


def _three(alters: dict, ties: dict | None = None, **options):
    return make_collection(None, pd.DataFrame(alters), pd.DataFrame(ties) if ties else None,
                           origins={"alters": Origin("alters.csv"), "ties": Origin("ties.csv")}, **options)


def test_an_undeclared_scale_names_the_whole_column_range_and_real_arguments():
    with pytest.raises(nk.NetkitError) as caught:
        _three({"ego_id": ["e"] * 3, "alter_id": ["a", "b", "c"], "closeness": ["2", "5", "8"]})
    message = str(caught.value)
    assert message.startswith("alters.csv, line 3, column 'closeness': 5 is not on the 1–4 scale")
    assert "the column runs from 2 to 8" in message and "scales={'closeness': (1, 8)}" in message
    assert "--scale closeness=1-8" in message
    coll = _three({"ego_id": ["e"] * 3, "alter_id": ["a", "b", "c"], "closeness": ["2", "5", "8"]},
                  scales={"closeness": (1, 8)})
    assert coll.alters["closeness"].tolist() == [2, 5, 8] and coll.scales["closeness"].high == 8
    # the scale the message suggests works where it says: nk.read and every measure
    from netkit.model import prepare
    wider = prepare(coll, scales={"closeness": "0-10"})
    assert wider.scales["closeness"].low == 0
    with pytest.raises(nk.NetkitError, match=r"row 3, column 'closeness': 8 is not on the 1–5 scale"):
        prepare(coll, scales={"closeness": (1, 5)})


@pytest.mark.parametrize("scale, expected", [
    ((1, 5), (1.0, 5.0, False)), ("1-5", (1.0, 5.0, False)), ("1–6 reverse", (1.0, 6.0, True)),
    ("1-6:reverse", (1.0, 6.0, True)), ({"min": 0, "max": 10, "reverse": True}, (0.0, 10.0, True)),
])
def test_scales_are_written_many_ways(scale, expected):
    from netkit.model import declared_scales

    s = declared_scales({"frequency": scale})["frequency"]
    assert (s.low, s.high, s.reverse) == expected


@pytest.mark.parametrize("scale, message", [
    ((5, 1), "the minimum must be below the maximum"), ("1 to 5", "two numbers such as 1-5"),
    ({"min": 1}, "'min' and 'max'"), ({"min": 1, "max": 5, "reverse": "yes"}, "'reverse' must be true or false"),
])
def test_bad_scales_say_what_is_wrong(scale, message):
    with pytest.raises(nk.NetkitError, match=message):
        _three({"ego_id": ["e"], "alter_id": ["a"]}, scales={"closeness": scale})


def test_na_and_declared_codes_are_missing_in_attributes_never_in_ids_or_names():
    coll = _three({"ego_id": ["e", "e", "e"], "alter_id": ["NA", "b", "c"], "name": ["NA", "Bo", "Cy"],
                   "sex": ["NA", "w", "-99"], "closeness": ["NA", "3", "-99"]}, missing=("", "NA", "-99"))
    assert coll.alters["alter_id"].tolist() == ["NA", "b", "c"] and coll.alters["name"].tolist()[0] == "NA"
    assert coll.alters["sex"].isna().tolist() == [True, False, True]
    assert coll.alters["closeness"].isna().tolist() == [True, False, True]
    # by default only the empty cell and NA: -99 is then a value, off the closeness scale
    with pytest.raises(nk.NetkitError, match="-99 is not on the 1–4 scale"):
        _three({"ego_id": ["e"], "alter_id": ["a"], "closeness": ["-99"]})


def test_blau_leaves_na_out():
    coll = _three({"ego_id": ["e"] * 4, "alter_id": list("abcd"), "sex": ["w", "m", "NA", "NA"]})
    row = nk.summarize(coll, group="sex").iloc[0]
    assert row["blau"] == pytest.approx(0.5)  # two known, one of each: 1 - (1/4 + 1/4); NA is not a group


TIES = {"ego_id": ["e"] * 4, "source": ["a", "b", "a", "b"], "target": ["b", "a", "c", "c"], "weight": [1, 3, 2, 2]}
ALTERS = {"ego_id": ["e"] * 3, "alter_id": ["a", "b", "c"]}


@pytest.mark.parametrize("rule, weights, kept_text", [
    ("max", {("b", "a"): 3.0, ("a", "c"): 2.0, ("b", "c"): 2.0}, "each keeps the row with the largest weight"),
    ("sum", {("a", "b"): 4.0, ("a", "c"): 2.0, ("b", "c"): 2.0}, "each keeps one row with the weights added up"),
    ("first", {("a", "b"): 1.0, ("a", "c"): 2.0, ("b", "c"): 2.0}, "each keeps the first row"),
])
def test_one_rule_for_duplicate_ties(rule, weights, kept_text):
    coll = _three(ALTERS, TIES, duplicates=rule)
    assert coll.ties.set_index(["source", "target"])["weight"].to_dict() == weights
    said = [w for w in coll.warnings if "listed more than once" in w]
    assert said == [f"ties.csv, line 3: 1 pair is listed more than once (A–B and B–A are one tie), 1 of them with rows "
                    f"that disagree (weight); {kept_text} (duplicates={rule!r})."]


def test_duplicate_ties_refused_or_directed():
    with pytest.raises(nk.NetkitError, match=r"ties.csv, line 3: the tie b–a of ego 'e' is listed again"):
        _three(ALTERS, TIES, duplicates="error")
    assert len(_three(ALTERS, TIES, duplicates="error", directed=True).ties) == 4  # a→b and b→a are two arcs
    with pytest.raises(nk.NetkitError, match="duplicates='most' is not a rule"):
        _three(ALTERS, TIES, duplicates="most")
    same = _three(ALTERS, {**TIES, "weight": [1, 1, 2, 2]})
    assert "all with the same values" in " ".join(same.warnings)
    typed = _three(ALTERS, {**TIES, "tie_type": ["knows", "close", "knows", "knows"]})
    assert len(typed.ties) == 4  # a–b as two types is two ties, not a repeat
    assert any("the ties are of 2 types (knows, close)" in w for w in typed.warnings)


def test_tie_type_on_ties_without_types_says_so():
    from netkit.model import prepare

    with pytest.raises(nk.NetkitError, match=r"its ties have no types \(no tie_type column\), so tie_type='Close' can "
                                             r"choose none; leave tie_type out"):
        prepare(nk.load_sample("personal"), tie_type="Close")
