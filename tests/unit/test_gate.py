"""The release gate's refusal table: every way to refuse, and the ways to pass."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace

import pytest

from pipelines.core.config import PolicyConfig
from pipelines.core.digests import sha256_json
from pipelines.gate import Approval, Candidate, decide

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
PATHS = {"raw": "data/raw.jsonl", "anonymized": "data/anon.jsonl", "adapter": "models/candidate"}
POLICY = PolicyConfig(approvers=["alice", "bob", "carol", "acme/reviewers"], min_approvals=2, allow_dev_key=False, allow_local_signoff=True)


def record(stage, inputs, outputs, details=None, passed=True, commit="c0ffee"):
    return {
        "stage": stage, "passed": passed,
        "checks": [{"name": "x", "value": 1, "op": "==", "threshold": 1 if passed else 2, "passed": passed}],
        "inputs": inputs, "outputs": outputs, "config_digest": "cd", "code": {"git_commit": commit},
        "started_at": "t", "finished_at": "t", "details": details or {}, "schema_version": 1,
    }


def evidence():
    return {
        "anonymize": record("anonymize", {"data/raw.jsonl": "raw1"}, {"data/anon.jsonl": "anon1"}, {"development_key": False}),
        "validate": record("validate", {"data/raw.jsonl": "raw1", "data/anon.jsonl": "anon1"}, {}),
        "finetune": record("finetune", {"data/anon.jsonl": "anon1"}, {"models/base": "base1", "models/candidate": "adapt1"},
                           {"base_model_digest": "base1"}),
        "evaluate": record("evaluate", {"data/anon.jsonl": "anon1", "models/candidate": "adapt1"}, {"metrics/e.json": "m1"}),
        "bias_scan": record("bias_scan", {"data/raw.jsonl": "raw1", "models/candidate": "adapt1"}, {"metrics/b.json": "m2"}),
    }


def tags_for(ev, policy=POLICY):
    tags = {
        "git.commit": "c0ffee", "policy.digest": sha256_json(policy.model_dump(mode="json")),
        "dataset.raw.md5": "raw1", "dataset.anonymized.md5": "anon1", "adapter.md5": "adapt1", "base_model.digest": "base1",
        "evidence.bundle.digest": sha256_json({s: sha256_json(r) for s, r in ev.items()}), "candidate.passed": "true",
        "lineage.digest": "lin1",
    }
    for s, r in ev.items():
        tags[f"evidence.{s}.digest"] = sha256_json(r)
        tags[f"evidence.{s}.passed"] = str(r["passed"]).lower()
    return tags


def candidate(**kw):
    ev = kw.pop("evidence", None) or evidence()
    tags = kw.pop("tags", None) or tags_for(ev)
    base = dict(model_name="m", version="3", tags=tags, evidence=ev, paths=PATHS, policy_digest=sha256_json(POLICY.model_dump(mode="json")),
                champion_version="2", lineage_digest="lin1", known_commits=frozenset({"c0ffee", "beef"}), pr_author="dave",
                triggering_actor="erin", run_id="99")
    base.update(kw)
    return Candidate(**base)


def approval(who="alice", **kw):
    c = candidate()
    base = dict(approver=who, decision="approved", meaning="approved for release", comment="ok",
                signed_at=(NOW - dt.timedelta(hours=1)).isoformat().replace("+00:00", "Z"), model_name="m", version="3",
                evidence_digest=c.tags["evidence.bundle.digest"], source="github", run_id="99", teams=())
    base.update(kw)
    return Approval(**base)


GOOD = [approval("alice"), approval("bob")]


def without(stage):
    ev = evidence()
    del ev[stage]
    return ev


def failed(stage):
    ev = evidence()
    ev[stage] = {**ev[stage], "passed": False, "checks": [{"name": "rouge_l", "value": 0.01, "op": ">=", "threshold": 0.1, "passed": False}]}
    return ev


def mutate(fn):
    ev = evidence()
    fn(ev)
    return ev


def tags_with(**changes):
    t = tags_for(evidence())
    t.update({k.replace("__", "."): v for k, v in changes.items()})
    return t


def _dev_key(ev):
    ev["anonymize"]["details"]["development_key"] = True


def _eval_other_adapter(ev):
    ev["evaluate"]["inputs"]["models/candidate"] = "adaptX"


def _finetune_other_dataset(ev):
    ev["finetune"]["inputs"]["data/anon.jsonl"] = "anonX"


def _other_commit(ev):
    ev["evaluate"]["code"]["git_commit"] = "deadbeef"


# (case id, candidate kwargs, approvals, policy changes, expected reason fragment)
REFUSALS = [
    *[(f"missing-{s}", {"evidence": without(s)}, GOOD, {}, f"{s}: evidence missing") for s in evidence()],
    *[(f"failed-{s}", {"evidence": failed(s)}, GOOD, {}, f"{s}: failed") for s in ("validate", "evaluate", "bias_scan")],
    ("not-registered-by-gate", {"tags": {k: v for k, v in tags_for(evidence()).items() if k != "evidence.bundle.digest"}}, GOOD, {},
     "register: the version carries no evidence bundle digest"),
    ("candidate-failed-tag", {"tags": tags_with(candidate__passed="false")}, GOOD, {}, "candidate.passed is 'false'"),
    ("chain-eval-other-adapter", {"evidence": mutate(_eval_other_adapter)}, GOOD, {}, "chain broken: evaluate read models/candidate"),
    ("chain-finetune-other-dataset", {"evidence": mutate(_finetune_other_dataset)}, GOOD, {}, "chain broken: finetune read data/anon.jsonl"),
    ("tag-evidence-digest", {"tags": tags_with(evidence__evaluate__digest="f" * 64)}, GOOD, {}, "registry tag evidence.evaluate.digest differs"),
    ("tag-evidence-passed", {"tags": tags_with(evidence__bias_scan__passed="false")}, GOOD, {}, "evidence.bias_scan.passed differs"),
    ("tag-dataset", {"tags": tags_with(dataset__anonymized__md5="anonX")}, GOOD, {}, "registry tag dataset.anonymized.md5 differs"),
    ("tag-raw-dataset", {"tags": tags_with(dataset__raw__md5="rawX")}, GOOD, {}, "registry tag dataset.raw.md5 differs"),
    ("tag-adapter", {"tags": tags_with(adapter__md5="adaptX")}, GOOD, {}, "registry tag adapter.md5 differs"),
    ("tag-base-model", {"tags": tags_with(base_model__digest="baseX")}, GOOD, {}, "base_model.digest differs"),
    ("tag-bundle", {"tags": tags_with(evidence__bundle__digest="b" * 64)}, GOOD, {}, "evidence.bundle.digest differs"),
    ("other-commit", {"evidence": mutate(_other_commit)}, GOOD, {}, "evidence from commit deadbeef"),
    ("lineage-differs", {"lineage_digest": "linX"}, GOOD, {}, "lineage.digest differs"),
    ("policy-changed", {"policy_digest": "p" * 64}, GOOD, {}, "policy changed since the evidence was produced"),
    ("dev-key", {"evidence": mutate(_dev_key)}, GOOD, {}, "DEVELOPMENT key"),
    ("already-champion", {"champion_version": "3"}, GOOD, {}, "version 3 is already champion"),
    ("no-approval", {}, [], {}, "no approval recorded"),
    ("pr-author", {}, [approval("alice"), approval("dave")], {"approvers": ["alice", "dave"]}, "the approver is the change's author"),
    ("triggering-actor", {}, [approval("alice"), approval("erin")], {"approvers": ["alice", "erin"]}, "the approver triggered this run"),
    ("not-allowed", {}, [approval("alice"), approval("mallory")], {}, "approval by mallory does not count: the approver is not allowed"),
    ("too-few", {}, [approval("alice")], {}, "1 valid approval(s) from distinct approvers; the policy requires 2"),
    ("same-person-twice", {}, [approval("alice"), approval("Alice", comment="again")], {}, "1 valid approval(s)"),
    ("rejection", {}, [*GOOD, approval("carol", decision="rejected", comment="bias gap too high")], {},
     "carol rejected version 3: bias gap too high"),
    ("other-version", {}, [approval("alice"), approval("bob", version="2")], {}, "it is for m version 2, not version 3"),
    ("other-evidence", {}, [approval("alice"), approval("bob", evidence_digest="e" * 64)], {}, "it was given on other evidence"),
    ("other-run", {}, [approval("alice"), approval("bob", run_id="98")], {}, "it belongs to workflow run 98, not run 99"),
    ("expired", {}, [approval("alice"), approval("bob", signed_at="2026-11-20T12:00:00Z")], {}, "it is older than 72 hours"),
    ("future", {}, [approval("alice"), approval("bob", signed_at="2026-11-26T12:00:00Z")], {}, "it is dated in the future"),
    ("bad-time", {}, [approval("alice"), approval("bob", signed_at="yesterday")], {}, "is not an ISO 8601 UTC time"),
    ("local-forbidden", {}, [approval("alice"), approval("bob", source="local", run_id=None)], {"allow_local_signoff": False},
     "it is a local sign-off"),
    ("wrong-meaning", {}, [approval("alice"), approval("bob", meaning="reviewed")], {}, "its meaning is 'reviewed'"),
    ("roles-unfilled", {}, GOOD, {"roles": {"data_steward": ["carol"], "model_owner": ["alice"]}}, "the roles data_steward, model_owner"),
    ("team-not-member", {}, [approval("alice"), approval("zoe", teams=("acme/other",))], {}, "approval by zoe does not count"),
]


@pytest.mark.parametrize("case, cand_kw, approvals, policy_kw, expected", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusal(case, cand_kw, approvals, policy_kw, expected):
    policy = POLICY.model_copy(update=policy_kw) if policy_kw else POLICY
    cand = candidate(**cand_kw)
    if policy_kw:  # the version was registered under the policy now in force
        cand = replace(cand, policy_digest=sha256_json(policy.model_dump(mode="json")),
                       tags={**cand.tags, "policy.digest": sha256_json(policy.model_dump(mode="json"))})
    d = decide(policy, cand, approvals, NOW)
    assert not d.allowed
    assert any(expected in r for r in d.reasons), d.reasons


def test_at_least_25_refusal_cases():
    assert len(REFUSALS) >= 25


def test_every_reason_is_reported_together():
    ev = failed("evaluate")
    del ev["bias_scan"]
    d = decide(POLICY, candidate(evidence=ev, champion_version="3", policy_digest="x"), [approval("mallory")], NOW)
    text = "\n".join(d.reasons)
    for fragment in ("bias_scan: evidence missing", "evaluate: failed", "policy changed", "already champion", "mallory", "0 valid approval"):
        assert fragment in text


@pytest.mark.parametrize(
    "approvals, policy_kw",
    [
        (GOOD, {}),
        ([approval("alice"), approval("bob"), approval("alice")], {}),  # a repeat does not hurt
        ([approval("ALICE"), approval("zoe", teams=("acme/reviewers",))], {}),  # team membership, case-insensitive login
        ([approval("alice"), approval("carol")], {"roles": {"data_steward": ["carol"], "model_owner": ["alice", "bob"]}}),
        ([approval("alice", source="local", run_id=None), approval("bob", source="local", run_id=None)], {}),
        ([approval("alice"), approval("bob"), approval("carol", decision="rejected", version="2")], {}),  # rejection of another version
    ],
)
def test_allowed(approvals, policy_kw):
    policy = POLICY.model_copy(update=policy_kw) if policy_kw else POLICY
    digest = sha256_json(policy.model_dump(mode="json"))
    cand = candidate(policy_digest=digest, tags={**tags_for(evidence()), "policy.digest": digest})
    d = decide(policy, cand, approvals, NOW)
    assert d.allowed, d.reasons


def test_evidence_only_mode_for_the_ci_gate_job():
    assert decide(POLICY, candidate(), None, NOW).allowed
    assert not decide(POLICY, candidate(evidence=without("validate")), None, NOW).allowed


def test_first_release_without_champion_and_unchecked_lineage():
    assert decide(POLICY, candidate(champion_version=None, lineage_digest=None, known_commits=None), GOOD, NOW).allowed


def test_gate_imports_neither_mlflow_nor_github():
    import subprocess
    import sys

    code = "import sys, pipelines.gate; print([m for m in ('mlflow', 'github3', 'requests', 'torch') if m in sys.modules])"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_inputs_are_not_mutated():
    ev = evidence()
    snapshot = copy.deepcopy(ev)
    decide(POLICY, candidate(evidence=ev), GOOD, NOW)
    assert ev == snapshot
