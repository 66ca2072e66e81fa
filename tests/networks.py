"""Small networks built the way a reader builds them, shared by the measure tests."""
from __future__ import annotations

import pandas as pd

from netkit.errors import Origin
from netkit.model import EgoNetwork, make_collection


def ego_network(alters: list[str], ties: list[tuple[str, str]], *, directed: bool = False, **columns) -> EgoNetwork:
    """An ego network typed and checked by make_collection, as a reader would build it."""
    table = pd.DataFrame({"ego_id": "me", "alter_id": alters, **columns})
    tie_table = pd.DataFrame({"ego_id": "me", "source": [s for s, _ in ties], "target": [t for _, t in ties]})
    coll = make_collection(None, table, tie_table, origins={"alters": Origin("alters.csv"), "ties": Origin("ties.csv")},
                           directed=directed)
    return coll["me"]
