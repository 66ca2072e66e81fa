"""The facilitator guide's own-data route, walked in a real JupyterLab in headless Chromium.

A participant types two people into notebook 01's forms (one with Enter, one with the button),
names a supporter in 05, logs a favor and adds a dated step of their own in 06, makes the report
and opens it — on their own workspace (``WORKSPACE = "my-network"``), with no error shown in any
notebook, nothing fetched from outside, and every answer in the workspace's files.
"""
from __future__ import annotations

import json
import re

import pytest
from helpers_lab import REPO, assert_no_errors, run_all, served_folder, shut_down, start_lab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 90_000
ANA = "Ana Silva"
ZOE = "Zoë «Lab» <b>&amp;</b> 🚲"


@pytest.fixture(scope="module")
def route(installed, jupyter_env, tmp_path_factory):
    """A JupyterLab of its own whose workspace folder is a temporary one (NETKIT_WORKSPACE), and
    copies of notebooks 01, 05 and 06 set to the participant's own workspace, as the guide says."""
    root = tmp_path_factory.mktemp("own-route")
    mp = pytest.MonkeyPatch()
    mp.setenv("NETKIT_WORKSPACE", str(root / "workspace"))
    with served_folder("netkit-route") as folder:
        for name in ("01-load-a-network", "05-support-self-assessment", "06-reciprocity-and-action-plan"):
            nb = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
            params = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
            text = "".join(params["source"])
            text = re.sub(r'^WORKSPACE = .*$', 'WORKSPACE = "my-network"', text, flags=re.M)
            params["source"] = text.splitlines(keepends=True)
            (folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
        server = start_lab(root / "lab.log", extra_args=[f"--LabApp.workspaces_dir={root / 'lab-workspaces'}"])
        yield server, folder.relative_to(REPO).as_posix(), root / "workspace" / "my-network"
        server.stop()
    mp.undo()


def open_and_run(page, server, notebook: str, ready: str) -> None:
    # a lab workspace per notebook: the previous notebook's tab is not restored behind this one
    lab_workspace = "route-" + notebook.rsplit("/", 1)[-1][:2]
    page.goto(f"{server.base_url}/lab/workspaces/{lab_workspace}/tree/{notebook}?token={server.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)
    run_all(page)
    page.locator(ready).first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)


def test_the_own_data_route_from_names_to_report(route, page, outside_requests):
    server, folder, workspace = route

    # 01: type people into the lab's first tab — Enter adds a name, so does the button
    nb01 = f"{folder}/01-load-a-network.ipynb"
    open_and_run(page, server, nb01, ".netkit-lab .netkit-name-input input")
    box = page.locator(".netkit-lab .netkit-name-input input")
    box.fill(ANA)
    box.press("Enter")
    page.locator(".netkit-lab .netkit-message", has_text=f"Saved: {ANA}").first.wait_for(timeout=TIMEOUT_MS)
    box.fill(ZOE)
    page.locator(".netkit-lab button.netkit-add").click()
    page.locator(".netkit-lab .netkit-message", has_text="Saved: Zoë").first.wait_for(timeout=TIMEOUT_MS)
    assert_no_errors(page)
    people = (workspace / "alters.csv").read_text(encoding="utf-8")
    assert ANA in people and ZOE in people
    ana = next(line for line in people.splitlines() if ANA in line)
    assert ",,,," in ana, f"a person was saved with answers nobody gave: {ana}"
    shut_down(server, nb01)

    # 05: name Ana as someone from another company to share industry insight with
    nb05 = f"{folder}/05-support-self-assessment.ipynb"
    open_and_run(page, server, nb05, ".netkit-item-industry-peers select")
    picker = page.locator(".netkit-item-industry-peers select").first
    picker.locator("option", has_text=ANA).wait_for(state="attached", timeout=TIMEOUT_MS)
    picker.select_option(label=ANA)
    page.locator(".netkit-message", has_text=f"Saved: {ANA}").first.wait_for(timeout=TIMEOUT_MS)
    assert_no_errors(page)
    assert "industry_peers,p001,1" in (workspace / "support.csv").read_text(encoding="utf-8")
    shut_down(server, nb05)

    # 06: log a favor, add a dated step of one's own, make the report
    nb06 = f"{folder}/06-reciprocity-and-action-plan.ipynb"
    open_and_run(page, server, nb06, ".netkit-plan-new-text input")
    page.locator(".netkit-ledger-note input").first.fill("read her CV")
    page.locator("button.netkit-ledger-add").first.click()
    page.locator(".netkit-message", has_text="Saved").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".netkit-plan-new-text input").first.fill("Ask Ana about her team")
    page.locator(".netkit-plan-new-due input").first.fill("2027-01-15")
    page.locator("button.netkit-plan-add").first.click()
    page.locator(".netkit-plan-item").first.wait_for(timeout=TIMEOUT_MS)
    page.locator("button.netkit-plan-make").first.click()
    page.locator(".netkit-message", has_text="Your report is saved").first.wait_for(timeout=TIMEOUT_MS)
    assert_no_errors(page)
    assert "read her CV" in (workspace / "ledger.csv").read_text(encoding="utf-8")
    plan = (workspace / "plan.csv").read_text(encoding="utf-8")
    assert "Ask Ana about her team" in plan and "2027-01-15" in plan
    shut_down(server, nb06)

    # the report: opens offline, with the own step, its date and the drawing
    report = (workspace / "my-action-plan.html").read_text(encoding="utf-8")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content(report)
    page.locator("text=Ask Ana about her team").first.wait_for(timeout=TIMEOUT_MS)
    page.frame_locator("iframe.drawing").locator("canvas").first.wait_for(timeout=TIMEOUT_MS)
    assert page.locator(f"text={ZOE}").count() >= 1  # shown as text, not markup
    assert dialogs == []
    assert outside_requests == [], f"requests tried to leave the machine: {outside_requests}"
