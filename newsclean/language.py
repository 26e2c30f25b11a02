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

import numpy as np

from newsclean.resources import stopword_languages, stopwords

# Letters of each script that decides a language on its own, or narrows the vote.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")

# Detection reads at most this many characters, from the middle of long pages, where the
# article usually is (menus at the top are often in another language).
SAMPLE_CHARS = 2000
# A script must make up this share of the sampled letters to decide the language.
SCRIPT_SHARE = 0.2
# Fewer stop-word hits than this leave the language undecided.
MIN_VOTES = 3


def sample_window(length: int) -> tuple[int, int]:
    """Where the characters detection reads lie, `(start, end)`, in a text of `length`.

    >>> sample_window(1500), sample_window(30_000)
    ((0, 1500), (9000, 11000))
    """
    if length <= SAMPLE_CHARS:
        return 0, length
    middle = length // 3
    return max(0, middle - SAMPLE_CHARS // 2), middle + SAMPLE_CHARS // 2


def _sample(text: str) -> str:
    start, end = sample_window(len(text))
    return text[start:end]  # the text itself when it is short enough


# Code-point ranges of the scripts that decide a language on their own (or narrow it).
_SCRIPT_RANGES = {
    "han": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)),
    "kana": ((0x3040, 0x30FF),),
    "hangul": ((0xAC00, 0xD7AF),),
    "greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "cyrillic": ((0x0400, 0x04FF),),
    # The Arabic block, its supplement and extended-A letters, and the presentation forms
    # that some older pages are encoded in.
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    # The Devanagari block and its extended letters.
    "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
}
# Every range's first code point and the one after its last, in order (the ranges do not
# overlap, so no edge falls inside a range).
_EDGES = sorted(
    {edge for ranges in _SCRIPT_RANGES.values() for low, high in ranges for edge in (low, high + 1)}
)
_EDGE_ARRAY = np.asarray(_EDGES, dtype=np.uint32)
# Any character of those scripts: a pattern search spares the count on the many pages that
# have a curly quote or an accent, and no such character.
_SCRIPT_CHAR = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for ranges in _SCRIPT_RANGES.values() for low, high in ranges)
    + "]"
)
# For each script, the bins (see `script_counts`) of its ranges.
_SCRIPT_BINS = {
    script: tuple(_EDGES.index(low) + 1 for low, _ in ranges) for script, ranges in _SCRIPT_RANGES.items()
}


def script_counts(sample: str) -> dict[str, int]:
    """How many characters of `sample` belong to each script of `_SCRIPT_RANGES`: each
    code point is placed between the ranges' edges and the places are counted, a few
    array calls whatever the sample holds.

    >>> script_counts("Ελλάδα και 中国")["greek"], script_counts("Ελλάδα και 中国")["han"]
    (9, 2)
    """
    points = np.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    places = np.searchsorted(_EDGE_ARRAY, points, side="right")
    bins = np.bincount(places, minlength=len(_EDGES) + 1).tolist()
    return {script: sum(bins[at] for at in ats) for script, ats in _SCRIPT_BINS.items()}


@functools.cache
def _voters() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]]:
    """The languages the Latin-script vote chooses among, for each of their function words
    the languages whose list holds it, and all those words."""
    langs = tuple(sorted(lang for lang in stopword_languages() if lang not in _SCRIPT_DECIDED))
    voters: dict[str, list[str]] = {}
    for lang in langs:
        for word in stopwords(lang):
            voters.setdefault(word, []).append(lang)
    return langs, {word: tuple(of) for word, of in voters.items()}, frozenset(voters)


def detect_language(text: str, *, lowered: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or `None` when it cannot tell (`lowered`:
    the text lower-cased, when the caller has it; `newsclean.spacing.plain_lower` will do,
    since only its words are read).

    The script decides Chinese, Japanese, Korean, Greek, Arabic (text in Persian or Urdu,
    in the same script, is taken for Arabic too) and Hindi (so are Marathi and Nepali,
    written in Devanagari too), and Cyrillic narrows the choice
    to Russian and Ukrainian; otherwise each language with a stop-word list gets a vote
    per distinct stop word of its list in the sample.

    Example:

    >>> detect_language("El ayuntamiento aprobó el presupuesto de la ciudad para el próximo año.")
    'es'
    >>> detect_language("Верховна Рада ухвалила закон, який набуде чинності з наступного року.")
    'uk'
    >>> detect_language("وافق المجلس البلدي على ميزانية المدينة للعام المقبل.")
    'ar'
    >>> detect_language("नगर निगम ने अगले साल के लिए शहर का बजट मंज़ूर किया।")
    'hi'
    >>> detect_language("Meclis, gelecek yılın bütçesini oy birliğiyle kabul etti ve bu karar önemli.")
    'tr'
    >>> detect_language("Home") is None
    True
    """
    sample = _sample(text)  # scripts are counted on all of it
    if sample is not text:  # `lowered` is the whole text's
        lowered = None
    if not sample.isascii() and _SCRIPT_CHAR.search(sample):
        letters = len(sample) - sample.count(" ") - sample.count("\n") or 1
        counts = script_counts(sample)
        if counts["kana"] > 0.05 * letters and counts["kana"] + counts["han"] > SCRIPT_SHARE * letters:
            return "ja"
        if counts["han"] > SCRIPT_SHARE * letters:
            return "zh"
        if counts["hangul"] > SCRIPT_SHARE * letters:
            return "ko"
        if counts["greek"] > SCRIPT_SHARE * letters:
            return "el"
        if counts["arabic"] > SCRIPT_SHARE * letters:
            return "ar"
        if counts["devanagari"] > SCRIPT_SHARE * letters:
            return "hi"
        if counts["cyrillic"] > SCRIPT_SHARE * letters:
            distinct = set((lowered or sample.lower()).split())
            uk, ru = len(distinct & stopwords("uk")), len(distinct & stopwords("ru"))
            if uk > ru or (uk == ru and _UKRAINIAN_LETTERS.search(sample)):
                return "uk"
            return "ru"
    langs, voters, vocabulary = _voters()
    if not langs:
        return None
    votes = dict.fromkeys(langs, 0)
    for word in vocabulary.intersection((lowered or sample.lower()).split()):
        for lang in voters[word]:
            votes[lang] += 1
    best = max(langs, key=votes.__getitem__)  # the first in name order on a tie
    return best if votes[best] >= MIN_VOTES else None


# Languages chosen by their script, never by the Latin-script vote.
_SCRIPT_DECIDED = frozenset({"ru", "uk", "el", "zh", "ja", "ko", "ar", "hi"})
