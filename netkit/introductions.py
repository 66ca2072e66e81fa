"""Introductions worth making: pairs of your contacts who do not know each other yet.

Filling a structural hole by introducing two people is a win for all three: each of them
reaches a group they could not reach before, and you make a deposit with both. Every
suggestion carries its reason and a what-if of the measures before and after.
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from .arguments import check_count, renamed_keywords
from .frame import as_network, graph_frame
from .holes import BURT_COLUMNS, burt_measures, mutual_weights, with_tie
from .model import EgoCollection, EgoNetwork, WholeNetwork, prepare, scales_of, select_ego
from .words import number, plural

__all__ = ["suggest_introductions", "at_most_per_person", "BRIDGE_FACTOR", "WIN_FOR_ALL"]

# tie strength assumed where none is recorded (e.g. a whole network without survey answers)
UNKNOWN = 0.5
# how much a pair's introduction bridges: separate components, separate communities, same community
BRIDGE_FACTOR = {"components": 1.0, "communities": 0.6, "community": 0.2}

#: Why an introduction is a win for all three: the sentence to show next to the suggestions.
WIN_FOR_ALL = (
    "Introducing two people who do not know each other fills a structural hole: both reach a group "
    "they could not reach before, and you make a deposit with each of them."
)

COLUMNS = [
    "alter_id_a", "alter_id_b", "name_a", "name_b", "context_a", "context_b", "strength_a", "strength_b",
    "bridges", "new_contacts_a", "new_contacts_b", "score",
    "ego_constraint_before", "ego_constraint_after", "ego_effective_size_before", "ego_effective_size_after",
    "a_effective_size_before", "a_effective_size_after", "b_effective_size_before", "b_effective_size_after",
    "reason",
]


def _strengths(net: EgoNetwork, strength) -> pd.Series:
    from .ties import tie_strength

    scores = tie_strength(net.alters, strength=strength, scales=scales_of(net))["strength"]
    return pd.Series(scores.to_numpy(), index=net.alters["alter_id"].to_numpy())


def _label(name: str, context) -> str:
    return f"{name} ({context})" if isinstance(context, str) and context else name


def _two(x: float) -> str:
    """A measure from 0 to 1 as people read it: two significant figures (0.078, 0.54, 1)."""
    return number(x, figures=2)


def _trust(r: dict) -> str:
    """How well you know the two, in words, and what that means for the introduction."""
    a, b = r["strength_a"], r["strength_b"]
    if np.isnan(a) or np.isnan(b):
        return ("how well you know them is not rated yet, so it is hard to say how much your word will "
                "count with them")
    shown = f"tie strength {_two(a)} and {_two(b)}, from 0 to 1"
    if a >= 0.5 and b >= 0.5:
        return f"you know both well ({shown}), so an introduction from you carries trust"
    if a < 0.5 and b < 0.5:
        return (f"you know both only a little ({shown}), so an introduction from you carries less weight: "
                "a short note on why they should meet helps")
    (close, hi), (far, lo) = sorted([(r["name_a"], a), (r["name_b"], b)], key=lambda t: -t[1])
    return (f"you know {close} well and {far} less (tie strength {_two(hi)} and {_two(lo)}, from 0 to 1), so "
            f"your word counts more with {close}")


def _constraint_change(before: float, after: float) -> str:
    """What the introduction does to your constraint (0 to 1: how much your contacts know each other)."""
    rise = after - before
    if _two(before) == _two(after) or abs(rise) < 0.005:
        return (f"Your constraint barely changes (about {_two(before)}; from 0 to 1, higher when your contacts "
                "all know each other): you give up almost none of your brokerage.")
    if rise < 0:
        return f"Your constraint falls from {_two(before)} to {_two(after)}: you even gain room to broker."
    size = "a little" if rise < 0.05 else "some" if rise < 0.15 else "a good deal"
    return (f"Your constraint rises from {_two(before)} to {_two(after)} (from 0 to 1, higher when your contacts "
            f"all know each other): you give up {size} of your brokerage for goodwill with both.")


def _sentence(text: str) -> str:
    """End a sentence with one full stop, also after a name that ends in one ("Rahul K.")."""
    return text if text.endswith((".", "!", "?")) else text + "."


def _reason(r: dict, ego_before: float, ego_after: float) -> str:
    where = {
        "components": "in parts of your network that are not connected at all",
        "communities": "in different groups of your network",
        "community": "in the same group of your network but do not know each other",
    }[r["bridges"]]
    return (
        f"{_label(r['name_a'], r['context_a'])} and {_label(r['name_b'], r['context_b'])} are {where}; "
        f"{_sentence(_trust(r))} {r['name_a']} would reach {plural(r['new_contacts_a'], 'new person', 'new people')} through "
        f"{r['name_b']}, and {r['name_b']} {plural(r['new_contacts_b'], 'new person', 'new people')} through "
        f"{_sentence(r['name_a'])} {_constraint_change(ego_before, ego_after)}"
    )


def at_most_per_person(ranked: pd.DataFrame, per_person: int | None, k: int | None = None) -> pd.DataFrame:
    """The best ``k`` rows of a ranked table of pairs, each person in at most ``per_person`` of them.

    Walks down the table (``alter_id_a``, ``alter_id_b``) from the top and keeps a pair while both of
    its people are under the cap; ``per_person=None`` keeps the plain ranking, ``k=None`` all rows.

    Examples
    --------
    >>> table = pd.DataFrame({"alter_id_a": ["A", "A", "C"], "alter_id_b": ["B", "C", "D"]})
    >>> at_most_per_person(table, 1)[["alter_id_a", "alter_id_b"]].values.tolist()
    [['A', 'B'], ['C', 'D']]
    """
    if per_person is None:
        return ranked if k is None else ranked.head(k)
    seen: dict = {}
    keep = []
    for i, a, b in zip(ranked.index, ranked["alter_id_a"], ranked["alter_id_b"]):
        if seen.get(a, 0) < per_person and seen.get(b, 0) < per_person:
            keep.append(i)
            seen[a] = seen.get(a, 0) + 1
            seen[b] = seen.get(b, 0) + 1
            if len(keep) == k:
                break
    return ranked.loc[keep]


def _suggest_one(net: EgoNetwork, *, k: int, strength, seed: int, per_person: int | None = None) -> pd.DataFrame:
    from .communities import clusters

    G_alters = net.graph(include_ego=False)
    if G_alters.is_directed():
        G_alters = G_alters.to_undirected()
    ids = list(net.alters["alter_id"])
    if len(ids) < 2:
        return pd.DataFrame(columns=COLUMNS)
    strength = _strengths(net, strength)
    table = clusters(net, seed=seed).set_index("alter_id")
    names = net.alters.set_index("alter_id")["name"] if "name" in net.alters else pd.Series(ids, index=ids)
    names = names.fillna(pd.Series(ids, index=ids))
    context = net.alters.set_index("alter_id")["context"] if "context" in net.alters else pd.Series(index=ids, dtype=object)
    neighbours = {n: set(G_alters[n]) for n in ids}
    rows = []
    for a, b in itertools.combinations(ids, 2):
        if b in neighbours[a]:
            continue
        if table.at[a, "component"] != table.at[b, "component"]:
            bridges = "components"
        elif table.at[a, "community"] != table.at[b, "community"]:
            bridges = "communities"
        else:
            bridges = "community"
        trust = float(np.sqrt(np.nan_to_num(strength[a], nan=UNKNOWN) * np.nan_to_num(strength[b], nan=UNKNOWN)))
        new_a = len((neighbours[b] | {b}) - neighbours[a] - {a})
        new_b = len((neighbours[a] | {a}) - neighbours[b] - {b})
        rows.append({
            "alter_id_a": a, "alter_id_b": b, "name_a": names[a], "name_b": names[b],
            "context_a": context.get(a), "context_b": context.get(b),
            "strength_a": float(strength[a]), "strength_b": float(strength[b]),
            "bridges": bridges, "new_contacts_a": new_a, "new_contacts_b": new_b,
            "score": trust * BRIDGE_FACTOR[bridges],
        })
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    ranked = pd.DataFrame(rows)
    ranked["_reach"] = ranked["new_contacts_a"] + ranked["new_contacts_b"]
    ranked = ranked.sort_values(["score", "_reach", "alter_id_a", "alter_id_b"], ascending=[False, False, True, True],
                                kind="mergesort")
    ranked = at_most_per_person(ranked, per_person, k).drop(columns="_reach")
    # what-if on Burt's mutual weights of the ego graph (directed ties count both ways, as in Burt)
    frame = graph_frame(net)
    S = mutual_weights(frame)
    where = {label: i for i, label in enumerate(frame.labels)}
    ego = int(np.flatnonzero(frame.is_ego)[0])
    out = []
    for r in ranked.to_dict("records"):
        nodes = [ego, where[r["alter_id_a"]], where[r["alter_id_b"]]]
        before = burt_measures(S, nodes).to_numpy()
        after = burt_measures(with_tie(S, nodes[1], nodes[2], added=2.0 if frame.directed else 1.0), nodes)
        after = after.to_numpy()
        c, es = BURT_COLUMNS.index("constraint"), BURT_COLUMNS.index("effective_size")
        r.update({
            "ego_constraint_before": before[0, c], "ego_constraint_after": after[0, c],
            "ego_effective_size_before": before[0, es], "ego_effective_size_after": after[0, es],
            "a_effective_size_before": before[1, es], "a_effective_size_after": after[1, es],
            "b_effective_size_before": before[2, es], "b_effective_size_after": after[2, es],
        })
        r["reason"] = _reason(r, r["ego_constraint_before"], r["ego_constraint_after"])
        out.append(r)
    return pd.DataFrame(out, columns=COLUMNS)


@renamed_keywords(weights="strength")
def suggest_introductions(
    net: EgoNetwork | EgoCollection | WholeNetwork,
    k: int = 10,
    *,
    ego: str | None = None,
    strength="equal",
    seed: int = 0,
    per_person: int | None = None,
    scales=None,
    tie_type: str | list[str] | None = None,
) -> pd.DataFrame:
    """Rank pairs of your contacts who do not know each other by how much an introduction would help.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        For a collection, every ego (or only ``ego``); for a whole network, ``ego`` names the node.
    k : int
        How many suggestions per ego.
    ego : str, optional
        Only this ego (required for whole networks).
    strength : str or dict
        Tie strength preset or item weights, as in :func:`netkit.ties.tie_strength` (called
        ``weights=`` before netkit 0.2, which still works with a FutureWarning).
    seed : int
        Seed of the community search that finds your groups.
    per_person : int, optional
        Keep each person in at most this many suggestions (walking down the ranking), so that one
        contact whom nobody else reaches does not fill the whole list; ``None`` (default) keeps the
        plain ranking.

    scales : dict, optional
        Declared scales of the tie-strength items, on top of those the network was read with
        (see :func:`netkit.tie_strength`).
    tie_type : str or list of str, optional
        Only the ties of this type (or types), e.g. one edge type of a Network Canvas export;
        without it all types are merged.
    Returns
    -------
    DataFrame
        One row per suggested pair (a collection adds ``ego_id`` first): ``alter_id_a`` and
        ``alter_id_b`` (the two alters, as in ``net.alters["alter_id"]``), their names and
        contexts, ego's tie strength to each, what the pair ``bridges`` (``components``,
        ``communities`` or ``community``), how many people each would newly reach within two steps,
        the ``score``, the what-if (ego's constraint and effective size, and each alter's effective
        size within your network, before and after) and a one-paragraph ``reason``.
        :data:`WIN_FOR_ALL` says why an introduction is a win for all three.

    Notes
    -----
    ``score = sqrt(s_a * s_b) * f``: the geometric mean of ego's tie strengths to the two people
    (an introduction from someone who knows both well carries trust; a weak link to either
    makes the score small; where no strength is recorded, 0.5 is assumed and the reason says so)
    times a bridging factor ``f`` of 1.0 when the two are in parts of the
    network that are not connected at all, 0.6 when they are in different communities, and 0.2
    when they are in the same community but not tied. Equal scores are ordered by how many new
    people the two would reach. Constraint and effective size follow Burt (1992) and are computed
    on the ego graph with the ego included; ego's constraint rises (and effective size falls) when
    two of its contacts meet — brokerage given up for goodwill — while the two alters gain.

    Examples
    --------
    >>> import netkit as nk
    >>> top = nk.suggest_introductions(nk.load_sample("personal"), k=3)
    >>> len(top), bool((top["ego_constraint_after"] >= top["ego_constraint_before"]).all())
    (3, True)
    >>> top.columns[:2].tolist()
    ['alter_id_a', 'alter_id_b']
    >>> from netkit.introductions import WIN_FOR_ALL
    >>> WIN_FOR_ALL.startswith("Introducing two people")
    True
    """
    k = check_count(k, "k", what="suggestions")
    per_person = check_count(per_person, "per_person", what="suggestions per person", optional=True)
    options = {"k": k, "strength": strength, "seed": seed, "per_person": per_person}
    net = prepare(as_network(net), tie_type=tie_type, scales=scales)
    if not isinstance(net, EgoCollection):
        return _suggest_one(select_ego(net, ego, one=True, what="introductions"), **options)
    egos = [select_ego(net, ego)] if ego is not None else list(net)
    parts = [_suggest_one(e, **options).assign(ego_id=e.ego_id) for e in egos]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS + ["ego_id"])
    return table[["ego_id"] + COLUMNS]
