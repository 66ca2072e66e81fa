"""nk.summarize and nk.alter_table give the same table, to the last bit, on every executor."""
import warnings
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

import netkit as nk
from netkit import batch, chunks
from netkit.errors import Origin
from netkit.model import make_collection


def collection(egos=120, seed=7, most=9):
    """Seeded egos of 0 to ``most`` alters (many tiny ones), weighted ties, a group attribute."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(0, most + 1, egos)
    ego_ids = [f"E{i:04d}" for i in range(egos)]
    alters, ties = [], []
    for e, size in zip(ego_ids, sizes):
        for a in range(1, size + 1):
            alters.append({"ego_id": e, "alter_id": f"p{a}", "context": rng.choice(["work", "family", "club"]),
                           "closeness": rng.integers(1, 5), "frequency": rng.integers(1, 6),
                           "years_known": round(float(rng.gamma(2, 5)), 1), "confiding": rng.integers(0, 2)})
            for b in range(a + 1, size + 1):
                if rng.random() < 0.4:
                    ties.append({"ego_id": e, "source": f"p{a}", "target": f"p{b}", "weight": int(rng.integers(1, 4))})
    # rows of the egos interleaved: each chunk must keep each ego's rows in their order
    alters = pd.DataFrame(alters).sample(frac=1, random_state=seed).reset_index(drop=True)
    return make_collection(pd.DataFrame({"ego_id": ego_ids}), alters, pd.DataFrame(ties),
                           origins={"alters": Origin("alters"), "ties": Origin("ties")})


@pytest.fixture(scope="module")
def coll():
    return collection()


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Equal to the last bit, NaN in the same places, same dtypes and order."""
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    for col in a.columns:
        if a[col].dtype.kind == "f":
            assert np.array_equal(a[col].to_numpy(), b[col].to_numpy(), equal_nan=True), col


OPTIONS = [{}, {"group": "context"}, {"weight": "weight", "group": "context", "strength": "gilbert"}]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("chunk_size", [1, 7, 50])
def test_chunks_in_this_process_change_nothing(coll, options, chunk_size):
    same(nk.summarize(coll, chunk_size=chunk_size, **options), nk.summarize(coll, **options))


@pytest.mark.parametrize("options", OPTIONS)
def test_thread_pool(coll, options):
    with ThreadPoolExecutor(2) as pool:
        same(nk.summarize(coll, executor=pool, chunk_size=11, **options), nk.summarize(coll, **options))


def test_process_pool_summary_and_alter_table(coll):
    expected = nk.summarize(coll, group="context", weight="weight")
    alters = nk.alter_table(coll)
    with ProcessPoolExecutor(2) as pool:
        same(nk.summarize(coll, group="context", weight="weight", executor=pool), expected)
        same(nk.alter_table(coll, executor=pool, chunk_size=13), alters)


def test_iqv_uses_the_categories_of_the_whole_collection(coll):
    # an ego whose alters are all in one chunk of one context still divides by K of the whole survey
    one = nk.summarize(coll, group="context", chunk_size=1).set_index("ego_id")
    k = coll.alters["context"].nunique()
    assert np.allclose(one["iqv"], one["blau"] / (1 - 1 / k), equal_nan=True)


def test_survey_sample_on_every_path():
    survey = nk.load_sample("survey")
    expected = nk.summarize(survey, group="context")
    with ThreadPoolExecutor(2) as threads, ProcessPoolExecutor(2) as processes:
        for executor in (threads, processes):
            same(nk.summarize(survey, group="context", executor=executor), expected)


def test_dask_local_cluster_matches_one_process():
    distributed = pytest.importorskip("distributed")
    import logging

    survey = nk.load_sample("survey")
    expected = nk.summarize(survey, group="context")
    alters = nk.alter_table(survey, communities=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        got = nk.summarize(survey, group="context", executor=client.get_executor(), chunk_size=40)
        by_client = nk.alter_table(survey, communities=False, executor=client)  # a Client is taken as its executor
    same(got, expected)
    same(by_client, alters)
    assert got["hierarchy"].isna().tolist() == expected["hierarchy"].isna().tolist()


def test_one_ego_network_and_ego_selection_with_an_executor():
    net = nk.load_sample("personal")
    with ThreadPoolExecutor(2) as pool:
        same(nk.summarize(net, executor=pool), nk.summarize(net))
        row = nk.summarize(nk.load_sample("survey"), ego="E007", executor=pool)
    assert row["ego_id"].tolist() == ["E007"]


def test_a_whole_network_is_summarised_here():
    karate = nk.load_sample("karate")
    with ThreadPoolExecutor(2) as pool:
        same(nk.summarize(karate, executor=pool), nk.summarize(karate))


def test_alter_table_agrees_with_tie_table_and_clusters(coll):
    table = nk.alter_table(coll)
    assert list(table.columns) == list(batch.ALTER_COLUMNS) and len(table) == len(coll.alters)
    # egos in table order, each ego's alters in the order of the alters table
    order = coll.alters.assign(pos=coll.alters["ego_id"].map({e: i for i, e in enumerate(coll.ego_ids)}))
    expected = order.sort_values("pos", kind="stable")
    assert table["alter_id"].tolist() == expected["alter_id"].tolist()
    ties = nk.tie_table(coll)
    ties = ties[ties["kind"] == "ego-alter"].reset_index(drop=True)
    assert np.array_equal(ties["strength"], table["strength"], equal_nan=True)
    assert ties["layer"].astype(str).tolist() == table["layer"].astype(str).tolist()
    assert ties["tie"].astype(str).tolist() == table["tie"].astype(str).tolist()
    found = nk.clusters(coll).merge(table, on=["ego_id", "alter_id"])  # no renames needed
    assert len(found) == len(table)
    assert (found["component_x"] == found["component_y"]).all()
    assert (found["community_x"] == found["community_y"]).all()
    # degree: distinct alters tied to, counted with networkx for each ego
    for ego in list(coll)[:30]:
        G = ego.graph(include_ego=False)
        mine = table[table["ego_id"] == ego.ego_id].set_index("alter_id")
        assert all(mine.at[a, "degree"] == G.degree(a) for a in G), ego.ego_id


def test_alter_table_without_communities_and_bad_input():
    table = nk.alter_table(nk.load_sample("personal"), communities=False)
    assert table["community"].isna().all() and str(table["community"].dtype) == "Int64"
    with pytest.raises(nk.NetkitError, match="alter_table is for ego networks"):
        nk.alter_table(nk.load_sample("karate"))
    with pytest.raises(nk.NetkitError, match="threshold=2 is not a strength"):
        nk.alter_table(nk.load_sample("personal"), threshold=2)
    with pytest.raises(nk.NetkitError, match="strength='loud' is not a preset"):
        nk.alter_table(nk.load_sample("personal"), strength="loud")


def test_bad_executor_and_chunk_size(coll):
    with pytest.raises(nk.NetkitError, match="executor must be a concurrent.futures Executor"):
        nk.summarize(coll, executor="processes")
    with pytest.raises(nk.NetkitError, match="chunk_size=0 must be a whole number of egos per chunk, 1 or more"):
        nk.summarize(coll, chunk_size=0)


@pytest.mark.parametrize("options, message", [
    ({"weight": "nope"}, "weight='nope' is not a column of the alters or ties table"),
    ({"group": "nope"}, "group='nope' is not an alter attribute"),
    ({"strength": "loud"}, "strength='loud' is not a preset"),
])
def test_bad_options_are_refused_before_any_chunk_leaves(coll, options, message):
    with ThreadPoolExecutor(1) as pool, pytest.raises(nk.NetkitError, match=message):
        nk.summarize(coll, executor=pool, **options)
    with pytest.raises(nk.NetkitError, match=message):
        nk.summarize(coll, **options)


def test_an_error_in_a_worker_comes_back_as_itself(tmp_path):
    (tmp_path / "alters.csv").write_text("ego_id,alter_id\nA,1\nA,2\nB,1\nB,2\n")
    (tmp_path / "ties.csv").write_text("ego_id,source,target,strength\nA,1,2,3\nB,1,2,high\n")
    net = nk.read(tmp_path)
    with ProcessPoolExecutor(2) as pool, pytest.raises(nk.NetkitError, match="'high', which is not a number"):
        nk.summarize(net, weight="strength", executor=pool, chunk_size=1)


def test_warnings_from_chunks_are_said_once_as_one_run_would(tmp_path):
    (tmp_path / "alters.csv").write_text("ego_id,alter_id,years_known\nA,1,120\nA,2,3\nB,1,130\nC,1,4\n")
    net = nk.read(tmp_path)
    with warnings.catch_warnings(record=True) as one:
        warnings.simplefilter("always")
        nk.summarize(net)
    with warnings.catch_warnings(record=True) as chunked:
        warnings.simplefilter("always")
        nk.summarize(net, chunk_size=1)
    assert [str(w.message) for w in chunked] == [str(w.message) for w in one]
    assert len(one) == 1 and "2 value(s) lie above the declared maximum" in str(one[0].message)


def test_progress_bar_only_when_asked_or_watched(coll, capsys, monkeypatch):
    nk.summarize(coll, progress=True)
    assert "summarising" in capsys.readouterr().err
    nk.summarize(coll)  # pytest's stderr is no terminal: no bar
    nk.summarize(coll, progress=False, chunk_size=10)
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("CI", "true")
    assert chunks.interactive() is False
    monkeypatch.setenv("CI", "")
    monkeypatch.setattr(chunks.sys, "stderr", type("Tty", (), {"isatty": lambda self: True})())
    assert chunks.interactive() is True


@pytest.mark.parametrize("call", [nk.summarize, nk.alter_table])
def test_old_weights_keyword_warns_and_gives_the_same(coll, call):
    with pytest.warns(FutureWarning, match="weights= is now strength="):
        old = call(coll, weights="gilbert")
    pd.testing.assert_frame_equal(old, call(coll, strength="gilbert"), check_exact=True)


def test_outputs_merge_with_the_inputs_and_each_other_without_renames(coll):
    summary, alters = nk.summarize(coll, group="context"), nk.alter_table(coll)
    assert len(summary.merge(coll.egos, on="ego_id")) == len(coll)
    assert len(alters.merge(coll.alters, on=["ego_id", "alter_id"])) == len(coll.alters)
    assert len(alters.merge(summary, on="ego_id")) == len(alters)


def test_the_engine_runs_any_measure_in_chunks(coll):
    # the chunk engine on its own: a module-level measure, the same table whatever the chunking
    columns = (["ego_id", "alter_id"], ["ego_id", "source", "target"])
    whole, _ = chunks.run_chunks(coll, _alter_count, {}, columns=columns)
    with ThreadPoolExecutor(2) as pool:
        pooled, messages = chunks.run_chunks(coll, _alter_count, {}, executor=pool, chunk_size=7, columns=columns)
    pd.testing.assert_frame_equal(pooled, whole)
    assert messages == [] and whole["size"].sum() == len(coll.alters)


def _alter_count(chunk):
    """Alters per ego, one row per ego in the egos' order (what a chunked measure must give)."""
    size = chunk.alters.groupby("ego_id").size().reindex(chunk.egos["ego_id"], fill_value=0)
    return size.rename("size").reset_index()
