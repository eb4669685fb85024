#!/usr/bin/env bash
# Uploads a 50 MB scan to a running app and reports how much the server process's peak memory rose
# (issue: the upload must stream, so the rise stays under 30 MB). Runs on the embedded SQLite demo.
set -euo pipefail
cd "$(dirname "$0")/.."
port=5099
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Web -v q -nologo >/dev/null
(cd src/Web && ASPNETCORE_ENVIRONMENT=Development DataFolder="$work/data" Scans__MaxFileBytes=62914560 Scans__MaxRequestBytes=62914560 \
  exec dotnet bin/Release/net10.0/Corrections.Web.dll --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1) &
app=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

api() { curl -fs -H "Authorization: Bearer $token" "$@"; }
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
token=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"teacher@sosh1.demo","password":"Demo-Parol-2026"}' | json 'd["accessToken"]')
school=$(api "http://127.0.0.1:$port/api/v1/schools" | json '[s["id"] for s in d if s["shortName"]=="МБОУ СОШ № 1"][0]')
class=$(api "http://127.0.0.1:$port/api/v1/schools/$school/classes" | json '[c["id"] for c in d if c["name"]=="5А"][0]')
subject=$(api "http://127.0.0.1:$port/api/v1/schools/$school/subjects" | json '[s["id"] for s in d if s["name"]=="Русский язык"][0]')
student=$(api "http://127.0.0.1:$port/api/v1/schools/$school/classes/$class/students" | json 'd[0]["id"]')
ground=$(api "http://127.0.0.1:$port/api/v1/schools/$school/grounds" | json '[g["id"] for g in d if g["code"]=="illness"][0]')
day=$(date -u -d '10 days ago' +%F)
request=$(api -X POST "http://127.0.0.1:$port/api/v1/schools/$school/requests" -H 'content-type: application/json' \
  -d "{\"classId\":\"$class\",\"subjectId\":\"$subject\",\"groundId\":\"$ground\",\"justification\":\"Болезнь\",\"entries\":[{\"studentId\":\"$student\",\"date\":\"$day\",\"kind\":\"CurrentMark\",\"currentValue\":\"2\",\"requestedValue\":\"4\"}]}" | json 'd["id"]')

make_pdf() { { printf '%%PDF-1.4\n'; head -c "$1" /dev/urandom; } > "$2"; }
make_pdf 1048576 "$work/warm.pdf"
make_pdf 52428800 "$work/big.pdf"
upload() { api -X POST "http://127.0.0.1:$port/api/v1/requests/$request/documents?type=medical-certificate&name=$2" -H 'content-type: application/pdf' --data-binary "@$1" >/dev/null; }
kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$app/status"; }

upload "$work/warm.pdf" warm.pdf          # the code paths are warm before measuring
before=$(kib VmRSS)
upload "$work/big.pdf" big.pdf
peak=$(kib VmHWM)
echo "upload of $(( $(stat -c %s "$work/big.pdf") / 1048576 )) MB: resident before $(( before / 1024 )) MB, peak after $(( peak / 1024 )) MB, rise $(( (peak - before) / 1024 )) MB (limit 30 MB)"
[ $(( (peak - before) / 1024 )) -lt 30 ]
