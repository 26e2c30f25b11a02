"""Cheap language detection from the text: the script first, then function-word votes.

No model is downloaded: the votes use the stop-word lists shipped as package data.

>>> detect_language("Der Rat hat am Montag beschlossen, dass die Straße nicht gesperrt wird.")
'de'
>>> detect_language("美联储宣布，工业产出环比下降。")
'zh'
"""

from __future__ import annotations

import functools
import re

from newsclean.resources import stopword_languages, stopwords

# Letters of each script that decides a language on its own, or narrows the vote.
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")

# Detection reads at most this many characters, from the middle of long pages, where the
# article usually is (menus at the top are often in another language).
SAMPLE_CHARS = 3000
# Scripts are counted on this many characters of the sample.
SCRIPT_SAMPLE_CHARS = 2000
# A script must make up this share of the sampled letters to decide the language.
SCRIPT_SHARE = 0.2
# Fewer stop-word hits than this leave the language undecided.
MIN_VOTES = 3


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    middle = len(text) // 3
    return text[max(0, middle - SAMPLE_CHARS // 2) : middle + SAMPLE_CHARS // 2]


@functools.cache
def _stopword_sets() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((lang, stopwords(lang)) for lang in stopword_languages())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or `None` when it cannot tell.

    The script decides Chinese, Japanese, Korean and Greek; otherwise each language
    with a stop-word list gets a vote per distinct stop word of its list in the sample.
    """
    sample = _sample(text)
    script = sample[:SCRIPT_SAMPLE_CHARS]
    if not script.isascii():
        letters = len(script) - script.count(" ") - script.count("\n") or 1
        kana = len(_KANA.findall(script))
        han = len(_HAN.findall(script))
        if kana > 0.05 * letters and kana + han > SCRIPT_SHARE * letters:
            return "ja"
        if han > SCRIPT_SHARE * letters:
            return "zh"
        if len(_HANGUL.findall(script)) > SCRIPT_SHARE * letters:
            return "ko"
        if len(_GREEK.findall(script)) > SCRIPT_SHARE * letters:
            return "el"
        if len(_CYRILLIC.findall(script)) > SCRIPT_SHARE * letters:
            return _russian_or_ukrainian(sample)
    distinct = set(sample.lower().split())
    votes = {lang: len(distinct & words_of) for lang, words_of in _stopword_sets()}
    candidates = {lang: n for lang, n in votes.items() if lang not in _SCRIPT_DECIDED}
    if not candidates:
        return None
    best = max(sorted(candidates), key=lambda lang: candidates[lang])
    return best if candidates[best] >= MIN_VOTES else None


def _russian_or_ukrainian(sample: str) -> str:
    distinct = set(sample.lower().split())
    uk, ru = len(distinct & stopwords("uk")), len(distinct & stopwords("ru"))
    if uk > ru or (uk == ru and _UKRAINIAN_LETTERS.search(sample)):
        return "uk"
    return "ru"


# Languages chosen by their script, never by the Latin-script vote.
_SCRIPT_DECIDED = frozenset({"ru", "uk", "el", "zh", "ja", "ko"})
