"""The data model: `Document`, `Edit`, `Caption`, the edit log and `restore()`."""

from __future__ import annotations

import attrs
import pytest

from newsclean import Caption, Document, Edit, Flag, Reason
from newsclean.document import apply_edits

PAGE = (
    "Storm Agnes closes coast road\n"
    "Listen to this article\n"
    "The coast road between Westhaven and Porthmoor closed at dawn on Tuesday.\n"
    "“We had no choice,” said the council’s highways chief."
)


def test_from_text_keeps_text_and_metadata() -> None:
    doc = Document.from_text(PAGE, id="p1", url="https://example.test/storm", lang="en")
    assert doc.text == PAGE
    assert (doc.id, doc.url, doc.lang) == ("p1", "https://example.test/storm", "en")
    assert doc.title is None and doc.published is None and doc.byline is None
    assert doc.captions == () and doc.flags == frozenset() and doc.edits == ()


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a line"]])
def test_from_text_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        Document.from_text(bad)  # type: ignore[arg-type]


def test_from_text_rejects_unknown_metadata_and_lists_known() -> None:
    with pytest.raises(TypeError) as info:
        Document.from_text("Body", author="Jane Doe")
    message = str(info.value)
    assert "author" in message
    for known in ("title", "published", "byline", "lang", "id", "url"):
        assert known in message


def test_document_is_frozen() -> None:
    doc = Document.from_text(PAGE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("First line.\n\n  Second line.  \n\n\n", ["First line.", "Second line."]),
        ("", []),
        ("\n \n", []),
        ("青岚山发现新物种。\n研究人员说。", ["青岚山发现新物种。", "研究人员说。"]),
    ],
)
def test_paragraphs_are_non_blank_stripped_lines(text: str, paragraphs: list[str]) -> None:
    assert Document.from_text(text).paragraphs == paragraphs


def test_with_no_edits_returns_same_object() -> None:
    doc = Document.from_text(PAGE)
    assert doc.with_edits([]) is doc


def test_with_edits_applies_and_logs() -> None:
    doc = Document.from_text(PAGE)
    start = PAGE.index("Listen")
    removed = "Listen to this article\n"
    out = doc.with_edits([Edit("demo", Reason.AUDIO_WIDGET, start, removed)])
    assert "Listen to this article" not in out.text
    assert out.edits == (Edit("demo", Reason.AUDIO_WIDGET, start, removed),)
    assert out.restore() == PAGE
    assert doc.text == PAGE  # the original is untouched


@pytest.mark.parametrize("changes", [{}, {"title": "Ferries resume"}], ids=["edits only", "with a field"])
def test_with_edits_keeps_every_other_field(changes: dict[str, str]) -> None:
    doc = attrs.evolve(
        Document.from_text("Ferries resume\nShare this\nFerries ran again.", title="T",
                           published="2024-03-05", byline="Ana Lima", lang="en", id="p1",
                           url="https://example.test/p1"),
        captions=[Caption("A boat at the pier.", credit="PA")], flags={Flag.ENCODING_REPAIRED},
    )  # fmt: skip
    out = doc.with_edits([Edit("demo", Reason.SHARE, 15, "Share this\n")], **changes)
    for field in attrs.fields(Document):
        if field.name not in ("text", "edits", *changes):
            assert getattr(out, field.name) == getattr(doc, field.name), field.name
    assert out.text == "Ferries resume\nFerries ran again." and len(out.edits) == 1
    assert all(getattr(out, name) == value for name, value in changes.items())


def test_edit_offsets_are_relative_to_the_text_left_by_earlier_edits() -> None:
    text = "Home | News | Sport\nThe bridge reopened.\nShare this article\nTraffic was light."
    first = Edit("demo", Reason.NAVIGATION, 0, "Home | News | Sport\n")
    # after the first edit the share line starts at 21 instead of 41
    second = Edit("demo", Reason.SHARE, len("The bridge reopened.\n"), "Share this article\n")
    doc = Document.from_text(text).with_edits([first, second])
    assert doc.text == "The bridge reopened.\nTraffic was light."
    assert doc.restore() == text
    assert apply_edits(text, doc.edits) == doc.text


def test_replacement_edit_restores() -> None:
    text = "The mayorâ€™s office"
    edit = Edit("demo", Reason.ENCODING, 0, text, "The mayor’s office")
    doc = Document.from_text(text).with_edits([edit])
    assert doc.text == "The mayor’s office"
    assert doc.restore() == text


def test_restore_uses_the_log_not_a_stored_copy() -> None:
    doc = Document.from_text("Share\nBody text.").with_edits([Edit("demo", Reason.SHARE, 0, "Share\n")])
    forged = attrs.evolve(doc, edits=())
    assert forged.restore() == "Body text."


def test_apply_edits_refuses_an_edit_that_does_not_match() -> None:
    with pytest.raises(ValueError, match="does not match"):
        apply_edits("Body text.", [Edit("demo", Reason.SHARE, 0, "Share\n")])


@pytest.mark.parametrize(
    "edit",
    [
        Edit("remove_boilerplate", Reason.COOKIE, 12, "We use cookies to improve your experience.\n"),
        Edit("fix_encoding", Reason.ENCODING, 0, "cafÃ©", "café"),
        Edit("extract_captions", Reason.CAPTION, 3, "Φωτογραφία: Δήμος Λευκόπετρας\n"),
    ],
)
def test_edit_round_trips_through_dict(edit: Edit) -> None:
    row = edit.to_dict()
    assert row["reason"] == edit.reason.value
    assert Edit.from_dict(row) == edit


def test_caption_to_dict() -> None:
    assert Caption("Fans at the final", "AP Photo/Jane Doe").to_dict() == {
        "text": "Fans at the final",
        "credit": "AP Photo/Jane Doe",
    }
    assert Caption("A quiet street").to_dict() == {"text": "A quiet street", "credit": None}


def test_removed_by_and_to_dict_count_lines_per_reason() -> None:
    text = "Menu\nSearch\nThe bridge reopened.\nShare\nTweet\nTraffic was light."
    doc = Document.from_text(text).with_edits(
        [
            Edit("demo", Reason.NAVIGATION, 0, "Menu\nSearch\n"),
            Edit("demo", Reason.SHARE, 21, "Share\nTweet\n"),
        ]
    )
    assert doc.text == "The bridge reopened.\nTraffic was light."
    assert doc.removed_by(Reason.SHARE) == ["Share\nTweet\n"]
    assert doc.removed_by(Reason.FOOTER) == []
    summary = doc.to_dict()
    assert summary["removed_by_reason"] == {"navigation": 2, "share": 2}
    assert summary["removed_lines"] == 4
    assert "edits" not in summary
    assert len(doc.to_dict(explain=True)["edits"]) == 2


def test_to_dict_counts_a_dropped_last_line_once() -> None:
    text = "The bridge reopened.\nAccept all cookies"
    edit = Edit("remove_boilerplate", Reason.COOKIE, 20, "\nAccept all cookies")
    doc = Document.from_text(text).with_edits([edit])
    assert doc.text == "The bridge reopened."
    assert doc.to_dict()["removed_by_reason"] == {"cookie": 1}


def test_to_dict_is_json_ready() -> None:
    doc = attrs.evolve(
        Document.from_text("Body.", title="T", lang="de"),
        captions=[Caption("Ein Bild", "dpa")],
        flags={Flag.MOSTLY_REMOVED, Flag.ENCODING_REPAIRED},
    )
    out = doc.to_dict()
    assert out["flags"] == ["encoding_repaired", "mostly_removed"]
    assert out["captions"] == [{"text": "Ein Bild", "credit": "dpa"}]
    assert isinstance(doc.captions, tuple) and isinstance(doc.flags, frozenset)
