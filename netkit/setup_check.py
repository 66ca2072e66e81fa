"""The start notebook's set-up check: is everything the kit needs installed and working offline?"""
from __future__ import annotations

import importlib
import sys

import pandas as pd

__all__ = ["check_setup"]

# (import name, what it does for the kit)
COMPONENTS = [
    ("networkx", "network measures"),
    ("pandas", "tables"),
    ("scipy", "fast maths on large networks"),
    ("openpyxl", "reading the Excel template"),
    ("pyvis", "interactive drawings"),
    ("seaborn", "charts"),
    ("ipywidgets", "forms for entering your network"),
]


def check_setup() -> pd.DataFrame:
    """One row per component: ``component``, ``used_for``, ``version``, ``ok``.

    Nothing here touches the internet; a missing component is reported, not raised.
    """
    from . import __version__
    from .io import sample_names

    rows = [{"component": "python", "used_for": "running the kit", "version": sys.version.split()[0],
             "ok": sys.version_info >= (3, 10)},
            {"component": "netkit", "used_for": "the kit itself", "version": __version__, "ok": True}]
    for name, used_for in COMPONENTS:
        try:
            module = importlib.import_module(name)
            version, ok = getattr(module, "__version__", "?"), True
        except ImportError:
            version, ok = "missing — run `make lab` again", False
        rows.append({"component": name, "used_for": used_for, "version": version, "ok": ok})
    samples = sample_names()
    rows.append({"component": "samples", "used_for": "practice networks", "version": ", ".join(samples) or "none found",
                 "ok": "personal" in samples})
    return pd.DataFrame(rows)
