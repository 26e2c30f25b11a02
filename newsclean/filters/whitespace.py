"""Whitespace and control characters: line ends unified, control characters dropped,
spaces collapsed, and, at the end of the chain, blank-line runs tidied.

>>> from newsclean.document import Document
>>> normalize_whitespace(Document.from_text(" date 2022\\r\\nA  b \\x07")).text
'date 2022\\nA b'
>>> tidy_blank_lines(Document.from_text("\\n\\nA\\n\\n\\n\\nB\\n")).text
'A\\n\\nB'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import replace_spans
from newsclean.reasons import Reason

# Each repair is a separate pass, run only when a cheap substring test says it is needed,
# so a clean page costs a few scans.
_CRLF = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # one class: a fast scan
# Spaces at a line's edge, with any control characters among them (removed with them).
_SPACE_OR_CONTROL = r"[ \t\u00a0\u3000\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*"
_EDGE_RUN = rf"{_SPACE_OR_CONTROL}[ \t\u00a0\u3000]{_SPACE_OR_CONTROL}"
_LINE_END_SPACE = re.compile(rf"{_EDGE_RUN}(?=\r?(?:\n|\Z))")
_LINE_START_SPACE = re.compile(rf"(?:(?<=\n)|\A){_EDGE_RUN}")
_SPACE_RUN = re.compile(r"[ \t\u00a0][ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[ \t\u00a0]")
# Anything the passes below would change, found in one scan (clean pages stop here).
_ANY_FIX = re.compile(
    r"[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\n[ \t\u00a0\u3000]|[ \t\u00a0\u3000][\n \t\u00a0\u3000]"
)
_BLANK_RUNS = re.compile(r"\n\n\n+")  # starts with a literal: a fast scan

Span = tuple[int, int, str, Reason]


def _whitespace_spans(text: str) -> list[Span]:
    spans: list[tuple[int, int, int, str, Reason]] = []  # start, -end, priority, ...

    def add(pattern: re.Pattern[str], priority: int, inserted: str, reason: Reason) -> None:
        spans.extend((m.start(), -m.end(), priority, inserted, reason) for m in pattern.finditer(text))

    if not _ANY_FIX.search(text) and not text[:1].isspace() and not text[-1:].isspace():
        return []
    dirty = False
    if "\r" in text:
        add(_CRLF, 0, "\n", Reason.WHITESPACE)
        dirty = True
    if _ANY_CONTROL.search(text):
        add(_CONTROL, 1, "", Reason.CONTROL_CHARS)
        dirty = True
    add(_LINE_END_SPACE, 2, "", Reason.WHITESPACE)
    add(_LINE_START_SPACE, 2, "", Reason.WHITESPACE)
    if dirty or "  " in text or "\t" in text or "\u00a0\u00a0" in text:
        add(_SPACE_RUN, 3, " ", Reason.WHITESPACE)
    spans.sort()
    merged: list[Span] = []
    end = 0
    for start, negative_end, _, inserted, reason in spans:
        stop = -negative_end
        if start >= end:
            merged.append((start, stop, inserted, reason))
            end = stop
    return merged


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
    """Turn CR LF and CR into LF, drop control characters other than tab and newline,
    trim each line and collapse runs of spaces to one."""
    return replace_spans(doc, _whitespace_spans(doc.text), "normalize_whitespace")


def tidy_blank_lines(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop blank lines at both ends and keep at most one blank line between blocks."""
    return replace_spans(doc, _blank_run_spans(doc.text), "tidy_blank_lines")
