"""Generate synthetic customer-support tickets with planted, labelled personal data.

Usage::

    python data/support_tickets/generate.py [--out DIR] [--n 500] [--seed 20250611]

Writes ``tickets.jsonl`` (``{"id", "text"}``, one ticket per line) and
``pii_spans.jsonl`` (``{"record": <0-based line index>, "field": "text",
"start", "end", "type"}``, character offsets, ``end`` exclusive) to DIR
(default: this file's folder). The output is byte-for-byte deterministic for a
given seed and Faker version (pinned: Faker 40.63.0, see README.md).

The tickets were written as customers and agents of a bank, a mobile/broadband
provider and an online shop write: web forms, e-mails and chat transcripts,
lowercase names, names at the start of a sentence, typos, international phone
numbers, several date styles. They were written without looking at any
detector's rules; the labelling conventions are in README.md. Everything is
fictional: names and company names come from Faker (several locales), card
numbers are Luhn-valid test or random numbers, IBANs are random with valid
check digits, UK phone numbers use Ofcom's drama ranges.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import string
import unicodedata
from pathlib import Path

from faker import Faker

SEED = 20250611
N_TICKETS = 500

PERSON, EMAIL, PHONE, DATE, AGE, ADDRESS = "PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS"
CITY, STATE, ZIP, COUNTRY, ORG, ID = "CITY", "STATE", "ZIP", "COUNTRY", "ORGANIZATION", "ID"
SSN, CARD, IBAN, IP, URL, NRP = "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "NRP"

# --------------------------------------------------------------------------- regions

REGIONS = {
    # Faker locales for names, sampling weight; the region also picks phone, address and date styles
    "US": dict(locales=["en_US"], weight=30),
    "UK": dict(locales=["en_GB"], weight=25),
    "DE": dict(locales=["de_DE"], weight=15),
    "FR": dict(locales=["fr_FR"], weight=10),
    "IN": dict(locales=["en_IN"], weight=15),
    "EU": dict(locales=["es_ES", "it_IT", "pl_PL", "nl_NL"], weight=5),
}

CITIES = {
    "US": ["Denver", "Austin", "Portland", "Columbus", "Sacramento", "Tampa", "Raleigh", "Madison",
           "Spokane", "Albuquerque", "Pittsburgh", "St. Louis", "San Jose", "Boise", "Omaha", "Tucson"],
    "UK": ["Leeds", "Manchester", "Bristol", "Sheffield", "Nottingham", "Cardiff", "Glasgow", "Norwich",
           "Brighton", "Leicester", "York", "Newcastle upon Tyne", "Reading", "Milton Keynes", "Swansea"],
    "DE": ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf",
           "Leipzig", "Dresden", "Nürnberg", "Bremen", "Hannover", "Freiburg im Breisgau", "Mainz"],
    "FR": ["Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Strasbourg", "Montpellier", "Rennes"],
    "IN": ["Pune", "Bengaluru", "Hyderabad", "Chennai", "Kolkata", "Ahmedabad", "Jaipur", "Lucknow", "Kochi", "Indore"],
    "EU": ["Madrid", "Valencia", "Milan", "Bologna", "Kraków", "Gdańsk", "Utrecht", "Rotterdam"],
}
US_STATES = [("CO", "Colorado"), ("TX", "Texas"), ("OR", "Oregon"), ("OH", "Ohio"), ("CA", "California"),
             ("FL", "Florida"), ("NC", "North Carolina"), ("WI", "Wisconsin"), ("WA", "Washington"),
             ("NM", "New Mexico"), ("PA", "Pennsylvania"), ("MO", "Missouri"), ("ID", "Idaho"),
             ("NE", "Nebraska"), ("AZ", "Arizona"), ("GA", "Georgia"), ("MI", "Michigan"), ("VA", "Virginia")]
OTHER_STATES = {"DE": ["Bavaria", "Bayern", "Saxony", "Hesse", "Nordrhein-Westfalen"],
                "IN": ["Maharashtra", "Karnataka", "Kerala", "Tamil Nadu", "Rajasthan"],
                "UK": ["Yorkshire", "Kent", "Devon", "Lancashire", "Surrey"]}
COUNTRY_OF = {"US": ["the US", "USA", "the United States"], "UK": ["the UK", "England", "Scotland", "Wales"],
              "DE": ["Germany", "Deutschland"], "FR": ["France"], "IN": ["India"],
              "EU": ["Spain", "Italy", "Poland", "the Netherlands"]}
TRAVEL_COUNTRIES = ["Portugal", "Spain", "Italy", "Greece", "Turkey", "Canada", "Mexico", "Japan", "Thailand",
                    "Switzerland", "Morocco", "the UAE", "Croatia", "Iceland", "Australia", "Brazil"]
NATIONALITY = {"US": ["American", "US"], "UK": ["British", "UK"], "DE": ["German"], "FR": ["French"],
               "IN": ["Indian"], "EU": ["Spanish", "Italian", "Polish", "Dutch"]}
RELIGION = ["muslim", "Muslim", "Jewish", "Hindu", "Sikh", "Catholic", "orthodox Jewish"]

US_STREETS = ["Maple Ave", "Oak Street", "N 5th St", "Westwood Dr", "Lincoln Avenue", "Sunset Blvd", "Pine Ridge Rd",
              "E Washington St", "Cherry Lane", "Highland Ave", "Meadowbrook Dr", "W 23rd Street", "Birch Ct"]
UK_STREETS = ["Station Road", "Church Lane", "High Street", "Victoria Road", "Mill Lane", "Queens Road",
              "Park Avenue", "The Crescent", "Manor Way", "Elm Grove", "St John's Road", "Kingsway"]
DE_STREETS = ["Hauptstraße", "Bahnhofstr.", "Schillerstraße", "Goethestr.", "Lindenweg", "Gartenstraße",
              "Am Markt", "Berliner Allee", "Rosenstraße", "Kirchgasse", "Friedrichstr.", "Ahornweg"]

BRANDS = {
    "bank": ["Northwind Bank", "Kestrel Bank", "Brightwater Savings"],
    "telco": ["Halcyon Mobile", "Telvio", "Skyline Broadband"],
    "shop": ["Parcelia", "ShopNest", "Marlowe & Finch"],
}
BRAND_DOMAIN = {"Northwind Bank": "northwindbank.com", "Kestrel Bank": "kestrelbank.co.uk",
                "Brightwater Savings": "brightwater-savings.com", "Halcyon Mobile": "halcyonmobile.com",
                "Telvio": "telvio.de", "Skyline Broadband": "skylinebroadband.co.uk", "Parcelia": "parcelia.com",
                "ShopNest": "shopnest.in", "Marlowe & Finch": "marlowefinch.co.uk"}
MERCHANTS = ["Amazon", "Tesco", "Uber", "Netflix", "Lidl", "Zalando", "Booking.com", "Ryanair", "Deliveroo", "Flipkart"]
PRODUCTS = ["iPhone 14", "Samsung Galaxy S23", "Pixel 8", "Fritz!Box 7590", "Kindle Paperwhite", "AirPods Pro",
            "Dyson V11", "Nintendo Switch", "LEGO set 42115", "Bosch drill GSB 18V", "Sony WH-1000XM5"]
COMMON_TYPOS = {"receive": "recieve", "address": "adress", "definitely": "definately", "separate": "seperate",
                "account": "acount", "payment": "paymnet", "because": "becuase", "cancel": "cancle",
                "which": "wich", "their": "thier", "received": "recieved", "until": "untill", "tomorrow": "tommorow"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


def iban_check(country: str, bban: str) -> str:
    raw = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in raw)
    return f"{98 - int(num) % 97:02d}"


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


# --------------------------------------------------------------------------- document builder

class Doc:
    """Concatenates literal text and labelled values, keeping exact spans.

    ``add("hi, this is {name}", name=("Ann Lee", PERSON))``: a slot is either a
    plain string (unlabelled, e.g. an order number) or a ``(value, TYPE)`` pair.
    Literal text goes through the ticket's writing style (lowercase, typos);
    values are written as given (the caller decides about lowercase names).
    """

    def __init__(self, rng: random.Random, lower: bool = False, typo_rate: float = 0.0) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.pos = 0
        self.lower = lower
        self.typo_rate = typo_rate

    def style(self, lower: bool, typo_rate: float) -> None:
        self.lower, self.typo_rate = lower, typo_rate

    def _lit(self, s: str, raw: bool = False) -> None:
        if self.lower and not raw:
            s = s.lower()
        if self.typo_rate and not raw:
            s = self._typos(s)
        self.parts.append(s)
        self.pos += len(s)

    def _val(self, value: str, typ: str | None) -> None:
        if typ == COUNTRY and value.startswith("the "):  # "the UK": the article is not part of the name
            self._lit(value[:4], raw=True)
            value = value[4:]
        if typ is not None:
            assert value and value == value.strip(), repr(value)
            self.spans.append((self.pos, self.pos + len(value), typ))
        self.parts.append(value)
        self.pos += len(value)

    def add(self, template: str, _raw: bool = False, **slots: object) -> "Doc":
        """``_raw=True``: literal text as written (form labels, headers), no case change or typos."""
        i = 0
        while i < len(template):
            j = template.find("{", i)
            if j < 0:
                self._lit(template[i:], _raw)
                break
            k = template.index("}", j)
            if j > i:
                self._lit(template[i:j], _raw)
            v = slots[template[j + 1:k]]
            if isinstance(v, tuple):
                self._val(v[0], v[1])
            else:
                self._val(str(v), None)
            i = k + 1
        return self

    def _typos(self, s: str) -> str:
        out = []
        for word in s.split(" "):
            core = word.strip(".,!?:;()")
            if core.lower() in COMMON_TYPOS and self.rng.random() < 0.5:
                word = word.replace(core, COMMON_TYPOS[core.lower()])
            elif len(core) >= 5 and core.isalpha() and self.rng.random() < self.typo_rate:
                p = self.rng.randrange(1, len(core) - 1)
                kind = self.rng.randrange(3)
                if kind == 0:
                    new = core[:p] + core[p + 1] + core[p] + core[p + 2:]
                elif kind == 1:
                    new = core[:p] + core[p + 1:]
                else:
                    new = core[:p] + core[p] + core[p:]
                word = word.replace(core, new)
            out.append(word)
        return " ".join(out)

    def build(self) -> tuple[str, list[tuple[int, int, str]]]:
        text = "".join(self.parts)
        for a, b in zip(self.spans, self.spans[1:]):
            assert a[1] < b[0], (a, b, text)  # never overlapping, never touching
        return text, list(self.spans)


# --------------------------------------------------------------------------- fake values

class Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        for n, loc in enumerate(sorted({l for r in REGIONS.values() for l in r["locales"]})):
            f = Faker(loc)
            f.seed_instance(seed + n)
            self.fakers[loc] = f

    # -- people -------------------------------------------------------------
    def persona(self) -> dict:
        r = self.rng
        region = r.choices(list(REGIONS), weights=[v["weight"] for v in REGIONS.values()])[0]
        loc = r.choice(REGIONS[region]["locales"])
        f = self.fakers[loc]
        first, last = f.first_name(), f.last_name()
        p = dict(region=region, loc=loc, first=first, last=last, full=f"{first} {last}")
        p["dob"] = dt.date(1936, 1, 1) + dt.timedelta(days=r.randrange(0, 68 * 365))
        p["email"] = self.email(first, last, loc)
        p["lower_names"] = r.random() < 0.3
        return p

    def other_person(self, region: str | None = None) -> tuple[str, str]:
        loc = self.rng.choice(REGIONS[region or self.rng.choice(list(REGIONS))]["locales"])
        f = self.fakers[loc]
        return f.first_name(), f.last_name()

    def email(self, first: str, last: str, loc: str) -> str:
        r = self.rng
        f = self.fakers[loc]
        ascii_ = lambda s: "".join(c for c in unicodedata.normalize("NFKD", s.lower().replace("ß", "ss").replace("ł", "l"))
                                   if c.isascii() and c.isalnum())
        fi, la = ascii_(first) or "user", ascii_(last) or "mail"
        user = r.choice([f"{fi}.{la}", f"{fi}{la}", f"{fi[0]}{la}", f"{fi}_{la}{r.randrange(1, 99)}",
                         f"{la}.{fi}", f"{fi}{r.randrange(1960, 2005)}", f"{fi[0]}.{la}{r.randrange(1, 9)}"])
        domain = r.choice([f.free_email_domain(), f.free_email_domain(), "gmail.com", "outlook.com", f.domain_name()])
        return f"{user}@{domain}"

    def name(self, p: dict, form: str | None = None) -> str:
        form = form or self.rng.choice(["full", "full", "full", "first"])
        v = {"full": p["full"], "first": p["first"], "last": p["last"],
             "lastfirst": f"{p['last']}, {p['first']}", "initial": f"{p['first'][0]}. {p['last']}"}[form]
        return v.lower() if p["lower_names"] else v

    # -- contact ------------------------------------------------------------
    def phone(self, region: str) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        if region == "US" or (region == "EU" and r.random() < 0.3):
            a = r.choice(["212", "303", "415", "503", "512", "614", "617", "720", "813", "919", "971"])
            e, n = str(r.randrange(201, 999)), d(4)
            return r.choice([f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"+1 {a} {e} {n}", f"{a}.{e}.{n}",
                             f"1-{a}-{e}-{n}", f"+1 ({a}) {e}-{n}", f"{a}{e}{n}"])
        if region == "UK":
            x = d(3)
            return r.choice([f"07700 900{x}", f"+44 7700 900{x}", f"+44 (0)7700 900{x}", f"07700900{x}",
                             f"020 7946 0{x}", f"+44 20 7946 0{x}", f"0161 496 0{x}", f"+447700900{x}",
                             f"0113 496 0{x}"])
        if region == "DE":
            mob = r.choice(["151", "160", "170", "176", "157"])
            city = r.choice(["30", "40", "89", "221", "69"])
            return r.choice([f"+49 {mob} {d(8)}", f"0{mob} {d(8)}", f"0{mob}/{d(8)}", f"+49 (0){mob} {d(4)} {d(4)}",
                             f"+49 {city} {d(7)}", f"0{city} {d(3)} {d(4)}", f"0049 {city} {d(7)}", f"+49{mob}{d(8)}"])
        if region == "FR":
            first = r.choice(["6", "7", "1", "4"])
            g = " ".join(d(2) for _ in range(4))
            return r.choice([f"+33 {first} {g}", f"0{first} {g}", f"0{first}.{g.replace(' ', '.')}",
                             f"+33 (0){first} {g}", f"0{first}{g.replace(' ', '')}", f"+33{first}{g.replace(' ', '')}"])
        if region == "IN":
            m = r.choice("6789") + d(4)
            n = d(5)
            return r.choice([f"+91 {m} {n}", f"+91-{m}{n}", f"0{m} {n}", f"{m}{n}", f"+91 {m}-{n}", f"91{m}{n}"])
        # EU: Spain / Italy / NL
        return r.choice([f"+34 6{d(2)} {d(3)} {d(3)}", f"+39 3{d(2)} {d(3)} {d(4)}", f"+31 6 {d(8)}",
                         f"+48 5{d(2)} {d(3)} {d(3)}"])

    def address(self, region: str) -> str:
        r = self.rng
        if region == "UK":
            f = self.fakers["en_GB"]
            street = r.choice(UK_STREETS + [f"{f.last_name()} Close", f"{f.last_name()} Road"])
            line = f"{r.randrange(1, 240)} {street}"
            if r.random() < 0.3:
                line = f"Flat {r.randrange(1, 30)}, {line}"
            return r.choice([f"{line}, {r.choice(CITIES['UK'])} {f.postcode()}",
                             f"{line}, {r.choice(CITIES['UK'])}, {f.postcode()}",
                             f"{line}, {r.choice(CITIES['UK'])}, {f.postcode()}, UK"])
        if region == "DE":
            f = self.fakers["de_DE"]
            street = r.choice(DE_STREETS + [f.street_name()])
            line = f"{street} {r.randrange(1, 140)}{r.choice(['', '', '', 'a', 'b'])}"
            return r.choice([f"{line}, {f.postcode()} {r.choice(CITIES['DE'])}",
                             f"{line}, D-{f.postcode()} {r.choice(CITIES['DE'])}",
                             f"{line}, {f.postcode()} {r.choice(CITIES['DE'])}, Germany"])
        f = self.fakers["en_US"]
        abbr, _ = r.choice(US_STATES)
        street = r.choice(US_STREETS + [f"{f.last_name()} Street", f"{f.street_name()}"])
        line = f"{r.randrange(1, 9800)} {street}"
        if r.random() < 0.35:
            line += r.choice([f", Apt {r.randrange(1, 40)}{r.choice('ABCD')}", f" #{r.randrange(2, 900)}",
                              f", Unit {r.randrange(1, 60)}", f", Suite {r.randrange(100, 900)}"])
        return r.choice([f"{line}, {r.choice(CITIES['US'])}, {abbr} {f.zipcode()}",
                         f"{line}, {r.choice(CITIES['US'])} {abbr} {f.zipcode()}",
                         f"{line}, {r.choice(CITIES['US'])}, {abbr} {f.zipcode()}-{r.randrange(1000, 9999)}"])

    def addr_region(self, p: dict) -> str:
        return p["region"] if p["region"] in ("US", "UK", "DE") else self.rng.choice(["UK", "DE"])

    def zip_of(self, region: str) -> str:
        loc = {"US": "en_US", "UK": "en_GB", "DE": "de_DE", "FR": "fr_FR", "IN": "en_IN"}.get(region, "nl_NL")
        return self.fakers[loc].postcode()

    def ip(self) -> str:
        r = self.rng
        if r.random() < 0.12:
            return ":".join(f"{r.randrange(0, 65536):x}" for _ in range(8)) if r.random() < 0.5 else \
                f"2a02:{r.randrange(4096, 65535):x}:{r.randrange(0, 65535):x}::{r.randrange(1, 65535):x}"
        while True:
            a = r.randrange(2, 223)
            if a not in (10, 127, 169, 172, 192):
                return f"{a}.{r.randrange(0, 256)}.{r.randrange(0, 256)}.{r.randrange(1, 255)}"

    def url(self, p: dict | None = None) -> str:
        r = self.rng
        tok = "".join(r.choice(string.ascii_letters + string.digits) for _ in range(r.randrange(5, 9)))
        handle = (p["first"][0] + p["last"]).lower() if p else "user"
        handle = "".join(c for c in handle if c.isascii() and c.isalnum()) or "user"
        return r.choice([f"https://imgur.com/a/{tok}", f"https://drive.google.com/file/d/{tok}{tok}/view",
                         f"https://www.linkedin.com/in/{handle}-{r.randrange(10, 99)}",
                         f"https://x.com/{handle}{r.randrange(1, 99)}", f"http://www.{handle}-photography.com",
                         f"https://www.dropbox.com/s/{tok.lower()}/receipt.pdf?dl=0", f"www.{handle}.de"])

    # -- numbers ------------------------------------------------------------
    def card(self) -> str:
        r = self.rng
        if r.random() < 0.3:
            return r.choice(["4111 1111 1111 1111", "4111111111111111", "5555 5555 5555 4444", "5105-1051-0510-5100",
                             "3782 822463 10005", "378282246310005", "6011 1111 1111 1117", "4012 8888 8888 1881",
                             "3530 1113 3330 0000", "3056 930902 5904", "4222222222222", "2223 0031 2200 3222"])
        prefix, length = r.choice([("4", 16), ("4", 16), ("4", 13), ("4", 19), ("51", 16), ("53", 16), ("55", 16),
                                   ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3528", 16),
                                   ("36", 14), ("6759", 18), ("6304", 19)])
        body = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
        num = body + luhn_digit(body)
        sep = r.choice([" ", " ", "-", ""])
        if length in (13, 18):
            return num
        if length in (14, 15):
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[i:i + 4] for i in range(0, length, 4)]
        return sep.join(groups)

    def iban(self, region: str) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        L = lambda n: "".join(r.choice(string.ascii_uppercase) for _ in range(n))
        country = {"DE": "DE", "UK": "GB", "FR": "FR", "EU": r.choice(["ES", "NL", "IT", "IE", "BE", "AT"])}.get(
            region, r.choice(["DE", "GB", "FR", "NL", "ES"]))
        bban = {"DE": lambda: d(18), "GB": lambda: L(4) + d(14), "FR": lambda: d(23), "NL": lambda: L(4) + d(10),
                "ES": lambda: d(20), "IT": lambda: L(1) + d(10) + d(12), "IE": lambda: L(4) + d(14),
                "BE": lambda: d(12), "AT": lambda: d(16)}[country]()
        iban = country + iban_check(country, bban) + bban
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if r.random() < 0.65 else iban

    def account_no(self, region: str) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        if region == "UK":
            return d(8)
        if region == "US":
            return r.choice([d(10), d(12), f"{d(4)}-{d(4)}-{d(4)}"])
        return r.choice([d(10), f"{d(4)} {d(4)} {d(2)}"])

    def customer_id(self) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        return r.choice([f"CUS-{d(7)}", f"C{d(8)}", f"{d(4)}-{d(4)}", f"AC-{d(8)}", f"{d(9)}", f"KD{d(6)}",
                         f"CID {d(3)} {d(3)} {d(3)}", f"HM{d(7)}"])

    def national_id(self, region: str) -> tuple[str, str]:
        """(label words, value) of a national or official ID of the region."""
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        if region == "UK":
            a = r.choice("ABCEGHJKLMNPRSTWXYZ") + r.choice("ABCEGHJKLMNPRSTWXYZ")
            v = r.choice([f"{a}{d(6)}{r.choice('ABCD')}", f"{a} {d(2)} {d(2)} {d(2)} {r.choice('ABCD')}"])
            return r.choice(["national insurance number", "NI number", "NI no."]), v
        if region == "DE":
            return r.choice([("Steuer-ID", r.choice("123456789") + d(10)),
                             ("Personalausweisnummer", "".join(r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(9))),
                             ("tax ID", r.choice("123456789") + d(10))])
        if region == "IN":
            if r.random() < 0.5:
                return "Aadhaar", f"{r.choice('23456789')}{d(3)} {d(4)} {d(4)}"
            return "PAN", "".join(r.choice(string.ascii_uppercase) for _ in range(3)) + "P" + \
                r.choice(string.ascii_uppercase) + d(4) + r.choice(string.ascii_uppercase)
        if region == "FR":
            return "numéro fiscal", r.choice("0123") + d(12)
        if region == "US":
            return r.choice([("driver's license", f"{r.choice(string.ascii_uppercase)}{d(7)}"),
                             ("driver license no.", f"{r.choice(string.ascii_uppercase)}{d(3)}-{d(4)}-{d(4)}"),
                             ("passport number", d(9))])
        return "passport number", r.choice(string.ascii_uppercase) + r.choice(string.ascii_uppercase) + d(7)

    def imei(self) -> str:
        body = "35" + "".join(self.rng.choice(string.digits) for _ in range(12))
        v = body + luhn_digit(body)
        return self.rng.choice([v, f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}"])

    # -- unlabelled look-alikes -----------------------------------------------
    def order_no(self) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        return r.choice([f"#{d(3)}-{d(7)}-{d(7)}", f"{d(8)}", f"ORD-{d(6)}", f"#{d(5)}", f"SN{d(9)}", f"PN-{d(4)}-{d(5)}"])

    def ticket_ref(self) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        return r.choice([f"#{d(5)}", f"INC{d(7)}", f"CS-{d(6)}", f"case {d(8)}", f"ref {r.choice('ABCDEFGHJK')}{d(2)}{r.choice('XYZW')}{d(2)}"])

    def tracking(self) -> str:
        r = self.rng
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))
        return r.choice([f"1Z{d(3)}AA1{d(10)}", f"JD0{d(17)}", f"{d(12)}", f"RR{d(9)}GB", f"00340{d(15)}"])

    def amount(self, region: str) -> str:
        r = self.rng
        x = r.randrange(3, 2400) + r.choice([0, 0.99, 0.5, 0.49, 0.2])
        if region == "US":
            return f"${x:,.2f}"
        if region == "UK":
            return f"£{x:.2f}"
        if region == "IN":
            return f"Rs. {int(x * 80):,}"
        if region == "DE" and r.random() < 0.6:
            return f"{x:.2f} €".replace(".", ",")
        return f"€{x:.2f}"

    # -- dates --------------------------------------------------------------
    def event_date(self) -> dt.date:
        return dt.date(2023, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 900))

    def fmt_date(self, d: dt.date, region: str, dob: bool = False) -> str:
        r = self.rng
        m, mon = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
        common = [f"{d:%Y-%m-%d}", f"{d.day} {m} {d.year}", f"{d.day} {mon} {d.year}"]
        if region == "US":
            opts = [f"{d.month}/{d.day}/{d.year}", f"{d:%m/%d/%Y}", f"{m} {d.day}, {d.year}", f"{mon} {d.day}, {d.year}",
                    f"{d.month}/{d.day}/{d:%y}", f"{m} {ordinal(d.day)}", f"{mon}. {d.day}"]
        elif region == "DE":
            opts = [f"{d:%d.%m.%Y}", f"{d.day}.{d.month}.{d.year}", f"{d:%d.%m.%y}", f"{d.day}. {m} {d.year}"]
        else:
            opts = [f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{ordinal(d.day)} {m}", f"{ordinal(d.day)} of {m}",
                    f"{d.day}-{mon}-{d.year}", f"{WEEKDAYS[d.weekday()]} {d.day} {m}", f"{d:%d/%m/%y}",
                    f"{d:%d.%m.%Y}"]
        if dob:
            opts = [o for o in opts if str(d.year) in o or f"{d:%y}" in o[-2:]]
        return r.choice(opts + common)


# --------------------------------------------------------------------------- ticket scenarios

def agent_name(mk: Maker) -> str:
    return mk.rng.choice(["Megan", "Tom", "Aisha", "Lukas", "Priya", "Chloé", "Dan", "Sofia", "Ravi", "Hannah",
                          "Jonas", "Fatima", "Oliver", "Mei", "Carlos", "Nadia"])


def opening(mk: Maker, doc: Doc, p: dict) -> None:
    r = mk.rng
    name = mk.name(p)
    k = r.randrange(8)
    if k == 0:
        doc.add("hi, this is {n}. ", n=(name, PERSON))
    elif k == 1:
        doc.add("{n} here. ", n=(mk.name(p, "first") if r.random() < 0.5 else name, PERSON))
    elif k == 2:
        doc.add("Hello,\nmy name is {n} and ", n=(name, PERSON))
    elif k == 3:
        doc.add("Dear team,\n\n")
    elif k == 4:
        doc.add("Hi there, ")
    elif k == 5:
        doc.add("{n} again - ", n=(mk.name(p, "first"), PERSON))
    elif k == 6:
        doc.add("Good morning. ")
    else:
        doc.add("")


def signoff(mk: Maker, doc: Doc, p: dict) -> None:
    r = mk.rng
    k = r.randrange(7)
    if k == 0:
        doc.add("\n\nThanks,\n{n}", n=(mk.name(p, "full"), PERSON))
    elif k == 1:
        doc.add("\n\nRegards\n{n}\n{ph}", n=(mk.name(p, "full"), PERSON), ph=(mk.phone(p["region"]), PHONE))
    elif k == 2:
        doc.add("\n-- \n{n} | {e}", n=(mk.name(p, "initial"), PERSON), e=(p["email"], EMAIL))
    elif k == 3:
        doc.add(" thx")
    elif k == 4:
        doc.add("\n\nKind regards,\n{n}\n\nSent from my iPhone", n=(p["full"], PERSON))
    elif k == 5:
        doc.add("\n\nBest,\n{n}", n=(mk.name(p, "first"), PERSON))
    else:
        doc.add("")


def agent_reply(mk: Maker, doc: Doc, p: dict, brand: str, extra: str = "") -> None:
    """An agent's answer: proper case, no typos."""
    r = mk.rng
    doc.style(False, 0.0)
    a = agent_name(mk)
    dom = BRAND_DOMAIN[brand]
    first = p["first"]
    doc.add("\n\n---\nAgent reply ({t}):\nHi {f}, thanks for getting in touch with {b}. ",
            t=mk.ticket_ref(), f=(first, PERSON), b=(brand, ORG))
    if extra:
        doc.add(extra)
    k = r.randrange(4)
    if k == 0:
        doc.add("You can follow the status at {u}. ", u=(f"https://help.{dom}/tickets", URL))
    elif k == 1:
        doc.add("If anything else comes up, call us on {ph} or reply to {e}. ",
                ph=(mk.phone(r.choice(["UK", "US", "DE"])), PHONE), e=(f"support@{dom}", EMAIL))
    elif k == 2:
        doc.add("I have noted everything on your file. ")
    doc.add("\nKind regards,\n{a}\n{b} Customer Care", a=(a, PERSON), b=(brand, ORG))


def sc_double_charge(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    d = mk.event_date()
    doc.add("Subject: charged twice\n\n", _raw=True)
    opening(mk, doc, p)
    doc.add("I was charged twice for the same purchase at {m} on {d}, {amt} each time. The card is {c}, "
            "can you reverse one of them? ",
            m=(r.choice(MERCHANTS), ORG) if r.random() < 0.5 else (mk.fakers[p["loc"]].company(), ORG),
            d=(mk.fmt_date(d, reg), DATE), amt=mk.amount(reg), c=(mk.card(), CARD))
    if r.random() < 0.5:
        doc.add("My account number is {a} if you need it. ", a=(mk.account_no(reg), ID))
    doc.add("I only made the payment once, the second one came through {w} hours later.", w=str(r.randrange(2, 30)))
    signoff(mk, doc, p)


def sc_locked_out(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("i cant log in to online banking since {d}. it says my account is locked after too many attempts "
            "but i only tried twice. ", d=(mk.fmt_date(mk.event_date(), reg), DATE))
    doc.add("customer id {cid}, date of birth {dob}, mobile {ph}. ",
            cid=(mk.customer_id(), ID), dob=(mk.fmt_date(p["dob"], reg, dob=True), DATE), ph=(mk.phone(reg), PHONE))
    if r.random() < 0.7:
        doc.add("Also the security email says there was a login from {ip} which was NOT me, I'm in {c}. ",
                ip=(mk.ip(), IP), c=(r.choice(CITIES[reg]), CITY))
    doc.add("please unlock it asap, my rent is due on the {d}", d=ordinal(r.randrange(1, 29)))  # day alone: not labelled
    signoff(mk, doc, p)


def sc_change_address(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r = mk.rng
    reg = mk.addr_region(p)
    doc.add("Web form - Change of address\nName: {n}\nCustomer number: {cid}\nOld address: {a1}\nNew address: {a2}\n"
            "Moving date: {d}\nMessage: ", _raw=True,
            n=(mk.name(p, r.choice(["full", "lastfirst"])), PERSON), cid=(mk.customer_id(), ID),
            a1=(mk.address(reg), ADDRESS), a2=(mk.address(reg), ADDRESS), d=(mk.fmt_date(mk.event_date(), reg), DATE))
    doc.add("Please update my statements and send the new card to the new address. "
            "{n} and I are moving together so their account needs the same change.",
            n=(" ".join(mk.other_person(p["region"])), PERSON))


def sc_transfer(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    of, ol = mk.other_person()
    doc.add("Hello, I sent {amt} to {n} on {d} (IBAN {i}) and it bounced back after {k} days. "
            "The reference was \"rent {mon}\". ",
            amt=mk.amount(reg), n=(f"{of} {ol}", PERSON), d=(mk.fmt_date(mk.event_date(), reg), DATE),
            i=(mk.iban(r.choice(["DE", "UK", "FR", "EU"])), IBAN), k=str(r.randrange(2, 9)),
            mon=MONTHS[r.randrange(12)][:3].lower())
    doc.add("My own account is {i}. ", i=(mk.iban(reg), IBAN))
    if r.random() < 0.5:
        doc.add("{of}'s bank is {b} in {c}, they say nothing arrived. ",
                of=(of, PERSON), b=(mk.fakers[r.choice(list(mk.fakers))].company(), ORG),
                c=(r.choice(TRAVEL_COUNTRIES + ["Germany", "France"]), COUNTRY))
    doc.add("What went wrong?")
    signoff(mk, doc, p)


def sc_elderly(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    pf, pl = mk.other_person(reg)
    age = r.randrange(90, 104)
    rel = r.choice(["mother", "father", "grandmother", "grandad", "nan", "aunt"])
    doc.add("I am writing on behalf of my {rel}, {n}, who is {age} and can no longer manage her phone banking. ",
            rel=rel, n=(f"{pf} {pl}", PERSON), age=(str(age), AGE))
    doc.add("I have lasting power of attorney dated {d}. Her date of birth is {dob} and her account number is {acc}. ",
            d=(mk.fmt_date(mk.event_date(), reg), DATE),
            dob=(mk.fmt_date(dt.date(2024 - age, r.randrange(1, 13), r.randrange(1, 29)), reg, dob=True), DATE),
            acc=(mk.account_no(reg), ID))
    doc.add("Please call me on {ph} rather than her landline. I'm {myage} and work full time so after 5pm is best.",
            ph=(mk.phone(reg), PHONE), myage=str(r.randrange(35, 66)))
    signoff(mk, doc, p)


def sc_fraud(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("URGENT fraud\n\n", _raw=True)
    doc.add("Someone called me from {ph} pretending to be from {b} and I gave them my card number {c} before "
            "I realised. ", ph=(mk.phone(r.choice(["UK", "US", "IN", "DE", "FR"])), PHONE), b=(brand, ORG),
            c=(mk.card(), CARD))
    doc.add("This was on {d} around {t}. There are {k} payments to {m} I don't recognise. ",
            d=(mk.fmt_date(mk.event_date(), reg), DATE), t=f"{r.randrange(1, 12)}:{r.randrange(0, 60):02d}pm",
            k=str(r.randrange(2, 6)), m=(r.choice(MERCHANTS), ORG))
    doc.add("Block the card please. Card ending {l4} is my other card, that one is fine. You can reach me at {e}.",
            l4=str(r.randrange(1000, 9999)), e=(p["email"], EMAIL))


def sc_roaming(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    c = r.choice(TRAVEL_COUNTRIES)
    d1 = mk.event_date()
    d2 = d1 + dt.timedelta(days=r.randrange(3, 15))
    doc.add("Hi, my bill is {amt} this month because of roaming charges. I was in {c} from {d1} to {d2} "
            "and had the travel add-on, data was only {gb}GB. ",
            amt=mk.amount(reg), c=(c, COUNTRY), d1=(mk.fmt_date(d1, reg), DATE), d2=(mk.fmt_date(d2, reg), DATE),
            gb=str(r.randrange(1, 12)))
    doc.add("Number on the account: {ph}. Account {acc}. ", ph=(mk.phone(reg), PHONE), acc=(mk.customer_id(), ID))
    if r.random() < 0.5:
        doc.add("We stayed in {city} most of the time, maybe the network there wasn't covered? ",
                city=(r.choice(["Lisbon", "Porto", "Barcelona", "Rome", "Athens", "Istanbul", "Toronto", "Cancún",
                                "Tokyo", "Bangkok", "Zürich", "Marrakesh", "Dubai", "Split", "Reykjavík"]), CITY))
    doc.add("Please refund the extra.")
    signoff(mk, doc, p)


def sc_broadband(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r = mk.rng
    reg = mk.addr_region(p)
    doc.add("Internet down again at {a}. ", a=(mk.address(reg), ADDRESS))
    doc.add("The {rt} shows WAN IP {ip} but nothing loads, I already restarted it {k} times and "
            "the admin page at {lan} says firmware {fw}. ",
            rt=r.choice(["Fritz!Box 7590", "router", "Skyline hub", "modem"]), ip=(mk.ip(), IP),
            k=str(r.randrange(2, 6)), lan=(f"192.168.{r.choice([0, 1, 178])}.1", IP), fw=f"7.{r.randrange(10, 60)}")
    doc.add("Account number {acc}. An engineer was booked for {d} but never came. "
            "I work from home so this is costing me money. Contact {ph} or {e}",
            acc=(mk.customer_id(), ID), d=(mk.fmt_date(mk.event_date(), p["region"]), DATE),
            ph=(mk.phone(p["region"]), PHONE), e=(p["email"], EMAIL))
    signoff(mk, doc, p)


def sc_port(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    opening(mk, doc, p)
    doc.add("I want to leave and keep my number {ph}. Can you send the PAC code {how}? The new provider is {b}. ",
            ph=(mk.phone(reg), PHONE), how=r.choice(["by text", "by email", "today"]),
            b=(r.choice(BRANDS["telco"]), ORG))
    doc.add("My contract ended on {d}. ", d=(mk.fmt_date(mk.event_date(), reg), DATE))
    if r.random() < 0.5:
        doc.add("Account holder is my husband {n}, I'm an authorised user. ",
                n=(" ".join(mk.other_person(reg)), PERSON))
    doc.add("Your chat bot kept saying error {err}.", err=f"E-{r.randrange(100, 9999)}")
    signoff(mk, doc, p)


def sc_bill(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("Subject: Invoice {inv} is wrong\n\n", _raw=True, inv=f"INV-{r.randrange(10000, 99999)}")
    opening(mk, doc, p)
    doc.add("the invoice dated {d} charges {amt} for a device insurance I never asked for. "
            "My account is {acc} and the email on file is {e}. ",
            d=(mk.fmt_date(mk.event_date(), reg), DATE), amt=mk.amount(reg), acc=(mk.customer_id(), ID),
            e=(p["email"], EMAIL))
    doc.add("I pay by direct debit from {i}. Please cancel the insurance and credit the {pct}% VAT as well.",
            i=(mk.iban(reg), IBAN), pct=str(r.choice([19, 20, 21])))
    signoff(mk, doc, p)


def sc_lost_phone(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("My phone was stolen in {c} on {d}. It's a {prod}, IMEI {imei}. Please block the SIM for {ph} "
            "and send a replacement to {a}. ",
            c=(r.choice(CITIES[reg]), CITY), d=(mk.fmt_date(mk.event_date(), reg), DATE), prod=r.choice(PRODUCTS[:3]),
            imei=(mk.imei(), ID), ph=(mk.phone(reg), PHONE), a=(mk.address(mk.addr_region(p)), ADDRESS))
    doc.add("Police crime reference {cr}.", cr=f"{r.randrange(10, 99)}/{r.randrange(10000, 99999)}/{r.randrange(23, 26)}")
    signoff(mk, doc, p)


def sc_not_delivered(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r = mk.rng
    reg = mk.addr_region(p)
    doc.add("order {o} still not here. tracking {t} has said \"out for delivery\" since {d}. ",
            o=mk.order_no(), t=mk.tracking(), d=(mk.fmt_date(mk.event_date(), p["region"]), DATE))
    doc.add("delivery address is {a}. ", a=(mk.address(reg), ADDRESS))
    if r.random() < 0.5:
        doc.add("the neighbour at number {k}, {n}, says nothing was left with her either. ",
                k=str(r.randrange(1, 90)), n=(" ".join(mk.other_person(reg)).lower(), PERSON))
    doc.add("if the courier needs to call: {ph}", ph=(mk.phone(p["region"]), PHONE))
    signoff(mk, doc, p)


def sc_refund(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("Hello, I returned the {prod} (order {o}) on {d} and still have no refund. "
            "It was paid with card {c}. ",
            prod=r.choice(PRODUCTS), o=mk.order_no(), d=(mk.fmt_date(mk.event_date(), reg), DATE), c=(mk.card(), CARD))
    doc.add("Photo of the return receipt: {u} . My login email is {e}.", u=(mk.url(p), URL), e=(p["email"], EMAIL))
    signoff(mk, doc, p)


def sc_email_change(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    new = mk.email(p["first"], p["last"], p["loc"])
    doc.add("Please change the email on my account from {e1} to {e2}, I lost access to the old one. "
            "Customer ID {cid}, born {dob}, postcode {z}.",
            e1=(p["email"], EMAIL), e2=(new, EMAIL), cid=(mk.customer_id(), ID),
            dob=(mk.fmt_date(p["dob"], reg, dob=True), DATE), z=(mk.zip_of(mk.addr_region(p)), ZIP))
    signoff(mk, doc, p)


def sc_gdpr(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("Subject: Data subject access request\n\n", _raw=True)
    nat = r.choice(NATIONALITY[reg])
    doc.add("As {art} {nat} citizen living in {c} I am requesting a copy of all personal data {b} holds about me "
            "under Article 15 GDPR, and then its deletion. ",
            art="an" if nat[0] in "AEIOU" else "a", nat=(nat, NRP), c=(r.choice(["Germany", "France", "Spain", "Ireland", "the Netherlands",
                                                              "Belgium", "Austria"]), COUNTRY),
            b=(brand, ORG))
    doc.add("\nFull name: {n}\nDate of birth: {dob}\nAddress: {a}\nEmail: {e}\nCustomer no.: {cid}\n", _raw=True,
            n=(p["full"], PERSON), dob=(mk.fmt_date(p["dob"], reg, dob=True), DATE),
            a=(mk.address(mk.addr_region(p)), ADDRESS), e=(p["email"], EMAIL), cid=(mk.customer_id(), ID))
    doc.add("You have one month to reply.")
    signoff(mk, doc, p)


def sc_gift(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r = mk.rng
    reg = mk.addr_region(p)
    gf, gl = mk.other_person(reg)
    doc.add("hey can i change the delivery of my order {o} to my sister {n} at {a}? "
            "its a birthday present so it has to arrive by {d}. ",
            o=mk.order_no(), n=(f"{gf} {gl}", PERSON), a=(mk.address(reg), ADDRESS),
            d=(mk.fmt_date(mk.event_date(), p["region"]), DATE))
    doc.add("{g} is {age} so please no \"happy 30th\" card lol. her number is {ph}",
            g=(gf.lower() if r.random() < 0.5 else gf, PERSON), age=str(r.randrange(18, 80)), ph=(mk.phone(reg), PHONE))
    signoff(mk, doc, p)


def sc_business(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    co = mk.fakers[p["loc"]].company()
    doc.add("We ordered {k} units of {prod} for the office (order {o}). I need the invoice addressed to {co} instead "
            "of my own name, VAT number {vat}. ",
            k=str(r.randrange(2, 40)), prod=r.choice(PRODUCTS), o=mk.order_no(), co=(co, ORG),
            vat=f"{r.choice(['GB', 'DE', 'FR', 'NL'])}{r.randrange(100000000, 999999999)}")
    doc.add("I'm the office manager, {n}, direct line {ph}, work email {e}.",
            n=(mk.name(p, "full"), PERSON), ph=(mk.phone(reg), PHONE),
            e=(f"{p['first'][0].lower()}.{''.join(c for c in p['last'].lower() if c.isascii() and c.isalpha()) or 'office'}@"
               f"{''.join(c for c in co.lower() if c.isascii() and c.isalpha())[:14] or 'company'}.com", EMAIL))
    signoff(mk, doc, p)


def sc_chat(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    a = agent_name(mk)
    h, m = r.randrange(8, 21), r.randrange(0, 50)
    t = lambda k: f"[{h:02d}:{m + k:02d}]"
    doc.style(False, 0.0)
    doc.add("Chat transcript\n{t0} {a} ({b}): Hi, you're chatting with {a2}. How can I help today?\n",
            t0=t(0), a=(a, PERSON), b=(brand, ORG), a2=(a, PERSON))
    doc.style(True, 0.05)
    doc.add("{t1} Customer: hi my card got declined at {m} twice today\n", t1=t(1), m=(r.choice(MERCHANTS), ORG))
    doc.style(False, 0.0)
    doc.add("{t2} {a}: Sorry to hear that. Can you confirm your full name and date of birth?\n", t2=t(2), a=(a, PERSON))
    doc.style(True, 0.05)
    doc.add("{t3} Customer: {n}, {dob}\n", t3=t(3), n=(p["full"].lower(), PERSON),
            dob=(mk.fmt_date(p["dob"], reg, dob=True), DATE))
    doc.style(False, 0.0)
    doc.add("{t4} {a}: Thanks {f}. And the first line of your address?\n", t4=t(4), a=(a, PERSON),
            f=(p["first"], PERSON))
    doc.style(True, 0.05)
    addr = mk.address(mk.addr_region(p))
    parts = addr.split(", ")
    first_line = ", ".join(parts[:2]) if parts[0].startswith("Flat") else parts[0]
    doc.add("{t5} Customer: {l}\n", t5=t(5), l=(first_line, ADDRESS))
    doc.style(False, 0.0)
    doc.add("{t6} {a}: I can see a block because of a login from {ip}. I've lifted it now. "
            "Anything else?\n{t7} Customer: no thats it ty",
            t6=t(6), a=(a, PERSON), ip=(mk.ip(), IP), t7=t(7))


def sc_ssn(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r = mk.rng
    f = mk.fakers["en_US"]
    opening(mk, doc, p)
    doc.add("I got a letter saying my tax form 1099-INT for {y} could not be issued because my SSN is missing. "
            "It is {ssn}. ", y=str(r.randrange(2021, 2025)), ssn=(f.ssn(), SSN))
    doc.add("I moved from {st} to {st2} last year, new zip is {z}. Savings account {acc}.",
            st=(r.choice(US_STATES)[1], STATE), st2=(r.choice(US_STATES)[1], STATE), z=(f.zipcode(), ZIP),
            acc=(mk.account_no("US"), ID))
    signoff(mk, doc, p)


def sc_kyc(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    label, val = mk.national_id(reg)
    doc.add("Re: KYC update\n\n", _raw=True)
    doc.add("{n} here, the app keeps rejecting my documents. My {lab} is {v} and it matches "
            "what I uploaded on {d}. ",
            n=(mk.name(p, "first"), PERSON), lab=label, v=(val, ID), d=(mk.fmt_date(mk.event_date(), reg), DATE))
    if reg in OTHER_STATES or reg == "US":
        doc.add("I live in {c}, {st} and my employer is {co}. ", c=(r.choice(CITIES[reg]), CITY),
                st=(r.choice(OTHER_STATES.get(reg, [s for _, s in US_STATES])), STATE),
                co=(mk.fakers[p["loc"]].company(), ORG))
    else:
        doc.add("I live in {c} and work for {co}. ", c=(r.choice(CITIES[reg]), CITY),
                co=(mk.fakers[p["loc"]].company(), ORG))
    doc.add("Salary goes into {i}.", i=(mk.iban(reg), IBAN) if reg in ("DE", "UK", "FR", "EU") else
            (mk.account_no(reg), ID))
    signoff(mk, doc, p)


def sc_review(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("Your courier left my parcel in the rain, I posted pictures here {u} and on my profile {u2}. ",
            u=(mk.url(p), URL), u2=(mk.url(p), URL))
    doc.add("{n} from your team promised a call back on {d} that never happened. "
            "I've been a customer since {y}. Order {o}.",
            n=(mk.other_person(reg)[0], PERSON), d=(mk.fmt_date(mk.event_date(), reg), DATE),
            y=str(r.randrange(2008, 2022)), o=mk.order_no())
    signoff(mk, doc, p)


def sc_religious(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    doc.add("The {prod} I ordered came with the wrong item, and the food hamper listed as halal/kosher wasn't. "
            "As a {rel} family we can't use it. ",
            prod=r.choice(PRODUCTS), rel=(r.choice(RELIGION), NRP))
    doc.add("Please collect it from {a} on {d}, anytime after {t}. Phone {ph}.",
            a=(mk.address(mk.addr_region(p)), ADDRESS), d=(mk.fmt_date(mk.event_date(), reg), DATE),
            t=f"{r.randrange(9, 12)}am", ph=(mk.phone(reg), PHONE))
    signoff(mk, doc, p)


def sc_callback(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    name = mk.name(p, r.choice(["full", "lastfirst", "first"]))
    doc.add("Callback request\nName: {n}\nPhone: {ph}\nAlt phone: {ph2}\nBest time: {t}\nAccount: {acc}\n"
            "Topic: {topic}\n", _raw=True,
            n=(name, PERSON), ph=(mk.phone(reg), PHONE), ph2=(mk.phone(r.choice(list(REGIONS))), PHONE),
            t=r.choice(["mornings", "after 6pm", "lunchtime", "any time"]), acc=(mk.customer_id(), ID),
            topic=r.choice(["mortgage", "upgrade", "complaint", "overdraft", "contract"]))
    doc.add("Notes: customer is travelling to {c} on {d}, {city} office.",
            c=(r.choice(TRAVEL_COUNTRIES), COUNTRY), d=(mk.fmt_date(mk.event_date(), reg), DATE),
            city=(r.choice(CITIES[reg]), CITY))


def sc_zip_only(mk: Maker, doc: Doc, p: dict, brand: str) -> None:
    r, reg = mk.rng, p["region"]
    z = mk.zip_of(mk.addr_region(p))
    doc.add("Is 5G available yet in {z}? {cc} coverage map says yes but I get 4G only. ",
            z=(z, ZIP), cc=(brand, ORG))
    doc.add("Account {acc}, handset {prod}. I moved here from {c} in {y}.", acc=(mk.customer_id(), ID),
            prod=r.choice(PRODUCTS[:3]), c=(r.choice(COUNTRY_OF[r.choice(list(COUNTRY_OF))]), COUNTRY),
            y=str(r.randrange(2015, 2024)))
    signoff(mk, doc, p)


SCENARIOS = {
    "bank": [sc_double_charge, sc_locked_out, sc_change_address, sc_transfer, sc_elderly, sc_fraud, sc_ssn,
             sc_kyc, sc_chat, sc_callback],
    "telco": [sc_roaming, sc_broadband, sc_port, sc_bill, sc_lost_phone, sc_chat, sc_callback, sc_zip_only,
              sc_change_address],
    "shop": [sc_not_delivered, sc_refund, sc_email_change, sc_gdpr, sc_gift, sc_business, sc_review,
             sc_religious, sc_chat],
}


def ticket(mk: Maker) -> tuple[str, list[tuple[int, int, str]]]:
    r = mk.rng
    domain = r.choice(list(SCENARIOS))
    brand = r.choice(BRANDS[domain])
    sc = r.choice(SCENARIOS[domain])
    p = mk.persona()
    if sc is sc_ssn and p["region"] != "US":
        p = dict(p, region="US")
        p["loc"] = "en_US"
    lower = r.random() < 0.3
    typo = r.choice([0.0, 0.0, 0.03, 0.06])
    doc = Doc(r, lower=lower, typo_rate=typo)
    if lower:
        p["lower_names"] = True
    sc(mk, doc, p, brand)
    if sc is not sc_chat and r.random() < 0.35:
        agent_reply(mk, doc, p, brand)
    return doc.build()


def generate(out: Path, n: int = N_TICKETS, seed: int = SEED) -> None:
    mk = Maker(seed)
    out.mkdir(parents=True, exist_ok=True)
    tickets, spans = [], []
    for i in range(n):
        text, sp = ticket(mk)
        tickets.append({"id": f"tkt-{i + 1:04d}", "text": text})
        spans += [{"record": i, "field": "text", "start": a, "end": b, "type": t} for a, b, t in sp]
    with open(out / "tickets.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for t in tickets:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(out / "pii_spans.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for s in spans:
            fh.write(json.dumps(s) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--n", type=int, default=N_TICKETS)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
