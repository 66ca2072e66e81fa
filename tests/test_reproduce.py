"""Manifests beside batch outputs, and byte-identical tables from the same inputs."""
import json
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import netkit as nk
from netkit.paths import samples_dir
from netkit.reproduce import (DEPENDENCIES, file_sha256, input_files, manifest_path, run_batch, table_csv,
                              write_manifest)

SURVEY = samples_dir() / "survey"


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_manifest_fields(tmp_path):
    out = tmp_path / "summary.csv"
    out.write_text(table_csv(nk.summarize(nk.read(SURVEY))), encoding="utf-8")
    path = write_manifest(manifest_path(out), inputs=[SURVEY], outputs=[out],
                          parameters={"group": None, "weights": {"closeness": 2}}, seeds={"louvain": 3},
                          command=["netkit", "summary"])
    assert path.name == "summary.csv.manifest.json"
    m = read_json(path)
    assert m["manifest"] == "netkit run" and m["netkit"] == nk.__version__ and m["python"]
    assert set(m["dependencies"]) == set(DEPENDENCIES) and m["dependencies"]["pandas"]
    assert m["created"].endswith("Z") and m["command"] == ["netkit", "summary"]
    assert m["parameters"] == {"group": None, "weights": {"closeness": 2}} and m["seeds"] == {"louvain": 3}
    files = {f["name"]: f for f in m["inputs"][0]["files"]}
    assert {"alters.csv", "egos.csv", "ties.csv", "manifest.json"} <= set(files)
    assert files["alters.csv"]["sha256"] == file_sha256(SURVEY / "alters.csv")
    assert files["alters.csv"]["bytes"] == (SURVEY / "alters.csv").stat().st_size
    assert m["outputs"] == [{"name": "summary.csv", "sha256": file_sha256(out), "bytes": out.stat().st_size}]


def test_input_files_leave_hidden_files_out(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id\na\n")
    (tmp_path / ".lock").write_text("")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "x.csv").write_text("")
    assert [p.name for p in input_files(tmp_path)] == ["alters.csv"]
    assert input_files(tmp_path / "alters.csv") == [tmp_path / "alters.csv"]
    with pytest.raises(nk.NetkitError, match="there is no such file or folder"):
        input_files(tmp_path / "nope")


def test_run_batch_reruns_are_byte_identical_on_any_executor(tmp_path):
    first = run_batch(SURVEY, tmp_path / "first", group="context", weight="weight")
    with ThreadPoolExecutor(2) as threads:
        second = run_batch(SURVEY, tmp_path / "second", group="context", weight="weight", executor=threads)
    with ProcessPoolExecutor(2) as processes:
        third = run_batch(SURVEY, tmp_path / "third", group="context", weight="weight", executor=processes)
    names = ["alter_table.csv", "summary.csv", "tie_table.csv"]
    assert sorted(p.name for p in first.iterdir()) == sorted([*names, "manifest.json"])
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes() == (third / name).read_bytes(), name
    m1, m3 = read_json(first / "manifest.json"), read_json(third / "manifest.json")
    assert [o["sha256"] for o in m1["outputs"]] == [o["sha256"] for o in m3["outputs"]]
    assert m1["outputs"][0] == {"name": "summary.csv", "sha256": file_sha256(first / "summary.csv"),
                                "bytes": (first / "summary.csv").stat().st_size}
    assert m1["parameters"]["executor"] == "this process"
    assert m3["parameters"]["executor"] == "ProcessPoolExecutor, 2 workers"
    assert m1["seeds"] == {"communities": 0} and "netkit_batch" in m1
    # the tables hold no time, version or path: only the manifest does
    for name in names:
        text = (first / name).read_text(encoding="utf-8")
        assert m1["created"][:10] not in text and str(SURVEY) not in text and nk.__version__ not in text.split("\n")[0]


def test_run_batch_tables_match_the_api(tmp_path):
    import pandas as pd

    out = run_batch(SURVEY, tmp_path / "run", group="context")
    survey = nk.read(SURVEY)
    assert (out / "summary.csv").read_text(encoding="utf-8") == table_csv(nk.summarize(survey, group="context"))
    assert (out / "alter_table.csv").read_text(encoding="utf-8") == table_csv(nk.alter_table(survey))
    assert (out / "tie_table.csv").read_text(encoding="utf-8") == table_csv(nk.tie_table(survey))
    back = pd.read_csv(out / "summary.csv", dtype={"ego": str})
    assert len(back) == 200


def test_run_batch_replaces_only_its_own_folder(tmp_path):
    out = run_batch(SURVEY, tmp_path / "run")
    run_batch(SURVEY, out, group="context")  # its own earlier output: replaced
    assert read_json(out / "manifest.json")["parameters"]["group"] == "context"
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    with pytest.raises(nk.NetkitError, match="is a folder with other files in it"):
        run_batch(SURVEY, tmp_path / "notes")
    with pytest.raises(nk.NetkitError, match="is the input or lies inside it"):
        run_batch(SURVEY, SURVEY / "results")
    with pytest.raises(nk.NetkitError, match="is a whole network"):
        run_batch(samples_dir() / "karate", tmp_path / "karate")
    assert not (tmp_path / "karate").exists()
