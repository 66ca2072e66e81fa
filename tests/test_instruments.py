"""Support instruments as data: the shipped ones, and a study's own from a table or a CSV file."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

import netkit.instruments as instruments
from netkit.errors import NetkitError
from netkit.instruments import (
    EXCHANGE, KRAM, SELF_CHECK, SHIPPED, Instrument, SupportItem, instrument, instruments_for, instruments_from_table,
    one_instrument,
)


def test_the_shipped_instruments():
    assert list(SHIPPED) == ["self-check", "kram", "exchange"]
    assert [i.kind for i in SELF_CHECK.items] == ["instrumental"] * 3 + ["psychosocial"] * 3
    # Kram (1985): five career functions (instrumental here) and four psychosocial ones
    assert [i.kind for i in KRAM.items].count("instrumental") == 5
    assert [i.kind for i in KRAM.items].count("psychosocial") == 4
    assert {"loan", "personal_worries", "socialising"} <= set(EXCHANGE.keys)
    assert EXCHANGE.kinds == ("instrumental", "psychosocial", "other")
    for ins in SHIPPED.values():
        assert ins.source and all(i.question for i in ins.items)


def test_a_table_with_an_instrument_column_gives_one_instrument_each():
    t = pd.DataFrame({"instrument": ["study", "study", "mentor"], "item": ["emotional", "material", "coaching"],
                      "question": ["Who listens?", "", "Who coaches you?"],
                      "kind": ["psychosocial", " Instrumental ", "instrumental"]})
    found = instruments_from_table(t)
    assert [(i.name, i.keys) for i in found] == [("study", ("emotional", "material")), ("mentor", ("coaching",))]
    assert found[0].item("material").kind == "instrumental"  # kinds are read case- and space-insensitively
    assert found[0].item("material").question == "material"  # a blank question shows the item's words
    assert found[0].table()["item"].tolist() == ["emotional", "material"]


def test_a_csv_file_without_an_instrument_column_matches_rows_by_item(tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("item,question,kind\nemotional,Who listens?,psychosocial\nloan,Who lends?,instrumental\n",
                    encoding="utf-8")
    [ins] = instrument(path)
    assert ins.name == "" and ins.keys == ("emotional", "loan")
    assert ins.matches("anything") and ins.matches(None)
    assert not SELF_CHECK.matches("kram") and SELF_CHECK.matches("self-check")


@pytest.mark.parametrize("table, message", [
    (pd.DataFrame({"item": ["x"], "question": ["?"]}),
     "the column 'kind' is missing .* item, question and kind"),
    (pd.DataFrame({"item": ["x"], "question": ["?"], "kind": ["emotional"]}),
     "row 1: item 'x' has kind 'emotional'; write one of instrumental, psychosocial, other"),
    (pd.DataFrame({"item": ["x", ""], "question": ["?", "?"], "kind": ["other", "other"]}),
     "row 2: the item is empty"),
    (pd.DataFrame({"item": ["x", "x"], "question": ["?", "?"], "kind": ["other", "other"]}),
     "item 'x' is declared twice"),
])
def test_a_bad_instrument_table_is_one_clear_sentence(table, message):
    with pytest.raises(NetkitError, match=message):
        instruments_from_table(table)


def test_an_unknown_instrument_says_what_would_do():
    with pytest.raises(NetkitError, match="'bogus' is not an instrument; use one of self-check, kram, exchange"):
        instrument("bogus")
    with pytest.raises(NetkitError, match="kind 'career'"):
        Instrument("x", (SupportItem("a", "career", "?"),))


def test_which_instruments_a_network_is_read_with():
    declared = pd.DataFrame({"instrument": ["study"], "item": ["emotional"], "question": ["?"], "kind": ["psychosocial"]})
    support = pd.DataFrame({"instrument": ["kram", "self-check"], "item": ["coaching", "industry_peers"],
                            "alter_id": ["1", "1"], "value": ["1", "1"]})
    assert [i.name for i in instruments_for({})] == ["self-check"]
    assert [i.name for i in instruments_for({"support": support})] == ["self-check", "kram"]
    assert [i.name for i in instruments_for({"support": support, "instrument": declared})] == ["study"]
    assert [i.name for i in instruments_for({"support": support}, "exchange")] == ["exchange"]
    # one participant's self-assessment: the self-check when the data use it, Kram is scored on its own
    assert one_instrument({"support": support}) is SELF_CHECK
    assert one_instrument({"support": support.iloc[:1]}) is SELF_CHECK
    assert one_instrument({"support": support.assign(instrument="exchange", item="loan")}) is EXCHANGE
    assert one_instrument({"instrument": declared}).name == "study"


def test_docstring_examples_run():
    assert doctest.testmod(instruments, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0
