"""Node positions computed in Python, seeded and deterministic, so drawings need no browser physics.

Every function takes plain arrays (node ``0..n-1``, edges as ``src``/``dst`` index arrays) and
returns an ``(n, 2)`` float array in screen units (pixels at zoom 1, y pointing down, as
vis-network expects). The ego, where there is one, sits at ``(0, 0)``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

__all__ = ["Guides", "rings_layout", "hub_layout", "spring_layout", "declutter", "EDGE_LENGTH"]

EDGE_LENGTH = 90.0  # typical edge length in pixels; nodes are 8–30 px across
_GOLDEN = math.pi * (3 - math.sqrt(5))  # golden angle, for compact sunflower grids
_SMALL = 500  # components and groups up to this size get a direct spring layout


@dataclass
class Guides:
    """Background marks drawn under a layout: rings around the ego and sectors by group.

    Attributes
    ----------
    circles : list of tuple
        ``(radius, label)``, one per ring, in pixels.
    sectors : list of tuple
        ``(start, end, label)``, angles in radians measured clockwise from straight up.
    outer : float
        The radius the sector labels sit at.
    """

    circles: list = field(default_factory=list)
    sectors: list = field(default_factory=list)
    outer: float = 0.0

    def to_dict(self) -> dict:
        """The guides as JSON-ready data for the page script."""
        return {
            "circles": [{"r": float(r), "label": str(label)} for r, label in self.circles],
            "sectors": [{"start": float(a), "end": float(b), "label": str(label)} for a, b, label in self.sectors],
            "outer": float(self.outer),
        }


def _polar(radius, angle) -> np.ndarray:
    """Screen coordinates for an angle clockwise from straight up (y points down)."""
    radius, angle = np.asarray(radius, float), np.asarray(angle, float)
    return np.stack([radius * np.sin(angle), -radius * np.cos(angle)], axis=-1)


def _sectors(keys: Sequence, weights: dict, gap: float) -> dict:
    """Split the circle among ``keys`` in proportion to ``weights``, with ``gap`` radians between."""
    if len(keys) == 1:
        return {keys[0]: (0.0, 2 * math.pi)}
    gap = min(gap, 0.5 * 2 * math.pi / len(keys))
    free = 2 * math.pi - gap * len(keys)
    total = float(sum(weights[k] for k in keys))
    out, start = {}, gap / 2
    for k in keys:
        width = free * weights[k] / total
        out[k] = (start, start + width)
        start += width + gap
    return out


def rings_layout(
    ring: Sequence[int],
    sector: Sequence,
    *,
    ring_labels: Sequence[str] = (),
    order: Sequence[float] | None = None,
    spacing: float = 40.0,
    ring_gap: float = 110.0,
) -> tuple[np.ndarray, Guides]:
    """Alters on concentric rings around the ego: ring 0 innermost, one angular sector per group.

    Parameters
    ----------
    ring : sequence of int
        One per alter: 0 for the innermost ring (the strongest ties), 1 for the next, …
    sector : sequence
        One per alter: the group each alter belongs to (e.g. context); every group gets its
        own wedge, in proportion to its size, largest first. ``None`` groups go last.
    ring_labels : sequence of str
        Labels for the rings, innermost first (drawn on the guide circles).
    order : sequence of float, optional
        Sort key within a ring and sector (smaller first, clockwise).
    spacing : float
        Minimum distance between neighbouring alters, in pixels.
    ring_gap : float
        Distance between rings, in pixels.

    Returns
    -------
    positions : ndarray
        ``(n, 2)``, the ego at ``(0, 0)``.
    guides : Guides
        One circle per ring and one sector per group.

    Notes
    -----
    Every alter of ring *r* lies strictly inside every alter of ring *r + 1*: where a ring is
    too crowded for one row, its alters alternate between up to four staggered rows inside
    that ring's band, and later rings move outwards to make room.
    """
    ring = np.asarray(ring, dtype=int)
    n = len(ring)
    keys = list(sector)
    if order is None:
        order = np.arange(n, dtype=float)
    order = np.asarray(order, dtype=float)
    n_rings = max(int(ring.max()) + 1 if n else 0, len(ring_labels), 1)

    first_seen: dict = {}
    counts: dict = {}
    for i, k in enumerate(keys):
        first_seen.setdefault(k, i)
        counts[k] = counts.get(k, 0) + 1
    groups = sorted(counts, key=lambda k: (k is None, -counts[k], first_seen[k]))
    wedges = _sectors(groups, counts, gap=0.12)

    # radius of each ring: far enough out that its most crowded wedge fits in at most 4 rows
    row_sep = 0.8 * spacing
    radii, rows = np.zeros(n_rings), np.ones(n_rings, dtype=int)
    inner_edge = 0.0
    members: dict = {}
    for i in range(n):
        members.setdefault((int(ring[i]), keys[i]), []).append(i)
    for r in range(n_rings):
        need = 0.0  # radius needed for one row
        for g in groups:
            k = len(members.get((r, g), ()))
            if k:
                a, b = wedges[g]
                need = max(need, k * spacing / (b - a))
        base = max(inner_edge + ring_gap, ring_gap)
        m = min(4, max(1, math.ceil(need / base))) if need else 1
        radius = max(base, need / m)
        rows[r], radii[r] = m, radius
        inner_edge = radius + (m - 1) * row_sep

    pos = np.zeros((n, 2))
    for (r, g), idx in members.items():
        idx = sorted(idx, key=lambda i: (order[i], i))
        a, b = wedges[g]
        k = len(idx)
        angles = a + (np.arange(k) + 0.5) * (b - a) / k
        offsets = (np.arange(k) % rows[r]) * row_sep
        pos[idx] = _polar(radii[r] + offsets, angles)

    labels = list(ring_labels) + [""] * (n_rings - len(ring_labels))
    outer = float(radii[-1] + (rows[-1] - 1) * row_sep)
    guides = Guides(
        circles=[(radii[r] + (rows[r] - 1) * row_sep / 2, labels[r]) for r in range(n_rings)],
        sectors=[(wedges[g][0], wedges[g][1], "not given" if g is None else g) for g in groups],
        outer=outer,
    )
    return pos, guides


def _sunflower(k: int, spacing: float) -> np.ndarray:
    """``k`` points packed in a disc (Vogel's spiral), about ``spacing`` apart."""
    i = np.arange(k)
    return _polar(spacing * 0.55 * np.sqrt(i + 0.5) * 1.8, i * _GOLDEN)


def _normalised(P: np.ndarray, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Centre ``P`` and scale it so the median edge is 1 long (or the spread is, without edges)."""
    P = P - P.mean(axis=0)
    if len(src):
        lengths = np.sqrt(((P[src] - P[dst]) ** 2).sum(axis=1))
        unit = float(np.median(lengths[lengths > 0])) if (lengths > 0).any() else 1.0
    else:
        unit = float(np.sqrt((P**2).sum(axis=1)).max()) or 1.0
    return P / unit


def _fr(n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray | None, seed: int,
        iterations: int = 50) -> np.ndarray:
    """Fruchterman–Reingold (1991) on a small graph, as networkx's dense ``spring_layout`` does it.

    Written out here (a few numpy lines) because networkx's per-call overhead dominates when
    hundreds of small components or groups are laid out. Unit median edge length.
    """
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    A = np.zeros((n, n))
    w = np.ones(len(src)) if weight is None else weight
    np.add.at(A, (src, dst), w)
    A = A + A.T
    k = math.sqrt(1.0 / n)
    start = np.random.default_rng(seed).random((n, 2))
    x, y = start[:, 0].copy(), start[:, 1].copy()
    t = 0.1 * float(max(np.ptp(x), np.ptp(y)))
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = dx * dx + dy * dy
        np.maximum(d2, 1e-4, out=d2)  # distances below 0.01 count as 0.01
        force = (k * k) / d2 - A * np.sqrt(d2) / k  # repulsion k²/d, attraction d²/k, over d
        fx, fy = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        length = np.sqrt(fx * fx + fy * fy)
        length = np.where(length < 0.01, 0.1, length)
        sx, sy = fx * (t / length), fy * (t / length)
        x += sx
        y += sy
        t -= dt
        if np.sqrt((sx * sx + sy * sy).sum()) / n < 1e-4:
            break
    pos = np.stack([x, y], axis=1)
    return _normalised(pos, src, dst)


def _pivot_mds(n: int, src: np.ndarray, dst: np.ndarray, seed: int, pivots: int = 50) -> np.ndarray:
    """Pivot MDS (Brandes & Pich 2007) of a connected graph: classical scaling on BFS distances."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import shortest_path

    A = sp.csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    A = (A + A.T).tocsr()
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    nearest = np.full(n, np.inf)
    D = []
    for _ in range(min(pivots, n)):
        d = shortest_path(A, unweighted=True, indices=chosen[-1])
        D.append(d)
        nearest = np.minimum(nearest, d)
        chosen.append(int(np.argmax(nearest)))  # max–min: the node farthest from all pivots so far
    D2 = np.array(D).T ** 2
    C = -0.5 * (D2 - D2.mean(axis=0) - D2.mean(axis=1)[:, None] + D2.mean())
    U, s, _ = np.linalg.svd(C, full_matrices=False)
    P = U[:, :2] * s[:2]
    P = P + rng.normal(scale=1e-6, size=P.shape)  # separate nodes with identical distances
    return _normalised(P, src, dst)


def _separate(centres: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 200) -> np.ndarray:
    """Push discs apart until none overlap (with ``gap`` between), moving each as little as it can."""
    C = centres.copy()
    for _ in range(rounds):
        diff = C[:, None, :] - C[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=-1))
        np.fill_diagonal(dist, np.inf)
        overlap = radii[:, None] + radii[None, :] + gap - dist
        overlap[overlap < 0] = 0
        if not overlap.any():
            break
        unit = diff / np.maximum(dist, 1e-9)[..., None]
        C += 0.5 * (unit * (overlap / 2)[..., None]).sum(axis=1)
    return C


def _communities(n: int, src: np.ndarray, dst: np.ndarray, seed: int) -> np.ndarray:
    """Groups for the multilevel layout: fast label propagation (seeded), near-linear time."""
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(zip(src.tolist(), dst.tolist()))
    found = nx.community.fast_label_propagation_communities(G, seed=seed)
    label = np.zeros(n, dtype=int)
    for c, members in enumerate(sorted(found, key=lambda m: (-len(m), min(m)))):
        label[list(members)] = c
    return label


def _subgraph(nodes: np.ndarray, src: np.ndarray, dst: np.ndarray, weight):
    """Edges among ``nodes``, renumbered ``0..len(nodes)-1``."""
    local = np.full(int(max(src.max(initial=-1), dst.max(initial=-1), nodes.max(initial=-1))) + 1, -1)
    local[nodes] = np.arange(len(nodes))
    keep = (local[src] >= 0) & (local[dst] >= 0) if len(src) else np.zeros(0, bool)
    w = None if weight is None else weight[keep]
    return local[src[keep]], local[dst[keep]], w


def _connected(n, src, dst, groups, weight, seed) -> np.ndarray:
    """Layout of one connected graph: directly when small, else group by group (multilevel)."""
    if n <= _SMALL:
        return _fr(n, src, dst, weight, seed)
    if groups is None or len(np.unique(groups)) < 2:
        groups = _communities(n, src, dst, seed)
    labels = np.unique(groups)
    if len(labels) < 2:  # no community structure to use: scale on graph distances instead
        return _pivot_mds(n, src, dst, seed)
    index = {g: i for i, g in enumerate(labels)}
    g_of = np.array([index[g] for g in groups])
    parts, radii = [], np.zeros(len(labels))
    for i, g in enumerate(labels):
        nodes = np.flatnonzero(g_of == i)
        s, d, w = _subgraph(nodes, src, dst, weight)
        P = _layout_any(len(nodes), s, d, None, w, seed)  # may itself be disconnected
        parts.append((nodes, P))
        radii[i] = max(float(np.sqrt((P**2).sum(axis=1)).max()), 0.5)
    # lay the groups out as one small weighted graph, then make room for each group's disc
    between = g_of[src] != g_of[dst]
    a, b = np.minimum(g_of[src][between], g_of[dst][between]), np.maximum(g_of[src][between], g_of[dst][between])
    pairs, counts = np.unique(np.stack([a, b], axis=1), axis=0, return_counts=True) if between.any() else (np.zeros((0, 2), int), np.zeros(0))
    Q = _fr(len(labels), pairs[:, 0], pairs[:, 1], counts.astype(float), seed) if len(labels) > 2 else np.array([[-1.0, 0], [1.0, 0]])
    dist = np.sqrt(((Q[:, None] - Q[None]) ** 2).sum(axis=-1))
    np.fill_diagonal(dist, np.inf)
    need = (radii[:, None] + radii[None, :] + 1.0) / dist
    centres = _separate(Q * float(np.median(need[np.isfinite(need)])), radii, gap=1.0)
    out = np.zeros((n, 2))
    for (nodes, P), c in zip(parts, centres):
        out[nodes] = P + c
    return out


def declutter(P: np.ndarray, min_dist: float, rounds: int = 40) -> np.ndarray:
    """Nudge apart points closer than ``min_dist`` (pixels), a little at a time, keeping the shape.

    Parameters
    ----------
    P : ndarray
        ``(n, 2)`` positions; not changed (a moved copy is returned).
    min_dist : float
        Points closer than this are pushed apart.
    rounds : int
        At most this many small pushes.

    Returns
    -------
    ndarray
        ``(n, 2)`` positions.

    Notes
    -----
    Coincident points are separated along a fixed direction per pair, so the result is
    deterministic.
    """
    from scipy.spatial import cKDTree

    P = np.array(P, dtype=float)
    n = len(P)
    for _ in range(rounds):
        pairs = cKDTree(P).query_pairs(min_dist, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = P[i] - P[j]
        dist = np.sqrt((d**2).sum(axis=1))
        same = dist < 1e-9
        angle = (i[same] * 2.399963 + j[same]) % (2 * math.pi)
        d[same] = np.stack([np.cos(angle), np.sin(angle)], axis=1)
        dist[same] = 1.0
        push = d / dist[:, None] * ((min_dist - np.where(same, 0.0, dist)) / 2 * 0.6)[:, None]
        for axis in (0, 1):
            P[:, axis] += np.bincount(i, push[:, axis], n) - np.bincount(j, push[:, axis], n)
    return P


def _pack(blocks: list[np.ndarray], gap: float = 1.5) -> list[np.ndarray]:
    """Place blocks of positions in rows (largest first), left to right, centred on (0, 0)."""
    boxes = [(B.min(axis=0), B.max(axis=0)) for B in blocks]
    sizes = [hi - lo for lo, hi in boxes]
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    width_limit = max(max(w for w, _ in sizes), 1.3 * math.sqrt(area))
    out, x, y, row_h = [], 0.0, 0.0, 0.0
    for B, (lo, _), (w, h) in zip(blocks, boxes, sizes):
        if x > 0 and x + w > width_limit:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out.append(B - lo + np.array([x, y]))
        x += w + gap
        row_h = max(row_h, h)
    allpos = np.vstack(out)
    centre = (allpos.min(axis=0) + allpos.max(axis=0)) / 2
    return [B - centre for B in out]


def _layout_any(n, src, dst, groups, weight, seed) -> np.ndarray:
    """Unit-edge-length layout of any graph: components side by side, loners in a block."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    if n == 0:
        return np.zeros((0, 2))
    A = csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    n_comp, comp = connected_components(A, directed=False)
    sizes = np.bincount(comp, minlength=n_comp)
    order = sorted(range(n_comp), key=lambda c: (-sizes[c], int(np.flatnonzero(comp == c)[0])))
    blocks, members = [], []
    loners = np.flatnonzero(sizes[comp] == 1)
    for c in order:
        if sizes[c] == 1:
            continue
        nodes = np.flatnonzero(comp == c)
        s, d, w = _subgraph(nodes, src, dst, weight)
        g = None if groups is None else np.asarray(groups)[nodes]
        blocks.append(_connected(len(nodes), s, d, g, w, seed))
        members.append(nodes)
    if len(loners):
        blocks.append(_sunflower(len(loners), 1.0))
        members.append(loners)
    if len(blocks) == 1:
        placed = [blocks[0] - (blocks[0].min(axis=0) + blocks[0].max(axis=0)) / 2]
    else:
        placed = _pack(blocks)
    out = np.zeros((n, 2))
    for nodes, P in zip(members, placed):
        out[nodes] = P
    return out


def spring_layout(
    n: int,
    src: Sequence[int],
    dst: Sequence[int],
    *,
    groups: Sequence | None = None,
    weight: Sequence[float] | None = None,
    seed: int = 0,
    edge_length: float = EDGE_LENGTH,
    min_dist: float = 44.0,
) -> np.ndarray:
    """A seeded force-directed layout for any network, fast enough for thousands of nodes.

    Parameters
    ----------
    n : int
        Number of nodes.
    src, dst : sequence of int
        Edge end points (node indices); direction is ignored.
    groups : sequence, optional
        A group per node (e.g. communities); large components are laid out group by group.
        Without it, large components find their own communities (seeded).
    weight : sequence of float, optional
        Edge weights (stronger ties pull closer) for the small-graph layout.
    seed : int
        The same seed gives the same positions.
    edge_length : float
        Typical edge length in pixels.
    min_dist : float
        Nodes closer than this (pixels) are nudged apart at the end (0: not at all).

    Returns
    -------
    ndarray
        ``(n, 2)`` positions in pixels.

    Notes
    -----
    Each connected component is laid out on its own and the components are set side by side,
    largest first; people with no ties sit together in a compact block. A component of up to
    500 nodes gets Fruchterman & Reingold's (1991) spring layout, computed as networkx's
    ``spring_layout`` does (50 iterations, linear cooling). A larger one is laid out group by
    group: each group (the given ``groups``, else communities found by seeded fast label
    propagation, Traag & Šubelj 2023) on its own, the groups as one small weighted graph, then
    pushed apart until no two groups overlap — a two-level scheme in the spirit of multilevel
    force-directed drawing (Walshaw 2003). A component without community structure is laid
    out by Pivot MDS (Brandes & Pich 2007).
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    w = None if weight is None else np.asarray(weight, dtype=float)[keep]
    P = _layout_any(int(n), src, dst, groups, w, int(seed)) * edge_length
    return declutter(P, min_dist) if min_dist else P


def hub_layout(
    groups: Sequence,
    src: Sequence[int],
    dst: Sequence[int],
    *,
    seed: int = 0,
    spacing: float = 44.0,
    edge_length: float = EDGE_LENGTH,
    aspect: float = 1.4,
) -> tuple[np.ndarray, Guides]:
    """Hub and spoke: the ego at the centre, each group of alters in its own wedge around it.

    Parameters
    ----------
    groups : sequence
        One value per alter, e.g. the cluster (community) each alter belongs to. Alters that
        are a group of their own (they know nobody else here) share one wedge.
    src, dst : sequence of int
        Alter–alter ties (alter indices).
    seed : int
        Seed for the layout inside each group.
    spacing : float
        Distance between the ego and the nearest group, and between groups, in pixels.
    edge_length : float
        Typical edge length inside a group, in pixels.
    aspect : float
        Each group's layout is stretched this much upwards: names are much wider than tall, so
        people set further apart vertically have room for their names beside them.

    Returns
    -------
    positions : ndarray
        ``(n, 2)``, the ego at ``(0, 0)``.
    guides : Guides
        One sector per group (labelled with the group value).

    Notes
    -----
    Each group is laid out on its own (a spring layout of the ties inside it), then placed at
    the middle of a wedge whose angle is proportional to the group's size, just far enough from
    the ego that its disc stays inside the wedge. Wedges are separated by a gap, so the empty
    spaces between groups — the structural holes — are visible.
    """
    groups = list(groups)
    n = len(groups)
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    if n == 0:
        return np.zeros((0, 2)), Guides()
    size: dict = {}
    first: dict = {}
    for i, g in enumerate(groups):
        size[g] = size.get(g, 0) + 1
        first.setdefault(g, i)
    # one wedge per group of two or more, then one shared wedge for everyone on their own
    LONERS = object()
    key = [g if size[g] > 1 else LONERS for g in groups]
    kinds = sorted({k for k in key if k is not LONERS}, key=lambda g: (-size[g], first[g]))
    if LONERS in key:
        kinds.append(LONERS)
    members = {k: np.array([i for i in range(n) if (key[i] is LONERS) == (k is LONERS) and (k is LONERS or key[i] == k)])
               for k in kinds}

    shapes, radius = {}, {}
    for k in kinds:
        nodes = members[k]
        if k is LONERS:
            P = _sunflower(len(nodes), spacing)
        else:
            s, d, _ = _subgraph(nodes, src, dst, None)
            P = _layout_any(len(nodes), s, d, None, None, seed) * edge_length
            P = declutter(P * np.array([1.0, aspect]), spacing)
        P = P - (P.min(axis=0) + P.max(axis=0)) / 2
        shapes[k] = P
        radius[k] = float(np.sqrt((P**2).sum(axis=1)).max()) + spacing / 2
    wedges = _sectors(kinds, {k: radius[k] for k in kinds}, gap=0.2 if len(kinds) > 1 else 0.0)

    pos = np.zeros((n, 2))
    sectors = []
    for k in kinds:
        a, b = wedges[k]
        half = min((b - a) / 2, math.pi / 2)
        centre_r = max(spacing * 2 + radius[k], radius[k] / math.sin(half))
        centre = _polar(centre_r, (a + b) / 2)
        pos[members[k]] = shapes[k] + centre
        sectors.append((a, b, "on their own" if k is LONERS else str(k)))
    outer = float(np.sqrt((pos**2).sum(axis=1)).max())
    return pos, Guides(circles=[], sectors=sectors, outer=outer)
