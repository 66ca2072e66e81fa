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
            "(alters.csv), egor's three files or a Network Canvas CSV export — pass format= to say which, name the "
            "files ({'egos': …, 'alters': …, 'ties': …}), or describe them in a datapackage.json (netkit datapackage "
            "FOLDER writes a first one)."
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
    path: str | Path | Mapping[str, str | Path],
    format: str = "auto",
    *,
    columns: Mapping[str, str] | None = None,
    directed: bool = False,
    infer_ties: str | None = None,
    scales: Mapping | None = None,
    missing: list[str] | tuple[str, ...] | None = None,
    duplicates: str = "max",
    datapackage: str | Path | None = None,
) -> Network:
    """Read one ego network, a collection of them, or a whole network.

    Parameters
    ----------
    path : str, Path or dict
        A file or folder; see ``docs/formats.md`` for each format. A folder (or a
        ``datapackage.json``) with a data package descriptor is read as that package says. A dict
        ``{"egos": …, "alters": …, "ties": …}`` names the files one by one (``egos`` and ``ties``
        optional), wherever they are and whatever else sits beside them.
    format : str
        One of ``auto``, ``netkit``, ``template``, ``egor``, ``networkcanvas``, ``linkedin``,
        ``edgelist``, ``graphml``, ``gexf``. ``auto`` guesses from the path.
    columns : dict, optional
        Your column names mapped to netkit's, e.g. ``{"Closeness (1-4)": "closeness"}``.
    directed : bool
        Treat ties as directed (netkit, egor and edge lists).
    infer_ties : {"company"}, optional
        LinkedIn only: link connections who work at the same company (marked inferred).
    scales : dict, optional
        The scales your survey used for the tie-strength items, e.g. ``{"closeness": (1, 5)}``
        or ``{"frequency": "1-6 reverse"}`` (higher = less often); the network keeps them, so every
        measure scores strength on them.
    missing : list of str, optional
        Cell texts that mean "not known" in attribute columns. Default: the empty cell and ``NA``.
        Ids and names are never read as missing.
    duplicates : {"max", "sum", "first", "error"}, default "max"
        A pair of people listed twice (A–B and B–A are one pair unless ``directed``): keep the row
        with the largest weight, add the weights up, keep the first row, or refuse the file. The
        warning counts the pairs whose rows disagreed and names the rule.
    datapackage : str or Path, optional
        A ``datapackage.json`` kept apart from the data; its file paths are read relative to
        ``path`` when that is a folder.

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
    from .package import find_descriptor, read_package
    from .text import check_path

    options = {"scales": scales, "missing": missing, "duplicates": duplicates}
    if isinstance(path, Mapping):
        return _read_files(path, format, columns=columns, directed=directed, **options)
    path = Path(path).expanduser()
    check_path(path)
    if format not in FORMATS:
        raise NetkitError(f"format={format!r} is not known; use one of {', '.join(FORMATS)}.")
    if infer_ties is not None and format not in ("auto", "linkedin"):
        raise NetkitError("infer_ties= only applies to LinkedIn exports (format='linkedin').")
    if datapackage is not None or format == "auto" and find_descriptor(path) is not None:
        descriptor = Path(datapackage).expanduser() if datapackage is not None else find_descriptor(path)
        check_path(descriptor)
        return read_package(descriptor, root=path if datapackage is not None and path.is_dir() else None,
                            columns=columns, directed=directed or None, scales=scales,
                            duplicates=duplicates if duplicates != "max" else None)
    if format == "auto":
        format = detect_format(path)
    return _read_format(path, format, columns=columns, directed=directed, infer_ties=infer_ties, **options)


def _read_format(path: Path, format: str, *, columns, directed, infer_ties, **options) -> Network:
    from .folder import read_netkit, read_template_xlsx
    from .linkedin import read_linkedin
    from .survey import read_egor, read_networkcanvas
    from .whole import read_edgelist, read_graph_xml

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
        return read_netkit(path, columns=columns, directed=directed, **options)
    if format == "template":
        if path.is_dir():
            return read_netkit(path, columns=columns, format="template", **options)
        return read_template_xlsx(path, columns=columns, **options)
    if format == "egor":
        return read_egor(path, columns=columns, directed=directed, **options)
    if format == "networkcanvas":
        return read_networkcanvas(path, columns=columns, **options)
    if format == "linkedin":
        return read_linkedin(path, infer_ties=infer_ties)
    if format == "edgelist":
        return read_edgelist(path, columns=columns, directed=directed, duplicates=options["duplicates"],
                             missing=options["missing"])
    return read_graph_xml(path, format=format)


def _read_files(files: Mapping, format: str, *, columns, directed, **options) -> Network:
    """``{"egos": …, "alters": …, "ties": …}``: three tables named one by one."""
    from .survey import read_egor_files
    from .text import check_path

    unknown = set(files) - {"egos", "alters", "ties"}
    if unknown or "alters" not in files:
        raise NetkitError(f"a dict of files takes the keys 'egos', 'alters' and 'ties' ('alters' is needed), got "
                          f"{', '.join(map(repr, files)) or 'none'}.")
    if format not in ("auto", "egor", "netkit"):
        raise NetkitError(f"a dict of files is read as egor's (or netkit's) tables; format={format!r} does not apply.")
    paths = {k: Path(v).expanduser() for k, v in files.items() if v is not None}
    for role, p in paths.items():
        check_path(p)
        if p.is_dir():
            raise NetkitError(f"{p}: is a folder; '{role}' names one file.")
    source = str(paths["alters"].parent)
    return read_egor_files(paths, columns=columns, directed=directed, source=source, format="egor", **options)


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
    ``path`` is refused, in one line, when it is the file or folder the network was read from
    (``net.source``), lies inside that folder or holds it, or is not a new path, a regular file
    (GraphML) or a folder netkit wrote before (the folder formats replace the whole folder).
    """
    from .. import __version__
    from .atomic import check_output

    path = Path(path).expanduser()
    if format not in WRITE_FORMATS:
        raise NetkitError(f"format={format!r} cannot be written; use one of {', '.join(WRITE_FORMATS)}.")
    check_output(path, [getattr(net, "source", "")], folder=format != "graphml")
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
            manifest = schema.manifest(kind, directed=coll.directed, written_by=f"netkit {__version__}",
                                       scales=coll.scales)
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
