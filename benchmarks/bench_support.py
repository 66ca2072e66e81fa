"""Support coded per alter over many egos: nk.support_table against a plain per-ego pandas loop.

    .venv/bin/python benchmarks/bench_support.py               # the survey sample x 10 = 2,000 egos
    .venv/bin/python benchmarks/bench_support.py --copies 50   # 10,000 egos (the loop takes minutes)

Builds a collection of ``200 x copies`` egos from the bundled survey sample (its support coded per
alter with the exchange instrument; each copy gets its own ego ids), then times, in one process:

- ``nk.support_table(coll)``: one row per ego x item, in grouped table operations;
- a plain loop over egos, counting each ego's providers and weak/strong providers per item the
  way a researcher would by hand (one pandas filter per ego);
- ``nk.support_by_strength(coll)``: the logistic GEE over every coded alter (no baseline).

It checks that the loop's provider counts equal the table's, and prints the times, the ratio and
the machine.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import time

import pandas as pd

import netkit as nk


def collection(copies: int) -> nk.EgoCollection:
    base = nk.load_sample("survey")

    def repeat(df: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([df.assign(ego_id=df["ego_id"] + f"-{i}") for i in range(copies)], ignore_index=True)

    return dataclasses.replace(base, egos=repeat(base.egos), alters=repeat(base.alters), ties=repeat(base.ties),
                               extra={"support": repeat(base.extra["support"])})


def by_hand(coll: nk.EgoCollection) -> pd.DataFrame:
    """Providers per ego and item, one ego at a time (closeness >= 3 is a strong tie)."""
    support, alters = coll.extra["support"], coll.alters
    rows = []
    for ego in coll.ego_ids:
        mine = support[(support["ego_id"] == ego) & (support["value"] == "1")]
        strong = set(alters.loc[(alters["ego_id"] == ego) & (alters["closeness"] >= 3), "alter_id"])
        for item, part in mine.groupby("item"):
            rows.append((ego, item, len(part), int(part["alter_id"].isin(strong).sum())))
    return pd.DataFrame(rows, columns=["ego_id", "item", "providers", "strong"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of the 200-ego survey (default 10)")
    copies = parser.parse_args().copies
    coll = collection(copies)
    print(f"{len(coll):,} egos, {len(coll.alters):,} alters, {len(coll.extra['support']):,} support rows")
    start = time.perf_counter()
    table = nk.support_table(coll)
    t_table = time.perf_counter() - start
    start = time.perf_counter()
    hand = by_hand(coll)
    t_hand = time.perf_counter() - start
    start = time.perf_counter()
    tested = nk.support_by_strength(coll)
    t_test = time.perf_counter() - start
    mine = table[table["providers"] > 0].set_index(["ego_id", "item"]).loc[list(zip(hand["ego_id"], hand["item"]))]
    assert mine["providers"].tolist() == hand["providers"].tolist(), "provider counts differ"
    assert mine["strong"].tolist() == hand["strong"].tolist(), "strong-tie counts differ"
    print(f"nk.support_table        {t_table:8.2f} s")
    print(f"plain per-ego loop      {t_hand:8.2f} s   ({t_hand / t_table:.1f} x the table's time)")
    print(f"nk.support_by_strength  {t_test:8.2f} s   ({int(tested['egos'].max()):,} egos in the GEE)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.processor() or platform.machine()}, {cores} cores, Python {platform.python_version()}, "
          f"pandas {pd.__version__}")


if __name__ == "__main__":
    main()
