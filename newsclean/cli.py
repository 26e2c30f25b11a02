"""Command line: `newsclean clean`, `newsclean explain`, `newsclean report`.

Run `newsclean --help` or `newsclean clean --help` for the options.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from newsclean import __version__
from newsclean.chain import Chain, default_chain
from newsclean.config import Config
from newsclean.document import Document
from newsclean.explain import render_explanation
from newsclean.filters import FILTERS
from newsclean.filters.profiles import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE, with_site_profiles
from newsclean.jsonl import Line, read_lines
from newsclean.profiles import DEFAULT_CAP, load_profiles_cached, profile_files
from newsclean.records import RecordError, clean_record
from newsclean.report import DEFAULT_MAX_DOCUMENTS, run_report

# Lines handed to a worker process at a time.
BATCH_LINES = 64
# Seconds between two progress-bar updates.
PROGRESS_EVERY = 0.5


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


@attrs.frozen
class Outcome:
    """A cleaned record (`output`) or a rejected one (`reject`), with its input size."""

    size: int
    output: str | None = None
    reject: str | None = None


_WORKER_CHAIN: dict[CleanOptions, Chain] = {}


def _clean_line(line: Line, options: CleanOptions) -> Outcome:
    chain = _WORKER_CHAIN.get(options)
    if chain is None:
        chain = _WORKER_CHAIN[options] = options.chain()
    size = len(line.text.encode("utf-8", errors="replace"))

    def rejected(error: str) -> Outcome:
        row = {"file": line.path, "line": line.number, "error": error, "input": line.text}
        return Outcome(size, reject=json.dumps(row, ensure_ascii=False))

    if not line.text:
        return rejected(line.error or "empty line")
    try:
        record = json.loads(line.text)
        out = clean_record(record, chain=chain, text_field=options.text_field, explain=options.explain)
    except json.JSONDecodeError as exc:
        return rejected(f"invalid JSON: {exc}")
    except RecordError as exc:
        return rejected(str(exc))
    if line.error:
        out.setdefault("newsclean", {}).setdefault("input_errors", []).append(line.error)
    return Outcome(size, output=json.dumps(out, ensure_ascii=False))


def _clean_batch(batch: tuple[list[Line], CleanOptions]) -> list[Outcome]:
    lines, options = batch
    return [_clean_line(line, options) for line in lines]


def _batches(lines: Iterable[Line], options: CleanOptions) -> Iterator[tuple[list[Line], CleanOptions]]:
    batch: list[Line] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= BATCH_LINES:
            yield batch, options
            batch = []
    if batch:
        yield batch, options


def _all_lines(paths: Sequence[str]) -> Iterator[Line]:
    for path in paths:
        yield from read_lines(path)


def _outcomes(paths: Sequence[str], options: CleanOptions, workers: int) -> Iterator[Outcome]:
    batches = _batches(_all_lines(paths), options)
    if workers <= 1:
        for batch in batches:
            yield from _clean_batch(batch)
        return
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for outcomes in pool.imap(_clean_batch, batches, chunksize=1):
            yield from outcomes


class _Progress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = self.shown = time.monotonic()

    def update(self, docs: int, size: int, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.shown < PROGRESS_EVERY):
            return
        self.shown = now
        rate = size / 1e6 / max(now - self.started, 1e-9)
        self.stream.write(f"\r{docs} documents, {size / 1e6:.1f} MB, {rate:.1f} MB/s")
        if final:
            self.stream.write("\n")
        self.stream.flush()


def _atomic_writer(path: Path) -> tuple[TextIO, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return os.fdopen(fd, "w", encoding="utf-8"), tmp


def rejects_path(output: Path) -> Path:
    """Where the rejected records of a run writing `output` go."""
    return output.with_name(output.name + ".rejects.jsonl")


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
    out, tmp = _atomic_writer(output)
    reject_file = rejects_path(output)
    rejects: TextIO | None = None
    docs = rejected = size = 0
    progress = _Progress(sys.stderr)
    try:
        with out:
            for outcome in _outcomes(args.inputs, options, args.workers):
                size += outcome.size
                if outcome.output is not None:
                    out.write(outcome.output + "\n")
                    docs += 1
                else:
                    if rejects is None:
                        rejects = reject_file.open("w", encoding="utf-8")
                    rejects.write(f"{outcome.reject}\n")
                    rejected += 1
                progress.update(docs + rejected, size)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        if rejects is not None:
            rejects.close()
    progress.update(docs + rejected, size, final=True)
    summary = f"newsclean: {docs} documents cleaned into {output}"
    if rejected:
        summary += f"; {rejected} records rejected, see {reject_file}"
    print(summary, file=sys.stderr)
    return 1 if rejected else 0


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
