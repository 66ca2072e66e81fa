"""Every Examples section in netkit's docstrings runs and shows what it says; the measure modules
keep the house rules (no private names imported from another module, functions of at most 80
lines of code besides their docstring)."""
import ast
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import netkit

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(netkit.__path__, "netkit.") if not m.name.endswith("__main__")
)
MEASURES = ["ties", "holes", "brokers", "batch", "chunks", "communities", "introductions", "frame", "__init__"]


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) in {name} failed (run python -m doctest -v on it)"


@pytest.mark.parametrize("name", MEASURES)
def test_house_rules(name):
    path = Path(netkit.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            private = [a.name for a in node.names if a.name.startswith("_")]
            assert not private, f"{name} imports private {private} from .{node.module}; give them public names"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            docstring = body[0] if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str) else None
            lines = node.end_lineno - node.lineno + 1 - (docstring.end_lineno - docstring.lineno + 1 if docstring else 0)
            assert lines <= 80, f"{name}.{node.name} is {lines} lines long besides its docstring (at most 80)"
