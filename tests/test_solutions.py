"""Every exercise solution in netkit.solutions gives the answer it should.

Expected values come from places other than the solution's own code: the sample's README
(``data/samples/personal/README.md``, written by hand next to the script that made the data),
counts taken straight from the sample's CSV files, SCIENCE.md's worked tie-strength example,
the practice answers listed in ``netkit/solutions/practice.py``, and small networks worked out
by hand in the comments beside them.
"""
from __future__ import annotations

import csv
import importlib
import inspect
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk
from netkit.errors import NetkitError
from netkit.solutions import nb01, nb02, nb03, nb04, nb05, nb06, nb07, practice, show
from netkit.viz import Drawing

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "personal"


@pytest.fixture(scope="module")
def net():
    return nk.load_sample("personal")


@pytest.fixture(scope="module")
def practice_net(tmp_path_factory):
    return practice.practice_workspace(root=tmp_path_factory.mktemp("practice")).network()


def rows(name: str) -> list[dict]:
    with open(SAMPLE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_ego(folder: Path, alters: str, ties: str = "source,target\n"):
    """A one-ego netkit folder whose names are the ids (docs/formats.md)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alters.csv").write_text(alters, encoding="utf-8")
    (folder / "ties.csv").write_text(ties, encoding="utf-8")
    return nk.read(folder)


# README of the personal sample: the only six ties that cross contexts, and the confidants
CROSS_TIES = [("a14", "a19"), ("a14", "a20"), ("a08", "a13"), ("a08", "a15"), ("a03", "a09"), ("a10", "a32")]
CONFIDANTS = {"Mariam Haddad", "Layla Haddad-Lindgren", "Priya Raman", "Siobhan O'Brien", "Kwame Mensah", "José Martínez"}


# ----------------------------------------------------------------------------- 01


def test_best_connected_matches_degrees_counted_in_ties_csv(net):
    degree = Counter()
    for r in rows("ties.csv"):
        degree[r["source"]] += 1
        degree[r["target"]] += 1
    order = [r["alter_id"] for r in rows("alters.csv")]
    expected = sorted(order, key=lambda a: -degree[a])[:4]  # sorted() is stable: ties keep the file order
    table = nb01.best_connected(net, n=4)
    assert table["alter_id"].tolist() == expected
    assert table["knows"].tolist() == [degree[a] for a in expected]
    assert list(table.columns) == ["alter_id", "name", "context", "knows"]


def test_confidants_by_context_matches_the_readme(net):
    table = nb01.confidants_by_context(net).set_index("context")
    readme_sizes = {"family": 7, "close friends": 5, "college": 6, "current job": 8, "former job": 5,
                    "neighbourhood": 5, "online community": 4}
    assert table["people"].to_dict() == readme_sizes
    by_name = {r["name"]: r["context"] for r in rows("alters.csv")}
    expected = Counter(by_name[n] for n in CONFIDANTS)
    assert {c: int(v) for c, v in table["confidants"].items() if v} == dict(expected)
    assert table["people"].is_monotonic_decreasing


def test_confidants_by_context_without_the_columns(tmp_path):
    small = write_ego(tmp_path / "n", "name,closeness\nAna,3\nBen,2\n")
    table = nb01.confidants_by_context(small)
    assert table.to_dict("records") == [{"context": "not given", "people": 2, "confidants": 0}]


# ----------------------------------------------------------------------------- 02


def test_cross_group_people_are_the_ends_of_the_readme_bridges(net):
    table = nb02.cross_group_people(net)
    ends = {a for pair in CROSS_TIES for a in pair}
    assert set(table["alter_id"]) == ends
    links = dict(zip(table["name"], table["links_to"]))
    assert links["José Martínez"] == "current job"      # tied to Sam Lindqvist and Aisha Bello
    assert links["Priya Raman"] == "college"            # tied to Nguyễn Thị Lan and Hannah Goldberg
    assert links["Kwame Mensah"] == "neighbourhood"     # football with Sam Okafor
    order = [r["alter_id"] for r in rows("alters.csv")]
    assert table["alter_id"].tolist() == [a for a in order if a in ends]


def test_cross_group_people_by_hand(tmp_path):
    # A, B at work; C in the family: A–B inside, B–C across -> B and C, each naming the other's group
    small = write_ego(tmp_path / "n", "name,context\nA,work\nB,work\nC,family\n", "source,target\nA,B\nB,C\n")
    table = nb02.cross_group_people(small)
    assert table[["alter_id", "group", "links_to"]].values.tolist() == [["B", "work", "family"], ["C", "family", "work"]]
    with pytest.raises(NetkitError, match="not a column"):
        nb02.cross_group_people(small, group="club")


def test_layer_rings_draws_everyone_on_dunbar_rings(net):
    drawing = nb02.layer_rings(net)
    assert isinstance(drawing, Drawing)
    assert drawing.layout == "rings"
    assert len(drawing.positions) == net.size + 1          # the alters and you
    text = " ".join(f"{s['title']} {s['text']}" for s in drawing.legend)
    assert "Dunbar" in text and "weak or strong" in text


# ----------------------------------------------------------------------------- 03

# SCIENCE.md: closeness 1–4, frequency 1–5, confiding 0/1, equal weights:
# (4,5,1) -> 1.000; (2,3,0) -> 0.278; (1,1,0) -> 0
SCIENCE_EXAMPLE = "name,closeness,frequency,confiding\nA,4,5,1\nB,2,3,0\nC,1,1,0\n"


def test_weak_ties_share_by_hand_and_on_the_sample(tmp_path, net):
    small = write_ego(tmp_path / "n", SCIENCE_EXAMPLE)
    assert nb03.weak_ties_share(small) == pytest.approx(2 / 3)       # B and C are below 0.5
    assert nb03.weak_ties_share(small, threshold=0.25) == pytest.approx(1 / 3)
    assert nb03.weak_ties_share(net) == 0.75                         # 30 of 40: the rings' legend counts
    assert nb03.weak_ties_share(net) == pytest.approx(float(nk.summarize(net)["weak_share"].iloc[0]))


def test_weight_changes_by_hand(tmp_path):
    # equal weights over closeness (1–4), frequency (1–5) and confiding (0/1):
    # A (4,1,0) -> (1 + 0 + 0)/3 = 0.333 weak; closeness alone -> 1.0 strong
    # B (1,5,1) -> (0 + 1 + 1)/3 = 0.667 strong; closeness alone -> 0.0 weak
    # C (4,5,1) -> 1.0 strong both ways: no change
    small = write_ego(tmp_path / "n", "name,closeness,frequency,confiding\nA,4,1,0\nB,1,5,1\nC,4,5,1\n")
    table = nb03.weight_changes(small, "equal", "closeness")
    assert table[["alter_id", "tie_before", "tie_after"]].values.tolist() == [["A", "weak", "strong"],
                                                                              ["B", "strong", "weak"]]
    assert table["strength_before"].tolist() == pytest.approx([1 / 3, 2 / 3])
    assert table["strength_after"].tolist() == pytest.approx([1.0, 0.0])
    assert nb03.weight_changes(small, "equal", "equal").empty


def test_weak_but_useful_holds_the_readme_people(net):
    table = nb03.weak_but_useful(net)
    # README: closeness 1–2 but helped you in the last year
    assert {"Dmitri Volkov", "Helga Andersen", "Mei Ling Tan", "Ravi Menon"} <= set(table["name"])
    helped = {r["alter_id"] for r in rows("alters.csv") if r["support_received"] == "1"}
    assert set(table["alter_id"]) <= helped
    assert (table["strength"] < 0.5).all() and table["strength"].is_monotonic_increasing


# ----------------------------------------------------------------------------- 04


def test_only_through_you_is_the_former_job_and_the_online_community(net):
    table = nb04.only_through_you(net)
    # README: the former job (a27–a31) and the online community (a37–a40) reach the rest only through you
    assert table["alter_id"].tolist() == [f"a{i}" for i in range(27, 32)] + [f"a{i}" for i in range(37, 41)]
    assert (table["component"] > 0).all()


def test_brokerage_as_member_by_hand(tmp_path, net):
    # A, B in group X and C in Y; no ties among them, so you broker all three pairs.
    # You in X: A–B coordinator; A–C and B–C gatekeeper/representative.
    # You on your own (netkit's default): A–B itinerant; A–C and B–C liaison.
    small = write_ego(tmp_path / "n", "name,context\nA,X\nB,X\nC,Y\n")
    row = nb04.brokerage_as_member(small, "X").iloc[0]
    assert (row["coordinator"], row["itinerant"], row["gatekeeper_representative"], row["liaison"], row["total"]) == \
        (1, 0, 2, 0, 3)
    alone = nk.brokerage(small, group="context").iloc[0]
    assert (alone["itinerant"], alone["liaison"]) == (1, 2)
    with pytest.raises(NetkitError, match="not a value"):
        nb04.brokerage_as_member(small, "Z")
    # the default group is the largest: current job, 8 people (README)
    assert nb04.brokerage_as_member(net).equals(nb04.brokerage_as_member(net, "current job"))
    assert nb04.brokerage_as_member(small).equals(nb04.brokerage_as_member(small, "X"))
    member = nb04.brokerage_as_member(net, "current job").iloc[0]
    assert member["total"] == nk.brokerage(net, group="context")["total"].iloc[0]
    assert member["coordinator"] > 0
    assert "context" not in net.ego                      # the network itself is left as it was


def test_one_per_person_by_hand_and_on_the_sample(net):
    table = pd.DataFrame({"alter_id_a": ["A", "A", "C", "B", "E"], "alter_id_b": ["B", "C", "D", "E", "F"],
                          "score": [5, 4, 3, 2, 1]})
    # keep A–B; skip A–C (A taken); keep C–D; skip B–E (B taken); keep E–F
    assert one_pairs(nb04.one_per_person(table)) == [("A", "B"), ("C", "D"), ("E", "F")]
    assert one_pairs(nb04.one_per_person(table, k=2)) == [("A", "B"), ("C", "D")]
    longer = nk.suggest_introductions(net, k=100)
    kept = nb04.one_per_person(longer, k=5)
    people = list(kept["alter_id_a"]) + list(kept["alter_id_b"])
    assert len(kept) == 5 and len(set(people)) == 10
    assert kept.iloc[0].equals(longer.iloc[0])
    # the notebook says the kit does the same with per_person=1
    assert one_pairs(kept) == one_pairs(nk.suggest_introductions(net, k=5, per_person=1))


def one_pairs(table):
    return list(zip(table["alter_id_a"], table["alter_id_b"]))


# ----------------------------------------------------------------------------- 05


def test_providers_by_tie_lists_the_practice_answers(practice_net):
    table = nb05.providers_by_tie(practice_net)
    expected = [(item, who) for item, people in practice.SUPPORT_ANSWERS.items() for who in people]
    assert list(zip(table["item"], table["alter_id"])) == expected
    # practice.py: the instrumental helpers are closeness 1–2 contacts, Priya Raman a very close friend
    assert set(table.loc[table["kind"] == "instrumental", "tie"]) == {"weak"}
    assert set(table.loc[table["kind"] == "psychosocial", "name"]) == {"Priya Raman"}
    assert set(table.loc[table["kind"] == "psychosocial", "tie"]) == {"strong"}


def test_long_known_reads_years_known_from_the_csv(net):
    expected = [r["name"] for r in sorted((r for r in rows("alters.csv")
                                           if float(r["years_known"]) >= 15 and r["context"] != "family"),
                                          key=lambda r: -float(r["years_known"]))]
    assert nb05.long_known(net)["name"].tolist() == expected
    assert expected[0] == "Kwame Mensah"                   # a friend for 20 years
    with_family = nb05.long_known(net, years=30, leave_out=())
    assert set(with_family["context"]) == {"family"}


# ----------------------------------------------------------------------------- 06


def test_open_offers_counts_the_days(practice_net):
    table = nb06.open_offers(practice_net.extra["ledger"], practice_net.alters, today=practice.TODAY)
    # practice.FAVORS: offers of 2026-10-08 (Mei Ling Tan) and 2026-11-10 (Sam Lindqvist); today 2026-11-15
    assert table[["entry_id", "name", "days_open"]].values.tolist() == [["f008", "Mei Ling Tan", 38],
                                                                        ["f010", "Sam Lindqvist", 5]]


def test_balance_by_kind_by_hand(practice_net):
    table = nb06.balance_by_kind(practice_net.extra["ledger"]).set_index("kind")
    # practice.FAVORS, done only: instrumental given 2 (f002, f005), received 3 (f001, f003, f004);
    # psychosocial given 2 (f006, f009), received 1 (f007)
    assert table.loc["instrumental", ["given", "received"]].tolist() == [2, 3]
    assert table.loc["instrumental", "balance"] == pytest.approx(-1 / 5)
    assert table.loc["psychosocial", ["given", "received"]].tolist() == [2, 1]
    assert table.loc["psychosocial", "balance"] == pytest.approx(1 / 3)


# ----------------------------------------------------------------------------- 07


def test_compare_groups_by_hand_and_on_the_survey():
    summary = pd.DataFrame({"ego_id": ["1", "2", "3", "4"], "constraint": [0.2, 0.4, 0.9, 0.5]})
    egos = pd.DataFrame({"ego_id": ["1", "2", "3", "4"], "job": ["a", "a", "b", None]})
    # a: median and mean of 0.2 and 0.4 = 0.3; b: 0.9; ego 4 has no job and is left out
    table = nb07.compare_groups(summary, egos, "job")
    assert table["job"].tolist() == ["b", "a"] and table["egos"].tolist() == [1, 2]
    assert table["median"].tolist() == pytest.approx([0.9, 0.3]) and table["mean"].tolist() == pytest.approx([0.9, 0.3])
    with pytest.raises(NetkitError, match="not an ego attribute"):
        nb07.compare_groups(summary, egos, "club")
    with pytest.raises(NetkitError, match="not a column of the summary"):
        nb07.compare_groups(summary, egos, "job", "size")
    survey = nk.load_sample("survey")
    table = nb07.compare_groups(nk.summarize(survey), survey.egos, "employment", "size")
    with open(SAMPLE.parent / "survey" / "egos.csv", encoding="utf-8", newline="") as f:
        counts = Counter(r["employment"] for r in csv.DictReader(f))
    assert dict(zip(table["employment"], table["egos"])) == dict(counts)


def test_granovetter_by_ego_matches_the_check_of_each_ego():
    survey = nk.load_sample("survey")
    table = nb07.granovetter_by_ego(nk.tie_table(survey)).set_index("ego_id")
    assert table.index.tolist() == survey.ego_ids
    for ego in survey.ego_ids[:25]:
        check = nk.granovetter_check(survey[ego])          # scipy's spearmanr, one ego at a time
        assert table.loc[ego, "n"] == check["n"]
        if check["n"] >= 5:
            assert table.loc[ego, "rho"] == pytest.approx(check["rho"], nan_ok=True)
        else:
            assert pd.isna(table.loc[ego, "rho"])


def test_granovetter_by_ego_by_hand():
    # ranks of strength 1 2 3 4, of overlap 1 3 2 4: d = 0, -1, 1, 0 -> rho = 1 - 6·2 / (4·15) = 0.8
    # ego B: overlap constant -> NaN; ego C: too few ties -> NaN
    t = pd.DataFrame({"ego_id": ["A"] * 4 + ["B"] * 3 + ["C"] * 2, "kind": ["ego-alter"] * 9,
                      "strength": [0.1, 0.4, 0.6, 0.9, 0.2, 0.5, 0.8, 0.3, 0.7],
                      "overlap": [0.0, 0.2, 0.1, 0.5, 0.3, 0.3, 0.3, 0.1, 0.2]})
    table = nb07.granovetter_by_ego(t, min_ties=3)
    assert table["n"].tolist() == [4, 3, 2]
    assert table["rho"].iloc[0] == pytest.approx(0.8)
    assert table["rho"].iloc[1:].isna().all()
    with pytest.raises(NetkitError, match="'ego_id' column"):
        nb07.granovetter_by_ego(t.drop(columns="ego_id"))


# ----------------------------------------------------------------------------- the practice workspace


def test_practice_workspace_holds_the_sample_answers_and_favors(tmp_path):
    ws = practice.practice_workspace(root=tmp_path)
    assert ws.path == tmp_path / "personal"
    sample = nk.load_sample("personal")
    net = ws.network()
    assert net.alters["alter_id"].tolist() == sample.alters["alter_id"].tolist()
    assert len(net.ties) == len(sample.ties)
    assert len(net.extra["ledger"]) == len(practice.FAVORS)
    answers = nk.assess_support(net).answers
    assert answers == practice.SUPPORT_ANSWERS
    with pytest.raises(NetkitError, match="already exists"):
        practice.practice_workspace(root=tmp_path)
    bare = practice.practice_workspace(root=tmp_path, name="bare", answers=False, favors=False)
    assert bare.support().empty and bare.ledger().empty


def test_practice_copies_live_in_the_workspace_folder_and_are_made_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path))
    a = practice.practice_workspace(name="05", favors=False)
    assert a.path == tmp_path / "practice" / "05"
    a.set_no_one("industry_peers")                       # a change made in an earlier run …
    b = practice.practice_workspace(name="05", favors=False)
    assert b.path == a.path
    assert nk.assess_support(b.network()).answers == practice.SUPPORT_ANSWERS   # … is gone
    folder = practice.practice_folder("01")
    (folder / "old.txt").write_text("from an earlier run", encoding="utf-8")
    assert practice.practice_folder("01") == tmp_path / "practice" / "01"
    assert not any((tmp_path / "practice" / "01").iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["practice"]
    with pytest.raises(NetkitError, match="folder name"):
        practice.practice_folder("../elsewhere")


def test_show_displays_the_code_and_does_not_run_it():
    solution = show(nb03.weak_ties_share, "nb03.weak_ties_share(net)")
    markdown = solution._repr_markdown_()
    assert markdown.startswith("<details>") and markdown.rstrip().endswith("</details>")
    assert "def weak_ties_share(" in markdown and "def _spokes(" in markdown    # the private helper it uses
    assert "```python" in markdown and "nb03.weak_ties_share(net)" in markdown
    assert inspect.getsource(nb03.weak_ties_share) in repr(solution)
    assert show(nb06.balance_by_kind).call is None and "To run it" not in show(nb06.balance_by_kind)._repr_markdown_()


# ----------------------------------------------------------------------------- every solution is tested


def test_every_solution_function_is_tested_here():
    source = Path(__file__).read_text(encoding="utf-8")
    untested = []
    for name in importlib.import_module("netkit.solutions").__all__:
        if name in ("show", "Solution"):
            continue
        module = importlib.import_module(f"netkit.solutions.{name}")
        for fname in module.__all__:
            if inspect.isfunction(getattr(module, fname)) and f"{name}.{fname}(" not in source:
                untested.append(f"{name}.{fname}")
    assert not untested, f"solution functions without a test in {Path(__file__).name}: {untested}"
