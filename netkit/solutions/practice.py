"""The practice person's workspace: the ``personal`` sample with support answers and favors.

Notebooks 05 and 06 work on a private copy of the practice network in a temporary folder, so
they never touch a participant's own workspace or the repository. The answers below are the
made-up person's: who gives them each kind of support, and the favors they gave, received and
offered. Like the sample, everything here is invented. The ledger's dates lie before
:data:`TODAY`, the day the notebooks judge it against, so the flags do not change with the
calendar.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import NetkitError

__all__ = ["TODAY", "SUPPORT_ANSWERS", "FAVORS", "practice_workspace"]

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


def practice_workspace(*, root: str | Path | None = None, name: str = "practice", answers: bool = True,
                       favors: bool = True):
    """A new workspace holding the ``personal`` sample, its support answers and its favors.

    Parameters
    ----------
    root : str or Path, optional
        The folder to put it in; default a new temporary folder, so nothing is written to
        the repository or to a participant's own workspace.
    name : str
        The workspace's folder name inside ``root``.
    answers, favors : bool
        Fill in :data:`SUPPORT_ANSWERS` and log :data:`FAVORS` (else the copy is bare).

    Returns
    -------
    netkit.Workspace

    Examples
    --------
    >>> ws = practice_workspace()
    >>> len(ws.people()), len(ws.ledger())
    (40, 10)
    """
    from ..io import load_sample, write
    from ..store import Workspace

    root = Path(tempfile.mkdtemp(prefix="netkit-practice-")) if root is None else Path(root)
    ws = Workspace(name, root=root)
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
