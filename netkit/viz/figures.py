"""Static figures (seaborn on matplotlib): tie strength, the Granovetter check, support, reciprocity.

Each function returns a ``matplotlib.figure.Figure`` made without pyplot, so it works headless
(no display, no global figure list), shows itself in a notebook, and saves as PNG or SVG with
``fig.savefig("name.png")``. matplotlib and seaborn are imported only when a figure is made.
"""
from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Mapping

import numpy as np
import pandas as pd

from ..errors import NetkitError

if TYPE_CHECKING:  # pragma: no cover - matplotlib is imported only when a figure is made
    from matplotlib.figure import Figure

__all__ = ["tie_strength_figure", "granovetter_figure", "support_coverage_figure", "support_strength_figure",
           "reciprocity_figure", "figure_png"]

_KIND_COLOURS = {"instrumental": "#0072B2", "psychosocial": "#CC79A7", "other": "#999999"}  # Okabe–Ito blue,
# reddish purple; grey for items that are neither
_TIE_COLOURS = {"weak": "#56B4E9", "strong": "#D55E00"}  # Okabe–Ito sky blue, vermillion
_GIVEN, _RECEIVED = "#009E73", "#E69F00"  # Okabe–Ito bluish green, orange


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    _show_in_notebooks()
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def figure_png(fig: "Figure", *, dpi: float | None = None) -> bytes:
    """A matplotlib figure as PNG bytes, trimmed to what is drawn: the one way netkit makes a picture.

    Used for the notebook view of a figure, the personal report and the forms, so a figure
    looks the same everywhere. The figure is left open (netkit's figures are
    not in pyplot's list, so there is nothing to close).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dpi : float, optional
        Dots per inch; default the figure's own.

    Returns
    -------
    bytes
        A PNG file's content; see :func:`netkit.html.png_data_uri` to put it in a page.

    Examples
    --------
    >>> import pandas as pd
    >>> from netkit.viz.figures import figure_png, reciprocity_figure
    >>> png = figure_png(reciprocity_figure(pd.DataFrame({"person": ["A"], "given": [1], "received": [2]})), dpi=50)
    >>> png[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi if dpi is not None else "figure", bbox_inches="tight")
    return buffer.getvalue()


def _show_in_notebooks() -> None:
    """Let a figure show itself as a picture in a running IPython kernel, without pyplot.

    A ``Figure`` made outside pyplot has no picture form until matplotlib's inline backend is
    switched on (``%matplotlib inline`` or importing pyplot), so a fresh kernel printed
    ``<Figure size ... with 1 Axes>``. This registers a PNG formatter for figures with the running
    shell, unless one is registered already (the inline backend's own takes precedence when active).
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the lab extra
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters.get("image/png")
    if formatter is None:
        return
    try:
        formatter.lookup_by_type(Figure)
    except KeyError:
        formatter.for_type(Figure, figure_png)


def _stand_ins(people: list, pseudonyms) -> dict:
    """``pseudonyms=True``: Person 1, 2, … in order of first appearance; a mapping: used as given."""
    if not pseudonyms:
        return {p: str(p) for p in people}
    if isinstance(pseudonyms, Mapping):
        return {p: str(pseudonyms.get(p, pseudonyms.get(str(p), "Person"))) for p in people}
    out: dict = {}
    for p in people:
        out.setdefault(p, f"Person {len(out) + 1}")
    return out


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _ego_ties(net, ties: pd.DataFrame | None) -> pd.DataFrame:
    from ..frame import as_network
    from ..model import EgoNetwork

    net = as_network(net)
    if not isinstance(net, EgoNetwork):
        raise NetkitError("this figure is about one ego network; pass one (for a collection: collection[ego_id]).")
    if ties is None:
        from ..ties import tie_table

        ties = tie_table(net, weight="weight" if "weight" in net.ties.columns else None)
    return net, ties


def tie_strength_figure(net, *, by: str = "context", ties: pd.DataFrame | None = None,
                        threshold: float = 0.5) -> "Figure":
    """Tie strength to each contact, grouped by context (or another alter column).

    Parameters
    ----------
    net : EgoNetwork
    by : str
        Alter column to group by (default ``"context"``).
    ties : DataFrame, optional
        A :func:`netkit.tie_table` to use (computed when not given).
    threshold : float
        Where weak turns strong; drawn as a dashed line.

    Returns
    -------
    matplotlib.figure.Figure
        One box per group with every contact as a dot; groups ordered by median strength.

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.viz import tie_strength_figure
    >>> fig = tie_strength_figure(nk.load_sample("personal"))
    >>> fig.axes[0].get_xlabel()
    'tie strength (0 = weakest, 1 = strongest)'
    """
    import seaborn as sns

    net, ties = _ego_ties(net, ties)
    spokes = ties[ties["kind"] == "ego-alter"][["target", "strength"]].rename(columns={"target": "alter_id"})
    if by not in net.alters.columns:
        raise NetkitError(f"by={by!r} is not a column of the alters; choose one of {', '.join(map(repr, net.alters.columns))}.")
    groups = net.alters[["alter_id", by]].assign(alter_id=lambda d: d["alter_id"].astype(str))
    data = spokes.assign(alter_id=spokes["alter_id"].astype(str)).merge(groups, on="alter_id", how="left")
    data[by] = data[by].map(lambda v: "not given" if pd.isna(v) or str(v).strip() == "" else _clip(v))
    data = data.dropna(subset=["strength"])
    fig, ax = _figure(7, max(2.5, 0.45 * data[by].nunique() + 1.2))
    if data.empty:
        ax.text(0.5, 0.5, "no tie strengths to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    order = data.groupby(by)["strength"].median().sort_values(ascending=False, kind="stable").index.tolist()
    with warnings.catch_warnings():  # seaborn 0.13 passes matplotlib 3.11 a deprecated argument
        warnings.filterwarnings("ignore", message=".*vert: bool was deprecated.*")
        sns.boxplot(data=data, x="strength", y=by, order=order, ax=ax, color="#DDDDDD", fliersize=0, width=0.6)
    sns.stripplot(data=data, x="strength", y=by, order=order, ax=ax, color="#332288", size=5, jitter=0.15)
    ax.axvline(threshold, color="#777777", linestyle="--", linewidth=1)
    ax.set_xlim(-0.03, 1.03)
    ax.set_xlabel("tie strength (0 = weakest, 1 = strongest)")
    ax.set_ylabel(by)
    ax.set_title("How strong are your ties, by " + by)
    return fig


def granovetter_figure(net, *, ties: pd.DataFrame | None = None, bins: int = 5) -> "Figure":
    """The Granovetter check: neighbourhood overlap against tie strength.

    Granovetter (1973) argued, and Onnela et al. (2007) measured, that the stronger a tie, the
    more the two people's other contacts overlap; weak ties are the bridges. Each dot is a
    tie; the line is the mean overlap within equal-width strength bins.

    Parameters
    ----------
    net : EgoNetwork, WholeNetwork or networkx graph
    ties : DataFrame, optional
        A :func:`netkit.tie_table` (computed when not given, using a ``weight`` column for
        alter–alter ties where there is one).
    bins : int
        Number of strength bins for the mean line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import seaborn as sns

    from ..frame import as_network
    from ..model import WholeNetwork

    net = as_network(net)
    if ties is None:
        from ..ties import tie_table

        if isinstance(net, WholeNetwork):
            has = any("weight" in d for _, _, d in net.G.edges(data=True))
        else:
            has = "weight" in net.ties.columns
        ties = tie_table(net, weight="weight" if has else None)
    data = ties[["kind", "strength", "overlap"]].dropna()
    fig, ax = _figure(6.5, 4.5)
    if data.empty:
        ax.text(0.5, 0.5, "no ties with both a strength and an overlap", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    palette = {"ego-alter": "#88CCEE", "alter-alter": "#332288", "edge": "#332288"}
    sns.scatterplot(data=data, x="strength", y="overlap", hue="kind", palette=palette, ax=ax, alpha=0.7,
                    edgecolor="none", s=30)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(data["strength"], edges) - 1, 0, bins - 1)
    means = data.groupby(which)["overlap"].mean()
    centres = (edges[:-1] + edges[1:]) / 2
    ax.plot(centres[means.index], means.to_numpy(), color="#D55E00", marker="o", linewidth=2, label="mean overlap")
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("tie strength")
    ax.set_ylabel("overlap (share of contacts in common)")
    ax.set_title("Do weak ties bridge? (low overlap = bridge)")
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    return fig


def support_coverage_figure(support: pd.DataFrame, *, pseudonyms: bool | Mapping = False) -> "Figure":
    """Who gives which kind of support: one row per support item, one column per person.

    Parameters
    ----------
    support : DataFrame
        One row per (person, item) with columns ``person`` (who gives it), ``kind``
        (``"instrumental"`` or ``"psychosocial"``) and ``item`` (what they give, e.g. "career
        advice"). A row with an empty ``person`` lists an item nobody gives yet (a gap).
    pseudonyms : bool or mapping
        ``True`` shows Person 1, 2, … (in order of first appearance); a mapping gives each
        person's stand-in name.

    Returns
    -------
    matplotlib.figure.Figure
        A grid: items (grouped by kind) down, people across; a filled cell means that person
        gives that item. Items nobody gives are marked "gap". An empty table gives a figure
        that says no support question is answered yet, and where to answer.

    Examples
    --------
    >>> import pandas as pd
    >>> from netkit.viz import support_coverage_figure
    >>> table = pd.DataFrame({"person": ["Ana", "Ben", "Ana", None],
    ...                       "kind": ["instrumental", "instrumental", "psychosocial", "psychosocial"],
    ...                       "item": ["career advice", "career advice", "confiding", "encouragement"]})
    >>> fig = support_coverage_figure(table)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['Ana', 'Ben']
    """
    from matplotlib.colors import ListedColormap

    for col in ("person", "kind", "item"):
        if col not in support.columns:
            raise NetkitError(f"the support table lacks the column '{col}'; it needs person, kind and item.")
    table = support.copy()
    kinds = table["kind"].astype(str).str.strip().str.lower()
    bad = ~kinds.isin(list(_KIND_COLOURS))
    if bad.any():
        raise NetkitError(f"support kind {table['kind'][bad].iloc[0]!r} (row {int(np.flatnonzero(bad)[0]) + 1}) is not "
                          "'instrumental', 'psychosocial' or 'other'.")
    table["kind"] = kinds
    if table.empty:  # nothing answered yet: say so in the figure itself, not with an empty grid
        fig, ax = _figure(6, 1.2)
        ax.axis("off")
        ax.text(0.5, 0.5, "No support answers yet: answer the questions in the '4 Support' tab (notebook 05).",
                ha="center", va="center", fontsize=10, wrap=True)
        return fig
    table["item"] = table["item"].map(lambda v: _clip(v, 50))
    has_person = table["person"].map(lambda v: not (pd.isna(v) or str(v).strip() == ""))
    people = list(dict.fromkeys(table.loc[has_person, "person"]))
    shown = _stand_ins(people, pseudonyms)
    items = table[["kind", "item"]].drop_duplicates()
    items = items.assign(k=items["kind"].map({"instrumental": 0, "psychosocial": 1, "other": 2})).sort_values("k", kind="stable")
    rows = list(zip(items["kind"], items["item"]))
    grid = np.zeros((len(rows), max(len(people), 1)))
    col_of = {p: j for j, p in enumerate(people)}
    row_of = {r: i for i, r in enumerate(rows)}
    for r in table[has_person].itertuples(index=False):
        i = row_of[(r.kind, r.item)]
        grid[i, col_of[r.person]] = {"instrumental": 1, "psychosocial": 2, "other": 3}[r.kind]
    fig, ax = _figure(max(4.5, 0.55 * len(people) + 3.5), max(2.5, 0.42 * len(rows) + 1.4))
    cmap = ListedColormap(["#F4F4F4", _KIND_COLOURS["instrumental"], _KIND_COLOURS["psychosocial"], _KIND_COLOURS["other"]])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=3, aspect="auto")
    ax.set_xticks(range(len(people)), [_clip(shown[p], 24) for p in people], rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), [f"{item}  ({kind})" for kind, item in rows])
    for i, row in enumerate(grid):
        if not row.any():
            ax.text(-0.4 if people else 0, i, "gap: nobody yet", va="center", ha="left", color="#B00000", fontsize=9)
    ax.set_xticks(np.arange(-0.5, grid.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, grid.shape[0]), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.set_title("Who gives which support (blue: instrumental, pink: psychosocial"
                 + (", grey: other)" if (table["kind"] == "other").any() else ")"))
    return fig


def support_strength_figure(result) -> "Figure":
    """Weak and strong ties side by side: the share of each who give each kind of support.

    Parameters
    ----------
    result : DataFrame or EgoCollection
        The table of :func:`netkit.support_by_strength` (or a collection, for which it is
        computed with its defaults).

    Returns
    -------
    matplotlib.figure.Figure
        One pair of bars per kind (weak, strong ties), the odds ratio with its confidence
        interval and the number of egos above each pair. A table with no coded alters gives a
        figure that says so.

    Examples
    --------
    >>> import pandas as pd
    >>> from netkit.viz import support_strength_figure
    >>> t = pd.DataFrame({"kind": ["instrumental"], "weak_giving": [0.4], "strong_giving": [0.25],
    ...                   "odds_ratio": [0.5], "ci_low": [0.4], "ci_high": [0.6], "egos": [195]})
    >>> [float(p.get_height()) for p in support_strength_figure(t).axes[0].patches][:2]
    [0.4, 0.25]
    """
    import seaborn as sns

    if not isinstance(result, pd.DataFrame):
        from ..support_data import support_by_strength

        result = support_by_strength(result)
    for col in ("kind", "weak_giving", "strong_giving"):
        if col not in result.columns:
            raise NetkitError(f"the table lacks the column '{col}'; pass the table of nk.support_by_strength.")
    long = result.melt(id_vars="kind", value_vars=["weak_giving", "strong_giving"], var_name="tie", value_name="share")
    long["tie"] = long["tie"].str.replace("_giving", "", regex=False)
    long = long.dropna(subset=["share"])
    fig, ax = _figure(max(4.5, 2.2 * len(result) + 1.5), 4.2)
    if long.empty:
        ax.text(0.5, 0.5, "No support coded per alter with a tie strength yet: nothing to compare.",
                ha="center", va="center", transform=ax.transAxes, wrap=True)
        ax.set_axis_off()
        return fig
    sns.barplot(data=long, x="kind", y="share", hue="tie", hue_order=["weak", "strong"], palette=_TIE_COLOURS, ax=ax,
                order=list(result["kind"]))
    for i, r in enumerate(result.to_dict("records")):
        top = np.nanmax([r["weak_giving"], r["strong_giving"]])
        if "odds_ratio" in r and np.isfinite(r.get("odds_ratio", np.nan)):
            text = f"OR {r['odds_ratio']:.2f} ({r['ci_low']:.2f}–{r['ci_high']:.2f})"
        else:
            text = "no estimate"
        if "egos" in r:
            text += f"\n{int(r['egos'])} egos"
        ax.text(i, (top if np.isfinite(top) else 0) + 0.03, text, ha="center", va="bottom", fontsize=8)
    ax.set_ylim(0, 1.15)
    ax.set_xlabel("kind of support")
    ax.set_ylabel("share of ties who give it")
    ax.set_title("Who gives which support: weak and strong ties (OR: strong vs weak, ego as cluster)")
    ax.legend(title="tie", loc="upper right", frameon=False, fontsize=9)
    return fig


def reciprocity_figure(table, *, pseudonyms: bool | Mapping = False) -> "Figure":
    """Reciprocity balance: favours given and received, person by person.

    Parameters
    ----------
    table : DataFrame or EgoNetwork
        One row per person with ``given`` and ``received`` counts and a ``person`` column (or
        ``name``, or ``alter_id``) — e.g. :func:`netkit.ledger.favor_balance`'s table. An ego
        network uses its ``support_given`` / ``support_received`` columns (0 or 1 each).
    pseudonyms : bool or mapping
        As in :func:`support_coverage_figure`.

    Returns
    -------
    matplotlib.figure.Figure
        Given to the right, received to the left, people ordered from most giving to most
        receiving; the balance (G − R)/(G + R) is written at each bar's end.

    Examples
    --------
    >>> import pandas as pd
    >>> from netkit.viz import reciprocity_figure
    >>> fig = reciprocity_figure(pd.DataFrame({"person": ["A", "B"], "given": [3, 0], "received": [1, 2]}))
    >>> fig.axes[0].get_xlabel()
    '← received        favours        given →'
    """
    from ..model import EgoNetwork

    if isinstance(table, EgoNetwork):
        alters = table.alters
        for col in ("support_given", "support_received"):
            if col not in alters.columns:
                raise NetkitError(f"this network has no '{col}' column; pass a table with person, given and received.")
        who = alters["name"] if "name" in alters.columns else alters["alter_id"]
        table = pd.DataFrame({"person": who.fillna(alters["alter_id"]), "given": alters["support_given"],
                              "received": alters["support_received"]})
    if not isinstance(table, pd.DataFrame):
        raise NetkitError(f"expected a table with person, given and received, got {type(table).__name__}.")
    person = next((c for c in ("person", "name", "alter_id") if c in table.columns), None)
    for col in ("given", "received"):
        if col not in table.columns:
            raise NetkitError(f"the reciprocity table lacks the column '{col}'; it needs person, given and received.")
    if person is None:
        raise NetkitError("the reciprocity table needs a 'person' (or 'name' or 'alter_id') column.")
    data = pd.DataFrame({
        "person": table[person].astype(str).to_numpy(),
        "given": pd.to_numeric(table["given"], errors="coerce").fillna(0).to_numpy(),
        "received": pd.to_numeric(table["received"], errors="coerce").fillna(0).to_numpy(),
    })
    data = data[(data["given"] + data["received"]) > 0]
    shown = _stand_ins(list(data["person"]), pseudonyms)
    data["label"] = [_clip(shown[p], 28) for p in data["person"]]
    data["balance"] = (data["given"] - data["received"]) / (data["given"] + data["received"])
    data = data.sort_values(["balance", "given"], ascending=[False, False], kind="stable").reset_index(drop=True)
    fig, ax = _figure(7, max(2.5, 0.32 * len(data) + 1.3))
    if data.empty:
        ax.text(0.5, 0.5, "no favours given or received yet", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    y = np.arange(len(data))
    ax.barh(y, data["given"], color=_GIVEN, label="you gave")
    ax.barh(y, -data["received"], color=_RECEIVED, label="you received")
    ax.axvline(0, color="#444444", linewidth=1)
    ax.set_yticks(y, data["label"])
    ax.invert_yaxis()
    reach = float(max(data["given"].max(), data["received"].max()))
    for yi, g, b in zip(y, data["given"], data["balance"]):
        ax.text(g + reach * 0.03, yi, f"{b:+.2f}", va="center", fontsize=8, color="#444444")
    ax.set_xlim(-reach * 1.15, reach * 1.3)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):g}" for t in ticks])
    ax.set_xlabel("← received        favours        given →")
    ax.set_title("Reciprocity: balance (given − received) / (given + received)")
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    return fig
