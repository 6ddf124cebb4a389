"""Personal data in structured text inside a record: delimited tables and key=value fields.

A record's text often carries an export or a log: a header line of column names and
rows under it (``subject;screening;visit;entered_by``, ``policy_no|holder|postcode``),
or ``key=value`` pairs (``uid=49027276 emp_id=E00912``).  The column or key name says
what a value is, where the value alone does not ("1134", "eun-ji", "S675-70").

* **Tables**: a line of three or more column names separated by one delimiter
  (``,`` ``;`` ``|`` or a tab; names start with a letter; between commas, no spaces),
  followed by rows with the same number of fields (double quotes may protect a
  delimiter).  A column whose name says it identifies a person or their record
  (``id``, ``no``, ``number``, ``account``, ``policy``, ``subject``, ``screening``,
  ``employee``, ``national_id`` ...; not ``order``, ``invoice``, ``claim``, ``case``,
  ``ticket``, ``batch``, ``lot``, ``site``, ``protocol``, ``visit`` ...) gives ``ID`` spans
  for values with a digit; a column named for a person (``name``, ``first_name``,
  ``surname``, ``holder``, ``payee``, ``entered_by`` ...; not ``company_name``,
  ``product_name`` ...) gives ``PERSON`` spans for values of letters.
* **key=value**: a key that names a person's identifier (``uid``, ``emp_id``,
  ``member_no``, ``policy_number``; the same exclusions) gives an ``ID`` span for a
  value with a digit.
* **SWIFT MT103**: the ordering customer (``:50K:``) and the beneficiary (``:59:``): the
  account after "/" (``ID``), the name on the next line (``PERSON``, unless it names a
  company) and the address lines under it (``ADDRESS``), up to the next ``:NN:`` tag.
* **HL7 v2**: in the segments that describe people (PID, NK1, PV1, ORC, OBR, IN1 ...), an
  extended identifier ``9163381^^^HOSP^MR`` and the identifier of a person
  ``MED0003312474^MUKHERJEE^SIDDHARTH`` give ``ID`` spans (the names are the person
  recognizer's).
"""

from __future__ import annotations

import re

from ._spans import Span
from .recognizers import _HL7_SEG_RE, _KEY_SPLIT, Doc, Recognizer

_DELIMS = ("|", ";", "\t", ",")

# column/key words that make a value an identifier of a person or their record
_ID_WORDS = frozenset("""
id no nr num number mrn acct account policy member mbr subject subj screening scr participant employee emp
payroll personnel staff passport licence license national ssn nino ni nhs tin tax customer cust client
patient pt uid user uhid urn phn hcn aadhaar pan cpf curp pesel bsn dni nie nif sin tfn nric
""".split())
# words that make a column or key a reference to something other than a person
_NOT_ID_WORDS = frozenset("""
order orders invoice claim case ticket txn transaction batch lot site protocol visit product sku item event
session request req trace msg message date time amount premium salary dept department status code version
build error job task study arm kit group plan page line row seq sequence index idx count qty quantity
postcode zip phone email dob age sex gender type term description note notes comment currency rate
""".split())
_PERSON_WORDS = frozenset("""
name names fullname firstname lastname surname forename forenames given family holder payee beneficiary
entered enteredby investigator reporter prescriber employee patient customer contact signatory applicant
borrower insured policyholder nok kin agent handler assignee owner
""".split())
# a column named for a person only when no word says it names something else
_NOT_PERSON_WORDS = frozenset("""
company org organisation organization business employer bank branch product drug medication file site
study trial device brand vendor supplier merchant hospital clinic pharmacy ward dept department street
city country state region place term ae event role title job plan insurer
""".split())
# "entered_by", "first_name": words joined for the person check
_JOINED = (("first", "name"), ("last", "name"), ("full", "name"), ("entered", "by"))


def _words(name: str) -> list[str]:
    return [w for w in _KEY_SPLIT.split(name.strip().strip('"')) if w]


def column_type(name: str) -> str | None:
    """``"ID"``, ``"PERSON"``, ``"EITHER"`` (a name or an identifier, as the value shows) or
    ``None`` for a column or key name."""
    words = [w.lower() for w in _words(name)]
    if not words:
        return None
    ws = set(words)
    for a, b in _JOINED:
        if a in ws and b in ws:
            ws.add(a + b)
    if ws & _NOT_ID_WORDS:
        id_like = False
    else:
        id_like = bool(ws & _ID_WORDS)
    person_like = bool(ws & _PERSON_WORDS) and not ws & _NOT_PERSON_WORDS
    if person_like and not ws & {"id", "no", "nr", "num", "number", "uid"}:
        # "employee", "patient", "customer": a name or an identifier, as the value shows
        return "EITHER" if id_like else "PERSON"
    return "ID" if id_like else None


def _fields(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each field of ``line``; double quotes protect the delimiter."""
    out, i, n = [], 0, len(line)
    while True:
        if i < n and line[i] == '"':
            j = i + 1
            while j < n:
                if line[j] == '"':
                    if j + 1 < n and line[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            j = line.find(delim, j)
        else:
            j = line.find(delim, i)
        if j < 0:
            out.append((i, n))
            return out
        out.append((i, j))
        i = j + len(delim)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\"":
        s += 1
    while e > s and text[e - 1] in " \t\"\r":
        e -= 1
    return s, e


# A header line: three or more column names separated by one delimiter, a row after it
# (names with spaces only between "|", ";" or tabs: a comma-separated header is "first_name,last_name",
# and a line of prose with commas fails at its first space)
_FIELD = r"[ \t]*\"?[A-Za-z][A-Za-z0-9 _./#()'-]{0,40}\"?[ \t]*"
_CSV_FIELD = r"\"?[A-Za-z][A-Za-z0-9_./#()'-]{0,40}\"?"
_HEADER_RES = [(d, re.compile(rf"{f}(?:{re.escape(d)}{f}){{2,}}(?=\n)"))
               for d, f in (("|", _FIELD), (";", _FIELD), ("\t", _FIELD), (",", _CSV_FIELD))]
_NOT_VALUES = frozenset(("system", "n/a", "na", "none", "unknown", "-", "tbc", "tbd"))
_KV_RE = re.compile(r"(?<![\w.-])(?P<k>[A-Za-z][A-Za-z0-9_.-]{0,30})=(?P<q>\"?)(?P<v>[A-Za-z0-9][A-Za-z0-9./_-]*)(?P=q)")


# HL7 v2 segments that carry a person's identifiers; in them, an extended identifier
# "ID^^^AUTHORITY^TYPE" (CX: patient and account numbers) and the ID component of a person
# "ID^LAST^FIRST" (XCN: ordering provider, attending doctor)
_HL7_CX_RE = re.compile(r"(?<=[|~])(?P<v>[A-Za-z0-9][A-Za-z0-9.-]*)\^(?:\^[^|^~\n]*){2}")
_HL7_XCN_RE = re.compile(r"(?<=[|~])(?P<v>[A-Za-z0-9][A-Za-z0-9.-]*)\^[A-Z][A-Za-z' -]*\^[A-Z]")


# SWIFT MT103 parties: ":50K:" (ordering customer) and ":59:" (beneficiary): an optional
# "/account" line, the name, then up to three address lines, until the next ":NN:" tag
_SWIFT_PARTY_RE = re.compile(r"(?m:^:(?:50[AFK]|59F?):)")
_SWIFT_TAG_RE = re.compile(r":\d\d[A-Z]?:")
_ORG_HINTS = frozenset("ltd limited llc inc corp plc gmbh ag sa sarl bv nv pty co company bank trust fund".split())


class StructuredRecognizer(Recognizer):
    """IDs and names in delimited tables under a header line, IDs in key=value pairs and in
    HL7 v2 segments."""

    name = "structured"
    entities = ("ID", "PERSON", "ADDRESS")

    def find(self, doc: Doc) -> list[Span]:
        text = doc.text
        out: list[Span] = []
        # a header and a row need two delimiters each
        if "\n" in text and any(text.count(d) >= 4 for d in _DELIMS):
            self._tables(text, out)
        if "^" in text and "|" in text and "ID" in self.wanted:
            for seg in _HL7_SEG_RE.finditer(text):
                for rx in (_HL7_CX_RE, _HL7_XCN_RE):
                    for m in rx.finditer(text, seg.start(), seg.end()):
                        if any(map(str.isdigit, m.group("v"))):
                            out.append(self._span(m.start("v"), m.end("v"), "ID", 0.85))
        if ":5" in text:
            self._swift(text, out)
        if "=" in text and "ID" in self.wanted:
            for m in _KV_RE.finditer(text):
                if column_type(m.group("k")) == "ID" and any(map(str.isdigit, m.group("v"))):
                    out.append(self._span(m.start("v"), m.end("v"), "ID", 0.85))
        return out

    def _swift(self, text: str, out: list[Span]) -> None:
        for m in _SWIFT_PARTY_RE.finditer(text):
            pos, k, named = m.end(), 0, False
            while pos < len(text) and k < 5:
                nl = text.find("\n", pos)
                end = len(text) if nl < 0 else nl
                line = text[pos:end].rstrip("\r")
                if not line.strip() or (k and _SWIFT_TAG_RE.match(line)):
                    break
                body = line.strip()
                start = pos + len(line) - len(line.lstrip())
                if k == 0 and body.startswith("/"):  # the account
                    if any(map(str.isdigit, body)) and "ID" in self.wanted:
                        out.append(self._span(start + 1, start + len(body), "ID", 0.85))
                elif not named:  # the name (a company's is left to the other recognizers)
                    named = True
                    if not any(map(str.isdigit, body)) and "PERSON" in self.wanted and \
                            not _ORG_HINTS & {w.strip(".,").lower() for w in body.split()}:
                        out.append(self._span(start, start + len(body), "PERSON", 0.8))
                elif "ADDRESS" in self.wanted and any(map(str.isalpha, body)):
                    out.append(self._span(start, start + len(body), "ADDRESS", 0.8))
                pos, k = end + 1, k + 1

    def _tables(self, text: str, out: list[Span]) -> None:
        for delim, header_re in _HEADER_RES:
            if text.count(delim) < 4:
                continue
            starts = [0]
            i = text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            for ls in starts:
                h = header_re.match(text, ls)
                if h is None:
                    continue
                line = h.group()
                head = _fields(line, delim)
                types = [column_type(line[s:e]) for s, e in head]
                if not any(types):
                    continue
                pos = h.end() + 1
                while pos < len(text):
                    nl = text.find("\n", pos)
                    end = len(text) if nl < 0 else nl
                    row = text[pos:end]
                    cells = _fields(row, delim)
                    if len(cells) != len(head):
                        break
                    self._row(row, pos, cells, types, out)
                    pos = end + 1

    def _row(self, row: str, rstart: int, cells: list[tuple[int, int]], types: list[str | None],
             out: list[Span]) -> None:
        for (s, e), t in zip(cells, types, strict=True):
            if t is None:
                continue
            s, e = _trim(row, s, e)
            v = row[s:e]
            if not v:
                continue
            if t == "EITHER":
                t = "ID" if any(map(str.isdigit, v)) else "PERSON"
            if t not in self.wanted:
                continue
            if t == "ID" and any(map(str.isdigit, v)) and len(v) <= 40:
                out.append(self._span(rstart + s, rstart + e, "ID", 0.85))
            elif t == "PERSON" and not any(c.isdigit() or c == "@" for c in v) and any(map(str.isalpha, v)) \
                    and len(v) <= 60 and v.lower() not in _NOT_VALUES:
                out.append(self._span(rstart + s, rstart + e, "PERSON", 0.8))
