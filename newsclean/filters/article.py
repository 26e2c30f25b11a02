"""The article model as a filter: drop the lines that lie outside the article.

See `newsclean.article_model` for how lines are scored, and `newsclean.trailing_lists`
for the lists kept with the article the model chose. A page that would keep fewer
than `Config.article_min_words` words is left as it is and flagged `no_article_found`:
the model never empties a document silently.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import numpy as np
import numpy.typing as npt

from newsclean.article_model import ArticleModel, keep_mask, line_basics
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.metadata import headline_offset
from newsclean.lines import drop_lines
from newsclean.reasons import Flag, Reason
from newsclean.text import word_count
from newsclean.trailing_lists import trailing_list
from newsclean.views import text_lines

# Pages with fewer non-blank lines than this are left to the rules alone.
MIN_LINES = 3
# The most times the model is run on what it kept (see `settle`).
MAX_ROUNDS = 6


def headline_index(doc: Document, indices: list[int]) -> int | None:
    """Position, among the non-blank lines at `indices`, of the first line after the
    headline repeated in the body, or `None`.

    Example:

    >>> from newsclean.filters.metadata import extract_title
    >>> page = "Ferries resume - Harbour News\\nHome\\nFerries resume\\nFerries ran again on Tuesday."
    >>> doc = extract_title(Document.from_text(page))
    >>> headline_index(doc, [0, 1]), headline_index(Document.from_text("No title here"), [0])
    (1, None)
    """
    offset = headline_offset(doc)
    if offset is None:
        return None
    return bisect.bisect_left(indices, doc.text.count("\n", 0, offset))


def repeated_flags(doc: Document, lines: list[str]) -> npt.NDArray[np.float64]:
    """1.0 for each of `lines` that stood more than once in the page (its other copies
    were dropped as repeats: teaser headlines recur in menus and boxes, article
    paragraphs rarely do), else 0.0.

    Example:

    >>> from newsclean.filters.repeats import remove_repeated_lines
    >>> page = "Council sets budget\\nFerries ran again on Tuesday.\\nMost read\\nCouncil sets budget"
    >>> doc = remove_repeated_lines(Document.from_text(page))
    >>> doc.text.split("\\n"), repeated_flags(doc, doc.text.split("\\n")).tolist()
    (['Council sets budget', 'Ferries ran again on Tuesday.', 'Most read'], [1.0, 0.0, 0.0])
    """
    removed = {
        line
        for edit in doc.edits
        if edit.reason is Reason.REPEATED_LINE
        for line in edit.removed.split("\n")
        if line
    }
    if not removed:
        return np.zeros(len(lines))
    return np.fromiter(map(removed.__contains__, lines), dtype=np.float64, count=len(lines))


def drop_outside_article(
    doc: Document, config: Config = DEFAULT_CONFIG, model: ArticleModel | None = None
) -> Document:
    """Drop the lines the article model places outside the article (`model`: another
    model than the shipped one, as the training script's folds use).

    Example:

    >>> lines = ["Home", "Sport", "Weather",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "A spokesman said the council would publish a list of the repairs to be done first.",
    ...     "Contact us", "Privacy policy"]
    >>> page = Document.from_text("\\n".join(lines), lang="en")
    >>> drop_outside_article(page).text == "\\n".join(lines[3:7])
    True
    >>> drop_outside_article(page, Config(select_article=False)) is page
    True
    """
    if not config.select_article:
        return doc
    lines = text_lines(doc.text)
    indices = [i for i, line in enumerate(lines) if line]
    if len(indices) < MIN_LINES:
        return doc
    headline_at = headline_index(doc, indices)
    repeated = repeated_flags(doc, [lines[i] for i in indices])
    kept = settle(lines, indices, doc.lang, headline_at, repeated, model)
    if (headline_at is not None or repeated.any()) and _too_short(lines, kept, config):
        # Read as clean text will be read again: no headline, no repeats.
        kept = settle(lines, indices, doc.lang, None, None, model)
    if _too_short(lines, kept, config):
        return attrs.evolve(doc, flags=doc.flags | {Flag.NO_ARTICLE_FOUND})
    listed = trailing_list(lines, indices, kept, doc.lang)
    if listed and not _list_stays(lines, kept, listed, doc.lang, model):
        listed = []
    kept_set = set(kept).union(listed)
    drops = {i: Reason.OUTSIDE_ARTICLE for i in indices if i not in kept_set}
    return drop_lines(doc, lines, drops, "drop_outside_article")


def _list_stays(
    lines: Sequence[str], kept: list[int], listed: list[int], lang: str | None, model: ArticleModel | None
) -> bool:
    """Whether the article with the list that ends it reads the same when cleaned again:
    the model, reading the two as clean text, keeps the whole article, and the list rule
    gives back the list lines it drops (else a second cleaning would cut the article or
    the list short: the list's lines change what the model makes of the article's end)."""
    both = kept + listed
    again = settle(lines, both, lang, None, None, model)
    if again == both:
        return True
    return set(kept) <= set(again) and sorted({*again, *trailing_list(lines, both, again, lang)}) == both


def _too_short(lines: Sequence[str], kept: list[int], config: Config) -> bool:
    """Whether the kept lines hold fewer than `article_min_words` words (counted line by
    line, stopping as soon as there are enough)."""
    missing = config.article_min_words
    for i in kept:
        missing -= word_count(lines[i])
        if missing <= 0:
            return False
    return True


def settle(
    lines: Sequence[str],
    indices: list[int],
    lang: str | None,
    headline_at: int | None,
    repeated: npt.NDArray[np.float64] | None = None,
    model: ArticleModel | None = None,
) -> list[int]:
    """The indices of the lines the model keeps, with the model run again on what it kept
    until it keeps everything it is shown (at most `MAX_ROUNDS` times): the article it
    returns is one the model would not cut further, so cleaning clean text again changes
    nothing. The headline and the repeats (`repeated_flags`) count in the first reading
    only: clean text read again has neither.

    Example:

    >>> lines = ["Home", "Sport", "Weather",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "A spokesman said the council would publish a list of the repairs to be done first.",
    ...     "Contact us", "Privacy policy"]
    >>> settle(lines, list(range(len(lines))), "en", None)
    [3, 4, 5, 6]
    """
    basics = line_basics([lines[i] for i in indices], lang)
    positions = list(range(len(indices)))  # of the kept lines, among `indices`
    kept = indices
    for _ in range(MAX_ROUNDS):
        if len(kept) < MIN_LINES:
            break
        keep = keep_mask(
            [lines[i] for i in kept], lang, headline_at, model, basics.take(positions), repeated
        )
        # After the first reading the headline and the repeats are gone, as they are
        # from clean text read again: the article must stand as it is without them,
        # so a first reading that kept everything with their help is read once more
        # (a page with no headline and no repeated line was read plain already).
        plain = headline_at is None and (repeated is None or not repeated.any())
        headline_at = None
        repeated = None
        if keep.all():
            if plain:
                break
            continue
        flags = keep.tolist()
        kept = [i for i, k in zip(kept, flags, strict=True) if k]
        positions = [p for p, k in zip(positions, flags, strict=True) if k]
    return kept
