"""Solutions to the exercises in the guided notebooks, one module per notebook.

Each notebook shows its solutions from here in a collapsed cell: ``show(nb03.weak_ties_share,
"nb03.weak_ties_share(net)")`` displays the function's code, folded under a "Show the
solution" line, and how to run it — without running it, so Run All never puts the answer
right under the exercise. The code a learner reveals is the code the tests run, never a copy
that could drift. :mod:`netkit.solutions.practice` builds the
practice person's workspace (support answers and a favors ledger on the ``personal`` sample)
that notebooks 05 and 06 work on.

Modules load when first used: ``import netkit.solutions`` imports nothing heavy.
"""
from __future__ import annotations

import importlib
import inspect
import re

_MODULES = ["nb01", "nb02", "nb03", "nb04", "nb05", "nb06", "nb07", "practice"]
__all__ = [*_MODULES, "show", "Solution"]


class Solution:
    """A solution's code, shown (not run) in a notebook: folded under a summary line, with the
    line that runs it. The notebook displays it as Markdown, with the code highlighted."""

    def __init__(self, title: str, code: str, call: str | None = None) -> None:
        self.title, self.code, self.call = title, code, call

    def _repr_markdown_(self) -> str:
        run = (f"\n\nTo run it yourself, copy this line into a new cell:\n\n```python\n{self.call}\n```"
               if self.call else "")
        return (f"<details>\n<summary>Show the solution: <code>{self.title}</code></summary>\n\n"
                f"```python\n{self.code.rstrip()}\n```{run}\n\n</details>\n")

    def __repr__(self) -> str:
        run = f"\n# To run it yourself:\n# {self.call}" if self.call else ""
        return f"{self.code.rstrip()}{run}"


def show(function, call: str | None = None) -> Solution:
    """The code of a solution function, to read: shown folded in the notebook, not run.

    Parameters
    ----------
    function : callable
        A function of one of the ``nbNN`` modules, e.g. ``nb03.weak_ties_share``.
    call : str, optional
        The line that runs it on the notebook's network, shown under the code.

    Returns
    -------
    Solution
        Displays as a collapsed "Show the solution" block holding the function's code (and the
        module's private helpers it uses), highlighted.

    Examples
    --------
    >>> from netkit.solutions import nb03
    >>> print(repr(show(nb03.weak_ties_share, "nb03.weak_ties_share(net)")).splitlines()[0])
    def _spokes(net: EgoNetwork, strength, threshold: float = 0.5) -> pd.DataFrame:
    """
    module = inspect.getmodule(function)
    source = inspect.getsource(function)
    helpers = []
    for name in dict.fromkeys(re.findall(r"\b(_[a-z]\w*)\(", source)):
        helper = getattr(module, name, None)
        if inspect.isfunction(helper) and helper is not function:
            helpers.append(inspect.getsource(helper))
    short = (module.__name__.rsplit(".", 1)[-1] + "." if module else "") + function.__name__
    return Solution(short, "\n\n".join(helpers + [source]), call)


def __getattr__(name: str):
    if name in _MODULES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'netkit.solutions' has no attribute {name!r}")


def __dir__():
    return __all__
