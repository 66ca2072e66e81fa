"""The action plan, and the personal report: one standalone, offline, printable HTML file.

The plan gathers what the other parts found into steps a participant can take: introductions
to make (:func:`netkit.introductions.suggest_introductions`), people to reconnect with and
offers to follow through (:func:`netkit.ledger.ledger_flags`), deposits to make where you have
received more than you gave (:func:`netkit.ledger.favor_balance`), and support gaps to fill
(:mod:`netkit.support`). Beside these suggestions the participant keeps steps of their own
(``plan.csv`` in the workspace: text, due date, done; see :func:`own_steps`). The report holds
the plan, the participant's own steps, the drawing and the figures in one file with every piece
of user text escaped and nothing fetched from anywhere.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .errors import NetkitError
from .model import EgoNetwork

__all__ = ["action_plan", "plan_steps", "own_steps", "own_steps_sentence", "personal_report", "write_report",
           "STEPS", "REPORT_DPI"]

STEPS = {
    "introduce": "Introductions to make",
    "reconnect": "People to reconnect with",
    "follow through": "Offers to follow through",
    "deposit": "Deposits to make",
    "fill a gap": "Support gaps to fill",
}
PLAN_COLUMNS = ["step", "who", "what", "why", "alter_ids"]
#: Resolution of the report's pictures: sharp on paper, small in the file.
REPORT_DPI = 110


def _today(today) -> dt.date:
    if today is None:
        return dt.date.today()
    try:
        return pd.Timestamp(today).date()
    except (TypeError, ValueError):
        raise NetkitError(f"today: {today!r} is not a date; pass a datetime.date or 'YYYY-MM-DD'.") from None


def _check(net) -> EgoNetwork:
    if not isinstance(net, EgoNetwork):
        raise NetkitError(
            "the action plan is for one ego network (e.g. Workspace(...).network() or nk.read(folder)); "
            f"got {type(net).__name__}."
        )
    return net


def action_plan(
    net: EgoNetwork,
    *,
    today: dt.date | str | None = None,
    introductions: int = 3,
    offer_days: int = 14,
    dormant_months: int = 6,
) -> pd.DataFrame:
    """Steps to take, from one ego network with its support answers and ledger.

    Parameters
    ----------
    net : EgoNetwork
        With ``extra['support']`` and ``extra['ledger']`` when answered (a workspace's
        :meth:`~netkit.store.Workspace.network`, or ``nk.read`` of netkit's folder).
    today : date or 'YYYY-MM-DD', optional
        The day flags are judged against; default the real date.
    introductions : int, default 3
        How many introductions to suggest; each person appears in at most one of them, so the
        goodwill is spread (``suggest_introductions(..., per_person=1)``).
    offer_days, dormant_months : int
        As in :func:`netkit.ledger.ledger_flags`.

    Returns
    -------
    DataFrame
        One row per step, grouped in the order of :data:`STEPS`: ``step``, ``who`` (names),
        ``what`` (the action, one sentence), ``why`` (the reason) and ``alter_ids``.
    """
    from .introductions import suggest_introductions
    from .ledger import favor_balance, ledger_flags, one_sided_sentence
    from .instruments import one_instrument
    from .support import support_answers, support_load

    net = _check(net)
    day = _today(today)
    people = net.alters
    names = dict(zip(people["alter_id"], people["name"].astype(object).where(people["name"].notna(), people["alter_id"]))) \
        if "name" in people.columns else {a: a for a in people["alter_id"]}
    rows = []
    if len(people) >= 2 and introductions > 0:
        for r in suggest_introductions(net, k=introductions, per_person=1).to_dict("records"):
            rows.append({"step": "introduce", "who": f"{r['name_a']} and {r['name_b']}",
                         "what": f"Introduce {r['name_a']} and {r['name_b']}.", "why": r["reason"],
                         "alter_ids": [r["alter_id_a"], r["alter_id_b"]]})
    ledger = net.extra.get("ledger")
    flags = ledger_flags(ledger, people, today=day, offer_days=offer_days, dormant_months=dormant_months)
    for r in flags[flags["flag"] == "dormant"].to_dict("records"):
        rows.append({"step": "reconnect", "who": r["name"], "what": f"Get back in touch with {r['name']}.",
                     "why": r["detail"], "alter_ids": [r["alter_id"]]})
    for r in flags[flags["flag"] == "offer not followed through"].to_dict("records"):
        rows.append({"step": "follow through", "who": r["name"], "what": f"Do what you offered {r['name']}, or tell them "
                     "honestly that you cannot.", "why": r["detail"], "alter_ids": [r["alter_id"]]})
    balance = favor_balance(ledger, people)
    for r in balance[balance["category"] == "over-benefited"].to_dict("records"):
        owed = one_sided_sentence(r["name"], given=0, received=r["received"])
        rows.append({"step": "deposit", "who": r["name"], "what": f"Do something for {r['name']}.",
                     "why": f"{owed} A deposit keeps the account healthy.", "alter_ids": [r["alter_id"]]})
    ins = one_instrument(net.extra)
    answers = support_answers(net.extra.get("support"), instrument=ins)
    for item in ins.items:
        if answers[item.key] == []:
            rows.append({"step": "fill a gap", "who": "", "what": f"Find {item.short}.",
                         "why": f"You have no one yet for: {item.question}", "alter_ids": []})
    for r in support_load(answers, people, instrument=ins).to_dict("records"):
        if r["sole"] >= 2:
            shorts = [i.short for i in ins.items if i.key in r["items_covered"] and len(answers[i.key]) == 1]
            rows.append({"step": "fill a gap", "who": names.get(r["alter_id"], r["alter_id"]),
                         "what": f"Find a second person for {shorts[0]}.",
                         "why": f"{r['name']} is the only one you named for {len(shorts)} kinds of support.",
                         "alter_ids": [r["alter_id"]]})
    order = {s: i for i, s in enumerate(STEPS)}
    out = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    return out.sort_values("step", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------ the report


def personal_report(
    net: EgoNetwork,
    *,
    today: dt.date | str | None = None,
    title: str = "My network: an action plan",
    layout: str = "rings",
    introductions: int = 3,
    own: pd.DataFrame | None = None,
) -> str:
    """The personal report as one standalone HTML page: plan, drawing, figures and tables.

    The page is the template ``report.html.j2`` with netkit's shared partials (head, table,
    figure). The drawing (``nk.draw(net, layout=layout).html()``) is embedded in a sandboxed
    iframe (``srcdoc``; scripts run, but it has no access to the page, cookies or network beyond
    what the drawing itself contains) and the figures as inline PNG images, so the file opens
    and prints with no internet. Every name, note and answer is HTML-escaped.

    Parameters
    ----------
    net : EgoNetwork
        As for :func:`action_plan`.
    today : date or 'YYYY-MM-DD', optional
        The day the plan is judged against and the page is dated; default the real date.
    title : str
        The page's title and heading.
    layout : str, default "rings"
        The drawing's layout (see :func:`netkit.draw`).
    introductions : int, default 3
        As for :func:`action_plan`.
    own : DataFrame, optional
        The participant's own steps (``Workspace.plan_items()``: ``item_id``, ``text``, ``due``,
        ``done``, ``created``); default ``net.extra['plan']`` when the network has it. Listed
        with their due dates and whether they are done.

    Returns
    -------
    str
        The HTML page.
    """
    from .html import content_security_policy, frame_table, render
    from .ledger import favor_balance, reciprocity, reciprocity_sentence
    from .support import assess_support
    from .viz import draw, reciprocity_figure
    from .viz.figures import figure_png
    from .words import plural

    net = _check(net)
    day = _today(today)
    plan = action_plan(net, today=day, introductions=introductions)
    support = assess_support(net)
    ledger = net.extra.get("ledger")
    balance = favor_balance(ledger, net.alters)
    favors = reciprocity_sentence(reciprocity(ledger))
    who = net.ego.get("name")
    mine = own_steps(own if own is not None else net.extra.get("plan"), today=day)
    return render(
        "report.html.j2",
        title=title,
        # the drawing's frame inherits this policy: its own inline scripts may run, nothing loads
        csp=content_security_policy(frames=True),
        who=who if isinstance(who, str) else "",
        counts=f"{plural(len(net.alters), 'person', 'people')}, {plural(_distinct_ties(net), 'tie')} among them",
        day=f"{day:%Y-%m-%d}",
        steps=plan_steps(plan),
        own_steps=mine,
        own_sentence=own_steps_sentence(mine),
        drawing=draw(net, layout=layout).html(),
        support_feedback=support.feedback,
        support_table=frame_table(support.display_table()),
        support_png=support.chart_png(dpi=REPORT_DPI),
        favors_sentence=favors,
        balance_png=figure_png(reciprocity_figure(balance), dpi=REPORT_DPI) if favors else None,
        balance_table=frame_table(balance[["name", "given", "received", "balance", "category"]]),
    )


def plan_steps(plan: pd.DataFrame) -> list[dict]:
    """The plan grouped for showing: one ``{"step", "label", "actions"}`` per step that has any.

    The report and the plan form show the plan this way (the ``partials/plan.html.j2`` partial).

    Parameters
    ----------
    plan : DataFrame
        From :func:`action_plan`.

    Returns
    -------
    list of dict
        In the order of :data:`STEPS`; ``label`` is the step's heading and ``actions`` its
        rows (``what``, ``why``, …) as dicts, in order.

    Examples
    --------
    >>> plan = pd.DataFrame({"step": ["deposit"], "who": ["Ana"], "what": ["Do something for Ana."],
    ...                      "why": ["..."], "alter_ids": [["a"]]})
    >>> [(s["label"], len(s["actions"])) for s in plan_steps(plan)]
    [('Deposits to make', 1)]
    """
    out = []
    for step, label in STEPS.items():
        rows = plan[plan["step"] == step]
        if len(rows):
            out.append({"step": step, "label": label, "actions": rows.to_dict("records")})
    return out


def own_steps(items: pd.DataFrame | None, *, today: dt.date | str | None = None) -> list[dict]:
    """The participant's own steps, ready to show: open ones first (soonest due first), then done.

    Parameters
    ----------
    items : DataFrame or None
        ``plan.csv`` as :meth:`netkit.store.Workspace.plan_items` reads it (text cells;
        ``done`` is ``1`` or ``0``, ``due`` YYYY-MM-DD or blank).
    today : date or 'YYYY-MM-DD', optional
        What "overdue" is judged against; default the real date.

    Returns
    -------
    list of dict
        ``item_id``, ``text``, ``done`` (bool), ``due`` (a date or ``None``) and ``when`` (the
        due date in words: "due 15 July 2026", "overdue since 1 June 2026", "" without a date).

    Examples
    --------
    >>> items = pd.DataFrame({"item_id": ["s1", "s2", "s3"], "text": ["Call Mum", "Write to Lee", "Ask Ana"],
    ...                       "due": ["", "2026-07-15", "2026-06-01"], "done": ["1", "0", "0"]})
    >>> [(s["text"], s["done"], s["when"]) for s in own_steps(items, today="2026-06-30")]
    [('Ask Ana', False, 'overdue since 1 June 2026'), ('Write to Lee', False, 'due 15 July 2026'), ('Call Mum', True, '')]
    """
    from .words import date_words

    if items is None or len(items) == 0:
        return []
    day = _today(today)
    out = []
    for row in items.to_dict("records"):
        text = "" if pd.isna(row.get("text")) else str(row.get("text", "")).strip()
        if not text:
            continue
        done = str(row.get("done", "")).strip().lower() in ("1", "1.0", "yes", "true")
        try:
            due = pd.Timestamp(row.get("due")).date() if str(row.get("due", "")).strip() not in ("", "nan", "NaT") \
                else None
        except (TypeError, ValueError):
            due = None
        if due is None:
            when = ""
        elif not done and due < day:
            when = f"overdue since {date_words(due)}"
        else:
            when = f"due {date_words(due)}"
        out.append({"item_id": str(row.get("item_id", "")), "text": text, "done": done, "due": due, "when": when})
    far = dt.date.max
    return sorted(out, key=lambda s: (s["done"], s["due"] or far))


def own_steps_sentence(steps: list[dict]) -> str:
    """How far the participant's own steps are, in one sentence: "3 steps of your own, 1 done."

    >>> own_steps_sentence([{"done": True}, {"done": False}])
    '2 steps of your own, 1 done.'
    >>> own_steps_sentence([])
    ''
    """
    from .words import plural

    if not steps:
        return ""
    done = sum(1 for s in steps if s["done"])
    left = {0: "none done yet", len(steps): "all done"}.get(done, f"{done} done")
    if len(steps) == 1:
        left = "done" if done else "not done yet"
    return f"{plural(len(steps), 'step')} of your own, {left}."


def write_report(net: EgoNetwork, path: str | Path, **options) -> Path:
    """Write :func:`personal_report` to ``path`` (atomically) and return the path.

    Parameters
    ----------
    net : EgoNetwork
        As for :func:`personal_report`.
    path : str or Path
        The file to write; its name ends in ``.html`` (or ``.htm``).
    **options
        :func:`personal_report`'s keyword options (``today``, ``title``, ``layout``,
        ``introductions``, ``own``).

    Returns
    -------
    Path
        Where the report was written.

    Raises
    ------
    NetkitError
        When the name does not end in ``.html``.
    """
    from .io.atomic import atomic_write_text

    path = Path(path).expanduser()
    if path.suffix.lower() not in (".html", ".htm"):
        raise NetkitError(f"{path}: the report is an HTML page; give the file a name ending in .html.")
    atomic_write_text(path, personal_report(net, **options))
    return path


def _distinct_ties(net: EgoNetwork) -> int:
    """Ties among the people, each pair once and none from a person to themselves (as the measures count)."""
    from .model import pair_key

    ties = net.ties[net.ties["source"] != net.ties["target"]]
    return int(len(pair_key(ties.assign(ego_id=net.ego_id), net.directed).drop_duplicates()))
