"""Names never end up in git by following the docs: every file the README's and docs' examples
write is ignored by git (or lies outside the checkout), and git strips notebook outputs on commit
(nbstripout, installed as a filter by the Makefile's set-up step)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers_lab import make

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
NOTEBOOKS = sorted([*(REPO / "notebooks").glob("*.ipynb"), *(REPO / "apps").glob("*.ipynb")])

FENCE = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)
_ARG = r"""("[^"]+"|'[^']+'|[^\s"'`)]+)"""
#: The ways the examples name a file they write: options of the netkit command and the writing calls.
WRITES = [
    re.compile(r"(?:^|\s)(?:-o|--output|--key-file)[ =]" + _ARG),
    re.compile(r"\.save\(\s*" + _ARG),
    re.compile(r"\b(?:write_report|write|run_batch|write_pseudonymized|write_manifest)\([^()\n]*?,\s*" + _ARG),
    re.compile(r"\.to_(?:csv|excel|html)\(\s*" + _ARG),
]


def example_outputs() -> list[tuple[str, str]]:
    """(document, path) for every file or folder the fenced code examples write (string literals only)."""
    found = []
    for doc in DOCS:
        for block in FENCE.findall(doc.read_text(encoding="utf-8")):
            for line in block.splitlines():
                line = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
                for pattern in WRITES:
                    for arg in pattern.findall(line):
                        if arg[:1] in "\"'":
                            found.append((doc.name, arg[1:-1]))
                        elif re.fullmatch(r"[\w.~/$*{}-]+", arg) and ("." in arg or "/" in arg):
                            found.append((doc.name, arg))  # a literal path, not a variable name
    return found


def outside_the_checkout(path: str) -> bool:
    return path.startswith(("~", "$HOME", "/")) or re.match(r"^[A-Za-z]:[\\/]", path) is not None


def git(*args: str, cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, **kwargs)


needs_git = pytest.mark.skipif(shutil.which("git") is None or git("rev-parse", "--git-dir").returncode != 0,
                               reason="needs git and a git checkout of the kit")


def test_the_examples_name_what_they_write():
    """The parser finds the README's outputs (so a change of wording cannot hide them)."""
    paths = {p for _, p in example_outputs()}
    assert {"results/summary.csv", "results/personal.html", "~/netkit.key"} <= paths, sorted(paths)


@needs_git
@pytest.mark.parametrize("doc, path", example_outputs(), ids=lambda v: str(v))
def test_every_example_output_is_ignored_by_git_or_outside_the_checkout(doc, path):
    if outside_the_checkout(path):
        return
    ignored = git("check-ignore", "-q", "--no-index", path.replace("*", "x"))
    assert ignored.returncode == 0, (
        f"{doc}: an example writes {path}, which git would commit; write it under results/ (ignored by "
        "git) or outside the kit's folder, or add it to .gitignore")


@needs_git
@pytest.mark.parametrize("path", ["my.key", "notes/other.key", "my-key.txt", "results/x.csv", "shared/a/alters.csv",
                                  "exports/a/alters.csv", "summary.csv", "personal.html", "class.html",
                                  "workspace/my-network/alters.csv", "notebooks/results/my-network.html"])
def test_what_the_kit_writes_for_people_is_ignored(path):
    assert git("check-ignore", "-q", "--no-index", path).returncode == 0, f"{path} is not ignored by git"


@needs_git
@pytest.mark.parametrize("path", ["notebooks/02-see-your-network.ipynb", "data/samples/personal/alters.csv",
                                  "docs/formats.md", "netkit/io/cells.py", "Makefile"])
def test_the_kit_itself_is_not_ignored(path):
    assert git("check-ignore", "-q", "--no-index", path).returncode == 1, f"{path} would be ignored by git"


# ------------------------------------------------------------------ notebook outputs


def attributes() -> list[list[str]]:
    return [line.split() for line in (REPO / ".gitattributes").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_gitattributes_strip_every_notebook():
    assert ["*.ipynb", "filter=nbstripout"] in attributes()


def test_the_makefile_installs_the_filter_for_lab_and_test():
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "test"):
        m = re.search(rf"^{target}:([^\n]*)", text, re.M)
        assert m and "notebook-filter" in m.group(1).split(), f"make {target} does not install the notebook filter"
    recipe = re.search(r"^notebook-filter:.*?(?=^\S|\Z)", text, re.S | re.M).group(0)
    assert "nbstripout --install --attributes .gitattributes" in recipe
    assert "rev-parse" in recipe  # only inside a git checkout


def with_outputs(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        cell.execution_count = i + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="Ana Secret-Name\n"),
                        nbformat.v4.new_output("display_data", data={"text/html": "<b>Bo Private</b>"})]
    return nb


def strip(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nbstripout", "--keep-id", str(path)], capture_output=True, text=True)


def test_nbstripout_strips_a_notebook_run_on_your_own_network(tmp_path):
    source = REPO / "notebooks" / "02-see-your-network.ipynb"
    copy = tmp_path / source.name
    nbformat.write(with_outputs(source), copy)
    assert "Ana Secret-Name" in copy.read_text(encoding="utf-8")
    out = strip(copy)
    assert out.returncode == 0, out.stderr
    text = copy.read_text(encoding="utf-8")
    assert "Ana Secret-Name" not in text and "Bo Private" not in text
    stripped, original = json.loads(text), json.loads(source.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in stripped["cells"] if c["cell_type"] == "code")
    assert [(c["id"], c["source"]) for c in stripped["cells"]] == [(c["id"], c["source"]) for c in original["cells"]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_are_already_as_the_filter_leaves_them(path):
    """So installing the filter changes nothing in a fresh checkout (no notebook shows as modified)."""
    out = subprocess.run([sys.executable, "-m", "nbstripout", "--keep-id", "-t", str(path)], capture_output=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout == path.read_bytes(), f"{path.name}: has outputs or metadata the filter would strip"


def scratch_kit(folder: Path) -> list[str]:
    """The Makefile's files in ``folder``, and make's arguments to run only the filter step with this venv."""
    for name in ("Makefile", "pyproject.toml", ".gitattributes"):
        shutil.copy2(REPO / name, folder / name)
    stamp = folder / "installed"
    stamp.touch()  # the venv is this one, already set up: only the filter step runs
    return ["notebook-filter", f"VENV={Path(sys.executable).parent.parent}", f"STAMP={stamp}"]


@pytest.mark.skipif(shutil.which("make") is None or shutil.which("git") is None, reason="needs make and git")
def test_make_installs_the_filter_and_git_commits_notebooks_without_outputs(tmp_path):
    """The Makefile's step in a scratch git checkout (never this one: its git config may be shared)."""
    args = scratch_kit(tmp_path)
    assert git("init", "-q", ".", cwd=tmp_path).returncode == 0
    out = make(*args, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    config = git("config", "--local", "--get-regexp", "^filter\\.nbstripout\\.", cwd=tmp_path).stdout
    assert "nbstripout --keep-id" in config and "required true" in config, config
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == (REPO / ".gitattributes").read_text(encoding="utf-8")

    source = REPO / "notebooks" / "02-see-your-network.ipynb"
    nbformat.write(with_outputs(source), tmp_path / "02.ipynb")
    added = git("add", "02.ipynb", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    committed = git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x", cwd=tmp_path)
    assert committed.returncode == 0, committed.stderr
    blob = git("show", "HEAD:02.ipynb", cwd=tmp_path).stdout
    assert "Ana Secret-Name" not in blob and "Bo Private" not in blob
    assert blob == source.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_outside_a_git_checkout_the_step_does_nothing(tmp_path):
    args = scratch_kit(tmp_path)
    if git("rev-parse", "--git-dir", cwd=tmp_path).returncode == 0:
        pytest.skip("the temporary folder lies inside a git checkout")
    out = make(*args, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == (REPO / ".gitattributes").read_text(encoding="utf-8")
