#!/usr/bin/env bash
# The project's whole test run, from a fresh clone: installs what it needs, builds, lints,
# runs the unit, emulator, contract and reliability tests (jest), then the end-to-end tests
# in a real n8n, once per n8n line: 2.x (2.41.1) and 1.x (1.123.81); each runtime is prepared and
# cached in .n8n-runtime/ on first use, and the packed package is installed into each n8n as users
# install it (README → Install). N8N_LINES=2.x runs the end-to-end tests in one line only.
# Set SKIP_E2E=1 to leave out the real-n8n parts (end-to-end and queue mode) on a quick local run,
# SKIP_QUEUE=1 to leave out only queue mode, SKIP_BROWSER=1 to leave out the browser tests,
# SKIP_INSTALL=1 to leave out the install routes of the packed tarball.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step's start shows the time spent so far, so a slow CI run tells where its minutes went.
step() { printf '\n=== %s (at %d s)\n' "$*" "${SECONDS}"; }

if [ -n "${CI:-}" ] || [ ! -d node_modules ]; then
	step "npm ci"
	npm ci --no-audit --no-fund
fi

mkdir -p .test-results
# The n8n runtimes (downloads, a native rebuild) are prepared in the background while the build,
# lint and jest run; the end-to-end step waits for them. A ready runtime takes a few seconds.
runtime_pid=""
if [ -z "${SKIP_E2E:-}" ]; then
	step "preparing the n8n runtimes in the background (log: .test-results/runtime.log)"
	(
		for line in $(node --input-type=module -e 'import { requestedLines } from "./scripts/n8n-runtime.mjs"; console.log(requestedLines().join(" "))'); do
			node scripts/n8n-runtime.mjs --line="${line}" || exit $?
		done
	) >.test-results/runtime.log 2>&1 &
	runtime_pid=$!
fi

step "build"
npm run build

step "lint (n8n community-node rules)"
npm run lint

step "type-check the tests"
npx tsc -p test/tsconfig.json
npx tsc -p test/tsconfig.tools.json

step "unit, emulator, contract and reliability tests"
rm -f .test-results/jest.json .test-results/e2e.json .test-results/e2e-*.json .test-results/browser.json .test-results/install.json .test-results/queue.json
status=0
npx jest --ci --json --outputFile=.test-results/jest.json || status=$?

if [ -n "${runtime_pid}" ]; then
	step "waiting for the n8n runtimes"
	runtime_status=0
	wait "${runtime_pid}" || runtime_status=$?
	tail -n 20 .test-results/runtime.log
	# The end-to-end runs prepare a runtime themselves too, and report what failed there.
	[ "${runtime_status}" -eq 0 ] || echo "preparing the n8n runtimes failed (exit ${runtime_status}); see .test-results/runtime.log"
fi

e2e_status=0
if [ -z "${SKIP_E2E:-}" ] && [ -f test/e2e/run.mjs ]; then
	for line in $(node --input-type=module -e 'import { requestedLines } from "./scripts/n8n-runtime.mjs"; console.log(requestedLines().join(" "))'); do
		# The default line (2.x) runs everything; the others the example workflows (E2E_FULL=1: everything).
		scope=""
		if [ "${line}" != "2.x" ] && [ -z "${E2E_FULL:-}" ]; then scope="--examples"; fi
		step "end-to-end tests in a real n8n ${line} ${scope}"
		node test/e2e/run.mjs --line="${line}" ${scope} || e2e_status=$?
	done
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

node scripts/lib/test-summary.mjs
printf 'whole run: %d s\n' "${SECONDS}"
[ "$status" -eq 0 ] && [ "$e2e_status" -eq 0 ] && [ "$browser_status" -eq 0 ] && [ "$install_status" -eq 0 ] && [ "$queue_status" -eq 0 ]
