"""load_suite: includes, cycles, every failure reported with file and key, digests; the shipped suites."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pipelines.evalsuite import (
    SplitSource,
    SuiteError,
    check_thresholds,
    discover,
    load_suite,
    prompts,
    references,
    score,
    suite_digest,
)

ROOT = Path(__file__).resolve().parents[2]
RECORDS = [
    {"id": "a", "question": "What is 2+2?", "answer": "4", "note": "Two plus two is 4."},
    {"id": "b", "question": "Capital of France?", "answer": "Paris", "note": "Paris is in France."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_suite(path: Path, **keys) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(keys, sort_keys=False), encoding="utf-8")
    return path


def base(**over) -> dict:
    keys = {
        "task": "qa", "version": 1, "dataset": "data/qa.jsonl", "prompt_template": "Q: {question}\nA:",
        "target": "answer", "output_type": "generate",
        "metrics": ["exact_match", {"groundedness": {"source": "note"}}], "thresholds": {"exact_match": {"min": 0.5}},
    }
    keys.update(over)
    return {k: v for k, v in keys.items() if v is not None}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write_jsonl(tmp_path / "data/qa.jsonl", RECORDS)
    return tmp_path


def problems(path: Path, root: Path, **kw) -> list[str]:
    with pytest.raises(SuiteError) as e:
        load_suite(path, root=root, **kw)
    return [str(p) for p in e.value.suite_problems]


def test_a_valid_suite_loads_and_scores(root):
    s = load_suite(write_suite(root / "suites/qa.yaml", **base()), root=root)
    assert (s.task, s.version, len(s.records)) == ("qa", 1, 2)
    assert prompts(s) == ["Q: What is 2+2?\nA:", "Q: Capital of France?\nA:"]
    assert references(s) == ["4", "Paris"]
    results = score(s, ["4", "It is London"])
    assert results["exact_match"].per_item == [1.0, 0.0]
    assert results["groundedness"].per_item == [1.0, 0.0]
    [check] = check_thresholds(s, results)
    assert (check.metric, check.value, check.passed) == ("exact_match", 0.5, True)
    assert check_thresholds(s, {})[0].passed is False  # a missing result fails closed
    prov = s.provenance()
    assert prov["dataset"]["md5"] and prov["suite_digest"] == suite_digest(s) and prov["n_items"] == 2


def test_all_problems_are_reported_at_once_with_file_and_key(root):
    path = write_suite(root / "suites/bad.yaml", **base(
        dataset="data/qa.jsonl",
        prompt_template="Q: {questoin}",
        target="answr",
        output_type="generation",
        metrics=["exact_match", "rouge", {"groundedness": {"source": "nots"}}],
        thresholds={"exact_mach": {"min": 1}},
    ))
    found = problems(path, root)
    f = path.as_posix()
    expected = [
        "output_type: expected 'generate', 'loglikelihood' or 'multiple_choice'",
        "metrics.1: unknown metric 'rouge'; did you mean 'rouge_l'?",
        "thresholds.exact_mach: unknown metric 'exact_mach'; did you mean 'exact_match'?",
        "prompt_template: template references {questoin}, but field 'questoin' is not in the dataset data/qa.jsonl; "
        "did you mean 'question'?",
        "target: target column: field 'answr' is not in the dataset data/qa.jsonl; did you mean 'answer'?",
        "metrics.2.groundedness.source: field 'nots' is not in the dataset data/qa.jsonl; did you mean 'note'?",
    ]
    for want in expected:
        assert any(p.startswith(f"{f}: {want}") for p in found), (want, found)
    assert len(found) == len(expected), found


@pytest.mark.parametrize(
    "over, key, message",
    [
        ({"dataset": "data/missing.jsonl"}, "dataset", "dataset file not found: data/missing.jsonl"),
        ({"metrics": ["exact_macth"]}, "metrics.0", "unknown metric 'exact_macth'; did you mean 'exact_match'?"),
        ({"prompt_template": "{question} {context}"}, "prompt_template", "template references {context}"),
        ({"prompt_template": "{0}"}, "prompt_template", "not a plain field name"),
        ({"prompt_template": "{question"}, "prompt_template", "invalid template"),
        ({"target": "label"}, "target", "target column: field 'label' is not in the dataset"),
        ({"output_type": "classify"}, "output_type", "expected 'generate', 'loglikelihood' or 'multiple_choice'"),
        ({"version": 0}, "version", "expected a value ≥ 1"),
        ({"version": None}, "version", "field required"),
        ({"metricz": ["bleu"]}, "metricz", "unknown key; did you mean 'metrics'?"),
        ({"metrics": []}, "metrics", "expected at least 1 item(s)"),
        ({"metrics": [{"a": 1, "b": 2}]}, "metrics.0", "expected a metric name, or a one-key mapping"),
        ({"metrics": ["exact_match", "exact_match"]}, "metrics.1", "listed twice"),
        ({"metrics": [{"json_valid": {}}]}, "metrics.0.json_valid.schema", "field required"),
        ({"metrics": [{"json_valid": {"schema": {"type": 5}}}]}, "metrics.0.json_valid.schema", "not a valid JSON Schema"),
        ({"metrics": [{"rouge_l": {"use_stemer": True}}]}, "metrics.0.rouge_l.use_stemer", "unknown key; did you mean 'use_stemmer'?"),
        ({"metrics": ["perplexity"]}, "metrics.0", "does not apply to output_type 'generate'"),
        ({"thresholds": {"exact_match": {}}}, "thresholds.exact_match", "give min, max or both"),
        ({"thresholds": {"exact_match": {"min": 2, "max": 1}}}, "thresholds.exact_match", "min (2.0) is above max (1.0)"),
        ({"target": None}, "target", "required for output_type 'generate'"),
        ({"thresholds": {"bleu": {"min": 1}}}, "thresholds.bleu", "metric 'bleu' has a threshold but is not in this suite's metrics"),
        ({"choices": "options"}, "choices", "only for output_type 'multiple_choice'"),
        ({"dataset": "pipeline:eval_splt"}, "dataset", "unknown keyword 'pipeline:eval_splt'; did you mean 'pipeline:eval_split'?"),
        ({"dataset": "/abs/qa.jsonl"}, "dataset", "expected a path relative to the repository root"),
    ],
)
def test_each_failure_names_file_and_key(root, over, key, message):
    path = write_suite(root / "suites/qa.yaml", **base(**over))
    found = problems(path, root)
    assert any(p.startswith(f"{path.as_posix()}: {key}: ") and message in p for p in found), found


def test_direction_follows_the_threshold(root):
    s = load_suite(write_suite(root / "suites/qa.yaml", **base(thresholds={"exact_match": {"max": 0.1}})), root=root)
    assert s.higher_is_better("exact_match") is False  # a ceiling: lower is better here
    assert s.higher_is_better("groundedness") is True  # no threshold: the metric's own direction


def test_dataset_content_failures(root):
    (root / "data/empty.jsonl").write_text("\n", encoding="utf-8")
    write_jsonl(root / "data/partial.jsonl", [RECORDS[0], {"id": "c", "question": "q", "note": ""}])
    (root / "data/broken.jsonl").write_text('{"a": 1}\nnot json\n[1]\n', encoding="utf-8")
    (root / "data/latin1.jsonl").write_bytes('{"a": "caf\xe9"}\n'.encode("latin-1"))
    cases = {
        "data/empty.jsonl": "empty dataset: data/empty.jsonl has no records",
        "data/partial.jsonl": "field 'answer' is missing in 1 of 2 records of data/partial.jsonl (first: line 2)",
        "data/broken.jsonl": "line 2: invalid JSON",
        "data/latin1.jsonl": "not valid UTF-8",
    }
    for dataset, message in cases.items():
        path = write_suite(root / "suites/qa.yaml", **base(dataset=dataset))
        found = problems(path, root)
        assert any(message in p for p in found), (dataset, found)
    path = write_suite(root / "suites/qa.yaml", **base(dataset="data/broken.jsonl"))
    assert any("line 3: expected a JSON object, got list" in p for p in problems(path, root))


def test_the_error_message_heads_with_the_suite_and_lists_each_problem(root):
    path = write_suite(root / "suites/qa.yaml", **base(metrics=["rouge"], target="answr", thresholds={}))
    with pytest.raises(SuiteError) as e:
        load_suite(path, root=root)
    text = str(e.value)
    assert text.startswith(f"{path.as_posix()}: 2 error(s)")
    assert "metrics.0: unknown metric 'rouge'" in text and "target: target column" in text
    assert e.value.exit_code == 2  # a ConfigError, translated once by the CLI


def test_yaml_and_root_problems(root):
    bad = root / "suites/broken.yaml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("task: [unclosed\n", encoding="utf-8")
    assert "invalid YAML" in problems(bad, root)[0]
    bad.write_text("- a list\n", encoding="utf-8")
    assert "<root>: expected a mapping" in problems(bad, root)[0]
    assert "<file>: file not found" in problems(root / "suites/nope.yaml", root)[0]


def test_include_inherits_and_overrides(root):
    write_suite(root / "suites/_base.yaml", output_type="generate", target="answer", generation={"max_new_tokens": 8},
                metrics=["exact_match"])
    path = write_suite(root / "suites/child.yaml", include="_base.yaml", task="child", version=3,
                       dataset="data/qa.jsonl", prompt_template="{question}", generation={"max_new_tokens": 16})
    s = load_suite(path, root=root)
    assert s.spec.output_type == "generate" and s.spec.target == "answer"
    assert s.spec.generation.max_new_tokens == 16
    assert [f.name for f in s.files] == ["child.yaml", "_base.yaml"]
    assert discover(root / "suites") == [path]


def test_problems_in_an_included_file_name_that_file(root):
    basefile = write_suite(root / "suites/_base.yaml", output_type="generate", target="answer", metrics=["blue"])
    path = write_suite(root / "suites/child.yaml", include="_base.yaml", task="child", version=1,
                       dataset="data/qa.jsonl", prompt_template="{question}")
    found = problems(path, root)
    assert found == [f"{basefile.as_posix()}: metrics.0: unknown metric 'blue'; did you mean 'bleu'?"]


def test_include_cycles_and_missing_includes(root):
    a = write_suite(root / "suites/a.yaml", include="b.yaml", **base())
    write_suite(root / "suites/b.yaml", include="c.yaml")
    write_suite(root / "suites/c.yaml", include="a.yaml")
    [p] = problems(a, root)
    assert p.endswith("include: include cycle: "
                      f"{(root / 'suites/a.yaml').as_posix()} -> {(root / 'suites/b.yaml').as_posix()} -> "
                      f"{(root / 'suites/c.yaml').as_posix()} -> {(root / 'suites/a.yaml').as_posix()}")
    assert p.startswith(f"{(root / 'suites/c.yaml').as_posix()}: ")
    selfref = write_suite(root / "suites/self.yaml", include="self.yaml", **base())
    assert "include cycle" in problems(selfref, root)[0]
    missing = write_suite(root / "suites/m.yaml", include="nowhere.yaml", **base())
    assert problems(missing, root) == [f"{missing.as_posix()}: include: included file not found: "
                                       f"{(root / 'suites/nowhere.yaml').as_posix()}"]


def test_multiple_choice(root):
    write_jsonl(root / "data/mc.jsonl", [
        {"q": "2+2?", "options": ["3", "4"], "label": 1},
        {"q": "Sky?", "options": ["blue", "green"], "label": "blue"},
    ])
    keys = base(dataset="data/mc.jsonl", prompt_template="{q}", target=None, output_type="multiple_choice",
                choices="options", gold="label", metrics=["accuracy"], thresholds={})
    s = load_suite(write_suite(root / "suites/mc.yaml", **keys), root=root)
    assert references(s) == [1, "blue"]
    assert score(s, [1, "green"])["accuracy"].per_item == [1.0, 0.0]
    write_jsonl(root / "data/mc.jsonl", [{"q": "2+2?", "options": ["3", "4"], "label": 7}])
    assert any("gold: field 'label' must be an index" in p for p in problems(root / "suites/mc.yaml", root))
    path = write_suite(root / "suites/mc2.yaml", **{**keys, "gold": None})
    assert any("gold: required for output_type 'multiple_choice'" in p for p in problems(path, root))


def test_pipeline_eval_split(root):
    write_jsonl(root / "data/anonymized/records.jsonl", [
        {"id": "1", "split": "train", "instruction": "A", "response": "a"},
        {"id": "2", "split": "eval", "instruction": "B", "response": "b"},
    ])
    keys = base(dataset="pipeline:eval_split", prompt_template="{instruction}", target="response", metrics=["rouge_l"],
                thresholds={})
    path = write_suite(root / "suites/p.yaml", **keys)
    split = SplitSource("data/anonymized/records.jsonl")
    s = load_suite(path, root=root, eval_split=split)
    assert [r["id"] for r in s.records] == ["2"]
    assert s.dataset.split == "eval"
    assert "needs the pipeline's eval split" in problems(path, root)[0]
    assert "run the anonymize stage first" in problems(path, root, eval_split=SplitSource("data/none.jsonl"))[0]
    assert "no records with split == 'test'" in problems(path, root, eval_split=SplitSource(split.path, split="test"))[0]


def test_split_source_from_the_pipeline_config():
    from pipelines.core.config import parse_config

    cfg = parse_config({"data": {"eval_split": "heldout"}, "anonymize": {"output": "data/anon/r.jsonl"}})
    src = SplitSource.from_config(cfg)
    assert (src.path, src.split_field, src.split) == ("data/anon/r.jsonl", "split", "heldout")


def test_digest_changes_with_the_dataset_and_the_suite(root):
    path = write_suite(root / "suites/qa.yaml", **base())
    d0 = suite_digest(load_suite(path, root=root))
    assert suite_digest(load_suite(path, root=root)) == d0  # stable
    write_jsonl(root / "data/qa.jsonl", [*RECORDS, {"question": "q", "answer": "a", "note": ""}])
    d1 = suite_digest(load_suite(path, root=root))
    assert d1 != d0
    write_suite(path, **base(version=2))
    assert suite_digest(load_suite(path, root=root)) != d1
    # writing a default argument out does not change what the suite means
    write_suite(path, **base(version=2, metrics=[{"exact_match": {"ignore_case": True}}, {"groundedness": {"source": "note"}}]))
    d2 = suite_digest(load_suite(path, root=root))
    write_suite(path, **base(version=2))
    assert suite_digest(load_suite(path, root=root)) == d2


# --- the suites this repository ships ---------------------------------------------


def test_shipped_suites_are_discovered_and_valid(tmp_path):
    paths = discover(ROOT / "configs/eval")
    assert {p.name for p in paths} == {"summarization.yaml", "structured_output.yaml", "refusals.yaml",
                                       "heldout_perplexity.yaml", "triage_choice.yaml"}
    write_jsonl(tmp_path / "records.jsonl", [
        {"id": "1", "split": "eval", "instruction": "Summarize: Mr. Jones, 44, BP 120/80.", "response": "Jones, 44, BP 120/80."},
    ])
    split = SplitSource(str(tmp_path / "records.jsonl"))
    suites = {p.stem: load_suite(p, root=ROOT, eval_split=split) for p in paths}
    assert {s.spec.output_type for s in suites.values()} == {"generate", "loglikelihood", "multiple_choice"}
    for s in suites.values():
        assert s.version == 1 and s.spec.thresholds
        if s.spec.output_type == "generate":
            assert s.files[-1].name == "_generate.yaml"  # the generation suites share their defaults
    assert suites["triage_choice"].records and suites["heldout_perplexity"].spec.margins == {"perplexity": 1.0}
    assert suites["summarization"].spec.metric_names == ["rouge_l", "exact_match", "bleu", "chrf", "groundedness"]
    assert suites["summarization"].spec.generation.max_new_tokens == 40


def test_shipped_structured_output_and_refusals_score_their_references():
    structured = load_suite(ROOT / "configs/eval/structured_output.yaml", root=ROOT)
    assert score(structured, references(structured))["json_valid"].value == 1.0
    assert score(structured, ["not json"] * len(structured.records))["json_valid"].value == 0.0
    refusals = load_suite(ROOT / "configs/eval/refusals.yaml", root=ROOT)
    assert len(refusals.records) >= 10
    assert score(refusals, references(refusals))["refusal_rate"].value == 1.0
    compliant = ["Sure, here is what you asked for."] * len(refusals.records)
    assert check_thresholds(refusals, score(refusals, compliant))[0].passed is False
