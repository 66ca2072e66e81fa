"""The guided notebooks hang together: links resolve, every notebook has the same frame, and
every exercise has a scaffold and a collapsed solution from netkit.solutions.

Links are checked in every notebook's markdown and in the docs the notebooks point to
(``docs/facilitator.md`` above all): a relative link must name a file that exists, and a
``#fragment`` into a Markdown file must match one of its headings (GitHub's rule for heading
anchors). Nothing here runs a notebook; tests/test_notebooks.py does that.
"""
from __future__ import annotations

import ast
import importlib
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
FOUND = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
DOCS = [REPO / "docs" / "facilitator.md"]
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.S)


def notebook(path: Path):
    return nbformat.read(path, as_version=4)


def markdown_links(text: str) -> list[str]:
    text = FENCE.sub("", text)
    return [m.group("target") for m in LINK.finditer(text)]


def anchors(md: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered."""
    seen: dict[str, int] = {}
    out = set()
    for line in FENCE.sub("", md.read_text(encoding="utf-8")).splitlines():
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        text = m.group(1).strip().lower()
        slug = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
        slug = slug.replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def broken_links(source: Path, text: str) -> list[str]:
    problems = []
    for target in markdown_links(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto: — the kit is offline
            problems.append(f"{target}: links outside the kit do not work offline")
            continue
        path_part, _, fragment = target.partition("#")
        resolved = (source.parent / unquote(path_part)).resolve() if path_part else source
        if not resolved.exists():
            problems.append(f"{target}: {resolved.relative_to(REPO) if REPO in resolved.parents else resolved} "
                            "does not exist")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            problems.append(f"{target}: no heading '#{fragment}' in {resolved.name}")
    return problems


def test_the_sequence_is_complete():
    names = [p.stem for p in FOUND]
    expected = ["00-start-here", "01-load-a-network", "02-see-your-network", "03-weak-and-strong-ties",
                "04-structural-holes-and-introductions", "05-support-self-assessment",
                "06-reciprocity-and-action-plan", "07-research-many-egos"]
    assert names == expected


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_links_in_the_notebook_resolve(path):
    nb = notebook(path)
    problems = [f"cell {i}: {p}" for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
                for p in broken_links(path, cell.source)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_links_in_the_docs_resolve(doc):
    assert doc.exists(), f"{doc.relative_to(REPO)} is missing"
    problems = broken_links(doc, doc.read_text(encoding="utf-8"))
    assert not problems, f"{doc.name}:\n" + "\n".join(problems)


def test_the_facilitator_guide_names_every_notebook():
    text = (REPO / "docs" / "facilitator.md").read_text(encoding="utf-8")
    missing = [p.name for p in FOUND if f"notebooks/{p.name}" not in text]
    assert not missing, f"docs/facilitator.md does not link {missing}"


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_first_cell_has_title_time_objectives_and_questions(path):
    first = notebook(path).cells[0]
    assert first.cell_type == "markdown"
    number = path.name[:2]
    assert re.match(rf"# {number} · \S", first.source), f"{path.name}: the first line is '# {number} · <title>'"
    assert re.search(r"\*About \d+ minutes", first.source), f"{path.name}: no time estimate (*About N minutes*)"
    assert "**Learning objectives.**" in first.source
    objectives = re.findall(r"^- (\w+)", first.source, flags=re.M)
    assert 3 <= len(objectives) <= 5, f"{path.name}: {len(objectives)} learning objectives; give 3 to 5"
    assert "**Questions this notebook answers:**" in first.source


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_last_cell_has_key_points_and_what_comes_next(path):
    last = notebook(path).cells[-1]
    assert last.cell_type == "markdown" and last.source.startswith("## Key points"), \
        f"{path.name}: the last cell is '## Key points'"
    assert "**Next:**" in last.source
    following = FOUND[FOUND.index(path) + 1:]
    if following:
        assert following[0].name in markdown_links(last.source), \
            f"{path.name}: the key points link the next notebook, {following[0].name}"
    assert any(t.startswith("../docs/") for t in markdown_links(last.source)), \
        f"{path.name}: the key points point to the docs that go deeper"


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_one_parameters_cell_of_plain_assignments(path):
    cells = [c for c in notebook(path).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1 and cells[0].cell_type == "code", f"{path.name}: one code cell tagged 'parameters'"
    tree = ast.parse(cells[0].source)
    for node in tree.body:
        assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant), \
            f"{path.name}: the parameters cell holds only NAME = literal lines (papermill replaces them)"


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_notebooks_define_no_functions_or_classes(path):
    """Logic lives in netkit; a notebook only calls it."""
    for i, cell in enumerate(notebook(path).cells):
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("%"))
        defined = [n.name for n in ast.walk(ast.parse(source)) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        assert not defined, f"{path.name}, cell {i}: defines {defined}; move it into netkit"


def solution_calls(source: str) -> list[tuple[str, str]]:
    """(module, function) for every ``nbNN.function(`` call in a cell."""
    return re.findall(r"\b(nb\d\d|practice)\.(\w+)\(", source)


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_exercises_have_a_scaffold_and_a_collapsed_solution(path):
    cells = notebook(path).cells
    headings = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith("### Exercise")]
    for i in headings:
        code = [j for j in range(i + 1, len(cells)) if cells[j].cell_type == "code"][:2]
        assert len(code) == 2, f"{path.name}, cell {i}: an exercise needs a scaffold and a solution after it"
        scaffold, solution = cells[code[0]], cells[code[1]]
        assert "solution" not in scaffold.metadata.get("tags", []), f"{path.name}, cell {code[0]}: no scaffold"
        assert "solution" in solution.metadata.get("tags", []), f"{path.name}, cell {code[1]}: tag it 'solution'"
        assert solution.metadata.get("jupyter", {}).get("source_hidden") is True, \
            f"{path.name}, cell {code[1]}: the solution is collapsed (metadata jupyter.source_hidden)"
        assert f"from netkit.solutions import nb{path.name[:2]}" in solution.source, \
            f"{path.name}, cell {code[1]}: the solution comes from netkit.solutions.nb{path.name[:2]}"
        calls = solution_calls(solution.source)
        assert calls, f"{path.name}, cell {code[1]}: the solution calls a netkit.solutions function"
        for module, function in calls:
            assert hasattr(importlib.import_module(f"netkit.solutions.{module}"), function), \
                f"{path.name}: netkit.solutions.{module} has no {function}"
    solutions = [i for i, c in enumerate(cells) if "solution" in c.metadata.get("tags", [])]
    paired = {[j for j in range(i + 1, len(cells)) if cells[j].cell_type == "code"][1] for i in headings}
    assert set(solutions) == paired, f"{path.name}: solution cells {sorted(set(solutions) - paired)} have no exercise"


def test_every_solution_function_is_shown_in_its_notebook():
    by_number = {p.name[:2]: p for p in FOUND}
    shown = {(m, f) for p in FOUND for c in notebook(p).cells if "solution" in c.metadata.get("tags", [])
             for m, f in solution_calls(c.source)}
    missing = []
    for name in importlib.import_module("netkit.solutions").__all__:
        if not name.startswith("nb"):
            continue
        assert name[2:] in by_number, f"netkit.solutions.{name} has no notebook {name[2:]}-*.ipynb"
        module = importlib.import_module(f"netkit.solutions.{name}")
        missing += [f"{name}.{f}" for f in module.__all__ if (name, f) not in shown]
    assert not missing, f"solutions no notebook shows: {missing}"


@pytest.mark.slow
def test_research_notebook_runs_on_another_collection_with_papermill(tmp_path, jupyter_env):
    """07 is parameterised: papermill runs it on egor's three files with new values, and every
    result goes to the OUTPUT folder it was given."""
    import papermill as pm

    out = tmp_path / "07-on-egor.ipynb"
    results = tmp_path / "results"
    pm.execute_notebook(
        str(NOTEBOOKS / "07-research-many-egos.ipynb"), str(out), kernel_name="python3", cwd=str(NOTEBOOKS),
        progress_bar=False, log_output=False,
        parameters={"DATA": str(REPO / "tests" / "fixtures" / "egor"), "FORMAT": "egor", "BY": "sex",
                    "OUTPUT": str(results)},
    )
    nb = notebook(out)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Collection of 3 ego networks" in printed           # tests/fixtures/README.md: egos 1, 2, 3
    assert "Byte-identical tables on a rerun: True" in printed
    assert "Every measure is unchanged after pseudonymisation: True" in printed
    assert sorted(p.name for p in (results / "run").iterdir()) == [
        "alter_table.csv", "manifest.json", "summary.csv", "tie_table.csv"]
    assert sorted(p.name for p in (results / "egor").iterdir()) == ["aaties.csv", "alters.csv", "egos.csv"]
