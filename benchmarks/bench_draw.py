"""Drawings in headless Chromium: netkit's saved page against pyvis's default output, in one run.

    .venv/bin/python benchmarks/bench_draw.py                 # 200 and 5,000 nodes
    .venv/bin/python benchmarks/bench_draw.py --sizes 200 --cap 20

For each size, one seeded Holme–Kim network (``networkx.powerlaw_cluster_graph(n, 3, 0.3)``:
scale-free with clustering, about 3 edges per node) is drawn twice:

- netkit: ``nk.draw(G).save(...)`` — seeded layout computed in Python, physics off;
- pyvis (the baseline): pyvis 0.3.2's default page, ``Network(cdn_resources="in_line")`` with
  the nodes and edges ``from_nx`` makes (size 10, width 1) and physics on, as it comes.
  The lists are filled directly because pyvis's ``add_edge`` checks every existing edge and
  would take minutes at 5,000 nodes; the page written is the same.

Both pages are served from 127.0.0.1 and opened in headless Chromium (/usr/bin/chromium, or
NETKIT_CHROMIUM) with every request that would leave the machine blocked and counted. A script
injected before the page loads samples the drawing canvas every 50 ms; the time reported is
from navigation start until the canvas is drawn (non-blank) and no longer changes — the moment
of the last change, confirmed by ``--settle`` seconds without one. Pages still changing after
``--cap`` seconds are reported as "> cap". netkit pages are measured ``--repeat`` times (median).
Targets (issue 4): 200 nodes < 1 s, 5,000 nodes < 3 s, and no request leaves the machine.
"""
from __future__ import annotations

import argparse
import http.server
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx

SEED = 20261123
TARGETS = {200: 1.0, 5000: 3.0}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

# Runs in the page before any of its own scripts: samples the first canvas every 50 ms.
PROBE = r"""
(() => {
  const s = { start: performance.now(), firstDrawn: null, lastChange: null, hash: null, samples: 0 };
  window.__drawProbe = s;
  function sample() {
    const c = document.querySelector("canvas");
    if (!c || !c.width || !c.height) { return; }
    let d;
    try { d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data; } catch (e) { return; }
    let h = 0, ink = 0;
    for (let i = 0; i < d.length; i += 36) {        // every 9th pixel
      h = (Math.imul(h, 31) + d[i] + 3 * d[i + 1] + 7 * d[i + 2] + 11 * d[i + 3]) | 0;
      if (d[i + 3] !== 0) { ink++; }
    }
    s.samples++;
    const now = performance.now();
    if (ink > 0 && s.firstDrawn === null) { s.firstDrawn = now; }
    if (ink > 0 && h !== s.hash) { s.hash = h; s.lastChange = now; }
  }
  setInterval(sample, 50);
})();
"""


def network(n: int) -> nx.Graph:
    G = nx.powerlaw_cluster_graph(n, 3, 0.3, seed=SEED)
    G = nx.relabel_nodes(G, lambda v: f"p{v}")
    for i, v in enumerate(G):
        G.nodes[v]["name"] = f"Person {i + 1}"
    return G


def netkit_page(G: nx.Graph, path: Path) -> float:
    import netkit as nk

    t = time.perf_counter()
    nk.draw(G).save(path)
    return time.perf_counter() - t


def pyvis_page(G: nx.Graph, path: Path) -> None:
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.nodes = [{"size": 10, "id": v, "label": v, "shape": "dot", "color": "#97c2fc"} for v in G]
    net.node_ids = list(G)
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [{"width": 1, "from": u, "to": v} for u, v in G.edges()]
    net.write_html(str(path))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(browser, url: str, *, cap: float, settle: float) -> tuple[float | None, bool, list[str]]:
    """(seconds from navigation start to the last canvas change, settled?, outside requests)."""
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")

    def guard(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("blockedbyclient")

    context.route(re.compile(".*"), guard)
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(url, wait_until="commit")
    settled, last = False, None
    while True:
        time.sleep(0.2)
        probe = page.evaluate("window.__drawProbe ? {...window.__drawProbe, now: performance.now()} : null")
        if probe is None:
            continue
        last = probe["lastChange"]
        if last is not None and (probe["now"] - last) / 1000 >= settle:
            settled = True
            break
        if probe["now"] / 1000 > cap + settle:
            break
    context.close()
    seconds = None if last is None else last / 1000
    return seconds, settled, outside


def chromium_version(path: str) -> str:
    import subprocess

    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
        return out or "Chromium"
    except (OSError, subprocess.TimeoutExpired):
        return "Chromium"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 5000])
    parser.add_argument("--cap", type=float, default=30.0, help="stop waiting for a page to settle after this (s)")
    parser.add_argument("--settle", type=float, default=1.0, help="no change for this long means settled (s)")
    parser.add_argument("--repeat", type=int, default=3, help="netkit runs per size (median reported)")
    args = parser.parse_args(argv)

    chromium = os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    print(f"netkit drawing benchmark, measured on this machine: {os.cpu_count()} CPU cores, "
          f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
          f"{chromium_version(chromium)} (headless)")
    print(f"network: powerlaw_cluster_graph(n, 3, 0.3, seed={SEED}); time = navigation start -> canvas drawn "
          f"and unchanged for {args.settle:g} s (cap {args.cap:g} s)")
    rows, all_outside = [], {"netkit": [], "pyvis": []}
    with tempfile.TemporaryDirectory(prefix="netkit-bench-draw-") as tmp, sync_playwright() as p:
        folder = Path(tmp)
        server = serve(folder)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for n in args.sizes:
                G = network(n)
                python_s = netkit_page(G, folder / f"netkit-{n}.html")
                pyvis_page(G, folder / f"pyvis-{n}.html")
                ours = []
                for _ in range(max(1, args.repeat)):
                    s, ok, outside = measure(browser, f"{base}/netkit-{n}.html", cap=args.cap, settle=args.settle)
                    all_outside["netkit"] += outside
                    ours.append(s if (ok and s is not None) else float("inf"))
                theirs, ok, outside = measure(browser, f"{base}/pyvis-{n}.html", cap=args.cap, settle=args.settle)
                all_outside["pyvis"] += outside
                rows.append((n, G.number_of_edges(), python_s, statistics.median(ours), theirs, ok))
        finally:
            browser.close()
            server.shutdown()

    print(f"{'nodes':>6} {'edges':>6}  {'netkit layout+page (Python)':>27}  {'netkit in Chromium':>18}  "
          f"{'pyvis in Chromium':>22}  {'pyvis / netkit':>14}  target")
    failed = False
    for n, m, python_s, ours, theirs, ok in rows:
        target = TARGETS.get(n)
        if theirs is None:
            pyvis_text, ratio = f"not drawn in {args.cap:g} s", f"> {args.cap / ours:.0f}x" if ours > 0 else "-"
        elif ok:
            pyvis_text, ratio = f"{theirs:.2f} s", f"{theirs / ours:.1f}x" if ours > 0 else "-"
        else:
            pyvis_text, ratio = f"> {args.cap:g} s (moving)", f"> {args.cap / ours:.0f}x" if ours > 0 else "-"
        verdict = "" if target is None else (f"< {target:g} s " + ("met" if ours < target else "MISSED"))
        failed |= target is not None and not ours < target
        print(f"{n:>6} {m:>6}  {python_s:>25.2f} s  {ours:>16.2f} s  {pyvis_text:>22}  {ratio:>14}  {verdict}")
    for who, urls in all_outside.items():
        hosts = sorted({urlsplit(u).hostname or u for u in urls})
        print(f"requests leaving the machine, {who}: {len(urls)}" + (f" ({', '.join(hosts)})" if hosts else ""))
    failed |= bool(all_outside["netkit"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
