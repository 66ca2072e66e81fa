"""Where things live: the one place that decides paths (the kit's files and the workspace).

The kit — samples, templates, notebooks, docs, JupyterLab settings and the Voilà app — sits in
the checkout (``data/``, ``notebooks/``, ``docs/``, ``jupyter/``, ``apps/``) or, in an installed
wheel, in ``netkit/kit/`` with the same layout (``setup.py`` copies it there when the wheel is built).
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "in_checkout", "kit_dir", "samples_dir", "templates_dir", "notebooks_dir", "docs_dir",
           "jupyter_config_dir", "apps_dir", "workspace_dir", "practice_dir", "PRACTICE", "KIT_FOLDERS"]

# the folder inside the workspace folder that holds the practice copies and what is made from them
PRACTICE = "practice"

# where each part of the kit is in a checkout (relative to the project root); an installed wheel
# carries the same folders under netkit/kit/
KIT_FOLDERS = {
    "samples": "data/samples",
    "templates": "data/templates",
    "notebooks": "notebooks",
    "docs": "docs",
    "jupyter": "jupyter",
    "apps": "apps",
}


def project_root() -> Path:
    """The folder above the package: the checkout when netkit is installed from one (``pip install -e .``)."""
    return Path(__file__).resolve().parent.parent


def in_checkout() -> bool:
    """True when netkit runs from a checkout of the kit (``pip install -e .`` or ``make``), not a wheel."""
    root = project_root()
    return (root / "pyproject.toml").is_file() and (root / KIT_FOLDERS["samples"]).is_dir()


def kit_dir(part: str) -> Path:
    """The folder of one part of the kit (a key of :data:`KIT_FOLDERS`): in the checkout, or in the
    installed package.

    Examples
    --------
    >>> (kit_dir("samples") / "personal" / "alters.csv").is_file()
    True
    """
    if part not in KIT_FOLDERS:
        raise ValueError(f"part={part!r} is not a part of the kit; use one of {', '.join(KIT_FOLDERS)}.")
    if in_checkout():
        return project_root() / KIT_FOLDERS[part]
    return Path(__file__).resolve().parent / "kit" / part


def samples_dir() -> Path:
    """Bundled samples; ``NETKIT_SAMPLES`` points elsewhere (e.g. a folder of your own samples)."""
    return Path(os.environ.get("NETKIT_SAMPLES") or kit_dir("samples"))


def templates_dir() -> Path:
    """The fill-in templates (XLSX and CSV) for a participant's own network."""
    return kit_dir("templates")


def notebooks_dir() -> Path:
    """The guided notebooks as shipped (``netkit start`` copies them into a folder of the user's)."""
    return kit_dir("notebooks")


def docs_dir() -> Path:
    """The documentation the notebooks link to (``../docs/`` beside ``notebooks/``)."""
    return kit_dir("docs")


def jupyter_config_dir() -> Path:
    """JupyterLab's settings for a room with no internet (put on ``JUPYTER_CONFIG_PATH``)."""
    return kit_dir("jupyter")


def apps_dir() -> Path:
    """The self-check as a Voilà app, with its offline template (``apps/jupyter``)."""
    return kit_dir("apps")


def workspace_dir() -> Path:
    """Where a participant's own network and answers are kept.

    ``NETKIT_WORKSPACE`` points elsewhere (a folder per participant, a test's temporary folder).
    Otherwise: in a checkout, ``workspace/`` in it (git-ignored); installed from a wheel, the
    user's own data folder (``~/.local/share/netkit/workspace`` on Linux, the platform's
    equivalent elsewhere), so every person on a shared machine or JupyterHub has their own and
    nothing is written into the environment everybody shares.
    """
    chosen = os.environ.get("NETKIT_WORKSPACE")
    if chosen:
        return Path(chosen).expanduser()
    if in_checkout():
        return project_root() / "workspace"
    from platformdirs import user_data_path

    return user_data_path("netkit", appauthor=False) / "workspace"


def practice_dir() -> Path:
    """Where the notebooks keep the practice copies and everything made from them (a copy of the
    practice person's workspace, the demo forms' workspace, exported files, saved drawings):
    ``practice/`` inside :func:`workspace_dir`, so it is git-ignored, visible in JupyterLab's
    file browser and never mixed up with a participant's own workspace. Its contents are
    replaced each time a notebook makes them again.
    """
    return workspace_dir() / PRACTICE
