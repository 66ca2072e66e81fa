"""LinkedIn's Connections.csv; expected values read off tests/fixtures/linkedin/Connections.csv by hand."""
import pytest

import netkit as nk

FIX = __import__("pathlib").Path(__file__).parent / "fixtures" / "linkedin" / "Connections.csv"


def test_connections_are_alters_of_you():
    net = nk.read(FIX)
    assert isinstance(net, nk.EgoNetwork) and net.format == "linkedin"
    assert net.ego_id == "you" and net.size == 9 and len(net.ties) == 0
    names = net.alters["name"].tolist()
    assert names.count("Alex Morgan") == 2  # two people with one name stay two people
    assert net.alters["alter_id"].is_unique
    assert "Zoë Lefèvre" in names and "Priya Natarajan 🚀" in names and 'Robert "Bobby" O\'Neil' in names
    row = net.alters.set_index("name").loc["Zoë Lefèvre"]
    assert row["company"] == "Contoso, Ltd." and row["connected_on"] == "2022-01-07"


def test_inferred_company_ties_are_marked():
    net = nk.read(FIX, infer_ties="company")
    assert len(net.ties) == 1  # only the two Northwind Analytics people; empty companies are not linked
    tie = net.ties.iloc[0]
    assert tie["inferred"] == "yes" and tie["tie_type"] == "same company"
    ids = net.alters.set_index("alter_id")["name"]
    assert {ids[tie["source"]], ids[tie["target"]]} == {"Alex Morgan", "Søren Ångström"}


def test_unknown_inference_and_wrong_format(tmp_path):
    with pytest.raises(nk.NetkitError, match="infer_ties='friends' is not known"):
        nk.read(FIX, infer_ties="friends")
    other = tmp_path / "Connections.csv"
    other.write_text("Name,Email\nAna,a@example.org\n")
    with pytest.raises(nk.NetkitError, match="LinkedIn's header"):
        nk.read(other, format="linkedin")


def test_nameless_members_and_odd_dates(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        ",,,,,,15 Mar 2021\nAna,Silva,,,,,March 2021\n", encoding="utf-8-sig",
    )
    net = nk.read(path)
    assert net.alters["name"].tolist() == ["LinkedIn member (line 2)", "Ana Silva"]
    assert net.alters["connected_on"].tolist() == ["2021-03-15", "March 2021"]
    assert any("have no name" in w for w in net.warnings) and any("kept as written" in w for w in net.warnings)
