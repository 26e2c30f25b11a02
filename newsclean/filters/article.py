"""The article model as a filter: drop the lines that lie outside the article.

See `newsclean.article_model` for how lines are scored, and `newsclean.trailing_lists`
for the lists kept with the article the model chose. Readers' comments the model took
for more of the article go when a comment-section cue stood before them (see
`_Page.before_comments`), logged as `comments`. A page that would keep fewer
than `Config.article_min_words` words is left as it is and flagged `no_article_found`:
the model never empties a document silently.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from newsclean.article_model import (
    STOPWORD_SAMPLE_CHARS,
    ArticleModel,
    LineBasics,
    Reading,
    line_basics,
    reads_plain,
    score_readings,
    shipped_model,
)
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document, offsets_now
from newsclean.filters.boilerplate import is_comment_count
from newsclean.filters.metadata import headline_offset, is_embed_signature
from newsclean.lines import drop_lines
from newsclean.reasons import Flag, Reason
from newsclean.resources import CUE_EDGE_CHARS, comment_buttons
from newsclean.text import ends_sentence, line_starts, word_count
from newsclean.trailing_lists import trailing_list
from newsclean.views import known_framed, known_line_starts, text_lines

# Pages with fewer non-blank lines than this are left to the rules alone.
MIN_LINES = 3
# Kept lines after a comment-section cue that come apart in this many runs are comments,
# even when they hold more text than the article before the cue (up to this many times
# as much: a cue after an article's first paragraph cuts nothing).
MIN_COMMENT_RUNS = 4
MAX_COMMENTS_RATIO = 3
# Comment counts ("12 comments") this many lines apart or closer are the counters of a
# list of teasers, not the heading of a comment section.
MAX_COUNTER_GAP = 4
# The most times the model is run on what it kept (see `settle`).
MAX_ROUNDS = 6
# A plain reading whose lines scored below CLEARLY_OUT include at least MIN_INTERLEAVED
# that each stand alone between lines that are not drops only those lines first, and
# reads the rest again before it drops the lines that just miss the threshold (`_staged`).
CLEARLY_OUT = 0.2
MIN_INTERLEAVED = 2
# A kept line at the article's edge with at most this many characters and words, not
# ending a sentence, is a stray label and goes (`is_loose_end`).
LOOSE_END_CHARS = 30
LOOSE_END_WORDS = 4


def headline_index(doc: Document, indices: list[int]) -> int | None:
    """Position, among the non-blank lines at `indices`, of the first line after the
    headline repeated in the body, or `None`.

    Example:

    >>> from newsclean.filters.metadata import extract_title
    >>> page = "Ferries resume - Harbour News\\nHome\\nFerries resume\\nFerries ran again on Tuesday."
    >>> doc = extract_title(Document.from_text(page))
    >>> headline_index(doc, [0, 1]), headline_index(Document.from_text("No title here"), [0])
    (1, None)
    """
    offset = headline_offset(doc)
    if offset is None:
        return None
    return bisect.bisect_left(indices, _line_from(doc.text, offset))


def _line_from(text: str, offset: int) -> int:
    """Index of the first line of `text` that starts at or after `offset` (the number of
    lines when none does): where a removed line stood, once the edits after it are
    applied (a line whose following lines went later stands at the end of the line
    before them)."""
    return text.count("\n", 0, offset) + (offset > 0 and text[offset - 1] != "\n")


def article_lines(
    text: str, lines: Sequence[str], config: Config = DEFAULT_CONFIG
) -> tuple[list[int], list[int]]:
    """The indices of the non-blank lines (`lines`: `text`'s) the model reads, and of
    those it leaves to the line above them: embedded posts' signatures
    (`metadata.is_embed_signature`), which stay exactly when the post they sign stays.

    >>> text = "Rain fell.\\n\\nIt's pouring here!\\n— Ann Lee (@annlee) May 2, 2024"
    >>> article_lines(text, text.split("\\n"))
    ([0, 2], [3])
    """
    indices = [i for i, line in enumerate(lines) if line]
    if "(@" not in text:
        return indices, []
    signed = [i for i in indices if is_embed_signature(lines[i], config)]
    if not signed:
        return indices, []
    left = set(signed)
    return [i for i in indices if i not in left], signed


def _with_signatures(lines: Sequence[str], kept: set[int], signatures: list[int]) -> None:
    """Add to `kept` each signature whose line above (the nearest non-blank one) is kept."""
    for i in signatures:
        above = i - 1
        while above >= 0 and not lines[above]:
            above -= 1
        if above in kept:
            kept.add(i)


class CommentCue(NamedTuple):
    """A run of lines removed as comment cues ("Leave a reply", "Comments (12)",
    "Komentarze"), seen from the text left: `line`, the index of the line that came right
    after the run (the number of lines when nothing did), and `opens_section`, whether
    one of its lines may open a comment section: a line that is no button under each
    comment or post ("Reply", "Report"; package data `comment_buttons`), which posts
    embedded in an article carry too, and that stands nowhere else among the page's
    comment cues (a "Comments" link in the article's toolbar and after it). A count of
    comments ("12 comments") within `MAX_COUNTER_GAP` lines of another is one of a
    teaser list's counters, and opens no section either."""

    line: int
    opens_section: bool


def comment_cues(doc: Document) -> list[CommentCue]:
    """The page's comment cues, in order (see `CommentCue`).

    Example:

    >>> from newsclean.filters.boilerplate import remove_boilerplate
    >>> lines = ["Rain fell all day.", "Leave a reply", "Great piece!", "Reply", "So true.", "Comments",
    ...          "See you.", "Comments"]
    >>> doc = remove_boilerplate(Document.from_text("\\n".join(lines), lang="en"))
    >>> doc.text.split("\\n")
    ['Rain fell all day.', 'Great piece!', 'So true.', 'See you.']
    >>> [tuple(cue) for cue in comment_cues(doc)]
    [(1, True), (2, False), (3, False), (4, False)]
    """
    runs = {
        k: [line.strip(CUE_EDGE_CHARS).lower() for line in edit.removed.split("\n") if line]
        for k, edit in enumerate(doc.edits)
        if edit.reason is Reason.COMMENTS
    }
    if not runs:
        return []
    seen = Counter(line for lines in runs.values() for line in lines)
    buttons = comment_buttons()
    places = [_line_from(doc.text, offset) for offset in offsets_now(doc.edits, list(runs))]
    # The runs that count comments, by place; one is a teaser list's counter when its
    # neighbour in line order stands close (linear in them).
    counters = sorted(
        (at, k) for k, (at, lines) in enumerate(zip(places, runs.values(), strict=True))
        if any(map(is_comment_count, lines))
    )
    close = [(a, b) for a, b in itertools.pairwise(counters) if b[0] - a[0] <= MAX_COUNTER_GAP]
    listed = {k for pair in close for _, k in pair}
    return [
        CommentCue(at, k not in listed and any(seen[line] == 1 and line not in buttons for line in lines))
        for k, (at, lines) in enumerate(zip(places, runs.values(), strict=True))
    ]


def repeated_flags(doc: Document, lines: list[str]) -> npt.NDArray[np.float64]:
    """1.0 for each of `lines` that stood more than once in the page (its other copies
    were dropped as repeats: teaser headlines recur in menus and boxes, article
    paragraphs rarely do), else 0.0.

    Example:

    >>> from newsclean.filters.repeats import remove_repeated_lines
    >>> page = "Council sets budget\\nFerries ran again on Tuesday.\\nMost read\\nCouncil sets budget"
    >>> doc = remove_repeated_lines(Document.from_text(page))
    >>> doc.text.split("\\n"), repeated_flags(doc, doc.text.split("\\n")).tolist()
    (['Council sets budget', 'Ferries ran again on Tuesday.', 'Most read'], [1.0, 0.0, 0.0])
    """
    removed = {
        line
        for edit in doc.edits
        if edit.reason is Reason.REPEATED_LINE
        for line in edit.removed.split("\n")
        if line
    }
    if not removed:
        return np.zeros(len(lines))
    return np.fromiter(map(removed.__contains__, lines), dtype=np.float64, count=len(lines))


def drop_outside_article(
    doc: Document, config: Config = DEFAULT_CONFIG, model: ArticleModel | None = None
) -> Document:
    """Drop the lines the article model places outside the article (`model`: another
    model than the shipped one, as the training script's folds use).

    Example:

    >>> lines = ["Home", "Sport", "Weather",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "A spokesman said the council would publish a list of the repairs to be done first.",
    ...     "Contact us", "Privacy policy"]
    >>> page = Document.from_text("\\n".join(lines), lang="en")
    >>> drop_outside_article(page).text == "\\n".join(lines[3:7])
    True
    >>> drop_outside_article(page, Config(select_article=False)) is page
    True
    """
    return drop_outside_articles([doc], config, model)[0]


class _Page(NamedTuple):
    """What the filter reads of a document: its lines, the non-blank ones' indices and
    `line_basics`, where its headline stood among those, and which of them stood more
    than once."""

    lines: Sequence[str]
    indices: list[int]
    basics: LineBasics
    lang: str | None
    headline_at: int | None
    repeated: npt.NDArray[np.float64]
    comment_cues: list[CommentCue]
    signatures: list[int]  # embedded posts' signatures, left to the line above

    @classmethod
    def of(cls, doc: Document, config: Config) -> _Page | None:
        lines = text_lines(doc.text)
        indices, signatures = article_lines(doc.text, lines, config)
        if len(indices) < MIN_LINES:
            return None
        content = [lines[i] for i in indices]
        basics = line_basics(content, doc.lang, _lowered_samples(doc.text, indices))
        repeated = repeated_flags(doc, content)
        headline_at = headline_index(doc, indices)
        return cls(lines, indices, basics, doc.lang, headline_at, repeated, comment_cues(doc), signatures)

    def before_comments(self, kept: list[int]) -> int | None:
        """How many of the `kept` lines stand before the page's comment section, or
        `None`. The section opens at the first cue after the first kept line that may
        open one (`CommentCue.opens_section`), when the kept lines after it hold less
        text than those before, or at most `MAX_COMMENTS_RATIO` times as much in at least
        `MIN_COMMENT_RUNS` runs (a cue above most of the article cuts nothing, nor one
        above an article whose paragraphs follow each other)."""
        if not kept:
            return None
        opening = (cue.line for cue in self.comment_cues if cue.opens_section and cue.line > kept[0])
        start = next(opening, None)
        if start is None:
            return None
        split = bisect.bisect_left(kept, start)
        before = sum(len(self.lines[i]) for i in kept[:split])
        after = sum(len(self.lines[i]) for i in kept[split:])
        if not after:
            return None
        if after <= before:
            return split
        apart = after <= MAX_COMMENTS_RATIO * before and self._runs(kept[split:]) >= MIN_COMMENT_RUNS
        return split if apart else None

    def _runs(self, kept: list[int]) -> int:
        """How many runs of consecutive lines (among the lines the model read) `kept`
        makes: the comments of a section come apart, each between its author's name,
        time and buttons."""
        places = self._places(kept)
        return 1 + sum(1 for a, b in itertools.pairwise(places) if b != a + 1)

    def _places(self, chosen: list[int]) -> list[int]:
        """Where each of the `chosen` lines stands among the lines the model read."""
        position = {line: at for at, line in enumerate(self.indices)}
        return [position[i] for i in chosen]

    def first(self) -> Settling:
        """The page's first reading: all its lines, with the headline and the repeats."""
        return Settling(self.lines, self.lang, self.headline_at, self.repeated, self.basics, self.indices)

    def plain(self, indices: list[int]) -> Settling:
        """The lines at `indices` (some of the page's) read as clean text is: no headline,
        no repeats."""
        basics = self.basics.take(self._places(indices))
        return Settling(self.lines, self.lang, None, None, basics, indices)


def _lowered_samples(text: str, indices: list[int]) -> list[str] | None:
    """The first `STOPWORD_SAMPLE_CHARS` characters of the lines at `indices`, lower-cased,
    cut from the lower-cased page that the filters before left (`views.known_framed`; on
    a page cleaned alone, not in a batch), when lower-casing kept every character's place
    and the page has no capital sigma (the one letter whose lower case depends on what
    follows it): a slice per line instead of lower-casing each line again. Else `None`."""
    framed = known_framed(text)
    if framed is None or len(framed) != len(text) + 2 or "Σ" in text:
        return None
    starts = known_line_starts(text) or line_starts(text_lines(text))
    most = STOPWORD_SAMPLE_CHARS
    return [framed[starts[i] + 1 : min(starts[i] + 1 + most, starts[i + 1])] for i in indices]


def drop_outside_articles(
    docs: Sequence[Document], config: Config = DEFAULT_CONFIG, model: ArticleModel | None = None
) -> list[Document]:
    """`drop_outside_article` of every document of `docs`, the model's readings of all of
    them scored together round by round (see `settle_many`): the same documents out as one
    by one, at a fraction of the cost for a batch of short pages.

    Example:

    >>> trams = ["Menu", "Travel", "Log in",
    ...     "The new tram line to the airport opened on Monday, two years later than planned.",
    ...     "Trams will run every eight minutes at peak times and every fifteen in the evening.",
    ...     "The city says the line will take four thousand cars a day off the ring road.",
    ...     "Single tickets cost the same as on the buses, and day passes are valid on both.",
    ...     "Cookie settings", "Terms of use"]
    >>> docs = [Document.from_text("\\n".join(trams), lang="en"), Document.from_text("Too short", lang="en")]
    >>> [doc.text.split("\\n") == trams[3:7] for doc in drop_outside_articles(docs)]
    [True, False]
    """
    if not config.select_article:
        return list(docs)
    if config.article_threshold is not None:
        model = (model or shipped_model()).at_threshold(config.article_threshold)
    read = {at: page for at, doc in enumerate(docs) if (page := _Page.of(doc, config)) is not None}
    kept = dict(zip(read, settle_many([page.first() for page in read.values()], model), strict=True))
    # Where the first readings left too little, read as clean text will be read again:
    # no headline, no repeats.
    again = [
        at
        for at, page in read.items()
        if not reads_plain(page.headline_at, page.repeated) and _too_short(page.lines, kept[at], config)
    ]
    kept.update(_read_plain(read, {at: read[at].indices for at in again}, model))
    # A comment section the model took for more of the article goes, and the article
    # before it is read again as clean text (what a second cleaning would see).
    cuts = {at: split for at, page in read.items() if (split := page.before_comments(kept[at])) is not None}
    comments = {at: kept[at][split:] for at, split in cuts.items()}
    kept.update(_read_plain(read, {at: kept[at][:split] for at, split in cuts.items()}, model))
    listed = {
        at: trailing_list(page.lines, page.indices, kept[at], page.lang)
        for at, page in read.items()
        if not _too_short(page.lines, kept[at], config)
    }
    rereads = _read_plain(read, {at: kept[at] + items for at, items in listed.items() if items}, model)
    for at, reread in rereads.items():
        if not _list_stays(read[at], kept[at], listed[at], reread):
            listed[at] = []
    out = list(docs)
    for at, page in read.items():
        doc = docs[at]
        if at not in listed:
            out[at] = attrs.evolve(doc, flags=doc.flags | {Flag.NO_ARTICLE_FOUND})
            continue
        kept_set = set(kept[at]).union(listed[at])
        drops = {i: Reason.OUTSIDE_ARTICLE for i in page.indices if i not in kept_set}
        if page.signatures:
            _with_signatures(page.lines, kept_set, page.signatures)
            drops.update((i, Reason.OUTSIDE_ARTICLE) for i in page.signatures if i not in kept_set)
        drops.update((i, Reason.COMMENTS) for i in comments.get(at, ()) if i not in kept_set)
        out[at] = drop_lines(doc, page.lines, drops, "drop_outside_article")
    return out


def _read_plain(
    pages: dict[int, _Page], chosen: dict[int, list[int]], model: ArticleModel | None
) -> dict[int, list[int]]:
    """What the model keeps of the chosen lines of each page (`chosen`: page -> line
    indices), read as clean text is (`_Page.plain`), all pages together."""
    settled = settle_many([pages[at].plain(indices) for at, indices in chosen.items()], model)
    return dict(zip(chosen, settled, strict=True))


def _list_stays(page: _Page, kept: list[int], listed: list[int], reread: list[int]) -> bool:
    """Whether the article with the list that ends it reads the same when cleaned again
    (`reread`: what the model keeps of the two read as clean text): the list rule gives
    back every line the model drops, the list's and the line that introduces it ("Now
    for a few quick ones."), which the model may keep on the first reading and not the
    second (else a second cleaning would cut the article or the list short: the list's
    lines change what the model makes of the article's end)."""
    both = kept + listed
    if reread == both:
        return True
    given_back = trailing_list(page.lines, both, reread, page.lang)
    return sorted({*reread, *given_back}) == both


def _too_short(lines: Sequence[str], kept: list[int], config: Config) -> bool:
    """Whether the kept lines hold fewer than `article_min_words` words (counted line by
    line, stopping as soon as there are enough)."""
    missing = config.article_min_words
    for i in kept:
        missing -= word_count(lines[i])
        if missing <= 0:
            return False
    return True


@attrs.define
class Settling:
    """One page's `settle` under way: the lines the model keeps so far, and what its next
    reading brings (the headline and the repeats count in the first reading only).

    Example:

    >>> lines = ["Home", "Sport",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Contact us"]
    >>> settling = Settling.start(lines, [0, 1, 2, 3, 4], "en", None)
    >>> reading = settling.next_reading()
    >>> reading is not None and reading.lines == lines
    True
    """

    lines: Sequence[str]
    lang: str | None
    headline_at: int | None
    repeated: npt.NDArray[np.float64] | None
    basics: LineBasics
    """`line_basics` of the lines at the first `kept`."""
    kept: list[int]
    positions: list[int] = attrs.field()  # of the kept lines, among the first `kept`
    rounds: int = 0
    done: bool = False

    @positions.default
    def _all(self) -> list[int]:
        return list(range(len(self.kept)))

    @classmethod
    def start(
        cls,
        lines: Sequence[str],
        indices: list[int],
        lang: str | None,
        headline_at: int | None,
        repeated: npt.NDArray[np.float64] | None = None,
    ) -> Settling:
        basics = line_basics([lines[i] for i in indices], lang)
        return cls(lines, lang, headline_at, repeated, basics, indices)

    def next_reading(self) -> Reading | None:
        """What the model reads next, or `None` once the page has settled."""
        if self.done or self.rounds >= MAX_ROUNDS or len(self.kept) < MIN_LINES:
            self.done = True
            return None
        lines = [self.lines[i] for i in self.kept]
        basics = self.basics.take(self.positions)
        return Reading(lines, self.lang, self.headline_at, basics, self.repeated)

    def take(self, keep: npt.NDArray[np.bool_], scores: npt.NDArray[np.float64] | None = None) -> None:
        """Keep what the model kept of the last reading (`scores`: the reading's line
        scores, for the staged drop of a plain reading)."""
        self.rounds += 1
        # After the first reading the headline and the repeats are gone, as they are
        # from clean text read again: the article must stand as it is without them,
        # so a first reading that kept everything with their help is read once more
        # (a page with no headline and no repeated line was read plain already).
        plain = reads_plain(self.headline_at, self.repeated)
        self.headline_at = None
        self.repeated = None
        if plain and scores is not None:
            keep = _staged(keep, scores < CLEARLY_OUT)
        flags = keep.tolist()
        if not _drop_loose_ends(self.lines, self.kept, flags) and keep.all():
            self.done = plain
            return
        self.kept = [i for i, k in zip(self.kept, flags, strict=True) if k]
        self.positions = [p for p, k in zip(self.positions, flags, strict=True) if k]


def _staged(keep: npt.NDArray[np.bool_], clearly_out: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """What a plain reading keeps for now: when at least `MIN_INTERLEAVED` clearly-out
    lines each stand alone between lines that are not (teaser headlines interleaved with
    an article's paragraphs), only the clearly-out lines go, and the lines that just
    missed the threshold are read again without them.

    >>> keep = np.array([True, False, False, False, False, False])
    >>> out = np.array([False, False, True, False, True, False])
    >>> _staged(keep, out).tolist()
    [True, True, False, True, False, True]
    """
    missed = ~(keep | clearly_out)
    if not missed.any():
        return keep
    flags = clearly_out.tolist()
    alone = sum(
        1 for at in range(1, len(flags) - 1) if flags[at] and not flags[at - 1] and not flags[at + 1]
    )
    return ~clearly_out if alone >= MIN_INTERLEAVED else keep


def is_loose_end(line: str) -> bool:
    """Whether a line at the edge of the article is a stray label rather than part of it:
    a few words ("Share Tweet", "Give Feedback", "smithsonian.com") that do not end a
    sentence.

    >>> is_loose_end("Give Feedback"), is_loose_end("Tragiczny skutek powodzi.")
    (True, False)
    """
    return len(line) <= LOOSE_END_CHARS and word_count(line) <= LOOSE_END_WORDS and not ends_sentence(line)


def _drop_loose_ends(lines: Sequence[str], kept: list[int], flags: list[bool]) -> bool:
    """Unset the flags of the loose ends (`is_loose_end`) at either edge of the kept lines
    (`flags`, one per line of `kept`), as long as `MIN_LINES` stay; whether any went."""
    on = [at for at, flag in enumerate(flags) if flag]
    first, last = 0, len(on) - 1
    while last - first + 1 > MIN_LINES and is_loose_end(lines[kept[on[first]]]):
        first += 1
    while last - first + 1 > MIN_LINES and is_loose_end(lines[kept[on[last]]]):
        last -= 1
    if first == 0 and last == len(on) - 1:
        return False
    for at in on[:first] + on[last + 1 :]:
        flags[at] = False
    return True


def settle_many(pages: Sequence[Settling], model: ArticleModel | None = None) -> list[list[int]]:
    """`settle` for every page of `pages` at once: each round, the readings of all the
    pages not yet settled are scored together (`article_model.score_readings`)."""
    if not pages:
        return []
    model = model or shipped_model()
    while True:
        waiting = [(page, reading) for page in pages if (reading := page.next_reading()) is not None]
        if not waiting:
            return [page.kept for page in pages]
        scores = score_readings([reading for _, reading in waiting], model)
        for (page, reading), page_scores in zip(waiting, scores, strict=True):
            page.take(page_scores >= model.threshold_of(reading), page_scores)


def settle(
    lines: Sequence[str],
    indices: list[int],
    lang: str | None,
    headline_at: int | None,
    repeated: npt.NDArray[np.float64] | None = None,
    model: ArticleModel | None = None,
) -> list[int]:
    """The indices of the lines the model keeps, with the model run again on what it kept
    until it keeps everything it is shown (at most `MAX_ROUNDS` times): the article it
    returns is one the model would not cut further, so cleaning clean text again changes
    nothing. The headline and the repeats (`repeated_flags`) count in the first reading
    only: clean text read again has neither. A plain reading (one without them) whose
    clearly-out lines stand one by one between the others drops only those first
    (`_staged`): teaser headlines interleaved with an article's last paragraphs no
    longer take those paragraphs with them. Only the way to the end changes; the end is
    still a reading that keeps everything.

    Example:

    >>> lines = ["Home", "Sport", "Weather",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "A spokesman said the council would publish a list of the repairs to be done first.",
    ...     "Contact us", "Privacy policy"]
    >>> settle(lines, list(range(len(lines))), "en", None)
    [3, 4, 5, 6]
    """
    return settle_many([Settling.start(lines, indices, lang, headline_at, repeated)], model)[0]
