"""Every guided notebook (notebooks/NN-*.ipynb) is committed clean, runs top to bottom and
leaves the checkout as it found it (notebooks write only into the workspace folder, here a
temporary one given as NETKIT_WORKSPACE), and its exercise solutions show code, not answers.
The same notebooks on a participant's own workspace, in every state, are run by
tests/test_notebook_states.py."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FOUND = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
CELL_TIMEOUT = 120  # seconds per cell
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CACHES = ("__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".hypothesis")
# the workshop notebooks, whose solution cells show the code folded (netkit.solutions.show) and do not run it
SHOWN_NOT_RUN = ("01", "02", "03", "04", "05", "06", "07")


def tree_state() -> set[str] | None:
    """What git reports as changed, new or ignored in the checkout, caches left out (None outside git)."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=NOTEBOOKS.parent,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return {line for line in out.stdout.splitlines() if not any(part in line for part in CACHES)}


def test_start_notebook_is_there():
    names = [p.name for p in FOUND]
    assert "00-start-here.ipynb" in names, f"notebooks/00-start-here.ipynb is required; found {names}"


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name}: code cells {dirty} have stored outputs or execution counts; clear them"


@pytest.mark.slow
@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_notebook_runs(path, jupyter_env, tmp_path):
    nb = nbformat.read(path, as_version=4)
    env = {**os.environ, "NETKIT_WORKSPACE": str(tmp_path),   # practice copies and forms write here
           "PYTHONPATH": os.pathsep.join(filter(None, [str(NOTEBOOKS.parent), os.environ.get("PYTHONPATH")]))}
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS)}},  # cwd of the kernel
    )
    failure = None
    before = tree_state()
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
                failure = index, cell.source, ANSI.sub("", str(err))
                break
    if failure:
        index, source, error = failure
        if source not in error:
            error = f"{source}\n{'-' * 40}\n{error}"
        pytest.fail(f"{path.name}, cell {index} failed:\n{error}", pytrace=False)
    textual = [
        index
        for index, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.get("output_type") in ("display_data", "execute_result")
        and "<Figure size" in out.get("data", {}).get("text/plain", "")
        and "image/png" not in out.get("data", {})
    ]
    assert not textual, f"{path.name}: cells {textual} show a chart as text instead of a picture"
    shown = [
        index
        for index, cell in enumerate(nb.cells)
        if path.name[:2] in SHOWN_NOT_RUN and "solution" in cell.metadata.get("tags", [])
        and not any(out.get("data", {}).get("text/markdown", "").startswith("<details>") for out in cell.get("outputs", []))
    ]
    assert not shown, (f"{path.name}: solution cells {shown} show something other than the folded code "
                       "(netkit.solutions.show): after Run All the answer must not be right under the exercise")
    after = tree_state()
    if before is not None and after is not None:
        new = sorted(after - before)
        assert not new, (f"{path.name} changed the checkout (git status: {new}); write to a temporary folder or "
                         "a workspace (NETKIT_WORKSPACE), never into the repository")
