"""Introductions worth making: pairs of your contacts who do not know each other yet.

Filling a structural hole by introducing two people is a win for all three: each of them
reaches a group they could not reach before, and you make a deposit with both. Every
suggestion carries its reason and a what-if of the measures before and after.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .arguments import check_count, renamed_keywords
from .errors import NetkitError
from .frame import as_network, graph_frame
from .holes import BURT_COLUMNS, burt_measures, mutual_weights, with_tie
from .model import EgoCollection, EgoNetwork, WholeNetwork, prepare, scales_of, select_ego
from .words import number, plural

__all__ = ["suggest_introductions", "at_most_per_person", "BRIDGE_FACTOR", "WIN_FOR_ALL", "WHAT_IF_TOP"]

# tie strength assumed where none is recorded (e.g. a whole network without survey answers)
UNKNOWN = 0.5
# how much a pair's introduction bridges: separate components, separate communities, same community
BRIDGE_FACTOR = {"components": 1.0, "communities": 0.6, "community": 0.2}

#: Why an introduction is a win for all three: the sentence to show next to the suggestions.
WIN_FOR_ALL = (
    "Introducing two people who do not know each other fills a structural hole: both reach a group "
    "they could not reach before, and you make a deposit with each of them."
)

#: How many of the top suggestions (per ego) get the what-if by default: the measures before and
#: after are recomputed for each of them, so a long list leaves the rest blank.
WHAT_IF_TOP = 100
# alters × alters cells scored at a time: bounds memory however many people there are
_BLOCK_CELLS = 4_000_000
# with per_person, the best pairs first kept (at least): the walk asks for 8 times more if it runs out
_FIRST_POOL = 1_000
_BRIDGES = np.array(["components", "communities", "community"], dtype=object)
_FACTORS = np.array([BRIDGE_FACTOR[b] for b in _BRIDGES])

COLUMNS = [
    "alter_id_a", "alter_id_b", "name_a", "name_b", "context_a", "context_b", "strength_a", "strength_b",
    "bridges", "new_contacts_a", "new_contacts_b", "score",
    "ego_constraint_before", "ego_constraint_after", "ego_effective_size_before", "ego_effective_size_after",
    "a_effective_size_before", "a_effective_size_after", "b_effective_size_before", "b_effective_size_after",
    "reason",
]
WHAT_IF_COLUMNS = COLUMNS[COLUMNS.index("ego_constraint_before"):COLUMNS.index("reason")]


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


def _reason(r: dict, ego_before: float, ego_after: float, *, what_if: int | None = None) -> str:
    where = {
        "components": "in parts of your network that are not connected at all",
        "communities": "in different groups of your network",
        "community": "in the same group of your network but do not know each other",
    }[r["bridges"]]
    return (
        f"{_label(r['name_a'], r['context_a'])} and {_label(r['name_b'], r['context_b'])} are {where}; "
        f"{_sentence(_trust(r))} {r['name_a']} would reach {plural(r['new_contacts_a'], 'new person', 'new people')} through "
        f"{r['name_b']}, and {r['name_b']} {plural(r['new_contacts_b'], 'new person', 'new people')} through "
        f"{_sentence(r['name_a'])} {_what_if_said(ego_before, ego_after, what_if)}"
    )


def _what_if_said(before: float, after: float, what_if: int | None) -> str:
    if what_if is None:
        return _constraint_change(before, after)
    return (f"What the introduction does to your constraint is worked out for the top {what_if} suggestions "
            "only (what_if= asks for more).")


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
    return ranked.iloc[_greedy(zip(ranked["alter_id_a"], ranked["alter_id_b"]), per_person, k)]


def _greedy(pairs, per_person: int, k: int | None) -> list[int]:
    """Positions of the pairs kept walking down ``pairs`` in order, each person in at most ``per_person``
    of them, until ``k`` are kept (all the way down when ``k`` is None)."""
    seen: dict = {}
    keep = []
    for pos, (a, b) in enumerate(pairs):
        if seen.get(a, 0) < per_person and seen.get(b, 0) < per_person:
            keep.append(pos)
            seen[a] = seen.get(a, 0) + 1
            seen[b] = seen.get(b, 0) + 1
            if len(keep) == k:
                break
    return keep


def _alter_facts(net: EgoNetwork, S, strength, seed: int) -> dict:
    """What ranking the pairs needs, one array entry per alter (in ``net.alters`` order)."""
    from .communities import clusters

    ids = net.alters["alter_id"].to_numpy(dtype=object)
    n = len(ids)
    A = S[:n, :n].tocsr()  # the alters come first in the frame, in their table's order
    A.data = np.ones(len(A.data), dtype=np.float32)  # the pattern: who knows whom, both ways
    table = clusters(net, seed=seed).set_index("alter_id").reindex(ids)
    strength = _strengths(net, strength)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(ids, kind="stable")] = np.arange(n)  # ids ordered as text, as sort_values orders them
    return {
        "ids": ids, "A": A, "degree": np.diff(A.indptr), "strength": strength.to_numpy(dtype=float),
        "trust": np.nan_to_num(strength.to_numpy(dtype=float), nan=UNKNOWN), "rank": rank,
        "component": table["component"].to_numpy(), "community": table["community"].to_numpy(),
    }


def _block_pairs(facts: dict, lo: int, hi: int, keep: int) -> dict:
    """The best ``keep`` open pairs (i, j) with ``lo <= i < hi``, with their score and reach.

    A pair is open when i < j (in the alters' order) and the two are not tied. Their common
    contacts come from one sparse product of the rows with the whole adjacency (``A[lo:hi] @ A``),
    so the cost follows the ties, and memory stays at one block of about ``_BLOCK_CELLS`` cells.
    """
    A, n = facts["A"], len(facts["ids"])
    rows = A[lo:hi]
    tied = rows.toarray() > 0
    upper = np.arange(n)[None, :] > np.arange(lo, hi)[:, None]
    i, j = np.nonzero(upper & ~tied)
    i += lo
    comp, comm = facts["component"], facts["community"]
    kind = np.where(comp[i] != comp[j], 0, np.where(comm[i] != comm[j], 1, 2))
    trust = facts["trust"]
    score = np.sqrt(trust[i] * trust[j]) * _FACTORS[kind]  # as the plain formula, to the last bit
    common = (rows @ A).toarray()[i - lo, j].astype(np.int64)
    degree = facts["degree"]
    new_a, new_b = degree[j] - common + 1, degree[i] - common + 1  # b and b's contacts a does not know yet
    pairs = {"i": i, "j": j, "kind": kind, "score": score, "new_a": new_a, "new_b": new_b}
    return _best(pairs, facts["rank"], keep)


def _best(pairs: dict, rank: np.ndarray, keep: int | None) -> dict:
    """The ``keep`` best pairs, best first: by score, then reach, then the two ids as text."""
    score, reach = pairs["score"], pairs["new_a"] + pairs["new_b"]
    if keep is not None and len(score) > keep:
        cut = np.partition(score, len(score) - keep)[len(score) - keep]
        near = np.flatnonzero(score >= cut)  # every pair that could be among the best (ties included)
        pairs = {k: v[near] for k, v in pairs.items()}
        score, reach = score[near], reach[near]
    order = np.lexsort((rank[pairs["j"]], rank[pairs["i"]], -reach, -score))
    if keep is not None:
        order = order[:keep]
    return {k: v[order] for k, v in pairs.items()}


def _ranked_pairs(facts: dict, k: int, per_person: int | None) -> dict:
    """The best open pairs, best first, walked down as :func:`at_most_per_person` does.

    Only the best few pairs of each block of rows are kept (``k``, or more when ``per_person``
    may skip some; the walk asks for more when it ran out), so memory does not grow with the
    number of pairs.
    """
    n = len(facts["ids"])
    step = max(1, _BLOCK_CELLS // n)
    total = n * (n - 1) // 2 - facts["A"].nnz // 2  # open pairs
    keep = k if per_person is None else max(4 * k, _FIRST_POOL)
    while True:
        found = [_block_pairs(facts, lo, min(n, lo + step), keep) for lo in range(0, n - 1, step)]
        best = _best({key: np.concatenate([p[key] for p in found]) for key in found[0]}, facts["rank"], keep)
        if per_person is None:
            return best
        kept = _walk(best, per_person, k)
        if len(kept) == k or len(best["i"]) >= total:
            return {key: v[kept] for key, v in best.items()}
        keep *= 8  # the cap skipped so many pairs that more of the ranking is needed


def _walk(best: dict, per_person: int, k: int) -> np.ndarray:
    """Positions kept by :func:`at_most_per_person` walking down ``best``."""
    return np.array(_greedy(zip(best["i"].tolist(), best["j"].tolist()), per_person, k), dtype=np.int64)


def _suggest_one(net: EgoNetwork, *, k: int, strength, seed: int, per_person: int | None = None,
                 what_if: int = WHAT_IF_TOP) -> pd.DataFrame:
    ids = list(net.alters["alter_id"])
    if len(ids) < 2:
        return pd.DataFrame(columns=COLUMNS)
    frame = graph_frame(net)
    S = mutual_weights(frame)  # Burt's mutual weights of the ego graph (directed ties count both ways)
    facts = _alter_facts(net, S, strength, seed)
    best = _ranked_pairs(facts, k, per_person)
    if not len(best["i"]):
        return pd.DataFrame(columns=COLUMNS)
    i, j = best["i"], best["j"]
    names = net.alters["name"].to_numpy(dtype=object) if "name" in net.alters else facts["ids"].copy()
    blank = pd.isna(names)
    names[blank] = facts["ids"][blank]
    context = net.alters["context"].to_numpy(dtype=object) if "context" in net.alters else np.full(len(ids), np.nan)
    ranked = pd.DataFrame({
        "alter_id_a": facts["ids"][i], "alter_id_b": facts["ids"][j], "name_a": names[i], "name_b": names[j],
        "context_a": context[i], "context_b": context[j],
        "strength_a": facts["strength"][i], "strength_b": facts["strength"][j],
        "bridges": _BRIDGES[best["kind"]], "new_contacts_a": best["new_a"], "new_contacts_b": best["new_b"],
        "score": best["score"],
    })
    return _with_what_if(ranked, frame, S, what_if)


def _with_what_if(ranked: pd.DataFrame, frame, S, what_if: int) -> pd.DataFrame:
    """Each of the top ``what_if`` rows gets its what-if (measures before and after) and its reason."""
    where = {label: i for i, label in enumerate(frame.labels)}
    ego = int(np.flatnonzero(frame.is_ego)[0])
    c, es = BURT_COLUMNS.index("constraint"), BURT_COLUMNS.index("effective_size")
    out = []
    for place, r in enumerate(ranked.to_dict("records")):
        if place >= what_if:
            r.update({col: np.nan for col in WHAT_IF_COLUMNS})
            r["reason"] = _reason(r, np.nan, np.nan, what_if=what_if)
            out.append(r)
            continue
        nodes = [ego, where[r["alter_id_a"]], where[r["alter_id_b"]]]
        before = burt_measures(S, nodes).to_numpy()
        after = burt_measures(with_tie(S, nodes[1], nodes[2], added=2.0 if frame.directed else 1.0), nodes)
        after = after.to_numpy()
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
    what_if: int = WHAT_IF_TOP,
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
    what_if : int, default :data:`WHAT_IF_TOP` (100)
        How many of the top suggestions (per ego) get the what-if columns; the rows after them
        leave those columns blank and their reason says so. ``0`` skips the what-if.

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
        size within your network, before and after; for the top ``what_if`` rows only) and a
        one-paragraph ``reason``. No open pair (everyone already knows everyone, or fewer than
        two contacts) gives an empty table with these columns.
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

    Scale: the pairs are scored a block of rows at a time on sparse matrices (common contacts
    from one sparse product per block), keeping only the best few of each block, so an ego with
    3,000 alters (4.5 million pairs) takes seconds (``benchmarks/bench_introductions.py``). The
    what-if recomputes Burt's measures for each pair, so it is done for the top ``what_if`` only.

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
    if isinstance(what_if, bool) or not isinstance(what_if, (int, np.integer)) or what_if < 0:
        raise NetkitError(f"what_if={what_if!r} must be a whole number of suggestions, 0 or more.")
    options = {"k": k, "strength": strength, "seed": seed, "per_person": per_person, "what_if": int(what_if)}
    net = prepare(as_network(net), tie_type=tie_type, scales=scales)
    if not isinstance(net, EgoCollection):
        return _suggest_one(select_ego(net, ego, one=True, what="introductions"), **options)
    egos = [select_ego(net, ego)] if ego is not None else list(net)
    parts = [_suggest_one(e, **options).assign(ego_id=e.ego_id) for e in egos]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS + ["ego_id"])
    return table[["ego_id"] + COLUMNS]
