"""Stage ``evaluate``: the candidate against the base model and the champion.

On the held-out split: perplexity of the reference responses, and ROUGE-L and
exact match of greedy generations. The candidate must meet the absolute
thresholds, beat its own base model on perplexity, and not fall behind the
current champion (when the registry has one) by more than the allowed margin.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import DataError
from pipelines.core.fileio import read_jsonl, remove_outputs, write_json, write_jsonl
from pipelines.core.stage import StageSpec, progress, resolve

SPEC = StageSpec(
    name="evaluate",
    params=("data", "evaluate", "registry", "finetune.training"),
    code=("stages/evaluate.py", "pipelines/lm", "pipelines/registry.py"),
    inputs=lambda c: {"anonymized": c.anonymize.output, "base": c.finetune.base_dir, "adapter": c.finetune.output_dir},
    outputs=lambda c: {"generations": c.evaluate.generations},
    evidence=lambda c: c.evaluate.evidence,
    metrics=lambda c: {"metrics": c.evaluate.metrics},
)


def eval_records(cfg: PipelineConfig, rows: list[dict]) -> list[dict]:
    d = cfg.data
    held_out = [r for r in rows if r[d.split_field] == d.eval_split]
    if not held_out:
        raise DataError(f"{cfg.anonymize.output}: no record with {d.split_field}={d.eval_split!r}; nothing to evaluate on")
    n = cfg.evaluate.max_records
    return held_out[:n] if n else held_out


def measure(model, tok, records: list[dict], cfg: PipelineConfig, device: str) -> tuple[dict[str, Any], list[str]]:
    """Perplexity, ROUGE-L and exact match of one model on the records, with
    the per-item values that the paired statistics need."""
    from pipelines import lm
    from pipelines.lm.metrics import exact_match, mean, rouge_l

    d, e = cfg.data, cfg.evaluate
    prompts = [r[d.prompt_field] for r in records]
    refs = [r[d.response_field] for r in records]
    scores = lm.score(model, tok, prompts, refs, max_length=cfg.finetune.training.max_length, batch_size=e.batch_size, device=device)
    outs = lm.generate(model, tok, prompts, max_new_tokens=e.max_new_tokens, batch_size=e.batch_size, device=device)
    rl = [rouge_l(o, r) for o, r in zip(outs, refs)]
    em = [exact_match(o, r) for o, r in zip(outs, refs)]
    return {
        "perplexity": round(lm.perplexity(scores), 6),
        "rouge_l": round(mean(rl), 6),
        "exact_match": round(mean(em), 6),
        "n": len(records),
        "per_item": {"rouge_l": [round(x, 6) for x in rl], "exact_match": em},
    }, outs


def compare(comparator: dict[str, Any], candidate: dict[str, Any], cfg: PipelineConfig) -> dict[str, Any]:
    """Candidate minus comparator on the same items: a paired-bootstrap CI of
    the ROUGE-L difference and an exact McNemar test on exact match."""
    from pipelines.evalstats import mcnemar_exact, paired_bootstrap

    st = cfg.evaluate.statistics
    ci = paired_bootstrap(comparator["per_item"]["rouge_l"], candidate["per_item"]["rouge_l"],
                          resamples=st.resamples, seed=st.seed, alpha=st.alpha)
    mc = mcnemar_exact([bool(x) for x in comparator["per_item"]["exact_match"]], [bool(x) for x in candidate["per_item"]["exact_match"]])
    return {"rouge_l_diff": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in ci.as_dict().items()},
            "exact_match_mcnemar": mc.as_dict(), "confidence": 1 - st.alpha}


def load_champion(cfg: PipelineConfig, root: Path, workdir: Path, device: str):
    """The current champion (base + adapter) from the registry, or None."""
    from pipelines import lm, registry

    uri = registry.resolve_tracking_uri(cfg, root)
    client = registry.client(uri)
    ref = registry.version_by_alias(client, cfg.registry.model_name, cfg.registry.champion_alias)
    if ref is None or not ref.run_id:
        return None
    adapter = registry.download(ref.run_id, "adapter", workdir)
    base = ref.tags.get("base_model.name", "tiny")
    base_path = registry.download(ref.run_id, "base", workdir) if base == "tiny" else base
    return ref, lm.load_with_adapter(base_path, adapter, device), lm.load_tokenizer(adapter)


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    from pipelines import lm

    e, t = cfg.evaluate, cfg.evaluate.thresholds
    started = ev.now_utc()
    metrics_path, gen_path, evidence_path = resolve(root, e.metrics), resolve(root, e.generations), resolve(root, e.evidence)
    remove_outputs(metrics_path, gen_path, evidence_path)
    records = eval_records(cfg, read_jsonl(resolve(root, cfg.anonymize.output), required=cfg.data.required_fields))
    lm.seed_everything(cfg.finetune.training.seed)
    device = lm.pick_device(cfg.finetune.training.device)
    base_dir, adapter_dir = resolve(root, cfg.finetune.base_dir), resolve(root, cfg.finetune.output_dir)
    tok = lm.load_tokenizer(adapter_dir)

    progress("evaluate", f"base model on {len(records)} held-out records")
    base_m, _ = measure(lm.load_base(base_dir, device), tok, records, cfg, device)
    progress("evaluate", "candidate (base + adapter)")
    cand_m, outs = measure(lm.load_with_adapter(base_dir, adapter_dir, device), tok, records, cfg, device)
    with tempfile.TemporaryDirectory() as tmp:
        champ = load_champion(cfg, root, Path(tmp), device)
        champ_m: dict[str, Any] | None = None
        champ_version = None
        if champ is not None:
            ref, champ_model, champ_tok = champ
            champ_version = ref.version
            progress("evaluate", f"champion (version {ref.version})")
            champ_m, _ = measure(champ_model, champ_tok, records, cfg, device)
    comparator_name, comparator = ("champion", champ_m) if champ_m is not None else ("base", base_m)
    comparison = compare(comparator, cand_m, cfg)
    metrics = {"candidate": cand_m, "base": base_m, "champion": champ_m, "champion_version": champ_version,
               "comparison": {"against": comparator_name, **comparison}}
    write_json(metrics_path, metrics)
    d = cfg.data
    write_jsonl(gen_path, [{d.id_field: r[d.id_field], "generation": o} for r, o in zip(records, outs)])

    ci = comparison["rouge_l_diff"]
    checks = [
        ev.Check("candidate.perplexity", cand_m["perplexity"], "<=", t.max_perplexity),
        ev.Check("candidate.rouge_l", cand_m["rouge_l"], ">=", t.min_rouge_l),
        ev.Check("candidate.exact_match", cand_m["exact_match"], ">=", t.min_exact_match),
        ev.Check("perplexity_ratio_vs_base", round(cand_m["perplexity"] / base_m["perplexity"], 6), "<=", t.max_perplexity_ratio_vs_base),
        ev.Check("base.rouge_l", base_m["rouge_l"], "info"),
        ev.Check(f"rouge_l_diff_vs_{comparator_name}.estimate", ci["estimate"], "info"),
        ev.Check(f"rouge_l_diff_vs_{comparator_name}.ci_low", ci["low"], ">=", -t.non_inferiority_margin),
        ev.Check(f"rouge_l_diff_vs_{comparator_name}.ci_high", ci["high"], "info"),
        ev.Check(f"exact_match_vs_{comparator_name}.mcnemar_p", round(comparison["exact_match_mcnemar"]["p_value"], 6), "info"),
    ]
    if champ_m is None:
        checks.append(ev.Check("champion", "none registered: compared with the base model", "info"))
    else:
        checks.append(ev.Check("champion.rouge_l", champ_m["rouge_l"], "info"))
        checks.append(ev.Check("champion.perplexity", champ_m["perplexity"], "info"))
    record = ev.build(
        "evaluate", checks, SPEC.inputs(cfg), {**SPEC.outputs(cfg), **SPEC.metrics(cfg)}, SPEC.config_digest(cfg), root, started,
        details={"device": device, "records": len(records), "champion_version": champ_version, "compared_with": comparator_name,
                 "statistics": {"method": "paired bootstrap (percentile)", "resamples": cfg.evaluate.statistics.resamples,
                                "seed": cfg.evaluate.statistics.seed, "confidence": comparison["confidence"]}},
    )
    ev.write(evidence_path, record)
    progress("evaluate", f"candidate ppl {cand_m['perplexity']:.2f} (base {base_m['perplexity']:.2f}), ROUGE-L {cand_m['rouge_l']:.3f}, EM {cand_m['exact_match']:.3f}"
             + ("" if not record.failures() else "; FAILED: " + "; ".join(record.failures())))
    return record
