"""The one list of hard names every test that shows, stores or escapes user text uses.

Markup that would run or break a page if it were not escaped, and what real people type:
accents, emoji with joiners, quotes, right-to-left marks, other scripts, words that look like
missing values or spreadsheet formulas, line breaks and very long text. Tests index the first
twelve by position, so add new names at the end.
"""

HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "</script><script>alert(1)</script>",
    "{{7*7}}",
    "${7*7}",
    "abc\u202edef.exe",
    "A" * 5000,
    "🦊 Zoë 👩\u200d👩\u200d👧",
    "<!-- <script>",
    "&lt;b&gt; &amp;",
    "line one\nline two",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=x>href</a>",
    "Zoë Ångström-Øvrebø",
    'Ann "the boss" O\'Neil',
    "Müller, Hans; Jr.",
    "李小龍",
    "NA",
    "None",
    "=SUM(A1:A2)",
    "  spaced   inside  ",
]


def hostile_network(*, company: bool = False):
    """One ego network whose names, contexts and notes are all hard names (``company``: one more column)."""
    import pandas as pd

    from netkit.errors import Origin
    from netkit.model import make_collection

    n = len(HOSTILE_NAMES)
    alters = pd.DataFrame({
        "ego_id": "e",
        "alter_id": [f"h{i}" for i in range(n)],
        "name": HOSTILE_NAMES,
        "context": [HOSTILE_NAMES[i % 4] for i in range(n)],
        "closeness": [1 + i % 4 for i in range(n)],
        "notes": HOSTILE_NAMES[::-1],
    })
    if company:
        alters["company"] = HOSTILE_NAMES[2:] + HOSTILE_NAMES[:2]
    ties = pd.DataFrame({"ego_id": "e", "source": ["h0", "h1", "h2", "h4", "h8"], "target": ["h1", "h2", "h3", "h5", "h9"]})
    egos = pd.DataFrame({"ego_id": ["e"], "name": ["<img src=x onerror=alert('ego')>"]})
    return make_collection(egos, alters, ties, origins={"alters": Origin("alters.csv")})["e"]
