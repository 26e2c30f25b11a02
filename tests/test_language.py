# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""Language detection: each shipped language from a realistic paragraph, the
`detect_page_language` filter, and `Config.lang`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Config, Document
from newsclean.filters import detect_page_language
from newsclean.filters.language import _body_sample
from newsclean.language import detect_language, sample_window
from newsclean.resources import UnknownLanguageError

# One news paragraph per language the package ships cue lists for.
PARAGRAPHS = {
    "en": "The council said on Monday that the coast road would stay closed until the end of the week, and that engineers were still checking the cliff.",
    "de": "Die Stadt teilte am Montag mit, dass die Küstenstraße bis zum Ende der Woche gesperrt bleibt, weil die Ingenieure den Hang noch prüfen.",
    "fr": "La mairie a indiqué lundi que la route côtière resterait fermée jusqu'à la fin de la semaine, car les ingénieurs doivent encore examiner la falaise.",
    "es": "El ayuntamiento informó el lunes de que la carretera de la costa seguirá cerrada hasta el final de la semana, porque los ingenieros todavía revisan el acantilado.",
    "it": "Il comune ha detto lunedì che la strada costiera resterà chiusa fino alla fine della settimana, perché gli ingegneri stanno ancora controllando la scogliera.",
    "pt": "A prefeitura disse na segunda-feira que a estrada costeira vai continuar fechada até o fim da semana, porque os engenheiros ainda estão avaliando a encosta.",
    "nl": "De gemeente zei maandag dat de kustweg tot het einde van de week dicht blijft, omdat de ingenieurs de klif nog steeds onderzoeken.",
    "ru": "В мэрии в понедельник сообщили, что прибрежная дорога останется закрытой до конца недели, потому что инженеры еще проверяют склон.",
    "uk": "У міській раді в понеділок повідомили, що прибережна дорога залишиться закритою до кінця тижня, бо інженери ще перевіряють схил.",
    "pl": "Urząd miasta poinformował w poniedziałek, że droga nadmorska pozostanie zamknięta do końca tygodnia, ponieważ inżynierowie wciąż sprawdzają klif.",
    "el": "Ο δήμος ανακοίνωσε τη Δευτέρα ότι ο παραλιακός δρόμος θα παραμείνει κλειστός μέχρι το τέλος της εβδομάδας, επειδή οι μηχανικοί ελέγχουν ακόμη τον γκρεμό.",
    "zh": "市政府周一表示，沿海公路将封闭到本周末，因为工程师仍在检查山体的稳定情况。",
    "ja": "市は月曜日、海岸沿いの道路は週末まで通行止めが続くと発表した。技術者が崖の安全性を確認している。",
    "ko": "시는 월요일 해안 도로가 이번 주말까지 폐쇄된다고 밝혔다. 기술자들이 여전히 절벽을 점검하고 있다.",
    "id": "Pemerintah kota mengatakan pada hari Senin bahwa jalan pantai akan tetap ditutup sampai akhir pekan, karena para insinyur masih memeriksa tebing.",
    "tr": "Belediye pazartesi günü yaptığı açıklamada, mühendisler yamacı hâlâ incelediği için sahil yolunun hafta sonuna kadar kapalı kalacağını söyledi.",
    "cs": "Radnice v pondělí uvedla, že pobřežní silnice zůstane uzavřená až do konce týdne, protože inženýři stále kontrolují útes.",
    "sv": "Kommunen sade på måndagen att kustvägen kommer att vara avstängd till slutet av veckan, eftersom ingenjörerna fortfarande undersöker klippan.",
    "ar": "قالت البلدية يوم الاثنين إن الطريق الساحلي سيبقى مغلقا حتى نهاية الأسبوع، لأن المهندسين ما زالوا يفحصون الجرف.",
    "ro": "Primăria a anunțat luni că drumul de coastă va rămâne închis până la sfârșitul săptămânii, pentru că inginerii încă verifică faleza.",
    "hu": "Az önkormányzat hétfőn közölte, hogy a part menti út a hét végéig zárva marad, mert a mérnökök még vizsgálják a sziklafalat.",
    "vi": "Chính quyền thành phố cho biết hôm thứ Hai rằng con đường ven biển sẽ tiếp tục đóng cửa đến cuối tuần, vì các kỹ sư vẫn đang kiểm tra vách đá.",
    "hi": "नगर निगम ने सोमवार को बताया कि तटीय सड़क सप्ताह के अंत तक बंद रहेगी, क्योंकि इंजीनियर अभी भी चट्टान की जांच कर रहे हैं।",
}


@pytest.mark.parametrize(("lang", "text"), sorted(PARAGRAPHS.items()))
def test_detect_language(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_every_cue_language_has_a_test_paragraph() -> None:
    from newsclean.resources import cue_languages

    assert set(cue_languages()) <= set(PARAGRAPHS)


def test_menu_in_english_does_not_outvote_the_article() -> None:
    page = "Home\nNews\nSport\nWeather\nSign in\n" + "\n".join([PARAGRAPHS["pl"]] * 2)
    assert detect_language(page) == "pl"


@pytest.mark.parametrize("text", ["", "12345 67:89", "Ok", "🎉🎉🎉", "— · —"])
def test_undecided(text: str) -> None:
    assert detect_language(text) is None


def test_filter_sets_lang_and_keeps_a_given_one() -> None:
    doc = Document.from_text(PARAGRAPHS["fr"])
    assert detect_page_language(doc).lang == "fr"
    given = Document.from_text(PARAGRAPHS["fr"], lang="it")
    assert detect_page_language(given) is given


def test_page_header_lines_do_not_vote() -> None:
    """The header's title goes with the header (extract_title drops it): the language is
    read from the rest, as it will be when the clean text is read again."""
    header = "date 2024-03-05 Le conseil de la ville vote le budget de la saison pour les routes"
    body = "Harbour ferries\nCrossings resume at noon"
    assert detect_language(header + "\n" + body) == "fr"
    assert detect_page_language(Document.from_text(header + "\n" + body)).lang is None
    assert detect_page_language(Document.from_text(body + "\n" + header)).lang is None
    assert detect_page_language(Document.from_text(header + "\n" + PARAGRAPHS["de"])).lang == "de"


def test_a_page_whose_middle_tells_nothing_is_read_elsewhere() -> None:
    """The sample is read a third into a long page; where that is a run of embed code or
    figures, the page's start, then two thirds into it, decide."""
    embed = '<div class="player" style="width: 100%"><script src="/js/player.js?id=56511828"></script></div>'
    figures = "\n".join(f"{day:02d}.11 {day * 7 % 90:>3} {day * 13 % 70:>3}" for day in range(1, 31))
    article = "\n".join([PARAGRAPHS["ru"]] * 5)
    page = "\n".join([article, embed * 20, figures, embed * 20, article])
    start, end = sample_window(len(page))
    assert len(page) > 2 * 2000 and detect_language(page[start:end]) is None
    assert detect_page_language(Document.from_text(page)).lang == "ru"


def test_filter_returns_same_object_when_undecided() -> None:
    doc = Document.from_text("12345")
    assert detect_page_language(doc) is doc


def test_config_lang_forces_the_language() -> None:
    doc = Document.from_text(PARAGRAPHS["fr"])
    assert detect_page_language(doc, Config(lang="de")).lang == "de"


def test_config_lang_unknown_raises_listing_known() -> None:
    with pytest.raises(UnknownLanguageError) as info:
        detect_page_language(Document.from_text(PARAGRAPHS["en"]), Config(lang="xx"))
    assert "'xx'" in str(info.value)
    for known in ("de", "el", "en", "pl", "ru", "zh"):
        assert known in str(info.value)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["date 2024-03-05 Ferries resume", "DATE 2024-03-05", "Rain fell.", "İzmir", "",
                         "The council met on Monday and agreed the budget for the year. " * 12]),
        min_size=1, max_size=40,
    )
)
def test_the_language_is_read_from_the_page_without_its_header_lines(lines: list[str]) -> None:
    """Headers anywhere (first, last, in a row, alone), a line whose lower-casing is longer
    (it moves the lower-cased page's offsets), and pages long enough to be sampled: what
    is read is the sample of the page without its headers."""
    body = "\n".join(line for line in lines if not line.lower().startswith("date 2024"))
    start, end = sample_window(len(body))
    read = _body_sample("\n".join(lines))  # detection samples it again (a no-op when cut)
    read_start, read_end = sample_window(len(read))
    assert read[read_start:read_end] == body[start:end]


def test_a_block_of_english_terms_does_not_outweigh_a_russian_page() -> None:
    """The script is counted on the whole sample: English terms of use at the top of a
    Russian page's sample, followed by the article, leave the page Russian."""
    terms = (
        "Readers may share links to our stories, but the articles, photographs and graphics on this site may "
        "not be copied for commercial use without the written permission of the publisher. "
    ) * 5
    article = (
        "Городской совет утвердил новый бюджет на следующий год. Больше всего денег получат школы и больницы, "
        "а на ремонт дорог выделят на треть больше, чем в прошлом году, сообщили в мэрии. "
    ) * 6
    assert detect_language(terms + "\n" + article) == "ru"


# Short lines of news in languages that share words or letters, each with the language
# it must be read as.
SHORT_LINES = [
    # Czech, and Polish next to it
    ("cs", "Starosta řekl, že most bude opraven ještě letos."),
    ("cs", "Podle policie nikdo nebyl zraněn."),
    ("cs", "To je pro nás velmi důležité, řekla."),
    ("pl", "Burmistrz powiedział, że most zostanie naprawiony jeszcze w tym roku."),
    ("pl", "Według policji nikt nie został ranny."),
    ("pl", "To jest dla nas bardzo ważne, powiedziała."),
    # Swedish, and Dutch and German, which share some of its words
    ("sv", "Enligt polisen skadades ingen i olyckan."),
    ("sv", "Det är viktigt för oss, säger hon."),
    ("sv", "Regeringen föreslår att skatten på bensin sänks från och med januari."),
    ("nl", "Volgens de politie raakte niemand gewond bij het ongeluk."),
    ("de", "Laut Polizei wurde bei dem Unfall niemand verletzt."),
    # Turkish and Indonesian, both written in Latin letters with few function words
    ("tr", "Bu bizim için çok önemli, dedi."),
    ("tr", "Polise göre kazada kimse yaralanmadı ve yol yeniden açıldı."),
    ("id", "Menurut polisi, tidak ada yang terluka dalam kecelakaan itu."),
    ("id", "Ini sangat penting bagi kami, katanya."),
    # Arabic: the script decides, whatever the words
    ("ar", "قالت الشرطة إن أحدا لم يصب في الحادث."),
    # Romanian, and Italian, Spanish and Portuguese, which share many of its short words
    ("ro", "Primarul a spus că podul va fi reparat anul acesta."),
    ("ro", "Potrivit poliției, nimeni nu a fost rănit."),
    ("ro", "Este foarte important pentru noi, a spus ea."),
    ("ro", "Guvernul propune ca taxa pe benzină să scadă din ianuarie."),
    ("it", "Secondo la polizia, nessuno è rimasto ferito."),
    ("it", "Il sindaco ha detto che il ponte sarà riparato quest'anno."),
    ("es", "Según la policía, nadie resultó herido en el accidente."),
    ("pt", "Segundo a polícia, ninguém ficou ferido no acidente."),
    ("pt", "É muito importante para nós, disse ela."),
    ("fr", "Le maire a déclaré que le pont serait réparé cette année."),
    # Hungarian
    ("hu", "A polgármester szerint a hidat még idén kijavítják."),
    ("hu", "A rendőrség szerint senki sem sérült meg."),
    ("hu", "A kormány azt javasolja, hogy januártól csökkentsék a benzin adóját."),
    # Vietnamese, with its diacritics
    ("vi", "Thị trưởng cho biết cây cầu sẽ được sửa chữa trong năm nay."),
    ("vi", "Theo cảnh sát, không có ai bị thương trong vụ tai nạn."),
    ("vi", "Điều này rất quan trọng đối với chúng tôi, bà nói."),
    # Hindi: the script decides, whatever the words
    ("hi", "पुलिस के अनुसार हादसे में कोई घायल नहीं हुआ।"),
]


@pytest.mark.parametrize(("lang", "text"), SHORT_LINES)
def test_short_lines_of_close_languages(lang: str, text: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        # Slovak: read as Czech, the nearest language shipped, or left undecided; never Polish
        "Starosta povedal, že most bude opravený ešte tento rok.",
        "Vláda v stredu schválila návrh zákona, ktorý by mal zrýchliť výstavbu diaľnic.",
    ],
)
def test_slovak_is_never_taken_for_polish(text: str) -> None:
    assert detect_language(text) in ("cs", None)


@pytest.mark.parametrize(
    "text",
    [
        # Danish and Norwegian: read as Swedish, the nearest language shipped, or undecided
        "Ifølge politiet kom ingen til skade i ulykken, og vejen er igen åben.",
        "Ifølge politiet ble ingen skadet i ulykken, og veien er åpen igjen.",
        "Regeringen foreslår, at afgiften på benzin sænkes fra januar.",
    ],
)
def test_danish_and_norwegian_go_to_swedish_or_nowhere(text: str) -> None:
    assert detect_language(text) in ("sv", None)


def test_a_turkish_line_without_three_function_words_is_undecided_not_indonesian() -> None:
    """Turkish writes most function words as suffixes: a short line may have too few
    separate ones for the vote, and is then left undecided."""
    assert detect_language("Hükümet, benzin vergilerinin ocak ayından itibaren düşürülmesini önerdi.") is None


def test_the_czech_list_cannot_tie_another_language_on_its_own_text() -> None:
    """Czech comes first in name order, so it would win a tie: it shares at most two words
    with any other voting language's list, and a line of that language alone, which needs
    three votes to be decided, always has a vote Czech lacks."""
    from newsclean.language import _SCRIPT_DECIDED
    from newsclean.resources import stopword_languages, stopwords

    voting = [lang for lang in stopword_languages() if lang not in _SCRIPT_DECIDED]
    assert voting[0] == "cs"
    for lang in voting[1:]:
        assert len(stopwords("cs") & stopwords(lang)) < 3, lang


def test_arabic_pages_with_an_english_menu_and_presentation_forms() -> None:
    menu = "Home\nNews\nSport\nSign in\n"
    assert detect_language(menu + PARAGRAPHS["ar"]) == "ar"
    # Old pages encoded in Arabic presentation forms (U+FE70-FEFF) are Arabic too.
    assert detect_language("ﻣﺮﺣﺒﺎ ﺑﻜﻢ ﻓﻲ ﺍﻟﻤﺪﻳﻨﺔ ﺍﻟﺠﺪﻳﺪﺓ") == "ar"
    # A language picker's Arabic entries on a Latin page leave the page to the vote.
    picker = "العربية\nالإمارات العربية المتحدة (العربية)\n"
    assert detect_language(picker + PARAGRAPHS["en"] * 2) == "en"


def test_a_turkish_page_in_capitals_keeps_its_language() -> None:
    """Capital İ lower-cases to two characters ("i̇"): the vote still finds the words."""
    page = "İSTANBUL'DA YENİ METRO HATTI AÇILDI\n" + PARAGRAPHS["tr"]
    assert detect_language(page) == "tr"
    assert detect_page_language(Document.from_text(page)).lang == "tr"


@pytest.mark.parametrize(
    "text",
    [
        # Romanian without its diacritics, and with the cedilla forms ş/ţ of older pages
        "Primarul a declarat ca podul va fi reparat pana la sfarsitul anului.",
        "Potrivit poliţiei, nimeni nu a fost rănit în accident, iar drumul este deschis.",
        "Şeful poliţiei a spus că nimeni nu a fost rănit.",
    ],
)
def test_romanian_without_diacritics_or_with_cedillas(text: str) -> None:
    assert detect_language(text) == "ro"


@pytest.mark.parametrize(
    "text",
    [
        "Theo canh sat, khong co ai bi thuong trong vu tai nan.",
        "Thi truong cho biet cay cau se duoc sua chua trong nam nay.",
        "Dieu nay rat quan trong doi voi chung toi, ba noi.",
    ],
)
def test_vietnamese_without_diacritics_is_undecided(text: str) -> None:
    """The Vietnamese list holds the syllables as written, with their diacritics: text
    typed without them shares too few of them (and of any other list) to be decided."""
    assert detect_language(text) is None


def test_a_short_hungarian_line_without_three_function_words_is_undecided() -> None:
    """Hungarian, like Turkish, writes most function words as suffixes."""
    assert detect_language("Ez nagyon fontos nekünk.") is None


@pytest.mark.parametrize(
    "text",
    [
        # Marathi and Nepali are written in Devanagari too: they are taken for Hindi
        "पोलिसांच्या म्हणण्यानुसार अपघातात कोणीही जखमी झाले नाही.",
        "प्रहरीका अनुसार दुर्घटनामा कोही घाइते भएनन्।",
    ],
)
def test_other_devanagari_languages_are_taken_for_hindi(text: str) -> None:
    assert detect_language(text) == "hi"


def test_a_hindi_page_with_an_english_menu() -> None:
    menu = "Home\nNews\nSport\nSign in\nE-Paper\n"
    assert detect_language(menu + PARAGRAPHS["hi"]) == "hi"
    assert detect_page_language(Document.from_text(menu + PARAGRAPHS["hi"])).lang == "hi"
    # A language picker's Hindi entry on a Latin page leaves the page to the vote.
    assert detect_language("हिन्दी\n" + PARAGRAPHS["en"] * 2) == "en"


def test_the_hungarian_list_cannot_tie_a_later_language_on_its_own_text() -> None:
    """Hungarian comes before Indonesian, Italian, Dutch, Polish, Portuguese, Romanian,
    Swedish, Turkish and Vietnamese in name order, so it would win their ties: it shares
    at most two words with each of their lists (as Czech does with all)."""
    from newsclean.language import _SCRIPT_DECIDED
    from newsclean.resources import stopword_languages, stopwords

    voting = [lang for lang in stopword_languages() if lang not in _SCRIPT_DECIDED]
    for lang in voting[voting.index("hu") + 1 :]:
        assert len(stopwords("hu") & stopwords(lang)) < 3, lang


@pytest.mark.parametrize(
    "line",
    ["Listen to this article", "Read more: Where the ferries go next", "A view of the pier /Picture: Getty"],
)
def test_a_boilerplate_line_does_not_decide_a_few_word_page(line: str) -> None:
    """A line that `remove_boilerplate` or `extract_captions` takes out is left out of the
    vote of a page with few words, as the clean text read again will not have it."""
    page = f"{line}\nHarbour of Dunmore\nPier 7, 09:30\nFerries: 4"
    assert detect_page_language(Document.from_text(page)).lang is None
    assert detect_page_language(Document.from_text(f"{page}\nThe ferries ran again on Monday.")).lang == "en"
