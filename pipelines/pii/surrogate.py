"""Keyed, consistent surrogates for detected personal data, and the residual check patterns.

Every surrogate is a function of ``HMAC-SHA256(key, type + normalised value)``:
the same value gets the same surrogate in every record and field, a different
key gives different surrogates, and without the key the mapping cannot be
recomputed or inverted. The key is never echoed in outputs, reprs or errors,
and neither is the value being replaced.

Surrogates are recognisable, so that a later check can tell "left behind" from
"replaced" (``RESIDUAL_PATTERNS``):

- EMAIL: ``first.last@example.com|org|net`` (RFC 2606 reserved domains).
- PHONE: keyed area code, exchange 555, line 0100-0199 (reserved for fiction
  by NANPA), in the original's format (separators, parentheses, a leading +1
  are kept). Different numbers may share a surrogate (about 70,000 choices).
- ID: same layout (letters before the first digit, e.g. a plan prefix, are
  kept; separators are kept), keyed digits, and the first two digits are
  always ``99``. An SSN therefore becomes ``99x-xx-xxxx``: area numbers 9xx
  are never issued as SSNs, so a real SSN never looks like a surrogate. For
  other IDs the residual check treats a labelled number starting with 99 as a
  surrogate, so a real MRN starting with 99 would escape *that check* (not
  detection); the bundled sample never issues IDs starting with 9.
- DATE: shifted by one keyed offset of 400-1500 days (either direction) for the
  whole data set, which keeps intervals between dates; the format is kept.
- PERSON: each name token is replaced on its own (first names from a pool
  of the same gender when the gazetteer knows it, else from both; last names from a pool of
  last names), so "Maria Lopez", "Ms. Lopez" and "Maria" stay consistent.
  Titles and credentials are kept. The pools are disjoint from the gazetteer.
- ADDRESS: keyed house number (same number of digits), street and city from
  built-in pools, original street suffix and state kept, keyed ZIP code.
- DATE with a subject: ``shift_date(value, subject)`` shifts by an offset keyed
  by the subject (e.g. the patient id), so intervals between one subject's dates
  are kept while different subjects shift differently.
- PHONE outside NANP (``+CC ...``): country code and layout kept, keyed digits,
  chosen so that ``phonenumbers`` finds the number *possible but not valid*
  (not assigned): the residual pass accepts only valid numbers.
- CREDIT_CARD: same length and separators, ``99`` + keyed digits + Luhn digit:
  Luhn-valid but in major industry identifier 9 (never a payment card; real
  cards start with 2-6).
- IBAN: same country and length, BBAN ``TEST`` + keyed digits, correct mod-97
  check digits; groups of four kept when the original had them.
- IP_ADDRESS: 192.0.2.0/24 (IPv4) or 2001:db8::/32 (IPv6), RFC 5737/3849.
- URL: scheme (or ``www.``) kept, host ``example.org``, keyed path; DOMAIN:
  ``<word>-<hex>.example.org``.
- CITY, STATE (name or code as written), COUNTRY, ORGANIZATION (closing word
  such as "Hospital" kept), NRP (same category): keyed picks from pools.
- ZIP: same layout, keyed digits/letters. AGE: ``90+`` (no surrogate can be
  safer than the generalization).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence

from ._names import SURROGATE_FIRST_F, SURROGATE_FIRST_M, SURROGATE_LAST, gazetteer
from ._spans import ENTITY_TYPES
from .checksums import iban_with_check, luhn_complete

# Python `re` syntax that pandas `Series.str.contains` and Great Expectations'
# pandas regex expectations accept unchanged: no capturing groups (pandas
# warns about them), no look-behind, flags only at the start. Look-ahead is
# used, so SQL back ends with POSIX regular expressions cannot run them.
RESIDUAL_PATTERNS: dict[str, str] = {
    # any e-mail address whose domain is not one of the RFC 2606 example domains
    "EMAIL": (r"[A-Za-z0-9._%+-]+@(?!(?:[A-Za-z0-9-]+\.)*example\.(?:com|org|net)(?![A-Za-z0-9-]|\.[A-Za-z0-9]))"
              r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
    # a US phone number (with or without +1, parentheses, dashes, dots, spaces), unless 555-01XX
    "PHONE": (r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\b\d{3}[\s.-])"
              r"(?!555[\s.-]01\d\d(?!\d))\d{3}[\s.-]\d{4}\b"),
    # an SSN-shaped number, or a number after an identifier label, unless it starts with 99
    "ID": (r"(?i)\b(?!99)\d{3}-\d{2}-\d{4}\b|"
           r"\b(?:MRN|medical\s+record|med\s+rec|chart|member|subscriber|policy|insurance|account|acct|"
           r"patient\s+ID|SSN|SS#|social\s+security)\b(?:\s*(?:ID|number|no\.?|num\.?|#))?[\s:#.]*"
           r"[A-Z]{0,4}-?(?!99)\d[\d-]{3,}"),
    # a card number in groups of four (Visa, Mastercard, Discover...) starting 2-6; surrogates start with 99
    "CREDIT_CARD": r"\b[2-6]\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?\b",
    # an IBAN in groups of four, unless the BBAN starts with the surrogate marker TEST
    "IBAN": r"\b[A-Z]{2}\d{2} (?!TEST)[A-Z0-9]{4}(?: [A-Z0-9]{4}){2,6}(?: [A-Z0-9]{1,4})?\b",
}

_FIRST_POOLS = {"F": SURROGATE_FIRST_F, "M": SURROGATE_FIRST_M}
_FIRST_ANY = SURROGATE_FIRST_F + SURROGATE_FIRST_M
_TITLES = re.compile(r"^((?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Sra)\.?\s+)*)(.*?)"
                     r"((?:,?\s+(?:MD|M\.D\.|DO|NP|PA-C|PA|RN|APRN|FNP|FNP-C|DNP|PhD|DDS|PharmD|LCSW))*)$",
                     re.S)
_INITIAL = re.compile(r"^[A-Z]\.?$")
_SURR_STREETS = ("Juniper", "Larkspur", "Bramble", "Thistle", "Heron", "Kestrel", "Willowbrook",
                 "Foxglove", "Sorrel", "Alder", "Quarry", "Tamarack", "Wren", "Bluebell", "Chestnut",
                 "Meadowlark", "Hawthorn", "Lilac", "Sycamore", "Briar")
_SURR_CITIES = ("Fairhaven", "Millbrook", "Cedar Bluff", "Ashford", "Brookdale", "Glenwood",
                "Harrow Springs", "Kingsbridge", "Linden Falls", "Maplewood", "Northfield", "Oakridge",
                "Pinecrest", "Riverton", "Stonebridge", "Westbury")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_MON_IDX = {m.lower(): i for i, name in enumerate(_MONTHS, 1) for m in {name, name[:3], "Sept" if i == 9 else name}}


_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPOKEN_DIGIT_RE = re.compile(r"(?i:\b(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)\b)")
# (compiled once: the module-level ``re`` functions look each pattern up in a cache per call)
_PLUS1_RE = re.compile(r"\s*\+1\b")
_NON_DIGIT_RE = re.compile(r"\D")
_DIGIT_RE = re.compile(r"\d")
_NOT_ALNUM_LOWER_RE = re.compile(r"[^0-9a-z]+")
_DIGITS_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")
_URL_PARTS_RE = re.compile(r"(?i)((?:[a-z]+://)?(?:www\.)?)([^/?#]*)(.*)$")
_SPACE_DASH_RE = re.compile(r"[\s-]+")
_MEMO_MAX = 100_000  # surrogates remembered per Pseudonymizer (then it starts again)


class Pseudonymizer:
    """Deterministic keyed surrogates; see the module docstring for each kind."""

    __slots__ = ("_key", "_mac", "_offset", "_memo")

    def __init__(self, key: bytes) -> None:
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("the pseudonymization key must be bytes")
        if len(key) < 16:
            raise ValueError("the pseudonymization key must be at least 16 bytes (32 recommended)")
        self._key = bytes(key)
        # the keyed HMAC state, copied per digest (same digests as ``hmac.new(key, msg, sha256)``,
        # without setting up the key each time); the OpenSSL object itself where there is one
        mac = hmac.new(self._key, digestmod=hashlib.sha256)
        self._mac = getattr(mac, "_hmac", None) or mac
        self._offset = None  # the data-set date offset (a function of the key only), once computed
        # surrogates already made, by (type, value): a value repeated across a data set (the same
        # clinician, the same clinic phone) is transformed once; bounded, and as secret as the key
        self._memo: dict[tuple, str] = {}

    def __repr__(self) -> str:
        return "Pseudonymizer(key=<redacted>)"

    def __reduce__(self):  # never serialise the key by accident (pickle, deepcopy)
        raise TypeError("Pseudonymizer holds a secret key and cannot be pickled")

    # ------------------------------------------------------------------ keyed randomness
    def _digest(self, *parts: str) -> bytes:
        h = self._mac.copy()
        h.update("\x1f".join(parts).encode("utf-8"))
        return h.digest()

    def _stream(self, *parts: str):
        """Endless keyed integers (0..2**32-1) for one (type, value)."""
        counter = 0
        while True:
            d = self._digest(*parts, str(counter))
            for i in range(0, 32, 4):
                yield int.from_bytes(d[i:i + 4], "big")
            counter += 1

    def _choice(self, seq: Sequence[str], *parts: str) -> str:
        return seq[int.from_bytes(self._digest(*parts)[:8], "big") % len(seq)]

    # ------------------------------------------------------------------ public
    def surrogate(self, type: str, value: str) -> str:
        """The surrogate for ``value`` of entity ``type`` (one of ENTITY_TYPES)."""
        key = (type, value)
        out = self._memo.get(key)
        if out is None:
            method = _METHODS.get(type)
            if method is None:
                raise ValueError(f"unknown entity type {type!r}; expected one of {list(ENTITY_TYPES)}")
            out = self._remember(key, method(self, value))
        return out

    def shift_date(self, value: str, subject: str | None = None) -> str:
        """``value`` shifted by the offset of ``subject`` (the data-set offset when None), same layout."""
        key = ("DATE", value, subject)
        out = self._memo.get(key)
        if out is None:
            out = self._remember(
                key, _shift_date(value.strip(), self._date_offset(subject)) or self._fallback_date(value))
        return out

    def _remember(self, key: tuple, out: str) -> str:
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[key] = out
        return out

    # ------------------------------------------------------------------ kinds
    # (a name's parts recur in many spans -- "Maria", "Maria Lopez", "Dr. Lopez" -- so each
    # part's surrogate is remembered too, beside the whole value's)
    def _first(self, token: str) -> str:
        key = ("PERSON first", token)
        out = self._memo.get(key)
        if out is None:
            pool = _FIRST_POOLS.get(gazetteer().gender(token), _FIRST_ANY)
            out = self._remember(key, self._choice(pool, "PERSON", "first", token.lower()))
        return out

    def _last(self, token: str) -> str:
        key = ("PERSON last", token)
        out = self._memo.get(key)
        if out is None:
            out = self._remember(key, self._choice(SURROGATE_LAST, "PERSON", "last", token.lower()))
        return out

    def _initial(self, token: str) -> str:
        return self._choice("ABCDEFGHJKLMNPRSTW", "PERSON", "initial", token[0].upper()) + token[1:]

    def _person(self, value: str) -> str:
        title, core, cred = _TITLES.match(value.strip()).groups()
        if "," in core:  # "Last, First [Middle]"
            last, _, first = core.partition(",")
            firsts = [self._initial(t) if _INITIAL.match(t) else self._first(t) for t in first.split()]
            return f"{title}{' '.join(self._last(t) for t in last.split())}, {' '.join(firsts)}{cred}"
        toks = core.split()
        names = [i for i, t in enumerate(toks) if not _INITIAL.match(t)]
        out = list(toks)
        for i, t in enumerate(toks):
            if _INITIAL.match(t):
                out[i] = self._initial(t)
            elif len(names) == 1:
                gaz = gazetteer()
                is_last = bool(title.strip()) or "-" in t or (t.lower() in gaz.last and t.lower() not in gaz.first)
                out[i] = self._last(t) if is_last else self._first(t)
            else:
                out[i] = self._last(t) if i == names[-1] else self._first(t)
        return f"{title}{' '.join(out)}{cred}"

    def _email(self, value: str) -> str:
        norm = value.strip().lower()
        first = self._choice(SURROGATE_FIRST_F + SURROGATE_FIRST_M, "EMAIL", "first", norm).lower()
        last = self._choice(SURROGATE_LAST, "EMAIL", "last", norm).lower()
        n = next(self._stream("EMAIL", "n", norm)) % 100
        domain = self._choice(("example.com", "example.org", "example.net"), "EMAIL", "domain", norm)
        return f"{first}.{last}{n}@{domain}"

    def _phone(self, value: str) -> str:
        if not any(map(str.isdigit, value)):  # said aloud: "six one three five five five oh one ..."
            rnd = self._stream("PHONE", "spoken", value.lower())
            return _SPOKEN_DIGIT_RE.sub(lambda _m: _DIGIT_WORDS[next(rnd) % 10], value)
        if value.lstrip().startswith("+") and not _PLUS1_RE.match(value):
            return self._intl_phone(value)
        digits = _NON_DIGIT_RE.sub("", value)
        national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
        rnd = self._stream("PHONE", national)
        line = f"01{next(rnd) % 100:02d}"
        if len(national) == 10:
            area = "211"
            while area[1:] == "11" or area == "555":  # a valid-looking NPA: 2-9, then not N11
                area = f"{2 + next(rnd) % 8}{next(rnd) % 100:02d}"
            new = area + "555" + line
        elif len(national) == 7:
            new = "555" + line
        else:
            new = "".join(str(next(rnd) % 10) for _ in national)
        new = digits[: len(digits) - len(national)] + new
        it = iter(new)
        return _DIGIT_RE.sub(lambda _m: next(it), value)

    def _intl_phone(self, value: str) -> str:
        import phonenumbers

        digits = _NON_DIGIT_RE.sub("", value)
        try:
            cc = str(phonenumbers.parse(value, None).country_code)
        except phonenumbers.NumberParseException:
            cc = digits[:2]
        rest = len(digits) - len(cc)
        rnd = self._stream("PHONE", digits)
        new = ""
        for _ in range(40):
            new = cc + "".join(str(next(rnd) % 10) for _ in range(rest))
            try:
                n = phonenumbers.parse("+" + new, None)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(n):
                break
        it = iter(new)
        return _DIGIT_RE.sub(lambda _m: next(it), value)

    def _date_offset(self, subject: str | None = None) -> dt.timedelta:
        if subject is None:
            if self._offset is None:
                self._offset = self._compute_offset(("DATE", "offset"))
            return self._offset
        return self._compute_offset(("DATE", "offset", "subject", str(subject)))

    def _compute_offset(self, parts: tuple[str, ...]) -> dt.timedelta:
        v = int.from_bytes(self._digest(*parts)[:8], "big")
        days = 400 + v % 1101
        return dt.timedelta(days=days if (v >> 32) & 1 else -days)

    def _date(self, value: str) -> str:
        return _shift_date(value.strip(), self._date_offset()) or self._fallback_date(value)

    def _fallback_date(self, value: str) -> str:
        v = next(self._stream("DATE", "fallback", value.strip().lower()))
        return (dt.date(1990, 1, 1) + dt.timedelta(days=v % 12000)).isoformat()

    def _address(self, value: str) -> str:
        norm = _NOT_ALNUM_LOWER_RE.sub(" ", value.lower()).strip()
        rnd = self._stream("ADDRESS", norm)
        m = _ADDRESS_PARTS.match(value.strip())
        street = self._choice(_SURR_STREETS, "ADDRESS", "street", norm)
        if not m:
            return f"{next(rnd) % 9000 + 100} {street} Lane"
        num = m["num"]
        new_num = str(1 + next(rnd) % 9) + "".join(str(next(rnd) % 10) for _ in num[1:])
        out = f"{new_num} {street} {m['suffix'] or 'Road'}"
        if m["unit"]:
            out += _DIGITS_RE.sub(lambda d: str(1 + next(rnd) % 40), m["unit"])
        if m["city"]:
            city = self._choice(_SURR_CITIES, "ADDRESS", "city", norm)
            zip5 = f"{next(rnd) % 90000 + 10000}"
            zip4 = f"-{next(rnd) % 10000:04d}" if m["zip4"] else ""
            out += f"{m['sep1']}{city}{m['sep2']}{m['state']} {zip5}{zip4}"
        return out

    def _id(self, value: str) -> str:
        first_digit = next((i for i, c in enumerate(value) if c.isdigit()), len(value))
        head = value[:first_digit]
        if first_digit == len(value) or sum(c.islower() for c in head) >= 2 or sum(map(str.isalpha, head)) > 4:
            # a user name or handle ("mlopez88", "a.kowalski", "@jsmith"), an ID of letters only, or
            # one that opens with five letters or more, taken from the holder's name (a codice
            # fiscale "RSSMRA85...", a UK driving licence "HARPE 903095 ..."): its letters are
            # personal too (a label prefix is upper case and short: "MRN ", "ACC-")
            return self._digits_like(value, self._stream("ID", value.lower()))
        # normalised from the first digit on, so "MRN 00123456" and "00123456" agree
        norm = _SPACES_RE.sub("", value[first_digit:].upper())
        rnd = self._stream("ID", norm)
        n_digits = sum(map(str.isdigit, value))
        out, seen = [value[:first_digit]], 0
        for c in value[first_digit:]:
            if c.isdigit():
                out.append("9" if seen < 2 and n_digits >= 4 else str(next(rnd) % 10))
                seen += 1
            elif c.isalpha():
                out.append(_keyed_letter(c, rnd))
            else:
                out.append(c)
        return "".join(out)


    # ------------------------------------------------------------------ newer kinds
    def _digits_like(self, value: str, rnd, first_nonzero: bool = False) -> str:
        out = []
        for c in value:
            if c.isdigit():
                d = next(rnd) % 10
                if first_nonzero and not out:
                    d = 1 + d % 9
                out.append(str(d))
            elif c.isalpha():
                out.append(_keyed_letter(c, rnd))
            else:
                out.append(c)
        return "".join(out)

    def _credit_card(self, value: str) -> str:
        digits = _NON_DIGIT_RE.sub("", value)
        rnd = self._stream("CREDIT_CARD", digits)
        new = luhn_complete("99" + "".join(str(next(rnd) % 10) for _ in range(len(digits) - 3)))
        it = iter(new)
        return _DIGIT_RE.sub(lambda _m: next(it), value)

    def _iban(self, value: str) -> str:
        compact = _SPACES_RE.sub("", value).upper()
        rnd = self._stream("IBAN", compact)
        bban = "TEST" + "".join(str(next(rnd) % 10) for _ in range(len(compact) - 8))
        new = iban_with_check(compact[:2], bban)
        if " " in value.strip():
            return " ".join(new[i:i + 4] for i in range(0, len(new), 4))
        return new

    def _ip(self, value: str) -> str:
        rnd = self._stream("IP_ADDRESS", value.strip().lower())
        if ":" in value:
            return "2001:db8::" + ":".join(f"{next(rnd) % 65536:x}" for _ in range(2))
        return f"192.0.2.{1 + next(rnd) % 254}"

    def _url(self, value: str) -> str:
        m = _URL_PARTS_RE.match(value.strip())
        prefix, _host, rest = m.groups() if m else ("https://", "", "")
        token = self._digest("URL", value.strip().lower()).hex()[:10]
        return f"{prefix or 'https://'}example.org" + (f"/r/{token}" if rest.strip("/") else "")

    def _domain(self, value: str) -> str:
        norm = value.strip().lower()
        word = self._choice(_SURR_STREETS, "DOMAIN", "word", norm).lower()
        return f"{word}-{self._digest('DOMAIN', norm).hex()[:4]}.example.org"

    def _city(self, value: str) -> str:
        return self._choice(_SURR_CITIES, "CITY", value.strip().lower())

    def _state(self, value: str) -> str:
        from ._places import places

        codes = places().state_codes
        v = value.strip()
        if len(v) == 2 and v.isupper():
            return self._choice(sorted(codes), "STATE", v)
        name = self._choice(sorted(codes.values()), "STATE", v.lower())
        return name.upper() if v.isupper() else name

    def _country(self, value: str) -> str:
        return self._choice(_SURR_COUNTRIES, "COUNTRY", value.strip().lower())

    def _zip(self, value: str) -> str:
        v = value.strip()
        return self._digits_like(v, self._stream("ZIP", v.upper()), first_nonzero=v[:1].isdigit())

    def _org(self, value: str) -> str:
        from ._places import ORG_SUFFIXES

        v = value.strip()
        name = self._choice(_SURR_ORGS, "ORGANIZATION", v.lower())
        words = v.split()
        if len(words) >= 3 and words[1].lower() == "of" and words[0].lower() in ("university", "bank", "college",
                                                                                "institute", "department"):
            return f"{words[0]} of {name}"
        if words and words[-1].lower().rstrip(".") in {w.rstrip(".") for w in ORG_SUFFIXES}:
            return f"{name} {words[-1]}"
        return name

    def _nrp(self, value: str) -> str:
        from ._places import NRP_WORDS

        key = _SPACE_DASH_RE.sub(" ", value.strip().lower())
        kind = NRP_WORDS.get(key, "nationality")
        pool = _nrp_pool(kind)
        pick = self._choice(pool, "NRP", key)
        return pick.upper() if value.isupper() else pick

    def _age(self, value: str) -> str:
        return "90+"


@functools.lru_cache(maxsize=4)
def _nrp_pool(kind: str) -> tuple[str, ...]:
    from ._places import NRP_WORDS

    return tuple(sorted(" ".join(p.capitalize() for p in w.split()) for w, k in NRP_WORDS.items()
                        if k == kind and not w.endswith("s")))


_SURR_COUNTRIES = ("Norway", "Portugal", "Chile", "New Zealand", "Iceland", "Uruguay", "Estonia", "Malta",
                   "Namibia", "Mongolia", "Slovenia", "Costa Rica", "Finland", "Latvia", "Paraguay", "Fiji")
_SURR_ORGS = ("Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware", "Adatum",
              "Lucerne", "Woodgrove", "Trey Research", "Blue Yonder", "Coho", "Humongous", "Margie's", "Alpine")

_METHODS = {
    "PERSON": Pseudonymizer._person, "EMAIL": Pseudonymizer._email, "PHONE": Pseudonymizer._phone,
    "DATE": Pseudonymizer._date, "ADDRESS": Pseudonymizer._address, "ID": Pseudonymizer._id,
    "AGE": Pseudonymizer._age, "CITY": Pseudonymizer._city, "STATE": Pseudonymizer._state,
    "ZIP": Pseudonymizer._zip, "COUNTRY": Pseudonymizer._country, "ORGANIZATION": Pseudonymizer._org,
    "CREDIT_CARD": Pseudonymizer._credit_card, "IBAN": Pseudonymizer._iban, "IP_ADDRESS": Pseudonymizer._ip,
    "URL": Pseudonymizer._url, "DOMAIN": Pseudonymizer._domain, "NRP": Pseudonymizer._nrp,
}
assert set(_METHODS) == set(ENTITY_TYPES)


_ADDRESS_PARTS = re.compile(
    r"^(?P<num>\d+)[A-Z]?\s+(?:[NSEW]\.?\s+)?(?P<street>.+?)\s+"
    r"(?P<suffix>[A-Z][a-z]*\.?)(?=$|,|\s+(?:Apt|Apartment|Unit|Suite|Ste|#)|\s*,)"
    r"(?P<unit>,?\s+(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|#)\s?#?[A-Z0-9-]+)?"
    r"(?:(?P<sep1>,\s*)(?P<city>[A-Za-z .'-]+?)(?P<sep2>,?\s+)(?P<state>[A-Z]{2})\s+\d{5}(?P<zip4>-\d{4})?)?$"
)

_NUMERIC = re.compile(r"^(?P<m>\d{1,2})(?P<s>[/.-])(?P<d>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})$")
_ISO = re.compile(r"^(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{2})(?P=s)(?P<d>\d{2})$")
_MY = re.compile(r"^(?P<mon>[A-Za-z]+)(?P<dot>\.?)\s(?P<y>\d{4})$")
_MDY = re.compile(r"^(?P<mon>[A-Za-z]+)(?P<dot>\.?)\s(?P<d>\d{1,2})(?P<ord>st|nd|rd|th)?(?:(?P<sep>,?\s)(?P<y>\d{4}))?$")
_DMY = re.compile(r"^(?P<d>\d{1,2})(?P<ord>st|nd|rd|th)?(?P<of>\s(?:of\s)?|-)(?P<mon>[A-Za-z]+)(?P<dot>\.?)"
                  r"(?P<sep>,?\s|-)(?P<y>\d{4}|\d{2})$")


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _safe_date(y: int, m: int, d: int) -> dt.date:
    import calendar

    return dt.date(y, m, min(d, calendar.monthrange(y, m)[1]))


def _year(y: str) -> int:
    return int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))


def _mon_name(original: str, month: int, dot: str) -> str:
    """Month ``month`` written like ``original`` (full name or abbreviation, case, trailing dot)."""
    full = _MONTHS[month - 1]
    if original.lower() == _MONTHS[_MON_IDX[original.lower()] - 1].lower():
        name = full
    else:
        name = "Sept" if original.lower() == "sept" and month == 9 else full[:3]
    if original.isupper() and len(original) > 1:
        name = name.upper()
    return name + (dot if name.lower() != full.lower() else "")


def _shift_date(value: str, offset: dt.timedelta) -> str | None:
    """The date shifted by ``offset`` in the same layout, or None if the layout is unknown."""
    try:
        if m := _NUMERIC.match(value):
            y = m["y"]
            dmy = int(m["m"]) > 12  # day first (14/03/2024)
            mon, day = (m["d"], m["m"]) if dmy else (m["m"], m["d"])
            new = _safe_date(_year(y), int(mon), int(day)) + offset
            mm = f"{new.month:02d}" if len(mon) == 2 else str(new.month)
            dd = f"{new.day:02d}" if len(day) == 2 else str(new.day)
            yy = str(new.year) if len(y) == 4 else f"{new.year % 100:02d}"
            first, second = (dd, mm) if dmy else (mm, dd)
            return f"{first}{m['s']}{second}{m['s']}{yy}"
        if m := _ISO.match(value):
            new = _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) + offset
            return f"{new.year:04d}{m['s']}{new.month:02d}{m['s']}{new.day:02d}"
        if (m := _MY.match(value)) and m["mon"].lower() in _MON_IDX:
            new = _safe_date(int(m["y"]), _MON_IDX[m["mon"].lower()], 15) + offset
            return f"{_mon_name(m['mon'], new.month, m['dot'])} {new.year}"
        if (m := _MDY.match(value)) and m["mon"].lower() in _MON_IDX:
            base = _safe_date(int(m["y"]) if m["y"] else 2000, _MON_IDX[m["mon"].lower()], int(m["d"]))
            new = base + offset
            out = f"{_mon_name(m['mon'], new.month, m['dot'])} {new.day}"
            out += _ordinal(new.day) if m["ord"] else ""
            return out + (f"{m['sep']}{new.year}" if m["y"] else "")
        if (m := _DMY.match(value)) and m["mon"].lower() in _MON_IDX:
            y = m["y"]
            new = _safe_date(_year(y), _MON_IDX[m["mon"].lower()], int(m["d"])) + offset
            dd = f"{new.day:02d}" if len(m["d"]) == 2 and m["d"].startswith("0") else str(new.day)
            yy = str(new.year) if len(y) == 4 else f"{new.year % 100:02d}"
            mon = _mon_name(m["mon"], new.month, m["dot"])
            return f"{dd}{_ordinal(new.day) if m['ord'] else ''}{m['of']}{mon}{m['sep']}{yy}"
    except (ValueError, OverflowError):
        return None
    return None


def anonymize_text(
    text: str,
    pseudonymizer: Pseudonymizer,
    entities: Iterable[str] = ENTITY_TYPES,
    id_patterns: Sequence[str] = (),
) -> tuple[str, collections.Counter]:
    """Replace every detected entity by its surrogate; return the new text and counts per type."""
    from .detect import detect

    counts: collections.Counter = collections.Counter()
    parts: list[str] = []
    pos = 0
    for span in detect(text, entities, id_patterns):
        parts.append(text[pos:span.start])
        parts.append(pseudonymizer.surrogate(span.type, text[span.start:span.end]))
        counts[span.type] += 1
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts), counts


def _keyed_letter(c: str, rnd) -> str:
    """A keyed letter (no I, O, Q: they read as digits) in the case of ``c``."""
    letter = "ABCDEFGHJKLMNPRSTUVWXYZ"[next(rnd) % 23]
    return letter if c.isupper() else letter.lower()
