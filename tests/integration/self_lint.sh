#!/usr/bin/env bash
# contentlint on this repository's own Markdown: the README, docs/, the usage guides (with
# .github/contentlint.yaml), and the example site's good articles (with the site's config).
# CI runs it with --format github. Usage: self_lint.sh CONTENTLINT [FLAGS...]
set -uo pipefail
contentlint=$(realpath "$1")
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0
(cd "$root" && "$contentlint" check --config .github/contentlint.yaml "$@" \
  README.md CHANGELOG.md docs rules examples/pre-commit examples/github-actions) || status=1
(cd "$root/examples" && "$contentlint" check --max-warnings 0 "$@" \
  src/content/posts/welcome-to-cohort-four.md src/content/posts/writing-your-first-article.md) ||
  status=1
exit $status
