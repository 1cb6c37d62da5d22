#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, and run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
# The npm-pinned test tools (tests/package.json, lock committed) into tests/node_modules.
npm ci --prefix "$root/tests" --no-audit --no-fund --loglevel=error
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"
