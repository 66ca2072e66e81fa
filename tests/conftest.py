"""Shared fixtures: an isolated Jupyter environment, a running `make lab`, and
headless Chromium that may only talk to this machine.

Browser tests (marker `browser`) need Chromium: `chromium` on PATH or the path
in NETKIT_CHROMIUM. Without it they are skipped on a laptop but FAIL when
CI=true, so CI can never pass without having run them.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

import pytest

try:
    from helpers_lab import LabServer, stamp_is_fresh, start_lab
except ImportError:  # tests/ turned into a package
    from .helpers_lab import LabServer, stamp_is_fresh, start_lab

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def find_chromium() -> str | None:
    path = os.environ.get("NETKIT_CHROMIUM") or shutil.which("chromium")
    return path if path and os.access(path, os.X_OK) else None


def _browser_unavailable() -> str | None:
    if not find_chromium():
        return "Chromium not found (install it, or set NETKIT_CHROMIUM=/path/to/chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make test installs it)"
    return None


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        reason = _browser_unavailable()
        if reason:
            if in_ci():
                pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
            pytest.skip(reason)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


# ---------------------------------------------------------------- Jupyter


@pytest.fixture(scope="session")
def jupyter_env(tmp_path_factory):
    """Point Jupyter's and IPython's per-user dirs at a temp folder for the session,
    so a developer's ~/.jupyter, kernels or IPython startup files can't change results
    (the `python3` kernel is then the venv's own)."""
    root = tmp_path_factory.mktemp("jupyter-home")
    mp = pytest.MonkeyPatch()
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        (root / sub).mkdir()
        mp.setenv(var, str(root / sub))
    mp.setenv("JUPYTER_PLATFORM_DIRS", "1")
    yield root
    mp.undo()


@pytest.fixture(scope="session")
def installed():
    """Tests that run `make lab` must not trigger a pip install from inside pytest."""
    if not stamp_is_fresh():
        pytest.fail(
            ".venv/.netkit-installed is missing or older than pyproject.toml, so "
            "`make lab` would reinstall first: run the tests with `make test`.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def lab_server(installed, jupyter_env, tmp_path_factory) -> LabServer:
    """`make lab` on a free port with a random token, shared by the session."""
    workspaces = tmp_path_factory.mktemp("lab-workspaces")
    server = start_lab(
        jupyter_env / "make-lab.log",
        # keep test sessions out of the participant's saved layout
        extra_args=[f"--LabApp.workspaces_dir={workspaces}"],
    )
    yield server
    server.stop()


# ---------------------------------------------------------------- Chromium


@pytest.fixture(scope="session")
def browser():
    reason = _browser_unavailable()
    if reason and in_ci():
        pytest.fail(reason, pytrace=False)
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """Every request the page tried to send off this machine (all were aborted)."""
    return []


@pytest.fixture
def page(browser, outside_requests):
    """A fresh page whose requests may only reach 127.0.0.1/localhost.

    Anything else (http, https, websockets) is aborted and its URL appended to
    `outside_requests`, so a test can assert that list is empty.
    """
    context = browser.new_context(service_workers="block")

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def guard_ws(ws):
        if is_local(ws.url):
            ws.connect_to_server()
        else:
            outside_requests.append(ws.url)
            ws.close()

    context.route(re.compile(".*"), guard)
    context.route_web_socket(re.compile(".*"), guard_ws)
    pg = context.new_page()
    yield pg
    context.close()


# ---------------------------------------------------------------- the wheel, installed outside the checkout


@pytest.fixture(scope="session")
def wheel_env(tmp_path_factory, jupyter_env):
    """netkit's wheel (built from its sdist) in a fresh virtual environment outside the checkout;
    see tests/helpers_wheel.py for what it proves."""
    try:
        from helpers_wheel import build_and_install
    except ImportError:  # tests/ turned into a package
        from .helpers_wheel import build_and_install
    return build_and_install(tmp_path_factory.mktemp("wheel"))
