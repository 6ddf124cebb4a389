"""The release gate: a pure decision over policy, evidence and approvals.

``decide(policy, candidate, approvals, now)`` returns *every* reason it refuses;
an empty list means allowed. It does no I/O and imports neither MLflow nor
GitHub: the callers (sign-off, promote, the CI gate job) gather the evidence
from the registry and the approvals from GitHub or the ledger, and hand them
in as plain values. Missing evidence is a refusal, never a pass.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

from pipelines.core.config import PolicyConfig
from pipelines.core.digests import sha256_json

APPROVED, REJECTED = "approved", "rejected"
CLOCK_SKEW = dt.timedelta(minutes=5)
EVIDENCE_STAGES = ("anonymize", "validate", "finetune", "evaluate", "bias_scan")


@dataclass(frozen=True)
class Approval:
    """One signature (21 CFR Part 11 §11.50 spirit): who, when (UTC), what it
    means, bound to the evidence digest the signer was shown."""

    approver: str
    decision: str  # "approved" | "rejected"
    meaning: str
    comment: str
    signed_at: str  # ISO 8601, UTC
    model_name: str
    version: str
    evidence_digest: str
    source: str  # "github" | "local"
    run_id: str | None = None  # the GitHub workflow run the approval was given in
    teams: tuple[str, ...] = ()  # the org/team slugs of the policy the approver belongs to

    def as_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Approval":
        return cls(**{**d, "teams": tuple(d.get("teams", ()))})

    def digest(self) -> str:
        return sha256_json(self.as_dict())


@dataclass(frozen=True)
class Candidate:
    """Everything the gate judges about one model version."""

    model_name: str
    version: str
    tags: dict[str, str]  # the model version's tags in the registry
    evidence: dict[str, dict[str, Any]]  # stage -> evidence record, as stored with the version
    paths: dict[str, str]  # role -> path: raw, anonymized, adapter (to follow the chain)
    policy_digest: str  # digest of the policy in force now
    champion_version: str | None = None
    lineage_digest: str | None = None  # of the dvc.lock being released; None: not checked
    known_commits: frozenset[str] | None = None  # the branch's history; None: not checked
    pr_author: str | None = None
    triggering_actor: str | None = None
    run_id: str | None = None  # the workflow run whose approvals count (GitHub source)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reasons: list[str] = field(default_factory=list)


def _norm(login: str) -> str:
    return login.strip().lower()  # GitHub logins are case-insensitive


def _parse_time(value: str) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    return t if t.tzinfo else None


def evidence_reasons(policy: PolicyConfig, c: Candidate) -> list[str]:
    """Refusals that need no human: evidence complete, passed, chained, and
    equal to what the registry holds; policy unchanged; not yet champion."""
    reasons: list[str] = []
    tags, ev = c.tags, c.evidence
    required = [s for s in policy.required_stages if s in EVIDENCE_STAGES]
    for stage in required:
        rec = ev.get(stage)
        if rec is None:
            reasons.append(f"{stage}: evidence missing")
            continue
        if rec.get("stage") != stage:
            reasons.append(f"{stage}: the record stored for this stage is the record of {rec.get('stage')!r}")
        if not rec.get("passed"):
            failed = [f"{k['name']} = {k['value']}" for k in rec.get("checks", []) if not k.get("passed")]
            reasons.append(f"{stage}: failed ({'; '.join(failed) or 'passed is false'})")
        digest = sha256_json(rec)
        if tags.get(f"evidence.{stage}.digest") != digest:
            reasons.append(f"{stage}: registry tag evidence.{stage}.digest differs from the evidence record ({digest[:12]})")
        if tags.get(f"evidence.{stage}.passed") != str(bool(rec.get("passed"))).lower():
            reasons.append(f"{stage}: registry tag evidence.{stage}.passed differs from the evidence record")
    if "register" in policy.required_stages and not tags.get("evidence.bundle.digest"):
        reasons.append("register: the version carries no evidence bundle digest (not registered by release-gate)")
    elif tags.get("evidence.bundle.digest"):
        bundle = sha256_json({s: sha256_json(ev[s]) for s in EVIDENCE_STAGES if s in ev})
        if set(ev) >= set(EVIDENCE_STAGES) and tags["evidence.bundle.digest"] != bundle:
            reasons.append("register: registry tag evidence.bundle.digest differs from the stored evidence")
    if tags.get("candidate.passed") != "true":
        reasons.append(f"register: candidate.passed is {tags.get('candidate.passed')!r}, expected 'true'")
    reasons += _chain_reasons(c)
    if tags.get("policy.digest") != c.policy_digest:
        reasons.append("policy changed since the evidence was produced (policy.digest differs); run the candidate again")
    anon = ev.get("anonymize") or {}
    if anon.get("details", {}).get("development_key") and not policy.allow_dev_key:
        reasons.append("anonymize: data anonymized with the DEVELOPMENT key, which this policy does not accept")
    if c.lineage_digest is not None and tags.get("lineage.digest") != c.lineage_digest:
        reasons.append("lineage: this version was not produced by the dvc.lock being released (lineage.digest differs)")
    if c.known_commits is not None:
        commits = {tags.get("git.commit")} | {(r.get("code") or {}).get("git_commit") for r in ev.values()}
        for commit in sorted(x for x in commits if x not in c.known_commits):
            reasons.append(f"evidence from commit {str(commit)[:12]}, which is not in this branch's history")
    if c.champion_version is not None and str(c.champion_version) == str(c.version):
        reasons.append(f"version {c.version} is already champion")
    return reasons


def _chain_reasons(c: Candidate) -> list[str]:
    """Each stage's input digests must be the ones the producing stage wrote,
    and the registry's data and model tags the ones the evidence names."""
    reasons = []
    produced: dict[str, tuple[str, str]] = {}
    for stage in EVIDENCE_STAGES:
        rec = c.evidence.get(stage)
        if rec is None:
            continue
        for path, digest in (rec.get("inputs") or {}).items():
            if path in produced and produced[path][0] != digest:
                reasons.append(f"chain broken: {stage} read {path} as {digest[:12]}, but {produced[path][1]} wrote {produced[path][0][:12]}")
        for path, digest in (rec.get("outputs") or {}).items():
            produced[path] = (digest, stage)
    anon = c.evidence.get("anonymize") or {}
    ft = c.evidence.get("finetune") or {}
    for tag, rec, side, role in (
        ("dataset.raw.md5", anon, "inputs", "raw"),
        ("dataset.anonymized.md5", anon, "outputs", "anonymized"),
        ("adapter.md5", ft, "outputs", "adapter"),
    ):
        if not rec:
            continue
        named = (rec.get(side) or {}).get(c.paths.get(role, ""))
        if c.tags.get(tag) != named:
            reasons.append(f"registry tag {tag} differs from the evidence ({str(c.tags.get(tag))[:12]} != {str(named)[:12]})")
    if ft and c.tags.get("base_model.digest") != (ft.get("details") or {}).get("base_model_digest"):
        reasons.append("registry tag base_model.digest differs from the finetune evidence")
    return reasons


def _allowed(login: str, teams: Iterable[str], principals: Sequence[str]) -> bool:
    names = {_norm(p) for p in principals}
    return _norm(login) in names or any(_norm(t) in names for t in teams)


def approval_reasons(policy: PolicyConfig, c: Candidate, approvals: Sequence[Approval], now: dt.datetime) -> list[str]:
    """Refusals about the signatures: every invalid approval says why, then
    whether enough distinct, allowed approvers (and roles) remain."""
    reasons: list[str] = []
    bundle = c.tags.get("evidence.bundle.digest")
    max_age = dt.timedelta(hours=policy.max_approval_age_hours)
    valid: dict[str, Approval] = {}
    if not approvals:
        return [f"no approval recorded; the policy requires {policy.min_approvals}"]
    for a in approvals:
        who = _norm(a.approver)
        problems = []
        if a.model_name != c.model_name or str(a.version) != str(c.version):
            problems.append(f"it is for {a.model_name} version {a.version}, not version {c.version}")
        if a.evidence_digest != bundle:
            problems.append("it was given on other evidence (evidence digest differs)")
        if a.source == "github" and c.run_id is not None and str(a.run_id) != str(c.run_id):
            problems.append(f"it belongs to workflow run {a.run_id}, not run {c.run_id}")
        if a.source == "local" and not policy.allow_local_signoff:
            problems.append("it is a local sign-off, which this policy does not accept")
        if a.source not in ("github", "local"):
            problems.append(f"its source {a.source!r} is unknown")
        signed = _parse_time(a.signed_at)
        if signed is None:
            problems.append(f"its time {a.signed_at!r} is not an ISO 8601 UTC time")
        elif signed > now + CLOCK_SKEW:
            problems.append("it is dated in the future")
        elif now - signed > max_age:
            problems.append(f"it is older than {policy.max_approval_age_hours:g} hours")
        if policy.separation_of_duties and c.pr_author and who == _norm(c.pr_author):
            problems.append("the approver is the change's author (separation of duties)")
        if policy.separation_of_duties and c.triggering_actor and who == _norm(c.triggering_actor):
            problems.append("the approver triggered this run (separation of duties)")
        role_names = [w for ws in policy.roles.values() for w in ws]
        if not _allowed(who, a.teams, [*policy.approvers, *role_names]):
            problems.append("the approver is not allowed by the policy")
        if a.decision == REJECTED:
            # A rejection of this version stands whoever gave it and whenever:
            # it is withdrawn by a new candidate, not outvoted.
            if a.model_name == c.model_name and str(a.version) == str(c.version):
                reasons.append(f"{a.approver} rejected version {c.version}: {a.comment or 'no comment'}")
            continue
        if a.decision != APPROVED:
            problems.append(f"its decision {a.decision!r} is neither approved nor rejected")
        if a.meaning != policy.meaning:
            problems.append(f"its meaning is {a.meaning!r}, expected {policy.meaning!r}")
        if problems:
            reasons.append(f"approval by {a.approver} does not count: " + "; ".join(problems))
        else:
            valid.setdefault(who, a)  # one person approving twice counts once
    if len(valid) < policy.min_approvals:
        reasons.append(f"{len(valid)} valid approval(s) from distinct approvers; the policy requires {policy.min_approvals}")
    if policy.roles and not _roles_filled(policy.roles, valid):
        reasons.append(f"the roles {', '.join(sorted(policy.roles))} need one distinct valid approver each")
    return reasons


def _roles_filled(roles: dict[str, list[str]], valid: dict[str, Approval]) -> bool:
    people = list(valid.items())
    names = list(roles)
    if len(people) < len(names):
        return False
    for chosen in permutations(people, len(names)):
        if all(_allowed(who, a.teams, roles[r]) for r, (who, a) in zip(names, chosen)):
            return True
    return False


def decide(policy: PolicyConfig, candidate: Candidate, approvals: Sequence[Approval] | None, now: dt.datetime) -> Decision:
    """Allowed only when there is no reason to refuse. ``approvals=None`` judges
    the evidence alone (the CI gate job, before any human has signed)."""
    reasons = evidence_reasons(policy, candidate)
    if approvals is not None:
        reasons += approval_reasons(policy, candidate, approvals, now)
    return Decision(not reasons, reasons)
