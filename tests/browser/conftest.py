"""Fixtures for drawing tests: a folder served from 127.0.0.1, and a page probe that records
what a page tries to do (dialogs, blocked content, elements added to the document)."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest

# Installed before any script of the page runs.
PROBE = r"""
(() => {
  window.__probe = { violations: [], added: [] };
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__probe.violations.push(e.violatedDirective + " " + (e.blockedURI || "") + " " + (e.sample || ""));
  });
  // elements added once the document is parsed (by scripts, e.g. while hovering)
  const record = (node) => {
    if (node.nodeType !== 1) { return; }
    window.__probe.added.push(node.tagName);
    node.querySelectorAll("*").forEach((child) => window.__probe.added.push(child.tagName));
  };
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver((mutations) => {
      for (const m of mutations) { for (const n of m.addedNodes) { record(n); } }
    }).observe(document, { childList: true, subtree: true });
  });
})();
"""

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(folder, base URL): files written to the folder are served from 127.0.0.1."""
    folder = tmp_path_factory.mktemp("drawings")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def dialogs(page) -> list[str]:
    """Every alert/confirm/prompt the page opened (each is dismissed).

    Also installs the probe above in every frame of the page (``window.__probe``) and gives the
    page a 1280×800 viewport.
    """
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(PROBE)
    page.set_viewport_size({"width": 1280, "height": 800})
    return seen
