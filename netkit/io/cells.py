"""Table cells that are safe to open in a spreadsheet, and their exact text back.

A spreadsheet (Excel, LibreOffice Calc, Google Sheets) runs a CSV cell that starts with ``=``,
``+``, ``-`` or ``@`` as a formula, and a leading tab or carriage return can hide one (OWASP's
"CSV injection"). A name typed as ``=HYPERLINK("http://…","click")`` would then become a link
or worse in the person who opens the file. netkit writes such a *text* cell with an apostrophe
before it (``'=HYPERLINK(…)``): a spreadsheet shows it as text. Numbers are never changed: a
numeric column keeps ``-0.2``, and so does a text cell that is a plain number (a spreadsheet
reads it as that number, not as a formula).

The change is undone exactly by netkit's own readers: :func:`restore_cell` removes the one
apostrophe netkit added, so a name typed as ``=SUM(A1)`` (or even as ``'=SUM(A1)``) comes back
as typed. The rule, for text ``s``:

- written: ``"'" + s`` when ``s`` starts with any number of apostrophes and then one of
  ``= + - @``, tab or carriage return (and is not a plain number); otherwise ``s`` unchanged;
- read back: one leading apostrophe is removed when the text starts with one or more
  apostrophes and then one of those characters; otherwise the text is unchanged.

Every text is written one way and read back as itself.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["FORMULA_START", "safe_cell", "safe_table", "restore_cell", "restore_table", "read_own_table"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_START = "=+-@\t\r"

_NEEDS_PREFIX = re.compile(r"'*[=+\-@\t\r]")
_ADDED_PREFIX = re.compile(r"'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """A cell as written for spreadsheets: text that would start a formula gets a leading ``'``.

    Anything that is not text (numbers, dates, missing values) is returned unchanged, and so is
    text that is a plain number such as ``-0.2`` (a spreadsheet reads it as the number).

    Examples
    --------
    >>> safe_cell("=SUM(A1:A9)"), safe_cell("@Ana"), safe_cell("Ana"), safe_cell("-0.2"), safe_cell(-0.2)
    ("'=SUM(A1:A9)", "'@Ana", 'Ana', '-0.2', -0.2)
    """
    if isinstance(value, str) and _NEEDS_PREFIX.match(value) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value):
    """A cell as typed, from what :func:`safe_cell` wrote: the one apostrophe it added is removed.

    Examples
    --------
    >>> restore_cell("'=SUM(A1:A9)"), restore_cell("''=x"), restore_cell("'Tis"), restore_cell("-0.2")
    ('=SUM(A1:A9)', "'=x", "'Tis", '-0.2')
    """
    if isinstance(value, str) and _ADDED_PREFIX.match(value):
        return value[1:]
    return value


def _text_columns(table: pd.DataFrame) -> list:
    """The columns that can hold text: object, string and categorical ones (never numbers, dates, bools)."""
    out = []
    for i, dtype in enumerate(table.dtypes):
        if (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)
                or isinstance(dtype, pd.CategoricalDtype)):
            out.append(i)
    return out


def _map_text(table: pd.DataFrame, cell, starts: re.Pattern) -> pd.DataFrame:
    """``cell`` applied to the text cells that ``starts`` matches (found column-wise, not row by row)."""
    changed = {}
    for i in _text_columns(table):
        col = table.iloc[:, i]
        values = col.astype(object)
        try:
            hit = values.str.match(starts.pattern, na=False).to_numpy(dtype=bool)
        except AttributeError:  # no text in the column at all
            continue
        if not hit.any():
            continue
        old = values[hit].tolist()
        new = [cell(v) for v in old]  # a cell left alone is the same object
        if any(a is not b for a, b in zip(old, new)):
            series = values.copy()
            series[hit] = new
            dtype = col.dtype
            keep = pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype)
            changed[i] = series if keep else series.astype(dtype)
    names = [cell(c) for c in table.columns]  # a column a participant named is text too
    renamed = any(a is not b for a, b in zip(table.columns, names))
    if not changed and not renamed:
        return table
    out = table.copy()
    for i, series in changed.items():
        out.isetitem(i, series)
    if renamed:
        out.columns = names
    return out


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table with :func:`safe_cell` applied to its text columns; numeric columns are untouched.

    Column names are text too and are treated alike. Returns the same object when nothing
    needed a change, a copy otherwise (the input is never changed).

    Examples
    --------
    >>> import pandas as pd
    >>> t = safe_table(pd.DataFrame({"name": ["=1+1", "Ana"], "score": [-0.2, 1.0]}))
    >>> t["name"].tolist(), t["score"].tolist()
    (["'=1+1", 'Ana'], [-0.2, 1.0])
    """
    return _map_text(table, safe_cell, _NEEDS_PREFIX)


def restore_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table with :func:`restore_cell` applied to its text columns: what netkit's readers use.

    Examples
    --------
    >>> import pandas as pd
    >>> restore_table(pd.DataFrame({"name": ["'=1+1", "Ana"]}))["name"].tolist()
    ['=1+1', 'Ana']
    """
    return _map_text(table, restore_cell, _ADDED_PREFIX)


def read_own_table(path, **options):
    """Read a CSV file netkit wrote (its folder, a workspace): :func:`netkit.io.text.read_table`
    with every text cell given back as typed (:func:`restore_table`). Same arguments and result.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "alters.csv"
    >>> _ = p.write_text("alter_id,name\\np001,'=SUM(A1)\\n", encoding="utf-8")
    >>> read_own_table(p)[0]["name"].tolist()
    ['=SUM(A1)']
    """
    from .text import read_table

    table, origin = read_table(path, **options)
    return restore_table(table), origin
