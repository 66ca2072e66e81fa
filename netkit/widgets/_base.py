"""What every form shares: its workspace, a message line, and saving without tracebacks.

Each form writes every change through :class:`netkit.store.Workspace` at once. A mistake by
the participant, or a failed write, becomes a sentence in the form's message line; the
previous answers stay on disk untouched. Forms re-read the workspace on ``refresh()``.
"""
from __future__ import annotations

import functools
import html
from contextlib import contextmanager
from typing import Callable

import ipywidgets as W

from ..errors import NetkitError
from ..store import DEFAULT_WORKSPACE, Workspace

__all__ = ["Form", "as_workspace", "guarded", "escape", "labelled", "on_enter", "press_enter", "readable",
           "NOT_ANSWERED", "BLANK"]

#: The choice every question starts with: nothing is known until the participant says so.
NOT_ANSWERED = "— not answered yet —"
#: Its value: a blank cell on disk.
BLANK = ""
#: A control's width: as wide as the form allows, up to a comfortable line.
WIDE = {"width": "100%", "max_width": "34em"}

_COLORS = {"info": "#444", "ok": "#1b5e20", "warn": "#8a5300", "error": "#b00020"}
_ICONS = {"info": "", "ok": "✓ ", "warn": "⚠ ", "error": "✗ "}


def escape(text: object) -> str:
    """User text made safe for an HTML widget."""
    return html.escape("" if text is None else str(text), quote=True)


def as_workspace(workspace: Workspace | str | None) -> Workspace:
    if isinstance(workspace, Workspace):
        return workspace
    return Workspace(workspace or DEFAULT_WORKSPACE)


def problem_text(exc: BaseException, workspace: Workspace | None = None) -> str:
    """One sentence for the message line; never a traceback."""
    if isinstance(exc, NetkitError):
        text = str(exc)
        return text[0].upper() + text[1:] if text else "That did not work."
    if isinstance(exc, OSError):
        # A change is saved all or nothing (netkit.store): one that failed left every file as it was.
        where = f" to {workspace.path}" if workspace is not None else ""
        text = (f"Not saved: could not write{where} ({exc.strerror or exc}). This change was not saved; "
                "everything saved before it is as it was. Try again")
        if getattr(exc, "leftovers", None):
            text += (". A temporary copy of this change could not be removed; it is removed the next time "
                     "the workspace is opened")
        return text + "."
    return (f"Something went wrong ({type(exc).__name__}: {exc}). "
            "This change was not saved; everything saved before it is as it was. Try again or refresh the form.")


def guarded(method: Callable) -> Callable:
    """Wrap a widget callback: any exception becomes a message in the form, not a traceback."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 — a participant must never meet a traceback
            self.say(problem_text(exc, getattr(self, "workspace", None)), "error")
            return None

    return wrapper


class Form(W.VBox):
    """A form bound to one workspace: ``message`` shows what happened, ``refresh()`` re-reads."""

    def __init__(self, workspace: Workspace | str | None = None, **kwargs) -> None:
        self.workspace = as_workspace(workspace)
        self.message = W.HTML(value="")
        self.message.add_class("netkit-message")
        self.refresh_button = W.Button(description="Refresh", icon="refresh", tooltip="Re-read the workspace",
                                       layout=W.Layout(width="auto", align_self="flex-start"))
        self.refresh_button.add_class("netkit-refresh")
        self.refresh_button.on_click(lambda _: self._refresh_clicked())
        self._quiet = 0
        self.last_result: object = None
        self._listeners: list[Callable[[], None]] = []
        super().__init__(**kwargs)
        self.add_class("netkit-form")

    # messages ---------------------------------------------------------

    @property
    def message_text(self) -> str:
        """The message as plain text (for tests and logs)."""
        return html.unescape(_strip_tags(self.message.value))

    @property
    def message_kind(self) -> str:
        for kind in _COLORS:
            if f'data-kind="{kind}"' in self.message.value:
                return kind
        return ""

    def say(self, text: str, kind: str = "info") -> None:
        self.message.value = (
            f'<div data-kind="{kind}" class="netkit-{kind}" style="color:{_COLORS[kind]};white-space:pre-wrap">'
            f"{escape(_ICONS[kind] + text)}</div>" if text else ""
        )

    # saving -----------------------------------------------------------

    def save(self, action: Callable[[], object], ok: str | None = None) -> bool:
        """Run one store change; say ``ok`` or the problem; tell listeners.

        Returns whether it was saved; the change's own result is kept in ``last_result``.
        """
        try:
            self.last_result = action()
        except Exception as exc:  # noqa: BLE001
            self.say(problem_text(exc, self.workspace), "error")
            return False
        if ok:
            self.say(ok, "ok")
        self._changed()
        return True

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every change this form saves (e.g. another form's refresh)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            try:
                callback()
            except Exception as exc:  # noqa: BLE001
                self.say(problem_text(exc, self.workspace), "error")

    @contextmanager
    def quietly(self):
        """Set widget values from disk without saving them back."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    @property
    def loading(self) -> bool:
        return self._quiet > 0

    # reading ----------------------------------------------------------

    def people_options(self) -> list[tuple[str, str]]:
        """(name, id) for everyone in the workspace, in the order they were added."""
        people = self.workspace.people()
        return [(n or a, a) for a, n in zip(people["alter_id"], people["name"])]

    @guarded
    def reload(self) -> None:
        """``refresh()`` with any problem shown in the message line (used when a form is built)."""
        self.refresh()

    @guarded
    def _refresh_clicked(self) -> None:
        self.refresh()
        self.say("Up to date with the workspace.", "info")

    def refresh(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError


class PersonForm(Form):
    """A form about one person at a time, picked in ``self.person`` (a Dropdown of (name, id))."""

    person: W.Dropdown

    def refresh(self) -> None:
        with self.quietly():
            current = self.person.value
            options = self.people_options()
            self.person.options = options
            ids = [a for _, a in options]
            self.person.value = current if current in ids else (ids[0] if ids else None)
        self._load()

    @guarded
    def _picked(self, _change=None) -> None:
        if not self.loading:
            self.say("")
            self._load()

    def _load(self) -> None:  # pragma: no cover - every person form overrides it
        raise NotImplementedError


def _strip_tags(text: str) -> str:
    import re

    return re.sub(r"<[^>]*>", "", text)


def heading(text: str, level: int = 3) -> W.HTML:
    return W.HTML(f"<h{level} style='margin:0.4em 0 0.2em'>{escape(text)}</h{level}>")


def paragraph(text: str) -> W.HTML:
    return W.HTML(f"<p style='margin:0.2em 0;white-space:normal'>{escape(text)}</p>",
                  layout=W.Layout(width="100%", max_width="48em"))


# Results shown in a form (feedback, tables, charts) at a size people read without leaning in:
# the chart at its own size up to the form's width, tables with room between the columns.
_READABLE_CSS = (
    ".netkit-readable{font-size:14px;line-height:1.45;max-width:52em;white-space:normal}"
    ".netkit-readable img{max-width:100%;height:auto}"
    ".netkit-readable figure{margin:0.6em 0}"
    ".netkit-readable figcaption,.netkit-readable caption{color:#444;font-size:13px;text-align:left;padding:2px 0}"
    ".netkit-readable table{border-collapse:collapse;margin:0.6em 0;font-size:14px}"
    ".netkit-readable th,.netkit-readable td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;"
    "vertical-align:top}"
    ".netkit-readable .num{text-align:right;font-variant-numeric:tabular-nums}"
)


def readable(fragment: str) -> str:
    """An HTML fragment (already escaped) with the forms' reading size for text, tables and charts."""
    return f"<div class='netkit-readable'><style>{_READABLE_CSS}</style>{fragment}</div>"


def label_html(text: str) -> W.HTML:
    """A question's full text above its control: it wraps on narrow screens, never cut off."""
    label = W.HTML(f"<div style='white-space:normal;font-weight:600;line-height:1.3'>{escape(text)}</div>",
                   layout=W.Layout(width="100%", max_width="34em", margin="0.6em 0 0.1em 0"))
    label.add_class("netkit-label")
    return label


def labelled(text: str, control: W.Widget) -> W.VBox:
    """``control`` with its question written in full above it (not in a fixed-width description)."""
    box = W.VBox([label_html(text), control], layout=W.Layout(width="100%"))
    box.add_class("netkit-field")
    return box


def on_enter(text: W.Text, callback: Callable[[], None]) -> None:
    """Call ``callback`` when Enter is pressed in ``text`` — also with an empty box.

    The browser sends a ``submit`` message on Enter (after the value typed so far); this
    listens for it directly (``Text.on_submit`` is deprecated in ipywidgets 8, and watching
    ``value`` with ``continuous_update=False`` would also fire when the box loses focus, and
    not at all for an empty box). Tests press Enter with :func:`press_enter`.
    """

    def handle(_widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            callback()

    text.on_msg(handle)


def press_enter(text: W.Text) -> None:
    """What the browser does when Enter is pressed in ``text`` (for tests and scripts)."""
    text._handle_custom_msg({"event": "submit"}, [])
