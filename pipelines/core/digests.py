"""Digests that match what DVC records in dvc.lock, plus canonical JSON hashing.

A file's digest is its plain md5 (DVC 3 ``hash: md5``); a directory's is DVC's
``<md5>.dir``: the md5 of the sorted JSON list of ``{"md5", "relpath"}`` of its
files. Computing them the same way DVC does lets the evidence, the registry
tags and dvc.lock be compared for equality without importing DVC.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20


def file_md5(path: str | os.PathLike) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def dir_md5(path: str | os.PathLike) -> str:
    root = Path(path)
    entries = []
    for p in root.rglob("*"):
        if p.is_file():
            entries.append({"md5": file_md5(p), "relpath": p.relative_to(root).as_posix()})
    entries.sort(key=lambda e: e["relpath"])
    payload = json.dumps(entries, sort_keys=True).encode("utf-8")
    return hashlib.md5(payload).hexdigest() + ".dir"


def path_md5(path: str | os.PathLike) -> str:
    """DVC's digest of a file or a directory."""
    return dir_md5(path) if Path(path).is_dir() else file_md5(path)


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_json(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()
