"""Solutions for notebook 02, *See your network*: the rings by Dunbar's layers, and who links groups."""
from __future__ import annotations

import pandas as pd

from ..errors import NetkitError
from ..model import EgoNetwork

__all__ = ["layer_rings", "cross_group_people"]


def layer_rings(net: EgoNetwork, *, seed: int = 0):
    """The rings drawing by Dunbar's layers (closest 5, 15, 50, 150), coloured weak or strong.

    Returns
    -------
    netkit.viz.Drawing
        ``nk.draw(net, layout="rings", rings="layer", color_by="tie")``.
    """
    from ..viz import draw

    return draw(net, layout="rings", rings="layer", color_by="tie", seed=seed)


def cross_group_people(net: EgoNetwork, group: str = "context") -> pd.DataFrame:
    """Contacts who know someone from another group: the people who hold the web together.

    Parameters
    ----------
    net : EgoNetwork
    group : str
        The alter column that defines groups (default ``context``). People without a value
        are left out.

    Returns
    -------
    DataFrame
        ``alter_id``, ``name``, ``group`` (their own) and ``links_to`` (the other groups they
        know someone in, comma-separated), in the order of the alters table.

    Examples
    --------
    The practice network has six ties across contexts, joining ten people (see
    ``data/samples/personal/README.md``):

    >>> import netkit as nk
    >>> table = cross_group_people(nk.load_sample("personal"))
    >>> len(table), table.loc[table["name"] == "José Martínez", "links_to"].item()
    (10, 'current job')
    """
    if group not in net.alters.columns:
        options = ", ".join(c for c in net.alters.columns if c != "alter_id")
        raise NetkitError(f"group={group!r} is not a column of the alters; choose one of {options}.")
    of = dict(zip(net.alters["alter_id"], net.alters[group]))
    ties = net.ties[net.ties["source"] != net.ties["target"]]
    links: dict[str, set] = {}
    for a, b in zip(ties["source"], ties["target"]):
        ga, gb = of.get(a), of.get(b)
        if pd.isna(ga) or pd.isna(gb) or ga == gb:
            continue
        links.setdefault(a, set()).add(gb)
        links.setdefault(b, set()).add(ga)
    names = net.alters["name"] if "name" in net.alters.columns else net.alters["alter_id"]
    rows = [
        {"alter_id": a, "name": n, "group": of[a], "links_to": ", ".join(sorted(map(str, links[a])))}
        for a, n in zip(net.alters["alter_id"], names) if a in links
    ]
    return pd.DataFrame(rows, columns=["alter_id", "name", "group", "links_to"])
