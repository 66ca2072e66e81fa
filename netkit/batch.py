"""Measures over many egos at once: the per-ego summary and the per-alter table, on any executor.

Everything comes from grouped table operations and one block-diagonal sparse graph, not a
loop over egos, so a survey of thousands of ego networks is summarised in one pass. For more,
the egos are cut into chunks (by ego id, in order), the three tables of each chunk go to the
workers of any ``concurrent.futures`` executor — a process pool, or a Dask cluster through
``client.get_executor()`` — and the chunks' tables are put back together in order. Every
per-ego number depends on that ego's rows only, in their order, so the result is the same, to
the last bit, whichever executor and chunk size ran it.
"""
from __future__ import annotations

import math
import os
import sys
import warnings
from concurrent.futures import Executor, as_completed
from typing import Callable

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from .errors import NetkitError
from .frame import as_network, graph_frame
from .model import EgoCollection, EgoNetwork, WholeNetwork, pair_key

__all__ = ["summarize", "composition", "alter_table", "ALTER_COLUMNS"]

BASIC = ["ego", "size", "alter_ties"]
STRUCTURE = ["density", "density_with_ego", "constraint", "effective_size", "efficiency", "hierarchy",
             "components", "isolates", "mean_strength", "weak_share"]
GROUP = ["ei_index", "blau", "iqv"]


def _collection(net) -> EgoCollection:
    from .model import as_collection

    return as_collection(net)


def summarize(
    net: EgoNetwork | EgoCollection | WholeNetwork,
    *,
    ego: str | None = None,
    weight: str | None = None,
    group: str | None = None,
    weights="equal",
    threshold: float = 0.5,
    categories: int | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunk_size: int | None = None,
) -> pd.DataFrame:
    """One row per ego: size, ties, density, structural holes, tie strength and composition.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        For a whole network every node is an ego (only ``ego``, ``size`` and ``alter_ties``).
    ego : str, optional
        Only this ego's row.
    weight : str, optional
        Tie weight column for the structural-hole measures (see :func:`netkit.structural_holes`).
    group : str, optional
        Alter attribute for the composition columns ``ei_index``, ``blau`` and ``iqv``.
    weights, threshold
        Tie strength weights and the strong-tie threshold (see :func:`netkit.tie_strength`).
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

    Returns
    -------
    DataFrame
        ``ego``, ``size`` (alters), ``alter_ties`` (distinct alter–alter ties), ``density``
        (among alters, 2t / n(n−1); n < 2 → NaN), ``density_with_ego`` (2(t+n) / (n+1)n),
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
    >>> int(nk.summarize(nk.load_sample("florentine")).set_index("ego").loc["Medici", "size"])
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
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        if weight is not None or group is not None:
            raise NetkitError("weight= and group= apply to ego networks; for a whole network use nk.structural_holes "
                              "and nk.brokerage, or cut an ego network with --ego.")
        table = _whole_summary(net.G)
    else:
        coll = _collection(net)
        _check_options(coll, weight=weight, group=group, weights=weights)
        if group is not None and categories is None:
            categories = _categories(coll, group)  # K of the whole collection, not of one chunk
        options = {"weight": weight, "group": group, "weights": weights, "threshold": threshold,
                   "categories": categories}
        table = _run(coll, _summary_chunk, options, executor=executor, progress=progress, chunk_size=chunk_size,
                     columns=_needed_columns(coll, weight=weight, group=group), what="summarising")
    if ego is not None:
        chosen = table[table["ego"] == str(ego)]
        if chosen.empty:
            some = ", ".join(map(str, table["ego"].head(5)))
            raise NetkitError(f"there is no ego '{ego}' in {getattr(net, 'source', '') or 'this network'}; egos include {some}.")
        table = chosen.reset_index(drop=True)
    return table


def _summary_table(coll: EgoCollection, *, weight, group, weights, threshold, categories) -> pd.DataFrame:
    table = _basic(coll)
    table = table.join(_structure(coll, table, weight=weight, weights=weights, threshold=threshold), on="ego")
    if group is not None:
        table = table.join(composition(coll, group=group, categories=categories), on="ego")
    return table


def _basic(coll: EgoCollection) -> pd.DataFrame:
    size = coll.alters.groupby("ego_id", sort=False).size()
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = pair_key(ties, coll.directed).drop_duplicates()
    alter_ties = distinct.groupby("e", sort=False).size()
    ids = coll.egos["ego_id"]
    return pd.DataFrame({
        "ego": ids.to_numpy(),
        "size": size.reindex(ids).fillna(0).astype(int).to_numpy(),
        "alter_ties": alter_ties.reindex(ids).fillna(0).astype(int).to_numpy(),
    })


def _structure(coll: EgoCollection, basic: pd.DataFrame, *, weight, weights, threshold) -> pd.DataFrame:
    from .ties import tie_strength

    n = basic["size"].to_numpy(float)
    t = basic["alter_ties"].to_numpy(float)
    pairs = n * (n - 1) / (1 if coll.directed else 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(n >= 2, t / pairs, np.nan)
        with_ego = np.where(n >= 1, (t + n) / ((n + 1) * n / (1 if coll.directed else 2)), np.nan)
    out = pd.DataFrame({"ego": basic["ego"], "density": density, "density_with_ego": with_ego}).set_index("ego")

    holes = _ego_holes(coll, weight=weight)
    out = out.join(holes[["constraint", "effective_size", "efficiency", "hierarchy"]])

    frame = graph_frame(coll, include_ego=False)
    _, label = connected_components(frame.adjacency(weighted=False), directed=coll.directed, connection="weak")
    nodes = pd.DataFrame({"ego": frame.ego, "component": label})
    out["components"] = nodes.groupby("ego", sort=False)["component"].nunique()
    degree = np.bincount(np.concatenate([frame.src, frame.dst]), minlength=frame.n)
    out["isolates"] = nodes.assign(isolate=degree == 0).groupby("ego", sort=False)["isolate"].sum()
    out[["components", "isolates"]] = out[["components", "isolates"]].fillna(0).astype(int)

    strength = tie_strength(coll.alters, weights=weights)["strength"].to_numpy(float)
    known = ~np.isnan(strength)
    per = pd.DataFrame({"ego": coll.alters["ego_id"].to_numpy(), "s": strength, "known": known,
                        "weak": known & (strength < threshold)}).groupby("ego", sort=False)
    out["mean_strength"] = _exact_means(coll.alters["ego_id"].to_numpy(dtype=object), strength)
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
    return pd.Series(means, index=pd.Index(uniques, name="ego"), dtype=float)


def composition(coll: EgoCollection | EgoNetwork, *, group: str, categories: int | None = None) -> pd.DataFrame:
    """E-I index, Blau heterogeneity and IQV of each ego's alters on attribute ``group``.

    Examples
    --------
    >>> import netkit as nk
    >>> table = composition(nk.load_sample("personal"), group="context")
    >>> round(float(table["blau"].iloc[0]), 3)   # seven contexts of 4 to 8 people each
    0.85
    """
    coll = _collection(coll)
    _check_group(coll, group)
    values = coll.alters[group]
    k = categories if categories is not None else values.dropna().nunique()
    present = coll.alters.loc[values.notna(), ["ego_id", group]]
    # 1 − Σ n_k² / n² from whole-number counts: the sums are exact, so the bits cannot depend on
    # which other egos were summed alongside (pandas' float group sums do, slightly)
    counts = present.groupby("ego_id", sort=False)[group].value_counts()
    n_k = pd.Series(counts.to_numpy(dtype=np.int64), index=counts.index.get_level_values(0))
    per_ego = n_k.groupby(level=0, sort=False)
    blau = 1 - (n_k * n_k).groupby(level=0, sort=False).sum() / per_ego.sum() ** 2
    of = coll.alters.set_index(["ego_id", "alter_id"])[group]
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = ties.loc[~pair_key(ties, coll.directed).duplicated()]
    g_s = of.reindex(pd.MultiIndex.from_arrays([distinct["ego_id"], distinct["source"]])).to_numpy()
    g_t = of.reindex(pd.MultiIndex.from_arrays([distinct["ego_id"], distinct["target"]])).to_numpy()
    both = pd.notna(g_s) & pd.notna(g_t)
    external = pd.Series(np.where(both, (g_s != g_t).astype(float), np.nan), index=distinct["ego_id"].to_numpy())
    per = external.dropna().groupby(level=0, sort=False)
    e, total = per.sum(), per.count()
    ids = coll.egos["ego_id"]
    out = pd.DataFrame(index=pd.Index(ids, name="ego"))
    out["ei_index"] = ((2 * e - total) / total).reindex(ids).to_numpy()
    out["blau"] = blau.reindex(ids).to_numpy()
    out["iqv"] = out["blau"] / (1 - 1 / k) if k >= 2 else np.nan
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
    return pd.DataFrame({"ego": list(H), "size": [H.degree(n) for n in H], "alter_ties": [tri[n] for n in H]})


# ----------------------------------------------------------------------------- Burt, ego by ego


def _ego_holes(coll: EgoCollection, *, weight: str | None) -> pd.DataFrame:
    """Burt's measures of every ego, indexed by ego id, always by the per-ego product path.

    :func:`netkit.holes.burt_measures` switches to a collection-wide triangle list when the
    nodes asked for are a quarter of the graph or more (egos with fewer than three alters on
    average). That path sums the same terms in another order, so a chunk of small egos could
    differ from the whole collection in the last bit. Empty rows appended to the matrix (they
    change nothing) keep every chunk, and the whole collection, on the per-ego path.
    """
    from .holes import _TRIANGLES_FROM, burt_measures, mutual_weights

    frame = graph_frame(coll, weight=weight)
    positions = np.flatnonzero(frame.is_ego)
    S = mutual_weights(frame)
    n = S.shape[0]
    need = int(math.floor(len(positions) / _TRIANGLES_FROM)) + 1
    if len(positions) >= _TRIANGLES_FROM * n:
        indptr = np.concatenate([S.indptr, np.full(need - n, S.indptr[-1], dtype=S.indptr.dtype)])
        S = sp.csr_matrix((S.data, S.indices, indptr), shape=(need, need))
    holes = burt_measures(S, positions)
    holes.index = pd.Index(frame.ego[positions], name="ego")
    return holes


# ----------------------------------------------------------------------------- checks before any work


def _check_group(coll: EgoCollection, group: str) -> None:
    if group not in coll.alters.columns or group in ("ego_id", "alter_id"):
        options = [c for c in coll.alters.columns if c not in ("ego_id", "alter_id")]
        raise NetkitError(f"group='{group}' is not an alter attribute; choose one of {', '.join(options)}.")


def _check_options(coll: EgoCollection, *, weight: str | None, group: str | None, weights) -> None:
    """The checks the measures make, once, before any chunk leaves (the same messages)."""
    from .ties import _item_weights

    _item_weights(weights)
    if weight is not None and weight not in coll.alters.columns and weight not in coll.ties.columns:
        cols = sorted(set(coll.alters.columns) | set(coll.ties.columns) - {"ego_id", "alter_id", "source", "target"})
        raise NetkitError(f"weight='{weight}' is not a column of the alters or ties table; choose one of {', '.join(cols)}.")
    if group is not None:
        _check_group(coll, group)


def _categories(coll: EgoCollection, group: str) -> int:
    return int(coll.alters[group].dropna().nunique())


_STRENGTH_COLUMNS = ("closeness", "frequency", "years_known", "confiding", "support_given", "support_received")


def _needed_columns(coll: EgoCollection, *, weight: str | None = None, group: str | None = None,
                    tie_weight: str | None = None) -> tuple[list[str], list[str]]:
    """The alters and ties columns the measures read: only these travel to the workers."""
    alters = ["ego_id", "alter_id", *[c for c in _STRENGTH_COLUMNS if c in coll.alters.columns]]
    for extra in (weight, group):
        if extra is not None and extra in coll.alters.columns and extra not in alters:
            alters.append(extra)
    ties = ["ego_id", "source", "target"]
    for extra in (weight, tie_weight):
        if extra is not None and extra in coll.ties.columns and extra not in ties:
            ties.append(extra)
    return alters, ties


# ----------------------------------------------------------------------------- chunks and executors


def _summary_chunk(egos, alters, ties, directed, source, options):
    """Runs on a worker: the summary of one chunk's three tables, and any warnings raised."""
    coll = EgoCollection(egos=egos, alters=alters, ties=ties, directed=directed, source=source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = _summary_table(coll, **options)
    return table, [str(w.message) for w in caught]


def _as_executor(executor) -> Executor | None:
    if executor is None or isinstance(executor, Executor):
        return executor
    if hasattr(executor, "get_executor"):  # a dask.distributed Client
        return executor.get_executor()
    raise NetkitError(
        f"executor must be a concurrent.futures Executor (a ProcessPoolExecutor, a ThreadPoolExecutor or a Dask "
        f"client.get_executor()), got {type(executor).__name__}."
    )


def _workers(executor: Executor) -> int:
    """How many workers an executor has, as well as it says (the machine's cores otherwise)."""
    count = getattr(executor, "_max_workers", None)
    if count is None and hasattr(executor, "_client"):  # Dask's ClientExecutor
        try:
            count = sum(executor._client.nthreads().values())
        except Exception:  # noqa: BLE001 - a cluster that cannot say: guess below
            count = None
    return max(1, int(count or os.cpu_count() or 1))


def _chunk_size(n: int, executor: Executor | None, chunk_size: int | None, bar: bool) -> int:
    if chunk_size is not None:
        if isinstance(chunk_size, bool) or not isinstance(chunk_size, (int, np.integer)) or chunk_size < 1:
            raise NetkitError(f"chunk_size={chunk_size!r} is not a number of egos; use a whole number, 1 or more.")
        return int(chunk_size)
    if executor is None:
        return max(200, math.ceil(n / 20)) if bar else max(n, 1)
    return min(20_000, max(50, math.ceil(n / (4 * _workers(executor)))))


def _interactive() -> bool:
    """A person is watching: a notebook kernel, or standard error is a terminal (never CI)."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
        return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def _progress_bar(total: int, progress: bool | None, what: str):
    if progress is None:
        if not _interactive():
            return None
        delay = 1.0  # short runs never show a bar
    elif progress:
        delay = 0.0
    else:
        return None
    if progress is None:
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm  # asked for: plain text on standard error, wherever that goes
    return tqdm(total=total, desc=what, unit="ego", delay=delay, leave=False, file=None if progress is None else sys.stderr)


def _chunks(coll: EgoCollection, size: int, columns: tuple[list[str], list[str]]):
    """The three tables of each chunk of ``size`` egos, in the egos' order; rows keep their order."""
    a_cols, t_cols = columns
    ids = coll.egos["ego_id"].to_numpy(dtype=object)
    n = len(ids)
    count = max(1, math.ceil(n / size))
    chunk_of = pd.Series(np.arange(n) // size, index=ids)

    def split(table: pd.DataFrame, cols: list[str]) -> list[pd.DataFrame]:
        which = chunk_of.reindex(table["ego_id"].to_numpy(dtype=object)).to_numpy()
        which = np.where(np.isnan(which), -1, which).astype(np.int64)  # rows of unknown egos: left out
        order = np.argsort(which, kind="stable")  # stable: each chunk keeps the table's row order
        bounds = np.searchsorted(which[order], np.arange(count + 1))
        part = table[cols]
        return [part.iloc[order[bounds[k]:bounds[k + 1]]].reset_index(drop=True) for k in range(count)]

    alters, ties = split(coll.alters, a_cols), split(coll.ties, t_cols)
    egos = coll.egos[["ego_id"]]
    for k in range(count):
        yield egos.iloc[k * size:(k + 1) * size].reset_index(drop=True), alters[k], ties[k]


def _run(coll: EgoCollection, work: Callable, options: dict, *, executor, progress, chunk_size, columns,
         what: str) -> pd.DataFrame:
    """``work`` over the chunks of ``coll`` (here or on ``executor``), the tables joined in order."""
    executor = _as_executor(executor)
    n = len(coll)
    bar = _progress_bar(n, progress, what) if n else None
    size = _chunk_size(n, executor, chunk_size, bar is not None)
    try:
        if executor is None and size >= n:  # one pass, nothing to cut
            a_cols, t_cols = columns
            table, caught = work(coll.egos[["ego_id"]], coll.alters[a_cols], coll.ties[t_cols], coll.directed,
                                 coll.source, options)
            results, messages = [table], caught
            if bar is not None:
                bar.update(n)
        else:
            chunks = list(_chunks(coll, size, columns))
            results = [None] * len(chunks)
            found: list[list[str]] = [[] for _ in chunks]
            if executor is None:
                for k, (egos, alters, ties) in enumerate(chunks):
                    results[k], found[k] = work(egos, alters, ties, coll.directed, coll.source, options)
                    if bar is not None:
                        bar.update(len(egos))
            else:
                futures = {executor.submit(work, egos, alters, ties, coll.directed, coll.source, options): k
                           for k, (egos, alters, ties) in enumerate(chunks)}
                try:
                    for future in as_completed(futures):
                        k = futures[future]
                        results[k], found[k] = future.result()
                        if bar is not None:
                            bar.update(len(chunks[k][0]))
                except BaseException:
                    for future in futures:
                        future.cancel()
                    raise
            messages = [m for part in found for m in part]
    finally:
        if bar is not None:
            bar.close()
    _warn_once(messages, coll, options)
    # an empty chunk (egos without alters) has untyped columns; leave it out so it changes no dtype
    results = [r for r in results if len(r)] or results[:1]
    return pd.concat(results, ignore_index=True) if len(results) > 1 else results[0]


def _warn_once(messages: list[str], coll: EgoCollection, options: dict) -> None:
    """Re-raise the workers' warnings here, each once; years known above the scale as one run would."""
    seen = set()
    years = [m for m in messages if "column 'years_known'" in m]
    if len(years) > 1:  # one per chunk, each with its own count: say it once for the whole collection
        from .ties import tie_strength

        above = pd.to_numeric(coll.alters["years_known"], errors="coerce") > 100
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tie_strength(coll.alters.loc[above, ["years_known"]], weights=options.get("weights", "equal"))
        messages = [m for m in messages if m not in years] + [str(w.message) for w in caught]
    for message in messages:
        if message not in seen:
            seen.add(message)
            warnings.warn(message, UserWarning, stacklevel=4)


# ----------------------------------------------------------------------------- the per-alter table

#: The columns of :func:`alter_table`, in order.
ALTER_COLUMNS: tuple[str, ...] = ("ego", "alter", "strength", "tie", "layer", "degree", "isolate", "component",
                                  "community")


def alter_table(
    net: EgoNetwork | EgoCollection,
    *,
    weights="equal",
    threshold: float = 0.5,
    communities: bool = True,
    seed: int = 0,
    resolution: float = 1.0,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunk_size: int | None = None,
) -> pd.DataFrame:
    """One row per alter: tie strength, Dunbar layer, place among the other alters, cluster.

    The per-alter companion of :func:`summarize` (one row per ego) and
    :func:`netkit.tie_table` (one row per tie), in the same long layout as egor's alter table,
    so it joins to either on ``ego`` (and ``alter``).

    Parameters
    ----------
    net : EgoNetwork or EgoCollection
    weights, threshold
        Tie strength weights and the strong-tie threshold (see :func:`netkit.tie_strength`).
    communities : bool, default True
        Find each ego's Louvain communities (a loop over egos in networkx: the slow part on
        large collections, which an executor spreads over workers). ``False`` leaves the
        ``community`` column empty.
    seed, resolution
        For the Louvain search, as in :func:`netkit.clusters`.
    executor, progress, chunk_size
        As in :func:`summarize`: the same table whichever executor runs it.

    Returns
    -------
    DataFrame
        Egos in the order of the egos table, each ego's alters in the order of the alters
        table: ``ego``, ``alter`` (alter id), ``strength`` (ego's tie to them, NaN when no item
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
    ((40, 9), ['ego', 'alter', 'strength', 'tie'])
    >>> int(table["isolate"].sum()), int(table["component"].max()) + 1
    (1, 4)
    """
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        raise NetkitError("alter_table is for ego networks and collections; for a whole network use nk.tie_table, "
                          "nk.structural_holes and nk.clusters, or cut an ego network with net.ego_network(node).")
    coll = _collection(net)
    _check_options(coll, weight=None, group=None, weights=weights)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float, np.integer, np.floating)) \
            or not 0 <= threshold <= 1:
        raise NetkitError(f"threshold={threshold!r} is not a strength; use a number from 0 to 1 (default 0.5).")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise NetkitError(f"seed={seed!r} is not a whole number; pass e.g. seed=0.")
    options = {"weights": weights, "threshold": threshold, "communities": bool(communities), "seed": int(seed),
               "resolution": float(resolution)}
    tie_weight = "weight" if "weight" in coll.ties.columns else None
    return _run(coll, _alter_chunk, options, executor=executor, progress=progress, chunk_size=chunk_size,
                columns=_needed_columns(coll, tie_weight=tie_weight), what="alter table")


def _alter_chunk(egos, alters, ties, directed, source, options):
    """Runs on a worker: the alter table of one chunk's three tables, and any warnings raised."""
    coll = EgoCollection(egos=egos, alters=alters, ties=ties, directed=directed, source=source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = _alter_rows(coll, **options)
    return table, [str(w.message) for w in caught]


def _alter_rows(coll: EgoCollection, *, weights, threshold, communities, seed, resolution) -> pd.DataFrame:
    from .communities import _graph_clusters
    from .ties import LAYERS, _layers, _tie_class, tie_strength

    alters = coll.alters
    ego_ids = coll.egos["ego_id"].to_numpy(dtype=object)
    ego_pos = pd.Series(np.arange(len(ego_ids)), index=ego_ids).reindex(alters["ego_id"].to_numpy(dtype=object))
    known = ego_pos.notna().to_numpy()
    alters = alters[known].reset_index(drop=True)
    ego = ego_pos.to_numpy()[known].astype(np.int64)
    order = np.argsort(ego, kind="stable")  # egos in table order, each ego's alters in table order
    alters, ego = alters.iloc[order].reset_index(drop=True), ego[order]
    coll = EgoCollection(egos=coll.egos, alters=alters, ties=coll.ties, directed=coll.directed, source=coll.source)

    strength = tie_strength(alters, weights=weights)["strength"].to_numpy(dtype=float)
    frame = graph_frame(coll, include_ego=False)  # node k is alters row k
    pairs = np.unique(np.stack([np.minimum(frame.src, frame.dst), np.maximum(frame.src, frame.dst)]), axis=1) \
        if len(frame.src) else np.zeros((2, 0), dtype=np.int64)
    degree = np.bincount(pairs.ravel(), minlength=frame.n)
    _, label = connected_components(frame.adjacency(weighted=False), directed=coll.directed, connection="weak")
    component = _numbered(ego, label)
    community = np.full(len(alters), np.nan)
    if communities and len(alters):
        community = _communities(coll, ego, seed=seed, resolution=resolution, clusters=_graph_clusters)
    table = pd.DataFrame({
        "ego": ego_ids[ego],
        "alter": alters["alter_id"].to_numpy(dtype=object),
        "strength": strength,
        "tie": _tie_class(strength, threshold),
        "layer": pd.Categorical.from_codes(_layers(strength, ego), categories=LAYERS, ordered=True),
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


def _communities(coll: EgoCollection, ego: np.ndarray, *, seed: int, resolution: float, clusters) -> np.ndarray:
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
        found = clusters(G, seed=seed, resolution=resolution)
        out[start:stop] = found["community"].to_numpy()
    return out
