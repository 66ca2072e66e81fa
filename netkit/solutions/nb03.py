"""Solutions for notebook 03, *Weak and strong ties*: the weak share, how the strength weights move ties,
and the weak ties that help."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from ..model import EgoNetwork

__all__ = ["weak_ties_share", "weight_changes", "weak_but_useful"]


def _spokes(net: EgoNetwork, strength, threshold: float = 0.5) -> pd.DataFrame:
    """Your tie to each contact: ``alter_id``, ``strength``, ``tie`` (weak/strong)."""
    from ..batch import alter_table

    return alter_table(net, strength=strength, threshold=threshold, communities=False)


def weak_ties_share(net: EgoNetwork, strength: str | Mapping[str, float] = "equal", threshold: float = 0.5) -> float:
    """The share of your ties (to contacts with a known strength) that are weak.

    A tie is *weak* when its strength index is below ``threshold``. The same number is the
    ``weak_share`` column of :func:`netkit.summarize`.

    Examples
    --------
    >>> import netkit as nk
    >>> weak_ties_share(nk.load_sample("personal"))   # 30 weak ties of 40
    0.75
    """
    spokes = _spokes(net, strength, threshold).dropna(subset=["strength"])
    return float((spokes["tie"] == "weak").mean()) if len(spokes) else float("nan")


def weight_changes(net: EgoNetwork, before: str | Mapping[str, float] = "equal",
                   after: str | Mapping[str, float] = "closeness", threshold: float = 0.5) -> pd.DataFrame:
    """The contacts whose tie turns from weak to strong (or back) when the weights change.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``strength_before``, ``strength_after``, ``tie_before``,
        ``tie_after``, one row per contact whose label changes, largest move first.

    Examples
    --------
    >>> import netkit as nk
    >>> moved = weight_changes(nk.load_sample("personal"), "equal", "closeness")
    >>> sorted(moved["tie_after"].unique())
    ['strong']
    """
    a, b = _spokes(net, before, threshold), _spokes(net, after, threshold)
    names = dict(zip(net.alters["alter_id"], net.alters["name"] if "name" in net.alters.columns else net.alters["alter_id"]))
    table = pd.DataFrame({
        "alter_id": a["alter_id"], "name": a["alter_id"].map(names),
        "strength_before": a["strength"], "strength_after": b["strength"],
        "tie_before": a["tie"], "tie_after": b["tie"],
    })
    changed = table[table["tie_before"].astype(object) != table["tie_after"].astype(object)]
    order = (changed["strength_after"] - changed["strength_before"]).abs().sort_values(ascending=False, kind="stable").index
    return changed.loc[order].reset_index(drop=True)


def weak_but_useful(net: EgoNetwork, strength: str | Mapping[str, float] = "equal") -> pd.DataFrame:
    """Weak ties who helped you in the last year (``support_received`` = 1).

    Granovetter's point in one table: people you are not close to can still bring you what
    your close ties cannot.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``context``, ``closeness`` and ``strength``, weakest first.

    Examples
    --------
    The practice network's README names four such people; they are among them:

    >>> import netkit as nk
    >>> useful = set(weak_but_useful(nk.load_sample("personal"))["name"])
    >>> {"Dmitri Volkov", "Helga Andersen", "Mei Ling Tan", "Ravi Menon"} <= useful
    True
    """
    spokes = _spokes(net, strength)[["alter_id", "strength", "tie"]]
    people = net.alters.merge(spokes, on="alter_id", how="left")
    if "support_received" not in people.columns:
        return pd.DataFrame(columns=["alter_id", "name", "context", "closeness", "strength"])
    useful = people[(people["tie"] == "weak") & (people["support_received"] == 1)]
    columns = [c for c in ("alter_id", "name", "context", "closeness", "strength") if c in useful.columns]
    return useful.sort_values("strength", kind="stable")[columns].reset_index(drop=True)
