"""Peak memory of `release-gate anonymize` as the input grows: constant, not
proportional to the file. Builds JSONL inputs of the given sizes by repeating
the sample records (ids made unique), anonymizes each in a child process, and
prints the child's peak RSS next to the input size.

    python benchmarks/anonymize_memory.py --sizes-mb 50 200 1024 [--workers 2]

Goal (issue 4): a 1 GB input anonymizes with peak memory under 1 GB.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_input(path: Path, size_mb: int) -> int:
    rows = [json.loads(line) for line in (ROOT / "data/sample/records.jsonl").read_text().splitlines()]
    target, written, n = size_mb * 1_000_000, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            for r in rows:
                line = json.dumps({**r, "id": f"{r['id']}-{n}"}) + "\n"
                f.write(line)
                written += len(line.encode())
                n += 1
                if written >= target:
                    break
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes-mb", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args()
    print(f"{'input MB':>9} {'records':>9} {'seconds':>8} {'MB/s':>6} {'peak RSS MB (parent+workers)':>30}")
    for size in args.sizes_mb:
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            n = build_input(src, size)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t0 = time.perf_counter()
            code = (
                "import resource, sys\n"
                "from pipelines.cli import main\n"
                "try:\n"
                f"    main(['anonymize', {str(src)!r}, {str(dst)!r}, '--text-field', 'instruction', '--text-field', 'response', '--workers', '{args.workers}'])\n"
                "except SystemExit as e:\n"
                "    assert not e.code, e.code\n"
                "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
                "print(own, kids)\n"
            )
            res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                 env={**os.environ, "RELEASE_GATE_ANON_KEY": "benchmark-key-0123456789"})
            dt = time.perf_counter() - t0
            if res.returncode != 0:
                raise SystemExit(res.stderr[-2000:])
            own, kids = map(int, res.stdout.split()[-2:])
            del before
            print(f"{size:>9} {n:>9} {dt:>8.1f} {size / dt:>6.2f} {own / 1024:>14.0f} + {kids / 1024:.0f} per worker")


if __name__ == "__main__":
    main()
