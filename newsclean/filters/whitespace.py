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

# One alternative per repair; the group name says which.
_WHITESPACE_FIXES = re.compile(
    r"(?P<crlf>\r\n?)"
    r"|(?P<control>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+)"
    r"|(?P<edge>^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$)"
    r"|(?P<run>[ \t\u00a0]{2,})",
    re.MULTILINE,
)
_REPLACEMENTS = {
    "crlf": ("\n", Reason.WHITESPACE),
    "control": ("", Reason.CONTROL_CHARS),
    "edge": ("", Reason.WHITESPACE),
    "run": (" ", Reason.WHITESPACE),
}
_BLANK_RUNS = re.compile(r"\A\n+|\n+\Z|\n{3,}")


def _whitespace_spans(text: str) -> Iterator[tuple[int, int, str, Reason]]:
    for match in _WHITESPACE_FIXES.finditer(text):
        inserted, reason = _REPLACEMENTS[match.lastgroup or "run"]
        yield match.start(), match.end(), inserted, reason


def _blank_run_spans(text: str) -> Iterator[tuple[int, int, str, Reason]]:
    for match in _BLANK_RUNS.finditer(text):
        at_edge = match.start() == 0 or match.end() == len(text)
        yield match.start(), match.end(), "" if at_edge else "\n\n", Reason.BLANK_LINES


def normalize_whitespace(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Turn CR LF and CR into LF, drop control characters other than tab and newline,
    trim each line and collapse runs of spaces to one."""
    return replace_spans(doc, _whitespace_spans(doc.text), "normalize_whitespace")


def tidy_blank_lines(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop blank lines at both ends and keep at most one blank line between blocks."""
    return replace_spans(doc, _blank_run_spans(doc.text), "tidy_blank_lines")
