"""Properties of the whole default chain, checked with hypothesis on arbitrary Unicode and
on page-shaped text built from boilerplate, metadata and prose lines.

Example counts stay modest so the suite stays fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Document, Reason
from newsclean.config import Config
from newsclean.explain import line_statuses
from newsclean.filters import FILTERS
from tests.conftest import EVAL, ROOT

PROPERTY_SETTINGS = settings(max_examples=80, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

# Any code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, categories=None)

PAGE_LINES = [
    "date 2023-04-02 Bridge reopens after repairs - Harbour Post",
    "Bridge reopens after repairs",
    "2 April 2023, 10:15",
    "By Amira Khan",
    "Listen to this article",
    "Share this article",
    "Read more: Council sets budget",
    "Photo: Getty",
    "A crane lifts the last beam. Picture: Reuters",
    "Home | News | Sport | Weather",
    "Most read",
    "Council sets budget",
    "Storm closes coast road",
    "The bridge reopened on Monday after eight months of repairs, the council said.",
    "Traffic was light in the morning, and buses returned to their old routes by noon.",
    "Mayorâ€™s office said â€œnoâ€\x9d.",
    "   spaced   out\tline  ",
    "Share\u00a0this article",
    "\u00c2\u00a0Photo :\u2009Getty\u202f",
    "VoilÃ\u00a0 le cafÃ© \u00c2\u00a0",
    "",
    "",
]
LINE = st.one_of(st.sampled_from(PAGE_LINES), st.text(ANY_CHAR, max_size=40))
PAGE = st.lists(LINE, max_size=25).map("\n".join)
TEXT = st.one_of(st.text(ANY_CHAR, max_size=300), PAGE)

# Reasons whose edits may insert text, and what they may insert.
REPAIRS = {Reason.ENCODING, Reason.WHITESPACE, Reason.CONTROL_CHARS, Reason.BLANK_LINES}


@PROPERTY_SETTINGS
@given(TEXT)
def test_no_exception_and_restore_rebuilds_the_input(text: str) -> None:
    doc = newsclean.clean(text)
    assert doc.restore() == text


# Minimal counterexamples hypothesis once found, kept as explicit examples. Each showed a
# rule that applied anew to what the first pass left:
IDEMPOTENCE_COUNTEREXAMPLES = [
    # a repeated page header: its copy becomes the first line, then is taken as the header
    "date 2023-04-02 Bridge reopens after repairs - Harbour Post\n"
    "date 2023-04-02 Bridge reopens after repairs - Harbour Post",
    # once the dateline is gone, the next line reads as a bare title on the second pass
    "2 April 2023, 10:15\nCouncil sets budget\n\nBridge reopens after repairs",
    # the same after a byline
    "By Amira Khan\n0\n\nBridge reopens after repairs",
    # a control character between mojibake bytes: removed after the encoding repair ran
    "\u00c2\x1f\x80",
    # the article model kept every line on its first reading only thanks to the headline
    # and the repeated lines it saw; read again without them it cut a line
    "\x88\nTraffic was light in the morning, and buses returned to their old routes by noon.\n0\n"
    "\x88\nThe bridge reopened on Monday after eight months of repairs, the council said.",
    # the page header's title gave the third English function word ("after"): the page was
    # read as English, clean text (header gone) as no language, and the model cut it then
    "date 2023-04-02 Bridge reopens after repairs - Harbour Post\n   spaced   out\tline  \n1\n00\n"
    "Council sets budget\nMayorâ€™s office said â€œnoâ€\x9d.\nStorm closes coast road\n0",
    # the same with a byline: its "by" was the deciding vote (bylines are left out too)
    "By Amira Khan\n   spaced   out\tline  \n1\n00\nCouncil sets budget\n"
    "Mayorâ€™s office said â€œnoâ€\x9d.\nStorm closes coast road\n0",
    # ftfy turned mojibake into a no-break space at a line's start, or next to a space,
    # which the second pass trimmed or collapsed (repaired lines are now spaced as
    # `normalize_whitespace` spaces lines)
    "\u00c2\u00a0Traffic was light, the cafÃ© said.",
    "x \u00c2\u00a0y cafÃ©",
    # (twenty-first session) an audio widget's line, then a photo credit's, held the votes
    # that made a page of a few words English; both lines go, and the clean text was read
    # in no language (such lines are now left out of a few-word page's vote)
    "LISTEN TO THIS ARTICLE\n0\n0000000000\n00000000000 0 SAID 0.\n000000 0\n00000\n0 0 0 0",
    "0\n00\n00000000000 0 AFTER 000\nA /PICTURE:0\n00 0 0\n000000 OUR\t0000",
    # (twenty-third session) a lone letter became the first line once the title went, and
    # the second pass took it for a title repeated by the "x" below (a title now needs
    # two letters)
    "Bridge reopens\nX\nShare this article\n"
    "The bridge reopened on Monday after three months of repairs to its deck.\nx",
]


@PROPERTY_SETTINGS
@given(TEXT)
@example(IDEMPOTENCE_COUNTEREXAMPLES[0])
@example(IDEMPOTENCE_COUNTEREXAMPLES[1])
@example(IDEMPOTENCE_COUNTEREXAMPLES[2])
@example(IDEMPOTENCE_COUNTEREXAMPLES[3])
@example(IDEMPOTENCE_COUNTEREXAMPLES[4])
@example(IDEMPOTENCE_COUNTEREXAMPLES[5])
@example(IDEMPOTENCE_COUNTEREXAMPLES[6])
@example(IDEMPOTENCE_COUNTEREXAMPLES[7])
@example(IDEMPOTENCE_COUNTEREXAMPLES[8])
@example(IDEMPOTENCE_COUNTEREXAMPLES[9])
@example(IDEMPOTENCE_COUNTEREXAMPLES[10])
@example(IDEMPOTENCE_COUNTEREXAMPLES[11])
def test_cleaning_is_idempotent(text: str) -> None:
    once = newsclean.clean(text).text
    assert newsclean.clean(once).text == once


# Found by hypothesis in the eleventh session: the headline repeated under the page
# header gave the third English function word ("after"); `extract_title` drops it, so
# the clean text was read in no language, and the model then cut "00". Since the twelfth
# session the language is not read from the lines that repeat the header's title.
def test_a_headline_repeat_does_not_decide_the_language() -> None:
    text = (
        "date 2023-04-02 Bridge reopens after repairs - Harbour Post\nBridge reopens after repairs\n"
        "Storm closes coast road\n   spaced   out\tline  \n000\nCouncil sets budget\n00\n0\n"
        "Mayorâ€™s office said â€œnoâ€\x9d."
    )
    once = newsclean.clean(text)
    again = newsclean.clean(once.text)
    assert (again.text, again.lang) == (once.text, once.lang)


@PROPERTY_SETTINGS
@given(TEXT)
def test_only_repairs_add_text(text: str) -> None:
    doc = Document.from_text(text)
    config = Config()
    for name, step in FILTERS.items():
        before = doc
        doc = step(doc, config)
        assert doc.edits[: len(before.edits)] == before.edits, f"{name} rewrote the edit log"
        for edit in doc.edits[len(before.edits):]:
            assert edit.filter == name
            if not edit.inserted:
                continue
            assert edit.reason in REPAIRS, f"{name} inserted {edit.inserted!r} for {edit.reason}"
            if edit.reason is not Reason.ENCODING:
                assert not edit.inserted.strip(), f"{name} inserted non-space {edit.inserted!r}"
    assert doc.restore() == text


def _digest_script(path: Path) -> str:
    return (
        "import hashlib, json, sys\n"
        "import newsclean\n"
        f"rows = [json.loads(l) for l in open({str(path)!r}, encoding='utf-8') if l.strip()]\n"
        "h = hashlib.sha256()\n"
        "for row in rows:\n"
        "    doc = newsclean.clean(row['text'])\n"
        "    h.update(json.dumps([doc.text, doc.to_dict(explain=True)], sort_keys=True).encode())\n"
        "print(h.hexdigest())\n"
    )


def test_same_output_in_a_fresh_process_with_another_hash_seed() -> None:
    dev = EVAL / "dev.jsonl"
    pages = dev if dev.is_file() else ROOT / "examples" / "sample.jsonl"
    digests = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", _digest_script(pages)], env=env,
                              capture_output=True, text=True, timeout=300, check=True)
        digests.add(done.stdout.strip())
    here = hashlib.sha256()
    with pages.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = newsclean.clean(json.loads(line)["text"])
                here.update(json.dumps([doc.text, doc.to_dict(explain=True)], sort_keys=True).encode())
    digests.add(here.hexdigest())
    assert len(digests) == 1, f"output depends on the hash seed ({pages.name})"


# Pages that end in a list (`newsclean.trailing_lists`): the article, maybe a heading, then
# items on one separator, as the rule keeps them or not.
PARAGRAPHS = [
    "The council met on Monday and agreed to repair the harbour wall before the winter storms arrive.",
    "Residents said the work was long overdue, and several shops on the front had flooded twice this year.",
    "The repairs will cost about two million pounds, most of it paid for by a government grant.",
    "Engineers found that the old stones had shifted by several inches since the last survey in 2015.",
]
LIST_HEADINGS = ["Tour dates", "Results", "Most read", "More from Sport", "Qualified teams:", "TOUR DATES"]
LIST_ITEM = st.tuples(
    st.sampled_from(["June 8", "Q", "A", "Group A", "Sport", "Item"]),
    st.sampled_from([" – ", " -- ", ": ", " (", " | "]),
    st.sampled_from(["Millbrook, Riverside Hall", "Favourite walk?", "Ten points", "Tea"]),
).map(lambda parts: "".join(parts) + (")" if parts[1] == " (" else ""))
LIST_PAGE = st.tuples(
    st.lists(st.sampled_from(["Home", "News", "Share this", "Contact us", "Privacy policy"]), max_size=3),
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4),
    st.lists(st.sampled_from(LIST_HEADINGS), max_size=1),
    st.lists(LIST_ITEM, min_size=2, max_size=7),
    st.lists(st.sampled_from([*PARAGRAPHS, "Home", "Subscribe"]), max_size=2),
).map(lambda parts: "\n".join(line for part in parts for line in part))
# Found by a random search over such pages: the model dropped an item amid the list, which
# the list rule counted; and the list, once kept, changed what the model made of the
# article's last paragraph when the clean text was read again.
LIST_COUNTEREXAMPLES = [
    "Share this article\nHome\nContact us\nHarbour wall to be repaired\n" + PARAGRAPHS[3] + "\nTour dates\n"
    "June 8 -- Tea\nSport -- Favourite walk?\nSport -- Tea\nItem -- United win again\n" + PARAGRAPHS[3]
    + "\nHome\nSport",
    "Privacy policy\nShare this article\nWeather\nHarbour wall to be repaired\n" + PARAGRAPHS[2] + "\n"
    + PARAGRAPHS[1] + "\nImage source, PA\nThe council met on Monday and agreed to repair the harbour wall.\n"
    + PARAGRAPHS[3] + "\nResults\nA: Millbrook, Riverside Hall\nSport: Millbrook, Riverside Hall\n"
    "Item: Ten points\nQ: Ten points\nShare this article\nPrivacy policy",
]


@PROPERTY_SETTINGS
@given(LIST_PAGE)
@example(LIST_COUNTEREXAMPLES[0])
@example(LIST_COUNTEREXAMPLES[1])
def test_cleaning_a_page_that_ends_in_a_list_is_idempotent(page: str) -> None:
    once = newsclean.clean(page)
    assert once.restore() == page
    assert newsclean.clean(once.text).text == once.text


# Pages with a comment section (`filters.article`, the comment cut): the article, maybe a
# cue or a post's buttons inside it, then a section of cues, names and prose comments.
COMMENT_CUES = ["Comments", "Comments (4)", "Leave a reply", "Join the discussion", "Reply", "Report"]
COMMENTS = [
    "About time too, I have watched that wall crumble for ten years and nobody in the council cared at all.",
    "Two million pounds is a lot of money for a wall, I hope they get more than one quote this time.",
    "Will the car park stay open during the works? The article does not say and the council never answers.",
]
COMMENT_PAGE = st.tuples(
    st.lists(st.sampled_from(["Home", "News", "Share this", "Contact us"]), max_size=3),
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(["Reply", "Report"]), max_size=2),
    st.lists(st.sampled_from(PARAGRAPHS), max_size=2, unique=True),
    st.lists(st.sampled_from([*COMMENT_CUES, *COMMENTS, "Sandra K", "2 days ago"]), max_size=8),
).map(lambda parts: "\n".join(line for part in parts for line in part))


@PROPERTY_SETTINGS
@given(COMMENT_PAGE)
def test_a_page_with_comments_cleans_idempotently_and_buttons_open_no_section(page: str) -> None:
    once = newsclean.clean(page)
    assert once.restore() == page
    assert newsclean.clean(once.text).text == once.text
    # Buttons inside the article ("Reply", "Report") open no section: whatever is cut as
    # comments stands after a cue that can open one.
    rows = line_statuses(once)
    cut = [
        k
        for k, row in enumerate(rows)
        if row.filter == "drop_outside_article" and row.reason is Reason.COMMENTS
    ]
    if cut:
        assert any(row.text in COMMENT_CUES[:4] for row in rows[: cut[0]]), page
