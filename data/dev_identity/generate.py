#!/usr/bin/env python3
"""Generate the dev_identity set: customer messages full of personal and account identifiers.

Standard library + Faker only.  Texts are assembled piece by piece; every labelled span is
recorded at the moment its text is appended (values are never searched for afterwards).

    pip install Faker==40.63.0
    python data/dev_identity/generate.py                 # writes next to this file
    python data/dev_identity/generate.py --out DIR --seed 20240611 [--stats]
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

from faker import Faker

N_RECORDS = 400
DEFAULT_SEED = 20240611
TYPES = ("PERSON EMAIL PHONE DATE AGE ADDRESS CITY STATE ZIP COUNTRY ORGANIZATION ID SSN "
         "CREDIT_CARD IBAN IP_ADDRESS URL NRP").split()

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = UPPER + DIGITS


# ----------------------------------------------------------------------------------------
# builder: text + spans tracked while appending
# ----------------------------------------------------------------------------------------
TYPO_MAP = [
    ("receive", "recieve"), ("account", "acount"), ("address", "adress"), ("because", "becuase"),
    ("definitely", "definately"), ("separate", "seperate"), ("please", "pls"), ("thanks", "thx"),
    ("you", "u"), ("the ", "teh "), ("haven't", "havent"), ("can't", "cant"), ("don't", "dont"),
    ("I'm", "im"), ("again", "agian"), ("which", "wich"), ("really", "realy"), ("until", "untill"),
]


class Rec:
    def __init__(self, rng, lower=False, typo=0.0):
        self.rng = rng
        self.buf = []
        self.pos = 0
        self.spans = []  # (start, end, type, value, meta)
        self.lower = lower
        self.typo = typo

    def t(self, s, typo=False):
        if not s:
            return
        if self.lower:
            s = s.lower()
        if typo and self.typo:
            for a, b in TYPO_MAP:
                if a in s and self.rng.random() < self.typo:
                    s = s.replace(a, b, 1)
        self.buf.append(s)
        self.pos += len(s)

    def s(self, v, typ, meta=None):
        assert typ in TYPES, typ
        assert v and v == v.strip(), repr(v)
        start = self.pos
        self.buf.append(v)
        self.pos += len(v)
        self.spans.append((start, self.pos, typ, v, meta))

    def text(self):
        return "".join(self.buf)


SLOT = re.compile(r"(\{\w+\})")


def fill(b, tmpl, typo=True, **slots):
    """Append a template; {name} slots are str (plain) or tuple (value, TYPE[, meta]) (span)."""
    for part in SLOT.split(tmpl):
        if not part:
            continue
        if part.startswith("{") and part.endswith("}") and part[1:-1] in slots:
            v = slots[part[1:-1]]
            if isinstance(v, tuple):
                b.s(v[0], v[1], v[2] if len(v) > 2 else None)
            else:
                b.t(v)
        else:
            b.t(part, typo=typo)


# ----------------------------------------------------------------------------------------
# check digits
# ----------------------------------------------------------------------------------------
def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def icao_digit(s):
    w = [7, 3, 1]
    tot = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else ord(ch) - 55
        tot += v * w[i % 3]
    return str(tot % 10)


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def rd(rng, n, first=DIGITS):
    return rng.choice(first) + "".join(rng.choice(DIGITS) for _ in range(n - 1))


def pat(rng, p):
    """# digit, @ letter, * alnum, anything else literal."""
    out = []
    for ch in p:
        if ch == "#":
            out.append(rng.choice(DIGITS))
        elif ch == "@":
            out.append(rng.choice(UPPER))
        elif ch == "*":
            out.append(rng.choice(ALNUM))
        else:
            out.append(ch)
    return "".join(out)


def group(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def ascii_up(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isalpha() and ord(c) < 128).upper()


# ----------------------------------------------------------------------------------------
# identifier generators (value only; label chosen separately)
# ----------------------------------------------------------------------------------------
def g_nino(rng, p):
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    d = rd(rng, 6)
    suf = rng.choice("ABCD")
    f = rng.randrange(6)
    if f == 0:
        return "%s %s %s %s %s" % (pre, d[:2], d[2:4], d[4:], suf)
    if f == 1:
        return pre + d + suf
    if f == 2:
        return (pre + d + suf).lower()
    if f == 3:
        return "%s-%s-%s-%s-%s" % (pre, d[:2], d[2:4], d[4:], suf)
    if f == 4:
        return "%s %s %s" % (pre, d, suf)
    return ("%s %s %s %s %s" % (pre, d[:2], d[2:4], d[4:], suf)).lower()


def g_nhs(rng, p):
    while True:
        body = rng.choice("467") + rd(rng, 8)
        s = sum(int(c) * (10 - i) for i, c in enumerate(body))
        chk = 11 - s % 11
        if chk == 11:
            chk = 0
        if chk != 10:
            break
    n = body + str(chk)
    return rng.choice([group(n, [3, 3, 4]), n, group(n, [3, 3, 4], "-")])


def g_aadhaar(rng, p):
    body = rd(rng, 11, "23456789")
    n = body + verhoeff_digit(body)
    assert verhoeff_ok(n)
    return rng.choice([group(n, [4, 4, 4]), n, group(n, [4, 4, 4], "-"), group(n, [4, 4, 4])])


def g_pan(rng, p):
    ini = ascii_up(p["last"])[:1] or "K"
    v = pat(rng, "@@@") + "P" + ini + rd(rng, 4) + rng.choice(UPPER)
    return v.lower() if rng.random() < 0.2 else v


def g_epic(rng, p):
    return pat(rng, "@@@#######")


def g_steuerid(rng, p):
    while True:
        digs = rng.sample(DIGITS, 9)
        dup = rng.choice(digs)
        ten = digs + [dup]
        rng.shuffle(ten)
        if ten[0] != "0":
            break
    prod = 10
    for ch in ten:
        sm = (int(ch) + prod) % 10
        if sm == 0:
            sm = 10
        prod = (sm * 2) % 11
    chk = 11 - prod
    if chk == 10:
        chk = 0
    n = "".join(ten) + str(chk)
    return rng.choice([group(n, [2, 3, 3, 3]), n, group(n, [3, 3, 3, 2]), group(n, [2, 3, 3, 3], "/"),
                       group(n, [2, 3, 3, 3], ".")])


def g_steuernr(rng, p):
    return pat(rng, rng.choice(["##/###/#####", "###/###/#####", "#### ### #####"]))


_DE_ALPHA = "CFGHJKLMNPRTVWXYZ0123456789"


def g_perso(rng, p):
    v = rng.choice("LMNPRTVWXY") + "".join(rng.choice(_DE_ALPHA) for _ in range(8))
    if rng.random() < 0.3:
        v += icao_digit(v)
    return v


def g_depass(rng, p):
    v = "C" + "".join(rng.choice(_DE_ALPHA) for _ in range(8))
    if rng.random() < 0.3:
        v += icao_digit(v)
    return v


def g_spi(rng, p):
    first = rng.choice("0123") + rd(rng, 9)
    n = first + "%03d" % (int(first) % 511)
    return rng.choice([group(n, [2, 2, 3, 3, 3]), n, group(n, [2, 2, 3, 3, 3])])


def g_nir(rng, p):
    sex = "1" if p["sex"] == "M" else "2"
    dob = p["dob"]
    dept = "%02d" % rng.choice([x for x in range(1, 96) if x != 20])
    body = sex + "%02d" % (dob[0] % 100) + "%02d" % dob[1] + dept + "%03d" % rng.randint(1, 999) + \
        "%03d" % rng.randint(1, 999)
    key = "%02d" % (97 - int(body) % 97)
    n = body + key
    return rng.choice([group(n, [1, 2, 2, 2, 3, 3, 2]), n, group(n, [1, 2, 2, 2, 3, 3]) ])


_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def g_dni(rng, p):
    n = rd(rng, 8)
    L = _DNI[int(n) % 23]
    f = rng.randrange(4)
    return [n + L, n + "-" + L, "%s.%s.%s-%s" % (n[:2], n[2:5], n[5:], L), (n + L).lower()][f]


def g_nie(rng, p):
    pre = rng.choice("XYZ")
    n = rd(rng, 7)
    L = _DNI[int(str("XYZ".index(pre)) + n) % 23]
    return rng.choice([pre + n + L, "%s-%s-%s" % (pre, n, L), "%s %s %s" % (pre, n, L)])


_CF_ODD = {}
for _i, _v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21]):
    _CF_ODD[str(_i)] = _v
    _CF_ODD[UPPER[_i]] = _v
for _c, _v in zip("KLMNOPQRSTUVWXYZ", [2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]):
    _CF_ODD[_c] = _v


def _cf_part(s, is_name):
    s = ascii_up(s)
    cons = [c for c in s if c not in "AEIOU"]
    vow = [c for c in s if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vow) + "XXX")[:3]


def g_cf(rng, p):
    y, m, d = p["dob"]
    day = d + (40 if p["sex"] == "F" else 0)
    comune = rng.choice(["H501", "F205", "L219", "F839", "G273", "A944", "D612", "L736", "C351", "E506"])
    s = _cf_part(p["last"], False) + _cf_part(p["first"], True) + "%02d" % (y % 100) + "ABCDEHLMPRST"[m - 1] + \
        "%02d" % day + comune
    tot = 0
    for i, ch in enumerate(s):
        tot += _CF_ODD[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65)
    s += chr(65 + tot % 26)
    return s.lower() if rng.random() < 0.2 else s


def g_bsn(rng, p):
    while True:
        body = rd(rng, 8, "123456789")
        s = sum(int(c) * (9 - i) for i, c in enumerate(body))
        last = s % 11
        if last < 10:
            break
    n = body + str(last)
    return rng.choice([n, "%s.%s.%s" % (n[:4], n[4:6], n[6:]), group(n, [3, 3, 3])])


def g_pesel(rng, p):
    y, m, d = p["dob"]
    mm = m + (20 if y >= 2000 else 0)
    ser = rd(rng, 3)
    sx = rng.choice("13579" if p["sex"] == "M" else "02468")
    body = "%02d%02d%02d" % (y % 100, mm, d) + ser + sx
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    chk = (10 - sum(int(c) * w[i] for i, c in enumerate(body)) % 10) % 10
    return body + str(chk)


def g_ppsn(rng, p):
    n = rd(rng, 7)
    second = rng.choice(["", "", "A", "W"])
    tot = sum(int(c) * (8 - i) for i, c in enumerate(n))
    if second:
        tot += 9 * (ord(second) - 64)
    r = tot % 23
    chk = "W" if r == 0 else chr(64 + r)
    v = n + chk + second
    return v.lower() if rng.random() < 0.2 else v


def g_sin(rng, p):
    body = rd(rng, 8, "1234567")
    n = body + luhn_digit(body)
    return rng.choice([group(n, [3, 3, 3]), group(n, [3, 3, 3], "-"), n])


def g_tfn(rng, p):
    w = [1, 4, 3, 7, 5, 8, 6, 9]
    while True:
        body = rd(rng, 8, "123456789")
        s = sum(int(c) * w[i] for i, c in enumerate(body))
        d = (-s * 10) % 11
        if d < 10:
            break
    n = body + str(d)
    assert sum(int(c) * ([1, 4, 3, 7, 5, 8, 6, 9, 10][i]) for i, c in enumerate(n)) % 11 == 0
    return rng.choice([group(n, [3, 3, 3]), n])


def g_medicare(rng, p):
    body = rd(rng, 8, "23456")
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    chk = sum(int(c) * w[i] for i, c in enumerate(body)) % 10
    n = body + str(chk) + str(rng.randint(1, 9))
    return rng.choice([group(n, [4, 5, 1]), n])


def g_cpf(rng, p):
    d = [int(c) for c in rd(rng, 9)]
    r = sum(x * (10 - i) for i, x in enumerate(d)) * 10 % 11 % 10
    d.append(r)
    r = sum(x * (11 - i) for i, x in enumerate(d)) * 10 % 11 % 10
    d.append(r)
    n = "".join(map(str, d))
    return rng.choice(["%s.%s.%s-%s" % (n[:3], n[3:6], n[6:9], n[9:]), n])


def g_nin(rng, p):
    return rd(rng, 11, "123456789")


def g_bvn(rng, p):
    return "22" + rd(rng, 9)


def g_philsys(rng, p):
    n = rd(rng, 16, "123456789")
    return rng.choice([group(n, [4, 4, 4, 4], "-"), group(n, [4, 4, 4, 4]), n])


def g_sss(rng, p):
    n = rd(rng, 10, "0123")
    return rng.choice(["%s-%s-%s" % (n[:2], n[2:9], n[9]), n])


def g_ssn(rng, p):
    area = rng.choice([x for x in range(1, 900) if x != 666])
    v = "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
    return v if rng.random() < 0.8 else v.replace("-", " ")


def g_utr(rng, p):
    n = rd(rng, 10, "123456789")
    return rng.choice([n, group(n, [5, 5])])


def g_passport(rng, p):
    c = p["country"]
    f = {
        "GB": "#########", "US": rng.choice(["#########", "@########"]), "IN": "@#######",
        "FR": "##@@#####", "ES": "@@@######", "IT": "@@#######", "IE": "@@#######", "CA": "@@######",
        "NG": "@########", "PH": "P#######@", "BR": "@@######", "AU": rng.choice(["@#######", "PA#######"]),
        "PL": "@@#######", "NL": "@@*****#",
    }.get(c)
    if c == "DE":
        return g_depass(rng, p)
    if f is None:
        f = "@@#######"
    v = pat(rng, f)
    if c == "NL":
        v = v.replace("O", "X")
    return v


def g_dl(rng, p):
    c = p["country"]
    y, m, d = p["dob"]
    if c == "GB":
        sur = (re.sub("[^A-Z]", "", ascii_up(p["last"])) + "99999")[:5]
        mm = m + (50 if p["sex"] == "F" else 0)
        ini = (ascii_up(p["first"])[:1] + rng.choice(["9", rng.choice(UPPER)]))
        v = "%s%d%02d%02d%d%s9%s" % (sur, (y // 10) % 10, mm, d, y % 10, ini, pat(rng, "@@"))
        return v if rng.random() < 0.7 else "%s %s %s" % (v[:5], v[5:11], v[11:])
    if c == "US":
        st = rng.randrange(6)
        if st == 0:
            return pat(rng, "@#######")  # CA
        if st == 1:
            return pat(rng, rng.choice(["### ### ###", "#########"]))  # NY
        if st == 2:
            return pat(rng, "@###-###-##-###-#")  # FL
        if st == 3:
            return pat(rng, "########")  # TX
        if st == 4:
            return pat(rng, "@###-####-####")  # IL
        return "WDL" + pat(rng, "*********")  # WA
    if c == "IN":
        stc = rng.choice(["MH", "KA", "DL", "TN", "UP", "GJ", "WB", "KL"])
        v = stc + "%02d" % rng.randint(1, 50) + " " + str(rng.randint(1995, 2022)) + rd(rng, 7)
        return v if rng.random() < 0.6 else v.replace(" ", "-" if rng.random() < 0.5 else "")
    if c == "DE":
        return pat(rng, "@##*") + pat(rng, "*****") + rd(rng, 1) + pat(rng, "*")
    if c == "IE":
        return pat(rng, "### ### ###")
    if c == "AU":
        return pat(rng, rng.choice(["########", "#########"]))
    if c == "CA":
        return pat(rng, "@####-#####-#####")
    if c == "FR":
        return pat(rng, "############")
    if c == "ES":
        return g_dni(rng, p)
    return pat(rng, "@@#######")


def g_imei(rng, p):
    body = "35" + rd(rng, 12)
    n = body + luhn_digit(body)
    f = rng.randrange(5)
    return [n, "%s-%s-%s-%s" % (n[:2], n[2:8], n[8:14], n[14]), group(n, [4, 4, 4, 3]),
            "%s %s %s %s" % (n[:2], n[2:8], n[8:14], n[14]), group(n, [8, 7], "-")][f]


def g_iccid(rng, p):
    body = "89" + rng.choice(["44", "49", "33", "353", "91", "61", "1"]) + ""
    body = body + rd(rng, 18 - len(body))
    n = body + luhn_digit(body)
    return rng.choice([n, group(n, [4, 4, 4, 4, 3]), group(n, [5, 5, 5, 4])])


def g_uk_acct(rng, p):
    return rd(rng, 8)


def g_uk_sc_acct(rng, p):
    sc = "%02d-%02d-%02d" % (rng.randint(1, 99), rng.randint(0, 99), rng.randint(0, 99))
    a = rd(rng, 8)
    f = rng.randrange(4)
    if f == 0:
        return sc + " " + a
    if f == 1:
        return sc.replace("-", "") + " " + a
    if f == 2:
        return sc + " / " + a
    return sc.replace("-", " ") + " " + a


def g_us_acct(rng, p):
    return rd(rng, rng.choice([9, 10, 11, 12]), "123456789")


def g_in_acct(rng, p):
    return rd(rng, rng.choice([11, 12, 14, 15, 16]), "123456789")


def g_de_konto(rng, p):
    n = rd(rng, 10)
    return rng.choice([n, group(n, [3, 3, 4]), n.lstrip("0") or n])


def g_mpan(rng, p):
    primes = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]
    body = "%02d" % rng.randint(10, 23) + rd(rng, 10)
    chk = sum(int(c) * primes[i] for i, c in enumerate(body)) % 11 % 10
    n = body + str(chk)
    return rng.choice([n, group(n, [2, 4, 4, 3]), group(n, [2, 4, 4, 3], "-")])


def g_iban_gb(rng):
    bank = rng.choice(["NWBK", "HBUK", "BUKB", "MIDL", "LOYD"])
    bban = bank + rd(rng, 14)
    v = "GB" + iban_check("GB", bban) + bban
    return v


def g_iban_de(rng):
    bban = rd(rng, 18)
    return "DE" + iban_check("DE", bban) + bban


def g_iban(rng, country):
    if country == "DE":
        v = g_iban_de(rng)
    elif country in ("FR", "ES", "IT", "NL", "PL", "IE"):
        L = {"FR": 23, "ES": 20, "IT": 0, "NL": 0, "PL": 24, "IE": 0}[country]
        if country == "IT":
            bban = rng.choice(UPPER) + rd(rng, 10) + pat(rng, "############")
        elif country == "NL":
            bban = rng.choice(["ABNA", "RABO", "INGB"]) + rd(rng, 10)
        elif country == "IE":
            bban = rng.choice(["AIBK", "BOFI"]) + rd(rng, 14)
        else:
            bban = rd(rng, L)
        v = country + iban_check(country, bban) + bban
    else:
        v = g_iban_gb(rng)
    return group(v, [4] * 9) if rng.random() < 0.6 else v


def g_card(rng):
    pre = rng.choice(["4", "51", "52", "53", "54", "55", "37"])
    ln = 15 if pre == "37" else 16
    body = pre + rd(rng, ln - len(pre) - 1)
    n = body + luhn_digit(body)
    if ln == 15:
        return rng.choice([group(n, [4, 6, 5]), n])
    return rng.choice([group(n, [4, 4, 4, 4]), n, group(n, [4, 4, 4, 4], "-")])


def g_username(rng, p):
    f = re.sub("[^a-z]", "", ascii_up(p["first"]).lower()) or "user"
    l = re.sub("[^a-z]", "", ascii_up(p["last"]).lower()) or "x"
    c = rng.randrange(7)
    return [f + "." + l[:1] + str(rng.randint(1, 99)), f[:1] + l + str(rng.randint(70, 99)),
            f + "_" + l, l + f[:1] + str(rng.randint(1, 9999)), f.capitalize() + l.capitalize() + str(rng.randint(1, 99)),
            f[:3] + l[:3] + str(rng.randint(10, 999)), "x_" + f + "_x"][c]


def P(*pats):
    return lambda rng, p: pat(rng, rng.choice(pats))


# ----------------------------------------------------------------------------------------
# identifier kinds: key -> (kind name, domains, labels by language, generator, countries)
# labels: en list; other languages under their code.  Empty countries = anyone.
# ----------------------------------------------------------------------------------------
KINDS = {
    # ---- national / personal documents
    "nino": ("UK National Insurance number", "nat", {"en": ["NI number", "NI no", "NINO", "national insurance number",
             "National Insurance No.", "NI", "nat insurance no", "N.I. number", "national insurace number", "NI #"]}, g_nino, {"GB"}),
    "nhs": ("NHS number", "nat health", {"en": ["NHS number", "NHS no", "NHS No.", "nhs num", "NHS#", "nhs nr"]}, g_nhs, {"GB"}),
    "utr": ("UK Unique Taxpayer Reference", "nat", {"en": ["UTR", "UTR number", "unique taxpayer reference", "self assessment UTR"]}, g_utr, {"GB"}),
    "aadhaar": ("Aadhaar number", "nat", {"en": ["Aadhaar", "Aadhaar no", "aadhar number", "UID", "Aadhaar card no.", "adhar no"]}, g_aadhaar, {"IN"}),
    "pan": ("Indian PAN", "nat", {"en": ["PAN", "PAN no", "PAN card", "pan number", "P.A.N."]}, g_pan, {"IN"}),
    "epic": ("Indian Voter ID (EPIC)", "nat", {"en": ["voter ID", "EPIC no", "voter id card number", "EPIC"]}, g_epic, {"IN"}),
    "steuerid": ("German Steuer-ID", "nat", {"en": ["tax ID", "tax identification number"], "de": ["Steuer-ID", "Steuer-IdNr.", "Steueridentifikationsnummer", "IdNr", "steuerliche Identifikationsnummer"]}, g_steuerid, {"DE"}),
    "steuernr": ("German Steuernummer", "nat", {"en": ["tax number"], "de": ["Steuernummer", "St.-Nr.", "StNr"]}, g_steuernr, {"DE"}),
    "perso": ("German Personalausweis number", "nat", {"en": ["ID card number", "ID card no"], "de": ["Ausweisnummer", "Personalausweisnummer", "Perso-Nr", "Ausweis-Nr."]}, g_perso, {"DE"}),
    "spi": ("French numéro fiscal (SPI)", "nat", {"en": ["tax number", "French tax ID"], "fr": ["numéro fiscal", "n° fiscal", "numéro SPI", "numero fiscal de reference"]}, g_spi, {"FR"}),
    "nir": ("French NIR / sécu", "nat health", {"en": ["social security number", "French social security no"], "fr": ["numéro de sécurité sociale", "n° de sécu", "NIR", "numero secu"]}, g_nir, {"FR"}),
    "dni": ("Spanish DNI", "nat", {"en": ["DNI", "ID number", "Spanish ID"], "es": ["DNI", "nº DNI", "número de DNI", "documento de identidad"]}, g_dni, {"ES"}),
    "nie": ("Spanish NIE", "nat", {"en": ["NIE", "NIE number", "foreigner ID (NIE)"], "es": ["NIE", "número NIE"]}, g_nie, {"ES"}),
    "cf": ("Italian codice fiscale", "nat", {"en": ["tax code", "fiscal code", "codice fiscale"], "it": ["codice fiscale", "C.F.", "cod. fiscale", "CF"]}, g_cf, {"IT"}),
    "bsn": ("Dutch BSN", "nat", {"en": ["BSN", "citizen service number", "BSN number"], "nl": ["BSN", "burgerservicenummer", "BSN-nummer"]}, g_bsn, {"NL"}),
    "pesel": ("Polish PESEL", "nat", {"en": ["PESEL", "PESEL number"], "pl": ["PESEL", "nr PESEL", "numer PESEL"]}, g_pesel, {"PL"}),
    "ppsn": ("Irish PPSN", "nat", {"en": ["PPS number", "PPSN", "PPS no.", "pps"]}, g_ppsn, {"IE"}),
    "sin": ("Canadian SIN", "nat", {"en": ["SIN", "social insurance number", "SIN #", "S.I.N."]}, g_sin, {"CA"}),
    "tfn": ("Australian TFN", "nat", {"en": ["TFN", "tax file number", "tax file no"]}, g_tfn, {"AU"}),
    "medicare": ("Australian Medicare number", "nat health", {"en": ["Medicare number", "medicare card no", "Medicare #"]}, g_medicare, {"AU"}),
    "cpf": ("Brazilian CPF", "nat", {"en": ["CPF", "CPF number", "CPF no."]}, g_cpf, {"BR"}),
    "nin_ng": ("Nigerian NIN", "nat", {"en": ["NIN", "national identification number", "NIN slip number", "NIMC number"]}, g_nin, {"NG"}),
    "bvn": ("Nigerian BVN", "nat bank", {"en": ["BVN", "bank verification number", "bvn no"]}, g_bvn, {"NG"}),
    "philsys": ("Philippine PhilSys number", "nat", {"en": ["PhilSys number", "PhilID no", "PCN", "national ID (PhilSys)"]}, g_philsys, {"PH"}),
    "sss": ("Philippine SSS number", "nat", {"en": ["SSS number", "SSS no.", "SSS #"]}, g_sss, {"PH"}),
    "passport": ("passport number", "nat travel", {"en": ["passport number", "passport no.", "passport #", "passport", "pasport no", "PP no", "travel document number"],
                 "de": ["Reisepassnummer", "Passnummer"], "fr": ["numéro de passeport"], "es": ["número de pasaporte"], "it": ["numero passaporto"],
                 "nl": ["paspoortnummer"], "pl": ["numer paszportu"]}, g_passport, set()),
    "dl": ("driving licence number", "nat", {"en": ["driving licence number", "driving license no", "DL no", "licence number", "drivers license #",
           "driver's license number", "DL#", "driving licence", "drivng licence no"], "de": ["Führerscheinnummer"], "fr": ["numéro de permis"],
           "es": ["número de carnet de conducir"]}, g_dl, {"GB", "US", "IN", "DE", "IE", "AU", "CA"}),
    # ---- device
    "imei": ("IMEI", "telco", {"en": ["IMEI", "IMEI number", "imei no", "IMEI #", "IMEI nr", "serial (IMEI)"]}, g_imei, set()),
    "iccid": ("SIM ICCID", "telco", {"en": ["SIM number", "ICCID", "SIM card number", "sim no", "SIM serial (ICCID)"]}, g_iccid, set()),
    # ---- bank
    "uk_sc_acct": ("UK sort code + account number", "bank", {"en": ["account", "a/c", "sort code and account number", "acc details", "account details", "acount no", "sc/acc"]}, g_uk_sc_acct, {"GB"}),
    "uk_acct": ("UK bank account number", "bank", {"en": ["account number", "acct no.", "a/c no", "acc #", "account num", "acount number", "ACCOUNT NO", "acc no", "current account number", "savings account no"]}, g_uk_acct, {"GB", "IE"}),
    "us_acct": ("US bank account number", "bank", {"en": ["checking account", "account #", "acct", "acct #", "checking acct number", "savings acct"]}, g_us_acct, {"US"}),
    "in_acct": ("Indian bank account number", "bank", {"en": ["A/c No.", "account no", "SB a/c", "savings a/c no", "acct no"]}, g_in_acct, {"IN"}),
    "de_konto": ("German Kontonummer", "bank", {"en": ["account number"], "de": ["Kontonummer", "Konto-Nr.", "Kto.-Nr.", "Kontonr"]}, g_de_konto, {"DE"}),
    "bank_cust": ("bank customer number", "bank", {"en": ["CIF", "customer ID", "CRN", "client number", "customer reference number", "cust no", "custmer id", "customer number", "CIF no"],
                  "de": ["Kundennummer"], "fr": ["numéro client"], "es": ["número de cliente"], "it": ["codice cliente"], "nl": ["klantnummer"], "pl": ["numer klienta"]},
                  P("##########", "CIF########", "########", "#### #### ##"), set()),
    "bank_login": ("online banking user ID", "bank", {"en": ["user ID", "login ID", "online banking ID", "username", "customer login", "Membership number"], "de": ["Benutzerkennung", "Anmeldename"]},
                   lambda rng, p: rng.choice([pat(rng, "##########"), pat(rng, "@@@#####"), g_username(rng, p)]), set()),
    "mortgage": ("mortgage account number", "bank", {"en": ["mortgage account number", "mortgage a/c", "mortgage acc no", "mortgage account"]}, P("##########-##", "MTG########", "####/#####"), set()),
    "loan": ("loan account number", "bank", {"en": ["loan account no", "loan a/c", "loan acct", "personal loan account"]}, P("LN#########", "###########", "LA-######-##"), set()),
    "acct_generic": ("bank account number (other countries)", "bank", {"en": ["account number", "acc no", "account no.", "bank account"], "fr": ["numéro de compte", "n° de compte"],
                     "es": ["número de cuenta", "nº de cuenta"], "it": ["numero di conto", "n. conto"], "nl": ["rekeningnummer"], "pl": ["numer konta", "nr rachunku"]},
                     P("##########", "###########", "#### #### ##", "00#########"), {"FR", "ES", "IT", "NL", "PL", "IE", "CA", "AU", "BR", "NG", "PH"}),
    "cc_acct": ("credit card account number", "bank", {"en": ["credit card account number", "card account no"]}, P("############", "CCA-#########"), set()),
    # ---- telco
    "tel_acct": ("mobile account number", "telco", {"en": ["account number", "mobile account no", "acct no", "billing account number", "BAN", "account no.", "acc"],
                 "de": ["Kundenkontonummer"], "fr": ["numéro de compte"], "es": ["número de cuenta"]}, P("#########", "MA########", "###-###-####", "#########-###"), set()),
    "tel_sub": ("subscriber / customer number", "telco", {"en": ["subscriber ID", "subscriber no.", "customer no", "customer number", "cust. no.", "custmer number", "CID"],
                "de": ["Kundennummer", "Kunden-Nr.", "Kd.-Nr."], "fr": ["numéro d'abonné", "n° client", "numéro client"], "es": ["número de cliente", "nº de abonado"],
                "it": ["codice cliente", "cod. cliente"], "nl": ["klantnummer", "klantnr"], "pl": ["numer klienta", "nr klienta"]}, P("##########", "C#########", "#### ### ###", "SUB-#######"), set()),
    "bb_acct": ("broadband account number", "telco", {"en": ["broadband account number", "BB acc no", "broadband acct", "fibre account no", "internet account number"]}, P("BB########", "##########", "FB-#######"), set()),
    "landline_acct": ("landline account number", "telco", {"en": ["landline account", "phone account number", "home phone account no", "landline acc #"]}, P("@@########", "LL-########"), set()),
    "service_id": ("broadband service / line ID", "telco", {"en": ["service ID", "line ID", "circuit ID", "service number"]}, P("BBEU########", "SVC-#######", "LID########"), set()),
    "tel_contract": ("contract number", "telco", {"en": ["contract no", "contract number", "agreement number"], "de": ["Vertragsnummer", "Vertrags-Nr."], "fr": ["numéro de contrat", "n° de contrat"],
                     "es": ["número de contrato"], "it": ["numero contratto"], "nl": ["contractnummer"], "pl": ["numer umowy"]}, P("V########", "##########", "CT-####-#####"), set()),
    "tel_user": ("My Account username", "telco shop", {"en": ["username", "user name", "login", "My Account username", "user id", "userid"]}, g_username, set()),
    # ---- shop
    "shop_cust": ("shop customer number", "shop", {"en": ["customer number", "customer no.", "customer ID", "cust #", "customer num", "custome number", "cust id", "customer acct"],
                  "de": ["Kundennummer", "Kundennr"], "fr": ["numéro client"], "es": ["número de cliente"], "it": ["codice cliente"], "nl": ["klantnummer"], "pl": ["numer klienta"]},
                  P("CUS-#######", "#########", "C-###-####", "K#######"), set()),
    "loyalty": ("loyalty card number", "shop", {"en": ["loyalty card number", "rewards number", "loyalty no", "points card", "club card number", "rewards card #", "member number"]},
                P("9826 4410 #### ##", "##############", "LC########"), set()),
    "shop_member": ("shop member ID", "shop", {"en": ["member ID", "memebr number", "membership no", "mem#", "member no.", "MEMBER ID"]}, P("M#######", "######", "MB-##-#####"), set()),
    # ---- public services
    "council_tax": ("council tax account number", "public", {"en": ["council tax account number", "council tax ref", "council tax account no", "CT account"]}, P("########", "##########", "CT########"), {"GB"}),
    "sfe_crn": ("Student Finance customer reference number", "public edu", {"en": ["customer reference number", "CRN", "student finance CRN"]}, P("###########"), {"GB"}),
    "tv_licence": ("TV licence number", "public", {"en": ["TV licence number", "licence no", "tv licence no."]}, P("##########"), {"GB"}),
    "benefit": ("benefit customer number", "public", {"en": ["customer number", "claimant number", "benefit ID"], "de": ["Kundennummer", "BG-Nummer"]}, P("###@#######", "##########"), {"GB", "DE"}),
    "voter_reg": ("electoral roll number", "public", {"en": ["electoral number", "elector number", "poll number"]}, P("@@@-####", "@@####"), {"GB"}),
    # ---- utility
    "mpan": ("MPAN (electricity supply number)", "utility", {"en": ["MPAN", "supply number", "MPAN core", "electricity supply no", "S number"]}, g_mpan, {"GB"}),
    "mprn": ("MPRN (gas / IE electricity)", "utility", {"en": ["MPRN", "meter point reference", "gas MPRN", "M number"]}, lambda rng, p: ("10" + rd(rng, 9)) if p["country"] == "IE" else rd(rng, rng.choice([8, 9, 10]), "123456789"), {"GB", "IE"}),
    "meter_serial": ("meter serial number", "utility", {"en": ["meter serial", "meter number", "meter serial no", "meter no."], "de": ["Zählernummer", "Zähler-Nr."]}, P("@##@######", "@##@@#####", "1@@@##########"), set()),
    "util_acct": ("energy account number", "utility", {"en": ["account number", "acc no", "energy account", "customer account no"], "de": ["Vertragskontonummer", "Kundennummer"], "fr": ["référence client", "numéro de compte client"]}, P("A-########", "#########", "#### #### ###"), set()),
    "pdl": ("French PDL/PRM supply point", "utility", {"en": ["PDL", "PRM number"], "fr": ["numéro PDL", "point de livraison", "n° PRM"]}, P("##############"), {"FR"}),
    "de_maloid": ("German Marktlokations-ID", "utility", {"de": ["Marktlokations-ID", "MaLo-ID", "Zählpunkt"]}, P("###########", "DE000#############################"), {"DE"}),
    # ---- health
    "pharmacy": ("pharmacy patient number", "health", {"en": ["patient number", "patient no", "patient ID", "pt no"]}, P("PT-######", "########", "P######"), set()),
    "mrn": ("hospital number / MRN", "health", {"en": ["hospital number", "MRN", "hosp no", "medical record number"]}, P("@#######", "RX#######", "#######"), set()),
    "kvnr": ("German health insurance number", "health", {"en": ["health insurance number"], "de": ["Versichertennummer", "KV-Nummer", "Krankenversichertennummer"]}, P("@#########"), {"DE"}),
    "health_member": ("health plan member ID", "health insurance", {"en": ["member ID", "health plan ID", "member #", "subscriber ID", "group/member no"]}, P("@@@#########", "W#########", "#########-##"), {"US"}),
    # ---- membership / education / work
    "gym": ("gym membership number", "member", {"en": ["membership number", "membership no", "mem#", "member no", "memebr number", "gym ID", "member number"]}, P("GM-######", "######", "####-####"), set()),
    "library": ("library card number", "member", {"en": ["library card number", "library card no", "borrower number", "card number", "library ID"]}, P("2#### ##### ####", "LIB#########", "##############"), set()),
    "student": ("student ID", "edu", {"en": ["student ID", "student number", "student no", "matric number", "stu ID"], "de": ["Matrikelnummer"]}, P("s#######", "20########", "#######", "U#######"), set()),
    "employee": ("employee ID", "work", {"en": ["employee ID", "employee number", "staff number", "payroll number", "emp no", "staff ID", "EMP#"], "de": ["Personalnummer"]}, P("E-######", "EMP#####", "######", "S####"), set()),
    # ---- insurance / travel
    "policy": ("insurance policy number", "insurance", {"en": ["policy number", "policy no", "policy #", "pol. no", "policy"], "de": ["Versicherungsscheinnummer", "Vertragsnummer"],
               "fr": ["numéro de police", "n° de contrat"], "it": ["numero polizza"], "es": ["número de póliza"]}, P("POL-########", "@@########", "HX/######/##"), set()),
    "ff": ("frequent flyer number", "travel", {"en": ["frequent flyer number", "FF number", "miles number", "loyalty number", "frequent flyer #"]}, P("##########", "@@#########", "### ### ####"), set()),
}

DOMAIN_KINDS = {
    "bank": ["uk_sc_acct", "uk_acct", "us_acct", "in_acct", "de_konto", "acct_generic", "bank_cust", "bank_login", "mortgage", "loan", "cc_acct", "bvn"],
    "telco": ["tel_acct", "tel_sub", "bb_acct", "landline_acct", "service_id", "tel_contract", "tel_user", "imei", "iccid", "imei"],
    "shop": ["shop_cust", "loyalty", "shop_member", "tel_user"],
    "public": ["council_tax", "tv_licence", "benefit", "voter_reg", "sfe_crn", "nino", "utr", "dl"],
    "utility": ["mpan", "mprn", "meter_serial", "util_acct", "pdl", "de_maloid"],
    "health": ["pharmacy", "mrn", "nhs", "kvnr", "health_member", "medicare", "nir"],
    "member": ["gym", "library", "student", "employee"],
    "insurance": ["policy", "dl", "health_member"],
    "travel": ["passport", "ff"],
}
NATIONAL = {
    "GB": ["nino", "nhs", "utr", "passport", "dl"], "US": ["passport", "dl"], "IN": ["aadhaar", "pan", "epic", "passport", "dl"],
    "DE": ["steuerid", "steuernr", "perso", "passport", "dl"], "FR": ["spi", "nir", "passport"], "ES": ["dni", "nie", "passport"],
    "IT": ["cf", "passport"], "NL": ["bsn", "passport"], "PL": ["pesel", "passport"], "IE": ["ppsn", "passport", "dl"],
    "CA": ["sin", "passport", "dl"], "AU": ["tfn", "medicare", "passport", "dl"], "BR": ["cpf", "passport"],
    "NG": ["nin_ng", "bvn", "passport"], "PH": ["philsys", "sss", "passport"],
}
LANG = {"DE": "de", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl", "PL": "pl"}

# ----------------------------------------------------------------------------------------
# people, places, organisations
# ----------------------------------------------------------------------------------------
COUNTRIES = {
    "GB": ("en_GB", "British", ["UK", "United Kingdom", "England", "Scotland", "Wales"]),
    "US": ("en_US", "American", ["US", "USA", "United States"]),
    "IN": ("en_IN", "Indian", ["India"]),
    "DE": ("de_DE", "German", ["Germany", "Deutschland"]),
    "FR": ("fr_FR", "French", ["France"]),
    "ES": ("es_ES", "Spanish", ["Spain", "España"]),
    "IT": ("it_IT", "Italian", ["Italy", "Italia"]),
    "NL": ("nl_NL", "Dutch", ["Netherlands", "NL", "Holland"]),
    "PL": ("pl_PL", "Polish", ["Poland", "Polska"]),
    "IE": ("en_IE", "Irish", ["Ireland", "Éire"]),
    "CA": ("en_CA", "Canadian", ["Canada"]),
    "AU": ("en_AU", "Australian", ["Australia", "Oz"]),
    "BR": ("pt_BR", "Brazilian", ["Brazil", "Brasil"]),
    "NG": (None, "Nigerian", ["Nigeria"]),
    "PH": (None, "Filipino", ["Philippines"]),
}
COUNTRY_W = [("GB", 24), ("US", 10), ("IN", 9), ("DE", 9), ("FR", 6), ("ES", 5), ("IT", 5), ("NL", 4), ("PL", 4),
             ("IE", 5), ("CA", 4), ("AU", 4), ("BR", 3), ("NG", 5), ("PH", 4)]

# names typed from memory, by origin (first names, last names)
OWN_NAMES = {
    "NG": (["Chinedu", "Adaeze", "Oluwaseun", "Ngozi", "Babatunde", "Funmilayo", "Ifeanyi", "Aisha", "Emeka", "Yetunde", "Tochukwu", "Zainab", "Obinna", "Folake", "Kelechi", "Hauwa"],
           ["Okafor", "Nwosu", "Adeyemi", "Eze", "Bakare", "Ogunleye", "Obi", "Bello", "Uchenna", "Abubakar", "Adebayo", "Okonkwo", "Ibrahim", "Olatunji", "Nnamdi", "Danjuma"]),
    "PH": (["Maria Cristina", "Jose", "Rhea", "Jericho", "Liezl", "Mark Anthony", "Joy", "Rodel", "Kristine", "Ramil", "Mae", "Jun-Jun"],
           ["Dela Cruz", "Santos", "Bautista", "Mendoza", "Reyes", "Villanueva", "Garcia", "Manalo", "Pascual", "Aquino", "Soriano", "Macaraeg"]),
    "ZH": (["Wei", "Xiaoming", "Mei", "Jun", "Yuting", "Haoran", "Lin", "Qiang"], ["Zhang", "Li", "Chen", "Wang", "Liu", "Huang", "Zhou", "Xu"]),
    "VI": (["Thi Lan", "Minh", "Hoang", "Thu Trang", "Quoc Bao"], ["Nguyen", "Tran", "Pham", "Le", "Vo"]),
    "KO": (["Ji-woo", "Seo-yeon", "Min-jun", "Hye-jin", "Dong-hyun"], ["Park", "Kim", "Lee", "Choi", "Jung"]),
    "AR": (["Omar", "Fatima", "Youssef", "Layla", "Khalid", "Noor", "Tariq", "Amira"], ["Haddad", "Al-Sayed", "Benali", "Hassan", "El Amrani", "Khoury", "Mansour", "Saleh"]),
    "TR": (["Emre", "Elif", "Burak", "Zeynep", "Can", "Ayşe"], ["Yılmaz", "Demir", "Kaya", "Şahin", "Öztürk", "Çelik"]),
    "SO": (["Hodan", "Abdirahman", "Ayaan", "Mohamed", "Sahra"], ["Warsame", "Farah", "Abdi", "Hussein", "Osman"]),
    "GH": (["Kwame", "Akosua", "Kofi", "Ama", "Yaw"], ["Mensah", "Boateng", "Owusu", "Asante", "Appiah"]),
    "PK": (["Imran", "Farhana", "Tanvir", "Ayesha", "Bilal", "Nusrat", "Shahid"], ["Chaudhry", "Begum", "Hossain", "Qureshi", "Malik", "Rahman", "Akhtar"]),
    "IR": (["Siobhán", "Cian", "Aoife", "Niamh", "Oisín", "Saoirse", "Pádraig"], ["Ní Bhriain", "O'Sullivan", "McCarthy", "Ó Murchú", "Mac Giolla", "O'Neill", "Ní Dhonnchadha"]),
    "UA": (["Olena", "Dmitri", "Oksana", "Taras", "Yulia"], ["Kovalenko", "Volkov", "Shevchenko", "Bondarenko", "Melnyk"]),
    "JP": (["Haruto", "Yui", "Kenji", "Aiko"], ["Sato", "Tanaka", "Watanabe", "Yamamoto"]),
    "ET": (["Selam", "Dawit", "Hana", "Yonas"], ["Tesfaye", "Bekele", "Girma", "Haile"]),
    "GR": (["Dimitris", "Eleni", "Giorgos"], ["Papadopoulos", "Nikolaidis", "Georgiou"]),
    "SC": (["Eilidh", "Rhys", "Morag", "Iain", "Cerys", "Hamish"], ["MacLeod", "ap Gwilym", "Fraser", "MacDonald", "Llewellyn", "Pritchard"]),
    "ES2": (["María José", "Juan Carlos", "Ana Belén", "José Luis"], ["García López", "Fernández Ruiz", "Martín Sánchez", "Pérez de la Fuente"]),
    "IN2": (["Priya", "Harpreet", "Venkatesh", "Ananya", "Gurpreet", "Lakshmi", "Arjun", "Sai Kiran"], ["Raman", "Kaur", "Iyer", "Bhattacharya", "Singh", "Subramanian", "Reddy", "Naidu"]),
}
DIASPORA = ["ZH", "VI", "KO", "AR", "TR", "SO", "GH", "PK", "UA", "JP", "ET", "GR", "NG", "PH", "IN2"]

STATES = {"US": ["California", "Texas", "New York", "Florida", "Illinois", "Ohio", "Georgia"], "IN": ["Maharashtra", "Karnataka", "Tamil Nadu", "Kerala", "Gujarat"],
          "DE": ["Bavaria", "Bayern", "NRW", "Hessen", "Sachsen"], "CA": ["Ontario", "Quebec", "Alberta", "BC"], "AU": ["New South Wales", "NSW", "Victoria", "Queensland"],
          "NG": ["Lagos State", "Oyo", "Kano"], "BR": ["São Paulo", "Minas Gerais"], "ES": ["Andalucía", "Catalonia"], "IT": ["Lombardy", "Sicily"]}
NG_CITIES = ["Lagos", "Abuja", "Ibadan", "Enugu", "Port Harcourt", "Kano"]
PH_CITIES = ["Quezon City", "Cebu City", "Davao", "Makati", "Pasig"]

ORGS = {
    "bank": ["Brightwater Bank", "Kestrel Savings", "Larchmont Federal Credit Union", "Ostara Bank", "Pennywhistle Building Society", "Banca Fiorella", "Nordhafen Sparkasse",
             "Crédit Lumière", "Banco Alcarria", "Lotus Grameen Bank", "Meridian Trust Bank", "Greenfinch Bank"],
    "telco": ["Ripple Mobile", "Tideline Broadband", "Kitefibre", "Nimbus Telecom", "Skylark Mobile", "Vodaline", "FunkNetz", "Orion Télécom", "Telco Azul", "Jio-Lite Networks", "Beacon Fibre"],
    "shop": ["Quillmart", "Basketry", "Emberly Home", "Parcelpine", "Hopscotch Kids", "Marktwerk", "La Boutique Verte", "Ciclo Sport", "Spindle & Co", "Bazaarly"],
    "public": ["Fernbridge Borough Council", "Ashcombe District Council", "Office of Civic Records", "Northmere City Council", "Revenue Services Helpdesk", "Bürgeramt Lindenau",
               "Mairie de Saint-Orvel", "Student Funding Service"],
    "utility": ["Glowfield Energy", "Brookwater Utilities", "Lumen Power", "Stadtwerke Eichtal", "Énergie Claire", "Cobalt Gas & Power"],
    "health": ["Willowmead Pharmacy", "St Brannock's Hospital", "Greenleaf Chemist", "Larkspur Health Plan", "Praxis Dr. Hollweg", "Medivale Clinic"],
    "member": ["IronWorks Gym", "Fernbridge Libraries", "University of Castlemoor", "Harbourline Logistics", "PulseFit", "Kingsgate College", "Veltro Systems Ltd"],
    "insurance": ["Harbourside Insurance", "Assura Mutual", "Bluebell Home & Motor", "Allgarant Versicherung", "Covermate"],
    "travel": ["Skyloop Airways", "Aerovista", "Tern Air", "Northstar Travel"],
}
MERCHANTS = ["Costwise", "Brambleberry Café", "Nordlicht Elektro", "Quickbite", "Pixel Arcade", "Foxglove Florists", "Rohrbach & Söhne KG", "Tandoor Express", "Velo Plaza"]
DOMAIN_SLUG = {}


def slug(org):
    s = re.sub("[^a-z]", "", ascii_up(org).lower())
    return s[:20]


AGENTS = ["Sam", "Priya", "Tomasz", "Leonie", "Jamal", "Chloé", "Ravi", "Megan", "Kofi", "Ines", "Dan", "Aroha", "Bogdan", "Fern"]


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, (code, (loc, _, _)) in enumerate(sorted(COUNTRIES.items())):
            if loc:
                f = Faker(loc)
                f.seed_instance(seed + 17 * (i + 1))
                self.fakers[code] = f
        f = Faker("en_PH")
        f.seed_instance(seed + 999)
        self.fakers["PH_ADDR"] = f

    def person(self, country):
        rng = self.rng
        origin = country
        if country in ("GB", "US", "CA", "AU", "DE", "IE", "NL", "FR") and rng.random() < 0.3:
            origin = rng.choice(DIASPORA)
        if country == "GB" and rng.random() < 0.1:
            origin = "SC"
        if country == "IE" and rng.random() < 0.4:
            origin = "IR"
        if country == "ES" and rng.random() < 0.3:
            origin = "ES2"
        if country == "IN" and rng.random() < 0.35:
            origin = "IN2"
        sex = rng.choice("MF")
        if origin in OWN_NAMES:
            fn, ln = OWN_NAMES[origin]
            first, last = rng.choice(fn), rng.choice(ln)
        else:
            f = self.fakers[origin]
            first = f.first_name_male() if sex == "M" else f.first_name_female()
            last = f.last_name()
        y = rng.randint(1946, 2004)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        p = {"first": first, "last": last, "sex": sex, "dob": (y, m, d), "country": country, "origin": origin}
        p["address"] = self.address(country)
        p["city"] = self.city(country)
        p["phone"] = phone(rng, country)
        p["email"] = email(rng, first, last)
        p["nrp"] = COUNTRIES[origin][1] if origin in COUNTRIES else None
        return p

    def address(self, c):
        rng = self.rng
        if c == "NG":
            return "%d %s %s, %s" % (rng.randint(1, 60), rng.choice(["Adewale", "Okoro", "Alhaji Musa", "Ifeoma", "Bode"]), rng.choice(["Street", "Close", "Crescent"]), rng.choice(NG_CITIES))
        if c == "PH":
            f = self.fakers["PH_ADDR"]
        else:
            f = self.fakers[c]
        a = f.address()
        return re.sub(r"\s*\n\s*", ", ", a).strip()

    def city(self, c):
        if c == "NG":
            return self.rng.choice(NG_CITIES)
        if c == "PH":
            return self.rng.choice(PH_CITIES)
        return self.fakers[c].city().strip()


def phone(rng, c):
    if c == "GB":
        k = rng.randrange(6)
        n3 = "%03d" % rng.randint(0, 999)
        return ["07700 900%s" % n3, "+44 7700 900%s" % n3, "020 7946 0%s" % n3, "0161 496 0%s" % n3, "+44 (0)7700 900%s" % n3, "0113 496 0%s" % n3][k]
    if c in ("US", "CA"):
        ac = rng.choice(["212", "415", "312", "617", "305", "613", "416", "512"])
        x = "01%02d" % rng.randint(0, 99)
        return rng.choice(["(%s) 555-%s" % (ac, x), "%s-555-%s" % (ac, x), "+1 %s 555 %s" % (ac, x), "%s.555.%s" % (ac, x)])
    if c == "AU":
        return rng.choice(["0491 570 %03d" % rng.randint(0, 999), "(02) 5550 %04d" % rng.randint(0, 9999), "+61 491 570 %03d" % rng.randint(0, 999)])
    if c == "FR":
        return rng.choice(["01 99 00 %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99)), "+33 1 99 00 %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99))])
    if c == "DE":
        return rng.choice(["+49 151 %s" % rd(rng, 8), "0151/%s" % rd(rng, 8), "030 %s" % rd(rng, 8), "0049 176 %s" % rd(rng, 7)])
    if c == "IN":
        return rng.choice(["+91 98765 %s" % rd(rng, 5), "98%s" % rd(rng, 8), "+91-9%s" % rd(rng, 9)])
    if c == "NG":
        return rng.choice(["+234 803 %s %s" % (rd(rng, 3), rd(rng, 4)), "0803%s" % rd(rng, 7), "0812 %s %s" % (rd(rng, 3), rd(rng, 4))])
    if c == "PH":
        return rng.choice(["+63 917 %s %s" % (rd(rng, 3), rd(rng, 4)), "0917-%s-%s" % (rd(rng, 3), rd(rng, 4))])
    if c == "IE":
        return rng.choice(["+353 20 910 %04d" % rng.randint(0, 9999), "020 910 %04d" % rng.randint(0, 9999)])
    if c == "BR":
        return "+55 11 9%s-%s" % (rd(rng, 4), rd(rng, 4))
    if c == "ES":
        return "+34 6%s %s %s" % (rd(rng, 2), rd(rng, 3), rd(rng, 3))
    if c == "IT":
        return "+39 3%s %s %s" % (rd(rng, 2), rd(rng, 3), rd(rng, 4))
    if c == "NL":
        return rng.choice(["+31 6 %s" % rd(rng, 8), "06-%s" % rd(rng, 8)])
    if c == "PL":
        return "+48 5%s %s %s" % (rd(rng, 2), rd(rng, 3), rd(rng, 3))
    return "+44 7700 900%03d" % rng.randint(0, 999)


MAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.test", "inbox.test", "post.example", "webmail.example.co.uk", "correo.example.es", "posteo.example.de"]


def email(rng, first, last):
    f = re.sub("[^a-z]", "", ascii_up(first).lower()) or "kim"
    l = re.sub("[^a-z]", "", ascii_up(last).lower()) or "lee"
    k = rng.randrange(5)
    loc = [f + "." + l, f[0] + l + str(rng.randint(1, 99)), f + l[0] + str(rng.randint(70, 2004)), l + "_" + f, f + "." + l + str(rng.randint(1, 9))][k]
    return loc + "@" + rng.choice(MAIL_DOMAINS)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(d):
    return "%d%s" % (d, "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def fmt_date(rng, y, m, d, us=False):
    k = rng.randrange(9)
    if us and k < 3:
        return "%d/%d/%d" % (m, d, y)
    return ["%02d/%02d/%d" % (d, m, y), "%d.%d.%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d), "%d %s %d" % (d, MONTHS[m - 1], y),
            "%s %d, %d" % (MONTHS[m - 1], d, y), "%d %s %d" % (d, MONTHS[m - 1][:3], y), "%02d.%02d.%02d" % (d, m, y % 100),
            "%s of %s" % (ordinal(d), MONTHS[m - 1]), "%d/%d/%02d" % (d, m, y % 100)][k]


def recent_date(rng, us=False):
    y = rng.choice([2023, 2024, 2024, 2025])
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    k = rng.randrange(4)
    if k == 0:
        return "%s %d %s" % (WEEKDAYS[rng.randrange(7)], d, MONTHS[m - 1])
    if k == 1:
        return "%s %s" % (ordinal(d), MONTHS[m - 1])
    return fmt_date(rng, y, m, d, us)


# ----------------------------------------------------------------------------------------
# look-alikes (never labelled)
# ----------------------------------------------------------------------------------------
def aba(rng):
    while True:
        b = rd(rng, 8, "0123")
        for last in range(10):
            n = b + str(last)
            if (3 * (int(n[0]) + int(n[3]) + int(n[6])) + 7 * (int(n[1]) + int(n[4]) + int(n[7])) + int(n[2]) + int(n[5]) + int(n[8])) % 10 == 0:
                return n


DECOYS = {
    "order": lambda r: rng_pick(r, ["order #%s" % pat(r, "###-#######-#######"), "order ORD-%s" % pat(r, "######"), "order no. %s" % pat(r, "########"), "my order %s" % pat(r, "@@#######"), "Bestellnummer %s" % pat(r, "#########")]),
    "ticket": lambda r: rng_pick(r, ["ticket INC00%s" % pat(r, "#####"), "case CS-%s" % pat(r, "######"), "case ref %s" % pat(r, "####-####"), "SR #%s" % pat(r, "#########"), "complaint ref C%s" % pat(r, "#######"), "ref no %s" % pat(r, "@@-#####")]),
    "tracking": lambda r: rng_pick(r, ["tracking 1Z%s" % pat(r, "***###########"), "tracking no JD0146000%s" % pat(r, "##########"), "tracking number %sGB" % pat(r, "@@#########"), "parcel %s" % pat(r, "##############")]),
    "invoice": lambda r: rng_pick(r, ["invoice INV-2024-0%s" % pat(r, "####"), "invoice no. %s" % pat(r, "#######"), "Rechnungsnummer RE-%s" % pat(r, "######"), "bill ref B%s" % pat(r, "########")]),
    "vat": lambda r: rng_pick(r, ["their VAT no GB %s" % pat(r, "### #### ##"), "USt-IdNr. DE%s" % pat(r, "#########"), "company VAT number FR%s" % pat(r, "###########")]),
    "company": lambda r: rng_pick(r, ["company no. 0%s" % pat(r, "#######"), "registered in England no. %s" % pat(r, "########"), "HRB %s" % pat(r, "#####"), "CIN U%s" % pat(r, "#####MH####PTC######")]),
    "crime": lambda r: rng_pick(r, ["crime reference %s/%s/24" % (pat(r, "##"), pat(r, "#####")), "crime ref number CR/%s/25" % pat(r, "######"), "police ref %s" % pat(r, "####-####-##")]),
    "pac": lambda r: rng_pick(r, ["PAC code %s" % pat(r, "@@@######"), "STAC %sSTA" % pat(r, "######"), "my PAC is %s" % pat(r, "@@@######")]),
    "error": lambda r: rng_pick(r, ["error 0x8007%s" % pat(r, "####"), "error code E-%s" % pat(r, "####"), "code %s" % pat(r, "###"), "ERR_%s" % r.choice(["TIMEOUT", "AUTH_4012", "CONNECTION_RESET"])]),
    "firmware": lambda r: rng_pick(r, ["firmware %d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 99)), "app version %d.%d.%d" % (r.randint(4, 12), r.randint(0, 9), r.randint(0, 40)), "v%d.%d-build%s" % (r.randint(1, 9), r.randint(0, 9), pat(r, "####"))]),
    "model": lambda r: rng_pick(r, ["model ZH-%s" % pat(r, "####"), "the Zephyr Hub %d" % r.randint(2, 6), "model no. %s" % pat(r, "@@-####@"), "Aurel X%d handset" % r.randint(3, 12)]),
    "serial": lambda r: rng_pick(r, ["router serial %s" % pat(r, "@@####@#######"), "S/N %s" % pat(r, "*##@#####*"), "serial number on the box %s" % pat(r, "##@@#####")]),
    "mac": lambda r: rng_pick(r, ["MAC %s" % ":".join("%02x" % r.randint(0, 255) for _ in range(6)), "mac address %s" % "-".join("%02X" % r.randint(0, 255) for _ in range(6))]),
    "amount": lambda r: rng_pick(r, ["£%d.%02d" % (r.randint(3, 900), r.randint(0, 99)), "€ %d,%02d" % (r.randint(3, 900), r.randint(0, 99)), "₹%d,%03d" % (r.randint(1, 90), r.randint(0, 999)), "$%d.%02d" % (r.randint(3, 900), r.randint(0, 99))]),
    "time": lambda r: rng_pick(r, ["at %02d:%02d" % (r.randint(7, 22), r.randint(0, 59)), "around %d.%02dpm" % (r.randint(1, 11), r.choice([0, 15, 30, 45])), "at %dam" % r.randint(7, 11)]),
    "last4": lambda r: rng_pick(r, ["card ending %s" % pat(r, "####"), "the card ending in %s" % pat(r, "####"), "account ending %s" % pat(r, "####"), "last 4 digits %s" % pat(r, "####")]),
    "promo": lambda r: rng_pick(r, ["promo code %s" % r.choice(["SPRING25", "WELCOME10", "FREESHIP", "BLACKFRI30", "STUDENT15"]), "voucher %s" % pat(r, "@@@@-####")]),
    "flight": lambda r: rng_pick(r, ["flight ZQ %d" % r.randint(100, 9999), "flight TN%d" % r.randint(100, 999)]),
    "pnr": lambda r: rng_pick(r, ["booking ref %s" % pat(r, "@*@**@"), "PNR %s" % pat(r, "@@@@@@")]),
    "sortcode": lambda r: rng_pick(r, ["sort code %02d-%02d-%02d" % (r.randint(1, 99), r.randint(0, 99), r.randint(0, 99)), "SC %02d %02d %02d" % (r.randint(1, 99), r.randint(0, 99), r.randint(0, 99))]),
    "routing": lambda r: "routing number %s" % aba(r),
    "ifsc": lambda r: "IFSC %s0%s" % (r.choice(["HSVB", "KTRB", "LOTB", "MRDN"]), pat(r, "######")),
    "blz": lambda r: "BLZ %s" % pat(r, "### ### ##"),
    "claim": lambda r: rng_pick(r, ["claim no CLM-2024-00%s" % pat(r, "####"), "claim reference %s" % pat(r, "@@######")]),
    "rx": lambda r: "prescription Rx %s" % pat(r, "#######"),
    "pcn": lambda r: "PCN %s" % pat(r, "@@########"),
    "application": lambda r: rng_pick(r, ["application ref APP-%s" % pat(r, "######"), "application number %s" % pat(r, "##########")]),
    "reading": lambda r: "reading %s kWh" % pat(r, "#####"),
    "rma": lambda r: "return ref RMA-%s" % pat(r, "######"),
}
DOMAIN_DECOYS = {
    "bank": ["ticket", "last4", "amount", "time", "sortcode", "routing", "ifsc", "blz", "crime", "error", "company"],
    "telco": ["ticket", "pac", "error", "firmware", "model", "serial", "mac", "amount", "order", "time"],
    "shop": ["order", "tracking", "invoice", "promo", "last4", "amount", "rma", "vat", "ticket"],
    "public": ["application", "ticket", "pcn", "amount", "crime", "time"],
    "utility": ["reading", "invoice", "amount", "ticket", "time", "serial"],
    "health": ["rx", "time", "amount", "ticket", "order"],
    "member": ["invoice", "amount", "ticket", "time", "promo"],
    "insurance": ["claim", "crime", "amount", "ticket", "invoice", "time"],
    "travel": ["flight", "pnr", "amount", "ticket", "time"],
}


def rng_pick(r, xs):
    return r.choice(xs)


PROBLEMS = {
    "bank": ["i can't log into the app, it keeps saying my details are wrong", "please update my address, I moved last month", "there is a payment on my statement i don't recognise",
             "my card got blocked after I travelled", "I need a letter confirming my account for a visa application", "why was I charged an overdraft fee",
             "i want to close my savings account", "the standing order to my landlord didn't go out", "I need to change the name on my account after getting married",
             "the transfer to my sister hasn't arrived", "your app locked me out again after the update"],
    "telco": ["my mobile data stopped working yesterday", "i want my phone unlocked", "broadband keeps dropping every evening", "I was billed twice this month",
              "i want to port my number out", "my new sim isn't activated", "please cancel my contract at the end of the term", "the roaming charges look wrong",
              "the router you sent is faulty", "I lost my phone, please block it", "please move my broadband to my new flat"],
    "shop": ["my parcel never arrived", "I want to return a jacket that doesn't fit", "my loyalty points disappeared", "I was charged but the order was cancelled",
             "please delete my account", "I can't reset my password", "the wrong item was delivered", "my refund hasn't come through"],
    "public": ["I need to update my details", "my tax code looks wrong", "I applied for a renewal and have heard nothing", "I got a letter I don't understand",
               "please confirm what you hold on record", "I was asked to send my ID for verification", "my council tax bill has the wrong band"],
    "utility": ["my bill is way too high", "I moved in and need to set up an account", "the meter reading was estimated again", "the smart meter stopped sending readings",
                "please switch me to paperless billing", "I'm moving out and need a final bill"],
    "health": ["my prescription wasn't ready", "I need to change my registered address", "please send my repeat prescription to another branch", "I missed my appointment and need to rebook",
               "the insurer rejected my claim for the physio"],
    "member": ["I want to freeze my membership", "my library card stopped working at the self-checkout", "I need an enrolment letter for my landlord", "my payslip is missing overtime",
               "please cancel my gym membership", "the door scanner doesn't accept my card"],
    "insurance": ["I need to make a claim for water damage", "please add my son as a named driver", "my renewal quote doubled", "please send my policy documents again"],
    "travel": ["please add my passport details to the booking", "my frequent flyer miles weren't credited", "the name on my ticket is misspelt", "I need to change the return date"],
}
DOMAIN_W = [("bank", 20), ("telco", 20), ("shop", 12), ("public", 14), ("utility", 9), ("health", 8), ("member", 8), ("insurance", 5), ("travel", 4)]


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ----------------------------------------------------------------------------------------
# one ID item: kind, label, value
# ----------------------------------------------------------------------------------------
class Item:
    def __init__(self, kind, label, value, lang):
        self.kind, self.label, self.value, self.lang = kind, label, value, lang

    @property
    def typ(self):
        return "SSN" if self.kind == "ssn" else "ID"


def make_item(rng, kind, p):
    name, _, labels, gen, _ = KINDS[kind]
    lang = LANG.get(p["country"], "en")
    if lang in labels and rng.random() < 0.65:
        lab = rng.choice(labels[lang])
    else:
        lang = "en" if "en" in labels else sorted(labels)[0]
        lab = rng.choice(labels[lang])
    r = rng.random()
    if r < 0.12:
        lab = lab.upper()
    elif r < 0.3 and not lab.isupper():
        lab = lab.lower()
    return Item(kind, lab, gen(rng, p), lang)


PRIMARY = {"bank": ["uk_sc_acct", "uk_acct", "us_acct", "in_acct", "de_konto", "acct_generic"], "utility": ["mpan", "mprn", "pdl", "de_maloid", "util_acct"],
           "telco": ["tel_acct", "tel_sub", "bb_acct", "imei"], "public": ["council_tax", "tv_licence", "sfe_crn", "nino", "utr", "benefit"]}


def pick_items(rng, domain, p, n):
    ok = lambda k: not KINDS[k][4] or p["country"] in KINDS[k][4]
    pool = [k for k in DOMAIN_KINDS[domain] if ok(k)]
    prim = [k for k in PRIMARY.get(domain, []) if ok(k)]
    nat = NATIONAL[p["country"]]
    nat = nat + [k for k in nat if k not in ("passport", "dl")] * 2
    out, used = [], set()
    tries = 0
    while len(out) < n and tries < 40:
        tries += 1
        x = rng.random()
        if prim and not out and x < 0.6:
            k = rng.choice(prim)
        elif x < 0.3 or not pool:
            k = rng.choice(nat)
        else:
            k = rng.choice(pool)
        if k in used and rng.random() < 0.85:
            continue
        used.add(k)
        out.append(make_item(rng, k, p))
    return out


# ----------------------------------------------------------------------------------------
# presentation of one identifier
# ----------------------------------------------------------------------------------------
STYLES = [
    "my {L} is {V}", "{L}: {V}", "{L} - {V}", "{L} = {V}", "{L} {V}", "{V} is my {L}", "{V} (that's my {L})", "({L} {V})",
    "{L}:\n{V}", "the {L} is {V} if that helps", "{L} should be {V}", "here is my {L} {V}", "{L}... {V}", "{L} -> {V}",
    "{L}={V}", "{L} is {V}", "{L}: {V} (pls check)", "{V} = {L}", "{L} -- {V}", "{L} ({V})", "{L} is: {V}",
]
HASH_STYLES = ["{L}{V}", "{L} {V}"]
STATS = Counter()


def corrupt(rng, v):
    idx = [i for i in range(len(v) - 1) if v[i].isdigit() and v[i + 1].isdigit() and v[i] != v[i + 1]]
    if not idx:
        return None, None
    i = rng.choice(idx)
    w = v[:i] + v[i + 1] + v[i] + v[i + 2:]
    return w, i


def present(b, rng, it, mode=None):
    """Append one identifier with its label in some style (a span for the value)."""
    span = (it.value, it.typ, (it.kind, it.label))
    STATS["label:" + it.label.lower()] += 1
    if mode is None:
        x = rng.random()
        if it.kind in ("iban", "card", "ssn") and x < 0.09:
            x = 0.5
        mode = "style"
        if x < 0.05:
            mode = "correct_frag"
        elif x < 0.09:
            mode = "correct_full"
        elif x < 0.13:
            mode = "repeat"
        elif x < 0.17 and " " in it.value:
            mode = "split"
        elif x < 0.21:
            mode = "far"
    STATS["mode:" + mode] += 1
    if mode == "correct_frag":
        w, i = corrupt(rng, it.value)
        if w:
            a, bb = max(0, i - 2), min(len(it.value), i + 3)
            right, wrong = it.value[a:bb].strip(), w[a:bb].strip()
            fill(b, rng.choice(["{L} {V} - sorry, it's {R} not {W}", "{L}: {V} (sorry it's {R} not {W} like i wrote before)",
                                "sorry, it's {R} not {W} — {V} is the {L}"]), L=it.label, V=span, R=right, W=wrong)
            return
        mode = "style"
    if mode == "correct_full":
        w, i = corrupt(rng, it.value)
        if w:
            fill(b, rng.choice(["{L} {W}.. no wait, typo, {V}", "{L}: {W} *{V}", "{L} {W} sorry i mean {V}"]),
                 L=it.label, W=(w, it.typ, (it.kind, it.label)), V=span)
            return
        mode = "style"
    if mode == "repeat":
        fill(b, rng.choice(["{L} {V} (again: {V2})", "{L}: {V}. i repeat, {V2}", "{L} {V} - {V2} - i've given this three times now"]),
             L=it.label, V=span, V2=span)
        return
    if mode == "split" and " " in it.value:
        parts = it.value.split(" ")
        k = rng.randrange(1, len(parts))
        v = " ".join(parts[:k]) + "\n" + " ".join(parts[k:])
        fill(b, "{L}: {V}", L=it.label, V=(v, it.typ, (it.kind, it.label)))
        return
    if mode == "far":
        fill(b, rng.choice(["the number on the {thing} from you guys... oh wait, it's the {L} you need: {V}",
                            "i've got a letter with loads of numbers on it, the top one says {L} and then further down, after the address bit, {V}",
                            "{L}? i think it's the one on the {thing}, {V}"]),
             thing=rng.choice(["card", "letter", "welcome pack", "app", "last bill"]), L=it.label, V=span)
        return
    if mode == "bare":
        fill(b, rng.choice(["here: {V}", "it's {V}", "{V}", "ok {V}", "{V} i think"]), V=span)
        return
    if it.label.endswith("#"):
        fill(b, rng.choice(HASH_STYLES), L=it.label, V=span)
        return
    fill(b, rng.choice(STYLES), L=it.label, V=span)


# ----------------------------------------------------------------------------------------
# other PII helpers
# ----------------------------------------------------------------------------------------
def name_str(rng, p, lower):
    k = rng.random()
    if k < 0.7:
        s = p["first"] + " " + p["last"]
    elif k < 0.85:
        s = p["first"]
    else:
        s = p["first"][0] + ". " + p["last"]
    if lower:
        s = s.lower()
    elif rng.random() < 0.05:
        s = s.upper()
    return s


def sentence_extra(b, rng, p, us):
    """Some other personal data, as a sentence."""
    k = rng.randrange(12)
    y, m, d = p["dob"]
    dob = fmt_date(rng, y, m, d, us)
    if k == 0:
        fill(b, rng.choice(["my date of birth is {D}. ", "DOB {D}. ", "born {D} if u need it. ", "d.o.b: {D}. "]), D=(dob, "DATE"))
    elif k == 1:
        fill(b, rng.choice(["you can call me on {P}. ", "my mobile is {P}. ", "call back on {P} pls. ", "tel {P}. "]), P=(p["phone"], "PHONE"))
    elif k == 2:
        fill(b, rng.choice(["my address is {A}. ", "I now live at {A}. ", "post it to {A} please. ", "new address: {A}. "]), A=(p["address"], "ADDRESS"))
    elif k == 3:
        fill(b, rng.choice(["email me at {E} instead. ", "my email is {E}. ", "reply to {E}. "]), E=(p["email"], "EMAIL"))
    elif k == 4:
        c = rng.choice(COUNTRIES[p["country"]][2])
        fill(b, rng.choice(["I'm currently in {C} for work. ", "i moved to {CI} from {C}. ", "I'm living in {CI} now. "]), C=(c, "COUNTRY"), CI=(p["city"], "CITY"))
    elif k == 5 and p["nrp"]:
        fill(b, rng.choice(["I'm {N} but have lived here for years. ", "as a {N} citizen I was told to send this. "]), N=(p["nrp"], "NRP"))
    elif k == 6 and p["country"] in STATES:
        fill(b, rng.choice(["i'm based in {S}. ", "we moved to {S} in the summer. "]), S=(rng.choice(STATES[p["country"]]), "STATE"))
    elif k == 7:
        fill(b, rng.choice(["it happened on {D}. ", "since {D} nothing works. ", "I called on {D} already. "]), D=(recent_date(rng, us), "DATE"))
    elif k == 8:
        fill(b, rng.choice(["my nan is {A} and can't use the app. ", "my grandad is {A} and this is his account, I'm helping him. "]), A=(str(rng.randint(90, 102)), "AGE"))
    elif k == 9:
        fill(b, rng.choice(["my IP was {I} when it failed. ", "the router is at {I}. "]), I=(rng.choice(["192.168.1.1", "192.168.0.%d" % rng.randint(2, 250), "203.0.113.%d" % rng.randint(1, 254), "198.51.100.%d" % rng.randint(1, 254), "2001:db8:%x::%x" % (rng.randint(1, 65535), rng.randint(1, 65535))]), "IP_ADDRESS"))
    elif k == 10:
        fill(b, rng.choice(["it was a payment to {M}. ", "{M} says the money never left your side. ", "I work for {M}. "]), M=(rng.choice(MERCHANTS), "ORGANIZATION"))
    else:
        fill(b, "my {rel} {N} is on the account too. ", rel=rng.choice(["wife", "husband", "partner", "daughter", "son", "mum"]), N=(name_str(rng, b.world.person(p["country"]), b.lower), "PERSON"))


DECOY_COUNTRY = {"sortcode": {"GB"}, "routing": {"US"}, "ifsc": {"IN"}, "blz": {"DE"}, "pac": {"GB"}, "council": {"GB"}}
DECOY_TMPL = {
    "amount": ["it was {X}. ", "they took {X} off me. ", "the charge is {X}. "],
    "time": ["I tried {X} today. ", "it stopped {X}. "],
    "last4": ["I paid with {X}. ", "({X}) "],
    "promo": ["I used {X}. ", "{X} didn't work either. "],
}


def decoy_sentence(b, rng, domain, country):
    kinds = [k for k in DOMAIN_DECOYS[domain] if k not in DECOY_COUNTRY or country in DECOY_COUNTRY[k]]
    kind = rng.choice(kinds)
    v = DECOYS[kind](rng)
    STATS["decoy:" + kind] += 1
    tm = DECOY_TMPL.get(kind, ["(re {X}) ", "this is about {X}. ", "{X} - ", "also {X}. ", "they mentioned {X}. ", "{X}. "])
    fill(b, rng.choice(tm), X=v, typo=False)


def decoys(b, rng, ctx):
    n = wchoice(rng, [(0, 12), (1, 45), (2, 33), (3, 10)])
    for _ in range(n):
        decoy_sentence(b, rng, ctx["domain"], ctx["p"]["country"])


# ----------------------------------------------------------------------------------------
# document kinds
# ----------------------------------------------------------------------------------------
def org_email(org):
    return rng_dummy_pick(org)


def rng_dummy_pick(org):
    return "support@" + slug(org) + ".example"


def doc_email(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    fill(b, rng.choice(["Hi {O} team,\n\n", "Dear {O},\n", "hello\n", "To whom it may concern,\n\n", "Hi there,\n", "{O} - ", "Good morning,\n"]), O=(org, "ORGANIZATION"))
    fill(b, rng.choice(PROBLEMS[dom]) + rng.choice([". ", ".\n", "!! ", " "]), typo=True)
    sig = items[-1] if len(items) > 2 and rng.random() < 0.5 else None
    body_ids(b, rng, ctx, items[:-1] if sig else items)
    decoys(b, rng, ctx)
    if rng.random() < 0.7:
        sentence_extra(b, rng, p, ctx["us"])
    b.t(rng.choice(["\n\nThanks,\n", "\n\nRegards,\n", "\nthx\n", "\n\nKind regards\n", "\n\n"]))
    fill(b, "{N}", N=(name_str(rng, p, b.lower), "PERSON"))
    if sig:
        b.t("\n")
        fill(b, "{L}: {V}", L=items[-1].label, V=(items[-1].value, items[-1].typ, (items[-1].kind, items[-1].label)))
        STATS["label:" + items[-1].label.lower()] += 1
        STATS["mode:signature"] += 1
    if rng.random() < 0.5:
        fill(b, rng.choice(["\n{P}", "\nTel: {P}", "\nmob. {P}"]), P=(p["phone"], "PHONE"))


def body_ids(b, rng, ctx, items):
    for i, it in enumerate(items):
        if rng.random() < 0.3:
            b.t(rng.choice(["for reference ", "Details: ", "btw ", "also ", "as requested ", "", "you asked for my details, ", "", "ok so "]))
        present(b, rng, it)
        b.t(rng.choice([". ", ".\n", ", ", "\n", " - ", ". "]))


def doc_form(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    fill(b, rng.choice(["[{O} contact form]\n", "Web form submission - {O}\n", "{O} | Help request\n"]), O=(org, "ORGANIZATION"))
    star = rng.choice(["*", "", " (required)"])
    fill(b, "Full name" + star + ": {N}\n", N=(name_str(rng, p, b.lower), "PERSON"))
    if rng.random() < 0.8:
        fill(b, "Email" + star + ": {E}\n", E=(p["email"], "EMAIL"))
    if rng.random() < 0.5:
        fill(b, rng.choice(["Phone: {P}\n", "Contact number" + star + ": {P}\n"]), P=(p["phone"], "PHONE"))
    if rng.random() < 0.4:
        y, m, d = p["dob"]
        fill(b, "Date of birth" + star + ": {D}\n", D=(fmt_date(rng, y, m, d, ctx["us"]), "DATE"))
    for it in items:
        lab = it.label[0].upper() + it.label[1:]
        STATS["label:" + it.label.lower()] += 1
        STATS["mode:form"] += 1
        fill(b, "{L}" + star + ": {V}\n", L=lab, V=(it.value, it.typ, (it.kind, it.label)))
    if rng.random() < 0.5:
        fill(b, "Topic: {T}\n", T=rng.choice(["Account", "Billing", "Identity check", "Other", "Technical"]))
    b.t("Message" + star + ": ")
    fill(b, rng.choice(PROBLEMS[dom]) + ". ", typo=True)
    decoys(b, rng, ctx)
    if rng.random() < 0.5:
        sentence_extra(b, rng, p, ctx["us"])


def doc_chat(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    agent = rng.choice(AGENTS)
    who = rng.choice(["You", "Customer", p["first"].lower() if b.lower else p["first"], "Me"])
    fill(b, "{O} live chat\n", O=(org, "ORGANIZATION"))
    if who == p["first"] or who == p["first"].lower():
        wspan = lambda: (who, "PERSON")
    else:
        wspan = lambda: who
    fill(b, "{A}: Hi, I'm {A2}, how can I help?\n", A=(agent, "PERSON"), A2=(agent, "PERSON"))
    fill(b, "{W}: " + rng.choice(PROBLEMS[dom]) + "\n", W=wspan(), typo=True)
    for it in items:
        q = rng.choice(["Can you confirm your {L} please?", "What's the {L} on the account?", "I'll need your {L} to go further.", "Could I take your {L}?"])
        STATS["label:" + it.label.lower()] += 1
        fill(b, "{A}: " + q + "\n", A=(agent, "PERSON"), L=it.label)
        if rng.random() < 0.65:
            STATS["mode:chat_bare"] += 1
            fill(b, "{W}: {V}\n", W=wspan(), V=(it.value, it.typ, (it.kind, it.label)))
        else:
            STATS["mode:chat_sentence"] += 1
            fill(b, "{W}: " + rng.choice(["sure its {V}", "{V} i think", "one sec.. {V}", "ok - {V}", "{V}?"]) + "\n", W=wspan(), V=(it.value, it.typ, (it.kind, it.label)))
    if rng.random() < 0.5:
        fill(b, "{A}: Thanks {N}, and the date of birth?\n{W}: {D}\n", A=(agent, "PERSON"), N=(p["first"], "PERSON"), W=wspan(),
             D=(fmt_date(rng, *p["dob"], us=ctx["us"]), "DATE"))
    elif rng.random() < 0.5:
        fill(b, "{W}: ", W=wspan())
        decoy_sentence(b, rng, dom, p["country"])
        b.t("\n")
    fill(b, "{A}: " + rng.choice(["Thanks, I've found the account.", "Perfect, one moment please.", "Thank you, I've passed this on."]), A=(agent, "PERSON"))


def doc_quoted(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    fill(b, rng.choice(["still waiting on this. ", "Hi again, ", "no reply yet?? ", "following up - "]), typo=True)
    fill(b, rng.choice(PROBLEMS[dom]) + ". ", typo=True)
    first = items[: max(1, len(items) // 2)]
    rest = items[len(first):]
    body_ids(b, rng, ctx, rest)
    if rng.random() < 0.6:
        sentence_extra(b, rng, p, ctx["us"])
    fill(b, "\n{N}\n\n", N=(name_str(rng, p, b.lower), "PERSON"))
    fill(b, "> On {D}, {O} <{E}> wrote:\n> Dear {N},\n", D=(recent_date(rng, ctx["us"]), "DATE"), O=(org, "ORGANIZATION"), E=(rng_dummy_pick(org), "EMAIL"),
         N=(p["first"] if rng.random() < 0.5 else p["first"] + " " + p["last"], "PERSON"))
    for it in first:
        STATS["label:" + it.label.lower()] += 1
        STATS["mode:quoted"] += 1
        fill(b, rng.choice(["> Your {L} is {V}.\n", "> We could not verify {L} {V}.\n", "> {L}: {V}\n", "> Please quote {L} {V} in all correspondence.\n"]),
             L=it.label, V=(it.value, it.typ, (it.kind, it.label)))
    if rng.random() < 0.5:
        fill(b, "> " + rng.choice(["Your case reference is CS-%s." % pat(rng, "######"), "Order %s has been cancelled." % pat(rng, "########"), "Invoice INV-%s is attached." % pat(rng, "#######")]) + "\n")
        STATS["decoy:quoted"] += 1
    fill(b, "> {A}, {O} Customer Care", A=(rng.choice(AGENTS), "PERSON"), O=(org, "ORGANIZATION"))


def doc_short(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    b.lower = True
    fill(b, rng.choice(["{N} here. ", "hi its {N}. ", "", "hey "]), N=(name_str(rng, p, True), "PERSON"), OH=slug(org))
    fill(b, rng.choice(PROBLEMS[dom]) + rng.choice([" ", ". ", "!! ", "?? "]), typo=True)
    for it in items:
        if rng.random() < 0.2:
            STATS["label:(none)"] += 1
            STATS["mode:bare"] += 1
            fill(b, rng.choice(["here: {V}", "it's {V}", "number is {V}", "{V} if u need it"]), V=(it.value, it.typ, (it.kind, "(none)")))
        else:
            present(b, rng, it)
        b.t(rng.choice([" ", ". ", ", ", " / "]))
    decoys(b, rng, ctx)
    if rng.random() < 0.6:
        sentence_extra(b, rng, p, ctx["us"])
    fill(b, rng.choice(["sort it out {O}", "thx", "ta", "cheers", "pls help", "{O} pls reply"]), O=(org, "ORGANIZATION"))


def doc_note(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    agent = rng.choice(AGENTS)
    fill(b, rng.choice(["Call note ({A}): ", "Agent note - {A}: ", "CALL LOG / {A}: "]), A=(agent, "PERSON"))
    fill(b, "customer {N} called re: " + rng.choice(PROBLEMS[dom]).lower() + ". ", N=(name_str(rng, p, False), "PERSON"))
    b.t("ID&V passed with ")
    for i, it in enumerate(items):
        if i:
            b.t(", " if i < len(items) - 1 else " and ")
        STATS["label:" + it.label.lower()] += 1
        STATS["mode:note"] += 1
        fill(b, "{L} {V}", L=it.label, V=(it.value, it.typ, (it.kind, it.label)))
    if rng.random() < 0.6:
        y, m, d = p["dob"]
        fill(b, " + DOB {D}", D=(fmt_date(rng, y, m, d, ctx["us"]), "DATE"))
    b.t(". ")
    decoys(b, rng, ctx)
    fill(b, rng.choice(["Callback on {P} requested. ", "Confirmation sent to {E}. ", "Letter to {AD}. "]), P=(p["phone"], "PHONE"), E=(p["email"], "EMAIL"), AD=(p["address"], "ADDRESS"))
    fill(b, "Handled at {O}.", O=(org, "ORGANIZATION"))


def doc_list(b, rng, ctx):
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    fill(b, rng.choice(["Dear {O},\n", "Hi {O}\n", "to {O}:\n"]), O=(org, "ORGANIZATION"))
    fill(b, rng.choice(PROBLEMS[dom]) + ". " + rng.choice(["My details:", "Details below", "Here is everything you asked for:", "info:"]) + "\n", typo=True)
    bl = rng.choice(["- ", "* ", "• ", "  - ", "%d) "])
    cnt = [0]

    def bullet_f():
        cnt[0] += 1
        return bl % cnt[0] if "%d" in bl else bl
    fill(b, bullet_f() + rng.choice(["name: ", "Name - ", "Account holder: "]) + "{N}\n", N=(name_str(rng, p, b.lower), "PERSON"))
    for it in items:
        STATS["label:" + it.label.lower()] += 1
        STATS["mode:bullet"] += 1
        fill(b, bullet_f() + rng.choice(["{L}: {V}\n", "{L} - {V}\n", "{L} {V}\n", "{V} ({L})\n"]), L=it.label, V=(it.value, it.typ, (it.kind, it.label)))
    if rng.random() < 0.5:
        y, m, d = p["dob"]
        fill(b, bullet_f() + "dob: {D}\n", D=(fmt_date(rng, y, m, d, ctx["us"]), "DATE"))
    if rng.random() < 0.5:
        fill(b, bullet_f() + "address: {A}\n", A=(p["address"], "ADDRESS"))
    decoys(b, rng, ctx)
    fill(b, rng.choice(["\nthanks", "\nRegards, {N}", "\n{N}"]), N=(name_str(rng, p, b.lower), "PERSON"))


def doc_signature(b, rng, ctx):
    """Mail whose identifiers sit partly in the signature block."""
    p, org, items, dom = ctx["p"], ctx["org"], ctx["items"], ctx["domain"]
    fill(b, rng.choice(["Hello {O},\n", "Hi,\n", "Dear {O} support,\n"]), O=(org, "ORGANIZATION"))
    fill(b, rng.choice(PROBLEMS[dom]) + ". ", typo=True)
    decoys(b, rng, ctx)
    if rng.random() < 0.5:
        sentence_extra(b, rng, p, ctx["us"])
    fill(b, "\n\n--\n{N}\n", N=(p["first"] + " " + p["last"], "PERSON"))
    for it in items:
        STATS["label:" + it.label.lower()] += 1
        STATS["mode:signature"] += 1
        lab = it.label[0].upper() + it.label[1:]
        fill(b, rng.choice(["{L}: {V}\n", "{L} {V}\n", "{L} | {V}\n"]), L=lab, V=(it.value, it.typ, (it.kind, it.label)))
    fill(b, rng.choice(["M: {P}", "Tel. {P}", "{P} | {E}", "{E}"]), P=(p["phone"], "PHONE"), E=(p["email"], "EMAIL"))


DOCS = [("email", doc_email, 26), ("form", doc_form, 14), ("chat", doc_chat, 14), ("quoted", doc_quoted, 10), ("short", doc_short, 16),
        ("note", doc_note, 8), ("list", doc_list, 8), ("signature", doc_signature, 6)]


def build_record(world, rng):
    domain = wchoice(rng, DOMAIN_W)
    country = wchoice(rng, COUNTRY_W)
    p = world.person(country)
    org = rng.choice(ORGS[domain])
    n = wchoice(rng, [(1, 12), (2, 30), (3, 36), (4, 22)])
    items = pick_items(rng, domain, p, n)
    if country == "US" and rng.random() < 0.35:
        items.append(Item("ssn", rng.choice(["SSN", "social security number", "SS#", "soc sec no"]), g_ssn(rng, p), "en"))
    if rng.random() < 0.08:
        items.append(Item("iban", "IBAN", g_iban(rng, country), "en"))
    if rng.random() < 0.05:
        items.append(Item("card", rng.choice(["card number", "card no", "card"]), g_card(rng), "en"))
    dname = wchoice(rng, [(d[0], d[2]) for d in DOCS])
    name, fn, _ = [d for d in DOCS if d[0] == dname][0]
    b = Rec(rng, lower=rng.random() < 0.3, typo=rng.choice([0.0, 0.0, 0.15, 0.3]))
    b.world = world
    ctx = {"p": p, "org": org, "items": items, "domain": domain, "us": country == "US"}
    fn(b, rng, ctx)
    return b, name, domain, country


def fix_types(b):
    out = []
    for (s, e, t, v, meta) in b.spans:
        if meta and meta[0] == "iban":
            t = "IBAN"
        elif meta and meta[0] == "card":
            t = "CREDIT_CARD"
        out.append((s, e, t, v, meta))
    b.spans = out


def check(text, spans):
    prev_end = -1
    for (s, e, t, v, _) in spans:
        assert t in TYPES, t
        assert 0 <= s < e <= len(text), (s, e)
        assert text[s:e] == v, (text[s:e], v)
        assert v == v.strip() and not text[s].isspace() and not text[e - 1].isspace(), repr(v)
        assert s > prev_end, ("overlap or touch", text, s, prev_end)
        prev_end = e


def generate(seed):
    world = World(seed)
    rng = world.rng
    recs, meta = [], []
    STATS.clear()
    while len(recs) < N_RECORDS:
        snap = STATS.copy()
        b, doc, domain, country = build_record(world, rng)
        fix_types(b)
        text = b.text()
        if not (150 <= len(text) <= 700):
            STATS.clear()
            STATS.update(snap)
            continue
        check(text, b.spans)
        recs.append((text, b.spans))
        meta.append((doc, domain, country))
    return recs, meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    recs, meta = generate(a.seed)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "records.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for i, (text, _) in enumerate(recs):
            f.write(json.dumps({"id": "idn-%04d" % (i + 1), "text": text}, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "pii_spans.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for i, (text, spans) in enumerate(recs):
            for (s, e, t, v, _) in spans:
                f.write(json.dumps({"record": i, "field": "text", "start": s, "end": e, "type": t}, ensure_ascii=False) + "\n")
    # re-read and verify what was written
    texts = [json.loads(l)["text"] for l in open(os.path.join(a.out, "records.jsonl"), encoding="utf-8")]
    assert len(texts) == N_RECORDS
    prev = (-1, -1)
    last_end = {}
    for l in open(os.path.join(a.out, "pii_spans.jsonl"), encoding="utf-8"):
        d = json.loads(l)
        assert list(d) == ["record", "field", "start", "end", "type"]
        assert (d["record"], d["start"]) > prev
        prev = (d["record"], d["start"])
        t = texts[d["record"]]
        seg = t[d["start"]:d["end"]]
        assert seg and seg == seg.strip() and d["type"] in TYPES
        assert d["start"] > last_end.get(d["record"], -1)
        last_end[d["record"]] = d["end"]
    if a.stats:
        print_stats(recs, meta)


def print_stats(recs, meta):
    types = Counter(t for _, sp in recs for (_, _, t, _, _) in sp)
    print("records", len(recs), "chars min/avg/max", min(len(t) for t, _ in recs), sum(len(t) for t, _ in recs) // len(recs), max(len(t) for t, _ in recs))
    print("spans per type", sorted(types.items(), key=lambda x: -x[1]), "total", sum(types.values()))
    print("docs", sorted(Counter(m[0] for m in meta).items()))
    print("domains", sorted(Counter(m[1] for m in meta).items()))
    print("countries", sorted(Counter(m[2] for m in meta).items()))
    kinds = Counter(sp[4][0] for _, s in recs for sp in s if sp[4] and sp[2] in ("ID", "SSN"))
    print("ID kinds", len(kinds))
    for k, c in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
        print("  KIND", k, KINDS[k][0] if k in KINDS else k, c)
    labels = Counter(sp[4][1] for _, s in recs for sp in s if sp[4] and sp[2] in ("ID", "SSN"))
    print("distinct label wordings (as written, case-sensitive)", len(labels), "case-insensitive", len({l.lower() for l in labels}))
    for l, c in sorted(labels.items(), key=lambda x: (-x[1], x[0])):
        print("  LABEL", repr(l), c)
    for k, c in sorted(STATS.items()):
        if k.startswith(("mode:", "decoy:")):
            print("  ", k, c)


if __name__ == "__main__":
    main()
