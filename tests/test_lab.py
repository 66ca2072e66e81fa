"""`netkit start`: a lab folder of one's own that never loses a change, and JupyterLab (or the
self-check app) opened on it with the kit's offline settings — from the installed wheel."""
from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

import netkit.lab as lab
from helpers_lab import LabServer, free_port
from netkit.lab import RECORD, make_lab_folder, server_env

REPO = Path(__file__).resolve().parent.parent
KIT_NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


def test_first_run_copies_the_notebooks_docs_and_a_readme(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path / "answers"))
    made = make_lab_folder(tmp_path / "lab")
    folder = tmp_path / "lab"
    assert sorted(p.name for p in (folder / "notebooks").glob("*.ipynb")) == KIT_NOTEBOOKS
    assert (folder / "notebooks" / "00-start-here.ipynb").read_bytes() == (REPO / "notebooks/00-start-here.ipynb").read_bytes()
    assert sorted(p.name for p in (folder / "docs").iterdir()) == sorted(p.name for p in (REPO / "docs").iterdir())
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert str(tmp_path / "answers") in readme and "netkit start" in readme
    assert made.kept == [] and made.updated == [] and len(made.added) == len(KIT_NOTEBOOKS) + 1 + len(
        list((REPO / "docs").iterdir()))
    assert made.report().splitlines()[0] == f"{folder.absolute()}: added {len(made.added)} files."


def test_a_second_run_keeps_what_the_person_changed_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path / "answers"))
    folder = tmp_path / "lab"
    make_lab_folder(folder)
    mine = folder / "notebooks" / "03-weak-and-strong-ties.ipynb"
    mine.write_text("my own notes", encoding="utf-8")
    (folder / "notebooks" / "04-structural-holes-and-introductions.ipynb").unlink()
    again = make_lab_folder(folder)
    assert mine.read_text(encoding="utf-8") == "my own notes"
    assert again.kept == ["notebooks/03-weak-and-strong-ties.ipynb"]
    assert again.added == ["notebooks/04-structural-holes-and-introductions.ipynb"] and again.updated == []
    report = again.report()
    assert "Kept your own version of notebooks/03-weak-and-strong-ties.ipynb" in report
    assert f"Your answers are kept in {tmp_path / 'answers'}" in report
    # and a third run with nothing new says so, still naming what it kept
    third = make_lab_folder(folder).report()
    assert "everything else from the kit is already here" in third and "03-weak" in third


def test_a_newer_kit_updates_only_files_the_person_left_alone(tmp_path, monkeypatch):
    kit = tmp_path / "kit"
    (kit / "notebooks").mkdir(parents=True)
    (kit / "docs").mkdir()
    (kit / "notebooks" / "a.ipynb").write_text("a, first version", encoding="utf-8")
    (kit / "notebooks" / "b.ipynb").write_text("b, first version", encoding="utf-8")
    monkeypatch.setattr(lab, "notebooks_dir", lambda: kit / "notebooks")
    monkeypatch.setattr(lab, "docs_dir", lambda: kit / "docs")
    folder = tmp_path / "lab"
    make_lab_folder(folder)
    (folder / "notebooks" / "b.ipynb").write_text("b, with my answers", encoding="utf-8")
    (kit / "notebooks" / "a.ipynb").write_text("a, second version", encoding="utf-8")
    (kit / "notebooks" / "b.ipynb").write_text("b, second version", encoding="utf-8")
    result = make_lab_folder(folder)
    assert result.updated == ["notebooks/a.ipynb"] and result.kept == ["notebooks/b.ipynb"]
    assert (folder / "notebooks" / "a.ipynb").read_text(encoding="utf-8") == "a, second version"
    assert (folder / "notebooks" / "b.ipynb").read_text(encoding="utf-8") == "b, with my answers"
    # with its record lost, a file that differs from the kit is the person's: kept, never overwritten
    (folder / RECORD).unlink()
    (kit / "notebooks" / "a.ipynb").write_text("a, third version", encoding="utf-8")
    assert make_lab_folder(folder).kept == ["notebooks/a.ipynb", "notebooks/b.ipynb"]
    assert (folder / "notebooks" / "a.ipynb").read_text(encoding="utf-8") == "a, second version"


def test_server_env_puts_the_kits_settings_first(monkeypatch):
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/elsewhere")
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    env = server_env(app=True)
    assert env["JUPYTER_CONFIG_PATH"] == os.pathsep.join([str(REPO / "jupyter"), "/elsewhere"])
    assert env["JUPYTER_PATH"] == str(REPO / "apps" / "jupyter")


def netkit_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(REPO), **env}
    return subprocess.run([sys.executable, "-m", "netkit", *args], cwd=cwd, env=full, capture_output=True, text=True,
                          timeout=120)


def test_cli_start_makes_netkit_lab_in_the_current_folder(tmp_path):
    done = netkit_cli("start", "--no-lab", cwd=tmp_path, NETKIT_WORKSPACE=str(tmp_path / "answers"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "netkit-lab" / "notebooks" / "00-start-here.ipynb").is_file()
    assert done.stdout.splitlines()[-1] == (f"Your answers are kept in {tmp_path / 'answers'}, the folder "
                                            "NETKIT_WORKSPACE names.")


def test_cli_start_inside_a_lab_folder_opens_that_folder(tmp_path):
    """Run again from inside netkit-lab (as its README says), it does not make netkit-lab/netkit-lab."""
    assert netkit_cli("start", "--no-lab", cwd=tmp_path).returncode == 0
    inside = tmp_path / "netkit-lab"
    done = netkit_cli("start", "--no-lab", cwd=inside)
    assert done.returncode == 0, done.stderr
    assert not (inside / "netkit-lab").exists()
    assert done.stdout.startswith(f"{inside}: everything from the kit is already here."), done.stdout


def test_cli_start_on_a_file_is_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = netkit_cli("start", "notes.txt", "--no-lab", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "notes.txt is a file, not a folder" in done.stderr and "Traceback" not in done.stderr


def test_cli_other_commands_still_refuse_unknown_options(tmp_path):
    done = netkit_cli("info", str(REPO / "data/samples/personal"), "--NotAnOption=1", cwd=tmp_path)
    assert done.returncode == 2 and "unrecognized arguments: --NotAnOption=1" in done.stderr


def test_without_jupyterlab_start_says_how_to_get_it(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jupyterlab" else real(name, *a))
    with pytest.raises(lab.NetkitError, match=r"JupyterLab is not installed .*: install netkit's lab extra "
                                              r"\(pip install '\.\[lab\]' in the checkout"):
        lab.lab_command("somewhere")


# ---------------------------------------------------------------- real servers, from the installed wheel


def wait_for(proc: subprocess.Popen, server: LabServer, path: str, timeout: float = 120) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with {proc.returncode}:\n{server.log()}")
        try:
            if server.get(path, timeout=3)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"no answer on {path} within {timeout:.0f} s:\n{server.log()}")


def serve(wheel_env, args: list[str], cwd: Path, log: Path, token: str = "") -> LabServer:
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(wheel_env.bin / "netkit"), *args, f"--port={port}"], cwd=cwd,
                                env=wheel_env.env(), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    return LabServer(proc, port, token, log)


@contextmanager
def started_lab(wheel_env, name: str):
    """`netkit start` from the wheel in a new folder ``name``, answering; stopped afterwards."""
    cwd = wheel_env.root / name
    cwd.mkdir()
    token = secrets.token_hex(16)
    server = serve(wheel_env, ["start", "--no-browser", "--ServerApp.port_retries=0",
                               f"--IdentityProvider.token={token}"], cwd, cwd / "lab.log", token)
    try:
        wait_for(server.proc, server, "/api/status")
        yield server, cwd
    finally:
        server.stop()


@pytest.mark.slow
def test_netkit_start_serves_the_lab_folder_offline(wheel_env):
    """From the wheel: JupyterLab serves the lab folder, with the kit's settings for a room with no internet."""
    from test_make import ANNOUNCEMENTS, page_config

    with started_lab(wheel_env, "start-lab") as (server, _):
        model = server.get_json("/api/contents/notebooks/00-start-here.ipynb")  # served from the lab folder
        assert model["type"] == "notebook"
        assert {m["name"] for m in server.get_json("/api/contents")["content"]} >= {"notebooks", "docs", "README.md"}
        cfg = page_config(server.get("/lab/tree/notebooks/00-start-here.ipynb")[2])
        assert cfg["news"] == {"disabled": True} and ANNOUNCEMENTS in cfg["disabledExtensions"]
        assert cfg["extensionManager"]["can_install"] is False
        assert server.get_json("/lab/api/update") == {"notification": None}
    assert "added" in server.log()


@pytest.mark.slow
def test_netkit_app_serves_the_self_check_offline(wheel_env):
    """`make app`'s route from a pip install: the Voilà template and notebook come from the wheel."""
    cwd = wheel_env.root / "app"
    cwd.mkdir()
    server = serve(wheel_env, ["app", "--no-browser"], cwd, cwd / "app.log")
    try:
        wait_for(server.proc, server, "/", timeout=180)
        status, _, page = server.get("/", token=False, timeout=60)
        assert status == 200
        html = page.decode("utf-8", "replace")
        assert "netkit-self-assessment" in html or "application/vnd.jupyter.widget-view+json" in html, html[:2000]
        assert "cdn.jsdelivr" not in html and "unpkg.com" not in html and "fonts.googleapis" not in html
    finally:
        server.stop()


def test_record_is_json(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path / "answers"))
    make_lab_folder(tmp_path / "lab")
    record = json.loads((tmp_path / "lab" / RECORD).read_text(encoding="utf-8"))
    assert set(record["copied"]) >= {"README.md", "notebooks/00-start-here.ipynb", "docs/formats.md"}
