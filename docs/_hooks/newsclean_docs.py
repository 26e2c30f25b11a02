"""MkDocs hooks that write the parts of the site that must follow the code.

- One reference page per registered filter (`filters/<name>.md`) and the filter index: each
  page runs the default chain on a short page written for it and shows the text just before
  and just after that filter, the edits it recorded, the fields it set, and the reasons and
  flags that its module can record (read from the module's source).
- `<!-- config-defaults -->` in a page becomes the table of every `Config` field and default.
- `<!-- cli-help: COMMAND -->` becomes the `--help` text of `newsclean COMMAND`.
- `<!-- languages -->` becomes the table of the languages with package data, and which.
- `>>>` examples in every page run as doctests; a failure is a warning, so
  `mkdocs build --strict` fails on a stale example.
- Pages that other engineers write get a short stand-in while they are missing, so the
  navigation always builds.
"""

from __future__ import annotations

import contextlib
import doctest
import inspect
import io
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

import attrs
from mkdocs.structure.files import File, Files

# The checkout's own package, even when it is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from newsclean.chain import default_chain
from newsclean.config import Config
from newsclean.document import Document
from newsclean.filters import FILTERS

log = logging.getLogger("mkdocs.hooks.newsclean")

# Short pages written for the reference: each gives its filter something to do.
EXAMPLES: dict[str, str] = {
    "fix_encoding": (
        "Caf\u00c3\u00a9 owners welcome longer opening hours\n"
        "The caf\u00c3\u00a9 on Marsh Street will stay open until midnight at weekends.\n"
        "Its owner said the change would \u00e2\u20ac\u0153bring the street back to "
        "life\u00e2\u20ac\u009d after a quiet winter."
    ),
    "normalize_whitespace": (
        "Ferry timetable changes   from Monday\r\n"
        "\tThe first crossing will leave at 6.40am,\u00a0twenty minutes earlier than now.  \r\n"
        "Passengers with advance tickets\x07 do not need to rebook."
    ),
    "detect_page_language": (
        "Stadtbibliothek verl\u00e4ngert die \u00d6ffnungszeiten\n"
        "Die Stadtbibliothek hat ab dem kommenden Monat an Werktagen bis 21 Uhr ge\u00f6ffnet.\n"
        "Das hat der Stadtrat am Donnerstag beschlossen, nachdem eine Umfrage gezeigt hatte, "
        "dass sich die meisten Besucher l\u00e4ngere \u00d6ffnungszeiten w\u00fcnschen."
    ),
    "extract_title": (
        "date 2024-01-12 Library opening hours extended over winter\n"
        "Library opening hours extended over winter\n"
        "The central library will stay open until 9pm on weekdays from next month."
    ),
    "extract_dateline": (
        "Library opening hours extended over winter\n"
        "12 January 2024, 09:30\n"
        "The central library will stay open until 9pm on weekdays from next month."
    ),
    "extract_byline": (
        "Library opening hours extended over winter\n"
        "By Priya Natarajan\n"
        "The central library will stay open until 9pm on weekdays from next month."
    ),
    "extract_captions": (
        "Library opening hours extended over winter\n"
        "The central library will stay open until 9pm on weekdays from next month.\n"
        "The reading room of the central library, which is often full by six o'clock.\n"
        "The reading room of the central library, which is often full by six o'clock. "
        "Picture: Harbridge Council\n"
        "Staff said evening visitors were mostly students and people coming from work."
    ),
    "remove_boilerplate": (
        "Library opening hours extended over winter\n"
        "Listen to this article\n"
        "Share this article\n"
        "The central library will stay open until 9pm on weekdays from next month.\n"
        "Read more: Council tax to rise by 3% in April\n"
        "Staff said evening visitors were mostly students and people coming from work.\n"
        "Subscribe to our newsletter\n"
        "\u00a9 2024 Harbridge Post. All rights reserved."
    ),
    "remove_teaser_lists": (
        "Library opening hours extended over winter\n"
        "The central library will stay open until 9pm on weekdays from next month, the "
        "council said on Thursday.\n"
        "Staff said evening visitors were mostly students and people coming straight from "
        "work, and that the reading room was often full by six o'clock.\n"
        "More Latest News\n"
        "Council tax to rise by 3% in April\n"
        "New cycle lane opens on the ring road\n"
        "Harbridge Rovers sign striker on loan\n"
        "Man charged after bypass crash"
    ),
    "drop_outside_article": (
        "Library opening hours extended over winter\n"
        "Local\n"
        "Politics\n"
        "Harbridge Post\n"
        "The central library will stay open until 9pm on weekdays from next month, the "
        "council said on Thursday, after a survey found that most visitors wanted later hours.\n"
        "The change will cost about \u00a340,000 a year and will be paid for from the "
        "culture budget, which was increased in the autumn.\n"
        "Staff said evening visitors were mostly students and people coming straight from "
        "work, and that the reading room was often full by six o'clock."
    ),
    "remove_repeated_lines": (
        "Library opening hours extended over winter\n"
        "The central library will stay open until 9pm on weekdays from next month.\n"
        "\"We listened to what people told us,\" said councillor Ann Reid.\n"
        "The change will cost about \u00a340,000 a year.\n"
        "\"We listened to what people told us,\" said councillor Ann Reid.\n"
        "Staff said evening visitors were mostly students and people coming from work."
    ),
    "tidy_blank_lines": (
        "\n\nLibrary opening hours extended over winter\n\n\n\n"
        "The central library will stay open until 9pm on weekdays from next month.\n\n\n"
        "Staff said evening visitors were mostly students and people coming from work.\n\n"
    ),
}

# The reasons and flags each filter can record (checked against the examples at build time).
RECORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fix_encoding": (("encoding",), ("encoding_repaired",)),
    "normalize_whitespace": (("whitespace", "control_chars"), ()),
    "detect_page_language": ((), ()),
    "extract_title": (("page_header", "title"), ()),
    "extract_dateline": (("dateline",), ()),
    "extract_byline": (("byline",), ()),
    "extract_captions": (("caption", "alt_text"), ()),
    "remove_boilerplate": (
        ("audio_widget", "inline_teaser", "share", "subscribe", "cookie", "navigation",
         "footer", "comments", "advertisement", "widget"),
        (),
    ),
    "remove_teaser_lists": (("teaser_heading", "teaser_list"), ()),
    "drop_outside_article": (("outside_article",), ("no_article_found",)),
    "remove_repeated_lines": (("repeated_line",), ()),
    "tidy_blank_lines": (("blank_lines",), ()),
}

# Pages other engineers write; a stand-in is generated while one is missing.
OTHERS_PAGES = {
    "integrations.md": "Integrations",
    "profiles.md": "Site profiles",
    "reliability.md": "Reliability",
    "quality.md": "Quality benchmark",
    "benchmarks/throughput.md": "Throughput benchmark",
}


def _fence(text: str, lang: str = "text") -> str:
    ticks = "````" if "```" in text else "```"
    return f"{ticks}{lang}\n{text}\n{ticks}"


def _shown(text: str) -> str:
    """Text for a code block, with invisible characters made visible."""
    marks = {"\r": "\\r", "\t": "\\t", "\u00a0": "\\u00a0", "\x07": "\\x07"}
    return "".join(marks.get(ch, ch) for ch in text) or "(empty)"


def _cell(text: str) -> str:
    """A table cell showing `text` exactly, newlines as ⏎ (empty for empty text)."""
    if not text:
        return ""
    shown = _shown(text).replace("\n", "⏎").replace("|", "\\|").replace("`", "'")
    return f"`{shown}`"


def _recorded_names(module: str, kind: str) -> list[str]:
    source = inspect.getsource(__import__(module, fromlist=["_"]))
    return sorted({m.lower() for m in re.findall(rf"\b{kind}\.([A-Z_]+)\b", source)})


def _run_to(name: str, page: str) -> tuple[Document, Document]:
    """The document just before and just after the filter `name` in the default chain."""
    chain = default_chain()
    doc = Document.from_text(page)
    for step in chain.filters:
        before = doc
        doc = step(doc, chain.config)
        if step.__name__ == name:
            return before, doc
    raise KeyError(name)


_FIELDS = ("title", "published", "byline", "lang")


def filter_page(name: str) -> str:
    """The reference page of one filter."""
    step = FILTERS[name]
    module = step.__module__
    out = [f"# `{name}`", "", f"::: {module}.{name}", "    options:",
           "      show_root_heading: false", "      show_source: false", ""]
    if name in RECORDS:
        reasons, flags = (list(names) for names in RECORDS[name])
    else:  # a filter added since: what its module mentions
        reasons, flags = _recorded_names(module, "Reason"), _recorded_names(module, "Flag")
    out.append("## Reasons it records")
    out.append("")
    if reasons:
        out.append(", ".join(f"`{r}`" for r in reasons))
    else:
        out.append("None: it removes nothing.")
    if flags:
        out += ["", "Flags it can set: " + ", ".join(f"`{f}`" for f in flags) + "."]
    out.append("")
    page = EXAMPLES.get(name)
    if page is None:
        out += ["## Example", "", "No example page is written for this filter yet."]
        return "\n".join(out) + "\n"
    before, after = _run_to(name, page)
    added = after.edits[len(before.edits):]
    for edit in added:
        if edit.reason.value not in reasons:
            log.warning("filter %s recorded %s, not listed in RECORDS", name, edit.reason.value)
    out += [
        "## Example",
        "",
        "The default chain run on a short page; this is the text just before and just after "
        f"`{name}` (generated when the site is built).",
        "",
        "Before:",
        "",
        _fence(_shown(before.text)),
        "",
        "After:",
        "",
        _fence(_shown(after.text)),
        "",
    ]
    if added:
        out += ["Edits recorded:", "", "| reason | removed | inserted |", "|---|---|---|"]
        for edit in added:
            cells = [_cell(edit.removed), _cell(edit.inserted)]
            out.append(f"| `{edit.reason.value}` | {cells[0]} | {cells[1]} |")
        out.append("")
    else:
        out += ["It recorded no edit on this page.", ""]
    changed = [f for f in _FIELDS if getattr(before, f) != getattr(after, f)]
    for field in changed:
        out.append(f"- `{field}` set to `{getattr(after, field)}`")
    for caption in after.captions[len(before.captions):]:
        credit = f" (credit `{caption.credit}`)" if caption.credit else ""
        out.append(f"- caption `{caption.text}`{credit}")
    for flag in sorted(f.value for f in after.flags - before.flags):
        out.append(f"- flag `{flag}`")
    return "\n".join(out) + "\n"


def filters_index() -> str:
    rows = ["# Filters", "",
            "The default chain runs these filters in this order. Each is a pure function "
            "`(Document, Config) -> Document`; see [Concepts](../concepts.md).", "",
            "| # | filter | what it does |", "|---|---|---|"]
    for k, (name, step) in enumerate(FILTERS.items(), 1):
        summary = (inspect.getdoc(step) or "").split("\n\n")[0].replace("\n", " ")
        summary = summary.replace("|", "\\|")
        rows.append(f"| {k} | [`{name}`]({name}.md) | {summary} |")
    return "\n".join(rows) + "\n"


def config_table() -> str:
    """Every `Config` field with its type, default and description."""
    described: dict[str, str] = {}
    doc = inspect.getdoc(Config) or ""
    current = None
    for line in doc.split("Attributes:", 1)[-1].splitlines():
        match = re.match(r"^    (\w+): (.*)$", line)
        if match:
            current = match.group(1)
            described[current] = match.group(2)
        elif current and line.startswith("        "):
            described[current] += " " + line.strip()
    rows = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for field in attrs.fields(Config):
        kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        text = described.get(field.name, "").replace("|", "\\|")
        rows.append(f"| `{field.name}` | `{kind}` | `{field.default!r}` | {text} |")
    return "\n".join(rows)


def languages_table() -> str:
    """Each language with package data, a column per kind of data (`resources.DATA_KINDS`)."""
    from newsclean.resources import DATA_KINDS, language_coverage

    rows = ["| language | " + " | ".join(DATA_KINDS) + " |", "|---|" + "---|" * len(DATA_KINDS)]
    for lang, kinds in language_coverage().items():
        cells = ("yes" if kind in kinds else "" for kind in DATA_KINDS)
        rows.append(f"| `{lang}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def cli_help(command: str) -> str:
    from newsclean.cli import main

    buffer = io.StringIO()
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
            main([command, "--help"] if command else ["--help"])
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old
    return _fence(buffer.getvalue().rstrip())


def on_config(config: Any) -> Any:
    """Put one navigation entry per registered filter under "Filters"."""
    entries: list[Any] = ["filters/index.md"]
    entries += [{name: f"filters/{name}.md"} for name in FILTERS]
    for k, item in enumerate(config["nav"] or []):
        if isinstance(item, dict) and "Filters" in item:
            config["nav"][k] = {"Filters": entries}
    return config


def on_files(files: Files, config: Any) -> Files:
    files.append(File.generated(config, "filters/index.md", content=filters_index()))
    for name in FILTERS:
        files.append(File.generated(config, f"filters/{name}.md", content=filter_page(name)))
    for path, title in OTHERS_PAGES.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(
                config, path, content=f"# {title}\n\nThis page is being written.\n"))
    return files


def _run_doctests(markdown: str, name: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(markdown, {}, name, name, 0)
    if not test.examples:
        return
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=report.write)
    if runner.failures:
        log.warning("%s: %d example(s) fail:\n%s", name, runner.failures, report.getvalue())


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    markdown = markdown.replace("<!-- config-defaults -->", config_table())
    markdown = markdown.replace("<!-- languages -->", languages_table())
    markdown = re.sub(
        r"<!-- cli-help: ?([\w-]*) -->", lambda m: cli_help(m.group(1)), markdown
    )
    _run_doctests(markdown, page.file.src_uri)
    return markdown
