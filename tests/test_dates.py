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
