"""Reading one delimited text table the way people's files really are.

Handles Excel's byte-order mark and Windows-1252 encoding, commas, semicolons or tabs, a
leading ``sep=;`` line, and turns every problem into one sentence naming the file and line.
Only an empty cell is missing: ``NA`` and ``None`` are kept as text (they may be names).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import NetkitError, Origin

__all__ = ["read_text", "read_table", "rename_columns", "find_column"]

_SEPARATORS = [",", ";", "\t", "|"]


def read_text(path: Path, warnings: list[str] | None = None) -> str:
    """The text of a file, with a clear message for missing, empty, binary or mis-encoded files."""
    if not path.exists():
        raise NetkitError(f"{path}: there is no such file or folder; check the path and the spelling.")
    if path.is_dir():
        raise NetkitError(f"{path}: is a folder, not a file; pass the file inside it or read the folder itself.")
    data = path.read_bytes()
    if not data.strip():
        raise NetkitError(f"{path}: the file is empty; export it again or choose the file with your data.")
    if data[:4] == b"PK\x03\x04":
        raise NetkitError(
            f"{path}: is a spreadsheet (xlsx/zip), not a text table; read it with a .xlsx name or save it as CSV."
        )
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100:
        raise NetkitError(
            f"{path}: does not look like a text table (it contains binary data); "
            "export it as CSV (UTF-8) and read that file."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise NetkitError(
            f"{path}: is neither UTF-8 nor Windows-1252 text; save it again as 'CSV UTF-8'."
        ) from None
    if warnings is not None:
        warnings.append(f"{path}: is not UTF-8; it was read as Windows-1252 (Excel's CSV on Windows).")
    return text


def _separator(header: str) -> str:
    counts = {s: sum(1 for f in csv.reader([header], delimiter=s) for _ in f) for s in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] > 1 else ","


def read_table(
    path: Path,
    *,
    label: str | None = None,
    skip_lines: int = 0,
    warnings: list[str] | None = None,
    text: str | None = None,
) -> tuple[pd.DataFrame, Origin]:
    """Read a delimited file as text columns; returns the table and where it came from."""
    text = read_text(path, warnings) if text is None else text
    lines = text.splitlines()
    if skip_lines:
        text = "\n".join(lines[skip_lines:])
        lines = lines[skip_lines:]
    sep = None
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) >= 5:
        sep, text, lines, skip_lines = lines[0][4], "\n".join(lines[1:]), lines[1:], skip_lines + 1
    if not any(line.strip() for line in lines):
        raise NetkitError(f"{label or path}: the file has no header line; it needs a first line naming the columns.")
    sep = sep or _separator(lines[0])
    origin = Origin(str(label or path), first_line=skip_lines + 2)
    try:
        df = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""],
            skip_blank_lines=True, engine="python" if sep == "|" else "c",
        )
    except pd.errors.ParserError as exc:
        raise NetkitError(
            f"{origin.label}: the rows do not line up with the header ({_parser_detail(exc, skip_lines)}); "
            "a value with the separator in it must be in double quotes."
        ) from None
    except pd.errors.EmptyDataError:
        raise NetkitError(f"{origin.label}: the file has no header line; it needs a first line naming the columns.") from None
    df.columns = [str(c).strip().lstrip("\ufeff") for c in df.columns]
    if len(df.columns) and df.columns[0] in ("", "Unnamed: 0") and list(df.iloc[:, 0]) == [str(i) for i in range(1, len(df) + 1)]:
        df = df.iloc[:, 1:]  # R's write.csv row names 1..n: numbering, not data
    unnamed = [c for c in df.columns if c.startswith("Unnamed: ")]
    for c in unnamed:  # trailing separators Excel leaves behind
        if df[c].isna().all():
            df = df.drop(columns=c)
        else:
            raise origin.error(
                "a column has values but no name in the header; add a name for it.", column=f"#{list(df.columns).index(c) + 1}"
            )
    dup = [c for c in df.columns if "." in c and c.rsplit(".", 1)[0] in df.columns and c.rsplit(".", 1)[1].isdigit()]
    if dup:
        raise NetkitError(f"{origin.label}: the column '{dup[0].rsplit('.', 1)[0]}' appears twice in the header; rename one.")
    return df, origin


def _parser_detail(exc: Exception, skip_lines: int) -> str:
    import re

    msg = str(exc)
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", msg)
    if m:
        return f"line {int(m.group(2)) + skip_lines} has {m.group(3)} values, the header {m.group(1)}"
    return msg.strip().splitlines()[-1]


def _norm(name: str) -> str:
    return "".join(ch for ch in str(name).lower() if ch.isalnum())


def find_column(df: pd.DataFrame, *candidates: str) -> str | None:
    """The first column matching a candidate name, ignoring case, spaces and underscores."""
    by_norm = {_norm(c): c for c in df.columns}
    for cand in candidates:
        if _norm(cand) in by_norm:
            return by_norm[_norm(cand)]
    return None


def rename_columns(
    df: pd.DataFrame, aliases: Mapping[str, tuple[str, ...]], user: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Apply the user's ``columns=`` mapping, then map known aliases to netkit's names."""
    if user:
        df = df.rename(columns={k: v for k, v in user.items() if k in df.columns})
    renames = {}
    for canonical, names in aliases.items():
        if canonical in df.columns:
            continue
        col = find_column(df, canonical, *names)
        if col is not None and col not in renames:
            renames[col] = canonical
    return df.rename(columns=renames)
