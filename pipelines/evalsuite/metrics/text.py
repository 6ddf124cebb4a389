"""Metrics on plain strings, with no third-party dependency.

exact match, accuracy, deterministic groundedness and refusal rate: each
returns ``(aggregate, per_item)`` where the aggregate is the mean per item.
"""
from __future__ import annotations

import re
import unicodedata

from ..registry import (
    ExactMatchArgs,
    GroundednessArgs,
    Inputs,
    NoArgs,
    RefusalArgs,
    mean,
)

_SPACE = re.compile(r"\s+")


def normalize(text: str, *, ignore_case: bool = True, ignore_punctuation: bool = True) -> str:
    """Whitespace collapsed; optionally lower-cased and without punctuation (Unicode category P)."""
    if ignore_case:
        text = text.casefold()
    if ignore_punctuation:
        text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return _SPACE.sub(" ", text).strip()


def exact_match(inp: Inputs, args: ExactMatchArgs) -> tuple[float, list[float]]:
    opts = {"ignore_case": args.ignore_case, "ignore_punctuation": args.ignore_punctuation}
    per = [float(normalize(str(p), **opts) == normalize(str(r), **opts)) for p, r in zip(inp.predictions, inp.references)]
    return mean(per), per


def accuracy(inp: Inputs, args: NoArgs) -> tuple[float, list[float]]:
    """Exact equality of the chosen answer (index or text) and the gold one."""
    per = [float(p == r) for p, r in zip(inp.predictions, inp.references)]
    return mean(per), per


# --- groundedness ---------------------------------------------------------------

# A number: digits with internal separators ("117/85", "2024-06-06" is three, "3.5").
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_NUMBER_PART = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Capitalised words that are names only by accident of grammar.
_STOP = frozenset(
    "i a an the this that these those he she it they we you his her its their our your my me him them us "
    "and or but nor so if as at by for from in into of on onto to with without after before during".split()
)
_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr"})


def _sentence_initial(text: str, start: int) -> bool:
    """True where the word at ``start`` opens a sentence, line or list item (its capital says nothing)."""
    before = text[:start].rstrip(" \t\"'(“‘*-•")
    if not before or before[-1] in "\n\r":
        return True
    if before[-1] in ".!?:;":
        prev = re.search(r"(\w+)\W*$", before)
        return not (before[-1] == "." and prev is not None and prev.group(1).lower() in _TITLES)
    return False


def checkable_tokens(answer: str) -> list[str]:
    """The numbers and named-entity-like tokens of ``answer``, in order.

    A named-entity token is a word that starts with a capital letter and is not
    at the start of a sentence (an all-capitals acronym counts anywhere), is
    longer than one letter and is neither a function word nor a title (Mr, Dr).
    """
    found: list[tuple[int, str]] = [(m.start(), m.group()) for m in _NUMBER.finditer(answer)]
    for m in _WORD.finditer(answer):
        word = m.group()
        if len(word) < 2 or not word[0].isupper() or word.lower() in _STOP or word.lower() in _TITLES:
            continue
        acronym = word.isupper()
        if acronym or not _sentence_initial(answer, m.start()):
            found.append((m.start(), word))
    return [w for _, w in sorted(found)]


def _number_key(token: str) -> str:
    """Leading zeros dropped from dates and times ("06/04" ~ "6/4"), not from decimals ("7.05")."""
    return token if ("." in token or "," in token) else _NUMBER_PART.sub(lambda m: str(int(m.group())), token)


def _source_vocabulary(source: str, case_sensitive: bool) -> set[str]:
    vocab = {_number_key(t) for t in _NUMBER.findall(source)} | {_number_key(t) for t in _NUMBER_PART.findall(source)}
    words = _WORD.findall(source)
    vocab |= set(words) if case_sensitive else {w.casefold() for w in words}
    return vocab


def grounded_share(answer: str, source: str, *, case_sensitive: bool = False) -> float:
    """The share of :func:`checkable_tokens` of ``answer`` found in ``source``; 1.0 when there are none."""
    tokens = checkable_tokens(answer)
    if not tokens:
        return 1.0
    vocab = _source_vocabulary(source, case_sensitive)
    def key(t: str) -> str:
        return _number_key(t) if t[0].isdigit() else (t if case_sensitive else t.casefold())

    return sum(key(t) in vocab for t in tokens) / len(tokens)


def groundedness(inp: Inputs, args: GroundednessArgs) -> tuple[float, list[float]]:
    per = [grounded_share(str(p), str(s), case_sensitive=args.case_sensitive) for p, s in zip(inp.predictions, inp.sources)]
    return mean(per), per


# --- refusal rate ---------------------------------------------------------------


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").replace("‘", "'").casefold()).strip()


def refusal_rate(inp: Inputs, args: RefusalArgs) -> tuple[float, list[float]]:
    phrases = [_fold(p) for p in args.phrases]
    per = [float(any(ph in _fold(str(p)) for ph in phrases)) for p in inp.predictions]
    return mean(per), per
