"""Rule-based detection of personal data in free text.

Detection is structural and contextual: regular expressions for e-mail
addresses, US phone numbers, dates and street addresses; identifiers by shape
(SSN) or by a label in front of them ("MRN", "member ID", "policy no."); person
names by titles ("Dr.", "Ms."), role and cue words ("patient", "wife", "Name:",
"attending physician"), credentials after them (", MD"), a verb cue after them
("... was seen", "... states"), a gazetteer of common US names, and
propagation (a token of a name found once is a name everywhere in that text).

Overlaps are resolved by one rule: the longer span wins; on equal length the
type earlier in ``_PRIORITY`` wins; then the earlier start. Spans never
include titles or credentials ("Dr. " and ", MD" stay outside).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._names import gazetteer

ENTITY_TYPES: tuple[str, ...] = ("PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID")
_PRIORITY = ("EMAIL", "ID", "PHONE", "DATE", "ADDRESS", "PERSON")


@dataclass(frozen=True, order=True)
class Span:
    """A detected entity: ``text[start:end]`` (end exclusive) of kind ``type``."""

    start: int
    end: int
    type: str


# --------------------------------------------------------------------------- regexes
EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")

PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s?(?:ext\.?|x)\s?\d{1,5})?(?![\w-])"
)

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DATE_RES = [
    re.compile(r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})\b"),
    re.compile(r"\b(?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12]\d|3[01])[-.]\d{4}\b"),
    re.compile(r"\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b{_MON}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}}\b)?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MON}\.?,?\s\d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}-{_MON}-(?:\d{{4}}|\d{{2}})\b"),
]

_SUFFIX = (r"(?:Street|Avenue|Road|Drive|Lane|Boulevard|Court|Way|Place|Terrace|Circle|Parkway"
           r"|Highway|Square|Trail|Loop|Alley|Row|Crescent|Plaza|Path|Pike|Run|Point|Walk"
           r"|(?:St|Ave|Av|Rd|Dr|Ln|Blvd|Ct|Pl|Ter|Cir|Pkwy|Hwy|Sq|Trl)\b\.?)")
_STREET = r"\b\d{1,6}[A-Z]?(?:\s[NSEW]\.?)?(?:\s(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))){1,3}"
_UNIT = r"(?:,?\s(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|#)\s?#?[A-Z0-9-]+\b)"
_TAIL = r"(?:,\s(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+,?\s[A-Z]{2}\s\d{5}(?:-\d{4})?\b)"
ADDRESS_RES = [
    re.compile(rf"{_STREET}\s{_SUFFIX}(?![\w-]){_UNIT}?{_TAIL}?"),
    re.compile(rf"{_STREET}{_UNIT}?{_TAIL}"),
]

SSN_RE = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_ID_LABEL = (
    r"(?i:\b(?:MRN|MR|medical\s+record(?:\s+(?:number|no\.?|num))?|med\s+rec|chart|"
    r"(?:insurance\s+)?member(?:\s+ID)?|subscriber(?:\s+ID)?|policy(?:\s+(?:number|no\.?))?|"
    r"insurance\s+(?:ID|number|no\.?)|group(?:\s+(?:number|no\.?))?|account(?:\s+(?:number|no\.?))?|acct|"
    r"patient\s+ID|SSN|SS|social\s+security(?:\s+(?:number|no\.?))?|NPI|DEA|license(?:\s+(?:number|no\.?))?|"
    r"passport(?:\s+(?:number|no\.?))?|ID))"
)
ID_LABELLED_RE = re.compile(
    _ID_LABEL + r"(?:\s?#|\s?(?i:no)\.)?[\s:#]{0,3}"
    r"(?P<id>[A-Z]{0,4}-?\d[A-Z0-9]*(?:[-\s]\d[A-Z0-9]*){0,3}(?:-[A-Z0-9]+)?)\b"
)
ID_BARE_RE = re.compile(r"\b(?:[A-Z]{1,4}\d{6,}|\d{7,})\b")

# ----------------------------------------------------------------------- person names
_NAME_WORD = r"(?:(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)*)"
_INITIAL = r"(?:[A-Z]\.)"
NAME_RUN_RE = re.compile(
    rf"(?<![\w@.-])(?:{_INITIAL}\s)?{_NAME_WORD}(?:\s(?:{_INITIAL}\s)?{_NAME_WORD}){{0,3}}"
    rf"(?:,\s{_NAME_WORD}(?=\s*[|;\n]|\s*$))?(?![\w@-])"
)
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Sra)\.?\s$")
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:patient|pt|name|wife|husband|spouse|partner|son|daughter|mother|father|sister|brother|"
    r"friend|guardian|caregiver|practitioner|physician|provider|nurse|clinician|attending|resident|"
    r"surgeon|therapist|pharmacist|signed\s+by|seen\s+by|referred\s+by|accompanied\s+by|cc|"
    r"emergency\s+contact|contact|np|pa|rn|md)\b)[:,]?\s$"
)
_CRED_AFTER = re.compile(r"^,?\s(?:MD|M\.D\.|DO|NP|PA-C|PA|RN|APRN|FNP|FNP-C|DNP|PhD|DDS|PharmD|LCSW)\b")
_VERB_AFTER = re.compile(
    r"^(?:'s\b|\s(?:was|is|has|had|reports|reported|states|stated|presents|presented|denies|notes|noted|"
    r"noticed|can\s+be\s+reached|will|returns|returned|complains|declined|agrees|advised|recommended|"
    r"prescribed|ordered|examined|evaluated|discussed|counseled)\b|"
    r",?\s\(?\d{1,3}\s?(?:[MF]\b|-year-old|yo\b|y/o))"
)
# Capitalised words that are never names here (sentence starts, headers, clinical words).
_STOP = frozenset("""
a an the and or of for with to in on at by from as is was he she his her him hers they them their
patient patients pt name date dob visit service clinic chief complaint cc hpi history exam assessment
impression plan rx vitals vs bp hr temp pulse weight follow followup recheck return seen signed
electronically referred accompanied lives home address phone call best cell email prefers contact
emergency insurance coverage registration member policy subscriber medical record chart mrn ssn
summarize take start begin continue advised diagnosis diagnosed prescribed labs lab note notes
mr mrs ms miss dr prof md do np pa rn doctor nurse practitioner attending physician provider
january february march september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
today tomorrow yesterday hospital center medicine health care street avenue road drive
new united states america spanish no yes not none
apt suite unit verified confirmed file on-file lists portal messages via alternate number
""".split())
# Weak cue: "with" or "to" before a run of at least two name words that ends the clause.
_WEAK_BEFORE = re.compile(r"\b(?:with|to|from|and)\s$")
_CLAUSE_END = re.compile(r"^(?:[.;,)]|\s*$|\s*\n)")
# A run followed by one of these is an eponym ("Graves disease"), not a person.
_EPONYM_AFTER = re.compile(
    r"^(?:'s?)?\s(?:disease|syndrome|palsy|phenomenon|thyroiditis|esophagus|sign|test|maneuver|criteria|"
    r"score|scale|procedure|sarcoma|lymphoma|ulcer|fracture|cyst|reflex|classification|tube|catheter)\b"
)
# A run containing one of these names an organisation or place, not a person.
_ORG_WORDS = frozenset(
    "hospital hospitals clinic clinics center centre health healthcare pharmacy diagnostics care medical "
    "community group associates laboratory laboratories labs university institute foundation practice "
    "county city school insurance services partners network".split()
)
# Words that are names or ordinary words depending on context: never evidence on their own.
_AMBIGUOUS = frozenset("april may june august north south east west english american".split())


def _person_spans(text: str) -> list[Span]:
    gaz = gazetteer()
    found: list[Span] = []
    for m in NAME_RUN_RE.finditer(text):
        if any(w.lower() in _ORG_WORDS for w in re.findall(r"[A-Za-z]+", m.group())):
            continue
        # token boundaries inside the run; trim stop words at both ends
        toks = [(t.start() + m.start(), t.end() + m.start(), t.group())
                for t in re.finditer(rf"{_NAME_WORD}|{_INITIAL}", m.group())]
        while toks and not re.fullmatch(_INITIAL, toks[0][2]) and toks[0][2].lower() in _STOP:
            toks.pop(0)
        while toks and (toks[-1][2].rstrip(".").lower() in _STOP or re.fullmatch(_INITIAL, toks[-1][2])):
            toks.pop()
        if not toks:
            continue
        start, end = toks[0][0], toks[-1][1]
        before, after = text[max(0, start - 40):start], text[end:end + 24]
        words = [t for _, _, t in toks if not re.fullmatch(_INITIAL, t)]
        if not words:
            continue
        if any(w.lower() in _STOP for w in words):
            # a stop word in the middle splits the run; keep it simple and use the head only
            continue
        if _EPONYM_AFTER.match(after):
            continue
        cue = (_TITLE_BEFORE.search(before) or _CUE_BEFORE.search(before)
               or _CRED_AFTER.match(after) or _VERB_AFTER.match(after)
               or (len(words) >= 2 and _WEAK_BEFORE.search(before) and _CLAUSE_END.match(after)))
        if cue or any(w in gaz and w.lower() not in _AMBIGUOUS for w in words):
            found.append(Span(start, end, "PERSON"))
    if not found:
        return found
    # propagation: a name token found once is a name wherever it appears capitalised
    known = {w for s in found for w in re.findall(_NAME_WORD, text[s.start:s.end])
             if len(w) > 2 and w.lower() not in _STOP}
    if known:
        pat = re.compile(r"(?<![\w@.])(?:" + "|".join(sorted(map(re.escape, known), key=len, reverse=True))
                         + r")(?![\w@])")
        found.extend(Span(m.start(), m.end(), "PERSON") for m in pat.finditer(text))
    return found


def _id_spans(text: str, id_patterns: Sequence[str]) -> list[Span]:
    spans = [Span(m.start(), m.end(), "ID") for m in SSN_RE.finditer(text)]
    for m in ID_LABELLED_RE.finditer(text):
        value = m.group("id").rstrip()
        if sum(c.isdigit() for c in value) >= 4:
            spans.append(Span(m.start("id"), m.start("id") + len(value), "ID"))
    spans.extend(Span(m.start(), m.end(), "ID") for m in ID_BARE_RE.finditer(text))
    for p in id_patterns:
        rx = re.compile(p)
        grp = "id" if "id" in rx.groupindex else 0
        spans.extend(Span(m.start(grp), m.end(grp), "ID") for m in rx.finditer(text) if m.end(grp) > m.start(grp))
    return spans


def _resolve(cands: Iterable[Span]) -> list[Span]:
    """Longer span wins; ties go to the type earlier in _PRIORITY, then to the earlier start."""
    rank = {t: i for i, t in enumerate(_PRIORITY)}
    chosen: list[Span] = []
    for s in sorted(set(cands), key=lambda s: (s.start - s.end, rank[s.type], s.start)):
        if all(s.end <= c.start or s.start >= c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen)


def detect(text: str, entities: Iterable[str] = ENTITY_TYPES, id_patterns: Sequence[str] = ()) -> list[Span]:
    """Find personal data in ``text``: sorted, non-overlapping spans of the requested types.

    ``id_patterns`` are extra regular expressions for organisation-specific
    identifiers (reported as ``ID``); a named group ``id`` narrows the span to
    that group, otherwise the whole match is the span.
    """
    wanted = set(entities)
    unknown = wanted - set(ENTITY_TYPES)
    if unknown:
        raise ValueError(f"unknown entity types {sorted(unknown)}; expected a subset of {list(ENTITY_TYPES)}")
    cands: list[Span] = []
    if "EMAIL" in wanted:
        cands += [Span(m.start(), m.end(), "EMAIL") for m in EMAIL_RE.finditer(text)]
    if "PHONE" in wanted:
        cands += [Span(m.start(), m.end(), "PHONE") for m in PHONE_RE.finditer(text)]
    if "DATE" in wanted:
        cands += [Span(m.start(), m.end(), "DATE") for rx in DATE_RES for m in rx.finditer(text)]
    if "ADDRESS" in wanted:
        cands += [Span(m.start(), m.end(), "ADDRESS") for rx in ADDRESS_RES for m in rx.finditer(text)]
    if "ID" in wanted:
        cands += _id_spans(text, id_patterns)
    if "PERSON" in wanted:
        cands += _person_spans(text)
    return _resolve(cands)
