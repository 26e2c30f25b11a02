"""Line-level editing shared by the filters: drop whole lines and log each run as one edit.

>>> from newsclean.document import Document
>>> from newsclean.reasons import Reason
>>> doc = Document.from_text("Headline\\nShare this article\\nBody text.")
>>> out = drop_lines(doc, doc.text.split("\\n"), {1: Reason.SHARE}, "demo")
>>> out.text
'Headline\\nBody text.'
>>> out.edits[0].removed
'Share this article\\n'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from newsclean import views
from newsclean.document import Document, Edit
from newsclean.reasons import Reason
from newsclean.text import line_starts
from newsclean.views import (
    framed_lowered,
    holds_space_chars,
    known_framed,
    known_line_starts,
    remember_framed,
    remember_lines,
)

Span = tuple[int, int, str, Reason]
"""A replacement of the text: `(start, end, inserted, reason)` (see `replace_spans`)."""


def drop_lines(
    doc: Document,
    lines: Sequence[str],
    drops: Mapping[int, Reason],
    filter_name: str,
    **changes: Any,
) -> Document:
    """Remove the lines whose indices are keys of `drops`, each with its newline.

    `lines` must be `doc.text.split("\\n")`. Consecutive lines dropped for the same
    reason make one edit; dropped lines at the end take the newline before them, so
    the text never ends with a newline it did not have. `changes` are other fields to
    set (metadata found, captions). Returns `doc` itself when nothing is dropped and
    nothing changes.

    Example:

    >>> doc = Document.from_text("Rain fell all day.\\nShare this")
    >>> out = drop_lines(doc, doc.text.split("\\n"), {1: Reason.SHARE}, "demo")
    >>> out.text, out.edits[0].removed
    ('Rain fell all day.', '\\nShare this')
    >>> drop_lines(doc, doc.text.split("\\n"), {}, "demo") is doc
    True
    """
    if not drops:
        return doc.with_edits((), **changes) if changes else doc
    text = doc.text
    starts = known_line_starts(text) or line_starts(lines)
    order = sorted(drops)
    # The dropped lines that end the text take the newline before them with them.
    tail = len(lines)
    while tail > 0 and (tail - 1) in drops:
        tail -= 1
    spans: list[Span] = []  # what is cut, in `text` offsets
    runs: list[tuple[int, int]] = []  # the first and last line of each cut
    k = 0
    while k < len(order):
        first = last = order[k]
        reason = drops[first]
        k += 1
        while k < len(order) and order[k] == last + 1 and drops[order[k]] is reason:
            last = order[k]
            k += 1
        a, b = starts[first], min(starts[last + 1], len(text))
        if first == tail and tail > 0:
            a -= 1
        spans.append((a, b, "", reason))
        runs.append((first, last))
    out = replace_spans(doc, spans, filter_name, **changes)
    left: list[str] | None = None
    if out.text is not text and len(out.text) <= views.CACHED_LINES_CHARS:
        # The lines left are the kept ones, taken between the cuts (a text emptied is
        # one empty line).
        left = []
        after = 0
        for first, last in runs:
            left += lines[after:first]
            after = last + 1
        left += lines[after:]
        left = left or [""]
        remember_lines(out.text, left)
    framed = known_framed(text)
    if framed is not None and out.text is not text:
        if len(framed) == len(text) + 2:  # lower-casing kept every offset (nearly always)
            # ... so the lines left give the offsets of the lower-cased lines too.
            # (Fewer lines hold no more no-break spaces than the page did.)
            left_starts = None if left is None else line_starts(left)
            remember_framed(out.text, _cut(framed, spans, 1), left_starts, holds_space_chars(text))
        else:
            kept = [line for i, line in enumerate(framed[1:-1].split("\n")) if i not in drops]
            remember_framed(out.text, "\n" + "\n".join(kept) + "\n", spaced=holds_space_chars(text))
    return out


def _cut(text: str, spans: list[Span], shift: int = 0) -> str:
    """`text` without the spans (ascending, not overlapping), each moved `shift`
    characters to the right."""
    pieces = []
    last = 0
    for start, end, _, _ in spans:
        pieces.append(text[last : start + shift])
        last = end + shift
    pieces.append(text[last:])
    return "".join(pieces)


def replace_spans(
    doc: Document,
    spans: Iterable[Span],
    filter_name: str,
    **changes: Any,
) -> Document:
    """Replace each `(start, end, inserted, reason)` span of `doc.text`, in one pass.

    Spans are in input offsets, ascending and not overlapping; a span whose text
    equals its replacement is skipped. Returns `doc` when nothing changes.

    >>> from newsclean.document import Document
    >>> doc = Document.from_text("a  b")
    >>> replace_spans(doc, [(1, 3, " ", Reason.WHITESPACE)], "demo").text
    'a b'
    """
    text = doc.text
    edits: list[Edit] = []
    pieces: list[str] = []
    last = 0
    shift = 0
    for start, end, inserted, reason in spans:
        removed = text[start:end]
        if removed == inserted:
            continue
        edits.append(Edit(filter_name, reason, start + shift, removed, inserted))
        pieces.append(text[last:start])
        pieces.append(inserted)
        last = end
        shift += len(inserted) - len(removed)
    if not edits:
        return doc.with_edits((), **changes) if changes else doc
    pieces.append(text[last:])
    return doc.with_edits(edits, text="".join(pieces), **changes)


def lines_starting_with(text: str, prefix: str) -> Iterator[tuple[int, str]]:
    """Each line whose lower-cased form starts with `prefix` (lower-case, no newline):
    its index and the rest of the lower-cased line, found by searching the lower-cased
    page as a whole instead of line by line.

    >>> list(lines_starting_with("Storm hits coast 18:27\\nRain\\nstorm hits COAST", "storm hits coast"))
    [(0, ' 18:27'), (2, '')]
    """
    haystack, starts = framed_lowered(text)
    needle = "\n" + prefix
    at = haystack.find(needle)
    while at >= 0:
        end = haystack.find("\n", at + len(needle))  # the page is framed: always found
        yield bisect.bisect_right(starts, at) - 1, haystack[at + len(needle) : end]
        at = haystack.find(needle, end)


def lines_equal_to(text: str, wanted: Iterable[str]) -> set[int]:
    """Indices of the lines that equal one of `wanted` (lower-case strings), ignoring case.

    >>> sorted(lines_equal_to("Most read\\nA\\nmost READ", ["most read"]))
    [0, 2]
    """
    return {
        i
        for key in wanted
        if key and "\n" not in key
        for i, rest in lines_starting_with(text, key)
        if not rest
    }


def lowered_line_matches(
    pattern: re.Pattern[str], text: str, leader: str | None = None
) -> Iterator[tuple[int, re.Match[str]]]:
    r"""Matches of a lower-case pattern that starts with a newline, scanned over the
    lower-cased page framed by newlines, each with the index of the line it starts.

    Starting with a newline lets the scan skip from line start to line start. `leader`:
    a literal that every match starts with (`"\ndate "`), when there is one: its places
    are found by `str.find`, many times faster than the pattern's own scan, and the
    pattern is tried there only (the matches must not overlap, as for a scan).

    >>> text = "Home\nThe rain fell."
    >>> [(i, m.group()) for i, m in lowered_line_matches(re.compile(r"\nhome(?=\n)"), text)]
    [(0, '\nhome')]
    >>> [i for i, _ in lowered_line_matches(re.compile(r"\nthe \w+"), text, leader="\nthe ")]
    [1]
    """
    framed, starts = framed_lowered(text)
    if leader is None:
        for match in pattern.finditer(framed):
            yield bisect.bisect_right(starts, match.start()) - 1, match
        return
    at = framed.find(leader)
    while at >= 0:
        found = pattern.match(framed, at)
        if found is not None:
            yield bisect.bisect_right(starts, at) - 1, found
        at = framed.find(leader, at + 1 if found is None else max(at + 1, found.end()))
