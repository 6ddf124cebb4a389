from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from pipelines.cli import main
from pipelines.core.config import PipelineConfig, load_config, parse_config
from pipelines.core.errors import ConfigError


def test_bundled_config_is_valid(repo_root):
    cfg = load_config(repo_root / "configs/pipeline.yaml")
    assert cfg.finetune.lora.r >= 1
    assert cfg.registry.tracking_uri.startswith("sqlite:///")


def test_all_errors_reported_at_once_with_key_paths():
    raw = {
        "finetune": {"lora": {"r": "eight", "alpah": 16}, "training": {"epochs": 0}},
        "evaluate": {"thresholds": {"min_rouge_l": 1.5}},
        "anonymize": {"entities": ["EMAIL", "FAX"]},
        "unknown_section": {},
    }
    with pytest.raises(ConfigError) as e:
        parse_config(raw, "cfg.yaml")
    problems = e.value.problems
    assert 'finetune.lora.r: expected an integer ≥ 1, got "eight"' in problems
    assert "finetune.lora.alpah: unknown key; did you mean 'alpha'?" in problems
    assert "finetune.training.epochs: expected a value ≥ 1, got 0" in problems
    assert "evaluate.thresholds.min_rouge_l: expected a value ≤ 1.0, got 1.5" in problems
    assert any(p.startswith("anonymize.entities.1: expected 'PERSON'") for p in problems)
    assert any(p.startswith("unknown_section: unknown key") for p in problems)
    assert len(problems) == 6
    assert str(e.value).startswith("cfg.yaml: 6 error(s)")


def test_cross_field_rules():
    with pytest.raises(ConfigError) as e:
        parse_config({"validate": {"min_chars": 50, "max_chars": 10}, "finetune": {"tiny": {"n_embd": 65, "n_head": 2}},
                      "anonymize": {"id_patterns": ["([unclosed"]}})
    text = "\n".join(e.value.problems)
    assert "min_chars (50) must be below max_chars (10)" in text
    assert "n_embd (65) must be divisible by n_head (2)" in text
    assert "anonymize.id_patterns: invalid regular expression '([unclosed'" in text


def test_yaml_syntax_error_names_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("finetune:\n  lora: [1, 2\n")
    with pytest.raises(ConfigError) as e:
        load_config(p)
    assert str(p) in str(e.value) and "line" in str(e.value)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")
    p = tmp_path / "latin1.yaml"
    p.write_bytes("registry:\n  model_name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        load_config(p)


def test_cli_validate_exit_codes(tmp_path, repo_root):
    runner = CliRunner()
    ok = runner.invoke(main, ["--root", str(repo_root), "config", "validate"])
    assert ok.exit_code == 0, ok.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"finetune": {"lora": {"r": "eight"}}, "registry": {"model_nme": "x"}}))
    res = runner.invoke(main, ["config", "validate", str(bad)])
    assert res.exit_code == 2
    assert 'finetune.lora.r: expected an integer ≥ 1, got "eight"' in res.output
    assert "registry.model_nme: unknown key; did you mean 'model_name'?" in res.output


def test_cli_schema_is_json_schema():
    res = CliRunner().invoke(main, ["config", "schema"])
    assert res.exit_code == 0
    schema = json.loads(res.output)
    assert schema["additionalProperties"] is False
    assert {"data", "anonymize", "validate", "finetune", "evaluate", "bias_scan", "register", "registry", "policy"} <= set(schema["properties"])


def test_section_digest_changes_only_with_that_section():
    a = PipelineConfig()
    b = parse_config({"evaluate": {"max_new_tokens": 7}})
    assert a.digest(("finetune",)) == b.digest(("finetune",))
    assert a.digest(("evaluate",)) != b.digest(("evaluate",))
