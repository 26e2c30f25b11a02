"""Hard-wrapped dumps: paragraphs broken into lines of at most a fixed width, which
`normalize_whitespace` joins again.

Text browsers and HTML-to-text converters (lynx and w3m dump at about 80 columns,
html2text at 78) break every paragraph into lines that end before a word that would not
fit. Read line by line, such a page is all short lines, as a menu is, and the article
model drops most of it. A page is taken for hard-wrapped when its longest line is at
most `MAX_WRAP_WIDTH` characters and many of its lines, of several lengths, end close to
that width before a word that would not have fit after them, enough of them followed by
a line that goes on in lower case, mid-sentence: those breaks are the wrapper's, not the
writer's.

>>> lines = ["Ferries resume", "",
...     "The ferries to the island ran again on Tuesday after a week of storms kept",
...     "them in port, and the first crossing left at seven."]
>>> forced_break(lines, 2, 75), forced_break(lines, 0, 75)
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.lines import Span
from newsclean.reasons import Reason
from newsclean.text import line_starts

# A wrap width lies between these (characters); a page whose longest line is longer is
# not hard-wrapped (one long line of a word alone, a link, rules that out too).
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 200
# A wrapped line ends within WRAP_BAND characters of the width. A page is hard-wrapped
# when at least MIN_WRAPPED_LINES lines end there, with at least MIN_WRAP_LENGTHS
# different lengths (a page of one sentence repeated is not wrapped), and when at least
# LOWER_SHARE of the breaks after them, and MIN_LOWER_BREAKS at least, go on in lower
# case, mid-sentence (a writer's line starts a sentence, a heading or a menu item; a
# script without case is left as it is).
WRAP_BAND = 12
MIN_WRAPPED_LINES = 6
MIN_WRAP_LENGTHS = 3
LOWER_SHARE = 0.2
MIN_LOWER_BREAKS = 4


def forced_break(lines: Sequence[str], at: int, width: int) -> bool:
    """Whether line `at` ends only because the next line's first word would not fit within
    `width` characters after it (both lines not blank)."""
    if at + 1 >= len(lines):
        return False
    line, after = lines[at], lines[at + 1]
    if not line or not after:
        return False
    return len(line) + 1 + len(after.split(" ", 1)[0]) > width


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width the page's lines were wrapped at, or `None` when they were not.

    >>> paragraph = ("The council met on Monday and agreed to spend four million pounds on "
    ...     "repairs to the harbour wall, which storms damaged twice last winter. ") * 6
    >>> import textwrap
    >>> wrap_width(textwrap.wrap(paragraph, 78)), wrap_width(paragraph.split(". "))
    (78, None)
    """
    width = max(map(len, lines), default=0)  # C-level: settles nearly every page
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    near = [at for at, line in enumerate(lines) if len(line) >= width - WRAP_BAND]
    if len(near) < MIN_WRAPPED_LINES or len({len(lines[at]) for at in near}) < MIN_WRAP_LENGTHS:
        return None
    breaks = [at for at in near if forced_break(lines, at, width)]
    lower = sum(1 for at in breaks if lines[at + 1][:1].islower())
    return width if lower >= max(MIN_LOWER_BREAKS, LOWER_SHARE * len(breaks)) else None


def hard_wrap_spans(lines: Sequence[str]) -> list[Span]:
    """The wrapper's line breaks in the text of `lines`, each to become a space (reason
    `hard_wrap`); none when the page is not hard-wrapped (`wrap_width`).

    >>> import textwrap
    >>> paragraph = ("The council met on Monday and agreed to spend four million pounds on "
    ...     "repairs to the harbour wall, which storms damaged twice last winter. ") * 6
    >>> lines = textwrap.wrap(paragraph, 78)
    >>> text = "\\n".join(lines)
    >>> spans = hard_wrap_spans(lines)
    >>> len(spans) == len(lines) - 1, {text[a:b] for a, b, _, _ in spans}
    (True, {'\\n'})
    """
    width = wrap_width(lines)
    if width is None:
        return []
    starts = line_starts(lines)
    return [
        (starts[at + 1] - 1, starts[at + 1], " ", Reason.HARD_WRAP)
        for at in range(len(lines) - 1)
        if forced_break(lines, at, width)
    ]
