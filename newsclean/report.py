"""`newsclean report`: one self-contained HTML file that shows what was removed, and why.

Input records are either raw (`{"text": ...}`: they are cleaned here with the chain given)
or the output of `newsclean clean --explain` (each document is rebuilt from its text and
its `newsclean.edits`, so the report shows exactly what that run did).

The file has no external assets and makes no network request. The totals and the chart of
removed lines per reason are plain HTML; the documents sit in an embedded JSON blob and are
drawn by the inline script `PAGE_SIZE` at a time, flagged documents first. Above
`DEFAULT_MAX_DOCUMENTS` documents (`--max-docs`), the report keeps a sample: flagged
documents first, then an even random draw of the rest (seeded, so the same input gives the
same report); the totals and the chart always count every document.

>>> html = build_report([{"id": "a1", "text": "Bridge reopens\\nShare this article\\n"
...                       "The bridge reopened on Monday after repairs."}])
>>> html.startswith("<!DOCTYPE html>") and "Removed lines by reason" in html
True
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from newsclean import __version__
from newsclean.chain import Chain, default_chain
from newsclean.chain_options import chain_config
from newsclean.document import Caption, Document, Edit, apply_edits
from newsclean.explain import line_statuses
from newsclean.filters import FILTERS
from newsclean.jsonl import STDIN, STDIN_NAME, input_problem, read_lines
from newsclean.reasons import Flag, Reason
from newsclean.records import OUTPUT_KEY, RecordError, document_from_record
from newsclean.report_assets import REASON_COLOURS, SCRIPT, STYLE, reason_css

DEFAULT_MAX_DOCUMENTS = 2000
"""Documents embedded in full in one report; above this the report keeps a sample."""
PAGE_SIZE = 200
"""Documents drawn in the browser at a time (one page of the document list)."""
SAMPLE_SEED = 7
"""Seed of the sample drawn above `DEFAULT_MAX_DOCUMENTS`, so reports are reproducible."""
FLAG_ORDER = (Flag.MOSTLY_REMOVED, Flag.NO_ARTICLE_FOUND, Flag.ENCODING_REPAIRED, Flag.GUARD_HIT)
_FLAG_TEXT = {
    Flag.MOSTLY_REMOVED: "nearly emptied",
    Flag.NO_ARTICLE_FOUND: "no article found",
    Flag.ENCODING_REPAIRED: "encoding repaired",
    Flag.GUARD_HIT: "pattern time guard hit",
}


def words(text: str) -> int:
    """Whitespace-separated words in `text`.

    >>> words("The  council met\\non Monday.")
    5
    """
    return len(text.split())


def removed_lines_by_reason(doc: Document) -> dict[str, int]:
    """Lines removed per reason, counted as `Document.to_dict` counts them for
    `removed_by_reason` (replacements such as whitespace repairs are not removals).

    >>> from newsclean import clean
    >>> removed_lines_by_reason(clean("Bridge reopens\\nShare this article\\nThe bridge is open."))
    {'share': 1, 'title': 1}
    """
    counts: dict[str, int] = doc.to_dict()["removed_by_reason"]
    return counts


def document_from_explained(record: Mapping[str, Any], text_field: str = "text") -> Document:
    """Rebuild the document of a record written by `newsclean clean --explain`.

    Raises `RecordError` when the record has no edit log or the log does not match its text.

    >>> from newsclean.records import clean_record
    >>> page = "Bridge reopens\\nShare this article\\nThe bridge reopened on Monday."
    >>> record = clean_record({"text": page}, explain=True)
    >>> doc = document_from_explained(record)
    >>> doc.title, doc.restore() == page
    ('Bridge reopens', True)
    """
    meta = record.get(OUTPUT_KEY)
    if not isinstance(meta, Mapping) or not isinstance(meta.get("edits"), list):
        raise RecordError(f"record has no {OUTPUT_KEY}.edits (clean it with --explain)")
    text = record.get(text_field)
    if not isinstance(text, str):
        raise RecordError(f"field {text_field!r} is not a string")
    try:
        edits = tuple(Edit.from_dict(row) for row in meta["edits"])
        captions = tuple(
            Caption(str(row["text"]), row.get("credit")) for row in meta.get("captions") or ()
        )
        flags = frozenset(Flag(value) for value in meta.get("flags") or ())
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"unreadable {OUTPUT_KEY} block: {exc}") from None
    doc = Document(
        text=text,
        title=_str_or_none(meta.get("title")),
        published=_str_or_none(meta.get("published")),
        byline=_str_or_none(meta.get("byline")),
        lang=_str_or_none(meta.get("lang")),
        id=_str_or_none(record.get("id")),
        url=_str_or_none(record.get("url")),
        site=_str_or_none(record.get("site")),
        captions=captions,
        flags=flags,
        edits=edits,
    )
    try:
        consistent = apply_edits(doc.restore(), edits) == text
    except ValueError:
        consistent = False
    if not consistent:
        raise RecordError("the edit log does not rebuild the record's text")
    return doc


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def documents_from_records(
    records: Iterable[object], *, chain: Chain | None = None, text_field: str = "text"
) -> Iterator[Document | str]:
    """Each record as a document (rebuilt from its edit log when it has one, cleaned with
    `chain` otherwise), or, for a record that cannot be used, a string saying why (a
    `RecordError` among the records, as `read_records` yields, is passed on that way).

    >>> rows = [{"text": "Title here\\nThe body of the page."}, {"txt": "oops"}]
    >>> kinds = [type(item).__name__ for item in documents_from_records(rows)]
    >>> kinds
    ['Document', 'str']
    """
    run = chain or default_chain()
    for record in records:
        if isinstance(record, RecordError):
            yield str(record)
            continue
        try:
            if isinstance(record, Mapping) and isinstance(record.get(OUTPUT_KEY), Mapping):
                yield document_from_explained(record, text_field)
            else:
                yield run(document_from_record(record, text_field))
        except RecordError as exc:
            yield str(exc)


@attrs.define
class Totals:
    """Counts over every document of a report (not only the sampled ones).

    >>> totals = Totals()
    >>> totals.add(Document.from_text("a b c d"))
    >>> totals.documents, totals.words_in, totals.removed_share
    (1, 4, 0.0)
    """

    documents: int = 0
    words_in: int = 0
    words_out: int = 0
    lines_by_reason: Counter[str] = attrs.field(factory=Counter)
    flags: Counter[str] = attrs.field(factory=Counter)
    skipped: Counter[str] = attrs.field(factory=Counter)

    def add(self, doc: Document) -> None:
        """Count one document.

        Example:

        >>> from newsclean import clean
        >>> totals = Totals()
        >>> totals.add(clean("Ferries resume\\nShare this article\\nFerries ran again on Tuesday."))
        >>> totals.documents, totals.words_in, totals.words_out, dict(totals.lines_by_reason)
        (1, 10, 5, {'share': 1, 'title': 1})
        """
        self.documents += 1
        self.words_in += words(doc.restore())
        self.words_out += words(doc.text)
        self.lines_by_reason.update(removed_lines_by_reason(doc))
        self.flags.update(flag.value for flag in doc.flags)

    @property
    def removed_share(self) -> float:
        """The share of the input words that the chain removed.

        Example:

        >>> from newsclean import clean
        >>> totals = Totals()
        >>> totals.add(clean("Ferries resume\\nShare this article\\nFerries ran again on Tuesday."))
        >>> totals.removed_share
        0.5
        """
        return 1.0 - self.words_out / self.words_in if self.words_in else 0.0


@attrs.frozen
class _Entry:
    number: int
    doc: Document


class _Sampler:
    """Keeps every document up to `limit`, then a seeded reservoir of flagged documents and
    one of the others, so memory stays bounded by `2 * limit` documents."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.rng = random.Random(SAMPLE_SEED)
        self.flagged: list[_Entry] = []
        self.plain: list[_Entry] = []
        self.seen = {True: 0, False: 0}

    def add(self, entry: _Entry) -> None:
        flagged = bool(entry.doc.flags)
        pool = self.flagged if flagged else self.plain
        self.seen[flagged] += 1
        if len(pool) < self.limit:
            pool.append(entry)
            return
        slot = self.rng.randrange(self.seen[flagged])
        if slot < self.limit:
            pool[slot] = entry

    def chosen(self) -> list[_Entry]:
        """At most `limit` documents: flagged ones first, leaving room for at least half the
        limit of the others when there are that many; each group in input order."""
        take_plain = min(len(self.plain), max(self.limit - len(self.flagged), self.limit // 2))
        take_flagged = min(len(self.flagged), self.limit - take_plain)
        flagged = self._draw(self.flagged, take_flagged)
        return flagged + self._draw(self.plain, take_plain)

    def _draw(self, pool: list[_Entry], k: int) -> list[_Entry]:
        chosen = pool if k >= len(pool) else self.rng.sample(pool, k)
        return sorted(chosen, key=lambda e: e.number)


def document_payload(
    number: int, doc: Document, filters: dict[str, int], reasons: dict[str, int]
) -> dict[str, Any]:
    """The JSON form of one document for the report's script: metadata and its lines.

    Lines are `[number, text]` when kept untouched and `[number, text, filter, reason,
    removed]` otherwise, `filter` and `reason` being indexes into the tables passed in
    (extended as new names appear); blank untouched lines are left out.

    >>> from newsclean import clean
    >>> filters, reasons = {}, {}
    >>> doc = clean("Bridge reopens\\nShare this\\nIt is open.")
    >>> share = document_payload(1, doc, filters, reasons)["lines"][1]
    >>> share
    [2, 'Share this', 1, 1, 1]
    >>> list(filters).index("remove_boilerplate"), list(reasons).index("share")
    (1, 1)
    """
    lines: list[list[Any]] = []
    for status in line_statuses(doc):
        if status.filter is None or status.reason is None:
            if status.text.strip():
                lines.append([status.number, status.text])
            continue
        f = filters.setdefault(status.filter, len(filters))
        r = reasons.setdefault(status.reason.value, len(reasons))
        lines.append([status.number, status.text, f, r, 0 if status.kept else 1])
    return {
        "n": number,
        "id": doc.id,
        "url": doc.url,
        "site": doc.site,
        "title": doc.title,
        "published": doc.published,
        "byline": doc.byline,
        "lang": doc.lang,
        "captions": [[caption.text, caption.credit] for caption in doc.captions],
        "flags": [flag.value for flag in FLAG_ORDER if flag in doc.flags],
        "words_in": words(doc.restore()),
        "words_out": words(doc.text),
        "reasons": removed_lines_by_reason(doc),
        "lines": lines,
    }


def embed_json(value: object) -> str:
    """`value` as JSON that is safe inside a `<script type="application/json">` element: no
    `<`, `>` or `&` appears raw, so page text such as `</script>` cannot end the element.

    >>> embed_json({"text": "</script><script>alert(1)</script>"})
    '{"text": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _chart_svg(counts: Counter[str]) -> str:
    rows = counts.most_common()
    if not rows:
        return '<p class="note">No line was removed.</p>'
    bar_h, gap, label_w, count_w, width = 18, 6, 130, 60, 620
    top = max(n for _, n in rows)
    height = len(rows) * (bar_h + gap)
    parts = [
        f'<svg class="chart" role="img" aria-label="Removed lines by reason" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for k, (reason, n) in enumerate(rows):
        y = k * (bar_h + gap)
        w = max(1.0, (width - label_w - count_w) * n / top)
        colour = REASON_COLOURS.get(reason, "#777777")
        parts.append(
            f'<a data-filter="reason:{_esc(reason)}" href="#browse">'
            f"<title>{_esc(reason)}: {n} lines removed (click to list the documents)</title>"
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{_esc(reason)}</text>'
            f'<rect class="bar r-{_esc(reason)}" x="{label_w}" y="{y}" width="{w:.1f}" '
            f'height="{bar_h}" fill="{colour}"></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 13}">{n}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _totals_html(totals: Totals, shown: int) -> str:
    cells = [
        ("documents", f"{totals.documents:,}"),
        ("words in", f"{totals.words_in:,}"),
        ("words out", f"{totals.words_out:,}"),
        ("share removed", f"{100 * totals.removed_share:.1f}%"),
        ("lines removed", f"{sum(totals.lines_by_reason.values()):,}"),
    ]
    body = "".join(
        f'<div><dt>{_esc(label)}</dt><dd id="total-{_esc(label.replace(" ", "-"))}">'
        f"{_esc(value)}</dd></div>"
        for label, value in cells
    )
    notes = []
    if shown < totals.documents:
        notes.append(
            f"The report shows {shown:,} of the {totals.documents:,} documents: the flagged "
            f"ones first, then a random sample of the others (more than "
            f"{DEFAULT_MAX_DOCUMENTS:,} by default; see --max-docs). The totals and the chart "
            "count every document."
        )
    if totals.skipped:
        why = "; ".join(f"{reason} ({n:,})" for reason, n in totals.skipped.most_common())
        notes.append(f"Records left out: {why}.")
    note_html = "".join(f'<p class="note">{_esc(note)}</p>' for note in notes)
    return (
        f'<section id="totals"><h2>Totals</h2><dl class="totals">{body}</dl>'
        f"{note_html}</section>"
    )


def _flagged_html(totals: Totals) -> str:
    items = []
    for flag in FLAG_ORDER:
        n = totals.flags.get(flag.value, 0)
        disabled = "" if n else " disabled"
        items.append(
            f'<li><button class="pick" data-filter="flag:{flag.value}"{disabled}>'
            f"{_esc(_FLAG_TEXT[flag])} (<code>{flag.value}</code>): {n:,}</button></li>"
        )
    return (
        '<section id="flagged"><h2>Flagged documents</h2><ul class="flags">'
        + "".join(items)
        + '</ul><p class="note">Flagged documents come first in the list below; a flag never '
        "removes text by itself, it says where to look.</p></section>"
    )


def _controls_html(totals: Totals, payloads: Sequence[Mapping[str, Any]]) -> str:
    options = ['<option value="all">all documents</option>']
    flagged_docs = sum(1 for p in payloads if p["flags"])
    options.append(f'<option value="flagged">any flag ({flagged_docs:,})</option>')
    for flag in FLAG_ORDER:
        n = sum(1 for p in payloads if flag.value in p["flags"])
        if n:
            options.append(f'<option value="flag:{flag.value}">flag: {flag.value} ({n:,})</option>')
    for reason, _ in totals.lines_by_reason.most_common():
        n = sum(1 for p in payloads if p["reasons"].get(reason))
        if n:
            options.append(
                f'<option value="reason:{_esc(reason)}">removed: {_esc(reason)} ({n:,})</option>'
            )
    return (
        '<section id="browse"><h2>Documents</h2><div class="controls">'
        '<label>Show <select id="filter">' + "".join(options) + "</select></label>"
        '<button class="pick" id="prev-page">◀ page</button>'
        '<button class="pick" id="next-page">page ▶</button>'
        '<form id="goto-form"><label>go to # <input id="goto" inputmode="numeric"></label></form>'
        '<span id="status"></span></div>'
        "<noscript><p>The documents are drawn by JavaScript; enable it to read them.</p></noscript>"
        '<div id="docs"></div></section>'
    )


def build_report(
    records: Iterable[object],
    *,
    chain: Chain | None = None,
    text_field: str = "text",
    max_documents: int = DEFAULT_MAX_DOCUMENTS,
    source: str = "",
) -> str:
    """The report on `records` (raw or `--explain` output) as one HTML string.

    >>> page = "Bridge reopens\\nShare this article\\n<script>alert(1)</script> stays text."
    >>> html = build_report([{"text": page}])
    >>> "<script>alert(1)" in html, 'id="total-documents">1<' in html
    (False, True)
    """
    if max_documents < 1:
        raise ValueError(f"max_documents must be at least 1, not {max_documents}")
    totals = Totals()
    sampler = _Sampler(max_documents)
    for item in documents_from_records(records, chain=chain, text_field=text_field):
        if isinstance(item, str):
            totals.skipped[item] += 1
            continue
        totals.add(item)
        sampler.add(_Entry(totals.documents, item))
    filters: dict[str, int] = {name: k for k, name in enumerate(FILTERS)}
    reasons: dict[str, int] = {reason.value: k for k, reason in enumerate(Reason)}
    payloads = [document_payload(e.number, e.doc, filters, reasons) for e in sampler.chosen()]
    data = {
        "page_size": PAGE_SIZE,
        "filters": list(filters),
        "reasons": list(reasons),
        "docs": payloads,
    }
    subtitle = f"newsclean {__version__}" + (f" · {source}" if source else "")
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>newsclean audit report</title>",
            f"<style>{STYLE}{reason_css()}</style></head><body>",
            '<header class="top"><h1>newsclean audit report</h1>',
            f'<p class="sub">{_esc(subtitle)}</p></header><main>',
            _totals_html(totals, len(payloads)),
            '<section id="chart"><h2>Removed lines by reason</h2>',
            _chart_svg(totals.lines_by_reason),
            "</section>",
            _flagged_html(totals),
            _controls_html(totals, payloads),
            "</main>",
            f'<script type="application/json" id="report-data">{embed_json(data)}</script>',
            f"<script>{SCRIPT}</script></body></html>\n",
        ]
    )


def read_records(paths: Iterable[str | Path]) -> Iterator[object]:
    """The JSON value of each non-blank line of the JSONL files (plain or gzip); a line
    that cannot be read comes out as a `RecordError` saying why (and is counted as left out).

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> _ = open(path, "w").write('{"text": "a"}\\nnot json\\n')
    >>> list(read_records([path]))
    [{'text': 'a'}, RecordError('invalid JSON')]
    """
    for path in paths:
        for line in read_lines(path):
            if not line.text:
                yield RecordError(line.error or "unreadable line")
                continue
            try:
                yield json.loads(line.text)
            except json.JSONDecodeError:
                yield RecordError("invalid JSON")


def write_report(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    chain: Chain | None = None,
    text_field: str = "text",
    max_documents: int = DEFAULT_MAX_DOCUMENTS,
) -> Path:
    """Write the report on the JSONL files `inputs` to `output`; returns its path.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "in.jsonl"), "w") as fh:
    ...     _ = fh.write('{"text": "Bridge reopens\\\\nThe bridge is open again."}\\n')
    >>> write_report([os.path.join(folder, "in.jsonl")], os.path.join(folder, "r.html")).name
    'r.html'
    """
    out = Path(output)
    source = ", ".join(STDIN_NAME if str(p) == STDIN else Path(p).name for p in inputs)
    page = build_report(
        read_records(inputs),
        chain=chain,
        text_field=text_field,
        max_documents=max_documents,
        source=source,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out


def run_report(args: argparse.Namespace) -> int:
    """`newsclean report`: write the report, print a one-line summary to stderr.

    Example:

    >>> import os, tempfile
    >>> from newsclean.cli import build_parser
    >>> folder = tempfile.mkdtemp()
    >>> source, target = os.path.join(folder, "in.jsonl"), os.path.join(folder, "report.html")
    >>> with open(source, "w", encoding="utf-8") as fh:
    ...     _ = fh.write('{"text": "Ferries resume\\\\nShare this article\\\\nFerries ran again."}\\n')
    >>> run_report(build_parser().parse_args(["report", source, "-o", target]))
    0
    >>> open(target, encoding="utf-8").read().startswith("<!DOCTYPE html>")
    True
    """
    problem = input_problem(args.inputs)
    if problem:
        print(f"newsclean: {problem}", file=sys.stderr)
        return 2
    chain = default_chain(chain_config(args), skip=tuple(args.skip))
    out = write_report(
        args.inputs, args.output, chain=chain, text_field=args.text_field,
        max_documents=args.max_docs,
    )
    print(f"newsclean: report written to {out}", file=sys.stderr)
    return 0
