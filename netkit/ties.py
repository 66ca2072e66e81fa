"""Tie strength, weak and strong ties, Dunbar layers, neighbourhood overlap and local bridges.

Owns the survey tie-strength index (Granovetter's four dimensions), the one-row-per-tie table
that puts strength next to the tie's place in the structure, and Granovetter's check that weak
ties are the bridges. Structure is computed on integer edge arrays (:mod:`netkit.frame`), so a
million-edge network or ten thousand ego networks take one vectorised pass.
"""
from __future__ import annotations

import math
import warnings
from typing import Mapping

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .arguments import check_threshold, renamed_keywords
from .errors import NetkitError
from .frame import as_network, graph_frame, product_at
from .model import EgoCollection, WholeNetwork, as_collection, declared_scales, prepare, scales_of
from .schema import DEFAULT_SCALES, ITEM_COLUMNS, NO_WORDS, YES_WORDS, Scale
from .words import plural

__all__ = ["ITEMS", "LAYERS", "PRESETS", "SCALES", "dunbar_layers", "granovetter_check", "item_weights",
           "tie_class", "tie_strength", "tie_table"]

#: The items of the strength index, in the order they are reported. ``services`` (reciprocal
#: services) is made from the two columns ``support_given`` and ``support_received``.
ITEMS: tuple[str, ...] = ("closeness", "frequency", "years_known", "confiding", "services")

#: The default declared range of each item (``years_known`` in years, before its log transform);
#: a network read with declared scales (``scales=``, ``--scale``, a data package) carries its own.
SCALES: dict[str, tuple[float, float]] = {item: (s.low, s.high) for item, s in DEFAULT_SCALES.items()}

#: Item weights of the named presets (an item left out has weight 0).
PRESETS: dict[str, dict[str, float]] = {
    "equal": {item: 1.0 for item in ITEMS},
    "closeness": {"closeness": 1.0},
    "gilbert": {"closeness": 2.0, "confiding": 2.0, "years_known": 2.0, "frequency": 1.0, "services": 1.0},
}

#: Dunbar's cumulative circles: the label and the number of people the circle holds.
LAYERS: tuple[str, ...] = ("5", "15", "50", "150", "150+")
_LAYER_SIZES = np.array([5, 15, 50, 150])

_BINARY = {"confiding", "support_given", "support_received"}

_TABLE_COLUMNS = ["source", "target", "kind", "strength", "tie", "layer", "overlap", "common_neighbors",
                  "local_bridge", "span", "items_missing"]


# ----------------------------------------------------------------------------- tie strength


@renamed_keywords(weights="strength")
def tie_strength(
    alters: pd.DataFrame,
    *,
    strength: str | Mapping[str, float] = "equal",
    scales: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Score each ego–alter tie from the survey items: a *tie strength* index in [0, 1].

    Granovetter (1973) defines the *strength* of a tie as a combination of the time spent
    together, the emotional intensity, the intimacy (mutual confiding) and the reciprocal
    services. Each item is rescaled to [0, 1] by its *declared* scale range — never by the
    range observed in the data — and the strength is the weighted mean of the items present
    in that row.

    Parameters
    ----------
    alters : DataFrame
        One row per alter, with any of the columns ``closeness`` (1–4, intensity),
        ``frequency`` (1–5, time), ``years_known`` (years, duration), ``confiding`` (0/1,
        intimacy), ``support_given`` and ``support_received`` (0/1 each, reciprocal services).
        Yes/no text is accepted for the 0/1 columns. Other columns are ignored.
    strength : {"equal", "closeness", "gilbert"} or dict, default "equal"
        How the items make the strength (called ``weights=`` before netkit 0.2, which still
        works with a FutureWarning). ``"equal"``: every item weighs 1. ``"closeness"``: closeness alone, the best single
        indicator (Marsden & Campbell 1984). ``"gilbert"``: intimacy (confiding), intensity
        (closeness) and duration (years known) weigh 2, frequency and services 1 — in the
        spirit of Gilbert & Karahalios (2009), not their fitted coefficients. A dict maps items
        (``closeness``, ``frequency``, ``years_known``, ``confiding``, ``services``) to weights
        ≥ 0; items it leaves out weigh 0.
    scales : dict, optional
        Declared ranges that replace the defaults, item → ``(min, max)``, ``"1-5"``,
        ``"1-6 reverse"`` or ``{"min": 1, "max": 6, "reverse": True}``, e.g.
        ``{"closeness": (1, 5)}`` for a five-point closeness question. A *reversed* scale is one
        where higher means weaker or farther (frequency coded 1 = daily). Defaults: closeness
        1–4, frequency 1–5, years_known 0–100, confiding 0–1, services 0–1 (a range given for
        ``services`` applies to both support columns).

    Returns
    -------
    DataFrame
        Aligned to the rows (and index) of ``alters``: ``strength`` (float in [0, 1], NaN when
        no weighted item has a value) and ``items_missing`` (the weighted items without a value
        in that row, comma-separated; ``""`` when none is missing).

    Raises
    ------
    NetkitError
        An unknown preset or item, a negative weight, a bad scale, a value that is not a
        number, or a value outside its declared scale (the message names the row and column).

    Warns
    -----
    UserWarning
        When some ``years_known`` lie above the declared maximum; they count as 1, and the
        warning names the column and how many values were clipped.

    See Also
    --------
    tie_table : strength next to overlap, bridges and layers, one row per tie.

    Notes
    -----
    Each item x with declared range [lo, hi] becomes (x − lo) / (hi − lo). Duration is
    log-transformed first, so the first years count more than later ones:
    (log(1 + x) − log(1 + lo)) / (log(1 + hi) − log(1 + lo)). Years known above the declared
    maximum (100 by default) are clipped to 1 and reported with a warning that names the column
    and the number of values (turn it into an error with ``warnings.simplefilter("error")``);
    any other value outside its declared range is an error, since
    it means the declared scale is wrong.

    Reciprocal services are (support_given + support_received) / 2: help in one direction
    counts half, help both ways counts fully. The item is missing when either column is.

    The strength is Σ w_i x_i / Σ w_i over the items with weight w_i > 0 that have a value in
    that row, so a row with missing items is scored from the others; ``items_missing`` says
    which were left out (an item whose column is absent from the table is missing in every
    row). With closeness 1–4, frequency 1–5 and confiding 0/1 at equal weights,
    (4, 5, 1) → 1, (2, 3, 0) → (1/3 + 1/2 + 0) / 3 = 0.278 and (1, 1, 0) → 0.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American Journal of
       Sociology*, 78(6), 1360–1380.
    .. [2] Marsden, P. V., & Campbell, K. E. (1984). Measuring tie strength. *Social Forces*,
       63(2), 482–501.
    .. [3] Gilbert, E., & Karahalios, K. (2009). Predicting tie strength with social media.
       *Proceedings of CHI 2009*, 211–220.

    Examples
    --------
    >>> import pandas as pd
    >>> from netkit.ties import tie_strength
    >>> alters = pd.DataFrame({"closeness": [4, 2, 1], "frequency": [5, 3, 1], "confiding": [1, 0, 0]})
    >>> scores = tie_strength(alters)
    >>> scores["strength"].round(3).tolist()
    [1.0, 0.278, 0.0]
    >>> scores["items_missing"][0]
    'years_known, services'
    >>> tie_strength(alters, strength="closeness")["strength"].round(3).tolist()
    [1.0, 0.333, 0.0]
    """
    if not isinstance(alters, pd.DataFrame):
        raise NetkitError(f"alters must be a table (a pandas DataFrame) of alters, got {type(alters).__name__}.")
    weights = item_weights(strength)
    ranges = _item_scales(scales)
    n = len(alters)
    total = np.zeros(n)
    weight_sum = np.zeros(n)
    missing_bits = np.zeros(n, dtype=np.int64)
    for bit, item in enumerate(ITEMS):
        w = weights.get(item, 0.0)
        if w <= 0:
            continue
        x = _item_score(alters, item, ranges[item])
        present = ~np.isnan(x)
        total[present] += w * x[present]
        weight_sum[present] += w
        missing_bits |= (~present).astype(np.int64) << bit
    score = np.divide(total, weight_sum, out=np.full(n, np.nan), where=weight_sum > 0)
    return pd.DataFrame({"strength": score, "items_missing": _missing_text(missing_bits)}, index=alters.index)


def item_weights(strength) -> dict[str, float]:
    """Resolve a strength preset name or a dict of item weights into weights per item.

    Parameters
    ----------
    strength : str or dict
        A name in :data:`PRESETS` or a dict item → weight ≥ 0 (at least one above 0).

    Returns
    -------
    dict
        Item → weight, for the items the preset or dict names.

    Examples
    --------
    >>> item_weights("closeness")
    {'closeness': 1.0}
    >>> item_weights({"closeness": 2, "frequency": 1})
    {'closeness': 2.0, 'frequency': 1.0}
    """
    items = ", ".join(ITEMS)
    if isinstance(strength, str):
        if strength not in PRESETS:
            raise NetkitError(
                f"strength={strength!r} is not a preset; use one of {', '.join(map(repr, PRESETS))}, or a dict "
                f"of item weights such as {{'closeness': 2, 'frequency': 1}} (items: {items})."
            )
        return dict(PRESETS[strength])
    if not isinstance(strength, Mapping):
        raise NetkitError(
            f"strength must be a preset name ({', '.join(map(repr, PRESETS))}) or a dict of item weights, "
            f"got {type(strength).__name__}."
        )
    resolved = {}
    for item, w in strength.items():
        if item not in ITEMS:
            raise NetkitError(f"strength has an unknown item {item!r}; items are {items}.")
        if isinstance(w, bool) or not isinstance(w, (int, float, np.integer, np.floating)) or not math.isfinite(w) or w < 0:
            raise NetkitError(f"strength[{item!r}] is {w!r}; an item weight must be a number, 0 or more.")
        resolved[item] = float(w)
    if not any(w > 0 for w in resolved.values()):
        raise NetkitError(f"strength gives no item a positive weight; give at least one of {items} a weight above 0.")
    return resolved


def _item_scales(scales) -> dict[str, Scale]:
    """The default declared ranges, with the user's replacements checked and applied."""
    return {**DEFAULT_SCALES, **declared_scales(scales)}


def _item_score(alters: pd.DataFrame, item: str, scale: Scale) -> np.ndarray:
    """One item rescaled to [0, 1] by its declared range (1 = strongest); NaN where it has no value."""
    lo, hi = scale.low, scale.high

    def unit(x):
        return (hi - x) / (hi - lo) if scale.reverse else (x - lo) / (hi - lo)

    if item == "services":
        given, received = (_column(alters, c, lo, hi) for c in ITEM_COLUMNS[item])
        return (unit(given) + unit(received)) / 2
    x = _column(alters, item, lo, hi, open_top=item == "years_known")
    if item != "years_known":
        return unit(x)
    above = x > hi
    if above.any():
        warnings.warn(
            f"alters, column 'years_known': {int(above.sum())} value(s) lie above the declared maximum of "
            f"{hi:g} years (largest {np.nanmax(x):g}) and count as the top of the scale; declare a wider "
            f"range with scales={{'years_known': (0, {max(np.nanmax(x), hi):g})}} to tell them apart.",
            UserWarning,
            stacklevel=3,
        )
    x = np.minimum(x, hi)
    score = (np.log1p(x) - np.log1p(lo)) / (np.log1p(hi) - np.log1p(lo))
    return 1 - score if scale.reverse else score


def _column(alters: pd.DataFrame, column: str, lo: float, hi: float, *, open_top: bool = False) -> np.ndarray:
    """A column as floats, checked against its declared range (all NaN when the column is absent)."""
    if column not in alters.columns:
        return np.full(len(alters), np.nan)
    values = alters[column]
    if values.dtype.kind in "biuf":
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        bad = np.zeros(len(values), dtype=bool)
    else:
        text = values.astype("string").str.strip()
        blank = text.isna() | (text == "")
        if column in _BINARY:
            low = text.str.lower()
            text = text.mask(low.isin(YES_WORDS), "1").mask(low.isin(NO_WORDS), "0")
        parsed = pd.to_numeric(text.mask(blank), errors="coerce")
        numbers = parsed.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        bad = (np.isnan(numbers) & ~blank.to_numpy(dtype=bool))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise NetkitError(
            f"{_where(alters, i, column)}: {values.iloc[i]!r} is not a number; "
            + ("write yes or no (or 1 or 0)." if column in _BINARY else f"use a number from {lo:g} to {hi:g}.")
        )
    outside = (numbers < lo) | (~open_top & (numbers > hi))
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        item = "services" if column.startswith("support_") else column
        seen = numbers[~np.isnan(numbers)]
        wider = (min(lo, seen.min()), max(hi, seen.max()))
        raise NetkitError(
            f"{_where(alters, i, column)}: {numbers[i]:g} is outside the declared scale {lo:g}–{hi:g} (the column runs "
            f"from {seen.min():g} to {seen.max():g}); correct the value, or declare the scale your survey used with "
            f"scales={{'{item}': ({wider[0]:g}, {wider[1]:g})}} or --scale {item}={wider[0]:g}-{wider[1]:g}."
        )
    return numbers


def _where(alters: pd.DataFrame, position: int, column: str) -> str:
    who = f" (alter '{alters['alter_id'].iloc[position]}')" if "alter_id" in alters.columns else ""
    return f"alters, row {position + 1}{who}, column '{column}'"


def _missing_text(bits: np.ndarray) -> np.ndarray:
    """Bit masks of missing items as text: 'years_known, services'."""
    out = np.full(len(bits), "", dtype=object)
    for code in np.unique(bits):
        if code:
            out[bits == code] = ", ".join(item for b, item in enumerate(ITEMS) if code >> b & 1)
    return out


# ----------------------------------------------------------------------------- the tie table


@renamed_keywords(weights="strength")
def tie_table(
    net,
    *,
    strength: str | Mapping[str, float] = "equal",
    threshold: float = 0.5,
    weight: str | None = None,
    scales: Mapping[str, tuple[float, float]] | None = None,
    tie_type: str | list[str] | None = None,
) -> pd.DataFrame:
    """One row per tie: its strength, weak or strong, Dunbar layer, overlap and bridging.

    A tie's *neighbourhood overlap* is the share of the two people's other contacts they have
    in common; a *local bridge* is a tie whose two ends share no contact, and its *span* is how
    far apart they would be without it. Granovetter's argument is that weak ties are the
    bridges: they have low overlap and reach people your strong ties do not.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
        From :func:`netkit.read` or :func:`netkit.load_sample`.
    strength : {"equal", "closeness", "gilbert"} or dict, default "equal"
        How the survey items make the strength of ego–alter ties; see :func:`tie_strength`
        (called ``weights=`` before netkit 0.2, which still works with a FutureWarning).
    threshold : float, default 0.5
        Ties with strength at or above it are ``"strong"``, below it ``"weak"``.
    weight : str, optional
        A numeric column of the ties table (ego networks) or edge attribute (whole networks)
        that gives alter–alter ties and whole-network edges a strength. Without it their
        strength is unknown (NaN).
    scales : dict, optional
        Declared item ranges for :func:`tie_strength`, on top of those the network was read
        with (``nk.read(scales=…)`` or a data package).
    tie_type : str or list of str, optional
        Only the ties of this type (or types) — the ``tie_type`` column of the ties, e.g. a
        Network Canvas export's edge types. Without it, all types are merged.

    Returns
    -------
    DataFrame
        One row per tie. An ego network lists the ego–alter ties (``source`` is the ego's node
        label, ``target`` the alter id, in the order of the alters table), then the alter–alter
        ties (in the order of the ties table; a pair listed twice appears once, ties from a
        person to themselves not at all). A collection lists the same for each ego in turn,
        with an ``ego_id`` column first. A whole network lists every edge but self-loops (each
        arc of a directed network, each pair once in a multigraph). Columns:

        - ``ego_id`` (collections only): the ego id
        - ``source``, ``target``: the two ends
        - ``kind``: ``"ego-alter"``, ``"alter-alter"`` or ``"edge"`` (whole networks)
        - ``strength``: in [0, 1]; NaN when unknown
        - ``tie``: ``"weak"`` / ``"strong"`` by ``threshold``; missing when strength is unknown
        - ``layer``: Dunbar circle of an ego–alter tie, ``"5"``, ``"15"``, ``"50"``, ``"150"``,
          ``"150+"`` (ordered categories); missing for other ties and unknown strength
        - ``overlap``: neighbourhood overlap, NaN when both ends have no other contact
        - ``common_neighbors``: number of contacts the two ends share
        - ``local_bridge``: True when they share none
        - ``span``: for a local bridge, the distance between the ends once the tie is removed
          (``inf`` when nothing else joins them: a global bridge); NaN otherwise
        - ``items_missing``: for ego–alter ties, the survey items missing from the strength;
          missing for other ties, which are not scored from items

    Raises
    ------
    NetkitError
        Bad ``strength``/``scales`` (see :func:`tie_strength`), a ``threshold`` outside [0, 1],
        or a ``weight`` column that is absent, not numeric or negative.

    See Also
    --------
    tie_strength : the survey strength index.
    granovetter_check : do the weak ties bridge?

    Notes
    -----
    Overlap (Onnela et al. 2007) of the tie i–j is O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij)
    with n_ij the common neighbours and k the degrees; 0/0 gives NaN.

    *Which graph.* In an ego network every pair of alters shares the ego as a neighbour, so no
    alter–alter tie could ever be a local bridge on the full graph. Alter–alter ties are
    therefore measured on the alters-only graph (the ego left out), ego–alter ties on the graph
    with the ego. An ego–alter tie's common neighbours are then the alters that alter knows,
    its overlap the share of the ego's other alters it knows, and it is a local bridge exactly
    when that alter knows none of the others — and then a global bridge (span ``inf``): only
    the ego links them. Whole networks are measured on the graph itself; a directed graph on
    its undirected version (an arc either way is a tie), with one row per arc. Self-loops are
    left out of the graph: networkx's ``local_bridges`` instead counts a node with a self-loop as
    its own neighbour, so none of that node's ties is a local bridge there.

    *Strength of alter–alter ties and edges.* With ``weight=``, a tie's weight divided by the
    largest weight among the alter–alter ties of that ego network (whole network: among all
    edges), so the heaviest tie has strength 1. When every such weight is 0 the strength is 0.

    *Layers* (Zhou, Sornette, Hill & Dunbar 2005): per ego, ego–alter ties are ranked by
    strength, strongest first (equal strengths keep the order of the alters table); ranks 1–5
    are the circle "5", 6–15 "15", 16–50 "50", 51–150 "150", beyond that "150+". The sizes are
    the typical expectations of Dunbar's circles, not thresholds: few people fill them all.

    Local bridges are the ties with no common neighbour. Spans: global bridges are found
    first in linear time (Tarjan's bridge algorithm on the graph with every tie that closes a
    triangle contracted), then the remaining local bridges get their distance from a
    bidirectional breadth-first search run for all of them at once on the sparse adjacency.
    Results agree with ``networkx.local_bridges(G, with_span=True)``.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American Journal of
       Sociology*, 78(6), 1360–1380.
    .. [2] Onnela, J.-P., Saramäki, J., Hyvönen, J., Szabó, G., Lazer, D., Kaski, K.,
       Kertész, J., & Barabási, A.-L. (2007). Structure and tie strengths in mobile
       communication networks. *PNAS*, 104(18), 7332–7336.
    .. [3] Zhou, W.-X., Sornette, D., Hill, R. A., & Dunbar, R. I. M. (2005). Discrete
       hierarchical organization of social group sizes. *Proc. R. Soc. B*, 272, 439–444.
    .. [4] Tarjan, R. E. (1974). A note on finding the bridges of a graph. *Information
       Processing Letters*, 2(6), 160–161.

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.ties import tie_table
    >>> table = tie_table(nk.load_sample("personal"), weight="weight")
    >>> table["kind"].value_counts().to_dict()
    {'alter-alter': 69, 'ego-alter': 40}
    >>> table["layer"].value_counts(sort=False).to_dict()
    {'5': 5, '15': 10, '50': 25, '150': 0, '150+': 0}

    A cycle of nine people: every tie is a local bridge spanning the other eight.

    >>> import networkx as nx
    >>> ring = tie_table(nx.cycle_graph(9))
    >>> ring.loc[(ring["source"] == "0") & (ring["target"] == "8"), ["local_bridge", "span"]]
       local_bridge  span
    1          True   8.0
    """
    net = prepare(as_network(net), tie_type=tie_type, scales=scales)
    item_weights(strength)  # check early, also for whole networks that do not use it
    threshold = check_threshold(threshold)
    if isinstance(net, WholeNetwork):
        return _whole_table(net, threshold, weight)
    return _ego_table(net, strength, threshold, weight, scales_of(net))


def _whole_table(net: WholeNetwork, threshold: float, weight: str | None) -> pd.DataFrame:
    frame = graph_frame(net, weight=weight, include_ego=False)
    pa, pb, which = _pairs(frame.src, frame.dst, frame.n)
    measures = _edge_measures(frame.n, pa, pb)
    if weight is None:
        strength = np.full(len(frame.src), np.nan)
    else:
        top = frame.weight.max() if len(frame.weight) else 0.0
        strength = frame.weight / top if top > 0 else np.zeros(len(frame.weight))
    table = {
        "source": frame.labels[frame.src],
        "target": frame.labels[frame.dst],
        "kind": np.full(len(frame.src), "edge", dtype=object),
        "strength": strength,
        "tie": tie_class(strength, threshold),
        "layer": pd.Categorical([None] * len(strength), categories=LAYERS, ordered=True),
        **{k: v[which] for k, v in measures.items()},
        "items_missing": np.full(len(strength), None, dtype=object),
    }
    return pd.DataFrame(table, columns=_TABLE_COLUMNS)


def _ego_table(net, strength, threshold, weight, scales) -> pd.DataFrame:
    coll = as_collection(net)
    _check_tie_weight(coll.ties, weight)
    frame = graph_frame(net, weight=weight, include_ego=True)
    ego_ids = coll.egos["ego_id"].to_numpy(dtype=object)
    ego_pos = pd.Series(np.arange(len(ego_ids)), index=ego_ids)
    node_ego = np.concatenate([ego_pos.reindex(coll.alters["ego_id"]).to_numpy(), np.arange(len(ego_ids))])
    # the graph with the ego (for ego–alter ties) and without it (for alter–alter ties)
    pa, pb, which = _pairs(frame.src, frame.dst, frame.n)
    to_ego = frame.is_ego[pa] | frame.is_ego[pb]
    alter_pairs = np.flatnonzero(~to_ego)
    ea = _ego_alter_rows(coll, frame, node_ego, (pa, pb), _edge_measures(frame.n, pa, pb), strength, scales)
    aa = _alter_alter_rows(coll, frame, node_ego, len(ego_ids), np.searchsorted(alter_pairs, which),
                           _edge_measures(frame.n, pa[alter_pairs], pb[alter_pairs]), weight)
    parts = {k: np.concatenate([ea[k], aa[k]]) for k in ea}
    order = np.argsort(parts["ego_pos"], kind="stable")  # per ego: its ego–alter rows, then alter–alter
    parts = {k: v[order] for k, v in parts.items()}
    table = {
        "ego_id": ego_ids[parts["ego_pos"]],
        "source": parts["source"],
        "target": parts["target"],
        "kind": parts["kind"],
        "strength": parts["strength"],
        "tie": tie_class(parts["strength"], threshold),
        "layer": pd.Categorical.from_codes(parts["layer"], categories=LAYERS, ordered=True),
        **{k: parts[k] for k in ("overlap", "common_neighbors", "local_bridge", "span")},
        "items_missing": parts["items_missing"],
    }
    columns = (["ego_id"] if isinstance(net, EgoCollection) else []) + _TABLE_COLUMNS
    return pd.DataFrame(table, columns=columns)


def _check_tie_weight(ties: pd.DataFrame, weight: str | None) -> None:
    if weight is not None and weight not in ties.columns:
        cols = [c for c in ties.columns if c not in ("ego_id", "source", "target")]
        raise NetkitError(
            f"weight={weight!r} is not a column of the ties table, so it cannot give alter–alter ties a "
            f"strength; choose one of {', '.join(map(repr, cols)) or 'none (the ties table has no other columns)'}, "
            "or leave weight out."
        )


def _ego_alter_rows(coll, frame, node_ego, pairs, with_ego, strength, scales) -> dict[str, np.ndarray]:
    """One row per alter: the ego–alter tie, measured on the graph with the ego."""
    alters = coll.alters
    n_alters = len(alters)
    ego_node = n_alters + node_ego[:n_alters]
    ea_pair = _find_pairs(*pairs, frame.n, np.arange(n_alters), ego_node)
    scored = tie_strength(alters, strength=strength, scales=scales)
    ea_strength = scored["strength"].to_numpy(dtype=float)
    return {
        "ego_pos": node_ego[:n_alters],
        "source": frame.labels[ego_node],
        "target": alters["alter_id"].to_numpy(dtype=object),
        "kind": np.full(n_alters, "ego-alter", dtype=object),
        "strength": ea_strength,
        "layer": dunbar_layers(ea_strength, node_ego[:n_alters]),
        **{k: v[ea_pair] for k, v in with_ego.items()},
        "items_missing": scored["items_missing"].to_numpy(dtype=object),
    }


def _alter_alter_rows(coll, frame, node_ego, n_egos, pair_of_edge, without_ego, weight) -> dict[str, np.ndarray]:
    """One row per distinct alter–alter tie, in the order of the ties table, measured without the ego.

    ``pair_of_edge`` gives, for each frame edge, its position among the alters-only pairs.
    """
    ties = coll.ties
    aa_edges = np.flatnonzero(~frame.ego_edge)
    aa_edges = aa_edges[np.argsort(frame.tie_row[aa_edges], kind="stable")]
    rows = frame.tie_row[aa_edges]
    aa_ego = node_ego[frame.src[aa_edges]]
    if weight is None:
        aa_strength = np.full(len(aa_edges), np.nan)
    else:
        w = frame.weight[aa_edges]
        top = np.zeros(n_egos)
        np.maximum.at(top, aa_ego, w)
        aa_strength = np.divide(w, top[aa_ego], out=np.zeros(len(w)), where=top[aa_ego] > 0)
    aa_pair = pair_of_edge[aa_edges]
    return {
        "ego_pos": aa_ego,
        "source": ties["source"].to_numpy(dtype=object)[rows],
        "target": ties["target"].to_numpy(dtype=object)[rows],
        "kind": np.full(len(aa_edges), "alter-alter", dtype=object),
        "strength": aa_strength,
        "layer": np.full(len(aa_edges), -1),
        **{k: v[aa_pair] for k, v in without_ego.items()},
        "items_missing": np.full(len(aa_edges), None, dtype=object),
    }


def tie_class(strength: np.ndarray, threshold: float) -> pd.Categorical:
    """``"strong"`` at or above ``threshold``, ``"weak"`` below, missing where strength is NaN.

    Examples
    --------
    >>> tie_class(np.array([0.9, 0.2, np.nan]), 0.5).tolist()
    ['strong', 'weak', nan]
    """
    codes = np.where(np.isnan(strength), -1, (strength >= threshold).astype(int))
    return pd.Categorical.from_codes(codes, categories=["weak", "strong"])


def dunbar_layers(strength: np.ndarray, ego: np.ndarray) -> np.ndarray:
    """Codes into :data:`LAYERS` (-1 for unknown strength): rank by strength within each ego.

    ``ego`` gives each tie's ego (any integer codes); equal strengths keep their order.

    Examples
    --------
    >>> codes = dunbar_layers(np.linspace(1, 0, 7), np.zeros(7, dtype=int))
    >>> [LAYERS[c] for c in codes]
    ['5', '5', '5', '5', '5', '15', '15']
    """
    codes = np.full(len(strength), -1)
    known = np.flatnonzero(~np.isnan(strength))
    order = known[np.lexsort((known, -strength[known], ego[known]))]
    group = ego[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(order) else np.array([], int)
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)])) + 1
    codes[order] = np.searchsorted(_LAYER_SIZES, rank, side="left")
    return codes


# ----------------------------------------------------------------------------- Granovetter's check


@renamed_keywords(weights="strength")
def granovetter_check(
    net,
    *,
    strength: str | Mapping[str, float] = "equal",
    weight: str | None = None,
    scales: Mapping[str, tuple[float, float]] | None = None,
    tie_type: str | list[str] | None = None,
) -> pd.Series:
    """Do the weak ties bridge? Rank correlation between tie strength and overlap.

    Granovetter (1973) predicts that strong ties sit inside dense clusters (high overlap) and
    weak ties reach across them (low overlap). Onnela et al. (2007) confirmed it on millions of
    phone calls. This check computes Spearman's rank correlation between the two.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
    strength : {"equal", "closeness", "gilbert"} or dict, default "equal"
        How ego–alter strength is made from the survey items; see :func:`tie_strength`
        (called ``weights=`` before netkit 0.2, which still works with a FutureWarning).
    weight : str, optional
        Whole networks: the edge attribute that measures strength (needed there). Ego networks
        do not need it: the check uses the ego–alter ties, scored from the survey items.
    scales : dict, optional
        Declared item ranges for :func:`tie_strength`, on top of those the network was read
        with (``nk.read(scales=…)`` or a data package).
    tie_type : str or list of str, optional
        Only the ties of this type (or types) — the ``tie_type`` column of the ties, e.g. a
        Network Canvas export's edge types. Without it, all types are merged.

    Returns
    -------
    Series
        ``n`` (ties with both a strength and an overlap), ``rho`` (Spearman's rank
        correlation), ``p_value`` (two-sided) and ``sentence`` (what it means, in plain words).
        ``rho`` and ``p_value`` are NaN when n < 3 or when strength or overlap does not vary.

    See Also
    --------
    tie_table : where the strengths and overlaps come from.

    Notes
    -----
    Ego networks: the ego–alter ties, with strength from the survey items and overlap on the
    graph with the ego — the share of the ego's other alters that alter knows. A collection is
    pooled over all its egos (call it on ``coll[ego_id]`` for one person). Whole networks:
    strength is the ``weight`` attribute (rescaled, which leaves ranks unchanged) and overlap as
    in :func:`tie_table`; in a directed network the two arcs of a pair are one tie whose strength
    is their sum, as Onnela et al. add calls in both directions.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American Journal of
       Sociology*, 78(6), 1360–1380.
    .. [2] Onnela, J.-P., et al. (2007). Structure and tie strengths in mobile communication
       networks. *PNAS*, 104(18), 7332–7336.

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.ties import granovetter_check
    >>> check = granovetter_check(nk.load_sample("personal"))
    >>> int(check["n"])
    40
    >>> bool(-1 <= check["rho"] <= 1)
    True
    """
    from scipy.stats import spearmanr

    net = prepare(as_network(net), tie_type=tie_type, scales=scales)
    table = tie_table(net, strength=strength, weight=weight)
    whole = isinstance(net, WholeNetwork)
    if whole:
        scores, overlap = _pair_values(table) if net.directed else (table["strength"], table["overlap"])
    else:
        rows = table[table["kind"] == "ego-alter"]
        scores, overlap = rows["strength"], rows["overlap"]
    scores, overlap = np.asarray(scores, dtype=float), np.asarray(overlap, dtype=float)
    ok = ~np.isnan(scores) & ~np.isnan(overlap)
    n = int(ok.sum())
    rho = p = np.nan
    if n >= 3 and np.ptp(scores[ok]) > 0 and np.ptp(overlap[ok]) > 0:
        result = spearmanr(scores[ok], overlap[ok])
        rho, p = float(result.statistic), float(result.pvalue)
    sentence = _verdict(n, rho, p, net, weight)
    unscored = int(np.isnan(scores).sum())
    if unscored and not whole:  # blanks are not known: left out, and said so
        sentence += (f" {plural(unscored, 'tie')} with no strength yet (nothing rated) "
                     f"{'is' if unscored == 1 else 'are'} left out.")
    return pd.Series({"n": n, "rho": rho, "p_value": p, "sentence": sentence}, name="granovetter_check", dtype=object)


def _pair_values(table: pd.DataFrame):
    """Directed whole network: one value per unordered pair, strength summed over its arcs."""
    s, t = table["source"].astype(str), table["target"].astype(str)
    key = pd.DataFrame({"a": s.where(s <= t, t), "b": t.where(s <= t, s)})
    grouped = table[["strength", "overlap"]].groupby([key["a"], key["b"]], sort=False)
    return grouped["strength"].sum(min_count=1), grouped["overlap"].first()


def _verdict(n: int, rho: float, p: float, net, weight: str | None) -> str:
    whole = isinstance(net, WholeNetwork)
    if n < 3:
        if whole and weight is None:
            return (f"Too few ties to check (n = {n}): a whole network needs weight= naming the edge "
                    "attribute that measures tie strength.")
        return f"Too few ties to check (n = {n}): at least 3 ties with both a strength and an overlap are needed."
    if np.isnan(rho):
        return (f"Cannot check (n = {n}): every tie has the same strength or the same overlap, so there is "
                "nothing to rank.")
    weak = ("the weak ties in this network" if whole else
            "the egos' weak ties" if isinstance(net, EgoCollection) else "your weak ties")
    stats = f"rho = {rho:.2f}, n = {n}, {'p < 0.001' if p < 0.001 else f'p = {p:.3f}'}"
    if p >= 0.05 or rho == 0:
        return (f"Tie strength and overlap are hardly related ({stats}): {weak} are no more often the "
                "bridges than the strong ones, so this neither confirms nor contradicts Granovetter.")
    if rho > 0:
        return f"Stronger ties overlap more ({stats}): as Granovetter predicts, {weak} are the bridges."
    return (f"Stronger ties overlap less ({stats}): unlike Granovetter's prediction, {weak} sit inside "
            "dense groups and the strong ties are the bridges.")


# ----------------------------------------------------------------------------- structure on edge arrays


def _pairs(src: np.ndarray, dst: np.ndarray, n: int):
    """Distinct undirected pairs (a < b, sorted) and, for each edge, the index of its pair."""
    a, b = np.minimum(src, dst), np.maximum(src, dst)
    keys, which = np.unique(a.astype(np.int64) * n + b, return_inverse=True)
    return keys // n, keys % n, which.ravel()


def _find_pairs(pa: np.ndarray, pb: np.ndarray, n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Index of each pair (a, b) among the sorted pairs (pa, pb); every pair must be there."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return np.searchsorted(pa.astype(np.int64) * n + pb, lo.astype(np.int64) * n + hi)


def _edge_measures(n: int, a: np.ndarray, b: np.ndarray) -> dict[str, np.ndarray]:
    """Common neighbours, overlap, local bridges and spans of every edge of a simple graph.

    ``a < b`` are the distinct undirected edges on nodes ``0..n-1``.
    """
    m = len(a)
    A = _adjacency(n, a, b)
    degree = np.diff(A.indptr)
    common = np.rint(product_at(A, A, a, b)).astype(np.int64)
    denominator = (degree[a] - 1) + (degree[b] - 1) - common
    overlap = np.divide(common, denominator, out=np.full(m, np.nan), where=denominator > 0)
    local = common == 0
    span = np.full(m, np.nan)
    global_ = _global_bridges(n, a, b, common)
    span[global_] = np.inf
    rest = np.flatnonzero(local & ~global_)
    span[rest] = _spans(A, a[rest], b[rest])
    return {"overlap": overlap, "common_neighbors": common, "local_bridge": local, "span": span}


def _adjacency(n: int, a: np.ndarray, b: np.ndarray) -> sp.csr_matrix:
    """Symmetric 0/1 adjacency of distinct undirected edges, CSR with sorted indices."""
    rows = np.concatenate([a, b]).astype(np.int64)
    cols = np.concatenate([b, a]).astype(np.int64)
    order = np.lexsort((cols, rows))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return sp.csr_matrix((np.ones(len(rows)), cols[order], indptr), shape=(n, n))


def _global_bridges(n: int, a: np.ndarray, b: np.ndarray, common: np.ndarray) -> np.ndarray:
    """Which edges are bridges (their removal disconnects their ends).

    An edge that closes a triangle lies on a cycle, so it is no bridge: contract those edges
    (connected components, in C), and run Tarjan's algorithm only on the remaining edges
    between the contracted groups, where parallel edges are not bridges either.
    """
    from scipy.sparse.csgraph import connected_components

    out = np.zeros(len(a), dtype=bool)
    candidates = np.flatnonzero(common == 0)
    if len(candidates) == 0:
        return out
    closed = common > 0
    H = sp.csr_matrix((np.ones(int(closed.sum())), (a[closed], b[closed])), shape=(n, n))
    _, group = connected_components(H, directed=False)
    ga, gb = group[a[candidates]], group[b[candidates]]
    across = ga != gb
    candidates, ga, gb = candidates[across], ga[across], gb[across]
    if len(candidates) == 0:
        return out
    nodes, ends = np.unique(np.concatenate([ga, gb]), return_inverse=True)
    k = len(candidates)
    out[candidates[_tarjan_bridges(len(nodes), ends[:k], ends[k:])]] = True
    return out


def _tarjan_bridges(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Bridges of an undirected multigraph by Tarjan's low-link depth-first search, O(n + m).

    Iterative (no recursion limit); the parent edge is skipped by its id, so one of two
    parallel edges is never taken for a bridge.
    """
    m = len(a)
    heads = np.concatenate([a, b])
    order = np.argsort(heads, kind="stable")
    nbr = np.concatenate([b, a])[order].tolist()
    eid = np.concatenate([np.arange(m), np.arange(m)])[order].tolist()
    end = np.cumsum(np.bincount(heads, minlength=n)).tolist()
    nxt = [0] + end[:-1]  # next adjacency position to look at, per node
    disc = [-1] * n
    low = [0] * n
    parent_edge = [-1] * n
    bridge = []
    clock = 0
    for root in range(n):
        if disc[root] != -1:
            continue
        disc[root] = low[root] = clock
        clock += 1
        stack = [root]
        while stack:
            v = stack[-1]
            i = nxt[v]
            if i < end[v]:
                nxt[v] = i + 1
                e = eid[i]
                if e == parent_edge[v]:
                    continue
                w = nbr[i]
                if disc[w] == -1:
                    disc[w] = low[w] = clock
                    clock += 1
                    parent_edge[w] = e
                    stack.append(w)
                elif disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                if stack:
                    p = stack[-1]
                    if low[v] < low[p]:
                        low[p] = low[v]
                    if low[v] > disc[p]:
                        bridge.append(parent_edge[v])
    return np.asarray(bridge, dtype=np.int64)


def _spans(A: sp.csr_matrix, us: np.ndarray, vs: np.ndarray, *, batch: int = 20_000,
           max_work: int = 20_000_000) -> np.ndarray:
    """Distance between u and v once the edge u–v is removed, for many edges at once.

    A bidirectional breadth-first search for all edges together: row k of a sparse 0/1 matrix
    holds the frontier around u_k (or v_k), and one sparse product with the adjacency grows
    every frontier by a level; the two sides take turns, and an edge is done when its two
    frontiers meet (or one runs out: nothing else joins u and v). A group of edges whose next
    level would cost more than ``max_work`` adjacency entries is split in two, so memory stays
    bounded however large the frontiers grow.
    """
    out = np.full(len(us), np.inf)
    A = A.astype(bool)
    degree = np.diff(A.indptr).astype(float)
    for lo in range(0, len(us), batch):
        _spans_batch(A, degree, us[lo:lo + batch], vs[lo:lo + batch], out[lo:lo + batch], max_work)
    return out


def _spans_batch(A, degree, us, vs, span, max_work) -> None:
    R, n = len(us), A.shape[0]
    rows = np.arange(R)
    ones = np.ones(R, dtype=bool)

    def first_level(a, b):  # the neighbours of a other than b; a itself is the level before
        F = A[a] > sp.csr_matrix((ones, (rows, b)), shape=(R, n))
        return F, sp.csr_matrix((ones, (rows, a)), shape=(R, n))

    Fu, Pu = first_level(us, vs)
    Fv, Pv = first_level(vs, us)
    common = Fu.multiply(Fv).getnnz(axis=1) > 0  # distance 2 (no local bridge has a common neighbour)
    span[common] = 2
    # each state: frontier and level before on the side that grows next, the same on the other
    # side, the edges (rows of span) it holds, and the distance its frontiers stand apart
    todo = [(Fu, Pu, Fv, Pv, rows, 2, ~common)]
    while todo:
        Fu, Pu, Fv, Pv, ids, distance, keep = todo.pop()
        while True:
            if not keep.all():
                keep = np.flatnonzero(keep)
                Fu, Pu, Fv, Pv, ids = Fu[keep], Pu[keep], Fv[keep], Pv[keep], ids[keep]
            if len(ids) == 0:
                break
            if len(ids) > 1 and (Fu @ degree).sum() > max_work:
                half = np.arange(len(ids)) < len(ids) // 2
                todo += [(Fu, Pu, Fv, Pv, ids, distance, half), (Fu, Pu, Fv, Pv, ids, distance, ~half)]
                break
            # the next level: neighbours of the frontier that are in neither it nor the level
            # before (in a breadth-first search no other node can be reached again)
            N = (Fu @ A) > (Fu + Pu)
            distance += 1
            met = N.multiply(Fv).getnnz(axis=1) > 0
            span[ids[met]] = distance
            keep = ~met & (N.getnnz(axis=1) > 0)  # an empty frontier: u and v are not joined
            Fu, Pu, Fv, Pv = Fv, Pv, N, Fu  # the other side's turn
