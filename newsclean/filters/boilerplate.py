"""Boilerplate lines: audio widgets, inline teasers, share, subscribe, cookie, navigation,
footer, comment and advertisement lines, each dropped with its own reason.

Cues are package data per language (`newsclean/data/cues/<lang>.tsv`); English cues
apply to every page. Shape rules catch what needs no word list: bare URLs, image file
names, menus of short items joined by separators.

>>> from newsclean.document import Document
>>> page = "The bridge reopened on Monday.\\nListen to this article\\nRead more: Council sets budget\\nTraffic was light."
>>> doc = remove_boilerplate(Document.from_text(page, lang="en"))
>>> doc.text
'The bridge reopened on Monday.\\nTraffic was light.'
>>> [str(e.reason) for e in doc.edits]
['audio_widget', 'inline_teaser']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines, line_starts
from newsclean.reasons import Reason
from newsclean.resources import cue_keys, cue_table
from newsclean.text import ends_sentence

# Prefix cues are looked up on lines up to this long.
MAX_PREFIX_CUE_CHARS = 400
# An inline-teaser cue this short stands alone ("Read more"); the headline follows it.
BARE_CUE_CHARS = 24
# A menu: three or more items of at most this many words, joined by | · • » or spaced dashes.
MAX_MENU_ITEM_WORDS = 3
MENU_SEPARATOR = re.compile(r"[ \t]*[|·•»][ \t]*|[ \t]+[-–—/][ \t]+")
# Whole lines that are a bare URL or a file name, in a page framed by newlines.
URL_OR_FILE_LINE = re.compile(
    r"\n(?:(?:https?://|www\.)\S+|[^\s/]+\.(?:jpe?g|png|gif|webp|svg|bmp|mp4|pdf))(?=\n)",
    re.IGNORECASE,
)
# Characters that may lead a prefix cue ("» Read more: ...").
_LEADERS = r"[ »›>•·*\-–—|]*"


@functools.cache
def _prefix_scan(lang: str | None) -> re.Pattern[str] | None:
    """Prefix cues after a newline, for one scan of a lower-cased page framed by newlines."""
    table = cue_table(lang)
    if not table.prefixes:
        return None
    ordered = sorted(table.prefixes, key=lambda p: (-len(p), p))
    return re.compile(rf"\n{_LEADERS}(?P<cue>{'|'.join(re.escape(p) for p in ordered)})")


def is_menu(line: str) -> bool:
    """Three or more short items joined by separators, not ending a sentence.

    >>> is_menu("Home | News | Sport | Weather")
    True
    >>> is_menu("He said - and she agreed - that it was over.")
    False
    """
    if ends_sentence(line):
        return False
    items = [item for item in MENU_SEPARATOR.split(line) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


def _line_index(starts: list[int], framed_offset: int) -> int:
    """Line index of a match that starts at the newline before the line, in a page
    framed by a leading newline."""
    return bisect.bisect_right(starts, framed_offset) - 1


def find_boilerplate(text: str, lines: Sequence[str], lang: str | None, config: Config) -> dict[int, Reason]:
    """Indices of boilerplate lines with their reasons.

    A line right after a bare inline-teaser cue ("Read more", "Also read") that reads as
    a headline is the teased headline, and goes too. Teaser-list headings are left to
    `remove_teaser_lists`.
    """
    table = cue_table(lang)
    drops: dict[int, Reason] = {}
    for i, reason in enumerate(map(table.exact.get, cue_keys(lines))):
        if reason is not None and reason is not Reason.TEASER_HEADING:
            drops[i] = reason
    starts = line_starts(lines)
    lowered = "\n" + text.lower()
    if len(lowered) == len(text) + 1:
        scan = _prefix_scan(lang)
        if scan is not None:
            for match in scan.finditer(lowered):
                i = _line_index(starts, match.start())
                if i not in drops and len(lines[i]) <= MAX_PREFIX_CUE_CHARS:
                    drops[i] = table.prefixes[match.group("cue")]
    for match in URL_OR_FILE_LINE.finditer("\n" + text + "\n"):
        drops.setdefault(_line_index(starts, match.start()), Reason.NAVIGATION)
    if "|" in text or "·" in text or "•" in text or "»" in text or " / " in text:
        for match in MENU_SEPARATOR.finditer(text):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i not in drops and is_menu(lines[i]):
                drops[i] = Reason.NAVIGATION
    for i in [i for i, reason in drops.items() if reason is Reason.INLINE_TEASER]:
        if len(lines[i]) > BARE_CUE_CHARS:
            continue
        after = i + 1
        while after < len(lines) and not lines[after]:
            after += 1
        if after < len(lines) and after not in drops:
            teased = lines[after]
            if not ends_sentence(teased) and len(teased.split()) <= config.max_headline_words:
                drops[after] = Reason.INLINE_TEASER
    return drops


def remove_boilerplate(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop boilerplate lines, each with its kind as the reason."""
    lines = doc.text.split("\n")
    drops = find_boilerplate(doc.text, lines, doc.lang, config)
    return drop_lines(doc, lines, drops, "remove_boilerplate")
