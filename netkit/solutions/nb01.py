"""Solutions for notebook 01, *Load a network*: first looks at the three tables."""
from __future__ import annotations

import pandas as pd

from ..model import EgoNetwork

__all__ = ["best_connected", "confidants_by_context"]


def best_connected(net: EgoNetwork, n: int = 3) -> pd.DataFrame:
    """The ``n`` contacts who know the most of your other contacts.

    *Degree* here is the number of ties a contact has to the other contacts (you are left
    out: everyone knows you). Equal counts keep the order of the alters table.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``context`` and ``knows`` (the degree), most connected first.

    Examples
    --------
    >>> import netkit as nk
    >>> best_connected(nk.load_sample("personal"), n=1)["name"].tolist()
    ['Layla Haddad-Lindgren']
    """
    G = net.graph(include_ego=False)
    table = net.alters.assign(knows=[G.degree(a) for a in net.alters["alter_id"]])
    columns = [c for c in ("alter_id", "name", "context", "knows") if c in table.columns]
    top = table.sort_values("knows", ascending=False, kind="stable").head(n)
    return top[columns].reset_index(drop=True)


def confidants_by_context(net: EgoNetwork) -> pd.DataFrame:
    """How many people each context holds, and how many of them you confide in.

    Returns
    -------
    DataFrame
        ``context``, ``people`` and ``confidants`` (``confiding`` = 1), largest context first.
        People without a context are counted under "not given"; without a ``confiding``
        column nobody counts as a confidant.

    Examples
    --------
    >>> import netkit as nk
    >>> table = confidants_by_context(nk.load_sample("personal"))
    >>> int(table["people"].sum()), int(table["confidants"].sum())
    (40, 6)
    """
    alters = net.alters
    context = alters["context"] if "context" in alters.columns else pd.Series(pd.NA, index=alters.index)
    confiding = alters["confiding"] if "confiding" in alters.columns else pd.Series(0, index=alters.index)
    grouped = pd.DataFrame({"context": context.fillna("not given"), "confiding": confiding.fillna(0)}) \
        .groupby("context", sort=False)
    table = pd.DataFrame({"people": grouped.size(), "confidants": grouped["confiding"].sum().astype(int)}).reset_index()
    return table.sort_values("people", ascending=False, kind="stable").reset_index(drop=True)
