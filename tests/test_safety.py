"""Data safety: inputs are never written over, only regular files are read, bad numbers are
refused, and every failure of the command is one line on standard error, never a traceback."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile

import networkx as nx
import pytest

import netkit as nk
from netkit.cli import main
from netkit.errors import NetkitError, Origin, printable
from netkit.paths import samples_dir


def fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def one_line(capsys, argv, code=2):
    """Run the command in-process; it must fail with exactly one 'netkit: error:' line."""
    assert main([str(a) for a in argv]) == code
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("netkit: note:")]
    assert len(lines) == 1 and lines[0].startswith("netkit: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def personal(tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(samples_dir() / "personal", folder)
    return folder


# ----------------------------------------------------------------------------- 4: never write over an input


@pytest.mark.parametrize("command", [["summary"], ["ties"], ["holes"], ["brokerage", "--group", "context"],
                                     ["introduce"], ["draw"]])
def test_no_command_writes_over_an_input_file(personal, capsys, command):
    before = fingerprint(personal)
    line = one_line(capsys, [command[0], personal, *command[1:], "-o", personal / "alters.csv"])
    assert "alters.csv: is inside the input folder" in line and "somewhere else" in line
    assert fingerprint(personal) == before


def test_no_output_into_an_input_folder_or_onto_the_input_itself(personal, tmp_path, capsys):
    before = fingerprint(personal)
    assert "is inside the input folder" in one_line(capsys, ["summary", personal, "-o", personal / "new.csv"])
    assert "is one of the inputs" in one_line(capsys, ["holes", personal, "-o", personal])
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\na,b\n")
    assert "is one of the inputs" in one_line(capsys, ["ties", edges, "-o", edges])
    assert edges.read_text() == "source,target\na,b\n" and fingerprint(personal) == before
    assert not (personal / "new.csv").exists()


def test_a_symlink_to_an_input_is_an_input(personal, tmp_path, capsys):
    before = fingerprint(personal)
    (tmp_path / "link.csv").symlink_to(personal / "alters.csv")
    (tmp_path / "folder-link").symlink_to(personal)
    assert "is inside the input folder" in one_line(capsys, ["summary", personal, "-o", tmp_path / "link.csv"])
    assert "is inside the input folder" in one_line(capsys, ["draw", tmp_path / "folder-link", "-o",
                                                             personal / "x.html"])
    assert fingerprint(personal) == before and (tmp_path / "link.csv").is_symlink()


def test_nk_write_never_writes_over_what_the_network_was_read_from(personal, tmp_path):
    net = nk.read(personal)
    before = fingerprint(personal)
    for target, said in [(personal, "is one of the inputs"), (personal / "out", "is inside the input folder"),
                         (personal / "alters.csv", "is inside the input folder"), (tmp_path, "holds the input")]:
        with pytest.raises(NetkitError, match=said):
            nk.write(net, target)
    with pytest.raises(NetkitError, match="is inside the input folder"):
        nk.write(net, personal / "again", format="egor")
    assert fingerprint(personal) == before and sorted(p.name for p in tmp_path.iterdir()) == ["p"]
    (tmp_path / "link").symlink_to(personal)
    with pytest.raises(NetkitError, match="link: is one of the inputs"):
        nk.write(net, tmp_path / "link")
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\na,b\n")
    with pytest.raises(NetkitError, match="edges.csv: is one of the inputs"):
        nk.write(nk.read(edges), edges, format="graphml")
    assert edges.read_text() == "source,target\na,b\n"


def test_nk_write_writes_only_to_a_new_path_a_file_or_a_folder_it_wrote(personal, tmp_path):
    net = nk.read(personal)
    with pytest.raises(NetkitError, match="null: is not a regular file"):
        nk.write(net, "/dev/null")
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(NetkitError, match="notes.txt: is a file; this writes a folder"):
        nk.write(net, tmp_path / "notes.txt")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "alters.csv").write_text("alter_id\nmine\n")  # a table of one's own, no manifest
    for fmt in ("netkit", "egor"):
        with pytest.raises(NetkitError, match="docs: is a folder with other files in it"):
            nk.write(net, tmp_path / "docs", format=fmt)
    (tmp_path / "docs" / "thesis.tex").write_text("mine")
    for fmt in ("netkit", "egor"):
        with pytest.raises(NetkitError, match="docs: is a folder with other files in it"):
            nk.write(net, tmp_path / "docs", format=fmt)
    assert (tmp_path / "docs" / "thesis.tex").read_text() == "mine" and (tmp_path / "notes.txt").read_text() == "mine"
    with pytest.raises(NetkitError, match="a folder; give the name of a new or existing regular file"):
        nk.write(nk.load_sample("karate"), tmp_path / "docs", format="graphml")
    for fmt in ("netkit", "egor"):  # a folder it wrote before (or an empty one) is replaced whole
        (tmp_path / fmt).mkdir()
        nk.write(net, tmp_path / fmt, format=fmt)
        nk.write(net, tmp_path / fmt, format=fmt)
        assert (tmp_path / fmt / "alters.csv").exists()
    ws = nk.Workspace("me", root=tmp_path / "ws")
    ws.add_person("Ana")
    with pytest.raises(NetkitError, match="is a folder with other files in it"):
        nk.write(net, ws.path)  # a participant's answers are never replaced by an export
    assert [p["name"] for p in ws.people().to_dict("records")] == ["Ana"]


def test_a_drawing_is_never_saved_over_its_input_or_a_device(personal, tmp_path):
    drawing = nk.draw(nk.read(personal))
    before = fingerprint(personal)
    for target, said in [(personal / "alters.csv", "is inside the input folder"),
                         (personal / "drawing.html", "is inside the input folder"),
                         ("/dev/null", "is not a regular file"), (tmp_path / "d", "d: is a folder"),
                         (tmp_path, "holds the input")]:
        (tmp_path / "d").mkdir(exist_ok=True)
        with pytest.raises(NetkitError, match=said):
            drawing.save(target)
    assert fingerprint(personal) == before
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\na,b\n")
    with pytest.raises(NetkitError, match="edges.csv: is one of the inputs"):
        nk.draw(nk.read(edges)).save(edges)
    assert edges.read_text() == "source,target\na,b\n"
    assert drawing.save(tmp_path / "fine.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_batch_and_pseudonymize_never_write_into_their_input(personal, capsys):
    before = fingerprint(personal)
    assert "is the input or lies inside it" in one_line(capsys, ["batch", personal, "-o", personal / "out"])
    assert "is the input or lies inside it" in one_line(
        capsys, ["pseudonymize", personal, "-o", personal, "--key", "a-key-of-sixteen-or-more"])
    assert fingerprint(personal) == before


def test_only_a_new_path_or_a_regular_file_is_written(personal, tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    line = one_line(capsys, ["draw", personal, "-o", tmp_path / "pipe"])
    assert "is not a regular file" in line and "a new or existing regular file" in line
    assert "is a folder" in one_line(capsys, ["summary", personal, "-o", tmp_path / "folder"])
    assert "is not a regular file" in one_line(capsys, ["summary", personal, "-o", "/dev/null"])
    assert (tmp_path / "pipe").is_fifo() and os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    existing = tmp_path / "old.csv"
    existing.write_text("old\n")
    assert main(["summary", str(personal), "-o", str(existing)]) == 0  # an earlier output may be replaced
    assert existing.read_text().startswith("ego_id,")


# ----------------------------------------------------------------------------- 5: inputs misread with no error


def test_xlsx_with_a_stale_dimension_reads_every_row(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "people"
    ws.append(["name"])
    for i in range(40):
        ws.append([f"Person {i}"])
    wb.save(tmp_path / "fresh.xlsx")
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(tmp_path / "fresh.xlsx") as zin, zipfile.ZipFile(stale, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            zout.writestr(item, data)
    assert b'<dimension ref="A1"' in zipfile.ZipFile(stale).read("xl/worksheets/sheet1.xml")
    assert nk.read(stale).size == 40


def test_rows_longer_than_the_header_are_refused_not_shifted(tmp_path, capsys):
    path = tmp_path / "edges.csv"
    path.write_text("source,target,weight\na,b,1,x,y\nb,c,2\n")
    line = one_line(capsys, ["ties", path])
    assert "edges.csv: the rows do not line up with the header (line 2 has 5 values, the header 3)" in line
    path.write_text("source,target\na,b,\nb,c\n")  # a trailing separator is not a value
    assert nk.read(path).G.number_of_edges() == 2


def test_bom_then_windows_1252_bytes_read_without_the_bom(tmp_path):
    path = tmp_path / "alters.csv"
    path.write_bytes(b"\xef\xbb\xbfalter_id,name\n1,Jos\xe9\n")
    net = nk.read(tmp_path)
    assert "alter_id" in net.alters.columns and list(net.alters["name"]) == ["José"]
    assert any("Windows-1252" in w for w in net.warnings)


@pytest.mark.parametrize("weight", ["inf", "-inf", "1e400", "-1", "nan", "NaN"])
def test_edge_list_weights_must_be_finite_and_not_negative(tmp_path, capsys, weight):
    path = tmp_path / "edges.csv"
    path.write_text(f"source,target,weight\na,b,1\nb,c,{weight}\n")
    line = one_line(capsys, ["holes", path, "--weight", "weight"])
    assert "edges.csv, line 3, column 'weight'" in line


@pytest.mark.parametrize("weight", ["NaN", "INF", "-2", "1e400"])
def test_graphml_weights_must_be_finite_and_not_negative(tmp_path, capsys, weight):
    path = tmp_path / "g.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="edge" attr.name="weight" '
        'attr.type="double"/><graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>'
        f'<edge source="a" target="b"><data key="w">{weight}</data></edge>'
        '<edge source="b" target="c"><data key="w">1</data></edge></graph></graphml>')
    line = one_line(capsys, ["holes", path, "--weight", "weight"])
    assert "g.graphml: the edge a–b has weight" in line and "finite number, 0 or more" in line


# ----------------------------------------------------------------------------- 8: only regular files, bounded work


def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    result = subprocess.run([sys.executable, "-m", "netkit", "info", str(tmp_path / "pipe.csv")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"netkit: error: {tmp_path / 'pipe.csv'}: is a named pipe, not a regular file; " \
                                    "save the data to a file and read that."


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused(capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert "is a device or socket, not a regular file" in one_line(capsys, ["info", device, "--format", "edgelist"])
    assert "is a device or socket" in one_line(capsys, ["info", device])


def test_the_size_cap_names_itself_and_its_variable(tmp_path, capsys, monkeypatch):
    path = tmp_path / "edges.csv"
    path.write_text("source,target\n" + "a,b\n" * 300_000)
    monkeypatch.setenv("NETKIT_MAX_INPUT_MB", "1")
    line = one_line(capsys, ["info", path])
    assert "more than netkit reads (1 MB)" in line and "NETKIT_MAX_INPUT_MB" in line
    monkeypatch.setenv("NETKIT_MAX_INPUT_MB", "lots")
    assert "NETKIT_MAX_INPUT_MB=lots is not a number of megabytes" in one_line(capsys, ["info", path])
    monkeypatch.setenv("NETKIT_MAX_INPUT_MB", "8")
    assert nk.read(path).G.number_of_edges() == 1


def test_workers_are_capped_at_the_egos_and_cores(personal, capsys):
    assert main(["summary", str(personal), "--workers", "100000"]) == 0
    captured = capsys.readouterr()
    assert "netkit: note: using 1 worker(s), not 100000: there is 1 ego." in captured.err
    assert captured.out.startswith("ego_id,")


# ----------------------------------------------------------------------------- 9: one line, never a traceback


def test_draw_with_no_alters_or_no_egos(tmp_path, capsys):
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "alters.csv").write_text("alter_id,name\n")
    assert "has no alters, so there is nothing to draw" in one_line(capsys, ["draw", tmp_path / "none", "-o",
                                                                              tmp_path / "a.html"])
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "egos.csv").write_text("ego_id\n")
    (tmp_path / "empty" / "alters.csv").write_text("ego_id,alter_id\n")
    assert "has no egos, so there is nothing to draw" in one_line(capsys, ["draw", tmp_path / "empty", "-o",
                                                                            tmp_path / "b.html"])
    assert not (tmp_path / "a.html").exists() and not (tmp_path / "b.html").exists()


def test_a_first_line_over_128_kb(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    path.write_text("a" * 140_000 + ",b\n1,2\n")
    assert "the first line is 136 KB long" in one_line(capsys, ["ties", path])


def test_write_refuses_infinite_and_too_large_numbers(tmp_path):
    G = nx.Graph()
    G.add_edge("a", "b", weight=float("inf"))
    with pytest.raises(NetkitError, match="the edge a–b has weight = inf, which GraphML cannot hold"):
        nk.write(nk.WholeNetwork(G), tmp_path / "g.graphml", format="graphml")
    G["a"]["b"]["weight"] = 2**64
    with pytest.raises(NetkitError, match="below 2\\^63"):
        nk.write(nk.WholeNetwork(G), tmp_path / "g.graphml", format="graphml")
    net = nk.load_sample("personal")
    ties = net.ties.assign(weight=1.0)
    ties.loc[ties.index[0], "weight"] = float("inf")
    import dataclasses

    with pytest.raises(NetkitError, match="the ties table's column 'weight' has inf in row 1"):
        nk.write(dataclasses.replace(net, ties=ties), tmp_path / "out")
    ties.loc[ties.index[0], "weight"] = float(2**64)
    nk.write(dataclasses.replace(net, ties=ties), tmp_path / "out")  # large but finite: written as a float
    assert not list(tmp_path.glob("g.graphml"))


def test_a_deeply_nested_manifest(personal, capsys):
    (personal / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    line = one_line(capsys, ["info", personal])
    assert "manifest.json" in line and ("nested too deeply" in line or "is not valid JSON" in line)


def test_batch_and_read_on_a_symlink_loop(tmp_path, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert "is a symbolic link that leads back to itself" in one_line(capsys, ["batch", tmp_path / "a", "-o",
                                                                            tmp_path / "out"])
    with pytest.raises(NetkitError, match="leads back to itself"):
        nk.read(tmp_path / "a")


def test_control_characters_in_a_cell_are_escaped_in_messages(tmp_path, capsys):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "alters.csv").write_text("alter_id,name\nA,Ann\nB,Bo\n")
    # enough plain rows that the few control bytes do not make the file look binary
    (tmp_path / "p" / "ties.csv").write_text("source,target\n" + "A,B\n" * 200 + "A,\x1b[2J\x1b]0;owned\x07B\u202e\n")
    line = one_line(capsys, ["info", tmp_path / "p"])
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\\x1b[2J\\x1b]0;owned\\x07B\\u202e" in line
    assert printable("a\nb\tc\x00") == "a\\nb\\tc\\x00" and printable("Zoë 李") == "Zoë 李"
    assert "\\x1b" in Origin("f\x1b.csv").at(0, "col\x1b") and "\n" not in str(NetkitError("one\ntwo"))


def test_random_bytes_are_called_binary_not_empty(tmp_path, capsys):
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(256)) * 8 + os.urandom(4096))
    assert "does not look like a text table (it contains binary data)" in one_line(capsys, ["info", path])


def test_utf16_is_read_with_a_bom_and_named_without(tmp_path, capsys):
    with_bom = tmp_path / "with.csv"
    with_bom.write_bytes("source,target\nAnn,Zoë\n".encode("utf-16"))
    assert set(nk.read(with_bom).G) == {"Ann", "Zoë"}
    without = tmp_path / "without.csv"
    without.write_bytes("source,target\nAnn,Zoë\n".encode("utf-16-le"))
    line = one_line(capsys, ["info", without])
    assert "looks like UTF-16 text without a byte-order mark; save it as 'CSV UTF-8'" in line


def test_ids_differing_only_by_a_space(tmp_path, capsys):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "alters.csv").write_text("alter_id,name\nA,Ann\nB,Bo\n")
    (tmp_path / "p" / "ties.csv").write_text("source,target\nA ,B\n")
    net = nk.read(tmp_path / "p")
    assert net.ties[["source", "target"]].values.tolist() == [["A", "B"]]
    assert any("'A ' and 'A' are the same person" in w for w in net.warnings)
    (tmp_path / "p" / "alters.csv").write_text("alter_id,name\nA,Ann\nA ,Anna\n")
    assert "line 3, column 'alter_id'" in one_line(capsys, ["info", tmp_path / "p"])


def test_a_closed_pipe_ends_quietly():
    result = subprocess.run(f"'{sys.executable}' -m netkit summary '{samples_dir() / 'survey'}' | head -1",
                            shell=True, capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("ego_id,") and result.stdout.count("\n") == 1
    assert result.stderr == ""


# ----------------------------------------------------------------------------- fuzz: a result or one line


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CELLS = st.one_of(st.sampled_from(["a", "b", "c", "A ", "1", "-1", "inf", "nan", "1e400", "", '"', '"x,y"', "NA",
                                    "é", "\x1b[31m", "\u202e", "0.5"]),
                   st.text(max_size=6))
_CSVISH = st.lists(st.lists(_CELLS, min_size=1, max_size=5).map(lambda r: st.sampled_from([",", ";", "\t"]).map(
    lambda sep: sep.join(r))), min_size=0, max_size=6).flatmap(lambda rows: st.tuples(*rows) if rows else st.just(()))
_HEADERS = st.sampled_from(["source,target", "source,target,weight", "alter_id,name", "ego_id,alter_id,closeness",
                            "from;to;weight", "name", ""])
_FUZZ = settings(max_examples=int(os.environ.get("NETKIT_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _check_read(path, **kwargs):
    try:
        nk.read(path, **kwargs)
    except NetkitError as exc:
        assert "\n" not in str(exc) and str(exc)


@_FUZZ
@given(data=st.one_of(st.binary(max_size=300),
                      st.tuples(_HEADERS, _CSVISH).map(lambda t: "\n".join([t[0], *t[1]]).encode("utf-8")),
                      st.tuples(_HEADERS, _CSVISH).map(lambda t: "\n".join([t[0], *t[1]]).encode("cp1252", "replace"))))
def test_fuzz_read_gives_a_network_or_one_line(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "edges.csv").write_bytes(data)
        _check_read(tmp / "edges.csv")
        (tmp / "folder").mkdir()
        (tmp / "folder" / "alters.csv").write_bytes(data)
        _check_read(tmp / "folder")
        (tmp / "g.graphml").write_bytes(data)
        _check_read(tmp / "g.graphml")


@_FUZZ
@given(header=_HEADERS, rows=_CSVISH, command=st.sampled_from(["info", "summary", "ties", "holes", "introduce"]))
def test_fuzz_commands_give_a_table_or_one_line(header, rows, command, capsys):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "edges.csv"
        path.write_text("\n".join([header, *rows]), encoding="utf-8")
        before = path.read_bytes()
        code = main([command, str(path), "-o", str(Path(tmp) / "out.csv")] if command != "info" else [command, str(path)])
        err = capsys.readouterr().err
        assert code in (0, 2), err
        assert "Traceback" not in err and all(line.startswith("netkit: ") or line.startswith("Warning")
                                              for line in err.splitlines()), err
        if code == 2:
            assert len([line for line in err.splitlines() if line.startswith("netkit: error:")]) == 1
        assert path.read_bytes() == before


def test_a_long_step_shows_a_still_working_note_and_clears_it(capsys):
    from netkit.chunks import Working

    working = Working("netkit ties: reading x", True, delay=3600)  # the thread stays quiet: notes written here
    with working:
        working.note(0.2)
        working.step("netkit ties: computing")
        working.note(1.4)
    err = capsys.readouterr().err
    assert "\rnetkit ties: reading x… 0 s" in err and "netkit ties: computing… " in err and err.endswith("\r\x1b[K")
    with Working("quick", None, delay=2.0):
        pass
    assert capsys.readouterr().err == ""  # short runs, and no terminal, show nothing


def test_a_key_file_must_be_a_regular_file(personal, tmp_path, capsys):
    os.mkfifo(tmp_path / "key")
    line = one_line(capsys, ["pseudonymize", personal, "-o", tmp_path / "out", "--key-file", tmp_path / "key"])
    assert "key: cannot read the key file (is a named pipe, not a regular file)" in line


def test_class_summary_never_writes_into_an_input_folder(personal, capsys):
    before = fingerprint(personal)
    assert "is inside the input folder" in one_line(capsys, ["class-summary", personal, "-o", personal / "r.csv"])
    assert fingerprint(personal) == before


def test_info_and_warnings_show_control_characters_escaped(tmp_path, capsys):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "alters.csv").write_text("alter_id,na\x1b[31mme\nA,Ann\nB,Bo\n" + "".join(f"x{i},X\n" for i in range(60)))
    (tmp_path / "p" / "ties.csv").write_text("source,target\nA ,B\n")
    assert main(["info", str(tmp_path / "p")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "na\\x1b[31mme" in out and "same person" in out


def test_a_looping_table_in_a_folder_is_named_not_skipped(personal):
    (personal / "ties.csv").unlink()
    (personal / "ties.csv").symlink_to(personal / "ties.csv")
    with pytest.raises(NetkitError, match="ties.csv: is a symbolic link that leads back to itself"):
        nk.read(personal)
