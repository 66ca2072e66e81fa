"""The workspace on disk: exact round trips, atomic writes, no writes on read, two forms at once."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
from pathlib import Path

import pytest

import netkit as nk
from hostile import HOSTILE_NAMES
from netkit.errors import NetkitError
from netkit.store import (
    Workspace, WorkspaceBusy, likely_duplicates, list_workspaces, name_key,
)

HARD_NAMES = [n for n in HOSTILE_NAMES if len(n) < 100]  # a name, not a 5,000-letter paste


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace("test", root=tmp_path)


def files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}


def test_opening_creates_nothing_and_reads_empty(tmp_path):
    ws = Workspace("nobody-yet", root=tmp_path)
    assert ws.people().empty and ws.ties().empty and ws.support().empty and ws.ledger().empty
    assert not ws.exists
    assert list(tmp_path.iterdir()) == []


def test_names_round_trip_exactly_after_a_restart(ws):
    ids = [ws.add_person(n) for n in HARD_NAMES]
    ws.update_person(ids[0], notes='line one\nline two, with "quotes" and <b>tags</b>')
    again = Workspace("test", root=ws.root)  # a new kernel: nothing shared but the folder
    people = again.people()
    assert list(people["alter_id"]) == ids
    # ends are trimmed and a line break in a name is a space (what a person typed by accident);
    # everything else is kept as typed
    typed = [n.replace("\n", " ").strip() for n in HARD_NAMES]
    assert list(people["name"]) == typed
    assert people.loc[0, "notes"] == 'line one\nline two, with "quotes" and <b>tags</b>'
    # the folder is netkit's own format: nk.read sees the same names
    net = nk.read(ws.path)
    assert list(net.alters["name"]) == typed
    assert net.alters.loc[0, "notes"] == 'line one\nline two, with "quotes" and <b>tags</b>'


def test_folder_is_netkits_format(ws):
    a = ws.add_person("Ana", closeness=4, frequency=5, years_known=2.5, confiding=True, context="college",
                      last_contact="2026-01-31")
    b = ws.add_person("Ben")
    ws.set_tie(a, b)
    ws.set_supporter("industry_peers", a)
    ws.add_favor(b, kind="psychosocial", direction="received", status="done", date="2026-02-01", note="listened")
    assert sorted(p.name for p in ws.path.iterdir() if p.name != ".lock") == [
        "alters.csv", "egos.csv", "ledger.csv", "manifest.json", "support.csv", "ties.csv"]
    manifest = json.loads((ws.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "netkit" and manifest["schema_version"] == 1 and manifest["kind"] == "ego"
    net = ws.network()
    assert isinstance(net, nk.EgoNetwork) and net.size == 2 and len(net.ties) == 1
    row = net.alters.set_index("alter_id").loc[a]
    assert (row["closeness"], row["frequency"], row["years_known"], row["confiding"]) == (4.0, 5.0, 2.5, 1.0)
    assert row["last_contact"] == "2026-01-31"
    assert set(net.extra) == {"support", "ledger"}
    assert (ws.path / "alters.csv").read_text(encoding="utf-8").splitlines()[0].startswith(
        "ego_id,alter_id,name,context,closeness,frequency,years_known,confiding,support_given,support_received,"
        "last_contact,notes")


def test_new_people_have_only_the_answers_given(ws):
    a = ws.add_person("Ana")
    b = ws.add_person("Ben", closeness=3)
    people = ws.people().set_index("alter_id")
    answers = ["context", "closeness", "frequency", "years_known", "confiding", "support_given", "support_received",
               "last_contact", "notes"]
    assert set(people.loc[a, answers]) == {""}, "an answer nobody gave was written"
    assert people.loc[b, "closeness"] == "3" and set(people.loc[b, [c for c in answers if c != "closeness"]]) == {""}
    net = nk.read(ws.path)  # blank is not known to every measure
    assert net.alters[["closeness", "frequency", "confiding"]].iloc[0].isna().all()
    assert not hasattr(__import__("netkit.store").store, "PERSON_DEFAULTS")


def test_a_blank_value_clears_an_answer(ws):
    a = ws.add_person("Ana", closeness=4, confiding=True, last_contact="2026-01-31")
    ws.update_person(a, closeness="", confiding=None, last_contact="")
    row = ws.people().set_index("alter_id").loc[a]
    assert (row["closeness"], row["confiding"], row["last_contact"]) == ("", "", "")


def test_old_workspaces_keep_their_values(ws):
    ws.path.mkdir(parents=True)
    (ws.path / "alters.csv").write_text(
        "ego_id,alter_id,name,closeness,frequency,confiding\nyou,p001,Ana,2,3,0\n", encoding="utf-8")
    ws.add_person("Ben")
    ws.update_person("p001", notes="hi")
    people = ws.people().set_index("alter_id")
    assert tuple(people.loc["p001", ["closeness", "frequency", "confiding"]]) == ("2", "3", "0")
    assert tuple(people.loc["p002", ["closeness", "frequency", "confiding"]]) == ("", "", "")


def test_own_plan_steps(ws):
    assert ws.plan_items().empty and not ws.path.exists()
    s1 = ws.add_plan_item("Ask Ana <b>for</b> coffee ☕", due="2026-07-15", created="2026-06-30")
    s2 = ws.add_plan_item("Call Mum", created="2026-06-30")
    assert (s1, s2) == ("s001", "s002")
    ws.update_plan_item(s1, done=True, text="Ask Ana <b>for</b> coffee ☕ and cake")
    ws.update_plan_item(s2, due=dt.date(2026, 8, 1))
    ws.remove_plan_item(s2)
    assert ws.add_plan_item("Write to Lee", created="2026-06-30") == "s003", "an id was reused"
    assert (ws.path / "plan.csv").read_text(encoding="utf-8") == (
        "ego_id,item_id,text,due,done,created\n"
        "you,s001,Ask Ana <b>for</b> coffee ☕ and cake,2026-07-15,1,2026-06-30\n"
        "you,s003,Write to Lee,,0,2026-06-30\n")
    again = Workspace(ws.name, root=ws.root)  # a restart
    assert again.plan_items()[["item_id", "done"]].values.tolist() == [["s001", "1"], ["s003", "0"]]
    again.update_plan_item("s001", due="")
    assert again.plan_items().at[0, "due"] == ""
    assert nk.read(ws.path).size == 0  # the extra table does not disturb reading the folder
    with pytest.raises(NetkitError, match="step is empty"):
        ws.add_plan_item("   ")
    with pytest.raises(NetkitError, match="YYYY-MM-DD"):
        ws.add_plan_item("x", due="next week")
    with pytest.raises(NetkitError, match="refresh"):
        ws.update_plan_item("s002", done=True)
    with pytest.raises(NetkitError, match="text, due or done"):
        ws.update_plan_item("s001", colour="red")


def test_reading_never_changes_files(ws):
    a = ws.add_person("Ana")
    ws.add_favor(a, kind="instrumental", direction="given", date="2026-01-01")
    for p in ws.path.iterdir():  # an old time stamp: any write while reading would change it
        os.utime(p, ns=(10**18, 10**18))
    before = files(ws.path)
    mtimes = {p.name: p.stat().st_mtime_ns for p in ws.path.iterdir()}
    again = Workspace("test", root=ws.root)
    again.people(), again.ties(), again.support(), again.ledger(), again.tables(), again.network(), again.ego_name()
    nk.read(ws.path)
    assert files(ws.path) == before
    assert {p.name: p.stat().st_mtime_ns for p in ws.path.iterdir()} == mtimes


def test_an_interrupted_write_keeps_the_last_good_copy(ws, monkeypatch):
    a = ws.add_person("Ana")
    before = files(ws.path)

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        ws.update_person(a, name="Anna")
    with pytest.raises(OSError):
        ws.add_person("Ben")
    monkeypatch.undo()
    assert files(ws.path) == before, "a failed write changed a file"
    assert [p.name for p in ws.path.iterdir() if p.name.startswith(".") and p.name != ".lock"] == [], "temp files were left"
    assert list(Workspace("test", root=ws.root).people()["name"]) == ["Ana"]
    ws.update_person(a, name="Anna")  # the lock was released: the next change works
    assert list(ws.people()["name"]) == ["Anna"]


def test_a_change_interrupted_between_files_leaves_no_dangling_reference(ws, monkeypatch):
    a, b, c = ws.add_person("Ana"), ws.add_person("Ben"), ws.add_person("Cy")
    ws.set_tie(a, b)
    ws.set_supporter("outside_confidant", a)
    ws.add_favor(a, kind="psychosocial", direction="given")
    real = os.replace
    calls = []

    def fail_from_third(src, dst):  # the journal and ties.csv land, then every rename fails
        calls.append(dst)
        if len(calls) >= 3:
            raise OSError(5, "I/O error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fail_from_third)
    ws.remove_person(a)  # committed (the journal is on disk): not an error, finished later
    net = nk.read(ws.path)  # nk.read, too, reads the committed change through the journal
    assert a not in set(net.alters["alter_id"]) and c in set(net.alters["alter_id"])
    assert net.ties.empty
    # the workspace's own readers read the committed change through the journal
    assert a not in set(ws.people()["alter_id"])
    assert ws.ties().empty and ws.support().empty and ws.ledger().empty
    monkeypatch.undo()
    Workspace("test", root=ws.root)  # the next open finishes the renames
    assert not (ws.path / ".journal.json").exists()
    assert a not in set(nk.read(ws.path).alters["alter_id"])
    assert [p.name for p in ws.path.iterdir() if p.name.startswith(".") and p.name != ".lock"] == []


def test_two_forms_interleaving_edits_merge(tmp_path):
    one, two = Workspace("shared", root=tmp_path), Workspace("shared", root=tmp_path)
    a = one.add_person("Ana")
    b = two.add_person("Ben")  # two did not see Ana: still no clash of ids or rows
    assert a != b
    one.update_person(a, closeness=4)
    two.update_person(a, frequency=5)  # a different field of the same person
    one.set_supporter("industry_peers", a)
    two.set_supporter("industry_peers", b)  # the same question, another person
    one.set_tie(a, b)
    f1 = one.add_favor(a, kind="instrumental", direction="given", date="2026-01-01")
    f2 = two.add_favor(b, kind="psychosocial", direction="received", date="2026-01-02")
    two.update_favor(f1, status="offered")
    one.note_prompt(b, "advice")
    two.note_prompt(b, "loan")
    fresh = Workspace("shared", root=tmp_path)
    people = fresh.people().set_index("alter_id")
    assert list(people.index) == [a, b]
    assert (people.at[a, "closeness"], people.at[a, "frequency"]) == ("4", "5")
    assert set(people.at[b, "named_for"].split(";")) == {"advice", "loan"}
    sup = fresh.support()
    assert sorted(sup[sup["item"] == "industry_peers"]["alter_id"]) == sorted([a, b])
    assert len(fresh.ties()) == 1
    led = fresh.ledger().set_index("entry_id")
    assert list(led.index) == [f1, f2] and led.at[f1, "status"] == "offered"


def _add_many(args):
    root, prefix, n = args
    ws = Workspace("race", root=root)
    for i in range(n):
        ws.add_person(f"{prefix}{i}")


def test_two_processes_adding_at_once_lose_nothing(tmp_path):
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(2) as pool:
        pool.map(_add_many, [(str(tmp_path), "left-", 12), (str(tmp_path), "right-", 12)])
    people = Workspace("race", root=tmp_path).people()
    assert len(people) == 24
    assert people["alter_id"].is_unique
    assert sorted(people["name"]) == sorted([f"left-{i}" for i in range(12)] + [f"right-{i}" for i in range(12)])


def test_a_held_lock_makes_a_change_wait_then_say_so(ws):
    from filelock import FileLock

    ws.add_person("Ana")
    other_window = FileLock(ws.path / ".lock")  # another form holding the lock (a second lock object)
    other_window.acquire()
    try:
        busy = Workspace("test", root=ws.root, lock_timeout=0.2)
        with pytest.raises(WorkspaceBusy, match="another window is saving"):
            busy.add_person("Ben")
    finally:
        other_window.release()
    busy.add_person("Ben")
    assert list(ws.people()["name"]) == ["Ana", "Ben"]


def test_the_lock_of_a_crashed_process_is_free_at_once(ws):
    """A process that dies holding the lock never blocks the workspace (the system releases OS locks)."""
    import subprocess
    import sys

    ws.add_person("Ana")
    code = ("import os, sys; from filelock import FileLock; FileLock(sys.argv[1]).acquire(); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(ws.path / ".lock")], check=True)
    quick = Workspace("test", root=ws.root, lock_timeout=0.5)
    quick.add_person("Ben")
    assert len(quick.people()) == 2


def test_ids_are_never_reused(ws):
    a = ws.add_person("Ana")
    b = ws.add_person("Ben")
    ws.remove_person(b)
    c = ws.add_person("Cy")
    assert (a, b, c) == ("p001", "p002", "p003")
    f = ws.add_favor(a, kind="instrumental", direction="given")
    ws.remove_favor(f)
    assert ws.add_favor(a, kind="instrumental", direction="given") == "f002"


def test_removing_a_person_removes_what_refers_to_them(ws):
    a, b, c = (ws.add_person(n) for n in ("Ana", "Ben", "Cy"))
    ws.census(a, knows=[b, c])
    ws.set_supporter("known_through_phases", a)
    ws.set_supporter("known_through_phases", b)
    ws.set_supporter("sponsorship", a, instrument="kram")
    ws.add_favor(a, kind="instrumental", direction="given")
    ws.add_favor(b, kind="instrumental", direction="given")
    ws.remove_person(a)
    assert list(ws.people()["alter_id"]) == [b, c]
    assert ws.ties().empty
    assert list(ws.support()["alter_id"]) == [b]
    assert list(ws.ledger()["alter_id"]) == [b]


def test_census_and_ties(ws):
    a, b, c, d = (ws.add_person(n) for n in "ABCD")
    ws.census(a, knows=[b, c], knows_not=[d])
    ws.set_tie(c, a, False)  # either order names the same pair
    ws.set_tie(b, d)
    ties = {frozenset(p) for p in zip(ws.ties()["source"], ws.ties()["target"])}
    assert ties == {frozenset((a, b)), frozenset((b, d))}
    assert ws.people().set_index("alter_id").at[a, "census_done"] == "1"
    with pytest.raises(NetkitError, match="themselves"):
        ws.set_tie(a, a)


def test_support_answers_on_disk(ws):
    a, b = ws.add_person("Ana"), ws.add_person("Ben")
    ws.set_supporter("career_sounding_board", a)
    ws.set_no_one("outside_confidant")
    ws.set_supporter("outside_confidant", b)  # naming someone replaces "no one yet"
    ws.set_no_one("similar_family_situation")
    ws.clear_answer("career_sounding_board")
    rows = ws.support()[["instrument", "item", "alter_id", "value"]].values.tolist()
    assert rows == [["self-check", "outside_confidant", b, "1"], ["self-check", "similar_family_situation", "", "0"]]
    with pytest.raises(NetkitError, match="not a self-check item"):
        ws.set_supporter("nonsense", a)


def test_mistakes_are_netkit_errors_with_the_fix(ws):
    a = ws.add_person("Ana")
    with pytest.raises(NetkitError, match="1 .*not close.* to 4"):
        ws.update_person(a, closeness=7)
    with pytest.raises(NetkitError, match="not a number"):
        ws.update_person(a, years_known="three")
    with pytest.raises(NetkitError, match="YYYY-MM-DD"):
        ws.update_person(a, last_contact="31/01/2026")
    with pytest.raises(NetkitError, match="empty"):
        ws.add_person("   ")
    with pytest.raises(NetkitError, match="refresh"):
        ws.update_person("p999", closeness=2)
    with pytest.raises(NetkitError, match="given, received"):
        ws.add_favor(a, kind="instrumental", direction="sideways")
    with pytest.raises(NetkitError, match="folder name"):
        Workspace("../escape")
    assert list(ws.people()["closeness"]) == [""]


def test_workspace_dir_decides_where_it_lives(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path / "elsewhere"))
    ws = Workspace()
    assert ws.path == tmp_path / "elsewhere" / "my-network"
    ws.add_person("Ana")
    assert list_workspaces() == ["my-network"]


def test_columns_added_by_hand_are_kept(ws):
    a = ws.add_person("Ana")
    path = ws.path / "alters.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",favourite_food", lines[1] + ",pho"]) + "\n", encoding="utf-8")
    ws.add_person("Ben")
    people = ws.people()
    assert list(people["favourite_food"]) == ["pho", ""]
    assert people.at[0, "alter_id"] == a


def test_a_table_saved_by_excel_is_still_read(ws):
    a = ws.add_person("Zoë")
    path = ws.path / "alters.csv"
    # Excel on Windows: Windows-1252, semicolons
    path.write_bytes("ego_id;alter_id;name;closeness\r\nyou;p001;Zoë;3\r\n".encode("cp1252"))
    assert ws.people().set_index("alter_id").at[a, "name"] == "Zoë"
    ws.add_person("Ben")
    people = Workspace("test", root=ws.root).people()
    assert list(people["name"]) == ["Zoë", "Ben"] and people.at[0, "closeness"] == "3"
    assert path.read_text(encoding="utf-8").startswith("ego_id,alter_id,name,closeness,")


def test_duplicates_are_spotted_ignoring_case_accents_spacing_and_order():
    people = [("p1", "José García"), ("p2", "Ann Lee")]
    assert likely_duplicates("  jose   GARCIA ", people) == [("p1", "José García")]
    assert likely_duplicates("García José", people) == [("p1", "José García")]
    assert likely_duplicates("Ann Leek", people) == []
    assert likely_duplicates("José García", people, skip="p1") == []
    assert name_key("Zoë") == name_key("ZOE")


def test_docstring_examples_run():
    import doctest

    import netkit.store

    assert doctest.testmod(netkit.store).failed == 0


def test_place_sets_closeness_and_the_board_position_in_one_change(ws):
    a, b = ws.add_person("Ana"), ws.add_person("Ben")
    next_ids = json.loads((ws.path / "manifest.json").read_text(encoding="utf-8"))["next_ids"]
    ws.place(a, 3, position=(-120.04, 55))
    ws.place(b, "4", position=None)
    again = Workspace("test", root=ws.root)
    assert again.people()["closeness"].tolist() == ["3", "4"]
    assert again.board_positions() == {a: (-120.0, 55.0)}  # rounded to a tenth; no position for Ben
    manifest = json.loads((ws.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["board"] == {"positions": {a: [-120.0, 55.0]}} and manifest["next_ids"] == next_ids
    assert "Ana" not in json.dumps(manifest)  # only ids in the manifest, never names
    ws.place(a, None)  # back in the tray: not known, and no place on the board
    assert again.people()["closeness"].tolist() == ["", "4"] and again.board_positions() == {}
    assert nk.read(ws.path).alters["closeness"].isna().tolist() == [True, False]


def test_place_refuses_what_is_not_a_closeness_or_a_place(ws):
    a = ws.add_person("Ana")
    with pytest.raises(NetkitError, match=r"5 is not on the 1–4 scale for closeness; use a whole number"):
        ws.place(a, 5)
    with pytest.raises(NetkitError, match=r"a place on the board is two finite numbers"):
        ws.place(a, 2, position=(float("nan"), 1))
    with pytest.raises(NetkitError, match="no person with id 'p009'"):
        ws.place("p009", 2)
    assert ws.people()["closeness"].tolist() == [""]


def test_board_positions_edited_by_hand_are_read_as_far_as_they_make_sense(ws):
    a = ws.add_person("Ana")
    manifest = json.loads((ws.path / "manifest.json").read_text(encoding="utf-8"))
    manifest["board"] = {"positions": {a: [1, 2], "p002": "left", "p003": [1], "p004": [None, 2]}}
    (ws.path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = files(ws.path)
    assert ws.board_positions() == {a: (1.0, 2.0)}
    assert files(ws.path) == before  # reading never writes
    (ws.path / "manifest.json").write_text('{"board": 3}', encoding="utf-8")
    assert ws.board_positions() == {}
