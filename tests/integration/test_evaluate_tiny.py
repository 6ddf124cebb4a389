"""The evaluate stage with real (tiny) models: suites, determinism and the champion's result cache."""
from __future__ import annotations

import json
import shutil

import pytest

from pipelines import registry
from pipelines.core.config import parse_config
from stages import evaluate, finetune

pytestmark = pytest.mark.slow

SMALL = {
    "finetune": {
        "tiny": {"vocab_size": 400, "n_embd": 64, "pretrain_steps": 60},
        "training": {"epochs": 2, "batch_size": 8, "max_length": 128, "learning_rate": 0.01},
    },
    "evaluate": {
        "max_records": 24, "max_new_tokens": 24,
        "suites": ["configs/eval/summarization.yaml", "configs/eval/heldout_perplexity.yaml",
                   {"path": "configs/eval/structured_output.yaml", "enforce": False},
                   {"path": "configs/eval/triage_choice.yaml", "enforce": False}],
    },
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory, repo_root):
    root = tmp_path_factory.mktemp("evaluate")
    rows = [json.loads(line) for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["split"] == "train"][:60] + [r for r in rows if r["split"] == "eval"][:24]
    out = root / "data/anonymized/records.jsonl"
    out.parent.mkdir(parents=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))  # stands in for anonymize's output
    shutil.copytree(repo_root / "configs/eval", root / "configs/eval")
    cfg = parse_config({**SMALL, "registry": {"tracking_uri": f"sqlite:///{root / 'mlflow.db'}"}})
    assert finetune.run_stage(cfg, root).passed
    return root, cfg


def _read(root, cfg):
    return {p: (root / p).read_bytes() for p in (cfg.evaluate.metrics, cfg.evaluate.generations, cfg.evaluate.plot)}


def test_evaluating_twice_gives_identical_numbers(trained, monkeypatch):
    root, cfg = trained
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)  # the workspace's own sqlite registry: no champion
    first = evaluate.run_stage(cfg, root)
    a = _read(root, cfg)
    second = evaluate.run_stage(cfg, root)
    assert a == _read(root, cfg)  # metrics, generations and the plot, byte for byte
    varying = {"candidate.latency_ms_per_item", "candidate.tokens_per_s", "base.latency_ms_per_item", "base.tokens_per_s"}
    assert [c for c in first.checks if c["name"] not in varying] == [c for c in second.checks if c["name"] not in varying]
    m = json.loads(a[cfg.evaluate.metrics])
    comps = m["comparisons"]["metrics"]
    assert set(m["suites"]) == {"summarization", "heldout_perplexity", "structured_output", "triage_choice"}
    # all three output types: generate, loglikelihood (perplexity agrees with the held-out one), multiple_choice
    assert m["suites"]["heldout_perplexity"]["candidate"]["perplexity"]["value"] == pytest.approx(m["candidate"]["perplexity"])
    acc = m["suites"]["triage_choice"]["candidate"]["accuracy"]
    assert acc["n"] == 12 and set(acc["per_item"]) <= {0.0, 1.0}
    assert comps["heldout_perplexity.perplexity"]["oriented"].startswith("comparator - candidate")
    summ = m["suites"]["summarization"]
    assert summ["version"] == 1 and len(summ["suite_digest"]) == 64 and summ["dataset"]["split"] == "eval"
    assert summ["candidate"]["rouge_l"]["n"] == 24 and len(summ["candidate"]["chrf"]["per_item"]) == 24
    assert comps["summarization.chrf"]["margin"] == 2.0 and "p_holm" in comps["summarization.chrf"]
    assert comps["structured_output.json_valid"]["margin"] is None  # enforce: false -> reported, not gated
    assert first.details["suites"]["structured_output"]["enforce"] is False
    assert first.details["settings"]["libraries"]["torch"]
    assert (root / cfg.evaluate.plot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _make_champion(cfg, root, uri):
    """Register the trained model as the champion, the way register stores it (adapter + base artifacts)."""
    client = registry.client(uri)
    name = cfg.registry.model_name
    exp = client.create_experiment("cache-test")
    run = client.create_run(exp)
    client.log_artifacts(run.info.run_id, str(root / cfg.finetune.output_dir), "adapter")
    client.log_artifacts(run.info.run_id, str(root / cfg.finetune.base_dir), "base")
    client.set_terminated(run.info.run_id)
    client.create_registered_model(name)
    mv = client.create_model_version(name, source=f"runs:/{run.info.run_id}/adapter", run_id=run.info.run_id,
                                     tags={"base_model.name": "tiny"})
    client.set_registered_model_alias(name, cfg.registry.champion_alias, mv.version)
    return client, run.info.run_id


def test_champion_results_are_cached_with_its_run(trained, mlflow_server, monkeypatch):
    root, cfg = trained
    monkeypatch.setenv("MLFLOW_TRACKING_URI", mlflow_server["uri"])
    cfg = parse_config({**SMALL, "registry": {"tracking_uri": mlflow_server["uri"], "model_name": "cache-test-model"}})
    client, run_id = _make_champion(cfg, root, mlflow_server["uri"])

    first = evaluate.run_stage(cfg, root)
    cache = first.details["champion_cache"]
    assert first.details["compared_with"] == "champion" and first.details["champion_version"] == "1"
    scopes = ["heldout", "heldout_perplexity", "structured_output", "summarization", "triage_choice"]
    assert cache["hits"] == [] and sorted(cache["computed"]) == scopes
    stored = {f.path for f in client.list_artifacts(run_id, "evaluation-cache")}
    assert stored == {f"evaluation-cache/{k}.json" for k in cache["keys"].values()}
    a = _read(root, cfg)[cfg.evaluate.metrics]

    loads = []
    real = evaluate.Runner.__init__
    monkeypatch.setattr(evaluate.Runner, "__init__", lambda self, *x, **k: (loads.append(1), real(self, *x, **k))[1])
    second = evaluate.run_stage(cfg, root)
    assert second.details["champion_cache"]["hits"] == scopes
    assert second.details["champion_cache"]["computed"] == []
    assert len(loads) == 2  # candidate and base: the champion was not loaded again
    assert _read(root, cfg)[cfg.evaluate.metrics] == a  # the same numbers from the cache
    m = json.loads(a)
    # The champion is the candidate itself here: every difference is exactly zero.
    assert m["comparisons"]["metrics"]["heldout.rouge_l"]["estimate"] == 0.0
    gated = [c for c in second.checks if "non_inferior" in c["name"]]
    assert {c["name"] for c in gated} == {"rouge_l_non_inferior_vs_champion.p_holm",
                                          "summarization.chrf_non_inferior_vs_champion.p_holm",
                                          "heldout_perplexity.perplexity_non_inferior_vs_champion.p_holm"}
    assert all(c["passed"] for c in gated)
