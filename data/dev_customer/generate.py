#!/usr/bin/env python3
"""Development set: customer <-> consumer-company messages, ID-heavy.

Writes records.jsonl and pii_spans.jsonl (see README.md).  Deterministic for a
given --seed and Faker version (pinned: Faker 40.63.0).  Only the standard
library and Faker are used.  Texts are built from pieces, so every span offset
is known when the piece is appended; nothing is searched for afterwards.

    python generate.py [--out DIR] [--seed N] [--n N] [--quiet]
"""
import argparse
import json
import os
import random
import string
import unicodedata
from collections import Counter, defaultdict

from faker import Faker

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "cust"

# ---------------------------------------------------------------------------
# document builder
# ---------------------------------------------------------------------------


class Doc:
    """Accumulates text pieces; labelled pieces record (start, end, type)."""

    def __init__(self, rng, casual=0.0):
        self.rng = rng
        self.buf = []
        self.n = 0
        self.spans = []
        self.forms = []  # (kind table name, shape, style) for every ID span
        self.casual = casual  # 0 = clean, 1 = lowercase + typos in customer text
        self._plain_end = -1  # end offset of the last plain-text piece

    # plain text -----------------------------------------------------------
    def t(self, s):
        s = fix_articles(s)
        if s and s[0] in ".," and self.buf and self.buf[-1] and self.buf[-1][-1] in ".,!?" and self.n == self._plain_end:
            s = s[1:]
        if s:
            self.buf.append(s)
            self.n += len(s)
            self._plain_end = self.n
        return self

    def c(self, s):
        """customer-written plain text (may be lower-cased / typo'd)."""
        return self.t(casualize(s, self.rng, self.casual))

    # labelled text --------------------------------------------------------
    def e(self, s, typ, form=None):
        assert s and s == s.strip(), repr(s)
        self.spans.append((self.n, self.n + len(s), typ))
        if typ == "ID":
            self.forms.append(form)
        self.buf.append(s)
        self.n += len(s)
        return self

    def add(self, pieces, customer=False):
        for p in pieces:
            if isinstance(p, str):
                if customer:
                    self.c(p)
                else:
                    self.t(p)
            else:
                self.e(*p)
        return self

    @property
    def text(self):
        return "".join(self.buf)


TYPOS = [
    ("receive", "recieve"), ("account", "acount"), ("because", "becuase"),
    ("definitely", "definately"), ("separate", "seperate"), ("please", "pls"),
    ("you ", "u "), ("thanks", "thx"), ("address", "adress"), ("really", "realy"),
    ("message", "mesage"), ("cancel", "cancell"), ("tomorrow", "tomorow"),
    ("which", "wich"), ("would", "woud"), ("already", "allready"),
    ("payment", "paymnet"), ("number", "numbr"), ("months", "monthes"),
    ("I am", "im"), ("I'm", "im"), ("don't", "dont"), ("can't", "cant"),
    ("it's", "its"), ("refund", "refnud"), ("weeks", "wks"),
]


def casualize(s, rng, level):
    if level <= 0 or not s:
        return s
    if level >= 0.5:
        s = s.lower()
    for a, b in TYPOS:
        if a.lower() in s.lower() and rng.random() < level * 0.45:
            idx = s.lower().find(a.lower())
            s = s[:idx] + b + s[idx + len(a):]
    if level >= 0.7 and rng.random() < 0.3:
        s = s.replace(". ", " ").replace(", ", " ")
    return s


ARTICLE_FIXES = [("your the ", "the "), ("your my ", "your "), ("my the ", "the "), ("the the ", "the "), ("my my ", "my "), ("the my ", "my "),
                 ("The the ", "The "), ("My the ", "The "), ("the your ", "your ")]


def fix_articles(s):
    for a, b in ARTICLE_FIXES:
        s = s.replace(a, b)
    return s


def rd(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def rnz(rng, n):
    """n digits, first not zero"""
    return rng.choice("123456789") + rd(rng, n - 1)


def ru(rng, n, alphabet=string.ascii_uppercase):
    return "".join(rng.choice(alphabet) for _ in range(n))


def grp(s, sizes, sep=" "):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return (s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("ı", "i").replace("æ", "ae")
            .replace("đ", "d").replace("œ", "oe"))


# ---------------------------------------------------------------------------
# check digits
# ---------------------------------------------------------------------------


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def iban_make(country, bban):
    rearr = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def iban_ok(iban):
    s = iban.replace(" ", "")
    rearr = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in rearr)) % 97 == 1


# ---------------------------------------------------------------------------
# identifier generators.  Each returns (value, shape-description).
# p is the Person the identifier belongs to (some formats encode name / DOB).
# ---------------------------------------------------------------------------


def pick(rng, options):
    """options: list of (weight, fn) -> fn()"""
    tot = sum(w for w, _ in options)
    x = rng.random() * tot
    for w, fn in options:
        x -= w
        if x <= 0:
            return fn()
    return options[-1][1]()


# --- national identifiers ---------------------------------------------------

def g_uk_ni(rng, p):
    while True:
        a = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
        b = rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    d, s = rd(rng, 6), rng.choice("ABCD")
    return pick(rng, [
        (4, lambda: (f"{a}{b}{d}{s}", "compact AA999999A")),
        (4, lambda: (f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {s}", "spaced AA 99 99 99 A")),
        (2, lambda: (f"{a}{b}{d}{s}".lower(), "lowercase aa999999a")),
        (1, lambda: (f"{a}{b}-{d[:2]}-{d[2:4]}-{d[4:]}-{s}", "dashed")),
        (1, lambda: (f"{a}{b} {d} {s}", "spaced AA 999999 A")),
    ])


def g_uk_utr(rng, p):
    body = rd(rng, 9)
    w = [6, 7, 8, 9, 10, 5, 4, 3, 2]
    r = sum(int(c) * k for c, k in zip(body, w)) % 11
    chk = [2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1][r]
    v = f"{chk}{body}"
    return pick(rng, [(3, lambda: (v, "10 digits")), (2, lambda: (grp(v, [5, 5]), "99999 99999"))])


def g_uk_passport(rng, p):
    v = rnz(rng, 9)
    return pick(rng, [(4, lambda: (v, "9 digits")), (1, lambda: (grp(v, [3, 3, 3]), "999 999 999"))])


def _dl_name(s, n):
    s = "".join(ch for ch in ascii_fold(s).upper() if ch.isalpha())
    return (s + "9" * n)[:n]


def g_uk_dl(rng, p):
    y, m, d = p.dob
    mm = m + (50 if p.gender == "F" else 0)
    ini = _dl_name(p.first, 1) + _dl_name(p.middle or "", 1)
    v = f"{_dl_name(p.last, 5)}{str(y)[2]}{mm:02d}{d:02d}{str(y)[3]}{ini}9{ru(rng, 2)}"
    return pick(rng, [
        (4, lambda: (v, "16-char DVLA driver number")),
        (2, lambda: (f"{v[:5]} {v[5:11]} {v[11:]}", "DVLA driver number spaced 5-6-5")),
        (1, lambda: (v + rd(rng, 2), "DVLA driver number + issue no.")),
        (1, lambda: (v.lower(), "DVLA driver number lowercase")),
    ])


def g_uk_plate(rng, p):
    L = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    v = f"{ru(rng, 2, L)}{rng.choice(['18', '19', '20', '21', '22', '23', '24', '68', '69', '70', '71', '72', '73'])} {ru(rng, 3, L)}"
    return pick(rng, [(4, lambda: (v, "UK plate AB12 CDE")), (1, lambda: (v.replace(" ", ""), "UK plate compact")),
                      (1, lambda: (v.lower(), "UK plate lowercase"))])


def g_gov_gateway(rng, p):
    v = rd(rng, 12)
    return pick(rng, [(2, lambda: (v, "12 digits")), (2, lambda: (grp(v, [2] * 6), "99 99 99 99 99 99"))])


def g_tv_licence(rng, p):
    v = rnz(rng, 10)
    return (v, "10 digits")


def g_council_tax(rng, p):
    return pick(rng, [(1, lambda: (rnz(rng, 9), "9 digits")),
                      (1, lambda: (f"{rd(rng, 4)}/{rd(rng, 5)}", "9999/99999"))])


def g_us_ssn(rng, p):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    b, c = rng.randint(1, 99), rng.randint(1, 9999)
    return pick(rng, [(5, lambda: (f"{a:03d}-{b:02d}-{c:04d}", "999-99-9999")),
                      (1, lambda: (f"{a:03d} {b:02d} {c:04d}", "999 99 9999")),
                      (1, lambda: (f"{a:03d}{b:02d}{c:04d}", "9 digits"))])


def g_us_itin(rng, p):
    return (f"9{rd(rng, 2)}-{rng.choice(['70', '71', '78', '83', '90', '92'])}-{rd(rng, 4)}", "ITIN 9XX-7X-XXXX")


def g_us_dl(rng, p):
    return pick(rng, [
        (2, lambda: (rng.choice("ABCDEFGHJKLMNPRSTUVWY") + rd(rng, 7), "CA-style A9999999")),
        (1, lambda: (grp(rnz(rng, 9), [3, 3, 3]), "NY-style 999 999 999")),
        (1, lambda: (f"{rng.choice('BGHKMS')}{rd(rng, 3)}-{rd(rng, 3)}-{rd(rng, 2)}-{rd(rng, 3)}-{rd(rng, 1)}", "FL-style A999-999-99-999-9")),
        (1, lambda: (rnz(rng, 8), "TX-style 8 digits")),
        (1, lambda: (f"{rng.choice('ABDLMPRSTW')}{rd(rng, 3)}-{rd(rng, 4)}-{rd(rng, 4)}", "IL-style A999-9999-9999")),
    ])


def g_us_passport(rng, p):
    return pick(rng, [(1, lambda: (rnz(rng, 9), "9 digits")), (1, lambda: ("A" + rd(rng, 8), "A + 8 digits"))])


def g_us_plate(rng, p):
    return pick(rng, [(1, lambda: (f"{rng.randint(1, 9)}{ru(rng, 3)}{rd(rng, 3)}", "US plate 9ABC999")),
                      (1, lambda: (f"{ru(rng, 3)}-{rd(rng, 4)}", "US plate ABC-9999")),
                      (1, lambda: (f"{ru(rng, 3)} {rd(rng, 4)}", "US plate ABC 9999"))])


def g_ktn(rng, p):
    return pick(rng, [(1, lambda: (rd(rng, 9), "KTN 9 digits")),
                      (1, lambda: (rng.choice(["TT", "15", "98"]) + rd(rng, 7), "KTN TT/15/98 + 7"))])


def g_redress(rng, p):
    return (rnz(rng, 7), "redress 7 digits")


def g_steuer_id(rng, p):
    while True:
        digits = rng.sample(range(10), 9)
        dup = rng.choice(digits)
        lst = digits + [dup]
        rng.shuffle(lst)
        if lst[0] != 0:
            break
    d10 = "".join(map(str, lst))
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    chk = 11 - product
    v = d10 + ("0" if chk == 10 else str(chk))
    return pick(rng, [(3, lambda: (v, "11 digits")), (2, lambda: (grp(v, [2, 3, 3, 3]), "99 999 999 999")),
                      (1, lambda: (grp(v, [3, 3, 3, 2], "/"), "999/999/999/99"))])


_PA_CHARS = "CFGHJKLMNPRTVWXYZ0123456789"


def _731(s):
    w = [7, 3, 1]
    tot = 0
    for i, ch in enumerate(s):
        val = int(ch) if ch.isdigit() else ord(ch) - 55
        tot += val * w[i % 3]
    return str(tot % 10)


def g_personalausweis(rng, p):
    serial = rng.choice("LMNPRTVWXY") + "".join(rng.choice(_PA_CHARS) for _ in range(8))
    v = serial + _731(serial)
    return pick(rng, [(3, lambda: (v, "10-char serial + check")), (1, lambda: (serial, "9-char serial")),
                      (1, lambda: (v.lower(), "lowercase serial"))])


def g_de_passport(rng, p):
    serial = "C" + "".join(rng.choice(_PA_CHARS) for _ in range(8))
    return (serial, "C + 8 chars")


def g_de_sv(rng, p):
    y, m, d = p.dob
    v = f"{rd(rng, 2)}{d:02d}{m:02d}{str(y)[2:]}{_dl_name(p.last, 1)}{rd(rng, 3)}"
    return pick(rng, [(1, lambda: (v, "12 chars compact")),
                      (1, lambda: (f"{v[:2]} {v[2:8]} {v[8]} {v[9:]}", "99 999999 A 999"))])


def g_de_dl(rng, p):
    return ("".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(3)) + rd(rng, 3) + ru(rng, 3) + rd(rng, 2),
            "11-char alphanumeric")


def g_de_plate(rng, p):
    city = rng.choice(["M", "B", "HH", "K", "F", "S", "DO", "HB", "LE", "N", "KA", "MZ"])
    return pick(rng, [(3, lambda: (f"{city}-{ru(rng, 2)} {rng.randint(1, 9999)}", "DE plate M-AB 1234")),
                      (1, lambda: (f"{city} {ru(rng, 2)} {rng.randint(1, 999)}E", "DE plate e-car ...E")),
                      (1, lambda: (f"{city}{ru(rng, 2)}{rng.randint(10, 9999)}", "DE plate compact"))])


def g_fr_nir(rng, p):
    y, m, d = p.dob
    sex = "2" if p.gender == "F" else "1"
    body = f"{sex}{str(y)[2:]}{m:02d}{rng.randint(1, 95):02d}{rd(rng, 3)}{rd(rng, 3)}"
    key = 97 - int(body) % 97
    v = body + f"{key:02d}"
    return pick(rng, [(3, lambda: (f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}", "NIR 9 99 99 99 999 999 99")),
                      (2, lambda: (v, "NIR 15 digits")),
                      (1, lambda: (f"{v[:13]} {v[13:]}", "NIR 13 + key"))])


def g_fr_fiscal(rng, p):
    v = rng.choice("0123") + rd(rng, 12)
    return pick(rng, [(2, lambda: (v, "13 digits")), (2, lambda: (grp(v, [2, 2, 3, 3, 3]), "99 99 999 999 999"))])


def g_fr_passport(rng, p):
    return (f"{rd(rng, 2)}{ru(rng, 2)}{rd(rng, 5)}", "99AA99999")


def g_fr_dl(rng, p):
    return pick(rng, [(2, lambda: (rd(rng, 12), "12 digits")), (1, lambda: (f"{rd(rng, 2)}{ru(rng, 2)}{rd(rng, 5)}", "old 99AA99999"))])


def g_fr_plate(rng, p):
    L = "ABCDEFGHJKLMNPQRSTVWXYZ"
    return (f"{ru(rng, 2, L)}-{rd(rng, 3)}-{ru(rng, 2, L)}", "FR plate AB-123-CD")


def g_aadhaar(rng, p):
    body = rng.choice("23456789") + rd(rng, 10)
    v = body + verhoeff_digit(body)
    return pick(rng, [(4, lambda: (grp(v, [4, 4, 4]), "9999 9999 9999")), (2, lambda: (v, "12 digits")),
                      (1, lambda: (grp(v, [4, 4, 4], "-"), "9999-9999-9999"))])


def g_pan(rng, p):
    v = f"{ru(rng, 3)}P{_dl_name(p.last, 1)}{rd(rng, 4)}{ru(rng, 1)}"
    return pick(rng, [(4, lambda: (v, "AAAPA9999A")), (1, lambda: (v.lower(), "lowercase pan"))])


def g_in_passport(rng, p):
    return (rng.choice("JKLMNPRSTUVZ") + rnz(rng, 7), "A9999999")


def g_in_dl(rng, p):
    st = rng.choice(["MH", "KA", "DL", "TN", "UP", "WB", "GJ", "KL"])
    v = f"{st}{rd(rng, 2)}{rng.randint(2005, 2022)}{rd(rng, 7)}"
    return pick(rng, [(1, lambda: (v, "15 chars compact")), (1, lambda: (f"{v[:4]} {v[4:]}", "SS99 99999999999")),
                      (1, lambda: (f"{v[:2]}-{v[2:4]}-{v[4:]}", "SS-99-..."))])


def g_in_voter(rng, p):
    return (ru(rng, 3) + rd(rng, 7), "EPIC AAA9999999")


def g_in_plate(rng, p):
    st = rng.choice(["MH", "KA", "DL", "TN", "UP", "WB", "GJ", "KL"])
    return pick(rng, [(2, lambda: (f"{st} {rd(rng, 2)} {ru(rng, 2)} {rd(rng, 4)}", "IN plate MH 12 AB 1234")),
                      (1, lambda: (f"{st}{rd(rng, 2)}{ru(rng, 2)}{rd(rng, 4)}", "IN plate compact"))])


_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def g_dni(rng, p):
    n = rng.randint(10000000, 79999999)
    v = f"{n}{_DNI[n % 23]}"
    return pick(rng, [(3, lambda: (v, "DNI 99999999A")), (1, lambda: (f"{v[:8]}-{v[8]}", "DNI 99999999-A")),
                      (1, lambda: (f"{v[:2]}.{v[2:5]}.{v[5:8]}-{v[8]}", "DNI 99.999.999-A"))])


def g_nie(rng, p):
    pre = rng.choice("XYZ")
    n = rd(rng, 7)
    letter = _DNI[int(str("XYZ".index(pre)) + n) % 23]
    return pick(rng, [(3, lambda: (f"{pre}{n}{letter}", "NIE X9999999A")), (1, lambda: (f"{pre}-{n}-{letter}", "NIE X-9999999-A"))])


def g_es_nss(rng, p):
    return (f"{rng.randint(1, 52):02d}/{rd(rng, 8)}/{rd(rng, 2)}", "NSS 99/99999999/99")


def g_es_passport(rng, p):
    return (f"{ru(rng, 3)}{rd(rng, 6)}", "AAA999999")


def g_es_plate(rng, p):
    L = "BCDFGHJKLMNPRSTVWXYZ"
    return pick(rng, [(2, lambda: (f"{rd(rng, 4)} {ru(rng, 3, L)}", "ES plate 9999 BCD")), (1, lambda: (f"{rd(rng, 4)}{ru(rng, 3, L)}", "ES plate compact"))])


_CF_ODD = {**dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21])),
           **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))}


def _cf_part(s, is_name):
    s = "".join(ch for ch in ascii_fold(s).upper() if ch.isalpha())
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def g_codice_fiscale(rng, p):
    y, m, d = p.dob
    day = d + (40 if p.gender == "F" else 0)
    body = (_cf_part(p.last, False) + _cf_part(p.first, True) + str(y)[2:] + "ABCDEHLMPRST"[m - 1] +
            f"{day:02d}" + rng.choice(["H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736", "C351"]))
    tot = 0
    for i, ch in enumerate(body):
        tot += _CF_ODD[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65)
    v = body + chr(65 + tot % 26)
    return pick(rng, [(4, lambda: (v, "16-char codice fiscale")), (1, lambda: (v.lower(), "lowercase codice fiscale")),
                      (1, lambda: (f"{v[:3]} {v[3:6]} {v[6:11]} {v[11:]}", "CF spaced 3-3-5-5"))])


def g_it_id(rng, p):
    return (f"CA{rd(rng, 5)}{ru(rng, 2)}", "CIE CA99999AA")


def g_it_passport(rng, p):
    return (f"Y{ru(rng, 1)}{rd(rng, 7)}", "YA9999999")


def g_it_dl(rng, p):
    return (f"U1{ru(rng, 1)}{rd(rng, 2)}{ru(rng, 1)}{rd(rng, 3)}{ru(rng, 1)}", "U1A99A999A")


def g_it_plate(rng, p):
    return pick(rng, [(2, lambda: (f"{ru(rng, 2)} {rd(rng, 3)} {ru(rng, 2)}", "IT plate AB 123 CD")), (1, lambda: (f"{ru(rng, 2)}{rd(rng, 3)}{ru(rng, 2)}", "IT plate compact"))])


def g_pesel(rng, p):
    y, m, d = p.dob
    mm = m + (20 if y >= 2000 else 0)
    serial = rd(rng, 3)
    sexd = rng.choice("02468" if p.gender == "F" else "13579")
    body = f"{str(y)[2:]}{mm:02d}{d:02d}{serial}{sexd}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    chk = (10 - sum(int(c) * k for c, k in zip(body, w)) % 10) % 10
    return (body + str(chk), "PESEL 11 digits")


def g_pl_idcard(rng, p):
    return pick(rng, [(2, lambda: (f"{ru(rng, 3)}{rd(rng, 6)}", "dowód ABC123456")), (1, lambda: (f"{ru(rng, 3)} {rd(rng, 6)}", "dowód ABC 123456"))])


def g_pl_passport(rng, p):
    return (f"E{ru(rng, 1)}{rd(rng, 7)}", "EA9999999")


def g_pl_dl(rng, p):
    return (f"{rd(rng, 5)}/{rd(rng, 2)}/{rd(rng, 4)}", "99999/99/9999")


def g_pl_plate(rng, p):
    return pick(rng, [(1, lambda: (f"{rng.choice(['WA', 'KR', 'PO', 'GD', 'WR', 'EL'])} {rd(rng, 5)}", "PL plate WA 12345")),
                      (1, lambda: (f"{rng.choice(['WX', 'KR', 'PO', 'GD', 'DW', 'EL'])}{rd(rng, 3)}{ru(rng, 2)}", "PL plate compact"))])


def g_bsn(rng, p):
    while True:
        body = rnz(rng, 8)
        s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1)))
        last = s % 11
        if last <= 9:
            v = body + str(last)
            break
    return pick(rng, [(3, lambda: (v, "BSN 9 digits")), (1, lambda: (f"{v[:4]}.{v[4:6]}.{v[6:]}", "BSN 9999.99.999")),
                      (1, lambda: (grp(v, [3, 3, 3]), "BSN 999 999 999"))])


def g_nl_passport(rng, p):
    L = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
    return (ru(rng, 2, L) + "".join(rng.choice(L + "123456789") for _ in range(6)) + rng.choice("123456789"), "NL 9-char document no.")


def g_nl_dl(rng, p):
    return (rnz(rng, 10), "10 digits")


def g_nl_plate(rng, p):
    L = "BDFGHJKLNPRSTVXZ"
    return pick(rng, [(1, lambda: (f"{rd(rng, 2)}-{ru(rng, 3, L)}-{rd(rng, 1)}", "NL plate 99-XXX-9")),
                      (1, lambda: (f"{ru(rng, 2, L)}-{rd(rng, 3)}-{ru(rng, 1, L)}", "NL plate XX-999-X")),
                      (1, lambda: (f"{rd(rng, 1)}-{ru(rng, 3, L)}-{rd(rng, 2)}", "NL plate 9-XXX-99"))])


def g_ppsn(rng, p):
    body = rd(rng, 7)
    second = rng.choice(["", "", "A", "W", "B"])
    tot = sum(int(c) * w for c, w in zip(body, range(8, 1, -1)))
    if second:
        tot += 9 * (0 if second == "W" else ord(second) - 64)
    v = body + "WABCDEFGHIJKLMNOPQRSTUV"[tot % 23] + second
    return pick(rng, [(3, lambda: (v, "PPSN 9999999A(A)")), (1, lambda: (f"{v[:7]} {v[7:]}", "PPSN 9999999 A")),
                      (1, lambda: (v.lower(), "PPSN lowercase"))])


def g_ie_passport(rng, p):
    return (f"P{ru(rng, 1)}{rd(rng, 7)}", "PA9999999")


def g_ie_dl(rng, p):
    return (rd(rng, 9), "9 digits")


def g_ie_plate(rng, p):
    return pick(rng, [(2, lambda: (f"{rng.choice(['191', '202', '221', '232', '242', '151', '06'])}-{rng.choice(['D', 'C', 'G', 'KY', 'WX', 'L'])}-{rng.randint(1, 99999)}", "IE plate 191-D-12345")),
                      (1, lambda: (f"{rng.choice(['191', '222', '241'])} {rng.choice(['D', 'C', 'G', 'MO'])} {rng.randint(1, 9999)}", "IE plate spaced"))])


def g_nin(rng, p):
    return pick(rng, [(3, lambda: (rnz(rng, 11), "NIN 11 digits")), (1, lambda: (grp(rnz(rng, 11), [4, 3, 4]), "NIN 9999 999 9999"))])


def g_bvn(rng, p):
    return ("22" + rd(rng, 9), "BVN 22 + 9 digits")


def g_ng_passport(rng, p):
    return (rng.choice("ABC") + rd(rng, 8), "A99999999")


def g_ng_dl(rng, p):
    return (f"{ru(rng, 3)}{rd(rng, 5)}{ru(rng, 2)}{rd(rng, 2)}", "AAA99999AA99")


def g_ng_plate(rng, p):
    return pick(rng, [(1, lambda: (f"{rng.choice(['LSR', 'KJA', 'ABJ', 'EKY', 'GGE', 'APP'])}-{rd(rng, 3)}{ru(rng, 2)}", "NG plate LSR-123AB")),
                      (1, lambda: (f"{rng.choice(['LSR', 'KJA', 'ABJ', 'FKJ'])} {rd(rng, 3)} {ru(rng, 2)}", "NG plate spaced"))])


def g_sss(rng, p):
    v = rd(rng, 10)
    return pick(rng, [(3, lambda: (f"{v[:2]}-{v[2:9]}-{v[9]}", "SSS 99-9999999-9")), (1, lambda: (v, "SSS 10 digits"))])


def g_philsys(rng, p):
    v = rnz(rng, 16)
    return pick(rng, [(2, lambda: (grp(v, [4, 4, 4, 4], "-"), "PCN 9999-9999-9999-9999")), (1, lambda: (grp(v, [4, 4, 4, 4]), "PCN spaced"))])


def g_philhealth(rng, p):
    v = rd(rng, 12)
    return (f"{v[:2]}-{v[2:11]}-{v[11]}", "PhilHealth 99-999999999-9")


def g_ph_tin(rng, p):
    return pick(rng, [(2, lambda: (f"{rnz(rng, 3)}-{rd(rng, 3)}-{rd(rng, 3)}-000", "TIN 999-999-999-000")), (1, lambda: (f"{rnz(rng, 3)}-{rd(rng, 3)}-{rd(rng, 3)}", "TIN 999-999-999"))])


def g_umid(rng, p):
    return (f"0111-{rd(rng, 7)}-{rd(rng, 1)}", "UMID CRN 0111-9999999-9")


def g_ph_passport(rng, p):
    return pick(rng, [(1, lambda: (f"P{rd(rng, 7)}{ru(rng, 1)}", "P9999999A")), (1, lambda: (f"P{rd(rng, 8)}", "P + 8 digits"))])


def g_ph_dl(rng, p):
    return (f"{rng.choice('NDKE')}{rd(rng, 2)}-{rd(rng, 2)}-{rd(rng, 6)}", "LTO A99-99-999999")


def g_ph_plate(rng, p):
    return (f"{ru(rng, 3)} {rd(rng, 4)}", "PH plate ABC 1234")


def _cpf_digits(base):
    s = sum(int(d) * w for d, w in zip(base, range(10, 1, -1)))
    d1 = (s * 10) % 11 % 10
    s2 = sum(int(d) * w for d, w in zip(base + str(d1), range(11, 1, -1)))
    d2 = (s2 * 10) % 11 % 10
    return f"{d1}{d2}"


def g_cpf(rng, p):
    base = rd(rng, 9)
    v = base + _cpf_digits(base)
    return pick(rng, [(3, lambda: (f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}", "CPF 999.999.999-99")), (2, lambda: (v, "CPF 11 digits")),
                      (1, lambda: (f"{v[:9]}-{v[9:]}", "CPF 999999999-99"))])


def g_rg(rng, p):
    return (f"{rd(rng, 2)}.{rd(rng, 3)}.{rd(rng, 3)}-{rng.choice(string.digits + 'X')}", "RG 99.999.999-9")


def g_br_passport(rng, p):
    return (f"{ru(rng, 2)}{rd(rng, 6)}", "AA999999")


def g_cnh(rng, p):
    return (rnz(rng, 11), "CNH 11 digits")


def g_br_plate(rng, p):
    return pick(rng, [(2, lambda: (f"{ru(rng, 3)}{rd(rng, 1)}{ru(rng, 1)}{rd(rng, 2)}", "Mercosul ABC1D23")), (1, lambda: (f"{ru(rng, 3)}-{rd(rng, 4)}", "old BR plate ABC-1234"))])


def g_sin(rng, p):
    body = rng.choice("1234567") + rd(rng, 7)
    v = body + luhn_digit(body)
    return pick(rng, [(3, lambda: (grp(v, [3, 3, 3]), "SIN 999 999 999")), (1, lambda: (grp(v, [3, 3, 3], "-"), "SIN 999-999-999")),
                      (1, lambda: (v, "SIN 9 digits"))])


def g_ca_passport(rng, p):
    return (f"{ru(rng, 2)}{rd(rng, 6)}", "AA999999")


def g_ca_dl(rng, p):
    v = rng.choice(string.ascii_uppercase) + rd(rng, 14)
    return pick(rng, [(2, lambda: (f"{v[:5]}-{v[5:10]}-{v[10:]}", "ON A9999-99999-99999")), (1, lambda: (v, "ON compact"))])


def g_ohip(rng, p):
    body = rnz(rng, 9)
    v = body + luhn_digit(body)
    return (f"{v[:4]}-{v[4:7]}-{v[7:]}-{ru(rng, 2)}", "OHIP 9999-999-999-AA")


def g_ca_plate(rng, p):
    return (f"{ru(rng, 4)} {rd(rng, 3)}", "ON plate ABCD 123")


def g_tfn(rng, p):
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        body = rnz(rng, 8)
        s = sum(int(c) * k for c, k in zip(body, w))
        d = s % 11
        if d <= 9:
            v = body + str(d)
            break
    return pick(rng, [(3, lambda: (grp(v, [3, 3, 3]), "TFN 999 999 999")), (1, lambda: (v, "TFN 9 digits"))])


def g_medicare(rng, p):
    body = rng.choice("23456") + rd(rng, 7)
    chk = sum(int(c) * k for c, k in zip(body, [1, 3, 7, 9, 1, 3, 7, 9])) % 10
    issue = rng.randint(1, 9)
    v = f"{body}{chk}{issue}"
    irn = rng.randint(1, 5)
    return pick(rng, [(2, lambda: (f"{v[:4]} {v[4:9]} {v[9]}", "Medicare 9999 99999 9")), (1, lambda: (v, "Medicare 10 digits")),
                      (1, lambda: (f"{v[:4]} {v[4:9]} {v[9]}-{irn}", "Medicare + IRN"))])


def g_crn(rng, p):
    return (f"{rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)}{ru(rng, 1)}", "Centrelink CRN 999 999 999A")


def g_au_passport(rng, p):
    return (f"{rng.choice(['PA', 'PB', 'N', 'RA'])}{rd(rng, 7)}", "PA9999999")


def g_au_dl(rng, p):
    return pick(rng, [(1, lambda: (rnz(rng, 8), "NSW 8 digits")), (1, lambda: (rnz(rng, 9), "VIC 9 digits"))])


def g_au_plate(rng, p):
    return pick(rng, [(1, lambda: (f"{ru(rng, 3)}-{rd(rng, 3)}", "AU plate ABC-123")), (1, lambda: (f"{rd(rng, 1)}{ru(rng, 3)} {rd(rng, 3)}", "AU plate 1ABC 234")),
                      (1, lambda: (f"{ru(rng, 2)} {rd(rng, 2)} {ru(rng, 2)}", "AU plate AB 12 CD"))])


# --- account / customer / device identifiers ---------------------------------

def g_bank_acct(rng, p):
    c = p.country
    if c == "UK":
        v = rd(rng, 8)
        return pick(rng, [(4, lambda: (v, "UK 8 digits")), (1, lambda: (grp(v, [4, 4]), "UK 9999 9999")), (1, lambda: (grp(v, [4, 4], "-"), "UK 9999-9999"))])
    if c == "US":
        return pick(rng, [(2, lambda: (rnz(rng, 10), "US 10 digits")), (1, lambda: (rnz(rng, 12), "US 12 digits"))])
    if c == "IN":
        v = rnz(rng, rng.choice([11, 12, 14]))
        return pick(rng, [(3, lambda: (v, f"IN {len(v)} digits")), (1, lambda: (grp(v, [4, 4, 4, 4]), "IN grouped 4s"))])
    if c == "NG":
        return (rd(rng, 10), "NUBAN 10 digits")
    if c == "BR":
        return (f"{rd(rng, 5)}-{rd(rng, 1)}", "BR conta 99999-9")
    if c == "CA":
        return (f"{rd(rng, 7)}", "CA 7 digits")
    if c == "AU":
        return pick(rng, [(1, lambda: (f"{rd(rng, 4)} {rd(rng, 4)}", "AU 9999 9999")), (1, lambda: (rd(rng, 9), "AU 9 digits"))])
    if c == "PH":
        return pick(rng, [(1, lambda: (f"{rd(rng, 3)}-{rd(rng, 3)}-{rd(rng, 4)}", "PH 999-999-9999")), (1, lambda: (rd(rng, 12), "PH 12 digits"))])
    if c == "PL":
        return (grp(rd(rng, 26), [2, 4, 4, 4, 4, 4, 4]), "PL NRB 26 digits")
    return pick(rng, [(1, lambda: (rnz(rng, 10), "10 digits")), (1, lambda: (f"{rd(rng, 3)}/{rd(rng, 7)}", "999/9999999"))])


def g_bank_customer(rng, p):
    return pick(rng, [
        (2, lambda: (f"CUS-{rd(rng, 7)}", "CUS-9999999")),
        (2, lambda: (rnz(rng, 8), "8 digits")),
        (1, lambda: (f"CIF {rd(rng, 9)}"[4:], "CIF 9 digits")),
        (1, lambda: (f"{rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)}", "999 999 999")),
        (1, lambda: (f"C{rd(rng, 9)}", "C + 9 digits")),
    ])


def g_banking_user(rng, p):
    nm = ascii_fold(p.first).lower().replace(" ", "")[:8]
    return pick(rng, [
        (2, lambda: (rd(rng, 8), "user ID 8 digits")),
        (2, lambda: (f"{nm}{rd(rng, 2)}", "user name name+99")),
        (1, lambda: (f"{nm}.{ascii_fold(p.last).lower().replace(' ', '').replace(chr(39), '')[:6]}", "user name first.last")),
        (1, lambda: (f"IB{rd(rng, 7)}", "IB + 7 digits")),
    ])


def g_card_acct(rng, p):
    return pick(rng, [(1, lambda: (grp(rd(rng, 12), [4, 4, 4]), "card account 9999 9999 9999")),
                      (1, lambda: (f"{rd(rng, 4)}-{rd(rng, 6)}-{rd(rng, 2)}", "card account 9999-999999-99"))])


def g_customer_no(rng, p):
    return pick(rng, [
        (3, lambda: (rnz(rng, 7), "7 digits")),
        (2, lambda: (rnz(rng, 9), "9 digits")),
        (2, lambda: (f"{rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)}", "999 999 999")),
        (2, lambda: (f"C{rd(rng, 7)}", "C9999999")),
        (1, lambda: (f"KD-{rd(rng, 4)}-{rd(rng, 3)}", "KD-9999-999")),
        (1, lambda: (f"{ru(rng, 2)}{rd(rng, 6)}", "AA999999")),
        (1, lambda: (f"{rd(rng, 2)}.{rd(rng, 3)}.{rd(rng, 3)}", "99.999.999")),
        (1, lambda: (f"{ru(rng, 2).lower()}{rd(rng, 6)}", "lowercase aa999999")),
        (1, lambda: (f"{rd(rng, 4)}/{rd(rng, 4)}", "9999/9999")),
    ])


def g_contract(rng, p):
    return pick(rng, [(1, lambda: (f"V{rd(rng, 9)}", "V + 9 digits")), (1, lambda: (f"{rd(rng, 3)}.{rd(rng, 3)}.{rd(rng, 3)}", "999.999.999")),
                      (1, lambda: (f"UM/{rd(rng, 6)}/{rd(rng, 2)}", "UM/999999/99"))])


def g_mobile_acct(rng, p):
    return pick(rng, [(2, lambda: (rnz(rng, 9), "BAN 9 digits")), (1, lambda: (grp(rnz(rng, 10), [4, 4, 2]), "9999 9999 99")),
                      (1, lambda: (f"MOB{rd(rng, 8)}", "MOB + 8 digits")), (1, lambda: (f"{rd(rng, 1)}.{rd(rng, 8)}", "9.99999999"))])


def g_iccid(rng, p):
    cc = {"UK": "8944", "US": "8901", "DE": "8949", "FR": "8933", "IN": "8991", "ES": "8934", "IT": "8939", "PL": "8948",
          "NL": "8931", "IE": "89353", "NG": "89234", "PH": "8963", "BR": "8955", "CA": "89302", "AU": "8961"}[p.country]
    body = cc + rd(rng, 18 - len(cc))
    v = body + luhn_digit(body)
    return pick(rng, [(3, lambda: (v, "ICCID 19 digits")), (2, lambda: (grp(v, [4, 4, 4, 4, 3]), "ICCID grouped 4s")),
                      (1, lambda: (v + "F" if rng.random() < 0.5 else v[:-1] + "-" + v[-1], "ICCID with suffix/dash"))])


def g_imsi(rng, p):
    mccmnc = {"UK": "23415", "US": "310260", "DE": "26201", "FR": "20801", "IN": "40445", "ES": "21401", "IT": "22210", "PL": "26002",
              "NL": "20416", "IE": "27201", "NG": "62130", "PH": "51502", "BR": "72405", "CA": "302720", "AU": "50501"}[p.country]
    v = mccmnc + rd(rng, 15 - len(mccmnc))
    return pick(rng, [(2, lambda: (v, "IMSI 15 digits")), (1, lambda: (f"{v[:3]} {v[3:len(mccmnc)]} {v[len(mccmnc):]}", "IMSI MCC MNC MSIN"))])


def g_imei(rng, p):
    tac = rng.choice(["35", "86", "01", "99", "35", "86", "49"]) + rd(rng, 6)
    body = tac + rd(rng, 6)
    v = body + luhn_digit(body)
    return pick(rng, [
        (3, lambda: (v, "IMEI 15 digits")),
        (2, lambda: (f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", "IMEI 99-999999-999999-9")),
        (2, lambda: (f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}", "IMEI 99 999999 999999 9")),
        (1, lambda: (f"{v[:8]} {v[8:]}", "IMEI TAC + rest")),
        (1, lambda: (f"{v[:14]}/{rd(rng, 2)}", "IMEISV-ish 14/99")),
    ])


def g_router_serial(rng, p):
    A = string.ascii_uppercase + string.digits
    return pick(rng, [
        (2, lambda: (f"{rd(rng, 4)}{ru(rng, 1)}{rd(rng, 7)}", "9999A9999999")),
        (2, lambda: ("-".join("".join(rng.choice(A) for _ in range(4)) for _ in range(3)), "XXXX-XXXX-XXXX")),
        (1, lambda: (f"+{ru(rng, 3)}{rd(rng, 9)}", "+AAA999999999")),
        (1, lambda: (f"CP{rd(rng, 4)}{ru(rng, 3)}{rd(rng, 3)}", "CP9999AAA999")),
        (1, lambda: (f"{rd(rng, 1)}{ru(rng, 1)}{rd(rng, 2)}.{rd(rng, 6)}.{rd(rng, 2)}.{rd(rng, 3)}", "9A99.999999.99.999")),
        (1, lambda: ("".join(rng.choice(A) for _ in range(12)).lower(), "lowercase 12 chars")),
    ])


def g_mac(rng, p):
    b = [rng.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    hx = [f"{x:02x}" for x in b]
    return pick(rng, [
        (3, lambda: (":".join(hx), "MAC aa:bb:cc:dd:ee:ff")),
        (2, lambda: ("-".join(hx).upper(), "MAC AA-BB-CC-DD-EE-FF")),
        (1, lambda: (":".join(hx).upper(), "MAC AA:BB:..")),
        (1, lambda: (".".join("".join(hx[i:i + 2]) for i in (0, 2, 4)), "MAC aabb.ccdd.eeff")),
        (1, lambda: ("".join(hx).upper(), "MAC 12 hex compact")),
    ])


def g_bb_acct(rng, p):
    return pick(rng, [
        (2, lambda: (f"BB-{rd(rng, 8)}", "BB-99999999")),
        (2, lambda: (f"{ru(rng, 2)}{rd(rng, 8)}", "AA99999999")),
        (1, lambda: (f"{rd(rng, 3)} {rd(rng, 3)} {rd(rng, 4)}", "999 999 9999")),
        (1, lambda: (f"DSL/{rd(rng, 4)}/{rd(rng, 4)}", "DSL/9999/9999")),
        (1, lambda: (f"{ru(rng, 3).lower()}{rd(rng, 8)}", "lowercase aaa99999999")),
    ])


def g_service_id(rng, p):
    return pick(rng, [(1, lambda: (f"{rng.choice(['BBEU', 'LNID', 'FTTP'])}{rd(rng, 8)}", "AAAA99999999")),
                      (1, lambda: (f"{ru(rng, 2)}/{ru(rng, 3)}/{rd(rng, 7)}", "AA/AAA/9999999"))])


def g_viewing_card(rng, p):
    v = rd(rng, 9)
    return pick(rng, [(1, lambda: (f"{v[0]} {v[1:5]} {v[5:]}", "viewing card 9 9999 9999")), (1, lambda: (v, "viewing card 9 digits"))])


def g_energy_acct(rng, p):
    hx = "0123456789ABCDEF"
    return pick(rng, [
        (2, lambda: (f"A-{ru(rng, 8, hx)}", "A-XXXXXXXX hex")),
        (2, lambda: (grp(rnz(rng, 12), [4, 4, 4]), "9999 9999 9999")),
        (2, lambda: (rnz(rng, 10), "10 digits")),
        (1, lambda: (f"{rd(rng, 3)}-{rd(rng, 3)}-{rd(rng, 4)}", "999-999-9999")),
        (1, lambda: (f"{rnz(rng, 9)}/{rd(rng, 2)}", "999999999/99")),
    ])


_MPAN_PRIMES = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]


def g_mpan(rng, p):
    body = f"{rng.randint(10, 23)}{rd(rng, 10)}"
    chk = sum(int(c) * w for c, w in zip(body, _MPAN_PRIMES)) % 11 % 10
    core = body + str(chk)
    top = f"0{rng.randint(1, 8)} {rng.choice(['801', '845', '811', '500'])} {rd(rng, 3)}"
    return pick(rng, [
        (3, lambda: (f"{core[:2]} {core[2:6]} {core[6:10]} {core[10:]}", "MPAN core 99 9999 9999 999")),
        (2, lambda: (core, "MPAN core 13 digits")),
        (1, lambda: (f"S {top} {core[:2]} {core[2:6]} {core[6:10]} {core[10:]}", "full 21-digit MPAN with S")),
        (1, lambda: (f"{core[:2]}-{core[2:6]}-{core[6:10]}-{core[10:]}", "MPAN dashed")),
    ])


def g_mprn_uk(rng, p):
    return pick(rng, [(1, lambda: (rnz(rng, 10), "UK MPRN 10 digits")), (1, lambda: (rnz(rng, 8), "UK MPRN 8 digits"))])


def g_mprn_ie(rng, p):
    v = "10" + rd(rng, 9)
    return pick(rng, [(1, lambda: (v, "IE MPRN 11 digits")), (1, lambda: (f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}", "IE MPRN 99 999 999 999"))])


def g_meter_serial(rng, p):
    return pick(rng, [
        (2, lambda: (f"{rd(rng, 2)}{ru(rng, 1)}{rd(rng, 7)}", "99A9999999")),
        (1, lambda: (f"E{rd(rng, 2)}{ru(rng, 2)}{rd(rng, 5)}", "E99AA99999")),
        (1, lambda: (f"G4{ru(rng, 1)}{rd(rng, 8)}{ru(rng, 1)}{rd(rng, 2)}", "G4A99999999A99")),
        (1, lambda: (f"1{ru(rng, 3)}{rd(rng, 10)}", "DE Zählernummer 1ABC9999999999")),
        (1, lambda: (f"{rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)}", "999 999 999")),
    ])


def g_malo(rng, p):
    return ("5" + rd(rng, 10), "Marktlokations-ID 11 digits")


def g_pdl(rng, p):
    v = rd(rng, 14)
    return pick(rng, [(1, lambda: (v, "PDL/PRM 14 digits")), (1, lambda: (grp(v, [4, 4, 4, 2]), "PDL 9999 9999 9999 99"))])


def g_cups(rng, p):
    n = "0021" + rd(rng, 12)
    q, r = divmod(int(n) % 529, 23)
    v = f"ES{n}{_DNI[q]}{_DNI[r]}"
    return pick(rng, [(1, lambda: (v, "CUPS ES + 16 digits + 2 letters")), (1, lambda: (f"{v[:2]} {v[2:6]} {v[6:10]} {v[10:14]} {v[14:18]} {v[18:]}", "CUPS spaced"))])


def g_pod(rng, p):
    return (f"IT{rng.choice(['001', '012', '020'])}E{rd(rng, 8)}", "POD IT001E99999999")


def g_nmi(rng, p):
    return (rng.choice(["41", "61", "63", "31", "20"]) + rd(rng, 8), "NMI 10 digits")


def g_in_consumer(rng, p):
    return pick(rng, [(1, lambda: (rnz(rng, 12), "consumer no 12 digits")), (1, lambda: (f"{rd(rng, 3)}-{rd(rng, 5)}-{rd(rng, 3)}", "999-99999-999"))])


def g_ng_meter(rng, p):
    return pick(rng, [(1, lambda: ("0" + rd(rng, 10), "prepaid meter 11 digits")), (1, lambda: (f"{rd(rng, 4)} {rd(rng, 4)} {rd(rng, 3)}", "meter 9999 9999 999"))])


def g_water_acct(rng, p):
    return pick(rng, [(1, lambda: (f"{rd(rng, 4)} {rd(rng, 4)} {rd(rng, 4)}", "9999 9999 9999")), (1, lambda: (f"{rnz(rng, 8)}/{rd(rng, 2)}", "99999999/99")),
                      (1, lambda: (f"W{rd(rng, 9)}", "W + 9 digits"))])


def g_shop_customer(rng, p):
    return pick(rng, [(2, lambda: (f"{rd(rng, 8)}", "8 digits")), (1, lambda: (f"CID-{rd(rng, 6)}", "CID-999999")),
                      (1, lambda: (f"A{''.join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12))}", "A + 12 alnum")),
                      (1, lambda: (f"u{rd(rng, 7)}", "u9999999"))])


def g_username(rng, p):
    fn = ascii_fold(p.first).lower().split()[0].replace("'", "").replace("-", "").replace(".", "")
    ln = ascii_fold(p.last).lower().replace(" ", "").replace("'", "").replace("-", "")
    return pick(rng, [
        (2, lambda: (f"{fn}_{ln[:1]}{rd(rng, 2)}", "name_x99")),
        (2, lambda: (f"{fn[:1]}{ln}{rng.randint(1970, 2005)}", "xlast + year")),
        (1, lambda: (f"{fn}.{ln}", "first.last")),
        (1, lambda: (f"{rng.choice(['mr', 'its', 'the', 'real'])}{fn}{rd(rng, 3)}", "prefix+name+999")),
        (1, lambda: (f"{fn.capitalize()}{ln.capitalize()[:3]}{rd(rng, 1)}", "CamelCase")),
    ])


_TAG_A = ["Dark", "Silent", "Lazy", "Frosty", "Neon", "Captain", "Turbo", "Salty", "Sneaky", "Cosmic", "Feral", "Crispy"]
_TAG_B = ["Wolf", "Panda", "Nana", "Viking", "Mango", "Llama", "Sniper", "Toaster", "Jollof", "Kraken", "Pigeon", "Adobo"]


def g_gamertag(rng, p):
    a, b = rng.choice(_TAG_A), rng.choice(_TAG_B)
    return pick(rng, [
        (2, lambda: (f"xX{a}{b}Xx", "xXTagXx")),
        (2, lambda: (f"{a}{b}#{rd(rng, 4)}", "Tag#9999")),
        (1, lambda: (f"{a.lower()}_{b.lower()}{rd(rng, 2)}", "lower_tag99")),
        (1, lambda: (f"{a} {b} {rd(rng, 2)}", "Tag with spaces")),
        (1, lambda: (f"{a[0]}{b}{rng.choice(['_YT', 'TTV', '420', '_88'])}", "TagSuffix")),
    ])


def g_steam(rng, p):
    return ("7656119" + rd(rng, 10), "SteamID64 17 digits")


def g_loyalty(rng, p):
    return pick(rng, [
        (2, lambda: (grp("6339" + rd(rng, 15), [4, 4, 4, 4, 3]), "19-digit grouped")),
        (2, lambda: (rd(rng, 12), "12 digits")),
        (1, lambda: (f"{rd(rng, 4)}-{rd(rng, 4)}-{rd(rng, 4)}", "9999-9999-9999")),
        (1, lambda: (f"LY{rd(rng, 8)}", "LY99999999")),
        (1, lambda: (grp(rd(rng, 16), [4, 4, 4, 4]), "16 digits grouped (card-like, not Luhn-checked)")),
    ])


def g_ff(rng, p):
    return pick(rng, [
        (2, lambda: (rd(rng, 8), "8 digits")),
        (2, lambda: (f"{rng.choice(['BA', 'EI', 'LH', 'AF', 'QF', 'AC', 'AI', 'IB', 'KL', '5J'])} {rd(rng, 8)}", "airline code + 8 digits")),
        (1, lambda: (grp("992" + rd(rng, 12), [3, 3, 3, 3, 3]), "15 digits grouped 3s")),
        (1, lambda: (rnz(rng, 10), "10 digits")),
        (1, lambda: (f"{ru(rng, 3)}{rd(rng, 7)}", "AAA9999999")),
    ])


def g_travel_profile(rng, p):
    return pick(rng, [(1, lambda: (f"TRV-{rd(rng, 7)}", "TRV-9999999")), (1, lambda: (f"{ru(rng, 2)}{rd(rng, 6)}{ru(rng, 1)}", "AA999999A")),
                      (1, lambda: (rnz(rng, 9), "9 digits"))])


def g_policy(rng, p):
    return pick(rng, [
        (2, lambda: (f"POL/{ru(rng, 2)}/{rd(rng, 7)}", "POL/AA/9999999")),
        (2, lambda: (f"{ru(rng, 3)}-{rd(rng, 5)}-{rd(rng, 2)}", "AAA-99999-99")),
        (2, lambda: (f"P{rd(rng, 10)}", "P + 10 digits")),
        (1, lambda: (rnz(rng, 9), "9 digits")),
        (1, lambda: (f"{rd(rng, 3)}.{rd(rng, 3)}.{rd(rng, 3)}/{rd(rng, 1)}", "999.999.999/9")),
        (1, lambda: (f"{ru(rng, 2).lower()}{rd(rng, 8)}", "lowercase aa99999999")),
    ])


def g_health_member(rng, p):
    return pick(rng, [(1, lambda: (f"{ru(rng, 3)}{rd(rng, 9)}", "AAA999999999")), (1, lambda: (f"{rd(rng, 8)}-{rd(rng, 2)}", "99999999-99"))])


def g_vin(rng, p):
    A = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    tr = dict(zip("ABCDEFGH", range(1, 9)))
    tr.update(dict(zip("JKLMN", range(1, 6))))
    tr.update({"P": 7, "R": 9})
    tr.update(dict(zip("STUVWXYZ", range(2, 10))))
    tr.update({str(i): i for i in range(10)})
    w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    s = [rng.choice(["W", "V", "Z", "S", "J", "1", "2", "5", "9"])] + [rng.choice(A) for _ in range(16)]
    s[8] = "0"
    tot = sum(tr[ch] * wt for ch, wt in zip(s, w)) % 11
    s[8] = "X" if tot == 10 else str(tot)
    v = "".join(s)
    return pick(rng, [(4, lambda: (v, "VIN 17 chars")), (1, lambda: (v.lower(), "VIN lowercase"))])


def g_gym_member(rng, p):
    return pick(rng, [(2, lambda: (f"{ru(rng, 2)}-{rd(rng, 7)}", "AA-9999999")), (2, lambda: (rnz(rng, 8), "8 digits")),
                      (1, lambda: (f"M{rd(rng, 6)}", "M999999")), (1, lambda: (f"{rd(rng, 4)} {rd(rng, 4)}", "9999 9999"))])


def g_sub_account(rng, p):
    A = string.ascii_letters + string.digits
    return pick(rng, [
        (2, lambda: ("cus_" + "".join(rng.choice(A) for _ in range(14)), "cus_ + 14 alnum")),
        (2, lambda: (f"SUB-{rd(rng, 8)}", "SUB-99999999")),
        (1, lambda: ("-".join("".join(rng.choice("0123456789abcdef") for _ in range(k)) for k in (8, 4, 4)), "hex 8-4-4")),
        (1, lambda: (rnz(rng, 10), "10 digits")),
    ])


def g_rental_loyalty(rng, p):
    return pick(rng, [(1, lambda: (rd(rng, 9), "9 digits")), (1, lambda: (f"{ru(rng, 1)}{rd(rng, 8)}", "A99999999"))])


def g_student(rng, p):
    return pick(rng, [(2, lambda: (f"s{rd(rng, 7)}", "s9999999")), (1, lambda: (rnz(rng, 9), "9 digits")),
                      (1, lambda: (f"{rng.randint(2019, 2024)}-{rd(rng, 5)}", "yyyy-99999")),
                      (1, lambda: (f"S {rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)} {rd(rng, 3)} {ru(rng, 1)}", "ISIC S 999 999 999 999 A"))])


def g_matrikel(rng, p):
    return (rnz(rng, 7), "Matrikelnummer 7 digits")


def g_employee(rng, p):
    return pick(rng, [(2, lambda: (f"EMP-{rd(rng, 5)}", "EMP-99999")), (1, lambda: (f"E{rd(rng, 6)}", "E999999")), (1, lambda: (rnz(rng, 6), "6 digits"))])


def g_library(rng, p):
    v = "2" + rd(rng, 13)
    return pick(rng, [(1, lambda: (v, "library 14 digits")), (1, lambda: (grp(v, [1, 4, 5, 4]), "library 9 9999 99999 9999"))])


def g_v5c(rng, p):
    return (grp(rnz(rng, 11), [4, 3, 4]), "V5C 9999 999 9999")


def g_ng_tin(rng, p):
    return (f"{rd(rng, 8)}-{rd(rng, 4)}", "TIN 99999999-9999")


def g_seller(rng, p):
    return ("A" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12)), "A + 12 alnum")


def g_handle(rng, p):
    v, shape = g_username(rng, p)
    return ("@" + v, "@" + shape)


# ---------------------------------------------------------------------------
# names typed by hand (used for ~60% of people; the rest come from Faker)
# culture: (male firsts, female firsts, surnames, family-name-first?)
# ---------------------------------------------------------------------------

OWN_NAMES = {
    "british": (["Callum", "Rhys", "Declan", "Alfie", "Hamish", "Gareth", "Stuart", "Kieran", "Wayne", "Bill", "Will", "Grant"],
                ["Harriet", "Siobhan", "Gemma", "Bethan", "Imogen", "Lorna", "Kirsty", "Jodie", "Tracey", "Hope", "Rose", "Faith"],
                ["Whitmore", "Pennington", "Featherstone", "Ashworth", "Thwaites", "Rowntree", "Hargreaves", "Pryce", "McAllister",
                 "Fairbairn", "Long", "King", "Young", "Grant", "Smith-Jones", "Llewellyn", "O'Neill", "Bright"], False),
    "american": (["Tyler", "DeShawn", "Cody", "Travis", "Marcus", "Brandon", "Dwayne", "Chase"],
                 ["Brianna", "Kayla", "Jasmine", "Madison", "Shelby", "Destiny", "Faith", "Hope"],
                 ["Henderson", "Whitaker", "Delgado", "Jefferson", "McKinney", "Castellano", "Baxter", "Washington", "Kowalski", "Booker"], False),
    "german": (["Jürgen", "Lukas", "Dieter", "Malte", "Torsten", "Uwe", "Hans-Peter", "Jannik"],
               ["Annegret", "Svenja", "Friederike", "Henrike", "Wiebke", "Katrin", "Ute", "Mareike"],
               ["Geißler", "Schwarzkopf", "Bräuer", "Hoffmeister", "Kühne", "Oberländer", "Weißenborn", "Pfeiffer", "von Stetten", "Lindemann", "Müller-Lüdenscheidt"], False),
    "french": (["Théo", "Benoît", "Yannick", "Loïc", "Aurélien", "Jean-Baptiste", "Gaël", "Hervé"],
               ["Margaux", "Gaëlle", "Clémence", "Solène", "Maëlle", "Ségolène", "Anaïs", "Marie-Claire"],
               ["Lefebvre", "Dubois-Martin", "Rousseau", "Chevalier", "Le Goff", "de la Fontaine", "Marchand", "Giraud", "N'Diaye", "Fournier"], False),
    "indian": (["Harsh", "Anil", "Venkatesh", "Rohit", "Gurpreet", "Arjun", "Farhan", "Sanjay", "Prakash"],
               ["Priyanka", "Sneha", "Lakshmi", "Divya", "Meenakshi", "Kavya", "Anjali", "Harpreet", "Nandini"],
               ["Raghunathan", "Iyer", "Chatterjee", "Deshpande", "Kulkarni", "Bhattacharya", "Sandhu", "Menon", "Reddy", "Agarwal", "Siddiqui", "Pillai"], False),
    "spanish": (["Iñaki", "Álvaro", "Javier", "Gonzalo", "Sergio", "Jordi", "Rubén"],
                ["Itziar", "Begoña", "Rocío", "Nerea", "Montserrat", "Ainhoa", "Paloma", "Lucía"],
                ["García-Márquez", "Etxeberria", "de la Cruz", "Villanueva", "Ortega", "Iglesias", "Ruiz de Alda", "Olmedo", "Peñalver"], False),
    "italian": (["Giuseppe", "Lorenzo", "Matteo", "Salvatore", "Gianluca", "Vincenzo"],
                ["Chiara", "Federica", "Ilaria", "Benedetta", "Alessia", "Graziella"],
                ["Esposito", "Bianchi", "Lombardi", "De Luca", "Ferraro", "D'Angelo", "Caruso", "Santoro", "Della Valle", "Marchetti"], False),
    "polish": (["Krzysztof", "Wojciech", "Grzegorz", "Łukasz", "Przemysław", "Bartosz"],
               ["Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Joanna", "Dorota"],
               ["Wiśniewski", "Kowalczyk", "Szymańska", "Wójcik", "Kaczmarek", "Zieliński", "Grabowska", "Jabłoński", "Dąbrowski", "Nowak"], False),
    "dutch": (["Joost", "Sander", "Bram", "Pieter", "Maarten", "Ruud"],
              ["Femke", "Marieke", "Sanne", "Lotte", "Eline", "Anouk"],
              ["van der Berg", "de Vries", "Bakker", "Jansen", "van Dijk", "Visser", "de Jong", "Meijer", "van den Heuvel", "Mulder"], False),
    "irish": (["Ciarán", "Seán", "Oisín", "Pádraig", "Eoin", "Darragh", "Cathal"],
              ["Aoife", "Niamh", "Róisín", "Siobhán", "Caoimhe", "Saoirse", "Gráinne"],
              ["O'Sullivan", "Ní Bhriain", "Fitzgerald", "Byrne", "Ó Murchú", "Kavanagh", "Doherty", "McCarthy", "Nolan", "Mac Giolla Phádraig"], False),
    "nigerian": (["Chukwuemeka", "Oluwaseun", "Babatunde", "Ifeanyi", "Emeka", "Abubakar", "Tunde", "Kelechi", "Segun"],
                 ["Ngozi", "Adaeze", "Funmilayo", "Yetunde", "Chiamaka", "Aisha", "Blessing", "Temitope", "Precious"],
                 ["Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu", "Okonkwo", "Abiodun", "Olawale", "Danjuma", "Ogunleye", "Obi", "Ibrahim"], False),
    "filipino": (["Jhun", "Jerome", "Ramil", "Jomar", "Rodel", "Jun-Jun", "Mark Anthony"],
                 ["Maria Cristina", "Rowena", "Marites", "Liezl", "Arlene", "Princess", "Joy", "Ma. Theresa"],
                 ["dela Cruz", "Santos", "Reyes", "Bautista", "Macapagal", "Dimaculangan", "Pangilinan", "Soriano", "Tolentino", "Magbanua"], False),
    "brazilian": (["João", "Rafael", "Gabriel", "Thiago", "Leandro", "Caio"],
                  ["Thaís", "Luíza", "Fernanda", "Camila", "Juliana", "Rayssa"],
                  ["Oliveira", "Souza", "Conceição", "Rodrigues", "Carvalho", "Gonçalves", "Araújo", "dos Santos", "Magalhães", "Nascimento"], False),
    "canadian": (["Brayden", "Mathieu", "Étienne", "Logan", "Owen", "Jean-François"],
                 ["Chloé", "Kaitlyn", "Geneviève", "Mackenzie", "Émilie", "Brooke"],
                 ["Tremblay", "Gagnon", "Bouchard", "MacDonald", "Côté", "Leblanc", "Fraser", "Bélanger", "Gauthier"], False),
    "australian": (["Lachlan", "Brodie", "Mitchell", "Jarrah", "Hayden", "Kane"],
                   ["Bronwyn", "Kylie", "Sheree", "Tegan", "Shannon", "Jacinta"],
                   ["Fitzpatrick", "Wilkinson", "Pemberton", "Papadopoulos", "Costa", "Kelly", "Nguyen", "McGrath"], False),
    "arabic": (["Tariq", "Khalid", "Yousef", "Omar", "Hamza"], ["Layla", "Mariam", "Noor", "Fatima", "Rania"],
               ["al-Farsi", "bin Rashid", "Haddad", "El-Amin", "al-Qasimi", "Mansour"], False),
    "persian": (["Dariush", "Kian", "Arash"], ["Shirin", "Parisa", "Golnar"], ["Tehrani", "Farahani", "Moradi", "Hosseini"], False),
    "turkish": (["Emre", "Mehmet", "Burak"], ["Zeynep", "Elif", "Ayşe"], ["Yılmaz", "Aydın", "Öztürk", "Çelik"], False),
    "chinese": (["Wei Ming", "Jiahao", "Zhiwei"], ["Xiaoling", "Jiahui", "Mei"], ["Tan", "Zhang", "Chen", "Lim", "Wong"], True),
    "korean": (["Ji-woo", "Min-jun", "Seung-hoon"], ["Seo-yeon", "Ha-eun", "Ji-min"], ["Park", "Kim", "Lee", "Choi"], True),
    "japanese": (["Haruto", "Kenji", "Takeshi"], ["Yuki", "Aiko", "Haruka"], ["Tanaka", "Sato", "Yamamoto", "Watanabe"], False),
    "vietnamese": (["Van Minh", "Duc Anh", "Quang"], ["Thi Lan", "Thu Trang", "Ngoc Anh"], ["Nguyen", "Tran", "Pham", "Le"], True),
    "east_african": (["Abebe", "Otieno", "Baraka", "Juma"], ["Wanjiru", "Achieng", "Tsehay", "Amani"], ["Kamau", "Tesfaye", "Mwangi", "Odhiambo", "Haile"], False),
    "slavic": (["Dmitri", "Oleksandr", "Milan"], ["Olena", "Svetlana", "Jelena"], ["Volkov", "Shevchenko", "Petrović", "Novák"], False),
    "greek": (["Giorgos", "Nikos", "Stavros"], ["Eleni", "Katerina", "Despina"], ["Papadopoulou", "Nikolaidis", "Georgiou", "Karagiannis"], False),
    "hebrew": (["Avi", "Yosef", "Eitan"], ["Yael", "Noa", "Tamar"], ["Ben-David", "Shapiro", "Mizrahi", "Levi"], False),
    "nordic": (["Björn", "Henrik", "Sindre"], ["Sigrid", "Ingrid", "Astrid"], ["Halvorsen", "Lindqvist", "Søndergaard", "Järvinen"], False),
}

EXTRA_CULTURES = ["arabic", "persian", "turkish", "chinese", "korean", "japanese", "vietnamese", "east_african", "slavic", "greek", "hebrew", "nordic"]

COUNTRIES = {
    # code: (faker locale, own culture, English name of country)
    "UK": ("en_GB", "british", "UK"), "US": ("en_US", "american", "USA"), "DE": ("de_DE", "german", "Germany"),
    "FR": ("fr_FR", "french", "France"), "IN": ("en_IN", "indian", "India"), "ES": ("es_ES", "spanish", "Spain"),
    "IT": ("it_IT", "italian", "Italy"), "PL": ("pl_PL", "polish", "Poland"), "NL": ("nl_NL", "dutch", "the Netherlands"),
    "IE": ("en_IE", "irish", "Ireland"), "NG": ("yo_NG", "nigerian", "Nigeria"), "PH": ("fil_PH", "filipino", "the Philippines"),
    "BR": ("pt_BR", "brazilian", "Brazil"), "CA": ("en_CA", "canadian", "Canada"), "AU": ("en_AU", "australian", "Australia"),
}
COUNTRY_CODES = list(COUNTRIES)

NRP_BY_COUNTRY = {"UK": "British", "US": "American", "DE": "German", "FR": "French", "IN": "Indian", "ES": "Spanish", "IT": "Italian",
                  "PL": "Polish", "NL": "Dutch", "IE": "Irish", "NG": "Nigerian", "PH": "Filipino", "BR": "Brazilian", "CA": "Canadian",
                  "AU": "Australian"}

CITIES = {
    "UK": ["Leeds", "Sheffield", "Bristol", "Cardiff", "Glasgow", "Norwich", "Stoke-on-Trent", "Milton Keynes", "Swansea", "Dundee"],
    "US": ["Columbus", "Tucson", "Albuquerque", "Raleigh", "Spokane", "Omaha", "Tampa", "Boise"],
    "DE": ["Köln", "Leipzig", "Dortmund", "Freiburg im Breisgau", "Münster", "Rostock", "Augsburg", "Kassel"],
    "FR": ["Lyon", "Rennes", "Montpellier", "Lille", "Clermont-Ferrand", "Nantes", "Toulouse", "Aix-en-Provence"],
    "IN": ["Pune", "Bengaluru", "Chennai", "Kochi", "Jaipur", "Hyderabad", "Lucknow", "Navi Mumbai"],
    "ES": ["Zaragoza", "Málaga", "Bilbao", "Valladolid", "Alicante", "Granada", "Vigo"],
    "IT": ["Bologna", "Torino", "Bari", "Verona", "Palermo", "Padova", "Brescia"],
    "PL": ["Kraków", "Wrocław", "Poznań", "Gdańsk", "Łódź", "Lublin", "Katowice"],
    "NL": ["Utrecht", "Eindhoven", "Groningen", "Nijmegen", "Haarlem", "Zwolle", "Tilburg"],
    "IE": ["Cork", "Galway", "Limerick", "Waterford", "Drogheda", "Sligo", "Kilkenny"],
    "NG": ["Lagos", "Ibadan", "Abuja", "Port Harcourt", "Enugu", "Kano", "Benin City"],
    "PH": ["Quezon City", "Cebu City", "Davao City", "Pasig", "Iloilo City", "Antipolo", "Cagayan de Oro"],
    "BR": ["São Paulo", "Belo Horizonte", "Curitiba", "Recife", "Porto Alegre", "Campinas", "Fortaleza"],
    "CA": ["Mississauga", "Halifax", "Winnipeg", "Laval", "Saskatoon", "Kelowna", "Hamilton"],
    "AU": ["Parramatta", "Geelong", "Newcastle", "Townsville", "Hobart", "Ballarat", "Wollongong"],
}

STREETS = {
    "UK": ["Harehills Lane", "Cavendish Road", "Station Approach", "Beech Grove", "Mill Lane", "Albion Street", "Kingsway"],
    "US": ["Maple Ave", "W 3rd St", "Lakeview Dr", "Oak Hollow Rd", "N Main St", "Sycamore Ln"],
    "DE": ["Lindenstraße", "Am Mühlbach", "Goethestr.", "Bahnhofstraße", "Kastanienallee", "Schillerweg"],
    "FR": ["rue des Lilas", "avenue Jean Jaurès", "rue du Moulin", "boulevard Voltaire", "impasse des Tilleuls"],
    "IN": ["MG Road", "Anna Salai", "Baner Road", "Linking Road", "Nehru Nagar Main Rd"],
    "ES": ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia", "Calle San Bernardo"],
    "IT": ["Via Garibaldi", "Via Roma", "Corso Vittorio Emanuele", "Via dei Mille", "Viale Mazzini"],
    "PL": ["ul. Długa", "ul. Mickiewicza", "ul. Kwiatowa", "al. Jana Pawła II", "ul. Piękna"],
    "NL": ["Kerkstraat", "Dorpsweg", "Prinsengracht", "Molenlaan", "Stationsplein"],
    "IE": ["Main Street", "Church Road", "Ballymun Road", "Sandymount Avenue", "College Green"],
    "NG": ["Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Ogui Road", "Aminu Kano Crescent"],
    "PH": ["Rizal Ave", "Mabini St", "Katipunan Ave", "Osmeña Blvd", "J.P. Laurel St"],
    "BR": ["Rua das Flores", "Avenida Paulista", "Rua XV de Novembro", "Rua Augusta", "Avenida Boa Viagem"],
    "CA": ["Queen St W", "Rue Sainte-Catherine", "Portage Ave", "Spring Garden Rd", "Jasper Ave"],
    "AU": ["Smith St", "George St", "Flinders Lane", "Beaufort Rd", "Macquarie St"],
}


def postcode(rng, c):
    L = "ABDEFGHJLNPQRSTUWXYZ"
    if c == "UK":
        return f"{rng.choice(['LS', 'S', 'BS', 'CF', 'G', 'NR', 'ST', 'MK', 'SA', 'DD'])}{rng.randint(1, 19)} {rng.randint(1, 9)}{ru(rng, 2, L)}"
    if c == "US":
        return f"{rng.choice(['OH', 'AZ', 'NM', 'NC', 'WA', 'NE', 'FL', 'ID'])} {rd(rng, 5)}"
    if c in ("DE", "FR", "ES", "IT"):
        return rd(rng, 5)
    if c == "IN":
        return f"{rnz(rng, 3)} {rd(rng, 3)}" if rng.random() < 0.4 else rnz(rng, 6)
    if c == "PL":
        return f"{rd(rng, 2)}-{rd(rng, 3)}"
    if c == "NL":
        return f"{rnz(rng, 4)} {ru(rng, 2, 'ABCDEGHJKLMNPRSTVWXZ')}"
    if c == "IE":
        return f"{rng.choice(['D08', 'T12', 'H91', 'V94', 'A92', 'F91'])} {ru(rng, 1, 'ACDEFHKNPRTVWXY')}{rd(rng, 1)}{ru(rng, 1, 'ACDEFHKNPRTVWXY')}{rd(rng, 1)}"
    if c == "NG":
        return rnz(rng, 6)
    if c == "PH":
        return rnz(rng, 4)
    if c == "BR":
        return f"{rd(rng, 5)}-{rd(rng, 3)}"
    if c == "CA":
        return f"{rng.choice('KLMNHTVRE')}{rd(rng, 1)}{ru(rng, 1, 'ABCEGHJKLMNPRSTVWXYZ')} {rd(rng, 1)}{ru(rng, 1, 'ABCEGHJKLMNPRSTVWXYZ')}{rd(rng, 1)}"
    if c == "AU":
        return f"{rng.choice(['NSW', 'VIC', 'QLD', 'TAS'])} {rnz(rng, 4)}"
    return rd(rng, 5)


def make_address(rng, c, faker, pc=None):
    street = rng.choice(STREETS[c]) if rng.random() < 0.7 else faker.street_name()
    city = rng.choice(CITIES[c])
    n = rng.randint(1, 220)
    pc = pc or postcode(rng, c)
    if c == "UK":
        first = f"Flat {rng.randint(1, 30)}, {n} {street}" if rng.random() < 0.35 else f"{n} {street}"
        return f"{first}, {city}, {pc}"
    if c == "US":
        apt = f", Apt {rng.randint(1, 40)}{rng.choice('ABCD')}" if rng.random() < 0.4 else ""
        return f"{n} {street}{apt}, {city}, {pc}"
    if c == "DE":
        return f"{street} {n}, {pc} {city}"
    if c == "FR":
        return f"{n} {street}, {pc} {city}"
    if c == "IN":
        return f"Flat {rng.randint(1, 12)}0{rng.randint(1, 9)}, {rng.choice(['Sai Krupa Apartments', 'Green Park Residency', 'Tower B, Lodha Palava', 'Shanti Niwas'])}, {street}, {city} - {pc}"
    if c == "ES":
        return f"{street} {n}, {rng.randint(1, 8)}º {rng.choice('ABCD')}, {pc} {city}"
    if c == "IT":
        return f"{street} {n}, {pc} {city}"
    if c == "PL":
        return f"{street} {n}/{rng.randint(1, 60)}, {pc} {city}"
    if c == "NL":
        return f"{street} {n}, {pc} {city}"
    if c == "IE":
        return f"{n} {street}, {city}, {pc}"
    if c == "NG":
        return f"{n} {street}, {rng.choice(['Victoria Island', 'Ikeja GRA', 'Wuse II', 'Bodija', 'Independence Layout'])}, {city}"
    if c == "PH":
        return f"Blk {rng.randint(1, 40)} Lot {rng.randint(1, 30)}, {street}, Brgy. {rng.choice(['San Isidro', 'Mabolo', 'Poblacion', 'Bagong Silang'])}, {city} {pc}"
    if c == "BR":
        return f"{street}, {n}, apto {rng.randint(11, 904)}, {city} - {rng.choice(['SP', 'MG', 'PR', 'PE', 'RS'])}, {pc}"
    if c == "CA":
        return f"{n} {street}, Unit {rng.randint(1, 1200)}, {city}, {rng.choice(['ON', 'NS', 'MB', 'QC', 'SK', 'BC'])} {pc}"
    if c == "AU":
        return f"Unit {rng.randint(1, 40)}/{n} {street}, {city} {pc}"
    return f"{n} {street}, {city}"


def make_phone(rng, c):
    if c == "UK":
        x = rd(rng, 3)
        return rng.choice([f"07700 900{x}", f"+44 7700 900{x}", f"+44 (0)7700 900{x}", f"07700900{x}", f"020 7946 0{x}", f"0161 496 0{x}"])
    if c in ("US", "CA"):
        a = rng.choice(["212", "415", "614", "503", "919"] if c == "US" else ["416", "604", "902", "204", "514"])
        x = rd(rng, 2)
        return rng.choice([f"({a}) 555-01{x}", f"{a}-555-01{x}", f"+1 {a} 555 01{x}", f"{a}.555.01{x}"])
    if c == "DE":
        return rng.choice([f"+49 151 {rd(rng, 4)} {rd(rng, 4)}", f"0151/{rd(rng, 8)}", f"030 {rd(rng, 8)}", f"0049 171 {rd(rng, 7)}"])
    if c == "FR":
        d = [rd(rng, 2) for _ in range(4)]
        return rng.choice([f"06 {' '.join(d)}", f"+33 6 {' '.join(d)}", f"06.{'.'.join(d)}", f"07{''.join(d)}"])
    if c == "IN":
        a, b = rng.choice("6789") + rd(rng, 4), rd(rng, 5)
        return rng.choice([f"+91 {a} {b}", f"{a}{b}", f"0{a} {b}", f"+91-{a}{b}"])
    if c == "ES":
        return rng.choice([f"+34 6{rd(rng, 2)} {rd(rng, 3)} {rd(rng, 3)}", f"6{rd(rng, 2)} {rd(rng, 2)} {rd(rng, 2)} {rd(rng, 2)}"])
    if c == "IT":
        return rng.choice([f"+39 34{rd(rng, 1)} {rd(rng, 3)} {rd(rng, 4)}", f"34{rd(rng, 1)} {rd(rng, 7)}"])
    if c == "PL":
        return rng.choice([f"+48 5{rd(rng, 2)} {rd(rng, 3)} {rd(rng, 3)}", f"5{rd(rng, 2)}-{rd(rng, 3)}-{rd(rng, 3)}"])
    if c == "NL":
        return rng.choice([f"06-{rd(rng, 8)}", f"+31 6 {rd(rng, 8)}", f"06 {rd(rng, 4)} {rd(rng, 4)}"])
    if c == "IE":
        return rng.choice([f"08{rng.choice('35679')} {rd(rng, 3)} {rd(rng, 4)}", f"+353 8{rng.choice('35679')} {rd(rng, 3)} {rd(rng, 4)}"])
    if c == "NG":
        p = rng.choice(["803", "806", "813", "705", "816", "909"])
        return rng.choice([f"0{p} {rd(rng, 3)} {rd(rng, 4)}", f"+234 {p} {rd(rng, 3)} {rd(rng, 4)}", f"0{p}{rd(rng, 7)}"])
    if c == "PH":
        p = rng.choice(["917", "927", "998", "905", "939"])
        return rng.choice([f"0{p} {rd(rng, 3)} {rd(rng, 4)}", f"+63 {p} {rd(rng, 3)} {rd(rng, 4)}", f"0{p}{rd(rng, 7)}"])
    if c == "BR":
        dd = rng.choice(["11", "21", "31", "41", "81"])
        return rng.choice([f"({dd}) 9{rd(rng, 4)}-{rd(rng, 4)}", f"+55 {dd} 9{rd(rng, 4)}-{rd(rng, 4)}"])
    if c == "AU":
        return rng.choice([f"0491 570 {rd(rng, 3)}", f"+61 491 570 {rd(rng, 3)}", f"(02) 5550 {rd(rng, 4)}"])
    return rd(rng, 10)


EMAIL_DOMAINS = {
    "UK": ["gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "outlook.com"],
    "US": ["gmail.com", "yahoo.com", "aol.com", "icloud.com", "outlook.com"],
    "DE": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
    "FR": ["orange.fr", "laposte.net", "free.fr", "gmail.com", "sfr.fr"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"],
    "ES": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"],
    "IT": ["libero.it", "gmail.com", "virgilio.it", "tiscali.it"],
    "PL": ["wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl"],
    "NL": ["ziggo.nl", "gmail.com", "kpnmail.nl", "hotmail.nl"],
    "IE": ["gmail.com", "eircom.net", "hotmail.com", "icloud.com"],
    "NG": ["gmail.com", "yahoo.com", "outlook.com"],
    "PH": ["gmail.com", "yahoo.com.ph", "yahoo.com"],
    "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"],
    "CA": ["gmail.com", "rogers.com", "shaw.ca", "videotron.ca"],
    "AU": ["bigpond.com", "gmail.com", "optusnet.com.au", "outlook.com.au"],
}


class Person:
    def __init__(self, first, last, gender, country, fam_first=False, middle=None, own=True):
        self.first, self.last, self.gender, self.country = first, last, gender, country
        self.fam_first, self.middle, self.own = fam_first, middle, own
        self.dob = None
        self.email = self.phone = self.address = None

    @property
    def full(self):
        return f"{self.last} {self.first}" if self.fam_first else f"{self.first} {self.last}"

    @property
    def title(self):
        return "Mr" if self.gender == "M" else "Ms"

    def slug(self):
        f = ascii_fold(self.first).lower().replace(" ", "").replace("'", "").replace("-", "").replace(".", "")
        l = ascii_fold(self.last).lower().replace(" ", "").replace("'", "").replace("-", "")
        return f, l


def make_person(rng, fakers, country, own_prob=0.6, culture=None):
    loc, cult, _ = COUNTRIES[country]
    if culture is None and rng.random() < 0.16:
        culture = rng.choice(EXTRA_CULTURES)
    gender = rng.choice("MF")
    if culture is not None or rng.random() < own_prob:
        cult = culture or cult
        males, females, lasts, fam = OWN_NAMES[cult]
        first = rng.choice(males if gender == "M" else females)
        p = Person(first, rng.choice(lasts), gender, country, fam_first=fam, own=True)
    else:
        fk = fakers[loc]
        first = fk.first_name_male() if gender == "M" else fk.first_name_female()
        p = Person(first, fk.last_name(), gender, country, own=False)
        if rng.random() < 0.15:
            p.middle = fk.first_name_male() if gender == "M" else fk.first_name_female()
    y = rng.randint(1948, 2004)
    p.dob = (y, rng.randint(1, 12), rng.randint(1, 28))
    f, l = p.slug()
    p.email = rng.choice([f"{f}.{l}", f"{f}{l}{rd(rng, 2)}", f"{f[0]}.{l}", f"{f}_{l[:1]}{rng.randint(70, 99)}", f"{l}.{f}", f"{f}{rng.randint(1970, 2004)}"]) + "@" + rng.choice(EMAIL_DOMAINS[country])
    p.phone = make_phone(rng, country)
    pc = postcode(rng, country)
    p.zip = pc.split()[-1] if country in ("US", "AU") else pc
    p.address = make_address(rng, country, fakers[loc], pc)
    return p


def name_pieces(rng, p, form=None, casual=False):
    """Pieces for a person's name in one of many written forms; titles outside the span."""
    forms = ["full", "full", "first", "title_last", "initial_last", "last_comma_first", "caps", "lower_full", "title_full"]
    if form is None:
        form = rng.choice(forms)
    if casual and form in ("full", "title_full", "caps"):
        form = "lower_full"
    if form == "full":
        return [(p.full, "PERSON")]
    if form == "first":
        return [(p.first, "PERSON")]
    if form == "last":
        return [(p.last, "PERSON")]
    if form == "title_last":
        t = rng.choice([p.title, p.title + ".", "Mrs" if p.gender == "F" else "Mr.", "Dr"])
        return [t + " ", (p.last, "PERSON")]
    if form == "title_full":
        return [rng.choice([p.title, p.title + "."]) + " ", (p.full, "PERSON")]
    if form == "initial_last":
        ini = p.first[0] + "."
        if p.middle:
            ini += " " + p.middle[0] + "."
        return [(f"{ini} {p.last}", "PERSON")]
    if form == "last_comma_first":
        return [(f"{p.last}, {p.first}", "PERSON")]
    if form == "caps":
        return [(f"{p.last.upper()}, {p.first.upper()}" if rng.random() < 0.5 else p.full.upper(), "PERSON")]
    if form == "lower_full":
        return [(p.full.lower(), "PERSON")]
    if form == "lower_first":
        return [(p.first.lower(), "PERSON")]
    return [(p.full, "PERSON")]


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(rng, ymd, country="UK", style=None):
    import datetime
    y, m, d = ymd
    wd = WEEKDAYS[datetime.date(y, m, d).weekday()]
    us = country in ("US", "PH", "CA") and rng.random() < 0.7
    styles = ["num", "num", "iso", "long", "long_noyear", "ordinal", "weekday", "short", "dots"]
    st = style or rng.choice(styles)
    if st == "num":
        return f"{m:02d}/{d:02d}/{y}" if us else rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{str(y)[2:]}"])
    if st == "dots":
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{str(y)[2:]}"])
    if st == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if st == "long":
        return f"{MONTHS[m - 1]} {d}, {y}" if us else f"{d} {MONTHS[m - 1]} {y}"
    if st == "long_noyear":
        return f"{MONTHS[m - 1]} {d}" if us else f"{d} {MONTHS[m - 1]}"
    if st == "ordinal":
        return rng.choice([f"{ordinal(d)} of {MONTHS[m - 1]}", f"{ordinal(d)} {MONTHS[m - 1]}", f"{MONTHS[m - 1]} {ordinal(d)}"])
    if st == "weekday":
        return rng.choice([f"{wd} {d} {MONTHS[m - 1]}", f"{wd}, {MONTHS[m - 1]} {d}", f"{wd[:3]} {d} {MONTHS[m - 1][:3]}"])
    if st == "short":
        return rng.choice([f"{d} {MONTHS[m - 1][:3]}", f"{MONTHS[m - 1][:3]} {d}", f"{d}-{MONTHS[m - 1][:3]}-{str(y)[2:]}"])
    return f"{d}/{m}/{y}"


def rand_recent(rng):
    return (rng.choice([2023, 2024, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))


# ---------------------------------------------------------------------------
# identifier kinds: generator + the ways people label them
# ---------------------------------------------------------------------------


class Kind:
    def __init__(self, key, table, gen, labels, short=(), foreign=(), typos=(), kv=(), typ="ID"):
        self.key, self.table, self.gen, self.labels = key, table, gen, list(labels)
        self.short, self.foreign, self.typos, self.kv = list(short), list(foreign), list(typos), list(kv)
        self.typ = typ


KINDS = {}


def K(key, table, gen, labels, **kw):
    KINDS[key] = Kind(key, table, gen, labels, **kw)


def g_email_login(rng, p):
    return (p.email, "e-mail-shaped login")


# national / government identifiers
K("uk_ni", "UK National Insurance number", g_uk_ni, ["NI number", "NI no", "National Insurance number", "NINO", "NI", "national insurance no."],
  typos=["NI numbr", "national insurence number", "N.I no"], kv=["nino"])
K("uk_utr", "UK UTR (self assessment)", g_uk_utr, ["UTR", "Unique Taxpayer Reference", "UTR number", "self assessment UTR"], typos=["UTR numer"])
K("uk_passport", "UK passport", g_uk_passport, ["passport number", "passport no.", "passport"], typos=["pasport number"])
K("uk_dl", "UK driving licence (DVLA driver number)", g_uk_dl, ["driving licence number", "licence no", "driver number", "DL number", "driving license no"],
  typos=["driving licnece no", "licence numbr"])
K("uk_plate", "vehicle registration (UK)", g_uk_plate, ["reg", "registration", "car reg", "vehicle reg", "number plate", "reg no."], short=["reg"])
K("gov_gateway", "UK Government Gateway user ID", g_gov_gateway, ["Government Gateway user ID", "Gateway ID", "gov gateway user id"])
K("tv_licence", "UK TV licence number", g_tv_licence, ["TV licence number", "TV licence no."])
K("council_tax", "council tax account", g_council_tax, ["council tax account number", "council tax ref", "CT account no"])
K("us_ssn", "US SSN (type SSN)", g_us_ssn, ["SSN", "social security number", "social", "SS#"], typos=["social securty number"], typ="SSN")
K("us_itin", "US ITIN", g_us_itin, ["ITIN", "ITIN number"])
K("us_dl", "US driver's license", g_us_dl, ["driver's license #", "DL#", "drivers license number", "license no."], short=["DL"], typos=["drivers licence numbr"])
K("us_passport", "US passport", g_us_passport, ["passport #", "passport number"])
K("us_plate", "vehicle registration (US)", g_us_plate, ["plate", "license plate", "tag number", "plate #"])
K("ktn", "US Known Traveler Number", g_ktn, ["Known Traveler Number", "KTN", "TSA PreCheck KTN", "known traveller no"])
K("redress", "DHS redress number", g_redress, ["redress number", "DHS redress no."])
K("steuer_id", "German Steuer-ID", g_steuer_id, ["Steuer-ID", "tax ID", "German tax ID", "Steuer ID"],
  foreign=["Steueridentifikationsnummer", "Steuer-IdNr.", "IdNr", "Identifikationsnummer"], typos=["Steur-ID"])
K("personalausweis", "German Personalausweis", g_personalausweis, ["ID card number", "German ID card no.", "national ID card no."],
  foreign=["Personalausweisnummer", "Ausweisnummer", "Perso-Nr.", "Ausweis-Nr."])
K("de_passport", "German passport", g_de_passport, ["passport no.", "passport number"], foreign=["Reisepassnummer", "Passnummer"])
K("de_sv", "German social insurance number", g_de_sv, ["social insurance number", "pension insurance number"],
  foreign=["Sozialversicherungsnummer", "SV-Nummer", "Rentenversicherungsnummer"])
K("de_dl", "German driving licence", g_de_dl, ["driving licence no.", "licence number"], foreign=["Führerscheinnummer"])
K("de_plate", "vehicle registration (DE)", g_de_plate, ["number plate", "registration"], foreign=["Kennzeichen", "amtliches Kennzeichen"])
K("fr_nir", "French NIR (sécu)", g_fr_nir, ["social security number", "carte vitale number", "NIR"],
  foreign=["numéro de sécurité sociale", "n° sécu", "numéro de sécu", "n° SS"])
K("fr_fiscal", "French numéro fiscal", g_fr_fiscal, ["tax number", "French tax number", "SPI"], foreign=["numéro fiscal", "n° fiscal", "numéro fiscal de référence"])
K("fr_passport", "French passport", g_fr_passport, ["passport no.", "passport number"], foreign=["n° de passeport"])
K("fr_dl", "French driving licence", g_fr_dl, ["driving licence number"], foreign=["permis de conduire n°", "numéro de permis"])
K("fr_plate", "vehicle registration (FR)", g_fr_plate, ["registration", "plate"], foreign=["immatriculation", "plaque"])
K("aadhaar", "Indian Aadhaar", g_aadhaar, ["Aadhaar", "Aadhaar no", "Aadhaar number", "UID", "aadhaar card no."], typos=["Aadhar number", "adhar no", "aadhar"],
  kv=["aadhaar"])
K("pan", "Indian PAN", g_pan, ["PAN", "PAN no", "PAN card number", "pan"], typos=["PAN nmbr"])
K("in_passport", "Indian passport", g_in_passport, ["passport no", "passport number"])
K("in_dl", "Indian driving licence", g_in_dl, ["DL no", "driving licence no.", "licence number"])
K("in_voter", "Indian voter ID (EPIC)", g_in_voter, ["voter ID", "EPIC no", "voter card number"])
K("in_plate", "vehicle registration (IN)", g_in_plate, ["vehicle no", "registration no", "vehicle number"])
K("dni", "Spanish DNI/NIF", g_dni, ["DNI", "NIF", "DNI/NIE", "ID number"], foreign=["número de DNI", "documento", "DNI nº"])
K("nie", "Spanish NIE", g_nie, ["NIE", "DNI/NIE", "NIE number"], foreign=["número de extranjero", "NIE nº"])
K("es_nss", "Spanish social security number", g_es_nss, ["social security no", "NSS"], foreign=["número de la Seguridad Social", "nº afiliación"])
K("es_passport", "Spanish passport", g_es_passport, ["passport number"], foreign=["número de pasaporte"])
K("es_plate", "vehicle registration (ES)", g_es_plate, ["plate", "registration"], foreign=["matrícula"])
K("codice_fiscale", "Italian codice fiscale", g_codice_fiscale, ["codice fiscale", "CF", "tax code", "C.F."], foreign=["cod. fiscale", "codice fiscale n."],
  typos=["codice fiscle"])
K("it_id", "Italian ID card (CIE)", g_it_id, ["ID card number", "CIE"], foreign=["carta d'identità n.", "numero CIE"])
K("it_passport", "Italian passport", g_it_passport, ["passport no."], foreign=["numero passaporto"])
K("it_dl", "Italian driving licence", g_it_dl, ["driving licence no."], foreign=["patente n.", "numero patente"])
K("it_plate", "vehicle registration (IT)", g_it_plate, ["plate", "registration"], foreign=["targa"])
K("pesel", "Polish PESEL", g_pesel, ["PESEL", "pesel", "PESEL number"], foreign=["nr PESEL", "numer PESEL"])
K("pl_idcard", "Polish ID card", g_pl_idcard, ["ID card no", "ID card number"], foreign=["numer dowodu", "dowód osobisty", "seria i numer dowodu"])
K("pl_passport", "Polish passport", g_pl_passport, ["passport no"], foreign=["numer paszportu"])
K("pl_dl", "Polish driving licence", g_pl_dl, ["driving licence number"], foreign=["prawo jazdy nr", "numer prawa jazdy"])
K("pl_plate", "vehicle registration (PL)", g_pl_plate, ["registration", "plate"], foreign=["nr rejestracyjny", "rejestracja"])
K("bsn", "Dutch BSN", g_bsn, ["BSN", "citizen service number", "BSN number"], foreign=["burgerservicenummer", "sofinummer"])
K("nl_passport", "Dutch passport", g_nl_passport, ["passport number", "document number"], foreign=["paspoortnummer", "documentnummer"])
K("nl_dl", "Dutch driving licence", g_nl_dl, ["driving licence number"], foreign=["rijbewijsnummer"])
K("nl_plate", "vehicle registration (NL)", g_nl_plate, ["plate", "registration"], foreign=["kenteken"])
K("ppsn", "Irish PPSN", g_ppsn, ["PPSN", "PPS number", "PPS no.", "pps"], typos=["PPS numbr"])
K("ie_passport", "Irish passport", g_ie_passport, ["passport number", "passport no."])
K("ie_dl", "Irish driving licence", g_ie_dl, ["licence number", "driver number", "driving licence no."])
K("ie_plate", "vehicle registration (IE)", g_ie_plate, ["reg", "car reg", "registration"], short=["reg"])
K("nin", "Nigerian NIN", g_nin, ["NIN", "National Identification Number", "NIMC number"], typos=["N.I.N"])
K("bvn", "Nigerian BVN", g_bvn, ["BVN", "bank verification number"])
K("ng_passport", "Nigerian passport", g_ng_passport, ["international passport no", "passport number"])
K("ng_dl", "Nigerian driver's licence", g_ng_dl, ["driver's licence no", "FRSC licence number"])
K("ng_plate", "vehicle registration (NG)", g_ng_plate, ["plate number", "plate no"])
K("ng_tin", "Nigerian TIN (person)", g_ng_tin, ["TIN", "tax ID"])
K("sss", "Philippine SSS", g_sss, ["SSS no.", "SSS number", "SS number"], typos=["SSS numbr"])
K("philsys", "PhilSys PCN", g_philsys, ["PhilSys number", "PCN", "national ID no.", "PhilID number"])
K("philhealth", "PhilHealth ID", g_philhealth, ["PhilHealth ID", "PhilHealth no.", "PIN"])
K("ph_tin", "Philippine TIN", g_ph_tin, ["TIN", "TIN no."])
K("umid", "Philippine UMID CRN", g_umid, ["UMID CRN", "UMID no."])
K("ph_passport", "Philippine passport", g_ph_passport, ["passport no.", "passport number"])
K("ph_dl", "Philippine driver's license", g_ph_dl, ["license no.", "driver's license no."])
K("ph_plate", "vehicle registration (PH)", g_ph_plate, ["plate no.", "plate number"])
K("cpf", "Brazilian CPF", g_cpf, ["CPF", "cpf", "CPF number"], foreign=["nº do CPF", "número do CPF"])
K("rg", "Brazilian RG", g_rg, ["RG", "ID number"], foreign=["identidade", "RG nº"])
K("br_passport", "Brazilian passport", g_br_passport, ["passport number"], foreign=["passaporte nº"])
K("cnh", "Brazilian CNH", g_cnh, ["CNH", "driver's licence number"], foreign=["carteira de motorista", "nº da CNH"])
K("br_plate", "vehicle registration (BR)", g_br_plate, ["plate"], foreign=["placa"])
K("sin", "Canadian SIN", g_sin, ["SIN", "social insurance number", "SIN #"], foreign=["NAS", "numéro d'assurance sociale"])
K("ca_passport", "Canadian passport", g_ca_passport, ["passport number", "passport #"])
K("ca_dl", "Canadian driver's licence", g_ca_dl, ["driver's licence", "DL number", "licence #"])
K("ohip", "Ontario health card", g_ohip, ["OHIP", "health card number", "health card no."])
K("ca_plate", "vehicle registration (CA)", g_ca_plate, ["plate", "licence plate"])
K("tfn", "Australian TFN", g_tfn, ["TFN", "tax file number"], typos=["tax flie number"])
K("medicare", "Australian Medicare", g_medicare, ["Medicare number", "Medicare card no.", "medicare"])
K("crn", "Centrelink CRN", g_crn, ["CRN", "Centrelink CRN", "customer reference number"])
K("au_passport", "Australian passport", g_au_passport, ["passport number", "passport no."])
K("au_dl", "Australian driver licence", g_au_dl, ["licence no", "driver licence number", "licence number"])
K("au_plate", "vehicle registration (AU)", g_au_plate, ["rego", "plate", "rego plate"], short=["rego"])

# accounts, customers, devices
K("bank_acct", "bank account number", g_bank_acct, ["account number", "acc no", "a/c", "a/c no.", "account no.", "acct number", "current account number", "savings account no."],
  short=["acct", "account", "a/c"], typos=["acount number", "acc numbr", "accout no", "acct nummber"],
  foreign=["Kontonummer", "Konto-Nr.", "n° de compte", "numer konta", "nr rachunku", "rekeningnummer", "numero conto", "número de cuenta", "conta nº"], kv=["acct_no", "account", "accNo"])
K("bank_customer", "bank customer / CIF number", g_bank_customer, ["customer number", "customer ID", "CIF", "customer reference", "client number", "CIF no"],
  short=["cust", "customer"], foreign=["Kundennummer", "n° client", "numer klienta", "klantnummer"], typos=["custmer id", "costumer number"], kv=["cif", "customer_id"])
K("banking_user", "online-banking user ID / username", g_banking_user, ["online banking user ID", "user ID", "login ID", "username", "internet banking ID"],
  typos=["user Id for the app", "loggin id"], kv=["user", "login"])
K("card_acct", "credit-card account number", g_card_acct, ["credit card account number", "card account no.", "account number (not the card number)"])
K("customer_no", "customer number (generic)", g_customer_no, ["customer number", "cust no", "cust ref", "customer no.", "customer ID", "client no", "customer reference", "number on the bill", "account ref"],
  short=["cust", "customer", "client"], foreign=["Kundennummer", "Kd.-Nr.", "Kunden-Nr.", "n° client", "numéro client", "numer klienta", "nr klienta", "klantnummer", "klantnr", "número de cliente",
           "codice cliente", "numero cliente", "référence client", "nº cliente", "código do cliente"],
  typos=["custmer number", "cutomer no", "customer numer", "cust nmber"], kv=["customer_id", "custNo", "cust"])
K("contract", "contract number (telco/energy)", g_contract, ["contract number", "contract no."], foreign=["Vertragsnummer", "nr umowy", "n° de contrat", "numero contratto", "contractnummer"])
K("mobile_acct", "mobile account number (BAN)", g_mobile_acct, ["mobile account number", "account number", "billing account number", "BAN", "account no."],
  short=["acct", "account"], foreign=["Kundenkonto", "numéro de compte", "numer konta abonenta", "número de cuenta", "numero account"], typos=["acount no"], kv=["ban"])
K("iccid", "SIM ICCID", g_iccid, ["SIM number", "SIM serial", "ICCID", "SIM card number", "the long number on the SIM"], typos=["sim numbr", "ICCD"], kv=["iccid"])
K("imsi", "IMSI", g_imsi, ["IMSI", "IMSI number"], kv=["imsi"])
K("imei", "IMEI", g_imei, ["IMEI", "IMEI number", "imei", "IMEI no."], typos=["IMIE", "IEMI", "imei numbr"], kv=["imei"])
K("router_serial", "router / device serial number", g_router_serial, ["router serial", "serial number", "S/N", "SN", "hub serial no.", "serial no. of the router"],
  foreign=["Seriennummer", "numéro de série", "numer seryjny", "serienummer", "numero di serie", "número de serie"], typos=["sreial no", "serial numbr"], kv=["serial", "sn"])
K("mac", "MAC address", g_mac, ["MAC address", "MAC", "mac addr", "WAN MAC", "MAC of the box"], kv=["mac"])
K("bb_acct", "broadband / landline account", g_bb_acct, ["broadband account number", "account ref", "landline account number", "account number", "internet account no."],
  short=["acct", "account"], foreign=["Kundennummer", "numéro d'abonné", "numer abonenta"], typos=["acount ref"])
K("service_id", "line / service ID", g_service_id, ["service ID", "line ID", "circuit ID"])
K("viewing_card", "TV viewing card number", g_viewing_card, ["viewing card number", "viewing card no.", "card number on the TV box"])
K("energy_acct", "energy account number", g_energy_acct, ["account number", "energy account no.", "customer account number", "the account number on my bill", "acct"],
  short=["acct", "account"], foreign=["Vertragskontonummer", "numéro de compte client", "nº de contrato", "numer płatnika"], typos=["acount number"], kv=["account_number"])
K("mpan", "MPAN (UK electricity)", g_mpan, ["MPAN", "supply number", "MPAN number", "electricity supply number"], typos=["MPAM"], kv=["mpan"])
K("mprn_uk", "MPRN (UK gas)", g_mprn_uk, ["MPRN", "gas meter point reference", "meter point reference number"])
K("mprn_ie", "MPRN (Ireland)", g_mprn_ie, ["MPRN", "MPRN number", "meter point reference no."])
K("meter_serial", "meter serial number", g_meter_serial, ["meter serial", "meter number", "meter serial number", "electric meter no.", "MSN"],
  foreign=["Zählernummer", "numéro de compteur", "numer licznika", "meternummer"], typos=["meter serail", "meter numbr"])
K("malo", "German Marktlokations-ID", g_malo, ["market location ID"], foreign=["Marktlokations-ID", "MaLo-ID"])
K("pdl", "French PDL/PRM", g_pdl, ["PDL", "PRM", "delivery point number"], foreign=["numéro PDL", "point de livraison"])
K("cups", "Spanish CUPS", g_cups, ["CUPS", "CUPS code"], foreign=["código CUPS"])
K("pod", "Italian POD", g_pod, ["POD", "POD code"], foreign=["codice POD"])
K("nmi", "Australian NMI", g_nmi, ["NMI", "National Meter Identifier"])
K("in_consumer", "Indian electricity consumer no.", g_in_consumer, ["consumer number", "CA number", "service connection number", "K No."])
K("ng_meter", "Nigerian prepaid meter number", g_ng_meter, ["meter number", "prepaid meter no.", "meter no"])
K("water_acct", "water account", g_water_acct, ["water account number", "customer reference", "account no.", "account number"], short=["acct"],
  foreign=["Kundennummer", "référence client", "nr płatnika", "klantnummer", "código do cliente"])
K("shop_customer", "shop customer ID", g_shop_customer, ["customer ID", "customer number", "account ID"], short=["cust"], foreign=["Kundennummer", "numer klienta"])
K("username", "username / login ID", g_username, ["username", "user name", "login", "user", "account name", "username on the app", "login ID"], typos=["usename", "user nmae"], kv=["user", "username"])
K("email_login", "e-mail used as login (type EMAIL)", g_email_login, ["login", "username", "the email I log in with", "account email", "login email"], typ="EMAIL")
K("gamertag", "gamer tag", g_gamertag, ["gamertag", "Xbox gamertag", "PSN ID", "Epic username", "in-game name", "gamer tag"])
K("steam", "Steam ID", g_steam, ["Steam ID", "SteamID64"])
K("loyalty", "loyalty / rewards card", g_loyalty, ["loyalty card number", "rewards number", "membership number", "points card no.", "club card", "loyalty no."],
  short=["member", "loyalty"], foreign=["Kundenkarte Nr.", "carte fidélité n°", "karta lojalnościowa nr", "klantenkaart", "tarjeta de socio nº", "carta fedeltà n."], typos=["loyality card no", "memebr number"])
K("ff", "frequent-flyer number", g_ff, ["frequent flyer number", "FF number", "FF#", "frequent flier no.", "miles number", "Avios membership number", "member number"],
  short=["FF", "member"], typos=["frequent flyier number", "FF numbr"], kv=["ff_no"])
K("travel_profile", "travel booking-holder / profile ID", g_travel_profile, ["customer profile ID", "booking holder ID", "lead passenger ID", "traveller ID"])
K("policy", "insurance policy number", g_policy, ["policy number", "policy no.", "policy no", "Policy #", "cover number"], short=["policy"],
  foreign=["Versicherungsscheinnummer", "numéro de contrat", "numer polisy", "polisnummer", "numero di polizza", "número de póliza", "apólice nº"],
  typos=["polcy number", "policiy no", "pollicy no."], kv=["policy_no"])
K("health_member", "health-insurance member ID", g_health_member, ["member ID", "membership number", "member no."], short=["member"])
K("vin", "vehicle VIN", g_vin, ["VIN", "chassis number", "vehicle identification number"], typos=["VIN numbr"])
K("gym_member", "gym membership number", g_gym_member, ["membership number", "member ID", "member no.", "gym number"], short=["member"],
  foreign=["Mitgliedsnummer", "numéro d'adhérent", "lidnummer", "numer członkowski", "número de socio", "tessera n.", "matrícula de aluno"], typos=["membeship no"])
K("sub_account", "subscription account ID", g_sub_account, ["account ID", "subscriber ID", "customer ID", "subscription ID"], kv=["account_id"])
K("rental_loyalty", "car-rental loyalty number", g_rental_loyalty, ["rewards number", "loyalty number", "Gold member number"], short=["member"])
K("student", "student ID", g_student, ["student ID", "student number", "ISIC number", "matric number"], typos=["studnet ID"])
K("matrikel", "Matrikelnummer", g_matrikel, ["student number"], foreign=["Matrikelnummer", "Matr.-Nr."])
K("employee", "employee ID", g_employee, ["employee ID", "staff number", "emp no", "employee number"], foreign=["Personalnummer"])
K("library", "library card", g_library, ["library card number", "library card", "library barcode"])
K("v5c", "V5C logbook reference", g_v5c, ["V5C document reference number", "logbook reference", "V5C ref"])
K("seller", "marketplace seller ID", g_seller, ["seller ID", "seller account ID", "merchant ID of the seller"])

LABEL_LANG = {
    "Kontonummer": "de", "Konto-Nr.": "de", "n° de compte": "fr", "numer konta": "pl", "nr rachunku": "pl", "rekeningnummer": "nl", "numero conto": "it",
    "número de cuenta": "es", "conta nº": "pt", "Kundennummer": "de", "n° client": "fr", "numer klienta": "pl", "klantnummer": "nl", "Kd.-Nr.": "de",
    "Kunden-Nr.": "de", "numéro client": "fr", "nr klienta": "pl", "klantnr": "nl", "número de cliente": "es", "codice cliente": "it", "numero cliente": "it",
    "référence client": "fr", "nº cliente": "es", "código do cliente": "pt", "Vertragsnummer": "de", "nr umowy": "pl", "n° de contrat": "fr",
    "numero contratto": "it", "contractnummer": "nl", "Seriennummer": "de", "numéro de série": "fr", "numer seryjny": "pl", "serienummer": "nl",
    "numero di serie": "it", "número de serie": "es", "numéro d'abonné": "fr", "numer abonenta": "pl", "Vertragskontonummer": "de",
    "numéro de compte client": "fr", "nº de contrato": "es", "numer płatnika": "pl", "nr płatnika": "pl", "Zählernummer": "de", "numéro de compteur": "fr",
    "numer licznika": "pl", "meternummer": "nl", "Versicherungsscheinnummer": "de", "numéro de contrat": "fr", "numer polisy": "pl", "polisnummer": "nl",
    "numero di polizza": "it", "número de póliza": "es", "apólice nº": "pt", "Kundenkarte Nr.": "de", "carte fidélité n°": "fr",
    "karta lojalnościowa nr": "pl", "klantenkaart": "nl", "tarjeta de socio nº": "es", "carta fedeltà n.": "it", "Mitgliedsnummer": "de",
    "numéro d'adhérent": "fr", "lidnummer": "nl", "numer członkowski": "pl", "número de socio": "es", "tessera n.": "it", "matrícula de aluno": "pt",
    "Kundenkonto": "de", "numéro de compte": "fr", "numer konta abonenta": "pl", "numero account": "it",
}
KIND_LANG = {"steuer_id": "de", "personalausweis": "de", "de_passport": "de", "de_sv": "de", "de_dl": "de", "de_plate": "de", "malo": "de",
             "matrikel": "de", "employee": "de", "fr_nir": "fr", "fr_fiscal": "fr", "fr_passport": "fr", "fr_dl": "fr", "fr_plate": "fr", "pdl": "fr",
             "sin": "fr", "dni": "es", "nie": "es", "es_nss": "es", "es_passport": "es", "es_plate": "es", "cups": "es", "codice_fiscale": "it",
             "it_id": "it", "it_passport": "it", "it_dl": "it", "it_plate": "it", "pod": "it", "pesel": "pl", "pl_idcard": "pl", "pl_passport": "pl",
             "pl_dl": "pl", "pl_plate": "pl", "bsn": "nl", "nl_passport": "nl", "nl_dl": "nl", "nl_plate": "nl", "cpf": "pt", "rg": "pt",
             "br_passport": "pt", "cnh": "pt", "br_plate": "pt"}
COUNTRY_LANG = {"DE": "de", "FR": "fr", "ES": "es", "IT": "it", "PL": "pl", "NL": "nl", "BR": "pt", "CA": "fr"}


def foreign_labels(kind, country, rng, expat=True):
    """labels in the owner's own language; English speakers abroad occasionally use a local one"""
    lang = COUNTRY_LANG.get(country)
    out = [l for l in kind.foreign if LABEL_LANG.get(l, KIND_LANG.get(kind.key)) == lang] if lang else []
    if not out and not lang and kind.foreign and expat and rng.random() < 0.1:
        out = list(kind.foreign)
    return out


NATIONAL = {
    "UK": ["uk_ni", "uk_passport", "uk_dl", "uk_utr"], "US": ["us_ssn", "us_dl", "us_passport", "us_itin"],
    "DE": ["steuer_id", "personalausweis", "de_passport", "de_sv", "de_dl"], "FR": ["fr_nir", "fr_fiscal", "fr_passport", "fr_dl"],
    "IN": ["aadhaar", "pan", "in_passport", "in_dl", "in_voter"], "ES": ["dni", "nie", "es_nss", "es_passport"],
    "IT": ["codice_fiscale", "it_id", "it_passport", "it_dl"], "PL": ["pesel", "pl_idcard", "pl_passport", "pl_dl"],
    "NL": ["bsn", "nl_passport", "nl_dl"], "IE": ["ppsn", "ie_passport", "ie_dl"], "NG": ["nin", "bvn", "ng_passport", "ng_dl", "ng_tin"],
    "PH": ["sss", "philsys", "philhealth", "ph_tin", "umid", "ph_passport", "ph_dl"], "BR": ["cpf", "rg", "br_passport", "cnh"],
    "CA": ["sin", "ca_passport", "ca_dl", "ohip"], "AU": ["tfn", "medicare", "crn", "au_passport", "au_dl"],
}
PASSPORT = {c: next(k for k in v if k.endswith("passport")) for c, v in NATIONAL.items()}
DL = {"UK": "uk_dl", "US": "us_dl", "DE": "de_dl", "FR": "fr_dl", "IN": "in_dl", "ES": "dni", "IT": "it_dl", "PL": "pl_dl", "NL": "nl_dl",
      "IE": "ie_dl", "NG": "ng_dl", "PH": "ph_dl", "BR": "cnh", "CA": "ca_dl", "AU": "au_dl"}
PLATE = {"UK": "uk_plate", "US": "us_plate", "DE": "de_plate", "FR": "fr_plate", "IN": "in_plate", "ES": "es_plate", "IT": "it_plate",
         "PL": "pl_plate", "NL": "nl_plate", "IE": "ie_plate", "NG": "ng_plate", "PH": "ph_plate", "BR": "br_plate", "CA": "ca_plate", "AU": "au_plate"}
TAXID = {"UK": "uk_utr", "US": "us_itin", "DE": "steuer_id", "FR": "fr_fiscal", "IN": "pan", "ES": "dni", "IT": "codice_fiscale", "PL": "pesel",
         "NL": "bsn", "IE": "ppsn", "NG": "ng_tin", "PH": "ph_tin", "BR": "cpf", "CA": "sin", "AU": "tfn"}
KYC = {"UK": ["uk_ni", "uk_passport"], "US": ["us_ssn", "us_dl"], "DE": ["personalausweis", "steuer_id"], "FR": ["fr_passport", "fr_fiscal"],
       "IN": ["pan", "aadhaar"], "ES": ["dni", "nie"], "IT": ["codice_fiscale", "it_id"], "PL": ["pesel", "pl_idcard"], "NL": ["bsn", "nl_passport"],
       "IE": ["ppsn", "ie_passport"], "NG": ["bvn", "nin"], "PH": ["philsys", "sss", "ph_tin"], "BR": ["cpf", "rg"], "CA": ["sin", "ca_dl"],
       "AU": ["tfn", "au_dl", "medicare"]}
METER_IDS = {"UK": ["mpan", "mpan", "mprn_uk"], "IE": ["mprn_ie", "mprn_ie", "meter_serial"], "DE": ["malo", "meter_serial"], "FR": ["pdl", "meter_serial"],
             "ES": ["cups"], "IT": ["pod"], "AU": ["nmi", "meter_serial"], "IN": ["in_consumer", "meter_serial"], "NG": ["ng_meter"],
             "US": ["meter_serial"], "CA": ["meter_serial"], "PL": ["meter_serial"], "NL": ["meter_serial"], "PH": ["meter_serial"], "BR": ["meter_serial"]}

# ---------------------------------------------------------------------------
# how a mention of an identifier is written
# ---------------------------------------------------------------------------

STYLE_WEIGHTS = [("colon", 10), ("space", 7), ("hash", 8), ("is", 10), ("paren", 6), ("value_first", 8), ("quoted", 4), ("dash", 4),
                 ("far", 6), ("bare", 4), ("foreign", 22), ("typo", 12), ("kv", 5), ("nl_break", 4), ("spelled", 3), ("end_period", 4)]

STYLE_TEMPLATES = {
    "colon": ["{L}: {V}", "{L}:{V}", "{L} : {V}", "{L}:  {V}"],
    "space": ["{L} {V}"],
    "hash": ["{S} #{V}", "{S}# {V}", "{S} no. {V}", "{S} nr {V}", "{S} No {V}", "{S}#{V}"],
    "is": ["my {L} is {V}", "the {L} is {V}", "{L} is {V}", "my {L} = {V}", "my {L} should be {V}", "my {L} is {V} btw"],
    "paren": ["({L} {V})", "({L}: {V})", "my {L} ({V})", "[{L} {V}]", "({L} - {V})"],
    "value_first": ["{V} is my {L}", "{V} (that's my {L})", "{V} - {L}", "{V} = {L}", "{V} which is the {L}", "{V} is the {L} you asked for"],
    "quoted": ['{L} "{V}"', "{L} '{V}'", '"{V}" ({L})', '{L} was "{V}"'],
    "dash": ["{L} - {V}", "{L} – {V}", "{L} -> {V}", "{L} >> {V}"],
    "far": ["my {L}, which is under my {R}'s name, is {V}", "the {L} (it's printed at the top of the letter, not the reference underneath) is {V}",
            "regarding the {L} you asked for in your last email - I found the paperwork and it says {V}",
            "as for my {L}, I had to dig out an old bill, but here it is: {V}", "{L}? I think it's {V}",
            "you wanted the {L} - I'm not 100% sure but the one on the welcome letter is {V}",
            "the {L} that your colleague gave me on the phone last week was {V}"],
    "bare": ["{V}", "here: {V}", "it's {V}", "this one - {V}"],
    "inline": ["{V}"],
    "kv": ["{K}={V}", "{K}: {V};", "{K}={V};"],
    "end_period": ["my {L} is {V}.", "{L}: {V}.", "the {L} is {V}."],
}
RELATIVES = ["husband", "wife", "late father", "mum", "partner", "son", "landlord", "ex-husband", "mother-in-law"]

DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def spell_digits(rng, digits):
    out, i = [], 0
    while i < len(digits):
        d = digits[i]
        w = DIGIT_WORDS[int(d)] if not (d == "0" and rng.random() < 0.5) else "oh"
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.7:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


def choose_w(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for k, w in pairs:
        x -= w
        if x <= 0:
            return k
    return pairs[-1][0]


def mention(rng, kind, owner, style=None, value=None):
    """Pieces for one mention of an identifier; the value alone is the span."""
    if value is None:
        val, shape = kind.gen(rng, owner)
    else:
        val, shape = value
    flabs = foreign_labels(kind, owner.country, rng)
    if style is None:
        digits = val.replace(" ", "")

        def ok(st):
            if st == "hash":
                return bool(kind.short)
            if st == "foreign":
                return bool(flabs)
            if st == "typo":
                return bool(kind.typos)
            if st == "kv":
                return bool(kind.kv)
            if st == "spelled":
                return kind.typ == "ID" and digits.isdigit() and len(digits) <= 12
            if st == "nl_break":
                return kind.typ == "ID" and len(val) >= 8
            return True
        style = choose_w(rng, [(st, w) for st, w in STYLE_WEIGHTS if ok(st)])
    # fall back where a style does not fit this kind/value
    if style == "hash" and not kind.short:
        style = "space"
    if style == "foreign" and not flabs:
        style = "colon"
    if style == "typo" and not kind.typos:
        style = "is"
    if style == "kv" and not kind.kv:
        style = "colon"
    if style == "spelled":
        digits = val.replace(" ", "")
        if not digits.isdigit() or len(digits) > 12 or kind.typ != "ID":
            style = "is"
        else:
            val, shape = spell_digits(rng, digits), "spelled out in words"
    if style == "nl_break":
        if kind.typ != "ID" or len(val) < 8:
            style = "colon"
        elif " " in val:
            i = val.index(" ", len(val) // 3) if " " in val[len(val) // 3:] else val.index(" ")
            val = val[:i] + "\n" + val[i + 1:]
        elif "-" in val:
            i = val.index("-")
            val = val[:i + 1] + "\n" + val[i + 1:]
        else:
            h = len(val) // 2
            val = val[:h] + "\n" + val[h:]
    label = rng.choice(kind.labels)
    if style == "foreign":
        label = rng.choice(flabs)
        tpl = rng.choice(["{L}: {V}", "{L} {V}", "{L}:{V}", "my {L} is {V}", "({L} {V})", "{L} - {V}"])
    elif style == "typo":
        label = rng.choice(kind.typos)
        tpl = rng.choice(["{L}: {V}", "my {L} is {V}", "{L} {V}"])
    elif style == "nl_break":
        tpl = rng.choice(["{L}: {V}", "{L} {V}", "my {L} is {V}"])
    elif style == "spelled":
        tpl = rng.choice(["my {L} is {V}", "{L} {V}", "the {L} is um {V}"])
    else:
        tpl = rng.choice(STYLE_TEMPLATES[style])
    pre, post = tpl.split("{V}")

    def fill(s):
        return (s.replace("{L}", label).replace("{S}", rng.choice(kind.short) if kind.short else label)
                .replace("{R}", rng.choice(RELATIVES)).replace("{K}", rng.choice(kind.kv) if kind.kv else label))
    pre, post = fill(pre), fill(post)
    form = (kind.table, shape, style, label if "{L}" in tpl else ("(no label)" if "{S}" not in tpl and "{K}" not in tpl else (pre + post).strip()))
    out = []
    if pre:
        out.append(pre)
    out.append((val, kind.typ, form) if kind.typ == "ID" else (val, kind.typ))
    if post:
        out.append(post)
    return out


def masked(rng, digits_src):
    """a partially masked identifier -- deliberately NOT labelled"""
    s = "".join(ch for ch in digits_src if ch.isalnum())
    last = s[-4:] if len(s) >= 4 else s
    return rng.choice([f"****{last}", f"xxxx xxxx {last}", f"ending {last}", f"ending in {last}", f"...{last}", f"XXXXXX{last}",
                       f"{s[:2]}******{s[-2:]}", f"*** *** {s[-3:]}"])


# ---------------------------------------------------------------------------
# unlabelled look-alikes (transaction / case / product references)
# ---------------------------------------------------------------------------

def la_order(r):
    return r.choice([f"#{rd(r, 3)}-{rd(r, 7)}-{rd(r, 7)}", f"ORD-{rd(r, 6)}", f"{rnz(r, 8)}", f"PO{rd(r, 9)}", f"#{rnz(r, 7)}",
                     f"OD{rd(r, 15)}", f"{ru(r, 2)}-{rd(r, 4)}-{rd(r, 5)}", f"ZA{rd(r, 10)}"])


def la_tracking(r):
    return r.choice([f"1Z{ru(r, 3)}{rd(r, 3)}{rd(r, 10)}", f"{ru(r, 2)}{rd(r, 9)}GB", f"JJD{rd(r, 18)}", f"JD{rd(r, 4)} {rd(r, 4)} {rd(r, 4)} {rd(r, 4)} {rd(r, 2)}",
                     f"9400 {rd(r, 4)} {rd(r, 4)} {rd(r, 4)} {rd(r, 4)} {rd(r, 2)}", f"{rd(r, 14)}", f"LX{rd(r, 9)}{r.choice(['DE', 'NL', 'PL'])}"])


def la_invoice(r):
    return r.choice([f"INV-{r.randint(2023, 2025)}-{rd(r, 5)}", f"RE-{rd(r, 8)}", f"F{rd(r, 7)}", f"{r.randint(2023, 2025)}/{rd(r, 4)}", f"BILL{rd(r, 9)}"])


def la_txn(r):
    hx = "0123456789ABCDEF"
    return r.choice([f"{ru(r, 4, hx)}-{ru(r, 4, hx)}-{ru(r, 4, hx)}", f"txn_{''.join(r.choice(string.ascii_letters + string.digits) for _ in range(16))}",
                     f"FT{rd(r, 2)}{rd(r, 3)}{ru(r, 5)}", f"TRX{rd(r, 12)}", f"{rd(r, 12)}", f"pi_{''.join(r.choice(string.ascii_letters + string.digits) for _ in range(14))}"])


def la_in_utr(r):
    return f"{r.choice(['SBIN', 'HDFC', 'ICIC', 'UTIB'])}{rd(r, 1)}{rd(r, 11)}"


def la_case(r):
    return r.choice([f"CAS-{rd(r, 7)}", f"INC{rd(r, 7)}", f"case {rnz(r, 7)}", f"SR#{rd(r, 1)}-{rd(r, 6)}", f"ticket #{rnz(r, 6)}",
                     f"CMP/{r.randint(2023, 2025)}/{rd(r, 4)}", f"REF-{ru(r, 3)}-{rd(r, 5)}", f"CR{rd(r, 8)}"])


def la_claim(r):
    return r.choice([f"CLM-{rd(r, 7)}", f"{rd(r, 2)}-{rd(r, 6)}", f"CL/{r.randint(2023, 2025)}/{rd(r, 5)}", f"SIN-{rd(r, 8)}"])


def la_err(r):
    return r.choice(["0x800F0922", "E-212", "ERR_CONN_RESET", "651", "0xC004F074", "DNS_PROBE_FINISHED_NXDOMAIN", "F03", "E47", "403",
                     "PPP-691", "SIM-ERR 38", "CODE 1021", "LOS red light", "E2-0041"])


def la_fw(r):
    return r.choice(["7.57", "2.1.34-b12", "17.4.1", "5.02.12", "SGH-8.4.2", "v3.0.21", "1.1.0.4412"])


def la_model(r):
    return r.choice(["SM-S911B", "TG3442DE", "HG8245H", "A2633", "CPH2451", "Hub 4", "F@ST 5657", "DG3450", "EX6120", "M2101K6G"])


def la_ver(r):
    return r.choice(["8.12.0", "24.3.1", "5.117", "3.9.2 (4410)", "12.0.4"])


def la_pnr(r):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


def la_eticket(r):
    return r.choice([f"{r.choice(['125', '220', '053', '057', '081', '589'])}-{rd(r, 10)}", f"{r.choice(['125', '220', '074'])}{rd(r, 10)}"])


def la_flight(r):
    return f"{r.choice(['FR', 'EI', 'LH', 'BA', '6E', 'QF', '5J', 'AC', 'LA', 'KL', 'AF', 'P4', 'IB', 'AZ'])} {r.randint(11, 2999)}"


def la_pac(r):
    return r.choice([f"PAC {ru(r, 3)}{rd(r, 6)}", f"STAC {rd(r, 6)}{ru(r, 3)}", f"porting code {ru(r, 2)}{rd(r, 5)}"])


def la_voucher(r):
    return r.choice(["WELCOME10", f"XMAS-{ru(r, 4)}-{ru(r, 4)}", f"SAVE{r.choice(['15', '20', '25'])}", f"GIFT-{rd(r, 4)}-{rd(r, 4)}"])


def la_rental(r):
    return r.choice([f"RA-{rd(r, 8)}", f"rental agreement {rnz(r, 9)}", f"RES {ru(r, 2)}{rd(r, 7)}"])


def la_app(r):
    return r.choice([f"APP-{r.randint(2023, 2025)}-{rd(r, 6)}", f"{ru(r, 3)}{rd(r, 7)}/{r.randint(23, 25)}", f"application ref {rd(r, 4)}-{rd(r, 4)}-{rd(r, 4)}-{rd(r, 4)}"])


def la_time(r):
    return f"{r.randint(7, 22):02d}:{r.choice(['00', '05', '12', '20', '30', '41', '47', '55'])}"


def la_reading(r):
    return r.choice([f"{rd(r, 5)} kWh", f"{rd(r, 5)}", f"E1 {rd(r, 5)} / E2 {rd(r, 5)}", f"{rd(r, 4)}.{rd(r, 1)} m3"])


def la_sku(r):
    return r.choice([f"SKU {rd(r, 3)}-{rd(r, 4)}-{rd(r, 2)}", f"item {rd(r, 9)}", f"ASIN B0{ru(r, 8, string.ascii_uppercase + string.digits)}", f"art. {rd(r, 6)}"])


def la_vat(r):
    return r.choice([f"GB {rd(r, 3)} {rd(r, 4)} {rd(r, 2)}", f"DE{rd(r, 9)}", f"IT{rd(r, 11)}", f"NL{rd(r, 9)}B01", f"FR{rd(r, 2)}{rd(r, 9)}"])


def la_otp(r):
    return rd(r, 6)


AMT = {"UK": "£{}", "US": "${}", "DE": "{} €", "FR": "{} €", "ES": "{} €", "IT": "€{}", "NL": "€ {}", "IE": "€{}", "IN": "₹{}", "PL": "{} zł",
       "NG": "₦{}", "PH": "PHP {}", "BR": "R$ {}", "CA": "CA${}", "AU": "A${}"}


def amount(r, c):
    if c in ("IN", "NG", "PH"):
        v = f"{r.randint(1, 25)},{r.randint(0, 999):03d}" if r.random() < 0.6 else f"{r.randint(200, 999)}"
    else:
        v = f"{r.randint(3, 950)}.{r.randint(0, 99):02d}"
        if c in ("DE", "FR", "ES", "IT", "PL", "BR", "NL") and r.random() < 0.6:
            v = v.replace(".", ",")
    return AMT[c].format(v)


def card_number(r):
    kind = r.random()
    if kind < 0.45:
        body = "4" + rd(r, 14)
    elif kind < 0.8:
        body = str(r.randint(51, 55)) + rd(r, 13)
    elif kind < 0.92:
        body = r.choice(["34", "37"]) + rd(r, 12)
    else:
        body = "6011" + rd(r, 11)
    v = body + luhn_digit(body)
    if len(v) == 15:
        return r.choice([f"{v[:4]} {v[4:10]} {v[10:]}", v])
    return r.choice([grp(v, [4, 4, 4, 4]), v, grp(v, [4, 4, 4, 4], "-")])


IBAN_SPECS = {
    "GB": lambda r: ru(r, 4) + rd(r, 14), "DE": lambda r: rd(r, 18), "FR": lambda r: rd(r, 23), "ES": lambda r: rd(r, 20),
    "IT": lambda r: ru(r, 1) + rd(r, 22), "NL": lambda r: ru(r, 4) + rd(r, 10), "IE": lambda r: ru(r, 4) + rd(r, 14), "PL": lambda r: rd(r, 24),
}
IBAN_COUNTRY = {"UK": "GB", "DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL", "IE": "IE", "PL": "PL"}


def iban(r, c):
    cc = IBAN_COUNTRY.get(c) or r.choice(["DE", "GB", "NL"])
    v = iban_make(cc, IBAN_SPECS[cc](r))
    return r.choice([v, grp(v, [4] * 8)])


def ip_addr(r):
    if r.random() < 0.2:
        return f"2a02:{r.randint(0x1000, 0xffff):x}:{r.randint(0, 0xffff):x}:{r.randint(0, 0xffff):x}::{r.randint(1, 0xffff):x}"
    if r.random() < 0.2:
        return r.choice(["192.168.1.1", "192.168.0.1", "10.0.0.138", "192.168.178.1"])
    return f"{r.choice([81, 86, 87, 92, 109, 151, 176, 185, 203, 49, 41, 112])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


# ---------------------------------------------------------------------------
# organisations (invented brands carry a domain used in e-mails/URLs)
# ---------------------------------------------------------------------------

ORGS = {
    "bank": [("Harbourline Bank", "harbourline-bank.co.uk", ["UK", "IE"]), ("Kestrel Savings", "kestrelsavings.com", None),
             ("Meridian Direct", "meridian-direct.com", None), ("Bancora", "bancora.es", ["ES", "IT", "BR"]),
             ("Northgate Credit Union", "northgatecu.ca", ["CA", "US"]), ("Vireo Bank", "vireobank.de", ["DE", "NL", "PL", "FR"]),
             ("Monzo", None, ["UK"]), ("HDFC Bank", None, ["IN"]), ("GTBank", None, ["NG"]), ("BDO Unibank", None, ["PH"]), ("Nubank", None, ["BR"]),
             ("Commonwealth Bank", None, ["AU"]), ("ING", None, ["NL", "DE", "PL"]), ("Sparkasse KölnBonn", None, ["DE"]), ("Revolut", None, None),
             ("Access Bank", None, ["NG"]), ("ICICI Bank", None, ["IN"]), ("PKO Bank Polski", None, ["PL"]), ("Desjardins", None, ["CA"])],
    "card": [("Lumen Card Services", "lumencard.com", None), ("Crestmark Credit", "crestmarkcredit.co.uk", ["UK", "IE", "US", "CA"]),
             ("American Express", None, None), ("Capital One", None, ["UK", "US", "CA"]), ("SBI Card", None, ["IN"])],
    "mobile": [("Tidewave Mobile", "tidewave-mobile.com", None), ("Pylon Telecom", "pylontel.net", None), ("Vodafone", None, ["UK", "DE", "IT", "ES", "IE", "NL"]),
               ("Airtel", None, ["IN", "NG"]), ("Globe Telecom", None, ["PH"]), ("MTN", None, ["NG"]), ("Telstra", None, ["AU"]), ("Rogers", None, ["CA"]),
               ("Orange", None, ["FR", "ES", "PL"]), ("Jio", None, ["IN"]), ("Smart Communications", None, ["PH"]), ("Vivo", None, ["BR"]), ("T-Mobile", None, ["US", "PL", "NL"])],
    "broadband": [("Skylark Broadband", "skylark-broadband.co.uk", None), ("Fibrenet Connect", "fibrenet-connect.com", None), ("Virgin Media", None, ["UK"]),
                  ("Deutsche Telekom", None, ["DE"]), ("Eir", None, ["IE"]), ("PLDT", None, ["PH"]), ("ACT Fibernet", None, ["IN"]), ("Bell", None, ["CA"]),
                  ("Ziggo", None, ["NL"]), ("Free", None, ["FR"]), ("Spectrum", None, ["US"]), ("Aussie Broadband", None, ["AU"]), ("Movistar", None, ["ES"])],
    "energy": [("Brightwater Energy", "brightwater-energy.co.uk", None), ("Solent Power", "solentpower.co.uk", ["UK", "IE"]), ("Voltara", "voltara.eu", None),
               ("Octopus Energy", None, ["UK"]), ("E.ON", None, ["UK", "DE"]), ("Electric Ireland", None, ["IE"]), ("EDF", None, ["FR", "UK"]),
               ("Iberdrola", None, ["ES"]), ("Enel Energia", None, ["IT"]), ("AGL", None, ["AU"]), ("Tata Power", None, ["IN"]), ("Eko Electricity Distribution Company", None, ["NG"]),
               ("Meralco", None, ["PH"]), ("Enel Distribuição", None, ["BR"]), ("Hydro One", None, ["CA"]), ("Vattenfall", None, ["NL", "DE"]), ("Tauron", None, ["PL"])],
    "water": [("Severn Vale Water", "severnvale-water.co.uk", ["UK"]), ("Uisce Éireann", None, ["IE"]), ("Clearbrook Water", "clearbrookwater.com", None),
              ("Sydney Water", None, ["AU"]), ("Sabesp", None, ["BR"])],
    "shop": [("Parcelbox", "parcelbox.shop", None), ("Hollin & Co", "hollinandco.co.uk", ["UK", "IE"]), ("Kaufnest", "kaufnest.de", ["DE", "NL", "PL"]),
             ("Zalando", None, ["DE", "NL", "PL", "FR", "IT", "ES"]), ("Flipkart", None, ["IN"]), ("Jumia", None, ["NG"]), ("Shopee", None, ["PH", "BR"]),
             ("Argos", None, ["UK"]), ("Decathlon", None, None), ("IKEA", None, None), ("Best Buy", None, ["US", "CA"]), ("JB Hi-Fi", None, ["AU"]), ("Myntra", None, ["IN"])],
    "marketplace": [("Tradeloft", "tradeloft.com", None), ("Amazon", None, None), ("eBay", None, None), ("Allegro", None, ["PL"]), ("Bol.com", None, ["NL"]),
                    ("Mercado Livre", None, ["BR"]), ("Lazada", None, ["PH"]), ("Etsy", None, None), ("Vinted", None, ["FR", "ES", "IT", "PL", "NL", "DE", "UK", "IE"])],
    "airline": [("SkyBridge Airways", "skybridge-airways.com", None), ("Bluehorn Air", "bluehornair.com", None), ("Ryanair", None, ["UK", "IE", "ES", "IT", "PL", "DE"]),
                ("Aer Lingus", None, ["IE", "UK", "US"]), ("Lufthansa", None, ["DE"]), ("Qantas", None, ["AU"]), ("Cebu Pacific", None, ["PH"]), ("LATAM", None, ["BR"]),
                ("IndiGo", None, ["IN"]), ("KLM", None, ["NL"]), ("Air Peace", None, ["NG"]), ("Air Canada", None, ["CA"]), ("Air France", None, ["FR"]),
                ("Wizz Air", None, ["PL", "UK", "IT"]), ("United Airlines", None, ["US"]), ("ITA Airways", None, ["IT"]), ("Iberia", None, ["ES"])],
    "travel": [("Wanderly Holidays", "wanderly-holidays.com", None), ("Globetrail Travel", "globetrail.travel", None), ("MakeMyTrip", None, ["IN"]),
               ("lastminute.com", None, ["UK", "IT", "ES"]), ("TUI", None, ["UK", "DE", "NL"]), ("Expedia", None, ["US", "CA", "AU"]), ("Booking.com", None, None)],
    "insurer": [("Anchorpoint Insurance", "anchorpoint-insurance.com", None), ("Covenant Mutual", "covenantmutual.ie", None), ("Aviva", None, ["UK", "IE", "CA"]),
                ("Allianz", None, ["DE", "IT", "FR", "AU"]), ("AXA", None, ["FR", "UK", "IE", "ES"]), ("Generali", None, ["IT"]), ("PZU", None, ["PL"]),
                ("Star Health", None, ["IN"]), ("Leadway Assurance", None, ["NG"]), ("Pru Life UK", None, ["PH"]), ("Porto Seguro", None, ["BR"]),
                ("Bupa", None, ["AU", "UK"]), ("Centraal Beheer", None, ["NL"]), ("Mapfre", None, ["ES"]), ("State Farm", None, ["US"])],
    "gym": [("IronHouse Gym", "ironhousegym.com", None), ("PulseFit", "pulsefit.club", None), ("PureGym", None, ["UK"]), ("Basic-Fit", None, ["NL", "FR", "ES"]),
            ("Anytime Fitness", None, ["AU", "US", "IN", "PH"]), ("McFit", None, ["DE", "PL", "IT"]), ("Smart Fit", None, ["BR"]), ("GoodLife Fitness", None, ["CA"])],
    "subscription": [("Streamora", "streamora.tv", None), ("BoxFresh Meals", "boxfreshmeals.com", None), ("Netflix", None, None), ("Spotify", None, None),
                     ("Audible", None, None), ("Xbox Game Pass", None, None), ("PlayStation Plus", None, None), ("Disney+", None, None), ("Crunchyroll", None, None)],
    "car_rental": [("Roadway Rentals", "roadway-rentals.com", None), ("Sixt", None, ["DE", "UK", "ES", "IT", "FR", "NL", "US"]), ("Europcar", None, ["FR", "UK", "IE", "AU"]),
                   ("Hertz", None, ["US", "CA", "UK", "AU"]), ("Enterprise", None, None), ("Zoomcar", None, ["IN"]), ("Localiza", None, ["BR"])],
}
GOV_ORGS = {
    "UK": ["HMRC", "DVLA", "HM Passport Office", "Leeds City Council", "TV Licensing", "Student Loans Company", "DWP"],
    "US": ["IRS", "Social Security Administration", "California DMV", "USCIS", "Ohio BMV"],
    "DE": ["Finanzamt Köln-Mitte", "Bürgeramt Pankow", "Deutsche Rentenversicherung", "Bundeszentralamt für Steuern", "Kfz-Zulassungsstelle Leipzig"],
    "FR": ["CAF", "Assurance Maladie", "ANTS", "Service des Impôts des Particuliers", "France Travail"],
    "IN": ["UIDAI", "Income Tax Department", "Passport Seva Kendra", "EPFO", "RTO Pune"],
    "ES": ["Agencia Tributaria", "Seguridad Social", "DGT", "Ayuntamiento de Zaragoza"],
    "IT": ["Agenzia delle Entrate", "INPS", "Comune di Bologna", "Motorizzazione Civile"],
    "PL": ["ZUS", "Urząd Skarbowy w Krakowie", "Urząd Miasta Poznania", "CEPiK"],
    "NL": ["Belastingdienst", "DUO", "Gemeente Utrecht", "RDW", "SVB"],
    "IE": ["Revenue", "Department of Social Protection", "NDLS", "Passport Office"],
    "NG": ["NIMC", "FIRS", "FRSC", "Nigeria Immigration Service", "Lagos State Internal Revenue Service"],
    "PH": ["SSS", "PhilHealth", "BIR", "LTO", "DFA", "Pag-IBIG Fund"],
    "BR": ["Receita Federal", "INSS", "Detran-SP", "Polícia Federal"],
    "CA": ["CRA", "Service Canada", "ServiceOntario", "IRCC"],
    "AU": ["ATO", "Services Australia", "Service NSW", "VicRoads", "myGov"],
}
MERCHANTS = {
    "UK": ["Tesco", "Deliveroo", "Boots", "Greggs", "Trainline"], "US": ["Walmart", "DoorDash", "Target", "Uber", "Costco"],
    "DE": ["Lidl", "MediaMarkt", "Rossmann", "Deutsche Bahn", "Lieferando"], "FR": ["Carrefour", "Fnac", "SNCF", "Leroy Merlin"],
    "IN": ["Swiggy", "Zomato", "BigBasket", "Paytm Mall"], "ES": ["Mercadona", "El Corte Inglés", "Glovo", "Renfe"],
    "IT": ["Esselunga", "Trenitalia", "Unieuro", "Just Eat"], "PL": ["Biedronka", "Żabka", "InPost", "Empik"],
    "NL": ["Albert Heijn", "NS", "Coolblue", "Thuisbezorgd"], "IE": ["Dunnes Stores", "Penneys", "Irish Rail", "Supermac's"],
    "NG": ["Shoprite", "Chicken Republic", "Bolt", "Konga"], "PH": ["Jollibee", "SM Supermalls", "Grab", "Mercury Drug"],
    "BR": ["iFood", "Magazine Luiza", "Pão de Açúcar", "99"], "CA": ["Tim Hortons", "Loblaws", "Canadian Tire", "SkipTheDishes"],
    "AU": ["Woolworths", "Bunnings", "Coles", "Menulog"],
}

SECTORS = {
    # weight, primary identifier tokens, secondary tokens
    "bank": (12, ["bank_acct", "bank_customer", "banking_user", "bank_acct"], ["kyc", "email_login", "kyc"]),
    "card": (5, ["card_acct", "bank_customer"], ["kyc", "loyalty"]),
    "mobile": (10, ["mobile_acct", "customer_no", "contract", "imei"], ["imei", "iccid", "imsi", "imei", "kyc", "email_login", "kyc"]),
    "broadband": (9, ["bb_acct", "customer_no", "contract"], ["router_serial", "mac", "service_id", "viewing_card", "username"]),
    "energy": (11, ["energy_acct", "customer_no", "energy_acct", "meter"], ["meter", "meter", "contract", "meter_serial", "kyc"]),
    "water": (3, ["water_acct", "customer_no"], ["meter_serial", "council_tax"]),
    "shop": (8, ["shop_customer", "username", "email_login", "loyalty"], ["student", "employee", "loyalty"]),
    "marketplace": (5, ["username", "shop_customer", "email_login"], ["seller", "loyalty", "username"]),
    "airline": (8, ["ff", "travel_profile"], ["passport", "ktn", "redress", "national", "passport"]),
    "travel": (4, ["travel_profile", "customer_no", "ff"], ["passport", "student", "passport"]),
    "insurer": (8, ["policy", "customer_no", "health_member", "policy"], ["plate", "vin", "dl", "kyc", "v5c"]),
    "gym": (4, ["gym_member", "customer_no"], ["employee", "student", "username"]),
    "subscription": (6, ["sub_account", "username", "email_login"], ["gamertag", "steam", "library", "loyalty", "username"]),
    "car_rental": (5, ["rental_loyalty", "customer_no"], ["dl", "plate", "passport", "plate"]),
    "government": (12, ["national", "national"], ["national", "plate", "dl", "passport", "council_tax", "gov_gateway", "tv_licence", "v5c", "matrikel"]),
}


ACCOUNTISH = {"bank_acct", "bank_customer", "card_acct", "customer_no", "contract", "mobile_acct", "bb_acct", "energy_acct", "water_acct",
              "mpan", "mprn_uk", "mprn_ie", "malo", "pdl", "cups", "pod", "nmi", "in_consumer", "policy", "council_tax", "tv_licence"}


COUNTRY_WEIGHTS = {"UK": 1.5, "US": 1.2, "IN": 1.2}
SECTOR_COUNTRY_BIAS = {"energy": {"UK": 9, "IE": 3.5}, "water": {"UK": 3, "IE": 2}}


def resolve(r, token, c):
    """map an abstract identifier token to a concrete Kind for country c"""
    if token == "kyc":
        return KINDS[r.choice(KYC[c])]
    if token == "national":
        return KINDS[r.choice(NATIONAL[c])]
    if token == "passport":
        return KINDS[PASSPORT[c]]
    if token == "dl":
        return KINDS[DL[c]]
    if token == "plate":
        return KINDS[PLATE[c]]
    if token == "taxid":
        return KINDS[TAXID[c]]
    if token == "meter":
        return KINDS[r.choice(METER_IDS[c])]
    if token in ("ktn", "redress") and c != "US":
        return KINDS[r.choice(NATIONAL[c])]
    if token in ("council_tax", "gov_gateway", "tv_licence", "v5c") and c != "UK":
        return KINDS[r.choice(NATIONAL[c])]
    if token == "viewing_card" and c not in ("UK", "IE"):
        return KINDS["router_serial"]
    if token == "matrikel" and c != "DE":
        return KINDS["student"]
    if token in ("mpan", "mprn_uk") and c != "UK":
        return KINDS[r.choice(METER_IDS[c])]
    return KINDS[token]


class Ctx:
    def __init__(self, r, fakers, country, sector):
        self.r, self.fakers, self.c, self.sector = r, fakers, country, sector
        self.cust = make_person(r, fakers, country)
        ac = r.choice([country, country, "PH", "IN"]) if sector not in ("government",) else country
        self.agent = make_person(r, fakers, ac)
        if sector == "government":
            self.org = (r.choice(GOV_ORGS[country]), None)
        else:
            pool = [o for o in ORGS[sector] if o[2] is None or country in o[2]]
            o = r.choice(pool)
            self.org = (o[0], o[1])
        self.used = []

    # identifiers ---------------------------------------------------------
    def kind(self, token):
        for _ in range(6):
            if token in ("primary", "secondary"):
                w, prim, sec = SECTORS[self.sector]
                t = self.r.choice(prim if token == "primary" else sec)
            else:
                t = token
            k = resolve(self.r, t, self.c)
            if k.key not in self.used:
                break
        self.used.append(k.key)
        return k

    def m(self, token, style=None, owner=None):
        return mention(self.r, self.kind(token), owner or self.cust, style)

    def val(self, token, owner=None):
        k = self.kind(token)
        v, shape = k.gen(self.r, owner or self.cust)
        return k, v, shape

    def idpiece(self, k, v, shape, style, label="(no label)"):
        return (v, k.typ, (k.table, shape, style, label)) if k.typ == "ID" else (v, k.typ)

    # other personal data ---------------------------------------------------
    def P(self, form=None, casual=False, who=None):
        return name_pieces(self.r, who or self.cust, form, casual)

    def date(self, style=None, ymd=None):
        return (fmt_date(self.r, ymd or rand_recent(self.r), self.c, style), "DATE")

    def dob(self, style=None):
        return (fmt_date(self.r, self.cust.dob, self.c, style or self.r.choice(["num", "num", "dots", "long", "iso"])), "DATE")

    def orgp(self):
        return (self.org[0], "ORGANIZATION")

    def merchant(self):
        return (self.r.choice(MERCHANTS[self.c]), "ORGANIZATION")

    def amt(self):
        return amount(self.r, self.c)

    def support_email(self):
        if self.org[1]:
            return f"{self.r.choice(['help', 'support', 'care', 'complaints', 'customer.service'])}@{self.org[1]}"
        return None

    def help_url(self):
        if self.org[1]:
            return self.r.choice([f"https://www.{self.org[1]}/help/{self.r.choice(['contact', 'complaints', 'refunds', 'faq/accounts'])}",
                                  f"www.{self.org[1]}/support", f"https://{self.org[1]}/my-account?tab=billing"])
        return None

    def photo_url(self):
        return self.r.choice([f"https://imgur.com/a/{''.join(self.r.choice(string.ascii_letters) for _ in range(6))}",
                              f"https://bit.ly/{''.join(self.r.choice(string.ascii_letters + string.digits) for _ in range(7))}",
                              f"https://drive.google.com/file/d/{''.join(self.r.choice(string.ascii_letters + string.digits) for _ in range(18))}/view"])


# ---------------------------------------------------------------------------
# what customers write about, per sector (customer voice; pieces)
# ---------------------------------------------------------------------------

def employer(x):
    return (x.fakers[COUNTRIES[x.c][0]].company(), "ORGANIZATION")


def la_sort(r, c):
    if c == "IN":
        return f"IFSC {r.choice(['HDFC', 'ICIC', 'SBIN'])}0{rd(r, 6)}"
    if c in ("US",):
        return f"routing {rd(r, 9)}"
    if c == "CA":
        return f"transit {rd(r, 5)}"
    if c == "AU":
        return f"BSB {rd(r, 3)}-{rd(r, 3)}"
    if c in ("UK", "IE"):
        return f"sort code {rd(r, 2)}-{rd(r, 2)}-{rd(r, 2)}"
    return f"BIC {r.choice(['DEUTDEFF', 'INGBNL2A', 'BNPAFRPP', 'CAIXESBB', 'UNCRITMM', 'BPKOPLPW', 'AIBKIE2D'])}"


def iss_bank(x):
    r = x.r
    o = [
        lambda: ["there is a payment of ", x.amt(), " to ", x.merchant(), " on ", x.date(), " that I did not make (transaction ID ", la_txn(r),
                 "). My card ", masked(r, rd(r, 16)), " is still in my wallet, so please block it."],
        lambda: ["I sent ", x.amt(), " on ", x.date(), " to the wrong IBAN ", (iban(r, x.c), "IBAN"), " (payment ref ", la_txn(r), "). Can it be recalled?"],
        lambda: ["the cash machine swallowed my card ", (card_number(r), "CREDIT_CARD"), " yesterday at about ", la_time(r), ". Please cancel it and send the new one to ",
                 (x.cust.address, "ADDRESS"), "."],
        lambda: ["the app shows error ", la_err(r), " every time I log in (version ", la_ver(r), "). ", *x.m("banking_user", "is"), " if that helps."],
        lambda: ["for the KYC update you asked for: ", *x.m("kyc"), " and ", *x.m("kyc"), "."],
        lambda: ["my salary from ", employer(x), " was paid into my old account on ", x.date(), " and bounced. The old ", la_sort(r, x.c), ", ",
                 *x.m("bank_acct", r.choice(["colon", "space", "paren"])), "."],
        lambda: ["I want to close my savings and move the ", x.amt(), " to my account with ", (r.choice(["Revolut", "Wise", "N26", "Chime", "Maya"]), "ORGANIZATION"), ", IBAN ",
                 (iban(r, x.c), "IBAN"), "."],
    ]
    if x.c == "IN":
        o += [lambda: ["NEFT of ", x.amt(), " on ", x.date(), " failed but the money was debited. Bank UTR no. ", la_in_utr(r), " (it's the transfer reference). ",
                       *x.m("bank_acct"), "."]]
        o.append(lambda: ["NEFT of ", x.amt(), " on ", x.date(), " failed but the money was debited. Bank UTR ", la_in_utr(r), " (this is the transfer reference). ",
                          *x.m("kyc", "colon"), "."])
    if x.c == "NG":
        o.append(lambda: ["I did a transfer of ", x.amt(), " via USSD on ", x.date(), ", session ID ", rd(r, 30)[:24], ", it was debited but not received. ",
                          *x.m("kyc"), "."])
    return r.choice(o)()


def iss_card(x):
    r = x.r
    o = [
        lambda: ["my statement dated ", x.date(), " shows interest of ", x.amt(), " although I paid in full. The card is ", masked(r, rd(r, 16)), ", ",
                 *x.m("card_acct", "paren"), "."],
        lambda: ["my new card ", (card_number(r), "CREDIT_CARD"), " was declined at ", x.merchant(), " with code ", la_err(r), "."],
        lambda: ["please raise a chargeback for ", x.amt(), " at ", x.merchant(), " on ", x.date(), " (auth code ", rd(r, 6), ")."],
        lambda: ["the number on the back of my card is not the card number, it's ", *x.m("loyalty", "inline"), " - that's the rewards one the points should go to."],
    ]
    return r.choice(o)()


def iss_mobile(x):
    r = x.r
    o = [
        lambda: ["my phone was stolen on ", x.date(), " in ", (r.choice(CITIES[x.c]), "CITY"), ", please block it. ", *x.m("imei"), ". The SIM was ", *x.m("iccid", "inline"), "."],
        lambda: ["I was charged ", x.amt(), " for roaming in ", (r.choice(["Spain", "Turkey", "the USA", "Dubai", "Thailand", "Morocco"]), "COUNTRY"),
                 " even though I bought the travel add-on (order ", la_order(r), ")."],
        lambda: ["I asked for my ", la_pac(r).split(" ")[0], " on ", x.date(), " and it never came. The number I want to port is ", (x.cust.phone, "PHONE"), "."],
        lambda: ["my bill (invoice ", la_invoice(r), ") is ", x.amt(), " instead of the ", x.amt(), " in my contract."],
        lambda: ["the ", la_model(r), " I ordered (order ", la_order(r), ") will not activate, error ", la_err(r), ". ", *x.m("imei"), "."],
        lambda: ["somebody did a SIM swap on ", (x.cust.phone, "PHONE"), " on ", x.date(), " - the new SIM ", *x.m("iccid", "inline"), " is NOT mine, mine is ", *x.m("iccid", "inline"), "."],
        lambda: ["the network engineer asked for the ", *x.m("imsi", "space"), " shown in the SIM settings. The PUK on the card holder is ", rd(r, 8), ", the SIM still says 'no service'."],
    ]
    return r.choice(o)()


def iss_broadband(x):
    r = x.r
    o = [
        lambda: ["the internet drops every evening. Router ", la_model(r), ", firmware ", la_fw(r), ", ", *x.m("router_serial"), ", error ", la_err(r), "."],
        lambda: ["my public IP ", (ip_addr(r), "IP_ADDRESS"), " seems to be blacklisted, I can't send mail. ", *x.m("mac"), "."],
        lambda: ["the engineer did not turn up on ", x.date(), " between 8 and 12 (appointment ref ", la_case(r), ")."],
        lambda: ["the TV box says no signal since ", x.date(), ". ", *x.m("viewing_card"), "."],
        lambda: ["we are moving to ", (x.cust.address, "ADDRESS"), " on ", x.date(), ", please move the line. ", *x.m("service_id", "colon"), "."],
        lambda: ["the new hub has ", *x.m("mac", "value_first"), " and the old one was ", *x.m("router_serial", "space"), ", LAN is ", (ip_addr(r), "IP_ADDRESS"), "."],
    ]
    return r.choice(o)()


def iss_energy(x):
    r = x.r
    o = [
        lambda: ["my reading today is ", la_reading(r), " but you estimated ", la_reading(r), " and billed ", x.amt(), ". ", *x.m("meter"), "."],
        lambda: ["the smart meter installed on ", x.date(), " stopped sending readings. ", *x.m("meter"), ", ", *x.m("meter_serial", "colon"), "."],
        lambda: ["I moved out of ", (x.cust.address, "ADDRESS"), " on ", x.date(), ", final reading ", la_reading(r), "."],
        lambda: ["my direct debit went up from ", x.amt(), " to ", x.amt(), " without notice (letter ref ", la_case(r), ")."],
        lambda: ["I bought a token of ", x.amt(), " on ", x.date(), " but the token ", grp(rd(r, 20), [4] * 5, "-"), " was rejected. ", *x.m("meter", "is"), "."],
        lambda: ["you have the wrong meter on my account: you list ", *x.m("meter_serial", "space"), " but the one in my cupboard is ", *x.m("meter_serial", "inline"), "."],
    ]
    return r.choice(o)()


def iss_water(x):
    r = x.r
    o = [
        lambda: ["there's a leak on the pavement outside ", (x.cust.address, "ADDRESS"), " since ", x.date(), "."],
        lambda: ["my bill jumped to ", x.amt(), " for the quarter, meter reading ", la_reading(r), ". ", *x.m("meter_serial"), "."],
        lambda: ["I'm on a low income and want the social tariff. ", *x.m("water_acct", "far"), "."],
    ]
    return r.choice(o)()


def iss_shop(x):
    r = x.r
    o = [
        lambda: ["order ", la_order(r), " was marked delivered on ", x.date(), " but it never came. Tracking ", la_tracking(r), "."],
        lambda: ["I returned ", la_sku(r), " on ", x.date(), " and still have no refund of ", x.amt(), "."],
        lambda: ["my account was locked after a password reset. ", *x.m(r.choice(["email_login", "username"])), "."],
        lambda: ["points are missing from my ", *x.m("loyalty", "space"), " after shopping on ", x.date(), " (receipt ", la_invoice(r), ")."],
        lambda: ["the student discount was rejected at checkout, ", *x.m("student"), ", code ", la_voucher(r), "."],
        lambda: ["my staff discount did not apply, ", *x.m("employee"), " (", employer(x), " corporate scheme)."],
        lambda: ["the number on the back of my loyalty card is not the card number, it's ", *x.m("loyalty", "inline"), ", please merge it with my online account."],
    ]
    return r.choice(o)()


def iss_marketplace(x):
    r = x.r
    o = [
        lambda: ["the seller ", *x.m("seller", "paren"), " never sent the item (order ", la_order(r), ") and now ignores me."],
        lambda: ["someone used my account ", *x.m("username", "inline"), " to buy stuff I never ordered, order ", la_order(r), " for ", x.amt(), "."],
        lambda: ["the buyer says the parcel was empty but the tracking ", la_tracking(r), " shows the right weight. My seller account is ", *x.m("username", "inline"), "."],
    ]
    return r.choice(o)()


def iss_airline(x):
    r = x.r
    o = [
        lambda: ["flight ", la_flight(r), " on ", x.date(), " was cancelled. Booking ref ", la_pnr(r), ", e-ticket ", la_eticket(r), ". I want the compensation."],
        lambda: ["the miles for ", la_flight(r), " (", x.date(), ") were never credited. ", *x.m("ff"), "."],
        lambda: ["I need to update the passport details on booking ", la_pnr(r), ": ", *x.m("passport"), ", expiry ", x.date(ymd=(r.randint(2026, 2034), r.randint(1, 12), r.randint(1, 28))), "."],
        lambda: ["my bag (tag ", f"{r.choice(['EI', 'LH', 'FR', 'BA'])}{rd(r, 6)}", ") never arrived on ", la_flight(r), ". ", *x.m("ff", "paren"), "."],
        lambda: ["my ", *x.m("ktn", "space"), " is not showing on the boarding pass for ", la_pnr(r), "."],
    ]
    return r.choice(o)()


def iss_travel(x):
    r = x.r
    o = [
        lambda: ["the hotel in ", (r.choice(["Lisbon", "Tenerife", "Bali", "Cancún", "Dubrovnik", "Phuket"]), "CITY"), " was overbooked (confirmation ", rnz(r, 10), ", booking ref ",
                 la_pnr(r), ") and we had to pay ", x.amt(), " for another room."],
        lambda: ["the name on the booking is misspelt, it must match passport ", *x.m("passport", "inline"), " exactly."],
        lambda: ["you charged my card ", masked(r, rd(r, 16)), " twice for booking ", la_pnr(r), " on ", x.date(), "."],
    ]
    return r.choice(o)()


def iss_insurer(x):
    r = x.r
    o = [
        lambda: ["someone hit my parked car (", *x.m("plate", "space"), ") on ", x.date(), ". Claim ", la_claim(r), " is still open."],
        lambda: ["my renewal went up from ", x.amt(), " to ", x.amt(), " with no claims. ", *x.m("policy"), "."],
        lambda: ["the new car's VIN is ", *x.m("vin", "inline"), " and the reg is ", *x.m("plate", "inline"), ", please update the policy."],
        lambda: ["the claim ", la_claim(r), " for physio (", x.amt(), ") was rejected. ", *x.m("health_member"), "."],
        lambda: ["please add my daughter ", (make_person(r, x.fakers, x.c).first, "PERSON"), " as a named driver, ", *x.m("dl"), "."],
    ]
    return r.choice(o)()


def iss_gym(x):
    r = x.r
    o = [
        lambda: ["I cancelled on ", x.date(), " but you still took ", x.amt(), " on ", x.date(), "."],
        lambda: ["I froze my membership for surgery and you still charged me. ", *x.m("gym_member"), "."],
        lambda: ["my company rate is not applied, ", *x.m("employee"), " at ", employer(x), "."],
        lambda: ["the number on the back of my key fob is just the batch number (", f"{rd(r, 2)}-{rd(r, 4)}", "), not my member number. The member number is ",
                 *x.m("gym_member", "inline"), "."],
    ]
    return r.choice(o)()


def iss_subscription(x):
    r = x.r
    o = [
        lambda: ["I was charged twice (", x.amt(), " each) on ", x.date(), ", transaction ", la_txn(r), "."],
        lambda: ["my account got hacked and they changed the email. ", *x.m("gamertag"), ", ", *x.m("steam", "colon"), "."],
        lambda: ["I want to cancel before the renewal on ", x.date(), ". ", *x.m("sub_account"), "."],
        lambda: ["the free access via my library stopped working, ", *x.m("library"), "."],
        lambda: ["the box for ", x.date(), " never came (order ", la_order(r), "), code ", la_voucher(r), " didn't work either."],
    ]
    return r.choice(o)()


def iss_car_rental(x):
    r = x.r
    o = [
        lambda: ["you charged ", x.amt(), " for a scratch on ", *x.m("plate", "inline"), " (", la_rental(r), "), photos at pick-up: ", (x.photo_url(), "URL"), "."],
        lambda: ["the deposit on card ", masked(r, rd(r, 16)), " has not been released since ", x.date(), "."],
        lambda: ["the desk refused my licence ", *x.m("dl", "inline"), " although it is valid until ", x.date(ymd=(r.randint(2026, 2033), r.randint(1, 12), r.randint(1, 28))), "."],
    ]
    return r.choice(o)()


def iss_government(x):
    r = x.r
    o = [
        lambda: ["I still have not received my tax refund for ", str(r.randint(2021, 2024)), ". ", *x.m("taxid"), "."],
        lambda: ["I moved to ", (x.cust.address, "ADDRESS"), " on ", x.date(), " and need to update my records. ", *x.m("national"), "."],
        lambda: ["my application ", la_app(r), " was submitted on ", x.date(), ". Old passport: ", *x.m("passport", "inline"), "."],
        lambda: ["my payment has been missing since ", x.date(), ". ", *x.m("national"), ", ", *x.m("national", "paren"), "."],
        lambda: ["I sold my car ", *x.m("plate", "inline"), " on ", x.date(), " to ", (make_person(r, x.fakers, x.c).full, "PERSON"), ", ", *x.m("v5c"), "."],
        lambda: ["the renewal letter has my name wrong. ", *x.m("dl"), ", application ", la_app(r), "."],
        lambda: ["I got a parking fine (PCN ", f"{ru(r, 2)}{rd(r, 8)}", ") for ", *x.m("plate", r.choice(["space", "paren", "colon"])), " on ", x.date(),
                 " but I was abroad, my passport stamps prove it: ", *x.m("passport", "inline"), "."],
    ]
    return r.choice(o)()


ISSUES = {"bank": iss_bank, "card": iss_card, "mobile": iss_mobile, "broadband": iss_broadband, "energy": iss_energy, "water": iss_water,
          "shop": iss_shop, "marketplace": iss_marketplace, "airline": iss_airline, "travel": iss_travel, "insurer": iss_insurer, "gym": iss_gym,
          "subscription": iss_subscription, "car_rental": iss_car_rental, "government": iss_government}

TOPICS = {"bank": ["Unrecognised payment", "Card problem", "Change of address", "Login issue"], "card": ["Statement query", "Chargeback"],
          "mobile": ["Bill query", "Lost/stolen phone", "Leaving us", "SIM problem"], "broadband": ["Fault", "Moving home", "TV"],
          "energy": ["Meter reading", "Billing", "Moving home"], "water": ["Billing", "Report a leak"], "shop": ["Where is my order", "Refund", "Account"],
          "marketplace": ["Problem with a seller", "Account security"], "airline": ["Compensation", "Loyalty", "Booking change"],
          "travel": ["Complaint", "Booking amendment"], "insurer": ["Claims", "Renewal", "Policy change"], "gym": ["Cancellation", "Billing"],
          "subscription": ["Billing", "Account security", "Cancel"], "car_rental": ["Damage charge", "Deposit"], "government": ["General enquiry", "Update my details", "Payments"]}


# ---------------------------------------------------------------------------
# document kinds
# ---------------------------------------------------------------------------

def cap_first(pieces):
    if pieces and isinstance(pieces[0], str) and pieces[0]:
        return [pieces[0][0].upper() + pieces[0][1:]] + list(pieces[1:])
    return list(pieces)


def label_for_field(r, k, country=None):
    fl = foreign_labels(k, country, r, expat=False) if country else []
    if fl and r.random() < 0.4:
        lab = r.choice(fl)
    else:
        lab = r.choice(k.labels)
    return lab[0].upper() + lab[1:]


def field(x, d, token, style="form field", sep=": ", end="\n"):
    k = x.kind(token)
    v, shape = k.gen(x.r, x.cust)
    lab = label_for_field(x.r, k, x.c)
    d.t(lab + sep)
    d.e(*x.idpiece(k, v, shape, style, lab))
    d.t(end)
    return k, v


def issue(x, after=""):
    """the sector's issue; capitalised unless it continues the sentence in `after`"""
    p = ISSUES[x.sector](x)
    if after.endswith(("because ", ", ", ": ")) and p and isinstance(p[0], str):
        return p
    return cap_first(p)


SIGNOFF = {"DE": ["Mit freundlichen Grüßen\n", "Viele Grüße\n"], "FR": ["Cordialement,\n", "Bien à vous,\n"], "ES": ["Saludos,\n", "Un saludo\n"],
           "IT": ["Cordiali saluti,\n", "Grazie,\n"], "PL": ["Pozdrawiam\n", "Z poważaniem,\n"], "NL": ["Met vriendelijke groet,\n", "Groetjes\n"],
           "BR": ["Atenciosamente,\n", "Abs,\n"], "IN": ["Thanks & Regards,\n", "Regards,\n"], "NG": ["Best regards,\n", "Thank you,\n"],
           "US": ["Sincerely,\n", "Best,\n"], "AU": ["Cheers,\n", "Thanks heaps,\n"], "IE": ["Thanks a million,\n", "Kind regards,\n"],
           "PH": ["Thank you po,\n", "Respectfully,\n"], "CA": ["Thanks,\n", "Merci,\n"], "UK": ["Many thanks,\n", "Kind regards,\n"]}

OPENINGS = ["I'm writing because ", "Hello, ", "Hi, ", "", "Please help, ", "This is the third time I contact you. ", "Good afternoon, ",
            "I have a problem: ", "Not happy at all. "]


def t_webform(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0.3, 0.6, 0.9]))
    d.t(r.choice(["Contact form - ", "Web enquiry to ", "Online complaint form | ", "New submission from the website: "]))
    d.e(*x.orgp())
    d.t("\n")
    d.t(r.choice(["Name: ", "Full name: ", "Your name: ", "Customer name: "]))
    d.add(x.P(r.choice(["full", "caps", "lower_full", "last_comma_first", "full"])))
    d.t("\n" + r.choice(["Email: ", "E-mail address: ", "Email address: "]))
    d.e(x.cust.email, "EMAIL")
    d.t("\n")
    if r.random() < 0.7:
        d.t(r.choice(["Phone: ", "Contact number: ", "Mobile: ", "Tel: "]))
        d.e(x.cust.phone, "PHONE")
        d.t("\n")
    field(x, d, "primary")
    if r.random() < 0.6:
        field(x, d, "secondary")
    if r.random() < 0.3:
        d.t("Date of birth: ")
        d.e(*x.dob())
        d.t("\n")
    if r.random() < 0.25:
        d.t(f"Last 4 digits of card: {rd(r, 4)}\n")
    d.t("Topic: " + r.choice(TOPICS[x.sector]) + "\n")
    d.t(r.choice(["Message: ", "Your message: ", "Details: ", "How can we help?\n"]))
    op = r.choice(OPENINGS)
    d.c(op)
    d.add(issue(x, op), customer=True)
    if r.random() < 0.5:
        d.c(" ")
        d.add(cap_first(x.m("secondary")), customer=True)
        d.c(r.choice([".", "", " if needed."]))
    return d


def t_email(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0, 0.2, 0.4, 0.6]))
    d.t("Subject: ")
    s = r.random()
    if s < 0.5:
        k = x.kind("primary")
        v, shape = k.gen(r, x.cust)
        lab = r.choice(k.short) if k.short and r.random() < 0.6 else r.choice(k.labels)
        d.t(r.choice(["Re: complaint - ", "", "URGENT: ", "Fwd: ", "RE: ", "Query re ", "AW: "]) + lab + " ")
        d.e(*x.idpiece(k, v, shape, "subject line", lab))
        d.t(r.choice(["", " - still not resolved", " / wrong bill", " (2nd request)"]))
    elif s < 0.7:
        d.t(f"Re: {r.choice(['order', 'ticket', 'case'])} {r.choice([la_order(r), la_case(r)])} - {r.choice(TOPICS[x.sector]).lower()}")
    else:
        d.t(r.choice(TOPICS[x.sector]))
    d.t("\n")
    if r.random() < 0.6:
        d.t("From: ")
        d.e(x.cust.full if r.random() < 0.7 else f"{x.cust.last}, {x.cust.first}", "PERSON")
        d.t(" <")
        d.e(x.cust.email, "EMAIL")
        d.t(">\n")
    if x.support_email() and r.random() < 0.6:
        d.t("To: ")
        d.e(x.support_email(), "EMAIL")
        d.t("\n")
    d.t("\n")
    g = r.random()
    if g < 0.35:
        d.t(r.choice(["Hi ", "Hello ", "Dear ", "Hey "]))
        d.add(x.P("first", who=x.agent))
        d.t(",\n\n")
    elif g < 0.6:
        d.t(r.choice(["Dear Sir/Madam,\n\n", "To whom it may concern,\n\n", "Hello,\n\n"]))
    else:
        d.t(r.choice(["Hi ", "Dear "]))
        d.e(*x.orgp())
        d.t(r.choice([" team,\n\n", ",\n\n", " support,\n\n"]))
    op = r.choice(OPENINGS)
    d.c(op)
    d.add(issue(x, op), customer=True)
    if r.random() < 0.75:
        d.c(" " + r.choice(["Also, ", "For reference, ", "In case you need it, ", "", "You asked last time so: "]))
        d.add(x.m("primary"), customer=True)
        d.c(r.choice([".", ".", "", " - please check.", ". Thanks."]))
    if r.random() < 0.3:
        d.c(" " + r.choice(["Screenshot: ", "See the screenshot here ", "Photos: ", "Proof: "]))
        d.e(x.photo_url(), "URL")
    d.t("\n\n" + r.choice(["Thanks,\n", "Kind regards,\n", "Best,\n", "Regards\n", "Cheers,\n"] + SIGNOFF.get(x.c, [])))
    d.add(x.P(r.choice(["full", "first", "full", "initial_last"])))
    if r.random() < 0.55:
        k = x.kind("primary")
        v, shape = k.gen(r, x.cust)
        fl = foreign_labels(k, x.c, r, expat=False)
        if fl and r.random() < 0.5:
            sl = r.choice(fl) + ": "
        else:
            sl = r.choice(k.short + k.labels[:2])
            sl = sl[0].upper() + sl[1:] + r.choice([": ", " ", " # ", ": "])
        d.t("\n" + sl)
        d.e(*x.idpiece(k, v, shape, "signature", sl.strip(": ")))
    if r.random() < 0.5:
        d.t("\n" + r.choice(["Mob: ", "Tel. ", "M: ", "Phone: ", ""]))
        d.e(x.cust.phone, "PHONE")
    if r.random() < 0.2:
        d.t("\n")
        d.e(x.cust.address, "ADDRESS")
    if r.random() < 0.15:
        d.t("\nSent from my iPhone")
    if r.random() < 0.3:
        d.t("\n\n> On ")
        d.e(*x.date("long"))
        d.t(", ")
        d.e(*x.orgp())
        d.t(" wrote:\n> Dear customer, thank you for your message. Your case number is " + la_case(r) +
            ". To help us find your account please reply with your " + x.kind("primary").labels[0] + " (not your order number).")
    return d


def t_chat(x):
    r = x.r
    d = Doc(r, casual=r.choice([0.5, 0.7, 0.9, 1.0]))
    h, mi = r.randint(8, 20), r.randint(0, 50)

    def ts():
        nonlocal mi
        mi += r.randint(0, 2)
        return f"[{h:02d}:{min(mi, 59):02d}] "
    cust_sp = r.choice(["you", "cust", "first", "first_lower", "you", "cust"])
    ag_sp = r.choice(["agent_first", "agent_named"])

    def cust_line():
        d.t(ts())
        if cust_sp == "you":
            d.t("You: ")
        elif cust_sp == "cust":
            d.t("Customer: ")
        else:
            d.e(x.cust.first if cust_sp == "first" else x.cust.first.lower(), "PERSON")
            d.t(": ")

    def ag_line():
        d.t(ts())
        if ag_sp == "agent_first":
            d.e(x.agent.first, "PERSON")
            d.t(": ")
        else:
            d.t("Agent (")
            d.e(x.agent.first, "PERSON")
            d.t("): ")
    d.t(r.choice(["Chat transcript - ", "Live chat with ", "Webchat log | "]))
    d.e(*x.orgp())
    d.t(" - ")
    d.e(*x.date())
    d.t("\n")
    d.t(ts() + "Bot: You're now chatting with ")
    d.e(x.agent.first, "PERSON")
    d.t(".\n")
    cust_line()
    d.add(issue(x), customer=True)
    if r.random() < 0.4:
        d.c(" " + r.choice(["", "btw ", "fyi "]))
        d.add(x.m("secondary"), customer=True)
    elif r.random() < 0.2:
        d.c(" screenshot ")
        d.e(x.photo_url(), "URL")
    d.t("\n")
    n_ask = r.choice([1, 2, 2, 3])
    asked = []
    for i in range(n_ask):
        k = x.kind("primary" if i == 0 else r.choice(["secondary", "primary"]))
        v, shape = k.gen(r, x.cust)
        ag_line()
        lab = r.choice(k.labels)
        d.t(r.choice([f"Sorry about that. Can I take your {lab} please?", f"Could you confirm the {lab}?", f"What's the {lab} on the account?",
                      f"And the {lab}?", f"I'll need the {lab} to find you."]) + "\n")
        cust_line()
        posts = [("", ""), ("", ""), ("its ", ""), ("", " i think"), ("sure ", ""), ("ok ", " thats the one"), ("", "."), ("", " - let me know if u need anything else")]
        if k.key in ACCOUNTISH:
            posts += [("", " (on the bill)"), ("", " its at the top of the bill")]
        pre, post = r.choice(posts)
        d.c(pre)
        d.e(*x.idpiece(k, v, shape, "chat answer on next line", lab + " (asked on the line before)"))
        d.c(post + "\n")
        asked.append(v)
    if r.random() < 0.6:
        ag_line()
        d.t("Thanks. For security, can you confirm your date of birth and postcode?\n")
        cust_line()
        d.e(*x.dob())
        d.c(r.choice([" and ", ", ", " / "]))
        d.e(x.cust.zip, "ZIP")
        d.t("\n")
    ag_line()
    d.t("Thanks ")
    d.e(x.cust.first, "PERSON")
    if sum(ch.isdigit() for ch in asked[0]) >= 6:
        d.t(f", I can see the record {masked(r, asked[0])}. I've raised {la_case(r)} for you.")
    else:
        d.t(f", I've found your account and raised {la_case(r)} for you.")
    return d


STARS = ["★☆☆☆☆", "★★☆☆☆", "1/5", "★☆☆☆☆ ", "1 star"]


def t_review(x):
    r = x.r
    d = Doc(r, casual=r.choice([0.6, 0.9, 1.0]))
    d.t(r.choice(STARS) + " " + r.choice(["Worst app ever", "Useless support", "scam!!", "Do not trust them", "avoid", "Terrible since the update"]) + "\n")
    d.t(r.choice(["by ", "Reviewed by ", "— ", ""]))
    k = KINDS[r.choice(["username", "username", "gamertag"])]
    v, shape = k.gen(r, x.cust)
    d.e(*x.idpiece(k, v, shape, "review by-line (no label)", "(no label)"))
    d.t(r.choice([" · ", " - ", ", "]))
    d.e(*x.date(r.choice(["long", "short", "num"])))
    d.t("\n")
    d.add(issue(x), customer=True)
    d.c(" " + r.choice(["support just sends copy paste answers.", "3 weeks no answer.", "never again.", "chat bot is useless.", "they keep closing my ticket."]))
    if r.random() < 0.6:
        d.c(" " + r.choice(["my ", "", "for the record "]))
        d.add(x.m("primary"), customer=True)
    if r.random() < 0.55:
        d.t("\nDeveloper response (")
        d.e(*x.date("short"))
        d.t("): We're sorry to hear this. Please contact us at ")
        em = x.support_email()
        if em:
            d.e(em, "EMAIL")
        elif x.help_url():
            d.e(x.help_url(), "URL")
        else:
            d.t("via in-app chat")
        d.t(" with your " + x.kind("primary").labels[0] + " and never post it publicly.")
    return d


def t_dm(x):
    r = x.r
    d = Doc(r, casual=r.choice([0.5, 0.8, 1.0]))
    d.t(r.choice(["Direct messages - ", "DM thread with ", "Instagram DM · ", "Facebook Messenger - "]))
    d.e(*x.orgp())
    d.t("\n")
    hv, hs = g_handle(r, x.cust)
    hp = (hv, "ID", ("social media handle", hs, "speaker handle", "(no label)"))
    d.e(*hp)
    d.t(": ")
    d.add(issue(x), customer=True)
    d.t("\n")
    d.e(*x.orgp())
    k = x.kind("primary")
    lab = r.choice(k.labels)
    d.t(f": Hi there, sorry to hear this! Could you send us your {lab} and the postcode on the account? Please don't share card details. ^{x.agent.first[0]}{x.agent.last[0]}\n")
    d.e(*hp)
    d.t(": ")
    v, shape = k.gen(r, x.cust)
    d.e(*x.idpiece(k, v, shape, "chat answer on next line", lab + " (asked on the line before)"))
    d.c(r.choice([", ", " - ", " postcode "]))
    d.e(x.cust.zip, "ZIP")
    d.c(r.choice(["", " thx", " pls hurry"]))
    d.t("\n")
    d.e(*x.orgp())
    d.t(": Thanks ")
    d.e(x.cust.first, "PERSON")
    d.t(", I've passed this to the team under " + la_case(r) + ".")
    return d


def t_sms(x):
    r = x.r
    d = Doc(r, casual=r.choice([0.7, 1.0]))
    d.t("SMS from ")
    d.e(x.cust.phone, "PHONE")
    d.t(" (")
    d.e(*x.date("num"))
    d.t(" " + la_time(r) + "):\n")
    d.c(r.choice(["hi its ", "hello this is ", "hey, ", ""]))
    d.add(x.P(r.choice(["lower_first", "first", "lower_full"])))
    d.c(r.choice([" here. ", ". ", " - "]))
    d.add(issue(x), customer=True)
    d.c(" ")
    d.add(x.m("primary"), customer=True)
    d.c(r.choice([" pls call back", " thx", "", " can u check"]))
    return d


def t_agent_reply(x):
    r = x.r
    d = Doc(r)
    d.t("Dear ")
    d.add(x.P(r.choice(["title_last", "first", "title_full", "full"])))
    d.t(",\n\nThank you for contacting ")
    d.e(*x.orgp())
    d.t(" about your " + r.choice(TOPICS[x.sector]).lower() + ". ")
    k = x.kind("primary")
    v, shape = k.gen(r, x.cust)
    lab = r.choice(k.labels)
    pre, post = r.choice([(f"I have reviewed {lab} ", " and "), (f"I have checked the {lab} you gave us (", ") and "),
                           (f"Under {lab} ", " I "), ("I have looked at ", f" (your {lab}) and ")])
    d.t(pre)
    d.e(*x.idpiece(k, v, shape, "agent reply" if "(your" not in post else "agent reply, value before label", lab))
    d.t(post + r.choice(["can confirm the charge has been reversed. ", "have applied a credit of " + x.amt() + ". ",
                                                              "have escalated this to our specialist team. "]))
    if r.random() < 0.6:
        k2 = x.kind("secondary")
        l2 = r.choice(k2.labels)
        d.t("We have also updated the " + l2 + " on file to ")
        d.e(*x.idpiece(k2, *k2.gen(r, x.cust), "agent reply", l2))
        d.t(". ")
    d.t("Your complaint reference is " + la_case(r) + "; this identifies the complaint, not your account, so please quote both in future. ")
    if x.help_url() and r.random() < 0.6:
        d.t("You can track progress at ")
        d.e(x.help_url(), "URL")
        d.t(". ")
    d.t("\n\nKind regards,\n")
    d.add(x.P(r.choice(["full", "first"]), who=x.agent))
    d.t("\nCustomer Relations | ")
    d.e(*x.orgp())
    if r.random() < 0.6:
        d.t("\nT: ")
        d.e(make_phone(r, x.c), "PHONE")
    em = x.support_email()
    if em and r.random() < 0.6:
        d.t(" | ")
        d.e(em, "EMAIL")
    return d


def t_letter(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0, 0.2]))
    d.add(x.P(r.choice(["full", "title_full", "caps"])))
    d.t("\n")
    d.e(x.cust.address, "ADDRESS")
    d.t("\n")
    if r.random() < 0.5:
        d.e(x.cust.email, "EMAIL")
        d.t("\n")
    d.e(*x.date(r.choice(["long", "num", "dots"])))
    d.t("\n\nTo: ")
    d.e(*x.orgp())
    d.t("\n\nRe: ")
    k = x.kind("primary")
    v, shape = k.gen(r, x.cust)
    lab = label_for_field(r, k, x.c)
    d.t(lab + " ")
    d.e(*x.idpiece(k, v, shape, "letter Re: line", lab))
    if r.random() < 0.4:
        d.t(" / your ref. " + la_case(r))
    d.t("\n\nDear Sir or Madam,\n\n")
    d.c("I am writing regarding the above. ")
    d.add(issue(x), customer=True)
    d.c(" For identification, ")
    d.add(x.m("secondary"), customer=True)
    if r.random() < 0.5:
        d.c(" and ")
        d.add(x.m("secondary"), customer=True)
    d.c(". Please reply in writing.\n\nYours faithfully,\n")
    d.add(x.P(r.choice(["full", "initial_last"])))
    return d


def local_lookalikes(r, c):
    """country-specific non-personal references that share a label word with a personal ID"""
    if c == "IN":
        return [", NEFT UTR " + la_in_utr(r)] * 2
    if c == "UK":
        return [", parking PCN " + f"{ru(r, 2)}{rd(r, 8)}"]
    if c == "PH":
        return [", GCash ref no. " + rd(r, 13)]
    return []


def t_crm(x):
    r = x.r
    d = Doc(r)
    d.t(r.choice(["CRM note ", "Call log ", "Agent notes "]))
    d.e(*x.date("num"))
    d.t(" " + la_time(r) + " - ")
    d.add(x.P(r.choice(["full", "first", "initial_last"]), who=x.agent))
    d.t("\nCaller: ")
    d.add(x.P(r.choice(["caps", "last_comma_first", "full"])))
    d.t(". ID&V passed (DOB ")
    d.e(*x.dob("num"))
    d.t(", " + r.choice(["postcode", "ZIP", "PIN code"]) + " ")
    d.e(x.cust.zip, "ZIP")
    d.t(").\n")
    for i in range(r.choice([2, 2, 3])):
        k = x.kind("primary" if i == 0 else "secondary")
        v, shape = k.gen(r, x.cust)
        lab = r.choice(k.short) if k.short and r.random() < 0.5 else (k.kv[0] if k.kv and r.random() < 0.3 else r.choice(k.labels))
        lw = r.choice([f"{lab} ", f"{lab}: ", f"{lab}=", f"{lab.upper()} "])
        d.t(lw)
        d.e(*x.idpiece(k, v, shape, "agent note key", lw.strip(" :=")))
        d.t(r.choice(["; ", " / ", "\n", " - verified; ", " (cx confirmed)\n"]))
    d.t(r.choice(["Adv cx ", "Explained to caller ", "Cx advised "]) + r.choice(["refund 5-7 working days", "engineer needed", "escalated to L2", "no fault found"]) +
        ". Raised " + la_case(r) + r.choice([", linked order " + la_order(r), ", ref " + la_invoice(r), ""] + local_lookalikes(r, x.c)) + ".")
    return d


def t_escalation(x):
    r = x.r
    d = Doc(r)
    d.t("ESCALATION - ")
    d.e(*x.orgp())
    d.t(" - priority " + r.choice(["P1", "P2", "high", "medium"]) + "\nCustomer: ")
    d.add(x.P(r.choice(["last_comma_first", "caps", "full"])))
    d.t("\n")
    bullet = r.choice(["- ", "* ", "{}. "])
    for i in range(r.choice([2, 3, 3, 4])):
        d.t(bullet.format(i + 1))
        field(x, d, "primary" if i == 0 else "secondary", style="list item")
    d.t(r.choice(["- Complaint ref: ", "- Case: ", "* Ticket: "]) + la_case(r) + "\n")
    d.t(r.choice(["- Order: " + la_order(r), "- Invoice: " + la_invoice(r), "- Txn: " + la_txn(r)] + ["- " + v[2:] for v in local_lookalikes(r, x.c)]) + "\n")
    d.t("Summary: ")
    d.add(issue(x))
    d.t("\nOwner: ")
    d.add(x.P("full", who=x.agent))
    return d


def t_voicemail(x):
    r = x.r
    d = Doc(r, casual=1.0)
    d.t("Voicemail (auto-transcribed) from ")
    d.e(x.cust.phone, "PHONE")
    d.t(", " + la_time(r) + " ")
    d.e(*x.date())
    d.t(":\n")
    d.c("hi um this is ")
    d.add(x.P(r.choice(["lower_full", "lower_first"])))
    d.c(" calling about my " + r.choice(TOPICS[x.sector]).lower() + " um ")
    d.add(x.m("primary", style=r.choice(["spelled", "spelled", "is"])), customer=True)
    d.c(" and ")
    d.add(issue(x), customer=True)
    d.c(" please call me back on ")
    d.e(x.cust.phone, "PHONE")
    d.c(" thank you bye")
    return d


def t_change(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0.3]))
    d.t(r.choice(["Change of details request", "Update my details (form)", "Change of address notification"]) + " - ")
    d.e(*x.orgp())
    d.t("\nCustomer: ")
    d.add(x.P(r.choice(["full", "caps", "last_comma_first"])))
    d.t("\n")
    field(x, d, "primary")
    d.t("Old address: ")
    d.e(x.cust.address, "ADDRESS")
    d.t("\nNew address: ")
    d.e(make_address(r, x.c, x.fakers[COUNTRIES[x.c][0]]), "ADDRESS")
    d.t("\n")
    if r.random() < 0.6:
        d.t("New phone: ")
        d.e(make_phone(r, x.c), "PHONE")
        d.t("\n")
    k = x.kind(r.choice(["passport", "dl", "national"]))
    v, shape = k.gen(r, x.cust)
    lab = r.choice(k.labels)
    d.t("Proof of identity: " + lab + " ")
    d.e(*x.idpiece(k, v, shape, "form field", lab))
    d.t("\nEffective from: ")
    d.e(*x.date())
    d.t("\nSigned: ")
    d.add(x.P(r.choice(["full", "initial_last"])))
    return d


def t_list(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0.3, 0.6]))
    d.c(r.choice(["Hi ", "Hello "]))
    d.add(x.P("first", who=x.agent))
    d.c(",\n\n" + r.choice(["here are all the numbers you asked for:\n", "as requested, my details:\n", "all the references below, hope that's everything:\n"]))
    n = r.choice([3, 3, 4])
    bullet = r.choice(["{}) ", "- ", "{}. ", "* "])
    for i in range(n):
        d.t(bullet.format(i + 1))
        if r.random() < 0.6:
            field(x, d, "primary" if i == 0 else "secondary", style="list item")
        else:
            d.add(x.m("primary" if i == 0 else "secondary"), customer=True)
            d.t("\n")
    d.c(r.choice(["card: ", "card no: "]) + masked(r, rd(r, 16)) + " (I won't send the full number)\n")
    d.c("The order number is " + la_order(r) + " if you need it.\n")
    d.c(r.choice(["Thanks, ", "Cheers ", "Regards, "]))
    d.add(x.P(r.choice(["first", "full", "lower_first"])))
    return d


def t_kyc(x):
    r = x.r
    d = Doc(r, casual=r.choice([0, 0.3, 0.7]))
    d.t(r.choice(["Identity verification - ", "KYC documents received - ", "Account opening: ID check - "]))
    d.e(*x.orgp())
    d.t("\n" + r.choice(["Applicant: ", "Name: ", "Full legal name: "]))
    d.add(x.P(r.choice(["caps", "full", "last_comma_first"])))
    d.t("\nDOB: ")
    d.e(*x.dob())
    if r.random() < 0.6:
        d.t("\nNationality: ")
        d.e(NRP_BY_COUNTRY[x.c], "NRP")
    d.t("\n")
    toks = r.sample(NATIONAL[x.c], min(len(NATIONAL[x.c]), r.choice([2, 3])))
    for i, t in enumerate(toks):
        k = x.kind(t)
        v, shape = k.gen(r, x.cust)
        lab = label_for_field(r, k, x.c)
        d.t(r.choice([f"Document {i + 1}: {lab} ", f"- {lab}: ", f"{lab}: ", f"{lab} - "]))
        d.e(*x.idpiece(k, v, shape, "form field", lab))
        d.t("\n")
    d.t("Status: " + r.choice(["selfie check failed (error " + la_err(r) + ")", "address proof missing", "name mismatch", "document expired"]) + "\n")
    d.t("Customer note: ")
    d.c(r.choice(["i uploaded it twice already. ", "The photo was blurry sorry. ", "Why do you need all this? ", ""]))
    d.add(cap_first(x.m("national")), customer=True)
    d.c(r.choice([". ", " - ", ", "]) + r.choice(["my name on the old card is spelled differently.", "I also sent it by email on ", "the passport was renewed."]))
    if d.text.endswith("on "):
        d.e(*x.date())
        d.t(".")
    return d


TEMPLATES = [(t_kyc, 9), (t_webform, 10), (t_email, 16), (t_chat, 14), (t_review, 6), (t_dm, 5), (t_sms, 5), (t_agent_reply, 9), (t_letter, 8),
             (t_crm, 8), (t_escalation, 6), (t_voicemail, 4), (t_change, 5), (t_list, 6)]


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def check(records, spans):
    by = defaultdict(list)
    for s in spans:
        by[s["record"]].append(s)
    prev = None
    for s in spans:
        key = (s["record"], s["start"])
        assert prev is None or key > prev, ("not sorted", s)
        prev = key
    for i, rec in enumerate(records):
        t = rec["text"]
        assert 200 <= len(t) <= 700, (rec["id"], len(t))
        last_end = -1
        for s in by[i]:
            assert s["field"] == "text"
            assert 0 <= s["start"] < s["end"] <= len(t), s
            v = t[s["start"]:s["end"]]
            assert v == v.strip() and v, (rec["id"], repr(v))
            assert s["start"] > last_end, ("overlap/touch", rec["id"], s)
            last_end = s["end"]
            if s["type"] == "CREDIT_CARD":
                dg = "".join(ch for ch in v if ch.isdigit())
                assert 13 <= len(dg) <= 19 and luhn_ok(dg), v
            if s["type"] == "IBAN":
                assert iban_ok(v), v


def quota(r, weighted, n):
    """a shuffled list of n items in proportion to their weights (less variance than independent draws)"""
    tot = sum(w for _, w in weighted)
    out = []
    for k, w in weighted:
        out += [k] * int(n * w / tot)
    while len(out) < n:
        out.append(choose_w(r, weighted))
    r.shuffle(out)
    return out


def build(seed, n):
    r = random.Random(seed)
    fakers = {}
    for i, loc in enumerate(sorted({v[0] for v in COUNTRIES.values()})):
        f = Faker(loc)
        f.seed_instance(seed * 1000 + i)
        fakers[loc] = f
    sectors = [(k, v[0]) for k, v in SECTORS.items()]
    records, spans, forms, kinds_used = [], [], [], Counter()
    sector_count = Counter()
    tpl_seq, sec_seq = quota(r, TEMPLATES, n), quota(r, sectors, n)
    for idx in range(n):
        tpl, sector = tpl_seq[idx], sec_seq[idx]
        for attempt in range(200):
            bias = SECTOR_COUNTRY_BIAS.get(sector, {})
            country = choose_w(r, [(c, bias.get(c, COUNTRY_WEIGHTS.get(c, 1.0))) for c in COUNTRY_CODES])
            x = Ctx(r, fakers, country, sector)
            d = tpl(x)
            if 200 <= len(d.text) <= 700:
                break
        else:
            raise RuntimeError("could not fit length")
        rid = f"{PREFIX}-{idx + 1:04d}"
        records.append({"id": rid, "text": d.text})
        for (s, e, typ) in d.spans:
            spans.append({"record": idx, "field": "text", "start": s, "end": e, "type": typ})
        forms.extend(d.forms)
        kinds_used[tpl.__name__] += 1
        sector_count[sector] += 1
    return records, spans, forms, kinds_used, sector_count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--seed", type=int, default=20240617)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    records, spans, forms, kinds_used, sector_count = build(a.seed, a.n)
    check(records, spans)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "records.jsonl"), "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "pii_spans.jsonl"), "w", encoding="utf-8") as f:
        for s in spans:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    if a.quiet:
        return
    types = Counter(s["type"] for s in spans)
    print(f"records: {len(records)}  spans: {len(spans)}  avg chars: {sum(len(x['text']) for x in records) / len(records):.0f}")
    for t, c in types.most_common():
        print(f"  {t:14s} {c}")
    print("document kinds:", dict(kinds_used.most_common()))
    print("sectors:", dict(sector_count.most_common()))
    by_kind = Counter(f[0] for f in forms)
    by_style = Counter(f[2] for f in forms)
    shapes = defaultdict(Counter)
    for f in forms:
        shapes[f[0]][f[1]] += 1
    print("\nID spans by kind (shapes):")
    for k, c in by_kind.most_common():
        print(f"  {c:4d}  {k}: " + "; ".join(f"{s} {n}" for s, n in shapes[k].most_common()))
    print("\nID spans by way of writing:")
    for k, c in by_style.most_common():
        print(f"  {c:4d}  {k}")
    all_foreign = {l.lower() for k in KINDS.values() for l in k.foreign}
    nf = sum(1 for f in forms if f[3].replace(" (asked on the line before)", "").lower() in all_foreign)
    all_typo = {l.lower() for k in KINDS.values() for l in k.typos}
    nt = sum(1 for f in forms if f[3].lower() in all_typo)
    print(f"\nID spans with a non-English label: {nf}; with a misspelt label: {nt}")
    by_label = Counter(f[3].lower() for f in forms)
    print(f"\nID label wordings ({len(by_label)} distinct):")
    print("  " + "; ".join(f"{k} {c}" for k, c in by_label.most_common()))


if __name__ == "__main__":
    main()
