"""The class summary: many participants' exports, one anonymised group report for the facilitator.

Owns the group guard (too few people and a person could be recognised: refused), the
distributions reported (network size, density, constraint, effective size, weak-tie share and
support coverage) and the standalone, offline HTML page. No row of the report is one person.
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

__all__ = ["MIN_GROUP", "CLASS_MEASURES", "ClassSummary", "class_summary"]

#: The smallest group summarised by default.
MIN_GROUP = 5
_FLOOR = 3  # min_group may be raised, but not set below this

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
_STATS = ["n", "mean", "sd", "p25", "median", "p75"]
_STAT_LABELS = ["n", "mean", "sd", "25%", "median", "75%"]
_PEOPLE_MEASURES = {"size", "effective_size"}  # counts of people: said as "11.8", never "9.00"


@dataclass
class ClassSummary:
    """A group report: ``table`` (one row per measure), ``histograms`` (counts per range).

    ``participants`` is the number of people summarised; ``min_group`` the guard used. Save
    with :meth:`save` (``.html`` or ``.csv``); in a notebook it shows itself.
    """

    participants: int
    min_group: int
    table: pd.DataFrame
    histograms: pd.DataFrame
    notes: list = field(default_factory=list)

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
            if np.isnan(r.mean):
                hidden = {"text": f"fewer than {self.min_group} answers: not shown", "span": len(_STATS) - 1,
                          "note": True}
                rows.append([r.label, _fmt(r.n), hidden])
            else:
                counts_people = r.measure in _PEOPLE_MEASURES
                rows.append([r.label, *(_fmt(getattr(r, s), people=counts_people) for s in _STATS)])
        columns = [{"label": label, "numeric": k > 0} for k, label in enumerate(["measure", *_STAT_LABELS])]
        charts = []
        for measure, part in self.histograms.groupby("measure", sort=False):
            top = max(int(part["count"].max()), 1)
            bars = [{"bin": b, "count": int(c), "width": 70 * c / top} for b, c in zip(part["bin"], part["count"])]
            charts.append({"label": CLASS_MEASURES.get(measure, measure), "bars": bars})
        return {"participants": plural(self.participants, "participant"), "table": {"columns": columns, "rows": rows},
                "charts": charts, "notes": self.notes, "min_group": self.min_group}

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


def _fingerprint(alters: pd.DataFrame, ties: pd.DataFrame) -> str:
    """The same network under any pseudonyms: the alters' attributes in order, ties as row numbers."""
    row = {a: i for i, a in enumerate(alters["alter_id"])}
    attributes = alters.drop(columns=[c for c in ("ego_id", "alter_id", "name") if c in alters.columns])
    pairs = sorted((min(row.get(s, -1), row.get(t, -1)), max(row.get(s, -1), row.get(t, -1)))
                   for s, t in zip(ties["source"], ties["target"]))
    text = attributes.to_csv(index=False) + "\0" + repr(pairs)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@renamed_keywords(weights="strength")
def class_summary(
    exports: Iterable,
    *,
    min_group: int = MIN_GROUP,
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
        anyone who knows one of them could tell who is who. It may be raised, not set below 3.
        A measure answered by fewer participants (support coverage, when few filled in the
        self-check) is shown with its count only.
    strength, threshold
        How tie strength weighs its items, and the weak/strong threshold (see :func:`netkit.tie_strength`).

    Returns
    -------
    ClassSummary
        ``table``: one row per measure — ``measure``, ``label``, ``n`` (participants with a
        value), ``mean``, ``sd``, ``p25``, ``median``, ``p75``; ``histograms``: ``measure``,
        ``bin``, ``count`` over fixed ranges. Nothing per person, no names, no paths.

    Raises
    ------
    NetkitError
        Fewer than ``min_group`` participants, ``min_group`` below 3, the same network given
        twice (even under other pseudonyms: same attributes in the same order, same ties; checked
        for networks of three people or more), or an input that is not an ego network.

    Notes
    -----
    Per participant: size, density among alters, Burt's constraint and effective size of the
    ego, and the share of weak ties (from :func:`netkit.summarize`); support coverage of each
    kind when their export has self-check answers (``support.csv``, scored by
    :func:`netkit.support.support_coverage`). The spread is given by quartiles, not minimum and
    maximum, which would each be one person's value.

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
    from .batch import summarize
    from .support import support_answers, support_coverage

    if isinstance(min_group, bool) or not isinstance(min_group, (int, np.integer)) or min_group < _FLOOR:
        raise NetkitError(f"min_group={min_group!r} is too small to keep people from being recognised; use "
                          f"{_FLOOR} or more (default {MIN_GROUP}).")
    rows, seen = [], {}
    for label, coll in _participants(exports):
        table = summarize(coll, strength=strength, threshold=threshold, progress=False)
        support = coll.extra.get("support")
        alters_of = coll.alters.groupby("ego_id", sort=False).indices
        ties_of = coll.ties.groupby("ego_id", sort=False).indices
        for r in table.itertuples(index=False):
            alters = coll.alters.iloc[alters_of.get(r.ego_id, [])]
            if len(alters) >= 3:  # smaller networks can be alike by chance
                key = _fingerprint(alters, coll.ties.iloc[ties_of.get(r.ego_id, [])])
                if key in seen:
                    if seen[key] == label:
                        raise NetkitError(f"{label}: was given twice; give each participant's export once.")
                    raise NetkitError(f"{label} and {seen[key]} hold the same network; give each participant's "
                                      "export once.")
                seen[key] = label
            row = {m: getattr(r, m) for m in ("size", "density", "constraint", "effective_size", "weak_share")}
            mine = support[support["ego_id"] == r.ego_id] if support is not None and "ego_id" in support.columns else support
            answers = support_answers(mine)
            if any(v is not None for v in answers.values()):
                cov = support_coverage(answers).set_index("kind")["coverage"]
                row.update(coverage_all=cov["all"], coverage_instrumental=cov["instrumental"],
                           coverage_psychosocial=cov["psychosocial"])
            rows.append(row)
    people = pd.DataFrame(rows, columns=list(CLASS_MEASURES), dtype=float)
    if len(people) < min_group:
        raise NetkitError(f"a class summary needs at least {min_group} participants so that nobody can be recognised; "
                          f"got {len(people)}. Add more participants' exports.")
    stats, bars = [], []
    for measure, label in CLASS_MEASURES.items():
        values = people[measure].dropna().to_numpy(dtype=float)
        row = {"measure": measure, "label": label, "n": int(len(values))}
        if len(values) >= min_group:
            p25, median, p75 = np.percentile(values, [25, 50, 75])
            row.update(mean=values.mean(), sd=values.std(ddof=1), p25=p25, median=median, p75=p75)
            edges, names = _BINS.get(measure, _SHARE_BINS)
            counts = np.histogram(np.clip(values, 0, None), bins=edges)[0]
            bars.extend({"measure": measure, "bin": b, "count": int(c)} for b, c in zip(names, counts))
        stats.append(row)
    table = pd.DataFrame(stats, columns=["measure", "label", *_STATS])
    numbers = ["mean", "sd", "p25", "median", "p75"]
    table[numbers] = table[numbers].astype(float).round(4)
    notes = []
    hidden = table.loc[table["n"] < min_group, "measure"].tolist()
    if hidden:
        notes.append(f"{plural(len(hidden), 'measure')} had fewer than {min_group} answers and "
                     f"{'is' if len(hidden) == 1 else 'are'} not shown.")
    return ClassSummary(participants=len(people), min_group=int(min_group), table=table,
                        histograms=pd.DataFrame(bars, columns=["measure", "bin", "count"]), notes=notes)
