"""Boilerplate lines: audio widgets, inline teasers, share, subscribe, cookie, navigation,
footer, comment and advertisement lines, each dropped with its own reason.

Cues are package data per language (`newsclean/data/cues/<lang>.tsv`); English cues
apply to every page. Shape rules catch what needs no word list: bare URLs, image file
names, menus of short items joined by separators.

>>> from newsclean.document import Document
>>> page = ("The bridge reopened on Monday.\\nListen to this article\\n"
...         "Read more: Council sets budget\\nTraffic was light.")
>>> doc = remove_boilerplate(Document.from_text(page, lang="en"))
>>> doc.text
'The bridge reopened on Monday.\\nTraffic was light.'
>>> [str(e.reason) for e in doc.edits]
['audio_widget', 'inline_teaser']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.guard import DEFAULT_PATTERN_TIMEOUT, GuardedPattern
from newsclean.lines import drop_lines, lowered_line_matches
from newsclean.reasons import Reason
from newsclean.resources import cue_table, rights_notices
from newsclean.spacing import plain_lower, plain_spaces
from newsclean.text import ends_sentence, line_starts
from newsclean.views import framed_lowered, holds_space_chars, remember_teaser_headings, text_lines

# Prefix cues are looked up on lines up to this long.
MAX_PREFIX_CUE_CHARS = 400
# A line of at most this many characters that holds a rights notice ("All rights
# reserved", "©") anywhere is a footer line (package data `rights_notices`): a notice
# can run to 900 characters, an article's paragraph that quotes one rarely does.
MAX_RIGHTS_NOTICE_CHARS = 1000
# A menu: three or more items of at most this many words, joined by | · • » or spaced dashes.
MAX_MENU_ITEM_WORDS = 3
# Quadratic in a run of blanks without a separator (linear once normalize_whitespace has
# collapsed blanks): run under the time guard (newsclean.guard).
MENU_SEPARATOR = GuardedPattern(r"[ \t]*[|·•»][ \t]*|[ \t]+[-–—/][ \t]+", name="boilerplate.MENU_SEPARATOR")
# A whole line that is a bare URL or a file name (matched on lower-cased lines without a
# space, the only ones that can be one).
URL_OR_FILE_LINE = re.compile(r"(?:(?:https?://|www\.)\S+|[^\s/]+\.(?:jpe?g|png|gif|webp|svg|bmp|mp4|pdf))")
# An audio player's clock before it starts: "00:00 / 04:12" alone on a line.
PLAYER_CLOCK_LINE = re.compile(r"\n0?0:00(?::00)? ?/ ?\d{1,2}:\d\d(?::\d\d)?(?=\n)")
PLAYER_CLOCK_START = "0:00"
# A line with two menu separators (candidates for `is_menu`).
DASHED_MENU_LINE = re.compile(r"\n[^\n]{1,40} [-–—/] [^\n]{1,40} [-–—/] ")
# A comment section's heading that counts the comments on the article it names, in
# quotes: '10 thoughts on “Ferries resume”', 'One response to “...”', "12 Kommentare zu „...“".
COMMENT_COUNT_HEADING = re.compile(
    r"\n(?:\d{1,5}|one|two|three) (?:thoughts?|responses?|repl(?:y|ies)|comments?|kommentare?"
    r"|commentaires?|comentarios?|komentarz[ey]?|комментари[йяев]{1,2}) (?:on|to|zu|sur|en|do|к) [“\"«„‘'‹]"
)
# A line that only counts an article's comments: "12 Comments", "[ 48 comments ]",
# "0 Комментариев", "5 komentářů", "3 yorum", "12 تعليقا", "4 comentarii", "7 hozzászólás",
# "5 bình luận", "2 टिप्पणियां" (a link to the comment section, or its heading).
COMMENT_COUNT_LINE = re.compile(
    r"\n[\[(]? ?\d{1,6} (?:comments?|kommentare?|commentaires?|comentarios?|comentários?|comment[io]|reacties"
    r"|komentarz[ey]?|komentář[eů]?|комментари[йяев]{1,2}|коментар(?:і|ів)?|σχόλι[οα]|kommentarer|yorum"
    r"|تعليق(?:ات|اً?)?|comentari[iu]|hozzászólás|komment|bình luận|टिप्पणि(?:यां|याँ)|टिप्पणी|कमेंट(?:्स)?)"
    r" ?[\])]?(?=\n)"
)


def is_comment_count(line: str) -> bool:
    """Whether `line` only counts comments (`COMMENT_COUNT_LINE`).

    >>> is_comment_count("[ 48 Comments ]"), is_comment_count("48 comments were sent in.")
    (True, False)
    """
    return COMMENT_COUNT_LINE.match("\n" + plain_lower(line.strip()) + "\n") is not None


# A photo gallery's counter: "1 of 6", "3/12", "2 из 9", "4 av 10", "2 din 8" alone on a line.
GALLERY_COUNTER_LINE = re.compile(r"\n\d{1,3} ?(?:/|of|из|z|von|sur|de|di|din|van|από|av|من) ?\d{1,3}(?=\n)")
# A line with two separators near its start (matched on lines that have two).
MENU_SEPARATORS = "|·•»"
MENU_LINE = re.compile(r"[^|·•»]{0,60}[|·•»][^|·•»]{0,60}[|·•»]")
_MENU_SEPARATOR = re.compile(r"[|·•»]")


def is_menu(line: str, *, timeout: float = DEFAULT_PATTERN_TIMEOUT) -> bool:
    """Three or more short items joined by separators, not ending a sentence (`timeout`:
    the time guard, `Config.pattern_timeout`).

    >>> is_menu("Home | News | Sport | Weather"), is_menu("Home\\u00a0-\\u00a0News\\u00a0-\\u00a0Sport")
    (True, True)
    >>> is_menu("He said - and she agreed - that it was over.")
    False
    """
    if ends_sentence(line):
        return False
    items = [item for item in MENU_SEPARATOR.split(plain_spaces(line), timeout) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


def holds_two_of(text: str, chars: str) -> bool:
    """Whether `text` holds at least two characters of `chars` in all, found by
    `str.find` (which skips through text many times faster than `str.count` counts).

    >>> holds_two_of("Home | News", "|·"), holds_two_of("Home | News · Sport", "|·")
    (False, True)
    """
    held = 0
    for char in chars:
        at = text.find(char)
        if at >= 0:
            held += 1 if text.find(char, at + 1) < 0 else 2
            if held > 1:
                return True
    return False


def _lines_with_two_separators(text: str, lines: Sequence[str]) -> list[int]:
    """Indices of the lines with at least two menu separators, found by scanning for
    the separators themselves (rare outside menus)."""
    starts = line_starts(lines)
    counts: dict[int, int] = {}
    for match in _MENU_SEPARATOR.finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        counts[i] = counts.get(i, 0) + 1
    return [i for i, count in counts.items() if count > 1]


def rights_notice_lines(text: str, lang: str | None = None) -> list[int]:
    """Indices of the lines that hold a rights notice (`rights_notices` of the page's
    language `lang` and English) anywhere, and are at most `MAX_RIGHTS_NOTICE_CHARS`
    long; each phrase is found by `str.find` on the lower-cased page.

    >>> rights_notice_lines("Rain fell.\\nCOPYRIGHT 2024 Westmoor Gazette. All rights reserved.")
    [1]
    """
    framed, starts = framed_lowered(text)
    found: set[int] = set()
    for phrase in rights_notices(lang):
        at = framed.find(phrase)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1  # line i: framed[starts[i] + 1 : starts[i + 1]]
            if starts[i + 1] - starts[i] - 1 <= MAX_RIGHTS_NOTICE_CHARS:
                found.add(i)
            at = framed.find(phrase, starts[i + 1])
    return sorted(found)


def find_boilerplate(text: str, lines: Sequence[str], lang: str | None, config: Config) -> dict[int, Reason]:
    """Indices of boilerplate lines with their reasons.

    A line right after a bare inline-teaser cue ("Read more", "Also read") that reads as
    a headline is the teased headline, and goes too. Teaser-list headings are left to
    `remove_teaser_lists`.

    Example:

    >>> text = "Rain fell all day.\\nShare this article\\nHome | News | Sport\\nIt stopped at six."
    >>> find_boilerplate(text, text.split("\\n"), "en", DEFAULT_CONFIG)
    {1: <Reason.SHARE: 'share'>, 2: <Reason.NAVIGATION: 'navigation'>}
    """
    return _find_boilerplate(text, lines, lang, config)[0]


def _find_boilerplate(
    text: str, lines: Sequence[str], lang: str | None, config: Config
) -> tuple[dict[int, Reason], list[int]]:
    """`find_boilerplate`'s drops, and the teaser-heading lines the cues found."""
    table = cue_table(lang)
    drops: dict[int, Reason] = {}
    headings: list[int] = []  # left to remove_teaser_lists
    bare_teasers: list[int] = []  # lines that are only a teaser cue ("Read more")
    framed_lowered(text)  # the prefix scan below reads it; it also knows `holds_space_chars`
    for i, reason in table.whole_line_cues(lines, spaced=holds_space_chars(text)):
        if reason is Reason.TEASER_HEADING:
            headings.append(i)
        else:
            drops[i] = reason
            if reason is Reason.INLINE_TEASER:
                bare_teasers.append(i)
    if table.prefix_scan is not None:
        for i, match in lowered_line_matches(table.prefix_scan, text):
            if i not in drops and len(lines[i]) <= MAX_PREFIX_CUE_CHARS:
                drops[i] = table.reason_of(match)
    for i, _ in lowered_line_matches(COMMENT_COUNT_HEADING, text):
        if len(lines[i]) <= MAX_PREFIX_CUE_CHARS:
            drops.setdefault(i, Reason.COMMENTS)
    for i, _ in lowered_line_matches(COMMENT_COUNT_LINE, text):
        drops.setdefault(i, Reason.COMMENTS)
    for i, _ in lowered_line_matches(GALLERY_COUNTER_LINE, text):
        drops.setdefault(i, Reason.NAVIGATION)
    for i in rights_notice_lines(text, lang):
        drops.setdefault(i, Reason.FOOTER)
    if PLAYER_CLOCK_START in text:  # a C-level test spares nearly every page the scan
        for i, _ in lowered_line_matches(PLAYER_CLOCK_LINE, text):
            drops.setdefault(i, Reason.AUDIO_WIDGET)
    for i, line in enumerate(lines):
        if line and " " not in line and URL_OR_FILE_LINE.fullmatch(line.lower()):
            drops.setdefault(i, Reason.NAVIGATION)
    if holds_two_of(text, MENU_SEPARATORS):  # C-level searches spare most pages the scan
        for i in _lines_with_two_separators(text, lines):
            line = lines[i]
            if i not in drops and MENU_LINE.match(line) and is_menu(line, timeout=config.pattern_timeout):
                drops[i] = Reason.NAVIGATION
    if text.count(" - ") + text.count(" / ") > 1:
        for i, _ in lowered_line_matches(DASHED_MENU_LINE, text):
            if i not in drops and is_menu(lines[i], timeout=config.pattern_timeout):
                drops[i] = Reason.NAVIGATION
    for i in bare_teasers:
        after = i + 1
        while after < len(lines) and not lines[after]:
            after += 1
        if after < len(lines) and after not in drops:
            teased = lines[after]
            if not ends_sentence(teased) and len(teased.split()) <= config.max_headline_words:
                drops[after] = Reason.INLINE_TEASER
    return drops, headings


def remove_boilerplate(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop boilerplate lines, each with its kind as the reason.

    Example:

    >>> from newsclean.document import Document
    >>> page = ("We use cookies to improve your experience.\\nRain fell all day.\\n"
    ...         "Subscribe to our newsletter\\nAll rights reserved.")
    >>> doc = remove_boilerplate(Document.from_text(page, lang="en"))
    >>> doc.text, [str(edit.reason) for edit in doc.edits]
    ('Rain fell all day.', ['cookie', 'subscribe', 'footer'])
    """
    lines = text_lines(doc.text)
    drops, headings = _find_boilerplate(doc.text, lines, doc.lang, config)
    out = drop_lines(doc, lines, drops, "remove_boilerplate")
    remember_teaser_headings(out.text, doc.lang, _headings_left(headings, drops))
    return out


def _headings_left(headings: list[int], drops: Mapping[int, Reason]) -> list[int]:
    """The indices, among the lines left once `drops` are gone, of the headings kept.

    >>> _headings_left([1, 4, 6], {0: Reason.SHARE, 4: Reason.SHARE, 5: Reason.FOOTER})
    [0, 3]
    """
    if not drops:
        return headings
    dropped = sorted(drops)
    return [i - bisect.bisect_left(dropped, i) for i in headings if i not in drops]
