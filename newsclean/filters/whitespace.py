"""Whitespace and control characters: line ends unified, control characters dropped,
spaces collapsed, and, at the end of the chain, blank-line runs tidied.

>>> from newsclean.document import Document
>>> normalize_whitespace(Document.from_text(" date 2022\\r\\nA  b \\x07")).text
'date 2022\\nA b'
>>> normalize_whitespace(Document.from_text("Lire aussi\\u00a0:\\u2009 la suite\\u2028Fin")).text
'Lire aussi\\xa0: la suite\\nFin'
>>> tidy_blank_lines(Document.from_text("\\n\\nA\\n\\n\\n\\nB\\n")).text
'A\\n\\nB'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import compress, count, repeat
from operator import ne

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import Span, replace_spans
from newsclean.reasons import Reason
from newsclean.spacing import BLANK_CHARS, EDGE_CHARS, has_space_chars
from newsclean.views import text_lines
from newsclean.wrapping import hard_wrap_spans

# Two stages. First line ends and control characters; then, on what is left, spaces at
# line edges and runs of blanks (`newsclean.spacing` says which characters are spaces; a
# lone no-break or thin space is the writer's, and stays). Each pass runs only when a
# cheap test says it is needed, so a clean page costs a few C-level scans. A run pattern
# that matches wherever it starts consumes the whole run, so a long run is tried once:
# linear time.
_CRLF = re.compile(r"\r\n?")
# Control characters, and the byte order mark (U+FEFF): in a page's text it is the mark
# of a file or a fragment pasted in, invisible, and never the writer's.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]+")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u2028\u2029]")  # one class: a fast scan
# The Unicode line and paragraph separators end a line, as a newline does.
_SEPARATOR = re.compile(r"[\u2028\u2029]")
# Written as one blank and then more (not `{2,}`): the engine then skips to a blank before
# it tries a match, where `{2,}` starts a match at every character (half the instructions
# on a page that has runs).
_SPACE_RUN = re.compile(f"[{BLANK_CHARS}][{BLANK_CHARS}]+")
_BLANK_RUNS = re.compile(r"\n\n\n+")  # starts with a literal: a fast scan


def _sorted_spans(found: list[Span]) -> list[Span]:
    """Spans in order, the longest first where two start together, overlaps dropped."""
    found.sort(key=lambda span: (span[0], -span[1]))
    merged: list[Span] = []
    end = 0
    for span in found:
        if span[0] >= end:
            merged.append(span)
            end = span[1]
    return merged


def _line_end_and_control_spans(text: str, printable: bool) -> list[Span]:
    found: list[Span] = []
    if "\r" in text:
        found.extend((m.start(), m.end(), "\n", Reason.WHITESPACE) for m in _CRLF.finditer(text))
    # `printable`: every line is (a fast C loop over each); a line is also unprintable
    # for a few harmless characters (tabs, no-break spaces, format marks), and then the
    # pattern decides.
    if not printable and _ANY_CONTROL.search(text):
        found.extend((m.start(), m.end(), "", Reason.CONTROL_CHARS) for m in _CONTROL.finditer(text))
        found.extend((m.start(), m.end(), "\n", Reason.WHITESPACE) for m in _SEPARATOR.finditer(text))
    return _sorted_spans(found)


def _space_spans(text: str, lines: Sequence[str], printable: bool) -> list[Span]:
    trimmed = list(map(str.strip, lines, repeat(EDGE_CHARS)))
    # No-break and thin spaces are unprintable: a page of printable lines holds none.
    runs = "  " in text or "\t" in text or (not printable and has_space_chars(text))
    if trimmed == lines and not runs:  # C-level checks settle a clean page
        return []
    found: list[Span] = []
    start = after = 0  # where line `after` starts
    # Only the lines that strip changed, picked by C-level maps (an unchanged line is the
    # same object, so each comparison is short): a page with one indented line is not
    # walked line by line.
    for i in compress(count(), map(ne, lines, trimmed)):
        start += sum(map(len, lines[after:i])) + i - after
        after = i
        line, kept = lines[i], trimmed[i]
        end = start + len(line)
        if not kept:
            found.append((start, end, "", Reason.WHITESPACE))
        else:
            lead = len(line) - len(line.lstrip(EDGE_CHARS))
            trail = len(line) - len(line.rstrip(EDGE_CHARS))
            if lead:
                found.append((start, start + lead, "", Reason.WHITESPACE))
            if trail:
                found.append((end - trail, end, "", Reason.WHITESPACE))
    if runs:
        found.extend((m.start(), m.end(), " ", Reason.WHITESPACE) for m in _SPACE_RUN.finditer(text))
    return _sorted_spans(found)


def _blank_run_spans(text: str) -> Iterator[Span]:
    lead = len(text) - len(text.lstrip("\n"))
    if lead == len(text):  # nothing but newlines
        if text:
            yield 0, len(text), "", Reason.BLANK_LINES
        return
    if lead:
        yield 0, lead, "", Reason.BLANK_LINES
    trail = len(text) - len(text.rstrip("\n"))
    for match in _BLANK_RUNS.finditer(text, lead, len(text) - trail):
        yield match.start(), match.end(), "\n\n", Reason.BLANK_LINES
    if trail:
        yield len(text) - trail, len(text), "", Reason.BLANK_LINES


def normalize_whitespace(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Turn CR LF, CR and the Unicode line and paragraph separators into LF, drop control
    characters other than tab and newline and byte order marks, then trim each line and
    collapse runs of blanks (no-break and thin spaces among them) to one space. A
    hard-wrapped dump (a text browser's, every paragraph broken at about 80 columns) has
    its paragraphs joined again, each break a `hard_wrap` edit (`newsclean.wrapping`;
    `Config.join_hard_wraps`).

    Example:

    >>> from newsclean.document import Document
    >>> doc = normalize_whitespace(Document.from_text("Rain\\tfell  all day. \\r\\nIt stopped."))
    >>> doc.text, [(edit.removed, edit.inserted) for edit in doc.edits]
    ('Rain\\tfell all day.\\nIt stopped.', [('\\r\\n', '\\n'), ('  ', ' '), (' ', '')])
    """
    lines = text_lines(doc.text)
    printable = all(map(str.isprintable, lines))
    repaired = replace_spans(doc, _line_end_and_control_spans(doc.text, printable), "normalize_whitespace")
    if repaired is not doc:
        lines = text_lines(repaired.text)  # (line ends and control characters gone: no space added)
    spaced = replace_spans(repaired, _space_spans(repaired.text, lines, printable), "normalize_whitespace")
    if not config.join_hard_wraps:
        return spaced
    if spaced is not repaired:
        lines = text_lines(spaced.text)
    # A hard-wrapped dump's paragraphs joined again (`newsclean.wrapping`).
    return replace_spans(spaced, hard_wrap_spans(lines), "normalize_whitespace")


def normalized_text(text: str) -> str:
    """`text` as `normalize_whitespace` leaves it (for text made anew, such as a repaired line).

    >>> normalized_text("\\u00a0Prix\\u00a0:  5\\x00 €\\u2028")
    'Prix\\xa0: 5 €\\n'
    """
    return normalize_whitespace(Document.from_text(text)).text


def tidy_blank_lines(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop blank lines at both ends and keep at most one blank line between blocks.

    Example:

    >>> from newsclean.document import Document
    >>> doc = tidy_blank_lines(Document.from_text("\\n\\nRain fell.\\n\\n\\n\\nIt stopped.\\n"))
    >>> doc.text, [str(edit.reason) for edit in doc.edits]
    ('Rain fell.\\n\\nIt stopped.', ['blank_lines', 'blank_lines', 'blank_lines'])
    """
    return replace_spans(doc, _blank_run_spans(doc.text), "tidy_blank_lines")
