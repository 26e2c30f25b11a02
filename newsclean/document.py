"""The data model: a frozen `Document`, its `Caption`s and the `Edit` log.

Filters never mutate a document: they return a new one with `attrs.evolve`, appending
to `edits`. The edit log alone rebuilds the input:

>>> doc = Document.from_text("Hello  world")
>>> doc = doc.with_edits([Edit("demo", Reason.WHITESPACE, 5, "  ", " ")])
>>> doc.text
'Hello world'
>>> doc.restore()
'Hello  world'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from newsclean.reasons import Flag, Reason


@attrs.frozen(slots=True)
class Edit:
    """One change: at offset `start` of the text as it was just before this edit,
    `removed` was replaced by `inserted` (empty for a removal).

    Example:

    >>> edit = Edit("remove_boilerplate", Reason.SHARE, 19, "Share this article\\n")
    >>> apply_edits("Rain fell all day.\\nShare this article\\nIt stopped at six.", [edit])
    'Rain fell all day.\\nIt stopped at six.'
    """

    filter: str
    reason: Reason
    start: int
    removed: str
    inserted: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form.

        Example:

        >>> Edit("demo", Reason.WHITESPACE, 4, "  ", " ").to_dict()
        {'filter': 'demo', 'reason': 'whitespace', 'start': 4, 'removed': '  ', 'inserted': ' '}
        """
        return {
            "filter": self.filter,
            "reason": self.reason._value_,  # `.value`, without the enum property's two calls
            "start": self.start,
            "removed": self.removed,
            "inserted": self.inserted,
        }

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> Edit:
        """Inverse of `to_dict`.

        Example:

        >>> edit = Edit("remove_boilerplate", Reason.SHARE, 19, "Share this article\\n")
        >>> Edit.from_dict(edit.to_dict()) == edit
        True
        >>> row = {"filter": "demo", "reason": "cookie", "start": 0, "removed": "We use cookies"}
        >>> Edit.from_dict(row).inserted
        ''
        """
        return cls(
            filter=str(row["filter"]),
            reason=Reason(row["reason"]),
            start=int(row["start"]),
            removed=str(row["removed"]),
            inserted=str(row.get("inserted", "")),
        )


@attrs.frozen(slots=True)
class Caption:
    """An image caption found on the page, without its credit (`Getty`, `Reuters`...).

    Example:

    >>> caption = Caption("Crowds on the seafront at dawn.", credit="PA")
    >>> caption.text, caption.credit
    ('Crowds on the seafront at dawn.', 'PA')
    """

    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Plain JSON-ready form.

        Example:

        >>> Caption("Crowds on the seafront at dawn.", credit="PA").to_dict()
        {'text': 'Crowds on the seafront at dawn.', 'credit': 'PA'}
        """
        return {"text": self.text, "credit": self.credit}


def _tuple_of_captions(value: Iterable[Caption]) -> tuple[Caption, ...]:
    return value if isinstance(value, tuple) else tuple(value)


def _tuple_of_edits(value: Iterable[Edit]) -> tuple[Edit, ...]:
    return value if isinstance(value, tuple) else tuple(value)


def _frozenset_of_flags(value: Iterable[Flag]) -> frozenset[Flag]:
    return value if isinstance(value, frozenset) else frozenset(value)


@attrs.frozen(slots=True)
class Document:
    """A page being cleaned: the current `text`, the metadata found, and the edit log.

    `published` is an ISO 8601 date (`2022-09-13`) or date-time (`2022-09-13T14:12`).

    Example:

    >>> doc = Document.from_text("Ferries ran again on Tuesday.", id="f1")
    >>> doc.id, doc.title, doc.edits
    ('f1', None, ())
    >>> doc.text = "Something else"
    Traceback (most recent call last):
    attr.exceptions.FrozenInstanceError: can't set attribute
    """

    text: str
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    lang: str | None = None
    id: str | None = None
    url: str | None = None
    site: str | None = None
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_tuple_of_captions)
    flags: frozenset[Flag] = attrs.field(default=frozenset(), converter=_frozenset_of_flags)
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=_tuple_of_edits)

    @classmethod
    def from_text(cls, text: str, **meta: str | None) -> Document:
        """Build a document from raw page text; `meta` may give `title`, `published`,
        `byline`, `lang`, `id`, `url` and `site` (the site's name, for site profiles of
        pages without a URL).

        >>> Document.from_text("Body", url="https://example.test/a").url
        'https://example.test/a'
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        unknown = set(meta) - _META_FIELDS
        if unknown:
            raise TypeError(f"unknown metadata {sorted(unknown)}; known: {sorted(_META_FIELDS)}")
        return cls(
            text=text,
            title=meta.get("title"),
            published=meta.get("published"),
            byline=meta.get("byline"),
            lang=meta.get("lang"),
            id=meta.get("id"),
            url=meta.get("url"),
            site=meta.get("site"),
        )

    @property
    def paragraphs(self) -> list[str]:
        """The non-blank lines of the clean text, stripped.

        Example:

        >>> Document.from_text("  Ferries ran again.\\n\\n The operator said so.  ").paragraphs
        ['Ferries ran again.', 'The operator said so.']
        """
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    def with_edits(self, edits: Iterable[Edit], **changes: Any) -> Document:
        """Apply `edits` in order to the text and append them to the log.

        Each edit's `start` is an offset in the text left by the edits before it. A
        filter that has built the new text already passes it as `text=` to skip the
        replay. Returns `self` when there is nothing to change.

        Example:

        >>> doc = Document.from_text("Rain fell all day.\\nShare this article\\nIt stopped at six.")
        >>> out = doc.with_edits([Edit("demo", Reason.SHARE, 19, "Share this article\\n")])
        >>> out.text, len(out.edits), doc.with_edits([]) is doc
        ('Rain fell all day.\\nIt stopped at six.', 1, True)
        """
        added = tuple(edits)
        if not added and not changes:
            return self
        text = changes.pop("text") if "text" in changes else apply_edits(self.text, added)
        if changes:
            return attrs.evolve(self, text=text, edits=self.edits + added, **changes)
        # Every filter that cuts lines comes here: the constructor with the fields in
        # order costs a third of `attrs.evolve`, which looks the fields up on each call.
        return Document(
            text, self.title, self.published, self.byline, self.lang, self.id, self.url,
            self.site, self.captions, self.flags, self.edits + added,
        )  # fmt: skip

    def restore(self) -> str:
        """Rebuild the input text by undoing the edit log, newest first.

        >>> from newsclean import clean
        >>> page = "Title\\nListen to this article\\nThe council met on Monday and agreed."
        >>> clean(page).restore() == page
        True
        """
        text = self.text
        for group in reversed(forward_runs(self.edits)):
            text = _undo_run(text, group)
        return text

    def removed_by(self, reason: Reason) -> list[str]:
        """The texts removed or replaced for `reason`, in the order they were edited.

        Example:

        >>> from newsclean import clean
        >>> doc = clean("Ferries resume\\nShare this article\\nFerries ran again on Tuesday.")
        >>> doc.removed_by(Reason.SHARE), doc.removed_by(Reason.COOKIE)
        (['Share this article\\n'], [])
        """
        return [edit.removed for edit in self.edits if edit.reason is reason]

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The metadata, captions, flags and removal counts as plain JSON-ready values
        (the text itself is not included); `explain` adds the edit log.

        Example:

        >>> from newsclean import clean
        >>> info = clean("Ferries resume\\nShare this article\\nFerries ran again on Tuesday.").to_dict()
        >>> info["title"], info["removed_lines"], info["removed_by_reason"], "edits" in info
        ('Ferries resume', 2, {'share': 1, 'title': 1}, False)
        """
        counts: dict[str, int] = {}
        for edit in self.edits:
            if not edit.inserted:
                lines = sum(map(bool, map(str.strip, edit.removed.split("\n"))))  # not blank
                if lines:
                    # `_value_` is a plain attribute: `.value` is a property, two Python calls.
                    reason: str = edit.reason._value_
                    counts[reason] = counts.get(reason, 0) + lines
        out: dict[str, Any] = {
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "lang": self.lang,
            "captions": [caption.to_dict() for caption in self.captions],
            "flags": sorted(flag.value for flag in self.flags),
            "removed_lines": sum(counts.values()),
            "removed_by_reason": dict(sorted(counts.items())),
        }
        if explain:
            out["edits"] = [edit.to_dict() for edit in self.edits]
        return out


def forward_runs(edits: tuple[Edit, ...]) -> list[tuple[Edit, ...]]:
    """Split the log into runs of edits that each start after the previous one's
    inserted text (one filter's edits form such a run), so that a run can be undone in
    one pass over the text.

    Example:

    >>> first = Edit("normalize_whitespace", Reason.WHITESPACE, 4, "  ", " ")
    >>> second = Edit("normalize_whitespace", Reason.WHITESPACE, 12, "  ", " ")
    >>> share = Edit("remove_boilerplate", Reason.SHARE, 0, "Share this\\n")
    >>> [len(run) for run in forward_runs((first, second, share))]
    [2, 1]
    """
    runs: list[tuple[Edit, ...]] = []
    start = 0
    for k in range(1, len(edits) + 1):
        if k == len(edits) or edits[k].start < edits[k - 1].start + len(edits[k - 1].inserted):
            runs.append(edits[start:k])
            start = k
    return runs


def _undo_run(text: str, run: tuple[Edit, ...]) -> str:
    """Undo a forward run of edits: each one's inserted text stands, in `text`, at its
    own `start`, because the edits before it in the run lie before it."""
    pieces = []
    last = 0
    for edit in run:
        pieces.append(text[last : edit.start])
        pieces.append(edit.removed)
        last = edit.start + len(edit.inserted)
    pieces.append(text[last:])
    return "".join(pieces)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay `edits` on `text`, checking that each one matches what it replaces.

    Example:

    >>> apply_edits("Rain  fell all day.", [Edit("demo", Reason.WHITESPACE, 4, "  ", " ")])
    'Rain fell all day.'
    >>> apply_edits("Rain fell.", [Edit("demo", Reason.SHARE, 0, "Snow")])
    Traceback (most recent call last):
    ValueError: edit does not match the text at 0: Edit(filter='demo', reason=<Reason.SHARE: 'share'>, ...
    """
    for edit in edits:
        end = edit.start + len(edit.removed)
        if text[edit.start : end] != edit.removed:
            raise ValueError(f"edit does not match the text at {edit.start}: {edit!r}")
        text = text[: edit.start] + edit.inserted + text[end:]
    return text


_META_FIELDS = frozenset({"title", "published", "byline", "lang", "id", "url", "site"})


def offsets_now(edits: tuple[Edit, ...], chosen: Iterable[int]) -> list[int]:
    """Where each edit of `chosen` (positions in `edits`, ascending) took place, as an
    offset in the text once every edit of the log is applied: the edit's own start,
    moved by the edits after it (a later edit that removed the place moves it to that
    edit's start).

    Example:

    >>> share = Edit("remove_boilerplate", Reason.SHARE, 12, "Share this\\n")
    >>> space = Edit("normalize_whitespace", Reason.WHITESPACE, 4, "  ", " ")
    >>> apply_edits("Rain  fell.\\nShare this\\nIt stopped.", [share, space])
    'Rain fell.\\nIt stopped.'
    >>> offsets_now((share, space), [0])  # where "It stopped." starts now
    [11]
    """
    out = []
    for k in chosen:
        position = edits[k].start
        for later in edits[k + 1 :]:
            if position > later.start:
                if position >= later.start + len(later.removed):
                    position += len(later.inserted) - len(later.removed)
                else:
                    position = later.start
        out.append(position)
    return out
