"""Setting `Document.lang`, which decides the cue lists the later filters use.

>>> from newsclean.document import Document
>>> detect_page_language(Document.from_text("Le conseil a décidé que la route sera fermée.")).lang
'fr'
"""

from __future__ import annotations

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.metadata import HEADER_LINE
from newsclean.language import detect_language
from newsclean.lines import lowered_line_matches
from newsclean.resources import check_language
from newsclean.views import text_lines


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
    headers = {i for i, _ in lowered_line_matches(HEADER_LINE, text)}
    if not headers:
        return text
    return "\n".join(line for i, line in enumerate(text_lines(text)) if i not in headers)
