"""Encoding repair: mojibake fixed with ftfy, only on the lines that show it.

A cheap pattern (`MOJIBAKE_HINT`) finds the lines where UTF-8 bytes were decoded as
Latin-1 or Windows-1252; ftfy runs on those lines alone, with every fix that would alter
correct text (quote uncurling, width folding, Unicode normalisation, HTML unescaping)
turned off.

>>> from newsclean.document import Document
>>> fix_encoding(Document.from_text("The mayorâ€™s office said â€œnoâ€\\x9d.")).text
'The mayor’s office said “no”.'
>>> doc = Document.from_text("Correct “curly” text, café, ＡＢＣ, 漢字.")
>>> fix_encoding(doc) is doc
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import ftfy

from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.filters.whitespace import normalized_text
from newsclean.lines import Span, replace_spans
from newsclean.reasons import Flag, Reason

# A UTF-8 lead byte read as Latin-1/cp1252 (Â..ô) followed by a continuation byte read the
# same way (cp1252's 0x80-0xBF: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ and
# NBSP..¿), or a C1 control character, which correct text never holds.
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178"
)
# Written to start with one character class, so the scan skips clean text quickly.
MOJIBAKE_HINT = re.compile(
    f"[\u0080-\u009f\u00c2-\u00f4](?:(?<=[\u00c2-\u00f4])[{_CONTINUATION}]|(?<=[\u0080-\u009f]))"
)

# Every Latin-1 character that cannot start a hint, as a byte: ASCII, 0xA0-0xC1, 0xF5-0xFF.
_NOT_A_HINT_START = bytes(range(0x80)) + bytes(range(0xA0, 0xC2)) + bytes(range(0xF5, 0x100))
# For text within Latin-1, each byte's part in a hint: X a C1 control (a hint on its own),
# L a lead byte, C a continuation byte that is not a C1 control, . anything else.
_HINT_ROLES = b"." * 0x80 + b"X" * 0x20 + b"C" * 0x20 + b".." + b"L" * (0xF5 - 0xC2) + b"." * (0x100 - 0xF5)
# Pages are checked this many characters at a time (a byte string of each is made).
_PRECHECK_CHARS = 1 << 20


def may_hold_mojibake(text: str) -> bool:
    """Whether `text` may hold a `MOJIBAKE_HINT`, found by C-level byte operations.

    Text within Latin-1 (CPython keeps it one byte a character) is answered exactly:
    each character is mapped to its part in a hint, and a C1 control or a lead byte
    followed by a continuation byte is looked for. Other text holds a hint only if it
    holds a character that can start one (U+0080-U+009F, U+00C2-U+00F4): the characters
    beyond Latin-1 are dropped, then every byte that cannot start a hint. Most pages in
    English and in other scripts hold none, and pages in Latin-script languages whose
    accented letters stand in correct text skip the pattern's scan too.

    >>> may_hold_mojibake("The mayor’s office said “no”, 市政府"), may_hold_mojibake("The cafÃ© reopened")
    (False, True)
    >>> may_hold_mojibake("Le café a rouvert à midi."), may_hold_mojibake("Le cafÃ© a rouvert.")
    (False, True)
    """
    for start in range(0, len(text), _PRECHECK_CHARS):
        piece = text[start : start + _PRECHECK_CHARS + 1]  # one more: a pair across pieces
        try:
            roles = piece.encode("latin-1").translate(_HINT_ROLES)
        except UnicodeEncodeError:
            if piece.encode("latin-1", "ignore").translate(None, _NOT_A_HINT_START):
                return True
            continue
        if b"X" in roles or b"LC" in roles:
            return True
    return False


# Rounds of repair a line gets at most (see `repaired_line`).
REPAIR_ROUNDS = 3
# ftfy with only the fixes that undo wrong decoding.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair_line(line: str) -> str:
    """The line with its mojibake undone (or unchanged).

    >>> repair_line("Ã©tÃ© Ã  Paris")
    'été à Paris'
    """
    return ftfy.fix_text(line, FTFY_CONFIG)


def repaired_line(line: str) -> str:
    """`repair_line`, its result normalised as `normalize_whitespace` normalises text (ftfy
    can leave a no-break space at a line's end or next to a space, or decode an overlong
    sequence to a control character), and repaired again while that changes the line (at
    most `REPAIR_ROUNDS` times): ftfy reads a sequence in its context, and trimming a
    space can show it one more to repair. Cleaning clean text again then finds nothing to do.

    >>> repaired_line("\\u00c2\\u00a0Ferries ran again, the cafÃ© said.")
    'Ferries ran again, the café said.'
    >>> line = "\\u00c2\\u00a0\\u00c2\\u00c2\\u00a0a"
    >>> repaired_line(line), repair_line(line)
    ('a', '\\xa0Â\\xa0a')
    """
    for _ in range(REPAIR_ROUNDS):
        fixed = repair_line(line)
        if fixed == line:
            break
        line = normalized_text(fixed)
        if line == fixed:  # nothing for ftfy to see anew (ftfy's own output is stable)
            break
    return line


def _mojibake_line_spans(text: str) -> Iterator[Span]:
    if text.isascii() or not may_hold_mojibake(text):  # fast C checks settle most pages
        return
    done = 0  # end of the last line looked at
    for hint in MOJIBAKE_HINT.finditer(text):
        if hint.start() < done:
            continue
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        done = end = len(text) if end < 0 else end
        yield start, end, repaired_line(text[start:end]), Reason.ENCODING


def fix_encoding(doc: Document, config: Config = DEFAULT_CONFIG) -> Document:
    """Repair mojibake line by line; flag the document `encoding_repaired` if any was.

    Example:

    >>> from newsclean.document import Document
    >>> doc = fix_encoding(Document.from_text("Ferries ran again.\\nThe cafÃ© reopened."))
    >>> doc.text, [(edit.start, edit.removed) for edit in doc.edits], sorted(map(str, doc.flags))
    ('Ferries ran again.\\nThe café reopened.', [(19, 'The cafÃ© reopened.')], ['encoding_repaired'])
    """
    fixed = replace_spans(doc, _mojibake_line_spans(doc.text), "fix_encoding")
    if fixed is doc:
        return doc
    return attrs.evolve(fixed, flags=fixed.flags | {Flag.ENCODING_REPAIRED})
