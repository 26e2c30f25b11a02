# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`extract_captions`: caption lines move to `Document.captions` with their credit, the
alt-text line they repeat is dropped; lines that only mention a photo stay."""

from __future__ import annotations

import pytest

from newsclean import Caption, Document, Reason
from newsclean.filters import extract_captions
from newsclean.filters.captions import split_credit

BEFORE = "The council met on Monday and agreed the budget."
AFTER = "It will take effect in April, the council said."

# (page language, caption line, caption text, credit); each image is also printed as its
# alt-text line, the caption text without the credit, right before the caption line.
CAPTIONS = [
    ("en", "A flooded street in Leeds. Picture: Getty", "A flooded street in Leeds.", "Getty"),
    (
        "en",
        "Ashcombe Golf Club's clubhouse, where the roof repairs have been put on hold. Picture: Google",
        "Ashcombe Golf Club's clubhouse, where the roof repairs have been put on hold.",
        "Google",
    ),
    (
        "en",
        "A dragonfly on a reed at Fenwick marshes. (AP Photo/Daniel Brooks)",
        "A dragonfly on a reed at Fenwick marshes.",
        "AP Photo/Daniel Brooks",
    ),
    (
        "en",
        "Runners at the start of the Dunmore Marathon. Photo: Martin Kerr",
        "Runners at the start of the Dunmore Marathon.",
        "Martin Kerr",
    ),
    (
        "de",
        "Die Werkshalle von Hartung in Hohenfeld. Foto: Markus Lehmann",
        "Die Werkshalle von Hartung in Hohenfeld.",
        "Markus Lehmann",
    ),
    (
        "fr",
        "Le public du festival en 2022. Photo : Association Jazz en Roche",
        "Le public du festival en 2022.",
        "Association Jazz en Roche",
    ),
    (
        "es",
        "Un termómetro en la plaza mayor marca 45 grados. Foto: EFE",
        "Un termómetro en la plaza mayor marca 45 grados.",
        "EFE",
    ),
    (
        "ru",
        "Здание арбитражного суда. Фото: из материалов дела",
        "Здание арбитражного суда.",
        "из материалов дела",
    ),
    pytest.param(
        "pl",
        "Siatkarki Jodły po meczu. Fot. Tomasz Wiśniewski / Kurier Podgórski",
        "Siatkarki Jodły po meczu.",
        "Tomasz Wiśniewski / Kurier Podgórski",
    ),
    (
        "el",
        "Το αρχαίο θέατρο κατά τη διάρκεια παράστασης. Φωτογραφία: Δήμος Λευκόπετρας",
        "Το αρχαίο θέατρο κατά τη διάρκεια παράστασης.",
        "Δήμος Λευκόπετρας",
    ),
    pytest.param(
        "zh",
        "研究人员在溪流边进行夜间调查。图片来源：南岭大学生命科学学院",
        "研究人员在溪流边进行夜间调查。",
        "南岭大学生命科学学院",
    ),
    ("tr", "Yeni iskeleye yanaşan ilk feribot. Fotoğraf: Murat Öztürk / Kıyı Postası", "Yeni iskeleye yanaşan ilk feribot.", "Murat Öztürk / Kıyı Postası"),
    ("tr", "Sahil yolundaki çalışmalar sürüyor. Kaynak: Sarıdere Belediyesi", "Sahil yolundaki çalışmalar sürüyor.", "Sarıdere Belediyesi"),
    ("cs", "Nový bazén koupaliště v Bělohradci. Foto: Petr Novotný, Zpravodaj Podlesí", "Nový bazén koupaliště v Bělohradci.", "Petr Novotný, Zpravodaj Podlesí"),
    ("cs", "Starosta Martin Kolář při prohlídce šaten. Zdroj: Město Bělohradec", "Starosta Martin Kolář při prohlídce šaten.", "Město Bělohradec"),
    ("sv", "Färjan Ekö II vid kajen i Hamnvik. Foto: Johan Berg", "Färjan Ekö II vid kajen i Hamnvik.", "Johan Berg"),
    ("sv", "Den gamla rampen lyfts bort med kran. Bild: Trafikverket", "Den gamla rampen lyfts bort med kran.", "Trafikverket"),
    ("ar", "محطة التحلية الجديدة على شاطئ الرملية. تصوير: خالد منصور", "محطة التحلية الجديدة على شاطئ الرملية.", "خالد منصور"),
    ("ar", "رئيس البلدية خلال حفل الافتتاح (المصدر: بلدية الرملية)", "رئيس البلدية خلال حفل الافتتاح", "بلدية الرملية"),
    ("ro", "Noul pod din Valea Lungă, în ziua redeschiderii. Foto: Radu Ionescu / Gazeta de Vale", "Noul pod din Valea Lungă, în ziua redeschiderii.", "Radu Ionescu / Gazeta de Vale"),
    ("ro", "Primarul Vasile Toma la inaugurare. Sursa foto: Primăria Valea Lungă", "Primarul Vasile Toma la inaugurare.", "Primăria Valea Lungă"),
    ("hu", "Az új könyvtár olvasóterme a megnyitó napján. Fotó: Szabó Gergely / Tiszaréti Hírek", "Az új könyvtár olvasóterme a megnyitó napján.", "Szabó Gergely / Tiszaréti Hírek"),
    ("hu", "A felújított épület homlokzata. Forrás: Tiszarét Önkormányzata", "A felújított épület homlokzata.", "Tiszarét Önkormányzata"),
    ("vi", "Chiếc phà đầu tiên cập bến Cồn Lau sáng 15/1. Ảnh: Lê Minh Tuấn", "Chiếc phà đầu tiên cập bến Cồn Lau sáng 15/1.", "Lê Minh Tuấn"),
    ("vi", "Cầu cảng mới của bến phà. Ảnh minh họa: Ban quản lý bến phà", "Cầu cảng mới của bến phà.", "Ban quản lý bến phà"),
    ("hi", "नई मंडी में पहले दिन की खरीदारी। फोटो: अमित शर्मा", "नई मंडी में पहले दिन की खरीदारी।", "अमित शर्मा"),
    ("hi", "मंडी का नया शीतगृह। फ़ोटो साभार: नगर पालिका", "मंडी का नया शीतगृह।", "नगर पालिका"),
    # A bracket of names and an agency, no label: "(Jane Doe/AP)", "[File: Reuters]".
    ("en", "Rescue crews at the quarry on Sunday, May 4, 2025. (Daniel Brooks/AP)", "Rescue crews at the quarry on Sunday, May 4, 2025.", "Daniel Brooks/AP"),
    ("en", "Delegates leave the summit hall in Lisbon. (Marta Reis / Reuters)", "Delegates leave the summit hall in Lisbon.", "Marta Reis / Reuters"),
    ("en", "The minister arrives at the palace, Monday. (Yves Morel, Pool via AP)", "The minister arrives at the palace, Monday.", "Yves Morel, Pool via AP"),
    ("en", "Firefighters outside the mill in Hexley. (Owen Price/The Hexley Courier via AP)", "Firefighters outside the mill in Hexley.", "Owen Price/The Hexley Courier via AP"),
    ("en", "Ferries wait at the harbour wall in Dunmore [File: Reuters]", "Ferries wait at the harbour wall in Dunmore", "File: Reuters"),
    ("es", "Bomberos en la nave incendiada de Villaseca. (Lucía Herrero/EFE)", "Bomberos en la nave incendiada de Villaseca.", "Lucía Herrero/EFE"),
    ("de", "Die gesperrte Brücke bei Hohenfeld. (Jörg Brandt/dpa)", "Die gesperrte Brücke bei Hohenfeld.", "Jörg Brandt/dpa"),
    ("pl", "Strażacy przy hali w Podgórzu. (Łukasz Gąsior/PAP)", "Strażacy przy hali w Podgórzu.", "Łukasz Gąsior/PAP"),
    ("ru", "Пожарные у склада в Заречье. (Александр Крылов/ТАСС)", "Пожарные у склада в Заречье.", "Александр Крылов/ТАСС"),
    # A credit glued to its caption with no blank, as some dumps join two text nodes.
    ("en", "A hiker on the ridge above Kestrel Valley in MayCredit: Kestrel Valley Times", "A hiker on the ridge above Kestrel Valley in May", "Kestrel Valley Times"),
    ("en", "Volunteers fill sandbags outside the town hallPicture: Getty - Contributor", "Volunteers fill sandbags outside the town hall", "Getty - Contributor"),
    ("en", "The pier after the storm of March 3, 2024Image: Harbour Trust", "The pier after the storm of March 3, 2024", "Harbour Trust"),
    ("de", "Die neue Fähre im Hafen von HohenfeldFoto: Markus Lehmann", "Die neue Fähre im Hafen von Hohenfeld", "Markus Lehmann"),
    ("ru", "Новый паром у причала в ЗаречьеФото: Иван Петров", "Новый паром у причала в Заречье", "Иван Петров"),
    ("en", "The old lighthouse at Dunmore Head in 1998.Ana Lima / Reuters file", "The old lighthouse at Dunmore Head in 1998.", "Ana Lima / Reuters file"),
    ("en", "Rep. Jane Morrow speaks at the Capitol on July 25, 2019.J. Scott Whitmore / AP file", "Rep. Jane Morrow speaks at the Capitol on July 25, 2019.", "J. Scott Whitmore / AP file"),
]


@pytest.mark.parametrize(("lang", "line", "text", "credit"), CAPTIONS)
def test_lone_caption_line(lang: str, line: str, text: str, credit: str) -> None:
    page = "\n".join([BEFORE, line, AFTER])
    doc = extract_captions(Document.from_text(page, lang=lang))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.captions == (Caption(text, credit),)
    assert doc.removed_by(Reason.CAPTION) == [line + "\n"]
    assert doc.restore() == page


@pytest.mark.parametrize(("lang", "line", "text", "credit"), CAPTIONS)
def test_alt_text_repeating_the_caption_goes(lang: str, line: str, text: str, credit: str) -> None:
    alt = text.rstrip(".。।")
    page = "\n".join([BEFORE, alt, line, AFTER])
    doc = extract_captions(Document.from_text(page, lang=lang))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.captions == (Caption(text, credit),)
    assert "".join(doc.removed_by(Reason.ALT_TEXT)) == alt + "\n"
    assert doc.restore() == page


# (alt text, caption line): the alt text is the first words of the caption, as in the
# team's fixture pages, where these alt lines are labelled boilerplate.
PREFIX_ALTS = [
    (
        "Ashcombe Golf Club's clubhouse",
        "Ashcombe Golf Club's clubhouse, where the roof repairs have been put on hold. Picture: Google",
    ),
    ("Die Werkshalle von Hartung", "Die Werkshalle von Hartung in Hohenfeld. Foto: Markus Lehmann"),
    (
        "Το αρχαίο θέατρο της Λευκόπετρας",
        "Το αρχαίο θέατρο της Λευκόπετρας κατά τη διάρκεια περσινής παράστασης. Φωτογραφία: Δήμος Λευκόπετρας",
    ),
]


@pytest.mark.parametrize(("alt", "line"), PREFIX_ALTS)
def test_alt_text_that_starts_the_caption_goes(alt: str, line: str) -> None:
    page = "\n".join([BEFORE, alt, line, AFTER])
    doc = extract_captions(Document.from_text(page))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.removed_by(Reason.ALT_TEXT) == [alt + "\n"]


def test_captions_keep_page_order_and_add_to_given_ones() -> None:
    page = "\n".join(
        [
            BEFORE,
            "Police tape at the scene. Picture: Westmoor Police",
            AFTER,
            "The clubhouse roof. Picture: Google",
        ]
    )
    doc = extract_captions(Document.from_text(page, lang="en"))
    assert [c.credit for c in doc.captions] == ["Westmoor Police", "Google"]
    assert doc.text == f"{BEFORE}\n{AFTER}"


def test_standfirst_repeated_as_caption_stays_once() -> None:
    standfirst = "A former treasurer of a village golf club has been jailed for two years."
    page = f"{standfirst}\n{standfirst} Picture: Westmoor Police\n{BEFORE}"
    doc = extract_captions(Document.from_text(page, lang="en"))
    assert doc.paragraphs == [standfirst, BEFORE]
    assert doc.captions == (Caption(standfirst, "Westmoor Police"),)


@pytest.mark.parametrize(
    ("line", "split"),
    [
        ("Flags wave in Kharkiv. Picture: Getty", ("Flags wave in Kharkiv.", "Getty")),
        ("Fans at the final (AP Photo/Jane Doe)", ("Fans at the final", "AP Photo/Jane Doe")),
        ("Photo: Reuters", ("", "Reuters")),
        ("The new bridge over the IJssel. Foto: ANP", ("The new bridge over the IJssel.", "ANP")),
        ("He took a photo: it was blurred", None),
        ("The photo shows the bridge before the storm.", None),
        pytest.param(
            "Photography by the river is banned, the council said.",
            None,
        ),
    ],
)
def test_split_credit(line: str, split: tuple[str, str] | None) -> None:
    assert split_credit(line) == split


def test_a_gallery_of_captions_with_a_credit_and_no_label_goes() -> None:
    """"Name Submitted photo": a credit with no label, capitalised, at the end of the line."""
    gallery = [
        ("Margaret A. Hollis Submitted photo", "Margaret A. Hollis", "Submitted photo"),
        ("The harbour wall in 1953 Courtesy photo", "The harbour wall in 1953", "Courtesy photo"),
        ("Firefighters at the mill on Tuesday - Staff photo", "Firefighters at the mill on Tuesday", "Staff photo"),
        # "İ" lower-cases to two characters: the line is still split where its credit starts
        ("İzmir ferry terminal in 1962 Courtesy photo", "İzmir ferry terminal in 1962", "Courtesy photo"),
    ]
    page = "\n".join([BEFORE, *(line for line, _, _ in gallery), AFTER])
    doc = extract_captions(Document.from_text(page, lang="en"))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.captions == tuple(Caption(text, credit) for _, text, credit in gallery)


# Credit lines in the agencies' own style, alone under a picture: names and agency joined
# by slashes, with no label (page language, line).
BARE_CREDITS = [
    ("en", "Priya Raman/Harbour Times/Getty Images"),
    ("en", "J. Scott Whitmore/AP"),
    ("en", "Ludovic Marchand/AFP via Getty Images"),
    ("en", "Owen Hartley / Bloomberg"),
    ("pl", "Łukasz Gąsior/PAP"),
    ("pl", "/PAP/EPA"),
    ("ru", "Александр Крылов/ТАСС"),
    ("de", "Jörg Brandt/dpa"),
    ("it", "Marco Ferretti/ANSA"),
    ("es", "Lucía Herrero / EFE"),
]


@pytest.mark.parametrize(("lang", "line"), BARE_CREDITS)
def test_a_credit_line_in_the_agencies_style_goes(lang: str, line: str) -> None:
    caption = "Smoke over the old town on Tuesday evening."
    doc = extract_captions(Document.from_text(f"{BEFORE}\n{caption}\n{line}\n{AFTER}", lang=lang))
    # The credit goes; the line above it may be a caption or article text, which the
    # article model decides.
    assert doc.text == f"{BEFORE}\n{caption}\n{AFTER}"
    assert doc.removed_by(Reason.CAPTION) == [f"{line}\n"]


# Lines that end in an agency after a slash but are not a credit alone.
NOT_BARE_CREDITS = [
    "He sold the pictures to AFP/Reuters",
    "Read more/Reuters",
    "The harbour at dawn/AFP",
    "Wages rose by 3%, the agency said, citing figures from Eurostat/Reuters polls and the ministry's own data/AP",
    "Photo of Tim O'Brien / AP",
]


# Lines that end in a bracket, or hold a credit word and a colon, but are article text:
# the bracket holds no agency or lower-case words, the word is no credit label glued
# to the text before it, or what follows the colon is prose.
NOT_CREDITS = [
    "Turnout was the lowest since 2001 (Electoral Commission figures)",
    "The council approved the plan by seven votes to two (the mayor abstained/AP)",
    "Shares fell after the figures came out (see the table below)",
    "Rząd przyjął projekt ustawy o ochronie wybrzeża w poniedziałek. (MK/PAP)",
    "Note: the pier reopens at 10:30 on Monday, the harbour master said.",
    "The firm sold its stake in iPhoto: the deal closed in May.",
    "Ferries ran again on Monday morningCredit: unions said the strike was over",
]


@pytest.mark.parametrize("line", NOT_BARE_CREDITS + NOT_CREDITS)
def test_lines_that_only_look_like_credits_stay(line: str) -> None:
    doc = Document.from_text(f"{BEFORE}\n{line}\n{AFTER}", lang="en")
    assert extract_captions(doc) is doc


# Lines that mention a photo, a picture or an agency but are article text.
KEEP = [
    ("en", "The photo shows the bridge before the storm."),
    ("en", "Photographs taken by residents show water up to the windows."),
    ("en", "He took a photo: it was blurred, but it was enough for the police."),
    ("en", "The picture is not as simple as ministers claim, she said."),
    ("en", "“It was a photo finish,” the coach said (and he was right)."),
    ("en", "The council would not say who took the file photo"),
    ("en", "The editor said the paper had printed it as a Staff photo."),
    ("de", "Auf dem Foto ist die Brücke vor dem Sturm zu sehen."),
    ("fr", "La photo a fait le tour des réseaux sociaux en quelques heures."),
    ("es", "La foto de la plaza se compartió miles de veces en redes."),
    ("ru", "Фото моста облетело соцсети за несколько часов."),
    ("pl", "Zdjęcie mostu obiegło media społecznościowe."),
    ("el", "Η φωτογραφία έκανε τον γύρο των μέσων κοινωνικής δικτύωσης."),
    ("zh", "这张照片在社交媒体上被大量转发。"),
    ("tr", "Fotoğraf kısa sürede sosyal medyada binlerce kez paylaşıldı."),
    ("cs", "Foto mostu se během několika hodin rozšířilo po sociálních sítích."),
    ("sv", "Bilden spreds snabbt i sociala medier."),
    ("ar", "انتشرت صورة الجسر بسرعة على مواقع التواصل الاجتماعي."),
    ("ro", "Fotografia podului a făcut înconjurul rețelelor sociale."),
    ("hu", "A fotó a híd összeomlása előtt készült."),
    ("vi", "Ảnh chụp cây cầu được chia sẻ rộng rãi trên mạng xã hội."),
    ("hi", "फोटो सोशल मीडिया पर तेजी से वायरल हो गई।"),
]


@pytest.mark.parametrize(("lang", "line"), KEEP)
def test_lines_mentioning_a_photo_stay(lang: str, line: str) -> None:
    doc = Document.from_text(f"{BEFORE}\n{line}\n{AFTER}", lang=lang)
    assert extract_captions(doc) is doc


def test_page_without_captions_is_the_same_object() -> None:
    doc = Document.from_text(f"{BEFORE}\n{AFTER}", lang="en")
    assert extract_captions(doc) is doc


# Layouts that print an image's credit and caption on lines of their own, each after a
# label: (credit line, caption line, caption text, credit).
LABELLED = [
    ("Image copyright Getty Images", "Image caption Fishing boats sheltered in the harbour at Port Maren", "Fishing boats sheltered in the harbour at Port Maren", "Getty Images"),
    ("Image source, Reuters", "Image caption, The ferry terminal was closed for a week", "The ferry terminal was closed for a week", "Reuters"),
    ("Автор фото, ТАСС", "Подпись к фото, Паром у причала в Калининграде", "Паром у причала в Калининграде", "ТАСС"),
    ("Fuente de la imagen, EFE", "Pie de foto, El puerto de Vigo cerró durante la tormenta", "El puerto de Vigo cerró durante la tormenta", "EFE"),
    ("图像来源，新华社", "图像加注文字，渡轮停靠在码头", "渡轮停靠在码头", "新华社"),
    ("Fotoğraf kaynağı, Getty Images", "Fotoğraf altı yazısı, Feribot limanı fırtına nedeniyle bir hafta kapalı kaldı", "Feribot limanı fırtına nedeniyle bir hafta kapalı kaldı", "Getty Images"),
    ("صدر الصورة، Getty Images", "التعليق على الصورة، ميناء العبارات أغلق لأسبوع بسبب العاصفة", "ميناء العبارات أغلق لأسبوع بسبب العاصفة", "Getty Images"),
    ("इमेज स्रोत, Getty Images", "इमेज कैप्शन, तूफान के कारण बंदरगाह एक सप्ताह तक बंद रहा", "तूफान के कारण बंदरगाह एक सप्ताह तक बंद रहा", "Getty Images"),
    ("Nguồn hình ảnh, Getty Images", "Chụp lại hình ảnh, Bến cảng đóng cửa một tuần vì bão", "Bến cảng đóng cửa một tuần vì bão", "Getty Images"),
]


@pytest.mark.parametrize(("credit_line", "caption_line", "text", "credit"), LABELLED)
def test_labelled_credit_and_caption_lines(credit_line: str, caption_line: str, text: str, credit: str) -> None:
    page = "\n".join([BEFORE, credit_line, caption_line, AFTER])
    doc = extract_captions(Document.from_text(page))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.captions == (Caption(text=text, credit=credit),)
    assert [edit.reason for edit in doc.edits] == [Reason.CAPTION]
    assert doc.restore() == page


def test_labelled_lines_alone_and_in_prose() -> None:
    page = "\n".join(
        [
            BEFORE,
            "Media caption The harbour master explains why the ferries stopped",
            "Image copyright PA",
            "Image captioning software described the scene as a harbour.",
            AFTER,
        ]
    )
    doc = extract_captions(Document.from_text(page))
    assert doc.paragraphs == [BEFORE, "Image captioning software described the scene as a harbour.", AFTER]
    assert doc.captions == (Caption(text="The harbour master explains why the ferries stopped", credit=None),)


# Captions in the English-language wire services' style, printed as they come: (caption
# line, caption text, credit).
WIRE = [
    (
        "In this Nov. 19, 2024, file photo, a ferry leaves the harbour at Port Maren during a storm.",
        "In this Nov. 19, 2024, file photo, a ferry leaves the harbour at Port Maren during a storm.",
        None,
    ),
    (
        "In this photo provided by the Westmoor fire service, crews pump water from a flooded street in Ashcombe on Tuesday.",
        "In this photo provided by the Westmoor fire service, crews pump water from a flooded street in Ashcombe on Tuesday.",
        None,
    ),
    (
        "FILE - In this Oct. 3, 2023, photograph, shoppers queue outside a bakery in Dunmore. (AP Photo/Daniel Brooks)",
        "FILE - In this Oct. 3, 2023, photograph, shoppers queue outside a bakery in Dunmore.",
        "AP Photo/Daniel Brooks",
    ),
    (
        "FILE PHOTO: Traders work on the floor of the stock exchange in Frankfurt, Germany, March 4, 2024. REUTERS/Kai Berger",
        "FILE PHOTO: Traders work on the floor of the stock exchange in Frankfurt, Germany, March 4, 2024.",
        "REUTERS/Kai Berger",
    ),
]


@pytest.mark.parametrize(("line", "text", "credit"), WIRE)
def test_wire_service_captions_go_to_the_captions(line: str, text: str, credit: str | None) -> None:
    page = "\n".join([BEFORE, line, AFTER])
    doc = extract_captions(Document.from_text(page, lang="en"))
    assert doc.text == f"{BEFORE}\n{AFTER}"
    assert doc.captions == (Caption(text=text, credit=credit),)
    assert [edit.reason for edit in doc.edits] == [Reason.CAPTION]
    assert doc.restore() == page


def test_prose_that_starts_like_a_wire_caption_stays() -> None:
    prose = [
        "In this town, most people still take the ferry to work, the council said.",
        "In this case, the photograph was taken before the storm, not after it.",
        "File - Edit - View",
        "Files released on Monday show the council knew of the damage in March.",
    ]
    doc = extract_captions(Document.from_text("\n".join([BEFORE, *prose, AFTER]), lang="en"))
    assert doc.paragraphs == [BEFORE, *prose, AFTER]
    assert doc.captions == ()
