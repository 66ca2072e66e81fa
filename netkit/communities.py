"""Clusters among alters: connected components and seeded modularity communities.

For an ego network the ego is left out (everyone is connected through the ego), so clusters
are the groups of your contacts who know each other: the sides of your structural holes.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .frame import as_network
from .model import EgoCollection, EgoNetwork, WholeNetwork, prepare

__all__ = ["clusters", "graph_clusters"]


def _numbered(groups, order: dict) -> dict:
    """Number groups 0, 1, … by size (largest first), ties broken by the earliest member."""
    ranked = sorted(groups, key=lambda g: (-len(g), min(order[n] for n in g)))
    return {n: i for i, g in enumerate(ranked) for n in g}


def graph_clusters(G: nx.Graph, *, seed: int = 0, resolution: float = 1.0, id_column: str = "node_id") -> pd.DataFrame:
    """Components and Louvain communities of the nodes of a networkx graph, numbered by size.

    The engine of :func:`clusters`: one row per node of ``G`` in its order, the node in
    ``id_column`` (``"node_id"``; :func:`clusters` passes ``"alter_id"`` for the alters of an
    ego network). Directed graphs are clustered on their undirected version, self-loops dropped.

    Examples
    --------
    >>> graph_clusters(nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]))["component"].tolist()
    [1, 1, 0, 0, 0]
    """
    U = nx.Graph(G)  # communities and components of a directed graph: on its undirected version
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    order = {n: i for i, n in enumerate(U)}
    comp = _numbered(nx.connected_components(U), order)
    if U.number_of_edges():
        communities = nx.community.louvain_communities(U, resolution=resolution, seed=seed)
    else:
        communities = [{n} for n in U]
    comm = _numbered(communities, order)
    return pd.DataFrame({
        id_column: list(U),
        "component": [comp[n] for n in U],
        "community": [comm[n] for n in U],
    })


def clusters(
    net: EgoNetwork | EgoCollection | WholeNetwork, *, seed: int = 0, resolution: float = 1.0,
    tie_type: str | list[str] | None = None,
) -> pd.DataFrame:
    """Connected components and modularity communities of the alters (or of a whole network).

    Parameters
    ----------
    net : EgoNetwork, EgoCollection, WholeNetwork or networkx graph
    seed : int
        Seed for the Louvain community search; the same seed gives the same communities.
    resolution : float
        Louvain resolution: above 1 gives more, smaller communities.

    tie_type : str or list of str, optional
        Only the ties of this type (or types), e.g. one edge type of a Network Canvas export;
        without it all types are merged.
    Returns
    -------
    DataFrame
        Ego networks: ``alter_id``, ``component`` and ``community``, one row per alter
        (collections add ``ego_id`` first), so the table merges with ``net.alters`` on
        ``alter_id``. A whole network: ``node_id``, ``component``, ``community``, one row per
        node. Clusters are numbered from 0 by size, largest first, so the labels are stable for
        a given seed.

    Notes
    -----
    For an ego network the ego is removed first: with the ego, every contact is connected and
    there would be one cluster. A contact who knows nobody else in the network is a cluster of
    their own. Communities maximise modularity with the Louvain method [1]_ as implemented in
    networkx; components are exact.

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding
       of communities in large networks. J. Stat. Mech. P10008.

    Examples
    --------
    >>> import netkit as nk
    >>> table = nk.clusters(nk.load_sample("personal"))
    >>> int(table["component"].max()) + 1   # four groups that do not know each other
    4
    """
    net = prepare(as_network(net), tie_type=tie_type)
    if isinstance(net, WholeNetwork):
        return graph_clusters(net.G, seed=seed, resolution=resolution)
    if isinstance(net, EgoNetwork):
        return graph_clusters(net.graph(include_ego=False), seed=seed, resolution=resolution, id_column="alter_id")
    columns = ["ego_id", "alter_id", "component", "community"]
    parts = []
    for ego in net:
        table = graph_clusters(ego.graph(include_ego=False), seed=seed, resolution=resolution, id_column="alter_id")
        parts.append(table.assign(ego_id=ego.ego_id)[columns])
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)
