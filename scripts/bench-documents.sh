#!/usr/bin/env bash
# Renders a change table of 10,000 rows (or the given count) to DOCX and to PDF, each in its own
# process, and prints time and peak memory per format. Aim: under 2 s and under 300 MB each.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/DocumentRendering -v q -nologo >/dev/null
dotnet bench/DocumentRendering/bin/Release/net10.0/Corrections.Bench.DocumentRendering.dll "${1:-10000}"
