"""The current champion: its registry entry and, when asked, the model itself.

The evaluate and bias_scan stages compare the candidate with the model behind
the champion alias (base model + adapter, downloaded from the version's run),
or with the candidate's own base model when no champion is registered yet.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipelines.core.config import PipelineConfig

__all__ = ["current", "load"]


def current(cfg: PipelineConfig, root: Path) -> tuple[Any, Any] | None:
    """``(client, version ref)`` of the champion, or None when there is none."""
    from pipelines import registry

    client = registry.client(registry.resolve_tracking_uri(cfg, root))
    ref = registry.version_by_alias(client, cfg.registry.model_name, cfg.registry.champion_alias)
    if ref is None or not ref.run_id:
        return None
    return client, ref


def load(ref, workdir: Path, device: str) -> tuple[Any, Any]:
    """``(model, tokenizer)`` of a registered version: its adapter on its base
    (the base stored with the run for the tiny model, else the hub id or path it names)."""
    from pipelines import lm, registry
    from pipelines.core.errors import RegistryError

    base = ref.tags.get("base_model.name", "tiny")
    try:
        adapter = registry.download(ref.run_id, "adapter", workdir)
        base_path = registry.download(ref.run_id, "base", workdir) if base == "tiny" else base
    except Exception as e:  # MlflowException, OSError: the artifact is not there
        raise RegistryError(f"champion {ref.name} version {ref.version}: cannot download its model from run "
                            f"{ref.run_id} ({type(e).__name__}); was it registered by release-gate?") from None
    return lm.load_with_adapter(base_path, adapter, device), lm.load_tokenizer(adapter)
