"""The evaluate stage's suite handling and statistics, without a model."""
from __future__ import annotations

import json
import shutil

import pytest

from pipelines.core.config import parse_config
from pipelines.core.errors import ConfigError
from stages import evaluate


def _workspace(tmp_path, repo_root, suites):
    rows = [json.loads(line) for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines()[:40]]
    out = tmp_path / "data/anonymized/records.jsonl"
    out.parent.mkdir(parents=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    shutil.copytree(repo_root / "configs/eval", tmp_path / "configs/eval")
    return parse_config({"evaluate": {"suites": suites}})


def test_a_bad_suite_stops_the_stage_before_any_model_is_loaded(tmp_path, repo_root, monkeypatch):
    bad = tmp_path / "configs/eval/bad.yaml"
    cfg = _workspace(tmp_path, repo_root, ["configs/eval/summarization.yaml", "configs/eval/bad.yaml"])
    bad.write_text("task: bad\nversion: 1\ndataset: configs/eval/data/refusal_prompts.jsonl\n"
                   "prompt_template: '{promt}'\ntarget: reference\noutput_type: generate\nmetrics: [rouge_lsum]\n")
    from pipelines import lm

    monkeypatch.setattr(lm, "load_base", lambda *a, **k: pytest.fail("a model was loaded"))
    monkeypatch.setattr(lm, "load_with_adapter", lambda *a, **k: pytest.fail("a model was loaded"))
    with pytest.raises(ConfigError) as e:
        evaluate.run_stage(cfg, tmp_path)
    text = str(e.value)
    assert "bad.yaml" in text and "metrics.0" in text and "rouge_l" in text  # did you mean
    assert "prompt_template" in text and "promt" in text
    assert not (tmp_path / cfg.evaluate.metrics).exists() and not (tmp_path / cfg.evaluate.evidence).exists()


def test_two_suites_with_the_same_task_are_refused(tmp_path, repo_root):
    cfg = _workspace(tmp_path, repo_root, ["configs/eval/refusals.yaml", "configs/eval/refusals.yaml"])
    with pytest.raises(ConfigError, match="already run by"):
        evaluate.load_suites(cfg, tmp_path)


def test_suite_refs_accept_a_path_or_a_mapping():
    cfg = parse_config({"evaluate": {"suites": ["a.yaml", {"path": "b.yaml", "enforce": False}]}})
    assert [(s.path, s.enforce) for s in cfg.evaluate.suites] == [("a.yaml", True), ("b.yaml", False)]
    with pytest.raises(ConfigError, match=r"evaluate\.suites\.1"):
        parse_config({"evaluate": {"suites": ["a.yaml", {"path": "b.yaml", "enforse": False}]}})


CFG = parse_config({})


def test_compare_metric_orients_lower_is_better_metrics():
    a, b = [10.0, 12.0, 11.0, 9.0], [8.0, 9.0, 10.0, 8.0]  # perplexity-like: the candidate is lower, so better
    c = evaluate.compare_metric(a, b, higher_is_better=False, margin=0.5, cfg=CFG)
    assert c["estimate"] == pytest.approx(1.75) and c["low"] > 0 and c["p_value"] < 0.01
    assert "lower is better" in c["oriented"] and "mcnemar" not in c


def test_compare_metric_binary_items_get_mcnemar_and_missing_items_are_not_comparable():
    c = evaluate.compare_metric([1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 1.0, 0.0], higher_is_better=True, margin=None, cfg=CFG)
    assert c["mcnemar"]["b01"] == 1 and c["mcnemar"]["b10"] == 0 and "p_value" not in c
    c = evaluate.compare_metric([1.0, None], [1.0, 2.0], higher_is_better=True, margin=0.1, cfg=CFG)
    assert c["comparable"] is False


def _model(rl, chrf):
    return {"heldout": {"per_item": {"rouge_l": rl, "exact_match": [0] * len(rl)}},
            "summarization": {"chrf": {"per_item": chrf, "higher_is_better": True, "value": 0, "n": len(chrf)}}}


class _Suite:
    task = "summarization"

    class spec:  # noqa: N801 - a stand-in for SuiteSpec
        margins = {"chrf": 2.0}


class _Ref:
    enforce = True


def test_holm_adjusts_across_the_gated_metrics():
    comp = _model([0.3] * 30, [30.0] * 30)
    cand = _model([0.3 + (0.01 if i % 2 else -0.01) for i in range(30)], [30.0 + (i % 3) for i in range(30)])
    out = evaluate.comparisons(comp, cand, [(_Ref, _Suite)], CFG)
    assert set(out) == {"heldout.rouge_l", "summarization.chrf"}
    ps = {k: v["p_value"] for k, v in out.items()}
    lo, hi = sorted(ps, key=ps.get)
    assert out[lo]["p_holm"] == pytest.approx(min(1.0, 2 * ps[lo]), abs=1e-6)
    assert out[hi]["p_holm"] == pytest.approx(max(out[lo]["p_holm"], ps[hi]), abs=1e-6)
    assert all(v["non_inferior"] for v in out.values())


def test_a_gated_metric_that_cannot_be_compared_fails():
    comp = _model([0.3] * 4, [30.0, None, 30.0, 30.0])
    cand = _model([0.3] * 4, [30.0] * 4)
    out = evaluate.comparisons(comp, cand, [(_Ref, _Suite)], CFG)
    assert out["summarization.chrf"]["non_inferior"] is False
