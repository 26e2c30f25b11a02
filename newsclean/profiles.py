"""Site profiles: on how many pages of each site each (normalised) line appears.

A line that stands on a large share of one site's pages (menus, footers, widget labels,
the "Latest news" box of the day) is boilerplate, even when nothing inside the page says
so. `ProfileBuilder` counts, per site, the pages that carry each normalised line (each line
at most once per page), in bounded memory; `Profiles` is the frozen result, saved to and
loaded from a sorted JSON file a person can read, edit and version.

>>> builder = ProfileBuilder()
>>> for n in range(3):
...     page = f"Home\\nWorld\\nStory number {n}: the council met on 1{n} May 2024.\\nContact us"
...     _ = builder.add_record({"url": f"https://www.news.example/a{n}", "text": page})
>>> site = builder.profiles(min_pages=2).sites["news.example"]
>>> site.pages, site.lines
(3, {'contact us': 3, 'home': 3, 'story number 0: the council met on <date>.': 3, 'world': 3})

Numbers and dates are folded (`normalise_line`), so lines that differ only by them count as
one: here the story line is the same "shape" on every page; in real pages such shapes are
counters and date stamps ("Updated 3 hours ago", "Monday, <date>").

Memory and exactness. Each site keeps at most `cap` distinct lines. Every page gets a
*level* from a hash of its text (level >= L for one page in 2**L). A site's summary holds the
exact counts over its pages whose level is at least the site's current level, starting at 0
(every page); when the site has more than `cap` distinct lines, its level goes up by one and
the pages below it are forgotten. So:

- under the cap (level 0) the counts are exact;
- the final level is the smallest L at which the site's pages of level >= L have at most
  `cap` distinct lines: a function of the corpus alone, so the profile is the same whatever
  the order of the records and however they were split and merged (`merge` of two shards'
  builders equals the builder of the whole, exactly, not only within a bound);
- above the cap, the share of pages carrying a line is measured on a hash sample of
  `sampled_pages` pages, picked independently of the lines: its error is that of a random
  sample, within sqrt(ln(2/d) / (2 * sampled_pages)) with probability 1 - d (Hoeffding),
  for example within 0.06 for 500 sampled pages with d = 0.05. The profile file gives
  `sampled_pages` per site so the precision can be read off.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from newsclean.dates import find_date

DEFAULT_CAP = 20_000
"""Distinct lines kept per site before sampling starts."""
MAX_LINE_CHARS = 400
"""Longer lines are prose, never counted (and never matched by the filter)."""
DATE_TOKEN = "<date>"
FORMAT = "newsclean-site-profiles"
VERSION = 1
_MAX_LEVEL = 64

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


class ProfileError(ValueError):
    """A profile file that cannot be read.

    Example:

    >>> Profiles.from_json({"format": "something-else"})
    Traceback (most recent call last):
    newsclean.profiles.ProfileError: not a site profile file (no "format": "newsclean-site-profiles")
    """


def normalise_line(line: str) -> str:
    """The form in which a line is counted: NFKC, lower case, one space between words,
    dates as `<date>` and every other run of digits as `0`; `""` for a blank line or one
    longer than `MAX_LINE_CHARS`.

    >>> normalise_line("  Updated:  Nov 18, 2019 at 9:24 pm ")
    'updated: <date> at 0:0 pm'
    >>> normalise_line("Page 12 of 40")
    'page 0 of 0'
    """
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", line)).strip().lower()
    if not text or len(text) > MAX_LINE_CHARS:
        return ""
    if not any(ch.isdigit() for ch in text):
        return text
    parts: list[str] = []
    pos = 0
    while (found := find_date(text[pos:])) is not None and found[1] > 0:
        start, end, _ = found
        parts += [text[pos:pos + start], DATE_TOKEN]
        pos += end
    parts.append(text[pos:])
    return _DIGITS.sub("0", "".join(parts))


def site_of_url(url: str | None) -> str | None:
    """The site of a URL: its host, lower-cased, without `www.` or a port.

    >>> site_of_url("https://WWW.News.Example:8080/world/story?id=3")
    'news.example'
    >>> site_of_url("news.example/world") , site_of_url("not a url") is None
    ('news.example', True)
    """
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if host and " " not in host else None


def site_of(url: object, site: object) -> str | None:
    """The site of a page given its `url` and `site` values (either may be missing or
    not a string): the URL's host, else the `site` value, stripped and lower-cased.

    Example:

    >>> site_of("https://www.news.example/ferries", "other.example"), site_of(None, " News.Example")
    ('news.example', 'news.example')
    >>> site_of("not a url", 42) is None
    True
    """
    found = site_of_url(url) if isinstance(url, str) else None
    if found is None and isinstance(site, str):
        found = site.strip().lower() or None
    return found


def site_of_record(record: Mapping[str, Any]) -> str | None:
    """The site of a record: from its `url`, else its `site` field (lower-cased).

    Example:

    >>> site_of_record({"url": "https://www.news.example/ferries"}), site_of_record({"site": " News.Example"})
    ('news.example', 'news.example')
    >>> site_of_record({"text": "Ferries ran again."}) is None
    True
    """
    return site_of(record.get("url"), record.get("site"))


def page_level(text: str) -> int:
    """The sampling level of a page: the leading zero bits of a 64-bit hash of its text
    (level >= L for one page in 2**L), the same on every machine and run.

    Example:

    >>> page_level("Ferries ran again on Tuesday.")
    1
    >>> sum(page_level(f"Story {n}") >= 1 for n in range(1000))
    507
    """
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return _MAX_LEVEL - int.from_bytes(digest, "big").bit_length()


@attrs.define
class SiteSketch:
    """The bounded summary of one site (see the module docstring for its guarantees).

    `buckets[level]` maps each line to the number of pages of that level carrying it;
    `refs` counts in how many buckets each line is, so `len(refs)` is the distinct lines.

    Example:

    >>> sketch = SiteSketch(cap=3)
    >>> sketch.add_page(["home", "world", "ferries ran again."], level=0)
    >>> sketch.add_page(["home", "world", "the harbour reopened."], level=2)
    >>> sketch.level, sketch.pages, sketch.sampled_pages, sketch.counts()
    (1, 2, 1, {'home': 1, 'world': 1, 'the harbour reopened.': 1})
    """

    cap: int = DEFAULT_CAP
    level: int = 0
    pages: int = 0
    sampled: dict[int, int] = attrs.Factory(dict)
    buckets: dict[int, dict[str, int]] = attrs.Factory(dict)
    refs: dict[str, int] = attrs.Factory(dict)

    def add_page(self, lines: Iterable[str], level: int) -> None:
        """Count one page: its distinct normalised `lines`, at sampling `level`.

        Example:

        >>> sketch = SiteSketch()
        >>> sketch.add_page(["home", "ferries ran again.", "home"], level=0)
        >>> sketch.add_page(["home", "the harbour reopened."], level=3)
        >>> sketch.pages, sketch.counts()["home"]
        (2, 2)
        """
        self.pages += 1
        if level < self.level:
            return
        self.sampled[level] = self.sampled.get(level, 0) + 1
        self._add_counts(level, dict.fromkeys(lines, 1))
        self._shrink()

    def merge(self, other: SiteSketch) -> None:
        """Add `other`'s pages to this summary (the result is exact: see the module doc).

        Example:

        >>> first, second = SiteSketch(), SiteSketch()
        >>> first.add_page(["home", "ferries ran again."], level=0)
        >>> second.add_page(["home", "the pier closed."], level=1)
        >>> first.merge(second)
        >>> first.pages, first.counts()
        (2, {'home': 2, 'ferries ran again.': 1, 'the pier closed.': 1})
        """
        self.pages += other.pages
        if other.level > self.level:
            self._raise_to(other.level)
        for level, n in other.sampled.items():
            if level >= self.level:
                self.sampled[level] = self.sampled.get(level, 0) + n
        for level, counts in other.buckets.items():
            if level >= self.level:
                self._add_counts(level, counts)
        self._shrink()

    @property
    def sampled_pages(self) -> int:
        """The pages counted in the summary: those at or above its current level.

        Example:

        >>> sketch = SiteSketch(cap=1)
        >>> sketch.add_page(["home"], level=0)
        >>> sketch.add_page(["contact us"], level=1)
        >>> sketch.pages, sketch.sampled_pages
        (2, 1)
        """
        return sum(self.sampled.values())

    def counts(self) -> dict[str, int]:
        """Pages (among the sampled ones) carrying each line.

        Example:

        >>> sketch = SiteSketch()
        >>> sketch.add_page(["home", "ferries ran again."], level=0)
        >>> sketch.add_page(["home"], level=2)
        >>> sketch.counts()
        {'home': 2, 'ferries ran again.': 1}
        """
        total: dict[str, int] = {}
        for counts in self.buckets.values():
            for line, n in counts.items():
                total[line] = total.get(line, 0) + n
        return total

    def _add_counts(self, level: int, counts: Mapping[str, int]) -> None:
        bucket = self.buckets.setdefault(level, {})
        for line, n in counts.items():
            if not line:
                continue
            if line in bucket:
                bucket[line] += n
            else:
                bucket[line] = n
                self.refs[line] = self.refs.get(line, 0) + 1

    def _shrink(self) -> None:
        while len(self.refs) > self.cap:
            self._raise_to(self.level + 1)

    def _raise_to(self, level: int) -> None:
        for old in [lv for lv in self.buckets if lv < level]:
            for line in self.buckets.pop(old):
                left = self.refs[line] - 1
                if left:
                    self.refs[line] = left
                else:
                    del self.refs[line]
        self.sampled = {lv: n for lv, n in self.sampled.items() if lv >= level}
        self.level = level


@attrs.frozen
class SiteProfile:
    """One site's profile: `pages` seen, of which `sampled_pages` were counted (all of
    them when `level` is 0), and the sampled pages carrying each kept line.

    Example:

    >>> site = SiteProfile(pages=40, sampled_pages=10, level=2, lines={"home": 10, "weather": 4})
    >>> site.share("home"), site.share("weather")
    (1.0, 0.4)
    """

    pages: int
    sampled_pages: int
    level: int
    lines: Mapping[str, int] = attrs.field(hash=False)

    def share(self, line: str) -> float:
        """The share of the site's pages that carry the normalised `line`.

        Example:

        >>> site = SiteProfile(pages=40, sampled_pages=10, level=2, lines={"home": 10, "weather": 4})
        >>> site.share("weather"), site.share("ferries ran again.")
        (0.4, 0.0)
        """
        return self.lines.get(line, 0) / self.sampled_pages if self.sampled_pages else 0.0

    def to_json(self) -> dict[str, Any]:
        """The site's entry in the profile file (lines sorted).

        Example:

        >>> SiteProfile(pages=40, sampled_pages=10, level=2, lines={"weather": 4, "home": 10}).to_json()
        {'pages': 40, 'sampled_pages': 10, 'sample_level': 2, 'lines': {'home': 10, 'weather': 4}}
        """
        return {
            "pages": self.pages,
            "sampled_pages": self.sampled_pages,
            "sample_level": self.level,
            "lines": dict(sorted(self.lines.items())),
        }


@attrs.frozen
class Profiles:
    """The profiles of all sites, as saved: lines on fewer than `min_pages` sampled pages
    are left out.

    Example:

    >>> site = SiteProfile(pages=3, sampled_pages=3, level=0, lines={"home": 3})
    >>> profiles = Profiles({"news.example": site})
    >>> profiles.sites["news.example"].share("home"), profiles.min_pages
    (1.0, 2)
    """

    sites: Mapping[str, SiteProfile] = attrs.field(hash=False)
    cap: int = DEFAULT_CAP
    min_pages: int = 2

    def to_json(self) -> dict[str, Any]:
        """The whole profile file as JSON-ready values, sites sorted.

        Example:

        >>> site = SiteProfile(pages=3, sampled_pages=3, level=0, lines={"home": 3})
        >>> data = Profiles({"news.example": site}).to_json()
        >>> data["format"], data["version"], list(data["sites"])
        ('newsclean-site-profiles', 1, ['news.example'])
        """
        return {
            "format": FORMAT,
            "version": VERSION,
            "cap": self.cap,
            "min_pages": self.min_pages,
            "sites": {site: self.sites[site].to_json() for site in sorted(self.sites)},
        }

    @classmethod
    def from_json(cls, data: object) -> Profiles:
        """Inverse of `to_json`; raises `ProfileError` naming what is wrong.

        Example:

        >>> site = SiteProfile(pages=3, sampled_pages=3, level=0, lines={"home": 3})
        >>> Profiles.from_json(Profiles({"news.example": site}).to_json()).sites["news.example"] == site
        True
        >>> bad = {"format": "newsclean-site-profiles", "version": 1, "sites": {"news.example": {"pages": 3}}}
        >>> Profiles.from_json(bad)
        Traceback (most recent call last):
        newsclean.profiles.ProfileError: site 'news.example': bad entry ('lines')
        """
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProfileError(f"not a site profile file (no \"format\": \"{FORMAT}\")")
        if data.get("version") != VERSION:
            raise ProfileError(f"unsupported profile version {data.get('version')!r}")
        sites: dict[str, SiteProfile] = {}
        raw_sites = data.get("sites")
        if not isinstance(raw_sites, dict):
            raise ProfileError("\"sites\" must be an object")
        for site, row in raw_sites.items():
            try:
                lines = {str(k): _count(v) for k, v in row["lines"].items()}
                sites[str(site)] = SiteProfile(
                    pages=_count(row["pages"]),
                    sampled_pages=_count(row["sampled_pages"]),
                    level=_count(row.get("sample_level", 0)),
                    lines=lines,
                )
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                raise ProfileError(f"site {site!r}: bad entry ({exc})") from None
        return cls(sites, cap=_count(data.get("cap", DEFAULT_CAP)),
                   min_pages=_count(data.get("min_pages", 1)))


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected a count, got {value!r}")
    return value


@attrs.define
class ProfileBuilder:
    """Per-site summaries built from records; mergeable and picklable (for engines).

    `skipped` counts the records that had no site or no text.

    Example:

    >>> builder = ProfileBuilder()
    >>> builder.add_page("news.example", "Home\\nFerries ran again.")
    >>> builder.add_page("news.example", "Home\\nThe harbour reopened.")
    >>> builder.profiles().sites["news.example"].lines
    {'home': 2}
    """

    cap: int = DEFAULT_CAP
    text_field: str = "text"
    sketches: dict[str, SiteSketch] = attrs.Factory(dict)
    skipped: int = 0

    def add_record(self, record: Mapping[str, Any]) -> bool:
        """Count one record; `False` (and `skipped` + 1) when it has no site or text.

        Example:

        >>> builder = ProfileBuilder()
        >>> builder.add_record({"url": "https://news.example/ferries", "text": "Home\\nFerries ran again."})
        True
        >>> builder.add_record({"text": "A page without a URL."}), builder.skipped, list(builder.sketches)
        (False, 1, ['news.example'])
        """
        site = site_of_record(record) if isinstance(record, Mapping) else None
        text = record.get(self.text_field) if site else None
        if site is None or not isinstance(text, str):
            self.skipped += 1
            return False
        self.add_page(site, text)
        return True

    def add_page(self, site: str, text: str) -> None:
        """Count the page `text` of `site`.

        Example:

        >>> builder = ProfileBuilder()
        >>> builder.add_page("news.example", "Home\\nUpdated 5 March 2024\\nFerries ran again.")
        >>> sorted(builder.sketches["news.example"].counts())
        ['ferries ran again.', 'home', 'updated <date>']
        """
        sketch = self.sketches.get(site)
        if sketch is None:
            sketch = self.sketches[site] = SiteSketch(cap=self.cap)
        sketch.add_page(map(normalise_line, text.split("\n")), page_level(text))

    def add_records(self, records: Iterable[Mapping[str, Any]]) -> ProfileBuilder:
        """Count every record of `records`; returns the builder, for chaining.

        Example:

        >>> records = [{"url": f"https://news.example/{n}", "text": f"Home\\nStory {n}."} for n in range(3)]
        >>> ProfileBuilder().add_records(records).profiles().sites["news.example"].lines
        {'home': 3, 'story 0.': 3}
        """
        for record in records:
            self.add_record(record)
        return self

    def merge(self, other: ProfileBuilder) -> ProfileBuilder:
        """Add `other`'s counts into this builder and return it.

        Example:

        >>> first, second = ProfileBuilder(), ProfileBuilder()
        >>> first.add_page("news.example", "Home\\nFerries ran again.")
        >>> second.add_page("news.example", "Home\\nThe harbour reopened.")
        >>> first.merge(second).profiles().sites["news.example"].lines
        {'home': 2}
        """
        if other.cap != self.cap:
            raise ValueError(f"cannot merge builders with caps {self.cap} and {other.cap}")
        for site, sketch in other.sketches.items():
            mine = self.sketches.get(site)
            if mine is None:
                mine = self.sketches[site] = SiteSketch(cap=self.cap)
            mine.merge(sketch)
        self.skipped += other.skipped
        return self

    def profiles(self, min_pages: int = 2) -> Profiles:
        """The frozen profiles, keeping lines on at least `min_pages` sampled pages.

        Example:

        >>> builder = ProfileBuilder()
        >>> builder.add_page("news.example", "Home\\nWeather\\nFerries ran again.")
        >>> builder.add_page("news.example", "Home\\nWeather\\nThe harbour reopened.")
        >>> builder.add_page("news.example", "Home\\nThe pier closed.")
        >>> builder.profiles(min_pages=2).sites["news.example"].lines
        {'home': 3, 'weather': 2}
        >>> builder.profiles(min_pages=3).sites["news.example"].lines
        {'home': 3}
        """
        sites = {}
        for site in sorted(self.sketches):
            sketch = self.sketches[site]
            lines = {k: n for k, n in sorted(sketch.counts().items()) if n >= min_pages}
            sites[site] = SiteProfile(sketch.pages, sketch.sampled_pages, sketch.level, lines)
        return Profiles(sites, cap=self.cap, min_pages=min_pages)


def build_profiles(
    records: Iterable[Mapping[str, Any]], *, cap: int = DEFAULT_CAP, min_pages: int = 2,
    text_field: str = "text",
) -> Profiles:
    """The profiles of `records` in one pass.

    Example:

    >>> records = [{"url": "https://news.example/a", "text": "Home\\nFerries ran again."},
    ...            {"url": "https://news.example/b", "text": "Home\\nThe harbour reopened."},
    ...            {"site": "other.example", "text": "Home"}]
    >>> {site: profile.lines for site, profile in build_profiles(records).sites.items()}
    {'news.example': {'home': 2}, 'other.example': {}}
    """
    return ProfileBuilder(cap=cap, text_field=text_field).add_records(records).profiles(min_pages)


def save_profiles(profiles: Profiles, path: str | Path) -> None:
    """Write `profiles` as sorted, indented JSON (stable diffs under version control).

    Example:

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "profiles.json")
    >>> save_profiles(build_profiles([{"url": "https://news.example/a", "text": "Home"}] * 2), path)
    >>> open(path, encoding="utf-8").read().splitlines()[:3]
    ['{', '  "cap": 20000,', '  "format": "newsclean-site-profiles",']
    """
    text = json.dumps(profiles.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def load_profiles(path: str | Path) -> Profiles:
    """Read a file written by `save_profiles` (or edited by hand).

    Example:

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "profiles.json")
    >>> save_profiles(build_profiles([{"url": "https://news.example/a", "text": "Home"}] * 2), path)
    >>> load_profiles(path).sites["news.example"].lines
    {'home': 2}
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path}: invalid JSON: {exc}") from None
    try:
        return Profiles.from_json(data)
    except ProfileError as exc:
        raise ProfileError(f"{path}: {exc}") from None


@functools.lru_cache(maxsize=4)
def load_profiles_cached(path: str) -> Profiles:
    """`load_profiles`, once per process and path (worker processes call this).

    Example:

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "profiles.json")
    >>> save_profiles(build_profiles([{"url": "https://news.example/a", "text": "Home"}] * 2), path)
    >>> load_profiles_cached(path) is load_profiles_cached(path)
    True
    """
    return load_profiles(path)


def profile_files(
    paths: Iterable[str], output: str | Path, *, cap: int = DEFAULT_CAP, min_pages: int = 2,
    text_field: str = "text",
) -> int:
    """`newsclean profile`: build the profiles of JSONL files and save them; returns the
    exit status (1 when some lines were not usable records).

    Example:

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "pages.jsonl"), "w", encoding="utf-8") as fh:
    ...     _ = fh.write('{"url": "https://news.example/a", "text": "Home"}\\n' * 2)
    >>> profile_files([os.path.join(folder, "pages.jsonl")], os.path.join(folder, "profiles.json"))
    0
    >>> load_profiles(os.path.join(folder, "profiles.json")).sites["news.example"].lines
    {'home': 2}
    """
    from newsclean.jsonl import read_lines

    builder = ProfileBuilder(cap=cap, text_field=text_field)
    bad = 0
    for path in paths:
        for line in read_lines(path):
            try:
                record = json.loads(line.text) if line.text else None
            except json.JSONDecodeError:
                record = None
            if not isinstance(record, dict):
                bad += 1
                continue
            builder.add_record(record)
    profiles = builder.profiles(min_pages)
    save_profiles(profiles, output)
    pages = sum(site.pages for site in profiles.sites.values())
    lines = sum(len(site.lines) for site in profiles.sites.values())
    summary = (f"newsclean: {pages} pages of {len(profiles.sites)} sites profiled into {output} "
               f"({lines} lines on at least {min_pages} pages)")
    if builder.skipped or bad:
        summary += f"; {builder.skipped} records without site or text, {bad} unreadable lines"
    print(summary, file=sys.stderr)
    return 1 if bad else 0
