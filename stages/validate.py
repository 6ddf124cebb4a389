"""Stage ``validate``: a Great Expectations suite on the anonymized records.

Required columns present, no nulls, unique ids, the row count equal to the raw
input's, no residual email / phone / ID patterns, text lengths within bounds.
Any failed expectation fails the stage; the GX result summary goes into the
evidence.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import StageFailed
from pipelines.core.fileio import atomic_path, read_jsonl, remove_outputs
from pipelines.core.stage import StageSpec, progress, resolve

SPEC = StageSpec(
    name="validate",
    params=("data", "validate"),
    code=("stages/validate.py", "pipelines/pii"),
    inputs=lambda c: {"raw": c.data.raw, "anonymized": c.anonymize.output},
    outputs=lambda c: {"data_docs": c.validate_.data_docs},
    evidence=lambda c: c.validate_.evidence,
)
REPLACED_SHARE = "replaced_share"
_WORD = re.compile(r"\w+")


def replaced_share(raw_text: str, anon_text: str) -> float:
    """The share of the anonymized text's words that are not in the raw text:
    what the surrogates took over, as a measure of how much context is left."""
    words = _WORD.findall(anon_text)
    if not words:
        return 0.0
    raw = set(_WORD.findall(raw_text))
    return sum(w not in raw for w in words) / len(words)


def build_suite(cfg: PipelineConfig, expected_rows: int):
    """The expectations, as data: a list of GX expectation objects."""
    import great_expectations.expectations as gxe

    from pipelines.pii import RESIDUAL_PATTERNS

    d, v = cfg.data, cfg.validate_
    exps: list[Any] = [
        gxe.ExpectTableColumnsToMatchSet(column_set=[*d.required_fields, REPLACED_SHARE], exact_match=True),
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
    exps.append(gxe.ExpectColumnMeanToBeBetween(column=REPLACED_SHARE, min_value=v.min_mean_replaced_share, max_value=v.max_mean_replaced_share))
    exps.append(gxe.ExpectColumnValuesToBeBetween(column=REPLACED_SHARE, min_value=0.0, max_value=v.max_record_replaced_share))
    return exps


def validate_frame(df, cfg: PipelineConfig, expected_rows: int, docs_dir: Path | None = None) -> tuple[bool, list[dict[str, Any]]]:
    """Run the suite on a DataFrame through a checkpoint (which also renders
    Data Docs into ``docs_dir``); one summary row per expectation. Results
    carry counts only: no unexpected values, which could be personal data."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch_def = ctx.data_sources.add_pandas("anonymized").add_dataframe_asset("records").add_batch_definition_whole_dataframe("all")
    suite = ctx.suites.add(gx.ExpectationSuite(name="anonymized_records"))
    for e in build_suite(cfg, expected_rows):
        suite.add_expectation(e)
    actions = []
    if docs_dir is not None:
        ctx.add_data_docs_site(site_name="release_gate", site_config={
            "class_name": "SiteBuilder", "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}})
        actions.append(gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=["release_gate"]))
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name="anonymized_records", data=batch_def, suite=suite))
    checkpoint = ctx.checkpoints.add(gx.Checkpoint(
        name="validate", validation_definitions=[vd], actions=actions,
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": 0},
    ))
    result = next(iter(checkpoint.run(batch_parameters={"dataframe": df}).run_results.values()))
    rows = []
    for r in result.results:
        cfg_ = r.expectation_config
        res = r.result or {}
        observed = res.get("observed_value")
        rows.append(
            {
                "expectation": cfg_.type,
                "column": cfg_.kwargs.get("column"),
                "residual": (cfg_.meta or {}).get("residual"),
                "success": bool(r.success),
                "unexpected_count": res.get("unexpected_count"),
                "observed_value": observed if isinstance(observed, (int, float, bool)) else None,
            }
        )
    return bool(result.success), rows


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    import pandas as pd

    started = ev.now_utc()
    evidence_path, docs_dir = resolve(root, cfg.validate_.evidence), resolve(root, cfg.validate_.data_docs)
    remove_outputs(evidence_path, docs_dir)
    d = cfg.data
    raw = read_jsonl(resolve(root, d.raw), required=d.required_fields)
    rows = read_jsonl(resolve(root, cfg.anonymize.output))
    raw_by_id = {str(r[d.id_field]): r[d.prompt_field] for r in raw}
    for r in rows:
        text = r.get(d.prompt_field)
        raw_text = raw_by_id.get(str(r.get(d.id_field)), "")
        r[REPLACED_SHARE] = replaced_share(raw_text, text) if isinstance(text, str) else None
    df = pd.DataFrame.from_records(rows)
    progress("validate", f"running the Great Expectations suite on {len(df)} anonymized records")
    with atomic_path(docs_dir, is_dir=True) as tmp_docs:
        success, summary = validate_frame(df, cfg, expected_rows=len(raw), docs_dir=tmp_docs)
    checks = []
    for s in summary:
        name = s["expectation"] + (f".{s['column']}" if s["column"] else "") + (f".{s['residual']}" if s["residual"] else "")
        checks.append(ev.Check(name, bool(s["success"]), "==", True))
    share = float(df[REPLACED_SHARE].mean()) if REPLACED_SHARE in df and len(df) else 0.0
    checks.append(ev.Check("mean_replaced_share", round(share, 4), "info"))
    record = ev.build(
        "validate", checks, SPEC.inputs(cfg), SPEC.outputs(cfg), SPEC.config_digest(cfg), root, started,
        details={"great_expectations": {"success": success, "evaluated": len(summary),
                                        "failed": sum(not s["success"] for s in summary), "results": summary},
                 "data_docs": cfg.validate_.data_docs},
    )
    ev.write(evidence_path, record)
    progress("validate", f"{len(summary) - record.details['great_expectations']['failed']}/{len(summary)} expectations met; "
             f"Data Docs in {cfg.validate_.data_docs}/index.html")
    if not record.passed:
        raise StageFailed("validate: failed expectations: " + "; ".join(c["name"] for c in record.checks if not c["passed"]) + f" (see {cfg.validate_.evidence})")
    return record
