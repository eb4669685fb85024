#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the suite needs from Debian packages when it is
# missing, starts PostgreSQL with a role for the tests, then runs the whole suite and prints its totals.
# Safe to run again: every step checks before it acts. Needs root or sudo for the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Debian packages the tests need. Later issues add chromium, fonts-liberation2, poppler-utils, python3-aiosmtpd.
packages=(postgresql postgresql-contrib tzdata)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -z "${CORRECTIONS_TEST_POSTGRES:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
    echo "== creating PostgreSQL $version cluster"
    as_root pg_createcluster "$version" main
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    echo "== starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
  fi
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  # A local role for the tests only; each test class creates and drops its own database.
  if ! as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'corrections'" | grep -q 1; then
    as_postgres psql -p "$port" -qc "CREATE ROLE corrections LOGIN CREATEDB PASSWORD 'corrections'"
  fi
  export CORRECTIONS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=corrections;Password=corrections;Database=postgres"
fi

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
