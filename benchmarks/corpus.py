"""A deterministic corpus of synthetic news page dumps, streamed to JSONL, for benchmarks.

Pages are assembled from the phrase banks in `benchmarks.phrases` (en, de, fr, es, ru,
pl, zh) in both dump layouts newsclean receives: layout A, a ` date YYYY-MM-DD headline`
header and blank lines between blocks; layout B, the bare `<title>` on line 1 and one
block per line. Every page carries the usual boilerplate (menus, dateline, byline, listen
widget, Read more/Watch teasers, share, subscribe and cookie lines, adverts, alt text with
a credited caption, teaser lists under headings, footer). A configurable share of pages
has one paragraph of mojibake (UTF-8 bytes read as cp1252). Page sizes are log-normal,
from a few hundred bytes up, plus one multi-MB page (a long live blog) every 64 MB.

The same seed always gives the same bytes; the generator keeps its own `random.Random`.

>>> import random
>>> page = make_page(random.Random(3), "en", 4000, layout="A")
>>> page.startswith(" date ") and "\\n\\n" in page
True
>>> to_mojibake("café “quoted”")
'cafÃ© â€œquotedâ€\\x9d'

Command line (sizes are decimal: 1 MB = 10**6 bytes; `MiB`, `GiB` are binary)::

    python3 -m benchmarks.corpus OUT.jsonl[.gz] [--size 1GB] [--seed 0] [--mojibake 0.1]
    python3 -m benchmarks.corpus OUT.jsonl --size 40MB --repeat ../shared/eval/dev.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from benchmarks.phrases import BANKS, CREDITS, Bank

MB = 1_000_000

_UNITS = {
    "": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "k": 10**3, "m": 10**6, "g": 10**9,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}


def parse_size(text: str) -> int:
    """Bytes in a size such as `200MB`, `2GB`, `1.5 GiB` or `4096`.

    >>> parse_size("200MB"), parse_size("2GB"), parse_size("1 KiB")
    (200000000, 2000000000, 1024)
    """
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*([A-Za-z]*)\s*", text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {text!r} (try 40MB, 1GB, 512KiB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


# cp1252 for the bytes 0x80-0x9F; the five it leaves undefined stay as C1 controls, as
# in the "sloppy" decoding browsers and ftfy use.
_CP1252_HIGH = {
    code: bytes([code]).decode("cp1252", errors="ignore") or chr(code) for code in range(0x80, 0xA0)
}


def to_mojibake(text: str) -> str:
    """`text` as UTF-8 bytes misread as cp1252: the mojibake scraped pages carry."""
    return text.encode("utf-8").decode("latin-1").translate(_CP1252_HIGH)


@dataclass(frozen=True)
class Profile:
    """The shape of a generated corpus.

    Page sizes (bytes of page text) are log-normal around `median_page`, clipped to
    `[min_page, max_page]`; one huge page of `huge_min`..`huge_max` bytes is placed in
    the first quarter of every `huge_every` bytes of output. The first one is English, in
    the layout with more lines, at `huge_max`, so that corpora of different sizes share
    the same largest page: largest in characters and lines as well as bytes (memory
    follows characters and lines, and a page in a script of two or three bytes a
    character holds fewer of them in the same bytes).
    """

    mojibake: float = 0.1
    median_page: int = 5_000
    sigma: float = 1.0
    min_page: int = 200
    max_page: int = 1_500_000
    huge_every: int = 64 * MB
    huge_min: int = 2 * MB
    huge_max: int = 5 * MB
    langs: tuple[tuple[str, float], ...] = (
        ("en", 0.4), ("de", 0.1), ("fr", 0.1), ("es", 0.1), ("ru", 0.1), ("pl", 0.1), ("zh", 0.1),
    )


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class _Writer:
    """Sentences, headlines and boilerplate for one language, drawn from one rng."""

    def __init__(self, rng: random.Random, bank: Bank) -> None:
        self.rng = rng
        self.bank = bank
        self.sep = " " if bank.spaced else ""
        self._random = rng.random
        self._bits = rng.getrandbits
        self._templates = [(t, _fields(t)) for t in bank.templates]

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self._random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self._random() < p

    def number(self, low: int = 2, high: int = 950) -> int:
        return low + int(self._random() * (high - low))

    def person(self) -> str:
        first, last = self.pick(self.bank.first_names), self.pick(self.bank.last_names)
        return f"{first} {last}" if self.bank.spaced else f"{last}{first}"

    def sentence(self) -> str:
        b = self.bank
        bits = self._bits(60)  # five 12-bit draws from one call; the modulo bias is tiny
        template, needs = self._templates[(bits & 4095) % len(self._templates)]
        subject = b.subjects[(bits >> 12 & 4095) % len(b.subjects)]
        return template.format(
            s=subject,
            s_low=subject[0].lower() + subject[1:],
            v=b.verbs[(bits >> 24 & 4095) % len(b.verbs)],
            o=b.objects[(bits >> 36 & 4095) % len(b.objects)],
            a=b.adjuncts[(bits >> 48 & 4095) % len(b.adjuncts)],
            p=self.person() if "p" in needs else "",
            n=self.number() if "n" in needs else 0,
            k=self.number(2, 60) if "k" in needs else 0,
        )

    def quote(self) -> str:
        said = self.sentence()
        if self.bank.spaced:
            said = said.rstrip(".")
        return self.bank.quote.format(q=said, p=self.person())

    def paragraph(self) -> str:
        if self.chance(0.15):
            return self.quote()
        count = 1 + int(self._random() * 4)
        return self.sep.join(self.sentence() for _ in range(count))

    def headline(self) -> str:
        b = self.bank
        words = (self.pick(b.subjects), self.pick(b.verbs), self.pick(b.objects))
        return self.sep.join(words)

    def subheading(self) -> str:
        obj = self.pick(self.bank.objects)
        return obj[0].upper() + obj[1:]

    def date(self) -> tuple[int, int, int, int, int]:
        return (
            2019 + int(self._random() * 6), 1 + int(self._random() * 12),
            1 + int(self._random() * 28), int(self._random() * 24), int(self._random() * 60),
        )

    def dateline(self, year: int, month: int, day: int, hour: int, minute: int) -> str:
        return self.bank.dateline.format(
            d=day, m=self.bank.months[month - 1], y=year, hh=f"{hour:02d}", mm=f"{minute:02d}"
        )

    def caption(self) -> list[str]:
        """The alt text, then the same words as a caption with its credit."""
        alt = self.sentence().rstrip(".。")
        return [alt, self.bank.credit_line(alt, self.pick(CREDITS))]

    def teaser_list(self) -> list[str]:
        lines = [self.pick(self.bank.teaser_headings)]
        if self.chance(0.3):
            lines.append(self.bank.see_more.format(h=self.pick(self.bank.sections)))
        lines.extend(self.headline() for _ in range(3 + int(self._random() * 6)))
        return lines


@dataclass
class _Blocks:
    """Blocks of a page under construction; a block is one line or a few adjacent lines."""

    blocks: list[list[str]]
    sep: int
    """Bytes between two blocks: 2 in layout A (a blank line), 1 in layout B."""
    size: int = 0

    def add(self, *lines: str) -> None:
        self.blocks.append(list(lines))
        self.size += sum(len(line.encode("utf-8")) + 1 for line in lines) - 1 + self.sep


def _header(
    w: _Writer, layout: str, title: str, site: str, when: tuple[int, int, int, int, int], lite: bool
) -> _Blocks:
    b = w.bank
    head = _Blocks([], _sep(layout))
    if layout == "A":
        year, month, day = when[:3]
        head.add(f" date {year:04d}-{month:02d}-{day:02d} {title}")
    else:
        head.add(f"{title} | {site}")
    if not lite:
        if w.chance(0.25):
            head.add(*b.cookie[: 1 + int(w.rng.random() * len(b.cookie))])
        if layout == "B" or w.chance(0.3):
            menu = [site, *w.rng.sample(b.sections, 4 + int(w.rng.random() * 6))]
            menu += w.rng.sample(b.nav_extra, 1 + int(w.rng.random() * 3))
            for item in menu:
                head.add(item)
        if layout == "B":
            head.add(title)
    head.add(w.dateline(*when))
    if not lite and w.chance(0.4):
        _add_pair(w, head, w.caption(), layout)
    if w.chance(0.7):
        head.add(b.byline.format(p=w.person()))
    if not lite and w.chance(0.4):
        for line in b.listen:
            head.add(line)
    return head


def _sep(layout: str) -> int:
    return 2 if layout == "A" else 1


def _add_pair(w: _Writer, blocks: _Blocks, lines: list[str], layout: str) -> None:
    """Add lines that belong together (alt text and caption): in layout A, half the
    time as one block with no blank line between them."""
    if layout == "A" and len(lines) > 1 and w.chance(0.5):
        blocks.add(*lines)
    else:
        for line in lines:
            blocks.add(line)


def _tail(w: _Writer, layout: str, site: str, year: int, lite: bool) -> _Blocks:
    b = w.bank
    tail = _Blocks([], _sep(layout))
    if w.chance(0.6):
        tail.add(w.pick(b.share))
    if lite:
        return tail
    if w.chance(0.3):
        tail.add(w.pick(b.subscribe))
    if w.chance(0.3):
        tail.add(b.comments.format(n=w.number(0, 300)))
    for _ in range(int(w.rng.random() * 4)):
        for line in w.teaser_list():
            tail.add(line)
    for line in w.rng.sample(b.footer, 2 + int(w.rng.random() * (len(b.footer) - 1))):
        tail.add(line)
    tail.add(b.copyright.format(y=year, site=site))
    return tail


def _body_extra(w: _Writer, live: bool) -> list[str] | None:
    """Boilerplate or structure between two paragraphs, or None."""
    r = w.rng.random()
    b = w.bank
    if r < 0.06:
        return w.caption()
    if r < 0.10:
        return [b.read_more.format(h=w.headline())]
    if r < 0.12:
        return [b.watch.format(h=w.headline())]
    if r < 0.14:
        return [w.pick(b.advert)]
    if r < 0.15:
        return [w.pick(b.subscribe)]
    if r < 0.16:
        return [w.pick(b.share)]
    if r < 0.20:
        return [w.subheading()]
    if live and r < 0.35:
        return [f"{w.number(0, 24):02d}:{w.number(0, 60):02d}"]
    return None


def make_page(
    rng: random.Random, lang: str, target: int, *, layout: str = "B", mojibake: bool = False
) -> str:
    """One page dump in `lang` of about `target` bytes (never much less, except that
    even the smallest page has a title, a dateline and a paragraph).

    >>> page = make_page(random.Random(1), "de", 20_000, mojibake=True)
    >>> 18_000 < len(page.encode()) < 24_000
    True
    """
    w = _Writer(rng, BANKS[lang])
    site = w.pick(w.bank.sites)
    title = w.headline()
    when = w.date()
    lite = target < 2_000
    live = target > 500_000
    head = _header(w, layout, title, site, when, lite)
    tail = _tail(w, layout, site, when[0], lite)
    body = _Blocks([], _sep(layout))
    paragraphs: list[int] = []
    budget = target - head.size - tail.size + body.sep
    while not paragraphs or body.size < budget:
        extra = _body_extra(w, live) if paragraphs else None
        if extra is not None:
            _add_pair(w, body, extra, layout)
        paragraphs.append(len(body.blocks))
        body.add(w.paragraph())
    if mojibake:
        _garble_one(w, body.blocks, paragraphs)
    blocks = head.blocks + body.blocks + tail.blocks
    joiner = "\n\n" if layout == "A" else "\n"
    return joiner.join("\n".join(block) for block in blocks)


def _garble_one(w: _Writer, blocks: list[list[str]], paragraphs: list[int]) -> None:
    """Turn one body paragraph with non-ASCII characters into mojibake (making one a
    quote, which always has some, when there is none)."""
    candidates = [i for i in paragraphs if not blocks[i][0].isascii()]
    if candidates:
        index = candidates[int(w.rng.random() * len(candidates))]
    else:
        index = paragraphs[int(w.rng.random() * len(paragraphs))]
        blocks[index] = [w.quote()]
    blocks[index] = [to_mojibake(blocks[index][0])]


def _page_sizes(rng: random.Random, profile: Profile) -> Callable[[], int]:
    mu = math.log(profile.median_page)

    def draw() -> int:
        size = int(rng.lognormvariate(mu, profile.sigma))
        return min(max(size, profile.min_page), profile.max_page)

    return draw


def generate_records(
    size: int, *, seed: int | str = 0, profile: Profile | None = None
) -> Iterator[dict[str, str]]:
    """Records `{"id", "url", "text"}` whose JSONL lines add up to at least `size` bytes
    (at most one page more).

    >>> records = list(generate_records(50_000, seed=7))
    >>> records == list(generate_records(50_000, seed=7))
    True
    >>> sorted(records[0])
    ['id', 'text', 'url']
    """
    profile = profile or Profile()
    rng = random.Random(seed)
    draw = _page_sizes(rng, profile)
    langs = [lang for lang, _ in profile.langs]
    weights = [weight for _, weight in profile.langs]
    written = index = window = 0
    huge_at = rng.random() * profile.huge_every / 4
    while written < size:
        target = draw()
        largest = False
        if written >= huge_at:
            largest = window == 0
            target = profile.huge_max if largest else int(
                math.exp(rng.uniform(math.log(profile.huge_min), math.log(profile.huge_max)))
            )
            window += 1
            huge_at = window * profile.huge_every + rng.random() * profile.huge_every / 4
            if written + target > size:
                target = draw()
                largest = False
        lang = rng.choices(langs, weights)[0]
        layout = "A" if rng.random() < 0.5 else "B"
        if largest:  # English, in the layout with more lines: the most characters and lines
            lang, layout = "en", "A"
        garble = rng.random() < profile.mojibake
        text = make_page(rng, lang, target, layout=layout, mojibake=garble)
        record = {
            "id": f"syn-{seed}-{index:08d}",
            "url": f"https://news{index % 7}.{lang}.example/{2019 + index % 6}/{index}",
            "text": text,
        }
        written += len(_dumps(record))
        index += 1
        yield record


def _dumps(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if isinstance(row, dict) and isinstance(row.get("text"), str):
                    yield row


def repeat_records(
    path: str | Path, size: int, *, seed: int | str = 0, mojibake: float = 0.1
) -> Iterator[dict[str, str]]:
    """The records of a JSONL file (only `id`, `url` and `text` kept), repeated until
    their lines add up to `size` bytes; ids get a `~round` suffix, and a `mojibake`
    share of the copies has one paragraph (a line with non-ASCII text) garbled."""
    rng = random.Random(seed)
    source = Path(path)
    written = rounds = 0
    while written < size:
        count = 0
        for row in _read_jsonl(source):
            text = row["text"]
            if rng.random() < mojibake:
                text = _garble_line(rng, text)
            record = {
                "id": f"{row.get('id', count)}~{rounds}",
                "url": str(row.get("url") or ""),
                "text": text,
            }
            written += len(_dumps(record))
            count += 1
            yield record
            if written >= size:
                return
        if count == 0:
            raise ValueError(f"{source} has no records with a text field")
        rounds += 1


def _garble_line(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line) > 40 and not line.isascii()]
    if not candidates:
        return text
    index = candidates[int(rng.random() * len(candidates))]
    lines[index] = to_mojibake(lines[index])
    return "\n".join(lines)


@dataclass(frozen=True)
class Written:
    """What `write_jsonl` wrote: records and uncompressed bytes."""

    path: str
    pages: int
    bytes: int


def write_jsonl(records: Iterator[dict[str, str]], path: str | Path) -> Written:
    """Stream `records` to `path` as JSONL, gzip when the name ends in `.gz` (with a
    fixed header, so the same records give the same bytes)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pages = total = 0
    with target.open("wb") as raw:
        out: IO[bytes] | gzip.GzipFile = raw
        if target.name.endswith(".gz"):
            out = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6)
        with out:
            for record in records:
                line = _dumps(record)
                out.write(line)
                pages += 1
                total += len(line)
    return Written(str(target), pages, total)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m benchmarks.corpus",
        description="Write a deterministic corpus of synthetic news page dumps as JSONL.",
    )
    add = parser.add_argument
    add("output", metavar="OUT.jsonl", help="output file; gzip if it ends in .gz")
    add("--size", default="1GB", help="size of the JSONL, uncompressed (default 1GB)")
    add("--seed", default="0", help="random seed (default 0)")
    add("--mojibake", type=float, default=0.1, help="share of pages with a garbled paragraph")
    add("--repeat", metavar="FILE", help="repeat this JSONL instead of generating pages")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    size = parse_size(args.size)
    if not 0.0 <= args.mojibake <= 1.0:
        raise SystemExit("--mojibake must be between 0 and 1")
    seed: int | str = int(args.seed) if args.seed.isdigit() else args.seed
    if args.repeat:
        records = repeat_records(args.repeat, size, seed=seed, mojibake=args.mojibake)
    else:
        records = generate_records(size, seed=seed, profile=Profile(mojibake=args.mojibake))
    done = write_jsonl(records, args.output)
    print(f"{done.pages} pages, {done.bytes / MB:.1f} MB -> {done.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
