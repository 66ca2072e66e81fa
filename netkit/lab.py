"""A lab folder of one's own: the notebooks, the docs they link to and a README, copied out of the
installed kit (``netkit start``), and the commands that open JupyterLab or the self-check app on
it with the kit's offline settings.

Copying never overwrites a person's own changes: a record of what was copied (``.netkit-kit.json``
in the folder) tells a file the person edited from one the kit has since updated.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NetkitError
from .paths import apps_dir, docs_dir, jupyter_config_dir, notebooks_dir, workspace_dir

__all__ = ["LabFolder", "default_folder", "make_lab_folder", "lab_command", "app_command", "server_env", "DEFAULT_FOLDER",
           "START_NOTEBOOK", "RECORD"]

DEFAULT_FOLDER = "netkit-lab"
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
RECORD = ".netkit-kit.json"

README = """\
# Your Personal Network Lab

This folder is yours: the guided notebooks (`notebooks/`, start with `00-start-here.ipynb`) and the
documentation they link to (`docs/`), copied from netkit {version}. Change the notebooks as you like:
running `netkit start` again adds what is new in the kit and never overwrites a file you changed.

Your answers — your own network, the support self-check, the favors ledger and your plan — are not
kept in this folder but in your own data folder on this computer:

    {workspace}

(Set the environment variable `NETKIT_WORKSPACE` to keep them somewhere else.) Nothing is uploaded.

- `netkit start` opens JupyterLab here again, set up for a room with no internet.
- `netkit app` opens the support self-check on its own, as a small web page.
"""


@dataclass
class LabFolder:
    """What :func:`make_lab_folder` did: the folder, and the files (paths relative to it) it
    ``added``, ``updated`` (unchanged by the person, newer in the kit) and ``kept`` (changed by
    the person, so not overwritten)."""

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def report(self) -> str:
        """What happened, in a few plain sentences."""
        from .words import and_list, plural

        lines = []
        if self.added or self.updated:
            done = [f"added {plural(len(self.added), 'file')}" if self.added else "",
                    f"updated {plural(len(self.updated), 'file')} you had not changed" if self.updated else ""]
            lines.append(f"{self.path}: {and_list([d for d in done if d])}.")
        else:
            lines.append(f"{self.path}: everything {'else ' if self.kept else ''}from the kit is already here.")
        if self.kept:
            lines.append(f"Kept your own version of {and_list(self.kept)}: the kit's version was not copied over "
                         "it (rename yours and run netkit start again to get the kit's as well).")
        from .guide import where_answers_are_kept

        lines.append(where_answers_are_kept())
        return "\n".join(lines)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kit_files() -> dict[str, bytes]:
    """Every file the lab folder gets, by its path inside the folder."""
    from . import __version__

    files = {"README.md": README.format(version=__version__, workspace=workspace_dir()).encode("utf-8")}
    for prefix, source in (("notebooks", notebooks_dir()), ("docs", docs_dir())):
        if not source.is_dir():
            raise NetkitError(f"the kit's {prefix} folder {source} does not exist: this netkit was installed without "
                              "its kit; reinstall it from its wheel or checkout (pip install --force-reinstall with the "
                              "wheel's file name, or pip install -e . in the checkout).")
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                files[f"{prefix}/{rel.as_posix()}"] = path.read_bytes()
    return files


def _read_record(folder: Path) -> dict[str, str]:
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in record.get("copied", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}  # no record (or a damaged one): any file that differs from the kit counts as the person's


def default_folder(base: str | Path) -> Path:
    """The lab folder ``netkit start`` uses when it is given none: ``base`` itself when it already is
    one (so running it again inside the folder opens it, rather than making another inside it),
    otherwise ``netkit-lab`` in ``base``."""
    base = Path(base)
    return base if (base / RECORD).is_file() else base / DEFAULT_FOLDER


def make_lab_folder(folder: str | Path = DEFAULT_FOLDER) -> LabFolder:
    """Copy the notebooks, their docs and a README into ``folder``, keeping every change the person made.

    A file that is missing is added; one the person has not changed since it was copied (or that is
    the kit's own) is brought up to date; one the person changed is kept as it is and named in
    :meth:`LabFolder.report`.

    Parameters
    ----------
    folder : str or Path
        The lab folder; made if it does not exist (default ``netkit-lab`` in the current folder).

    Returns
    -------
    LabFolder

    Examples
    --------
    >>> import tempfile, pathlib
    >>> lab = make_lab_folder(pathlib.Path(tempfile.mkdtemp()) / "lab")
    >>> (lab.path / "notebooks" / "00-start-here.ipynb").is_file(), lab.kept
    (True, [])
    >>> make_lab_folder(lab.path).added
    []
    """
    from .io.atomic import atomic_write_text

    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise NetkitError(f"{folder} is a file, not a folder: give netkit start a folder name (it makes the folder).")
    files, record = _kit_files(), _read_record(folder)
    result = LabFolder(folder.absolute())
    copied = {}
    for rel, data in files.items():
        target = folder / rel
        new = _digest(data)
        if target.is_file():
            have = _digest(target.read_bytes())
            if have == new:
                copied[rel] = new
                continue
            if record.get(rel) != have:
                result.kept.append(rel)
                copied[rel] = record.get(rel, "")
                continue
            result.updated.append(rel)
        elif target.exists():
            result.kept.append(rel)
            continue
        else:
            result.added.append(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, data.decode("utf-8"))
        copied[rel] = new
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / RECORD, json.dumps({"copied": copied}, indent=1, sort_keys=True) + "\n")
    return result


def server_env(*, app: bool = False) -> dict[str, str]:
    """The environment JupyterLab (or Voilà, ``app=True``) runs in: the kit's offline settings on
    ``JUPYTER_CONFIG_PATH`` (and the app's template on ``JUPYTER_PATH``), ahead of any already there."""
    env = dict(os.environ)

    def first(var: str, path: Path) -> None:
        env[var] = os.pathsep.join([str(path)] + ([env[var]] if env.get(var) else []))

    first("JUPYTER_CONFIG_PATH", jupyter_config_dir())
    if app:
        first("JUPYTER_PATH", apps_dir() / "jupyter")
    return env


def _needs(module: str, what: str, how: str = "netkit's lab extra (pip install '.[lab]' in the checkout, or "
                                              "the wheel's file name followed by [lab])") -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise NetkitError(f"{what} is not installed in this Python ({sys.executable}): install {how}, then run "
                          "the command again.")


def lab_command(folder: str | Path, server_args: list[str] = (), *, hub: bool = False) -> list[str]:
    """The command that serves ``folder`` in JupyterLab, opening the start notebook.

    With ``hub=True`` it is the single-user server a JupyterHub starts for each person
    (``jupyterhub-singleuser``), serving the same folder.
    """
    folder = Path(folder).expanduser().absolute()
    if hub:
        _needs("jupyterhub", "JupyterHub", "it (pip install jupyterhub) in the environment the hub starts servers from")
        return [sys.executable, "-m", "jupyterhub.singleuser", f"--ServerApp.root_dir={folder}",
                *server_args]
    _needs("jupyterlab", "JupyterLab")
    return [sys.executable, "-m", "jupyterlab", str(folder / START_NOTEBOOK), f"--ServerApp.root_dir={folder}",
            *server_args]


def app_command(server_args: list[str] = ()) -> list[str]:
    """The command that serves the support self-check as a Voilà app, offline, on this machine only."""
    _needs("voila", "Voilà")
    notebook = apps_dir() / "self-assessment.ipynb"
    return [sys.executable, "-m", "voila", "--template=netkit", "--Voila.ip=127.0.0.1", str(notebook), *server_args]
