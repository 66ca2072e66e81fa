"""Solutions for notebook 05, *Support self-assessment*: which ties give which support, and
candidates for a gap."""
from __future__ import annotations

import pandas as pd

from ..model import EgoNetwork

__all__ = ["providers_by_tie", "long_known"]


def providers_by_tie(net: EgoNetwork) -> pd.DataFrame:
    """One row per answer: the support item, its kind, who gives it, and how strong that tie is.

    The weak-tie idea expects *instrumental* support (advice, access, influence) to come mostly
    from weak ties and *psychosocial* support (confiding, encouragement) from strong ties — a
    hypothesis from job-search research (see :mod:`netkit.support`); one person's answers
    describe their network, they do not test it.

    Returns
    -------
    DataFrame
        ``item``, ``kind``, ``alter_id``, ``name``, ``strength`` and ``tie`` (weak or strong);
        items answered "no one yet" or not answered have no row.

    Examples
    --------
    >>> import tempfile
    >>> from netkit.solutions.practice import practice_workspace
    >>> table = providers_by_tie(practice_workspace(root=tempfile.mkdtemp(), favors=False).network())
    >>> table.groupby("kind")["tie"].agg(lambda t: sorted(set(t))).to_dict()
    {'instrumental': ['weak'], 'psychosocial': ['strong']}
    """
    from ..support import SUPPORT_ITEMS, support_answers
    from ..batch import alter_table

    answers = support_answers(net.extra.get("support"))
    ties = alter_table(net, communities=False).set_index("alter_id")
    names = dict(zip(net.alters["alter_id"], net.alters["name"] if "name" in net.alters.columns else net.alters["alter_id"]))
    rows = [
        {"item": item.key, "kind": item.kind, "alter_id": who, "name": names.get(who, who),
         "strength": ties["strength"].get(who), "tie": ties["tie"].get(who)}
        for item in SUPPORT_ITEMS for who in (answers[item.key] or [])
    ]
    return pd.DataFrame(rows, columns=["item", "kind", "alter_id", "name", "strength", "tie"])


def long_known(net: EgoNetwork, years: float = 15, *, leave_out: tuple[str, ...] = ("family",)) -> pd.DataFrame:
    """Candidates for "someone who has known you through several phases of life": the people
    you have known for at least ``years`` years, longest first.

    People whose ``context`` is in ``leave_out`` (by default your family, who have known you
    all your life) are not listed, so the friends who came with you from one phase to the next
    stand out.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``context`` and ``years_known``.

    Examples
    --------
    >>> import netkit as nk
    >>> long_known(nk.load_sample("personal"))["name"].tolist()
    ['Kwame Mensah', 'Priya Raman', 'Nguyễn Thị Lan', 'Hannah Goldberg']
    """
    people = net.alters
    columns = [c for c in ("alter_id", "name", "context", "years_known") if c in people.columns]
    if "years_known" not in people.columns:
        return pd.DataFrame(columns=["alter_id", "name", "context", "years_known"])
    keep = people["years_known"] >= years
    if "context" in people.columns and leave_out:
        keep &= ~people["context"].isin(list(leave_out))
    found = people[keep].sort_values("years_known", ascending=False, kind="stable")
    return found[columns].reset_index(drop=True)
