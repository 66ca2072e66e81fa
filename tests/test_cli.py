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
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out), dtype={"ego_id": str})
    assert list(table.columns)[:3] == ["ego_id", "size", "alter_ties"] and len(table) == 200
    out = tmp_path / "summary.csv"
    assert main(["summary", str(samples_dir() / "survey"), "-o", str(out), "--ego", table["ego_id"][0]]) == 0
    assert out.read_text().splitlines()[1].startswith(table["ego_id"][0] + ",")


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


def csv_of(capsys):
    return pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out), dtype={"ego_id": str, "alter_id": str, "node_id": str})


@pytest.mark.parametrize(
    "args, columns, rows",
    [
        (["ties", "personal"], ["source", "target", "kind", "strength", "tie", "layer", "overlap", "span"], 40 + 69),
        (["holes", "personal"], ["ego_id", "degree", "constraint", "effective_size", "efficiency", "hierarchy"], 1),
        (["holes", "karate", "--weight", "weight"], ["ego_id", "constraint"], 34),
        (["brokerage", "personal", "--group", "context"], ["ego_id", "coordinator", "itinerant", "gatekeeper_representative", "liaison", "total"], None),
        (["summary", "survey", "--group", "context"], ["ego_id", "size", "alter_ties", "density", "constraint", "weak_share", "ei_index", "blau", "iqv"], 200),
        (["introduce", "personal", "-k", "3"], ["alter_id_a", "alter_id_b", "score", "reason", "ego_constraint_after"], 3),
        (["introduce", "karate", "--ego", "0", "-k", "2"], ["alter_id_a", "alter_id_b"], 2),
        (["ties", "survey", "--ego", "E002"], ["source", "target"], None),
    ],
)
def test_measure_commands(capsys, args, columns, rows):
    command, sample, *rest = args
    assert main([command, str(samples_dir() / sample), *rest]) == 0
    table = csv_of(capsys)
    assert set(columns) <= set(table.columns)
    if rows is not None:
        assert len(table) == rows


def test_introduce_per_person_keeps_each_person_once(capsys):
    assert main(["introduce", str(samples_dir() / "personal"), "-k", "4", "--per-person", "1"]) == 0
    table = csv_of(capsys)
    people = list(table["alter_id_a"]) + list(table["alter_id_b"])
    assert len(table) == 4 and len(set(people)) == 8


def test_introduce_with_no_open_pair_says_so_in_one_line(tmp_path, capsys):
    (tmp_path / "alters.csv").write_text("alter_id\na\nb\n")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n")
    assert main(["introduce", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("alter_id_a,alter_id_b,") and len(captured.out.splitlines()) == 1
    assert captured.err.strip().splitlines() == [
        f"netkit: there is no pair to introduce in {tmp_path}: every two contacts already know each other (or there "
        "are fewer than two)."]


def test_introduce_says_when_the_what_if_stops(capsys):
    assert main(["introduce", str(samples_dir() / "personal"), "-k", "120"]) == 0
    captured = capsys.readouterr()
    table = pd.read_csv(pd.io.common.StringIO(captured.out))
    assert captured.err == "netkit: note: the what-if columns are filled for the top 100 suggestions per ego only.\n"
    assert len(table) == 120 and table["ego_constraint_after"].iloc[100:].isna().all()
    assert table["ego_constraint_after"].iloc[:100].notna().all()


@pytest.mark.parametrize(
    "args, message",
    [
        (["holes", "karate", "--weight", "club"], "no edge has the attribute 'club'"),
        (["summary", "survey", "--weight", "nope"], "weight='nope' is not a column"),
        (["brokerage", "personal", "--group", "colour"], "colour"),
        (["ties", "survey", "--ego", "E999"], "there is no ego 'E999'"),
        (["holes", "karate", "--ego", "99"], "there is no node '99'"),
        (["introduce", "karate"], "has no single ego; say whose introductions with ego= (--ego on the command line)"),
        (["ties", "personal", "--strength", "loudness"], "loudness"),
    ],
)
def test_measure_commands_bad_arguments(args, message):
    command, sample, *rest = args
    result = run(command, samples_dir() / sample, *rest)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


@pytest.mark.parametrize("value, message", [("-1", "has -1, a negative weight"), ("high", "has 'high', which is not a number")])
def test_bad_weights_are_refused(tmp_path, value, message):
    (tmp_path / "edges.csv").write_text(f"source,target,strength\na,b,2\nb,c,{value}\n")
    for command in ("holes", "ties"):
        result = run(command, tmp_path / "edges.csv", "--weight", "strength")
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_warnings_are_one_line_each(tmp_path):
    (tmp_path / "alters.csv").write_text("alter_id,years_known\na,120\n")
    result = run("summary", tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("ego_id,size,alter_ties")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netkit: warning: ") and "declared maximum of 100 years" in lines[0]


def test_draw_writes_one_offline_page(tmp_path):
    out = tmp_path / "personal.html"
    assert main(["draw", str(samples_dir() / "personal"), "-o", str(out), "--layout", "hub"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "https://" not in page.split("<body", 1)[0] and "cdn." not in page
    result = run("draw", samples_dir() / "survey", "-o", tmp_path / "s.html")
    assert result.returncode == 2 and "say which one for the drawing with ego= (--ego on the command line; one of E001" in result.stderr
    assert main(["draw", str(samples_dir() / "survey"), "--ego", "E001", "-o", str(tmp_path / "e.html")]) == 0


def test_the_old_weights_option_warns_in_one_line_and_gives_the_same_table():
    new = run("ties", samples_dir() / "personal", "--strength", "closeness")
    old = run("ties", samples_dir() / "personal", "--weights", "closeness")
    assert new.returncode == old.returncode == 0 and old.stdout == new.stdout
    assert old.stderr.strip() == ("netkit: warning: --weights is now --strength; the old name stops working after "
                                  "netkit 0.2."), old.stderr


def test_commands_take_the_same_option_names():
    """--strength (and --threshold where weak/strong is decided) mean the same in every command (declared once)."""
    from netkit.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    options = {name: {o for a in p._actions for o in a.option_strings} for name, p in sub.choices.items()}
    for name in ("summary", "ties", "batch", "class-summary"):
        assert {"--strength", "--threshold"} <= options[name], name
    assert "--strength" in options["introduce"] and "--threshold" not in options["introduce"]


def test_reading_options_are_shared_by_every_reading_command():
    from netkit.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, p in sub.choices.items():
        options = {o for a in p._actions for o in a.option_strings}
        if "--format" in options:
            assert {"--datapackage", "--egos", "--alters", "--ties", "--scale", "--missing", "--duplicates",
                    "--column", "--tie-type"} <= options, name


def test_scale_tie_type_and_named_files_on_the_command_line(tmp_path, capsys):
    from pathlib import Path

    fix = Path(__file__).parent / "fixtures"
    assert main(["summary", str(fix / "networkcanvas_tutorial"), "--tie-type", "Close"]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out)).set_index("ego_id")
    assert round(table.at["case_9", "density"], 3) == 0.524  # egor's published value (fixtures README)
    folder = tmp_path / "survey"
    folder.mkdir()
    (folder / "people.csv").write_text("ego_id,alter_id,closeness\n1,a,5\n1,b,1\n", encoding="utf-8")
    (folder / "links.csv").write_text("ego_id,source,target\n1,a,b\n", encoding="utf-8")
    (folder / "other.csv").write_text("x\n1\n", encoding="utf-8")
    result = run("ties", "--alters", folder / "people.csv", "--ties", folder / "links.csv")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "5 is not on the 1–4 scale" in result.stderr and "--scale closeness=1-5" in result.stderr
    assert main(["ties", "--alters", str(folder / "people.csv"), "--ties", str(folder / "links.csv"),
                 "--scale", "closeness=1-5", "--strength", "closeness"]) == 0
    ties = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert ties.loc[ties["kind"] == "ego-alter", "strength"].tolist() == [1.0, 0.0]
    assert main(["ties", "--alters", str(folder / "people.csv"), "--scale", "closeness=1-5:reverse",
                 "--strength", "closeness"]) == 0
    ties = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert ties.loc[ties["kind"] == "ego-alter", "strength"].tolist() == [0.0, 1.0]
    result = run("summary", folder, "--alters", folder / "people.csv")
    assert result.returncode == 2 and "either INPUT or the files" in result.stderr


def test_datapackage_command_writes_a_starter_and_never_replaces_one(tmp_path, capsys):
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "alters_1.csv").write_text("egoID;alterID;closeness\n1;a;5\n1;b;NA\n", encoding="utf-8")
    (folder / "edges_1.csv").write_text("egoID;Source;Target\n1;a;b\n", encoding="utf-8")
    assert main(["datapackage", str(folder)]) == 0
    said = capsys.readouterr().err
    assert "alters_1.csv (alters), edges_1.csv (ties)" in said and "check:" in said
    assert main(["summary", str(folder)]) == 0  # read as the starter says: closeness 1–5 as seen
    assert "1,2,1,1.0" in capsys.readouterr().out
    result = run("datapackage", folder)
    assert result.returncode == 2 and "already exists and is never replaced" in result.stderr

# ----------------------------------------------------------------------------- a "still working" note, on a terminal only

# The child runs the command with the note's delay at 0 and holds the reading step until the note
# has been written, so the test waits on an event rather than on the clock.
NOTED_RUN = r"""
import sys, threading
import netkit.chunks as chunks
import netkit.io as nio

noted = threading.Event()


class Prompt(chunks.Working):
    def __init__(self, what, progress=None, delay=2.0):
        super().__init__(what, progress, delay=0.0)
        print(f"shown={self.show}", flush=True)

    def note(self, elapsed):
        super().note(elapsed)
        noted.set()


chunks.Working = Prompt
reading = nio.read


def held_read(*args, **kwargs):
    if sys.argv[1] == "hold":
        noted.wait(120)  # until the terminal shows the note (an event; the bound only keeps a broken note from hanging)
    return reading(*args, **kwargs)


nio.read = held_read
from netkit.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _child_env():
    import os
    from pathlib import Path

    import netkit

    env = {k: v for k, v in os.environ.items() if k != "CI"}  # a person at a terminal, not CI
    env["PYTHONPATH"] = str(Path(netkit.__file__).resolve().parents[1])
    return env


def _on_a_terminal(argv):
    """Run the child with standard error on a pseudo-terminal; (exit code, stdout, what the terminal got)."""
    import os
    import pty

    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-c", NOTED_RUN, "hold", *map(str, argv)], stdout=subprocess.PIPE,
                             stderr=follower, env=_child_env())
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    out = child.stdout.read().decode()
    child.wait()
    os.close(leader)
    return child.returncode, out, screen.decode("utf-8", "replace")


@pytest.mark.parametrize("command", [["ties"], ["holes"], ["info"], ["draw"]])
def test_a_terminal_shows_the_still_working_note_and_a_pipe_does_not(command, tmp_path):
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\n" + "".join(f"n{i},n{i + 1}\n" for i in range(200)))
    name = command[0]
    out = [] if name == "info" else ["-o", tmp_path / ("d.html" if name == "draw" else "out.csv")]
    code, stdout, screen = _on_a_terminal([name, edges, *out])
    assert code == 0, screen
    assert "shown=True" in stdout and f"\rnetkit {name}: reading {edges}… 0 s" in screen
    assert screen.endswith("\r\x1b[K"), screen  # the note is cleared, the line left empty
    piped = subprocess.run([sys.executable, "-c", NOTED_RUN, "go", name, str(edges), *map(str, out)],
                           capture_output=True, text=True, env=_child_env())
    assert piped.returncode == 0 and "shown=True" not in piped.stdout and "shown=False" in piped.stdout
    assert piped.stderr == ""  # nothing at all on a pipe


def test_the_long_steps_of_a_command_are_named(monkeypatch, tmp_path, capsys):
    import netkit.chunks as chunks

    said = []

    class Recorded(chunks.Working):
        def __init__(self, what, progress=None, delay=2.0):
            super().__init__(what, False, delay)
            said.append(what)

        def step(self, what):
            super().step(what)
            said.append(what)

    monkeypatch.setattr(chunks, "Working", Recorded)
    personal = samples_dir() / "personal"
    assert main(["ties", str(personal), "-o", str(tmp_path / "t.csv")]) == 0
    assert said == [f"netkit ties: reading {personal}", "netkit ties: computing", f"netkit ties: writing {tmp_path / 't.csv'}"]
    said.clear()
    assert main(["batch", str(samples_dir() / "survey"), "-o", str(tmp_path / "run"), "--no-progress"]) == 0
    assert said[1:] == [f"netkit batch: reading {samples_dir() / 'survey'}", "netkit batch: the tie table",
                        f"netkit batch: writing {tmp_path / 'run'}"]
