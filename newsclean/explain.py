"""Per-line account of what a chain did to a page, rebuilt from the edit log alone.

>>> from newsclean import clean
>>> doc = clean("Storm closes road\\nListen to this article\\nThe road closed at dawn.")
>>> for row in line_statuses(doc):
...     print(row.number, row.kept, row.reason, row.text)
1 False title Storm closes road
2 False audio_widget Listen to this article
3 True None The road closed at dawn.
"""

from __future__ import annotations

import bisect

import attrs

from newsclean.document import Document, Edit, forward_runs
from newsclean.reasons import Reason
from newsclean.text import line_starts


@attrs.frozen
class LineStatus:
    """One input line: kept or removed, and by which filter for which reason (for a kept
    line, the last filter that changed part of it, if any).

    Example:

    >>> from newsclean import clean
    >>> row = line_statuses(clean("Ferries resume\\nShare this article\\nFerries ran again on Tuesday."))[1]
    >>> row.number, row.text, row.kept, row.filter, str(row.reason)
    (2, 'Share this article', False, 'remove_boilerplate', 'share')
    """

    number: int
    text: str
    kept: bool
    filter: str | None = None
    reason: Reason | None = None


@attrs.frozen
class _Run:
    """A forward run of edits (see `Document.restore`), with what maps offsets in the text
    after the run back to the text before it."""

    edits: tuple[Edit, ...]
    starts: list[int]
    shift_before: list[int]  # removed minus inserted length of the run's earlier edits

    @classmethod
    def of(cls, edits: tuple[Edit, ...]) -> _Run:
        shifts = [0]
        for edit in edits:
            shifts.append(shifts[-1] + len(edit.removed) - len(edit.inserted))
        return cls(edits, [edit.start for edit in edits], shifts)

    def back(self, position: int) -> int:
        """An offset in the text after the run, in the text before it (a position inside
        an edit's inserted text maps to the start of what it replaced)."""
        i = bisect.bisect_right(self.starts, position) - 1
        if i < 0:
            return position
        edit = self.edits[i]
        if position < edit.start + len(edit.inserted):
            return edit.start + self.shift_before[i]
        return position + self.shift_before[i + 1]


def _input_ranges(edits: tuple[Edit, ...]) -> list[tuple[Edit, int, int]]:
    """Each edit with the range of the input text it covers, in O(edits x runs x log)."""
    runs = [_Run.of(run) for run in forward_runs(edits)]
    out = []
    for k, run in enumerate(runs):
        for j, edit in enumerate(run.edits):
            begin = edit.start + run.shift_before[j]
            end = begin + len(edit.removed)
            for earlier in reversed(runs[:k]):
                begin, end = earlier.back(begin), earlier.back(end)
            out.append((edit, begin, end))
    return out


def line_statuses(doc: Document) -> list[LineStatus]:
    """What happened to each line of the input (`doc.restore()`).

    Example:

    >>> from newsclean import clean
    >>> doc = clean("Ferries resume\\nShare this article\\nThe cafÃ© by the pier reopened on Tuesday.")
    >>> [(row.kept, row.filter) for row in line_statuses(doc)]
    [(False, 'extract_title'), (False, 'remove_boilerplate'), (True, 'fix_encoding')]
    """
    source = doc.restore()
    lines = source.split("\n")
    starts = line_starts(lines)
    removed_by: dict[int, Edit] = {}
    changed_by: dict[int, Edit] = {}
    for edit, begin, end in _input_ranges(doc.edits):
        first = bisect.bisect_right(starts, begin) - 1
        last = bisect.bisect_right(starts, max(begin, end - 1)) - 1
        for number in range(first, last + 1):
            line_begin, line_end = starts[number], starts[number + 1] - 1
            if lines[number] and max(begin, line_begin) >= min(end, line_end) and not edit.inserted:
                continue  # the edit took only this line's newline (with the line after it)
            whole = (
                not edit.inserted.strip()
                and not source[line_begin : max(begin, line_begin)].strip()
                and not source[min(end, line_end) : line_end].strip()
            )
            if whole and lines[number].strip() and edit.removed.strip():
                # The first edit that removed a line is its remover: later edits' ranges,
                # mapped back to the input, can span lines removed before them.
                removed_by.setdefault(number, edit)
            elif edit.removed.strip() or edit.inserted.strip():
                changed_by.setdefault(number, edit)
    rows = []
    for number, text in enumerate(lines):
        cause: Edit | None = removed_by.get(number) or changed_by.get(number)
        rows.append(
            LineStatus(
                number=number + 1,
                text=text,
                kept=number not in removed_by,
                filter=cause.filter if cause else None,
                reason=cause.reason if cause else None,
            )
        )
    return rows


def render_explanation(doc: Document) -> str:
    """The page line by line: `+` kept, `-` removed, `~` kept but changed, with the filter
    and reason; then the metadata and captions found.

    Example:

    >>> from newsclean import clean
    >>> page = "Ferries resume\\nShare this article\\nFerries ran again on Tuesday after a week of storms."
    >>> print(render_explanation(clean(page)), end="")
        1 - Ferries resume  [extract_title: title]
        2 - Share this article  [remove_boilerplate: share]
        3 + Ferries ran again on Tuesday after a week of storms.
    <BLANKLINE>
    title: Ferries resume
    published: None
    byline: None
    lang: en
    """
    out = []
    for row in line_statuses(doc):
        if not row.text.strip() and row.filter is None:
            continue
        mark = "+" if row.kept and row.filter is None else "~" if row.kept else "-"
        why = f"  [{row.filter}: {row.reason}]" if row.filter else ""
        out.append(f"{row.number:5d} {mark} {row.text}{why}")
    out.append("")
    for field in ("title", "published", "byline", "lang"):
        out.append(f"{field}: {getattr(doc, field)}")
    for caption in doc.captions:
        credit = f" ({caption.credit})" if caption.credit else ""
        out.append(f"caption: {caption.text}{credit}")
    if doc.flags:
        out.append("flags: " + ", ".join(sorted(flag.value for flag in doc.flags)))
    return "\n".join(out) + "\n"
