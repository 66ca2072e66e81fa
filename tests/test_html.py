"""One way to build HTML: templates with shared partials, autoescaped, offline; shared wording."""
from __future__ import annotations

import ast
import fnmatch
import html
import re
from pathlib import Path

import pandas as pd
import pytest

import netkit.html
from netkit.classroom import ClassSummary
from netkit.plan import personal_report
from netkit.store import Workspace
from netkit.words import number, plural

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

PACKAGE = Path(netkit.html.__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
TODAY = "2026-06-30"
HOSTILE = "<script>alert(\"x's\")</script> & \u202eevil\u202c 😀 </style>"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    ws = Workspace("html", root=tmp_path_factory.mktemp("html"))
    a = ws.add_person(HOSTILE, closeness=4, frequency=5, context=HOSTILE)
    b = ws.add_person("Kofi", closeness=3, frequency=4)
    ws.add_favor(a, kind="instrumental", direction="received", date="2026-06-20", note=HOSTILE)
    ws.add_favor(b, kind="instrumental", direction="given", date="2026-06-21")
    ws.set_supporter("known_through_phases", a)
    return personal_report(ws.network(), today=TODAY, title=HOSTILE)


@pytest.fixture(scope="module")
def summary() -> str:
    table = pd.DataFrame([{"measure": "size", "label": HOSTILE, "n": 6, "mean": 12.3456, "sd": 2.0, "p25": 9.0,
                           "median": 12.0, "p75": 14.5}])
    bars = pd.DataFrame([{"measure": "size", "bin": HOSTILE, "count": 6}])
    return ClassSummary(participants=6, min_group=5, table=table, histograms=bars, notes=[HOSTILE]).to_html()


def head(page: str) -> str:
    return page.split("<title>", 1)[0]


def test_both_pages_are_rendered_from_templates(monkeypatch, tmp_path):
    used = []
    real = netkit.html.render

    def spy(name, /, **context):
        used.append(name)
        return real(name, **context)

    monkeypatch.setattr(netkit.html, "render", spy)
    ws = Workspace("t", root=tmp_path)
    ws.add_person("Ana", closeness=3)
    personal_report(ws.network(), today=TODAY)
    ClassSummary(participants=5, min_group=5, table=pd.DataFrame(columns=["measure", "label", "n", "mean", "sd", "p25",
                 "median", "p75"]), histograms=pd.DataFrame(columns=["measure", "bin", "count"])).to_html()
    assert used == ["report.html.j2", "class_summary.html.j2"]


def test_both_pages_share_the_head_partial(report, summary):
    for page in (report, summary):
        assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
        assert f'<meta http-equiv="Content-Security-Policy" content="{netkit.html.STRICT_CSP}' in page
        assert "@page { size: A4" in page and "@media print" in page  # the shared print style
    assert head(report) == head(summary).replace(netkit.html.STRICT_CSP,
                                                 netkit.html.content_security_policy(frames=True))
    assert "script-src" not in summary  # the class summary runs nothing


def test_hostile_text_is_text_in_both_pages(report, summary):
    outside_frame = re.sub(r'srcdoc="[^"]*"', "", report)
    for page in (outside_frame, summary):
        assert HOSTILE not in page and "<script>" not in page
        escaped = "&lt;script&gt;alert(&#34;x&#39;s&#34;)&lt;/script&gt; &amp; \u202eevil\u202c 😀 &lt;/style&gt;"
        assert escaped in page
        assert page.count("</style>") == page.count("<style>")  # no name closed a style sheet
    assert f"<title>{html.escape(HOSTILE, quote=True).replace('&quot;', '&#34;').replace('&#x27;', '&#39;')}" \
           f"</title>" in report
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', report).group(1))
    assert HOSTILE not in inner.split("<script", 1)[0]


def test_pages_and_templates_load_nothing_from_elsewhere(report, summary):
    # the drawing in the report's frame is checked in test_plan; here, what the templates add
    texts = [re.sub(r'srcdoc="[^"]*"', "", report), summary]
    texts += [p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*") if p.is_file()]
    for text in texts:
        assert not re.search(r"https?://|(?:src|href)\s*=\s*[\"']?//|@import|url\(", text, re.I)


def test_one_function_turns_a_figure_into_png():
    sources = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if "solutions" not in p.parts}
    def saves(source: str) -> int:
        calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)]
        return sum(getattr(c.func, "attr", getattr(c.func, "id", "")) in ("savefig", "print_figure", "print_png")
                   for c in calls)

    savers = {p.relative_to(PACKAGE).as_posix(): saves(s) for p, s in sources.items()}
    assert {p: n for p, n in savers.items() if n} == {"viz/figures.py": 1}
    encoders = [p.relative_to(PACKAGE).as_posix() for p, s in sources.items() if "image/png;base64" in s]
    assert encoders == ["html.py"]
    from netkit.viz.figures import figure_png, reciprocity_figure

    png = figure_png(reciprocity_figure(pd.DataFrame({"person": ["A"], "given": [1], "received": [0]})), dpi=40)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_templates_are_package_data():
    data = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["netkit"]
    for path in TEMPLATES.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            name = path.relative_to(PACKAGE).as_posix()
            assert any(fnmatch.fnmatch(name, p) and name.count("/") == p.count("/") for p in patterns), name


def test_one_environment_autoescapes_everything():
    env = netkit.html.environment()
    assert env is netkit.html.environment()
    assert env.autoescape is True
    assert netkit.html.render("partials/head.html.j2", title="<b>").count("&lt;b&gt;") == 1
    with pytest.raises(ValueError, match="must not contain"):
        netkit.html.render("partials/head.html.j2", title="t", extra_css="</style><script>")
    with pytest.raises(ValueError, match="never needs"):
        netkit.html.render("partials/head.html.j2", title="t", csp='default-src "x"')


def test_the_table_partial_aligns_numbers_and_escapes():
    out = netkit.html.render_table(pd.DataFrame({"who": ["<i>A</i>", None], "n": [1, 2], "share": [0.5, float("nan")]}),
                                   caption="<caption>")
    assert "<caption>&lt;caption&gt;</caption>" in out
    assert '<th scope="col" class="num">n</th>' in out and '<td class="num">0.50</td>' in out
    assert "<td>&lt;i&gt;A&lt;/i&gt;</td>" in out
    assert '<tr><td></td><td class="num">2</td><td class="num"></td></tr>' in out


@pytest.mark.parametrize("n, singular, many, said", [
    (0, "person", "people", "0 people"), (1, "person", "people", "1 person"), (2, "person", "people", "2 people"),
    (1.0, "favor", None, "1 favor"), (3, "favor", None, "3 favors"), (12.3456, "person", "people", "12.3 people"),
    (4.0, "person", "people", "4 people"), (0.456, "person", "people", "0.456 people"),
])
def test_plural(n, singular, many, said):
    assert plural(n, singular, many) == said


def test_numbers_for_people_have_three_figures_at_most():
    assert [number(v) for v in (2, 2.5, 9.0, 11.25, 123.456, 2345.6)] == ["2", "2.5", "9", "11.2", "123", "2,346"]


OWNED = ["plan.py", "classroom.py", "ledger.py", "support.py", "html.py", "words.py", "viz/figures.py",
         *[f"widgets/{p.name}" for p in (PACKAGE / "widgets").glob("*.py")]]


@pytest.mark.parametrize("name", OWNED)
def test_functions_are_short_and_imports_public(name):
    source = (PACKAGE / name).read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = node.body[0] if ast.get_docstring(node) is not None else None
            skip = set(range(doc.lineno, doc.end_lineno + 1)) if doc else set()
            code = [i for i in range(node.lineno, node.end_lineno + 1)
                    if i not in skip and lines[i - 1].strip() and not lines[i - 1].strip().startswith("#")]
            assert len(code) <= 80, f"{name}: {node.name} has {len(code)} lines of code"
        if isinstance(node, ast.ImportFrom):
            private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
            assert not private, f"{name} imports private {private} from {node.module}"
