"""Command line: `newsclean clean`, `newsclean explain`, `newsclean report`.

Run `newsclean --help` or `newsclean clean --help` for the options.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from newsclean import __version__
from newsclean.allocator import keep_big_blocks_on_heap
from newsclean.chain import Chain, default_chain
from newsclean.chain_options import add_chain_options, chain_config
from newsclean.document import Document
from newsclean.explain import render_explanation
from newsclean.filters.profiles import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE, with_site_profiles
from newsclean.jsonl import STDIN, input_problem
from newsclean.piped import is_stdout
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
    """What `newsclean clean` does to each record (sent to worker processes).

    Example:

    >>> options = CleanOptions(lang="en", skip=("drop_outside_article",))
    >>> options.text_field, options.lang
    ('text', 'en')
    >>> hash(options) == hash(CleanOptions(lang="en", skip=("drop_outside_article",)))
    True
    """

    text_field: str = "text"
    explain: bool = False
    lang: str | None = None
    article_threshold: float | None = None
    join_hard_wraps: bool = True
    skip: tuple[str, ...] = ()
    profiles: str | None = None  # a site profile file, loaded once per worker process
    profile_share: float = DEFAULT_MIN_SHARE
    profile_min_pages: int = DEFAULT_MIN_PAGES

    def chain(self) -> Chain:
        """The default chain with these options' language and skipped filters, plus the
        site profile filter when `profiles` names a profile file.

        Example:

        >>> chain = CleanOptions(lang="de", skip=("extract_captions",)).chain()
        >>> chain.config.lang, "extract_captions" in chain.names, "drop_site_boilerplate" in chain.names
        ('de', False, False)
        """
        chain = default_chain(chain_config(self), skip=self.skip)
        if self.profiles is None:
            return chain
        return with_site_profiles(
            chain, load_profiles_cached(self.profiles),
            min_share=self.profile_share, min_pages=self.profile_min_pages,
        )


def run_clean(args: argparse.Namespace) -> int:
    """`newsclean clean`: check the arguments, run, print the summary to stderr; the exit status.

    Example:

    >>> import json, os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> source, target = os.path.join(folder, "in.jsonl"), os.path.join(folder, "out.jsonl")
    >>> with open(source, "w", encoding="utf-8") as fh:
    ...     _ = fh.write('{"text": "Ferries resume\\\\nShare this article\\\\nFerries ran again."}\\n')
    >>> run_clean(build_parser().parse_args(["clean", source, "-o", target]))
    0
    >>> json.loads(open(target, encoding="utf-8").read())["text"]
    'Ferries ran again.'
    """
    output = Path(args.output)
    options = CleanOptions(
        text_field=args.text_field, explain=args.explain, lang=args.lang,
        article_threshold=args.article_threshold, join_hard_wraps=args.join_hard_wraps,
        skip=tuple(args.skip),
        profiles=args.profiles, profile_share=args.profile_share,
        profile_min_pages=args.profile_min_pages,
    )
    options.chain()  # fail early on a bad language or filter name
    problem = input_problem(args.inputs) or _resume_problem(args)
    if problem:
        print(f"newsclean: {problem}", file=sys.stderr)
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
        rejects=None if args.rejects is None else Path(args.rejects),
    )
    keep_big_blocks_on_heap()  # a big page's strings reuse freed memory (newsclean.allocator)
    summary = run(options, settings)
    if summary.output_closed:
        _silence_stdout()
    else:
        print(describe(summary, settings), file=sys.stderr)
    return exit_status(summary)


def _resume_problem(args: argparse.Namespace) -> str | None:
    """Why `newsclean clean --resume` cannot be used with these inputs and output, or `None`.

    >>> args = build_parser().parse_args(["clean", "-", "-o", "-", "--resume"])
    >>> _resume_problem(args)
    '--resume needs input and output files: a pipe cannot be read or written again'
    """
    if args.resume and (STDIN in args.inputs or is_stdout(Path(args.output))):
        return "--resume needs input and output files: a pipe cannot be read or written again"
    return None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush
    does not fail on the closed pipe again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def run_explain(args: argparse.Namespace) -> int:
    """`newsclean explain`: print what the chain keeps and removes on one page file.

    Example:

    >>> import os, tempfile
    >>> page = os.path.join(tempfile.mkdtemp(), "page.txt")
    >>> with open(page, "w", encoding="utf-8") as fh:
    ...     _ = fh.write("Ferries resume\\nShare this article\\nFerries ran again on Tuesday.")
    >>> run_explain(build_parser().parse_args(["explain", page, "--lang", "en"]))
        1 - Ferries resume  [extract_title: title]
        2 - Share this article  [remove_boilerplate: share]
        3 + Ferries ran again on Tuesday.
    <BLANKLINE>
    title: Ferries resume
    published: None
    byline: None
    lang: en
    0
    """
    if args.page == STDIN:
        text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        text = Path(args.page).read_text(encoding="utf-8", errors="replace")
    chain = default_chain(chain_config(args), skip=tuple(args.skip))
    sys.stdout.write(render_explanation(chain(Document.from_text(text))))
    return 0


def run_profile(args: argparse.Namespace) -> int:
    """`newsclean profile`: build and save the site profiles of the input files; the exit status.

    Example:

    >>> import os, tempfile
    >>> from newsclean.profiles import load_profiles
    >>> folder = tempfile.mkdtemp()
    >>> source, target = os.path.join(folder, "pages.jsonl"), os.path.join(folder, "profiles.json")
    >>> with open(source, "w", encoding="utf-8") as fh:
    ...     _ = fh.write('{"url": "https://news.example/a", "text": "Home\\\\nFerries ran."}\\n' * 2)
    >>> run_profile(build_parser().parse_args(["profile", source, "-o", target]))
    0
    >>> load_profiles(target).sites["news.example"].lines
    {'ferries ran.': 2, 'home': 2}
    """
    problem = input_problem(args.inputs)
    if problem:
        print(f"newsclean: {problem}", file=sys.stderr)
        return 2
    return profile_files(args.inputs, args.output, cap=args.cap, min_pages=args.min_pages,
                         text_field=args.text_field)


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity where the system tells it,
    else every core), at least 1.

    >>> usable_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(value: str) -> int:
    """`--workers`: a number, or `auto` for one worker per usable core (`usable_cores`).

    >>> worker_count("3"), worker_count("auto") == usable_cores()
    (3, True)
    """
    if value.strip().lower() == "auto":
        return usable_cores()
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or 'auto', got {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The `newsclean` argument parser, with its `clean`, `profile`, `explain` and `report` commands.

    Example:

    >>> args = build_parser().parse_args(["clean", "in.jsonl", "-o", "out.jsonl", "--workers", "4",
    ...                                   "--skip", "extract_captions"])
    >>> args.workers, args.skip, args.run.__name__
    (4, ['extract_captions'], 'run_clean')
    """
    parser = argparse.ArgumentParser(prog="newsclean", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="clean the text field of JSONL records")
    clean.add_argument("inputs", nargs="+", metavar="IN.jsonl",
                       help="JSONL files, plain or gzip; - for standard input")
    clean.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                       help="the output file; a name ending in .gz is written as gzip; "
                       "- for standard output")
    clean.add_argument("--rejects", metavar="REJECTS.jsonl",
                       help="where rejected records go (default: OUT.rejects.jsonl next to "
                       "the output; with -o -, standard error)")
    clean.add_argument("--text-field", default="text", help="field holding the page text")
    clean.add_argument("--explain", action="store_true", help="add the edit log to each record")
    clean.add_argument("--workers", type=worker_count, default=1, metavar="N",
                       help="worker processes, or 'auto' for one per usable CPU core (default 1)")
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
    add_chain_options(clean)
    clean.set_defaults(run=run_clean)

    profile = commands.add_parser(
        "profile", help="count each site's repeated lines into a profile file")
    profile.add_argument(
        "inputs", nargs="+", metavar="IN.jsonl",
        help="JSONL files with url (or site); - for standard input")
    profile.add_argument("-o", "--output", required=True, metavar="PROFILES.json")
    profile.add_argument("--text-field", default="text", help="field holding the page text")
    profile.add_argument("--cap", type=int, default=DEFAULT_CAP,
                         help="distinct lines kept per site before sampling "
                         f"(default {DEFAULT_CAP})")
    profile.add_argument("--min-pages", type=int, default=2,
                         help="save lines seen on at least this many pages (default 2)")
    profile.set_defaults(run=run_profile)

    explain = commands.add_parser("explain", help="show what the chain keeps and removes on a page")
    explain.add_argument("page", metavar="PAGE.txt", help="a page as plain text; - for standard input")
    add_chain_options(explain)
    explain.set_defaults(run=run_explain)

    report = commands.add_parser("report", help="write an HTML audit report of what was removed")
    report.add_argument("inputs", nargs="+", metavar="IN.jsonl",
                        help="raw or --explain output; - for standard input")
    report.add_argument("-o", "--output", required=True, metavar="REPORT.html")
    report.add_argument("--text-field", default="text", help="field holding the page text")
    report.add_argument(
        "--max-docs", type=int, default=DEFAULT_MAX_DOCUMENTS, metavar="N",
        help=f"documents shown in full; above, a sample (default {DEFAULT_MAX_DOCUMENTS})",
    )
    add_chain_options(report)
    report.set_defaults(run=run_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The `newsclean` command: parse `argv` (default: `sys.argv[1:]`), run the command
    and return its exit status (2 when an input file or an option value cannot be used).

    Example:

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> main(["clean", os.path.join(folder, "missing.jsonl"), "-o", os.path.join(folder, "out.jsonl")])
    2
    >>> os.listdir(folder)
    []
    """
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (ValueError, KeyError, OSError) as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
