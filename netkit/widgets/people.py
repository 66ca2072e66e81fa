"""Entering a network: the name generator, and renaming or removing people.

The name generator asks the field's prompts one at a time (the GSS "important matters"
question, exchange prompts, the six support questions); each name typed is saved at once, and
a name that looks like someone already in the list (ignoring case, accents, spacing and word
order) is held back with a choice: the same person, or someone new.
"""
from __future__ import annotations

import ipywidgets as W

from ..store import likely_duplicates
from ..support import NAME_PROMPTS
from ..words import plural
from ._base import Form, escape, guarded, heading, on_enter, paragraph

__all__ = ["NameGenerator", "PeopleEditor", "PROMPT_LABELS"]

PROMPT_LABELS = {
    "important_matters": "Important matters",
    "advice": "Advice",
    "help": "Practical help",
    "loan": "A loan",
    "socialising": "Free time together",
    "support:career_sounding_board": "Support: career sounding board",
    "support:cross_boundary_influence": "Support: help across departments",
    "support:industry_peers": "Support: peers at other organisations",
    "support:outside_confidant": "Support: confidant outside your department",
    "support:similar_family_situation": "Support: similar family situation",
    "support:known_through_phases": "Support: known you through life's phases",
}


class NameGenerator(Form):
    """Name the people you know, prompt by prompt; every name is saved at once.

    Set ``name_input.value`` and click ``add_button`` or press Enter in the box (an empty box
    says what to do). A likely duplicate shows a warning and
    the buttons ``same_button`` (it is that person: note this prompt for them) and
    ``new_button`` (add a new person with this name).
    """

    def __init__(self, workspace=None, *, prompts: list[str] | None = None) -> None:
        super().__init__(workspace)
        keys = list(prompts or NAME_PROMPTS)
        unknown = [k for k in keys if k not in NAME_PROMPTS]
        if unknown:
            from ..errors import NetkitError

            raise NetkitError(f"prompts: {unknown[0]!r} is not a prompt; use some of {', '.join(NAME_PROMPTS)}.")
        self.prompt = W.Dropdown(options=[(PROMPT_LABELS.get(k, k), k) for k in keys], value=keys[0],
                                 description="Question", style={"description_width": "initial"},
                                 layout=W.Layout(width="100%", max_width="32em"))
        self.prompt.add_class("netkit-prompt")
        self.question = W.HTML()
        self.name_input = W.Text(placeholder="Type a name, then press Enter or Add",
                                 layout=W.Layout(width="100%", max_width="22em"))
        self.name_input.add_class("netkit-name-input")
        self.add_button = W.Button(description="Add", button_style="primary", icon="plus")
        self.add_button.add_class("netkit-add")
        self.same_button = W.Button(description="Same person", layout=W.Layout(display="none"))
        self.same_button.add_class("netkit-same")
        self.new_button = W.Button(description="Add as someone new", layout=W.Layout(display="none"))
        self.new_button.add_class("netkit-new")
        self.named = W.HTML()
        self.named.add_class("netkit-named")
        self.count = W.Label()
        self._pending: tuple[str, str] | None = None  # (name, id of the look-alike)

        self.prompt.observe(self._prompt_changed, "value")
        self.add_button.on_click(lambda _: self.add())
        on_enter(self.name_input, self.add)
        self.same_button.on_click(lambda _: self.same_person())
        self.new_button.on_click(lambda _: self.add_new())
        self.children = [
            heading("Who is in your network?"),
            paragraph("Answer each question with the names of people who come to mind. Use the name you call "
                      "them by; add a detail if two people share a name (e.g. 'Sam (gym)')."),
            self.prompt, self.question,
            W.HBox([self.name_input, self.add_button], layout=W.Layout(flex_flow="row wrap")),
            W.HBox([self.same_button, self.new_button], layout=W.Layout(flex_flow="row wrap")),
            self.message, self.named, W.HBox([self.count, self.refresh_button]),
        ]
        self.reload()

    @property
    def prompt_key(self) -> str:
        return self.prompt.value

    def _hide_choice(self) -> None:
        self._pending = None
        self.same_button.layout.display = "none"
        self.new_button.layout.display = "none"

    @guarded
    def _prompt_changed(self, _change=None) -> None:
        self._hide_choice()
        self.say("")
        self.refresh()

    def refresh(self) -> None:
        self.question.value = f"<p style='margin:0.3em 0;font-size:1.05em;white-space:normal'><b>{escape(NAME_PROMPTS[self.prompt_key])}</b></p>"
        people = self.workspace.people()
        here = [n for n, p in zip(people["name"], people["named_for"]) if self.prompt_key in str(p).split(";")]
        self.named.value = (
            "<div>Named for this question: " + ", ".join(f"<span class='netkit-person'>{escape(n)}</span>" for n in here)
            + "</div>" if here else "<div style='color:#666'>No one named for this question yet.</div>"
        )
        n = len(people)
        self.count.value = f"{plural(n, 'person', 'people')} in your list"

    @guarded
    def add(self) -> None:
        from ..store import clean_text

        name = clean_text(self.name_input.value)
        if not name:
            self.say("Type a name in the box first, then press Enter or Add.", "warn")
            return
        twins = likely_duplicates(name, self.people_options_ids())
        if twins and not (self._pending and self._pending[0] == name):
            aid, other = twins[0]
            self._pending = (name, aid)
            self.same_button.layout.display = ""
            self.new_button.layout.display = ""
            self.say(f"'{name}' looks like '{other}', who is already in your list. Is it the same person?", "warn")
            return
        self.add_new()

    def people_options_ids(self) -> list[tuple[str, str]]:
        return [(a, n) for n, a in self.people_options()]

    @guarded
    def add_new(self) -> None:
        from ..store import clean_text

        name = self._pending[0] if self._pending else clean_text(self.name_input.value)
        self._hide_choice()
        if not name:
            self.say("Type a name in the box first, then press Enter or Add.", "warn")
            return
        if self.save(lambda: self.workspace.add_person(name, named_for=self.prompt_key), ok=f"Saved: {name}."):
            self.name_input.value = ""
        self.refresh()

    @guarded
    def same_person(self) -> None:
        if not self._pending:
            return
        name, aid = self._pending
        self._hide_choice()
        other = dict(self.people_options_ids()).get(aid, name)
        if self.save(lambda: self.workspace.note_prompt(aid, self.prompt_key),
                     ok=f"Noted: {other} for this question too."):
            self.name_input.value = ""
        self.refresh()


class PeopleEditor(Form):
    """Rename or remove people. Pick someone in ``people``; ``rename_input`` + ``rename_button``;
    ``remove_button`` asks, ``confirm_button`` removes them with their ties and answers."""

    def __init__(self, workspace=None) -> None:
        super().__init__(workspace)
        self.people = W.Select(options=[], rows=8, layout=W.Layout(width="100%", max_width="24em"),
                               description="People", style={"description_width": "initial"})
        self.people.add_class("netkit-people")
        self.rename_input = W.Text(placeholder="New name, then press Enter or Rename",
                                   layout=W.Layout(width="100%", max_width="20em"))
        self.rename_input.add_class("netkit-rename-input")
        self.rename_button = W.Button(description="Rename", icon="pencil")
        self.remove_button = W.Button(description="Remove…", icon="trash")
        self.confirm_button = W.Button(description="Yes, remove", button_style="danger", layout=W.Layout(display="none"))
        self.cancel_button = W.Button(description="Cancel", layout=W.Layout(display="none"))
        self._renaming_twin: tuple[str, str] | None = None
        self.people.observe(self._picked, "value")
        self.rename_button.on_click(lambda _: self.rename())
        on_enter(self.rename_input, self.rename)
        self.remove_button.on_click(lambda _: self.ask_remove())
        self.confirm_button.on_click(lambda _: self.remove())
        self.cancel_button.on_click(lambda _: self._cancel())
        self.children = [
            heading("Rename or remove someone"),
            self.people,
            W.HBox([self.rename_input, self.rename_button], layout=W.Layout(flex_flow="row wrap")),
            W.HBox([self.remove_button, self.confirm_button, self.cancel_button], layout=W.Layout(flex_flow="row wrap")),
            self.message, self.refresh_button,
        ]
        self.reload()

    def refresh(self) -> None:
        with self.quietly():
            current = self.people.value
            options = self.people_options()
            self.people.options = options
            ids = [a for _, a in options]
            self.people.value = current if current in ids else (ids[0] if ids else None)
        self._picked()

    @guarded
    def _picked(self, _change=None) -> None:
        self._cancel()
        name = dict((a, n) for n, a in self.people_options()).get(self.people.value, "")
        self.rename_input.value = name

    def _cancel(self) -> None:
        self.confirm_button.layout.display = "none"
        self.cancel_button.layout.display = "none"

    def _name_of(self, aid: str) -> str:
        return dict((a, n) for n, a in self.people.options).get(aid, aid)

    @guarded
    def rename(self) -> None:
        from ..store import clean_text

        aid = self.people.value
        if aid is None:
            self.say("Pick a person first.", "warn")
            return
        name = clean_text(self.rename_input.value)
        if not name:
            self.say("Type the new name in the box first, then press Enter or Rename.", "warn")
            return
        twins = likely_duplicates(name, [(a, n) for n, a in self.people.options], skip=aid)
        if twins and self._renaming_twin != (aid, name):
            self._renaming_twin = (aid, name)
            self.say(f"'{name}' looks like '{twins[0][1]}', who is already in your list. "
                     "Press Rename again to keep both, or add a detail to tell them apart.", "warn")
            return
        self._renaming_twin = None
        old = self._name_of(aid)
        self.save(lambda: self.workspace.rename_person(aid, name), ok=f"Renamed {old} to {name}.")
        self.refresh()

    @guarded
    def ask_remove(self) -> None:
        if self.people.value is None:
            self.say("Pick a person first.", "warn")
            return
        self.confirm_button.layout.display = ""
        self.cancel_button.layout.display = ""
        self.say(f"Remove {self._name_of(self.people.value)}, with their ties, support answers and ledger entries?",
                 "warn")

    @guarded
    def remove(self) -> None:
        aid = self.people.value
        if aid is None:
            return
        name = self._name_of(aid)
        self._cancel()
        self.save(lambda: self.workspace.remove_person(aid), ok=f"Removed {name}.")
        self.refresh()
