from __future__ import annotations

import math

import numpy as np
import pytest

from pipelines.evalstats import Interval, McNemar, holm, mcnemar_exact, non_inferior, paired_bootstrap

# --- McNemar -------------------------------------------------------------------------


def _pairs(b01: int, b10: int, both_right: int = 0, both_wrong: int = 0) -> tuple[list[bool], list[bool]]:
    a = [False] * b01 + [True] * b10 + [True] * both_right + [False] * both_wrong
    b = [True] * b01 + [False] * b10 + [True] * both_right + [False] * both_wrong
    return a, b


@pytest.mark.parametrize(
    ("b01", "b10", "expected"),
    [
        (1, 5, 0.21875),  # m = 6: 2 * (C(6,0) + C(6,1)) / 64 = 2 * 7 / 64
        (0, 10, 0.001953125),  # m = 10: 2 * 1 / 1024
        (2, 8, 0.109375),  # m = 10: 2 * (1 + 10 + 45) / 1024 = 112 / 1024
        (3, 3, 1.0),  # 2 * (1 + 6 + 15 + 20) / 64 > 1 -> capped
        (0, 1, 1.0),  # 2 * 1 / 2
        (7, 0, 0.015625),  # m = 7: 2 / 128
    ],
)
def test_mcnemar_exact_hand_computed(b01, b10, expected):
    a, b = _pairs(b01, b10, both_right=4, both_wrong=3)
    r = mcnemar_exact(a, b)
    assert r == McNemar(b01=b01, b10=b10, p_value=pytest.approx(expected, abs=1e-15), n=b01 + b10 + 7)
    assert r.p_value == pytest.approx(expected, rel=0, abs=1e-15)


def test_mcnemar_symmetric_and_no_discordant_pairs():
    a, b = _pairs(2, 9)
    assert mcnemar_exact(a, b).p_value == mcnemar_exact(b, a).p_value
    assert mcnemar_exact(b, a).b01 == 9
    same = [True, False, True]
    assert mcnemar_exact(same, same) == McNemar(0, 0, 1.0, 3)


def test_mcnemar_accepts_numpy_bools_and_zero_one():
    r = mcnemar_exact(np.array([0, 0, 1, 1], dtype=bool), [1, 1, 1, 0])
    assert (r.b01, r.b10, r.n) == (2, 1, 4)


def test_mcnemar_large_counts_stay_finite():
    a, b = _pairs(450, 550)
    p = mcnemar_exact(a, b).p_value
    assert 0.0 < p < 0.01 and math.isfinite(p)


def test_mcnemar_bad_input():
    with pytest.raises(ValueError, match="equal lengths"):
        mcnemar_exact([True, False], [True])
    with pytest.raises(ValueError, match="n == 0"):
        mcnemar_exact([], [])
    with pytest.raises(ValueError, match="item 1"):
        mcnemar_exact([True, 0.5], [True, False])


# --- Holm ----------------------------------------------------------------------------


def test_holm_worked_example():
    # sorted: d .005*4 = .02, a .01*3 = .03, c .03*2 = .06, b .04*1 = .04 -> monotone .06
    out = holm({"a": 0.01, "b": 0.04, "c": 0.03, "d": 0.005}, alpha=0.05)
    assert list(out) == ["a", "b", "c", "d"]  # input order kept
    assert {k: v[0] for k, v in out.items()} == pytest.approx({"a": 0.03, "b": 0.06, "c": 0.06, "d": 0.02})
    assert {k: v[1] for k, v in out.items()} == {"a": True, "b": False, "c": False, "d": True}


def test_holm_caps_at_one_ties_and_edge_cases():
    out = holm({"x": 0.5, "y": 0.5, "z": 0.9})
    assert out == {"x": (1.0, False), "y": (1.0, False), "z": (1.0, False)}
    assert holm({"only": 0.03}) == {"only": (0.03, True)}
    assert holm({}) == {}
    # alpha matters: p is second smallest of two, .03 * 1 = .03 (q: .001 * 2 = .002)
    assert holm({"p": 0.03, "q": 0.001}, alpha=0.05)["p"] == (pytest.approx(0.03), True)
    assert holm({"p": 0.03, "q": 0.001}, alpha=0.01)["p"] == (pytest.approx(0.03), False)
    # monotone: a smaller raw p never gets a larger adjusted p than a larger raw p
    adj = holm({"a": 0.001, "b": 0.013, "c": 0.014, "d": 0.2})
    assert adj["a"][0] <= adj["b"][0] <= adj["c"][0] <= adj["d"][0]
    assert adj["b"][0] == pytest.approx(0.039) and adj["c"][0] == pytest.approx(0.039)


def test_holm_bad_input():
    with pytest.raises(ValueError, match="'m'"):
        holm({"m": 1.5})
    with pytest.raises(ValueError, match="'m'"):
        holm({"m": float("nan")})
    with pytest.raises(ValueError, match="alpha"):
        holm({"m": 0.1}, alpha=0)


# --- paired bootstrap ----------------------------------------------------------------


def test_bootstrap_is_deterministic_for_a_seed():
    rng = np.random.default_rng(7)
    a = rng.normal(0.5, 0.1, 200).tolist()
    b = (np.asarray(a) + rng.normal(0.02, 0.05, 200)).tolist()
    first = paired_bootstrap(a, b, resamples=1000, seed=3)
    assert first == paired_bootstrap(a, b, resamples=1000, seed=3)
    assert first != paired_bootstrap(a, b, resamples=1000, seed=4)
    assert first.n == 200 and "seed=3" in first.method and "resamples=1000" in first.method
    assert first.low <= first.estimate <= first.high


def test_bootstrap_estimate_is_mean_of_b_minus_a_and_ci_contains_true_mean():
    rng = np.random.default_rng(0)
    a = rng.normal(0.0, 1.0, 400)
    b = a + 0.3 + rng.normal(0.0, 0.5, 400)  # true mean difference 0.3
    iv = paired_bootstrap(a.tolist(), b.tolist(), resamples=2000, seed=0)
    assert iv.estimate == pytest.approx(float(np.mean(b - a)))
    assert iv.low < 0.3 < iv.high
    assert iv.low > 0  # clearly better
    # a constant difference gives a degenerate interval at that difference
    c = paired_bootstrap([1.0, 2.0, 3.0], [1.5, 2.5, 3.5])
    assert (c.estimate, c.low, c.high) == pytest.approx((0.5, 0.5, 0.5))


def test_bootstrap_width_shrinks_with_n():
    widths = []
    for n in (100, 1600, 6400):  # same spread of differences (-1, 0, 0, 1), more items
        a = [0.0, 1.0, 0.0, 1.0] * (n // 4)
        b = [1.0, 1.0, 0.0, 0.0] * (n // 4)
        iv = paired_bootstrap(a, b, resamples=2000, seed=0)
        widths.append(iv.high - iv.low)
    assert widths[0] > widths[1] > widths[2]
    assert widths[1] == pytest.approx(widths[0] / 4, rel=0.15)  # ~ 1/sqrt(n)
    assert widths[2] == pytest.approx(widths[1] / 2, rel=0.15)


def test_bootstrap_wider_at_higher_confidence():
    a = [0, 1, 1, 0, 1, 0, 1, 1, 0, 1] * 5
    b = [1, 1, 0, 1, 1, 1, 0, 1, 1, 1] * 5
    i95 = paired_bootstrap(a, b, alpha=0.05)
    i80 = paired_bootstrap(a, b, alpha=0.20)
    assert i95.low <= i80.low and i95.high >= i80.high


def test_bootstrap_bad_input():
    with pytest.raises(ValueError, match="equal lengths"):
        paired_bootstrap([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="n == 0"):
        paired_bootstrap([], [])
    with pytest.raises(ValueError, match="not a finite"):
        paired_bootstrap([1.0, float("nan")], [1.0, 2.0])
    with pytest.raises(ValueError, match="resamples"):
        paired_bootstrap([1.0], [2.0], resamples=0)
    with pytest.raises(ValueError, match="alpha"):
        paired_bootstrap([1.0], [2.0], alpha=1.0)
    with pytest.raises(ValueError, match="numbers"):
        paired_bootstrap(["x"], [1.0])


# --- non-inferiority -----------------------------------------------------------------


def test_non_inferior_sign_convention():
    iv = Interval(estimate=-0.01, low=-0.03, high=0.01, n=100, method="test")
    assert non_inferior(iv, 0.05)  # worse by at most 0.03 < margin
    assert non_inferior(iv, 0.03)  # boundary: low == -margin passes
    assert not non_inferior(iv, 0.02)
    assert not non_inferior(iv, 0.0)
    assert non_inferior(Interval(0.1, 0.02, 0.2, 10, "test"), 0.0)  # strictly better
    with pytest.raises(ValueError, match="margin"):
        non_inferior(iv, -0.1)


def test_non_inferior_with_bootstrap_champion_first():
    champion = [0.8] * 50
    challenger = [0.79] * 50  # 0.01 worse on every item
    iv = paired_bootstrap(champion, challenger)
    assert iv.estimate == pytest.approx(-0.01)
    assert non_inferior(iv, 0.02) and not non_inferior(iv, 0.005)


# --- non_inferiority_p ------------------------------------------------------------


def test_non_inferiority_p_worked_values():
    from pipelines.evalstats import non_inferiority_p

    # Every difference is +0.1: no resampled mean is <= -margin, so p is the floor 1/(B+1).
    assert non_inferiority_p([0.5] * 10, [0.6] * 10, margin=0.0, resamples=999) == pytest.approx(1 / 1000)
    # Every difference is -0.1, beyond a margin of 0.05: every resample counts, p = 1.
    assert non_inferiority_p([0.6] * 10, [0.5] * 10, margin=0.05, resamples=999) == 1.0
    # ...but within a margin of 0.2 the challenger is non-inferior.
    assert non_inferiority_p([0.6] * 10, [0.5] * 10, margin=0.2, resamples=999) == pytest.approx(1 / 1000)


def test_non_inferiority_p_agrees_with_the_interval_and_is_deterministic():
    import random

    from pipelines.evalstats import non_inferiority_p, paired_bootstrap

    rng = random.Random(3)
    a = [rng.random() for _ in range(80)]
    b = [x + rng.gauss(0.01, 0.1) for x in a]
    ci = paired_bootstrap(a, b, resamples=4000, seed=7, alpha=0.05)
    for margin in (0.0, 0.01, 0.02, 0.05):
        p = non_inferiority_p(a, b, margin=margin, resamples=4000, seed=7)
        assert p == non_inferiority_p(a, b, margin=margin, resamples=4000, seed=7)
        if abs(ci.low + margin) > 0.002:  # away from the boundary, the two rules decide alike
            assert (p <= 0.025) == (ci.low >= -margin)


@pytest.mark.parametrize("kwargs, message", [
    ({"margin": -0.1}, "margin"), ({"margin": float("nan")}, "margin"), ({"margin": 0.1, "resamples": 0}, "resamples"),
])
def test_non_inferiority_p_rejects_bad_arguments(kwargs, message):
    from pipelines.evalstats import non_inferiority_p

    with pytest.raises(ValueError, match=message):
        non_inferiority_p([0.1, 0.2], [0.2, 0.3], **kwargs)
