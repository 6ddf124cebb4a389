"""The release machinery: sign-off, promotion, rollback, ledger verification
and history, built on the registry adapter, the ledger, the GitHub adapter
and the pure gate.

Every operation that changes the champion or the ledger runs under the
model's gate lock (``registry.Lock``): of two racing promotions one wins and
the other is refused with a clear message. A promotion moves the alias, then
appends to the ledger; if the ledger cannot be written the alias is moved
back, and if even that fails, ``release-gate ledger verify`` / ``status``
name the mismatch and how to reconcile it.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines import gate, ledger, registry
from pipelines.core.config import PipelineConfig
from pipelines.core.digests import sha256_json
from pipelines.core.errors import GateRefused, RegistryError
from pipelines.core.lineage import lineage_digest, read_lock

EVIDENCE_STAGES = gate.EVIDENCE_STAGES
SIGNOFF_TAG = "signoff."


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def iso(t: dt.datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


@dataclass
class Context:
    """What every release operation needs, resolved once in the CLI."""

    cfg: PipelineConfig
    root: Path
    client: Any
    echo: Callable[[str], None] = print
    now: Callable[[], dt.datetime] = utc_now
    who: str = f"pid {os.getpid()}"  # named in the lock, so a refused racer knows who holds it

    @property
    def name(self) -> str:
        return self.cfg.registry.model_name

    def store(self) -> registry.LedgerStore:
        exp = self.client.get_experiment_by_name(self.cfg.registry.experiment)
        return registry.LedgerStore(self.client, self.name, exp.experiment_id if exp else None)

    def lock(self, what: str) -> registry.Lock:
        return registry.Lock(self.client, self.name, f"{what} by {self.who} at {iso(self.now())}")


def lineage_of(root: Path, lock_path: str) -> str:
    p = Path(lock_path)
    return lineage_digest(read_lock(p if p.is_absolute() else root / p), EVIDENCE_STAGES)


def find_version(ctx: Context, version: str | None, lineage: str | None) -> registry.VersionRef:
    """By number; else the one version carrying the lineage digest (refused
    when none or several do); else the ``candidate`` alias."""
    if version:
        return registry.get_version(ctx.client, ctx.name, version)
    if lineage:
        found = registry.versions_with_tag(ctx.client, ctx.name, "lineage.digest", lineage)
        if len(found) != 1:
            what = "no version carries" if not found else f"{len(found)} versions ({', '.join(v.version for v in found)}) carry"
            raise GateRefused([f"{what} the lineage digest {lineage[:12]} of this dvc.lock; run the candidate pipeline on this branch"])
        return found[0]
    ref = registry.version_by_alias(ctx.client, ctx.name, ctx.cfg.register_.alias)
    if ref is None:
        raise RegistryError(f"registry: {ctx.name} has no @{ctx.cfg.register_.alias} version; pass --version")
    return ref


def build_candidate(ctx: Context, ref: registry.VersionRef, *, lineage: str | None = None, pr_author: str | None = None,
                    triggering_actor: str | None = None, run_id: str | None = None, known_commits: frozenset[str] | None = None) -> gate.Candidate:
    champion = registry.version_by_alias(ctx.client, ctx.name, ctx.cfg.registry.champion_alias)
    c = ctx.cfg
    return gate.Candidate(
        model_name=ctx.name, version=ref.version, tags=ref.tags,
        evidence=registry.load_evidence(ref.run_id, EVIDENCE_STAGES),
        paths={"raw": c.data.raw, "anonymized": c.anonymize.output, "adapter": c.finetune.output_dir},
        policy_digest=sha256_json(c.section("policy")),
        champion_version=champion.version if champion else None,
        lineage_digest=lineage, known_commits=known_commits,
        pr_author=ref.tags.get("pr.author") or pr_author, triggering_actor=triggering_actor, run_id=run_id,
    )


def git_history(root: Path) -> frozenset[str]:
    res = subprocess.run(["git", "rev-list", "HEAD"], cwd=root, capture_output=True, text=True)
    return frozenset(res.stdout.split()) if res.returncode == 0 else frozenset()


def ledger_entries(ctx: Context) -> list[ledger.Entry]:
    entries, _ = ledger.parse(ctx.store().read_lines())
    return entries


def approvals_for(entries: list[ledger.Entry], name: str, version: str) -> list[gate.Approval]:
    """The sign-offs the ledger holds for a version (the ledger, not the tags,
    is the record: tags can be edited, the ledger's chain shows it)."""
    return [gate.Approval.from_dict(e.data) for e in entries if e.kind == "signoff" and e.model == name and e.version == str(version)]


# --- sign-off -------------------------------------------------------------------


def record_signoffs(ctx: Context, ref: registry.VersionRef, approvals: list[gate.Approval]) -> None:
    with ctx.lock("sign-off"):
        store = ctx.store()
        for a in approvals:
            entry = ledger.append(store, "signoff", ctx.name, ref.version, a.approver, a.as_dict(), iso(ctx.now()))
            ctx.client.set_model_version_tag(ctx.name, ref.version, f"{SIGNOFF_TAG}{entry.seq}", json.dumps(a.as_dict(), sort_keys=True))
            ctx.echo(f"recorded: {a.approver} {a.decision} {ctx.name} version {ref.version} ({a.meaning}) on evidence {a.evidence_digest[:12]}")


def signoff_local(ctx: Context, ref: registry.VersionRef, approver: str, meaning: str | None, comment: str, reject: bool) -> gate.Approval:
    if not ctx.cfg.policy.allow_local_signoff:
        raise GateRefused(["local sign-off is not accepted by this policy (policy.allow_local_signoff: false); approve in the GitHub environment"])
    bundle = ref.tags.get("evidence.bundle.digest")
    if not bundle:
        raise GateRefused([f"{ctx.name} version {ref.version} carries no evidence bundle digest; nothing to sign"])
    a = gate.Approval(
        approver=approver, decision=gate.REJECTED if reject else gate.APPROVED, meaning=meaning or ctx.cfg.policy.meaning,
        comment=comment, signed_at=iso(ctx.now()), model_name=ctx.name, version=ref.version, evidence_digest=bundle, source="local",
    )
    record_signoffs(ctx, ref, [a])
    return a


def signoff_github(ctx: Context, ref: registry.VersionRef, gh, run_id: int, teams_gh=None) -> list[gate.Approval]:
    """The approvals of this workflow run for the policy's environment, with
    team membership resolved for the teams the policy names."""
    policy = ctx.cfg.policy
    bundle = ref.tags.get("evidence.bundle.digest") or ""
    teams = sorted({p for p in [*policy.approvers, *(w for ws in policy.roles.values() for w in ws)] if "/" in p})
    now = iso(ctx.now())  # the API gives no review time: the time of recording
    out = []
    for ra in gh.run_approvals(run_id, policy.environment):
        member_of = tuple(t for t in teams if (teams_gh or gh).is_team_member(*t.split("/", 1), ra.login))
        out.append(gate.Approval(
            approver=ra.login, decision=gate.APPROVED if ra.state == "approved" else gate.REJECTED, meaning=policy.meaning,
            comment=ra.comment, signed_at=now, model_name=ctx.name, version=ref.version, evidence_digest=bundle, source="github",
            run_id=str(run_id), teams=member_of,
        ))
    if not out:
        raise GateRefused([f"workflow run {run_id} has no approval for environment {policy.environment!r}"])
    record_signoffs(ctx, ref, out)
    return out


# --- promotion and rollback -----------------------------------------------------------


def _move_champion(ctx: Context, ref: registry.VersionRef, cand: gate.Candidate, kind: str, actor: str, extra: dict[str, Any],
                   approvals: list[gate.Approval]) -> ledger.Entry:
    """Move the alias, then append to the ledger; undo the alias if the ledger
    cannot be written. Caller holds the lock and has an 'allowed' decision."""
    alias = ctx.cfg.registry.champion_alias
    previous = cand.champion_version
    ctx.client.set_registered_model_alias(ctx.name, alias, ref.version)
    try:
        entry = ledger.append(
            ctx.store(), kind, ctx.name, ref.version, actor,
            {"previous": previous, "evidence_bundle": cand.tags.get("evidence.bundle.digest"),
             "approvals": [a.digest() for a in approvals], "approvers": sorted({a.approver.lower() for a in approvals if a.decision == gate.APPROVED}),
             "policy_digest": cand.policy_digest, **extra},
            iso(ctx.now()),
        )
    except Exception:
        try:
            if previous:
                ctx.client.set_registered_model_alias(ctx.name, alias, previous)
            else:
                ctx.client.delete_registered_model_alias(ctx.name, alias)
        except Exception as undo:  # the ledger and the alias now disagree: say how to reconcile
            raise RegistryError(
                f"{kind} of version {ref.version}: the ledger could not be written and @{alias} could not be moved back "
                f"({undo}); run `release-gate ledger verify` and `release-gate reconcile`"
            ) from None
        raise
    ctx.client.set_registered_model_tag(ctx.name, "champion.previous", str(previous or ""))
    return entry


def promote(ctx: Context, ref: registry.VersionRef, *, lineage: str | None, actor: str, triggering_actor: str | None,
            run_id: str | None, check_commits: bool = False) -> ledger.Entry:
    with ctx.lock(f"promotion of version {ref.version}"):
        store = ctx.store()
        problems = ledger.verify(store.read_lines(), store.head())
        if problems:
            raise GateRefused(["the ledger does not verify: " + p for p in problems])
        ref = registry.get_version(ctx.client, ctx.name, ref.version)  # re-read under the lock
        cand = build_candidate(ctx, ref, lineage=lineage, triggering_actor=triggering_actor, run_id=run_id,
                               known_commits=git_history(ctx.root) if check_commits else None)
        approvals = approvals_for(ledger_entries(ctx), ctx.name, ref.version)
        decision = gate.decide(ctx.cfg.policy, cand, approvals, ctx.now())
        if not decision.allowed:
            raise GateRefused(decision.reasons)
        return _move_champion(ctx, ref, cand, "promotion", actor, {}, approvals)


def rollback(ctx: Context, ref: registry.VersionRef, reason: str, *, actor: str, triggering_actor: str | None, run_id: str | None) -> ledger.Entry:
    if not reason.strip():
        raise GateRefused(["a rollback needs a --reason"])
    with ctx.lock(f"rollback to version {ref.version}"):
        store = ctx.store()
        problems = ledger.verify(store.read_lines(), store.head())
        if problems:
            raise GateRefused(["the ledger does not verify: " + p for p in problems])
        entries = ledger.parse(store.read_lines())[0]
        if not any(e.kind in ("promotion", "rollback") and e.version == str(ref.version) for e in entries):
            raise GateRefused([f"version {ref.version} was never champion; promote it instead of rolling back to it"])
        ref = registry.get_version(ctx.client, ctx.name, ref.version)
        cand = build_candidate(ctx, ref, triggering_actor=triggering_actor, run_id=run_id)
        decision = gate.decide(ctx.cfg.policy, cand, approvals_for(entries, ctx.name, ref.version), ctx.now())
        if not decision.allowed:
            raise GateRefused(decision.reasons)
        return _move_champion(ctx, ref, cand, "rollback", actor, {"reason": reason}, approvals_for(entries, ctx.name, ref.version))


# --- verification, history, reconciliation ------------------------------------------------


def verify(ctx: Context) -> list[str]:
    """Every way the registry and the ledger disagree."""
    store = ctx.store()
    lines = store.read_lines()
    problems = ledger.verify(lines, store.head())
    entries, _ = ledger.parse(lines)
    versions = {str(v.version): registry.as_ref(v) for v in ctx.client.search_model_versions(f"name='{ctx.name}'")}
    registered = {}
    for e in entries:
        if e.kind == "registration":
            registered[e.version] = e
    for v, ref in sorted(versions.items(), key=lambda kv: int(kv[0])):
        e = registered.get(v)
        if e is None:
            if "evidence.bundle.digest" in ref.tags:
                problems.append(f"version {v} is not in the ledger (registered behind the gate's back)")
            continue
        keys = e.data.get("tag_keys", [])
        now_tags = {k: ref.tags[k] for k in keys if k in ref.tags}
        if sha256_json(now_tags) != e.data.get("tags_digest"):
            changed = [k for k in keys if k not in ref.tags] or keys
            problems.append(f"version {v}: its evidence tags changed after registration ({', '.join(changed[:3])}{'…' if len(changed) > 3 else ''})")
        ledger_signoffs = {json.dumps(x.data, sort_keys=True) for x in entries if x.kind == "signoff" and x.version == v}
        tag_signoffs = {val for k, val in ref.tags.items() if k.startswith(SIGNOFF_TAG)}
        if tag_signoffs != ledger_signoffs:
            problems.append(f"version {v}: its sign-off tags differ from the ledger's sign-off entries")
    last = ledger.champion_at(entries)
    champion = registry.version_by_alias(ctx.client, ctx.name, ctx.cfg.registry.champion_alias)
    want = last.version if last else None
    have = champion.version if champion else None
    if want != have:
        problems.append(f"@{ctx.cfg.registry.champion_alias} is on version {have}, but the ledger says {want}: the alias was moved behind the gate's back")
    return problems


def history(ctx: Context, at: dt.datetime | None) -> dict[str, Any] | None:
    """Which version was champion at ``at``, trained on which data, approved by
    whom, on what evidence (from the ledger; the version's tags add detail)."""
    entries = ledger_entries(ctx)
    e = ledger.champion_at(entries, at)
    if e is None:
        return None
    reg = next((x for x in entries if x.kind == "registration" and x.version == e.version), None)
    approvals = [a for a in approvals_for(entries, ctx.name, e.version) if a.digest() in set(e.data.get("approvals", []))]
    return {
        "at": iso(at) if at else "now", "model": ctx.name, "version": e.version, "since": e.at, "how": e.kind, "by": e.actor,
        "previous": e.data.get("previous"), "reason": e.data.get("reason"),
        "evidence_bundle": e.data.get("evidence_bundle"),
        "datasets": (reg.data.get("datasets") if reg else None), "lineage": (reg.data.get("lineage") if reg else None),
        "run_id": (reg.data.get("run_id") if reg else None),
        "approvals": [{"approver": a.approver, "signed_at": a.signed_at, "meaning": a.meaning, "source": a.source, "comment": a.comment}
                      for a in approvals],
    }


def reconcile(ctx: Context, actor: str) -> str:
    """After a failure midway: put @champion where the ledger says, and record that."""
    with ctx.lock("reconciliation"):
        entries = ledger_entries(ctx)
        last = ledger.champion_at(entries)
        alias = ctx.cfg.registry.champion_alias
        champion = registry.version_by_alias(ctx.client, ctx.name, alias)
        have = champion.version if champion else None
        want = last.version if last else None
        if have == want:
            return f"@{alias} is where the ledger says ({want}); nothing to do"
        if want:
            ctx.client.set_registered_model_alias(ctx.name, alias, want)
        else:
            ctx.client.delete_registered_model_alias(ctx.name, alias)
        ledger.append(ctx.store(), "reconciliation", ctx.name, str(want or ""), actor, {"alias_was": have, "alias_now": want}, iso(ctx.now()))
        return f"@{alias} moved from {have} back to {want}, as the ledger says; recorded in the ledger"
