"""No-break and thin spaces: the text keeps a lone one, and every cue, label, byline and
date written with plain spaces still finds the lines that carry them (text taken from HTML
holds `&nbsp;` in exactly the widget lines: "Lire aussi&nbsp;:", "Photo&nbsp;: AFP")."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Reason
from newsclean.spacing import SPACE_CHARS, has_space_chars, plain_lower, plain_spaces

NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"


def test_plain_forms_keep_every_offset() -> None:
    text = f"Lire aussi{NBSP}: 12{NARROW}400 habitants{THIN}!"
    assert plain_spaces(text) == "Lire aussi : 12 400 habitants !"
    assert plain_lower(text) == "lire aussi : 12 400 habitants !"
    assert len(plain_spaces(text)) == len(text)
    assert plain_spaces("Ferries resume") == "Ferries resume"
    assert not has_space_chars("Ferries resume “today”") and has_space_chars("10" + NBSP + "km")
    assert all(plain_spaces(char) == " " for char in SPACE_CHARS)
    assert plain_lower("研究人员\u3000发现") == "研究人员\u3000发现"  # the ideographic space is not one
    # normalize_whitespace skips the scan for them on a page whose lines are all printable
    assert not any(char.isprintable() for char in SPACE_CHARS)


# (language, the article's lines, boilerplate lines as written with plain spaces, each
# with the reason it goes for). Every article has a no-break space of its own, which stays.
PAGES = [
    (
        "fr",
        [
            "Les ferries ont repris mardi après une semaine de tempête qui les avait retenus au port.",
            f"L'opérateur a indiqué que le bateau, parti à 7{NBSP}h, a fait 12{NBSP}km sans encombre.",
            "Les habitants de l'île étaient privés de livraisons depuis que la digue avait été endommagée.",
        ],
        [
            ("Partager cet article", Reason.SHARE),
            ("Lire aussi : La digue sera réparée avant l'été", Reason.INLINE_TEASER),
            ("Abonnez-vous à notre newsletter", Reason.SUBSCRIBE),
            ("Par Jeanne Dupont", Reason.BYLINE),
        ],
    ),
    (
        "en",
        [
            "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
            f"The operator said the first boat left at seven and covered the 12{NBSP}km crossing in an hour.",
            "Islanders had been without fresh deliveries since the harbour wall was damaged.",
        ],
        [
            ("Share this article", Reason.SHARE),
            ("Read more: Harbour wall to be rebuilt by summer", Reason.INLINE_TEASER),
            ("Listen to this article", Reason.AUDIO_WIDGET),
            ("By Jane Doe", Reason.BYLINE),
            ("Published 5 March 2024, 10:30", Reason.DATELINE),
        ],
    ),
    (
        "de",
        [
            "Die Fähren zur Insel fahren seit Dienstag wieder, nachdem eine Sturmwoche sie im Hafen hielt.",
            f"Das erste Schiff legte um 7{NARROW}Uhr ab und brauchte für die 12{NBSP}km eine Stunde.",
            "Die Inselbewohner waren seit der Beschädigung der Hafenmauer ohne frische Lieferungen.",
        ],
        [
            ("Artikel teilen", Reason.SHARE),
            ("Mehr zum Thema", Reason.TEASER_HEADING),
            ("Von Anna Weber", Reason.BYLINE),
        ],
    ),
    (
        "pl",
        [
            "Promy na wyspę znów kursują od wtorku po tygodniu sztormów, które zatrzymały je w porcie.",
            f"Pierwszy statek wypłynął o 7{NBSP}rano i pokonał 12{NBSP}km w godzinę, podał przewoźnik.",
            "Mieszkańcy wyspy nie mieli świeżych dostaw od czasu uszkodzenia falochronu w porcie.",
        ],
        [
            ("Udostępnij na Facebooku", Reason.SHARE),
            ("Kopiuj link", Reason.SHARE),
            ("Czytaj także: Falochron zostanie odbudowany latem", Reason.INLINE_TEASER),
        ],
    ),
    (
        "ru",
        [
            "Паромы на остров снова ходят со вторника после недели штормов, которые держали их в порту.",
            f"Первое судно вышло в 7{NBSP}утра и прошло 12{NBSP}км за час, сообщил перевозчик.",
            "Жители острова оставались без свежих поставок с тех пор, как была повреждена дамба.",
        ],
        [
            ("Поделиться", Reason.SHARE),
            ("Читайте также: Дамбу восстановят к лету", Reason.INLINE_TEASER),
        ],
    ),
]


def _with(line: str, space: str) -> str:
    """`line` with its plain spaces turned into `space` (and a French colon's space too)."""
    return line.replace(" ", space)


@pytest.mark.parametrize("space", [NBSP, NARROW], ids=["no-break", "narrow no-break"])
@pytest.mark.parametrize(("lang", "article", "boilerplate"), PAGES, ids=[page[0] for page in PAGES])
def test_boilerplate_written_with_other_spaces_goes_and_the_article_keeps_its_own(
    lang: str, article: list[str], boilerplate: list[tuple[str, Reason]], space: str
) -> None:
    lines = [article[0], *(_with(line, space) for line, _ in boilerplate), *article[1:]]
    plain = newsclean.clean("\n".join([article[0], *(line for line, _ in boilerplate), *article[1:]]))
    doc = newsclean.clean("\n".join(lines))
    assert doc.lang == plain.lang == lang
    assert doc.paragraphs == plain.paragraphs == article
    for (_, reason), written in zip(boilerplate, lines[1:], strict=False):
        assert any(written in removed for removed in doc.removed_by(reason)), (written, reason)
    assert doc.restore() == "\n".join(lines)


def test_a_byline_and_a_caption_credit_written_with_no_break_spaces_are_read() -> None:
    page = "\n".join([
        "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
        f"By{NBSP}Jane Doe",
        f"Passengers board the first ferry at dawn.{NBSP}Photo:{NBSP}Reuters",
        "The operator said the first boat left at seven and every crossing was full by noon.",
        "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ])
    doc = newsclean.clean(page)
    assert doc.byline is not None and doc.byline.split() == ["Jane", "Doe"]
    assert [caption.credit for caption in doc.captions] == ["Reuters"]
    assert all("Photo" not in paragraph for paragraph in doc.paragraphs)
