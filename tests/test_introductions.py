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


# ----------------------------------------------------------------------------- the fast path against the plain loop


@pytest.fixture(scope="module")
def bench():
    """benchmarks/bench_introductions.py, whose plain_loop is the ranking as first written (exact, slow)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_introductions.py"
    spec = importlib.util.spec_from_file_location("bench_introductions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _random_ego(seed: int, n: int, *, directed: bool = False):
    """A seeded ego network: groups of contacts, ties likelier inside a group, some answers blank."""
    import numpy as np

    from tests.networks import ego_network

    rng = np.random.default_rng(seed)
    group = rng.integers(0, max(1, n // 8), n)
    ids = [f"p{x}" for x in rng.permutation(n * 3)[:n]]  # ids not in alphabetical order
    pairs = [(ids[i], ids[j]) for i in range(n) for j in range(i + 1, n)
             if rng.random() < (0.5 if group[i] == group[j] else 0.03)]
    if directed:
        pairs = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in pairs]
    closeness = rng.integers(1, 5, n).astype(float)
    closeness[rng.random(n) < 0.2] = np.nan  # not answered
    names = np.array([f"Name {i}" for i in range(n)], dtype=object)
    names[rng.random(n) < 0.2] = None
    return ego_network(ids, pairs, directed=directed, closeness=closeness, name=names,
                       context=rng.choice(["work", "family", "club"], n))


@pytest.mark.parametrize("seed, n, directed, k, per_person", [
    (1, 12, False, 10, None), (2, 40, False, 25, None), (3, 40, True, 15, 1), (4, 60, False, 40, 2),
    (5, 30, False, 500, None), (6, 25, True, 5, None), (7, 45, False, 30, 3),
])
def test_the_fast_ranking_is_the_plain_loops_to_the_last_bit(bench, seed, n, directed, k, per_person):
    net = _random_ego(seed, n, directed=directed)
    fast = nk.suggest_introductions(net, k=k, strength="closeness", per_person=per_person, seed=seed)
    plain = bench.plain_loop(net, k=k, strength="closeness", per_person=per_person, seed=seed)
    assert len(fast) == min(k, len(plain)) if per_person is None else len(fast) == len(plain)
    pd.testing.assert_frame_equal(fast[plain.columns].reset_index(drop=True), plain, check_exact=True)


def test_small_blocks_give_the_same_ranking(bench, monkeypatch):
    # a tiny block size forces many blocks, each keeping only its best pairs: the merged ranking must not change
    import netkit.introductions as intro
    from netkit.introductions import WHAT_IF_COLUMNS

    net = _random_ego(11, 50)
    whole = nk.suggest_introductions(net, k=60, per_person=1)
    monkeypatch.setattr(intro, "_BLOCK_CELLS", 60)  # one row of 50 alters per block
    monkeypatch.setattr(intro, "_FIRST_POOL", 1)  # the walk starts with 240 pairs, runs out and asks for more
    pd.testing.assert_frame_equal(nk.suggest_introductions(net, k=60, per_person=1), whole, check_exact=True)
    pd.testing.assert_frame_equal(whole.drop(columns=WHAT_IF_COLUMNS + ["reason"]),
                                  bench.plain_loop(net, k=60, per_person=1), check_exact=True)


def test_the_what_if_is_for_the_top_rows_only_and_the_reason_says_so():
    from netkit.introductions import WHAT_IF_COLUMNS

    net = nk.load_sample("personal")
    full = nk.suggest_introductions(net, k=12)
    capped = nk.suggest_introductions(net, k=12, what_if=5)
    pd.testing.assert_frame_equal(capped.head(5), full.head(5))
    assert capped[WHAT_IF_COLUMNS].iloc[5:].isna().all().all() and full[WHAT_IF_COLUMNS].notna().all().all()
    assert capped["score"].equals(full["score"])
    assert all("worked out for the top 5 suggestions only" in r for r in capped["reason"].iloc[5:])
    assert nk.suggest_introductions(net, k=3, what_if=0)[WHAT_IF_COLUMNS].isna().all().all()
    with pytest.raises(nk.NetkitError, match="what_if=-1 must be a whole number"):
        nk.suggest_introductions(net, what_if=-1)


def test_no_open_pair_keeps_the_columns(tmp_path):
    from netkit.introductions import COLUMNS

    (tmp_path / "alters.csv").write_text("alter_id\na\nb\nc\n")
    (tmp_path / "ties.csv").write_text("source,target\na,b\nb,c\na,c\n")
    table = nk.suggest_introductions(nk.read(tmp_path))
    assert table.empty and list(table.columns) == COLUMNS


def test_the_benchmark_runs_with_one_command(bench, capsys):
    net = bench.synthetic_ego(150)
    pd.testing.assert_frame_equal(nk.suggest_introductions(net, k=10, strength="closeness")[
        ["alter_id_a", "alter_id_b", "score"]], bench.plain_loop(net, k=10, strength="closeness")[
        ["alter_id_a", "alter_id_b", "score"]], check_exact=True)
    assert bench.main(["--sizes", "60", "--cap", "60"]) == 0
    out = capsys.readouterr().out
    assert "CPU cores" in out and "loop / netkit" in out and "rankings equal to the last bit" in out and ": met" in out
