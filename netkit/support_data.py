"""Support coded per alter, as research data: the coding in a tidy table, one row per ego × item,
and the weak/strong-tie question tested across many egos with the ego as the cluster.

The input is the support table of a collection (``extra['support']``: ego_id, instrument, item,
alter_id, value 1/0/blank and optionally gap 1/0/blank), read against an instrument
(:mod:`netkit.instruments`). Rows of items the instrument does not declare are never dropped
silently: one warning names them and says how to declare them.
"""
from __future__ import annotations

import math
import warnings
from typing import Mapping

import numpy as np
import pandas as pd

from .errors import NetkitError
from .instruments import EXPECTED_TIE, SHIPPED, Instrument, instruments_for
from .model import as_collection, scales_of
from .schema import NO_WORDS, YES_WORDS
from .words import and_list, plural

__all__ = ["support_codes", "support_table", "support_by_strength", "support_status"]

CODE_COLUMNS = ["ego_id", "alter_id", "instrument", "item", "kind", "gives", "gap", "strength", "tie"]
TABLE_COLUMNS = ["ego_id", "instrument", "item", "kind", "answered", "alters_coded", "providers", "no_provider",
                 "gap", "top_provider", "top_share", "weak", "strong", "unrated", "provider_ids"]
DEFAULT_STRENGTH = "closeness"


# ----------------------------------------------------------------------------- reading the coding


def _instruments(coll, instrument) -> list[Instrument]:
    return instruments_for(coll.extra, instrument)


def _flag(values: pd.Series, column: str, rows: pd.DataFrame | None = None) -> pd.Series:
    """1/0/blank (yes/no words too) as Int64; a number above 1 in ``value`` also means "gives"."""
    text = values.astype("string").str.strip().str.lower()
    out = pd.Series(pd.NA, index=values.index, dtype="Int64")
    out[text.isin(YES_WORDS).fillna(False).to_numpy(bool)] = 1
    out[text.isin(NO_WORDS).fillna(False).to_numpy(bool)] = 0
    rest = text.notna() & (text != "") & out.isna()
    if rest.any() and column == "value":
        number = pd.to_numeric(text[rest].str.replace(",", ".", regex=False), errors="coerce")
        ok = number.notna() & (number >= 0) & np.isfinite(number.fillna(0))
        out[number[ok].index] = (number[ok] > 0).astype(int)
        rest = rest & out.isna()
    if rest.any():
        pos = int(np.flatnonzero(rest.to_numpy(bool))[0])
        where = ""
        if rows is not None:
            parts = [f"{c.split('_')[0]} {rows[c].iloc[pos]!r}" for c in ("ego_id", "alter_id", "item") if c in rows.columns]
            where = f" ({', '.join(parts)})"
        raise NetkitError(f"the support table, row {pos + 1}{where}, column '{column}': {values.iloc[pos]!r} is not "
                          "1 (yes), 0 (no) or blank (not known); write one of these.")
    return out


def _rows(coll) -> pd.DataFrame:
    """The support table as typed text ids and flags (empty with the columns when there is none)."""
    support = coll.extra.get("support")
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in ["ego_id", "instrument", "item", "alter_id", "value"]})
    if support is None or len(support) == 0:
        return empty.assign(value=pd.Series(dtype="Int64"), gap=pd.Series(dtype="Int64"), number=pd.Series(dtype=float))
    missing = [c for c in ("ego_id", "item", "alter_id", "value") if c not in support.columns]
    if missing:
        raise NetkitError(f"the support table has no column '{missing[0]}' (found {', '.join(map(str, support.columns))}); "
                          "it needs ego_id, instrument, item, alter_id and value (1/0/blank).")
    rows = support.reset_index(drop=True)
    out = pd.DataFrame({c: _text(rows[c]) if c in rows.columns else "" for c in ("ego_id", "instrument", "item", "alter_id")})
    out["value"] = _flag(rows["value"], "value", out)
    out["number"] = pd.to_numeric(rows["value"].astype("string").str.replace(",", ".", regex=False), errors="coerce")
    out["gap"] = _flag(rows["gap"], "gap", out) if "gap" in rows.columns else pd.Series(pd.NA, index=rows.index, dtype="Int64")
    return out


def _text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text ("" when blank; 3.0 as "3"), each distinct value converted once."""
    def one(v):
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()

    values = values.astype(object)
    lookup = {v: one(v) for v in pd.unique(values.dropna())}
    return values.map(lookup, na_action="ignore").fillna("").astype(object)


def _match(rows: pd.DataFrame, instruments: list[Instrument]) -> pd.DataFrame:
    """Each row's instrument and kind; rows of undeclared items are named in one warning and left out."""
    kind = pd.Series("", index=rows.index, dtype=object)
    which = pd.Series("", index=rows.index, dtype=object)
    for ins in instruments:
        hit = rows["item"].isin(ins.keys) & (kind == "")
        if ins.name:  # a row naming no instrument belongs to the first that declares its item
            hit &= rows["instrument"].isin([ins.name, ""])
        kinds = {i.key: i.kind for i in ins.items}
        kind[hit] = rows.loc[hit, "item"].map(kinds)
        which[hit] = ins.name if ins.name else rows.loc[hit, "instrument"]
    unmatched = rows[kind == ""]
    if len(unmatched):
        warnings.warn(_undeclared_message(unmatched, instruments), UserWarning, stacklevel=4)
    return rows.assign(instrument=which, kind=kind)[kind != ""]


def _undeclared_message(unmatched: pd.DataFrame, instruments: list[Instrument]) -> str:
    groups = []
    for name, part in unmatched.groupby("instrument", sort=False):
        items = list(pd.unique(part["item"]))
        shown = and_list([repr(i) for i in items[:8]]) + (f" and {len(items) - 8} more" if len(items) > 8 else "")
        groups.append(f"{shown} of instrument {name!r}" if name else shown)
    declared = and_list([repr(i.label) for i in instruments])
    return (f"the support table has {plural(len(unmatched), 'row')} whose items are not in the instrument {declared}: "
            f"{'; '.join(groups)}. They are left out of these counts; declare them with instrument= "
            "(--instrument on the command line: a CSV file with "
            "the columns instrument, item, question and kind: instrumental, psychosocial or other; or a shipped one: "
            f"{', '.join(SHIPPED)}), or in the data package's instrument table.")


def _tie_classes(coll, strength, threshold: float) -> pd.DataFrame:
    """(ego_id, alter_id) -> strength and tie class (weak / strong / blank when not rated)."""
    from .arguments import check_threshold
    from .ties import tie_class, tie_strength

    check_threshold(threshold)
    alters = coll.alters
    score = tie_strength(alters, strength=strength, scales=scales_of(coll))["strength"].to_numpy(dtype=float)
    tie = np.asarray(tie_class(score, threshold).astype(object))
    return pd.DataFrame({"ego_id": alters["ego_id"].astype(str).to_numpy(), "alter_id": alters["alter_id"].astype(str).to_numpy(),
                         "strength": score, "tie": [t if isinstance(t, str) else "" for t in tie]})


def support_codes(net, *, instrument=None, strength: str | Mapping[str, float] = DEFAULT_STRENGTH,
                  threshold: float = 0.5) -> pd.DataFrame:
    """The support coding, one row per ego × alter × item, with each alter's tie strength.

    Parameters
    ----------
    net : EgoNetwork or EgoCollection
        With the coding in ``extra['support']`` (columns ego_id, instrument, item, alter_id, value
        and optionally gap).
    instrument : str, path, table or Instrument, optional
        What the items are (see :func:`netkit.instruments.instrument`). By default the study's
        declared items (``extra['instrument']``), else the shipped instruments named in the data,
        else the six-question self-check.
    strength, threshold
        How tie strength is scored and where strong begins (:func:`netkit.tie_strength`). The
        default scores closeness alone: the full index counts confiding and reciprocal services,
        which are themselves support, so testing support on it would be circular.

    Returns
    -------
    DataFrame
        ``ego_id``, ``alter_id``, ``instrument``, ``item``, ``kind``, ``gives`` (1/0, blank = not
        known), ``gap`` (the row's gap flag, blank when not coded), ``strength`` and ``tie``
        (``weak``, ``strong``, or ``""`` when the alter's strength is not known or the alter is
        not in the alters table). Rows naming no alter (a "no one" answer) are left out here;
        :func:`support_table` counts them.

    Warns
    -----
    UserWarning
        Once, naming the items that are not in the instrument (left out), and the people coded
        who are not among their ego's alters (kept, with an unknown tie).
    """
    coll = as_collection(net)
    rows = _one_per_alter(_match(_rows(coll), _instruments(coll, instrument)))
    return _codes(coll, rows, strength, threshold)


def _codes(coll, rows: pd.DataFrame, strength, threshold: float) -> pd.DataFrame:
    rows = rows[rows["alter_id"] != ""]
    ties = _tie_classes(coll, strength, threshold)
    out = rows.merge(ties, on=["ego_id", "alter_id"], how="left", indicator=True)
    stray = out[out["_merge"] == "left_only"]
    if len(stray):
        first = stray.iloc[0]
        n = len(stray[["ego_id", "alter_id"]].drop_duplicates())
        warnings.warn(f"the support table codes {plural(n, 'person', 'people')} "
                      f"who {'is' if n == 1 else 'are'} not among their ego's alters (first: alter "
                      f"'{first['alter_id']}' of ego "
                      f"'{first['ego_id']}'); they are kept with an unknown tie strength — add them to the alters "
                      "table, or correct the id.", UserWarning, stacklevel=4)
    out["tie"] = out["tie"].fillna("")
    out = out.rename(columns={"value": "gives"})
    return out[CODE_COLUMNS].reset_index(drop=True)


def _one_per_alter(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per ego × instrument × item × alter: repeats that agree are one; repeats that disagree
    are an error naming them (which answer is right is not netkit's to guess)."""
    key = ["ego_id", "instrument", "item", "alter_id"]
    dup = rows.duplicated(key, keep=False)
    if dup.any():
        both = rows[dup].groupby(key, sort=False)
        clash = both["value"].nunique(dropna=False) > 1
        clash |= both["gap"].nunique(dropna=False) > 1
        if clash.any():
            e, ins, item, alter = clash[clash].index[0]
            raise NetkitError(f"the support table codes alter '{alter}' of ego '{e}' twice for item '{item}' with "
                              "different values; keep one row per ego, item and alter.")
    return rows.drop_duplicates(key)


# ----------------------------------------------------------------------------- one row per ego × item


def support_table(net, *, instrument=None, strength: str | Mapping[str, float] = DEFAULT_STRENGTH,
                  threshold: float = 0.5) -> pd.DataFrame:
    """One row per ego × item: who gives this support, how concentrated it is, on which ties.

    Every ego of the collection and every item of the instrument get a row, answered or not, so
    the table merges with :func:`netkit.summarize` on ``ego_id`` and nothing disappears.

    Parameters
    ----------
    net : EgoNetwork or EgoCollection
    instrument, strength, threshold
        As in :func:`support_codes`.

    Returns
    -------
    DataFrame
        ``ego_id``, ``instrument``, ``item``, ``kind``;
        ``answered`` (something is known about this item for this ego);
        ``alters_coded`` (alters with a known value); ``providers`` (alters who give it);
        ``no_provider`` (1 when alters were coded, or "no one" answered, and nobody gives it; 0
        when someone does; blank when nothing is known of who gives it); ``gap`` (the gap the data declare: 1 when any of the ego's rows for the item
        has gap 1 or the answer was "no one", 0 when the flags are all 0, blank otherwise);
        ``top_provider`` and ``top_share``: the provider who gives the most items of the
        instrument, and the share of this item's support one provider carries (the largest value
        over their sum: with yes/no coding, 1 / providers; 1.0 means it all rests on one person);
        ``weak``, ``strong``, ``unrated``: providers by tie class; ``provider_ids`` (``;``-joined, the
        provider who gives the most items first).

    Examples
    --------
    >>> import netkit as nk
    >>> t = support_table(nk.load_sample("survey"))     # coded with the "exchange" instrument
    >>> t.query("ego_id == 'E001' and item == 'socialising'")[["providers", "weak", "strong", "top_share"]]
       providers  weak  strong  top_share
    6          5     2       3        0.2
    """
    coll = as_collection(net)
    instruments = _instruments(coll, instrument)
    rows = _match(_rows(coll), instruments)
    rows = _one_per_alter(rows)
    grid = pd.DataFrame(
        [(e, ins.name, i.key, i.kind) for e in coll.egos["ego_id"].astype(str) for ins in instruments for i in ins.items],
        columns=["ego_id", "instrument", "item", "kind"],
    )
    if not instruments[0].name and len(instruments) == 1 and len(rows):
        grid = _expand_unnamed(grid, rows)
    codes = _codes(coll, rows, strength, threshold)
    return _per_item(grid, rows, codes)


def _expand_unnamed(grid: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Items declared without an instrument name: one row per instrument value the data use."""
    names = pd.unique(rows["instrument"])
    return pd.concat([grid.assign(instrument=n) for n in names], ignore_index=True)


def _per_item(grid: pd.DataFrame, rows: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    key = ["ego_id", "instrument", "item"]
    known = rows[rows["value"].notna() | rows["gap"].notna()]
    answered = known[key].drop_duplicates().assign(answered=True)
    none_row = rows[(rows["alter_id"] == "") & (rows["value"] == 0)][key].drop_duplicates().assign(no_one=1)
    gap = rows.dropna(subset=["gap"]).groupby(key)["gap"].max().rename("gap_flag").reset_index()
    per_alter = rows[(rows["alter_id"] != "") & rows["value"].notna()]
    coded = per_alter.groupby(key)["alter_id"].nunique().rename("alters_coded").reset_index()
    giving = codes[codes["gives"] == 1] if len(codes) else codes
    out = grid.merge(answered, on=key, how="left").merge(coded, on=key, how="left")
    out = out.merge(none_row, on=key, how="left").merge(gap, on=key, how="left")
    out["answered"] = out["answered"].fillna(False).astype(bool)
    out["alters_coded"] = out["alters_coded"].fillna(0).astype(int)
    if len(giving):
        out = out.merge(_providers(giving, per_alter), on=key, how="left")
    for c in ("providers", "weak", "strong", "unrated"):
        out[c] = out[c].fillna(0).astype(int) if c in out.columns else 0
    for c, default in (("top_provider", ""), ("provider_ids", ""), ("top_share", np.nan)):
        out[c] = out[c].fillna(default) if c in out.columns else default
    out["top_share"] = pd.to_numeric(out["top_share"], errors="coerce").astype(float)
    # known only where someone was coded or "no one" was answered (a gap flag alone says nothing of who gives it)
    coded_any = (out["alters_coded"] > 0) | out["no_one"].notna()
    out["no_provider"] = pd.Series(np.where(out["providers"] > 0, 0, 1), dtype="Int64").where(coded_any, pd.NA)
    declared = out["gap_flag"].astype("Int64")
    out["gap"] = declared.where(declared.notna(), out["no_one"].astype("Int64"))
    return out[TABLE_COLUMNS].reset_index(drop=True)


def _providers(giving: pd.DataFrame, per_alter: pd.DataFrame) -> pd.DataFrame:
    """Per ego × item: providers, by tie class, the top provider and the share one carries."""
    key = ["ego_id", "instrument", "item"]
    load = giving.groupby(["ego_id", "instrument", "alter_id"]).size().rename("load").reset_index()
    g = giving.merge(load, on=["ego_id", "instrument", "alter_id"])
    amount = per_alter[["ego_id", "instrument", "item", "alter_id", "number"]]
    g = g.merge(amount, on=key + ["alter_id"], how="left")
    g["amount"] = g["number"].where(g["number"] > 0, 1.0)  # yes/no coding: every provider carries one share
    g = g.sort_values([*key, "load", "alter_id"], ascending=[True, True, True, False, True], kind="stable")
    g["is_weak"], g["is_strong"] = (g["tie"] == "weak").astype(int), (g["tie"] == "strong").astype(int)
    grouped = g.groupby(key, sort=False)
    out = pd.DataFrame({
        "providers": grouped.size(),
        "weak": grouped["is_weak"].sum(),
        "strong": grouped["is_strong"].sum(),
        "top_provider": grouped["alter_id"].first(),
        "top_share": grouped["amount"].max() / grouped["amount"].sum(),
        "provider_ids": grouped["alter_id"].agg(";".join),
    })
    out["unrated"] = out["providers"] - out["weak"] - out["strong"]
    return out.reset_index()


# ----------------------------------------------------------------------------- what is missing, in words


def support_status(net, *, instrument=None) -> str:
    """One sentence on how much support coding there is: none, some egos, or all.

    Examples
    --------
    >>> import netkit as nk
    >>> print(support_status(nk.load_sample("survey")))
    Support is coded for 195 of 200 egos; the other 5 count as not known (never as 'no support') until their answers are added to the support table.
    """
    coll = as_collection(net)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = _match(_rows(coll), _instruments(coll, instrument))
    known = rows[rows["value"].notna() | rows["gap"].notna()]
    n, have = len(coll), known["ego_id"].nunique()
    names = and_list([repr(i.label) for i in _instruments(coll, instrument)])
    if have == 0:
        return (f"No support is coded yet for the instrument {names}: add rows to the support table (ego_id, "
                "instrument, item, alter_id, value 1/0) — participants answer the self-check in notebook 05.")
    if have < n:
        return (f"Support is coded for {have} of {plural(n, 'ego')}; the other {n - have} count as not known "
                "(never as 'no support') until their answers are added to the support table.")
    return f"Support is coded for all {plural(n, 'ego')}."


# ----------------------------------------------------------------------------- the hypothesis across egos

BY_STRENGTH_COLUMNS = ["kind", "expected", "egos", "alters", "weak_alters", "strong_alters", "providers",
                    "weak_giving", "strong_giving", "weak_share_of_providers", "odds_ratio", "ci_low", "ci_high",
                    "p_value", "verdict", "left_out_unrated", "left_out_not_known", "note"]


def support_by_strength(net, *, kind: str | None = None, instrument=None,
                        strength: str | Mapping[str, float] = DEFAULT_STRENGTH, threshold: float = 0.5,
                        level: float = 0.95) -> pd.DataFrame:
    """Do weak ties give instrumental support and strong ties psychosocial support — across egos?

    For each kind of support, every coded alter either gives that kind (any item of the kind
    coded 1) or not (all its items coded 0). A logistic GEE (generalised estimating equations,
    exchangeable working correlation, robust standard errors) of "gives this kind" on
    "strong tie" treats each ego as a cluster: alters of one ego are not independent answers.

    Parameters
    ----------
    net : EgoCollection (or one EgoNetwork: then the test is not possible and ``note`` says so)
    kind : {"instrumental", "psychosocial", "other"}, optional
        One kind; by default every kind the instrument has.
    instrument, strength, threshold
        As in :func:`support_codes` (tie strength from closeness alone by default).
    level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    DataFrame
        One row per kind: ``expected`` (the tie the weak-tie argument expects: weak for
        instrumental, strong for psychosocial); ``egos`` and ``alters`` in the model;
        ``weak_alters``, ``strong_alters``; ``providers``; ``weak_giving`` and ``strong_giving``
        (share of weak / strong ties who give it); ``weak_share_of_providers``;
        ``odds_ratio`` (strong vs weak tie, population-averaged), ``ci_low``, ``ci_high``,
        ``p_value``; ``verdict`` (``"strong ties give more"``, ``"weak ties give more"`` when the
        interval excludes 1, else ``"no clear difference"``); ``left_out_unrated`` (coded
        alters without a tie strength) and ``left_out_not_known`` (alters of the egos who answered
        this kind with no known answer for it: blank, or no row); ``note`` (why no estimate, when
        there is none).

    Notes
    -----
    Odds ratio above 1: strong ties are more likely to give this kind of support. The model is
    ``logit P(gives) = b0 + b1 * strong``, fitted with statsmodels' ``GEE`` (Liang & Zeger 1986);
    the odds ratio is exp(b1) and its interval exp(b1 ± z · se), se from the robust (sandwich)
    covariance. With fewer than about 40 egos the sandwich errors are too small; read the
    interval with care. A description of one person's network is not a test: use this across
    many egos.

    References
    ----------
    .. [1] Liang, K.-Y., & Zeger, S. L. (1986). Longitudinal data analysis using generalized
       linear models. *Biometrika*, 73(1), 13–22.
    .. [2] Granovetter, M. S. (1973). The strength of weak ties. *AJS*, 78(6), 1360–1380.
    .. [3] Wellman, B., & Wortley, S. (1990). Different strokes from different folks: community
       ties and social support. *AJS*, 96(3), 558–588.
    """
    coll = as_collection(net)
    if not 0 < level < 1:
        raise NetkitError(f"level={level!r} is not a confidence level; use a number between 0 and 1, e.g. 0.95.")
    instruments = _instruments(coll, instrument)
    kinds = [k for ins in instruments for k in ins.kinds]
    kinds = list(dict.fromkeys(kinds))
    if kind is not None:
        if kind not in kinds:
            raise NetkitError(f"kind={kind!r} is not a kind of the instrument {and_list([repr(i.label) for i in instruments])}; "
                              f"use one of {', '.join(kinds)}.")
        kinds = [kind]
    codes = support_codes(coll, instrument=instruments, strength=strength, threshold=threshold)
    people = pd.DataFrame({"ego_id": coll.alters["ego_id"].astype(str), "alter_id": coll.alters["alter_id"].astype(str)})
    return pd.DataFrame([_one_kind(codes, people, k, level) for k in kinds], columns=BY_STRENGTH_COLUMNS)


def _one_kind(codes: pd.DataFrame, people: pd.DataFrame, kind: str, level: float) -> dict:
    mine = codes[(codes["kind"] == kind) & codes["gives"].notna()]
    per = mine.groupby(["ego_id", "alter_id"], sort=False).agg(gives=("gives", "max"), tie=("tie", "first")).reset_index()
    egos_coded = set(mine["ego_id"])
    # alters of the egos who answered this kind, with no known answer for it (blank, or no row at all)
    theirs = people[people["ego_id"].isin(egos_coded)]
    known = pd.MultiIndex.from_frame(per[["ego_id", "alter_id"]])
    not_known = int((~pd.MultiIndex.from_frame(theirs).isin(known)).sum())
    rated = per[per["tie"].isin(["weak", "strong"])]
    out = {"kind": kind, "expected": EXPECTED_TIE.get(kind, ""), "egos": rated["ego_id"].nunique(),
           "alters": len(rated), "weak_alters": int((rated["tie"] == "weak").sum()),
           "strong_alters": int((rated["tie"] == "strong").sum()), "providers": int((rated["gives"] == 1).sum()),
           "left_out_unrated": len(per) - len(rated), "left_out_not_known": int(not_known), "note": ""}
    weak, strong = rated[rated["tie"] == "weak"], rated[rated["tie"] == "strong"]
    out["weak_giving"] = float(weak["gives"].mean()) if len(weak) else math.nan
    out["strong_giving"] = float(strong["gives"].mean()) if len(strong) else math.nan
    givers = rated[rated["gives"] == 1]
    out["weak_share_of_providers"] = float((givers["tie"] == "weak").mean()) if len(givers) else math.nan
    out.update(_gee(rated, level, len(egos_coded)))
    return out


def _gee(rated: pd.DataFrame, level: float, egos_coded: int) -> dict:
    """The logistic GEE of gives on strong tie, ego as cluster; NaN and a note when it cannot be fitted."""
    nan = {"odds_ratio": math.nan, "ci_low": math.nan, "ci_high": math.nan, "p_value": math.nan,
           "verdict": "no estimate"}
    n_egos = rated["ego_id"].nunique()
    y = rated["gives"].astype(float).to_numpy()
    x = (rated["tie"] == "strong").astype(float).to_numpy()
    if egos_coded == 0:
        return {**nan, "note": "no alter is coded for this kind of support."}
    if n_egos < 2:
        return {**nan, "note": f"only {plural(n_egos, 'ego')} with rated, coded alters; a test across egos needs "
                               "several (one person's pattern is a description, not a test)."}
    if x.min() == x.max():
        return {**nan, "note": f"all coded alters are {'strong' if x[0] else 'weak'} ties; there is nothing to compare."}
    if y.min() == y.max():
        return {**nan, "note": f"{'every' if y[0] else 'no'} coded alter gives this support; there is nothing to explain."}
    for tie in (0.0, 1.0):
        if len(set(y[x == tie])) < 2:
            return {**nan, "note": f"every {'strong' if tie else 'weak'} tie {'gives' if y[x == tie][0] else 'withholds'} "
                                   "this support (complete separation); the odds ratio is not finite."}
    import statsmodels.api as sm
    from scipy.stats import norm

    order = np.argsort(rated["ego_id"].to_numpy(), kind="stable")  # GEE wants each cluster's rows together
    groups = pd.factorize(rated["ego_id"].to_numpy()[order])[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; a failed fit is caught below
        try:
            model = sm.GEE(y[order], sm.add_constant(x[order]), groups=groups, family=sm.families.Binomial(),
                           cov_struct=sm.cov_struct.Exchangeable())
            fit = model.fit()
        except (np.linalg.LinAlgError, ValueError) as exc:
            return {**nan, "note": f"the model could not be fitted ({exc})."}
    b, se = float(fit.params[1]), float(fit.bse[1])
    if not (math.isfinite(b) and math.isfinite(se)):
        return {**nan, "note": "the model did not give a finite estimate."}
    z = float(norm.ppf(0.5 + level / 2))
    low, high = math.exp(b - z * se), math.exp(b + z * se)
    verdict = ("strong ties give more" if low > 1 else "weak ties give more" if high < 1 else "no clear difference")
    note = "" if n_egos >= 40 else f"only {n_egos} egos: robust standard errors are too small with few clusters."
    return {"odds_ratio": math.exp(b), "ci_low": low, "ci_high": high, "p_value": float(fit.pvalues[1]),
            "verdict": verdict, "note": note}
