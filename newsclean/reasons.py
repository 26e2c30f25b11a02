"""Why a filter changed a document (`Reason`) and what a document carries as a warning (`Flag`).

Both are string enums so that they serialise as their value and compare with plain strings.

>>> Reason.AUDIO_WIDGET.value
'audio_widget'
>>> Reason("share") is Reason.SHARE
True
"""

from __future__ import annotations

import enum


class Reason(str, enum.Enum):
    """The reason recorded with every edit. Each kind of boilerplate is counted apart.

    Example:

    >>> Reason.SHARE == "share", str(Reason.OUTSIDE_ARTICLE)
    (True, 'outside_article')
    """

    # encoding and layout repairs (text replaced, not removed)
    ENCODING = "encoding"
    CONTROL_CHARS = "control_chars"
    WHITESPACE = "whitespace"
    BLANK_LINES = "blank_lines"
    # page metadata, moved out of the text into fields
    PAGE_HEADER = "page_header"
    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    # boilerplate lines, one reason per kind
    AUDIO_WIDGET = "audio_widget"
    INLINE_TEASER = "inline_teaser"
    SHARE = "share"
    SUBSCRIBE = "subscribe"
    COOKIE = "cookie"
    NAVIGATION = "navigation"
    FOOTER = "footer"
    COMMENTS = "comments"
    ADVERTISEMENT = "advertisement"
    WIDGET = "widget"
    # captions: the caption goes to `Document.captions`, its duplicated alt text is dropped
    CAPTION = "caption"
    ALT_TEXT = "alt_text"
    # lists of other articles' headlines, and their headings
    TEASER_HEADING = "teaser_heading"
    TEASER_LIST = "teaser_list"
    # exact repeats of a line kept earlier
    REPEATED_LINE = "repeated_line"
    # lines that the article model places outside the article
    OUTSIDE_ARTICLE = "outside_article"
    # lines seen on a large share of the same site's pages (a site profile)
    SITE_BOILERPLATE = "site_boilerplate"
    # a layout repair, listed last so that the audit report's colours stay as they were:
    # a hard-wrapped dump's line break joined again (`newsclean.wrapping`)
    HARD_WRAP = "hard_wrap"

    def __str__(self) -> str:
        return self.value


class Flag(str, enum.Enum):
    """Warnings a document carries; they never remove text by themselves.

    Example:

    >>> Flag("guard_hit") is Flag.GUARD_HIT
    True
    >>> [str(flag) for flag in Flag][:2]
    ['encoding_repaired', 'mostly_removed']
    """

    ENCODING_REPAIRED = "encoding_repaired"
    """Some spans were mojibake and were repaired with ftfy."""
    MOSTLY_REMOVED = "mostly_removed"
    """The chain removed more than `Config.min_kept_share` of the words."""
    NO_ARTICLE_FOUND = "no_article_found"
    """Article selection would have emptied the document, so it was skipped."""
    GUARD_HIT = "guard_hit"
    """A pattern hit its time guard, or the chain its CPU-time guard; the chain stopped
    at that filter and passed the document on as it was before it (see
    `newsclean.guard` and `newsclean.cpu_guard`)."""

    def __str__(self) -> str:
        return self.value
