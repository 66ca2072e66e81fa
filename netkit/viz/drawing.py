"""Interactive drawings: pyvis networks shown through netkit's own page, offline, sandboxed and safe.

``draw`` runs in three stages, each a function of the one before:

1. **scene** (:func:`build_scene`): which people and ties are drawn (large networks are cut
   down), their measures (tie strength, degree, clusters) and seeded positions — a
   :class:`Scene`;
2. **encodings** (:func:`encode`): colour, size, labels and tooltips of the people, width,
   colour and dash of the lines, and the legend — an :class:`Encodings`;
3. **page**: a pyvis ``Network`` holding the nodes and lines, wrapped in a :class:`Drawing`,
   which renders netkit's own template (vis-network inlined from the copy vendored in
   ``netkit/viz/static``, data as escaped JSON, tooltips as text) each time it is shown or saved.
"""
from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import re
import warnings
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from ..arguments import RENAMED_IN
from ..errors import NetkitError
from ..html import render
from ..words import plural
from ..frame import as_network
from ..model import EgoNetwork, WholeNetwork, prepare, scales_of, select_ego
from ..schema import DEFAULT_SCALES
from .layouts import Guides, hub_layout, rings_layout, spring_layout

__all__ = [
    "Drawing",
    "draw",
    "draw_to_file",
    "pseudonyms",
    "LAYOUTS",
    "PALETTE",
    "script_json",
    "vis_network_source",
]

LAYOUTS = ("rings", "hub", "web", "spring")
RINGS = ("strength", "layer")

#: Paul Tol's "muted" scheme: nine colours told apart with every common colour-vision deficiency.
PALETTE = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499")
OTHER_COLOUR = "#9E9E9E"
MISSING_COLOUR = "#DDDDDD"
EGO_COLOUR = "#333333"
# viridis, dark to light, for ordered values (more = darker)
_VIRIDIS = ("#440154", "#482878", "#3E4A89", "#31688E", "#26828E", "#1F9E89", "#35B779", "#6DCD59", "#B4DE2C", "#FDE725")
EDGE_COLOUR = "#8C8C8C"
SPOKE_COLOUR = "#C4C4C4"
BRIDGE_COLOUR = "#D55E00"  # Okabe–Ito vermillion
INTRO_COLOUR = "#0072B2"  # Okabe–Ito blue
WEAK_DASH = [8, 6]
INTRO_DASH = [2, 6]

_LABEL_CHARS = 32
#: Label size in CSS pixels at the fitted view (names stay at least this big whatever the layout's scale).
LABEL_PX = 12.5
#: System fonts only (nothing is fetched), with the colour-emoji fonts of each system for names with emoji.
FONT_STACK = ('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, '
              '"Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji", sans-serif')
_TIP_CHARS = 300
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\r\n\t\v\f\u0085\u2028\u2029]+")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TEMPLATES = Path(__file__).with_name("templates")

_CLOSENESS = {1: "not close", 2: "somewhat close", 3: "close", 4: "very close"}
_FREQUENCY = {1: "less than yearly", 2: "a few times a year", 3: "monthly", 4: "weekly", 5: "daily"}
_STRENGTH_RINGS = ["strength 0.75–1", "0.50–0.75", "0.25–0.50", "below 0.25", "strength unknown"]
_LAYER_RINGS = ["closest 5", "next 10 (15)", "next 35 (50)", "next 100 (150)", "beyond 150", "strength unknown"]
_NAME_COLUMNS = ("name", "label", "notes", "alter_id", "node_id", "node", "key")
# columns the tooltips always show in their own words (or never, for names)
_TIP_COLUMNS = ("key", "is_ego", "name", "context", "closeness", "frequency", "years_known", "confiding",
                "support_given", "support_received", "last_contact", "notes")


# ----------------------------------------------------------------------------- text helpers


def _text(value: Any) -> str:
    """User text as one line: line breaks and tabs become spaces (a name cannot fake tooltip lines)."""
    return _SPACE.sub(" ", str(value)).strip()


def _isolate(text: str) -> str:
    """Keep right-to-left overrides inside the text they belong to (Unicode isolates FSI … PDI)."""
    return f"\u2068{text}\u2069" if _BIDI.search(text) else text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: Any, limit: int = _TIP_CHARS) -> str:
    return _isolate(_clip(_text(value), limit))


def _missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, (float, np.floating)):
        return bool(np.isnan(v))
    if isinstance(v, str):
        return v.strip() == ""
    return False


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ASCII-only (``ensure_ascii``), so U+2028/U+2029 and lone surrogates become ``\\uXXXX``; and
    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026``, so no ``</script>`` or
    ``<!--`` can appear however the data are spelled. ``JSON.parse`` gives back the same text.
    """
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"), default=_json_default)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _json_default(o: Any):
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return None if np.isnan(o) else float(o)
    if isinstance(o, np.bool_):
        return bool(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    if hasattr(o, "__dict__"):  # pyvis option objects
        return o.__dict__
    return str(o)


def _clean_json(value: Any) -> Any:
    """NaN and infinities become null (JSON has no NaN), recursively."""
    if isinstance(value, dict):
        return {str(k): _clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_json(v) for v in value]
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    return value


def _id_column(table: pd.DataFrame, names: Sequence[str], old: str, what: str, source: str) -> pd.Series:
    """The id column of a measure's table, as text: the first of ``names`` it has, else ``old``.

    Parameters
    ----------
    table : DataFrame
        A table from a measure (``nk.clusters``, ``nk.suggest_introductions``, …).
    names : sequence of str
        The column's names in this release, in order of preference (e.g. ``alter_id`` for ego
        networks, ``node_id`` for whole networks).
    old : str
        The name the column had before.
    what, source : str
        For the error message: what was passed (``"introductions="``) and the function whose
        table it should be (``"nk.suggest_introductions"``).

    Returns
    -------
    Series of str

    Raises
    ------
    NetkitError
        The table has none of these columns.
    """
    for name in names:
        if name in table.columns:
            return table[name].astype(str)
    if old in table.columns:  # a table saved by netkit 0.1: still read, for one release
        warnings.warn(f"{what} has the column '{old}', netkit 0.1's name; it is now '{names[0]}' (the old name "
                      f"stops working after netkit {RENAMED_IN}).", FutureWarning, stacklevel=4)
        return table[old].astype(str)
    raise NetkitError(f"{what} lacks the column '{names[0]}'; pass the table {source} returns.")


# ----------------------------------------------------------------------------- assets


@lru_cache(maxsize=None)
def _static(name: str, ends: tuple[str, ...]) -> str:
    """A file vendored in ``netkit/viz/static``, checked so it cannot end the element it goes in.

    Read through ``importlib.resources`` so it is found however netkit is installed (wheel,
    editable, zip). ``ends`` are the lower-case strings that would close the element early.
    """
    try:
        text = resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NetkitError(
            f"netkit's copy of {name} is missing from netkit/viz/static; reinstall netkit "
            "(pip install --force-reinstall netkit, or pip install -e . in a checkout)."
        ) from None
    low = text.lower()
    for end in ends:
        if end in low:
            raise NetkitError(f"netkit/viz/static/{name} contains {end!r} and cannot be inlined safely; reinstall netkit.")
    return text


def _vis_js() -> str:
    """vis-network 9.1.2, vendored (no CDN, no file of another package); safe inside ``<script>``."""
    return _static("vis-network.min.js", ("</script", "<!--"))


def vis_network_source() -> str:
    """The vendored vis-network script every netkit drawing uses, for widgets that draw with it too."""
    return _vis_js()


def _vis_css() -> str:
    """vis-network's stylesheet (for the option panel of ``show_buttons()``); safe inside ``<style>``."""
    return _static("vis-network.css", ("</style",))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_CSP_SLOT = "netkit-policy-of-this-page"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)  # bodies of executable scripts and of styles


def _with_policy(page: str) -> str:
    """Fill the page's policy slot with the hashes of the inline scripts and styles it really has.

    Hashing the rendered page, not the parts put into it, keeps the policy right whatever the
    shared head partial adds; ``<script type="application/json">`` is data and is not listed.
    """
    bodies = {"script": [], "style": []}
    for kind, body in _INLINE.findall(page):
        bodies[kind].append(body)
    return page.replace(_CSP_SLOT, _csp(bodies["script"], bodies["style"]), 1)


def _csp(scripts: Sequence[str], styles: Sequence[str]) -> str:
    """A Content-Security-Policy that runs only these scripts and styles and fetches nothing."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(map(_sha256, scripts)),
        "style-src " + " ".join(map(_sha256, styles)),
        "img-src data:",
        "font-src 'none'",
        "connect-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
    ])


# ----------------------------------------------------------------------------- the drawing


@dataclass
class Drawing:
    """A drawn network: shows itself in notebooks, saves one standalone HTML file.

    Attributes
    ----------
    network : pyvis.network.Network
        The nodes, edges and vis-network options. Change them freely (``network.nodes``,
        ``network.edges``, ``network.heading``, ``network.toggle_physics(True)``,
        ``network.set_options(...)``, ``network.add_node(...)``): the page is rendered from the
        network every time it is shown or saved. Tooltips (``title``) are always shown as plain
        text. pyvis's own page features (``select_menu``, ``filter_menu``,
        ``neighborhood_highlight``) are not part of netkit's page; ``show_buttons()`` is.
    positions : dict
        Node id (alter id, the ego's node label, or whole-network node id) → ``(x, y)`` in pixels
        at zoom 1, y pointing down; the ego is at ``(0, 0)``.
    node_index : dict
        Node id → the id of its node in ``network`` (0, 1, …); page ids never carry names.
    legend : list of dict
        Sections ``{"title", "text", "items": [{"swatch", "color", "label", "count", ...}]}``,
        shown as escaped HTML beside the drawing; edit to change what the legend says.
    note : str
        What was left out (large networks) or worth knowing; shown above the drawing.
    guides : Guides
        Rings and sectors drawn under the ``rings`` and ``hub`` layouts.
    sources : tuple of str
        The file or folder the drawn network was read from: :meth:`save` never writes over it.
    """

    network: Any
    positions: dict = field(default_factory=dict)
    node_index: dict = field(default_factory=dict)
    legend: list = field(default_factory=list)
    note: str = ""
    guides: Guides = field(default_factory=Guides)
    layout: str = ""
    seed: int = 0
    sources: tuple = ()

    # -- what the page is made of

    def node(self, node_id) -> dict:
        """The pyvis node dict of a node, by its id in the network you drew (e.g. an alter id)."""
        try:
            page_id = self.node_index[str(node_id)]
        except KeyError:
            raise NetkitError(f"'{node_id}' is not a node of this drawing; check the id.") from None
        return self.network.node_map[page_id]

    def _options(self) -> dict:
        options = self.network.options
        if not isinstance(options, dict):
            options = json.loads(options.to_json())
        options = json.loads(json.dumps(options, default=_json_default))  # a copy we may change
        if getattr(self.network, "conf", False):
            options.setdefault("configure", {})["enabled"] = True
        return _clean_json(options)

    def _ignored_features(self) -> list[str]:
        nw = self.network
        names = [n for n in ("select_menu", "filter_menu", "neighborhood_highlight") if getattr(nw, n, False)]
        if getattr(nw, "use_DOT", False):
            names.append("from_DOT")
        return names

    def _page_data(self) -> dict:
        """What the page script reads: nodes, lines, options and guides, NaN-free for JSON."""
        nw = self.network
        return {
            "nodes": _clean_json([dict(n) for n in nw.nodes]),
            "edges": _clean_json([dict(e) for e in nw.edges]),
            "options": self._options(),
            "guides": self.guides.to_dict() if (self.guides.circles or self.guides.sectors) else None,
            "page": {"background": str(nw.bgcolor or "#ffffff"), "font": FONT_STACK, "labelSize": LABEL_PX},
        }

    def html(self) -> str:
        """The whole page: one standalone HTML file that needs no network.

        Rendered from :attr:`network` each time, so changes made there are included.

        Returns
        -------
        str
            The page; every script it runs is inlined and listed by hash in its
            Content-Security-Policy, and it fetches nothing.
        """
        ignored = self._ignored_features()
        if ignored:
            warnings.warn(
                f"pyvis's {', '.join(ignored)} is not part of netkit's page and is left out; "
                "use network.show_buttons() or vis-network options instead.",
                stacklevel=2,
            )
        from markupsafe import Markup

        nw = self.network
        data = self._page_data()
        configure = bool(data["options"].get("configure", {}).get("enabled"))
        css, app_js, vis_js = _asset("page.css"), _asset("drawing.js"), _vis_js()
        extra_css = [_vis_css()] if configure else []
        heading = _text(nw.heading or "")
        page = render(
            "drawing.html.j2",
            csp=_CSP_SLOT,
            title=_clip(heading, 200) or "netkit drawing",
            heading=heading,
            note=self.note,
            legend=_checked_legend(self.legend),
            configure=configure,
            aria_label=f"network drawing: {len(nw.nodes)} nodes, {len(nw.edges)} lines",
            extra_css=[css, *extra_css],
            data_json=Markup(script_json(data)),
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
        )
        return _with_policy(page)

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (one HTML file, nothing else needed) and return the path.

        Refused in one line when ``path`` is the file the network was read from or lies inside
        its folder (:attr:`sources`), or is something other than a new path or a regular file.
        """
        from ..io.atomic import atomic_write_text, check_output

        path = Path(path).expanduser()
        check_output(path, self.sources)
        atomic_write_text(path, self.html())
        return path

    def frame_height(self) -> int:
        """Height in pixels of the notebook frame, from ``network.height`` (e.g. ``"600px"``)."""
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(px)?\s*", str(self.network.height))
        return max(200, min(4000, int(float(m.group(1))))) if m else 600

    def _repr_html_(self) -> str:
        """A sandboxed frame holding the page: scripts run, but not with the notebook's origin."""
        height = self.frame_height()
        title = _clip(_text(self.network.heading or ""), 200) or "network drawing"
        return (
            f'<div class="netkit-drawing" style="position:relative;width:100%;height:{height}px;">'
            '<span style="position:absolute;left:12px;top:12px;color:#777;font-size:13px;">'
            "The drawing shows here once this output is trusted: run the cell again. "
            "To open it anywhere, save it with .save(&quot;network.html&quot;).</span>"
            f'<iframe sandbox="allow-scripts" title="{_html.escape(title, quote=True)}" '
            f'style="position:absolute;left:0;top:0;width:100%;height:{height}px;border:0;background:#fff;" '
            f'srcdoc="{_html.escape(self.html(), quote=True)}"></iframe></div>'
        )

    def __repr__(self) -> str:
        nw = self.network
        extra = f"; {self.note}" if self.note else ""
        return f"<Drawing ({self.layout}): {len(nw.nodes)} nodes, {len(nw.edges)} lines{extra}>"


def _checked_legend(legend: list) -> list:
    """The legend as plain data; colours must be #rrggbb (they go into SVG attributes)."""
    out = []
    for section in legend:
        items = []
        for item in section.get("items", []):
            color = str(item.get("color", EDGE_COLOUR))
            if not _HEX.match(color):
                raise NetkitError(f"legend colour {color!r} is not a colour like '#1f77b4'; use #rrggbb.")
            dash = " ".join(str(float(d)) for d in item.get("dash") or [])
            items.append({
                "swatch": "line" if item.get("swatch") == "line" else "dot",
                "color": color,
                "width": float(item.get("width", 2)),
                "dash": dash,
                "label": _shown(item.get("label", ""), 120),
                "count": item.get("count"),
            })
        out.append({"title": _shown(section.get("title", ""), 120), "text": _shown(section.get("text", ""), 400),
                    "items": items})
    return out


# ----------------------------------------------------------------------------- pseudonyms


def pseudonyms(net, *, ego: str | None = None) -> dict[str, str]:
    """Stand-in names for everyone in a network: ``Person 1``, ``Person 2``, … and ``Ego``.

    Numbered in the order people are listed (the alters table, or the graph's node order), so
    they are the same every time the same network is drawn. Used by ``draw(pseudonyms=True)``
    for screens shared in a workshop.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
    ego : str, optional
        For a collection, whose network; for a whole network, cut out this node's ego network.

    Returns
    -------
    dict
        Node id (alter id, the ego's node label, or whole-network node id) → stand-in name.

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.viz import pseudonyms
    >>> names = pseudonyms(nk.load_sample("personal"))
    >>> names["a01"], names["a40"], names["ego"]
    ('Person 1', 'Person 40', 'Ego')
    """
    net = _drawn_network(as_network(net), ego, "pseudonyms")
    if isinstance(net, WholeNetwork):
        return {str(n): f"Person {i}" for i, n in enumerate(net.G, start=1)}
    out = {str(a): f"Person {i}" for i, a in enumerate(net.alters["alter_id"], start=1)}
    out[str(net.ego_node)] = "Ego"
    return out


def _drawn_network(net, ego: str | None, what: str):
    """The one network to draw: a whole network as it is, else one ego network (``ego=`` picks it)."""
    if isinstance(net, WholeNetwork) and ego is None:
        return net  # a whole network is drawn whole; ego= would cut one person's network out of it
    return select_ego(net, ego, one=True, what=what)


# ----------------------------------------------------------------------------- what was asked


@dataclass(frozen=True, eq=False)  # eq=False: it may hold a DataFrame (ties=)
class DrawOptions:
    """The keyword arguments of :func:`draw`, checked, with the layout chosen.

    The stages read their settings from here instead of taking them one by one; see
    :func:`draw` for what each one means. ``cut_from_whole`` says the ego network was cut out
    of a whole network (the legend then says "ego", not "ego (you)").
    """

    layout: str = "rings"
    color_by: str | None = None
    size_by: str | None = None
    labels: bool = True
    pseudonyms: bool = False
    seed: int = 0
    physics: bool = False
    introductions: Any = None
    rings: str = "strength"
    sectors: str | bool | None = None
    ties: pd.DataFrame | None = None
    weight: str | None = None
    tooltip: tuple = ()
    title: str | None = None
    height: int = 600
    max_nodes: int = 5000
    max_edges: int = 50_000
    cut_from_whole: bool = False


def _checked_options(net, options: DrawOptions, layout: str | None) -> DrawOptions:
    """``options`` with the default layout for ``net``; every argument that can be checked before drawing is."""
    whole = isinstance(net, WholeNetwork)
    if layout is None:
        layout = "spring" if whole else "rings"
    if layout not in LAYOUTS:
        raise NetkitError(f"layout={layout!r} is not a layout; choose one of {', '.join(map(repr, LAYOUTS))}.")
    if whole and layout != "spring":
        raise NetkitError(
            f"layout={layout!r} needs an ego network; pass ego=NODE to draw one person's network from "
            "this whole network, or use layout='spring'."
        )
    for name in ("max_nodes", "max_edges", "height"):
        value = getattr(options, name)
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise NetkitError(f"{name}={value!r} must be a whole number, 1 or more.")
    if options.pseudonyms:
        asked = (("color_by", options.color_by), ("size_by", options.size_by), *(("tooltip", t) for t in options.tooltip))
        for what, value in asked:
            if value in _NAME_COLUMNS:
                raise NetkitError(f"{what}={value!r} would show names, which pseudonyms=True hides; choose another column.")
    return replace(options, layout=layout, max_nodes=int(options.max_nodes), max_edges=int(options.max_edges),
                   height=int(options.height))


def _colour_by(options: DrawOptions, nodes: pd.DataFrame) -> str:
    """What colours the people: as asked, else context on rings (when there is one), else cluster."""
    if options.color_by is not None:
        return options.color_by
    return "context" if options.layout == "rings" and _has_values(nodes, "context") else "cluster"


def _has_values(nodes: pd.DataFrame, column: str) -> bool:
    return column in nodes.columns and nodes.loc[~nodes["is_ego"], column].map(lambda v: not _missing(v)).any()


# ----------------------------------------------------------------------------- stage 1: the scene


@dataclass
class People:
    """The people drawn, one entry each, in drawing order (an ego network's ego, when drawn, last).

    Attributes
    ----------
    keys : ndarray of str
        Node ids: alter ids, the ego's node label, or whole-network node ids.
    is_ego : ndarray of bool
    names : list of str
        Names for labels and tooltips (the stand-ins under ``pseudonyms=True``).
    strength, tie, layer : ndarray
        Of each person's tie to the ego: strength from 0 to 1 (NaN: unknown, the ego, or a
        whole network), ``"weak"`` or ``"strong"``, and Dunbar layer (None: unknown).
    degree : ndarray of int
        Ties among the people drawn, the ego's own left out.
    community, component : ndarray of float, optional
        Cluster numbers from 0, largest first (NaN for the ego); None when nothing needs them.
    index : dict
        Node id → position in these arrays, which is also the node's id on the page.
    """

    keys: np.ndarray
    is_ego: np.ndarray
    names: list
    strength: np.ndarray
    tie: np.ndarray
    layer: np.ndarray
    degree: np.ndarray
    community: np.ndarray | None = None
    component: np.ndarray | None = None
    index: dict = field(default_factory=dict)


@dataclass
class Links:
    """Ties among some people, the ego's own left out, as pairs of positions (``src[i]``–``dst[i]``)."""

    src: np.ndarray
    dst: np.ndarray

    def degree(self, n: int) -> np.ndarray:
        """Ties of each of ``n`` people."""
        if not len(self.src):
            return np.zeros(n, int)
        return np.bincount(np.concatenate([self.src, self.dst]), minlength=n)


@dataclass
class Scene:
    """What a drawing shows, before any colour or size is chosen; made by :func:`build_scene`.

    Attributes
    ----------
    net : EgoNetwork or WholeNetwork
        The one network drawn.
    nodes : DataFrame
        ``key``, ``is_ego``, ``name`` and the attribute columns, one row per person drawn.
    edges : DataFrame
        ``source``, ``target`` (node ids), ``kind``, ``strength``, ``tie``, ``layer``,
        ``overlap``, ``local_bridge`` and ``span``, one row per tie drawn.
    spokes : DataFrame
        ``strength``, ``tie`` and ``layer`` of each alter's tie to the ego, indexed by alter id;
        kept even when those ties are not drawn (``layout="web"``). Empty for a whole network.
    ego_key : str or None
        The ego's node id; None for a whole network. Under ``layout="web"`` the ego is not drawn.
    whole, directed : bool
        A whole network; directed ties (drawn with arrows).
    total_nodes : int
        People in the network before any were left out.
    reduced : bool
        Whether people or ties were left out to keep the drawing readable.
    notes : list of str
        What was left out or is worth knowing, for the line above the drawing.
    people : People
        Per-person measures, in the order of ``nodes``.
    links : Links
        Ties among the people drawn, the ego's own left out.
    positions : ndarray
        ``(n, 2)`` pixels at zoom 1, y down, in the order of ``nodes``; the ego at ``(0, 0)``.
    guides : Guides
        Rings and sectors drawn under the ``rings`` and ``hub`` layouts.
    """

    net: Any
    nodes: pd.DataFrame
    edges: pd.DataFrame
    spokes: pd.DataFrame
    ego_key: str | None
    whole: bool
    directed: bool
    total_nodes: int
    reduced: bool = False
    notes: list = field(default_factory=list)
    people: People | None = None  # the stages of build_scene fill these in
    links: Links | None = None
    positions: np.ndarray | None = None
    guides: Guides = field(default_factory=Guides)


def build_scene(net, options: DrawOptions) -> Scene:
    """Stage 1, network → scene: who and which ties are drawn, their measures and their places.

    Parameters
    ----------
    net : EgoNetwork or WholeNetwork
        One network (a collection's ego is picked before, with ``ego=``).
    options : DrawOptions
        Checked options; the layout is set.

    Returns
    -------
    Scene
        Complete: the tables, per-person measures, ties among the people, and positions.

    Raises
    ------
    NetkitError
        A ``ties=`` table that is not this network's, an unknown ``rings=``/``sectors=``, or a
        network with nobody in it yet.
    """
    if isinstance(net, EgoNetwork) and net.size == 0:
        raise NetkitError(f"{net.source or 'this network'}: has no people yet, so there is nothing to draw; add "
                          "them first (notebook 01, tab '1 People', or the alters table).")
    if isinstance(net, WholeNetwork) and net.G.number_of_nodes() == 0:
        raise NetkitError(f"{net.source or 'this network'}: has no nodes, so there is nothing to draw.")
    scene = _select(net, options)
    scene.people, scene.links = _measure(scene, options)
    scene.positions, scene.guides = _place(scene, options)
    return scene


def _node_table(net) -> tuple[pd.DataFrame, str | None]:
    if isinstance(net, WholeNetwork):
        rows = []
        for n, attrs in net.G.nodes(data=True):
            row = {k: v for k, v in attrs.items() if k not in ("key", "is_ego")}
            name = attrs.get("name", attrs.get("label"))
            row.update(key=str(n), is_ego=False, name=str(n) if _missing(name) else str(name))
            rows.append(row)
        table = pd.DataFrame(rows, columns=None)
        if table.empty:
            table = pd.DataFrame({"key": pd.Series(dtype=object), "is_ego": pd.Series(dtype=bool),
                                  "name": pd.Series(dtype=object)})
        return table, None
    alters = net.alters.copy()
    keys = alters["alter_id"].astype(str)
    if "name" in alters.columns:
        names = [str(k) if _missing(v) else str(v) for k, v in zip(keys, alters["name"])]
    else:
        names = list(keys)
    alters = alters.drop(columns=[c for c in ("name", "key", "is_ego") if c in alters.columns])
    alters.insert(0, "key", keys.to_numpy(dtype=object))
    alters.insert(1, "is_ego", False)
    alters.insert(2, "name", names)
    ego_name = net.ego.get("name")
    ego_row = {"key": str(net.ego_node), "is_ego": True, "name": str(net.ego_id) if _missing(ego_name) else str(ego_name)}
    table = pd.concat([alters, pd.DataFrame([ego_row])], ignore_index=True)
    return table, str(net.ego_node)


def _tie_rows(net, ties: pd.DataFrame | None, weight: str | None) -> pd.DataFrame:
    if ties is None:
        from ..ties import tie_table

        if weight is None:  # use a 'weight' column when there is one: it gives alter ties a strength
            if isinstance(net, WholeNetwork):
                has = any("weight" in d for _, _, d in net.G.edges(data=True))
            else:
                has = "weight" in net.ties.columns
            weight = "weight" if has else None
        ties = tie_table(net, weight=weight)
    elif not isinstance(ties, pd.DataFrame):
        raise NetkitError(f"ties= must be a table from nk.tie_table(net), got {type(ties).__name__}.")
    missing = [c for c in ("source", "target") if c not in ties.columns]
    if missing:
        raise NetkitError(f"ties= lacks the column '{missing[0]}'; pass the table nk.tie_table(net) returns.")
    out = pd.DataFrame({"source": ties["source"].astype(str).to_numpy(), "target": ties["target"].astype(str).to_numpy()})
    out["kind"] = ties["kind"].astype(str).to_numpy() if "kind" in ties else "edge"
    out["strength"] = pd.to_numeric(ties["strength"], errors="coerce").to_numpy() if "strength" in ties else np.nan
    for col in ("tie", "layer"):
        out[col] = ties[col].astype(object).where(ties[col].notna(), None).to_numpy() if col in ties else None
    out["overlap"] = pd.to_numeric(ties["overlap"], errors="coerce").to_numpy() if "overlap" in ties else np.nan
    out["local_bridge"] = ties["local_bridge"].fillna(False).astype(bool).to_numpy() if "local_bridge" in ties else False
    out["span"] = pd.to_numeric(ties["span"], errors="coerce").to_numpy() if "span" in ties else np.nan
    return out


def _select(net, options: DrawOptions) -> Scene:
    """Which people and ties are drawn: everyone, the alters alone for ``web``, a part of large networks."""
    nodes, ego_key = _node_table(net)
    edges = _tie_rows(net, options.ties, options.weight)
    known = set(nodes["key"])
    unknown = ~(edges["source"].isin(known) & edges["target"].isin(known))
    if unknown.any():
        row = edges[unknown].iloc[0]
        raise NetkitError(f"ties= names '{row['source']}'–'{row['target']}', who are not both in this network; "
                          "pass the table nk.tie_table(net) returns for this same network.")
    edges = edges[edges["source"] != edges["target"]].reset_index(drop=True)
    whole = isinstance(net, WholeNetwork)
    # the ties to the ego, before any are cut: "web" and large drawings leave them out, but
    # the tooltips, colours and the choice of whom to keep still describe them
    spokes = edges[edges["kind"] == "ego-alter"] if not whole else edges.iloc[0:0]
    spokes = spokes.drop_duplicates("target").set_index("target")[["strength", "tie", "layer"]]
    scene = Scene(net, nodes, edges, spokes, ego_key, whole, bool(net.directed),
                  total_nodes=int((~nodes["is_ego"]).sum()))
    if options.layout == "web":  # the alters alone
        scene.nodes = nodes[~nodes["is_ego"]].reset_index(drop=True)
        scene.edges = edges[(edges["source"] != ego_key) & (edges["target"] != ego_key)].reset_index(drop=True)
    _reduce(scene, options.max_nodes, options.max_edges)
    return scene


def _links(keys: np.ndarray, edges: pd.DataFrame, ego_key: str | None) -> Links:
    """The ties of ``edges`` between two of ``keys`` and not touching the ego, as positions in ``keys``."""
    pos = pd.Series(np.arange(len(keys), dtype=np.int64), index=keys)
    among = edges["source"].isin(pos.index) & edges["target"].isin(pos.index)
    if ego_key is not None:
        among &= (edges["source"] != ego_key) & (edges["target"] != ego_key)
    src = pos.reindex(edges.loc[among, "source"]).to_numpy(dtype=np.int64)
    dst = pos.reindex(edges.loc[among, "target"]).to_numpy(dtype=np.int64)
    return Links(src, dst)


_MORE = "Pass max_nodes= to draw more (the browser slows down past a few thousand)."


def _reduce(scene: Scene, max_nodes: int, max_edges: int) -> None:
    """Past ``max_nodes`` people or ``max_edges`` ties, keep a readable part and say which."""
    people = scene.nodes[~scene.nodes["is_ego"]]
    if len(people) > max_nodes:
        keys = people["key"].to_numpy()
        links = _links(keys, scene.edges, None)
        if scene.ego_key is not None:
            keep, note = _strongest_people(scene, keys, links, max_nodes)
        else:
            keep, note = _largest_groups(len(keys), links, max_nodes)
        scene.notes.append(note)
        kept = set(keys[keep])
        if scene.ego_key is not None:
            kept.add(scene.ego_key)
        scene.nodes = scene.nodes[scene.nodes["key"].isin(kept)].reset_index(drop=True)
        scene.edges = scene.edges[scene.edges["source"].isin(kept) & scene.edges["target"].isin(kept)].reset_index(drop=True)
        scene.reduced = True
    if len(scene.edges) > max_edges:
        _keep_ties(scene, max_edges)


def _strongest_people(scene: Scene, keys: np.ndarray, links: Links, max_nodes: int) -> tuple[np.ndarray, str]:
    """In an ego network everyone is connected through the ego: keep the strongest ties, then the best connected."""
    n = len(keys)
    degree = links.degree(n)
    strength = scene.spokes["strength"].reindex(keys).fillna(-1).to_numpy()
    order = np.lexsort((np.arange(n), -degree, -strength))
    note = (f"Showing {max_nodes:,} of {n:,} people: those with the strongest ties to the ego, then the "
            f"best connected. {_MORE}")
    return np.sort(order[:max_nodes]), note


def _largest_groups(n: int, links: Links, max_nodes: int) -> tuple[np.ndarray, str]:
    """Keep the largest connected groups that fit, or the best connected of the largest group."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    A = csr_matrix((np.ones(len(links.src)), (links.src, links.dst)), shape=(n, n))
    n_comp, comp = connected_components(A, directed=False)
    sizes = np.bincount(comp, minlength=n_comp)
    ranked = sorted(range(n_comp), key=lambda c: (-sizes[c], c))
    chosen, total = [], 0
    for c in ranked:
        if total + sizes[c] > max_nodes:
            break
        chosen.append(c)
        total += sizes[c]
    if chosen:
        keep = np.flatnonzero(np.isin(comp, chosen))
        what = "the largest connected group" if len(chosen) == 1 else f"the {len(chosen):,} largest connected groups"
        return keep, f"Showing {len(keep):,} of {n:,} people: {what}. {_MORE}"
    degree = links.degree(n)
    big = np.flatnonzero(comp == ranked[0])
    keep = np.sort(big[np.lexsort((big, -degree[big]))][:max_nodes])
    return keep, (f"Showing {max_nodes:,} of {n:,} people: the {max_nodes:,} with the most ties in the largest "
                  f"connected group ({sizes[ranked[0]]:,} people). {_MORE}")


def _keep_ties(scene: Scene, max_edges: int) -> None:
    """Keep the ego's own ties, then the strongest, then those between the best-connected people."""
    e = scene.edges
    if scene.ego_key:
        spoke = ((e["source"] == scene.ego_key) | (e["target"] == scene.ego_key)).to_numpy()
    else:
        spoke = np.zeros(len(e), bool)
    strength = e["strength"].fillna(-1).to_numpy()
    deg = pd.concat([e["source"], e["target"]]).value_counts()
    reach = deg.reindex(e["source"]).to_numpy() + deg.reindex(e["target"]).to_numpy()
    order = np.lexsort((np.arange(len(e)), -reach, -strength, ~spoke))
    keep = np.sort(order[:max_edges])
    scene.notes.append(
        f"Showing {max_edges:,} of {len(e):,} ties: the strongest, then those between the best-connected "
        "people. Pass max_edges= to draw more."
    )
    scene.edges = e.iloc[keep].reset_index(drop=True)
    scene.reduced = True


def _measure(scene: Scene, options: DrawOptions) -> tuple[People, Links]:
    """Per-person measures: the tie to the ego, ties among the people drawn, names and clusters."""
    nodes, edges = scene.nodes, scene.edges
    keys = nodes["key"].to_numpy(dtype=object)
    spoke_of = scene.spokes
    links = _links(keys, edges, scene.ego_key or None)
    people = People(
        keys=keys,
        is_ego=nodes["is_ego"].to_numpy(dtype=bool),
        names=_names(scene.net, nodes, options.pseudonyms),
        strength=spoke_of["strength"].reindex(keys).to_numpy(dtype=float),
        tie=spoke_of["tie"].reindex(keys).to_numpy(dtype=object),
        layer=spoke_of["layer"].reindex(keys).to_numpy(dtype=object),
        degree=links.degree(len(keys)),
        index={k: i for i, k in enumerate(keys)},
    )
    if options.layout in ("hub", "web", "spring") or _colour_by(options, nodes) in ("cluster", "community", "component"):
        people.community, people.component = _groups(scene, people, links, options.seed)
    return people, links


def _names(net, nodes: pd.DataFrame, use_pseudonyms: bool) -> list[str]:
    if not use_pseudonyms:
        return [str(v) for v in nodes["name"]]
    stand_in = pseudonyms(net)
    return [stand_in.get(str(k), "Person") for k in nodes["key"]]


def _groups(scene: Scene, people: People, links: Links, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Community and component of each person (ego left out), numbered by size from 0.

    The same numbers as ``netkit.communities.clusters(net, seed=seed)`` ("group 3" is community 2),
    unless the network was cut down to draw it: then the clusters of the part drawn.
    """
    import networkx as nx

    from ..communities import clusters

    keys = people.keys
    if scene.reduced:
        G = nx.Graph()
        G.add_nodes_from(k for k, e in zip(keys, people.is_ego) if not e)
        G.add_edges_from((keys[a], keys[b]) for a, b in zip(links.src, links.dst))
        table = clusters(WholeNetwork(G), seed=seed)
    else:
        table = clusters(scene.net, seed=seed)
    ids = table["node_id" if "node_id" in table.columns else "alter_id"].astype(str).to_numpy()
    community = pd.Series(table["community"].to_numpy(), index=ids).reindex(keys).to_numpy(dtype=float, copy=True)
    component = pd.Series(table["component"].to_numpy(), index=ids).reindex(keys).to_numpy(dtype=float, copy=True)
    community[people.is_ego] = np.nan
    component[people.is_ego] = np.nan
    return community, component


def _place(scene: Scene, options: DrawOptions) -> tuple[np.ndarray, Guides]:
    """Positions of everyone drawn (the ego at the centre) and the guides under them."""
    if options.layout == "rings":
        return _rings_positions(scene, options)
    if options.layout == "hub":
        return _hub_positions(scene, options.seed)
    return _spring_positions(scene, options.seed), Guides()


def _rings_positions(scene: Scene, options: DrawOptions) -> tuple[np.ndarray, Guides]:
    nodes, p = scene.nodes, scene.people
    people = np.flatnonzero(~p.is_ego)
    ring, ring_labels, note = _ring_of(scene, options.rings)
    if note:
        scene.notes.append(note)
    sectors = options.sectors
    if sectors is None:
        sectors = "context" if _has_values(nodes, "context") else False
    if sectors is not False and sectors not in nodes.columns:
        legal = [c for c in nodes.columns if c not in ("key", "is_ego", "name")]
        raise NetkitError(f"sectors={sectors!r} is not a column of the alters; choose one of "
                          f"{', '.join(map(repr, legal)) or 'none'}, or sectors=False.")
    if sectors is False:
        groups = [""] * len(people)
    else:
        groups = [None if _missing(v) else _clip(_text(v), 60) for v in nodes[sectors].to_numpy(dtype=object)[people]]
    order = -np.nan_to_num(p.strength[people], nan=-1.0)  # strongest first within a ring and sector
    P, guides = rings_layout(ring, groups, ring_labels=ring_labels, order=order)
    if sectors is False:
        guides.sectors = []
    positions = np.zeros((len(p.keys), 2))
    positions[people] = P
    return positions, guides


def _hub_positions(scene: Scene, seed: int) -> tuple[np.ndarray, Guides]:
    p, links = scene.people, scene.links
    people = np.flatnonzero(~p.is_ego)
    local = np.full(len(p.keys), -1, dtype=np.int64)  # position among the people, the ego left out
    local[people] = np.arange(len(people))
    labels = [f"group {int(c) + 1}" for c in p.community[people]]
    P, guides = hub_layout(labels, local[links.src], local[links.dst], seed=seed)
    positions = np.zeros((len(p.keys), 2))
    positions[people] = P
    return positions, guides


def _spring_positions(scene: Scene, seed: int) -> np.ndarray:
    """Everyone drawn, grouped by community (the ego, if drawn, a group of its own)."""
    p, links = scene.people, scene.links
    groups = np.where(np.isnan(p.community), -1, p.community)
    src, dst = links.src, links.dst
    ego_i = np.flatnonzero(p.is_ego)
    if len(ego_i):  # spring on an ego network: the ego's ties pull too
        alters = np.flatnonzero(~p.is_ego)
        src = np.concatenate([src, np.repeat(ego_i[0], len(alters))])
        dst = np.concatenate([dst, alters])
    positions = spring_layout(len(p.keys), src, dst, groups=groups, seed=seed)
    if len(ego_i):
        positions = positions - positions[ego_i[0]]
    return positions


def _ring_of(scene: Scene, rings: str) -> tuple[np.ndarray, list[str], str | None]:
    """Each alter's ring (0 innermost), the rings' labels, and a note when the rings say nothing."""
    nodes, p = scene.nodes, scene.people
    people = ~p.is_ego
    if rings == "strength":
        s = p.strength[people]
        if len(s) and np.isnan(s).all():
            return np.zeros(len(s), dtype=int), [_STRENGTH_RINGS[4]], (
                "No tie strengths in this network (closeness, frequency, confiding, …), so everyone is on one ring.")
        ring = np.where(np.isnan(s), 4, np.select([s >= 0.75, s >= 0.5, s >= 0.25], [0, 1, 2], 3))
        labels = _STRENGTH_RINGS[:4] + ([_STRENGTH_RINGS[4]] if (ring == 4).any() else [])
        return ring, labels, None
    if rings == "layer":
        codes = {"5": 0, "15": 1, "50": 2, "150": 3, "150+": 4}
        ring = np.array([codes.get(str(v), 5) if not _missing(v) else 5 for v in p.layer[people]])
        top = int(ring[ring < 5].max()) + 1 if (ring < 5).any() else 0
        labels = _LAYER_RINGS[: max(top, 1)]
        if (ring == 5).any():
            ring = np.where(ring == 5, len(labels), ring)
            labels = labels + [_LAYER_RINGS[5]]
        return ring, labels, None
    if rings not in nodes.columns:
        legal = list(RINGS) + [c for c in nodes.columns if c not in ("key", "is_ego", "name")
                               and pd.api.types.is_numeric_dtype(nodes[c])]
        raise NetkitError(f"rings={rings!r} is not something to ring by; choose one of {', '.join(map(repr, legal))}.")
    values = pd.to_numeric(nodes.loc[people, rings], errors="coerce").to_numpy(dtype=float)
    distinct = np.unique(values[~np.isnan(values)])[::-1]
    if len(distinct) > 8:
        raise NetkitError(f"rings={rings!r} has {len(distinct)} different values; ring by a column with at most 8 "
                          "(e.g. 'closeness'), or by 'strength' or 'layer'.")
    where = {v: i for i, v in enumerate(distinct)}
    ring = np.array([where[v] if not np.isnan(v) else len(distinct) for v in values], dtype=int)
    labels = [f"{rings} {_number(v)}" for v in distinct] + ([f"{rings} not given"] if np.isnan(values).any() else [])
    return ring, labels, None


def _ring_text(rings: str) -> str:
    if rings == "strength":
        return "tie strength from 0 to 1: the strongest ties on the innermost ring"
    if rings == "layer":
        return "Dunbar's circles: your closest 5, then 15, 50 and 150 by tie strength"
    return f"by {rings}: the highest values on the innermost ring"


# ----------------------------------------------------------------------------- stage 2: encodings


def _ordered_colours(k: int) -> list[str]:
    """``k`` colours from light to dark along viridis (first = lowest = lightest)."""
    if k <= 1:
        return [_VIRIDIS[3]]
    stops = np.linspace(len(_VIRIDIS) - 2, 0, k)  # skip the palest yellow
    return [_VIRIDIS[int(round(i))] for i in stops]


@dataclass
class _Colours:
    colours: list  # one per node
    legend: dict | None


def _categorical(values: list, title: str, ordered: list | None = None) -> _Colours:
    present = [v for v in values if not _missing(v)]
    counts = pd.Series(present, dtype=object).value_counts(sort=False) if present else pd.Series(dtype=int)
    first = {}
    for i, v in enumerate(values):
        if not _missing(v):
            first.setdefault(v, i)
    if ordered is not None:
        cats = [c for c in ordered if c in counts.index]
        colour = dict(zip(ordered, _ordered_colours(len(ordered))))
        other = set()
    else:
        cats = sorted(counts.index, key=lambda c: (-counts[c], first[c]))
        colour = dict(zip(cats[: len(PALETTE)], PALETTE))
        other = set(cats[len(PALETTE):])
    out = []
    for v in values:
        if _missing(v):
            out.append(MISSING_COLOUR)
        elif v in other:
            out.append(OTHER_COLOUR)
        else:
            out.append(colour[v])
    items = [{"swatch": "dot", "color": colour[c], "label": str(c), "count": int(counts[c])} for c in cats if c not in other]
    if other:
        items.append({"swatch": "dot", "color": OTHER_COLOUR, "label": f"{len(other)} other values",
                      "count": int(sum(counts[c] for c in other))})
    n_missing = sum(1 for v in values if _missing(v))
    if n_missing:
        items.append({"swatch": "dot", "color": MISSING_COLOUR, "label": "not given", "count": n_missing})
    return _Colours(out, {"title": f"Colour: {title}", "text": "", "items": items})


def _numeric(values: np.ndarray, title: str) -> _Colours:
    known = values[~np.isnan(values)]
    distinct = np.unique(known)
    if len(distinct) <= 9:
        return _categorical([None if np.isnan(v) else _number(v) for v in values], title,
                            ordered=[_number(v) for v in distinct])
    edges = np.unique(np.quantile(known, np.linspace(0, 1, 6)))
    bins = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
    names = [f"{_number(edges[i])}–{_number(edges[i + 1])}" for i in range(len(edges) - 1)]
    cats = [None if np.isnan(v) else names[b] for v, b in zip(values, bins)]
    return _categorical(cats, title, ordered=names)


def _number(v: float) -> str:
    return f"{v:g}" if float(v).is_integer() else f"{v:.2f}"


def _size_scale(values: np.ndarray, lo: float = 8.0, hi: float = 22.0) -> np.ndarray:
    v = np.where(np.isnan(values), np.nan, np.sqrt(np.clip(values, 0, None)))
    top, bottom = np.nanmax(v) if np.isfinite(v).any() else 0.0, np.nanmin(v) if np.isfinite(v).any() else 0.0
    if not np.isfinite(top) or top == bottom:
        return np.full(len(values), (lo + hi) / 2 if top > 0 else lo)
    return np.where(np.isnan(v), lo, lo + (v - bottom) / (top - bottom) * (hi - lo))


@dataclass
class Encodings:
    """How a scene is shown: made by :func:`encode`.

    Attributes
    ----------
    colours, sizes, labels, tips : list
        One per person, in the scene's order: fill colour (``#rrggbb``), radius in pixels,
        label (None: no labels) and tooltip text (plain text; lines split by ``\\n``).
    lines : list of dict
        vis-network edges: the ties (ids ``e0``, ``e1``, …), then suggested introductions
        (``i…``); endpoints are positions in the scene.
    legend : list of dict
        Sections ``{"title", "text", "items"}``, as in :attr:`Drawing.legend`.
    notes : list of str
        What is worth knowing about the encodings (e.g. introductions left out).
    """

    colours: list
    sizes: np.ndarray
    labels: list | None
    tips: list
    lines: list
    legend: list
    notes: list = field(default_factory=list)


def encode(scene: Scene, options: DrawOptions) -> Encodings:
    """Stage 2, scene → encodings: colour, size, labels and tooltips; line width, colour and dash; legend.

    Parameters
    ----------
    scene : Scene
        From :func:`build_scene`.
    options : DrawOptions
        ``color_by``, ``size_by``, ``labels``, ``tooltip``, ``pseudonyms`` and
        ``introductions`` are read here.

    Returns
    -------
    Encodings

    Raises
    ------
    NetkitError
        An unknown ``color_by`` or ``size_by`` (the message lists the legal ones), or an
        ``introductions=`` table naming people not in the network.
    """
    colour_by = _colour_by(options, scene.nodes)
    colours = _colours(scene, colour_by)
    sizes, size_legend = _sizes(scene, options.size_by)
    tips = _node_tips(scene, options, colour_by)
    ties, line_items = _tie_lines(scene)
    intros, note = _introductions(scene, options, first_id=len(ties))
    if intros:
        line_items.append({"swatch": "line", "color": INTRO_COLOUR, "dash": INTRO_DASH, "width": 2.5,
                           "label": "could connect: a suggested introduction", "count": len(intros)})
    labels = [_isolate(_clip(_text(n), _LABEL_CHARS)) for n in scene.people.names] if options.labels else None
    legend = _legend(scene, options, colours.legend, size_legend, line_items)
    return Encodings(colours.colours, sizes, labels, tips, ties + intros, legend, [note] if note else [])


def _colours(scene: Scene, color_by: str) -> _Colours:
    """Fill colour of each person (the ego dark grey) and the colour legend."""
    nodes, p = scene.nodes, scene.people
    people = ~p.is_ego
    if color_by in ("cluster", "community", "component"):
        labels = _group_names(p.community if color_by != "component" else p.component, p.is_ego)
        title = "cluster (people who know each other)" if color_by != "component" else "component (connected parts)"
        c = _categorical([lab for lab, keep in zip(labels, people) if keep], title)
    elif color_by == "strength" and not scene.whole:
        c = _numeric(p.strength[people], "tie strength")
    elif color_by == "tie" and not scene.whole:
        c = _categorical([None if _missing(v) else str(v) for v in p.tie[people]], "tie (weak or strong)",
                         ordered=["weak", "strong"])
    elif color_by == "layer" and not scene.whole:
        c = _categorical([None if _missing(v) else str(v) for v in p.layer[people]], "Dunbar layer",
                         ordered=["150+", "150", "50", "15", "5"])
    elif color_by in nodes.columns and color_by not in ("key", "is_ego"):
        c = _column_colours(nodes.loc[people, color_by], color_by)
    else:
        legal = ["cluster", "component"] + ([] if scene.whole else ["strength", "tie", "layer"]) + \
            [c for c in nodes.columns if c not in ("key", "is_ego")]
        raise NetkitError(f"color_by={color_by!r} is not something to colour by; choose one of {', '.join(map(repr, legal))}.")
    full, it = [], iter(c.colours)
    for e in p.is_ego:
        full.append(EGO_COLOUR if e else next(it))
    return _Colours(full, c.legend)


def _group_names(values: np.ndarray, is_ego: np.ndarray) -> list:
    """Each person's group as the legend, the wedges and the tooltips all say it.

    ``"group 3"`` is cluster (or component) 2; people who are a group of their own are
    ``"on their own"``, as the hub layout's shared wedge is labelled; None for the ego.
    """
    known = ~np.isnan(values) & ~is_ego
    sizes = pd.Series(values[known]).value_counts()
    return [None if not k else ("group " + str(int(v) + 1) if sizes[v] > 1 else "on their own")
            for v, k in zip(values, known)]


def _column_colours(column: pd.Series, name: str) -> _Colours:
    """An attribute column: ordered colours when every value given is a number, else categories."""
    numeric = pd.to_numeric(column, errors="coerce")
    given = column.map(lambda v: not _missing(v)).sum()
    if pd.api.types.is_numeric_dtype(column) or (numeric.notna().sum() == given and numeric.notna().any()):
        return _numeric(numeric.to_numpy(dtype=float), name)
    return _categorical([None if _missing(v) else _clip(_text(v), 60) for v in column], name)


def _sizes(scene: Scene, size_by: str | None) -> tuple[np.ndarray, dict | None]:
    """Radius of each person (the ego largest) and the size legend (None when all are the same)."""
    nodes, p = scene.nodes, scene.people
    n, people = len(p.keys), ~p.is_ego
    if size_by is None:
        sizes = np.full(n, 12.0)
        sizes[p.is_ego] = 20.0
        return sizes, None
    if size_by == "degree":
        values, title, text = p.degree.astype(float), "Size: ties among the people drawn", "bigger = knows more of the others"
    elif size_by == "strength":
        if scene.whole:
            w = scene.edges["strength"].fillna(1.0).to_numpy()
            values = np.zeros(n)
            np.add.at(values, [p.index[k] for k in scene.edges["source"]], w)
            np.add.at(values, [p.index[k] for k in scene.edges["target"]], w)
            title, text = "Size: total tie strength", "bigger = more and stronger ties"
        else:
            values, title, text = p.strength.copy(), "Size: tie strength", "bigger = stronger tie to the ego"
    elif size_by in nodes.columns and size_by not in ("key", "is_ego", "name"):
        values = pd.to_numeric(nodes[size_by], errors="coerce").to_numpy(dtype=float)
        if np.isnan(values[people]).all():
            raise NetkitError(f"size_by={size_by!r} has no numbers; size by a numeric column, 'degree' or 'strength'.")
        title, text = f"Size: {size_by}", "bigger = higher"
    else:
        legal = ["degree", "strength"] + [c for c in nodes.columns if c not in ("key", "is_ego", "name")
                                          and pd.api.types.is_numeric_dtype(nodes[c])]
        raise NetkitError(f"size_by={size_by!r} is not something to size by; choose one of {', '.join(map(repr, legal))}.")
    values = np.asarray(values, dtype=float)
    sizes = np.full(n, 9.0)
    sizes[people] = _size_scale(values[people])
    sizes[p.is_ego] = 24.0
    known = values[people][~np.isnan(values[people])]
    if len(known):
        text += f" (from {_number(known.min())} to {_number(known.max())})"
    return sizes, {"title": title, "text": text, "items": []}


def _node_tips(scene: Scene, options: DrawOptions, colour_by: str) -> list[str]:
    """Tooltip text of each person: who they are, their tie to the ego, and the columns asked for."""
    nodes, p = scene.nodes, scene.people
    cols = set(nodes.columns)
    extra = [c for c in dict.fromkeys([colour_by, options.size_by, *options.tooltip])
             if c and c in cols and c not in _TIP_COLUMNS]
    n_people = int((~p.is_ego).sum())
    names = _group_names(p.community, p.is_ego) if p.community is not None else None
    scales = scales_of(scene.net)
    tips = []
    for i, row in enumerate(nodes.to_dict("records")):
        if p.is_ego[i]:
            tips.append("\n".join([_shown(p.names[i]), "the ego: everyone drawn here is someone they know",
                                   f"{plural(n_people, 'person', 'people')} drawn"]))
            continue
        lines = [_shown(p.names[i]), *_attribute_lines(row, cols, scales)]
        if not scene.whole:
            lines.append(_spoke_line(p, i))
        group = f"{names[i]} · " if names is not None and names[i] is not None else ""
        lines.append(f"{group}knows {int(p.degree[i])} of the others drawn")
        lines += [f"{_shown(c, 40)}: {_shown(row[c], 120)}" for c in extra if not _missing(row.get(c))]
        if not options.pseudonyms and "notes" in cols and not _missing(row.get("notes")):
            lines.append(f"notes: {_shown(row['notes'], 200)}")  # notes may name people: never under pseudonyms
        tips.append("\n".join(lines))
    return tips


def _attribute_lines(row: dict, cols: set, scales: dict) -> list[str]:
    """The survey answers about one person, in words (context, closeness, contact, support, …);
    the words of netkit's own scales only where the network uses them (``scales``)."""
    lines = []
    if "context" in cols and not _missing(row.get("context")):
        lines.append(f"context: {_shown(row['context'], 80)}")
    for col, words in (("closeness", _CLOSENESS), ("frequency", _FREQUENCY)):
        v, scale = row.get(col), scales[col]
        own = scale == DEFAULT_SCALES[col]
        if col in cols and not _missing(v):
            top = f"of {_number(scale.high)}" if not scale.reverse and scale.low in (0, 1) else f"on {scale.text()}"
            lines.append(f"{'contact' if col == 'frequency' else col}: {_number(v)} {top}"
                         + (f" ({words[int(v)]})" if own and int(v) in words else ""))
    if "years_known" in cols and not _missing(row.get("years_known")):
        lines.append(f"known {_number(row['years_known'])} years")
    flags = [(c, w) for c, w in (("confiding", "confides"), ("support_given", "helped them"),
                                 ("support_received", "helped you")) if c in cols and not _missing(row.get(c))]
    if flags:
        lines.append(" · ".join(f"{w}: {'yes' if float(row[c]) else 'no'}" for c, w in flags))
    if "last_contact" in cols and not _missing(row.get("last_contact")):
        lines.append(f"last contact: {_shown(row['last_contact'], 20)}")
    return lines


def _spoke_line(p: People, i: int) -> str:
    """The tie between person ``i`` and the ego, in words."""
    if np.isnan(p.strength[i]):
        return "tie strength unknown"
    bits = f"tie strength {p.strength[i]:.2f}"
    if not _missing(p.tie[i]):
        bits += f", {p.tie[i]}"
    if not _missing(p.layer[i]):
        bits += f" (circle of {p.layer[i]})"
    return bits


def _highlighted_bridges(edges: pd.DataFrame) -> tuple[np.ndarray, int]:
    """Which local bridges to highlight: all of them, or, in drawings of more than 500 lines where
    they are more than a tenth of the lines (common in large sparse networks), the tenth with
    the longest spans — else everything would be highlighted and nothing would stand out."""
    candidate = edges["local_bridge"].to_numpy(dtype=bool) & (edges["kind"] != "ego-alter").to_numpy()
    lines = int((edges["kind"] != "ego-alter").sum())
    limit = max(1, int(0.1 * lines))
    if lines <= 500 or candidate.sum() <= limit:
        return candidate, 0
    span = np.where(np.isnan(edges["span"].to_numpy(dtype=float)), 0.0, edges["span"].to_numpy(dtype=float))
    which = np.flatnonzero(candidate)
    keep = which[np.lexsort((which, -span[which]))[:limit]]
    out = np.zeros(len(edges), dtype=bool)
    out[keep] = True
    return out, int(candidate.sum())


def _tie_lines(scene: Scene) -> tuple[list[dict], list[dict]]:
    """One vis-network edge per tie (width by strength, weak ties dashed, bridges orange-red) and their legend items."""
    p = scene.people
    seen = {"strong": 0, "weak": 0, "unknown": 0, "bridge": 0, "spoke": 0}
    highlighted, all_bridges = _highlighted_bridges(scene.edges)
    faint = len(scene.edges) > 2000  # many lines: see-through, so clusters and bridges show
    out = []
    for j, e in enumerate(scene.edges.itertuples(index=False)):
        a, b = p.index[e.source], p.index[e.target]
        spoke = e.kind == "ego-alter"
        strength = float(e.strength) if e.strength is not None and not np.isnan(e.strength) else None
        bridge = bool(highlighted[j])
        weak = e.tie == "weak"
        width = 1.0 + 4.0 * strength if strength is not None else 1.5
        colour = BRIDGE_COLOUR if bridge else (SPOKE_COLOUR if spoke else EDGE_COLOUR)
        edge = {"id": f"e{j}", "from": a, "to": b, "width": round(width + (1.5 if bridge else 0.0), 2),
                "color": {"color": colour, "highlight": "#000000", "hover": "#000000"},
                "title": _tie_tip(e, p.names[a], p.names[b], strength)}
        if faint and not bridge:
            edge["color"]["opacity"] = 0.35
        if weak:
            edge["dashes"] = WEAK_DASH
        if scene.directed:
            edge["arrows"] = "to"
        out.append(edge)
        seen["spoke"] += spoke
        seen["bridge"] += bridge
        seen["weak" if weak else ("strong" if e.tie == "strong" else "unknown")] += 1
    return out, _line_items(seen, all_bridges)


def _tie_tip(e, name_a: str, name_b: str, strength: float | None) -> str:
    """Tooltip text of one tie (a row of the scene's edges)."""
    spoke = e.kind == "ego-alter"
    lines = [f"{_shown(name_a, 80)} – {_shown(name_b, 80)}"]
    if strength is not None:
        lines.append(f"tie strength {strength:.2f}" + (f" ({e.tie} tie)" if not _missing(e.tie) else ""))
    else:
        lines.append("tie strength not recorded")
    if spoke and not _missing(e.layer):
        lines.append(f"circle of {e.layer}")
    if bool(e.local_bridge) and not spoke:
        span = "nothing else joins them" if not np.isfinite(e.span) else f"{int(e.span)} steps apart without it"
        lines.append(f"local bridge: they share no contact ({span})")
    if e.overlap is not None and not np.isnan(e.overlap):
        lines.append(f"overlap {e.overlap:.2f} (share of their contacts in common)")
    return "\n".join(lines)


def _line_items(seen: dict, all_bridges: int) -> list[dict]:
    """Legend items for the kinds of line drawn, with how many of each."""
    items = []
    if seen["strong"]:
        items.append({"swatch": "line", "color": EDGE_COLOUR, "width": 3, "label": "strong tie", "count": seen["strong"]})
    if seen["weak"]:
        items.append({"swatch": "line", "color": EDGE_COLOUR, "width": 2, "dash": WEAK_DASH, "label": "weak tie",
                      "count": seen["weak"]})
    if seen["unknown"]:
        items.append({"swatch": "line", "color": EDGE_COLOUR, "width": 1.5, "label": "tie, strength not recorded",
                      "count": seen["unknown"]})
    if seen["bridge"]:
        label = "local bridge: the two share no contact"
        if all_bridges:
            label += f" (the {seen['bridge']:,} with the longest spans of {all_bridges:,})"
        items.append({"swatch": "line", "color": BRIDGE_COLOUR, "width": 3, "label": label,
                      "count": None if all_bridges else seen["bridge"]})
    if seen["spoke"]:
        items.append({"swatch": "line", "color": SPOKE_COLOUR, "width": 2, "label": "the ego's own ties (pale)",
                      "count": seen["spoke"]})
    return items


def _introduction_table(scene: Scene, options: DrawOptions) -> pd.DataFrame | None:
    """The suggestions to draw: the table given, or computed for ``True`` or a number."""
    asked = options.introductions
    if asked is None or asked is False:
        return None
    if isinstance(asked, pd.DataFrame):
        return asked
    if asked is True or (isinstance(asked, (int, np.integer)) and not isinstance(asked, bool)):
        if scene.whole:
            raise NetkitError("suggested introductions need an ego network; pass ego=NODE to draw one person's network.")
        from ..introductions import suggest_introductions

        return suggest_introductions(scene.net, k=5 if asked is True else int(asked), seed=options.seed)
    raise NetkitError(f"introductions={asked!r} must be True, a number of suggestions, or a table with "
                      "alter_id_a and alter_id_b (from nk.suggest_introductions).")


def _introductions(scene: Scene, options: DrawOptions, first_id: int) -> tuple[list[dict], str]:
    """Suggested introductions as blue dotted lines (ids from ``i{first_id}``), and a note on any not drawn."""
    table = _introduction_table(scene, options)
    if table is None:
        return [], ""
    firsts = _id_column(table, ("alter_id_a",), "alter_a", "introductions=", "nk.suggest_introductions")
    seconds = _id_column(table, ("alter_id_b",), "alter_b", "introductions=", "nk.suggest_introductions")
    p = scene.people
    all_ids = (set(map(str, scene.net.G)) if scene.whole
               else set(scene.net.alters["alter_id"].astype(str)) | {str(scene.net.ego_node)})
    out, left_out = [], 0
    for a, b, r in zip(firsts, seconds, table.to_dict("records")):
        for x in (a, b):
            if x not in p.index and x not in all_ids:
                raise NetkitError(f"introductions= names '{x}', who is not in this network; check the id.")
        if a not in p.index or b not in p.index:
            left_out += 1
            continue
        ia, ib = p.index[a], p.index[b]
        lines = [f"could connect: {_shown(p.names[ia], 80)} and {_shown(p.names[ib], 80)}",
                 "a suggested introduction — they do not know each other yet"]
        if "score" in r and not _missing(r["score"]):
            lines.append(f"score {float(r['score']):.2f}")
        if not options.pseudonyms and "reason" in r and not _missing(r.get("reason")):
            lines.append(_shown(r["reason"], 600))  # reasons name people: never under pseudonyms
        out.append({"id": f"i{first_id + len(out)}", "from": ia, "to": ib, "width": 2.5, "dashes": INTRO_DASH,
                    "color": {"color": INTRO_COLOUR, "highlight": INTRO_COLOUR, "hover": INTRO_COLOUR},
                    "title": "\n".join(lines), "physics": False})
    note = f"{left_out} suggested introduction(s) involve people not drawn here." if left_out else ""
    return out, note


def _legend(scene: Scene, options: DrawOptions, colour: dict | None, size: dict | None, lines: list) -> list[dict]:
    """The legend's sections: colour, size, lines, then what the rings or wedges mean."""
    legend = []
    if colour:
        if options.layout != "web" and scene.ego_key is not None:
            who = "ego" if options.cut_from_whole else "ego (you)"
            colour["items"].insert(0, {"swatch": "dot", "color": EGO_COLOUR, "label": who, "count": None})
        legend.append(colour)
    if size:
        legend.append(size)
    if lines:
        known = scene.edges["strength"].notna().any()
        legend.append({"title": "Lines", "text": "thicker = stronger tie" if known else "", "items": lines})
    if options.layout == "rings":
        legend.append({"title": "Rings", "text": _ring_text(options.rings), "items": []})
    elif options.layout == "hub":
        legend.append({"title": "Groups", "text": "each wedge is a group of people who know each other; "
                       "the gaps between wedges are structural holes you bridge", "items": []})
    return legend


# ----------------------------------------------------------------------------- stage 3: the page


def _vis_nodes(scene: Scene, enc: Encodings) -> list[dict]:
    """One vis-network node per person: id = position in the scene (page ids never carry names)."""
    p = scene.people
    outline = len(p.keys) <= 1000  # tiny dots in a large drawing: no dark outline, so the colour shows
    nodes = []
    for i in range(len(p.keys)):
        x, y = scene.positions[i]
        colour = enc.colours[i]
        node = {
            "id": i,
            "x": round(float(x), 2),
            "y": round(float(y), 2),
            "shape": "dot",
            "size": round(float(enc.sizes[i]), 2),
            "color": {"background": colour, "border": "#555555" if outline else colour,
                      "highlight": {"background": colour, "border": "#000000"},
                      "hover": {"background": colour, "border": "#000000"}},
            "title": enc.tips[i],
        }
        if enc.labels is not None:
            node["label"] = enc.labels[i]
        if p.is_ego[i]:
            node["font"] = {"size": 18, "bold": True}
            node["borderWidth"] = 2
        nodes.append(node)
    return nodes


def _network(scene: Scene, enc: Encodings, options: DrawOptions):
    """The pyvis ``Network`` behind the page, filled directly (pyvis's ``add_edge`` is quadratic)."""
    from pyvis.network import Network

    nw = Network(height=f"{options.height}px", width="100%", directed=scene.directed,
                 heading=_text(options.title or ""), cdn_resources="in_line")
    nw.nodes = _vis_nodes(scene, enc)
    nw.node_ids = list(range(len(nw.nodes)))
    nw.node_map = {i: n for i, n in enumerate(nw.nodes)}
    nw.edges = enc.lines
    _set_options(nw, physics=options.physics, n=len(nw.nodes), seed=options.seed)
    return nw


def _drawing(scene: Scene, enc: Encodings, options: DrawOptions) -> Drawing:
    """Stage 3, scene and encodings → page: the pyvis network in a :class:`Drawing`."""
    keys = scene.people.keys
    return Drawing(
        network=_network(scene, enc, options),
        positions={str(k): (float(scene.positions[i][0]) + 0.0, float(scene.positions[i][1]) + 0.0)
                   for i, k in enumerate(keys)},  # + 0.0 turns -0.0 into 0.0
        node_index={str(k): i for i, k in enumerate(keys)},
        legend=enc.legend,
        note=" ".join(scene.notes + enc.notes),
        guides=scene.guides,
        layout=options.layout,
        seed=int(options.seed),
        sources=tuple(s for s in [getattr(scene.net, "source", "")] if s),
    )


def _set_options(nw, *, physics: bool, n: int, seed: int) -> None:
    """vis-network options, set on pyvis's option object so pyvis's own methods keep working."""
    o = nw.options
    o.physics.enabled = bool(physics)
    o.physics.stabilization.iterations = 150
    o.physics.stabilization.fit = True
    o.edges.smooth.enabled = False
    o.edges.color.inherit = False
    o.interaction.hideEdgesOnDrag = n > 1500
    o.interaction.hover = True
    o.interaction.tooltipDelay = 120
    o.interaction.navigationButtons = False
    o.interaction.keyboard = False
    o.nodes = {
        "font": {"size": 16, "face": FONT_STACK, "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"drawThreshold": 5}},
    }
    o.layout = {"improvedLayout": False, "randomSeed": int(seed)}


# ----------------------------------------------------------------------------- draw


def draw(
    net,
    *,
    layout: str | None = None,
    color_by: str | None = None,
    size_by: str | None = None,
    labels: bool = True,
    pseudonyms: bool = False,
    seed: int = 0,
    physics: bool = False,
    introductions: None | bool | int | pd.DataFrame = None,
    ego: str | None = None,
    rings: str = "strength",
    sectors: str | bool | None = None,
    ties: pd.DataFrame | None = None,
    weight: str | None = None,
    tooltip: Sequence[str] = (),
    title: str | None = None,
    height: int = 600,
    max_nodes: int = 5000,
    max_edges: int = 50_000,
    scales=None,
    tie_type: str | list[str] | None = None,
) -> Drawing:
    """Draw a network: rings of closeness, hub and spoke, the web among your contacts, or a whole network.

    The drawing shows itself in JupyterLab, the classic Notebook, VS Code and Voilà (a
    sandboxed frame), ``.save("network.html")`` writes one standalone HTML file that works with
    no network at all, and ``.network`` is the pyvis ``Network`` behind it.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
    layout : {"rings", "hub", "web", "spring"}, optional
        - ``"rings"`` (default for ego networks): you in the centre, your contacts on
          concentric circles by tie strength (strongest inside), one sector per context;
        - ``"hub"``: hub and spoke, your contacts grouped by cluster, so the structural holes
          between the groups show as gaps;
        - ``"web"``: your contacts alone, you removed — the mesh among them;
        - ``"spring"`` (default for whole networks): a seeded force-directed layout.
    color_by : str, optional
        ``"cluster"`` (communities; also ``"component"``), ``"strength"``, ``"tie"``,
        ``"layer"`` or any attribute column (``"context"``, ``"closeness"``, …). Default:
        ``"context"`` for rings (when there is one), else ``"cluster"``. Colour-blind-safe
        colours; ordered values go from light to dark.
    size_by : str, optional
        ``"degree"`` (ties among the people drawn), ``"strength"`` (of the tie to the ego; a
        whole network's weighted degree) or a numeric attribute. Default: everyone the same size.
    labels : bool
        Show names beside the nodes, at least 12 px on screen and never over one another (a name
        with no room shows as first name and initial, or only in its tooltip; tooltips always
        have the full name).
    pseudonyms : bool
        Replace every name with ``Person 1``, ``Person 2``, … (the ego ``Ego``) in labels,
        tooltips and legend, and leave notes out: for screens shared in a workshop.
    seed : int
        The same seed gives the same drawing (communities and layout).
    physics : bool
        Let vis-network move the nodes after loading (off: positions stay as computed).
    introductions : bool, int or DataFrame, optional
        Suggested introductions drawn as dotted "could connect" lines: ``True`` for the top 5,
        a number for that many (from :func:`netkit.suggest_introductions`), or a table with
        ``alter_id_a`` and ``alter_id_b`` (and optionally ``score`` and ``reason``).
    ego : str, optional
        For a collection, which ego to draw; for a whole network, cut out this node's ego network.
    rings : {"strength", "layer"} or str
        What the rings show: tie strength in four bands (0.75–1 innermost), Dunbar's layers
        (closest 5, 15, 50, 150), or a numeric alter column with a few values (e.g. ``"closeness"``),
        highest innermost.
    sectors : str or False, optional
        Alter column whose values get their own sector in ``rings``; default ``"context"`` when
        the alters have one; ``False`` for none.
    ties : DataFrame, optional
        A table from :func:`netkit.tie_table` to use (e.g. with your own ``weights=``);
        computed when not given.
    weight : str, optional
        Edge column giving alter–alter ties and whole-network edges a strength; default
        ``"weight"`` where that column exists.
    tooltip : list of str
        More attribute columns to show in the tooltips.
    title : str, optional
        A heading above the drawing (also the page title).
    height : int
        Height in pixels of the frame in a notebook (a saved page fills the browser window).
    max_nodes, max_edges : int
        Past these, a readable part is drawn (the largest connected groups, or the people with
        the most ties) and a note says what was left out.

    scales : dict, optional
        Declared scales of the tie-strength items (rings and tie strength), on top of those the
        network was read with (see :func:`netkit.tie_strength`).
    tie_type : str or list of str, optional
        Only the ties of this type (or types); without it all types are merged.
    Returns
    -------
    Drawing

    Raises
    ------
    NetkitError
        An unknown layout, colour, size or ring attribute (the message lists the legal ones),
        a layout that needs an ego drawn from a whole network without ``ego=``, or a
        collection without ``ego=``.

    Notes
    -----
    Positions are computed in Python (see :mod:`netkit.viz.layouts`) and vis-network's physics
    is off, so a drawing appears at once and stays still. Line width grows with tie strength;
    weak ties are dashed; local bridges between contacts (ties whose two ends share no
    contact) are orange-red; suggested introductions are blue dotted lines. Every piece of
    user text reaches the page as data (JSON, escaped) or as escaped HTML, and tooltips are
    text nodes, so names such as ``<img src=x onerror=…>`` show as typed and never run.

    Examples
    --------
    >>> import netkit as nk
    >>> d = nk.draw(nk.load_sample("personal"), layout="rings")
    >>> d
    <Drawing (rings): 41 nodes, 109 lines>
    >>> d.positions["ego"]
    (0.0, 0.0)
    """
    net = prepare(as_network(net), tie_type=tie_type, scales=scales)
    options = DrawOptions(
        color_by=color_by, size_by=size_by, labels=labels, pseudonyms=pseudonyms, seed=seed, physics=physics,
        introductions=introductions, rings=rings, sectors=sectors, ties=ties, weight=weight, tooltip=tuple(tooltip),
        title=title, height=height, max_nodes=max_nodes, max_edges=max_edges,
        cut_from_whole=isinstance(net, WholeNetwork) and ego is not None,
    )
    net = _drawn_network(net, ego, "drawing")
    options = _checked_options(net, options, layout)
    scene = build_scene(net, options)
    return _drawing(scene, encode(scene, options), options)


def draw_to_file(net, path: str | Path, *, layout: str | None = None, color_by: str | None = None, **options) -> Path:
    """``draw(net, ...)`` and save it as one standalone HTML file (for ``netkit draw``).

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
    path : str or Path
        The HTML file to write; missing folders are made.
    layout, color_by, **options
        As for :func:`draw`.

    Returns
    -------
    Path
        ``path``.
    """
    return draw(net, layout=layout, color_by=color_by, **options).save(path)
