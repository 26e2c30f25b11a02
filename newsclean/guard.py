"""The last guard on patterns that could backtrack: the `regex` package's timeout.

Patterns run on the standard `re` module, which is the faster engine here (issue #4), when
they are linear: a literal start or a trie of words, one character class, pieces of bounded
length, or input of bounded length. The few that are not (a run of blanks can be split in
many ways between two `[ \\t]*`) are compiled here with `regex` instead, and every call
passes `timeout=`. A call that runs over raises `GuardHit`, a `TimeoutError`; `Chain`
catches it, flags the document `guard_hit` and passes it on as it was before that filter.

A guarded pattern may name the substrings it needs to backtrack (`linear_without`): a text
with none of them is searched with `re` and no guard, since the pattern is linear there.
The caption credit scan runs on every page and is only superlinear on runs of blanks, which
`normalize_whitespace` collapses early in the default chain; on `regex` it would cost the
chain about 5% (docs/reliability.md).

`tests/test_guard.py` lists every pattern the package compiles and checks that each is
either on its list of linear patterns (with the reason) or built here; docs/reliability.md
has the audit. The last guard on the linear ones, should an argument be wrong, is the
chain's CPU-time guard (`newsclean.cpu_guard`), which stops a runaway `re` match too.

>>> menu = GuardedPattern(r"[ \\t]*[|·][ \\t]*", name="example")
>>> menu.split("Home | News · Sport", timeout=1.0)
['Home', 'News', 'Sport']
>>> menu.split("a" + " " * 20_000 + "b", timeout=0.001)
Traceback (most recent call last):
...
newsclean.guard.GuardHit: pattern example ran over its time guard (0.001 s)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any, Protocol

import regex

# Seconds a guarded pattern may run in one call, per million characters of the text it
# searches (at least this many); `Config.pattern_timeout` is the setting. The slowest linear
# scan measured, the caption credit scan on 1.7 M characters of "Photo: (AP Photo/", takes
# 3 s per million with `regex` (1 s with `re`): 10 leaves room for a loaded machine, and
# stops a quadratic match on a run of about 20,000 blanks, which would take minutes at
# 100,000 and hours at a million.
DEFAULT_PATTERN_TIMEOUT = 10.0


class Match(Protocol):
    """What the filters use of a match (`regex` ships no type information; an `re`
    match has the same methods)."""

    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def group(self, group: str, /) -> str | Any: ...


class GuardHit(TimeoutError):
    """A pattern ran over its time guard: `Chain` flags the document `guard_hit` and
    passes it on unchanged from the filter that raised this on.

    Example:

    >>> from newsclean.chain import Chain, filter_named
    >>> from newsclean.document import Document
    >>> def slow_filter(doc, config):
    ...     raise GuardHit("pattern ran out of time")
    >>> doc = Chain([filter_named("normalize_whitespace"), slow_filter])(Document.from_text("Rain  fell."))
    >>> doc.text, sorted(str(flag) for flag in doc.flags)
    ('Rain fell.', ['guard_hit'])
    """


def time_limit(seconds: float, text: str) -> float:
    """The timeout of one call on `text`: `seconds` per million characters, at least
    `seconds` (a linear scan of a long page is not a runaway match).

    >>> time_limit(1.0, "x" * 10), time_limit(1.0, "x" * 3_000_000)
    (1.0, 3.0)
    """
    return seconds * max(1.0, len(text) / 1_000_000)


class GuardedPattern:
    """A pattern compiled with `regex`, whose every call runs under a timeout.

    `pattern` is the source, as on a compiled `re` pattern; `name` says where it comes
    from in the error. `linear_without`: substrings without which the pattern cannot
    backtrack more than a bounded number of steps per start (argued where the pattern is
    built); a text that holds none of them is searched with `re`, unguarded.
    """

    __slots__ = ("_compiled", "_plain", "linear_without", "name", "pattern")

    def __init__(self, pattern: str, *, name: str, linear_without: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.name = name
        self.linear_without = linear_without
        self._compiled = regex.compile(pattern, regex.VERSION0)
        self._plain = re.compile(pattern) if linear_without else None

    def __repr__(self) -> str:
        return f"GuardedPattern({self.pattern!r}, name={self.name!r})"

    def _engine(self, text: str, timeout: float) -> tuple[Any, dict[str, float]]:
        """The compiled pattern to search `text` with, and its keyword arguments: `re`
        and none where the pattern is linear on `text`, else `regex` and its timeout."""
        if self._plain is not None and not any(needle in text for needle in self.linear_without):
            return self._plain, {}
        return self._compiled, {"timeout": time_limit(timeout, text)}

    @contextlib.contextmanager
    def _guarded(self, options: dict[str, float]) -> Iterator[None]:
        """Turn the engine's `TimeoutError` into a `GuardHit` naming this pattern."""
        try:
            yield
        except TimeoutError as exc:
            seconds = options.get("timeout", 0.0)
            raise GuardHit(f"pattern {self.name} ran over its time guard ({seconds:g} s)") from exc

    def search(self, text: str, timeout: float) -> Match | None:
        """The first match in `text`, or `None`."""
        engine, options = self._engine(text, timeout)
        with self._guarded(options):
            found: Match | None = engine.search(text, **options)
        return found

    def finditer(self, text: str, timeout: float) -> Iterator[Match]:
        """The matches in `text`, left to right (the time taken between two matches by
        the caller does not count)."""
        engine, options = self._engine(text, timeout)
        with self._guarded(options):
            yield from engine.finditer(text, **options)

    def split(self, text: str, timeout: float) -> list[str]:
        """`text` split at the matches, as `re.Pattern.split` does."""
        engine, options = self._engine(text, timeout)
        with self._guarded(options):
            parts: list[str] = engine.split(text, **options)
        return parts
