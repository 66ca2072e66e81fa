"""Measures over many egos at once: the per-ego summary table.

Everything comes from grouped table operations and one block-diagonal sparse graph, not a
loop over egos, so a survey of thousands of ego networks is summarised in one pass.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from .errors import NetkitError
from .frame import as_network, graph_frame
from .model import EgoCollection, EgoNetwork, WholeNetwork, _pair_key

__all__ = ["summarize", "composition"]

BASIC = ["ego", "size", "alter_ties"]
STRUCTURE = ["density", "density_with_ego", "constraint", "effective_size", "efficiency", "hierarchy",
             "components", "isolates", "mean_strength", "weak_share"]
GROUP = ["ei_index", "blau", "iqv"]


def _collection(net) -> EgoCollection:
    from .io import _as_collection

    return _as_collection(net)


def summarize(
    net: EgoNetwork | EgoCollection | WholeNetwork,
    *,
    ego: str | None = None,
    weight: str | None = None,
    group: str | None = None,
    weights="equal",
    threshold: float = 0.5,
    categories: int | None = None,
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

    Examples
    --------
    >>> import netkit as nk
    >>> int(nk.summarize(nk.load_sample("florentine")).set_index("ego").loc["Medici", "size"])
    6
    >>> row = nk.summarize(nk.load_sample("personal")).iloc[0]
    >>> int(row["components"]), int(row["isolates"])
    (4, 1)
    """
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        if weight is not None or group is not None:
            raise NetkitError("weight= and group= apply to ego networks; for a whole network use nk.structural_holes "
                              "and nk.brokerage, or cut an ego network with --ego.")
        table = _whole_summary(net.G)
    else:
        coll = _collection(net)
        table = _basic(coll)
        table = table.join(_structure(coll, table, weight=weight, weights=weights, threshold=threshold), on="ego")
        if group is not None:
            table = table.join(composition(coll, group=group, categories=categories), on="ego")
    if ego is not None:
        chosen = table[table["ego"] == str(ego)]
        if chosen.empty:
            some = ", ".join(map(str, table["ego"].head(5)))
            raise NetkitError(f"there is no ego '{ego}' in {getattr(net, 'source', '') or 'this network'}; egos include {some}.")
        table = chosen.reset_index(drop=True)
    return table


def _basic(coll: EgoCollection) -> pd.DataFrame:
    size = coll.alters.groupby("ego_id", sort=False).size()
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = _pair_key(ties, coll.directed).drop_duplicates()
    alter_ties = distinct.groupby("e", sort=False).size()
    ids = coll.egos["ego_id"]
    return pd.DataFrame({
        "ego": ids.to_numpy(),
        "size": size.reindex(ids).fillna(0).astype(int).to_numpy(),
        "alter_ties": alter_ties.reindex(ids).fillna(0).astype(int).to_numpy(),
    })


def _structure(coll: EgoCollection, basic: pd.DataFrame, *, weight, weights, threshold) -> pd.DataFrame:
    from .holes import structural_holes
    from .ties import tie_strength

    n = basic["size"].to_numpy(float)
    t = basic["alter_ties"].to_numpy(float)
    pairs = n * (n - 1) / (1 if coll.directed else 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(n >= 2, t / pairs, np.nan)
        with_ego = np.where(n >= 1, (t + n) / ((n + 1) * n / (1 if coll.directed else 2)), np.nan)
    out = pd.DataFrame({"ego": basic["ego"], "density": density, "density_with_ego": with_ego}).set_index("ego")

    holes = structural_holes(coll, weight=weight)
    holes = holes.set_index("ego") if "ego" in holes.columns else holes.assign(ego=basic["ego"].iloc[0]).set_index("ego")
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
    out["mean_strength"] = per["s"].mean()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["weak_share"] = per["weak"].sum() / per["known"].sum().replace(0, np.nan)
    return out[STRUCTURE]


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
    if group not in coll.alters.columns or group in ("ego_id", "alter_id"):
        options = [c for c in coll.alters.columns if c not in ("ego_id", "alter_id")]
        raise NetkitError(f"group='{group}' is not an alter attribute; choose one of {', '.join(options)}.")
    values = coll.alters[group]
    k = categories if categories is not None else values.dropna().nunique()
    present = coll.alters.loc[values.notna(), ["ego_id", group]]
    shares = present.groupby("ego_id", sort=False)[group].value_counts(normalize=True)
    blau = 1 - (shares**2).groupby(level=0, sort=False).sum()
    of = coll.alters.set_index(["ego_id", "alter_id"])[group]
    ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
    distinct = ties.loc[~_pair_key(ties, coll.directed).duplicated()]
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
