"""The support self-assessment: six questions, optional Kram functions per person, feedback.

For each question the participant picks who gives that support, or ticks "no one yet"; each
pick is saved as one record, so two forms on one workspace merge rather than overwrite.
"""
from __future__ import annotations

import ipywidgets as W

from ..store import Workspace
from ..instruments import Instrument
from ..support import KRAM_FUNCTIONS
from ..words import and_list
from ._base import Form, PersonForm, escape, guarded, heading, paragraph, readable

__all__ = ["SupportForm", "KramForm", "SupportFeedback"]


class SupportForm(Form):
    """The support questions of an instrument (the six-question self-check by default; or
    ``"exchange"``, ``"kram"``, or a named :class:`~netkit.instruments.Instrument`).
    ``pickers[item]`` is a SelectMultiple of people (values are alter ids); ``no_one[item]`` the
    "no one yet" checkbox."""

    def __init__(self, workspace=None, *, instrument="self-check") -> None:
        from ..instruments import instrument as resolve

        super().__init__(workspace)
        found = [instrument] if isinstance(instrument, Instrument) else resolve(instrument)
        if len(found) != 1 or not found[0].name:
            from ..errors import NetkitError

            raise NetkitError(f"instrument={instrument!r}: the form asks the questions of one named instrument; "
                              "give one (a shipped name, or a file with an instrument column).")
        self.instrument: Instrument = found[0]
        self.pickers: dict[str, W.SelectMultiple] = {}
        self.no_one: dict[str, W.Checkbox] = {}
        self.chosen: dict[str, W.HTML] = {}  # the names picked, in words (a long list scrolls)
        parts = [
            heading("Who supports you?"),
            paragraph("For each question, pick everyone who gives you this support (hold Ctrl, or ⌘ on a Mac, to "
                      "pick more than one), or tick 'no one yet'. There are no right answers: gaps show where to "
                      "invest."),
        ]
        for kind in self.instrument.kinds:
            parts.append(heading(f"{kind.capitalize()} support", level=4))
            for item in (i for i in self.instrument.items if i.kind == kind):
                picker = W.SelectMultiple(options=[], rows=5, layout=W.Layout(width="100%", max_width="24em"))
                picker.add_class("netkit-support-picker")
                picker.add_class(f"netkit-item-{item.key.replace('_', '-')}")
                none = W.Checkbox(description="no one yet", indent=False, layout=W.Layout(width="auto"))
                none.add_class("netkit-no-one")
                chosen = W.HTML(layout=W.Layout(margin="0 0 0 1em", max_width="24em"))
                picker.observe(self._picked, "value")
                none.observe(self._no_one_changed, "value")
                self.pickers[item.key], self.no_one[item.key], self.chosen[item.key] = picker, none, chosen
                parts += [W.HTML(f"<p style='margin:0.6em 0 0.2em;white-space:normal;font-weight:600'>"
                                 f"{escape(item.question)}</p>", layout=W.Layout(width="100%", max_width="48em")),
                          W.HBox([picker, W.VBox([none, chosen])], layout=W.Layout(flex_flow="row wrap"))]
        self.children = parts + [self.message, self.refresh_button]
        self.reload()

    def refresh(self) -> None:
        from ..support import support_answers

        options = self.people_options()
        answers = support_answers(self.workspace.support(), instrument=self.instrument)
        ids = {a for _, a in options}
        with self.quietly():
            names = dict((a, n) for n, a in options)
            for key, picker in self.pickers.items():
                picker.options = options
                picker.rows = max(3, min(8, len(options)))
                picker.value = tuple(a for a in (answers[key] or []) if a in ids)
                self.no_one[key].value = answers[key] == []
                self.chosen[key].value = _picked_html([names[a] for a in picker.value])

    def _item_of(self, owner) -> str:
        return next(k for k in self.pickers if self.pickers[k] is owner or self.no_one[k] is owner)

    @guarded
    def _picked(self, change) -> None:
        if self.loading:
            return
        item = self._item_of(change["owner"])
        old, new = set(change["old"] or ()), set(change["new"] or ())
        names = dict((a, n) for n, a in self.pickers[item].options)
        ok = True
        for aid in sorted(new - old):
            ok &= self.save(lambda aid=aid: self.workspace.set_supporter(item, aid, True, instrument=self.instrument))
        for aid in sorted(old - new):
            ok &= self.save(lambda aid=aid: self.workspace.set_supporter(item, aid, False, instrument=self.instrument))
        if not new and old and ok:  # nobody picked any more: the question is open again
            ok &= self.save(lambda: self.workspace.clear_answer(item, instrument=self.instrument))
        if not ok:  # show what is on disk; the message says what was not saved
            message = self.message.value
            self.refresh()
            self.message.value = message
            return
        picked = [names.get(a, a) for a in self.pickers[item].value]
        dropped = [n for n, a in self.pickers[item].options if a in old - new]  # in the list's order
        if not picked:
            text = f"Saved: no one picked for this question any more ({and_list(dropped)} removed); it is open again."
        elif dropped and not (new - old):
            text = f"Saved: {and_list(picked)} ({and_list(dropped)} removed)."
        elif dropped:  # a plain click replaces the pick: say who went, and how to keep both
            text = (f"Saved: {and_list(picked)} (instead of {and_list(dropped)}). "
                    "To pick more than one, hold Ctrl (⌘ on a Mac) while you click.")
        else:
            text = f"Saved: {and_list(picked)}."
        self.say(text, "ok")
        self.chosen[item].value = _picked_html(picked)
        with self.quietly():
            if new:
                self.no_one[item].value = False

    @guarded
    def _no_one_changed(self, change) -> None:
        if self.loading:
            return
        item = self._item_of(change["owner"])
        if change["new"]:
            self.save(lambda: self.workspace.set_no_one(item, instrument=self.instrument),
                      ok="Saved: no one yet — a gap to work on.")
        elif not self.pickers[item].value:
            self.save(lambda: self.workspace.clear_answer(item, instrument=self.instrument),
                      ok="Saved: this question is open again.")
        message = self.message.value
        self.refresh()  # the picker and the box show what is on disk now (also after a failed write)
        self.message.value = message


def _picked_html(names: list[str]) -> str:
    """The names picked for a question, in words that wrap (a long list is never cut off)."""
    return f"<div style='white-space:normal'>Picked: {escape(', '.join(names))}</div>" if names else ""


class KramForm(PersonForm):
    """Optional: Kram's career and psychosocial functions, per person. ``person`` picks who;
    ``boxes[function]`` are checkboxes saved at once."""

    def __init__(self, workspace=None) -> None:
        super().__init__(workspace)
        self.person = W.Dropdown(options=[], description="Person", layout=W.Layout(width="100%", max_width="26em"))
        self.person.add_class("netkit-kram-person")
        self.boxes: dict[str, W.Checkbox] = {}
        rows = [heading("What does each person do for you? (optional)"),
                paragraph("Kram's functions of a developmental relationship: career functions help you get ahead, "
                          "psychosocial functions help you grow as a person."),
                self.person]
        for kind in ("career", "psychosocial"):
            rows.append(heading(f"{kind.capitalize()} functions", level=4))
            for f in (f for f in KRAM_FUNCTIONS if f.kind == kind):
                box = W.Checkbox(description=f.key.replace("_", " "), indent=False,
                                 layout=W.Layout(width="auto", min_width="13em"))
                box.add_class("netkit-kram-box")
                box.observe(self._ticked, "value")
                self.boxes[f.key] = box
                # the explanation beside the box wraps on a narrow screen (a checkbox's own label is cut off)
                what = W.HTML(f"<span style='white-space:normal'>{escape(f.label)}</span>",
                              layout=W.Layout(flex="1 1 16em"))
                rows.append(W.HBox([box, what], layout=W.Layout(flex_flow="row wrap", align_items="center",
                                                                max_width="48em")))
        self.person.observe(self._picked, "value")
        self.children = rows + [self.message, self.refresh_button]
        self.reload()

    def _load(self) -> None:
        support = self.workspace.support()
        me = self.person.value
        have = {i for ins, i, a, v in zip(support["instrument"], support["item"], support["alter_id"], support["value"])
                if ins == "kram" and a == me and v == "1"}
        with self.quietly():
            for key, box in self.boxes.items():
                box.value = key in have
                box.disabled = me is None

    @guarded
    def _ticked(self, change) -> None:
        if self.loading or self.person.value is None:
            return
        key = next(k for k, b in self.boxes.items() if b is change["owner"])
        me = self.person.value
        if not self.save(lambda: self.workspace.set_supporter(key, me, change["new"], instrument="kram"),
                         ok=f"Saved: {key.replace('_', ' ')} {'ticked' if change['new'] else 'cleared'}."):
            self._load()


class SupportFeedback(Form):
    """What the answers say: feedback sentences, the table and a chart, from the workspace on disk.
    ``update_button`` (or ``refresh()``) re-reads and re-scores."""

    def __init__(self, workspace=None, *, instrument=None) -> None:
        super().__init__(workspace)
        self.instrument = instrument  # None: what the answers use (the self-check first)
        self.update_button = W.Button(description="Show my support picture", button_style="info", icon="refresh",
                                      layout=W.Layout(width="auto"))
        self.update_button.add_class("netkit-support-update")
        self.update_button.on_click(lambda _: self._update())
        self.output = W.HTML(layout=W.Layout(width="100%"))
        self.output.add_class("netkit-support-feedback")
        self.children = [heading("What your answers say"), self.update_button, self.output, self.message]
        self.reload()

    @guarded
    def _update(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.output.value = support_feedback_html(self.workspace, instrument=self.instrument)


def support_feedback_html(workspace: "Workspace", *, instrument=None) -> str:
    """Feedback, chart and table for a workspace as one escaped HTML fragment."""
    from ..support import assess_support

    from ..plan import REPORT_DPI

    if not workspace.exists:
        return "<p>Add the people you know first; then answer the support questions.</p>"
    # the report's resolution, shown at its own size (up to the form's width): labels stay readable
    return readable(assess_support(workspace.network(), instrument=instrument).to_html(chart=True, dpi=REPORT_DPI))
