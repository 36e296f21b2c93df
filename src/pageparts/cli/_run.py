"""``pageparts run INPUT... --output OUT``: extract a corpus, one row per record."""

from __future__ import annotations

import argparse
import sys

from .._errors import InputError
from ..corpus import Fields, RunConfig, run_corpus
from ..corpus.executor import default_workers
from ._common import add_option_arguments, options_from_args


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "run", help="extract a corpus (WARC, WET, JSON Lines, Parquet, folders) to JSON Lines "
        "or Parquet",
        description="Extract every page of the inputs: one output row per input record, with "
        "its status (ok, empty, rejected, error) and reason. A run that is killed resumes "
        "where it stopped when the same command is run again. The exit status is 0 when the "
        "run finished (whatever the rows' statuses), 2 on a usage or setup error, 130 when "
        "interrupted.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="WARC/WET (.warc, .warc.gz), JSON Lines (.jsonl, .jsonl.gz, "
                   ".jsonl.zst), Parquet, a folder of pages, or a glob pattern (quote it)")
    p.add_argument("--output", "-o", required=True, metavar="OUT",
                   help="output file: .jsonl, .jsonl.gz or .parquet (by its extension)")
    p.add_argument("--workers", "-w", type=int, default=None,
                   help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local processes, or Ray (pip install 'pageparts[ray]')")
    p.add_argument("--ray-address", default=None,
                   help="with --engine ray: the cluster to join (default: a local Ray)")
    p.add_argument("--kind", choices=("html", "text"), default=None,
                   help="read every record as HTML or as text (default: by input and content)")
    g = p.add_argument_group("JSON Lines and Parquet fields")
    g.add_argument("--content-field", default=None,
                   help="field holding the page (default: first of html, content, text, "
                   "raw_content; html is read as HTML, text and raw_content as text)")
    g.add_argument("--id-field", default="id", help="field holding the record's id")
    g.add_argument("--url-field", default="url", help="field holding the page's URL")
    g = p.add_argument_group("limits")
    g.add_argument("--time-limit", type=float, default=2.0,
                   help="CPU seconds per record (default: %(default)s); a record still running "
                   "after four times as long in wall-clock time (and at least 5 s more) is "
                   "stopped too")
    g.add_argument("--memory-limit", type=int, default=2048, metavar="MB",
                   help="memory per record above a worker's resting size (default: %(default)s)")
    g.add_argument("--max-ratio", type=float, default=200.0,
                   help="refuse compressed input that inflates more than this many times "
                   "(default: %(default)s)")
    g = p.add_argument_group("corpus passes")
    g.add_argument("--site-templates", action="store_true",
                   help="two passes over the whole run: lines that recur on many pages of a "
                   "host become furniture (column template_blocks)")
    g.add_argument("--near-duplicates", action="store_true",
                   help="mark rows whose main text nearly duplicates an earlier row's "
                   "(MinHash LSH; column near_duplicate_of)")
    g.add_argument("--near-duplicate-threshold", type=float, default=0.8,
                   help="estimated Jaccard similarity of word 5-grams (default: %(default)s)")
    p.add_argument("--shard-size", type=int, default=500,
                   help="records per shard, the unit of resumption (default: %(default)s)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace an existing output and any unfinished run's shards")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line, no summary")
    add_option_arguments(p)
    p.set_defaults(func=run)


def config_from_args(args: argparse.Namespace) -> RunConfig:
    """The one place where ``run``'s arguments become a RunConfig."""
    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if args.time_limit <= 0:
        raise InputError(f"--time-limit must be positive, not {args.time_limit}")
    if not 0 < args.near_duplicate_threshold <= 1:
        raise InputError("--near-duplicate-threshold must be in (0, 1]")
    return RunConfig(
        inputs=tuple(args.inputs), output=args.output, options=options_from_args(args),
        fields=Fields(content=args.content_field, id=args.id_field, url=args.url_field),
        kind=args.kind, workers=workers, engine=args.engine, ray_address=args.ray_address,
        shard_size=args.shard_size, time_limit=args.time_limit,
        memory_limit_mb=args.memory_limit, max_ratio=args.max_ratio,
        near_duplicates=args.near_duplicates, site_templates=args.site_templates,
        near_duplicate_threshold=args.near_duplicate_threshold,
        overwrite=args.overwrite, progress=not args.quiet)


def run(args: argparse.Namespace) -> int:
    result = run_corpus(config_from_args(args))
    if not args.quiet:
        sys.stderr.write(result.summary())
    return 0
