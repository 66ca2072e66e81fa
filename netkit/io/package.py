"""A codebook that travels with the data: a Frictionless Data Package (``datapackage.json``).

The descriptor is the standard's (https://specs.frictionlessdata.io/data-package/ and Table Schema):
each resource names a file (``path``) and its ``schema`` lists fields with ``name``, ``type``,
``constraints`` (``minimum``, ``maximum``, ``enum``) and the schema's ``missingValues``. netkit reads
its own properties under a ``"netkit"`` key, which the standard allows:

- on a resource: ``{"table": "egos" | "alters" | "ties"}`` and optionally ``{"keep": {COLUMN: [values…]}}``
  (only the rows with those values: one file holding ego–alter and alter–alter rows is two resources);
- on a field: ``{"role": …}`` maps the column to what netkit knows (:data:`ROLES`), with
  ``"reverse": true`` for a scale where higher means weaker, ``"kind"`` for a support item and
  ``"item"`` for a gap flag naming its support field;
- on the package: ``{"directed": true}``, ``{"duplicates": "max" | "sum" | "first" | "error"}``.

Fields a resource does not list are read as they would be without a package. Resources without a
``netkit.table`` are other files of the package and are left alone. :func:`starter_package` writes
a first descriptor from the files in a folder, for the researcher to check and edit.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from ..errors import NetkitError, Origin
from ..model import DUPLICATES, blank_missing
from ..schema import DEFAULT_SCALES, MISSING_WORDS, NO_WORDS, YES_WORDS
from .folder import ALTER_ALIASES, EGO_ALIASES, SINGLE_EGO, TIE_ALIASES, tables_to_network
from .survey import concat_tables
from .text import read_input_bytes, read_table, read_text, rename_columns, separator

__all__ = ["DESCRIPTOR", "ROLES", "read_package", "starter_package", "find_descriptor"]

DESCRIPTOR = "datapackage.json"
TABLES = ("egos", "alters", "ties")
SUPPORT_KINDS = ("instrumental", "psychosocial", "other")

#: The roles a field may take, per table.
ROLES: dict[str, tuple[str, ...]] = {
    "egos": ("ego_id", "name"),
    "alters": ("ego_id", "alter_id", "name", "context", "closeness", "frequency", "years_known", "confiding",
               "services", "support_given", "support_received", "support", "gap"),
    "ties": ("ego_id", "source", "target", "weight", "tie_type"),
}
_ITEM_ROLES = {"closeness", "frequency", "years_known", "confiding", "services", "support_given", "support_received"}
_TRUE = frozenset({"true", "True", "TRUE", "1"})
_FALSE = frozenset({"false", "False", "FALSE", "0"})


def find_descriptor(path: Path) -> Path | None:
    """The ``datapackage.json`` a path means: the file itself, or the one in the folder."""
    if path.is_file() and path.name.lower().endswith(".json"):
        return path
    if path.is_dir() and (path / DESCRIPTOR).is_file():
        return path / DESCRIPTOR
    return None


class _Where:
    """Names the descriptor, resource and field in every message."""

    def __init__(self, descriptor: Path):
        self.descriptor = descriptor

    def error(self, what: str, resource: str | None = None, field: str | None = None) -> NetkitError:
        place = str(self.descriptor)
        if resource is not None:
            place += f", resource '{resource}'"
        if field is not None:
            place += f", field '{field}'"
        return NetkitError(f"{place}: {what}")


def _load(descriptor: Path, where: _Where) -> dict:
    try:
        package = json.loads(read_input_bytes(descriptor).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise where.error(f"is not valid JSON ({exc}); fix it (a JSON checker shows where).") from None
    except RecursionError:
        raise where.error("is nested too deeply to be a data package descriptor; write it again.") from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise where.error("a data package needs a list of \"resources\" (each with a \"path\"); see docs/formats.md.")
    return package


def _options(package: dict, where: _Where) -> dict:
    own = package.get("netkit", {})
    if not isinstance(own, dict):
        raise where.error('"netkit" must be an object such as {"directed": true}.')
    unknown = set(own) - {"directed", "duplicates"}
    if unknown:
        raise where.error(f"\"netkit\" has an unknown key '{sorted(unknown)[0]}'; it takes directed and duplicates.")
    if "directed" in own and not isinstance(own["directed"], bool):
        raise where.error('"netkit": "directed" must be true or false.')
    if "duplicates" in own and own["duplicates"] not in DUPLICATES:
        raise where.error(f"\"netkit\": \"duplicates\" must be one of {', '.join(DUPLICATES)}.")
    return own


def _resource_file(resource: dict, name: str, root: Path, where: _Where) -> Path:
    path = resource.get("path")
    if isinstance(path, list) and len(path) == 1:
        path = path[0]
    if not isinstance(path, str) or not path.strip():
        raise where.error('needs a "path" naming one file of the package.', name)
    if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.I):
        raise where.error(f"the path '{path}' is on the internet; netkit reads only files on this computer — "
                          "download it next to the descriptor and give its file name.", name)
    parts = Path(path).parts
    if Path(path).is_absolute() or ".." in parts:
        raise where.error(f"the path '{path}' must be relative to the package's folder, without '..' (the Data "
                          "Package standard's rule); move the file into the folder.", name)
    file = root / path
    if not file.exists():
        raise where.error(f"the file '{path}' is not in {root}; correct the path or copy the file there.", name)
    return file


def _fields(resource: dict, name: str, where: _Where) -> tuple[list[dict], tuple | None]:
    schema = resource.get("schema", {})
    if isinstance(schema, str):
        raise where.error("the schema must be written inside the descriptor (a schema in another file or on the "
                          "internet is not read).", name)
    if not isinstance(schema, dict):
        raise where.error('"schema" must be an object with "fields".', name)
    fields = schema.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        raise where.error('"schema": "fields" must be a list of objects, each with a "name".', name)
    missing = schema.get("missingValues")
    if missing is not None and (not isinstance(missing, list) or not all(isinstance(m, str) for m in missing)):
        raise where.error('"missingValues" must be a list of texts, e.g. ["", "NA", "-99"].', name)
    return fields, (tuple(missing) if missing is not None else None)


def _resource_netkit(resource: dict, name: str, where: _Where) -> dict:
    own = resource.get("netkit", {})
    if not isinstance(own, dict):
        raise where.error('"netkit" must be an object such as {"table": "alters"}.', name)
    unknown = set(own) - {"table", "keep"}
    if unknown:
        raise where.error(f"\"netkit\" has an unknown key '{sorted(unknown)[0]}'; a resource takes table and keep.", name)
    if "table" in own and own["table"] not in TABLES:
        raise where.error(f"\"netkit\": \"table\" is {own['table']!r}; use one of {', '.join(TABLES)}.", name)
    keep = own.get("keep", {})
    if not isinstance(keep, dict) or not all(isinstance(v, list) and v for v in keep.values()):
        raise where.error('"netkit": "keep" must map a column to a list of values, e.g. {"kind": ["alter"]}.', name)
    return own


def _kept_rows(df: pd.DataFrame, origin: Origin, keep: dict, name: str, where: _Where):
    if not keep:
        return df, origin
    mask = np.ones(len(df), dtype=bool)
    for column, values in keep.items():
        if column not in df.columns:
            raise where.error(f"\"keep\" names the column '{column}', which the file does not have (it has "
                              f"{', '.join(map(str, df.columns))}).", name)
        wanted = {str(v).strip() for v in values}
        mask &= df[column].astype("string").str.strip().isin(wanted).fillna(False).to_numpy(dtype=bool)
    lines = tuple(origin.line(i) for i in np.flatnonzero(mask))
    return df[mask].reset_index(drop=True), Origin(origin.label, row_word=origin.row_word, lines=lines)


def _check_type(values: pd.Series, field: dict, origin: Origin, name: str, where: _Where) -> pd.Series:
    """A field's values in its declared ``type`` (integer, number, boolean, date; others stay text)."""
    kind = field.get("type", "string")
    present = values.notna()
    if kind in ("integer", "number"):
        text = values.astype("string").str.strip()
        if field.get("decimalChar"):
            text = text.str.replace(field["decimalChar"], ".", regex=False)
        numbers = pd.to_numeric(text, errors="coerce")
        bad = present & (numbers.isna() | ((numbers % 1 != 0) if kind == "integer" else False))
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise origin.error(f"'{values.iloc[i]}' is not {'a whole number' if kind == 'integer' else 'a number'}, "
                               f"as the data package's field '{field['name']}' declares; correct the value or the "
                               "field's type (or list the code in missingValues).", position=i, column=field["name"])
        return numbers.where(present)
    if kind == "boolean":
        trues = set(field.get("trueValues", _TRUE))
        falses = set(field.get("falseValues", _FALSE))
        text = values.astype("string").str.strip()
        bad = present & ~text.isin(trues | falses).fillna(False)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise origin.error(f"'{values.iloc[i]}' is not one of the field's true or false values "
                               f"({', '.join(sorted(trues | falses))}); correct it or the field's trueValues/"
                               "falseValues.", position=i, column=field["name"])
        return text.map(lambda v: 1 if v in trues else 0, na_action="ignore").astype("Int64")
    if kind == "date":
        for i in np.flatnonzero(present.to_numpy()):
            try:
                dt.date.fromisoformat(str(values.iloc[i]).strip())
            except ValueError:
                raise origin.error(f"'{values.iloc[i]}' is not a date as YYYY-MM-DD, as the field's type says; "
                                   "correct it.", position=int(i), column=field["name"]) from None
    return values


def _check_constraints(values: pd.Series, field: dict, origin: Origin, name: str, where: _Where) -> None:
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        raise where.error('"constraints" must be an object.', name, field["name"])
    if "enum" in constraints:
        allowed = {str(v) for v in constraints["enum"]} | {str(v) for v in constraints["enum"] if isinstance(v, bool)}
        text = values.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v),
                          na_action="ignore")
        bad = values.notna() & ~text.isin(allowed)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise origin.error(f"'{values.iloc[i]}' is not one of the values the data package allows "
                               f"({', '.join(map(str, constraints['enum']))}); correct it or the field's enum.",
                               position=i, column=field["name"])
    numbers = pd.to_numeric(values, errors="coerce")
    for key, test in (("minimum", numbers.lt), ("maximum", numbers.gt)):
        if key in constraints:
            bound = constraints[key]
            if isinstance(bound, bool) or not isinstance(bound, (int, float)) or not math.isfinite(bound):
                raise where.error(f"constraints.{key} must be a number.", name, field["name"])
            bad = test(bound).fillna(False).to_numpy(dtype=bool)
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                side = "below the minimum" if key == "minimum" else "above the maximum"
                raise origin.error(f"{numbers.iloc[i]:g} is {side} of {bound:g} that the data package declares; "
                                   "correct the value or the field's constraints.", position=i, column=field["name"])


def _field_role(field: dict, table: str, name: str, where: _Where) -> dict:
    own = field.get("netkit", {})
    if not isinstance(own, dict):
        raise where.error('"netkit" must be an object such as {"role": "closeness"}.', name, field["name"])
    unknown = set(own) - {"role", "reverse", "kind", "item"}
    if unknown:
        raise where.error(f"\"netkit\" has an unknown key '{sorted(unknown)[0]}'; a field takes role, reverse, kind "
                          "and item.", name, field["name"])
    role = own.get("role")
    if role is not None and role not in ROLES[table]:
        raise where.error(f"the role {role!r} does not belong in the {table} table; roles there are "
                          f"{', '.join(ROLES[table])}.", name, field["name"])
    if "reverse" in own and (not isinstance(own["reverse"], bool) or role not in _ITEM_ROLES):
        raise where.error('"reverse": true is for the scale of a tie-strength item (closeness, frequency, '
                          "years_known, confiding, services).", name, field["name"])
    if role == "support" and own.get("kind", "other") not in SUPPORT_KINDS:
        raise where.error(f"a support item's \"kind\" must be one of {', '.join(SUPPORT_KINDS)}.", name, field["name"])
    if role == "gap" and not isinstance(own.get("item"), str):
        raise where.error('a gap flag needs "item": the name of the support field it belongs to.', name, field["name"])
    return own


def _yes_no(values: pd.Series, origin: Origin, column: str) -> pd.Series:
    """A support or gap flag as 1/0 (blank stays blank: not known)."""
    def one(v):
        if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and v in (0, 1):
            return int(v)
        word = str(v).strip().lower()
        return 1 if word in YES_WORDS else 0 if word in NO_WORDS else None

    out = values.map(one, na_action="ignore")
    bad = values.notna() & out.isna()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise origin.error(f"'{values.iloc[i]}' is not yes or no (1 or 0, true or false); correct it, or list the "
                           "code in missingValues if it means not known.", position=i, column=column)
    return out.astype("Int64")


def _support(alters: pd.DataFrame, items: list[dict], gaps: dict[str, str], origin: Origin, package: str):
    """Per-alter support fields as the long ``support`` table (ego_id, instrument, item, alter_id, value,
    gap) and the study's ``instrument`` table (instrument, item, question, kind)."""
    rows = []
    for item in items:
        ego = alters["ego_id"] if "ego_id" in alters.columns else pd.Series([pd.NA] * len(alters), dtype=object)
        part = pd.DataFrame({"ego_id": ego.to_numpy(), "instrument": package, "item": item["name"],
                             "alter_id": alters["alter_id"], "value": _yes_no(alters[item["name"]], origin, item["name"])})
        gap = gaps.get(item["name"])
        part["gap"] = _yes_no(alters[gap], origin, gap) if gap else pd.array([pd.NA] * len(part), dtype="Int64")
        rows.append(part)
    support = pd.concat(rows, ignore_index=True)
    instrument = pd.DataFrame({"instrument": package, "item": [i["name"] for i in items],
                               "question": [i.get("title") or i.get("description") or i["name"] for i in items],
                               "kind": [i.get("netkit", {}).get("kind", "other") for i in items]})
    return support, instrument, [i["name"] for i in items] + list(gaps.values())


def _apply_fields(df, origin, fields, table, name, where, columns):
    """Check each listed field, rename the ones with a role; returns the table, scales, support fields."""
    scales, support, gaps, renames, copies = {}, [], {}, {}, {}
    for field in fields:
        fname = field["name"]
        if fname not in df.columns:
            raise where.error(f"the file has no column '{fname}' (its columns are {', '.join(map(str, df.columns))}); "
                              "correct the field's name.", name, fname)
        own = _field_role(field, table, name, where)
        df[fname] = _check_type(df[fname], field, origin, name, where)
        _check_constraints(df[fname], field, origin, name, where)
        role = own.get("role")
        if role in _ITEM_ROLES:
            scales.update(_declared_scale(field, own, role, name, where))
        if role == "support":
            support.append(field)
        elif role == "gap":
            gaps[own["item"]] = fname
        elif role == "services":
            copies[fname] = ("support_given", "support_received")
        elif role is not None:
            renames[fname] = role
    taken = [r for r in renames.values()]
    if len(set(taken)) < len(taken):
        role = next(r for r in taken if taken.count(r) > 1)
        raise where.error(f"two fields have the role '{role}'; give it to one.", name)
    unknown_gap = [item for item in gaps if item not in {f["name"] for f in support}]
    if unknown_gap:
        raise where.error(f"a gap flag names the item '{unknown_gap[0]}', which is not a support field of this "
                          "resource; name one of its fields with the role support.", name, gaps[unknown_gap[0]])
    for fname, (given, received) in copies.items():
        df[given], df[received] = df[fname], df[fname]
    df = df.drop(columns=list(copies)).rename(columns=renames)
    return rename_columns(df, _ALIASES[table], columns), scales, support, gaps


def _declared_scale(field: dict, own: dict, role: str, name: str, where: _Where) -> dict:
    constraints = field.get("constraints", {})
    item = "services" if role in ("support_given", "support_received") else role
    if "minimum" in constraints and "maximum" in constraints:
        return {item: {"min": constraints["minimum"], "max": constraints["maximum"], "reverse": own.get("reverse", False)}}
    if own.get("reverse") or "minimum" in constraints or "maximum" in constraints:
        raise where.error("a tie-strength item's scale needs both constraints.minimum and constraints.maximum.",
                          name, field["name"])
    return {}


_ALIASES = {"egos": EGO_ALIASES, "alters": ALTER_ALIASES, "ties": TIE_ALIASES}


def read_package(
    descriptor: Path,
    *,
    root: Path | None = None,
    columns: Mapping[str, str] | None = None,
    directed: bool | None = None,
    scales: Mapping | None = None,
    duplicates: str | None = None,
):
    """Read the ego networks a data package describes (files relative to ``root``, by default the
    descriptor's folder). Returns an EgoCollection, or an EgoNetwork when the package holds one ego.
    """
    where = _Where(descriptor)
    package = _load(descriptor, where)
    options = _options(package, where)
    root = root or descriptor.parent
    study = str(package.get("name") or package.get("title") or "study")
    warnings: list[str] = []
    parts: dict[str, list] = {t: [] for t in TABLES}
    declared, support_parts, instruments, read = {}, [], [], {}
    for i, resource in enumerate(package["resources"]):
        if not isinstance(resource, dict):
            raise where.error(f"resource {i + 1} is not an object with a \"path\".")
        name = str(resource.get("name") or resource.get("path") or f"#{i + 1}")
        own = _resource_netkit(resource, name, where)
        if "table" not in own:
            continue
        file = _resource_file(resource, name, root, where)
        fields, missing = _fields(resource, name, where)
        if file not in read:  # two resources of one file (ego–alter and alter–alter rows): read it once
            read[file] = read_table(file, warnings=warnings)
        df, origin = read[file][0].copy(), read[file][1]
        df, origin = _kept_rows(df, origin, own.get("keep", {}), name, where)
        df = blank_missing(df, MISSING_WORDS if missing is None else missing)
        df, found, support, gaps = _apply_fields(df, origin, fields, own["table"], name, where, columns)
        declared.update(found)
        if support:
            s, inst, cols = _support(df, support, gaps, origin, study)
            support_parts.append(s)
            instruments.append(inst)
            df = df.drop(columns=cols)
        parts[own["table"]].append((df, origin))
    if not parts["alters"]:
        raise where.error('no resource is the alters table; mark one with "netkit": {"table": "alters"}.')
    tables, origins = {}, {}
    for table in TABLES:
        if parts[table]:
            tables[table], origins[table] = concat_tables(parts[table], f"{descriptor} ({table})")
    extra = {}
    if support_parts:
        extra["support"] = pd.concat(support_parts, ignore_index=True)
        if "ego_id" not in tables["alters"].columns:  # one ego: the id tables_to_network gives it
            egos = tables.get("egos")
            one = str(egos["ego_id"].iloc[0]) if egos is not None and "ego_id" in egos.columns and len(egos) else SINGLE_EGO
            extra["support"]["ego_id"] = one
        extra["instrument"] = pd.concat(instruments, ignore_index=True).drop_duplicates(["instrument", "item"])
    declared.update(scales or {})
    return tables_to_network(
        tables.get("egos"), tables["alters"], tables.get("ties"), origins, source=str(root), format="datapackage",
        directed=options.get("directed", False) if directed is None else directed, extra=extra, warnings=warnings,
        scales=declared, missing=(), duplicates=duplicates or options.get("duplicates", "max"),
    )


# ----------------------------------------------------------------------------- a starter descriptor

#: Cell texts that often code "not known" in published data sets; a starter lists those it sees.
MISSING_CANDIDATES = ("NA", "N/A", "n/a", "#N/A", "NaN", "null", "NULL", ".", "-99", "-999", "-9", "-77", "-88", "99999")
_ROLE_NAMES = {
    "ego_id": ("ego_id", "egoID", ".egoID", "ego", "EgoID", "networkCanvasEgoUUID", "respondent", "respondent_id"),
    "alter_id": ("alter_id", "alterID", ".altID", "alter", "Alter.Number", "nodeID", "networkCanvasUUID"),
    "source": ("source", "Source", "from", ".srcID", "Alter.1.Number", "networkCanvasSourceUUID", "alter1"),
    "target": ("target", "Target", "to", ".tgtID", "Alter.2.Number", "networkCanvasTargetUUID", "alter2"),
    "name": ("name", "Name", "alter_name", "nickname"),
    "weight": ("weight", "Weight", "value"),
    "tie_type": ("tie_type", "type", "edge_type", "edgeType", "relation"),
}
_ITEM_NAMES = ("closeness", "frequency", "years_known", "confiding", "support_given", "support_received", "context")


def _role_column(columns: list[str], role: str) -> str | None:
    wanted = {"".join(ch for ch in n.lower() if ch.isalnum()) for n in _ROLE_NAMES[role]}
    return next((c for c in columns if "".join(ch for ch in c.lower() if ch.isalnum()) in wanted), None)


def _table_of(columns: list[str]) -> str | None:
    if _role_column(columns, "source") and _role_column(columns, "target"):
        return "ties"
    if _role_column(columns, "alter_id"):
        return "alters"
    if _role_column(columns, "ego_id"):
        return "egos"
    return None


def _field_type(values: pd.Series) -> tuple[str, dict]:
    """The Table Schema type the values fit, and extra properties (decimalChar)."""
    text = values.dropna().astype(str).str.strip()
    if text.empty:
        return "string", {}
    if text.isin(_TRUE | _FALSE).all() and text.str.lower().isin({"true", "false"}).any():
        return "boolean", {}
    if text.str.fullmatch(r"[-+]?\d+").all():
        return "integer", {}
    if text.str.fullmatch(r"[-+]?\d*\.?\d+([eE][-+]?\d+)?").all():
        return "number", {}
    if text.str.fullmatch(r"[-+]?\d*,?\d+").all():
        return "number", {"decimalChar": ","}
    return "string", {}


def _starter_fields(df: pd.DataFrame, table: str, missing: list[str]) -> list[dict]:
    df = blank_missing(df, ("", *missing))  # types and ranges of the answers, not of the codes
    fields = []
    roles = {}
    for role in _ROLE_NAMES:
        if role in ROLES[table] or role in ("weight", "tie_type") and table == "ties":
            col = _role_column(list(df.columns), role)
            if col is not None and col not in roles:
                roles[col] = role
    for col in df.columns:
        kind, extra = _field_type(df[col])
        field = {"name": str(col), "type": kind, **extra}
        role = roles.get(col) or (col if table == "alters" and col in _ITEM_NAMES else None)
        if role is not None:
            field["netkit"] = {"role": role}
        if role in _ITEM_ROLES and kind in ("integer", "number"):
            numbers = pd.to_numeric(df[col].astype(str).str.replace(",", ".", regex=False), errors="coerce").dropna()
            if len(numbers):
                default = DEFAULT_SCALES["services" if role.startswith("support_") else role]
                low, high = min(default.low, numbers.min()), max(default.high, numbers.max())
                field["constraints"] = {"minimum": _plain(low), "maximum": _plain(high)}
                field["description"] = (f"values seen from {numbers.min():g} to {numbers.max():g}; scale set to "
                                        f"{low:g}–{high:g}: check it against the questionnaire")
        fields.append(field)
    return fields


def _plain(x: float):
    return int(x) if float(x).is_integer() else float(x)


def _set_of(stem: str) -> str:
    """What is left of a file name without its table word: 'alters_32' → '_32' (egor's sets)."""
    return re.sub(r"(?<![a-z])((aa)?ties?|edges?(list)?|alters?|alteri|egos?)(?![a-z])", "", stem.lower())


def starter_package(folder: Path) -> tuple[dict, list[str]]:
    """A first ``datapackage.json`` for the tables in ``folder``, and notes on what to check.

    Each delimited file is one resource; the ones that look like netkit's egos, alters and ties
    tables (by their id columns) are marked with their table, the id columns with their roles,
    known survey items with their role and the range seen, and the codes for "not known" that
    appear. Where several sets of files fit (egor's ``egos_32``/``alters_32``/``edges_32`` beside
    ``egos_8``…), the first complete set is chosen and the others are listed without a table.
    """
    from .survey import TABLE_SUFFIXES

    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES)
    if not files:
        raise NetkitError(f"{folder}: holds no CSV or TSV files to describe; a data package names the data files.")
    found, notes = [], []
    for path in files:
        try:
            said: list[str] = []
            text = read_text(path, said)
            df, _ = read_table(path, text=text)
        except NetkitError as exc:
            notes.append(f"{path.name} was left out: {str(exc).split(': ', 1)[-1].rstrip('.')}")
            continue
        encoding = "cp1252" if any("1252" in w for w in said) else "utf-8"
        found.append((path, df, _table_of(list(df.columns)), (separator(text.split("\n", 1)[0]), encoding)))
    sets = {}
    for path, _, table, _ in found:
        if table:
            sets.setdefault(_set_of(path.stem), {}).setdefault(table, path)
    complete = [k for k, v in sets.items() if "alters" in v]
    chosen = complete[0] if complete else None
    if len(complete) > 1:
        notes.append(f"several sets of tables fit ({', '.join(repr(k or '(none)') for k in complete)}); the descriptor "
                     f"uses {chosen!r}: move \"netkit\": {{\"table\": …}} to the files you want read")
    resources = []
    for path, df, table, (sep, encoding) in found:
        missing = sorted({c for c in MISSING_CANDIDATES if df.isin([c]).any().any()})
        resource = {"name": re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-") or "table",
                    "path": path.name, "profile": "tabular-data-resource", "format": "csv", "encoding": encoding,
                    "dialect": {"delimiter": sep},
                    "schema": {"fields": _starter_fields(df, table, missing) if table else
                               [{"name": str(c), "type": _field_type(blank_missing(df, ("", *missing))[c])[0]}
                                for c in df.columns],
                               "missingValues": ["", *missing]}}
        if table and sets.get(_set_of(path.stem), {}).get(table) == path and _set_of(path.stem) == chosen:
            resource["netkit"] = {"table": table}
        resources.append(resource)
        if missing:
            notes.append(f"{path.name}: {', '.join(missing)} read as not known (missingValues); remove any that are "
                         "real answers")
    if not any("netkit" in r for r in resources):
        notes.append("no file looks like an alters table (no alter id column): add \"netkit\": {\"table\": \"alters\"} "
                     "to the right resource and a role to its id fields")
    notes.append("check each item's scale (constraints.minimum/maximum) against the questionnaire, and add "
                 "\"reverse\": true where higher means weaker")
    name = re.sub(r"[^a-z0-9._-]+", "-", folder.resolve().name.lower()).strip("-") or "study"
    return {"profile": "tabular-data-package", "name": name,
            "description": "Starter descriptor written by netkit from the files as they are: check it, then edit.",
            "resources": resources}, notes
