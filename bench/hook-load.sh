#!/usr/bin/env bash
# Hook load test on the packaged jar and a real PostgreSQL: distinct inquiries posted flat out by wrk (the
# generator runs on the same 2 cores as the gateway and PostgreSQL). Writes bench/results/hook-load-<date>.txt.
# Usage: bench/hook-load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}; conns=${2:-32}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
psql -h 127.0.0.1 -U postgres -qc 'drop database if exists leadgate_bench' -c 'create database leadgate_bench'
dir=$(mktemp -d); cp bench/bench-form.yaml "$dir/"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/leadgate_bench QUARKUS_HTTP_PORT=18090 \
  LEADGATE_CHANNELS_DIR=$dir LEADGATE_API_KEYS=bench java -jar target/quarkus-app/quarkus-run.jar > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null localhost:18090/q/health/ready && break; sleep 1; done
wrk -t2 -c"$conns" -d5s -s bench/hook-load.lua http://127.0.0.1:18090 > /dev/null   # warm-up
mkdir -p bench/results
out=bench/results/hook-load-$(date -u +%Y%m%d-%H%M).txt
{
  echo "# $(date -u) — $(nproc) cores, wrk -t2 -c$conns -d${secs}s, PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version')"
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/hook-load.lua http://127.0.0.1:18090
  echo "committed inquiries: $(psql -h 127.0.0.1 -U postgres -d leadgate_bench -Atc 'select count(*) from inquiry')"
  echo "leads: $(psql -h 127.0.0.1 -U postgres -d leadgate_bench -Atc 'select count(*) from lead')"
} | tee "$out"
