"""Language-model helpers shared by finetune, evaluate and bias_scan.

Loading, prompt formatting, batched scoring and greedy generation live here so
that the three stages measure the same thing the same way. torch, transformers
and peft are imported inside the functions: importing this module is cheap.
"""
from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROMPT_SUFFIX = "\n\n### Summary:\n"
EOS = "<|endoftext|>"
PAD = "<|pad|>"


def format_prompt(instruction: str) -> str:
    return instruction.rstrip() + PROMPT_SUFFIX


def pick_device(setting: str = "auto") -> str:
    import torch

    if setting == "cuda" or (setting == "auto" and torch.cuda.is_available()):
        return "cuda"
    return "cpu"


def seed_everything(seed: int) -> None:
    import random

    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")


def build_tiny_base(texts: Sequence[str], out_dir: Path, *, seed: int, vocab_size: int, n_layer: int, n_head: int,
                    n_embd: int, n_positions: int, pretrain_steps: int = 0, log=print) -> None:
    """Build the project's tiny GPT-2-shaped base model, deterministically.

    A byte-level BPE tokenizer is trained on ``texts`` (the training split), the
    model is initialised from ``seed`` and, when ``pretrain_steps`` > 0, briefly
    trained as a plain language model on ``texts`` so that it is a *base* model
    (it knows the notes' language, not yet the task).
    """
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    quiet()
    seed_everything(seed)
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=[EOS, PAD], initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False
    )
    bpe.train_from_iterator(list(texts), trainer=trainer)
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token=EOS, bos_token=EOS, unk_token=EOS, pad_token=PAD)
    config = GPT2Config(
        vocab_size=len(tok), n_positions=n_positions, n_embd=n_embd, n_layer=n_layer, n_head=n_head,
        bos_token_id=tok.eos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id,
    )
    model = GPT2LMHeadModel(config)
    if pretrain_steps:
        model.train()
        opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
        enc = [tok(t + EOS)["input_ids"][:n_positions] for t in texts]
        gen = torch.Generator().manual_seed(seed)
        for step in range(pretrain_steps):
            idx = torch.randint(len(enc), (16,), generator=gen).tolist()
            ids, mask = _pad([enc[i] for i in idx], tok.pad_token_id, left=False)
            labels = ids.masked_fill(mask == 0, -100)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            opt.step()
            opt.zero_grad()
            if step % 50 == 0 or step == pretrain_steps - 1:
                log(f"  base pretraining step {step + 1}/{pretrain_steps}: loss {loss.item():.3f}")
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    tok.save_pretrained(out_dir)


def _pad(seqs: Sequence[Sequence[int]], pad_id: int, left: bool):
    import torch

    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for i, s in enumerate(seqs):
        if left:
            ids[i, width - len(s):] = torch.tensor(s, dtype=torch.long)
            mask[i, width - len(s):] = 1
        else:
            ids[i, : len(s)] = torch.tensor(s, dtype=torch.long)
            mask[i, : len(s)] = 1
    return ids, mask


def load_tokenizer(path: str | Path):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(path))
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def quiet() -> None:
    """No progress bars or advisory warnings in stage logs."""
    import warnings

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=UserWarning, module="peft")


def load_base(path: str | Path, device: str = "cpu"):
    """A base causal LM from a hub id or local directory (the real loading code)."""
    from transformers import AutoModelForCausalLM

    quiet()
    model = AutoModelForCausalLM.from_pretrained(str(path))
    return model.to(device).eval()


def load_with_adapter(base_path: str | Path, adapter_path: str | Path, device: str = "cpu"):
    from peft import PeftModel

    return PeftModel.from_pretrained(load_base(base_path, device), str(adapter_path)).to(device).eval()


@dataclass(frozen=True)
class Example:
    """A tokenized prompt/response pair; ``labels`` mask the prompt with -100."""

    input_ids: list[int]
    labels: list[int]


def encode(tok, prompt: str, response: str, max_length: int) -> Example:
    p = tok(format_prompt(prompt))["input_ids"]
    r = tok(response + tok.eos_token)["input_ids"]
    r = r[: max_length // 2]
    p = p[-(max_length - len(r)):]  # keep the end of a long prompt, next to the response
    return Example(p + r, [-100] * len(p) + r)


def collate(examples: Sequence[Example], pad_id: int, device: str):
    ids, mask = _pad([e.input_ids for e in examples], pad_id, left=False)
    labels, _ = _pad([e.labels for e in examples], -100, left=False)
    return ids.to(device), mask.to(device), labels.to(device)


def score(model, tok, prompts: Sequence[str], responses: Sequence[str], *, max_length: int, batch_size: int, device: str) -> list[tuple[float, int]]:
    """Sum of the log-likelihood of each response given its prompt, and its token count."""
    import torch

    out: list[tuple[float, int]] = []
    examples = [encode(tok, p, r, max_length) for p, r in zip(prompts, responses)]
    with torch.no_grad():
        for i in range(0, len(examples), batch_size):
            ids, mask, labels = collate(examples[i : i + batch_size], tok.pad_token_id, device)
            logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
            target = labels[:, 1:]
            logp = torch.log_softmax(logits, dim=-1)
            valid = target != -100
            picked = logp.gather(-1, target.clamp(min=0).unsqueeze(-1)).squeeze(-1) * valid
            for s, n in zip(picked.sum(-1).tolist(), valid.sum(-1).tolist()):
                out.append((s, int(n)))
    return out


def perplexity(scores: Sequence[tuple[float, int]]) -> float:
    total = sum(s for s, _ in scores)
    n = sum(n for _, n in scores)
    return math.exp(-total / n) if n else float("inf")


def generate(model, tok, prompts: Sequence[str], *, max_new_tokens: int, batch_size: int, device: str, max_prompt_tokens: int = 160,
             truncated: list[int] | None = None) -> list[str]:
    """Greedy continuations (deterministic), batched with left padding. A prompt
    longer than ``max_prompt_tokens`` keeps its end; ``truncated``, when given,
    gets the number of such prompts appended."""
    import torch

    outs: list[str] = []
    full = tok([format_prompt(p) for p in prompts])["input_ids"] if prompts else []
    if truncated is not None:
        truncated.append(sum(len(ids) > max_prompt_tokens for ids in full))
    enc = [ids[-max_prompt_tokens:] for ids in full]
    with torch.no_grad():
        for i in range(0, len(enc), batch_size):
            ids, mask = _pad(enc[i : i + batch_size], tok.pad_token_id, left=True)
            gen = model.generate(
                input_ids=ids.to(device), attention_mask=mask.to(device), max_new_tokens=max_new_tokens, do_sample=False,
                pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id,
            )
            for row in gen[:, ids.shape[1]:]:
                outs.append(tok.decode(row, skip_special_tokens=True).strip())
    return outs


def library_versions(dists: Sequence[str] = ("torch", "transformers", "peft", "tokenizers", "numpy")) -> dict[str, str | None]:
    """The installed version of each distribution (None when it is not installed), for the evidence."""
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for dist in dists:
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = None
    return out


def digest_model_dir(path: str | Path) -> str:
    from pipelines.core.digests import path_md5

    return path_md5(path)


def model_info(model: Any) -> dict[str, Any]:
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return {"parameters": total, "trainable_parameters": trainable}
