"""A griffe extension that fences the `>>>` examples of docstrings as `pycon` code.

Plain docstrings (not Google "Examples:" sections) would otherwise be read as Markdown, where
`rows["lines"][1]` looks like a link reference.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_examples(text: str) -> str:
    """Wrap each run of `>>>` lines and the output under them in a ```` ```pycon ```` fence.

    >>> fence_examples("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nAfter.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    inside = False
    fenced = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not inside and stripped.startswith(">>>"):
            out.append(line[: len(line) - len(line.lstrip())] + "```pycon")
            inside = True
        elif inside and not stripped:
            out.append(out[-1][: len(out[-1]) - len(out[-1].lstrip())] + "```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the doctest examples of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_examples(obj.docstring.value)
