#!/usr/bin/env bash
# The director's inbox with 10,000 requests in one school, served by the real app (Release, PostgreSQL)
# over HTTP: p50/p95/p99/max and requests/s of GET /Inbox, of a deep page and with 4 clients.
# Usage: scripts/bench-inbox.sh [requests in the school, default 10000] [measured requests per run, default 1000] [--keep: keep the database and the app's log]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
packages=(postgresql postgresql-contrib tzdata)
# shellcheck source=lib/prerequisites.sh
. scripts/lib/prerequisites.sh
# The app is started with `dotnet run --no-build`, so that its start is not a build: build both first.
dotnet build -c Release src/Web -nologo -v quiet
dotnet build -c Release bench/InboxLoad -nologo -v quiet
dotnet run -c Release --no-build --project bench/InboxLoad -- "$@"
