"""LinkedIn's ``Connections.csv`` export: you are the ego, every connection an alter.

LinkedIn says nothing about who knows whom, so no alter–alter tie is made unless asked for,
and ties inferred from a shared company are marked as inferred.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pandas as pd

from ..errors import NetkitError
from ..model import EgoNetwork, make_collection
from .text import read_table, read_text

__all__ = ["read_linkedin", "linkedin_header_line"]

HEADER_START = "first name,last name"
COLUMNS = {
    "First Name": "first_name",
    "Last Name": "last_name",
    "URL": "url",
    "Email Address": "email",
    "Company": "company",
    "Position": "position",
    "Connected On": "connected_on",
}


def linkedin_header_line(text: str, look: int = 20) -> int | None:
    """The 0-based line of LinkedIn's header among the first lines, or None."""
    for i, line in enumerate(text.splitlines()[:look]):
        if line.lstrip("\ufeff").strip().lower().startswith(HEADER_START):
            return i
    return None


def read_linkedin(path: Path, *, infer_ties: str | None = None) -> EgoNetwork:
    """Read ``Connections.csv``; ``infer_ties="company"`` links people at the same company."""
    warnings: list[str] = []
    text = read_text(path, warnings)
    start = linkedin_header_line(text)
    if start is None:
        raise NetkitError(
            f"{path}: LinkedIn's header 'First Name,Last Name,URL,…' is not in the first lines; "
            "read the Connections.csv file from LinkedIn's export unchanged."
        )
    df, origin = read_table(path, skip_lines=start, warnings=warnings, text=text)
    missing = [c for c in ("First Name", "Last Name") if c not in df.columns]
    if missing:
        raise origin.error(f"the column '{missing[0]}' is missing; read LinkedIn's Connections.csv unchanged.")
    df = df.rename(columns=COLUMNS)
    first = df["first_name"].fillna("").str.strip()
    last = df["last_name"].fillna("").str.strip()
    name = (first + " " + last).str.strip()
    nameless = name == ""
    if nameless.any():
        warnings.append(
            f"{origin.at(int(nameless.to_numpy().nonzero()[0][0]))}: {int(nameless.sum())} connection(s) have no name "
            "(LinkedIn hides some members); they are called 'LinkedIn member' and their line number."
        )
        lines = pd.Series([origin.line(i) for i in range(len(df))], index=df.index)
        name = name.where(~nameless, "LinkedIn member (line " + lines.astype(str) + ")")
    alters = df.copy()
    alters.insert(0, "name", name.astype(object))
    alters.insert(0, "alter_id", [f"li{i + 1:05d}" for i in range(len(df))])
    if "connected_on" in alters.columns:
        raw = alters["connected_on"]
        parsed = pd.to_datetime(raw, format="%d %b %Y", errors="coerce")
        unparsed = parsed.isna() & raw.notna()
        if unparsed.any():
            warnings.append(
                f"{origin.at(int(unparsed.to_numpy().nonzero()[0][0]), 'Connected On')}: {int(unparsed.sum())} date(s) "
                "are not like '15 Mar 2021' and are kept as written."
            )
        alters["connected_on"] = parsed.dt.strftime("%Y-%m-%d").astype(object).where(parsed.notna(), raw)
    alters = alters.assign(ego_id="you")
    ties = None
    if infer_ties is not None:
        if infer_ties != "company":
            raise NetkitError(f"infer_ties={infer_ties!r} is not known; use infer_ties='company' or leave it out.")
        ties = _same_company_ties(alters)
    coll = make_collection(
        pd.DataFrame({"ego_id": ["you"], "name": ["You"]}), alters, ties,
        origins={"alters": origin}, source=str(path), format="linkedin", warnings=warnings,
    )
    return coll["you"]


def _same_company_ties(alters: pd.DataFrame) -> pd.DataFrame:
    if "company" not in alters.columns:
        return pd.DataFrame({"ego_id": [], "source": [], "target": []})
    key = alters["company"].fillna("").str.strip().str.casefold()
    rows = []
    for company, ids in alters.groupby(key, sort=True)["alter_id"]:
        if company:
            rows.extend((a, b) for a, b in combinations(ids, 2))
    ties = pd.DataFrame(rows, columns=["source", "target"], dtype=object)
    return ties.assign(ego_id="you", tie_type="same company", inferred="yes")
