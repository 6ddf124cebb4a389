"""The one adapter between release-gate and the GitHub REST API.

Everything that talks to GitHub goes through :class:`GitHub`:

* github3.py does what it covers: the repository, the pull request, its issue
  comments and commit statuses.
* github3.py 4.0.1 has nothing for ``/actions`` or for team memberships by
  slug, so those endpoints are called through github3's own authenticated
  session (same token, headers, timeouts and base URL); they are kept here and
  nowhere else.

github3 (and with it requests) is imported inside the methods, so importing
this module costs nothing and ``release-gate --help`` stays fast.

Pointing at another server: ``api_url`` is the REST API root, exactly what
GitHub Actions puts in ``GITHUB_API_URL`` (``https://api.github.com`` on
github.com, ``https://HOST/api/v3`` on GitHub Enterprise Server, or a local
fake such as ``http://127.0.0.1:PORT`` in tests). It becomes the github3
session's ``base_url``, from which every URL that github3 or this module
builds starts. github3 also follows links found in payloads (``url``,
``_links.comments``, ...); a real server, GitHub Enterprise included, writes its
own root into them, and the test fake rewrites ``https://api.github.com`` to
its own root. (``github3.GitHubEnterprise`` is not used: it would append
``/api/v3`` itself, which would make ``api_url`` differ from
``GITHUB_API_URL``.)

Every failure (connection refused, a 4xx/5xx answer, a github3 exception, a
payload lacking a key) becomes :class:`pipelines.core.errors.GitHubError`
with one line naming the method, the endpoint path and what was expected. The
token is never logged and never part of a message.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import quote, urlsplit

from pipelines.core.errors import GitHubError

__all__ = ["GitHub", "RunApproval", "RunInfo", "DEFAULT_API_URL", "COMMENT_MARKER", "STATUS_STATES"]

DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
COMMENT_MARKER = "<!-- release-gate:candidate-report -->"
STATUS_CONTEXT = "release-gate/candidate"
STATUS_STATES = frozenset({"success", "failure", "error", "pending"})
STATUS_DESCRIPTION_MAX = 140


@dataclass(frozen=True)
class RunApproval:
    """One entry of a workflow run's review history (no timestamp: the API gives none)."""

    login: str
    state: str  # "approved" | "rejected", as the API says
    comment: str
    environments: tuple[str, ...]  # environment names


@dataclass(frozen=True)
class RunInfo:
    """What the gate needs to know about a workflow run."""

    run_id: int
    head_sha: str
    actor: str  # workflow_run.actor.login
    triggering_actor: str  # workflow_run.triggering_actor.login
    event: str
    run_started_at: str  # ISO string as given


class GitHub:
    """A GitHub client for one repository ("owner/name"), authenticated with ``token``."""

    def __init__(self, repo: str, token: str, api_url: str = DEFAULT_API_URL):
        owner, sep, name = repo.partition("/")
        if not sep or not owner or not name or "/" in name:
            raise GitHubError(f"repository must be 'owner/name', got {repo!r}")
        if not token:
            raise GitHubError(f"no GitHub token given for {repo}")
        self.owner = owner
        self.name = name
        self.api_url = api_url.rstrip("/")
        self._token = token
        self._client: Any = None  # github3.GitHub, made on first use
        self._repository: Any = None  # github3 Repository, fetched on first use

    def __repr__(self) -> str:
        return f"GitHub(repo={self.owner}/{self.name}, api_url={self.api_url})"

    # ------------------------------------------------------------------ API

    def run_approvals(self, run_id: int, environment: str) -> list[RunApproval]:
        """The review history of a workflow run, keeping the entries that name ``environment``."""
        path = self._repo_path("actions", "runs", int(run_id), "approvals")
        items = self._get_json(path)
        if not isinstance(items, list):
            raise GitHubError(f"GitHub GET {path}: expected a JSON list, got {type(items).__name__}")
        approvals = []
        for i, item in enumerate(items):
            where = f"GitHub GET {path}: item {i}"
            envs = tuple(_str(_key(env, "name", where), where + ".environments[].name")
                         for env in _list(_key(item, "environments", where), where + ".environments"))
            if environment not in envs:
                continue
            comment = _key(item, "comment", where)
            approvals.append(RunApproval(
                login=_str(_key(_key(item, "user", where), "login", where + ".user"), where + ".user.login"),
                state=_str(_key(item, "state", where), where + ".state"),
                comment="" if comment is None else _str(comment, where + ".comment"),
                environments=envs,
            ))
        return approvals

    def workflow_run(self, run_id: int) -> RunInfo:
        """The workflow run ``run_id`` of this repository."""
        path = self._repo_path("actions", "runs", int(run_id))
        run = self._get_json(path)
        where = f"GitHub GET {path}"
        if not isinstance(run, dict):
            raise GitHubError(f"{where}: expected a JSON object, got {type(run).__name__}")

        def login(key: str) -> str:
            actor = _key(run, key, where)
            if actor is None:
                raise GitHubError(f"{where}: {key!r} is null, expected a user")
            return _str(_key(actor, "login", f"{where}.{key}"), f"{where}.{key}.login")

        run_id_given = _key(run, "id", where)
        if not isinstance(run_id_given, int) or isinstance(run_id_given, bool):
            raise GitHubError(f"{where}: 'id' is {run_id_given!r}, expected an integer")
        return RunInfo(
            run_id=run_id_given,
            head_sha=_str(_key(run, "head_sha", where), where + ".head_sha"),
            actor=login("actor"),
            triggering_actor=login("triggering_actor"),
            event=_str(_key(run, "event", where), where + ".event"),
            run_started_at=_str(_key(run, "run_started_at", where), where + ".run_started_at"),
        )

    def is_team_member(self, org: str, team_slug: str, login: str) -> bool:
        """True when ``login`` is an *active* member (or maintainer) of the team ``org/team_slug``.

        A pending invitation is not membership; 404 (no such member, team or
        visibility) is False; any other error raises :class:`GitHubError`.
        """
        path = "/" + "/".join(_seg(p) for p in ("orgs", org, "teams", team_slug, "memberships", login))
        membership = self._get_json(path, absent_ok=True)
        if membership is None:
            return False
        where = f"GitHub GET {path}"
        if not isinstance(membership, dict):
            raise GitHubError(f"{where}: expected a JSON object, got {type(membership).__name__}")
        return _str(_key(membership, "state", where), where + ".state") == "active"

    def pull_request_author(self, number: int) -> str:
        """The login of the pull request's author."""
        pr = self._pull_request(number)
        with self._wrap("GET", self._repo_path("pulls", int(number))):
            return str(pr.user.login)

    def upsert_comment(self, number: int, body: str, marker: str = COMMENT_MARKER) -> int:
        """Keep exactly one release-gate comment on the pull request; returns its id.

        The issue comments are listed; the first one whose body contains
        ``marker`` is edited (left alone when it already reads ``body``),
        otherwise a comment is created. ``marker`` is prepended to ``body``
        when absent, so the next call finds the comment again.
        """
        if not marker:
            raise GitHubError("upsert_comment needs a non-empty marker")
        if marker not in body:
            body = f"{marker}\n{body}"
        pr = self._pull_request(number)
        comments_path = self._repo_path("issues", int(number), "comments")
        with self._wrap("GET", comments_path):
            existing = next((c for c in pr.issue_comments() if marker in (c.body or "")), None)
        if existing is None:
            with self._wrap("POST", comments_path):
                created = pr.create_comment(body)
                if created is None:
                    raise GitHubError(f"GitHub POST {comments_path}: no comment came back (expected 201)")
                return int(created.id)
        if existing.body != body:
            edit_path = self._repo_path("issues", "comments", int(existing.id))
            with self._wrap("PATCH", edit_path):
                if not existing.edit(body):
                    raise GitHubError(f"GitHub PATCH {edit_path}: the comment was not updated (expected 200)")
        return int(existing.id)

    def set_status(self, sha: str, state: str, description: str, context: str = STATUS_CONTEXT,
                   target_url: str | None = None) -> None:
        """Set a commit status; ``description`` is cut to GitHub's 140 characters."""
        if state not in STATUS_STATES:
            raise GitHubError(f"commit status state must be one of {sorted(STATUS_STATES)}, got {state!r}")
        if not sha:
            raise GitHubError("set_status needs a commit sha")
        if len(description) > STATUS_DESCRIPTION_MAX:
            description = description[: STATUS_DESCRIPTION_MAX - 1] + "…"
        repository = self._repo()
        path = self._repo_path("statuses", sha)
        with self._wrap("POST", path):
            created = repository.create_status(sha, state, target_url=target_url, description=description,
                                               context=context)
            if created is None:
                raise GitHubError(f"GitHub POST {path}: no status came back (expected 201)")

    # ------------------------------------------------------------- plumbing

    def _github(self) -> Any:
        if self._client is None:
            import github3

            client = github3.GitHub(token=self._token, api_version=API_VERSION)
            client.session.base_url = self.api_url
            self._client = client
        return self._client

    def _repo(self) -> Any:
        if self._repository is None:
            gh = self._github()
            with self._wrap("GET", self._repo_path()):
                repository = gh.repository(self.owner, self.name)
                if repository is None:
                    raise GitHubError(f"GitHub GET {self._repo_path()}: no repository came back (expected 200)")
            self._repository = repository
        return self._repository

    def _pull_request(self, number: int) -> Any:
        number = int(number)
        path = self._repo_path("pulls", number)
        if number <= 0:
            raise GitHubError(f"GitHub GET {path}: a pull request number must be positive")
        repository = self._repo()
        with self._wrap("GET", path):
            pr = repository.pull_request(number)
            if pr is None:
                raise GitHubError(f"GitHub GET {path}: no pull request came back (expected 200)")
            return pr

    def _repo_path(self, *parts: object) -> str:
        return "/" + "/".join(_seg(p) for p in ("repos", self.owner, self.name, *parts))

    def _get_json(self, path: str, absent_ok: bool = False) -> Any:
        """GET ``api_url + path`` through github3's session; None for a 404 when ``absent_ok``."""
        gh = self._github()
        with self._wrap("GET", path):
            response = gh.session.get(self.api_url + path)
            if absent_ok and response.status_code == 404:
                return None
            if response.status_code != 200:
                raise GitHubError(f"GitHub GET {_path_of(response.url, path)}: "
                                  f"{_status_line(response)} (expected 200){_api_message(response)}")
            try:
                return response.json()
            except ValueError:
                raise GitHubError(f"GitHub GET {_path_of(response.url, path)}: the answer is not JSON "
                                  f"(expected 200 with a JSON body)") from None

    @contextlib.contextmanager
    def _wrap(self, method: str, path: str) -> Iterator[None]:
        """Turn any github3/requests failure inside the block into a GitHubError without the token."""
        import github3.exceptions
        import requests

        try:
            yield
        except GitHubError as exc:
            raise GitHubError(self._redact(str(exc))) from None
        except github3.exceptions.IncompleteResponse as exc:
            raise GitHubError(self._redact(f"GitHub {method} {path}: the answer lacks {exc.exception}, "
                                           f"expected a complete payload")) from None
        except github3.exceptions.GitHubError as exc:  # a 4xx/5xx answer
            response = exc.response
            request = getattr(response, "request", None)
            verb = getattr(request, "method", None) or method
            expected = 201 if verb == "POST" else 200
            detail = f"{_status_line(response)} (expected {expected})" + (f": {_one_line(exc.msg)}" if exc.msg else "")
            where = f"{verb} {_path_of(getattr(response, 'url', None), path)}"
            raise GitHubError(self._redact(f"GitHub {where}: {detail}")) from None
        except (github3.exceptions.GitHubException, requests.RequestException) as exc:
            inner = getattr(exc, "exception", exc)  # github3 wraps the requests exception
            request = getattr(inner, "request", None)
            where = f"{getattr(request, 'method', None) or method} {_path_of(getattr(request, 'url', None), path)}"
            reason = "cannot connect" if isinstance(inner, requests.ConnectionError) else type(inner).__name__
            raise GitHubError(self._redact(f"GitHub {where}: {reason} to {_origin(self.api_url)} "
                                           f"(expected an HTTP answer)")) from None
        except (KeyError, AttributeError, TypeError, ValueError) as exc:  # a payload of the wrong shape
            raise GitHubError(self._redact(f"GitHub {method} {path}: unexpected payload "
                                           f"({type(exc).__name__}: {_one_line(str(exc))})")) from None

    def _redact(self, message: str) -> str:
        return message.replace(self._token, "***") if self._token else message


# ---------------------------------------------------------------- helpers


def _seg(part: object) -> str:
    return quote(str(part), safe="")


def _path_of(url: str | None, fallback: str) -> str:
    """The path of ``url`` (no host, no query), or ``fallback``."""
    if not url:
        return fallback
    return urlsplit(url).path or fallback


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _status_line(response: Any) -> str:
    reason = f" {response.reason}" if getattr(response, "reason", None) else ""
    return f"HTTP {response.status_code}{reason}"


def _api_message(response: Any) -> str:
    try:
        message = response.json().get("message")
    except (ValueError, AttributeError):
        return ""
    return f": {_one_line(message)}" if message else ""


def _key(obj: Any, key: str, where: str) -> Any:
    if not isinstance(obj, dict):
        raise GitHubError(f"{where}: expected an object with {key!r}, got {type(obj).__name__}")
    if key not in obj:
        raise GitHubError(f"{where}: the answer lacks {key!r}")
    return obj[key]


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise GitHubError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise GitHubError(f"{where}: expected a string, got {type(value).__name__}")
    return value
