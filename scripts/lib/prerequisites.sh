# Sourced by scripts/test.sh and scripts/bench.sh: installs the missing Debian packages in $packages
# (after apt-get update), starts PostgreSQL with a role for the tests and exports its admin connection
# string as CORRECTIONS_TEST_POSTGRES, unless that is already set. Every step checks before it acts.

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
  # DROP DATABASE … WITH (FORCE) at the end of each test class must be able to end every session on
  # its database, also one PostgreSQL runs under another role (e.g. an autovacuum worker's).
  as_postgres psql -p "$port" -qc "GRANT pg_signal_backend TO corrections" >/dev/null
  export CORRECTIONS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=corrections;Password=corrections;Database=postgres"
fi

