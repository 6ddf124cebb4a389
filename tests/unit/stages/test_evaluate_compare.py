"""The evaluate stage's paired comparison: candidate minus comparator on the same items."""
from __future__ import annotations

import math

from pipelines.core.config import parse_config
from stages.evaluate import compare


def m(rouge, em):
    return {"per_item": {"rouge_l": rouge, "exact_match": em}}


def test_equal_models_give_a_zero_interval_and_p_1():
    cfg = parse_config({})
    c = compare(m([0.2, 0.5, 0.7] * 10, [0, 1, 0] * 10), m([0.2, 0.5, 0.7] * 10, [0, 1, 0] * 10), cfg)
    assert c["rouge_l_diff"]["estimate"] == c["rouge_l_diff"]["low"] == c["rouge_l_diff"]["high"] == 0.0
    assert c["exact_match_mcnemar"]["p_value"] == 1.0 and c["confidence"] == 0.95


def test_a_clearly_worse_candidate_has_its_whole_interval_below_zero():
    cfg = parse_config({})
    base = [0.5 + 0.01 * (i % 7) for i in range(60)]
    worse = [x - 0.1 for x in base]
    c = compare(m(base, [1] * 60), m(worse, [0] * 60), cfg)
    ci = c["rouge_l_diff"]
    assert ci["high"] < -0.05 and ci["n"] == 60
    assert c["exact_match_mcnemar"]["b10"] == 60 and c["exact_match_mcnemar"]["p_value"] < 1e-6


def test_deterministic_for_a_seed_and_changes_with_it():
    a = [abs(math.sin(i)) for i in range(50)]
    b = [abs(math.cos(1.3 * i)) for i in range(50)]
    one = compare(m(a, [0] * 50), m(b, [0] * 50), parse_config({}))
    two = compare(m(a, [0] * 50), m(b, [0] * 50), parse_config({}))
    other = compare(m(a, [0] * 50), m(b, [0] * 50), parse_config({"evaluate": {"statistics": {"seed": 7}}}))
    assert one == two and one["rouge_l_diff"]["low"] != other["rouge_l_diff"]["low"]
