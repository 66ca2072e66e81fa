"""Make the synthetic personal network sample ("personal").

Everything here is invented: no real person is described. Run

    python data/samples/personal/make_sample.py

and the files egos.csv, alters.csv, ties.csv and manifest.json are (re)written next to this
script. The output is deterministic: a fixed seed for numpy's default_rng, a fixed reference
date (2026-11-01, not today), sorted rows, "\n" line endings and UTF-8 without a BOM, so a
rerun gives byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import numpy as np

SEED = 20261101
REFERENCE_DATE = dt.date(2026, 11, 1)  # "today" for last_contact, fixed on purpose
EGO_ID = "you"
HERE = Path(__file__).resolve().parent

ALTER_COLUMNS = [
    "ego_id", "alter_id", "name", "context", "closeness", "frequency", "years_known",
    "confiding", "support_given", "support_received", "last_contact", "notes",
]
TIE_COLUMNS = ["ego_id", "source", "target", "weight", "type"]

# --- the people -------------------------------------------------------------------------
# (alter_id, name, context, fixed values, notes). Values not fixed here are drawn from the
# context profile below. Names are fictional and deliberately "awkward": accents, an
# apostrophe, a hyphen, an emoji, a quote character, and two different people called Sam.
PEOPLE = [
    # family
    ("a01", "Mariam Haddad", "family",
     dict(closeness=4, frequency=4, years_known=34, confiding=1, support_given=1, support_received=1),
     "Mum; Sunday phone call"),
    ("a02", "Søren Lindgren", "family",
     dict(closeness=3, frequency=4, years_known=34, confiding=0, support_given=1, support_received=1),
     "Dad; helped with the move"),
    ("a03", "Layla Haddad-Lindgren", "family",
     dict(closeness=4, frequency=5, years_known=31, confiding=1, support_given=1, support_received=1),
     "sister; shared a flat with Siobhan once"),
    ("a04", "Elias Lindgren", "family",
     dict(closeness=3, frequency=3, years_known=34), "older brother"),
    ("a05", "Zoë Haddad", "family",
     dict(closeness=2, frequency=2, years_known=29), "cousin, lives abroad"),
    ("a06", "Grandma Nour", "family",
     dict(closeness=4, frequency=3, years_known=34, support_given=1), ""),
    ("a07", "Tante Birgit", "family",
     dict(closeness=2, frequency=2, years_known=34), "Dad's sister"),
    # close friends
    ("a08", "Priya Raman", "close friends",
     dict(closeness=4, frequency=4, years_known=15, confiding=1, support_given=1, support_received=1),
     "met in first year at college; still in touch with the college crowd"),
    ("a09", "Siobhan O'Brien", "close friends",
     dict(closeness=4, frequency=4, years_known=11, confiding=1),
     "knows Layla from their flat-share"),
    ("a10", "Kwame Mensah", "close friends",
     dict(closeness=4, frequency=4, years_known=20, confiding=1, support_given=1),
     "school friend; plays five-a-side with Sam O."),
    ("a11", 'Dani "Bear" Kowalski', "close friends",
     dict(closeness=3, frequency=3, years_known=9, confiding=0), ""),
    ("a12", "Tomás Ferreira", "close friends",
     dict(closeness=3, frequency=3, years_known=8, confiding=0), "godfather to his daughter"),
    # college
    ("a13", "Nguyễn Thị Lan", "college",
     dict(closeness=3, frequency=2, years_known=15), "study group, now a data scientist"),
    ("a14", "José Martínez", "college",
     dict(closeness=3, frequency=5, years_known=14, confiding=1, support_given=1, support_received=1),
     "college friend who joined my current company last year"),
    ("a15", "Hannah Goldberg", "college",
     dict(closeness=2, frequency=2, years_known=15), "organises the yearly reunion"),
    ("a16", "Ingrid Solberg", "college", dict(), ""),
    ("a17", "Chen Wei", "college", dict(), "works in venture capital, good for industry gossip"),
    ("a18", "Fatima Zahra Benali", "college", dict(), ""),
    # current job
    ("a19", "Sam Lindqvist", "current job",
     dict(closeness=2, frequency=5), "same team; desk next to mine"),
    ("a20", "Aisha Bello", "current job", dict(), ""),
    ("a21", "Marco Bellini", "current job", dict(), "team lead, other squad"),
    ("a22", "Yuki Tanaka", "current job", dict(), ""),
    ("a23", "Olusegun Adeyemi", "current job",
     dict(closeness=2, frequency=4, support_received=1), "my manager"),
    ("a24", "Beatriz Santos", "current job", dict(), ""),
    ("a25", "Grace Kim", "current job", dict(), "lunch on Fridays"),
    ("a26", "Dmitri Volkov", "current job",
     dict(closeness=1, frequency=2, years_known=1.5, support_given=0, support_received=1),
     "procurement, other department; can expedite purchase orders"),
    # former job
    ("a27", "Helga Andersen", "former job",
     dict(closeness=2, frequency=1, years_known=9, support_given=0, support_received=1),
     "former boss; wrote my reference, knows everyone in logistics"),
    ("a28", "Rafael Oliveira", "former job", dict(), ""),
    ("a29", "Mei Ling Tan", "former job", dict(), "now at a competitor, shares industry news"),
    ("a30", "Ciarán Doyle", "former job", dict(), ""),
    ("a31", "Ana Popescu", "former job", dict(), "owes me a coffee"),
    # neighbourhood
    ("a32", "Sam Okafor", "neighbourhood",
     dict(closeness=2, frequency=4), "next door; five-a-side with Kwame"),
    ("a33", "Margaret Jenkins", "neighbourhood",
     dict(support_given=1), "waters the plants when I travel"),
    ("a34", "Ahmed Karimi", "neighbourhood", dict(), "runs the corner shop"),
    ("a35", "Lucía Fernández", "neighbourhood", dict(), ""),
    ("a36", "Rosa Delgado", "neighbourhood", dict(), "community garden, plot 7"),
    # online community (an urban-sketching forum)
    ("a37", "pixelfox 🦊", "online community",
     dict(closeness=2, frequency=3, years_known=2), "forum moderator, never met in person"),
    ("a38", "Ravi Menon", "online community",
     dict(closeness=1, frequency=2, support_received=1),
     "recruiter at a design studio; sent me two job leads"),
    ("a39", "Noor Aziz", "online community", dict(), ""),
    ("a40", "Jamie Thornton", "online community",
     dict(closeness=1, frequency=1, years_known=0.5), "only chat one-to-one, knows nobody else here"),
]

# Context profiles: (closeness choices, frequency choices, years_known range,
# P(confiding), P(support_given), P(support_received)).
PROFILES = {
    "family":           ((3, 4),    (3, 4, 5), (25, 34), 0.3, 0.6, 0.5),
    "close friends":    ((3, 4),    (3, 4),    (6, 20),  0.5, 0.6, 0.5),
    "college":          ((2, 3),    (2, 3),    (12, 16), 0.0, 0.2, 0.2),
    "current job":      ((1, 2, 3), (4, 5),    (0.5, 4), 0.0, 0.4, 0.4),
    "former job":       ((1, 2),    (1, 2),    (4, 9),   0.0, 0.1, 0.2),
    "neighbourhood":    ((1, 2),    (3, 4),    (1, 7),   0.0, 0.3, 0.3),
    "online community": ((1, 2),    (2, 3),    (0.5, 3), 0.0, 0.2, 0.2),
}

# Within-context tie probability: dense, but not complete.
P_WITHIN = {
    "family": 0.85, "close friends": 0.6, "college": 0.55, "current job": 0.45,
    "former job": 0.6, "neighbourhood": 0.5, "online community": 0.7,
}
TIE_TYPE = {
    "family": "family", "close friends": "friends", "college": "college friends",
    "current job": "coworkers", "former job": "former coworkers",
    "neighbourhood": "neighbours", "online community": "online",
}
# People who only know the ego (or only one other person) inside their context.
ONLY_KNOWS = {
    "a26": {"a23"},   # Dmitri (other department) knows only the manager
    "a40": set(),     # Jamie (online) knows nobody else in the network
}
# The few ties across contexts: the bridges between clusters.
BRIDGES = [
    ("a14", "a19", 2, "coworkers"),        # José (college) now works with Sam Lindqvist
    ("a14", "a20", 1, "coworkers"),        # ... and with Aisha Bello
    ("a08", "a13", 2, "college friends"),  # Priya (close friend) met at college: Lan
    ("a08", "a15", 3, "college friends"),  # ... and Hannah
    ("a03", "a09", 2, "friends"),          # Layla (sister) shared a flat with Siobhan
    ("a10", "a32", 1, "football"),         # Kwame (close friend) plays football with Sam Okafor
]
# Pairs in the same context who do not know each other (so no cluster is complete):
# Grandma Nour (Mum's side) has never met Tante Birgit (Dad's side), nor has cousin Zoë.
EXCLUDED = {("a06", "a07"), ("a05", "a07")}
# Hubs: ensure these pairs exist so each cluster has an obvious structure.
REQUIRED_WITHIN = [("a01", "a02"), ("a01", "a03"), ("a19", "a20"), ("a19", "a23"),
                   ("a27", "a28"), ("a37", "a38"), ("a37", "a39"), ("a32", "a33")]


def fmt_years(x: float) -> str:
    """Years known, to the half year: '14', '0.5', '2.5'."""
    x = round(x * 2) / 2
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def draw_last_contact(rng: np.random.Generator, frequency: int) -> str:
    lo, hi = {5: (0, 3), 4: (1, 10), 3: (5, 40), 2: (30, 200), 1: (200, 700)}[frequency]
    days = int(rng.integers(lo, hi + 1))
    return (REFERENCE_DATE - dt.timedelta(days=days)).isoformat()


def make_alters(rng: np.random.Generator) -> list[dict]:
    rows = []
    for alter_id, name, context, fixed, notes in PEOPLE:
        clo, fre, (ylo, yhi), p_conf, p_given, p_recv = PROFILES[context]
        # draw every value (even fixed ones) so the random stream does not depend on overrides
        drawn = dict(
            closeness=int(rng.choice(clo)),
            frequency=int(rng.choice(fre)),
            years_known=float(rng.uniform(ylo, yhi)),
            confiding=int(rng.random() < p_conf),
            support_given=int(rng.random() < p_given),
            support_received=int(rng.random() < p_recv),
        )
        drawn.update(fixed)
        rows.append(dict(
            ego_id=EGO_ID, alter_id=alter_id, name=name, context=context,
            closeness=drawn["closeness"], frequency=drawn["frequency"],
            years_known=fmt_years(drawn["years_known"]), confiding=drawn["confiding"],
            support_given=drawn["support_given"], support_received=drawn["support_received"],
            last_contact=draw_last_contact(rng, drawn["frequency"]), notes=notes,
        ))
    return rows


def allowed(a: str, b: str) -> bool:
    for x, y in ((a, b), (b, a)):
        if x in ONLY_KNOWS and y not in ONLY_KNOWS[x]:
            return False
    return True


def make_ties(rng: np.random.Generator) -> list[dict]:
    context_of = {p[0]: p[2] for p in PEOPLE}
    ids = [p[0] for p in PEOPLE]
    edges: dict[tuple[str, str], tuple[int, str]] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            ctx = context_of[a]
            if ctx != context_of[b]:
                continue
            u = rng.random()
            w = int(rng.choice([1, 2, 3], p=[0.1, 0.3, 0.6] if ctx == "family" else [0.4, 0.4, 0.2]))
            if ((a, b) in REQUIRED_WITHIN or u < P_WITHIN[ctx]) and allowed(a, b) \
                    and (a, b) not in EXCLUDED:
                edges[(a, b)] = (w, TIE_TYPE[ctx])
    # connect each context (apart from the deliberate isolates) so clusters are visible
    for ctx in PROFILES:
        members = [m for m in ids if context_of[m] == ctx and ONLY_KNOWS.get(m) != set()]
        comp = {m: m for m in members}

        def find(m):
            while comp[m] != m:
                m = comp[m]
            return m

        for a, b in edges:
            if a in comp and b in comp:
                comp[find(a)] = find(b)
        roots = sorted({find(m) for m in members})
        for r in roots[1:]:
            a = min(m for m in members if find(m) == roots[0])
            b = min(m for m in members if find(m) == r)
            edges[tuple(sorted((a, b)))] = (1, TIE_TYPE[ctx])
            comp[find(b)] = find(a)
    for a, b, w, t in BRIDGES:
        edges[tuple(sorted((a, b)))] = (w, t)
    return [dict(ego_id=EGO_ID, source=a, target=b, weight=w, type=t)
            for (a, b), (w, t) in sorted(edges.items())]


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    rng = np.random.default_rng(SEED)
    alters = make_alters(rng)
    ties = make_ties(rng)
    write_csv(HERE / "egos.csv", ["ego_id", "name"], [dict(ego_id=EGO_ID, name="You")])
    write_csv(HERE / "alters.csv", ALTER_COLUMNS, alters)
    write_csv(HERE / "ties.csv", TIE_COLUMNS, ties)
    manifest = {"format": "netkit", "schema_version": 1, "kind": "ego"}
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"personal: {len(alters)} alters, {len(ties)} ties -> {HERE}")


if __name__ == "__main__":
    main()
