"""BLEU and chrF via ``sacrebleu``, on its 0-100 scale.

The aggregate is the corpus-level score (what papers report); the per-item
scores are sentence-level (BLEU with effective order), for paired statistics.
The mean of the per-item scores is *not* the corpus score.
"""
from __future__ import annotations

from sacrebleu.metrics import BLEU, CHRF

from ..registry import BleuArgs, ChrfArgs, Inputs


def _corpus_and_sentences(corpus_metric, sentence_metric, inp: Inputs) -> tuple[float, list[float]]:
    """The corpus score and each sentence's, from one pass of n-gram statistics.

    ``corpus_score`` and ``sentence_score`` each extract the same per-segment
    statistics; extracting them once and aggregating them both ways (as those
    two methods do) gives the same numbers at half the cost (tested against
    the public methods)."""
    hyps = [str(p) for p in inp.predictions]
    refs = [str(r) for r in inp.references]
    stats = corpus_metric._extract_corpus_statistics(hyps, [refs])
    corpus = corpus_metric._aggregate_and_compute(stats).score
    per = [sentence_metric._aggregate_and_compute([s]).score for s in stats]
    return corpus, per


def bleu(inp: Inputs, args: BleuArgs) -> tuple[float, list[float]]:
    opts = {"tokenize": args.tokenize, "lowercase": args.lowercase}
    return _corpus_and_sentences(BLEU(**opts), BLEU(**opts, effective_order=True), inp)


def chrf(inp: Inputs, args: ChrfArgs) -> tuple[float, list[float]]:
    metric = CHRF(char_order=args.char_order, word_order=args.word_order, lowercase=args.lowercase)
    return _corpus_and_sentences(metric, metric, inp)
