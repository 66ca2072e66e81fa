"""Support self-assessment scoring, against values computed by hand."""
from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest

import netkit.support as support
from netkit.errors import NetkitError
from netkit.store import Workspace
from netkit.support import (
    KRAM_FUNCTIONS, NAME_PROMPTS, SUPPORT_ITEMS, assess_support, kram_table, mspss_scores, support_answers,
    support_coverage, support_feedback, support_load, answer_table, tie_kind_check,
)

PEOPLE = pd.DataFrame({"alter_id": ["m", "k", "j", "s"], "name": ["Mum", "Kofi", "Jo <b>", "Sam"]})

# computed by hand: instrumental 2 of 3 covered (career: Kofi; cross-boundary: Kofi + Jo; industry: gap),
# psychosocial 2 of 3 (confidant: Mum; family: not answered; phases: Mum)
ANSWERS = {
    "career_sounding_board": ["k"],
    "cross_boundary_influence": ["k", "j"],
    "industry_peers": [],
    "outside_confidant": ["m"],
    "similar_family_situation": None,
    "known_through_phases": ["m"],
}


def test_the_six_items_are_three_of_each_kind_in_our_own_words():
    assert [i.kind for i in SUPPORT_ITEMS] == ["instrumental"] * 3 + ["psychosocial"] * 3
    assert len({i.key for i in SUPPORT_ITEMS}) == 6
    for item in SUPPORT_ITEMS:
        assert item.question.endswith("?") and item.short
    assert [f.kind for f in KRAM_FUNCTIONS].count("career") == 5
    assert [f.kind for f in KRAM_FUNCTIONS].count("psychosocial") == 4
    assert "important matters" in NAME_PROMPTS["important_matters"]
    assert {f"support:{i.key}" for i in SUPPORT_ITEMS} <= set(NAME_PROMPTS)


def test_mspss_reference_example():
    # SCIENCE.md: responses [7,6,5,5,7,4,4,5,4,6,5,3] -> 6.5, 5.0, 3.75, total 5.083
    s = mspss_scores([7, 6, 5, 5, 7, 4, 4, 5, 4, 6, 5, 3])
    assert s["significant_other"] == 6.5
    assert s["family"] == 5.0
    assert s["friends"] == 3.75
    assert round(s["total"], 3) == 5.083
    with pytest.raises(NetkitError, match="12 items"):
        mspss_scores([4] * 11)
    with pytest.raises(NetkitError, match="item 3"):
        mspss_scores([4, 4, 9] + [4] * 9)


def test_answers_are_read_from_the_long_table():
    t = pd.DataFrame({
        "instrument": ["self-check", "self-check", "self-check", "kram", "self-check"],
        "item": ["industry_peers", "industry_peers", "outside_confidant", "coaching", "industry_peers"],
        "alter_id": ["a", "b", "", "a", "a"],
        "value": ["1", "1", "0", "1", "1"],
    })
    a = support_answers(t)
    assert a["industry_peers"] == ["a", "b"]  # named twice, counted once
    assert a["outside_confidant"] == []  # "no one yet"
    assert a["career_sounding_board"] is None  # not answered
    assert support_answers(None) == {i.key: None for i in SUPPORT_ITEMS}


def test_table_coverage_and_gaps():
    table = answer_table(ANSWERS, PEOPLE).set_index("item")
    assert list(table["status"]) == ["covered", "covered", "gap", "covered", "not answered", "covered"]
    assert table.at["cross_boundary_influence", "providers"] == "Kofi, Jo <b>"  # escaping is the display's job
    cov = support_coverage(ANSWERS).set_index("kind")
    assert cov.loc["instrumental", ["items", "answered", "covered", "gaps", "not_answered", "providers"]].tolist() == \
        [3, 3, 2, 1, 0, 2]
    assert cov.loc["psychosocial", ["answered", "covered", "gaps", "not_answered", "providers"]].tolist() == [2, 2, 0, 1, 1]
    assert cov.loc["instrumental", "coverage"] == pytest.approx(2 / 3)
    assert cov.loc["all", "coverage"] == pytest.approx(4 / 6)
    assert cov.loc["all", "providers"] == 3


def test_load_resting_on_one_person():
    load = support_load(ANSWERS, PEOPLE).set_index("alter_id")
    # 4 items covered; Kofi 2 (sole for career), Mum 2 (sole for both), Jo 1
    assert load.loc["k", ["items", "instrumental", "psychosocial", "sole"]].tolist() == [2, 2, 0, 1]
    assert load.loc["m", ["items", "sole"]].tolist() == [2, 2]
    assert load.loc["m", "share"] == 0.5 and load.loc["j", "share"] == 0.25
    assert list(load.index) == ["m", "k", "j"]  # most items first, then most items they alone cover
    assert support_load({}, PEOPLE).empty


def test_weak_and_strong_tie_cross_check():
    kinds = {"m": "strong", "k": "strong", "j": "weak"}
    chk = tie_kind_check(ANSWERS, kinds).set_index("kind")
    # instrumental providers {k, j}: 1 weak, 1 strong -> share expected (weak) 0.5
    assert chk.loc["instrumental", ["providers", "weak", "strong", "unknown", "expected"]].tolist() == [2, 1, 1, 0, "weak"]
    assert chk.loc["instrumental", "share_expected"] == 0.5
    # psychosocial providers {m}: strong -> 1.0
    assert chk.loc["psychosocial", "share_expected"] == 1.0
    assert math.isnan(tie_kind_check(ANSWERS, {}).set_index("kind").loc["instrumental", "share_expected"])


def test_feedback_sentences():
    text = support_feedback(ANSWERS, PEOPLE, {"m": "strong", "k": "strong", "j": "strong"})
    assert text[0] == "You answered 5 of the 6 questions; the other 1 count as open until you answer them."
    assert text[1] == "Instrumental support: 2 of 3 kinds covered. Psychosocial support: 2 of 3 kinds covered."
    assert text[2].startswith("Gap: no one yet for peers at other organisations.")
    assert any(s.startswith("Mum is the only person you named for a confidant outside your department and someone "
                            "who has known you through several phases of life") for s in text)
    assert any("instrumental support comes mostly from strong ties (2 of 2 people)" in s for s in text)
    matched = support_feedback(ANSWERS, PEOPLE, {"m": "strong", "k": "weak", "j": "weak"})
    assert any(s.startswith("Your instrumental support comes mainly from weak ties and your psychosocial support "
                            "from strong ties: the pattern the weak-tie argument expects. This describes your network")
               for s in matched)
    assert support_feedback({}, PEOPLE)[0].startswith("You have not answered any support question yet")


def test_unknown_items_are_refused():
    with pytest.raises(NetkitError, match="'bogus' is not an item of the 'self-check' instrument; its items are career_sounding_board"):
        answer_table({"bogus": ["a"]})


def test_kram_table():
    t = pd.DataFrame({"instrument": ["kram"] * 4 + ["self-check"], "item": ["coaching", "friendship", "coaching",
                      "sponsorship", "industry_peers"], "alter_id": ["a", "a", "a", "b", "a"], "value": ["1"] * 5})
    k = kram_table(t, pd.DataFrame({"alter_id": ["a", "b"], "name": ["Ana", "Ben"]})).set_index("alter_id")
    assert k.loc["a", ["name", "career", "psychosocial"]].tolist() == ["Ana", 1, 1]
    assert k.loc["b", "functions"] == ["sponsorship"]


def test_assess_a_workspace(tmp_path):
    ws = Workspace("s", root=tmp_path)
    close = ws.add_person("Mum", closeness=4, frequency=5, years_known=40, confiding=True, support_given=True,
                          support_received=True)
    far = ws.add_person("Kofi <i>", closeness=1, frequency=1, years_known=1)
    ws.set_supporter("industry_peers", far)
    ws.set_supporter("outside_confidant", close)
    ws.set_no_one("career_sounding_board")
    result = assess_support(ws.network())
    assert result.answers["industry_peers"] == [far]
    chk = result.tie_check.set_index("kind")  # tie kinds from nk.tie_table
    assert chk.loc["instrumental", "weak"] == 1 and chk.loc["psychosocial", "strong"] == 1
    assert any("the pattern the weak-tie argument expects" in s for s in result.feedback)
    page = result._repr_html_()
    assert "Kofi &lt;i&gt;" in page and "<i>" not in page


def test_docstring_examples_run():
    assert doctest.testmod(support, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_people_with_no_tie_strength_are_never_called_weak_or_strong():
    """Providers nobody rated are counted as unrated and left out of the weak/strong sentences."""
    from netkit.support import support_feedback

    answers = {"outside_confidant": ["a", "b"], "similar_family_situation": ["c"], "industry_peers": ["a"]}
    # only c is rated (weak): the psychosocial sentence may speak of c alone, never of a or b
    said = support_feedback(answers, None, {"c": "weak"})
    assert "2 people you named for support have no tie strength yet" in " ".join(said)
    assert "Your psychosocial support comes mostly from weak ties (1 of 1 person)" in " ".join(said)
    # nobody rated: one sentence about the missing ratings, none about weak or strong ties
    said = support_feedback(answers, None, {})
    joined = " ".join(said)
    assert "3 people you named for support have no tie strength yet" in joined
    assert "mostly from" not in joined and "mainly from" not in joined


def test_coded_rows_of_another_instrument_are_named_never_dropped_silently():
    """A study's own support types, read without their instrument: the feedback names the rows and
    says how to score them (before, 18 such rows vanished behind 'not answered any question')."""
    import dataclasses

    import netkit as nk

    net = nk.load_sample("personal")
    ids = list(net.alters["alter_id"][:6])
    coded = pd.DataFrame({"instrument": "interviews", "item": ["emotional", "networking", "material"] * 6,
                          "alter_id": sorted(ids * 3), "value": ["1", "0", "1"] * 6})
    result = assess_support(dataclasses.replace(net, extra={"support": coded}))
    assert result.feedback[0].startswith("You have not answered any support question yet")
    assert result.feedback[-1].startswith("18 support rows are not part of the 'self-check' instrument and are not "
                                          "scored here: 'emotional', 'networking' and 'material' of instrument "
                                          "'interviews'. Score them with instrument=")
    declared = pd.DataFrame({"instrument": "interviews", "item": ["emotional", "networking", "material"],
                             "question": ["Who listens?", "Who opens doors?", "Who lends?"],
                             "kind": ["psychosocial", "instrumental", "instrumental"]})
    scored = assess_support(dataclasses.replace(net, extra={"support": coded, "instrument": declared}))
    assert scored.instrument.name == "interviews"
    assert scored.answers == {"emotional": ids, "networking": [], "material": ids}  # 6 givers, networking: no one
    assert scored.coverage.set_index("kind").loc["all", "covered"] == 2
    assert not any("not scored here" in s for s in scored.feedback)
    assert scored.chart_png(dpi=40)[:4] == b"\x89PNG"


def test_a_blank_value_answers_nothing():
    t = pd.DataFrame({"instrument": ["self-check"] * 2, "item": ["industry_peers", "outside_confidant"],
                      "alter_id": ["a", "b"], "value": [None, "1"]})
    assert support_answers(t)["industry_peers"] is None  # not known, never "no one"
    assert support_answers(t)["outside_confidant"] == ["b"]
