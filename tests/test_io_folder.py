"""netkit's own folder and the fill-in templates, read through nk.read."""
import json

import pytest

import netkit as nk
from netkit.paths import templates_dir


def folder(tmp_path, **files):
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_collection_counts_and_types(tmp_path):
    path = folder(
        tmp_path,
        egos="ego_id,age\nE1,34\nE2,51\nE3,28\n",
        alters="ego_id,alter_id,name,closeness,confiding\n"
        "E1,1,Ana,4,yes\nE1,2,Ben,2,no\nE1,3,Chloé,3,Y\nE2,1,Dara,1,0\nE2,2,Eve,,\n",
        ties="ego_id,source,target,weight\nE1,1,2,1.5\nE1,2,3,2\nE2,1,2,1\n",
    )
    net = nk.read(path)
    assert isinstance(net, nk.EgoCollection)
    assert len(net) == 3 and len(net.alters) == 5 and len(net.ties) == 3
    assert [e.size for e in net] == [3, 2, 0]  # E3 is an ego with no alters
    assert net["E1"].alters["confiding"].tolist() == [1.0, 0.0, 1.0]
    assert net["E1"].ties["weight"].tolist() == [1.5, 2.0]
    assert net["E1"].ego["age"] == "34"  # other attributes are kept as text, unchanged
    G = net["E1"].graph()
    assert G.number_of_nodes() == 4 and G.number_of_edges() == 2 + 3
    assert G.nodes["ego"]["is_ego"] is True
    assert G.edges["ego", "1"]["closeness"] == 4.0


def test_single_ego_without_ids_uses_names(tmp_path):
    path = folder(tmp_path, alters="name,context\nJosé,family\nSiobhan O'Brien,work\n", ties="source,target\nJosé,Siobhan O'Brien\n")
    net = nk.read(path)
    assert isinstance(net, nk.EgoNetwork)
    assert net.ego_id == "ego" and list(net.alters["alter_id"]) == ["José", "Siobhan O'Brien"]
    assert net.graph(include_ego=False).has_edge("José", "Siobhan O'Brien")


def test_ego_node_never_collides_with_an_alter(tmp_path):
    net = nk.read(folder(tmp_path, alters="alter_id,name\nego,Someone called ego\n"))
    assert net.ego_node == "ego_"
    assert net.graph().number_of_nodes() == 2


def test_manifest_kind_collection_keeps_a_one_ego_collection(tmp_path):
    path = folder(tmp_path, alters="ego_id,alter_id\nE1,1\n")
    (path / "manifest.json").write_text(json.dumps({"format": "netkit", "schema_version": 1, "kind": "collection"}))
    assert isinstance(nk.read(path), nk.EgoCollection)


def test_newer_schema_is_refused(tmp_path):
    path = folder(tmp_path, alters="alter_id\n1\n")
    (path / "manifest.json").write_text('{"schema_version": 99}')
    with pytest.raises(nk.NetkitError, match="schema_version 99 is newer"):
        nk.read(path)


@pytest.mark.parametrize(
    "files, message",
    [
        ({"alters": "ego_id,alter_id\nE1,1\nE1,1\n"}, r"alters.csv, line 3, column 'alter_id': alter id '1' appears twice for ego 'E1'"),
        ({"alters": "ego_id,alter_id\nE1,1\n", "ties": "ego_id,source,target\nE1,1,9\n"},
         r"ties.csv, line 2, column 'target': '9' is not one of the people .*alters.csv"),
        ({"alters": "ego_id,alter_id\nE1,1\nE1,2\n", "ties": "ego_id,source,target,weight\nE1,1,2,strong\n"},
         r"ties.csv, line 2, column 'weight': 'strong' is not a number"),
        ({"alters": "ego_id,alter_id\nE1,1\nE1,2\n", "ties": "ego_id,source,target,weight\nE1,1,2,-1\n"},
         r"ties.csv, line 2, column 'weight': -1 is below 0; use a number, 0 or more"),
        ({"alters": "ego_id,alter_id,closeness\nE1,1,very\n"}, r"line 2, column 'closeness': 'very' is not a number; use a whole number from 1"),
        ({"alters": "ego_id,alter_id,closeness\nE1,1,2.5\n"}, r"column 'closeness': 2.5 is not on the 1–4 scale"),
        ({"alters": "ego_id,alter_id,confiding\nE1,1,maybe\n"}, r"column 'confiding': 'maybe' is not yes or no"),
        ({"alters": "ego_id,alter_id,last_contact\nE1,1,yesterday\n"}, r"column 'last_contact': 'yesterday' is not a date; write a date as YYYY-MM-DD"),
        ({"alters": "ego_id,alter_id\nE1,\n"}, r"line 2, column 'alter_id': the id is empty"),
        ({"alters": "ego_id,person\nE1,1\n"}, r"alters.csv: needs a 'name' column \(or an 'alter_id' column\)"),
        ({"alters": "name\nSam\nAna\nSam\n"}, r"alters.csv, lines 2 and 4: two people are both called 'Sam'"),
        ({"egos": "ego_id\nE1\n", "alters": "ego_id,alter_id\nE2,1\n"}, r"alters.csv, line 2, column 'ego_id': ego id 'E2' is not in .*egos.csv"),
        ({"egos": "ego_id\nE1\nE1\n", "alters": "ego_id,alter_id\nE1,1\n"}, r"egos.csv, line 3, column 'ego_id': ego id 'E1' appears twice"),
        ({"alters": "ego_id,alter_id\nE1,1\n", "ties": "ego_id,from_person,target\nE1,1,1\n"}, r"ties.csv: required column 'source' is missing"),
    ],
)
def test_bad_tables_name_file_line_and_fix(tmp_path, files, message):
    path = folder(tmp_path, **files)
    with pytest.raises(nk.NetkitError, match=message):
        nk.read(path)


def test_column_mapping(tmp_path):
    path = folder(tmp_path, alters="Person,How close (1-4)\nAna,3\n")
    net = nk.read(path, columns={"Person": "name", "How close (1-4)": "closeness"})
    assert net.alters["closeness"].tolist() == [3.0]


def test_missing_alters_file(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    with pytest.raises(nk.NetkitError, match="has no alters.csv"):
        nk.read(tmp_path)


def test_folder_round_trip_is_byte_identical(tmp_path):
    src = folder(
        tmp_path / "src",
        egos="ego_id,name\nE1,Kim\n",
        alters="ego_id,alter_id,name,closeness,confiding,notes\nE1,1,\"Ana \"\"the boss\"\"\",4,1,<b>hi</b>\nE1,2,Ben 🎸,1,0,\n",
        ties="ego_id,source,target\nE1,1,2\n",
    )
    net = nk.read(src, format="netkit")
    out = nk.write(net, tmp_path / "out")
    for name in ("egos", "alters", "ties"):
        assert (out / f"{name}.csv").read_bytes() == (src / f"{name}.csv").read_bytes(), name
    again = nk.read(out)
    assert again.alters.equals(net.alters) and again.ties.equals(net.ties)


def test_write_replaces_a_folder_atomically(tmp_path):
    net = nk.read(folder(tmp_path / "src", alters="name\nAna\n"))
    out = tmp_path / "out"
    nk.write(net, out)
    (out / "stale.csv").write_text("old")

    class Boom(Exception):
        pass

    import netkit.io as nio

    original = nio._csv
    nio._csv = lambda df: (_ for _ in ()).throw(Boom())
    try:
        with pytest.raises(Boom):
            nk.write(net, out)
    finally:
        nio._csv = original
    assert (out / "stale.csv").exists(), "a failed write must leave the old folder in place"
    nk.write(net, out)
    assert not (out / "stale.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]  # no temporary folders left


def test_blank_templates_read_as_empty_networks():
    for path in (templates_dir() / "network-template.xlsx", templates_dir() / "csv"):
        net = nk.read(path)
        assert isinstance(net, nk.EgoNetwork), path
        assert net.size == 0 and len(net.ties) == 0


def filled_template(tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(templates_dir() / "network-template.xlsx")
    people = wb["people"]
    header = [c.value for c in people[1]]
    rows = [
        {"name": "José", "context": "family", "closeness": 4, "frequency": 5, "confiding": "yes"},
        {"name": "<img src=x onerror=alert(1)>", "context": "work", "closeness": 1, "confiding": "no"},
        {"name": "Zoë 🌸", "context": "work", "closeness": 2.0, "years_known": 3.5},
    ]
    for i, row in enumerate(rows):
        for j, col in enumerate(header):
            people.cell(row=3 + i * 2, column=j + 1, value=row.get(col))  # blank rows in between
    wb["ties"].append(["José", "Zoë 🌸"])
    wb["me"].cell(row=2, column=1, value="Kim")
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    return path


def test_filled_xlsx_template(tmp_path):
    net = nk.read(filled_template(tmp_path))
    assert net.name == "Kim"
    assert list(net.alters["name"]) == ["José", "<img src=x onerror=alert(1)>", "Zoë 🌸"]
    assert net.alters["closeness"].tolist() == [4.0, 1.0, 2.0]
    assert net.alters["confiding"].tolist()[:2] == [1.0, 0.0]
    assert len(net.ties) == 1


def test_xlsx_errors_name_the_sheet_row(tmp_path):
    from openpyxl import load_workbook

    path = filled_template(tmp_path)
    wb = load_workbook(path)
    wb["people"].cell(row=5, column=3, value="close")  # closeness of the second person, row 5
    wb["ties"].append(["José", "Nobody"])
    wb.save(path)
    with pytest.raises(nk.NetkitError, match=r"sheet 'people', row 5, column 'closeness': 'close' is not a number"):
        nk.read(path)


@pytest.mark.parametrize("content, message", [(b"", "the file is empty"), (b"not a zip at all", "not a readable .xlsx")])
def test_broken_xlsx(tmp_path, content, message):
    path = tmp_path / "network.xlsx"
    path.write_bytes(content)
    with pytest.raises(nk.NetkitError, match=message):
        nk.read(path)


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    import struct
    import zipfile

    import openpyxl

    good = filled_template(tmp_path)
    # a real small bomb: 3 MB of zeros packed into a few kilobytes, read with a 1 MB cap
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 * 2**20))
    assert bomb.stat().st_size < 20_000
    monkeypatch.setenv("NETKIT_MAX_INPUT_MB", "1")
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the workbook was opened"))
    with pytest.raises(nk.NetkitError, match=r"bomb.xlsx: unpacks to 3 MB, more than netkit reads \(1 MB\); is this "
                                             r"the right workbook\? To read it anyway, set NETKIT_MAX_INPUT_MB"):
        nk.read(bomb)
    # a directory that claims ~4 GB for one part (under the default cap of 512 MB): refused on the claim alone
    monkeypatch.delenv("NETKIT_MAX_INPUT_MB")
    liar = tmp_path / "liar.xlsx"
    data = bytearray(good.read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory entry; its uncompressed size is at offset 24
    data[at + 24:at + 28] = struct.pack("<I", 0xFFFF0000)
    liar.write_bytes(bytes(data))
    with pytest.raises(nk.NetkitError, match="liar.xlsx: unpacks to 4,096 MB, more than netkit reads"):
        nk.read(liar)


def test_a_workbook_under_the_cap_reads_as_before(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_MAX_INPUT_MB", "1")
    assert len(nk.read(filled_template(tmp_path)).alters) == 3
