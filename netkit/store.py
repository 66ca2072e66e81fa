"""The participant's workspace on disk: netkit's own folder, saved on every change.

A :class:`Workspace` is one folder under :func:`netkit.paths.workspace_dir` holding
``manifest.json``, ``egos.csv``, ``alters.csv``, ``ties.csv``, ``support.csv``,
``ledger.csv`` and ``plan.csv`` (the participant's own action-plan steps) — the same folder
``nk.read`` reads. Every change is one small operation
(add a person, set one field, tick one tie, name one supporter, log one favor) applied under a
lock file to tables freshly read from disk, then saved all or nothing: every file it changes
(tables and ``manifest.json``) is written to a temporary file, then a journal of the renames
commits them together (:func:`netkit.io.atomic.commit_files`). So two forms (two widgets, two
kernels) on one workspace merge their work instead of overwriting it, a change that fails
(a full disk) leaves every file as it was, and a crash leaves either the old state or the new one.

Reading never writes: readers read the committed version (through a leftover journal, if a
crash left one) and read again if a change landed meanwhile. What a crash left behind — a
journal to finish, temporary copies holding names — is cleared under the lock the next time
the workspace is opened (``Workspace(...)``) or changed.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from filelock import FileLock, Timeout

from .errors import NetkitError
from .io.atomic import commit_files, needs_recovery, pending_renames, read_committed, recover
from .paths import workspace_dir
from .schema import (
    ALTER_ATTRIBUTES, LEDGER_CHOICES, SCHEMA_VERSION, TABLE_COLUMNS, TABLES, BadValue, parse_value,
)
from .schema import manifest as schema_manifest

__all__ = [
    "Workspace",
    "WorkspaceBusy",
    "DEFAULT_WORKSPACE",
    "EGO_ID",
    "TABLE_COLUMNS",
    "SCHEMA_VERSION",
    "PLAN_TABLE",
    "PLAN_COLUMNS",
    "name_key",
    "likely_duplicates",
    "list_workspaces",
]

DEFAULT_WORKSPACE = "my-network"
EGO_ID = "you"
# A new person has only the answers the participant gave: every other cell is blank, which
# means "not known" to every measure (no value is ever filled in on the participant's behalf).

#: The participant's own action-plan steps: ``plan.csv``, one row per step (``item_id`` s001,
#: s002, … never reused; ``due`` YYYY-MM-DD or blank; ``done`` 1 or 0; ``created`` YYYY-MM-DD).
PLAN_TABLE = "plan"
PLAN_COLUMNS = TABLE_COLUMNS[PLAN_TABLE]
_YES_NO = ALTER_ATTRIBUTES["confiding"]  # a yes/no answer, as the schema declares it

_FILES = [f"{t}.csv" for t in TABLES] + ["manifest.json"]  # what a change may write, all at once

LOCK_NAME = ".lock"
LOCK_TIMEOUT = 10.0  # seconds a change waits for another form's change to finish

_ID_PATTERN = {"alter": re.compile(r"^p(\d+)$"), "favor": re.compile(r"^f(\d+)$"), "plan": re.compile(r"^s(\d+)$")}
_ID_PLACE = {"alter": ("alters", "alter_id", "p"), "favor": ("ledger", "entry_id", "f"), "plan": (PLAN_TABLE, "item_id", "s")}
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class WorkspaceBusy(NetkitError):
    """Another form kept the workspace locked for longer than a change should take."""


# ------------------------------------------------------------------ text helpers


def clean_text(value: object, *, multiline: bool = False) -> str:
    """User text as stored: control characters dropped, ends trimmed; newlines only in notes."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def name_key(name: str) -> str:
    """A name reduced for spotting duplicates: case, accents, spacing and word order ignored.

    >>> name_key("  José  GARCÍA ") == name_key("garcia jose")
    True
    """
    text = unicodedata.normalize("NFKD", clean_text(name)).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = re.findall(r"\w+", text)
    return " ".join(sorted(words)) if words else text.strip()


def likely_duplicates(name: str, people: Iterable[tuple[str, str]], *, skip: str | None = None) -> list[tuple[str, str]]:
    """The ``(alter_id, name)`` pairs in ``people`` whose name looks like ``name``."""
    key = name_key(name)
    if not key:
        return []
    return [(aid, other) for aid, other in people if aid != skip and name_key(other) == key]


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _field_text(column: str, value: object) -> str:
    """Check one person attribute (the readers' validator) and turn it into the text stored in alters.csv."""
    attr = ALTER_ATTRIBUTES.get(column)
    if attr is None or attr.kind == "text":
        return clean_text(value, multiline=column == "notes")
    try:
        parsed = parse_value(value, attr)
    except BadValue as exc:
        raise NetkitError(f"{exc} for {column.replace('_', ' ')}; {attr.fix}.") from None
    if parsed is None:
        return ""
    return _number_text(parsed) if isinstance(parsed, (int, float)) else str(parsed)


def _check_choice(field: str, value: str) -> str:
    legal = LEDGER_CHOICES[field]
    value = clean_text(value).lower()
    if value not in legal:
        raise NetkitError(f"{field}: '{value}' is not one of {', '.join(legal)}.")
    return value


def _date_text(value: object, what: str = "date") -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    try:
        return dt.date.fromisoformat(str(value).strip()).strftime("%Y-%m-%d")
    except ValueError:
        raise NetkitError(f"{what}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15.") from None


def list_workspaces(root: str | Path | None = None) -> list[str]:
    """Names of the workspaces under ``root`` (default :func:`~netkit.paths.workspace_dir`)."""
    root = Path(root) if root is not None else workspace_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "alters.csv").exists() and not p.name.startswith("."))


# ------------------------------------------------------------------ the workspace


class Tables(dict):
    """The workspace's tables in memory: name -> list of rows (dicts of text, '' when empty).

    ``manifest`` is ``manifest.json`` as read, ``manifest_updates`` what a change sets in it.
    """

    columns: dict[str, list[str]]
    manifest: dict
    manifest_updates: dict


class Workspace:
    """One participant's network and answers, kept in a folder and saved on every change.

    Parameters
    ----------
    name : str
        The workspace's folder name under ``root`` (letters, digits, spaces, ``-``, ``_``).
    root : str or Path, optional
        Where workspaces live; default :func:`netkit.paths.workspace_dir` (``workspace/`` in the
        project, or ``NETKIT_WORKSPACE``).

    Notes
    -----
    Opening a workspace does not create anything: the folder is made by the first change.
    Reading methods (:meth:`people`, :meth:`tables`, :meth:`network`, …) never write.
    Each changing method takes the lock file ``.lock`` in the folder, re-reads the tables,
    applies its one change, saves every file that changed all or nothing, and releases
    the lock; so changes from different forms on the same workspace are merged, record by
    record, and the last change to one field of one record wins. A change that fails before
    its commit point raises :class:`~netkit.io.atomic.NotCommitted` (an ``OSError``) and
    every file is as it was. Opening a workspace finishes (or undoes) what a crash left.

    Examples
    --------
    >>> import tempfile
    >>> ws = Workspace("demo", root=tempfile.mkdtemp())
    >>> pid = ws.add_person("Zoë <Ωmega> \\"Z\\"")
    >>> Workspace("demo", root=ws.root).people()["name"].tolist()
    ['Zoë <Ωmega> "Z"']
    """

    def __init__(self, name: str = DEFAULT_WORKSPACE, *, root: str | Path | None = None,
                 lock_timeout: float = LOCK_TIMEOUT) -> None:
        name = str(name).strip()
        if not name or name.startswith(".") or _BAD_NAME.search(name):
            raise NetkitError(
                f"workspace name {name!r} cannot be a folder name; use letters, digits, spaces, '-' or '_'."
            )
        self.name = name
        self.root = Path(root) if root is not None else workspace_dir()
        self.path = self.root / name
        self.lock_timeout = lock_timeout
        self._recover_at_open()

    def __repr__(self) -> str:
        return f"<Workspace {self.name!r} at {self.path}>"

    @property
    def exists(self) -> bool:
        return (self.path / "alters.csv").exists() or any(
            final == "alters.csv" for _, final in pending_renames(self.path) or [])

    def _recover_at_open(self) -> None:
        """Finish what a crash left (a journal, temporary copies) — only then is anything written.

        If another window is saving just now, or the folder cannot be written, nothing is done:
        reads see the committed state anyway, and the next change tries again.
        """
        if not needs_recovery(self.path, _FILES):
            return
        lock = FileLock(self.path / LOCK_NAME, timeout=min(self.lock_timeout, 1.0))
        try:
            with lock:
                recover(self.path, _FILES)
        except (Timeout, OSError):
            pass

    # -------------------------------------------------------------- reading

    def _read_table(self, table: str, path: Path | None = None) -> tuple[list[dict], list[str]]:
        from .io.cells import read_own_table as read_table

        path = path or self.path / f"{table}.csv"
        if not path.exists():
            return [], list(TABLE_COLUMNS[table])
        df, _ = read_table(path)  # the readers' own: Excel's encodings and separators too
        header = list(df.columns)
        rows = [
            {c: ("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)) for c, v in zip(header, rec)}
            for rec in df.itertuples(index=False, name=None)
        ]
        columns = header + [c for c in TABLE_COLUMNS[table] if c not in header]
        for row in rows:
            for c in columns:
                row.setdefault(c, "")
        return rows, columns

    def _read_tables(self, paths: dict[str, Path] | None = None) -> Tables:
        tables = Tables()
        tables.columns = {}
        for table in TABLES:
            tables[table], tables.columns[table] = self._read_table(table, (paths or {}).get(f"{table}.csv"))
        return tables

    def _consistent(self, read: Callable[[dict[str, Path]], object]):
        """``read`` the committed files, never a change half-applied. If other windows keep
        changing the workspace, read once under the lock (after finishing what a crash left)."""
        if not self.path.is_dir():
            return read({n: self.path / n for n in _FILES})
        try:
            return read_committed(self.path, _FILES, read, attempts=20)
        except BlockingIOError:
            with self._locked():
                recover(self.path, _FILES)
                return read({n: self.path / n for n in _FILES})

    def _snapshot(self) -> Tables:
        """All tables as committed, read without the lock."""
        return self._consistent(self._read_tables)

    def tables(self) -> dict:
        """Every table as a DataFrame of text (empty cells are ``''``), read from disk now."""
        import pandas as pd

        snap = self._snapshot()
        return {t: pd.DataFrame(snap[t], columns=snap.columns[t], dtype=object) for t in TABLES}

    def _frame(self, table: str):
        import pandas as pd

        rows, columns = self._consistent(lambda paths: self._read_table(table, paths[f"{table}.csv"]))
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def people(self):
        """``alters.csv`` now: one row per person, as text."""
        return self._frame("alters")

    def ties(self):
        """``ties.csv`` now: who knows whom (``source``, ``target``)."""
        return self._frame("ties")

    def support(self):
        """``support.csv`` now: one row per answer (see :mod:`netkit.support`)."""
        return self._frame("support")

    def ledger(self):
        """``ledger.csv`` now: one row per favor."""
        return self._frame("ledger")

    def plan_items(self):
        """``plan.csv`` now: the participant's own action-plan steps (see :data:`PLAN_COLUMNS`)."""
        return self._frame(PLAN_TABLE)

    def ego_name(self) -> str:
        rows, _ = self._consistent(lambda paths: self._read_table("egos", paths["egos.csv"]))
        return rows[0].get("name", "") if rows else ""

    def network(self):
        """The workspace as an :class:`~netkit.model.EgoNetwork` (typed, with ``extra['support']``
        and ``extra['ledger']``), read by ``nk.read`` — the way every measure sees it."""
        from .io import read

        if not self.exists:
            raise NetkitError(f"{self.path}: this workspace is empty; add the people you know first.")
        return read(self.path, format="netkit")  # reads the committed change through the journal itself

    # -------------------------------------------------------------- the lock

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The workspace's lock (an OS file lock: a crashed holder's lock is released by the system)."""
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.path / LOCK_NAME, timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise WorkspaceBusy(
                f"{self.path}: another window is saving to this workspace and has not finished "
                f"within {self.lock_timeout:g} s; wait a moment and try again."
            ) from None
        try:
            yield
        finally:
            lock.release()

    # -------------------------------------------------------------- changing

    def _change(self, apply: Callable[[Tables], object]) -> object:
        """Re-read, apply one change, save every file it changed all or nothing; under the lock."""
        with self._locked():
            recover(self.path, _FILES)  # a crash's leftovers first: the tables read are the committed ones
            new = not (self.path / "alters.csv").exists()
            tables = self._read_tables()
            tables.manifest, tables.manifest_updates = self._manifest(), {}
            before = copy.deepcopy(dict(tables))
            result = apply(tables)
            changed = [t for t in TABLES if tables[t] != before[t] or (new and t in ("egos", "alters"))]
            if new and not tables["egos"]:
                tables["egos"].append({"ego_id": EGO_ID, "name": ""})
            files = {}
            if tables.manifest_updates or (new and not tables.manifest):
                files["manifest.json"] = self._manifest_text(tables.manifest, tables.manifest_updates)
            removed = {r["alter_id"] for r in before["alters"]} - {r["alter_id"] for r in tables["alters"]}
            # The renames put the tables that refer to people after alters.csv when people are
            # added, before it when people are removed: even a reader that ignores the journal
            # (nk.read of the folder while a crash's leftover waits) never meets a dangling reference.
            order = (["egos"] + [t for t in changed if t not in ("egos", "alters")] + ["alters"]) if removed \
                else ["egos", "alters"] + [t for t in changed if t not in ("egos", "alters")]
            for table in dict.fromkeys(order):
                if table in changed:
                    files[f"{table}.csv"] = _table_text(tables[table], tables.columns[table])
            if files:
                commit_files(self.path, files)
            return result

    def _manifest(self) -> dict:
        try:
            manifest = json.loads((self.path / "manifest.json").read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            return {}
        return manifest if isinstance(manifest, dict) else {}

    @staticmethod
    def _manifest_text(current: dict, updates: dict) -> str:
        from . import __version__

        manifest = {**schema_manifest("ego"), **current, "written_by": f"netkit {__version__} (workspace)", **updates}
        return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"

    # people ----------------------------------------------------------

    def add_person(self, name: str, **fields: object) -> str:
        """Add a person; returns their new id (``p001``, ``p002``, … never reused).

        ``fields`` are alter attributes (``context``, ``closeness``, …; see docs/formats.md);
        only what is given is written: every other answer stays blank (not known) until the
        participant gives it. ``named_for`` is a prompt key.
        """
        name = clean_text(name)
        if not name:
            raise NetkitError("the name is empty; type the name you use for this person.")
        values = dict(fields)
        prompt = values.pop("named_for", None)
        cells = {c: _field_text(c, v) for c, v in values.items() if c not in ("ego_id", "alter_id", "name")}

        def apply(t: Tables) -> str:
            alter_id = _next_id(t, "alter")
            row = {c: "" for c in t.columns["alters"]}
            row.update(ego_id=_ego_id(t), alter_id=alter_id, name=name, **cells)
            if prompt:
                row["named_for"] = clean_text(prompt)
            for c in row:
                if c not in t.columns["alters"]:
                    t.columns["alters"].append(c)
            t["alters"].append(row)
            return alter_id

        return self._change(apply)

    def rename_person(self, alter_id: str, name: str) -> None:
        self.update_person(alter_id, name=name)

    def update_person(self, alter_id: str, **fields: object) -> None:
        """Set some attributes of one person; the others stay as they are on disk.

        A blank value (``None`` or ``""``) clears the answer: it is not known again.
        """
        if "name" in fields:
            fields["name"] = clean_text(fields["name"])
            if not fields["name"]:
                raise NetkitError("the name is empty; type the name you use for this person.")
        cells = {c: (v if c == "name" else _field_text(c, v)) for c, v in fields.items() if c not in ("ego_id", "alter_id")}

        def apply(t: Tables) -> None:
            row = _person(t, alter_id)
            for c, v in cells.items():
                if c not in t.columns["alters"]:
                    t.columns["alters"].append(c)
                    for r in t["alters"]:
                        r.setdefault(c, "")
                row[c] = v

        self._change(apply)

    def note_prompt(self, alter_id: str, prompt: str) -> None:
        """Record that this person was named for ``prompt`` too (``named_for``, ';'-separated)."""
        prompt = clean_text(prompt)

        def apply(t: Tables) -> None:
            row = _person(t, alter_id)
            keys = [k for k in row.get("named_for", "").split(";") if k]
            if prompt not in keys:
                row["named_for"] = ";".join(keys + [prompt])

        self._change(apply)

    def remove_person(self, alter_id: str) -> None:
        """Remove a person with their ties, support answers and ledger entries."""

        def apply(t: Tables) -> None:
            _person(t, alter_id)
            t["alters"] = [r for r in t["alters"] if r["alter_id"] != alter_id]
            t["ties"] = [r for r in t["ties"] if alter_id not in (r["source"], r["target"])]
            t["support"] = [r for r in t["support"] if r["alter_id"] != alter_id]
            t["ledger"] = [r for r in t["ledger"] if r["alter_id"] != alter_id]

        self._change(apply)

    def set_ego_name(self, name: str) -> None:
        name = clean_text(name)

        def apply(t: Tables) -> None:
            if not t["egos"]:
                t["egos"].append({c: "" for c in t.columns["egos"]} | {"ego_id": EGO_ID})
            t["egos"][0]["name"] = name

        self._change(apply)

    # the rings board -------------------------------------------------

    def board_positions(self) -> dict[str, tuple[float, float]]:
        """Where each person was left on the rings board (:class:`netkit.widgets.RingsBoard`):
        ``alter_id -> (x, y)``, kept in ``manifest.json`` under ``"board"`` (no names, only ids)."""
        def read(paths: dict[str, Path]) -> dict:
            try:
                manifest = json.loads(paths["manifest.json"].read_text(encoding="utf-8-sig"))
            except (OSError, ValueError):
                return {}
            return _board_positions(manifest)

        return self._consistent(read)

    def place(self, alter_id: str, closeness: object, *,
              position: tuple[float, float] | None = None) -> tuple[str, tuple[float, float] | None]:
        """Set one person's closeness and their place on the rings board, in one change.

        ``closeness`` is 1 (not close) … 4 (very close), or blank (``None`` / ``""``: not known,
        back in the board's tray). ``position`` is ``(x, y)`` on the board; ``None`` forgets it.
        Returns what was there before (closeness as stored, ``''`` when blank; the position or
        ``None``), read under the same lock, so an undo puts back exactly that.
        """
        cell = _field_text("closeness", closeness)
        where = _board_position(position)

        def apply(t: Tables) -> tuple[str, tuple[float, float] | None]:
            row = _person(t, alter_id)
            positions = _board_positions(t.manifest)
            before = (row.get("closeness", ""), positions.get(alter_id))
            row["closeness"] = cell
            if where is None:
                positions.pop(alter_id, None)
            else:
                positions[alter_id] = where
            if positions != _board_positions(t.manifest):
                t.manifest_updates["board"] = {"positions": {a: list(xy) for a, xy in positions.items()}}
            return before

        return self._change(apply)

    # ties ------------------------------------------------------------

    def set_tie(self, a: str, b: str, present: bool = True) -> None:
        """Say whether ``a`` and ``b`` know each other."""
        self.census(a, knows=[b] if present else [], knows_not=[] if present else [b], done=None)

    def census(self, alter_id: str, *, knows: Iterable[str] = (), knows_not: Iterable[str] = (),
               done: bool | None = True) -> None:
        """Record, for one person, whom they know and whom they don't (one change).

        ``done`` marks that person's row of the tie census as finished (``census_done``);
        ``None`` leaves the mark as it is.
        """
        knows, knows_not = list(dict.fromkeys(knows)), list(dict.fromkeys(knows_not))

        def apply(t: Tables) -> None:
            row = _person(t, alter_id)
            for other in knows + knows_not:
                _person(t, other)
                if other == alter_id:
                    raise NetkitError("a person cannot be tied to themselves; pick two different people.")
            drop = set(knows) | set(knows_not)
            t["ties"] = [
                r for r in t["ties"]
                if not ({r["source"], r["target"]} & {alter_id} and ({r["source"], r["target"]} - {alter_id}) & drop)
            ]
            for other in knows:
                tie = {c: "" for c in t.columns["ties"]}
                tie.update(ego_id=_ego_id(t), source=alter_id, target=other)
                t["ties"].append(tie)
            if done is not None:
                row["census_done"] = "1" if done else "0"

        self._change(apply)

    # support ---------------------------------------------------------

    def set_supporter(self, item: str, alter_id: str, provides: bool = True, *, instrument="self-check") -> None:
        """Say whether one person gives one kind of support (``instrument``: a shipped name —
        ``self-check``, ``kram``, ``exchange`` — or an :class:`~netkit.instruments.Instrument`)."""
        instrument = _check_item(instrument, item)

        def apply(t: Tables) -> None:
            _person(t, alter_id)
            rows = [r for r in t["support"] if not (r["instrument"] == instrument and r["item"] == item
                                                  and r["alter_id"] in (alter_id, ""))]
            if provides:
                rows.append(_support_row(t, instrument, item, alter_id, "1"))
            t["support"] = rows

        self._change(apply)

    def set_no_one(self, item: str, *, instrument="self-check") -> None:
        """Answer an item with "no one yet" (drops anyone named for it)."""
        instrument = _check_item(instrument, item)

        def apply(t: Tables) -> None:
            rows = [r for r in t["support"] if not (r["instrument"] == instrument and r["item"] == item)]
            rows.append(_support_row(t, instrument, item, "", "0"))
            t["support"] = rows

        self._change(apply)

    def clear_answer(self, item: str, *, instrument="self-check") -> None:
        """Forget every answer to ``item`` (it counts as not answered again)."""
        instrument = _check_item(instrument, item)

        def apply(t: Tables) -> None:
            t["support"] = [r for r in t["support"] if not (r["instrument"] == instrument and r["item"] == item)]

        self._change(apply)

    # ledger ----------------------------------------------------------

    def add_favor(self, alter_id: str, *, kind: str, direction: str, status: str = "done",
                  date: object = None, note: str = "") -> str:
        """Log a favor given to or received from one person; returns its id (``f001``, …)."""
        cells = {
            "kind": _check_choice("kind", kind), "direction": _check_choice("direction", direction),
            "status": _check_choice("status", status),
            "date": _date_text(date if date is not None else dt.date.today()), "note": clean_text(note, multiline=True),
        }

        def apply(t: Tables) -> str:
            _person(t, alter_id)
            entry_id = _next_id(t, "favor")
            row = {c: "" for c in t.columns["ledger"]}
            row.update(ego_id=_ego_id(t), entry_id=entry_id, alter_id=alter_id, **cells)
            t["ledger"].append(row)
            return entry_id

        return self._change(apply)

    def update_favor(self, entry_id: str, **fields: object) -> None:
        """Change fields of one ledger entry (e.g. ``status="done"``)."""
        cells = {}
        for field, value in fields.items():
            if field in LEDGER_CHOICES:
                cells[field] = _check_choice(field, value)
            elif field == "date":
                cells[field] = _date_text(value)
            elif field == "note":
                cells[field] = clean_text(value, multiline=True)
            elif field != "alter_id":
                raise NetkitError(f"{field!r} is not a ledger field; use kind, direction, status, date, note or alter_id.")

        def apply(t: Tables) -> None:
            row = _favor(t, entry_id)
            if "alter_id" in fields:
                _person(t, fields["alter_id"])
                row["alter_id"] = fields["alter_id"]
            row.update(cells)

        self._change(apply)

    def remove_favor(self, entry_id: str) -> None:
        def apply(t: Tables) -> None:
            _favor(t, entry_id)
            t["ledger"] = [r for r in t["ledger"] if r["entry_id"] != entry_id]

        self._change(apply)

    # the participant's own plan steps -----------------------------------

    def add_plan_item(self, text: str, *, due: object = None, created: object = None) -> str:
        """Add a step of your own to the action plan; returns its id (``s001``, … never reused).

        ``due`` is a date (or blank: no date); ``created`` defaults to today.
        """
        cells = {"text": _step_text(text), "due": _due_text(due), "done": "0",
                 "created": _date_text(created if created is not None else dt.date.today(), "created")}

        def apply(t: Tables) -> str:
            item_id = _next_id(t, "plan")
            row = {c: "" for c in t.columns[PLAN_TABLE]}
            row.update(ego_id=_ego_id(t), item_id=item_id, **cells)
            t[PLAN_TABLE].append(row)
            return item_id

        return self._change(apply)

    def update_plan_item(self, item_id: str, **fields: object) -> None:
        """Change ``text``, ``due`` (blank removes the date) or ``done`` (True/False) of one own step."""
        cells = {}
        for field, value in fields.items():
            if field == "text":
                cells[field] = _step_text(value)
            elif field == "due":
                cells[field] = _due_text(value)
            elif field == "done":
                cells[field] = _done_text(value)
            else:
                raise NetkitError(f"{field!r} is not a field of a plan step; use text, due or done.")

        def apply(t: Tables) -> None:
            _plan_item(t, item_id).update(cells)

        self._change(apply)

    def remove_plan_item(self, item_id: str) -> None:
        """Remove one of your own plan steps (its id is not given out again)."""

        def apply(t: Tables) -> None:
            _plan_item(t, item_id)
            t[PLAN_TABLE] = [r for r in t[PLAN_TABLE] if r["item_id"] != item_id]

        self._change(apply)


# ------------------------------------------------------------------ internals


def _table_text(rows: list[dict], columns: list[str]) -> str:
    """A table as CSV text, every cell safe to open in a spreadsheet (read back as typed)."""
    import csv
    import io

    from .io.cells import safe_cell

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(c, "")) for c in columns])
    return buf.getvalue()


def _board_positions(manifest: object) -> dict[str, tuple[float, float]]:
    """The board positions a manifest holds; anything malformed (a hand edit) is left out, never guessed."""
    board = manifest.get("board") if isinstance(manifest, dict) else None
    positions = board.get("positions") if isinstance(board, dict) else None
    out = {}
    for alter_id, xy in (positions.items() if isinstance(positions, dict) else ()):
        try:
            out[str(alter_id)] = _board_position(xy)
        except NetkitError:
            continue
    return out


def _board_position(xy: object) -> tuple[float, float] | None:
    if xy is None:
        return None
    try:
        x, y = (float(v) for v in xy)
    except (TypeError, ValueError):
        raise NetkitError(f"a place on the board is two numbers (x, y), not {xy!r}.") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise NetkitError(f"a place on the board is two finite numbers (x, y), not {xy!r}.")
    return round(x, 1), round(y, 1)


def _ego_id(t: Tables) -> str:
    return t["egos"][0]["ego_id"] if t["egos"] and t["egos"][0].get("ego_id") else EGO_ID


def _person(t: Tables, alter_id: str) -> dict:
    for row in t["alters"]:
        if row["alter_id"] == alter_id:
            return row
    raise NetkitError(
        f"there is no person with id '{alter_id}' in this workspace (perhaps removed in another window); "
        "refresh the form to see the current list."
    )


def _favor(t: Tables, entry_id: str) -> dict:
    for row in t["ledger"]:
        if row["entry_id"] == entry_id:
            return row
    raise NetkitError(
        f"there is no ledger entry '{entry_id}' (perhaps removed in another window); refresh the form."
    )


def _plan_item(t: Tables, item_id: str) -> dict:
    for row in t[PLAN_TABLE]:
        if row["item_id"] == item_id:
            return row
    raise NetkitError(
        f"there is no step '{item_id}' in your plan (perhaps removed in another window); refresh the form."
    )


def _step_text(value: object) -> str:
    text = clean_text(value)
    if not text:
        raise NetkitError("the step is empty; type what you want to do, e.g. 'Ask Ana for coffee'.")
    return text


def _done_text(value: object) -> str:
    try:
        return "1" if parse_value(value, _YES_NO) == 1 else "0"
    except BadValue as exc:
        raise NetkitError(f"{exc} for done; write yes or no.") from None


def _due_text(value: object) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return _date_text(value, "due date")


def _next_id(t: Tables, kind: str) -> str:
    """The next free id; the counter in manifest.json ("next_ids") keeps ids from being reused,
    so a form still showing a removed person can never change a newcomer by mistake."""
    table, column, prefix = _ID_PLACE[kind]
    manifest = {**t.manifest, **t.manifest_updates}
    counters = manifest.get("next_ids") if isinstance(manifest.get("next_ids"), dict) else {}
    used = [int(m.group(1)) for r in t[table] if (m := _ID_PATTERN[kind].match(r[column]))]
    try:
        number = max([int(counters.get(kind, 0))] + [u + 1 for u in used] + [1])
    except (TypeError, ValueError):
        number = max([u + 1 for u in used] + [1])
    taken = {r[column] for r in t[table]}
    while f"{prefix}{number:03d}" in taken:
        number += 1
    t.manifest_updates["next_ids"] = {**counters, kind: number + 1}
    return f"{prefix}{number:03d}"


def _check_item(instrument, item: str) -> str:
    """The instrument's name, once ``item`` is known to be one of its items."""
    from .instruments import SHIPPED, Instrument

    if isinstance(instrument, Instrument) and instrument.name:
        name, legal = instrument.name, list(instrument.keys)
    elif isinstance(instrument, str) and instrument in SHIPPED:
        name, legal = instrument, list(SHIPPED[instrument].keys)
    else:
        raise NetkitError(f"instrument {instrument!r} is not known; use one of {', '.join(SHIPPED)}, or a named "
                          "Instrument (netkit.instruments).")
    if item not in legal:
        raise NetkitError(f"{item!r} is not a {name} item; use one of {', '.join(legal)}.")
    return name


def _support_row(t: Tables, instrument: str, item: str, alter_id: str, value: str) -> dict:
    row = {c: "" for c in t.columns["support"]}
    row.update(ego_id=_ego_id(t), instrument=instrument, item=item, alter_id=alter_id, value=value)
    return row
