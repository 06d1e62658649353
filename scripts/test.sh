#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every vitest project (unit, integration with a real PostgreSQL
# and the real server, browser tests in Debian's Chromium). Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests need Debian's Chromium, and a font with Hangul (without one every Korean screenshot
# is tofu boxes).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if command -v dpkg-query >/dev/null && ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; then
  missing+=(fonts-noto-cjk)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Missing for the browser tests: ${missing[*]}; installing Debian's packages…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The browser tests need Debian's ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and try again." >&2
    exit 1
  fi
fi

npm run --silent db:generate >/dev/null
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# Trust the report as well as the exit code: any failed test or suite fails the run.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numFailedTests > 0 || r.numFailedTestSuites > 0 || r.numTotalTests === 0) process.exit(1);
' || status=1
exit $status
