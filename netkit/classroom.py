"""The class summary: many participants' exports, one anonymised group report for the facilitator.

Owns the group guard (too few people and a person could be recognised: refused; lowered only
with a stated reason), what is published per measure (a coarse median and counts per range for
groups under 20, rounded mean, sd and quartiles from 20 on), the duplicate check (one network
counts once, whatever its size or pseudonyms) and the standalone, offline HTML page. No row of
the report is one person.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .arguments import renamed_keywords
from .errors import NetkitError
from .words import number, plural

__all__ = ["MIN_GROUP", "FULL_DETAIL", "CLASS_MEASURES", "WHAT_IT_SHOWS", "ClassSummary", "class_summary",
           "group_figures"]

#: The smallest group summarised by default.
MIN_GROUP = 5
_FLOOR = 3  # min_group may go below MIN_GROUP only with a reason, and never below this

#: Below this many answers a measure is given coarsely: a rounded median and counts per range,
#: never mean, spread and quartiles together (with them, a small group's values can be worked
#: out person by person).
FULL_DETAIL = 20

#: What the report describes: column → label.
CLASS_MEASURES: dict[str, str] = {
    "size": "people in the network",
    "density": "density: share of pairs who know each other",
    "constraint": "constraint (Burt): low = brokers across groups",
    "effective_size": "effective size: non-redundant contacts",
    "weak_share": "share of weak ties",
    "coverage_all": "support coverage, both kinds (share of the six self-check needs covered)",
    "coverage_instrumental": "support coverage, instrumental (advice, access, influence)",
    "coverage_psychosocial": "support coverage, psychosocial (confiding, perspective)",
}

_BINS: dict[str, tuple[list[float], list[str]]] = {
    "size": ([0, 10, 20, 30, 50, 100, np.inf], ["0–9", "10–19", "20–29", "30–49", "50–99", "100 or more"]),
    "effective_size": ([0, 5, 10, 20, 40, np.inf], ["0–5", "5–10", "10–20", "20–40", "40 or more"]),
    "constraint": ([0, 0.1, 0.2, 0.3, 0.5, 1.0, np.inf], ["0–0.1", "0.1–0.2", "0.2–0.3", "0.3–0.5", "0.5–1", "1 or more"]),
}
_SHARE_BINS = ([0, 0.2, 0.4, 0.6, 0.8, 1.0 + 1e-9], ["0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1"])
#: Rounding of each figure: (groups of FULL_DETAIL or more, smaller groups).
_STEPS = {"size": (0.5, 5.0), "effective_size": (0.5, 5.0)}
_SHARE_STEPS = (0.01, 0.1)
_STATS = ["n", "mean", "sd", "p25", "median", "p75"]
_STAT_LABELS = ["n", "mean", "sd", "25%", "median", "75%"]
_PEOPLE_MEASURES = {"size", "effective_size"}  # counts of people: said as "11.8", never "9.00"

#: What someone holding the published table can and cannot learn (said on the page and in docs/scaling.md).
WHAT_IT_SHOWS = [
    "It shows how the group spreads: how many people fall in each range, and for each measure the median "
    "(and, from {full} answers on, the mean, spread and quartiles), all rounded.",
    "It cannot give back anyone's own values: below {full} answers it gives a rounded median and counts per "
    "range only, so many different groups give the same page; nothing in it is per person, named or an id.",
    "It does tell which range each person is in to anyone who already knows the others' values, and two "
    "reports of groups that differ by one person show roughly that person's values: publish one report per group.",
]


def _round_to(value: float, step: float) -> float:
    return float(np.round(np.round(value / step) * step, 6))


def group_figures(values, measure: str, *, min_group: int = MIN_GROUP) -> tuple[dict, list[dict]]:
    """The published figures of one measure: a table row and the counts per range.

    Fewer than ``min_group`` values: only ``n``. From ``min_group`` to ``FULL_DETAIL - 1``: a
    median rounded coarsely (to 5 people, or 0.1 for shares and constraint) and counts per range;
    mean, sd and quartiles are left empty. From ``FULL_DETAIL`` on: mean, sd, quartiles and
    median, rounded (to 0.5 people or 0.01).

    Examples
    --------
    >>> row, bars = group_figures([8, 12, 15, 21, 34], "size")
    >>> row["median"], row["mean"], [b["count"] for b in bars]
    (15.0, nan, [1, 2, 1, 1, 0, 0])
    """
    values = np.asarray([v for v in values if not np.isnan(v)], dtype=float)
    row = {"measure": measure, "label": CLASS_MEASURES.get(measure, measure), "n": int(len(values)),
           **{s: np.nan for s in _STATS[1:]}}
    if len(values) < min_group:
        return row, []
    fine, coarse = _STEPS.get(measure, _SHARE_STEPS)
    if len(values) < FULL_DETAIL:
        row["median"] = _round_to(np.median(values), coarse)
    else:
        p25, median, p75 = np.percentile(values, [25, 50, 75])
        figures = dict(mean=values.mean(), sd=values.std(ddof=1), p25=p25, median=median, p75=p75)
        row.update({k: _round_to(v, fine) for k, v in figures.items()})
    edges, names = _BINS.get(measure, _SHARE_BINS)
    counts = np.histogram(np.clip(values, 0, None), bins=edges)[0]
    return row, [{"measure": measure, "bin": b, "count": int(c)} for b, c in zip(names, counts)]


@dataclass
class ClassSummary:
    """A group report: ``table`` (one row per measure), ``histograms`` (counts per range).

    ``participants`` is the number of people summarised; ``min_group`` the guard used and
    ``reason`` why it was lowered below 5, if it was. Save with :meth:`save` (``.html`` or
    ``.csv``); in a notebook it shows itself.
    """

    participants: int
    min_group: int
    table: pd.DataFrame
    histograms: pd.DataFrame
    notes: list = field(default_factory=list)
    reason: str | None = None

    def to_html(self) -> str:
        """One standalone page: no script, no link, nothing fetched; every text escaped.

        Returns
        -------
        str
            The template ``class_summary.html.j2`` with netkit's shared head and table partials.
        """
        from .html import render

        return render("class_summary.html.j2", title=f"Class summary: {plural(self.participants, 'participant')}",
                      **self._page_context())

    def _repr_html_(self) -> str:
        from .html import render

        return render("class_summary_content.html.j2", **self._page_context())

    def _page_context(self) -> dict:
        """What the templates show: the table as text cells, a bar chart per measure, the notes."""
        rows = []
        for r in self.table.itertuples(index=False):
            people = r.measure in _PEOPLE_MEASURES
            if np.isnan(r.median):
                rows.append([r.label, _fmt(r.n), {"text": f"fewer than {self.min_group} answers: not shown",
                                                  "span": len(_STATS) - 1, "note": True}])
            elif np.isnan(r.mean):
                coarse = {"text": f"fewer than {FULL_DETAIL} answers: median only", "span": 3, "note": True}
                rows.append([r.label, _fmt(r.n), coarse, f"about {number(r.median)}",
                             {"text": "", "note": True}])
            else:
                rows.append([r.label, *(_fmt(getattr(r, s), people=people) for s in _STATS)])
        columns = [{"label": label, "numeric": k > 0} for k, label in enumerate(["measure", *_STAT_LABELS])]
        charts = []
        for measure, part in self.histograms.groupby("measure", sort=False):
            top = max(int(part["count"].max()), 1)
            bars = [{"bin": b, "count": int(c), "width": 70 * c / top} for b, c in zip(part["bin"], part["count"])]
            charts.append({"label": CLASS_MEASURES.get(measure, measure), "bars": bars})
        shows = [s.format(full=FULL_DETAIL) for s in WHAT_IT_SHOWS]
        return {"participants": plural(self.participants, "participant"), "table": {"columns": columns, "rows": rows},
                "charts": charts, "notes": self.notes, "min_group": self.min_group, "shows": shows}

    def save(self, path: str | Path) -> Path:
        """Write the report: ``.html`` (the page) or ``.csv`` (the table), atomically."""
        from .io import atomic_write_text
        from .reproduce import table_csv

        path = Path(path).expanduser()
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            atomic_write_text(path, self.to_html())
        elif suffix == ".csv":
            atomic_write_text(path, table_csv(self.table))
        else:
            raise NetkitError(f"{path}: a class summary is saved as .html (the page) or .csv (the table); "
                              "end the file name with one of them.")
        return path


def _fmt(value, *, people: bool = False) -> str:
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if people and not (value is None or np.isnan(value)):
        return number(value)
    return "" if value is None or np.isnan(value) else f"{value:.3g}" if abs(value) >= 10 else f"{value:.2f}"


def _participants(exports) -> list[tuple[str, object]]:
    """(label for messages, collection) per export; paths are read, networks taken as they are."""
    from .io import read
    from .model import as_collection
    from .model import EgoCollection, EgoNetwork, WholeNetwork

    if isinstance(exports, (str, Path, EgoNetwork, EgoCollection, WholeNetwork)):
        exports = [exports]
    out = []
    for k, item in enumerate(exports):
        label = str(item) if isinstance(item, (str, Path)) else f"network {k + 1}"
        net = read(item) if isinstance(item, (str, Path)) else item
        if isinstance(net, WholeNetwork):
            raise NetkitError(f"{label}: is a whole network; a class summary combines participants' own (ego) "
                              "networks, such as the folders their workspaces export.")
        if not isinstance(net, (EgoNetwork, EgoCollection)):
            raise NetkitError(f"{label}: expected a folder or a network from nk.read, got {type(net).__name__}.")
        out.append((label, as_collection(net)))
    return out


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _labels(df: pd.DataFrame, skip: tuple) -> list[str]:
    """Each row's attributes as one text, columns in name order, ids and pseudonymised names left out."""
    columns = sorted(c for c in df.columns if c not in skip)
    return ["\x1f".join(f"{c}={_cell(v)}" for c, v in zip(columns, row)) for row in df[columns].itertuples(index=False)]


def _fingerprint(ego: pd.DataFrame, alters: pd.DataFrame, ties: pd.DataFrame, support: pd.DataFrame | None) -> str:
    """The same network under any pseudonyms and in any row order, of any size (none, one, two people…).

    Each person is known by their attributes and the attributes of the people they are tied to;
    the fingerprint hashes the ego's attributes, these people sorted, the ties (as the two
    people's labels and the tie's own attributes) sorted, and the self-check answers.
    """
    names = ("ego_id", "alter_id", "name", "label", "source", "target")
    label = dict(zip(alters["alter_id"], _labels(alters, names))) if "alter_id" in alters.columns else {}
    around: dict = {a: [] for a in label}
    tie_rows = []
    for (s, t), extra in zip(zip(ties["source"], ties["target"]), _labels(ties, names)):
        a, b = sorted((label.get(s, "?"), label.get(t, "?")))
        tie_rows.append(f"{a}\x1e{b}\x1e{extra}")
        around.setdefault(s, []).append(label.get(t, "?"))
        around.setdefault(t, []).append(label.get(s, "?"))
    people = sorted(f"{label[a]}\x1d{sorted(around[a])}" for a in label)
    answers = []
    if support is not None and len(support):
        ids = support["alter_id"] if "alter_id" in support.columns else pd.Series([""] * len(support))
        rest = _labels(support, names)
        answers = sorted(f"{label.get(a, _cell(a))}\x1e{r}" for a, r in zip(ids, rest))
    text = repr((_labels(ego, names), people, sorted(tie_rows), answers))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_min_group(min_group, reason) -> str | None:
    if isinstance(min_group, bool) or not isinstance(min_group, (int, np.integer)) or min_group < _FLOOR:
        raise NetkitError(f"min_group={min_group!r} is too small to keep people from being recognised; use "
                          f"{_FLOOR} or more (default {MIN_GROUP}).")
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        raise NetkitError("reason= says in words why the group guard is lowered, e.g. reason=\"pilot with 3 "
                          "volunteers who agreed to share\"; it is recorded in the report.")
    if min_group < MIN_GROUP and reason is None:
        raise NetkitError(f"min_group={min_group} is below the default {MIN_GROUP}: with so few people a "
                          "classmate could tell who is who. Lower it only with reason=\"...\" (--reason), which "
                          "the report records.")
    return " ".join(reason.split()) if reason else None


def _people(exports, *, strength, threshold) -> pd.DataFrame:
    """One row of measures per participant; the same network given twice (by content) is refused."""
    from .batch import summarize
    from .support import support_answers, support_coverage

    rows, seen = [], {}
    for label, coll in _participants(exports):
        table = summarize(coll, strength=strength, threshold=threshold, progress=False)
        support = coll.extra.get("support")
        by_ego = {name: df.groupby("ego_id", sort=False).indices if "ego_id" in df.columns else {}
                  for name, df in (("egos", coll.egos), ("alters", coll.alters), ("ties", coll.ties))}
        for r in table.itertuples(index=False):
            mine = support[support["ego_id"] == r.ego_id] if support is not None and "ego_id" in support.columns else support
            part = {name: df.iloc[by_ego[name].get(r.ego_id, [])] for name, df in
                    (("egos", coll.egos), ("alters", coll.alters), ("ties", coll.ties))}
            key = _fingerprint(part["egos"], part["alters"], part["ties"], mine)
            if key in seen:
                if seen[key] == label:
                    raise NetkitError(f"{label}: was given twice; give each participant's export once.")
                raise NetkitError(f"{label} and {seen[key]} hold the same network; give each participant's "
                                  "export once.")
            seen[key] = label
            row = {m: getattr(r, m) for m in ("size", "density", "constraint", "effective_size", "weak_share")}
            answers = support_answers(mine)
            if any(v is not None for v in answers.values()):
                cov = support_coverage(answers).set_index("kind")["coverage"]
                row.update(coverage_all=cov["all"], coverage_instrumental=cov["instrumental"],
                           coverage_psychosocial=cov["psychosocial"])
            rows.append(row)
    return pd.DataFrame(rows, columns=list(CLASS_MEASURES), dtype=float)


@renamed_keywords(weights="strength")
def class_summary(
    exports: Iterable,
    *,
    min_group: int = MIN_GROUP,
    reason: str | None = None,
    strength: str | dict | None = "equal",
    threshold: float = 0.5,
) -> ClassSummary:
    """Combine several participants' exports into one anonymised group report.

    Parameters
    ----------
    exports : paths or networks
        Folders (or anything :func:`netkit.read` reads) — each participant's pseudonymised
        export, see :func:`netkit.pseudonymize` — or networks. Every ego in them is one
        participant.
    min_group : int, default 5
        Fewer participants than this and the report is refused: with two or three people,
        anyone who knows one of them could tell who is who. It may be raised freely; below 5
        only with ``reason``, and never below 3. A measure answered by fewer participants
        (support coverage, when few filled in the self-check) is shown with its count only.
    reason : str, optional
        Why ``min_group`` is set below 5 (e.g. ``"pilot with 3 volunteers who agreed"``); the
        report records it.
    strength, threshold
        How tie strength weighs its items, and the weak/strong threshold (see :func:`netkit.tie_strength`).

    Returns
    -------
    ClassSummary
        ``table``: one row per measure — ``measure``, ``label``, ``n`` (participants with a
        value), ``mean``, ``sd``, ``p25``, ``median``, ``p75`` (see :func:`group_figures`: a
        measure with fewer than ``FULL_DETAIL`` (20) answers has only a coarse median);
        ``histograms``: ``measure``, ``bin``, ``count`` over fixed ranges. Nothing per person,
        no names, no paths.

    Raises
    ------
    NetkitError
        Fewer than ``min_group`` participants, ``min_group`` below 3 (or below 5 without a
        reason), the same network given twice (even under other pseudonyms or in another row
        order: same attributes, same ties, same answers; networks of any size, none or one
        person included), or an input that is not an ego network.

    Notes
    -----
    Per participant: size, density among alters, Burt's constraint and effective size of the
    ego, and the share of weak ties (from :func:`netkit.summarize`); support coverage of each
    kind when their export has self-check answers (``support.csv``, scored by
    :func:`netkit.support.support_coverage`). The spread is given by quartiles, not minimum and
    maximum, which would each be one person's value. With five people, the quartiles are three
    people's exact values and mean and sd give the other two; so below 20 answers only a rounded
    median and counts per range are published (``WHAT_IT_SHOWS`` says what the page gives away).

    Examples
    --------
    >>> import netkit as nk
    >>> survey = nk.load_sample("survey")
    >>> report = nk.class_summary([survey])   # 200 egos: each one a participant
    >>> report.participants, list(report.table["measure"][:3])
    (200, ['size', 'density', 'constraint'])
    >>> nk.class_summary([nk.load_sample("personal")])
    Traceback (most recent call last):
    ...
    netkit.errors.NetkitError: a class summary needs at least 5 participants so that nobody can be recognised; got 1. Add more participants' exports.
    """
    reason = _check_min_group(min_group, reason)
    people = _people(exports, strength=strength, threshold=threshold)
    if len(people) < min_group:
        raise NetkitError(f"a class summary needs at least {min_group} participants so that nobody can be recognised; "
                          f"got {len(people)}. Add more participants' exports.")
    stats, bars = [], []
    for measure in CLASS_MEASURES:
        row, counts = group_figures(people[measure].to_numpy(dtype=float), measure, min_group=min_group)
        stats.append(row)
        bars.extend(counts)
    table = pd.DataFrame(stats, columns=["measure", "label", *_STATS])
    notes = []
    if reason:
        notes.append(f"The group guard was lowered to {min_group} participants (default {MIN_GROUP}): {reason}")
    hidden = table.loc[table["n"] < min_group, "measure"].tolist()
    if hidden:
        notes.append(f"{plural(len(hidden), 'measure')} had fewer than {min_group} answers and "
                     f"{'is' if len(hidden) == 1 else 'are'} not shown.")
    coarse = table.loc[(table["n"] >= min_group) & (table["n"] < FULL_DETAIL), "measure"].tolist()
    if coarse:
        notes.append(f"{plural(len(coarse), 'measure')} had fewer than {FULL_DETAIL} answers: only a rounded "
                     "median and counts per range are shown, so that no one's values can be worked out.")
    return ClassSummary(participants=len(people), min_group=int(min_group), table=table,
                        histograms=pd.DataFrame(bars, columns=["measure", "bin", "count"]), notes=notes,
                        reason=reason)
