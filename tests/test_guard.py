"""The pattern time guard (`newsclean.guard`): every pattern the package compiles is either
on the list of linear patterns below, with the reason, or runs under the guard; a guarded
pattern that runs over its time flags the document `guard_hit` and passes it through.

The reasons are argued in full in docs/reliability.md (the audit table).
"""

from __future__ import annotations

import ast
import importlib
import re
import time
from collections.abc import Callable
from typing import cast

import pytest

from newsclean import Config, Document, Flag, default_chain
from newsclean.chain import GuardHit
from newsclean.filters.boilerplate import MENU_SEPARATOR, is_menu
from newsclean.filters.captions import _BRACKET_CREDIT, _credit_pattern, find_captions, split_credit
from newsclean.filters.metadata import _byline_pattern
from newsclean.guard import GuardedPattern, Match, time_limit
from newsclean.resources import cue_table
from tests.conftest import FIXTURES, ROOT

PACKAGE = ROOT / "newsclean"

# Patterns that stay on `re`, by module and the name they are assigned to (or the function
# that compiles them), with why they are linear.
LINEAR: dict[str, str] = {
    "filters.whitespace:_CRLF": "a literal start, at most two characters",
    "filters.whitespace:_CONTROL": "one character class: a run is consumed once",
    "filters.whitespace:_ANY_CONTROL": "one character class",
    "filters.whitespace:_SPACE_RUN": "one character class twice, +: a run is consumed once",
    "filters.whitespace:_BLANK_RUNS": "a literal start; one character repeated",
    "filters.whitespace:_SEPARATOR": "one character class",
    "spacing:_SPACE": "one character class",
    "filters.encoding:MOJIBAKE_HINT": "two characters at most",
    "filters.boilerplate:URL_OR_FILE_LINE": "fullmatch of a line without a space: one start, one word "
    "backed off once",
    "filters.boilerplate:DASHED_MENU_LINE": "starts only at newlines; pieces of at most 40 characters",
    "filters.boilerplate:PLAYER_CLOCK_LINE": "starts only at newlines; a fixed run of digits and separators",
    "filters.boilerplate:COMMENT_COUNT_HEADING": "starts only at newlines; literal words and bounded digits",
    "filters.boilerplate:GALLERY_COUNTER_LINE": "starts only at newlines; at most 3 digits, a word, 3 digits",
    "filters.boilerplate:COMMENT_COUNT_LINE": "starts only at newlines; an optional bracket, at most 6 "
    "digits, a word",
    "filters.boilerplate:MENU_LINE": "match at a line start; classes exclude the separators, at most 60 "
    "characters each: bounded",
    "filters.boilerplate:_MENU_SEPARATOR": "one character class",
    "resources:cue_table": "starts only at newlines; leaders then a trie: a back-off costs at most "
    "the longest cue",
    "filters.captions:_LEADING_LABEL": "anchored at the string start; run on a credit of 80 characters",
    "filters.captions:CJK_CHAR": "one character class",
    "filters.captions:_labelled_line_pattern": "starts only at newlines; a trie, then one blank run",
    "filters.captions:WIRE_CAPTION": "tried at line starts only; every repeat bounded (40, 60 characters)",
    "filters.captions:AGENCY_SLASH": "an alternation of literals",
    "filters.captions:_AGENCY_SLASH_CREDIT": "tried where AGENCY_SLASH matched; repeats bounded (60)",
    "filters.captions:BARE_CREDIT_TAIL": "a literal start, then an alternation of literals",
    "filters.captions:_BARE_CREDIT": "fullmatch of a line of at most 80 characters; parts hold no slash, "
    "each at most 40 characters",
    "filters.captions:_GLUED_AFTER_SENTENCE": "one character class and a one-character look-ahead",
    "filters.captions:_NAMED_AGENCY_CREDIT": "fullmatch of a bracket's inside, the names at most 60 "
    "characters, then literals",
    "filters.teasers:CARD_GLUE": "one character class, then fixed-width look-behinds and one class",
    "filters.metadata:PAGE_HEADER": "fullmatch of one line: the tail `.*` takes the rest at once",
    "filters.metadata:HEADER_LINE": "starts only at newlines; literal and fixed-width digits",
    "filters.language:_HEADER_LINE": "matched only at line starts found by str.find; literal and "
    "fixed-width digits, then the rest of the line at once",
    "filters.metadata:TITLE_SEPARATORS": "quadratic in a blank run, but only run on a title cut to "
    "MAX_TITLE_CHARS (300): bounded",
    "filters.metadata:EMBED_SIGNATURE": "a literal start, then at most 30 word characters",
    "filters.metadata:_LETTER": "one character class",
    "filters.metadata:_LETTER_WORD": "one character class",
    "filters.metadata:_line_led_by": "starts only at newlines; a trie, then one blank run",
    "dates:DATE_PATTERN": "every branch starts at a digit with bounded digits; a blank run is "
    "scanned once by the start next to it; month names of more than one word are a trie of literals",
    "dates:YEAR": "fixed width",
    "trailing_lists:_SEPARATOR": "each branch is one or two marks with one-character look-arounds",
    "dates:_MONTH_BEFORE": "searched in a 16-character window",
    "dates:TIME_PATTERN": "fixed width from a digit, then one blank run and fixed-width letters",
    "filters.metadata:CLOCK_WORD": "a literal, then a fixed-width look-ahead",
    "dates:_ONE_WORD_MONTH": "one character class, full-matched on the package's month names only",
    "text:SENTENCE_END": "searched in the last 4 characters of a line",
    "text:_WORD": "one character class",
    "text:_CJK": "one character class",
    "profiles:_SPACE": "one character class",
    "profiles:_DIGITS": "one character class",
    "language:_UKRAINIAN_LETTERS": "one character class",
    "language:_SCRIPT_CHAR": "one character class",
}

# Patterns that can backtrack on a run of blanks: compiled as `GuardedPattern`.
GUARDED = {
    "filters.boilerplate:MENU_SEPARATOR",
    "filters.captions:_BRACKET_CREDIT",
    "filters.captions:_credit_pattern",
}

# `re` functions that take a pattern (`re.escape` does not).
PATTERN_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _as_re_match(match: Match) -> re.Match[str]:
    """A guarded pattern's match, which has every method of an `re` match."""
    return cast("re.Match[str]", match)


def _pattern_sites() -> tuple[dict[str, str], set[str]]:
    """Every place in the package that compiles or uses a pattern: `re`/`regex` calls by
    where they are (`module:name`), and the `GuardedPattern`s."""
    plain: dict[str, str] = {}
    guarded: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        if module == "guard":
            continue  # the guard itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for site, call in _calls(tree):
            func = call.func
            where = f"{module}:{site}"
            if isinstance(func, ast.Name) and func.id == "GuardedPattern":
                guarded.add(where)
            elif (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                  and func.value.id in ("re", "regex") and func.attr in PATTERN_FUNCTIONS):
                plain[where] = f"{func.value.id}.{func.attr}"
    return plain, guarded


def _calls(tree: ast.Module) -> list[tuple[str, ast.Call]]:
    """Calls with the module-level name they are assigned to, or their function's name."""
    found: list[tuple[str, ast.Call]] = []

    def visit(node: ast.AST, site: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            name = site
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and site is None:
                name = child.name
            elif site is None and isinstance(child, (ast.Assign, ast.AnnAssign)):
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                name = next((t.id for t in targets if isinstance(t, ast.Name)), None)
            if isinstance(child, ast.Call):
                found.append((name or "<module>", child))
            visit(child, name)

    visit(tree, None)
    return found


def test_every_pattern_is_linear_or_guarded() -> None:
    plain, guarded = _pattern_sites()
    assert set(plain) - set(LINEAR) == set(), "a new pattern: argue it linear (LINEAR) or guard it"
    assert set(LINEAR) - set(plain) == set(), "a pattern on the linear list is gone: update the list"
    assert guarded == GUARDED
    assert not set(plain) & guarded
    assert all(kind.startswith("re.") for kind in plain.values()), "use GuardedPattern, not regex directly"


def _module_attribute(where: str) -> object:
    module, name = where.split(":")
    return getattr(importlib.import_module(f"newsclean.{module}"), name)


def test_compiled_patterns_have_the_expected_kind() -> None:
    """At run time: every pattern object held by a module (imported ones included) is a
    linear-listed `re` pattern or a guarded one; the pattern factories build the kind the
    lists say."""
    linear = {id(obj) for where in LINEAR if isinstance(obj := _module_attribute(where), re.Pattern)}
    guarded = {id(obj) for where in GUARDED if isinstance(obj := _module_attribute(where), GuardedPattern)}
    assert len(linear) > 20 and len(guarded) == 2  # the others are built by functions
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        if module.startswith("integrations") or module.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(f"newsclean.{module}")).items():
            if isinstance(value, re.Pattern):
                assert id(value) in linear, f"{module}:{name}"
            elif isinstance(value, GuardedPattern):
                assert id(value) in guarded, f"{module}:{name}"
    assert isinstance(_credit_pattern(), GuardedPattern)
    assert isinstance(cue_table("de").prefix_scan, re.Pattern)
    assert isinstance(_byline_pattern("de"), re.Pattern)


def _lines() -> list[str]:
    pages = sorted(FIXTURES.glob("*.txt"))
    lines = [line for page in pages for line in page.read_text(encoding="utf-8").split("\n")]
    return [*lines, "Home | News | Sport", "Fans at the final (AP Photo/Jane Doe)", "A  |  b\t»\tc"]


def test_guarded_patterns_match_as_re_does() -> None:
    """`regex` and `re` give the same matches on the fixture pages' lines."""
    lines = _lines()
    assert len(lines) > 500
    for pattern in (MENU_SEPARATOR, _BRACKET_CREDIT, _credit_pattern()):
        guarded = GuardedPattern(pattern.pattern, name="always on regex")
        plain = re.compile(pattern.pattern)
        for line in lines:
            framed = "\n" + line.lower() + "\n"
            assert guarded.split(line, 1.0) == plain.split(line)
            # the guard's matches are `regex` matches, typed by what the filters use
            got = [(m.span(), m.groupdict()) for m in map(_as_re_match, guarded.finditer(framed, 1.0))]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(framed)]


BLANKS = " " * 30_000
HOSTILE_PAGE = "Home |" + BLANKS + "News | Sport\nThe council met on Monday to agree next year's budget."


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_menu("Home" + BLANKS + "News | Sport", timeout=0.05),
        lambda: split_credit("Rain." + BLANKS + "x", timeout=0.05),
        lambda: split_credit("Rain" + BLANKS + "x", timeout=0.05),
        lambda: find_captions("Rain." + BLANKS + "x\nMore rain.", ["Rain." + BLANKS + "x", "More rain."],
                              timeout=0.05),
    ],
    ids=["is_menu", "split_credit-label", "split_credit-bracket", "find_captions"],
)
def test_each_guarded_call_raises_guard_hit(call: Callable[[], object]) -> None:
    started = time.monotonic()
    with pytest.raises(GuardHit, match="ran over its time guard"):
        call()
    assert time.monotonic() - started < 5, "stopped near its timeout, not at the end of the match"


def test_a_hostile_page_is_flagged_and_passed_through() -> None:
    """Without normalize_whitespace (`--skip normalize_whitespace`), a run of 30,000 blanks
    makes the caption pattern quadratic: before the guard this page took 82 s. With a 0.2 s
    guard the document comes back at once, flagged, its text unchanged."""
    page = HOSTILE_PAGE
    chain = default_chain(Config(pattern_timeout=0.2)).without("normalize_whitespace")
    started = time.monotonic()
    doc = chain(Document.from_text(page))
    assert time.monotonic() - started < 10
    assert Flag.GUARD_HIT in doc.flags
    assert doc.text == page
    assert doc.edits == ()
    assert doc.restore() == page


def test_the_default_chain_does_not_hit_the_guard_on_the_same_page() -> None:
    """normalize_whitespace collapses the blank run first, and the patterns are linear."""
    page = HOSTILE_PAGE
    doc = default_chain(Config(pattern_timeout=0.2))(Document.from_text(page))
    assert Flag.GUARD_HIT not in doc.flags
    assert "Home" not in doc.text


def test_the_credit_scan_runs_unguarded_only_without_blank_runs() -> None:
    """`_credit_pattern` is linear on a text without two blanks in a row: there it runs on
    `re` (no guard, however small the timeout); one blank run puts it back under the guard."""
    page = "\n" + "photo: (ap photo/" * 20_000 + "\n"
    assert len(list(_credit_pattern().finditer(page, 1e-9))) == 1
    with pytest.raises(GuardHit):
        list(_credit_pattern().finditer(page + "a  b\n", 1e-9))


def test_time_limit_grows_with_the_text() -> None:
    assert time_limit(0.5, "x" * 100) == 0.5
    assert time_limit(0.5, "x" * 4_000_000) == 2.0


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_pattern_timeout_must_be_positive(bad: float) -> None:
    with pytest.raises(ValueError, match="pattern_timeout"):
        Config(pattern_timeout=bad)
