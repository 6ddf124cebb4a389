"""A local fake of the GitHub REST API, for pointing the real github3.py client at.

``FakeGitHub`` is a ``ThreadingHTTPServer`` on 127.0.0.1 (a free port) that
answers the endpoints release-gate uses with the recorded and documented
payloads in ``tests/fixtures/github/`` (see the README there for where each
comes from). Every ``https://api.github.com`` in a payload is rewritten to the
fake's own root (``api_url``, which carries ``prefix``, e.g. ``/api/v3``, when
one is given), and the requested owner/repo, numbers, ids and logins are
written into the payload, so that github3 models that follow links in payloads
(``_links.comments``, a comment's ``url``) come back here.

State a test sets:
    approvals      list of {"login", "state", "comment", "environments": [names]}
    team_members   {(org, team_slug): {login: "active" | "pending" | ("active", "maintainer")}}
    pr_author      login of every pull request's author
    run            {"actor", "triggering_actor", "head_sha", "event", "run_started_at"};
                   None makes every workflow run 404
    fail_next      an HTTP status (e.g. 500) for the next authorised request, then cleared
    bot_login      author of the comments created through the API

What it records:
    requests       [{"method", "path", "query", "auth_header": bool, "api_version"}]
    comments       {comment_id: current body}
    comment_issue  {comment_id: issue number}
    comment_log    [("created" | "edited", comment_id, body)]
    statuses       [{"sha", "state", "description", "context", "target_url"}]

Requests must carry ``Authorization: token X`` or ``Bearer X`` (X equal to
``token`` when one is given), else 401. Unknown routes answer 404
``{"message": "Not Found"}``.
"""
from __future__ import annotations

import copy
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "github"
GITHUB_API = "https://api.github.com"
GITHUB_WEB = "https://github.com"

# The repositories the fixtures were recorded on / documented with.
_FIXTURE_REPOS = ("sigmavirus24/github3.py", "github3py/github3.py", "octo-org/octo-repo",
                  "octocat/Hello-World", "github/hello-world")
_FIXTURE_RUN_ID = 30433642
_FIXTURE_PR = 546
_STATUS_STATES = {"success", "failure", "error", "pending"}


def load_fixture(name: str) -> Any:
    """A fixture file as parsed JSON, unchanged."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


class FakeGitHub:
    """See the module docstring. Use as ``with FakeGitHub() as gh: ...`` or ``start()``/``stop()``."""

    def __init__(self, token: str | None = None, prefix: str = ""):
        self.token = token
        self.prefix = prefix.rstrip("/")
        self.approvals: list[dict[str, Any]] = [
            {"login": item["user"]["login"], "state": item["state"], "comment": item["comment"],
             "environments": [env["name"] for env in item["environments"]]}
            for item in load_fixture("run_approvals")
        ]
        self.team_members: dict[tuple[str, str], dict[str, Any]] = {}
        pr = load_fixture("pull_request")
        self.pr_author: str = pr["user"]["login"]
        run = load_fixture("workflow_run")
        self.run: dict[str, Any] | None = {
            "actor": run["actor"]["login"], "triggering_actor": run["triggering_actor"]["login"],
            "head_sha": run["head_sha"], "event": run["event"], "run_started_at": run["run_started_at"],
        }
        self.fail_next: int | None = None
        self.bot_login = "github-actions[bot]"  # author of comments created through the API

        self.requests: list[dict[str, Any]] = []
        self.comments: dict[int, str] = {}
        self.comment_issue: dict[int, int] = {}
        self.comment_log: list[tuple[str, int, str]] = []
        self.statuses: list[dict[str, Any]] = []

        self._comment_meta: dict[int, dict[str, Any]] = {}
        self._next_comment_id = load_fixture("issue_comment")["id"]
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    # ------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        """The server's origin, ``http://127.0.0.1:PORT``."""
        if self.port is None:
            raise RuntimeError("FakeGitHub is not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The REST API root (origin plus prefix): what ``GITHUB_API_URL`` would hold."""
        return self.url + self.prefix

    def start(self) -> "FakeGitHub":
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="FakeGitHub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering and close the port (later connections are refused)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "FakeGitHub":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---------------------------------------------------------- test helpers

    def add_comment(self, issue: int, body: str, login: str = "sigmavirus24") -> int:
        """Put a comment on ``issue`` as if someone had written it; returns its id."""
        with self._lock:
            return self._create_comment(issue, body, login, log=False)

    def seed_recorded_comments(self, issue: int) -> list[int]:
        """Put the three recorded comments of ``issue_comments.json`` on ``issue``."""
        ids = []
        with self._lock:
            for item in load_fixture("issue_comments"):
                cid = item["id"]
                self.comments[cid] = item["body"]
                self.comment_issue[cid] = issue
                self._comment_meta[cid] = {"login": item["user"]["login"], "created_at": item["created_at"],
                                           "updated_at": item["updated_at"]}
                ids.append(cid)
        return ids

    def comments_on(self, issue: int) -> dict[int, str]:
        with self._lock:
            return {cid: body for cid, body in self.comments.items() if self.comment_issue[cid] == issue}

    # ------------------------------------------------------------- rendering

    def _render(self, name: str, owner: str, repo: str) -> Any:
        """A fixture with its repository links moved to ``owner/repo`` on this server."""
        text = (FIXTURES / f"{name}.json").read_text(encoding="utf-8")
        for src in _FIXTURE_REPOS:
            text = text.replace(f"{GITHUB_API}/repos/{src}/", f"{GITHUB_API}/repos/{owner}/{repo}/")
            text = text.replace(f'"{GITHUB_API}/repos/{src}"', f'"{GITHUB_API}/repos/{owner}/{repo}"')
            text = text.replace(f"{GITHUB_WEB}/{src}/", f"{GITHUB_WEB}/{owner}/{repo}/")
            text = text.replace(f'"{GITHUB_WEB}/{src}"', f'"{GITHUB_WEB}/{owner}/{repo}"')
        text = text.replace(GITHUB_API, self.api_url)
        return json.loads(text)

    def _user(self, template: dict[str, Any], login: str) -> dict[str, Any]:
        text = json.dumps(template)
        return json.loads(text.replace(f"/users/{template['login']}", f"/users/{login}")
                          .replace(f"{GITHUB_WEB}/{template['login']}\"", f"{GITHUB_WEB}/{login}\"")) | {"login": login}

    def _repository(self, owner: str, repo: str) -> dict[str, Any]:
        data = self._render("repository", owner, repo)
        data["name"], data["full_name"] = repo, f"{owner}/{repo}"
        data["owner"] = self._user(data["owner"], owner)
        return data

    def _pull_request(self, owner: str, repo: str, number: int) -> dict[str, Any]:
        text = json.dumps(self._render("pull_request", owner, repo))
        text = re.sub(rf"/(pulls|issues|pull)/{_FIXTURE_PR}\b", rf"/\g<1>/{number}", text)
        data = json.loads(text)
        data["number"] = number
        data["user"] = self._user(data["user"], self.pr_author)
        return data

    def _comment(self, owner: str, repo: str, cid: int) -> dict[str, Any]:
        data = self._render("issue_comment", owner, repo)
        issue, body, meta = self.comment_issue[cid], self.comments[cid], self._comment_meta[cid]
        data.update({
            "id": cid, "node_id": f"IC_fake{cid}",
            "url": f"{self.api_url}/repos/{owner}/{repo}/issues/comments/{cid}",
            "html_url": f"{GITHUB_WEB}/{owner}/{repo}/pull/{issue}#issuecomment-{cid}",
            "issue_url": f"{self.api_url}/repos/{owner}/{repo}/issues/{issue}",
            "body": body, "body_text": body, "body_html": f"<p>{_html_escape(body)}</p>",
            "created_at": meta["created_at"], "updated_at": meta["updated_at"],
        })
        data["user"] = self._user(data["user"], meta["login"])
        return data

    def _create_comment(self, issue: int, body: str, login: str, log: bool = True) -> int:
        cid = self._next_comment_id
        self._next_comment_id += 1
        self.comments[cid] = body
        self.comment_issue[cid] = issue
        self._comment_meta[cid] = {"login": login, "created_at": _NOW, "updated_at": _NOW}
        if log:
            self.comment_log.append(("created", cid, body))
        return cid

    def _workflow_run(self, owner: str, repo: str, run_id: int) -> dict[str, Any]:
        assert self.run is not None
        text = json.dumps(self._render("workflow_run", owner, repo))
        text = re.sub(rf"/runs/{_FIXTURE_RUN_ID}\b", f"/runs/{run_id}", text)
        data = json.loads(text)
        data["id"] = run_id
        data["head_sha"] = data["head_commit"]["id"] = self.run["head_sha"]
        data["event"] = self.run["event"]
        data["run_started_at"] = self.run["run_started_at"]
        data["actor"] = self._user(data["actor"], self.run["actor"])
        data["triggering_actor"] = self._user(data["triggering_actor"], self.run["triggering_actor"])
        for key in ("repository", "head_repository"):
            data[key]["name"], data[key]["full_name"] = repo, f"{owner}/{repo}"
        return data

    def _approvals(self, owner: str, repo: str) -> list[dict[str, Any]]:
        template = self._render("run_approvals", owner, repo)[0]
        items = []
        for approval in self.approvals:
            item = copy.deepcopy(template)
            item["state"], item["comment"] = approval["state"], approval["comment"]
            item["user"] = self._user(template["user"], approval["login"])
            env_template = template["environments"][0]
            item["environments"] = [
                env_template | {"name": name,
                                "url": f"{self.api_url}/repos/{owner}/{repo}/environments/{name}",
                                "html_url": f"{GITHUB_WEB}/{owner}/{repo}/deployments/activity_log"
                                            f"?environments_filter={name}"}
                for name in approval["environments"]
            ]
            items.append(item)
        return items

    def _membership(self, org: str, slug: str, login: str) -> dict[str, Any] | None:
        entry = self.team_members.get((org, slug), {}).get(login)
        if entry is None:
            return None
        state, role = (entry, "member") if isinstance(entry, str) else entry
        data = load_fixture("team_membership_maintainer" if role == "maintainer" else "team_membership")
        data.update({"state": state, "role": role, "url": f"{self.api_url}/teams/1/memberships/{login}"})
        return data

    def _status(self, owner: str, repo: str, sha: str, payload: dict[str, Any]) -> dict[str, Any]:
        data = self._render("status", owner, repo)
        data.update({
            "url": f"{self.api_url}/repos/{owner}/{repo}/statuses/{sha}",
            "state": payload["state"], "context": payload.get("context", "default"),
            "description": payload.get("description"), "target_url": payload.get("target_url"),
            "id": data["id"] + len(self.statuses),
        })
        return data

    # --------------------------------------------------------------- routing

    def handle(self, method: str, raw_path: str, headers: Any, body: bytes) -> tuple[int, Any]:
        split = urlsplit(raw_path)
        path = split.path
        auth = headers.get("Authorization")
        with self._lock:
            self.requests.append({"method": method, "path": path, "query": split.query,
                                  "auth_header": auth is not None,
                                  "api_version": headers.get("X-GitHub-Api-Version")})
            if not self._authorised(auth):
                return 401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
            if self.fail_next is not None:
                status, self.fail_next = self.fail_next, None
                return status, {"message": f"Injected failure {status} (FakeGitHub)"}
            if self.prefix:
                if not path.startswith(self.prefix + "/"):
                    return _NOT_FOUND
                path = path[len(self.prefix):]
            segments = [unquote(s) for s in path.strip("/").split("/")]
            try:
                payload = json.loads(body) if body else None
            except ValueError:
                return 400, {"message": "Problems parsing JSON"}
            return self._route(method, segments, payload)

    def _authorised(self, header: str | None) -> bool:
        if not header:
            return False
        scheme, _, value = header.partition(" ")
        if scheme.lower() not in ("token", "bearer") or not value.strip():
            return False
        return self.token is None or value.strip() == self.token

    def _route(self, method: str, seg: list[str], payload: Any) -> tuple[int, Any]:
        n = len(seg)
        if method == "GET" and seg == ["user"]:
            return 200, self._render("user", "", "")
        if n >= 3 and seg[0] == "repos":
            owner, repo, rest = seg[1], seg[2], seg[3:]
            return self._route_repo(method, owner, repo, rest, payload)
        if method == "GET" and n == 6 and seg[0] == "orgs" and seg[2] == "teams" and seg[4] == "memberships":
            membership = self._membership(seg[1], seg[3], seg[5])
            return (200, membership) if membership is not None else _NOT_FOUND
        return _NOT_FOUND

    def _route_repo(self, method: str, owner: str, repo: str, rest: list[str], payload: Any) -> tuple[int, Any]:
        m = len(rest)
        if method == "GET" and m == 0:
            return 200, self._repository(owner, repo)
        if method == "GET" and m == 2 and rest[0] == "pulls" and rest[1].isdigit():
            return 200, self._pull_request(owner, repo, int(rest[1]))
        if m == 3 and rest[0] == "issues" and rest[1].isdigit() and rest[2] == "comments":
            issue = int(rest[1])
            if method == "GET":
                ids = sorted(cid for cid, i in self.comment_issue.items() if i == issue)
                return 200, [self._comment(owner, repo, cid) for cid in ids]
            if method == "POST":
                if not isinstance(payload, dict) or not isinstance(payload.get("body"), str) or not payload["body"]:
                    return _invalid("body")
                cid = self._create_comment(issue, payload["body"], self.bot_login)
                return 201, self._comment(owner, repo, cid)
        if m == 3 and rest[:2] == ["issues", "comments"] and rest[2].isdigit():
            cid = int(rest[2])
            if cid not in self.comments:
                return _NOT_FOUND
            if method == "GET":
                return 200, self._comment(owner, repo, cid)
            if method == "PATCH":
                if not isinstance(payload, dict) or not isinstance(payload.get("body"), str):
                    return _invalid("body")
                self.comments[cid] = payload["body"]
                self._comment_meta[cid]["updated_at"] = _NOW
                self.comment_log.append(("edited", cid, payload["body"]))
                return 200, self._comment(owner, repo, cid)
        if method == "POST" and m == 2 and rest[0] == "statuses":
            if not isinstance(payload, dict) or payload.get("state") not in _STATUS_STATES:
                return _invalid("state")
            record = {"sha": rest[1], "state": payload["state"], "description": payload.get("description"),
                      "context": payload.get("context", "default"), "target_url": payload.get("target_url")}
            response = self._status(owner, repo, rest[1], payload)
            self.statuses.append(record)
            return 201, response
        if method == "GET" and m >= 3 and rest[:2] == ["actions", "runs"] and rest[2].isdigit():
            if self.run is None:
                return _NOT_FOUND
            if m == 3:
                return 200, self._workflow_run(owner, repo, int(rest[2]))
            if m == 4 and rest[3] == "approvals":
                return 200, self._approvals(owner, repo)
        return _NOT_FOUND


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeGitHub
    protocol_version = "HTTP/1.0"

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, payload = self.server_fake.handle(self.command, self.path, self.headers, body)
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass


_NOW = "2026-01-01T00:00:00Z"
_NOT_FOUND = (404, {"message": "Not Found"})


def _invalid(field: str) -> tuple[int, Any]:
    return 422, {"message": "Validation Failed",
                 "errors": [{"resource": "Request", "field": field, "code": "invalid"}]}


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
