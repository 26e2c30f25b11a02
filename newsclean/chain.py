"""`Chain`: filters composed in order, with one `Config`.

>>> chain = default_chain()
>>> "remove_boilerplate" in chain.names
True
>>> chain.without("remove_boilerplate").names == tuple(
...     n for n in chain.names if n != "remove_boilerplate")
True
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from newsclean.batching import batched
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.cpu_guard import ChainTimeLimit, cpu_time_limit
from newsclean.document import Document
from newsclean.filters import BATCH_FORMS, FILTERS, BatchFilter, Filter
from newsclean.guard import GuardHit, time_limit
from newsclean.reasons import Flag

__all__ = ["Chain", "GuardHit", "UnknownFilterError", "default_chain", "filter_named"]


class UnknownFilterError(KeyError):
    """A filter name that the chain or the registry does not know.

    Example:

    >>> Chain([filter_named("tidy_blank_lines")]).without("remove_adverts")
    Traceback (most recent call last):
    newsclean.chain.UnknownFilterError: "no filter 'remove_adverts' in chain; it has: tidy_blank_lines"
    """


def filter_named(name: str) -> Filter:
    """The registered filter called `name`; the error lists the known names.

    Example:

    >>> tidy = filter_named("tidy_blank_lines")
    >>> tidy is FILTERS["tidy_blank_lines"]
    True
    >>> tidy(Document.from_text("Rain fell.\\n\\n\\n\\nIt stopped."), Config()).text
    'Rain fell.\\n\\nIt stopped.'
    """
    try:
        return FILTERS[name]
    except KeyError:
        raise UnknownFilterError(f"no filter {name!r}; known: {', '.join(FILTERS)}") from None


def _filter_tuple(filters: Iterable[Filter]) -> tuple[Filter, ...]:
    return filters if isinstance(filters, tuple) else tuple(filters)


# The context a chain runs in when its CPU-time guard is off (`Config.chain_timeout=None`).
_UNGUARDED = contextlib.nullcontext()


# `Chain.batch` takes longer lists this many documents, or this many characters, at a
# time (a longer document alone): the article model's saving is nearly all there by a
# few dozen short pages, and a batch's arrays stay small whatever the pages' sizes.
BATCH_DOCS = 128
BATCH_CHARS = 1_000_000


def _text_length(doc: Document) -> int:
    return len(doc.text)


def _text_size(text: str) -> int:
    """Characters other than spaces and newlines: a measure of text that means the same
    in every script and costs two fast scans."""
    return len(text) - text.count(" ") - text.count("\n")


@attrs.frozen
class Chain:
    """Filters run in order on a document; flags a document that lost most of its words.

    Example:

    >>> chain = Chain([filter_named("normalize_whitespace"), filter_named("remove_boilerplate")])
    >>> chain(Document.from_text("Rain  fell all day.\\nShare this article", lang="en")).text
    'Rain fell all day.'
    >>> doc = chain(Document.from_text("Share this article\\nSubscribe to our newsletter\\nOK.", lang="en"))
    >>> doc.text, sorted(str(flag) for flag in doc.flags)
    ('OK.', ['mostly_removed'])
    """

    filters: tuple[Filter, ...] = attrs.field(converter=_filter_tuple)
    config: Config = DEFAULT_CONFIG

    @property
    def names(self) -> tuple[str, ...]:
        """The filters' names, in order.

        Example:

        >>> Chain([filter_named("fix_encoding"), filter_named("tidy_blank_lines")]).names
        ('fix_encoding', 'tidy_blank_lines')
        """
        return tuple(f.__name__ for f in self.filters)

    def __call__(self, doc: Document) -> Document:
        size_in = _text_size(doc.text)
        doc, _ = self._run(doc, self.filters, self._seconds(doc))
        return self._flag_mostly_removed(doc, size_in)

    def batch(self, docs: Iterable[Document]) -> list[Document]:
        """Clean every document of `docs`: the same documents as the chain called on each,
        for less work, since filters with a batch form (`filters.BATCH_FORMS`: the article
        model) take all of them at once. The CPU-time guard covers each document's run
        of one-by-one filters, and a batch filter's run over the whole batch (if it fires
        there, that filter runs again document by document, each under its own guard).

        Example:

        >>> chain = default_chain()
        >>> pages = ["Home\\nRain fell all day in the valley, and the river rose by a metre.",
        ...          "Ferries resume\\nShare this article\\nFerries ran again on Tuesday."]
        >>> chain.batch(Document.from_text(page) for page in pages) == [
        ...     chain(Document.from_text(page)) for page in pages]
        True
        """
        out = list(docs)
        if len(out) > BATCH_DOCS or (len(out) > 1 and sum(len(doc.text) for doc in out) > BATCH_CHARS):
            groups = batched(out, _text_length, max_count=BATCH_DOCS, max_size=BATCH_CHARS)
            return [doc for group in groups for doc in self.batch(group)]
        sizes = [_text_size(doc.text) for doc in out]
        seconds = [self._seconds(doc) for doc in out]
        running = list(range(len(out)))  # the documents no guard has stopped
        for steps, batch_form in self._stretches():
            if batch_form is not None and len(running) > 1:
                limits = [seconds[at] for at in running]
                budget = None if None in limits else sum(limit or 0.0 for limit in limits)
                guard = self._guard(budget)
                try:
                    with guard or _UNGUARDED:
                        cleaned = batch_form([out[at] for at in running], self.config)
                except ChainTimeLimit as exc:
                    if exc.guard is not guard:  # an outer chain's guard
                        raise
                except TimeoutError:  # the batch's guard fired: one by one, each under its own
                    pass
                else:
                    for at, doc in zip(running, cleaned, strict=True):
                        out[at] = doc
                    continue
            still = []
            for at in running:
                out[at], stopped = self._run(out[at], steps, seconds[at])
                if not stopped:
                    still.append(at)
            running = still
        return [self._flag_mostly_removed(doc, size) for doc, size in zip(out, sizes, strict=True)]

    def stream(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Clean documents as they come, in order: the documents of `batch`, yielded a
        batch at a time (`BATCH_DOCS` documents or `BATCH_CHARS` characters), so that a
        corpus of any length, or an endless generator, is cleaned in bounded memory. It
        reads at most one batch and one document ahead of what it has yielded.

        Example:

        >>> import itertools
        >>> chain = default_chain()
        >>> pages = itertools.cycle(["Ferries resume\\nShare this article\\nFerries ran on Tuesday.",
        ...                          "Storm closes road\\nListen to this article\\nThe road closed."])
        >>> endless = map(Document.from_text, pages)
        >>> [doc.text for doc in itertools.islice(chain.stream(endless), 3)]
        ['Ferries ran on Tuesday.', 'The road closed.', 'Ferries ran on Tuesday.']
        """
        for group in batched(docs, _text_length, max_count=BATCH_DOCS, max_size=BATCH_CHARS):
            yield from self.batch(group)

    def _stretches(self) -> list[tuple[tuple[Filter, ...], BatchFilter | None]]:
        """The filters in runs of one-by-one filters, each batch filter a run of its own
        (with its batch form)."""
        stretches: list[tuple[tuple[Filter, ...], BatchFilter | None]] = []
        run: list[Filter] = []
        for step in self.filters:
            batch_form = BATCH_FORMS.get(step)
            if batch_form is None:
                run.append(step)
                continue
            if run:
                stretches.append((tuple(run), None))
                run = []
            stretches.append(((step,), batch_form))
        if run:
            stretches.append((tuple(run), None))
        return stretches

    def _seconds(self, doc: Document) -> float | None:
        """The CPU seconds the chain may take on `doc` (`None`: no guard)."""
        seconds = self.config.chain_timeout
        return None if seconds is None else time_limit(seconds, doc.text)

    @staticmethod
    def _guard(seconds: float | None) -> cpu_time_limit | None:
        return None if seconds is None else cpu_time_limit(seconds)

    def _run(self, doc: Document, steps: Iterable[Filter], seconds: float | None) -> tuple[Document, bool]:
        """`doc` through `steps` under a guard of `seconds`, and whether the guard stopped
        it (it is then flagged `guard_hit`, as it was before the filter that ran over)."""
        guard = self._guard(seconds)
        try:
            with guard or _UNGUARDED:
                for step in steps:
                    doc = step(doc, self.config)
        except ChainTimeLimit as exc:
            if exc.guard is not guard:  # an outer chain's guard (this chain runs inside a filter)
                raise
            return attrs.evolve(doc, flags=doc.flags | {Flag.GUARD_HIT}), True
        except TimeoutError:  # GuardHit and the like; costs nothing until raised (docs/reliability.md)
            return attrs.evolve(doc, flags=doc.flags | {Flag.GUARD_HIT}), True
        return doc, False

    def _flag_mostly_removed(self, doc: Document, size_in: int) -> Document:
        if size_in and _text_size(doc.text) < self.config.min_kept_share * size_in:
            return attrs.evolve(doc, flags=doc.flags | {Flag.MOSTLY_REMOVED})
        return doc

    def without(self, *names: str) -> Chain:
        """The chain less the filters called `names` (each must be in the chain).

        Example:

        >>> default_chain().without("drop_outside_article", "remove_repeated_lines").names[-2:]
        ('remove_teaser_lists', 'tidy_blank_lines')
        """
        for name in names:
            if name not in self.names:
                raise UnknownFilterError(f"no filter {name!r} in chain; it has: {', '.join(self.names)}")
        return attrs.evolve(self, filters=[f for f in self.filters if f.__name__ not in names])

    def with_filter(self, step: Filter, *, after: str | None = None, before: str | None = None) -> Chain:
        """The chain with `step` added at the end, or after/before the named filter.

        Example:

        >>> chain = Chain([filter_named("tidy_blank_lines")])
        >>> chain.with_filter(filter_named("fix_encoding"), before="tidy_blank_lines").names
        ('fix_encoding', 'tidy_blank_lines')
        >>> chain.with_filter(filter_named("remove_boilerplate")).names
        ('tidy_blank_lines', 'remove_boilerplate')
        """
        filters = list(self.filters)
        if after is not None and before is not None:
            raise ValueError("give after= or before=, not both")
        anchor = after if after is not None else before
        if anchor is None:
            filters.append(step)
        else:
            if anchor not in self.names:
                raise UnknownFilterError(f"no filter {anchor!r} in chain; it has: {', '.join(self.names)}")
            index = self.names.index(anchor) + (1 if after is not None else 0)
            filters.insert(index, step)
        return attrs.evolve(self, filters=filters)

    def with_config(self, config: Config | None = None, **changes: Any) -> Chain:
        """The chain with another config, or this one's with `changes` applied.

        Example:

        >>> chain = default_chain()
        >>> chain.with_config(lang="de").config.lang, chain.config.lang
        ('de', None)
        >>> chain.with_config(Config(select_article=False)).config.select_article
        False
        """
        base = config or self.config
        return attrs.evolve(self, config=attrs.evolve(base, **changes) if changes else base)


def default_chain(config: Config | None = None, *, skip: Iterable[str] = ()) -> Chain:
    """The recommended chain: every registered filter, in order, less `skip`.

    Example:

    >>> chain = default_chain(Config(max_byline_words=4), skip=["drop_outside_article"])
    >>> chain.config.max_byline_words, "drop_outside_article" in chain.names, chain.names[0]
    (4, False, 'normalize_whitespace')
    """
    chain = Chain(FILTERS.values(), config or DEFAULT_CONFIG)
    skipped = tuple(skip)
    return chain.without(*skipped) if skipped else chain
