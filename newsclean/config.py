"""`Config`: every threshold and switch of the default chain, in one frozen object.

>>> Config().min_kept_share
0.1
>>> Config(min_kept_share=0.2).min_kept_share
0.2
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from newsclean.cpu_guard import DEFAULT_CHAIN_TIMEOUT
from newsclean.guard import DEFAULT_PATTERN_TIMEOUT


def _share(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, not {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value!r}")


def _seconds(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a positive number of seconds, not {value!r}")


def _seconds_or_none(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not (value > 0 and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a positive number of seconds or None, not {value!r}")


def _threshold_or_none(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 < value < 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1 (both excluded) or None, not {value!r}")


@attrs.frozen
class Config:
    """Thresholds and switches of the filters.

    Attributes:
        lang: ISO 639-1 code that forces the page language; `None` detects it from the
            text (see `newsclean.language.detect_language`).
        min_kept_share: a document that keeps less than this share of its text
            (counted in characters other than spaces, the same in every script) is
            flagged `mostly_removed` (nothing is put back; the flag tells you to look).
        max_headline_words: a line with more words than this is never taken for a
            headline in a teaser list or for a title.
        max_byline_words: the most words a byline may have after its `By`.
        max_dateline_chars: the longest line that can be a dateline.
        teaser_stop_run: a teaser list ends at this many consecutive prose lines.
        select_article: run the article model that drops lines outside the article.
        article_min_words: article selection is skipped (and the document flagged
            `no_article_found`) when the selected stretch has fewer words than this.
        article_threshold: the article model's decision threshold, for every reading
            of a page; `None` keeps the shipped model's own (see `docs/configuration.md`
            for what each value gives on the benchmark). Lower keeps more of the page
            (recall: fewer article lines lost, more furniture kept), higher keeps less
            (precision).
        drop_repeats_min_chars: exact repeats of a kept line are dropped only when the
            line has at least this many characters. The default, 1, drops every repeat,
            which keeps cleaning idempotent (a repeated first line would otherwise read
            as a title on a second pass); raise it to keep short repeats such as "Q:".
        pattern_timeout: the time guard of the few patterns that could backtrack (see
            `newsclean.guard`): seconds one call may run, per million characters of the
            text it searches, at least this many. A call that runs over stops the chain
            for that document, which is flagged `guard_hit` and passed on as it was before
            that filter. Linear patterns run on `re`, under `chain_timeout`.
        chain_timeout: the CPU-time guard of the whole chain (see `newsclean.cpu_guard`):
            seconds of CPU the chain may take on one document, per million characters
            of its text, at least this many; it stops any runaway match, `re` ones
            included. A document that runs over is flagged `guard_hit` and passed on as
            it was before the filter that was running. Armed in the main thread only;
            `None` turns it off.
        join_hard_wraps: `normalize_whitespace` joins the lines of a hard-wrapped dump
            (a text browser's, every paragraph broken at about 80 columns) into their
            paragraphs again (see `newsclean.wrapping`); `False` leaves every line as
            it is.

    Example:

    >>> Config(lang="de", select_article=False).select_article
    False
    >>> Config(min_kept_share=1.5)
    Traceback (most recent call last):
    ValueError: min_kept_share must be between 0 and 1, not 1.5
    """

    lang: str | None = None
    min_kept_share: float = attrs.field(default=0.1, validator=_share)
    max_headline_words: int = attrs.field(default=40, validator=_positive)
    max_byline_words: int = attrs.field(default=6, validator=_positive)
    max_dateline_chars: int = attrs.field(default=90, validator=_positive)
    teaser_stop_run: int = attrs.field(default=2, validator=_positive)
    select_article: bool = True
    article_min_words: int = attrs.field(default=10, validator=_positive)
    article_threshold: float | None = attrs.field(default=None, validator=_threshold_or_none)
    drop_repeats_min_chars: int = attrs.field(default=1, validator=_positive)
    pattern_timeout: float = attrs.field(default=DEFAULT_PATTERN_TIMEOUT, validator=_seconds)
    chain_timeout: float | None = attrs.field(default=DEFAULT_CHAIN_TIMEOUT, validator=_seconds_or_none)
    join_hard_wraps: bool = True


DEFAULT_CONFIG = Config()
