"""Small string predicates shared by the filters (no state, no I/O).

>>> ends_sentence("It rained.")
True
>>> ends_sentence("Most read")
False
>>> word_count("Ukraine recaptures 6,000 sq km")
5
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

# Sentence-final punctuation of the scripts we see (the Devanagari danda and double danda
# too), and the closing quotes and brackets that may follow it.
SENTENCE_END_CHARS = ".!?。！？…؟।॥"
CLOSING_CHARS = "\"'”’»)]」』）"
SENTENCE_END = re.compile(f"[{SENTENCE_END_CHARS}][{re.escape(CLOSING_CHARS)}]*\\s*$")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence (punctuation, maybe a closing quote).

    Example:

    >>> ends_sentence('The minister said: "No."')
    True
    >>> ends_sentence("Read more »")
    False
    """
    return SENTENCE_END.search(line[-4:]) is not None


def word_count(line: str) -> int:
    """Words in the line; each CJK character counts as one word.

    Example:

    >>> word_count("Ferries ran again on Tuesday.")
    5
    >>> word_count("美联储宣布 rates")
    6
    """
    cjk = len(_CJK.findall(line))
    if not cjk:
        return len(line.split())
    return cjk + len(_WORD.findall(_CJK.sub(" ", line)))


def line_starts(lines: Sequence[str]) -> list[int]:
    """Offsets of each line in `"\\n".join(lines)`, plus one past the end.

    >>> line_starts(["ab", "", "c"])
    [0, 3, 4, 6]
    """
    starts = [0]
    starts.extend(accumulate(map(_PLUS_ONE, map(len, lines))))
    return starts


_PLUS_ONE = (1).__add__
