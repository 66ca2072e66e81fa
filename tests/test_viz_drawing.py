"""The drawing page: escaping of every user text path, offline, sandboxed frame, pseudonyms, large networks.

The browser-level checks (nothing runs, nothing leaves the machine) are in
tests/browser/test_drawing_in_chromium.py; these read the HTML and the JSON data block.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netkit as nk
from netkit.errors import Origin
from netkit.model import make_collection
from hostile import HOSTILE_NAMES
from hostile import hostile_network as _hostile_network
from netkit.viz import Drawing, draw, draw_to_file
from netkit.viz.drawing import BRIDGE_COLOUR, INTRO_COLOUR, INTRO_DASH, PALETTE, WEAK_DASH, _vis_js, script_json

HOSTILE = HOSTILE_NAMES
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main", "div", "details",
                "summary", "section", "h2", "ul", "li", "svg", "line", "circle", "bdi", "span", "script"}


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.script_bodies.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies[-1] += data


def hostile_network():
    return _hostile_network(company=True)


def parse(page: str) -> Tags:
    p = Tags()
    p.feed(page)
    p.close()
    return p


def data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="nk-data">(.*?)</script>', page, re.S)
    assert m, "the data block is missing"
    return json.loads(m.group(1))


def without_vis(page: str) -> str:
    return page.replace(_vis_js(), "")


@pytest.fixture(scope="module")
def hostile():
    net = hostile_network()
    intro = pd.DataFrame({"alter_id_a": ["h0"], "alter_id_b": ["h7"], "score": [0.5], "reason": [HOSTILE[1]]})
    return draw(net, title=HOSTILE[0] + HOSTILE[4], introductions=intro, tooltip=["company"], size_by="degree")


@pytest.fixture(scope="module")
def hostile_page(hostile):
    return hostile.html()


# ----------------------------------------------------------------------------- escaping


def test_script_json_cannot_close_the_script_tag():
    value = {"a": "</script><script>alert(1)</script>", "b": "<!-- x -->", "c": "a & b", "d": "\u2028\u2029",
             "e": "\ud800 lone surrogate", "f": "{{7*7}}"}
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029", "\ud800"):
        assert bad not in text
    assert json.loads(text) == value


def test_page_has_only_netkits_own_elements(hostile_page):
    tags = parse(hostile_page)
    names = [t for t, _ in tags.tags]
    assert set(names) <= ALLOWED_TAGS, f"unexpected elements: {set(names) - ALLOWED_TAGS}"
    assert names.count("script") == 3, "exactly the data block, vis-network and netkit's script"
    for tag, attrs in tags.tags:
        assert not [a for a in attrs if a.startswith("on")], f"<{tag}> has an event handler attribute"


def test_every_user_text_path_is_escaped(hostile_page):
    page = without_vis(hostile_page)
    for raw in ("<script>alert", "<img src=x", '" onmouseover="alert', "</script><script>", "<!-- <script>"):
        assert raw not in page, f"{raw!r} reached the page unescaped"
    # heading and title: text, and the template is not evaluated
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}</title>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}</bdi></h1>" in page
    assert "49" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)
    # legend: context values are escaped text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&#34; onmouseover=&#34;alert(1)" in page


def test_labels_and_tooltips_are_data_not_markup(hostile, hostile_page):
    data = data_block(hostile_page)
    by_key = {k: data["nodes"][i] for k, i in hostile.node_index.items()}
    for i, name in enumerate(HOSTILE):
        node = by_key[f"h{i}"]
        first_line = node["title"].split("\n")[0]
        expected = " ".join(name.split("\n")).strip()
        expected = expected if len(expected) <= 300 else expected[:299] + "…"
        if "\u202e" in expected:
            expected = f"\u2068{expected}\u2069"  # kept inside its own bidi isolate
        assert first_line == expected
        assert "\n" not in node["label"] and len(node["label"]) <= 34
    assert by_key["ego"]["label"] == "<img src=x onerror=alert('ego')>"
    notes = [n["title"] for n in data["nodes"] if "notes: " in n["title"]]
    assert any("notes: <script>alert(1)</script>" in t for t in notes)
    company = [n["title"] for n in data["nodes"] if "company: " in n["title"]]
    assert len(company) == len(HOSTILE) - 1  # the company "NA" is R's missing-value code: not known, not shown
    intro = [e for e in data["edges"] if e.get("dashes") == INTRO_DASH]
    assert len(intro) == 1 and "<img src=x onerror=alert(1)>" in intro[0]["title"]
    sectors = [s["label"] for s in data["guides"]["sectors"]]
    assert "<script>alert(1)</script>" in sectors  # drawn on the canvas as text


def test_tooltips_become_text_nodes_in_the_page_script():
    from netkit.viz.drawing import _asset

    js = _asset("drawing.js")
    assert "textContent" in js
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js


def test_content_security_policy_allows_only_the_pages_own_scripts(hostile_page):
    tags = parse(hostile_page)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    executable = [body for (t, a), body in zip([x for x in tags.tags if x[0] == "script"], tags.script_bodies)
                  if a.get("type") != "application/json"]
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# ----------------------------------------------------------------------------- offline


def test_saved_page_is_one_file_with_nothing_to_fetch(tmp_path):
    path = nk.draw(nk.load_sample("personal")).save(tmp_path / "network.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    tags = parse(page)
    for tag, attrs in tags.tags:
        for attr in ("src", "href", "srcset", "action", "poster", "data"):
            assert attr not in attrs, f"<{tag} {attr}=…> would fetch something"
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    for host in ("cdn.", "jsdelivr", "cloudflare", "bootstrap", "googleapis", "unpkg"):
        assert host not in page.lower()
    assert "vis-network" in page and "@version 9.1.2" in page  # inlined from netkit/viz/static


def test_repr_html_is_a_sandboxed_escaped_frame():
    d = nk.draw(nk.load_sample("personal"), title='"><script>alert(1)</script>')
    out = d._repr_html_()
    tags = parse(out)
    assert [t for t, _ in tags.tags] == ["div", "span", "iframe"]
    frame = tags.tags[2][1]
    assert frame["sandbox"] == "allow-scripts"  # no allow-same-origin: the notebook's origin is out of reach
    assert frame["srcdoc"] == d.html()  # the parser unescapes the attribute back to the page
    assert frame["title"] == '"><script>alert(1)</script>'
    body = re.search(r'srcdoc="([^"]*)"', out).group(1)
    assert "<" not in body and ">" not in body and '"' not in body


def test_import_netkit_viz_stays_light():
    code = ("import sys, netkit.viz; print(sorted(m for m in ('pyvis', 'matplotlib', 'seaborn', 'ipywidgets') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


# ----------------------------------------------------------------------------- pseudonyms


@pytest.mark.parametrize("layout", ["rings", "hub", "web", "spring"])
def test_pseudonyms_hide_every_real_name(layout):
    net = nk.load_sample("personal")
    d = nk.draw(net, layout=layout, pseudonyms=True, introductions=3, size_by="degree", title="Workshop")
    page = without_vis(d.html())
    text = json.dumps(data_block(d.html()), ensure_ascii=False) + html.unescape(page)
    names = list(net.alters["name"]) + [net.ego["name"]]
    for name in names:
        assert name not in text, f"{name!r} is visible"
    for note in net.alters["notes"].dropna():
        assert note not in text
    assert "Person 1" in text


def test_pseudonyms_refuse_to_colour_by_names():
    with pytest.raises(nk.NetkitError, match="pseudonyms"):
        nk.draw(nk.load_sample("personal"), pseudonyms=True, color_by="name")


# ----------------------------------------------------------------------------- encoding


def test_weak_ties_dashed_bridges_highlighted_widths_by_strength():
    from netkit.ties import tie_table

    net = nk.load_sample("personal")
    d = nk.draw(net)
    table = tie_table(net, weight="weight").reset_index(drop=True)
    assert len(d.network.edges) == len(table)
    index = d.node_index
    edges = {(e["from"], e["to"]): e for e in d.network.edges}
    for r in table.itertuples():
        e = edges[(index[r.source], index[r.target])]
        assert (e.get("dashes") == WEAK_DASH) == (r.tie == "weak")
        is_bridge = bool(r.local_bridge) and r.kind == "alter-alter"
        assert (e["color"]["color"] == BRIDGE_COLOUR) == is_bridge
        assert e["width"] == pytest.approx(1 + 4 * r.strength + (1.5 if is_bridge else 0), abs=0.01)


def test_in_large_drawings_only_the_longest_bridges_stand_out():
    G = nx.cycle_graph(600)  # every tie is a local bridge (span 599)
    G.add_edges_from((i, i + 2) for i in range(0, 100, 2))  # … except around these triangles
    d = nk.draw(G)
    bridges = [e for e in d.network.edges if e["color"]["color"] == BRIDGE_COLOUR]
    lines = d.legend[-1]["items"]
    assert len(bridges) == 65  # a tenth of the 650 lines
    assert any("the 65 with the longest spans of" in i["label"] for i in lines)
    small = nk.draw(nx.cycle_graph(30))
    assert all(e["color"]["color"] == BRIDGE_COLOUR for e in small.network.edges)


def test_colour_by_context_uses_the_colour_blind_safe_palette():
    d = nk.draw(nk.load_sample("personal"), color_by="context")
    items = d.legend[0]["items"]
    assert items[0]["label"] == "ego (you)"
    assert [i["color"] for i in items[1:]] == list(PALETTE[:7])
    assert sum(i["count"] for i in items[1:]) == 40


def test_colour_by_numbers_and_size_by_degree():
    d = nk.draw(nk.load_sample("personal"), color_by="closeness", size_by="degree")
    labels = [i["label"] for i in d.legend[0]["items"][1:]]
    assert labels == ["1", "2", "3", "4"]
    sizes = {k: d.network.node_map[i]["size"] for k, i in d.node_index.items()}
    assert sizes["ego"] > max(v for k, v in sizes.items() if k != "ego")
    with pytest.raises(nk.NetkitError, match="color_by='nope'.*'cluster'"):
        nk.draw(nk.load_sample("personal"), color_by="nope")
    with pytest.raises(nk.NetkitError, match="size_by='context'"):
        nk.draw(nk.load_sample("personal"), size_by="context")


def test_introductions_are_dotted_could_connect_lines():
    net = nk.load_sample("personal")
    d = nk.draw(net, layout="web", introductions=3)
    intro = [e for e in d.network.edges if e.get("dashes") == INTRO_DASH]
    assert len(intro) == 3 and all(e["color"]["color"] == INTRO_COLOUR for e in intro)
    assert all(e["title"].startswith("could connect: ") for e in intro)
    with pytest.raises(nk.NetkitError, match="'zz'"):
        nk.draw(net, introductions=pd.DataFrame({"alter_id_a": ["a01"], "alter_id_b": ["zz"]}))


# ----------------------------------------------------------------------------- large networks


def test_large_whole_network_draws_the_largest_groups_and_says_so():
    G = nx.disjoint_union_all([nx.path_graph(30), nx.path_graph(20), nx.path_graph(5)])
    d = nk.draw(G, max_nodes=40)
    assert len(d.network.nodes) == 30
    assert d.note.startswith("Showing 30 of 55 people: the largest connected group.")
    assert html.escape(d.note) in d.html()
    d = nk.draw(G, max_nodes=10)
    assert len(d.network.nodes) == 10
    assert "the 10 with the most ties in the largest connected group (30 people)" in d.note


def test_large_ego_network_keeps_the_strongest_ties_and_says_so():
    net = nk.load_sample("personal")
    d = nk.draw(net, max_nodes=12)
    assert len(d.network.nodes) == 13  # twelve people and the ego
    assert "Showing 12 of 40 people" in d.note and "Showing 12 of 40 people" in d.html()
    d = nk.draw(net, max_edges=50)
    assert len(d.network.edges) == 50 and "Showing 50 of 109 ties" in d.note


# ----------------------------------------------------------------------------- customising the network


def test_changes_to_the_pyvis_network_reach_the_page(tmp_path):
    d = nk.draw(nk.load_sample("personal"))
    d.network.heading = "My <b>map</b>"
    d.node("a01")["color"] = "#ff0000"
    d.network.add_node(999, label="added", title="<img src=x onerror=alert(9)>", x=0, y=500)
    d.network.add_edge(999, d.node_index["a02"])
    d.network.toggle_physics(True)
    page = d.save(tmp_path / "custom.html").read_text(encoding="utf-8")
    data = data_block(page)
    assert "My &lt;b&gt;map&lt;/b&gt;" in page
    assert data["options"]["physics"]["enabled"] is True
    assert data["nodes"][d.node_index["a01"]]["color"] == "#ff0000"
    added = [n for n in data["nodes"] if n["id"] == 999]
    assert added and added[0]["title"] == "<img src=x onerror=alert(9)>"  # data; shown as text
    assert any(e["from"] == 999 for e in data["edges"])
    d.network.set_options('{"physics": {"enabled": false}, "interaction": {"hover": true}}')
    assert data_block(d.html())["options"] == {"physics": {"enabled": False}, "interaction": {"hover": True}}


def test_show_buttons_adds_the_configurator_and_pyvis_menus_warn():
    d = nk.draw(nk.load_sample("personal"))
    d.network.show_buttons(filter_=["physics"])
    page = d.html()
    assert 'id="nk-config"' in page and data_block(page)["options"]["configure"]["enabled"] is True
    d.network.select_menu = True
    with pytest.warns(UserWarning, match="select_menu"):
        d.html()


# ----------------------------------------------------------------------------- errors and files


def test_errors_name_the_argument_and_the_choices():
    net = nk.load_sample("personal")
    with pytest.raises(nk.NetkitError, match="layout='tree'.*'rings', 'hub', 'web', 'spring'"):
        nk.draw(net, layout="tree")
    with pytest.raises(nk.NetkitError, match="needs an ego network; pass ego="):
        nk.draw(nk.load_sample("karate"), layout="rings")
    with pytest.raises(nk.NetkitError, match="say which one for drawing with ego="):
        nk.draw(nk.load_sample("survey"))
    d = nk.draw(nk.load_sample("karate"), ego="1", layout="hub")
    assert d.positions["1"] == (0.0, 0.0)


def test_draw_to_file_writes_one_page(tmp_path):
    out = draw_to_file(nk.load_sample("florentine"), tmp_path / "sub" / "f.html", layout="spring", color_by="cluster")
    assert out == tmp_path / "sub" / "f.html"
    assert out.read_text(encoding="utf-8").count("<script") >= 3
    assert isinstance(nk.draw(nk.load_sample("florentine")), Drawing)


# ----------------------------------------------------------------------------- vendored vis-network


STATIC = resources.files("netkit.viz").joinpath("static")


def test_vis_network_is_the_vendored_copy_with_its_licence():
    js = STATIC.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    assert _vis_js() == js
    assert "@version 9.1.2" in js and "dual licensed" in js  # the licence header is kept
    licence = STATIC.joinpath("LICENSE-vis-network.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Apache License" in licence
    readme = STATIC.joinpath("README.md").read_text(encoding="utf-8")
    for name in ("vis-network.min.js", "vis-network.css"):
        digest = hashlib.sha256(STATIC.joinpath(name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in readme, f"the README's hash of {name} is out of date"


def test_vis_network_loads_without_pyvis():
    code = ("import sys; sys.modules['pyvis'] = None\n"  # any 'import pyvis' now fails
            "from netkit.viz.drawing import _vis_js\n"
            "print('@version 9.1.2' in _vis_js())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True"


@pytest.mark.parametrize("layout", ["rings", "hub", "web", "spring"])
def test_pages_point_at_no_install_folder_and_no_script_url(layout):
    import pyvis

    d = nk.draw(nk.load_sample("personal"), layout=layout)
    d.network.show_buttons(filter_=["physics"])  # the vis-network stylesheet too
    page = d.html()
    pyvis_folder = str(Path(pyvis.__file__).parent)
    for where in (pyvis_folder, pyvis_folder.replace("\\", "/"), "site-packages", "vis-9.1.2", "templates/lib"):
        assert where not in page
    tags = parse(page)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert len(scripts) == 3 and not any("src" in a for a in scripts)
    assert not re.search(r"""<script[^>]*\bsrc\s*=""", page, re.I)
    assert not re.search(r"""\bimport\s*\(\s*["']https?:""", page)  # no dynamic import of a remote module
    assert _vis_js() in page


# ----------------------------------------------------------------------------- the stages


def test_build_scene_holds_the_people_ties_and_places():
    from netkit.viz.drawing import DrawOptions, build_scene

    net = nk.load_sample("personal")
    scene = build_scene(net, DrawOptions(layout="hub"))
    p = scene.people
    assert len(p.keys) == len(scene.nodes) == 41 and list(p.keys[p.is_ego]) == ["ego"]
    assert p.index == {k: i for i, k in enumerate(p.keys)}
    ego = p.index["ego"]
    assert tuple(scene.positions[ego]) == (0.0, 0.0) and scene.positions.shape == (41, 2)
    assert scene.guides.sectors  # one wedge per cluster
    assert np.isnan(p.community[ego]) and not np.isnan(np.delete(p.community, ego)).any()
    assert ego not in set(scene.links.src) | set(scene.links.dst)  # ties among the alters only
    assert p.degree.sum() == 2 * len(scene.links.src) == 2 * (scene.edges["kind"] == "alter-alter").sum()
    spoke = scene.edges[scene.edges["kind"] == "ego-alter"].set_index("target")["strength"]
    assert p.strength[p.index["a01"]] == pytest.approx(spoke["a01"])
    web = build_scene(net, DrawOptions(layout="web", max_nodes=12))
    assert not web.people.is_ego.any() and len(web.people.keys) == 12 and web.reduced
    assert web.notes and web.notes[0].startswith("Showing 12 of 40 people")


def test_encode_gives_one_colour_size_and_tooltip_per_person():
    from netkit.viz.drawing import EGO_COLOUR, DrawOptions, build_scene, encode

    net = nk.load_sample("personal")
    options = DrawOptions(layout="rings", color_by="closeness", size_by="degree", labels=False)
    scene = build_scene(net, options)
    enc = encode(scene, options)
    n = len(scene.people.keys)
    assert len(enc.colours) == len(enc.sizes) == len(enc.tips) == n and enc.labels is None
    ego = scene.people.index["ego"]
    assert enc.colours[ego] == EGO_COLOUR and enc.sizes[ego] == max(enc.sizes)
    assert len(enc.lines) == len(scene.edges) and [e["id"] for e in enc.lines[:2]] == ["e0", "e1"]
    assert [s["title"] for s in enc.legend] == ["Colour: closeness", "Size: ties among the people drawn", "Lines",
                                                 "Rings"]
    d = nk.draw(net, layout="rings", color_by="closeness", size_by="degree", labels=False)
    assert [node["size"] for node in d.network.nodes] == [round(float(s), 2) for s in enc.sizes]
    assert [node["title"] for node in d.network.nodes] == enc.tips
    assert d.legend == enc.legend


def test_introductions_are_read_by_their_id_columns_and_old_tables_warn():
    net = nk.load_sample("personal")
    pairs = {"a01": ["a01", "a02"], "a02": ["a03", "a09"]}
    d = nk.draw(net, introductions=pd.DataFrame({"alter_id_a": pairs["a01"], "alter_id_b": pairs["a02"]}))
    intro = [(e["from"], e["to"]) for e in d.network.edges if e.get("dashes") == INTRO_DASH]
    assert intro == [(d.node_index["a01"], d.node_index["a03"]), (d.node_index["a02"], d.node_index["a09"])]
    with pytest.warns(FutureWarning, match=r"'alter_[ab]', netkit 0.1's name; it is now 'alter_id_[ab]'"):
        old = nk.draw(net, introductions=pd.DataFrame({"alter_a": pairs["a01"], "alter_b": pairs["a02"]}))
    assert [(e["from"], e["to"]) for e in old.network.edges if e.get("dashes") == INTRO_DASH] == intro
    with pytest.raises(nk.NetkitError, match="lacks the column 'alter_id_a'"):
        nk.draw(net, introductions=pd.DataFrame({"a": ["a01"], "b": ["a02"]}))


def test_web_leaves_the_ego_out_but_still_describes_each_tie_to_the_ego():
    net = nk.load_sample("personal")
    rings, web = nk.draw(net), nk.draw(net, layout="web")
    assert "ego" not in web.node_index
    for key in ("a01", "a20", "a40"):
        spoke = [line for line in rings.node(key)["title"].split("\n") if line.startswith("tie strength")]
        assert spoke and spoke[0] in web.node(key)["title"].split("\n")
    by_strength = nk.draw(net, layout="web", color_by="strength")
    assert "not given" not in [i["label"] for i in by_strength.legend[0]["items"]]
    kept = set(nk.draw(net, layout="web", max_nodes=12).node_index)
    assert kept == set(nk.draw(net, max_nodes=12).node_index) - {"ego"}  # the strongest ties, as the note says


def test_hub_wedges_legend_and_tooltips_name_the_groups_alike():
    """A group of one is "on their own" on the wedge, in the legend and in the tooltip, never "group 7"."""
    net = nk.load_sample("personal")
    d = nk.draw(net, layout="hub")
    wedges = {label for _, _, label in d.guides.sectors}
    legend = {item["label"] for item in d.legend[0]["items"]} - {"ego (you)"}
    assert "on their own" in wedges
    assert legend == wedges
    loners = [n for n in d.network.nodes if "on their own · " in n["title"]]
    counts = {item["label"]: item["count"] for item in d.legend[0]["items"]}
    assert len(loners) == counts["on their own"] >= 1
    # the same names however the layout: rings coloured by cluster say it the same way
    assert "on their own" in {i["label"] for i in nk.draw(net, color_by="cluster").legend[0]["items"]}


def test_names_use_system_fonts_with_colour_emoji_and_fetch_no_font():
    page = nk.draw(nk.load_sample("personal")).html()
    data = data_block(page)
    for font in ("system-ui", "Segoe UI", "Roboto", "Noto Sans", "Apple Color Emoji", "Segoe UI Emoji",
                 "Noto Color Emoji", "sans-serif"):
        assert font in data["page"]["font"]
        assert font in data["options"]["nodes"]["font"]["face"]
    css = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "Noto Color Emoji" in css
    assert "@font-face" not in css and "url(" not in css
    assert data["page"]["labelSize"] >= 12


def test_the_page_refits_when_its_frame_gets_a_size_or_shows():
    """The page script watches its frame (the browser tests check what the user sees)."""
    js = (Path(nk.__file__).parent / "viz" / "templates" / "drawing.js").read_text(encoding="utf-8")
    for hook in ("ResizeObserver", "IntersectionObserver", 'network.on("resize"', "beforeprint", 'network.on("zoom"'):
        assert hook in js


def test_a_network_with_nobody_yet_says_so_in_one_sentence():
    empty = make_collection(pd.DataFrame({"ego_id": ["e"]}),
                            pd.DataFrame({"ego_id": pd.Series(dtype=object), "alter_id": pd.Series(dtype=object)}),
                            None, origins={"alters": Origin("alters.csv")})
    with pytest.raises(nk.NetkitError, match="has no people yet, so there is nothing to draw; add them first"):
        nk.draw(empty["e"])
    with pytest.raises(nk.NetkitError, match="has no nodes"):
        nk.draw(nk.WholeNetwork(nx.Graph()))
