"""Interleaved A/B of the anonymization engine: another checkout's ``pipelines/pii`` against
this one's, both loaded in ONE process on ONE core, their timed passes alternating.

    python benchmarks/anonymize_ab.py --base PATH [--repeat 10] [--cpu N]

PATH is the root of another checkout (``git worktree add /tmp/base <commit>``). Each copy of
``pipelines/pii`` is imported under its own package name from a temporary folder, so the two
engines run side by side on the same texts (both labelled sets, as in anonymize_speed.py);
each pass anonymizes every text with a fresh ``Anonymizer`` built before its clock starts, and
the order of the two alternates from round to round. Single runs of anonymize_speed.py vary by
about +-7 % on a shared machine; alternating passes in one process cancels most of that drift,
so this resolves changes of 1-2 %. Prints each engine's min and median pass in ms and the ratio
this/base (below 1: this checkout is faster).
"""
from __future__ import annotations

import argparse
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY = b"release-gate benchmark key, not secret"


def _load(copy_root: Path, tag: str, checkout: Path):
    pkg = copy_root / f"pipelines_{tag}"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    shutil.copytree(checkout / "pipelines" / "pii", pkg / "pii", ignore=shutil.ignore_patterns("__pycache__"))
    return importlib.import_module(f"pipelines_{tag}.pii")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, type=Path, help="root of the other checkout")
    ap.add_argument("--repeat", type=int, default=10, help="timed passes per engine")
    ap.add_argument("--cpu", type=int, default=None, help="the CPU to pin to (default: the first allowed)")
    args = ap.parse_args(argv)
    if not (args.base / "pipelines" / "pii").is_dir():
        print(f"error: {args.base} has no pipelines/pii (expected the root of a checkout)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from anonymize_speed import pin_one_core

    cpu = pin_one_core(args.cpu)
    sys.path.insert(1, str(ROOT))  # (pipelines.core, used by the copies' mapping module)
    import anonymize_quality as q

    texts = [t for ds in q.load_datasets(["sample", "tickets"]) for _, _, t in ds.texts()]
    with tempfile.TemporaryDirectory(prefix="rg-ab-") as tmp:
        sys.path.insert(0, tmp)
        engines = {"base": _load(Path(tmp), "base", args.base.resolve()), "this": _load(Path(tmp), "this", ROOT)}
        for mod in engines.values():  # warm-up: gazetteers, compiled patterns, lazy imports
            a = mod.Anonymizer(key=KEY)
            for t in texts:
                a.anonymize(t)
        times: dict[str, list[float]] = {"base": [], "this": []}
        for r in range(args.repeat):
            for tag in (("base", "this") if r % 2 == 0 else ("this", "base")):
                a = engines[tag].Anonymizer(key=KEY)
                t0 = time.perf_counter()
                for t in texts:
                    a.anonymize(t)
                times[tag].append((time.perf_counter() - t0) * 1000)
    print(f"one core: CPU {cpu}; {len(texts)} texts; {args.repeat} alternating passes each")
    for tag, label in (("base", f"base ({args.base})"), ("this", f"this ({ROOT})")):
        print(f"  {label:60s} min {min(times[tag]):7.0f} ms   median {statistics.median(times[tag]):7.0f} ms")
    print(f"this/base: min {min(times['this']) / min(times['base']):.3f}   "
          f"median {statistics.median(times['this']) / statistics.median(times['base']):.3f}   (below 1: this is faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
