#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, and run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
# The npm-pinned test tools (tests/package.json, lock committed) into tests/node_modules.
npm ci --prefix "$root/tests" --no-audit --no-fund --loglevel=error
"$root/scripts/build.sh"
(cd "$root/build" && ctest --output-on-failure -j "$(nproc)")
# Hostile input: the suite again under ASan+UBSan (build-asan/), then each fuzz target for
# a bounded time (build-fuzz/). CONTENTLINT_SKIP_HOSTILE=1 skips both on a quick local run.
if [[ "${CONTENTLINT_SKIP_HOSTILE:-}" != 1 ]]; then
  "$root/scripts/test-sanitizers.sh"
  "$root/scripts/fuzz.sh"
fi
