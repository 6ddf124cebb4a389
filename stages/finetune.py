"""Stage ``finetune``: LoRA fine-tuning with transformers + peft.

The base model is a hub id or a local path from the config, or ``tiny``: the
project's own GPT-2-shaped model, built here deterministically (a BPE tokenizer
trained on the training split, weights from a seed, a short language-model
pre-training on the notes) so the whole pipeline runs on a CPU. Writes the
adapter and tokenizer, the loss curve (a DVC plot) and the evidence, which
records the digests of the base model and tokenizer.
"""
from __future__ import annotations

import csv
import io

from pathlib import Path

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import DataError
from pipelines.core.fileio import atomic_path, read_jsonl, remove_outputs, write_text
from pipelines.core.stage import StageSpec, progress, resolve

SPEC = StageSpec(
    name="finetune",
    params=("data", "finetune", "privacy.canaries"),
    code=("stages/finetune.py", "pipelines/lm", "pipelines/probes/privacy.py"),
    inputs=lambda c: {"anonymized": c.anonymize.output},
    outputs=lambda c: {"base": c.finetune.base_dir, "adapter": c.finetune.output_dir},
    evidence=lambda c: c.finetune.evidence,
    plots=lambda c: {"loss": c.finetune.loss_curve},
)


def train_lora(model, tok, examples, cfg: PipelineConfig, device: str, log) -> list[dict]:
    """The training loop: LoRA on the configured modules, AdamW, a fixed batch
    order from the seed. Returns the loss curve (one row per step)."""
    import torch
    from peft import LoraConfig, get_peft_model

    from pipelines.lm import collate

    t, lora = cfg.finetune.training, cfg.finetune.lora
    peft_model = get_peft_model(
        model,
        LoraConfig(task_type="CAUSAL_LM", r=lora.r, lora_alpha=lora.alpha, lora_dropout=lora.dropout,
                   target_modules=list(lora.target_modules), fan_in_fan_out=model.config.model_type == "gpt2"),
    )
    opt = torch.optim.AdamW([p for p in peft_model.parameters() if p.requires_grad], lr=t.learning_rate)
    gen = torch.Generator().manual_seed(t.seed)
    steps_per_epoch = (len(examples) + t.batch_size - 1) // t.batch_size
    total = steps_per_epoch * t.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.1, 1.0 - s / max(total, 1)))
    curve, step = [], 0
    peft_model.train()
    for epoch in range(1, t.epochs + 1):
        order = torch.randperm(len(examples), generator=gen).tolist()
        for i in range(0, len(order), t.batch_size):
            ids, mask, labels = collate([examples[j] for j in order[i : i + t.batch_size]], tok.pad_token_id, device)
            loss = peft_model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(peft_model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            curve.append({"step": step, "epoch": epoch, "loss": round(float(loss.item()), 6)})
            if step % 10 == 0 or step == total:
                log(f"step {step}/{total} epoch {epoch}: loss {loss.item():.4f}")
    peft_model.eval()
    return peft_model, curve


def epoch_means(curve: list[dict]) -> list[float]:
    by: dict[int, list[float]] = {}
    for row in curve:
        by.setdefault(row["epoch"], []).append(row["loss"])
    return [sum(v) / len(v) for _, v in sorted(by.items())]


def inserted_canaries(cfg: PipelineConfig) -> list[dict]:
    """The canary training records that ``privacy.canaries`` asks for (regenerated from the seed, never stored)."""
    from pipelines.probes import privacy

    d = cfg.data
    return privacy.training_records(privacy.configured_canaries(cfg.privacy.canaries), prompt_field=d.prompt_field,
                                    response_field=d.response_field, id_field=d.id_field, split_field=d.split_field,
                                    train_split=d.train_split)


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    from pipelines import lm

    f = cfg.finetune
    started = ev.now_utc()
    base_dir, out_dir = resolve(root, f.base_dir), resolve(root, f.output_dir)
    curve_path, evidence_path = resolve(root, f.loss_curve), resolve(root, f.evidence)
    remove_outputs(out_dir, curve_path, evidence_path, base_dir)
    rows = read_jsonl(resolve(root, cfg.anonymize.output), required=cfg.data.required_fields)
    d = cfg.data
    train = [r for r in rows if r[d.split_field] == d.train_split]
    if not train:
        raise DataError(f"{cfg.anonymize.output}: no record with {d.split_field}={d.train_split!r}; nothing to train on")
    log = lambda m: progress("finetune", m)  # noqa: E731
    lm.seed_everything(f.training.seed)
    device = lm.pick_device(f.training.device)

    with atomic_path(base_dir, is_dir=True) as tmp_base:
        if f.base_model == "tiny":
            log(f"building the tiny base model (seed {f.tiny.seed}, vocab {f.tiny.vocab_size}) from {len(train)} training records")
            t = f.tiny
            lm.build_tiny_base([r[d.prompt_field] for r in train], tmp_base, seed=t.seed, vocab_size=t.vocab_size, n_layer=t.n_layer,
                               n_head=t.n_head, n_embd=t.n_embd, n_positions=t.n_positions, pretrain_steps=t.pretrain_steps, log=log)
        else:
            # A hub id or a local path: the real loading code. The base is
            # materialised into base_dir so that its digest is recorded and the
            # registered adapter can name an existing base path.
            log(f"loading base model {f.base_model}")
            lm.load_base(f.base_model).save_pretrained(tmp_base)
            lm.load_tokenizer(f.base_model).save_pretrained(tmp_base)
    lm.seed_everything(f.training.seed)
    tok = lm.load_tokenizer(base_dir)
    model = lm.load_base(base_dir, device)
    # Canaries (privacy.canaries) join the training examples only: never the
    # data files, the base model's pre-training or any other stage's input.
    canary_rows = inserted_canaries(cfg)
    if canary_rows:
        log(f"privacy audit: {len(canary_rows)} canary records inserted into the training split")
    examples = [lm.encode(tok, r[d.prompt_field], r[d.response_field], f.training.max_length) for r in train + canary_rows]
    log(f"LoRA fine-tuning on {len(examples)} records, {f.training.epochs} epochs, r={f.lora.r}, device {device}")
    peft_model, curve = train_lora(model, tok, examples, cfg, device, log)

    with atomic_path(out_dir, is_dir=True) as tmp_out:
        peft_model.save_pretrained(tmp_out)
        tok.save_pretrained(tmp_out)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["step", "epoch", "loss"], lineterminator="\n")
    w.writeheader()
    w.writerows(curve)
    write_text(curve_path, buf.getvalue())

    means = epoch_means(curve)
    drop = (means[0] - means[-1]) / means[0] if means and means[0] > 0 else 0.0
    info = lm.model_info(peft_model)
    checks = [
        ev.Check("loss.first_epoch", round(means[0], 6), "info"),
        ev.Check("loss.last_epoch", round(means[-1], 6), "info"),
        ev.Check("loss.relative_drop", round(drop, 6), ">=", f.min_loss_drop),
    ]
    tok_files = sorted(p for p in base_dir.iterdir() if p.name.startswith(("tokenizer", "special_tokens", "vocab", "merges")))
    from pipelines.core.digests import file_md5, sha256_json

    record = ev.build(
        "finetune", checks, SPEC.inputs(cfg), {**SPEC.outputs(cfg), **SPEC.plots(cfg)}, SPEC.config_digest(cfg), root, started,
        details={
            "base_model": f.base_model,
            "base_model_digest": lm.digest_model_dir(base_dir),
            "tokenizer_digest": sha256_json({p.name: file_md5(p) for p in tok_files}),
            "device": device,
            "train_records": len(examples) - len(canary_rows),
            "canary_records": len(canary_rows),
            "steps": len(curve),
            **info,
        },
    )
    ev.write(evidence_path, record)
    log(f"loss {means[0]:.3f} -> {means[-1]:.3f} ({drop:.1%} lower); adapter in {f.output_dir}")
    return record


