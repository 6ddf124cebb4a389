"""Wall time of each candidate-pipeline stage on the sample data, of a no-change
`dvc repro`, and of `release-gate --help`, each printed next to a reference
measured in the same run on the same machine.

    python benchmarks/pipeline_timings.py [--repeat 5]

Runs in a temporary git copy of the repository with the embedded sqlite
registry, so it touches nothing here. Goals (README): no-change `dvc repro`
<= 3 s, `release-gate --help` <= 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import make_workspace  # noqa: E402  (the same workspace copy the e2e tests use)

STAGES = ("anonymize", "validate", "finetune", "evaluate", "bias_scan", "register")


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return dt


def median_of(n: int, cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    return statistics.median(timed(cmd, cwd, env) for _ in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "MLFLOW_TRACKING_URI"}
    env.update(DVC_NO_ANALYTICS="1", GX_ANALYTICS_ENABLED="false")
    with tempfile.TemporaryDirectory() as tmp:
        ws = make_workspace(Path(tmp) / "repo")
        print(f"machine: {os.cpu_count()} cores; sample: data/sample/records.jsonl; registry: sqlite in the workspace\n")
        print(f"{'stage (dvc repro -s STAGE)':<32}{'wall s':>8}")
        total = 0.0
        for stage in STAGES:
            dt = timed(["dvc", "repro", "-s", stage], ws, env)
            total += dt
            print(f"{stage:<32}{dt:>8.2f}")
        print(f"{'whole pipeline':<32}{total:>8.2f}\n")
        noop = median_of(args.repeat, ["dvc", "repro"], ws, env)
        status = median_of(args.repeat, ["dvc", "status"], ws, env)
        helps = median_of(args.repeat, ["release-gate", "--help"], ws, env)
        bare = median_of(args.repeat, [sys.executable, "-c", "pass"], ws, env)
        print(f"{'measure (median of ' + str(args.repeat) + ')':<32}{'s':>8}   {'reference':<22}{'s':>8}{'ratio':>8}   goal")
        print(f"{'dvc repro, nothing changed':<32}{noop:>8.2f}   {'dvc status':<22}{status:>8.2f}{noop / status:>8.2f}   <= 3 s")
        print(f"{'release-gate --help':<32}{helps:>8.2f}   {'python -c pass':<22}{bare:>8.2f}{helps / bare:>8.2f}   <= 0.5 s")


if __name__ == "__main__":
    main()
