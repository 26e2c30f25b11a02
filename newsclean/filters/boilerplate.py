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

import re
from collections.abc import Sequence

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.reasons import Reason
from newsclean.resources import CUE_EDGE_CHARS, CueTable, cue_table
from newsclean.text import ends_sentence

# Whole-line cues are looked up only on lines this short; prefix cues on lines this short.
MAX_EXACT_CUE_CHARS = 80
MAX_PREFIX_CUE_CHARS = 400

# Shapes that are boilerplate in any language.
URL_LINE = re.compile(r"(?:https?://|www\.)\S+")
FILE_NAME_LINE = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|svg|bmp|mp4|pdf)", re.IGNORECASE)
# A menu: three or more short items joined by | · • / » > or spaced dashes.
MENU_LINE = re.compile(r"[^|·•»>\n]{1,30}(?:\s*[|·•»>]\s*|\s+[-–—/]\s+)(?:[^|·•»>\n]{1,30}(?:\s*[|·•»>]\s*|\s+[-–—/]\s+)){1,}[^|·•»>\n]{0,30}")
_MENU_SEPARATOR = re.compile(r"\s*[|·•»>]\s*|\s+[-–—/]\s+")
MAX_MENU_ITEM_WORDS = 3
# An inline-teaser cue this short stands alone ("Read more"); the headline follows it.
BARE_CUE_CHARS = 24


def _is_menu(line: str) -> bool:
    items = [item for item in _MENU_SEPARATOR.split(line) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


def cue_reason(line: str, table: CueTable) -> Reason | None:
    """The boilerplate reason of one line by the cue table and shape rules, or `None`.

    Teaser-list headings are left to `remove_teaser_lists`.
    """
    if len(line) > MAX_PREFIX_CUE_CHARS:
        return None
    lowered = line.lower()
    if len(line) <= MAX_EXACT_CUE_CHARS:
        reason = table.exact.get(" ".join(lowered.strip(CUE_EDGE_CHARS).split()))
        if reason is not None:
            return None if reason is Reason.TEASER_HEADING else reason
    if table.prefix_pattern is not None:
        match = table.prefix_pattern.match(lowered.lstrip(" »›>•·*-–—|"))
        if match is not None:
            return table.prefixes[match.group()]
    if " " not in line and (URL_LINE.fullmatch(line) or FILE_NAME_LINE.fullmatch(line)):
        return Reason.NAVIGATION
    if not ends_sentence(line) and MENU_LINE.fullmatch(line) and _is_menu(line):
        return Reason.NAVIGATION
    return None


def find_boilerplate(lines: Sequence[str], lang: str | None, config: Config) -> dict[int, Reason]:
    """Indices of boilerplate lines with their reasons.

    A line right after a bare inline-teaser cue ("Read more", "Also read") that reads as
    a headline is the teased headline, and goes too.
    """
    table = cue_table(lang)
    drops: dict[int, Reason] = {}
    follows_bare_cue = False
    for i, line in enumerate(lines):
        if not line:
            continue
        reason = cue_reason(line, table)
        if (
            reason is None
            and follows_bare_cue
            and not ends_sentence(line)
            and len(line.split()) <= config.max_headline_words
        ):
            reason = Reason.INLINE_TEASER
            follows_bare_cue = False
        else:
            follows_bare_cue = reason is Reason.INLINE_TEASER and len(line) <= BARE_CUE_CHARS
        if reason is not None:
            drops[i] = reason
    return drops


def remove_boilerplate(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop boilerplate lines, each with its kind as the reason."""
    lines = doc.text.split("\n")
    return drop_lines(doc, lines, find_boilerplate(lines, doc.lang, config), "remove_boilerplate")
