"""Exact repeats: a line that already stands earlier in the text goes.

>>> from newsclean.document import Document
>>> page = "The council met on Monday.\\nIt agreed a budget.\\nThe council met on Monday."
>>> remove_repeated_lines(Document.from_text(page)).text
'The council met on Monday.\\nIt agreed a budget.'
"""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.reasons import Reason


def remove_repeated_lines(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop later copies of lines of at least `config.drop_repeats_min_chars` characters."""
    lines = doc.text.split("\n")
    if len(set(lines)) == len(lines):
        return doc
    seen: set[str] = set()
    drops: dict[int, Reason] = {}
    for i, line in enumerate(lines):
        if len(line) < config.drop_repeats_min_chars:
            continue
        if line in seen:
            drops[i] = Reason.REPEATED_LINE
        else:
            seen.add(line)
    return drop_lines(doc, lines, drops, "remove_repeated_lines")
