"""The CLI starts fast (no heavy imports) and turns errors into exit codes."""
from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from pipelines.cli import main

HEAVY = ("torch", "transformers", "peft", "mlflow", "great_expectations", "dvc", "pandas", "github3")


def test_help_imports_nothing_heavy():
    code = "import sys; from pipelines.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\nprint('HEAVY=' + ','.join(m for m in %r if m in sys.modules))" % (HEAVY,)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip().splitlines()[-1] == "HEAVY="


def test_status_and_stage_modules_import_nothing_heavy():
    code = ("import sys, importlib\nfor m in ['stages.anonymize','stages.validate','stages.finetune','stages.evaluate','stages.bias_scan','stages.register','pipelines.pii','pipelines.lm','pipelines.registry']:\n"
            "    importlib.import_module(m)\nprint(','.join(m for m in %r if m in sys.modules))" % (HEAVY,))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == ""


def test_config_error_is_one_message_and_exit_2(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("finetune:\n  lora:\n    r: 0\n")
    res = CliRunner().invoke(main, ["--root", str(tmp_path), "stage", "anonymize", "--config", "c.yaml"])
    assert res.exit_code == 2
    assert "finetune.lora.r: expected a value ≥ 1, got 0" in res.output
    assert "Traceback" not in res.output


def test_status_on_empty_workspace_says_where_chain_breaks(tmp_path, repo_root):
    res = CliRunner().invoke(main, ["--root", str(tmp_path), "status", "--config", str(repo_root / "configs/pipeline.yaml")])
    assert res.exit_code == 4
    assert "anonymize  missing" in res.output
    assert "chain breaks at anonymize" in res.output


def test_import_layers_hold(repo_root):
    """The import-linter contracts of pyproject.toml (layers, no stage imports another)."""
    res = subprocess.run(["lint-imports"], cwd=repo_root, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
