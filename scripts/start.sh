#!/usr/bin/env bash
# npm start: load the sample reports when no database exists yet (generating them when absent),
# build the app when the sources changed since the last build, and serve it on :3000.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${NIANBAO_DB:-data/nianbao.db}"
SAMPLE=data/sample

if [ ! -s "$DB" ]; then
  [ -d "$SAMPLE" ] || npm run --silent generate-sample -- --out "$SAMPLE"
  npm run --silent ingest -- --db "$DB" "$SAMPLE"
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db next.config.js package.json -newer .next/BUILD_ID -print -quit)" ]; then
  npx next build
fi

export NIANBAO_DB="$DB"
exec npx next start -p "${PORT:-3000}"
