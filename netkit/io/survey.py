"""Readers for survey tools' exports: egor's three files and Network Canvas CSV exports.

Both give a collection: one ego per respondent (egor) or per case (Network Canvas).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import NetkitError, Origin
from ..model import EgoCollection, make_collection
from .folder import ALTER_ALIASES, EGO_ALIASES, TIE_ALIASES, tables_to_network
from .cells import read_own_table as read_table
from .text import find_column, rename_columns

__all__ = ["read_egor", "read_egor_files", "read_networkcanvas", "egor_files", "is_networkcanvas", "concat_tables"]

TABLE_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}


def _tables_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES)


def _word(stem: str, pattern: str) -> bool:
    """``pattern`` stands in ``stem`` as a word of its own (between non-letters)."""
    return re.search(rf"(?<![a-z])({pattern})(?![a-z])", stem) is not None


def egor_files(folder: Path) -> dict[str, Path] | None:
    """Find egor's ego, alter and alter–alter tie files by their names, or None."""
    found: dict[str, list[Path]] = {"egos": [], "alters": [], "ties": []}
    for p in _tables_in(folder):
        stem = p.stem.lower()
        if _word(stem, "(aa)?ties?|edges?(list)?"):  # not "ledger"
            found["ties"].append(p)
        elif _word(stem, "alters?"):
            found["alters"].append(p)
        elif _word(stem, "egos?"):
            found["egos"].append(p)
    if not found["alters"] or not found["egos"]:
        return None
    for role, paths in found.items():
        if len(paths) > 1:
            names = ", ".join(p.name for p in paths)
            raise NetkitError(
                f"{folder}: several files could be egor's {role} table ({names}); name the three to read with "
                "{'egos': …, 'alters': …, 'ties': …} (--egos/--alters/--ties), or describe them in a datapackage.json "
                "(netkit datapackage FOLDER writes a first one)."
            )
    return {role: paths[0] for role, paths in found.items() if paths}


def read_egor(
    folder: Path, *, columns: Mapping[str, str] | None = None, directed: bool = False, **options
) -> EgoCollection:
    """Read egor's three-file layout (``egoID``, ``alterID``, ``Source``, ``Target``) from a folder."""
    if not folder.is_dir():
        raise NetkitError(f"{folder}: egor's layout is a folder with ego, alter and tie files; pass that folder.")
    files = egor_files(folder)
    if files is None:
        names = ", ".join(p.name for p in _tables_in(folder)) or "no tables"
        raise NetkitError(
            f"{folder}: egor's layout needs files whose names contain 'ego', 'alter' and 'tie' or 'edge' "
            f"(found {names}); rename them or pass format= for another layout."
        )
    return read_egor_files(files, columns=columns, directed=directed, source=str(folder), **options)


def read_egor_files(
    files: Mapping[str, Path], *, columns: Mapping[str, str] | None = None, directed: bool = False,
    source: str = "", format: str = "egor", **options,
) -> EgoCollection:
    """Read an alters table and optionally egos and alter–alter ties from files named one by one
    (``{"egos": …, "alters": …, "ties": …}``); the files may sit among others in any folder."""
    warnings: list[str] = []
    alters, a_origin = read_table(files["alters"], warnings=warnings)
    alters = rename_columns(alters, ALTER_ALIASES, columns)
    origins = {"alters": a_origin}
    egos = ties = None
    if files.get("egos") is not None:
        egos, origins["egos"] = read_table(files["egos"], warnings=warnings)
        egos = rename_columns(egos, EGO_ALIASES, columns)
    if files.get("ties") is not None:
        ties, origins["ties"] = read_table(files["ties"], warnings=warnings)
        ties = rename_columns(ties, TIE_ALIASES, columns)
    if egos is None and "ego_id" not in alters.columns:
        return tables_to_network(None, alters, ties, origins, source=source or str(files["alters"]), format=format,
                                 directed=directed, warnings=warnings, **options)
    return make_collection(
        egos, alters, ties, origins=origins, directed=directed, source=source or str(files["alters"]), format=format,
        warnings=warnings, **options,
    )


def is_networkcanvas(folder: Path) -> bool:
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    return any(n.endswith("_ego.csv") for n in names) and any("_attributeList" in n for n in names)


def concat_tables(frames: list[tuple[pd.DataFrame, Origin]], label: str) -> tuple[pd.DataFrame, Origin]:
    """Join tables from several files, keeping each row's own file and line for messages."""
    if not frames:
        return pd.DataFrame(), Origin(label)
    if len(frames) == 1:
        return frames[0]
    files = tuple(o.label for df, o in frames for _ in range(len(df)))
    lines = tuple(o.line(i) for df, o in frames for i in range(len(df)))
    df = pd.concat([df for df, _ in frames], ignore_index=True, sort=False)
    return df, Origin(label, lines=lines, files=files)


def read_networkcanvas(folder: Path, *, columns: Mapping[str, str] | None = None, **options) -> EgoCollection:
    """Read a Network Canvas CSV export folder; each case is one ego, nodes are alters.

    Rows are linked to their interview by ``networkCanvasEgoUUID``, so both one-file-set-per-
    interview exports and merged exports work. Node types go to ``node_type`` and edge types to
    ``tie_type``.
    """
    if not is_networkcanvas(folder):
        raise NetkitError(
            f"{folder}: is not a Network Canvas CSV export (it needs '*_ego.csv' and '*_attributeList*.csv' "
            "files); export again choosing CSV, or pass another format=."
        )
    warnings: list[str] = []
    ego_frames, node_frames, edge_frames = [], [], []
    for path in sorted(folder.glob("*.csv")):
        name = path.name
        if name.endswith("_ego.csv"):
            df, origin = read_table(path, warnings=warnings)
            _need(df, origin, "networkCanvasEgoUUID")
            ego_frames.append((df, origin))
        elif "_attributeList" in name:  # an interview with no nodes has no type in the name
            df, origin = read_table(path, warnings=warnings)
            _need(df, origin, "networkCanvasEgoUUID", "nodeID")
            if len(df):
                node_frames.append((df.assign(node_type=_type_in(name, "_attributeList")), origin))
        elif "_edgeList" in name:
            df, origin = read_table(path, warnings=warnings)
            _need(df, origin, "networkCanvasEgoUUID", "from", "to")
            if len(df):
                edge_frames.append((df.assign(tie_type=_type_in(name, "_edgeList")), origin))
    origins: dict[str, Origin] = {}
    egos, origins["egos"] = concat_tables(ego_frames, f"{folder} (ego files)")
    case = find_column(egos, "networkCanvasCaseID")
    egos["ego_id"] = egos[case] if case else egos["networkCanvasEgoUUID"]
    if egos["ego_id"].duplicated().any():
        warnings.append(
            f"{folder}: some case ids belong to more than one interview; those egos are named by their interview "
            "(networkCanvasEgoUUID) instead."
        )
        dup = egos["ego_id"].duplicated(keep=False)
        egos.loc[dup, "ego_id"] = egos.loc[dup, "networkCanvasEgoUUID"]
    to_ego = dict(zip(egos["networkCanvasEgoUUID"], egos["ego_id"]))
    egos = egos[["ego_id"] + [c for c in egos.columns if c != "ego_id"]]

    alters, origins["alters"] = concat_tables(node_frames, f"{folder} (attributeList files)")
    if alters.empty:
        alters = pd.DataFrame({"ego_id": pd.Series(dtype=object), "alter_id": pd.Series(dtype=object)})
    else:
        alters = _link(alters, to_ego, origins["alters"])
        alters = alters.rename(columns={"nodeID": "alter_id"})
        alters = alters[["ego_id", "alter_id"] + [c for c in alters.columns if c not in ("ego_id", "alter_id")]]
        alters = rename_columns(alters, {}, columns)
    ties, origins["ties"] = concat_tables(edge_frames, f"{folder} (edgeList files)")
    if not ties.empty:
        ties = _link(ties, to_ego, origins["ties"]).rename(columns={"from": "source", "to": "target"})
        ties = ties[["ego_id", "source", "target"] + [c for c in ties.columns if c not in ("ego_id", "source", "target")]]
    else:
        ties = None
    return make_collection(
        egos, alters, ties, origins=origins, source=str(folder), format="networkcanvas", warnings=warnings,
        **options,
    )


def _type_in(filename: str, marker: str) -> str:
    return filename.rsplit(marker, 1)[1][: -len(".csv")].lstrip("_")


def _need(df: pd.DataFrame, origin: Origin, *cols: str) -> None:
    for c in cols:
        if c not in df.columns:
            raise NetkitError(
                f"{origin.label}: the Network Canvas column '{c}' is missing; export the interviews again as CSV "
                "without editing the files."
            )


def _link(df: pd.DataFrame, to_ego: dict, origin: Origin) -> pd.DataFrame:
    ego = df["networkCanvasEgoUUID"].map(to_ego)
    if ego.isna().any():
        i = int(ego.isna().to_numpy().nonzero()[0][0])
        raise origin.error(
            f"this row belongs to interview '{df['networkCanvasEgoUUID'].iloc[i]}', which has no "
            "'_ego.csv' file in the folder; copy the whole export folder.", position=i,
        )
    return df.assign(ego_id=ego)
