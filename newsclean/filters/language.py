"""Setting `Document.lang`, which decides the cue lists the later filters use.

>>> from newsclean.document import Document
>>> detect_page_language(Document.from_text("Le conseil a décidé que la route sera fermée.")).lang
'fr'
"""

from __future__ import annotations

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.metadata import HEADER_LEADER, HEADER_LINE
from newsclean.language import detect_language
from newsclean.lines import lowered_line_matches
from newsclean.resources import check_language
from newsclean.views import known_line_starts, text_lines


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
    lang = check_language(config.lang) if config.lang else detect_language(_body(doc.text))
    return doc if lang is None else attrs.evolve(doc, lang=lang)


def _body(text: str) -> str:
    """The text without its page header lines (` date YYYY-MM-DD title`), which
    `extract_title` drops: the language is read from what cleaning leaves, so that clean
    text read again gets the language its page got.

    >>> _body("date 2024-03-05 Le conseil vote le budget\\nRain fell.")
    'Rain fell.'
    """
    headers = [i for i, _ in lowered_line_matches(HEADER_LINE, text, HEADER_LEADER)]
    if not headers:
        return text
    starts = known_line_starts(text)  # known: the scan has just framed the text
    if starts is None:  # lower-casing moved offsets: the lines one by one
        skipped = set(headers)
        return "\n".join(line for i, line in enumerate(text_lines(text)) if i not in skipped)
    # The runs of lines between the headers, each cut from the text in one piece.
    runs, first = [], 0
    for i in [*headers, len(starts) - 1]:
        if i > first:
            runs.append(text[starts[first] : starts[i] - 1])
        first = i + 1
    return "\n".join(runs)
