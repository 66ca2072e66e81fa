"""Measures over many egos at once: the per-ego summary and the per-alter table, on any executor.

Everything comes from grouped table operations and one block-diagonal sparse graph, not a
loop over egos, so a survey of thousands of ego networks is summarised in one pass. For more,
:mod:`netkit.chunks` cuts the egos into chunks and runs them on any ``concurrent.futures``
executor. Every per-ego number here depends on that ego's rows only, in their order, so the
result is the same, to the last bit, whichever executor and chunk size ran it.
"""
from __future__ import annotations

import math
import warnings
from concurrent.futures import Executor
from dataclasses import replace

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from .arguments import check_threshold, renamed_keywords
from .chunks import run_chunks, warn_once
from .communities import graph_clusters
from .errors import NetkitError
from .frame import as_network, graph_frame
from .holes import burt_measures, mutual_weights
from .model import EgoCollection, EgoNetwork, WholeNetwork, as_collection, pair_key, prepare, scales_of, select_ego
from .schema import STRENGTH_COLUMNS
from .ties import LAYERS, dunbar_layers, item_weights, tie_class, tie_strength

__all__ = ["summarize", "composition", "alter_table", "ALTER_COLUMNS"]

BASIC = ["ego_id", "size", "alter_ties"]
STRUCTURE = ["density", "density_with_ego", "constraint", "effective_size", "efficiency", "hierarchy",
             "components", "isolates", "mean_strength", "weak_share"]
GROUP = ["ei_index", "blau", "iqv"]


@renamed_keywords(weights="strength")
def summarize(
    net: EgoNetwork | EgoCollection | WholeNetwork,
    *,
    ego: str | None = None,
    weight: str | None = None,
    group: str | None = None,
    strength="equal",
    threshold: float = 0.5,
    categories: int | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunk_size: int | None = None,
    scales=None,
    tie_type: str | list[str] | None = None,
) -> pd.DataFrame:
    """One row per ego: size, ties, density, structural holes, tie strength and composition.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        For a whole network every node is an ego (only ``ego_id``, ``size`` and ``alter_ties``).
    ego : str, optional
        Only this ego's row (for a whole network: the full row of that node's ego network).
    weight : str, optional
        Tie weight column for the structural-hole measures (see :func:`netkit.structural_holes`).
    group : str, optional
        Alter attribute for the composition columns ``ei_index``, ``blau`` and ``iqv``.
    strength, threshold
        Tie strength preset (or item weights) and the strong-tie threshold (see
        :func:`netkit.tie_strength`). ``strength=`` was ``weights=`` before netkit 0.2; the old
        name still works, with a FutureWarning.
    categories : int, optional
        Number of possible categories of ``group`` for the IQV; by default the number of
        distinct values seen in the whole collection.
    executor : concurrent.futures.Executor, optional
        Where to compute: ``None`` in this process (one vectorised pass); a
        ``ProcessPoolExecutor`` or ``ThreadPoolExecutor``; a Dask cluster through
        ``client.get_executor()`` (a Dask ``Client`` itself is accepted too). The egos are cut
        into chunks, each chunk's three tables go to a worker, and the table is the same to the
        last bit whichever executor ran it. A whole network is always summarised here.
    progress : bool, optional
        A progress bar (tqdm) over the egos. ``None`` (default): only in a terminal or a
        notebook, and only once a run has lasted a second — never in logs or CI. ``True``
        always (on standard error), ``False`` never.
    chunk_size : int, optional
        Egos per chunk. Default: with an executor, enough chunks for four per worker (50 to
        20,000 egos each); without one, the whole collection in one pass (twenty chunks when
        a progress bar is shown).
    scales : dict, optional
        Declared scales of the tie-strength items, on top of those the network was read with,
        e.g. ``{"closeness": (1, 5)}`` (see :func:`netkit.tie_strength`).
    tie_type : str or list of str, optional
        Only the ties of this type (or types); without it all types are merged.

    Returns
    -------
    DataFrame
        ``ego_id``, ``size`` (alters), ``alter_ties`` (distinct alter–alter ties), ``density``
        (among alters, 2t / n(n−1); n < 2 → NaN), ``density_with_ego`` (2(t+n) / (n+1)n; directed:
        (t+2n) / (n+1)n, the ego's ties being arcs both ways, as in the ego graph netkit builds),
        ``constraint``, ``effective_size``, ``efficiency``, ``hierarchy`` (Burt, on the ego graph
        with ego), ``components`` and ``isolates`` (among alters, ego removed),
        ``mean_strength`` (mean tie strength of ego's ties) and ``weak_share`` (share of ego's
        ties with known strength below ``threshold``); with ``group`` also ``ei_index``,
        ``blau`` and ``iqv``.

    Notes
    -----
    Directed networks use t / n(n−1) for density. The E-I index (Krackhardt & Stern 1988) is
    (E − I)/(E + I) over the alter–alter ties, a tie being external (E) when its two alters are
    in different groups; no ties → NaN. Blau's heterogeneity is 1 − Σ p_k² over the alters'
    groups (missing values left out), and IQV = Blau / (1 − 1/K) with K possible categories
    (K < 2 → NaN). Ties listed twice count once; ties joining a person to themselves are not counted.

    Burt's measures are computed ego by ego at the ego's own ties (see
    :func:`netkit.holes.burt_measures`), never through the collection-wide triangle list, so
    a chunk of egos gives the same bits as the whole collection.

    Examples
    --------
    >>> import netkit as nk
    >>> int(nk.summarize(nk.load_sample("florentine")).set_index("ego_id").loc["Medici", "size"])
    6
    >>> row = nk.summarize(nk.load_sample("personal")).iloc[0]
    >>> int(row["components"]), int(row["isolates"])
    (4, 1)

    The same table from a pool of worker threads (or processes, or a Dask cluster):

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> survey = nk.load_sample("survey")
    >>> with ThreadPoolExecutor(2) as pool:
    ...     pooled = nk.summarize(survey, group="context", executor=pool, chunk_size=50)
    >>> pooled.equals(nk.summarize(survey, group="context"))
    True
    """
    net = prepare(select_ego(as_network(net), ego), tie_type=tie_type, scales=scales)
    threshold = check_threshold(threshold)
    if isinstance(net, WholeNetwork):
        if weight is not None or group is not None:
            raise NetkitError("weight= and group= apply to ego networks; for a whole network use nk.structural_holes "
                              "and nk.brokerage, or cut an ego network with --ego.")
        return _whole_summary(net.G)
    coll = as_collection(net)
    _check_options(coll, weight=weight, group=group, strength=strength)
    coll = without_zero_ties(coll, weight)
    if group is not None and categories is None:
        categories = _categories(coll, group)  # K of the whole collection, not of one chunk
    options = {"weight": weight, "group": group, "strength": strength, "threshold": threshold,
               "categories": categories, "scales": scales_of(coll)}
    table, messages = run_chunks(coll, _summary_table, options, executor=executor, progress=progress,
                                 chunk_size=chunk_size, columns=_needed_columns(coll, weight=weight, group=group),
                                 what="summarising")
    _say_warnings(messages, coll, options)
    return table


def without_zero_ties(coll: EgoCollection, weight: str | None) -> EgoCollection:
    """With weights in use, a tie of weight 0 is no tie: the collection without those alter–alter ties."""
    if weight is None or weight not in coll.ties.columns:
        return coll
    zero = pd.to_numeric(coll.ties[weight], errors="coerce").eq(0).to_numpy(dtype=bool)
    return replace(coll, ties=coll.ties[~zero].reset_index(drop=True)) if zero.any() else coll


def _summary_table(coll: EgoCollection, *, weight, group, strength, threshold, categories, scales) -> pd.DataFrame:
    """The summary of one collection (or chunk): runs on the workers."""
    table = _basic(coll)
    table = table.join(_structure(coll, table, weight=weight, strength=strength, threshold=threshold, scales=scales),
                       on="ego_id")
    if group is not None:
        table = table.join(composition(coll, group=group, categories=categories).set_index("ego_id"), on="ego_id")
    return table


def _basic(coll: EgoCollection) -> pd.DataFrame:
    size = coll.alters.groupby("ego_id", sort=False).size()
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = pair_key(ties, coll.directed).drop_duplicates()
    alter_ties = distinct.groupby("e", sort=False).size()
    ids = coll.egos["ego_id"]
    return pd.DataFrame({
        "ego_id": ids.to_numpy(),
        "size": size.reindex(ids).fillna(0).astype(int).to_numpy(),
        "alter_ties": alter_ties.reindex(ids).fillna(0).astype(int).to_numpy(),
    })


def _structure(coll: EgoCollection, basic: pd.DataFrame, *, weight, strength, threshold, scales) -> pd.DataFrame:
    n = basic["size"].to_numpy(float)
    t = basic["alter_ties"].to_numpy(float)
    pairs = n * (n - 1) / (1 if coll.directed else 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(n >= 2, t / pairs, np.nan)
        # the ego graph with the ego: its n ego–alter ties are arcs both ways when directed
        with_ego = np.where(n >= 1, (t + n * (2 if coll.directed else 1)) / ((n + 1) * n / (1 if coll.directed else 2)),
                            np.nan)
    out = pd.DataFrame({"ego_id": basic["ego_id"], "density": density,
                        "density_with_ego": with_ego}).set_index("ego_id")

    holes = _ego_holes(coll, weight=weight)
    out = out.join(holes[["constraint", "effective_size", "efficiency", "hierarchy"]])

    frame = graph_frame(coll, include_ego=False)
    _, label = connected_components(frame.adjacency(weighted=False), directed=coll.directed, connection="weak")
    nodes = pd.DataFrame({"ego_id": frame.ego, "component": label})
    out["components"] = nodes.groupby("ego_id", sort=False)["component"].nunique()
    degree = np.bincount(np.concatenate([frame.src, frame.dst]), minlength=frame.n)
    out["isolates"] = nodes.assign(isolate=degree == 0).groupby("ego_id", sort=False)["isolate"].sum()
    out[["components", "isolates"]] = out[["components", "isolates"]].fillna(0).astype(int)

    scores = tie_strength(coll.alters, strength=strength, scales=scales)["strength"].to_numpy(float)
    known = ~np.isnan(scores)
    per = pd.DataFrame({"ego_id": coll.alters["ego_id"].to_numpy(), "known": known,
                        "weak": known & (scores < threshold)}).groupby("ego_id", sort=False)
    out["mean_strength"] = _exact_means(coll.alters["ego_id"].to_numpy(dtype=object), scores)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["weak_share"] = per["weak"].sum() / per["known"].sum().replace(0, np.nan)
    return out[STRUCTURE]


def _exact_means(groups: np.ndarray, values: np.ndarray) -> pd.Series:
    """Mean of the known values per group, each sum exactly rounded (``math.fsum``).

    pandas' grouped float sums depend, in the last bit, on how the rows of different groups
    are interleaved; an exactly rounded sum does not, so every chunking gives the same means.
    """
    keep = ~np.isnan(values)
    groups, values = groups[keep], values[keep]
    codes, uniques = pd.factorize(groups, sort=False)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    ordered = values[order]
    means = [math.fsum(ordered[a:b]) / (b - a) for a, b in zip(bounds[:-1], bounds[1:])]
    return pd.Series(means, index=pd.Index(uniques, name="ego_id"), dtype=float)


def composition(coll: EgoCollection | EgoNetwork, *, group: str, categories: int | None = None) -> pd.DataFrame:
    """E-I index, Blau heterogeneity and IQV of each ego's alters on attribute ``group``.

    Parameters
    ----------
    coll : EgoCollection or EgoNetwork
    group : str
        The alter attribute (a column of the alters table).
    categories : int, optional
        Number of possible categories for the IQV (default: the distinct values seen).

    Returns
    -------
    DataFrame
        One row per ego, in the order of the egos table: ``ego_id``, ``ei_index``, ``blau``,
        ``iqv`` (see :func:`summarize` for the formulas), and ``group_missing``: how many of the
        ego's alters have no value of ``group`` (blank: not known) and so are left out of all three.

    Examples
    --------
    >>> import netkit as nk
    >>> table = composition(nk.load_sample("personal"), group="context")
    >>> table.columns.tolist()
    ['ego_id', 'ei_index', 'blau', 'iqv', 'group_missing']
    >>> round(float(table["blau"].iloc[0]), 3)   # seven contexts of 4 to 8 people each
    0.85
    """
    coll = as_collection(coll)
    _check_group(coll, group)
    values = coll.alters[group]
    blank = values.isna() | (values.astype("string").str.strip() == "").fillna(False)
    k = categories if categories is not None else values[~blank].nunique()
    present = coll.alters.loc[~blank, ["ego_id", group]]
    # 1 − Σ n_k² / n² from whole-number counts: the sums are exact, so the bits cannot depend on
    # which other egos were summed alongside (pandas' float group sums do, slightly)
    counts = present.groupby("ego_id", sort=False)[group].value_counts()
    n_k = pd.Series(counts.to_numpy(dtype=np.int64), index=counts.index.get_level_values(0))
    per_ego = n_k.groupby(level=0, sort=False)
    blau = 1 - (n_k * n_k).groupby(level=0, sort=False).sum() / per_ego.sum() ** 2
    of = pd.Series(values.where(~blank).to_numpy(dtype=object),
                   index=pd.MultiIndex.from_frame(coll.alters[["ego_id", "alter_id"]]))
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = ties.loc[~pair_key(ties, coll.directed).duplicated()]
    g_s = of.reindex(pd.MultiIndex.from_arrays([distinct["ego_id"], distinct["source"]])).to_numpy()
    g_t = of.reindex(pd.MultiIndex.from_arrays([distinct["ego_id"], distinct["target"]])).to_numpy()
    both = pd.notna(g_s) & pd.notna(g_t)
    external = pd.Series(np.where(both, (g_s != g_t).astype(float), np.nan), index=distinct["ego_id"].to_numpy())
    per = external.dropna().groupby(level=0, sort=False)
    e, total = per.sum(), per.count()
    ids = coll.egos["ego_id"]
    out = pd.DataFrame({"ego_id": ids.to_numpy()})
    out["ei_index"] = ((2 * e - total) / total).reindex(ids).to_numpy()
    out["blau"] = blau.reindex(ids).to_numpy()
    out["iqv"] = out["blau"] / (1 - 1 / k) if k >= 2 else np.nan
    # people with no value are left out of all three; how many is said, not hidden
    out["group_missing"] = blank.groupby(coll.alters["ego_id"], sort=False).sum().reindex(ids).fillna(0)\
        .astype(np.int64).to_numpy()
    return out


def _whole_summary(G: nx.Graph) -> pd.DataFrame:
    H = nx.Graph(G)  # ego networks of a whole network count ties regardless of direction
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    if G.is_directed():
        rows = []
        for n in G:
            near = (set(G.successors(n)) | set(G.predecessors(n))) - {n}
            sub = G.subgraph(near)
            rows.append((n, len(near), sum(1 for u, v in sub.edges() if u != v)))
        return pd.DataFrame(rows, columns=BASIC)
    tri = nx.triangles(H)
    return pd.DataFrame({"ego_id": list(H), "size": [H.degree(n) for n in H], "alter_ties": [tri[n] for n in H]})


# ----------------------------------------------------------------------------- Burt, ego by ego


def _ego_holes(coll: EgoCollection, *, weight: str | None) -> pd.DataFrame:
    """Burt's measures of every ego, indexed by ego id, always by the per-ego product path.

    ``method="rows"``: each ego's numbers come from sparse products at its own ties, never
    from the collection-wide triangle list (which :func:`netkit.holes.burt_measures` would
    choose for egos with fewer than three alters on average, summing the same terms in another
    order), so a chunk of egos gives the same bits as the whole collection.
    """
    frame = graph_frame(coll, weight=weight)
    positions = np.flatnonzero(frame.is_ego)
    holes = burt_measures(mutual_weights(frame), positions, method="rows")
    holes.index = pd.Index(frame.ego[positions], name="ego_id")
    return holes


# ----------------------------------------------------------------------------- checks before any work


def _check_group(coll: EgoCollection, group: str) -> None:
    if group not in coll.alters.columns or group in ("ego_id", "alter_id"):
        options = [c for c in coll.alters.columns if c not in ("ego_id", "alter_id")]
        raise NetkitError(f"group='{group}' is not an alter attribute; choose one of {', '.join(options)}.")


def _check_options(coll: EgoCollection, *, weight: str | None, group: str | None, strength) -> None:
    """The checks the measures make, once, before any chunk leaves (the same messages)."""
    item_weights(strength)
    if weight is not None and weight not in coll.alters.columns and weight not in coll.ties.columns:
        cols = sorted(set(coll.alters.columns) | set(coll.ties.columns) - {"ego_id", "alter_id", "source", "target"})
        raise NetkitError(f"weight='{weight}' is not a column of the alters or ties table; choose one of {', '.join(cols)}.")
    if group is not None:
        _check_group(coll, group)


def _categories(coll: EgoCollection, group: str) -> int:
    return int(coll.alters[group].dropna().nunique())




def _needed_columns(coll: EgoCollection, *, weight: str | None = None, group: str | None = None,
                    tie_weight: str | None = None) -> tuple[list[str], list[str]]:
    """The alters and ties columns the measures read: only these travel to the workers."""
    alters = ["ego_id", "alter_id", *[c for c in STRENGTH_COLUMNS if c in coll.alters.columns]]
    for extra in (weight, group):
        if extra is not None and extra in coll.alters.columns and extra not in alters:
            alters.append(extra)
    ties = ["ego_id", "source", "target"]
    for extra in (weight, tie_weight):
        if extra is not None and extra in coll.ties.columns and extra not in ties:
            ties.append(extra)
    return alters, ties


# ----------------------------------------------------------------------------- warnings from the chunks


def _say_warnings(messages: list[str], coll: EgoCollection, options: dict) -> None:
    """Say the chunks' warnings once each; years known above the scale as one run would.

    Each chunk counts its own clipped ``years_known`` values, so the chunks' messages are
    replaced by the one message the whole collection gives.
    """
    years = [m for m in messages if "column 'years_known'" in m]
    if len(years) > 1:
        scales = options.get("scales") or scales_of(coll)
        above = pd.to_numeric(coll.alters["years_known"], errors="coerce") > scales["years_known"].high
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tie_strength(coll.alters.loc[above, ["years_known"]], strength=options.get("strength", "equal"),
                         scales=scales)
        messages = [m for m in messages if m not in years] + [str(w.message) for w in caught]
    warn_once(messages, stacklevel=4)  # the caller of summarize / alter_table (through the renaming wrapper)


# ----------------------------------------------------------------------------- the per-alter table

#: The columns of :func:`alter_table`, in order.
ALTER_COLUMNS: tuple[str, ...] = ("ego_id", "alter_id", "strength", "tie", "layer", "degree", "isolate", "component",
                                  "community")


@renamed_keywords(weights="strength")
def alter_table(
    net: EgoNetwork | EgoCollection,
    *,
    strength="equal",
    threshold: float = 0.5,
    communities: bool = True,
    seed: int = 0,
    resolution: float = 1.0,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunk_size: int | None = None,
    scales=None,
    tie_type: str | list[str] | None = None,
) -> pd.DataFrame:
    """One row per alter: tie strength, Dunbar layer, place among the other alters, cluster.

    The per-alter companion of :func:`summarize` (one row per ego) and
    :func:`netkit.tie_table` (one row per tie), in the same long layout as egor's alter table,
    so it merges with either, and with ``net.alters``, on ``ego_id`` (and ``alter_id``).

    Parameters
    ----------
    net : EgoNetwork or EgoCollection
    strength, threshold
        Tie strength preset (or item weights) and the strong-tie threshold (see
        :func:`netkit.tie_strength`); ``strength=`` was ``weights=`` before netkit 0.2.
    communities : bool, default True
        Find each ego's Louvain communities (a loop over egos in networkx: the slow part on
        large collections, which an executor spreads over workers). ``False`` leaves the
        ``community`` column empty.
    seed, resolution
        For the Louvain search, as in :func:`netkit.clusters`.
    executor, progress, chunk_size
        As in :func:`summarize`: the same table whichever executor runs it.
    scales : dict, optional
        Declared scales of the tie-strength items, on top of those the network was read with,
        e.g. ``{"closeness": (1, 5)}`` (see :func:`netkit.tie_strength`).
    tie_type : str or list of str, optional
        Only the ties of this type (or types); without it all types are merged.

    Returns
    -------
    DataFrame
        Egos in the order of the egos table, each ego's alters in the order of the alters
        table: ``ego_id``, ``alter_id``, ``strength`` (ego's tie to them, NaN when no item
        is known), ``tie`` (``weak`` / ``strong``), ``layer`` (Dunbar circle ``5`` … ``150+``),
        ``degree`` (how many of ego's other alters they are tied to, either direction),
        ``isolate`` (degree 0), ``component`` and ``community`` (numbered from 0 by size
        within each ego, as :func:`netkit.clusters` numbers them; ``community`` is missing
        with ``communities=False``).

    Notes
    -----
    ``strength``, ``tie`` and ``layer`` are those of the ego–alter rows of
    :func:`netkit.tie_table`; ``component`` and ``community`` those of :func:`netkit.clusters`
    (the ego left out, self-loops dropped, communities weighted by a ``weight`` column of the
    ties table where it has one).

    Examples
    --------
    >>> import netkit as nk
    >>> table = nk.alter_table(nk.load_sample("personal"))
    >>> table.shape, list(table.columns[:4])
    ((40, 9), ['ego_id', 'alter_id', 'strength', 'tie'])
    >>> int(table["isolate"].sum()), int(table["component"].max()) + 1
    (1, 4)
    """
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        raise NetkitError("alter_table is for ego networks and collections; for a whole network use nk.tie_table, "
                          "nk.structural_holes and nk.clusters, or cut an ego network with net.ego_network(node).")
    coll = as_collection(prepare(net, tie_type=tie_type, scales=scales))
    _check_options(coll, weight=None, group=None, strength=strength)
    threshold = check_threshold(threshold)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise NetkitError(f"seed={seed!r} is not a whole number; pass e.g. seed=0.")
    options = {"strength": strength, "threshold": threshold, "communities": bool(communities), "seed": int(seed),
               "resolution": float(resolution), "scales": scales_of(coll)}
    tie_weight = "weight" if "weight" in coll.ties.columns else None
    table, messages = run_chunks(coll, _alter_rows, options, executor=executor, progress=progress,
                                 chunk_size=chunk_size, columns=_needed_columns(coll, tie_weight=tie_weight),
                                 what="alter table")
    _say_warnings(messages, coll, options)
    return table


def _alter_rows(coll: EgoCollection, *, strength, threshold, communities, seed, resolution, scales) -> pd.DataFrame:
    """The alter table of one collection (or chunk): runs on the workers."""
    alters = coll.alters
    ego_ids = coll.egos["ego_id"].to_numpy(dtype=object)
    ego_pos = pd.Series(np.arange(len(ego_ids)), index=ego_ids).reindex(alters["ego_id"].to_numpy(dtype=object))
    known = ego_pos.notna().to_numpy()
    alters = alters[known].reset_index(drop=True)
    ego = ego_pos.to_numpy()[known].astype(np.int64)
    order = np.argsort(ego, kind="stable")  # egos in table order, each ego's alters in table order
    alters, ego = alters.iloc[order].reset_index(drop=True), ego[order]
    coll = EgoCollection(egos=coll.egos, alters=alters, ties=coll.ties, directed=coll.directed, source=coll.source)

    scores = tie_strength(alters, strength=strength, scales=scales)["strength"].to_numpy(dtype=float)
    frame = graph_frame(coll, include_ego=False)  # node k is alters row k
    pairs = np.unique(np.stack([np.minimum(frame.src, frame.dst), np.maximum(frame.src, frame.dst)]), axis=1) \
        if len(frame.src) else np.zeros((2, 0), dtype=np.int64)
    degree = np.bincount(pairs.ravel(), minlength=frame.n)
    _, label = connected_components(frame.adjacency(weighted=False), directed=coll.directed, connection="weak")
    component = _numbered(ego, label)
    community = np.full(len(alters), np.nan)
    if communities and len(alters):
        community = _communities(coll, ego, seed=seed, resolution=resolution)
    table = pd.DataFrame({
        "ego_id": ego_ids[ego],
        "alter_id": alters["alter_id"].to_numpy(dtype=object),
        "strength": scores,
        "tie": tie_class(scores, threshold),
        "layer": pd.Categorical.from_codes(dunbar_layers(scores, ego), categories=LAYERS, ordered=True),
        "degree": degree.astype(np.int64),
        "isolate": degree == 0,
        "component": component,
        "community": pd.array(community, dtype="Int64") if not communities else community.astype(np.int64),
    }, columns=list(ALTER_COLUMNS))
    return table


def _numbered(ego: np.ndarray, label: np.ndarray) -> np.ndarray:
    """Component labels renumbered 0, 1, … within each ego by size, ties by the earliest member."""
    n = len(label)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    size = np.bincount(label)
    first = np.full(len(size), n)
    np.minimum.at(first, label, np.arange(n))
    groups = np.unique(label)
    g_ego = ego[first[groups]]
    rank_order = np.lexsort((first[groups], -size[groups], g_ego))
    ranked = groups[rank_order]
    ranked_ego = g_ego[rank_order]
    starts = np.flatnonzero(np.r_[True, ranked_ego[1:] != ranked_ego[:-1]])
    number = np.arange(len(ranked)) - np.repeat(starts, np.diff(np.r_[starts, len(ranked)]))
    out = np.empty(len(size), dtype=np.int64)
    out[ranked] = number
    return out[label]


def _communities(coll: EgoCollection, ego: np.ndarray, *, seed: int, resolution: float) -> np.ndarray:
    """Louvain communities ego by ego, on the graph nk.clusters builds (alters only, same order)."""
    alters, ties = coll.alters, coll.ties
    ties = ties[ties["source"] != ties["target"]]
    has_weight = "weight" in ties.columns
    tie_rows = ties.groupby("ego_id", sort=False).indices
    src, dst = ties["source"].to_numpy(dtype=object), ties["target"].to_numpy(dtype=object)
    w = ties["weight"].to_numpy(dtype=float) if has_weight else None
    ids = alters["alter_id"].to_numpy(dtype=object)
    ego_ids = coll.egos["ego_id"].to_numpy(dtype=object)
    out = np.empty(len(alters), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, ego[1:] != ego[:-1]])
    stops = np.r_[starts[1:], len(ego)]
    empty = np.zeros(0, dtype=np.int64)
    for start, stop in zip(starts, stops):
        G = nx.DiGraph() if coll.directed else nx.Graph()
        G.add_nodes_from(ids[start:stop])
        rows = tie_rows.get(ego_ids[ego[start]], empty)
        if has_weight:
            G.add_edges_from((src[r], dst[r], {} if np.isnan(w[r]) else {"weight": w[r]}) for r in rows)
        else:
            G.add_edges_from(zip(src[rows], dst[rows]))
        found = graph_clusters(G, seed=seed, resolution=resolution)
        out[start:stop] = found["community"].to_numpy()
    return out
