#!/usr/bin/env bash
# The test suite again, built into build-asan/ with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (CONTENTLINT_SANITIZE), libstdc++'s bounds assertions, and
# -O1 so that it stays quick. Any sanitizer report fails its test. Run by scripts/test.sh
# after the normal suite; extra arguments go to ctest (e.g. -R golden).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${SANITIZE_BUILD_DIR:-$root/build-asan}

export CCACHE_DIR=${CCACHE_DIR:-$root/.cache/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DCMAKE_CXX_FLAGS="-D_GLIBCXX_ASSERTIONS" -DCONTENTLINT_SANITIZE=ON >/dev/null
cmake --build "$build_dir" -j "${SANITIZE_BUILD_JOBS:-$(nproc)}"

# Set explicitly, so that the result does not depend on the defaults of the machine:
# leaks are reported (LSan needs no ptrace here: it runs in-process at exit), every
# report is fatal with a non-zero exit, and UBSan prints where.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:detect_invalid_pointer_pairs=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-}
# The tests that bound run times (tests/pathological, the external-link server test) allow
# for the sanitizers' slowdown.
export CONTENTLINT_TIME_SLACK=${CONTENTLINT_TIME_SLACK:-4}

# Left out, because under the sanitizers they test nothing the rest does not: they run no
# contentlint code (actionlint, action-validator, the run-script check), or they test a
# client's behaviour around the same code paths that the e2e and protocol-client tests
# already drive (pre-commit's hook manifest; Neovim's LSP client, which is also timing-
# sensitive and slow to start; the SARIF multitool, which validates output that the e2e
# SARIF cases produce under the sanitizers too).
excluded='^(lsp: neovim|sarif: multitool validation|integration: (actionlint|action-validator|no expressions in run scripts|pre-commit))$'
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" -E "$excluded" "$@"
