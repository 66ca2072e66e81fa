"""`netkit start` from the installed wheel, opened in headless Chromium with every request that
would leave this machine blocked and recorded: the lab folder's start notebook opens, its kernel
runs the installed netkit, and nothing is fetched from the internet."""
from __future__ import annotations


import pytest

from test_lab import started_lab
from test_lab_in_chromium import TIMEOUT_MS, first_heading

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_lab_folder_opens_offline_in_a_browser(wheel_env, page, outside_requests):
    with started_lab(wheel_env, "browser-lab") as (server, cwd):
        notebook = cwd / "netkit-lab" / "notebooks" / "00-start-here.ipynb"
        page.goto(f"{server.base_url}/lab/tree/notebooks/00-start-here.ipynb?token={server.token}")
        panel = page.locator(".jp-NotebookPanel")
        panel.locator(".jp-RenderedMarkdown :is(h1,h2,h3,h4,h5,h6)", has_text=first_heading(notebook)).first.wait_for(
            timeout=TIMEOUT_MS)
        errors = page.locator(".jp-Dialog, .Toastify__toast--error")
        idle = page.locator(".jp-StatusBar-Widget", has_text="Idle")
        idle.or_(errors).first.wait_for(timeout=TIMEOUT_MS)
        assert errors.count() == 0, "error shown: " + " | ".join(errors.all_inner_texts())
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
