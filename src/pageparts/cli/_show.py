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
from .._errors import InputError, MissingExtra
from ..serialize.view import document_from_dict, to_html
from ._common import add_option_arguments, kind_for, options_from_args, read_input

_CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".parquet")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show", help="write the annotated view of a page (or a corpus row) as one HTML file",
        description="Extract a page and write one self-contained HTML file that shows every "
        "block coloured by its label, the metadata, the comment thread and the extracted text. "
        "For a corpus output (JSON Lines), --id picks the row to show.")
    p.add_argument("page", metavar="PAGE",
                   help="an .html or .txt file, - for standard input, or a corpus output "
                   "(.jsonl, .jsonl.gz or .parquet)")
    p.add_argument("--output", "-o", type=Path, default=None,
                   help="the HTML file to write (default: standard output, or a temporary "
                   "file with --open)")
    p.add_argument("--open", action="store_true", help="open the view in a web browser")
    p.add_argument("--id", dest="row_id", default=None,
                   help="for a corpus output: the id of the row to show")
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
    if name.lower().endswith(".parquet"):
        return _find_parquet(path, row_id)
    return _find_jsonl(path, row_id)


def _find_jsonl(path: Path, row_id: str | None) -> dict[str, Any]:
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
    if row_id is None and rows == 1 and first is not None:
        return first
    skipped = f" ({bad} unreadable lines skipped)" if bad else ""
    raise _not_found(path, row_id, rows, ids, skipped)


def _not_found(path: Path, row_id: str | None, rows: int, ids: list[str],
               skipped: str = "") -> InputError:
    if row_id is None:
        return InputError(f"{path} has {rows} rows{skipped}; choose one with --id "
                          f"(first ids: {', '.join(ids) or 'none'})")
    return InputError(f"{path}: no row with id {row_id!r} among {rows} rows{skipped}")


def _find_parquet(path: Path, row_id: str | None) -> dict[str, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra("pyarrow", "corpus") from None
    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        key = "id" if "id" in names else "source" if "source" in names else None
        rows = pf.metadata.num_rows
        if row_id is None and rows == 1:
            return dict(pf.read().slice(0, 1).to_pylist()[0])
        # read the key column one row group at a time; then only the group that holds the row
        first: list[str] = []
        for group in range(pf.num_row_groups if key else 0):
            keys = [str(k) for k in pf.read_row_group(group, columns=[key]).column(0).to_pylist()]
            first += keys[: 5 - len(first)]
            if row_id is not None and row_id in keys:
                table = pf.read_row_group(group)
                return dict(table.slice(keys.index(row_id), 1).to_pylist()[0])
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    raise _not_found(path, row_id, rows, first)


def _document(args: argparse.Namespace) -> tuple[Document, list[tuple[str, str]]]:
    if args.row_id is not None or _is_corpus(args.page):
        row = find_row(args.page, args.row_id)
        extras = [("row id", str(row.get("id", row.get("source", "")))), ("file", args.page)]
        return document_from_dict(row), extras
    extractor = Extractor(options_from_args(args))
    page = read_input(args.page)
    doc = extractor.extract(page, url=args.url, kind=kind_for(args.page, args.kind))
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
