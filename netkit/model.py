"""The data model: one ego network, a collection of them, and a whole network.

A collection is three tidy tables keyed by ego id (egor's ego / alter / alter-tie layout), so
results move to R without conversion. Every reader ends in :func:`make_collection`, the one
place where tables are typed and checked.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from .errors import NetkitError, Origin
from .schema import (ALTER_ATTRIBUTES, DEFAULT_SCALES, ITEM_COLUMNS, MISSING_WORDS, TIE_WEIGHT, Attribute, BadScale,
                     BadValue, Scale, parse_scale, parse_value, scale_attribute)

__all__ = [
    "ALTER_ATTRIBUTES",
    "Attribute",
    "DUPLICATES",
    "alter_attributes",
    "declared_scales",
    "prepare",
    "scales_of",
    "tie_types",
    "EgoCollection",
    "EgoNetwork",
    "WholeNetwork",
    "as_collection",
    "make_collection",
    "pair_key",
    "select_ego",
    "trim_ids",
    "typed_column",
]


def _first_bad(mask: pd.Series) -> int:
    return int(np.flatnonzero(np.asarray(mask, dtype=bool))[0])


def typed_column(values: pd.Series, name: str, attr: Attribute, origin: Origin, item: str | None = None) -> pd.Series:
    """Convert one attribute column to its declared type, or say which cell is wrong.

    Each distinct value is checked once with :func:`netkit.schema.parse_value` (the validator the
    workspace uses too); the first bad one, in row order, is named with its line. For a column of a
    tie-strength ``item``, a value off the scale is reported with the range of the whole column and
    the ways to declare the scale the survey used.
    """
    if attr.kind == "text":
        return values
    parsed = {}
    for value in pd.unique(values[values.notna()]):
        try:
            parsed[value] = parse_value(value, attr)
        except BadValue as exc:
            fix = _scale_fix(values, item, attr) if item and attr.kind in ("scale", "bool") else attr.fix
            raise origin.error(f"{exc}; {fix}.", position=_first_bad(values == value), column=name) from None
    out = values.map(parsed, na_action="ignore")
    if attr.kind in ("scale", "bool"):  # whole numbers stay whole (4, not 4.0); blanks stay blank
        return out.astype("Int64")
    if attr.kind == "number":
        return out.astype(float)
    return out.astype(object).where(out.notna(), None)


def _scale_fix(values: pd.Series, item: str, attr: Attribute) -> str:
    """How to fix a value off an item's scale: the whole column's range and the ways to declare a scale."""
    numbers = pd.to_numeric(values.astype("string").str.strip().str.replace(",", ".", regex=False), errors="coerce")
    numbers = numbers[np.isfinite(numbers.to_numpy(dtype=float, na_value=np.nan))]
    if numbers.empty:
        return attr.fix
    lo, hi = float(numbers.min()), float(numbers.max())
    low = min(lo, attr.low if attr.low is not None else lo)
    return (f"the column runs from {lo:g} to {hi:g}: correct the value, or declare the scale your survey used "
            f"with scales={{'{item}': ({low:g}, {hi:g})}} (nk.read and every measure), --scale {item}={low:g}-{hi:g} "
            "on the command line, or a datapackage.json beside the data")


def declared_scales(scales) -> dict[str, Scale]:
    """Declared scales checked: item → :class:`~netkit.schema.Scale` from pairs, dicts or text.

    >>> declared_scales({"closeness": (1, 5)})
    {'closeness': Scale(low=1.0, high=5.0, reverse=False)}
    """
    if scales is None:
        return {}
    if not isinstance(scales, Mapping):
        raise NetkitError(f"scales must be a dict such as {{'closeness': (1, 5)}}, got {type(scales).__name__}.")
    out = {}
    for item, value in scales.items():
        if item not in ITEM_COLUMNS:
            raise NetkitError(f"scales has an unknown item {item!r}; items are {', '.join(ITEM_COLUMNS)}.")
        try:
            out[item] = parse_scale(value)
        except BadScale as exc:
            raise NetkitError(f"scales[{item!r}] is {value!r}; {exc}.") from None
        if item == "years_known" and out[item].low < 0:
            raise NetkitError(f"scales['years_known'] is {value!r}; years known start at 0 or more.")
    return out


def alter_attributes(scales: Mapping[str, Scale] | None = None) -> dict[str, Attribute]:
    """The alters columns with a declared meaning, each item's columns checked on its declared scale."""
    attrs = dict(ALTER_ATTRIBUTES)
    for item, scale in (scales or {}).items():
        for column in ITEM_COLUMNS[item]:
            attrs[column] = scale_attribute(item, scale)
    return attrs


def item_of(column: str) -> str | None:
    """The tie-strength item an alters column belongs to (``support_given`` → ``services``)."""
    return next((item for item, cols in ITEM_COLUMNS.items() if column in cols), None)


def scales_of(net, scales=None) -> dict[str, Scale]:
    """Every item's scale for ``net``: the defaults, then the network's declared ones, then ``scales``."""
    out = dict(DEFAULT_SCALES)
    out.update(getattr(net, "scales", None) or {})
    out.update(declared_scales(scales))
    return out


ID_COLUMNS = ("ego_id", "alter_id", "source", "target")


def trim_ids(df: pd.DataFrame | None, label: str, warnings: list[str] | None) -> pd.DataFrame | None:
    """Ids with spaces before or after them are trimmed ('A ' and 'A' are one person), with a warning.

    A space nobody can see would otherwise make two people of one, or a tie to someone "missing".
    Every ego reader goes through :func:`make_collection`, which calls this; edge lists call it too.
    """
    if df is None:
        return None
    trimmed = []
    for c in ID_COLUMNS:
        if c in df.columns and (df[c].dtype == object or pd.api.types.is_string_dtype(df[c])):
            text = df[c].str.strip()
            text = text.where(text.notna(), df[c])  # numbers and blanks stay as they are
            if not text.equals(df[c]):
                df = df.assign(**{c: text})
                trimmed.append(c)
    if trimmed and warnings is not None:
        warnings.append(f"{label}: spaces before or after some ids ({', '.join(trimmed)}) were removed; "
                        "'A ' and 'A' are the same person.")
    return df


def _require(df: pd.DataFrame, columns: list[str], origin: Origin, hint: str = "") -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        found = ", ".join(map(str, df.columns)) or "no columns"
        raise NetkitError(
            f"{origin.label}: required column '{missing[0]}' is missing (found {found}); "
            f"add it{hint}, or pass columns={{'your name': '{missing[0]}'}} to nk.read."
        )


def _check_ids(df: pd.DataFrame, column: str, origin: Origin) -> None:
    ids = df[column]
    empty = ids.isna() | (ids.astype("string").str.strip() == "")
    if empty.any():
        raise origin.error("the id is empty; every row needs an id.", position=_first_bad(empty), column=column)


def _as_text_ids(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    df = df.copy()
    for c in columns:
        df[c] = df[c].astype(object).map(lambda v: v if isinstance(v, str) else _id_text(v)).astype(object)
    return df


def _id_text(v) -> str | None:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():  # ids typed as numbers in a spreadsheet
        return str(int(v))
    return str(v)


#: What a reader does with a pair of people listed twice (see :func:`dedupe_ties`).
DUPLICATES = ("max", "sum", "first", "error")


def make_collection(
    egos: pd.DataFrame | None,
    alters: pd.DataFrame,
    ties: pd.DataFrame | None,
    *,
    origins: Mapping[str, Origin],
    directed: bool = False,
    source: str = "",
    format: str = "",
    extra: Mapping[str, pd.DataFrame] | None = None,
    warnings: list[str] | None = None,
    scales: Mapping | None = None,
    missing: tuple | None = None,
    duplicates: str = "max",
) -> "EgoCollection":
    """Type and check the three tables once, and return a collection.

    ``alters`` must have ``ego_id`` and ``alter_id``; ``ties`` ``ego_id``, ``source`` and
    ``target``; ``egos`` ``ego_id``. ``origins`` names where each table came from ("egos",
    "alters", "ties") so that errors point at the right file and line. ``scales`` declares the
    range of tie-strength items (``{"closeness": (1, 5)}``), ``missing`` the cell texts that mean
    "not known" (default: the empty cell and ``NA``), ``duplicates`` what a pair listed twice
    becomes (:data:`DUPLICATES`).
    """
    warnings = list(warnings or [])
    declared = declared_scales(scales)
    if duplicates not in DUPLICATES:
        raise NetkitError(f"duplicates={duplicates!r} is not a rule; use one of {', '.join(map(repr, DUPLICATES))}.")
    a_origin, t_origin = origins["alters"], origins.get("ties", Origin("ties"))
    words = MISSING_WORDS if missing is None else tuple(missing)
    alters = blank_missing(trim_ids(alters, a_origin.label, warnings), words)
    egos = blank_missing(trim_ids(egos, origins.get("egos", Origin("egos")).label, warnings), words)
    ties = blank_missing(trim_ids(ties, t_origin.label, warnings), words)
    alters = _checked_alters(alters, a_origin, declared)
    egos = _checked_egos(egos, alters, origins.get("egos", Origin("egos")), a_origin)
    ties = _checked_ties(ties, alters, t_origin, a_origin, several=egos.shape[0] > 1)
    warnings += _tie_warnings(ties, t_origin, directed)
    ties, said = dedupe_ties(ties, directed, duplicates, t_origin)
    warnings += said
    return EgoCollection(
        egos=egos, alters=alters, ties=ties, directed=directed, source=source, format=format,
        extra=dict(extra or {}), warnings=warnings, scales=declared,
    )


_NEVER_MISSING = frozenset({"ego_id", "alter_id", "source", "target", "name", "networkCanvasEgoUUID"})


def blank_missing(df: pd.DataFrame | None, words: tuple) -> pd.DataFrame | None:
    """Cells whose text is one of ``words`` (the missing-value codes) become blank, in every column but ids and names.

    >>> table = blank_missing(pd.DataFrame({"alter_id": ["NA"], "sex": ["NA"], "age": [-99]}), ("", "NA", "-99"))
    >>> table["alter_id"].tolist(), table["sex"].isna().all(), table["age"].isna().all()
    (['NA'], np.True_, np.True_)
    """
    if df is None or not len(words):
        return df
    codes = {str(w).strip() for w in words}
    numbers = set()
    for w in codes:
        try:
            numbers.add(float(w.replace(",", ".")))
        except ValueError:
            pass
    changed = {}
    for c in df.columns:
        if c in _NEVER_MISSING:
            continue
        col = df[c]
        if col.dtype.kind in "biuf":
            hit = col.isin(numbers).to_numpy() if numbers else None
        elif col.dtype == object or pd.api.types.is_string_dtype(col):
            text = col.astype("string").str.strip()
            hit = (text.isin(codes) & col.notna()).to_numpy(dtype=bool)
        else:
            hit = None
        if hit is not None and hit.any():
            changed[c] = col.mask(hit)
    return df.assign(**changed) if changed else df


def _checked_alters(alters: pd.DataFrame, a_origin: Origin, scales: Mapping[str, Scale] | None = None) -> pd.DataFrame:
    _require(alters, ["ego_id", "alter_id"], a_origin)
    alters = _as_text_ids(alters.reset_index(drop=True), ["ego_id", "alter_id"])
    _check_ids(alters, "ego_id", a_origin)
    _check_ids(alters, "alter_id", a_origin)
    dup = alters.duplicated(["ego_id", "alter_id"])
    if dup.any():
        i = _first_bad(dup)
        e, a = alters.at[i, "ego_id"], alters.at[i, "alter_id"]
        raise a_origin.error(
            f"alter id '{a}' appears twice for ego '{e}'; give each person their own id.",
            position=i,
            column="alter_id",
        )
    for name, attr in alter_attributes(scales).items():
        if name in alters.columns:
            alters[name] = typed_column(alters[name], name, attr, a_origin, item=item_of(name))
    return alters


def _checked_egos(egos: pd.DataFrame | None, alters: pd.DataFrame, e_origin: Origin, a_origin: Origin) -> pd.DataFrame:
    if egos is None:
        return pd.DataFrame({"ego_id": pd.unique(alters["ego_id"])})
    _require(egos, ["ego_id"], e_origin)
    egos = _as_text_ids(egos.reset_index(drop=True), ["ego_id"])
    _check_ids(egos, "ego_id", e_origin)
    dup = egos.duplicated("ego_id")
    if dup.any():
        i = _first_bad(dup)
        raise e_origin.error(
            f"ego id '{egos.at[i, 'ego_id']}' appears twice; give each ego its own id.",
            position=i, column="ego_id",
        )
    unknown = ~alters["ego_id"].isin(egos["ego_id"])
    if unknown.any():
        i = _first_bad(unknown)
        raise a_origin.error(
            f"ego id '{alters.at[i, 'ego_id']}' is not in {e_origin.label}; "
            "add that ego there or correct the id.",
            position=i, column="ego_id",
        )
    return egos


def _checked_ties(ties: pd.DataFrame | None, alters: pd.DataFrame, t_origin: Origin, a_origin: Origin, *,
                  several: bool) -> pd.DataFrame:
    if ties is None:
        ties = pd.DataFrame({"ego_id": pd.Series(dtype=object), "source": pd.Series(dtype=object),
                             "target": pd.Series(dtype=object)})
    _require(ties, ["ego_id", "source", "target"], t_origin)
    ties = _as_text_ids(ties.reset_index(drop=True), ["ego_id", "source", "target"])
    for c in ("ego_id", "source", "target"):
        _check_ids(ties, c, t_origin)
    known = pd.MultiIndex.from_frame(alters[["ego_id", "alter_id"]])
    for end in ("source", "target"):
        missing = ~pd.MultiIndex.from_arrays([ties["ego_id"], ties[end]]).isin(known)
        if missing.any():
            i = _first_bad(pd.Series(missing))
            who = f" of ego '{ties.at[i, 'ego_id']}'" if several else ""
            raise t_origin.error(
                f"'{ties.at[i, end]}' is not one of the people{who} in {a_origin.label}; "
                "add them there or correct the spelling.",
                position=i, column=end,
            )
    if "weight" in ties.columns:
        ties["weight"] = typed_column(ties["weight"], "weight", TIE_WEIGHT, t_origin)
    return ties


def _tie_warnings(ties: pd.DataFrame, t_origin: Origin, directed: bool) -> list[str]:
    out = []
    loops = ties["source"] == ties["target"]
    if loops.any():
        out.append(
            f"{t_origin.at(_first_bad(loops))}: {int(loops.sum())} tie(s) join a person to themselves; "
            "they are kept in the table but left out of graphs and counts."
        )
    return out + several_types(ties, t_origin.label)


def several_types(ties: pd.DataFrame, label: str) -> list[str]:
    """The one line saying that ties of several types are merged unless one is chosen (or nothing)."""
    kinds = pd.unique(ties["tie_type"].dropna()) if "tie_type" in ties.columns else []
    if len(kinds) < 2:
        return []
    shown = ", ".join(map(str, kinds[:6])) + (", …" if len(kinds) > 6 else "")
    return [f"{label}: the ties are of {len(kinds)} types ({shown}); every measure merges them unless you choose "
            "with tie_type= (--tie-type on the command line)."]


_KEPT = {"max": "the row with the largest weight", "sum": "one row with the weights added up",
         "first": "the first row"}


def dedupe_ties(ties: pd.DataFrame, directed: bool, rule: str, origin: Origin) -> tuple[pd.DataFrame, list[str]]:
    """One row per pair of people (and tie type): the rule says which row a pair listed twice keeps.

    ``"max"`` keeps the row with the largest ``weight`` (the first row without a weight column),
    ``"sum"`` keeps the first row with the weights added up, ``"first"`` the first row, and
    ``"error"`` refuses the table. Undirected ties A–B and B–A are one pair. Self-loops are left
    as they are. Returns the table and a warning that counts the repeated pairs, how many of them
    had rows that disagreed, and what was kept.

    >>> t = pd.DataFrame({"ego_id": ["e"] * 3, "source": ["a", "b", "a"], "target": ["b", "a", "c"], "weight": [1.0, 3.0, 2.0]})
    >>> kept, said = dedupe_ties(t, False, "max", Origin("ties.csv"))
    >>> kept["weight"].tolist(), said[0].split(": ", 1)[1]
    ([3.0, 2.0], "1 pair is listed more than once (A–B and B–A are one tie), 1 of them with rows that disagree (weight); each keeps the row with the largest weight (duplicates='max').")
    """
    if ties.empty:
        return ties, []
    group = pair_groups(pair_codes(ties, directed))
    loop = (ties["source"] == ties["target"]).to_numpy(dtype=bool)
    group = np.where(loop, group.max() + 1 + np.arange(len(group)), group)  # each self-loop stays as it is
    first = np.zeros(len(group), dtype=bool)
    first[np.unique(group, return_index=True)[1]] = True
    if first.all():
        return ties, []
    first_dup = _first_bad(~first)
    if rule == "error":
        e, s, t = (ties[c].iloc[first_dup] for c in ("ego_id", "source", "target"))
        raise origin.error(f"the tie {s}–{t} of ego '{e}' is listed again; remove the repeat, or choose what to "
                           "keep with duplicates='max', 'sum' or 'first' (--duplicates).", position=first_dup)
    dup = np.bincount(group)[group] > 1
    pairs = int(len(np.unique(group[dup])))
    values = [c for c in ties.columns if c not in ("ego_id", "source", "target")]
    differ_cols, differ = [], 0
    if values:
        by = ties.loc[dup, values].astype("string").fillna("\0").groupby(group[dup]).nunique()
        differ = int((by > 1).any(axis=1).sum())
        differ_cols = [c for c in values if (by[c] > 1).any()]
    has_weight = "weight" in ties.columns and rule in ("max", "sum")
    out = ties.reset_index(drop=True)
    keep_rows = np.flatnonzero(first)
    if rule == "max" and has_weight:
        heaviest = np.lexsort((np.arange(len(out)), -out["weight"].astype(float).fillna(-np.inf).to_numpy(), group))
        keep_rows = np.sort(heaviest[np.unique(group[heaviest], return_index=True)[1]])
    kept = out.iloc[keep_rows].copy()
    if rule == "sum" and has_weight:
        totals = out["weight"].astype(float).groupby(group).sum(min_count=1)
        kept["weight"] = totals.reindex(group[keep_rows]).to_numpy()
    what = _KEPT[rule] if has_weight or rule == "first" else "the first row (there is no weight column)"
    agree = (f", {differ} of them with rows that disagree ({', '.join(differ_cols)})" if differ
             else ", all with the same values")
    said = (f"{origin.at(first_dup)}: {pairs} {'pair is' if pairs == 1 else 'pairs are'} listed more than once"
            f"{'' if directed else ' (A–B and B–A are one tie)'}{agree}; each keeps {what} (duplicates={rule!r}).")
    return kept.reset_index(drop=True), [said]


def pair_codes(ties: pd.DataFrame, directed: bool) -> np.ndarray:
    """Each tie's pair as integer codes, one row per tie: ego, first end, second end (in order when
    undirected) and, where the ties have one, the tie type. Equal rows are the same pair."""
    m = len(ties)
    ends, _ = pd.factorize(np.concatenate([ties["source"].to_numpy(dtype=object), ties["target"].to_numpy(dtype=object)]))
    a, b = ends[:m], ends[m:]
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    columns = [pd.factorize(ties["ego_id"].to_numpy(dtype=object))[0], a, b]
    if "tie_type" in ties.columns:
        columns.append(pd.factorize(ties["tie_type"].astype("string").fillna("").to_numpy(dtype=object))[0])
    return np.stack(columns, axis=1).astype(np.int64)


def pair_groups(codes: np.ndarray) -> np.ndarray:
    """A group number per row: rows with equal codes (the same pair) share one, numbered by first row."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((np.arange(len(codes)), *codes.T[::-1]))
    ordered = codes[order]
    new = np.ones(len(codes), dtype=bool)
    new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    sorted_group = np.cumsum(new) - 1
    group = np.empty(len(codes), dtype=np.int64)
    group[order] = sorted_group
    return group


def pair_key(ties: pd.DataFrame, directed: bool) -> pd.DataFrame:
    """One row per tie naming its pair: ``e`` (ego id), ``a``, ``b`` (the ends, in order when undirected)."""
    s, t = ties["source"].astype(str), ties["target"].astype(str)
    if directed:
        return pd.DataFrame({"e": ties["ego_id"], "a": s, "b": t})
    first = s.where(s <= t, t)
    second = t.where(s <= t, s)
    return pd.DataFrame({"e": ties["ego_id"], "a": first, "b": second})


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts without missing values (graph attributes must not be NaN)."""
    cols = list(df.columns)
    out = []
    for row in df.itertuples(index=False, name=None):
        out.append({c: v for c, v in zip(cols, row) if not (v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA)})
    return out


#: Extra tables that belong to one ego (given an ``ego_id`` when a network becomes a collection);
#: others, such as a study's ``instrument``, hold the same rows for every ego.
_EGO_TABLES = frozenset({"support", "ledger", "plan"})


@dataclass(frozen=True)
class EgoNetwork:
    """One person's network: the ego, the alters (their contacts) and who knows whom.

    ``alters`` has one row per alter (``alter_id`` first, then attributes); ``ties`` one row per
    alter–alter tie (``source``, ``target``, attributes). ``ego`` holds the ego's attributes.
    The network is frozen: make a changed copy with ``dataclasses.replace(net, alters=...)``.
    """

    ego_id: str
    ego: dict
    alters: pd.DataFrame
    ties: pd.DataFrame
    directed: bool = False
    source: str = ""
    format: str = ""
    extra: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    ego_node: str | None = None
    scales: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.ego_node is None:
            taken = set(self.alters["alter_id"])
            node = "ego"
            while node in taken:
                node += "_"
            object.__setattr__(self, "ego_node", node)

    @property
    def size(self) -> int:
        """Number of alters."""
        return len(self.alters)

    @property
    def name(self) -> str:
        return str(self.ego.get("name") or self.ego_id)

    def graph(self, include_ego: bool = True) -> nx.Graph:
        """The network as a networkx graph: alters (and the ego, marked ``is_ego``) as nodes.

        Node ids are alter ids; every alter attribute is a node attribute. Ego–alter edges
        carry the alter's attributes too, since closeness and frequency describe that tie.
        Ties joining a person to themselves are left out.
        """
        G = nx.DiGraph() if self.directed else nx.Graph()
        attrs = _records(self.alters)
        G.add_nodes_from((a["alter_id"], a) for a in attrs)
        ties = self.ties[self.ties["source"] != self.ties["target"]]
        G.add_edges_from(
            (r["source"], r["target"], {k: v for k, v in r.items() if k not in ("source", "target", "ego_id")})
            for r in _records(ties)
        )
        if include_ego:
            G.add_node(self.ego_node, is_ego=True, **{k: v for k, v in self.ego.items() if k != "ego_id"})
            for a in attrs:
                edge = {k: v for k, v in a.items() if k not in ("alter_id", "ego_id", "name")}
                G.add_edge(self.ego_node, a["alter_id"], **edge)
                if self.directed:
                    G.add_edge(a["alter_id"], self.ego_node, **edge)
        return G

    def as_collection(self) -> "EgoCollection":
        """This one network as a collection of one (the three tables keyed by ``ego_id``)."""
        ego = {"ego_id": self.ego_id, **{k: v for k, v in self.ego.items() if k != "ego_id"}}
        return EgoCollection(
            egos=pd.DataFrame([ego]),
            alters=self.alters.assign(ego_id=self.ego_id)[["ego_id", *self.alters.columns.drop("ego_id", errors="ignore")]],
            ties=self.ties.assign(ego_id=self.ego_id)[["ego_id", *self.ties.columns.drop("ego_id", errors="ignore")]],
            directed=self.directed, source=self.source, format=self.format,
            extra={k: v.assign(ego_id=self.ego_id) if "ego_id" in v.columns or k in _EGO_TABLES else v
                   for k, v in self.extra.items()},
            warnings=list(self.warnings), scales=dict(self.scales),
        )

    def __repr__(self) -> str:
        return f"<EgoNetwork ego={self.ego_id!r}: {self.size} alters, {len(self.ties)} ties>"


@dataclass(frozen=True)
class EgoCollection:
    """Many ego networks as three tidy tables keyed by ``ego_id``; iterate for one at a time.

    The collection is frozen: make a changed copy with ``dataclasses.replace(coll, alters=...)``.
    Row positions per ego are worked out from the tables as they are, and checked on every look-up.
    """

    egos: pd.DataFrame
    alters: pd.DataFrame
    ties: pd.DataFrame
    directed: bool = False
    source: str = ""
    format: str = ""
    extra: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    scales: dict = field(default_factory=dict)
    _positions: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _rows(self, name: str, ego_id: str) -> pd.DataFrame:
        """The rows of table ``name`` that belong to ``ego_id`` (cached positions, verified)."""
        table = getattr(self, name)
        key = (id(table), id(table.index), len(table))
        cached = self._positions.get(name)
        if cached is None or cached[0] != key:
            cached = (key, table.groupby("ego_id", sort=False).indices)
            self._positions[name] = cached
        rows = table.iloc[cached[1].get(ego_id, np.array([], dtype=int))]
        if not (rows["ego_id"] == ego_id).all():  # changed in place since: work it out again
            self._positions.pop(name)
            return self._rows(name, ego_id)
        return rows

    def _ego_row(self) -> dict:
        key = (id(self.egos), id(self.egos.index), len(self.egos))
        cached = self._positions.get("egos")
        if cached is None or cached[0] != key:
            cached = (key, {e: i for i, e in enumerate(self.egos["ego_id"])})
            self._positions["egos"] = cached
        return cached[1]

    @property
    def ego_ids(self) -> list[str]:
        return list(self.egos["ego_id"])

    def __len__(self) -> int:
        return len(self.egos)

    def __iter__(self) -> Iterator[EgoNetwork]:
        for ego_id in self.ego_ids:
            yield self[ego_id]

    def __contains__(self, ego_id: object) -> bool:
        return ego_id in self._ego_row()

    def __getitem__(self, ego_id: str) -> EgoNetwork:
        row = self._ego_row().get(str(ego_id))
        if row is not None and self.egos["ego_id"].iloc[row] != str(ego_id):  # changed in place
            self._positions.pop("egos", None)
            row = self._ego_row().get(str(ego_id))
        if row is None:
            some = ", ".join(self.ego_ids[:5]) + (", …" if len(self) > 5 else "")
            raise NetkitError(f"{self.source or 'this collection'}: there is no ego '{ego_id}'; egos are {some}.")
        ego = _records(self.egos.iloc[[row]])[0]
        alters = self._rows("alters", ego["ego_id"]).drop(columns="ego_id")
        ties = self._rows("ties", ego["ego_id"]).drop(columns="ego_id")
        extra = {
            k: v[v["ego_id"] == ego["ego_id"]].drop(columns="ego_id") if "ego_id" in v.columns else v
            for k, v in self.extra.items()
        }
        return EgoNetwork(
            ego_id=ego["ego_id"], ego=ego, alters=alters.reset_index(drop=True),
            ties=ties.reset_index(drop=True), directed=self.directed, source=self.source,
            format=self.format, extra=extra, warnings=list(self.warnings), scales=dict(self.scales),
        )

    def as_collection(self) -> "EgoCollection":
        """The collection itself (so any ego network answers ``as_collection()``)."""
        return self

    def __repr__(self) -> str:
        return f"<EgoCollection: {len(self)} egos, {len(self.alters)} alters, {len(self.ties)} ties>"


class _LazyGraph:
    """``WholeNetwork.G``: the graph given, or built from the edge list the first time it is asked for."""

    def __get__(self, net, owner=None):
        if net is None:
            return None  # the dataclass default
        if net.__dict__.get("_G") is None and net.__dict__.get("edges") is not None:
            net.__dict__["_G"] = _edge_list_graph(net.edges, net.__dict__.get("edges_directed", False))
        return net.__dict__.get("_G")

    def __set__(self, net, G) -> None:
        net.__dict__["_G"] = G


@dataclass
class WholeNetwork:
    """A whole (sociocentric) network: a networkx graph whose node ids are text.

    Read from an edge list, it keeps the list (``edges``: ``source``, ``target`` and the edge
    attributes, one row per pair) and builds the networkx graph ``G`` only when something asks for
    it: the vectorised measures work on the list itself, so a million-edge file is read in seconds.
    """

    G: nx.Graph | None = None
    source: str = ""
    format: str = ""
    warnings: list = field(default_factory=list)
    edges: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    edges_directed: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.__dict__.get("_G") is not None:
            self.edges = None  # a graph given (also through dataclasses.replace) is the network
        elif self.edges is None:
            raise TypeError("WholeNetwork needs a graph G or an edge list edges=")

    @property
    def built(self) -> bool:
        """Whether the networkx graph exists yet (else the measures read :attr:`edges`)."""
        return self.__dict__.get("_G") is not None

    @property
    def directed(self) -> bool:
        return self.G.is_directed() if self.built else self.edges_directed

    def graph(self) -> nx.Graph:
        return self.G

    def ego_network(self, node: str) -> EgoNetwork:
        """Cut out the ego network of ``node``: its neighbours and the ties among them."""
        node = str(node)
        if node not in self.G:
            raise NetkitError(f"{self.source or 'this network'}: there is no node '{node}'; check the id.")
        if self.directed:
            near = set(self.G.successors(node)) | set(self.G.predecessors(node))
        else:
            near = set(self.G.neighbors(node))
        near.discard(node)
        order = [n for n in self.G if n in near]  # keep the graph's node order
        alters = pd.DataFrame([{"alter_id": n, **self.G.nodes[n]} for n in order], columns=None)
        if alters.empty:
            alters = pd.DataFrame({"alter_id": pd.Series(dtype=object)})
        sub = self.G.subgraph(order)
        ties = pd.DataFrame(
            [{"source": u, "target": v, **d} for u, v, d in sub.edges(data=True) if u != v],
            columns=None,
        )
        if ties.empty:
            ties = pd.DataFrame({"source": pd.Series(dtype=object), "target": pd.Series(dtype=object)})
        return EgoNetwork(
            ego_id=node, ego={"ego_id": node, **self.G.nodes[node]}, alters=alters, ties=ties,
            directed=self.directed, source=self.source, format=self.format, ego_node=node,
        )

    def __repr__(self) -> str:
        kind = "directed" if self.directed else "undirected"
        if not self.built:  # without building the graph: the people listed and the distinct pairs
            e = self.edges
            nodes = len(pd.unique(np.concatenate([e["source"].to_numpy(dtype=object), e["target"].to_numpy(dtype=object)])))
            pairs = len(np.unique(pair_groups(pair_codes(e[["source", "target"]].assign(ego_id=""), self.directed))))
            return f"<WholeNetwork ({kind}): {nodes} nodes, {pairs} edges>"
        return f"<WholeNetwork ({kind}): {self.G.number_of_nodes()} nodes, {self.G.number_of_edges()} edges>"


WholeNetwork.G = _LazyGraph()


def _edge_list_graph(edges: pd.DataFrame, directed: bool) -> nx.Graph:
    """A networkx graph from an edge list (``source``, ``target``, attributes; blanks left out)."""
    G = nx.DiGraph() if directed else nx.Graph()
    if "tie_type" in edges.columns:  # a pair of several types is one edge of the graph: its first listing,
        first = np.zeros(len(edges), dtype=bool)  # as in the measures' frame
        first[np.unique(pair_groups(pair_codes(edges.assign(ego_id="").drop(columns="tie_type"), directed)),
                        return_index=True)[1]] = True
        edges = edges[first]
    sources, targets = edges["source"].tolist(), edges["target"].tolist()  # plain lists: quick to walk
    attrs = [c for c in edges.columns if c not in ("source", "target")]
    if attrs:
        records = edges[attrs].to_dict("records")
        G.add_edges_from((s, t, {k: v for k, v in a.items() if not (v is None or v is pd.NA or (isinstance(v, float)
                                                                                               and np.isnan(v)))})
                         for s, t, a in zip(sources, targets, records))
    else:
        G.add_edges_from(zip(sources, targets))
    return G


def as_collection(net: "EgoNetwork | EgoCollection | WholeNetwork") -> EgoCollection:
    """Any ego network as a collection (one ego network becomes a collection of one).

    A whole network has no ego tables: say which ego to cut from it first (``select_ego``).
    """
    if isinstance(net, (EgoNetwork, EgoCollection)):
        return net.as_collection()
    if isinstance(net, WholeNetwork):
        raise NetkitError(
            f"{net.source or 'this'} is a whole network, not ego networks; cut one out with ego= "
            "(--ego on the command line), or write it as GraphML (format='graphml')."
        )
    raise NetkitError(f"expected a network from nk.read or nk.load_sample, got {type(net).__name__}.")


def select_ego(net, ego: str | None, *, one: bool = False, what: str = "this"):
    """Pick one ego network out of any network: the one place ``ego=`` (``--ego``) is checked.

    ``ego=None`` returns ``net`` unchanged, unless ``one`` asks for a single ego network: then a
    collection of one gives that ego, and a larger collection or a whole network is an error that
    says to pass ``ego=``. ``what`` names the step in that message ("draw", "introductions", …).
    """
    if ego is None:
        if not one or isinstance(net, EgoNetwork):
            return net
        if isinstance(net, EgoCollection):
            if len(net) == 1:
                return net[net.ego_ids[0]]
            if len(net) == 0:
                raise NetkitError(f"{net.source or 'this collection'}: has no egos, so there is nothing for {what}.")
            some = ", ".join(map(str, net.ego_ids[:5])) + (", …" if len(net) > 5 else "")
            raise NetkitError(
                f"this collection has {len(net)} egos; say which one for {what} with ego= (--ego on the command line; "
                f"one of {some})."
            )
        raise NetkitError(f"a whole network has no single ego; say whose {what} with ego= (--ego on the command line).")
    if isinstance(net, EgoCollection):
        return net[ego]
    if isinstance(net, EgoNetwork):
        if str(ego) != str(net.ego_id):
            raise NetkitError(f"this network's ego is '{net.ego_id}', not '{ego}'; leave ego= out or correct it.")
        return net
    return net.ego_network(ego)


def tie_types(net) -> list[str]:
    """The tie types a network's ties are of (the ``tie_type`` column of its ties, or edge attribute)."""
    if isinstance(net, WholeNetwork) and net.edges is None:
        return list(dict.fromkeys(str(t) for _, _, t in net.G.edges(data="tie_type") if t is not None))
    ties = net.edges if isinstance(net, WholeNetwork) else net.ties
    return [str(t) for t in pd.unique(ties["tie_type"].dropna())] if "tie_type" in ties.columns else []


def _chosen_types(net, tie_type) -> list[str]:
    chosen = [tie_type] if isinstance(tie_type, str) else list(tie_type)
    if not chosen or not all(isinstance(t, str) for t in chosen):
        raise NetkitError(f"tie_type={tie_type!r} must name a tie type, or a list of them.")
    have = tie_types(net)
    unknown = [t for t in chosen if t not in have]
    where = net.source or "this network"
    if not have:
        raise NetkitError(f"{where}: its ties have no types (no tie_type column), so tie_type={unknown[0]!r} can "
                          "choose none; leave tie_type out.")
    if unknown:
        raise NetkitError(f"{where}: has no ties of type {unknown[0]!r}; its tie types are "
                          f"{', '.join(map(repr, have))}.")
    return chosen


def prepare(net, *, tie_type=None, scales=None):
    """The network a measure works on: only the ties of ``tie_type`` (one type or a list), and
    ``scales`` declared on top of the network's own (its alters checked against them).

    Both ``None``: ``net`` itself. Every measure, summary, drawing and command calls this, so
    ``tie_type=`` and ``scales=`` mean the same everywhere.

    >>> import netkit as nk
    >>> prepare(nk.load_sample("personal"), scales={"closeness": (1, 5)}).scales["closeness"]
    Scale(low=1.0, high=5.0, reverse=False)
    """
    if tie_type is not None:
        chosen = _chosen_types(net, tie_type)
        if isinstance(net, WholeNetwork) and net.edges is not None:  # read from an edge list: filter the list
            keep = net.edges["tie_type"].astype("string").isin(chosen).fillna(False).to_numpy(dtype=bool)
            net = WholeNetwork(source=net.source, format=net.format, warnings=list(net.warnings),
                               edges=net.edges[keep].reset_index(drop=True), edges_directed=net.directed)
        elif isinstance(net, WholeNetwork):
            G = net.G.__class__()
            G.add_nodes_from(net.G.nodes(data=True))
            G.add_edges_from((u, v, d) for u, v, d in net.G.edges(data=True) if str(d.get("tie_type")) in chosen)
            net = WholeNetwork(G, source=net.source, format=net.format, warnings=list(net.warnings))
        else:
            keep = net.ties["tie_type"].astype("string").isin(chosen).fillna(False).to_numpy(dtype=bool)
            net = replace(net, ties=net.ties[keep].reset_index(drop=True),
                          warnings=[w for w in net.warnings if "tie_type=" not in w])
    if scales is not None and not isinstance(net, WholeNetwork):
        declared = {**net.scales, **declared_scales(scales)}
        origin = Origin(f"{net.source or 'this network'}, alters table", row_word="row",
                        lines=tuple(range(1, len(net.alters) + 1)))
        attrs = alter_attributes(declared)
        retyped = {c: typed_column(net.alters[c], c, attrs[c], origin, item=item_of(c))
                   for item in declared for c in ITEM_COLUMNS[item] if c in net.alters.columns}
        net = replace(net, alters=net.alters.assign(**retyped), scales=declared)
    return net
