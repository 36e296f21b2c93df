"""What the subcommands share: turning arguments into one Options value, reading inputs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._errors import InputError
from .._options import Options


def add_option_arguments(p: argparse.ArgumentParser) -> None:
    """The extraction options every extracting subcommand takes."""
    g = p.add_argument_group("extraction options")
    g.add_argument("--no-comments", action="store_true", help="leave reader comments out")
    g.add_argument("--threshold", type=float, default=None,
                   help="main-content probability threshold (default: %(default)s → model's)")
    g.add_argument("--page-type", default=None, help="force the page type instead of predicting it")
    g.add_argument("--max-bytes", type=int, default=None, help="largest page read, in bytes")


def options_from_args(args: argparse.Namespace) -> Options:
    """The one place where CLI arguments become Options."""
    base = Options()
    return Options(
        max_bytes=args.max_bytes if getattr(args, "max_bytes", None) else base.max_bytes,
        threshold=args.threshold if getattr(args, "threshold", None) is not None
        else base.threshold,
        comments=not getattr(args, "no_comments", False),
        page_type=getattr(args, "page_type", None),
    )


def kind_for(name: str, forced: str | None) -> str | None:
    """How to read a page file: as forced, else by its extension, else None (sniff)."""
    if forced:
        return forced
    suffix = Path(name).suffix.lower()
    if suffix in (".txt", ".text", ".wet"):
        return "text"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return None


def read_input(name: str) -> bytes:
    """A page file's bytes, or standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such file")
    return path.read_bytes()
