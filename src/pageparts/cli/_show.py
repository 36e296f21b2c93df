"""``pageparts show PAGE``: the annotated view of one page (or one corpus row) as an HTML file."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import webbrowser
from pathlib import Path
from typing import IO, Any

from .._api import Extractor
from .._document import Document
from .._errors import InputError
from ..serialize.view import document_from_dict, to_html
from ._common import add_option_arguments, options_from_args
from ._extract import _kind_for, _read

_CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show", help="write the annotated view of a page (or a corpus row) as one HTML file",
        description="Extract a page and write one self-contained HTML file that shows every "
        "block coloured by its label, the metadata, the comment thread and the extracted text. "
        "For a corpus output (JSON Lines), --id picks the row to show.")
    p.add_argument("page", metavar="PAGE",
                   help="an .html or .txt file, - for standard input, or a .jsonl corpus output")
    p.add_argument("--output", "-o", type=Path, default=None,
                   help="the HTML file to write (default: standard output, or a temporary "
                   "file with --open)")
    p.add_argument("--open", action="store_true", help="open the view in a web browser")
    p.add_argument("--id", dest="row_id", default=None,
                   help="for a .jsonl corpus output: the id of the row to show")
    p.add_argument("--kind", choices=("html", "text"), default=None,
                   help="how to read the page (default: by extension, then by content)")
    p.add_argument("--url", default=None, help="the page's URL")
    add_option_arguments(p)
    p.set_defaults(func=run)


def _is_corpus(name: str) -> bool:
    return name.lower().endswith(_CORPUS_SUFFIXES)


def _open_lines(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def find_row(name: str, row_id: str | None) -> dict[str, Any]:
    """The row of the corpus output ``name`` whose ``id`` (or ``source``) is ``row_id``.

    Without an id, a file of exactly one row gives that row.
    """
    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such file")
    rows = bad = 0
    first: dict[str, Any] | None = None
    ids: list[str] = []
    with _open_lines(path) as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):
                bad += 1
                continue
            if not isinstance(row, dict):
                bad += 1
                continue
            rows += 1
            key = row.get("id", row.get("source"))
            if row_id is not None and key is not None and str(key) == row_id:
                return row
            if len(ids) < 5 and key is not None:
                ids.append(str(key))
            first = first if first is not None else row
    skipped = f" ({bad} unreadable lines skipped)" if bad else ""
    if row_id is None:
        if rows == 1 and first is not None:
            return first
        sample = ", ".join(ids) or "none"
        raise InputError(f"{name} has {rows} rows{skipped}; choose one with --id "
                         f"(first ids: {sample})")
    raise InputError(f"{name}: no row with id {row_id!r} among {rows} rows{skipped}")


def _document(args: argparse.Namespace) -> tuple[Document, list[tuple[str, str]]]:
    if args.row_id is not None or _is_corpus(args.page):
        row = find_row(args.page, args.row_id)
        extras = [("row id", str(row.get("id", row.get("source", "")))), ("file", args.page)]
        return document_from_dict(row), extras
    extractor = Extractor(options_from_args(args))
    doc = extractor.extract(_read(args.page), url=args.url, kind=_kind_for(args.page, args.kind))
    return doc, [("file", "standard input" if args.page == "-" else args.page)]


def run(args: argparse.Namespace) -> int:
    doc, extras = _document(args)
    view = to_html(doc, extras=extras)
    out: Path | None = args.output
    if out is None and not args.open:
        sys.stdout.write(view)
        return 0
    if out is None:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="pageparts-view-",
                                         suffix=".html", delete=False) as tmp:
            tmp.write(view)
            out = Path(tmp.name)
    else:
        try:
            out.write_text(view, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"pageparts: wrote {out}", file=sys.stderr)
    if args.open and not webbrowser.open(out.resolve().as_uri()):
        print(f"pageparts: no browser could be opened; open {out} yourself", file=sys.stderr)
    return 0
