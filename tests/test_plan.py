"""Action plan and the personal report: the right steps, one offline file, all user text escaped."""
from __future__ import annotations

import html
import re

import pytest

from netkit.errors import NetkitError
from netkit.plan import STEPS, action_plan, personal_report, write_report
from netkit.store import Workspace

TODAY = "2026-06-30"
EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def net(tmp_path_factory):
    """Two groups that do not know each other, a ledger and support answers; built by hand."""
    ws = Workspace("plan", root=tmp_path_factory.mktemp("plan"))
    fam = [ws.add_person(n, closeness=4, frequency=5, years_known=30, confiding=True, context="family")
           for n in ("Mum", "Dad " + EVIL)]
    work = [ws.add_person(n, closeness=3, frequency=4, years_known=3, context="current job",
                          last_contact="2026-06-01") for n in ("Kofi", "Lee")]
    old = ws.add_person("Old friend", closeness=2, frequency=1, years_known=20, last_contact="2025-09-01")
    ws.set_tie(*fam)
    ws.set_tie(*work)
    ws.add_favor(work[0], kind="instrumental", direction="received", date="2026-06-20", note="reviewed my plan")
    ws.add_favor(work[1], kind="instrumental", direction="given", status="offered", date="2026-05-01", note=EVIL)
    ws.set_supporter("known_through_phases", fam[0])
    ws.set_supporter("outside_confidant", fam[0])
    ws.set_supporter("industry_peers", work[1])
    ws.set_no_one("career_sounding_board")
    return ws.network(), {"fam": fam, "work": work, "old": old}


def test_the_plan_has_each_kind_of_step(net):
    net, ids = net
    plan = action_plan(net, today=TODAY, introductions=2)
    assert list(plan.columns) == ["step", "who", "what", "why", "alter_ids"]
    steps = list(dict.fromkeys(plan["step"]))
    assert steps == ["introduce", "reconnect", "follow through", "deposit", "fill a gap"]  # in the order of STEPS
    intro = plan[plan["step"] == "introduce"]
    assert len(intro) == 2
    for pair in intro["alter_ids"]:  # one from each group: that is the hole to fill
        assert len(set(pair) & set(ids["fam"])) == 1 and len(set(pair) & set(ids["work"])) == 1
    people = [p for pair in intro["alter_ids"] for p in pair]
    assert len(set(people)) == len(people)  # each person in at most one introduction
    reconnect = plan[plan["step"] == "reconnect"]
    assert list(reconnect["who"]) == ["Old friend"]  # last contact 2025-09-01: > 6 months
    follow = plan[plan["step"] == "follow through"]
    assert follow["alter_ids"].tolist() == [[ids["work"][1]]]  # offered 60 days ago
    deposit = plan[plan["step"] == "deposit"]
    assert deposit["who"].tolist() == ["Kofi"] and deposit["why"].iloc[0].startswith("Kofi did you a favor and ")
    gaps = plan[plan["step"] == "fill a gap"]
    assert gaps["what"].tolist() == ["Find someone objective to talk career with.",
                                     "Find a second person for a confidant outside your department."]


def test_the_plan_needs_one_ego_network():
    import netkit as nk

    with pytest.raises(NetkitError, match="one ego network"):
        action_plan(nk.load_sample("survey"))


@pytest.fixture(scope="module")
def page(net, tmp_path_factory) -> str:
    path = write_report(net[0], tmp_path_factory.mktemp("report") / "report.html", today=TODAY, introductions=1)
    return path.read_text(encoding="utf-8")


def test_the_report_is_one_offline_printable_page(page):
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "@media print" in page and "@page" in page
    for label in STEPS.values():
        assert label in page
    # the drawing, embedded in a sandboxed frame, and the figures as inline images
    frames = re.findall(r"<iframe[^>]*>", page)
    assert len(frames) == 1 and "sandbox='allow-scripts'" in frames[0] and "allow-same-origin" not in frames[0]
    assert page.count("src='data:image/png;base64,") == 2
    # nothing is loaded from elsewhere, in the page or in the drawing
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    for doc in (page, inner):
        assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", doc, re.I)
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", doc, re.I)
        assert "@import" not in doc
    assert "default-src 'none'" in page  # and the browser is told so


def test_user_text_is_escaped_everywhere(page, net):
    assert page == personal_report(net[0], today=TODAY, introductions=1), "the same input gave another page"
    outside_frame = re.sub(r'srcdoc="[^"]*"', "", page)
    assert EVIL not in outside_frame
    assert html.escape(EVIL) in outside_frame
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    assert EVIL not in inner.split("<script", 1)[0], "a name reached the drawing's markup unescaped"


def test_write_report_wants_an_html_name(net, tmp_path):
    net, _ = net
    with pytest.raises(NetkitError, match=r"\.html"):
        write_report(net, tmp_path / "report.pdf", today=TODAY)


def test_the_report_lists_own_steps_with_dates_and_done_state(net, page):
    import pandas as pd

    from netkit.plan import own_steps

    assert "Your own steps" in page and "None yet: add a step of your own" in page
    own = pd.DataFrame({"item_id": ["s001", "s002", "s004"], "text": ["Call Mum", EVIL, "Ask Kofi"],
                        "due": ["2026-07-15", "", "2026-06-01"], "done": ["0", "1", "0"],
                        "created": ["2026-06-30"] * 3})
    mine = personal_report(net[0], today=TODAY, introductions=1, own=own)
    assert "3 steps of your own, 1 done." in mine
    assert "Call Mum</b> <span class=\"why\" style=\"color:#555\">— due 15 July 2026" in mine
    assert "overdue since 1 June 2026" in mine and EVIL not in re.sub(r'srcdoc="[^"]*"', "", mine)
    assert mine.index("Ask Kofi") < mine.index("Call Mum") < mine.index(html.escape(EVIL))
    assert [s["item_id"] for s in own_steps(own, today=TODAY)] == ["s004", "s001", "s002"]
    assert own_steps(None) == [] and own_steps(own.iloc[:0]) == []
