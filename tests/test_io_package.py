"""Data packages (datapackage.json) as codebooks: tables, roles, scales, missing codes, kept rows, support,
and a starter descriptor; a published Network Canvas export read as its tutorial reads it."""
import json
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk
from netkit.io.package import starter_package
from netkit.schema import Scale

FIX = Path(__file__).parent / "fixtures"


# ----------------------------------------------------------------------------- a published export


def test_network_canvas_tutorial_densities_on_close_ties():
    """egor's ego_density() on the tutorial's Close ties, as the tutorial prints it (fixtures README)."""
    coll = nk.read(FIX / "networkcanvas_tutorial")
    merged = [w for w in coll.warnings if "3 types" in w]
    assert len(merged) == 1 and "Close" in merged[0] and "tie_type=" in merged[0]
    published = {"case_1": 0.5, "case_10": 0.467, "case_2": 0.2, "case_3": 0.143, "case_4": 0.267,
                 "case_5": 0.222, "case_6": 0.429, "case_7": 0.4, "case_8": 0.1, "case_9": 0.524}
    table = nk.summarize(coll, tie_type="Close").set_index("ego_id")
    assert len(table) == 10 and int(table["size"].sum()) == 63
    for case, density in published.items():
        n, t = int(table.at[case, "size"]), int(table.at[case, "alter_ties"])
        assert table.at[case, "density"] == pytest.approx(float(Fraction(2 * t, n * (n - 1))), abs=1e-15)
        assert round(table.at[case, "density"], 3) == density, case
    merged_density = nk.summarize(coll).set_index("ego_id")["density"]
    assert (merged_density >= table["density"]).all() and (merged_density > table["density"]).any()


def test_tie_type_choices_and_errors():
    coll = nk.read(FIX / "networkcanvas_tutorial")
    both = nk.summarize(coll, tie_type=["Close", "DrugTie"]).set_index("ego_id")
    close = nk.summarize(coll, tie_type="Close").set_index("ego_id")
    assert (both["alter_ties"] >= close["alter_ties"]).all()
    with pytest.raises(nk.NetkitError, match=r"has no ties of type 'close'; its tie types are 'Close', 'SexTie', 'DrugTie'"):
        nk.tie_table(coll, tie_type="close")
    for measure in (nk.tie_table, nk.structural_holes, nk.clusters, nk.alter_table):
        assert len(measure(coll, tie_type="SexTie")) > 0
    holes = nk.structural_holes(coll, tie_type="Close").set_index("ego_id")["constraint"]
    merged = nk.summarize(coll).set_index("ego_id")
    differ = merged.index[merged["alter_ties"] != close["alter_ties"]]
    assert len(differ) >= 3
    assert (holes[differ] != nk.structural_holes(coll).set_index("ego_id")["constraint"][differ]).all()


# ----------------------------------------------------------------------------- a study's own package


def _study(folder: Path, descriptor: dict | None = None) -> Path:
    """egor-like files among others; one tie file holds ego–alter rows (closeness, support) and alter–alter rows."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "egos_3.csv").write_text('"egoID";"sex"\n1;"w"\n2;"NA"\n', encoding="utf-8")
    (folder / "egos_8.csv").write_text("egoID;sex\n9;m\n", encoding="utf-8")  # another set: never read
    (folder / "readme.txt").write_text("not a table\n", encoding="utf-8")
    (folder / "ties_3.csv").write_text(
        "egoID;kind;from;to;close5;often;advice;advice_gap;talk;strength\n"
        "1;EA;ego;a;5;1;yes;0;no;\n"        # close5 on 1-5; often reversed 1 (daily) - 6 (never)
        "1;EA;ego;b;1;6;no;1;-99;\n"
        "1;EA;ego;c;-99;3;yes;;yes;\n"
        "1;AA;a;b;;;;;;2\n"
        "1;AA;b;a;;;;;;3\n"                 # the same pair again, another weight
        "1;AA;a;c;;;;;;0\n"
        "2;EA;ego;x;3;2;no;0;yes;\n"
        "2;EA;ego;y;4;2;yes;0;yes;\n",
        encoding="utf-8")
    roles = lambda *pairs: [dict(name=n, **({"netkit": r} if r else {}), **extra) for n, r, extra in pairs]
    descriptor = descriptor or {
        "name": "study-3",
        "resources": [
            {"name": "egos", "path": "egos_3.csv", "netkit": {"table": "egos"},
             "schema": {"fields": roles(("egoID", {"role": "ego_id"}, {"type": "integer"}))}},
            {"name": "alters", "path": "ties_3.csv", "netkit": {"table": "alters", "keep": {"kind": ["EA"]}},
             "schema": {"missingValues": ["", "-99"], "fields": roles(
                 ("egoID", {"role": "ego_id"}, {}), ("to", {"role": "alter_id"}, {}),
                 ("close5", {"role": "closeness"}, {"type": "integer", "constraints": {"minimum": 1, "maximum": 5}}),
                 ("often", {"role": "frequency", "reverse": True}, {"type": "integer",
                                                                    "constraints": {"minimum": 1, "maximum": 6}}),
                 ("advice", {"role": "support", "kind": "instrumental"}, {"title": "Who gives you career advice?"}),
                 ("advice_gap", {"role": "gap", "item": "advice"}, {}),
                 ("talk", {"role": "support", "kind": "psychosocial"}, {}))}},
            {"name": "alter-ties", "path": "ties_3.csv", "netkit": {"table": "ties", "keep": {"kind": ["AA"]}},
             "schema": {"fields": roles(("egoID", {"role": "ego_id"}, {}), ("from", {"role": "source"}, {}),
                                        ("to", {"role": "target"}, {}),
                                        ("strength", {"role": "weight"}, {"type": "number"}))}},
            {"name": "notes", "path": "readme.txt"},
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return folder


def test_package_read_in_place(tmp_path):
    coll = nk.read(_study(tmp_path / "study"))
    assert coll.format == "datapackage" and coll.ego_ids == ["1", "2"]
    assert coll.egos["sex"].isna().tolist() == [False, True]  # R's NA is not a category
    a = coll["1"].alters.set_index("alter_id")
    assert a["closeness"].tolist()[:2] == [5, 1] and pd.isna(a.at["c", "closeness"])  # -99 declared missing
    assert coll.scales["closeness"] == Scale(1, 5) and coll.scales["frequency"] == Scale(1, 6, reverse=True)
    assert coll.scales["frequency"].reverse
    # one row per pair: a–b listed twice (a–b 2, b–a 3) keeps the larger weight; a–c of weight 0 is still a row
    ties = coll["1"].ties
    assert len(ties) == 2 and ties.set_index(["source", "target"])["weight"].to_dict() == {("b", "a"): 3.0, ("a", "c"): 0.0}
    said = [w for w in coll.warnings if "listed more than once" in w]
    assert len(said) == 1 and "1 of them with rows that disagree (weight" in said[0] and "largest weight" in said[0]
    assert "kind" in coll.alters.columns and "advice" not in coll.alters.columns  # support is kept as support


def test_package_scales_score_strength(tmp_path):
    coll = nk.read(_study(tmp_path / "study"))
    table = nk.tie_table(coll, strength={"closeness": 1, "frequency": 1})
    ea = table[table["kind"] == "ego-alter"].set_index(["ego_id", "target"])["strength"]
    # hand calculation: closeness (x-1)/4 on 1–5; frequency reversed (6-x)/5 on 1–6
    assert ea[("1", "a")] == pytest.approx(((5 - 1) / 4 + (6 - 1) / 5) / 2)   # 1.0
    assert ea[("1", "b")] == pytest.approx(((1 - 1) / 4 + (6 - 6) / 5) / 2)   # 0.0
    assert ea[("1", "c")] == pytest.approx((6 - 3) / 5)                        # closeness not known
    assert ea[("2", "x")] == pytest.approx(((3 - 1) / 4 + (6 - 2) / 5) / 2)
    summary = nk.summarize(coll, strength={"closeness": 1, "frequency": 1}).set_index("ego_id")
    assert summary.at["2", "mean_strength"] == pytest.approx((((3 - 1) / 4 + 0.8) / 2 + ((4 - 1) / 4 + 0.8) / 2) / 2)
    alters = nk.alter_table(coll, strength={"closeness": 1}, communities=False).set_index(["ego_id", "alter_id"])
    assert alters.at[("1", "a"), "strength"] == 1.0 and alters.at[("2", "y"), "strength"] == pytest.approx(0.75)
    assert nk.suggest_introductions(coll, ego="2").shape[0] == 1


def test_package_support_is_support(tmp_path):
    coll = nk.read(_study(tmp_path / "study"))
    support, instrument = coll.extra["support"], coll.extra["instrument"]
    assert instrument.to_dict("list") == {"instrument": ["study-3", "study-3"], "item": ["advice", "talk"],
                                          "question": ["Who gives you career advice?", "talk"],
                                          "kind": ["instrumental", "psychosocial"]}
    advice = support[support["item"] == "advice"].set_index(["ego_id", "alter_id"])
    assert advice["value"].tolist() == [1, 0, 1, 0, 1] and advice.at[("1", "b"), "gap"] == 1
    assert pd.isna(advice.at[("1", "c"), "gap"])  # blank: not known
    talk = support[support["item"] == "talk"].set_index(["ego_id", "alter_id"])
    assert pd.isna(talk.at[("1", "b"), "value"])  # -99: not known, never "no"
    one = coll["2"]
    assert set(one.extra["support"]["alter_id"]) == {"x", "y"} and len(one.extra["instrument"]) == 2


def test_weight_zero_is_no_tie_with_weights_in_use(tmp_path):
    coll = nk.read(_study(tmp_path / "study"))
    with_w = nk.summarize(coll, weight="weight").set_index("ego_id").loc["1"]
    without = nk.summarize(coll).set_index("ego_id").loc["1"]
    assert (without["alter_ties"], with_w["alter_ties"]) == (2, 1)
    assert with_w["density"] == pytest.approx(1 / 3) and with_w["isolates"] == 1 and with_w["components"] == 2
    holes = nk.structural_holes(coll, weight="weight").set_index("ego_id").loc["1"]
    assert holes["constraint"] == pytest.approx(with_w["constraint"])
    tie_rows = nk.tie_table(coll, weight="weight")
    assert not ((tie_rows["kind"] == "alter-alter") & (tie_rows["target"] == "c")).any()


def test_package_given_apart_from_the_data(tmp_path):
    folder = _study(tmp_path / "study")
    codebook = tmp_path / "codebook.json"
    (folder / "datapackage.json").rename(codebook)
    with pytest.raises(nk.NetkitError, match="cannot tell what this folder holds.*netkit datapackage FOLDER"):
        nk.read(folder)
    coll = nk.read(folder, datapackage=codebook)
    assert coll.ego_ids == ["1", "2"] and coll.scales["closeness"].high == 5


@pytest.mark.parametrize("change, message", [
    (lambda d: d["resources"][1]["schema"]["fields"][2].update(name="closeness"),
     r"resource 'alters', field 'closeness': the file has no column 'closeness' \(its columns are egoID, kind"),
    (lambda d: d["resources"][1]["schema"]["fields"][2]["netkit"].update(role="warmth"),
     r"resource 'alters', field 'close5': the role 'warmth' does not belong in the alters table"),
    (lambda d: d["resources"][0].update(path="https://example.org/egos.csv"),
     r"resource 'egos': the path 'https://example.org/egos.csv' is on the internet"),
    (lambda d: d["resources"][0].update(path="../egos.csv"), r"must be relative to the package's folder, without '..'"),
    (lambda d: d["resources"][1]["netkit"].update(table="people"), r"\"table\" is 'people'; use one of egos, alters, ties"),
    (lambda d: d["resources"][1]["netkit"].update(keep={"sort": ["EA"]}), r"\"keep\" names the column 'sort'"),
    (lambda d: d["resources"][1]["schema"]["fields"][3]["constraints"].pop("maximum"),
     r"field 'often': a tie-strength item's scale needs both constraints.minimum and constraints.maximum"),
    (lambda d: d["resources"][1]["schema"]["fields"][5]["netkit"].update(item="advise"),
     r"a gap flag names the item 'advise', which is not a support field"),
    (lambda d: d["resources"][1]["schema"]["fields"][4]["netkit"].update(kind="career"),
     r"a support item's \"kind\" must be one of instrumental, psychosocial, other"),
    (lambda d: d["resources"].pop(1), r"no resource is the alters table"),
    (lambda d: d["resources"][1]["schema"]["fields"][2]["constraints"].update(maximum=4),
     r"ties_3.csv, line 2, column 'close5': 5 is above the maximum of 4 that the data package declares"),
])
def test_wrong_descriptors_fail_with_one_line(tmp_path, change, message):
    folder = _study(tmp_path / "study")
    descriptor = json.loads((folder / "datapackage.json").read_text())
    change(descriptor)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(nk.NetkitError, match=message) as caught:
        nk.read(folder)
    assert "\n" not in str(caught.value)


def test_descriptor_that_is_not_json(tmp_path):
    folder = _study(tmp_path / "study")
    (folder / "datapackage.json").write_text("{resources: [", encoding="utf-8")
    with pytest.raises(nk.NetkitError, match=r"datapackage.json: is not valid JSON"):
        nk.read(folder)


def test_values_off_a_declared_type_name_the_line(tmp_path):
    folder = _study(tmp_path / "study")
    text = (folder / "ties_3.csv").read_text().replace("2;EA;ego;x;3;", "2;EA;ego;x;three;")
    (folder / "ties_3.csv").write_text(text, encoding="utf-8")
    with pytest.raises(nk.NetkitError, match=r"ties_3.csv, line 8, column 'close5': 'three' is not a whole number"):
        nk.read(folder)


# ----------------------------------------------------------------------------- several files by name


def test_files_by_name_among_others(tmp_path):
    folder = tmp_path / "egor"
    folder.mkdir()
    for name in ("egos", "alters", "aaties"):
        (folder / f"{name}.csv").write_bytes((FIX / "egor" / f"{name}.csv").read_bytes())
    (folder / "egos_old.csv").write_text("egoID\n1\n", encoding="utf-8")
    with pytest.raises(nk.NetkitError, match="several files could be egor's egos table"):
        nk.read(folder)
    coll = nk.read({"egos": folder / "egos.csv", "alters": folder / "alters.csv", "ties": folder / "aaties.csv"})
    reference = nk.read(FIX / "egor")
    assert coll.ego_ids == reference.ego_ids and coll.ties.equals(reference.ties)
    with pytest.raises(nk.NetkitError, match="has an ego id column 'egoID', so it holds the alter–alter ties of ego"):
        nk.read(folder / "aaties.csv")
    with pytest.raises(nk.NetkitError, match="takes the keys 'egos', 'alters' and 'ties'"):
        nk.read({"people": folder / "alters.csv"})


# ----------------------------------------------------------------------------- a starter descriptor


def test_starter_descriptor_reads_back(tmp_path):
    folder = _study(tmp_path / "study")
    (folder / "datapackage.json").unlink()
    (folder / "alters_3.csv").write_text("egoID;alterID;closeness;name\n1;a;4;Ana\n1;b;-99;Bo\n2;x;NA;Xi\n",
                                         encoding="utf-8")
    (folder / "edges_3.csv").write_text("egoID;Source;Target\n1;a;b\n", encoding="utf-8")
    package, notes = starter_package(folder)
    tables = {r["path"]: r.get("netkit", {}).get("table") for r in package["resources"]}
    assert tables["alters_3.csv"] == "alters" and tables["edges_3.csv"] == "ties" and tables["egos_3.csv"] == "egos"
    assert tables["egos_8.csv"] is None  # another set of files: listed, not read
    alters = next(r for r in package["resources"] if r["path"] == "alters_3.csv")
    fields = {f["name"]: f for f in alters["schema"]["fields"]}
    assert fields["egoID"]["netkit"] == {"role": "ego_id"} and fields["alterID"]["netkit"] == {"role": "alter_id"}
    assert fields["closeness"]["type"] == "integer"  # -99 and NA are codes, not answers
    assert fields["closeness"]["constraints"] == {"minimum": 1, "maximum": 4}  # netkit's 1–4 holds all seen
    assert alters["schema"]["missingValues"] == ["", "-99", "NA"]
    assert any("-99, NA read as not known" in n for n in notes) and not any("several sets" in n for n in notes)
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    coll = nk.read(folder)
    assert coll.ego_ids == ["1", "2"] and coll["1"].alters["closeness"].isna().tolist() == [False, True]
    assert len(coll["1"].ties) == 1  # edges_3.csv: the first tie file of the set
    # a second complete set: the first is chosen, and the note says so
    (folder / "datapackage.json").unlink()
    (folder / "alters_8.csv").write_text("egoID;alterID;closeness\n9;z;7\n", encoding="utf-8")
    package, notes = starter_package(folder)
    assert any("several sets of tables fit ('_3', '_8'); the descriptor uses '_3'" in n for n in notes)
    eight = next(r for r in package["resources"] if r["path"] == "alters_8.csv")
    assert "netkit" not in eight and eight["schema"]["fields"][2]["constraints"] == {"minimum": 1, "maximum": 7}


def test_starter_descriptor_is_a_valid_data_package(tmp_path):
    """Checked by the standard's own reference implementation (frictionless), data included."""
    import frictionless  # a test dependency (pyproject.toml [test])

    folder = _study(tmp_path / "study")
    (folder / "datapackage.json").unlink()
    (folder / "alters_3.csv").write_text("egoID;alterID;closeness;weight\n1;a;4;1,5\n1;b;-99;2\n2;x;NA;0,5\n",
                                         encoding="utf-8")
    package, _ = starter_package(folder)
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, errors[:5]
    assert len(report.tasks) == len(package["resources"]) >= 5


def test_declared_scales_and_support_survive_pseudonyms_and_netkit_folders(tmp_path):
    coll = nk.read(_study(tmp_path / "study"))
    shared = nk.pseudonymize(coll, key="a key of twenty characters")
    assert shared.scales == coll.scales
    assert shared.extra["instrument"].equals(coll.extra["instrument"])  # the study's questions, kept
    table = nk.support_table(shared)
    assert table["providers"].tolist() == nk.support_table(coll)["providers"].tolist()
    nk.write(shared, tmp_path / "out")
    again = nk.read(tmp_path / "out")
    assert again.scales == coll.scales and again["1"].alters["closeness"].max() == 5
    assert nk.summarize(again).equals(nk.summarize(shared))


def test_support_from_a_package_is_counted(tmp_path):
    table = nk.support_table(nk.read(_study(tmp_path / "study"))).set_index(["ego_id", "item"])
    # hand count from the file: ego 1 advice yes for a and c, talk yes for c (b: -99, not known); ego 2 …
    assert table.loc[("1", "advice"), "providers"] == 2 and table.loc[("1", "talk"), "providers"] == 1
    assert table.loc[("2", "advice"), "providers"] == 1 and table.loc[("2", "talk"), "providers"] == 2
    assert table.loc[("1", "advice"), "gap"] == 1
