#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz into build-fuzz/ (clang, with every library
# instrumented for coverage, ASan and UBSan) and runs each for a bounded time from seeds
# collected out of the repository's fixtures (scripts/fuzz-corpus.py) and the crashes
# found before (tests/fuzz/regressions/<target>/). Fails when any target crashes, leaks,
# times out or breaks an invariant; the input is left in build-fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [TARGET...]     default: all targets
#   FUZZ_SECONDS=300 scripts/fuzz.sh markdown
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-30}
all_targets=(frontmatter markdown schema config lsp fix yaml_differential)
targets=("${all_targets[@]}")
if [[ $# -gt 0 ]]; then targets=("$@"); fi

export CCACHE_DIR=${CCACHE_DIR:-$root/.cache/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCONTENTLINT_FUZZ=ON >/dev/null
cmake --build "$build_dir" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target "${targets[@]/%/_fuzz}"

rm -rf "$build_dir/seeds"
python3 "$root/scripts/fuzz-corpus.py" "$build_dir/seeds" >/dev/null

# The config and fix targets write scratch files under $TMPDIR; a crash leaves them behind.
export TMPDIR=$build_dir/tmp
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
failed=()
for target in "${targets[@]}"; do
  corpus=$build_dir/corpus/$target  # grows across local runs; libFuzzer writes only here
  artifacts=$build_dir/artifacts/$target
  regressions=$root/tests/fuzz/regressions/$target
  mkdir -p "$corpus" "$artifacts" "$build_dir/seeds/$target"
  # yaml_differential starts from the front matter seeds.
  [[ $target == yaml_differential ]] && cp -n "$build_dir/seeds/frontmatter/"* "$build_dir/seeds/$target/"
  echo "fuzz: $target for ${seconds}s" >&2
  # -timeout: one input may take 10 s (ASan, and cmark 0.30.2 is quadratic on some
  # inputs); -max_len: inputs grow to 64 KiB, beyond which the pathological suite bounds
  # time instead. The server's and the engine's logs go to the log file.
  if ! "$build_dir/tests/fuzz/${target}_fuzz" "$corpus" "$build_dir/seeds/$target" "$regressions" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 \
      >"$artifacts/log" 2>&1; then
    failed+=("$target")
    echo "fuzz: $target FAILED; last lines of $artifacts/log:" >&2
    grep -av '^#\|^INFO\|NEW_FUNC' "$artifacts/log" | tail -40 >&2
    echo "fuzz: add the input from $artifacts/ to tests/fuzz/regressions/$target/" >&2
  else
    grep -aE '^stat::number_of_executed_units|^Done' "$artifacts/log" | tr '\n' ' ' >&2
    echo >&2
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
