"""The tamper-evident ledger: append-only JSON lines, each entry carrying the
SHA-256 of the one before.

This module is pure: it builds entries, serialises them and verifies a chain
of lines. Where the ledger is stored (an MLflow artifact, with its head
digest mirrored in a registered-model tag) is the registry adapter's business.

Every registration, sign-off, promotion and rollback is an entry. Editing,
deleting, reordering or inserting an entry breaks the chain; truncating the
tail is caught by comparing the head with the mirrored head digest.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.core.digests import canonical_json, sha256_json

GENESIS = "0" * 64
KINDS = ("registration", "signoff", "promotion", "rollback", "reconciliation")


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str  # ISO 8601 UTC
    kind: str
    model: str
    version: str
    actor: str
    data: dict[str, Any]
    prev: str
    digest: str

    def body(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "digest"}

    def line(self) -> str:
        return canonical_json({**self.body(), "digest": self.digest}).decode("utf-8")

    @property
    def time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.at.replace("Z", "+00:00"))


def make_entry(prev: Entry | None, kind: str, model: str, version: str, actor: str, data: dict[str, Any], at: str) -> Entry:
    if kind not in KINDS:
        raise ValueError(f"unknown ledger entry kind {kind!r}; expected one of {', '.join(KINDS)}")
    body = {
        "seq": 0 if prev is None else prev.seq + 1, "at": at, "kind": kind, "model": model, "version": str(version),
        "actor": actor, "data": data, "prev": GENESIS if prev is None else prev.digest,
    }
    return Entry(**body, digest=sha256_json(body))


def parse(lines: Sequence[str]) -> tuple[list[Entry], list[str]]:
    """Entries that parse, and a problem for every line that does not."""
    entries, problems = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            entries.append(Entry(**raw))
        except (json.JSONDecodeError, TypeError) as e:
            problems.append(f"line {n}: not a ledger entry ({e})")
    return entries, problems


def verify(lines: Sequence[str], head: str | None) -> list[str]:
    """Every problem in the chain: a digest that does not match its entry
    (edited), a ``prev`` that is not the digest of the entry before (deleted,
    reordered, inserted), a broken sequence, and a last entry whose digest is
    not the mirrored ``head`` (tail deleted or entries appended behind the
    gate's back)."""
    entries, problems = parse(lines)
    prev_digest = GENESIS
    for i, e in enumerate(entries):
        if sha256_json(e.body()) != e.digest:
            problems.append(f"entry {e.seq} ({e.kind} of version {e.version}): its content does not match its digest (edited)")
        if e.prev != prev_digest:
            problems.append(f"entry {e.seq} ({e.kind} of version {e.version}): does not follow the entry before it (deleted, reordered or inserted entries)")
        if e.seq != i:
            problems.append(f"entry at position {i} has sequence number {e.seq} (entries deleted or inserted)")
        prev_digest = e.digest
    last = entries[-1].digest if entries else GENESIS
    if head is None:
        if entries:
            problems.append("the registry holds no head digest for a non-empty ledger")
    elif head != last:
        problems.append(f"the ledger's last entry ({last[:12]}) is not the head recorded in the registry ({head[:12]}): entries removed or added")
    return problems


def champion_at(entries: Sequence[Entry], when: dt.datetime | None = None) -> Entry | None:
    """The promotion or rollback entry that made the champion in force at
    ``when`` (now if None)."""
    current = None
    for e in entries:
        if e.kind in ("promotion", "rollback") and (when is None or e.time <= when):
            current = e
    return current


class Store:  # the storage interface append() needs (registry.LedgerStore implements it)
    def read_lines(self) -> list[str]: ...
    def head(self) -> str | None: ...
    def write_lines(self, lines: list[str], head: str) -> None: ...


def append(store: Store, kind: str, model: str, version: str, actor: str, data: dict[str, Any], at: str) -> Entry:
    """Verify the stored chain, then append one entry. The caller holds the
    model's gate lock, so no other writer interleaves."""
    from pipelines.core.errors import LedgerError

    lines = store.read_lines()
    problems = verify(lines, store.head())
    if problems:
        raise LedgerError(f"the ledger of {model} does not verify; nothing appended: " + "; ".join(problems))
    entries, _ = parse(lines)
    entry = make_entry(entries[-1] if entries else None, kind, model, version, actor, data, at)
    store.write_lines([*lines, entry.line()], entry.digest)
    return entry
