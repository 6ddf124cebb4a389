"""`release-gate github report` against the fake GitHub server: one comment per
PR, updated in place, and a commit status that follows the evidence."""
from __future__ import annotations

import json

from click.testing import CliRunner

from pipelines.cli import main
from tests.fakes.github_server import FakeGitHub


def workspace(tmp_path, passed: bool, report: str):
    (tmp_path / "reports").mkdir(exist_ok=True)
    (tmp_path / "evidence").mkdir(exist_ok=True)
    (tmp_path / "reports/candidate.md").write_text(report)
    (tmp_path / "evidence/register.json").write_text(json.dumps({"stage": "register", "passed": passed}))


def test_one_comment_updated_in_place_and_status_follows_evidence(tmp_path, repo_root):
    cfg = str(repo_root / "configs/pipeline.yaml")
    with FakeGitHub(token="gh-secret-token") as fake:
        env = {"GITHUB_REPOSITORY": "acme/models", "GITHUB_TOKEN": "gh-secret-token", "GITHUB_API_URL": fake.api_url}
        fake.add_comment(7, "an unrelated human comment", login="dave")
        workspace(tmp_path, False, "# Candidate report: v1\n\nFAILED")
        r1 = CliRunner().invoke(main, ["--root", str(tmp_path), "github", "report", "--config", cfg, "--pr", "7", "--sha", "a" * 40], env=env)
        assert r1.exit_code == 0, r1.output
        workspace(tmp_path, True, "# Candidate report: v2\n\nall stages passed")
        r2 = CliRunner().invoke(main, ["--root", str(tmp_path), "github", "report", "--config", cfg, "--pr", "7", "--sha", "b" * 40], env=env)
        assert r2.exit_code == 0, r2.output
        bodies = list(fake.comments_on(7).values())
        ours = [b for b in bodies if "release-gate:candidate-report" in b]
        assert len(ours) == 1 and "v2" in ours[0] and "an unrelated human comment" in bodies
        assert [(s["sha"][:1], s["state"], s["context"]) for s in fake.statuses] == [("a", "failure", "release-gate/candidate"),
                                                                                      ("b", "success", "release-gate/candidate")]
        assert "gh-secret-token" not in r1.output + r2.output


def test_missing_report_still_reports_failure(tmp_path, repo_root):
    with FakeGitHub(token="t") as fake:
        env = {"GITHUB_REPOSITORY": "acme/models", "GITHUB_TOKEN": "t", "GITHUB_API_URL": fake.api_url}
        res = CliRunner().invoke(main, ["--root", str(tmp_path), "github", "report", "--config", str(repo_root / "configs/pipeline.yaml"),
                                        "--pr", "3", "--sha", "c" * 40], env=env)
        assert res.exit_code == 0, res.output
        assert fake.statuses[-1]["state"] == "failure"
        assert "stopped before registration" in list(fake.comments_on(3).values())[0]


def test_unreachable_github_is_one_line_and_exit_8(tmp_path, repo_root):
    from tests.conftest import free_port

    workspace(tmp_path, True, "# r")
    env = {"GITHUB_REPOSITORY": "acme/models", "GITHUB_TOKEN": "sekret-token", "GITHUB_API_URL": f"http://127.0.0.1:{free_port()}"}
    res = CliRunner().invoke(main, ["--root", str(tmp_path), "github", "report", "--config", str(repo_root / "configs/pipeline.yaml"),
                                    "--pr", "3", "--sha", "c" * 40], env=env)
    assert res.exit_code == 8 and "sekret-token" not in res.output and "Traceback" not in res.output
