"""Solutions for notebook 07, *Research over many egos*: comparing groups of egos, and the
Granovetter check ego by ego."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import NetkitError

__all__ = ["compare_groups", "granovetter_by_ego"]


def compare_groups(summary: pd.DataFrame, egos: pd.DataFrame, by: str, measure: str = "constraint") -> pd.DataFrame:
    """One measure of the per-ego summary, compared across the values of an ego attribute.

    Parameters
    ----------
    summary : DataFrame
        :func:`netkit.summarize` of a collection (an ``ego_id`` column).
    egos : DataFrame
        The collection's egos table (``ego_id`` and attributes), e.g. ``coll.egos``.
    by : str
        The ego attribute to group by (e.g. ``employment``); egos without a value are left out.
    measure : str
        A column of ``summary``.

    Returns
    -------
    DataFrame
        ``by``, ``egos`` (how many), ``median`` and ``mean`` of ``measure``, largest median
        first.

    Examples
    --------
    >>> s = pd.DataFrame({"ego_id": ["1", "2", "3"], "size": [4, 6, 10]})
    >>> e = pd.DataFrame({"ego_id": ["1", "2", "3"], "job": ["a", "a", "b"]})
    >>> compare_groups(s, e, "job", "size").to_dict("records")
    [{'job': 'b', 'egos': 1, 'median': 10.0, 'mean': 10.0}, {'job': 'a', 'egos': 2, 'median': 5.0, 'mean': 5.0}]
    """
    if by not in egos.columns:
        options = ", ".join(c for c in egos.columns if c != "ego_id")
        raise NetkitError(f"by={by!r} is not an ego attribute; choose one of {options}.")
    if measure not in summary.columns:
        raise NetkitError(f"measure={measure!r} is not a column of the summary; choose one of "
                          f"{', '.join(c for c in summary.columns if c != 'ego_id')}.")
    joined = summary[["ego_id", measure]].merge(egos[["ego_id", by]], on="ego_id")
    table = joined.dropna(subset=[by]).groupby(by)[measure].agg(egos="count", median="median", mean="mean")
    table = table.astype({"median": float, "mean": float})
    return table.sort_values("median", ascending=False, kind="stable").reset_index()


def granovetter_by_ego(ties: pd.DataFrame, *, min_ties: int = 5) -> pd.DataFrame:
    """The Granovetter check for every ego at once: Spearman's rho between tie strength and overlap.

    Uses each ego's own ties (``kind == "ego-alter"``) with both a strength and an overlap, as
    :func:`netkit.granovetter_check` does for one ego; computed for all egos in one grouped
    pass (Pearson's correlation of the within-ego ranks, ties given their average rank).

    Parameters
    ----------
    ties : DataFrame
        :func:`netkit.tie_table` of a collection (an ``ego_id`` column).
    min_ties : int
        Egos with fewer usable ties get ``rho`` NaN (too few to say anything).

    Returns
    -------
    DataFrame
        ``ego_id``, ``n`` (usable ties) and ``rho`` (NaN when n < ``min_ties`` or when strength or
        overlap does not vary), in the order the egos first appear in ``ties``.

    Examples
    --------
    >>> t = pd.DataFrame({"ego_id": ["A"] * 4, "kind": ["ego-alter"] * 4,
    ...                   "strength": [0.1, 0.4, 0.6, 0.9], "overlap": [0.0, 0.2, 0.1, 0.5]})
    >>> granovetter_by_ego(t, min_ties=3)[["n", "rho"]].to_dict("records")
    [{'n': 4, 'rho': 0.8}]
    """
    if "ego_id" not in ties.columns:
        raise NetkitError("ties: needs an 'ego_id' column — the tie table of a collection, nk.tie_table(collection).")
    own = ties.loc[ties["kind"] == "ego-alter", ["ego_id", "strength", "overlap"]].dropna()
    order = pd.unique(ties["ego_id"])
    groups = own.groupby("ego_id", sort=False)
    ranks = groups[["strength", "overlap"]].rank(method="average")
    centred = ranks - ranks.groupby(own["ego_id"]).transform("mean")
    parts = pd.DataFrame({
        "sx": centred["strength"] * centred["overlap"],
        "xx": centred["strength"] ** 2,
        "yy": centred["overlap"] ** 2,
        "ego_id": own["ego_id"],
    }).groupby("ego_id", sort=False).sum()
    n = groups.size()
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = parts["sx"] / np.sqrt(parts["xx"] * parts["yy"])
    rho = rho.where((n >= min_ties) & (parts["xx"] > 0) & (parts["yy"] > 0))
    out = pd.DataFrame({"ego_id": order})
    out["n"] = out["ego_id"].map(n).fillna(0).astype(int)
    out["rho"] = out["ego_id"].map(rho).astype(float)
    return out
