"""Reciprocity ledger: balances, reciprocated share and flags, against values computed by hand."""
from __future__ import annotations

import datetime as dt
import doctest
import math

import pandas as pd
import pytest

import netkit.ledger as ledger_module
from netkit.errors import NetkitError
from netkit.ledger import favor_balance, ledger_flags, reciprocity, reciprocity_of
from netkit.store import Workspace


def L(*rows, columns=("entry_id", "alter_id", "date", "kind", "direction", "status", "note")) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=list(columns))


def test_science_md_example_from_sets():
    # SCIENCE.md: gives to {A, B, C}, receives from {B, C, D} -> share 0.5, balance 0
    r = reciprocity_of({"A", "B", "C"}, {"B", "C", "D"})
    assert r["share"] == 0.5 and r["balance"] == 0.0
    assert (r["people"], r["reciprocated"], r["given"], r["received"]) == (4, 2, 3.0, 3.0)


def test_science_md_example_from_a_ledger():
    led = L(*[(f"f{i}", a, "2026-01-01", "instrumental", "given", "done", "") for i, a in enumerate("ABC")],
            *[(f"r{i}", a, "2026-01-02", "psychosocial", "received", "done", "") for i, a in enumerate("BCD")])
    r = reciprocity(led)
    assert r["share"] == 0.5 and r["balance"] == 0.0
    assert (r["reciprocal"], r["under-benefited"], r["over-benefited"]) == (2, 1, 1)


def test_counts_and_balance_by_hand():
    # A: gave 3, received 1 -> balance (3-1)/4 = 0.5; B: received 2 -> -1; overall G=3, R=3 -> 0
    led = L(("1", "A", "2026-01-01", "instrumental", "given", "done", ""),
            ("2", "A", "2026-01-02", "instrumental", "given", "done", ""),
            ("3", "A", "2026-01-03", "psychosocial", "given", "done", ""),
            ("4", "A", "2026-01-04", "psychosocial", "received", "done", ""),
            ("5", "B", "2026-01-05", "instrumental", "received", "done", ""),
            ("6", "B", "2026-01-06", "instrumental", "received", "done", ""),
            ("7", "C", "2026-01-07", "instrumental", "given", "offered", ""))
    bal = favor_balance(led, pd.DataFrame({"alter_id": ["A", "B"], "name": ["Ana", "Ben"]})).set_index("alter_id")
    assert list(bal.index) == ["A", "B"]  # C's offer does not count until done
    assert bal.loc["A", ["name", "given", "received", "balance", "category"]].tolist() == ["Ana", 3, 1, 0.5, "reciprocal"]
    assert bal.loc["B", ["given", "received", "balance", "category"]].tolist() == [0, 2, -1.0, "over-benefited"]
    assert bal.loc["A", ["instrumental", "psychosocial", "last_favor"]].tolist() == [2, 2, "2026-01-04"]
    r = reciprocity(led)
    assert (r["given"], r["received"], r["balance"], r["share"]) == (3.0, 3.0, 0.0, 0.5)
    with_offers = reciprocity(led, include_offered=True)
    # G = 4, R = 3 -> 1/7; people A, B, C with one reciprocal -> 1/3
    assert with_offers["balance"] == pytest.approx(1 / 7)
    assert with_offers["share"] == pytest.approx(1 / 3)
    assert favor_balance(led, include_offered=True).set_index("alter_id").at["C", "category"] == "under-benefited"


def test_empty_ledger():
    r = reciprocity(None)
    assert r["people"] == 0 and math.isnan(r["share"]) and math.isnan(r["balance"])
    assert favor_balance(pd.DataFrame()).empty
    assert ledger_flags(None, today="2026-01-01").empty


def test_flags_with_a_fixed_today():
    today = dt.date(2026, 6, 30)
    people = pd.DataFrame({"alter_id": ["A", "B", "C", "D", "E"], "name": ["Ana", "Ben", "Cy", "Di", "Ed"],
                           "last_contact": ["2026-06-01", "2025-12-29", "", "2025-11-15", ""]})
    led = L(("1", "A", "2026-05-01", "instrumental", "given", "done", ""),
            ("2", "A", "2026-05-02", "instrumental", "given", "done", ""),       # A: one-sided, 2 given
            ("3", "B", "2026-06-10", "instrumental", "given", "offered", "CV"),  # 20 days: not followed through
            ("4", "C", "2026-06-20", "instrumental", "given", "offered", ""),    # 10 days: still fine
            ("5", "D", "2026-01-10", "psychosocial", "received", "done", ""),   # last contact D: Jan 10
            ("6", "C", "2025-10-01", "psychosocial", "received", "offered", ""))
    flags = ledger_flags(led, people, today=today)
    got = sorted(zip(flags["flag"], flags["alter_id"]))
    # dormant: cutoff 2025-12-30; B last 2026-06-10 (ledger) -> no; D last 2026-01-10 -> no; nobody dormant.
    assert got == [("offer not followed through", "B"), ("one-sided", "A")]
    offer = flags[flags["flag"] == "offer not followed through"].iloc[0]
    assert offer["entry_id"] == "3" and offer["date"] == "2026-06-10"
    assert offer["detail"] == "You offered Ben a favor (CV) 20 days ago and it is not marked done."
    assert flags[flags["flag"] == "one-sided"].iloc[0]["detail"] == "You did Ana 2 favors and received none back yet."
    later = ledger_flags(led, people, today="2026-08-01")
    dormant = later[later["flag"] == "dormant"].set_index("alter_id")
    # cutoff 2026-02-01: D (last 2026-01-10) is dormant; A (2026-06-01), B, C (2026-06-20) are not; E has no date
    assert list(dormant.index) == ["D"]
    assert dormant.at["D", "detail"] == "No contact with Di for about 7 months (last 2026-01-10)."
    assert ledger_flags(led, people, today=today, offer_days=30)["flag"].tolist() == ["one-sided"]
    assert "dormant" in ledger_flags(led, people, today=today, dormant_months=1)["flag"].tolist()


def test_today_is_required_and_checked():
    with pytest.raises(NetkitError, match="today"):
        ledger_flags(None, today=None)
    with pytest.raises(NetkitError, match="not a date"):
        ledger_flags(None, today="soon")


def test_bad_direction_is_named():
    with pytest.raises(NetkitError, match="sideways"):
        reciprocity(L(("1", "A", "2026-01-01", "instrumental", "sideways", "done", "")))


def test_a_workspace_ledger(tmp_path):
    ws = Workspace("l", root=tmp_path)
    a = ws.add_person("Ana")
    ws.add_favor(a, kind="instrumental", direction="given", date="2026-03-01")
    f = ws.add_favor(a, kind="psychosocial", direction="received", status="offered", date="2026-03-02")
    assert reciprocity(ws.ledger())["share"] == 0.0
    ws.update_favor(f, status="done")
    assert reciprocity(ws.network().extra["ledger"])["share"] == 1.0


def test_docstring_examples_run():
    assert doctest.testmod(ledger_module).failed == 0
