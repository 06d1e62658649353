#!/usr/bin/env bash
# `npm test`: typecheck and lint (side by side), then every vitest project: unit, alongside
# integration (a real PostgreSQL, the real server, browser tests in Debian's Chromium). Ends with one
# "N passed, N failed" line over both.
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
# The type check and the linter are independent single-threaded passes: they run side by side, and
# each one's output is printed whole once both are done.
mkdir -p test-results
echo "== typecheck and lint"
npx tsc --noEmit >test-results/typecheck.log 2>&1 & typecheck_pid=$!
npx eslint . --max-warnings 0 >test-results/lint.log 2>&1 & lint_pid=$!
failed_checks=()
wait $typecheck_pid || failed_checks+=(typecheck)
cat test-results/typecheck.log
wait $lint_pid || failed_checks+=(lint)
cat test-results/lint.log
if [ ${#failed_checks[@]} -gt 0 ]; then echo "failed: ${failed_checks[*]}"; exit 1; fi

echo "== tests"
rm -f test-results/vitest*.json
status=0
reports=()
if [ $# -gt 0 ]; then
  # Arguments (a file, a project, a name filter) go to one vitest run, as they are.
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
  reports=(test-results/vitest.json)
else
  # Within one vitest process a project without file parallelism (integration: one shared database
  # and server) only starts after every other project has finished. The unit project needs neither,
  # so it runs in a second vitest process alongside the integration project, printed when it is done.
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/vitest-unit.json >test-results/unit.log 2>&1 & unit_pid=$!
  trap 'kill $unit_pid 2>/dev/null || true' EXIT
  npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/vitest-integration.json || status=$?
  wait $unit_pid || status=1
  trap - EXIT
  echo "== unit tests (ran alongside the integration tests)"
  cat test-results/unit.log
  reports=(test-results/vitest-unit.json test-results/vitest-integration.json)
fi
# Trust the reports as well as the exit codes: any failed test or suite fails the run.
node -e '
  const fs = require("fs");
  const t = { passed: 0, failed: 0, failedSuites: 0, skipped: 0, total: 0 };
  const reports = [];
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { console.log(`no report at ${file}`); process.exit(1); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    reports.push(r);
    t.passed += r.numPassedTests; t.failed += r.numFailedTests; t.failedSuites += r.numFailedTestSuites;
    t.skipped += r.numPendingTests + r.numTodoTests; t.total += r.numTotalTests;
  }
  // A CI log may keep only its tail: name every failed test (and a failed file) again here, last.
  const strip = (text) => text.replace(/\u001b\[[0-9;]*m/g, "");
  for (const report of reports) {
    for (const suite of report.testResults) {
      const where = suite.name.replace(process.cwd() + "/", "");
      const failedTests = suite.assertionResults.filter((test) => test.status === "failed");
      if (suite.status === "failed" && failedTests.length === 0) console.log(`FAILED ${where}: ${strip(suite.message || "").split("\n").slice(0, 5).join(" | ")}`);
      for (const test of failedTests) {
        console.log(`FAILED ${where} > ${test.fullName}`);
        console.log("  " + strip(test.failureMessages.join("\n")).split("\n").slice(0, 8).join("\n  "));
      }
    }
  }
  console.log(`${t.passed} passed, ${t.failed} failed` + (t.skipped ? `, ${t.skipped} skipped` : ""));
  if (t.failed > 0 || t.failedSuites > 0 || t.total === 0) process.exit(1);
' "${reports[@]}" || status=1
exit $status
