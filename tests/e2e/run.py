#!/usr/bin/env python3
"""Runs one end-to-end case: the real contentlint binary, compared on stdout, stderr and
exit code.

A case is a folder under tests/e2e/cases/ with:
  cmd     a bash script run in the case folder, with $CONTENTLINT (the binary),
          $EXAMPLES (the repository's examples/) and $WORK (an empty temporary folder)
  stdout  expected standard output (optional: empty when missing)
  stderr  expected standard error (optional: empty when missing)
  exit    expected exit code (optional: 0 when missing)

CONTENTLINT_UPDATE_GOLDEN=1 rewrites stdout, stderr and exit; review the diff.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    binary, case = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    root = pathlib.Path(__file__).resolve().parents[2]
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-e2e-"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env.update(CONTENTLINT=str(binary), EXAMPLES=str(root / "examples"), WORK=str(work),
               LC_ALL="C.UTF-8")
    try:
        done = subprocess.run(["bash", "-e", str(case / "cmd")], cwd=case, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    got = {"stdout": done.stdout, "stderr": done.stderr,
           "exit": f"{done.returncode}\n".encode()}
    if os.environ.get("CONTENTLINT_UPDATE_GOLDEN") == "1":
        for name, data in got.items():
            path = case / name
            if data in (b"", b"0\n"):
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        return 0
    failed = False
    for name, data in got.items():
        path = case / name
        want = path.read_bytes() if path.exists() else (b"0\n" if name == "exit" else b"")
        if data != want:
            failed = True
            print(f"--- {case.name}: {name} differs\n--- expected\n{want.decode(errors='replace')}"
                  f"--- got\n{data.decode(errors='replace')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
