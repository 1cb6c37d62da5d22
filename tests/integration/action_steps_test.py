#!/usr/bin/env python3
"""The scripts of action.yml's steps, run the way a GitHub runner runs them (`bash --noprofile
--norc -eo pipefail FILE`, inputs through `env:`, outputs through $GITHUB_OUTPUT), offline, on
a copy of the example site in a temporary git repository.

Usage: action_steps_test.py CONTENTLINT
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}
DEFAULTS = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
GOOD = "src/content/posts/welcome-to-cohort-four.md src/content/posts/writing-your-first-article.md"
DEVREL = "src/content/posts/how-to-get-a-job-in-devrel.md"  # 1 error, 1 warning
WARNINGS_ONLY = "src/content/posts/messy-tags-and-headings.md"

failures = []


def check(condition, what, detail=""):
    if not condition:
        failures.append(f"{what}\n{detail}".rstrip())


class Runner:
    """Runs one step's script as the runner would, and collects what it wrote."""

    def __init__(self, work, contentlint):
        self.work = work
        self.bin = work / "bin"
        self.bin.mkdir()
        (self.bin / "contentlint").symlink_to(contentlint)
        self.home = work / "home"
        self.home.mkdir()

    def run(self, step_name, env, cwd):
        script = self.work / "step.sh"
        script.write_text(STEPS[step_name]["run"])
        files = {name: self.work / name for name in ("output", "summary", "path")}
        for file in files.values():
            file.write_text("")
        full_env = {
            "PATH": f"{self.bin}:{os.environ['PATH']}",
            "HOME": str(self.home),
            "LC_ALL": "C.UTF-8",
            "GITHUB_ACTIONS": "true",
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_OUTPUT": str(files["output"]),
            "GITHUB_STEP_SUMMARY": str(files["summary"]),
            "GITHUB_PATH": str(files["path"]),
            "RUNNER_TEMP": str(self.work),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_CEILING_DIRECTORIES": str(self.work),
            **env,
        }
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=cwd, env=full_env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
        outputs = dict(line.split("=", 1) for line in files["output"].read_text().splitlines())
        return done, outputs, files["summary"].read_text(), files["path"].read_text()

    def lint(self, cwd, base_ref="", **inputs):
        """The Lint step with these inputs (underscores for dashes), the others at their defaults."""
        values = {**DEFAULTS, **{k.replace("_", "-"): v for k, v in inputs.items()}}
        env = {f"INPUT_{name.upper().replace('-', '_')}": value for name, value in values.items()}
        env["BASE_REF"] = base_ref
        return self.run("Lint", env, cwd / values["working-directory"])


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
                        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def annotations(stdout):
    return [line for line in stdout.splitlines() if line.startswith(("::error ", "::warning "))]


def main():
    contentlint = pathlib.Path(sys.argv[1]).resolve()
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-action-"))
    try:
        runner = Runner(work, contentlint)
        site = work / "site"
        shutil.copytree(ROOT / "examples", site, ignore=shutil.ignore_patterns("github-actions", "pre-commit"))
        git(site, "init", "-q", "-b", "main")
        git(site, "add", "-A")
        git(site, "commit", "-q", "-m", "base")
        # What actions/checkout with fetch-depth: 0 leaves for a pull request into main.
        git(site, "update-ref", "refs/remotes/origin/main", "HEAD")
        git(site, "checkout", "-q", "-b", "feature")

        # Identify: a cache key from the sources and the system, the same every time.
        done, outputs, _, _ = runner.run("Identify the contentlint sources", {}, ROOT)
        check(done.returncode == 0, "Identify failed", done.stderr)
        key = outputs.get("key", "")
        check(re.fullmatch(r"contentlint-[a-z]+-[0-9.a-z]+-[a-z0-9_]+-[0-9a-f]{20}", key) is not None,
              f"unexpected cache key {key!r}")
        check(key.startswith(outputs.get("prefix", "-")), f"key {key!r} lacks its prefix")
        check(runner.run("Identify the contentlint sources", {}, ROOT)[1].get("key") == key,
              "the cache key changed between two runs")

        # Install: everything is there already, so it is quick and says nothing.
        done, _, _, _ = runner.run("Install the libraries contentlint needs", {}, ROOT)
        check(done.returncode == 0, "Install failed", done.stderr)

        # Build, on a cache hit: no compiler runs; contentlint goes on PATH.
        cached = runner.home / ".cache/contentlint/bin"
        cached.mkdir(parents=True)
        shutil.copy(contentlint, cached / "contentlint")
        (cached / "key").write_text(key + "\n")
        done, _, _, path = runner.run("Build contentlint", {"SOURCE_KEY": key}, ROOT)
        check(done.returncode == 0 and "using the cached build" in done.stdout,
              "Build did not use the cached contentlint", done.stdout + done.stderr)
        check(path == f"{cached}\n", f"Build added {path!r} to GITHUB_PATH")

        # Lint: exit codes and annotations.
        done, outputs, summary_once, _ = runner.lint(site, working_directory=".", paths=GOOD,
                                                     fail_on="warning")
        check(done.returncode == 0 and outputs.get("exit-code") == "0",
              "good articles: expected exit-code 0", f"{outputs}\n{done.stdout}{done.stderr}")
        done, outputs, summary_once, _ = runner.lint(site, paths=DEVREL)
        check(outputs.get("exit-code") == "1", "devrel article: expected exit-code 1", str(outputs))
        check([a.split(",title=")[-1] for a in annotations(done.stdout)] ==
              ["image/empty-url::image URL is empty",
               "image/alt-text::image alt text repeats the URL; describe the image"],
              "devrel article: unexpected annotations", done.stdout)
        check(runner.lint(site, paths=WARNINGS_ONLY)[1].get("exit-code") == "0",
              "warnings with fail-on error: expected exit-code 0")
        check(runner.lint(site, paths=WARNINGS_ONLY, fail_on="warning")[1].get("exit-code") == "1",
              "warnings with fail-on warning: expected exit-code 1")
        done, outputs, _, _ = runner.lint(site, paths=DEVREL, fail_on="sometimes")
        check(outputs.get("exit-code") == "2" and
              "::error title=contentlint::fail-on must be error or warning, found 'sometimes'"
              in done.stdout, "a bad fail-on: expected exit-code 2 and an error", done.stdout)
        done, outputs, _, _ = runner.lint(
            site, paths="src/content/posts/welcome-*.md\n  src/content/posts/writing-*.md\n")
        check(outputs.get("exit-code") == "0" and "in 2 files" in done.stdout,
              "globs over two lines: expected 2 clean files", done.stdout + done.stderr)

        # shard and cache: the parts together hold every finding; the cache lands in the site.
        def files_checked(stdout):
            found = re.search(r"in (\d+) files?", stdout)
            return int(found.group(1)) if found else -1
        parts = [runner.lint(site, shard=f"{k}/2")[0].stdout for k in (1, 2)]
        whole = runner.lint(site)[0].stdout
        check(0 < files_checked(parts[0]) < files_checked(whole) and
              files_checked(parts[0]) + files_checked(parts[1]) == files_checked(whole),
              "shard 1/2 and 2/2: expected the full run's files between them", "".join(parts) + whole)
        done, outputs, _, _ = runner.lint(site, shard="3/2")
        check(outputs.get("exit-code") == "2", "shard 3/2: expected exit-code 2", done.stderr)
        done, _, _, _ = runner.lint(site, cache="true")
        check(annotations(done.stdout) == annotations(whole) and
              (site / ".contentlint-cache/files").is_dir(),
              "cache: expected the same annotations and .contentlint-cache/", done.stdout)
        shutil.rmtree(site / ".contentlint-cache")

        # SARIF: a second run writes the file; the job summary is written once.
        done, outputs, summary, _ = runner.lint(site, paths=DEVREL, sarif_file="report.sarif")
        sarif = site / "report.sarif"
        check(outputs.get("sarif-path") == str(sarif) and sarif.is_file() and
              '"version": "2.1.0"' in sarif.read_text(), "no SARIF at sarif-path", str(outputs))
        check(outputs.get("exit-code") == "1", "with sarif-file: expected exit-code 1")
        check(summary == summary_once, "the SARIF run changed the job summary",
              f"--- without sarif-file\n{summary_once}--- with it\n{summary}")
        check(len(annotations(done.stdout)) == 2, "the SARIF run printed annotations", done.stdout)
        sarif.unlink(missing_ok=True)

        # only-changed: the pull request's changed files, from the merge base with its base.
        with open(site / "src/content/posts/welcome-to-cohort-four.md", "a") as article:
            article.write("\n![a new cover]()\n")
        done, outputs, _, _ = runner.lint(site, base_ref="main", only_changed="true")
        check(outputs.get("exit-code") == "1" and len(annotations(done.stdout)) == 1 and
              "welcome-to-cohort-four.md" in annotations(done.stdout)[0],
              "only-changed: expected the one changed article's error", done.stdout + done.stderr)
        done, outputs, _, _ = runner.lint(site, base_ref="", only_changed="true", paths=GOOD)
        check("::notice title=contentlint::only-changed applies to pull requests" in done.stdout,
              "only-changed outside a pull request: expected a notice", done.stdout)
        done, outputs, _, _ = runner.lint(site, base_ref="develop", only_changed="true")
        check(outputs.get("exit-code") == "2" and "unknown git revision 'origin/develop'" in done.stderr,
              "only-changed without the base branch: expected exit-code 2", done.stderr)

        # Result: the step fails with contentlint's exit code.
        for code in ("0", "1", "2"):
            done = runner.run("Result", {"EXIT_CODE": code}, ROOT)[0]
            check(str(done.returncode) == code, f"Result with exit-code {code} exited {done.returncode}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"{len(failures)} check(s) failed" if failures else "action steps: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
