"""Saved drawings and notebook drawings in headless Chromium, with every request that would leave
this machine blocked and recorded: they draw, fetch nothing, and hostile names never run."""

from __future__ import annotations

import secrets

import nbformat
import pandas as pd
import pytest
from helpers_lab import REPO

import netkit as nk
from hostile import HOSTILE_NAMES
from hostile import hostile_network

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
