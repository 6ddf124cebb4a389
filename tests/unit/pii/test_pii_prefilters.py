"""The speed-ups in ``recognizers`` are exact: each cheap prefilter or rewritten scan
gives the same result as the plain regex it stands in front of."""

from __future__ import annotations

import random
import re

import pytest

from pipelines.pii import EngineOptions, detect
from pipelines.pii import recognizers as R

_CUE_PHRASES = [
    "patient", "Pt", "name", "wife", "signed by", "seen  by", "emergency contact", "account holder",
    "fiancé", "fiancee", "neighbour", "neighbor", "spoke with", "speaking to", "ask for", "my name is",
    "Name is", "named", "attn", "ATTENTION", "escalated to", "customer", "rep", "cc", "md",
]
_TITLES = ["Dr", "Mr", "Mrs", "Ms", "Prof", "Sra", "Frau", "Herr", "Smt"]
_FILLER = ["", "x", "the ", "hello ", "2", "é", "(", "re: ", "and ", "with ", "to ", "from "]
_ENDS = [" ", ": ", ", ", ". ", "\n", ":\n", " \n", "\t", "", ":", ".\n\n", " x "]


def _befores(words: list[str], n: int = 3000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        w = rnd.choice(words + ["foo", "xpatient", "patients", "Drs", "bymd"])
        out.append(rnd.choice(_FILLER) + w + rnd.choice(_ENDS))
    return out


def test_title_cue_and_weak_prefilters_never_reject_a_match():
    befores = _befores(_CUE_PHRASES + _TITLES + ["with", "to", "from", "and", "FROM"])
    hits = 0
    for b in befores:
        tails = R._tail_words(b)
        if R._TITLE_BEFORE.search(b):
            hits += 1
            assert any(w in R._TITLE_WORDS for w in tails), b
        if R._CUE_BEFORE.search(b):
            hits += 1
            assert any(not w.isascii() or w.lower() in R._CUE_LAST_WORDS for w in tails), b
        if R._WEAK_BEFORE.search(b):
            assert any(w in R._WEAK_WORDS for w in tails), b
        if R._EMPLOYER_CUE.search(b):
            assert any(not w.isascii() or w.lower() in R._EMPLOYER_LAST_WORDS for w in tails), b
    assert hits > 500  # the generator does produce matches


def test_employer_prefilter_words():
    for b in ("works at ", "Employed by ", "organisation: ", "ORGANIZATION ", "on behalf of\n", "company:\n"):
        assert R._EMPLOYER_CUE.search(b)
        assert any(w.lower() in R._EMPLOYER_LAST_WORDS for w in R._tail_words(b)), b
        assert any(s in b.lower() for s in R._EMPLOYER_STEMS)


def test_literal_words_expands_optional_letters_and_classes():
    words = R._literal_words(r"(?i:\b(?:fiancée?|neighbou?r|organi[sz]ation:?|works?)\s$)")
    assert {"fiancé", "fiancée", "neighbor", "neighbour", "organisation", "organization", "work", "works"} <= words


_ID_TEXTS = [
    "MRN 00123456 and member ID: AB-12345 (policy no. 987654321)",
    "insurance ID card 12345678; Insurance Number 55512345",
    "Patient ID is 77123, passport number X1234567, driver's license D1234-5678-9012",
    "acct#99887766, customer number: CUST-00991, ref 1234 5678",
    "order number 12345678 then account 4455 6677 8899 and ID card 1234567",
    "idea 1234567 ID1234567 id 12-34-56-78 Kundennummer 12345678 numéro client 987654",
    "sort code 12-34-56 NHS 943 476 5919 and badge 00123456",
]


@pytest.mark.parametrize("extra", [(), ("badge", "Staff Card")])
def test_labelled_id_candidates_give_the_plain_finditer(extra):
    rec = R.IdRecognizer(EngineOptions(context_words={"ID": extra} if extra else {}))
    for t in _ID_TEXTS + [t.upper() for t in _ID_TEXTS] + [t.lower() for t in _ID_TEXTS]:
        fast = [(m.span(), m.group("id")) for m in rec._labelled(R.Doc(t))]
        plain = [(m.span(), m.group("id")) for m in rec.labelled.finditer(t)]
        assert fast == plain, t


def test_known_tokens_equals_the_scan():
    cases = [
        ("Anna met O'Brien, Brien and Anna-Lena; anna, ANNA, Annabel, xAnna", {"Anna", "Brien", "O'Brien"}),
        ("Smith-Jones called. Jones and Smith too; McDonald, Donald", {"Jones", "Smith", "Donald"}),
        ("D’Arcy Arcy arcy Arcy's Arcy-Lee", {"Arcy"}),
        ("no names here", {"Maria"}),
    ]
    for text, known in cases:
        plain = [m.span() for m in R._NAME_WORD_RE.finditer(text) if m.group() in known]
        ok = [(s, e) for s, e in R._known_tokens(text, known) if not (s and text[s - 1].isalnum())]
        assert ok == [(s, e) for s, e in plain if not (s and text[s - 1].isalnum())], text


def test_cue_name_on_lowered_text_matches_the_case_insensitive_regex():
    texts = ["Hi maria,\nThanks, Jonas", "Regards\nPriya Nair", "my name is aisha bello and I'm Tom",
             "HELLO SUPPORT TEAM", "Good Morning Ms Lee - best, Ana", "this is Kim. Cheers!\n  Bo Li"]
    for t in texts:
        a = [(m.span("cue"), m.span("sep"), m.span("n")) for m in R.CUE_NAME_RE.finditer(t)]
        b = [(m.span("cue"), m.span("sep"), m.span("n")) for m in R._CUE_NAME_LOWER_RE.finditer(t.lower())]
        assert a == b, t


def test_word_regex_equals_the_original_loop():
    old = re.compile(r"[A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z]\.))*\.?")
    rnd = random.Random(3)
    for _ in range(5000):
        t = "".join(rnd.choice("aB.'’- x.Y.z-1") for _ in range(rnd.randint(0, 14)))
        assert [m.span() for m in old.finditer(t)] == [m.span() for m in R._WORD_RE.finditer(t)], t


def test_digit_run_gates_keep_their_detections():
    text = ("She is 95 years old, lives at 12 Main Street, Springfield, IL 62704 (ZIP 62704), "
            "ID 12345678, mobile 98765 43210, PO Box 123, 10115 Berlin.")
    types = {(text[s.start:s.end], s.type) for s in detect(text)}
    assert ("95", "AGE") in types
    assert any(t == "ADDRESS" and "62704" in v for v, t in types)
    assert ("12345678", "ID") in types
    assert ("98765 43210", "PHONE") in types
    assert any(t == "ADDRESS" and "Box 123" in v for v, t in types)
    doc = R.Doc("call 555-1234 on 3/4/2024")
    assert doc.has_run(4) and not doc.has_run(5) and 5 not in doc.digit_runs
    assert R.Doc("age 45").digit_runs == {2: ["45"]}
    assert not R.AgeRecognizer(EngineOptions()).find(R.Doc("aged 45, 88 yo, 131 years old"))


def test_phone_gates_on_leading_zeros():
    text = "Phone 020 7946 0958 or 0044 20 7946 0958, call (030) 1234 5678."
    found = {text[s.start:s.end] for s in detect(text) if s.type == "PHONE"}
    assert {"020 7946 0958", "0044 20 7946 0958"} <= found
    doc = R.Doc(text)
    assert doc.has_run_starting("00") and doc.has_run_starting("0")
    assert not R.Doc("call 555 1234 or 1000").has_run_starting("00")


@pytest.mark.parametrize("text, name", [
    ("The ticket was reported by Tarek Oyelaran on Monday.", "Tarek Oyelaran"),
    ("Sender: Tarek Oyelaran", "Tarek Oyelaran"),
    ("Opened by Tarek Oyelaran.", "Tarek Oyelaran"),
    ("Requester: Zofia Wrzesniewska-Bly", "Zofia Wrzesniewska-Bly"),
])
def test_reporter_and_requester_cues_introduce_names(text, name):
    assert name in {text[s.start:s.end] for s in detect(text) if s.type == "PERSON"}


def test_not_personal_words_cover_the_regex():
    rx_words = R._literal_words(R._NOT_PERSONAL_BEFORE.pattern.split(r")\b", 1)[0])
    for w in rx_words - {"i", "b", "s", "purchase"}:  # "purchase\s+order" has "order"
        assert any(stem in w for stem in R._NOT_PERSONAL_WORDS), w
    for t in ("Order #", "order no. is ", "PO: ", "Tracking number ", "purchase order\n", "error code: "):
        assert R._NOT_PERSONAL_BEFORE.search(t) and R._not_personal_before(t + "1234567", len(t))
    assert not R._not_personal_before("member ID 1234567", 10)


def test_cue_before_on_lowered_ascii_text():
    for b in _befores(_CUE_PHRASES + _TITLES, n=4000, seed=11):
        if b.isascii():
            assert bool(R._CUE_BEFORE.search(b)) == bool(R._CUE_BEFORE_LOWER.search(b.lower())), b


# --- round 6: class-first rewrites, letter branches, the age scan taken apart -------------------

_PIECES = ["", " ", "\n", "a", "Z", "é", "_", "-", ".", "+", "@", "#", "0", "7", "12", "345", "(", ")", "/",
           "2024", "ab", "AB", "x@y.com", "+44 ", "00", "555", " 12 34 56 C", "QQ", "9", "ß", "’"]


def _fuzz_texts(n: int = 3000, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 12))) for _ in range(n)]


@pytest.mark.parametrize("src", [
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])",
    r"\b\d{5}(?:-\d{4})?\b",
    r"\b\d{3}-\d{2}-\d{4}\b",
    r"(?<![\d-])\d{4}([ -]?)\d{4,6}\1\d{4,5}(?:\1\d{1,4})?(?![\d-])",
    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b",
    r"(?<![\w+])\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\w-])",
    r"(?<!\d)\d(?:[ -]?\d){12,}(?!\d)",
    r"(?<![A-Za-z'’-])[a-z][A-Za-z'’-]*",
    r"(?<=[ (])@[a-z]+",
])
def test_class_first_rewrite_finds_the_same_matches(src):
    plain, fast = re.compile(src), re.compile(R._class_first(src))
    assert R._class_first(src) is not None and R._class_first(src) != src
    for t in _fuzz_texts():
        assert [(m.span(), m.groups()) for m in plain.finditer(t)] == [(m.span(), m.groups()) for m in fast.finditer(t)], t


@pytest.mark.parametrize("src", [r"\b(?:19|20)\d\d", r"\b\d?x", r"(?=\d)\d", r"\b[.@]x", r"\b\d*y"])
def test_class_first_leaves_other_shapes_alone(src):
    assert R._class_first(src) is None  # a group, an optional class, a look-ahead, a boundary before "."


def test_letter_branches_find_the_same_places():
    alts = r"customer(?:\s+(?:number|no\.?))?|cust|(?:insurance\s+)?member|a/c|account|acc|(?:n[úu]mero\s+)?polizza"
    ahead = re.compile(R._letter_branches(alts, r"(?![a-z])", ahead=True))
    plain = re.compile(rf"\b(?=(?:{alts})(?![a-z]))")
    exact = re.compile(R._letter_branches("best regards|best|bonjour|cheers", r"\b", exact=True))
    plain_exact = re.compile(r"\b(?:best regards|best|bonjour|cheers)\b")
    rnd = random.Random(3)
    words = ["customer no", "cust", "xcust", "member", "insurance member", "a/c", "acc", "account", "polizza",
             "numero polizza", "número polizza", "best regards", "best", "bonjour", "cheers", "bestx", " ", "\n", "-"]
    for _ in range(3000):
        t = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))
        assert [m.start() for m in ahead.finditer(t)] == [m.start() for m in plain.finditer(t)], t
        assert [m.span() for m in exact.finditer(t)] == [m.span() for m in plain_exact.finditer(t)], t
    with pytest.raises(ValueError):
        R._letter_branches("hi|(?:x)y", exact=True)


def test_age_scan_finds_what_age_re_finds():
    age = R.AgeRecognizer(EngineOptions())
    parts = ["age", "Age", "aged", "ages", "he is", "She's", "turned", "I'm", "i am", "will be", "who's", " ", ":",
             " : ", "\n", "\n\n", "of ", "95", "96", "120", "131", "9", "1995", "x", "kg", " years old", "-year-old",
             " yo", "yrs", " years of age", "%", ".5", "/2", " am", "95kg", ","]
    rnd = random.Random(5)
    for _ in range(5000):
        t = "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 8)))
        old = set()
        for m in R.AGE_RE.finditer(t):
            g = "n" if m.group("n") else "m" if m.group("m") else "k"
            if 90 <= int(m.group(g)) <= 130:
                old.add((m.start(g), m.end(g)))
        assert {(s.start, s.end) for s in age.find(R.Doc(t))} == old, t


# --- word-start probes, plain-led patterns, digit-run starts, gate words (this round's speed-ups)

_WORD_START_PIECES = ["Address: 12 Oak St", "ship it to Flat 2, Leeds", "c/o 4 Main", "Lives at 9 Elm.", "customer number ", "acct", "xacct ", "my name is ", "hi ", "thanks, ", "regards\n", "é",
                      "Ça ", "user id: ", "login ", "patient ", "_", "9", "-", " ", "\n", "(", "member", "AB12 ",
                      "is my customer number", "nhs ", "aadhaar", "national insurance ", "nino", "jonas", "Priya"]


def _word_start_texts(n: int = 3000, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_WORD_START_PIECES) for _ in range(rnd.randint(1, 7))) for _ in range(n)]


def test_word_start_probe_gives_the_plain_finditer_and_search():
    id_rec = R.IdRecognizer(EngineOptions(context_words={"ID": ("badge",)}))
    nat = R.NationalIdRecognizer(EngineOptions())
    wrapped = [id_rec._label_at, nat._any_ctx_lower, R._AFTER_LABEL_AT, R._CUE_NAME_LOWER_RE, R._ADDR_LABEL_RE]
    seen = 0
    for t in _word_start_texts() + [t.lower() for t in _ID_TEXTS]:
        for ws in wrapped:
            plain = [(m.span(), m.groups()) for m in ws.rx.finditer(t)]
            assert [(m.span(), m.groups()) for m in ws.finditer(t)] == plain, (ws.pattern[:30], t)
            first = ws.rx.search(t)
            got = ws.search(t)
            assert (got and (got.span(), got.groups())) == (first and (first.span(), first.groups())), t
            seen += bool(plain)
        assert id_rec._label_at.starts(t) == [m.start() for m in id_rec._label_at.rx.finditer(t)], t
    assert seen > 1000  # the generator does produce matches, at the text's start too


def test_plain_led_patterns_are_not_wrapped():
    for src in (r"#\d{4}\b", r"\n(?=[ \t]*\[?\d{1,2}:\d\d)", r",[ ](?:his|her)", r"\d[A-Z][A-Za-z]{2}\d",
                r"\.(?:0?[1-9]|1[0-2])\.\d{2}"):
        assert R._fast(R._Src(src), "x").pattern == src
    for src in (r"\bfoo", r"(?<!\d)\d+", r"[ab]+c", r"a?b", r"(?:ab|cd)"):
        assert R._fast(R._Src(src), "acx").pattern != src
    assert R._fast(R._Src("abc", re.IGNORECASE), "a").pattern != "abc"  # (no fast scan for cased letters)


def test_digit_run_starts_and_ascii_runs_match_the_plain_definitions():
    rnd = random.Random(5)
    for _ in range(3000):
        t = "".join(rnd.choice(["0", "00", "1", "7", " ", "-", "a", "٠", "١", "²", "x0"]) for _ in range(rnd.randint(0, 9)))
        runs = re.findall(r"\d+", t)
        doc = R.Doc(t)
        expect: dict[int, list[str]] = {}
        for r in runs:
            expect.setdefault(len(r), []).append(r)
        assert doc.digit_runs == expect, t
        for prefix in ("0", "00", "1", "10"):
            assert doc.has_run_starting(prefix) == any(r.startswith(prefix) for r in runs), (t, prefix)


def test_gate_words_are_substring_checks():
    gates = [g for g in vars(R).values() if isinstance(g, frozenset) and g and g <= R._GATE_VOCABULARY]
    gates += [g for g in R._EU_TRIGGERS if g is not None]
    assert len(gates) >= 12
    rnd = random.Random(9)
    words = sorted(R._GATE_VOCABULARY)
    texts = ["", "nothing here", "Straße 5", "AV. de la Paz", "my Customer number", "SCREEN NAME: x"]
    texts += ["".join(rnd.choice(words + ["x", " ", "Ü"]) for _ in range(rnd.randint(1, 4))) for _ in range(500)]
    for t in texts:
        doc = R.Doc(t)
        for g in gates:
            assert doc.has_any(g) == any(w in t.lower() for w in g), (t, sorted(g)[:3])


def test_gate_words_without_the_automaton(monkeypatch):
    import sys

    monkeypatch.setattr(R, "_GATE_AUTOMATON", [])
    monkeypatch.setitem(sys.modules, "ahocorasick", None)  # (import fails: the package is missing)
    doc = R.Doc("Please send the parcel to 4 Rue de la Paix")
    assert doc.has_any(R._ADDR_LABEL_WORDS) and doc.has_any(R._EU_TRIGGERS[1])
    assert not doc.has_any(R._WALLET_GATE)
    assert R._GATE_AUTOMATON == [None]


def test_gates_hold_wherever_their_scan_matches():
    rnd = random.Random(13)
    pieces = ["Agent (Ana): ", "Rep (Bo Li):", "Support (x)", "agent (ana):", "10.0.0.1", "1.2.3", "192.168.1.254",
              "555-123-4567", "(555) 123-4567", "+1 555.123.4567 x12", "12-345", " ", "a", "(", "."]
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5)))
        if R._AGENT_BRACKET_RE.search(t):
            assert R._AGENT_BRACKET_GATE.search(t), t
        if R.IPV4_RE.rx.search(t):
            assert R._IPV4_GATE.search(t), t
        if R.PHONE_RE.rx.search(t):
            runs = R.Doc(t).digit_runs
            assert 3 in runs and 4 in runs, t


def test_factored_tld_alternation_finds_the_same_domains():
    plain = re.compile(rf"\.(?i:{'|'.join(R.TLDS)})(?![\w@-]|\.[A-Za-z0-9])")
    rnd = random.Random(17)
    pieces = [".com", ".co", ".COM", ".c", ".community", ".co.uk", ".io", ".info", ".in", ".inf", ".email", ".e",
              "x", "-", "@", " ", ".", "1", "care", ".care", ".cares", ".ſite", ".ai"]
    for _ in range(5000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
        assert [m.span() for m in R._TLD_RE.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_engine_without_filters_keeps_what_the_filtered_engine_keeps():
    from pipelines.pii.engine import Engine
    text = "Dr. Maria Lopez (MRN 00123456) called 555-123-4567 from 12 Main St, Springfield, IL 62704."
    everything = Engine()
    assert everything._keep_all
    narrowed = Engine(EngineOptions(entities=("PERSON", "PHONE"), min_score=0.5))
    assert not narrowed._keep_all
    assert {s.type for s in narrowed.detect(text)} == {"PERSON", "PHONE"}
    assert [s for s in everything.detect(text) if s.type in ("PERSON", "PHONE")] == narrowed.detect(text)


def test_capitalised_words_and_next_words_match_the_word_list():
    rnd = random.Random(21)
    pieces = ["Anna", "O'Brien", "Jean-Luc", "e.g.", "U.S.A.", "Dr.", "St.Mary", "x", " ", "  ", ", ", ".", "-",
              "'", "’", "McDonald", "eBay", "5Main", "É", "Über", "New York", "\n", "a.B", "-Z", "'Q", "z"]
    texts = ["", "Anna", "new York city", "Ms. O'Neil met Jean-Luc in St. Louis, MO."]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(4000)]
    for t in texts:
        doc = R.Doc(t)
        words = [m.span() for m in R._WORD_RE.finditer(t)]
        assert doc.cap_words == [(a, b, t[a:b].lower()) for a, b in words if t[a].isupper()], t
        for k, (a, b) in enumerate(words):
            assert doc.next_word(b) == (words[k + 1] if k + 1 < len(words) else None), t
            assert doc.word_index(a) == k
