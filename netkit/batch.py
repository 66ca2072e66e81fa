"""Measures over many egos at once: the per-ego summary table.

Counts come from grouped table operations, not a loop over egos, so a survey of thousands of
ego networks is summarised in one pass.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .errors import NetkitError
from .model import EgoCollection, EgoNetwork, WholeNetwork, _pair_key

__all__ = ["summarize"]


def _collection(net) -> EgoCollection:
    from .io import _as_collection

    return _as_collection(net)


def summarize(net: EgoNetwork | EgoCollection | WholeNetwork, *, ego: str | None = None) -> pd.DataFrame:
    """One row per ego: ``ego``, ``size`` (number of alters), ``alter_ties`` (distinct alter–alter ties).

    For a whole network every node is an ego: its neighbours are its alters and the ties among
    them its alter ties. Ties joining a person to themselves are not counted; a tie listed
    twice (A–B and B–A in an undirected network) counts once.

    Examples
    --------
    >>> import netkit as nk
    >>> nk.summarize(nk.load_sample("florentine")).set_index("ego").loc["Medici", "size"]
    6
    """
    if isinstance(net, WholeNetwork):
        table = _whole_summary(net.G)
    else:
        coll = _collection(net)
        size = coll.alters.groupby("ego_id", sort=False).size()
        ties = coll.ties[coll.ties["source"] != coll.ties["target"]]
        distinct = _pair_key(ties, coll.directed).drop_duplicates()
        alter_ties = distinct.groupby("e", sort=False).size()
        ids = coll.egos["ego_id"]
        table = pd.DataFrame({
            "ego": ids.to_numpy(),
            "size": size.reindex(ids).fillna(0).astype(int).to_numpy(),
            "alter_ties": alter_ties.reindex(ids).fillna(0).astype(int).to_numpy(),
        })
    if ego is not None:
        chosen = table[table["ego"] == str(ego)]
        if chosen.empty:
            some = ", ".join(map(str, table["ego"].head(5)))
            raise NetkitError(f"there is no ego '{ego}' in {getattr(net, 'source', '') or 'this network'}; egos include {some}.")
        table = chosen.reset_index(drop=True)
    return table


def _whole_summary(G: nx.Graph) -> pd.DataFrame:
    H = nx.Graph(G)  # ego networks of a whole network count ties regardless of direction
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    if G.is_directed():
        rows = []
        for n in G:
            near = (set(G.successors(n)) | set(G.predecessors(n))) - {n}
            sub = G.subgraph(near)
            rows.append((n, len(near), sum(1 for u, v in sub.edges() if u != v)))
        return pd.DataFrame(rows, columns=["ego", "size", "alter_ties"])
    tri = nx.triangles(H)
    return pd.DataFrame({"ego": list(H), "size": [H.degree(n) for n in H], "alter_ties": [tri[n] for n in H]})
