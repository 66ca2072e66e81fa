"""Reading one delimited text table the way people's files really are.

Handles Excel's byte-order mark and Windows-1252 encoding, commas, semicolons or tabs, a
leading ``sep=;`` line, and turns every problem into one sentence naming the file and line.
Only an empty cell is missing: ``NA`` and ``None`` are kept as text (they may be names).
"""
from __future__ import annotations

import csv
import errno
import io
import os
import stat
import warnings as pywarnings
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import NetkitError, Origin, printable

__all__ = ["separator", "read_text", "read_table", "rename_columns", "find_column", "check_input_file", "read_input_bytes",
           "max_input_bytes", "MAX_INPUT_ENV", "check_path"]

_SEPARATORS = [",", ";", "\t", "|"]


MAX_INPUT_ENV = "NETKIT_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 512
MAX_HEADER_CHARS = 128 * 1024


def max_input_bytes() -> int:
    """The largest input file netkit reads: 512 MB, or ``NETKIT_MAX_INPUT_MB`` megabytes."""
    raw = os.environ.get(MAX_INPUT_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise NetkitError(f"{MAX_INPUT_ENV}={printable(raw)} is not a number of megabytes; set it to e.g. 2048.") from None
    if not mb > 0 or mb == float("inf"):
        raise NetkitError(f"{MAX_INPUT_ENV}={raw} is not a number of megabytes; set it to e.g. 2048.")
    return int(mb * 1024 * 1024)


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def check_path(path: Path) -> None:
    """A symbolic link that loops is named as such (elsewhere it would look like a missing file)."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NetkitError(f"{path}: is a symbolic link that leads back to itself (a loop); point it at the real "
                              "file or folder.") from None
    except ValueError:  # a NUL byte in the path
        raise NetkitError(f"{path}: is not a usable file name; check the path.") from None


def check_input_file(path: Path) -> int:
    """Refuse anything but a regular file of at most :func:`max_input_bytes`; returns its size.

    A named pipe would block for ever and ``/dev/zero`` never ends: only regular files are read
    (symbolic links are followed, and one that loops is named as such).
    """
    check_path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise NetkitError(f"{path}: there is no such file or folder; check the path and the spelling.") from None
        raise NetkitError(f"{path}: cannot be read ({exc.strerror or exc}); check the path and its permissions.") from None
    if stat.S_ISDIR(info.st_mode):
        raise NetkitError(f"{path}: is a folder, not a file; pass the file inside it or read the folder itself.")
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise NetkitError(f"{path}: is {kind}, not a regular file; save the data to a file and read that.")
    limit = max_input_bytes()
    if info.st_size > limit:
        raise NetkitError(f"{path}: is {_megabytes(info.st_size)}, more than netkit reads ({_megabytes(limit)}); "
                          f"split it, or set {MAX_INPUT_ENV} to a larger number of megabytes.")
    return info.st_size


def read_input_bytes(path: Path) -> bytes:
    """The bytes of a regular input file, never more than the size cap (see :func:`check_input_file`)."""
    check_input_file(path)
    limit = max_input_bytes()
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise NetkitError(f"{path}: is larger than netkit reads ({_megabytes(limit)}); split it, or set "
                          f"{MAX_INPUT_ENV} to a larger number of megabytes.")
    return data


def _utf16(path: Path, data: bytes) -> str | None:
    """The text of a UTF-16 file with a byte-order mark; a clear refusal for one without."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NetkitError(f"{path}: starts like UTF-16 text but is not; save it again as 'CSV UTF-8'.") from None
    head = data[:4096]
    pairs = list(zip(head[0::2], head[1::2]))
    ascii_pairs = sum((a == 0) != (b == 0) and 9 <= (a or b) < 127 for a, b in pairs)
    if len(pairs) >= 2 and ascii_pairs > 0.9 * len(pairs):
        raise NetkitError(f"{path}: looks like UTF-16 text without a byte-order mark; save it as 'CSV UTF-8' "
                          "(or as UTF-16 with a byte-order mark).")
    return None


def read_text(path: Path, warnings: list[str] | None = None) -> str:
    """The text of a file, with a clear message for missing, empty, binary or mis-encoded files."""
    data = read_input_bytes(path)
    if not data.strip():
        raise NetkitError(f"{path}: the file is empty; export it again or choose the file with your data.")
    if data[:4] == b"PK\x03\x04":
        raise NetkitError(
            f"{path}: is a spreadsheet (xlsx/zip), not a text table; read it with a .xlsx name or save it as CSV."
        )
    text = _utf16(path, data)
    if text is not None:
        return text.lstrip("\ufeff")
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
        text = data.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
    except UnicodeDecodeError:
        raise NetkitError(
            f"{path}: is neither UTF-8 nor Windows-1252 text; save it again as 'CSV UTF-8'."
        ) from None
    if warnings is not None:
        warnings.append(f"{path}: is not UTF-8; it was read as Windows-1252 (Excel's CSV on Windows).")
    return text


def separator(header: str) -> str:
    """The separator a header line uses: the one of , ; tab | that splits it most (a comma for one column)."""
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
    if len(lines[0]) > MAX_HEADER_CHARS:
        raise NetkitError(f"{label or path}: the first line is {len(lines[0]) // 1024} KB long, more than a header of "
                          f"column names can be ({MAX_HEADER_CHARS // 1024} KB); is this the right file?")
    sep = sep or separator(lines[0])
    origin = Origin(str(label or path), first_line=skip_lines + 2)
    try:
        with pywarnings.catch_warnings():
            pywarnings.filterwarnings("error", category=pd.errors.ParserWarning)
            df = pd.read_csv(
                io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""], index_col=False,
                skip_blank_lines=True, engine="python" if sep == "|" else "c",
            )
    except pd.errors.ParserWarning:  # a row with more values than the header: never shift the columns
        raise NetkitError(f"{origin.label}: the rows do not line up with the header ({_longer_row(text, sep, skip_lines)}); "
                          "add the missing column names, or put a value with the separator in it in double quotes.") from None
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


def _longer_row(text: str, sep: str, skip_lines: int) -> str:
    """Where the first row with more (non-empty) values than the header is."""
    rows = csv.reader(io.StringIO(text), delimiter=sep)
    width = len(next(rows, []))
    for number, row in enumerate(rows, start=skip_lines + 2):
        while len(row) > width and row[-1] == "":
            row = row[:-1]
        if len(row) > width:
            return f"line {number} has {len(row)} values, the header {width}"
    return f"a row has more values than the header's {width}"


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
