"""Whole (sociocentric) networks: edge lists, GraphML and GEXF.

Node ids become text so that they match ids read from CSV; parallel edges in a file are
reported, not silently merged.
"""
from __future__ import annotations

import io
from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx
import numpy as np

from ..errors import NetkitError
from ..model import WholeNetwork, blank_missing, dedupe_ties, several_types, trim_ids, typed_column
from ..schema import MISSING_WORDS, TIE_WEIGHT, BadValue, parse_value
from .text import read_input_bytes, read_table, rename_columns

__all__ = ["read_edgelist", "read_graph_xml"]

EDGE_ALIASES = {
    "source": ("Source", "from", "node1", "u"),
    "target": ("Target", "to", "node2", "v"),
}


#: Columns that say a row belongs to an ego network (an alter–alter tie file, not a whole network).
EGO_ID_COLUMNS = ("ego_id", "egoid", ".egoid", "ego", "networkcanvasegouuid")


def read_edgelist(path: Path, *, columns=None, directed: bool = False, duplicates: str = "max",
                  missing: tuple | None = None) -> WholeNetwork:
    """Read a CSV/TSV edge list with ``source,target`` or ``from,to`` columns.

    A pair listed twice keeps one edge by the rule ``duplicates`` (as for ego networks, see
    :func:`netkit.model.dedupe_ties`). A file with an ego id column is refused: it holds the
    alter–alter ties of ego networks and is read with its alters file.
    """
    warnings: list[str] = []
    df, origin = read_table(path, warnings=warnings)
    df = trim_ids(rename_columns(df, EDGE_ALIASES, columns), str(path), warnings)
    ego_column = next((c for c in df.columns if str(c).strip().lower() in EGO_ID_COLUMNS), None)
    if ego_column is not None:
        raise NetkitError(
            f"{path}: has an ego id column '{ego_column}', so it holds the alter–alter ties of ego networks, not one "
            f"whole network; read it with its alters file: nk.read({{'alters': 'ALTERS FILE', 'ties': '{path.name}'}}) "
            f"(--alters ALTERS_FILE --ties {path.name} on the command line)."
        )
    for col in ("source", "target"):
        if col not in df.columns:
            found = ", ".join(df.columns)
            raise NetkitError(
                f"{path}: an edge list needs columns 'source' and 'target' (or 'from' and 'to'), found {found}; "
                "rename the columns or pass columns={'your name': 'source', …}."
            )
        empty = df[col].isna()
        if empty.any():
            raise origin.error("the id is empty; every edge needs two ends.", position=int(np.flatnonzero(empty)[0]), column=col)
    df = blank_missing(df, MISSING_WORDS if missing is None else tuple(missing))
    if "weight" in df.columns:
        df["weight"] = typed_column(df["weight"], "weight", TIE_WEIGHT, origin)
    kept, said = dedupe_ties(df.assign(ego_id=""), directed, duplicates, origin)
    warnings += [w.replace("tie", "edge") for w in said] + several_types(kept, str(path))
    edges = kept.drop(columns="ego_id").reset_index(drop=True)
    return WholeNetwork(source=str(path), format="edgelist", warnings=warnings, edges=edges, edges_directed=directed)


def read_graph_xml(path: Path, *, format: str) -> WholeNetwork:
    """Read GraphML or GEXF with networkx, turning parser failures into one clear sentence."""
    data = read_input_bytes(path)
    if not data.strip():
        raise NetkitError(f"{path}: the file is empty; export the network again.")
    reader = nx.read_graphml if format == "graphml" else nx.read_gexf
    try:
        G = reader(io.BytesIO(data))
    except ParseError as exc:
        raise NetkitError(
            f"{path}: is not well-formed XML ({exc}); export the {format.upper()} file again."
        ) from None
    except RecursionError:
        raise NetkitError(f"{path}: is nested too deeply to be a {format.upper()} network; export it again.") from None
    except (nx.NetworkXError, KeyError, ValueError, TypeError, IndexError, AttributeError, OverflowError) as exc:
        raise NetkitError(
            f"{path}: is not a {format.upper()} file networkx can read ({exc or type(exc).__name__}); "
            f"check that it is {format.upper()} or pass the right format=."
        ) from None
    warnings = []
    if G.is_multigraph():
        simple = nx.DiGraph(G) if G.is_directed() else nx.Graph(G)
        warnings.append(
            f"{path}: {G.number_of_edges() - simple.number_of_edges()} parallel edge(s) join a pair already joined; "
            "one edge per pair is kept."
        )
        G = simple
    G = nx.relabel_nodes(G, {n: str(n) for n in G if not isinstance(n, str)})
    for u, v, d in G.edges(data=True):
        w = d.get("weight")
        if w is not None and not isinstance(w, (int, float)):
            try:
                d["weight"] = float(w)
            except (ValueError, TypeError, OverflowError):
                raise NetkitError(f"{path}: the edge {u}–{v} has weight '{w}', which is not a number; fix it.") from None
        if w is not None and not _finite_weight(d["weight"]):
            raise NetkitError(f"{path}: the edge {u}–{v} has weight {w}; a weight must be a finite number, 0 or "
                              "more — fix it in the file.")
    return WholeNetwork(G, source=str(path), format=format, warnings=warnings)


def _finite_weight(w) -> bool:
    """A weight the schema accepts: a finite number, 0 or more (a whole network's ``weight``)."""
    try:
        return parse_value(w, TIE_WEIGHT) is not None
    except BadValue:
        return False
