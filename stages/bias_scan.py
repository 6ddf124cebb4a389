"""Stage ``bias_scan``: counterfactual fairness and a personal-data leak probe.

Counterfactual pairs: each held-out prompt that mentions a term of an axis in
``bias_scan.terms`` (gendered pronouns and nouns, age, ethnicity...) is turned
into a group-A and a group-B variant; the gap between them in the reference
response's log-likelihood and in the ROUGE-L of the generations is measured.

Leak probe: prompts built from *raw* (pre-anonymization) records are given to
the candidate; no generation may contain any personal-data value found in the
raw data. Only counts are recorded, never a value.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import ConfigError
from pipelines.core.fileio import read_jsonl, remove_outputs, write_json
from pipelines.core.stage import StageSpec, progress, resolve

SPEC = StageSpec(
    name="bias_scan",
    params=("data", "bias_scan", "anonymize.id_patterns", "finetune.training"),
    code=("stages/bias_scan.py", "pipelines/lm", "pipelines/pii"),
    inputs=lambda c: {
        "raw": c.data.raw, "anonymized": c.anonymize.output, "base": c.finetune.base_dir,
        "adapter": c.finetune.output_dir, "terms": c.bias_scan.terms,
    },
    outputs=lambda c: {},
    evidence=lambda c: c.bias_scan.evidence,
    metrics=lambda c: {"metrics": c.bias_scan.metrics},
)

LEAK_TYPES = ("PERSON", "EMAIL", "PHONE", "ADDRESS", "ID")


def load_terms(path: Path) -> dict[str, list[tuple[str, str]]]:
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(str(path), [f"cannot read term lists ({e})"]) from None
    axes = raw.get("axes") if isinstance(raw, dict) else None
    if not isinstance(axes, dict) or not axes:
        raise ConfigError(str(path), ["axes: expected a mapping of axis name to a list of [A, B] term pairs"])
    out: dict[str, list[tuple[str, str]]] = {}
    problems = []
    for axis, pairs in axes.items():
        if not isinstance(pairs, list) or not pairs:
            problems.append(f"axes.{axis}: expected a non-empty list of [A, B] pairs")
            continue
        for i, p in enumerate(pairs):
            if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.strip() for x in p)):
                problems.append(f"axes.{axis}[{i}]: expected a pair of two non-empty strings, got {p!r}")
        out[axis] = [tuple(p) for p in pairs if isinstance(p, list) and len(p) == 2]
    if problems:
        raise ConfigError(str(path), problems)
    return out


class Swapper:
    """Maps every term of an axis to group A (side 0) or group B (side 1)."""

    def __init__(self, pairs: list[tuple[str, str]]):
        # Lower-case terms match in any case ("He", "HE"); terms written with a
        # capital ("White", "Mr.") match only as written, so that "white blood
        # cells" is not read as an ethnicity.
        self.maps: list[dict[str, str]] = [{}, {}]
        for a, b in pairs:
            for side, target in ((0, a), (1, b)):
                for term in (a, b):
                    self.maps[side].setdefault(self._key(term), target)
        terms = sorted({t for pair in pairs for t in pair}, key=len, reverse=True)
        alts = [re.escape(t) if t != t.lower() else f"(?i:{re.escape(t)})" for t in terms]
        self.pattern = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")

    @staticmethod
    def _key(term: str) -> str:
        return term.lower() if term == term.lower() else term

    def _lookup(self, side: int, word: str) -> str:
        return self.maps[side].get(word) or self.maps[side][word.lower()]

    def differs(self, text: str) -> bool:
        return self.to(0, text) != self.to(1, text)

    def to(self, side: int, text: str) -> str:
        def sub(m: re.Match) -> str:
            word = m.group(0)
            new = self._lookup(side, word)
            if word[:1].isupper() and not new[:1].isupper():
                new = new[:1].upper() + new[1:]
            return new

        return self.pattern.sub(sub, text)


def counterfactual(model, tok, records: list[dict], axes: dict[str, list[tuple[str, str]]], cfg: PipelineConfig, device: str) -> dict[str, Any]:
    from pipelines import lm
    from pipelines.lm.metrics import mean, rouge_l

    d, b = cfg.data, cfg.bias_scan
    out: dict[str, Any] = {}
    for axis, pairs in axes.items():
        sw = Swapper(pairs)
        hits = [r for r in records if sw.differs(r[d.prompt_field])]
        if not hits:
            out[axis] = {"n": 0}
            continue
        res = {}
        for side, label in ((0, "a"), (1, "b")):
            prompts = [sw.to(side, r[d.prompt_field]) for r in hits]
            refs = [sw.to(side, r[d.response_field]) for r in hits]
            scores = lm.score(model, tok, prompts, refs, max_length=cfg.finetune.training.max_length, batch_size=b.batch_size, device=device)
            gens = lm.generate(model, tok, prompts, max_new_tokens=b.max_new_tokens, batch_size=b.batch_size, device=device)
            res[label] = {
                "loglik_per_token": mean([s / max(n, 1) for s, n in scores]),
                "rouge_l": mean([rouge_l(g, r) for g, r in zip(gens, refs)]),
            }
        out[axis] = {
            "n": len(hits),
            "a": {k: round(v, 6) for k, v in res["a"].items()},
            "b": {k: round(v, 6) for k, v in res["b"].items()},
            "loglik_gap": round(abs(res["a"]["loglik_per_token"] - res["b"]["loglik_per_token"]), 6),
            "rouge_l_gap": round(abs(res["a"]["rouge_l"] - res["b"]["rouge_l"]), 6),
        }
    return out


def raw_pii_values(raw: list[dict], cfg: PipelineConfig) -> dict[str, set[str]]:
    """Personal-data values in the raw records, by type (kept in memory only).
    Person names count only in full (two words or more), so that a surrogate
    first name that happens to be a real first name is not a leak."""
    from pipelines.pii import detect

    values: dict[str, set[str]] = {t: set() for t in LEAK_TYPES}
    for r in raw:
        for f in cfg.data.text_fields:
            text = r[f]
            for s in detect(text, entities=LEAK_TYPES, id_patterns=cfg.anonymize.id_patterns):
                v = text[s.start : s.end].strip()
                if len(v) >= 4 and (s.type != "PERSON" or len(v.split()) >= 2):
                    values[s.type].add(v.lower())
    return values


def leak_probe(model, tok, raw: list[dict], cfg: PipelineConfig, device: str) -> dict[str, Any]:
    from pipelines import lm

    d, b = cfg.data, cfg.bias_scan
    values = raw_pii_values(raw, cfg)
    probe = sorted(raw, key=lambda r: str(r[d.id_field]))[: b.leak_prompts]
    gens = lm.generate(model, tok, [r[d.prompt_field] for r in probe], max_new_tokens=b.max_new_tokens, batch_size=b.batch_size, device=device)
    by_type = {t: 0 for t in LEAK_TYPES}
    leaking = 0
    for g in gens:
        low = g.lower()
        hit = False
        for t, vals in values.items():
            n = sum(1 for v in vals if v in low)
            by_type[t] += n
            hit = hit or n > 0
        leaking += hit
    return {"prompts": len(probe), "generations_with_leaks": leaking, "leaked_values_by_type": by_type,
            "raw_values_checked": {t: len(v) for t, v in values.items()}}


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    from pipelines import lm

    b, t = cfg.bias_scan, cfg.bias_scan.thresholds
    started = ev.now_utc()
    metrics_path, evidence_path = resolve(root, b.metrics), resolve(root, b.evidence)
    remove_outputs(metrics_path, evidence_path)
    axes = load_terms(resolve(root, b.terms))
    d = cfg.data
    raw = read_jsonl(resolve(root, d.raw), required=d.required_fields)
    rows = read_jsonl(resolve(root, cfg.anonymize.output), required=d.required_fields)
    held_out = [r for r in rows if r[d.split_field] == d.eval_split]
    lm.seed_everything(cfg.finetune.training.seed)
    device = lm.pick_device(cfg.finetune.training.device)
    adapter_dir = resolve(root, cfg.finetune.output_dir)
    model = lm.load_with_adapter(resolve(root, cfg.finetune.base_dir), adapter_dir, device)
    tok = lm.load_tokenizer(adapter_dir)
    progress("bias_scan", f"counterfactual pairs on {len(held_out)} held-out records, axes: {', '.join(axes)}")
    cf = counterfactual(model, tok, held_out, axes, cfg, device)
    progress("bias_scan", f"leak probe: {b.leak_prompts} prompts from raw records")
    leaks = leak_probe(model, tok, raw, cfg, device)
    write_json(metrics_path, {"counterfactual": cf, "pii_leak": leaks})

    checks = []
    for axis, m in cf.items():
        checks.append(ev.Check(f"{axis}.pairs", m["n"], "info"))
        if m["n"] < t.min_pairs:
            # Too few pairs for a gap to mean anything: reported, not judged.
            checks.append(ev.Check(f"{axis}.judged", f"no: {m['n']} pairs < min_pairs {t.min_pairs}", "info"))
            continue
        checks.append(ev.Check(f"{axis}.loglik_gap", m["loglik_gap"], "<=", t.max_loglik_gap))
        checks.append(ev.Check(f"{axis}.rouge_l_gap", m["rouge_l_gap"], "<=", t.max_rouge_l_gap))
    checks.append(ev.Check("pii_leak.generations_with_leaks", leaks["generations_with_leaks"], "<=", t.max_pii_leaks))
    record = ev.build(
        "bias_scan", checks, SPEC.inputs(cfg), SPEC.metrics(cfg), SPEC.config_digest(cfg), root, started,
        details={"device": device, "axes": {a: m["n"] for a, m in cf.items()}, "leak_prompts": leaks["prompts"]},
    )
    ev.write(evidence_path, record)
    progress("bias_scan", "passed" if record.passed else "FAILED: " + "; ".join(record.failures()))
    return record
