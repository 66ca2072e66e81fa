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


def test_distributions_of_the_group(tmp_path):
    folders, egos = exports(tmp_path, count=6)
    report = nk.class_summary(folders)
    assert report.participants == 6
    table = report.table.set_index("measure")
    assert list(table.index) == list(CLASS_MEASURES)  # one row per measure, none per person
    sizes = np.array([e.size for e in egos], dtype=float)
    assert table.at["size", "n"] == 6
    assert table.at["size", "median"] == pytest.approx(np.median(sizes))
    assert table.at["size", "mean"] == pytest.approx(sizes.mean(), abs=1e-4)
    expected = nk.summarize(nk.load_sample("survey")).set_index("ego_id").loc[[e.ego_id for e in egos]]
    assert table.at["constraint", "p25"] == pytest.approx(np.percentile(expected["constraint"], 25), abs=1e-4)
    assert table.at["weak_share", "p75"] == pytest.approx(np.percentile(expected["weak_share"], 75), abs=1e-4)
    # nobody answered the self-check: coverage is counted, not shown
    assert table.at["coverage_all", "n"] == 0 and np.isnan(table.at["coverage_all", "mean"])
    hist = report.histograms
    assert hist.groupby("measure")["count"].sum().eq(6).all()


def test_support_coverage_is_shown_only_for_enough_answers(tmp_path):
    folders, _ = exports(tmp_path, count=7, support=5)
    table = nk.class_summary(folders).table.set_index("measure")
    assert table.at["coverage_all", "n"] == 5
    # 2 of 6 items covered for three participants, 3 of 6 for two (the odd ones name a third)
    assert table.at["coverage_all", "mean"] == pytest.approx((3 * 2 / 6 + 2 * 3 / 6) / 5, abs=1e-4)
    assert table.at["coverage_instrumental", "median"] == pytest.approx(1 / 3, abs=1e-4)
    folders, _ = exports(tmp_path / "few", count=6, support=3)
    few = nk.class_summary(folders)
    assert np.isnan(few.table.set_index("measure").at["coverage_all", "mean"])
    assert "fewer than 5 answers: not shown" in few.to_html()


def test_small_groups_are_refused(tmp_path):
    folders, _ = exports(tmp_path, count=4)
    with pytest.raises(nk.NetkitError, match="needs at least 5 participants so that nobody can be recognised; got 4"):
        nk.class_summary(folders)
    with pytest.raises(nk.NetkitError, match="min_group=2 is too small"):
        nk.class_summary(folders, min_group=2)
    assert nk.class_summary(folders, min_group=3).participants == 4
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
