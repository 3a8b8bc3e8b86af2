#!/usr/bin/env bash
# The main job: a real n8n 2.x with these nodes, the BILL emulator with demo data, a BILL
# credential and the example workflows; editor on http://localhost:5678. Ctrl-C stops it all.
# First run: npm ci (if node_modules is missing) and n8n into .n8n-runtime/ (2.8 GB; 12 to 30
# minutes on a 2-core machine, by its load: README → Two commands).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
	echo "=== npm ci"
	npm ci --no-audit --no-fund
fi
echo "=== build"
npm run build --silent >/dev/null
echo "=== n8n runtime, BILL emulator, n8n"
exec node scripts/start.mjs "$@"
