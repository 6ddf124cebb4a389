"""Per-type transformations and the ``Anonymizer`` that applies them.

- ``pseudonymize``: a consistent, format-preserving keyed surrogate
  (``Pseudonymizer.surrogate``; see ``surrogate`` for each type). For DATE it is
  the same as ``date_shift``, for AGE the same as ``generalize``.
- ``date_shift`` (DATE): every date of one subject moves by the same keyed
  offset (400-1500 days, either direction), so intervals within a subject are
  kept; different subjects move differently. Without a subject the data-set
  offset is used.
- ``generalize``: AGE -> "90+" (the threshold, HIPAA: 90); ZIP -> US: first three
  digits + "XX" ("000XX" for the 3-digit areas with 20,000 people or fewer that
  HIPAA Safe Harbor lists), UK/Canada: the outward code only; DATE -> the year
  ("[DATE]" when there is none).
- ``redact``: the type tag, e.g. ``[EMAIL]``.

Pseudonyms keep the text's shape and context for fine-tuning; redaction is the
safest (nothing plausible is left); generalization sits in between.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field

from ._spans import Span
from .engine import Engine, EngineOptions
from .surrogate import Pseudonymizer, _year

# HHS guidance (Census 2000): 3-digit ZIP areas with 20,000 or fewer people become 000.
RESTRICTED_ZIP3 = frozenset("036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split())
_YEAR4 = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR2 = re.compile(r"[/.-](\d{2})$")


def generalize(type_: str, value: str, age_threshold: int = 90) -> str:
    """The generalized form of ``value`` (see the module docstring)."""
    v = value.strip()
    if type_ == "AGE":
        return f"{age_threshold}+"
    if type_ == "ZIP":
        if re.fullmatch(r"\d{5}(?:-\d{4})?", v):
            return ("000" if v[:3] in RESTRICTED_ZIP3 else v[:3]) + "XX"
        outward = v.split()[0] if " " in v else v[:-3]
        return outward
    if type_ == "DATE":
        if m := _YEAR4.search(v):
            return m.group(1)
        if m := _YEAR2.search(v):
            return str(_year(m.group(1)))
        return "[DATE]"
    raise ValueError(f"generalize is not defined for {type_}")


@dataclass(frozen=True)
class AnonymizedText:
    """The anonymized text, the number of replaced values per type, and the
    detected spans in offsets of the *original* text."""

    text: str
    counts: collections.Counter = field(default_factory=collections.Counter)
    spans: list[Span] = field(default_factory=list)


class Anonymizer:
    """Detects with an ``Engine(options)`` and transforms each span per ``options.transforms``.

    ``mapping``: when a dict is given, surrogate -> original pairs of the
    reversible transformations (pseudonymize, date_shift) are added to it, for an
    encrypted re-identification file; nothing is collected otherwise. Two
    originals can share a surrogate (phones: about 70,000 choices); the first one
    seen is kept.

    The key is never shown: ``repr`` is redacted and pickling is refused.
    """

    __slots__ = ("_pseudo", "_engine", "_options", "_mapping", "_how", "_age")

    def __init__(self, key: bytes, options: EngineOptions | None = None, mapping: dict | None = None) -> None:
        self._pseudo = Pseudonymizer(key)
        self._options = options or EngineOptions()
        self._engine = Engine(self._options)
        self._mapping = mapping
        self._how = {t: self._options.transform_for(t) for t in self._options.entities}
        self._age = self._options.age_threshold

    @property
    def options(self) -> EngineOptions:
        return self._options

    def __repr__(self) -> str:
        return "Anonymizer(key=<redacted>)"

    def __reduce__(self):
        raise TypeError("Anonymizer holds a secret key and cannot be pickled")

    def detect(self, text: str) -> list[Span]:
        return self._engine.detect(text)

    def anonymize(self, text: str, subject: str | None = None) -> AnonymizedText:
        """Anonymize ``text``; ``subject`` (e.g. the record's patient id) keys the date shift."""
        spans = self._engine.detect(text)
        if not spans:
            return AnonymizedText(text, collections.Counter(), spans)
        parts: list[str] = []
        pos = 0
        pseudo, mapping = self._pseudo, self._mapping
        for s in spans:
            value = text[s.start:s.end]
            how = self._how[s.type]
            if how == "redact":
                new = f"[{s.type}]"
            elif how == "generalize" or s.type == "AGE":
                new = generalize(s.type, value, self._age)
            elif s.type == "DATE":
                new = pseudo.shift_date(value, subject)
            else:
                new = pseudo.surrogate(s.type, value)
            if mapping is not None and how in ("pseudonymize", "date_shift") and s.type != "AGE":
                mapping.setdefault(new, value)
            parts.append(text[pos:s.start])
            parts.append(new)
            pos = s.end
        parts.append(text[pos:])
        return AnonymizedText("".join(parts), collections.Counter([s.type for s in spans]), spans)
