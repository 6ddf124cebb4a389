"""End to end: real ``dvc repro`` in a temporary git copy of the repository,
against a real ``mlflow server`` on a free loopback port. Checks the registry
against dvc.lock and the evidence, the reruns DVC does after a parameter
change, that the registered model loads and generates, and that no personal
data or secret reached anything that was written."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import free_port, make_workspace

pytestmark = pytest.mark.slow

TEST_KEY = "e2e-test-key-7b1f0c2d9a"
STAGES = ("anonymize", "validate", "finetune", "evaluate", "bias_scan")


def run(cmd, cwd, env, timeout=1200):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, mlflow_server):
    ws = make_workspace(tmp_path_factory.mktemp("ws") / "repo")
    env = {**os.environ, "MLFLOW_TRACKING_URI": mlflow_server["uri"], "RELEASE_GATE_ANON_KEY": TEST_KEY, "RELEASE_GATE_PR_NUMBER": "7"}
    first = run(["dvc", "repro"], ws, env)
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-4000:]
    lock1 = yaml.safe_load((ws / "dvc.lock").read_text())
    logs = [first.stdout + first.stderr]
    return {"ws": ws, "env": env, "lock": lock1, "logs": logs, "server": mlflow_server}


def lock_md5(lock, stage, kind, path):
    return next(e["md5"] for e in lock["stages"][stage][kind] if e["path"] == path)


def client(uri):
    from mlflow import MlflowClient

    return MlflowClient(tracking_uri=uri, registry_uri=uri)


def test_registry_matches_dvc_lock_and_evidence(pipeline):
    from pipelines.core import evidence as ev

    ws, lock = pipeline["ws"], pipeline["lock"]
    mv = client(pipeline["server"]["uri"]).get_model_version_by_alias("clinical-summarizer", "candidate")
    tags = mv.tags
    assert tags["dataset.raw.md5"] == lock_md5(lock, "anonymize", "deps", "data/sample/records.jsonl")
    assert tags["dataset.anonymized.md5"] == lock_md5(lock, "anonymize", "outs", "data/anonymized/records.jsonl")
    assert tags["adapter.md5"] == lock_md5(lock, "finetune", "outs", "models/candidate")
    head = run(["git", "rev-parse", "HEAD"], ws, pipeline["env"]).stdout.strip()
    assert tags["git.commit"] == head
    for stage in STAGES:
        rec = ev.load(ws / "evidence" / f"{stage}.json")
        assert tags[f"evidence.{stage}.digest"] == rec.digest()
        assert tags[f"evidence.{stage}.passed"] == "true"
    ft = ev.load(ws / "evidence/finetune.json")
    assert tags["base_model.digest"] == ft.details["base_model_digest"] == lock_md5(lock, "finetune", "outs", "models/base")
    assert tags["anonymization.key_source"] == "environment"
    assert len(tags["config.digest"]) == 64
    pr = client(pipeline["server"]["uri"]).get_model_version_by_alias("clinical-summarizer", "pr-7")
    assert str(pr.version) == str(mv.version)
    reg = json.loads((ws / "evidence/register.json").read_text())
    assert reg["details"]["version"] == str(mv.version)


def test_run_holds_params_metrics_datasets_and_evidence(pipeline):
    c = client(pipeline["server"]["uri"])
    mv = c.get_model_version_by_alias("clinical-summarizer", "candidate")
    run_ = c.get_run(mv.run_id)
    assert run_.data.params["finetune.lora.r"] == "16"
    assert "evaluate.candidate.rouge_l" in run_.data.metrics
    assert len(c.get_metric_history(mv.run_id, "finetune.train_loss")) > 10
    digests = {i.dataset.name: i.dataset.digest for i in run_.inputs.dataset_inputs}
    assert digests["anonymized-records"] == lock_md5(pipeline["lock"], "anonymize", "outs", "data/anonymized/records.jsonl")
    names = {a.path for a in c.list_artifacts(mv.run_id, "evidence")}
    assert {f"evidence/{s}.json" for s in STAGES} <= names


def test_candidate_alias_loads_and_generates(pipeline):
    import mlflow

    mlflow.set_tracking_uri(pipeline["server"]["uri"])
    model = mlflow.pyfunc.load_model("models:/clinical-summarizer@candidate")
    out = model.predict(["Summarize the following clinic visit note.\n\nCC: cough for 2 weeks. Assessment: bronchitis.\n\n### Summary:\n"])
    assert isinstance(out[0], str) and out[0].strip()


def test_status_shows_complete_chain(pipeline):
    res = run(["release-gate", "status"], pipeline["ws"], pipeline["env"])
    assert res.returncode == 0, res.stdout + res.stderr
    assert "chain complete" in res.stdout


def test_no_change_repro_skips_everything_and_registers_nothing_new(pipeline):
    c = client(pipeline["server"]["uri"])
    before = len(c.search_model_versions("name='clinical-summarizer'"))
    res = run(["dvc", "repro"], pipeline["ws"], pipeline["env"])
    pipeline["logs"].append(res.stdout + res.stderr)
    assert res.returncode == 0
    for stage in (*STAGES, "register"):
        assert f"Stage '{stage}' didn't change, skipping" in res.stdout
    assert len(c.search_model_versions("name='clinical-summarizer'")) == before


def test_signoff_promote_history_through_the_cli(pipeline):
    ws, env = pipeline["ws"], pipeline["env"]
    for who in ("alice", "bob"):
        res = run(["release-gate", "signoff", "--approver", who, "--comment", "read the report"], ws, env)
        assert res.returncode == 0, res.stderr
    res = run(["release-gate", "promote", "--lineage", "dvc.lock"], ws, env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "promoted clinical-summarizer version 1 to @champion" in res.stdout
    res = run(["release-gate", "history"], ws, env)
    assert "version 1 was champion" in res.stdout and "approved by alice" in res.stdout and "approved by bob" in res.stdout
    lock = pipeline["lock"]
    assert lock_md5(lock, "anonymize", "outs", "data/anonymized/records.jsonl") in res.stdout
    res = run(["release-gate", "ledger", "verify"], ws, env)
    assert res.returncode == 0, res.stderr
    res = run(["release-gate", "promote"], ws, env)  # again: already champion
    assert res.returncode == 7 and "version 1 is already champion" in res.stderr


def test_param_change_reruns_that_stage_and_later_only(pipeline):
    ws = pipeline["ws"]
    cfg_path = ws / "configs/pipeline.yaml"
    text = cfg_path.read_text()
    # evaluate.statistics.resamples: re-runs evaluate without changing what it
    # generates, so the candidate still passes against the champion it is compared with
    old = "    resamples: 2000 "
    assert old in text
    cfg_path.write_text(text.replace(old, "    resamples: 3000 ", 1))
    res = run(["dvc", "repro"], ws, pipeline["env"])
    pipeline["logs"].append(res.stdout + res.stderr)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    # evaluate and register re-run; the stages before it do not, and neither
    # does bias_scan: the generations it reads from evaluate are byte-identical.
    for stage in ("anonymize", "validate", "finetune", "bias_scan"):
        assert f"Stage '{stage}' didn't change, skipping" in res.stdout
    for stage in ("evaluate", "register"):
        assert f"Running stage '{stage}'" in res.stdout
    metrics = json.loads((ws / "metrics/evaluate.json").read_text())
    assert metrics["champion_version"] == "1" and metrics["champion"]["n"] == metrics["candidate"]["n"]
    c = client(pipeline["server"]["uri"])
    versions = sorted(int(v.version) for v in c.search_model_versions("name='clinical-summarizer'"))
    mv = c.get_model_version_by_alias("clinical-summarizer", "candidate")
    assert int(mv.version) == versions[-1] and len(versions) >= 2


def test_a_failing_candidate_is_registered_with_its_failures(pipeline):
    ws = pipeline["ws"]
    cfg_path = ws / "configs/pipeline.yaml"
    text = cfg_path.read_text()
    assert "    min_rouge_l: 0.15\n" in text
    cfg_path.write_text(text.replace("    min_rouge_l: 0.15\n", "    min_rouge_l: 0.99\n"))
    try:
        res = run(["dvc", "repro"], ws, pipeline["env"])
        pipeline["logs"].append(res.stdout + res.stderr)
        assert res.returncode != 0
        assert "registered WITH FAILURES" in res.stdout + res.stderr and "candidate.rouge_l" in res.stdout + res.stderr
        mv = client(pipeline["server"]["uri"]).get_model_version_by_alias("clinical-summarizer", "candidate")
        assert mv.tags["candidate.passed"] == "false" and mv.tags["evidence.evaluate.passed"] == "false"
        assert "**FAIL**" in (ws / "reports/candidate.md").read_text()
        gate = run(["release-gate", "gate"], ws, pipeline["env"])
        assert gate.returncode == 7 and "evaluate: failed (candidate.rouge_l" in gate.stderr
    finally:
        cfg_path.write_text(text)


def test_unreachable_server_changes_nothing(pipeline):
    ws = pipeline["ws"]
    before = {p: (ws / p).read_bytes() for p in ("evidence/register.json", "reports/candidate.md")}
    env = {**pipeline["env"], "MLFLOW_TRACKING_URI": f"http://127.0.0.1:{free_port()}"}
    res = run(["release-gate", "stage", "register"], ws, env)
    assert res.returncode == 6
    assert "unreachable" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert {p: (ws / p).read_bytes() for p in before} == before


def _pii_values(repo_root: Path) -> set[str]:
    """High-risk values planted in the raw sample (from its label sidecar)."""
    records = {}
    for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines():
        r = json.loads(line)
        records[r["id"]] = r
    values = set()
    for line in (repo_root / "data/sample/pii_spans.jsonl").read_text().splitlines():
        s = json.loads(line)
        v = records[s["record"]][s["field"]][s["start"] : s["end"]]
        if s["type"] in ("EMAIL", "PHONE", "ID", "ADDRESS") or (s["type"] == "PERSON" and len(v.split()) >= 2):
            if len(v) >= 6:
                values.add(v.lower())
    return values


def test_no_personal_data_or_key_in_anything_written(pipeline, repo_root):
    ws, server_dir = pipeline["ws"], pipeline["server"]["dir"]
    values = _pii_values(repo_root)
    assert len(values) > 500
    blobs: dict[str, str] = {f"log{i}": log.lower() for i, log in enumerate(pipeline["logs"])}
    roots = [ws / d for d in ("evidence", "metrics", "reports", "plots", "data/anonymized", "models")] + [server_dir]
    for root in roots:
        for p in root.rglob("*"):
            if p.is_file() and p.name != "server.log":
                blobs[str(p)] = p.read_bytes().decode("utf-8", errors="ignore").lower()
    # whole values only: a planted "690488" inside a surrogate "9969048812" is not a leak
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)) + r")(?![\w])")
    found = [(name, m.group(0)) for name, text in blobs.items() for m in [pattern.search(text)] if m]
    assert not found, f"{len(found)} personal-data values found, e.g. in {found[0][0]}"
    assert not [n for n, t in blobs.items() if TEST_KEY.lower() in t], "the anonymization key was written somewhere"
