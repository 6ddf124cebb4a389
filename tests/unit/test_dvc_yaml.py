"""dvc.yaml and the stages' SPECs agree: the same cmd, deps, params, outs,
metrics and plots, and the chain order of the candidate pipeline."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from pipelines.cli import STAGE_MODULES
from pipelines.core.config import STAGES, load_config

ROOT = Path(__file__).resolve().parents[2]


def expected_stage(name: str, cfg) -> dict:
    spec = importlib.import_module(STAGE_MODULES[name]).SPEC
    st = {
        "cmd": f"release-gate stage {name}",
        "deps": list(spec.code) + list(dict.fromkeys(spec.inputs(cfg).values())),
        "params": [{"configs/pipeline.yaml": list(spec.params)}],
    }
    outs = [p if p not in spec.uncached(cfg) else {p: {"cache": False}} for p in spec.outputs(cfg).values()]
    if outs:
        st["outs"] = outs
    st["metrics"] = [{p: {"cache": False}} for p in [*spec.metrics(cfg).values(), spec.evidence(cfg)]]
    if spec.plots(cfg):
        st["plots"] = [{p: {"cache": False} if p.endswith(".png") else {"cache": False, "x": "step", "y": "loss"}}
                       for p in spec.plots(cfg).values()]
    return st


@pytest.fixture(scope="module")
def dvc_yaml():
    return yaml.safe_load((ROOT / "dvc.yaml").read_text())


@pytest.fixture(scope="module")
def cfg():
    return load_config(ROOT / "configs/pipeline.yaml")


def test_stage_order(dvc_yaml):
    assert tuple(dvc_yaml["stages"]) == STAGES


@pytest.mark.parametrize("name", STAGES)
def test_stage_matches_spec(name, dvc_yaml, cfg):
    assert dvc_yaml["stages"][name] == expected_stage(name, cfg)


@pytest.mark.parametrize("name", STAGES)
def test_code_deps_exist_and_params_resolve(name, dvc_yaml, cfg):
    spec = importlib.import_module(STAGE_MODULES[name]).SPEC
    for path in spec.code:
        assert (ROOT / path).exists(), path
    for key in spec.params:
        cfg.section(key)  # raises KeyError on a key that is not in the config


def test_each_output_has_one_producer_and_inputs_come_first(dvc_yaml, cfg):
    produced: dict[str, str] = {}
    for name in STAGES:
        spec = importlib.import_module(STAGE_MODULES[name]).SPEC
        for p in spec.inputs(cfg).values():
            assert p in produced or (ROOT / p).exists(), f"{name} reads {p}, which no earlier stage writes"
        for p in spec.all_outputs(cfg):
            assert p not in produced, f"{p} written by {produced[p]} and {name}"
            produced[p] = name


if __name__ == "__main__":  # `python tests/unit/test_dvc_yaml.py`: rewrite dvc.yaml from the SPECs
    cfg = load_config(ROOT / "configs/pipeline.yaml")
    header = ("# The candidate pipeline. Each stage's cmd calls the CLI; deps are its code and inputs,\n"
              "# params the keys of configs/pipeline.yaml it reads. tests/unit/test_dvc_yaml.py checks that\n"
              "# this file and each stage's SPEC (in stages/) agree; run it as a script to rewrite this file.\n")
    body = yaml.safe_dump({"stages": {n: expected_stage(n, cfg) for n in STAGES}}, sort_keys=False, width=120)
    (ROOT / "dvc.yaml").write_text(header + body)
