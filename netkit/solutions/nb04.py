"""Solutions for notebook 04, *Structural holes and introductions*: the groups only you reach,
brokerage as a member of a group, and a list of introductions that spreads the goodwill."""
from __future__ import annotations

import dataclasses

import pandas as pd

from ..errors import NetkitError
from ..model import EgoNetwork

__all__ = ["only_through_you", "brokerage_as_member", "one_per_person"]


def only_through_you(net: EgoNetwork) -> pd.DataFrame:
    """Contacts outside the largest connected group of your contacts: reachable only through you.

    With you removed, your contacts fall into *components* — groups joined by at least a
    chain of ties. Everyone outside the largest one can reach the rest only through you.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``context`` and ``component`` (0 is the largest), in the
        order of the alters table.

    Examples
    --------
    The former job (5 people), the online community (3) and Jamie Thornton, who knows nobody
    else (``data/samples/personal/README.md``):

    >>> import netkit as nk
    >>> table = only_through_you(nk.load_sample("personal"))
    >>> len(table), sorted(table["context"].unique())
    (9, ['former job', 'online community'])
    """
    from ..communities import clusters

    parts = clusters(net)[["alter_id", "component"]]
    people = net.alters.merge(parts, on="alter_id", how="left")
    columns = [c for c in ("alter_id", "name", "context", "component") if c in people.columns]
    return people[people["component"] != 0][columns].reset_index(drop=True)


def brokerage_as_member(net: EgoNetwork, value: str | None = None, *, group: str = "context") -> pd.DataFrame:
    """Your brokerage roles when you count yourself as a member of one group (e.g. your job).

    By default netkit puts you in a group of your own, so you can only be an *itinerant*
    (linking two people of one group) or a *liaison* (linking two groups). As a member of
    ``value`` you can also be a *coordinator* (inside your own group) or a
    *gatekeeper/representative* (between your group and another).

    Parameters
    ----------
    net : EgoNetwork
    value : str, optional
        The group you count yourself in; by default the largest one (the most common value
        of ``group``; the first in the alters table when two are as large).
    group : str
        The alter column that defines groups.

    Examples
    --------
    >>> import netkit as nk
    >>> row = brokerage_as_member(nk.load_sample("personal")).iloc[0]   # the largest context: current job
    >>> int(row["total"]) == int(nk.brokerage(nk.load_sample("personal"), group="context")["total"].iloc[0])
    True
    """
    from collections import Counter

    from ..brokers import brokerage

    if group not in net.alters.columns:
        raise NetkitError(f"group={group!r} is not a column of the alters.")
    values = net.alters[group].dropna().astype(str)
    if value is None:
        if values.empty:
            raise NetkitError(f"nobody has a {group} yet; fill it in for your contacts first.")
        value = Counter(values).most_common(1)[0][0]
    known = sorted(values.unique())
    if value not in known:
        raise NetkitError(f"{value!r} is not a value of {group}; choose one of {', '.join(known)}.")
    member = dataclasses.replace(net, ego={**net.ego, group: value})
    return brokerage(member, group=group)


def one_per_person(introductions: pd.DataFrame, k: int | None = None) -> pd.DataFrame:
    """Keep each person in at most one suggested introduction, best first.

    Walks down the ranked table of :func:`netkit.suggest_introductions` and keeps a pair only
    when neither person is already in a kept pair, so the goodwill is spread over more people.
    The kit's own ``suggest_introductions(..., per_person=1)`` does the same walk.

    Examples
    --------
    >>> table = pd.DataFrame({"alter_id_a": ["A", "A", "C"], "alter_id_b": ["B", "C", "D"]})
    >>> one_per_person(table)[["alter_id_a", "alter_id_b"]].values.tolist()
    [['A', 'B'], ['C', 'D']]
    """
    from ..introductions import at_most_per_person

    return at_most_per_person(introductions, 1, k).reset_index(drop=True)
