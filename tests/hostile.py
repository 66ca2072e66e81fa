"""The one list of hard names every test that shows, stores or escapes user text uses.

``MARKUP`` would run or break a page if it were not escaped; ``REAL`` is what real people type:
accents, emoji with joiners, quotes, right-to-left marks, other scripts, words that look like
missing values or spreadsheet formulas, and very long text.
"""

MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=x>href</a>",
    "{{7*7}}",
    "${7*7}",
    "&lt;b&gt; &amp;",
]

REAL = [
    "Zoë Ångström-Øvrebø",
    "🦊 Zoë 👩\u200d👩\u200d👧",
    'Ann "the boss" O\'Neil',
    "Müller, Hans; Jr.",
    "abc\u202edef.exe",
    "李小龍",
    "NA",
    "None",
    "=SUM(A1:A2)",
    "  spaced   inside  ",
    "line one\nline two",
    "A" * 5000,
]

HOSTILE_NAMES = MARKUP + REAL
