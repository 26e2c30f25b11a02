"""Site boilerplate: drop the lines that a site profile shows on many of the site's pages.

The filter is built from loaded `Profiles` (it is not in the registry, since it needs
them) and added to a chain with `with_site_profiles`:

>>> from newsclean.chain import default_chain
>>> from newsclean.document import Document
>>> from newsclean.profiles import build_profiles
>>> pages = [f"Home\\nWorld\\nSport\\nThe council met on Monday about plan {n}.\\nContact us"
...          for n in "ABCDEFGHIJ"]
>>> profiles = build_profiles({"url": "https://news.example/" + str(i), "text": page}
...                           for i, page in enumerate(pages))
>>> step = drop_site_boilerplate(profiles, min_share=0.5, min_pages=5)
>>> page = "Home\\nWorld\\nSport\\nThe harbour reopened after the storm.\\nContact us"
>>> step(Document.from_text(page, url="https://news.example/new"), default_chain().config).text
'The harbour reopened after the storm.'
>>> names = with_site_profiles(default_chain(), profiles).names
>>> names[names.index("drop_outside_article") - 1]
'drop_site_boilerplate'
"""

from __future__ import annotations

from collections.abc import Mapping

from newsclean.chain import Chain
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.profiles import Profiles, SiteProfile, normalise_line, site_of
from newsclean.reasons import Reason
from newsclean.views import text_lines

DEFAULT_MIN_SHARE = 0.1
"""A line on at least this share of a site's pages is boilerplate..."""
DEFAULT_MIN_PAGES = 5
"""...provided it is on at least this many of them (estimated, when the site is sampled)."""
FILTER_NAME = "drop_site_boilerplate"
# The filter goes just before the article model, after the single-page rules (so their
# more specific reasons are kept), and before repeats are removed.
_BEFORE = ("drop_outside_article", "remove_repeated_lines", "tidy_blank_lines")


def boilerplate_lines(site: SiteProfile, min_share: float, min_pages: int) -> frozenset[str]:
    """The normalised lines of `site` that the filter drops.

    Example:

    >>> site = SiteProfile(pages=20, sampled_pages=20, level=0,
    ...                    lines={"home": 20, "weather": 12, "storm warning for the coast": 3})
    >>> sorted(boilerplate_lines(site, min_share=0.5, min_pages=5))
    ['home', 'weather']
    >>> sorted(boilerplate_lines(site, min_share=0.1, min_pages=2))
    ['home', 'storm warning for the coast', 'weather']
    """
    if not site.sampled_pages:
        return frozenset()
    scale = site.pages / site.sampled_pages
    return frozenset(
        line
        for line, n in site.lines.items()
        if n / site.sampled_pages >= min_share and n * scale >= min_pages
    )


class SiteBoilerplateFilter:
    """The filter `drop_site_boilerplate` returns: a picklable callable, so a chain that
    holds it can be sent to worker processes.

    Example:

    >>> import pickle
    >>> step = SiteBoilerplateFilter({"news.example": frozenset({"home", "weather"})}, 0.5, 5)
    >>> step
    <drop_site_boilerplate: 1 sites, min_share=0.5, min_pages=5>
    >>> pickle.loads(pickle.dumps(step)).lines_by_site == step.lines_by_site
    True
    >>> step(Document.from_text("Home\\nWeather\\nFerries ran again.", url="https://www.news.example/a")).text
    'Ferries ran again.'
    """

    def __init__(self, lines_by_site: Mapping[str, frozenset[str]], min_share: float, min_pages: int) -> None:
        self.__name__ = FILTER_NAME
        self.lines_by_site = dict(lines_by_site)
        self.min_share = min_share
        self.min_pages = min_pages

    def __call__(self, doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
        boilerplate = self.lines_by_site.get(site_of(doc.url, doc.site) or "")
        if not boilerplate:
            return doc
        lines = text_lines(doc.text)
        drops: dict[int, Reason] = {}
        body = 0
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            body += 1
            if normalise_line(line) in boilerplate:
                drops[i] = Reason.SITE_BOILERPLATE
        if not drops or len(drops) == body:
            # Never empty a page: if every line is the site's, keep them all.
            return doc
        return drop_lines(doc, lines, drops, FILTER_NAME)

    def __repr__(self) -> str:
        return (
            f"<{FILTER_NAME}: {len(self.lines_by_site)} sites, "
            f"min_share={self.min_share}, min_pages={self.min_pages}>"
        )


def drop_site_boilerplate(
    profiles: Profiles,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    min_pages: int = DEFAULT_MIN_PAGES,
) -> SiteBoilerplateFilter:
    """A filter that drops, with `Reason.SITE_BOILERPLATE`, the lines of a page whose
    normalised form is on at least `min_share` of its site's pages and on at least
    `min_pages` pages. Pages of sites not in `profiles` are left alone, and so is a page
    all of whose lines would go.

    Example:

    >>> site = SiteProfile(pages=20, sampled_pages=20, level=0, lines={"home": 20, "weather": 12})
    >>> step = drop_site_boilerplate(Profiles({"news.example": site}), min_share=0.5)
    >>> step(Document.from_text("Home\\nFerries ran again.", url="https://news.example/a")).text
    'Ferries ran again.'
    >>> step(Document.from_text("Home\\nWeather", url="https://news.example/b")).text
    'Home\\nWeather'
    """
    if not 0.0 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0, 1], not {min_share!r}")
    if min_pages < 1:
        raise ValueError(f"min_pages must be at least 1, not {min_pages!r}")
    lines_by_site = {
        site: lines
        for site, profile in profiles.sites.items()
        if (lines := boilerplate_lines(profile, min_share, min_pages))
    }
    return SiteBoilerplateFilter(lines_by_site, min_share, min_pages)


def with_site_profiles(
    chain: Chain,
    profiles: Profiles,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    min_pages: int = DEFAULT_MIN_PAGES,
) -> Chain:
    """`chain` with `drop_site_boilerplate` added before the article model (or at the
    end when the chain has none of the filters it goes before).

    Example:

    >>> from newsclean.chain import filter_named
    >>> site = SiteProfile(pages=20, sampled_pages=20, level=0, lines={"home": 20})
    >>> chain = Chain([filter_named("normalize_whitespace")])
    >>> with_site_profiles(chain, Profiles({"news.example": site})).names
    ('normalize_whitespace', 'drop_site_boilerplate')
    """
    step = drop_site_boilerplate(profiles, min_share=min_share, min_pages=min_pages)
    anchor = next((name for name in _BEFORE if name in chain.names), None)
    return chain.with_filter(step, before=anchor) if anchor else chain.with_filter(step)
