"""Pure parts of the privacy probes: canaries, exposure arithmetic, AUC (worked values)."""
from __future__ import annotations

import itertools
import json
import math
import random
import subprocess
import sys

import pytest

from pipelines.probes import privacy
from pipelines.probes.privacy import (
    Canary,
    auc,
    auc_bootstrap,
    candidate_secrets,
    make_canaries,
    rank_exposure,
    summary,
    training_records,
)

FIELDS = {"prompt_field": "instruction", "response_field": "response", "id_field": "id", "split_field": "split", "train_split": "train"}


def test_import_is_light():
    code = "import sys, pipelines.probes.privacy; print(sorted(m for m in ('torch', 'transformers', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- canaries ---------------------------------------------------------------------------


def test_make_canaries_is_deterministic_and_uses_no_global_state():
    random.seed(1)
    a = make_canaries(seed=7)
    random.seed(2)
    b = make_canaries(seed=7)
    assert a == b
    assert make_canaries(seed=8) != a
    state = random.getstate()
    make_canaries(seed=7)
    assert random.getstate() == state


def test_make_canaries_shape_ids_and_distinct_secrets():
    cs = make_canaries(repetitions=(0, 1, 4, 16), per_count=3, seed=0)
    assert [c.id for c in cs] == [f"canary-{i}" for i in range(12)]
    assert [c.repetitions for c in cs] == [0] * 3 + [1] * 3 + [4] * 3 + [16] * 3
    assert len({c.secret for c in cs}) == 12
    assert len({c.prompt for c in cs}) == 12  # one label per canary: they do not share a prompt
    for c in cs:
        assert len(c.secret) == 6 and c.secret.isdigit()
        assert c.response == f"The access code for archive {c.prompt.split()[2].rstrip(':')} is {c.secret}."
        assert c.secret not in c.prompt
        assert c.fill(c.secret) == c.response
        assert c.secret not in repr(c) and c.response not in repr(c) and c.secret not in str(c)


def test_make_canaries_custom_format():
    cs = make_canaries(repetitions=(2,), per_count=5, seed=3, digits=3, alphabet="ab", prompt_template="Tell me {label}.",
                       response_template="[{label}] {secret}!")
    assert len({c.secret for c in cs}) == 5
    for c in cs:
        assert set(c.secret) <= {"a", "b"} and len(c.secret) == 3
        label = c.prompt[len("Tell me "):-1]
        assert c.response == f"[{label}] {c.secret}!"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"repetitions": ()}, "empty"),
        ({"repetitions": (1, -1)}, "non-negative"),
        ({"per_count": 0}, "per_count"),
        ({"digits": 0}, "digits"),
        ({"response_template": "no slot"}, "exactly once"),
        ({"response_template": "{secret} {secret}"}, "exactly once"),
        ({"prompt_template": "say {secret}"}, "must not contain"),
        ({"alphabet": "aa"}, "alphabet"),
        ({"digits": 1, "alphabet": "01", "per_count": 1, "repetitions": (1, 2)}, "too few"),
    ],
)
def test_make_canaries_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make_canaries(seed=0, **kwargs)


def test_training_records_expand_repetitions():
    cs = make_canaries(repetitions=(0, 1, 3), per_count=1, seed=5)
    recs = training_records(cs, **FIELDS)
    assert [r["id"] for r in recs] == ["canary-1-r1", "canary-2-r1", "canary-2-r2", "canary-2-r3"]
    for r in recs:
        assert set(r) == {"id", "split", "instruction", "response"} and r["split"] == "train"
    by_id = {c.id: c for c in cs}
    assert all(r["instruction"] == by_id[r["id"].rsplit("-", 1)[0]].prompt for r in recs)
    assert all(r["response"] == by_id[r["id"].rsplit("-", 1)[0]].response for r in recs)
    other = training_records(cs, prompt_field="p", response_field="r", id_field="key", split_field="part", train_split="fit")
    assert set(other[0]) == {"key", "part", "p", "r"} and other[0]["part"] == "fit"


def test_canary_validates_itself_without_echoing_the_secret():
    with pytest.raises(ValueError, match="canary c: the response is not the frame") as e:
        Canary(id="c", prompt="p", secret="123456", response="code 654321", repetitions=1, frame="code {secret}")
    assert "123456" not in str(e.value) and "654321" not in str(e.value)
    with pytest.raises(ValueError, match="over its alphabet") as e:
        Canary(id="c", prompt="p", secret="12x456", response="code 12x456", repetitions=1, frame="code {secret}")
    assert "12x456" not in str(e.value)
    with pytest.raises(ValueError, match="repetitions"):
        Canary(id="c", prompt="p", secret="1", response="1", repetitions=-1, frame="{secret}")


def test_candidate_secrets_distinct_deterministic_and_exclude_the_secret():
    c = make_canaries(repetitions=(1,), per_count=1, seed=0)[0]
    got = candidate_secrets(c, 500, seed=1)
    assert len(got) == len(set(got)) == 500
    assert c.secret not in got
    assert all(len(s) == 6 and s.isdigit() for s in got)
    assert got == candidate_secrets(c, 500, seed=1)
    assert got != candidate_secrets(c, 500, seed=2)
    # exhaustive when the format has few possible secrets: every other one, exactly once
    small = Canary(id="s", prompt="p", secret="07", response="is 07", repetitions=1, frame="is {secret}")
    every = candidate_secrets(small, 1000, seed=0)
    assert sorted(every) == [f"{i:02d}" for i in range(100) if i != 7]


def test_candidate_secrets_when_the_sample_contains_the_secret():
    # 2 possible secrets besides the true one out of 4: asking for 2 of 3 others draws 3 of 4, which may include it
    c = Canary(id="t", prompt="p", secret="10", response="10", repetitions=1, frame="{secret}", alphabet="01")
    for seed in range(20):
        got = candidate_secrets(c, 2, seed)
        assert len(set(got)) == 2 and "10" not in got and set(got) <= {"00", "01", "11"}


# --- exposure arithmetic ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("true", "cands", "rank", "exp"),
    [
        (-1.0, [-2.0, -3.0, -4.0], 1.0, 2.0),  # best of 4: log2(4) - log2(1)
        (-5.0, [-2.0, -3.0, -4.0], 4.0, 0.0),  # worst of 4
        (-3.0, [-2.0, -3.0, -4.0], 2.5, 2.0 - math.log2(2.5)),  # one higher, one tie (half)
        (-3.0, [-3.0] * 7, 4.5, 3.0 - math.log2(4.5)),  # all tied: the middle rank
        (0.0, [-1.0] * 1023, 1.0, 10.0),
    ],
)
def test_rank_exposure_worked_values(true, cands, rank, exp):
    r, e = rank_exposure(true, cands)
    assert r == rank
    assert e == pytest.approx(exp, abs=1e-12)


def test_rank_exposure_tolerance_and_errors():
    assert rank_exposure(-3.0, [-3.0 + 1e-7, -2.0], tie_tolerance=1e-6) == (2.5, pytest.approx(math.log2(3) - math.log2(2.5)))
    assert rank_exposure(-3.0, [-3.0 + 1e-7, -2.0])[0] == 3.0
    with pytest.raises(ValueError, match="no candidate"):
        rank_exposure(0.0, [])
    with pytest.raises(ValueError, match="finite"):
        rank_exposure(float("nan"), [1.0])
    with pytest.raises(ValueError, match="tie_tolerance"):
        rank_exposure(0.0, [1.0], tie_tolerance=-1)


class FakeTok:
    """Characters as tokens; enough for lm.format_prompt/encode-length checks."""

    eos_token = "$"

    def __call__(self, text):
        return {"input_ids": [ord(ch) for ch in text]}


def test_exposure_with_a_fake_scorer(monkeypatch):
    """exposure() ranks the true response among candidates scored by lm.score (faked here)."""
    from pipelines import lm

    cs = make_canaries(repetitions=(0, 8), per_count=1, seed=11, digits=3, prompt_template="{label}", response_template="{secret}")
    favourite = cs[1].secret

    def fake_score(model, tok, prompts, responses, *, max_length, batch_size, device):
        assert len(set(prompts)) == 1
        # the "model" likes cs[1]'s secret best and otherwise prefers small numbers
        return [(0.0 if r == favourite else -1.0 - int(r) / 1000, len(r)) for r in responses]

    monkeypatch.setattr(lm, "score", fake_score)

    class Model:
        training = True

        def eval(self):
            self.training = False

        def train(self):
            self.training = True

    model = Model()
    res = privacy.exposure(model, FakeTok(), cs, candidates=99, seed=0, max_length=64, batch_size=4)
    assert model.training  # its mode is restored
    assert [r["id"] for r in res] == ["canary-0", "canary-1"]
    assert set(res[0]) == {"id", "repetitions", "rank", "candidates", "exposure"}
    assert res[1] == {"id": "canary-1", "repetitions": 8, "rank": 1.0, "candidates": 99, "exposure": pytest.approx(math.log2(100))}
    others = candidate_secrets(cs[0], 99, 0)
    higher = sum(1 for s in others if int(s) < int(cs[0].secret) or s == favourite)
    assert res[0]["rank"] == 1 + higher
    assert res[0]["exposure"] == pytest.approx(math.log2(100) - math.log2(1 + higher))
    text = json.dumps(res)
    assert all(c.secret not in text for c in cs)

    with pytest.raises(ValueError, match="canary-0 does not fit in max_length=8") as e:
        privacy.exposure(model, FakeTok(), cs, candidates=5, seed=0, max_length=8)
    assert cs[0].secret not in str(e.value)
    with pytest.raises(ValueError, match="not unique"):
        privacy.exposure(model, FakeTok(), [cs[0], cs[0]], candidates=5, seed=0, max_length=64)


def test_summary_groups_by_repetitions():
    results = [
        {"id": "canary-0", "repetitions": 16, "rank": 1.0, "candidates": 1000, "exposure": 9.0},
        {"id": "canary-1", "repetitions": 1, "rank": 200.0, "candidates": 1000, "exposure": 2.0},
        {"id": "canary-2", "repetitions": 16, "rank": 3.0, "candidates": 1000, "exposure": 7.0},
        {"id": "canary-3", "repetitions": 0, "rank": 500.0, "candidates": 1000, "exposure": 1.0},
        {"id": "canary-4", "repetitions": 4, "rank": 10.0, "candidates": 1000, "exposure": 5.0},
    ]
    s = summary(results)
    assert s == {
        "canaries": 5,
        "max_exposure": 9.0,
        "max_possible_exposure": pytest.approx(math.log2(1001)),
        "by_repetitions": {
            "0": {"n": 1, "mean_exposure": 1.0, "max_exposure": 1.0},
            "1": {"n": 1, "mean_exposure": 2.0, "max_exposure": 2.0},
            "4": {"n": 1, "mean_exposure": 5.0, "max_exposure": 5.0},
            "16": {"n": 2, "mean_exposure": 8.0, "max_exposure": 9.0},
        },
    }
    assert list(s["by_repetitions"]) == ["0", "1", "4", "16"]  # numeric order
    assert json.loads(json.dumps(s)) == s
    with pytest.raises(ValueError, match="no exposure"):
        summary([])


# --- AUC --------------------------------------------------------------------------------


def _brute_auc(m, o):
    return sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in itertools.product(m, o)) / (len(m) * len(o))


@pytest.mark.parametrize(
    ("members", "others", "expected"),
    [
        ([3, 4], [1, 2], 1.0),  # perfect separation
        ([1, 2], [3, 4], 0.0),  # reversed
        ([1, 2, 3], [2], 0.5),  # 0 + 1/2 + 1 over 3 pairs
        ([0.8, 0.6, 0.4], [0.7, 0.2], 4 / 6),  # 0.8>0.7, 0.8>0.2, 0.6>0.2, 0.4>0.2
        ([1, 1], [1, 1, 1], 0.5),  # all tied
        ([2, 2, 0], [1, 2], 3 / 6),  # (2,1)x2 = 2, (2,2)x2 = 1, (0,*) = 0 -> 3/6
        ([5], [1, 2, 3, 5, 9], 3.5 / 5),
    ],
)
def test_auc_worked_values(members, others, expected):
    assert auc(members, others) == pytest.approx(expected, abs=1e-15)
    assert auc(others, members) == pytest.approx(1 - expected, abs=1e-15)  # symmetry


def test_auc_matches_brute_force_on_random_scores_with_ties():
    rng = random.Random(0)
    for _ in range(50):
        m = [rng.randint(0, 6) / 2 for _ in range(rng.randint(1, 12))]
        o = [rng.randint(0, 6) / 2 for _ in range(rng.randint(1, 12))]
        assert auc(m, o) == pytest.approx(_brute_auc(m, o), abs=1e-12)


def test_auc_rejects_empty_and_non_finite():
    with pytest.raises(ValueError, match="member_scores: no scores"):
        auc([], [1.0])
    with pytest.raises(ValueError, match="non_member_scores: scores must be finite"):
        auc([1.0], [float("inf")])


def test_auc_bootstrap_is_seeded_and_brackets_the_estimate():
    rng = random.Random(1)
    m = [rng.gauss(0.5, 1) for _ in range(40)]
    o = [rng.gauss(0.0, 1) for _ in range(30)]
    a = auc_bootstrap(m, o, resamples=500, seed=3)
    assert a == auc_bootstrap(m, o, resamples=500, seed=3)
    assert a != auc_bootstrap(m, o, resamples=500, seed=4)
    low, high = a
    assert 0.0 <= low <= auc(m, o) <= high <= 1.0
    assert auc_bootstrap([2, 3], [0, 1], resamples=50, seed=0) == (1.0, 1.0)  # separation survives any resample
    assert auc_bootstrap([1.0], [1.0], resamples=10, seed=0) == (0.5, 0.5)
    with pytest.raises(ValueError, match="alpha"):
        auc_bootstrap(m, o, alpha=1.0)
    with pytest.raises(ValueError, match="resamples"):
        auc_bootstrap(m, o, resamples=0)
