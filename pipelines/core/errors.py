"""The one exception hierarchy of release-gate.

Every error a user can cause maps to one of these; the CLI turns each into one
line and an exit code (``--verbose`` shows the traceback).
"""
from __future__ import annotations


class ReleaseGateError(Exception):
    """Base class. ``exit_code`` is what the CLI returns for it."""

    exit_code = 1


class ConfigError(ReleaseGateError):
    """The configuration file is missing, unreadable or invalid."""

    exit_code = 2

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} error(s)\n{lines}" if len(problems) > 1 else f"{path}: {problems[0]}")


class DataError(ReleaseGateError):
    """An input data file is missing, unreadable, not UTF-8, empty or lacks a field."""

    exit_code = 3


class EvidenceError(ReleaseGateError):
    """An evidence record is missing, malformed, or the chain of digests breaks."""

    exit_code = 4


class StageFailed(ReleaseGateError):
    """A stage ran and its checks failed (its evidence says which)."""

    exit_code = 5


class RegistryError(ReleaseGateError):
    """The model registry (MLflow) is unreachable or answered unexpectedly."""

    exit_code = 6


class GateRefused(ReleaseGateError):
    """The release gate refused; ``reasons`` lists every reason."""

    exit_code = 7

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("gate refused:\n" + "\n".join(f"  - {r}" for r in reasons))


class GitHubError(ReleaseGateError):
    """The GitHub API is unreachable or answered unexpectedly."""

    exit_code = 8


class LedgerError(ReleaseGateError):
    """The ledger is unreadable, or its chain of digests does not verify."""

    exit_code = 9
