"""The ``release-gate`` command line.

Environment variables are resolved here, in the entry point, and passed down.
Heavy libraries are imported only by the commands that need them, so
``release-gate --help`` stays fast. Every ``ReleaseGateError`` becomes a short
message and its exit code; ``--verbose`` shows the traceback.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from pipelines.core.errors import ReleaseGateError

STAGE_MODULES = {
    "anonymize": "stages.anonymize",
    "validate": "stages.validate",
    "finetune": "stages.finetune",
    "evaluate": "stages.evaluate",
    "bias_scan": "stages.bias_scan",
    "register": "stages.register",
}


class GateGroup(click.Group):
    """Translates our exceptions into one message and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReleaseGateError as e:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"error: {e}", err=True)
            sys.exit(e.exit_code)


@click.group(cls=GateGroup)
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The repository root (where dvc.yaml is).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, root: Path) -> None:
    """release-gate: a strict, Git-native release gate for fine-tuned language models."""
    ctx.obj = {"verbose": verbose, "root": root.resolve()}


def _config_option(f):
    return click.option("--config", "config_path", default="configs/pipeline.yaml", show_default=True,
                        help="Pipeline configuration (relative to --root).")(f)


def _load(ctx: click.Context, config_path: str):
    from pipelines.core.config import load_config

    root: Path = ctx.obj["root"]
    p = Path(config_path)
    return load_config(p if p.is_absolute() else root / p)


@main.group()
def config() -> None:
    """Check or describe the pipeline configuration."""


@config.command("validate")
@click.argument("path", required=False, default="configs/pipeline.yaml")
@click.pass_context
def config_validate(ctx: click.Context, path: str) -> None:
    """Report every error in PATH at once (exit 2), or say it is valid."""
    _load(ctx, path)
    click.echo(f"{path}: valid")


@config.command("schema")
def config_schema() -> None:
    """Print the JSON schema of configs/pipeline.yaml."""
    from pipelines.core.config import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.command()
@click.argument("name", type=click.Choice(list(STAGE_MODULES)))
@_config_option
@click.option("--pr", "pr_number", type=int, default=None, envvar="RELEASE_GATE_PR_NUMBER",
              help="Pull-request number: register also sets the alias pr-<N>.")
@click.option("--pr-author", default=None, envvar="RELEASE_GATE_PR_AUTHOR", help="The pull request's author (recorded for separation of duties).")
@click.pass_context
def stage(ctx: click.Context, name: str, config_path: str, pr_number: int | None, pr_author: str | None) -> None:
    """Run one pipeline stage (dvc.yaml calls this)."""
    import importlib

    cfg = _load(ctx, config_path)
    module = importlib.import_module(STAGE_MODULES[name])
    kwargs = {"pr_number": pr_number, "pr_author": pr_author} if name == "register" else {}
    record = module.run_stage(cfg, ctx.obj["root"], **kwargs)
    if not record.passed:
        click.echo(f"{name}: checks FAILED (recorded in {module.SPEC.evidence(cfg)}): " + "; ".join(record.failures()), err=True)


@main.command()
@_config_option
@click.option("--registry/--no-registry", "with_registry", default=True, help="Also check the registry and its ledger.")
@click.pass_context
def status(ctx: click.Context, config_path: str, with_registry: bool) -> None:
    """Show the evidence chain of the workspace, the registry's champion and
    candidate, and where anything breaks (with how to reconcile)."""
    import importlib

    from pipelines.core.evidence import chain

    cfg = _load(ctx, config_path)
    paths = {n: importlib.import_module(m).SPEC.evidence(cfg) for n, m in STAGE_MODULES.items()}
    links = chain(ctx.obj["root"], paths)
    broken = False
    for link in links:
        state = "missing" if not link.present else ("passed" if link.passed else "FAILED")
        digest = f" evidence {link.evidence_digest[:12]}" if link.evidence_digest else ""
        click.echo(f"{link.stage:<10} {state:<8}{digest}")
        for p in link.problems:
            click.echo(f"    - {p}")
        broken = broken or bool(link.problems)
    if broken:
        first = next(link for link in links if link.problems)
        click.echo(f"chain breaks at {first.stage}", err=True)
    else:
        click.echo("chain complete: every stage passed and every digest matches")
    registry_ok = _registry_status(ctx, cfg) if with_registry else True
    if broken:
        sys.exit(4)
    if not registry_ok:
        sys.exit(9)


def _registry_status(ctx: click.Context, cfg) -> bool:
    """The registry's side: champion, candidate, and whether the ledger agrees."""
    from pipelines import registry, release

    root = ctx.obj["root"]
    uri = registry.resolve_tracking_uri(cfg, root)
    if uri.startswith("sqlite:///") and not Path(uri[len("sqlite:///"):]).exists():
        click.echo("registry: none yet (run `dvc repro`)")
        return True
    client = registry.client(uri)
    name = cfg.registry.model_name
    champ = registry.version_by_alias(client, name, cfg.registry.champion_alias)
    cand = registry.version_by_alias(client, name, cfg.register_.alias)
    click.echo(f"registry: {name} @{cfg.registry.champion_alias}={champ.version if champ else '-'} "
               f"@{cfg.register_.alias}={cand.version if cand else '-'}")
    if cand is None and champ is None:
        return True
    problems = release.verify(release.Context(cfg=cfg, root=root, client=client, echo=click.echo))
    for p in problems:
        click.echo(f"    - {p}", err=True)
    if problems:
        click.echo("ledger and registry disagree: find the cause; `release-gate reconcile` puts @champion where the ledger says", err=True)
        return False
    click.echo("ledger: verified, registry agrees")
    return True


@main.command("anonymize")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.argument("output_path", metavar="OUTPUT", type=click.Path(path_type=Path))
@click.option("--text-field", "text_fields", multiple=True, required=True, help="A field to anonymize (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None, help="Default: from the extension.")
@click.option("--spans", "spans_path", type=click.Path(path_type=Path), default=None,
              help="Write one JSON line per detected span (record, field, start, end, type; no values).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None, help="Write counts and timings as JSON.")
@click.option("--subject-field", default=None, help="The field naming the subject (for per-subject date shifts).")
@click.option("--entity", "entities", multiple=True, help="Only these entity types (repeatable; default: all).")
@click.option("--id-pattern", "id_patterns", multiple=True, help="An extra regex for local ID formats (repeatable).")
@click.option("--workers", type=int, default=0, help="Worker processes (default: the available cores).")
@click.option("--on-error", type=click.Choice(["fail", "skip"]), default="fail",
              help="A bad record (not UTF-8, malformed, too large, field missing) fails the run, or is skipped and counted.")
@click.option("--max-record-bytes", type=int, default=1 << 20, show_default=True)
@click.option("--mapping", "mapping_path", type=click.Path(path_type=Path), default=None,
              help="Also write the surrogate-to-original mapping, encrypted with $RELEASE_GATE_MAPPING_KEY (Fernet).")
@click.option("--key-env", default="RELEASE_GATE_ANON_KEY", show_default=True, help="The variable holding the HMAC key.")
def anonymize_cmd(input_path: Path, output_path: Path, text_fields: tuple[str, ...], fmt: str | None, spans_path: Path | None,
                  report_path: Path | None, subject_field: str | None, entities: tuple[str, ...], id_patterns: tuple[str, ...],
                  workers: int, on_error: str, max_record_bytes: int, mapping_path: Path | None, key_env: str) -> None:
    """Anonymize any JSONL, CSV or Parquet file, outside the pipeline."""
    from pipelines import anonfile
    from pipelines.core.fileio import write_json
    from stages.anonymize import key_from_env

    key, source = key_from_env(key_env)
    if source == "development":
        click.echo(f"WARNING: ${key_env} is not set; using the DEVELOPMENT key (not for real data)", err=True)
    fmt = anonfile.detect_format(input_path, fmt)
    job = anonfile.Job(
        text_fields=text_fields, fmt=fmt, entities=entities or None, id_patterns=id_patterns, subject_field=subject_field,
        max_record_bytes=max_record_bytes, on_error=on_error, workers=workers or len(os.sched_getaffinity(0)),
    )
    mapping_key = os.environ.get("RELEASE_GATE_MAPPING_KEY", "").encode() or None

    def progress(o) -> None:
        if o.records_out % 50000 < job.chunk_records:
            click.echo(f"  {o.records_out} records", err=True)

    outcome = anonfile.anonymize_file(input_path, output_path, key, job, spans_path, mapping_path, mapping_key, progress)
    summary = {**outcome.report(), "format": fmt, "text_fields": list(text_fields), "key_source": source, "workers": job.workers}
    if report_path:
        write_json(report_path, summary)
    skipped = sum(outcome.skipped.values())
    click.echo(f"anonymized {outcome.records_out} records ({skipped} skipped) in {outcome.seconds:.2f} s "
               f"({summary['records_per_second']:.0f} records/s); replaced: "
               + ", ".join(f"{k} {v}" for k, v in sorted(outcome.replaced.items())), err=True)


@main.group()
def scan() -> None:
    """Stand-alone bias probes."""


@scan.command("pairs")
@click.argument("pairs_path", metavar="PAIRS.csv", type=click.Path(path_type=Path))
@click.option("--model", "model_spec", required=True, help="A local path, a hub id, or models:/NAME@ALIAS (or models:/NAME/VERSION).")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Also write the JSON here.")
@click.option("--batch-size", type=int, default=16, show_default=True)
@_config_option
@click.pass_context
def scan_pairs(ctx: click.Context, pairs_path: Path, model_spec: str, output: Path | None, batch_size: int, config_path: str) -> None:
    """Stereotype preference on a CrowS-Pairs-format CSV: the share of pairs whose
    more stereotypical sentence the model finds more likely (overall, per bias type)."""
    from pipelines import stereotype

    tracking_uri = None
    if model_spec.startswith("models:/"):
        from pipelines import registry

        tracking_uri = registry.resolve_tracking_uri(_load(ctx, config_path), ctx.obj["root"])
    result = stereotype.run(pairs_path, model_spec, output, tracking_uri=tracking_uri, batch_size=batch_size)
    click.echo(json.dumps(result, indent=2))


# --- the release gate -----------------------------------------------------------------


def _release(ctx: click.Context, config_path: str):
    from pipelines import registry, release

    cfg = _load(ctx, config_path)
    root = ctx.obj["root"]
    client = registry.client(registry.resolve_tracking_uri(cfg, root))
    run_id = os.environ.get("GITHUB_RUN_ID")
    who = f"GitHub run {run_id}" if run_id else f"pid {os.getpid()}"
    return release, release.Context(cfg=cfg, root=root, client=client, echo=click.echo, who=who)


def _version_options(f):
    f = click.option("--lineage", "lineage_path", default=None, metavar="DVC_LOCK",
                     help="Select the one version whose lineage digest matches this dvc.lock (and require it).")(f)
    return click.option("--version", "version", default=None, help="Model version (default: the @candidate alias).")(f)


def _print_refusal(reasons: list[str]) -> None:
    click.echo("REFUSED:", err=True)
    for r in reasons:
        click.echo(f"  - {r}", err=True)


@main.command("gate")
@_config_option
@_version_options
@click.pass_context
def gate_cmd(ctx: click.Context, config_path: str, version: str | None, lineage_path: str | None) -> None:
    """Judge the evidence of a version (no approvals yet): the CI gate job."""
    from pipelines import gate

    release, rctx = _release(ctx, config_path)
    lineage = release.lineage_of(rctx.root, lineage_path) if lineage_path else None
    ref = release.find_version(rctx, version, lineage)
    decision = gate.decide(rctx.cfg.policy, release.build_candidate(rctx, ref, lineage=lineage), None, rctx.now())
    if not decision.allowed:
        _print_refusal(decision.reasons)
        sys.exit(7)
    click.echo(f"{rctx.name} version {ref.version}: evidence complete and consistent; awaiting approvals")


@main.command()
@_config_option
@_version_options
@click.option("--github", "from_github", is_flag=True, help="Read the approvals of this GitHub Actions run (GITHUB_* environment).")
@click.option("--approver", default=None, help="Local sign-off: who signs.")
@click.option("--meaning", default=None, help="Local sign-off: what the signature means (default: the policy's).")
@click.option("--comment", default="", help="Local sign-off: a comment.")
@click.option("--reject", is_flag=True, help="Local sign-off: reject instead of approve.")
@click.pass_context
def signoff(ctx: click.Context, config_path: str, version: str | None, lineage_path: str | None, from_github: bool,
            approver: str | None, meaning: str | None, comment: str, reject: bool) -> None:
    """Record approvals of one model version, bound to its evidence digest."""
    release, rctx = _release(ctx, config_path)
    lineage = release.lineage_of(rctx.root, lineage_path) if lineage_path else None
    ref = release.find_version(rctx, version, lineage)
    if from_github == bool(approver):
        raise click.UsageError("give either --github or --approver")
    if from_github:
        from pipelines.github import GitHub

        env = os.environ
        missing = [k for k in ("GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_TOKEN") if not env.get(k)]
        if missing:
            raise click.UsageError(f"--github needs {', '.join(missing)} in the environment")
        api = env.get("GITHUB_API_URL", "https://api.github.com")
        gh = GitHub(env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"], api)
        teams_gh = GitHub(env["GITHUB_REPOSITORY"], env["RELEASE_GATE_TEAMS_TOKEN"], api) if env.get("RELEASE_GATE_TEAMS_TOKEN") else None
        release.signoff_github(rctx, ref, gh, int(env["GITHUB_RUN_ID"]), teams_gh)
    else:
        release.signoff_local(rctx, ref, approver, meaning, comment, reject)


def _actor() -> str:
    return os.environ.get("GITHUB_ACTOR") or os.environ.get("USER") or "unknown"


@main.command()
@_config_option
@_version_options
@click.option("--check-commits", is_flag=True, help="Also require every evidence commit to be in this branch's history.")
@click.pass_context
def promote(ctx: click.Context, config_path: str, version: str | None, lineage_path: str | None, check_commits: bool) -> None:
    """Move @champion to a version, if the gate allows; else print every reason."""
    release, rctx = _release(ctx, config_path)
    lineage = release.lineage_of(rctx.root, lineage_path) if lineage_path else None
    ref = release.find_version(rctx, version, lineage)
    run_id = os.environ.get("GITHUB_RUN_ID")
    entry = release.promote(rctx, ref, lineage=lineage, actor=_actor(), triggering_actor=os.environ.get("GITHUB_TRIGGERING_ACTOR"),
                            run_id=run_id, check_commits=check_commits)
    click.echo(f"promoted {rctx.name} version {ref.version} to @{rctx.cfg.registry.champion_alias} "
               f"(previous: {entry.data.get('previous')}); ledger entry {entry.seq}")


@main.command()
@_config_option
@click.option("--to", "to_version", required=True, help="The earlier champion to return to.")
@click.option("--reason", required=True, help="Why (recorded in the ledger).")
@click.pass_context
def rollback(ctx: click.Context, config_path: str, to_version: str, reason: str) -> None:
    """Return @champion to an earlier champion; needs approvals like a promotion."""
    release, rctx = _release(ctx, config_path)
    ref = release.find_version(rctx, to_version, None)
    entry = release.rollback(rctx, ref, reason, actor=_actor(), triggering_actor=os.environ.get("GITHUB_TRIGGERING_ACTOR"),
                             run_id=os.environ.get("GITHUB_RUN_ID"))
    click.echo(f"rolled back {rctx.name} @{rctx.cfg.registry.champion_alias} to version {ref.version} "
               f"(was {entry.data.get('previous')}); ledger entry {entry.seq}")


@main.group()
def ledger() -> None:
    """The tamper-evident ledger."""


@ledger.command("verify")
@_config_option
@click.pass_context
def ledger_verify(ctx: click.Context, config_path: str) -> None:
    """Check the chain, its mirrored head, the champion alias and every version's tags."""
    release, rctx = _release(ctx, config_path)
    problems = release.verify(rctx)
    if problems:
        click.echo(f"ledger of {rctx.name}: {len(problems)} problem(s)", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)
        click.echo("fix the cause, or run `release-gate reconcile` to put @champion where the ledger says", err=True)
        sys.exit(9)
    n = len(release.ledger_entries(rctx))
    click.echo(f"ledger of {rctx.name}: {n} entries, chain and registry agree")


@ledger.command("show")
@_config_option
@click.pass_context
def ledger_show(ctx: click.Context, config_path: str) -> None:
    """Print the ledger entries, one line each."""
    release, rctx = _release(ctx, config_path)
    for e in release.ledger_entries(rctx):
        click.echo(f"{e.seq:>4} {e.at} {e.kind:<14} v{e.version:<4} {e.actor:<16} {e.digest[:12]}")


@main.command()
@_config_option
@click.option("--at", "at", default=None, help="An ISO 8601 time (UTC if no offset); default now.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def history(ctx: click.Context, config_path: str, at: str | None, as_json: bool) -> None:
    """Which version was champion at a time, on which data, approved by whom, on what evidence."""
    import datetime as dt

    when = None
    if at:
        try:
            when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError:
            raise click.BadParameter(f"{at!r} is not an ISO 8601 time", param_hint="--at") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
    release, rctx = _release(ctx, config_path)
    h = release.history(rctx, when)
    if h is None:
        click.echo(f"no champion of {rctx.name} at {at or 'now'}")
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(h, indent=2))
        return
    click.echo(f"{h['model']} version {h['version']} was champion at {h['at']} (since {h['since']}, {h['how']} by {h['by']}; previous {h['previous']})")
    if h.get("reason"):
        click.echo(f"  reason: {h['reason']}")
    ds = h.get("datasets") or {}
    click.echo(f"  trained on: raw md5 {ds.get('raw')}, anonymized md5 {ds.get('anonymized')}; lineage {h.get('lineage')}")
    click.echo(f"  evidence bundle: {h['evidence_bundle']} (MLflow run {h.get('run_id')})")
    for a in h["approvals"]:
        click.echo(f"  approved by {a['approver']} at {a['signed_at']} ({a['source']}): {a['meaning']}" + (f" — {a['comment']}" if a["comment"] else ""))


@main.command()
@_config_option
@click.pass_context
def reconcile(ctx: click.Context, config_path: str) -> None:
    """After a failure midway, put @champion where the ledger says (recorded)."""
    release, rctx = _release(ctx, config_path)
    click.echo(release.reconcile(rctx, _actor()))


@main.group()
def github() -> None:
    """GitHub integration (pull-request report, commit status)."""


@github.command("report")
@_config_option
@click.option("--pr", "pr_number", type=int, required=True)
@click.option("--sha", required=True, help="The commit to set the status on.")
@click.option("--outcome", type=click.Choice(["success", "failure"]), default=None,
              help="Overrides the status derived from the evidence (e.g. when dvc repro failed before register).")
@click.pass_context
def github_report(ctx: click.Context, config_path: str, pr_number: int, sha: str, outcome: str | None) -> None:
    """Post or update the one candidate-report comment and set the commit status."""
    from pipelines.core.fileio import read_json
    from pipelines.github import GitHub

    cfg = _load(ctx, config_path)
    root = ctx.obj["root"]
    env = os.environ
    missing = [k for k in ("GITHUB_REPOSITORY", "GITHUB_TOKEN") if not env.get(k)]
    if missing:
        raise click.UsageError(f"needs {', '.join(missing)} in the environment")
    report = root / cfg.register_.report
    body = report.read_text(encoding="utf-8") if report.is_file() else (
        "# Candidate report\n\nThe candidate pipeline stopped before registration; see the workflow log.\n")
    passed = False
    try:
        passed = bool(read_json(root / cfg.register_.evidence, "evidence record").get("passed"))
    except ReleaseGateError:
        pass
    state = outcome or ("success" if passed else "failure")
    gh = GitHub(env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"], env.get("GITHUB_API_URL", "https://api.github.com"))
    comment_id = gh.upsert_comment(pr_number, body)
    gh.set_status(sha, state, "candidate passed every stage" if state == "success" else "candidate failed or incomplete; see the report")
    click.echo(f"PR #{pr_number}: report comment {comment_id}, status {state} on {sha[:12]}")


def run() -> None:  # console-script entry point
    os.environ.setdefault("DVC_NO_ANALYTICS", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    main()


if __name__ == "__main__":
    run()
