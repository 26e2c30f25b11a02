"""`newsclean.dates`: datelines as news sites print them, in several languages -> ISO 8601."""

from __future__ import annotations

import pytest

from newsclean.dates import find_date, parse_date

# (dateline as printed, ISO 8601)
DATELINES = [
    # en
    ("13 September 2022, 14:12", "2022-09-13T14:12"),
    ("8 November 2022, 17:26", "2022-11-08T17:26"),
    ("Sunday 8 October 2023, 16:48 BST", "2023-10-08T16:48"),
    ("July 21, 2023 at 6:05 a.m.", "2023-07-21T06:05"),
    ("Nov 18, 2019 at 9:24 pm ET", "2019-11-18T21:24"),
    ("Published 3rd March 2021", "2021-03-03"),
    ("Updated: 12:00 AM, January 5, 2024", "2024-01-05T00:00"),
    ("2023-04-24", "2023-04-24"),
    ("11/18/2019", "2019-11-18"),
    # de
    ("17.10.2023 – 10:42 Uhr", "2023-10-17T10:42"),
    ("Veröffentlicht am 5. März 2023, 08:15 Uhr", "2023-03-05T08:15"),
    ("Stand: 01.02.2024", "2024-02-01"),
    # fr
    ("Publié le 28/07/2023 à 18h05", "2023-07-28T18:05"),
    ("Mis à jour le 3 février 2022 à 09h30", "2022-02-03T09:30"),
    # es
    ("10 ago 2023 - 14:35", "2023-08-10T14:35"),
    ("Actualizado el 2 de enero de 2024", None),  # "de" between day, month and year: see below
    # it, pt, nl
    ("26 settembre 2023, 07:50", "2023-09-26T07:50"),
    ("03/04/2023 - 08h15", "2023-04-03T08:15"),
    ("2 juni 2023, 15:20", "2023-06-02T15:20"),
    # ru, uk
    ("17 мая 2023, 09:05", "2023-05-17T09:05"),
    ("10:11 09 декабря 2011", "2011-12-09T10:11"),
    ("2 травня 2023, 11:20", "2023-05-02T11:20"),
    # pl
    ("24.04.2023 21:47", "2023-04-24T21:47"),
    ("Opublikowano: 7 listopada 2022, 12:30", "2022-11-07T12:30"),
    # el
    ("30 Ιουνίου 2023, 10:15", "2023-06-30T10:15"),
    ("ΔΗΜΟΣΙΕΥΣΗ: 20/12/2011, 18:22", "2011-12-20T18:22"),
    # zh
    ("2023年5月16日 10:08", "2023-05-16T10:08"),
    ("发布时间：2011年12月15日 23:39", "2011-12-15T23:39"),
    # tr (capitals lower-cased by the default rules: KASIM -> kasim)
    ("12 Mart 2024, 14:35", "2024-03-12T14:35"),
    ("5 KASIM 2023 PAZAR 09:10", "2023-11-05T09:10"),
    ("Güncelleme: 28 Ağustos 2023 18:02", "2023-08-28T18:02"),
    # cs (genitive month names, and spaced numeric dates)
    ("15. června 2024 9:40", "2024-06-15T09:40"),
    ("3. 5. 2023 v 18:05", "2023-05-03T18:05"),
    # sv
    ("Publicerad 3 oktober 2023 kl. 07.45", "2023-10-03T07:45"),
    ("Uppdaterad 12 maj 2022 kl 16:20", "2022-05-12T16:20"),
    # ar (Levantine, Egyptian and Maghreb month names; Arabic-Indic digits; ص/م)
    ("الأحد 14 كانون الثاني 2024 - 10:30 ص", "2024-01-14T10:30"),
    ("3 آب 2023 الساعة 18:40", "2023-08-03T18:40"),
    ("٧ مارس ٢٠٢٤ ٠٦:١٥ م", "2024-03-07T18:15"),
    ("12 جويلية 2022", "2022-07-12"),
    ("1 تشرين الأول 2021، 11:00 مساءً", "2021-10-01T23:00"),
    # ro
    ("Publicat: 15 ianuarie 2024, 10:30", "2024-01-15T10:30"),
    ("Actualizat: 3 feb. 2024 ora 09:15", "2024-02-03T09:15"),
    ("12.03.2024, 18:40", "2024-03-12T18:40"),
    # hu (year first, the day with a period after it)
    ("2024. január 15. 10:30", "2024-01-15T10:30"),
    ("Frissítve: 2024. márc. 3. 18:20", "2024-03-03T18:20"),
    ("2023. 12. 05. 07:45", "2023-12-05T07:45"),
    ("2024.01.15.", "2024-01-15"),
    # vi
    ("Thứ Hai, 15/1/2024, 10:30 (GMT+7)", "2024-01-15T10:30"),
    ("ngày 15 tháng 1 năm 2024", "2024-01-15"),
    ("Cập nhật lúc 10:30 ngày 15/01/2024", "2024-01-15T10:30"),
    ("ngày 5 tháng 12 năm 2023 14:05", "2023-12-05T14:05"),
    ("15 tháng Một 2024", "2024-01-15"),
    ("Thứ Sáu, ngày 09 tháng 02, 2024", "2024-02-09"),
    # hi (both spellings of the months with a nasal)
    ("15 जनवरी 2024, 10:30 AM IST", "2024-01-15T10:30"),
    ("अपडेटेड: 3 सितम्बर, 2023 06:15 PM", "2023-09-03T18:15"),
    ("Updated: 3 सितंबर 2023", "2023-09-03"),
]


@pytest.mark.parametrize(("line", "iso"), [d for d in DATELINES if d[1] is not None])
def test_parse_date(line: str, iso: str) -> None:
    assert parse_date(line) == iso


def test_parse_spanish_date_with_de() -> None:
    assert parse_date("Actualizado el 2 de enero de 2024") == "2024-01-02"


@pytest.mark.parametrize(
    "line",
    [
        "no date here",
        "The vote was 2023 to 1998.",
        "Call 0800 123 4567 for tickets.",
        "Page 3 of 12",
        "32 March 2023",
        "13/13/2023",
        "5. 13. 2024",
        "Kapitola 3. 4 2024",
        "2024. 13. 05.",
        "2024. január 32.",
        "A 2024. évben",
        "",
    ],
)
def test_no_date(line: str) -> None:
    assert parse_date(line) is None


def test_find_date_gives_the_span_on_a_lower_cased_line() -> None:
    line = "published on 13 september 2022, 14:12"
    found = find_date(line)
    assert found is not None
    start, end, iso = found
    assert line[start:end] == "13 september 2022"
    assert iso == "2022-09-13T14:12"
