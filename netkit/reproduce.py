"""Reproducible batch outputs: a manifest beside every table, and one call that writes them all.

A *manifest* is a small JSON file that says how a table was made: the SHA-256 of every input
file, the versions of netkit, Python and the libraries that compute, the parameters and seeds,
and the time. The tables themselves hold no time, path or version, so the same inputs give
byte-identical tables whichever machine, executor or day made them; only the manifest differs.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from concurrent.futures import Executor
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from .arguments import renamed_keywords
from .errors import NetkitError

__all__ = [
    "DEPENDENCIES",
    "BATCH_TABLES",
    "file_sha256",
    "input_files",
    "manifest",
    "manifest_path",
    "write_manifest",
    "table_csv",
    "run_batch",
    "read_manifest",
    "RunManifest",
    "check_output_folder",
]

MANIFEST_VERSION = 1

#: The packages whose versions a manifest records (those that compute or read; absent ones are null).
DEPENDENCIES: tuple[str, ...] = ("networkx", "numpy", "pandas", "scipy", "openpyxl", "tqdm", "dask", "distributed")

#: The files :func:`run_batch` writes, and what each holds.
BATCH_TABLES: dict[str, str] = {
    "summary.csv": "one row per ego (nk.summarize)",
    "alter_table.csv": "one row per alter (nk.alter_table)",
    "tie_table.csv": "one row per tie (nk.tie_table)",
}


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as 64 hex digits.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes(b"abc")
    >>> file_sha256(p)[:16]
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_files(path: str | Path) -> list[Path]:
    """The files an input is made of: the file itself, or every file in a folder (sorted).

    Hidden files and folders (a workspace's ``.lock``, ``.ipynb_checkpoints``) are left out:
    they are not data.
    """
    path = Path(path)
    if not path.exists():
        raise NetkitError(f"{path}: there is no such file or folder; check the path and the spelling.")
    if path.is_file():
        return [path]
    found = [p for p in path.rglob("*") if p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(path).parts)]
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def _file_record(path: Path, name: str) -> dict:
    return {"name": name, "sha256": file_sha256(path), "bytes": path.stat().st_size}


def _versions() -> dict[str, str | None]:
    out = {}
    for name in DEPENDENCIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _jsonable(value):
    """Parameters as JSON: numbers, text, lists and dicts stay; anything else is described."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return _jsonable(value.item())
    return repr(value)


def describe_executor(executor) -> str:
    """``"this process"``, ``"ProcessPoolExecutor, 2 workers"``, ``"Dask ClientExecutor"`` …"""
    if executor is None:
        return "this process"
    name = type(executor).__name__
    workers = getattr(executor, "_max_workers", None)
    if name == "ClientExecutor":
        return "Dask ClientExecutor"
    return f"{name}, {workers} workers" if workers else name


def manifest(
    *,
    inputs: Iterable[str | Path] = (),
    outputs: Iterable[str | Path] = (),
    parameters: Mapping | None = None,
    seeds: Mapping | None = None,
    command: list[str] | None = None,
    root: str | Path | None = None,
) -> dict:
    """The manifest of one run as a dict (see :func:`write_manifest` for the fields).

    ``outputs`` are named relative to ``root`` (the manifest's folder) when they lie in it.
    """
    root = Path(root) if root is not None else None
    ins = []
    for item in inputs:
        item = Path(item)
        files = input_files(item)
        ins.append({
            "path": str(item),
            "kind": "folder" if item.is_dir() else "file",
            "files": [_file_record(p, p.relative_to(item).as_posix() if item.is_dir() else p.name) for p in files],
        })
    outs = []
    for item in outputs:
        item = Path(item)
        try:
            name = item.resolve().relative_to(root.resolve()).as_posix() if root is not None else str(item)
        except ValueError:
            name = str(item)
        outs.append(_file_record(item, name))
    from . import __version__

    return {
        "manifest": "netkit run",
        "manifest_version": MANIFEST_VERSION,
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "command": list(command) if command is not None else None,
        "netkit": __version__,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "dependencies": _versions(),
        "inputs": ins,
        "outputs": outs,
        "parameters": _jsonable(dict(parameters or {})),
        "seeds": _jsonable(dict(seeds or {})),
    }


def manifest_path(output: str | Path) -> Path:
    """Where the manifest of a single output file goes: ``summary.csv`` → ``summary.csv.manifest.json``."""
    output = Path(output)
    return output.with_name(output.name + ".manifest.json")


def write_manifest(
    path: str | Path,
    *,
    inputs: Iterable[str | Path] = (),
    outputs: Iterable[str | Path] = (),
    parameters: Mapping | None = None,
    seeds: Mapping | None = None,
    command: list[str] | None = None,
) -> Path:
    """Write a run's manifest (JSON, atomically) and return its path.

    Parameters
    ----------
    path : str or Path
        The manifest file, e.g. ``manifest_path("summary.csv")`` or ``results/manifest.json``.
    inputs : files or folders
        What was read; each file's SHA-256 and size are recorded (every file of a folder).
    outputs : files
        What was written; named relative to the manifest's folder.
    parameters, seeds : dict, optional
        The options of the run (JSON-able values; others are recorded as their ``repr``).
    command : list of str, optional
        The command line, when the run came from one.

    Returns
    -------
    Path

    Notes
    -----
    Fields: ``manifest`` ("netkit run"), ``manifest_version``, ``created`` (UTC, ISO 8601 —
    the only field that changes between identical runs, with ``platform`` and versions when
    the machine changes), ``command``, ``netkit``, ``python``, ``implementation``,
    ``platform``, ``dependencies`` (package → version or null), ``inputs`` (``path``,
    ``kind``, ``files``: ``name``, ``sha256``, ``bytes``), ``outputs`` (``name``, ``sha256``,
    ``bytes``), ``parameters``, ``seeds``. To check a rerun, compare the outputs' ``sha256``.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> table = folder / "summary.csv"
    >>> _ = table.write_text("ego,size\\nE1,3\\n")
    >>> m = write_manifest(manifest_path(table), outputs=[table], parameters={"group": None})
    >>> record = json.loads(m.read_text())
    >>> m.name, record["outputs"][0]["name"], len(record["outputs"][0]["sha256"])
    ('summary.csv.manifest.json', 'summary.csv', 64)
    """
    from .io import atomic_write_text

    path = Path(path)
    record = manifest(inputs=inputs, outputs=outputs, parameters=parameters, seeds=seeds, command=command,
                      root=path.parent)
    atomic_write_text(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return path


@dataclass(frozen=True)
class RunManifest:
    """A run's manifest as read back: what went in, with which options, and what came out.

    ``record`` is the whole JSON; the attributes are the parts one usually looks at.
    """

    path: Path
    record: dict

    @property
    def inputs(self) -> list[dict]:
        """Every input file: ``name``, ``sha256`` and ``bytes`` (the files of a folder, each)."""
        return [f for item in self.record.get("inputs", []) for f in item.get("files", [])]

    @property
    def outputs(self) -> list[dict]:
        return list(self.record.get("outputs", []))

    @property
    def parameters(self) -> dict:
        return dict(self.record.get("parameters", {}))

    @property
    def seeds(self) -> dict:
        return dict(self.record.get("seeds", {}))

    @property
    def netkit(self) -> str:
        return str(self.record.get("netkit", ""))

    @property
    def created(self) -> str:
        return str(self.record.get("created", ""))

    def describe(self) -> str:
        """A few lines for people: inputs with the start of their checksum, options, seeds, version, time."""
        files = ", ".join(f"{f['name']} {f['sha256'][:12]}…" for f in self.inputs) or "none recorded"
        options = ", ".join(f"{k}={v!r}" for k, v in self.parameters.items()) or "none"
        seeds = ", ".join(f"{k}={v!r}" for k, v in self.seeds.items()) or "none"
        return (f"inputs: {files}\noptions: {options}\nseeds: {seeds}\n"
                f"made by netkit {self.netkit} at {self.created} (UTC)")


def read_manifest(path: str | Path) -> RunManifest:
    """Read a run's manifest: a ``manifest.json`` file, or the folder ``run_batch`` wrote.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_manifest(folder / "manifest.json", parameters={"group": "context"}, seeds={"louvain": 0})
    >>> run = read_manifest(folder)
    >>> run.parameters, run.seeds
    ({'group': 'context'}, {'louvain': 0})
    """
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / "manifest.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NetkitError(f"{path}: there is no manifest here; pass the folder run_batch wrote or its manifest.json.") from None
    except (OSError, ValueError) as exc:
        raise NetkitError(f"{path}: cannot be read as a manifest ({exc}); it may be damaged — rerun the batch.") from None
    if not isinstance(record, dict) or record.get("manifest") != "netkit run":
        raise NetkitError(f"{path}: is not a netkit run manifest (no \"manifest\": \"netkit run\" in it).")
    return RunManifest(path, record)


def table_csv(table) -> str:
    """A table as netkit writes every output: CSV, no index, ``\\n`` line ends, full float precision.

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab or
    carriage return first) get a leading ``'`` (:func:`netkit.io.cells.safe_table`); numbers
    are written as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> print(table_csv(pd.DataFrame({"name": ["=1+1", "Ana"], "constraint": [-0.25, 0.5]})), end="")
    name,constraint
    '=1+1,-0.25
    Ana,0.5
    """
    from .io.cells import safe_table

    return safe_table(table).to_csv(index=False, lineterminator="\n")


def check_output_folder(path: Path, *, inputs: Iterable[Path], what: str, marker: str) -> None:
    """Refuse to replace a folder that is not an earlier output of the same kind, or an input."""
    resolved = path.resolve()
    for item in inputs:
        item = Path(item).resolve()
        if resolved == item or item in resolved.parents or resolved in item.parents:
            raise NetkitError(f"{path}: is the input or lies inside it; write the {what} to another folder "
                              "(inputs are never changed).")
    if path.is_file():
        raise NetkitError(f"{path}: is a file; give a folder for the {what}.")
    if path.is_dir() and any(path.iterdir()):
        known = path / "manifest.json"
        try:
            record = json.loads(known.read_text(encoding="utf-8")) if known.exists() else {}
        except (ValueError, UnicodeDecodeError):
            record = {}
        if not (isinstance(record, dict) and marker in record):
            raise NetkitError(f"{path}: is a folder with other files in it; give a new or empty folder for the "
                              f"{what} (netkit replaces only a folder it wrote itself).")


@renamed_keywords(weights="strength")
def _recorded(value):
    """A read option as the manifest's JSON holds it (scales as text, paths as text)."""
    if isinstance(value, Mapping):
        return {str(k): _recorded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_recorded(v) for v in value]
    if hasattr(value, "text") and callable(value.text):
        return value.text()
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def run_batch(
    input: str | Path,
    output: str | Path,
    *,
    format: str = "auto",
    directed: bool = False,
    group: str | None = None,
    weight: str | None = None,
    strength: str | Mapping[str, float] = "equal",
    threshold: float = 0.5,
    communities: bool = True,
    seed: int = 0,
    executor: Executor | None = None,
    progress: bool | None = None,
    command: list[str] | None = None,
    read_options: Mapping | None = None,
    tie_type: str | list[str] | None = None,
) -> Path:
    """Read a collection and write its summary, alter and tie tables with a manifest, in one folder.

    Parameters
    ----------
    input : str or Path
        Anything :func:`netkit.read` reads that holds ego networks (``format``, ``directed``
        as there).
    output : str or Path
        A new or empty folder (or one an earlier ``run_batch`` wrote: it is replaced whole,
        atomically). Gets ``summary.csv`` (:func:`netkit.summarize`), ``alter_table.csv``
        (:func:`netkit.alter_table`), ``tie_table.csv`` (:func:`netkit.tie_table`) and
        ``manifest.json`` (see :func:`write_manifest`).
    group, weight, strength, threshold
        As in :func:`netkit.summarize` (``strength`` and ``threshold`` also for the alter and
        tie tables; ``weight`` also gives alter–alter ties a strength in the tie table).
    communities, seed
        Louvain communities in the alter table, and their seed.
    executor, progress
        Where the summary and alter tables are computed (see :func:`netkit.summarize`); the
        files are byte-identical whichever executor ran them.
    command : list of str, optional
        The command line to record (the CLI passes its own).
    read_options : dict, optional
        More arguments of :func:`netkit.read` (``scales``, ``missing``, ``duplicates``,
        ``datapackage``, ``columns``); recorded in the manifest. ``input`` may be a dict of files
        (``{"egos": …, "alters": …, "ties": …}``) as there.
    tie_type : str or list of str, optional
        Only the ties of this type (or types), in every table.

    Returns
    -------
    Path
        The output folder.

    Examples
    --------
    >>> import netkit as nk, tempfile, pathlib
    >>> from netkit.paths import samples_dir
    >>> out = nk.run_batch(samples_dir() / "survey", pathlib.Path(tempfile.mkdtemp()) / "run")
    >>> sorted(p.name for p in out.iterdir())
    ['alter_table.csv', 'manifest.json', 'summary.csv', 'tie_table.csv']
    """
    from .batch import alter_table, summarize
    from .chunks import Working
    from .errors import printable
    from .io import read
    from .io.atomic import atomic_folder
    from .model import WholeNetwork
    from .ties import tie_table

    from .model import prepare

    inputs = [Path(p).expanduser() for p in input.values() if p is not None] if isinstance(input, Mapping) \
        else [Path(input).expanduser()]
    output = Path(output).expanduser()
    read_options = dict(read_options or {})
    if read_options.get("datapackage") is not None:
        inputs.append(Path(read_options["datapackage"]).expanduser())
    check_output_folder(output, inputs=inputs, what="batch tables", marker="netkit_batch")
    shown = printable(inputs[0] if not isinstance(input, Mapping) else inputs[0].parent)
    with Working(f"netkit batch: reading {shown}", progress):  # the steps without a count of egos
        net = prepare(read(input if isinstance(input, Mapping) else inputs[0], format=format, directed=directed,
                           **read_options), tie_type=tie_type)
    input = inputs[0].parent if isinstance(input, Mapping) else inputs[0]
    if isinstance(net, WholeNetwork):
        raise NetkitError(f"{input}: is a whole network; a batch run is for ego networks — use netkit summary, ties "
                          "and holes on a whole network, or cut ego networks from it first.")
    tables = {
        "summary.csv": summarize(net, group=group, weight=weight, strength=strength, threshold=threshold,
                                 executor=executor, progress=progress),
        "alter_table.csv": alter_table(net, strength=strength, threshold=threshold, communities=communities, seed=seed,
                                       executor=executor, progress=progress),
    }
    parameters = {"format": format, "directed": directed, "group": group, "weight": weight, "strength": strength,
                  "threshold": threshold, "communities": communities,
                  "executor": describe_executor(executor), "tie_type": tie_type,
                  **{k: _recorded(v) for k, v in read_options.items() if v is not None}}

    def fill(folder: Path) -> None:
        for name, table in tables.items():
            (folder / name).write_text(table_csv(table), encoding="utf-8", newline="")
        record = manifest(inputs=inputs, outputs=[folder / n for n in tables], parameters=parameters,
                          seeds={"communities": seed}, command=command, root=folder)
        record["netkit_batch"] = {name: what for name, what in BATCH_TABLES.items()}
        (folder / "manifest.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")

    with Working("netkit batch: the tie table", progress) as working:
        tables["tie_table.csv"] = tie_table(net, strength=strength, threshold=threshold, weight=weight)
        working.step(f"netkit batch: writing {printable(output)}")
        atomic_folder(output, fill)
    return output
