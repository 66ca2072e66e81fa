"""The ``netkit`` command: thin over the Python API, CSV out, one clear line on bad input."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    from .io import FORMATS

    parser = argparse.ArgumentParser(
        prog="netkit", description="The Personal Network Lab: read, describe and measure personal networks."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('netkit').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("input", metavar="INPUT", help="file or folder to read (see docs/formats.md)")
        p.add_argument("--format", default="auto", choices=FORMATS, help="input format (default: guess)")
        p.add_argument("--directed", action="store_true", help="treat ties as directed")
        return p

    command("info", "say what was read from INPUT, with any warnings")
    summary = command("summary", "one CSV row per ego: ego, size, alter_ties")
    summary.add_argument("-o", "--output", metavar="OUT", help="write the CSV here instead of standard output")
    summary.add_argument("--ego", metavar="ID", help="only this ego")
    return parser


def _run(args: argparse.Namespace) -> int:
    from .batch import summarize
    from .info import describe
    from .io import atomic_write_text, read

    net = read(args.input, format=args.format, directed=args.directed)
    if args.command == "info":
        print(describe(net))
        return 0
    table = summarize(net, ego=args.ego)
    text = table.to_csv(index=False, lineterminator="\n")
    if args.output:
        atomic_write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    from .errors import NetkitError

    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except NetkitError as exc:
        print(f"netkit: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. an output folder that does not exist or is not writable
        where = exc.filename or args.input
        print(f"netkit: error: {where}: {exc.strerror or exc}; check the path and permissions.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
