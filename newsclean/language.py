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
_WORD = re.compile(r"[^\W\d_]+")

# Detection reads at most this many characters, from the middle of long pages, where the
# article usually is (menus at the top are often in another language).
SAMPLE_CHARS = 6000
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
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return None
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    if kana > 0.05 * letters and kana + han > SCRIPT_SHARE * letters:
        return "ja"
    if han > SCRIPT_SHARE * letters:
        return "zh"
    if len(_HANGUL.findall(sample)) > SCRIPT_SHARE * letters:
        return "ko"
    if len(_GREEK.findall(sample)) > SCRIPT_SHARE * letters:
        return "el"
    distinct = set(sample.lower().split())
    votes = {lang: len(distinct & words_of) for lang, words_of in _stopword_sets()}
    if len(_CYRILLIC.findall(sample)) > SCRIPT_SHARE * letters:
        uk, ru = votes.get("uk", 0), votes.get("ru", 0)
        if uk > ru or (uk == ru and _UKRAINIAN_LETTERS.search(sample)):
            return "uk"
        return "ru"
    candidates = {lang: n for lang, n in votes.items() if lang not in _SCRIPT_DECIDED}
    if not candidates:
        return None
    best = max(sorted(candidates), key=lambda lang: candidates[lang])
    return best if candidates[best] >= MIN_VOTES else None


# Languages chosen by their script, never by the Latin-script vote.
_SCRIPT_DECIDED = frozenset({"ru", "uk", "el", "zh", "ja", "ko"})
