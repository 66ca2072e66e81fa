"""The practice person's workspace: the ``personal`` sample with support answers and favors.

Notebooks 05 and 06 work on a copy of the practice network in ``workspace/practice/`` (see
:func:`netkit.paths.practice_dir`), made again on every run, so they never touch a
participant's own workspace and nothing is left in the system's temporary folder. The answers below are the
made-up person's: who gives them each kind of support, and the favors they gave, received and
offered. Like the sample, everything here is invented. The ledger's dates lie before
:data:`TODAY`, the day the notebooks judge it against, so the flags do not change with the
calendar.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import NetkitError
from ..paths import practice_dir

__all__ = ["TODAY", "SUPPORT_ANSWERS", "FAVORS", "practice_workspace", "practice_folder"]

TODAY = "2026-11-15"

# self-check item -> alter ids of the people named; [] is "no one yet"
SUPPORT_ANSWERS: dict[str, list[str]] = {
    "career_sounding_board": ["a27"],            # Helga Andersen, former manager
    "cross_boundary_influence": ["a26"],         # Dmitri Volkov, another department
    "industry_peers": ["a29", "a38"],            # Mei Ling Tan, Ravi Menon
    "outside_confidant": ["a08"],                # Priya Raman
    "similar_family_situation": ["a08"],         # Priya again: much rests on her
    "known_through_phases": [],                  # no one yet: a gap
}

# (alter_id, kind, direction, status, date, note)
FAVORS: list[tuple[str, str, str, str, str, str]] = [
    ("a27", "instrumental", "received", "done", "2026-03-12", "wrote me a reference for the new job"),
    ("a10", "instrumental", "given", "done", "2026-07-14", "helped him move house"),
    ("a38", "instrumental", "received", "done", "2026-08-22", "sent me two job leads"),
    ("a26", "instrumental", "received", "done", "2026-09-02", "got my proposal onto the budget meeting agenda"),
    ("a26", "instrumental", "given", "done", "2026-09-20", "reviewed his team's data pipeline"),
    ("a10", "psychosocial", "given", "done", "2026-09-30", "came to his first match as a coach"),
    ("a08", "psychosocial", "received", "done", "2026-10-05", "listened when work got hard"),
    ("a29", "instrumental", "given", "offered", "2026-10-08", "offered to read her conference talk"),
    ("a08", "psychosocial", "given", "done", "2026-10-19", "helped her get ready for her move"),
    ("a19", "instrumental", "given", "offered", "2026-11-10", "offered to pair on the quarterly report"),
]


def practice_folder(name: str) -> Path:
    """An empty folder ``name`` inside :func:`netkit.paths.practice_dir` (``workspace/practice/``),
    for what a notebook makes from the practice network: whatever was there from an earlier run
    is removed first.

    Examples
    --------
    >>> import os, tempfile
    >>> before = os.environ.get("NETKIT_WORKSPACE")
    >>> os.environ["NETKIT_WORKSPACE"] = tempfile.mkdtemp()   # a workspace folder of its own
    >>> folder = practice_folder("01")
    >>> (folder.parent.name, folder.name, list(folder.iterdir()))
    ('practice', '01', [])
    >>> _ = os.environ.pop("NETKIT_WORKSPACE") if before is None else os.environ.update(NETKIT_WORKSPACE=before)
    """
    name = str(name).strip()
    if not name or name.startswith(".") or "/" in name or "\\" in name:
        raise NetkitError(f"{name!r} cannot be a folder name for practice files; use letters, digits, '-' or '_'.")
    folder = practice_dir() / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def practice_workspace(*, root: str | Path | None = None, name: str = "personal", answers: bool = True,
                       favors: bool = True):
    """A new workspace holding the ``personal`` sample, its support answers and its favors.

    Parameters
    ----------
    root : str or Path, optional
        The folder to put it in; default :func:`netkit.paths.practice_dir`
        (``workspace/practice/``, or ``practice/`` inside ``NETKIT_WORKSPACE``), where an
        earlier copy of the same name is replaced. Anywhere else an existing folder is an error.
    name : str
        The workspace's folder name inside ``root``.
    answers, favors : bool
        Fill in :data:`SUPPORT_ANSWERS` and log :data:`FAVORS` (else the copy is bare).

    Returns
    -------
    netkit.Workspace

    Examples
    --------
    >>> import tempfile
    >>> ws = practice_workspace(root=tempfile.mkdtemp())
    >>> len(ws.people()), len(ws.ledger())
    (40, 10)
    """
    from ..io import load_sample, write
    from ..store import Workspace

    if root is None:
        ws = Workspace(name, root=practice_dir())
        if ws.path.exists():
            shutil.rmtree(ws.path)
    else:
        ws = Workspace(name, root=Path(root))
        if ws.path.exists():
            raise NetkitError(f"{ws.path} already exists; pick another root or name for the practice workspace.")
    write(load_sample("personal"), ws.path)
    if answers:
        for item, who in SUPPORT_ANSWERS.items():
            if not who:
                ws.set_no_one(item)
            for alter_id in who:
                ws.set_supporter(item, alter_id)
    if favors:
        for alter_id, kind, direction, status, date, note in FAVORS:
            ws.add_favor(alter_id, kind=kind, direction=direction, status=status, date=date, note=note)
    return ws
