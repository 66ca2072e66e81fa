"""The tie census: who knows whom, one person at a time.

With 40 people there are 780 pairs; asking one person at a time, and only about the people
whose row is not finished yet, halves that and keeps each screen short. "Knows nobody here"
and "knows everyone here" answer a whole row with one click.
"""
from __future__ import annotations

import ipywidgets as W

from ..words import plural
from ._base import Form, escape, guarded, heading, paragraph

__all__ = ["TieCensus"]


class TieCensus(Form):
    """Tick who knows the chosen ``person``; each tick is saved at once.

    ``boxes`` maps alter id to its checkbox; ``nobody_button`` and ``everyone_button`` answer
    for the people shown whose own row is not done yet, and mark this row done; ``done_button``
    marks it done and moves on. People whose own row is done are hidden (their ties were decided
    in their row) unless they know this person, or ``show_all`` is ticked — then the shortcuts
    answer for everyone shown.
    """

    def __init__(self, workspace=None, *, columns: int = 3) -> None:
        super().__init__(workspace)
        self.person = W.Dropdown(options=[], description="Person", layout=W.Layout(width="26em"))
        self.person.add_class("netkit-census-person")
        self.show_all = W.Checkbox(description="also show people already done", indent=False)
        self.nobody_button = W.Button(description="Knows nobody here", layout=W.Layout(width="auto"))
        self.nobody_button.add_class("netkit-nobody")
        self.everyone_button = W.Button(description="Knows everyone here", layout=W.Layout(width="auto"))
        self.everyone_button.add_class("netkit-everyone")
        self.done_button = W.Button(description="Done — next person", button_style="primary", icon="check",
                                    layout=W.Layout(width="auto"))
        self.done_button.add_class("netkit-census-done")
        self.progress = W.Label()
        self.question = W.HTML()
        self.grid = W.GridBox(layout=W.Layout(grid_template_columns=f"repeat({columns}, minmax(12em, 1fr))",
                                              grid_gap="0 1em"))
        self.boxes: dict[str, W.Checkbox] = {}
        self._pool: dict[str, W.Checkbox] = {}
        self.person.observe(self._picked, "value")
        self.show_all.observe(self._picked, "value")
        self.nobody_button.on_click(lambda _: self.answer_all(False))
        self.everyone_button.on_click(lambda _: self.answer_all(True))
        self.done_button.on_click(lambda _: self.done())
        self.children = [
            heading("Who knows whom?"),
            paragraph("For each person, tick everyone they know — people who would greet each other in the street. "
                      "Ties you already answered for someone earlier are kept."),
            W.HBox([self.person, self.progress]), self.show_all, self.question, self.grid,
            W.HBox([self.nobody_button, self.everyone_button, self.done_button]),
            self.message, self.refresh_button,
        ]
        self.reload()

    def refresh(self) -> None:
        with self.quietly():
            current = self.person.value
            people = self.workspace.people()
            done = dict(zip(people["alter_id"], people["census_done"] == "1"))
            options = [((n or a) + ("  ✓" if done[a] else ""), a) for a, n in zip(people["alter_id"], people["name"])]
            self.person.options = options
            ids = [a for _, a in options]
            self.person.value = current if current in ids else next((a for a in ids if not done[a]), ids[0] if ids else None)
            self.progress.value = f"{sum(done.values())} of {plural(len(ids), 'person', 'people')} done" if ids else ""
        self._build(people)

    @guarded
    def _picked(self, _change=None) -> None:
        if not self.loading:
            self.say("")
            self._build(self.workspace.people())

    def _build(self, people) -> None:
        """Show the chosen person's row; checkboxes are reused, so 40 people stay quick."""
        me = self.person.value
        self.boxes = {}
        if me is None:
            self.question.value = "<p>Add people first (name generator).</p>"
            self.grid.children = []
            return
        ties = self.workspace.ties()
        knows = {t for s, t in zip(ties["source"], ties["target"]) if s == me} | \
                {s for s, t in zip(ties["source"], ties["target"]) if t == me}
        name = dict(zip(people["alter_id"], people["name"])).get(me, me)
        with self.quietly():
            for aid, other, done in zip(people["alter_id"], people["name"], people["census_done"]):
                if aid == me or (done == "1" and not self.show_all.value and aid not in knows):
                    continue
                box = self._pool.get(aid)
                if box is None:
                    box = self._pool[aid] = W.Checkbox(indent=False, layout=W.Layout(width="auto"))
                    box.add_class("netkit-knows")
                    box.observe(self._ticked, "value")
                box.description = other or aid
                box.value = aid in knows
                self.boxes[aid] = box
        for aid in set(self._pool) - set(people["alter_id"]):  # removed people
            self._pool.pop(aid).close()
        self.grid.children = list(self.boxes.values())
        shown = len(self.boxes)
        self.question.value = (f"<p>Whom does <b>{escape(name)}</b> know? "
                               f"({plural(shown, 'person', 'people')} shown)</p>" if shown
                               else f"<p>Nobody left to ask about for <b>{escape(name)}</b>.</p>")

    def _done_ids(self) -> list[str]:
        people = self.workspace.people()
        return [a for a, d in zip(people["alter_id"], people["census_done"]) if d == "1"]

    def _name(self, aid: str) -> str:
        return dict((a, n) for n, a in self.person.options).get(aid, aid).removesuffix("  ✓")

    @guarded
    def _ticked(self, change) -> None:
        if self.loading:
            return
        other = next(a for a, b in self.boxes.items() if b is change["owner"])
        me = self.person.value
        knows = change["new"]
        verb = "knows" if knows else "does not know"
        if not self.save(lambda: self.workspace.set_tie(me, other, knows),
                         ok=f"Saved: {self._name(me)} {verb} {self.boxes[other].description}."):
            with self.quietly():
                change["owner"].value = change["old"]

    @guarded
    def answer_all(self, knows: bool) -> None:
        me = self.person.value
        if me is None:
            self.say("Add people first (name generator).", "warn")
            return
        # ties with people whose own row is done were answered there; only "show all" overrides them
        done = set(self._done_ids())
        shown = [a for a in self.boxes if self.show_all.value or a not in done]
        kw = {"knows": shown} if knows else {"knows_not": shown}
        what = "everyone" if knows else "nobody"
        count = plural(len(shown), "person", "people")
        if self.save(lambda: self.workspace.census(me, done=True, **kw),
                     ok=f"Saved: {self._name(me)} knows {what} shown here ({count})."):
            self.refresh()

    @guarded
    def done(self) -> None:
        me = self.person.value
        if me is None:
            return
        if self.save(lambda: self.workspace.census(me, done=True), ok=f"{self._name(me)}: done."):
            ids = [a for _, a in self.person.options]
            people = self.workspace.people()
            left = [a for a, d in zip(people["alter_id"], people["census_done"]) if d != "1"]
            following = [a for a in ids[ids.index(me) + 1:] + ids[:ids.index(me)] if a in left] if me in ids else left
            with self.quietly():
                if following:
                    self.person.value = following[0]
            self.refresh()
            if not following:
                self.say("Every person is done. You can still change any tick.", "ok")
