"""Real transformers + peft LoRA training on the tiny model (CPU)."""
from __future__ import annotations

import csv
import json

import pytest

from pipelines.core.config import parse_config
from pipelines.core.digests import path_md5
from stages import finetune

pytestmark = pytest.mark.slow

SMALL = {
    "finetune": {
        "tiny": {"vocab_size": 400, "n_embd": 64, "pretrain_steps": 60},
        "training": {"epochs": 3, "batch_size": 8, "max_length": 128, "learning_rate": 0.01},
    }
}


@pytest.fixture()
def workspace(tmp_path, repo_root):
    rows = [json.loads(line) for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines()[:90]]
    out = tmp_path / "data/anonymized/records.jsonl"
    out.parent.mkdir(parents=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))  # stands in for anonymize's output
    return tmp_path, parse_config(SMALL)


def test_training_loss_falls_and_outputs_are_complete(workspace):
    root, cfg = workspace
    rec = finetune.run_stage(cfg, root)
    assert rec.passed, rec.failures()
    checks = {c["name"]: c["value"] for c in rec.checks}
    assert checks["loss.last_epoch"] < checks["loss.first_epoch"] * 0.95
    assert (root / "models/candidate/adapter_config.json").is_file()
    assert (root / "models/candidate/tokenizer.json").is_file()
    with open(root / "plots/loss.csv") as f:
        curve = list(csv.DictReader(f))
    assert len(curve) == rec.details["steps"] and set(curve[0]) == {"step", "epoch", "loss"}
    assert rec.details["trainable_parameters"] < rec.details["parameters"] / 5  # LoRA, not full fine-tuning
    assert rec.details["base_model_digest"] == path_md5(root / "models/base")


def test_tiny_base_and_training_are_deterministic(workspace):
    root, cfg = workspace
    a = finetune.run_stage(cfg, root)
    b = finetune.run_stage(cfg, root)
    assert a.details["base_model_digest"] == b.details["base_model_digest"]
    assert a.details["tokenizer_digest"] == b.details["tokenizer_digest"]
    assert a.outputs == b.outputs  # adapter and loss curve byte for byte
