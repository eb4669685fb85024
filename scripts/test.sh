#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the suite needs from Debian packages when it is
# missing, starts PostgreSQL with a role for the tests, then runs the whole suite and prints its totals.
# Safe to run again: every step checks before it acts. Needs root or sudo for the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Debian packages the tests need: PostgreSQL for the integration tests, time zones for school clocks,
# Liberation fonts and poppler-utils to render and read back PDFs, and Debian's chromium (with DejaVu for
# Cyrillic on pages) for the browser tests, since Playwright's own browser builds cannot be downloaded, and
# aiosmtpd, the real SMTP server the notification tests start.
packages=(postgresql postgresql-contrib tzdata fonts-liberation2 poppler-utils chromium fonts-dejavu-core python3-aiosmtpd)
# The web project restores its front-end libraries with npm at build; Debian's Node.js if none is there.
command -v npm >/dev/null || packages+=(nodejs npm)
# shellcheck source=lib/prerequisites.sh
. scripts/lib/prerequisites.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Corrections.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# Totals from the result files, by provider too, so a run shows that both databases were exercised.
summary=$(cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' | sed -E 's/.*testName="([^"]*)".*outcome="([^"]*)".*/\2 \1/' || true)
count() { printf '%s\n' "$summary" | grep -c -E "$1" || true; }
passed=$(count '^Passed '); failed=$(count '^Failed '); skipped=$(count '^NotExecuted ')
echo
echo "PostgreSQL: $(count '^Passed .*_OnPostgres\.') passed, $(count '^Failed .*_OnPostgres\.') failed"
echo "SQLite:     $(count '^Passed .*_OnSqlite\.') passed, $(count '^Failed .*_OnSqlite\.') failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "test.sh: no test results found" >&2; status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "test.sh: dotnet test failed outside the tests (build or restore, exit $status); see above" >&2; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit "$status"
