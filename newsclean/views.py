"""The lower-cased page, computed once and carried from filter to filter.

Several filters scan the lower-cased page with case-sensitive patterns, which the `re`
engine runs several times faster than case-insensitive ones; lower-casing a page costs
about as much as one such scan. `lowered(text)` remembers the last page it lowered (and
`framed_lowered` the same framed by newlines, with its line offsets), and `drop_lines`
hands the next filter the lower-cased form of the text it leaves, built from the lines it
keeps. The cache holds one page, matched by identity, and is safe across threads (the
entry is replaced as a whole, never changed in place).

>>> page = "Most Read\\nThe Council met."
>>> lowered(page)
'most read\\nthe council met.'
>>> lowered(page) is lowered(page)
True
>>> framed_lowered(page)[1]
[0, 10, 27]
"""

from __future__ import annotations

import attrs

from newsclean.text import line_starts


@attrs.frozen
class _Views:
    text: str
    low: str
    framed: str | None = None
    starts: list[int] | None = None


_last = _Views("", "")


def lowered(text: str) -> str:
    """`text.lower()`, reused when the same text object was lowered last.

    Example:

    >>> page = "Most Read\\nThe Council met."
    >>> low = lowered(page)
    >>> low, lowered(page) is low
    ('most read\\nthe council met.', True)
    """
    entry = _last
    if entry.text is text:
        return entry.low
    low = text.lower()
    remember_lowered(text, low)
    return low


def framed_lowered(text: str) -> tuple[str, list[int]]:
    """`"\\n" + text.lower() + "\\n"` and the offsets of the lower-cased lines (as
    `newsclean.text.line_starts` gives them), reused like `lowered`.

    Example:

    >>> framed, starts = framed_lowered("Home\\nThe Council met.")
    >>> framed, starts
    ('\\nhome\\nthe council met.\\n', [0, 5, 22])
    """
    global _last
    entry = _last
    if entry.text is not text:
        lowered(text)
        entry = _last
    if entry.framed is None or entry.starts is None:
        starts = line_starts(entry.low.split("\n"))
        entry = _Views(text, entry.low, "\n" + entry.low + "\n", starts)
        _last = entry
    assert entry.framed is not None and entry.starts is not None
    return entry.framed, entry.starts


def remember_lowered(text: str, low: str) -> None:
    """Record that `low` is `text.lower()` (for the next filter that asks).

    Example:

    >>> page = "Storm Closes Road"
    >>> remember_lowered(page, "storm closes road")
    >>> known_lowered(page)
    'storm closes road'
    """
    global _last
    _last = _Views(text, low)


def known_lowered(text: str) -> str | None:
    """The remembered lower-cased form of `text`, if it is the last one.

    Example:

    >>> page = "Ferries Resume"
    >>> known_lowered(page) is None
    True
    >>> lowered(page) == known_lowered(page) == "ferries resume"
    True
    """
    entry = _last
    return entry.low if entry.text is text else None
