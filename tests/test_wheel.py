"""The wheel carries its kit: installed from it, outside any checkout and with no variables set,
netkit loads a sample, reads a template, makes a lab folder with `netkit start`, and notebook 00
runs there with papermill (tests/helpers_wheel.py builds and installs it, and says what that proves)."""
from __future__ import annotations

import json
import zipfile

import nbformat
import pytest

from netkit.paths import KIT_FOLDERS

pytestmark = pytest.mark.slow

SMOKE = """
import json, netkit as nk
from netkit import paths
net = nk.load_sample("personal")
template = nk.read(paths.templates_dir() / "network-template.xlsx")
print(json.dumps({"package": nk.__file__, "in_checkout": paths.in_checkout(), "samples": str(paths.samples_dir()),
                  "people": net.size, "template_people": template.size, "workspace": str(paths.workspace_dir()),
                  "app_template": (paths.apps_dir() / "jupyter/voila/templates/netkit/index.html.j2").is_file(),
                  "offline_settings": (paths.jupyter_config_dir() / "labconfig/page_config.json").is_file()}))
"""


def test_the_wheel_holds_every_part_of_the_kit(wheel_env):
    names = zipfile.ZipFile(wheel_env.wheel).namelist()
    for part in KIT_FOLDERS:
        assert any(n.startswith(f"netkit/kit/{part}/") for n in names), f"the wheel has no netkit/kit/{part}/"
    for name in ("netkit/kit/samples/personal/alters.csv", "netkit/kit/templates/network-template.xlsx",
                 "netkit/kit/notebooks/00-start-here.ipynb", "netkit/kit/jupyter/jupyter_server_config.py",
                 "netkit/kit/apps/self-assessment.ipynb", "netkit/kit/docs/facilitator.md"):
        assert name in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_installed_wheel_works_outside_the_checkout(wheel_env):
    """A sample and a template read from the installed package; answers go to the user's data folder."""
    elsewhere = wheel_env.root / "somewhere"
    elsewhere.mkdir()
    done = wheel_env.run(str(wheel_env.python), "-c", SMOKE, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    venv = (wheel_env.root / "venv").resolve()
    assert seen["package"].startswith(str(venv)), seen["package"]  # the wheel's netkit, not the checkout's
    assert seen["in_checkout"] is False and seen["samples"].startswith(str(venv))
    assert seen["people"] == 40  # the personal sample has 40 alters (data/samples/personal/README.md)
    assert seen["template_people"] == 0  # the blank template has no people yet
    assert seen["workspace"] == str(wheel_env.home / ".local/share/netkit/workspace")
    assert seen["app_template"] and seen["offline_settings"]
    # pip's own check: every requirement the wheel declares is installed in a version it accepts
    check = wheel_env.run(str(wheel_env.python), "-m", "pip", "check", cwd=elsewhere)
    assert check.returncode == 0, check.stdout + check.stderr


def test_netkit_start_then_notebook_00_with_papermill(wheel_env):
    cwd = wheel_env.root / "participant"
    cwd.mkdir()
    done = wheel_env.run(str(wheel_env.bin / "netkit"), "start", "--no-lab", cwd=cwd)
    assert done.returncode == 0, done.stderr
    lab = cwd / "netkit-lab"
    assert "added" in done.stdout and str(lab) in done.stdout, done.stdout
    assert (lab / "README.md").is_file() and (lab / "docs" / "facilitator.md").is_file()
    out = wheel_env.root / "00-run.ipynb"
    run = wheel_env.run(str(wheel_env.python), "-m", "papermill", "--no-progress-bar", "-k", "python3",
                        "--cwd", str(lab / "notebooks"), str(lab / "notebooks" / "00-start-here.ipynb"), str(out),
                        cwd=cwd, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    # the kernel ran the installed netkit: answers are kept in the user's data folder, not a checkout
    assert f"Your answers are kept in {wheel_env.home / '.local/share/netkit/workspace'}" in text, text
