"""Each metric against hand-computed values, or against its library called directly."""
from __future__ import annotations

import math

import pytest

from pipelines.evalsuite import compute
from pipelines.evalsuite.metrics.text import checkable_tokens, grounded_share


def test_exact_match_normalises_case_punctuation_and_space():
    r = compute("exact_match", ["Hello, World!", "foo  bar", "x"], ["hello world", "Foo bar.", "y"])
    assert r.per_item == [1.0, 1.0, 0.0]
    assert r.value == pytest.approx(2 / 3)
    assert (r.name, r.n, r.higher_is_better) == ("exact_match", 3, True)


def test_exact_match_strict_args():
    r = compute("exact_match", ["Hello", "hello"], ["hello", "hello"], args={"ignore_case": False})
    assert r.per_item == [0.0, 1.0]


def test_accuracy_for_multiple_choice():
    assert compute("accuracy", [0, 2, 1, "b"], [0, 1, 1, "b"]).per_item == [1.0, 0.0, 1.0, 1.0]


def test_rouge_l_is_rouge_score_f_measure():
    from rouge_score import rouge_scorer

    preds = ["the cat sat on the mat", "a quick brown dog", ""]
    refs = ["the cat was on the mat", "the quick brown fox jumps", "nothing"]
    scorer = rouge_scorer.RougeScorer(["rougeL"])
    expected = [scorer.score(r, p)["rougeL"].fmeasure for p, r in zip(preds, refs)]
    r = compute("rouge_l", preds, refs)
    assert r.per_item == expected
    assert r.value == pytest.approx(sum(expected) / 3)
    # hand check of the first: LCS "the cat on the mat" = 5 of 6 and 6 tokens
    assert r.per_item[0] == pytest.approx(5 / 6)


def test_bleu_corpus_and_sentence_match_sacrebleu():
    import sacrebleu

    preds = ["the cat sat on the mat", "there is a dog in the garden"]
    refs = ["the cat sat on the red mat", "a dog is in the garden"]
    r = compute("bleu", preds, refs)
    assert r.value == pytest.approx(sacrebleu.corpus_bleu(preds, [refs]).score)
    assert r.per_item == pytest.approx([sacrebleu.sentence_bleu(p, [t]).score for p, t in zip(preds, refs)])
    assert compute("bleu", ["the same five words here"], ["the same five words here"]).value == pytest.approx(100.0)


def test_chrf_corpus_and_sentence_match_sacrebleu():
    import sacrebleu

    preds = ["the cat sat on the mat", "there is a dog in the garden"]
    refs = ["the cat sat on the red mat", "a dog is in the garden"]
    r = compute("chrf", preds, refs)
    assert r.value == pytest.approx(sacrebleu.corpus_chrf(preds, [refs]).score)
    assert r.per_item == pytest.approx([sacrebleu.sentence_chrf(p, [t]).score for p, t in zip(preds, refs)])
    plus = compute("chrf", preds, refs, args={"word_order": 2})
    assert plus.value == pytest.approx(sacrebleu.corpus_chrf(preds, [refs], word_order=2).score)


SCHEMA = {
    "type": "object",
    "required": ["age", "meds"],
    "properties": {"age": {"type": "integer", "minimum": 0}, "meds": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}


def test_json_valid_parses_and_validates():
    outputs = [
        '{"age": 40, "meds": ["aspirin"]}',          # valid
        '```json\n{"age": 3, "meds": []}\n```',       # valid inside a code fence
        '{"age": -1, "meds": []}',                    # violates minimum
        '{"age": 40, "meds": ["x"], "extra": 1}',     # additional property
        '{"age": 40, "meds": [',                      # not JSON
        "Sure! Here it is.",                          # not JSON
    ]
    r = compute("json_valid", outputs, args={"schema": SCHEMA})
    assert r.per_item == [1.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    assert r.value == pytest.approx(2 / 6)
    strict = compute("json_valid", outputs[:2], args={"schema": SCHEMA, "strip_code_fence": False})
    assert strict.per_item == [1.0, 0.0]


def test_json_valid_rejects_an_invalid_schema():
    with pytest.raises(ValueError, match="not a valid JSON Schema"):
        compute("json_valid", ["{}"], args={"schema": {"type": "no-such-type"}})


def test_groundedness_hand_computed():
    source = "Mr. Jones, 44, seen on 3/5/2024 at Quest Diagnostics; BP 117/85; naproxen 500 mg."
    # checkable: Jones, 44, 500, Quest, 81 -> 4 of 5 in the source ("The" opens the sentence; "Mr" is a title)
    answer = "The patient Mr. Jones (44) got naproxen 500 mg from Quest; pulse 81."
    assert checkable_tokens(answer) == ["Jones", "44", "500", "Quest", "81"]
    assert grounded_share(answer, source) == pytest.approx(4 / 5)
    # dates compare without leading zeros; names ignore case unless asked
    assert grounded_share("follow-up 03/05/2024 with JONES", source) == 1.0
    assert grounded_share("follow-up with JONES today", source, case_sensitive=True) == 0.0
    # an answer with nothing to check is vacuously grounded
    assert grounded_share("it went well.", source) == 1.0
    r = compute("groundedness", [answer, "Seen by Dr. Smith."], sources=[source, source], args={"source": "note"})
    assert r.per_item == pytest.approx([0.8, 0.0])
    assert r.value == pytest.approx(0.4)


def test_refusal_rate_default_and_custom_phrases():
    outputs = ["I can’t help with that.", "Sure, here is how.", "I'M SORRY, BUT no.", "Not permitted to share."]
    assert compute("refusal_rate", outputs).per_item == [1.0, 0.0, 1.0, 0.0]
    r = compute("refusal_rate", outputs, args={"phrases": ["not permitted to"]})
    assert r.per_item == [0.0, 0.0, 0.0, 1.0]
    assert r.value == 0.25


def test_perplexity_from_loglikelihoods():
    scores = [(-2.0, 2), (-6.0, 3), (-1.0, 1)]
    r = compute("perplexity", scores=scores)
    assert r.value == pytest.approx(math.exp(9 / 6))
    assert r.per_item == pytest.approx([math.e, math.exp(2.0), math.e])
    assert r.higher_is_better is False


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: compute("exact_match", ["a", "b"], ["a"]), "differ in length"),
        (lambda: compute("exact_match", [], []), "no items"),
        (lambda: compute("exact_match", ["a"]), "needs references"),
        (lambda: compute("groundedness", ["a"], args={"source": "x"}), "needs sources"),
        (lambda: compute("perplexity", ["a"], ["a"]), "needs scores"),
        (lambda: compute("exact_match", ["a"], ["a"], args={"ignorecase": True}), "invalid args"),
    ],
)
def test_compute_rejects_bad_inputs(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_bleu_and_chrf_equal_sacrebleus_public_corpus_and_sentence_scores():
    from sacrebleu.metrics import BLEU, CHRF

    from pipelines.evalsuite import compute

    hyps = ["The patient reports mild knee pain.", "", "Follow up in two weeks with labs.", "No change", "x"]
    refs = ["Patient reports mild pain in the knee.", "Nothing to add.", "Follow-up in 2 weeks; repeat labs.", "No change.", "y"]
    b = compute("bleu", hyps, refs)
    assert b.value == BLEU().corpus_score(hyps, [refs]).score
    assert b.per_item == [BLEU(effective_order=True).sentence_score(h, [r]).score for h, r in zip(hyps, refs)]
    c = compute("chrf", hyps, refs, args={"word_order": 2})
    assert c.value == CHRF(word_order=2).corpus_score(hyps, [refs]).score
    assert c.per_item == [CHRF(word_order=2).sentence_score(h, [r]).score for h, r in zip(hyps, refs)]
