"""Finding and parsing dates in datelines, in the scripts and languages we ship months for.

Every date shape is found from its first digit, so one scan of the page finds them all;
month names are looked up in the package's month lists.

>>> parse_date("13 September 2022, 14:12")
'2022-09-13T14:12'
>>> parse_date("Nov 18, 2019 at 9:24 pm ET")
'2019-11-18T21:24'
>>> parse_date("2011年12月15日 23:39")
'2011-12-15T23:39'
>>> parse_date("ΔΗΜΟΣΙΕΥΣΗ: 20/12/2011, 18:22")
'2011-12-20T18:22'
>>> parse_date("10:11 09 декабря 2011")
'2011-12-09T10:11'
>>> parse_date("15. 1. 2024, 10:30"), parse_date("الأحد 14 كانون الثاني 2024 - 09:15 م")
('2024-01-15T10:30', '2024-01-14T21:15')
>>> parse_date("2024. január 15. 10:30"), parse_date("ngày 15 tháng 1 năm 2024")
('2024-01-15T10:30', '2024-01-15')
>>> parse_date("no date here") is None
True
"""

from __future__ import annotations

import re

from newsclean.resources import first_char_lookahead, month_names, trie_pattern
from newsclean.spacing import plain_lower

# A month name that the date pattern's run of letters covers.
_ONE_WORD_MONTH = re.compile(r"[^\W\d_]{3,12}\.?")


def _odd_month_names() -> str:
    """The month names that a run of 3 to 12 letters does not cover (the Levantine
    "كانون الثاني" of two words, "آب" of two letters, the Vietnamese "tháng 1", Hindi names
    with vowel signs, which are marks and not letters to `re`), as alternatives to try
    first."""
    odd = [name for name in month_names() if not _ONE_WORD_MONTH.fullmatch(name)]
    return first_char_lookahead(odd) + trie_pattern(odd) + "|" if odd else ""


# All shapes start at a digit (month-first dates are found from their day, and the month
# name is read from the word before it). Day-first dates with a spaced numeric month
# ("15. 1. 2024", as Czech sites print them) need a four-digit year; they share the
# numeric branch's start (a branch of their own cost every digit of a line one more try).
# Year-first Hungarian dates ("2024. január 15.", "2024. jan. 15.", "2024. 01. 15.") share
# the ISO branch's four digits and need the period after the day; the Vietnamese "năm"
# (year) may stand before the year as the Spanish "de" does ("15 tháng 1 năm 2024"). Month
# names of other shapes ("tháng 1", Hindi names with vowel signs) are tried first, after a
# test of their first character (`first_char_lookahead`).
DATE_PATTERN = re.compile(
    r"(?P<iy>\d{4})(?:-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)"
    r"|\.[ \t]?(?:(?P<hm>[^\W\d_]{3,12})\.?|(?P<hn>\d{1,2})\.)[ \t]?(?P<hd>\d{1,2})\.(?!\d))"
    r"|(?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日"
    r"|(?P<dd>\d{1,2})(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?"
    rf"(?P<dm>{_odd_month_names()}[^\W\d_]{{3,12}})\.?,?\s+(?:de\s+|năm\s+)?(?P<dy>\d{{4}})(?!\d)"
    r"|(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})(?!\d)"
    r"|(?P<na>\d{1,2})(?:[./-](?P<nb>\d{1,2})[./-](?P<ny>\d{4}|\d{2})|\. (?P<sm>\d{1,2})\. (?P<sy>\d{4}))"
    r"(?![\d.:/]\d)"
)
# Every dateline we parse has a four-digit year: a fast scan for years finds the lines
# worth parsing.
YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_MONTH_BEFORE = re.compile(r"(?P<mm>[^\W\d_]{3,12})\.?\s+$")
# A time, with "am"/"pm" or the Arabic "ص"/"م" (صباحا/مساء) after it.
TIME_PATTERN = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?!\d)"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s?(?P<ap_ar>[صم])(?:باحً?اً?|ساءً?)?(?![^\W\d_]))?"
)
# The meridiem letters of TIME_PATTERN, as `a` or `p`.
_MERIDIEM = {"a": "a", "p": "p", "ص": "a", "م": "p"}
# Arabic-Indic and Persian digits, and Devanagari ones, as ASCII ones (`str.translate`): a
# page in a language of `NATIVE_DIGITS` has its datelines looked for in lines so
# translated, since `YEAR` finds ASCII years only; the pages of other languages are read
# as they are.
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
NATIVE_DIGITS = {"ar": EASTERN_DIGITS, "hi": DEVANAGARI_DIGITS}


def _ymd(line: str, match: re.Match[str]) -> tuple[int, int, int] | None:
    """Year, month and day of a date match on a lower-cased line, or `None`."""
    months = month_names()
    if match.group("im"):
        y, m, d = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    elif match.group("hd"):
        month = months.get(match.group("hm")) if match.group("hm") else int(match.group("hn"))
        if month is None:
            return None
        y, m, d = int(match.group("iy")), month, int(match.group("hd"))
    elif match.group("cy"):
        y, m, d = int(match.group("cy")), int(match.group("cm")), int(match.group("cd"))
    elif match.group("dd"):
        month = months.get(match.group("dm"))
        if month is None:
            return None
        y, m, d = int(match.group("dy")), month, int(match.group("dd"))
    elif match.group("md"):
        before = _MONTH_BEFORE.search(line, max(0, match.start() - 16), match.start())
        month = months.get(before.group("mm")) if before else None
        if month is None:
            return None
        y, m, d = int(match.group("my")), month, int(match.group("md"))
    elif match.group("sy"):
        y, m, d = int(match.group("sy")), int(match.group("sm")), int(match.group("na"))
    else:
        a, b, y = int(match.group("na")), int(match.group("nb")), int(match.group("ny"))
        if y < 100:
            y += 2000 if y < 70 else 1900
        # Day first unless that cannot be (11/18/2019 is month first).
        d, m = (b, a) if b > 12 >= a else (a, b)
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return y, m, d


def find_date(line: str) -> tuple[int, int, str] | None:
    """Start, end and ISO 8601 form of the first date in a lower-cased line (date and
    time when the line also has a time).

    Example:

    >>> find_date("updated 13 september 2022, 14:12 bst")
    (8, 25, '2022-09-13T14:12')
    >>> find_date("updated 3 hours ago") is None
    True
    """
    for match in DATE_PATTERN.finditer(line):
        ymd = _ymd(line, match)
        if ymd is None:
            continue
        start = match.start()
        if match.group("md"):
            before = _MONTH_BEFORE.search(line, max(0, start - 16), start)
            start = before.start() if before else start
        iso = "{:04d}-{:02d}-{:02d}".format(*ymd)
        time = TIME_PATTERN.search(line, match.end()) or TIME_PATTERN.search(line, 0, start)
        if time:
            hour, minute = int(time.group("h")), int(time.group("mi"))
            meridiem = _MERIDIEM.get(time.group("ap") or time.group("ap_ar"))
            if meridiem == "p" and hour < 12:
                hour += 12
            elif meridiem == "a" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                iso += f"T{hour:02d}:{minute:02d}"
        return start, match.end(), iso
    return None


def parse_date(line: str) -> str | None:
    """ISO 8601 form of the first date in `line`, or `None`.

    Example:

    >>> parse_date("Published 2 March 2024")
    '2024-03-02'
    >>> parse_date("Posted: 05.06.2023 at 08.15")
    '2023-06-05T08:15'
    """
    found = find_date(plain_lower(line))
    return found[2] if found else None
