"""Structural holes (Burt), vectorised.

Owns constraint, effective size, efficiency and hierarchy, and their what-if values after a new
tie (Gould–Fernandez brokerage lives in :mod:`netkit.brokers`). Everything works on the
integer arrays and sparse matrices of a :class:`~netkit.frame.GraphFrame`: a collection of ego
networks is one block-diagonal graph measured in one pass, and indirect ties are summed at
edge positions only.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .arguments import renamed_keywords
from .errors import NetkitError
from .frame import (GraphFrame, as_network, choose_method, ego_positions, ego_rows, graph_frame, node_positions,
                    product_at, sorted_csr, triangles)
from .model import EgoCollection, EgoNetwork, WholeNetwork, prepare, select_ego

__all__ = [
    "BURT_COLUMNS",
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
    for uv, vu, uw, wu, vw, wv in triangles(S):
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
    H[np.abs(H) < 1e-12] = 0.0  # hierarchy is never negative: -1.4e-16 is 0 up to rounding
    return H


def burt_measures(S: sp.spmatrix, nodes: Iterable[int] | None = None, *, method: str = "auto",
                  max_block: int = 2_000_000) -> pd.DataFrame:
    """Burt's measures of chosen nodes of a graph given as a mutual-weight matrix.

    The lower-level engine of :func:`structural_holes`: positions in, numbers out, no labels.
    For many nodes the indirect ties come from one pass over the graph's triangles; for a few
    (under a quarter of the nodes: the egos of a block-diagonal collection, or the ego of one
    network with an extra tie, see :func:`with_tie`) only their rows are computed, with sparse
    products at their ties, so they cost what their neighbourhoods cost. ``method`` chooses.

    Parameters
    ----------
    S : sparse matrix, n × n
        Mutual weights ``a_ij + a_ji`` (symmetric, non-negative, zero diagonal), as made by
        :func:`mutual_weights`. Stored zeros are ignored.
    nodes : array of int, optional
        Positions of the nodes to measure (default: all, in order).
    method : {"auto", "triangles", "rows"}, default "auto"
        ``"triangles"``: one pass over all the graph's triangles, then the chosen rows are read
        off. ``"rows"``: sparse products at the chosen nodes' ties only; a node's numbers then
        depend on its own neighbourhood alone, to the last bit, whatever else is in ``S`` (what
        :func:`netkit.batch.summarize` needs so that any chunking gives the same bits).
        ``"auto"``: triangles when ``nodes`` are at least a quarter of the graph
        (:data:`netkit.frame.TRIANGLES_FROM`), rows otherwise. The two agree to rounding.
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
    >>> burt_measures(S, [0], method="triangles").equals(burt_measures(S, [0], method="rows"))
    True
    """
    S = sorted_csr(S)
    _check_mutual(S)
    n = S.shape[0]
    nodes = np.arange(n) if nodes is None else node_positions(nodes, n, "nodes")
    total, biggest = _row_totals(S)
    inverse = _safe_inverse(total)
    P = _rows_scaled(S, inverse)
    if choose_method(method, len(nodes), n) == "triangles":
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
    return sorted_csr(sp.csr_matrix(S, dtype=float) + extra)


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
    S = sorted_csr(S)
    _check_mutual(S)
    a, b = node_positions(a, S.shape[0], "a"), node_positions(b, S.shape[0], "b")
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


def structural_holes(net: Network, *, weight: str | None = None, tie_type: str | list[str] | None = None) -> pd.DataFrame:
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
    tie_type : str or list of str, optional
        Only the ties of this type (or types), e.g. one edge type of a Network Canvas export;
        without it all types are merged.

    Returns
    -------
    DataFrame
        One row per ego: ``ego_id``, ``degree`` (number of contacts), ``constraint``,
        ``effective_size``, ``efficiency``, ``hierarchy``. For ego networks ``ego_id`` is the
        ego's id (as in ``coll.egos``); for a whole network every node is the ego of its own
        neighbourhood and ``ego_id`` is its node id.

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
      ego_id  degree  constraint  effective_size  efficiency  hierarchy
    0    you      40       0.078           36.55       0.914      0.028
    >>> whole = nk.structural_holes(nk.load_sample("karate")).set_index("ego_id")
    >>> round(float(whole.at["0", "constraint"]), 3), round(float(whole.at["33", "constraint"]), 3)
    (0.155, 0.156)
    >>> nk.structural_holes(nk.load_sample("survey")).shape
    (200, 6)
    """
    net = prepare(as_network(net), tie_type=tie_type)
    frame = graph_frame(net, weight=weight)
    positions = ego_positions(frame)
    return ego_rows(frame, positions, burt_measures(mutual_weights(frame), positions))


@renamed_keywords(strength="added")
def holes_if_tied(net: Network, pairs: Iterable[tuple[str, str]], *, weight: str | None = None,
                  added: float = 1.0, ego: str | None = None) -> pd.DataFrame:
    """What introductions would do to the ego's constraint and effective size, pair by pair.

    Each candidate pair (two alters) is tied on its own, and the ego's measures are recomputed
    as :func:`structural_holes` would compute them on that graph — in closed form and for all
    pairs at once (:func:`burt_if_tied`), not by rebuilding the graph per pair.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        The ego network (scored on the ego graph); a collection with ``ego`` naming the ego (or
        a collection of one); or a whole network with ``ego`` naming the node (scored on the
        whole graph).
    pairs : iterable of (id, id)
        Alter ids (node ids of a whole network) of the people to introduce.
    weight : str, optional
        Tie weight column, as in :func:`structural_holes`.
    added : float, default 1
        Weight of the new tie, in the units of ``weight`` (1 without it). In a directed network
        the two people are tied both ways. (Called ``strength=`` before netkit 0.2, which still
        works with a FutureWarning; ``strength=`` now names tie-strength presets elsewhere.)
    ego : str, optional
        Whose what-if: needed for a whole network and a collection of more than one ego.

    Returns
    -------
    DataFrame
        ``alter_id_a``, ``alter_id_b`` (the pair, as given; the same columns as
        :func:`netkit.suggest_introductions`), then the ego's ``constraint``,
        ``effective_size``, ``efficiency`` and ``hierarchy`` after the introduction, and
        ``constraint_change`` and ``effective_size_change`` (after minus before).

    Examples
    --------
    >>> import netkit as nk
    >>> net = nk.load_sample("personal")
    >>> effect = holes_if_tied(net, [("a01", "a40"), ("a10", "a30")])
    >>> effect.columns[:3].tolist()
    ['alter_id_a', 'alter_id_b', 'constraint']
    >>> bool((effect["constraint_change"] > 0).all() and (effect["effective_size_change"] < 0).all())
    True
    """
    net = as_network(net)
    added = _new_tie_weight(added)
    chosen = select_ego(net, ego, one=True, what="what-if introductions")  # the one check of ego=
    if isinstance(net, WholeNetwork):  # scored on the whole graph, not the ego's extract
        frame = graph_frame(net, weight=weight)
        where = f"the nodes of {net.source or 'this network'}"
        people = np.ones(frame.n, dtype=bool)
        people[frame.labels == chosen.ego_id] = False
        node = int(np.flatnonzero(~people)[0])
    else:
        frame = graph_frame(chosen, weight=weight)
        where = f"the alters of ego '{chosen.ego_id}'"
        people = ~frame.is_ego
        node = int(np.flatnonzero(frame.is_ego)[0])
    index = pd.Series(np.flatnonzero(people), index=frame.labels[people])
    pairs = list(pairs)
    first = np.array([str(p[0]) for p in pairs], dtype=object)
    second = np.array([str(p[1]) for p in pairs], dtype=object)
    focal = frame.labels[node]
    for ids in (first, second):
        if (ids == focal).any():
            raise NetkitError(f"'{focal}' is the ego; a what-if introduction joins two of the ego's contacts.")
        unknown = ~pd.Index(ids).isin(index.index)
        if unknown.any():
            raise NetkitError(f"'{ids[unknown][0]}' is not one of {where}; use their id.")
    if (first == second).any():
        raise NetkitError(f"'{first[first == second][0]}' is paired with itself; an introduction needs two people.")
    a, b = index[first].to_numpy(), index[second].to_numpy()
    S = mutual_weights(frame)
    before = burt_measures(S, [node]).iloc[0]
    after = burt_if_tied(S, node, a, b, added=added * (2.0 if frame.directed else 1.0))
    table = pd.concat([pd.DataFrame({"alter_id_a": first, "alter_id_b": second}), after.drop(columns="degree")],
                      axis=1)
    table["constraint_change"] = table["constraint"] - before["constraint"]
    table["effective_size_change"] = table["effective_size"] - before["effective_size"]
    return table


def _new_tie_weight(added) -> float:
    try:
        value = float(added)
    except (TypeError, ValueError):
        value = float("nan")
    if isinstance(added, bool) or not np.isfinite(value) or value < 0:
        raise NetkitError(f"added={added!r} must be a number, 0 or more (the weight of the new tie).")
    return value
