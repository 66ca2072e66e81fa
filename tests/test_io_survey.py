"""egor's three files and Network Canvas exports; counts are from tests/fixtures/README.md (hand-counted)."""
import pytest

import netkit as nk
from netkit.io import detect_format

FIX = __import__("pathlib").Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["egor", "egor_semicolon", "egor_tab", "egor_rcsv2"])
def test_egor_layouts(name):
    assert detect_format(FIX / name) == "egor"
    coll = nk.read(FIX / name)
    assert isinstance(coll, nk.EgoCollection) and coll.format == "egor"
    table = nk.summarize(coll)[["ego_id", "size", "alter_ties"]]
    assert table.to_dict("list") == {"ego_id": ["1", "2", "3"], "size": [4, 3, 2], "alter_ties": [4, 2, 0]}
    # alter ids restart per ego; "Anna" of ego 1 and "Anna" of ego 2 are different people
    assert coll["1"].alters["alter_id"].tolist() == ["1", "2", "3", "4"]
    assert coll["1"].alters["name"].tolist()[2] == "Chloé"
    weights = coll["1"].ties.set_index(["source", "target"])["weight"]
    assert weights[("2", "3")] == 1.5  # written "1,5" with a decimal comma in the csv2 variants
    said = [w for w in coll.warnings if "listed more than once" in w]  # ego 2 lists 1–2 and 2–1
    assert len(said) == 1 and "1 pair is" in said[0] and "same values" in said[0] and "duplicates='max'" in said[0]
    assert len(coll["2"].ties) == 2  # one row per pair


def test_egor_explicit_format_and_write_back(tmp_path):
    coll = nk.read(FIX / "egor", format="egor")
    out = nk.write(coll, tmp_path / "back", format="egor")
    assert sorted(p.name for p in out.iterdir()) == ["aaties.csv", "alters.csv", "egos.csv"]
    assert (out / "alters.csv").read_text().splitlines()[0].startswith("egoID,alterID")
    assert (out / "aaties.csv").read_text().splitlines()[0].startswith("egoID,Source,Target")
    again = nk.read(out)
    assert nk.summarize(again).equals(nk.summarize(coll))


def test_egor_folder_without_the_files(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    with pytest.raises(nk.NetkitError, match="needs files whose names contain 'ego', 'alter'"):
        nk.read(tmp_path, format="egor")


def test_egor_two_candidate_files(tmp_path):
    for name in ("egos.csv", "alters.csv", "alters_old.csv"):
        (tmp_path / name).write_text("egoID,alterID\n1,1\n")
    with pytest.raises(nk.NetkitError, match="several files could be egor's alters table"):
        nk.read(tmp_path, format="egor")


def test_network_canvas_export():
    assert detect_format(FIX / "networkcanvas") == "networkcanvas"
    coll = nk.read(FIX / "networkcanvas")
    assert nk.summarize(coll)[["ego_id", "size", "alter_ties"]].to_dict("list") == {"ego_id": ["P001", "P002"], "size": [6, 3], "alter_ties": [5, 2]}
    p1 = coll["P001"]
    assert sorted(p1.alters["node_type"].unique()) == ["Person", "Place"]
    assert set(p1.alters["name"]) >= {"Lee, Sam", 'Jo "JJ" Park', "Café Nord ☕"}
    assert sorted(p1.ties["tie_type"].unique()) == ["close", "knows"]
    assert p1.ego["home_city"] == "Leipzig"
    assert "sessionFinish" not in coll["P002"].ego  # an unfinished interview: the cell is empty


def test_network_canvas_empty_interviews():
    coll = nk.read(FIX / "networkcanvas_empty")
    assert nk.summarize(coll)[["ego_id", "size", "alter_ties"]].to_dict("list") == {"ego_id": ["P003", "P004"], "size": [0, 2], "alter_ties": [0, 0]}


def test_network_canvas_orphan_rows_name_the_file(tmp_path):
    import shutil

    for p in (FIX / "networkcanvas").glob("P001*"):
        if not p.name.endswith("_ego.csv"):
            shutil.copy(p, tmp_path / p.name)
    shutil.copy(next((FIX / "networkcanvas").glob("P002*_ego.csv")), tmp_path)
    with pytest.raises(nk.NetkitError, match=r"P001_.*_attributeList_Person.csv, line 2: this row belongs to interview"):
        nk.read(tmp_path)


def test_network_canvas_tie_to_unknown_node(tmp_path):
    import shutil

    for p in (FIX / "networkcanvas").glob("P002*"):
        shutil.copy(p, tmp_path / p.name)
    edges = next(tmp_path.glob("*_edgeList_knows.csv"))
    edges.write_text(edges.read_text().replace("\n2,1,3,", "\n2,1,99,", 1))
    with pytest.raises(nk.NetkitError, match=r"_edgeList_knows.csv, line 3, column 'target': '99' is not one of the people in .*_attributeList_Person.csv"):
        nk.read(tmp_path)


def test_a_ledger_file_is_not_an_egor_edge_file(tmp_path):
    # "ledger" contains "edge": a netkit folder without a manifest must still read as netkit
    (tmp_path / "egos.csv").write_text("ego_id\nE1\n")
    (tmp_path / "alters.csv").write_text("ego_id,alter_id\nE1,a\nE1,b\n")
    (tmp_path / "ties.csv").write_text("ego_id,source,target\nE1,a,b\n")
    (tmp_path / "ledger.csv").write_text("ego_id,entry_id,alter_id\nE1,f001,a\n")
    assert detect_format(tmp_path) == "netkit"
    net = nk.read(tmp_path)
    assert len(net.ties) == 1 and len(net.extra["ledger"]) == 1


def test_egoweb_column_names_are_read_as_egor_reads_them(tmp_path):
    """EgoWeb 2.0's export, as in egor's inst/extdata/egoweb: EgoID, Alter.Number, Alter.1.Number, Alter.2.Number."""
    (tmp_path / "egos_2.csv").write_text("EgoID,sex\n1,w\n2,m\n", encoding="utf-8")
    (tmp_path / "alters_2.csv").write_text("EgoID,Alter.Number,alter.sex\n1,1,w\n1,2,m\n1,3,w\n2,1,m\n", encoding="utf-8")
    (tmp_path / "edges_2.csv").write_text("EgoID,Alter.1.Number,Alter.2.Number,weight\n1,1,2,1\n1,2,3,2\n",
                                          encoding="utf-8")
    coll = nk.read(tmp_path)
    assert coll.ego_ids == ["1", "2"] and coll["1"].alters["alter_id"].tolist() == ["1", "2", "3"]
    assert coll["1"].ties[["source", "target"]].values.tolist() == [["1", "2"], ["2", "3"]]
