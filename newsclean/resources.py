"""Word lists and cue tables, kept as package data under `newsclean/data/`, one file per
kind and ISO 639-1 language, loaded on first use and cached.

Layout: `cues/<lang>.tsv` (`exact|prefix <TAB> reason <TAB> phrase`),
`stopwords/<lang>.txt`, `bylines/<lang>.txt`, `credits/<lang>.txt` (one entry a line)
and `months/<lang>.tsv` (`name <TAB> month number`). `#` starts a comment line.

>>> "the" in stopwords("en")
True
>>> cue_languages()[:3]
('de', 'el', 'en')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

import attrs

from newsclean.reasons import Reason

_DATA = resources.files("newsclean") / "data"


class UnknownLanguageError(ValueError):
    """A language code with no package data."""


def _rows(kind: str, lang: str, suffix: str) -> list[str]:
    path = _DATA / kind / f"{lang}{suffix}"
    if not path.is_file():
        return []
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        row = raw.rstrip("\r")
        if row.strip() and not row.lstrip().startswith("#"):
            rows.append(row)
    return rows


@functools.cache
def _available(kind: str) -> tuple[str, ...]:
    folder = _DATA / kind
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name.split(".")[0] for p in folder.iterdir() if p.is_file()))


def cue_languages() -> tuple[str, ...]:
    """Languages with a cue table."""
    return _available("cues")


def stopword_languages() -> tuple[str, ...]:
    """Languages with a stop-word list (the ones the detector can tell apart)."""
    return _available("stopwords")


def check_language(lang: str) -> str:
    """Return `lang` if any package data exists for it, else raise, listing the known ones."""
    known = sorted(set(cue_languages()) | set(stopword_languages()))
    if lang not in known:
        raise UnknownLanguageError(f"no data for language {lang!r}; available: {', '.join(known)}")
    return lang


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of `lang` (empty for a language without a list)."""
    return frozenset(row.strip().lower() for row in _rows("stopwords", lang, ".txt"))


@functools.cache
def byline_words(lang: str) -> tuple[str, ...]:
    """Words that introduce an author in `lang` and in English, longest first."""
    words = {row.strip().lower() for row in _rows("bylines", lang, ".txt")}
    words |= {row.strip().lower() for row in _rows("bylines", "en", ".txt")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def credit_words(lang: str) -> tuple[str, ...]:
    """Labels that introduce a photo credit in `lang` and in English, longest first."""
    words = {row.strip().lower() for row in _rows("credits", lang, ".txt")}
    words |= {row.strip().lower() for row in _rows("credits", "en", ".txt")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def all_credit_words() -> tuple[str, ...]:
    """Credit labels of every language, longest first."""
    words: set[str] = set()
    for lang in _available("credits"):
        words.update(credit_words(lang))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def month_names() -> dict[str, int]:
    """Month names and abbreviations of every language, mapped to 1-12."""
    names: dict[str, int] = {}
    for lang in _available("months"):
        for row in _rows("months", lang, ".tsv"):
            parts = row.split("\t")
            if len(parts) == 2 and parts[1].strip().isdigit():
                names[parts[0].strip().lower()] = int(parts[1])
    return names


@attrs.frozen
class CueTable:
    """Boilerplate cues for one page language (its own and English ones)."""

    exact: dict[str, Reason]
    """Normalised whole-line phrase -> reason."""
    prefixes: dict[str, Reason]
    """Line prefix -> reason."""
    prefix_pattern: re.Pattern[str] | None
    """Alternation of the prefixes, longest first, matched at the start of a lower-cased line."""


@functools.cache
def cue_table(lang: str | None) -> CueTable:
    """The cues that apply to a page in `lang`: that language's plus English ones."""
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
            phrase = phrase.lower()
            if match == "exact":
                exact[normalise_cue(phrase)] = reason
            elif match == "prefix":
                prefixes[phrase] = reason
    pattern = None
    if prefixes:
        ordered = sorted(prefixes, key=lambda p: (-len(p), p))
        pattern = re.compile("|".join(re.escape(p) for p in ordered))
    return CueTable(exact=exact, prefixes=prefixes, prefix_pattern=pattern)


# What `normalise_cue` strips from both ends of a line before a whole-line lookup.
CUE_EDGE_CHARS = " \t\u00a0.…:;,!»«›‹>→←<|•·*-–—_/\\()[]{}\"'“”„‘’#+=~^"


# Lines longer than this are never looked up as whole-line cues.
MAX_CUE_CHARS = 80


def cue_keys(lines: Sequence[str]) -> list[str]:
    """Each line's whole-line cue key: lower-cased, trimmed of punctuation at both ends
    ("" for a line too long to be a cue). Assumes spaces are already collapsed.

    >>> cue_keys(["Loading audio...", "» Read more", "x" * 100])
    ['loading audio', 'read more', '']
    """
    edge = CUE_EDGE_CHARS
    return [line.lower().strip(edge) if len(line) <= MAX_CUE_CHARS else "" for line in lines]


def normalise_cue(line: str) -> str:
    """Lower-case, trim punctuation at both ends and collapse inner spaces.

    >>> normalise_cue("  Loading audio... ")
    'loading audio'
    >>> normalise_cue("» Read   More")
    'read more'
    """
    return " ".join(line.lower().strip(CUE_EDGE_CHARS).split())
