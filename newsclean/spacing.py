"""Which characters count as spaces: in the text, and for matching cues against it.

Text taken from HTML holds no-break spaces (`&nbsp;`, before a French colon, between a
number and its unit) and the thin and typographic spaces of Unicode. The text keeps a lone
one (it is the writer's); `normalize_whitespace` trims them at a line's ends and collapses
their runs, as it does plain spaces. Cue lists, bylines, labels and dates are written with
plain spaces, so every lower-cased form that cues are matched against reads these
characters as plain spaces (`plain_lower`): "Lire aussi&nbsp;:" is the cue "lire aussi :".
The ideographic space (U+3000), which lays out Chinese and Japanese text, is only trimmed
at a line's ends.

>>> plain_lower("Lire aussi\\u00a0: la suite")
'lire aussi : la suite'
"""

from __future__ import annotations

import re

SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
"""Characters matched as a plain space (no-break, Ogham, typographic and thin spaces)."""
EDGE_CHARS = " \t\u3000" + SPACE_CHARS
"""Characters trimmed from both ends of a line."""
BLANK_CHARS = " \t" + SPACE_CHARS
"""Characters whose runs become one space."""

_SPACE = re.compile(f"[{SPACE_CHARS}]")
# The no-break space first: it is the one pages hold.
_SPACE_LIST = tuple(SPACE_CHARS)


def has_space_chars(text: str) -> bool:
    """Whether `text` holds a character of `SPACE_CHARS` (ASCII text never does).

    >>> has_space_chars("Ferries resume"), has_space_chars("10\\u00a0km")
    (False, True)
    """
    if text.isascii():
        return False
    # A substring test per character is a C-level scan (none at all for a character
    # wider than the text's own), three times faster on a page than a search for the class.
    return any(map(text.__contains__, _SPACE_LIST))


def plain_spaces(text: str) -> str:
    """`text` with every character of `SPACE_CHARS` a plain space (the same length, so
    every offset stays where it was).

    >>> plain_spaces("10\\u00a0km, 5\\u202f000 people")
    '10 km, 5 000 people'
    """
    return _SPACE.sub(" ", text) if has_space_chars(text) else text


def plain_lower(text: str) -> str:
    """`text.lower()` with the characters of `SPACE_CHARS` read as plain spaces: the form
    cues are matched against.

    >>> plain_lower("Partager\\u00a0cet article")
    'partager cet article'
    """
    lowered = text.lower()
    # Every character of `SPACE_CHARS` is unprintable: a printable line (a fast C test)
    # holds none of them.
    return lowered if lowered.isascii() or lowered.isprintable() else plain_spaces(lowered)
