"""ROUGE-L via Google's ``rouge-score`` (the reference implementation)."""
from __future__ import annotations

from rouge_score import rouge_scorer

from ..registry import Inputs, RougeArgs, mean


def rouge_l(inp: Inputs, args: RougeArgs) -> tuple[float, list[float]]:
    """The mean per-item ROUGE-L F-measure, ``RougeScorer(["rougeL"]).score(target, prediction)``."""
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=args.use_stemmer)
    per = [scorer.score(str(r), str(p))["rougeL"].fmeasure for p, r in zip(inp.predictions, inp.references)]
    return mean(per), per
