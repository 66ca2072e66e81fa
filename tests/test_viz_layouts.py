"""Layout geometry: rings by strength, sectors by context and cluster, the ego at the centre, seeds.

Expected geometry comes from the definitions in netkit/viz/layouts.py (checked by hand on small
cases) and from the tie strengths of netkit.ties.tie_table.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

import netkit as nk
from netkit.viz.layouts import declutter, hub_layout, rings_layout, spring_layout


@pytest.fixture(scope="module")
def personal():
    return nk.load_sample("personal")


@pytest.fixture(scope="module")
def strengths(personal):
    from netkit.ties import tie_table

    t = tie_table(personal, weight="weight")
    spokes = t[t["kind"] == "ego-alter"]
    return dict(zip(spokes["target"], spokes["strength"]))


def radius(p) -> float:
    return math.hypot(p[0], p[1])


def angle(p) -> float:
    """Clockwise from straight up (screen y points down), in [0, 2π)."""
    return math.atan2(p[0], -p[1]) % (2 * math.pi)


def inside(a: float, start: float, end: float) -> bool:
    return start - 1e-9 <= a <= end + 1e-9


# ----------------------------------------------------------------------------- rings


def test_rings_layout_keeps_every_ring_inside_the_next_even_when_crowded():
    ring = [0] * 30 + [1] * 3 + [2] * 40 + [3] * 2  # crowded rings get staggered rows
    sector = ["a"] * 50 + ["b"] * 25
    pos, guides = rings_layout(ring, sector)
    r = np.hypot(pos[:, 0], pos[:, 1])
    ring = np.array(ring)
    for k in range(3):
        assert r[ring == k].max() < r[ring == k + 1].min(), f"ring {k} reaches past ring {k + 1}"
    assert len(guides.circles) == 4


def test_rings_layout_spaces_neighbours():
    pos, _ = rings_layout([0] * 20 + [1] * 60, ["x"] * 40 + ["y"] * 40, spacing=40)
    d = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 0.75 * 40 - 1e-6


def test_rings_put_stronger_ties_on_inner_rings(personal, strengths):
    d = nk.draw(personal, layout="rings")
    assert d.positions["ego"] == (0.0, 0.0)
    bands = [(0.75, 1.01), (0.5, 0.75), (0.25, 0.5), (0.0, 0.25)]
    radii = [[radius(d.positions[a]) for a, s in strengths.items() if lo <= s < hi] for lo, hi in bands]
    present = [r for r in radii if r]
    assert len(present) >= 3, "the sample should use at least three rings"
    for inner, outer in zip(present, present[1:]):
        assert max(inner) < min(outer), "a weaker tie sits inside a stronger one"
    # and pairwise: a strictly stronger band is always nearer the ego
    for a, sa in strengths.items():
        for b, sb in strengths.items():
            if sa >= 0.75 > sb:
                assert radius(d.positions[a]) < radius(d.positions[b])


def test_rings_by_layer_and_by_a_column(personal, strengths):
    d = nk.draw(personal, layout="rings", rings="layer")
    ranked = sorted(strengths, key=lambda a: -strengths[a])
    closest5, beyond15 = ranked[:5], ranked[15:]
    assert max(radius(d.positions[a]) for a in closest5) < min(radius(d.positions[a]) for a in beyond15)
    d = nk.draw(personal, layout="rings", rings="closeness")
    close = personal.alters.set_index("alter_id")["closeness"]
    assert max(radius(d.positions[a]) for a in close.index[close == 4]) < \
        min(radius(d.positions[a]) for a in close.index[close == 1])
    with pytest.raises(nk.NetkitError, match="rings='nope'.*'strength'"):
        nk.draw(personal, layout="rings", rings="nope")


def test_rings_give_each_context_its_own_sector(personal):
    d = nk.draw(personal, layout="rings")
    sectors = {label: (a, b) for a, b, label in d.guides.sectors}
    contexts = personal.alters.set_index("alter_id")["context"]
    assert set(sectors) == set(contexts)
    spans = sorted(sectors.values())
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        assert a1 < b0, "two sectors overlap"
    for alter, ctx in contexts.items():
        assert inside(angle(d.positions[alter]), *sectors[ctx]), f"{alter} ({ctx}) is outside its sector"


# ----------------------------------------------------------------------------- hub


def test_hub_puts_each_cluster_in_its_own_wedge_around_the_ego(personal):
    d = nk.draw(personal, layout="hub")
    assert d.positions["ego"] == (0.0, 0.0)
    from netkit.communities import clusters

    table = clusters(personal).set_index("alter_id")
    sizes = table["community"].value_counts()
    groups = {c: [a for a in table.index if table.at[a, "community"] == c] for c in sizes.index if sizes[c] > 1}
    assert len(groups) >= 3
    wedges = {label: (a, b) for a, b, label in d.guides.sectors}
    spans = sorted(wedges.values())
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        assert a1 < b0
    for c, members in groups.items():
        start, end = wedges[f"group {c + 1}"]
        for a in members:
            assert inside(angle(d.positions[a]), start, end), f"{a} of group {c + 1} strays out of its wedge"
        others = [x for x in table.index if x not in members]
        assert all(not inside(angle(d.positions[x]), start, end) for x in others if sizes[table.at[x, "community"]] > 1)


def test_hub_layout_loners_share_one_wedge():
    pos, guides = hub_layout(["a", "a", "a", "b", "c", "d"], [0, 1], [1, 2], seed=0)
    labels = [label for _, _, label in guides.sectors]
    assert labels == ["a", "on their own"]
    assert np.all(np.hypot(pos[:, 0], pos[:, 1]) > 0)


# ----------------------------------------------------------------------------- web and spring


def test_web_leaves_the_ego_out(personal):
    d = nk.draw(personal, layout="web")
    assert "ego" not in d.positions
    assert len(d.positions) == personal.size
    assert all(e.get("from") != e.get("to") for e in d.network.edges)
    assert len(d.network.edges) == 69  # the alter–alter ties of the sample, nothing to the ego


@pytest.mark.parametrize("layout", ["rings", "hub", "web", "spring"])
def test_same_seed_same_positions(personal, layout):
    a = nk.draw(personal, layout=layout, seed=7).positions
    b = nk.draw(personal, layout=layout, seed=7).positions
    assert a == b


def test_different_seed_different_spring_layout(personal):
    karate = nk.load_sample("karate")
    assert nk.draw(karate, seed=1).positions != nk.draw(karate, seed=2).positions
    assert nk.draw(personal, layout="web", seed=1).positions != nk.draw(personal, layout="web", seed=2).positions


def test_spring_sets_components_apart_and_loners_together():
    G = nx.disjoint_union_all([nx.complete_graph(6), nx.cycle_graph(8), nx.empty_graph(5)])
    src, dst = np.array(G.edges()).T
    pos = spring_layout(G.number_of_nodes(), src, dst, seed=3)
    boxes = []
    for nodes in (range(0, 6), range(6, 14), range(14, 19)):
        P = pos[list(nodes)]
        boxes.append((P.min(axis=0), P.max(axis=0)))
    for i in range(3):
        for j in range(i + 1, 3):
            (alo, ahi), (blo, bhi) = boxes[i], boxes[j]
            apart = (ahi < blo).any() or (bhi < alo).any()
            assert apart, f"components {i} and {j} overlap"


def test_spring_handles_a_large_component_group_by_group():
    G = nx.relaxed_caveman_graph(40, 15, 0.05, seed=1)  # 600 nodes: the multilevel path
    src, dst = np.array(G.edges()).T
    groups = [v // 15 for v in G]
    pos = spring_layout(G.number_of_nodes(), src, dst, groups=groups, seed=0)
    assert np.isfinite(pos).all()
    assert np.array_equal(pos, spring_layout(G.number_of_nodes(), src, dst, groups=groups, seed=0))
    # members of a cave sit nearer each other than the drawing's typical distance
    centre = np.array([pos[g * 15:(g + 1) * 15].mean(axis=0) for g in range(40)])
    spread = np.mean([np.hypot(*(pos[g * 15:(g + 1) * 15] - centre[g]).T).mean() for g in range(40)])
    overall = np.hypot(*(pos - pos.mean(axis=0)).T).mean()
    assert spread < overall / 4


def test_declutter_separates_coincident_points_deterministically():
    P = np.zeros((6, 2))
    a, b = declutter(P, 10.0), declutter(P, 10.0)
    assert np.array_equal(a, b)
    d = np.hypot(*(a[:, None, :] - a[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() > 5.0
