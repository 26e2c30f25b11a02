# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`drop_outside_article`: the article model drops lines outside the article, and never
empties a document silently (`Flag.NO_ARTICLE_FOUND`, `Config.article_min_words`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config, Document, Flag, Reason
from newsclean.article_model import STOPWORD_SAMPLE_CHARS, shipped_model
from newsclean.document import apply_edits
from newsclean.filters import drop_outside_article
from newsclean.filters.article import CLEARLY_OUT, MIN_LINES, Settling, _drop_loose_ends, _lowered_samples
from newsclean.views import framed_lowered
from tests.conftest import FIXTURES

ARTICLE = [
    "Westmoor council has approved new charges for its town-centre car parks, starting in April.",
    "Drivers will pay £1.20 an hour, up from 90p, the first rise in six years.",
    "Councillor Jane Price said the money would pay for repairs to the multi-storey car park on Bridge Street.",
    "“Nobody likes paying more, but the building is falling apart,” she said.",
    "Traders in the high street said the rise would drive shoppers to out-of-town retail parks.",
    "The new charges will be reviewed after twelve months.",
]
PAGE = "\n".join(
    [
        "Westmoor Gazette",
        "Weather: 12°C cloudy",
        "Trending: Bonfire night",
        *ARTICLE,
        "Schools to close early as pupils face cold snap",
        "Westmoor Town hold league leaders to goalless draw",
        "Plans for 400 homes on edge of Ashcombe refused",
        "Bonfire night display raises £12,000 for hospice",
    ]
)


def test_lines_outside_the_article_go() -> None:
    doc = drop_outside_article(Document.from_text(PAGE, lang="en"))
    kept = doc.paragraphs
    assert kept[:5] == ARTICLE[:5]
    assert not set(kept) - set(ARTICLE)
    assert {edit.reason for edit in doc.edits} == {Reason.OUTSIDE_ARTICLE}
    assert doc.restore() == PAGE
    assert apply_edits(PAGE, doc.edits) == doc.text
    assert Flag.NO_ARTICLE_FOUND not in doc.flags


def test_article_ends_at_its_last_sentence() -> None:
    doc = drop_outside_article(Document.from_text(PAGE, lang="en"))
    assert doc.paragraphs == ARTICLE


def test_article_alone_is_the_same_object() -> None:
    doc = Document.from_text("\n".join(ARTICLE), lang="en")
    assert drop_outside_article(doc) is doc


def test_select_article_off() -> None:
    doc = Document.from_text(PAGE, lang="en")
    assert drop_outside_article(doc, Config(select_article=False)) is doc
    out = newsclean.clean(PAGE, config=Config(select_article=False))
    assert "Schools to close early as pupils face cold snap" in out.paragraphs


@pytest.mark.parametrize("page", ["One line only.", "Two lines.\nThat is all."])
def test_very_short_pages_are_left_to_the_rules(page: str) -> None:
    doc = Document.from_text(page, lang="en")
    assert drop_outside_article(doc) is doc


MENU_ONLY = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Weather",
        "Business",
        "Sign in",
        "Search",
        "Latest",
        "Video",
        "Contact us",
        "Privacy policy",
    ]
)


def test_page_with_no_article_is_flagged_not_emptied() -> None:
    doc = Document.from_text(MENU_ONLY, lang="en")
    out = drop_outside_article(doc)
    assert out.text == MENU_ONLY
    assert out.edits == ()
    assert Flag.NO_ARTICLE_FOUND in out.flags


def test_article_min_words() -> None:
    short = "\n".join(["Menu", "Sign in", "Bridge reopens after repairs.", "Share", "Tweet"])
    doc = Document.from_text(short, lang="en")
    strict = drop_outside_article(doc, Config(article_min_words=50))
    assert strict.text == short
    assert Flag.NO_ARTICLE_FOUND in strict.flags
    lenient = drop_outside_article(Document.from_text(PAGE, lang="en"), Config(article_min_words=1))
    assert Flag.NO_ARTICLE_FOUND not in lenient.flags


def test_whole_chain_never_silently_empties_a_page() -> None:
    doc = newsclean.clean(MENU_ONLY)
    assert doc.text.strip() or doc.flags & {Flag.NO_ARTICLE_FOUND, Flag.MOSTLY_REMOVED}


def _readings(monkeypatch: pytest.MonkeyPatch, doc: Document) -> int:
    """How many times the article model reads `doc`'s lines in `drop_outside_article`."""
    from newsclean.article_model import score_readings

    calls: list[int] = []

    def counted(readings: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(readings))
        return score_readings(readings, *args, **kwargs)

    monkeypatch.setattr("newsclean.filters.article.score_readings", counted)
    drop_outside_article(doc)
    return sum(calls)


def test_clean_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no headline and no repeated line, the first reading is already the plain one:
    an article it keeps whole is not read a second time."""
    assert _readings(monkeypatch, Document.from_text("\n".join(ARTICLE), lang="en")) == 1


def test_a_page_with_a_repeated_line_is_read_again_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repeats count in the first reading only, so an article kept with their help
    is read once more as clean text would be."""
    from newsclean.filters.repeats import remove_repeated_lines

    page = "\n".join([*ARTICLE, "Schools to close early as pupils face cold snap", ARTICLE[-1]])
    doc = remove_repeated_lines(Document.from_text(page, lang="en"))
    assert _readings(monkeypatch, doc) >= 2


FERRY_ARTICLE = [
    "Harbour Line ferries will run every half hour from May, the operator said on Tuesday, doubling the service between Westport and the island.",
    "The change follows two years of complaints from islanders, who say the hourly boats leave them stranded after evening shifts on the mainland.",
    "Operator Sealink said it had leased a second vessel from a Norwegian company and would hire twelve more crew before the spring.",
    "“We have listened, and this is the biggest change to the timetable in twenty years,” managing director Ruth Allan said.",
    "Fares will stay the same until at least the end of the year, although the company warned that fuel costs remained uncertain.",
    "The council, which subsidises the route, said it would review passenger numbers after the first summer.",
]
FERRY_COMMENTS = [
    "About time too. I have missed the last boat home three times this month and had to pay for a hotel in town each time, which the company never offered to cover.",
    "Doubling the boats is welcome, but I will believe it when I see it: they promised the same thing before the last election and nothing came of it.",
    "Will the early sailing still connect with the seven o'clock train? Nobody at the terminal could tell me last week, and the website says nothing about it.",
]
PROM_ARTICLE = [
    "Od maja promy między Gdynią a Helem będą kursować co pół godziny, poinformował we wtorek przewoźnik, podwajając liczbę rejsów w sezonie.",
    "Zmiana jest odpowiedzią na skargi mieszkańców, którzy od dwóch lat narzekają, że po wieczornej zmianie nie mają czym wrócić do domu.",
    "Przewoźnik wydzierżawił drugi statek od norweskiej firmy i do wiosny zatrudni dwunastu nowych członków załogi.",
    "„Wysłuchaliśmy pasażerów i to największa zmiana rozkładu od dwudziestu lat” – powiedziała prezes spółki Anna Nowak.",
    "Ceny biletów nie zmienią się co najmniej do końca roku, choć firma ostrzega, że koszty paliwa pozostają niepewne.",
    "Samorząd, który dopłaca do połączenia, zapowiedział ocenę liczby pasażerów po pierwszym lecie.",
]
PROM_COMMENTS = [
    "Najwyższy czas. W tym miesiącu trzy razy uciekł mi ostatni prom i musiałem płacić za hotel w mieście, a firma nigdy nie zaproponowała zwrotu kosztów.",
    "Dobrze, że będzie więcej rejsów, ale uwierzę, jak zobaczę: to samo obiecywali przed ostatnimi wyborami i nic z tego nie wyszło.",
    "Czy poranny rejs nadal będzie miał połączenie z pociągiem o siódmej? Nikt w terminalu nie potrafił mi tego powiedzieć w zeszłym tygodniu.",
]

RU_ARTICLE = [
    "С мая паромы между Калининградом и Балтийском будут ходить каждые полчаса, сообщил во вторник перевозчик, удвоив число рейсов в сезон.",
    "Изменение стало ответом на жалобы жителей, которые два года говорят, что после вечерней смены им не на чем вернуться домой.",
    "Перевозчик арендовал второе судно у норвежской компании и до весны наймёт ещё двенадцать членов экипажа.",
    "«Мы услышали пассажиров, и это самое большое изменение расписания за двадцать лет», — сказала глава компании Анна Орлова.",
    "Цены на билеты не изменятся как минимум до конца года, хотя в компании предупреждают, что стоимость топлива остаётся неясной.",
    "Городские власти, которые доплачивают за маршрут, пообещали оценить пассажиропоток после первого лета.",
]
RU_COMMENTS = [
    "Давно пора. В этом месяце я трижды опоздал на последний паром и платил за гостиницу в городе, а компания ни разу не предложила вернуть деньги.",
    "Хорошо, что рейсов будет больше, но поверю, когда увижу: то же самое обещали перед прошлыми выборами, и ничего не вышло.",
    "Будет ли утренний рейс стыковаться с поездом в семь часов? В кассе на прошлой неделе мне никто не смог ответить на этот вопрос.",
]
DE_ARTICLE = [
    "Ab Mai fahren die Fähren zwischen Kiel und Laboe jede halbe Stunde, teilte der Betreiber am Dienstag mit und verdoppelte damit das Angebot.",
    "Die Änderung folgt auf zwei Jahre Beschwerden von Anwohnern, die nach der Spätschicht oft keine Fähre mehr nach Hause bekamen.",
    "Der Betreiber hat ein zweites Schiff von einer norwegischen Reederei gemietet und will bis zum Frühjahr zwölf weitere Leute einstellen.",
    "„Wir haben zugehört, und das ist die größte Fahrplanänderung seit zwanzig Jahren“, sagte Geschäftsführerin Anna Weber.",
    "Die Fahrpreise bleiben mindestens bis Jahresende gleich, auch wenn das Unternehmen vor unsicheren Treibstoffkosten warnt.",
    "Die Stadt, die die Linie bezuschusst, will die Fahrgastzahlen nach dem ersten Sommer prüfen.",
]
DE_COMMENTS = [
    "Wurde auch Zeit. Ich habe diesen Monat dreimal die letzte Fähre verpasst und musste ein Hotel in der Stadt bezahlen, erstattet hat mir das niemand.",
    "Schön, dass mehr Fähren fahren, aber ich glaube es erst, wenn ich es sehe: Das Gleiche wurde schon vor der letzten Wahl versprochen.",
    "Passt die erste Fähre am Morgen noch zum Zug um sieben? Am Schalter konnte mir das letzte Woche niemand sagen, und online steht nichts dazu.",
]

@pytest.mark.parametrize(
    ("top", "headline", "article", "cue", "comments", "bottom"),
    [
        (["Westport Herald", "News", "Sport"], "Ferries to run every half hour", FERRY_ARTICLE, "Comments (3)",
         FERRY_COMMENTS, ["Leave a reply", "Privacy policy", "Contact us"]),
        (["Dziennik Bałtycki", "Wiadomości", "Sport"], "Promy na Hel co pół godziny", PROM_ARTICLE, "Komentarze (3)",
         PROM_COMMENTS, ["Dodaj komentarz", "Polityka prywatności", "Kontakt"]),
        (["Калининградская правда", "Новости", "Спорт"], "Паромы будут ходить каждые полчаса", RU_ARTICLE,
         "Комментарии (3)", RU_COMMENTS, ["Добавить комментарий", "Контакты"]),
        (["Kieler Zeitung", "Nachrichten", "Sport"], "Fähren fahren jede halbe Stunde", DE_ARTICLE, "Kommentare (3)",
         DE_COMMENTS, ["Kommentar schreiben", "Impressum"]),
        (["Westport Herald", "News", "Sport"], "Ferries to run every half hour", FERRY_ARTICLE,
         "3 thoughts on “Ferries to run every half hour”", FERRY_COMMENTS, ["Privacy policy", "Contact us"]),
        (["Kieler Zeitung", "Nachrichten", "Sport"], "Fähren fahren jede halbe Stunde", DE_ARTICLE,
         "3 Kommentare zu „Fähren fahren jede halbe Stunde“", DE_COMMENTS, ["Impressum"]),
    ],
    ids=["en", "pl", "ru", "de", "en-count-heading", "de-count-heading"],
)
def test_readers_comments_after_the_article_go(
    top: list[str], headline: str, article: list[str], cue: str, comments: list[str], bottom: list[str]
) -> None:
    """Readers' comments written as prose read like more of the article; after a
    comment section's heading, with its form below them, and smaller than the article,
    they go as comments."""
    page = "\n".join([*top, headline, *article, cue, *comments, *bottom])
    doc = newsclean.clean(page)
    assert doc.paragraphs == [headline, *article]
    cut = [edit for edit in doc.edits if edit.filter == "drop_outside_article" and edit.reason is Reason.COMMENTS]
    assert [line for edit in cut for line in edit.removed.split("\n") if line] == comments
    assert doc.restore() == page
    assert newsclean.clean(doc.text).text == doc.text


@pytest.mark.parametrize(
    "page",
    [
        ["Westport Herald", "News", "Ferries to run every half hour", "Comments (3)", *FERRY_ARTICLE, "Privacy policy"],
        ["Westport Herald", "News", "Ferries to run every half hour", FERRY_ARTICLE[0], "Comments", *FERRY_ARTICLE[1:]],
        ["Westport Herald", "Ferries to run every half hour", *FERRY_ARTICLE[:4],
         "Ruth Allan (@ruthallan) wrote: Delighted that the new timetable is finally confirmed for May.",
         "Reply", "Report", *FERRY_ARTICLE[4:], "Leave a reply"],
        ["Westport Herald", "News", "Comments", "Ferries to run every half hour", *FERRY_ARTICLE[:5], "Comments",
         FERRY_ARTICLE[5], "Privacy policy"],
    ],
    ids=["cue-above-the-article", "cue-after-the-first-paragraph", "buttons-of-a-post-in-the-article",
         "a-link-both-in-the-menu-and-in-the-article"],
)
def test_a_comment_cue_that_opens_no_section_after_the_article_cuts_nothing(page: list[str]) -> None:
    """A cue above most of the article, the buttons of a post embedded in it ("Reply",
    "Report"), and a link that stands in the page's menu too, cut nothing."""
    doc = newsclean.clean("\n".join(page))
    assert set(FERRY_ARTICLE) <= set(doc.paragraphs)
    assert not [edit for edit in doc.edits if edit.filter == "drop_outside_article" and edit.reason is Reason.COMMENTS]


FERRIES = [
    "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    "The operator said the first boat left at seven and every crossing was full by noon.",
    "Islanders had been without fresh deliveries since the harbour wall was damaged.",
]
FERRIES_FR = [
    "Les ferries ont repris mardi la liaison avec l'île après une semaine de tempête qui les a retenus au port.",
    "L'exploitant a indiqué que le premier bateau était parti à sept heures et que toutes les traversées étaient complètes à midi.",
    "Les habitants de l'île n'avaient plus reçu de livraisons fraîches depuis que la digue du port avait été endommagée.",
]
FERRIES_DE = [
    "Die Fähren zur Insel fahren seit Dienstag wieder, nachdem sie eine Woche lang wegen der Stürme im Hafen bleiben mussten.",
    "Nach Angaben des Betreibers legte das erste Schiff um sieben Uhr ab, und bis zum Mittag war jede Überfahrt ausgebucht.",
    "Die Inselbewohner hatten keine frischen Lieferungen mehr erhalten, seit die Hafenmauer beschädigt worden war.",
]


@pytest.mark.parametrize(
    ("lang", "before", "article", "after"),
    [
        ("en", ["Home", "News", "Sport", "Weather"], FERRIES, ["Most read", "Contact us"]),
        ("fr", ["Accueil", "Actualités", "Sport", "Météo"], FERRIES_FR, ["Podcasts", "Nous contacter"]),
        ("de", ["Start", "Nachrichten", "Sport", "Wetter"], FERRIES_DE, ["Meistgelesen", "Kontakt"]),
    ],
)
def test_a_menu_word_next_to_a_short_article_goes(
    lang: str, before: list[str], article: list[str], after: list[str]
) -> None:
    """On a page of a few lines the menu word right next to the article borrows the
    article's score from its neighbours; a few words that end no sentence at the
    article's edge are a stray label, and go."""
    page = Document.from_text("\n".join([*before, *article, *after]), lang=lang)
    assert drop_outside_article(page).paragraphs == article


def test_loose_ends_go_from_both_edges_but_sentences_stay() -> None:
    lines = ["Share Tweet", "Give Feedback", *FERRIES, "It sailed at dawn.", "smithsonian.com"]
    flags = [True] * len(lines)
    assert _drop_loose_ends(lines, list(range(len(lines))), flags)
    assert [line for line, flag in zip(lines, flags, strict=True) if flag] == [*FERRIES, "It sailed at dawn."]
    assert not _drop_loose_ends(lines[2:6], [0, 1, 2, 3], [True] * 4)


def test_loose_ends_leave_a_short_article_its_lines() -> None:
    lines = ["Share Tweet", "Ferries ran again.", "Give Feedback", "Contact us"]
    flags = [True] * len(lines)
    _drop_loose_ends(lines, [0, 1, 2, 3], flags)
    assert sum(flags) == MIN_LINES


def test_an_embedded_posts_signature_stays_exactly_when_its_post_does() -> None:
    """A post quoted in the article keeps its signature (name, handle, date); a post in
    the page's sidebar loses it with the post. The model never reads the signatures."""
    post = "Third cancelled ferry this week. Islanders deserve better than this."
    signature = "— Karen Lowe (@karenlowe_isles) November 18, 2019"
    sidebar_post = "Lovely sunset over the harbour tonight, see you all at the quiz!"
    sidebar_signature = "— Harbour Inn (@harbourinn) November 19, 2019"
    lines = [*ARTICLE[:3], post, signature, *ARTICLE[3:], "Follow us", "Cookie settings",
             "Our tweets", sidebar_post, sidebar_signature, "Contact us", "Privacy policy"]
    doc = newsclean.clean("\n".join(lines), lang="en")
    assert doc.paragraphs[:5] == [*ARTICLE[:3], post, signature]
    assert not {sidebar_post, sidebar_signature} & set(doc.paragraphs)
    removed = "".join(doc.removed_by(Reason.OUTSIDE_ARTICLE))
    assert sidebar_post in removed and sidebar_signature in removed
    assert newsclean.clean(doc.text, lang="en").text == doc.text


THREAD = [
    ("harbourwatcher", "Yesterday at 18:05",
     "Finally. I have missed the last ferry three times this month and had to pay for a hotel in town every time, "
     "and nobody at the ticket office ever offered to refund a penny of it."),
    ("M. Okafor", "Yesterday at 18:40",
     "Good news if it actually happens, but the same promise was made before the last election and the timetable "
     "stayed exactly as it was for another two years."),
    ("tidewater", "Yesterday at 19:12",
     "Will the first morning boat connect with the seven o'clock train? Nobody at the desk could tell me last week "
     "and the website still shows the old times."),
    ("Jean P.", "Yesterday at 20:31",
     "Half-hourly sailings are great for commuters, but what about the weekends? Saturday evenings are when the "
     "queues are worst and there is nothing in the announcement about them."),
    ("old salt", "Today at 06:58",
     "A second boat on lease from Norway sounds expensive. I hope the council checks the contract properly before "
     "we end up paying for it through the fares next year."),
    ("Priya", "Today at 08:14",
     "My daughter works late shifts at the hospital and this will make a real difference to her. Thank you to "
     "everyone who signed the petition last spring."),
]


def _page_before_the_model(lines: list[str]) -> Any:
    """The article filter's view of a page after the rule filters."""
    from newsclean.chain import default_chain
    from newsclean.config import DEFAULT_CONFIG
    from newsclean.filters.article import _Page

    doc = Document.from_text("\n".join(lines))
    for step in default_chain().filters:
        if step.__name__ == "drop_outside_article":
            break
        doc = step(doc, DEFAULT_CONFIG)
    page = _Page.of(doc, DEFAULT_CONFIG)
    assert page is not None
    return page


def test_comments_that_come_apart_go_even_when_they_outweigh_the_article() -> None:
    """A comment section holding more text than the short article above it: when the
    model keeps the comments, each between its author's name and time, they come apart
    in runs, and the section's count line ("[ 6 comments ]") still opens it."""
    lines = ["Westport Herald", "Ferries to run every half hour", *FERRY_ARTICLE[:3], "[ 6 comments ]"]
    for name, when, text in THREAD:
        lines += [name, when, text]
    page = _page_before_the_model([*lines, "Privacy policy"])
    texts = {line: i for i, line in enumerate(page.lines)}
    article = [texts[line] for line in FERRY_ARTICLE[:3]]
    comments = [texts[text] for _, _, text in THREAD]
    assert sum(len(page.lines[i]) for i in comments) > sum(len(page.lines[i]) for i in article)
    assert page.before_comments(article + comments) == len(article)


def test_an_article_far_longer_than_its_lead_is_not_cut_at_a_link_after_the_lead() -> None:
    """A comment link after the lead paragraph, and the rest of the article kept in
    pieces (the model dropped a teaser or caption between them): the pieces hold far
    more text than the lead, so they are no comment section."""
    teasers = ["Harbour wall repairs to start", "New bus link to the terminal", "Vote on community hall"]
    lines = ["Westport Herald", "Ferries to run every half hour", FERRY_ARTICLE[0], "[ 6 comments ]",
             FERRY_ARTICLE[1], teasers[0], FERRY_ARTICLE[2], teasers[1], FERRY_ARTICLE[3], FERRY_ARTICLE[4],
             teasers[2], FERRY_ARTICLE[5], "Privacy policy"]
    page = _page_before_the_model(lines)
    texts = {line: i for i, line in enumerate(page.lines)}
    assert page.before_comments([texts[line] for line in FERRY_ARTICLE]) is None


def test_a_longer_article_after_a_comment_link_is_not_cut() -> None:
    """The same count line above most of an article, whose paragraphs follow each other
    unbroken, cuts nothing."""
    lines = ["Westport Herald", "Ferries to run every half hour", FERRY_ARTICLE[0], "[ 6 comments ]",
             *FERRY_ARTICLE[1:], "Privacy policy"]
    page = _page_before_the_model(lines)
    texts = {line: i for i, line in enumerate(page.lines)}
    assert page.before_comments([texts[line] for line in FERRY_ARTICLE]) is None


RELATED_WITH_COUNTS = [
    "Related posts",
    "Harbour wall repairs to start in March",
    "Work on the damaged wall will take six weeks, the council said.",
    "8 comments",
    "New bus link to the ferry terminal",
    "A shuttle will meet every boat from May, the operator announced.",
    "3 comments",
    "Islanders vote on new community hall",
    "The vote closes on Friday and the result is due next week.",
    "12 comments",
]


@pytest.mark.parametrize("at", [3, 5])
def test_a_teaser_box_with_comment_counts_inside_the_article_cuts_nothing(at: int) -> None:
    """The counters under each teaser of a "Related posts" box are comment cues, but a
    list of them is no comment section's heading: the paragraphs after the box stay,
    even when they are the smaller part of the article."""
    page = ["Westport Herald", "News", "Ferries to run every half hour", *FERRY_ARTICLE[:at],
            *RELATED_WITH_COUNTS, *FERRY_ARTICLE[at:], "Leave a reply", "Privacy policy"]
    doc = newsclean.clean("\n".join(page))
    assert set(FERRY_ARTICLE) <= set(doc.paragraphs)
    assert not [edit for edit in doc.edits if edit.filter == "drop_outside_article" and edit.reason is Reason.COMMENTS]


# An article whose second half carries teaser headlines of other stories between its
# paragraphs, as a text dump of a page with inline "related" links shows it.
INTERLEAVED = [
    FERRY_ARTICLE[0],
    FERRY_ARTICLE[1],
    "Council approves new cycle lane on Harbour Road",
    FERRY_ARTICLE[2],
    "Three hurt in crash near the ring road",
    FERRY_ARTICLE[3],
    "Weekend weather: storms return on Sunday",
    FERRY_ARTICLE[4],
]


def _settling(lines: list[str], headline_at: int | None = None) -> Settling:
    settling = Settling.start(lines, list(range(len(lines))), "en", headline_at)
    assert settling.next_reading() is not None
    return settling


def test_a_plain_reading_drops_interleaved_teasers_first() -> None:
    """Teasers scored far below the threshold, each alone between paragraphs, go first;
    the paragraphs that just missed the threshold, dragged down by the teasers between
    them, are read again without them before anything else goes."""
    scores = np.array([0.9, 0.9, 0.1, 0.4, 0.1, 0.35, 0.1, 0.4])
    settling = _settling(INTERLEAVED)
    settling.take(scores >= 0.45, scores)
    assert [INTERLEAVED[i] for i in settling.kept] == FERRY_ARTICLE[:5]
    assert not settling.done


def test_a_plain_reading_with_one_clearly_out_line_drops_what_misses_the_threshold() -> None:
    """One clearly-out line (a sidebar's heading before its post) is no interleaving:
    the reading drops everything below the threshold at once, as without staging."""
    lines = [*FERRY_ARTICLE[:4], "Our tweets", "Lovely sunset over the harbour tonight, see you at the quiz!"]
    scores = np.array([0.9, 0.9, 0.9, 0.4, CLEARLY_OUT - 0.05, 0.3])
    settling = _settling(lines)
    settling.take(scores >= 0.45, scores)
    assert [lines[i] for i in settling.kept] == FERRY_ARTICLE[:3]


def test_the_first_reading_with_a_headline_is_not_staged() -> None:
    """Staging is for plain readings, as clean text gets: the first reading of a page, with
    its headline, drops at the threshold at once."""
    scores = np.array([0.9, 0.9, 0.1, 0.4, 0.1, 0.35, 0.1, 0.4])
    settling = _settling(INTERLEAVED, headline_at=0)
    settling.take(scores >= 0.45, scores)
    assert [INTERLEAVED[i] for i in settling.kept] == FERRY_ARTICLE[:2]


# Words whose lower case is a letter apart from their own (Σ: the final sigma; İ: two
# characters), at the edge of the sampled characters too.
_SAMPLE_WORDS = ["Rain", "ΟΔΟΣ", "ΣΑ", "İstanbul", "’", " ", "a" * 290, "ΚΛΕΙΣΤΗ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SAMPLE_WORDS), max_size=8).map("".join), min_size=1, max_size=6))
def test_the_samples_cut_from_the_lowered_page_are_the_lines_lowered(lines: list[str]) -> None:
    text = "\n".join(lines)
    indices = [i for i, line in enumerate(lines) if line]
    framed_lowered(text)  # as the filters before leave it
    samples = _lowered_samples(text, indices)
    assert samples is None or samples == [lines[i][:STOPWORD_SAMPLE_CHARS].lower() for i in indices]
    if "Σ" not in text and "İ" not in text:
        assert samples is not None


def test_the_article_threshold_trades_recall_for_precision() -> None:
    """`Config.article_threshold`: lower keeps more of the page, higher keeps less (the
    team's Ukrainian page: at 0.1 a teaser headline after the article stays too; at 0.9
    only the article's surest paragraphs)."""
    page = (FIXTURES / "uk-weather.txt").read_text(encoding="utf-8")
    default = newsclean.clean(page).text.split("\n")
    low = newsclean.clean(page, config=Config(article_threshold=0.1)).text.split("\n")
    high = newsclean.clean(page, config=Config(article_threshold=0.9)).text.split("\n")
    assert [line for line in low if line not in default] == ["У Лісогірську відкрили новий тролейбусний маршрут"]
    assert set(default) <= set(low)
    assert set(high) < set(default)
    shipped = Config(article_threshold=shipped_model().threshold)
    assert newsclean.clean(page, config=shipped).text == "\n".join(default)


@pytest.mark.parametrize("name", sorted(path.stem for path in FIXTURES.glob("*.txt")))
def test_a_high_article_threshold_never_empties_a_page_silently(name: str) -> None:
    page = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    doc = newsclean.clean(page, config=Config(article_threshold=0.99))
    assert doc.text.strip() or doc.flags & {Flag.MOSTLY_REMOVED, Flag.NO_ARTICLE_FOUND}
    assert doc.restore() == page
