"""Stereotype preference on CrowS-Pairs-format files, with a real (tiny) GPT-2."""
from __future__ import annotations

import csv
import json
import math

import pytest

from pipelines import lm, stereotype
from pipelines.core.errors import DataError

TEXTS = [
    "The patient called the clinic to move her appointment to next week.",
    "The agent explained the invoice and apologised for the billing error.",
    "He asked the nurse about the dosage of the new medication.",
    "She could not log in to the appointment app and called the helpline.",
    "The customer paid the balance and thanked the support team.",
    "The doctor reviewed the lab results with the family.",
]
HEADER = "sent_more,sent_less,stereo_antistereo,bias_type\n"


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny-base") / "base"
    lm.build_tiny_base(TEXTS, out, seed=0, vocab_size=300, n_layer=1, n_head=2, n_embd=32, n_positions=64,
                       pretrain_steps=10, log=lambda *_: None)
    return out


@pytest.fixture(scope="module")
def tiny(tiny_dir):
    return stereotype.load_model(str(tiny_dir))


@pytest.fixture(scope="module")
def shipped(repo_root):
    return repo_root / "configs/bias/stereotype_pairs.csv"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_shipped_pair_file_is_valid_and_covers_several_bias_types(shipped):
    rows = _rows(shipped)
    pairs = stereotype.load_pairs(shipped)
    assert 40 <= len(pairs) == len(rows) <= 60
    assert {p.stereo_antistereo for p in pairs} == {"stereo", "antistereo"}
    types = {p.bias_type for p in pairs}
    assert {"gender", "age", "race-color", "religion", "nationality", "disability", "socioeconomic"} <= types
    assert pairs[0].line == 2 and pairs[-1].line == len(rows) + 1


def test_score_shape_counts_and_ranges(tiny, shipped):
    model, tok = tiny
    rows = _rows(shipped)
    result = stereotype.score_pairs(model, tok, stereotype.load_pairs(shipped))
    assert set(result) == {"overall", "by_type"}
    keys = {"pct_stereotype", "n", "mean_abs_loglik_diff"}
    assert set(result["overall"]) == keys
    assert result["overall"]["n"] == len(rows)
    assert set(result["by_type"]) == {r["bias_type"] for r in rows}
    assert list(result["by_type"]) == sorted(result["by_type"])
    for t, v in result["by_type"].items():
        assert set(v) == keys
        assert v["n"] == sum(1 for r in rows if r["bias_type"] == t)
        assert 0.0 <= v["pct_stereotype"] <= 1.0
        assert isinstance(v["n"], int) and isinstance(v["pct_stereotype"], float)
    assert sum(v["n"] for v in result["by_type"].values()) == result["overall"]["n"]
    # the overall share is the n-weighted mean of the per-type shares
    k = sum(round(v["pct_stereotype"] * v["n"]) for v in result["by_type"].values())
    assert result["overall"]["pct_stereotype"] == pytest.approx(k / len(rows))
    assert result["overall"]["mean_abs_loglik_diff"] > 0
    json.dumps(result, allow_nan=False)


def test_scoring_is_deterministic(tiny, shipped):
    model, tok = tiny
    pairs = stereotype.load_pairs(shipped)
    assert stereotype.score_pairs(model, tok, pairs) == stereotype.score_pairs(model, tok, pairs)


def test_sentence_loglik_is_the_harness_definition(tiny):
    """sum of log p(token | BOS/EOS prefix + earlier tokens), no special tokens in the sentence."""
    import torch

    model, tok = tiny
    sentences = ["The nurse called the patient.", "A much longer sentence about the invoice and the billing error.", "Ok."]
    batched = stereotype.sentence_logliks(model, tok, sentences, batch_size=8)
    for s, got in zip(sentences, batched):
        ids = [tok.eos_token_id] + tok(s, add_special_tokens=False)["input_ids"]
        with torch.no_grad():
            logp = torch.log_softmax(model(input_ids=torch.tensor([ids])).logits[0, :-1].float(), dim=-1)
        want = float(sum(logp[i, ids[i + 1]] for i in range(len(ids) - 1)))
        assert got == pytest.approx(want, abs=1e-4)
        assert got < 0
    # one at a time gives the same numbers (padding does not leak into the scores)
    single = stereotype.sentence_logliks(model, tok, sentences, batch_size=1)
    assert single == pytest.approx(batched, abs=1e-4)
    # the order of the input does not change a sentence's score
    assert stereotype.sentence_logliks(model, tok, sentences[::-1], batch_size=8)[::-1] == batched


def test_pair_preference_follows_the_logliks(tiny, tmp_path):
    model, tok = tiny
    a, b = "The patient called the clinic.", "Zq xv kj wp the qq."
    la, lb = stereotype.sentence_logliks(model, tok, [a, b])
    assert la != lb
    f = tmp_path / "p.csv"
    f.write_text(HEADER + f"{a},{b},stereo,gender\n{b},{a},antistereo,age\n", encoding="utf-8")
    r = stereotype.score_pairs(model, tok, stereotype.load_pairs(f))
    want_first = 1.0 if la > lb else 0.0
    assert r["by_type"]["gender"]["pct_stereotype"] == want_first
    assert r["by_type"]["age"]["pct_stereotype"] == 1.0 - want_first
    assert r["overall"]["pct_stereotype"] == 0.5
    assert r["overall"]["mean_abs_loglik_diff"] == pytest.approx(abs(la - lb), abs=1e-5)


def test_run_writes_json_and_is_reproducible(tiny_dir, shipped, tmp_path):
    out1, out2 = tmp_path / "a/out.json", tmp_path / "b/out.json"
    r1 = stereotype.run(shipped, str(tiny_dir), out1)
    r2 = stereotype.run(shipped, str(tiny_dir), out2)
    assert r1 == r2
    assert out1.read_bytes() == out2.read_bytes()
    on_disk = json.loads(out1.read_text(encoding="utf-8"))
    assert on_disk == r1
    assert set(r1) == {"overall", "by_type", "model", "pairs"}
    assert r1["model"] == str(tiny_dir) and len(r1["pairs"]["sha256"]) == 64
    assert r1["overall"]["n"] == len(_rows(shipped))
    assert not list(out1.parent.glob(".*.tmp"))  # written atomically, nothing left behind


def test_local_peft_adapter_directory(tiny_dir, tiny, shipped, tmp_path):
    from peft import LoraConfig, get_peft_model

    base, _ = lm.load_base(tiny_dir), None
    peft_model = get_peft_model(base, LoraConfig(r=2, lora_alpha=4, target_modules=["c_attn"], init_lora_weights=True))
    adapter = tmp_path / "adapter"
    peft_model.save_pretrained(adapter)
    lm.load_tokenizer(tiny_dir).save_pretrained(adapter)
    model, tok = stereotype.load_model(str(adapter))
    assert type(model).__name__ == "PeftModel"
    pairs = stereotype.load_pairs(shipped)
    # a freshly initialised LoRA adapter is a no-op (B = 0): same verdicts as the base
    with_adapter = stereotype.score_pairs(model, tok, pairs)
    plain = stereotype.score_pairs(*tiny, pairs)
    assert with_adapter["overall"]["pct_stereotype"] == plain["overall"]["pct_stereotype"]


# --- file errors, always before any model is loaded --------------------------------------


@pytest.fixture()
def no_model(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("the model was loaded before the pair file was validated")

    monkeypatch.setattr(stereotype, "load_model", refuse)


def _err(path) -> str:
    with pytest.raises(DataError) as e:
        stereotype.run(path, "no/such-model-should-ever-load")
    return str(e.value)


def test_missing_column_names_column_and_file(tmp_path, no_model):
    f = tmp_path / "pairs.csv"
    f.write_text("sent_more,sent_less,bias_type\nA is here.,B is here.,gender\n", encoding="utf-8")
    msg = _err(f)
    assert str(f) in msg and "'stereo_antistereo'" in msg and "line 1" in msg


def test_unknown_direction_names_line_and_column(tmp_path, no_model):
    f = tmp_path / "pairs.csv"
    f.write_text(HEADER + "A is here.,B is here.,stereo,gender\nC is here.,D is here.,sterio,age\n", encoding="utf-8")
    msg = _err(f)
    assert str(f) in msg and "line 3" in msg and "stereo_antistereo" in msg and "'sterio'" in msg


def test_all_row_problems_are_listed(tmp_path, no_model):
    f = tmp_path / "pairs.csv"
    f.write_text(HEADER + "A.,,stereo,gender\nC.,C.,stereo,age\nE.,F.,stereo,\nG.,H.,stereo,age,extra\n", encoding="utf-8")
    msg = _err(f)
    assert "line 2, column sent_less: empty value" in msg
    assert "line 3, columns sent_more/sent_less: the two sentences are identical" in msg
    assert "line 4, column bias_type: empty value" in msg
    assert "line 5: 5 fields, the header has 4" in msg


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (HEADER.encode(), "no pairs"),
        (HEADER.encode() + b"A caf\xe9.,B.,stereo,age\n", "line 2: not valid UTF-8"),
    ],
)
def test_empty_header_only_and_non_utf8(tmp_path, no_model, content, expected):
    f = tmp_path / "pairs.csv"
    f.write_bytes(content)
    msg = _err(f)
    assert str(f) in msg and expected in msg


def test_missing_file(tmp_path, no_model):
    msg = _err(tmp_path / "absent.csv")
    assert "absent.csv" in msg and "not found" in msg


def test_public_layout_with_extra_columns_and_multiline_fields(tmp_path):
    """The public file has an unnamed index column and annotation columns; quoted fields may span lines."""
    f = tmp_path / "crows.csv"
    f.write_text(
        '\ufeff,sent_more,sent_less,stereo_antistereo,bias_type,annotations,anon_writer,anon_annotators\n'
        "0,A is here.,B is here.,stereo,race-color,\"[['race-color']]\",a0,\"['a1']\"\n"
        "1,\"C is\nhere.\",D is here.,ANTISTEREO ,age,[],a0,[]\n",
        encoding="utf-8",
    )
    pairs = stereotype.load_pairs(f)
    assert [(p.bias_type, p.stereo_antistereo, p.line) for p in pairs] == [("race-color", "stereo", 2), ("age", "antistereo", 4)]
    assert pairs[1].sent_more == "C is\nhere."


def test_models_uri_must_be_well_formed():
    from pipelines.core.errors import RegistryError

    for bad in ("models:/", "models:/name", "models:/name/latest", "models:/@alias", "models:/name@"):
        with pytest.raises(RegistryError, match="models:/NAME@ALIAS"):
            stereotype.load_model(bad)


def test_registered_model_by_alias_and_version(tiny_dir, tiny, shipped, tmp_path, monkeypatch):
    """models:/NAME@ALIAS and models:/NAME/VERSION, laid out as stages/register.py logs them."""
    from mlflow import MlflowClient
    from peft import LoraConfig, get_peft_model

    adapter = tmp_path / "adapter"
    get_peft_model(lm.load_base(tiny_dir), LoraConfig(r=2, lora_alpha=4, target_modules=["c_attn"])).save_pretrained(adapter)
    lm.load_tokenizer(tiny_dir).save_pretrained(adapter)
    uri = f"sqlite:///{tmp_path}/mlflow.db"
    # registry.client() sets MLflow's process-wide URIs (and their env variables): undo that afterwards
    import mlflow.tracking._model_registry.utils as registry_utils
    import mlflow.tracking._tracking_service.utils as tracking_utils

    monkeypatch.setattr(tracking_utils, "_tracking_uri", tracking_utils._tracking_uri)
    monkeypatch.setattr(registry_utils, "_registry_uri", registry_utils._registry_uri)
    monkeypatch.setenv("MLFLOW_REGISTRY_URI", uri)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", uri)
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    exp = client.create_experiment("pairs", artifact_location=(tmp_path / "artifacts").as_uri())
    run = client.create_run(exp)
    client.log_artifacts(run.info.run_id, str(adapter), "adapter")
    client.log_artifacts(run.info.run_id, str(tiny_dir), "base")
    client.set_terminated(run.info.run_id)
    client.create_registered_model("tiny-model")
    mv = client.create_model_version("tiny-model", source=f"runs:/{run.info.run_id}/adapter", run_id=run.info.run_id,
                                     tags={"base_model.name": "tiny"})
    client.set_registered_model_alias("tiny-model", "champion", mv.version)

    pairs = stereotype.load_pairs(shipped)
    plain = stereotype.score_pairs(*tiny, pairs)
    by_alias = stereotype.score_pairs(*stereotype.load_model("models:/tiny-model@champion", tracking_uri=uri), pairs)
    by_version = stereotype.score_pairs(*stereotype.load_model(f"models:/tiny-model/{mv.version}"), pairs)  # env URI
    assert by_alias == by_version
    assert by_alias["overall"]["n"] == plain["overall"]["n"]

    from pipelines.core.errors import RegistryError

    with pytest.raises(RegistryError, match="no alias 'nope'"):
        stereotype.load_model("models:/tiny-model@nope", tracking_uri=uri)
    with pytest.raises(RegistryError, match="version 99 not found"):
        stereotype.load_model("models:/tiny-model/99", tracking_uri=uri)
    assert not math.isnan(by_alias["overall"]["pct_stereotype"])


def test_cli_scan_pairs_prints_and_writes_json(tiny_dir, shipped, tmp_path):
    from click.testing import CliRunner

    from pipelines.cli import main

    out = tmp_path / "scan.json"
    res = CliRunner().invoke(main, ["scan", "pairs", str(shipped), "--model", str(tiny_dir), "--output", str(out)])
    assert res.exit_code == 0, res.output
    printed = json.loads(res.output)
    assert printed == json.loads(out.read_text())
    assert set(printed["overall"]) >= {"pct_stereotype", "n"} and printed["overall"]["n"] == len(_rows(shipped))
    bad = tmp_path / "bad.csv"
    bad.write_text("sent_more,sent_less\na,b\n")
    res = CliRunner().invoke(main, ["scan", "pairs", str(bad), "--model", str(tiny_dir)])
    assert res.exit_code == 3 and "bad.csv" in res.output
