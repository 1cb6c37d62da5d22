#!/usr/bin/env python3
"""Smoke test of the benchmark corpus (ctest "bench: generated corpus"); not a benchmark.

    bench/smoke_test.py path/to/contentlint

Checks that bench/generate.py writes the same site twice for one seed, that contentlint
checks a generated 20-post site without a tool error (exit 0 or 1, never 2), and that the
same site without planted defects has no finding at all: a finding there is either a false
positive of a rule or a generator that writes something it did not mean to.
"""

import filecmp
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(out, *extra):
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), out, "--files", "20",
                    *extra], check=True, stderr=subprocess.DEVNULL)


def same_tree(a, b):
    compare = filecmp.dircmp(a, b)
    if compare.left_only or compare.right_only or compare.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compare.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(os.path.join(a, d), os.path.join(b, d)) for d in compare.common_dirs)


def check(contentlint, site):
    return subprocess.run([contentlint, "check", "--format", "compact"], cwd=site,
                          capture_output=True, text=True)


def main():
    contentlint = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        first, second, clean = (os.path.join(tmp, name) for name in ("a", "b", "clean"))
        generate(first)
        generate(second)
        if not same_tree(first, second):
            failures.append("generate.py wrote different sites for the same seed")
        posts = sum(len(files) for _, _, files in os.walk(os.path.join(first, "src/content")))
        if posts != 20:
            failures.append(f"generate.py --files 20 wrote {posts} posts")

        done = check(contentlint, first)
        if done.returncode not in (0, 1):
            failures.append(f"contentlint exited {done.returncode} on the generated site:\n"
                            f"{done.stdout}{done.stderr}")
        elif "in 20 files" not in done.stdout:
            failures.append(f"the summary does not count 20 files:\n{done.stdout}")

        generate(clean, "--defect-rate", "0")
        done = check(contentlint, clean)
        # Only the summary line ("No problems in 20 files"), and success.
        if done.returncode != 0 or done.stdout.strip().lower() != "no problems in 20 files":
            failures.append(f"the site without defects has findings (exit {done.returncode}):\n"
                            f"{done.stdout}{done.stderr}")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
