"""Pseudonymization: nothing left behind on the sample, consistency, kinds, key hygiene."""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from pipelines.pii import RESIDUAL_PATTERNS, Pseudonymizer, anonymize_text, detect
from pipelines.pii._names import SURROGATE_FIRST_F, SURROGATE_FIRST_M, SURROGATE_LAST, gazetteer

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "sample"
KEY = b"unit-test-key-0123456789abcdef!!"
OTHER_KEY = b"another-key-for-tests-0000000000"


def _sample():
    records = [json.loads(x) for x in (SAMPLE / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    spans = collections.defaultdict(list)
    for x in (SAMPLE / "pii_spans.jsonl").read_text(encoding="utf-8").splitlines():
        s = json.loads(x)
        spans[s["record"]].append(s)
    return records, spans


def test_sample_anonymization_leaves_nothing_behind():
    p = Pseudonymizer(KEY)
    compiled = {t: re.compile(rx) for t, rx in RESIDUAL_PATTERNS.items()}
    records, spans = _sample()
    totals = collections.Counter()
    for rec in records:
        out = {}
        for field in ("instruction", "response"):
            out[field], counts = anonymize_text(rec[field], p)
            totals += counts
            for t, rx in compiled.items():
                assert not rx.search(out[field]), f"{rec['id']} {field}: residual {t}"
        for s in spans[rec["id"]]:
            value = rec[s["field"]][s["start"]:s["end"]]
            if len(value) >= 4:
                for field in ("instruction", "response"):
                    assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", out[field]), (
                        f"{rec['id']}: planted {s['type']} survives in {field}")
    assert set(totals) >= {"PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID"}


def test_residual_patterns_on_the_original_sample_find_planted_values():
    records, _ = _sample()
    text = "\n".join(r["instruction"] for r in records)
    for t in ("EMAIL", "PHONE", "ID"):  # the sample plants no cards or IBANs
        assert re.search(RESIDUAL_PATTERNS[t], text), t


@pytest.mark.parametrize(
    "kind, real, surrogate",
    [
        ("EMAIL", "maria.lopez@gmail.com", "ada.lovelace@example.com"),
        ("EMAIL", "x@example.com.evil.org", "x@mail.example.org"),
        ("PHONE", "(217) 482-1937", "(217) 555-0142"),
        ("PHONE", "+1 217 482 1937", "+1 217 555 0199"),
        ("PHONE", "217.482.1937", "217.555.0100"),
        ("PHONE", "217-555-1234", "1-217-555-0123"),
        ("ID", "SSN 123-45-6789", "SSN 991-23-4567"),
        ("ID", "MRN: 4829-1137", "MRN: 9929-1137"),
        ("ID", "member ID XKB482913377", "member ID XKB992913377"),
        ("ID", "Med Rec #00123456", "Med Rec #99123456"),
        ("CREDIT_CARD", "card 4111 1111 1111 1111", "card 9912 3456 7890 1234"),
        ("CREDIT_CARD", "5500-0000-0000-0004", "9955-0000-0000-0004"),
        ("IBAN", "GB82 WEST 1234 5698 7654 32", "GB47 TEST 1234 5698 7654 32"),
    ],
)
def test_residual_patterns_split_real_from_surrogate(kind, real, surrogate):
    assert re.search(RESIDUAL_PATTERNS[kind], real)
    assert not re.search(RESIDUAL_PATTERNS[kind], surrogate)


def test_residual_patterns_work_in_pandas_without_warnings():
    pd = pytest.importorskip("pandas")
    import warnings

    col = pd.Series(["call (217) 482-1937", "MRN 9912-3456", "a@example.net", "SSN 123-45-6789",
                     "card 4111 1111 1111 1111", "IBAN GB82 WEST 1234 5698 7654 32"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hits = {t: col.str.contains(rx, regex=True).tolist() for t, rx in RESIDUAL_PATTERNS.items()}
    f = [False] * 6
    assert hits == {"EMAIL": f, "PHONE": [True] + f[1:], "ID": f[:3] + [True] + f[4:],
                    "CREDIT_CARD": f[:4] + [True, False], "IBAN": f[:5] + [True]}


def test_same_value_same_surrogate_across_records_and_forms():
    p = Pseudonymizer(KEY)
    a, _ = anonymize_text("Patient: Maria Lopez, phone (217) 482-1937, maria.lopez@gmail.com.", p)
    b, _ = anonymize_text("Ms. Lopez called from 217-482-1937 (maria.lopez@gmail.com). Maria agreed.", p)
    first, last = p.surrogate("PERSON", "Maria Lopez").split()
    assert f"{first} {last}" in a and f"Ms. {last}" in b and f"{first} agreed" in b
    email = p.surrogate("EMAIL", "maria.lopez@gmail.com")
    assert email in a and email in b
    assert p.surrogate("EMAIL", " Maria.Lopez@GMAIL.com ") == email
    digits = re.sub(r"\D", "", p.surrogate("PHONE", "(217) 482-1937"))
    assert digits == re.sub(r"\D", "", p.surrogate("PHONE", "+1 217-482-1937"))[1:]
    assert p.surrogate("ID", "MRN 00123456").endswith(p.surrogate("ID", "00123456"))


def test_different_key_gives_different_surrogates():
    p, q = Pseudonymizer(KEY), Pseudonymizer(OTHER_KEY)
    values = [("PERSON", "Maria Lopez"), ("EMAIL", "maria.lopez@gmail.com"), ("PHONE", "(217) 482-1937"),
              ("DATE", "03/14/2024"), ("ADDRESS", "1234 Oak Street, Springfield, IL 62704"), ("ID", "00123456")]
    assert all(p.surrogate(t, v) != q.surrogate(t, v) for t, v in values)


@pytest.mark.parametrize("key", [KEY, OTHER_KEY, b"\x00" * 16, bytes(range(32))])
def test_surrogate_kinds_are_preserved(key):
    p = Pseudonymizer(key)
    assert re.fullmatch(r"[a-z]+\.[a-z]+\d*@example\.(com|org|net)", p.surrogate("EMAIL", "a.b@c.io"))
    for phone in ("(217) 482-1937", "217-482-1937", "+1 217 482 1937", "217.482.1937", "1-217-482-1937"):
        s = p.surrogate("PHONE", phone)
        assert re.sub(r"\d", "0", s) == re.sub(r"\d", "0", phone)  # same layout, same digit count
        assert re.search(r"555\D?01\d\d$", s)
    for value, fmt in (("03/14/2024", "%m/%d/%Y"), ("2024-03-14", "%Y-%m-%d"), ("March 14, 2024", "%B %d, %Y"),
                       ("14 Mar 2024", "%d %b %Y"), ("02/29/2024", "%m/%d/%Y"), ("12/31/99", "%m/%d/%y")):
        s = p.surrogate("DATE", value)
        assert s != value
        dt.datetime.strptime(s, fmt)
    ssn = p.surrogate("ID", "123-45-6789")
    assert re.fullmatch(r"99\d-\d\d-\d{4}", ssn)
    assert re.fullmatch(r"XKB99\d{7}", p.surrogate("ID", "XKB482913377"))
    assert re.fullmatch(r"99\d\d-\d{4}", p.surrogate("ID", "4829-1137"))
    addr = p.surrogate("ADDRESS", "1234 Oak Street, Springfield, IL 62704")
    assert re.fullmatch(r"\d{4} [A-Z][a-z]+ Street, [A-Z][a-z]+(?: [A-Z][a-z]+)?, IL \d{5}", addr)
    name = p.surrogate("PERSON", "Dr. Maria Lopez")
    assert name.startswith("Dr. ") and name.split()[1] in SURROGATE_FIRST_F and name.split()[2] in SURROGATE_LAST
    assert p.surrogate("PERSON", "John Smith, MD").split()[0] in SURROGATE_FIRST_M


def test_date_shift_keeps_intervals():
    p = Pseudonymizer(KEY)
    a = dt.date.fromisoformat(p.surrogate("DATE", "2024-03-14"))
    b = dt.date.fromisoformat(p.surrogate("DATE", "2024-04-11"))
    assert (b - a).days == 28


def test_surrogate_pools_are_disjoint_from_gazetteer():
    gaz = gazetteer()
    pools = SURROGATE_FIRST_F + SURROGATE_FIRST_M + SURROGATE_LAST
    assert not [n for n in pools if n in gaz]
    assert len(set(pools)) == len(pools)


def test_surrogates_are_detected_again_as_the_same_kind():
    p = Pseudonymizer(KEY)
    text = ("Patient: Maria Lopez (MRN 00123456), DOB 03/14/1970, phone (217) 482-1937, "
            "maria.lopez@gmail.com, lives at 1234 Oak Street, Springfield, IL 62704. Seen by Dr. Chen.")
    out, counts = anonymize_text(text, p)
    assert sorted(s.type for s in detect(out)) == sorted(counts.elements())


def test_key_is_never_exposed():
    key = b"super-secret-key-material-12345!"
    p = Pseudonymizer(key)
    secret = key.decode()
    assert secret not in repr(p) and secret not in str(p)
    out, _ = anonymize_text("Dr. Smith, 123-45-6789, a@b.com, (217) 482-1937, 2024-01-02", p)
    assert secret not in out
    with pytest.raises(ValueError) as err:
        p.surrogate("NAME", "Maria Lopez")
    assert secret not in str(err.value) and "Maria" not in str(err.value)
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(p)
    with pytest.raises(ValueError):
        Pseudonymizer(b"short")
    with pytest.raises(TypeError):
        Pseudonymizer("a string key of sufficient length")  # type: ignore[arg-type]
