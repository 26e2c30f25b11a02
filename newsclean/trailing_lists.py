"""Lists that end an article: tour dates, a table of results, the quick-fire part of an
interview, the items of a plan.

The article model reads lines one at a time with their neighbours, and a run of short
lines without sentence ends reads to it like a menu: it cuts such a list off the end of
the article it belongs to. Once the model has chosen the article, a list right after it
is kept when it is built on one pattern (every item has the same first separator:
"June 9 – Tampa, FL", "England (Group A): 10th appearance", "Q: Favourite books?") and
it either follows a short line that introduces it ("Tour dates", "Qualified teams:") or
continues a pattern the article itself has (the questions and answers of an interview).

When the model already kept the list's first items (as it may when clean text is read
again), the list is counted from the first of them. `drop_outside_article` keeps a list
only if the article with it reads the same when cleaned again (`_list_stays`).

Teaser lists are the other kind of list after an article: their heading starts with a
cue of the page's language ("Most read", "More from Sport"), or they have no heading
and their items follow no pattern of the article, so they are not taken.

>>> article = ["The band will tour again next summer, the first time in ten years.",
...            "Tickets go on sale on Friday, the promoter said."]
>>> dates = ["Tour dates", "June 9 – Tampa, FL", "June 10 – Atlanta, GA",
...          "June 12 – Nashville, TN", "June 14 – Charlotte, NC", "Privacy policy"]
>>> lines = article + dates
>>> trailing_list(lines, list(range(len(lines))), [0, 1], "en")
[2, 3, 4, 5, 6]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclean.resources import CUE_EDGE_CHARS, cue_table
from newsclean.text import ends_sentence, word_count

# The fewest items a list has.
MIN_LIST_ITEMS = 4
# The most words of the line that introduces a list ("The band's tour dates:").
MAX_LEAD_IN_WORDS = 12
# The separators a list item is built on: a colon after text ("Q: ", "Path A: ", "时间："), a
# dash, bar, slash or at sign between blanks (" – ", " -- ", " @ "), or a bracket opened
# after a blank (" (Group A"). Commas and full stops are left out: prose has them too.
_SEPARATOR = re.compile(r"(?<=\S)(?::(?=\s)|：)|(?<= )(?:-{1,2}|[–—|/@·•])(?= )|(?<= )[(\[](?=\S)")
# The most words of a list item, each CJK character a word (a longer line is prose: a
# paragraph, a comment, a teaser summary).
MAX_ITEM_WORDS = 60


def item_shape(line: str) -> tuple[str, str] | None:
    """The first separator of a list item and the lower-cased text before it, or `None`
    for a line that has none with text on both sides, or is too long for an item.

    >>> item_shape("June 9 – West Palm Beach, FL"), item_shape("Q: Where did you grow up?")
    (('–', 'june 9'), (':', 'q'))
    >>> item_shape("4. Juni – Hamburg, Stadtpark"), item_shape("England (Group A): 10th appearance")
    (('–', '4. juni'), ('(', 'england'))
    >>> item_shape("A long-running show"), item_shape("Tour dates:"), item_shape("Yes, it rained.")
    (None, None, None)
    """
    found = _SEPARATOR.search(line)
    if found is None:
        return None
    before = line[: found.start()].strip()
    if not before or not line[found.end() :].strip() or word_count(line) > MAX_ITEM_WORDS:
        return None
    return found.group(), before.lower()


def trailing_list(
    lines: Sequence[str], indices: Sequence[int], kept: Sequence[int], lang: str | None
) -> list[int]:
    """The indices of the list that ends the article, to keep with it (empty when there
    is none): `lines` are the page's lines, `indices` the non-blank ones in order, `kept`
    the ones the model kept (ascending, not empty).

    >>> interview = ["Q: What comes next for the company?", "A: A bigger office, and more staff.",
    ...              "Q: Favourite book?", "A: Middlemarch", "Q: Favourite city?", "A: Lisbon",
    ...              "Q: Coffee or tea?", "A: Tea", "Contact us"]
    >>> trailing_list(interview, list(range(9)), [0, 1], "en")
    [2, 3, 4, 5, 6, 7]
    >>> teasers = ["Most read", "Sport – United win again", "Politics – Budget passes",
    ...            "Weather – Storm warning", "Travel – Ferries resume"]
    >>> trailing_list(interview[:2] + teasers, list(range(7)), [0, 1], "en")
    []
    """
    after = indices.index(kept[-1]) + 1
    for lead_ins in (0, 1):
        first = after + lead_ins
        if first >= len(indices):
            break
        shape = item_shape(lines[indices[first]])
        if shape is None:
            continue
        end = first + 1
        while end < len(indices) and _mark(lines[indices[end]]) == shape[0]:
            end += 1
        # The model may have kept the list's first items (clean text read again): the list
        # starts where the run of kept items does, and its heading stands before that.
        start = first
        if not lead_ins:
            kept_set = set(kept)
            while start > 0 and indices[start - 1] in kept_set:
                if _mark(lines[indices[start - 1]]) != shape[0]:
                    break
                start -= 1
        if end - start < MIN_LIST_ITEMS:
            continue
        heading = after if lead_ins else start - 1
        introduced = heading >= 0 and _introduces_list(lines[indices[heading]], lang)
        if introduced or shape in {item_shape(lines[i]) for i in kept}:
            return list(indices[after:end])
    return []


def _mark(line: str) -> str | None:
    shape = item_shape(line)
    return None if shape is None else shape[0]


def _introduces_list(line: str, lang: str | None) -> bool:
    """Whether a line reads as the short heading of a list in the article: a few words,
    not a sentence, not shouted, no separator of its own, and no teaser cue at its start.

    >>> _introduces_list("Tour dates", "en"), _introduces_list("Most read in Sport", "en")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > MAX_LEAD_IN_WORDS or line.isupper() or ends_sentence(line):
        return False
    if item_shape(line) is not None:
        return False
    exact = cue_table(lang).exact
    lowered = [word.lower() for word in words]
    return not any(
        " ".join(lowered[:n]).strip(CUE_EDGE_CHARS) in exact for n in range(1, len(lowered) + 1)
    )
