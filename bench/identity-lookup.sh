#!/usr/bin/env bash
# Identity lookup cost against the number of contacts, on PostgreSQL: the statements the resolver runs (the identity
# read, the blocking-key read, the candidate cards read; bench/identity/*.sql) timed by pgbench at 10 000 and
# 1 000 000 contacts bulk-loaded with generate_series into a separate database (bench_identity). Single client, so the
# figures are per-inquiry latencies of the database work; the Java side of matching is constant per inquiry.
# Each script runs twice: prepared (planned once; the gateway's blocking-key read runs so) and simple (parsed and
# planned on every run; the gateway's identity and cards reads run so, jdbc.Rows.planEachRun). The gateway's cost
# lies between the two.
# Runs on a private PostgreSQL (initdb in a temporary directory, a free port, shared_buffers 2GB so that the
# million-contact database is read from PostgreSQL's own cache, as on a server sized for it; BENCH_SHARED_BUFFERS
# changes it), with the schema from the migrations in version order.
# Writes bench/results/identity-lookup-<date>.txt. Usage: bench/identity-lookup.sh [seconds per run]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
secs=${1:-15}
. bench/lib.sh
require pgbench psql
tmp=$(mktemp -d /tmp/leadgate-identity.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_init "$tmp" "$(free_port 56432)"
pg_start -c shared_buffers="${BENCH_SHARED_BUFFERS:-2GB}"
export PGHOST=127.0.0.1 PGPORT=$pgport PGUSER=postgres
psql -qc 'create database bench_identity'
for f in $(ls src/main/resources/db/migration/V*.sql src/main/resources/db/postgresql/V*.sql \
             | awk -F/ '{print $NF "\t" $0}' | sort -V | cut -f2); do
  psql -q -v ON_ERROR_STOP=1 -d bench_identity -f "$f" > /dev/null
done
mkdir -p bench/results
out=bench/results/identity-lookup-$(date -u +%Y%m%d-%H%M).txt
{
  echo "# $(date -u) — $(nproc) cores, private PostgreSQL $(psql -Atc 'show server_version'), shared_buffers $(psql -Atc 'show shared_buffers'), pgbench -c1 -T${secs}s per script"
  for n in 10000 1000000; do
    start=$(date +%s)
    psql -q -d bench_identity -v n=$n -f bench/identity/load.sql > /dev/null
    echo
    echo "## $n contacts (loaded in $(( $(date +%s) - start )) s): $(psql -d bench_identity -Atc 'select count(*) from contact_identity') identities, $(psql -d bench_identity -Atc 'select count(*) from contact_key') blocking keys, database $(psql -d bench_identity -Atc "select pg_size_pretty(pg_database_size('bench_identity'))")"
    for script in known-client new-client fuzzy-hit; do
      for mode in prepared simple; do
        pgbench -n -c1 -j1 -T5 -M $mode -D n=$n -f bench/identity/$script.sql bench_identity > /dev/null   # warm-up
        echo "### $script ($mode)"
        pgbench -n -c1 -j1 -T"$secs" -M $mode -r -D n=$n -f bench/identity/$script.sql bench_identity \
          | grep -E 'latency average|tps|^ +[0-9.]+ +[0-9]+ +select' | sed 's/^/    /'
      done
    done
  done
} | tee "$out"
