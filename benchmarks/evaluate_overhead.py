"""Overhead of the evaluate stage over a plain batched ``model.generate`` / forward loop.

    python benchmarks/evaluate_overhead.py [--repeat 3] [--workspace DIR]

Both do the same model work on the same items, in the same process, on the
same models (the candidate and its base model, no champion):

* the stage: ``stages.evaluate.run_stage`` as ``dvc repro`` runs it -- loading
  and checking the suites, the held-out split and every suite of
  ``configs/pipeline.yaml`` on both models, the metrics, the paired bootstrap
  with Holm, the plot, the evidence;
* the reference: for each model, one batched greedy ``model.generate`` over
  every distinct (prompt, max_new_tokens) group the stage generates for and
  one batched forward pass over the (prompt, reference) and (prompt, choice)
  pairs it scores -- no metrics, no statistics, no files.

Model loading is inside both timings. Runs alternate (reference, stage) and
the medians are compared; goal (issue 5): overhead <= 10 %. Without
``--workspace`` a temporary copy of the repository is built and the
anonymize and finetune stages are run first (about two minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def reference(cfg, root: Path, suites, records: list[dict], device: str) -> float:
    """The plain loop: the same generations and forward passes, nothing else."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from pipelines import evalsuite, lm
    from pipelines.evalsuite.spec import Generation

    e, d = cfg.evaluate, cfg.data
    groups: dict[int, list[str]] = {e.max_new_tokens: [r[d.prompt_field] for r in records]}
    for _, s in suites:
        if s.spec.output_type == "generate":
            prompts = evalsuite.prompts(s)
            n = (s.spec.generation or Generation()).max_new_tokens
            known = groups.setdefault(n, [])
            known += [p for p in prompts if p not in set(known)]
    pairs = [(r[d.prompt_field], r[d.response_field]) for r in records]
    for _, s in suites:  # the (prompt, choice) pairs multiple-choice suites score; loglikelihood suites on the
        if s.spec.output_type == "multiple_choice":  # held-out split score exactly the pairs above
            pairs += [(p, str(c)) for p, r in zip(evalsuite.prompts(s), s.records) for c in r[s.spec.choices]]
    t0 = time.perf_counter()
    base_dir, adapter_dir = root / cfg.finetune.base_dir, root / cfg.finetune.output_dir
    tok = AutoTokenizer.from_pretrained(str(adapter_dir))
    tok.padding_side = "left"
    tok.truncation_side = "left"  # as lm.generate: keep the end of a long prompt
    for with_adapter in (True, False):
        model = AutoModelForCausalLM.from_pretrained(str(base_dir)).to(device).eval()
        if with_adapter:
            model = PeftModel.from_pretrained(model, str(adapter_dir)).to(device).eval()
        with torch.no_grad():
            for max_new, prompts in groups.items():
                # the stage's prompt limit: what the model was fine-tuned on, less the tokens to generate
                limit = e.max_prompt_tokens or min(cfg.finetune.training.max_length, model.config.n_positions) - max_new
                for i in range(0, len(prompts), e.batch_size):
                    batch = [lm.format_prompt(p) for p in prompts[i : i + e.batch_size]]
                    enc = tok(batch, return_tensors="pt", padding=True, truncation=True, max_length=limit).to(device)
                    out = model.generate(**enc, max_new_tokens=max_new, do_sample=False, pad_token_id=tok.pad_token_id,
                                         eos_token_id=tok.eos_token_id)
                    tok.batch_decode(out[:, enc["input_ids"].shape[1]:], skip_special_tokens=True)
            for i in range(0, len(pairs), e.batch_size):
                ex = [lm.encode(tok, p, r, cfg.finetune.training.max_length) for p, r in pairs[i : i + e.batch_size]]
                ids, mask, labels = lm.collate(ex, tok.pad_token_id, device)
                logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
                torch.log_softmax(logits, dim=-1).gather(-1, labels[:, 1:].clamp(min=0).unsqueeze(-1))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workspace", type=Path, help="a workspace where anonymize and finetune have run")
    args = ap.parse_args()
    os.environ.pop("MLFLOW_TRACKING_URI", None)
    with tempfile.TemporaryDirectory() as tmp:
        ws = args.workspace
        if ws is None:
            from tests.conftest import make_workspace

            ws = make_workspace(Path(tmp) / "repo")
            env = {**os.environ, "DVC_NO_ANALYTICS": "1", "GX_ANALYTICS_ENABLED": "false"}
            for stage in ("anonymize", "validate", "finetune"):
                print(f"preparing: {stage}", flush=True)
                subprocess.run(["release-gate", "stage", stage], cwd=ws, env=env, check=True, capture_output=True)
        os.chdir(ws)
        import torch

        from pipelines import lm
        from pipelines.core.config import load_config
        from pipelines.core.fileio import read_jsonl
        from stages import evaluate

        cfg = load_config(ws / "configs/pipeline.yaml")
        lm.quiet()
        device = lm.pick_device(cfg.finetune.training.device)
        records = evaluate.eval_records(cfg, read_jsonl(ws / cfg.anonymize.output, required=cfg.data.required_fields))
        suites = evaluate.load_suites(cfg, ws)
        ref_t, stage_t = [], []
        for i in range(args.repeat):
            ref_t.append(reference(cfg, ws, suites, records, device))
            t0 = time.perf_counter()
            evaluate.run_stage(cfg, ws)
            stage_t.append(time.perf_counter() - t0)
            print(f"run {i + 1}: reference {ref_t[-1]:.2f} s, stage {stage_t[-1]:.2f} s", flush=True)
        r, s = statistics.median(ref_t), statistics.median(stage_t)
        print(f"\nmachine: {os.cpu_count()} cores, torch threads {torch.get_num_threads()}, device {device}")
        print(f"items: {len(records)} held-out records; suites: {', '.join(x.task for _, x in suites)}; models: candidate and base")
        print(f"plain batched generate/forward loop (median of {args.repeat}): {r:.2f} s")
        print(f"evaluate stage                     (median of {args.repeat}): {s:.2f} s")
        print(f"overhead: {(s / r - 1) * 100:+.1f} % (goal <= 10 %)")


if __name__ == "__main__":
    main()
