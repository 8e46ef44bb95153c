#!/usr/bin/env bash
# The whole test suite: unit and contract tests (vitest), then the end-to-end browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browser.sh
npx tsc --noEmit
npx vitest run
npm run --silent test:e2e
