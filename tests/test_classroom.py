"""The class summary: distributions only, refused for small groups, nothing that names anyone."""
import re

import numpy as np
import pandas as pd
import pytest

import netkit as nk
from netkit.classroom import CLASS_MEASURES
from netkit.pseudonym import write_pseudonymized

KEY = "the facilitator's long key"


def exports(tmp_path, count=6, support=0):
    """``count`` participants: survey egos, each written and pseudonymised as its own folder.

    The first ``support`` of them answered the self-check (support.csv).
    """
    survey = nk.load_sample("survey")
    folders = []
    for k, ego in enumerate(list(survey)[:count]):
        raw = tmp_path / "raw" / f"participant-{k}"
        nk.write(ego, raw)
        if k < support:
            first, second = ego.alters["alter_id"].iloc[:2]
            (raw / "support.csv").write_text(
                "ego_id,instrument,item,alter_id,value\n"
                f"{ego.ego_id},self-check,career_sounding_board,{first},1\n"
                f"{ego.ego_id},self-check,outside_confidant,{second},1\n"
                f"{ego.ego_id},self-check,industry_peers,,0\n" + (
                    f"{ego.ego_id},self-check,known_through_phases,{first},1\n" if k % 2 else ""))
        out, _ = write_pseudonymized(raw, tmp_path / "shared" / f"export-{k}", key=f"{KEY} {k}")
        folders.append(out)
    return folders, [ego for ego in list(survey)[:count]]


def test_distributions_of_a_large_group():
    egos = list(nk.load_sample("survey"))[:25]
    report = nk.class_summary(egos)
    assert report.participants == 25
    table = report.table.set_index("measure")
    assert list(table.index) == list(CLASS_MEASURES)  # one row per measure, none per person
    sizes = np.array([e.size for e in egos], dtype=float)
    assert table.at["size", "n"] == 25
    assert table.at["size", "median"] == pytest.approx(np.median(sizes), abs=0.25)  # rounded to half a person
    assert table.at["size", "mean"] == pytest.approx(sizes.mean(), abs=0.25)
    expected = nk.summarize(nk.load_sample("survey")).set_index("ego_id").loc[[e.ego_id for e in egos]]
    assert table.at["constraint", "p25"] == pytest.approx(np.percentile(expected["constraint"], 25), abs=0.005)
    assert table.at["weak_share", "p75"] == pytest.approx(np.percentile(expected["weak_share"], 75), abs=0.005)
    # nobody answered the self-check: coverage is counted, not shown
    assert table.at["coverage_all", "n"] == 0 and np.isnan(table.at["coverage_all", "median"])
    counted = report.histograms.groupby("measure")["count"].sum()
    assert counted.eq(table.loc[counted.index, "n"]).all() and counted["size"] == 25  # density: 24 (one network has a single alter: no pairs)


def test_a_small_group_gets_coarse_figures_only(tmp_path):
    folders, egos = exports(tmp_path, count=6)
    report = nk.class_summary(folders)
    assert report.participants == 6
    table = report.table.set_index("measure")
    measured = table.loc[table["n"] > 0]
    assert measured[["mean", "sd", "p25", "p75"]].isna().all().all()  # never mean+sd+quartiles together
    sizes = np.array([e.size for e in egos], dtype=float)
    assert table.at["size", "median"] == 5 * round(np.median(sizes) / 5)
    assert table.at["density", "median"] * 10 == pytest.approx(round(table.at["density", "median"] * 10))
    assert report.histograms.groupby("measure")["count"].sum().eq(6).all()
    assert any("fewer than 20 answers: only a rounded median" in note for note in report.notes)
    page = report.to_html()
    assert "fewer than 20 answers: median only" in page and "about " in page and "What this page can and cannot tell" in page


def reconstruct(row) -> list[float] | None:
    """Five people's values from n=5, mean, sd and the quartiles, as anyone with the table could."""
    figures = [row["mean"], row["sd"], row["p25"], row["median"], row["p75"]]
    if any(np.isnan(v) for v in figures):
        return None
    mean, sd, x2, x3, x4 = figures
    total = 5 * mean - (x2 + x3 + x4)                               # x1 + x5
    squares = 4 * sd ** 2 + 5 * mean ** 2 - (x2 ** 2 + x3 ** 2 + x4 ** 2)  # x1² + x5²
    spread = np.sqrt(max(2 * squares - total ** 2, 0))              # x5 - x1
    return [(total - spread) / 2, x2, x3, x4, (total + spread) / 2]


def test_the_five_values_cannot_be_worked_out_any_more(tmp_path):
    from netkit.classroom import group_figures

    folders, egos = exports(tmp_path, count=5)
    sizes = sorted(float(e.size) for e in egos)
    # what the first class summary published for these five: the sizes come back exactly
    old = {"mean": round(np.mean(sizes), 4), "sd": round(np.std(sizes, ddof=1), 4),
           **dict(zip(["p25", "median", "p75"], np.round(np.percentile(sizes, [25, 50, 75]), 4)))}
    assert [round(v) for v in reconstruct(old)] == sizes
    # what it publishes now: not enough to solve for anyone
    new = nk.class_summary(folders).table.set_index("measure").loc["size"]
    assert reconstruct(new) is None
    # and other groups of five, the smallest and largest network changed, get the very same figures
    def published(values):
        row, bars = group_figures(values, "size")
        return {k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in row.items()}, bars

    same = [others for low in (-1, 1) for high in (-1, 1)
            if published(others := sorted([sizes[0] + low, *sizes[1:4], sizes[4] + high])) == published(sizes)]
    assert same and all(others != sizes for others in same)


def test_support_coverage_is_shown_only_for_enough_answers(tmp_path):
    folders, _ = exports(tmp_path, count=7, support=5)
    table = nk.class_summary(folders).table.set_index("measure")
    assert table.at["coverage_all", "n"] == 5
    # 2 of 6 items covered for three participants, 3 of 6 for two: median 1/3, said as 0.3
    assert table.at["coverage_all", "median"] == pytest.approx(0.3)
    assert np.isnan(table.at["coverage_all", "mean"])
    folders, _ = exports(tmp_path / "few", count=6, support=3)
    few = nk.class_summary(folders)
    assert np.isnan(few.table.set_index("measure").at["coverage_all", "median"])
    assert "fewer than 5 answers: not shown" in few.to_html()


def test_small_groups_are_refused(tmp_path):
    folders, _ = exports(tmp_path, count=4)
    with pytest.raises(nk.NetkitError, match="needs at least 5 participants so that nobody can be recognised; got 4"):
        nk.class_summary(folders)
    with pytest.raises(nk.NetkitError, match="min_group=2 is too small"):
        nk.class_summary(folders, min_group=2, reason="we all agreed")
    with pytest.raises(nk.NetkitError, match=r"min_group=3 is below the default 5.*reason="):
        nk.class_summary(folders, min_group=3)
    with pytest.raises(nk.NetkitError, match="reason= says in words why"):
        nk.class_summary(folders, min_group=3, reason="  ")
    report = nk.class_summary(folders, min_group=3, reason="pilot with four volunteers who agreed to share")
    assert report.participants == 4 and report.reason == "pilot with four volunteers who agreed to share"
    assert "lowered to 3 participants (default 5): pilot with four volunteers" in report.to_html()
    with pytest.raises(nk.NetkitError, match="needs at least 10 participants"):
        nk.class_summary(folders, min_group=10)
    with pytest.raises(nk.NetkitError, match="export-0: was given twice"):
        nk.class_summary(folders + folders[:1])


def test_the_same_network_twice_does_not_count_twice(tmp_path):
    folders, egos = exports(tmp_path, count=5)
    # the first participant exported again under another key: other pseudonyms, same network
    again, _ = write_pseudonymized(tmp_path / "raw" / "participant-0", tmp_path / "again", key=KEY + " again")
    with pytest.raises(nk.NetkitError, match="hold the same network; give each participant's export once"):
        nk.class_summary([*folders[1:], folders[0], again])


def tiny(folder, rows: str):
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text('{"format": "netkit", "schema_version": 1, "kind": "ego"}\n')
    (folder / "egos.csv").write_text("ego_id,name\nyou,Me Myself\n", encoding="utf-8")
    (folder / "alters.csv").write_text("ego_id,alter_id,name,context,closeness\n" + rows, encoding="utf-8")
    (folder / "ties.csv").write_text("ego_id,source,target\nyou,p1,p2\n", encoding="utf-8")
    return folder


def test_a_tiny_network_given_five_times_is_one_participant(tmp_path):
    raw = tiny(tmp_path / "raw", "you,p1,Ana Silva,work,3\nyou,p2,Jo Wu,family,4\n")
    swapped = tiny(tmp_path / "swapped", "you,p2,Jo Wu,family,4\nyou,p1,Ana Silva,work,3\n")  # rows reordered
    copies = [write_pseudonymized(raw, tmp_path / f"copy-{k}", key=f"{KEY} {k}")[0] for k in range(4)]
    copies.append(write_pseudonymized(swapped, tmp_path / "copy-4", key=KEY)[0])
    with pytest.raises(nk.NetkitError, match="hold the same network"):
        nk.class_summary(copies)
    with pytest.raises(nk.NetkitError, match="hold the same network"):
        nk.class_summary([copies[0], copies[4]], min_group=3, reason="test")
    # five different tiny networks are five participants
    different = [tiny(tmp_path / f"other-{k}", f"you,p1,A B,work,{k % 4 + 1}\nyou,p2,C D,family,{k // 4 + 1}\n")
                 for k in range(5)]
    assert nk.class_summary(different).participants == 5


def test_the_page_is_offline_and_names_nobody(tmp_path):
    folders, egos = exports(tmp_path, count=5)
    report = nk.class_summary(folders)
    page = report.save(tmp_path / "class.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page.replace(
        "http-equiv", "")
    assert "5 participants" in page
    for ego in egos:
        for name in ego.alters["name"]:
            assert str(name) not in page
        assert ego.ego_id not in page
    assert "participant-" not in page and "export-" not in page and str(tmp_path) not in page
    csv = pd.read_csv(report.save(tmp_path / "class.csv"))
    assert list(csv.columns) == ["measure", "label", "n", "mean", "sd", "p25", "median", "p75"]
    assert len(csv) == len(CLASS_MEASURES)
    with pytest.raises(nk.NetkitError, match="saved as .html"):
        report.save(tmp_path / "class.pdf")
    assert re.search(r"<table>", report._repr_html_())


def test_bad_inputs(tmp_path):
    with pytest.raises(nk.NetkitError, match="is a whole network"):
        nk.class_summary([nk.load_sample("karate")])
    with pytest.raises(nk.NetkitError, match="there is no such file or folder"):
        nk.class_summary([tmp_path / "missing"])
    with pytest.raises(nk.NetkitError, match="expected a folder or a network"):
        nk.class_summary([42])
