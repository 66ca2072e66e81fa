"""Support self-assessment forms: picks and "no one yet" reach support.csv at once; two forms merge."""
from __future__ import annotations

import pytest

from netkit.store import Workspace
from netkit.support import support_answers
from netkit.widgets import KramForm, SupportFeedback, SupportForm


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace("w", root=tmp_path)
    ws.add_person("Mum", closeness=4, frequency=5, years_known=35, confiding=True)
    ws.add_person("Kofi <Work>", closeness=1, frequency=2, years_known=1)
    ws.add_person("Jo")
    return ws


def answers(ws: Workspace) -> dict:
    return support_answers(Workspace(ws.name, root=ws.root).support())


def test_picking_people_and_no_one_yet(ws):
    form = SupportForm(ws)
    assert [a for _, a in form.pickers["industry_peers"].options] == ["p001", "p002", "p003"]
    form.pickers["industry_peers"].value = ("p002",)
    assert answers(ws)["industry_peers"] == ["p002"]
    form.pickers["industry_peers"].value = ("p002", "p003")
    assert form.chosen["industry_peers"].value == \
        "<div style='white-space:normal'>Picked: Kofi &lt;Work&gt;, Jo</div>"  # escaped, and it wraps
    form.no_one["outside_confidant"].value = True
    a = answers(ws)
    assert a["industry_peers"] == ["p002", "p003"] and a["outside_confidant"] == []
    assert a["career_sounding_board"] is None
    form.pickers["outside_confidant"].value = ("p001",)  # naming someone clears "no one yet"
    assert answers(ws)["outside_confidant"] == ["p001"] and form.no_one["outside_confidant"].value is False
    form.pickers["industry_peers"].value = ()  # nobody picked: open again
    assert answers(ws)["industry_peers"] is None
    form.no_one["known_through_phases"].value = True
    form.no_one["known_through_phases"].value = False
    assert answers(ws)["known_through_phases"] is None
    assert form.message_kind == "ok"


def test_a_plain_click_that_replaces_a_pick_says_who_was_removed(tmp_path):
    ws = Workspace("w", root=tmp_path)
    for n in ("Priya Raman", "Mariam Haddad", "Jo"):
        ws.add_person(n)
    form = SupportForm(ws)
    form.pickers["industry_peers"].value = ("p001",)
    assert form.message_text == "✓ Saved: Priya Raman."
    form.pickers["industry_peers"].value = ("p002",)  # a click without Ctrl replaces the pick
    assert form.message_text.startswith("✓ Saved: Mariam Haddad (instead of Priya Raman).")
    assert "Ctrl" in form.message_text
    form.pickers["industry_peers"].value = ("p002", "p003")
    assert form.message_text == "✓ Saved: Mariam Haddad and Jo."
    form.pickers["industry_peers"].value = ("p003",)
    assert form.message_text == "✓ Saved: Jo (Mariam Haddad removed)."
    form.pickers["industry_peers"].value = ()
    assert "Jo removed" in form.message_text and "open again" in form.message_text
    assert answers(ws)["industry_peers"] is None


def test_hard_names_in_messages_and_picks_are_escaped(tmp_path):
    from hostile import HOSTILE_NAMES

    ws = Workspace("w", root=tmp_path)
    ids = [ws.add_person(n) for n in HOSTILE_NAMES[:12]]
    form = SupportForm(ws)
    form.pickers["industry_peers"].value = tuple(ids[:4])
    form.pickers["industry_peers"].value = (ids[8],)
    for html in (form.message.value, form.chosen["industry_peers"].value):
        assert "<script>" not in html and "<img" not in html
    assert "🦊 Zoë" in form.message_text and "(instead of <script>alert(1)</script>, <img" in form.message_text
    assert answers(ws)["industry_peers"] == [ids[8]]


def test_answers_come_back_in_a_new_form(ws):
    first = SupportForm(ws)
    first.pickers["career_sounding_board"].value = ("p002",)
    first.no_one["similar_family_situation"].value = True
    again = SupportForm(Workspace(ws.name, root=ws.root))  # after a kernel restart
    assert again.pickers["career_sounding_board"].value == ("p002",)
    assert again.no_one["similar_family_situation"].value is True
    assert again.pickers["similar_family_situation"].value == ()


def test_two_forms_on_one_workspace_do_not_overwrite_each_other(ws):
    one, two = SupportForm(ws), SupportForm(Workspace(ws.name, root=ws.root))
    one.pickers["industry_peers"].value = ("p001",)
    two.pickers["industry_peers"].value = ("p003",)  # two never saw Mum picked
    one.pickers["outside_confidant"].value = ("p002",)
    two.no_one["known_through_phases"].value = True
    a = answers(ws)
    assert sorted(a["industry_peers"]) == ["p001", "p003"]
    assert a["outside_confidant"] == ["p002"] and a["known_through_phases"] == []
    two.refresh()
    assert set(two.pickers["industry_peers"].value) == {"p001", "p003"}


def test_kram_functions_per_person(ws):
    form = KramForm(ws)
    assert form.person.value == "p001"
    form.boxes["counselling"].value = True
    form.person.value = "p002"
    assert form.boxes["counselling"].value is False
    form.boxes["sponsorship"].value = True
    form.boxes["coaching"].value = True
    form.boxes["coaching"].value = False
    sup = Workspace(ws.name, root=ws.root).support()
    assert sup[["instrument", "item", "alter_id"]].values.tolist() == [
        ["kram", "counselling", "p001"], ["kram", "sponsorship", "p002"]]
    form.person.value = "p001"
    assert form.boxes["counselling"].value is True


def test_feedback_is_escaped_and_complete(ws):
    SupportForm(ws).pickers["industry_peers"].value = ("p002",)
    ws.set_no_one("outside_confidant")
    fb = SupportFeedback(ws)
    fb.update_button.click()
    html = fb.output.value
    assert fb.message_kind == "", fb.message_text
    assert "Kofi &lt;Work&gt;" in html and "<Work>" not in html
    assert "Gap: no one yet for a confidant outside your department" in html
    assert "data:image/png;base64," in html  # the chart, inline
    assert "netkit-readable" in html and "img{max-width:100%;height:auto}" in html  # at a readable size
    assert "http://" not in html and "https://" not in html


def test_feedback_before_anything_is_entered(tmp_path):
    fb = SupportFeedback(Workspace("none", root=tmp_path))
    assert "Add the people you know first" in fb.output.value and fb.message_kind == ""


def test_the_form_asks_any_named_instrument(ws):
    """The exchange generators instead of the self-check: its items, saved under its name, scored with it."""
    from netkit.errors import NetkitError
    from netkit.instruments import EXCHANGE

    form = SupportForm(ws, instrument="exchange")
    assert list(form.pickers) == list(EXCHANGE.keys)
    form.pickers["loan"].value = ("p001",)
    form.no_one["hobbies"].value = True
    rows = Workspace(ws.name, root=ws.root).support()
    assert set(rows["instrument"]) == {"exchange"}
    saved = support_answers(rows, instrument="exchange")
    assert saved["loan"] == ["p001"] and saved["hobbies"] == [] and saved["advice"] is None
    page = SupportFeedback(ws, instrument="exchange").output.value
    assert "You answered 2 of the 8 questions" in page and "not scored here" not in page
    with pytest.raises(NetkitError, match="one named instrument"):
        SupportForm(ws, instrument=EXCHANGE.table().assign(instrument="").drop(columns="instrument"))
