"""A change to the workspace lands whole or not at all: a full disk at every step, a crash at every step.

Every low-level step of saving (writing and syncing a temporary file, a rename, removing a file,
syncing the folder) goes through one function of ``netkit.io.atomic``; the tests make the n-th
step fail (or end the process) for every n, and check that the workspace then holds either the
state before the change or the state after it — byte for byte — and never a temporary copy once
it is opened again.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

import netkit as nk
from netkit.io import atomic
from netkit.io.atomic import NotCommitted
from netkit.store import Workspace
from netkit.widgets._base import problem_text

STEPS = ("_write_synced", "_rename", "_remove", "_sync_folder")
NAME = "crash"


def files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file() and p.name != ".lock"}


def temps(path: Path) -> list[str]:
    return [p.name for p in path.iterdir() if p.name.startswith(".") and p.name != ".lock"]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A workspace with people tied to each other, support answers, favors and a plan step."""
    root = tmp_path_factory.mktemp("template")
    ws = Workspace(NAME, root=root)
    a, b, c, d = (ws.add_person(n) for n in ("Ana Álvarez", "Ben", "Cy", "Dee"))
    ws.census(a, knows=[b, c, d])
    ws.census(b, knows=[c])
    ws.set_supporter("outside_confidant", a)
    ws.set_supporter("industry_peers", a)
    ws.set_supporter("industry_peers", b)
    for day in ("2026-01-01", "2026-01-02"):
        ws.add_favor(a, kind="instrumental", direction="given", date=day)
    ws.add_favor(b, kind="psychosocial", direction="received", date="2026-01-03")
    ws.add_plan_item("Call Ana", created="2026-01-01")
    return root


CHANGES = {
    "remove a person": lambda ws: ws.remove_person("p001"),
    "add a person": lambda ws: ws.add_person("Eve", closeness=3),
    "census": lambda ws: ws.census("p002", knows=["p004"], knows_not=["p003"]),
    "log a favor": lambda ws: ws.add_favor("p003", kind="instrumental", direction="received", date="2026-02-01"),
}


def fresh(template: Path, where: Path) -> Workspace:
    shutil.copytree(template, where)
    return Workspace(NAME, root=where)


def expected_after(template: Path, tmp_path: Path, change) -> tuple[dict, dict]:
    ws = fresh(template, tmp_path / "clean")
    change(ws)
    return files(ws.path), {t: df.values.tolist() for t, df in ws.tables().items()}


def count_steps(template: Path, tmp_path: Path, change, monkeypatch) -> int:
    ws = fresh(template, tmp_path / "count")
    calls = []
    for step in STEPS:
        real = getattr(atomic, step)
        monkeypatch.setattr(atomic, step, lambda *a, _real=real: (calls.append(1), _real(*a))[1])
    change(ws)
    monkeypatch.undo()
    return len(calls)


def inject(monkeypatch, fail_at: int, *, persistent: bool) -> None:
    """Make step number ``fail_at`` (and, if ``persistent``, every later one) fail with a full disk."""
    calls = []
    for step in STEPS:
        real = getattr(atomic, step)

        def failing(*args, _real=real):
            calls.append(1)
            if len(calls) == fail_at or (persistent and len(calls) > fail_at):
                raise OSError(errno.ENOSPC, "No space left on device")
            return _real(*args)

        monkeypatch.setattr(atomic, step, failing)


def state(ws: Workspace) -> dict:
    return {t: df.values.tolist() for t, df in ws.tables().items()}


@pytest.mark.parametrize("persistent", [False, True], ids=["one-step-fails", "disk-stays-full"])
@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_full_disk_at_any_step_loses_nothing_and_says_so(template, tmp_path, monkeypatch, change, persistent):
    apply = CHANGES[change]
    after_files, after_state = expected_after(template, tmp_path, apply)
    n = count_steps(template, tmp_path, apply, monkeypatch)
    assert n >= 5
    committed = 0
    for k in range(1, n + 1):
        ws = fresh(template, tmp_path / f"k{k}")
        before_files, before_state = files(ws.path), state(ws)
        inject(monkeypatch, k, persistent=persistent)
        try:
            apply(ws)
            error = None
        except OSError as exc:
            error = exc
        monkeypatch.undo()
        if error is not None:  # failed before the commit point: every file as it was
            assert isinstance(error, NotCommitted), f"step {k}: {error!r}"
            message = problem_text(error, ws)
            assert "Not saved" in message and "No space left on device" in message, message
            assert "This change was not saved; everything saved before it is as it was" in message, message
            assert ("could not be removed" in message) == bool(error.leftovers), message
            assert state(ws) == before_state, f"step {k}: a reader saw part of a change that failed"
            if not persistent:
                assert temps(ws.path) == [], f"step {k}: temporary copies were left"
        else:  # committed: readers see the whole change at once, even before the files are in place
            committed += 1
            assert state(ws) == after_state, f"step {k}: a reader saw half a change"
        reopened = Workspace(NAME, root=ws.root)  # the next open clears what was left
        assert temps(ws.path) == [], f"step {k}: {temps(ws.path)} still there after opening again"
        assert files(ws.path) == (before_files if error is not None else after_files), f"step {k}"
        nk.read(reopened.path)
    assert 0 < committed < n  # both sides of the commit point were exercised


def test_a_failed_change_then_works_once_there_is_space(template, tmp_path, monkeypatch):
    ws = fresh(template, tmp_path / "w")
    inject(monkeypatch, 1, persistent=True)
    with pytest.raises(NotCommitted):
        ws.remove_person("p001")
    monkeypatch.undo()
    ws.remove_person("p001")
    assert "p001" not in set(ws.people()["alter_id"])
    assert ws.ties()[["source", "target"]].values.tolist() == [["p002", "p003"]]


def test_a_temp_that_cannot_be_removed_is_reported_and_cleared_on_open(template, tmp_path, monkeypatch):
    ws = fresh(template, tmp_path / "w")
    before = files(ws.path)
    real_rename = atomic._rename

    def no_rename(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    def no_remove(path):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic, "_rename", no_rename)
    monkeypatch.setattr(atomic, "_remove", no_remove)
    with pytest.raises(NotCommitted) as caught:
        ws.remove_person("p001")
    monkeypatch.undo()
    assert caught.value.leftovers and temps(ws.path)
    message = problem_text(caught.value, ws)
    assert "could not be removed" in message and "next time the workspace is opened" in message
    assert files(ws.path) != before  # the leftovers are there...
    assert {k: v for k, v in files(ws.path).items() if not k.startswith(".")} == before  # ...beside the old files
    Workspace(NAME, root=ws.root)
    assert temps(ws.path) == [] and files(ws.path) == before
    assert atomic._rename is real_rename


def test_the_old_kind_of_stale_temp_is_removed_on_open(template, tmp_path):
    ws = fresh(template, tmp_path / "w")
    before = files(ws.path)
    (ws.path / ".alters.csv.k3j9x_2.tmp").write_text("ego_id,alter_id,name\nyou,p001,Ana Álvarez\n")
    (ws.path / ".journal.json.ab12cd34.tmp").write_text('{"renames": [')  # a journal never finished
    (ws.path / "report.html").write_text("<p>not the workspace's own</p>")
    (ws.path / ".report.html.x.tmp").write_text("another writer's temp")
    assert Workspace(NAME, root=ws.root).people()["name"].tolist()[0] == "Ana Álvarez"
    # the workspace's own temps go; another writer's goes only once it is old (it may be live)
    assert sorted(temps(ws.path)) == [".report.html.x.tmp"]
    assert {k: v for k, v in files(ws.path).items() if k in before} == before
    old = atomic.time.time() - atomic.STALE_AFTER - 60
    os.utime(ws.path / ".report.html.x.tmp", (old, old))
    Workspace(NAME, root=ws.root)
    assert temps(ws.path) == [] and (ws.path / "report.html").exists()


# ------------------------------------------------------------------ a crash at every step

CHILD = r"""
import os, sys
from netkit.io import atomic
from netkit.store import Workspace

root, change, crash_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = []

def crashing(name, real):
    def step(*args):
        calls.append(name)
        if len(calls) == crash_at:
            if name == "_write_synced":  # die half-way through writing the file
                path, data = args
                with open(path, "xb") as fh:
                    fh.write(data[: len(data) // 2])
            os._exit(9)
        return real(*args)
    return step

for name in ("_write_synced", "_rename", "_remove", "_sync_folder"):
    setattr(atomic, name, crashing(name, getattr(atomic, name)))
ws = Workspace("crash", root=root)
{"remove": lambda: ws.remove_person("p001"), "add": lambda: ws.add_person("Eve", closeness=3)}[change]()
os._exit(0)
"""


@pytest.mark.parametrize("change", ["remove", "add"])
def test_a_crash_at_any_step_leaves_the_old_state_or_the_new_one(template, tmp_path, monkeypatch, change):
    apply = CHANGES["remove a person" if change == "remove" else "add a person"]
    after_files, after_state = expected_after(template, tmp_path, apply)
    n = count_steps(template, tmp_path, apply, monkeypatch)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(nk.__file__).parents[1]),
                                                         os.environ.get("PYTHONPATH", "")])}
    seen = set()
    for k in range(1, n + 1):
        ws = fresh(template, tmp_path / f"k{k}")
        before_files, before_state = files(ws.path), state(ws)
        done = subprocess.run([sys.executable, "-c", CHILD, str(ws.root), change, str(k)], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 9, done.stderr
        # a reader that cannot clear the leftovers (another window holds the lock) still sees
        # one whole state, and reading writes nothing
        holder = FileLock(ws.path / ".lock")
        with holder:
            left = files(ws.path)
            early = state(Workspace(NAME, root=ws.root, lock_timeout=0.05))
            assert files(ws.path) == left, f"step {k}: reading wrote"
        assert early in (before_state, after_state), f"step {k}: a mix of old and new"
        reopened = Workspace(NAME, root=ws.root)  # the next open finishes or undoes it
        assert temps(ws.path) == [], f"step {k}: {temps(ws.path)} left"
        now = files(ws.path)
        assert now in (before_files, after_files), f"step {k}: a mix of old and new on disk"
        assert state(reopened) == early
        seen.add("new" if now == after_files else "old")
        nk.read(reopened.path)
    assert seen == {"old", "new"}


def _crash_after_commit(ws: Workspace, monkeypatch) -> None:
    """Leave what a crash right after the commit point leaves: the journal and all its temps."""
    real, calls = atomic._finish, []

    def crash(folder):  # the first call clears leftovers before the change (there are none)
        calls.append(folder)
        if len(calls) == 1:
            return real(folder)
        raise SystemExit("crashed")  # stands for the process ending: nothing after it runs

    monkeypatch.setattr(atomic, "_finish", crash)
    with pytest.raises(SystemExit):
        ws.remove_person("p001")
    monkeypatch.undo()


def test_a_form_opened_before_the_crash_reads_the_whole_change(template, tmp_path, monkeypatch):
    ws = fresh(template, tmp_path / "w")
    early = Workspace(NAME, root=ws.root)  # another window, open since before the crash
    _crash_after_commit(ws, monkeypatch)
    assert (ws.path / ".journal.json").exists()
    left = files(ws.path)
    assert "p001" in (ws.path / "alters.csv").read_text(encoding="utf-8")  # the finals are still the old ones
    assert "p001" not in set(early.people()["alter_id"]) and len(early.ties()) == 1
    assert early.ego_name() == "" and early.exists
    assert files(ws.path) == left, "reading wrote"
    net = early.network()  # nk.read, too, reads the committed change through the journal
    assert "p001" not in set(net.alters["alter_id"]) and len(net.ties) == 1
    assert files(ws.path) == left, "reading wrote"
    Workspace(NAME, root=ws.root)  # the next open finishes the leftover
    assert temps(ws.path) == []


def test_a_journal_that_makes_no_sense_is_dropped(template, tmp_path):
    ws = fresh(template, tmp_path / "w")
    before = files(ws.path)
    (ws.path / ".journal.json").write_text('{"renames": [["../../elsewhere", "alters.csv"]]}')
    (ws.path / ".alters.csv.0badc0de.tmp").write_text("ego_id,alter_id,name\n")
    assert len(Workspace(NAME, root=ws.root).people()) == 4
    assert temps(ws.path) == [] and files(ws.path) == before


PAUSING_CHILD = r"""
import os, sys, time
from netkit.io import atomic
from netkit.store import Workspace

root, marker = sys.argv[1], sys.argv[2]
real, calls = atomic._rename, []

def pausing(src, dst):
    calls.append(dst)
    if len(calls) == 3:  # the journal and ties.csv are in place; support, ledger, alters are not
        open(marker, "w").close()
        time.sleep(60)
    return real(src, dst)

atomic._rename = pausing
Workspace("crash", root=root).remove_person("p001")
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="kill -9 is POSIX")
def test_kill_9_in_the_middle_of_the_renames(template, tmp_path, monkeypatch):
    import signal
    import time

    after_files, after_state = expected_after(template, tmp_path, CHANGES["remove a person"])
    ws = fresh(template, tmp_path / "w")
    marker = tmp_path / "paused"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(nk.__file__).parents[1]),
                                                         os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", PAUSING_CHILD, str(ws.root), str(marker)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None and time.monotonic() < deadline, "the child never reached the step"
            time.sleep(0.05)
        # mid-change: a reader sees the whole change already, nk.read no dangling reference
        assert state(Workspace(NAME, root=ws.root, lock_timeout=0.05)) == after_state
        nk.read(ws.path)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert (ws.path / ".journal.json").exists()
    reopened = Workspace(NAME, root=ws.root)
    assert files(ws.path) == after_files and temps(ws.path) == []
    assert state(reopened) == after_state
