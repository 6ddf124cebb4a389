"""benchmarks/anonymize_ab.py: the interleaved A/B of two checkouts' engines runs and reports a
ratio (timings are not asserted), and a wrong --base is a clear error."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "anonymize_ab.py"


def test_ab_against_this_checkout_reports_both_engines_and_a_ratio():
    out = subprocess.run([sys.executable, str(SCRIPT), "--base", str(ROOT), "--repeat", "1"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "this/base: min " in out.stdout
    assert out.stdout.count(" min ") >= 2


def test_ab_with_a_folder_that_is_not_a_checkout_fails_clearly(tmp_path):
    out = subprocess.run([sys.executable, str(SCRIPT), "--base", str(tmp_path)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 2
    assert "has no pipelines/pii" in out.stderr and str(tmp_path) in out.stderr
