"""The chain's CPU-time guard (`newsclean.cpu_guard`): a runaway `re` match inside any
filter stops at the guard, and the document is flagged and passed through as it was
before that filter; where the guard cannot be armed it stands aside.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import re
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs
import pytest

from newsclean import Config, Document, Flag, default_chain
from newsclean.chain import Chain, filter_named
from newsclean.cpu_guard import ChainTimeLimit, cpu_time_limit
from newsclean.runner import RunSettings, run

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers here")

PAGE = (
    "Harbour  Ferries Resume After Storm\n"
    "Share this article\n"
    "The harbour authority said ferries would run again from Monday morning.\n"
    "Repairs to the north pier took three weeks and cost the town two million.\n"
)

# A pattern that was argued linear and is not: nested repeats, exponential in `re` on a
# word with no dollar sign after it (a minute of CPU here for 30 letters, doubling with
# each letter).
RUNAWAY = re.compile(r"(?:[a-z]+)+\$")


def runaway_filter(doc: Document, config: Config) -> Document:
    RUNAWAY.match("a" * 30 + "!")
    return doc


def busy_filter(doc: Document, config: Config) -> Document:
    """Half a second of CPU, then done: slow, not runaway."""
    started = time.process_time()
    while time.process_time() - started < 0.5:
        pass
    return doc


@pytest.fixture(autouse=True)
def _no_timer_left() -> Iterator[None]:
    yield
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0), "a guard left its timer running"


def test_a_runaway_re_match_is_stopped_and_the_document_passed_through() -> None:
    default_chain()(Document.from_text(PAGE))  # loads the model and word lists outside the guard
    chain = default_chain(Config(chain_timeout=0.2)).with_filter(runaway_filter, after="remove_boilerplate")
    started = time.process_time()
    doc = chain(Document.from_text(PAGE))
    assert time.process_time() - started < 10, "stopped near the guard, not after a minute"
    assert Flag.GUARD_HIT in doc.flags
    # The filters before the runaway one kept their edits, each logged: the headline is
    # taken as the title, the share line removed; restore() still gives the input.
    assert doc.title == "Harbour Ferries Resume After Storm"
    assert "Share this article" not in doc.text
    assert doc.text.startswith("The harbour authority said")
    assert [edit.filter for edit in doc.edits if edit.filter == "remove_boilerplate"]
    assert doc.restore() == PAGE


@pytest.mark.parametrize(("seconds", "armed"), [(None, False), (5.0, True)])
def test_chain_timeout_none_arms_no_timer(seconds: float | None, armed: bool) -> None:
    """While the filters run, the CPU timer is running only if the chain has a guard."""
    seen: list[float] = []

    def look(doc: Document, config: Config) -> Document:
        seen.append(signal.getitimer(signal.ITIMER_VIRTUAL)[0])
        return doc

    chain = Chain([filter_named("normalize_whitespace"), look], Config(chain_timeout=seconds))
    chain(Document.from_text(PAGE))
    assert len(seen) == 1
    assert (seen[0] > 0) is armed


def test_a_slow_filter_within_the_guard_finishes() -> None:
    chain = Chain([filter_named("normalize_whitespace"), busy_filter], Config(chain_timeout=5.0))
    doc = chain(Document.from_text(PAGE))
    assert Flag.GUARD_HIT not in doc.flags
    assert "Harbour Ferries" in doc.text


def test_the_same_filter_over_the_guard_is_flagged() -> None:
    chain = Chain([filter_named("normalize_whitespace"), busy_filter], Config(chain_timeout=0.1))
    doc = chain(Document.from_text(PAGE))
    assert Flag.GUARD_HIT in doc.flags
    assert doc.text == PAGE.replace("Harbour  Ferries", "Harbour Ferries")


def test_the_guard_stands_aside_outside_the_main_thread() -> None:
    """Signals reach the main thread only: in another thread the chain runs unguarded (a
    slow filter finishes, nothing is raised in the main thread)."""
    chain = Chain([busy_filter], Config(chain_timeout=0.1))
    results: list[Document] = []
    worker = threading.Thread(target=lambda: results.append(chain(Document.from_text(PAGE))))
    worker.start()
    worker.join()
    assert len(results) == 1
    assert Flag.GUARD_HIT not in results[0].flags


def _guard_arms() -> bool:
    with cpu_time_limit(5.0) as armed:
        return armed


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_guard_is_armed_in_worker_processes(method: str) -> None:
    """The CLI's workers and `datasets.map(num_proc=...)` clean in the main thread of
    child processes, forked or spawned: the guard is armed there."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
        assert pool.submit(_guard_arms).result(timeout=120) is True


def test_the_guard_leaves_another_owner_of_the_signal_alone() -> None:
    """A profiler that samples with SIGVTALRM keeps its handler and its timer."""
    ticks: list[int] = []
    previous = signal.signal(signal.SIGVTALRM, lambda signum, frame: ticks.append(signum))
    try:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0.01, 0.01)
        doc = Chain([busy_filter], Config(chain_timeout=0.1))(Document.from_text(PAGE))
        signal.setitimer(signal.ITIMER_VIRTUAL, 0.0)
        assert Flag.GUARD_HIT not in doc.flags
        assert len(ticks) > 10, "the profiler's timer kept ticking through the chain"
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0.0)
        signal.signal(signal.SIGVTALRM, previous)


def test_a_chain_inside_a_filter_leaves_the_outer_guard_in_charge() -> None:
    """The inner chain does not arm a second guard, and does not swallow the outer one:
    the outer document is flagged, as before the filter that holds the inner chain."""
    inner = Chain([busy_filter, busy_filter], Config(chain_timeout=100.0))

    def nested(doc: Document, config: Config) -> Document:
        return inner(doc)

    outer = Chain([filter_named("normalize_whitespace"), nested], Config(chain_timeout=0.2))
    doc = outer(Document.from_text(PAGE))
    assert Flag.GUARD_HIT in doc.flags
    assert doc.text.startswith("Harbour Ferries")


def test_the_context_manager_says_whether_it_armed() -> None:
    with cpu_time_limit(5.0) as outer, cpu_time_limit(5.0) as inner:
        pass
    assert (outer, inner) == (True, False)


def test_a_late_signal_after_the_guard_is_lifted_is_ignored() -> None:
    with cpu_time_limit(5.0):
        pass
    signal.raise_signal(signal.SIGVTALRM)  # arrives with no guard armed: nothing raised


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_chain_timeout_must_be_positive_or_none(bad: float) -> None:
    with pytest.raises(ValueError, match="chain_timeout"):
        Config(chain_timeout=bad)


def test_chain_time_limit_is_a_guard_hit() -> None:
    with pytest.raises(TimeoutError):
        raise ChainTimeLimit("x")


@attrs.frozen
class RunawayOptions:
    """The CLI's cleaning options with a chain whose third filter runs away on every
    record (a stand-in for a pattern argued linear that is not)."""

    text_field: str = "text"
    explain: bool = False

    def chain(self) -> Chain:
        return default_chain(Config(chain_timeout=0.3)).with_filter(runaway_filter, after="extract_title")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_passes_runaway_records_through_flagged(tmp_path: Path, workers: int) -> None:
    """`newsclean clean` with 1 and 2 workers: every record comes out, flagged
    `guard_hit`, none is rejected or timed out."""
    pages = [PAGE, PAGE.replace("Harbour", "Valley")]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": page}) + "\n" for i, page in enumerate(pages)),
                      encoding="utf-8")
    settings = RunSettings(inputs=(str(source),), output=tmp_path / "out.jsonl", workers=workers)
    summary = run(RunawayOptions(), settings, log=io.StringIO())
    assert (summary.cleaned, summary.rejected, summary.timeouts) == (2, 0, 0)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == [0, 1]
    assert all(record["newsclean"]["flags"] == ["guard_hit"] for record in records)
    assert [record["newsclean"]["title"] for record in records] == [
        "Harbour Ferries Resume After Storm", "Valley Ferries Resume After Storm"]
