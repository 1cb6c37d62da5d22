#!/usr/bin/env bash
# Quick start, part one: install what is missing, build, and run contentlint on examples/.
# The bad articles in examples/ have findings, so this exits 1 on purpose.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/examples"
exec "$root/build/src/cli/contentlint" "$@"
