"""`netkit start` from the installed wheel, opened in headless Chromium with every request that
would leave this machine blocked and recorded: the lab folder's start notebook opens, its kernel
runs the installed netkit, and nothing is fetched from the internet."""
from __future__ import annotations

import secrets

import pytest

from test_lab import serve, wait_for
from test_lab_in_chromium import TIMEOUT_MS, first_heading

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_lab_folder_opens_offline_in_a_browser(wheel_env, page, outside_requests):
    cwd = wheel_env.root / "browser-lab"
    cwd.mkdir()
    token = secrets.token_hex(16)
    server = serve(wheel_env, ["start", "--no-browser", "--ServerApp.port_retries=0",
                               f"--IdentityProvider.token={token}"], cwd, cwd / "lab.log", token)
    try:
        wait_for(server.proc, server, "/api/status")
        notebook = cwd / "netkit-lab" / "notebooks" / "00-start-here.ipynb"
        page.goto(f"{server.base_url}/lab/tree/notebooks/00-start-here.ipynb?token={token}")
        panel = page.locator(".jp-NotebookPanel")
        panel.locator(".jp-RenderedMarkdown :is(h1,h2,h3,h4,h5,h6)", has_text=first_heading(notebook)).first.wait_for(
            timeout=TIMEOUT_MS)
        errors = page.locator(".jp-Dialog, .Toastify__toast--error")
        idle = page.locator(".jp-StatusBar-Widget", has_text="Idle")
        idle.or_(errors).first.wait_for(timeout=TIMEOUT_MS)
        assert errors.count() == 0, "error shown: " + " | ".join(errors.all_inner_texts())
    finally:
        server.stop()
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
