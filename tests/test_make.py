"""`make lab` serves JupyterLab with the start notebook, set up for a room with no internet,
and the venv set-up step only reruns when it has to."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from helpers_lab import REPO, START_NOTEBOOK, STAMP, make

ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"


def page_config(html: bytes) -> dict:
    m = re.search(rb'<script id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S)
    assert m, "no jupyter-config-data in the lab page"
    return json.loads(m.group(1))


@pytest.mark.slow
def test_make_lab_serves_the_start_notebook(lab_server):
    status, _, body = lab_server.get(f"/api/contents/{START_NOTEBOOK}")
    assert status == 200, f"{status}: {body[:300]!r}\n{lab_server.log()}"
    model = json.loads(body)
    assert model["type"] == "notebook" and model["path"] == START_NOTEBOOK

    status, _, _ = lab_server.get(f"/lab/tree/{START_NOTEBOOK}")
    assert status == 200

    # the random token really is required
    assert lab_server.get(f"/api/contents/{START_NOTEBOOK}", token=False)[0] == 403


@pytest.mark.slow
def test_make_lab_is_set_up_for_offline_use(lab_server):
    """The running server carries the settings from jupyter/ (JUPYTER_CONFIG_PATH)."""
    _, _, html = lab_server.get(f"/lab/tree/{START_NOTEBOOK}")
    cfg = page_config(html)
    assert cfg["news"] == {"disabled": True}, "Jupyter news feed would be fetched"
    assert ANNOUNCEMENTS in cfg["disabledExtensions"], "announcements popup asks to go online"
    assert cfg["extensionManager"]["can_install"] is False, "extension manager would query PyPI"
    # the server answers these itself, without going online
    assert lab_server.get_json("/lab/api/news") == {"news": []}
    assert lab_server.get_json("/lab/api/update") == {"notification": None}


@pytest.mark.slow
def test_make_lab_config_values(installed, jupyter_env):
    """Same settings, read back by JupyterLab itself (no server started)."""
    out = make("-s", "lab", "LAB_ARGS=--show-config-json", timeout=120)
    assert out.returncode == 0, out.stderr
    config = json.loads(out.stdout)
    assert Path(config["ServerApp"]["root_dir"]).resolve() == REPO.resolve()  # not just notebooks/
    lab = config["LabApp"]
    assert lab["check_for_updates_class"] == "jupyterlab.NeverCheckForUpdate"
    assert lab["news_url"] is None
    assert lab["extension_manager"] == "readonly"
    assert Path(lab["workspaces_dir"]).resolve() == (REPO / ".venv" / "lab-workspaces").resolve()


def test_second_run_does_not_reinstall():
    """In this checkout (set up by `make test`) `make lab` goes straight to JupyterLab."""
    dry = make("-n", "lab")
    assert dry.returncode == 0, dry.stderr
    assert "pip install" not in dry.stdout and "-m venv" not in dry.stdout, dry.stdout
    assert "jupyter lab" in dry.stdout
    assert make("-q", STAMP).returncode == 0


@pytest.fixture
def scratch(tmp_path):
    """A copy of just the Makefile and pyproject.toml, to exercise make's logic cheaply."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)
    return tmp_path


def dry_run(cwd: Path, *args: str) -> str:
    out = make("-n", *args, cwd=cwd)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_venv_setup_runs_only_when_needed(scratch):
    assert "-m venv .venv" in dry_run(scratch, "lab")  # fresh clone: create, install
    assert "pip install -e '.[lab,test,scale]'" in dry_run(scratch, "test")

    (scratch / ".venv/bin").mkdir(parents=True)
    (scratch / ".venv/bin/pip").touch()
    (scratch / STAMP).touch()
    old = time.time() - 60
    os.utime(scratch / "pyproject.toml", (old, old))
    for target in ("lab", "test"):
        plan = dry_run(scratch, target)
        assert "pip install" not in plan and "-m venv" not in plan, plan

    (scratch / "pyproject.toml").touch()  # dependencies edited: reinstall, keep the venv
    plan = dry_run(scratch, "lab")
    assert "pip install" in plan and "-m venv" not in plan, plan


def test_old_python_gets_one_clear_line(scratch):
    fake = scratch / "python3.8"
    fake.write_text('#!/bin/sh\n[ "$1" = --version ] && echo "Python 3.8.18" && exit 0\nexit 1\n')
    fake.chmod(0o755)
    out = make("lab", f"PYTHON={fake}", cwd=scratch, timeout=60)
    assert out.returncode != 0
    lines = [ln for ln in out.stderr.splitlines() if "Python >= 3.10" in ln]
    assert len(lines) == 1 and "3.8.18" in lines[0], out.stderr
    assert not (scratch / ".venv").exists()
