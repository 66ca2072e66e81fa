"""Bundled samples and templates: they load, have the documented sizes, and their scripts remake them exactly."""
import shutil
import subprocess
import sys

import networkx as nx
import pytest

import netkit as nk
from netkit.paths import samples_dir, templates_dir

# sizes as documented in data/samples/README.md; karate and florentine as networkx builds them
EXPECTED = {"personal": (1, 40, 69), "survey": (200, 2809, 4464)}


def test_sample_names():
    assert nk.sample_names() == ["florentine", "karate", "linkedin", "personal", "survey"]
    for name in nk.sample_names():
        assert (samples_dir() / name / "README.md").exists(), f"{name} has no README"
        assert (samples_dir() / name / "make_sample.py").exists(), f"{name} has no generating script"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ego_samples(name):
    net = nk.load_sample(name)
    egos, alters, ties = EXPECTED[name]
    table = nk.summarize(net)
    assert (len(table), int(table["size"].sum()), int(table["alter_ties"].sum())) == (egos, alters, ties)
    assert net.warnings == []


def test_personal_sample_has_clusters_and_holes():
    net = nk.load_sample("personal")
    assert net.alters["context"].nunique() == 7
    G = net.graph(include_ego=False)
    # the former job and the online community reach the rest only through ego
    parts = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    assert parts == [31, 5, 3, 1]
    names = set(net.alters["name"])
    assert {"Siobhan O'Brien", 'Dani "Bear" Kowalski', "Nguyễn Thị Lan", "pixelfox 🦊"} <= names


@pytest.mark.parametrize("name, builder", [("karate", nx.karate_club_graph), ("florentine", nx.florentine_families_graph)])
def test_whole_samples_match_networkx(name, builder):
    G = nk.load_sample(name).G
    ref = nx.relabel_nodes(builder(), str)
    assert {frozenset(e) for e in G.edges()} == {frozenset(e) for e in ref.edges()}
    assert set(G) == set(ref)
    for u, v, d in ref.edges(data=True):
        assert G.edges[u, v].get("weight") == d.get("weight")


def test_unknown_sample():
    with pytest.raises(nk.NetkitError, match="there is no sample called 'personl'; samples are: florentine, karate"):
        nk.load_sample("personl")


def test_missing_samples_folder_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setenv("NETKIT_SAMPLES", str(tmp_path / "not-here"))
    with pytest.raises(nk.NetkitError, match="not-here does not exist: set NETKIT_SAMPLES to a folder that has "
                                             "them .*, or unset it"):
        nk.load_sample("personal")


def test_missing_kit_says_to_reinstall(monkeypatch, tmp_path):
    """An installed netkit whose kit folder is gone (a broken install) says how to mend it."""
    monkeypatch.delenv("NETKIT_SAMPLES", raising=False)
    monkeypatch.setattr("netkit.paths.kit_dir", lambda part: tmp_path / "kit" / part)
    with pytest.raises(nk.NetkitError, match="installed without its kit; reinstall it"):
        nk.load_sample("personal")


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["personal", "survey", "linkedin"])
def test_sample_scripts_remake_the_files_exactly(tmp_path, folder):
    src = samples_dir() / folder
    shutil.copy(src / "make_sample.py", tmp_path)
    subprocess.run([sys.executable, "make_sample.py"], cwd=tmp_path, check=True, capture_output=True)
    made = sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".json"))
    assert made, "the script wrote nothing"
    for name in made:
        assert (tmp_path / name).read_bytes() == (src / name).read_bytes(), name


@pytest.mark.slow
def test_template_script_remakes_the_templates(tmp_path):
    shutil.copy(templates_dir() / "make_templates.py", tmp_path)
    subprocess.run([sys.executable, "make_templates.py"], cwd=tmp_path, check=True, capture_output=True)
    for rel in ("csv/alters.csv", "csv/ties.csv", "network-template.xlsx"):
        assert (tmp_path / rel).read_bytes() == (templates_dir() / rel).read_bytes(), rel


def test_the_linkedin_sample_reads_as_an_export():
    contacts = nk.read(nk.sample_path("linkedin"), infer_ties="company")
    assert contacts.format == "linkedin" and contacts.size == 5
    # Northwind Traders (2 people) and Contoso (2) each give one tie; Fabrikam's one person none
    assert len(contacts.ties) == 2
