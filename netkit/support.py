"""Support self-assessment: an instrument's questions, and their scoring as pure functions.

Two kinds of support (Kram 1985): *instrumental* (advice, access, influence — career functions)
and *psychosocial* (confiding, acceptance, perspective). An instrument (:mod:`netkit.instruments`)
asks who in your network gives each; the six-question self-check is the default. Scoring reports
the coverage of each kind, the gaps, how much rests on one person, and which kind of tie gives
which kind of support.

What research says about the last point, and what it does not:

- Granovetter (1973) argued that weak ties bridge to other circles and so bring *new information*;
  among job changers he studied who found their job through a contact, most saw that contact
  only occasionally or rarely. Lin, Ensel & Vaughn (1981) found that weak ties used in a job
  search tended to reach contacts of higher occupational status, and that the contact's status
  bore on the status of the job attained. Both are about job information and job finding — one
  part of what netkit calls instrumental support.
- Wellman & Wortley (1990), in East York (Toronto), found that most ties give specialised
  support and that *strong* ties give emotional aid, small services and companionship; parents
  and adult children exchange financial aid and large services too. Strong ties gave more of
  most kinds of support, services included — not only psychosocial support.

So "weak ties bring instrumental help, strong ties psychosocial support" is a hypothesis drawn
from the job-search work, not a settled finding; :func:`netkit.support_by_strength` tests it
across many egos. The wording of the questions is netkit's own; no ISEL item is used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import NetkitError
from .instruments import EXCHANGE, EXPECTED_TIE, KRAM, SELF_CHECK, SHIPPED, Instrument, SupportItem, one_instrument
from .schema import NO_WORDS
from .words import and_list, plural

if TYPE_CHECKING:  # pragma: no cover
    from .model import EgoNetwork

__all__ = [
    "SupportItem",
    "Instrument",
    "SELF_CHECK",
    "KRAM",
    "EXCHANGE",
    "SUPPORT_ITEMS",
    "KRAM_FUNCTIONS",
    "NAME_PROMPTS",
    "KINDS",
    "support_answers",
    "answer_table",
    "support_coverage",
    "support_load",
    "tie_kind_check",
    "support_feedback",
    "unscored_sentence",
    "kram_table",
    "assess_support",
    "SupportAssessment",
    "DISPLAY_COLUMNS",
    "mspss_scores",
]

KINDS = ("instrumental", "psychosocial")

#: The six self-check items (the default instrument's items).
SUPPORT_ITEMS: tuple[SupportItem, ...] = SELF_CHECK.items


@dataclass(frozen=True)
class KramFunction:
    key: str
    kind: str  # "career" (instrumental) or "psychosocial"
    label: str


# Kram (1985), Mentoring at Work: five career and four psychosocial functions of a relationship
# (the same items as the KRAM instrument, whose kinds say instrumental for career).
KRAM_FUNCTIONS: tuple[KramFunction, ...] = tuple(
    KramFunction(i.key, "career" if i.kind == "instrumental" else i.kind, i.question) for i in KRAM.items
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


def _instrument(instrument: "str | Instrument") -> Instrument:
    if isinstance(instrument, Instrument):
        return instrument
    if isinstance(instrument, str) and instrument in SHIPPED:
        return SHIPPED[instrument]
    raise NetkitError(f"instrument={instrument!r} is not an instrument; use one of {', '.join(SHIPPED)} or an "
                      "Instrument (netkit.instruments).")


def support_answers(support: pd.DataFrame | None, *,
                    instrument: "str | Instrument" = "self-check") -> dict[str, list[str] | None]:
    """The answers to one instrument in a support table as ``{item: providers}``.

    ``None`` means not answered (no row with a known value), ``[]`` "no one" (answered, nobody
    gives it), otherwise the alter ids who give it (in file order). A blank value is not known
    and answers nothing. Rows of other instruments or items are not counted here
    (:func:`unscored_sentence` names them).

    Examples
    --------
    >>> t = pd.DataFrame({"instrument": ["self-check"] * 3, "item": ["industry_peers", "industry_peers",
    ...     "outside_confidant"], "alter_id": ["p1", "p2", ""], "value": ["1", "1", "0"]})
    >>> a = support_answers(t)
    >>> a["industry_peers"], a["outside_confidant"], a["known_through_phases"]
    (['p1', 'p2'], [], None)
    """
    ins = _instrument(instrument)
    answers: dict[str, list[str] | None] = {k: None for k in ins.keys}
    if support is None or len(support) == 0:
        return answers
    for row in support.itertuples(index=False):
        rec = row._asdict()
        if not ins.matches(rec.get("instrument", "")) or rec.get("item") not in answers:
            continue
        item, who, value = rec["item"], _text(rec.get("alter_id")), _text(rec.get("value"))
        if not value:  # not known: answers nothing
            continue
        if answers[item] is None:
            answers[item] = []
        if who and value.lower() not in NO_WORDS:
            if who not in answers[item]:
                answers[item].append(who)
    return answers


def unscored_sentence(support: pd.DataFrame | None, instrument: "str | Instrument" = "self-check") -> str:
    """One sentence naming the support rows an instrument does not score, and how to declare
    them; ``""`` when every row is scored (Kram's functions, scored on their own, are not named).

    Examples
    --------
    >>> t = pd.DataFrame({"instrument": ["study", "study"], "item": ["emotional", "material"],
    ...                   "alter_id": ["1", "2"], "value": ["1", "0"]})
    >>> print(unscored_sentence(t))   # doctest: +NORMALIZE_WHITESPACE
    2 support rows are not part of the 'self-check' instrument and are not scored here: 'emotional' and
    'material' of instrument 'study'. Score them with instrument= (a shipped name: self-check, kram,
    exchange, or an Instrument from a CSV file with the columns item, question and kind), or declare them
    in the data package's instrument table.
    """
    ins = _instrument(instrument)
    if support is None or len(support) == 0 or "item" not in support.columns:
        return ""
    names = support["instrument"].map(_text) if "instrument" in support.columns else pd.Series("", index=support.index)
    items = support["item"].map(_text)
    mine = names.map(ins.matches) & items.isin(ins.keys)
    other = ~mine & (names != "kram")
    if not other.any():
        return ""
    groups = []
    for name in pd.unique(names[other]):
        these = list(pd.unique(items[other & (names == name)]))
        shown = and_list([repr(i) for i in these[:6]]) + (f" and {len(these) - 6} more" if len(these) > 6 else "")
        groups.append(f"{shown} of instrument {name!r}" if name else shown)
    n = int(other.sum())
    return (f"{plural(n, 'support row')} {'is' if n == 1 else 'are'} not part of the {ins.label!r} instrument and "
            f"{'is' if n == 1 else 'are'} not scored here: {'; '.join(groups)}. Score them with instrument= (a "
            f"shipped name: {', '.join(SHIPPED)}, or an Instrument from a CSV file with the columns item, question "
            "and kind), or declare them in the data package's instrument table.")


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


def _check_answers(answers: Answers, ins: Instrument) -> None:
    unknown = [k for k in answers if k not in ins.keys]
    if unknown:
        raise NetkitError(
            f"answers: {unknown[0]!r} is not an item of the {ins.label!r} instrument; its items are "
            f"{', '.join(ins.keys)}."
        )


def answer_table(answers: Answers, people: pd.DataFrame | None = None, *,
                 instrument: "str | Instrument" = "self-check") -> pd.DataFrame:
    """One row per item of one participant's instrument: kind, question, who provides it, status.

    ``status`` is ``covered`` (someone named), ``gap`` ("no one yet") or ``not answered``. (For
    one row per ego × item across many egos, see :func:`netkit.support_table`.)

    Examples
    --------
    >>> answer_table({"industry_peers": ["p1"], "outside_confidant": []})[["item", "n_providers", "status"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                           item  n_providers        status
    0     career_sounding_board            0  not answered
    1  cross_boundary_influence            0  not answered
    2            industry_peers            1       covered
    3         outside_confidant            0           gap
    4  similar_family_situation            0  not answered
    5      known_through_phases            0  not answered
    """
    ins = _instrument(instrument)
    _check_answers(answers, ins)
    names = _names(people)
    rows = []
    for item in ins.items:
        who = answers.get(item.key)
        providers = list(who or [])
        status = "not answered" if who is None else ("covered" if providers else "gap")
        rows.append({
            "item": item.key, "kind": item.kind, "short": item.short, "question": item.question,
            "providers": ", ".join(names.get(p, p) for p in providers), "provider_ids": providers,
            "n_providers": len(providers), "status": status,
        })
    return pd.DataFrame(rows, columns=["item", "kind", "short", "question", "providers", "provider_ids",
                                       "n_providers", "status"])


def support_coverage(answers: Answers, *, instrument: "str | Instrument" = "self-check") -> pd.DataFrame:
    """Coverage of each kind: items, answered, covered, gaps, ``coverage`` = covered / items.

    One row per kind the instrument has, then ``all``. ``providers`` counts distinct people.

    Examples
    --------
    >>> c = support_coverage({"career_sounding_board": ["a"], "industry_peers": ["a", "b"],
    ...                       "outside_confidant": []}).set_index("kind")
    >>> float(c.loc["instrumental", "coverage"]), int(c.loc["psychosocial", "gaps"]), int(c.loc["all", "providers"])
    (0.6666666666666666, 1, 2)
    """
    ins = _instrument(instrument)
    _check_answers(answers, ins)
    rows = []
    for kind in (*ins.kinds, "all"):
        items = [i for i in ins.items if kind in ("all", i.kind)]
        answered = [i for i in items if answers.get(i.key) is not None]
        covered = [i for i in answered if answers[i.key]]
        providers = {p for i in covered for p in answers[i.key]}
        rows.append({
            "kind": kind, "items": len(items), "answered": len(answered), "covered": len(covered),
            "gaps": len(answered) - len(covered), "not_answered": len(items) - len(answered),
            "coverage": len(covered) / len(items) if items else float("nan"), "providers": len(providers),
        })
    return pd.DataFrame(rows)


def support_load(answers: Answers, people: pd.DataFrame | None = None, *,
                 instrument: "str | Instrument" = "self-check") -> pd.DataFrame:
    """How much support rests on each person named, heaviest first.

    Columns: ``items`` (items they cover), one count per kind of the instrument (always
    ``instrumental`` and ``psychosocial``), ``sole`` (items for which they are the only one
    named), ``share`` = items / items covered, and ``items_covered`` (their item keys).

    Examples
    --------
    >>> load = support_load({"career_sounding_board": ["a"], "outside_confidant": ["a", "b"],
    ...                      "known_through_phases": ["a"]})
    >>> load[["alter_id", "items", "sole", "share"]].to_dict("records")[0]
    {'alter_id': 'a', 'items': 3, 'sole': 2, 'share': 1.0}
    """
    ins = _instrument(instrument)
    _check_answers(answers, ins)
    names = _names(people)
    kinds = list(dict.fromkeys([*KINDS, *ins.kinds]))
    covered = [i for i in ins.items if answers.get(i.key)]
    per: dict[str, dict] = {}
    for item in covered:
        for who in answers[item.key]:
            rec = per.setdefault(who, {"alter_id": who, "name": names.get(who, who), "items": 0,
                                       **{k: 0 for k in kinds}, "sole": 0, "items_covered": []})
            rec["items"] += 1
            rec[item.kind] += 1
            rec["sole"] += len(answers[item.key]) == 1
            rec["items_covered"].append(item.key)
    columns = ["alter_id", "name", "items", *kinds, "sole", "share", "items_covered"]
    if not per:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(list(per.values()))
    out["share"] = out["items"] / len(covered)
    return out.sort_values(["items", "sole"], ascending=False, kind="stable").reset_index(drop=True)[columns]


def tie_kind_check(answers: Answers, ties: Mapping[str, str], *,
                   instrument: "str | Instrument" = "self-check") -> pd.DataFrame:
    """Which kind of tie gives each kind of support: weak, strong or unknown, per kind.

    ``ties`` maps alter id to ``"weak"`` or ``"strong"`` (e.g. the ``tie`` column of
    ``nk.tie_table``). ``expected`` names the tie the weak-tie argument expects (weak for
    instrumental, strong for psychosocial, none for other) and ``share_expected`` is the share
    of providers with a known strength who have it (NaN when none is known or nothing is expected).
    One person's pattern describes their network; it does not test the idea
    (:func:`netkit.support_by_strength` does, across many egos).

    Examples
    --------
    >>> chk = tie_kind_check({"industry_peers": ["a", "b"], "outside_confidant": ["b"]},
    ...                      {"a": "weak", "b": "strong"}).set_index("kind")
    >>> [float(v) for v in chk.loc["instrumental", ["weak", "strong", "share_expected"]]]
    [1.0, 1.0, 0.5]
    >>> float(chk.loc["psychosocial", "share_expected"])
    1.0
    """
    ins = _instrument(instrument)
    _check_answers(answers, ins)
    rows = []
    for kind in ins.kinds:
        providers = {p for i in ins.items if i.kind == kind for p in (answers.get(i.key) or [])}
        labels = [str(ties.get(p, "")).lower() for p in providers]
        weak, strong = labels.count("weak"), labels.count("strong")
        known = weak + strong
        expected = EXPECTED_TIE.get(kind, "")
        rows.append({
            "kind": kind, "providers": len(providers), "weak": weak, "strong": strong,
            "unknown": len(providers) - known, "expected": expected,
            "share_expected": ({"weak": weak, "strong": strong}[expected] / known)
            if known and expected else float("nan"),
        })
    return pd.DataFrame(rows)


def support_feedback(answers: Answers, people: pd.DataFrame | None = None,
                     ties: Mapping[str, str] | None = None, *,
                     instrument: "str | Instrument" = "self-check") -> list[str]:
    """Plain-language sentences about the answers: coverage, gaps, load, tie kinds.

    Examples
    --------
    >>> for s in support_feedback({"career_sounding_board": ["a"], "outside_confidant": []}):
    ...     print(s)
    You answered 2 of the 6 questions; the other 4 count as open until you answer them.
    Instrumental support: 1 of 3 kinds covered. Psychosocial support: 0 of 3 kinds covered.
    Gap: no one yet for a confidant outside your department. A gap is a place to start, not a failing: think of who could fill it, or whom you could meet who might.
    """
    ins = _instrument(instrument)
    _check_answers(answers, ins)
    out = []
    n_items = len(ins.items)
    answered = sum(answers.get(i.key) is not None for i in ins.items)
    if answered == 0:
        which = "" if ins is SELF_CHECK else f" of the {ins.label!r} instrument"
        return [f"You have not answered any support question{which} yet: pick who gives each kind of support, "
                "or tick 'no one yet'."]
    if answered < n_items:
        out.append(f"You answered {answered} of the {n_items} questions; the other "
                   f"{n_items - answered} count as open until you answer them.")
    cov = support_coverage(answers, instrument=ins).set_index("kind")
    out.append(" ".join(
        f"{kind.capitalize()} support: {int(cov.loc[kind, 'covered'])} of {int(cov.loc[kind, 'items'])} kinds covered."
        for kind in ins.kinds
    ))
    gaps = [i.short for i in ins.items if answers.get(i.key) == []]
    if gaps:
        out.append(f"Gap{'s' if len(gaps) > 1 else ''}: no one yet for {and_list(gaps)}. A gap is a place to start, "
                   "not a failing: think of who could fill it, or whom you could meet who might.")
    load = support_load(answers, people, instrument=ins)
    covered = int(cov.loc["all", "covered"])
    for rec in load.to_dict("records"):
        name = rec["name"]
        if rec["sole"] >= 2:
            sole = [ins.item(k).short for k in rec["items_covered"] if len(answers[k]) == 1]
            out.append(f"{name} is the only person you named for {and_list(sole)}: if {name} were not there, "
                       "you would have no one for these. A second person for one of them would spread the load.")
        elif covered >= 3 and rec["share"] >= 0.5:
            out.append(f"Much rests on {name}: named for {rec['items']} of the {covered} kinds of support you have.")
    if ties is not None:
        out += _tie_kind_feedback(answers, ties, ins)
    return out


def _tie_kind_feedback(answers: Answers, ties: Mapping[str, str], ins: Instrument) -> list[str]:
    """Sentences on which kind of tie gives which support; people with no tie strength yet (not
    rated) are counted as unrated, never as weak or strong."""
    out = []
    chk = tie_kind_check(answers, ties, instrument=ins).set_index("kind")
    unrated = {p for i in ins.items for p in (answers.get(i.key) or [])
               if str(ties.get(p, "")).lower() not in ("weak", "strong")}
    if unrated:
        out.append(
            f"{plural(len(unrated), 'person', 'people')} you named for support "
            f"{'has' if len(unrated) == 1 else 'have'} no tie strength yet (how close you are and how often you "
            "are in touch are not answered), so they are left out of what follows: rate them in the "
            "'2 About each' tab (notebook 01) to see whether they are weak or strong ties."
        )
    if not set(KINDS) <= set(chk.index):
        return out
    ins_row, psy = chk.loc["instrumental"], chk.loc["psychosocial"]
    if ins_row["weak"] + ins_row["strong"] and ins_row["strong"] > ins_row["weak"]:
        out.append(
            f"Your instrumental support comes mostly from strong ties ({int(ins_row['strong'])} of "
            f"{plural(int(ins_row['weak'] + ins_row['strong']), 'person', 'people')}). That is common: close ties give "
            "most kinds of help (Wellman & Wortley 1990). Acquaintances — weak ties — reach other circles and so "
            "bring news you would not hear otherwise, jobs among it (Granovetter 1973): someone you know less well "
            "may help here too."
        )
    if psy["weak"] + psy["strong"] and psy["weak"] > psy["strong"]:
        out.append(
            f"Your psychosocial support comes mostly from weak ties ({int(psy['weak'])} of "
            f"{plural(int(psy['weak'] + psy['strong']), 'person', 'people')}). Emotional aid and companionship tend to "
            "come from close, strong ties (Wellman & Wortley 1990): is there someone close you could also turn to?"
        )
    if (ins_row["weak"] + ins_row["strong"]) and (psy["weak"] + psy["strong"]) and ins_row["weak"] >= ins_row["strong"] \
            and psy["strong"] >= psy["weak"]:
        out.append("Your instrumental support comes mainly from weak ties and your psychosocial support from strong "
                   "ties: the pattern the weak-tie argument expects. This describes your network; whether it holds "
                   "in general is a question for many people's data (notebook 07).")
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
    instrument: Instrument = SELF_CHECK

    def chart_table(self) -> pd.DataFrame:
        """The answers as ``person``, ``kind``, ``item`` rows (empty person: a gap), the table
        :func:`netkit.viz.support_coverage_figure` draws. Unanswered items are left out."""
        rows = []
        names = dict(zip(self.table["item"], self.table["provider_ids"]))
        labels = _names(self._people) if self._people is not None else {}
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        for item in self.instrument.items:
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


def assess_support(net: "EgoNetwork", *, ties: Mapping[str, str] | None = None,
                   instrument: "str | Instrument | None" = None) -> SupportAssessment:
    """Score one ego network's support answers (``net.extra['support']``, e.g. a workspace).

    Parameters
    ----------
    net : EgoNetwork
    ties : dict, optional
        Alter id → ``"weak"`` / ``"strong"``; by default from each alter's tie strength
        (:func:`netkit.tie_strength`, weak below 0.5).
    instrument : str or Instrument, optional
        What to score: by default the self-check when the answers use it (or there are none
        yet), else the instrument the data declare (``extra['instrument']``) or name. Rows of
        other instruments are never dropped silently: the feedback names them and says how to
        score them.
    """
    from .model import EgoNetwork

    if not isinstance(net, EgoNetwork):
        raise NetkitError("assess_support needs one ego network (e.g. workspace.network()); pick one ego first.")
    ins = instrument if isinstance(instrument, Instrument) else one_instrument(net.extra, instrument)
    support = net.extra.get("support")
    answers = support_answers(support, instrument=ins)
    people = net.alters
    if ties is None and len(people):
        ties = _tie_kinds(net)
    feedback = support_feedback(answers, people, ties, instrument=ins)
    unscored = unscored_sentence(support, ins)
    if unscored:
        feedback.append(unscored)
    return SupportAssessment(
        answers=answers, table=answer_table(answers, people, instrument=ins),
        coverage=support_coverage(answers, instrument=ins), load=support_load(answers, people, instrument=ins),
        tie_check=tie_kind_check(answers, ties, instrument=ins) if ties else None,
        feedback=feedback, kram=kram_table(support, people), _people=people, instrument=ins,
    )


def _tie_kinds(net) -> dict[str, str]:
    """Alter id -> "weak" or "strong", for the people whose tie strength is known (default weights, 0.5)."""
    from .model import scales_of
    from .ties import tie_class, tie_strength

    kinds = tie_class(tie_strength(net.alters, scales=scales_of(net))["strength"].to_numpy(dtype=float), 0.5)
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
