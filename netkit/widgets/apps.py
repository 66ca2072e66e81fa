"""Forms put together: the whole lab in tabs, and the support self-assessment app (Voilà).

Forms on one workspace refresh each other after every change, so a person added in one tab
shows up in the others at once.
"""
from __future__ import annotations

import ipywidgets as W

from ._base import Form, as_workspace, escape
from .board import RingsBoard
from .census import TieCensus
from .interpreter import NameInterpreter
from .ledger_form import LedgerForm
from .people import NameGenerator, PeopleEditor
from .plan_form import PlanForm
from .support_forms import KramForm, SupportFeedback, SupportForm

__all__ = ["NetworkLab", "SelfAssessment", "link_forms"]

SUPPORT_PROMPTS = ["important_matters"] + [f"support:{k}" for k in (
    "career_sounding_board", "cross_boundary_influence", "industry_peers",
    "outside_confidant", "similar_family_situation", "known_through_phases")]


def link_forms(*forms: Form) -> None:
    """After any form saves, the other forms re-read the workspace."""
    for form in forms:
        for other in forms:
            if other is not form:
                form.on_change(other.refresh)


class NetworkLab(W.Tab):
    """Every form in tabs on one workspace: people, about each person, who knows whom, support,
    feedback, favors, the action plan. ``forms`` lists them in tab order."""

    def __init__(self, workspace=None, *, today=None) -> None:
        self.workspace = as_workspace(workspace)
        self.names = NameGenerator(self.workspace)
        self.editor = PeopleEditor(self.workspace)
        self.interpreter = NameInterpreter(self.workspace)
        self.census = TieCensus(self.workspace)
        self.support = SupportForm(self.workspace)
        self.kram = KramForm(self.workspace)
        self.feedback = SupportFeedback(self.workspace)
        self.ledger = LedgerForm(self.workspace, today=today)
        self.plan = PlanForm(self.workspace, today=today)
        self.forms = [self.names, self.editor, self.interpreter, self.census, self.support, self.kram,
                      self.feedback, self.ledger, self.plan]
        link_forms(*[f for f in self.forms if f not in (self.feedback, self.plan)])
        super().__init__(children=[
            W.VBox([self.names, self.editor]), self.interpreter, self.census,
            W.VBox([self.support, self.kram]), self.feedback, self.ledger, self.plan,
        ])
        for i, title in enumerate(["1 People", "2 About each", "3 Who knows whom", "4 Support", "5 Your support",
                                   "6 Favors", "7 Action plan"]):
            self.set_title(i, title)
        self.add_class("netkit-lab")
        self.observe(self._tab_changed, "selected_index")

    def _tab_changed(self, change) -> None:
        if change["new"] == 4:  # the feedback is computed when it is looked at
            self.feedback._update()


class SelfAssessment(W.VBox):
    """The support self-assessment on its own (the Voilà app): name people, place them on the
    rings board, answer the six questions, see the feedback."""

    def __init__(self, workspace=None) -> None:
        self.workspace = as_workspace(workspace)
        self.names = NameGenerator(self.workspace, prompts=SUPPORT_PROMPTS)
        self.board = RingsBoard(self.workspace)
        self.support = SupportForm(self.workspace)
        self.feedback = SupportFeedback(self.workspace)
        link_forms(self.names, self.board, self.support)
        intro = W.HTML(
            "<p>Four steps: name the people who come to mind, place them on rings of closeness and draw who knows "
            "whom, say who gives you each kind of support, and read what your answers show. Everything is saved "
            f"on this computer as you go (workspace <code>{escape(self.workspace.path)}</code>); close the page "
            "any time and come back.</p>"
        )
        super().__init__(children=[intro, self.names, self.board, self.support, self.feedback])
        self.add_class("netkit-self-assessment")
