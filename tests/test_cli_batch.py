"""The research commands: batch, summary --workers, pseudonymize, class-summary; one line on bad input."""
import json
import subprocess
import sys

import pytest

import netkit as nk
from netkit.cli import main
from netkit.paths import samples_dir
from netkit.reproduce import file_sha256

SURVEY = samples_dir() / "survey"
KEY = "a key of sixteen or more"


def run(*args):
    return subprocess.run([sys.executable, "-m", "netkit", *map(str, args)], capture_output=True, text=True)


def one_line_error(result, message):
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netkit: error: ") and message in lines[0], result.stderr


def test_summary_output_gets_a_manifest_and_reruns_are_identical(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["summary", str(SURVEY), "-o", str(a), "--group", "context"]) == 0
    assert main(["summary", str(SURVEY), "-o", str(b), "--group", "context", "--workers", "2"]) == 0
    assert a.read_bytes() == b.read_bytes()
    m = json.loads((tmp_path / "a.csv.manifest.json").read_text(encoding="utf-8"))
    assert m["outputs"][0]["sha256"] == file_sha256(a)
    assert m["parameters"]["group"] == "context" and m["parameters"]["command"] == "summary"
    assert m["command"][:3] == ["netkit", "summary", str(SURVEY)]
    for command in ("ties", "holes"):
        out = tmp_path / f"{command}.csv"
        assert main([command, str(samples_dir() / "personal"), "-o", str(out)]) == 0
        assert (tmp_path / f"{command}.csv.manifest.json").exists()


def test_batch_command(tmp_path, capsys):
    assert main(["batch", str(SURVEY), "-o", str(tmp_path / "one"), "--group", "context"]) == 0
    assert main(["batch", str(SURVEY), "-o", str(tmp_path / "two"), "--group", "context", "--workers", "2"]) == 0
    for name in ("summary.csv", "alter_table.csv", "tie_table.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    m = json.loads((tmp_path / "one" / "manifest.json").read_text(encoding="utf-8"))
    assert m["command"][:2] == ["netkit", "batch"] and m["seeds"] == {"communities": 0}
    assert main(["batch", str(SURVEY), "-o", str(tmp_path / "three"), "--no-communities", "--seed", "4"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("args, message", [
    (["batch", str(SURVEY), "-o", str(SURVEY / "out")], "is the input or lies inside it"),
    (["batch", str(samples_dir() / "karate"), "-o", "{tmp}/k"], "is a whole network"),
    (["batch", str(SURVEY), "-o", "{tmp}/x", "--workers", "0"], "--workers 0 is not a number of processes"),
    (["batch", str(SURVEY), "-o", "{tmp}/x", "--group", "colour"], "group='colour' is not an alter attribute"),
    (["summary", str(SURVEY), "--workers", "2", "--weight", "nope"], "weight='nope' is not a column"),
    (["pseudonymize", str(samples_dir() / "personal"), "-o", "{tmp}/p"], "pseudonymize needs a key: add --key"),
    (["pseudonymize", str(samples_dir() / "personal"), "-o", "{tmp}/p", "--key", "short"], "use at least 16"),
    (["pseudonymize", str(samples_dir() / "personal"), "-o", "{tmp}/p", "--key", KEY, "--key-file", "k"],
     "give the key once"),
    (["pseudonymize", str(samples_dir() / "personal"), "-o", "{tmp}/p", "--key-file", "{tmp}/none"],
     "cannot read the key file"),
    (["class-summary", str(samples_dir() / "personal")], "needs at least 5 participants"),
    (["class-summary", str(SURVEY), "--min-group", "1"], "min_group=1 is too small"),
    (["class-summary", str(SURVEY), "-o", "{tmp}/report.pdf"], "saved as .html (the page) or .csv"),
])
def test_bad_input_is_one_line(tmp_path, args, message):
    one_line_error(run(*[a.format(tmp=tmp_path) for a in args]), message)


def test_pseudonymize_command(tmp_path):
    (tmp_path / "key.txt").write_text(KEY + "\n", encoding="utf-8")
    result = run("pseudonymize", samples_dir() / "personal", "-o", tmp_path / "a", "--key", KEY)
    assert result.returncode == 0 and "column 'notes' dropped" in result.stderr and KEY not in result.stderr
    assert run("pseudonymize", samples_dir() / "personal", "-o", tmp_path / "b", "--key-file",
               tmp_path / "key.txt").returncode == 0
    for name in ("alters.csv", "egos.csv", "ties.csv", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "Haddad" not in (tmp_path / "a" / "alters.csv").read_text(encoding="utf-8")
    assert nk.summarize(nk.read(tmp_path / "a"))["constraint"].equals(
        nk.summarize(nk.load_sample("personal"))["constraint"])


def test_class_summary_command(tmp_path, capsys):
    survey = nk.load_sample("survey")
    folders = []
    for k, ego in enumerate(list(survey)[:5]):
        nk.write(ego, tmp_path / f"p{k}")
        folders.append(str(tmp_path / f"p{k}"))
    assert main(["class-summary", *folders, "-o", str(tmp_path / "class.html")]) == 0
    page = (tmp_path / "class.html").read_text(encoding="utf-8")
    assert "5 participants" in page and "<script" not in page
    assert main(["class-summary", *folders]) == 0
    out = capsys.readouterr().out
    assert out.startswith("measure,label,n,mean,sd,p25,median,p75\nsize,")
