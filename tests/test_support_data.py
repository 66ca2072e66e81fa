"""Support coded per alter across egos: the per-ego table against counts by hand and by plain
pandas, the messages for what does not fit, and the weak/strong-tie test against the survey
sample's generating model."""
from __future__ import annotations

import dataclasses
import doctest
import importlib.util
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import netkit as nk
import netkit.support_data as support_data
from netkit.errors import NetkitError, Origin
from netkit.model import make_collection
from netkit.support_data import support_by_strength, support_codes, support_status, support_table

STUDY = pd.DataFrame({
    "instrument": ["study"] * 3,
    "item": ["emotional", "career_advice", "material"],
    "question": ["Who listens to you?", "Who advises you on your career?", "Who would lend you things?"],
    "kind": ["psychosocial", "instrumental", "instrumental"],
})


def collection(support: pd.DataFrame, *, declared: pd.DataFrame | None = STUDY) -> nk.EgoCollection:
    """Ego A: a1 strong (closeness 4), a2 and a3 weak (1 and 2: (2-1)/3 < 0.5), a4 not rated. Ego B: b1."""
    alters = pd.DataFrame({"ego_id": ["A", "A", "A", "A", "B"], "alter_id": ["a1", "a2", "a3", "a4", "b1"],
                           "closeness": [4, 1, 2, None, 3]})
    extra = {"support": support}
    if declared is not None:
        extra["instrument"] = declared
    return make_collection(pd.DataFrame({"ego_id": ["A", "B"]}), alters, None,
                           origins={"alters": Origin("alters.csv")}, extra=extra)


def rows(*records) -> pd.DataFrame:
    out = pd.DataFrame(records, columns=["ego_id", "instrument", "item", "alter_id", "value", "gap"])
    return out.replace({None: np.nan})


CODED = rows(
    ("A", "study", "emotional", "a1", "1", None), ("A", "study", "emotional", "a2", "0", None),
    ("A", "study", "emotional", "a3", "1", "1"), ("A", "study", "emotional", "a4", None, None),
    ("A", "study", "career_advice", "a1", "0", None), ("A", "study", "career_advice", "a2", "1", "0"),
    ("A", "study", "career_advice", "a3", "yes", None), ("A", "study", "career_advice", "a4", "1", None),
    ("A", "study", "material", "a1", "0", "1"), ("A", "study", "material", "a2", "0", None),
    ("A", "study", "material", "a3", "0", None),
)


def test_one_row_per_ego_and_item_counted_by_hand():
    t = support_table(collection(CODED)).set_index(["ego_id", "item"])
    assert len(t) == 6  # 2 egos x 3 items: ego B answered nothing and still has its rows
    e = t.loc[("A", "emotional")]
    # by hand: a1 and a3 give it (a1 strong, a3 weak); a4 is blank (not known); a3 flags a gap
    assert (e["answered"], e["alters_coded"], e["providers"], e["strong"], e["weak"], e["unrated"]) == (True, 3, 2, 1, 1, 0)
    assert (e["gap"], e["no_provider"], e["top_share"], e["provider_ids"]) == (1, 0, 0.5, "a3;a1")  # heaviest first
    # a3 gives two items (emotional, career advice), a1 one: a3 is the top provider
    assert e["top_provider"] == "a3"
    c = t.loc[("A", "career_advice")]
    assert (c["alters_coded"], c["providers"], c["weak"], c["strong"], c["unrated"]) == (4, 3, 2, 0, 1)
    assert c["gap"] == 0 and c["top_share"] == pytest.approx(1 / 3) and c["top_provider"] == "a3"
    m = t.loc[("A", "material")]
    assert (m["providers"], m["no_provider"], m["gap"], m["top_provider"]) == (0, 1, 1, "")
    assert math.isnan(m["top_share"])
    b = t.loc[("B", "emotional")]
    assert not b["answered"] and b["providers"] == 0 and pd.isna(b["no_provider"]) and pd.isna(b["gap"])


def test_a_gap_flag_alone_says_nothing_of_who_gives_it():
    flagged = rows(("A", "study", "material", "", None, "1"))  # the ego says "a gap", no alter coded
    t = support_table(collection(flagged)).set_index(["ego_id", "item"]).loc[("A", "material")]
    assert t["answered"] and t["gap"] == 1 and t["alters_coded"] == 0 and pd.isna(t["no_provider"])


def test_the_coding_per_alter_keeps_blanks_as_not_known():
    codes = support_codes(collection(CODED)).set_index(["alter_id", "item"])
    assert pd.isna(codes.loc[("a4", "emotional"), "gives"])
    assert codes.loc[("a3", "career_advice"), "gives"] == 1  # "yes" is 1
    assert codes.loc[("a1", "emotional"), "tie"] == "strong" and codes.loc[("a4", "emotional"), "tie"] == ""
    assert codes.loc[("a3", "emotional"), "strength"] == pytest.approx(1 / 3)  # closeness 2 on 1-4


def test_nine_types_with_gap_flags_count_the_providers_plain_pandas_counts():
    """Six egos coded with nine support types and a gap flag per alter, as a study codes them; the
    table's providers equal a by-hand pandas count of the rows coded 1."""
    rng = np.random.default_rng(7)
    types = ["identity", "networking", "community", "career_advice", "emotional", "material", "instrumental_help",
             "information", "companionship"]
    kinds = ["other", "instrumental", "other", "instrumental", "psychosocial", "instrumental", "instrumental",
             "instrumental", "psychosocial"]
    declared = pd.DataFrame({"instrument": "interviews", "item": types, "question": types, "kind": kinds})
    alters = pd.DataFrame([(f"e{e}", f"p{e}{a}", int(rng.integers(1, 5))) for e in range(6) for a in range(5)],
                          columns=["ego_id", "alter_id", "closeness"])
    coded = pd.DataFrame([(r.ego_id, "interviews", t, r.alter_id, rng.choice(["1", "0", None], p=[.3, .6, .1]),
                           rng.choice(["1", "0", None])) for r in alters.itertuples() for t in types],
                         columns=["ego_id", "instrument", "item", "alter_id", "value", "gap"])
    coll = make_collection(None, alters, None, origins={"alters": Origin("alters.csv")},
                           extra={"support": coded, "instrument": declared})
    table = support_table(coll).set_index(["ego_id", "item"])
    by_hand = coded[coded["value"] == "1"].groupby(["ego_id", "item"]).size()
    assert len(table) == 6 * 9
    assert table["providers"].sum() == by_hand.sum()
    assert table["providers"].reindex(by_hand.index).tolist() == by_hand.tolist()
    gaps = coded.dropna(subset=["gap"]).assign(gap=lambda d: d["gap"].astype(int)).groupby(["ego_id", "item"])["gap"].max()
    assert table["gap"].reindex(gaps.index).astype(int).tolist() == gaps.tolist()


def test_undeclared_items_are_named_once_and_never_counted():
    extra = rows(("A", "study", "identity", "a1", "1", None), ("A", "study", "identity", "a2", "1", None),
                 ("A", "other", "networking", "a1", "1", None))
    with pytest.warns(UserWarning) as caught:
        t = support_table(collection(pd.concat([CODED, extra], ignore_index=True)))
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1
    assert ("3 rows whose items are not in the instrument 'study': 'identity' of instrument 'study'; "
            "'networking' of instrument 'other'. They are left out") in messages[0]
    assert "declare them with instrument=" in messages[0] and "instrument table" in messages[0]
    assert set(t["item"]) == {"emotional", "career_advice", "material"}
    assert t.set_index(["ego_id", "item"]).loc[("A", "emotional"), "providers"] == 2  # unchanged


def test_a_study_instrument_given_as_a_csv_file(tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("item,question,kind\nemotional,Who listens?,psychosocial\ncareer_advice,Who advises?,"
                    "instrumental\nmaterial,Who lends?,instrumental\n", encoding="utf-8")
    t = support_table(collection(CODED, declared=None), instrument=path)
    assert set(t["instrument"]) == {"study"}  # an unnamed instrument takes the data's name
    assert t.set_index(["ego_id", "item"]).loc[("A", "career_advice"), "providers"] == 3


def test_bad_values_and_clashing_repeats_are_one_clear_sentence():
    bad = CODED.copy()
    bad.loc[4, "value"] = "maybe"
    with pytest.raises(NetkitError, match=r"row 5 \(ego 'A', alter 'a1', item 'career_advice'\), column 'value': 'maybe' is not 1 \(yes\), "
                                         r"0 \(no\) or blank"):
        support_table(collection(bad))
    clash = pd.concat([CODED, rows(("A", "study", "emotional", "a1", "0", None))], ignore_index=True)
    with pytest.raises(NetkitError, match="codes alter 'a1' of ego 'A' twice for item 'emotional' with different values"):
        support_table(collection(clash))
    same = pd.concat([CODED, CODED.iloc[:1]], ignore_index=True)  # a repeat that agrees is one answer
    assert support_table(collection(same)).set_index(["ego_id", "item"]).loc[("A", "emotional"), "providers"] == 2


def test_people_coded_who_are_not_alters_are_kept_and_named():
    stray = pd.concat([CODED, rows(("A", "study", "emotional", "zz", "1", None))], ignore_index=True)
    with pytest.warns(UserWarning, match="1 person who is not among their ego's alters .*alter 'zz' of ego 'A'"):
        t = support_table(collection(stray)).set_index(["ego_id", "item"])
    assert t.loc[("A", "emotional"), "providers"] == 3 and t.loc[("A", "emotional"), "unrated"] == 1


def test_each_state_has_its_sentence():
    none = collection(CODED.iloc[:0])
    assert support_status(none).startswith("No support is coded yet for the instrument 'study': add rows")
    assert support_table(none)["answered"].sum() == 0
    assert support_status(collection(CODED)) == ("Support is coded for 1 of 2 egos; the other 1 count as not known "
                                                 "(never as 'no support') until their answers are added to the "
                                                 "support table.")
    everyone = pd.concat([CODED, rows(("B", "study", "emotional", "b1", "0", None))], ignore_index=True)
    assert support_status(collection(everyone)) == "Support is coded for all 2 egos."
    # a network read with no support table at all
    assert support_status(nk.load_sample("personal")).startswith("No support is coded yet for the instrument 'self-check'")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert support_by_strength(nk.load_sample("personal"))["note"].tolist() == [
            "no alter is coded for this kind of support."] * 2


# ----------------------------------------------------------------------------- the test across egos


def survey_model():
    path = nk.sample_path("survey") / "make_sample.py"
    spec = importlib.util.spec_from_file_location("survey_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def survey():
    return nk.load_sample("survey")


@pytest.fixture(scope="module")
def survey_result(survey):
    return support_by_strength(survey).set_index("kind")


def test_the_estimate_recovers_the_generating_effect(survey_result):
    """The survey sample's support coding comes from a logistic model with a random ego effect
    (make_sample.py); the GEE's population-averaged odds ratio must hold the one the model implies."""
    model = survey_model()
    for kind in ("instrumental", "psychosocial", "other"):
        truth = model.marginal_odds_ratio(model.A[kind], model.B[kind], model.SIGMA)
        row = survey_result.loc[kind]
        assert row["ci_low"] < truth < row["ci_high"], (kind, truth, row["ci_low"], row["ci_high"])
    assert survey_result.loc["instrumental", "verdict"] == "weak ties give more"
    assert survey_result.loc["psychosocial", "verdict"] == "strong ties give more"
    assert survey_result.loc["other", "verdict"] == "no clear difference"
    # 200 egos, 5 skipped the support questions (make_sample.NO_SUPPORT_MODULE)
    assert (survey_result["egos"] == 200 - len(model.NO_SUPPORT_MODULE)).all()


def test_shares_and_counts_match_a_count_by_hand(survey, survey_result):
    support = survey.extra["support"]
    model = survey_model()
    items = support.assign(kind=support["item"].map({i: k for k, v in model.SUPPORT_ITEMS.items() for i in v}))
    per = items.dropna(subset=["value"]).assign(v=lambda d: d["value"].astype(int)) \
        .groupby(["ego_id", "alter_id", "kind"])["v"].max().unstack()
    strong = survey.alters.set_index(["ego_id", "alter_id"])["closeness"] >= 3
    psy = per["psychosocial"].dropna()
    by_hand = psy.groupby(strong.reindex(psy.index).to_numpy()).mean()
    assert survey_result.loc["psychosocial", "strong_giving"] == pytest.approx(by_hand[True])
    assert survey_result.loc["psychosocial", "weak_giving"] == pytest.approx(by_hand[False])
    assert survey_result.loc["psychosocial", "alters"] == len(psy)
    # blanks: an alter whose whole coding for a kind was left blank is left out, and counted
    blank = per["psychosocial"].isna().sum()
    assert survey_result.loc["psychosocial", "left_out_not_known"] == blank > 0


def test_too_little_data_gives_a_note_not_a_number():
    one = support_by_strength(collection(CODED)).set_index("kind")
    assert math.isnan(one.loc["psychosocial", "odds_ratio"])
    assert one.loc["psychosocial", "note"].startswith("only 1 ego with rated, coded alters; a test across egos needs several")
    # by hand: the weak ties a2 and a3 both give career advice, the strong tie a1 gives no instrumental item
    assert (one.loc["instrumental", "weak_giving"], one.loc["instrumental", "strong_giving"]) == (1.0, 0.0)
    assert one.loc["instrumental", "left_out_unrated"] == 1  # a4
    # a4's emotional support is blank: not known, whether the row is blank or missing altogether
    assert one.loc["psychosocial", "left_out_not_known"] == 1
    no_row = CODED[~((CODED["alter_id"] == "a4") & (CODED["item"] == "emotional"))]
    assert support_by_strength(collection(no_row), kind="psychosocial").iloc[0]["left_out_not_known"] == 1
    with pytest.raises(NetkitError, match="kind='career' is not a kind of the instrument 'study'; use one of "
                                          "instrumental, psychosocial"):
        support_by_strength(collection(CODED), kind="career")


def test_separation_and_no_contrast_are_said_in_words(survey):
    support = survey.extra["support"]
    everyone_gives = dataclasses.replace(survey, extra={"support": support.assign(value="1")})
    out = support_by_strength(everyone_gives, kind="other").iloc[0]
    assert out["note"] == "every coded alter gives this support; there is nothing to explain."
    all_strong = dataclasses.replace(survey, alters=survey.alters.assign(closeness=4))
    assert support_by_strength(all_strong, kind="other").iloc[0]["note"].startswith("all coded alters are strong ties")


def test_the_figure_draws_the_table(survey_result):
    from netkit.viz import support_strength_figure

    fig = support_strength_figure(survey_result.reset_index())
    heights = [round(p.get_height(), 6) for p in fig.axes[0].patches if p.get_height() > 0]
    assert round(survey_result.loc["instrumental", "weak_giving"], 6) in heights
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert f"OR {survey_result.loc['psychosocial', 'odds_ratio']:.2f}" in texts and "195 egos" in texts


def test_docstring_examples_run():
    assert doctest.testmod(support_data, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS).failed == 0


def test_rows_that_name_no_instrument_belong_to_the_one_that_declares_their_item():
    plain = CODED.drop(columns="instrument")
    t = support_table(collection(plain)).set_index(["ego_id", "item"])
    assert set(t.reset_index()["instrument"]) == {"study"}
    assert t.loc[("A", "career_advice"), "providers"] == 3


def test_one_participant_workspace_and_their_report(tmp_path):
    """A workspace answered with the exchange generators: the per-item table and the report read it."""
    ws = nk.Workspace("x", root=tmp_path)
    close = ws.add_person("Mum", closeness=4)
    far = ws.add_person("Kofi", closeness=1)
    ws.set_supporter("loan", close, instrument="exchange")
    ws.set_supporter("advice", far, instrument="exchange")
    ws.set_no_one("hobbies", instrument="exchange")
    net = ws.network()
    t = support_table(net).set_index("item")
    assert (t.loc["loan", "strong"], t.loc["advice", "weak"]) == (1, 1)
    assert (t.loc["hobbies", "gap"], t.loc["hobbies", "no_provider"]) == (1, 1) and not t.loc["socialising", "answered"]
    page = nk.personal_report(net)
    assert "You answered 3 of the 8 questions" in page and "no one yet for hobbies" in page
