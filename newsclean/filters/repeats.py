"""Exact repeats: a line that stands more than once keeps one copy, the one inside the
most text (a headline repeated in a menu or a teaser box keeps its copy in the article).

>>> from newsclean.document import Document
>>> page = ("Council sets budget\\nWeather\\nThe council met on Monday and agreed a budget for the year.\\n"
...         "Council sets budget\\nIt will spend more on roads and less on parking.")
>>> remove_repeated_lines(Document.from_text(page)).text.split("\\n")[0]
'Weather'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import compress, count

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.reasons import Reason
from newsclean.views import text_lines

# How many non-blank neighbours on each side measure the text around a copy, looked for
# among at most CONTEXT_REACH lines (so a page of one line repeated stays linear).
CONTEXT_LINES = 2
CONTEXT_REACH = 8


def _context_size(lines: Sequence[str], index: int) -> int:
    """Characters in the nearest non-blank lines before and after `index` (other copies
    of the same line do not count)."""
    size = 0
    for step in (-1, 1):
        seen = 0
        j = index + step
        stop = index + step * (CONTEXT_REACH + 1)
        while 0 <= j < len(lines) and j != stop and seen < CONTEXT_LINES:
            if lines[j] and lines[j] != lines[index]:
                size += len(lines[j])
                seen += 1
            j += step
    return size


def remove_repeated_lines(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Keep one copy of each line of at least `config.drop_repeats_min_chars` characters
    that stands more than once: the copy with the most text around it (the first on a tie).

    Example:

    >>> from newsclean.config import Config
    >>> from newsclean.document import Document
    >>> page = Document.from_text("Q:\\nWhen do ferries run?\\nQ:\\nWhere do they leave from?")
    >>> remove_repeated_lines(page).text
    'Q:\\nWhen do ferries run?\\nWhere do they leave from?'
    >>> remove_repeated_lines(page, Config(drop_repeats_min_chars=3)) is page
    True
    """
    lines = text_lines(doc.text)
    distinct = set(lines)  # cheaper than the Counter below, on the many pages without repeats
    if len(distinct) + lines.count("") - ("" in distinct) == len(lines):
        return doc
    shortest = config.drop_repeats_min_chars
    repeated = {
        line for line, seen in Counter(lines).items() if seen > 1 and line and len(line) >= shortest
    }
    copies: dict[str, list[int]] = defaultdict(list)
    for i in compress(count(), map(repeated.__contains__, lines)):  # C-level: only the repeats
        copies[lines[i]].append(i)
    drops: dict[int, Reason] = {}
    for where in copies.values():
        keep = max(where, key=lambda i: (_context_size(lines, i), -i))
        drops.update((i, Reason.REPEATED_LINE) for i in where if i != keep)
    return drop_lines(doc, lines, drops, "remove_repeated_lines")
