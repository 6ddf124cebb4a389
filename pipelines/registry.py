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
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")  # no progress bars in stage logs
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


def as_ref(mv: Any) -> VersionRef:
    return VersionRef(mv.name, str(mv.version), mv.run_id, dict(mv.tags or {}), tuple(getattr(mv, "aliases", ()) or ()))


def version_by_alias(mlflow_client, name: str, alias: str) -> VersionRef | None:
    from mlflow.exceptions import MlflowException

    try:
        return as_ref(mlflow_client.get_model_version_by_alias(name, alias))
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
    return sorted((as_ref(v) for v in found), key=lambda r: int(r.version))


def download(run_id: str, artifact_path: str, dst: Path) -> Path:
    import mlflow

    return Path(mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path=artifact_path, dst_path=str(dst)))


def get_version(mlflow_client, name: str, version: str) -> VersionRef:
    from mlflow.exceptions import MlflowException

    try:
        return as_ref(mlflow_client.get_model_version(name, str(version)))
    except MlflowException as e:
        raise RegistryError(f"registry: {name} version {version} not found ({e.error_code})") from None


def load_evidence(run_id: str | None, stages: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The evidence records stored with a version's run (missing ones are absent)."""
    import json
    import tempfile

    import mlflow
    from mlflow.exceptions import MlflowException

    out: dict[str, dict[str, Any]] = {}
    if not run_id:
        return out
    with tempfile.TemporaryDirectory() as tmp:
        for stage in stages:
            try:
                p = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path=f"evidence/{stage}.json", dst_path=tmp)
            except (MlflowException, OSError):
                continue
            try:
                out[stage] = json.loads(Path(p).read_text(encoding="utf-8"))
            except (ValueError, OSError):
                out[stage] = {"stage": stage, "passed": False, "checks": [], "unreadable": True}
    return out


# --- the ledger's storage and the promotion lock -----------------------------------

LEDGER_FILE = "ledger.jsonl"
TAG_LEDGER_RUN = "ledger.run_id"
TAG_LEDGER_HEAD = "ledger.head"


class LedgerStore:
    """The ledger of one registered model: ``ledger.jsonl``, an artifact of a
    dedicated MLflow run named in the registered-model tag ``ledger.run_id``,
    with the last entry's digest mirrored in the tag ``ledger.head``."""

    def __init__(self, mlflow_client, name: str, experiment_id: str | None = None):
        self.client, self.name, self.experiment_id = mlflow_client, name, experiment_id

    def _model_tags(self) -> dict[str, str]:
        return dict(self.client.get_registered_model(self.name).tags or {})

    def head(self) -> str | None:
        return self._model_tags().get(TAG_LEDGER_HEAD)

    def run_id(self) -> str | None:
        return self._model_tags().get(TAG_LEDGER_RUN)

    def read_lines(self) -> list[str]:
        import tempfile

        import mlflow
        from mlflow.exceptions import MlflowException

        run_id = self.run_id()
        if not run_id:
            return []
        with tempfile.TemporaryDirectory() as tmp:
            try:
                p = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path=LEDGER_FILE, dst_path=tmp)
            except (MlflowException, OSError) as e:
                raise RegistryError(f"registry: cannot read the ledger of {self.name} from run {run_id} ({e})") from None
            return Path(p).read_text(encoding="utf-8").splitlines()

    def write_lines(self, lines: list[str], head: str) -> None:
        """Replace the ledger artifact, then mirror its head. Callers hold the lock."""
        import tempfile

        run_id = self.run_id()
        if not run_id:
            if self.experiment_id is None:
                raise RegistryError(f"registry: {self.name} has no ledger run and no experiment to create one in")
            run = self.client.create_run(self.experiment_id, run_name=f"ledger-{self.name}", tags={"release_gate.ledger": self.name})
            run_id = run.info.run_id
            self.client.set_terminated(run_id, "FINISHED")
            self.client.set_registered_model_tag(self.name, TAG_LEDGER_RUN, run_id)
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / LEDGER_FILE
            p.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            self.client.log_artifact(run_id, str(p))
        self.client.set_registered_model_tag(self.name, TAG_LEDGER_HEAD, head)


class Lock:
    """A registry-wide mutex for one model's gate operations.

    Acquiring creates the registered model ``<name>.release-gate-lock``: the
    registry's unique-name constraint makes that atomic on every backend, so of
    two racing promotions exactly one gets it. The other is refused at once
    with the holder's description; nothing is waited for, nothing is lost.
    """

    def __init__(self, mlflow_client, name: str, owner: str):
        self.client, self.lock_name, self.owner = mlflow_client, f"{name}.release-gate-lock", owner

    def __enter__(self) -> "Lock":
        from mlflow.exceptions import MlflowException

        try:
            self.client.create_registered_model(self.lock_name, tags={"owner": self.owner},
                                                description="Held while release-gate changes this model's champion or ledger.")
        except MlflowException as e:
            if e.error_code != "RESOURCE_ALREADY_EXISTS":
                raise RegistryError(f"registry: cannot take the gate lock {self.lock_name} ({e.error_code})") from None
            holder = "unknown"
            try:
                holder = (self.client.get_registered_model(self.lock_name).tags or {}).get("owner", "unknown")
            except MlflowException:
                pass
            raise RegistryError(
                f"another release-gate operation on this model is in progress ({holder}); nothing was changed. "
                f"If no such operation is running, remove the registered model {self.lock_name!r} and retry."
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        self.client.delete_registered_model(self.lock_name)
