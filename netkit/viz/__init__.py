"""Drawing networks: interactive pages (offline, sandboxed, seeded layouts) and static figures.

``draw`` returns a :class:`Drawing` that shows itself in a notebook and saves one standalone
HTML file; the figure functions return matplotlib figures. pyvis and matplotlib are imported
only when something is drawn.
"""
from __future__ import annotations

from .drawing import LAYOUTS, PALETTE, Drawing, draw, draw_to_file, pseudonyms
from .figures import (
    granovetter_figure,
    reciprocity_figure,
    support_coverage_figure,
    support_strength_figure,
    tie_strength_figure,
)

__all__ = [
    "Drawing",
    "LAYOUTS",
    "PALETTE",
    "draw",
    "draw_to_file",
    "granovetter_figure",
    "pseudonyms",
    "reciprocity_figure",
    "support_coverage_figure",
    "support_strength_figure",
    "tie_strength_figure",
]
