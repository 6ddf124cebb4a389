#!/usr/bin/env python3
"""Generate the clinical / pharma development set for the personal-data detector.

    python generate.py [--out DIR] [--seed N] [--n N]

Writes records.jsonl and pii_spans.jsonl (see README.md). Standard library plus
Faker (pinned 40.63.0). Every text is assembled from pieces, and the offsets of
the labelled pieces are recorded while the text is built, never searched for.
Written independently of the detector (nothing under pipelines/ is used).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import string
import sys
import unicodedata
from collections import Counter

from faker import Faker

PREFIX = "clin"
MIN_LEN, MAX_LEN = 200, 700

TYPES = {
    "PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS", "CITY", "STATE", "ZIP",
    "COUNTRY", "ORGANIZATION", "ID", "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS",
    "URL", "NRP",
}


# --------------------------------------------------------------------------
# Text builder with exact offsets
# --------------------------------------------------------------------------
class Doc:
    """Accumulates text pieces; labelled pieces get their offsets recorded."""

    _slot = re.compile(r"\{(\w+)\}")

    def __init__(self):
        self.buf: list[str] = []
        self.n = 0
        self.spans: list[tuple[int, int, str, str | None]] = []  # start, end, type, name source

    def t(self, s: str) -> "Doc":
        self.buf.append(s)
        self.n += len(s)
        return self

    def e(self, s: str, typ: str, src: str | None = None) -> "Doc":
        assert typ in TYPES, typ
        assert s and s == s.strip(), repr(s)
        self.spans.append((self.n, self.n + len(s), typ, src))
        return self.t(s)

    def add(self, v) -> "Doc":
        if v is None:
            return self
        if isinstance(v, str):
            return self.t(v)
        if isinstance(v, Doc):
            off = self.n
            self.spans.extend((a + off, b + off, ty, sr) for a, b, ty, sr in v.spans)
            return self.t(v.text)
        if isinstance(v, list):
            for x in v:
                self.add(x)
            return self
        return self.e(*v)

    def f(self, tpl: str, **kw) -> "Doc":
        pos = 0
        for m in self._slot.finditer(tpl):
            self.t(tpl[pos:m.start()])
            self.add(kw[m.group(1)])
            pos = m.end()
        return self.t(tpl[pos:])

    @property
    def text(self) -> str:
        return "".join(self.buf)


def frag(tpl: str, **kw) -> Doc:
    return Doc().f(tpl, **kw)


def P(s): return (s, "PERSON")
def I(s): return (s, "ID")
def D(s): return (s, "DATE")
def O(s): return (s, "ORGANIZATION")
def PH(s): return (s, "PHONE")
def EM(s): return (s, "EMAIL")
def AD(s): return (s, "ADDRESS")
def A(s): return (str(s), "AGE")


# --------------------------------------------------------------------------
# Hand-typed name lists (typed from memory, NOT from Faker)
# --------------------------------------------------------------------------
HAND_NAMES = {
    "west_african": dict(
        m="Chinedu Oluwaseun Kwame Kofi Yaw Emeka Tunde Babajide Aminu Obinna Kayode Ifeanyi Kwabena Sekou Mamadou Ousmane".split(),
        f="Adaeze Ngozi Ama Abena Efua Funmilayo Chiamaka Halima Yetunde Folake Nneka Akosua Aminata Fatoumata Ifeoma Bisola".split(),
        last="Okafor Adeyemi Nwosu Mensah Boateng Owusu Asante Okonkwo Eze Adebayo Bello Danjuma Oyelaran Agyeman Obi Diallo Traoré Ogunleye Nnamdi Appiah".split()),
    "east_african": dict(
        m="Kamau Otieno Mwangi Kiprop Tesfaye Abebe Baraka Mugisha Juma Omondi Dawit Tumaini".split(),
        f="Wanjiru Achieng Njeri Chebet Selam Mekdes Amani Nakato Zawadi Wambui Hirut Nyokabi".split(),
        last="Kamau Otieno Mwangi Kiprop Haile Tesfaye Mugisha Tumusiime Ochieng Wekesa Njoroge Kebede Girma Nakamya Odhiambo".split()),
    "arabic": dict(
        m="Mohammed Ahmad Omar Khalid Yousef Samir Tariq Hamza Faisal Karim Bilal Mustafa".split(),
        f="Layla Fatima Noor Rania Huda Mariam Amira Salma Yasmin Reem Dalia Hanan".split(),
        last="al-Farsi|Haddad|Al-Mansouri|bin Rashid|Khoury|Nasser|El-Sayed|Abdullah|Hamdan|Saleh|Al-Qahtani|Darwish|Mansour|Aziz|Hariri|Abu-Zeid".split("|")),
    "persian": dict(
        m="Dariush Arash Reza Kaveh Babak Farhad Kian Omid".split(),
        f="Shirin Niloufar Parisa Mahsa Roya Leila Soraya Azadeh".split(),
        last="Hosseini Tehrani Rahimi Karimi Moradi Jafari Ahmadi Sadeghi Mohammadi Farahani Ghorbani Rostami".split()),
    "turkish": dict(
        m="Mehmet Emre Burak Murat Oğuz Kerem Hakan Serkan".split(),
        f="Ayşe Zeynep Elif Selin Merve Gülşen Esra Deniz".split(),
        last="Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç Aksoy Erdoğan".split()),
    "south_asian": dict(
        m="Rohan Arjun Rajesh Vikram Imran Sanjay Harpreet Gurpreet Venkat Anil Suresh Farhan Prakash Nitin Siddharth".split(),
        f="Priya Ananya Sunita Deepika Lakshmi Ayesha Meenakshi Kavya Shreya Pooja Nazia Divya Simran Anjali Revathi".split(),
        last="Sharma Iyer Reddy Chatterjee Patel Nair Gupta Banerjee Singh Kaur Khan Qureshi Venkataraman Subramanian Deshpande Kulkarni Mukherjee D'Souza Pillai Choudhury".split()),
    "chinese": dict(
        m="Wei Ming|Zhiwei|Hao|Jun Jie|Xiaoming|Kai Wen|Yong|Jian Hui".split("|"),
        f="Li Na|Mei Ling|Jing|Xiu Ying|Yan|Hui Min|Shu Fen|Xinyi".split("|"),
        last="Wang Li Zhang Chen Liu Huang Zhao Wu Tan Lim Ng Wong Lau Goh".split()),
    "korean": dict(
        m="Min-jun Hyun-woo Ji-hoon Sung-min Dong-hyun Jae-won".split(),
        f="Seo-yeon Ji-woo Eun-ji Soo-jin Hye-jin Min-seo".split(),
        last="Kim Park Lee Choi Jung Kang Yoon Han Shin".split()),
    "japanese": dict(
        m="Haruto Takeshi Kenji Hiroshi Daisuke Kazuki Ryo".split(),
        f="Yui Akiko Sakura Yuki Naoko Emi Haruka".split(),
        last="Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Sato Ito Matsumoto".split()),
    "vietnamese": dict(
        m="Minh Tuan Quang Duc Hung Long Khoa".split(),
        f="Lan Hoa Huong Thao Linh Mai Ngoc".split(),
        last="Nguyen Tran Le Pham Hoang Vu Dang Bui Do".split()),
    "filipino": dict(
        m="Jose Rodel Jericho Rommel Jun Arnel Efren Danilo".split(),
        f="Maria Cristina|Marites|Analyn|Rowena|Jocelyn|Mary Grace|Lorna|Charmaine".split("|"),
        last="dela Cruz|Santos|Reyes|Bautista|Mendoza|Villanueva|Aquino|Manalo|Dimaculangan|Macaraeg".split("|")),
    "slavic": dict(
        m="Piotr Tomasz Dmytro Ivan Nikola Jakub Bogdan Miroslav Oleksandr".split(),
        f="Agnieszka Katarzyna Olena Svetlana Milica Zuzana Małgorzata Jelena Oksana".split(),
        last="Nowak Wiśniewski Shevchenko Kovalenko Ivanov Petrović Horvat Novák Dvořák Zieliński Bondarenko Jovanović".split()),
    "hispanic": dict(
        m="José Luis|Alejandro|Carlos|Javier|Guadalupe|Mateo|Rodrigo|Luis Ángel".split("|"),
        f="María|Ximena|Lucía|Guadalupe|Valentina|Rocío|Mariana|Itzel".split("|"),
        last="García|Rodríguez|de la Cruz|Hernández|López|Martínez|Gómez|Ortega|Ruiz-Tagle|Sánchez|de los Santos|Vargas|García López|Hernández Ruiz".split("|")),
    "portuguese": dict(
        m="João Gonçalo Tiago Rui Duarte Afonso".split(),
        f="Beatriz Inês Mariana Leonor Catarina Joana".split(),
        last="Silva|Ferreira|Pereira|Costa|Oliveira|Gonçalves|da Silva|dos Santos|Carvalho|Sousa".split("|")),
    "nordic": dict(
        m="Lars Bjørn Magnus Søren Erik Mikael Olli Gunnar".split(),
        f="Sigrid Astrid Ingrid Freya Saga Liv Maija Solveig".split(),
        last="Johansson Lindqvist Nilsen Andersen Haugen Virtanen Korhonen Sigurðsson Bergström Halvorsen".split()),
    "greek": dict(
        m="Giorgos Dimitrios Nikos Konstantinos Yannis Stavros".split(),
        f="Eleni Katerina Sofia Despina Vasiliki Maria".split(),
        last="Papadopoulos Georgiou Nikolaidis Konstantinou Papadakis Christodoulou Vlachos".split()),
    "hebrew": dict(
        m="Avi Itai Eitan Yosef Noam Moshe".split(),
        f="Yael Noa Tamar Shira Rivka Adina".split(),
        last="Cohen Levi Mizrahi Friedman Ben-David Peretz Avraham Katz Shapiro".split()),
    "anglo": dict(
        m="Bill Will Grant Hunter Jack Rhys Callum Declan Ciarán Lachlan Noel Rusty".split(),
        f="Hope Faith Rose Joy June Summer Grace Siobhan Niamh Sunny Holly Ivy".split(),
        last="Young King Long O'Neill Smith-Jones Bishop Price Rice Black Hill Marsh Fox Gray Baker Cook Mason Fisher Walker Savage Moody O'Sullivan McAllister MacLeod Fitzgerald Lamb Sparrow Goodchild Bell".split()),
    "germanic": dict(
        m="Jürgen Dieter Lukas Maximilian Jens Pieter Joost Klaus".split(),
        f="Sabine Ursula Katharina Anneke Mareike Birgit Femke Ilse".split(),
        last="van der Berg|van Dijk|de Vries|von Bülow|ter Horst|Geißler|Müller|Schäfer|Wagner|Becker|Hoffmann|Schröder|Weiß|Janssen|Brinkmann".split("|")),
}

FAMILY_FIRST = {"chinese": 1.0, "vietnamese": 1.0, "korean": 0.5, "japanese": 0.15}

FAKER_LOCALES = ["en_US", "en_GB", "en_IN", "de_DE", "en_AU", "en_CA", "es_MX",
                 "pt_BR", "pl_PL", "it_IT", "nl_NL", "fr_FR", "es_ES"]

# cultures that fit a given country's documents (hand lists); anything may appear anywhere
COUNTRY_CULTURES = {
    "UK": ["anglo", "south_asian", "west_african", "slavic", "chinese", "arabic", "east_african", "greek", "persian", "turkish", "hebrew"],
    "US": ["anglo", "hispanic", "west_african", "chinese", "korean", "vietnamese", "filipino", "south_asian", "arabic", "hebrew", "japanese"],
    "CA": ["anglo", "chinese", "south_asian", "filipino", "persian", "slavic", "korean", "vietnamese", "east_african"],
    "AU": ["anglo", "chinese", "vietnamese", "greek", "south_asian", "filipino", "korean", "japanese"],
    "IN": ["south_asian"],
    "DE": ["germanic", "turkish", "slavic", "greek", "arabic", "persian", "nordic"],
    "ANY": list(HAND_NAMES),
}
COUNTRY_FAKER = {"UK": ["en_GB"], "US": ["en_US", "es_MX"], "CA": ["en_CA", "fr_FR"],
                 "AU": ["en_AU"], "IN": ["en_IN"], "DE": ["de_DE", "pl_PL"],
                 "ANY": FAKER_LOCALES}

# month tables
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
             "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth",
             "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth", "thirtieth",
             "thirty first"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def strip_accents(s: str) -> str:
    s = s.replace("ß", "ss").replace("ø", "o").replace("ð", "d").replace("ı", "i").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------
class Name:
    def __init__(self, given, family, sex, culture, src, family_first=False, call=None, mid=None):
        given, family = " ".join(given.split()), " ".join(family.split())
        self.given = given          # full given name(s)
        self.family = family
        self.sex = sex
        self.culture = culture
        self.src = src              # "hand" or "faker"
        self.family_first = family_first
        self.call = call or given   # what a first-name-only mention uses
        self.mid = mid              # middle initial letter (western names)

    @property
    def full(self):
        if self.family_first:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    def initials_given(self):
        parts = re.split(r"[ \-]", self.given)
        return "".join(p[0] + "." for p in parts if p)

    def render(self, form: str) -> str:
        g, fam = self.given, self.family
        if form == "full":
            return self.full
        if form == "first":
            return self.call
        if form == "last":
            return fam
        if form == "init_last":
            return f"{self.initials_given()[:2]} {fam}"
        if form == "init2_last":
            mi = self.mid or "A"
            return f"{g[0]}. {mi}. {fam}" if " " not in g else f"{self.initials_given()} {fam}"
        if form == "init2_tight":
            mi = self.mid or "A"
            return f"{g[0]}.{mi}. {fam}"
        if form == "first_mid_last":
            mi = self.mid
            return f"{g} {mi}. {fam}" if mi and not self.family_first else self.full
        if form == "last_first":
            return f"{fam}, {g}"
        if form == "last_init":
            return f"{fam}, {self.initials_given()[:2]}"
        if form == "LAST_FIRST":
            return f"{fam}, {g}".upper()
        if form == "LAST_FIRST_MI":
            mi = f" {self.mid}" if self.mid else ""
            return f"{fam}, {g}{mi}".upper()
        if form == "LAST^FIRST":
            return f"{fam.upper()}^{g.upper()}"
        if form == "FULL_UPPER":
            return self.full.upper()
        if form == "LAST_UPPER":
            return fam.upper()
        if form == "lower":
            return self.full.lower()
        if form == "lower_last":
            return fam.lower()
        if form == "lower_first":
            return self.call.lower()
        raise ValueError(form)


# --------------------------------------------------------------------------
# Check-digit helpers and identifier generators
# --------------------------------------------------------------------------
def luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    return luhn_digit(num[:-1]) == num[-1]


_V_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
        [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
        [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_V_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
        [9,4,5,3,1,2,6,8,7,0],[4,1,0,2,8,7,9,6,3,5],[2,7,9,4,6,0,3,1,5,8],[7,0,4,6,9,1,5,8,2,3]]
_V_INV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_digit(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _V_D[c][_V_P[(i + 1) % 8][int(ch)]]
    return str(_V_INV[c])


def iban_check(country: str, bban: str) -> str:
    s = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return f"{98 - int(num) % 97:02d}"


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


def group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


class IDs:
    def __init__(self, rng: random.Random):
        self.r = rng

    def digits(self, n, first_nonzero=True):
        s = "".join(self.r.choice(string.digits) for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.r.randint(1, 9)) + s[1:]
        return s

    def letters(self, n, pool=string.ascii_uppercase):
        return "".join(self.r.choice(pool) for _ in range(n))

    # --- UK
    def nhs(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(9)]
            d[0] = self.r.randint(4, 7)
            c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
            if c == 11:
                c = 0
            if c == 10:
                continue
            s = "".join(map(str, d)) + str(c)
            return self.r.choice([f"{s[:3]} {s[3:6]} {s[6:]}"] * 3 + [s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])

    def nino(self):
        bad_first = set("DFIQUV")
        bad_pairs = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
        while True:
            a = self.r.choice([c for c in string.ascii_uppercase if c not in bad_first])
            b = self.r.choice([c for c in string.ascii_uppercase if c not in bad_first and c != "O"])
            if a + b not in bad_pairs:
                break
        d = self.digits(6, False)
        suf = self.r.choice("ABCD")
        return self.r.choice([f"{a}{b}{d}{suf}", f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {suf}"])

    def gmc(self):
        return str(self.r.randint(4000000, 7999999))

    def nmc_pin(self):
        return f"{self.digits(2, False)}{self.r.choice('ABCDEFGHIJ')}{self.digits(4, False)}{self.r.choice('ENOSW')}"

    def gphc(self):
        return str(self.r.randint(2020000, 2299999))

    def uk_hosp(self):
        return self.r.choice([f"RX{self.digits(7, False)}", f"K{self.digits(6)}", f"M{self.digits(7, False)}",
                              f"{self.letters(1)}{self.digits(6)}", self.digits(8)])

    # --- US
    def ssn(self):
        while True:
            area = self.r.randint(1, 899)
            if area != 666:
                break
        return f"{area:03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"

    def npi(self):
        base = str(self.r.choice([1, 2])) + self.digits(8, False)
        return base + luhn_digit("80840" + base)

    def dea(self, surname):
        first = self.r.choice("ABFGM")
        ch = strip_accents(surname).replace("'", "").split()[-1][0].upper()
        d = [self.r.randint(0, 9) for _ in range(6)]
        c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return f"{first}{ch}{''.join(map(str, d))}{c}"

    def us_mrn(self):
        return self.r.choice([self.digits(8, False), f"E{self.digits(7)}", f"{self.digits(4)}-{self.digits(4, False)}",
                              self.digits(7), f"MR{self.digits(6)}"])

    def us_member(self):
        return self.r.choice([f"{self.letters(3)}{self.digits(9, False)}", f"W{self.digits(9)}",
                              f"{self.letters(1)}{self.digits(8)}{self.digits(2, False)}",
                              f"{self.digits(9)}-{self.digits(2, False)}", f"{self.letters(2)}{self.digits(7)}"])

    def mbi(self):
        al = "ACDEFGHJKMNPQRTUVWXY"
        an = al + string.digits
        c = [str(self.r.randint(1, 9)), self.r.choice(al), self.r.choice(an), str(self.r.randint(0, 9)),
             self.r.choice(al), self.r.choice(an), str(self.r.randint(0, 9)), self.r.choice(al),
             self.r.choice(al), str(self.r.randint(0, 9)), str(self.r.randint(0, 9))]
        s = "".join(c)
        return self.r.choice([s, f"{s[:4]}-{s[4:7]}-{s[7:]}"])

    def us_dl(self):
        return self.r.choice([f"D{self.digits(7)}", self.digits(9), f"{self.letters(1)}{self.digits(3)}-{self.digits(3)}-{self.digits(2)}-{self.digits(3)}",
                              f"{self.letters(1)}{self.digits(12)}"])

    def us_passport(self):
        return self.r.choice([self.digits(9), f"{self.letters(1)}{self.digits(8)}"])

    # --- Canada
    def sin(self):
        base = str(self.r.choice([1, 2, 3, 4, 5, 6, 7, 9])) + self.digits(7, False)
        s = base + luhn_digit(base)
        return self.r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}", s])

    def ohip(self):
        base = self.digits(9)
        s = base + luhn_digit(base)
        vc = self.letters(2)
        return self.r.choice([f"{s[:4]}-{s[4:7]}-{s[7:]}-{vc}", f"{s[:4]} {s[4:7]} {s[7:]} {vc}", f"{s}{vc}"])

    def bc_phn(self):
        return f"9{self.digits(3, False)} {self.digits(3, False)} {self.digits(3, False)}"

    def cpso(self):
        return str(self.r.randint(50000, 129999))

    # --- Australia
    def medicare_au(self):
        d = [self.r.randint(2, 6)] + [self.r.randint(0, 9) for _ in range(7)]
        c = sum(w * x for w, x in zip([1, 3, 7, 9, 1, 3, 7, 9], d)) % 10
        issue = self.r.randint(1, 5)
        s = "".join(map(str, d)) + str(c) + str(issue)
        return self.r.choice([f"{s[:4]} {s[4:9]} {s[9]}", s, f"{s[:4]}-{s[4:9]}-{s[9]}"])

    def tfn(self):
        w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            for last in range(10):
                if sum(a * b for a, b in zip(w, d + [last])) % 11 == 0:
                    s = "".join(map(str, d + [last]))
                    return self.r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s])

    def ahpra(self, nurse=False):
        return ("NMW" if nurse else "MED") + "000" + self.digits(7, False)

    def au_urn(self):
        return self.r.choice([self.digits(7, False), f"{self.digits(3)}-{self.digits(3, False)}-{self.digits(1, False)}", f"MRN{self.digits(6)}"])

    def dva(self):
        return f"{self.r.choice(['N', 'V', 'Q', 'W'])}{self.letters(1, 'XSX')}{self.digits(5)}{self.r.choice(['A', 'B', ''])}"

    # --- India
    def aadhaar(self):
        base = str(self.r.randint(2, 9)) + self.digits(10, False)
        s = base + verhoeff_digit(base)
        return self.r.choice([f"{s[:4]} {s[4:8]} {s[8:]}", f"{s[:4]}-{s[4:8]}-{s[8:]}", s])

    def abha(self):
        s = self.digits(14)
        return f"{s[:2]}-{s[2:6]}-{s[6:10]}-{s[10:]}"

    def pan(self, surname):
        ch = strip_accents(surname).replace("'", "").split()[-1][0].upper()
        return f"{self.letters(3)}P{ch}{self.digits(4)}{self.letters(1)}"

    def uhid(self):
        return self.r.choice([f"APJ1.{self.digits(10, False)}", f"UHID{self.digits(8)}", f"MH{self.digits(2)}.{self.digits(6)}",
                              f"{self.letters(3)}/{self.digits(6)}", f"RHC-{self.digits(7)}"])

    def in_reg(self):
        return self.r.choice([f"{self.r.randint(40000, 99999)}", f"MMC {self.r.randint(2001, 2019)}/{self.r.randint(1, 12):02d}/{self.r.randint(1000, 9999)}",
                              f"KMC {self.r.randint(20000, 129999)}", f"TNMC {self.r.randint(50000, 150000)}"])

    # --- Germany
    def kvnr(self):
        letter = self.r.choice(string.ascii_uppercase)
        body = self.digits(8, False)
        num = f"{ord(letter) - 64:02d}" + body
        tot = 0
        for i, ch in enumerate(num):
            p = int(ch) * (1 if i % 2 == 0 else 2)
            tot += p // 10 + p % 10
        return f"{letter}{body}{tot % 10}"

    def steuer_id(self):
        ds = self.r.sample(range(10), 9)
        dup = self.r.choice(ds)
        ten = ds + [dup]
        self.r.shuffle(ten)
        if ten[0] == 0:
            i = next(k for k, v in enumerate(ten) if v != 0)
            ten[0], ten[i] = ten[i], ten[0]
        prod = 10
        for d in ten:
            s = (d + prod) % 10
            if s == 0:
                s = 10
            prod = (s * 2) % 11
        chk = 11 - prod
        if chk == 10:
            chk = 0
        s = "".join(map(str, ten)) + str(chk)
        return self.r.choice([s, f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"])

    def lanr(self):
        d = [self.r.randint(0, 9) for _ in range(6)]
        d[0] = self.r.randint(1, 9)
        s = sum(x * w for x, w in zip(d, [4, 9, 4, 9, 4, 9]))
        c = (10 - s % 10) % 10
        return "".join(map(str, d)) + str(c) + self.r.choice(["01", "03", "23", "15", "38", "60"])

    # --- other national IDs
    def nric(self):
        pre = self.r.choice("ST")
        d = [self.r.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip([2, 7, 6, 5, 4, 3, 2], d)) + (4 if pre == "T" else 0)
        return pre + "".join(map(str, d)) + "JZIHGFEDCBA"[s % 11]

    def cpf(self):
        d = [self.r.randint(0, 9) for _ in range(9)]
        for n in (10, 11):
            s = sum(x * w for x, w in zip(d, range(n, 1, -1)))
            r = (s * 10) % 11
            d.append(0 if r == 10 else r)
        s = "".join(map(str, d))
        return self.r.choice([f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}", s])

    def curp(self, name: Name, dob: dt.date):
        fam = strip_accents(name.family).upper().replace(" ", "").replace("-", "")
        giv = strip_accents(name.given).upper().split()[0]
        vowels = "AEIOU"
        inner_v = next((c for c in fam[1:] if c in vowels), "X")
        s = fam[0] + inner_v + self.r.choice("GHLMRSVP") + giv[0]
        s += dob.strftime("%y%m%d") + ("M" if name.sex == "f" else "H")
        s += self.r.choice(["DF", "JC", "NL", "MC", "PL", "VZ", "YN", "GT"])
        cons = [c for c in fam[1:] if c.isalpha() and c not in vowels] or ["X"]
        cgiv = [c for c in giv[1:] if c.isalpha() and c not in vowels] or ["X"]
        s += cons[0] + self.r.choice("BCDFGHJKLMNPRSTVZ") + cgiv[0]
        s += "0" if dob.year < 2000 else "A"
        alpha = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
        tot = sum(alpha.index(c) * (18 - i) for i, c in enumerate(s))
        return s + str((10 - tot % 10) % 10)

    def pesel(self, dob: dt.date, sex: str):
        mm = dob.month + (20 if dob.year >= 2000 else 0)
        base = f"{dob.year % 100:02d}{mm:02d}{dob.day:02d}" + self.digits(3, False)
        sd = self.r.choice([0, 2, 4, 6, 8] if sex == "f" else [1, 3, 5, 7, 9])
        base += str(sd)
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        c = (10 - sum(int(a) * b for a, b in zip(base, w)) % 10) % 10
        return base + str(c)

    def bsn(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            d[0] = self.r.randint(1, 6)
            s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
            last = s % 11
            if last < 10:
                v = "".join(map(str, d + [last]))
                return self.r.choice([v, f"{v[:4]}.{v[4:6]}.{v[6:]}"])

    def codice_fiscale(self, name: Name, dob: dt.date):
        def code(word, is_given):
            w = strip_accents(word).upper()
            w = "".join(c for c in w if c.isalpha())
            cons = [c for c in w if c not in "AEIOU"]
            vow = [c for c in w if c in "AEIOU"]
            if is_given and len(cons) >= 4:
                cons = [cons[0], cons[2], cons[3]]
            return "".join((cons + vow + ["X"] * 3)[:3])
        s = code(name.family, False) + code(name.given, True)
        s += f"{dob.year % 100:02d}" + "ABCDEHLMPRST"[dob.month - 1]
        s += f"{dob.day + (40 if name.sex == 'f' else 0):02d}"
        s += self.r.choice("ABCDEFGHLMF") + self.digits(3, False)
        odd = {c: v for c, v in zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21])}
        odd.update({c: v for c, v in zip(string.ascii_uppercase,
                    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23])})
        even = {c: int(c) for c in "0123456789"}
        even.update({c: i for i, c in enumerate(string.ascii_uppercase)})
        tot = sum(odd[c] if i % 2 == 0 else even[c] for i, c in enumerate(s))
        return s + chr(65 + tot % 26)

    def dni(self):
        n = self.r.randint(10000000, 99999999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"

    def nie(self):
        p = self.r.choice("XYZ")
        n = self.r.randint(1000000, 9999999)
        full = int(str("XYZ".index(p)) + f"{n:07d}")
        return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[full % 23]}"

    def uk_passport(self):
        return self.digits(9)

    def in_passport(self):
        return f"{self.r.choice('JKLMNPRSTUVWZ')}{self.digits(7)}"

    def de_passport(self):
        pool = "CFGHJKLMNPRTVWXYZ0123456789"
        return "C" + "".join(self.r.choice(pool) for _ in range(8))

    def imei(self):
        base = self.r.choice(["35", "86", "99", "01"]) + self.digits(12, False)
        return base + luhn_digit(base)

    def uk_plate(self):
        return f"{self.letters(2, 'ABCDEFGHKLMNOPRSVWY')}{self.r.randint(51, 74) if self.r.random() < .5 else self.r.randint(10, 24)} {self.letters(3, 'ABCDEFGHJKLMNOPRSTUVWXYZ')}"

    def credit_card(self):
        kind = self.r.choice(["visa", "visa", "mc", "amex", "visa13"])
        if kind == "visa":
            base = "4" + self.digits(14, False)
        elif kind == "visa13":
            base = "4" + self.digits(11, False)
        elif kind == "mc":
            base = str(self.r.randint(51, 55)) + self.digits(13, False)
        else:
            base = self.r.choice(["34", "37"]) + self.digits(12, False)
        n = base + luhn_digit(base)
        if kind == "amex":
            return self.r.choice([f"{n[:4]} {n[4:10]} {n[10:]}", n])
        if kind == "visa13":
            return n
        return self.r.choice([group4(n), "-".join(n[i:i + 4] for i in range(0, 16, 4)), n])

    def iban(self, country=None):
        country = country or self.r.choice(["GB", "DE", "NL", "FR", "ES", "IE", "IT"])
        if country == "GB":
            bban = self.r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + self.digits(14, False)
        elif country == "IE":
            bban = self.r.choice(["AIBK", "BOFI"]) + self.digits(14, False)
        elif country == "DE":
            bban = self.digits(18)
        elif country == "NL":
            bban = self.r.choice(["ABNA", "INGB", "RABO"]) + self.digits(10)
        elif country == "FR":
            bban = self.digits(10) + self.letters(1, "ABCDEFGHJK") + self.digits(10, False) + self.digits(2, False)
        elif country == "IT":
            bban = self.letters(1) + self.digits(10, False) + self.digits(12, False)
        else:
            bban = self.digits(20)
        iban = country + iban_check(country, bban) + bban
        assert iban_valid(iban)
        return self.r.choice([group4(iban), group4(iban), iban])


# --------------------------------------------------------------------------
# Places, organisations, clinical vocabulary (hand-typed)
# --------------------------------------------------------------------------
UK_TOWNS = [("Leeds", "LS"), ("Sheffield", "S"), ("Bristol", "BS"), ("Manchester", "M"), ("Birmingham", "B"),
            ("Newcastle upon Tyne", "NE"), ("Nottingham", "NG"), ("Leicester", "LE"), ("Norwich", "NR"),
            ("Exeter", "EX"), ("Cardiff", "CF"), ("Glasgow", "G"), ("Edinburgh", "EH"), ("Liverpool", "L"),
            ("Bradford", "BD"), ("Coventry", "CV"), ("Oxford", "OX"), ("Cambridge", "CB"), ("Brighton", "BN"),
            ("Plymouth", "PL"), ("Belfast", "BT"), ("Aberdeen", "AB"), ("Stoke-on-Trent", "ST"),
            ("Reading", "RG"), ("Southampton", "SO"), ("Keighley", "BD"), ("Harrogate", "HG"), ("Swansea", "SA")]
UK_STREETS = ["Kingsway", "Victoria", "Albert", "Station", "Church", "Mill", "Park", "Queen's", "Grange",
              "Beech", "Willow", "Meadow", "Highfield", "Manor", "Orchard", "Chapel", "Bridge", "Moorland",
              "Cavendish", "Elmwood", "Thornhill", "Ashgrove", "Primrose", "St Helen's"]
UK_SUFFIX = ["Road", "Street", "Avenue", "Close", "Lane", "Drive", "Crescent", "Way", "Gardens", "Terrace", "Grove"]

US_CITIES = [("Columbus", "OH", "432"), ("Atlanta", "GA", "303"), ("Phoenix", "AZ", "850"), ("Denver", "CO", "802"),
             ("Houston", "TX", "770"), ("Chicago", "IL", "606"), ("Seattle", "WA", "981"), ("Brooklyn", "NY", "112"),
             ("Boston", "MA", "021"), ("Minneapolis", "MN", "554"), ("Tampa", "FL", "336"), ("Raleigh", "NC", "276"),
             ("Albuquerque", "NM", "871"), ("Sacramento", "CA", "958"), ("Louisville", "KY", "402"),
             ("Omaha", "NE", "681"), ("El Paso", "TX", "799"), ("Dayton", "OH", "454"), ("Fresno", "CA", "937"),
             ("Baton Rouge", "LA", "708")]
US_STATE_NAMES = {"OH": "Ohio", "GA": "Georgia", "AZ": "Arizona", "CO": "Colorado", "TX": "Texas",
                  "IL": "Illinois", "WA": "Washington", "NY": "New York", "MA": "Massachusetts",
                  "MN": "Minnesota", "FL": "Florida", "NC": "North Carolina", "NM": "New Mexico",
                  "CA": "California", "KY": "Kentucky", "NE": "Nebraska", "LA": "Louisiana"}
US_STREETS = ["Maple", "Oak", "Cedar", "Elm", "Washington", "Lincoln", "Park", "Lakeview", "Hillcrest", "Sunset",
              "Pine", "Willow", "Jefferson", "Madison", "Ridge", "Meadow", "Magnolia", "Peachtree", "Walnut", "Cherry"]
US_SUFFIX = ["St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Ct", "Way", "Street", "Avenue", "Drive"]

CA_CITIES = [("Toronto", "ON", "M"), ("Mississauga", "ON", "L"), ("Ottawa", "ON", "K"), ("Vancouver", "BC", "V"),
             ("Calgary", "AB", "T"), ("Edmonton", "AB", "T"), ("Winnipeg", "MB", "R"), ("Halifax", "NS", "B"),
             ("Montréal", "QC", "H"), ("Saskatoon", "SK", "S"), ("Brampton", "ON", "L"), ("Surrey", "BC", "V")]
CA_STREETS = ["Bloor", "Dundas", "Yonge", "Bathurst", "Granville", "Jasper", "Portage", "Spring Garden",
              "Sherbrooke", "Lakeshore", "Queen", "King", "Eglinton", "Commercial"]

AU_SUBURBS = [("Parramatta", "NSW", "2150"), ("Fitzroy", "VIC", "3065"), ("Toowong", "QLD", "4066"),
              ("Subiaco", "WA", "6008"), ("Glenelg", "SA", "5045"), ("Sandy Bay", "TAS", "7005"),
              ("Belconnen", "ACT", "2617"), ("Chermside", "QLD", "4032"), ("Blacktown", "NSW", "2148"),
              ("Geelong", "VIC", "3220"), ("Cabramatta", "NSW", "2166"), ("Footscray", "VIC", "3011"),
              ("Palmerston", "NT", "0830"), ("Wollongong", "NSW", "2500")]
AU_STREETS = ["Bungaree", "Wattle", "Banksia", "Jacaranda", "Macquarie", "George", "Sturt", "Flinders",
              "Hay", "Oxley", "Waratah", "Currawong", "Bourke", "Eucalyptus"]
AU_SUFFIX = ["St", "Rd", "Ave", "Pde", "Cres", "Ct", "Street", "Road", "Place"]

IN_CITIES = [("Pune", "411038", "Maharashtra"), ("Bengaluru", "560034", "Karnataka"), ("Chennai", "600040", "Tamil Nadu"),
             ("Hyderabad", "500034", "Telangana"), ("Kolkata", "700019", "West Bengal"), ("Mumbai", "400050", "Maharashtra"),
             ("New Delhi", "110017", "Delhi"), ("Ahmedabad", "380015", "Gujarat"), ("Kochi", "682020", "Kerala"),
             ("Jaipur", "302015", "Rajasthan"), ("Lucknow", "226010", "Uttar Pradesh"), ("Mysuru", "570009", "Karnataka")]
IN_BUILDINGS = ["Sai Residency", "Shanti Kunj", "Green Acres Apartments", "Lakshmi Nivas", "Sunshine Towers",
                "Prestige Lakeside", "Gokul Dham Society", "Krishna Enclave", "Ganga Heights"]
IN_ROADS = ["MG Road", "Karve Road", "100 Feet Road", "Anna Salai", "Linking Road", "Ring Road", "SV Road",
            "Gandhi Nagar Main Road", "Station Road", "Nehru Marg"]
IN_LOCALITIES = ["Kothrud", "Koramangala", "T. Nagar", "Banjara Hills", "Ballygunge", "Bandra West",
                 "Malviya Nagar", "Navrangpura", "Kadavanthra", "Vaishali Nagar", "Gomti Nagar", "Jayanagar"]

DE_CITIES = [("München", "80", "Bayern"), ("Berlin", "10", "Berlin"), ("Hamburg", "20", "Hamburg"),
             ("Köln", "50", "Nordrhein-Westfalen"), ("Frankfurt am Main", "60", "Hessen"),
             ("Stuttgart", "70", "Baden-Württemberg"), ("Leipzig", "04", "Sachsen"), ("Dresden", "01", "Sachsen"),
             ("Nürnberg", "90", "Bayern"), ("Bremen", "28", "Bremen"), ("Augsburg", "86", "Bayern"),
             ("Essen", "45", "Nordrhein-Westfalen")]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Lindenweg", "Goethestraße", "Schillerstraße", "Gartenstraße",
              "Kirchweg", "Rosenheimer Straße", "Am Markt", "Sonnenallee", "Mozartstraße", "Birkenweg",
              "Friedrich-Ebert-Straße", "Lerchenfeld"]
DE_STATE_EN = {"Bayern": "Bavaria", "Hessen": "Hesse", "Sachsen": "Saxony", "Nordrhein-Westfalen": "North Rhine-Westphalia"}

ORGS = {
    "UK_hosp": ["Leeds Teaching Hospitals NHS Trust", "St James's University Hospital", "Royal Victoria Infirmary",
                "Northern General Hospital", "Southmead Hospital", "Queen Elizabeth Hospital Birmingham",
                "Norfolk and Norwich University Hospital", "Royal Devon and Exeter Hospital",
                "University Hospital of Wales", "Glasgow Royal Infirmary", "St Bride's Community Hospital",
                "Airedale General Hospital", "Whitfield Park Hospital", "Sheffield Teaching Hospitals NHS Foundation Trust",
                "Royal Berkshire Hospital", "Harrogate District Hospital"],
    "UK_gp": ["Kingsway Medical Centre", "Oakfield Surgery", "The Meadows Health Centre", "Riverside Family Practice",
              "Beechwood Surgery", "Holloway Road Group Practice", "Thornhill Lane Surgery", "Parkview Medical Practice"],
    "UK_pharm": ["Boots", "Lloydspharmacy", "Well Pharmacy", "Superdrug Pharmacy", "Rowlands Pharmacy", "Day Lewis Pharmacy"],
    "UK_ins": ["Bupa", "AXA Health", "Aviva", "Vitality Health", "WPA", "Simplyhealth"],
    "US_hosp": ["Mercy General Hospital", "St. Luke's Medical Center", "Riverside Regional Medical Center",
                "Lakeview Community Hospital", "Providence St. Vincent Medical Center", "Cedar Valley Health",
                "Good Samaritan Hospital", "Grady Memorial Hospital", "Baptist Health Louisville",
                "Presbyterian Hospital", "Ochsner Medical Center", "Banner University Medical Center"],
    "US_ins": ["Aetna", "Cigna Healthcare", "UnitedHealthcare", "Blue Cross Blue Shield of Illinois", "Humana",
               "Kaiser Permanente", "Anthem Blue Cross", "Molina Healthcare", "Oscar Health", "Ambetter",
               "Highmark BCBS", "Medica"],
    "US_pharm": ["CVS Pharmacy", "Walgreens", "Rite Aid", "Kroger Pharmacy", "Costco Pharmacy", "Publix Pharmacy",
                 "Express Scripts", "OptumRx", "Accredo Specialty Pharmacy"],
    "CA_hosp": ["Toronto General Hospital", "Sunnybrook Health Sciences Centre", "The Ottawa Hospital",
                "Vancouver General Hospital", "Foothills Medical Centre", "Health Sciences Centre Winnipeg",
                "QEII Health Sciences Centre", "St. Michael's Hospital", "William Osler Health System"],
    "CA_pharm": ["Shoppers Drug Mart", "Rexall", "London Drugs", "Jean Coutu", "Pharmasave"],
    "CA_ins": ["Sun Life", "Manulife", "Canada Life", "Green Shield Canada", "Blue Cross Saskatchewan"],
    "AU_hosp": ["Royal Prince Alfred Hospital", "Westmead Hospital", "Alfred Hospital", "Royal Brisbane and Women's Hospital",
                "Fiona Stanley Hospital", "Flinders Medical Centre", "Royal Hobart Hospital", "Canberra Hospital",
                "Gold Coast University Hospital", "Royal Darwin Hospital"],
    "AU_ins": ["Medibank", "Bupa Australia", "HCF", "nib", "HBF Health", "Australian Unity"],
    "AU_pharm": ["Chemist Warehouse", "Priceline Pharmacy", "TerryWhite Chemmart", "Amcal"],
    "IN_hosp": ["Apollo Hospitals", "Fortis Memorial Research Institute", "Ruby Hall Clinic", "Manipal Hospital",
                "Kokilaben Dhirubhai Ambani Hospital", "Christian Medical College Vellore", "Narayana Health",
                "Jehangir Hospital", "Amrita Hospital", "Sahyadri Super Speciality Hospital"],
    "IN_ins": ["Star Health and Allied Insurance", "HDFC ERGO", "ICICI Lombard", "Niva Bupa", "Care Health Insurance"],
    "IN_pharm": ["Apollo Pharmacy", "MedPlus", "Wellness Forever", "Netmeds"],
    "DE_hosp": ["Klinikum rechts der Isar", "Charité – Universitätsmedizin Berlin", "Universitätsklinikum Hamburg-Eppendorf",
                "Klinikum Nürnberg", "Städtisches Klinikum Dresden", "Uniklinik Köln", "Krankenhaus Barmherzige Brüder",
                "Klinikum Augsburg"],
    "DE_ins": ["AOK Bayern", "Techniker Krankenkasse", "Barmer", "DAK-Gesundheit", "IKK classic", "AOK Nordost", "HEK"],
    "DE_pharm": ["Rosen-Apotheke", "Löwen-Apotheke", "Apotheke am Markt", "Stern-Apotheke"],
    "pharma": ["Kestrel Pharmaceuticals Ltd", "Halvorsen Therapeutics AS", "Meridian Biopharma Inc.", "Aurelis Pharma GmbH",
               "Tamsin Biologics", "Pfizer", "AstraZeneca", "Novartis", "Bayer AG", "Sanofi", "GSK", "Teva",
               "Sun Pharmaceutical Industries", "Dr. Reddy's Laboratories", "Cipla", "Boehringer Ingelheim"],
    "cro": ["IQVIA", "Parexel", "ICON plc", "Syneos Health", "PPD", "Northbridge Clinical Research", "Medpace",
            "Fortrea", "Veranex Clinical"],
    "lab": ["Quest Diagnostics", "Labcorp", "Synnovis", "Sonic Healthcare", "Dr Lal PathLabs", "Synlab", "LifeLabs",
            "Eurofins", "Healius Pathology", "Metropolis Healthcare"],
    "travel_ins": ["Allianz Partners", "AXA Assistance", "Generali Global Assistance", "Europ Assistance",
                   "Mapfre Asistencia", "World Nomads", "Cover-More"],
    "courier": ["World Courier", "Marken", "DHL Express", "FedEx"],
}

DRUGS = ["apixaban 5 mg BD", "atorvastatin 40 mg nocte", "metformin 500 mg TDS", "semaglutide 1 mg weekly",
         "pembrolizumab 200 mg IV q3w", "adalimumab 40 mg SC fortnightly", "amoxicillin 500 mg TDS",
         "warfarin as per INR", "levetiracetam 750 mg BD", "sertraline 100 mg OD", "ramipril 5 mg OD",
         "lisinopril 10 mg daily", "rivaroxaban 20 mg OD", "methotrexate 15 mg weekly", "clozapine 300 mg",
         "dupilumab 300 mg every 2 weeks", "empagliflozin 10 mg OD", "amiodarone 200 mg OD",
         "nivolumab 240 mg IV", "lamotrigine 100 mg BD", "co-amoxiclav 625 mg TDS", "furosemide 40 mg OM",
         "insulin glargine 24 units nocte", "prednisolone 30 mg OD", "gabapentin 300 mg TDS"]
BRANDS = ["Eliquis", "Xarelto", "Ozempic", "Keytruda", "Humira", "Jardiance", "Dupixent", "Opdivo",
          "Lipitor", "Zoloft", "Keppra", "Clozaril", "Lamictal", "Mounjaro", "Entresto"]
EVENTS = ["angioedema", "Stevens-Johnson syndrome", "drug-induced liver injury", "QT prolongation",
          "acute kidney injury", "anaphylaxis", "hyponatraemia", "acute pancreatitis", "maculopapular rash",
          "syncope", "neutropenia", "rhabdomyolysis", "upper GI bleed", "immune-mediated colitis",
          "diabetic ketoacidosis", "agranulocytosis", "interstitial lung disease", "hypoglycaemia"]
DIAG = ["community-acquired pneumonia", "NSTEMI", "exacerbation of COPD", "urosepsis", "decompensated heart failure",
        "fractured neck of femur", "cellulitis of left leg", "new-onset atrial fibrillation", "DKA",
        "acute cholecystitis", "ischaemic stroke", "pulmonary embolism", "delirium secondary to UTI"]
INVESTIGATIONAL = ["KPT-2291", "MRB-114", "AUR-507", "HLV-0836", "TSB-31", "NXR-4410"]
HOSPITAL_SPEC = ["Cardiology", "Respiratory Medicine", "Gastroenterology", "Rheumatology", "Endocrinology",
                 "Neurology", "Care of the Elderly", "Haematology", "Dermatology", "Oncology"]

RELIGIONS = ["Jehovah's Witness", "Muslim", "Catholic", "Orthodox Jewish", "Hindu", "Sikh", "Buddhist",
             "Seventh-day Adventist", "Greek Orthodox"]
NATIONALITIES = [("Nigerian", "Nigeria"), ("Polish", "Poland"), ("Italian", "Italy"), ("Spanish", "Spain"),
                 ("Brazilian", "Brazil"), ("Mexican", "Mexico"), ("Dutch", "Netherlands"), ("Singaporean", "Singapore"),
                 ("Filipino", "Philippines"), ("Romanian", "Romania"), ("Somali", "Somalia"), ("Ghanaian", "Ghana"),
                 ("Pakistani", "Pakistan"), ("Kenyan", "Kenya"), ("Ukrainian", "Ukraine"), ("Turkish", "Turkey"),
                 ("Iranian", "Iran"), ("Vietnamese", "Vietnam"), ("Eritrean", "Eritrea")]


# --------------------------------------------------------------------------
# Generator context
# --------------------------------------------------------------------------
class G:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.ids = IDs(self.r)
        self.fakers = {}
        for i, loc in enumerate(FAKER_LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 100 + i)
            self.fakers[loc] = f
        self.name_src = Counter()

    # ---------- basic random helpers
    def ch(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def org(self, key):
        return O(self.ch(ORGS[key]))

    # ---------- names
    def name(self, country="ANY", sex=None, hand_prob=0.62, culture=None) -> Name:
        sex = sex or self.ch("mf")
        if culture or self.p(hand_prob):
            culture = culture or self.ch(COUNTRY_CULTURES[country] if self.p(0.75) else COUNTRY_CULTURES["ANY"])
            pool = HAND_NAMES[culture]
            given = self.ch(pool[sex])
            family = self.ch(pool["last"])
            if culture == "slavic" and sex == "f":
                family = {"Wiśniewski": "Wiśniewska", "Zieliński": "Zielińska", "Ivanov": "Ivanova",
                          "Novák": "Nováková", "Dvořák": "Dvořáková"}.get(family, family)
            ff = self.p(FAMILY_FIRST.get(culture, 0.0))
            call = given
            if culture == "vietnamese":
                mid = "Thi" if sex == "f" else self.ch(["Van", "Duc", "Minh", "Quang"])
                call = given
                given = f"{mid} {given}"
                ff = True
            mi = self.ch("ABCDEFGHJKLMNPRSTW") if culture in ("anglo", "hispanic", "germanic", "hebrew") and self.p(0.6) else None
            n = Name(given, family, sex, culture, "hand", ff, call, mi)
        else:
            loc = self.ch(COUNTRY_FAKER[country] if self.p(0.75) else FAKER_LOCALES)
            f = self.fakers[loc]
            given = f.first_name_female() if sex == "f" else f.first_name_male()
            family = f.last_name()
            mi = self.ch(string.ascii_uppercase.replace("X", "")) if self.p(0.4) else None
            n = Name(given, family, sex, "faker:" + loc, "faker", False, given, mi)
        return n

    def pn(self, nm: Name, form: str):
        """PERSON span tuple for a rendering of nm, tagged with the list it came from."""
        return (nm.render(form), "PERSON", nm.src)

    def pform(self, nm, forms):
        return self.pn(nm, self.ch(forms))

    def title(self, nm: Name, doctor=False):
        if doctor:
            return self.ch(["Dr ", "Dr. ", "Dr "])
        return {"m": self.ch(["Mr ", "Mr. "]), "f": self.ch(["Mrs ", "Ms ", "Ms. ", "Miss ", "Mrs. "])}[nm.sex]

    # ---------- dates
    def date(self, start=dt.date(2021, 1, 1), end=dt.date(2025, 6, 30)) -> dt.date:
        return start + dt.timedelta(days=self.r.randint(0, (end - start).days))

    def dob(self, age=None, ref=None):
        ref = ref or dt.date(2024, 6, 1)
        age = age if age is not None else self.r.randint(18, 88)
        return ref - dt.timedelta(days=int(age * 365.25) + self.r.randint(1, 360))

    def fd(self, d: dt.date, style: str) -> str:
        m, mon = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
        return {
            "uk": f"{d.day:02d}/{d.month:02d}/{d.year}",
            "uk1": f"{d.day}/{d.month}/{d.year}",
            "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "us1": f"{d.month}/{d.day}/{d.year}",
            "us_short": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "uk_short": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
            "iso": d.isoformat(),
            "dmon": f"{d.day:02d}-{mon}-{d.year}",
            "DMON": f"{d.day:02d}-{mon.upper()}-{d.year}",
            "DMON_sp": f"{d.day:02d} {mon.upper()} {d.year}",
            "DMONc": f"{d.day:02d}{mon.upper()}{d.year}",
            "long_uk": f"{d.day} {m} {d.year}",
            "long_us": f"{m} {d.day}, {d.year}",
            "mon_us": f"{mon} {d.day}, {d.year}",
            "mon_uk": f"{d.day} {mon} {d.year}",
            "ord": f"{ordinal(d.day)} {m} {d.year}",
            "ord_of": f"{ordinal(d.day)} of {m}",
            "ord_of_y": f"{ordinal(d.day)} of {m} {d.year}",
            "wd_uk": f"{WEEKDAYS[d.weekday()]} {d.day} {m}",
            "wd_us": f"{WEEKDAYS[d.weekday()]}, {m} {d.day}",
            "wd_full": f"{WEEKDAYS[d.weekday()]}, {d.day} {m} {d.year}",
            "wd_short": f"{WEEKDAYS[d.weekday()][:3]} {d.day} {mon}",
            "de": f"{d.day:02d}.{d.month:02d}.{d.year}",
            "de_long": f"{d.day}. {DE_MONTHS[d.month - 1]} {d.year}",
            "de_en": f"{d.day}. {m} {d.year}",
            "de_short": f"{d.day}.{d.month}.{d.year % 100:02d}",
            "short_us": f"{mon} {d.day}",
            "short_uk": f"{d.day} {mon}",
            "dm_slash": f"{d.day}/{d.month}",
            "md_slash": f"{d.month}/{d.day}",
            "spoken": f"the {ORD_WORDS[d.day - 1]} of {m.lower()}",
            "spoken_us": f"{m.lower()} {ORD_WORDS[d.day - 1]}",
            "spoken_y": f"{m.lower()} {ORD_WORDS[d.day - 1]} {self.year_words(d.year)}",
            "dob_spoken": f"{d.day} {m.lower()} {d.year}",
        }[style]

    def year_words(self, y):
        tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        def two(n):
            if n < 10:
                return f"oh {DIGIT_WORDS[n]}"
            if n < 20:
                return teens[n - 10]
            return tens[n // 10] + ("" if n % 10 == 0 else " " + DIGIT_WORDS[n % 10])
        if y >= 2000:
            return "twenty " + two(y % 100) if y >= 2010 else "two thousand and " + DIGIT_WORDS[y % 10]
        return "nineteen " + two(y % 100)

    def D(self, d, styles):
        return D(self.fd(d, self.ch(styles)))

    # ---------- ages: returns a piece (plain str if < 90, AGE span otherwise)
    def age(self, old_prob=0.18, lo=19, hi=88):
        if self.p(old_prob):
            a = self.r.randint(90, 103)
            return a, A(a)
        a = self.r.randint(lo, hi)
        return a, str(a)

    # ---------- phones
    def phone(self, country):
        r = self.r
        if country == "UK":
            k = r.randint(0, 6)
            m = f"{r.randint(0, 999):03d}"
            return [f"07700 900{m}", f"+44 7700 900{m}", f"+44 (0)7700 900{m}", f"0113 496 0{m}",
                    f"020 7946 0{m}", f"0161 496 0{m}", f"(0117) 496 0{m}"][k]
        if country in ("US", "CA"):
            ac = r.choice(["212", "404", "602", "303", "713", "312", "206", "617", "612", "813"] if country == "US"
                          else ["416", "647", "613", "604", "403", "780", "204", "902", "514"])
            ln = f"01{r.randint(0, 99):02d}"
            return r.choice([f"({ac}) 555-{ln}", f"{ac}-555-{ln}", f"+1 {ac} 555 {ln}", f"{ac}.555.{ln}",
                             f"1-{ac}-555-{ln}", f"({ac}) 555 {ln}"])
        if country == "AU":
            return r.choice([f"0491 570 {r.randint(100, 999)}", f"(02) 5550 {r.randint(1000, 9999)}",
                             f"+61 491 570 {r.randint(100, 999)}", f"(03) 7010 {r.randint(1000, 9999)}",
                             f"+61 2 5550 {r.randint(1000, 9999)}", f"04 9157 {r.randint(1000, 9999)}"])
        if country == "IN":
            a = r.choice("6789") + self.ids.digits(4, False)
            b = self.ids.digits(5, False)
            return r.choice([f"+91 {a} {b}", f"+91-{a}{b}", f"{a} {b}", f"0{a}{b}",
                             f"020-{self.ids.digits(4)} {self.ids.digits(4, False)}",
                             f"080 {self.ids.digits(4)} {self.ids.digits(4, False)}"])
        if country == "DE":
            return r.choice([f"+49 89 {self.ids.digits(7)}", f"0151 {self.ids.digits(8)}",
                             f"089 / {self.ids.digits(6)}-{self.ids.digits(2, False)}", f"+49 (0)30 {self.ids.digits(8)}",
                             f"0221 {self.ids.digits(3)} {self.ids.digits(4, False)}", f"+49 172 {self.ids.digits(7)}"])
        if country == "SG":
            return f"+65 {r.choice('689')}{self.ids.digits(3, False)} {self.ids.digits(4, False)}"
        if country == "IT":
            return f"+39 3{self.ids.digits(2, False)} {self.ids.digits(3, False)} {self.ids.digits(4, False)}"
        if country == "ES":
            return f"+34 6{self.ids.digits(2, False)} {self.ids.digits(3, False)} {self.ids.digits(3, False)}"
        if country == "BR":
            return f"+55 11 9{self.ids.digits(4, False)}-{self.ids.digits(4, False)}"
        if country == "MX":
            return f"+52 55 {self.ids.digits(4, False)} {self.ids.digits(4, False)}"
        if country == "PL":
            return f"+48 {r.choice('5678')}{self.ids.digits(2, False)} {self.ids.digits(3, False)} {self.ids.digits(3, False)}"
        if country == "NL":
            return f"+31 6 {self.ids.digits(8, False)}"
        return self.phone("UK")

    # ---------- emails
    def email(self, nm: Name, domain=None, style=None):
        g = strip_accents(nm.call if nm.culture in ("vietnamese",) else nm.given).lower()
        g = re.sub(r"[^a-z]", "", g.split()[0] if " " in g and self.p(0.5) else g)
        fam = re.sub(r"[^a-z]", "", strip_accents(nm.family).lower())
        domain = domain or self.ch(["gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.com", "icloud.com",
                                    "btinternet.com", "yahoo.com", "aol.com", "proton.me", "gmx.de", "web.de",
                                    "rediffmail.com", "bigpond.com", "shaw.ca", "sympatico.ca", "live.co.uk"])
        style = style if style is not None else self.r.randint(0, 6)
        local = [f"{g}.{fam}", f"{g[0]}{fam}", f"{g}{fam}{self.r.randint(1, 99)}", f"{fam}.{g[0]}",
                 f"{g}_{fam}", f"{g[0]}.{fam}{self.r.randint(1, 9)}", f"{fam}{g[:3]}"][style]
        return f"{local}@{domain}"

    def staff_email(self, nm: Name, domain):
        return self.email(nm, domain, self.ch([0, 0, 1, 3]))

    # ---------- addresses: return the whole address as one string
    def address(self, country, multiline=False):
        r = self.r
        if country == "UK":
            town, area = r.choice(UK_TOWNS)
            pc = f"{area}{r.randint(1, 28)} {r.randint(1, 9)}{self.ids.letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}"
            parts = []
            if self.p(0.3):
                parts.append(f"Flat {r.randint(1, 40)}")
                if self.p(0.4):
                    parts.append(f"{r.choice(['Beaumont', 'Carlton', 'Regent', 'Linden', 'Alder'])} House")
            parts.append(f"{r.randint(1, 240)} {r.choice(UK_STREETS)} {r.choice(UK_SUFFIX)}")
            parts += [town, pc]
        elif country == "US":
            city, st, z = r.choice(US_CITIES)
            parts = [f"{r.randint(100, 9899)} {r.choice(['', 'N ', 'S ', 'E ', 'W '])}{r.choice(US_STREETS)} {r.choice(US_SUFFIX)}"]
            if self.p(0.35):
                parts[0] += r.choice([f", Apt {r.randint(1, 40)}{r.choice('ABCD')}", f" #{r.randint(100, 999)}", f", Unit {r.randint(1, 30)}"])
            parts.append(city)
            parts.append(f"{st} {z}{r.randint(0, 99):02d}")
        elif country == "CA":
            city, pr, l1 = r.choice(CA_CITIES)
            pc = f"{l1}{r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVXY')} {r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}"
            unit = f"{r.randint(101, 2609)}-" if self.p(0.35) else ""
            parts = [f"{unit}{r.randint(10, 3999)} {r.choice(CA_STREETS)} {r.choice(['St', 'Ave', 'Rd', 'Cres', 'Street West', 'Blvd'])}",
                     city, f"{pr} {pc}"]
        elif country == "AU":
            sub, st, pc = r.choice(AU_SUBURBS)
            unit = f"{r.randint(1, 24)}/" if self.p(0.35) else ""
            parts = [f"{unit}{r.randint(1, 199)} {r.choice(AU_STREETS)} {r.choice(AU_SUFFIX)}", f"{sub} {st} {pc}"]
        elif country == "IN":
            city, pin, state = r.choice(IN_CITIES)
            parts = [f"Flat {r.choice('ABCD')}-{r.randint(101, 1204)}", r.choice(IN_BUILDINGS), r.choice(IN_ROADS),
                     r.choice(IN_LOCALITIES), f"{city} {pin}" if self.p(0.5) else f"{city} - {pin}"]
            if self.p(0.5):
                parts.append(state)
        elif country == "DE":
            city, plz2, _ = r.choice(DE_CITIES)
            parts = [f"{r.choice(DE_STREETS)} {r.randint(1, 140)}{r.choice(['', '', 'a', 'b'])}",
                     f"{plz2}{r.randint(100, 999)} {city}"]
        else:
            raise ValueError(country)
        if multiline:
            return "\n".join(parts)
        return ", ".join(parts)

    def clin_cred(self, country):
        return {"UK": [", MRCP", ", FRCP", ", MRCGP", ""], "US": [", MD", ", MD", ", DO", ""],
                "CA": [", MD, FRCPC", ", MD", ""], "AU": [", FRACP", " MBBS", ""],
                "IN": [", MBBS, MD", ", MD (Med)", ", DM", ""], "DE": ["", ""]}[country]


# --------------------------------------------------------------------------
# Look-alike (NOT labelled) numbers
# --------------------------------------------------------------------------
def protocol_no(g: G):
    return g.ch([f"{g.ch(['KPT', 'MRB', 'AUR', 'HLV', 'TSB', 'NXR'])}-{g.r.randint(100, 999)}-{g.r.randint(201, 305)}",
                 f"{g.ch(['KP', 'MB', 'AU'])}{g.r.randint(1000, 9999)}-{g.r.randint(1, 3):02d}",
                 f"CT-{g.r.randint(2019, 2024)}-{g.r.randint(100, 999)}"])


def site_no(g: G):
    return g.ch([f"{g.r.randint(100, 999)}", f"{g.r.randint(1, 99):04d}", f"GB{g.r.randint(10, 99)}", f"US-{g.r.randint(100, 399)}"])


def lot_no(g: G):
    return g.ch([f"{g.ids.letters(2)}{g.r.randint(1000, 99999)}", f"{g.r.randint(1, 9)}{g.ids.letters(1)}{g.r.randint(100, 999)}{g.ids.letters(1)}",
                 f"L{g.r.randint(100000, 999999)}"])


def case_no(g: G, cc="GB"):
    return g.ch([f"{cc}-{g.ch(['KESTREL', 'MERIDIAN', 'AURELIS', 'HALV'])}-{g.r.randint(2021, 2025)}{g.r.randint(10000, 99999)}",
                 f"{g.r.randint(2021, 2025)}-{cc}-{g.r.randint(1000, 99999):05d}",
                 f"PV-{g.r.randint(100000, 999999)}", f"E2B-{g.r.randint(2021, 2025)}-{g.r.randint(1000, 9999)}"])


def subject_id(g: G, site: str | None = None):
    s = site or str(g.r.randint(100, 999))
    return g.ch([f"{s}-{g.r.randint(1, 60):03d}", f"{s}-{g.r.randint(1, 60):04d}", f"S{s}-{g.r.randint(1, 99):02d}",
                 f"{s}{g.r.randint(1, 60):03d}", f"SUBJ-{s}-{g.r.randint(1, 99):03d}", f"{g.ids.letters(2)}{s}-{g.r.randint(1, 40):02d}"])


# ==========================================================================
# Templates. Each returns a Doc.
# ==========================================================================
def t_pv_narrative(g: G) -> Doc:
    cc = g.ch(["UK", "US", "CA", "AU", "IN", "DE"])
    rep = g.name(cc)
    pt_age, age_piece = g.age(0.25, 22, 88)
    sex = g.ch(["male", "female"])
    received = g.date()
    start = received - dt.timedelta(days=g.r.randint(20, 200))
    onset = start + dt.timedelta(days=g.r.randint(3, 18))
    dstyles = g.ch([["dmon", "DMON"], ["long_uk", "ord"], ["long_us", "mon_us"], ["iso"], ["uk"], ["us"]])
    hosp = g.org(f"{cc}_hosp")
    d = Doc()
    d.f("Case {case} ({kind}). Received {rec} from a {role}, {t}{rep} of {org}, concerning a {age}-year-old {sex} patient. ",
        case=case_no(g, {"UK": "GB"}.get(cc, cc)), kind=g.ch(["initial", "follow-up #1", "follow-up #2"]),
        rec=g.D(received, dstyles), role=g.ch(["physician", "hospital pharmacist", "consultant", "nurse practitioner"]),
        t=g.ch(["Dr ", "Dr. ", ""]), rep=g.pform(rep, ["full", "full", "init_last", "first_mid_last"]), org=hosp,
        age=age_piece, sex=sex)
    if g.p(0.5):
        d.f("Medical history included {h}. ", h=g.ch(["type 2 diabetes and hypertension", "atrial fibrillation",
                                                      "rheumatoid arthritis", "CKD stage 3", "epilepsy since 2009",
                                                      "schizophrenia", "asthma"]))
    d.f("On {s} the patient started {drug} for {ind}. On {o} the patient developed {ev}",
        s=g.D(start, dstyles), drug=g.ch(DRUGS), ind=g.ch(["stroke prevention", "hyperlipidaemia", "psoriatic arthritis",
                                                            "NSCLC", "seizures", "depression", "T2DM"]),
        o=g.D(onset, dstyles), ev=g.ch(EVENTS))
    if g.p(0.5):
        d.f(" and was admitted under {t}{doc}", t=g.ch(["Dr ", "Prof. ", "Dr. "]), doc=g.pform(g.name(cc), ["last", "full", "init_last"]))
    d.t(". ")
    d.t(g.ch(["The suspect drug was withdrawn and the event resolved. ", "Outcome: recovering. ",
              "Dechallenge positive; no rechallenge. ", "Outcome unknown at time of report. "]))
    if g.p(0.6):
        d.f("Lot {lot} (exp {exp}). ", lot=lot_no(g), exp=f"{g.ch(MONTHS)[:3].upper()} {g.r.randint(2025, 2027)}")
    if g.p(0.6):
        d.f("Reporter contact: {e}", e=EM(g.staff_email(rep, g.ch(["nhs.net", "gmail.com", "hospital.org", "outlook.com"]))))
        if g.p(0.5):
            d.f(", tel {p}", p=PH(g.phone(cc)))
        d.t(".")
    return d


def t_cioms(g: G) -> Doc:
    country_label, cc = g.ch([("UNITED KINGDOM", "UK"), ("GERMANY", "DE"), ("CANADA", "CA"), ("INDIA", "IN"),
                              ("AUSTRALIA", "AU"), ("UNITED STATES", "US"), ("UK", "UK"), ("USA", "US")])
    ref = g.date()
    age, age_piece = g.age(0.3, 30, 88)
    dob = g.dob(age, ref)
    onset = ref - dt.timedelta(days=g.r.randint(5, 60))
    ds = g.ch([["DMON_sp"], ["DMON"], ["DMONc"]])
    d = Doc()
    d.t("CIOMS FORM - SUSPECT ADVERSE REACTION REPORT\n")
    d.f("1a. COUNTRY: {c}\n", c=(country_label, "COUNTRY"))
    if g.p(0.7):
        d.f("2. DATE OF BIRTH: {dob}   2a. AGE: {age} Years   3. SEX: {s}\n", dob=g.D(dob, ds), age=age_piece, s=g.ch("MF"))
    else:
        d.f("2. DATE OF BIRTH: {y}   2a. AGE: {age} Yrs   3. SEX: {s}\n", y=str(dob.year), age=age_piece, s=g.ch("MF"))
    d.f("4-6. REACTION ONSET: {o}\n7+13. DESCRIBE REACTION(S): {ev}; {ev2}\n",
        o=g.D(onset, ds), ev=g.ch(EVENTS).upper(), ev2=g.ch(["HOSPITALISATION", "LIFE THREATENING", "OTHER MEDICALLY IMPORTANT", "DISABILITY"]))
    d.f("14. SUSPECT DRUG(S): {dr} ({br}) LOT {lot}\n", dr=g.ch(DRUGS).split()[0].upper(), br=g.ch(BRANDS).upper(), lot=lot_no(g))
    if g.p(0.5):
        d.f("17. INDICATION: {i}\n", i=g.ch(["ATRIAL FIBRILLATION", "PSORIASIS", "MAJOR DEPRESSION", "HYPERTENSION"]))
    comp = g.ch(ORGS["pharma"])
    d.f("24a. NAME AND ADDRESS OF MANUFACTURER: {c}", c=O(comp.upper() if g.p(0.5) else comp))
    if g.p(0.5):
        d.f(", {a}", a=AD(g.address(g.ch(["UK", "DE", "US"])).upper()))
    d.f("\n24b. MFR CONTROL NO.: {m}\n24c. DATE RECEIVED BY MANUFACTURER: {r}\n",
        m=case_no(g, {"UK": "GB"}.get(cc, cc)), r=g.D(ref, ds))
    rep = g.name(cc)
    d.f("24d. REPORT SOURCE: HEALTH PROFESSIONAL - {n}{cred}", n=g.pform(rep, ["FULL_UPPER", "LAST_FIRST", "LAST_UPPER"]),
        cred=g.ch([", MD", " (PHARMACIST)", "", ", GP"]))
    d.f("\n25a. REPORT TYPE: {t}   DATE OF THIS REPORT: {dr}",
        t=g.ch(["INITIAL", "FOLLOWUP"]), dr=g.D(ref + dt.timedelta(days=g.r.randint(1, 14)), ds))
    return d


def t_pv_followup_email(g: G) -> Doc:
    cc = g.ch(["UK", "US", "AU", "CA"])
    safety = g.name("ANY")
    rep = g.name(cc)
    comp = g.ch(ORGS["pharma"])
    dom = re.sub(r"[^a-z]", "", comp.lower().split()[0]) + g.ch([".com", "-pharma.com", ".co.uk"])
    d = Doc()
    d.f("From: {sn} <{se}>\nTo: {rn} <{re_}>\nSubject: Follow-up request - {case}\n\n",
        sn=g.pform(safety, ["full", "last_first"]), se=EM(g.staff_email(safety, dom)),
        rn=g.pform(rep, ["full", "full", "init_last"]), re_=EM(g.email(rep)), case=case_no(g))
    d.f("Dear {t}{r},\n\nThank you for your report of {ev} in your patient",
        t=g.ch(["Dr ", "Dr. ", ""]) if g.p(0.8) else "", r=g.pform(rep, ["last", "last", "full"]), ev=g.ch(EVENTS))
    if g.p(0.5):
        pt = g.name(cc)
        d.f(", {t}{p}", t=g.title(pt), p=g.pform(pt, ["last", "init_last"]))
    d.f(". To complete our assessment, could you please confirm the date of onset (you mentioned {rel}), any concomitant medications, and the lot number if available? ",
        rel=g.ch(["\"about a week after starting\"", "\"last Tuesday\"", "\"early March\"", "\"in 2023\""]))
    if g.p(0.5):
        d.f("You can also reply via {u} or call me on {ph}. ",
            u=(g.ch([f"https://www.{dom}/medinfo/report", f"https://safety.{dom}/followup?case={g.r.randint(10000, 99999)}",
                     "https://yellowcard.mhra.gov.uk", "https://www.fda.gov/safety/medwatch"]), "URL"), ph=PH(g.phone(cc)))
    d.f("\n\nKind regards,\n{s}\n{role}, {c}", s=g.pform(safety, ["full", "first"]),
        role=g.ch(["Drug Safety Associate", "PV Case Processor", "Safety Physician"]), c=O(comp))
    return d


def t_trial_monitor_email(g: G) -> Doc:
    cc = g.ch(["UK", "US", "DE", "AU", "CA"])
    coord, cra, pi = g.name(cc), g.name("ANY"), g.name(cc)
    site = site_no(g)
    prot = protocol_no(g)
    cro = g.ch(ORGS["cro"])
    visit = g.date()
    d = Doc()
    d.f("{hi} {c},\n\nFollowing my monitoring visit to Site {site} on {v} ({prot}), a few open items:\n",
        hi=g.ch(["Hi", "Hello", "Dear"]), c=g.pform(coord, ["first", "first", "full"]), site=site,
        v=g.D(visit, ["wd_uk", "long_uk", "short_us", "wd_us", "ord_of", "uk"]), prot=prot)
    items = []
    for _ in range(g.r.randint(2, 3)):
        sid = subject_id(g, site if g.p(0.5) else None)
        lab = g.ch(["Subject ", "Subj. ", "Pt ", "subject ", "", "Subject ID "])
        k = g.r.randint(0, 4)
        dd = visit - dt.timedelta(days=g.r.randint(5, 90))
        if k == 0:
            items.append(frag("- {l}{s}: V{n} date in EDC ({d1}) does not match source ({d2}).\n", l=lab, s=I(sid),
                              n=str(g.r.randint(2, 9)), d1=g.D(dd, ["dmon", "iso", "uk"]),
                              d2=g.D(dd + dt.timedelta(days=1), ["dmon", "iso", "uk"])))
        elif k == 1:
            items.append(frag("- {l}{s}: SAE ({ev}) onset {d1} - please submit the SAE form within 24h.\n", l=lab, s=I(sid),
                              ev=g.ch(EVENTS), d1=g.D(dd, ["dmon", "DMON", "uk", "short_uk"])))
        elif k == 2:
            items.append(frag("- Re-consent (ICF v{v}) still pending for {l}{s}.\n", v=f"{g.r.randint(2, 5)}.0", l=lab, s=I(sid)))
        elif k == 3:
            items.append(frag("- IP accountability: kit {kit} dispensed to {s} but not logged.\n",
                              kit=f"{g.r.randint(100000, 999999)}", s=I(sid)))
        else:
            items.append(frag("- {l}{s} screen-failed on {d1}; please file the screening log.\n", l=lab, s=I(sid),
                              d1=g.D(dd, ["dmon", "uk", "us"])))
    d.add(items)
    d.f("Could {t}{pi} please sign the delegation log before my next visit?\n\nThanks,\n{cra}\nCRA, {cro}",
        t=g.ch(["Dr ", "Dr. ", "Prof. "]), pi=g.pform(pi, ["last", "last", "init_last"]),
        cra=g.pform(cra, ["full", "first", "full"]), cro=O(cro))
    if g.p(0.5):
        d.f(" | {ph}", ph=PH(g.phone(cc)))
    return d


def t_trial_edc_rows(g: G) -> Doc:
    site = site_no(g)
    prot = protocol_no(g)
    sep = g.ch([",", ";", "|"])
    d = Doc()
    d.f("# export {p} site {s} generated {ts}\n", p=prot, s=site, ts=f"{g.r.randint(2023, 2025)}-Q{g.r.randint(1, 4)}")
    header = ["site", "subject_id", "scr_no", "visit", "visit_date", "ae_term", "entered_by"]
    d.t(sep.join(header) + "\n")
    for _ in range(g.r.randint(2, 4)):
        sid = subject_id(g, site)
        scr = f"SCR{g.r.randint(1000, 9999)}" if g.p(0.5) else f"{site}-S{g.r.randint(1, 99):02d}"
        vd = g.date()
        who = g.name("ANY")
        d.f("{site}{s}{sid}{s}{scr}{s}{v}{s}{vd}{s}{ae}{s}{who}\n", site=site, s=sep, sid=I(sid), scr=I(scr),
            v=g.ch(["SCR", "BL", "W4", "W12", "EOT", "FU1"]), vd=g.D(vd, ["iso", "dmon", "DMONc"]),
            ae=g.ch(["headache", "nausea", "none", "ALT increased", "fatigue", "injection site reaction", ""]),
            who=g.pform(who, ["lower_first", "init_last", "last", "lower"]) if g.p(0.85) else "system")
    return d


def t_trial_sae_form(g: G) -> Doc:
    cc = g.ch(["UK", "US", "DE", "AU", "IN", "CA"])
    pi = g.name(cc)
    site, prot = site_no(g), protocol_no(g)
    onset = g.date()
    age, age_piece = g.age(0.15, 25, 85)
    d = Doc()
    d.f("SERIOUS ADVERSE EVENT REPORT - Protocol {p} - Site No. {s}\n", p=prot, s=site)
    d.f("{lab} {sid}   Year of birth: {y}   Age: {a}   Sex: {sx}\n", lab=g.ch(["Subject ID:", "Subject No.", "Subj#", "Pt. ID"]),
        sid=I(subject_id(g, site)), y=str(g.dob(age).year), a=age_piece, sx=g.ch(["M", "F"]))
    d.f("Event term: {ev}   Onset: {o}   Seriousness: {ser}\n", ev=g.ch(EVENTS), o=g.D(onset, ["dmon", "DMON", "DMONc", "iso", "uk"]),
        ser=g.ch(["hospitalisation", "life-threatening", "important medical event"]))
    d.f("Study drug: {ip} (blinded), kit {kit}; last dose {ld} at {tm}.\n", ip=g.ch(INVESTIGATIONAL), kit=f"{g.r.randint(10000, 99999)}",
        ld=g.D(onset - dt.timedelta(days=g.r.randint(0, 3)), ["dmon", "iso", "uk"]), tm=f"{g.r.randint(6, 22):02d}:{g.ch(['00', '15', '30', '45'])}")
    d.f("Investigator: {pi}{cred}", pi=g.pform(pi, ["full", "LAST_FIRST", "init_last", "FULL_UPPER"]), cred=g.ch(g.clin_cred(cc)))
    if cc == "US" and g.p(0.6):
        d.f(" (NPI {n})", n=I(g.ids.npi()))
    d.f("   Date signed: {ds}\nFax to Drug Safety: {fx} or email {em}",
        ds=g.D(onset + dt.timedelta(days=1), ["dmon", "uk", "us", "iso"]), fx=PH(g.phone(cc)),
        em=EM(f"{g.ch(['drugsafety', 'sae.intake', 'pv-mailbox', 'safety'])}@{g.ch(['kestrelpharma.com', 'meridianbio.com', 'northbridgecr.com', 'aurelis.de'])}"))
    return d


def t_trial_device(g: G) -> Doc:
    cc = g.ch(["UK", "US", "DE", "AU"])
    coord = g.name(cc)
    site = site_no(g)
    sid = subject_id(g, site)
    d1 = g.date()
    d = Doc()
    d.f("ePRO helpdesk ticket {tk}\nSite {site} / {lab} {sid}\n", tk=f"INC{g.r.randint(1000000, 9999999)}", site=site,
        lab=g.ch(["Subject", "subj", "Participant"]), sid=I(sid))
    d.f("Caller: {c} (study coordinator), {ph}\n", c=g.pform(coord, ["full", "full", "first", "lower"]), ph=PH(g.phone(cc)))
    d.f("Issue: handset has not synced diary entries since {dd}. Device IMEI {i1} swapped for replacement IMEI {i2}; ",
        dd=g.D(d1, ["wd_uk", "short_uk", "short_us", "long_us", "uk", "us", "ord_of"]), i1=I(g.ids.imei()), i2=I(g.ids.imei()))
    d.f("old unit returned via {cour} AWB {awb}. ", cour=O(g.ch(ORGS["courier"])), awb=f"{g.r.randint(1000000000, 9999999999)}")
    if g.p(0.5):
        d.f("Participant contact for courier: {ph}.", ph=PH(g.phone(cc)))
    else:
        d.t("Model: ePRO-T5, firmware 4.2.1.")
    return d


def t_trial_stipend(g: G) -> Doc:
    cc, ibcc = g.ch([("UK", "GB"), ("DE", "DE"), ("UK", "IE"), ("DE", "NL"), ("DE", "FR"), ("DE", "IT"), ("UK", "ES")])
    payee = g.name(cc)
    coord = g.name(cc)
    site = site_no(g)
    sid = subject_id(g, site)
    d = Doc()
    d.f("Travel reimbursement - Protocol {p}, Site {s}\n", p=protocol_no(g), s=site)
    d.f("{lab} {sid}   Visits: {v}   Amount: {amt}\n", lab=g.ch(["Subject:", "Participant ID:", "Subj. no."]), sid=I(sid),
        v=g.ch(["W4, W8", "BL, W2, W4", "W12"]), amt=g.ch(["EUR 142.60", "£87.40", "€64,00", "GBP 210.00", "EUR 318,50"]))
    if ibcc == "GB" and g.p(0.6):
        d.f("Payee: {n}\nSort code: {sc}   Account no.: {acc}\n", n=g.pform(payee, ["full", "LAST_FIRST", "full"]),
            sc=f"{g.r.randint(10, 99)}-{g.r.randint(10, 99)}-{g.r.randint(10, 99)}", acc=I(g.ids.digits(8, False)))
    else:
        d.f("Payee: {n}\nIBAN: {ib}\nBIC: {bic}\n", n=g.pform(payee, ["full", "LAST_FIRST", "full"]), ib=(g.ids.iban(ibcc), "IBAN"),
            bic=g.ch(["NWBKGB2L", "DEUTDEFF", "COBADEFFXXX", "INGBNL2A", "BNPAFRPP", "AIBKIE2D", "UNCRITMM", "CAIXESBB"]))
    d.f("Receipts checked by {c} on {dt}. Payment run {pr}.", c=g.pform(coord, ["init_last", "first", "full"]),
        dt=g.D(g.date(), ["uk", "de", "iso", "long_uk"]), pr=f"PR-{g.r.randint(100, 999)}")
    return d


def t_uk_discharge(g: G) -> Doc:
    pt = g.name("UK")
    gp, cons = g.name("UK"), g.name("UK")
    adm = g.date()
    dis = adm + dt.timedelta(days=g.r.randint(1, 21))
    age, age_piece = g.age(0.2, 40, 88)
    dob = g.dob(age, adm)
    hosp = g.ch(ORGS["UK_hosp"])
    d = Doc()
    d.f("{h}\nDISCHARGE SUMMARY - {spec}\n", h=O(hosp), spec=g.ch(HOSPITAL_SPEC))
    d.f("Patient: {p}   DOB: {dob} ({age}y)   NHS No: {nhs}\n", p=g.pform(pt, ["LAST_FIRST", "LAST_FIRST", "last_first", "full"]),
        dob=g.D(dob, ["uk", "uk", "dmon", "long_uk"]), age=age_piece, nhs=I(g.ids.nhs()))
    if g.p(0.6):
        d.f("{hl} {hn}   ", hl=g.ch(["Hosp No:", "Hospital No.", "MRN:", "Unit No"]), hn=I(g.ids.uk_hosp()))
    d.f("Admitted: {a}   Discharged: {b}\n", a=g.D(adm, ["uk", "uk_short", "dmon"]), b=g.D(dis, ["uk", "uk_short", "dmon"]))
    if g.p(0.5):
        d.f("Address: {ad}\n", ad=AD(g.address("UK")))
    elif g.p(0.5):
        nk = g.name("UK")
        d.f("Next of kin: {nk} ({rel}) {ph}\n", nk=g.pform(nk, ["full", "last_first", "FULL_UPPER"]),
            rel=g.ch(["daughter", "wife", "sister"] if nk.sex == "f" else ["son", "husband", "brother"]), ph=PH(g.phone("UK")))
    d.f("Diagnosis: {dx}. ", dx=g.ch(DIAG))
    if g.p(0.3):
        d.f("Patient is a {r}; ", r=(g.ch(RELIGIONS), "NRP"))
        d.t(g.ch(["declined blood products.", "chaplaincy visit arranged.", "dietary needs met."]) + " ")
    d.f("Meds changed: {m}.\nConsultant: {t}{c} (GMC {gmc})\nGP: Dr {gp}, {pr}",
        m=g.ch(DRUGS), t=g.ch(["Dr ", "Dr. ", "Prof "]), c=g.pform(cons, ["full", "init_last", "full"]), gmc=I(g.ids.gmc()),
        gp=g.pform(gp, ["init_last", "full", "last", "last_init"]), pr=O(g.ch(ORGS["UK_gp"])))
    return d


def t_uk_referral(g: G) -> Doc:
    pt, gp, spec_doc = g.name("UK"), g.name("UK"), g.name("UK")
    nok = g.name("UK")
    age, age_piece = g.age(0.3, 50, 88)
    ref = g.date()
    dob = g.dob(age, ref)
    d = Doc()
    d.f("{date}\n\nDear {t}{sd},\n\nRe: {tt}{pt}, DOB {dob}, NHS number {nhs}\n{ad}\n\n",
        date=g.D(ref, ["long_uk", "ord", "uk", "wd_full"]), t=g.ch(["Dr ", "Dr. ", "Professor "]),
        sd=g.pform(spec_doc, ["last", "last", "full"]), tt=g.title(pt), pt=g.pform(pt, ["full", "init_last", "full", "FULL_UPPER"]),
        dob=g.D(dob, ["uk", "long_uk", "dmon"]), nhs=I(g.ids.nhs()), ad=AD(g.address("UK", multiline=g.p(0.3))))
    pr = "He" if pt.sex == "m" else "She"
    d.f("I would be grateful if you could see this {a}-year-old {mw} with {c}. {pr} lives alone",
        a=age_piece, mw="man" if pt.sex == "m" else "woman",
        c=g.ch(["worsening breathlessness", "recurrent falls", "unexplained weight loss", "a new murmur", "suspected PMR"]), pr=pr)
    if g.p(0.7):
        d.f("; {pos} {rel} {nk} ({ph}) is next of kin", pos="his" if pt.sex == "m" else "her",
            rel=g.ch(["daughter", "niece", "neighbour"] if nok.sex == "f" else ["son", "nephew", "neighbour"]),
            nk=g.pform(nok, ["first", "full", "first"]), ph=PH(g.phone("UK")))
    d.t(".\n\nYours sincerely,\n\n")
    d.f("Dr {gp}\nGMC {gmc}\n{pr}", gp=g.pform(gp, ["full", "init2_last", "full"]), gmc=I(g.ids.gmc()), pr=O(g.ch(ORGS["UK_gp"])))
    if g.p(0.4):
        d.f("\ncc: {pt}", pt=g.pform(pt, ["full", "init_last"]))
    return d


def t_us_discharge(g: G) -> Doc:
    pt, att, pcp = g.name("US"), g.name("US"), g.name("US")
    adm = g.date()
    age, age_piece = g.age(0.15, 30, 88)
    dob = g.dob(age, adm)
    d = Doc()
    d.f("{h}\nDISCHARGE SUMMARY\nPatient Name: {pn}   MRN: {mrn}   DOB: {dob}\n", h=O(g.ch(ORGS["US_hosp"])),
        pn=g.pform(pt, ["LAST_FIRST", "LAST_FIRST_MI", "LAST_FIRST"]), mrn=I(g.ids.us_mrn()), dob=g.D(dob, ["us", "us1"]))
    d.f("Attending: {a}, MD (NPI {npi})   Admit: {ad}   Discharge: {dd}\n", a=g.pform(att, ["full", "first_mid_last", "init_last"]),
        npi=I(g.ids.npi()), ad=g.D(adm, ["us", "us1", "us_short"]), dd=g.D(adm + dt.timedelta(days=g.r.randint(1, 9)), ["us", "us1"]))
    d.f("Hospital course: {a}-yo {sx} admitted with {dx}; treated with {dr}. ", a=age_piece,
        sx=g.ch(["M", "male"]) if pt.sex == "m" else g.ch(["F", "female"]),
        dx=g.ch(DIAG), dr=g.ch(DRUGS))
    if g.p(0.6):
        d.f("Insurance: {ins}, Member ID {m}, Group {grp}. ", ins=O(g.ch(ORGS["US_ins"])), m=I(g.ids.us_member()),
            grp=g.ch([f"{g.r.randint(100000, 999999)}", f"GRP-{g.r.randint(1000, 9999)}", f"{g.ids.letters(1)}{g.r.randint(10000, 99999)}"]))
    d.f("Follow up with PCP {pcp} within 7 days", pcp=g.pform(pcp, ["full", "init_last", "last_first"]))
    if g.p(0.5):
        d.f(", {ph}", ph=PH(g.phone("US")))
    d.t(".")
    return d


def t_ca_referral(g: G) -> Doc:
    pt, fam, sp = g.name("CA"), g.name("CA"), g.name("CA")
    ref = g.date()
    age, age_piece = g.age(0.2, 30, 88)
    dob = g.dob(age, ref)
    d = Doc()
    d.f("REFERRAL - {spec}\nDate: {dt}\nTo: Dr. {sp}, {h}\n", spec=g.ch(HOSPITAL_SPEC), dt=g.D(ref, ["iso", "long_us", "uk"]),
        sp=g.pform(sp, ["full", "init_last"]), h=O(g.ch(ORGS["CA_hosp"])))
    hc_lab, hc = g.ch([("OHIP #", g.ids.ohip()), ("Health card:", g.ids.ohip()), ("PHN", g.ids.bc_phn()), ("Health Card No.", g.ids.ohip())])
    d.f("Patient: {p}   DOB: {dob}   {hl} {hc}\n", p=g.pform(pt, ["full", "LAST_FIRST", "last_first"]),
        dob=g.D(dob, ["iso", "long_us", "uk", "dmon"]), hl=hc_lab, hc=I(hc))
    d.f("Address: {ad}   Tel: {ph}\n", ad=AD(g.address("CA")), ph=PH(g.phone("CA")))
    d.f("Reason: {a}-year-old with {c}. Thank you for seeing {obj}.\n", a=age_piece,
        c=g.ch(["refractory hypertension", "suspected IBD", "progressive dyspnea", "new tremor", "rising creatinine"]),
        obj="him" if pt.sex == "m" else "her")
    d.f("Referring: Dr. {f}, CPSO {n}", f=g.pform(fam, ["full", "init_last"]), n=I(g.ids.cpso()))
    if g.p(0.5):
        d.f(", fax {fx}", fx=PH(g.phone("CA")))
    return d


def t_au_discharge(g: G) -> Doc:
    pt, cons, gp = g.name("AU"), g.name("AU"), g.name("AU")
    adm = g.date()
    age, age_piece = g.age(0.25, 40, 88)
    dob = g.dob(age, adm)
    d = Doc()
    d.f("{h} - Discharge Referral\n", h=O(g.ch(ORGS["AU_hosp"])))
    d.f("{pt}   {ul} {urn}   DOB {dob}\n", pt=g.pform(pt, ["LAST_FIRST", "FULL_UPPER", "full"]), ul=g.ch(["URN", "UR No.", "MRN"]),
        urn=I(g.ids.au_urn()), dob=g.D(dob, ["uk", "uk1", "dmon", "mon_uk"]))
    d.f("Medicare: {m}", m=I(g.ids.medicare_au()))
    if g.p(0.4):
        d.f("   DVA: {dva}", dva=I(g.ids.dva()))
    d.f("\nAdmitted {a} with {dx}. {age}yo {sx}, ", a=g.D(adm, ["uk", "wd_uk", "uk1"]), dx=g.ch(DIAG), age=age_piece, sx="man" if pt.sex == "m" else "woman")
    d.t(g.ch(["mobilising with frame. ", "discharged to residential aged care. ", "returns home with daughter. "]))
    d.f("Usual GP: Dr {gp}, {ad}.\nSigned: {c} (AHPRA {ah}), {role}", gp=g.pform(gp, ["full", "last", "init_last"]),
        ad=AD(g.address("AU")), c=g.pform(cons, ["full", "init_last"]), ah=I(g.ids.ahpra()),
        role=g.ch(["Registrar", "Consultant Physician", "RMO"]))
    return d


def t_in_discharge(g: G) -> Doc:
    pt, doc = g.name("IN"), g.name("IN")
    rel = g.name("IN", sex="m")
    adm = g.date()
    age, age_piece = g.age(0.12, 20, 88)
    d = Doc()
    d.f("{h}\nDISCHARGE SUMMARY\nName: {p}   Age/Sex: {a}/{sx}   UHID: {u}\n", h=O(g.ch(ORGS["IN_hosp"])),
        p=g.pform(pt, ["full", "FULL_UPPER", "full"]), a=age_piece, sx="M" if pt.sex == "m" else "F", u=I(g.ids.uhid()))
    if g.p(0.5):
        d.f("{rl} {r}   ", rl=g.ch(["S/o", "C/o"] if pt.sex == "m" else ["D/o", "W/o", "C/o"]), r=g.pform(rel, ["full", "FULL_UPPER"]))
    if g.p(0.5):
        d.f("ABHA No: {abha}   ", abha=I(g.ids.abha()))
    elif g.p(0.5):
        d.f("Aadhaar: {a}   ", a=I(g.ids.aadhaar()))
    d.f("DOA: {a}   DOD: {b}\n", a=g.D(adm, ["uk", "de", "dmon"]), b=g.D(adm + dt.timedelta(days=g.r.randint(2, 12)), ["uk", "de", "dmon"]))
    d.f("Address: {ad}\nPh: {ph}\n", ad=AD(g.address("IN")), ph=PH(g.phone("IN")))
    d.f("Final diagnosis: {dx}. Discharged in stable condition on {dr}.\n", dx=g.ch(DIAG + ["dengue fever with thrombocytopenia", "typhoid fever"]),
        dr=g.ch(DRUGS))
    d.f("Consultant: Dr. {c}{cred} (Reg. No. {rn})", c=g.pform(doc, ["full", "init_last"]), cred=g.ch(g.clin_cred("IN")), rn=I(g.ids.in_reg()))
    return d


def t_de_arztbrief(g: G) -> Doc:
    pt, doc, hausarzt = g.name("DE"), g.name("DE"), g.name("DE")
    adm = g.date()
    age, age_piece = g.age(0.2, 30, 88)
    dob = g.dob(age, adm)
    ins = g.ch(ORGS["DE_ins"])
    d = Doc()
    d.f("{h}, Klinik für {k}\nArztbrief (English translation)\n", h=O(g.ch(ORGS["DE_hosp"])),
        k=g.ch(["Innere Medizin", "Kardiologie", "Neurologie", "Geriatrie"]))
    d.f("Patient: {p}, born {dob}\n{ad}\n", p=g.pform(pt, ["last_first", "full", "FULL_UPPER"]),
        dob=g.D(dob, ["de", "de", "de_long", "de_en", "de_short"]), ad=AD(g.address("DE", multiline=g.p(0.3))))
    d.f("Insurer: {ins}, KVNR {kv}\n", ins=O(ins), kv=I(g.ids.kvnr()))
    d.f("Dear colleague {hv},\nwe report on your patient, who was treated here from {a} to {b} for {dx}",
        hv=g.pform(hausarzt, ["last", "full"]), a=g.D(adm, ["de", "de_short", "de_en"]),
        b=g.D(adm + dt.timedelta(days=g.r.randint(2, 14)), ["de", "de_en"]), dx=g.ch(DIAG))
    if g.p(0.4):
        city, _, land = g.ch([t for t in DE_CITIES if t[0] != t[2]])
        d.f(" (transferred from {c}, {st})", c=(city, "CITY"), st=(g.ch([land, DE_STATE_EN.get(land, land)]), "STATE"))
    d.f(".\nMit freundlichen Grüßen\n{t}{doc}, Oberarzt, LANR {l}", t=g.ch(["Dr. med. ", "Dr. ", "PD Dr. "]),
        doc=g.pform(doc, ["full", "init_last"]), l=I(g.ids.lanr()))
    if g.p(0.5):
        d.f(", Tel. {ph}", ph=PH(g.phone("DE")))
    return d


def t_us_prescription(g: G) -> Doc:
    pt, pr = g.name("US"), g.name("US")
    d0 = g.date()
    age, age_piece = g.age(0.12, 18, 88)
    dob = g.dob(age, d0)
    d = Doc()
    d.f("{pr}{cred}\n", pr=g.pform(pr, ["full", "first_mid_last", "FULL_UPPER"]), cred=g.ch([", MD", ", DO", ", NP", ", PA-C"]))
    d.f("{ad}   Ph {ph}\nNPI: {npi}   DEA: {dea}\n", ad=AD(g.address("US")), ph=PH(g.phone("US")), npi=I(g.ids.npi()),
        dea=I(g.ids.dea(pr.family)))
    d.f("Patient: {pt}   DOB: {dob}   Date: {dd}\n", pt=g.pform(pt, ["full", "LAST_FIRST", "last_first"]),
        dob=g.D(dob, ["us", "us1", "us_short"]), dd=g.D(d0, ["us", "us1"]))
    if g.p(0.5):
        d.f("Address: {ad}\n", ad=AD(g.address("US")))
    d.f("Rx: {drug}\nDisp: #{q} ({qw})   Refills: {rf}\nSig: {sig}\n", drug=g.ch(["oxycodone 5 mg tab", "alprazolam 0.5 mg",
        "amoxicillin 875 mg", "lisinopril 20 mg", "hydrocodone/APAP 5/325", "zolpidem 10 mg", "sertraline 50 mg"]),
        q=str(g.ch([14, 20, 30, 60, 90])), qw=g.ch(["thirty", "twenty", "sixty", "fourteen"]), rf=str(g.r.randint(0, 5)),
        sig=g.ch(["1 tab PO q6h PRN pain", "1 PO daily", "1 PO BID x 10 days", "1 PO qhs PRN sleep"]))
    d.t(g.ch(["Substitution permitted.", "Dispense as written.", "Do not fill before 30 days."]))
    return d


def t_pharmacy_label(g: G) -> Doc:
    cc = g.ch(["US", "CA", "UK", "AU"])
    pt, pr, rph = g.name(cc), g.name(cc), g.name(cc)
    filled = g.date()
    phar = g.ch(ORGS[f"{cc}_pharm"])
    d = Doc()
    d.f("{ph} #{store}   {tel}\n", ph=O(phar), store=str(g.r.randint(1000, 19999)), tel=PH(g.phone(cc)))
    d.f("Rx {rx}   {pt}\n", rx=f"{g.r.randint(1000000, 9999999)}", pt=g.pform(pt, ["FULL_UPPER", "LAST_FIRST", "full"]))
    d.f("{drug}   Qty {q}   Refills left: {rf}\nPrescriber: {p}\n", drug=g.ch(DRUGS), q=str(g.ch([28, 30, 56, 84, 90])),
        rf=str(g.r.randint(0, 5)), p=g.pform(pr, ["init_last", "LAST_FIRST", "full", "FULL_UPPER"]))
    d.f("Filled: {f}   Discard after: {x}   NDC/PIP {ndc}   Lot {lot}\n", f=g.D(filled, ["us", "uk", "us_short"]),
        x=f"{g.r.randint(1, 12):02d}/{g.r.randint(2025, 2027)}", ndc=g.ch([f"{g.r.randint(10000, 99999)}-{g.r.randint(100, 999)}-{g.r.randint(10, 99)}", f"{g.r.randint(1000000, 9999999)}"]),
        lot=lot_no(g))
    d.f("RPh: {r}", r=g.pform(rph, ["init_last", "first", "full"]))
    if cc == "UK" and g.p(0.6):
        d.f(" (GPhC {gp})", gp=I(g.ids.gphc()))
    if g.p(0.5):
        d.f("\nPaid: card ending {l4}, copay {amt}", l4=f"{g.r.randint(1000, 9999)}", amt=g.ch(["$10.00", "$4.99", "$35.00", "£9.90"]))
    return d


def t_pharmacist_intervention(g: G) -> Doc:
    cc = g.ch(["UK", "UK", "AU", "CA"])
    pt, doc, ph_ = g.name(cc), g.name(cc), g.name(cc)
    dd = g.date()
    d = Doc()
    d.f("Pharmacy intervention log {dd} {tm}\n", dd=g.D(dd, ["uk", "dmon", "wd_short"]), tm=f"{g.r.randint(8, 18):02d}:{g.r.randint(0, 59):02d}")
    d.f("Pt: {pt} ({hl} {hn}), Ward {w}\n", pt=g.pform(pt, ["LAST_FIRST", "init_last", "full", "last_first"]),
        hl=g.ch(["MRN", "hosp no", "URN", "NHS"]), hn=I(g.ids.uk_hosp() if cc != "AU" else g.ids.au_urn()), w=f"{g.r.randint(1, 40)}{g.ch('ABC')}")
    d.f("Issue: {iss}. Discussed with {t}{doc} ({role}) via switchboard - agreed to {act}. ",
        iss=g.ch(["eGFR 24, apixaban dose not reduced", "clarithromycin co-prescribed with simvastatin 80 mg",
                  "duplicate PPI on chart", "gentamicin level 2.8 pre-dose", "methotrexate charted daily instead of weekly"]),
        t=g.ch(["Dr ", "Dr. ", ""]), doc=g.pform(doc, ["last", "full", "first"]), role=g.ch(["FY1", "SHO", "reg", "consultant", "RMO"]),
        act=g.ch(["reduce dose", "withhold", "switch to azithromycin", "stop omeprazole", "amend to weekly"]))
    d.f("Pharmacist: {p}", p=g.pform(ph_, ["full", "init_last", "first"]))
    if cc == "UK":
        d.f(", GPhC reg {gp}", gp=I(g.ids.gphc()))
    elif cc == "AU":
        d.f(", AHPRA {a}", a=I("PHA000" + g.ids.digits(7, False)))
    else:
        d.f(", OCP #{o}", o=I(str(g.r.randint(200000, 699999))))
    return d


def t_lab_header(g: G) -> Doc:
    cc = g.ch(["US", "US", "UK", "CA", "AU", "IN"])
    pt, ordr = g.name(cc), g.name(cc)
    coll = g.date()
    age, age_piece = g.age(0.12, 18, 88)
    dob = g.dob(age, coll)
    lab = g.ch(ORGS["lab"])
    dstyle = {"US": ["us"], "UK": ["uk", "dmon"], "CA": ["iso"], "AU": ["uk"], "IN": ["uk", "dmon"]}[cc]
    d = Doc()
    d.f("{lab}   CLINICAL LABORATORY REPORT\n", lab=O(lab.upper() if g.p(0.4) else lab))
    idlab = {"US": "MRN:", "UK": "NHS NO:", "CA": "HCN:", "AU": "URN:", "IN": "UHID:"}[cc]
    idval = {"US": g.ids.us_mrn, "UK": g.ids.nhs, "CA": g.ids.ohip, "AU": g.ids.au_urn, "IN": g.ids.uhid}[cc]()
    d.f("PATIENT: {pt}   DOB: {dob}   AGE: {a}   SEX: {s}\n", pt=g.pform(pt, ["LAST_FIRST", "LAST_FIRST_MI", "LAST^FIRST"]),
        dob=g.D(dob, dstyle), a=age_piece, s="M" if pt.sex == "m" else "F")
    d.f("{il} {iv}   ACCESSION: {acc}   ORDERING: {o}{cred}\n", il=idlab, iv=I(idval),
        acc=g.ch([f"{g.ids.letters(2)}{g.r.randint(10000000, 99999999)}", f"{g.r.randint(24, 25)}-{g.r.randint(100, 365)}-{g.r.randint(1000, 9999)}"]),
        o=g.pform(ordr, ["LAST_FIRST", "LAST_UPPER", "LAST_FIRST_MI"]), cred=g.ch([" MD", ", MD", "", " DO"]))
    d.f("COLLECTED: {c} {t}   RECEIVED: {r} {t2}   STATUS: FINAL\n", c=g.D(coll, dstyle), t=f"{g.r.randint(6, 11):02d}:{g.r.randint(0, 59):02d}",
        r=g.D(coll, dstyle), t2=f"{g.r.randint(12, 16):02d}:{g.r.randint(0, 59):02d}")
    tests = g.r.sample(["NA 134 mmol/L (135-145) L", "K 5.9 mmol/L (3.5-5.1) H", "CREAT 142 umol/L", "HGB 9.8 g/dL L",
                        "WBC 11.2 x10^9/L H", "ALT 88 U/L H", "INR 3.4 H", "HBA1C 8.1 %", "TSH 0.21 mIU/L L",
                        "CRP 46 mg/L H", "PLT 88 x10^9/L L", "TROP-I 0.32 ng/mL H"], 3)
    d.t("\n".join(tests))
    return d


def spoken_digits(s: str, g: G) -> str:
    out = []
    for c in s:
        if c.isdigit():
            out.append("oh" if c == "0" and g.p(0.4) else DIGIT_WORDS[int(c)])
        elif c.isalpha():
            out.append(c.lower())
    return " ".join(out)


def t_mi_transcript(g: G) -> Doc:
    cc = g.ch(["UK", "US", "CA", "AU"])
    caller, agent = g.name(cc), g.name("ANY")
    comp = g.ch(ORGS["pharma"])
    d = Doc()
    d.f("agent thank you for calling {c} medical information my name is {a} how can i help ",
        c=O(comp.lower()) if g.p(0.6) else O(comp), a=g.pn(agent, "lower_first"))
    role = g.ch(["patient", "carer", "pharmacist", "nurse"])
    d.f("caller hi yes my name is {cn} i'm a {role} ", cn=g.pn(caller, "lower"), role=role)
    if g.p(0.3):
        town = {"UK": [t for t, _ in UK_TOWNS], "US": [c for c, _, _ in US_CITIES], "CA": [c for c, _, _ in CA_CITIES],
                "AU": [c for c, _, _ in AU_SUBURBS]}[cc]
        d.f("calling from {c} ", c=(g.ch(town).lower(), "CITY"))
    k = g.r.randint(0, 2)
    if k == 0:
        drug = g.ch(BRANDS).lower()
        d.f("i've been on {dr} since {dd} and i've had a really bad rash ", dr=drug,
            dd=g.D(g.date(), ["spoken", "spoken_us", "spoken"]))
    elif k == 1:
        d.f("my mum is {age} and she took two of her {dr} tablets by mistake this morning ",
            age=A(g.r.randint(90, 99)) if g.p(0.6) else spoken_num(g.r.randint(60, 89)), dr=g.ch(BRANDS).lower())
    else:
        d.f("calling about a temperature excursion for {dr} lot {lot} ", dr=g.ch(BRANDS).lower(), lot=lot_no(g).lower())
    d.t("agent okay i'm sorry to hear that can i take a contact number ")
    phone = g.phone(cc)
    if g.p(0.4):
        ph_txt = spoken_digits(phone, g)
    else:
        ph_txt = phone
    d.f("caller yeah it's {ph} ", ph=PH(ph_txt))
    if g.p(0.6):
        em = g.email(caller)
        if g.p(0.5):
            em = em.replace("@", " at ").replace(".", " dot ")
        d.f("and email {e} ", e=EM(em))
    if g.p(0.5):
        d.f("agent and the date of birth caller {dob} ", dob=g.D(g.dob(), ["dob_spoken", "spoken_y"]))
    d.f("agent thanks {cf} i've logged that under reference {ref}",
        cf=g.pn(caller, g.ch(["lower_first", "lower_first", "lower"])), ref=f"mi {g.r.randint(100000, 999999)}")
    return d


def spoken_num(n: int) -> str:
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    return tens[n // 10] + ("" if n % 10 == 0 else " " + DIGIT_WORDS[n % 10])


def t_nurse_handover(g: G) -> Doc:
    cc = g.ch(["UK", "UK", "AU", "US", "CA"])
    d = Doc()
    nurse_from, nurse_to = g.name(cc), g.name(cc)
    d.f("Handover {w} {shift} {dd} - {nf} to {nt}\n", w=g.ch(["Ward 7B", "AMU", "CCU", "Ward 22", "4 West", "Stroke unit"]),
        shift=g.ch(["nights", "days", "LD"]), dd=g.D(g.date(), ["dm_slash", "short_uk", "uk", "md_slash"]) if cc != "US" else g.D(g.date(), ["md_slash", "us"]),
        nf=g.pform(nurse_from, ["first", "lower_first", "first"]), nt=g.pform(nurse_to, ["first", "lower_first", "init_last"]))
    for _ in range(g.r.randint(2, 3)):
        pt = g.name(cc)
        bed = f"B{g.r.randint(1, 30)}" if g.p(0.5) else f"Bed {g.r.randint(1, 30)}"
        age, age_piece = g.age(0.35, 45, 89)
        sx = "F" if pt.sex == "f" else "M"
        d.f("{b} {t}{p} {a}{sx} ", b=bed, t=g.title(pt) if g.p(0.5) else "", p=g.pform(pt, ["last", "init_last", "full", "LAST_UPPER"]),
            a=age_piece, sx=sx)
        if g.p(0.4):
            d.f("({hn}) ", hn=I(g.ids.uk_hosp() if cc == "UK" else g.ids.au_urn() if cc == "AU" else g.ids.us_mrn()))
        d.t(g.ch(["NOF# POD2, NBM from 00:00, IVI, obs stable. ", "CAP, IV abx, sats 94% RA, NEWS 3. ",
                  "?UTI, confused o/n, CAM+. ", "DKA, FRIII, K 3.4 replaced. ", "post-fall, CTH NAD, L/S obs 1hrly. ",
                  "CCF, fluid rest 1.5L, daily wt. "]))
        if g.p(0.45):
            nk = g.name(cc)
            d.f("NOK {rel} {n} {ph}. ", rel=g.ch(["dtr", "sister", "wife"] if nk.sex == "f" else ["son", "husb", "bro"]),
                n=g.pform(nk, ["first", "full", "first", "last_init"]),
                ph=PH(g.phone(cc)))
        elif g.p(0.3):
            d.f("{r}, ", r=(g.ch(["JW", "Jehovah's Witness", "Muslim", "Orthodox Jewish", "Sikh", "Hindu"]), "NRP"))
            d.t("see care plan. ")
        d.t("\n")
    return d


def t_prior_auth_us(g: G) -> Doc:
    pt, prov, sub = g.name("US"), g.name("US"), g.name("US")
    ins = g.ch(ORGS["US_ins"])
    req = g.date()
    age, age_piece = g.age(0.1, 18, 88)
    dob = g.dob(age, req)
    d = Doc()
    d.f("PRIOR AUTHORIZATION REQUEST - {ins}\nRequest date: {rd}   Ref: {ref}\n", ins=O(ins), rd=g.D(req, ["us", "us1", "long_us"]),
        ref=f"PA{g.r.randint(10000000, 99999999)}")
    lab = g.ch(["Member ID:", "Member #", "Subscriber ID:", "Policy No.", "ID#"])
    d.f("Member: {pt}   DOB: {dob}   {lab} {m}", pt=g.pform(pt, ["LAST_FIRST", "full", "FULL_UPPER"]), dob=g.D(dob, ["us", "us1"]),
        lab=lab, m=I(g.ids.us_member()))
    if g.p(0.5):
        d.f("   Group #: {grp}", grp=f"{g.r.randint(10000, 999999)}")
    if g.p(0.4):
        city, st, z = g.ch(US_CITIES)
        d.f("\nMember state: {st}   ZIP: {z}", st=(g.ch([st, US_STATE_NAMES.get(st, st)]), "STATE"), z=(f"{z}{g.r.randint(0, 99):02d}", "ZIP"))
    if g.p(0.3):
        d.f("   Medicare MBI: {mbi}", mbi=I(g.ids.mbi()))
    elif g.p(0.2):
        d.f("   Subscriber SSN: {ssn}", ssn=(g.ids.ssn(), "SSN"))
    elif g.p(0.3):
        d.f("   SSN (last 4): {l4}", l4=f"{g.r.randint(1000, 9999)}")
    d.t("\n")
    if g.p(0.3):
        d.f("Subscriber: {s} (spouse)\n", s=g.pform(sub, ["full", "LAST_FIRST"]))
    d.f("Prescriber: {p}, MD   NPI {npi}   Ph {ph}{ext}   Fax {fx}\n", p=g.pform(prov, ["full", "LAST_FIRST", "init_last"]),
        npi=I(g.ids.npi()), ph=PH(g.phone("US")), ext=g.ch(["", "", f" x{g.r.randint(10, 999)}", f" ext. {g.r.randint(100, 9999)}"]),
        fx=PH(g.phone("US")))
    d.f("Drug: {dr}   ICD-10: {icd}   Qty/days: {q}\nClinical: failed {f1} and {f2}; {why}.",
        dr=g.ch(["Dupixent 300 mg/2 mL", "Humira Pen 40 mg", "Ozempic 1 mg pen", "Mounjaro 5 mg", "Xolair 150 mg", "Entresto 49/51 mg"]),
        icd=g.ch(["L20.9", "M05.79", "E11.65", "E66.01", "J45.50", "I50.22"]), q=g.ch(["2/28", "4/28", "1/30"]),
        f1=g.ch(["methotrexate", "metformin", "topical steroids", "ICS/LABA"]), f2=g.ch(["sulfasalazine", "glipizide", "tacrolimus", "montelukast"]),
        why=g.ch(["BMI 41", "A1c 9.2%", "EASI 28", "2 ED visits in past 12 months"]))
    return d


def t_prior_auth_private(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "IN", "CA"])
    pt, cons = g.name(cc), g.name(cc)
    ins = g.ch(ORGS[f"{cc}_ins"])
    dd = g.date()
    age, age_piece = g.age(0.1, 25, 88)
    dob = g.dob(age, dd)
    mem_lab, mem = {
        "UK": (g.ch(["Membership no.", "Policy number", "Membership number:"]), g.ch([g.ids.digits(8), f"{g.ids.letters(2)}{g.ids.digits(7)}"])),
        "AU": (g.ch(["Membership #", "Member no."]), g.ids.digits(8) + g.ch(["", "/01", " 02"])),
        "IN": (g.ch(["Policy No.", "Policy Number:"]), f"P/{g.r.randint(100000, 999999)}/01/{g.r.randint(2022, 2025)}/{g.r.randint(100000, 999999)}"),
        "CA": (g.ch(["Certificate #", "Member ID:"]), f"{g.ids.digits(9)}"),
    }[cc]
    d = Doc()
    d.f("Pre-authorisation request to {ins}\nDate: {dd}\n", ins=O(ins), dd=g.D(dd, ["uk", "long_uk", "ord"]))
    d.f("Member: {p}   DOB: {dob}   {ml} {m}\n", p=g.pform(pt, ["full", "last_first", "FULL_UPPER"]), dob=g.D(dob, ["uk", "uk1", "dmon"]),
        ml=mem_lab, m=I(mem))
    if cc == "IN" and g.p(0.6):
        d.f("PAN: {pan}   ", pan=I(g.ids.pan(pt.family)))
    if cc == "AU" and g.p(0.5):
        d.f("Medicare {m}   ", m=I(g.ids.medicare_au()))
    if cc == "UK" and g.p(0.4):
        d.f("NI no. {ni}   ", ni=I(g.ids.nino()))
    d.f("Procedure: {pr} (code {code}) at {h}\n", pr=g.ch(["MRI lumbar spine", "cataract extraction", "knee arthroscopy", "colonoscopy", "hip replacement"]),
        code=g.ch(["W4042", "C7122", "H2002", "49318-00", "S2110"]), h=O(g.ch(ORGS[f"{cc}_hosp"])))
    d.f("Treating specialist: {t}{c}", t=g.ch(["Mr " if cons.sex == "m" else "Ms ", "Dr ", "Dr. "]), c=g.pform(cons, ["full", "init_last", "full"]))
    lic = {"UK": ("GMC", g.ids.gmc()), "AU": ("AHPRA", g.ids.ahpra()), "IN": ("Reg. No.", g.ids.in_reg()), "CA": ("CPSO", g.ids.cpso())}[cc]
    d.f(" ({l} {n})\nContact: {e}", l=lic[0], n=I(lic[1]), e=EM(g.email(pt)))
    return d


def t_travel_assistance(g: G) -> Doc:
    kind = g.ch(["IT", "ES", "ES_NIE", "PL", "NL", "BR", "MX", "SG"])
    cult = {"IT": None, "ES": "hispanic", "ES_NIE": None, "PL": "slavic", "NL": "germanic", "BR": "portuguese", "MX": "hispanic", "SG": "chinese"}[kind]
    faker_loc = {"IT": "it_IT", "ES": "es_ES", "ES_NIE": "fr_FR", "PL": "pl_PL", "NL": "nl_NL", "BR": "pt_BR", "MX": "es_MX", "SG": "en_GB"}[kind]
    if cult and g.p(0.6):
        pt = g.name(culture=cult)
    else:
        f = g.fakers[faker_loc]
        sx = g.ch("mf")
        pt = Name(f.first_name_female() if sx == "f" else f.first_name_male(), f.last_name(), sx, "faker:" + faker_loc, "faker")
    nat = {"IT": "Italian", "ES": "Spanish", "ES_NIE": g.ch(["Romanian", "Moroccan", "Colombian"]), "PL": "Polish",
           "NL": "Dutch", "BR": "Brazilian", "MX": "Mexican", "SG": "Singaporean"}[kind]
    age, age_piece = g.age(0.15, 20, 85)
    dob = g.dob(age)
    idlab, idv = {
        "IT": ("Codice Fiscale", g.ids.codice_fiscale(pt, dob)), "ES": ("DNI", g.ids.dni()), "ES_NIE": ("NIE", g.ids.nie()),
        "PL": ("PESEL", g.ids.pesel(dob, pt.sex)), "NL": ("BSN", g.ids.bsn()), "BR": ("CPF", g.ids.cpf()),
        "MX": ("CURP", g.ids.curp(pt, dob)), "SG": ("NRIC", g.ids.nric())}[kind]
    home_cc = {"IT": "IT", "ES": "ES", "ES_NIE": "ES", "PL": "PL", "NL": "NL", "BR": "BR", "MX": "MX", "SG": "SG"}[kind]
    host_cc = g.ch(["UK", "US", "AU", "DE"])
    host_country = {"UK": g.ch(["UK", "United Kingdom"]), "US": g.ch(["USA", "United States"]), "AU": "Australia", "DE": "Germany"}[host_cc]
    handler = g.name("ANY")
    d = Doc()
    d.f("{ins} - medical assistance case {case}\n", ins=O(g.ch(ORGS["travel_ins"])), case=f"MA{g.r.randint(1000000, 9999999)}")
    d.f("Insured: {p}, {nat} national, DOB {dob}", p=g.pform(pt, ["full", "LAST_FIRST", "full"]), nat=(nat, "NRP"),
        dob=g.D(dob, ["uk", "dmon", "iso"]))
    if g.p(0.35):
        d.f(" (aged {a})", a=age_piece)
    d.f("\n{il}: {iv}   Passport: {pp}\n", il=idlab, iv=I(idv), pp=I(g.ch([g.ids.uk_passport(), g.ids.in_passport(), f"{g.ids.letters(2)}{g.ids.digits(7)}", g.ids.de_passport()])))
    d.f("Currently admitted to {h}, {country}, with {dx} since {since}. ", h=O(g.ch(ORGS[f"{host_cc}_hosp"])),
        country=(host_country, "COUNTRY"), dx=g.ch(DIAG), since=g.D(g.date(), ["uk", "long_uk", "short_uk", "wd_uk"]))
    fam = g.name(culture=cult) if cult else g.name("ANY")
    d.f("Family contact: {rel} {fam}, {ph}. ", rel=g.ch(["wife", "daughter", "sister"] if fam.sex == "f" else ["husband", "son", "brother"]),
        fam=g.pform(fam, ["full", "first"]), ph=PH(g.phone(home_cc)))
    d.f("Guarantee of payment issued up to {amt}. Handler: {h}", amt=g.ch(["EUR 15,000", "GBP 8,000", "USD 25,000", "AUD 12,000"]),
        h=g.pform(handler, ["first", "full", "init_last"]))
    return d


def t_portal_message(g: G) -> Doc:
    cc = g.ch(["US", "UK", "CA", "AU"])
    pt, doc = g.name(cc), g.name(cc)
    d = Doc()
    d.f("Patient portal message - from {p}\n", p=g.pform(pt, ["full", "full", "LAST_FIRST"]))
    d.f("hi {t}{doc} its {me} ", t=g.ch(["dr ", "doctor ", "dr. "]), doc=g.pn(doc, g.ch(["last", "lower_last", "lower_last"])),
        me=g.pn(pt, g.ch(["lower_first", "lower"])))
    k = g.r.randint(0, 3)
    if k == 0:
        d.f("my pharmacy says the refill for my {dr} needs a new script can you send it to {ph} on {st} ",
            dr=g.ch(BRANDS).lower(), ph=O(g.ch(ORGS[f"{cc}_pharm"])), st=g.ch(["main st", "the high street", "queen st", "king st"]))
    elif k == 1:
        d.f("i moved so my new address is {ad} and my cell is {ph} ", ad=AD(g.address(cc).lower() if g.p(0.5) else g.address(cc)),
            ph=PH(g.phone(cc)))
    elif k == 2:
        d.f("i have my appointment on {dd} but i'll be in {city} visiting my son can we do telehealth ",
            dd=g.D(g.date(), ["md_slash", "short_us", "wd_us", "ord_of", "dm_slash"]),
            city=(g.ch(["Phoenix", "Lagos", "Manila", "Pune", "Toronto", "Brisbane", "Leeds", "Houston", "Kraków"]), "CITY"))
    else:
        d.f("my insurance changed to {ins} new member id is {m} ", ins=O(g.ch(ORGS[f"{cc}_ins"] if cc != "US" else ORGS["US_ins"])),
            m=I(g.ids.us_member().lower() if g.p(0.5) else g.ids.us_member()))
    d.f("thanks\n{sig}", sig=g.pn(pt, g.ch(["lower_first", "first", "first"])))
    if g.p(0.4):
        d.f("\n-- reply from {n}, {role}: ", n=g.pform(g.name(cc), ["first", "full"]), role=g.ch(["RN", "MA", "front desk", "practice nurse"]))
        d.t(g.ch(["sent to the on-call provider.", "updated on file, thanks!", "scheduled, link will be emailed."]))
    return d


def t_portal_it(g: G) -> Doc:
    cc = g.ch(["US", "UK", "AU", "CA"])
    pt, agent = g.name(cc), g.name("ANY")
    dd = g.date()
    host = g.ch(["mychart.riversidehealth.org", "portal.mercygeneral.org", "patients.kingsway-mc.nhs.uk", "myhealth.cedarvalley.org"])
    d = Doc()
    d.f("Portal support - {tk}\nUser: {p} <{e}>\n", tk=f"SR-{g.r.randint(100000, 999999)}", p=g.pform(pt, ["full", "first_mid_last"]),
        e=EM(g.email(pt)))
    d.f("Locked out after 5 failed logins on {dd} {tm} from {ip}", dd=g.D(dd, ["iso", "us", "uk", "mon_us"]),
        tm=f"{g.r.randint(0, 23):02d}:{g.r.randint(0, 59):02d}",
        ip=(g.ch([f"{g.r.randint(11, 223)}.{g.r.randint(0, 255)}.{g.r.randint(0, 255)}.{g.r.randint(1, 254)}",
                  f"10.{g.r.randint(0, 255)}.{g.r.randint(0, 255)}.{g.r.randint(1, 254)}",
                  f"2001:db8:{g.r.randint(0, 65535):x}:{g.r.randint(0, 65535):x}::{g.r.randint(1, 4095):x}"]), "IP_ADDRESS"))
    d.f(". Identity verified (DOB + {lab} {mrn}). Reset link sent: {u}\n", lab=g.ch(["MRN", "patient ID", "pt id"]),
        mrn=I(g.ids.us_mrn()), u=(f"https://{host}/reset?token={''.join(g.r.choice(string.ascii_letters + string.digits) for _ in range(16))}", "URL"))
    d.f("Agent: {a}   Browser: Chrome 124 / Windows 11", a=g.pform(agent, ["first", "init_last", "full"]))
    return d


def t_consumer_webform(g: G) -> Doc:
    cc = g.ch(["UK", "US", "CA", "AU", "IN"])
    rep = g.name(cc)
    pt_rel = g.ch(["myself", "my father", "my mother", "my husband", "my wife", "my grandmother"])
    age, age_piece = g.age(0.3, 18, 88)
    d = Doc()
    d.f("Online adverse event form - submitted {dd}\n", dd=g.D(g.date(), ["iso", "uk", "us", "long_uk"]))
    d.f("Reporter name: {n}\nEmail: {e}\nPhone: {ph}\n", n=g.pform(rep, ["full", "full", "lower", "FULL_UPPER"]), e=EM(g.email(rep)),
        ph=PH(g.phone(cc)))
    cntry = {"UK": ["United Kingdom", "UK", "England"], "US": ["United States", "USA"], "CA": ["Canada"], "AU": ["Australia"], "IN": ["India"]}[cc]
    k = g.ch([0, 0, 1, 1, 1, 2])
    if k == 0:
        d.f("Country: {c}\n", c=(g.ch(cntry), "COUNTRY"))
    elif k == 1:
        city, region, post = {
            "UK": lambda: (lambda t: (t[0], None, f"{t[1]}{g.r.randint(1, 20)}"))(g.ch(UK_TOWNS)),
            "US": lambda: (lambda t: (t[0], g.ch([t[1], US_STATE_NAMES.get(t[1], t[1])]), f"{t[2]}{g.r.randint(0, 99):02d}"))(g.ch(US_CITIES)),
            "CA": lambda: (lambda t: (t[0], t[1], None))(g.ch(CA_CITIES)),
            "AU": lambda: (lambda t: (t[0], t[1], t[2]))(g.ch(AU_SUBURBS)),
            "IN": lambda: (lambda t: (t[0], t[2], t[1]))(g.ch(IN_CITIES)),
        }[cc]()
        d.f("City: {c}\n", c=(city, "CITY"))
        if region:
            d.f("State/Province: {s}\n", s=(region, "STATE"))
        if post:
            d.f("{pl}: {z}\n", pl={"US": "ZIP code", "UK": "Postcode (first part)", "IN": "PIN"}.get(cc, "Postcode"), z=(post, "ZIP"))
        d.f("Country: {c}\n", c=(g.ch(cntry), "COUNTRY"))
    d.f("Patient: {rel}, age {a}\n", rel=pt_rel, a=age_piece)
    d.f("Product: {br}  Batch: {lot}\nWhat happened: {txt}",
        br=g.ch(BRANDS), lot=lot_no(g), txt=g.ch(["dizzy and fell after first dose", "mouth ulcers and swollen lips",
                                               "injection pen jammed, missed a dose", "heart racing at night",
                                               "lost sense of taste", "bad stomach pains, GP stopped it"]))
    if g.p(0.5):
        d.f(", started {s}", s=g.D(g.date(), ["long_uk", "ord_of", "short_us", "uk"]))
    d.t(".\nConsent to follow-up: Yes")
    if g.p(0.4):
        d.f("\nTreating doctor: {t}{dn}", t=g.ch(["Dr ", "Dr. ", ""]), dn=g.pform(g.name(cc), ["last", "full"]))
    return d


def t_us_intake(g: G) -> Doc:
    pt, ec = g.name("US"), g.name("US")
    age, age_piece = g.age(0.1, 18, 88)
    dob = g.dob(age)
    d = Doc()
    d.f("NEW PATIENT REGISTRATION - {h}\n", h=O(g.ch(ORGS["US_hosp"])))
    d.f("Name (Last, First MI): {n}\nDOB: {dob}   Sex: {s}\nSSN: {ssn}\n", n=g.pform(pt, ["LAST_FIRST_MI", "last_first"]),
        dob=g.D(dob, ["us", "us1"]), s=g.ch("MF"), ssn=(g.ids.ssn(), "SSN"))
    if g.p(0.6):
        d.f("Driver's license: {dl} ({st})\n", dl=I(g.ids.us_dl()), st=g.ch(["CA", "TX", "NY", "IL", "GA", "OH"]))
    d.f("Home address: {ad}\nCell: {ph}   Email: {e}\n", ad=AD(g.address("US")), ph=PH(g.phone("US")), e=EM(g.email(pt)))
    d.f("Emergency contact: {ec} ({rel}) {ph}\n", ec=g.pform(ec, ["full", "first"]), rel=g.ch(["spouse", "mother", "son", "partner"]),
        ph=PH(g.phone("US")))
    if g.p(0.4):
        d.f("Religion (optional): {r}\n", r=(g.ch(["Catholic", "Baptist", "Muslim", "Jewish", "Buddhist", "Mormon"]), "NRP"))
    d.f("Primary ins: {i}  ID {m}", i=O(g.ch(ORGS["US_ins"])), m=I(g.ids.us_member()))
    return d


def t_pharmacy_phone_order(g: G) -> Doc:
    cc = g.ch(["US", "UK", "CA"])
    pt, tech = g.name(cc), g.name(cc)
    d = Doc()
    d.f("{ph} - phone order note {dd}\n", ph=O(g.ch(ORGS[f"{cc}_pharm"])), dd=g.D(g.date(), ["us", "uk", "iso"]))
    d.f("Caller {p} (DOB {dob}) requests home delivery of {dr}. ", p=g.pform(pt, ["full", "last_first", "first"]),
        dob=g.D(g.dob(), ["us", "uk", "us1"]), dr=g.ch(DRUGS))
    d.f("Deliver to {ad}. ", ad=AD(g.address(cc)))
    if g.p(0.6):
        d.f("Paid by card {cc_} exp {ex} ", cc_=(g.ids.credit_card(), "CREDIT_CARD"), ex=f"{g.r.randint(1, 12):02d}/{g.r.randint(26, 30)}")
        d.t("(cardholder verified).")
    else:
        d.f("Card on file ending {l4}.", l4=f"{g.r.randint(1000, 9999)}")
    d.f(" Taken by {t}.", t=g.pform(tech, ["first", "init_last", "lower_first"]))
    return d


def t_community_referral(g: G) -> Doc:
    cc = g.ch(["UK", "UK", "AU"])
    pt, nurse, carer = g.name(cc), g.name(cc), g.name(cc)
    age, age_piece = g.age(0.45, 65, 89)
    d = Doc()
    d.f("District nursing referral\nFrom: {n}, {role}", n=g.pform(nurse, ["full", "init_last"]), role=g.ch(["RN", "Staff Nurse", "Discharge Coordinator", "CNS"]))
    if cc == "UK":
        d.f(" (NMC PIN {pin})", pin=I(g.ids.nmc_pin()))
    else:
        d.f(" (AHPRA {a})", a=I(g.ids.ahpra(nurse=True)))
    d.f("\nPatient: {t}{p}, {a} yrs, {idl} {idv}\n", t=g.title(pt), p=g.pform(pt, ["full", "init_last", "last"]), a=age_piece,
        idl="NHS no" if cc == "UK" else "Medicare", idv=I(g.ids.nhs() if cc == "UK" else g.ids.medicare_au()))
    rel = ("his " if pt.sex == "m" else "her ") + g.ch(["daughter", "carer"] if carer.sex == "f" else ["son", "carer"])
    if carer.sex != pt.sex and g.p(0.5):
        rel = "her husband" if pt.sex == "f" else "his wife"
    d.f("Lives at {ad} with {rel} {c}", ad=AD(g.address(cc)), rel=rel,
        c=g.pform(carer, ["first", "full"]))
    d.f(" ({ph}). Key safe code given verbally. Needs {need} from {dd}.", ph=PH(g.phone(cc)),
        need=g.ch(["daily insulin", "dressings to sacral PU grade 2", "LMWH injections x 28 days", "catheter care", "end-of-life symptom review"]),
        dd=g.D(g.date(), ["wd_uk", "ord_of", "uk", "wd_short", "short_uk"]))
    if g.p(0.35):
        d.f(" {pos} {rel2}'s car ({plate}) may be parked in the bay.", pos="Note:",
            rel2=g.pn(carer, "first"), plate=I(g.ids.uk_plate()))
    return d


def t_vaccination_record(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "CA", "US"])
    pt, vac = g.name(cc), g.name(cc)
    d0 = g.date()
    age, age_piece = g.age(0.3, 50, 89)
    dob = g.dob(age, d0)
    d = Doc()
    d.f("Immunisation record\n{p}   DOB {dob}", p=g.pform(pt, ["FULL_UPPER", "full", "LAST_FIRST"]),
        dob=g.D(dob, ["uk", "us", "iso", "dmon"]))
    if g.p(0.4):
        d.f("   (age {a})", a=age_piece)
    idl, idv = {"UK": ("NHS", g.ids.nhs()), "AU": ("Medicare", g.ids.medicare_au()), "CA": ("PHN", g.ids.bc_phn()), "US": ("MRN", g.ids.us_mrn())}[cc]
    d.f("   {l} {v}\n", l=idl, v=I(idv))
    d.f("Vaccine: {vac}   Batch: {b}   Site: {site}\nGiven: {dd} {tm} at {where}\n",
        vac=g.ch(["Comirnaty XBB.1.5", "Fluad Tetra", "Shingrix dose 2", "Prevenar 20", "Arexvy (RSV)"]), b=lot_no(g),
        site=g.ch(["L deltoid", "R deltoid"]), dd=g.D(d0, ["uk", "us", "iso", "long_uk", "wd_full"]),
        tm=f"{g.r.randint(9, 17)}:{g.ch(['05', '20', '35', '50'])}",
        where=O(g.ch(ORGS[f"{cc}_pharm"] + ORGS[f"{cc}_hosp"])))
    d.f("Vaccinator: {v}", v=g.pform(vac, ["full", "init_last", "first"]))
    if g.p(0.5):
        d.f(". Next dose due {n}", n=g.D(d0 + dt.timedelta(days=g.r.randint(56, 180)), ["uk", "long_uk", "short_us", "ord_of"]))
    d.t(". No immediate reaction observed (15 min).")
    return d


def t_screening_log(g: G) -> Doc:
    site = site_no(g)
    cc = g.ch(["UK", "US", "DE"])
    d = Doc()
    d.f("Screening & enrolment log - Site {s} - {p}\nPI: {pi}\n", s=site, p=protocol_no(g),
        pi=g.pform(g.name(cc), ["full", "LAST_FIRST", "init_last"]))
    for _ in range(g.r.randint(2, 4)):
        scr = g.ch([f"S{g.r.randint(1, 999):03d}", f"SCR-{site}-{g.r.randint(1, 99):02d}", f"{g.r.randint(1000, 9999)}"])
        icf = g.date()
        status = g.ch(["enrolled", "screen fail (I/E 4)", "withdrew consent", "enrolled", "pending labs"])
        d.f("Scr {scr} | consent {icf} | {st}", scr=I(scr), icf=g.D(icf, ["dmon", "DMON", "uk", "iso"]), st=status)
        if status == "enrolled":
            d.f(" -> {sid}", sid=I(subject_id(g, site)))
        d.t("\n")
    d.f("Log reviewed by {c} {dd}", c=g.pform(g.name("ANY"), ["init_last", "first", "full"]), dd=g.D(g.date(), ["dmon", "uk", "iso"]))
    return d


def t_telephone_triage(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "CA"])
    caller, pt, clin = g.name(cc), g.name(cc), g.name(cc)
    age, age_piece = g.age(0.4, 60, 89)
    d = Doc()
    d.f("Telephone consultation {dd} {tm}\nCaller: {c} ({rel}), cb {ph}\n", dd=g.D(g.date(), ["uk", "short_uk", "wd_short"]),
        tm=f"{g.r.randint(8, 20):02d}{g.ch(['00', '15', '40'])}", c=g.pform(caller, ["full", "first", "full"]),
        rel=g.ch(["daughter", "son", "grandson", "neighbour", "care home staff"]), ph=PH(g.phone(cc)))
    d.f("Re: {t}{p}, {a}, ", t=g.title(pt), p=g.pform(pt, ["last", "full", "init_last"]), a=age_piece)
    if g.p(0.5):
        d.f("resident at {h} care home, ", h=O(g.ch(["Rosewood", "Ashfield Lodge", "Meadowbank", "Cherry Tree House", "St Anne's"])))
    d.f("{sx}. ", sx=g.ch(["more confused since yesterday, not eating", "fall this morning, ?hip pain", "temp 38.4, productive cough",
                           "leg swelling worse over 3 days"]))
    d.f("Advised {adv}. {clin}", adv=g.ch(["home visit today", "999 if deteriorates", "urine dip and review at 1600", "attend ED"]),
        clin=g.pform(clin, ["init_last", "full", "first"]))
    d.t(g.ch([" (ANP)", " GP", ", Paramedic Practitioner", ""]))
    return d


def t_sponsor_letter_site(g: G) -> Doc:
    cc = g.ch(["UK", "DE", "AU", "IN", "US"])
    pi = g.name(cc)
    comp = g.ch(ORGS["pharma"])
    hosp = g.ch(ORGS[f"{cc}_hosp"])
    d = Doc()
    d.f("{c}\n{dd}\n\n{t}{pi}\nPrincipal Investigator, {h}\n", c=O(comp), dd=g.D(g.date(), ["long_uk", "long_us", "ord"]),
        t=g.ch(["Dr ", "Prof. ", "Dr. "]), pi=g.pform(pi, ["full", "first_mid_last", "init2_last", "init2_tight"]), h=O(hosp))
    if g.p(0.5):
        d.f("{ad}\n", ad=AD(g.address(cc)))
    d.f("\nRe: Study {p} - Site {s} - Dear Investigator Letter (SUSAR)\n", p=protocol_no(g), s=site_no(g))
    d.f("Dear {t}{pl},\nPlease find attached the line listing of SUSARs received between {a} and {b}. ",
        t=g.ch(["Dr ", "Prof. ", "Dr. "]), pl=g.pform(pi, ["last", "last", "full"]),
        a=g.D(g.date(), ["long_uk", "dmon", "long_us"]), b=g.D(g.date(), ["long_uk", "dmon", "long_us"]))
    d.t("File in the ISF and forward to your EC/IRB as required. ")
    d.f("Questions: {e}", e=EM(g.ch(["clinops", "study.support", "medical.monitor", "ctm"]) + "@" + re.sub(r"[^a-z]", "", comp.lower().split()[0]) + ".com"))
    if g.p(0.5):
        d.t(g.ch([f"\nRegistered in England No. {g.r.randint(1000000, 9999999):08d}. VAT GB {g.r.randint(100, 999)} {g.r.randint(1000, 9999)} {g.r.randint(10, 99)}",
                  f"\nHRB {g.r.randint(10000, 99999)} Amtsgericht München - USt-IdNr. DE{g.r.randint(100000000, 999999999)}",
                  f"\nCIN U24230MH{g.r.randint(1990, 2015)}PTC{g.r.randint(100000, 999999)}"]))
    return d


def t_sms_reminder_log(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "US", "IN"])
    d = Doc()
    d.f("Outbound SMS log - {org}\n", org=O(g.ch(ORGS[f"{cc}_hosp"])))
    for _ in range(g.r.randint(2, 3)):
        pt = g.name(cc)
        dd = g.date()
        d.f("to={ph} name={n} appt={ad} clinic={cl} status={st}\n", ph=PH(g.phone(cc).replace(" ", "") if g.p(0.5) else g.phone(cc)),
            n=g.pform(pt, ["first", "lower_first", "full", "LAST_UPPER"]), ad=g.D(dd, ["iso", "uk", "us"]),
            cl=g.ch(["ORTHO", "DIAB", "ANTICOAG", "RESP", "FRACTURE"]), st=g.ch(["DELIVERED", "FAILED", "OPT_OUT"]))
    d.t("Template: \"Hi <first>, reminder of your appointment on <date>. Reply C to cancel.\"")
    return d


def t_death_notification(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "CA"])
    pt, doc, nok = g.name(cc), g.name(cc), g.name(cc)
    age, age_piece = g.age(0.55, 60, 89)
    died = g.date()
    d = Doc()
    d.f("Notification of death\nName: {p}   Age: {a}   {il} {iv}\n", p=g.pform(pt, ["LAST_FIRST", "full", "FULL_UPPER"]), a=age_piece,
        il={"UK": "NHS no.", "AU": "URN", "CA": "Health card"}[cc], iv=I({"UK": g.ids.nhs, "AU": g.ids.au_urn, "CA": g.ids.ohip}[cc]()))
    d.f("Date of death: {dd} at {tm}, {h}\n", dd=g.D(died, ["uk", "long_uk", "wd_full", "dmon"]), tm=f"{g.r.randint(0, 23):02d}:{g.r.randint(0, 59):02d}",
        h=O(g.ch(ORGS[f"{cc}_hosp"])))
    d.f("Verified by: {dr}, {role}\nNOK: {nk} ({rel}), informed by phone {ph}\n", dr=g.pform(doc, ["full", "init_last"]),
        role=g.ch(["FY2", "Registrar", "Consultant", "RMO"]), nk=g.pform(nok, ["full", "first", "last_first"]), rel=g.ch(["daughter", "wife", "niece"] if nok.sex == "f" else ["son", "husband", "nephew"]),
        ph=PH(g.phone(cc)))
    if g.p(0.5):
        d.f("Faith: {r}; ", r=(g.ch(["Muslim", "Jewish", "Hindu", "Sikh", "Catholic", "Church of England"]), "NRP"))
        d.t("family request timely release of body.\n")
    d.t("Coroner referral: " + g.ch(["not required", "yes - fall with fracture", "discussed, not required"]))
    return d


def t_hl7_pid(g: G) -> Doc:
    cc = g.ch(["US", "US", "CA", "AU"])
    pt, ordr = g.name(cc), g.name(cc)
    dob = g.dob()
    obs = g.date()
    fac = g.ch(ORGS[f"{cc}_hosp"])
    idv = {"US": g.ids.us_mrn, "CA": g.ids.ohip, "AU": g.ids.au_urn}[cc]()
    d = Doc()
    d.f("MSH|^~\\&|LAB|{fac}|EHR|{fac2}|{ts}||ORU^R01|{ctl}|P|2.5.1\n", fac=O(fac), fac2=g.ch(["MAIN", "ADT", "CERNER", "EPIC"]),
        ts=f"{obs.year}{obs.month:02d}{g.r.randint(0, 23):02d}{g.r.randint(0, 59):02d}", ctl=f"MSG{g.r.randint(100000, 999999)}")
    d.f("PID|1||{mrn}^^^{aa}^MR||{nm}||{dob}|{sx}|||{ad}||{ph}\n", mrn=I(idv), aa=g.ch(["MRN", "HOSP", "URN"]),
        nm=g.pn(pt, "LAST^FIRST"), dob=D(dob.strftime("%Y%m%d")), sx="M" if pt.sex == "m" else "F",
        ad=AD(g.address(cc).replace(", ", "^")), ph=PH(g.phone(cc)))
    d.f("ORC|RE|{ord}||||||||||{npi}^{onm}\n", ord=f"ORD{g.r.randint(1000000, 9999999)}", npi=I(g.ids.npi()) if cc == "US" else I(g.ids.cpso() if cc == "CA" else g.ids.ahpra()),
        onm=g.pn(ordr, "LAST^FIRST"))
    d.f("OBX|1|NM|2160-0^Creatinine^LN||{v}|mg/dL|0.6-1.3|{fl}|||F|||{o}", v=f"{g.r.randint(6, 40) / 10:.1f}",
        fl=g.ch(["H", "N", "L"]), o=D(obs.strftime("%Y%m%d")))
    return d


def t_occ_health_uk(g: G) -> Doc:
    emp, mgr, oh = g.name("UK"), g.name("UK"), g.name("UK")
    employer = g.ch(["Northern Rail Services Ltd", "Halden Logistics", "Tesco Stores Ltd", "Leeds City Council", "Arla Foods UK",
                     "Royal Mail Group", "Greggs plc", "Sainsbury's Supermarkets Ltd", "Capita plc"])
    d = Doc()
    d.f("OCCUPATIONAL HEALTH MANAGEMENT REFERRAL - CONFIDENTIAL\nEmployer: {e}\n", e=O(employer))
    d.f("Employee: {n}   {el} {eid}   NI: {ni}\n", n=g.pform(emp, ["full", "last_first", "FULL_UPPER"]),
        el=g.ch(["Emp ID", "Employee No.", "Staff no:", "Payroll #"]), eid=I(g.ch([f"E{g.r.randint(10000, 99999)}", str(g.r.randint(100000, 999999)),
                                                                               f"{g.ids.letters(2)}-{g.r.randint(1000, 9999)}"])),
        ni=I(g.ids.nino()))
    absent = g.date()
    d.f("Role: {r}   Absent since: {a}   Fit note expires: {b}\n", r=g.ch(["HGV driver", "warehouse operative", "care assistant", "customer advisor"]),
        a=g.D(absent, ["uk", "long_uk", "ord"]), b=g.D(absent + dt.timedelta(days=g.r.randint(14, 60)), ["uk", "long_uk"]))
    if g.p(0.5):
        d.f("Driving licence no.: {dl}\n", dl=I(uk_driving_licence(g, emp)))
    d.f("Reason: {rs}. Referring manager: {m} ({me}). ", rs=g.ch(["recurrent back pain", "anxiety and low mood", "post-op recovery", "epilepsy review for driving duties"]),
        m=g.pform(mgr, ["full", "init_last"]), me=EM(g.staff_email(mgr, g.ch(["company.co.uk", "nhs.net", "council.gov.uk"]))))
    d.f("Please advise on {pos} fitness and adjustments.\nOH adviser: {oh}, RGN", pos=g.pn(emp, "first") if g.p(0.3) else "their", oh=g.pform(oh, ["full", "first"]))
    return d


def uk_driving_licence(g: G, nm: Name) -> str:
    fam = re.sub(r"[^A-Z]", "", strip_accents(nm.family).upper())[:5].ljust(5, "9")
    dob = g.dob()
    mm = dob.month + (50 if nm.sex == "f" else 0)
    ini = (strip_accents(nm.given)[0] + (nm.mid or "9")).upper()
    return f"{fam}{str(dob.year)[2]}{mm:02d}{dob.day:02d}{str(dob.year)[3]}{ini}9{g.ids.letters(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}"


def t_workers_comp_au(g: G) -> Doc:
    w, gp = g.name("AU"), g.name("AU")
    employer = g.ch(["Bluescope Steel", "Woolworths Group", "Coles Supermarkets", "Lendlease", "Toll Group", "Qantas Airways", "Bunnings Warehouse"])
    inj = g.date()
    d = Doc()
    d.f("Workers compensation - certificate of capacity\nClaim no. {c}   Insurer: {i}\n", c=f"{g.r.randint(10000000, 99999999)}",
        i=O(g.ch(["icare NSW", "WorkSafe Victoria", "WorkCover Queensland", "Allianz Australia", "GIO Workers Compensation"])))
    d.f("Worker: {n}   DOB {dob}   Phone {ph}\n", n=g.pform(w, ["full", "LAST_FIRST", "last_first"]), dob=g.D(g.dob(), ["uk", "uk1"]), ph=PH(g.phone("AU")))
    d.f("Address: {ad}\n", ad=AD(g.address("AU")))
    if g.p(0.6):
        d.f("TFN: {t}   ", t=I(g.ids.tfn()))
    d.f("Medicare: {m}\nEmployer: {e}   Injury date: {dd}\n", m=I(g.ids.medicare_au()), e=O(employer), dd=g.D(inj, ["uk", "wd_full", "mon_uk"]))
    d.f("Diagnosis: {dx}. Fit for modified duties from {a}. ", dx=g.ch(["L4/5 disc prolapse", "R wrist fracture", "rotator cuff tear", "adjustment disorder"]),
        a=g.D(inj + dt.timedelta(days=g.r.randint(7, 40)), ["uk", "long_uk", "short_uk"]))
    d.f("Medical practitioner: Dr {gp}, provider no. {pno}, AHPRA {ah}", gp=g.pform(gp, ["full", "init_last"]),
        pno=I(f"{g.r.randint(100000, 999999)}{g.ids.letters(1)}{g.ids.letters(1, 'ABCDEFGHJKLTWXY')}"), ah=I(g.ids.ahpra()))
    return d


def t_disability_claim_ca(g: G) -> Doc:
    cl, md = g.name("CA"), g.name("CA")
    ins = g.ch(ORGS["CA_ins"])
    employer = g.ch(["Canadian Tire Corporation", "Loblaw Companies", "TD Bank Group", "City of Winnipeg", "Purolator Inc.", "Bell Canada"])
    d = Doc()
    d.f("{ins} - Short-term disability claim, Attending Physician Statement\n", ins=O(ins))
    d.f("Plan member: {n}   Certificate/ID: {c}   SIN: {sin}\n", n=g.pform(cl, ["full", "LAST_FIRST"]), c=I(g.ids.digits(g.ch([7, 8, 9]))),
        sin=I(g.ids.sin()))
    d.f("Plan sponsor: {e}, policy {pol}\n", e=O(employer), pol=f"{g.r.randint(10000, 99999)}")
    d.f("First off work: {a}   Expected return: {b}\nDx: {dx}. Restrictions: {rs}.\n", a=g.D(g.date(), ["iso", "long_us", "mon_us"]),
        b=g.D(g.date(), ["iso", "long_us"]), dx=g.ch(["major depressive episode", "post-concussion syndrome", "lumbar radiculopathy", "long COVID fatigue"]),
        rs=g.ch(["no lifting > 10 kg", "no night shifts", "graduated return 4 h/day"]))
    d.f("Physician: Dr. {m}, CPSO #{cp}   {ph}", m=g.pform(md, ["full", "init_last", "last_init"]), cp=I(g.ids.cpso()), ph=PH(g.phone("CA")))
    if g.p(0.4):
        d.t(" ext. " + str(g.r.randint(100, 4999)))
    return d


def t_de_private_insurer(g: G) -> Doc:
    pt = g.name("DE")
    ins = g.ch(["Debeka", "Allianz Private Krankenversicherung", "AXA Krankenversicherung", "Signal Iduna", "HUK-COBURG Krankenversicherung"])
    d = Doc()
    d.f("{ins} - Reimbursement statement (Leistungsabrechnung)\n", ins=O(ins))
    d.f("Insured person: {n}   Policy no. {pol}   Steuer-ID: {st}\n", n=g.pform(pt, ["last_first", "full", "FULL_UPPER"]),
        pol=I(g.ch([f"{g.r.randint(100, 999)}/{g.r.randint(100000, 999999)}-{g.r.randint(1, 9)}", f"KV{g.ids.digits(9)}", f"{g.ids.digits(10)}"])),
        st=I(g.ids.steuer_id()))
    d.f("{ad}\n", ad=AD(g.address("DE")))
    d.f("Invoices received {a}: Dr. {doc} ({amt1}), {ph} ({amt2}).\n", a=g.D(g.date(), ["de", "de_long", "de_en"]),
        doc=g.pform(g.name("DE"), ["full", "last"]), amt1=g.ch(["EUR 214,37", "EUR 88,50", "EUR 1.204,00"]),
        ph=O(g.ch(ORGS["DE_pharm"])), amt2=g.ch(["EUR 36,12", "EUR 9,80", "EUR 142,65"]))
    d.f("Payment to IBAN {ib} on {b}. Deductible remaining: EUR 300,00.", ib=(g.ids.iban("DE"), "IBAN"), b=g.D(g.date(), ["de", "de_short"]))
    return d


def t_clinic_letter_cc(g: G) -> Doc:
    cc = g.ch(["UK", "UK", "AU", "IN"])
    pt, cons, gp, reg = g.name(cc), g.name(cc), g.name(cc), g.name("ANY")
    clinic = g.date()
    age, age_piece = g.age(0.2, 30, 88)
    dob = g.dob(age, clinic)
    hosp = g.ch(ORGS[f"{cc}_hosp"])
    idl, idv = {"UK": ("NHS", g.ids.nhs()), "AU": ("URN", g.ids.au_urn()), "IN": ("UHID", g.ids.uhid())}[cc]
    d = Doc()
    d.f("{h} - {spec} Outpatients\nClinic date: {cd}   Dictated: {t}{c}   Typed: {ty}\n", h=O(hosp), spec=g.ch(HOSPITAL_SPEC),
        cd=g.D(clinic, ["uk", "long_uk", "dmon"]), t=g.ch(["Dr ", "Prof ", ""]), c=g.pform(cons, ["init_last", "last", "full"]),
        ty=g.pform(g.name(cc), ["init_last", "lower_first", "first"]) if g.p(0.7) else "KT/vr")
    d.f("Re: {p} ({idl} {idv}), DOB {dob}\n", p=g.pform(pt, ["last_first", "LAST_FIRST", "full", "last_init"]), idl=idl, idv=I(idv),
        dob=g.D(dob, ["uk", "dmon"]))
    pr = "his" if pt.sex == "m" else "her"
    d.f("I reviewed {pn} today with {pos} {rel}. {pp} symptoms are improving on {dr}. ",
        pn=g.pn(pt, g.ch(["first", "last", "full"])) if g.p(0.5) else ("this " + ("gentleman" if pt.sex == "m" else "lady")),
        pos=pr, rel=g.ch(["wife", "son", "daughter", "carer"]),
        pp=[(pt.render(g.ch(["first", "last"])), "PERSON", pt.src), "'s"] if g.p(0.5) else pr.capitalize(), dr=g.ch(DRUGS))
    d.f("I have asked {reg} to book a repeat echo.\n", reg=g.pform(reg, ["full", "first", "init_last"]))
    d.f("cc: Dr {gp}, {prac}; {pt2}", gp=g.pform(gp, ["init_last", "last_init", "full"]),
        prac=O(g.ch(ORGS["UK_gp"])) if cc == "UK" else "GP", pt2=g.pform(pt, ["full", "init_last"]))
    if g.p(0.4):
        d.t(" (patient)")
    return d


def t_pv_rep_intake(g: G) -> Doc:
    cc = g.ch(["UK", "US", "AU", "CA"])
    rep, hcp, pt = g.name(cc, culture="anglo"), g.name(cc, culture="anglo"), g.name(cc)
    comp = g.ch(ORGS["pharma"])
    d = Doc()
    d.f("AE intake via field force - {c}\nReported by: {r} (Key Account Manager)\nDate aware: {da}\n", c=O(comp),
        r=g.pform(rep, ["full", "full", "last_first"]), da=g.D(g.date(), ["dmon", "uk", "us", "iso"]))
    d.f("During a call at {org}, {t}{h} mentioned that one of {pos} patients ({ini}, {sx}) experienced {ev} after the second dose of {br}. ",
        org=O(g.ch(ORGS[f"{cc}_hosp"] if cc != "UK" else ORGS["UK_gp"])), t=g.ch(["Dr ", "Dr. "]), h=g.pform(hcp, ["full", "last"]),
        pos="his" if hcp.sex == "m" else "her", ini=g.ch(["initials not given", "initials withheld"]),
        sx=g.ch(["male", "female", "elderly"]), ev=g.ch(EVENTS), br=g.ch(BRANDS))
    if g.p(0.5):
        d.f("{h} will send the discharge letter; ", h=g.pn(hcp, "last"))
    d.f("HCP consented to follow-up at {e}", e=EM(g.staff_email(hcp, g.ch(["nhs.net", "gmail.com", "clinic.com.au", "outlook.com"]))))
    if g.p(0.5):
        d.f(" or {ph}", ph=PH(g.phone(cc)))
    d.t(". Forwarded to PV within 24 h.")
    return d


def t_medical_tourism_in(g: G) -> Doc:
    nat, ctry, cult, cc = g.ch([("Nigerian", "Nigeria", "west_african", None), ("Kenyan", "Kenya", "east_african", None),
                                ("Iraqi", "Iraq", "arabic", None), ("Bangladeshi", "Bangladesh", "south_asian", None),
                                ("Afghan", "Afghanistan", "persian", None), ("Omani", "Oman", "arabic", None),
                                ("Ethiopian", "Ethiopia", "east_african", None), ("Ghanaian", "Ghana", "west_african", None)])
    pt, att, doc = g.name(culture=cult), g.name(culture=cult), g.name("IN")
    age, age_piece = g.age(0.1, 20, 80)
    hosp = g.ch(ORGS["IN_hosp"])
    d = Doc()
    d.f("{h} - International Patient Services\nTo whom it may concern,\n", h=O(hosp))
    d.f("This is to certify that {t}{p}, a {age}-year-old {nat} national (passport {pp}), ", t=g.title(pt),
        p=g.pform(pt, ["full", "FULL_UPPER", "full"]), age=age_piece, nat=(nat, "NRP"), pp=I(f"{g.ids.letters(1)}{g.ids.digits(8, False)}"))
    d.f("is undergoing {tx} at our hospital from {a} and requires a stay of approximately {w} weeks. ",
        tx=g.ch(["CABG", "renal transplant evaluation", "chemotherapy", "total knee replacement", "liver transplant work-up"]),
        a=g.D(g.date(), ["long_uk", "uk", "ord", "dmon"]), w=str(g.r.randint(2, 10)))
    d.f("{pos} attendant {a} travels from {ctry}. Kindly extend the medical visa.\n", pos="His" if pt.sex == "m" else "Her",
        a=g.pform(att, ["full", "first"]), ctry=(ctry, "COUNTRY"))
    d.f("Dr. {doc}{cred}, Reg. No. {rn}\nMobile: {ph}", doc=g.pform(doc, ["full", "init_last"]), cred=g.ch(g.clin_cred("IN")),
        rn=I(g.ids.in_reg()), ph=PH(g.phone("IN")))
    return d


def t_insurer_denial_us(g: G) -> Doc:
    pt, md = g.name("US"), g.name("US")
    ins = g.ch(ORGS["US_ins"])
    d = Doc()
    d.f("{ins}\n{dd}\n\n{p}\n{ad}\n\n", ins=O(ins), dd=g.D(g.date(), ["long_us", "mon_us"]),
        p=g.pform(pt, ["FULL_UPPER", "full", "first_mid_last"]), ad=AD(g.address("US", multiline=g.p(0.5))))
    d.f("Member ID: {m}   Claim/Case #: {c}\n", m=I(g.ids.us_member()), c=f"{g.r.randint(2021, 2025)}{g.r.randint(100000000, 999999999)}")
    d.f("Dear {n},\nWe reviewed the request from {md}, MD for {svc}. It is not approved because {why}. ",
        n=g.pform(pt, ["first", "full"]) if g.p(0.6) else [g.title(pt), (pt.family, "PERSON", pt.src)],
        md=g.pform(md, ["full", "init_last"]), svc=g.ch(["MRI of the knee", "Wegovy 2.4 mg", "sleep study", "Humira"]),
        why=g.ch(["step therapy was not met", "it is not medically necessary per policy CP-114", "the provider is out of network"]))
    d.f("You may appeal within 180 days at {u} or call Member Services at {ph} (TTY 711).",
        u=(g.ch(["https://www.aetna.com/appeals", "https://member.uhc.com/appeal", "https://www.cigna.com/member-appeals",
                  "https://www.humana.com/legal/appeals"]), "URL"), ph=PH(g.ch(["1-800-555-0199", "(800) 555-0142", "1-888-555-0110"])))
    return d


def t_ward_chat(g: G) -> Doc:
    cc = g.ch(["UK", "AU", "US"])
    a, b = g.name(cc), g.name(cc)
    pts = [g.name(cc) for _ in range(2)]
    d = Doc()
    t0 = g.r.randint(7, 21) * 60 + g.r.randint(0, 30)
    ts = [t0, t0 + g.r.randint(1, 9), t0 + g.r.randint(10, 25)]
    hm = [(f"{x // 60:02d}", f"{x % 60:02d}") for x in ts]
    d.f("[{h}:{m}] {a}: can u check bed {bd} {t}{p} obs, {pos} sats dropped to 89\n", h=hm[0][0], m=hm[0][1],
        a=g.pn(a, "lower_first"), bd=str(g.r.randint(1, 30)), t=g.ch(["mr " if pts[0].sex == "m" else "mrs ", ""]),
        p=g.pn(pts[0], g.ch(["lower_last", "last"])), pos="his" if pts[0].sex == "m" else "her")
    d.f("[{h}:{m}] {b}: on it. also {p}'s {rel} rang again, wants a call back on {ph}\n", h=hm[1][0], m=hm[1][1],
        b=g.pn(b, "lower_first"), p=g.pn(pts[1], g.ch(["lower_last", "lower_first", "last"])), rel=g.ch(["daughter", "son", "wife", "husband"]),
        ph=PH(g.phone(cc)))
    d.f("[{h}:{m}] {a}: ok will ask {dr} when she's back from {dept}. pls chase {p2} bloods ({idv})\n", h=hm[2][0],
        m=hm[2][1], a=g.pn(a, "lower_first"), dr=g.pn(g.name(cc), g.ch(["lower_first", "lower_last"])) if g.p(0.6) else "the reg",
        dept=g.ch(["resus", "ct", "theatre", "the other ward"]), p2=g.pn(pts[0], "lower_last"),
        idv=I(g.ids.uk_hosp().lower() if cc == "UK" else g.ids.au_urn() if cc == "AU" else g.ids.us_mrn()))
    return d


TEMPLATES = [
    (t_pv_narrative, 2), (t_cioms, 2), (t_pv_followup_email, 2), (t_trial_monitor_email, 2), (t_trial_edc_rows, 1),
    (t_trial_sae_form, 2), (t_trial_device, 1), (t_trial_stipend, 1), (t_uk_discharge, 2), (t_uk_referral, 2),
    (t_us_discharge, 2), (t_ca_referral, 1), (t_au_discharge, 1), (t_in_discharge, 2), (t_de_arztbrief, 1),
    (t_us_prescription, 2), (t_pharmacy_label, 2), (t_pharmacist_intervention, 1), (t_lab_header, 2),
    (t_mi_transcript, 3), (t_nurse_handover, 3), (t_prior_auth_us, 2), (t_prior_auth_private, 1),
    (t_travel_assistance, 2), (t_portal_message, 2), (t_portal_it, 2), (t_consumer_webform, 2), (t_us_intake, 2),
    (t_pharmacy_phone_order, 2), (t_community_referral, 1), (t_vaccination_record, 1), (t_screening_log, 1),
    (t_telephone_triage, 1), (t_sponsor_letter_site, 1), (t_sms_reminder_log, 1), (t_death_notification, 1),
    (t_hl7_pid, 1), (t_occ_health_uk, 1), (t_workers_comp_au, 1), (t_disability_claim_ca, 1), (t_de_private_insurer, 1),
    (t_clinic_letter_cc, 2), (t_pv_rep_intake, 1), (t_medical_tourism_in, 1), (t_insurer_denial_us, 1), (t_ward_chat, 2),
]


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def build(n: int, seed: int):
    g = G(seed)
    pool = []
    for fn, w in TEMPLATES:
        pool += [fn] * w
    order = []
    while len(order) < n:
        block = pool[:]
        g.r.shuffle(block)
        order += block
    order = order[:n]
    records, spans, kinds = [], [], Counter()
    for i, fn in enumerate(order):
        for attempt in range(60):
            doc = fn(g)
            txt = doc.text
            if MIN_LEN <= len(txt) <= MAX_LEN:
                break
        else:
            raise RuntimeError(f"{fn.__name__}: no text within length bounds after 60 tries (last {len(txt)})")
        kinds[fn.__name__[2:]] += 1
        records.append({"id": f"{PREFIX}-{i + 1:04d}", "text": txt})
        for a, b, ty, src in sorted(doc.spans):
            if ty == "PERSON":
                g.name_src[src or "other"] += 1
            spans.append({"record": i, "field": "text", "start": a, "end": b, "type": ty})
    return records, spans, kinds, g


def self_check(records, spans):
    by_rec: dict[int, list] = {}
    prev = (-1, -1)
    for s in spans:
        assert set(s) == {"record", "field", "start", "end", "type"}, s
        assert s["field"] == "text" and s["type"] in TYPES, s
        key = (s["record"], s["start"])
        assert key > prev, f"spans not sorted / duplicate start: {s}"
        prev = key
        by_rec.setdefault(s["record"], []).append(s)
    for i, rec in enumerate(records):
        txt = rec["text"]
        assert rec["id"] == f"{PREFIX}-{i + 1:04d}"
        assert MIN_LEN <= len(txt) <= MAX_LEN, (rec["id"], len(txt))
        last_end = -1
        for s in by_rec.get(i, []):
            a, b = s["start"], s["end"]
            assert 0 <= a < b <= len(txt), s
            val = txt[a:b]
            assert val == val.strip(), f"whitespace at span edge {rec['id']}: {val!r}"
            assert a > last_end, f"overlapping/touching spans in {rec['id']} at {a}"
            last_end = b
            if s["type"] == "CREDIT_CARD":
                dig = re.sub(r"\D", "", val)
                assert 13 <= len(dig) <= 19 and luhn_ok(dig), val
            if s["type"] == "IBAN":
                assert iban_valid(val), val
            if s["type"] == "AGE":
                assert val.isdigit() and int(val) >= 90, val
            if s["type"] == "SSN":
                assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", val), val
    assert all(s["record"] < len(records) for s in spans)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=here)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--n", type=int, default=400)
    args = ap.parse_args(argv)
    records, spans, kinds, g = build(args.n, args.seed)
    self_check(records, spans)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "records.jsonl"), "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "pii_spans.jsonl"), "w", encoding="utf-8") as fh:
        for s in spans:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    # re-read what was written and check again
    rr = [json.loads(l) for l in open(os.path.join(args.out, "records.jsonl"), encoding="utf-8")]
    ss = [json.loads(l) for l in open(os.path.join(args.out, "pii_spans.jsonl"), encoding="utf-8")]
    self_check(rr, ss)
    per_type = Counter(s["type"] for s in spans)
    lens = [len(r["text"]) for r in records]
    print(f"records: {len(records)}  spans: {len(spans)}  text length min/mean/max: "
          f"{min(lens)}/{sum(lens) / len(lens):.0f}/{max(lens)}")
    for t, c in per_type.most_common():
        print(f"  {t:13s} {c}")
    tot = sum(g.name_src.values())
    print(f"PERSON mentions by name source: hand-typed {g.name_src['hand']} ({g.name_src['hand'] / max(tot, 1):.0%}), "
          f"Faker {g.name_src['faker']}")
    print("document kinds:", ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print("self-check passed")


if __name__ == "__main__":
    main()
