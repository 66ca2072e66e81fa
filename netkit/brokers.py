"""Gould–Fernandez brokerage roles: who links whom, by the groups of the three people.

Counted by combinatorics on the sparse adjacency of a :class:`~netkit.frame.GraphFrame`, not by
listing paths: a collection of ego networks is one block-diagonal graph counted in one pass.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import NetkitError
from .frame import (GraphFrame, as_network, choose_method, ego_positions, ego_rows, graph_frame, node_positions,
                    product_at, sorted_csr, triangles)
from .model import EgoCollection, EgoNetwork, WholeNetwork, as_collection, prepare

__all__ = ["brokerage", "brokerage_counts"]

Network = EgoNetwork | EgoCollection | WholeNetwork


def brokerage_counts(A: sp.spmatrix, groups: np.ndarray, nodes: Iterable[int] | None = None, *,
                     method: str = "auto", max_block: int = 2_000_000) -> pd.DataFrame:
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
    method : {"auto", "triangles", "rows"}, default "auto"
        How the closed two-paths are found: from one list of all the graph's triangles, or with
        sparse products at the chosen brokers' arcs only; ``"auto"`` picks triangles when the
        brokers are at least a quarter of the nodes (:func:`netkit.frame.choose_method`). Counts
        are whole numbers, so the two agree exactly.
    max_block : int
        Memory bound of the sparse products, passed to :func:`netkit.frame.product_at`.

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
    nodes = np.arange(n) if nodes is None else node_positions(nodes, n, "nodes")
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

    if choose_method(method, len(nodes), n) == "triangles":
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
    S = sorted_csr(A + A.T)
    s_row = np.repeat(np.arange(n, dtype=np.int64), np.diff(S.indptr))
    s_col = S.indices.astype(np.int64)
    a_keys = np.repeat(np.arange(n, dtype=np.int64), np.diff(A.indptr)) * n + A.indices
    s_keys = s_row * n + s_col
    found = np.minimum(np.searchsorted(a_keys, s_keys), max(len(a_keys) - 1, 0))
    arc = a_keys[found] == s_keys if len(a_keys) else np.zeros(len(s_keys), bool)  # row -> col is an arc of A
    counts = np.zeros(n * 5, dtype=np.int64)
    for uv, vu, uw, wu, vw, wv in triangles(S):
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


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer group codes, every missing value in one more group ("no group given"), and the mask."""
    missing = np.fromiter((_missing(v) for v in values), dtype=bool, count=len(values))
    codes = pd.factorize(pd.Series(np.where(missing, None, values), dtype=object))[0]
    codes[missing] = codes.max() + 1 if len(codes) else 0
    return codes, missing


def _group_codes(net: Network, frame: GraphFrame, group: str) -> tuple[np.ndarray, np.ndarray]:
    """An integer group code per frame node, and which nodes have no value for ``group``.

    People with no value form one group of their own, "no group given". In an ego network
    without the attribute in the egos table, the ego is a group of its own.
    """
    if not isinstance(group, str) or not group:
        raise NetkitError(f"group={group!r} must name an attribute, e.g. group='context'.")
    if isinstance(net, WholeNetwork):
        G = net.G
        values = np.array([G.nodes[label].get(group) for label in frame.labels], dtype=object)
        if len(values) and all(_missing(v) for v in values):
            found = sorted({k for _, d in G.nodes(data=True) for k in d})
            listing = ", ".join(found) if found else "none — add one to the nodes"
            raise NetkitError(f"{net.source or 'this network'}: no node has the attribute '{group}'; "
                              f"node attributes are: {listing}.")
        return _codes(values)
    coll = as_collection(net)
    source = getattr(net, "source", "") or "the alters table"
    usable = [c for c in coll.alters.columns if c not in ("ego_id", "alter_id")]
    if group not in usable:
        listing = ", ".join(usable) if usable else "none — add a column such as context to the alters"
        raise NetkitError(f"{source}: group='{group}' is not a column of the alters table; "
                          f"alter columns are: {listing}.")
    alter_values = coll.alters[group].to_numpy(dtype=object)
    n_egos = len(coll.egos)
    if group in coll.egos.columns:
        return _codes(np.concatenate([alter_values, coll.egos[group].to_numpy(dtype=object)]))
    codes, missing = _codes(alter_values)
    own = (codes.max() + 1) if len(codes) else 0
    # egos sit in separate blocks: one code serves all
    return np.concatenate([codes, np.full(n_egos, own)]), np.concatenate([missing, np.zeros(n_egos, bool)])


def _missing_near(frame: GraphFrame, missing: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """For each broker at ``positions``: how many people of its neighbourhood (itself included) lack a group."""
    A = frame.adjacency(weighted=False)
    A = ((A + A.T) > 0).astype(np.int64)
    near = A @ missing.astype(np.int64)
    return (np.asarray(near).ravel() + missing)[positions].astype(np.int64)


def brokerage(net: Network, *, group: str, tie_type: str | list[str] | None = None) -> pd.DataFrame:
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

    tie_type : str or list of str, optional
        Only the ties of this type (or types), e.g. one edge type of a Network Canvas export;
        without it all types are merged.
    Returns
    -------
    DataFrame
        One row per ego. Undirected networks: ``ego_id``, ``coordinator``, ``itinerant``,
        ``gatekeeper_representative``, ``liaison``, ``total``, counted over unordered pairs
        {a, b}. Directed networks: ``ego_id``, ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison``, ``total`` over ordered paths a→v→b with no arc a→b — the raw
        counts of R's ``sna::brokerage(g, cl)$raw.nli`` (w_I, w_O, b_IO, b_OI, b_O, t).
        Integer counts. ``ego_id`` is the ego's id for ego networks (as in ``coll.egos``) and
        the node id for a whole network, where every node is the ego of its own neighbourhood.
        ``group_missing``: how many people of that neighbourhood (the broker included) have no
        value of ``group``; they were counted as one more group, "no group given".

    Raises
    ------
    NetkitError
        If ``group`` is not an attribute (the message lists the available ones).

    Notes
    -----
    a, v and b are three different people; v brokers for (a, b) when a–v and v–b are ties and
    a–b is not (directed: a→v, v→b and no a→b; a→b absent but b→a present still counts, as in
    ``sna``). In an undirected network each unordered pair {a, b} is counted once: counting
    ordered pairs, as ``sna`` does on a symmetric matrix, doubles every count and makes the
    gatekeeper and representative counts equal, so the two are reported as one column
    ``gatekeeper_representative`` (exactly one of a, b in the broker's group).

    **Missing groups.** A person with no value of ``group`` (a blank context: not known) is
    neither left out, which would change who brokers for whom, nor an error: all such people
    form one more group, "no group given", and ``group_missing`` says how many there were.

    **The ego's group.** In an ego network the ego's own group is its value of ``group`` in the
    egos table (``net.ego``) when that column exists there; otherwise the ego is a group of its own, so all of the ego's brokerage is itinerant (between
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
    >>> nk.brokerage(nk.load_sample("personal"), group="context").iloc[0].to_dict()
    {'ego_id': 'you', 'coordinator': 0, 'itinerant': 37, 'gatekeeper_representative': 0, 'liaison': 674, 'total': 711, 'group_missing': 0}
    >>> roles = nk.brokerage(nk.load_sample("karate"), group="club").set_index("ego_id")
    >>> roles.loc["0"].to_dict()
    {'coordinator': 87, 'itinerant': 0, 'gatekeeper_representative': 15, 'liaison': 0, 'total': 102, 'group_missing': 0}
    """
    net = prepare(as_network(net), tie_type=tie_type)
    frame = graph_frame(net)
    codes, missing = _group_codes(net, frame, group)
    positions = ego_positions(frame)
    counts = brokerage_counts(frame.adjacency(weighted=False), codes, positions)
    group_missing = _missing_near(frame, missing, positions)
    if not frame.directed:
        counts = pd.DataFrame({
            "coordinator": counts["coordinator"] // 2,
            "itinerant": counts["itinerant"] // 2,
            "gatekeeper_representative": counts["representative"],
            "liaison": counts["liaison"] // 2,
        }, index=counts.index)
        counts["total"] = counts.sum(axis=1)
    counts["group_missing"] = group_missing
    return ego_rows(frame, positions, counts)
