"""Structural holes (Burt) and brokerage roles (Gould & Fernandez), vectorised.

Owns constraint, effective size, efficiency and hierarchy, their what-if values after a new
tie, and the Gould–Fernandez brokerage counts. Everything works on the integer arrays and
sparse matrices of a :class:`~netkit.frame.GraphFrame`: a collection of ego networks is one
block-diagonal graph measured in one pass, and indirect ties are summed at edge positions only.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import NetkitError
from .frame import GraphFrame, as_network, graph_frame, product_at
from .model import EgoCollection, EgoNetwork, WholeNetwork

__all__ = [
    "BURT_COLUMNS",
    "brokerage",
    "brokerage_counts",
    "burt_if_tied",
    "burt_measures",
    "holes_if_tied",
    "mutual_weights",
    "structural_holes",
    "with_tie",
]

#: The columns of :func:`burt_measures`, in order.
BURT_COLUMNS: tuple[str, ...] = ("degree", "constraint", "effective_size", "efficiency", "hierarchy")

Network = EgoNetwork | EgoCollection | WholeNetwork


# ----------------------------------------------------------------------------- triangles

#: Below this share of the nodes, per-node products (``product_at``) beat listing all triangles.
_TRIANGLES_FROM = 0.25


def _sorted_csr(M: sp.spmatrix) -> sp.csr_matrix:
    """Float CSR without stored zeros and with sorted indices; the caller's matrix is not touched."""
    M = sp.csr_matrix(M, dtype=float)
    if not M.has_sorted_indices or not M.has_canonical_format or (M.data == 0).any():
        M = M.copy()
        M.sum_duplicates()
        M.eliminate_zeros()
        M.sort_indices()
    return M


def _triangles(S: sp.csr_matrix, *, max_wedges: int = 2_000_000):
    """Every triangle of the graph with pattern ``S`` (symmetric, sorted CSR), in chunks.

    Yields six arrays per chunk: the stored positions in ``S`` of the ordered ties
    (u,v), (v,u), (u,w), (w,u), (v,w), (w,v) of each triangle {u, v, w}, each triangle once.

    The forward algorithm: ties point from lower to higher (degree, id) rank, every pair of
    out-ties of a node is a candidate and is kept when its closing tie exists. A node has at
    most about √(2m) out-ties, so hubs cost m·√m at worst instead of Σ degree².
    """
    n = S.shape[0]
    indices = S.indices.astype(np.int64)
    degree = np.diff(S.indptr)
    row = np.repeat(np.arange(n, dtype=np.int64), degree)
    # position of (j, i) for each stored (i, j): transpose a matrix of positions (same pattern)
    flipped = sp.csr_matrix((np.arange(S.nnz, dtype=float), S.indices, S.indptr), shape=S.shape).T.tocsr()
    flipped.sort_indices()
    back = flipped.data.astype(np.int64)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(degree, kind="stable")] = np.arange(n)  # by degree, then id
    r_row, r_col = rank[row], rank[indices]
    up = np.flatnonzero(r_row < r_col)
    up = up[np.argsort(r_row[up] * n + r_col[up])]
    tail, head = r_row[up], r_col[up]
    up_ptr = np.searchsorted(tail, np.arange(n + 1))
    # the oriented ties in rank space, valued 1 + their index in ``up`` (0: no tie)
    oriented = sp.csr_matrix((np.arange(1, len(up) + 1, dtype=float), head, up_ptr), shape=(n, n))
    later = up_ptr[tail + 1] - np.arange(len(up)) - 1  # out-ties after this one in its row
    done = np.cumsum(later)
    start = 0
    while start < len(up):
        before = done[start] - later[start]
        stop = max(start + 1, int(np.searchsorted(done, before + max_wedges, side="right")))
        count = later[start:stop]
        total = int(count.sum())
        if total:
            first = np.repeat(np.arange(start, stop), count)
            second = first + 1 + (np.arange(total) - np.repeat(np.cumsum(count) - count, count))
            third = np.asarray(oriented[head[first], head[second]]).ravel().astype(np.int64) - 1
            hit = third >= 0
            uv, uw, vw = up[first[hit]], up[second[hit]], up[third[hit]]
            yield uv, back[uv], uw, back[uw], vw, back[vw]
        start = stop


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])`` without the loop."""
    total = int(counts.sum())
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)


def _triangle_sums(S: sp.csr_matrix, pairs: list[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    """For each stored tie (i, j) of ``S``: ``Σ_q f_iq g_qj`` over the common neighbours q.

    ``f`` and ``g`` are values aligned with ``S.data`` (one per stored tie). The masked product
    ``(F @ G)[i, j]`` at tie positions only, from the triangle list.
    """
    nnz = S.nnz
    out = [np.zeros(nnz) for _ in pairs]
    for uv, vu, uw, wu, vw, wv in _triangles(S):
        at = np.concatenate([uv, vu, uw, wu, vw, wv])
        for k, (f, g) in enumerate(pairs):
            # (i, j) via q:  (u,v) via w, (v,u) via w, (u,w) via v, (w,u) via v, (v,w) via u, (w,v) via u
            values = np.concatenate([f[uw] * g[wv], f[vw] * g[wu], f[uv] * g[vw],
                                     f[wv] * g[vu], f[vu] * g[uw], f[wu] * g[uv]])
            out[k] += np.bincount(at, values, minlength=nnz)
    return out


# ----------------------------------------------------------------------------- Burt's measures


def mutual_weights(frame: GraphFrame) -> sp.csr_matrix:
    """Burt's mutual tie strength ``s_ij = a_ij + a_ji`` as a symmetric CSR matrix.

    Self-loops are already gone (the frame drops them) and ties of weight 0 are dropped here:
    in Burt's formulas a zero weight is no tie. Indices are sorted within each row.

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.frame import graph_frame
    >>> S = mutual_weights(graph_frame(nk.load_sample("karate"), weight="weight"))
    >>> S.shape, S.nnz, float(S[0, 1])
    ((34, 34), 156, 4.0)
    """
    S = frame.symmetric(weighted=True).astype(float)
    S.eliminate_zeros()
    S.sort_indices()
    return S


def _rows_scaled(S: sp.csr_matrix, factor: np.ndarray) -> sp.csr_matrix:
    """``diag(factor) @ S`` without changing the sparsity structure."""
    out = S.copy()
    out.data = out.data * np.repeat(factor, np.diff(S.indptr))
    return out


def _row_totals(S: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Each row's sum and maximum (0 for an empty row)."""
    n = S.shape[0]
    total, biggest = np.zeros(n), np.zeros(n)
    filled = np.flatnonzero(np.diff(S.indptr) > 0)
    if len(filled):
        total[filled] = np.add.reduceat(S.data, S.indptr[filled])
        biggest[filled] = np.maximum.reduceat(S.data, S.indptr[filled])
    return total, biggest


def _check_mutual(S: sp.csr_matrix) -> None:
    """Burt's formulas need s_ij = s_ji; a one-way matrix would be silently misread."""
    if S.shape[0] != S.shape[1]:
        raise NetkitError(f"S must be square (n × n mutual weights); got shape {S.shape}.")
    if S.nnz and abs(S - S.T).max() > 1e-12 * abs(S).max():
        raise NetkitError("S must be symmetric: pass mutual weights a_ij + a_ji, e.g. mutual_weights(frame).")
    if S.nnz and S.data.min() < 0:
        raise NetkitError("S has negative weights; tie weights must be 0 or more.")


def _positions(values, n: int, name: str) -> np.ndarray:
    """Node positions as an int array, checked against the graph's size."""
    out = np.asarray(values if hasattr(values, "__len__") else list(values), dtype=np.int64).ravel()
    if len(out) and (out.min() < 0 or out.max() >= n):
        raise NetkitError(f"{name} holds positions outside 0 to {n - 1}; pass node positions of this graph.")
    return out


def _sum_by(row: np.ndarray, values: np.ndarray, m: int) -> np.ndarray:
    """Per-row sums as floats (``np.bincount`` gives ints when there is nothing to add)."""
    return np.bincount(row, values, minlength=m).astype(float)


def _safe_inverse(x: np.ndarray) -> np.ndarray:
    return np.divide(1.0, x, out=np.zeros(len(x)), where=x > 0)


def _hierarchy(c: np.ndarray, row: np.ndarray, degree: np.ndarray, C: np.ndarray) -> np.ndarray:
    """Burt's hierarchy (Coleman–Theil) from dyadic constraints ``c`` grouped by ``row``."""
    n = len(degree)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = c * degree[row] / C[row]
        terms = np.where(ratio > 0, ratio * np.log(ratio), 0.0)
        H = _sum_by(row, terms, n) / (degree * np.log(degree))
    H[degree < 2] = np.nan
    return H


def burt_measures(S: sp.spmatrix, nodes: Iterable[int] | None = None, *,
                  max_block: int = 2_000_000) -> pd.DataFrame:
    """Burt's measures of chosen nodes of a graph given as a mutual-weight matrix.

    The lower-level engine of :func:`structural_holes`: positions in, numbers out, no labels.
    For many nodes the indirect ties come from one pass over the graph's triangles; for a few
    (under a quarter of the nodes: the egos of a block-diagonal collection, or the ego of one
    network with an extra tie, see :func:`with_tie`) only their rows are computed, with sparse
    products at their ties, so they cost what their neighbourhoods cost.

    Parameters
    ----------
    S : sparse matrix, n × n
        Mutual weights ``a_ij + a_ji`` (symmetric, non-negative, zero diagonal), as made by
        :func:`mutual_weights`. Stored zeros are ignored.
    nodes : array of int, optional
        Positions of the nodes to measure (default: all, in order).
    max_block : int
        Memory bound of the indirect-tie products, passed to :func:`netkit.frame.product_at`.

    Returns
    -------
    DataFrame
        Indexed by node position, columns ``degree`` (number of contacts), ``constraint``,
        ``effective_size``, ``efficiency`` and ``hierarchy``; see :func:`structural_holes`.

    Examples
    --------
    A star: the centre has 3 contacts who do not know each other.

    >>> import scipy.sparse as sp
    >>> S = sp.csr_matrix([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float)
    >>> burt_measures(S, [0]).round(3).to_dict("records")
    [{'degree': 3, 'constraint': 0.333, 'effective_size': 3.0, 'efficiency': 1.0, 'hierarchy': 0.0}]
    """
    S = _sorted_csr(S)
    _check_mutual(S)
    n = S.shape[0]
    nodes = np.arange(n) if nodes is None else _positions(nodes, n, "nodes")
    total, biggest = _row_totals(S)
    inverse = _safe_inverse(total)
    P = _rows_scaled(S, inverse)
    if len(nodes) >= _TRIANGLES_FROM * n:
        # all ties at once: Σ_q p_iq p_qj and Σ_q p_iq s_qj over the triangles (q = i, j adds nothing)
        indirect, shared = _triangle_sums(S, [(P.data, P.data), (P.data, S.data)])
        take = _ranges(S.indptr[nodes], np.diff(S.indptr)[nodes])  # the chosen rows' ties
        indirect, shared, col, p = indirect[take], shared[take], S.indices[take], P.data[take]
        degree = np.diff(S.indptr)[nodes]
        row = np.repeat(np.arange(len(nodes)), degree)
    else:
        sub = S[nodes]
        degree = np.diff(sub.indptr)
        row = np.repeat(np.arange(len(nodes)), degree)
        col = sub.indices
        p = sub.data * inverse[nodes[row]]
        X = P[nodes]
        # the same sums for the chosen rows only, at their tie positions
        indirect = product_at(X, P, row, col, max_block=max_block)
        shared = product_at(X, S, row, col, max_block=max_block)
    c = (p + indirect) ** 2
    C = _sum_by(row, c, len(nodes))
    # m_jq = s_jq / max_k s_jk: divide by the maximum of j's own row (networkx's scipy path uses the column)
    redundancy = shared / biggest[col]
    with np.errstate(divide="ignore", invalid="ignore"):
        es = degree - _sum_by(row, redundancy, len(nodes))
        efficiency = es / degree
    H = _hierarchy(c, row, degree.astype(float), C)
    isolated = degree == 0
    C[isolated] = es[isolated] = efficiency[isolated] = np.nan
    return pd.DataFrame({"degree": degree, "constraint": C, "effective_size": es, "efficiency": efficiency,
                         "hierarchy": H}, index=pd.Index(nodes, name="position"))


def with_tie(S: sp.spmatrix, a: int, b: int, *, added: float = 1.0) -> sp.csr_matrix:
    """A copy of mutual-weight matrix ``S`` with ``added`` more mutual weight between ``a`` and ``b``.

    Use it with :func:`burt_measures` for any node's what-if after one introduction (for the ego
    of an ego network alone, :func:`burt_if_tied` scores many candidate pairs at once). In a
    directed graph a mutual acquaintance is two arcs, so pass twice the tie weight.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> S = sp.csr_matrix([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)
    >>> with_tie(S, 1, 2).toarray().tolist()
    [[0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
    """
    if a == b:
        raise NetkitError(f"a tie needs two different people; got node {a} twice.")
    n = S.shape[0]
    extra = sp.csr_matrix(([added, added], ([a, b], [b, a])), shape=(n, n))
    return _sorted_csr(sp.csr_matrix(S, dtype=float) + extra)


def burt_if_tied(S: sp.spmatrix, node: int, a: Iterable[int], b: Iterable[int], *,
                 added: float | np.ndarray = 1.0, max_cells: int = 4_000_000) -> pd.DataFrame:
    """``node``'s Burt measures if ``a[k]`` and ``b[k]`` were tied — each pair on its own.

    Vectorised over the candidate pairs: a new tie a–b changes only the rows of a and b, so the
    focal node's indirect ties and redundancies are updated in closed form (``K × d`` numbers for
    ``K`` pairs and ``d`` contacts) rather than recomputed on ``K`` modified graphs.

    Parameters
    ----------
    S : sparse matrix
        Mutual weights, as from :func:`mutual_weights`.
    node : int
        Position of the focal node (the ego); it must not be one of the pair.
    a, b : arrays of int
        Positions of the two people of each candidate tie.
    added : float or array
        Mutual weight added between a and b (the new tie's weight; twice it in a directed
        graph, where meeting means an arc each way). A pair already tied gets stronger.
    max_cells : int
        Pairs are processed in chunks of about ``max_cells / d`` to bound memory.

    Returns
    -------
    DataFrame
        One row per pair, in order: ``degree``, ``constraint``, ``effective_size``,
        ``efficiency``, ``hierarchy`` of ``node`` after the tie.

    Notes
    -----
    With ``s`` the mutual weights, ``T_x = Σ_j s_xj``, ``p_ij = s_ij / T_i`` and ``δ`` the added
    weight: for x in {a, b} with partner y, ``p'_xj = (s_xj + δ[j = y]) / (T_x + δ)``, so node
    i's indirect tie to contact j changes by ``Σ_x p_ix (p'_xj − p_xj)``; only the redundancy
    of contacts a and b changes, to ``(Σ_q p_iq s_xq + p_iy δ) / max(max_x, s_xy + δ)``.
    Checked against recomputation on the graph with the tie added (tests/test_holes.py).

    Examples
    --------
    A star with centre 0: tying two of its three contacts raises its constraint.

    >>> import scipy.sparse as sp
    >>> S = sp.csr_matrix([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float)
    >>> after = burt_if_tied(S, 0, [1], [2])
    >>> round(float(after.at[0, "constraint"]), 4), round(float(after.at[0, "effective_size"]), 4)
    (0.6111, 2.3333)
    >>> before = burt_measures(with_tie(S, 1, 2), [0])
    >>> bool(np.allclose(before.to_numpy(), after.to_numpy()))
    True
    """
    S = _sorted_csr(S)
    _check_mutual(S)
    a, b = _positions(a, S.shape[0], "a"), _positions(b, S.shape[0], "b")
    if not 0 <= int(node) < S.shape[0]:
        raise NetkitError(f"node={node} is not a node position; the graph has positions 0 to {S.shape[0] - 1}.")
    if len(a) != len(b):
        raise NetkitError(f"a and b must pair up; got {len(a)} and {len(b)} positions.")
    if np.any(a == b):
        raise NetkitError(f"a tie needs two different people; node {int(a[a == b][0])} is paired with itself.")
    if np.any(a == node) or np.any(b == node):
        raise NetkitError(f"node {node} is one of the pair; a what-if tie must join two other people.")
    delta = np.broadcast_to(np.asarray(added, dtype=float), a.shape).copy()
    total, biggest = _row_totals(S)
    J = S.indices[S.indptr[node]:S.indptr[node + 1]]
    d = len(J)
    K = len(a)
    columns = {"degree": np.full(K, d)}
    if d == 0:
        nan = np.full(K, np.nan)
        return pd.DataFrame({**columns, "constraint": nan, "effective_size": nan, "efficiency": nan,
                             "hierarchy": nan.copy()})
    p = S.data[S.indptr[node]:S.indptr[node + 1]] / total[node]
    SJ = S[J]  # contacts' rows
    indirect = np.asarray((sp.csr_matrix(p) @ _rows_scaled(SJ, _safe_inverse(total[J])))[:, J].todense()).ravel()
    shared = np.asarray((sp.csr_matrix(p) @ SJ)[:, J].todense()).ravel()  # Σ_q p_iq s_jq
    redundancy = shared / biggest[J]
    p_of = np.zeros(S.shape[0])
    p_of[J] = p  # p_ix for any x (0 off the neighbourhood)
    shared_of = np.zeros(S.shape[0])
    shared_of[J] = shared
    S_ab = np.asarray(S[a, b]).ravel()

    out = {k: np.empty(K) for k in ("constraint", "effective_size", "hierarchy")}
    step = max(1, max_cells // max(d, 1))
    for lo in range(0, K, step):
        hi = min(K, lo + step)
        ka, kb, dk = a[lo:hi], b[lo:hi], delta[lo:hi]
        I = np.broadcast_to(indirect, (hi - lo, d)).copy()
        R = np.broadcast_to(redundancy, (hi - lo, d)).copy()
        for x, y in ((ka, kb), (kb, ka)):
            px = p_of[x]
            old_t, new_t = total[x], total[x] + dk
            scale = np.where(px > 0, px * (_safe_inverse(new_t) - _safe_inverse(old_t)), 0.0)
            I += _dense_block(S, x, J) * scale[:, None]
            # the new entry p'_xy, where y is one of node's contacts
            pos = np.searchsorted(J, y)
            pos_ok = (pos < d) & (J[np.minimum(pos, d - 1)] == y) & (px > 0)
            rows = np.flatnonzero(pos_ok)
            I[rows, pos[rows]] += px[rows] * dk[rows] / new_t[rows]
            # redundancy of contact x itself
            pos_x = np.searchsorted(J, x)
            x_in = (pos_x < d) & (J[np.minimum(pos_x, d - 1)] == x)
            rows = np.flatnonzero(x_in)
            new_max = np.maximum(biggest[x[rows]], S_ab[lo:hi][rows] + dk[rows])
            R[rows, pos_x[rows]] = (shared_of[x[rows]] + p_of[y[rows]] * dk[rows]) / new_max
        c = (p[None, :] + I) ** 2
        C = c.sum(axis=1)
        out["constraint"][lo:hi] = C
        out["effective_size"][lo:hi] = d - R.sum(axis=1)
        if d >= 2:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = c * d / C[:, None]
                out["hierarchy"][lo:hi] = np.where(ratio > 0, ratio * np.log(ratio), 0.0).sum(axis=1) / (d * np.log(d))
        else:
            out["hierarchy"][lo:hi] = np.nan
    return pd.DataFrame({**columns, "constraint": out["constraint"], "effective_size": out["effective_size"],
                         "efficiency": out["effective_size"] / d, "hierarchy": out["hierarchy"]})


def _dense_block(S: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``S[rows][:, cols]`` as a dense array (candidate rows against one focal node's contacts)."""
    return S[rows][:, cols].toarray()


def _ego_positions(frame: GraphFrame) -> np.ndarray:
    return np.flatnonzero(frame.is_ego) if frame.kind != "whole" else np.arange(frame.n)


def _labelled(frame: GraphFrame, positions: np.ndarray, values: pd.DataFrame) -> pd.DataFrame:
    """Put ``ego`` (collections) and ``node`` in front of per-node values."""
    table = values.reset_index(drop=True)
    table.insert(0, "node", frame.labels[positions])
    if frame.kind == "collection":
        table.insert(0, "ego", frame.ego[positions])
    return table


def structural_holes(net: Network, *, weight: str | None = None) -> pd.DataFrame:
    """Burt's structural-hole measures: constraint, effective size, efficiency and hierarchy.

    A *structural hole* is the absence of a tie between two of your contacts. Someone whose
    contacts do not know each other is a *broker*: they hear different things from each contact
    and can connect them. *Constraint* (near 0 for many unconnected contacts, 1 or a little more
    for one contact or a tight clique) is high when your time and energy go to contacts who are
    themselves tied to one another (little room to broker); *effective size* is
    the number of contacts minus their redundancy with one another (non-redundant contacts);
    *efficiency* is effective size per contact; *hierarchy* says how much of the constraint
    comes from one contact (0 when it is spread evenly, towards 1 when one contact holds it).

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
        An ego network gives one row, its ego's; a collection one row per ego; a whole network
        one row per node.
    weight : str, optional
        Tie weight column. For ego networks, alter–alter ties take it from the ties table and
        ego–alter ties from the alters table (e.g. ``closeness``), each where that table has the
        column (1.0 otherwise); for whole networks it is the edge attribute. Without it every
        tie weighs 1.

    Returns
    -------
    DataFrame
        Columns ``node``, ``degree`` (number of contacts), ``constraint``, ``effective_size``,
        ``efficiency``, ``hierarchy``; collections add ``ego`` first. For ego networks ``node``
        is the ego's node in the ego graph (``net.ego_node``; ``"ego"`` in a collection).

    Raises
    ------
    NetkitError
        If ``weight`` is not a column / edge attribute, or has non-numeric or negative values.

    See Also
    --------
    burt_measures : the same measures for chosen node positions of a mutual-weight matrix.
    burt_if_tied, holes_if_tied : the ego's measures if two people were introduced.

    Notes
    -----
    **Which graph.** Ego networks (alone or in a collection) are scored on the ego graph: the
    ego, the alters, the ego–alter ties and the alter–alter ties, nothing else — so an alter's
    other contacts, which a survey does not see, do not count. Whole networks are scored on the
    whole graph, where ``p_qj`` uses contact q's ties to everyone. The two differ for the same
    person (an ego network cut out of a whole network with ``whole.ego_network(node)`` gives the
    ego-extract value); each table reports one of them, as said here.

    With ``a_ij`` the tie weight from i to j (Burt 1992 [1]_; Borgatti 1997 [2]_):

    - proportional strength ``p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)``;
    - dyadic constraint ``c_ij = (p_ij + Σ_{q≠i,j} p_iq p_qj)²`` and constraint
      ``C_i = Σ_{j∈N(i)} c_ij``;
    - effective size ``ES_i = Σ_{j∈N(i)} [1 − Σ_{q≠i,j} p_iq m_jq]`` with
      ``m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)`` — j's strongest tie, the maximum over j's
      own row (networkx 3.6 divides by the column maximum on its ``nodes=None`` path, which is
      wrong for weighted and directed graphs); for unweighted undirected graphs this is
      Borgatti's ``n − 2t/n``, t the ties among the n contacts;
    - efficiency ``ES_i / n``, n = |N(i)| (the ``degree`` column);
    - hierarchy ``H_i = Σ_j r_ij ln r_ij / (n ln n)`` with ``r_ij = c_ij / (C_i / n)``.

    Edge cases: a node without contacts (an isolate, or an ego without alters) gets NaN for all
    four measures; one contact gives hierarchy NaN (``n ln n = 0``). Self-loops are dropped and
    so are ties of weight 0 (a zero weight is no tie). Directed graphs follow Burt: mutual
    weights ``a_ij + a_ji`` count both directions and N(i) holds in- and out-neighbours, so a
    reciprocated tie weighs twice an unreciprocated one.

    Computed on sparse matrices, no loop over people: the indirect terms ``Σ_q p_iq p_qj`` and
    ``Σ_q p_iq (a_qj + a_jq)`` are non-zero only where q closes a triangle with the tie (i, j), so a whole
    network takes one pass over its triangles (hubs cost m·√m at worst, not Σ degree²), and the
    egos of a collection take sparse products at their own ties only (see
    :func:`burt_measures`). A million-edge network takes seconds.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*.
       Cambridge, MA: Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: Unpacking Burt's redundancy measures.
       *Connections* 20(1), 35–38.

    Examples
    --------
    >>> import netkit as nk
    >>> nk.structural_holes(nk.load_sample("personal")).round(3)
      node  degree  constraint  effective_size  efficiency  hierarchy
    0  ego      40       0.078           36.55       0.914      0.028
    >>> whole = nk.structural_holes(nk.load_sample("karate")).set_index("node")
    >>> round(float(whole.at["0", "constraint"]), 3), round(float(whole.at["33", "constraint"]), 3)
    (0.155, 0.156)
    >>> nk.structural_holes(nk.load_sample("survey")).shape
    (200, 7)
    """
    net = as_network(net)
    frame = graph_frame(net, weight=weight)
    positions = _ego_positions(frame)
    return _labelled(frame, positions, burt_measures(mutual_weights(frame), positions))


def holes_if_tied(net: EgoNetwork | WholeNetwork, pairs: Iterable[tuple[str, str]], *, weight: str | None = None,
                  strength: float = 1.0, ego: str | None = None) -> pd.DataFrame:
    """What introductions would do to the ego's constraint and effective size, pair by pair.

    Each candidate pair (two alters) is tied on its own, and the ego's measures are recomputed
    as :func:`structural_holes` would compute them on that graph — in closed form and for all
    pairs at once (:func:`burt_if_tied`), not by rebuilding the graph per pair.

    Parameters
    ----------
    net : EgoNetwork or WholeNetwork
        The ego network (scored on the ego graph), or a whole network with ``ego`` naming the
        node (scored on the whole graph).
    pairs : iterable of (id, id)
        Alter ids (node ids of a whole network) of the people to introduce.
    weight : str, optional
        Tie weight column, as in :func:`structural_holes`.
    strength : float
        Weight of the new tie, in the units of ``weight`` (1 without it). In a directed network
        the two people are tied both ways.
    ego : str, optional
        The focal node of a whole network.

    Returns
    -------
    DataFrame
        ``source``, ``target``, then the ego's ``constraint``, ``effective_size``,
        ``efficiency`` and ``hierarchy`` after the introduction, and ``constraint_change`` and
        ``effective_size_change`` (after minus before).

    Examples
    --------
    >>> import netkit as nk
    >>> net = nk.load_sample("personal")
    >>> effect = holes_if_tied(net, [("a01", "a40"), ("a10", "a30")])
    >>> bool((effect["constraint_change"] > 0).all() and (effect["effective_size_change"] < 0).all())
    True
    """
    net = as_network(net)
    if isinstance(net, EgoCollection):
        raise NetkitError("holes_if_tied works on one ego network; pick one with net[ego_id].")
    try:
        strength = float(strength)
    except (TypeError, ValueError):
        strength = float("nan")
    if not np.isfinite(strength) or strength < 0:
        raise NetkitError(f"strength must be a number, 0 or more (the weight of the new tie); got {strength!r}.")
    frame = graph_frame(net, weight=weight)
    if isinstance(net, WholeNetwork):
        if ego is None:
            raise NetkitError("a whole network has no single ego; say whose what-if with ego=NODE.")
        where = f"the nodes of {net.source or 'this network'}"
    elif ego is not None and str(ego) != net.ego_id:
        raise NetkitError(f"this network's ego is '{net.ego_id}', not '{ego}'; leave ego= out or correct it.")
    else:
        where = f"the alters of ego '{net.ego_id}'"
    people = ~frame.is_ego
    index = pd.Series(np.flatnonzero(people), index=frame.labels[people])
    if isinstance(net, WholeNetwork):
        focal_label = str(ego)
        if focal_label not in index.index:
            raise NetkitError(f"there is no node '{ego}' in {net.source or 'this network'}; check the id.")
        node = int(index[focal_label])
    else:
        node = int(np.flatnonzero(frame.is_ego)[0])
    pairs = list(pairs)
    source = np.array([str(p[0]) for p in pairs], dtype=object)
    target = np.array([str(p[1]) for p in pairs], dtype=object)
    focal = frame.labels[node]
    for ids in (source, target):
        if (ids == focal).any():
            raise NetkitError(f"'{focal}' is the ego; a what-if introduction joins two of the ego's contacts.")
        unknown = ~pd.Index(ids).isin(index.index)
        if unknown.any():
            raise NetkitError(f"'{ids[unknown][0]}' is not one of {where}; use their id.")
    if (source == target).any():
        raise NetkitError(f"'{source[source == target][0]}' is paired with itself; an introduction needs two people.")
    a, b = index[source].to_numpy(), index[target].to_numpy()
    S = mutual_weights(frame)
    added = strength * (2.0 if frame.directed else 1.0)
    before = burt_measures(S, [node]).iloc[0]
    after = burt_if_tied(S, node, a, b, added=added)
    table = pd.concat([pd.DataFrame({"source": source, "target": target}), after.drop(columns="degree")], axis=1)
    table["constraint_change"] = table["constraint"] - before["constraint"]
    table["effective_size_change"] = table["effective_size"] - before["effective_size"]
    return table


# ----------------------------------------------------------------------------- brokerage


def brokerage_counts(A: sp.spmatrix, groups: np.ndarray, nodes: Iterable[int] | None = None, *,
                     max_block: int = 2_000_000) -> pd.DataFrame:
    """Gould–Fernandez role counts over ordered two-paths a→v→b with no arc a→b.

    The lower-level engine of :func:`brokerage`, with the raw counts of R's
    ``sna::brokerage(g, cl)$raw.nli``: ``coordinator`` (w_I, A→A→A), ``itinerant`` (w_O,
    A→B→A), ``representative`` (b_IO, A→A→B), ``gatekeeper`` (b_OI, A→B→B), ``liaison``
    (b_O, A→B→C) and ``total``, for each broker v (a, v, b distinct).

    Parameters
    ----------
    A : sparse matrix, n × n
        Adjacency: any stored non-zero is an arc row → column (pass a symmetric matrix for an
        undirected graph: every pair is then counted in both orders). The diagonal is ignored.
    groups : array of int, length n
        Group code of each node.
    nodes : array of int, optional
        Positions of the brokers to count (default: all).

    Returns
    -------
    DataFrame
        Indexed by node position; integer columns as above.

    Notes
    -----
    Counted by combinatorics, not by listing paths: per broker, the ordered pairs (in-neighbour,
    out-neighbour) of each group combination follow from the in- and out-neighbour counts per
    group; the pairs a = b (reciprocated ties) and the closed pairs (with a→b) are then taken
    off, the closed ones counted at the broker's out-arcs v→b with three sparse products
    (all in-neighbours a of v with a→b; those in v's group; those in b's group).

    Examples
    --------
    A path 0→1→2 with groups (x, x, y): broker 1 is a representative.

    >>> import scipy.sparse as sp
    >>> A = sp.csr_matrix([[0, 1, 0], [0, 0, 1], [0, 0, 0]])
    >>> brokerage_counts(A, np.array([0, 0, 1])).loc[1].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 0, 'liaison': 0, 'total': 1}
    """
    A = _binary_without_loops(A)
    n = A.shape[0]
    codes = np.asarray(groups, dtype=np.int64).ravel()
    if len(codes) != n:
        raise NetkitError(f"groups has {len(codes)} codes for {n} nodes; give one group per node.")
    nodes = np.arange(n) if nodes is None else _positions(nodes, n, "nodes")
    src = np.repeat(np.arange(n), np.diff(A.indptr))
    dst = A.indices
    same = codes[src] == codes[dst]
    out_deg, in_deg = np.bincount(src, minlength=n), np.bincount(dst, minlength=n)
    out_same, in_same = np.bincount(src[same], minlength=n), np.bincount(dst[same], minlength=n)
    k = int(codes.max()) + 1 if n else 1
    ones = np.ones(len(src))
    by_in = sp.csr_matrix((ones, (dst, codes[src])), shape=(n, k))  # in-neighbours of v per group
    by_out = sp.csr_matrix((ones, (src, codes[dst])), shape=(n, k))
    same_pairs = np.rint(np.asarray(by_in.multiply(by_out).sum(axis=1)).ravel()).astype(np.int64)
    At = A.T.tocsr()
    mutual = A.multiply(At).tocoo()  # a = b: v's reciprocated ties
    m_same = codes[mutual.row] == codes[mutual.col]
    mut, mut_same = np.bincount(mutual.row, minlength=n), np.bincount(mutual.row[m_same], minlength=n)

    if len(nodes) >= _TRIANGLES_FROM * n:
        closed = _closed_two_paths(A, codes)[nodes]
    else:
        closed = _closed_at_brokers(A, At, codes, same, src, dst, nodes, max_block)

    ins, outs = in_same[nodes], out_same[nodes]
    ind, outd = in_deg[nodes], out_deg[nodes]
    within = ins * outs  # pairs with a and b in v's group (a = b included)
    other_same = same_pairs[nodes] - within  # a and b in one group that is not v's (a = b included)
    table = {
        "coordinator": within - mut_same[nodes] - closed[:, 0],
        "itinerant": other_same - (mut[nodes] - mut_same[nodes]) - closed[:, 1],
        "representative": ins * (outd - outs) - closed[:, 2],
        "gatekeeper": (ind - ins) * outs - closed[:, 3],
        "liaison": (ind - ins) * (outd - outs) - other_same - closed[:, 4],
    }
    out = pd.DataFrame(table, index=pd.Index(nodes, name="position"))
    out["total"] = out.sum(axis=1)
    return out


def _binary_without_loops(A: sp.spmatrix) -> sp.csr_matrix:
    """1 for every stored non-zero off the diagonal, as sorted CSR."""
    coo = sp.coo_matrix(A)
    keep = (coo.row != coo.col) & (coo.data != 0)
    out = sp.csr_matrix((np.ones(int(keep.sum())), (coo.row[keep], coo.col[keep])), shape=A.shape)
    out.sum_duplicates()
    out.data[:] = 1.0
    out.sort_indices()
    return out


def _role(ga: np.ndarray, gv: np.ndarray, gb: np.ndarray) -> np.ndarray:
    """Role index of two-paths a → v → b by groups: 0 coordinator, 1 itinerant, 2 representative,
    3 gatekeeper, 4 liaison."""
    return np.select([(ga == gv) & (gv == gb), ga == gb, ga == gv, gb == gv], [0, 1, 2, 3], 4)


def _closed_two_paths(A: sp.csr_matrix, codes: np.ndarray) -> np.ndarray:
    """Per node and role, the two-paths a → v → b through it that are closed by an arc a → b.

    Every closed two-path lies on a triangle of the undirected skeleton: list the triangles
    once, try the six ways of naming them (a, v, b) and keep those whose three arcs exist.
    """
    n = A.shape[0]
    S = _sorted_csr(A + A.T)
    s_row = np.repeat(np.arange(n, dtype=np.int64), np.diff(S.indptr))
    s_col = S.indices.astype(np.int64)
    a_keys = np.repeat(np.arange(n, dtype=np.int64), np.diff(A.indptr)) * n + A.indices
    s_keys = s_row * n + s_col
    found = np.minimum(np.searchsorted(a_keys, s_keys), max(len(a_keys) - 1, 0))
    arc = a_keys[found] == s_keys if len(a_keys) else np.zeros(len(s_keys), bool)  # row -> col is an arc of A
    counts = np.zeros(n * 5, dtype=np.int64)
    for uv, vu, uw, wu, vw, wv in _triangles(S):
        at = {(0, 1): uv, (1, 0): vu, (0, 2): uw, (2, 0): wu, (1, 2): vw, (2, 1): wv}
        who = (s_row[uv], s_col[uv], s_col[uw])
        keys = []
        for ia, iv, ib in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
            closed = arc[at[ia, iv]] & arc[at[iv, ib]] & arc[at[ia, ib]]
            a, v, b = who[ia][closed], who[iv][closed], who[ib][closed]
            keys.append(v * 5 + _role(codes[a], codes[v], codes[b]))
        counts += np.bincount(np.concatenate(keys), minlength=n * 5)
    return counts.reshape(n, 5)


def _closed_at_brokers(A, At, codes, same, src, dst, nodes, max_block) -> np.ndarray:
    """:func:`_closed_two_paths` for a few brokers: sparse products at their out-arcs v → b."""
    n = A.shape[0]
    A_same = sp.csr_matrix((np.ones(int(same.sum())), (src[same], dst[same])), shape=(n, n))
    sub = A[nodes]
    row = np.repeat(np.arange(len(nodes)), np.diff(sub.indptr))
    b = sub.indices

    def at_arcs(X, Y):
        return np.rint(product_at(X, Y, row, b, max_block=max_block)).astype(np.int64)

    X = At[nodes]  # in-neighbours a of each broker
    closed_all = at_arcs(X, A)  # every a with a -> b
    closed_in = at_arcs(A_same.T.tocsr()[nodes], A)  # ... a in v's group
    closed_ab = at_arcs(X, A_same)  # ... a in b's group
    b_in = codes[nodes[row]] == codes[b]
    m = len(nodes)

    def per_broker(values, mask):
        return np.bincount(row[mask], values[mask], minlength=m).astype(np.int64)

    return np.column_stack([
        per_broker(closed_in, b_in),  # coordinator: a, v, b one group
        per_broker(closed_ab, ~b_in),  # itinerant: a and b one group, v another
        per_broker(closed_in, ~b_in),  # representative: a with v, b elsewhere
        per_broker(closed_all - closed_in, b_in),  # gatekeeper: b with v, a elsewhere
        per_broker(closed_all - closed_in - closed_ab, ~b_in),  # liaison: three groups
    ])


_MISSING_HINT = "fill it in (for example with 'unknown') or choose another attribute with group="


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _group_codes(net: Network, frame: GraphFrame, group: str) -> np.ndarray:
    """An integer group code per frame node; an ego without the attribute is a group of its own."""
    if not isinstance(group, str) or not group:
        raise NetkitError(f"group={group!r} must name an attribute, e.g. group='context'.")
    if isinstance(net, WholeNetwork):
        G = net.G
        values = [G.nodes[label].get(group) for label in frame.labels]
        if all(_missing(v) for v in values):
            found = sorted({k for _, d in G.nodes(data=True) for k in d})
            listing = ", ".join(found) if found else "none — add one to the nodes"
            raise NetkitError(f"{net.source or 'this network'}: no node has the attribute '{group}'; "
                              f"node attributes are: {listing}.")
        for label, v in zip(frame.labels, values):
            if _missing(v):
                raise NetkitError(f"{net.source or 'this network'}: node '{label}' has no '{group}'; "
                                  f"every node needs a group: {_MISSING_HINT}.")
        return pd.factorize(pd.Series(values, dtype=object))[0]
    from .model import as_collection

    coll = as_collection(net)
    source = getattr(net, "source", "") or "the alters table"
    usable = [c for c in coll.alters.columns if c not in ("ego_id", "alter_id")]
    if group not in usable:
        listing = ", ".join(usable) if usable else "none — add a column such as context to the alters"
        raise NetkitError(f"{source}: group='{group}' is not a column of the alters table; "
                          f"alter columns are: {listing}.")
    alter_values = coll.alters[group].to_numpy(dtype=object)
    bad = np.fromiter((_missing(v) for v in alter_values), dtype=bool, count=len(alter_values))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        whose = f" of ego '{coll.alters['ego_id'].iat[i]}'" if isinstance(net, EgoCollection) else ""
        raise NetkitError(f"{source}: alter '{coll.alters['alter_id'].iat[i]}'{whose} has no '{group}' "
                          f"({int(bad.sum())} alter(s) in all); every alter needs a group: {_MISSING_HINT}.")
    n_egos = len(coll.egos)
    if group in coll.egos.columns:
        ego_values = coll.egos[group].to_numpy(dtype=object)
        bad = np.fromiter((_missing(v) for v in ego_values), dtype=bool, count=n_egos)
        if bad.any():
            e = coll.egos["ego_id"].iat[int(np.flatnonzero(bad)[0])]
            raise NetkitError(f"{getattr(net, 'source', '') or 'the egos table'}: ego '{e}' has no '{group}'; "
                              f"give the ego a value, or drop that column from the egos so the ego counts as a "
                              f"group of its own.")
        codes = pd.factorize(pd.Series(np.concatenate([alter_values, ego_values]), dtype=object))[0]
    else:
        codes = pd.factorize(pd.Series(alter_values, dtype=object))[0]
        own = (codes.max() + 1) if len(codes) else 0
        codes = np.concatenate([codes, np.full(n_egos, own)])  # egos sit in separate blocks: one code serves all
    return codes


def brokerage(net: Network, *, group: str) -> pd.DataFrame:
    """Gould–Fernandez brokerage roles: how often each person links two others who are not tied.

    A *broker* v sits on a path a – v – b between two people a and b who have no tie of their
    own. Gould and Fernandez [1]_ name the *role* by the groups of the three people: a
    *coordinator* links two people of their own group (A–A–A); an *itinerant* (consultant) links
    two people of one other group (A–B–A); a *representative* passes contact from their own
    group out to another (A→A→B); a *gatekeeper* lets contact from another group into their own
    (A→B→B); a *liaison* links two different groups, neither of them their own (A–B–C).

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
        An ego network gives one row, its ego's (counted on the ego graph, ego included);
        a collection one row per ego; a whole network one row per node.
    group : str
        The attribute that defines groups: a node attribute of a whole network, or a column of
        the alters table (e.g. ``context``) for ego networks.

    Returns
    -------
    DataFrame
        Undirected networks: ``node``, ``coordinator``, ``itinerant``,
        ``gatekeeper_representative``, ``liaison``, ``total``, counted over unordered pairs
        {a, b}. Directed networks: ``node``, ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison``, ``total`` over ordered paths a→v→b with no arc a→b — the raw
        counts of R's ``sna::brokerage(g, cl)$raw.nli`` (w_I, w_O, b_IO, b_OI, b_O, t).
        Collections add ``ego`` first. Integer counts.

    Raises
    ------
    NetkitError
        If ``group`` is not an attribute (the message lists the available ones), or a person
        has no value for it (the message names them).

    Notes
    -----
    a, v and b are three different people; v brokers for (a, b) when a–v and v–b are ties and
    a–b is not (directed: a→v, v→b and no a→b; a→b absent but b→a present still counts, as in
    ``sna``). In an undirected network each unordered pair {a, b} is counted once: counting
    ordered pairs, as ``sna`` does on a symmetric matrix, doubles every count and makes the
    gatekeeper and representative counts equal, so the two are reported as one column
    ``gatekeeper_representative`` (exactly one of a, b in the broker's group).

    **The ego's group.** In an ego network the ego's own group is its value of ``group`` in the
    egos table (``net.ego``) when that column exists there (a missing value is then an error);
    otherwise the ego is a group of its own, so all of the ego's brokerage is itinerant (between
    two alters of one group) or liaison (between alters of two groups). Scores are counted on
    the ego graph (ego, alters and their ties), so an ego brokers every pair of its alters who
    are not tied. Weights play no part.

    Counted by combinatorics per broker and group (minus reciprocated and closed pairs, found
    with sparse products at the broker's ties), not by enumerating neighbour pairs; see
    :func:`brokerage_counts`.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: A formal approach
       to brokerage in transaction networks. *Sociological Methodology* 19, 89–126.

    Examples
    --------
    >>> import netkit as nk
    >>> nk.brokerage(nk.load_sample("personal"), group="context")
      node  coordinator  itinerant  gatekeeper_representative  liaison  total
    0  ego            0         37                          0      674    711
    >>> roles = nk.brokerage(nk.load_sample("karate"), group="club").set_index("node")
    >>> roles.loc["0"].to_dict()
    {'coordinator': 87, 'itinerant': 0, 'gatekeeper_representative': 15, 'liaison': 0, 'total': 102}
    """
    net = as_network(net)
    frame = graph_frame(net)
    codes = _group_codes(net, frame, group)
    positions = _ego_positions(frame)
    counts = brokerage_counts(frame.adjacency(weighted=False), codes, positions)
    if not frame.directed:
        counts = pd.DataFrame({
            "coordinator": counts["coordinator"] // 2,
            "itinerant": counts["itinerant"] // 2,
            "gatekeeper_representative": counts["representative"],
            "liaison": counts["liaison"] // 2,
        }, index=counts.index)
        counts["total"] = counts.sum(axis=1)
    return _labelled(frame, positions, counts)
