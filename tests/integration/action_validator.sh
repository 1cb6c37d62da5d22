#!/usr/bin/env bash
# @action-validator/cli (from tests/node_modules) on action.yml and the workflows: each must
# validate against GitHub's schemas, and a known-bad action must be rejected.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
validator="$root/tests/node_modules/.bin/action-validator"
[[ -x "$validator" ]] || {
  echo "FAIL: @action-validator/cli is not installed: run \`npm ci --prefix tests\`"
  exit 1
}
failures=0
for file in action.yml .github/workflows/ci.yml examples/github-actions/content-site.yml \
    examples/github-actions/large-site.yml; do
  if (cd "$root" && "$validator" "$file"); then
    echo "$file: valid"
  else
    echo "FAIL: $file does not validate"
    failures=$((failures + 1))
  fi
done

bad="$root/tests/integration/fixtures/bad-action/action.yml"
if out=$("$validator" "$bad" 2>&1); then
  echo "FAIL: the known-bad action validated"
  failures=$((failures + 1))
elif ! grep -q '"path": "/runs"' <<< "$out"; then
  echo "FAIL: the known-bad action was rejected for another reason:"$'\n'"$out"
  failures=$((failures + 1))
fi
((failures == 0))
