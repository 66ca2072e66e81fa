"""Argument checks that several public functions share, written once.

Each check raises :class:`~netkit.errors.NetkitError` with one sentence that names the argument,
what was given and what would be legal. ``renamed_keywords`` keeps an old keyword working, with a
warning, for one release after it was renamed.
"""
from __future__ import annotations

import functools
import warnings
from typing import Callable, TypeVar

import numpy as np

from .errors import NetkitError

__all__ = ["check_threshold", "check_count", "renamed_keywords", "RENAMED_IN"]

F = TypeVar("F", bound=Callable)

RENAMED_IN = "0.2"  # the release that renamed them; the old names go in the one after


def check_threshold(threshold) -> float:
    """The weak/strong cut-off: a number from 0 to 1."""
    try:
        value = float(threshold)
    except (TypeError, ValueError):
        value = float("nan")
    if isinstance(threshold, (bool, str)) or not 0 <= value <= 1:
        raise NetkitError(f"threshold={threshold!r} is not a strength; use a number from 0 to 1 (default 0.5).")
    return value


def check_count(value, name: str, *, what: str, optional: bool = False) -> int | None:
    """A whole number, 1 or more (``None`` too when ``optional``)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        extra = " (or None for no limit)" if optional else ""
        raise NetkitError(f"{name}={value!r} must be a whole number of {what}, 1 or more{extra}.")
    return int(value)


def renamed_keywords(**old_to_new: str) -> Callable[[F], F]:
    """Accept old keyword names for one release, with a FutureWarning naming the new one.

    >>> @renamed_keywords(weights="strength")
    ... def f(*, strength="equal"):
    ...     return strength
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     f(weights="closeness"), str(caught[0].message)
    ('closeness', 'weights= is now strength=; the old name stops working after netkit 0.2.')
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise NetkitError(f"{old}= is the old name of {new}=; pass only {new}=.")
                    warnings.warn(f"{old}= is now {new}=; the old name stops working after netkit {RENAMED_IN}.",
                                  FutureWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.renamed_keywords = dict(old_to_new)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
