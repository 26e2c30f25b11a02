"""Image captions: moved from the text into `Document.captions`, with their credit.

An image shows in a dump as its alt-text line, often followed by a caption line that
repeats it and adds a credit (`Picture: Getty`, `Photo: Reuters`, `(AP Photo/Jane
Doe)`, `(Jane Doe/AP)`), at times glued to the caption where the dump joined two text
nodes (`... in MayCredit: Getty`). The caption goes to the captions, its alt-text line
is dropped as a duplicate; a lone line that ends in a credit is a caption too, and a
line that is only a credit in the agencies' style ("Jane Doe/Harbour Times/Getty
Images") goes as one. When the alt text is the first image's and reads as a sentence,
it is the standfirst and stays, once.
Some layouts print the credit and the caption on lines of their own, each after a label
("Image copyright Reuters", "Image caption Fans at the final"; the labels are package
data, `caption_labels`): both lines go, the caption with the credit above it.

>>> from newsclean.document import Document
>>> page = ("The council met.\\nA flooded street in Leeds\\n"
...         "A flooded street in Leeds. Picture: Getty\\nRain fell all day.")
>>> doc = extract_captions(Document.from_text(page, lang="en"))
>>> doc.text
'The council met.\\nRain fell all day.'
>>> doc.captions[0].text, doc.captions[0].credit
('A flooded street in Leeds.', 'Getty')
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Caption, Document
from newsclean.guard import DEFAULT_PATTERN_TIMEOUT, GuardedPattern, Match
from newsclean.lines import drop_lines, lowered_line_matches
from newsclean.reasons import Reason
from newsclean.resources import all_credit_words, caption_labels, first_char_lookahead, trie_pattern
from newsclean.spacing import plain_lower
from newsclean.text import CLOSING_CHARS, SENTENCE_END_CHARS, ends_sentence, line_starts
from newsclean.views import framed_lowered, known_line_starts, text_lines

# The longest credit kept as a credit (a longer tail is not a credit).
MAX_CREDIT_CHARS = 80
# A caption has at most this many words.
MAX_CAPTION_WORDS = 80
# Agencies whose bracketed credit ends a caption: "(AP Photo/Jane Doe)", "(Reuters)".
# Quadratic in a run of blanks not followed by a bracket: under the time guard.
_BRACKET_CREDIT = GuardedPattern(
    r"\s*[(\[](?P<credit>(?:AP|AFP|EPA|Reuters|Getty|PA|dpa|ANSA|EFE|TASS|ТАСС|Xinhua|(?i:photo|foto|фото))"
    r"[^()\[\]\n]{0,70})[)\]]\s*$",
    name="captions._BRACKET_CREDIT",
)
_CLOSING_BRACKETS = (")", "]")
# A wire agency's credit in its own style at the end of a caption, after a sentence end:
# "... in Frankfurt, March 4, 2024. REUTERS/Kai Berger". Tried where `AGENCY_SLASH`
# finds the agency's name and slash; each repeat is bounded.
_AGENCY_SLASH_CREDIT = re.compile(
    r"(?<=[.!?\"”]) (?P<credit>(?:REUTERS|Reuters|AFP|EPA|AP|XINHUA|Xinhua)/[^/\n]{2,60}?)[ \t]*$"
)
AGENCY_SLASH = re.compile(r"(?:REUTERS|Reuters|AFP|EPA|AP|XINHUA|Xinhua)/")
# A line that is only a credit in the picture agencies' own style, names and agency
# joined by slashes: "Jane Doe/Harbour Times/Getty Images", "Jan Kowalski / PAP",
# "/PAP/EPA". Found where the lower-cased page has `BARE_CREDIT_TAIL` (an agency after a
# slash, at a line's end), then the line itself is read: each part capitalised.
_AGENCIES = (
    "Getty Images|AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Xinhua|XINHUA|Shutterstock|Alamy"
    "|iStock|Bloomberg|NurPhoto|SOPA Images|LightRocket|Corbis|ZUMA Press|Sipa USA|Anadolu Agency"
    "|dpa|ANSA|EFE|PAP|TASS|ТАСС|Agencja Gazeta|East News|Keystone|Imago|WireImage|FilmMagic"
)
BARE_CREDIT_TAIL = re.compile(rf"/ ?(?:{_AGENCIES.lower()})(?: via getty images| file)?\n")
_BARE_CREDIT = re.compile(
    rf"(?P<names>(?:[^/\n]{{1,40}}?)?(?: ?/ ?[^/\n]{{1,40}}?){{0,2}})"
    rf" ?/ ?(?:{_AGENCIES})(?: via Getty Images| [Ff]ile)?"
)
# Where a credit in the agencies' style may be glued to the caption before it, with no
# blank: "... at Dunmore Head in 1998.Ana Lima / Reuters file" (a sentence end or a
# double quote, then a word; after an apostrophe a name goes on: "Tim O'Brien / AP").
_GLUED_AFTER_SENTENCE = re.compile(f"[{re.escape(SENTENCE_END_CHARS)}\"”](?=\\w)")
# The inside of a bracket that ends a caption with names and an agency: "(Jane Doe/AP)",
# "(Marta Reis / Reuters)", "(Ana Lima, Pool via AP)", "(Owen Price/The Hexley Courier via
# AP)", "[File: Reuters]". Full-matched on the last bracket of a line.
_NAMED_AGENCY_CREDIT = re.compile(
    rf"(?P<names>[^()\[\]\n]{{1,60}}?)(?: ?/ ?| via |: ?)(?:{_AGENCIES})(?: [Ff]ile)?"
)
# Lower-case words that may stand among the capitalised names of such a credit.
_CREDIT_NAME_JOINERS = frozenset({"via"})
# "(foto Ansa)": the credit is "Ansa"; "(AP Photo/Jane Doe)" keeps its agency.
_LEADING_LABEL = re.compile(r"^(?i:photo|foto|фото)\b[\s:/]*")
# The most words a credit may have.
MAX_CREDIT_WORDS = 8
# A credit with no label before it, at the end of a caption line: "Margaret Hollis
# Submitted photo", "The harbour in 1950 Courtesy photo" (English, capitalised). Found
# where a line ends in one of the nouns, the word before it looked up.
TRAILING_CREDIT_NOUNS = (" photo\n", " photos\n", " image\n", " picture\n")
TRAILING_CREDIT_WORDS = frozenset(
    {"submitted", "contributed", "courtesy", "staff", "file", "provided", "handout"}
)


# The sentence ends a credit label may stand after (the Devanagari danda too); what a
# caption keeps of one before its credit.
_CREDIT_SENTENCE_ENDS = ".!?。।"


@functools.cache
def _credit_pattern() -> GuardedPattern:
    """A credit label where a credit starts (line start, after a sentence end, the Hindi
    danda "।" too, a bracket or a dash), its `:`, `by` or `/`, and the rest of the line.

    It starts with one character class, so the scan skips quickly to those characters;
    `_credit_at` then checks what stands before the label. Polynomial in a run of blanks
    (the `[ \t]*` around an absent bracket split it many ways): under the time guard. A
    text without two blanks in a row (as `normalize_whitespace` leaves it) gives each
    `[ \t]*` two choices at most, and each start a bounded number of steps: `re` there
    (the test looks for two spaces or a tab). The labels' first characters are tested
    before their trie (`first_char_lookahead`).
    """
    words = all_credit_words()
    labels = first_char_lookahead(words) + trie_pattern(words) if words else "(?!x)x"
    return GuardedPattern(
        rf"[\n{_CREDIT_SENTENCE_ENDS}(\[\-–—|/][\"'”’]?[ \t]*[(\[]?[ \t]*(?P<label>{labels})"
        rf"(?:[ \t]*(?:(?P<by>by)\b|[:：/])|(?<=\.)[ \t])[ \t]*"
        rf"(?P<credit>[^\n]{{1,{MAX_CREDIT_CHARS}}}?)[)\]]?[ \t]*(?=\n)",
        name="captions._credit_pattern",
        # Two blanks in a row: two spaces, or any tab (which covers the three pairs with
        # a tab at one scan of the text instead of three; tabs are rare in page dumps).
        linear_without=("  ", "\t"),
    )


def _credit_at(framed: str, match: Match) -> int | None:
    """Where the caption text ends (in `framed`), if the label stands where a credit's
    does: at the line start, after a bracket, or after a sentence end or dash followed
    by a space; else `None`."""
    lead = framed[match.start()]
    if lead == "\n":
        return match.start() + 1
    between = framed[match.start() + 1 : match.start("label")]
    if lead in "([" or "(" in between or "[" in between:
        return match.start()
    if between[:1] in " \t" or between[1:2] in " \t":
        return match.start() + (1 if lead in _CREDIT_SENTENCE_ENDS else 0)
    return None


def split_credit(line: str, *, timeout: float = DEFAULT_PATTERN_TIMEOUT) -> tuple[str, str] | None:
    """Split a caption line into (caption text, credit), or `None` without a credit
    (`timeout`: the time guard, `Config.pattern_timeout`).

    >>> split_credit("Flags wave in Kharkiv. Picture: Getty")
    ('Flags wave in Kharkiv.', 'Getty')
    >>> split_credit("Fans at the final (AP Photo/Jane Doe)")
    ('Fans at the final', 'AP Photo/Jane Doe')
    >>> split_credit("Traders on the floor, March 4, 2024. REUTERS/Kai Berger")
    ('Traders on the floor, March 4, 2024.', 'REUTERS/Kai Berger')
    >>> split_credit("Photo: Reuters")
    ('', 'Reuters')
    >>> split_credit("He took a photo: it was blurred") is None
    True
    """
    framed = "\n" + plain_lower(line) + "\n"
    for match in _credit_pattern().finditer(framed, timeout):
        cut = _credit_at(framed, match)
        if cut is not None:
            split = _split(line, cut - 1, match.start("credit") - 1, match.end("credit") - 1)
            # After "by" a credit names someone ("Photography by the river" is no credit);
            # after a colon it may be a word ("Foto: privat").
            if split is not None and not (match.group("by") and split[1][0].islower()):
                return split
    bracketed = _BRACKET_CREDIT.search(line, timeout) or _agency_slash_credit(line)
    if bracketed is not None:
        return _split(line, bracketed.start(), bracketed.start("credit"), bracketed.end("credit"))
    named = _named_agency_credit(line)
    if named is not None:
        return _split(line, *named)
    glued = glued_label(line, 0, len(line))
    if glued is not None:
        return _split(line, glued, line.index(":", glued) + 1, len(line))
    credit = _bare_credit(line)
    if credit is not None:
        return "", credit
    return _glued_bare_credit(line)


def _capitalised_names(names: str) -> bool:
    """Whether every word of a credit's names is capitalised, and one at least is written
    as a name, not as initials ("Jane Doe, Pool via"; "MK" is an author's initials, which
    some agencies put with their name after the article's last paragraph: "(MK/PAP)").

    >>> _capitalised_names("Jane Doe, Pool via"), _capitalised_names("MK"), _capitalised_names("jk")
    (True, False, False)
    """
    words = names.replace("/", " ").replace(",", " ").split()
    words = [word for word in words if word not in _CREDIT_NAME_JOINERS]
    return (
        bool(words)
        and all(word[0].isupper() for word in words)
        and any(word[1:2].islower() for word in words)
    )


def _named_agency_credit(line: str) -> tuple[int, int, int] | None:
    """Where the caption ends, and the credit starts and ends, when the line ends in a
    bracket holding capitalised names and an agency (`_NAMED_AGENCY_CREDIT`).

    >>> line = "Fans at the final. (Jane Doe/AP)"
    >>> cut, start, end = _named_agency_credit(line)
    >>> line[:cut], line[start:end]
    ('Fans at the final. ', 'Jane Doe/AP')
    >>> _named_agency_credit("Shares fell, a poll showed (Ipsos data)") is None
    True
    """
    body = line.rstrip(" \t")
    if body[-1:] not in _CLOSING_BRACKETS:
        return None
    start = max(body.rfind("("), body.rfind("[")) + 1
    found = _NAMED_AGENCY_CREDIT.fullmatch(body, start, len(body) - 1) if start else None
    if found is None or not _capitalised_names(found.group("names")):
        return None
    return start - 1, start, len(body) - 1


def glued_label(text: str, start: int, end: int) -> int | None:
    """Where a credit label glued to the text before it starts, for the first such label
    between `start` and `end` in `text`: a capitalised credit word (`all_credit_words`)
    and a colon right after a lower-case letter, a digit or a sentence end, with no blank
    between ("... on the ridge in MayCredit: Kestrel Valley Times", "... by spring.Photograph:
    Ana Lima/Getty Images").

    >>> line = "Crews at the pierCredit: Harbour Trust"
    >>> line[glued_label(line, 0, len(line)):]
    'Credit: Harbour Trust'
    >>> glued_label("Note: the pier reopens at 10:30.", 0, 32) is None
    True
    """
    words = _glued_label_words()
    colon = text.find(":", start + 1, end)
    while colon >= 0:
        # The label is the capitalised word that ends at the colon: back to its capital.
        label = colon - 1
        while label > start and colon - label < _LONGEST_GLUED_LABEL and text[label].islower():
            label -= 1
        before = text[label - 1] if label > start else ""
        if (
            text[label].isupper()
            and (before.islower() or before.isdigit() or (before and before in _GLUED_AFTER))
            and text[label:colon].lower() in words
            and text[colon + 1 : colon + 2] in (" ", "\t")
            # After a glued label the credit names someone: "... day.Source: the ministry
            # said" is no credit.
            and not text[colon + 2 : colon + 3].islower()
        ):
            return label
        colon = text.find(":", colon + 1, end)
    return None


# What a glued credit label may stand right after, besides a lower-case letter or a digit:
# a sentence end or a closing quote or bracket (`newsclean.text`).
_GLUED_AFTER = SENTENCE_END_CHARS + CLOSING_CHARS
# The longest one-word credit label looked for glued to a caption.
_LONGEST_GLUED_LABEL = 16


@functools.cache
def _glued_label_words() -> frozenset[str]:
    """The one-word credit labels of every language, lower-cased ("credit", "foto")."""
    words = all_credit_words()
    return frozenset(word for word in words if word.isalpha() and len(word) < _LONGEST_GLUED_LABEL)


def _glued_bare_credit(line: str) -> tuple[str, str] | None:
    """A caption and the credit in the agencies' style glued to its last sentence, with
    no blank: "... in 1998.Ana Lima / Reuters file" (`_bare_credit` on what follows a
    sentence end); else `None`.

    >>> _glued_bare_credit("Rep. Ana Lima speaks on July 25, 2019.J. Scott Whitmore / AP file")
    ('Rep. Ana Lima speaks on July 25, 2019.', 'J. Scott Whitmore / AP file')
    """
    # A credit has at most MAX_CREDIT_CHARS: only the line's last characters can hold one.
    for end in _GLUED_AFTER_SENTENCE.finditer(line, max(0, len(line.rstrip(" \t")) - MAX_CREDIT_CHARS - 1)):
        credit = _bare_credit(line[end.end() :])
        if credit is not None:
            return line[: end.end()], credit
    return None


def _bare_credit(line: str) -> str | None:
    """The line, when it is only a credit in the agencies' style (`_BARE_CREDIT`), every
    word of its names capitalised ("Sanjeev Verma/Hindustan Times/Getty Images"); else
    `None`.

    >>> _bare_credit("J. Scott Whitmore/AP"), _bare_credit("He sold it to AFP/Reuters")
    ('J. Scott Whitmore/AP', None)
    """
    credit = line.strip(" \t")
    if len(credit) > MAX_CREDIT_CHARS:
        return None
    found = _BARE_CREDIT.fullmatch(credit)
    if found is None or len(credit.split()) > MAX_CREDIT_WORDS:
        return None
    words = found.group("names").replace("/", " ").split()
    return credit if all(word[0].isupper() for word in words) else None


def _agency_slash_credit(line: str) -> re.Match[str] | None:
    """The agency credit in its own style that ends the line (`_AGENCY_SLASH_CREDIT`):
    only the line's last agency and slash can start one (a credit holds no slash)."""
    agencies = list(AGENCY_SLASH.finditer(line))
    return _AGENCY_SLASH_CREDIT.match(line, agencies[-1].start() - 1) if agencies else None


def _split(line: str, cut: int, credit_start: int, credit_end: int) -> tuple[str, str] | None:
    credit = _LEADING_LABEL.sub("", line[credit_start:credit_end].strip(" .;,)]"))
    if not credit or len(credit.split()) > MAX_CREDIT_WORDS:
        return None
    text = line[:cut].rstrip(" -–—|/,;([")
    ends = _CREDIT_SENTENCE_ENDS
    if text and text[-1] not in ends and line[cut : cut + 1] in ends:
        text += line[cut]
    return text, credit


def labelled_credit_lines(text: str, lowered: str, *, timeout: float = DEFAULT_PATTERN_TIMEOUT) -> set[int]:
    """Indices of the lines of `text` that end in a credit after a label ("... /Picture:
    Getty", "Photo: Reuters"), found with one scan of `lowered` (`text` lower-cased, of
    the same length) rather than line by line.

    >>> text = "Harbour of Dunmore\\nA view of the pier /Picture: Getty\\nPhotos of the day"
    >>> labelled_credit_lines(text, text.lower())
    {1}
    """
    return _labelled_credits("\n" + lowered + "\n", line_starts(text.split("\n")), timeout)


def _labelled_credits(framed: str, starts: Sequence[int], timeout: float) -> set[int]:
    """`labelled_credit_lines` of a lower-cased text framed by newlines, with its lines'
    offsets (`starts`)."""
    return {
        bisect.bisect_right(starts, match.start("label") - 1) - 1
        for match in _credit_pattern().finditer(framed, timeout)
        if _credit_at(framed, match) is not None
    }


def _candidate_lines(text: str, lines: Sequence[str], timeout: float) -> list[int]:
    """Indices of the lines that may end in a credit, found with whole-text scans."""
    framed, low_starts = framed_lowered(text)
    found = _labelled_credits(framed, low_starts, timeout)
    # Line offsets, for the scans below that find places in the text.
    starts = (known_line_starts(text) or line_starts(lines)) if "/" in text or ":" in text else []
    if "/" in text:
        found.update(bisect.bisect_right(starts, match.start()) - 1 for match in AGENCY_SLASH.finditer(text))
        tails = BARE_CREDIT_TAIL.finditer(framed)
        found.update(bisect.bisect_right(low_starts, match.start() - 1) - 1 for match in tails)
    if "(" in text or "[" in text:
        # Only lines that end in a bracket can end in a bracketed credit: a per-line test
        # costs less than a scan for every bracket of the page.
        for i, line in enumerate(lines):
            if line.rstrip(" \t")[-1:] in _CLOSING_BRACKETS and (
                _BRACKET_CREDIT.search(line, timeout) or _named_agency_credit(line)
            ):
                found.add(i)
    if ":" in text:
        at = glued_label(text, 0, len(text))
        while at is not None:
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            at = glued_label(text, starts[i + 1], len(text))  # from the next line on
    return sorted(found)


def _trailing_credit_lines(text: str, lines: Sequence[str]) -> dict[int, tuple[str, str]]:
    """The lines that end in a credit with no label before it (`TRAILING_CREDIT_WORDS`
    and a noun: "Submitted photo"), each with its caption text and credit (`lines`:
    the text's lines).

    >>> text = "Rain fell.\\nMargaret Hollis Submitted photo\\nHe said a file photo"
    >>> _trailing_credit_lines(text, text.split("\\n"))
    {1: ('Margaret Hollis', 'Submitted photo')}
    """
    framed, starts = framed_lowered(text)
    found: dict[int, tuple[str, str]] = {}
    for noun in TRAILING_CREDIT_NOUNS:
        at = framed.find(noun)
        while at >= 0:
            word_start = framed.rfind(" ", max(0, at - 12), at) + 1  # the words are short
            if word_start and framed[word_start:at] in TRAILING_CREDIT_WORDS:
                # The text's own line is split (lower-casing can change a line's length).
                i = bisect.bisect_right(starts, at) - 1
                parts = lines[i].rsplit(" ", 2)
                caption_text = parts[0].rstrip(" -–—|/,;:")
                # A credit is capitalised ("Submitted photo"); "... showed a file photo" is prose.
                if len(parts) == 3 and parts[1][:1].isupper() and not ends_sentence(caption_text):
                    found[i] = (caption_text, f"{parts[1]} {parts[2]}")
            at = framed.find(noun, at + len(noun) - 1)
    return found


# An alt text that is only the start of its caption has at least this many characters.
MIN_ALT_PREFIX_CHARS = 15
MIN_ALT_PREFIX_CJK_CHARS = 4
# An alt text worded apart from its caption has at least MIN_ALT_WORDS words, and at least
# ALT_WORD_SHARE of them stand in the caption.
MIN_ALT_WORDS = 4
ALT_WORD_SHARE = 0.8
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def repeats_caption(alt: str, caption_text: str) -> bool:
    """Whether an image's alt-text line repeats its caption: the same text, or the
    caption's first words.

    >>> repeats_caption("Flags wave in Kharkiv", "Flags wave in Kharkiv.")
    True
    >>> repeats_caption("Flags wave in Kharkiv", "Flags wave in Kharkiv after the army returned.")
    True
    >>> repeats_caption("Rain fell all day.", "Flags wave in Kharkiv.")
    False
    >>> repeats_caption("Termómetro en una calle", "Un termómetro marca 46 grados en una calle.")
    True
    """
    alt = alt.rstrip(" .。।")  # a full stop, whatever the script's
    caption = caption_text.rstrip(" .。।")
    if not alt:
        return False
    if alt == caption:
        return True
    if CJK_CHAR.search(alt):  # no spaces between words: any long enough prefix
        return len(alt) >= MIN_ALT_PREFIX_CJK_CHARS and caption.startswith(alt)
    if len(alt) >= MIN_ALT_PREFIX_CHARS and caption.startswith(alt) and not caption[len(alt)].isalnum():
        return True
    # The same picture described in other words: nearly all the alt text's words recur.
    alt_words = alt.lower().split()
    caption_words = set(caption.lower().replace(",", " ").split())
    shared = sum(word in caption_words for word in alt_words)
    return len(alt_words) >= MIN_ALT_WORDS and shared >= ALT_WORD_SHARE * len(alt_words)


@functools.cache
def _labelled_line_pattern() -> re.Pattern[str]:
    """A line that starts with a caption label (`caption_labels`: "Image copyright",
    "Image caption") and a blank, comma (the Arabic "،" too) or colon, in the lower-cased
    page framed by newlines (a start at each newline only: linear)."""
    labels = trie_pattern(caption_labels()) or "(?!x)x"
    return re.compile(rf"\n(?P<label>{labels})(?:[ \t]*[,:，：،][ \t]*|[ \t]+)(?=\S)")


def _labelled_captions(
    text: str, lines: Sequence[str]
) -> tuple[dict[int, Reason], list[tuple[int, Caption]]]:
    """Lines that a label marks as an image's credit or caption ("Image copyright
    Reuters", then "Image caption Fans at the final"), and the captions they give, by
    line index; a caption takes the credit on the line just before it.

    >>> text = "Rain fell.\\nImage copyright Reuters\\nImage caption Fans at the final\\nIt stopped."
    >>> drops, found = _labelled_captions(text, text.split("\\n"))
    >>> sorted(drops), found
    ([1, 2], [(2, Caption(text='Fans at the final', credit='Reuters'))])
    """
    drops: dict[int, Reason] = {}
    found: list[tuple[int, Caption]] = []
    labels = caption_labels()
    credit_at, credit = -1, ""
    for i, match in lowered_line_matches(_labelled_line_pattern(), text):
        rest = lines[i][len(match.group()) - 1 :].strip()
        kind = labels[match.group("label")]
        if len(rest.split()) > (MAX_CREDIT_WORDS if kind == "credit" else MAX_CAPTION_WORDS):
            continue
        drops[i] = Reason.CAPTION
        if kind == "credit":
            credit_at, credit = i, rest
            continue
        previous = i - 1 if i == 0 or lines[i - 1] else i - 2
        found.append((i, Caption(text=rest, credit=credit if credit_at == previous else None)))
    return drops, found


# The caption style of the English-language wire services, which news sites print under
# their pictures as they come: "In this Nov. 19, 2019, file photo, ...", "In this photo
# provided by the ministry, ...", "FILE - In this ...", "FILE PHOTO: ...". Matched on the
# lower-cased page framed by newlines, from each `WIRE_CAPTION_LEADERS` place.
WIRE_CAPTION = re.compile(
    r"\n(?:file(?: photo)?[ \t]*[-–—:][ \t]*)?in this (?:[^\n]{0,40}?, )?"
    r"(?:(?:file|handout|undated|provided) )?(?:photo|photograph|image|picture|frame grab)s?"
    r"(?:[ \t][^\n,]{1,60})?,[ \t]"
    r"|\nfile photo[ \t]*:[ \t]|\nfile[ \t]*[-–—][ \t]"
)
WIRE_CAPTION_LEADERS = ("\nin this ", "\nfile")


def _wire_caption_lines(text: str, lines: Sequence[str]) -> set[int]:
    """Indices of the lines written as a wire service's caption (`WIRE_CAPTION`); a
    "FILE" label counts only in capitals, as the agencies write it.

    >>> text = ("Rain fell.\\nIn this Nov. 19, 2019, file photo, a ferry leaves Dover.\\n"
    ...         "In this town, rain is rare.")
    >>> sorted(_wire_caption_lines(text, text.split("\\n")))
    [1]
    """
    found: set[int] = set()
    for leader in WIRE_CAPTION_LEADERS:
        for i, _ in lowered_line_matches(WIRE_CAPTION, text, leader=leader):
            if leader != "\nfile" or lines[i].startswith("FILE"):
                found.add(i)
    return found


def find_captions(
    text: str, lines: Sequence[str], *, timeout: float = DEFAULT_PATTERN_TIMEOUT
) -> tuple[dict[int, Reason], list[Caption]]:
    """Caption and alt-text lines to drop, and the captions found, in page order
    (`timeout`: the time guard, `Config.pattern_timeout`).

    Example:

    >>> text = "Crowds at the pier\\nCrowds at the pier at dawn. Photo: Harbour Trust\\nFerries ran again."
    >>> drops, captions = find_captions(text, text.split("\\n"))
    >>> sorted((i, str(reason)) for i, reason in drops.items()), captions[0].credit
    ([(0, 'alt_text'), (1, 'caption')], 'Harbour Trust')
    """
    drops, found = _labelled_captions(text, lines)
    wire = _wire_caption_lines(text, lines)
    first_credit_caption = True
    candidates = _candidate_lines(text, lines, timeout)
    trailing = _trailing_credit_lines(text, lines)
    if wire or trailing:
        candidates = sorted(wire.union(candidates, trailing))
    for i in candidates:
        line = lines[i]
        if not line or i in drops or len(line.split()) > MAX_CAPTION_WORDS:
            continue
        split: tuple[str, str | None] | None = split_credit(line, timeout=timeout)
        if split is None:
            if i in trailing:
                split = trailing[i]
            elif i in wire:
                split = line, None
            else:
                continue
        caption_text, credit = split
        drops[i] = Reason.CAPTION
        previous = i - 1 if i == 0 or lines[i - 1] else i - 2
        if previous >= 0 and previous not in drops and repeats_caption(lines[previous], caption_text):
            # The lead image's caption is often the standfirst, a full sentence: it stays.
            is_standfirst = first_credit_caption and ends_sentence(lines[previous])
            if not is_standfirst:
                drops[previous] = Reason.ALT_TEXT
        if caption_text:
            found.append((i, Caption(text=caption_text, credit=credit)))
            first_credit_caption = False
    found.sort(key=lambda pair: pair[0])
    return drops, [caption for _, caption in found]


def extract_captions(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Move caption lines into `captions` and drop the alt-text lines they repeat.

    Example:

    >>> from newsclean.document import Document
    >>> page = "Ferries ran again.\\nA boat leaves. (AP Photo/Ana Lima)\\nIt was full."
    >>> doc = extract_captions(Document.from_text(page))
    >>> doc.text, doc.captions
    ('Ferries ran again.\\nIt was full.', (Caption(text='A boat leaves.', credit='AP Photo/Ana Lima'),))
    """
    lines = text_lines(doc.text)
    drops, captions = find_captions(doc.text, lines, timeout=config.pattern_timeout)
    if not drops:
        return doc
    return drop_lines(doc, lines, drops, "extract_captions", captions=doc.captions + tuple(captions))
