"""The detection engine: options, recognizers from the registry, the overlap rule."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from . import registry
from ._spans import ENTITY_TYPES, Span, check_entities, resolve, suggest

#: Transformations an entity type can be given (``EngineOptions.transforms``).
TRANSFORMS: tuple[str, ...] = ("pseudonymize", "date_shift", "generalize", "redact")
#: The transformation of a type that ``EngineOptions.transforms`` does not name.
DEFAULT_TRANSFORMS: Mapping[str, str] = MappingProxyType({"DATE": "date_shift", "AGE": "generalize"})
#: Types ``generalize`` is defined for (see ``transforms.generalize``).
GENERALIZABLE: frozenset[str] = frozenset({"DATE", "AGE", "ZIP"})


@dataclass(frozen=True)
class NerOptions:
    """An optional statistical NER layer.

    backend: ``"spacy"`` (``model`` is an installed package name or a path for
    ``spacy.load``) or ``"transformers"`` (``model`` is a local path or name for a
    token-classification pipeline; nothing is downloaded when ``HF_HUB_OFFLINE=1``).
    ``labels`` maps the model's labels to entity types (defaults in ``ner.DEFAULT_LABELS``);
    ``nlp`` may hold an already-loaded pipeline (then ``model`` is ignored).
    """

    backend: str = "spacy"
    model: str = ""
    labels: Mapping[str, str] | None = None
    min_score: float = 0.5
    nlp: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.backend not in ("spacy", "transformers"):
            raise ValueError(f"unknown NER backend {self.backend!r}{suggest(self.backend, ('spacy', 'transformers'))}; "
                             "expected 'spacy' or 'transformers'")
        if not self.model and self.nlp is None:
            raise ValueError("NER needs a model (a spaCy package or path, or a local transformers model)")
        if self.labels is not None:
            object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
            check_entities(self.labels.values())


@dataclass(frozen=True)
class EngineOptions:
    """What to detect and how to transform it.

    entities: the types to detect (default: all of ENTITY_TYPES).
    id_patterns: extra regexes for local identifiers (type ID; a named group ``id``
        narrows the span).
    context_words: type -> extra context words, added to each rule's defaults
        (ID: extra labels such as "badge"; PHONE, ZIP, CREDIT_CARD: cue words).
    recognizers: registry names to use (default: ``registry.DEFAULT_RECOGNIZERS``,
        plus "ner" when ``ner`` is set).
    ner: ``NerOptions`` to switch the NER layer on (off by default).
    transforms: type -> one of TRANSFORMS (default: DATE date_shift, AGE
        generalize, everything else pseudonymize).
    phone_regions: regions tried for national-format phone numbers (with a context word).
    age_threshold: ages from this value up are AGE entities (HIPAA: 90).
    min_score: candidates scoring below this are dropped before the overlap rule.
    """

    entities: tuple[str, ...] = ENTITY_TYPES
    id_patterns: tuple[str, ...] = ()
    context_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    recognizers: tuple[str, ...] | None = None
    ner: NerOptions | None = None
    transforms: Mapping[str, str] = field(default_factory=dict)
    phone_regions: tuple[str, ...] = ("US", "GB", "DE", "FR", "IE", "AU", "CA", "IN", "ES", "IT", "NL")
    age_threshold: int = 90
    min_score: float = 0.0

    def __post_init__(self) -> None:
        if isinstance(self.entities, str):
            raise TypeError("entities must be a sequence of type names, not one string")
        object.__setattr__(self, "entities", check_entities(self.entities))
        pats = tuple(self.id_patterns)
        for p in pats:
            try:
                re.compile(p)
            except re.error as err:
                raise ValueError(f"invalid id pattern {p!r}: {err}") from None
        object.__setattr__(self, "id_patterns", pats)
        ctx = {str(t): tuple(w) if not isinstance(w, str) else (w,) for t, w in dict(self.context_words).items()}
        check_entities(ctx)
        object.__setattr__(self, "context_words", MappingProxyType(ctx))
        tr = dict(self.transforms)
        check_entities(tr)
        for t, how in tr.items():
            if how not in TRANSFORMS:
                raise ValueError(f"unknown transformation {how!r} for {t}{suggest(how, TRANSFORMS)}; "
                                 f"expected one of {list(TRANSFORMS)}")
            if how == "date_shift" and t != "DATE":
                raise ValueError(f"date_shift applies to DATE only, not {t}")
            if how == "generalize" and t not in GENERALIZABLE:
                raise ValueError(f"generalize is defined for {sorted(GENERALIZABLE)}, not {t}")
        object.__setattr__(self, "transforms", MappingProxyType(tr))
        if self.recognizers is not None:
            object.__setattr__(self, "recognizers", tuple(registry.check_name(n) for n in self.recognizers))
        if self.ner is not None and not isinstance(self.ner, NerOptions):
            raise TypeError("ner must be NerOptions or None")
        object.__setattr__(self, "phone_regions", tuple(self.phone_regions))

    def transform_for(self, type_: str) -> str:
        return self.transforms.get(type_) or DEFAULT_TRANSFORMS.get(type_, "pseudonymize")

    def recognizer_names(self) -> tuple[str, ...]:
        names = self.recognizers if self.recognizers is not None else registry.DEFAULT_RECOGNIZERS
        if self.ner is not None and "ner" not in names:
            names = (*names, "ner")
        return names


class Engine:
    """Runs the recognizers of ``options`` over a text and applies the overlap rule."""

    __slots__ = ("options", "recognizers", "_wanted", "_keep_all")

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        wanted = frozenset(self.options.entities)
        self._wanted = wanted
        # every type wanted and no score floor (the default): no candidate is filtered out
        self._keep_all = wanted >= frozenset(ENTITY_TYPES) and self.options.min_score <= 0
        self.recognizers = []
        for name in self.options.recognizer_names():
            cls = registry.get_recognizer(name)
            if name == "ner" or wanted & frozenset(cls.entities):
                self.recognizers.append(cls(self.options))

    def detect(self, text: str) -> list[Span]:
        """Sorted, non-overlapping spans (offsets into ``text``, end exclusive)."""
        from .recognizers import Doc, repeated_ids

        doc = Doc(text)
        wanted, floor = self._wanted, self.options.min_score
        if self._keep_all:
            cands = [s for r in self.recognizers for s in r.find(doc)]
        else:
            cands = [s for r in self.recognizers for s in r.find(doc) if s.type in wanted and s.score >= floor]
        if "ID" in wanted:
            cands.extend(s for s in repeated_ids(text, cands) if s.score >= floor)
        return resolve(cands)
