#!/usr/bin/env python3
"""Validates contentlint's SARIF with Microsoft's SARIF multitool, the validator GitHub
code scanning's rules come from (`--rule-kind "Gh;Sarif"`).

Usage: validate.py CONTENTLINT

It validates the SARIF of a real run over examples/ and the golden rendering
tests/golden/report/sarif.txt (hostile file names and messages), and fails on any
result of level error or warning in the multitool's output: the multitool itself exits
0 whatever it finds. The multitool comes from tests/package.json (`npm ci --prefix
tests`, which scripts/test.sh runs); when it is missing the test fails, never skips.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

TESTS = pathlib.Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def multitool() -> str:
    # The package's own bin wrapper runs the binary through a shell, which would split
    # "Gh;Sarif" at the ';'; so ask the package where its platform binary is.
    node = shutil.which("node")
    if node is None:
        sys.exit("node is not installed (scripts/install-deps.sh --test installs it)")
    found = subprocess.run([node, "-p", "require('@microsoft/sarif-multitool')"], cwd=TESTS,
                           capture_output=True, text=True)
    path = found.stdout.strip()
    if found.returncode != 0 or not os.path.isfile(path):
        sys.exit("the SARIF multitool is not installed; run `npm ci --prefix tests`\n"
                 + found.stderr)
    return path


def validate(tool: str, files: list[pathlib.Path], work: pathlib.Path) -> list[str]:
    out = work / "validation.sarif"
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
               DOTNET_CLI_TELEMETRY_OPTOUT="1")
    done = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", "--output", str(out)]
                          + [str(f) for f in files], env=env, capture_output=True, text=True,
                          timeout=120)
    if not out.exists():
        return [f"the multitool wrote no output (exit {done.returncode}):\n"
                f"{done.stdout}{done.stderr}"]
    log = json.loads(out.read_text(encoding="utf-8"))
    problems = []
    for run in log.get("runs", []):
        for result in run.get("results", []):
            if result.get("level", "warning") in ("error", "warning"):
                where = result.get("locations", [{}])[0].get("physicalLocation", {})
                problems.append(f"{where.get('artifactLocation', {}).get('uri')}: "
                                f"{result.get('level', 'warning')} {result.get('ruleId')}: "
                                f"{json.dumps(result.get('message', {}))}")
        for invocation in run.get("invocations", []):
            for notification in invocation.get("toolExecutionNotifications", []):
                if notification.get("level", "warning") in ("error", "warning"):
                    problems.append(f"multitool: {json.dumps(notification.get('message'))}")
    return problems


def main() -> int:
    contentlint = pathlib.Path(sys.argv[1]).resolve()
    tool = multitool()
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-sarif-"))
    try:
        examples = work / "examples.sarif"
        with examples.open("wb") as out:
            done = subprocess.run([str(contentlint), "--format", "sarif"], cwd=ROOT / "examples",
                                  stdout=out, stderr=subprocess.PIPE, timeout=60)
        if done.returncode not in (0, 1):
            print(f"contentlint failed (exit {done.returncode}):\n{done.stderr.decode()}")
            return 1
        if not json.loads(examples.read_text(encoding="utf-8"))["runs"][0]["results"]:
            print("the examples produced no results: nothing was validated")
            return 1
        golden = work / "golden.sarif"
        shutil.copyfile(TESTS / "golden" / "report" / "sarif.txt", golden)
        problems = validate(tool, [examples, golden], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
