"""Open the start notebook through `make lab` in headless Chromium, with every
request that would leave this machine blocked and recorded."""

from __future__ import annotations

import json
import re

import pytest
from helpers_lab import REPO, START_NOTEBOOK

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000


def first_heading(notebook) -> str:
    """Text of the first markdown heading, as JupyterLab renders it (markup removed)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            m = re.match(r"\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m:
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1))  # [text](link)
                return re.sub(r"[*_`]", "", text).strip()
    raise AssertionError(f"{notebook} has no markdown heading")


def test_start_notebook_opens_offline(lab_server, page, outside_requests):
    notebook = REPO / START_NOTEBOOK
    assert notebook.exists(), f"{START_NOTEBOOK} is missing"
    heading = first_heading(notebook)

    page.goto(f"{lab_server.base_url}/lab/tree/{START_NOTEBOOK}?token={lab_server.token}")
    panel = page.locator(".jp-NotebookPanel")
    panel.locator(".jp-RenderedMarkdown :is(h1,h2,h3,h4,h5,h6)", has_text=heading).first.wait_for(
        timeout=TIMEOUT_MS
    )
    # wait until the kernel is connected (start-up is over) or an error shows
    errors = page.locator(".jp-Dialog, .Toastify__toast--error")
    idle = page.locator(".jp-StatusBar-Widget", has_text="Idle")
    idle.or_(errors).first.wait_for(timeout=TIMEOUT_MS)

    assert errors.count() == 0, "error shown: " + " | ".join(errors.all_inner_texts())
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
