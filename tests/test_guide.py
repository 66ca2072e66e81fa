"""The notebooks' guide: in each state a participant's workspace passes through, the one sentence
that says what is missing and where to add it (the sentences docs/facilitator.md promises)."""
from __future__ import annotations

import pytest

from netkit import guide
from netkit.store import Workspace


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_WORKSPACE", str(tmp_path))
    return tmp_path


def test_a_workspace_not_created_yet_says_so_and_shows_the_practice_network(root, capsys):
    net = guide.network("my-network")
    assert capsys.readouterr().out.strip() == ("Your workspace 'my-network' has no people yet: add them in notebook "
                                               "01, tab 1 People; until then this notebook shows the practice network.")
    assert net.size == 40  # the practice network
    ws = guide.workspace("my-network", practice="05")
    assert "until then this notebook works on a copy of the practice person's answers." in capsys.readouterr().out
    assert guide.is_practice(ws) and len(ws.people()) > 0


def test_names_only_lack_ties_context_ratings_support_and_favors(root, capsys):
    ws = Workspace("my-network", root=root)
    for name in ("Ana", "Ben"):
        ws.add_person(name)
    net = guide.network("my-network")
    assert capsys.readouterr().out == "" and net.size == 2  # one's own network, nothing said
    expected = {
        "people": None,
        "ties": "None of your contacts is marked as knowing another yet, so there is no web among them to show: "
                "in notebook 01, click two people on the rings board, or tick them in tab 3 Who knows whom.",
        "context": "Nobody has a context yet (where you know them from), so there are no groups to compare: add "
                   "one for each person in notebook 01, tab 2 About each.",
        "ratings": "None of your contacts has a closeness, frequency or other rating yet, so there is no tie "
                   "strength to show: in notebook 01, drag people onto the rings board, or rate them in tab 2 "
                   "About each.",
        "years_known": "Nobody has a number of years known yet: add it in notebook 01, tab 2 About each.",
        "support_received": "Nobody is marked as having helped you in the last year yet: tick it in notebook 01, "
                            "tab 2 About each.",
        "support": guide.NEEDS["support"],
        "ledger": guide.NEEDS["ledger"],
    }
    assert {need: guide.missing_sentence(net, need) for need in expected} == expected
    assert guide.has(net, "people", "ties") is False
    assert capsys.readouterr().out.strip() == expected["ties"]  # the first thing missing, and only it


def test_a_partly_rated_and_a_complete_workspace_need_nothing_more(root, capsys):
    ws = Workspace("my-network", root=root)
    a, b = ws.add_person("Ana", closeness=4, context="work"), ws.add_person("Ben")
    net = guide.network("my-network")
    assert guide.has(net, "people", "context", "ratings") is True and capsys.readouterr().out == ""
    ws.census(a, knows=[b])
    ws.update_person(a, years_known=3, support_received=True)
    ws.set_supporter("outside_confidant", a)
    ws.add_favor(a, kind="instrumental", direction="given")
    net = guide.network("my-network")
    assert all(guide.missing_sentence(net, need) is None for need in guide.NEEDS)
    assert len(guide.table(net, "ledger")) == 1 and capsys.readouterr().out == ""


def test_an_unknown_need_is_named():
    import netkit as nk

    with pytest.raises(nk.NetkitError, match="need='colour' is not one of people, ties"):
        guide.missing_sentence(nk.load_sample("personal"), "colour")
