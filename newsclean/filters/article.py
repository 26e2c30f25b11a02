"""The article model as a filter: drop the lines that lie outside the article.

See `newsclean.article_model` for how lines are scored. A page that would keep fewer
than `Config.article_min_words` words is left as it is and flagged `no_article_found`:
the model never empties a document silently.
"""

from __future__ import annotations

import bisect

import attrs
import numpy as np

from newsclean.article_model import keep_mask
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.reasons import Flag, Reason
from newsclean.text import word_count

# Pages with fewer non-blank lines than this are left to the rules alone.
MIN_LINES = 3


def headline_offset(doc: Document) -> int | None:
    """Offset in `doc.text` where the headline repeated in the page body stood (the
    first title line that was not the page's first line), or `None`."""
    edits = doc.edits
    for k, edit in enumerate(edits):
        if edit.reason is not Reason.TITLE or edit.start == 0:
            continue
        position = edit.start
        for later in edits[k + 1 :]:
            if position > later.start:
                if position >= later.start + len(later.removed):
                    position += len(later.inserted) - len(later.removed)
                else:
                    position = later.start
        return position
    return None


def headline_index(doc: Document, indices: list[int]) -> int | None:
    """Position, among the non-blank lines at `indices`, of the first line after the
    headline repeated in the body, or `None`."""
    offset = headline_offset(doc)
    if offset is None:
        return None
    return bisect.bisect_left(indices, doc.text.count("\n", 0, offset))


def drop_outside_article(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop the lines the article model places outside the article."""
    if not config.select_article:
        return doc
    lines = doc.text.split("\n")
    indices = [i for i, line in enumerate(lines) if line]
    if len(indices) < MIN_LINES:
        return doc
    content = [lines[i] for i in indices]
    keep = keep_mask(content, doc.lang, headline_index(doc, indices))
    if word_count(" ".join([content[k] for k in np.flatnonzero(keep)])) < config.article_min_words:
        return attrs.evolve(doc, flags=doc.flags | {Flag.NO_ARTICLE_FOUND})
    drops = {indices[k]: Reason.OUTSIDE_ARTICLE for k in np.flatnonzero(~keep)}
    return drop_lines(doc, lines, drops, "drop_outside_article")
