#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, and run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
# The npm-pinned test tools (tests/package.json, lock committed) into tests/node_modules.
npm ci --prefix "$root/tests" --no-audit --no-fund --loglevel=error
"$root/scripts/build.sh"
# The tests that bound run times (hang detectors: a timeout honoured, a body not read to
# its end) share the cores with the rest of the suite; on a small CI runner they get twice
# their quiet-machine time.
(cd "$root/build" && CONTENTLINT_TIME_SLACK=${CONTENTLINT_TIME_SLACK:-2} ctest --output-on-failure -j "$(nproc)")
# Hostile input: the suite again under ASan+UBSan (build-asan/), then each fuzz target for
# a bounded time (build-fuzz/). CONTENTLINT_SKIP_HOSTILE=1 skips both on a quick local run.
if [[ "${CONTENTLINT_SKIP_HOSTILE:-}" != 1 ]]; then
  "$root/scripts/test-sanitizers.sh"
  "$root/scripts/fuzz.sh"
fi
