"""Stage ``validate``: a Great Expectations suite on the anonymized records.

Required columns present, no nulls, unique ids, the row count equal to the raw
input's, no residual email / phone / ID patterns, text lengths within bounds.
Any failed expectation fails the stage; the GX result summary goes into the
evidence.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import StageFailed
from pipelines.core.fileio import read_jsonl, remove_outputs
from pipelines.core.stage import StageSpec, progress, resolve

SPEC = StageSpec(
    name="validate",
    params=("data", "validate"),
    code=("stages/validate.py", "pipelines/pii"),
    inputs=lambda c: {"raw": c.data.raw, "anonymized": c.anonymize.output},
    outputs=lambda c: {},
    evidence=lambda c: c.validate_.evidence,
)


def build_suite(cfg: PipelineConfig, expected_rows: int):
    """The expectations, as data: a list of GX expectation objects."""
    import great_expectations.expectations as gxe

    from pipelines.pii import RESIDUAL_PATTERNS

    d, v = cfg.data, cfg.validate_
    exps: list[Any] = [
        gxe.ExpectTableColumnsToMatchSet(column_set=list(d.required_fields), exact_match=True),
        gxe.ExpectTableRowCountToEqual(value=expected_rows),
        gxe.ExpectColumnValuesToBeUnique(column=d.id_field),
        gxe.ExpectColumnValuesToBeInSet(column=d.split_field, value_set=[d.train_split, d.eval_split]),
    ]
    for col in d.required_fields:
        exps.append(gxe.ExpectColumnValuesToNotBeNull(column=col))
    exps.append(gxe.ExpectColumnValueLengthsToBeBetween(column=d.prompt_field, min_value=v.min_chars, max_value=v.max_chars))
    exps.append(gxe.ExpectColumnValueLengthsToBeBetween(column=d.response_field, min_value=1, max_value=v.max_response_chars))
    for col in d.text_fields:
        for kind, pattern in sorted(RESIDUAL_PATTERNS.items()):
            exps.append(gxe.ExpectColumnValuesToNotMatchRegex(column=col, regex=pattern, meta={"residual": kind}))
    return exps


def validate_frame(df, cfg: PipelineConfig, expected_rows: int) -> tuple[bool, list[dict[str, Any]]]:
    """Run the suite on a DataFrame; return success and one summary row per expectation."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    ctx = gx.get_context(mode="ephemeral")
    batch_def = ctx.data_sources.add_pandas("anonymized").add_dataframe_asset("records").add_batch_definition_whole_dataframe("all")
    suite = ctx.suites.add(gx.ExpectationSuite(name="anonymized_records"))
    for e in build_suite(cfg, expected_rows):
        suite.add_expectation(e)
    result = batch_def.get_batch(batch_parameters={"dataframe": df}).validate(suite)
    rows = []
    for r in result.results:
        cfg_ = r.expectation_config
        res = r.result or {}
        rows.append(
            {
                "expectation": cfg_.type,
                "column": cfg_.kwargs.get("column"),
                "residual": (cfg_.meta or {}).get("residual"),
                "success": bool(r.success),
                "unexpected_count": res.get("unexpected_count"),
                "observed_value": res.get("observed_value") if not isinstance(res.get("observed_value"), (list, dict)) else None,
            }
        )
    return bool(result.success), rows


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    import pandas as pd

    started = ev.now_utc()
    evidence_path = resolve(root, cfg.validate_.evidence)
    remove_outputs(evidence_path)
    raw = read_jsonl(resolve(root, cfg.data.raw), required=cfg.data.required_fields)
    rows = read_jsonl(resolve(root, cfg.anonymize.output))
    df = pd.DataFrame.from_records(rows)
    progress("validate", f"running the Great Expectations suite on {len(df)} anonymized records")
    success, summary = validate_frame(df, cfg, expected_rows=len(raw))
    checks = []
    for s in summary:
        name = s["expectation"] + (f".{s['column']}" if s["column"] else "") + (f".{s['residual']}" if s["residual"] else "")
        checks.append(ev.Check(name, bool(s["success"]), "==", True))
    record = ev.build(
        "validate", checks, SPEC.inputs(cfg), SPEC.outputs(cfg), SPEC.config_digest(cfg), root, started,
        details={"great_expectations": {"success": success, "evaluated": len(summary),
                                        "failed": sum(not s["success"] for s in summary), "results": summary}},
    )
    ev.write(evidence_path, record)
    progress("validate", f"{len(summary) - record.details['great_expectations']['failed']}/{len(summary)} expectations met")
    if not record.passed:
        raise StageFailed("validate: failed expectations: " + "; ".join(c["name"] for c in record.checks if not c["passed"]) + f" (see {cfg.validate_.evidence})")
    return record
