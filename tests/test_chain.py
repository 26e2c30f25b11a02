# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`Chain`, `default_chain`, `clean()` and `Config`: composition, the over-deletion guard,
and the edit log of the whole chain."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsclean
from newsclean import Chain, Config, Document, Flag, Reason, UnknownFilterError, default_chain
from newsclean.chain import filter_named
from newsclean.document import apply_edits
from newsclean.filters import FILTERS, remove_boilerplate
from newsclean.lines import drop_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
FIXTURE_PAGES = sorted(FIXTURES.glob("*.txt"))

# Small pages in several languages, with the boilerplate a dump carries.
PAGES = {
    "en": (
        "Council approves new car park charges\n"
        "Menu\nNews\nSport\n"
        "Listen to this article\n"
        "Westmoor council has approved new charges for its town-centre car parks, starting in April.\n"
        "Drivers will pay £1.20 an hour, up from 90p, the first rise in six years.\n"
        "Share\nTweet\n"
        "© Westmoor Gazette 2023"
    ),
    "de": (
        "Stadtrat beschließt neue Parkgebühren\n"
        "Startseite\n"
        "Artikel anhören\n"
        "Der Stadtrat von Hohenfeld hat am Dienstag neue Gebühren für die Parkhäuser in der Innenstadt beschlossen.\n"
        "Autofahrer zahlen künftig 1,50 Euro pro Stunde, teilte die Stadt mit.\n"
        "Artikel teilen\n"
        "Alle Cookies akzeptieren"
    ),
    "ru": (
        "В Заречье открыли новый мост через реку\n"
        "Главная\n"
        "Новый мост через реку Светлую открыли в Заречье во вторник после двух лет строительства.\n"
        "По словам мэра, мост сократит дорогу до областного центра на двадцать минут.\n"
        "Поделиться\n"
        "Читайте также: Пробки на въезде в город"
    ),
    "zh": (
        "青岚市新建跨江大桥正式通车\n"
        "首页\n"
        "青岚市跨江大桥于本周二正式通车，从江北到江南的车程缩短到十分钟。\n"
        "市交通局表示，大桥全长一千二百米，双向六车道，历时三年建成。\n"
        "分享到\n"
        "版权所有 © 青岚日报"
    ),
}


def test_default_chain_runs_every_registered_filter_in_order() -> None:
    chain = default_chain()
    assert chain.names == tuple(FILTERS)
    assert chain.config == Config()
    assert chain.names[0] == "normalize_whitespace"
    assert chain.names[-1] == "tidy_blank_lines"


def test_without_leaves_out_named_filters() -> None:
    chain = default_chain()
    smaller = chain.without("remove_boilerplate", "remove_teaser_lists")
    assert smaller.names == tuple(
        n for n in chain.names if n not in {"remove_boilerplate", "remove_teaser_lists"}
    )
    assert chain.names == tuple(FILTERS)  # the original chain is unchanged


def test_default_chain_skip() -> None:
    assert "drop_outside_article" not in default_chain(skip=["drop_outside_article"]).names


def test_without_boilerplate_keeps_boilerplate_lines() -> None:
    chain = default_chain().without("remove_boilerplate", "drop_outside_article")
    doc = chain(Document.from_text(PAGES["en"]))
    assert "Listen to this article" in doc.paragraphs
    assert doc.removed_by(Reason.AUDIO_WIDGET) == []


@pytest.mark.parametrize("name", ["remove_ads", "Remove_Boilerplate", "remove_boilerplate "])
def test_unknown_names_raise_and_list_the_known_ones(name: str) -> None:
    chain = default_chain()
    for call in (
        lambda: chain.without(name),
        lambda: chain.with_filter(remove_boilerplate, after=name),
        lambda: chain.with_filter(remove_boilerplate, before=name),
        lambda: default_chain(skip=[name]),
        lambda: filter_named(name),
    ):
        with pytest.raises(UnknownFilterError) as info:
            call()
        assert isinstance(info.value, KeyError)
        message = str(info.value)
        assert repr(name) in message
        for known in FILTERS:
            assert known in message


def test_empty_anchor_name_is_unknown() -> None:
    with pytest.raises(UnknownFilterError):
        default_chain().with_filter(remove_boilerplate, after="")


def test_filter_named_finds_registered_filters() -> None:
    for name, step in FILTERS.items():
        assert filter_named(name) is step
        assert step.__name__ == name


def _drop_advert_lines(doc: Document, config: Config) -> Document:
    lines = doc.text.split("\n")
    drops = {i: Reason.ADVERTISEMENT for i, line in enumerate(lines) if line == "ANZEIGE"}
    return drop_lines(doc, lines, drops, "_drop_advert_lines")


def test_with_filter_at_end_after_and_before() -> None:
    chain = default_chain()
    assert chain.with_filter(_drop_advert_lines).names == (*chain.names, "_drop_advert_lines")
    after = chain.with_filter(_drop_advert_lines, after="fix_encoding").names
    assert after[:3] == ("normalize_whitespace", "fix_encoding", "_drop_advert_lines")
    before = chain.with_filter(_drop_advert_lines, before="tidy_blank_lines").names
    assert before[-2:] == ("_drop_advert_lines", "tidy_blank_lines")


def test_added_filter_runs_and_records_its_reason() -> None:
    page = (
        "Die Stadt Hohenfeld saniert ab Montag die Brücke über die Lauter.\n"
        "ANZEIGE\n"
        "Die Arbeiten sollen bis Ende Oktober dauern, teilte die Stadtverwaltung mit."
    )
    chain = Chain([_drop_advert_lines])
    doc = chain(Document.from_text(page))
    assert "ANZEIGE" not in doc.text
    assert doc.removed_by(Reason.ADVERTISEMENT) == ["ANZEIGE\n"]
    assert doc.restore() == page


def test_with_config() -> None:
    chain = default_chain()
    assert chain.with_config(min_kept_share=0.3).config.min_kept_share == 0.3
    other = Config(select_article=False)
    assert chain.with_config(other).config is other
    assert chain.config == Config()


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_removes_boilerplate_in_each_language(lang: str) -> None:
    page = PAGES[lang]
    doc = newsclean.clean(page)
    lines = page.split("\n")
    assert doc.title == lines[0]
    assert doc.lang == lang
    assert doc.paragraphs == [line for line in lines if line.endswith((".", "。"))]
    assert doc.restore() == page
    assert apply_edits(page, doc.edits) == doc.text


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_whole_chain_restores_and_replays_fixture_pages(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    doc = newsclean.clean(page)
    assert doc.restore() == page
    assert apply_edits(page, doc.edits) == doc.text
    assert {edit.filter for edit in doc.edits} <= set(FILTERS)


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_each_filter_alone_restores_and_replays(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    doc = Document.from_text(page)
    for name, step in FILTERS.items():
        out = step(doc, Config())
        assert out.restore() == page, name
        assert apply_edits(page, out.edits) == out.text, name
        assert all(edit.filter == name for edit in out.edits[len(doc.edits) :])
        doc = out


@pytest.mark.parametrize("page", ["", "\n\n", "   ", "Nothing to clean here."])
def test_clean_handles_trivial_pages(page: str) -> None:
    doc = newsclean.clean(page)
    assert doc.restore() == page
    assert Flag.MOSTLY_REMOVED not in doc.flags or page.strip() == ""


def test_clean_passes_metadata_and_config() -> None:
    doc = newsclean.clean(PAGES["en"], id="w-17", url="https://example.test/parking")
    assert (doc.id, doc.url) == ("w-17", "https://example.test/parking")
    forced = newsclean.clean(PAGES["en"], config=Config(lang="de"))
    assert forced.lang == "de"


def test_cleaning_twice_equals_cleaning_once() -> None:
    for page in PAGES.values():
        once = newsclean.clean(page).text
        assert newsclean.clean(once).text == once


# The over-deletion guard -------------------------------------------------------------

NAVIGATION_ONLY = (
    "Home\nNews\nSport\nWeather\nSign in\nSearch\nPrivacy policy\nContact us\n© Example Media 2023"
)


def _drop_all_but_first(doc: Document, config: Config) -> Document:
    lines = doc.text.split("\n")
    return drop_lines(
        doc, lines, {i: Reason.OUTSIDE_ARTICLE for i in range(1, len(lines))}, "_drop_all_but_first"
    )


def test_chain_flags_a_document_that_lost_most_of_its_words() -> None:
    page = "\n".join(
        ["Short kept line."] + [f"Paragraph {i} of the story goes on at some length here." for i in range(9)]
    )
    doc = Chain([_drop_all_but_first])(Document.from_text(page))
    assert doc.text == "Short kept line."
    assert Flag.MOSTLY_REMOVED in doc.flags
    assert doc.restore() == page


def test_min_kept_share_sets_the_threshold() -> None:
    page = "One two three four five six.\nSeven eight nine ten."
    keep_first = Chain([_drop_all_but_first])
    # 23 of 41 non-space characters kept (0.561)
    assert (
        Flag.MOSTLY_REMOVED not in keep_first.with_config(min_kept_share=0.56)(Document.from_text(page)).flags
    )
    assert Flag.MOSTLY_REMOVED in keep_first.with_config(min_kept_share=0.57)(Document.from_text(page)).flags
    assert (
        Flag.MOSTLY_REMOVED not in keep_first.with_config(min_kept_share=0.0)(Document.from_text(page)).flags
    )


def test_page_without_article_is_flagged_not_emptied() -> None:
    doc = newsclean.clean(NAVIGATION_ONLY)
    assert Flag.NO_ARTICLE_FOUND in doc.flags or Flag.MOSTLY_REMOVED in doc.flags
    assert doc.restore() == NAVIGATION_ONLY


# Config ------------------------------------------------------------------------------


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_config_rejects_shares_outside_0_1(share: float) -> None:
    with pytest.raises(ValueError, match="min_kept_share"):
        Config(min_kept_share=share)


@pytest.mark.parametrize(
    "field",
    [
        "max_headline_words",
        "max_byline_words",
        "max_dateline_chars",
        "teaser_stop_run",
        "article_min_words",
        "drop_repeats_min_chars",
    ],
)
@pytest.mark.parametrize("value", [0, -3])
def test_config_rejects_counts_below_one(field: str, value: int) -> None:
    with pytest.raises(ValueError, match=field):
        attrs.evolve(Config(), **{field: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0.0, 1.0, -0.2, 1.5, float("nan")])
def test_config_rejects_article_thresholds_outside_0_1(value: float) -> None:
    with pytest.raises(ValueError, match="article_threshold"):
        Config(article_threshold=value)


def test_config_is_frozen_and_hashable() -> None:
    config = Config()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        config.min_kept_share = 0.5  # type: ignore[misc]
    assert hash(config) == hash(Config())
    assert Config(min_kept_share=1.0).min_kept_share == 1.0


def test_config_documents_every_field() -> None:
    doc = Config.__doc__ or ""
    for field in attrs.fields(Config):
        assert f"{field.name}:" in doc, field.name


# Batches -------------------------------------------------------------------------------


def _batch_pages() -> list[Document]:
    pages = [*PAGES.values(), *(path.read_text(encoding="utf-8") for path in FIXTURE_PAGES)]
    pages += ["", "Nothing to clean here.", NAVIGATION_ONLY]
    return [Document.from_text(page, id=f"p{at}") for at, page in enumerate(pages)]


def test_a_batch_cleans_each_document_as_the_chain_does_alone() -> None:
    chain = default_chain()
    docs = _batch_pages()
    assert chain.batch(docs) == [chain(doc) for doc in docs]
    assert chain.batch(reversed(docs)) == [chain(doc) for doc in reversed(docs)]
    assert chain.batch([]) == []


def test_a_guard_hit_in_a_batch_stops_only_its_document() -> None:
    from newsclean.guard import GuardHit

    def stall_on_marked(doc: Document, config: Config) -> Document:
        if "STALL" in doc.text:
            raise GuardHit("a pattern ran over its time limit")
        return doc

    stall_on_marked.__name__ = "stall_on_marked"
    chain = default_chain().with_filter(stall_on_marked, after="extract_title")
    docs = _batch_pages()
    docs[2] = Document.from_text(PAGES["ru"] + "\nSTALL")
    out = chain.batch(docs)
    assert Flag.GUARD_HIT in out[2].flags
    assert "STALL" in out[2].text  # passed on as it was before the filter that ran over
    assert out[:2] + out[3:] == [chain(doc) for doc in docs[:2] + docs[3:]]


def test_a_batch_filter_that_runs_over_runs_again_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.filters import BATCH_FORMS, drop_outside_article
    from newsclean.guard import GuardHit

    def over(docs: object, config: Config) -> list[Document]:
        raise GuardHit("the batch ran over")

    monkeypatch.setitem(BATCH_FORMS, drop_outside_article, over)
    chain = default_chain()
    docs = _batch_pages()
    assert chain.batch(docs) == [chain(doc) for doc in docs]


def test_a_long_list_is_cleaned_a_batch_at_a_time() -> None:
    from newsclean.chain import BATCH_DOCS

    chain = default_chain()
    docs = [Document.from_text(page, id=str(at)) for at, page in enumerate(list(PAGES.values()) * 40)]
    assert len(docs) > BATCH_DOCS
    assert chain.batch(docs) == [chain(doc) for doc in docs]


def test_clean_all_gives_what_clean_gives_for_each_page() -> None:
    pages = [*PAGES.values(), "", NAVIGATION_ONLY]
    assert newsclean.clean_all(pages) == [newsclean.clean(page) for page in pages]
    german = Config(lang="de")
    assert newsclean.clean_all(pages, config=german) == [newsclean.clean(page, config=german) for page in pages]


def test_stream_gives_the_documents_of_batch_in_order() -> None:
    from newsclean.chain import BATCH_DOCS

    chain = default_chain()
    docs = _batch_pages() * 14
    assert len(docs) > 2 * BATCH_DOCS
    assert list(chain.stream(iter(docs))) == [chain(doc) for doc in docs]
    assert list(chain.stream([])) == []


def test_stream_reads_at_most_one_batch_and_one_document_ahead() -> None:
    import itertools

    from newsclean.chain import BATCH_DOCS

    pulled = 0

    def endless_pages() -> Iterator[Document]:
        nonlocal pulled
        for at in itertools.count():
            pulled += 1
            yield Document.from_text(PAGES["en"], id=str(at))

    cleaned = default_chain().stream(endless_pages())
    first = next(cleaned)
    assert first.id == "0" and "car parks" in first.text and "Share" not in first.text
    assert pulled <= BATCH_DOCS + 1
    rest = list(itertools.islice(cleaned, 2 * BATCH_DOCS))
    assert [doc.id for doc in rest] == [str(at) for at in range(1, 2 * BATCH_DOCS + 1)]
    assert pulled <= 3 * BATCH_DOCS + 1


def test_stream_takes_big_pages_in_smaller_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.chain import BATCH_CHARS

    article = (
        "The harbour wall at Westmoor will be rebuilt over the winter, the council said on Monday, "
        "after storms in October left a gap of twenty metres in its northern arm.\n"
    )
    big = PAGES["en"] + "\n" + article * int(0.3 * BATCH_CHARS / len(article))  # three to a batch
    seen: list[int] = []
    original = Chain.batch

    def spy(self: Chain, docs: Iterable[Document]) -> list[Document]:
        group = list(docs)
        seen.append(len(group))
        return original(self, group)

    monkeypatch.setattr(Chain, "batch", spy)
    out = list(default_chain().stream(Document.from_text(big, id=str(at)) for at in range(7)))
    assert [doc.id for doc in out] == [str(at) for at in range(7)]
    assert seen == [3, 3, 1]


def test_clean_stream_gives_what_clean_all_gives() -> None:
    pages = [*PAGES.values(), "", NAVIGATION_ONLY] * 30
    assert list(newsclean.clean_stream(iter(pages))) == newsclean.clean_all(pages)
    german = Config(lang="de")
    assert list(newsclean.clean_stream(pages, config=german)) == newsclean.clean_all(pages, config=german)


@pytest.mark.parametrize("clean_many", [newsclean.clean_all, newsclean.clean_stream])
def test_one_text_given_for_many_is_refused(clean_many: Any) -> None:
    """A text is an iterable of characters: cleaned as given, it would give one document
    per character."""
    with pytest.raises(TypeError, match=r"not one text; for one page use newsclean\.clean"):
        clean_many(PAGES["en"])
