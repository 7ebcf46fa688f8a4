#!/usr/bin/env bash
# Server time of console pages over 100 000 leads received over a year, a board of 5 000 open deals and a year of
# 33 333 closed deals with their stage entries (the analytics pages), on PostgreSQL: the packaged app
# runs against a bulk-loaded database (bench_console); each page is fetched by a signed-in curl, 5 warm-up requests
# then N timed ones; time to first byte (the page is rendered completely before its first byte is sent).
# Needs the packaged jar (mvnl -q package -DskipTests). Writes bench/results/console-render-<date>.txt.
# Usage: bench/console-render.sh [requests per page]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
port=18089
export PGHOST=127.0.0.1 PGUSER=postgres
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: mvnl -q package -DskipTests" >&2; exit 1; }
psql -qc 'drop database if exists bench_console' -c 'create database bench_console'
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/bench_console QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_HTTP_PORT=$port LEADGATE_ADMIN_PASSWORD=bench-password LEADGATE_API_KEYS=bench-key LEADGATE_CHANNELS_DIR=channels \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-session-key-0123456789 \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > /tmp/bench-console-app.log 2>&1 &
app=$!
jar=$(mktemp)
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -f $jar; psql -qc "drop database if exists bench_console"' EXIT
until curl -sf "localhost:$port/q/health/ready" > /dev/null; do sleep 1; done
start=$(date +%s)
psql -q -d bench_console -v leads=100000 -v deals=5000 -f bench/console/load.sql > /dev/null
loaded=$(( $(date +%s) - start ))
curl -s -c "$jar" -o /dev/null -d 'j_username=admin&j_password=bench-password' "localhost:$port/j_security_check"
deep=$(psql -d bench_console -Atc "select (extract(epoch from created_at) * 1000000)::bigint || ':' || id from lead where id = 90000")
page() { # name path [curl options: the API key]
  for _ in 1 2 3 4 5; do curl -s -b "$jar" "${@:3}" -o /dev/null "localhost:$port$2"; done
  code=$(curl -s -b "$jar" "${@:3}" -o /dev/null -w '%{http_code}' "localhost:$port$2")
  for _ in $(seq "$runs"); do curl -s -b "$jar" "${@:3}" -o /dev/null -w '%{time_starttransfer}\n' "localhost:$port$2"; done \
    | sort -n | awk -v name="$1" -v code="$code" '{a[NR]=$1} END {printf "    %-44s HTTP %s  median %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", name, code, a[int(NR/2)+1]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
today=$(date -u +%F)
year=$(date -u -d '-1 year' +%F)
mkdir -p bench/results
out=bench/results/console-render-$(date -u +%Y%m%d-%H%M).txt
{
  echo "# $(date -u) — $(nproc) cores, PostgreSQL $(psql -Atc 'show server_version'), $runs requests per page after 5 warm-up"
  echo "# $(psql -d bench_console -Atc 'select count(*) from lead') leads, $(psql -d bench_console -Atc "select count(*) from deal where status = 'open'") open deals, $(psql -d bench_console -Atc "select count(*) from deal where status <> 'open'") closed deals, $(psql -d bench_console -Atc 'select count(*) from deal_move') stage entries (loaded in ${loaded} s)"
  page "inbox, first page" "/console/inbox"
  page "inbox, status new" "/console/inbox?status=new"
  page "inbox, manager anna, channel tg" "/console/inbox?manager=anna&channel=tg"
  page "inbox, page at lead 90 000 (keyset)" "/console/inbox/rows?before=$deep"
  page "inbox, search by phone (national format)" "/console/inbox?q=8+916+009+99+99"
  page "inbox, search by name" "/console/inbox?q=Client+77777"
  page "inbox, live poll (nothing new)" "/console/inbox/live?after=0"
  page "board, 5 000 open deals" "/console/board"
  page "board, my deals" "/console/board?mine=true"
  page "contact card" "/console/contacts/4242"
  page "channels (100 000 inquiries)" "/console/channels"
  page "deliveries" "/console/deliveries"
  page "settings, pipeline of 5 000 deals" "/console/settings"
  page "settings, reasons and statuses" "/console/settings/lists"
  page "analytics funnel, last 30 days" "/console/analytics"
  page "analytics funnel, a year, by manager" "/console/analytics?from=$year&to=$today&by=manager"
  page "analytics funnel, a year, by month" "/console/analytics?from=$year&to=$today&by=month"
  page "analytics funnel, a year, by campaign" "/console/analytics?from=$year&to=$today&by=campaign"
  page "analytics funnel, a year, by source" "/console/analytics?from=$year&to=$today&by=source"
  page "analytics funnel, a year, by channel" "/console/analytics?from=$year&to=$today&by=channel"
  page "analytics funnel, a year, by week" "/console/analytics?from=$year&to=$today&by=week"
  page "analytics funnel, a year, by day" "/console/analytics?from=$year&to=$today&by=day"
  page "analytics funnel CSV, a year, groups by campaign" "/console/analytics/csv/funnel-groups?from=$year&to=$today&by=campaign"
  page "API funnel, a year, by manager (group medians)" "/api/analytics/funnel?from=$year&to=$today&by=manager" -H "X-Api-Key: bench-key"
  page "API funnel, a year, by campaign, previous" "/api/analytics/funnel?from=$year&to=$today&by=campaign&compare=previous" -H "X-Api-Key: bench-key"
  page "API funnel, a year, by month (group medians)" "/api/analytics/funnel?from=$year&to=$today&by=month" -H "X-Api-Key: bench-key"
  page "analytics leads, last 30 days" "/console/analytics/leads"
  page "analytics leads, a year per week" "/console/analytics/leads?from=$year&to=$today&bucket=week"
  page "analytics leads, a year per day" "/console/analytics/leads?from=$year&to=$today&bucket=day"
} | tee "$out"
