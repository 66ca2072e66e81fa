"""The data model: one ego network, a collection of them, and a whole network.

A collection is three tidy tables keyed by ego id (egor's ego / alter / alter-tie layout), so
results move to R without conversion. Every reader ends in :func:`make_collection`, the one
place where tables are typed and checked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from .errors import NetkitError, Origin
from .schema import ALTER_ATTRIBUTES, TIE_WEIGHT, Attribute, BadValue, parse_value

__all__ = [
    "ALTER_ATTRIBUTES",
    "Attribute",
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


def typed_column(values: pd.Series, name: str, attr: Attribute, origin: Origin) -> pd.Series:
    """Convert one attribute column to its declared type, or say which cell is wrong.

    Each distinct value is checked once with :func:`netkit.schema.parse_value` (the validator the
    workspace uses too); the first bad one, in row order, is named with its line.
    """
    if attr.kind == "text":
        return values
    parsed = {}
    for value in pd.unique(values[values.notna()]):
        try:
            parsed[value] = parse_value(value, attr)
        except BadValue as exc:
            raise origin.error(f"{exc}; {attr.fix}.", position=_first_bad(values == value), column=name) from None
    out = values.map(parsed, na_action="ignore")
    if attr.kind in ("scale", "bool"):  # whole numbers stay whole (4, not 4.0); blanks stay blank
        return out.astype("Int64")
    if attr.kind == "number":
        return out.astype(float)
    return out.astype(object).where(out.notna(), None)


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
) -> "EgoCollection":
    """Type and check the three tables once, and return a collection.

    ``alters`` must have ``ego_id`` and ``alter_id``; ``ties`` ``ego_id``, ``source`` and
    ``target``; ``egos`` ``ego_id``. ``origins`` names where each table came from ("egos",
    "alters", "ties") so that errors point at the right file and line.
    """
    warnings = list(warnings or [])
    a_origin, t_origin = origins["alters"], origins.get("ties", Origin("ties"))
    alters = trim_ids(alters, a_origin.label, warnings)
    egos = trim_ids(egos, origins.get("egos", Origin("egos")).label, warnings)
    ties = trim_ids(ties, t_origin.label, warnings)
    alters = _checked_alters(alters, a_origin)
    egos = _checked_egos(egos, alters, origins.get("egos", Origin("egos")), a_origin)
    ties = _checked_ties(ties, alters, t_origin, a_origin, several=egos.shape[0] > 1)
    warnings += _tie_warnings(ties, t_origin, directed)
    return EgoCollection(
        egos=egos, alters=alters, ties=ties, directed=directed, source=source, format=format,
        extra=dict(extra or {}), warnings=warnings,
    )


def _checked_alters(alters: pd.DataFrame, a_origin: Origin) -> pd.DataFrame:
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
    for name, attr in ALTER_ATTRIBUTES.items():
        if name in alters.columns:
            alters[name] = typed_column(alters[name], name, attr, a_origin)
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
    repeated = pair_key(ties, directed).duplicated() & ~loops
    if repeated.any():
        out.append(
            f"{t_origin.at(_first_bad(repeated))}: {int(repeated.sum())} tie(s) repeat a pair already listed"
            f"{'' if directed else ' (A–B and B–A are one tie)'}; each pair is counted once."
        )
    return out


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
            extra={k: v.assign(ego_id=self.ego_id) for k, v in self.extra.items()}, warnings=list(self.warnings),
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
            format=self.format, extra=extra, warnings=list(self.warnings),
        )

    def as_collection(self) -> "EgoCollection":
        """The collection itself (so any ego network answers ``as_collection()``)."""
        return self

    def __repr__(self) -> str:
        return f"<EgoCollection: {len(self)} egos, {len(self.alters)} alters, {len(self.ties)} ties>"


@dataclass
class WholeNetwork:
    """A whole (sociocentric) network: a networkx graph whose node ids are text."""

    G: nx.Graph
    source: str = ""
    format: str = ""
    warnings: list = field(default_factory=list)

    @property
    def directed(self) -> bool:
        return self.G.is_directed()

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
        return f"<WholeNetwork ({kind}): {self.G.number_of_nodes()} nodes, {self.G.number_of_edges()} edges>"


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
