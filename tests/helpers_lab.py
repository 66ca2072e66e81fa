"""Start `make lab` as a real JupyterLab server for tests, and stop it again.

Used by the `lab_server` fixture in conftest.py (tests/test_make.py and the
browser tests share one server per test session).
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from contextlib import contextmanager
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
STAMP = ".venv/.netkit-installed"


def make_env() -> dict:
    """The environment for a child `make`, without flags from an outer `make test`."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def make(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run make in the repo (or `cwd=`); captures text output."""
    kwargs.setdefault("cwd", REPO)
    return subprocess.run(["make", *args], env=make_env(), capture_output=True, text=True, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    proc: subprocess.Popen
    port: int
    token: str
    log_path: Path
    started_in: float = 0.0
    base_url: str = field(init=False)

    def __post_init__(self):
        self.base_url = f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def get(self, path: str, token: bool = True, timeout: float = 10):
        """GET `path`; returns (status, headers, body bytes). Never raises on HTTP errors."""
        req = urllib.request.Request(self.base_url + path)
        if token:
            req.add_header("Authorization", f"token {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def get_json(self, path: str):
        status, _, body = self.get(path)
        assert status == 200, f"GET {path} -> {status}: {body[:500]!r}"
        return json.loads(body)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass


def stamp_is_fresh() -> bool:
    """True when `make` would not reinstall the venv (no pip call)."""
    return make("-q", STAMP).returncode == 0


def start_lab(log_path: Path, extra_args: list[str] = (), timeout: float = 90) -> LabServer:
    """Run `make lab LAB_ARGS=...` in its own process group; wait until it answers."""
    port, token = free_port(), secrets.token_hex(16)
    args = [
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        *extra_args,
    ]
    if os.geteuid() == 0:  # CI runs as root; Jupyter refuses root without this
        args.append("--allow-root")
    log = open(log_path, "wb")
    t0 = time.monotonic()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "lab", "LAB_ARGS=" + " ".join(args)],
        cwd=REPO,
        env=make_env(),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    server = LabServer(proc, port, token, log_path)
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"`make lab` exited with {proc.returncode}:\n{server.log()}")
        try:
            if server.get("/api/status", timeout=2)[0] == 200:
                server.started_in = time.monotonic() - t0
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{server.log()}")


# ---------------------------------------------------------------- driving JupyterLab in a browser


def api(lab_server, method: str, path: str):
    req = urllib.request.Request(lab_server.base_url + path, method=method)
    req.add_header("Authorization", f"token {lab_server.token}")
    with urllib.request.urlopen(req, timeout=20) as resp:
        body = resp.read()
        return json.loads(body) if body else None


def run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def assert_no_errors(page) -> None:
    shown = page.locator(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], .jp-RenderedText[data-mime-type"
        "='application/vnd.jupyter.stderr'], .jp-Dialog, .Toastify__toast--error, .netkit-error"
    )
    assert shown.count() == 0, "error shown: " + " | ".join(shown.all_inner_texts())
    text = "".join(page.locator(".jp-NotebookPanel").all_inner_texts())
    assert "Error displaying widget" not in text and "Traceback" not in text


def code_notebook(cells: list[str]) -> dict:
    """A notebook of code cells (no outputs), for a test to write into the served root."""
    return {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                   "source": src} for i, src in enumerate(cells)],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


@contextmanager
def served_folder(prefix: str):
    """A new folder under build/ (git-ignored, inside the root the lab serves), removed afterwards,
    with build/ itself when nothing else is left in it."""
    folder = REPO / "build" / f"{prefix}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if (REPO / "build").exists() and not any((REPO / "build").iterdir()):
            (REPO / "build").rmdir()


def notebook_sessions(server, notebook: str) -> list[dict]:
    """The server's kernel sessions of ``notebook`` (a path under the served root). JupyterLab names a
    session by the notebook's path; some front ends by an id in the notebook's folder, keeping its name."""
    folder, name = notebook.rsplit("/", 1) if "/" in notebook else ("", notebook)
    return [s for s in api(server, "GET", "/api/sessions")
            if s["path"] == notebook or (s["path"].rsplit("/", 1)[0] == folder and s["name"] == name)]


def shut_down(server, notebook: str) -> int:
    """Shut the notebook's kernels down (their sessions too); how many there were."""
    found = notebook_sessions(server, notebook)
    for s in found:
        api(server, "DELETE", f"/api/sessions/{s['id']}")
    assert notebook_sessions(server, notebook) == []
    return len(found)
