"""The package's seams, checked: no module reaches into another's private names, no function grows
past about 80 lines of code, and the layers of docs/architecture.md hold (lower layers never import
higher ones)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netkit"
MAX_CODE_LINES = 80

ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"


def documented_layers() -> dict[str, int]:
    """Module -> layer, read from the table in docs/architecture.md (rows ``| 3 | `ties` | ... |``)."""
    rows = re.findall(r"^\| (\d) \| `([\w_]+)` \|", ARCHITECTURE.read_text(encoding="utf-8"), flags=re.M)
    return {module: int(layer) for layer, module in rows}


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def _imports(path: Path):
    """(line, module imported from, names) for every import in the file, relative ones resolved."""
    here = _name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            if node.module is None:  # `from .. import widgets`: each name is a module
                for a in node.names:
                    yield node.lineno, ".".join(base + [a.name]), []
                continue
            yield node.lineno, ".".join(base + [node.module]), [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name, []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("path", modules(), ids=lambda p: _name(p))
def test_no_module_imports_a_private_name_from_another(path):
    own = _name(path)
    bad = [
        f"line {line}: from {target} import {name}"
        for line, target, names in _imports(path)
        for name in names
        if _private(name) and target != own and target.startswith("netkit")
    ]
    assert not bad, f"{own} imports private names: {bad}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: _name(p))
def test_no_function_is_longer_than_about_80_lines(path):
    long = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = 0
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                doc = first.end_lineno - first.lineno + 1
            code = node.end_lineno - node.lineno + 1 - doc
            if code > MAX_CODE_LINES:
                long.append(f"{node.name} ({code} lines of code, line {node.lineno})")
    assert not long, f"{_name(path)}: split these into steps: {long}"


def _layer(module: str) -> int | None:
    top = module.split(".")[1] if module.count(".") else module
    return documented_layers().get(top)


@pytest.mark.parametrize("path", modules(), ids=lambda p: _name(p))
def test_lower_layers_never_import_higher_ones(path):
    own = _name(path)
    mine = _layer(own)
    assert mine is not None, f"{own} is in no layer of docs/architecture.md; add a row for it to the table there"
    higher = [
        f"line {line}: {target}"
        for line, target, _ in _imports(path)
        if target.startswith("netkit.") and (theirs := _layer(target)) is not None and theirs > mine
    ]
    assert not higher, f"{own} (layer {mine}) imports higher layers: {higher}"


def test_the_checks_can_fail(tmp_path):
    """The walkers above find what they look for (so a clean run means something)."""
    sample = tmp_path / "netkit" / "bad.py"
    sample.parent.mkdir()
    sample.write_text("from .model import _secret\n\n\ndef long():\n" + "    x = 1\n" * 90, encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "netkit"
    try:
        imports = list(_imports(sample))
        assert imports == [(1, "netkit.model", ["_secret"])]
        with pytest.raises(AssertionError, match="imports private names"):
            test_no_module_imports_a_private_name_from_another(sample)
        with pytest.raises(AssertionError, match="split these"):
            test_no_function_is_longer_than_about_80_lines(sample)
        low = tmp_path / "netkit" / "errors.py"  # layer 0 reaching up to the forms, both ways of writing it
        low.write_text("from . import widgets\nfrom .widgets import NetworkLab\n", encoding="utf-8")
        assert list(_imports(low)) == [(1, "netkit.widgets", []), (2, "netkit.widgets", ["NetworkLab"])]
        with pytest.raises(AssertionError, match=r"imports higher layers: \['line 1: netkit.widgets', 'line 2"):
            test_lower_layers_never_import_higher_ones(low)
    finally:
        PACKAGE = saved


def test_every_documented_module_exists():
    tops = {p.stem if p.parent == PACKAGE else p.relative_to(PACKAGE).parts[0] for p in modules()}
    assert set(documented_layers()) == tops
