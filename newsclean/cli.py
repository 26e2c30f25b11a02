"""Command line: `newsclean clean`, `newsclean explain`, `newsclean report`.

Run `newsclean --help` or `newsclean clean --help` for the options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from newsclean import __version__
from newsclean.chain import Chain, default_chain
from newsclean.config import Config
from newsclean.document import Document
from newsclean.explain import render_explanation
from newsclean.filters import FILTERS
from newsclean.filters.profiles import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE, with_site_profiles
from newsclean.profiles import DEFAULT_CAP, load_profiles_cached, profile_files
from newsclean.report import DEFAULT_MAX_DOCUMENTS, run_report
from newsclean.runner import (
    CHECKPOINT_EVERY,
    RECORD_TIMEOUT,
    RunSettings,
    describe,
    exit_status,
    rejects_path,
    run,
)

__all__ = ["CleanOptions", "build_parser", "main", "rejects_path"]


@attrs.frozen
class CleanOptions:
    """What `newsclean clean` does to each record (sent to worker processes)."""

    text_field: str = "text"
    explain: bool = False
    lang: str | None = None
    skip: tuple[str, ...] = ()
    profiles: str | None = None  # a site profile file, loaded once per worker process
    profile_share: float = DEFAULT_MIN_SHARE
    profile_min_pages: int = DEFAULT_MIN_PAGES

    def chain(self) -> Chain:
        chain = default_chain(Config(lang=self.lang), skip=self.skip)
        if self.profiles is None:
            return chain
        return with_site_profiles(
            chain, load_profiles_cached(self.profiles),
            min_share=self.profile_share, min_pages=self.profile_min_pages,
        )


def run_clean(args: argparse.Namespace) -> int:
    output = Path(args.output)
    options = CleanOptions(
        text_field=args.text_field, explain=args.explain, lang=args.lang, skip=tuple(args.skip),
        profiles=args.profiles, profile_share=args.profile_share,
        profile_min_pages=args.profile_min_pages,
    )
    options.chain()  # fail early on a bad language or filter name
    missing = [p for p in args.inputs if not Path(p).is_file()]
    if missing:
        print(f"newsclean: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.workers < 1 or args.checkpoint_every < 1 or args.max_record_mb <= 0:
        print("newsclean: --workers, --checkpoint-every and --max-record-mb must be positive",
              file=sys.stderr)
        return 2
    if not args.record_timeout >= 0:  # also refuses nan
        print("newsclean: --record-timeout must be 0 (no limit) or more", file=sys.stderr)
        return 2
    settings = RunSettings(
        inputs=tuple(args.inputs), output=output, workers=args.workers, resume=args.resume,
        checkpoint_every=args.checkpoint_every, max_line_bytes=int(args.max_record_mb * 1e6),
        record_timeout=args.record_timeout,
    )
    summary = run(options, settings)
    print(describe(summary, settings), file=sys.stderr)
    return exit_status(summary)


def run_explain(args: argparse.Namespace) -> int:
    text = Path(args.page).read_text(encoding="utf-8", errors="replace")
    chain = default_chain(Config(lang=args.lang), skip=tuple(args.skip))
    sys.stdout.write(render_explanation(chain(Document.from_text(text))))
    return 0


def run_profile(args: argparse.Namespace) -> int:
    return profile_files(args.inputs, args.output, cap=args.cap, min_pages=args.min_pages,
                         text_field=args.text_field)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclean", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="clean the text field of JSONL records")
    clean.add_argument("inputs", nargs="+", metavar="IN.jsonl", help="JSONL files, plain or gzip")
    clean.add_argument("-o", "--output", required=True, metavar="OUT.jsonl")
    clean.add_argument("--text-field", default="text", help="field holding the page text")
    clean.add_argument("--explain", action="store_true", help="add the edit log to each record")
    clean.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    clean.add_argument("--resume", action="store_true",
                       help="continue an interrupted run from its last checkpoint")
    clean.add_argument("--checkpoint-every", type=int, default=CHECKPOINT_EVERY, metavar="N",
                       help=f"records per checkpoint (default {CHECKPOINT_EVERY})")
    clean.add_argument("--max-record-mb", type=float, default=64.0, metavar="MB",
                       help="reject input lines longer than this without reading them (default 64)")
    clean.add_argument("--record-timeout", type=float, default=RECORD_TIMEOUT, metavar="SECONDS",
                       help="stop cleaning a record after SECONDS per MB of it (at least SECONDS), "
                       "retry it once, then reject it; with --workers the stuck worker is killed "
                       f"and replaced; 0 for no limit (default {RECORD_TIMEOUT:g})")
    clean.add_argument("--profiles", metavar="PROFILES.json",
                       help="also drop each site's boilerplate lines (see `newsclean profile`)")
    clean.add_argument("--profile-share", type=float, default=DEFAULT_MIN_SHARE, metavar="SHARE",
                       help=f"with --profiles: drop lines on this share of a site's pages "
                       f"(default {DEFAULT_MIN_SHARE})")
    clean.add_argument("--profile-min-pages", type=int, default=DEFAULT_MIN_PAGES, metavar="N",
                       help="with --profiles: ...and on at least N pages "
                       f"(default {DEFAULT_MIN_PAGES})")
    _add_chain_options(clean)
    clean.set_defaults(run=run_clean)

    profile = commands.add_parser(
        "profile", help="count each site's repeated lines into a profile file")
    profile.add_argument(
        "inputs", nargs="+", metavar="IN.jsonl", help="JSONL files with url (or site)")
    profile.add_argument("-o", "--output", required=True, metavar="PROFILES.json")
    profile.add_argument("--text-field", default="text", help="field holding the page text")
    profile.add_argument("--cap", type=int, default=DEFAULT_CAP,
                         help="distinct lines kept per site before sampling "
                         f"(default {DEFAULT_CAP})")
    profile.add_argument("--min-pages", type=int, default=2,
                         help="save lines seen on at least this many pages (default 2)")
    profile.set_defaults(run=run_profile)

    explain = commands.add_parser("explain", help="show what the chain keeps and removes on a page")
    explain.add_argument("page", metavar="PAGE.txt")
    _add_chain_options(explain)
    explain.set_defaults(run=run_explain)

    report = commands.add_parser("report", help="write an HTML audit report of what was removed")
    report.add_argument("inputs", nargs="+", metavar="IN.jsonl", help="raw or --explain output")
    report.add_argument("-o", "--output", required=True, metavar="REPORT.html")
    report.add_argument("--text-field", default="text", help="field holding the page text")
    report.add_argument(
        "--max-docs", type=int, default=DEFAULT_MAX_DOCUMENTS, metavar="N",
        help=f"documents shown in full; above, a sample (default {DEFAULT_MAX_DOCUMENTS})",
    )
    _add_chain_options(report)
    report.set_defaults(run=run_report)
    return parser


def _add_chain_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default=None, help="force the page language (ISO 639-1)")
    parser.add_argument(
        "--skip", action="append", default=[], choices=sorted(FILTERS), metavar="FILTER",
        help="leave this filter out (repeatable)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (ValueError, KeyError, OSError) as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
