"""netkit's own folder format, owned in one place: its schema version, its tables and their columns,
the declared meaning of each alter attribute, and the one validator of a single answer.

The readers (:mod:`netkit.model` types whole columns) and the workspace (:mod:`netkit.store` saves
one answer at a time) both check values with :func:`parse_value`, so they accept the same things.
"""
from __future__ import annotations

import datetime as dt
import math
import numbers
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "SCHEMA_VERSION",
    "TABLE_COLUMNS",
    "TABLES",
    "OPTIONAL_TABLES",
    "LEDGER_CHOICES",
    "Attribute",
    "ALTER_ATTRIBUTES",
    "TIE_WEIGHT",
    "ITEM_COLUMNS",
    "STRENGTH_COLUMNS",
    "DEFAULT_SCALES",
    "MISSING_WORDS",
    "Scale",
    "parse_scale",
    "scale_attribute",
    "YES_WORDS",
    "NO_WORDS",
    "BadValue",
    "BadScale",
    "parse_value",
    "manifest",
]

#: Version of the folder layout written into ``manifest.json``; a reader refuses newer ones.
SCHEMA_VERSION = 1

#: Columns each table of the folder starts with; columns someone added by hand are kept after these.
TABLE_COLUMNS: dict[str, list[str]] = {
    "egos": ["ego_id", "name"],
    "alters": [
        "ego_id", "alter_id", "name", "context", "closeness", "frequency", "years_known", "confiding",
        "support_given", "support_received", "last_contact", "notes", "named_for", "census_done",
    ],
    "ties": ["ego_id", "source", "target"],
    "support": ["ego_id", "instrument", "item", "alter_id", "value"],
    "ledger": ["ego_id", "entry_id", "alter_id", "date", "kind", "direction", "status", "note"],
    "plan": ["ego_id", "item_id", "text", "due", "done", "created"],
}
TABLES = tuple(TABLE_COLUMNS)
#: Tables a folder may leave out (the three of egor's layout are always there).
OPTIONAL_TABLES = ("support", "ledger", "plan")

LEDGER_CHOICES = {
    "kind": ("instrumental", "psychosocial"),
    "direction": ("given", "received"),
    "status": ("offered", "done"),
}

YES_WORDS = frozenset({"yes", "y", "true", "t", "1", "1.0"})
NO_WORDS = frozenset({"no", "n", "false", "f", "0", "0.0"})


@dataclass(frozen=True)
class Attribute:
    """An alter attribute with a declared meaning and scale."""

    kind: str  # "scale" (whole numbers low..high), "bool", "number" (>= low), "date", "text"
    low: float | None = None
    high: float | None = None
    fix: str = ""
    reverse: bool = False  # a scale where higher means weaker or farther


ALTER_ATTRIBUTES: dict[str, Attribute] = {
    "name": Attribute("text"),
    "context": Attribute("text"),
    "closeness": Attribute("scale", 1, 4, "use a whole number from 1 (not close) to 4 (very close)"),
    "frequency": Attribute("scale", 1, 5, "use a whole number from 1 (less than yearly) to 5 (daily)"),
    "years_known": Attribute("number", 0, None, "use a number of years, 0 or more"),
    "confiding": Attribute("bool", fix="write yes or no"),
    "support_given": Attribute("bool", fix="write yes or no"),
    "support_received": Attribute("bool", fix="write yes or no"),
    "last_contact": Attribute("date", fix="write a date as YYYY-MM-DD, e.g. 2026-03-15"),
    "notes": Attribute("text"),
}

#: An alter–alter tie's optional ``weight`` column.
TIE_WEIGHT = Attribute("number", 0, None, "use a number, 0 or more")


#: The items of the tie-strength index and the alters columns each is made from.
ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "closeness": ("closeness",),
    "frequency": ("frequency",),
    "years_known": ("years_known",),
    "confiding": ("confiding",),
    "services": ("support_given", "support_received"),
}
#: Every alters column a tie-strength item is made from, in item order.
STRENGTH_COLUMNS: tuple[str, ...] = tuple(c for columns in ITEM_COLUMNS.values() for c in columns)

#: Cell texts that mean "not known" in any attribute column (ids and names are never missing by text):
#: the empty cell and R's ``NA``. A data package's ``missingValues`` replace them.
MISSING_WORDS: tuple[str, ...] = ("", "NA")


@dataclass(frozen=True)
class Scale:
    """The declared range of a tie-strength item: ``low``–``high``, higher = stronger unless ``reverse``.

    >>> parse_scale("1-5"), parse_scale("1-6 reverse").reverse, parse_scale((0, 1))
    (Scale(low=1.0, high=5.0, reverse=False), True, Scale(low=0.0, high=1.0, reverse=False))
    """

    low: float
    high: float
    reverse: bool = False

    def text(self) -> str:
        return f"{self.low:g}–{self.high:g}" + (" (reversed: higher is weaker)" if self.reverse else "")


#: The declared range of each item (``years_known`` in years, before its log transform).
DEFAULT_SCALES: dict[str, Scale] = {
    "closeness": Scale(1.0, 4.0),
    "frequency": Scale(1.0, 5.0),
    "years_known": Scale(0.0, 100.0),  # a lifetime: kin known since birth
    "confiding": Scale(0.0, 1.0),
    "services": Scale(0.0, 1.0),
}


class BadScale(ValueError):
    """A declared scale that is not a range; the message says what it is not."""


def parse_scale(value: object) -> Scale:
    """A declared scale from ``(low, high)``, ``{"min": …, "max": …, "reverse": …}``, ``"1-5"`` or
    ``"1-5 reverse"`` (the command line's ``--scale closeness=1-5``), or a :class:`Scale`.

    Raises :class:`BadScale` (a ``ValueError``) for anything else, or a low not below high.
    """
    if isinstance(value, Scale):
        low, high, reverse = value.low, value.high, value.reverse
    elif isinstance(value, str):
        text = value.strip().lower()
        reverse = text.endswith(("reverse", "reversed"))
        text = text.removesuffix("reversed").removesuffix("reverse").strip().rstrip(":, ").strip()
        parts = [t.strip() for t in text.replace("–", "-").replace("..", "-").split("-") if t.strip()]
        if len(parts) != 2:
            raise BadScale("give the declared range as two numbers such as 1-5 (or 1-5 reverse)")
        low, high = parts
    elif isinstance(value, dict):
        if not {"min", "max"} <= set(value) or not set(value) <= {"min", "max", "reverse"}:
            raise BadScale("give the declared range with the keys 'min' and 'max' (and optionally 'reverse')")
        low, high, reverse = value["min"], value["max"], value.get("reverse", False)
    else:
        try:
            low, high = value  # a pair
        except (TypeError, ValueError):
            raise BadScale("give the declared range as two numbers (min, max), e.g. (1, 5) or '1-5'") from None
        reverse = False
    try:
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        raise BadScale("give the declared range as two numbers (min, max), e.g. (1, 5) or '1-5'") from None
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise BadScale("the minimum must be below the maximum and both finite")
    if not isinstance(reverse, bool):
        raise BadScale("'reverse' must be true or false")
    return Scale(low, high, reverse)


def scale_attribute(item: str, scale: Scale) -> Attribute:
    """How a column of ``item`` is checked when its declared scale is ``scale``.

    Years known are a number of 0 or more (values above the declared top count as the top when
    strength is scored); yes/no items stay yes/no on their default 0–1; anything else is a scale of
    whole numbers.
    """
    if item == "years_known":
        return Attribute("number", scale.low, None, f"use a number of years, {scale.low:g} or more",
                         reverse=scale.reverse)
    if item in ("confiding", "services") and (scale.low, scale.high) == (0, 1):
        return Attribute("bool", fix="write yes or no", reverse=scale.reverse)
    return Attribute("scale", scale.low, scale.high,
                     f"use a whole number from {scale.low:g} to {scale.high:g}", reverse=scale.reverse)


class BadValue(ValueError):
    """One answer that does not fit its attribute; the message says what it is not (no fix, no place)."""


def _blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def parse_value(value: object, attr: Attribute) -> object:
    """One answer as its attribute's type, ``None`` when blank (not known).

    Scales and yes/no answers become ``int`` (yes = 1), numbers ``float``, dates ``'YYYY-MM-DD'``
    text, text stays as given. Raises :class:`BadValue` for anything else.

    >>> parse_value(" Yes ", ALTER_ATTRIBUTES["confiding"]), parse_value("3,0", ALTER_ATTRIBUTES["closeness"])
    (1, 3)
    >>> parse_value("", ALTER_ATTRIBUTES["closeness"]) is None
    True
    >>> parse_value(7, ALTER_ATTRIBUTES["closeness"])
    Traceback (most recent call last):
    ...
    netkit.schema.BadValue: 7 is not on the 1–4 scale
    """
    if _blank(value):
        return None
    if attr.kind == "text":
        return value
    if attr.kind == "bool":
        return _yes_no(value)
    if attr.kind == "date":
        return _date(value)
    return _number(value, attr)


def _yes_no(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, numbers.Number) and value in (0, 1):
        return int(value)
    word = str(value).strip().lower()
    if word in YES_WORDS:
        return 1
    if word in NO_WORDS:
        return 0
    raise BadValue(f"'{value}' is not yes or no")


def _date(value: object) -> str:
    if isinstance(value, dt.datetime):  # a spreadsheet's date cell, a pandas Timestamp
        if value.time() != dt.time(0):
            raise BadValue(f"'{value}' is a date with a time of day")
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    try:
        return dt.datetime.strptime(str(value).strip(), "%Y-%m-%d").strftime("%Y-%m-%d")
    except ValueError:
        raise BadValue(f"'{value}' is not a date") from None


def _number(value: object, attr: Attribute) -> float | int:
    if isinstance(value, bool):
        raise BadValue(f"'{value}' is not a number")
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError, OverflowError):
        raise BadValue(f"'{value}' is not a number" if not isinstance(value, int) else "the number is too large") \
            from None
    shown = f"{number:g}"
    if not math.isfinite(number):
        raise BadValue(f"'{value}' is not a number")
    if attr.kind == "scale":
        if not number.is_integer() or number < attr.low or number > attr.high:
            raise BadValue(f"{shown} is not on the {attr.low:g}–{attr.high:g} scale")
        return int(number)
    if attr.low is not None and number < attr.low:
        raise BadValue(f"{shown} is below {attr.low:g}")
    if attr.high is not None and number > attr.high:
        raise BadValue(f"{shown} is above {attr.high:g}")
    return number


def manifest(kind: str, *, directed: bool = False, written_by: str = "", scales: dict | None = None) -> dict:
    """The ``manifest.json`` of a netkit folder (``kind``: "ego" or "collection"); ``scales`` are the
    declared scales of the tie-strength items (item → :class:`Scale`), read back with the folder."""
    out = {"format": "netkit", "schema_version": SCHEMA_VERSION, "kind": kind, "directed": directed}
    if scales:
        out["scales"] = {item: {"min": s.low, "max": s.high, "reverse": s.reverse} for item, s in scales.items()}
    if written_by:
        out["written_by"] = written_by
    return out
