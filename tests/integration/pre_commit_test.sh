#!/usr/bin/env bash
# contentlint's hooks in the real pre-commit, in temporary git repositories, offline:
# the manifest validates; a bad article blocks `git commit` with contentlint's message and a
# good one passes; contentlint-fix fixes trailing whitespace; and with many files, which
# pre-commit splits into parallel batches, the findings are those of one run over all files.
# Usage: pre_commit_test.sh CONTENTLINT
set -euo pipefail

contentlint=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v pre-commit > /dev/null || {
  echo "FAIL: pre-commit is not installed (scripts/install-deps.sh --test installs it)"
  exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/contentlint-pre-commit-XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_CEILING_DIRECTORIES="$work"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
unset PRE_COMMIT_NO_CONCURRENCY
# pre-commit 3 runs a hook in as many batches as the machine has cores (at least four files
# each); on Travis it assumes two. Claiming Travis makes the batching the same everywhere.
export TRAVIS=1

# The contentlint on PATH is a wrapper that logs how many files each batch passes.
mkdir -p "$work/bin"
cat > "$work/bin/contentlint" <<EOF
#!/usr/bin/env bash
echo "\$#" >> "$work/batches"
exec "$contentlint" "\$@"
EOF
chmod +x "$work/bin/contentlint"
export PATH="$work/bin:$PATH"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# expect_line FILE LINE: FILE has LINE as one whole line.
expect_line() {
  grep -qxF -- "$2" "$1" || fail "expected the line '$2' in:"$'\n'"$(cat "$1")"
}

echo "--- pre-commit validate-manifest"
pre-commit validate-manifest "$root/.pre-commit-hooks.yaml" || fail "the manifest does not validate"

# pre-commit clones hook repositories, from a local path too, at a commit: a repository
# holding just the manifest stands in for contentlint's.
hooks="$work/hooks"
git init -q -b main "$hooks"
cp "$root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# new_site NAME HOOK_ID: a repository whose pre-commit config uses that hook.
new_site() {
  local site="$work/$1"
  git init -q -b main "$site"
  cat > "$site/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: $2
EOF
  git -C "$site" add .pre-commit-config.yaml
  git -C "$site" commit -q -m "pre-commit config" --no-verify
  (cd "$site" && pre-commit install > /dev/null)
  echo "$site"
}

echo "--- a bad article blocks the commit; a good one passes"
site=$(new_site site contentlint)
cd "$site"
mkdir -p posts
printf '# A post\n\n![a cat]()\n' > posts/bad.md
git add posts/bad.md
if git commit -q -m bad > "$work/out" 2>&1; then
  fail "the commit of a bad article succeeded"
fi
expect_line "$work/out" "posts/bad.md:3:1: error: image URL is empty [image/empty-url]"
expect_line "$work/out" "- hook id: contentlint"
git rev-parse -q --verify HEAD~1 > /dev/null && fail "a commit was made"
printf '# A post\n\n![a cat](cat.png)\n' > posts/bad.md
touch posts/cat.png
git add posts
git commit -q -m good > "$work/out" 2>&1 || fail "the commit of a good article failed:"$'\n'"$(cat "$work/out")"
grep -q '^contentlint\.*Passed$' "$work/out" || fail "the hook did not run and pass:"$'\n'"$(cat "$work/out")"
printf 'not Markdown ![a]()\n' > notes.txt
git add notes.txt
git commit -q -m "not markdown" > "$work/out" 2>&1 || fail "a non-Markdown file was linted"
grep -q '^contentlint\.*(no files to check)Skipped$' "$work/out" ||
  fail "the hook ran without Markdown files:"$'\n'"$(cat "$work/out")"

echo "--- contentlint-fix fixes trailing whitespace"
site=$(new_site fix-site contentlint-fix)
cd "$site"
printf '# Notes   \n\nSome text.  \n' > notes.md
git add notes.md
if git commit -q -m whitespace > "$work/out" 2>&1; then
  fail "the commit went through although the hook changed a file"
fi
grep -q 'files were modified by this hook' "$work/out" ||
  fail "pre-commit did not see the fix:"$'\n'"$(cat "$work/out")"
[[ "$(cat notes.md)" == $'# Notes\n\nSome text.' ]] || fail "notes.md was not fixed: $(cat -A notes.md)"
git add notes.md
git commit -q -m whitespace > "$work/out" 2>&1 || fail "the fixed file does not commit:"$'\n'"$(cat "$work/out")"

echo "--- the findings do not depend on pre-commit's batches"
site=$(new_site batch-site contentlint)
cd "$site"
# 40 articles; each links to the next one's heading, and every seventh link names a heading
# that does not exist, so most links cross from one batch into another.
for i in $(seq 0 39); do
  next=$(((i + 1) % 40))
  anchor="part-$next"
  ((i % 7 == 0)) && anchor="missing-$next"
  printf '# Part %d\n\nSee [the next part](post-%02d.md#%s).\n' "$i" "$next" "$anchor" \
    > "$(printf 'post-%02d.md' "$i")"
done
git add post-*.md
rm -f "$work/batches"
pre-commit run contentlint --all-files > "$work/out" 2>&1 && fail "pre-commit passed on broken anchors"
batches=$(wc -l < "$work/batches")
((batches >= 2)) || fail "pre-commit ran contentlint in $batches batch(es), expected at least 2"
grep -E ': (error|warning): ' "$work/out" | sort > "$work/batched" || true
"$contentlint" check --format compact post-*.md | grep -E ': (error|warning): ' | sort > "$work/single" || true
[[ $(wc -l < "$work/single") -eq 6 ]] || fail "expected 6 findings in one run, got:"$'\n'"$(cat "$work/single")"
expect_line "$work/single" \
  "post-07.md:3:31: error: no heading matches '#missing-8' in post-08.md [link/anchor]"
diff -u "$work/single" "$work/batched" || fail "batched findings differ from one run's"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "pre-commit: all checks passed"
