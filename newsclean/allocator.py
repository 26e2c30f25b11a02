"""Process-wide tuning of glibc's `malloc` for big pages, applied by the command line.

Cleaning a page of tens of MB makes strings of tens of MB (the text, its lines joined,
its lower-cased copy). glibc serves each block above its mmap threshold (128 KB at
first, raised as such blocks are freed, at most 32 MB) with a fresh mapping from the
kernel and unmaps it when it is freed, and it returns any free memory above 128 KB at
the top of its heap: every big string is then faulted in and zeroed page by page
anew. Keeping blocks up to `MMAP_THRESHOLD` on the heap, and returning free memory
only beyond `TRIM_THRESHOLD`, lets the next big string reuse what the last one freed;
after a record of `RELEASE_AFTER_BYTES` or more, the command line hands the free memory
back (`release_free_memory`), so that one big page's holes are not kept for the rest of
a long run. On a 20 MB page that cuts the page faults by about three quarters and the
cleaning time by about a sixth (its peak memory 8 to 18% higher); on ordinary pages
nothing measurable changes (see `docs/benchmarks/throughput.md`).

A library should not change its host process's allocator unasked, so `import newsclean`
never does this: `newsclean clean` does at start (its workers inherit it or do it
themselves), and any program may call `keep_big_blocks_on_heap` itself. It does
nothing off glibc, when `NEWSCLEAN_MALLOC=system`, or when the environment already sets
glibc's own malloc settings.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
from collections.abc import Mapping

MMAP_THRESHOLD = 1 << 30
"""Blocks up to this size come from the heap, not from a mapping of their own."""
TRIM_THRESHOLD = 256 << 20
"""Free memory at the top of the heap goes back to the kernel only beyond this."""
# `mallopt` parameters (glibc's malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_SETTINGS = ((_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
# Set to "system" to leave the allocator as it is.
OPT_OUT_ENV = "NEWSCLEAN_MALLOC"
# Environment variables through which glibc takes its own malloc settings: a user who
# sets one has chosen, and is not overridden.
GLIBC_MALLOC_ENV = ("GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_")

RELEASE_AFTER_BYTES = 1 << 20
"""After cleaning a record this big, the command line's tuned processes hand their free
memory back (`release_free_memory`): within a page its strings reuse each other's
memory, and from one big page to the next the holes they leave do not pile up."""

_tuned = False  # whether this process has kept big blocks on its heap


def is_tuned() -> bool:
    """Whether `keep_big_blocks_on_heap` has tuned this process (so that workers started
    afresh, not forked, do the same).

    >>> isinstance(is_tuned(), bool)
    True
    """
    return _tuned


def runs_on_glibc() -> bool:
    """Whether this process's C library is glibc (on Linux).

    >>> isinstance(runs_on_glibc(), bool)
    True
    """
    if sys.platform != "linux":
        return False
    try:
        return os.confstr("CS_GNU_LIBC_VERSION") is not None
    except (ValueError, OSError):  # not glibc: musl has no such name
        return False


@functools.cache
def _glibc() -> ctypes.CDLL:
    """The C library, with the prototypes of the two calls used here (glibc only)."""
    libc = ctypes.CDLL(None)
    libc.mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    libc.mallopt.restype = ctypes.c_int
    libc.malloc_trim.argtypes = (ctypes.c_size_t,)
    libc.malloc_trim.restype = ctypes.c_int
    return libc


def keep_big_blocks_on_heap(environ: Mapping[str, str] | None = None) -> bool:
    """Keep big blocks on glibc's heap (see the module's docstring); whether it did.

    Example:

    >>> keep_big_blocks_on_heap({OPT_OUT_ENV: "system"})
    False
    >>> keep_big_blocks_on_heap({"MALLOC_TRIM_THRESHOLD_": "131072"})
    False
    """
    global _tuned
    environ = os.environ if environ is None else environ
    if environ.get(OPT_OUT_ENV) == "system" or any(name in environ for name in GLIBC_MALLOC_ENV):
        return False
    if not runs_on_glibc():
        return False
    mallopt = _glibc().mallopt
    _tuned = all(mallopt(param, value) for param, value in _SETTINGS)
    return _tuned


def release_free_memory() -> bool:
    """Hand the heap's free memory back to the kernel (glibc's `malloc_trim`), in a
    process that `keep_big_blocks_on_heap` tuned; whether it did.

    Example:

    >>> release_free_memory() == is_tuned()  # nothing to do in a process left as it was
    True
    """
    if not _tuned:
        return False
    _glibc().malloc_trim(0)
    return True
