"""Support instruments as data: a list of items, each with its question and its kind.

An *instrument* is what a study asked about support: the six-question self-check (netkit's
default), Kram's mentoring functions, an exchange name-generator set, or a study's own items
declared in a CSV file or in a data package. Scoring (:mod:`netkit.support`,
:mod:`netkit.support_data`) reads items from here, never from a fixed list.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from .errors import NetkitError

__all__ = [
    "ITEM_KINDS",
    "EXPECTED_TIE",
    "SupportItem",
    "Instrument",
    "SELF_CHECK",
    "KRAM",
    "EXCHANGE",
    "SHIPPED",
    "instrument",
    "instruments_from_table",
    "instruments_for",
    "one_instrument",
]

#: The kinds an item may have: the two kinds of support (Kram 1985) and everything else.
ITEM_KINDS = ("instrumental", "psychosocial", "other")

#: The kind of tie the weak-tie argument expects to carry each kind of support: a hypothesis drawn
#: from job-search research (Granovetter 1973; Lin, Ensel & Vaughn 1981), not a settled finding
#: (see :mod:`netkit.support`). "other" items expect nothing.
EXPECTED_TIE = {"instrumental": "weak", "psychosocial": "strong"}


@dataclass(frozen=True)
class SupportItem:
    """One item: ``key`` (the ``item`` column of the support table), ``kind``, the ``question``,
    a ``short`` phrase for sentences and a ``label`` for charts (both default to the key)."""

    key: str
    kind: str
    question: str
    short: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        words = self.key.replace("_", " ")
        if not self.short:
            object.__setattr__(self, "short", words)
        if not self.label:
            object.__setattr__(self, "label", words)


@dataclass(frozen=True)
class Instrument:
    """A support instrument: its ``name`` (the ``instrument`` column of the support table), its
    ``items`` in order, and the ``source`` it follows.

    An instrument named ``""`` (read from a file without an ``instrument`` column) matches
    support rows by item alone, whatever their ``instrument`` column says; a support row that
    names no instrument belongs to any instrument that declares its item.

    Examples
    --------
    >>> SELF_CHECK.name, len(SELF_CHECK.items), SELF_CHECK.kinds
    ('self-check', 6, ('instrumental', 'psychosocial'))
    >>> KRAM.item("coaching").kind
    'instrumental'
    """

    name: str
    items: tuple[SupportItem, ...]
    source: str = ""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.items:
            if item.kind not in ITEM_KINDS:
                raise NetkitError(f"instrument {self.name!r}: item {item.key!r} has kind {item.kind!r}; a kind is one of "
                                  f"{', '.join(ITEM_KINDS)}.")
            if item.key in seen:
                raise NetkitError(f"instrument {self.name!r}: item {item.key!r} is declared twice; keep one.")
            seen.add(item.key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.items)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds its items have, in :data:`ITEM_KINDS` order."""
        return tuple(k for k in ITEM_KINDS if any(i.kind == k for i in self.items))

    def item(self, key: str) -> SupportItem:
        for i in self.items:
            if i.key == key:
                return i
        raise NetkitError(f"{key!r} is not an item of the instrument {self.label!r}; its items are "
                          f"{', '.join(self.keys)}.")

    @property
    def label(self) -> str:
        return self.name or "declared items"

    def matches(self, instrument: object) -> bool:
        """Whether a support row with this ``instrument`` value belongs to this instrument: its own
        name, or a row that names no instrument (then its item decides)."""
        named = str(instrument if isinstance(instrument, str) else "").strip()
        return self.name == "" or named in ("", self.name)

    def table(self) -> pd.DataFrame:
        """The items as the tidy table a data package declares: instrument, item, question, kind."""
        return pd.DataFrame({"instrument": [self.name] * len(self.items), "item": list(self.keys),
                             "question": [i.question for i in self.items], "kind": [i.kind for i in self.items]})


SELF_CHECK = Instrument(
    "self-check",
    (
        SupportItem(
            "career_sounding_board", "instrumental",
            "Who is someone objective you can talk with about your development and your career?",
            "someone objective to talk career with", "career sounding board",
        ),
        SupportItem(
            "cross_boundary_influence", "instrumental",
            "Who in another department, or at another level, can help you influence decisions or get a "
            "project moving faster?",
            "help across departments and levels", "help across departments",
        ),
        SupportItem(
            "industry_peers", "instrumental",
            "Who at other organisations in your field do you swap insights and news with?",
            "peers at other organisations", "peers in other organisations",
        ),
        SupportItem(
            "outside_confidant", "psychosocial",
            "Who outside your own department could you talk to in confidence about your boss or your colleagues?",
            "a confidant outside your department", "confidant outside department",
        ),
        SupportItem(
            "similar_family_situation", "psychosocial",
            "Who is in a family or home situation like yours, so they know what your days are like?",
            "someone in a similar family situation", "similar family situation",
        ),
        SupportItem(
            "known_through_phases", "psychosocial",
            "Who has known you through several phases of your life?",
            "someone who has known you through several phases of life", "known you through life's phases",
        ),
    ),
    source="netkit's six-question self-check (its own wording; no ISEL item is used).",
)

# Kram (1985), Mentoring at Work: five career functions (instrumental) and four psychosocial ones.
KRAM = Instrument(
    "kram",
    tuple(SupportItem(key, kind, question, question, key.replace("_", " ")) for key, kind, question in (
        ("sponsorship", "instrumental", "speaks up for you where decisions are made"),
        ("exposure", "instrumental", "makes you and your work visible to people who matter"),
        ("coaching", "instrumental", "shares know-how and advice on how to get things done"),
        ("protection", "instrumental", "shields you from risks and unfair blame"),
        ("challenging_assignments", "instrumental", "gives or points you to work that stretches you"),
        ("role_modelling", "psychosocial", "shows a way of working and living you can learn from"),
        ("acceptance", "psychosocial", "accepts and confirms you, also when you fail"),
        ("counselling", "psychosocial", "helps you think through worries and doubts"),
        ("friendship", "psychosocial", "is a friend: you enjoy time together"),
    )),
    source="Kram, K. E. (1985). Mentoring at Work: career and psychosocial functions (netkit's wording).",
)

# Exchange name generators in the manner of the Northern California Community Study
# (McCallister & Fischer 1978; Fischer 1982): who would do this for you, one question per
# exchange. The wording is netkit's; the list follows published descriptions of that study and
# is not its questionnaire -- check the original before citing it as such.
EXCHANGE = Instrument(
    "exchange",
    tuple(SupportItem(key, kind, question) for key, kind, question in (
        ("house_sitting", "instrumental", "Who would look after your home if you went away for a while?"),
        ("household_help", "instrumental", "Who has helped you with a job around the house in the last three months?"),
        ("work_decisions", "instrumental", "With whom do you talk over decisions at work?"),
        ("advice", "instrumental", "Whose opinion do you seek before an important decision?"),
        ("loan", "instrumental", "Whom could you ask to lend you a larger sum of money?"),
        ("personal_worries", "psychosocial", "With whom do you talk about personal worries?"),
        ("socialising", "psychosocial", "With whom do you spend free time: a meal, a visit, an evening out?"),
        ("hobbies", "other", "With whom do you share a hobby or a pastime?"),
    )),
    source="exchange name generators after McCallister & Fischer (1978) and Fischer (1982), in netkit's words.",
)

#: The instruments netkit ships, by name.
SHIPPED: dict[str, Instrument] = {i.name: i for i in (SELF_CHECK, KRAM, EXCHANGE)}


def instruments_from_table(table: pd.DataFrame, *, label: str = "the instrument table",
                           name: str | None = None) -> list[Instrument]:
    """Instruments declared as a table: columns ``item``, ``question``, ``kind`` and optionally
    ``instrument`` (one instrument per distinct value; without it, one instrument named ``name``
    or ``""``, which matches support rows by item alone).

    Examples
    --------
    >>> t = pd.DataFrame({"instrument": ["study"] * 2, "item": ["emotional", "career_advice"],
    ...                   "question": ["Who listens?", "Who advises on your career?"],
    ...                   "kind": ["psychosocial", "instrumental"]})
    >>> [(i.name, i.keys) for i in instruments_from_table(t)]
    [('study', ('emotional', 'career_advice'))]
    """
    if not isinstance(table, pd.DataFrame):
        raise NetkitError(f"{label}: expected a table of items (a DataFrame), got {type(table).__name__}.")
    missing = [c for c in ("item", "kind") if c not in table.columns]
    if missing:
        raise NetkitError(f"{label}: the column '{missing[0]}' is missing (found {', '.join(map(str, table.columns))}); "
                          "an instrument table has the columns item, question and kind (instrumental, psychosocial "
                          "or other), and optionally instrument.")
    rows = table.reset_index(drop=True)
    names = (rows["instrument"].map(_cell) if "instrument" in rows.columns
             else pd.Series([name or ""] * len(rows), dtype=object))
    out = []
    for value in pd.unique(names):
        items = []
        for pos in map(int, (names == value).to_numpy().nonzero()[0]):
            key, kind = _cell(rows.at[pos, "item"]), _cell(rows.at[pos, "kind"]).lower()
            where = f"{label}, row {pos + 1}"
            if not key:
                raise NetkitError(f"{where}: the item is empty; give every item a name (the support table's item).")
            if kind not in ITEM_KINDS:
                raise NetkitError(f"{where}: item {key!r} has kind {kind or 'blank'!r}; write one of "
                                  f"{', '.join(ITEM_KINDS)}.")
            question = _cell(rows.at[pos, "question"]) if "question" in rows.columns else ""
            items.append(SupportItem(key, kind, question or key.replace("_", " ")))
        out.append(Instrument(str(value), tuple(items), source=label))
    return out


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def instrument(spec: "str | Path | Instrument | pd.DataFrame") -> list[Instrument]:
    """Resolve what a person passes as ``instrument=`` into instruments.

    A shipped name (``"self-check"``, ``"kram"``, ``"exchange"``), an :class:`Instrument`, a
    table (see :func:`instruments_from_table`) or the path of a CSV file with columns ``item``,
    ``question``, ``kind`` (and optionally ``instrument``).

    Examples
    --------
    >>> [i.name for i in instrument("kram")]
    ['kram']
    """
    if isinstance(spec, Instrument):
        return [spec]
    if isinstance(spec, pd.DataFrame):
        return instruments_from_table(spec)
    if isinstance(spec, (list, tuple)):
        return [i for s in spec for i in instrument(s)]
    if isinstance(spec, str) and spec in SHIPPED:
        return [SHIPPED[spec]]
    if isinstance(spec, (str, Path)) and (Path(spec).suffix.lower() in (".csv", ".tsv", ".txt") or Path(spec).exists()):
        from .io.text import check_input_file, read_table

        path = Path(spec).expanduser()
        check_input_file(path)
        table, _ = read_table(path)
        return instruments_from_table(table, label=str(spec))
    raise NetkitError(f"instrument={spec!r} is not an instrument; use one of {', '.join(SHIPPED)}, a CSV file with "
                      "the columns item, question and kind, or a table of those columns.")


def declared_items(instruments: Iterable[Instrument]) -> set[tuple[str, str]]:
    """``(instrument, item)`` pairs the instruments declare (``""`` as instrument: any)."""
    return {(i.name, k) for i in instruments for k in i.keys}


def instruments_for(extra: dict, instrument=None) -> list[Instrument]:
    """The instruments to read a network's support table with: ``instrument`` as given; else the
    study's declared items (``extra['instrument']``); else the shipped instruments the support
    table names; else the six-question self-check."""
    if instrument is not None:
        return globals()["instrument"](instrument)
    declared = extra.get("instrument")
    if declared is not None:
        return instruments_from_table(declared, label="the data's instrument table")
    support = extra.get("support")
    names: set[str] = set()
    if support is not None and "instrument" in support.columns:
        names = {str(v).strip() for v in pd.unique(support["instrument"].dropna())}
    return [SHIPPED[n] for n in SHIPPED if n in names] or [SELF_CHECK]


def one_instrument(extra: dict, instrument=None) -> Instrument:
    """The one instrument a participant's self-assessment is scored with: as given, else the
    self-check when the data use it (or nothing yet), else the first one the data declare or name.
    Kram's functions, asked per person, are scored on their own (``kram_table``) and never chosen here."""
    found = instruments_for(extra, instrument)
    if instrument is None:
        names = [i.name for i in found]
        if "self-check" in names or names == ["kram"]:
            return SELF_CHECK
        found = [i for i in found if i.name != "kram"] or found
    if len(found) > 1 and instrument is not None:
        raise NetkitError(f"instrument= names {len(found)} instruments ({', '.join(repr(i.label) for i in found)}); "
                          "a self-assessment is scored with one: pick one of them.")
    return found[0]
