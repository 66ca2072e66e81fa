"""The forms in a real JupyterLab (and the Voilà app, and the personal report) in headless
Chromium, with every request that would leave this machine blocked and recorded.

In JupyterLab: add a person by pressing Enter in the name box, answer one question about them
(every question starts as "not answered yet" and only the answer given is saved), answer a
support question, shut the kernel down, reopen the notebook and run it again — the answers
are back, no widget shows an error, and nothing was fetched from outside.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest
from helpers_lab import REPO, api, assert_no_errors, code_notebook, free_port, make_env, run_all, served_folder, shut_down

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000
NAME = "Zoë «Lab» <b>&amp;</b> 🚲"


def notebook_json(workspace: str) -> dict:
    cells = [
        "import os\n"
        f"os.environ['NETKIT_WORKSPACE'] = {workspace!r}  # where netkit.paths.workspace_dir() looks\n"
        "from netkit.widgets import NameGenerator, SupportForm\n"
        "names = NameGenerator()\n"
        "names",
        "support = SupportForm()\n"
        "names.on_change(support.refresh)\n"
        "support",
        "from netkit.widgets import NameInterpreter\n"
        "about = NameInterpreter()\n"
        "names.on_change(about.refresh)\n"
        "about",
    ]
    return code_notebook(cells)


@pytest.fixture
def lab_notebook(tmp_path):
    """A notebook inside the served root, in a git-ignored folder; the workspace in a temp dir."""
    with served_folder("netkit-browser") as folder:
        path = folder / "widgets.ipynb"
        path.write_text(json.dumps(notebook_json(str(tmp_path / "ws"))), encoding="utf-8")
        yield path.relative_to(REPO).as_posix(), tmp_path / "ws" / "my-network"


def open_and_run(page, lab_server, notebook: str) -> None:
    # a lab workspace of its own: the session's other tabs do not get in, ours do not stay behind
    workspace = "netkit-" + notebook.split("/")[-2]
    page.goto(f"{lab_server.base_url}/lab/workspaces/{workspace}/tree/{notebook}?token={lab_server.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)
    run_all(page)
    page.locator(".netkit-support-picker select").first.wait_for(timeout=TIMEOUT_MS)


def shown_choice(select) -> str:
    """The option a <select> shows (ipywidgets writes spaces as no-break spaces)."""
    return select.evaluate("s => s.selectedOptions[0].textContent").replace("\xa0", " ")


def test_answers_survive_a_kernel_shutdown(lab_server, page, outside_requests, lab_notebook):
    notebook, folder = lab_notebook
    open_and_run(page, lab_server, notebook)

    page.locator(".netkit-name-input input").press("Enter")  # Enter in an empty box: one sentence
    page.locator(".netkit-message", has_text="Type a name in the box first").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".netkit-name-input input").fill(NAME)
    page.locator(".netkit-name-input input").press("Enter")  # Enter adds the name, like the Add button
    page.locator(".netkit-message", has_text="Saved").first.wait_for(timeout=TIMEOUT_MS)
    picker = page.locator(".netkit-item-industry-peers select")
    picker.locator("option", has_text="Zoë").wait_for(state="attached", timeout=TIMEOUT_MS)
    picker.select_option(label=NAME)
    page.locator(".netkit-message", has_text=f"Saved: {NAME}.").last.wait_for(timeout=TIMEOUT_MS)
    assert_no_errors(page)

    # about each person: every question starts as "not answered yet"; one answer, saved alone
    closeness = page.locator(".netkit-closeness select")
    closeness.locator("option", has_text="3 – close").wait_for(state="attached", timeout=TIMEOUT_MS)
    assert shown_choice(closeness) == "— not answered yet —"
    label = page.locator(".netkit-label", has_text="Where do you know them from?")
    assert label.is_visible() and label.bounding_box()["width"] > 150  # the question in full, not cut off
    closeness.select_option(label="3 – close")
    page.locator(".netkit-message", has_text="Saved “how close”").first.wait_for(timeout=TIMEOUT_MS)

    # on disk, as netkit's folder
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (folder / "support.csv").exists():
        time.sleep(0.1)
    assert NAME in (folder / "alters.csv").read_text(encoding="utf-8")
    assert "industry_peers,p001,1" in (folder / "support.csv").read_text(encoding="utf-8")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and ",3," not in (folder / "alters.csv").read_text(encoding="utf-8"):
        time.sleep(0.1)
    import csv

    with open(folder / "alters.csv", encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["closeness"] == "3" and row["frequency"] == row["confiding"] == "", row  # nothing invented

    # shut the kernel down (its session too), then reopen the notebook and run it again
    assert shut_down(lab_server, notebook) >= 1, "the notebook has no kernel session"
    open_and_run(page, lab_server, notebook)

    page.locator(".netkit-named", has_text=NAME).wait_for(timeout=TIMEOUT_MS)
    picker = page.locator(".netkit-item-industry-peers select")
    picker.locator("option", has_text="Zoë").wait_for(state="attached", timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => { const s = document.querySelector('.netkit-item-industry-peers select');"
        " return s && Array.from(s.selectedOptions).length > 0; }", timeout=TIMEOUT_MS)
    chosen = picker.evaluate("s => Array.from(s.selectedOptions).map(o => o.textContent)")
    assert [c.replace("\xa0", " ") for c in chosen] == [NAME]  # ipywidgets shows spaces as no-break spaces
    assert page.locator(".netkit-name-input input").input_value() == ""
    page.wait_for_function(
        "() => { const s = document.querySelector('.netkit-closeness select');"
        " return s && s.selectedOptions.length"
        " && s.selectedOptions[0].textContent.replace(/\\u00a0/g, ' ') === '3 – close'; }",
        timeout=TIMEOUT_MS)
    frequency = page.locator(".netkit-frequency select")
    assert shown_choice(frequency) == "— not answered yet —"
    assert_no_errors(page)
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
    shut_down(lab_server, notebook)
    page.goto("about:blank")
    try:
        api(lab_server, "DELETE", f"/lab/api/workspaces/netkit-{notebook.split('/')[-2]}")
    except OSError:
        pass


# ---------------------------------------------------------------- the Voilà app


def voila_unavailable() -> str | None:
    return None if (REPO / ".venv" / "bin" / "voila").exists() else "voila is not installed in .venv"


@pytest.fixture
def voila_app(installed, jupyter_env, tmp_path):
    """`make app` (the documented command) on a free port, with a temporary workspace."""
    reason = voila_unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the Voilà app cannot be checked in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    port = free_port()
    env = {**make_env(), "NETKIT_WORKSPACE": str(tmp_path)}
    log = open(tmp_path / "voila.log", "wb")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "app", f"APP_ARGS=--no-browser --port={port} --Voila.port_retries=0"],
        cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`make app` exited with {proc.returncode}:\n{(tmp_path / 'voila.log').read_text()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield url, tmp_path / "my-network"
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def test_the_self_assessment_app_runs_offline(voila_app, page, outside_requests):
    url, folder = voila_app
    page.goto(url, timeout=TIMEOUT_MS)
    page.locator(".netkit-name-input input").wait_for(timeout=TIMEOUT_MS)
    page.locator(".netkit-name-input input").fill("Ana <i>")
    page.locator("button.netkit-add").click()
    page.locator(".netkit-message", has_text="Saved: Ana <i>.").wait_for(timeout=TIMEOUT_MS)
    page.locator(".netkit-item-known-through-phases select").select_option(label="Ana <i>")
    page.locator(".netkit-message", has_text="Saved: Ana <i>.").nth(1).wait_for(timeout=TIMEOUT_MS)
    page.locator("button.netkit-support-update").click()
    page.locator(".netkit-support-feedback li").first.wait_for(timeout=TIMEOUT_MS)
    assert page.locator(".netkit-error").count() == 0
    assert "known_through_phases,p001,1" in (folder / "support.csv").read_text(encoding="utf-8")
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"


# ---------------------------------------------------------------- the personal report


def test_the_personal_report_opens_offline_with_its_drawing(page, outside_requests, tmp_path):
    from netkit.plan import personal_report
    from netkit.store import Workspace

    ws = Workspace("report", root=tmp_path)
    a, b, c = (ws.add_person(n, closeness=k, context=ctx) for n, k, ctx in (
        ("Ana <script>alert(1)</script>", 4, "family"), ("Ben", 2, "work <b>"), ("Cy", 3, "")))
    ws.set_tie(a, b)
    ws.set_supporter("outside_confidant", a)
    ws.add_favor(c, kind="instrumental", direction="received", date="2026-01-05")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content(personal_report(ws.network(), today="2026-06-30"))
    frame = page.frame_locator("iframe.drawing")
    frame.locator("canvas").first.wait_for(timeout=TIMEOUT_MS)
    assert page.locator("img[src^='data:image/png']").count() == 2
    assert page.locator("text=Ana <script>alert(1)</script>").count() >= 1  # shown as text, not run
    assert dialogs == []
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
