"""Setting `Document.lang`, which decides the cue lists the later filters use.

>>> from newsclean.document import Document
>>> detect_page_language(Document.from_text("Le conseil a décidé que la route sera fermée.")).lang
'fr'
"""

from __future__ import annotations

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.language import detect_language
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
    lang = check_language(config.lang) if config.lang else detect_language(doc.text)
    return doc if lang is None else attrs.evolve(doc, lang=lang)
