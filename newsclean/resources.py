"""Word lists and cue tables, kept as package data under `newsclean/data/`, one file per
kind and ISO 639-1 language, loaded on first use and cached.

Layout: `cues/<lang>.tsv` (`exact|prefix <TAB> reason <TAB> phrase`),
`stopwords/<lang>.txt`, `bylines/<lang>.txt`, `credits/<lang>.txt`,
`comment_buttons/<lang>.txt` (one entry a line), `months/<lang>.tsv` (`name <TAB> month
number`) and `caption_labels/<lang>.tsv` (`credit|caption <TAB> label`). `#` starts a
comment line.

>>> "the" in stopwords("en")
True
>>> cue_languages()[:3]
('ar', 'cs', 'de')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from itertools import repeat
from typing import Any

import attrs

from newsclean.reasons import Reason
from newsclean.spacing import SPACE_CHARS, plain_lower

_DATA = resources.files("newsclean") / "data"


class UnknownLanguageError(ValueError):
    """A language code with no package data.

    Example:

    >>> try:
    ...     check_language("xx")
    ... except UnknownLanguageError as exc:
    ...     print(str(exc).split(";")[0])
    no data for language 'xx'
    """


# Languages whose letters ș and ț (comma below) older pages and keyboards print as ş and ţ
# (cedilla below): each row of their package data that holds one is also read in the
# cedilla forms, so the files list the comma forms only.
CEDILLA_LANGUAGES = frozenset({"ro"})
_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def _rows(kind: str, lang: str, suffix: str) -> list[str]:
    """The rows of a package data file, without comments and blank lines.

    >>> [row for row in _rows("stopwords", "ro", ".txt") if row.startswith(("și", "şi"))]
    ['și', 'şi']
    """
    path = _DATA / kind / f"{lang}{suffix}"
    if not path.is_file():
        return []
    rows = []
    cedilla = lang in CEDILLA_LANGUAGES
    for raw in path.read_text(encoding="utf-8").splitlines():
        row = raw.rstrip("\r")
        if row.strip() and not row.lstrip().startswith("#"):
            rows.append(row)
            if cedilla and (variant := row.translate(_CEDILLA)) != row:
                rows.append(variant)
    return rows


@functools.cache
def _available(kind: str) -> tuple[str, ...]:
    folder = _DATA / kind
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name.split(".")[0] for p in folder.iterdir() if p.is_file()))


def cue_languages() -> tuple[str, ...]:
    """Languages with a cue table.

    Example:

    >>> "fr" in cue_languages(), "ja" in cue_languages()
    (True, True)
    """
    return _available("cues")


def stopword_languages() -> tuple[str, ...]:
    """Languages with a stop-word list (the ones the detector can tell apart).

    Example:

    >>> "fr" in stopword_languages(), "ja" in stopword_languages()
    (True, False)
    """
    return _available("stopwords")


# The kinds of package data, in the order the documentation lists them.
DATA_KINDS = ("cues", "stopwords", "months", "bylines", "credits", "caption_labels",
              "comment_buttons", "rights_notices")


def language_coverage() -> dict[str, tuple[str, ...]]:
    """Each language that has package data, with the kinds it has (`DATA_KINDS`).

    Example:

    >>> coverage = language_coverage()
    >>> coverage["ja"], "months" in coverage["tr"]
    (('cues', 'rights_notices'), True)
    """
    coverage: dict[str, list[str]] = {}
    for kind in DATA_KINDS:
        for lang in _available(kind):
            coverage.setdefault(lang, []).append(kind)
    return {lang: tuple(kinds) for lang, kinds in sorted(coverage.items())}


def check_language(lang: str) -> str:
    """Return `lang` if any package data exists for it, else raise, listing the known ones.

    Example:

    >>> check_language("ja")
    'ja'
    >>> isinstance(UnknownLanguageError("x"), ValueError)
    True
    """
    known = sorted(set(cue_languages()) | set(stopword_languages()))
    if lang not in known:
        raise UnknownLanguageError(f"no data for language {lang!r}; available: {', '.join(known)}")
    return lang


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of `lang` (empty for a language without a list).

    Example:

    >>> "und" in stopwords("de"), "und" in stopwords("en")
    (True, False)
    >>> stopwords("xx")
    frozenset()
    """
    return frozenset(row.strip().lower() for row in _rows("stopwords", lang, ".txt"))


def _phrases(kind: str, langs: Iterable[str]) -> tuple[str, ...]:
    """The lower-cased phrases of `kind` (one per line) of every language in `langs`,
    longest first."""
    words = {row.strip().lower() for lang in langs for row in _rows(kind, lang, ".txt")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def byline_words(lang: str) -> tuple[str, ...]:
    """Words that introduce an author in `lang` and in English, longest first.

    Example:

    >>> words = byline_words("de")
    >>> "von" in words, "by" in words, words[0]
    (True, True, 'additional reporting by')
    """
    return _phrases("bylines", (lang, "en"))


@functools.cache
def all_byline_words() -> tuple[str, ...]:
    """Byline openers of every language, longest first.

    Example:

    >>> words = all_byline_words()
    >>> "by" in words and "von" in words and "автор:" in words
    True
    """
    return _phrases("bylines", _available("bylines"))


@functools.cache
def credit_words(lang: str) -> tuple[str, ...]:
    """Labels that introduce a photo credit in `lang` and in English, longest first.

    Example:

    >>> words = credit_words("fr")
    >>> "photo" in words, "picture" in words, len(words[0]) >= len(words[-1])
    (True, True, True)
    """
    return _phrases("credits", (lang, "en"))


@functools.cache
def all_credit_words() -> tuple[str, ...]:
    """Credit labels of every language, longest first.

    Example:

    >>> words = all_credit_words()
    >>> "foto" in words and "фото" in words and "picture" in words
    True
    """
    return _phrases("credits", _available("credits"))


@functools.cache
def comment_buttons() -> frozenset[str]:
    """Comment cues of every language that are a button under each comment or post
    ("Reply", "Report", "Comment"), not the start of a comment section.

    Example:

    >>> buttons = comment_buttons()
    >>> "reply" in buttons, "odpowiedz" in buttons, "comments" in buttons
    (True, True, False)
    """
    return frozenset(_phrases("comment_buttons", _available("comment_buttons")))


@functools.cache
def rights_notices(lang: str | None) -> tuple[str, ...]:
    """Phrases that mark a rights notice anywhere in a line ("all rights reserved",
    "©", "все права защищены"), in `lang` and in English, longest first.

    Example:

    >>> phrases = rights_notices("pl")
    >>> "all rights reserved" in phrases, "wszelkie prawa zastrzeżone" in phrases, "©" in phrases
    (True, True, True)
    """
    return _phrases("rights_notices", {"en", lang or "en"} & set(_available("rights_notices")))


@functools.cache
def caption_labels() -> dict[str, str]:
    """Labels that start a line holding an image's credit or caption, in every language,
    each mapped to `"credit"` or `"caption"`.

    Example:

    >>> labels = caption_labels()
    >>> labels["image copyright"], labels["image caption"], labels["подпись к фото"]
    ('credit', 'caption', 'caption')
    """
    labels: dict[str, str] = {}
    for lang in _available("caption_labels"):
        for row in _rows("caption_labels", lang, ".tsv"):
            kind, _, label = row.partition("\t")
            if kind.strip() in ("credit", "caption") and label.strip():
                labels[label.strip().lower()] = kind.strip()
    return labels


@functools.cache
def month_names() -> dict[str, int]:
    """Month names and abbreviations of every language, mapped to 1-12.

    Example:

    >>> months = month_names()
    >>> months["september"], months["sept."], months["septembre"], months["декабря"]
    (9, 9, 9, 12)
    """
    names: dict[str, int] = {}
    for lang in _available("months"):
        for row in _rows("months", lang, ".tsv"):
            parts = row.split("\t")
            if len(parts) == 2 and parts[1].strip().isdigit():
                names[parts[0].strip().lower()] = int(parts[1])
    return names


@attrs.frozen
class CueTable:
    """Boilerplate cues for one page language (its own and English ones): whole-line cues
    looked up line by line, and a scan for the prefix cues in the lower-cased page framed
    by newlines.

    The prefix scan starts with a newline, so the matcher skips straight from line start
    to line start (see `newsclean.lines.lowered_line_matches`).

    Example:

    >>> table = cue_table("de")
    >>> table.exact["artikel teilen"], table.prefixes["read more:"]
    (<Reason.SHARE: 'share'>, <Reason.INLINE_TEASER: 'inline_teaser'>)
    """

    exact: dict[str, Reason]
    """Normalised whole-line phrase -> reason."""
    prefixes: dict[str, Reason]
    """Line prefix -> reason."""
    prefix_scan: re.Pattern[str] | None
    """Lines that start with a prefix cue (group `cue`)."""
    longest_exact: int = attrs.field()
    """Characters of the longest whole-line cue."""

    @longest_exact.default
    def _longest(self) -> int:
        return max(map(len, self.exact), default=0)

    def whole_line_cues(self, lines: Iterable[str], *, spaced: bool = True) -> Iterator[tuple[int, Reason]]:
        """Each line that is a whole-line cue, by index, with its reason: the line
        stripped of `CUE_EDGE_CHARS` at both ends, then lower-cased with no-break and thin
        spaces read as plain ones (`newsclean.spacing.plain_lower`), is a key of `exact`.
        A caller that knows the page holds no such space (`views.holds_space_chars`)
        passes `spaced=False`, and each line is only lower-cased.

        A C-level strip and a length test settle nearly every line; no pattern is
        compiled (a language's first page used to compile a trie of a few thousand
        alternatives) and nothing can backtrack. Keys neither start nor end with an edge
        character, and lower-casing neither touches edge characters nor shortens a line,
        so this finds exactly the lines that a scan for `[edges]*cue[edges]*` between
        newlines of the lower-cased page would.

        Example:

        >>> table = cue_table("de")
        >>> list(table.whole_line_cues(["Regen am Montag.", "» Artikel teilen", "Mehr zum\\u00a0Thema"]))
        [(1, <Reason.SHARE: 'share'>), (2, <Reason.TEASER_HEADING: 'teaser_heading'>)]
        """
        exact, longest = self.exact, self.longest_exact
        lower = plain_lower if spaced else str.lower
        for i, key in enumerate(map(str.strip, lines, repeat(CUE_EDGE_CHARS))):
            if len(key) <= longest and (reason := exact.get(lower(key))) is not None:
                yield i, reason

    def reason_of(self, match: re.Match[str]) -> Reason:
        """The reason of a prefix scan's match.

        Example:

        >>> table = cue_table("de")
        >>> match = table.prefix_scan.search("\\nregen am montag.\\n» read more: mehr regen\\n")
        >>> match.group("cue"), table.reason_of(match)
        ('read more:', <Reason.INLINE_TEASER: 'inline_teaser'>)
        """
        return self.prefixes[match.group("cue")]


def _edge_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]*"


# Characters that may lead a prefix cue ("» Read more: ...").
PREFIX_LEADERS = " »›>•·*-–—|"


@functools.cache
def cue_table(lang: str | None) -> CueTable:
    """The cues that apply to a page in `lang`: that language's plus English ones (Turkish
    ones also in the forms that its capitals lower-case to, see `dotted_i_forms`).

    Example:

    >>> cue_table("de") is cue_table("de"), "artikel teilen" in cue_table("en").exact
    (True, False)
    >>> cue_table(None) is cue_table("en"), "share" in cue_table("fr").exact
    (False, True)
    """
    exact: dict[str, Reason] = {}
    prefixes: dict[str, Reason] = {}
    langs = ["en"] if lang in (None, "en") else ["en", lang]
    for code in langs:
        for row in _rows("cues", code, ".tsv"):
            parts = row.split("\t")
            if len(parts) != 3:
                continue
            match, reason_name, phrase = (p.strip() for p in parts)
            reason = Reason(reason_name)
            forms = dotted_i_forms(phrase) if code in DOTTED_I_LANGUAGES else (phrase,)
            for form in forms:
                if match == "exact":
                    exact[normalise_cue(form)] = reason
                elif match == "prefix":
                    prefixes[" ".join(form.lower().split())] = reason
    exact.pop("", None)
    prefix_scan = None
    if prefixes:
        leaders = _edge_class(PREFIX_LEADERS)
        prefix_scan = re.compile(rf"\n{leaders}(?P<cue>{trie_pattern(prefixes)})")
    return CueTable(exact=exact, prefixes=prefixes, prefix_scan=prefix_scan)


# Languages whose capital of "i" is "İ", which `str.lower` turns into "i̇" (an "i" and a
# combining dot above), and whose capital of "ı" is "I", which it turns into "i": their
# cues also take the forms that a line in sentence case, title case or capitals gives.
DOTTED_I_LANGUAGES = frozenset({"tr"})


def dotted_i_forms(phrase: str) -> set[str]:
    """The forms, lower-cased by `str.lower`, of a lower-case Turkish phrase written in
    sentence case, title case and capitals, and the phrase itself.

    >>> sorted(dotted_i_forms("ilgili haberler")) == sorted(
    ...     ["ilgili haberler", "İlgili Haberler".lower(), "İLGİLİ HABERLER".lower()])
    True
    >>> sorted(dotted_i_forms("yorum yazın")) == sorted(["yorum yazın", "YORUM YAZIN".lower()])
    True
    """

    def upper(text: str) -> str:
        return text.replace("i", "İ").replace("ı", "I").upper()

    sentence = upper(phrase[:1]) + phrase[1:]
    title = " ".join(upper(word[:1]) + word[1:] for word in phrase.split(" "))
    return {phrase, sentence.lower(), title.lower(), upper(phrase).lower()}


# What `normalise_cue` strips from both ends of a line before a whole-line lookup.
CUE_EDGE_CHARS = " \t" + SPACE_CHARS + ".…:;,!»«›‹>→←<|•·*-–—_/\\()[]{}\"'“”„‘’#+=~^"


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, written as a trie so that the
    matcher follows one branch per character instead of trying every word in turn.

    >>> print(trie_pattern(["read more:", "read also", "watch:"]))
    (?:read\\ (?:also|more:)|watch:)
    >>> re.fullmatch(trie_pattern(["a", "ab"]), "ab") is not None
    True
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def first_char_lookahead(words: Iterable[str]) -> str:
    """A look-ahead for the first characters of `words`, to put before their
    `trie_pattern`: `re` tries a trie's first branches one after another, and a place that
    none of them starts at (most places) is turned down by one character-class test.

    >>> print(first_char_lookahead(["read more:", "watch:", "read also"]))
    (?=[rw])
    >>> first_char_lookahead([])
    ''
    """
    firsts = sorted({word[0] for word in words if word})
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])" if firsts else ""


def _trie_regex(node: dict[str, Any]) -> str:
    branches = []
    optional = "" in node
    for char in sorted(k for k in node if k):
        child = node[char]
        # Follow a chain of single children as one literal.
        literal = re.escape(char)
        while len(child) == 1 and "" not in child:
            ((char, child),) = child.items()
            literal += re.escape(char)
        rest = _trie_regex(child) if child and child != {"": {}} else ""
        branches.append(literal + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    if optional:
        body = (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
    return body


def normalise_cue(line: str) -> str:
    """Lower-case, trim punctuation at both ends and collapse inner spaces.

    >>> normalise_cue("  Loading audio... ")
    'loading audio'
    >>> normalise_cue("» Read   More")
    'read more'
    """
    return " ".join(line.lower().strip(CUE_EDGE_CHARS).split())
