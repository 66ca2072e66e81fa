"""The name interpreter: for each person, where you know them from and how close you are.

One person at a time. Every question starts as "not answered yet" and stays blank on disk
until the participant answers it; choosing "not answered yet" again clears the answer. Each
answer is saved the moment it changes.
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ..words import plural
from ..schema import ALTER_ATTRIBUTES, BadValue, parse_value
from ._base import BLANK, NOT_ANSWERED, WIDE, PersonForm, guarded, heading, labelled, paragraph

__all__ = ["NameInterpreter", "CONTEXTS", "CLOSENESS", "FREQUENCY", "YES_NO", "QUESTIONS"]

CONTEXTS = ["family", "close friends", "partner", "college", "current job", "previous job", "neighbourhood",
            "hobby or sport", "faith or community", "online", "other"]
CLOSENESS = [("1 – not close", 1), ("2 – somewhat close", 2), ("3 – close", 3), ("4 – very close", 4)]
FREQUENCY = [("1 – less than once a year", 1), ("2 – a few times a year", 2), ("3 – about monthly", 3),
             ("4 – weekly", 4), ("5 – daily", 5)]
#: A yes/no question's three states: not answered (blank on disk), yes (1), no (0).
YES_NO = [("Not answered yet", BLANK), ("Yes", "yes"), ("No", "no")]

#: Each field's question, written in full above its control.
QUESTIONS = {
    "context": "Where do you know them from?",
    "closeness": "How close do you feel to them?",
    "frequency": "How often are you in touch?",
    "years_known": "How many years have you known them?",
    "confiding": "Do you talk with them about personal or important matters?",
    "support_given": "Have you helped them in the last year?",
    "support_received": "Have they helped you in the last year?",
    "last_contact": "When were you last in touch? (leave empty if you do not remember)",
    "notes": "Notes — anything you want to remember (kept private)",
}
_LABELS = {"context": "where you know them from", "closeness": "how close", "frequency": "how often in touch",
           "years_known": "years known", "confiding": "confiding", "support_given": "you helped them",
           "support_received": "they helped you", "last_contact": "last in touch", "notes": "notes"}


class NameInterpreter(PersonForm):
    """Describe each person: ``context``, ``closeness``, ``frequency``, ``years_known``,
    ``confiding``, ``support_given``, ``support_received``, ``last_contact``, ``notes``.

    Pick the person with ``person`` (or ``previous_button`` / ``next_button``); every field
    writes to the workspace when its value changes. Blank means not answered: the dropdowns
    start at ``""`` ("— not answered yet —"), the yes/no toggles at ``""`` ("Not answered
    yet", then ``"yes"`` / ``"no"``), text and date fields empty; going back to blank clears
    the answer on disk.
    """

    FIELDS = ("context", "closeness", "frequency", "years_known", "confiding", "support_given",
              "support_received", "last_contact", "notes")
    TEXT_FIELDS = ("context", "years_known", "notes")
    YES_NO_FIELDS = ("confiding", "support_given", "support_received")

    def __init__(self, workspace=None) -> None:
        super().__init__(workspace)
        self.person = W.Dropdown(options=[], description="Person", layout=W.Layout(width="100%", max_width="26em"),
                                 style={"description_width": "initial"})
        self.person.add_class("netkit-interpreter-person")
        self.previous_button = W.Button(description="Previous", icon="arrow-left", layout=W.Layout(width="auto"))
        self.next_button = W.Button(description="Next", icon="arrow-right", layout=W.Layout(width="auto"))
        self.progress = W.Label()
        self.context = W.Combobox(options=CONTEXTS, placeholder="not answered yet — type or pick, e.g. family",
                                  ensure_option=False, layout=W.Layout(**WIDE), continuous_update=False)
        self.closeness = W.Dropdown(options=[(NOT_ANSWERED, BLANK)] + CLOSENESS, value=BLANK, layout=W.Layout(**WIDE))
        self.frequency = W.Dropdown(options=[(NOT_ANSWERED, BLANK)] + FREQUENCY, value=BLANK, layout=W.Layout(**WIDE))
        self.years_known = W.Text(placeholder="not answered yet — e.g. 3 or 0.5", layout=W.Layout(**WIDE),
                                  continuous_update=False)
        self.confiding = _yes_no()
        self.support_given = _yes_no()
        self.support_received = _yes_no()
        self.last_contact = W.DatePicker(layout=W.Layout(width="auto"))
        self.notes = W.Textarea(placeholder="Anything you want to remember (kept private)",
                                layout=W.Layout(width="100%", max_width="34em", height="4em"), continuous_update=False)
        for name in self.FIELDS:
            getattr(self, name).observe(self._field_changed, "value")
            getattr(self, name).add_class(f"netkit-{name.replace('_', '-')}")
        self.person.observe(self._picked, "value")
        self.previous_button.on_click(lambda _: self._step(-1))
        self.next_button.on_click(lambda _: self._step(+1))
        self.children = [
            heading("About each person"),
            paragraph("Go through your list one person at a time. Every question starts as “not answered yet”: "
                      "answer what you know and leave the rest. Everything is saved as you go."),
            W.HBox([self.person, self.previous_button, self.next_button, self.progress],
                   layout=W.Layout(flex_flow="row wrap", align_items="center")),
            *[labelled(QUESTIONS[name], getattr(self, name)) for name in self.FIELDS],
            self.message, self.refresh_button,
        ]
        self.reload()

    def _step(self, by: int) -> None:
        ids = [a for _, a in self.person.options]
        if not ids:
            return
        i = ids.index(self.person.value) if self.person.value in ids else 0
        self.person.value = ids[(i + by) % len(ids)]

    def _load(self) -> None:
        """Show the chosen person's answers as they are on disk (blank: not answered yet)."""
        people = self.workspace.people()
        ids = list(people["alter_id"])
        enabled = self.person.value in ids
        for name in self.FIELDS:
            getattr(self, name).disabled = not enabled
        self.progress.value = plural(len(ids), "person", "people") if ids else "Add people first (name generator)."
        if not enabled:
            return
        row = people[people["alter_id"] == self.person.value].iloc[0].to_dict()
        with self.quietly():
            self.context.value = row.get("context", "")
            self.closeness.value = _answer(row, "closeness", BLANK)
            self.frequency.value = _answer(row, "frequency", BLANK)
            self.years_known.value = row.get("years_known", "")
            for name in self.YES_NO_FIELDS:
                getattr(self, name).value = {1: "yes", 0: "no"}.get(_answer(row, name, None), BLANK)
            day = _answer(row, "last_contact", None)
            self.last_contact.value = dt.date.fromisoformat(day) if day else None
            self.notes.value = row.get("notes", "")

    @guarded
    def _field_changed(self, change) -> None:
        if self.loading or self.person.value is None:
            return
        field = next(n for n in self.FIELDS if getattr(self, n) is change["owner"])
        value = change["new"]
        aid = self.person.value
        name = dict((a, n) for n, a in self.person.options).get(aid, aid)
        label = _LABELS[field]
        blank = value is None or (isinstance(value, str) and not value.strip())
        ok = f"Cleared “{label}” for {name}: not answered." if blank else f"Saved “{label}” for {name}."
        if self.save(lambda: self.workspace.update_person(aid, **{field: value}), ok=ok):
            return
        if field not in self.TEXT_FIELDS:  # a choice that was not saved goes back to what is on disk;
            self._load()                   # typed text stays, to be corrected or saved again


def _yes_no() -> W.ToggleButtons:
    toggle = W.ToggleButtons(options=YES_NO, value=BLANK, style={"button_width": "auto"})
    return toggle


def _answer(row: dict, field: str, blank):
    """An answer from disk as the schema reads it (the one validator), or ``blank`` when there is
    none or it does not fit (a value typed into the file by hand that the form cannot show)."""
    try:
        value = parse_value(row.get(field), ALTER_ATTRIBUTES[field])
    except BadValue:
        return blank
    return blank if value is None else value
