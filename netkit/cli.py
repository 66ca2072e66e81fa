"""The ``netkit`` command: thin over the Python API, CSV out, one clear line on bad input."""
from __future__ import annotations

import argparse
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

from .arguments import RENAMED_IN

__all__ = ["main"]

LAYOUTS = ("rings", "hub", "web", "spring")


class _OldName(argparse.Action):
    """An option renamed in this release: still accepted, with a warning naming the new one."""

    def __init__(self, option_strings, dest, new: str = "", **kwargs):
        self.new = new
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        warnings.warn(f"{option_string} is now {self.new}; the old name stops working after netkit {RENAMED_IN}.",
                      FutureWarning, stacklevel=2)
        setattr(namespace, self.dest, values)


def _options() -> dict[str, argparse.ArgumentParser]:
    """Each option group declared once; commands combine them as argparse parents."""
    from .io import FORMATS

    def parent() -> argparse.ArgumentParser:
        return argparse.ArgumentParser(add_help=False)

    groups = {name: parent() for name in ("input", "ego", "output", "strength", "threshold", "weight", "group", "scale")}
    groups["input"].add_argument("input", metavar="INPUT", nargs="?",
                                 help="file or folder to read (see docs/formats.md); or name the files with --alters")
    groups["input"].add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
    groups["input"].add_argument("--directed", action="store_true", help="treat ties as directed")
    _reading_options(groups["input"])
    groups["ego"].add_argument("--ego", metavar="ID",
                               help="only this ego (for a whole network: the ego network of this node)")
    groups["output"].add_argument("-o", "--output", metavar="OUT", help="write the CSV here instead of standard output")
    strength = groups["strength"]
    strength.add_argument("--strength", default="equal", metavar="PRESET",
                          help="how tie strength weighs its items: equal, closeness or gilbert (default: equal)")
    strength.add_argument("--weights", dest="strength", metavar="PRESET", action=_OldName, new="--strength",
                          help=argparse.SUPPRESS)
    groups["threshold"].add_argument("--threshold", type=float, default=0.5,
                                     help="strength from which a tie is strong (default 0.5)")
    groups["weight"].add_argument("--weight", metavar="COL",
                                  help="tie weight column (structural holes, alter–alter and whole-network ties)")
    groups["group"].add_argument("--group", metavar="ATTR", help="alter attribute for E-I index, Blau and IQV")
    scale = groups["scale"]
    scale.add_argument("--workers", type=int, default=1, metavar="N",
                       help="compute on N processes of this machine (default 1: this process); same numbers either way")
    shown = scale.add_mutually_exclusive_group()
    shown.add_argument("--progress", dest="progress", action="store_true", default=None,
                       help="always show a progress bar on standard error")
    shown.add_argument("--no-progress", dest="progress", action="store_false",
                       help="never show one (default: only in a terminal, on long runs)")
    return groups


def _reading_options(p: argparse.ArgumentParser) -> None:
    """How to read data as its authors published it (see docs/formats.md)."""
    from .model import DUPLICATES

    p.add_argument("--datapackage", metavar="FILE", help="a datapackage.json codebook for the data (default: the one "
                   "in the INPUT folder, if any)")
    for table in ("egos", "alters", "ties"):
        p.add_argument(f"--{table}", metavar="FILE", help=f"the {table} table, named as a file (instead of INPUT)")
    p.add_argument("--scale", metavar="ITEM=RANGE", action="append", default=[],
                   help="the scale your survey used, e.g. closeness=1-5 or frequency=1-6:reverse (repeat for several)")
    p.add_argument("--missing", metavar="CODE", action="append",
                   help="a cell text that means not known, e.g. -99 (repeat; default: empty and NA)")
    p.add_argument("--duplicates", choices=DUPLICATES, default="max",
                   help="a pair listed twice keeps: max (the largest weight, default), sum, first, or error")
    p.add_argument("--column", metavar="THEIRS=NETKIT", action="append", default=[],
                   help="map a column to netkit's name, e.g. 'Closeness (1-5)=closeness' (repeat for several)")
    p.add_argument("--tie-type", metavar="TYPE", action="append",
                   help="only ties of this type (repeat for several; default: all types merged)")


def _pairs(values: list[str], option: str) -> dict[str, str]:
    from .errors import NetkitError

    out = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise NetkitError(f"{option} {value!r} needs the form NAME=VALUE, e.g. {option} closeness=1-5.")
        out[key.strip()] = rest.strip()
    return out


def read_arguments(args: argparse.Namespace) -> tuple[object, dict]:
    """What to read (INPUT, or the files named by --egos/--alters/--ties) and how (nk.read's options)."""
    from .errors import NetkitError

    files = {t: getattr(args, t, None) for t in ("egos", "alters", "ties")}
    if any(files.values()):
        if args.input:
            raise NetkitError("give either INPUT or the files with --egos/--alters/--ties, not both.")
        if not files["alters"]:
            raise NetkitError("--egos and --ties need --alters FILE too: the alters table is the one every network has.")
        source = {k: v for k, v in files.items() if v}
    elif args.input:
        source = args.input
    else:
        raise NetkitError("say what to read: a file or folder (INPUT), or the tables with --alters FILE "
                          "(and --egos, --ties).")
    scales = {k: v.replace(":", " ") for k, v in _pairs(args.scale, "--scale").items()}
    options = {"format": args.format, "directed": args.directed, "duplicates": args.duplicates,
               "scales": scales or None, "missing": tuple(args.missing) if args.missing else None,
               "columns": _pairs(args.column, "--column") or None, "datapackage": args.datapackage}
    return source, options


def _read(args: argparse.Namespace):
    """INPUT (or the named files) read with the command's reading options and narrowed to --tie-type."""
    from .io import read
    from .model import prepare

    source, options = read_arguments(args)
    return prepare(read(source, **options), tie_type=args.tie_type)


def _parser() -> argparse.ArgumentParser:
    o = _options()
    parser = argparse.ArgumentParser(
        prog="netkit", description="The Personal Network Lab: read, describe and measure personal networks."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('netkit').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, func, *parents: str, description: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description or help, parents=[o[k] for k in parents])
        p.set_defaults(func=func)
        return p

    table = ("input", "ego", "output")
    command("info", "say what was read from INPUT, with any warnings", _info, "input", "ego")
    command("summary", "one CSV row per ego: size, ties, density, structural holes, tie strength", _summary,
            *table, "weight", "group", "strength", "threshold", "scale")
    command("ties", "one CSV row per tie: strength, weak/strong, layer, overlap, local bridges", _ties,
            *table, "weight", "strength", "threshold")
    command("holes", "structural holes: constraint, effective size, efficiency, hierarchy", _holes, *table, "weight")
    brokerage = command("brokerage", "Gould–Fernandez brokerage roles for each broker", _brokerage, *table)
    brokerage.add_argument("--group", metavar="ATTR", required=True, help="attribute that defines the groups")
    introduce = command("introduce", "introductions worth making, with reasons and what-if effects", _introduce,
                        *table, "strength")
    introduce.add_argument("-k", type=int, default=10, help="how many suggestions per ego (default 10)")
    introduce.add_argument("--per-person", type=int, metavar="N",
                           help="keep each person in at most N suggestions (default: no limit)")
    draw = command("draw", "write one standalone, offline HTML drawing", _draw, "input", "ego")
    draw.add_argument("-o", "--output", metavar="OUT", required=True, help="the HTML file to write")
    draw.add_argument("--layout", choices=LAYOUTS, help="rings, hub, web or spring (default: rings for an ego "
                      "network, spring for a whole network)")
    draw.add_argument("--color-by", metavar="ATTR",
                      help="colour people by this attribute (default: context on rings, otherwise cluster)")
    batch = command("batch", "summary, alter and tie tables of a collection, with a manifest, in one folder", _batch,
                    "input", "group", "weight", "strength", "threshold", "scale",
                    description="Write summary.csv, alter_table.csv, tie_table.csv and manifest.json (SHA-256 of "
                                "the inputs, versions, parameters, seeds, time) into FOLDER. The same inputs "
                                "give byte-identical tables.")
    batch.add_argument("-o", "--output", metavar="FOLDER", required=True, help="a new or empty folder for the tables")
    batch.add_argument("--seed", type=int, default=0, help="seed of the Louvain communities (default 0)")
    batch.add_argument("--no-communities", action="store_true", help="leave the community column of the alter table empty")
    _support_parser(sub)
    pseudo = command("pseudonymize", "a copy to share: names pseudonymised with a key, private text dropped",
                     _pseudonymize, "input",
                     description="Write a copy of INPUT as netkit's folder (GraphML for a whole network) with "
                                 "names and name-like ids replaced by keyed pseudonyms (HMAC-SHA256) and notes, "
                                 "e-mail, web addresses and phone numbers dropped. The key is never written.")
    pseudo.add_argument("-o", "--output", metavar="OUT", required=True, help="a new or empty folder (a .graphml file "
                        "for a whole network)")
    pseudo.add_argument("--key", metavar="KEY", help="your secret key, 16 characters or more (same key, same pseudonyms)")
    pseudo.add_argument("--key-file", metavar="FILE", help="read the key from the first line of FILE instead (keeps it "
                        "out of your shell history)")
    pseudo.add_argument("--ids", default="auto", choices=("auto", "always"),
                        help="replace ids when they could be names (auto, default) or always")
    pseudo.add_argument("--keep", metavar="COLUMN", action="append", default=[],
                        help="keep this text column although it is not declared safe (repeat for several); it is "
                             "still checked for names")
    package = sub.add_parser("datapackage", help="write a starter datapackage.json codebook for the tables in a folder",
                             description="Look at the CSV/TSV files in FOLDER and write a first datapackage.json "
                                         "(Frictionless Data Package): which file is which table, id columns, each "
                                         "scale's range as seen, missing-value codes seen. Check and edit it, then "
                                         "every command reads the folder as it says.")
    package.set_defaults(func=_datapackage)
    package.add_argument("folder", metavar="FOLDER", help="the folder holding the data files")
    package.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: FOLDER/datapackage.json; "
                         "an existing file is never replaced)")
    group = command("class-summary", "one anonymised group report from several participants' exports", _class_summary,
                    "strength", "threshold",
                    description="Combine participants' (pseudonymised) exports into distributions of network "
                                "size, constraint, weak-tie share and support coverage; refused for groups "
                                "smaller than --min-group. No row is one person.")
    group.add_argument("inputs", metavar="FOLDER", nargs="+", help="participants' export folders (or files)")
    group.add_argument("-o", "--output", metavar="OUT", help="report.html (a standalone page) or report.csv (the "
                       "table); standard output (CSV) when absent")
    group.add_argument("--min-group", type=int, default=5, metavar="N",
                       help="refuse groups of fewer participants (default 5; below 5 only with --reason, never below 3)")
    group.add_argument("--reason", metavar="TEXT", help="why --min-group is set below 5 (recorded in the report)")
    _lab_commands(command)
    return parser


def _support_parser(sub) -> None:
    """``netkit support``: its closeness default lives on its own copies of the option groups, so the
    other commands' ``--strength`` keeps its default."""
    table = ("input", "ego", "output")
    own = _options()
    support = sub.add_parser(
        "support", help="support coded per alter: one CSV row per ego and item (or the weak/strong-tie test)",
        parents=[own[k] for k in (*table, "strength", "threshold")],
        description="One CSV row per ego and support item: providers, gap, the share the top provider carries, "
                    "providers by weak and strong tie. --by-strength instead tests, across egos, whether weak ties "
                    "give instrumental and strong ties psychosocial support (a logistic GEE with the ego as "
                    "cluster). Tie strength is closeness alone unless --strength says otherwise: the full index "
                    "counts support itself.")
    support.set_defaults(func=_support, strength="closeness")
    support.add_argument("--instrument", metavar="FILE", help="the items: a CSV with columns item, question, kind "
                         "(and optionally instrument), or self-check, kram or exchange (default: what the data "
                         "declare or name, else the self-check)")
    support.add_argument("--by-strength", action="store_true", help="print the weak/strong-tie test, one row per kind")
def _lab_commands(command) -> None:
    """`start` and `app`: they run a server, and pass the options they do not know on to it."""
    start = command("start", "copy the notebooks into a folder of yours and open JupyterLab there, offline", _start,
                    description="Copy the guided notebooks, the docs they link to and a README into DIR (made if "
                                "needed; files you changed are kept, never overwritten), then open JupyterLab there "
                                "with the kit's settings for a room with no internet. Options for JupyterLab go "
                                "after the others, as --Name.option=value.")
    start.add_argument("folder", metavar="DIR", nargs="?", default=None,
                       help="your lab folder (default: netkit-lab in the current folder, or the current folder "
                            "when it is one)")
    start.add_argument("--no-lab", action="store_true", help="only copy; do not open JupyterLab")
    start.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    start.add_argument("--hub", action="store_true", help="run the server a JupyterHub starts for each person "
                       "(jupyterhub-singleuser) instead of JupyterLab; DIR defaults to netkit-lab in the home folder")
    app = command("app", "the support self-check as a small web app (Voilà), offline, on this machine", _app,
                  description="Serve the support self-check as a web page on 127.0.0.1 with Voilà; answers are "
                              "saved in your workspace, like the notebooks'. Options for Voilà go after the others.")
    app.add_argument("--no-browser", action="store_true", help="only print the page's address")
    start.set_defaults(passes_on=True)
    app.set_defaults(passes_on=True)


def _start(args: argparse.Namespace) -> int:
    import os
    import subprocess

    from .lab import default_folder, lab_command, make_lab_folder, server_env

    lab = make_lab_folder(Path(args.folder) if args.folder else default_folder(Path.home() if args.hub else Path.cwd()))
    print(lab.report(), file=sys.stderr if args.hub else sys.stdout, flush=True)
    if args.no_lab:
        return 0
    extra = list(args.server_args) + (["--no-browser"] if args.no_browser else [])
    if getattr(os, "geteuid", lambda: -1)() == 0:
        extra.append("--allow-root")  # e.g. a container run as root; Jupyter refuses root without it
    command = lab_command(lab.path, extra, hub=args.hub)
    return subprocess.call(command, cwd=lab.path, env=server_env())


def _app(args: argparse.Namespace) -> int:
    import subprocess

    from .lab import app_command, server_env

    extra = list(args.server_args) + (["--no-browser"] if args.no_browser else [])
    return subprocess.call(app_command(extra), env=server_env(app=True))


def _network(args: argparse.Namespace):
    """INPUT as read, narrowed to --ego where given (the model's one ego picker)."""
    from .model import select_ego

    net = select_ego(_read(args), getattr(args, "ego", None))
    _step(args, f"netkit {args.command}: computing")
    return net


def _end_note(args: argparse.Namespace) -> None:
    """Clear the terminal's "still working" note before printing lines of our own (or a bar takes over)."""
    working = getattr(args, "working", None)
    if working is not None:
        working.stop()


def _step(args: argparse.Namespace, what: str) -> None:
    """Name the step the terminal's "still working" note shows (see chunks.Working)."""
    working = getattr(args, "working", None)
    if working is not None:
        working.step(what)


# ----------------------------------------------------------------------------- one function per command


def _info(args: argparse.Namespace) -> None:
    from .errors import printable
    from .info import describe

    text = describe(_network(args))
    _end_note(args)
    print("\n".join(printable(line) for line in text.splitlines()))  # no raw escapes


def _summary(args: argparse.Namespace):
    import netkit as nk

    net = _network(args)
    if getattr(args, "working", None) is not None:
        args.working.stop()  # the bar over the egos takes over from here
    with _executor(args, egos=len(net) if isinstance(net, nk.EgoCollection) else 1) as pool:
        return nk.summarize(net, weight=args.weight, group=args.group, strength=args.strength,
                            threshold=args.threshold, executor=pool, progress=args.progress)


def _ties(args: argparse.Namespace):
    import netkit as nk

    return nk.tie_table(_network(args), strength=args.strength, threshold=args.threshold, weight=args.weight)


def _holes(args: argparse.Namespace):
    import netkit as nk

    return nk.structural_holes(_network(args), weight=args.weight)


def _brokerage(args: argparse.Namespace):
    import netkit as nk

    return nk.brokerage(_network(args), group=args.group)


def _introduce(args: argparse.Namespace):
    import netkit as nk

    from .errors import printable
    from .introductions import WHAT_IF_TOP  # the what-if cap the command leaves at its default

    table = nk.suggest_introductions(_network(args), k=args.k, per_person=args.per_person, strength=args.strength)
    _end_note(args)
    if table.empty:  # the CSV keeps its header; the person is told why it has no rows
        print(f"netkit: there is no pair to introduce in {printable(args.input)}: every two contacts already know "
              "each other (or there are fewer than two).", file=sys.stderr)
    elif table["ego_constraint_before"].isna().any():
        print(f"netkit: note: the what-if columns are filled for the top {WHAT_IF_TOP} suggestions per ego only.",
              file=sys.stderr)
    return table


def _draw(args: argparse.Namespace) -> None:
    from .model import WholeNetwork, select_ego
    from .viz import draw_to_file

    net = _read(args)
    _check_drawable(net, net.source or args.input)
    if args.ego is not None or not isinstance(net, WholeNetwork):  # a whole network is drawn whole (spring)
        net = select_ego(net, args.ego, one=True, what="the drawing")
    _check_drawable(net, net.source or args.input)
    _step(args, "netkit draw: placing and drawing")
    draw_to_file(net, Path(args.output), layout=args.layout, color_by=args.color_by)


def _check_drawable(net, source: str) -> None:
    """A drawing needs someone to draw: no egos, no alters or no nodes is one clear line."""
    from .errors import NetkitError
    from .model import EgoCollection, EgoNetwork

    if isinstance(net, EgoCollection) and len(net) == 0:
        raise NetkitError(f"{source}: has no egos, so there is nothing to draw; add people to it first.")
    if isinstance(net, EgoNetwork) and net.size == 0:
        raise NetkitError(f"{source}: ego '{net.ego_id}' has no alters, so there is nothing to draw; add the people "
                          "they know first.")
    if not isinstance(net, (EgoCollection, EgoNetwork)) and net.G.number_of_nodes() == 0:
        raise NetkitError(f"{source}: the network has no nodes, so there is nothing to draw.")


def _batch(args: argparse.Namespace) -> None:
    from .reproduce import run_batch

    source, options = read_arguments(args)
    format, directed = options.pop("format"), options.pop("directed")
    with _executor(args) as pool:
        run_batch(source, args.output, format=format, directed=directed, group=args.group,
                  weight=args.weight, strength=args.strength, threshold=args.threshold,
                  communities=not args.no_communities, seed=args.seed, executor=pool, progress=args.progress,
                  command=["netkit", *args.argv], read_options=options, tie_type=args.tie_type)


def _support(args: argparse.Namespace):
    from .errors import printable
    from .support_data import support_by_strength, support_status, support_table

    net = _network(args)
    measure = support_by_strength if args.by_strength else support_table
    table = measure(net, instrument=args.instrument, strength=args.strength, threshold=args.threshold)
    status = support_status(net, instrument=args.instrument)  # after the checks: bad input stays one line
    if not status.startswith("Support is coded for all"):
        print(f"netkit: note: {printable(status)}", file=sys.stderr)
    return table


def _pseudonymize(args: argparse.Namespace) -> None:
    from .errors import NetkitError, printable
    from .pseudonym import write_pseudonymized

    named = [f"--{k.replace('_', '-')}" for k in ("egos", "alters", "ties", "datapackage", "scale", "missing", "column",
                                                  "tie_type") if getattr(args, k, None)]
    if named or args.duplicates != "max" or not args.input:
        raise NetkitError(f"pseudonymize copies INPUT as it is read by default (a datapackage.json in its folder is "
                          f"used); {', '.join(named) or '--duplicates'} cannot be used here — pass the folder as INPUT."
                          if args.input or named else "pseudonymize needs INPUT: the file or folder to copy.")

    _step(args, f"netkit pseudonymize: reading, pseudonymising and writing {printable(args.input)}")
    _, log = write_pseudonymized(args.input, args.output, key=_read_key(args), format=args.format,
                                 ids=args.ids, directed=args.directed, keep=args.keep)
    _end_note(args)
    for line in log:
        print(f"netkit: {printable(line)}", file=sys.stderr)


def _datapackage(args: argparse.Namespace) -> None:
    import json

    from .errors import NetkitError, printable
    from .io import atomic_write_text
    from .io.package import DESCRIPTOR, starter_package

    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise NetkitError(f"{folder}: is not a folder; pass the folder that holds the data files.")
    target = Path(args.output).expanduser() if args.output else folder / DESCRIPTOR
    if target.exists():
        raise NetkitError(f"{target}: already exists and is never replaced; edit it, or write the new one elsewhere "
                          "with -o FILE.")
    package, notes = starter_package(folder)
    atomic_write_text(target, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    tables = [f"{r['path']} ({r['netkit']['table']})" for r in package["resources"] if "netkit" in r]
    print(f"netkit: wrote {printable(target)}: {', '.join(tables) or 'no table recognised'}.", file=sys.stderr)
    for note in notes:
        print(f"netkit: check: {printable(note)}.", file=sys.stderr)


def _class_summary(args: argparse.Namespace) -> None:
    from .classroom import class_summary
    from .errors import NetkitError

    if args.output and Path(args.output).suffix.lower() not in (".html", ".htm", ".csv"):
        raise NetkitError(f"{args.output}: a class summary is saved as .html (the page) or .csv (the table); end "
                          "the file name with one of them.")
    _step(args, f"netkit class-summary: reading and summarising {len(args.inputs)} exports")
    report = class_summary(args.inputs, min_group=args.min_group, reason=args.reason, strength=args.strength,
                           threshold=args.threshold)
    if args.output:
        report.save(args.output)
    else:
        from .reproduce import table_csv

        sys.stdout.write(table_csv(report.table))


def _workers(asked: int, egos: int | None) -> int:
    """--workers N, capped at this machine's cores and at the number of egos (more would only wait)."""
    import os

    from .errors import NetkitError

    if asked < 1:
        raise NetkitError(f"--workers {asked} is not a number of processes; use 1 or more (1: this process).")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(asked, cores, egos if egos is not None else asked)
    if workers < asked:
        n, word = (cores, "core") if workers == cores else (egos, "ego")
        print(f"netkit: note: using {max(workers, 1)} worker(s), not {asked}: there {'is' if n == 1 else 'are'} {n} "
              f"{word}{'' if n == 1 else 's'}.", file=sys.stderr)
    return max(workers, 1)


@contextmanager
def _executor(args: argparse.Namespace, egos: int | None = None):
    """--workers N: a process pool of up to N workers for the run (none for 1)."""
    from .errors import NetkitError

    workers = _workers(getattr(args, "workers", 1), egos)
    if workers == 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(workers) as pool:
            yield pool
    except BrokenProcessPool:
        raise NetkitError(f"a worker process stopped unexpectedly (out of memory?); try fewer --workers than {workers}.") from None


def _resolved(path: str | Path) -> Path:
    from .io.atomic import resolved_path

    return resolved_path(path)


def _check_output(output: str | Path, inputs: list[str]) -> None:
    """Never write over an input (or into an input folder), nor over anything but a regular file."""
    from .io.atomic import check_output

    check_output(output, inputs)


def _parameters(args: argparse.Namespace) -> dict:
    skip = ("input", "inputs", "output", "key", "key_file", "func", "argv", "working")
    return {k: v for k, v in sorted(vars(args).items()) if k not in skip}


def _read_key(args: argparse.Namespace) -> str:
    from .errors import NetkitError

    if args.key is not None and args.key_file is not None:
        raise NetkitError("give the key once: --key KEY or --key-file FILE, not both.")
    if args.key_file is not None:
        from .io.text import check_input_file  # a regular file only: a pipe or /dev/zero would never end

        try:
            check_input_file(Path(args.key_file).expanduser())
        except NetkitError as exc:
            reason = str(exc).split(": ", 1)[-1].split(";")[0]
            raise NetkitError(f"{args.key_file}: cannot read the key file ({reason}).") from None
        try:
            text = Path(args.key_file).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise NetkitError(f"{args.key_file}: cannot read the key file ({getattr(exc, 'strerror', None) or exc}).") from None
        return text.splitlines()[0].strip() if text.strip() else ""
    if args.key is None:
        raise NetkitError("pseudonymize needs a key: add --key KEY (16 characters or more, kept to yourself) or "
                          "--key-file FILE.")
    return args.key


def _run(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    """Run the command; a table it returns goes to -o (with a manifest beside it) or standard output."""
    from .io import atomic_write_text

    args.argv = list(sys.argv[1:] if argv is None else argv)
    inputs = list(getattr(args, "inputs", None) or [getattr(args, "input", None) or ""])
    inputs += [getattr(args, k, None) for k in ("egos", "alters", "ties", "datapackage") if getattr(args, k, None)]
    for item in filter(None, inputs):
        _resolved(item)
    if getattr(args, "output", None) and args.func not in (_batch, _pseudonymize):  # folders: checked where written
        from .reproduce import manifest_path

        _check_output(args.output, [i for i in inputs if i])
        if args.func not in (_draw, _class_summary, _info):
            _check_output(manifest_path(args.output), [i for i in inputs if i])
    from .chunks import Working
    from .errors import printable

    has_bar = args.func is _batch  # shows its own bar over the egos (summary stops the note before its bar)
    with Working(f"netkit {args.command}: reading {printable(getattr(args, 'input', None) or 'the inputs')}",
                 False if has_bar else getattr(args, "progress", None)) as working:
        args.working = working
        table = args.func(args)
    if table is None:
        return 0
    from .reproduce import table_csv

    # a million-row table takes seconds to write: the note goes on (and is cleared before standard output)
    with Working(f"netkit {args.command}: writing {printable(args.output or 'the table')}",
                 getattr(args, "progress", None)):
        text = table_csv(table)
        if args.output:
            from .reproduce import manifest_path, write_manifest

            atomic_write_text(Path(args.output), text)
            write_manifest(manifest_path(args.output), inputs=[i for i in inputs if i], outputs=[args.output],
                           parameters=_parameters(args), command=["netkit", *args.argv])
    if not args.output:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    from .errors import NetkitError, printable

    def say(message, category, filename, lineno, file=None, line=None):  # a warning is one line, no source
        print(f"netkit: warning: {printable(message)}", file=sys.stderr)

    previous, warnings.showwarning = warnings.showwarning, say  # before parsing: a renamed option warns there
    args = None
    try:
        parser = _parser()
        args, extra = parser.parse_known_args(argv)
        if not getattr(args, "passes_on", False):
            if extra:
                parser.parse_args(argv)  # argparse's own one line for an option it does not know
            code = _run(args, argv)
        else:  # start and app run a server: options they do not know are the server's
            args.server_args = extra
            code = args.func(args)
        sys.stdout.flush()  # a closed pipe (`| head`) shows here, where it can end quietly
        return code
    except NetkitError as exc:
        print(f"netkit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `netkit … | head`: the reader has gone, which is not an error
        _quiet_stdout()
        return 0
    except OSError as exc:  # e.g. an output path inside a file, or a folder that is not writable
        where = exc.filename or getattr(args, "output", None) or getattr(args, "input", None) or "netkit"
        print(f"netkit: error: {printable(where)}: cannot write or read there ({exc.strerror or exc}); check the path and "
              "permissions.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except (MemoryError, RecursionError) as exc:
        print(f"netkit: error: {getattr(args, 'input', None) or 'the input'}: is too large or too deeply nested to "
              f"read ({type(exc).__name__}); check that it is the right file.", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug, not bad input: still one line; NETKIT_DEBUG=1 shows the traceback
        import os

        if os.environ.get("NETKIT_DEBUG"):
            raise
        print(f"netkit: error: unexpected {type(exc).__name__} ({printable(exc)}); this is a bug in netkit — please "
              "report it with the command you ran (NETKIT_DEBUG=1 shows the details).", file=sys.stderr)
        return 3
    finally:
        warnings.showwarning = previous


def _quiet_stdout() -> None:
    """Point standard output at the null device, so Python's exit flush cannot fail on a closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
