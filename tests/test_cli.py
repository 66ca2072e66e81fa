"""The netkit command: CSV out, and one line on stderr (no traceback) for bad input."""
import subprocess
import sys

import pandas as pd
import pytest

from netkit.cli import main
from netkit.paths import samples_dir


def run(*args):
    return subprocess.run([sys.executable, "-m", "netkit", *map(str, args)], capture_output=True, text=True)


def test_summary_to_stdout_and_file(tmp_path, capsys):
    assert main(["summary", str(samples_dir() / "survey")]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out), dtype={"ego": str})
    assert list(table.columns) == ["ego", "size", "alter_ties"] and len(table) == 200
    out = tmp_path / "summary.csv"
    assert main(["summary", str(samples_dir() / "survey"), "-o", str(out), "--ego", table["ego"][0]]) == 0
    assert out.read_text().splitlines()[1].startswith(table["ego"][0] + ",")


def test_info_describes_the_sample(capsys):
    assert main(["info", str(samples_dir() / "personal")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ego network of") and "netkit folder" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["info", "no/such/file.csv"], "no/such/file.csv: there is no such file or folder"),
        (["summary", "{tmp}/empty.csv"], "empty.csv: the file is empty"),
        (["summary", "{tmp}/broken.graphml"], "broken.graphml: is not well-formed XML"),
        (["summary", "{tmp}/people.csv", "--format", "netkit"], "is a folder of tables; pass the folder"),
        (["summary", str(samples_dir() / "survey"), "--ego", "nobody"], "there is no ego 'nobody'"),
        (["summary", str(samples_dir() / "survey"), "-o", "{tmp}/people.csv/out.csv"], "people.csv"),
    ],
)
def test_bad_input_exits_nonzero_with_one_line(tmp_path, args, message):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "broken.graphml").write_text("<graphml><graph><node id='a'></graph>")
    (tmp_path / "people.csv").write_text("name\nAna\n")
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netkit: error: ") and message in lines[0], result.stderr
    assert result.stdout == ""


def test_unknown_format_is_refused_by_argparse():
    result = run("info", "x.csv", "--format", "sav")
    assert result.returncode == 2 and "invalid choice: 'sav'" in result.stderr and "Traceback" not in result.stderr


def test_console_script_is_installed():
    import shutil

    exe = shutil.which("netkit", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "the netkit console script is not installed next to this Python"
    result = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("netkit ")
