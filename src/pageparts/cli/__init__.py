"""The ``pageparts`` command line. Each subcommand lives in its own module ``_<name>.py`` with a
``register(subparsers)`` function; this module only dispatches and turns errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._errors import PagepartsError

__all__ = ["main"]

#: Subcommands, in the order ``pageparts --help`` lists them.
COMMANDS = ("extract", "train", "eval", "bench", "show", "run", "compile")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pageparts",
        description="Read a web page (HTML or a plain-text dump) and give back its anatomy.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}._{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except PagepartsError as exc:
        print(f"pageparts: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pageparts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    return code
