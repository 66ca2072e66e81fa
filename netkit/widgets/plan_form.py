"""The action plan form: gather the steps, and write the personal report next to the workspace."""
from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ._base import Form, guarded, heading, paragraph

__all__ = ["PlanForm", "REPORT_NAME"]

REPORT_NAME = "my-action-plan.html"


class PlanForm(Form):
    """``make_button`` scores everything, shows the plan in ``plan`` and writes the report
    (one offline, printable HTML file) to ``report_path``, inside the workspace folder."""

    def __init__(self, workspace=None, *, today: dt.date | None = None) -> None:
        super().__init__(workspace)
        self.today = today
        self.report_path = self.workspace.path / REPORT_NAME
        self.make_button = W.Button(description="Make my action plan", button_style="success", icon="list",
                                    layout=W.Layout(width="auto"))
        self.make_button.add_class("netkit-plan-make")
        self.make_button.on_click(lambda _: self.make())
        self.plan = W.HTML()
        self.plan.add_class("netkit-plan")
        self.children = [
            heading("Your action plan"),
            paragraph("Introductions to make, people to reconnect with, deposits to make and support gaps to fill — "
                      "from everything you entered. The report is one page you can open in any browser and print."),
            self.make_button, self.message, self.plan,
        ]

    def refresh(self) -> None:
        """Nothing to re-read until asked: the plan is made on request."""

    @guarded
    def make(self) -> None:
        from ..html import render_macro
        from ..plan import action_plan, plan_steps, write_report

        if not self.workspace.exists:
            self.say("Add the people you know first; then the plan has something to work with.", "warn")
            return
        today = self.today or dt.date.today()
        net = self.workspace.network()
        plan = action_plan(net, today=today)
        self.plan.value = render_macro("partials/plan.html.j2", "action_steps", plan_steps(plan), level=4)
        write_report(net, self.report_path, today=today)
        self.say(f"Your report is saved as {self.report_path}. Open it in a browser to read or print it.", "ok")
