"""The favors ledger form: log favors given and received, mark offers done, see the balance."""
from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ._base import Form, escape, guarded, heading, labelled, paragraph, readable

__all__ = ["LedgerForm"]


class LedgerForm(Form):
    """Log a favor: ``person``, ``date``, ``kind``, ``direction``, ``status``, ``note``, then
    ``add_button``. Pick an entry in ``entries`` to ``mark_done_button`` or ``remove_button``.
    ``today`` (default: the real date) is what flags are judged against."""

    def __init__(self, workspace=None, *, today: dt.date | None = None) -> None:
        super().__init__(workspace)
        self.today = today
        self.person = W.Dropdown(options=[], layout=W.Layout(width="100%", max_width="26em"))
        self.person.add_class("netkit-ledger-person")
        self.date = W.DatePicker(value=self._today(), layout=W.Layout(width="auto"))
        self.kind = W.ToggleButtons(options=[("Instrumental", "instrumental"), ("Psychosocial", "psychosocial")],
                                    value="instrumental", tooltips=["advice, access, practical help",
                                                                    "listening, encouragement, perspective"],
                                    style={"button_width": "auto"})
        self.direction = W.ToggleButtons(options=[("I gave", "given"), ("I received", "received")], value="given",
                                         style={"button_width": "auto"})
        self.status = W.ToggleButtons(options=[("Offered", "offered"), ("Done", "done")], value="done",
                                      style={"button_width": "auto"})
        self.note = W.Text(placeholder="What was it? (optional)", layout=W.Layout(width="100%", max_width="26em"))
        self.note.add_class("netkit-ledger-note")
        self.add_button = W.Button(description="Add to ledger", button_style="primary", icon="plus")
        self.add_button.add_class("netkit-ledger-add")
        self.entries = W.Select(options=[], rows=8, layout=W.Layout(width="100%", max_width="48em"))
        self.entries.add_class("netkit-ledger-entries")
        self.mark_done_button = W.Button(description="Mark done", icon="check")
        self.remove_button = W.Button(description="Remove entry", icon="trash")
        self.summary = W.HTML(layout=W.Layout(width="100%"))
        self.summary.add_class("netkit-ledger-summary")
        self.add_button.on_click(lambda _: self.add())
        self.mark_done_button.on_click(lambda _: self.mark_done())
        self.remove_button.on_click(lambda _: self.remove())
        self.children = [
            heading("Favors ledger"),
            paragraph("Deposits before withdrawals: note the favors you give and receive, and the ones you offered. "
                      "Only you see this."),
            labelled("Who was the favor with?", self.person),
            labelled("When?", self.date),
            labelled("What kind of help? (instrumental: advice, access, practical help; psychosocial: listening, "
                     "encouragement, perspective)", self.kind),
            labelled("Who helped whom?", self.direction),
            labelled("Is it done, or only offered so far?", self.status),
            labelled("What was it? (optional)", self.note), self.add_button,
            self.message, heading("Entries", level=4), self.entries,
            W.HBox([self.mark_done_button, self.remove_button]), self.summary, self.refresh_button,
        ]
        self.reload()

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def refresh(self) -> None:
        from ..html import render_table
        from ..ledger import favor_balance, ledger_flags, reciprocity, reciprocity_sentence

        people = self.workspace.people()
        ledger = self.workspace.ledger()
        names = dict(zip(people["alter_id"], people["name"]))
        with self.quietly():
            current = self.person.value
            options = [(n or a, a) for a, n in names.items()]
            self.person.options = options
            self.person.value = current if current in names else (options[0][1] if options else None)
            chosen = self.entries.value
            rows = ledger.sort_values("date", ascending=False, kind="stable").to_dict("records")
            self.entries.options = [(_entry_label(r, names), r["entry_id"]) for r in rows]
            self.entries.value = chosen if chosen in {r["entry_id"] for r in rows} else None
        if ledger.empty:
            self.summary.value = "<p style='color:#666'>No favors logged yet.</p>"
            return
        balance = favor_balance(ledger, people)
        flags = ledger_flags(ledger, people, today=self._today())
        lines = [s for s in [reciprocity_sentence(reciprocity(ledger)), *flags["detail"]] if s]
        table = render_table(balance[["name", "given", "received", "balance", "category"]],
                             signed=True) if len(balance) else ""
        self.summary.value = readable("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in lines) + "</ul>" + table)

    @guarded
    def add(self) -> None:
        aid = self.person.value
        if aid is None:
            self.say("Add people first (name generator), then pick who the favor was with.", "warn")
            return
        if self.date.value is None:
            self.say("Pick the date of the favor (or today's).", "warn")
            return
        name = dict((a, n) for n, a in self.person.options).get(aid, aid)
        when = self.date.value
        if self.save(lambda: self.workspace.add_favor(aid, kind=self.kind.value, direction=self.direction.value,
                                                      status=self.status.value, date=when, note=self.note.value),
                     ok=f"Saved a favor {'you did for' if self.direction.value == 'given' else 'from'} {name}."):
            self.note.value = ""
        self.refresh()

    @guarded
    def mark_done(self) -> None:
        entry = self.entries.value
        if entry is None:
            self.say("Pick an entry in the list first.", "warn")
            return
        self.save(lambda: self.workspace.update_favor(entry, status="done"), ok="Marked done — well kept.")
        self.refresh()

    @guarded
    def remove(self) -> None:
        entry = self.entries.value
        if entry is None:
            self.say("Pick an entry in the list first.", "warn")
            return
        self.save(lambda: self.workspace.remove_favor(entry), ok="Entry removed.")
        self.refresh()


def _entry_label(row: dict, names: dict) -> str:
    arrow = "gave to" if row.get("direction") == "given" else "received from"
    note = f" — {row['note']}" if row.get("note") else ""
    return f"{row.get('date', '')} · {arrow} {names.get(row.get('alter_id'), row.get('alter_id'))} · " \
           f"{row.get('kind', '')} · {row.get('status', '')}{note}".replace("\n", " ")
