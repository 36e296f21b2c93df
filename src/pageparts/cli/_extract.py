"""``pageparts extract PAGE...``: one page → its Document; several → JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys

from .._api import Extractor
from .._errors import PagepartsError
from ..serialize import FORMATS, serialize
from ._common import add_option_arguments, kind_for, options_from_args, read_input


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="extract one or more pages (HTML or text) to a Document",
                       description="Extract pages. One page prints its Document in --format; "
                       "several print one JSON object per line (JSON Lines).")
    p.add_argument("pages", nargs="+", metavar="PAGE", help="a file, or - for standard input")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="json")
    p.add_argument("--kind", choices=("html", "text"), default=None,
                   help="how to read the page (default: by extension, then by content)")
    p.add_argument("--url", default=None, help="the page's URL (one page only)")
    add_option_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    extractor = Extractor(options_from_args(args))
    many = len(args.pages) > 1
    failed = 0
    out = sys.stdout
    for name in args.pages:
        try:
            doc = extractor.extract(read_input(name), url=args.url if not many else None,
                                    kind=kind_for(name, args.kind))
        except PagepartsError as exc:
            if not many:
                raise
            failed += 1
            print(f"pageparts: {name}: {exc}", file=sys.stderr)
            out.write(json.dumps({"source": name, "status": "error", "reason": str(exc)}) + "\n")
            continue
        if many:
            row = {"source": name, **doc.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(serialize(doc, args.format))
            if not out.isatty() and args.format == "json":
                out.write("\n")
    return 1 if failed else 0
