"""Teaser lists: a heading such as "More Latest News", "Most read" or "Related", and the
run of other articles' headlines (with their alt texts) that follows it.

The list ends where the article resumes: at `Config.teaser_stop_run` consecutive lines
that read as prose.

>>> from newsclean.document import Document
>>> page = ("Rain fell all day.\\nMost read\\nCouncil sets budget\\nStorm closes roads\\n"
...         "A view of the river at dusk.\\nRiver levels rise again")
>>> doc = remove_teaser_lists(Document.from_text(page, lang="en"))
>>> doc.text
'Rain fell all day.'
"""

from __future__ import annotations

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


def _is_prose(line: str) -> bool:
    """A line that reads as a paragraph: it ends a statement (headlines in lists are
    often questions, so a question mark does not count) and is not too short."""
    return (
        ends_sentence(line)
        and not line.rstrip("\"'”’»)").endswith(("?", "？"))
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
    return drop_lines(doc, lines, drops, "remove_teaser_lists") if drops else doc
