"""A generated corpus of many pages per site, and what a site profile removes from it.

Each site has its own menu, sidebar widgets and footer, and a "latest news" box whose
headlines change every day; each page has its own article. Records carry `truth` (the
article paragraphs) so the effect of a profile can be checked line by line.

    python3 benchmarks/site_corpus.py --write corpus.jsonl        # the corpus only
    python3 benchmarks/site_corpus.py --measure [--days 7]        # default chain vs profile

`--measure` builds a profile from the corpus, cleans it with the default chain and with
the chain plus `drop_site_boilerplate`, and reports the boilerplate lines the profile
removes that the default chain kept, and any article line lost.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

import attrs

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH = "March"

FIRST = ("Amira", "Tomas", "Grace", "Felix", "Ines", "Joel", "Priya", "Oskar", "Lena", "Ravi",
         "Maud", "Carlos", "Hanna", "Idris", "Nora", "Pavel", "Sofia", "Umar", "Vera", "Wes")
LAST = ("Okafor", "Lindqvist", "Barnes", "Moreau", "Castillo", "Nakamura", "Haddad", "Kowal",
        "Brennan", "Achterberg", "Silva", "Dunmore", "Petrov", "Quayle", "Rahman", "Stein")
PLACES = ("Millbrook", "Eastside", "the harbour district", "Kellbach", "Port Maren",
          "the old mill quarter", "Ashford Vale", "Northgate", "the river terraces", "Low Cross")
SUBJECTS = ("the district council", "the regional water board", "a group of residents",
            "the hospital trust", "local traders", "the rail operator", "the school governors",
            "the fire service", "a cross-party committee", "the university", "the port authority",
            "volunteers from the food bank", "the housing association", "the bus company")
VERBS = ("approved", "postponed", "rejected", "questioned", "published", "defended",
         "revised", "announced", "criticised", "welcomed", "paused", "extended")
OBJECTS = ("plans for a new cycle bridge", "a review of winter gritting routes",
           "the budget for next year", "a scheme to convert empty shops into flats",
           "proposals to close the night bus", "a study of flooding along the river",
           "the timetable for the tram extension", "a report on school meals",
           "an appeal for the lido to reopen", "the rules for short-term lets",
           "a bid to host the regional games", "a survey of the sea wall")
REASONS = ("after months of complaints about delays", "because the costs had nearly doubled",
           "following a public consultation that drew {n} responses",
           "despite objections from {n} households", "after an inspection found serious faults",
           "so that work can start before the autumn", "while a legal challenge is heard",
           "after the previous contractor went into administration")
QUOTES = ("We have listened to people and we think this is the fairest outcome",
          "Nobody wanted it to come to this, but the figures speak for themselves",
          "It is a good day for {place}, and a long time coming",
          "We will keep pressing until we get straight answers",
          "The money has to come from somewhere and we have been honest about that",
          "Families here have waited {n} years for this decision")
DETAILS = ("The work is expected to cost about {n} million pounds and take {m} months.",
           "Around {n} people attended the meeting, which ran for more than {m} hours.",
           "Figures released on {weekday} show a rise of {n} per cent since last spring.",
           "A final decision is due in {m} weeks, once the board has met again.",
           "The site has been closed to the public since a survey in {year}.",
           "Officials said {n} homes in {place} would be affected by the change.",
           "A petition calling for a rethink gathered {n} signatures in {m} days.")


@attrs.frozen
class Site:
    """The fixed parts of one site's pages."""

    domain: str
    name: str
    menu: tuple[str, ...]
    top: tuple[str, ...]
    sidebar: tuple[str, ...]
    box_heading: str
    footer: tuple[str, ...]
    inline: tuple[str, ...] = ()


SITES = (
    Site("harbour-gazette.test", "The Harbour Gazette",
         ("Home", "News", "Harbour", "Business", "Sport", "Weather", "Letters", "Puzzles"),
         ("Today's paper", "Sign in"),
         ("Most read this week", "Get the Gazette morning briefing in your inbox"),
         "Latest from the Gazette",
         ("About the Gazette", "Contact the newsroom", "Advertise with us", "Reader panel",
          "© 2023 Harbour Gazette Media Ltd, 14 Quay Street, Port Maren"),
         ("Want more stories like this? The Gazette morning briefing lands at 7am every day.",
          "Gazette readers can now send us their photos of the harbour through the app.")),
    Site("northgate-echo.test", "Northgate Echo",
         ("Front page", "Local", "Politics", "Schools", "Crime", "Northgate FC", "Going out"),
         ("Echo Plus", "Log in", "Digital edition"),
         ("Trending in Northgate", "Traffic and travel updates", "Family notices"),
         "Just in",
         ("Northgate Echo is part of Valley Newspapers Group", "Complaints and corrections",
          "Jobs at the Echo", "Sitemap"),
         ("Echo Plus members read this story first: join for less than a coffee a week.",)),
    Site("valley-courier.test", "Valley Courier",
         ("Courier home", "Ashford Vale", "Kellbach", "Low Cross", "Farming", "Opinion",
          "Obituaries"),
         ("Subscribe from 99p", "Account"),
         ("Courier podcasts", "Photo galleries", "Have your say"),
         "Today on the Courier",
         ("Courier Media, Registered in England and Wales No. 4411820", "Editorial code",
          "Who we are", "Get in touch"),
         ("Our reporters cover Ashford Vale, Kellbach and Low Cross for you every day.",
          "If you value local news, please consider a digital subscription to the Courier.")),
    Site("metro-ledger.test", "Metro Ledger",
         ("Ledger", "City Hall", "Transit", "Housing", "Health", "Arts", "Data desk",
          "Newsletters"),
         ("Donate", "Ledger membership"),
         ("The Ledger is a nonprofit newsroom", "Read our annual report", "Tips? Email us"),
         "More Ledger stories",
         ("Ledger Newsroom Inc. is an independent nonprofit", "Ethics policy",
          "Republish our stories", "Staff directory"),
         ("The Ledger relies on readers like you to keep reporting on City Hall.",
          "This story was produced by the Ledger's data desk and may be republished for free.")),
    Site("coastline-times.test", "Coastline Times",
         ("Times", "Coast", "Fishing", "Tourism", "Environment", "Court", "Community"),
         ("Print subscription", "E-paper", "Sign in to the Times"),
         ("Tide times for Port Maren", "Sea temperature today", "Coastline Times on the radio"),
         "Latest headlines",
         ("Coastline Times, Harbour House, Port Maren", "Terms of use", "Accessibility",
          "Contact the Times"),
         ("Keep up with the coast: sign up for the Times weekend newsletter.",)),
    Site("river-post.test", "River Post",
         ("Post", "Upriver", "Downriver", "Council", "Sport", "Culture", "Food and drink"),
         ("My Post", "Subscribe"),
         ("River levels", "Post puzzles", "Events this weekend"),
         "Fresh from the Post",
         ("The River Post, 22 Bridge Street, Low Cross", "Privacy notice", "Licensing",
          "Our team"),
         ("Do you have a story for the Post? Our newsroom is open until 9pm.",
          "Readers' photos of the river can be sent to the Post picture desk.")),
)


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=rng.randint(3, 950), m=rng.randint(2, 30), place=rng.choice(PLACES),
        weekday=rng.choice(WEEKDAYS), year=rng.randint(2009, 2022),
    )


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        subject = rng.choice(SUBJECTS)
        return (f"{subject[0].upper()}{subject[1:]} in {rng.choice(PLACES)} "
                f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {_fill(rng.choice(REASONS), rng)}.")
    if kind < 0.7:
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return f"\"{_fill(rng.choice(QUOTES), rng)},\" said {who}."
    return _fill(rng.choice(DETAILS), rng)


def _headline(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    return (f"{subject[0].upper()}{subject[1:]} {rng.choice(VERBS)} "
            f"{rng.choice(OBJECTS)} in {rng.choice(PLACES)}")


def _daily_box(site: Site, day: int, seed: int) -> list[str]:
    rng = random.Random(f"{seed}/{site.domain}/box/{day}")
    return [site.box_heading, *(_headline(rng) for _ in range(4))]


def page(site: Site, number: int, day: int, seed: int) -> dict[str, Any]:
    """One page of `site` published on `day`, with its article paragraphs as `truth`."""
    rng = random.Random(f"{seed}/{site.domain}/{number}")
    title = _headline(rng)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
                  for _ in range(rng.randint(4, 8))]
    clock = f"{rng.randint(6, 22)}:{rng.randint(0, 59):02d}"
    date = f"{WEEKDAYS[day % 7]} {day % 28 + 1} {MONTH} 2023, {clock}"
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}"
    cut = rng.randint(2, len(paragraphs) - 1)
    box = _daily_box(site, day, seed)
    # Inside the article: a site promotion, and on half the pages the day's box.
    middle = [rng.choice(site.inline)] if site.inline else ["Advertisement"]
    if rng.random() < 0.5:
        middle, box = middle + box, []
    lines = [
        f"{title} | {site.name}", *site.top, site.name, *site.menu, title, date, byline,
        "Share this article", *paragraphs[:cut], *middle, *paragraphs[cut:],
        *box, *site.sidebar, *site.footer,
    ]
    slug = "-".join(title.lower().split()[:6])
    return {
        "id": f"{site.domain}/{number}",
        "url": f"https://www.{site.domain}/news/2023/03/{day % 28 + 1:02d}/{slug}-{number}",
        "text": "\n".join(lines),
        "truth": "\n".join(paragraphs),
    }


def generate(pages_per_site: int = 120, days: int = 7, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The corpus: `pages_per_site` pages of each site, spread evenly over `days` days."""
    for site in SITES:
        for number in range(pages_per_site):
            yield page(site, number, number * days // pages_per_site, seed)


def measure(records: list[dict[str, Any]], min_share: float, min_pages: int) -> dict[str, Any]:
    """Clean `records` with and without a profile built from them; count lines."""
    from newsclean.chain import default_chain
    from newsclean.filters.profiles import with_site_profiles
    from newsclean.profiles import build_profiles
    from newsclean.reasons import Reason
    from newsclean.records import document_from_record

    started = time.perf_counter()
    profiles = build_profiles(records)
    profile_seconds = time.perf_counter() - started
    plain = default_chain()
    profiled = with_site_profiles(plain, profiles, min_share=min_share, min_pages=min_pages)
    out: dict[str, Any] = {
        "pages": len(records), "sites": len(profiles.sites), "profile_seconds": profile_seconds,
        "boilerplate_kept_default": 0, "boilerplate_kept_profile": 0,
        "profile_removed_lines": 0, "article_lines": 0, "article_lines_removed_by_profile": 0,
        "article_lines_kept_default": 0, "article_lines_kept_profile": 0,
    }
    for record in records:
        truth = set(record["truth"].split("\n"))
        doc = document_from_record(record)
        a, b = plain(doc), profiled(doc)
        out["article_lines"] += len(truth)
        out["article_lines_kept_default"] += sum(line in truth for line in a.paragraphs)
        out["article_lines_kept_profile"] += sum(line in truth for line in b.paragraphs)
        out["boilerplate_kept_default"] += sum(line not in truth for line in a.paragraphs)
        out["boilerplate_kept_profile"] += sum(line not in truth for line in b.paragraphs)
        for removed in b.removed_by(Reason.SITE_BOILERPLATE):
            lines = [line.strip() for line in removed.split("\n") if line.strip()]
            out["profile_removed_lines"] += len(lines)
            out["article_lines_removed_by_profile"] += sum(line in truth for line in lines)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="pages per site")
    parser.add_argument("--days", type=int, default=7, help="days the pages span")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", metavar="OUT.jsonl", help="write the corpus")
    parser.add_argument("--measure", action="store_true", help="measure the profile filter")
    parser.add_argument("--min-share", type=float, default=0.1)
    parser.add_argument("--min-pages", type=int, default=5)
    args = parser.parse_args(argv)
    records = list(generate(args.pages, args.days, args.seed))
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} pages of {len(SITES)} sites written to {args.write}",
              file=sys.stderr)
    if args.measure:
        print(json.dumps(measure(records, args.min_share, args.min_pages), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
