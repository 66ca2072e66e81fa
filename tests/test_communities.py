"""Clusters among alters: components are exact, communities are seeded and stable."""
import networkx as nx
import pandas as pd

import netkit as nk


def test_personal_sample_components():
    table = nk.clusters(nk.load_sample("personal"))
    assert list(table.columns) == ["alter_id", "component", "community"]
    assert len(table) == 40 and "ego" not in set(table["alter_id"]) and "you" not in set(table["alter_id"])
    # data/samples/personal/README.md: 31 people in one part, former job (5), online community (3), one loner
    assert table["component"].value_counts().sort_index().tolist() == [31, 5, 3, 1]
    former = table.set_index("alter_id").loc[["a27", "a28", "a29", "a30", "a31"], "component"]
    assert former.nunique() == 1 and former.iloc[0] == 1


def test_same_seed_same_communities_and_numbering_by_size():
    net = nk.load_sample("personal")
    a, b = nk.clusters(net, seed=3), nk.clusters(net, seed=3)
    pd.testing.assert_frame_equal(a, b)
    sizes = a["community"].value_counts().sort_index()
    assert sizes.is_monotonic_decreasing


def test_two_cliques_joined_by_one_edge():
    # hand example: two triangles and one bridge -> one component, two communities
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    table = nk.clusters(G)
    assert list(table.columns) == ["node_id", "component", "community"]  # a whole network: nodes, not alters
    table = table.set_index("node_id")
    assert table["component"].nunique() == 1
    assert table.loc[["a", "b", "c"], "community"].nunique() == 1
    assert table.at["a", "community"] != table.at["f", "community"]


def test_collection_has_ego_column_and_isolates_alone():
    coll = nk.load_sample("survey")
    table = nk.clusters(coll)
    assert list(table.columns) == ["ego_id", "alter_id", "component", "community"]
    assert len(table) == len(coll.alters)
    assert len(table.merge(coll.alters, on=["ego_id", "alter_id"])) == len(coll.alters)  # no renames needed
    lonely = table[table["ego_id"] == "E013"]  # an ego with no ties among alters (survey README)
    assert lonely["component"].is_unique and lonely["community"].is_unique


def test_the_function_stays_callable_after_its_module_is_imported():
    import netkit.communities  # noqa: F401  (a submodule import must not shadow nk.clusters)

    assert callable(nk.clusters)
