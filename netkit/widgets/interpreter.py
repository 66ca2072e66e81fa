"""The name interpreter: for each person, where you know them from and how close you are.

One person at a time, with sensible defaults already filled in (``PERSON_DEFAULTS``);
each answer is saved the moment it changes.
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ..store import PERSON_DEFAULTS
from ..words import plural
from ._base import PersonForm, guarded, heading, paragraph

__all__ = ["NameInterpreter", "CONTEXTS", "CLOSENESS", "FREQUENCY"]

CONTEXTS = ["family", "close friends", "partner", "college", "current job", "previous job", "neighbourhood",
            "hobby or sport", "faith or community", "online", "other"]
CLOSENESS = [("1 – not close", 1), ("2 – somewhat close", 2), ("3 – close", 3), ("4 – very close", 4)]
FREQUENCY = [("1 – less than once a year", 1), ("2 – a few times a year", 2), ("3 – about monthly", 3),
             ("4 – weekly", 4), ("5 – daily", 5)]

_WIDE = W.Layout(width="30em")
_STYLE = {"description_width": "12em"}


class NameInterpreter(PersonForm):
    """Describe each person: ``context``, ``closeness``, ``frequency``, ``years_known``,
    ``confiding``, ``support_given``, ``support_received``, ``last_contact``, ``notes``.

    Pick the person with ``person`` (or ``previous_button`` / ``next_button``); every field
    writes to the workspace when its value changes.
    """

    FIELDS = ("context", "closeness", "frequency", "years_known", "confiding", "support_given",
              "support_received", "last_contact", "notes")
    TEXT_FIELDS = ("context", "years_known", "notes")

    def __init__(self, workspace=None) -> None:
        super().__init__(workspace)
        self.person = W.Dropdown(options=[], description="Person", layout=_WIDE, style=_STYLE)
        self.person.add_class("netkit-interpreter-person")
        self.previous_button = W.Button(description="Previous", icon="arrow-left", layout=W.Layout(width="auto"))
        self.next_button = W.Button(description="Next", icon="arrow-right", layout=W.Layout(width="auto"))
        self.progress = W.Label()
        self.context = W.Combobox(options=CONTEXTS, placeholder="family, current job, …", ensure_option=False,
                                  description="Where you know them from", layout=_WIDE, style=_STYLE,
                                  continuous_update=False)
        self.closeness = W.Dropdown(options=CLOSENESS, description="How close", layout=_WIDE, style=_STYLE)
        self.frequency = W.Dropdown(options=FREQUENCY, description="How often in touch", layout=_WIDE, style=_STYLE)
        self.years_known = W.Text(placeholder="e.g. 3 or 0.5", description="Years known", layout=_WIDE, style=_STYLE,
                                  continuous_update=False)
        self.confiding = W.Checkbox(description="You talk with them about personal or important matters", indent=False)
        self.support_given = W.Checkbox(description="You have helped them in the last year", indent=False)
        self.support_received = W.Checkbox(description="They have helped you in the last year", indent=False)
        self.last_contact = W.DatePicker(description="Last in touch", layout=_WIDE, style=_STYLE)
        self.notes = W.Textarea(placeholder="Anything you want to remember (kept private)", description="Notes",
                                layout=W.Layout(width="30em", height="4em"), style=_STYLE, continuous_update=False)
        for name in self.FIELDS:
            getattr(self, name).observe(self._field_changed, "value")
            getattr(self, name).add_class(f"netkit-{name.replace('_', '-')}")
        self.person.observe(self._picked, "value")
        self.previous_button.on_click(lambda _: self._step(-1))
        self.next_button.on_click(lambda _: self._step(+1))
        self.children = [
            heading("About each person"),
            paragraph("Go through your list one person at a time. The answers start at a middle value; change what "
                      "is not right. Everything is saved as you go."),
            W.HBox([self.person, self.previous_button, self.next_button, self.progress]),
            self.context, self.closeness, self.frequency, self.years_known, self.confiding,
            self.support_given, self.support_received, self.last_contact, self.notes,
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
        """Show the chosen person's answers as they are on disk."""
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
            self.closeness.value = _int(row.get("closeness"), PERSON_DEFAULTS["closeness"], 1, 4)
            self.frequency.value = _int(row.get("frequency"), PERSON_DEFAULTS["frequency"], 1, 5)
            self.years_known.value = row.get("years_known", "")
            self.confiding.value = row.get("confiding") == "1"
            self.support_given.value = row.get("support_given") == "1"
            self.support_received.value = row.get("support_received") == "1"
            try:
                self.last_contact.value = dt.date.fromisoformat(row["last_contact"]) if row.get("last_contact") else None
            except ValueError:
                self.last_contact.value = None
            self.notes.value = row.get("notes", "")

    @guarded
    def _field_changed(self, change) -> None:
        if self.loading or self.person.value is None:
            return
        field = next(n for n in self.FIELDS if getattr(self, n) is change["owner"])
        value = change["new"]
        aid = self.person.value
        name = dict((a, n) for n, a in self.person.options).get(aid, aid)
        label = field.replace("_", " ")
        if self.save(lambda: self.workspace.update_person(aid, **{field: value}), ok=f"Saved {label} for {name}."):
            return
        if field not in self.TEXT_FIELDS:  # a choice that was not saved goes back to what is on disk;
            self._load()                   # typed text stays, to be corrected or saved again


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default
