"""The lower-cased page and the page's lines, computed once and carried from filter to filter.

Several filters scan the lower-cased page (with no-break and thin spaces read as plain
ones, `newsclean.spacing`) with case-sensitive patterns, which the `re`
engine runs several times faster than case-insensitive ones; lower-casing a page costs
about as much as one such scan. `framed_lowered(text)` gives the lower-cased page framed
by newlines (so that a pattern can anchor a line at `"\\n"` on both sides) with its line
offsets, and remembers the last page it did; `drop_lines` hands the next filter the
framed form of the text it leaves, cut from the one it had. Only the framed form is
kept: one copy of a big page, not two. The cache holds one page, matched by identity,
and is safe across threads (the entry is replaced as a whole, never changed in place).
`text_lines(text)` does the same for `text.split("\n")`, which every filter needs.

>>> page = "Most Read\\nThe Council met."
>>> framed_lowered(page)
('\\nmost read\\nthe council met.\\n', [0, 10, 27])
>>> framed_lowered(page)[0] is framed_lowered(page)[0]
True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsclean.spacing import has_space_chars, plain_lower
from newsclean.text import line_starts


@attrs.frozen
class _Views:
    text: str
    framed: str
    starts: list[int] | None = None
    spaced: bool = True  # the text may hold a no-break or thin space (False: it holds none)


_last = _Views("", "\n\n", [0, 1], False)

# Pages longer than this are lower-cased a piece at a time (see `lower_in_pieces`).
LOWER_PIECE_CHARS = 1 << 16


def lower_in_pieces(text: str, frame: str = "", spaced: bool | None = None) -> str:
    """`frame + plain_lower(text) + frame` (`newsclean.spacing.plain_lower`: lower-cased,
    no-break and thin spaces read as plain ones), lower-casing about `LOWER_PIECE_CHARS`
    characters at a time.

    For text with any character beyond ASCII, CPython's `str.lower` works in a scratch
    buffer of 12 bytes per character (room for three code points of four bytes each):
    60 MB for a page of 5 million characters, most of a big page's peak memory. Pieces
    end at a newline, where no case rule looks across (the final sigma looks only at
    neighbouring letters), so the result is the same. `spaced`: whether the text holds a
    no-break or thin space, when the caller knows.

    >>> page = "ΟΔΟΣ ΚΛΕΙΣΤΗ\\n" * 10_000
    >>> lower_in_pieces(page) == page.lower()
    True
    >>> lower_in_pieces("Most Read", "\\n"), lower_in_pieces("Most\\u00a0Read")
    ('\\nmost read\\n', 'most read')
    """
    if spaced is None:
        spaced = has_space_chars(text)
    lower = plain_lower if spaced else str.lower
    if len(text) <= LOWER_PIECE_CHARS:
        return frame + lower(text) + frame if frame else lower(text)
    pieces = [frame]
    start = 0
    while start < len(text):
        end = text.find("\n", start + LOWER_PIECE_CHARS)
        end = len(text) if end < 0 else end + 1
        pieces.append(lower(text[start:end]))
        start = end
    pieces.append(frame)
    return "".join(pieces)


def framed_lowered(text: str) -> tuple[str, list[int]]:
    """`"\\n" + text.lower() + "\\n"` and the offsets of the lower-cased lines (as
    `newsclean.text.line_starts` gives them), reused when the same text object was
    framed last.

    Example:

    >>> framed, starts = framed_lowered("Home\\nThe Council met.")
    >>> framed, starts
    ('\\nhome\\nthe council met.\\n', [0, 5, 22])
    """
    global _last
    entry = _last
    if entry.text is not text:
        spaced = _may_hold_space_chars(text)
        entry = _Views(text, lower_in_pieces(text, "\n", spaced), None, spaced)
    if entry.starts is None:
        if len(entry.framed) == len(text) + 2 and len(text) <= CACHED_LINES_CHARS:
            # Lower-casing kept every character's length, so every line's: the offsets
            # are the text's own, from its lines (split once for every filter).
            starts = line_starts(text_lines(text))
        else:
            starts = _framed_line_starts(entry.framed)
        entry = _Views(text, entry.framed, starts, entry.spaced)
    _last = entry
    assert entry.starts is not None
    return entry.framed, entry.starts


def _framed_line_starts(framed: str) -> list[int]:
    """The line offsets of the text inside `framed`; on a big page, found a line at a
    time (no list of every line held at once)."""
    if len(framed) <= LOWER_PIECE_CHARS:
        return line_starts(framed[1:-1].split("\n"))
    starts = [0]
    find = framed.find
    at = find("\n", 1)
    while at >= 0 and at < len(framed) - 1:
        starts.append(at)
        at = find("\n", at + 1)
    starts.append(len(framed) - 1)
    return starts


def remember_framed(text: str, framed: str, starts: list[int] | None = None, spaced: bool = True) -> None:
    """Record that `framed` is `"\\n" + text.lower() + "\\n"` (for the next filter that asks),
    and, when the caller has them, the offsets of its lines (as `framed_lowered` gives them)
    and that the text holds no no-break or thin space (`spaced=False`).

    Example:

    >>> page = "Storm Closes Road"
    >>> remember_framed(page, "\\nstorm closes road\\n")
    >>> known_framed(page)
    '\\nstorm closes road\\n'
    """
    global _last
    _last = _Views(text, framed, starts, spaced)


def known_framed(text: str) -> str | None:
    """The remembered framed, lower-cased form of `text`, if it is the last one.

    Example:

    >>> page = "Ferries Resume"
    >>> known_framed(page) is None
    True
    >>> framed_lowered(page)[0] == known_framed(page) == "\\nferries resume\\n"
    True
    """
    entry = _last
    return entry.framed if entry.text is text else None


def known_line_starts(text: str) -> list[int] | None:
    """The line offsets of `text` (as `newsclean.text.line_starts` gives them), when the
    last page framed is `text` and lower-casing kept every offset; else `None`.

    Example:

    >>> page = "Home\\nThe Council met."
    >>> _ = framed_lowered(page)
    >>> known_line_starts(page), known_line_starts("Other page")
    ([0, 5, 22], None)
    """
    entry = _last
    if entry.text is not text or len(entry.framed) != len(text) + 2:
        return None
    return entry.starts


# The last page split into lines, matched by identity; `drop_lines` hands the next filter
# the lines of the text it leaves (the kept ones, the same string objects), so a page is
# split once and not once per filter. Typed as a `Sequence`, which has no method that
# changes it: the list is shared (a tuple copy would cost a pointer per line, 36 MB for
# a page of 4.5 million lines).
_last_lines: tuple[str, Sequence[str]] = ("", ("",))

# Pages longer than this (32 M characters) are split afresh each time. Held between
# filters, a 20 MB page's lines (and the headline and teaser headings kept with them)
# raise its peak memory by 2% (340 to 347 MB) and save 6 to 11% of its time (2.69 to
# 2.88 s against 2.52 to 2.54 s in three interleaved runs, nineteenth session); a
# command-line run over 200 MB peaked at 160 MB (156 MB in the run of the session before).
CACHED_LINES_CHARS = 1 << 25


def text_lines(text: str) -> Sequence[str]:
    """`text.split("\\n")`, reused when `text` is the page split (or handed on by
    `remember_lines`) last. The list is shared: read it, never change it.

    Example:

    >>> page = "Most Read\\nThe Council met."
    >>> text_lines(page)
    ['Most Read', 'The Council met.']
    >>> text_lines(page) is text_lines(page)
    True
    """
    global _last_lines
    entry = _last_lines
    if entry[0] is not text:
        if len(text) > CACHED_LINES_CHARS:
            return text.split("\n")
        entry = (text, text.split("\n"))
        _last_lines = entry
    return entry[1]


def remember_lines(text: str, lines: Sequence[str]) -> None:
    """Record that `lines` is `text.split("\\n")` (for the next filter that asks); the
    caller hands on only pages within `CACHED_LINES_CHARS`.

    Example:

    >>> page = "Storm Closes Road\\nFerries ran."
    >>> remember_lines(page, ["Storm Closes Road", "Ferries ran."])
    >>> text_lines(page)
    ['Storm Closes Road', 'Ferries ran.']
    """
    global _last_lines
    _last_lines = (text, lines)


# The teaser headings of the last page `remove_boilerplate` left, matched by identity and
# language: it looks every line up in the whole-line cues already, and hands the next
# filter the headings it leaves (the lines of a teaser heading cue), so that
# `remove_teaser_lists` does not look every line up again. The entry is dropped when it
# is read, and pages over `CACHED_LINES_CHARS` are not held (the entry keeps the text
# alive until then).
_last_headings: tuple[str, str | None, tuple[int, ...]] | None = None


def remember_teaser_headings(text: str, lang: str | None, headings: Sequence[int]) -> None:
    """Record the indices of the lines of `text` that are teaser-heading cues for a page
    in `lang`, for the next filter that asks (not for a page over `CACHED_LINES_CHARS`).

    Example:

    >>> page = "Rain fell all day.\\nMost read\\nCouncil sets budget"
    >>> remember_teaser_headings(page, "en", [1])
    >>> take_teaser_headings(page, "de"), take_teaser_headings(page, "en"), take_teaser_headings(page, "en")
    (None, (1,), None)
    """
    global _last_headings
    if len(text) <= CACHED_LINES_CHARS:
        _last_headings = (text, lang, tuple(headings))


def take_teaser_headings(text: str, lang: str | None) -> tuple[int, ...] | None:
    """The remembered teaser-heading lines of `text` in `lang`, if it is the last page
    recorded (the entry is then dropped); else `None`.

    Example:

    >>> take_teaser_headings("A page never seen", "en") is None
    True
    """
    global _last_headings
    entry = _last_headings
    if entry is None or entry[0] is not text or entry[1] != lang:
        return None
    _last_headings = None
    return entry[2]


# The headline and the lines that repeat it, of the last page whose header
# `detect_page_language` read (it leaves those lines out of its sample), matched by
# identity, title and first line: `extract_title`, right after it on the same text, takes
# them instead of searching again. The entry is dropped when it is read, and pages over
# `CACHED_LINES_CHARS` are not held.
_last_headline: tuple[str, str, str, str, tuple[int, ...]] | None = None


def remember_headline(text: str, title: str, first_line: str, headline: str, lines: Sequence[int]) -> None:
    """Record the `headline` that `title` gives on `text` (whose first line is
    `first_line`) and the indices of the `lines` that repeat it, for the next filter that
    asks (not for a page over `CACHED_LINES_CHARS`).

    Example:

    >>> page = "date 2024-03-05 Ferries resume | Harbour News\\nFerries resume\\nThey ran."
    >>> header = page.split("\\n")[0]
    >>> remember_headline(page, "Ferries resume | Harbour News", header, "Ferries resume", [0, 1])
    >>> title = "Ferries resume | Harbour News"
    >>> take_headline(page, "Harbour News", header), take_headline(page, title, header)
    (None, ('Ferries resume', [0, 1]))
    >>> take_headline(page, title, header) is None
    True
    """
    global _last_headline
    if len(text) <= CACHED_LINES_CHARS:
        _last_headline = (text, title, first_line, headline, tuple(lines))


def take_headline(text: str, title: str, first_line: str) -> tuple[str, list[int]] | None:
    """The remembered headline and repeating lines of `text` for `title` and
    `first_line`, if it is the last page recorded (the entry is then dropped); else
    `None`."""
    global _last_headline
    entry = _last_headline
    if entry is None or entry[0] is not text or entry[1] != title or entry[2] != first_line:
        return None
    _last_headline = None
    return entry[3], list(entry[4])


def _may_hold_space_chars(text: str) -> bool:
    """`has_space_chars(text)`, settled at once for a page (within `CACHED_LINES_CHARS`)
    whose lines are all printable (every such space is unprintable; the lines are split
    once for every filter)."""
    if len(text) <= CACHED_LINES_CHARS and all(map(str.isprintable, text_lines(text))):
        return False
    return has_space_chars(text)


def holds_space_chars(text: str) -> bool:
    """Whether `text` may hold a no-break or thin space: known for the last page framed
    (`framed_lowered`, `remember_framed`), and looked for in any other.

    Example:

    >>> page = "Lire aussi\\u00a0: la suite"
    >>> holds_space_chars(page), holds_space_chars("Lire aussi : la suite")
    (True, False)
    """
    entry = _last
    return entry.spaced if entry.text is text else _may_hold_space_chars(text)
