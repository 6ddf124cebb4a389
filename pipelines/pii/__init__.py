"""Detection and keyed pseudonymization of personal data in free text.

Public API::

    Span(start, end, type)                      # end exclusive
    ENTITY_TYPES = ("PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID")
    detect(text, entities=ENTITY_TYPES, id_patterns=()) -> list[Span]
    Pseudonymizer(key).surrogate(type, value) -> str
    anonymize_text(text, pseudonymizer, entities=ENTITY_TYPES, id_patterns=()) -> (str, Counter)
    RESIDUAL_PATTERNS: dict[str, str]           # EMAIL, PHONE, ID regexes that skip surrogates

Standard library only; the name gazetteer is a data file read on first use.
Detection rules and the overlap rule are described in ``detect``; the shape
of each surrogate and how RESIDUAL_PATTERNS tell it apart in ``surrogate``.
The bundled sample under data/sample is generated with Faker, whose en_US
name lists are also the source of the gazetteer: recall measured on that
sample is optimistic for names.
"""

from .detect import ENTITY_TYPES, Span, detect
from .surrogate import RESIDUAL_PATTERNS, Pseudonymizer, anonymize_text

__all__ = ["ENTITY_TYPES", "RESIDUAL_PATTERNS", "Pseudonymizer", "Span", "anonymize_text", "detect"]
