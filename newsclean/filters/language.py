"""Setting `Document.lang`, which decides the cue lists the later filters use.

>>> from newsclean.document import Document
>>> detect_page_language(Document.from_text("Le conseil a décidé que la route sera fermée.")).lang
'fr'
"""

from __future__ import annotations

import bisect
import re

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.boilerplate import MAX_PREFIX_CUE_CHARS
from newsclean.filters.captions import labelled_credit_lines
from newsclean.filters.metadata import (
    HEADER_REST,
    any_byline_pattern,
    byline_name,
    first_line_start,
    header_headline_lines,
    max_byline_chars,
)
from newsclean.language import SAMPLE_CHARS, detect_language, sample_window
from newsclean.resources import check_language, cue_table
from newsclean.spacing import plain_lower
from newsclean.text import line_starts
from newsclean.views import text_lines


def detect_page_language(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Set `lang` from `config.lang`, else from the text; a language given with the
    document is kept.

    Example:

    >>> from newsclean.document import Document
    >>> detect_page_language(Document.from_text("Rain fell."), Config(lang="fr")).lang
    'fr'
    >>> given = Document.from_text("Le conseil a décidé que la route sera fermée.", lang="es")
    >>> detect_page_language(given).lang
    'es'
    """
    if doc.lang is not None:
        return doc
    if config.lang:
        lang: str | None = check_language(config.lang)
    else:
        sample, lowered = _without_bylines(_body_sample(doc.text), config)
        if sample.count(" ") < FEW_WORDS:  # a page whose vote one boilerplate line can decide
            sample, lowered = _without_boilerplate_lines(sample, lowered)
        lang = detect_language(sample, lowered=lowered)
        if lang is None and len(doc.text) > SAMPLE_CHARS:
            lang = _detect_elsewhere(doc.text, config)
    return doc if lang is None else attrs.evolve(doc, lang=lang)


def _detect_elsewhere(text: str, config: Config) -> str | None:
    """The language read from the start of a long page, then from two thirds into it,
    when the sample a third into it (`sample_window`) told nothing: a run of markup, code
    or figures there.

    >>> text = "Совет одобрил бюджет на следующий год, и он вступит в силу в апреле." * 40
    >>> _detect_elsewhere("0123456789 " * 300 + text, DEFAULT_CONFIG)
    'ru'
    """
    for start in (0, 2 * len(text) // 3):
        sample, lowered = _without_bylines(text[start : start + SAMPLE_CHARS], config)
        lang = detect_language(sample, lowered=lowered)
        if lang is not None:
            return lang
    return None


def _body_sample(text: str) -> str:
    """What the language is read from: the text without its page header lines (` date
    YYYY-MM-DD title`, written `date`, `Date` or `DATE`), which `extract_title` drops, so
    that clean text read again gets the language its page got. Of a long page, only the
    characters detection reads are cut out. Found by `str.find` in the text itself: a
    copy of the page, or its lower-cased form made here, would raise a 20 MB page's
    peak memory.

    >>> _body_sample("date 2024-03-05 Le conseil vote le budget\\nRain fell.")
    'Rain fell.'
    """
    headers = _left_out(text)
    if not headers:
        start, end = sample_window(len(text))
        return text[start:end]  # the text itself when it is short enough
    # The runs of lines between the headers, as offsets in the text, joined by newlines.
    runs, after = [], 0
    for start, end in headers:
        if start > after:
            runs.append((after, start - 1))
        after = end + 1
    if after <= len(text):
        runs.append((after, len(text)))
    want_start, want_end = sample_window(sum(end - start for start, end in runs) + max(len(runs) - 1, 0))
    pieces, at = [], 0  # `at`: where the run starts in the text without the headers
    for k, (start, end) in enumerate(runs):
        if k:
            if want_start <= at < want_end:
                pieces.append("\n")
            at += 1
        low, high = max(want_start, at), min(want_end, at + end - start)
        if low < high:
            pieces.append(text[start + low - at : start + high - at])
        at += end - start
        if at >= want_end:
            break
    return "".join(pieces)


def _left_out(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of the lines the language is not read from, in order: the page
    header lines, and on a page that starts with one, the lines that repeat its title
    or headline (`header_headline_lines`), which `extract_title` drops too.

    >>> _left_out("date 2024-03-05 Ferries resume - Harbour News\\nFerries resume\\nThey ran.")
    [(0, 45), (46, 60)]
    """
    spans = _header_spans(text)
    if not spans or spans[0][0] != first_line_start(text):
        return spans
    lines = text_lines(text)
    starts = line_starts(lines)
    repeats = [(starts[i], starts[i] + len(lines[i])) for i in header_headline_lines(text)]
    return sorted(set(spans).union(repeats))


def _without_bylines(sample: str, config: Config) -> tuple[str, str | None]:
    """The sample without its byline lines ("By Jane Doe", "Von Anna Weber", in any
    language), which `extract_byline` drops: a byline's "by" can be the vote that decides
    a short page, and clean text read again must get the language its page got. With
    it, its lower-cased form when no line went (the sample's own, already made here).

    >>> _without_bylines("By Amira Khan\\nCouncil sets budget\\nBy the pier, crowds waited.", DEFAULT_CONFIG)
    ('Council sets budget\\nBy the pier, crowds waited.', None)
    >>> _without_bylines("Council sets budget", DEFAULT_CONFIG)
    ('Council sets budget', 'council sets budget')
    """
    lowered = plain_lower(sample)
    framed = "\n" + lowered + "\n"
    if len(framed) != len(sample) + 2:  # lower-casing moved the offsets: leave the sample
        return sample, lowered
    pieces, at = [], 0
    for match in any_byline_pattern().finditer(framed):
        start = match.start()  # where the line starts in `sample`
        end = sample.find("\n", start)
        end = len(sample) if end < 0 else end
        line = sample[start:end]
        if len(line) <= max_byline_chars(config) and byline_name(line[len(match.group()) - 1 :], config):
            pieces.append(sample[at:start])
            at = end + 1
    if not pieces:
        return sample, lowered
    pieces.append(sample[at:])
    return "".join(pieces), None


# Below this many words (blanks, counted) in its sample, a page's language is read
# without its English boilerplate lines (`_without_boilerplate_lines`).
FEW_WORDS = 100


def _without_boilerplate_lines(sample: str, lowered: str | None) -> tuple[str, str | None]:
    """The sample without the lines that are English boilerplate cues, whole ("Listen to
    this article", "Share this article") or at their start ("Read more: ..."), which
    `remove_boilerplate` drops on every page, and without the lines that end in a photo
    credit ("A view of the pier /Picture: Getty"), which `extract_captions` takes: like a
    byline, such a line can hold the vote that decides a short page, and clean text read
    again must get the language its page got. With its lower-cased form (`lowered`, when
    given) when no line went. Run on samples of fewer than `FEW_WORDS` words only: a page
    with more holds far more function words than such a line does, and the lookups would
    cost a twentieth of the language filter on every page.

    >>> _without_boilerplate_lines("LISTEN TO THIS ARTICLE\\nRates rose.\\nRead more: The bank said so", None)
    ('Rates rose.', None)
    >>> _without_boilerplate_lines("A view of the pier /Picture: Getty\\nRates rose.", None)
    ('Rates rose.', None)
    >>> _without_boilerplate_lines("Rates rose.", "rates rose.")
    ('Rates rose.', 'rates rose.')
    """
    table = cue_table("en")
    lines = sample.split("\n")
    dropped = {i for i, _ in table.whole_line_cues(lines)}
    low = plain_lower(sample) if lowered is None else lowered
    if len(low) == len(sample):  # else lower-casing moved the offsets: whole lines only
        dropped.update(labelled_credit_lines(sample, low))
        if table.prefix_scan is not None:
            # Scanned here, not with `lines.lowered_line_matches`: that reads the page's
            # cached lower-cased view, which a sample would replace.
            starts = line_starts(lines)
            for match in table.prefix_scan.finditer("\n" + low + "\n"):
                at = bisect.bisect_right(starts, match.start()) - 1
                if len(lines[at]) <= MAX_PREFIX_CUE_CHARS:
                    dropped.add(at)
    if not dropped:
        return sample, lowered
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped), None


# A page header line, as `extract_title` takes it, in the casings page dumps use.
_HEADER_LEADERS = ("date ", "Date ", "DATE ")
_HEADER_LINE = re.compile(rf"(?:date|Date|DATE) {HEADER_REST}(?=\n|\Z)")


def _header_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each header line (its newline excluded), in order."""
    spans = []
    for leader in _HEADER_LEADERS:
        starts = [0] if text.startswith(leader) else []
        at = text.find("\n" + leader)
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n" + leader, at + 1)
        for start in starts:
            match = _HEADER_LINE.match(text, start)
            if match is not None:
                spans.append((start, match.end()))
    return sorted(spans)
