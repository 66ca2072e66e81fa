"""netkit's folder format and its one validator: the readers and the workspace accept the same answers."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import netkit as nk
from netkit.errors import Origin
from netkit.model import typed_column
from netkit.schema import ALTER_ATTRIBUTES, TABLE_COLUMNS, BadValue, manifest, parse_value
from netkit.store import Workspace

# (attribute, typed answer, expected value or BadValue); written by hand from the documented scales
CASES = [
    ("closeness", "4", 4), ("closeness", " 2 ", 2), ("closeness", "3,0", 3), ("closeness", 1.0, 1),
    ("closeness", "5", BadValue), ("closeness", "2.5", BadValue), ("closeness", "close", BadValue),
    ("closeness", True, BadValue), ("closeness", "", None), ("closeness", "   ", None),
    ("frequency", "5", 5), ("frequency", "0", BadValue),
    ("years_known", "2,5", 2.5), ("years_known", "-1", BadValue), ("years_known", "inf", BadValue),
    ("confiding", "Yes", 1), ("confiding", " n ", 0), ("confiding", "TRUE", 1), ("confiding", "t", 1),
    ("confiding", "1.0", 1), ("confiding", 1, 1), ("confiding", False, 0), ("confiding", 2, BadValue),
    ("confiding", "maybe", BadValue),
    ("last_contact", "2026-03-15", "2026-03-15"), ("last_contact", dt.date(2026, 3, 15), "2026-03-15"),
    ("last_contact", dt.datetime(2026, 3, 15), "2026-03-15"), ("last_contact", "15/03/2026", BadValue),
    ("last_contact", "20260315", BadValue), ("last_contact", "2026-02-30", BadValue),
]


@pytest.mark.parametrize("column, value, expected", CASES)
def test_parse_value(column, value, expected):
    attr = ALTER_ATTRIBUTES[column]
    if expected is BadValue:
        with pytest.raises(BadValue):
            parse_value(value, attr)
    else:
        assert parse_value(value, attr) == expected


@pytest.mark.parametrize("column, value, expected", CASES)
def test_reader_and_workspace_agree(column, value, expected, tmp_path):
    """The same answer is accepted (with the same value) or refused by both nk.read's typing and the forms."""
    attr = ALTER_ATTRIBUTES[column]
    cells = pd.Series([value], dtype=object)
    ws = Workspace("agree", root=tmp_path)
    who = ws.add_person("Ana")
    if expected is BadValue:
        with pytest.raises(nk.NetkitError):
            typed_column(cells, column, attr, Origin("alters.csv"))
        with pytest.raises(nk.NetkitError):
            ws.update_person(who, **{column: value})
        return
    read = typed_column(cells, column, attr, Origin("alters.csv")).iloc[0]
    ws.update_person(who, **{column: value})
    saved = ws.network().alters.set_index("alter_id").loc[who, column]
    if expected is None:
        assert pd.isna(read) and pd.isna(saved)
    else:
        assert read == expected and saved == expected


def test_a_bad_cell_is_named_with_its_line():
    cells = pd.Series(["4", "", "3", "9", "x"], dtype=object)
    with pytest.raises(nk.NetkitError, match=r"alters.csv, line 5, column 'closeness': 9 is not on the 1–4 scale"):
        typed_column(cells, "closeness", ALTER_ATTRIBUTES["closeness"], Origin("alters.csv"))


def test_the_folder_format_is_owned_once():
    """The workspace writes, and the readers expect, the tables and manifest the schema declares."""
    import netkit.io.folder as folder
    import netkit.store as store

    assert store.TABLE_COLUMNS is TABLE_COLUMNS and folder.SCHEMA_VERSION == manifest("ego")["schema_version"]
    assert {"egos", "alters", "ties", "support", "ledger", "plan"} == set(TABLE_COLUMNS)
