"""How counts are said in sentences a participant reads: "1 person", "2 people", "4.57 people".

One place for it, so every form, report and message agrees: a whole number is written as it is,
anything else to three significant figures (an average of 12.3456 people is "12.3 people"), and
the noun agrees with the number. Dates in sentences read "15 July 2026" (:func:`date_words`).
"""
from __future__ import annotations

import datetime as dt
import math

__all__ = ["number", "plural", "date_words"]


def number(value: float, figures: int = 3) -> str:
    """A count as a participant reads it: whole numbers exactly, others to 3 significant figures.

    Parameters
    ----------
    value : int or float
        The count; a float that is a whole number is written without ``.0``.
    figures : int, default 3
        Significant figures for a number that is not whole (2 for measures from 0 to 1, e.g.
        a constraint of 0.54).

    Returns
    -------
    str
        No exponent and no trailing zeros; thousands are grouped with commas.

    Examples
    --------
    >>> number(3), number(3.0), number(4.5678), number(12.345), number(0.3333), number(1234.5)
    ('3', '3', '4.57', '12.3', '0.333', '1,234')
    >>> number(0.0784, figures=2), number(0.5349, figures=2)
    ('0.078', '0.53')
    """
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        return str(x)
    if x.is_integer():
        return f"{int(x):,}"
    if abs(x) >= 1000:  # past three figures a fraction of a person means nothing
        return f"{round(x):,}"
    digits = max(0, figures - 1 - math.floor(math.log10(abs(x))))
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def plural(n: float, singular: str, many: str | None = None) -> str:
    """``n`` and the noun that agrees with it: ``plural(1, "person", "people") == "1 person"``.

    Parameters
    ----------
    n : int or float
        How many; written with :func:`number`.
    singular : str
        The noun for exactly one.
    many : str, optional
        The noun for any other number; default ``singular + "s"``.

    Returns
    -------
    str

    Examples
    --------
    >>> plural(1, "person", "people"), plural(2, "person", "people"), plural(0, "favor")
    ('1 person', '2 people', '0 favors')
    >>> plural(4.5678, "person", "people")
    '4.57 people'
    """
    word = singular if float(n) == 1 else (many if many is not None else singular + "s")
    return f"{number(n)} {word}"


def date_words(day: dt.date) -> str:
    """A date as a sentence says it, the same in every locale: ``"15 July 2026"``.

    >>> date_words(dt.date(2026, 7, 5))
    '5 July 2026'
    """
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def and_list(words) -> str:
    """Words as a sentence lists them: "Ana", "Ana and Ben", "Ana, Ben and Cy" ("" for none).

    >>> and_list([]), and_list(["Ana"]), and_list(["Ana", "Ben", "Cy"])
    ('', 'Ana', 'Ana, Ben and Cy')
    """
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
