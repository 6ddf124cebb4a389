"""pipelines.github with the real github3.py client pointed at a local fake GitHub server."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipelines.core.errors import GitHubError
from pipelines.github import COMMENT_MARKER, GitHub, RunApproval, RunInfo
from tests.fakes.github_server import FakeGitHub

TOKEN = "ghs_fakeTokenForTests0123456789"
REPO = "acme/loan-model"


@pytest.fixture
def fake():
    with FakeGitHub(token=TOKEN) as server:
        yield server


@pytest.fixture
def gh(fake):
    return GitHub(REPO, TOKEN, api_url=fake.api_url)


def test_run_approvals_are_filtered_by_environment(fake, gh):
    fake.approvals = [
        {"login": "qa-lead", "state": "approved", "comment": "evidence reviewed", "environments": ["production"]},
        {"login": "dpo", "state": "rejected", "comment": "", "environments": ["staging"]},
        {"login": "clin-owner", "state": "approved", "comment": "ok", "environments": ["staging", "production"]},
    ]
    approvals = gh.run_approvals(4711, "production")
    assert approvals == [
        RunApproval("qa-lead", "approved", "evidence reviewed", ("production",)),
        RunApproval("clin-owner", "approved", "ok", ("staging", "production")),
    ]
    assert gh.run_approvals(4711, "canary") == []
    assert fake.requests[-1]["path"] == "/repos/acme/loan-model/actions/runs/4711/approvals"


def test_run_approvals_from_the_documented_example(fake, gh):
    # Default state of the fake is GitHub's own example: octocat approved "staging".
    assert gh.run_approvals(1, "staging") == [RunApproval("octocat", "approved", "Ship it!", ("staging",))]


def test_workflow_run_fields(fake, gh):
    fake.run.update(actor="merger", triggering_actor="re-runner", head_sha="a" * 40)
    assert gh.workflow_run(99) == RunInfo(
        run_id=99, head_sha="a" * 40, actor="merger", triggering_actor="re-runner",
        event="push", run_started_at="2020-01-22T19:33:08Z",
    )


def test_workflow_run_not_found_is_an_error(fake, gh):
    fake.run = None
    with pytest.raises(GitHubError, match=r"/repos/acme/loan-model/actions/runs/5: HTTP 404"):
        gh.workflow_run(5)


@pytest.mark.parametrize("entry, expected", [
    ("active", True),
    (("active", "maintainer"), True),
    ("pending", False),
    (None, False),  # 404
])
def test_team_membership(fake, gh, entry, expected):
    if entry is not None:
        fake.team_members[("acme", "release-approvers")] = {"qa-lead": entry}
    assert gh.is_team_member("acme", "release-approvers", "qa-lead") is expected
    assert fake.requests[-1]["path"] == "/orgs/acme/teams/release-approvers/memberships/qa-lead"


def test_team_membership_other_errors_raise(fake, gh):
    fake.fail_next = 403
    with pytest.raises(GitHubError, match=r"/orgs/acme/teams/t/memberships/x: HTTP 403"):
        gh.is_team_member("acme", "t", "x")


def test_pull_request_author(fake, gh):
    fake.pr_author = "ml-engineer"
    assert gh.pull_request_author(12) == "ml-engineer"


def test_upsert_comment_creates_once_then_edits(fake, gh):
    recorded = fake.seed_recorded_comments(12)  # real comments without the marker
    first = gh.upsert_comment(12, "## Candidate report\nv1")
    second = gh.upsert_comment(12, "## Candidate report\nv2")
    assert first == second
    on_pr = fake.comments_on(12)
    marked = {cid: body for cid, body in on_pr.items() if COMMENT_MARKER in body}
    assert marked == {first: f"{COMMENT_MARKER}\n## Candidate report\nv2"}
    assert set(on_pr) == set(recorded) | {first}
    assert [(action, cid) for action, cid, _ in fake.comment_log] == [("created", first), ("edited", first)]
    # Unchanged body: nothing is written.
    assert gh.upsert_comment(12, "## Candidate report\nv2") == first
    assert len(fake.comment_log) == 2
    posts = [r["path"] for r in fake.requests if r["method"] == "POST"]
    assert posts == ["/repos/acme/loan-model/issues/12/comments"]


def test_upsert_comment_keeps_a_marker_already_in_the_body(fake, gh):
    body = f"report\n{COMMENT_MARKER}"
    cid = gh.upsert_comment(3, body)
    assert fake.comments == {cid: body}


def test_set_status_is_recorded(fake, gh):
    gh.set_status("b" * 40, "failure", "gate refused: " + "x" * 300, target_url="https://ci.example/run/1")
    [status] = fake.statuses
    assert status["sha"] == "b" * 40
    assert status["state"] == "failure"
    assert status["context"] == "release-gate/candidate"
    assert status["target_url"] == "https://ci.example/run/1"
    assert status["description"].startswith("gate refused: ") and len(status["description"]) == 140


def test_set_status_rejects_an_unknown_state(gh):
    with pytest.raises(GitHubError, match="state"):
        gh.set_status("b" * 40, "passed", "x")


def test_every_request_is_authenticated(fake, gh):
    gh.pull_request_author(1)
    gh.workflow_run(2)
    gh.is_team_member("acme", "t", "x")
    assert fake.requests and all(r["auth_header"] for r in fake.requests)


def test_wrong_token_is_a_401_error_without_the_token(fake):
    wrong = "ghp_wrongTokenValue987"
    with pytest.raises(GitHubError, match="401") as info:
        GitHub(REPO, wrong, api_url=fake.api_url).workflow_run(1)
    assert wrong not in str(info.value)


@pytest.mark.parametrize("call, path", [
    (lambda g: g.run_approvals(7, "production"), "/repos/acme/loan-model/actions/runs/7/approvals"),
    (lambda g: g.pull_request_author(8), "/repos/acme/loan-model"),
    (lambda g: g.set_status("c" * 40, "success", "ok"), "/repos/acme/loan-model"),
])
def test_server_error_is_wrapped(fake, gh, call, path):
    fake.fail_next = 500
    with pytest.raises(GitHubError) as info:
        call(gh)
    message = str(info.value)
    assert f"{path}: HTTP 500" in message
    assert TOKEN not in message and "\n" not in message


def test_server_error_on_a_followed_link_names_that_path(fake, gh):
    gh.upsert_comment(5, "v1")  # repository and pull request are fetched and kept
    fake.fail_next = 500
    with pytest.raises(GitHubError, match=r"GET /repos/acme/loan-model/pulls/5: HTTP 500"):
        gh.upsert_comment(5, "v2")


def test_connection_refused_is_wrapped():
    server = FakeGitHub(token=TOKEN).start()
    api_url = server.api_url
    server.stop()
    for call, path in [
        (lambda g: g.workflow_run(3), "/repos/acme/loan-model/actions/runs/3"),
        (lambda g: g.upsert_comment(3, "x"), "/repos/acme/loan-model"),
    ]:
        with pytest.raises(GitHubError) as info:
            call(GitHub(REPO, TOKEN, api_url=api_url))
        message = str(info.value)
        assert path in message and "cannot connect" in message
        assert TOKEN not in message and TOKEN not in repr(info.value)


def test_enterprise_style_api_root():
    # GitHub Enterprise Server: GITHUB_API_URL is https://HOST/api/v3; payload links carry the prefix.
    with FakeGitHub(token=TOKEN, prefix="/api/v3") as server:
        gh = GitHub(REPO, TOKEN, api_url=server.api_url)
        cid = gh.upsert_comment(9, "hello")
        assert gh.upsert_comment(9, "hello again") == cid
        assert gh.workflow_run(4).run_id == 4
        assert all(r["path"].startswith("/api/v3/") for r in server.requests)


def test_bad_repo_name_and_repr_hide_nothing_secret():
    with pytest.raises(GitHubError, match="owner/name"):
        GitHub("just-a-name", TOKEN)
    assert TOKEN not in repr(GitHub(REPO, TOKEN))


def test_module_import_does_not_import_github3():
    code = ("import sys, pipelines.github; "
            "print(sorted(m for m in ('github3', 'requests', 'urllib3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_fake_server_contract(fake):
    import json
    import urllib.error
    import urllib.request

    def get(path, auth):
        request = urllib.request.Request(fake.api_url + path, headers={"Authorization": auth} if auth else {})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as err:
            return err.code, json.load(err)

    assert get("/repos/a/b", None)[0] == 401
    assert get("/repos/a/b", "Basic abc")[0] == 401
    assert get("/repos/a/b", f"Bearer {TOKEN}")[1]["full_name"] == "a/b"
    assert get("/no/such/route", f"token {TOKEN}") == (404, {"message": "Not Found"})
    assert [r["auth_header"] for r in fake.requests] == [False, True, True, True]
    assert "https://api.github.com" not in json.dumps(get("/repos/a/b/pulls/3", f"token {TOKEN}")[1])
