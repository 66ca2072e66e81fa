"""Reading and writing every format netkit knows, through ``read``, ``write`` and ``load_sample``."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import NetkitError
from ..model import EgoCollection, EgoNetwork, WholeNetwork, as_collection
from .. import schema
from ..paths import samples_dir
from .atomic import atomic_folder, atomic_write_text
from .cells import safe_table

__all__ = ["read", "write", "load_sample", "sample_path", "sample_names", "detect_format", "FORMATS", "WRITE_FORMATS"]

FORMATS = ("auto", "netkit", "template", "egor", "networkcanvas", "linkedin", "edgelist", "graphml", "gexf")
WRITE_FORMATS = ("netkit", "egor", "graphml")

Network = EgoNetwork | EgoCollection | WholeNetwork


def detect_format(path: Path) -> str:
    """Guess the format of a file or folder (see docs/formats.md)."""
    from .linkedin import linkedin_header_line
    from .survey import egor_files, is_networkcanvas
    from .text import read_text

    if not path.exists():
        raise NetkitError(f"{path}: there is no such file or folder; check the path and the spelling.")
    if path.is_dir():
        if (path / "manifest.json").exists():
            return "netkit"
        if is_networkcanvas(path):
            return "networkcanvas"
        egor = egor_files(path)
        # egor's tie file has its own name (aaties.csv, edges.csv); netkit's is ties.csv
        if egor is not None and egor.get("ties", path / "ties.csv").name != "ties.csv":
            return "egor"
        if (path / "alters.csv").exists():
            return "netkit"
        if egor is not None:
            return "egor"
        graphs = [p for p in path.iterdir() if p.suffix.lower() in (".graphml", ".gexf")]
        if len(graphs) == 1:
            return graphs[0].suffix.lower()[1:]
        names = ", ".join(sorted(p.name for p in path.iterdir())[:8]) or "nothing"
        raise NetkitError(
            f"{path}: netkit cannot tell what this folder holds (found {names}); it reads netkit's folder "
            "(alters.csv), egor's three files or a Network Canvas CSV export — pass format= to say which."
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "template"
    if suffix == ".xls":
        raise NetkitError(f"{path}: is an old Excel .xls file; save it as .xlsx (Excel Workbook) or as CSV UTF-8.")
    if suffix in (".graphml", ".gexf"):
        return suffix[1:]
    if suffix in (".csv", ".tsv", ".txt", ".tab", ""):
        return "linkedin" if linkedin_header_line(read_text(path)) is not None else "edgelist"
    raise NetkitError(
        f"{path}: netkit does not know files ending in '{path.suffix}'; pass format= with one of "
        f"{', '.join(FORMATS[1:])}."
    )


def read(
    path: str | Path,
    format: str = "auto",
    *,
    columns: Mapping[str, str] | None = None,
    directed: bool = False,
    infer_ties: str | None = None,
) -> Network:
    """Read one ego network, a collection of them, or a whole network.

    Parameters
    ----------
    path : str or Path
        A file or folder; see ``docs/formats.md`` for each format.
    format : str
        One of ``auto``, ``netkit``, ``template``, ``egor``, ``networkcanvas``, ``linkedin``,
        ``edgelist``, ``graphml``, ``gexf``. ``auto`` guesses from the path.
    columns : dict, optional
        Your column names mapped to netkit's, e.g. ``{"Closeness (1-4)": "closeness"}``.
    directed : bool
        Treat ties as directed (netkit, egor and edge lists).
    infer_ties : {"company"}, optional
        LinkedIn only: link connections who work at the same company (marked inferred).

    Returns
    -------
    EgoNetwork, EgoCollection or WholeNetwork

    Raises
    ------
    NetkitError
        A ``ValueError`` whose message names the file, line or id, the problem and the fix.

    Examples
    --------
    >>> import netkit as nk
    >>> net = nk.load_sample("personal")
    >>> net.size > 30
    True
    """
    from .folder import read_netkit, read_template_xlsx
    from .linkedin import read_linkedin
    from .survey import read_egor, read_networkcanvas
    from .text import check_path
    from .whole import read_edgelist, read_graph_xml

    path = Path(path).expanduser()
    check_path(path)
    if format not in FORMATS:
        raise NetkitError(f"format={format!r} is not known; use one of {', '.join(FORMATS)}.")
    if infer_ties is not None and format not in ("auto", "linkedin"):
        raise NetkitError("infer_ties= only applies to LinkedIn exports (format='linkedin').")
    if format == "auto":
        format = detect_format(path)
    if format in ("graphml", "gexf") and path.is_dir():
        found = sorted(path.glob(f"*.{format}"))
        if len(found) != 1:
            raise NetkitError(f"{path}: holds {len(found)} .{format} files; pass the one to read.")
        path = found[0]
    if format in ("netkit", "egor", "networkcanvas") and not path.is_dir():
        if not path.exists():
            raise NetkitError(f"{path}: there is no such folder; check the path and the spelling.")
        raise NetkitError(f"{path}: format '{format}' is a folder of tables; pass the folder, not one file in it.")
    if format == "netkit":
        return read_netkit(path, columns=columns, directed=directed)
    if format == "template":
        if path.is_dir():
            return read_netkit(path, columns=columns, format="template")
        return read_template_xlsx(path, columns=columns)
    if format == "egor":
        return read_egor(path, columns=columns, directed=directed)
    if format == "networkcanvas":
        return read_networkcanvas(path, columns=columns)
    if format == "linkedin":
        return read_linkedin(path, infer_ties=infer_ties)
    if format == "edgelist":
        return read_edgelist(path, columns=columns, directed=directed)
    return read_graph_xml(path, format=format)


def sample_names() -> list[str]:
    """Names accepted by :func:`load_sample`."""
    root = samples_dir()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) if root.is_dir() else []


def sample_path(name: str = "personal") -> Path:
    """Where a bundled sample is: its folder, or its one data file (e.g. the LinkedIn export).

    Examples
    --------
    >>> import netkit as nk
    >>> nk.sample_path("linkedin").name
    'Connections.csv'
    """
    root = samples_dir()
    if not root.is_dir():
        fix = ("set NETKIT_SAMPLES to a folder that has them (a copy of data/samples), or unset it to use the "
               "samples that come with netkit" if os.environ.get("NETKIT_SAMPLES") else
               "this netkit was installed without its kit; reinstall it from its wheel or checkout (pip install "
               "--force-reinstall with the wheel's file name, or pip install -e . in the checkout)")
        raise NetkitError(f"the samples folder {root} does not exist: {fix}.")
    names = sample_names()
    if name not in names:
        where = f" in {root}" if not names else ""
        raise NetkitError(f"there is no sample called {name!r}{where}; samples are: {', '.join(names) or 'none found'}.")
    folder = root / name
    if (folder / "alters.csv").exists():
        return folder
    data = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".graphml", ".gexf", ".csv"))
    if len(data) != 1:
        raise NetkitError(f"{folder}: a sample folder needs alters.csv or exactly one data file (.graphml, .gexf, .csv).")
    return data[0]


def load_sample(name: str = "personal") -> Network:
    """A bundled sample network by name: ``personal``, ``survey``, ``karate``, ``florentine``, ``linkedin``.

    Examples
    --------
    >>> import netkit as nk
    >>> nk.load_sample("survey")
    <EgoCollection: 200 egos, ...>
    """
    return read(sample_path(name))


def _check_finite(df: pd.DataFrame, name: str) -> None:
    """Numbers must be finite to be written: an infinite one would not read back."""
    for c in df.columns:
        values = df[c].to_numpy()
        if df[c].dtype.kind == "f" and np.isinf(values).any():
            row = int(np.flatnonzero(np.isinf(values))[0])
            raise NetkitError(f"the {name} table's column '{c}' has {values[row]} in row {row + 1}; numbers must be "
                              "finite to be written — fix or drop that value.")


def _csv(df: pd.DataFrame) -> str:
    """CSV text with whole-number floats written without '.0' (yes/no columns as 1/0)."""
    out = df.copy()
    for c in out.columns:
        col = out[c]
        values = col.to_numpy()
        if col.dtype.kind == "f" and np.all(np.isnan(values) | ((values == np.round(values)) & (np.abs(values) < 2**53))):
            out[c] = col.astype("Int64")
    return safe_table(out).to_csv(index=False, lineterminator="\n")  # text cells safe to open in a spreadsheet


def write(net: Network, path: str | Path, format: str = "netkit") -> Path:
    """Write a network: netkit's folder, egor's three files, or GraphML.

    The netkit folder is written atomically: a reader sees the old folder or the new one.
    """
    from .. import __version__

    path = Path(path).expanduser()
    if format not in WRITE_FORMATS:
        raise NetkitError(f"format={format!r} cannot be written; use one of {', '.join(WRITE_FORMATS)}.")
    if format == "graphml":
        if isinstance(net, EgoCollection):
            raise NetkitError("GraphML holds one network; write one ego (net[ego_id]) or use format='netkit'.")
        G = net.graph()
        G = nx.relabel_nodes(G, {n: str(n) for n in G})
        _check_graph_numbers(G)
        atomic_write_text(path, "\n".join(nx.generate_graphml(G)) + "\n")
        return path
    if isinstance(net, WholeNetwork):
        raise NetkitError("a whole network is written as GraphML (format='graphml'), not as ego tables.")
    coll = as_collection(net)
    kind = "ego" if isinstance(net, EgoNetwork) else "collection"
    own = {"egos": coll.egos, "alters": coll.alters, "ties": coll.ties, **coll.extra}
    for name, df in own.items():
        _check_finite(df, name)

    def fill(folder: Path) -> None:
        if format == "netkit":
            tables = own
            manifest = schema.manifest(kind, directed=coll.directed, written_by=f"netkit {__version__}")
            (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        else:
            tables = {
                "egos": coll.egos.rename(columns={"ego_id": "egoID"}),
                "alters": coll.alters.rename(columns={"ego_id": "egoID", "alter_id": "alterID"}),
                "aaties": coll.ties.rename(columns={"ego_id": "egoID", "source": "Source", "target": "Target"}),
            }
        for name, df in tables.items():
            (folder / f"{name}.csv").write_text(_csv(df), encoding="utf-8", newline="")

    atomic_folder(path, fill)
    return path


def _check_graph_numbers(G: nx.Graph) -> None:
    """GraphML keeps numbers as double or 64-bit long: refuse infinite or larger ones with one line."""
    import math

    for u, v, d in G.edges(data=True):
        for key, value in d.items():
            too_big = isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**63
            if too_big or (isinstance(value, float) and not math.isfinite(value)):
                raise NetkitError(f"the edge {u}–{v} has {key} = {value}, which GraphML cannot hold (numbers must be "
                                  "finite and below 2^63); fix or drop that value.")
