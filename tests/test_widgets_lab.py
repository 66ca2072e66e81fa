"""The forms together: a whole session, a simulated kernel restart, two forms on one workspace,
an interrupted write, and the app notebook."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import netkit as nk
from netkit.store import Workspace
from netkit.support import support_answers
from netkit.widgets import NetworkLab, SelfAssessment

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 6, 30)


def session(lab: NetworkLab) -> None:
    """What a participant does in the workshop, through the widgets only."""
    for name in ("Mariam", "Søren 🚲", "Kofi <Work>"):
        lab.names.name_input.value = name
        lab.names.add_button.click()
    lab.interpreter.person.value = "p002"
    lab.interpreter.closeness.value = 4
    lab.interpreter.context.value = "family"
    lab.census.boxes["p002"].value = True
    lab.census.done_button.click()
    lab.support.pickers["industry_peers"].value = ("p003",)
    lab.support.no_one["outside_confidant"].value = True
    lab.kram.boxes["friendship"].value = True
    lab.ledger.person.value = "p003"
    lab.ledger.note.value = "intro to Ana"
    lab.ledger.add_button.click()


def test_a_session_and_a_restart_bring_everything_back(tmp_path):
    lab = NetworkLab(Workspace("me", root=tmp_path), today=TODAY)
    session(lab)
    for form in lab.forms:
        assert form.message_kind != "error", f"{type(form).__name__}: {form.message_text}"
    # a kernel restart: new objects, nothing shared but the folder
    again = NetworkLab(Workspace("me", root=tmp_path), today=TODAY)
    assert [n for n, _ in again.interpreter.person.options] == ["Mariam", "Søren 🚲", "Kofi <Work>"]
    again.interpreter.person.value = "p002"
    assert (again.interpreter.closeness.value, again.interpreter.context.value) == (4, "family")
    assert again.support.pickers["industry_peers"].value == ("p003",)
    assert again.support.no_one["outside_confidant"].value is True
    assert again.kram.boxes["friendship"].value is True
    assert "intro to Ana" in again.ledger.entries.options[0][0]
    again.census.person.value = "p001"
    assert again.census.boxes["p002"].value is True
    net = nk.read(tmp_path / "me")
    assert net.size == 3 and len(net.ties) == 1 and len(net.extra["ledger"]) == 1


def test_the_action_plan_and_report(tmp_path):
    lab = NetworkLab(Workspace("me", root=tmp_path), today=TODAY)
    lab.plan.make_button.click()
    assert lab.plan.message_kind == "warn" and not lab.plan.report_path.exists()
    session(lab)  # one person has a context, the others none
    lab.plan.make_button.click()
    assert lab.plan.message_kind == "ok", lab.plan.message_text
    page = lab.plan.report_path.read_text(encoding="utf-8")
    assert lab.plan.report_path.parent == tmp_path / "me"
    assert "Kofi &lt;Work&gt;" in page and "Introductions to make" in lab.plan.plan.value
    assert "Find a confidant outside your department." in lab.plan.plan.value
    assert "<Work>" not in lab.plan.plan.value
    assert nk.read(tmp_path / "me").size == 3  # the report beside the tables does not disturb reading


def test_forms_refresh_each_other(tmp_path):
    lab = NetworkLab(Workspace("me", root=tmp_path), today=TODAY)
    lab.names.name_input.value = "Ana"
    lab.names.add_button.click()
    assert [a for _, a in lab.support.pickers["industry_peers"].options] == ["p001"]
    assert lab.ledger.person.value == "p001" and lab.interpreter.person.value == "p001"
    lab.editor.people.value = "p001"
    lab.editor.rename_input.value = "Anna"
    lab.editor.rename_button.click()
    assert lab.census.person.options[0][0].startswith("Anna")
    lab.selected_index = 4  # looking at the feedback tab scores the answers
    assert "Add the people" not in lab.feedback.output.value


def test_two_labs_on_one_workspace(tmp_path):
    one = NetworkLab(Workspace("shared", root=tmp_path), today=TODAY)
    two = NetworkLab(Workspace("shared", root=tmp_path), today=TODAY)
    one.names.name_input.value = "Ana"
    one.names.add_button.click()
    two.names.name_input.value = "Ben"
    two.names.add_button.click()  # two had not seen Ana
    two.support.refresh()
    one.support.refresh()
    one.support.pickers["industry_peers"].value = ("p001",)
    two.support.pickers["industry_peers"].value = ("p002",)
    one.interpreter.person.value = "p002"
    one.interpreter.closeness.value = 1
    two.interpreter.person.value = "p002"
    two.interpreter.frequency.value = 5
    fresh = Workspace("shared", root=tmp_path)
    assert list(fresh.people()["name"]) == ["Ana", "Ben"]
    assert sorted(support_answers(fresh.support())["industry_peers"]) == ["p001", "p002"]
    ben = fresh.people().set_index("alter_id").loc["p002"]
    assert (ben["closeness"], ben["frequency"]) == ("1", "5")


def test_an_interrupted_write_through_the_forms(tmp_path, monkeypatch):
    lab = NetworkLab(Workspace("me", root=tmp_path), today=TODAY)
    session(lab)
    folder = tmp_path / "me"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken)
    monkeypatch.setattr("netkit.io.atomic.time.sleep", lambda s: None)  # skip the retry pauses of saving
    lab.support.pickers["career_sounding_board"].value = ("p001",)
    lab.interpreter.closeness.value = 1
    lab.census.nobody_button.click()
    lab.ledger.add_button.click()
    lab.names.name_input.value = "Ed"
    lab.names.add_button.click()
    monkeypatch.undo()
    for form in (lab.support, lab.interpreter, lab.census, lab.ledger, lab.names):
        assert form.message_kind == "error" and "Permission denied" in form.message_text, form.message_text
    # the forms show what is on disk, except typed text, which waits to be saved again
    assert lab.support.pickers["career_sounding_board"].value == ()
    assert lab.interpreter.closeness.value == 4  # p002's saved value, not the 1 that failed
    assert lab.names.name_input.value == "Ed"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert nk.read(folder).size == 3


def test_the_default_workspace_is_where_workspace_dir_says(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path))
    app = SelfAssessment()
    app.names.name_input.value = "Ana"
    app.names.add_button.click()
    assert (tmp_path / "my-network" / "alters.csv").exists()
    assert [a for _, a in app.support.pickers["known_through_phases"].options] == ["p001"]
    assert str(tmp_path) in app.children[0].value
    prompts = [v for _, v in app.names.prompt.options]
    assert prompts[0] == "important_matters" and all(p.startswith("support:") for p in prompts[1:])


@pytest.mark.slow
def test_the_app_notebook_runs(tmp_path, jupyter_env, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path))
    nb = nbformat.read(REPO / "apps" / "self-assessment.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the app without outputs"
    NotebookClient(nb, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(REPO / "apps")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert not [o for o in outputs if o.output_type in ("error", "stream") and o.get("name") != "stdout"]
