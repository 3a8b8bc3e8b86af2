#!/usr/bin/env bash
# The project's whole test run, from a fresh clone: installs what it needs, builds, lints,
# runs the unit, emulator, contract and reliability tests (jest), then the end-to-end tests
# in a real n8n (the runtime is prepared and cached in .n8n-runtime/ on first use).
# Set SKIP_E2E=1 to leave out the real-n8n parts (end-to-end and queue mode) on a quick local run,
# SKIP_QUEUE=1 to leave out only queue mode, SKIP_BROWSER=1 to leave out the browser tests,
# SKIP_INSTALL=1 to leave out the install routes of the packed tarball.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

if [ -n "${CI:-}" ] || [ ! -d node_modules ]; then
	step "npm ci"
	npm ci --no-audit --no-fund
fi

step "build"
npm run build

step "lint (n8n community-node rules)"
npm run lint

step "type-check the tests"
npx tsc -p test/tsconfig.json

step "unit, emulator, contract and reliability tests"
mkdir -p .test-results
rm -f .test-results/jest.json .test-results/e2e.json .test-results/browser.json .test-results/install.json .test-results/queue.json
status=0
npx jest --ci --json --outputFile=.test-results/jest.json || status=$?

e2e_status=0
if [ -z "${SKIP_E2E:-}" ] && [ -f test/e2e/run.mjs ]; then
	step "end-to-end tests in a real n8n"
	node test/e2e/run.mjs || e2e_status=$?
fi

browser_status=0
if [ -z "${SKIP_E2E:-}" ] && [ -z "${SKIP_BROWSER:-}" ] && [ -f test/browser/run.mjs ]; then
	step "the n8n editor with our nodes, in Chromium"
	node test/browser/run.mjs || browser_status=$?
fi

install_status=0
if [ -z "${SKIP_E2E:-}" ] && [ -z "${SKIP_INSTALL:-}" ] && [ -f test/package/install.mjs ]; then
	step "the packed tarball: n8n's install route and the README's, n8n's scanner rules"
	node test/package/install.mjs || install_status=$?
fi

queue_status=0
if [ -z "${SKIP_E2E:-}" ] && [ -z "${SKIP_QUEUE:-}" ] && [ -f test/queue/run.mjs ]; then
	step "queue mode: n8n main + 2 workers on Redis and PostgreSQL"
	node test/queue/run.mjs || queue_status=$?
fi

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const file of [".test-results/jest.json", ".test-results/e2e.json", ".test-results/browser.json", ".test-results/install.json", ".test-results/queue.json"]) {
	if (!fs.existsSync(file)) continue;
	const r = JSON.parse(fs.readFileSync(file, "utf8"));
	passed += r.numPassedTests || 0; failed += r.numFailedTests || 0; skipped += r.numPendingTests || 0;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
'
[ "$status" -eq 0 ] && [ "$e2e_status" -eq 0 ] && [ "$browser_status" -eq 0 ] && [ "$install_status" -eq 0 ] && [ "$queue_status" -eq 0 ]
