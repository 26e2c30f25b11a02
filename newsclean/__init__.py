"""newsclean: scraped news pages, as plain text, turned into clean article text.

>>> import newsclean
>>> doc = newsclean.clean("Storm closes coast road\\nListen to this article\\nThe road closed at dawn.")
>>> doc.title, doc.text
('Storm closes coast road', 'The road closed at dawn.')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from newsclean.chain import Chain, UnknownFilterError, default_chain
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Caption, Document, Edit
from newsclean.reasons import Flag, Reason

__version__ = "0.1.0"


@functools.cache
def _chain_for(config: Config) -> Chain:
    return default_chain(config)


def clean(text: str, *, config: Config | None = None, **meta: str | None) -> Document:
    """Clean one page with the default chain; `meta` as in `Document.from_text`.

    Example:

    >>> page = "Ferries resume\\nShare this article\\nFerries to the island ran again on Tuesday."
    >>> doc = clean(page, id="f1")
    >>> doc.id, doc.title, doc.text
    ('f1', 'Ferries resume', 'Ferries to the island ran again on Tuesday.')
    """
    return _chain_for(config or DEFAULT_CONFIG)(Document.from_text(text, **meta))


def clean_all(texts: Iterable[str], *, config: Config | None = None) -> list[Document]:
    """Clean many pages with the default chain: the same documents as `clean` on each, for
    less work (`Chain.batch`: the article model reads the pages together).

    Example:

    >>> pages = ["Ferries resume\\nShare this article\\nFerries to the island ran again on Tuesday.",
    ...          "Storm closes road\\nListen to this article\\nThe coast road closed at dawn."]
    >>> [doc.text for doc in clean_all(pages)] == [clean(page).text for page in pages]
    True
    """
    texts = _many_texts(texts, "clean_all")
    return _chain_for(config or DEFAULT_CONFIG).batch(Document.from_text(text) for text in texts)


def clean_stream(texts: Iterable[str], *, config: Config | None = None) -> Iterator[Document]:
    """Clean pages as they come: the documents of `clean_all`, in order, yielded a batch
    at a time (`Chain.stream`), so that a corpus of any size, or a generator that never
    ends, is cleaned in bounded memory. For a loop over a large corpus.

    Example:

    >>> pages = (f"Ferries resume\\nShare this article\\nFerry {n} ran on Tuesday." for n in range(1000))
    >>> cleaned = clean_stream(pages)
    >>> next(cleaned).text, next(cleaned).text
    ('Ferry 0 ran on Tuesday.', 'Ferry 1 ran on Tuesday.')
    """
    texts = _many_texts(texts, "clean_stream")
    return _chain_for(config or DEFAULT_CONFIG).stream(Document.from_text(text) for text in texts)


def _many_texts(texts: Iterable[str], name: str) -> Iterable[str]:
    """`texts`, unless it is one text, which would be cleaned a character at a time.

    >>> _many_texts("Ferries resume", "clean_all")
    Traceback (most recent call last):
    TypeError: clean_all takes an iterable of page texts, not one text; for one page use newsclean.clean
    """
    if isinstance(texts, str):
        raise TypeError(
            f"{name} takes an iterable of page texts, not one text; for one page use newsclean.clean"
        )
    return texts


__all__ = [
    "Caption",
    "Chain",
    "Config",
    "Document",
    "Edit",
    "Flag",
    "Reason",
    "UnknownFilterError",
    "clean",
    "clean_all",
    "clean_stream",
    "default_chain",
]
