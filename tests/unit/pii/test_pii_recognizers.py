"""Recognizers one by one (positive and negative), the overlap rule, the registry, the NER layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.pii import ENTITY_TYPES, Engine, EngineOptions, NerOptions, Span, detect, registry
from pipelines.pii._spans import resolve

ROOT = Path(__file__).resolve().parents[3]


def _found(text: str, **opts) -> set[tuple[str, str]]:
    spans = Engine(EngineOptions(**opts)).detect(text) if opts else detect(text)
    return {(text[s.start:s.end], s.type) for s in spans}


@pytest.mark.parametrize(
    "text, value, kind",
    [
        ("Card 4111 1111 1111 1111 on file.", "4111 1111 1111 1111", "CREDIT_CARD"),
        ("Card 5500-0000-0000-0004.", "5500-0000-0000-0004", "CREDIT_CARD"),
        ("amex 378282246310005 ok", "378282246310005", "CREDIT_CARD"),
        ("Pay to GB82 WEST 1234 5698 7654 32 today", "GB82 WEST 1234 5698 7654 32", "IBAN"),
        ("IBAN DE89370400440532013000.", "DE89370400440532013000", "IBAN"),
        ("from 192.168.1.20.", "192.168.1.20", "IP_ADDRESS"),
        ("host 2001:0db8:85a3::8a2e:0370:7334 down", "2001:0db8:85a3::8a2e:0370:7334", "IP_ADDRESS"),
        ("see https://portal.acme-health.com/u/123?x=1.", "https://portal.acme-health.com/u/123?x=1", "URL"),
        ("see www.acme-health.com today", "www.acme-health.com", "URL"),
        ("hosted on acme-health.co.uk now", "acme-health.co.uk", "DOMAIN"),
        ("a 92-year-old woman", "92", "AGE"),
        ("aged 93, stable", "93", "AGE"),
        ("Age: 95", "95", "AGE"),
        ("is 101 years old", "101", "AGE"),
        ("Lives in Chicago, IL 60601.", "Chicago", "CITY"),
        ("Lives in Chicago, IL 60601.", "IL", "STATE"),
        ("Lives in Chicago, IL 60601.", "60601", "ZIP"),
        ("moved from Paris last year", "Paris", "CITY"),
        ("Drove to Springfield, Illinois.", "Illinois", "STATE"),
        ("Born in Mexico.", "Mexico", "COUNTRY"),
        ("postcode SW1A 1AA", "SW1A 1AA", "ZIP"),
        ("zip code 90210", "90210", "ZIP"),
        ("A Catholic woman", "Catholic", "NRP"),
        ("registered Democrat", "Democrat", "NRP"),
        ("a Black woman", "Black", "NRP"),
        ("treated at Mercy Hospital.", "Mercy Hospital", "ORGANIZATION"),
        ("works at Acme Corp. now", "Acme Corp.", "ORGANIZATION"),
        ("studied at University of Chicago", "University of Chicago", "ORGANIZATION"),
        ("Call +44 20 7946 0958.", "+44 20 7946 0958", "PHONE"),
        ("tel 020 7946 0958", "020 7946 0958", "PHONE"),
        ("NHS number 943 476 5919", "943 476 5919", "ID"),
        ("DNI 12345678Z", "12345678Z", "ID"),
        ("driver's license D1234567", "D1234567", "ID"),
        ("passport no. X12345678", "X12345678", "ID"),
        ("Seen 14/03/2024.", "14/03/2024", "DATE"),
        ("Seen 2024/03/14.", "2024/03/14", "DATE"),
        ("Since March 2024.", "March 2024", "DATE"),
        ("at 2023-05-01T10:00", "2023-05-01", "DATE"),
        ("Prof. Ada Quarrington spoke.", "Ada Quarrington", "PERSON"),
        ("Rev. Okonkwo visited.", "Okonkwo", "PERSON"),
    ],
)
def test_positive(text, value, kind):
    assert (value, kind) in _found(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Card 4111 1111 1111 1112 on file.", "CREDIT_CARD"),       # Luhn fails
        ("ref 1111 1111 1111 1111", "CREDIT_CARD"),                # one repeated digit
        ("Pay to GB83 WEST 1234 5698 7654 32 today", "IBAN"),       # mod 97 fails
        ("at 999.1.1.1 and 10:30:00, version 1.2.3", "IP_ADDRESS"),
        ("She is 45 years old; age 89; 88-year-old", "AGE"),
        ("White blood cells are up; speaks Spanish", "NRP"),
        ("White blood cells are up", "PERSON"),
        ("e.g. q.d. b.i.d. vs.no", "DOMAIN"),
        ("Seen in the Emergency Department and Family Medicine Clinic", "ORGANIZATION"),
        ("number 943 476 5918", "ID"),                              # no NHS context, and checksum fails
        ("Code 12345 was entered", "ZIP"),                         # a bare five-digit number is not a ZIP
        ("BP 142/90, temp 98.6", "DATE"),
    ],
)
def test_negative(text, kind):
    assert kind not in {t for _, t in _found(text)}


def test_overlap_rule_longer_then_score_then_priority():
    a, b = Span(0, 10, "PERSON", 0.5), Span(2, 6, "EMAIL", 1.0)
    assert resolve([a, b]) == [a]                                     # longer wins despite score
    c, d = Span(0, 5, "ORGANIZATION", 0.9), Span(0, 5, "PERSON", 0.6)
    assert resolve([c, d])[0].type == "ORGANIZATION"                  # equal length: higher score
    e, f = Span(0, 5, "ORGANIZATION", 0.8), Span(0, 5, "PERSON", 0.8)
    assert resolve([e, f])[0].type == "PERSON"                        # then PRIORITY
    g, h = Span(0, 4, "ID"), Span(3, 7, "ID")
    assert resolve([h, g]) == [g]                                     # then the earlier start
    assert resolve([Span(0, 2, "ID"), Span(2, 4, "ID")]) == [Span(0, 2, "ID"), Span(2, 4, "ID")]
    # labelled number beats a Luhn-valid card of the same length (score); email beats its domain (length)
    text = "MRN 4111111111111111, mail a@acme.com"
    assert _found(text) == {("4111111111111111", "ID"), ("a@acme.com", "EMAIL")}


def test_span_extra_fields_do_not_change_equality():
    assert Span(1, 2, "ID", 0.3, "x") == Span(1, 2, "ID")
    assert len({Span(1, 2, "ID", 0.3), Span(1, 2, "ID", 0.9)}) == 1


def test_entities_filter_and_min_score():
    text = "Dr. Okafor, 4111 1111 1111 1111, 192.168.1.20"
    assert {t for _, t in _found(text, entities=["CREDIT_CARD"])} == {"CREDIT_CARD"}
    assert {t for _, t in _found(text, min_score=0.95)} == set()


def test_context_words_extend_id_labels():
    text = "badge 7781-2231 issued"
    assert ("7781-2231", "ID") not in _found(text)
    assert ("7781-2231", "ID") in _found(text, context_words={"ID": ["badge"]})


def test_registry_lazy_and_did_you_mean():
    assert "email" in registry.names() and "ner" in registry.names()
    assert registry.get_recognizer("email").name == "email"
    with pytest.raises(KeyError, match="did you mean 'email'"):
        registry.get_recognizer("emial")
    with pytest.raises(KeyError, match="did you mean 'credit_card'"):
        EngineOptions(recognizers=["credit_crad"])
    with pytest.raises(ValueError, match="did you mean 'EMAIL'"):
        EngineOptions(entities=["EMIAL"])
    with pytest.raises(ValueError, match="did you mean 'redact'"):
        EngineOptions(transforms={"EMAIL": "redcat"})
    with pytest.raises(ValueError, match="date_shift applies to DATE only"):
        EngineOptions(transforms={"EMAIL": "date_shift"})
    with pytest.raises(ValueError, match="generalize is defined for"):
        EngineOptions(transforms={"EMAIL": "generalize"})


def test_recognizer_subset():
    text = "Dr. Okafor, a@b.com"
    assert _found(text, recognizers=["email"]) == {("a@b.com", "EMAIL")}


def test_ner_is_off_by_default_and_not_imported():
    assert "ner" not in [r.name for r in Engine().recognizers]
    code = ("import sys, pipelines.pii as p; p.Anonymizer(b'k'*32).anonymize('Dr. Smith in Paris, 4111 1111 1111 1111'); "
            "heavy = [m for m in ('spacy', 'transformers', 'torch', 'pandas', 'faker', 'numpy') if m in sys.modules]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_ner_options_validate():
    with pytest.raises(ValueError, match="did you mean 'spacy'"):
        NerOptions(backend="spacey", model="x")
    with pytest.raises(ValueError, match="needs a model"):
        NerOptions()


def test_ner_recognizer_with_a_minimal_spacy_pipeline():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "zorblax quint"}, {"label": "ORG", "pattern": "Initech"},
                        {"label": "GPE", "pattern": "Peru"}])
    opts = EngineOptions(ner=NerOptions(backend="spacy", nlp=nlp))
    assert "ner" in [r.name for r in Engine(opts).recognizers]
    text = "met zorblax quint of Initech in Peru"  # lower case: no rule would find the name
    found = {(text[s.start:s.end], s.type) for s in Engine(opts).detect(text)}
    assert {("zorblax quint", "PERSON"), ("Initech", "ORGANIZATION"), ("Peru", "COUNTRY")} <= found
    assert ("zorblax quint", "PERSON") not in _found(text)


def test_ner_missing_model_fails_clearly():
    pytest.importorskip("spacy")
    with pytest.raises(RuntimeError, match="cannot load the spacy NER model"):
        Engine(EngineOptions(ner=NerOptions(backend="spacy", model="no_such_model_pkg_xyz")))


def test_all_types_are_reachable():
    assert set(ENTITY_TYPES) <= {t for name in registry.DEFAULT_RECOGNIZERS
                                 for t in registry.get_recognizer(name).entities}
