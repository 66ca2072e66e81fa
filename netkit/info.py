"""A plain-language description of what was read, for ``netkit info`` and notebooks."""
from __future__ import annotations

from .batch import summarize
from .model import EgoCollection, EgoNetwork, WholeNetwork

__all__ = ["describe"]

_FORMAT_NAMES = {
    "netkit": "netkit folder", "template": "fill-in template", "egor": "egor three-file layout",
    "networkcanvas": "Network Canvas CSV export", "linkedin": "LinkedIn Connections.csv",
    "edgelist": "edge list", "graphml": "GraphML", "gexf": "GEXF",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def describe(net: EgoNetwork | EgoCollection | WholeNetwork) -> str:
    """What a network holds, in a few lines, followed by any warnings from reading it.

    Examples
    --------
    >>> import netkit as nk
    >>> print(nk.describe(nk.load_sample("florentine")).splitlines()[0])
    Whole network (undirected): 15 nodes, 20 edges.
    """
    lines = []
    if isinstance(net, WholeNetwork):
        kind = "directed" if net.directed else "undirected"
        lines.append(f"Whole network ({kind}): {_plural(net.G.number_of_nodes(), 'node')}, "
                     f"{_plural(net.G.number_of_edges(), 'edge')}.")
    else:
        table = summarize(net)
        if isinstance(net, EgoNetwork):
            lines.append(f"Ego network of {net.name!r} (ego id {net.ego_id!r}): {_plural(net.size, 'alter')}, "
                         f"{_plural(int(table['alter_ties'].iloc[0]), 'tie')} among them.")
            attrs = [c for c in net.alters.columns if c != "alter_id"]
        else:
            lines.append(f"Collection of {_plural(len(net), 'ego network')}: {_plural(len(net.alters), 'alter')}, "
                         f"{_plural(int(table['alter_ties'].sum()), 'alter–alter tie')}; "
                         f"alters per ego {table['size'].min()}–{table['size'].max()} "
                         f"(median {table['size'].median():g}).")
            attrs = [c for c in net.alters.columns if c not in ("ego_id", "alter_id")]
        if attrs:
            lines.append("Alter attributes: " + ", ".join(attrs) + ".")
    if net.source:
        lines.append(f"Read from {net.source} ({_FORMAT_NAMES.get(net.format, net.format)}).")
    for w in dict.fromkeys(net.warnings):
        lines.append(f"Warning: {w}")
    return "\n".join(lines)
