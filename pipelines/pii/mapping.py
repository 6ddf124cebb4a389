"""The optional re-identification mapping: surrogate -> original, encrypted.

Written only when asked, encrypted with Fernet (AES-128-CBC + HMAC-SHA256)
under a key from the environment, so that an authorized person can reverse a
pseudonym; never stored with the data or in DVC/Git.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipelines.core.errors import ConfigError, DataError
from pipelines.core.fileio import atomic_path


def write_mapping(path: Path, mapping: dict[str, str], key: bytes) -> None:
    """surrogate -> original, encrypted with Fernet (AES-128-CBC + HMAC-SHA256)."""
    from cryptography.fernet import Fernet

    try:
        f = Fernet(key)
    except (ValueError, TypeError):
        raise ConfigError("RELEASE_GATE_MAPPING_KEY", ["expected a Fernet key (32 url-safe base64-encoded bytes)"]) from None
    payload = json.dumps({"version": 1, "pairs": mapping}, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with atomic_path(path) as tmp:
        tmp.write_bytes(f.encrypt(payload))


def read_mapping(path: Path, key: bytes) -> dict[str, str]:
    from cryptography.fernet import Fernet, InvalidToken

    try:
        return json.loads(Fernet(key).decrypt(path.read_bytes()))["pairs"]
    except (InvalidToken, ValueError, KeyError):
        raise DataError(f"{path}: cannot decrypt the mapping with this key") from None
