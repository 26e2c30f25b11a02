"""The chain options that `newsclean clean`, `explain` and `report` share, and the
`Config` they give.

>>> from argparse import ArgumentParser
>>> parser = ArgumentParser()
>>> add_chain_options(parser)
>>> chain_config(parser.parse_args(["--lang", "de", "--keep-hard-wraps"]))
Config(lang='de', ..., join_hard_wraps=False)
"""

from __future__ import annotations

import argparse
from typing import Protocol

from newsclean.config import Config
from newsclean.filters import FILTERS


class ChainOptions(Protocol):
    """What `chain_config` reads: the parsed command line, or the options a run hands to
    its workers (`newsclean.cli.CleanOptions`)."""

    @property
    def lang(self) -> str | None: ...

    @property
    def article_threshold(self) -> float | None: ...

    @property
    def join_hard_wraps(self) -> bool: ...


def chain_config(options: ChainOptions) -> Config:
    """The `Config` of the chain options (`--lang`, `--article-threshold`,
    `--keep-hard-wraps`).

    >>> parser = argparse.ArgumentParser()
    >>> add_chain_options(parser)
    >>> chain_config(parser.parse_args(["--article-threshold", "0.3"]))
    Config(lang=None, ..., article_threshold=0.3, ...)
    """
    return Config(
        lang=options.lang,
        article_threshold=options.article_threshold,
        join_hard_wraps=options.join_hard_wraps,
    )


def decision_threshold(value: str) -> float:
    """`--article-threshold`: a number between 0 and 1, both excluded, as
    `Config.article_threshold` checks it.

    >>> decision_threshold("0.3")
    0.3
    >>> decision_threshold("1")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a number between 0 and 1 (both excluded), got '1'
    """
    try:
        number = float(value)
        Config(article_threshold=number)  # its check of the range
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number between 0 and 1 (both excluded), got {value!r}"
        ) from None
    return number


def add_chain_options(parser: argparse.ArgumentParser) -> None:
    """Add `--lang`, `--article-threshold`, `--keep-hard-wraps` and `--skip` to `parser`."""
    parser.add_argument("--lang", default=None, help="force the page language (ISO 639-1)")
    parser.add_argument(
        "--article-threshold", type=decision_threshold, default=None, metavar="T",
        help="the article model's decision threshold, 0 to 1: lower keeps more (recall), higher keeps less "
        "(precision); default: the shipped model's",
    )
    parser.add_argument(
        "--keep-hard-wraps", dest="join_hard_wraps", action="store_false",
        help="leave a hard-wrapped dump's lines as they are (by default, a page whose paragraphs a text "
        "browser broke at about 80 columns has them joined again)",
    )
    parser.add_argument(
        "--skip", action="append", default=[], choices=sorted(FILTERS), metavar="FILTER",
        help="leave this filter out (repeatable)",
    )
