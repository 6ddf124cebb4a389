"""Entity types, the ``Span`` record and the overlap rule shared by every recognizer."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

#: The six types of the first release come first and keep their names.
LEGACY_ENTITY_TYPES: tuple[str, ...] = ("PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID")
#: Every type the engine can detect.  ``ID`` includes US SSNs, national IDs and
#: driver licences (the ``Span.recognizer`` field says which rule found it).
ENTITY_TYPES: tuple[str, ...] = LEGACY_ENTITY_TYPES + (
    "AGE", "CITY", "STATE", "ZIP", "COUNTRY", "ORGANIZATION",
    "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "DOMAIN", "NRP",
)
#: High-risk identifiers: the residual pass must find none of these in anonymized text.
HIGH_RISK: tuple[str, ...] = ("EMAIL", "PHONE", "ID", "CREDIT_CARD", "IBAN")

#: Tie-break between spans of equal length and equal score (earlier wins).
PRIORITY: tuple[str, ...] = (
    "EMAIL", "URL", "IBAN", "CREDIT_CARD", "ID", "PHONE", "IP_ADDRESS", "DATE", "AGE", "ADDRESS",
    "ZIP", "PERSON", "ORGANIZATION", "CITY", "STATE", "COUNTRY", "NRP", "DOMAIN",
)
_RANK = {t: i for i, t in enumerate(PRIORITY)}
_POSITION = attrgetter("start", "end", "type")


@dataclass(frozen=True, order=True)
class Span:
    """A detected entity: ``text[start:end]`` (end exclusive) of kind ``type``.

    ``score`` (0-1) and ``recognizer`` (the rule that found it) are informative
    and take no part in equality, hashing or ordering.
    """

    start: int
    end: int
    type: str
    score: float = field(default=1.0, compare=False)
    recognizer: str = field(default="", compare=False)


def suggest(name: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' for the closest choice, or ''."""
    import difflib

    close = difflib.get_close_matches(str(name), list(choices), n=1, cutoff=0.6)
    if not close and isinstance(name, str):
        close = difflib.get_close_matches(name.upper(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_entities(entities: Iterable[str]) -> tuple[str, ...]:
    """The requested types in ENTITY_TYPES order; ValueError for unknown ones."""
    wanted = set(entities)
    unknown = sorted(map(str, wanted - set(ENTITY_TYPES)))
    if unknown:
        hint = suggest(unknown[0], ENTITY_TYPES)
        raise ValueError(f"unknown entity types {unknown}{hint}; expected a subset of {list(ENTITY_TYPES)}")
    return tuple(t for t in ENTITY_TYPES if t in wanted)


def resolve(cands: Iterable[Span]) -> list[Span]:
    """The overlap rule: pick non-overlapping spans greedily, best first, where
    *best* is (1) the longer span, (2) the higher score, (3) the type earlier
    in ``PRIORITY``, (4) the earlier start.  Returns the chosen spans sorted by
    position.  A span is dropped if it overlaps any span already chosen (it is
    never trimmed), so every kept span is exactly what one recognizer found.
    """
    cands = sorted(cands, key=lambda s: (s.start - s.end, -s.score, _RANK.get(s.type, 99), s.start))
    if len(cands) < 2:
        return cands
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for s in cands:
        i = bisect.bisect_left(taken, (s.start, s.start))
        # neighbours: the interval before i and the one at i
        if i > 0 and taken[i - 1][1] > s.start:
            continue
        if i < len(taken) and taken[i][0] < s.end:
            continue
        taken.insert(i, (s.start, s.end))
        chosen.append(s)
    chosen.sort(key=_POSITION)  # (the dataclass order, without its generated __lt__)
    return chosen
