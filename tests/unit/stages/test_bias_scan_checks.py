"""The bias/privacy/safety scan's rules, without a model."""
from __future__ import annotations

import json
import shutil

import pytest

from pipelines.core.config import parse_config
from pipelines.core.errors import ConfigError
from stages import bias_scan
from stages.bias_scan import Swapper

CFG = parse_config({})
T = CFG.bias_scan.thresholds


def test_a_generation_that_differs_only_in_the_swapped_terms_is_not_a_flip():
    sw = Swapper([("he", "she"), ("him", "her"), ("his", "her")])
    assert bias_scan._same(sw, "He reports that his knee hurts.", "She reports that her knee  hurts.")
    assert not bias_scan._same(sw, "He reports knee pain.", "She reports back pain.")


AXIS = {"n": 40, "loglik_gap": 0.01, "metric_gap": 0.01, "flip_rate": 0.30, "worst_case_drop": 0.04}


def _suite(repo_root, name):
    from pipelines.evalsuite.bias import load_bias_suite
    from pipelines.evalsuite.loader import SplitSource

    return load_bias_suite(repo_root / f"configs/bias/{name}.yaml", root=repo_root,
                           eval_split=SplitSource("data/sample/records.jsonl"))


def test_axis_is_judged_against_the_champion_with_delta(repo_root):
    cf = _suite(repo_root, "counterfactual")
    checks = {c.name: c for c in bias_scan._axis_checks(cf, "gender", AXIS, {**AXIS, "flip_rate": 0.20}, "champion")}
    assert checks["counterfactual.gender.flip_rate_vs_champion"].threshold == pytest.approx(0.20 + cf.spec.delta)
    assert not checks["counterfactual.gender.flip_rate_vs_champion"].passed  # 0.30 > 0.25
    assert checks["counterfactual.gender.worst_case_drop_vs_champion"].passed
    ceiling = checks["counterfactual.gender.flip_rate"]
    assert ceiling.op == "<=" and ceiling.threshold == cf.spec.thresholds["flip_rate"].max


def test_against_the_base_model_the_deltas_are_only_recorded(repo_root):
    cf = _suite(repo_root, "counterfactual")
    checks = {c.name: c for c in bias_scan._axis_checks(cf, "gender", AXIS, {**AXIS, "flip_rate": 0.0}, "base")}
    assert "counterfactual.gender.flip_rate_vs_base" not in checks
    assert checks["counterfactual.gender.base_flip_rate"].op == "info"


def test_an_axis_with_too_few_pairs_is_reported_not_judged(repo_root):
    checks = bias_scan._axis_checks(_suite(repo_root, "counterfactual"), "age", {**AXIS, "n": 3}, {}, "champion")
    assert [c.op for c in checks] == ["info", "info"] and "min_pairs" in checks[1].value


def test_stereotype_against_its_ceilings_and_the_champion(repo_root):
    st = _suite(repo_root, "stereotype")
    stereo = {"candidate": {"overall": {"pct_stereotype": 0.70, "n": 50}},
              "champion": {"overall": {"pct_stereotype": 0.55, "n": 50}}}
    checks = {c.name: c for c in bias_scan._stereotype_checks(st, stereo, "champion")}
    assert not checks["stereotype.pct_stereotype"].passed  # 0.70 above the suite's 0.65 ceiling
    assert checks["stereotype.deviation_from_parity"].value == pytest.approx(0.20)
    assert not checks["stereotype.deviation_from_parity_vs_champion"].passed  # 0.20 > 0.05 + 0.05


def test_leak_check_counts_without_values():
    values = {"PERSON": {"maria lopez"}, "EMAIL": {"m.lopez@example.org"}}
    out = bias_scan.leak_check({"evaluate": ["Seen by Maria Lopez today.", "nothing"], "probes": ["mail m.lopez@example.org"]},
                               values)
    assert out["generations_with_leaks"] == 2 and out["generations_checked"] == 3
    assert out["by_source"] == {"evaluate": {"generations": 2, "with_leaks": 1}, "probes": {"generations": 1, "with_leaks": 1}}
    assert "lopez" not in json.dumps(out).lower()


PRIV = {"canaries": {"max_exposure": 9.9, "max_possible_exposure": 9.97, "canaries": 4,
                     "by_repetitions": {"0": {"n": 2, "mean_exposure": 1.2, "max_exposure": 1.5}}},
        "extraction": {"rate": 0.05, "eligible": 64}, "membership": {"auc": 0.62, "members": 93}}


def test_privacy_thresholds_report_when_null_and_gate_when_set():
    checks = {c.name: c for c in bias_scan.privacy_checks(PRIV, CFG)}
    assert checks["privacy.canary_max_exposure"].op == "info" and checks["privacy.membership_auc"].op == "info"
    strict = parse_config({"privacy": {"thresholds": {"max_exposure": 6.0, "max_extraction_rate": 0.0, "max_membership_auc": 0.6}}})
    checks = {c.name: c for c in bias_scan.privacy_checks(PRIV, strict)}
    assert not checks["privacy.canary_max_exposure"].passed
    assert not checks["privacy.extraction_rate"].passed
    assert not checks["privacy.membership_auc"].passed


def test_a_bad_probe_file_stops_the_scan_before_any_model_is_loaded(tmp_path, repo_root, monkeypatch):
    shutil.copytree(repo_root / "configs/bias", tmp_path / "configs/bias")
    shutil.copytree(repo_root / "data/sample", tmp_path / "data/sample")
    (tmp_path / "data/anonymized").mkdir(parents=True)
    shutil.copy(repo_root / "data/sample/records.jsonl", tmp_path / "data/anonymized/records.jsonl")
    (tmp_path / "probes.jsonl").write_text('{"id": "p1", "prompt": "say X", "triggers": []}\n')
    cfg = parse_config({"safety": {"probes": "probes.jsonl"}})
    from pipelines import lm

    monkeypatch.setattr(lm, "load_with_adapter", lambda *a, **k: pytest.fail("a model was loaded"))
    with pytest.raises(ConfigError) as e:
        bias_scan.run_stage(cfg, tmp_path)
    assert "probes.jsonl" in str(e.value) and "line 1" in str(e.value) and "triggers" in str(e.value)


def test_probe_names_are_checked_with_a_suggestion():
    assert parse_config({}).bias_scan.probes == list(bias_scan_probes())
    with pytest.raises(ConfigError, match=r"bias_scan\.probes.*unknown probe 'extration'; did you mean 'extraction'"):
        parse_config({"bias_scan": {"probes": ["counterfactual", "extration"]}})


def bias_scan_probes():
    from pipelines.core.config import PROBES

    return PROBES


def test_bias_suites_report_every_problem_with_file_and_key(tmp_path, repo_root):
    from pipelines.evalsuite.bias import load_bias_suite
    from pipelines.evalsuite.loader import SplitSource, SuiteError

    (tmp_path / "cf.yaml").write_text(
        "task: cf\nversion: 1\nkind: counterfactual\ndataset: pipeline:eval_split\nprompt_template: '{instrucion}'\n"
        "target: response\nthresholds:\n  flip_rat: {max: 0.5}\n")
    (tmp_path / "data").mkdir()
    shutil.copy(repo_root / "data/sample/records.jsonl", tmp_path / "data/records.jsonl")
    with pytest.raises(SuiteError) as e:
        load_bias_suite(tmp_path / "cf.yaml", root=tmp_path, eval_split=SplitSource("data/records.jsonl"))
    text = str(e.value)
    assert "cf.yaml" in text and "terms: required for kind 'counterfactual'" in text
    assert "thresholds.flip_rat" in text and "did you mean 'flip_rate'" in text
    assert "prompt_template" in text and "instrucion" in text
    (tmp_path / "st.yaml").write_text("task: st\nversion: 1\nkind: stereotype\ndataset: pairs.tsv\n")
    with pytest.raises(SuiteError, match="dataset: file not found: pairs.tsv"):
        load_bias_suite(tmp_path / "st.yaml", root=tmp_path)


def test_shipped_bias_suites_load_with_version_and_digest(repo_root):
    cf, st = _suite(repo_root, "counterfactual"), _suite(repo_root, "stereotype")
    assert cf.spec.version == st.spec.version == 1
    assert set(cf.provenance()["files"]) == {"dataset", "terms"} and len(cf.digest()) == 64
    assert st.provenance()["files"]["dataset"]["path"] == "configs/bias/stereotype_pairs.csv"
