#!/usr/bin/env bash
# Fetch TimelineJS (Knight Lab's timeline page) from the npm registry into build/timelinejs,
# for the browser test that opens dateline's TimelineJS output in TimelineJS's own page.
# Usage: bash ci/install_timelinejs.sh [TARGET_DIR]   (default: build/timelinejs)
set -euo pipefail
target="${1:-build/timelinejs}"
if [ -f "$target/dist/js/timeline.js" ]; then
  echo "TimelineJS already in $target" >&2
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is not installed" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@knight-lab/timelinejs@3" >/dev/null)
mkdir -p "$target"
tar -xzf "$work"/knight-lab-timelinejs-*.tgz -C "$target" --strip-components=1
test -f "$target/dist/js/timeline.js"
echo "TimelineJS $(node -p "require('./$target/package.json').version" 2>/dev/null) in $target" >&2
