"""Make the synthetic survey collection sample ("survey"): 200 invented ego networks.

    python data/samples/survey/make_sample.py

writes egos.csv, alters.csv, ties.csv, support.csv and manifest.json next to this script. Deterministic:
one numpy default_rng with a fixed seed, values drawn in a fixed order, "\n" line endings,
UTF-8 without BOM; a rerun gives byte-identical files. No row describes a real person.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

SEED = 20261102
N_EGOS = 200
HERE = Path(__file__).resolve().parent

EGO_COLUMNS = ["ego_id", "age", "gender", "education", "employment"]
ALTER_COLUMNS = [
    "ego_id", "alter_id", "name", "context", "closeness", "frequency", "years_known",
    "confiding", "support_given", "support_received",
]
TIE_COLUMNS = ["ego_id", "source", "target", "weight"]
SUPPORT_COLUMNS = ["ego_id", "instrument", "item", "alter_id", "value"]

# Special cases, so the collection has edge cases a real survey has.
FIXED_SIZE = {"E007": 1, "E042": 2, "E150": 3, "E113": 25, "E177": 25}
NO_TIES = {"E013", "E088", "E161", "E199"}  # respondents who said "none of them know each other"
P_YEARS_MISSING = 0.01  # "don't know" answers: an empty years_known cell

GENDERS = (["woman", "man", "nonbinary"], [0.49, 0.48, 0.03])
EDUCATION = (["secondary", "vocational", "bachelor", "postgraduate"], [0.30, 0.25, 0.30, 0.15])

FIRST_NAMES = [
    "Maria", "Ahmed", "Li", "Olga", "Kofi", "Ana", "Jonas", "Fatima", "Hiroshi", "Grace",
    "Mateo", "Ingrid", "Rahul", "Chloé", "Emeka", "Sofia", "Tariq", "Mei", "Lars", "Amara",
    "Diego", "Hana", "Pavel", "Zainab", "Liam", "Ayşe", "Tomasz", "Nia", "Jun", "Elif",
    "Carlos", "Aroha", "Ivan", "Leila", "Kenji", "Ngozi", "Mikkel", "Priya", "Pedro", "Yara",
    "Sven", "Adaeze", "Luca", "Thandiwe", "Wei", "Marta", "Omar", "Siobhán", "Raj", "Eva",
    "Bogdan", "Aisha", "Niklas", "Camila", "Duc", "Hannah", "Yusuf", "Ines", "Sami", "Noa",
    "Anders", "Chiara", "Kwabena", "Lucía", "Dmitri", "Mariam", "Jae", "Freya", "Ali", "Rosa",
    "Bjørn", "Esther", "Kai", "Nadia", "Tunde", "Zoë", "Felix", "Samira", "Hugo", "Ama",
    "Mohammed", "Julia", "Arjun", "Agnieszka", "Ruth", "Youssef", "Linh", "Paul", "Dalia", "Max",
]
INITIALS = "ABCDEFGHIJKLMNOPRSTVWYZ"

CONTEXTS = ["family", "close friends", "college", "current job", "former job",
            "neighbourhood", "online community", "club"]
# closeness values and weights, frequency values and weights, years range (None = ego's age),
# P(confiding), P(support_given), P(support_received)
PROFILES = {
    "family":           ([2, 3, 4], [.15, .35, .5], [2, 3, 4, 5], [.15, .3, .35, .2], None, .3, .6, .55),
    "close friends":    ([2, 3, 4], [.1, .45, .45], [2, 3, 4, 5], [.1, .35, .45, .1], (3, 30), .35, .55, .5),
    "college":          ([1, 2, 3], [.2, .5, .3], [1, 2, 3, 4], [.15, .45, .3, .1], (2, 20), .1, .2, .2),
    "current job":      ([1, 2, 3], [.35, .45, .2], [3, 4, 5], [.1, .4, .5], (0, 12), .1, .4, .4),
    "former job":       ([1, 2, 3], [.5, .4, .1], [1, 2, 3], [.4, .45, .15], (2, 25), .05, .15, .2),
    "neighbourhood":    ([1, 2, 3], [.45, .4, .15], [2, 3, 4, 5], [.1, .35, .4, .15], (0, 30), .05, .35, .3),
    "online community": ([1, 2, 3], [.55, .35, .1], [1, 2, 3, 4], [.2, .4, .3, .1], (0, 8), .05, .2, .2),
    "club":             ([1, 2, 3], [.35, .45, .2], [2, 3, 4], [.15, .45, .4], (0, 20), .05, .3, .25),
}
# Tie probabilities: alters in the same context know each other far more often.
P_SAME = {"family": .9, "close friends": .7, "college": .6, "current job": .55,
          "former job": .55, "neighbourhood": .5, "online community": .4, "club": .6}
P_ACROSS = .06
# ... and some pairs of contexts mix more than others (your family knows your close friends).
P_PAIR = {frozenset(k): v for k, v in [
    (("family", "close friends"), .25), (("family", "neighbourhood"), .2),
    (("close friends", "college"), .25), (("close friends", "club"), .15),
    (("close friends", "neighbourhood"), .12), (("current job", "former job"), .12),
    (("current job", "college"), .1),
]}


def draw_ego(rng: np.random.Generator) -> dict:
    age = int(np.clip(round(rng.normal(45, 16)), 18, 89))
    gender = str(rng.choice(GENDERS[0], p=GENDERS[1]))
    education = str(rng.choice(EDUCATION[0], p=EDUCATION[1]))
    if age < 25:
        jobs = (["student", "employed", "unemployed"], [.5, .35, .15])
    elif age < 65:
        jobs = (["employed", "self-employed", "unemployed", "homemaker", "student"],
                [.7, .1, .08, .07, .05])
    else:
        jobs = (["retired", "employed", "self-employed"], [.85, .1, .05])
    employment = str(rng.choice(jobs[0], p=jobs[1]))
    return dict(age=age, gender=gender, education=education, employment=employment)


def context_weights(ego: dict) -> np.ndarray:
    working = ego["employment"] in ("employed", "self-employed")
    w = {
        "family": 3.0,
        "close friends": 2.5,
        "college": 1.2 if ego["education"] in ("bachelor", "postgraduate") or ego["employment"] == "student" else 0.3,
        "current job": 2.0 if working else 0.0,
        "former job": 1.5 if ego["employment"] in ("retired", "unemployed") else (0.8 if ego["age"] >= 25 else 0.2),
        "neighbourhood": 2.5 if ego["age"] >= 65 else 1.2,
        "online community": 1.2 if ego["age"] < 40 else (0.5 if ego["age"] < 65 else 0.15),
        "club": 1.0,
    }
    a = np.array([w[c] for c in CONTEXTS])
    return a / a.sum()


def fmt_years(x: float) -> str:
    x = round(x * 2) / 2
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def make_ego(rng: np.random.Generator, ego_id: str, ego: dict) -> tuple[list[dict], list[dict]]:
    size = FIXED_SIZE.get(ego_id)
    if size is None:
        size = int(np.clip(round(rng.normal(14, 3.5)), 5, 24))
    contexts = rng.choice(CONTEXTS, size=size, p=context_weights(ego))
    alters, used = [], set()
    for i, ctx in enumerate(contexts, start=1):
        ctx = str(ctx)
        clo, clo_p, fre, fre_p, years, p_conf, p_given, p_recv = PROFILES[ctx]
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(list(INITIALS))}."
            if name not in used:
                used.add(name)
                break
        closeness = int(rng.choice(clo, p=clo_p))
        # cannot have known a coworker since before working age, a classmate before 17, ...
        age_cap = ego["age"] - {"college": 17, "current job": 16, "former job": 16}.get(ctx, 5)
        hi = float(ego["age"]) if years is None else max(0.5, min(years[1], age_cap))
        lo = min(10.0, hi) if years is None else min(float(years[0]), hi)
        years_known = fmt_years(float(rng.uniform(lo, hi)))
        if rng.random() < P_YEARS_MISSING:
            years_known = ""
        # closer alters are more often confidants and exchange more support
        boost = (closeness - 2) * 0.15
        alters.append(dict(
            ego_id=ego_id, alter_id=str(i), name=name, context=ctx, closeness=closeness,
            frequency=int(rng.choice(fre, p=fre_p)), years_known=years_known,
            confiding=int(rng.random() < max(0.0, p_conf + boost / 2)),
            support_given=int(rng.random() < p_given + boost),
            support_received=int(rng.random() < p_recv + boost),
        ))
    ties = []
    sociability = float(rng.uniform(0.7, 1.4))  # some respondents' contacts know each other more
    for i in range(size):
        for j in range(i + 1, size):
            same = alters[i]["context"] == alters[j]["context"]
            pair = frozenset((alters[i]["context"], alters[j]["context"]))
            base = P_SAME[alters[i]["context"]] if same else P_PAIR.get(pair, P_ACROSS)
            p = min(0.95, base * sociability)
            u = rng.random()
            w = int(rng.choice([1, 2, 3], p=[.25, .45, .3] if same else [.6, .3, .1]))
            if u < p and ego_id not in NO_TIES:
                ties.append(dict(ego_id=ego_id, source=str(i + 1), target=str(j + 1), weight=w))
    return alters, ties


# ----------------------------------------------------------------------------- per-alter support coding
# Who gives which support, coded per alter with netkit's "exchange" instrument (one row per
# ego x item x alter, value 1 = gives, 0 = does not, blank = not known). The generating model:
#
#   strong = 1 if closeness >= 3 else 0      (the "closeness" tie strength at threshold 0.5)
#   logit P(alter gives kind k) = A[k] + B[k] * strong + u_ek,   u_ek ~ Normal(0, SIGMA) per ego and kind
#
# An alter who gives kind k gives one of its items (picked uniformly) and each other item of the
# kind with probability P_OTHER_ITEM; one who does not gives none. B[k] is a log odds ratio
# *within* an ego; netkit's GEE estimates the population-averaged odds ratio, which the random
# ego effect makes smaller: marginal_odds_ratio() below computes it (the number to recover).
# Drawn from a second generator, after everything else, so the other files stay as they were.
SUPPORT_SEED = 20261115
SUPPORT_ITEMS = {
    "instrumental": ["house_sitting", "household_help", "work_decisions", "advice", "loan"],
    "psychosocial": ["personal_worries", "socialising"],
    "other": ["hobbies"],
}
A = {"instrumental": -0.3, "psychosocial": -1.2, "other": -1.5}
B = {"instrumental": -0.8, "psychosocial": 1.5, "other": 0.0}
SIGMA = 0.7
P_OTHER_ITEM = 0.3
P_NOT_KNOWN = 0.02  # an alter's whole coding for one kind left blank ("don't know"), at random
NO_SUPPORT_MODULE = {"E021", "E064", "E107", "E142", "E188"}  # skipped the support questions: no rows at all


def marginal_odds_ratio(a: float, b: float, sigma: float, nodes: int = 60) -> float:
    """The population-averaged odds ratio (strong vs weak) implied by the model, by Gauss-Hermite."""
    x, w = np.polynomial.hermite_e.hermegauss(nodes)  # weight exp(-x^2/2): the standard normal
    w = w / w.sum()
    p_weak = float(np.sum(w / (1 + np.exp(-(a + sigma * x)))))
    p_strong = float(np.sum(w / (1 + np.exp(-(a + b + sigma * x)))))
    return (p_strong / (1 - p_strong)) / (p_weak / (1 - p_weak))


def make_support(alters: list[dict]) -> list[dict]:
    rng = np.random.default_rng(SUPPORT_SEED)
    rows: list[dict] = []
    by_ego: dict[str, list[dict]] = {}
    for a in alters:
        by_ego.setdefault(a["ego_id"], []).append(a)
    for ego_id, people in by_ego.items():
        u = {k: float(rng.normal(0, SIGMA)) for k in SUPPORT_ITEMS}
        if ego_id in NO_SUPPORT_MODULE:
            continue
        coded: dict[tuple[str, str], str] = {}
        for a in people:
            strong = 1 if a["closeness"] >= 3 else 0
            for kind, items in SUPPORT_ITEMS.items():
                p = 1 / (1 + np.exp(-(A[kind] + B[kind] * strong + u[kind])))
                gives = rng.random() < p
                first = items[int(rng.integers(len(items)))]
                extra = rng.random(len(items)) < P_OTHER_ITEM
                blank = rng.random() < P_NOT_KNOWN
                for item, more in zip(items, extra):
                    value = "" if blank else str(int(gives and (item == first or bool(more))))
                    coded[(item, a["alter_id"])] = value
        for items in SUPPORT_ITEMS.values():
            for item in items:
                for a in people:
                    rows.append(dict(ego_id=ego_id, instrument="exchange", item=item, alter_id=a["alter_id"],
                                     value=coded[(item, a["alter_id"])]))
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    rng = np.random.default_rng(SEED)
    egos, alters, ties = [], [], []
    for k in range(1, N_EGOS + 1):
        ego_id = f"E{k:03d}"
        ego = draw_ego(rng)
        egos.append(dict(ego_id=ego_id, **ego))
        a, t = make_ego(rng, ego_id, ego)
        alters += a
        ties += t
    write_csv(HERE / "egos.csv", EGO_COLUMNS, egos)
    write_csv(HERE / "alters.csv", ALTER_COLUMNS, alters)
    write_csv(HERE / "ties.csv", TIE_COLUMNS, ties)
    support = make_support(alters)
    write_csv(HERE / "support.csv", SUPPORT_COLUMNS, support)
    manifest = {"format": "netkit", "schema_version": 1, "kind": "collection"}
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"survey: {len(egos)} egos, {len(alters)} alters, {len(ties)} ties, {len(support)} support codes -> {HERE}")
    for kind in SUPPORT_ITEMS:
        print(f"  {kind}: population-averaged odds ratio strong vs weak = {marginal_odds_ratio(A[kind], B[kind], SIGMA):.3f}")


if __name__ == "__main__":
    main()
