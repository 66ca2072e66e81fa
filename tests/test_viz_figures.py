"""Static figures: matplotlib figures made without pyplot, saved as PNG and SVG, headless."""
from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

import netkit as nk
from netkit.viz import granovetter_figure, reciprocity_figure, support_coverage_figure, tie_strength_figure

SUPPORT = pd.DataFrame({
    "person": ["Ana Real", "Ben Real", "Ana Real", "Cleo Real", None],
    "kind": ["instrumental", "instrumental", "psychosocial", "Psychosocial", "psychosocial"],
    "item": ["career advice", "industry insight", "confiding", "confiding", "known through phases of life"],
})


@pytest.fixture(scope="module")
def personal():
    return nk.load_sample("personal")


def saves(fig) -> None:
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt)
        assert buf.getvalue().startswith(magic)


def texts(fig) -> str:
    ax = fig.axes[0]
    parts = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() + ax.texts]
    return " ".join(parts + [ax.get_title()])


def test_a_figure_shows_as_a_picture_in_a_fresh_kernel_without_pyplot():
    # A fresh kernel has no inline backend until pyplot is imported; the figure must still show.
    code = (
        "import sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import pandas as pd\n"
        "from netkit.viz import support_coverage_figure\n"
        "fig = support_coverage_figure(pd.DataFrame({'person': ['Ana'], 'kind': ['instrumental'], "
        "'item': ['career advice']}))\n"
        "data, _ = shell.display_formatter.format(fig)\n"
        "print(sorted(data), data.get('image/png', b'')[:4] == b'\\x89PNG', 'matplotlib.pyplot' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == "['image/png', 'text/plain'] True False", out.stdout


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # the sample has an emoji in a name
def test_figures_are_plain_matplotlib_figures_outside_pyplot(personal):
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    before = plt.get_fignums()
    figs = [tie_strength_figure(personal), granovetter_figure(personal), support_coverage_figure(SUPPORT),
            reciprocity_figure(personal)]
    assert all(isinstance(f, Figure) for f in figs)
    assert plt.get_fignums() == before  # nothing left in pyplot's global list
    for f in figs:
        saves(f)


def test_tie_strength_by_context_orders_groups_by_median(personal):
    fig = tie_strength_figure(personal)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert set(labels) == set(personal.alters["context"])
    from netkit.ties import tie_table

    t = tie_table(personal).query("kind == 'ego-alter'").merge(
        personal.alters[["alter_id", "context"]], left_on="target", right_on="alter_id")
    medians = t.groupby("context")["strength"].median()
    assert labels == sorted(medians.index, key=lambda c: -medians[c])
    with pytest.raises(nk.NetkitError, match="by='nope'"):
        tie_strength_figure(personal, by="nope")


def test_granovetter_figure_plots_every_tie_with_strength_and_overlap(personal):
    from netkit.ties import tie_table

    table = tie_table(personal, weight="weight")
    fig = granovetter_figure(personal, ties=table)
    points = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert points == len(table[["strength", "overlap"]].dropna())
    saves(granovetter_figure(nk.load_sample("karate")))  # strengths unknown: an empty-state figure


def test_support_coverage_marks_gaps_and_hides_names_with_pseudonyms():
    fig = support_coverage_figure(SUPPORT)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["Ana Real", "Ben Real", "Cleo Real"]
    assert "gap: nobody yet" in texts(fig)
    hidden = texts(support_coverage_figure(SUPPORT, pseudonyms=True))
    assert "Person 1" in hidden and not any(n in hidden for n in ("Ana", "Ben", "Cleo"))
    with pytest.raises(nk.NetkitError, match="'friendly'"):
        support_coverage_figure(SUPPORT.assign(kind="friendly"))


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_reciprocity_balance_from_a_table_and_from_a_network(personal):
    table = pd.DataFrame({"name": ["Giver", "Taker", "Even"], "given": [3, 0, 2], "received": [1, 2, 2]})
    fig = reciprocity_figure(table)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Giver", "Even", "Taker"]
    assert {"+0.50", "+0.00", "-1.00"} <= set(t.get_text() for t in fig.axes[0].texts)
    assert "Giver" not in texts(reciprocity_figure(table, pseudonyms=True))
    fig = reciprocity_figure(personal)
    assert len(fig.axes[0].get_yticklabels()) == int(((personal.alters["support_given"] + personal.alters["support_received"]) > 0).sum())
    with pytest.raises(nk.NetkitError, match="'received'"):
        reciprocity_figure(table.drop(columns="received"))


def test_an_empty_support_table_says_so_without_a_warning(recwarn):
    from netkit.viz import support_coverage_figure

    fig = support_coverage_figure(pd.DataFrame(columns=["person", "kind", "item"]))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["No support answers yet: answer the questions in the '4 Support' tab (notebook 05)."]
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]
