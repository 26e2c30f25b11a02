"""Setting `Document.lang`, which decides the cue lists the later filters use.

>>> from newsclean.document import Document
>>> detect_page_language(Document.from_text("Le conseil a décidé que la route sera fermée.")).lang
'fr'
"""

from __future__ import annotations

import re

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.metadata import HEADER_REST
from newsclean.language import detect_language, sample_window
from newsclean.resources import check_language


def detect_page_language(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Set `lang` from `config.lang`, else from the text; a language given with the
    document is kept.

    Example:

    >>> from newsclean.document import Document
    >>> detect_page_language(Document.from_text("Rain fell."), Config(lang="fr")).lang
    'fr'
    >>> given = Document.from_text("Le conseil a décidé que la route sera fermée.", lang="es")
    >>> detect_page_language(given).lang
    'es'
    """
    if doc.lang is not None:
        return doc
    lang = check_language(config.lang) if config.lang else detect_language(_body_sample(doc.text))
    return doc if lang is None else attrs.evolve(doc, lang=lang)


def _body_sample(text: str) -> str:
    """What the language is read from: the text without its page header lines (` date
    YYYY-MM-DD title`, written `date`, `Date` or `DATE`), which `extract_title` drops, so
    that clean text read again gets the language its page got. Of a long page, only the
    characters detection reads are cut out. Found by `str.find` in the text itself: a
    copy of the page, or its lower-cased form made here, would raise a 20 MB page's
    peak memory.

    >>> _body_sample("date 2024-03-05 Le conseil vote le budget\\nRain fell.")
    'Rain fell.'
    """
    headers = _header_spans(text)
    if not headers:
        return text
    # The runs of lines between the headers, as offsets in the text, joined by newlines.
    runs, after = [], 0
    for start, end in headers:
        if start > after:
            runs.append((after, start - 1))
        after = end + 1
    if after <= len(text):
        runs.append((after, len(text)))
    want_start, want_end = sample_window(sum(end - start for start, end in runs) + max(len(runs) - 1, 0))
    pieces, at = [], 0  # `at`: where the run starts in the text without the headers
    for k, (start, end) in enumerate(runs):
        if k:
            if want_start <= at < want_end:
                pieces.append("\n")
            at += 1
        low, high = max(want_start, at), min(want_end, at + end - start)
        if low < high:
            pieces.append(text[start + low - at : start + high - at])
        at += end - start
        if at >= want_end:
            break
    return "".join(pieces)


# A page header line, as `extract_title` takes it, in the casings page dumps use.
_HEADER_LEADERS = ("date ", "Date ", "DATE ")
_HEADER_LINE = re.compile(rf"(?:date|Date|DATE) {HEADER_REST}(?=\n|\Z)")


def _header_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each header line (its newline excluded), in order."""
    spans = []
    for leader in _HEADER_LEADERS:
        starts = [0] if text.startswith(leader) else []
        at = text.find("\n" + leader)
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n" + leader, at + 1)
        for start in starts:
            match = _HEADER_LINE.match(text, start)
            if match is not None:
                spans.append((start, match.end()))
    return sorted(spans)
