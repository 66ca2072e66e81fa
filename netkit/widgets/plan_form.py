"""The action plan form: steps of your own (with a date, ticked off when done), the suggested
steps, and the personal report written next to the workspace."""
from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ..words import date_words
from ._base import Form, escape, guarded, heading, labelled, on_enter, paragraph, readable

__all__ = ["PlanForm", "OwnStep", "REPORT_NAME"]

REPORT_NAME = "my-action-plan.html"


class OwnStep(W.HBox):
    """One of the participant's own steps: ``done`` (a checkbox), ``text`` (saved on Enter or
    when the box is left), ``due`` (a date picker; empty means no date) and ``remove_button``."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id
        self.done = W.Checkbox(description="done", indent=False, layout=W.Layout(width="auto", min_width="5em"))
        self.done.add_class("netkit-plan-done")
        self.text = W.Text(continuous_update=False, layout=W.Layout(flex="1 1 16em", min_width="12em"))
        self.text.add_class("netkit-plan-text")
        self.due = W.DatePicker(description="by", style={"description_width": "initial"},
                                layout=W.Layout(width="auto"))
        self.due.add_class("netkit-plan-due")
        self.remove_button = W.Button(description="Remove", icon="trash", layout=W.Layout(width="auto"))
        self.remove_button.add_class("netkit-plan-remove")
        super().__init__([self.done, self.text, self.due, self.remove_button],
                         layout=W.Layout(flex_flow="row wrap", align_items="center", width="100%", max_width="52em"))
        self.add_class("netkit-plan-item")


class PlanForm(Form):
    """Steps of your own and the suggested plan.

    Your own steps: type one in ``new_text`` (optionally a date in ``new_due``), then click
    ``add_button`` or press Enter. Each step is a row in ``items`` (``OwnStep`` by item id):
    tick ``done``, change ``text`` or ``due``, or ``remove_button`` — each saved at once to
    ``plan.csv``. ``make_button`` scores everything, shows the suggested plan in ``plan`` and
    writes the report (one offline, printable HTML file, your own steps included) to
    ``report_path``, inside the workspace folder.
    """

    def __init__(self, workspace=None, *, today: dt.date | None = None) -> None:
        super().__init__(workspace)
        self.today = today
        self.report_path = self.workspace.path / REPORT_NAME
        self.new_text = W.Text(placeholder="e.g. Ask Ana to introduce me to her team lead",
                               layout=W.Layout(width="100%", max_width="34em"))
        self.new_text.add_class("netkit-plan-new-text")
        self.new_due = W.DatePicker(layout=W.Layout(width="auto"))
        self.new_due.add_class("netkit-plan-new-due")
        self.add_button = W.Button(description="Add step", button_style="primary", icon="plus",
                                   layout=W.Layout(width="auto"))
        self.add_button.add_class("netkit-plan-add")
        self.add_button.on_click(lambda _: self.add())
        on_enter(self.new_text, self.add)
        self.items: dict[str, OwnStep] = {}
        self.item_list = W.VBox(layout=W.Layout(width="100%"))
        self.item_list.add_class("netkit-plan-items")
        self.progress = W.HTML()
        self.make_button = W.Button(description="Make my action plan", button_style="success", icon="list",
                                    layout=W.Layout(width="auto"))
        self.make_button.add_class("netkit-plan-make")
        self.make_button.on_click(lambda _: self.make())
        self.plan = W.HTML(layout=W.Layout(width="100%", max_width="52em"))
        self.plan.add_class("netkit-plan")
        self.children = [
            heading("Your action plan"),
            heading("Steps of your own", level=4),
            paragraph("What will you do, and by when? Each step is saved as soon as you add it; tick it when it "
                      "is done."),
            labelled("Add a step of your own", self.new_text),
            labelled("Do it by (optional)", self.new_due),
            self.add_button, self.message, self.progress, self.item_list,
            heading("Suggested steps", level=4),
            paragraph("Introductions to make, people to reconnect with, deposits to make and support gaps to fill — "
                      "from everything you entered. The report is one page you can open in any browser and print; "
                      "it lists your own steps too."),
            self.make_button, self.plan, self.refresh_button,
        ]
        self.reload()

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    # your own steps ----------------------------------------------------

    def refresh(self) -> None:
        """Show the own steps as they are on disk (the suggested plan is made on request)."""
        from ..plan import own_steps, own_steps_sentence

        steps = own_steps(self.workspace.plan_items(), today=self._today())
        rows = []
        with self.quietly():
            for step in steps:
                row = self.items.get(step["item_id"])
                if row is None:
                    row = self.items[step["item_id"]] = self._row(step["item_id"])
                row.done.value = step["done"]
                row.text.value = step["text"]
                row.due.value = step["due"]
                rows.append(row)
        for item_id in set(self.items) - {s["item_id"] for s in steps}:  # removed ones
            self.items.pop(item_id).close()
        self.item_list.children = rows
        self.progress.value = (f"<p style='margin:0.4em 0 0.2em'>{escape(own_steps_sentence(steps))}</p>" if steps
                               else "<p style='margin:0.4em 0 0.2em;color:#666'>No steps of your own yet.</p>")

    def _row(self, item_id: str) -> OwnStep:
        row = OwnStep(item_id)
        row.done.observe(lambda change: self._edited(item_id, "done", change), "value")
        row.text.observe(lambda change: self._edited(item_id, "text", change), "value")
        row.due.observe(lambda change: self._edited(item_id, "due", change), "value")
        row.remove_button.on_click(lambda _: self.remove(item_id))
        return row

    @guarded
    def add(self) -> None:
        from ..store import clean_text

        text = clean_text(self.new_text.value)
        if not text:
            self.say("Type a step in the box first (what you will do), then press Enter or Add step.", "warn")
            return
        due = self.new_due.value
        when = f", to do by {date_words(due)}" if due else ""
        if self.save(lambda: self.workspace.add_plan_item(text, due=due, created=self._today()),
                     ok=f"Saved: {text}{when}."):
            with self.quietly():
                self.new_text.value = ""
                self.new_due.value = None
        self.refresh()

    @guarded
    def _edited(self, item_id: str, field: str, change) -> None:
        if self.loading:
            return
        value = change["new"]
        text = self.items[item_id].text.value if item_id in self.items else ""
        if field == "done":
            ok = f"Done: {text} — well done." if value else f"Open again: {text}."
        elif field == "due":
            ok = f"Saved: {text}, to do by {date_words(value)}." if value else f"Saved: {text}, with no date."
        else:
            ok = f"Saved: {text}."
        saved = self.save(lambda: self.workspace.update_plan_item(item_id, **{field: value}), ok=ok)
        if saved or field != "text":  # a change that was not saved shows what is on disk; typed text stays
            message = self.message.value
            self.refresh()
            self.message.value = message

    @guarded
    def remove(self, item_id: str) -> None:
        text = self.items[item_id].text.value if item_id in self.items else item_id
        self.save(lambda: self.workspace.remove_plan_item(item_id), ok=f"Removed: {text}.")
        message = self.message.value
        self.refresh()
        self.message.value = message

    # the suggested plan and the report ----------------------------------

    @guarded
    def make(self) -> None:
        from ..html import render_macro
        from ..plan import action_plan, plan_steps, write_report

        if not self.workspace.exists:
            self.say("Add the people you know first; then the plan has something to work with.", "warn")
            return
        today = self._today()
        net = self.workspace.network()
        plan = action_plan(net, today=today)
        self.plan.value = readable(render_macro("partials/plan.html.j2", "action_steps", plan_steps(plan), level=4))
        write_report(net, self.report_path, today=today, own=self.workspace.plan_items())
        self.say(f"Your report is saved as {self.report_path}. Open it in a browser to read or print it.", "ok")
