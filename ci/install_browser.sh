#!/usr/bin/env bash
# Install what the end-to-end browser tests need: Debian's chromium and the Python
# playwright driver (Playwright's own browser download is not used: the tests launch
# /usr/bin/chromium through executable_path).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
fi
python -c "import playwright" 2>/dev/null || pip install -q "playwright>=1.40" >&2
chromium --version >&2
python -c "from importlib.metadata import version; import sys; print('playwright', version('playwright'), file=sys.stderr)"
# TimelineJS (npm registry) for tests/e2e/test_timelinejs.py; optional: skipped without npm.
if command -v npm >/dev/null 2>&1; then
  bash "$(dirname "$0")/install_timelinejs.sh" || echo "TimelineJS not installed; its test will skip" >&2
else
  echo "npm not found: TimelineJS not installed; its browser test will skip" >&2
fi
