"""Suggested introductions: ranking, reasons and the what-if, on a hand-computed example."""
import pandas as pd
import pytest

import netkit as nk


@pytest.fixture
def triad(tmp_path):
    # ego knows a, b, c equally well (closeness 4); a and b know each other, c knows nobody
    (tmp_path / "alters.csv").write_text("alter_id,name,context,closeness\na,Ana,work,4\nb,Ben,work,4\nc,Cai <b>,gym,4\n")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n")
    return nk.read(tmp_path)


def test_hand_computed_triad(triad):
    table = nk.suggest_introductions(triad, k=5, strength="closeness")
    assert list(zip(table["alter_id_a"], table["alter_id_b"])) == [("a", "c"), ("b", "c")]
    row = table.iloc[0]
    # strengths 1 and 1, separate components -> score sqrt(1*1) * 1.0
    assert row["score"] == 1.0 and row["bridges"] == "components"
    # through Cai, Ana reaches Cai (1); through Ana, Cai reaches Ana and Ben (2)
    assert (row["new_contacts_a"], row["new_contacts_b"]) == (1, 2)
    # Burt's constraint of ego, by hand: before 1/4 + 1/4 + 1/9 = 0.6111; after a–c: 4/9 + 16/81 + 16/81 = 68/81
    assert row["ego_constraint_before"] == pytest.approx(0.5 + 1 / 9, abs=1e-12)
    assert row["ego_constraint_after"] == pytest.approx(68 / 81, abs=1e-12)
    # Borgatti's effective size n - 2t/n: before 3 - 2/3, after 3 - 4/3
    assert row["ego_effective_size_before"] == pytest.approx(3 - 2 / 3, abs=1e-12)
    assert row["ego_effective_size_after"] == pytest.approx(3 - 4 / 3, abs=1e-12)
    # Ana gains a non-redundant contact: within the ego graph her effective size grows
    assert row["a_effective_size_after"] > row["a_effective_size_before"]
    # the same numbers, said to two significant figures, and what the rise means
    assert "Ana (work) and Cai <b> (gym)" in row["reason"] and "rises from 0.61 to 0.84" in row["reason"]
    assert "you give up a good deal of your brokerage" in row["reason"]
    assert "win" not in row["reason"] and "structural hole" in nk.WIN_FOR_ALL
    assert not table.attrs  # the note is a public constant, not hidden in DataFrame.attrs


def test_sample_suggestions_cross_groups_and_are_deterministic():
    net = nk.load_sample("personal")
    a, b = nk.suggest_introductions(net, k=10), nk.suggest_introductions(net, k=10)
    assert a.equals(b) and len(a) == 10
    assert (a["bridges"] != "community").all()
    assert a["score"].is_monotonic_decreasing
    tied = {frozenset(p) for p in zip(net.ties["source"], net.ties["target"])}
    assert not any(frozenset(p) in tied for p in zip(a["alter_id_a"], a["alter_id_b"]))


def test_per_person_spreads_the_list_over_more_people():
    net = nk.load_sample("personal")
    plain = nk.suggest_introductions(net, k=200)
    counts = lambda t: pd.concat([t["alter_id_a"], t["alter_id_b"]]).value_counts()  # noqa: E731
    assert counts(plain.head(6)).max() == 6  # the sample's one unreachable contact fills the plain top 6
    for cap in (1, 2):
        spread = nk.suggest_introductions(net, k=6, per_person=cap)
        assert len(spread) == 6 and counts(spread).max() == cap
        # the kept rows are the plain ranking walked from the top: each pair kept is the best one left
        # whose two people are both still under the cap (checked here by a plain loop)
        seen, expected = {}, []
        for a, b in zip(plain["alter_id_a"], plain["alter_id_b"]):
            if seen.get(a, 0) < cap and seen.get(b, 0) < cap:
                expected.append((a, b))
                seen[a], seen[b] = seen.get(a, 0) + 1, seen.get(b, 0) + 1
        assert list(zip(spread["alter_id_a"], spread["alter_id_b"])) == expected[:6]
        assert spread["score"].is_monotonic_decreasing
    with pytest.raises(nk.NetkitError, match="per_person=0 must be a whole number"):
        nk.suggest_introductions(net, per_person=0)


def test_collection_and_whole_network():
    coll = nk.suggest_introductions(nk.load_sample("survey"), k=2, ego="E001")
    assert list(coll.columns[:3]) == ["ego_id", "alter_id_a", "alter_id_b"]
    assert set(coll["ego_id"]) == {"E001"} and len(coll) == 2
    with pytest.raises(nk.NetkitError, match="whole network has no single ego"):
        nk.suggest_introductions(nk.load_sample("karate"))
    whole = nk.suggest_introductions(nk.load_sample("karate"), k=3, ego="0")
    assert len(whole) == 3


def test_nothing_to_suggest(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\na\nb\n")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n")
    assert nk.suggest_introductions(nk.read(tmp_path)).empty
    with pytest.raises(nk.NetkitError, match="k=0 must be a whole number"):
        nk.suggest_introductions(nk.read(tmp_path), k=0)


def test_old_weights_keyword_warns_and_gives_the_same(triad):
    with pytest.warns(FutureWarning, match="weights= is now strength="):
        old = nk.suggest_introductions(triad, weights="closeness")
    pd.testing.assert_frame_equal(old, nk.suggest_introductions(triad, strength="closeness"))


def test_one_ego_is_picked_the_one_way():
    net = nk.load_sample("personal")
    with pytest.raises(nk.NetkitError, match="this network's ego is 'you', not 'me'"):
        nk.suggest_introductions(net, ego="me")
    with pytest.raises(nk.NetkitError, match="there is no ego 'nobody'"):
        nk.suggest_introductions(nk.load_sample("survey"), ego="nobody")


@pytest.mark.parametrize("a, b, said", [
    (0.9, 0.8, "you know both well (tie strength 0.9 and 0.8, from 0 to 1), so an introduction from you carries trust"),
    (0.21, 0.21, "you know both only a little (tie strength 0.21 and 0.21, from 0 to 1), so an introduction from you "
                 "carries less weight"),
    (0.3, 0.95, "you know Bo well and Al less (tie strength 0.95 and 0.3, from 0 to 1), so your word counts more with Bo"),
    (float("nan"), 0.9, "how well you know them is not rated yet"),
])
def test_the_reason_says_in_words_how_well_you_know_both(a, b, said):
    from netkit.introductions import _trust

    assert _trust({"strength_a": a, "strength_b": b, "name_a": "Al", "name_b": "Bo"}).startswith(said)


@pytest.mark.parametrize("before, after, said", [
    (0.078, 0.0784, "Your constraint barely changes (about 0.078;"),
    (0.406, 0.535, "Your constraint rises from 0.41 to 0.54"),
    (0.5, 0.4, "Your constraint falls from 0.5 to 0.4"),
])
def test_the_constraint_change_is_rounded_and_sized(before, after, said):
    from netkit.introductions import _constraint_change

    assert _constraint_change(before, after).startswith(said)


def test_counts_agree_with_their_nouns():
    net = nk.load_sample("survey")["E001"]
    reasons = " ".join(nk.suggest_introductions(net, k=10)["reason"])
    assert "1 new people" not in reasons and ".." not in reasons
