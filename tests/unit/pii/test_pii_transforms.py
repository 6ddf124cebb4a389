"""Anonymizer: transformations per type, consistency, mapping, residual scan, canaries, key hygiene."""

from __future__ import annotations

import collections
import datetime as dt
import json
import pickle
import re
from pathlib import Path

import pytest

from pipelines.pii import (
    HIGH_RISK, RESIDUAL_PATTERNS, Anonymizer, EngineOptions, Pseudonymizer, detect, generalize, make_canaries,
    residual_scan,
)
from pipelines.pii.checksums import iban_ok, luhn_ok

KEY = b"unit-test-key-0123456789abcdef!!"
SAMPLE = Path(__file__).resolve().parents[3] / "data" / "sample"
TEXT = ("Patient Maria Lopez, a 92-year-old from Chicago, IL 60601, seen 03/14/2024 and 2024-04-11. "
        "Email maria.lopez@gmail.com, phone (217) 482-1937, card 4111 1111 1111 1111, "
        "IBAN GB82 WEST 1234 5698 7654 32, IP 10.1.2.3 and fe80::1ff:fe23:4567:890a, "
        "portal https://mychart.acme-health.com/login, SSN 123-45-6789.")


def _iso_dates(text: str) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", text)]


def test_pseudonymize_every_type_keeps_its_kind():
    out = Anonymizer(KEY).anonymize(TEXT)
    t = out.text
    assert "Maria" not in t and "Lopez" not in t and "gmail" not in t and "482-1937" not in t
    assert re.search(r"[a-z]+\.[a-z]+\d*@example\.(com|org|net)", t)
    card = re.search(r"card (\d{4} \d{4} \d{4} \d{4})", t).group(1)
    assert card.startswith("99") and luhn_ok(card.replace(" ", ""))
    iban = re.search(r"IBAN (GB\d\d TEST[\d ]+\d)", t).group(1)
    assert iban_ok(iban.replace(" ", "")) and len(iban.replace(" ", "")) == 22
    assert re.search(r"IP 192\.0\.2\.\d{1,3} and 2001:db8::", t)
    assert re.search(r"portal https://example\.org/r/[0-9a-f]+", t)
    assert re.search(r"SSN 99\d-\d\d-\d{4}", t)
    assert "90+-year-old" in t and "92-year" not in t                     # AGE is generalized by default
    assert out.counts["EMAIL"] == 1 and out.counts["CREDIT_CARD"] == 1 and out.counts["DATE"] == 2
    for s in out.spans:                                      # spans are offsets into the ORIGINAL text
        assert TEXT[s.start:s.end].strip() == TEXT[s.start:s.end]
    assert {s.type for s in out.spans} >= {"PERSON", "AGE", "CITY", "STATE", "ZIP", "DATE", "EMAIL", "PHONE",
                                           "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "ID"}


def test_surrogates_are_detected_again_as_the_same_kind():
    a = Anonymizer(KEY)
    out = a.anonymize(TEXT)
    again = collections.Counter(s.type for s in a.detect(out.text))
    for t in ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "ID", "DATE"):
        assert again[t] == out.counts[t], t


def test_consistency_across_records_and_keys():
    a, b = Anonymizer(KEY), Anonymizer(KEY)
    x = a.anonymize("card 4111 1111 1111 1111, IBAN DE89370400440532013000, mail a.b@c.io").text
    y = b.anonymize("mail a.b@c.io; IBAN DE89370400440532013000; card 4111 1111 1111 1111").text
    for rx in (r"99[\d ]{17}", r"DE\d\dTEST\d+", r"\S+@example\.\w+"):
        assert re.search(rx, x).group() == re.search(rx, y).group()
    z = Anonymizer(b"another-key-for-tests-0000000000").anonymize("mail a.b@c.io").text
    assert z != Anonymizer(KEY).anonymize("mail a.b@c.io").text


def test_date_shift_keeps_intervals_per_subject_and_differs_between_subjects():
    a = Anonymizer(KEY)
    text = "Admitted 2024-03-14, discharged 2024-04-11, seen again 2025-01-02."
    orig = _iso_dates(text)
    p1 = _iso_dates(a.anonymize(text, subject="patient-1").text)
    p2 = _iso_dates(a.anonymize(text, subject="patient-2").text)
    again = _iso_dates(a.anonymize(text, subject="patient-1").text)
    assert p1 == again
    for shifted in (p1, p2):
        assert [(b - a_).days for a_, b in zip(shifted, shifted[1:])] == [(b - a_).days for a_, b in zip(orig, orig[1:])]
        assert 400 <= abs((shifted[0] - orig[0]).days) <= 1500
    assert p1 != p2
    # other layouts shift by the same offset and keep their layout
    off = (p1[0] - orig[0]).days
    for value, fmt in (("03/14/2024", "%m/%d/%Y"), ("14/03/2024", "%d/%m/%Y"), ("March 14, 2024", "%B %d, %Y"),
                       ("14 Mar 2024", "%d %b %Y"), ("2024/03/14", "%Y/%m/%d")):
        new = a.anonymize(f"on {value}.", subject="patient-1").text[3:-1]
        assert (dt.datetime.strptime(new, fmt).date() - dt.date(2024, 3, 14)).days == off, value
    # without a subject: the data-set offset of the release-1 API
    assert a.anonymize("on 2024-03-14.").text == "on " + Pseudonymizer(KEY).surrogate("DATE", "2024-03-14") + "."


def test_generalize_and_redact():
    opts = EngineOptions(transforms={"ZIP": "generalize", "DATE": "generalize", "EMAIL": "redact", "PERSON": "redact"})
    out = Anonymizer(KEY, opts).anonymize("Dr. Okafor: 95-year-old, Chicago, IL 60601, on 03/14/2024, a@b.com")
    assert "95" not in out.text and "90+-year-old" in out.text
    assert "606XX" in out.text and "on 2024," in out.text
    assert "[EMAIL]" in out.text and "Dr. [PERSON]" in out.text
    assert generalize("ZIP", "03601") == "000XX"            # sparsely populated 3-digit area (HIPAA)
    assert generalize("ZIP", "60601-1234") == "606XX"
    assert generalize("ZIP", "SW1A 1AA") == "SW1A"
    assert generalize("DATE", "12/31/99") == "1999" and generalize("DATE", "March 14") == "[DATE]"
    assert generalize("AGE", "104") == "90+"
    with pytest.raises(ValueError):
        generalize("EMAIL", "a@b.com")


def test_mapping_only_when_asked():
    mapping: dict = {}
    a = Anonymizer(KEY, EngineOptions(transforms={"EMAIL": "redact"}), mapping=mapping)
    out = a.anonymize("Dr. Okafor called (217) 482-1937 from a@b.com on 2024-03-14.", subject="s1")
    assert set(mapping.values()) == {"Okafor", "(217) 482-1937", "2024-03-14"}   # redact is not reversible
    for surrogate, original in mapping.items():
        assert surrogate in out.text and original not in out.text
    assert Anonymizer(KEY)._mapping is None


def test_residual_scan_finds_real_but_not_surrogates():
    real = ("a@b.com (217) 482-1937 +44 20 7946 0958 SSN 123-45-6789 MRN 00123456 4111 1111 1111 1111 "
            "GB82 WEST 1234 5698 7654 32 DE89370400440532013000")
    assert residual_scan(real) == {"EMAIL": 1, "PHONE": 2, "ID": 2, "CREDIT_CARD": 1, "IBAN": 2}
    out = Anonymizer(KEY).anonymize(real).text
    assert residual_scan(out) == {}
    assert residual_scan("SSN 987-65-4321, 000-12-3456, (211) 555-0123, 4111 1111 1111 1112") == {}


def test_residual_scan_on_the_anonymized_sample_is_clean():
    a = Anonymizer(KEY)
    before, after = collections.Counter(), collections.Counter()
    for line in (SAMPLE / "records.jsonl").read_text(encoding="utf-8").splitlines()[:150]:
        r = json.loads(line)
        for f in ("instruction", "response"):
            before += residual_scan(r[f])
            after += residual_scan(a.anonymize(r[f], subject=r["id"]).text)
    assert before["EMAIL"] and before["PHONE"] and before["ID"]
    assert after == collections.Counter()


def test_canaries_are_deterministic_detected_and_replaced():
    canaries = make_canaries(KEY, 10)
    assert canaries == make_canaries(KEY, 10) and canaries != make_canaries(b"x" * 16, 10)
    assert {t for t, _ in canaries} == set(HIGH_RISK)
    text = "Notes. " + " ; ".join(v for _, v in canaries) + " end."
    assert sum(residual_scan(text).values()) == 10
    out = Anonymizer(KEY).anonymize(text)
    assert sorted(s.type for s in out.spans) == sorted(t for t, _ in canaries)
    assert not any(v in out.text for _, v in canaries)
    assert residual_scan(out.text) == {}
    for t, v in canaries:
        if t in RESIDUAL_PATTERNS:
            assert re.search(RESIDUAL_PATTERNS[t], v) or t == "IBAN", (t, v)


def test_key_never_exposed():
    key = b"super-secret-key-material-12345!"
    a = Anonymizer(key)
    assert key.decode() not in repr(a)
    with pytest.raises(TypeError):
        pickle.dumps(a)
    with pytest.raises(ValueError):
        Anonymizer(b"short")
    with pytest.raises(TypeError):
        Anonymizer("a string key of sufficient length")  # type: ignore[arg-type]


def test_no_detected_value_in_exception_messages():
    p = Pseudonymizer(KEY)
    for t in ("NAME", "CARD"):
        with pytest.raises(ValueError) as err:
            p.surrogate(t, "4111 1111 1111 1111 maria@x.com")
        assert "4111" not in str(err.value) and "maria" not in str(err.value)
    with pytest.raises(ValueError) as err:
        generalize("EMAIL", "maria@x.com")
    assert "maria" not in str(err.value)
    # malformed values of a known type never raise, and never echo
    for t, v in (("DATE", "32/13/2024"), ("IBAN", "GB00"), ("PHONE", "+"), ("ZIP", "x"), ("URL", "::"),
                 ("ORGANIZATION", ""), ("NRP", "Martian"), ("STATE", "Zz")):
        assert isinstance(p.surrogate(t, v), str)


def test_detect_accepts_new_types_and_rejects_unknown():
    assert {s.type for s in detect("card 4111 1111 1111 1111", entities=["CREDIT_CARD"])} == {"CREDIT_CARD"}
    with pytest.raises(ValueError, match="unknown entity types"):
        detect("x", entities=["CARD"])
