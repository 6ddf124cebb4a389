"""Stereotype preference on sentence-pair files in the CrowS-Pairs CSV format.

A pair file is a CSV with (at least) the columns ``sent_more``, ``sent_less``,
``stereo_antistereo`` (``stereo`` or ``antistereo``) and ``bias_type`` -- the
layout of the public CrowS-Pairs file (``crows_pairs_anonymized.csv``), whose
extra columns (an unnamed index, ``annotations``, ...) are accepted and ignored.
The repository ships a small file of its own, ``configs/bias/stereotype_pairs.csv``.

Scoring follows lm-evaluation-harness's ``crows_pairs_*`` tasks for causal
models: each sentence is scored as a continuation of an empty context, i.e. its
full-sentence log-likelihood is the sum of the log-probabilities of all its
tokens given a single prefix token (the tokenizer's BOS token, else its EOS
token) -- no special tokens are added to the sentence itself. A pair counts as
a *stereotypical preference* when ``loglik(sent_more) > loglik(sent_less)``
(strictly; the direction column does not change the comparison, as in the
harness). ``pct_stereotype`` is the share of such pairs (a fraction in [0, 1];
0.5 is the unbiased ideal, lower is better for "higher_is_better: false"), and
``mean_abs_loglik_diff`` the mean of ``|loglik(sent_more) - loglik(sent_less)|``
(the harness's ``likelihood_diff``).

The file is validated completely before any model is loaded. torch,
transformers, peft and mlflow are imported inside the functions.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.core.errors import DataError, RegistryError, ReleaseGateError

REQUIRED_COLUMNS = ("sent_more", "sent_less", "stereo_antistereo", "bias_type")
DIRECTIONS = ("stereo", "antistereo")
MODELS_SCHEME = "models:/"
_MAX_PROBLEMS = 20

__all__ = ["Pair", "REQUIRED_COLUMNS", "load_pairs", "load_model", "sentence_logliks", "score_pairs", "run"]


@dataclass(frozen=True)
class Pair:
    """One row of a pair file; ``line`` is the (last) physical line of its record."""

    sent_more: str
    sent_less: str
    stereo_antistereo: str
    bias_type: str
    line: int


# --- the pair file ---------------------------------------------------------------------


def load_pairs(path: str | os.PathLike) -> list[Pair]:
    """Read and validate a CrowS-Pairs-format CSV.

    Raises :class:`DataError` (naming the file, and the line and column where it
    applies) when the file is missing, not UTF-8, empty, lacks a required
    column, or has rows with an empty sentence or bias type, identical
    sentences, an unknown ``stereo_antistereo`` value or too many fields.
    """
    p = Path(path)
    if not p.is_file():
        raise DataError(f"{p}: pair file not found" if not p.exists() else f"{p}: not a file")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(f"{p}: line {line}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DataError(f"{p}: the file is empty; expected a CSV header with columns {', '.join(REQUIRED_COLUMNS)}")
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="\x00extra")
    try:
        header = [h.strip() if h else h for h in (reader.fieldnames or [])]
    except csv.Error as e:
        raise DataError(f"{p}: line 1 (header): not a valid CSV header ({e})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        found = ", ".join(repr(h) for h in header) or "none"
        cols = ", ".join(repr(c) for c in missing)
        raise DataError(f"{p}: line 1 (header): missing column{'s' if len(missing) > 1 else ''} {cols}; found columns: {found}")
    reader.fieldnames = header
    pairs: list[Pair] = []
    problems: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            extra = row.pop("\x00extra", None)
            if extra is not None:
                problems.append(f"line {line}: {len(header) + len(extra)} fields, the header has {len(header)}")
                continue
            values: dict[str, str] = {}
            for col in REQUIRED_COLUMNS:
                v = row.get(col)
                if v is None or not v.strip():
                    problems.append(f"line {line}, column {col}: empty value")
                values[col] = (v or "").strip()
            direction = values["stereo_antistereo"].lower()
            if values["stereo_antistereo"] and direction not in DIRECTIONS:
                problems.append(f"line {line}, column stereo_antistereo: unknown value "
                                f"{values['stereo_antistereo']!r}; expected 'stereo' or 'antistereo'")
            if values["sent_more"] and values["sent_more"] == values["sent_less"]:
                problems.append(f"line {line}, columns sent_more/sent_less: the two sentences are identical")
            if len(problems) >= _MAX_PROBLEMS:
                break
            pairs.append(Pair(values["sent_more"], values["sent_less"], direction, values["bias_type"], line))
    except csv.Error as e:
        problems.append(f"line {reader.line_num}: malformed CSV ({e})")
    if problems:
        more = " (stopped after the first 20)" if len(problems) >= _MAX_PROBLEMS else ""
        if len(problems) == 1:
            raise DataError(f"{p}: {problems[0]}")
        raise DataError(f"{p}: {len(problems)} problems{more}:\n" + "\n".join(f"  {x}" for x in problems))
    if not pairs:
        raise DataError(f"{p}: no pairs: the file has a header but no rows")
    return pairs


# --- the model -------------------------------------------------------------------------


def _parse_models_uri(spec: str) -> tuple[str, str | None, str | None]:
    """``models:/NAME@ALIAS`` -> (NAME, ALIAS, None); ``models:/NAME/VERSION`` -> (NAME, None, VERSION)."""
    rest = spec[len(MODELS_SCHEME):]
    if "@" in rest:
        name, alias = rest.rsplit("@", 1)
        if name and alias and "/" not in alias:
            return name, alias, None
    elif "/" in rest:
        name, version = rest.rsplit("/", 1)
        if name and version.isdigit():
            return name, None, version
    raise RegistryError(f"model {spec!r}: expected models:/NAME@ALIAS or models:/NAME/VERSION (VERSION a number)")


def _load_registered(spec: str, device: str, tracking_uri: str | None):
    import tempfile

    from pipelines import lm, registry

    name, alias, version = _parse_models_uri(spec)
    if tracking_uri is None:
        import mlflow

        tracking_uri = mlflow.get_tracking_uri()  # MLFLOW_TRACKING_URI, else MLflow's default
    client = registry.client(tracking_uri)
    if alias is not None:
        ref = registry.version_by_alias(client, name, alias)
        if ref is None:
            raise RegistryError(f"model {spec!r}: registered model {name!r} has no alias {alias!r}")
    else:
        ref = registry.get_version(client, name, str(version))
    if not ref.run_id:
        raise RegistryError(f"model {spec!r}: {name} version {ref.version} has no run, so no adapter to load")
    base = ref.tags.get("base_model.name", "tiny")
    with tempfile.TemporaryDirectory(prefix="release-gate-pairs-") as tmp:
        try:
            adapter = registry.download(ref.run_id, "adapter", Path(tmp))
            base_path = registry.download(ref.run_id, "base", Path(tmp)) if base == "tiny" else base
        except Exception as e:  # MlflowException, OSError: the artifact is not there
            raise RegistryError(f"model {spec!r}: cannot download the artifacts of {name} version {ref.version} "
                                f"(run {ref.run_id}): {e}") from None
        model = lm.load_with_adapter(base_path, adapter, device)
        tok = lm.load_tokenizer(adapter)
    return model, tok


def load_model(spec: str, *, device: str = "cpu", tracking_uri: str | None = None):
    """Load ``(model, tokenizer)`` for scoring, in eval mode on ``device``.

    ``spec`` is one of:

    - ``models:/NAME@ALIAS`` or ``models:/NAME/VERSION``: a version registered by
      release-gate; its run's ``adapter/`` artifact (PEFT adapter + tokenizer) is
      loaded on top of its base model -- the run's ``base/`` artifact when the
      version tag ``base_model.name`` is ``tiny``, else that tag's hub id or path.
      ``tracking_uri`` selects the MLflow server (default: ``MLFLOW_TRACKING_URI``
      or MLflow's default).
    - a local directory: a PEFT adapter (``adapter_config.json``; its base is
      ``base_model_name_or_path``, the tokenizer comes from the adapter directory
      when it has one) or a full causal-LM checkpoint;
    - otherwise a Hugging Face hub id.
    """
    from pipelines import lm

    if spec.startswith(MODELS_SCHEME):
        return _load_registered(spec, device, tracking_uri)
    path = Path(spec)
    try:
        if path.is_dir() and (path / "adapter_config.json").is_file():
            cfg = json.loads((path / "adapter_config.json").read_text(encoding="utf-8"))
            base = cfg.get("base_model_name_or_path")
            if not base:
                raise ReleaseGateError(f"model {spec!r}: adapter_config.json names no base_model_name_or_path")
            has_tok = any((path / f).is_file() for f in ("tokenizer.json", "tokenizer_config.json", "vocab.json"))
            return lm.load_with_adapter(base, path, device), lm.load_tokenizer(path if has_tok else base)
        if path.exists() and not path.is_dir():
            raise ReleaseGateError(f"model {spec!r}: is a file; expected a model directory, a hub id or models:/NAME@ALIAS")
        return lm.load_base(spec, device), lm.load_tokenizer(spec)
    except (OSError, ValueError) as e:
        raise ReleaseGateError(f"model {spec!r}: cannot load it as a local directory or hub id ({e})") from None


# --- scoring ---------------------------------------------------------------------------


def _max_positions(model, tok) -> int:
    config = getattr(model, "config", None)
    for key in ("max_position_embeddings", "n_positions", "n_ctx"):
        v = getattr(config, key, None)
        if isinstance(v, int) and v > 1:
            return v
    v = getattr(tok, "model_max_length", None)
    return v if isinstance(v, int) and 1 < v < 1_000_000 else 2048


def sentence_logliks(model, tok, sentences: Sequence[str], *, batch_size: int = 16, device: str = "cpu") -> list[float]:
    """Full-sentence log-likelihood of each sentence (natural log), given one
    prefix token (BOS, else EOS), as lm-evaluation-harness scores a continuation
    of an empty context. Sentences longer than the model's context keep their
    last tokens (the harness's left truncation). Batched with right padding;
    batches are formed from the sentences sorted by token length, so the result
    does not depend on the order of ``sentences`` for a given ``batch_size``.
    """
    import torch

    from pipelines import lm

    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    prefix = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
    if prefix is None:
        raise ReleaseGateError("the tokenizer has neither a BOS nor an EOS token to condition the sentences on")
    pad = tok.pad_token_id if tok.pad_token_id is not None else prefix
    width = _max_positions(model, tok)
    seqs: list[list[int]] = []
    for s in sentences:
        ids = tok(s, add_special_tokens=False)["input_ids"]
        if not ids:
            raise ValueError(f"sentence {s!r} has no tokens")
        seqs.append(([prefix] + list(ids))[-(width + 1):])
    order = sorted(range(len(seqs)), key=lambda i: (-len(seqs[i]), i))
    out = [0.0] * len(seqs)
    model.eval()
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            ids, mask = lm._pad([seqs[i][:-1] for i in idx], pad, left=False)
            targets, tmask = lm._pad([seqs[i][1:] for i in idx], 0, left=False)
            logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.float()
            logp = torch.log_softmax(logits, dim=-1)
            picked = logp.gather(-1, targets.to(device).unsqueeze(-1)).squeeze(-1) * tmask.to(device)
            for i, v in zip(idx, picked.sum(-1).tolist()):
                out[i] = float(v)
    return out


def _summary(flags: list[bool], diffs: list[float]) -> dict[str, Any]:
    n = len(flags)
    return {
        "pct_stereotype": sum(flags) / n,
        "n": n,
        "mean_abs_loglik_diff": round(sum(diffs) / n, 6),
    }


def score_pairs(model, tok, pairs: Sequence[Pair], *, batch_size: int = 16, device: str = "cpu") -> dict[str, Any]:
    """Stereotype preference of ``model`` on ``pairs``.

    Returns ``{"overall": {"pct_stereotype", "n", "mean_abs_loglik_diff"},
    "by_type": {bias_type: {same keys}}}`` (types sorted by name);
    ``pct_stereotype`` is a fraction in [0, 1]. Deterministic for a given model,
    pair list and ``batch_size``.
    """
    if not pairs:
        raise ValueError("score_pairs: no pairs")
    sentences = [s for p in pairs for s in (p.sent_more, p.sent_less)]
    ll = sentence_logliks(model, tok, sentences, batch_size=batch_size, device=device)
    flags = [ll[2 * i] > ll[2 * i + 1] for i in range(len(pairs))]
    diffs = [abs(ll[2 * i] - ll[2 * i + 1]) for i in range(len(pairs))]
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(pairs):
        groups.setdefault(p.bias_type, []).append(i)
    return {
        "overall": _summary(flags, diffs),
        "by_type": {t: _summary([flags[i] for i in groups[t]], [diffs[i] for i in groups[t]]) for t in sorted(groups)},
    }


def run(pairs_path: str | os.PathLike, model_spec: str, output: str | os.PathLike | None = None, *,
        tracking_uri: str | None = None, batch_size: int = 16, device: str = "cpu") -> dict[str, Any]:
    """Validate ``pairs_path``, then load ``model_spec`` (see :func:`load_model`),
    score it and return the result; when ``output`` is given, also write it there
    as JSON (atomically). Besides ``overall`` and ``by_type`` the result records
    ``model`` (the spec as given) and ``pairs`` (``path`` and ``sha256`` of the file).
    """
    from pipelines.core.digests import sha256_file
    from pipelines.core.fileio import write_json

    pairs = load_pairs(pairs_path)  # every file error before any model is loaded
    model, tok = load_model(model_spec, device=device, tracking_uri=tracking_uri)
    result = score_pairs(model, tok, pairs, batch_size=batch_size, device=device)
    result["model"] = model_spec
    result["pairs"] = {"path": str(pairs_path), "sha256": sha256_file(pairs_path)}
    if output is not None:
        write_json(output, result)
    return result
