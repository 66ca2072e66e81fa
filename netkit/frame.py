"""Any network as integer-coded edge arrays and a sparse matrix, for vectorised measures.

An ego network, a whole collection of them (as one block-diagonal graph, so thousands of
egos are measured in one sparse pass) or a whole network all become a :class:`GraphFrame`.
Measures work on its arrays and map results back to ids with ``labels`` and ``ego``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import NetkitError
from .model import EgoCollection, EgoNetwork, WholeNetwork

__all__ = ["GraphFrame", "graph_frame", "as_network", "product_at", "sorted_csr", "triangles", "node_positions",
           "choose_method", "TRIANGLES_FROM", "METHODS", "ego_positions", "ego_rows"]


@dataclass
class GraphFrame:
    """A graph as arrays: nodes ``0..n-1``, one entry per distinct edge.

    Attributes
    ----------
    labels : object array, node id of each node (alter id, the ego node, or a whole-network id)
    ego : object array or None, ego id of each node (ego networks and collections)
    is_ego : bool array, True for the ego node of each ego network
    src, dst : int arrays, the distinct edges (self-loops dropped; for undirected graphs
        ``src < dst`` and each pair once; for directed graphs each arc once)
    weight : float array, each edge's weight (1.0 when unweighted)
    ego_edge : bool array, True for ego–alter edges
    tie_row : int array, row of the edge in the source ties table (-1 for ego–alter edges and
        whole networks); for a pair listed twice, the first row
    directed : bool
    kind : "ego", "collection" or "whole"
    """

    labels: np.ndarray
    ego: np.ndarray | None
    is_ego: np.ndarray
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    ego_edge: np.ndarray
    tie_row: np.ndarray
    directed: bool
    kind: str

    @property
    def n(self) -> int:
        return len(self.labels)

    def adjacency(self, weighted: bool = True) -> sp.csr_matrix:
        """The n×n adjacency matrix (symmetric for undirected graphs), CSR with sorted indices."""
        data = self.weight if weighted else np.ones(len(self.src))
        if self.directed:
            rows, cols, vals = self.src, self.dst, data
        else:
            rows = np.concatenate([self.src, self.dst])
            cols = np.concatenate([self.dst, self.src])
            vals = np.concatenate([data, data])
        A = sp.csr_matrix((vals, (rows, cols)), shape=(self.n, self.n))
        A.sum_duplicates()
        A.sort_indices()
        return A

    def symmetric(self, weighted: bool = True) -> sp.csr_matrix:
        """a_ij + a_ji: ties counted in both directions (Burt's mutual weight)."""
        A = self.adjacency(weighted)
        if not self.directed:
            return A
        S = (A + A.T).tocsr()
        S.sort_indices()
        return S


def ego_positions(frame: GraphFrame) -> np.ndarray:
    """Positions of the egos in ``frame``: each ego network's ego node, or every node of a whole
    network (where each node is measured as the ego of its own neighbourhood).

    Examples
    --------
    >>> import netkit as nk
    >>> ego_positions(graph_frame(nk.load_sample("personal"))).tolist()
    [40]
    """
    return np.flatnonzero(frame.is_ego) if frame.kind != "whole" else np.arange(frame.n)


def ego_rows(frame: GraphFrame, positions: np.ndarray, values: pd.DataFrame) -> pd.DataFrame:
    """Per-ego values with ``ego_id`` in front: the ego network's id, or the node id of a whole network.

    Examples
    --------
    >>> import netkit as nk
    >>> frame = graph_frame(nk.load_sample("personal"))
    >>> ego_rows(frame, ego_positions(frame), pd.DataFrame({"x": [1]})).columns.tolist()
    ['ego_id', 'x']
    """
    table = values.reset_index(drop=True)
    ids = frame.labels[positions] if frame.kind == "whole" else frame.ego[positions]
    table.insert(0, "ego_id", ids)
    return table


def as_network(net) -> EgoNetwork | EgoCollection | WholeNetwork:
    """Accept a bare networkx graph wherever a network is expected."""
    import networkx as nx

    if isinstance(net, (EgoNetwork, EgoCollection, WholeNetwork)):
        return net
    if isinstance(net, nx.Graph):
        G = net if all(isinstance(n, str) for n in net) else nx.relabel_nodes(net, str)
        return WholeNetwork(G)
    raise NetkitError(
        f"expected a network from nk.read or nk.load_sample (or a networkx graph), got {type(net).__name__}."
    )


def _weights(values: pd.Series, column: str, where: str) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise NetkitError(f"{where}: weight column '{column}' has '{values.iloc[i]}', which is not a number; fix that value.")
    infinite = np.isinf(numbers.to_numpy(dtype=float, na_value=np.nan))
    if infinite.any():
        i = int(np.flatnonzero(infinite)[0])
        raise NetkitError(f"{where}: weight column '{column}' has {numbers.iloc[i]} in row {i + 1}; a weight must be a "
                          "finite number, 0 or more.")
    if (numbers < 0).any():
        i = int(np.flatnonzero((numbers < 0).to_numpy())[0])
        raise NetkitError(f"{where}: weight column '{column}' has {numbers.iloc[i]:g}, a negative weight; weights must be 0 or more.")
    if numbers.isna().any():
        i = int(np.flatnonzero(numbers.isna().to_numpy())[0])
        raise NetkitError(f"{where}: weight column '{column}' is empty in row {i + 1}; fill it in or choose another weight.")
    return numbers.to_numpy(dtype=float)


def _distinct(src, dst, weight, directed, rows):
    """Drop self-loops and keep one entry per pair (first listing wins), ordered by (src, dst)."""
    keep = src != dst
    src, dst, weight, rows = src[keep], dst[keep], weight[keep], rows[keep]
    if not directed:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    order = np.lexsort((rows, dst, src))
    src, dst, weight, rows = src[order], dst[order], weight[order], rows[order]
    first = np.ones(len(src), dtype=bool)
    first[1:] = (src[1:] != src[:-1]) | (dst[1:] != dst[:-1])
    return src[first], dst[first], weight[first], rows[first]


def graph_frame(net, *, weight: str | None = None, include_ego: bool = True) -> GraphFrame:
    """Turn any network into a :class:`GraphFrame`.

    ``weight`` names a column: for ego networks, alter–alter ties take it from the ties table and
    ego–alter ties from the alters table, each where that table has the column (else 1.0); for
    whole networks it is the edge attribute. A tie of weight 0 is no tie (left out of the frame,
    so of every measure). Non-numeric, negative or missing weights raise a NetkitError naming the
    column.
    """
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        return _whole_frame(net, weight)
    from .model import as_collection

    coll = as_collection(net)
    kind = "ego" if isinstance(net, EgoNetwork) else "collection"
    alters, ties, egos = coll.alters, coll.ties, coll.egos
    known = weight is None or weight in alters.columns or weight in ties.columns
    if not known:
        cols = sorted(set(alters.columns) | set(ties.columns) - {"ego_id", "alter_id", "source", "target"})
        raise NetkitError(f"weight='{weight}' is not a column of the alters or ties table; choose one of {', '.join(cols)}.")
    n_alters = len(alters)
    ego_ids = egos["ego_id"].to_numpy(dtype=object)
    if include_ego:
        ego_nodes = {e.ego_id: e.ego_node for e in ([net] if isinstance(net, EgoNetwork) else [])}
        ego_labels = np.array([ego_nodes.get(e, "ego") for e in ego_ids], dtype=object)
        if kind == "collection":  # the ego node must not collide with an alter id of that ego
            taken = set(zip(alters["ego_id"], alters["alter_id"]))
            for i, e in enumerate(ego_ids):
                while (e, ego_labels[i]) in taken:
                    ego_labels[i] += "_"
        labels = np.concatenate([alters["alter_id"].to_numpy(dtype=object), ego_labels])
        ego = np.concatenate([alters["ego_id"].to_numpy(dtype=object), ego_ids])
        is_ego = np.concatenate([np.zeros(n_alters, bool), np.ones(len(ego_ids), bool)])
    else:
        labels = alters["alter_id"].to_numpy(dtype=object)
        ego = alters["ego_id"].to_numpy(dtype=object)
        is_ego = np.zeros(n_alters, bool)

    index = pd.Series(np.arange(n_alters), index=pd.MultiIndex.from_frame(alters[["ego_id", "alter_id"]]))
    t_src = index.reindex(pd.MultiIndex.from_arrays([ties["ego_id"], ties["source"]])).to_numpy()
    t_dst = index.reindex(pd.MultiIndex.from_arrays([ties["ego_id"], ties["target"]])).to_numpy()
    where = coll.source or "the ties table"
    t_w = _weights(ties[weight], weight, where) if weight in ties.columns else np.ones(len(ties))
    src, dst, w = [t_src.astype(np.int64)], [t_dst.astype(np.int64)], [t_w]
    if include_ego:
        ego_pos = pd.Series(n_alters + np.arange(len(ego_ids)), index=ego_ids)
        e_idx = ego_pos.reindex(alters["ego_id"]).to_numpy().astype(np.int64)
        a_w = _weights(alters[weight], weight, coll.source or "the alters table") if weight in alters.columns else np.ones(n_alters)
        alter_idx = np.arange(n_alters, dtype=np.int64)
        src.append(e_idx)
        dst.append(alter_idx)
        w.append(a_w)
        if coll.directed:  # ego–alter ties go both ways
            src.append(alter_idx)
            dst.append(e_idx)
            w.append(a_w)
    src, dst, w = map(np.concatenate, (src, dst, w))
    # position in the listing: tie rows first, so a pair listed twice keeps its first row
    positions = np.arange(len(src))
    if weight is not None:  # with weights in use, a tie of weight 0 is no tie
        tie = w != 0
        src, dst, w, positions = src[tie], dst[tie], w[tie], positions[tie]
    s, d, ww, kept = _distinct(src, dst, w, coll.directed, positions)
    is_ego_edge = kept >= len(ties)
    tie_row = np.where(is_ego_edge, -1, kept)
    return GraphFrame(labels, ego, is_ego, s, d, ww, is_ego_edge, tie_row, coll.directed, kind)


def _edge_list_frame(net: WholeNetwork, weight: str | None) -> GraphFrame:
    """The frame of a whole network read from an edge list, straight from the list (no graph built).

    Nodes are numbered in the order networkx would add them (each edge's source, then its target),
    so the frame is the one :func:`_whole_frame` makes from the graph.
    """
    e = net.edges
    m = len(e)
    ends = np.empty(2 * m, dtype=object)
    ends[0::2], ends[1::2] = e["source"].to_numpy(dtype=object), e["target"].to_numpy(dtype=object)
    codes, labels = pd.factorize(ends)
    src, dst = codes[0::2].astype(np.int64), codes[1::2].astype(np.int64)
    values = None
    if weight:
        values = e[weight] if weight in e.columns else pd.Series([None] * m, dtype=object)
    return _whole_edges_frame(net, np.asarray(labels, dtype=object), src, dst, values, weight)


def _whole_frame(net: WholeNetwork, weight: str | None) -> GraphFrame:
    if not net.built and net.edges is not None:
        return _edge_list_frame(net, weight)
    G = net.G
    labels = np.array(list(G), dtype=object)
    pos = {n: i for i, n in enumerate(labels)}
    if G.is_multigraph():
        edges = list(G.edges(data=weight if weight else False, default=None)) if weight else list(G.edges())
        src = np.fromiter((pos[e[0]] for e in edges), dtype=np.int64, count=len(edges))
        dst = np.fromiter((pos[e[1]] for e in edges), dtype=np.int64, count=len(edges))
        data = [e[2] for e in edges] if weight else None
    else:
        # walk the adjacency once (an undirected edge shows from both ends; _distinct keeps one,
        # and both carry the same attributes): much quicker than G.edges() on large graphs
        adjacency = list(G.adjacency())
        counts = np.fromiter((len(nbrs) for _, nbrs in adjacency), dtype=np.int64, count=len(adjacency))
        src = np.repeat(np.fromiter((pos[u] for u, _ in adjacency), dtype=np.int64, count=len(adjacency)), counts)
        dst = np.fromiter((pos[v] for _, nbrs in adjacency for v in nbrs), dtype=np.int64, count=int(counts.sum()))
        data = [d.get(weight) for _, nbrs in adjacency for d in nbrs.values()] if weight else None
    return _whole_edges_frame(net, labels, src, dst, pd.Series(data, dtype=object) if weight else None, weight)


def _whole_edges_frame(net: WholeNetwork, labels, src, dst, values: pd.Series | None, weight) -> GraphFrame:
    """A whole network's frame from its listed edges (``values``: each edge's weight, when one is used)."""
    kept = src != dst  # self-loops are dropped, so their weights are not checked
    src, dst = src[kept], dst[kept]
    if weight:
        values = values[kept].reset_index(drop=True)
        if values.isna().all() and len(values):
            raise NetkitError(f"{net.source or 'this network'}: no edge has the attribute '{weight}'; choose another weight.")
        missing = np.flatnonzero(values.isna().to_numpy())
        if len(missing):
            u, v = labels[src[missing[0]]], labels[dst[missing[0]]]
            raise NetkitError(f"{net.source or 'this network'}: the edge {u} – {v} has no '{weight}'; give every edge "
                              "one or choose another weight.")
        w = _weights(values, weight, net.source or "this network")
        src, dst, w = src[w != 0], dst[w != 0], w[w != 0]  # with weights in use, a tie of weight 0 is no tie
    else:
        w = np.ones(len(src))
    s, d, ww, _ = _distinct(src, dst, w, net.directed, np.arange(len(src)))
    none = np.full(len(s), -1)
    return GraphFrame(labels, None, np.zeros(len(labels), bool), s, d, ww, np.zeros(len(s), bool), none,
                      net.directed, "whole")


def product_at(X: sp.csr_matrix, Y: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray,
               *, max_block: int = 2_000_000) -> np.ndarray:
    """Entries ``(X @ Y)[rows[k], cols[k]]`` without forming all of ``X @ Y``.

    Rows of X are taken in blocks whose product stays under about ``max_block`` stored
    entries, so graphs with a million edges fit in memory. Used for common neighbours
    (A·A at each edge), Burt's indirect ties (P·P) and redundancy (P·Mᵀ).
    """
    X, Y = sp.csr_matrix(X), sp.csr_matrix(Y)
    out = np.zeros(len(rows), dtype=float)
    if len(rows) == 0:
        return out
    order = np.argsort(rows, kind="stable")
    r_sorted, c_sorted = rows[order], cols[order]
    # estimated product size per row: sum over the row's entries of the matching Y row lengths
    y_len = np.diff(Y.indptr)
    per_row = np.add.reduceat(np.append(y_len[X.indices], 0), X.indptr[:-1]) * (np.diff(X.indptr) > 0)
    cum = np.cumsum(per_row)
    start, n = 0, X.shape[0]
    while start < n:
        before = cum[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(cum, before + max_block, side="right")))
        lo, hi = np.searchsorted(r_sorted, [start, stop])
        if hi > lo:
            block = (X[start:stop] @ Y).tocsr()
            block.sort_indices()
            out[order[lo:hi]] = np.asarray(block[r_sorted[lo:hi] - start, c_sorted[lo:hi]]).ravel()
        start = stop
    return out


# ----------------------------------------------------------------------------- shared sparse routines

#: Below this share of the nodes, per-node products (:func:`product_at`) beat listing all
#: triangles; the measures that offer both (``method="auto"``) switch here.
TRIANGLES_FROM = 0.25

METHODS = ("auto", "triangles", "rows")


def choose_method(method: str, count: int, n: int) -> str:
    """``"triangles"`` or ``"rows"``: how to compute a measure for ``count`` of ``n`` nodes.

    ``"auto"`` lists the graph's triangles once when ``count`` is at least
    :data:`TRIANGLES_FROM` of the nodes, and computes only the chosen rows otherwise. The two
    sum the same terms in another order, so they agree to rounding, not always to the last bit.

    Examples
    --------
    >>> choose_method("auto", 10, 20), choose_method("auto", 1, 20), choose_method("rows", 20, 20)
    ('triangles', 'rows', 'rows')
    """
    if method not in METHODS:
        raise NetkitError(f"method={method!r} is not a method; use one of {', '.join(map(repr, METHODS))}.")
    if method == "auto":
        return "triangles" if count >= TRIANGLES_FROM * n else "rows"
    return method


def sorted_csr(M: sp.spmatrix) -> sp.csr_matrix:
    """Float CSR without stored zeros and with sorted indices; the caller's matrix is not touched.

    Examples
    --------
    >>> sorted_csr(sp.csr_matrix([[0, 2], [0, 0]])).nnz
    1
    """
    M = sp.csr_matrix(M, dtype=float)
    if not M.has_sorted_indices or not M.has_canonical_format or (M.data == 0).any():
        M = M.copy()
        M.sum_duplicates()
        M.eliminate_zeros()
        M.sort_indices()
    return M


def node_positions(values, n: int, name: str) -> np.ndarray:
    """Node positions as an int array, checked against the graph's size (``name`` is the argument).

    Examples
    --------
    >>> node_positions([2, 0], 3, "nodes").tolist()
    [2, 0]
    """
    out = np.asarray(values if hasattr(values, "__len__") else list(values), dtype=np.int64).ravel()
    if len(out) and (out.min() < 0 or out.max() >= n):
        raise NetkitError(f"{name} holds positions outside 0 to {n - 1}; pass node positions of this graph.")
    return out


def triangles(S: sp.csr_matrix, *, max_wedges: int = 2_000_000):
    """Every triangle of the graph with pattern ``S`` (symmetric, sorted CSR), in chunks.

    Parameters
    ----------
    S : csr_matrix, n × n
        Symmetric, with sorted indices and no stored zeros (see :func:`sorted_csr`).
    max_wedges : int
        About how many candidate pairs of ties are checked per chunk (bounds memory).

    Yields
    ------
    tuple of six int arrays
        Per chunk: the stored positions in ``S`` of the ordered ties
    (u,v), (v,u), (u,w), (w,u), (v,w), (w,v) of each triangle {u, v, w}, each triangle once.

    Notes
    -----
    The forward algorithm: ties point from lower to higher (degree, id) rank, every pair of
    out-ties of a node is a candidate and is kept when its closing tie exists. A node has at
    most about √(2m) out-ties, so hubs cost m·√m at worst instead of Σ degree².

    Examples
    --------
    >>> S = sorted_csr(sp.csr_matrix([[0, 1, 1], [1, 0, 1], [1, 1, 0]]))
    >>> sum(len(chunk[0]) for chunk in triangles(S))   # one triangle
    1
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
