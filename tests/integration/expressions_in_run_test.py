#!/usr/bin/env python3
"""No `${{ }}` expression inside a `run:` script of action.yml or the workflows.

GitHub substitutes an expression into the script's text before the shell parses it, so a
value from a pull request (a branch name, a path) could run as shell code. Values reach the
scripts through `env:` instead. A known-bad workflow must be caught.
"""
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = ["action.yml", ".github/workflows/ci.yml", "examples/github-actions/content-site.yml",
         "examples/github-actions/large-site.yml"]


def runs_with_expressions(document):
    """(where, script) for every run: script that holds an expression."""
    steps = []
    if isinstance(document.get("runs"), dict):
        steps += [("runs", s) for s in document["runs"].get("steps") or []]
    for name, job in (document.get("jobs") or {}).items():
        steps += [(f"jobs.{name}", s) for s in job.get("steps") or []]
    found = []
    for where, step in steps:
        script = str(step.get("run", ""))
        if "${{" in script:
            found.append((f"{where}: step {step.get('name') or script.splitlines()[0]!r}", script))
    return found


def main() -> int:
    failed = False
    for name in FILES:
        for where, _ in runs_with_expressions(yaml.safe_load((ROOT / name).read_text())):
            print(f"FAIL: {name}: {where} has an expression in run:; pass it through env:")
            failed = True
    bad = ROOT / "tests/integration/fixtures/bad-workflow.yml"
    found = [where for where, _ in runs_with_expressions(yaml.safe_load(bad.read_text()))]
    if found != ["jobs.lint: step 'echo \"branch ${{ github.head_ref }}\"'"]:
        print(f"FAIL: the known-bad workflow gave {found}")
        failed = True
    print("FAIL" if failed else f"no expressions in run: scripts of {len(FILES)} files")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
