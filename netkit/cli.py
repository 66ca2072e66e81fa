"""The ``netkit`` command: thin over the Python API, CSV out, one clear line on bad input."""
from __future__ import annotations

import argparse
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

__all__ = ["main"]

LAYOUTS = ("rings", "hub", "web", "spring")


def _parser() -> argparse.ArgumentParser:
    from .io import FORMATS

    parser = argparse.ArgumentParser(
        prog="netkit", description="The Personal Network Lab: read, describe and measure personal networks."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('netkit').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, *, table: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("input", metavar="INPUT", help="file or folder to read (see docs/formats.md)")
        p.add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
        p.add_argument("--directed", action="store_true", help="treat ties as directed")
        p.add_argument("--ego", metavar="ID", help="only this ego (for a whole network: the ego network of this node)")
        if table:
            p.add_argument("-o", "--output", metavar="OUT", help="write the CSV here instead of standard output")
        return p

    command("info", "say what was read from INPUT, with any warnings", table=False)
    summary = command("summary", "one CSV row per ego: size, ties, density, structural holes, tie strength")
    summary.add_argument("--weight", metavar="COL", help="tie weight column for the structural-hole measures")
    summary.add_argument("--group", metavar="ATTR", help="alter attribute for E-I index, Blau and IQV")
    _scale_options(summary)
    ties = command("ties", "one CSV row per tie: strength, weak/strong, layer, overlap, local bridges")
    ties.add_argument("--weight", metavar="COL", help="tie weight column for alter–alter and whole-network ties")
    ties.add_argument("--weights", default="equal", metavar="PRESET",
                      help="tie strength weights: equal, closeness or gilbert (default: equal)")
    ties.add_argument("--threshold", type=float, default=0.5, help="strength from which a tie is strong (default 0.5)")
    holes = command("holes", "structural holes: constraint, effective size, efficiency, hierarchy")
    holes.add_argument("--weight", metavar="COL", help="tie weight column")
    brokerage = command("brokerage", "Gould–Fernandez brokerage roles for each broker")
    brokerage.add_argument("--group", metavar="ATTR", required=True, help="attribute that defines the groups")
    introduce = command("introduce", "introductions worth making, with reasons and what-if effects")
    introduce.add_argument("-k", type=int, default=10, help="how many suggestions per ego (default 10)")
    introduce.add_argument("--per-person", type=int, metavar="N",
                           help="keep each person in at most N suggestions (default: no limit)")
    draw = command("draw", "write one standalone, offline HTML drawing", table=False)
    draw.add_argument("-o", "--output", metavar="OUT", required=True, help="the HTML file to write")
    draw.add_argument("--layout", choices=LAYOUTS, help="rings, hub, web or spring (default: rings for an ego "
                      "network, spring for a whole network)")
    draw.add_argument("--color-by", metavar="ATTR",
                      help="colour people by this attribute (default: context on rings, otherwise cluster)")

    batch = sub.add_parser("batch", help="summary, alter and tie tables of a collection, with a manifest, in one folder",
                           description="Write summary.csv, alter_table.csv, tie_table.csv and manifest.json (SHA-256 of "
                                       "the inputs, versions, parameters, seeds, time) into FOLDER. The same inputs "
                                       "give byte-identical tables.")
    batch.add_argument("input", metavar="INPUT", help="file or folder to read (see docs/formats.md)")
    batch.add_argument("-o", "--output", metavar="FOLDER", required=True, help="a new or empty folder for the tables")
    batch.add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
    batch.add_argument("--directed", action="store_true", help="treat ties as directed")
    batch.add_argument("--group", metavar="ATTR", help="alter attribute for E-I index, Blau and IQV")
    batch.add_argument("--weight", metavar="COL", help="tie weight column (structural holes, alter–alter tie strength)")
    batch.add_argument("--weights", default="equal", metavar="PRESET",
                       help="tie strength weights: equal, closeness or gilbert (default: equal)")
    batch.add_argument("--threshold", type=float, default=0.5, help="strength from which a tie is strong (default 0.5)")
    batch.add_argument("--seed", type=int, default=0, help="seed of the Louvain communities (default 0)")
    batch.add_argument("--no-communities", action="store_true", help="leave the community column of the alter table empty")
    _scale_options(batch)

    pseudo = sub.add_parser("pseudonymize", help="a copy to share: names pseudonymised with a key, private text dropped",
                            description="Write a copy of INPUT as netkit's folder (GraphML for a whole network) with "
                                        "names and name-like ids replaced by keyed pseudonyms (HMAC-SHA256) and notes, "
                                        "e-mail, web addresses and phone numbers dropped. The key is never written.")
    pseudo.add_argument("input", metavar="INPUT", help="file or folder to read (see docs/formats.md)")
    pseudo.add_argument("-o", "--output", metavar="OUT", required=True, help="a new or empty folder (a .graphml file "
                        "for a whole network)")
    pseudo.add_argument("--key", metavar="KEY", help="your secret key, 16 characters or more (same key, same pseudonyms)")
    pseudo.add_argument("--key-file", metavar="FILE", help="read the key from the first line of FILE instead (keeps it "
                        "out of your shell history)")
    pseudo.add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
    pseudo.add_argument("--directed", action="store_true", help="treat ties as directed")
    pseudo.add_argument("--ids", default="auto", choices=("auto", "always"),
                        help="replace ids when they could be names (auto, default) or always")

    group = sub.add_parser("class-summary", help="one anonymised group report from several participants' exports",
                           description="Combine participants' (pseudonymised) exports into distributions of network "
                                       "size, constraint, weak-tie share and support coverage; refused for groups "
                                       "smaller than --min-group. No row is one person.")
    group.add_argument("inputs", metavar="FOLDER", nargs="+", help="participants' export folders (or files)")
    group.add_argument("-o", "--output", metavar="OUT", help="report.html (a standalone page) or report.csv (the "
                       "table); standard output (CSV) when absent")
    group.add_argument("--min-group", type=int, default=5, metavar="N",
                       help="refuse groups of fewer participants (default 5, at least 3)")
    group.add_argument("--weights", default="equal", metavar="PRESET",
                       help="tie strength weights: equal, closeness or gilbert (default: equal)")
    group.add_argument("--threshold", type=float, default=0.5, help="strength from which a tie is strong (default 0.5)")
    return parser


def _scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="compute on N processes of this machine (default 1: this process); same numbers either way")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--progress", dest="progress", action="store_true", default=None,
                       help="always show a progress bar on standard error")
    shown.add_argument("--no-progress", dest="progress", action="store_false",
                       help="never show one (default: only in a terminal, on long runs)")


def _select(net, ego: str | None):
    """--ego: one ego of a collection, the ego network of a node of a whole network."""
    from .errors import NetkitError
    from .model import EgoCollection, EgoNetwork

    if ego is None:
        return net
    if isinstance(net, EgoCollection):
        return net[ego]
    if isinstance(net, EgoNetwork):
        if str(ego) != net.ego_id:
            raise NetkitError(f"{net.source}: this network's ego is '{net.ego_id}', not '{ego}'; leave --ego out.")
        return net
    return net.ego_network(ego)


def _table(args: argparse.Namespace, net, executor=None):
    import netkit as nk

    if args.command == "summary":
        return nk.summarize(net, weight=args.weight, group=args.group, executor=executor, progress=args.progress)
    if args.command == "ties":
        return nk.tie_table(net, weights=args.weights, threshold=args.threshold, weight=args.weight)
    if args.command == "holes":
        return nk.structural_holes(net, weight=args.weight)
    if args.command == "brokerage":
        return nk.brokerage(net, group=args.group)
    return nk.suggest_introductions(net, k=args.k, per_person=args.per_person)


@contextmanager
def _executor(args: argparse.Namespace):
    """--workers N: a process pool of N workers for the run (none for 1)."""
    from .errors import NetkitError

    workers = getattr(args, "workers", 1)
    if workers < 1:
        raise NetkitError(f"--workers {workers} is not a number of processes; use 1 or more (1: this process).")
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


def _parameters(args: argparse.Namespace) -> dict:
    return {k: v for k, v in sorted(vars(args).items()) if k not in ("input", "inputs", "output", "key", "key_file")}


def _read_key(args: argparse.Namespace) -> str:
    from .errors import NetkitError

    if args.key is not None and args.key_file is not None:
        raise NetkitError("give the key once: --key KEY or --key-file FILE, not both.")
    if args.key_file is not None:
        try:
            text = Path(args.key_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise NetkitError(f"{args.key_file}: cannot read the key file ({getattr(exc, 'strerror', None) or exc}).") from None
        return text.splitlines()[0].strip() if text.strip() else ""
    if args.key is None:
        raise NetkitError("pseudonymize needs a key: add --key KEY (16 characters or more, kept to yourself) or "
                          "--key-file FILE.")
    return args.key


def _run_other(args: argparse.Namespace, argv: list[str]) -> int:
    """The commands that are not one table of one input: batch, pseudonymize, class-summary."""
    if args.command == "batch":
        from .reproduce import run_batch

        with _executor(args) as pool:
            run_batch(args.input, args.output, format=args.format, directed=args.directed, group=args.group,
                      weight=args.weight, weights=args.weights, threshold=args.threshold,
                      communities=not args.no_communities, seed=args.seed, executor=pool, progress=args.progress,
                      command=["netkit", *argv])
        return 0
    if args.command == "pseudonymize":
        from .pseudonym import write_pseudonymized

        _, log = write_pseudonymized(args.input, args.output, key=_read_key(args), format=args.format,
                                     ids=args.ids, directed=args.directed)
        for line in log:
            print(f"netkit: {line}", file=sys.stderr)
        return 0
    from .classroom import class_summary
    from .errors import NetkitError

    if args.output and Path(args.output).suffix.lower() not in (".html", ".htm", ".csv"):
        raise NetkitError(f"{args.output}: a class summary is saved as .html (the page) or .csv (the table); end "
                          "the file name with one of them.")
    report = class_summary(args.inputs, min_group=args.min_group, weights=args.weights, threshold=args.threshold)
    if args.output:
        report.save(args.output)
    else:
        from .reproduce import table_csv

        sys.stdout.write(table_csv(report.table))
    return 0


def _run(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    from .info import describe
    from .io import atomic_write_text, read
    from .errors import NetkitError
    from .model import EgoCollection, WholeNetwork

    argv = list(sys.argv[1:] if argv is None else argv)
    if args.command in ("batch", "pseudonymize", "class-summary"):
        return _run_other(args, argv)
    net = read(args.input, format=args.format, directed=args.directed)
    if args.command == "info":
        print(describe(_select(net, args.ego)))
        return 0
    if args.command == "introduce" and isinstance(net, WholeNetwork) and args.ego is None:
        raise NetkitError(f"{args.input}: a whole network has no single ego; say whose introductions with --ego NODE.")
    if args.command == "draw" and isinstance(net, EgoCollection) and args.ego is None:
        raise NetkitError(f"{args.input}: holds {len(net)} ego networks; say which to draw with --ego ID "
                          f"(e.g. --ego {net.ego_ids[0]}).")
    net = _select(net, args.ego)
    if args.command == "draw":
        from .viz import draw_to_file

        draw_to_file(net, Path(args.output), layout=args.layout, color_by=args.color_by)
        return 0
    with _executor(args) as pool:
        text = _table(args, net, pool).to_csv(index=False, lineterminator="\n")
    if args.output:
        from .reproduce import manifest_path, write_manifest

        atomic_write_text(Path(args.output), text)
        write_manifest(manifest_path(args.output), inputs=[args.input], outputs=[args.output],
                       parameters=_parameters(args), command=["netkit", *argv])
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    from .errors import NetkitError

    args = _parser().parse_args(argv)

    def say(message, category, filename, lineno, file=None, line=None):  # a warning is one line, no source
        print(f"netkit: warning: {message}", file=sys.stderr)

    previous, warnings.showwarning = warnings.showwarning, say
    try:
        return _run(args, argv)
    except NetkitError as exc:
        print(f"netkit: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. an output path inside a file, or a folder that is not writable
        where = exc.filename or getattr(args, "output", None) or getattr(args, "input", None) or "netkit"
        print(f"netkit: error: {where}: cannot write or read there ({exc.strerror or exc}); check the path and "
              "permissions.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        warnings.showwarning = previous


if __name__ == "__main__":
    sys.exit(main())
