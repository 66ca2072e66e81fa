"""Where things live: the one place that decides paths (samples, templates, workspace)."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "samples_dir", "templates_dir", "workspace_dir", "practice_dir", "PRACTICE"]

# the folder inside the workspace folder that holds the practice copies and what is made from them
PRACTICE = "practice"


def project_root() -> Path:
    """The checkout netkit is installed from (``pip install -e .``)."""
    return Path(__file__).resolve().parent.parent


def samples_dir() -> Path:
    """Bundled samples; ``NETKIT_SAMPLES`` points elsewhere (e.g. for a non-editable install)."""
    return Path(os.environ.get("NETKIT_SAMPLES") or project_root() / "data" / "samples")


def templates_dir() -> Path:
    return project_root() / "data" / "templates"


def workspace_dir() -> Path:
    """Where a participant's own network and answers are kept (git-ignored).

    ``NETKIT_WORKSPACE`` points elsewhere, e.g. a folder per participant or a test's temporary folder.
    """
    return Path(os.environ.get("NETKIT_WORKSPACE") or project_root() / "workspace")


def practice_dir() -> Path:
    """Where the notebooks keep the practice copies and everything made from them (a copy of the
    practice person's workspace, the demo forms' workspace, exported files, saved drawings):
    ``practice/`` inside :func:`workspace_dir`, so it is git-ignored, visible in JupyterLab's
    file browser and never mixed up with a participant's own workspace. Its contents are
    replaced each time a notebook makes them again.
    """
    return workspace_dir() / PRACTICE
