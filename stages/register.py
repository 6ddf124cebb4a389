"""Stage ``register``: record the candidate, with all its evidence, in MLflow.

One MLflow run per pipeline run holds the stages' params and metrics, the
datasets (``log_input`` with the DVC md5 as digest), the evidence files and the
adapter; a model version of the registered model gets the tags that tie it to
the evidence, and the alias ``candidate`` (and ``pr-<N>``). Every candidate is
registered, failing ones too, so the registry is the complete history; this
stage then exits non-zero when any stage failed.

Registering is idempotent: a version whose ``evidence.bundle.digest`` tag equals
this run's is reused, not duplicated.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import STAGES, PipelineConfig
from pipelines.core.digests import sha256_json
from pipelines.core.errors import EvidenceError, StageFailed
from pipelines.core.fileio import read_json, read_jsonl, remove_outputs, write_text
from pipelines.core.stage import StageSpec, progress, resolve

EARLIER = STAGES[:-1]
PIP_REQUIREMENTS = ["torch", "transformers", "peft", "tokenizers", "safetensors", "accelerate"]


def _evidence_paths(c: PipelineConfig) -> dict[str, str]:
    return {
        "anonymize": c.anonymize.evidence, "validate": c.validate_.evidence, "finetune": c.finetune.evidence,
        "evaluate": c.evaluate.evidence, "bias_scan": c.bias_scan.evidence,
    }


SPEC = StageSpec(
    name="register",
    params=("registry", "register", "policy"),
    code=("stages/register.py", "pipelines/registry.py"),
    inputs=lambda c: {
        "raw": c.data.raw, "anonymized": c.anonymize.output, "base": c.finetune.base_dir, "adapter": c.finetune.output_dir,
        "loss_curve": c.finetune.loss_curve, "evaluate_metrics": c.evaluate.metrics, "bias_metrics": c.bias_scan.metrics,
        "data_docs": c.validate_.data_docs, "evaluate_plot": c.evaluate.plot, "bias_plot": c.bias_scan.plot,
        **{f"evidence_{k}": v for k, v in _evidence_paths(c).items()},
    },
    outputs=lambda c: {"report": c.register_.report},
    uncached=lambda c: (c.register_.report,),
    evidence=lambda c: c.register_.evidence,
)


def flatten(prefix: str, value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(flatten(f"{prefix}.{k}" if prefix else str(k), v))
        return out
    return {prefix: value}


def version_tags(cfg: PipelineConfig, records: dict[str, ev.Evidence], bundle: str, git_commit: str,
                 lineage: str | None = None, pr_number: int | None = None, pr_author: str | None = None) -> dict[str, str]:
    """The tags that tie a model version to its evidence (all strings)."""
    anon, ft = records["anonymize"], records["finetune"]
    tags = {
        "git.commit": git_commit,
        "config.digest": sha256_json(cfg.model_dump(mode="json", by_alias=True)),
        "policy.digest": sha256_json(cfg.section("policy")),
        "dataset.raw.md5": anon.inputs[cfg.data.raw],
        "dataset.anonymized.md5": anon.outputs[cfg.anonymize.output],
        "anonymization.key_source": str(anon.details.get("key_source")),
        "anonymization.key_fingerprint": str(anon.details.get("key_fingerprint")),
        "base_model.name": str(ft.details.get("base_model")),
        "base_model.digest": str(ft.details.get("base_model_digest")),
        "tokenizer.digest": str(ft.details.get("tokenizer_digest")),
        "adapter.md5": ft.outputs[cfg.finetune.output_dir],
        "evidence.bundle.digest": bundle,
        "candidate.passed": str(all(r.passed for r in records.values())).lower(),
    }
    for stage, r in records.items():
        tags[f"evidence.{stage}.digest"] = r.digest()
        tags[f"evidence.{stage}.passed"] = str(r.passed).lower()
    if lineage:
        tags["lineage.digest"] = lineage
    if pr_number:
        tags["pr.number"] = str(pr_number)
    if pr_author:
        tags["pr.author"] = pr_author
    return tags


def current_lineage(cfg: PipelineConfig, root: Path, records: dict[str, ev.Evidence]) -> str | None:
    """The lineage digest of dvc.lock, when dvc.lock is current.

    dvc.lock is the lineage record itself, written by DVC after each earlier
    stage of this ``dvc repro``; it is read here but cannot be a declared
    dependency (it changes when register finishes). If it disagrees with the
    evidence (register run outside ``dvc repro``), no lineage is claimed, and
    the release gate will refuse this version.
    """
    from pipelines.core.lineage import lineage_digest, lock_outputs, read_lock

    path = root / "dvc.lock"
    if not path.is_file():
        return None
    lock = read_lock(path)
    outs = lock_outputs(lock)
    for r in records.values():
        for p, d in r.outputs.items():
            if outs.get(p) != d:
                progress("register", f"dvc.lock does not match the evidence for {p}; no lineage digest recorded (run through `dvc repro`)")
                return None
    return lineage_digest(lock, EARLIER)


def load_chain(cfg: PipelineConfig, root: Path) -> dict[str, ev.Evidence]:
    """The earlier stages' evidence, refusing a chain that is broken or has a
    gap (a failed check is not a break: it is recorded)."""
    paths = _evidence_paths(cfg)
    broken = [f"{link.stage}: {p}" for link in ev.chain(root, paths) for p in link.problems if not p.startswith("check failed")]
    if broken:
        raise EvidenceError("register: the evidence chain is broken, nothing registered:\n  " + "\n  ".join(broken))
    return {s: ev.load(resolve(root, p)) for s, p in paths.items()}


def log_run(mlflow, cfg: PipelineConfig, root: Path, records: dict[str, ev.Evidence], bundle: str, experiment_id: str) -> tuple[str, Any]:
    """The MLflow run of this pipeline run; returns (run_id, the logged model's info)."""
    import warnings

    import pandas as pd

    from pipelines import lm

    warnings.filterwarnings("ignore", message="The specified dataset source can be interpreted in multiple ways")
    d = cfg.data
    with mlflow.start_run(experiment_id=experiment_id, run_name=f"candidate-{bundle[:12]}") as run:
        params = {}
        for section in ("data", "anonymize", "validate", "finetune", "evaluate", "bias_scan", "privacy", "safety", "registry"):
            params.update(flatten(section, cfg.section(section)))
        mlflow.log_params({k: str(v)[:500] for k, v in params.items()})
        mlflow.set_tags({"release_gate.bundle": bundle, "git.commit": records["finetune"].code.get("git_commit", "unknown")})
        metrics: dict[str, float] = {}
        for stage, r in records.items():
            metrics[f"{stage}.passed"] = float(r.passed)
            for c in r.checks:
                if isinstance(c["value"], (int, float)) and not isinstance(c["value"], bool):
                    metrics[f"{stage}.{c['name']}"] = float(c["value"])
        mlflow.log_metrics(metrics)
        curve = read_jsonl_csv(resolve(root, cfg.finetune.loss_curve))
        for row in curve:
            mlflow.log_metric("finetune.train_loss", float(row["loss"]), step=int(row["step"]))
        for name, path, digest in (
            ("raw", d.raw, records["anonymize"].inputs[d.raw]),
            ("anonymized", cfg.anonymize.output, records["anonymize"].outputs[cfg.anonymize.output]),
        ):
            df = pd.DataFrame.from_records(read_jsonl(resolve(root, path)))[list(d.required_fields)]
            ds = mlflow.data.from_pandas(df.iloc[:0], source=path, name=f"{name}-records", digest=digest)
            mlflow.log_input(ds, context="training" if name == "anonymized" else "raw")
        for rel in (*_evidence_paths(cfg).values(), cfg.evaluate.metrics, cfg.bias_scan.metrics, cfg.finetune.loss_curve,
                    cfg.evaluate.plot, cfg.bias_scan.plot):
            mlflow.log_artifact(str(resolve(root, rel)), artifact_path=str(Path(rel).parent))
        mlflow.log_artifacts(str(resolve(root, cfg.validate_.data_docs)), artifact_path="data_docs")
        adapter_dir, base_dir = resolve(root, cfg.finetune.output_dir), resolve(root, cfg.finetune.base_dir)
        mlflow.log_artifacts(str(adapter_dir), artifact_path="adapter")
        if cfg.finetune.base_model == "tiny":
            mlflow.log_artifacts(str(base_dir), artifact_path="base")
        progress("register", "logging the model (adapter + tokenizer, base model by path)")
        model = lm.load_with_adapter(base_dir, adapter_dir)
        tok = lm.load_tokenizer(adapter_dir)
        info = mlflow.transformers.log_model(
            {"model": model, "tokenizer": tok}, name="model", task="text-generation",
            base_model_path=str(base_dir.resolve()) if cfg.finetune.base_model == "tiny" else cfg.finetune.base_model,
            pip_requirements=PIP_REQUIREMENTS,
        )
        return run.info.run_id, info


def read_jsonl_csv(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def ensure_experiment(client, cfg: PipelineConfig, root: Path) -> str:
    from pipelines import registry

    exp = client.get_experiment_by_name(cfg.registry.experiment)
    if exp is not None:
        return exp.experiment_id
    location = registry.artifact_location(cfg, root) if not client.tracking_uri.startswith("http") else None
    return client.create_experiment(cfg.registry.experiment, artifact_location=location)


def run_stage(cfg: PipelineConfig, root: Path, pr_number: int | None = None, pr_author: str | None = None) -> ev.Evidence:
    from pipelines import ledger, registry

    started = ev.now_utc()
    report_path, evidence_path = resolve(root, cfg.register_.report), resolve(root, cfg.register_.evidence)
    records = load_chain(cfg, root)
    bundle = sha256_json({s: r.digest() for s, r in records.items()})
    git_commit = ev.code_version(root)["git_commit"]
    uri = registry.resolve_tracking_uri(cfg, root)
    client = registry.client(uri)  # fails fast on an unreachable server, before anything is touched
    remove_outputs(report_path, evidence_path)
    import mlflow

    name = cfg.registry.model_name
    existing = registry.versions_with_tag(client, name, "evidence.bundle.digest", bundle)
    if existing:
        version, run_id = existing[-1].version, existing[-1].run_id
        progress("register", f"this evidence is already registered as {name} version {version}; reusing it")
    else:
        try:
            client.get_registered_model(name)
        except mlflow.exceptions.MlflowException:
            client.create_registered_model(name, description="Fine-tuned candidates recorded by release-gate.")
        experiment_id = ensure_experiment(client, cfg, root)
        run_id, model = log_run(mlflow, cfg, root, records, bundle, experiment_id)
        tags = version_tags(cfg, records, bundle, git_commit, current_lineage(cfg, root, records), pr_number, pr_author)
        with registry.Lock(client, name, f"register of bundle {bundle[:12]}"):
            mv = client.create_model_version(name, source=model.model_uri, run_id=run_id, tags=tags, model_id=model.model_id,
                                             description=f"release-gate candidate, evidence bundle {bundle[:12]}")
            version = str(mv.version)
            ledger.append(
                registry.LedgerStore(client, name, experiment_id), "registration", name, version, actor=pr_author or "pipeline",
                data={"run_id": run_id, "bundle": bundle, "tag_keys": sorted(tags), "tags_digest": sha256_json(tags),
                      "candidate_passed": tags["candidate.passed"], "lineage": tags.get("lineage.digest"),
                      "datasets": {"raw": tags["dataset.raw.md5"], "anonymized": tags["dataset.anonymized.md5"]}},
                at=ev.now_utc(),
            )
        progress("register", f"registered {name} version {version} (run {run_id}), ledger entry appended")
    aliases = [cfg.register_.alias] + ([f"pr-{pr_number}"] if pr_number else [])
    for alias in aliases:
        client.set_registered_model_alias(name, alias, version)
    passed = all(r.passed for r in records.values())
    checks = [ev.Check(f"{s}.passed", r.passed, "==", True) for s, r in records.items()]
    eval_metrics = read_json(resolve(root, cfg.evaluate.metrics), "metrics file")
    bias_metrics = read_json(resolve(root, cfg.bias_scan.metrics), "metrics file")
    report = render_report(cfg, records, eval_metrics, name, version, run_id, aliases, bundle, bias_metrics,
                           report_dir=report_path.parent, root=root)
    write_text(report_path, report)
    record = ev.build(
        "register", checks, SPEC.inputs(cfg), SPEC.outputs(cfg), SPEC.config_digest(cfg), root, started,
        details={"model_name": name, "version": version, "run_id": run_id, "aliases": aliases,
                 "evidence_bundle_digest": bundle, "tracking_uri": _redact_uri(uri) if uri.startswith("http") else "local"},
    )
    ev.write(evidence_path, record)
    if not passed:
        failed = [f"{s}: {'; '.join(r.failures())}" for s, r in records.items() if not r.passed]
        raise StageFailed(f"candidate {name} version {version} registered WITH FAILURES (see {cfg.register_.report}):\n  " + "\n  ".join(failed))
    progress("register", f"candidate {name} version {version} passed every stage; report in {cfg.register_.report}")
    return record


def _redact_uri(uri: str) -> str:
    """Drop credentials from a URI before it is written anywhere."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(uri)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _image(root: Path | None, report_dir: Path | None, rel: str, alt: str) -> list[str]:
    """A Markdown image of a plot, linked relative to the report (nothing when the plot is absent)."""
    import os

    if root is None or report_dir is None or not resolve(root, rel).is_file():
        return []
    return ["", f"![{alt}]({Path(os.path.relpath(resolve(root, rel), report_dir)).as_posix()})", ""]


def _f(v: Any, spec: str = ".4f") -> str:
    return "—" if v is None else format(v, spec) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)


def suite_section(m: dict, cfg: PipelineConfig) -> list[str]:
    """Per suite and metric: candidate, comparator, the paired difference with its interval, margin and verdict."""
    comps = (m.get("comparisons") or {}).get("metrics") or {}
    against = (m.get("comparisons") or {}).get("against", "comparator")
    suites = m.get("suites") or {}
    if not suites:
        return []
    level = (m.get("comparisons") or {}).get("one_sided_level")
    lines = ["", "## Evaluation suites", "",
             f"Candidate vs {against} on the same items. Difference = candidate − {against} (for lower-is-better metrics, "
             f"{against} − candidate), paired-bootstrap {1 - cfg.evaluate.statistics.alpha:.0%} interval. Metrics with a "
             f"margin are tested for non-inferiority, Holm-adjusted across all of them"
             + (f" (one-sided level {level:g})." if level else "."), "",
             "| suite (version) | metric | n | candidate | " + against + " | difference [interval] | margin | Holm p | verdict |",
             "|---|---|---|---|---|---|---|---|---|"]
    for task, s in suites.items():
        title = f"{task} (v{s.get('version')}){'' if s.get('enforce', True) else ', report only'}"
        for metric, c in (s.get("candidate") or {}).items():
            comp = (s.get(against) or {}).get(metric, {})
            k = comps.get(f"{task}.{metric}", {})
            diff = f"{k['estimate']:+.4f} [{k['low']:+.4f}, {k['high']:+.4f}]" if k.get("comparable") else "—"
            verdict = "—" if k.get("margin") is None else ("non-inferior" if k.get("non_inferior") else "**INFERIOR**")
            lines.append(f"| {title} | {metric} | {c.get('n')} | {_f(c.get('value'))} | {_f(comp.get('value'))} | {diff} | "
                         f"{_f(k.get('margin'), 'g')} | {_f(k.get('p_holm'), '.3g')} | {verdict} |")
            title = ""
    lines.append("")
    lines.append("Suite digests: " + ", ".join(f"{t} `{s.get('suite_digest', '')[:12]}`" for t, s in suites.items()) + ".")
    return lines


def scan_section(b: dict) -> list[str]:
    """Bias, privacy and safety in numbers (never a value, a secret or a generation)."""
    if not b:
        return []
    against = b.get("compared_with", "comparator")
    lines = ["", "## Bias, privacy and safety", "", f"Compared with: {against}"
             + (f" (version {b['champion_version']})" if b.get("champion_version") else "") + "."]
    suites = b.get("suites") or {}
    if suites:
        lines += ["", "Bias suites: " + ", ".join(f"{t} v{s.get('version')} `{str(s.get('suite_digest', ''))[:12]}`"
                                                 for t, s in suites.items()) + "."]
    for task, res in (b.get("counterfactual") or {}).items():
        lines += ["", f"| {task}: axis | pairs | flip rate | worst-case drop | metric gap | {against} flip rate |",
                  "|---|---|---|---|---|---|"]
        for axis, m in (res.get("candidate") or {}).items():
            comp = (res.get(against) or {}).get(axis) or {}
            if not m.get("n"):
                lines.append(f"| {axis} | 0 | — | — | — | — |")
                continue
            lines.append(f"| {axis} | {m['n']} | {m['flip_rate']:.3f} | {m['worst_case_drop']:.3f} | {m['metric_gap']:.3f} | "
                         f"{_f(comp.get('flip_rate'), '.3f')} |")
    for task, st in (b.get("stereotype") or {}).items():
        o, c = st["candidate"]["overall"], st[against]["overall"]
        lines += ["", f"{task}: stereotype preference ({o['n']} pairs): candidate {o['pct_stereotype']:.3f}, {against} "
                      f"{c['pct_stereotype']:.3f} (0.5 = no preference)."]
    p = b.get("privacy") or {}
    lines += ["", "| privacy | value |", "|---|---|"]
    if "canaries" in p:
        c = p["canaries"]
        lines.append(f"| canary exposure, max (of {c['max_possible_exposure']:.2f} bits possible) | {c['max_exposure']:.2f} |")
        for reps, g in sorted(c["by_repetitions"].items(), key=lambda kv: int(kv[0])):
            lines.append(f"| canary exposure, inserted {reps}× (mean of {g['n']}) | {g['mean_exposure']:.2f} |")
    ex = p.get("extraction") or {}
    if ex:
        lines.append(f"| verbatim extraction ({ex['suffix_tokens']} tokens) | {ex['extracted']} of {ex['eligible']} records |")
    mi = p.get("membership") or {}
    if mi:
        ci = mi.get("ci") or {}
        lines.append(f"| membership-inference AUC (0.5 = no signal) | {mi['auc']:.3f}"
                     + (f" [{ci['low']:.3f}, {ci['high']:.3f}]" if ci else "") + " |")
    leak = b.get("pii_leak") or {}
    if leak:
        lines.append(f"| generations holding raw personal data | {leak['generations_with_leaks']} of {leak['generations_checked']} |")
    sf = b.get("safety")
    if sf:
        c = sf["candidate"]
        comp = sf.get(against) or {}
        lines += ["", f"Prompt-injection probes: {c['failed']} of {c['n']} succeeded on the candidate "
                      f"({c['hijack_failures']} hijacks, {c['canary_leaks']} system-prompt canary leaks); {against}: "
                      f"{comp.get('failed', '—')} of {comp.get('n', '—')}."]
    return lines


def render_report(cfg: PipelineConfig, records: dict[str, ev.Evidence], m: dict, name: str, version: str, run_id: str | None,
                  aliases: list[str], bundle: str, b: dict | None = None, *, report_dir: Path | None = None,
                  root: Path | None = None) -> str:
    """The candidate report (Markdown) that a reviewer reads on the pull request."""
    passed = all(r.passed for r in records.values())
    anon, ft = records["anonymize"], records["finetune"]
    lines = [
        f"# Candidate report: {name} version {version}",
        "",
        f"**Verdict: {'all stages passed' if passed else 'FAILED'}** — aliases: {', '.join('`' + a + '`' for a in aliases)}",
        "",
        "| stage | result | failed checks |",
        "|---|---|---|",
    ]
    for s, r in records.items():
        lines.append(f"| {s} | {'pass' if r.passed else '**FAIL**'} | {'; '.join(r.failures()) or '—'} |")
    lines += ["", "## Candidate vs base and champion (held-out split)", ""]
    if m:
        lines += ["| model | perplexity | ROUGE-L | exact match | n |", "|---|---|---|---|---|"]
        for label in ("candidate", "base", "champion"):
            row = m.get(label)
            if row:
                title = label if label != "champion" else f"champion (v{m.get('champion_version')})"
                lines.append(f"| {title} | {row['perplexity']:.3f} | {row['rouge_l']:.4f} | {row['exact_match']:.4f} | {row['n']} |")
        comp = m.get("comparison") or {}
        if comp:
            ci, mc = comp["rouge_l_diff"], comp["exact_match_mcnemar"]
            lines.append(
                f"\nCandidate − {comp['against']} ROUGE-L per item: {ci['estimate']:+.4f}, "
                f"{comp['confidence']:.0%} CI [{ci['low']:+.4f}, {ci['high']:+.4f}] (paired bootstrap, n = {ci['n']}); "
                f"exact match McNemar p = {mc['p_value']:.3g} ({mc['b01']} items gained, {mc['b10']} lost)."
            )
        if not m.get("champion"):
            lines.append("\nNo champion is registered yet: the candidate was compared with its base model.")
        lines += suite_section(m, cfg)
        lines += _image(root, report_dir, cfg.evaluate.plot, "candidate minus comparator, per metric, with intervals")
    lines += scan_section(b or {})
    lines += _image(root, report_dir, cfg.bias_scan.plot, "counterfactual groups and stereotype preference")
    lines += ["", "## Checks", ""]
    for s, r in records.items():
        for c in r.checks:
            if c["op"] != "info":
                mark = "pass" if c["passed"] else "FAIL"
                lines.append(f"- {s} · `{c['name']}` = {c['value']} (required {c['op']} {c['threshold']}) — {mark}")
    lines += [
        "", "## Data and lineage", "",
        f"- raw dataset md5: `{anon.inputs[cfg.data.raw]}` ({cfg.data.raw})",
        f"- anonymized dataset md5: `{anon.outputs[cfg.anonymize.output]}`",
        f"- anonymization key: {anon.details.get('key_source')}"
        + (" — **DEVELOPMENT KEY: not acceptable for real data**" if anon.details.get("development_key") else ""),
        f"- values replaced: {', '.join(f'{k} {v}' for k, v in anon.details.get('replaced', {}).items())}",
        f"- base model: `{ft.details.get('base_model')}` digest `{ft.details.get('base_model_digest')}`",
        f"- adapter md5: `{ft.outputs[cfg.finetune.output_dir]}`",
        f"- evidence bundle digest: `{bundle}`",
        f"- MLflow run: `{run_id}`",
        "",
    ]
    return "\n".join(lines)

