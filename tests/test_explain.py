"""`explain.line_statuses`: each input line kept or removed, and by which filter."""

from __future__ import annotations

from newsclean import Document, Reason, clean
from newsclean.explain import line_statuses
from newsclean.filters import remove_boilerplate

PAGE = (
    "Ferries stopped on Monday as the storm reached the islands.\n"
    "Ferries ran again on Tuesday, the operator said.\n"
    "Share this article"
)


def test_a_line_before_a_dropped_last_line_is_kept_unchanged() -> None:
    # The dropped last line takes the newline before it; the line above is not changed.
    doc = remove_boilerplate(Document.from_text(PAGE, lang="en"))
    rows = line_statuses(doc)
    assert [(row.kept, row.filter, row.reason) for row in rows] == [
        (True, None, None),
        (True, None, None),
        (False, "remove_boilerplate", Reason.SHARE),
    ]
    assert [row.text for row in rows] == PAGE.split("\n")


def test_a_repaired_line_is_kept_and_names_its_filter() -> None:
    page = (
        "Harbour café reopens\nShare this article\n"
        "The cafÃ© by the pier reopened on Tuesday after the storm."
    )
    rows = line_statuses(clean(page))
    assert [(row.kept, row.filter) for row in rows] == [
        (False, "extract_title"),
        (False, "remove_boilerplate"),
        (True, "fix_encoding"),
    ]


def test_a_dropped_run_in_the_middle_marks_only_its_lines() -> None:
    page = (
        "Ferries stopped on Monday as the storm reached the islands.\n"
        "Share on Facebook\nShare on Twitter\n"
        "Ferries ran again on Tuesday, the operator said."
    )
    rows = line_statuses(remove_boilerplate(Document.from_text(page, lang="en")))
    assert [row.kept for row in rows] == [True, False, False, True]
    assert rows[0].filter is None and rows[3].filter is None
