"""Solutions for notebook 06, *Reciprocity and an action plan*: open offers, and the balance of
each kind of favor."""
from __future__ import annotations

import datetime as dt

import pandas as pd

__all__ = ["open_offers", "balance_by_kind"]


def open_offers(ledger: pd.DataFrame, people: pd.DataFrame | None = None, *, today: dt.date | str) -> pd.DataFrame:
    """Favors you offered and have not done yet, oldest first, with how long each has waited.

    Returns
    -------
    DataFrame
        ``entry_id``, ``name`` (or the alter id), ``date``, ``days_open`` and ``note``.

    Examples
    --------
    >>> L = pd.DataFrame({"entry_id": ["f1", "f2"], "alter_id": ["A", "B"], "date": ["2026-01-01", "2026-01-20"],
    ...                   "direction": ["given", "given"], "status": ["offered", "done"], "note": ["", ""]})
    >>> open_offers(L, today="2026-01-31")[["entry_id", "days_open"]].values.tolist()
    [['f1', 30]]
    """
    day = pd.Timestamp(today)
    open_ = ledger[(ledger["direction"] == "given") & (ledger["status"] == "offered")].copy()
    names = {} if people is None else dict(zip(people["alter_id"], people["name"]))
    open_["name"] = open_["alter_id"].map(lambda a: names.get(a, a))
    open_["days_open"] = (day - pd.to_datetime(open_["date"])).dt.days
    columns = ["entry_id", "name", "date", "days_open", "note"]
    return open_.sort_values("date", kind="stable")[[c for c in columns if c in open_.columns]].reset_index(drop=True)


def balance_by_kind(ledger: pd.DataFrame) -> pd.DataFrame:
    """Favors done, given and received, for each kind of favor, with their balance.

    *Balance* is (given − received) / (given + received): −1 you only receive, +1 you only give.

    Examples
    --------
    >>> L = pd.DataFrame({"kind": ["instrumental", "instrumental", "psychosocial"],
    ...                   "direction": ["given", "received", "given"], "status": ["done", "done", "done"]})
    >>> balance_by_kind(L).to_dict("records")
    [{'kind': 'instrumental', 'given': 1, 'received': 1, 'balance': 0.0}, {'kind': 'psychosocial', 'given': 1, 'received': 0, 'balance': 1.0}]
    """
    done = ledger[ledger["status"] == "done"]
    counts = pd.crosstab(done["kind"], done["direction"]).reindex(columns=["given", "received"], fill_value=0)
    table = counts.rename_axis(columns=None).reset_index()
    table[["given", "received"]] = table[["given", "received"]].astype(int)
    total = table["given"] + table["received"]
    table["balance"] = (table["given"] - table["received"]) / total
    return table
