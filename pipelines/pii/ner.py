"""Optional statistical NER layer (spaCy or a transformers token-classification model).

Off by default: an Engine uses it only when ``EngineOptions.ner`` is set. spaCy
and transformers are imported when the recognizer is built, never by
``import pipelines.pii``. No model is downloaded by this code: ``model`` must be
an installed spaCy package, a local path, or (transformers) a model already in
the local cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._spans import Span
from .recognizers import Doc, Recognizer

if TYPE_CHECKING:  # pragma: no cover
    from .engine import EngineOptions

#: Model label -> entity type. "GPE"/"LOC" become CITY, STATE or COUNTRY through the
#: place gazetteer (CITY when unknown). DATE is not mapped: spaCy's DATE includes
#: durations ("5 weeks") that are not identifiers; map it explicitly if wanted.
DEFAULT_LABELS: dict[str, str] = {
    "PERSON": "PERSON", "PER": "PERSON", "B-PER": "PERSON", "I-PER": "PERSON",
    "ORG": "ORGANIZATION", "NORP": "NRP",
    "GPE": "PLACE", "LOC": "PLACE",
}


class NerRecognizer(Recognizer):
    name = "ner"
    entities = ("PERSON", "ORGANIZATION", "NRP", "CITY", "STATE", "COUNTRY", "DATE")

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        ner = options.ner
        if ner is None:
            raise ValueError("the NER recognizer needs EngineOptions.ner (backend and model)")
        self.backend = ner.backend
        self.labels = dict(ner.labels) if ner.labels is not None else dict(DEFAULT_LABELS)
        self.min_score = ner.min_score
        self.nlp = ner.nlp if ner.nlp is not None else self._load(ner.backend, ner.model)

    @staticmethod
    def _load(backend: str, model: str):
        try:
            if backend == "spacy":
                import spacy

                return spacy.load(model, exclude=["lemmatizer", "textcat"])
            from transformers import pipeline

            return pipeline("token-classification", model=model, aggregation_strategy="simple")
        except ImportError as err:
            raise RuntimeError(f"the NER backend {backend!r} is not installed ({err.name})") from None
        except OSError:
            raise RuntimeError(f"cannot load the {backend} NER model {model!r}: install it or give a local path") from None

    def _type(self, label: str, value: str) -> str | None:
        t = self.labels.get(label) or self.labels.get(label.split("-", 1)[-1])
        if t == "PLACE":
            from ._places import places

            kind = places().names.get(value.strip().lower(), "CITY")
            return kind
        return t

    def find(self, doc: Doc) -> list[Span]:
        out = []
        if self.backend == "spacy":
            for ent in self.nlp(doc.text).ents:
                t = self._type(ent.label_, ent.text)
                if t in self.wanted:
                    out.append(self._span(ent.start_char, ent.end_char, t, 0.8))
        else:
            for r in self.nlp(doc.text):
                t = self._type(r.get("entity_group") or r.get("entity", ""), doc.text[r["start"]:r["end"]])
                if t in self.wanted and float(r.get("score", 0.0)) >= self.min_score:
                    out.append(self._span(int(r["start"]), int(r["end"]), t, float(r["score"])))
        return out
