"""describe(): what was read, in words, with the warnings from reading."""
import netkit as nk

FIX = __import__("pathlib").Path(__file__).parent / "fixtures"


def test_describe_ego_network():
    text = nk.describe(nk.load_sample("personal"))
    assert text.splitlines()[0] == "Ego network of 'You' (ego id 'you'): 40 alters, 69 ties among them."
    assert "closeness" in text.splitlines()[1] and "netkit folder" in text


def test_describe_collection_and_warnings():
    text = nk.describe(nk.read(FIX / "egor"))
    # fixture README: 3 egos with 4, 3 and 2 alters; 6 distinct alter–alter ties in all
    assert text.splitlines()[0] == "Collection of 3 ego networks: 9 alters, 6 alter–alter ties; alters per ego 2–4 (median 3)."
    assert "Warning: " in text and "listed more than once" in text


def test_describe_cp1252_file_says_so():
    assert "read as Windows-1252" in nk.describe(nk.read(FIX / "windows" / "cp1252"))
