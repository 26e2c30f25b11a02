"""Site profiles: counting, order independence, merging, files, the filter and the CLI."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from newsclean.chain import default_chain
from newsclean.cli import main
from newsclean.document import Document
from newsclean.filters.profiles import drop_site_boilerplate, with_site_profiles
from newsclean.profiles import (
    ProfileBuilder,
    ProfileError,
    Profiles,
    build_profiles,
    load_profiles,
    normalise_line,
    save_profiles,
    site_of_record,
)
from newsclean.reasons import Reason

MENU = ["Home", "Local news", "Council", "Schools", "Sport", "What's on", "Sign in"]
FOOTER = ["About the Mercury", "Contact the newsroom", "© 2023 Lowfield Mercury Ltd"]
PEOPLE = ["Ada Pryce", "Tom Ferrand", "Nia Oduya", "Hal Brent", "Iris Kemp", "Owen Sall"]
BODIES = ["the parish council", "the bus operator", "the swimming club", "the food bank",
          "the primary school", "the library trust", "the allotment society"]
ACTIONS = ["asked for more time to finish", "agreed to pay for", "objected to",
           "will hold a public meeting about", "has started a petition against"]
TOPICS = ["the new crossing on Mill Lane", "longer opening hours", "the closure of the car park",
          "repairs to the sea wall", "a second cycle lane", "the summer festival"]


def article(rng: random.Random) -> list[str]:
    """Three or four article paragraphs, different on every page."""
    return [
        f"{rng.choice(PEOPLE)} said {rng.choice(BODIES)} {rng.choice(ACTIONS)} "
        f"{rng.choice(TOPICS)}, and that {rng.choice(BODIES)} {rng.choice(ACTIONS)} "
        f"{rng.choice(TOPICS)} before {rng.choice(PEOPLE)} spoke."
        for _ in range(rng.randint(3, 4))
    ]


def site_pages(site: str, count: int, seed: int = 0) -> list[dict[str, Any]]:
    """Pages of one site: menu, a dated line, the article, a daily box, the footer."""
    rng = random.Random(f"{site}/{seed}")
    pages = []
    for n in range(count):
        body = article(rng)
        title = f"{rng.choice(BODIES).capitalize()} and {rng.choice(TOPICS)} | Mercury"
        lines = [title, *MENU, f"Updated {n % 28 + 1} March 2023, 09:{n % 60:02d}",
                 *body, "Most read today", *FOOTER]
        pages.append({"id": f"{site}-{n}", "url": f"https://www.{site}/news/story-{n}",
                      "text": "\n".join(lines), "truth": body})
    return pages


def test_normalise_line_folds_case_space_numbers_and_dates() -> None:
    assert normalise_line("  Updated 3 March 2023,\t09:41 ") == "updated <date>, 0:0"
    assert normalise_line("Updated 28 March 2023, 10:02") == "updated <date>, 0:0"
    assert normalise_line("Page 2 of 14") == normalise_line("PAGE 3 OF 9") == "page 0 of 0"
    assert normalise_line("   ") == ""
    assert normalise_line("word " * 100) == ""


def test_site_from_url_then_site_field() -> None:
    assert site_of_record({"url": "https://WWW.Lowfield-Mercury.test/a"}) == "lowfield-mercury.test"
    assert site_of_record({"site": "Lowfield-Mercury.test", "text": "x"}) == "lowfield-mercury.test"
    assert site_of_record({"text": "no site"}) is None


def test_counts_each_line_once_per_page_exactly_under_the_cap() -> None:
    pages = site_pages("lowfield-mercury.test", 12)
    pages[0]["text"] += "\nSign in"  # a repeat inside one page still counts once
    site = build_profiles(pages, min_pages=1).sites["lowfield-mercury.test"]
    assert (site.pages, site.sampled_pages, site.level) == (12, 12, 0)
    assert site.lines["sign in"] == 12
    assert site.lines["updated <date>, 0:0"] == 12
    assert site.share("most read today") == 1.0
    paragraph = pages[0]["truth"][0].lower()
    assert site.lines[paragraph] == sum(paragraph in p["text"].lower() for p in pages)


def test_same_profile_in_any_order_and_partitioning_beyond_the_cap() -> None:
    pages = site_pages("lowfield-mercury.test", 80) + site_pages("hale-bulletin.test", 30)
    reference = ProfileBuilder(cap=60).add_records(pages).profiles(min_pages=1)
    assert reference.sites["lowfield-mercury.test"].level > 0  # the cap forced sampling
    rng = random.Random(7)
    for trial in range(4):
        shuffled = pages[:]
        rng.shuffle(shuffled)
        cuts = sorted(rng.sample(range(1, len(pages)), trial + 1))
        shards = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(pages)], strict=True)]
        merged = ProfileBuilder(cap=60)
        for shard in reversed(shards):
            merged.merge(ProfileBuilder(cap=60).add_records(shard))
        assert merged.profiles(min_pages=1) == reference
    mercury = reference.sites["lowfield-mercury.test"]
    assert mercury.pages == 80 and 0 < mercury.sampled_pages < 80
    assert all(mercury.share(normalise_line(line)) == 1.0 for line in MENU + FOOTER)


def test_merge_of_shards_equals_the_whole_exactly_under_the_cap() -> None:
    pages = site_pages("lowfield-mercury.test", 20)
    a = ProfileBuilder().add_records(pages[:7])
    b = ProfileBuilder().add_records(pages[7:])
    assert a.merge(b).profiles() == build_profiles(pages)


def test_records_without_site_or_text_are_skipped() -> None:
    builder = ProfileBuilder().add_records([{"text": "no url"}, {"url": "https://a.test/1"}])
    assert builder.skipped == 2 and builder.sketches == {}


def test_saved_file_is_sorted_readable_and_round_trips(tmp_path: Path) -> None:
    profiles = build_profiles(site_pages("lowfield-mercury.test", 10))
    path = tmp_path / "profiles.json"
    save_profiles(profiles, path)
    assert load_profiles(path) == profiles
    data = json.loads(path.read_text(encoding="utf-8"))
    site = data["sites"]["lowfield-mercury.test"]
    assert site["pages"] == 10 and site["lines"]["contact the newsroom"] == 10
    assert list(site["lines"]) == sorted(site["lines"])
    assert path.read_text(encoding="utf-8").count("\n") > len(site["lines"])  # one per line


def test_bad_profile_files_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"sites": {}}', encoding="utf-8")
    with pytest.raises(ProfileError, match="not a site profile file"):
        load_profiles(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError, match="invalid JSON"):
        load_profiles(path)


def _profiles(n: int = 20) -> Profiles:
    return build_profiles(site_pages("lowfield-mercury.test", n))


def test_filter_drops_the_sites_lines_and_keeps_the_article() -> None:
    new = site_pages("lowfield-mercury.test", 21)[-1]  # a page the profile has not seen
    step = drop_site_boilerplate(_profiles())
    assert step.__name__ == "drop_site_boilerplate"
    doc = step(Document.from_text(new["text"], url=new["url"]))
    assert doc.paragraphs == [new["text"].split("\n")[0], *new["truth"]]
    assert {edit.reason for edit in doc.edits} == {Reason.SITE_BOILERPLATE}
    assert doc.restore() == new["text"]


def test_filter_leaves_other_sites_and_all_boilerplate_pages_alone() -> None:
    step = drop_site_boilerplate(_profiles())
    other = Document.from_text("Home\nSign in\nA different site's story.", url="https://b.test/x")
    assert step(other) is other
    only_chrome = Document.from_text("\n".join(MENU + FOOTER),
                                     url="https://lowfield-mercury.test/empty")
    assert step(only_chrome) is only_chrome


def test_filter_finds_the_site_from_the_site_field_when_there_is_no_url() -> None:
    new = site_pages("lowfield-mercury.test", 21)[-1]
    step = drop_site_boilerplate(_profiles())
    by_name = step(Document.from_text(new["text"], site=" Lowfield-Mercury.TEST "))
    assert by_name.paragraphs == [new["text"].split("\n")[0], *new["truth"]]
    # A usable URL names the site, as it does when the profile is built.
    elsewhere = Document.from_text(new["text"], url="https://b.test/x", site="lowfield-mercury.test")
    assert step(elsewhere) is elsewhere
    unnamed = Document.from_text(new["text"], url="not a url", site="lowfield-mercury.test")
    assert step(unnamed).paragraphs == by_name.paragraphs


def test_thresholds_share_and_pages() -> None:
    pages = site_pages("lowfield-mercury.test", 10)
    for page in pages[:3]:
        page["text"] += "\nCouncil tax bills: what changes in April"
    profiles = build_profiles(pages)
    line = "Council tax bills: what changes in April"
    probe = Document.from_text(f"Home\nThe bridge reopened today.\n{line}",
                               url="https://lowfield-mercury.test/p")
    assert line in drop_site_boilerplate(profiles, min_share=0.5)(probe).text
    kept = drop_site_boilerplate(profiles, min_share=0.3, min_pages=3)(probe).paragraphs
    assert kept == ["The bridge reopened today."]
    assert line in drop_site_boilerplate(profiles, min_share=0.3, min_pages=4)(probe).text
    with pytest.raises(ValueError):
        drop_site_boilerplate(profiles, min_share=0.0)


def test_chain_with_profiles_runs_the_filter_before_the_article_model() -> None:
    chain = with_site_profiles(default_chain(), _profiles())
    names = chain.names
    assert names.index("drop_site_boilerplate") == names.index("drop_outside_article") - 1
    new = site_pages("lowfield-mercury.test", 22)[-1]
    doc = chain(Document.from_text(new["text"], url=new["url"]))
    assert doc.removed_by(Reason.SITE_BOILERPLATE)
    assert all(paragraph in doc.paragraphs for paragraph in new["truth"])


def test_cli_profile_then_clean_with_workers(tmp_path: Path) -> None:
    pages = site_pages("lowfield-mercury.test", 20)
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    profile_path = tmp_path / "profiles.json"
    assert main(["profile", str(corpus), "-o", str(profile_path)]) == 0
    assert load_profiles(profile_path).sites["lowfield-mercury.test"].pages == 20
    out = tmp_path / "clean.jsonl"
    args = ["clean", str(corpus), "-o", str(out), "--profiles", str(profile_path), "--explain"]
    assert main([*args, "--workers", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(row["newsclean"]["removed_by_reason"].get("site_boilerplate") for row in rows)
    for row, page in zip(rows, pages, strict=True):
        assert row["text"].split("\n") == page["truth"]


def test_cli_profile_then_clean_records_that_name_only_their_site(tmp_path: Path) -> None:
    pages = site_pages("lowfield-mercury.test", 20)
    for page in pages:
        del page["url"]
        page["site"] = "Lowfield-Mercury.test"
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    profile_path = tmp_path / "profiles.json"
    assert main(["profile", str(corpus), "-o", str(profile_path)]) == 0
    out = tmp_path / "clean.jsonl"
    assert main(["clean", str(corpus), "-o", str(out), "--profiles", str(profile_path)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for row, page in zip(rows, pages, strict=True):
        assert row["newsclean"]["removed_by_reason"].get("site_boilerplate")
        assert row["text"].split("\n") == page["truth"]
        assert row["site"] == "Lowfield-Mercury.test"  # the record's own field, unchanged
