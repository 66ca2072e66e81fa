"""Atomic writes: a file (or folder) is either the old version or the new one, never half.

:func:`commit_files` extends this to several files of one folder: a change either lands whole or
leaves every file as it was. Each new file is written to a temporary file beside it and synced;
then a journal, ``.journal.json``, listing the renames temp -> final is written (through its own
temp and a rename: it exists whole or not at all). Its arrival is the commit point. The temps
are renamed over the finals and the journal is removed.

* A failure before the commit point removes the temps and raises :class:`NotCommitted`: every
  file is as it was.
* A failure after it (a rename, removing the journal) is retried at once; if that fails too,
  the change is still whole on disk (journal + temps) and :func:`recover` finishes it later.
* :func:`recover` (run under the caller's lock) completes a leftover journal (roll forward:
  its temps all exist, they were synced before it was written) and removes stale temps of the
  folder's own files (a crash before the commit point: roll back).
* :func:`read_committed` reads the committed version of some files without writing anything:
  the temp a leftover journal names in place of its final, and it reads again if a change
  landed while it was reading, so a reader never sees half a change.
"""
from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Mapping, TypeVar

__all__ = ["atomic_write_text", "atomic_folder", "commit_files", "recover", "needs_recovery", "pending_renames",
           "read_committed", "NotCommitted", "JOURNAL", "check_output", "resolved_path"]

JOURNAL = ".journal.json"
T = TypeVar("T")


class NotCommitted(OSError):
    """A multi-file change failed before its commit point: every file is as it was.

    ``leftovers`` names temporary files that could not be removed (they hold the new text; the
    next :func:`recover` removes them).
    """

    def __init__(self, cause: OSError, leftovers: list[str]):
        super().__init__(cause.errno, cause.strerror or str(cause))
        self.cause = cause
        self.leftovers = leftovers


# The low-level steps, one function each, so tests can make any single step fail.

def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _rename(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _remove(path: Path) -> None:
    os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_name(final: str) -> str:
    return f".{final.lstrip('.')}.{secrets.token_hex(4)}.tmp"


def _is_temp_of(name: str, finals: Iterable[str]) -> bool:
    return name.endswith(".tmp") and any(name.startswith(f".{f.lstrip('.')}.") for f in finals)


def _retrying(step: Callable[[], None], tries: int = 5) -> None:
    """A step retried a few times: a file held open on Windows (Excel, a virus scanner) clears."""
    for attempt in range(tries):
        try:
            return step()
        except PermissionError:
            if attempt == tries - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


def commit_files(folder: Path, files: Mapping[str, str]) -> None:
    """Replace the files ``name -> text`` of ``folder`` all at once (in the given order).

    Raises :class:`NotCommitted` when it failed before the commit point (nothing changed). Returns
    normally once the change is committed, even if putting the files in place must be finished
    by a later :func:`recover` (readers through :func:`read_committed` already see it).
    The caller holds the folder's lock.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    temps: list[str] = []
    try:
        renames = []
        for name, text in files.items():
            temp = _temp_name(name)
            temps.append(temp)
            _write_synced(folder / temp, text.encode("utf-8"))
            renames.append([temp, name])
        journal_temp = _temp_name(JOURNAL)
        temps.append(journal_temp)
        _write_synced(folder / journal_temp, json.dumps({"renames": renames}, indent=1).encode("utf-8"))
        _retrying(lambda: _rename(folder / journal_temp, folder / JOURNAL))
    except BaseException as exc:  # an interrupt too: nothing is committed, the temps go
        leftovers = []
        for temp in temps:
            try:
                _remove(folder / temp)
            except FileNotFoundError:
                pass
            except OSError:
                leftovers.append(temp)
        if isinstance(exc, OSError):
            raise NotCommitted(exc, leftovers) from exc
        raise
    # Committed: from here on the change is finished, now or by the next recover().
    try:
        _finish(folder)
    except OSError:
        try:
            _finish(folder)
        except OSError:
            pass


def pending_renames(folder: Path) -> list[tuple[str, str]] | None:
    """The renames ``(temp, final)`` of a committed change not yet finished, or None.

    A journal that cannot be read or makes no sense gives ``[]`` (it is dropped by :func:`recover`).
    """
    try:
        raw = (Path(folder) / JOURNAL).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        renames = json.loads(raw.decode("utf-8"))["renames"]
        pairs = [(str(t), str(f)) for t, f in renames]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return []
    plain = all(p and os.path.basename(p) == p and p not in (".", "..") for pair in pairs for p in pair)
    return pairs if plain and all(_is_temp_of(t, [f]) for t, f in pairs) else []


def _finish(folder: Path) -> None:
    """Roll a leftover journal forward: rename each temp still there, then drop the journal."""
    pairs = pending_renames(folder)
    if pairs is None:
        return
    _sync_folder(folder)  # the journal is durable before any final is replaced
    for temp, final in pairs:
        if (folder / temp).exists():
            _retrying(lambda: _rename(folder / temp, folder / final))
    _sync_folder(folder)
    _retrying(lambda: _remove(folder / JOURNAL))
    _sync_folder(folder)


#: A temporary file of another writer (``atomic_write_text``: a report saved into the folder)
#: this old was left by a crash: no write takes this long.
STALE_AFTER = 600.0  # seconds


def _stale(folder: Path, finals: Iterable[str]) -> list[str]:
    """Temps of ``finals`` (only the lock holder writes those) and any other temp left long ago."""
    finals = [*finals, JOURNAL]
    now = time.time()

    def stale(entry: os.DirEntry) -> bool:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            return False
        if _is_temp_of(entry.name, finals):
            return True
        try:
            return entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_AFTER
        except OSError:
            return False

    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if stale(e))
    except (FileNotFoundError, NotADirectoryError):
        return []


def needs_recovery(folder: Path, finals: Iterable[str]) -> bool:
    """Whether a crash left something in ``folder`` for :func:`recover` (reads only)."""
    folder = Path(folder)
    return (folder / JOURNAL).exists() or bool(_stale(folder, finals))


def recover(folder: Path, finals: Iterable[str]) -> None:
    """Finish or undo what a crash left: complete a journal, remove stale temps (see ``_stale``).

    The caller holds the folder's lock, so no change is under way. Raises OSError if something
    could not be done (it is tried again next time).
    """
    folder = Path(folder)
    _finish(folder)
    for name in _stale(folder, finals):
        try:
            _remove(folder / name)
        except FileNotFoundError:
            pass


def _state(folder: Path, names: Iterable[str]) -> tuple:
    def stat(name: str):
        try:
            st = os.stat(folder / name)
        except FileNotFoundError:
            return None
        except OSError as exc:  # a looping link, say: the reader names it
            return ("unreadable", exc.errno)
        return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns

    journal = None
    try:
        journal = (folder / JOURNAL).read_bytes()
    except FileNotFoundError:
        pass
    return journal, tuple(stat(n) for n in names)


def read_committed(folder: Path, names: Iterable[str], read: Callable[[dict[str, Path]], T], *,
                   attempts: int = 40) -> T:
    """``read(paths)`` with ``paths[name]`` the committed version of each file; never writes.

    A file a leftover journal replaces is read from its temp. The read is repeated when a change
    landed meanwhile (the journal or a file changed), also when that change made the read fail.
    Raises :class:`BlockingIOError` if the folder did not keep still for ``attempts`` tries.
    """
    folder, names = Path(folder), list(names)
    for attempt in range(attempts):
        before = _state(folder, names)
        paths = {n: folder / n for n in names}
        for temp, final in (pending_renames(folder) if before[0] is not None else None) or []:
            if final in paths and (folder / temp).exists():
                paths[final] = folder / temp
        try:
            result = read(paths)
        except Exception:
            if _state(folder, names) == before:
                raise  # the folder kept still: the error is about the files themselves
        else:
            if _state(folder, names) == before:
                return result
        time.sleep(min(0.005 * (attempt + 1), 0.05))  # a change landed while reading: read again
    raise BlockingIOError(errno.EAGAIN, f"{folder}: the files kept changing while being read")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_folder(path: Path, fill: Callable[[Path], None]) -> None:
    """Build a folder with ``fill(tmp)`` beside ``path``, then swap it in; the old one is kept on failure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    old = None
    try:
        fill(tmp)
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            if old.exists():
                shutil.rmtree(old)
            os.replace(path, old)
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not path.exists():
            os.replace(old, path)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# ----------------------------------------------------------------------------- where a write may go


def resolved_path(path: str | Path) -> Path:
    """``path`` made absolute with symbolic links followed; a link loop is one clear line."""
    from ..errors import NetkitError

    try:
        return Path(path).expanduser().resolve()
    except (RuntimeError, OSError):  # a symbolic link loop
        raise NetkitError(f"{path}: is a symbolic link that leads back to itself (a loop); point it at a real "
                          "file or folder.") from None
    except ValueError:  # a NUL byte
        raise NetkitError(f"{path}: is not a usable file name; check the path.") from None


def check_output(path: str | Path, inputs: Iterable[str | Path] = (), *, folder: bool = False) -> None:
    """Refuse, in one line, a write that could change an input or something that is not a file.

    ``path`` must not be one of ``inputs``, lie inside an input folder, or hold an input (a
    folder written there would replace it); paths are compared with symbolic links followed,
    so a link to an input is an input too. Then ``path`` must be new, or a regular file — or,
    with ``folder=True`` (a folder is written, replacing what is there), an empty folder or one
    netkit wrote before (its ``manifest.json`` says so, or it holds only egor's three tables).

    Raises
    ------
    NetkitError
        Naming ``path`` and the input, or what ``path`` is.
    """
    import stat

    from ..errors import NetkitError

    target = resolved_path(path)
    for item in (resolved_path(i) for i in inputs if i):
        if target == item or item in target.parents:
            where = "is one of the inputs" if target == item else f"is inside the input folder {item}"
            raise NetkitError(f"{path}: {where}; write the output somewhere else (netkit never changes its inputs).")
        if target in item.parents:
            raise NetkitError(f"{path}: holds the input {item}; writing there would replace it — write the output "
                              "somewhere else (netkit never changes its inputs).")
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new path
    if folder and stat.S_ISDIR(mode):
        if not _written_by_netkit(target):
            raise NetkitError(f"{path}: is a folder with other files in it; give a new or empty folder (netkit "
                              "replaces only a folder it wrote itself).")
        return
    if stat.S_ISREG(mode) and not folder:
        return
    if stat.S_ISREG(mode):
        raise NetkitError(f"{path}: is a file; this writes a folder of tables, so give the name of a new folder.")
    kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, pipe or socket)"
    raise NetkitError(f"{path}: is {kind}; give the name of a new or existing regular file to write.")


_EGOR_TABLES = {"egos.csv", "alters.csv", "aaties.csv"}


def _written_by_netkit(folder: Path) -> bool:
    """An empty folder, a netkit folder whose manifest says netkit wrote it, or egor's three tables, nothing else."""
    names = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    if not names or names == _EGOR_TABLES:
        return True
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    by = manifest.get("written_by", "") if isinstance(manifest, dict) else ""
    # a participant's workspace says "(workspace)": its answers are never replaced by an export
    return manifest.get("format") == "netkit" and str(by).startswith("netkit") and "(workspace)" not in str(by)
