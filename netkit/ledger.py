"""Reciprocity: the favors ledger ("emotional bank account") and its balances and flags.

A ledger has one row per favor: ``alter_id``, ``date``, ``kind`` (instrumental /
psychosocial), ``direction`` (given / received) and ``status`` (offered / done). From it come,
per person and overall, the balance of giving and receiving and the reciprocated share, and
flags for one-sided ties, offers not followed through and ties gone quiet. Pure functions:
"today" is always a parameter.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import NetkitError
from .words import number, plural

__all__ = [
    "reciprocity_of",
    "favor_balance",
    "reciprocity",
    "ledger_flags",
    "one_sided_sentence",
    "reciprocity_sentence",
    "LEDGER_COLUMNS",
    "CATEGORIES",
]

LEDGER_COLUMNS = ["entry_id", "alter_id", "date", "kind", "direction", "status", "note"]
CATEGORIES = ("reciprocal", "over-benefited", "under-benefited")


def reciprocity_of(gives: Mapping[str, float] | Iterable[str], receives: Mapping[str, float] | Iterable[str]) -> dict:
    """Reciprocated share and balance from what ego gives to and receives from each alter.

    ``gives`` and ``receives`` are either sets of alters or ``{alter: count}``. With
    G = Σ g_j and R = Σ r_j:

    - *reciprocated share* = |{j: g_j > 0 and r_j > 0}| / |{j: g_j > 0 or r_j > 0}|
    - *balance* = (G − R) / (G + R), from −1 (only receiving) to +1 (only giving)

    Both are NaN when nothing was exchanged.

    Examples
    --------
    The example in SCIENCE.md, computed by hand: gives to {A, B, C}, receives from {B, C, D}.

    >>> r = reciprocity_of({"A", "B", "C"}, {"B", "C", "D"})
    >>> r["share"], r["balance"], r["people"], r["reciprocated"]
    (0.5, 0.0, 4, 2)
    """
    g, r = _counts(gives), _counts(receives)
    people = {j for j, v in g.items() if v > 0} | {j for j, v in r.items() if v > 0}
    both = {j for j in people if g.get(j, 0) > 0 and r.get(j, 0) > 0}
    G, R = float(sum(g.values())), float(sum(r.values()))
    return {
        "people": len(people), "reciprocated": len(both), "given": G, "received": R,
        "share": len(both) / len(people) if people else float("nan"),
        "balance": (G - R) / (G + R) if G + R else float("nan"),
    }


def _counts(x) -> dict[str, float]:
    if isinstance(x, Mapping):
        return {str(k): float(v) for k, v in x.items()}
    return {str(k): 1.0 for k in x}


def _clean(ledger: pd.DataFrame | None) -> pd.DataFrame:
    """The ledger with text columns trimmed and lower-cased and dates parsed (NaT when empty)."""
    if ledger is None or len(ledger) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in LEDGER_COLUMNS}).assign(
            when=pd.Series(dtype="datetime64[ns]"))
    missing = [c for c in ("alter_id", "direction", "status") if c not in ledger.columns]
    if missing:
        raise NetkitError(
            f"ledger: required column '{missing[0]}' is missing; a ledger has {', '.join(LEDGER_COLUMNS)}."
        )
    out = ledger.copy()
    for c in ("kind", "direction", "status"):
        if c in out.columns:
            out[c] = out[c].astype("string").str.strip().str.lower().astype(object)
    out["alter_id"] = out["alter_id"].map(lambda v: "" if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else str(v))
    out["when"] = pd.to_datetime(out["date"] if "date" in out.columns else pd.Series(index=out.index, dtype=object),
                                 format="%Y-%m-%d", errors="coerce")
    bad = out["direction"].notna() & ~out["direction"].isin(["given", "received"])
    if bad.any():
        raise NetkitError(f"ledger: direction '{out['direction'][bad].iloc[0]}' is not given or received.")
    return out


def _names(people: pd.DataFrame | None) -> dict[str, str]:
    if people is None or len(people) == 0 or "alter_id" not in people.columns:
        return {}
    names = people["name"] if "name" in people.columns else people["alter_id"]
    return {str(a): (str(n) if isinstance(n, str) and n else str(a)) for a, n in zip(people["alter_id"], names)}


def _counted(ledger: pd.DataFrame, include_offered: bool) -> pd.DataFrame:
    statuses = ["done", "offered"] if include_offered else ["done"]
    return ledger[ledger["status"].isin(statuses) & (ledger["alter_id"] != "")]


def favor_balance(ledger: pd.DataFrame | None, people: pd.DataFrame | None = None, *,
                  include_offered: bool = False) -> pd.DataFrame:
    """Per person: favors given and received, their balance and the kind of exchange.

    Only favors with status ``done`` count unless ``include_offered``. ``balance`` is
    (given − received) / (given + received); ``category`` is ``reciprocal`` (both ways),
    ``under-benefited`` (you only give) or ``over-benefited`` (you only receive).
    One row per person with at least one counted favor, most favors first.

    Examples
    --------
    >>> L = pd.DataFrame({"alter_id": ["A", "A", "B"], "direction": ["given", "received", "given"],
    ...                   "status": ["done", "done", "done"]})
    >>> favor_balance(L)[["alter_id", "given", "received", "balance", "category"]].to_dict("records")
    [{'alter_id': 'A', 'given': 1, 'received': 1, 'balance': 0.0, 'category': 'reciprocal'}, \
{'alter_id': 'B', 'given': 1, 'received': 0, 'balance': 1.0, 'category': 'under-benefited'}]
    """
    names = _names(people)
    led = _counted(_clean(ledger), include_offered)
    columns = ["alter_id", "name", "given", "received", "balance", "category",
               "instrumental", "psychosocial", "last_favor"]
    if led.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for alter, grp in led.groupby("alter_id", sort=False):
        g = int((grp["direction"] == "given").sum())
        r = int((grp["direction"] == "received").sum())
        last = grp["when"].max()
        rows.append({
            "alter_id": alter, "name": names.get(alter, alter), "given": g, "received": r,
            "balance": (g - r) / (g + r),
            "category": "reciprocal" if g and r else ("under-benefited" if g else "over-benefited"),
            "instrumental": int((grp.get("kind") == "instrumental").sum()) if "kind" in grp else 0,
            "psychosocial": int((grp.get("kind") == "psychosocial").sum()) if "kind" in grp else 0,
            "last_favor": last.strftime("%Y-%m-%d") if pd.notna(last) else "",
        })
    out = pd.DataFrame(rows, columns=columns)
    order = (out["given"] + out["received"]).sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)


def reciprocity(ledger: pd.DataFrame | None, *, include_offered: bool = False) -> dict:
    """Overall reciprocity of a ledger: :func:`reciprocity_of` over favors done (counts).

    Returns ``people``, ``reciprocated``, ``given`` (G), ``received`` (R), ``share`` and
    ``balance``, plus the number of people in each category.

    Examples
    --------
    >>> L = pd.DataFrame({"alter_id": list("ABCBCD"), "direction": ["given"] * 3 + ["received"] * 3,
    ...                   "status": ["done"] * 6})
    >>> r = reciprocity(L)
    >>> r["share"], r["balance"], r["under-benefited"], r["over-benefited"]
    (0.5, 0.0, 1, 1)
    """
    led = _counted(_clean(ledger), include_offered)
    gives = led[led["direction"] == "given"]["alter_id"].value_counts().to_dict()
    receives = led[led["direction"] == "received"]["alter_id"].value_counts().to_dict()
    out = reciprocity_of(gives, receives)
    cats = favor_balance(ledger, include_offered=include_offered)["category"].value_counts()
    out.update({c: int(cats.get(c, 0)) for c in CATEGORIES})
    return out


def _favors(n: int) -> str:
    return "a favor" if n == 1 else plural(n, "favor")


def one_sided_sentence(name: str, *, given: int, received: int) -> str:
    """How a tie where favors went one way only is said to the participant.

    Parameters
    ----------
    name : str
        The other person.
    given, received : int
        Favors done by you for them, and by them for you; one of the two is 0.

    Returns
    -------
    str
        One sentence; used for the *one-sided* flag and the action plan's deposits.

    Examples
    --------
    >>> one_sided_sentence("Ana", given=2, received=0)
    'You did Ana 2 favors and received none back yet.'
    >>> one_sided_sentence("Ben", given=0, received=1)
    'Ben did you a favor and you have not returned one yet.'
    """
    if given:
        return f"You did {name} {_favors(given)} and received none back yet."
    return f"{name} did you {_favors(received)} and you have not returned one yet."


def reciprocity_sentence(totals: Mapping[str, float]) -> str:
    """The overall give and take of :func:`reciprocity` in one sentence, for forms and the report.

    Parameters
    ----------
    totals : mapping
        :func:`reciprocity`'s result: ``given``, ``received``, ``balance``, ``reciprocated``,
        ``people`` and ``share``.

    Returns
    -------
    str
        Empty when no favor was done.

    Examples
    --------
    >>> L = pd.DataFrame({"alter_id": ["A", "A", "B"], "direction": ["given", "received", "given"],
    ...                   "status": ["done"] * 3})
    >>> print(reciprocity_sentence(reciprocity(L)).replace(". ", ".\\n"))
    You did 2 favors and received one.
    Favors went both ways with 1 of the 2 people.
    Balance +0.333 (−1: you only receive; +1: you only give).
    >>> one = {"given": 1, "received": 0, "balance": 1.0, "reciprocated": 0, "people": 1}
    >>> print(reciprocity_sentence(one).replace(". ", ".\\n"))
    You did a favor and received none.
    Favors went one way only.
    Balance +1 (−1: you only receive; +1: you only give).
    """
    if not totals.get("people"):
        return ""
    given, received = int(totals["given"]), int(totals["received"])
    people, both = int(totals["people"]), int(totals["reciprocated"])
    got = "none" if received == 0 else ("one" if received == 1 else number(received))
    if both == 0:
        ways = "Favors went one way only."
    elif people == 1:
        ways = "Favors went both ways."
    elif both == people:
        ways = f"Favors went both ways with {'both' if people == 2 else 'all ' + number(people)} people."
    else:
        ways = f"Favors went both ways with {'none' if both == 0 else number(both)} of the {number(people)} people."
    balance = float(totals["balance"])
    sign = "+" if balance > 0 else ("−" if balance < 0 else "")
    return (f"You did {_favors(given) if given else 'no favors'} and received {got}. {ways} "
            f"Balance {sign}{number(abs(balance))} (−1: you only receive; +1: you only give).")


def _as_date(today) -> pd.Timestamp:
    if today is None:
        raise NetkitError("today: pass the date to judge against, e.g. today=datetime.date.today().")
    try:
        return pd.Timestamp(today).normalize()
    except (TypeError, ValueError):
        raise NetkitError(f"today: {today!r} is not a date; pass a datetime.date or 'YYYY-MM-DD'.") from None


def ledger_flags(
    ledger: pd.DataFrame | None,
    people: pd.DataFrame | None = None,
    *,
    today: dt.date | str,
    offer_days: int = 14,
    dormant_months: int = 6,
    one_sided_min: int = 2,
) -> pd.DataFrame:
    """Things worth acting on: one-sided ties, offers not followed through, dormant ties.

    Parameters
    ----------
    ledger : DataFrame
        The favors ledger (see module docs).
    people : DataFrame, optional
        The alters table; its ``last_contact`` dates (and names) are used for dormant ties.
    today : date or 'YYYY-MM-DD'
        The day to judge against.
    offer_days : int, default 14
        An offer you made (direction ``given``, status ``offered``) older than this is flagged.
    dormant_months : int, default 6
        A person whose last contact — the later of ``last_contact`` and their latest ledger
        date — is more than this many months before ``today`` is flagged *dormant*. People
        with no date at all are not flagged (nothing is known).
    one_sided_min : int, default 2
        A tie with at least this many favors done, all in one direction, is *one-sided*.

    Returns
    -------
    DataFrame
        One row per flag: ``flag`` (``one-sided``, ``offer not followed through``,
        ``dormant``), ``alter_id``, ``name``, ``detail`` (a sentence), ``entry_id`` (offers
        only), ``date`` (the offer's date, or the last contact).

    Examples
    --------
    >>> L = pd.DataFrame({"entry_id": ["f1", "f2", "f3"], "alter_id": ["A", "A", "B"],
    ...     "date": ["2026-01-05", "2026-02-01", "2026-02-10"], "direction": ["given"] * 3,
    ...     "status": ["done", "done", "offered"]})
    >>> ledger_flags(L, today="2026-03-01")[["flag", "alter_id"]].values.tolist()
    [['one-sided', 'A'], ['offer not followed through', 'B']]
    """
    now = _as_date(today)
    names = _names(people)
    led = _clean(ledger)
    rows = []
    done = led[(led["status"] == "done") & (led["alter_id"] != "")]
    for alter, grp in done.groupby("alter_id", sort=False):
        g = int((grp["direction"] == "given").sum())
        r = int((grp["direction"] == "received").sum())
        if g + r >= one_sided_min and (g == 0 or r == 0):
            name = names.get(alter, alter)
            rows.append({"flag": "one-sided", "alter_id": alter, "name": name,
                         "detail": one_sided_sentence(name, given=g, received=r),
                         "entry_id": "", "date": grp["when"].max()})
    offers = led[(led["status"] == "offered") & (led["direction"] == "given") & led["when"].notna()]
    for rec in offers.to_dict("records"):
        age = (now - rec["when"]).days
        if age > offer_days:
            name = names.get(rec["alter_id"], rec["alter_id"])
            note = f" ({rec['note']})" if isinstance(rec.get("note"), str) and rec.get("note") else ""
            rows.append({"flag": "offer not followed through", "alter_id": rec["alter_id"], "name": name,
                         "detail": f"You offered {name} a favor{note} {plural(age, 'day')} ago and it is not "
                                   "marked done.",
                         "entry_id": rec.get("entry_id", ""), "date": rec["when"]})
    last = led.groupby("alter_id")["when"].max() if len(led) else pd.Series(dtype="datetime64[ns]")
    contact = {}
    if people is not None and "last_contact" in people.columns and "alter_id" in people.columns:
        dates = pd.to_datetime(people["last_contact"].astype("string"), format="%Y-%m-%d", errors="coerce")
        contact = {str(a): d for a, d in zip(people["alter_id"], dates)}
    cutoff = now - pd.DateOffset(months=dormant_months)
    everyone = list(dict.fromkeys(list(contact) + [a for a in last.index if a]))
    for alter in everyone:
        dates = [d for d in (contact.get(alter), last.get(alter)) if d is not None and pd.notna(d)]
        if not dates:
            continue
        when = max(dates)
        if when < cutoff:
            name = names.get(alter, alter)
            months = (now.year - when.year) * 12 + now.month - when.month
            rows.append({"flag": "dormant", "alter_id": alter, "name": name,
                         "detail": f"No contact with {name} for about {plural(months, 'month')} "
                                   f"(last {when:%Y-%m-%d}).",
                         "entry_id": "", "date": when})
    out = pd.DataFrame(rows, columns=["flag", "alter_id", "name", "detail", "entry_id", "date"])
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d").fillna("")
    return out
