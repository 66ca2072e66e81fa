"""The action plan, and the personal report: one standalone, offline, printable HTML file.

The plan gathers what the other parts found into steps a participant can take: introductions
to make (:func:`netkit.introductions.suggest_introductions`), people to reconnect with and
offers to follow through (:func:`netkit.ledger.ledger_flags`), deposits to make where you have
received more than you gave (:func:`netkit.ledger.favor_balance`), and support gaps to fill
(:mod:`netkit.support`). The report holds the plan, the drawing and the figures in one file
with every piece of user text escaped and nothing fetched from anywhere.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
from pathlib import Path

import pandas as pd

from .errors import NetkitError
from .model import EgoNetwork

__all__ = ["action_plan", "personal_report", "write_report", "STEPS"]

STEPS = {
    "introduce": "Introductions to make",
    "reconnect": "People to reconnect with",
    "follow through": "Offers to follow through",
    "deposit": "Deposits to make",
    "fill a gap": "Support gaps to fill",
}
PLAN_COLUMNS = ["step", "who", "what", "why", "alter_ids"]


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
    from .ledger import favor_balance, ledger_flags
    from .support import SUPPORT_ITEMS, support_answers, support_load

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
                         "alter_ids": [r["alter_a"], r["alter_b"]]})
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
        rows.append({"step": "deposit", "who": r["name"], "what": f"Do something for {r['name']}.",
                     "why": f"{r['name']} did you {r['received']} favor{'s' if r['received'] != 1 else ''} and "
                            "you have not returned one yet: a deposit keeps the account healthy.",
                     "alter_ids": [r["alter_id"]]})
    answers = support_answers(net.extra.get("support"))
    for item in SUPPORT_ITEMS:
        if answers[item.key] == []:
            rows.append({"step": "fill a gap", "who": "", "what": f"Find {item.short}.",
                         "why": f"You have no one yet for: {item.question}", "alter_ids": []})
    for r in support_load(answers, people).to_dict("records"):
        if r["sole"] >= 2:
            shorts = [i.short for i in SUPPORT_ITEMS if i.key in r["items_covered"] and len(answers[i.key]) == 1]
            rows.append({"step": "fill a gap", "who": names.get(r["alter_id"], r["alter_id"]),
                         "what": f"Find a second person for {shorts[0]}.",
                         "why": f"{r['name']} is the only one you named for {len(shorts)} kinds of support.",
                         "alter_ids": [r["alter_id"]]})
    order = {s: i for i, s in enumerate(STEPS)}
    out = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    return out.sort_values("step", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------ the report

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.1em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
.meta { color: #555; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.step h3 { font-size: 1.05em; margin: 0.9em 0 0.2em; }
.step li { margin-bottom: 0.35em; } .why { color: #555; font-size: 0.93em; }
iframe.drawing { width: 100%; height: 34em; border: 1px solid #ccc; }
figure { margin: 0.8em 0; } figure img { max-width: 100%; } figcaption { color: #555; font-size: 0.9em; }
.private { border: 1px solid #d9b500; background: #fff8d6; padding: 0.5em 0.8em; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  figure, table, .step li, iframe { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  iframe.drawing { height: 150mm; }
  .no-print { display: none; }
}
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _figure(fig, caption: str) -> str:
    return (f"<figure><img alt='{_e(caption)}' src='{_png(fig)}'>"
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def _table(df: pd.DataFrame) -> str:
    return df.to_html(index=False, escape=True, border=0, na_rep="", float_format=lambda v: f"{v:.2f}")


def personal_report(
    net: EgoNetwork,
    *,
    today: dt.date | str | None = None,
    title: str = "My network: an action plan",
    layout: str = "rings",
    introductions: int = 3,
) -> str:
    """The personal report as one standalone HTML page: plan, drawing, figures and tables.

    The drawing (``nk.draw(net, layout=layout).html()``) is embedded in a sandboxed iframe
    (``srcdoc``; scripts run, but it has no access to the page, cookies or network beyond
    what the drawing itself contains) and the figures as inline PNG images, so the file opens
    and prints with no internet. Every name, note and answer is HTML-escaped.
    """
    from .ledger import favor_balance, reciprocity
    from .support import assess_support
    from .viz import draw

    net = _check(net)
    day = _today(today)
    plan = action_plan(net, today=day, introductions=introductions)
    support = assess_support(net)
    ledger = net.extra.get("ledger")
    balance = favor_balance(ledger, net.alters)
    totals = reciprocity(ledger)
    who = net.ego.get("name") if isinstance(net.ego.get("name"), str) and net.ego.get("name") else ""

    parts = [
        "<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        # nothing on this page, or in the drawing's frame (which inherits this policy), may load
        # from anywhere; the drawing's own inline scripts may run
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; img-src data: blob:; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; frame-src about: data:\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='meta'>{_e(who + ' · ' if who else '')}{len(net.alters)} people, {len(net.ties)} ties among them · "
        f"made {day:%Y-%m-%d} with netkit</p>",
        "<p class='private'>This page holds the names of people you know. Keep it private; do not share it "
        "without their consent.</p>",
        "<section><h2>Your action plan</h2>",
    ]
    if plan.empty:
        parts.append("<p>Nothing to suggest yet: answer the support questions and log some favors first.</p>")
    for step, label in STEPS.items():
        rows = plan[plan["step"] == step]
        if rows.empty:
            continue
        items = "".join(f"<li><b>{_e(r['what'])}</b><br><span class='why'>{_e(r['why'])}</span></li>"
                        for r in rows.to_dict("records"))
        parts.append(f"<div class='step'><h3>{_e(label)}</h3><ol>{items}</ol></div>")
    parts.append("</section>")

    drawing = draw(net, layout=layout).html()
    parts += [
        "<section><h2>Your network</h2>",
        "<iframe class='drawing' title='Drawing of your network' sandbox='allow-scripts' "
        f"srcdoc=\"{_e(drawing)}\"></iframe>",
        "<p class='why'>You are in the middle; the closer a ring, the stronger the tie. Lines join people "
        "who know each other.</p></section>",
    ]

    parts += ["<section><h2>Your support</h2><ul>"]
    parts += [f"<li>{_e(s)}</li>" for s in support.feedback]
    parts.append("</ul>")
    if not support.chart_table().empty:
        parts.append(_figure(_support_figure(support), "Who gives you which kind of support"))
    parts += [_table(support.table[["short", "kind", "providers", "status"]].rename(
                  columns={"short": "support", "providers": "who"})), "</section>"]

    parts.append("<section><h2>Give and take</h2>")
    if totals["people"]:
        parts.append(
            f"<p>Favors done: you gave {totals['given']:.0f} and received {totals['received']:.0f} (balance "
            f"{totals['balance']:+.2f}, from −1 only receiving to +1 only giving); {totals['reciprocated']} of "
            f"{totals['people']} people both gave and received (reciprocated share {totals['share']:.2f}).</p>")
        parts.append(_figure(_balance_figure(balance), "Favors given and received, per person"))
        parts.append(_table(balance[["name", "given", "received", "balance", "category"]]))
    else:
        parts.append("<p>No favors logged yet.</p>")
    parts += ["</section>", "</body></html>"]
    return "\n".join(parts)


def _support_figure(assessment):
    from .viz import support_coverage_figure

    return support_coverage_figure(assessment.chart_table())


def _balance_figure(balance: pd.DataFrame):
    from .viz import reciprocity_figure

    return reciprocity_figure(balance)


def write_report(net: EgoNetwork, path: str | Path, **options) -> Path:
    """Write :func:`personal_report` to ``path`` (atomically) and return the path."""
    from .io.atomic import atomic_write_text

    path = Path(path).expanduser()
    if path.suffix.lower() not in (".html", ".htm"):
        raise NetkitError(f"{path}: the report is an HTML page; give the file a name ending in .html.")
    atomic_write_text(path, personal_report(net, **options))
    return path
