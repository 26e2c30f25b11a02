"""`extract_title`, `extract_dateline`, `extract_byline`: page metadata moved out of the
text into fields, each removal with its reason; lines that merely resemble metadata stay."""

from __future__ import annotations

import pytest

from newsclean import Config, Document, Reason
from newsclean.document import apply_edits
from newsclean.filters import extract_byline, extract_dateline, extract_title

BODY = "The council met on Monday and agreed the budget.\nIt will take effect in April."


def _check_log(page: str, doc: Document) -> None:
    assert doc.restore() == page
    assert apply_edits(page, doc.edits) == doc.text


# Titles --------------------------------------------------------------------------------

# (first line of the page, the headline repeated in the page or None, expected title)
TITLES = [
    (
        "date 2022-11-08 Former golf club treasurer jailed",
        None,
        "Former golf club treasurer jailed",
    ),
    (
        "WESTMOOR.NET::: Storm closes coast road / 05.01.12 / News",
        "Storm closes coast road",
        "Storm closes coast road",
    ),
    (
        "Rare dragonfly returns to Fenwick marshes | Fenwick Post",
        "Rare dragonfly returns to Fenwick marshes",
        "Rare dragonfly returns to Fenwick marshes",
    ),
    (
        "Storm closes coast road - Westmoor Gazette",
        "Storm closes coast road",
        "Storm closes coast road",
    ),
    (
        "Maschinenbauer schickt 400 Beschäftigte in Kurzarbeit | Hohenfelder Rundschau",
        None,
        "Maschinenbauer schickt 400 Beschäftigte in Kurzarbeit",
    ),
    (
        "Jazz en Roche : le festival affiche complet - Le Courrier de l'Ouest",
        "Jazz en Roche : le festival affiche complet",
        "Jazz en Roche : le festival affiche complet",
    ),
    (
        "Almarza bate su récord de temperatura | El Diario de Almarza",
        "Almarza bate su récord de temperatura",
        "Almarza bate su récord de temperatura",
    ),
    (
        "Суд обязал управляющую компанию выплатить 1,4 млн рублей - Новости Заречья",
        "Суд обязал управляющую компанию выплатить 1,4 млн рублей",
        "Суд обязал управляющую компанию выплатить 1,4 млн рублей",
    ),
    (
        "Siatkarki Jodły Borowice awansowały do I ligi | Kurier Podgórski",
        None,
        "Siatkarki Jodły Borowice awansowały do I ligi",
    ),
    (
        "青岚山自然保护区发现蛙类新物种_南岭科技报",
        "青岚山自然保护区发现蛙类新物种",
        "青岚山自然保护区发现蛙类新物种",
    ),
    (
        "Ξεκινά το 15ο Φεστιβάλ Θεάτρου | Λευκόπετρα Σήμερα",
        "Ξεκινά το 15ο Φεστιβάλ Θεάτρου",
        "Ξεκινά το 15ο Φεστιβάλ Θεάτρου",
    ),
]


@pytest.mark.parametrize(("first", "repeat", "title"), TITLES)
def test_extract_title(first: str, repeat: str | None, title: str) -> None:
    page = "\n".join([first, "Menu", *([repeat] if repeat else []), BODY])
    doc = extract_title(Document.from_text(page))
    assert doc.title == title
    assert first not in doc.text
    if repeat:
        assert repeat not in doc.paragraphs
    assert doc.paragraphs == ["Menu", *BODY.split("\n")]
    reasons = {edit.reason for edit in doc.edits}
    assert reasons <= {Reason.PAGE_HEADER, Reason.TITLE}
    _check_log(page, doc)


def test_page_header_gives_date_and_its_own_reason() -> None:
    page = (
        " date 2022-11-08 Former golf club treasurer jailed\n\nFormer golf club treasurer jailed\n\n" + BODY
    )
    doc = extract_title(Document.from_text(page.lstrip()))
    assert doc.published == "2022-11-08"
    assert doc.removed_by(Reason.PAGE_HEADER) == ["date 2022-11-08 Former golf club treasurer jailed\n"]
    assert doc.removed_by(Reason.TITLE) == ["Former golf club treasurer jailed\n"]


def test_title_given_with_the_document_is_kept() -> None:
    page = "Storm closes coast road - Westmoor Gazette\nStorm closes coast road\n" + BODY
    doc = extract_title(Document.from_text(page, title="Storm closes coast road"))
    assert doc.title == "Storm closes coast road"
    assert "Storm closes coast road" not in doc.paragraphs


@pytest.mark.parametrize(
    "page",
    [
        BODY,  # the first line is a sentence
        "One line only, no title",
        "",
        "\n\n",
    ],
)
def test_no_title_line(page: str) -> None:
    doc = Document.from_text(page)
    assert extract_title(doc) is doc


@pytest.mark.parametrize(
    "repeat",
    [
        "Ukrainian player reaches Melbourne semi-final 05.01.12 18:27",
        "Ukrainian player reaches Melbourne semi-final (video)",
        "Украинский теннисист вышел в полуфинал турнира в Австралии 05.01.12",
    ],
)
def test_headline_with_a_time_or_label_after_it_is_the_headline(repeat: str) -> None:
    headline = repeat.removesuffix(" 05.01.12 18:27").removesuffix(" (video)").removesuffix(" 05.01.12")
    page = f"{headline} - Sport - Example News\nHome\n{repeat}\nShare\n" + BODY
    doc = extract_title(Document.from_text(page))
    assert doc.title == headline
    assert repeat not in doc.paragraphs
    assert [e.reason for e in doc.edits].count(Reason.TITLE) == 2
    _check_log(page, doc)


@pytest.mark.parametrize(
    "line",
    [
        # a sentence that starts with the headline's words goes on: it is article text
        "Ukrainian player reaches Melbourne semi-final for the first time in his career.",
        # a short headline is too common a phrase to lead other lines
        "Sport results today",
    ],
)
def test_lines_that_only_start_like_the_headline_stay(line: str) -> None:
    long_headline = "Ukrainian player reaches Melbourne semi-final"
    headline = "Sport results" if line.startswith("Sport") else long_headline
    page = f"{headline} - Example News\n{headline}\n{line}\n" + BODY
    doc = extract_title(Document.from_text(page))
    assert line in doc.paragraphs


def test_in_body_subheading_that_is_not_the_headline_stays() -> None:
    page = (
        "Storm closes coast road\nStorm closes coast road\n"
        + BODY
        + "\nWhat happens next\nRepairs start in May."
    )
    doc = extract_title(Document.from_text(page))
    assert "What happens next" in doc.paragraphs


# Datelines -----------------------------------------------------------------------------

# (dateline line, published)
DATELINES = [
    ("13 September 2022, 14:12", "2022-09-13T14:12"),
    ("Sunday 8 October 2023, 16:48 BST", "2023-10-08T16:48"),
    pytest.param(
        "July 21, 2023 at 6:05 a.m.",
        "2023-07-21T06:05",
    ),
    ("Updated 17.10.2023 – 10:42 Uhr", "2023-10-17T10:42"),
    ("Publié le 28/07/2023 à 18h05", "2023-07-28T18:05"),
    ("10 ago 2023 - 14:35", "2023-08-10T14:35"),
    ("17 мая 2023, 09:05", "2023-05-17T09:05"),
    ("24.04.2023 21:47", "2023-04-24T21:47"),
    ("30 Ιουνίου 2023, 10:15", "2023-06-30T10:15"),
    ("2023年5月16日 10:08", "2023-05-16T10:08"),
    ("12 Mart 2024, 14:35", "2024-03-12T14:35"),
    ("Güncelleme: 05.01.2024 - 09:12", "2024-01-05T09:12"),
    ("15. 6. 2024 9:40", "2024-06-15T09:40"),
    ("Aktualizováno 3. května 2023 v 18:05", "2023-05-03T18:05"),
    ("Publicerad 3 oktober 2023 kl. 07.45", "2023-10-03T07:45"),
    ("Uppdaterad 2023-10-04 12:30", "2023-10-04T12:30"),
    ("نشر في: الأحد 14 كانون الثاني 2024 - 10:30 ص", "2024-01-14T10:30"),
    ("الخميس 7 مارس 2024 06:15 م", "2024-03-07T18:15"),
    ("Publicat: 15 ianuarie 2024, 10:30", "2024-01-15T10:30"),
    ("2024. március 4. 09:15", "2024-03-04T09:15"),
    ("Thứ Hai, 15/1/2024, 10:30 (GMT+7)", "2024-01-15T10:30"),
    ("ngày 15 tháng 1 năm 2024", "2024-01-15"),
    ("अपडेटेड: 20 फरवरी 2024, 10:30 AM IST", "2024-02-20T10:30"),
]


@pytest.mark.parametrize(("line", "published"), DATELINES)
def test_extract_dateline(line: str, published: str) -> None:
    page = f"Menu\n{line}\n{BODY}"
    doc = extract_dateline(Document.from_text(page))
    assert doc.published == published
    assert doc.removed_by(Reason.DATELINE) == [line + "\n"]
    assert doc.paragraphs == ["Menu", *BODY.split("\n")]
    _check_log(page, doc)


def test_dateline_refines_the_header_date() -> None:
    doc = Document.from_text(f"13 September 2022, 14:12\n{BODY}", published="2022-09-13")
    assert extract_dateline(doc).published == "2022-09-13T14:12"


def test_first_dateline_wins_later_ones_go_too() -> None:
    page = f"Published 8 November 2022, 17:26\nUpdated 9 November 2022, 08:00\n{BODY}"
    doc = extract_dateline(Document.from_text(page))
    assert doc.published == "2022-11-08T17:26"
    assert "".join(doc.removed_by(Reason.DATELINE)).count("\n") == 2


def test_an_embedded_posts_signature_stays_with_the_post() -> None:
    post = "Our ferry was cancelled again, third time this week. Any news on the harbour wall?"
    signature = "— Karen Lowe (@karenlowe_isles) November 18, 2019"
    doc = extract_dateline(Document.from_text(f"{BODY}\n{post}\n{signature}\n{BODY}"))
    assert signature in doc.paragraphs
    assert doc.published is None


# Sentences that contain a date are article text.
KEEP_WITH_DATE = [
    "The hearing on 14 February 2023 will decide how much Pettifer must repay.",
    "Die Arbeiten beginnen am 5. März 2023 und sollen bis Oktober dauern.",
    "Le festival aura lieu du 28/07/2023 au 30/07/2023 sur le site de la Roche.",
    "El récord anterior, de 43,9 grados, se registró el 10 ago 2021 en la misma estación.",
    "Заседание суда назначено на 17 мая 2023 года, сообщила пресс-служба.",
    "研究团队于2021年7月15日在保护区海拔1200米左右的溪流附近首次发现这种树蛙。",
]


@pytest.mark.parametrize("line", KEEP_WITH_DATE)
def test_sentences_with_a_date_stay(line: str) -> None:
    doc = Document.from_text(f"{BODY}\n{line}")
    out = extract_dateline(doc)
    assert line in out.paragraphs
    assert out.published is None


@pytest.mark.parametrize(
    ("lang", "line", "body", "published"),
    [
        ("ar", "نشر في: الأحد ١٤ كانون الثاني ٢٠٢٤ - ١٠:٣٠ م",
         "افتتحت البلدية محطة لتحلية المياه.\nوقال رئيس البلدية إن المحطة تكفي حاجة المدينة.",
         "2024-01-14T22:30"),
        ("hi", "अपडेटेड: २० फरवरी २०२४, १०:३० AM IST",
         "रामपुर कलां में नई मंडी खुली।\nकिसानों ने इसका स्वागत किया।", "2024-02-20T10:30"),
    ],
    ids=["arabic-indic", "devanagari"],
)
def test_a_dateline_in_native_digits_is_read_on_its_language_s_pages(
    lang: str, line: str, body: str, published: str
) -> None:
    page = f"{line}\n{body}"
    doc = extract_dateline(Document.from_text(page, lang=lang))
    assert doc.published == published
    assert doc.text == body
    _check_log(page, doc)
    # On a page of another language, these digits are not looked at (no per-line cost).
    for other in {"en", "ar", "hi"} - {lang}:
        assert extract_dateline(Document.from_text(page, lang=other)).published is None


def test_an_arabic_sentence_with_a_date_stays() -> None:
    line = "وكانت البلدية قد أعلنت في ١٥ يناير ٢٠٢٣ عن خطة لبناء محطة جديدة لتحلية مياه البحر."
    out = extract_dateline(Document.from_text(f"{BODY}\n{line}", lang="ar"))
    assert line in out.paragraphs and out.published is None


# Bylines -------------------------------------------------------------------------------

# (page language, byline line, byline)
BYLINES = [
    ("en", "By Rebecca Hale", "Rebecca Hale"),
    ("en", "By Sarah Lindqvist and Omar Haddad", "Sarah Lindqvist and Omar Haddad"),
    ("en", "BY CALLUM REID", "CALLUM REID"),
    ("de", "Von Markus Lehmann", "Markus Lehmann"),
    ("fr", "Par Julien Moreau", "Julien Moreau"),
    ("es", "Por Javier Morales", "Javier Morales"),
    ("ru", "Автор: Елена Кузнецова", "Елена Кузнецова"),
    ("pl", "Autor: Tomasz Wiśniewski", "Tomasz Wiśniewski"),
    ("el", "Της Μαρίας Παπαδοπούλου", "Μαρίας Παπαδοπούλου"),
    pytest.param(
        "zh",
        "作者：周明远",
        "周明远",
    ),
    ("tr", "Yazan: Elif Karakaya", "Elif Karakaya"),
    ("tr", "Haber: Murat Öztürk ve Ayşe Demir", "Murat Öztürk ve Ayşe Demir"),
    ("cs", "Autorka: Jana Dvořáková", "Jana Dvořáková"),
    ("cs", "Autor: Petr Novotný a Eva Malá", "Petr Novotný a Eva Malá"),
    ("sv", "Av Karin Lindqvist", "Karin Lindqvist"),
    ("sv", "Av Anna Berg och Erik Lund", "Anna Berg och Erik Lund"),
    ("ar", "بقلم: سلمى الخطيب", "سلمى الخطيب"),
    ("ar", "بقلم سامر حداد", "سامر حداد"),
    ("ro", "Autor: Andreea Mureșan", "Andreea Mureșan"),
    ("ro", "Autori: Ana Popescu și Mihai Ionescu", "Ana Popescu și Mihai Ionescu"),
    ("hu", "Szerző: Kovács Eszter", "Kovács Eszter"),
    ("hu", "Írta: Nagy Péter és Tóth Anna", "Nagy Péter és Tóth Anna"),
    ("vi", "Bài: Trần Thu Hà", "Trần Thu Hà"),
    ("vi", "Bài và ảnh: Lê Minh Tuấn", "Lê Minh Tuấn"),
    ("hi", "लेखक: सुनीता वर्मा", "सुनीता वर्मा"),
    ("hi", "रिपोर्टर: अमित शर्मा और राजेश यादव", "अमित शर्मा और राजेश यादव"),
]


@pytest.mark.parametrize(("lang", "line", "byline"), BYLINES)
def test_extract_byline(lang: str, line: str, byline: str) -> None:
    page = f"Storm closes coast road\n{line}\n{BODY}"
    doc = extract_byline(Document.from_text(page, lang=lang))
    assert doc.byline == byline
    assert doc.removed_by(Reason.BYLINE) == [line + "\n"]
    assert line not in doc.paragraphs
    _check_log(page, doc)


# Lines that start like a byline but are article text.
KEEP_LIKE_BYLINE = [
    ("en", "By then, the club had been forced to put up membership fees by 15 per cent."),
    ("en", "By the end of the year, 400 homes will be built."),
    ("en", "By Monday, the river had risen by two metres."),
    ("en", "By car, the journey takes about 40 minutes"),
    ("de", "Von Montag an gilt die neue Regelung."),
    ("fr", "Par ailleurs, la mairie a prévu des navettes gratuites."),
    ("es", "Por la tarde, los termómetros marcaron 44,6 grados."),
    ("ru", "Автор проекта, архитектор Иван Петров, отметил, что мост прослужит сто лет."),
    ("sv", "Av de 120 anställda på varvet har 40 redan fått besked om uppsägning."),
    ("sv", "Av Göteborgs 40 skolor har 12 fått nya ventilationssystem"),
    ("cs", "Autor projektu, architekt Jan Kovář, řekl, že most vydrží sto let."),
    ("tr", "Yazan kişinin kimliği henüz belirlenemedi."),
    ("ar", "كتب الرئيس رسالة إلى البرلمان"),
    ("ro", "Autorul proiectului, arhitectul Ion Pop, a spus că podul va rezista o sută de ani."),
    ("ro", "De asemenea, primăria a anunțat autobuze gratuite."),
    ("hu", "Szerző és kiadó között régóta tart a vita."),
    ("vi", "Bài học từ vụ sạt lở năm ngoái vẫn còn nguyên giá trị."),
    ("hi", "लेखक ने कहा कि किताब अगले महीने आएगी।"),
    ("hi", "रिपोर्ट: देश में बेरोजगारी दर घटी"),
    ("hi", "संवाददाता: सम्मेलन में कौन आया, यह साफ नहीं है।"),
]


@pytest.mark.parametrize(("lang", "line"), KEEP_LIKE_BYLINE)
def test_sentences_starting_with_by_stay(lang: str, line: str) -> None:
    doc = Document.from_text(f"{BODY}\n{line}", lang=lang)
    out = extract_byline(doc)
    assert out is doc


def test_byline_given_with_the_document_is_kept() -> None:
    doc = Document.from_text(f"By Rebecca Hale\n{BODY}", byline="R. Hale")
    out = extract_byline(doc)
    assert out.byline == "R. Hale"
    assert "By Rebecca Hale" not in out.text


def test_max_byline_words() -> None:
    page = f"By Anna Maria de la Cruz Fernández Ortega\n{BODY}"
    assert extract_byline(Document.from_text(page), Config(max_byline_words=4)).byline is None
    assert extract_byline(Document.from_text(page), Config(max_byline_words=8)).byline == (
        "Anna Maria de la Cruz Fernández Ortega"
    )


def test_metadata_filters_leave_a_plain_article_alone() -> None:
    doc = Document.from_text(BODY)
    for step in (extract_dateline, extract_byline):
        assert step(doc) is doc


def test_the_headline_found_for_language_detection_is_the_one_extract_title_finds() -> None:
    """`detect_page_language` and `extract_title` share the last page's headline lines:
    asking first must not change what `extract_title` drops, and a title given with the
    document is asked about on its own."""
    import attrs

    from newsclean import views
    from newsclean.filters import metadata

    page = (
        "date 2024-03-05 Ferries resume after storm | Harbour News\n"
        "Ferries resume after storm\n"
        "Ferries resume after storm (video)\n"
        "Ferries to the island ran again on Tuesday after a week of storms kept them in port.\n"
    )
    doc = Document.from_text(page)
    header, title = page.split("\n")[0], "Ferries resume after storm | Harbour News"
    fresh = metadata.extract_title(doc)
    assert fresh.title == "Ferries resume after storm"
    assert fresh.text == page.split("\n", 3)[3]
    assert metadata.header_headline_lines(doc.text) == [1, 2]
    assert metadata.extract_title(doc) == fresh
    assert views.take_headline(doc.text, title, header) is None  # taken: no page kept alive
    metadata.header_headline_lines(doc.text)
    assert views.take_headline(doc.text, title, header) == ("Ferries resume after storm", [0, 1, 2])
    titled = attrs.evolve(doc, title="Harbour News")
    metadata.header_headline_lines(doc.text)
    # the header goes; no line repeats the given title
    assert metadata.extract_title(titled).text == page.split("\n", 1)[1]


def test_a_hindi_sentence_with_a_date_stays() -> None:
    line = "नगर पालिका ने १५ जनवरी २०२३ को नई मंडी बनाने की घोषणा की थी और काम उसी महीने शुरू हो गया था।"
    out = extract_dateline(Document.from_text(f"{BODY}\n{line}", lang="hi"))
    assert line in out.paragraphs and out.published is None


def test_a_hindi_line_ending_in_a_danda_is_no_title() -> None:
    page = "मंडी खुली।\nरामपुर कलां में मंगलवार को नई सब्ज़ी मंडी का उद्घाटन हुआ।"
    assert extract_title(Document.from_text(page, lang="hi")).title is None


def test_a_lone_letter_first_line_is_no_title() -> None:
    # A dump that opens on a banner's close button ("X") and has a stray "x" (a tab
    # label) further down: taken for the title, the button would have the label dropped
    # as its repeat, and cleaning the text again, whose first line it is, would differ.
    page = f"X\nWe use cookies to give you the best experience.\nFerry timetable\n{BODY}\nx\nContact us"
    doc = extract_title(Document.from_text(page))
    assert doc.title is None
    assert "x" in doc.paragraphs and doc.text.startswith("X\n")


def test_a_title_whose_letters_are_parted_by_vowel_signs_is_a_title() -> None:
    # In Devanagari no two letters of "मंडी खुली" stand side by side: the vowel signs
    # between them are marks. The title still counts its letters.
    page = (
        "मंडी खुली\nमुख्य पृष्ठ\nमंडी खुली\n"
        "रामपुर कलां में मंगलवार को नई सब्ज़ी मंडी का उद्घाटन हुआ।\nकिसानों ने इसका स्वागत किया।"
    )
    doc = extract_title(Document.from_text(page, lang="hi"))
    assert doc.title == "मंडी खुली"
    assert doc.text.startswith("मुख्य पृष्ठ\nरामपुर")
