"""The lines of several pages laid end to end, for features computed over all of them at once.

The article model reads a page's lines with their neighbours (window means, distances to
a stretch, position in the page). A page has a few dozen lines, where numpy's cost per call
outweighs its work per line; laid out together, a batch of pages pays for most calls once.
What sums over a page's lines (its windows) is still computed page by page, by the same
calls as for a page alone, so a page scores the same alone or among others.

>>> layout = PageLayout.of([3, 2])
>>> layout.line_numbers.tolist(), layout.page_sizes.tolist()
([0.0, 1.0, 2.0, 0.0, 1.0], [3.0, 3.0, 3.0, 2.0, 2.0])
>>> window_means(np.array([[1.0], [2.0], [3.0], [10.0], [20.0]]), layout)[0, :, 0].tolist()  # radius 1
[1.5, 2.0, 2.5, 15.0, 15.0]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

# The window radii of the neighbour features.
RADII = (1, 2, 3, 5)
# Pages of up to this many lines keep their line numbers and window sizes in a cache of
# CACHED_SIZES sizes (about 40 bytes a line: at most 11 MB, a few MB in practice);
# longer pages, rare and costly anyway, build theirs each time, so a long run does not
# fill the cache with its biggest pages'.
CACHED_PAGE_LINES = 1024
CACHED_SIZES = 256


@attrs.frozen(eq=False)
class PageLayout:
    """Where each line of a batch of pages stands: the pages' sizes and first rows, and
    each line's number in its page and its page's size. Arrays are read-only.

    Example:

    >>> layout = PageLayout.of([2, 1])
    >>> layout.starts.tolist(), layout.per_line([7.0, 9.0]).tolist()
    ([0, 2], [7.0, 7.0, 9.0])
    >>> PageLayout.of([3]).per_line([7.0])
    7.0
    """

    sizes: IntArray
    starts: IntArray
    line_numbers: FloatArray
    page_sizes: FloatArray
    pages: list[slice] = attrs.field(init=False)
    """Each page's rows."""

    @pages.default
    def _page_slices(self) -> list[slice]:
        pairs = zip(self.starts.tolist(), self.sizes.tolist(), strict=True)
        return [slice(start, start + size) for start, size in pairs]

    @classmethod
    def of(cls, sizes: Sequence[int]) -> PageLayout:
        """The layout of pages of `sizes` lines (each at least one)."""
        if len(sizes) == 1:
            n = int(sizes[0])
            return _one_page(n) if n <= CACHED_PAGE_LINES else _build_one_page(n)
        counts = np.asarray(sizes, dtype=np.intp)
        starts = np.zeros(len(counts), dtype=np.intp)
        np.cumsum(counts[:-1], out=starts[1:])
        numbers = np.arange(len(counts) and int(counts.sum())) - np.repeat(starts, counts)
        return cls(counts, starts, numbers.astype(np.float64), np.repeat(counts, counts).astype(np.float64))

    def per_line(self, per_page: Sequence[float] | FloatArray) -> FloatArray | float:
        """A value of each page repeated for each of its lines; for a single page, its
        value alone (numpy repeats it where it is used, with the same results)."""
        if len(self.sizes) == 1:
            return float(per_page[0])
        out: FloatArray = np.repeat(np.asarray(per_page, dtype=np.float64), self.sizes)
        return out

    def split(self, values: FloatArray) -> list[FloatArray]:
        """Per-line `values` cut back into one array per page."""
        return [values[rows] for rows in self.pages]


@functools.lru_cache(maxsize=CACHED_SIZES)
def _one_page(n: int) -> PageLayout:
    return _build_one_page(n)


def _build_one_page(n: int) -> PageLayout:
    numbers, _ = _page_index(n)
    return PageLayout(np.array([n], dtype=np.intp), np.zeros(1, dtype=np.intp), numbers, np.full(n, float(n)))


def _page_index(n: int) -> tuple[FloatArray, FloatArray]:
    """For a page of `n` lines: the line numbers, and the size of each line's window for
    every radius of `RADII` (`(radius, line, 1)`: fewer lines at the page's edges).
    Pages repeat sizes, so for short pages these are built once per size; the arrays
    are read-only."""
    return _cached_page_index(n) if n <= CACHED_PAGE_LINES else _build_page_index(n)


@functools.lru_cache(maxsize=CACHED_SIZES)
def _cached_page_index(n: int) -> tuple[FloatArray, FloatArray]:
    return _build_page_index(n)


def _build_page_index(n: int) -> tuple[FloatArray, FloatArray]:
    index = np.arange(n)
    radii = np.asarray(RADII)[:, None]
    low = np.maximum(index[None, :] - radii, 0)
    high = np.minimum(index[None, :] + radii + 1, n)
    sizes = (high - low)[:, :, None].astype(np.float64)
    line_numbers = index.astype(np.float64)
    for array in (line_numbers, sizes):
        array.flags.writeable = False
    return line_numbers, sizes


def window_means(columns: FloatArray, layout: PageLayout | None = None) -> FloatArray:
    """The mean of each value of every column and its neighbours on the same page within
    each radius of `RADII` (fewer lines at a page's edges), in one array `(radius, line,
    column)`; `layout`: the pages the rows belong to (default: one page).

    >>> window_means(np.array([[1.0], [0.0], [0.0], [1.0]]))[0, :, 0].tolist()  # radius 1
    [0.5, 0.3333333333333333, 0.3333333333333333, 0.5]
    """
    if layout is None or len(layout.sizes) == 1:
        return _page_window_means(columns)
    out: FloatArray = np.empty((len(RADII), *columns.shape))
    for rows in layout.pages:
        out[:, rows] = _page_window_means(columns[rows])
    return out


def _page_window_means(columns: FloatArray) -> FloatArray:
    """`window_means` of one page. The running sums are padded at both ends (zeros
    before, the total after), so each radius is one subtraction of two slices."""
    n, width = columns.shape
    pad = RADII[-1]
    sums = np.empty((n + 1 + 2 * pad, width))  # sums[pad + i]: the sum of the first i rows
    sums[: pad + 1] = 0.0
    np.cumsum(columns, axis=0, out=sums[pad + 1 : pad + 1 + n])
    sums[pad + 1 + n :] = sums[pad + n]
    out: FloatArray = np.empty((len(RADII), n, width))
    for at, radius in enumerate(RADII):
        high, low = pad + radius + 1, pad - radius
        np.subtract(sums[high : high + n], sums[low : low + n], out=out[at])
    out /= _page_index(n)[1]
    return out


def distance_to_spans(layout: PageLayout, spans: Sequence[tuple[int, int]]) -> FloatArray:
    """Lines between each line and its page's span `[start, end)` (0 inside it): the
    distance to the span's middle less its half-width (halves are exact in floating point).

    >>> distance_to_spans(PageLayout.of([6, 2]), [(2, 4), (0, 0)]).tolist()
    [2.0, 1.0, 0.0, 0.0, 1.0, 2.0, 1.0, 2.0]
    """
    middle = layout.per_line([(start + end - 1) / 2 for start, end in spans])
    half = layout.per_line([(end - 1 - start) / 2 for start, end in spans])
    out: FloatArray = np.maximum(np.abs(layout.line_numbers - middle) - half, 0.0)
    return out
