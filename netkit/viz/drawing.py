"""Interactive drawings: pyvis networks shown through netkit's own page, offline, sandboxed and safe.

``draw`` computes a seeded layout in Python, encodes the measures (colour, size, line width and
dash) and fills a pyvis ``Network``; :class:`Drawing` renders that network with netkit's own
template: vis-network inlined from the pyvis package, data as escaped JSON, tooltips as text.
"""
from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from ..errors import NetkitError
from ..frame import as_network
from ..model import EgoCollection, EgoNetwork, WholeNetwork
from .layouts import Guides, hub_layout, rings_layout, spring_layout

__all__ = [
    "Drawing",
    "draw",
    "draw_to_file",
    "pseudonyms",
    "LAYOUTS",
    "PALETTE",
    "script_json",
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
_TIP_CHARS = 300
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\r\n\t\v\f\u0085\u2028\u2029]+")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TEMPLATES = Path(__file__).with_name("templates")

_CLOSENESS = {1: "not close", 2: "somewhat close", 3: "close", 4: "very close"}
_FREQUENCY = {1: "less than yearly", 2: "a few times a year", 3: "monthly", 4: "weekly", 5: "daily"}
_STRENGTH_RINGS = ["strength 0.75–1", "0.50–0.75", "0.25–0.50", "below 0.25", "strength unknown"]
_LAYER_RINGS = ["closest 5", "next 10 (15)", "next 35 (50)", "next 100 (150)", "beyond 150", "strength unknown"]
_NAME_COLUMNS = ("name", "label", "notes", "alter_id", "node", "key")


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


# ----------------------------------------------------------------------------- assets


@lru_cache(maxsize=None)
def _vis_js() -> str:
    """vis-network as bundled in the pyvis package (no CDN); checked so it cannot end the script tag."""
    import pyvis

    root = Path(pyvis.__file__).parent
    for candidate in (root / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js",
                      root / "lib" / "vis-9.1.2" / "vis-network.min.js"):
        if candidate.exists():
            text = candidate.read_text(encoding="utf-8")
            break
    else:
        raise NetkitError(
            f"vis-network is missing from the pyvis package at {root}; reinstall it with "
            "`pip install --force-reinstall pyvis==0.3.2` (make test does this for you)."
        )
    low = text.lower()
    if "</script" in low or "<!--" in low:
        raise NetkitError(f"{candidate} contains '</script' or '<!--' and cannot be inlined safely; reinstall pyvis.")
    return text


@lru_cache(maxsize=None)
def _vis_css() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.css"
    text = path.read_text(encoding="utf-8")
    if "</style" in text.lower():
        raise NetkitError(f"{path} contains '</style' and cannot be inlined safely; reinstall pyvis.")
    return text


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,  # every {{ }} is HTML-escaped unless marked safe here in Python
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


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
    """

    network: Any
    positions: dict = field(default_factory=dict)
    node_index: dict = field(default_factory=dict)
    legend: list = field(default_factory=list)
    note: str = ""
    guides: Guides = field(default_factory=Guides)
    layout: str = ""
    seed: int = 0

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

    def html(self) -> str:
        """The whole page: one standalone HTML file that needs no network.

        Rendered from :attr:`network` each time, so changes made there are included.
        """
        ignored = self._ignored_features()
        if ignored:
            warnings.warn(
                f"pyvis's {', '.join(ignored)} is not part of netkit's page and is left out; "
                "use network.show_buttons() or vis-network options instead.",
                stacklevel=2,
            )
        nw = self.network
        options = self._options()
        configure = bool(options.get("configure", {}).get("enabled"))
        data = {
            "nodes": _clean_json([dict(n) for n in nw.nodes]),
            "edges": _clean_json([dict(e) for e in nw.edges]),
            "options": options,
            "guides": self.guides.to_dict() if (self.guides.circles or self.guides.sectors) else None,
            "page": {"background": str(nw.bgcolor or "#ffffff")},
        }
        css = _asset("page.css")
        app_js = _asset("drawing.js")
        vis_js = _vis_js()
        extra_css = [_vis_css()] if configure else []
        csp = "; ".join([
            "default-src 'none'",
            "script-src " + " ".join([_sha256(vis_js), _sha256(app_js)]),
            "style-src " + " ".join([_sha256(css), *map(_sha256, extra_css)]),
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ])
        from markupsafe import Markup

        heading = _text(nw.heading or "")
        n_nodes, n_edges = len(nw.nodes), len(nw.edges)
        return _environment().get_template("page.html.j2").render(
            version=_version(),
            csp=csp,
            title=_clip(heading, 200) or "netkit drawing",
            heading=heading,
            note=self.note,
            legend=_checked_legend(self.legend),
            configure=configure,
            aria_label=f"network drawing: {n_nodes} nodes, {n_edges} lines",
            css=Markup(css),
            extra_css=[Markup(s) for s in extra_css],
            data_json=Markup(script_json(data)),
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (one HTML file, nothing else needed) and return the path."""
        from ..io.atomic import atomic_write_text

        path = Path(path)
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


def _version() -> str:
    from .. import __version__

    return __version__


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

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.viz import pseudonyms
    >>> names = pseudonyms(nk.load_sample("personal"))
    >>> names["a01"], names["a40"], names["ego"]
    ('Person 1', 'Person 40', 'Ego')
    """
    net = _one_network(as_network(net), ego)
    if isinstance(net, WholeNetwork):
        return {str(n): f"Person {i}" for i, n in enumerate(net.G, start=1)}
    out = {str(a): f"Person {i}" for i, a in enumerate(net.alters["alter_id"], start=1)}
    out[str(net.ego_node)] = "Ego"
    return out


def _one_network(net, ego):
    if isinstance(net, EgoCollection):
        if ego is None:
            if len(net) == 1:
                return net[net.ego_ids[0]]
            some = ", ".join(map(str, net.ego_ids[:5])) + (", …" if len(net) > 5 else "")
            raise NetkitError(f"this collection has {len(net)} egos; say which to draw with ego= (one of {some}).")
        return net[ego]
    if isinstance(net, WholeNetwork) and ego is not None:
        return net.ego_network(ego)
    if isinstance(net, EgoNetwork) and ego is not None and str(ego) != str(net.ego_id):
        raise NetkitError(f"this network's ego is '{net.ego_id}', not '{ego}'; leave ego= out or correct it.")
    return net


# ----------------------------------------------------------------------------- the scene


@dataclass
class _Scene:
    """Everything ``draw`` knows about what it draws, as tables keyed by node id."""

    nodes: pd.DataFrame  # key, is_ego, name, + attributes; in drawing order
    edges: pd.DataFrame  # source, target, kind, strength, tie, layer, overlap, local_bridge, span
    ego_key: str | None
    whole: bool
    directed: bool
    total_nodes: int
    notes: list = field(default_factory=list)
    reduced: bool = False


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


def _scene(net, *, ties, weight, layout: str, max_nodes: int, max_edges: int) -> _Scene:
    nodes, ego_key = _node_table(net)
    edges = _tie_rows(net, ties, weight)
    known = set(nodes["key"])
    unknown = ~(edges["source"].isin(known) & edges["target"].isin(known))
    if unknown.any():
        row = edges[unknown].iloc[0]
        raise NetkitError(f"ties= names '{row['source']}'–'{row['target']}', who are not both in this network; "
                          "pass the table nk.tie_table(net) returns for this same network.")
    edges = edges[edges["source"] != edges["target"]].reset_index(drop=True)
    scene = _Scene(nodes, edges, ego_key, isinstance(net, WholeNetwork), bool(net.directed),
                   total_nodes=int((~nodes["is_ego"]).sum()))
    if layout == "web":  # the alters alone
        scene.nodes = nodes[~nodes["is_ego"]].reset_index(drop=True)
        scene.edges = edges[(edges["source"] != ego_key) & (edges["target"] != ego_key)].reset_index(drop=True)
    _reduce(scene, max_nodes, max_edges)
    return scene


def _reduce(scene: _Scene, max_nodes: int, max_edges: int) -> None:
    """Past ``max_nodes`` people or ``max_edges`` ties, keep a readable part and say which."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    nodes, edges = scene.nodes, scene.edges
    people = nodes[~nodes["is_ego"]]
    n = len(people)
    if n > max_nodes:
        pos = pd.Series(np.arange(n), index=people["key"].to_numpy())
        among = edges["source"].isin(pos.index) & edges["target"].isin(pos.index)
        s = pos.reindex(edges.loc[among, "source"]).to_numpy()
        t = pos.reindex(edges.loc[among, "target"]).to_numpy()
        degree = np.bincount(np.concatenate([s, t]).astype(int), minlength=n) if len(s) else np.zeros(n, int)
        if scene.ego_key is not None:
            # everyone is connected through the ego: keep the strongest ties, then the best connected
            ea = edges[edges["source"] == scene.ego_key].set_index("target")["strength"]
            strength = ea.reindex(people["key"]).fillna(-1).to_numpy()
            order = np.lexsort((np.arange(n), -degree, -strength))
            keep = np.sort(order[:max_nodes])
            scene.notes.append(
                f"Showing {max_nodes:,} of {n:,} people: those with the strongest ties to the ego, then the "
                f"best connected. Pass max_nodes= to draw more (the browser slows down past a few thousand)."
            )
        else:
            A = csr_matrix((np.ones(len(s)), (s, t)), shape=(n, n))
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
                scene.notes.append(
                    f"Showing {len(keep):,} of {n:,} people: {what}. Pass max_nodes= to draw more "
                    "(the browser slows down past a few thousand)."
                )
            else:
                big = np.flatnonzero(comp == ranked[0])
                best = big[np.lexsort((big, -degree[big]))][:max_nodes]
                keep = np.sort(best)
                scene.notes.append(
                    f"Showing {max_nodes:,} of {n:,} people: the {max_nodes:,} with the most ties in the largest "
                    f"connected group ({sizes[ranked[0]]:,} people). Pass max_nodes= to draw more "
                    "(the browser slows down past a few thousand)."
                )
        kept = set(people["key"].to_numpy()[keep])
        if scene.ego_key is not None:
            kept.add(scene.ego_key)
        scene.nodes = nodes[nodes["key"].isin(kept)].reset_index(drop=True)
        scene.edges = edges[edges["source"].isin(kept) & edges["target"].isin(kept)].reset_index(drop=True)
        scene.reduced = True
    if len(scene.edges) > max_edges:
        e = scene.edges
        spoke = (e["source"] == scene.ego_key) | (e["target"] == scene.ego_key) if scene.ego_key else np.zeros(len(e), bool)
        strength = e["strength"].fillna(-1).to_numpy()
        deg = pd.concat([e["source"], e["target"]]).value_counts()
        reach = deg.reindex(e["source"]).to_numpy() + deg.reindex(e["target"]).to_numpy()
        order = np.lexsort((np.arange(len(e)), -reach, -strength, ~np.asarray(spoke)))
        keep = np.sort(order[:max_edges])
        scene.notes.append(
            f"Showing {max_edges:,} of {len(e):,} ties: the strongest, then those between the best-connected "
            "people. Pass max_edges= to draw more."
        )
        scene.edges = e.iloc[keep].reset_index(drop=True)
        scene.reduced = True


# ----------------------------------------------------------------------------- encodings


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
        Show names under the nodes (tooltips always have them).
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
        ``alter_a`` and ``alter_b`` (and optionally ``score`` and ``reason``).
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
    net = as_network(net)
    cut_from_whole = isinstance(net, WholeNetwork) and ego is not None
    net = _one_network(net, ego)
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
    for name, value in (("max_nodes", max_nodes), ("max_edges", max_edges), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise NetkitError(f"{name}={value!r} must be a whole number, 1 or more.")
    if pseudonyms:
        for what, value in (("color_by", color_by), ("size_by", size_by), *(("tooltip", t) for t in tooltip)):
            if value in _NAME_COLUMNS:
                raise NetkitError(f"{what}={value!r} would show names, which pseudonyms=True hides; choose another column.")

    scene = _scene(net, ties=ties, weight=weight, layout=layout, max_nodes=int(max_nodes), max_edges=int(max_edges))
    nodes, edges = scene.nodes, scene.edges
    keys = nodes["key"].to_numpy(dtype=object)
    index = {k: i for i, k in enumerate(keys)}
    is_ego = nodes["is_ego"].to_numpy(dtype=bool)
    ego_key = scene.ego_key if layout != "web" else None

    # per-node measures
    spokes = edges[edges["kind"] == "ego-alter"] if not scene.whole else edges.iloc[0:0]
    spoke_of = spokes.drop_duplicates("target").set_index("target")
    strength = spoke_of["strength"].reindex(keys).to_numpy(dtype=float)
    tie_kind = spoke_of["tie"].reindex(keys).to_numpy(dtype=object)
    layer = spoke_of["layer"].reindex(keys).to_numpy(dtype=object)
    between = edges[(edges["source"] != scene.ego_key) & (edges["target"] != scene.ego_key)] if scene.ego_key else edges
    s_idx = np.array([index[k] for k in between["source"]], dtype=np.int64)
    t_idx = np.array([index[k] for k in between["target"]], dtype=np.int64)
    degree = np.bincount(np.concatenate([s_idx, t_idx]), minlength=len(keys)) if len(s_idx) else np.zeros(len(keys), int)

    if color_by is None:
        color_by = "context" if layout == "rings" and _has_values(nodes, "context") else "cluster"
    need_groups = layout in ("hub", "web", "spring") or color_by in ("cluster", "community", "component")
    community = component = None
    if need_groups:
        community, component = _groups(net, scene, keys, is_ego, s_idx, t_idx, seed)

    names = _names(net, nodes, pseudonyms)

    # layout
    positions, guides = _positions(
        layout, nodes, keys, is_ego, s_idx, t_idx, community, strength, layer, rings, sectors, seed, scene
    )

    # colours and sizes
    colours = _colour(color_by, nodes, is_ego, strength, tie_kind, layer, community, component, scene)
    sizes, size_legend = _sizes(size_by, nodes, is_ego, strength, degree, edges, index, scene)

    # pyvis network
    from pyvis.network import Network

    nw = Network(height=f"{int(height)}px", width="100%", directed=scene.directed, heading=_text(title or ""),
                 cdn_resources="in_line")
    tips = _node_tips(nodes, names, is_ego, strength, tie_kind, layer, community, degree, color_by, size_by,
                      tooltip, pseudonyms, scene)
    page_nodes = []
    outline = len(keys) <= 1000  # tiny dots in a large drawing: no dark outline, so the colour shows
    for i, key in enumerate(keys):
        x, y = positions[i]
        node = {
            "id": i,
            "x": round(float(x), 2),
            "y": round(float(y), 2),
            "shape": "dot",
            "size": round(float(sizes[i]), 2),
            "color": {"background": colours.colours[i], "border": "#555555" if outline else colours.colours[i],
                      "highlight": {"background": colours.colours[i], "border": "#000000"},
                      "hover": {"background": colours.colours[i], "border": "#000000"}},
            "title": tips[i],
        }
        if labels:
            node["label"] = _isolate(_clip(_text(names[i]), _LABEL_CHARS))
        if is_ego[i]:
            node["font"] = {"size": 18, "bold": True}
            node["borderWidth"] = 2
        page_nodes.append(node)
    nw.nodes = page_nodes
    nw.node_ids = list(range(len(keys)))
    nw.node_map = {i: n for i, n in enumerate(page_nodes)}

    page_edges, line_legend = _edges(edges, index, names, scene)
    intro_edges, intro_note = _introductions(introductions, net, index, names, pseudonyms, seed, len(page_edges))
    if intro_edges:
        line_legend.append({"swatch": "line", "color": INTRO_COLOUR, "dash": INTRO_DASH, "width": 2.5,
                            "label": "could connect: a suggested introduction", "count": len(intro_edges)})
    if intro_note:
        scene.notes.append(intro_note)
    nw.edges = page_edges + intro_edges

    _set_options(nw, physics=physics, n=len(keys), seed=seed)

    legend = []
    if colours.legend:
        if ego_key is not None:
            who = "ego" if cut_from_whole else "ego (you)"
            colours.legend["items"].insert(0, {"swatch": "dot", "color": EGO_COLOUR, "label": who, "count": None})
        legend.append(colours.legend)
    if size_legend:
        legend.append(size_legend)
    if line_legend:
        known = edges["strength"].notna().any()
        legend.append({"title": "Lines", "text": "thicker = stronger tie" if known else "", "items": line_legend})
    if layout == "rings":
        legend.append({"title": "Rings", "text": _ring_text(rings), "items": []})
    elif layout == "hub":
        legend.append({"title": "Groups", "text": "each wedge is a group of people who know each other; "
                       "the gaps between wedges are structural holes you bridge", "items": []})

    return Drawing(
        network=nw,
        positions={str(k): (float(positions[i][0]) + 0.0, float(positions[i][1]) + 0.0) for i, k in enumerate(keys)},
        node_index={str(k): i for i, k in enumerate(keys)},
        legend=legend,
        note=" ".join(scene.notes),
        guides=guides,
        layout=layout,
        seed=int(seed),
    )


def draw_to_file(net, path: str | Path, *, layout: str | None = None, color_by: str | None = None, **options) -> Path:
    """``draw(net, ...)`` and save it as one standalone HTML file; returns the path (for ``netkit draw``)."""
    return draw(net, layout=layout, color_by=color_by, **options).save(path)


# ----------------------------------------------------------------------------- pieces of draw


def _has_values(nodes: pd.DataFrame, column: str) -> bool:
    return column in nodes.columns and nodes.loc[~nodes["is_ego"], column].map(lambda v: not _missing(v)).any()


def _names(net, nodes: pd.DataFrame, use_pseudonyms: bool) -> list[str]:
    if not use_pseudonyms:
        return [str(v) for v in nodes["name"]]
    stand_in = pseudonyms(net)
    return [stand_in.get(str(k), "Person") for k in nodes["key"]]


def _groups(net, scene: _Scene, keys, is_ego, s_idx, t_idx, seed):
    """Community and component of each person (ego left out), numbered by size from 0.

    The same numbers as ``netkit.communities.clusters(net, seed=seed)`` ("group 3" is community 2),
    unless the network was cut down to draw it: then the clusters of the part drawn.
    """
    import networkx as nx

    from ..communities import clusters

    if scene.reduced:
        G = nx.Graph()
        G.add_nodes_from(k for k, e in zip(keys, is_ego) if not e)
        G.add_edges_from((keys[a], keys[b]) for a, b in zip(s_idx, t_idx))
        table = clusters(WholeNetwork(G), seed=seed)
    else:
        table = clusters(net, seed=seed)
    table = table.assign(node=table["node"].astype(str)).set_index("node")
    community = table["community"].reindex(keys).to_numpy(dtype=float, copy=True)
    component = table["component"].reindex(keys).to_numpy(dtype=float, copy=True)
    community[is_ego] = np.nan
    component[is_ego] = np.nan
    return community, component


def _ring_of(rings: str, nodes, is_ego, strength, layer, scene) -> tuple[np.ndarray, list[str], str | None]:
    people = ~is_ego
    if rings == "strength":
        s = strength[people]
        if len(s) and np.isnan(s).all():
            return np.zeros(len(s), dtype=int), [_STRENGTH_RINGS[4]], (
                "No tie strengths in this network (closeness, frequency, confiding, …), so everyone is on one ring.")
        ring = np.where(np.isnan(s), 4, np.select([s >= 0.75, s >= 0.5, s >= 0.25], [0, 1, 2], 3))
        labels = _STRENGTH_RINGS[:4] + ([_STRENGTH_RINGS[4]] if (ring == 4).any() else [])
        return ring, labels, None
    if rings == "layer":
        codes = {"5": 0, "15": 1, "50": 2, "150": 3, "150+": 4}
        ring = np.array([codes.get(str(v), 5) if not _missing(v) else 5 for v in layer[people]])
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


def _positions(layout, nodes, keys, is_ego, s_idx, t_idx, community, strength, layer, rings, sectors, seed, scene):
    n = len(keys)
    positions = np.zeros((n, 2))
    people = np.flatnonzero(~is_ego)
    guides = Guides()
    if layout == "rings":
        ring, ring_labels, note = _ring_of(rings, nodes, is_ego, strength, layer, scene)
        if note:
            scene.notes.append(note)
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
        order = -np.nan_to_num(strength[people], nan=-1.0)
        P, guides = rings_layout(ring, groups, ring_labels=ring_labels, order=order)
        if sectors is False:
            guides.sectors = []
        positions[people] = P
    elif layout == "hub":
        local = {p: i for i, p in enumerate(people)}
        s = np.array([local[a] for a in s_idx], dtype=np.int64)
        t = np.array([local[b] for b in t_idx], dtype=np.int64)
        labels = [f"group {int(c) + 1}" for c in community[people]]
        P, guides = hub_layout(labels, s, t, seed=seed)
        positions[people] = P
    else:  # web and spring: everyone drawn, grouped by community (the ego, if drawn, a group of its own)
        groups = np.where(np.isnan(community), -1, community)
        src, dst = s_idx, t_idx
        ego_i = np.flatnonzero(is_ego)
        if len(ego_i):  # spring on an ego network: the ego's ties pull too
            alters = np.flatnonzero(~is_ego)
            src = np.concatenate([s_idx, np.repeat(ego_i[0], len(alters))])
            dst = np.concatenate([t_idx, alters])
        positions = spring_layout(n, src, dst, groups=groups, seed=seed)
        if len(ego_i):
            positions = positions - positions[ego_i[0]]
    return positions, guides


def _colour(color_by, nodes, is_ego, strength, tie_kind, layer, community, component, scene) -> _Colours:
    people = ~is_ego
    if color_by in ("cluster", "community", "component"):
        values = community if color_by != "component" else component
        labels = [None if (e or np.isnan(v)) else f"group {int(v) + 1}" for v, e in zip(values, is_ego)]
        title = "cluster (people who know each other)" if color_by != "component" else "component (connected parts)"
        c = _categorical([lab for lab, p in zip(labels, people) if p], title)
    elif color_by == "strength" and not scene.whole:
        c = _numeric(strength[people], "tie strength")
    elif color_by == "tie" and not scene.whole:
        c = _categorical([None if _missing(v) else str(v) for v in tie_kind[people]], "tie (weak or strong)",
                         ordered=["weak", "strong"])
    elif color_by == "layer" and not scene.whole:
        c = _categorical([None if _missing(v) else str(v) for v in layer[people]], "Dunbar layer",
                         ordered=["150+", "150", "50", "15", "5"])
    elif color_by in nodes.columns and color_by not in ("key", "is_ego"):
        column = nodes.loc[people, color_by]
        numeric = pd.to_numeric(column, errors="coerce")
        if pd.api.types.is_numeric_dtype(column) or (numeric.notna().sum() == column.map(lambda v: not _missing(v)).sum()
                                                      and numeric.notna().any()):
            c = _numeric(numeric.to_numpy(dtype=float), color_by)
        else:
            c = _categorical([None if _missing(v) else _clip(_text(v), 60) for v in column], color_by)
    else:
        legal = ["cluster", "component"] + ([] if scene.whole else ["strength", "tie", "layer"]) + \
            [c for c in nodes.columns if c not in ("key", "is_ego")]
        raise NetkitError(f"color_by={color_by!r} is not something to colour by; choose one of {', '.join(map(repr, legal))}.")
    full, it = [], iter(c.colours)
    for e in is_ego:
        full.append(EGO_COLOUR if e else next(it))
    return _Colours(full, c.legend)


def _sizes(size_by, nodes, is_ego, strength, degree, edges, index, scene):
    n = len(is_ego)
    people = ~is_ego
    if size_by is None:
        sizes = np.full(n, 12.0)
        sizes[is_ego] = 20.0
        return sizes, None
    if size_by == "degree":
        values, title, text = degree.astype(float), "Size: ties among the people drawn", "bigger = knows more of the others"
    elif size_by == "strength":
        if scene.whole:
            w = edges["strength"].fillna(1.0).to_numpy()
            values = np.zeros(n)
            np.add.at(values, [index[k] for k in edges["source"]], w)
            np.add.at(values, [index[k] for k in edges["target"]], w)
            title, text = "Size: total tie strength", "bigger = more and stronger ties"
        else:
            values, title, text = strength.copy(), "Size: tie strength", "bigger = stronger tie to the ego"
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
    sizes[is_ego] = 24.0
    known = values[people][~np.isnan(values[people])]
    if len(known):
        text += f" (from {_number(known.min())} to {_number(known.max())})"
    return sizes, {"title": title, "text": text, "items": []}


def _node_tips(nodes, names, is_ego, strength, tie_kind, layer, community, degree, color_by, size_by, tooltip,
               use_pseudonyms, scene) -> list[str]:
    cols = set(nodes.columns)
    extra = [c for c in dict.fromkeys([color_by, size_by, *tooltip]) if c and c in cols
             and c not in ("key", "is_ego", "name", "context", "closeness", "frequency", "years_known", "confiding",
                           "support_given", "support_received", "last_contact", "notes")]
    records = nodes.to_dict("records")
    n_people = int((~is_ego).sum())
    tips = []
    for i, row in enumerate(records):
        lines = [_shown(names[i])]
        if is_ego[i]:
            lines.append("the ego: everyone drawn here is someone they know")
            lines.append(f"{n_people} people drawn")
            tips.append("\n".join(lines))
            continue
        if "context" in cols and not _missing(row.get("context")):
            lines.append(f"context: {_shown(row['context'], 80)}")
        for col, scale, words in (("closeness", 4, _CLOSENESS), ("frequency", 5, _FREQUENCY)):
            v = row.get(col)
            if col in cols and not _missing(v):
                lines.append(f"{'contact' if col == 'frequency' else col}: {_number(v)} of {scale}"
                             + (f" ({words[int(v)]})" if int(v) in words else ""))
        if "years_known" in cols and not _missing(row.get("years_known")):
            lines.append(f"known {_number(row['years_known'])} years")
        flags = [(c, w) for c, w in (("confiding", "confides"), ("support_given", "helped them"),
                                     ("support_received", "helped you")) if c in cols and not _missing(row.get(c))]
        if flags:
            lines.append(" · ".join(f"{w}: {'yes' if float(row[c]) else 'no'}" for c, w in flags))
        if "last_contact" in cols and not _missing(row.get("last_contact")):
            lines.append(f"last contact: {_shown(row['last_contact'], 20)}")
        if not scene.whole:
            if not np.isnan(strength[i]):
                bits = f"tie strength {strength[i]:.2f}"
                if not _missing(tie_kind[i]):
                    bits += f", {tie_kind[i]}"
                if not _missing(layer[i]):
                    bits += f" (circle of {layer[i]})"
                lines.append(bits)
            else:
                lines.append("tie strength unknown")
        group = f"group {int(community[i]) + 1} · " if community is not None and not np.isnan(community[i]) else ""
        lines.append(f"{group}knows {int(degree[i])} of the others drawn")
        for c in extra:
            v = row.get(c)
            if not _missing(v):
                lines.append(f"{_shown(c, 40)}: {_shown(v, 120)}")
        if not use_pseudonyms and "notes" in cols and not _missing(row.get("notes")):
            lines.append(f"notes: {_shown(row['notes'], 200)}")
        tips.append("\n".join(lines))
    return tips


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


def _edges(edges: pd.DataFrame, index: dict, names: list, scene: _Scene):
    out = []
    seen = {"strong": 0, "weak": 0, "unknown": 0, "bridge": 0, "spoke": 0}
    highlighted, all_bridges = _highlighted_bridges(edges)
    faint = len(edges) > 2000  # many lines: see-through, so clusters and bridges show
    for j, e in enumerate(edges.itertuples(index=False)):
        a, b = index[e.source], index[e.target]
        spoke = e.kind == "ego-alter"
        strength = float(e.strength) if e.strength is not None and not np.isnan(e.strength) else None
        bridge = bool(highlighted[j])
        weak = e.tie == "weak"
        width = 1.0 + 4.0 * strength if strength is not None else 1.5
        colour = BRIDGE_COLOUR if bridge else (SPOKE_COLOUR if spoke else EDGE_COLOUR)
        lines = [f"{_shown(names[a], 80)} – {_shown(names[b], 80)}"]
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
        edge = {"id": f"e{j}", "from": a, "to": b, "width": round(width + (1.5 if bridge else 0.0), 2),
                "color": {"color": colour, "highlight": "#000000", "hover": "#000000"}, "title": "\n".join(lines)}
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
    legend = []
    if seen["strong"]:
        legend.append({"swatch": "line", "color": EDGE_COLOUR, "width": 3, "label": "strong tie", "count": seen["strong"]})
    if seen["weak"]:
        legend.append({"swatch": "line", "color": EDGE_COLOUR, "width": 2, "dash": WEAK_DASH, "label": "weak tie",
                       "count": seen["weak"]})
    if seen["unknown"]:
        legend.append({"swatch": "line", "color": EDGE_COLOUR, "width": 1.5, "label": "tie, strength not recorded",
                       "count": seen["unknown"]})
    if seen["bridge"]:
        label = "local bridge: the two share no contact"
        if all_bridges:
            label += f" (the {seen['bridge']:,} with the longest spans of {all_bridges:,})"
        legend.append({"swatch": "line", "color": BRIDGE_COLOUR, "width": 3, "label": label,
                       "count": None if all_bridges else seen["bridge"]})
    if seen["spoke"]:
        legend.append({"swatch": "line", "color": SPOKE_COLOUR, "width": 2, "label": "the ego's own ties (pale)",
                       "count": seen["spoke"]})
    return out, legend


def _introductions(introductions, net, index, names, use_pseudonyms, seed, first_id):
    if introductions is None or introductions is False:
        return [], ""
    if isinstance(introductions, pd.DataFrame):
        table = introductions
    elif introductions is True or (isinstance(introductions, (int, np.integer)) and not isinstance(introductions, bool)):
        if isinstance(net, WholeNetwork):
            raise NetkitError("suggested introductions need an ego network; pass ego=NODE to draw one person's network.")
        from ..introductions import suggest_introductions

        table = suggest_introductions(net, k=5 if introductions is True else int(introductions), seed=seed)
    else:
        raise NetkitError(f"introductions={introductions!r} must be True, a number of suggestions, or a table with "
                          "alter_a and alter_b (from nk.suggest_introductions).")
    for col in ("alter_a", "alter_b"):
        if col not in table.columns:
            raise NetkitError(f"introductions= lacks the column '{col}'; pass the table nk.suggest_introductions returns.")
    out, left_out = [], 0
    all_ids = set(pseudonyms(net)) if not isinstance(net, WholeNetwork) else set(map(str, net.G))
    for r in table.to_dict("records"):
        a, b = str(r["alter_a"]), str(r["alter_b"])
        for x in (a, b):
            if x not in index and x not in all_ids:
                raise NetkitError(f"introductions= names '{x}', who is not in this network; check the id.")
        if a not in index or b not in index:
            left_out += 1
            continue
        ia, ib = index[a], index[b]
        lines = [f"could connect: {_shown(names[ia], 80)} and {_shown(names[ib], 80)}",
                 "a suggested introduction — they do not know each other yet"]
        if "score" in r and not _missing(r["score"]):
            lines.append(f"score {float(r['score']):.2f}")
        if not use_pseudonyms and "reason" in r and not _missing(r.get("reason")):
            lines.append(_shown(r["reason"], 600))
        out.append({"id": f"i{first_id + len(out)}", "from": ia, "to": ib, "width": 2.5, "dashes": INTRO_DASH,
                    "color": {"color": INTRO_COLOUR, "highlight": INTRO_COLOUR, "hover": INTRO_COLOUR},
                    "title": "\n".join(lines), "physics": False})
    note = f"{left_out} suggested introduction(s) involve people not drawn here." if left_out else ""
    return out, note


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
        "font": {"size": 16, "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"drawThreshold": 5}},
    }
    o.layout = {"improvedLayout": False, "randomSeed": int(seed)}
