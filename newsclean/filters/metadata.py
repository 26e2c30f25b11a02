"""Page metadata moved out of the text: the title (page header or bare first line, and
the headline repeated in the page), the dateline and the byline.

>>> from newsclean.document import Document
>>> page = ("date 2022-09-13 Storm hits coast - Example News\\nStorm hits coast\\n"
...         "13 September 2022, 14:12\\nBy Jane Doe\\nThe storm arrived at dawn.")
>>> doc = extract_byline(extract_dateline(extract_title(Document.from_text(page))))
>>> doc.title, doc.published, doc.byline
('Storm hits coast', '2022-09-13T14:12', 'Jane Doe')
>>> doc.text
'The storm arrived at dawn.'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newsclean import views
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.dates import NATIVE_DIGITS, TIME_PATTERN, YEAR, find_date
from newsclean.document import Document, offsets_now
from newsclean.lines import drop_lines, lines_equal_to, lines_starting_with, lowered_line_matches
from newsclean.reasons import Reason
from newsclean.resources import all_byline_words, byline_words, cue_table, first_char_lookahead, trie_pattern
from newsclean.spacing import plain_lower
from newsclean.text import ends_sentence

# The seed layout's first line: ` date YYYY-MM-DD <title>` (leading space already trimmed).
PAGE_HEADER = re.compile(r"date (\d{4}-\d{2}-\d{2})(?:\s+(.*))?")
# What follows `date ` on a header line; `filters.language` finds header lines too.
HEADER_REST = r"\d{4}-\d{2}-\d{2}(?:[ \t][^\n]*)?"
HEADER_LINE = re.compile(rf"\ndate {HEADER_REST}(?=\n)")
HEADER_LEADER = "\ndate "  # what every HEADER_LINE match starts with
# What separates a headline from a site or section name in a page title.
TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»/]\s+|\s*[|_]\s*|\s*:{2,}\s*")
# The longest line taken for a page title, and the most parts of it looked at.
MAX_TITLE_CHARS = 300
MAX_TITLE_PARTS = 8
# A line that is the headline (at least MIN_LED_HEADLINE_CHARS long) followed by at most
# MAX_HEADLINE_TAIL_CHARS of time or label is the headline too.
MIN_LED_HEADLINE_CHARS = 20
MAX_HEADLINE_TAIL_CHARS = 24
# What ends a title or a name as a sentence would ("।", the Devanagari danda, too).
FULL_STOPS = (".", "।")
# Words a dateline may have besides the date and time ("Published", "Updated", "min read").
MAX_DATELINE_WORDS = 6
# An embedded post's signature ("— Jane Doe (@janedoe) November 18, 2019") quotes the
# post in the article: its date is the post's, not the page's.
EMBED_SIGNATURE = re.compile(r"\(@\w{1,30}\)")
# The Swedish "kl." (klockan) before a time, which goes with the time: left among a
# dateline's words, its period would end them like a sentence.
CLOCK_WORD = re.compile(r"\bkl\.?(?=\s?\d{1,2}[:.]\d\d)")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# Words that join the names of a byline ("By Jane Doe and John Roe", "Autor: Jan Novák a
# Eva Malá", "Av Anna Berg och Erik Lund", "Autori: Ana Popescu și Mihai Ionescu").
NAME_JOINERS = frozenset(
    [
        "and",
        "&",
        "und",
        "et",
        "y",
        "e",
        "i",
        "и",
        "і",
        "та",
        "και",
        "en",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "la",
        "le",
        "del",
        "dos",
        "du",
        "ten",
        "a",
        "ve",
        "och",
        "و",
        "și",
        "şi",
        "és",
        "và",
        "और",
    ]
)


def _title_runs(title: str) -> list[str]:
    """Contiguous runs of the separated parts of a page title, longest first."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for separator in TITLE_SEPARATORS.finditer(title):
        bounds.append((pos, separator.start()))
        pos = separator.end()
    bounds.append((pos, len(title)))
    bounds = [(a, b) for a, b in bounds if title[a:b].strip()][:MAX_TITLE_PARTS]
    runs = {
        title[bounds[i][0] : bounds[j][1]].strip() for i in range(len(bounds)) for j in range(i, len(bounds))
    }
    return sorted(runs, key=lambda run: (-len(run), run))


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def _repeated_run(title: str, page_after_title: str) -> str | None:
    """The longest run of the title's parts that the page repeats as a line of its own
    (`page_after_title`: the lower-cased page after the title line, framed by newlines)."""
    for run in _title_runs(title[:MAX_TITLE_CHARS]):
        if "\n" + _key(run) + "\n" in page_after_title:
            return run
    return None


def _headline_of(title: str, page_after_title: str) -> str:
    """The headline part of a page title: the run of its parts the page repeats as a
    line, else its longest part (`page_after_title` as for `_repeated_run`)."""
    return _repeated_run(title, page_after_title) or _longest_part(title)


def _longest_part(title: str) -> str:
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title[:MAX_TITLE_CHARS]) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


def _lines_led_by(text: str, key: str) -> list[int]:
    """Lines of the page that are the headline `key` (lower-case) with a short tail, such
    as its time or a label ("Storm hits coast 05.01.12 18:27", "Storm hits coast (video)")."""
    if len(key) < MIN_LED_HEADLINE_CHARS:
        return []
    return [
        i
        for i, rest in lines_starting_with(text, key)
        if (tail := rest.strip())
        and not rest[0].isalnum()
        and len(tail) <= MAX_HEADLINE_TAIL_CHARS
        and not ends_sentence(tail)
    ]


def _has_cue_line(text: str, lines: Sequence[str], framed_lowered_page: str, lang: str | None) -> bool:
    """Whether the page has a line that a boilerplate or teaser cue matches."""
    table = cue_table(lang)
    if next(table.whole_line_cues(lines, spaced=views.holds_space_chars(text)), None) is not None:
        return True
    return table.prefix_scan is not None and table.prefix_scan.search(framed_lowered_page) is not None


def _looks_like_title(line: str, config: Config) -> bool:
    """Whether a bare first line may be the page's title: short, not a sentence, with two
    letters or more (a lone letter, "X" or "1 a", is a label; taken for a title it would
    drop its case-insensitive repeats further down). Letters are counted one by one: in
    Devanagari or Bengali the vowel signs between them are marks, not letters.

    >>> [_looks_like_title(line, DEFAULT_CONFIG) for line in ("Ferries resume", "मंडी खुली", "X", "1 a")]
    [True, True, False, False]
    """
    if len(line) > MAX_TITLE_CHARS or len(line.split()) > config.max_headline_words:
        return False
    first = _LETTER.search(line)
    return (
        first is not None
        and _LETTER.search(line, first.end()) is not None
        and not line.endswith(FULL_STOPS)
    )


def extract_title(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Take the title from the page header (`date YYYY-MM-DD title`) or from a bare first
    line that reads as a title, and drop the lines that repeat the headline.

    Example:

    >>> from newsclean.document import Document
    >>> page = "date 2024-03-05 Ferries resume | Harbour News\\nFerries resume\\nFerries ran on Tuesday."
    >>> doc = extract_title(Document.from_text(page))
    >>> doc.title, doc.published, doc.text
    ('Ferries resume', '2024-03-05', 'Ferries ran on Tuesday.')
    """
    text = doc.text
    start = first_line_start(text)
    if start == len(text):
        return doc
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    first_line = text[start:end]
    first = text.count("\n", 0, start)
    drops: dict[int, Reason] = {}
    changes: dict[str, str] = {}
    title = doc.title
    lines = views.text_lines(text)
    framed, starts = views.framed_lowered(text)
    # Page headers are dropped wherever they stand (a copy further down would become the
    # first line once the lines above it go); the first one gives the date and title.
    for i, _ in lowered_line_matches(HEADER_LINE, text, HEADER_LEADER):
        drops[i] = Reason.PAGE_HEADER
    header = PAGE_HEADER.fullmatch(first_line)
    if header:
        if doc.published is None:
            changes["published"] = header.group(1)
        title = title or (header.group(2) or "").strip() or None
    page_after = framed[starts[first + 1] :] if first + 1 < len(starts) else ""
    headline = None
    headline_lines: list[int] = []
    if title is not None:
        found = views.take_headline(text, title, first_line)  # `detect_page_language` may have it
        if found is None:
            found = _headline_and_lines(text, title, first_line, page_after)
        headline, headline_lines = found
    elif text.count("\n", end) >= 2 and _looks_like_title(first_line, config):
        # A bare first line is the page's title when the page repeats it (or its
        # headline part) as a line, or when the page is a raw dump (it still has a
        # boilerplate line). Clean text has neither, so cleaning it again does not take
        # its first paragraph for a title.
        headline = _repeated_run(first_line, page_after)
        if headline is None and _has_cue_line(text, lines, framed, doc.lang):
            headline = _longest_part(first_line)
        if headline is not None:
            drops[first] = Reason.TITLE
            title = first_line.strip()
            headline_lines = _headline_lines(text, title, headline, first_line)
    if title is None or headline is None:
        return drop_lines(doc, lines, drops, "extract_title", **changes)
    for i in headline_lines:
        drops.setdefault(i, Reason.TITLE)
    if headline != doc.title:
        changes["title"] = headline
    return drop_lines(doc, lines, drops, "extract_title", **changes)


def _headline_and_lines(
    text: str, title: str, first_line: str, page_after_title: str
) -> tuple[str, list[int]]:
    """The headline part of `title` (`_headline_of`) and the lines that repeat it
    (`_headline_lines`).

    >>> page = "date 2024-03-05 Ferries resume | Harbour News\\nFerries resume\\nThey ran."
    >>> after = "\\nferries resume\\nthey ran.\\n"
    >>> _headline_and_lines(page, "Ferries resume | Harbour News", page.split("\\n")[0], after)
    ('Ferries resume', [0, 1])
    """
    headline = _headline_of(title, page_after_title)
    return headline, _headline_lines(text, title, headline, first_line)


def _headline_lines(text: str, title: str, headline: str, first_line: str) -> list[int]:
    """The lines that repeat the page's title or headline (or its first line), or are
    the headline with a short tail: what `extract_title` drops as the title."""
    found = lines_equal_to(text, {_key(headline), _key(title), _key(first_line)})
    return sorted(found.union(_lines_led_by(text, _key(headline))))


def first_line_start(text: str) -> int:
    """Where the first non-blank line starts (without copying a long text, as
    `str.lstrip` would).

    >>> first_line_start("\\n\\nRain fell."), first_line_start("")
    (2, 0)
    """
    start = 0
    while start < len(text) and text[start] == "\n":
        start += 1
    return start


def header_headline_lines(text: str) -> list[int]:
    """On a page whose first line is a page header (`date YYYY-MM-DD title`), the lines
    that `extract_title` drops as repeating its title or headline (the header's own line
    aside); else none. `detect_page_language` leaves them out, as it does the header:
    clean text read again has neither.

    >>> header_headline_lines("date 2024-03-05 Ferries resume | Harbour News\\nFerries resume\\nThey ran.")
    [1]
    """
    start = first_line_start(text)
    end = text.find("\n", start)
    if end < 0:
        return []
    first_line = text[start:end]
    header = PAGE_HEADER.fullmatch(first_line)
    title = (header.group(2) or "").strip() if header else ""
    if not title:
        return []
    framed, starts = views.framed_lowered(text)
    first = text.count("\n", 0, start)
    page_after = framed[starts[first + 1] :] if first + 1 < len(starts) else ""
    headline, lines = _headline_and_lines(text, title, first_line, page_after)
    views.remember_headline(text, title, first_line, headline, lines)  # for `extract_title`
    return [i for i in lines if i != first]


def _dateline_iso(line: str) -> str | None:
    """ISO date of a line that is a date with a few words around it, else `None`."""
    lowered = plain_lower(line)
    found = find_date(lowered)
    if found is None:
        return None
    start, end, iso = found
    rest = lowered[:start] + " " + lowered[end:]
    if "kl" in rest:  # a C-level test spares nearly every line the pattern
        rest = CLOCK_WORD.sub(" ", rest)
    rest = TIME_PATTERN.sub(" ", rest)
    if len(_LETTER_WORD.findall(rest)) > MAX_DATELINE_WORDS or ends_sentence(rest.strip()):
        return None
    return iso


def is_embed_signature(line: str, config: Config = DEFAULT_CONFIG) -> bool:
    """Whether a line is an embedded post's signature: a name, a handle in brackets and a
    date, which `extract_dateline` leaves with the post it signs.

    >>> is_embed_signature("— Karen Lowe (@karenlowe) November 18, 2019")
    True
    >>> is_embed_signature("Follow Karen Lowe (@karenlowe) for updates")
    False
    """
    return (
        len(line) <= config.max_dateline_chars
        and _has_handle(line)
        and YEAR.search(line) is not None
        and _dateline_iso(line) is not None
    )


def _has_handle(line: str) -> bool:
    """Whether a line holds a handle in brackets ("(@janedoe)"): a substring test spares
    nearly every line the pattern."""
    return "(@" in line and EMBED_SIGNATURE.search(line) is not None


def extract_dateline(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop lines that are a date (and time) with a few words around it; the first one
    gives `published`, refining a bare date from the page header.

    Example:

    >>> from newsclean.document import Document
    >>> page = "Ferries ran again.\\nUpdated: 5 March 2024, 09:30\\nBy 2025 the pier will be rebuilt."
    >>> doc = extract_dateline(Document.from_text(page, published="2024-03-05"))
    >>> doc.published, doc.text
    ('2024-03-05T09:30', 'Ferries ran again.\\nBy 2025 the pier will be rebuilt.')
    >>> extract_dateline(Document.from_text("عادت العبارات.\\nنشر في ١٥ يناير ٢٠٢٤", lang="ar")).published
    '2024-01-15'
    """
    lines = views.text_lines(doc.text)
    limit = config.max_dateline_chars
    drops: dict[int, Reason] = {}
    published = doc.published
    # Dates in Arabic-Indic digits on Arabic pages, and in Devanagari ones on Hindi pages,
    # are read in ASCII ones (the same length, so the same lines); the pages of other
    # languages are read as they are.
    read: Sequence[str] = lines
    digits = NATIVE_DIGITS.get(doc.lang or "")
    if digits is not None:
        read = [line.translate(digits) for line in lines]
    # Only a short line holding a year can be a dateline: the year is looked for in those
    # alone (most of a page's text is in long lines), after a substring test.
    for index, line in enumerate(read):
        if len(line) > limit or ("19" not in line and "20" not in line) or not YEAR.search(line):
            continue
        iso = _dateline_iso(line)
        if iso is None or _has_handle(line):
            continue
        drops[index] = Reason.DATELINE
        if published is None or (len(published) == 10 and iso.startswith(published)):
            published = iso
    changes = {"published": published} if published != doc.published else {}
    return drop_lines(doc, lines, drops, "extract_dateline", **changes)


@functools.cache
def _byline_pattern(lang: str | None) -> re.Pattern[str]:
    """A line that starts with a byline word, in a page after a newline (the leading
    newline makes the scan skip from line start to line start)."""
    return _line_led_by(byline_words(lang or "en"))


@functools.cache
def any_byline_pattern() -> re.Pattern[str]:
    """`_byline_pattern` with the byline words of every language."""
    return _line_led_by(all_byline_words())


def _line_led_by(words: tuple[str, ...]) -> re.Pattern[str]:
    lead = first_char_lookahead(words)  # most lines start with none of the words' letters
    return re.compile(rf"\n{lead}{trie_pattern(words)}(?:[ \t]*[:：][ \t]*|[ \t]+)(?=[^\n])")


def max_byline_chars(config: Config) -> int:
    """The longest line taken for a byline."""
    return 12 + 10 * config.max_byline_words


def byline_name(line: str, config: Config) -> str | None:
    """The name in a byline's tail ("Jane Doe" of "By Jane Doe"), or `None`.

    >>> byline_name("Jane Doe", DEFAULT_CONFIG), byline_name("the pier, crowds gathered", DEFAULT_CONFIG)
    ('Jane Doe', None)
    """
    name = line.strip(" ,;|")
    tokens = name.split()
    if not tokens or len(tokens) > config.max_byline_words or name.endswith(FULL_STOPS):
        return None
    for token in tokens:
        # Names are capitalised in scripts with case; Chinese names have none.
        if not ((token[0].isalpha() and not token[0].islower()) or token.lower() in NAME_JOINERS):
            return None
    return name


def extract_byline(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop author lines (`By Jane Doe`, `Von Anna Weber`, `Autor: Jan Nowak`); the first
    one gives `byline`.

    Example:

    >>> from newsclean.document import Document
    >>> page = "By Ana Lima and Tom Reyes\\nFerries ran again.\\nBy the pier, crowds gathered to watch."
    >>> doc = extract_byline(Document.from_text(page, lang="en"))
    >>> doc.byline, doc.text
    ('Ana Lima and Tom Reyes', 'Ferries ran again.\\nBy the pier, crowds gathered to watch.')
    >>> extract_byline(Document.from_text("Von Anna Weber\\nDie Fähren fahren wieder.", lang="de")).byline
    'Anna Weber'
    """
    text = doc.text
    drops: dict[int, Reason] = {}
    byline = doc.byline
    limit = max_byline_chars(config)
    lines: Sequence[str] | None = None
    for i, match in lowered_line_matches(_byline_pattern(doc.lang), text):
        if lines is None:
            lines = views.text_lines(text)
        line = lines[i]
        if len(line) > limit:
            continue
        name = byline_name(line[len(match.group()) - 1 :], config)
        if name is None:
            continue
        drops[i] = Reason.BYLINE
        byline = byline or name
    if lines is None:
        return doc
    changes = {"byline": byline} if byline != doc.byline else {}
    return drop_lines(doc, lines, drops, "extract_byline", **changes)


def headline_offset(doc: Document) -> int | None:
    """Offset in `doc.text` where the headline repeated in the page body stood (the
    first title line that was not the page's first line), or `None`.

    Example:

    >>> page = "Ferries resume - Harbour News\\nHome\\nFerries resume\\nFerries ran again on Tuesday."
    >>> doc = extract_title(Document.from_text(page))
    >>> doc.text, headline_offset(doc)
    ('Home\\nFerries ran again on Tuesday.', 5)
    """
    for k, edit in enumerate(doc.edits):
        if edit.reason is Reason.TITLE and edit.start != 0:
            return offsets_now(doc.edits, [k])[0]
    return None
