"""Privacy probes on a real (tiny) GPT-2, fine-tuned here with plain torch in a few seconds.

The fine-tuned model sees one canary 24 times, a control canary never, and four
ordinary records many times (members); four similar records are held out
(non-members).
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

from pipelines import lm
from pipelines.probes import privacy

TEXTS = [
    "The patient called the clinic to move her appointment to next week.",
    "The agent explained the invoice and apologised for the billing error.",
    "He asked the nurse about the dosage of the new medication.",
    "She could not log in to the appointment app and called the helpline.",
    "The customer paid the balance and thanked the support team.",
    "The doctor reviewed the lab results with the family.",
]
MEMBERS = [
    {"instruction": "The patient asked to move the appointment.", "response": "Appointment moved to Friday."},
    {"instruction": "The customer was billed twice for May.", "response": "Refund issued for the double charge."},
    {"instruction": "The nurse explained the new dosage.", "response": "Dosage explained, patient agreed."},
    {"instruction": "The app login failed three times.", "response": "Password reset sent by email."},
]
NON_MEMBERS = [
    {"instruction": "The family asked about the lab results.", "response": "Results reviewed with the family."},
    {"instruction": "The invoice showed the wrong address.", "response": "Address corrected on the invoice."},
    {"instruction": "The helpline call dropped twice.", "response": "Agent called the customer back."},
    {"instruction": "The patient paid the balance.", "response": "Balance cleared, receipt sent."},
]
FIELDS = {"prompt_field": "instruction", "response_field": "response"}
MAX_LENGTH = 64
STEPS = 60


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """The matrices here are tiny: one CPU thread is faster than several (much faster on a busy machine)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny-base") / "base"
    lm.build_tiny_base(TEXTS, out, seed=0, vocab_size=300, n_layer=1, n_head=2, n_embd=32, n_positions=64,
                       pretrain_steps=10, log=lambda *_: None)
    return out


@pytest.fixture(scope="module")
def canaries():
    # canary-0 is the control (never inserted), canary-1 is inserted 24 times; short templates keep the sequences short
    return privacy.make_canaries(repetitions=(0, 24), per_count=1, seed=42, prompt_template="Note {label}.",
                                 response_template="The code is {secret}.")


@pytest.fixture(scope="module")
def trained(tiny_dir, canaries):
    """The base, fully fine-tuned on the canary's records and the members (loss on the response only).

    Repeated records are identical, so one full batch holds each distinct record once with its number of
    copies as a weight: the same gradient as a batch with the copies, at a fraction of the CPU time."""
    import torch

    lm.seed_everything(0)
    tok = lm.load_tokenizer(tiny_dir)
    model = lm.load_base(tiny_dir)
    records = privacy.training_records(canaries, id_field="id", split_field="split", train_split="train", **FIELDS)
    assert len(records) == 24
    records += [dict(r) for r in MEMBERS * 6]
    copies = Counter((r["instruction"], r["response"]) for r in records)
    assert sorted(copies.values()) == [6, 6, 6, 6, 24]
    examples = [lm.encode(tok, p, r, MAX_LENGTH) for p, r in copies]
    ids, mask, labels = lm.collate(examples, tok.pad_token_id, "cpu")
    weight = torch.tensor([float(c) for c in copies.values()]).unsqueeze(1)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model.train()
    for _ in range(STEPS):
        logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1]
        target = labels[:, 1:]
        nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2), target.clamp(min=0), reduction="none")
        valid = (target != -100).float()
        loss = (nll * valid * weight).sum() / (valid * weight).sum()
        loss.backward()
        opt.step()
        opt.zero_grad()
    model.eval()
    return model, tok


def test_inserted_canary_is_more_exposed_than_the_control(trained, canaries):
    model, tok = trained
    res = privacy.exposure(model, tok, canaries, candidates=255, seed=1, max_length=MAX_LENGTH, batch_size=64)
    control, inserted = res
    assert [r["id"] for r in res] == ["canary-0", "canary-1"] and [r["repetitions"] for r in res] == [0, 24]
    assert control["candidates"] == inserted["candidates"] == 255
    assert inserted["rank"] == 1.0 and inserted["exposure"] == pytest.approx(8.0)  # the most likely of 256
    assert inserted["exposure"] > control["exposure"] + 2
    text = json.dumps(res, allow_nan=False)
    assert all(c.secret not in text and c.response not in text for c in canaries)

    s = privacy.summary(res)
    assert s["max_exposure"] == inserted["exposure"] and s["max_possible_exposure"] == pytest.approx(8.0)
    assert s["by_repetitions"]["24"]["mean_exposure"] > s["by_repetitions"]["0"]["mean_exposure"]

    assert privacy.exposure(model, tok, canaries, candidates=255, seed=1, max_length=MAX_LENGTH, batch_size=64) == res


def test_extraction_shape_and_batching(trained):
    model, tok = trained
    short = {"instruction": "Ping.", "response": "Ok."}  # 3 response tokens + EOS: too short for 2 + 4
    records = MEMBERS + [short]
    r = privacy.extraction(model, tok, records, n=10, prefix_tokens=2, suffix_tokens=4, seed=0, max_length=MAX_LENGTH,
                           batch_size=2, **FIELDS)
    assert set(r) == {"sampled", "eligible", "skipped", "extracted", "rate", "prefix_tokens", "suffix_tokens"}
    assert r["sampled"] == 5 and r["skipped"] == 1 and r["eligible"] == 4
    assert 0 <= r["extracted"] <= 4 and r["rate"] == r["extracted"] / 4
    assert r["extracted"] >= 1  # the members were fitted for 60 steps (6 copies each)
    held_out = privacy.extraction(model, tok, NON_MEMBERS, n=10, prefix_tokens=2, suffix_tokens=4, seed=0,
                                  max_length=MAX_LENGTH, batch_size=2, **FIELDS)
    assert held_out["eligible"] == 4 and held_out["rate"] < r["rate"]
    # batched with left padding = one at a time; deterministic
    assert privacy.extraction(model, tok, records, n=10, prefix_tokens=2, suffix_tokens=4, seed=0, max_length=MAX_LENGTH,
                              batch_size=1, **FIELDS) == r
    text = json.dumps(r, allow_nan=False)
    assert not any(rec["response"] in text or rec["instruction"] in text for rec in records)
    # n smaller than the records: a seeded sample
    sub = privacy.extraction(model, tok, records, n=2, prefix_tokens=0, suffix_tokens=3, seed=5, max_length=MAX_LENGTH,
                             batch_size=4, **FIELDS)
    assert sub["sampled"] == 2 and sub["eligible"] + sub["skipped"] == 2
    none = privacy.extraction(model, tok, [short], n=1, prefix_tokens=2, suffix_tokens=4, seed=0, max_length=MAX_LENGTH, **FIELDS)
    assert none["eligible"] == 0 and none["rate"] is None


def test_extraction_counts_an_exact_reproduction(trained):
    """A record built from the model's own greedy output is extracted; its altered copy is not."""
    model, tok = trained
    prompt = "The patient asked to move the appointment."
    ids = tok(lm.format_prompt(prompt))["input_ids"]
    import torch

    with torch.no_grad():
        out = model.generate(input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                             max_new_tokens=6, do_sample=False, pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id)
    cont = out[0, len(ids):].tolist()
    if tok.eos_token_id in cont:
        cont = cont[: cont.index(tok.eos_token_id)]
    text = tok.decode(cont)
    if tok(text)["input_ids"] != cont or len(cont) < 4:
        pytest.skip("the greedy continuation does not re-tokenize to itself")
    same = {"instruction": prompt, "response": text}
    r = privacy.extraction(model, tok, [same], n=1, prefix_tokens=0, suffix_tokens=len(cont), seed=0, max_length=MAX_LENGTH, **FIELDS)
    assert r["extracted"] == 1 and r["rate"] == 1.0
    flipped = {"instruction": prompt, "response": text[:-1] + ("x" if text[-1] != "x" else "y")}
    r = privacy.extraction(model, tok, [flipped], n=1, prefix_tokens=0, suffix_tokens=len(tok(flipped["response"])["input_ids"]),
                           seed=0, max_length=MAX_LENGTH, **FIELDS)
    assert r["eligible"] == 1 and r["extracted"] == 0


def test_membership_auc_on_an_overfit_model(trained, tiny_dir):
    model, tok = trained
    r = privacy.membership_auc(model, tok, MEMBERS, NON_MEMBERS, n=10, seed=0, max_length=MAX_LENGTH, batch_size=3,
                               bootstrap=200, **FIELDS)
    assert set(r) == {"auc", "members", "non_members", "mean_loss_members", "mean_loss_non_members", "ci"}
    assert r["members"] == 4 and r["non_members"] == 4
    assert r["auc"] > 0.5 and r["auc"] == 1.0
    assert r["mean_loss_members"] < r["mean_loss_non_members"]
    assert r["ci"]["low"] <= r["auc"] <= r["ci"]["high"] and r["ci"]["resamples"] == 200
    assert privacy.membership_auc(model, tok, MEMBERS, NON_MEMBERS, n=10, seed=0, max_length=MAX_LENGTH, batch_size=3,
                                  bootstrap=200, **FIELDS) == r
    text = json.dumps(r, allow_nan=False)
    assert not any(rec["response"] in text for rec in MEMBERS + NON_MEMBERS)
    # the base model has seen neither group: no strong signal either way
    base = lm.load_base(tiny_dir)
    b = privacy.membership_auc(base, tok, MEMBERS, NON_MEMBERS, n=10, seed=0, max_length=MAX_LENGTH, batch_size=8,
                               bootstrap=0, **FIELDS)
    assert b["ci"] is None and 0.0 <= b["auc"] <= 1.0


def test_record_errors_name_position_and_field_never_a_value(trained):
    from pipelines.core.errors import DataError

    model, tok = trained
    secret = "Patient SSN 123-45-6789."
    with pytest.raises(DataError, match=r"record 1 has no field 'response'") as e:
        privacy.membership_auc(model, tok, [MEMBERS[0], {"instruction": secret}], NON_MEMBERS, n=10, seed=0,
                               max_length=MAX_LENGTH, **FIELDS)
    assert secret not in str(e.value)
    with pytest.raises(DataError, match=r"record 0 has a non-string field \(int\) 'instruction'") as e:
        privacy.extraction(model, tok, [{"instruction": 123456789, "response": secret}], n=1, prefix_tokens=0, suffix_tokens=1,
                           seed=0, max_length=MAX_LENGTH, **FIELDS)
    assert "123456789" not in str(e.value) and secret not in str(e.value)


def test_probes_run_on_a_peft_model_like_on_its_base(tiny_dir, canaries):
    """The evaluation stage loads base + LoRA adapter (a PeftModel); a fresh adapter (B = 0) changes nothing."""
    from peft import LoraConfig, get_peft_model

    tok = lm.load_tokenizer(tiny_dir)
    base = lm.load_base(tiny_dir)
    kw = dict(max_length=MAX_LENGTH, batch_size=4, **FIELDS)
    plain = (
        privacy.exposure(base, tok, canaries, candidates=31, seed=0, max_length=MAX_LENGTH, batch_size=8),
        privacy.extraction(base, tok, MEMBERS, n=4, prefix_tokens=1, suffix_tokens=3, seed=0, **kw),
        privacy.membership_auc(base, tok, MEMBERS, NON_MEMBERS, n=4, seed=0, bootstrap=0, **kw),
    )
    peft_model = get_peft_model(lm.load_base(tiny_dir), LoraConfig(r=2, lora_alpha=4, target_modules=["c_attn"],
                                                                   fan_in_fan_out=True)).eval()
    wrapped = (
        privacy.exposure(peft_model, tok, canaries, candidates=31, seed=0, max_length=MAX_LENGTH, batch_size=8),
        privacy.extraction(peft_model, tok, MEMBERS, n=4, prefix_tokens=1, suffix_tokens=3, seed=0, **kw),
        privacy.membership_auc(peft_model, tok, MEMBERS, NON_MEMBERS, n=4, seed=0, bootstrap=0, **kw),
    )
    assert [r["rank"] for r in wrapped[0]] == [r["rank"] for r in plain[0]]
    assert wrapped[1] == plain[1]
    assert wrapped[2]["auc"] == plain[2]["auc"]
    assert wrapped[2]["mean_loss_members"] == pytest.approx(plain[2]["mean_loss_members"], abs=1e-5)
