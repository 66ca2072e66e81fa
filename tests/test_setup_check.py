"""The start notebook's set-up check."""
import sys

import netkit as nk


def test_everything_present_here():
    table = nk.check_setup()
    assert table["ok"].all(), table[~table["ok"]]
    assert {"pyvis", "ipywidgets", "networkx", "samples"} <= set(table["component"])


def test_a_missing_component_is_reported_not_raised(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyvis", None)  # makes `import pyvis` raise ImportError
    table = nk.check_setup().set_index("component")
    assert not table.loc["pyvis", "ok"] and "make lab" in table.loc["pyvis", "version"]
    assert table.loc["networkx", "ok"]
