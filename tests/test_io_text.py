"""Reading raw tables: encodings, separators, and the messages for broken files."""
import pytest

import netkit as nk
from netkit.io.text import read_table

NAMES = ["José", "Zoë", "Müller", "O'Brien"]


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_encodings_and_separators_read_the_same_names(tmp_path, encoding, sep):
    text = f"name{sep}context\r\n" + "".join(f"{n}{sep}work\r\n" for n in NAMES)
    warnings = []
    df, origin = read_table(write(tmp_path / "alters.csv", text, encoding), warnings=warnings)
    assert list(df.columns) == ["name", "context"]
    assert list(df["name"]) == NAMES
    assert any("Windows-1252" in w for w in warnings) == (encoding == "cp1252")


def test_na_and_none_are_names_not_missing(tmp_path):
    df, _ = read_table(write(tmp_path / "a.csv", "name,notes\nNA,\nNone,null\n"))
    assert list(df["name"]) == ["NA", "None"]
    assert df["notes"].isna().tolist() == [True, False]


def test_ids_keep_leading_zeros(tmp_path):
    df, _ = read_table(write(tmp_path / "a.csv", "alter_id\n007\n1.50\n"))
    assert list(df["alter_id"]) == ["007", "1.50"]


def test_excel_sep_line_and_trailing_separators(tmp_path):
    df, origin = read_table(write(tmp_path / "a.csv", "sep=;\nname;context;\nAna;work;\n"))
    assert list(df.columns) == ["name", "context"]
    assert origin.line(0) == 3  # the sep= line and the header come first


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x00\x01\x02garbage\x00" * 50, "binary data"),
        (b"PK\x03\x04rest-of-zip", "is a spreadsheet"),
        (b"\x81\x8d\x8f\x90\x9d", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_broken_files_get_one_clear_sentence(tmp_path, content, expected):
    path = tmp_path / "alters.csv"
    path.write_bytes(content)
    with pytest.raises(nk.NetkitError, match=expected) as err:
        read_table(path)
    assert str(path) in str(err.value)


def test_ragged_rows_name_the_line(tmp_path):
    path = write(tmp_path / "a.csv", "name,context\nAna,work\nBen,work,extra,more\n")
    with pytest.raises(nk.NetkitError, match=r"line 3 has 4 values, the header 2.*double quotes"):
        read_table(path)


def test_duplicate_header_is_an_error(tmp_path):
    with pytest.raises(nk.NetkitError, match="'name' appears twice"):
        read_table(write(tmp_path / "a.csv", "name,name\nA,B\n"))


def test_reading_never_changes_the_file(tmp_path):
    path = write(tmp_path / "a.csv", "name\r\nJosé\r\n", "cp1252")
    before = path.read_bytes(), path.stat().st_mtime_ns
    read_table(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
