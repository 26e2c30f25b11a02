"""A run's output written to a pipe (`newsclean clean ... -o -`): each chunk's records
go to standard output as soon as the chunk is done, in input order.

A pipe cannot be cut back or renamed, so such a run keeps no journal and cannot be
resumed; what it wrote is what the reader got. Rejected records go, one JSON line each,
to the rejects file when the run names one (`--rejects`), else to standard error behind
`newsclean: rejected `, so that none is lost silently. A reader that stops early (`| head`)
closes the pipe: the next write raises `BrokenPipeError`, which the run loop takes as the
end of the run (`newsclean.runner.OUTPUT_CLOSED`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TextIO

from newsclean.journal import Outcome

# The output path that means standard output.
STDOUT = "-"
# The prefix of a rejected record written to standard error.
REJECT_PREFIX = "newsclean: rejected "


def is_stdout(output: Path) -> bool:
    """Whether a run writing `output` writes to standard output.

    >>> is_stdout(Path("-")), is_stdout(Path("out/-")), is_stdout(Path("clean.jsonl"))
    (True, False, False)
    """
    return str(output) == STDOUT


class PipedOutput:
    """Writes each committed chunk's records to `stream` and flushes it; the rejects to
    `rejects` (a file, appended to, created at the first reject) or, without one, to `log`.

    Example:

    >>> import io
    >>> from newsclean.journal import Position
    >>> out, log = io.BytesIO(), io.StringIO()
    >>> piped = PipedOutput(out, None, log)
    >>> piped.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}'),
    ...               Outcome(Position(0, 2), 9, reject=b'{"error": "invalid JSON"}')])
    >>> out.getvalue(), log.getvalue()
    (b'{"text": "Ferries ran again."}\\n', 'newsclean: rejected {"error": "invalid JSON"}\\n')
    """

    def __init__(self, stream: IO[bytes], rejects: Path | None, log: TextIO) -> None:
        self.stream = stream
        self.rejects = rejects
        self.log = log
        self._rejects_file: IO[bytes] | None = None

    def start_fresh(self) -> None:
        """Empty the rejects file named for this run (a stale one would mislead)."""
        if self.rejects is not None:
            self.rejects.parent.mkdir(parents=True, exist_ok=True)
            self.rejects.unlink(missing_ok=True)

    def commit(self, outcomes: Sequence[Outcome]) -> None:
        """Write the chunk's records out, then its rejects; `BrokenPipeError` when the
        reader has gone."""
        outputs = [o.output for o in outcomes if o.output is not None]
        if outputs:
            self.stream.write(b"\n".join(outputs) + b"\n")
            self.stream.flush()
        for outcome in outcomes:
            if outcome.reject is not None:
                self._reject(outcome.reject)

    def _reject(self, row: bytes) -> None:
        if self.rejects is None:
            self.log.write(REJECT_PREFIX + row.decode("utf-8") + "\n")
            self.log.flush()
            return
        if self._rejects_file is None:
            self._rejects_file = self.rejects.open("ab")
        self._rejects_file.write(row + b"\n")
        self._rejects_file.flush()

    def close(self) -> None:
        """Close the rejects file, if one was opened."""
        if self._rejects_file is not None:
            self._rejects_file.close()
            self._rejects_file = None
