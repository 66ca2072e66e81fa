"""``netkit support``: the per-ego × item table, the weak/strong-tie test, and one line for bad input."""
from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd

import netkit as nk
from netkit.paths import samples_dir
from netkit.support_data import support_by_strength, support_table

SURVEY = samples_dir() / "survey"


def run(*args):
    return subprocess.run([sys.executable, "-m", "netkit", *map(str, args)], capture_output=True, text=True)


def csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype={"ego_id": str, "top_provider": str})


def test_the_table_is_the_python_one_and_the_note_says_what_is_missing(tmp_path):
    result = run("support", SURVEY)
    assert result.returncode == 0, result.stderr
    table = csv(result.stdout)
    expected = support_table(nk.load_sample("survey"))
    assert list(table.columns) == list(expected.columns) and len(table) == len(expected) == 200 * 8
    assert table["providers"].tolist() == expected["providers"].tolist()
    assert result.stderr.strip() == ("netkit: note: Support is coded for 195 of 200 egos; the other 5 count as not "
                                     "known (never as 'no support') until their answers are added to the support "
                                     "table.")
    out = tmp_path / "support.csv"
    assert run("support", SURVEY, "-o", out, "--ego", "E001").returncode == 0
    assert csv(out.read_text())["ego_id"].unique().tolist() == ["E001"]


def test_by_strength_prints_the_test():
    result = run("support", SURVEY, "--by-strength")
    assert result.returncode == 0, result.stderr
    table = csv(result.stdout).set_index("kind")
    expected = support_by_strength(nk.load_sample("survey")).set_index("kind")
    assert list(table.index) == ["instrumental", "psychosocial", "other"]
    assert table.loc["psychosocial", "odds_ratio"] == expected.loc["psychosocial", "odds_ratio"]
    assert table.loc["instrumental", "verdict"] == "weak ties give more"


def test_an_instrument_file_and_items_it_does_not_declare(tmp_path):
    items = tmp_path / "items.csv"
    items.write_text("instrument,item,question,kind\nexchange,loan,Who lends?,instrumental\n", encoding="utf-8")
    result = run("support", SURVEY, "--instrument", items, "--ego", "E001")
    assert result.returncode == 0
    assert csv(result.stdout)["item"].tolist() == ["loan"]
    warning = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and warning[0].startswith("netkit: warning: the support table has 105 rows whose items "
                                                       "are not in the instrument 'exchange': 'house_sitting'")
    assert "--instrument on the command line" in warning[0]


def test_bad_input_is_one_line():
    for args, message in (
        (("--instrument", "nothere.csv"), "nothere.csv: there is no such file or folder"),
        (("--instrument", "bogus"), "instrument='bogus' is not an instrument; use one of self-check, kram, exchange"),
        (("--threshold", "2"), "threshold"),
    ):
        result = run("support", SURVEY, *args)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert len(lines) == 1 and lines[0].startswith("netkit: error: ") and message in lines[0], result.stderr
        assert result.stdout == ""


def test_support_scores_closeness_alone_and_leaves_other_commands_alone():
    from netkit.cli import _parser

    parser = _parser()
    assert parser.parse_args(["support", "x"]).strength == "closeness"
    assert parser.parse_args(["summary", "x"]).strength == "equal"  # --strength's own default, unchanged
    assert parser.parse_args(["ties", "x"]).strength == "equal"
