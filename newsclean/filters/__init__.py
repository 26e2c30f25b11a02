"""The filters: each a pure function `(Document, Config) -> Document`, named for what it
does, living in a module named for its concern.

>>> list(FILTERS)[:3]
['normalize_whitespace', 'fix_encoding', 'detect_page_language']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsclean.config import Config
from newsclean.document import Document
from newsclean.filters.article import drop_outside_article, drop_outside_articles
from newsclean.filters.boilerplate import remove_boilerplate
from newsclean.filters.captions import extract_captions
from newsclean.filters.encoding import fix_encoding
from newsclean.filters.language import detect_page_language
from newsclean.filters.metadata import extract_byline, extract_dateline, extract_title
from newsclean.filters.repeats import remove_repeated_lines
from newsclean.filters.teasers import remove_teaser_lists
from newsclean.filters.whitespace import normalize_whitespace, tidy_blank_lines

Filter = Callable[[Document, Config], Document]
BatchFilter = Callable[[Sequence[Document], Config], list[Document]]

FILTERS: dict[str, Filter] = {
    f.__name__: f
    for f in (
        normalize_whitespace,
        fix_encoding,
        detect_page_language,
        extract_title,
        extract_dateline,
        extract_byline,
        extract_captions,
        remove_boilerplate,
        remove_teaser_lists,
        remove_repeated_lines,
        drop_outside_article,
        tidy_blank_lines,
    )
}
"""Every filter by name, in the default chain's order."""

BATCH_FORMS: dict[Filter, BatchFilter] = {drop_outside_article: drop_outside_articles}
"""Filters that also take a batch of documents at once (the same documents out as one by
one, for less work), used by `Chain.batch`.

>>> [f.__name__ for f in BATCH_FORMS]
['drop_outside_article']
"""

__all__ = [
    "BATCH_FORMS",
    "FILTERS",
    "BatchFilter",
    "Filter",
    "detect_page_language",
    "drop_outside_article",
    "extract_byline",
    "extract_captions",
    "extract_dateline",
    "extract_title",
    "fix_encoding",
    "normalize_whitespace",
    "remove_boilerplate",
    "remove_repeated_lines",
    "remove_teaser_lists",
    "tidy_blank_lines",
]
