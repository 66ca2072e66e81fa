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
    groups["input"].add_argument("input", metavar="INPUT", help="file or folder to read (see docs/formats.md)")
    groups["input"].add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
    groups["input"].add_argument("--directed", action="store_true", help="treat ties as directed")
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
    from .io import read
    from .model import select_ego

    net = select_ego(read(args.input, format=args.format, directed=args.directed), getattr(args, "ego", None))
    _step(args, f"netkit {args.command}: computing")
    return net


def _step(args: argparse.Namespace, what: str) -> None:
    """Name the step the terminal's "still working" note shows (see chunks.Working)."""
    working = getattr(args, "working", None)
    if working is not None:
        working.step(what)


# ----------------------------------------------------------------------------- one function per command


def _info(args: argparse.Namespace) -> None:
    from .errors import printable
    from .info import describe

    print("\n".join(printable(line) for line in describe(_network(args)).splitlines()))  # no raw escapes


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

    return nk.suggest_introductions(_network(args), k=args.k, per_person=args.per_person, strength=args.strength)


def _draw(args: argparse.Namespace) -> None:
    from .model import select_ego
    from .io import read
    from .viz import draw_to_file

    net = read(args.input, format=args.format, directed=args.directed)
    _check_drawable(net, args.input)
    net = select_ego(net, args.ego, one=True, what="the drawing")
    _check_drawable(net, args.input)
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

    with _executor(args) as pool:
        run_batch(args.input, args.output, format=args.format, directed=args.directed, group=args.group,
                  weight=args.weight, strength=args.strength, threshold=args.threshold,
                  communities=not args.no_communities, seed=args.seed, executor=pool, progress=args.progress,
                  command=["netkit", *args.argv])


def _pseudonymize(args: argparse.Namespace) -> None:
    from .pseudonym import write_pseudonymized

    _, log = write_pseudonymized(args.input, args.output, key=_read_key(args), format=args.format,
                                 ids=args.ids, directed=args.directed, keep=args.keep)
    from .errors import printable

    for line in log:
        print(f"netkit: {printable(line)}", file=sys.stderr)


def _class_summary(args: argparse.Namespace) -> None:
    from .classroom import class_summary
    from .errors import NetkitError

    if args.output and Path(args.output).suffix.lower() not in (".html", ".htm", ".csv"):
        raise NetkitError(f"{args.output}: a class summary is saved as .html (the page) or .csv (the table); end "
                          "the file name with one of them.")
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
    from .errors import NetkitError

    try:
        return Path(path).expanduser().resolve()
    except (RuntimeError, OSError):  # a symbolic link loop
        raise NetkitError(f"{path}: is a symbolic link that leads back to itself (a loop); point it at a real "
                          "file or folder.") from None


def _check_output(output: str | Path, inputs: list[str]) -> None:
    """Never write over an input (or into an input folder), nor over anything but a regular file.

    Paths are compared after following symbolic links, so a link to an input is an input too.
    """
    import os
    import stat

    from .errors import NetkitError

    target = _resolved(output)
    for item in map(_resolved, inputs):
        if target == item or item in target.parents:
            where = "is one of the inputs" if target == item else f"is inside the input folder {item}"
            raise NetkitError(f"{output}: {where}; write the output somewhere else (netkit never changes its inputs).")
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new path
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, pipe or socket)"
        raise NetkitError(f"{output}: is {kind}; give the name of a new or existing regular file to write.")


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

    text = table_csv(table)
    if args.output:
        from .reproduce import manifest_path, write_manifest

        atomic_write_text(Path(args.output), text)
        write_manifest(manifest_path(args.output), inputs=[args.input], outputs=[args.output],
                       parameters=_parameters(args), command=["netkit", *args.argv])
    else:
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
