"""The ``netkit`` command: thin over the Python API, CSV out, one clear line on bad input."""
from __future__ import annotations

import argparse
import sys
import warnings
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
    draw = command("draw", "write one standalone, offline HTML drawing", table=False)
    draw.add_argument("-o", "--output", metavar="OUT", required=True, help="the HTML file to write")
    draw.add_argument("--layout", choices=LAYOUTS, help="rings, hub, web or spring (default: rings for an ego "
                      "network, spring for a whole network)")
    draw.add_argument("--color-by", metavar="ATTR",
                      help="colour people by this attribute (default: context on rings, otherwise cluster)")
    return parser


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


def _table(args: argparse.Namespace, net):
    import netkit as nk

    if args.command == "summary":
        return nk.summarize(net, weight=args.weight, group=args.group)
    if args.command == "ties":
        return nk.tie_table(net, weights=args.weights, threshold=args.threshold, weight=args.weight)
    if args.command == "holes":
        return nk.structural_holes(net, weight=args.weight)
    if args.command == "brokerage":
        return nk.brokerage(net, group=args.group)
    return nk.suggest_introductions(net, k=args.k)


def _run(args: argparse.Namespace) -> int:
    from .info import describe
    from .io import atomic_write_text, read
    from .errors import NetkitError
    from .model import EgoCollection, WholeNetwork

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
    text = _table(args, net).to_csv(index=False, lineterminator="\n")
    if args.output:
        atomic_write_text(Path(args.output), text)
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
        return _run(args)
    except NetkitError as exc:
        print(f"netkit: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. an output path inside a file, or a folder that is not writable
        where = exc.filename or getattr(args, "output", None) or args.input
        print(f"netkit: error: {where}: cannot write or read there ({exc.strerror or exc}); check the path and "
              "permissions.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        warnings.showwarning = previous


if __name__ == "__main__":
    sys.exit(main())
