"""Support self-assessment: the questions, and their scoring as pure functions.

Two kinds of support (Kram 1985): *instrumental* (advice, access, influence — career functions)
and *psychosocial* (confiding, acceptance, perspective). The six-item self-check asks who in
your network gives each; scoring reports the coverage of each kind, the gaps, how much rests
on one person, and whether weak ties carry the instrumental and strong ties the psychosocial
support, as research leads one to expect (Granovetter 1973; Wellman & Wortley 1990).
The wording here is netkit's own; no ISEL item is used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import NetkitError
from .words import and_list, plural

if TYPE_CHECKING:  # pragma: no cover
    from .model import EgoNetwork

__all__ = [
    "SupportItem",
    "SUPPORT_ITEMS",
    "KRAM_FUNCTIONS",
    "NAME_PROMPTS",
    "KINDS",
    "support_answers",
    "support_table",
    "support_coverage",
    "support_load",
    "tie_kind_check",
    "support_feedback",
    "kram_table",
    "assess_support",
    "SupportAssessment",
    "DISPLAY_COLUMNS",
    "mspss_scores",
]

KINDS = ("instrumental", "psychosocial")
# the kind of tie research expects to carry each kind of support
EXPECTED_TIE = {"instrumental": "weak", "psychosocial": "strong"}


@dataclass(frozen=True)
class SupportItem:
    """One question: ``key`` (stored in support.csv), ``kind``, the ``question``, a ``short``
    phrase for sentences and a ``label`` for charts."""

    key: str
    kind: str
    question: str
    short: str
    label: str


SUPPORT_ITEMS: tuple[SupportItem, ...] = (
    SupportItem(
        "career_sounding_board", "instrumental",
        "Who is someone objective you can talk with about your development and your career?",
        "someone objective to talk career with", "career sounding board",
    ),
    SupportItem(
        "cross_boundary_influence", "instrumental",
        "Who in another department, or at another level, can help you influence decisions or get a "
        "project moving faster?",
        "help across departments and levels", "help across departments",
    ),
    SupportItem(
        "industry_peers", "instrumental",
        "Who at other organisations in your field do you swap insights and news with?",
        "peers at other organisations", "peers in other organisations",
    ),
    SupportItem(
        "outside_confidant", "psychosocial",
        "Who outside your own department could you talk to in confidence about your boss or your colleagues?",
        "a confidant outside your department", "confidant outside department",
    ),
    SupportItem(
        "similar_family_situation", "psychosocial",
        "Who is in a family or home situation like yours, so they know what your days are like?",
        "someone in a similar family situation", "similar family situation",
    ),
    SupportItem(
        "known_through_phases", "psychosocial",
        "Who has known you through several phases of your life?",
        "someone who has known you through several phases of life", "known you through life's phases",
    ),
)
_ITEMS = {i.key: i for i in SUPPORT_ITEMS}


@dataclass(frozen=True)
class KramFunction:
    key: str
    kind: str  # "career" (instrumental) or "psychosocial"
    label: str


# Kram (1985), Mentoring at Work: five career and four psychosocial functions of a relationship.
KRAM_FUNCTIONS: tuple[KramFunction, ...] = (
    KramFunction("sponsorship", "career", "speaks up for you where decisions are made"),
    KramFunction("exposure", "career", "makes you and your work visible to people who matter"),
    KramFunction("coaching", "career", "shares know-how and advice on how to get things done"),
    KramFunction("protection", "career", "shields you from risks and unfair blame"),
    KramFunction("challenging_assignments", "career", "gives or points you to work that stretches you"),
    KramFunction("role_modelling", "psychosocial", "shows a way of working and living you can learn from"),
    KramFunction("acceptance", "psychosocial", "accepts and confirms you, also when you fail"),
    KramFunction("counselling", "psychosocial", "helps you think through worries and doubts"),
    KramFunction("friendship", "psychosocial", "is a friend: you enjoy time together"),
)

# Name-generator prompts: the GSS "important matters" item (Burt 1984, public GSS wording),
# exchange prompts after Fischer (1982) in netkit's words, then the six self-check questions.
NAME_PROMPTS: dict[str, str] = {
    "important_matters": (
        "From time to time, most people discuss important matters with other people. Looking back over "
        "the last six months — who are the people with whom you discussed matters important to you?"
    ),
    "advice": "Whom would you ask for advice before an important decision, at work or at home?",
    "help": "Who would help you with a practical job — moving house, minding your home, a lift when you need one?",
    "loan": "Whom could you ask to lend you a larger sum of money if you really needed it?",
    "socialising": "With whom do you spend free time — a meal, a walk, an evening out?",
    **{f"support:{i.key}": i.question for i in SUPPORT_ITEMS},
}

Answers = Mapping[str, "list[str] | None"]

#: The support table as people read it (forms, report): column → heading, in this order.
DISPLAY_COLUMNS: dict[str, str] = {"short": "support", "kind": "kind", "providers": "who", "status": "status"}


def support_answers(support: pd.DataFrame | None, *, instrument: str = "self-check") -> dict[str, list[str] | None]:
    """The self-check answers in ``support.csv`` as ``{item: providers}``.

    ``None`` means not answered, ``[]`` "no one yet", otherwise the alter ids named (in file
    order). Rows of other instruments are ignored.

    Examples
    --------
    >>> t = pd.DataFrame({"instrument": ["self-check"] * 3, "item": ["industry_peers", "industry_peers",
    ...     "outside_confidant"], "alter_id": ["p1", "p2", ""], "value": ["1", "1", "0"]})
    >>> a = support_answers(t)
    >>> a["industry_peers"], a["outside_confidant"], a["known_through_phases"]
    (['p1', 'p2'], [], None)
    """
    answers: dict[str, list[str] | None] = {i.key: None for i in SUPPORT_ITEMS}
    if support is None or len(support) == 0:
        return answers
    for row in support.itertuples(index=False):
        rec = row._asdict()
        if str(rec.get("instrument", "")) != instrument or rec.get("item") not in answers:
            continue
        item, who, value = rec["item"], _text(rec.get("alter_id")), _text(rec.get("value"))
        if answers[item] is None:
            answers[item] = []
        if who and value not in ("0", "no", "false"):
            if who not in answers[item]:
                answers[item].append(who)
    return answers


def _text(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _names(people: pd.DataFrame | None) -> dict[str, str]:
    if people is None or len(people) == 0:
        return {}
    names = people["name"] if "name" in people.columns else people["alter_id"]
    return {str(a): (_text(n) or str(a)) for a, n in zip(people["alter_id"], names)}


def _check_answers(answers: Answers) -> None:
    unknown = [k for k in answers if k not in _ITEMS]
    if unknown:
        raise NetkitError(
            f"answers: {unknown[0]!r} is not a self-check item; items are {', '.join(_ITEMS)}."
        )


def support_table(answers: Answers, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per self-check item: kind, question, who provides it, and its status.

    ``status`` is ``covered`` (someone named), ``gap`` ("no one yet") or ``not answered``.

    Examples
    --------
    >>> support_table({"industry_peers": ["p1"], "outside_confidant": []})[["item", "n_providers", "status"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                           item  n_providers        status
    0     career_sounding_board            0  not answered
    1  cross_boundary_influence            0  not answered
    2            industry_peers            1       covered
    3         outside_confidant            0           gap
    4  similar_family_situation            0  not answered
    5      known_through_phases            0  not answered
    """
    _check_answers(answers)
    names = _names(people)
    rows = []
    for item in SUPPORT_ITEMS:
        who = answers.get(item.key)
        providers = list(who or [])
        status = "not answered" if who is None else ("covered" if providers else "gap")
        rows.append({
            "item": item.key, "kind": item.kind, "short": item.short, "question": item.question,
            "providers": ", ".join(names.get(p, p) for p in providers), "provider_ids": providers,
            "n_providers": len(providers), "status": status,
        })
    return pd.DataFrame(rows)


def support_coverage(answers: Answers) -> pd.DataFrame:
    """Coverage of each kind: items, answered, covered, gaps, ``coverage`` = covered / items.

    The last row, ``all``, is both kinds together. ``providers`` counts distinct people.

    Examples
    --------
    >>> c = support_coverage({"career_sounding_board": ["a"], "industry_peers": ["a", "b"],
    ...                       "outside_confidant": []}).set_index("kind")
    >>> float(c.loc["instrumental", "coverage"]), int(c.loc["psychosocial", "gaps"]), int(c.loc["all", "providers"])
    (0.6666666666666666, 1, 2)
    """
    _check_answers(answers)
    rows = []
    for kind in (*KINDS, "all"):
        items = [i for i in SUPPORT_ITEMS if kind in ("all", i.kind)]
        answered = [i for i in items if answers.get(i.key) is not None]
        covered = [i for i in answered if answers[i.key]]
        providers = {p for i in covered for p in answers[i.key]}
        rows.append({
            "kind": kind, "items": len(items), "answered": len(answered), "covered": len(covered),
            "gaps": len(answered) - len(covered), "not_answered": len(items) - len(answered),
            "coverage": len(covered) / len(items), "providers": len(providers),
        })
    return pd.DataFrame(rows)


def support_load(answers: Answers, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much support rests on each person named, heaviest first.

    Columns: ``items`` (self-check items they cover), ``instrumental``, ``psychosocial``,
    ``sole`` (items for which they are the only one named), ``share`` = items / items covered
    (NaN when nothing is covered), and ``items_covered`` (their item keys).

    Examples
    --------
    >>> load = support_load({"career_sounding_board": ["a"], "outside_confidant": ["a", "b"],
    ...                      "known_through_phases": ["a"]})
    >>> load[["alter_id", "items", "sole", "share"]].to_dict("records")[0]
    {'alter_id': 'a', 'items': 3, 'sole': 2, 'share': 1.0}
    """
    _check_answers(answers)
    names = _names(people)
    covered = [i for i in SUPPORT_ITEMS if answers.get(i.key)]
    per: dict[str, dict] = {}
    for item in covered:
        for who in answers[item.key]:
            rec = per.setdefault(who, {"alter_id": who, "name": names.get(who, who), "items": 0,
                                       "instrumental": 0, "psychosocial": 0, "sole": 0, "items_covered": []})
            rec["items"] += 1
            rec[item.kind] += 1
            rec["sole"] += len(answers[item.key]) == 1
            rec["items_covered"].append(item.key)
    columns = ["alter_id", "name", "items", "instrumental", "psychosocial", "sole", "share", "items_covered"]
    if not per:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(list(per.values()))
    out["share"] = out["items"] / len(covered)
    return out.sort_values(["items", "sole"], ascending=False, kind="stable").reset_index(drop=True)[columns]


def tie_kind_check(answers: Answers, ties: Mapping[str, str]) -> pd.DataFrame:
    """Which kind of tie gives each kind of support: weak, strong or unknown, per kind.

    ``ties`` maps alter id to ``"weak"`` or ``"strong"`` (e.g. the ``tie`` column of
    ``nk.tie_table``). Research expects instrumental support from weak ties and psychosocial
    support from strong ties; ``expected`` names that tie and ``share_expected`` is the
    share of providers with a known strength who have it (NaN when none is known).

    Examples
    --------
    >>> chk = tie_kind_check({"industry_peers": ["a", "b"], "outside_confidant": ["b"]},
    ...                      {"a": "weak", "b": "strong"}).set_index("kind")
    >>> [float(v) for v in chk.loc["instrumental", ["weak", "strong", "share_expected"]]]
    [1.0, 1.0, 0.5]
    >>> float(chk.loc["psychosocial", "share_expected"])
    1.0
    """
    _check_answers(answers)
    rows = []
    for kind in KINDS:
        providers = {p for i in SUPPORT_ITEMS if i.kind == kind for p in (answers.get(i.key) or [])}
        labels = [str(ties.get(p, "")).lower() for p in providers]
        weak, strong = labels.count("weak"), labels.count("strong")
        known = weak + strong
        expected = EXPECTED_TIE[kind]
        rows.append({
            "kind": kind, "providers": len(providers), "weak": weak, "strong": strong,
            "unknown": len(providers) - known, "expected": expected,
            "share_expected": ({"weak": weak, "strong": strong}[expected] / known) if known else float("nan"),
        })
    return pd.DataFrame(rows)


def support_feedback(answers: Answers, people: pd.DataFrame | None = None,
                     ties: Mapping[str, str] | None = None) -> list[str]:
    """Plain-language sentences about the answers: coverage, gaps, load, tie kinds.

    Examples
    --------
    >>> for s in support_feedback({"career_sounding_board": ["a"], "outside_confidant": []}):
    ...     print(s)
    You answered 2 of the 6 questions; the other 4 count as open until you answer them.
    Instrumental support: 1 of 3 kinds covered. Psychosocial support: 0 of 3 kinds covered.
    Gap: no one yet for a confidant outside your department. A gap is a place to start, not a failing: think of who could fill it, or whom you could meet who might.
    """
    _check_answers(answers)
    out = []
    answered = sum(answers.get(i.key) is not None for i in SUPPORT_ITEMS)
    if answered == 0:
        return ["You have not answered any support question yet: pick who gives each kind of support, "
                "or tick 'no one yet'."]
    if answered < len(SUPPORT_ITEMS):
        out.append(f"You answered {answered} of the {len(SUPPORT_ITEMS)} questions; the other "
                   f"{len(SUPPORT_ITEMS) - answered} count as open until you answer them.")
    cov = support_coverage(answers).set_index("kind")
    out.append(" ".join(
        f"{kind.capitalize()} support: {int(cov.loc[kind, 'covered'])} of {int(cov.loc[kind, 'items'])} kinds covered."
        for kind in KINDS
    ))
    gaps = [i.short for i in SUPPORT_ITEMS if answers.get(i.key) == []]
    if gaps:
        out.append(f"Gap{'s' if len(gaps) > 1 else ''}: no one yet for {and_list(gaps)}. A gap is a place to start, "
                   "not a failing: think of who could fill it, or whom you could meet who might.")
    load = support_load(answers, people)
    covered = int(cov.loc["all", "covered"])
    for rec in load.to_dict("records"):
        name = rec["name"]
        if rec["sole"] >= 2:
            sole = [_ITEMS[k].short for k in rec["items_covered"] if len(answers[k]) == 1]
            out.append(f"{name} is the only person you named for {and_list(sole)}: if {name} were not there, "
                       "you would have no one for these. A second person for one of them would spread the load.")
        elif covered >= 3 and rec["share"] >= 0.5:
            out.append(f"Much rests on {name}: named for {rec['items']} of the {covered} kinds of support you have.")
    if ties is not None:
        out += _tie_kind_feedback(answers, ties)
    return out


def _tie_kind_feedback(answers: Answers, ties: Mapping[str, str]) -> list[str]:
    """Sentences on which kind of tie gives which support; people with no tie strength yet (not
    rated) are counted as unrated, never as weak or strong."""
    out = []
    chk = tie_kind_check(answers, ties).set_index("kind")
    ins, psy = chk.loc["instrumental"], chk.loc["psychosocial"]
    unrated = {p for i in SUPPORT_ITEMS for p in (answers.get(i.key) or [])
               if str(ties.get(p, "")).lower() not in ("weak", "strong")}
    if unrated:
        out.append(
            f"{plural(len(unrated), 'person', 'people')} you named for support "
            f"{'has' if len(unrated) == 1 else 'have'} no tie strength yet (how close you are and how often you "
            "are in touch are not answered), so they are left out of what follows: rate them in the "
            "'2 About each' tab (notebook 01) to see whether they are weak or strong ties."
        )
    if ins["weak"] + ins["strong"] and ins["strong"] > ins["weak"]:
        out.append(
            f"Your instrumental support comes mostly from strong ties ({int(ins['strong'])} of "
            f"{plural(int(ins['weak'] + ins['strong']), 'person', 'people')}). Acquaintances — weak ties — tend to bring new "
            "information and reach other groups (Granovetter 1973): someone you know less well may help here too."
        )
    if psy["weak"] + psy["strong"] and psy["weak"] > psy["strong"]:
        out.append(
            f"Your psychosocial support comes mostly from weak ties ({int(psy['weak'])} of "
            f"{plural(int(psy['weak'] + psy['strong']), 'person', 'people')}). Confiding and encouragement tend to come from close, "
            "strong ties (Wellman & Wortley 1990): is there someone close you could also turn to?"
        )
    if (ins["weak"] + ins["strong"]) and (psy["weak"] + psy["strong"]) and ins["weak"] >= ins["strong"] \
            and psy["strong"] >= psy["weak"]:
        out.append("As research leads one to expect, your instrumental support comes mainly from weak ties "
                   "and your psychosocial support from strong ties.")
    return out


def kram_table(support: pd.DataFrame | None, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kram's functions per person, from ``support.csv`` rows with instrument ``kram``.

    One row per person with at least one function: ``career`` and ``psychosocial`` counts
    and the function keys.
    """
    names = _names(people)
    kinds = {f.key: f.kind for f in KRAM_FUNCTIONS}
    per: dict[str, dict] = {}
    if support is not None and len(support):
        for row in support.itertuples(index=False):
            rec = row._asdict()
            if rec.get("instrument") != "kram" or rec.get("item") not in kinds or _text(rec.get("value")) in ("0", ""):
                continue
            who = _text(rec.get("alter_id"))
            p = per.setdefault(who, {"alter_id": who, "name": names.get(who, who), "career": 0, "psychosocial": 0,
                                     "functions": []})
            if rec["item"] not in p["functions"]:
                p[kinds[rec["item"]]] += 1
                p["functions"].append(rec["item"])
    return pd.DataFrame(list(per.values()), columns=["alter_id", "name", "career", "psychosocial", "functions"])


@dataclass
class SupportAssessment:
    """Everything the self-check says about one network (see :func:`assess_support`)."""

    answers: dict
    table: pd.DataFrame
    coverage: pd.DataFrame
    load: pd.DataFrame
    tie_check: pd.DataFrame | None
    feedback: list[str]
    kram: pd.DataFrame = field(default_factory=pd.DataFrame)
    _people: pd.DataFrame | None = field(default=None, repr=False)

    def chart_table(self) -> pd.DataFrame:
        """The answers as ``person``, ``kind``, ``item`` rows (empty person: a gap), the table
        :func:`netkit.viz.support_coverage_figure` draws. Unanswered items are left out."""
        rows = []
        names = dict(zip(self.table["item"], self.table["provider_ids"]))
        labels = _names(self._people) if self._people is not None else {}
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        for item in SUPPORT_ITEMS:
            who = self.answers.get(item.key)
            if who is None:
                continue
            for aid in names[item.key] or [None]:
                label = None if aid is None else labels.get(aid, aid)
                if label is not None and counts.get(label, 0) > 1:  # two people with one name: keep both
                    label = f"{label} ({aid})"
                rows.append({"person": label, "kind": item.kind, "item": item.label})
        return pd.DataFrame(rows, columns=["person", "kind", "item"])

    def display_table(self) -> pd.DataFrame:
        """The support table with the columns and headings people read.

        Returns
        -------
        DataFrame
            ``support``, ``kind``, ``who`` and ``status`` (:data:`DISPLAY_COLUMNS`), one row per item.
        """
        return self.table[list(DISPLAY_COLUMNS)].rename(columns=DISPLAY_COLUMNS)

    def chart_png(self, *, dpi: float | None = None) -> bytes | None:
        """The coverage chart (:func:`netkit.viz.support_coverage_figure`) as PNG bytes.

        Parameters
        ----------
        dpi : float, optional
            See :func:`netkit.viz.figures.figure_png`.

        Returns
        -------
        bytes or None
            None when no question has been answered (there is nothing to draw).
        """
        table = self.chart_table()
        if table.empty:
            return None
        from .viz import support_coverage_figure
        from .viz.figures import figure_png

        return figure_png(support_coverage_figure(table), dpi=dpi)

    def to_html(self, *, chart: bool = False, dpi: float | None = None) -> str:
        """Feedback, optionally the chart, and the table as one escaped HTML fragment.

        Parameters
        ----------
        chart : bool, default False
            Include the coverage chart as an inline PNG.
        dpi : float, optional
            The chart's resolution (see :func:`netkit.viz.figures.figure_png`).

        Returns
        -------
        str
            A ``<div>`` for a form or a notebook; the personal report shows the same partial.
        """
        from .html import frame_table, render_macro

        png = self.chart_png(dpi=dpi) if chart else None
        inner = render_macro("partials/support.html.j2", "support_summary", self.feedback,
                             frame_table(self.display_table()), png=png)
        return f"<div>{inner}</div>"

    def _repr_html_(self) -> str:
        return self.to_html()


def assess_support(net: "EgoNetwork", *, ties: Mapping[str, str] | None = None) -> SupportAssessment:
    """Score the self-check of one ego network (``net.extra['support']``, e.g. a workspace).

    Tie kinds come from the tie strength of each alter (:func:`netkit.tie_strength`, weak below 0.5) unless
    ``ties`` gives them.
    """
    from .model import EgoNetwork

    if not isinstance(net, EgoNetwork):
        raise NetkitError("assess_support needs one ego network (e.g. workspace.network()); pick one ego first.")
    support = net.extra.get("support")
    answers = support_answers(support)
    people = net.alters
    if ties is None and len(people):
        ties = _tie_kinds(net)
    return SupportAssessment(
        answers=answers, table=support_table(answers, people), coverage=support_coverage(answers),
        load=support_load(answers, people), tie_check=tie_kind_check(answers, ties) if ties else None,
        feedback=support_feedback(answers, people, ties), kram=kram_table(support, people), _people=people,
    )


def _tie_kinds(net) -> dict[str, str]:
    """Alter id -> "weak" or "strong", for the people whose tie strength is known (default weights, 0.5)."""
    from .ties import tie_class, tie_strength

    kinds = tie_class(tie_strength(net.alters)["strength"].to_numpy(dtype=float), 0.5)
    return {str(a): str(t) for a, t in zip(net.alters["alter_id"], kinds) if isinstance(t, str)}


MSPSS_SUBSCALES = {
    "significant_other": (1, 2, 5, 10),
    "family": (3, 4, 8, 11),
    "friends": (6, 7, 9, 12),
}


def mspss_scores(responses: Sequence[float]) -> dict[str, float]:
    """Score the MSPSS (Zimet et al. 1988): subscale and total means of 12 items rated 1–7.

    Only the scoring is here (item numbers per subscale); the questionnaire's wording is not
    shipped.

    Examples
    --------
    >>> s = mspss_scores([7, 6, 5, 5, 7, 4, 4, 5, 4, 6, 5, 3])
    >>> s["significant_other"], s["family"], s["friends"], round(s["total"], 3)
    (6.5, 5.0, 3.75, 5.083)

    References
    ----------
    .. [1] Zimet, G. D., Dahlem, N. W., Zimet, S. G., & Farley, G. K. (1988). The Multidimensional
       Scale of Perceived Social Support. Journal of Personality Assessment, 52(1), 30–41.
    """
    values = list(responses)
    if len(values) != 12:
        raise NetkitError(f"responses: the MSPSS has 12 items, got {len(values)}; give one rating per item.")
    for n, v in enumerate(values, start=1):
        if not isinstance(v, (int, float, np.integer, np.floating)) or not 1 <= v <= 7:
            raise NetkitError(f"responses: item {n} is {v!r}; each rating is a number from 1 to 7.")
    out = {name: float(np.mean([values[i - 1] for i in items])) for name, items in MSPSS_SUBSCALES.items()}
    out["total"] = float(np.mean(values))
    return out
