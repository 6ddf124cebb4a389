"""Proof that nothing remains: an independent residual scan, and canaries.

``residual_scan`` shares no code with detection: its own strict regexes plus
validation (SSN issuance rules, NANP numbering rules, Luhn, IBAN mod 97, and
``phonenumbers.is_valid_number`` for ``+CC`` numbers). It looks only for the
high-risk types (``HIGH_RISK``) and recognises this library's surrogates, which
are built to fail those rules (see ``surrogate``):

- EMAIL: any address outside the RFC 2606 domains example.com/.org/.net;
- PHONE: a NANP number whose area code and exchange are valid (2-9 first digit,
  not N11) and that is not 555-01XX; or a ``+CC`` number that phonenumbers finds valid;
- ID: an SSN that could have been issued (area not 000, 666 or 9XX, group not 00,
  serial not 0000), or a number after an ID label that does not start with 99;
- CREDIT_CARD: 13-19 digits (one kind of separator) starting with 2-6 passing Luhn;
- IBAN: a known IBAN country, the registry length, mod 97, and not the ``TEST`` marker.

``make_canaries(key, n)`` gives deterministic fake high-risk values that a
pipeline can plant into its input: each must be detected, replaced, and then
found by ``residual_scan`` in the input but not in the output.
"""

from __future__ import annotations

import collections
import hashlib
import hmac
import re

from ._spans import HIGH_RISK

_R_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![A-Za-z0-9-])")
_R_EXAMPLE = re.compile(r"(?:^|\.)example\.(?:com|org|net)$", re.I)
_R_NANP = re.compile(r"(?<![\d+])(?:\+?1[\s.-]?)?\(?([2-9]\d\d)\)?[\s.-]?([2-9]\d\d)[\s.-](\d{4})(?!\d)")
_R_INTL = re.compile(r"(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\w-])")
_R_SSN = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
_R_LABEL = re.compile(
    r"(?i)\b(?:MRN|medical\s+record|med\s+rec|chart|member|subscriber|policy|insurance|account|acct|"
    r"patient\s+ID|SSN|SS#|social\s+security|passport|driver'?s?\s+licen[cs]e)\b(?:\s*(?:ID|number|no\.?|num\.?|#))?"
    r"[\s:#.]*([A-Z]{0,4}-?\d[\d-]{3,})")
_R_CARD = re.compile(r"(?<![\d-])[2-6]\d{3}(?:([ -]?)\d{4}){2}\1?\d{1,7}(?:\1\d{1,4})?(?![\d-])")
_R_IBAN = re.compile(r"\b([A-Z]{2})(\d{2})((?: ?[A-Z0-9]){11,30})\b")
# IBAN lengths by country (SWIFT IBAN registry).
_IBAN_LEN = dict(
    (c, int(n)) for c, n in (x.split(":") for x in (
        "AD:24 AE:23 AL:28 AT:20 AZ:28 BA:20 BE:16 BG:22 BH:22 BR:29 BY:28 CH:21 CR:22 CY:28 CZ:24 DE:22 DK:18 "
        "DO:28 EE:20 EG:29 ES:24 FI:18 FO:18 FR:27 GB:22 GE:22 GI:23 GL:18 GR:27 GT:28 HR:21 HU:28 IE:22 IL:23 "
        "IQ:23 IS:26 IT:27 JO:30 KW:30 KZ:20 LB:28 LC:32 LI:21 LT:20 LU:20 LV:21 MC:27 MD:24 ME:22 MK:19 MR:27 "
        "MT:31 MU:30 NL:18 NO:15 PK:24 PL:28 PS:29 PT:25 QA:29 RO:24 RS:22 SA:24 SC:31 SE:24 SI:19 SK:24 SM:27 "
        "ST:25 SV:28 TL:23 TN:24 TR:26 UA:29 VA:22 VG:24 XK:20").split()))


def _luhn(d: str) -> bool:
    s = 0
    for i, ch in enumerate(d[::-1]):
        n = int(ch) * (2 if i % 2 else 1)
        s += n - 9 if n > 9 else n
    return s % 10 == 0


def _mod97(iban: str) -> bool:
    r = 0
    for ch in iban[4:] + iban[:4]:
        for digit in (str(ord(ch) - 55) if ch.isalpha() else ch):
            r = (r * 10 + int(digit)) % 97
    return r == 1


def _intl_valid(value: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


def residual_scan(text: str) -> collections.Counter:
    """Real-looking high-risk identifiers left in ``text``, counted per type (zero counts omitted)."""
    found: collections.Counter = collections.Counter()
    if "@" in text:
        found["EMAIL"] += sum(1 for m in _R_EMAIL.finditer(text) if not _R_EXAMPLE.search(m.group(1)))
    for m in _R_NANP.finditer(text):
        area, exch, line = m.groups()
        if area[1:] != "11" and exch[1:] != "11" and not (exch == "555" and line.startswith("01")):
            found["PHONE"] += 1
    if "+" in text:
        found["PHONE"] += sum(1 for m in _R_INTL.finditer(text)
                              if not m.group().startswith("+1") and _intl_valid(m.group()))
    ssn_spans = []
    for m in _R_SSN.finditer(text):
        a, g, s = m.groups()
        ssn_spans.append(m.span())  # an SSN-shaped value is judged by the SSN rules only
        if a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000":
            found["ID"] += 1
    for m in _R_LABEL.finditer(text):
        v = m.group(1).lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ-")
        if not v.startswith("99") and not any(a <= m.start(1) < b for a, b in ssn_spans):
            found["ID"] += 1
    for m in _R_CARD.finditer(text):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and _luhn(d):
            found["CREDIT_CARD"] += 1
    for m in _R_IBAN.finditer(text):
        compact = m.group().replace(" ", "")
        length = _IBAN_LEN.get(m.group(1), 0)
        compact = compact[:length]
        if length and len(compact) == length and compact[4:8] != "TEST" and _mod97(compact):
            found["IBAN"] += 1
    return +found


def make_canaries(key: bytes, n: int) -> list[tuple[str, str]]:
    """``n`` deterministic fake identifiers (type, value), cycling over HIGH_RISK types.

    The values look real to ``residual_scan`` (so a canary left in the output is
    caught) and are keyed, so an outsider cannot predict them."""
    if not isinstance(key, (bytes, bytearray)) or len(key) < 16:
        raise ValueError("make_canaries needs a key of at least 16 bytes")
    out: list[tuple[str, str]] = []
    for i in range(n):
        t = HIGH_RISK[i % len(HIGH_RISK)]
        h = hmac.new(bytes(key), f"canary\x1f{i}".encode(), hashlib.sha256).digest()
        digits = "".join(str(b % 10) for b in h)
        if t == "EMAIL":
            value = f"canary.{h[:4].hex()}@canary-{h[4:6].hex()}.net"
        elif t == "PHONE":
            value = (f"({2 + h[0] % 8}{h[1] % 10}{2 + h[2] % 8}) {2 + h[3] % 8}{digits[4]}{2 + h[6] % 8}-"
                     f"{2 + h[7] % 8}{digits[8:11]}")
        elif t == "ID":
            value = f"{1 + h[0] % 5}{digits[1:3]}-{1 + h[3] % 9}{digits[4]}-{1 + h[5] % 9}{digits[6:9]}"
        elif t == "CREDIT_CARD":
            body = "4" + digits[1:15]
            check = next(c for c in "0123456789" if _luhn(body + c))
            num = body + check
            value = " ".join(num[j:j + 4] for j in range(0, 16, 4))
        else:  # IBAN (Germany: 18 digits)
            bban = digits[10:28].ljust(18, "7")
            r = 0
            for ch in bban + "131400":
                r = (r * 10 + int(ch)) % 97
            compact = f"DE{98 - r:02d}{bban}"
            value = " ".join(compact[j:j + 4] for j in range(0, len(compact), 4))
        out.append((t, value))
    return out
