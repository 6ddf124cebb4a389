"""The ``release-gate`` command line.

Environment variables are resolved here, in the entry point, and passed down.
Heavy libraries are imported only by the commands that need them, so
``release-gate --help`` stays fast. Every ``ReleaseGateError`` becomes a short
message and its exit code; ``--verbose`` shows the traceback.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from pipelines.core.errors import ReleaseGateError

STAGE_MODULES = {
    "anonymize": "stages.anonymize",
    "validate": "stages.validate",
    "finetune": "stages.finetune",
    "evaluate": "stages.evaluate",
    "bias_scan": "stages.bias_scan",
    "register": "stages.register",
}


class GateGroup(click.Group):
    """Translates our exceptions into one message and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReleaseGateError as e:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"error: {e}", err=True)
            sys.exit(e.exit_code)


@click.group(cls=GateGroup)
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The repository root (where dvc.yaml is).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, root: Path) -> None:
    """release-gate: a strict, Git-native release gate for fine-tuned language models."""
    ctx.obj = {"verbose": verbose, "root": root.resolve()}


def _config_option(f):
    return click.option("--config", "config_path", default="configs/pipeline.yaml", show_default=True,
                        help="Pipeline configuration (relative to --root).")(f)


def _load(ctx: click.Context, config_path: str):
    from pipelines.core.config import load_config

    root: Path = ctx.obj["root"]
    p = Path(config_path)
    return load_config(p if p.is_absolute() else root / p)


@main.group()
def config() -> None:
    """Check or describe the pipeline configuration."""


@config.command("validate")
@click.argument("path", required=False, default="configs/pipeline.yaml")
@click.pass_context
def config_validate(ctx: click.Context, path: str) -> None:
    """Report every error in PATH at once (exit 2), or say it is valid."""
    _load(ctx, path)
    click.echo(f"{path}: valid")


@config.command("schema")
def config_schema() -> None:
    """Print the JSON schema of configs/pipeline.yaml."""
    from pipelines.core.config import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.command()
@click.argument("name", type=click.Choice(list(STAGE_MODULES)))
@_config_option
@click.option("--pr", "pr_number", type=int, default=None, envvar="RELEASE_GATE_PR_NUMBER",
              help="Pull-request number: register also sets the alias pr-<N>.")
@click.pass_context
def stage(ctx: click.Context, name: str, config_path: str, pr_number: int | None) -> None:
    """Run one pipeline stage (dvc.yaml calls this)."""
    import importlib

    cfg = _load(ctx, config_path)
    module = importlib.import_module(STAGE_MODULES[name])
    kwargs = {"pr_number": pr_number} if name == "register" else {}
    record = module.run_stage(cfg, ctx.obj["root"], **kwargs)
    if not record.passed:
        click.echo(f"{name}: checks FAILED (recorded in {module.SPEC.evidence(cfg)}): " + "; ".join(record.failures()), err=True)


@main.command()
@_config_option
@click.pass_context
def status(ctx: click.Context, config_path: str) -> None:
    """Show the evidence chain of the workspace and where it breaks."""
    import importlib

    from pipelines.core.evidence import chain

    cfg = _load(ctx, config_path)
    paths = {n: importlib.import_module(m).SPEC.evidence(cfg) for n, m in STAGE_MODULES.items()}
    links = chain(ctx.obj["root"], paths)
    broken = False
    for link in links:
        state = "missing" if not link.present else ("passed" if link.passed else "FAILED")
        digest = f" evidence {link.evidence_digest[:12]}" if link.evidence_digest else ""
        click.echo(f"{link.stage:<10} {state:<8}{digest}")
        for p in link.problems:
            click.echo(f"    - {p}")
        broken = broken or bool(link.problems)
    if broken:
        first = next(link for link in links if link.problems)
        click.echo(f"chain breaks at {first.stage}", err=True)
        sys.exit(4)
    click.echo("chain complete: every stage passed and every digest matches")


def run() -> None:  # console-script entry point
    os.environ.setdefault("DVC_NO_ANALYTICS", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    main()


if __name__ == "__main__":
    run()
