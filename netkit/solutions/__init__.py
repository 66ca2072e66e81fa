"""Solutions to the exercises in the guided notebooks, one module per notebook.

Each notebook shows its solutions from here (``from netkit.solutions import nb03;
nb03.weak_ties_share(net)``) in a collapsed cell, so the answer a learner reveals is the code
the tests run — never a copy that could drift. :mod:`netkit.solutions.practice` builds the
practice person's workspace (support answers and a favors ledger on the ``personal`` sample)
that notebooks 05 and 06 work on.

Modules load when first used: ``import netkit.solutions`` imports nothing heavy.
"""
from __future__ import annotations

import importlib

__all__ = ["nb01", "nb02", "nb03", "nb04", "nb05", "nb06", "nb07", "practice"]


def __getattr__(name: str):
    if name in __all__:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'netkit.solutions' has no attribute {name!r}")


def __dir__():
    return __all__
