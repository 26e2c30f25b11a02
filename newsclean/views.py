"""The lower-cased page, computed once and carried from filter to filter.

Several filters scan the lower-cased page with case-sensitive patterns, which the `re`
engine runs several times faster than case-insensitive ones; lower-casing a page costs
about as much as one such scan. `lowered(text)` remembers the last page it lowered, and
`drop_lines` hands the next filter the lower-cased form of the text it leaves, built
from the lines it keeps. The cache holds one entry, matched by identity, and is safe
across threads (the entry is replaced as a whole).

>>> page = "Most Read\\nThe Council met."
>>> lowered(page)
'most read\\nthe council met.'
>>> lowered(page) is lowered(page)
True
"""

from __future__ import annotations

_last: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """`text.lower()`, reused when the same text object was lowered last."""
    entry = _last
    if entry[0] is text:
        return entry[1]
    low = text.lower()
    remember_lowered(text, low)
    return low


def remember_lowered(text: str, low: str) -> None:
    """Record that `low` is `text.lower()` (for the next filter that asks)."""
    global _last
    _last = (text, low)


def known_lowered(text: str) -> str | None:
    """The remembered lower-cased form of `text`, if it is the last one."""
    entry = _last
    return entry[1] if entry[0] is text else None
