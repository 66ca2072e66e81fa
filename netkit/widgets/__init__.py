"""ipywidgets forms for entering a network, the support self-check and the favors ledger.

Every form writes each change at once through :class:`netkit.store.Workspace` (the
participant's folder under ``workspace/``), so nothing is lost on a kernel restart::

    from netkit.widgets import NetworkLab
    NetworkLab()                    # all forms in tabs, on the default workspace
    NetworkLab("anna")              # another participant's workspace

Forms: :class:`NameGenerator`, :class:`PeopleEditor`, :class:`NameInterpreter`,
:class:`TieCensus`, :class:`SupportForm`, :class:`KramForm`, :class:`SupportFeedback`,
:class:`LedgerForm`, :class:`PlanForm`, and :class:`RingsBoard` (place people on rings, draw who
knows whom); together in :class:`NetworkLab`, and :class:`SelfAssessment` for the app.
"""
from __future__ import annotations

from ._base import Form
from .apps import NetworkLab, SelfAssessment, link_forms
from .board import RingsBoard
from .census import TieCensus
from .interpreter import NameInterpreter
from .ledger_form import LedgerForm
from .people import NameGenerator, PeopleEditor
from .plan_form import PlanForm
from .support_forms import KramForm, SupportFeedback, SupportForm

__all__ = [
    "Form",
    "KramForm",
    "LedgerForm",
    "NameGenerator",
    "NameInterpreter",
    "NetworkLab",
    "PeopleEditor",
    "PlanForm",
    "RingsBoard",
    "SelfAssessment",
    "SupportFeedback",
    "SupportForm",
    "TieCensus",
    "link_forms",
]
