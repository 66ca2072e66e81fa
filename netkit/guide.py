"""The guided notebooks' helpers for a participant's own network, in whatever state it is.

A participant's network grows during a workshop: first nothing, then names, then some ratings,
who knows whom, the support self-check and the favors. Every notebook that can work on one's
own data asks this module what is there. When a step needs something that is not there yet,
the helper prints one plain sentence — what is missing and where to add it (which notebook,
which tab) — and the notebook goes on with what it has.

- :func:`network` is the network a notebook reads: the practice network, a file, or a
  workspace (a folder or just its name); while one's own network has nobody in it yet, the
  notebook shows the practice network and says so.
- :func:`workspace` is the same for notebooks 05 and 06, which save answers: the practice
  person's copy, or one's own workspace once it has people in it.
- :func:`has` asks whether a network has what a step needs (``"ties"``, ``"context"``,
  ``"ratings"``, ``"support"``, ``"ledger"`` …) and prints the sentence when it does not.

Nothing here writes to a participant's own workspace.
"""
from __future__ import annotations

from pathlib import Path

from .errors import NetkitError
from .paths import in_checkout, practice_dir, workspace_dir
from .schema import STRENGTH_COLUMNS

__all__ = ["where_answers_are_kept", "NEEDS", "network", "workspace", "is_practice", "has", "missing_sentence", "table", "in_words"]

_ABOUT_EACH = "notebook 01, tab 2 About each"

_NO_PEOPLE = "has no people yet: add them in notebook 01, tab 1 People"

# what a step may need -> the sentence printed when it is missing
NEEDS: dict[str, str] = {
    "people": f"Your network {_NO_PEOPLE}.",
    "ties": ("None of your contacts is marked as knowing another yet, so there is no web among them to show: "
             "in notebook 01, click two people on the rings board, or tick them in tab 3 Who knows whom."),
    "context": ("Nobody has a context yet (where you know them from), so there are no groups to compare: "
                f"add one for each person in {_ABOUT_EACH}."),
    "ratings": ("None of your contacts has a closeness, frequency or other rating yet, so there is no tie "
                "strength to show: in notebook 01, drag people onto the rings board, or rate them in tab 2 About each."),
    "years_known": f"Nobody has a number of years known yet: add it in {_ABOUT_EACH}.",
    "support_received": ("Nobody is marked as having helped you in the last year yet: tick it in "
                         f"{_ABOUT_EACH}."),
    "support": ("You have not answered the support self-check yet: answer it in the form in notebook 05 "
                "(or tab 4 Support of the forms in notebook 01)."),
    "ledger": ("No favors are logged yet: log one in the ledger form in notebook 06 "
               "(or tab 6 Favors of the forms in notebook 01)."),
}


def in_words(net) -> str:
    """One sentence on what a network holds, in plain words: how many people, and how many pairs of
    them know each other.

    Examples
    --------
    >>> import netkit as nk
    >>> in_words(nk.load_sample("personal"))
    'This network has 40 people besides you, and 69 pairs of them know each other.'
    """
    from .words import plural

    ties = net.ties
    pairs = int((ties["source"] != ties["target"]).sum()) if len(ties) else 0
    if pairs == 0:
        among = "nobody is marked as knowing anybody else in it yet"
    else:
        among = f"{plural(pairs, 'pair')} of them know{'s' if pairs == 1 else ''} each other"
    return f"This network has {plural(net.size, 'person', 'people')} besides you, and {among}."


def where_answers_are_kept() -> str:
    """One sentence saying where a participant's answers are saved (:func:`netkit.paths.workspace_dir`) and why there.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["NETKIT_WORKSPACE"] = folder = tempfile.mkdtemp()
    >>> where_answers_are_kept() == f"Your answers are kept in {folder}, the folder NETKIT_WORKSPACE names."
    True
    >>> del os.environ["NETKIT_WORKSPACE"]
    """
    import os

    if os.environ.get("NETKIT_WORKSPACE"):
        why = "the folder NETKIT_WORKSPACE names"
    elif in_checkout():
        why = "the kit's workspace folder, which git ignores, so it is never committed"
    else:
        why = ("your own data folder on this computer, which nobody else who uses it shares (set NETKIT_WORKSPACE "
               "to keep them somewhere else)")
    return f"Your answers are kept in {workspace_dir()}, {why}."


def _say(sentence: str) -> None:
    print(sentence)


def _own_folder(my_network: str | Path) -> tuple[Path, bool]:
    """The path ``MY_NETWORK`` names, and whether it is (or would be) a workspace.

    A bare name with no folder in it (``"my-network"``) is a workspace under
    :func:`netkit.paths.workspace_dir`, unless a file or folder of that name is right here.
    """
    text = str(my_network).strip()
    path = Path(text).expanduser()
    if not path.exists() and len(path.parts) == 1 and not path.suffix:
        return workspace_dir() / text, True
    inside = path.expanduser().absolute().parent == workspace_dir().absolute()
    return path, inside or (path / "alters.csv").exists()


def network(my_network: str | Path | None = None, *, sample: str = "personal"):
    """The network a notebook works on: one's own if it has people in it, else the practice one.

    Parameters
    ----------
    my_network : str or Path, optional
        ``MY_NETWORK`` from the notebook's parameters cell: a file, a folder, or the name of a
        workspace (``"my-network"``, the folder the forms of notebook 01 save into). ``None``
        means the practice network.
    sample : str
        The practice network (a bundled sample's name).

    Returns
    -------
    EgoNetwork
        One's own network; while it is not there yet or has nobody in it, the practice network,
        after one sentence saying what is missing and where to add it.

    Examples
    --------
    >>> import tempfile
    >>> net = network(tempfile.mkdtemp() + "/nothing-here")   # doctest: +ELLIPSIS
    There is no network at .../nothing-here yet: ...
    >>> net.size
    40
    """
    from .io import load_sample, read

    if my_network is None or not str(my_network).strip():
        return load_sample(sample)
    path, is_workspace = _own_folder(my_network)
    if not path.exists() or (path.is_dir() and is_workspace and not (path / "alters.csv").exists()):
        if is_workspace:
            _say(f"Your workspace {path.name!r} {_NO_PEOPLE}; until then this notebook shows the practice network.")
        else:
            _say(f"There is no network at {path} yet: check MY_NETWORK in the parameters cell, or type your "
                 "people in with the forms of notebook 01 (tab 1 People); until then this notebook shows the "
                 "practice network.")
        return load_sample(sample)
    net = read(path)
    if getattr(net, "size", 1) == 0:
        _say(f"{path.name} {_NO_PEOPLE}; until then this notebook shows the practice network.")
        return load_sample(sample)
    return net


def workspace(name: str | None = None, *, practice: str = "personal"):
    """The workspace a notebook reads and saves answers to (notebooks 05 and 06).

    Parameters
    ----------
    name : str, optional
        ``WORKSPACE`` from the parameters cell: the name of one's own workspace. ``None`` means a
        fresh copy of the practice person's workspace.
    practice : str
        The name of the practice copy inside ``workspace/practice/`` (one per notebook, so two
        notebooks open at once do not replace each other's copy).

    Returns
    -------
    netkit.Workspace
        One's own workspace if it has people in it; otherwise a fresh practice copy, after one
        sentence saying what is missing and where to add it.
    """
    from .solutions.practice import practice_workspace
    from .store import Workspace

    if name is not None and str(name).strip():
        own = Workspace(str(name))
        if own.exists and len(own.people()):
            return own
        _say(f"Your workspace {own.name!r} {_NO_PEOPLE}; until then this notebook works on a copy of the "
             "practice person's answers.")
    return practice_workspace(name=practice)


def is_practice(ws) -> bool:
    """Whether ``ws`` is a practice copy (in ``workspace/practice/``), which the notebooks may change."""
    try:
        return Path(ws.path).resolve().parent == practice_dir().resolve()
    except OSError:
        return False


def _filled(series) -> bool:
    import pandas as pd

    values = series.replace("", pd.NA) if series.dtype == object else series
    return bool(values.notna().any())


def missing_sentence(net, need: str) -> str | None:
    """The sentence :func:`has` prints when ``net`` lacks ``need``, or ``None`` when it is there."""
    if need not in NEEDS:
        raise NetkitError(f"need={need!r} is not one of {', '.join(NEEDS)}.")
    alters = net.alters
    if need == "people":
        ok = len(alters) > 0
    elif need == "ties":
        ties = net.ties
        ok = bool(len(ties[ties["source"] != ties["target"]])) if len(ties) else False
    elif need == "ratings":
        ok = any(c in alters.columns and _filled(alters[c]) for c in STRENGTH_COLUMNS)
    elif need in ("context", "years_known"):
        ok = need in alters.columns and _filled(alters[need])
    elif need == "support_received":
        import pandas as pd

        ok = need in alters.columns and bool((pd.to_numeric(alters[need], errors="coerce") == 1).any())
    else:  # tables kept next to the network: support answers, the ledger
        table = net.extra.get(need)
        ok = table is not None and len(table) > 0
    return None if ok else NEEDS[need]


def has(net, *needs: str) -> bool:
    """Whether ``net`` has everything in ``needs``; for the first thing missing, print the one
    sentence that says what it is and where to add it, and return False.

    Examples
    --------
    >>> import netkit as nk
    >>> has(nk.load_sample("personal"), "ties", "context")
    True
    >>> has(nk.load_sample("personal"), "ledger")
    No favors are logged yet: log one in the ledger form in notebook 06 (or tab 6 Favors of the forms in notebook 01).
    False
    """
    for need in needs:
        sentence = missing_sentence(net, need)
        if sentence:
            _say(sentence)
            return False
    return True


def table(net, name: str):
    """A table kept next to the network (``"support"`` or ``"ledger"``), or an empty one with the
    same columns while nothing has been saved yet — after the one sentence saying where to add it.

    The measures over these tables take an empty one in their stride, so the cells that use it
    run and show empty results instead of stopping.

    Examples
    --------
    >>> import netkit as nk
    >>> list(table(nk.load_sample("personal"), "ledger").columns)   # doctest: +ELLIPSIS
    No favors are logged yet: ...
    ['entry_id', 'alter_id', 'date', 'kind', 'direction', 'status', 'note']
    """
    import pandas as pd

    from .store import TABLE_COLUMNS

    if name not in ("support", "ledger"):
        raise NetkitError(f"table={name!r} is not one of support, ledger.")
    if has(net, name):
        return net.extra[name]
    columns = [c for c in TABLE_COLUMNS[name] if c != "ego_id"]
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
