from __future__ import annotations

import pytest

from pipelines.lm.metrics import exact_match, rouge_l


def test_rouge_l_known_values():
    assert rouge_l("the cat sat on the mat", "the cat sat on the mat") == 1.0
    assert rouge_l("", "anything") == 0.0
    # LCS("police killed the gunman", "police kill the gunman") = 3 -> P = R = 3/4
    assert rouge_l("police kill the gunman", "police killed the gunman") == pytest.approx(0.75)
    # LCS = 2 ("the", "gunman"): P = 2/4, R = 2/4
    assert rouge_l("the gunman kill police", "police killed the gunman") == pytest.approx(0.5)


def test_exact_match_normalises_case_and_punctuation():
    assert exact_match("Follow-up in 6 weeks.", "follow up in 6 weeks") == 1.0
    assert exact_match("in 6 weeks", "in 8 weeks") == 0.0
