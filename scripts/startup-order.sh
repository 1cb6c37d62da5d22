#!/usr/bin/env bash
# Rewrites src/cli/startup-order.txt: the functions a short run of contentlint executes,
# which the linker (lld, --symbol-ordering-file) lays out next to each other.
#
# Why: on a small VM every first touch of a 64 KB stretch of code is a page fault that
# costs 15-20 us, and a run over one file touched some 60 of them scattered over 4 MB of
# code. Packed together, the same code takes about 25. A name that no longer exists is
# skipped by the linker, so a stale list only makes start-up slower, never wrong; rerun
# this after large changes (bench/README.md shows the effect).
#
# Usage: scripts/startup-order.sh [BINARY]   (default build-bench/src/cli/contentlint)
# Needs valgrind (callgrind), which counts the functions without timing anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "${1:-$root/build-bench/src/cli/contentlint}")
out="$root/src/cli/startup-order.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v valgrind >/dev/null || { echo "startup-order: valgrind is not installed" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "startup-order: no binary at $binary (build it first)" >&2; exit 2; }

# The short runs a user waits for: the version, and one file of examples/ checked the way
# pre-commit (compact), a terminal (pretty) and an editor (json, stdin) check it; one
# clean article and one with findings of several rules.
runs=(
  "--version"
  "check --format compact src/content/posts/welcome-to-cohort-four.md"
  "check --format pretty src/content/posts/broken-links.md"
  "check --format compact src/content/posts/messy-tags-and-headings.md src/content/posts/schema-mistakes.md"
  "check --format json --stdin --stdin-filename src/content/posts/broken-links.md"
)
cd "$root/examples"
index=0
for run in "${runs[@]}"; do
  index=$((index + 1))
  # shellcheck disable=SC2086 # each run is a list of words
  valgrind --tool=callgrind --demangle=no --dump-instr=no --compress-strings=no \
    --compress-pos=no --callgrind-out-file="$work/run.$index" \
    "$binary" $run <src/content/posts/broken-links.md >/dev/null 2>&1 || true
done

# Every function of the binary itself that ran, by its symbol name, sorted so that the
# file changes only where the code did.
python3 - "$binary" "$work"/run.* >"$out.tmp" <<'EOF'
import sys
binary, names = sys.argv[1], set()
for profile in sys.argv[2:]:
    current = None
    with open(profile) as lines:
        for line in lines:
            if line.startswith("ob="):
                current = line[3:].strip()
            elif line.startswith("fn=") and current == binary:
                name = line.split("=", 1)[1].strip()
                if not name.startswith(("0x", "(")):
                    names.add(name)
print("\n".join(sorted(names)))
EOF
if [[ $(wc -l <"$out.tmp") -lt 100 ]]; then
  echo "startup-order: the runs recorded too few functions; $out is unchanged" >&2
  rm -f "$out.tmp"
  exit 1
fi
mv "$out.tmp" "$out"
echo "startup-order: $(wc -l <"$out") functions in ${out#"$root"/}"
