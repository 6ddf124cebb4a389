"""Anonymize any file: streaming JSONL, CSV and Parquet in chunks, in parallel.

Memory stays constant in the size of the input: records are read in chunks,
at most ``2 x workers`` chunks are in flight, and each is written as soon as
it is back, in input order. Every output (data, spans, report, mapping) is
written to a temporary sibling and renamed at the end, so a failure leaves
nothing half-written. No detected value reaches a log, the report or an
exception message.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.core.errors import ConfigError, DataError
from pipelines.core.fileio import atomic_path
from pipelines.pii.mapping import read_mapping, write_mapping  # noqa: F401  (re-exported for callers)

FORMATS = ("jsonl", "csv", "parquet")


@dataclass(frozen=True)
class Job:
    """What to anonymize and how: everything but the key, which travels apart."""

    text_fields: tuple[str, ...]
    fmt: str = "jsonl"
    entities: tuple[str, ...] | None = None
    id_patterns: tuple[str, ...] = ()
    subject_field: str | None = None
    keep_fields: tuple[str, ...] | None = None  # None: keep every field
    max_record_bytes: int = 1 << 20
    on_error: str = "fail"  # "fail" | "skip"
    chunk_records: int = 512
    workers: int = 1
    transforms: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    records_in: int = 0
    records_out: int = 0
    skipped: Counter = field(default_factory=Counter)
    replaced: Counter = field(default_factory=Counter)
    bytes_in: int = 0
    seconds: float = 0.0

    def report(self) -> dict[str, Any]:
        s = max(self.seconds, 1e-9)
        return {
            "records_in": self.records_in, "records_out": self.records_out, "skipped": dict(sorted(self.skipped.items())),
            "replaced": dict(sorted(self.replaced.items())), "bytes_in": self.bytes_in, "seconds": round(self.seconds, 3),
            "records_per_second": round(self.records_out / s, 1), "mb_per_second": round(self.bytes_in / s / 1e6, 3),
        }


def detect_format(path: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ConfigError("--format", [f"expected one of {', '.join(FORMATS)}, got {fmt!r}"])
        return fmt
    ext = path.suffix.lower().lstrip(".")
    return {"jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "parquet": "parquet", "pq": "parquet"}.get(ext, "jsonl")


# --- readers: (line or row number, record or the reason it is unreadable, size) ---------------


class Bad:
    def __init__(self, reason: str, message: str):
        self.reason, self.message = reason, message


def _read_jsonl(path: Path, job: Job) -> Iterator[tuple[int, dict | Bad, int]]:
    with open(path, "rb") as f:
        head = f.read(8192)
        if b"\x00" in head:
            raise DataError(f"{path}: binary file (NUL bytes); expected UTF-8 JSON lines")
        f.seek(0)
        for n, raw in enumerate(f, 1):
            size = len(raw)
            if not raw.strip():
                continue
            if size > job.max_record_bytes:
                yield n, Bad("too_large", f"record is {size} bytes, over the limit of {job.max_record_bytes}"), size
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield n, Bad("not_utf8", f"not valid UTF-8 (byte {e.start} of the line)"), size
                continue
            try:
                rec = json.loads(text)
            except json.JSONDecodeError as e:
                yield n, Bad("malformed", f"invalid JSON ({e.msg} at column {e.colno})"), size
                continue
            if not isinstance(rec, dict):
                yield n, Bad("malformed", f"expected a JSON object, got {type(rec).__name__}"), size
                continue
            yield n, rec, size


def _read_csv(path: Path, job: Job) -> Iterator[tuple[int, dict | Bad, int]]:
    with open(path, "rb") as fb:
        if b"\x00" in fb.read(8192):
            raise DataError(f"{path}: binary file (NUL bytes); expected UTF-8 CSV")
    f = open(path, encoding="utf-8", newline="", errors="strict")
    try:
        reader = csv.DictReader(f)
        n = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as e:
                raise DataError(f"{path}: after row {n}: not valid UTF-8 (byte {e.start}); expected UTF-8 CSV") from None
            except csv.Error as e:
                raise DataError(f"{path}:{reader.line_num}: malformed CSV ({e})") from None
            n += 1
            size = sum(len(v or "") for v in row.values())
            if None in row:
                yield reader.line_num, Bad("malformed", "more fields than the header"), size
                continue
            if size > job.max_record_bytes:
                yield reader.line_num, Bad("too_large", f"record is {size} bytes, over the limit of {job.max_record_bytes}"), size
                continue
            yield reader.line_num, row, size
    finally:
        f.close()


def _read_parquet(path: Path, job: Job) -> Iterator[tuple[int, dict | Bad, int]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # pyarrow raises several types for a non-Parquet file
        raise DataError(f"{path}: not a readable Parquet file ({type(e).__name__})") from None
    n = 0
    for batch in pf.iter_batches(batch_size=job.chunk_records):
        for rec in batch.to_pylist():
            n += 1
            size = sum(len(v) for v in rec.values() if isinstance(v, str))
            if size > job.max_record_bytes:
                yield n, Bad("too_large", f"record is {size} bytes, over the limit of {job.max_record_bytes}"), size
                continue
            yield n, rec, size


READERS = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}


# --- the work of one chunk (runs in a worker process) -------------------------------------

_ANON: Any = None
_MAPPING: dict | None = None


def _init_worker(key: bytes, job: Job, with_mapping: bool) -> None:
    global _ANON, _MAPPING
    _MAPPING = {} if with_mapping else None
    _ANON = make_anonymizer(key, job, _MAPPING)


def make_anonymizer(key: bytes, job: Job, mapping: dict | None):
    from pipelines import pii

    opts: dict[str, Any] = {"id_patterns": tuple(job.id_patterns), "transforms": dict(job.transforms)}
    if job.entities:
        opts["entities"] = tuple(job.entities)
    return pii.Anonymizer(key, pii.EngineOptions(**opts), mapping=mapping)


def _span_lines(index: int, field_json: str, spans, type_json: dict[str, str]) -> str:
    """The spans of one field as JSON lines, byte for byte what ``json.dumps`` gives for
    ``{"record": index, "field": f, "start": s.start, "end": s.end, "type": s.type}``."""
    head = f'{{"record": {index}, "field": {field_json}, "start": '
    out = []
    for s in spans:
        t = type_json.get(s.type)
        if t is None:
            t = type_json[s.type] = json.dumps(s.type)
        out.append(f'{head}{s.start}, "end": {s.end}, "type": {t}}}\n')
    return "".join(out)


#: ``json.dumps(row, ensure_ascii=False)`` without building an encoder per call (same bytes).
_encode_row = json.JSONEncoder(ensure_ascii=False).encode


def process_chunk(chunk: list[tuple[int, int, dict]], job: Job, with_spans: bool = True,
                  ) -> tuple[int, str | list[dict], str, Counter, dict]:
    """Anonymize the text fields of each (index, line, record); returns the number of
    records, the records (for JSONL already as the output lines, else dicts), the span
    lines (JSON, no values; "" unless ``with_spans``), counts per type, and new mapping pairs.

    Everything returned is cheap to pickle: the lines travel as one string per chunk."""
    anon = _ANON
    rows: list[dict] = []
    span_parts: list[str] = []
    counts: Counter = Counter()
    fields = job.text_fields
    field_json = {f: json.dumps(f) for f in fields}
    type_json: dict[str, str] = {}
    keep, subject_field = job.keep_fields, job.subject_field
    anonymize = anon.anonymize
    for index, _line, rec in chunk:
        new = dict(rec) if keep is None else {k: rec[k] for k in keep if k in rec}
        subject = None
        if subject_field:
            sv = rec.get(subject_field)
            subject = str(sv) if sv is not None else None
        for f in fields:
            value = rec[f]
            if value is None:
                new[f] = None
                continue
            r = anonymize(value, subject) if subject is not None else anonymize(value)
            new[f] = r.text
            if r.counts:
                counts.update(r.counts)
            if with_spans and r.spans:
                span_parts.append(_span_lines(index, field_json[f], r.spans, type_json))
        rows.append(new)
    data: str | list[dict] = "".join([_encode_row(r) + "\n" for r in rows]) if job.fmt == "jsonl" else rows
    pairs = dict(_MAPPING or {})
    if _MAPPING:
        _MAPPING.clear()
    return len(rows), data, "".join(span_parts), counts, pairs


# --- writers ------------------------------------------------------------------------------


class _JsonlWriter:
    def __init__(self, path: Path):
        self.f = open(path, "w", encoding="utf-8")

    def write(self, rows: list[dict] | str) -> None:
        """Dicts, or lines already encoded by ``process_chunk``."""
        if isinstance(rows, str):
            self.f.write(rows)
        else:
            self.f.writelines(_encode_row(r) + "\n" for r in rows)

    def close(self) -> None:
        self.f.close()


class _CsvWriter:
    def __init__(self, path: Path):
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.w: csv.DictWriter | None = None

    def write(self, rows: list[dict]) -> None:
        if rows and self.w is None:
            self.w = csv.DictWriter(self.f, fieldnames=list(rows[0]))
            self.w.writeheader()
        if self.w:
            self.w.writerows(rows)

    def close(self) -> None:
        self.f.close()


class _ParquetWriter:
    def __init__(self, path: Path):
        self.path, self.w = path, None

    def write(self, rows: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not rows:
            return
        table = pa.Table.from_pylist(rows)
        if self.w is None:
            self.w = pq.ParquetWriter(self.path, table.schema)
        self.w.write_table(table.cast(self.w.schema))

    def close(self) -> None:
        if self.w is not None:
            self.w.close()
        else:  # an empty result is still a valid (empty) file
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.table({}), self.path)


WRITERS = {"jsonl": _JsonlWriter, "csv": _CsvWriter, "parquet": _ParquetWriter}


# --- the driver ---------------------------------------------------------------------------------


def _chunks(path: Path, job: Job, outcome: Outcome) -> Iterator[list[tuple[int, int, dict]]]:
    chunk: list[tuple[int, int, dict]] = []
    index = 0
    for line, rec, size in READERS[job.fmt](path, job):
        outcome.records_in += 1
        outcome.bytes_in += size
        if not isinstance(rec, Bad):
            missing = [f for f in job.text_fields if f not in rec]
            if missing:
                rec = Bad("missing_field", f"record lacks the text field(s) {', '.join(map(repr, missing))}")
            else:
                wrong = [f for f in job.text_fields if rec[f] is not None and not isinstance(rec[f], str)]
                if wrong:
                    rec = Bad("not_text", f"field(s) {', '.join(map(repr, wrong))} are not text")
        if isinstance(rec, Bad):
            if job.on_error != "skip":
                raise DataError(f"{path}:{line}: {rec.message}")
            outcome.skipped[rec.reason] += 1
            continue
        chunk.append((index, line, rec))
        index += 1
        if len(chunk) >= job.chunk_records:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def anonymize_file(src: Path, dst: Path, key: bytes, job: Job, spans_path: Path | None = None,
                   mapping_path: Path | None = None, mapping_key: bytes | None = None, progress=None) -> Outcome:
    """Stream ``src`` to ``dst``; optionally write the spans (no values) and the
    encrypted re-identification mapping. Returns counts and timings."""
    if not src.is_file():
        raise DataError(f"{src}: file not found")
    if mapping_path is not None and not mapping_key:
        raise ConfigError("mapping", ["an encrypted mapping needs a Fernet key in the environment (RELEASE_GATE_MAPPING_KEY)"])
    outcome = Outcome()
    t0 = time.perf_counter()
    mapping: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        tmp_out = stack.enter_context(atomic_path(dst))
        tmp_spans = stack.enter_context(atomic_path(spans_path)) if spans_path else None
        writer = WRITERS[job.fmt](tmp_out)
        spans_f = stack.enter_context(open(tmp_spans, "w", encoding="utf-8")) if tmp_spans else None
        try:
            for n, data, span_text, counts, pairs in _run(src, job, key, outcome, mapping_path is not None,
                                                          spans_f is not None):
                writer.write(data)
                if spans_f and span_text:
                    spans_f.write(span_text)
                outcome.records_out += n
                outcome.replaced.update(counts)
                mapping.update(pairs)
                if progress:
                    progress(outcome)
        finally:
            writer.close()
        if outcome.records_in == 0:
            raise DataError(f"{src}: empty dataset; expected at least one record")
        if mapping_path is not None:
            write_mapping(mapping_path, mapping, mapping_key)
    outcome.seconds = time.perf_counter() - t0
    return outcome


def _run(src: Path, job: Job, key: bytes, outcome: Outcome, with_mapping: bool, with_spans: bool = True):
    """Chunks through the anonymizer, in order; a bounded pool when workers > 1."""
    if job.workers <= 1:
        _init_worker(key, job, with_mapping)
        for chunk in _chunks(src, job, outcome):
            yield process_chunk(chunk, job, with_spans)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(job.workers, initializer=_init_worker, initargs=(key, job, with_mapping)) as pool:
        pending: deque = deque()
        for chunk in _chunks(src, job, outcome):
            pending.append(pool.apply_async(process_chunk, (chunk, job, with_spans)))
            if len(pending) >= 2 * job.workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
