"""Stage ``evaluate``: the candidate against its base model and the champion.

Two kinds of measurement, both on the same items for every model:

* the *held-out split* of the pipeline's own data: perplexity of the reference
  responses, ROUGE-L and exact match of greedy generations, with the absolute
  thresholds of ``evaluate.thresholds``;
* the *suites* listed in ``evaluate.suites`` (``configs/eval/*.yaml``): each a
  versioned task with its dataset, prompt template, metrics, thresholds and
  non-inferiority margins (:mod:`pipelines.evalsuite`). Every suite is loaded
  and checked before a model is loaded.

The candidate is compared item by item with the champion (the base model when
no champion is registered): a paired-bootstrap interval of the difference for
every metric that has per-item scores, and, for each metric with a margin, a
one-sided bootstrap test of "worse by more than the margin", Holm-adjusted
across all those metrics together. The gate's rule is non-inferiority: every
adjusted p-value must be at most ``alpha / 2`` (the one-sided level that
matches the reported two-sided ``1 - alpha`` intervals).

The champion's results are stored with its MLflow run under
``evaluation-cache/`` keyed by (model version, suite digest, evaluation
settings), so a pull request does not recompute them; the evidence says which
results came from that cache. Latency and tokens per second are recorded in the
evidence only: the metrics file holds nothing that varies between two runs.
"""
from __future__ import annotations

import json
import math
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.digests import file_md5, sha256_json
from pipelines.core.errors import DataError
from pipelines.core.fileio import read_jsonl, remove_outputs, write_json, write_jsonl
from pipelines.core.stage import StageSpec, progress, resolve

CACHE_DIR = "evaluation-cache"
HELDOUT = "heldout"


def _suite_dirs(cfg: PipelineConfig) -> dict[str, str]:
    dirs = dict.fromkeys(Path(s.path).parent.as_posix() for s in cfg.evaluate.suites)
    return {f"suites:{d}": d for d in dirs}


SPEC = StageSpec(
    name="evaluate",
    params=("data", "evaluate", "registry", "finetune.training"),
    code=("stages/evaluate.py", "pipelines/lm", "pipelines/registry.py", "pipelines/champion.py", "pipelines/evalsuite",
          "pipelines/evalstats.py"),
    inputs=lambda c: {"anonymized": c.anonymize.output, "base": c.finetune.base_dir, "adapter": c.finetune.output_dir,
                      **_suite_dirs(c)},
    outputs=lambda c: {"generations": c.evaluate.generations},
    evidence=lambda c: c.evaluate.evidence,
    metrics=lambda c: {"metrics": c.evaluate.metrics},
    plots=lambda c: {"plot": c.evaluate.plot},
)


def eval_records(cfg: PipelineConfig, rows: list[dict]) -> list[dict]:
    d = cfg.data
    held_out = [r for r in rows if r[d.split_field] == d.eval_split]
    if not held_out:
        raise DataError(f"{cfg.anonymize.output}: no record with {d.split_field}={d.eval_split!r}; nothing to evaluate on")
    n = cfg.evaluate.max_records
    return held_out[:n] if n else held_out


def load_suites(cfg: PipelineConfig, root: Path) -> list[tuple[Any, Any]]:
    """Every suite of ``evaluate.suites`` loaded and checked, as ``(ref, suite)``;
    one :class:`ConfigError` listing the problems of all of them."""
    from pipelines import evalsuite

    split = evalsuite.SplitSource.from_config(cfg)
    refs = cfg.evaluate.suites
    loaded = evalsuite.load_all([r.path for r in refs], "evaluate.suites",
                                lambda rel: evalsuite.load_suite(resolve(root, rel), root=root, eval_split=split))
    return [(refs[i], suite) for i, suite in loaded]


# --- running one model --------------------------------------------------------


class Runner:
    """One model: batched greedy generation and scoring, each memoised (the
    held-out measurement and a suite on the same prompts generate once), with
    the time spent and tokens produced."""

    def __init__(self, model, tok, cfg: PipelineConfig, device: str):
        self.model, self.tok, self.cfg, self.device = model, tok, cfg, device
        self._gen: dict[tuple, list[str]] = {}
        self._truncated: dict[tuple, int] = {}
        self._score: dict[tuple, list[tuple[float, int]]] = {}
        self.seconds = {"generate": 0.0, "score": 0.0}
        self.items = {"generate": 0, "score": 0}
        self.new_tokens = 0

    def prompt_limit(self, max_new_tokens: int) -> int:
        """Prompt tokens kept (the end of a longer prompt, as training keeps it):
        ``evaluate.max_prompt_tokens``, else the sequence length the model was
        fine-tuned on (``finetune.training.max_length``, at most its context)
        less ``max_new_tokens`` -- longer prompts put it where it never learnt
        to summarise."""
        if self.cfg.evaluate.max_prompt_tokens:
            return self.cfg.evaluate.max_prompt_tokens
        config = getattr(self.model, "config", None)
        context = next((v for v in (getattr(config, "n_positions", None), getattr(config, "max_position_embeddings", None))
                        if isinstance(v, int) and v > 0), None)
        span = min(self.cfg.finetune.training.max_length, context or self.cfg.finetune.training.max_length)
        return max(16, span - max_new_tokens)

    def truncated(self, prompts: Sequence[str], max_new_tokens: int) -> int:
        """How many of ``prompts`` were longer than the prompt limit (their beginning was not seen)."""
        self.generate(prompts, max_new_tokens)
        return self._truncated[(tuple(prompts), max_new_tokens)]

    def generate(self, prompts: Sequence[str], max_new_tokens: int) -> list[str]:
        from pipelines import lm

        key = (tuple(prompts), max_new_tokens)
        if key not in self._gen:
            t0 = time.perf_counter()
            cut: list[int] = []
            outs = lm.generate(self.model, self.tok, prompts, max_new_tokens=max_new_tokens,
                               batch_size=self.cfg.evaluate.batch_size, device=self.device,
                               max_prompt_tokens=self.prompt_limit(max_new_tokens), truncated=cut)
            self._truncated[key] = cut[0]
            self.seconds["generate"] += time.perf_counter() - t0
            self.items["generate"] += len(prompts)
            self.new_tokens += sum(len(ids) for ids in self.tok(outs)["input_ids"]) if outs else 0
            self._gen[key] = outs
        return self._gen[key]

    def release(self) -> None:
        """Drop the model (its results and timing stay), so that the next model is not loaded beside it."""
        self.model = None

    def score(self, prompts: Sequence[str], targets: Sequence[str]) -> list[tuple[float, int]]:
        from pipelines import lm

        key = (tuple(prompts), tuple(targets))
        if key not in self._score:
            t0 = time.perf_counter()
            self._score[key] = lm.score(self.model, self.tok, prompts, targets, max_length=self.cfg.finetune.training.max_length,
                                        batch_size=self.cfg.evaluate.batch_size, device=self.device)
            self.seconds["score"] += time.perf_counter() - t0
            self.items["score"] += len(prompts)
        return self._score[key]

    def timing(self) -> dict[str, float]:
        g, n = self.seconds["generate"], self.items["generate"]
        return {
            "generate_seconds": round(g, 3), "score_seconds": round(self.seconds["score"], 3),
            "latency_ms_per_item": round(1000 * g / n, 2) if n else 0.0,
            "tokens_per_s": round(self.new_tokens / g, 2) if g else 0.0,
        }


def _items(values: Sequence[float]) -> list[float | None]:
    return [round(float(x), 6) if math.isfinite(x) else None for x in values]


def measure(runner: Runner, records: list[dict]) -> dict[str, Any]:
    """Perplexity, ROUGE-L and exact match on the held-out records, with the
    per-item values that the paired statistics need."""
    from pipelines import lm
    from pipelines.lm.metrics import exact_match, mean, rouge_l

    d, e = runner.cfg.data, runner.cfg.evaluate
    prompts = [r[d.prompt_field] for r in records]
    refs = [r[d.response_field] for r in records]
    scores = runner.score(prompts, refs)
    outs = runner.generate(prompts, e.max_new_tokens)
    rl = [rouge_l(o, r) for o, r in zip(outs, refs)]
    em = [exact_match(o, r) for o, r in zip(outs, refs)]
    return {
        "perplexity": round(lm.perplexity(scores), 6),
        "rouge_l": round(mean(rl), 6),
        "exact_match": round(mean(em), 6),
        "n": len(records),
        "truncated_prompts": runner.truncated(prompts, e.max_new_tokens),
        "per_item": {"rouge_l": [round(x, 6) for x in rl], "exact_match": em},
    }


def run_suite(runner: Runner, suite) -> dict[str, Any]:
    """Every metric of one suite for one model: aggregate, n, direction, per-item scores."""
    from pipelines import evalsuite
    from pipelines.evalsuite.spec import Generation

    spec = suite.spec
    prompts = evalsuite.prompts(suite)
    predictions: list[Any] | None = None
    scores = None
    truncated = None
    if spec.output_type == "generate":
        max_new = (spec.generation or Generation()).max_new_tokens
        predictions = runner.generate(prompts, max_new)
        truncated = runner.truncated(prompts, max_new)
    elif spec.output_type == "loglikelihood":
        scores = runner.score(prompts, [str(r[spec.target]) for r in suite.records])
    else:  # multiple_choice: the choice with the highest log-likelihood (ties: the first)
        choices = [list(r[spec.choices]) for r in suite.records]
        flat = runner.score([p for p, cs in zip(prompts, choices) for _ in cs], [str(c) for cs in choices for c in cs])
        predictions, i = [], 0
        for r, cs in zip(suite.records, choices):
            ll = [flat[i + j][0] for j in range(len(cs))]
            i += len(cs)
            best = max(range(len(cs)), key=lambda j: (ll[j], -j))
            predictions.append(best if isinstance(r[spec.gold], int) else cs[best])
    results = evalsuite.score(suite, predictions, scores=scores)
    out = {name: {"value": round(r.value, 6) if math.isfinite(r.value) else None, "n": r.n,
                  "higher_is_better": suite.higher_is_better(name),
                  "per_item": _items(r.per_item) if r.per_item is not None else None}
           for name, r in results.items()}
    if truncated:
        for m in out.values():
            m["truncated_prompts"] = truncated
    return out


def evaluate_model(runner: Runner, records: list[dict], suites, scopes: Sequence[str] | None = None) -> dict[str, Any]:
    """The held-out measurement and every suite (or only ``scopes``) for one model."""
    out: dict[str, Any] = {}
    if scopes is None or HELDOUT in scopes:
        out[HELDOUT] = measure(runner, records)
    for _, suite in suites:
        if scopes is None or suite.task in scopes:
            out[suite.task] = run_suite(runner, suite)
    return out


# --- the champion's results, cached with its run --------------------------------


def code_digest() -> str:
    """The code that produces a result: this stage, the suites' metrics and loader, the model helpers."""
    import pipelines.evalsuite
    import pipelines.lm
    from pipelines.core.digests import path_md5

    paths = {"stage": Path(__file__), "evalsuite": Path(pipelines.evalsuite.__file__).parent,
             "lm": Path(pipelines.lm.__file__).parent}
    return sha256_json({k: path_md5(p) for k, p in paths.items()})


def settings(cfg: PipelineConfig, device: str) -> dict[str, Any]:
    """What, besides the model and the suite, could change a result: part of the champion cache's key."""
    from pipelines import lm

    libs = lm.library_versions(("torch", "transformers", "peft", "tokenizers", "numpy", "rouge-score", "sacrebleu", "jsonschema"))
    return {"batch_size": cfg.evaluate.batch_size, "max_length": cfg.finetune.training.max_length,
            "max_prompt_tokens": cfg.evaluate.max_prompt_tokens, "device": device, "code": code_digest(),
            "libraries": libs}


def scope_digests(cfg: PipelineConfig, root: Path, suites) -> dict[str, str]:
    """The digest of each scope: a suite's own digest; for the held-out split,
    the anonymized data's md5 and the settings that select and generate."""
    d, e = cfg.data, cfg.evaluate
    heldout = sha256_json({"anonymized_md5": file_md5(resolve(root, cfg.anonymize.output)), "split": [d.split_field, d.eval_split],
                           "fields": [d.prompt_field, d.response_field], "max_records": e.max_records,
                           "max_new_tokens": e.max_new_tokens})
    return {HELDOUT: heldout, **{s.task: s.digest() for _, s in suites}}


def cache_key(ref, digest: str, eval_settings: dict[str, Any]) -> str:
    return sha256_json({"model": ref.name, "version": ref.version, "run_id": ref.run_id, "suite_digest": digest,
                        "settings": eval_settings})


def read_cache(client, run_id: str, keys: dict[str, str], tmp: Path) -> dict[str, Any]:
    """The cached results of the scopes whose key is stored with the run."""
    try:
        stored = {Path(f.path).name for f in client.list_artifacts(run_id, CACHE_DIR)}
    except Exception:  # noqa: BLE001 - a cache that cannot be read is a miss, never a failure
        return {}
    found = {}
    for scope, key in keys.items():
        if f"{key}.json" not in stored:
            continue
        try:
            path = Path(client.download_artifacts(run_id, f"{CACHE_DIR}/{key}.json", str(tmp)))
            body = json.loads(path.read_text(encoding="utf-8"))
        except Exception:  # noqa: BLE001
            continue
        if body.get("key") == key and isinstance(body.get("results"), dict):
            found[scope] = body["results"]
    return found


def write_cache(client, run_id: str, entries: dict[str, tuple[str, dict]], tmp: Path) -> list[str]:
    """Store each scope's results with the champion's run; the scopes that could not be stored."""
    failed = []
    for scope, (key, results) in entries.items():
        path = tmp / f"{key}.json"
        path.write_text(json.dumps({"key": key, "scope": scope, "results": results}, sort_keys=True), encoding="utf-8")
        try:
            client.log_artifact(run_id, str(path), CACHE_DIR)
        except Exception:  # noqa: BLE001 - read-only registry: evaluate again next time
            failed.append(scope)
    return failed


def champion_results(cfg: PipelineConfig, root: Path, suites, records: list[dict], device: str, tmp: Path):
    """``(version ref, results, cache report, runner or None)`` of the current champion, or None."""
    from pipelines import champion

    found = champion.current(cfg, root)
    if found is None:
        return None
    client, ref = found
    eval_settings = settings(cfg, device)
    keys = {scope: cache_key(ref, digest, eval_settings) for scope, digest in scope_digests(cfg, root, suites).items()}
    cached = read_cache(client, ref.run_id, keys, tmp) if cfg.evaluate.cache_champion else {}
    missing = [s for s in keys if s not in cached]
    results, runner = dict(cached), None
    if missing:
        progress("evaluate", f"champion (version {ref.version}): evaluating {', '.join(missing)}"
                 + (f"; cached: {', '.join(cached)}" if cached else ""))
        runner = Runner(*champion.load(ref, tmp / "champion", device), cfg, device)
        results.update(evaluate_model(runner, records, suites, missing))
        runner.release()
    else:
        progress("evaluate", f"champion (version {ref.version}): every result from its evaluation cache")
    not_stored = write_cache(client, ref.run_id, {s: (keys[s], results[s]) for s in missing}, tmp) if (
        missing and cfg.evaluate.cache_champion) else []
    report = {"enabled": cfg.evaluate.cache_champion, "hits": sorted(cached), "computed": missing,
              "not_stored": not_stored, "keys": keys}
    return ref, results, report, runner


# --- champion vs candidate ------------------------------------------------------


def compare(comparator: dict[str, Any], candidate: dict[str, Any], cfg: PipelineConfig) -> dict[str, Any]:
    """Held-out candidate minus comparator on the same items: a paired-bootstrap
    CI of the ROUGE-L difference and an exact McNemar test on exact match."""
    from pipelines.evalstats import mcnemar_exact, paired_bootstrap

    st = cfg.evaluate.statistics
    ci = paired_bootstrap(comparator["per_item"]["rouge_l"], candidate["per_item"]["rouge_l"],
                          resamples=st.resamples, seed=st.seed, alpha=st.alpha)
    mc = mcnemar_exact([bool(x) for x in comparator["per_item"]["exact_match"]], [bool(x) for x in candidate["per_item"]["exact_match"]])
    return {"rouge_l_diff": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in ci.as_dict().items()},
            "exact_match_mcnemar": mc.as_dict(), "confidence": 1 - st.alpha}


def compare_metric(a: list, b: list, *, higher_is_better: bool, margin: float | None, cfg: PipelineConfig) -> dict[str, Any]:
    """One metric, comparator ``a`` against candidate ``b`` item by item, oriented
    so that a positive difference means the candidate is better."""
    from pipelines.evalstats import mcnemar_exact, non_inferiority_p, paired_bootstrap

    st = cfg.evaluate.statistics
    if len(a) != len(b) or any(x is None for x in (*a, *b)):
        return {"comparable": False, "reason": "per-item scores missing or not finite", "margin": margin}
    sign = 1.0 if higher_is_better else -1.0
    xa, xb = [sign * x for x in a], [sign * x for x in b]
    ci = paired_bootstrap(xa, xb, resamples=st.resamples, seed=st.seed, alpha=st.alpha)
    out: dict[str, Any] = {"comparable": True, "estimate": round(ci.estimate, 6), "low": round(ci.low, 6),
                           "high": round(ci.high, 6), "n": ci.n, "method": ci.method, "margin": margin,
                           "oriented": "candidate - comparator" if higher_is_better else "comparator - candidate (lower is better)"}
    if margin is not None:
        out["p_value"] = round(non_inferiority_p(xa, xb, margin=margin, resamples=st.resamples, seed=st.seed), 6)
    if all(x in (0.0, 1.0) for x in (*a, *b)):
        out["mcnemar"] = mcnemar_exact([bool(x) for x in a], [bool(x) for x in b]).as_dict()
    return out


def comparisons(comp: dict[str, Any], cand: dict[str, Any], suites, cfg: PipelineConfig) -> dict[str, dict[str, Any]]:
    """Every metric with per-item scores in both models, by ``scope.metric``;
    Holm-adjusted p-values on the metrics that have a margin (enforced suites
    and the held-out ROUGE-L)."""
    from pipelines.evalstats import holm

    out: dict[str, dict[str, Any]] = {
        f"{HELDOUT}.rouge_l": compare_metric(comp[HELDOUT]["per_item"]["rouge_l"], cand[HELDOUT]["per_item"]["rouge_l"],
                                             higher_is_better=True, margin=cfg.evaluate.thresholds.non_inferiority_margin, cfg=cfg),
    }
    for ref, suite in suites:
        for name, m in cand[suite.task].items():
            c = comp[suite.task][name]
            if m["per_item"] is None or c["per_item"] is None:
                continue
            margin = suite.spec.margins.get(name) if ref.enforce else None
            out[f"{suite.task}.{name}"] = compare_metric(c["per_item"], m["per_item"], higher_is_better=m["higher_is_better"],
                                                         margin=margin, cfg=cfg)
    family = {k: v["p_value"] for k, v in out.items() if "p_value" in v}
    level = cfg.evaluate.statistics.alpha / 2
    if family:
        for k, (adj, rejected) in holm(family, level).items():
            out[k]["p_holm"] = round(adj, 6)
            out[k]["non_inferior"] = rejected
    for v in out.values():
        if v["margin"] is not None and not v["comparable"]:
            v["non_inferior"] = False
    return out


# --- the plot ---------------------------------------------------------------------


def plot(path: Path, comps: dict[str, dict[str, Any]], against: str, confidence: float) -> None:
    """A forest plot, one row per metric: the candidate-minus-comparator
    difference with its interval, zero and (where there is one) the
    non-inferiority margin. The metrics' units differ, so each row is drawn on
    its own symmetric scale and its numbers are printed beside it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [(k, v) for k, v in comps.items() if v["comparable"]]
    n = max(len(rows), 1)
    fig, ax = plt.subplots(figsize=(9.0, 0.42 * n + 1.0))
    for i, (name, v) in enumerate(rows):
        y = n - 1 - i
        gated = v["margin"] is not None
        color = ("tab:green" if v.get("non_inferior") else "tab:red") if gated else "tab:gray"
        span = max(abs(v["low"]), abs(v["high"]), v["margin"] or 0.0, 0.05) * 1.15
        ax.plot([v["low"] / span, v["high"] / span], [y, y], color=color, lw=2.5, solid_capstyle="butt")
        ax.plot([v["estimate"] / span], [y], "o", color=color, ms=5)
        if gated:
            ax.plot([-v["margin"] / span] * 2, [y - 0.35, y + 0.35], color="tab:red", lw=1, ls="--")
        margin = f", margin {v['margin']:g}" if gated else " (info)"
        ax.text(1.04, y, f"{v['estimate']:+.4g} [{v['low']:+.4g}, {v['high']:+.4g}]{margin}", va="center", fontsize=7,
                transform=ax.get_yaxis_transform())
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(range(n), [name for name, _ in reversed(rows)] or [""], fontsize=8)
    ax.set_xticks([-1, 0, 1], ["worse", "0", "better"], fontsize=8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_title(f"candidate − {against}: {confidence:.0%} paired-bootstrap intervals (each row on its own scale; "
                 "dashed: margin)", fontsize=9)
    fig.subplots_adjust(left=0.3, right=0.62, top=1 - 0.4 / (0.42 * n + 1.0), bottom=0.35 / (0.42 * n + 1.0))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fig.savefig(tmp, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    tmp.replace(path)


# --- the stage ----------------------------------------------------------------------


def candidate_generations(runner: Runner, records: list[dict], suites, cfg: PipelineConfig) -> list[dict[str, Any]]:
    """Every generation of the candidate, held-out split first, then each generation suite's,
    one row each (the scan checks all of them for raw personal data)."""
    from pipelines import evalsuite
    from pipelines.evalsuite.spec import Generation

    d, e = cfg.data, cfg.evaluate
    outs = runner.generate([r[d.prompt_field] for r in records], e.max_new_tokens)
    rows = [{"task": HELDOUT, d.id_field: r[d.id_field], "generation": o} for r, o in zip(records, outs)]
    for _, suite in suites:
        if suite.spec.output_type != "generate":
            continue
        outs = runner.generate(evalsuite.prompts(suite), (suite.spec.generation or Generation()).max_new_tokens)
        rows += [{"task": suite.task, "item": i, "generation": o} for i, o in enumerate(outs)]
    return rows


def _threshold_checks(task: str, metrics: dict[str, Any], suite, enforce: bool) -> list[ev.Check]:
    checks = []
    for name, t in suite.spec.thresholds.items():
        value = metrics.get(name, {}).get("value")
        for op, bound in ((">=", t.min), ("<=", t.max)):
            if bound is None:
                continue
            if enforce:
                checks.append(ev.Check(f"{task}.{name}", value, op, bound))  # None (not computed) fails
            else:
                checks.append(ev.Check(f"{task}.{name}", value, "info", f"report only: {op} {bound}"))
    return checks


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    from pipelines import lm

    e, t = cfg.evaluate, cfg.evaluate.thresholds
    started = ev.now_utc()
    metrics_path, gen_path, evidence_path, plot_path = (resolve(root, p) for p in (e.metrics, e.generations, e.evidence, e.plot))
    remove_outputs(metrics_path, gen_path, evidence_path, plot_path)
    records = eval_records(cfg, read_jsonl(resolve(root, cfg.anonymize.output), required=cfg.data.required_fields))
    suites = load_suites(cfg, root)  # every suite problem is reported before a model is loaded
    lm.seed_everything(cfg.finetune.training.seed)
    device = lm.pick_device(cfg.finetune.training.device)
    base_dir, adapter_dir = resolve(root, cfg.finetune.base_dir), resolve(root, cfg.finetune.output_dir)
    tok = lm.load_tokenizer(adapter_dir)
    names = ", ".join(s.task for _, s in suites) or "none"

    progress("evaluate", f"candidate (base + adapter) on {len(records)} held-out records; suites: {names}")
    cand_runner = Runner(lm.load_with_adapter(base_dir, adapter_dir, device), tok, cfg, device)
    cand = evaluate_model(cand_runner, records, suites)
    generations = candidate_generations(cand_runner, records, suites, cfg)
    cand_runner.release()
    with tempfile.TemporaryDirectory() as tmp:
        champ = champion_results(cfg, root, suites, records, device, Path(tmp))
    scopes = None if champ is None else [HELDOUT]  # the base model is the comparator only without a champion
    progress("evaluate", "base model" + (" (held-out split, for the perplexity ratio)" if scopes else ", the comparator: no champion yet"))
    base_runner = Runner(lm.load_base(base_dir, device), tok, cfg, device)
    base = evaluate_model(base_runner, records, suites, scopes)
    base_runner.release()
    if champ is None:
        against, comp, champ_version, cache = "base", base, None, None
    else:
        ref, comp, cache, _ = champ
        against, champ_version = "champion", ref.version
    comps = comparisons(comp, cand, suites, cfg)
    core = compare(comp[HELDOUT], cand[HELDOUT], cfg)
    # the suite file as configured (relative to the repository), never this machine's absolute path
    suite_info = {s.task: {**s.provenance(), "suite_file": r.path, "enforce": r.enforce} for r, s in suites}
    metrics = {
        "candidate": cand[HELDOUT], "base": base[HELDOUT], "champion": comp[HELDOUT] if champ else None,
        "champion_version": champ_version, "comparison": {"against": against, **core},
        "suites": {task: {**info, "candidate": cand[task], against: comp[task]} for task, info in suite_info.items()},
        "comparisons": {"against": against, "one_sided_level": e.statistics.alpha / 2, "metrics": comps},
    }
    write_json(metrics_path, metrics)
    write_jsonl(gen_path, generations)
    plot(plot_path, comps, against, 1 - e.statistics.alpha)

    cm, bm = cand[HELDOUT], base[HELDOUT]
    checks = [
        ev.Check("candidate.perplexity", cm["perplexity"], "<=", t.max_perplexity),
        ev.Check("candidate.rouge_l", cm["rouge_l"], ">=", t.min_rouge_l),
        ev.Check("candidate.exact_match", cm["exact_match"], ">=", t.min_exact_match),
        ev.Check("perplexity_ratio_vs_base", round(cm["perplexity"] / bm["perplexity"], 6), "<=", t.max_perplexity_ratio_vs_base),
        ev.Check("base.rouge_l", bm["rouge_l"], "info"),
        ev.Check("candidate.truncated_prompts", cm.get("truncated_prompts", 0), "info"),
        ev.Check(f"exact_match_vs_{against}.mcnemar_p", round(core["exact_match_mcnemar"]["p_value"], 6), "info"),
    ]
    for ref, suite in suites:
        checks += _threshold_checks(suite.task, cand[suite.task], suite, ref.enforce)
        for name, m in cand[suite.task].items():
            if name not in suite.spec.thresholds:
                checks.append(ev.Check(f"{suite.task}.{name}", m["value"], "info"))
            checks.append(ev.Check(f"{suite.task}.{name}.n", m["n"], "info"))
        truncated = max((m.get("truncated_prompts") or 0 for m in cand[suite.task].values()), default=0)
        if truncated:  # the beginning of these prompts was not seen: a reviewer should know
            checks.append(ev.Check(f"{suite.task}.truncated_prompts", truncated, "info"))
    for key, c in comps.items():
        label = key.removeprefix(f"{HELDOUT}.")
        if not c["comparable"]:
            checks.append(ev.Check(f"{label}_diff_vs_{against}", c["reason"], "==" if c["margin"] is not None else "info",
                                   "comparable" if c["margin"] is not None else None))
            continue
        checks += [
            ev.Check(f"{label}_diff_vs_{against}.estimate", c["estimate"], "info"),
            ev.Check(f"{label}_diff_vs_{against}.ci_low", c["low"], "info"),
            ev.Check(f"{label}_diff_vs_{against}.ci_high", c["high"], "info"),
        ]
        if c["margin"] is not None:
            checks.append(ev.Check(f"{label}_non_inferior_vs_{against}.p_holm", c["p_holm"], "<=", e.statistics.alpha / 2))
    timing = {"candidate": cand_runner.timing(), "base": base_runner.timing()}
    if champ is not None and champ[3] is not None:
        timing["champion"] = champ[3].timing()
    for label, tm in timing.items():
        checks.append(ev.Check(f"{label}.latency_ms_per_item", tm["latency_ms_per_item"], "info"))
        checks.append(ev.Check(f"{label}.tokens_per_s", tm["tokens_per_s"], "info"))
    if champ is None:
        checks.append(ev.Check("champion", "none registered: compared with the base model", "info"))
    else:
        checks.append(ev.Check("champion.rouge_l", comp[HELDOUT]["rouge_l"], "info"))
        checks.append(ev.Check("champion.perplexity", comp[HELDOUT]["perplexity"], "info"))
    record = ev.build(
        "evaluate", checks, SPEC.inputs(cfg), {**SPEC.outputs(cfg), **SPEC.metrics(cfg), **SPEC.plots(cfg)},
        SPEC.config_digest(cfg), root, started,
        details={"device": device, "records": len(records), "champion_version": champ_version, "compared_with": against,
                 "suites": suite_info, "champion_cache": cache, "timing": timing, "settings": settings(cfg, device),
                 "statistics": {"method": "paired bootstrap (percentile); one-sided bootstrap non-inferiority tests, "
                                          "Holm-adjusted across metrics", "resamples": e.statistics.resamples,
                                "seed": e.statistics.seed, "confidence": 1 - e.statistics.alpha,
                                "one_sided_level": e.statistics.alpha / 2}},
    )
    ev.write(evidence_path, record)
    progress("evaluate", f"candidate ppl {cm['perplexity']:.2f} (base {bm['perplexity']:.2f}), ROUGE-L {cm['rouge_l']:.3f}, "
             f"EM {cm['exact_match']:.3f}" + ("" if not record.failures() else "; FAILED: " + "; ".join(record.failures())))
    return record
