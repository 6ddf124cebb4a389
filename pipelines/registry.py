"""The MLflow adapter: everything release-gate reads from or writes to the
tracking server and model registry goes through here.

The client is created from an explicit tracking URI (``resolve_tracking_uri``
decides which, in the entry point) and passed around; nothing is set at import.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.core.config import PipelineConfig
from pipelines.core.errors import RegistryError


def resolve_tracking_uri(cfg: PipelineConfig, root: Path, environ=os.environ) -> str:
    """``MLFLOW_TRACKING_URI`` wins over the config; a relative sqlite path is
    made absolute against the repository root so every stage uses the same DB."""
    uri = environ.get("MLFLOW_TRACKING_URI") or cfg.registry.tracking_uri
    prefix = "sqlite:///"
    if uri.startswith(prefix) and not uri[len(prefix):].startswith("/"):
        uri = prefix + str((root / uri[len(prefix):]).resolve())
    return uri


def artifact_location(cfg: PipelineConfig, root: Path) -> str:
    loc = cfg.registry.artifact_location
    if "://" in loc:
        return loc
    return (root / loc).resolve().as_uri()


def check_reachable(uri: str, timeout: float = 5.0) -> None:
    """Fail fast, with the URI in the message, when an HTTP tracking server is down."""
    if not uri.startswith(("http://", "https://")):
        return
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(uri.rstrip("/") + "/health", timeout=timeout) as resp:
            if resp.status != 200:
                raise RegistryError(f"MLflow server at {uri} answered {resp.status} on /health; expected 200")
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise RegistryError(f"MLflow server at {uri} is unreachable ({reason}); start it or set MLFLOW_TRACKING_URI") from None


def client(uri: str):
    """A client bound to ``uri``; also points MLflow's fluent API at it for this
    process (log_model has no client form)."""
    check_reachable(uri)
    import mlflow
    from mlflow import MlflowClient

    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    return MlflowClient(tracking_uri=uri, registry_uri=uri)


@dataclass(frozen=True)
class VersionRef:
    name: str
    version: str
    run_id: str | None
    tags: dict[str, str]
    aliases: tuple[str, ...]


def _ref(mv: Any) -> VersionRef:
    return VersionRef(mv.name, str(mv.version), mv.run_id, dict(mv.tags or {}), tuple(getattr(mv, "aliases", ()) or ()))


def version_by_alias(mlflow_client, name: str, alias: str) -> VersionRef | None:
    from mlflow.exceptions import MlflowException

    try:
        return _ref(mlflow_client.get_model_version_by_alias(name, alias))
    except MlflowException as e:
        if e.error_code in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE", "NOT_FOUND"):
            return None
        raise RegistryError(f"registry: cannot read alias {name}@{alias}: {e.message}") from None


def versions_with_tag(mlflow_client, name: str, key: str, value: str) -> list[VersionRef]:
    from mlflow.exceptions import MlflowException

    try:
        found = mlflow_client.search_model_versions(f"name='{name}' and tag.`{key}`='{value}'")
    except MlflowException as e:
        if e.error_code == "RESOURCE_DOES_NOT_EXIST":
            return []
        raise RegistryError(f"registry: search for {key}={value} failed: {e.message}") from None
    return sorted((_ref(v) for v in found), key=lambda r: int(r.version))


def download(run_id: str, artifact_path: str, dst: Path) -> Path:
    import mlflow

    return Path(mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path=artifact_path, dst_path=str(dst)))
