"""Teaser lists: a heading such as "More Latest News", "Most read" or "Related", and the
run of other articles' headlines (with their alt texts) that follows it.

The list ends where the article resumes: at `Config.teaser_stop_run` consecutive lines
that read as prose. Teaser cards whose headline runs into their summary with no space
between go too (`glued_teaser_cards`), where a page has several.

>>> from newsclean.document import Document
>>> page = ("Rain fell all day.\\nMost read\\nCouncil sets budget\\nStorm closes roads\\n"
...         "A view of the river at dusk.\\nRiver levels rise again")
>>> doc = remove_teaser_lists(Document.from_text(page, lang="en"))
>>> doc.text
'Rain fell all day.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.metadata import headline_offset
from newsclean.lines import drop_lines
from newsclean.reasons import Reason
from newsclean.resources import cue_table
from newsclean.text import ends_sentence, word_count
from newsclean.views import take_teaser_headings, text_lines

# A prose line in a teaser list has at least this many words (shorter ones are labels).
MIN_PROSE_WORDS = 8
# Where a teaser card's Title Case headline may run into its summary: a capitalised
# word right after three small letters, or after a question or exclamation mark (the
# capital first: `re` then skips to the capitals, four times faster on English text).
CARD_GLUE = re.compile(r"[A-Z](?:(?<=[a-z]{3}[A-Z])|(?<=[?!][A-Z]))[a-z]")
# A glued card: a headline of at least this many words, most of them capitalised, then
# a summary of at least this many words, most of them not; a page needs this many
# before they go (one glued line may be a subheading run into its paragraph).
MIN_CARD_HEADLINE_WORDS = 4
MIN_CARD_SUMMARY_WORDS = 5
MIN_GLUED_CARDS = 2
# Longer lines are no teaser card (and are not looked at).
MAX_CARD_CHARS = 500


def _is_prose(line: str) -> bool:
    """A line that reads as a paragraph: it ends a statement (headlines in lists are
    often questions, so a question mark does not count) and is not too short."""
    return (
        ends_sentence(line)
        and not line.rstrip("\"'”’»)").endswith(("?", "？", "؟"))
        and word_count(line) >= MIN_PROSE_WORDS
    )


def find_teaser_lists(
    lines: Sequence[str],
    lang: str | None,
    config: Config,
    article_at: int | None = None,
    headings: Sequence[int] | None = None,
) -> dict[int, Reason]:
    """Indices of teaser headings and of the headline lines under them. A list above
    line `article_at` (where the page's headline stood: the article starts there) ends
    before it. `headings`: the teaser-heading cue lines, when the caller knows them
    (else every line is looked up in the cues).

    Example:

    >>> text = ("Rain fell all day.\\nRelated\\nCouncil sets budget\\nStorm closes roads\\n"
    ...         "The storm was the worst in a decade, forecasters said.\\n"
    ...         "Roads reopened on Friday, the council said this week.")
    >>> drops = find_teaser_lists(text.split("\\n"), "en", Config())
    >>> sorted((i, str(reason)) for i, reason in drops.items())
    [(1, 'teaser_heading'), (2, 'teaser_list'), (3, 'teaser_list')]
    >>> sorted(find_teaser_lists(text.split("\\n"), "en", Config(), article_at=3))
    [1, 2]
    """
    if headings is None:
        cues = cue_table(lang).whole_line_cues(lines)
        headings = [i for i, reason in cues if reason is Reason.TEASER_HEADING]
    if not headings:
        return {}
    drops: dict[int, Reason] = {}
    done = -1
    for i in headings:
        if i <= done:
            continue
        drops[i] = Reason.TEASER_HEADING
        block: list[int] = []
        prose_run: list[int] = []
        j = i + 1
        end = article_at if article_at is not None and article_at > i else len(lines)
        while j < end:
            item = lines[j]
            if not item:
                j += 1
                continue
            if len(item.split()) > config.max_headline_words:
                break
            if _is_prose(item):
                prose_run.append(j)
                if len(prose_run) >= config.teaser_stop_run:
                    break
            else:
                block.extend(prose_run)
                prose_run.clear()
                block.append(j)
            j += 1
        else:
            block.extend(prose_run)  # prose lines at the very end are alt texts of the list
        for k in block:
            drops[k] = Reason.TEASER_LIST
        done = block[-1] if block else i
    return drops


def _capitalised_share(words: list[str]) -> float:
    """Share of the words that start with a letter whose letter is a capital."""
    capitals = letters = 0
    for word in words:
        if word[0].isalpha():
            letters += 1
            capitals += word[0].isupper()
    return capitals / letters if letters else 0.0


def is_glued_card(line: str, glue: int) -> bool:
    """Whether `line`, joined at `glue` (the summary's first capital), is a Title Case
    headline run into a summary in sentence case.

    >>> line = "Ferry Strike Ends After Nine DaysCrews went back to the harbour on Monday morning."
    >>> is_glued_card(line, line.index("Crews"))
    True
    >>> line = "Police in the city of Westmoor said the LeBron James mural was painted over."
    >>> is_glued_card(line, line.index("Bron"))
    False
    """
    headline, summary = line[:glue].split(), line[glue:].split()
    if len(headline) < MIN_CARD_HEADLINE_WORDS or len(summary) < MIN_CARD_SUMMARY_WORDS:
        return False
    last = headline[-1]
    if last[-1] not in "?!" and not (last[0].isupper() and last[1:].isalpha()):
        return False
    return _capitalised_share(headline) >= 0.8 and _capitalised_share(summary) <= 0.5


def glued_teaser_cards(text: str) -> list[int]:
    """Indices of the lines of `text` that are teaser cards whose headline runs into its
    summary (`is_glued_card`), when there are at least `MIN_GLUED_CARDS` of them.

    >>> page = ("Rain fell all day on Tuesday.\\n"
    ...         "Storm Closes Coast Road For A WeekCrews will work day and night on the sea wall.\\n"
    ...         "Is The Ferry Worth It?Our reporter tried every crossing on the island this year.")
    >>> glued_teaser_cards(page), glued_teaser_cards(page.rsplit("\\n", 1)[0])
    ([1, 2], [])
    """
    found: list[int] = []
    start = end = 0  # the bounds of the line of the last glue looked at
    line_no, counted_to = 0, 0
    taken = False
    for match in CARD_GLUE.finditer(text):
        at = match.start() - 1  # the glue's last character before the capital
        if at >= end:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = end if end >= 0 else len(text)
            taken = False
        if taken or end - start > MAX_CARD_CHARS:
            continue
        glue = match.start() - start
        if is_glued_card(text[start:end], glue):
            taken = True
            line_no += text.count("\n", counted_to, start)
            counted_to = start
            found.append(line_no)
    return found if len(found) >= MIN_GLUED_CARDS else []


def remove_teaser_lists(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Drop teaser headings and the headline lists under them.

    Example:

    >>> from newsclean.document import Document
    >>> page = ("Ferries ran again.\\nMost read\\nCouncil sets budget\\nStorm closes roads\\n"
    ...         "Every crossing was full by noon, the firm said.\\nMore boats will run this week, it said.")
    >>> [edit.removed for edit in remove_teaser_lists(Document.from_text(page, lang="en")).edits]
    ['Most read\\n', 'Council sets budget\\nStorm closes roads\\n']
    """
    lines = text_lines(doc.text)
    offset = headline_offset(doc)
    article_at = None if offset is None else doc.text.count("\n", 0, offset)
    # remove_boilerplate, just before in the chain, has looked every line up already.
    headings = take_teaser_headings(doc.text, doc.lang)
    drops = find_teaser_lists(lines, doc.lang, config, article_at, headings)
    for i in glued_teaser_cards(doc.text):
        drops.setdefault(i, Reason.TEASER_LIST)
    return drop_lines(doc, lines, drops, "remove_teaser_lists") if drops else doc
