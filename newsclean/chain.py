"""`Chain`: filters composed in order, with one `Config`.

>>> chain = default_chain()
>>> "remove_boilerplate" in chain.names
True
>>> chain.without("remove_boilerplate").names == tuple(
...     n for n in chain.names if n != "remove_boilerplate")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters import FILTERS, Filter
from newsclean.guard import GuardHit
from newsclean.reasons import Flag

__all__ = ["Chain", "GuardHit", "UnknownFilterError", "default_chain", "filter_named"]


class UnknownFilterError(KeyError):
    """A filter name that the chain or the registry does not know."""


def filter_named(name: str) -> Filter:
    """The registered filter called `name`; the error lists the known names."""
    try:
        return FILTERS[name]
    except KeyError:
        raise UnknownFilterError(f"no filter {name!r}; known: {', '.join(FILTERS)}") from None


def _filter_tuple(filters: Iterable[Filter]) -> tuple[Filter, ...]:
    return filters if isinstance(filters, tuple) else tuple(filters)


def _text_size(text: str) -> int:
    """Characters other than spaces and newlines: a measure of text that means the same
    in every script and costs two fast scans."""
    return len(text) - text.count(" ") - text.count("\n")


@attrs.frozen
class Chain:
    """Filters run in order on a document; flags a document that lost most of its words."""

    filters: tuple[Filter, ...] = attrs.field(converter=_filter_tuple)
    config: Config = DEFAULT_CONFIG

    @property
    def names(self) -> tuple[str, ...]:
        """The filters' names, in order."""
        return tuple(f.__name__ for f in self.filters)

    def __call__(self, doc: Document) -> Document:
        size_in = _text_size(doc.text)
        for step in self.filters:
            try:
                doc = step(doc, self.config)
            except TimeoutError:  # GuardHit and the like; costs nothing until raised (docs/reliability.md)
                return attrs.evolve(doc, flags=doc.flags | {Flag.GUARD_HIT})
        if size_in and _text_size(doc.text) < self.config.min_kept_share * size_in:
            doc = attrs.evolve(doc, flags=doc.flags | {Flag.MOSTLY_REMOVED})
        return doc

    def without(self, *names: str) -> Chain:
        """The chain less the filters called `names` (each must be in the chain)."""
        for name in names:
            if name not in self.names:
                raise UnknownFilterError(f"no filter {name!r} in chain; it has: {', '.join(self.names)}")
        return attrs.evolve(self, filters=[f for f in self.filters if f.__name__ not in names])

    def with_filter(self, step: Filter, *, after: str | None = None, before: str | None = None) -> Chain:
        """The chain with `step` added at the end, or after/before the named filter."""
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
        """The chain with another config, or this one's with `changes` applied."""
        base = config or self.config
        return attrs.evolve(self, config=attrs.evolve(base, **changes) if changes else base)


def default_chain(config: Config | None = None, *, skip: Iterable[str] = ()) -> Chain:
    """The recommended chain: every registered filter, in order, less `skip`."""
    chain = Chain(FILTERS.values(), config or DEFAULT_CONFIG)
    skipped = tuple(skip)
    return chain.without(*skipped) if skipped else chain
