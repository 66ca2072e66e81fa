"""Every Examples section in netkit's docstrings runs and shows what it says."""
import doctest
import importlib
import pkgutil

import pytest

import netkit

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(netkit.__path__, "netkit.") if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) in {name} failed (run python -m doctest -v on it)"
