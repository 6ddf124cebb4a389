"""Sign-off, promotion, rollback, the ledger and history against a real
``mlflow server``; GitHub approvals through the fake GitHub server."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines import ledger, registry, release
from pipelines.cli import main
from pipelines.core import evidence as ev
from pipelines.core.config import parse_config
from pipelines.core.digests import sha256_json
from pipelines.core.errors import GateRefused, LedgerError, RegistryError
from stages.register import version_tags
from tests.fakes.github_server import FakeGitHub


def make_cfg(name, **policy):
    base = {"approvers": ["alice", "bob", "carol", "acme/reviewers"], "min_approvals": 2, "allow_local_signoff": True, "allow_dev_key": False}
    base.update(policy)
    return parse_config({"registry": {"model_name": name, "experiment": f"exp-{name}"}, "policy": base})


def evidence_records(cfg, variant: str, passed=True):
    """A consistent evidence chain, as the stages would write it."""
    d, a, f = cfg.data.raw, cfg.anonymize.output, cfg.finetune.output_dir

    def rec(stage, inputs, outputs, details=None, ok=True):
        return ev.Evidence(stage=stage, passed=ok, checks=[ev.Check("x", 1, "==", 1 if ok else 2).as_dict()], inputs=inputs, outputs=outputs,
                           config_digest="cd", code={"git_commit": "c0ffee"}, started_at="t", finished_at="t", details=details or {})

    return {
        "anonymize": rec("anonymize", {d: "raw-" + variant}, {a: "anon-" + variant}, {"development_key": False, "key_source": "environment"}),
        "validate": rec("validate", {d: "raw-" + variant, a: "anon-" + variant}, {}),
        "finetune": rec("finetune", {a: "anon-" + variant}, {cfg.finetune.base_dir: "base-1", f: "adapter-" + variant},
                        {"base_model": "tiny", "base_model_digest": "base-1", "tokenizer_digest": "tok-1"}),
        "evaluate": rec("evaluate", {a: "anon-" + variant, f: "adapter-" + variant}, {"metrics/e.json": "m-" + variant}),
        "bias_scan": rec("bias_scan", {d: "raw-" + variant, f: "adapter-" + variant}, {"metrics/b.json": "b-" + variant}, ok=passed),
    }


def register_candidate(client, cfg, variant: str, passed=True, lineage=None, pr_author="dave") -> str:
    """What the register stage records, without training a model: a run with
    the evidence artifacts, a version with the evidence tags, a ledger entry."""
    name = cfg.registry.model_name
    try:
        client.get_registered_model(name)
    except Exception:
        client.create_registered_model(name)
    exp = client.get_experiment_by_name(cfg.registry.experiment)
    exp_id = exp.experiment_id if exp else client.create_experiment(cfg.registry.experiment)
    records = evidence_records(cfg, variant, passed)
    run = client.create_run(exp_id)
    with tempfile.TemporaryDirectory() as tmp:
        for stage, r in records.items():
            p = Path(tmp) / f"{stage}.json"
            p.write_text(json.dumps(r.as_dict()))
            client.log_artifact(run.info.run_id, str(p), "evidence")
    client.set_terminated(run.info.run_id)
    bundle = sha256_json({s: r.digest() for s, r in records.items()})
    tags = version_tags(cfg, records, bundle, "c0ffee", lineage, 12, pr_author)
    with registry.Lock(client, name, "test register"):
        mv = client.create_model_version(name, source=f"runs:/{run.info.run_id}/evidence", run_id=run.info.run_id, tags=tags)
        ledger.append(registry.LedgerStore(client, name, exp_id), "registration", name, str(mv.version), "pipeline",
                      {"run_id": run.info.run_id, "bundle": bundle, "tag_keys": sorted(tags), "tags_digest": sha256_json(tags),
                       "lineage": lineage, "datasets": {"raw": tags["dataset.raw.md5"], "anonymized": tags["dataset.anonymized.md5"]}},
                      ev.now_utc())
    return str(mv.version)


@pytest.fixture()
def env(mlflow_server, tmp_path, monkeypatch):
    for k in ("GITHUB_RUN_ID", "GITHUB_ACTOR", "GITHUB_TRIGGERING_ACTOR", "GITHUB_REPOSITORY", "GITHUB_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", mlflow_server["uri"])
    name = f"m-{uuid.uuid4().hex[:8]}"
    cfg = make_cfg(name)
    client = registry.client(mlflow_server["uri"])
    ctx = release.Context(cfg=cfg, root=tmp_path, client=client, echo=lambda m: None)
    return ctx


def ref(ctx, v):
    return registry.get_version(ctx.client, ctx.name, v)


def champion(ctx):
    r = registry.version_by_alias(ctx.client, ctx.name, "champion")
    return r.version if r else None


def sign(ctx, v, *who, **kw):
    for w in who:
        release.signoff_local(ctx, ref(ctx, v), w, None, kw.get("comment", "looks good"), kw.get("reject", False))


def test_signoff_then_promote_then_history(env):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a")
    sign(ctx, v, "alice", "bob")
    entry = release.promote(ctx, ref(ctx, v), lineage=None, actor="erin", triggering_actor="erin", run_id=None)
    assert champion(ctx) == v and entry.kind == "promotion" and entry.data["previous"] is None
    assert release.verify(ctx) == []
    h = release.history(ctx, None)
    assert h["version"] == v and sorted(a["approver"] for a in h["approvals"]) == ["alice", "bob"]
    assert h["datasets"] == {"raw": "raw-a", "anonymized": "anon-a"}
    tags = ref(ctx, v).tags
    assert sum(k.startswith("signoff.") for k in tags) == 2  # approvals stored as version tags too


def test_refusal_prints_every_reason_and_changes_nothing(env):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a", passed=False)
    sign(ctx, v, "alice")
    lines_before = ctx.store().read_lines()
    with pytest.raises(GateRefused) as e:
        release.promote(ctx, ref(ctx, v), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    text = "\n".join(e.value.reasons)
    assert "bias_scan: failed" in text and "1 valid approval(s)" in text and "candidate.passed is 'false'" in text
    assert champion(ctx) is None and ctx.store().read_lines() == lines_before


def test_separation_of_duties_uses_the_registered_pr_author(env):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a", pr_author="alice")
    sign(ctx, v, "alice", "bob")
    with pytest.raises(GateRefused) as e:
        release.promote(ctx, ref(ctx, v), lineage=None, actor="x", triggering_actor="bob", run_id=None)
    text = "\n".join(e.value.reasons)
    assert "the approver is the change's author" in text and "the approver triggered this run" in text


def test_local_signoff_refused_by_a_production_policy(env):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a")
    strict = release.Context(cfg=make_cfg(ctx.name, allow_local_signoff=False), root=ctx.root, client=ctx.client, echo=lambda m: None)
    with pytest.raises(GateRefused, match="local sign-off is not accepted"):
        release.signoff_local(strict, ref(strict, v), "alice", None, "", False)
    assert release.ledger_entries(ctx)[-1].kind == "registration"


def test_rejection_blocks_and_rollback_needs_approvals(env):
    ctx = env
    v1 = register_candidate(ctx.client, ctx.cfg, "a")
    sign(ctx, v1, "alice", "bob")
    release.promote(ctx, ref(ctx, v1), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    v2 = register_candidate(ctx.client, ctx.cfg, "b")
    sign(ctx, v2, "alice", "bob")
    sign(ctx, v2, "carol", reject=True, comment="gap on gender axis")
    with pytest.raises(GateRefused, match="carol rejected version"):
        release.promote(ctx, ref(ctx, v2), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    v3 = register_candidate(ctx.client, ctx.cfg, "c")
    sign(ctx, v3, "alice", "carol")
    t_between = release.utc_now()
    release.promote(ctx, ref(ctx, v3), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    assert champion(ctx) == v3
    with pytest.raises(GateRefused, match="was never champion"):
        release.rollback(ctx, ref(ctx, v2), "try", actor="erin", triggering_actor=None, run_id=None)
    entry = release.rollback(ctx, ref(ctx, v1), "regression reported by clinicians", actor="erin", triggering_actor=None, run_id=None)
    assert champion(ctx) == v1 and entry.kind == "rollback" and entry.data["previous"] == v3
    assert release.verify(ctx) == []
    assert release.history(ctx, t_between - dt.timedelta(seconds=0))["version"] in (v1, v3)
    assert release.history(ctx, None)["reason"] == "regression reported by clinicians"
    before_any = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    assert release.history(ctx, before_any) is None


def test_lineage_selects_exactly_one_version(env):
    ctx = env
    register_candidate(ctx.client, ctx.cfg, "a", lineage="L1")
    v2 = register_candidate(ctx.client, ctx.cfg, "b", lineage="L2")
    assert release.find_version(ctx, None, "L2").version == v2
    with pytest.raises(GateRefused, match="no version carries the lineage digest"):
        release.find_version(ctx, None, "L3")
    register_candidate(ctx.client, ctx.cfg, "c", lineage="L2")
    with pytest.raises(GateRefused, match="2 versions"):
        release.find_version(ctx, None, "L2")


def test_a_failed_ledger_write_leaves_the_champion_unchanged(env, monkeypatch):
    ctx = env
    v1 = register_candidate(ctx.client, ctx.cfg, "a")
    sign(ctx, v1, "alice", "bob")
    release.promote(ctx, ref(ctx, v1), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    v2 = register_candidate(ctx.client, ctx.cfg, "b")
    sign(ctx, v2, "alice", "bob")
    lines = ctx.store().read_lines()

    def broken(self, lines, head):
        raise RegistryError("artifact store down")

    monkeypatch.setattr(registry.LedgerStore, "write_lines", broken)
    with pytest.raises(RegistryError, match="artifact store down"):
        release.promote(ctx, ref(ctx, v2), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    monkeypatch.undo()
    assert champion(ctx) == v1 and ctx.store().read_lines() == lines and release.verify(ctx) == []


def _rewrite_ledger(ctx, fn, keep_head=True):
    store = ctx.store()
    lines = store.read_lines()
    head = store.head()
    new = fn(list(lines))
    last = json.loads(new[-1])["digest"] if new else ledger.GENESIS
    store.write_lines(new, head if keep_head else last)


def _edit(lines):
    e = json.loads(lines[1])
    e["actor"] = "mallory"
    lines[1] = json.dumps(e)
    return lines


@pytest.mark.parametrize(
    "tamper, expected",
    [
        (_edit, "its content does not match its digest"),
        (lambda ls: ls[:1] + ls[2:], "does not follow the entry before it"),
        (lambda ls: [ls[0], ls[2], ls[1], *ls[3:]], "does not follow the entry before it"),
        (lambda ls: [ls[0], ls[1], ls[1], *ls[2:]], "does not follow the entry before it"),
        (lambda ls: ls[:-1], "is not the head recorded in the registry"),
    ],
    ids=["edited", "deleted", "reordered", "inserted", "tail-deleted"],
)
def test_ledger_verify_detects_tampering(env, tamper, expected):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a")
    sign(ctx, v, "alice", "bob")
    release.promote(ctx, ref(ctx, v), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    _rewrite_ledger(ctx, tamper)
    problems = release.verify(ctx)
    assert any(expected in p for p in problems), problems
    # and nothing further is recorded on a ledger that does not verify
    with pytest.raises(LedgerError):
        sign(ctx, v, "carol")


def test_ledger_verify_detects_alias_and_tags_moved_behind_the_gates_back(env):
    ctx = env
    v1 = register_candidate(ctx.client, ctx.cfg, "a")
    v2 = register_candidate(ctx.client, ctx.cfg, "b")
    sign(ctx, v1, "alice", "bob")
    release.promote(ctx, ref(ctx, v1), lineage=None, actor="erin", triggering_actor=None, run_id=None)
    ctx.client.set_registered_model_alias(ctx.name, "champion", v2)  # someone uses the MLflow client directly
    ctx.client.set_model_version_tag(ctx.name, v2, "evidence.evaluate.passed", "true-ish")
    ctx.client.set_model_version_tag(ctx.name, v1, "signoff.99", json.dumps({"approver": "mallory"}))
    problems = "\n".join(release.verify(ctx))
    assert f"@champion is on version {v2}, but the ledger says {v1}" in problems
    assert f"version {v2}: its evidence tags changed after registration" in problems
    assert f"version {v1}: its sign-off tags differ" in problems
    cfg_file = ctx.root / "pipeline.yaml"
    cfg_file.write_text(json.dumps(ctx.cfg.model_dump(mode="json", by_alias=True)))
    res = CliRunner().invoke(main, ["--root", str(ctx.root), "ledger", "verify", "--config", str(cfg_file)])
    assert res.exit_code == 9 and "the alias was moved behind the gate's back" in res.output and "release-gate reconcile" in res.output
    msg = release.reconcile(ctx, "erin")
    assert f"back to {v1}" in msg and champion(ctx) == v1


def test_two_racing_promotions_one_wins_one_is_refused(env, tmp_path):
    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a")
    sign(ctx, v, "alice", "bob")
    cfg_file = tmp_path / "pipeline.yaml"
    cfg_file.write_text(json.dumps(ctx.cfg.model_dump(mode="json", by_alias=True)))
    # deterministic: another promotion holds the lock right now
    with registry.Lock(ctx.client, ctx.name, "promotion by pid 1"):
        res = CliRunner().invoke(main, ["--root", str(tmp_path), "promote", "--config", str(cfg_file), "--version", v])
    assert res.exit_code == 6 and "another release-gate operation on this model is in progress (promotion by pid 1)" in res.output
    assert champion(ctx) is None
    # and a real race of two processes
    cmd = [sys.executable, "-m", "pipelines.cli", "--root", str(tmp_path), "promote", "--config", str(cfg_file), "--version", v]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()) for _ in range(2)]
    outs = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    codes = sorted(o[0] for o in outs)
    assert codes[0] == 0 and codes[1] != 0, outs
    loser = next(o for o in outs if o[0] != 0)
    assert "in progress" in loser[2] or "already champion" in loser[2], loser
    entries = release.ledger_entries(ctx)
    assert [e.kind for e in entries].count("promotion") == 1 and champion(ctx) == v and release.verify(ctx) == []


def test_github_signoff_reads_the_runs_approvals(env, monkeypatch):
    from pipelines.github import GitHub

    ctx = env
    v = register_candidate(ctx.client, ctx.cfg, "a")
    with FakeGitHub(token="t0k3n-secret") as fake:
        fake.approvals = [
            {"login": "alice", "state": "approved", "comment": "ship it", "environments": ["production"]},
            {"login": "zoe", "state": "approved", "comment": "", "environments": ["production"]},
            {"login": "bob", "state": "approved", "comment": "", "environments": ["staging"]},
        ]
        fake.team_members[("acme", "reviewers")] = {"zoe": "active"}
        gh = GitHub("acme/models", "t0k3n-secret", fake.api_url)
        got = release.signoff_github(ctx, ref(ctx, v), gh, 4242)
    assert [(a.approver, a.teams) for a in got] == [("alice", ()), ("zoe", ("acme/reviewers",))]
    assert all(a.run_id == "4242" and a.source == "github" for a in got)
    with pytest.raises(GateRefused, match="belongs to workflow run 4242, not run 5000"):
        release.promote(ctx, ref(ctx, v), lineage=None, actor="ci", triggering_actor="erin", run_id="5000")
    release.promote(ctx, ref(ctx, v), lineage=None, actor="ci", triggering_actor="erin", run_id="4242")
    assert champion(ctx) == v
    assert "t0k3n-secret" not in "\n".join(ctx.store().read_lines())


def test_gate_command_judges_evidence_only(env, tmp_path):
    ctx = env
    good = register_candidate(ctx.client, ctx.cfg, "a")
    bad = register_candidate(ctx.client, ctx.cfg, "b", passed=False)
    cfg_file = tmp_path / "pipeline.yaml"
    cfg_file.write_text(json.dumps(ctx.cfg.model_dump(mode="json", by_alias=True)))
    ok = CliRunner().invoke(main, ["--root", str(tmp_path), "gate", "--config", str(cfg_file), "--version", good])
    assert ok.exit_code == 0 and "awaiting approvals" in ok.output
    no = CliRunner().invoke(main, ["--root", str(tmp_path), "gate", "--config", str(cfg_file), "--version", bad])
    assert no.exit_code == 7 and "bias_scan: failed" in no.output
