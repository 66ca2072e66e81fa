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
