"""Finding and parsing dates in datelines, in the scripts and languages we ship months for.

>>> parse_date("13 September 2022, 14:12")
'2022-09-13T14:12'
>>> parse_date("Nov 18, 2019 at 9:24 pm ET")
'2019-11-18T21:24'
>>> parse_date("2011年12月15日 23:39")
'2011-12-15T23:39'
>>> parse_date("ΔΗΜΟΣΙΕΥΣΗ: 20/12/2011, 18:22")
'2011-12-20T18:22'
>>> parse_date("no date here") is None
True
"""

from __future__ import annotations

import functools
import re

from newsclean.resources import month_names

_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_CJK = r"(?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日"
_NUMERIC = r"(?<![\d.:/])(?P<na>\d{1,2})[./-](?P<nb>\d{1,2})[./-](?P<ny>\d{4}|\d{2})(?![\d.:/]\d)"
_TIME = re.compile(r"(?<![\d.:])(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?!\d)(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?")


@functools.cache
def date_pattern() -> re.Pattern[str]:
    """One pattern for every date shape, matched on lower-cased text."""
    names = sorted(month_names(), key=lambda n: (-len(n), n))
    month = "|".join(re.escape(n) for n in names) or "(?!x)x"
    day_month = rf"(?P<dd>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<dm>{month})\.?,?\s+(?P<dy>\d{{4}})"
    month_day = rf"(?P<mm>{month})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})"
    return re.compile(
        rf"{_ISO}|{_CJK}|(?<!\w){day_month}(?!\d)|(?<!\w){month_day}(?!\d)|{_NUMERIC}"
    )


def _ymd(match: re.Match[str]) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    months = month_names()
    if groups["iy"]:
        y, m, d = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["cy"]:
        y, m, d = int(groups["cy"]), int(groups["cm"]), int(groups["cd"])
    elif groups["dd"]:
        y, m, d = int(groups["dy"]), months[groups["dm"]], int(groups["dd"])
    elif groups["mm"]:
        y, m, d = int(groups["my"]), months[groups["mm"]], int(groups["md"])
    else:
        a, b, y = int(groups["na"]), int(groups["nb"]), int(groups["ny"])
        if y < 100:
            y += 2000 if y < 70 else 1900
        # Day first unless that cannot be (11/18/2019 is month first).
        d, m = (b, a) if b > 12 >= a else (a, b)
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return y, m, d


def find_date(line: str) -> tuple[re.Match[str], str] | None:
    """The first date in a lower-cased line, with its ISO 8601 form (date, or date and
    time when a time follows the date on the same line)."""
    for match in date_pattern().finditer(line):
        ymd = _ymd(match)
        if ymd is None:
            continue
        iso = "%04d-%02d-%02d" % ymd
        time = _TIME.search(line, match.end()) or _TIME.search(line, 0, match.start())
        if time:
            hour, minute = int(time.group("h")), int(time.group("mi"))
            if time.group("ap") == "p" and hour < 12:
                hour += 12
            elif time.group("ap") == "a" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                iso += "T%02d:%02d" % (hour, minute)
        return match, iso
    return None


def parse_date(line: str) -> str | None:
    """ISO 8601 form of the first date in `line`, or `None`."""
    found = find_date(line.lower())
    return found[1] if found else None
