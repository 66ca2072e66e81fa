"""The rings board: place everyone on rings of closeness around you and draw who knows whom.

A sociogram like Network Canvas's: you in the centre, four rings (inner = 4, very close …
outer = 1, not close), and a tray of the people not placed yet. Dragging a person onto a ring
saves their ``closeness``; dragging them back to the tray clears it (blank: not known).
Clicking one person, then another, draws the tie between them, or removes it (the census).
The keyboard does the same (select a person, press 1–4 or 0; Enter picks one person, T on
another draws or removes the line between the two; U undoes). Every change is saved at once through :meth:`netkit.store.Workspace.place`
and :meth:`~netkit.store.Workspace.set_tie`; where each person sits is kept in the workspace's
``manifest.json``, so a kernel restart shows the board as it was left.

The drawing is netkit's vendored vis-network inside an anywidget (no CDN): positions are
plain arithmetic, never a layout run, so a drop costs one small save.
"""
from __future__ import annotations

import math
from importlib import resources

import anywidget
import ipywidgets as W
import traitlets as T

from ..errors import NetkitError
from ..schema import ALTER_ATTRIBUTES, BadValue, parse_value
from ..viz.drawing import vis_network_source
from ..words import plural
from ._base import Form, escape, guarded, heading, paragraph

__all__ = ["RingsBoard", "BoardCanvas", "GEOMETRY", "RING_WORDS", "ring_of", "free_spot", "board_people"]

#: Each closeness answer in words (the schema's 1–4 scale, 4 = very close).
RING_WORDS = {4: "very close", 3: "close", 2: "somewhat close", 1: "not close"}

#: The board in drawing units: you at (0, 0); closeness c is the band between
#: ``inner + (4 - c) * band`` and that plus ``band``; the tray is a rectangle to the right.
GEOMETRY = {"inner": 70.0, "band": 90.0, "tray_x": 480.0, "tray_top": -410.0, "column": 220.0, "row": 40.0,
            "rows": 21}
_LABEL_CHARS = 17  # longer names are cut on the drawing (in full in the lists)
_BOX_HEIGHT = 38.0
_DIRECTIONS = 48


def ring_of(x: float, y: float) -> int | None:
    """The closeness a drop at ``(x, y)`` means: 4 … 1 on the rings, ``None`` in the tray.

    Inside the centre counts as the innermost ring and beyond the outer ring as the outermost;
    only the tray (right of ``GEOMETRY["tray_x"]``) means "not placed".

    >>> ring_of(0, 100), ring_of(0, -380), ring_of(500, 0), ring_of(5, 5), ring_of(0, 450)
    (4, 1, None, 4, 1)
    """
    if x >= GEOMETRY["tray_x"] - GEOMETRY["column"] / 4:
        return None
    band = int((math.hypot(x, y) - GEOMETRY["inner"]) // GEOMETRY["band"])
    return 4 - min(max(band, 0), 3)


def _band_middle(closeness: int) -> float:
    return GEOMETRY["inner"] + (4 - closeness + 0.5) * GEOMETRY["band"]


def _on_ring(closeness: int, angle: float, nudge: float = 0.0) -> tuple[float, float]:
    radius = _band_middle(closeness) + nudge
    return round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)


def _within_band(closeness: int, x: float, y: float) -> tuple[float, float]:
    """(x, y) moved straight in or out, just far enough to lie inside ring ``closeness``'s band."""
    r = math.hypot(x, y)
    low = GEOMETRY["inner"] + (4 - closeness) * GEOMETRY["band"] + _BOX_HEIGHT / 2
    high = low + GEOMETRY["band"] - _BOX_HEIGHT
    if low <= r <= high:
        return round(x, 1), round(y, 1)
    angle = math.atan2(y, x) if r else -math.pi / 2
    r = min(max(r, low), high)
    return round(r * math.cos(angle), 1), round(r * math.sin(angle), 1)


def _tray_slot(i: int) -> tuple[float, float]:
    column, row = divmod(i, int(GEOMETRY["rows"]))
    return (GEOMETRY["tray_x"] + GEOMETRY["column"] * (column + 0.5),
            GEOMETRY["tray_top"] + GEOMETRY["row"] * (row + 0.5))


def _label(name: str) -> str:
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1].rstrip() + "…"


def _box(x: float, y: float, label: str) -> tuple[float, float, float, float]:
    """The room a name takes on the drawing (18-unit text: about 11.5 units a letter, as drawn in Chromium)."""
    half = (11.5 * len(label) + 16) / 2
    return x - half, y - _BOX_HEIGHT / 2, x + half, y + _BOX_HEIGHT / 2


def _reserved() -> list[tuple[float, float, float, float]]:
    """What people placed by the board must leave free: you, and each ring's name at the top of its band."""
    boxes = [_box(0.0, 0.0, "You")]
    for c, words in RING_WORDS.items():
        half = 10.5 * len(f"{c} · {words}") / 2 + 4
        boxes.append((-half, -_band_middle(c) - 12, half, -_band_middle(c) + 12))
    return boxes


def _is_free(box: tuple, taken: list[tuple]) -> bool:
    return all(box[2] + 4 <= t[0] or t[2] + 4 <= box[0] or box[3] + 2 <= t[1] or t[3] + 2 <= box[1] for t in taken)


def free_spot(closeness: int, label: str, taken: list[tuple], *, angle: float | None = None) -> tuple[float, float]:
    """A place on ring ``closeness`` where ``label`` covers none of the ``taken`` boxes.

    Tries directions outwards from ``angle`` (default: straight up), each on the middle of the
    ring's band and a third of a band either side; a full ring gives the first direction back.
    """
    start = -math.pi / 2 if angle is None else angle
    for k in range(_DIRECTIONS):
        turn = (k + 1) // 2 * (2 * math.pi / _DIRECTIONS) * (1 if k % 2 else -1)
        for nudge in (0.0, -GEOMETRY["band"] / 3, GEOMETRY["band"] / 3):
            x, y = _on_ring(closeness, start + turn, nudge)
            if _is_free(_box(x, y, label), taken):
                return x, y
    return _on_ring(closeness, start)


def board_people(people, positions: dict[str, tuple[float, float]],
                 placed: dict[str, tuple[int, float, float]] | None = None) -> list[dict]:
    """Everyone as the front end draws them: id, name, label, closeness (0 = tray) and x, y.

    A saved position is kept when it lies on the person's ring. Anyone on a ring without one
    (closeness given in the forms; or changed there, when they keep their direction) gets a
    free spot where their name covers nobody else's. ``placed`` (alter_id -> (ring, x, y))
    remembers those spots between calls, so nobody jumps when the board is redrawn.
    """
    placed = {} if placed is None else placed
    out, taken, in_tray = [], _reserved(), 0
    for aid, name, closeness in zip(people["alter_id"], people["name"], people["closeness"]):
        name = name or aid
        ring = int(closeness) if closeness in ("1", "2", "3", "4") else 0
        person = {"id": aid, "name": name, "label": _label(name), "closeness": ring, "x": None, "y": None}
        if ring == 0:
            person["x"], person["y"] = _tray_slot(in_tray)
            in_tray += 1
        elif aid in positions and ring_of(*positions[aid]) == ring:
            person["x"], person["y"] = positions[aid]
        elif placed.get(aid, (0,))[0] == ring:
            person["x"], person["y"] = placed[aid][1:]
        if person["x"] is not None and ring:
            taken.append(_box(person["x"], person["y"], person["label"]))
        out.append(person)
    for person in out:  # the rest find room among those already there
        if person["x"] is None:
            old = positions.get(person["id"])
            angle = math.atan2(old[1], old[0]) if old and old != (0.0, 0.0) else None
            person["x"], person["y"] = free_spot(person["closeness"], person["label"], taken, angle=angle)
            taken.append(_box(person["x"], person["y"], person["label"]))
            placed[person["id"]] = (person["closeness"], person["x"], person["y"])
    return out


def _ring_number(closeness: object) -> int | None:
    """A ring from a drop, a key or a script: 1–4, or ``None`` for 0 / blank (the tray)."""
    if closeness in (0, "0"):
        return None
    try:
        return parse_value(closeness, ALTER_ATTRIBUTES["closeness"])
    except BadValue as exc:
        raise NetkitError(f"{exc} for closeness; {ALTER_ATTRIBUTES['closeness'].fix}, or 0 for the tray.") from None


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


class BoardCanvas(anywidget.AnyWidget):
    """The drawing itself (the front end, ``board.js``): vis-network with the rings and the tray.

    Python sends ``people``, ``ties`` and ``ego``; the front end sends each drop, click or key as
    a message that becomes ``action`` — ``{"kind": "place", "alter_id", "closeness" (1–4 or None),
    "x", "y"}``, ``{"kind": "tie", "a", "b"}`` or ``{"kind": "undo"}``, each with a fresh ``seq``.
    A message, not a synced trait: ipywidgets holds back a trait update from the page while the
    previous one is unanswered, which lost quick key presses; messages go at once, in order.
    """

    _esm = T.Unicode(_asset("board.js")).tag(sync=True)
    _css = T.Unicode(_asset("board.css")).tag(sync=True)
    vis_source = T.Unicode("").tag(sync=True)
    geometry = T.Dict(GEOMETRY).tag(sync=True)
    words = T.Dict({str(k): v for k, v in RING_WORDS.items()}).tag(sync=True)
    ego = T.Unicode("You").tag(sync=True)
    people = T.List(T.Dict()).tag(sync=True)
    ties = T.List(T.List(T.Unicode())).tag(sync=True)
    action = T.Dict()
    status = T.Unicode("").tag(sync=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(vis_source=vis_network_source(), **kwargs)
        self.on_msg(self._received)

    def _received(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("kind") in ("place", "tie", "undo"):
            self.action = content


class RingsBoard(Form):
    """Place the people of a workspace on rings of closeness and draw who knows whom.

    Parameters
    ----------
    workspace : Workspace or str, optional
        The participant's workspace (default ``"my-network"``).

    Notes
    -----
    ``canvas`` is the drawing (:class:`BoardCanvas`); ``placed`` the list of who is on which
    ring and which ties are drawn, in words; ``undo_button`` takes back the last change made
    here. :meth:`place`, :meth:`tie` and :meth:`undo` are what a drop, a click on two people
    and the undo button do, for scripts and tests.

    Examples
    --------
    >>> import tempfile, netkit as nk
    >>> ws = nk.Workspace("demo", root=tempfile.mkdtemp())
    >>> ana, ben = ws.add_person("Ana"), ws.add_person("Ben")
    >>> board = RingsBoard(ws)
    >>> board.place(ana, 4)
    >>> board.tie(ana, ben)
    >>> ws.people()["closeness"].tolist(), len(ws.ties())
    (['4', ''], 1)
    >>> board.undo()
    >>> len(ws.ties())
    0
    """

    def __init__(self, workspace=None) -> None:
        super().__init__(workspace)
        self.canvas = BoardCanvas(layout=W.Layout(width="100%"))
        self.canvas.add_class("netkit-board-canvas")
        self.canvas.observe(self._acted, "action")
        self.undo_button = W.Button(description="Undo last change", icon="undo", layout=W.Layout(width="auto"))
        self.undo_button.add_class("netkit-board-undo")
        self.undo_button.on_click(lambda _: self.undo())
        self.placed = W.HTML()
        self.placed.add_class("netkit-board-placed")
        self.history: list[tuple] = []
        self._spots: dict[str, tuple[int, float, float]] = {}  # where people without a saved place are drawn
        self.children = [
            heading("Place your people"),
            paragraph("Drag each person from the tray onto a ring: the closer you feel to them, the nearer to you. "
                      "Drag someone back to the tray if you are not sure. Click one person, then another, to draw "
                      "a line when the two know each other; click the pair again to remove it. "
                      "Everything is saved as you go."),
            self.canvas, W.HBox([self.undo_button, self.refresh_button]), self.message, self.placed,
        ]
        self.add_class("netkit-board")
        self.reload()

    # reading ----------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the workspace and redraw (only what changed moves on the page)."""
        people = self.workspace.people()
        ties = self.workspace.ties()
        positions = self.workspace.board_positions()
        ids = set(people["alter_id"])
        self.canvas.ego = self.workspace.ego_name() or "You"
        self.canvas.people = board_people(people, positions, self._spots)
        pairs = {tuple(sorted((s, t))) for s, t in zip(ties["source"], ties["target"]) if s in ids and t in ids and s != t}
        self.canvas.ties = [list(pair) for pair in sorted(pairs)]
        self.placed.value = self._placed_html()
        if not ids:
            self.say("Nobody to place yet: add the people you know with the name generator first, "
                     "then press Refresh.", "info")

    def _placed_html(self) -> str:
        people = self.canvas.people
        names = {p["id"]: p["name"] for p in people}
        parts = []
        for ring, words in RING_WORDS.items():
            on = [escape(p["name"]) for p in people if p["closeness"] == ring]
            parts.append(f"<li><b>Ring {ring} · {words}</b> ({len(on)}): {', '.join(on) or '—'}</li>")
        tray = [escape(p["name"]) for p in people if p["closeness"] == 0]
        parts.append(f"<li><b>Not placed yet</b> ({len(tray)}): {', '.join(tray) or '—'}</li>")
        ties = [f"{escape(names[a])} – {escape(names[b])}" for a, b in self.canvas.ties]
        parts.append(f"<li><b>Who knows whom</b> ({plural(len(ties), 'tie')}): {'; '.join(ties) or '—'}</li>")
        return ("<div role='region' aria-label='What is placed on the board' style='white-space:normal;"
                "font-size:14px;max-width:60em'><ul style='margin:0.3em 0;padding-left:1.2em'>"
                + "".join(parts) + "</ul></div>")

    def _room_on(self, ring: int, alter_id: str) -> tuple[float, float]:
        """A free spot on ``ring`` for one person, as near as there is to the direction they had."""
        taken = _reserved() + [_box(p["x"], p["y"], p["label"]) for p in self.canvas.people
                                if p["closeness"] and p["id"] != alter_id]
        me = next((p for p in self.canvas.people if p["id"] == alter_id), None)
        angle = math.atan2(me["y"], me["x"]) if me and me["closeness"] else None
        return free_spot(ring, _label(self._name(alter_id)), taken, angle=angle)

    def _name(self, alter_id: str) -> str:
        return next((p["name"] for p in self.canvas.people if p["id"] == alter_id), alter_id)

    # changing ---------------------------------------------------------

    @guarded
    def _acted(self, change) -> None:
        action = change["new"] or {}
        kind = action.get("kind")
        if kind == "place":
            position = (action["x"], action["y"]) if action.get("x") is not None else None
            self.place(str(action.get("alter_id")), action.get("closeness"), position=position)
        elif kind == "tie":
            self.tie(str(action.get("a")), str(action.get("b")))
        elif kind == "undo":
            self.undo()

    @guarded
    def place(self, alter_id: str, closeness: int | None, *, position: tuple[float, float] | None = None) -> None:
        """Put one person on ring ``closeness`` (1–4), or back in the tray (``None``: not known)."""
        ring = _ring_number(closeness)
        if ring is None:
            position = None
        elif position is None or ring_of(*position) != ring:  # a key or a script: find room on the ring
            position = self._room_on(ring, alter_id)
        else:
            position = _within_band(ring, *position)  # dropped on you or past the outer ring
        where = f"on ring {ring} ({RING_WORDS[ring]})" if ring else "back in the tray (closeness not known)"
        if self.save(lambda: self.workspace.place(alter_id, ring, position=position),
                     ok=f"Saved: {self._name(alter_id)} {where}."):
            self.history.append(("place", alter_id) + tuple(self.last_result))
            self._after_change()

    @guarded
    def tie(self, a: str, b: str) -> None:
        """Draw the tie between ``a`` and ``b``, or remove it if it is there (what two clicks do)."""
        if a == b:
            self.say("Pick two different people to draw a line between them.", "warn")
            return
        ties = self.workspace.ties()
        present = any({s, t} == {a, b} for s, t in zip(ties["source"], ties["target"]))
        verb = "do not know each other any more" if present else "know each other"
        if self.save(lambda: self.workspace.set_tie(a, b, not present),
                     ok=f"Saved: {self._name(a)} and {self._name(b)} {verb}."):
            self.history.append(("tie", a, b, present))
            self._after_change()

    @guarded
    def undo(self) -> None:
        """Take back the last change made on this board (again and again, back to when it opened)."""
        if not self.history:
            self.say("Nothing to undo yet: changes made on this board since it opened can be undone.", "info")
            return
        step = self.history[-1]
        if step[0] == "place":
            _, alter_id, closeness, position = step
            action = lambda: self.workspace.place(alter_id, closeness, position=position)  # noqa: E731
            back = f"ring {closeness} ({RING_WORDS[int(closeness)]})" if closeness else "the tray"
            ok = f"Undone: {self._name(alter_id)} is back in {back}."
        else:
            _, a, b, present = step
            action = lambda: self.workspace.set_tie(a, b, present)  # noqa: E731
            ok = f"Undone: the line between {self._name(a)} and {self._name(b)} is {'back' if present else 'gone'}."
        if self.save(action, ok=ok):
            self.history.pop()
            self._after_change()

    def _after_change(self) -> None:
        self.refresh()

    def say(self, text: str, kind: str = "info") -> None:
        """The message under the board, also announced on the drawing (for screen readers too)."""
        super().say(text, kind)
        if hasattr(self, "canvas"):
            self.canvas.status = self.message_text
