"""Generate the synthetic clinical sample with planted, labelled personal data.

Usage::

    python data/sample/generate.py [--out DIR] [--n 600] [--seed 20240314]

Writes ``records.jsonl`` (id, split, instruction, response) and
``pii_spans.jsonl`` (one line per planted span, character offsets into the
field) to DIR (default: this file's folder). The output is byte-for-byte
deterministic for a given seed and Faker version (see README.md for the pin).

Everything here is fictional: names, addresses and e-mail accounts come from
Faker (en_US) plus a few hand-picked uncommon names, phone numbers use real
area codes but never the 555 exchange, IDs never start with the digit 9 (the
range ``pipelines.pii`` reserves for its surrogates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from pathlib import Path

from faker import Faker

SEED = 20240314
N_RECORDS = 600
EVAL_PERCENT = 15

PERSON, EMAIL, PHONE, DATE, ADDRESS, ID = "PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID"

# Names that are deliberately absent from Faker's en_US lists, so that part of
# the sample exercises context-based (not gazetteer-based) name detection.
RARE_FIRST_F = ["Ottoline", "Zinnia", "Marisol", "Ingrid", "Thessaly", "Oona", "Perpetua", "Wilhelmina"]
RARE_FIRST_M = ["Ignatius", "Lazarus", "Thaddeus", "Evander", "Cosimo", "Barnaby", "Osric", "Leopold"]
RARE_LAST = ["Quarrie", "Fairweather", "Okonkwo", "Vasquez-Ruiz", "Nakagawa", "Oyelaran", "Brannigan", "Szymanski"]

AREA_CODES = [
    "205", "212", "213", "217", "303", "305", "312", "404", "415", "469", "503", "512", "602",
    "614", "617", "646", "704", "713", "720", "773", "801", "813", "832", "901", "919", "971",
]
STREET_SUFFIXES = [
    "Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Drive", "Dr.", "Lane", "Ln", "Boulevard",
    "Blvd", "Court", "Way", "Place", "Terrace", "Circle", "Parkway",
]
COMMON_STREETS = ["Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hillcrest", "Park", "Main", "Sunset", "Ridge"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# (diagnosis, complaint, [(medication, [doses], frequency)], exam finding)
CONDITIONS = [
    ("hypertension", "headaches and elevated home blood pressure readings",
     [("lisinopril", ["10 mg", "20 mg"], "daily"), ("amlodipine", ["5 mg", "10 mg"], "daily")],
     "no edema"),
    ("type 2 diabetes", "increased thirst and frequent urination",
     [("metformin", ["500 mg", "1000 mg"], "twice daily")], "A1c 8.1% on recent labs"),
    ("hyperlipidemia", "elevated cholesterol on routine labs",
     [("atorvastatin", ["20 mg", "40 mg"], "nightly"), ("rosuvastatin", ["10 mg"], "nightly")],
     "LDL 172 mg/dL"),
    ("acute sinusitis", "facial pressure and nasal congestion",
     [("amoxicillin-clavulanate", ["875 mg"], "twice daily for 10 days")], "maxillary tenderness"),
    ("urinary tract infection", "burning with urination",
     [("nitrofurantoin", ["100 mg"], "twice daily for 5 days")], "suprapubic tenderness"),
    ("gastroesophageal reflux disease", "burning chest discomfort after meals",
     [("omeprazole", ["20 mg", "40 mg"], "daily before breakfast")], "benign abdominal exam"),
    ("hypothyroidism", "fatigue and cold intolerance",
     [("levothyroxine", ["50 mcg", "75 mcg"], "daily")], "TSH 9.2 on recent labs"),
    ("major depressive disorder", "low mood and poor sleep",
     [("sertraline", ["50 mg"], "daily"), ("escitalopram", ["10 mg"], "daily")], "PHQ-9 score of 16"),
    ("asthma exacerbation", "wheezing and shortness of breath",
     [("prednisone", ["40 mg"], "daily for 5 days"), ("albuterol", ["2 puffs"], "every 4 hours as needed")],
     "diffuse expiratory wheezes"),
    ("migraine", "recurrent throbbing headaches with light sensitivity",
     [("sumatriptan", ["50 mg", "100 mg"], "as needed at onset")], "normal neurologic exam"),
    ("low back strain", "lower back pain after lifting boxes",
     [("naproxen", ["500 mg"], "twice daily with food")], "paraspinal muscle tenderness"),
    ("community-acquired pneumonia", "fever and productive cough",
     [("azithromycin", ["250 mg"], "daily for 5 days")], "crackles at the right base"),
    ("knee osteoarthritis", "knee pain with walking",
     [("meloxicam", ["7.5 mg", "15 mg"], "daily")], "crepitus of the left knee"),
    ("iron deficiency anemia", "fatigue and breathlessness on exertion",
     [("ferrous sulfate", ["325 mg"], "daily")], "hemoglobin 9.8 g/dL"),
    ("allergic rhinitis", "sneezing and itchy eyes",
     [("cetirizine", ["10 mg"], "daily"), ("fluticasone nasal spray", ["2 sprays"], "daily")],
     "pale boggy turbinates"),
]
# Capitalised words that are not personal data (eponyms, brands, facilities): precision distractors.
PMH = ["Graves disease", "Hashimoto thyroiditis", "Bell palsy", "Crohn disease", "Raynaud phenomenon",
       "Parkinson disease", "Addison disease", "a Tylenol allergy", "Barrett esophagus", "Lyme disease",
       "Wolff-Parkinson-White syndrome", "Tourette syndrome"]
FACILITIES = ["Mercy Hospital", "Riverside Medical Center", "Lakeview Urgent Care", "St. Joseph Hospital",
              "Walgreens Pharmacy", "Quest Diagnostics", "Hope Family Clinic", "Grace Community Health"]
FOLLOW_UPS = [("2 weeks", 14), ("4 weeks", 28), ("6 weeks", 42), ("3 months", 91), ("6 months", 182)]

_SLOT = re.compile(r"\{(\w+)\}")


class Builder:
    """Accumulates text pieces; each piece is plain text or a labelled entity."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str | None]] = []

    def add(self, template: str, **slots: object) -> None:
        pos = 0
        for m in _SLOT.finditer(template):
            self.pieces.append((template[pos:m.start()], None))
            self._put(slots[m.group(1)])
            pos = m.end()
        self.pieces.append((template[pos:], None))

    def _put(self, value: object) -> None:
        if isinstance(value, str):
            self.pieces.append((value, None))
        elif isinstance(value, tuple):
            self.pieces.append(value)  # (text, TYPE)
        else:
            for v in value:  # list of pieces
                self._put(v)

    def build(self) -> tuple[str, list[tuple[int, int, str]]]:
        text, spans, pos = [], [], 0
        for s, kind in self.pieces:
            if kind is not None:
                spans.append((pos, pos + len(s), kind))
            text.append(s)
            pos += len(s)
        return "".join(text), spans


class Gen:
    def __init__(self, seed: int) -> None:
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)

    # ---- people -------------------------------------------------------------
    def person(self, gender: str | None = None) -> dict:
        r = self.rng
        gender = gender or r.choice("FM")
        if r.random() < 0.15:
            first = r.choice(RARE_FIRST_F if gender == "F" else RARE_FIRST_M)
        else:
            first = self.fake.first_name_female() if gender == "F" else self.fake.first_name_male()
        last = r.choice(RARE_LAST) if r.random() < 0.15 else self.fake.last_name()
        middle = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.15 else None
        return {"first": first, "last": last, "gender": gender, "middle": middle}

    def name(self, p: dict, style: str | None = None) -> list:
        """A reference to a patient or relative; the title is not part of the span."""
        r = self.rng
        style = style or r.choice(["full", "full", "title_last", "title_full", "first", "last_first"])
        full = f"{p['first']} {p['middle']}. {p['last']}" if p["middle"] else f"{p['first']} {p['last']}"
        if style == "full":
            return [(full, PERSON)]
        if style == "first":
            return [(p["first"], PERSON)]
        if style == "last_first":
            return [(f"{p['last']}, {p['first']}", PERSON)]
        title = "Mr." if p["gender"] == "M" else r.choice(["Ms.", "Mrs.", "Ms"])
        if style == "title_last":
            return [f"{title} ", (p["last"], PERSON)]
        return [f"{title} ", (full, PERSON)]

    def clinician(self) -> list:
        r = self.rng
        c = self.person()
        full = f"{c['first']} {c['last']}"
        return r.choice([
            ["Dr. ", (c["last"], PERSON)],
            ["Dr. ", (full, PERSON)],
            ["Dr ", (full, PERSON)],
            [(full, PERSON), ", MD"],
            [(full, PERSON), ", NP"],
            [(full, PERSON), " PA-C"],
            [(full, PERSON)],
            ["nurse practitioner ", (full, PERSON)],
            [(f"{c['first'][0]}. {c['last']}", PERSON), ", DO"],
            ["attending physician ", (full, PERSON)],
        ])

    # ---- contact details ----------------------------------------------------
    def phone(self) -> tuple[str, str]:
        r = self.rng
        area = r.choice(AREA_CODES)
        exch = str(r.randint(201, 998))
        while exch == "555" or exch[1:] == "11":
            exch = str(r.randint(201, 998))
        line = f"{r.randint(0, 9999):04d}"
        fmt = r.choice(["({a}) {e}-{l}", "{a}-{e}-{l}", "+1 {a} {e} {l}", "{a}.{e}.{l}",
                        "+1 ({a}) {e}-{l}", "1-{a}-{e}-{l}"])
        return fmt.format(a=area, e=exch, l=line), PHONE

    def email(self, p: dict) -> tuple[str, str]:
        r = self.rng
        f, l = p["first"].lower(), p["last"].lower().replace("-", "")
        local = r.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{r.randint(1, 99)}", f"{l}.{f[0]}", f"{f}_{l}"])
        domain = self.fake.free_email_domain() if r.random() < 0.7 else self.fake.domain_name()
        assert not domain.startswith("example."), domain
        return f"{local}@{domain}", EMAIL

    def address(self) -> tuple[str, str]:
        r, fk = self.rng, self.fake
        street = r.choice([fk.last_name(), fk.first_name(), r.choice(COMMON_STREETS)])
        line = f"{fk.building_number()} {street} {r.choice(STREET_SUFFIXES)}"
        if r.random() < 0.25:
            line += r.choice([", Apt ", " Apt. ", ", Unit ", " Suite "]) + str(r.randint(1, 40)) + r.choice(["", "", "B"])
        if r.random() < 0.85:
            sep = r.choice([", ", ", ", " "])
            line += f", {fk.city()}{sep}{fk.state_abbr(include_territories=False)} {fk.zipcode()}"
        return line, ADDRESS

    # ---- identifiers (never starting with 9) ---------------------------------
    def mrn(self) -> list:
        r = self.rng
        value = r.choice([
            f"{r.randint(10_000, 8_999_999):08d}",
            f"{r.randint(1000, 8999)}-{r.randint(0, 9999):04d}",
            f"{r.randint(100_000, 899_999)}",
        ])
        label = r.choice(["MRN ", "MRN: ", "MRN# ", "medical record number ", "Med Rec #", "chart #"])
        return [label, (value, ID)]

    def member_id(self) -> list:
        r = self.rng
        letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(r.choice([1, 3])))
        value = letters + str(r.randint(1, 8)) + "".join(str(r.randint(0, 9)) for _ in range(8))
        label = r.choice(["insurance member ID ", "Member ID: ", "policy no. ", "subscriber ID ",
                          "insurance ID "])
        return [label, (value, ID)]

    def ssn(self) -> list:
        value = self.fake.ssn()
        assert re.fullmatch(r"[0-8]\d\d-\d\d-\d{4}", value), value
        return [self.rng.choice(["SSN ", "SSN: ", "social security number ", "SS# "]), (value, ID)]

    # ---- dates ----------------------------------------------------------------
    def fmt_date(self, d: dt.date) -> tuple[str, str]:
        r = self.rng
        style = r.choice(["mdy0", "mdy", "iso", "long", "dmy", "short"])
        if style == "mdy0":
            s = f"{d.month:02d}/{d.day:02d}/{d.year}"
        elif style == "mdy":
            s = f"{d.month}/{d.day}/{d.year}"
        elif style == "iso":
            s = d.isoformat()
        elif style == "long":
            s = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        elif style == "dmy":
            s = f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
        else:
            s = f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
        return s, DATE

    # ---- one record -------------------------------------------------------------
    def record(self) -> tuple[str, str, list, list]:
        r = self.rng
        pt = self.person()
        she = pt["gender"] == "F"
        He, he, his = ("She", "she", "her") if she else ("He", "he", "his")
        woman = r.choice(["woman", "female"]) if she else r.choice(["man", "male"])
        age = r.randint(19, 88)
        visit = dt.date(2023, 1, 1) + dt.timedelta(days=r.randint(0, 700))
        dob = visit - dt.timedelta(days=age * 365 + r.randint(0, 364))
        dx, complaint, meds, finding = r.choice(CONDITIONS)
        med, doses, freq = r.choice(meds)
        dose = r.choice(doses)
        interval, days = r.choice(FOLLOW_UPS)
        fu = visit + dt.timedelta(days=days)
        doc = self.clinician()
        weeks = r.randint(2, 6)

        b = Builder()
        b.add("Summarize the following clinic visit note.\n\n")
        # header
        h = r.randrange(5)
        if h == 0:
            b.add("Visit date: {d}. Patient: {n} ({id}), DOB {dob}.", d=self.fmt_date(visit),
                  n=self.name(pt, "full"), id=self.mrn(), dob=self.fmt_date(dob))
        elif h == 1:
            b.add("{d} clinic visit for {n}, a {age}-year-old {w} ({id}).", d=self.fmt_date(visit),
                  n=self.name(pt, r.choice(["title_last", "title_full"])), age=str(age), w=woman, id=self.mrn())
        elif h == 2:
            b.add("Pt {n}, DOB {dob}, {id}, seen on {d}.", n=self.name(pt, "full"),
                  dob=self.fmt_date(dob), id=self.mrn(), d=self.fmt_date(visit))
        elif h == 3:
            b.add("Name: {n} | DOB: {dob} | Date of service: {d} | {id}", n=self.name(pt, "last_first"),
                  dob=self.fmt_date(dob), d=self.fmt_date(visit), id=self.mrn())
        else:
            b.add("{n} ({age}{g}), {id}, presented on {d}.", n=self.name(pt, "full"), age=str(age),
                  g="F" if she else "M", id=self.mrn(), d=self.fmt_date(visit))
        # history
        sub = self.name(pt, r.choice(["first", "title_last", "title_last"]))
        c = r.randrange(4)
        if c == 0:
            b.add("\nChief complaint: {cc}. {He} reports symptoms for {w} weeks.", cc=complaint, He=He, w=str(weeks))
        elif c == 1:
            b.add("\n{s} presents with {cc} x {w} weeks.", s=sub, cc=complaint, w=str(weeks))
        elif c == 2:
            b.add("\nCC: {cc}. {s} states this began {w} weeks ago.", cc=complaint, s=sub, w=str(weeks))
        else:
            b.add("\nHPI: {age}-year-old {w2} with {cc} over the past {w} weeks.", age=str(age), w2=woman,
                  cc=complaint, w=str(weeks))
        if r.random() < 0.45:
            sp = self.person("M" if she else "F")
            rel = "husband" if she else "wife"
            b.add(r.choice([" Accompanied by {his} {rel}, {n}.", " {He} lives with {his} {rel} {n}.",
                            " {his_c} {rel} {n} noticed the symptoms first."]),
                  his=his, his_c=his.capitalize(), He=He, rel=rel, n=self.name(sp, r.choice(["first", "full"])))
        if r.random() < 0.35:
            b.add(r.choice([" PMH: {x}.", " History of {x}.", " Prior workup at {f}.", " Labs drawn at {f}."]),
                  x=r.choice(PMH), f=r.choice(FACILITIES))
        # contact / identifiers: pick two or three distinct snippets
        snippets = r.sample(range(7), r.choice([2, 3]))
        for k in snippets:
            if k == 0:
                b.add(r.choice(["\nAddress: {a}.", "\nLives at {a}.", "\nHome address on file: {a}."]), a=self.address())
            elif k == 1:
                b.add(r.choice(["\nPhone: {p}.", "\nCall back number {p}.", "\nBest contact {p}; cell {q}."]),
                      p=self.phone(), q=self.phone())
            elif k == 2:
                b.add(r.choice(["\nEmail: {e}.", "\nPrefers portal messages to {e}.", "\nContact via {e} or {p}."]),
                      e=self.email(pt), p=self.phone())
            elif k == 3:
                b.add(r.choice(["\n{i}.", "\nInsurance: {i}, verified.", "\nCoverage confirmed, {i}."]), i=self.member_id())
            elif k == 4:
                b.add(r.choice(["\n{s} on file.", "\nRegistration lists {s}."]), s=self.ssn())
            elif k == 5:
                kin = self.person()
                rel = {"F": r.choice(["daughter", "sister", "mother"]), "M": r.choice(["son", "brother", "father"])}[kin["gender"]]
                b.add(r.choice(["\nEmergency contact: {n} ({rel}), {p}.", "\n{his_c} {rel} {n} can be reached at {p}."]),
                      n=self.name(kin, r.choice(["full", "first"])), rel=rel, p=self.phone(), his_c=his.capitalize())
            else:
                b.add("\nReferred by {c} ({e}).", c=self.clinician(), e=self.email(self.person()))
        # vitals, assessment, plan
        b.add(r.choice(["\nVitals: BP {s}/{d}, HR {hr}, T {t} F, wt {wt} kg.",
                        "\nBP {s}/{d} mmHg, pulse {hr}, temp {t}, weight {wt} kg.",
                        "\nVS: BP {s}/{d}; HR {hr}; Temp {t} F."]),
              s=str(r.randint(104, 168)), d=str(r.randint(62, 102)), hr=str(r.randint(56, 108)),
              t=f"{r.uniform(97.2, 101.4):.1f}", wt=str(r.randint(48, 121)))
        b.add(r.choice(["\nExam notable for {f}. Assessment: {dx}.", "\nAssessment: {dx}; {f}.",
                        "\nImpression: {dx} ({f})."]), f=finding, dx=dx)
        verb = r.choice(["start", "begin", "continue"])
        p = r.randrange(4)
        if p == 0:
            b.add("\nPlan: {v} {m} {dose} {fr}. Follow up in {iv} ({fu}) with {c}.", v=verb, m=med, dose=dose,
                  fr=freq, iv=interval, fu=self.fmt_date(fu), c=doc)
        elif p == 1:
            b.add("\nPlan: {v} {m} {dose} {fr}; return visit on {fu}, in {iv}.", v=verb, m=med, dose=dose,
                  fr=freq, fu=self.fmt_date(fu), iv=interval)
            b.add(r.choice(["\nSeen by {c}.", "\nElectronically signed by {c} on {d}."]), c=doc, d=self.fmt_date(visit))
        elif p == 2:
            b.add("\nRx: {m} {dose} {fr}. Recheck in {iv} with {c}.", m=med, dose=dose, fr=freq, iv=interval, c=doc)
        else:
            b.add("\nAfter discussion, {c} advised {m} {dose} {fr}; follow-up appointment {fu} ({iv}).", c=doc, m=med, dose=dose,
                  fr=freq, fu=self.fmt_date(fu), iv=interval)
        instruction, ins_spans = b.build()

        # response: systematic summary of diagnosis, medication, dose, interval
        rb = Builder()
        q = r.randrange(5)
        if q == 0:
            rb.add("{n} was seen for {dx} and {v} {m} {dose} {fr}, with follow-up in {iv}.",
                   n=self.name(pt, "full"), dx=dx, v="continues" if verb == "continue" else "started",
                   m=med, dose=dose, fr=freq, iv=interval)
        elif q == 1:
            rb.add("Assessment of {dx}; plan is {m} {dose} {fr} and a return visit in {iv}.",
                   dx=dx, m=med, dose=dose, fr=freq, iv=interval)
        elif q == 2:
            rb.add("{Dx} diagnosed today. Plan: take {m} {dose} {fr}, then follow up in {iv} on {fu}.",
                   Dx=dx[0].upper() + dx[1:],
                   m=med, dose=dose, fr=freq, iv=interval, fu=self.fmt_date(fu))
        elif q == 3:
            rb.add("{He} has {dx} and will take {m} {dose} {fr}; recheck in {iv} to review the response.", He=He, dx=dx, m=med,
                   dose=dose, fr=freq, iv=interval)
        else:
            rb.add("{n}, {age}{g}, diagnosed with {dx}; prescribed {m} {dose} {fr}; follow-up {fu}.",
                   n=self.name(pt, "title_last"), age=str(age), g="F" if she else "M", dx=dx, m=med, dose=dose,
                   fr=freq, fu=self.fmt_date(fu))
        response, resp_spans = rb.build()
        return instruction, response, ins_spans, resp_spans


def split_of(rec_id: str) -> str:
    h = int(hashlib.sha256(rec_id.encode()).hexdigest()[:8], 16)
    return "eval" if h % 100 < EVAL_PERCENT else "train"


def generate(out: Path, n: int = N_RECORDS, seed: int = SEED) -> None:
    gen = Gen(seed)
    records, spans = [], []
    for i in range(1, n + 1):
        rec_id = f"rec-{i:04d}"
        instruction, response, ins_spans, resp_spans = gen.record()
        records.append({"id": rec_id, "split": split_of(rec_id), "instruction": instruction, "response": response})
        for field, fspans in (("instruction", ins_spans), ("response", resp_spans)):
            spans.extend({"record": rec_id, "field": field, "start": s, "end": e, "type": t} for s, e, t in fspans)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("records.jsonl", records), ("pii_spans.jsonl", spans)):
        tmp = out / (name + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        tmp.replace(out / name)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--n", type=int, default=N_RECORDS)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
