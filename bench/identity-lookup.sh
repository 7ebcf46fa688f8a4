#!/usr/bin/env bash
# Identity lookup cost against the number of contacts, on PostgreSQL: the fixed-shape statements the resolver runs
# (exact identity lookups, blocking-key lookups, card reads) timed by pgbench at 10 000 and 1 000 000 contacts
# bulk-loaded with generate_series into a separate database (bench_identity). Single client, so the figures are
# per-inquiry latencies of the database work; the Java side of matching is constant per inquiry.
# Writes bench/results/identity-lookup-<date>.txt. Usage: bench/identity-lookup.sh [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
export PGHOST=127.0.0.1 PGUSER=postgres
psql -qc 'drop database if exists bench_identity' -c 'create database bench_identity'
for f in src/main/resources/db/migration/V*.sql; do psql -q -d bench_identity -f "$f" > /dev/null; done
mkdir -p bench/results
out=bench/results/identity-lookup-$(date -u +%Y%m%d-%H%M).txt
{
  echo "# $(date -u) — $(nproc) cores, PostgreSQL $(psql -Atc 'show server_version'), pgbench -c1 -T${secs}s per script"
  for n in 10000 1000000; do
    start=$(date +%s)
    psql -q -d bench_identity -v n=$n -f bench/identity/load.sql > /dev/null
    echo
    echo "## $n contacts (loaded in $(( $(date +%s) - start )) s): $(psql -d bench_identity -Atc 'select count(*) from contact_identity') identities, $(psql -d bench_identity -Atc 'select count(*) from contact_key') blocking keys, database $(psql -d bench_identity -Atc "select pg_size_pretty(pg_database_size('bench_identity'))")"
    for script in known-client new-client fuzzy-hit; do
      pgbench -n -c1 -j1 -T5 -D n=$n -f bench/identity/$script.sql bench_identity > /dev/null   # warm-up
      echo "### $script"
      pgbench -n -c1 -j1 -T"$secs" -r -D n=$n -f bench/identity/$script.sql bench_identity \
        | grep -E 'latency average|tps|^ +[0-9.]+ +[0-9]+ +select' | sed 's/^/    /'
    done
  done
} | tee "$out"
psql -qc 'drop database if exists bench_identity'
