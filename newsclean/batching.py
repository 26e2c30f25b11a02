"""Splitting a stream of items into batches bounded by count and by size, as `Chain.batch`
and the CLI's run loop clean documents together.

>>> [batch for batch in batched(["aa", "b", "cccc", "d"], len, max_count=3, max_size=4)]
[['aa', 'b'], ['cccc'], ['d']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def batched(
    items: Iterable[Item], size: Callable[[Item], int], *, max_count: int, max_size: int
) -> Iterator[list[Item]]:
    """`items` in consecutive batches of at most `max_count` items whose `size`s add up to
    at most `max_size` (an item bigger than that makes a batch of its own).

    >>> [len(batch) for batch in batched(["x" * 600] * 3, len, max_count=10, max_size=1000)]
    [1, 1, 1]
    """
    batch: list[Item] = []
    total = 0
    for item in items:
        weight = size(item)
        if batch and (len(batch) == max_count or total + weight > max_size):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += weight
    if batch:
        yield batch
