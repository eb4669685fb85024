#!/usr/bin/env bash
# Engine transitions per second on PostgreSQL next to pgbench -N on the same server, in one run.
# Usage: scripts/bench.sh [seconds per side and round, default 10] [--rounds=N, default 3] [--warmup=N seconds, default 20] [--tls]
#        [--profile: round trips and time per phase of a step instead]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
packages=(postgresql postgresql-contrib tzdata)
# shellcheck source=lib/prerequisites.sh
. scripts/lib/prerequisites.sh
dotnet run -c Release --project bench/EngineThroughput -- "${1:-10}" "$PWD/workflows" "${@:2}"
