"""netkit's own folder format and the fill-in templates (CSV pair and XLSX workbook).

The template is netkit's folder without ids: one ego, people named by name, ties naming two
people. Both end in the same tables, so both go through :func:`tables_to_network`.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import NetkitError, Origin
from ..model import EgoCollection, EgoNetwork, make_collection
from ..schema import OPTIONAL_TABLES, SCHEMA_VERSION
from .atomic import read_committed
from .cells import read_own_table as read_table
from .text import check_input_file, read_input_bytes, rename_columns

__all__ = ["read_netkit", "read_template_xlsx", "check_unpacked_size", "SCHEMA_VERSION", "tables_to_network"]
SINGLE_EGO = "ego"

ALTER_ALIASES = {
    "ego_id": ("egoID", ".egoID", "ego"),
    "alter_id": ("alterID", ".altID", "alter", "id", "Alter.Number"),  # Alter.Number: EgoWeb 2.0's export
}
TIE_ALIASES = {
    "ego_id": ("egoID", ".egoID", "ego"),
    "source": ("Source", "from", ".srcID", "person_a", "person 1", "Alter.1.Number"),
    "target": ("Target", "to", ".tgtID", "person_b", "person 2", "Alter.2.Number"),
}
EGO_ALIASES = {"ego_id": ("egoID", ".egoID", "ego")}


def _name_ids(alters: pd.DataFrame, origin: Origin) -> pd.DataFrame:
    """Without an alter_id column, each person's name is their id (names must then differ)."""
    if "alter_id" in alters.columns:
        return alters
    if "name" not in alters.columns:
        raise NetkitError(
            f"{origin.label}: needs a 'name' column (or an 'alter_id' column) to tell people apart; "
            f"add one (found {', '.join(map(str, alters.columns)) or 'no columns'})."
        )
    names = alters["name"].astype("string").str.strip()
    dup = names.duplicated(keep=False) & names.notna()
    if dup.any():
        rows = [i for i in range(len(names)) if dup.iloc[i]][:2]
        first = names.iloc[rows[0]]
        raise NetkitError(
            f"{origin.label}, {origin.row_word}s {origin.line(rows[0])} and {origin.line(rows[1])}: two people are "
            f"both called '{first}'; make the names differ (e.g. add an initial) or add an 'alter_id' column."
        )
    alters = alters.copy()
    alters.insert(0, "alter_id", alters["name"].astype("string").str.strip().astype(object))
    return alters


def tables_to_network(
    egos: pd.DataFrame | None,
    alters: pd.DataFrame,
    ties: pd.DataFrame | None,
    origins: dict[str, Origin],
    *,
    source: str,
    format: str,
    directed: bool = False,
    single: bool | None = None,
    extra: Mapping[str, pd.DataFrame] | None = None,
    warnings: list[str] | None = None,
    **options,
) -> EgoNetwork | EgoCollection:
    """Fill in a single ego's id where the tables leave it out, check, and build the network.

    ``options`` go to :func:`netkit.model.make_collection` (``scales``, ``missing``, ``duplicates``).
    """
    alters = _name_ids(alters, origins["alters"])
    if "ego_id" not in alters.columns:
        if egos is not None and "ego_id" in egos.columns and len(egos) > 1:
            raise NetkitError(
                f"{origins['alters'].label}: has no 'ego_id' column but {origins['egos'].label} lists "
                f"{len(egos)} egos; add an 'ego_id' column saying whose contact each person is."
            )
        ego_id = str(egos["ego_id"].iloc[0]) if egos is not None and "ego_id" in egos.columns and len(egos) else SINGLE_EGO
        alters = alters.assign(ego_id=ego_id)
        if egos is None or "ego_id" not in egos.columns:
            egos = (egos if egos is not None and len(egos) else pd.DataFrame(index=[0])).assign(ego_id=ego_id)
        if ties is not None:
            ties = ties.assign(ego_id=ego_id) if "ego_id" not in ties.columns else ties
    elif ties is not None and "ego_id" not in ties.columns and alters["ego_id"].nunique() == 1:
        ties = ties.assign(ego_id=alters["ego_id"].iloc[0])
    if egos is not None and "ego_id" in egos.columns:
        egos = egos[["ego_id"] + [c for c in egos.columns if c != "ego_id"]]
    coll = make_collection(
        egos, alters, ties, origins=origins, directed=directed, source=source, format=format,
        extra=extra, warnings=warnings, **options,
    )
    if single or (single is None and len(coll) == 1):
        return coll[coll.ego_ids[0]]
    return coll


def _present(path: Path) -> bool:
    """There, or a symbolic link (a broken or looping link is reported when read, never skipped)."""
    return path.exists() or path.is_symlink()


def read_netkit(
    folder: Path, *, columns: Mapping[str, str] | None = None, directed: bool = False, format: str = "netkit",
    **options,
) -> EgoNetwork | EgoCollection:
    """Read netkit's folder: alters.csv (required), egos.csv, ties.csv and the optional tables.

    A change a workspace is committing (its journal) is read as a whole: the files it replaces are
    read from their new copies, so a reader never sees half of a change.
    """
    names = ["manifest.json", "alters.csv", "egos.csv", "ties.csv", *(f"{n}.csv" for n in OPTIONAL_TABLES)]
    try:
        manifest, tables, origins, warnings = read_committed(
            folder, names, lambda paths: _folder_tables(folder, paths, columns))
    except BlockingIOError:
        raise NetkitError(f"{folder}: kept changing while it was read (a form saving?); read it again.") from None
    kind = manifest.get("kind") if isinstance(manifest, dict) else None
    written = manifest.get("scales") if isinstance(manifest, dict) else None
    if written:  # the scales the folder was written with, under the ones asked for now
        options = {**options, "scales": {**written, **(options.get("scales") or {})}}
    return tables_to_network(
        tables.pop("egos"), tables.pop("alters"), tables.pop("ties"), origins, source=str(folder), format=format,
        directed=directed, single={"ego": True, "collection": False}.get(kind), extra=tables, warnings=warnings,
        **options,
    )


def _manifest(path: Path, shown: Path) -> dict:
    try:
        manifest = json.loads(read_input_bytes(path).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise NetkitError(f"{shown}: is not valid JSON ({exc}); fix or delete it.") from None
    except RecursionError:
        raise NetkitError(f"{shown}: is nested too deeply to be a netkit manifest; "
                          "write it again (or delete it: alters.csv is enough).") from None
    version = manifest.get("schema_version", SCHEMA_VERSION) if isinstance(manifest, dict) else None
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NetkitError(f"{shown}: schema_version {version!r} is newer than this netkit understands "
                          f"({SCHEMA_VERSION}); update netkit.")
    return manifest


def _folder_tables(folder: Path, paths: dict[str, Path], columns: Mapping[str, str] | None):
    """The manifest and every table of the folder, each read from ``paths`` (named as in the folder)."""
    warnings: list[str] = []
    manifest = _manifest(paths["manifest.json"], folder / "manifest.json") if _present(paths["manifest.json"]) else {}
    if not _present(paths["alters.csv"]):
        raise NetkitError(f"{folder}: has no alters.csv; netkit's folder needs at least alters.csv (see docs/formats.md).")

    def table(name: str, aliases=None):
        df, origin = read_table(paths[f"{name}.csv"], label=str(folder / f"{name}.csv"), warnings=warnings)
        return (rename_columns(df, aliases, columns) if aliases else df), origin

    alters, a_origin = table("alters", ALTER_ALIASES)
    tables, origins = {"alters": alters, "egos": None, "ties": None}, {"alters": a_origin}
    for name, aliases in (("egos", EGO_ALIASES), ("ties", TIE_ALIASES)):
        if _present(paths[f"{name}.csv"]):
            tables[name], origins[name] = table(name, aliases)
    for name in OPTIONAL_TABLES:
        if _present(paths[f"{name}.csv"]):
            tables[name], _ = table(name)
    return manifest, tables, origins, warnings


def _cell_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime("%Y-%m-%d")
    text = str(v).strip()
    return text or None


def _sheet_table(ws, label: str) -> tuple[pd.DataFrame, Origin]:
    if hasattr(ws, "reset_dimensions"):  # read-only sheets trust the stored size, which some writers leave stale
        ws.reset_dimensions()
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None or all(h is None for h in header):
        raise NetkitError(f"{label}: the sheet has no header row; its first row must name the columns.")
    names = [str(h).strip() if h is not None else "" for h in header]
    keep = [i for i, n in enumerate(names) if n]
    data, lines = [], []
    for number, row in enumerate(rows, start=2):
        cells = [_cell_text(row[i]) if i < len(row) else None for i in keep]
        if any(c is not None for c in cells):
            data.append(cells)
            lines.append(number)
    df = pd.DataFrame(data, columns=[names[i] for i in keep], dtype=object)
    return df, Origin(label, row_word="row", lines=tuple(lines))


def check_unpacked_size(path: Path) -> None:
    """Refuse a workbook (a zip) whose parts unpack to more than netkit reads, before anything is unpacked.

    The sizes come from the zip's directory; Python's zipfile never unpacks more than an entry
    declares (a part that would is a bad CRC), so their sum bounds what reading can take. A file
    that is not a zip is left for the workbook reader to name.
    """
    import zipfile

    from .text import MAX_INPUT_ENV, max_input_bytes

    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    total, limit = sum(max(0, e.file_size) for e in entries), max_input_bytes()
    if total > limit:
        def size(n: int) -> str:
            return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n:,} bytes"

        raise NetkitError(f"{path}: unpacks to {size(total)}, more than netkit reads ({size(limit)}); is this the right "
                          f"workbook? To read it anyway, set {MAX_INPUT_ENV} to a larger number of megabytes.")


def read_template_xlsx(path: Path, *, columns: Mapping[str, str] | None = None, **options) -> EgoNetwork:
    """Read the fill-in workbook: sheets *people*, *ties* and (optionally) *me*."""
    import zipfile

    from openpyxl import load_workbook

    if check_input_file(path) == 0:
        raise NetkitError(f"{path}: the file is empty; save the spreadsheet again from Excel or LibreOffice.")
    check_unpacked_size(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise NetkitError(
            f"{path}: is not a readable .xlsx workbook ({type(exc).__name__}); save it again as Excel Workbook (.xlsx)."
        ) from None
    try:
        sheets = {ws.title.strip().lower(): ws for ws in wb.worksheets}
        found = ", ".join(repr(ws.title) for ws in wb.worksheets)

        def sheet(*names: str):
            return next((sheets[n] for n in names if n in sheets), None)

        people = sheet("people", "alters", "contacts")
        if people is None:
            raise NetkitError(f"{path}: has no sheet called 'people' (found {found}); start from the template in data/templates.")
        alters, a_origin = _sheet_table(people, f"{path}, sheet '{people.title}'")
        origins = {"alters": a_origin}
        alters = rename_columns(alters, ALTER_ALIASES, columns)
        ties = egos = None
        tie_sheet = sheet("ties", "who knows whom")
        if tie_sheet is not None:
            ties, origins["ties"] = _sheet_table(tie_sheet, f"{path}, sheet '{tie_sheet.title}'")
            ties = rename_columns(ties, TIE_ALIASES, columns)
        me = sheet("me", "ego", "about me")
        if me is not None:
            egos, origins["egos"] = _sheet_table(me, f"{path}, sheet '{me.title}'")
            egos = egos.iloc[:1] if len(egos) else None
        if egos is not None and "ego_id" not in egos.columns:
            egos = egos.assign(ego_id=SINGLE_EGO)
    finally:
        wb.close()
    return tables_to_network(egos, alters, ties, origins, source=str(path), format="template", single=True,
                             **options)
