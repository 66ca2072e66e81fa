"""Saved drawings and notebook drawings in headless Chromium, with every request that would leave
this machine blocked and recorded: they draw, fetch nothing, and hostile names never run."""

from __future__ import annotations

import secrets

import nbformat
import numpy as np
import pandas as pd
import pytest
from helpers_lab import REPO

import netkit as nk
from hostile import HOSTILE_NAMES
from hostile import hostile_network
from networks import ego_network

pytestmark = [pytest.mark.browser]

HOSTILE = HOSTILE_NAMES
# counts the canvas pixels that are not transparent
INK = r"""
(canvas) => {
  const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { ink++; } }
  return ink;
}
"""
ALLOWED_ADDED = {"DIV", "CANVAS"}  # what vis-network and the tooltips add; anything else is injected
# netkit's template, and what vis-network adds
ALLOWED_ELEMENTS = {"HTML", "HEAD", "META", "TITLE", "STYLE", "BODY", "HEADER", "H1", "P", "MAIN", "DIV", "DETAILS",
                    "SUMMARY", "SECTION", "H2", "UL", "LI", "svg", "line", "circle", "BDI", "SPAN", "SCRIPT", "CANVAS"}
TIMEOUT_MS = 60_000


def open_drawing(page, url: str):
    page.goto(url)
    page.wait_for_selector("body[data-drawn=true]", timeout=TIMEOUT_MS)
    return page.locator("#nk-graph canvas")


def assert_clean(page, dialogs, outside_requests):
    probe = page.evaluate("window.__probe")
    assert dialogs == [], f"dialogs opened: {dialogs}"
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
    assert probe["violations"] == [], f"content security policy violations: {probe['violations']}"
    injected = sorted(set(probe["added"]) - ALLOWED_ADDED)
    assert injected == [], f"elements appeared: {injected}"
    present = set(page.evaluate("[...document.querySelectorAll('*')].map(e => e.tagName)"))
    assert present <= ALLOWED_ELEMENTS, f"unexpected elements: {sorted(present - ALLOWED_ELEMENTS)}"
    assert page.evaluate("document.scripts.length") == 3


@pytest.mark.parametrize("layout", ["rings", "hub", "web", "spring"])
def test_saved_drawing_draws_offline(layout, served, page, dialogs, outside_requests):
    folder, base = served
    nk.draw(nk.load_sample("personal"), layout=layout, size_by="degree", introductions=3).save(folder / f"{layout}.html")
    canvas = open_drawing(page, f"{base}/{layout}.html")
    assert canvas.evaluate(INK) > 2000, "the canvas is blank"
    assert_clean(page, dialogs, outside_requests)


@pytest.mark.parametrize("physics", [False, True])
def test_whole_network_draws_offline(physics, served, page, dialogs, outside_requests):
    folder, base = served
    nk.draw(nk.load_sample("karate"), size_by="degree", physics=physics).save(folder / f"karate-{physics}.html")
    canvas = open_drawing(page, f"{base}/karate-{physics}.html")
    assert canvas.evaluate(INK) > 2000
    assert_clean(page, dialogs, outside_requests)


def test_hostile_names_show_as_text_and_never_run(served, page, dialogs, outside_requests):
    folder, base = served
    net = hostile_network()
    intro = pd.DataFrame({"alter_id_a": ["h0"], "alter_id_b": ["h7"], "reason": ["<img src=x onerror=alert(2)>"]})
    d = nk.draw(net, title="<script>alert('title')</script>{{7*7}}", introductions=intro)
    d.save(folder / "hostile.html")
    canvas = open_drawing(page, f"{base}/hostile.html")
    assert canvas.evaluate(INK) > 2000
    assert page.title() == "<script>alert('title')</script>{{7*7}}"
    assert page.locator("#nk-heading").inner_text() == "<script>alert('title')</script>{{7*7}}"
    assert "<img src=x onerror=alert(1)>" in page.locator("#nk-legend").inner_text()

    # move the mouse over every node, at the position computed in Python
    keys = list(d.positions)
    points = page.evaluate(
        """(pts) => {
            const net = window.netkit.network;
            const box = document.querySelector('#nk-graph canvas').getBoundingClientRect();
            return pts.map(([x, y]) => { const p = net.canvasToDOM({x, y}); return [box.left + p.x, box.top + p.y]; });
        }""",
        [list(d.positions[k]) for k in keys],
    )
    for key, (x, y) in zip(keys, points):
        assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).tagName", [x, y]) == "CANVAS", \
            f"node {key} is hidden behind something"
        title = d.node(key)["title"]
        page.mouse.move(x, y)
        page.wait_for_function(
            """(text) => { const t = document.querySelector('.vis-tooltip');
                          return t && t.style.visibility !== 'hidden' && t.textContent === text; }""",
            arg=title, timeout=5_000,
        )
        tip = page.locator(".vis-tooltip .nk-tip")
        assert tip.count() == 1 and tip.evaluate("e => e.children.length") == 0, "tooltip holds elements, not text"
    page.mouse.move(5, 5)
    page.mouse.move(1000, 700, steps=40)  # and across the lines
    page.wait_for_timeout(300)
    assert_clean(page, dialogs, outside_requests)


def test_notebook_output_is_a_sandboxed_frame_that_draws(served, page, dialogs, outside_requests):
    """The HTML a notebook (classic, VS Code, Voilà) puts into its page: drawn, and cut off from it."""
    folder, base = served
    d = nk.draw(hostile_network(), title="<img src=x onerror=alert(3)>")
    (folder / "host.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><h1>notebook</h1>"
        f"{d._repr_html_()}</body></html>", encoding="utf-8")
    page.goto(f"{base}/host.html")
    frame_el = page.wait_for_selector("iframe[sandbox='allow-scripts']")
    frame = frame_el.content_frame()
    frame.wait_for_selector("body[data-drawn=true]", timeout=TIMEOUT_MS)
    assert frame.locator("#nk-graph canvas").evaluate(INK) > 2000
    reach = frame.evaluate("() => { try { return String(window.parent.document.title); } catch (e) { return 'blocked'; } }")
    assert reach == "blocked"
    assert frame.evaluate("window.origin") == "null"  # an opaque origin: no cookies, no storage of the host
    assert dialogs == [] and outside_requests == []
    assert page.evaluate("document.querySelectorAll('img, script').length") == 0


@pytest.mark.slow
def test_drawing_in_a_notebook_cell_shows_in_jupyterlab(lab_server, page, outside_requests):
    folder = REPO / "workspace"  # served by `make lab`, ignored by git
    made_folder = not folder.exists()
    folder.mkdir(exist_ok=True)
    name = f"netkit-test-drawing-{secrets.token_hex(4)}.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('import netkit as nk\nnk.draw(nk.load_sample("personal"), layout="hub")')]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nb, folder / name)
    try:
        page.goto(f"{lab_server.base_url}/lab/tree/workspace/{name}?token={lab_server.token}")
        panel = page.locator(".jp-NotebookPanel")
        panel.locator(".jp-Cell .jp-InputArea-editor").first.wait_for(timeout=TIMEOUT_MS)
        page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)
        panel.locator(".jp-Cell .jp-InputArea-editor").first.click()
        page.keyboard.press("Shift+Enter")
        frame_el = panel.locator(".jp-OutputArea-output iframe[sandbox='allow-scripts']").first
        frame_el.wait_for(timeout=TIMEOUT_MS)
        frame = frame_el.element_handle().content_frame()
        frame.wait_for_selector("body[data-drawn=true]", timeout=TIMEOUT_MS)
        assert frame.locator("#nk-graph canvas").evaluate(INK) > 2000, "the canvas in JupyterLab is blank"
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.all_inner_texts()
        assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
    finally:
        (folder / name).unlink(missing_ok=True)
        checkpoints = folder / ".ipynb_checkpoints"
        for cp in checkpoints.glob(name.replace(".ipynb", "-checkpoint.ipynb")):
            cp.unlink()
        if checkpoints.exists() and not any(checkpoints.iterdir()):
            checkpoints.rmdir()
        if made_folder and not any(folder.iterdir()):
            folder.rmdir()


def test_hover_data_round_trip_is_exact(served, page, dialogs, outside_requests):
    """What Python put in the data block is what the page holds: nothing decoded as markup."""
    folder, base = served
    d = nk.draw(hostile_network())
    d.save(folder / "roundtrip.html")
    open_drawing(page, f"{base}/roundtrip.html")
    labels = page.evaluate("window.netkit.nodes.get().map(n => [n.id, n.label, n.title.textContent])")
    expected = {n["id"]: (n["label"], n["title"]) for n in d.network.nodes}
    assert {i: (lab, t) for i, lab, t in labels} == expected
    assert_clean(page, dialogs, outside_requests)


# ----------------------------------------------------------------------------- never blank, always readable

FIRST = ["Sam", "Olusegun", "Maria", "Zhang", "Aisha", "Jean-Baptiste", "Priya", "Kwame", "Ingrid", "Mohammed",
         "Lucía", "Takeshi", "Fatima", "Dmitri", "Chloé", "Anan", "Björn", "Nomvula", "Rafael", "Yuki"]
LAST = ["Lindqvist", "Adeyemi", "Fernández-García", "Wei", "Khan", "Dubois", "Raghunathan", "Mensah", "Johansson",
        "Al-Sayed", "Martínez", "Yamamoto", "Haddad", "Petrov", "Laurent", "Srisai", "Andersson", "Dlamini",
        "Oliveira", "Tanaka"]


def sixty_people():
    """60 people with long names (some with emoji) in six contexts, dense inside a context, a few ties across."""
    rng = np.random.default_rng(3)
    alters = [f"p{i:02d}" for i in range(60)]
    names = [f"{FIRST[i % 20]} {LAST[(i * 7) % 20]}" + (" \U0001F642" if i % 13 == 0 else "") for i in range(60)]
    contexts = rng.choice(["family", "work", "neighbourhood", "university friends", "football club", "choir"], 60)
    ties = [(alters[i], alters[j]) for i in range(60) for j in range(i + 1, 60)
            if rng.random() < (0.35 if contexts[i] == contexts[j] else 0.015)]
    return ego_network(alters, ties, name=names, context=list(contexts), closeness=list(rng.integers(1, 5, 60)))


# where every node is, relative to the drawing's canvas, in CSS pixels
NODES_ON_SCREEN = r"""
() => {
  const net = window.netkit.network, pos = net.getPositions(), box = document.querySelector('#nk-graph canvas');
  const out = [];
  for (const id of Object.keys(pos)) { const p = net.canvasToDOM(pos[id]); out.push([p.x, p.y]); }
  return { nodes: out, width: box.clientWidth, height: box.clientHeight };
}
"""


def assert_nodes_in_view(frame, what):
    seen = frame.evaluate(NODES_ON_SCREEN)
    w, h = seen["width"], seen["height"]
    assert w > 100 and h > 100, f"{what}: the canvas is {w}×{h}"
    outside = [(round(x), round(y)) for x, y in seen["nodes"] if not (0 <= x <= w and 0 <= y <= h)]
    assert outside == [], f"{what}: nodes outside the visible canvas ({w}×{h}): {outside[:5]}"


def test_drawings_made_off_screen_fit_once_they_show(served, page, dialogs, outside_requests):
    """The first Run All of a notebook: drawings made far below the fold, in a hidden output, or in a
    frame with no size yet are fitted when they show, not left with the view they had at load."""
    folder, base = served
    personal = nk.load_sample("personal")
    frames = [nk.draw(personal, layout=layout)._repr_html_() for layout in ("rings", "hub", "web")]
    spacer = "<div style='height:2500px'>spacer</div>"
    (folder / "fold.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><h1>notebook</h1>"
        f"{spacer}<div id='far0'>{frames[0]}</div>{spacer}<div id='far1'>{frames[1]}</div>"
        f"<div id='hidden' style='display:none'>{frames[2]}</div>"
        f"<div id='flat' style='height:0;overflow:hidden'>{frames[0]}</div>{spacer}</body></html>",
        encoding="utf-8")
    page.goto(f"{base}/fold.html")
    page.wait_for_timeout(1500)  # everything loads while out of sight
    page.evaluate("() => { document.getElementById('hidden').style.display = 'block'; "
                  "const f = document.getElementById('flat'); f.style.height = 'auto'; f.style.overflow = 'visible'; }")
    for which in ("far0", "far1", "hidden", "flat"):
        holder = page.locator(f"#{which} iframe")
        holder.scroll_into_view_if_needed()
        frame = holder.element_handle().content_frame()
        frame.wait_for_selector("body[data-drawn=true]", timeout=TIMEOUT_MS)
        frame.wait_for_function("() => window.netkit && window.netkit.network.getScale() > 0.05", timeout=TIMEOUT_MS)
        page.wait_for_timeout(300)
        assert frame.locator("#nk-graph canvas").evaluate(INK) > 2000, f"{which}: the canvas is blank"
        assert_nodes_in_view(frame, which)
    assert dialogs == [] and outside_requests == []


def test_a_resized_frame_refits_until_the_user_zooms(served, page, dialogs, outside_requests):
    folder, base = served
    nk.draw(nk.load_sample("personal")).save(folder / "resize.html")
    open_drawing(page, f"{base}/resize.html")
    page.set_viewport_size({"width": 700, "height": 420})
    page.wait_for_timeout(400)
    assert_nodes_in_view(page, "after a resize")
    small = page.evaluate("window.netkit.network.getScale()")
    page.mouse.move(300, 200)
    page.mouse.wheel(0, -400)  # the user zooms in: their view is kept
    page.wait_for_timeout(400)
    zoomed = page.evaluate("window.netkit.network.getScale()")
    assert zoomed > small
    page.set_viewport_size({"width": 720, "height": 440})
    page.wait_for_timeout(400)
    assert page.evaluate("window.netkit.network.getScale()") > small * 1.05, "the page fought the user's zoom"
    assert_clean(page, dialogs, outside_requests)


# Every name drawn: its box (CSS pixels), the text width measured here, and its node on screen.
LABELS = r"""
() => {
  const n = window.netkit, net = n.network, pos = net.getPositions(), ctx = document.createElement('canvas').getContext('2d');
  const box = document.querySelector('#nk-graph canvas');
  const labels = n.labels().map(b => {
    ctx.font = b.font;
    const p = net.canvasToDOM(pos[b.id]);
    return { id: b.id, text: b.text, full: b.full, size: b.size, x: b.x, y: b.y, w: b.w, h: b.h,
             measured: ctx.measureText(b.text).width, nx: p.x, ny: p.y };
  });
  const guides = n.guideLabels().map(g => { ctx.font = g.font;
    return { text: g.text, kind: g.kind, x: g.x, y: g.y, w: g.w, h: g.h, measured: ctx.measureText(g.text).width }; });
  const lb = document.getElementById('nk-legend').getBoundingClientRect(), cb = box.getBoundingClientRect();
  const legend = { text: 'the legend', x: lb.left - cb.left, y: lb.top - cb.top, w: lb.width, h: lb.height };
  return { labels, guides, legend, width: box.clientWidth, height: box.clientHeight, people: n.nodes.length };
}
"""


def overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


@pytest.mark.parametrize("layout", ["rings", "hub"])
@pytest.mark.parametrize("which", ["personal", "sixty"])
@pytest.mark.parametrize("size", [(1280, 800), (1000, 600)])  # a saved page; a notebook frame
def test_names_are_readable_apart_and_clear_of_the_guides(which, layout, size, served, page, dialogs,
                                                           outside_requests):
    """At the fitted view every name drawn is 12 px or more, beside its dot, and overlaps no other name,
    no sector or ring label and not the legend; names without room (in a small frame) stay in the tooltip."""
    folder, base = served
    net = nk.load_sample("personal") if which == "personal" else sixty_people()
    nk.draw(net, layout=layout).save(folder / f"labels-{which}-{layout}.html")
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_drawing(page, f"{base}/labels-{which}-{layout}.html")
    seen = page.evaluate(LABELS)
    labels, guides, w, h = seen["labels"], seen["guides"], seen["width"], seen["height"]
    share = 0.9 if size[0] >= 1280 else 0.75
    assert len(labels) >= share * seen["people"], f"only {len(labels)} of {seen['people']} names have room"
    for b in labels:
        assert b["size"] >= 12, f"{b['text']} is drawn at {b['size']} px"
        assert b["w"] >= b["measured"], f"{b['text']}: its box is narrower than its text"
        assert b["text"] == b["full"] or (len(b["text"]) < len(b["full"]) and b["text"][:2] == b["full"][:2])
        near = max(abs(b["nx"] - min(max(b["nx"], b["x"]), b["x"] + b["w"])),
                   abs(b["ny"] - min(max(b["ny"], b["y"]), b["y"] + b["h"])))
        assert near <= 3 * b["h"], f"{b['text']} is {near:.0f} px from its node"
    for box in labels + guides:
        assert 0 <= box["x"] and box["x"] + box["w"] <= w and 0 <= box["y"] and box["y"] + box["h"] <= h, \
            f"{box['text']} is cut at the edge of the drawing"
    for g in guides:
        assert g["w"] >= g["measured"]
    for i, a in enumerate(labels):
        for b in labels[i + 1:] + guides + [seen["legend"]]:
            assert not overlap(a, b), f"'{a['text']}' overlaps '{b['text']}'"
    assert_clean(page, dialogs, outside_requests)


@pytest.mark.parametrize("first", [(700, 600), (1280, 800)])
def test_guide_labels_stay_inside_at_a4_width(first, served, page, dialogs, outside_requests):
    """A report printed on A4 is about 700 CSS pixels wide: no sector or ring name is cut at the edge,
    whether the page opens that wide or is laid out again at that width (as printing does)."""
    folder, base = served
    nk.draw(nk.load_sample("personal"), layout="rings", rings="layer").save(folder / "a4.html")
    page.set_viewport_size({"width": first[0], "height": first[1]})
    open_drawing(page, f"{base}/a4.html")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 700, "height": 560})
    page.wait_for_timeout(400)
    seen = page.evaluate(LABELS)
    assert seen["width"] <= 700
    assert {g["text"] for g in seen["guides"] if g["kind"] == "sector"} >= {"neighbourhood", "close friends"}
    for g in seen["guides"] + seen["labels"]:
        assert 0 <= g["x"] and g["x"] + g["w"] <= seen["width"], f"'{g['text']}' is cut"
        assert 0 <= g["y"] and g["y"] + g["h"] <= seen["height"], f"'{g['text']}' is cut"
    assert_nodes_in_view(page, "at A4 width")
    assert_clean(page, dialogs, outside_requests)
