#!/usr/bin/env bash
# Regenerates the JSON Schemas that Astro writes for tests/fixtures/astro-site: installs
# the pinned Astro (package-lock.json) with `npm ci`, runs `astro sync` on a copy of the
# site placed under this folder (so that the site's `astro:content` and `astro/loaders`
# imports resolve to ./node_modules), and copies `.astro/collections/*.schema.json` back
# into the committed fixture. CI does not run this; it uses the committed files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="$here/../fixtures/astro-site"
work="$here/work"

cd "$here"
npm ci --no-audit --no-fund
rm -rf "$work"
mkdir -p "$work"
cp -r "$site" "$work/site"
rm -rf "$work/site/.astro"
ASTRO_TELEMETRY_DISABLED=1 npx --no-install astro sync --root "$work/site"
mkdir -p "$site/.astro/collections"
rm -f "$site/.astro/collections/"*.schema.json
cp "$work/site/.astro/collections/"*.schema.json "$site/.astro/collections/"
rm -rf "$work"
ls "$site/.astro/collections/"
