#!/usr/bin/env bash
# The benchmark in one command: installs the peers and tools, builds contentlint (Release)
# and the parse floor, generates the corpus, times everything side by side and writes the
# results into bench/README.md. See bench/README.md for what is measured and how.
#
#   bench/run.sh [--size-mb 10] [--runs 5] [--slow-runs 3] [--no-10x] [--no-install]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/bench"
command="bench/run.sh $*"

size_mb=10
runs=5
slow_runs=3
ten_x=1
install=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mb) size_mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --slow-runs) slow_runs="$2"; shift 2 ;;
    --no-10x) ten_x=0; shift ;;
    --no-install) install=0; shift ;;
    *) echo "usage: bench/run.sh [--size-mb N] [--runs N] [--slow-runs N] [--no-10x] [--no-install]" >&2
       exit 2 ;;
  esac
done

build="${CONTENTLINT_BENCH_BUILD:-$root/build-bench}"

if [[ $install -eq 1 ]]; then
  "$root/scripts/install-deps.sh" --bench
  # The peers, pinned in bench/package.json and bench/package-lock.json.
  npm ci --prefix "$bench" --no-audit --no-fund --loglevel=error
fi
rumdl="$bench/node_modules/@rumdl/cli-linux-x64/rumdl"
markdownlint="$bench/node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs"
for tool in "$rumdl" "$markdownlint"; do
  [[ -e "$tool" ]] || { echo "bench: $tool is missing; run without --no-install" >&2; exit 2; }
done

echo "bench: building contentlint (Release) in $build" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target contentlint -j "${CONTENTLINT_BENCH_JOBS:-$(nproc)}" >/dev/null
contentlint="$build/src/cli/contentlint"

echo "bench: building the parse floor" >&2
cc -O2 -Wall -Wextra -o "$build/floor" "$bench/floor.c" -lcmark -lyaml -lpthread

echo "bench: generating the corpus (${size_mb} MB)" >&2
python3 "$bench/generate.py" "$bench/corpus" --size-mb "$size_mb"
extra=()
if [[ $ten_x -eq 1 ]]; then
  big=$(python3 -c "print($size_mb * 10)")
  python3 "$bench/generate.py" "$bench/corpus-10x" --size-mb "$big"
  extra=(--corpus-10x "$bench/corpus-10x")
fi

python3 "$bench/measure.py" --corpus "$bench/corpus" "${extra[@]}" \
  --contentlint "$contentlint" --floor "$build/floor" --rumdl "$rumdl" \
  --markdownlint "$markdownlint" --runs "$runs" --slow-runs "$slow_runs" \
  --readme "$bench/README.md" --command "${command% }"
