#!/usr/bin/env bash
# Write-path benchmark (issue #15): the packaged jar on a private, freshly initialised PostgreSQL (synchronous_commit
# on), beside pgbench's one-row insert on the same server, in one run. Phases, each of a fixed length:
#   pgbench one-row insert and gateway web-form posts of new people at 4 / 16 / 64 connections (JFR runs from the
#   gateway's start, so no phase pays for its instrumentation; the profile covers the 16-connection phase); after the
#   16-connection gateway phase, pgbench replaying the gateway's own statements for a new person
#   (bench/write-path-replay.sql: the database's cost of the write path without the JVM); a returning-client phase,
#   a raw-email phase, and a constant-rate latency phase (bench/ConstantRate.java); last, the replay for groups of
#   four people per transaction, sent one person after the other as the gateway does and a step at a time for the
#   whole group (bench/replay_group.py: what a write path taking its deliveries step by step would leave to
#   PostgreSQL). Rates count inquiries committed in the database, not 2xx answers. The gateway's tables are analyzed
#   once after the warm-up.
# Everything runs on this machine and talks to 127.0.0.1 only. Writes bench/results/write-path-<date>.txt and
# bench/results/write-path-<date>-profile.txt.
#
# Usage: bench/write-path.sh          builds the jar first if it is older than the sources (with mvnl, which takes
#                                     the machine's Maven lock), then re-runs itself holding that lock so no build
#                                     disturbs the measurement
#        flock /tmp/leadgate-maven.lock bench/write-path.sh   the same when the jar is already up to date
# Environment: BENCH_JAR (another packaged quarkus-run.jar to measure, e.g. an older build kept for a before/after),
# BENCH_SECONDS (length of each gateway phase, default 20; pgbench phases last half of it), BENCH_WARMUP
# (seconds of web-form warm-up before the first phase, default 300; raw mail and returning clients are warmed up for a
# tenth of it each, at least 5 s), BENCH_RATE (constant rate, default 500),
# BENCH_ANALYZE (0: no ANALYZE after the warm-up; default 1).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
secs=${BENCH_SECONDS:-20}
pg_secs=$(( secs / 2 ))
rate=${BENCH_RATE:-500}
# a gateway that has served for some minutes: the JIT keeps compiling for that long (docs/benchmarks.md, eleventh pass)
warmup=${BENCH_WARMUP:-300}
warmup_side=$(( warmup / 10 > 5 ? warmup / 10 : 5 ))
. bench/lib.sh
require wrk pgbench java jcmd psql curl python3
build_jar() { mvn_ -q package -DskipTests; }
stale() { [ -z "${BENCH_JAR:-}" ] && jar_stale; }   # BENCH_JAR: a jar built elsewhere, nothing to build
with_lock stale build_jar "build first with mvnl -q package -DskipTests" "$0" "$@"
close_inherited_fds
jar=${BENCH_JAR:-$bench_jar}   # BENCH_JAR: another packaged jar (an older build, for a before/after)

tmp=$(mktemp -d /tmp/leadgate-write-path.XXXXXX)
app=""
cleanup() {
  [ -n "$app" ] && stop_pid "$app"
  pg_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/channels"
# the constant-rate generator, compiled now so that a compile error stops the script before its phases
javac -encoding UTF-8 -d "$tmp/generator" bench/ConstantRate.java
for mode in apart together; do python3 bench/replay_group.py 4 "$mode" < bench/write-path-replay.sql > "$tmp/group-$mode.sql"; done
pg_init "$tmp" "$(free_port 55432)"
pg_start -c max_connections=200 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements \
  -c pg_stat_statements.track_planning=on
sql -c 'create database leadgate'
sql -c 'create extension pg_stat_statements'   # in the postgres database: the gateway's schema stays Flyway's own
sql -c 'create table one_row (id bigserial primary key, payload text not null, created_at timestamptz not null default now())'
printf '%s\n' "insert into one_row (payload) values ('inquiry ' || :client_id || ' ' || random());" > "$tmp/one-row.sql"

# --- the gateway --------------------------------------------------------------------------------------------------
cp bench/bench-form.yaml "$tmp/channels/bench.yaml"
printf 'id: mail\nprovider: email\n' > "$tmp/channels/mail.yaml"
port=$(free_port 18090)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pgport/leadgate" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD="" QUARKUS_HTTP_PORT=$port LEADGATE_CHANNELS_DIR="$tmp/channels" \
  LEADGATE_API_KEYS="bench-$RANDOM$RANDOM" java -XX:StartFlightRecording=name=bench,settings=profile,maxsize=512m \
  -jar "$jar" >"$tmp/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { tail -40 "$tmp/app.log"; exit 1; }
url=http://127.0.0.1:$port
# ids for the replay's rows, far above the gateway's own (bench/write-path-replay.sql)
sql -d leadgate -c 'create sequence replay_id start with 1000000000000 increment by 2'
salt=$(printf '%02d' $(( RANDOM % 100 )))
tck=$(getconf CLK_TCK)
pgmaster=$(head -1 "$tmp/pg/postmaster.pid")

committed() { sql -d leadgate -c 'select count(*) from inquiry'; }
app_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
# PostgreSQL: the postmaster, the children it has reaped (cutime/cstime) and the live ones
pg_ticks() {
  local total c
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pgmaster/stat")
  for c in $(pgrep -P "$pgmaster" || true); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# PostgreSQL's CPU ticks by process kind: each live child by its title ("postgres: walwriter", a connection's
# "postgres: postgres leadgate 127.0.0.1(…) idle" counted as "connection"), and the children it has reaped
# (autovacuum workers, pgbench's and psql's connections) as "exited children"
pg_kind_ticks() {
  local c
  {
    printf 'exited children\t%s\n' "$(awk '{print $16 + $17}' "/proc/$pgmaster/stat")"
    for c in $(pgrep -P "$pgmaster" || true); do
      printf '%s\t%s\n' "$(tr '\0' ' ' < "/proc/$c/cmdline" 2>/dev/null \
          | sed -E 's/^postgres: //; s/^postgres [a-z_]+ [0-9.]+\([0-9]+\).*/connection/; s/ +$//')" \
        "$(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)"
    done
  } | awk -F'\t' '{s[$1] += $2} END {for (k in s) print k "\t" s[k]}' | sort
}
# WAL written, checkpoints and autovacuum runs so far (pg_stat_wal, pg_stat_bgwriter, pg_stat_user_tables)
pg_work() {
  sql -d leadgate -F $'\t' -c "select w.wal_records, w.wal_fpi, w.wal_bytes, b.checkpoints_timed + b.checkpoints_req,
      (select coalesce(sum(autovacuum_count), 0) from pg_stat_user_tables),
      (select coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables)
    from pg_stat_wal w, pg_stat_bgwriter b"
}
# the whole machine's busy time (all cores; idle and iowait excluded)
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# the gateway's live threads: id, kind (the name without its number: JIT, GC, request threads, ...) and CPU ticks.
# Differences are taken per thread: a pool thread that ends during a phase (idle ones are let go) must not take the
# ticks it had before the phase off its kind's total.
thread_ticks() {
  local t
  for t in /proc/"$app"/task/*; do
    printf '%s\t%s\t%s\n' "${t##*/}" "$(sed 's/[-#0-9 ]*$//' "$t/comm" 2>/dev/null)" \
      "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
  done
}
# CPU ticks per thread kind since a thread_ticks snapshot, of the threads alive now
kind_ticks_since() { # snapshot
  thread_ticks | awk -F'\t' 'NR == FNR {before[$1] = $3; next} {s[$2] += $3 - (($1 in before) ? before[$1] : 0)}
    END {for (k in s) print k "\t" s[k]}' "$1" - | sort
}
# the JIT compiler threads' CPU ticks since a thread_ticks snapshot
jit_since() { kind_ticks_since "$1" | awk -F'\t' '$1 ~ /CompilerThre/ {s += $2} END {print s + 0}'; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print "?" }'; }

mkdir -p bench/results
stamp=$(date -u +%Y%m%d-%H%M)
out=bench/results/write-path-$stamp.txt
raw="$tmp/raw.txt"
rows=()
declare -A pgbench_tps

fmt='%-26s %5s %8s %7s %7s %7s %8s %6s %6s %6s %6s %7s\n'
run_pgbench() { # connections
  local t
  echo "### pgbench one-row insert, $1 connections" >> "$raw"
  t=$(pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$1" -j 2 -T "$pg_secs" -f "$tmp/one-row.sql" \
        postgres 2>&1 | tee -a "$raw" | awk '/^tps/ {print $3; exit}')
  pgbench_tps[$1]=${t%.*}
  rows+=("$(printf "$fmt" "pgbench one-row insert" "$1" "${t%.*}" - - - - - - - - -)")
}

# the gateway's own statements for a new person replayed by pgbench (bench/write-path-replay.sql), one inquiry per
# transaction, on the gateway's database while the gateway idles: what PostgreSQL alone makes of the write path's SQL
run_replay() { # connections label script people_per_transaction
  local a0 p0 m0 t0 t1 a1 p1 m1 dj n bad
  thread_ticks > "$tmp/jit0.txt"; a0=$(app_ticks); p0=$(pg_ticks); m0=$(busy_ticks); t0=$(date +%s.%N)
  echo "### $2, $1 connections" >> "$raw"
  pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$1" -j 2 -T "$secs" -f "$3" \
    leadgate > "$tmp/replay.txt" 2>&1 || true
  t1=$(date +%s.%N); m1=$(busy_ticks); a1=$(app_ticks); p1=$(pg_ticks); dj=$(jit_since "$tmp/jit0.txt")
  cat "$tmp/replay.txt" >> "$raw"
  n=$(awk -v g="$4" '/number of transactions actually processed/ {print ($NF + 0) * g; exit}' "$tmp/replay.txt")
  bad=$(awk '/number of failed transactions/ {print $5 + 0; exit}' "$tmp/replay.txt")
  rows+=("$(row "$2" "$1" "${n:-0}" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" - - "${bad:-?}" \
      $(( a1 - a0 )) $(( p1 - p0 )) "${pgbench_tps[$1]:-0}" $(( m1 - m0 )) "$dj")")
}

row() { # label conns committed wall p50 p99 errors app_ticks pg_ticks ratio_base machine_ticks jit_ticks
  awk -v l="$1" -v c="$2" -v n="$3" -v w="$4" -v p50="$5" -v p99="$6" -v bad="$7" -v da="$8" -v dp="$9" \
      -v base="${10}" -v dm="${11}" -v dj="${12}" -v tck="$tck" -v fmt="$fmt" 'BEGIN {
    r = base > 0 ? sprintf("%.3f", n / w / base) : "-"
    printf fmt, l, c, sprintf("%.0f", n / w), p50, p99, bad, sprintf("%.2f", n > 0 ? da / tck * 1000 / n : 0),
      sprintf("%.2f", da / tck / w), sprintf("%.2f", dj / tck / w), sprintf("%.2f", dp / tck / w), sprintf("%.2f", (dm - da - dp) / tck / w), r }'
}

run_wrk() { # label connections mode phase [of_phase] [quiet]
  local c0 a0 p0 m0 t0 t1 c1 a1 p1 m1 dj p50 p99 bad base
  thread_ticks > "$tmp/jit0.txt"; c0=$(committed); a0=$(app_ticks); p0=$(pg_ticks); m0=$(busy_ticks); t0=$(date +%s.%N)
  echo "### $1 (wrk -t2 -c$2 -d${secs}s, mode $3)" >> "$raw"
  BENCH_MODE=$3 BENCH_SALT=$salt BENCH_PHASE=$4 BENCH_OF_PHASE=${5:-1} \
    wrk -t2 -c"$2" -d"${secs}s" --latency -s bench/write-path.lua "$url" > "$tmp/wrk.txt" 2>&1 || true
  t1=$(date +%s.%N); m1=$(busy_ticks); c1=$(committed); a1=$(app_ticks); p1=$(pg_ticks); dj=$(jit_since "$tmp/jit0.txt")
  cat "$tmp/wrk.txt" >> "$raw"
  echo "busiest processes at the end of the phase:" >> "$raw"
  top -bn1 -o %CPU | sed -n '8,12p' | cut -c1-120 >> "$raw"
  [ -n "${6:-}" ] && return
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")")
  bad=$(awk '/Non-2xx/ {s += $NF} /Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' "$tmp/wrk.txt")
  base=0
  [ "$3" = new ] && base=${pgbench_tps[$2]:-0}
  rows+=("$(row "$1" "$2" $(( c1 - c0 )) "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$p50" "$p99" "$bad" \
      $(( a1 - a0 )) $(( p1 - p0 )) "$base" $(( m1 - m0 )) "$dj")")
}

{
  echo "# write path $(date -u '+%F %T UTC'), $(nproc) cores shared by the load generators, the gateway and PostgreSQL"
  if [ -n "${BENCH_JAR:-}" ]; then echo "# jar $jar (BENCH_JAR, built $(date -u -r "$jar" '+%F %T')), $(java -version 2>&1 | head -1)"
  else echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (uncommitted changes)'), jar $(date -u -r "$jar" '+%F %T'), $(java -version 2>&1 | head -1)"; fi
  echo "# private PostgreSQL $(sql -c 'show server_version'), synchronous_commit $(sql -c 'show synchronous_commit'), fsync $(sql -c 'show fsync'); salt $salt; tables analyzed after the warm-up: $([ "${BENCH_ANALYZE:-1}" = 0 ] && echo no || echo yes)"
} > "$out"

echo "warming up" >&2
full=$secs
secs=$warmup; run_wrk warm-up 16 new 0 1 quiet
secs=$warmup_side; run_wrk warm-up-mail 16 email 7 1 quiet
secs=$warmup_side; run_wrk warm-up-returning 16 returning 8 0 quiet
secs=$full
# the statistics a running database has: autovacuum analyzes a table a minute or more after it has grown, and the
# warm-up fills empty tables faster than that, so they are analyzed once here, as after any bulk load
# (BENCH_ANALYZE=0 leaves them as a new installation has them in its first minute)
[ "${BENCH_ANALYZE:-1}" = 0 ] || sql -d leadgate -c 'analyze' >/dev/null

# PostgreSQL's side of a phase (file suffix, inquiries committed in it): the gateway's statements by total execution
# time (the count(*) probes of this script included)
pg_statements() {
  sql -F $'\t' -c "select round(100 * total_exec_time / sum(total_exec_time) over ())::text || '%',
      round(total_exec_time::numeric / 1000, 2) || ' s', round(calls::numeric / greatest($2, 1), 2),
      round(mean_exec_time::numeric, 3) || ' ms', round(rows::numeric / greatest(calls, 1), 1),
      regexp_replace(left(query, 110), '\s+', ' ', 'g')
    from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = 'leadgate'
    order by total_exec_time desc limit 20" > "$tmp/pgstat$1.txt" || true
  sql -c "select round(sum(calls)::numeric / greatest($2, 1), 1) || ' statements per committed inquiry, '
      || round(sum(total_exec_time)::numeric / greatest($2, 1), 3) || ' ms of execution and '
      || round(sum(total_plan_time)::numeric / greatest($2, 1), 3) || ' ms of planning per committed inquiry ('
      || round(sum(plans)::numeric / greatest($2, 1), 2) || ' plans)'
    from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = 'leadgate'" > "$tmp/pgsum$1.txt" || true
}

for c in 4 16 64; do
  echo "$c connections" >&2
  run_pgbench "$c"
  phase=$(( c == 4 ? 1 : c == 16 ? 2 : 3 ))
  if [ "$c" != 64 ]; then
    sql -c 'select pg_stat_statements_reset()' >/dev/null || true
    n0=$(committed)
  fi
  if [ "$c" = 16 ]; then
    thread_ticks > "$tmp/threads0.txt"
    pg_kind_ticks > "$tmp/pgkinds0.txt"
    pg_work > "$tmp/pgwork0.txt" || true
    w16_from=$(date -u +%FT%T.%NZ)
  fi
  run_wrk "gateway, new people" "$c" new "$phase"
  if [ "$c" = 16 ]; then
    pg_work > "$tmp/pgwork1.txt" || true
    pg_kind_ticks > "$tmp/pgkinds1.txt"
  fi
  if [ "$c" != 64 ]; then pg_statements "$c" $(( $(committed) - n0 )); fi
  if [ "$c" = 16 ]; then
    n16=$(( $(committed) - n0 ))
    w16_to=$(date -u +%FT%T.%NZ)
    kind_ticks_since "$tmp/threads0.txt" > "$tmp/threads1.txt"
    jcmd "$app" JFR.dump name=bench filename="$tmp/w16.jfr" >/dev/null; sleep 2
    echo "pgbench replay of the gateway's statements" >&2
    run_replay 16 "pgbench replay, gateway SQL" bench/write-path-replay.sql 1
  fi
done
echo "returning client, raw email" >&2
run_wrk "gateway, returning client" 16 returning 4 1
run_wrk "gateway, raw email" 16 email 5

echo "constant rate" >&2
echo "### constant rate $rate/s" >> "$raw"
# the client compiler only and the serial collector: the generator's own CPU is not the gateway's
thread_ticks > "$tmp/jit0.txt"; c0=$(committed); a0=$(app_ticks); p0=$(pg_ticks); m0=$(busy_ticks)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$tmp/generator" ConstantRate "$url/hooks/bench" "$rate" "$secs" 5 \
  "$salt" 6 > "$tmp/rate.txt" 2>&1 || true
m1=$(busy_ticks); c1=$(committed); a1=$(app_ticks); p1=$(pg_ticks); dj=$(jit_since "$tmp/jit0.txt")
cat "$tmp/rate.txt" >> "$raw"
read -r _ rp50 rp99 rbad < <(grep '^summary' "$tmp/rate.txt" || echo "summary ? ? ?")
# the rate row: committed over the generator's whole schedule (5 s warm-up + the measured seconds)
rows+=("$(row "constant rate $rate/s" - $(( c1 - c0 )) $(( secs + 5 )) "$rp50" "$rp99" "$rbad" $(( a1 - a0 )) $(( p1 - p0 )) 0 $(( m1 - m0 )) "$dj")")
# groups of four new people per transaction on four connections, as the gateway's four writers share theirs; last,
# so that the autovacuum work their rows leave behind falls on no gateway phase
echo "pgbench replay of groups" >&2
run_replay 4 "replay 4/tx, one by one" "$tmp/group-apart.sql" 4
run_replay 4 "replay 4/tx, step by step" "$tmp/group-together.sql" 4
# group commit (leadgate.group-commit): writes per shared transaction over the whole run, from the gateway's metrics
groups=$(curl -s "$url/q/metrics" | awk '/^leadgate_intake_group_size_sum/ {s += $2} /^leadgate_intake_group_size_count/ {c += $2}
  END {if (c > 0) printf "%.2f writes per shared transaction on average, %d shared transactions", s / c, c; else print "no group-commit metric (an older jar, or group commit off)"}')
kill "$app"; wait "$app" 2>/dev/null || true; app=""

{
  echo
  echo "rate/s: inquiries committed in the database per second of the phase (pgbench: its tps). p50/p99: wrk's latency"
  echo "(closed loop, flat out); for the constant-rate row, latency from each request's intended send time. errors:"
  echo "non-2xx answers and socket errors (constant rate: not 2xx or no answer). CPU ms: gateway JVM CPU time per"
  echo "committed inquiry. JVM / JIT / PG / rest: cores used by the gateway JVM (JIT: its compiler threads, part of JVM),"
  echo "by PostgreSQL and by everything else (the load"
  echo "generator, and whatever else runs on the machine) during the phase. ratio: gateway rate / pgbench rate at the"
  echo "same connections. pgbench replay: the gateway's statements for a new person (bench/write-path-replay.sql),"
  echo "one inquiry per transaction, run by pgbench on the gateway's database while the gateway idles (its JVM"
  echo "columns: the gateway's background work on those rows); rate/s is its tps, ratio against the one-row insert."
  echo "replay 4/tx: the same statements for four new people in one transaction on four connections (the gateway's"
  echo "four writers), rate/s in people: one by one, each behind a savepoint (as the gateway's group commit sends"
  echo "them), or step by step, one statement per step for the four (bench/replay_group.py; not the gateway's SQL)."
  echo "Phases: pgbench ${pg_secs} s, gateway and replay ${secs} s each, after a warm-up of ${warmup} s of"
  echo "web forms, ${warmup_side} s of raw mail and ${warmup_side} s of returning clients; the gateway runs"
  echo "with JFR (profile settings) from its start; the profile file covers the 16-connection gateway phase."
  echo
  printf "$fmt" phase conns rate/s "p50 ms" "p99 ms" errors "CPU ms" JVM JIT PG rest ratio
  printf '%s\n' "${rows[@]}"
  echo
  echo "## constant-rate generator"
  grep -v '^summary' "$tmp/rate.txt"
  echo
  echo "## totals: $(sql -d leadgate -c 'select count(*) from inquiry') inquiries, $(sql -d leadgate -c 'select count(*) from lead') leads, $(sql -d leadgate -c 'select count(*) from contact') contacts"
  echo "## group commit: $groups"
  echo
  echo "## raw output"
  cat "$raw"
} >> "$out"

if [ -s "$tmp/w16.jfr" ]; then
  echo "profile" >&2
  {
    echo "# gateway JVM during the 16-connection gateway phase of $out"
    echo
    echo "## CPU time by JVM thread kind (from /proc/<pid>/task, all of the phase)"
    awk -F'\t' -v tck="$tck" '{d = $2; if (d > 0) {s[$1] = d; t += d}} END {
          for (k in s) printf "%6.1f%%  %7.2f s  %s\n", 100 * s[k] / t, s[k] / tck, k }' "$tmp/threads1.txt" | sort -rn
    echo
    echo "## PostgreSQL during the phase (pg_stat_statements, the leadgate database): $(cat "$tmp/pgsum16.txt")"
    echo "## share of execution time, total, calls per committed inquiry, mean, rows per call, statement"
    cat "$tmp/pgstat16.txt"
    echo
    echo "## PostgreSQL's CPU during the phase by process (ms per committed inquiry; share)"
    join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 "$tmp/pgkinds0.txt" "$tmp/pgkinds1.txt" \
      | awk -F'\t' -v tck="$tck" -v n="$n16" '{d = $3 - $2; if (d > 0) {s[$1] = d; t += d}} END {
          for (k in s) printf "%6.3f ms  %5.1f%%  %s\n", 1000 * s[k] / tck / (n > 0 ? n : 1), 100 * s[k] / t, k }' \
      | sort -rn
    [ -s "$tmp/pgwork0.txt" ] && [ -s "$tmp/pgwork1.txt" ] || echo "## WAL: not recorded (pg_stat_wal or pg_stat_bgwriter unreadable)"
    [ -s "$tmp/pgwork0.txt" ] && [ -s "$tmp/pgwork1.txt" ] && paste "$tmp/pgwork0.txt" "$tmp/pgwork1.txt" | awk -F'\t' -v n="$n16" '{n = n > 0 ? n : 1
      printf "## WAL per committed inquiry: %.1f records, %.2f full-page images, %.0f bytes; checkpoints in the phase: %d; autovacuum runs: %d, autoanalyze runs: %d\n",
        ($7 - $1) / n, ($8 - $2) / n, ($9 - $3) / n, $10 - $4, $11 - $5, $12 - $6}'
    echo
    echo "## PostgreSQL during the 4-connection gateway phase: $(cat "$tmp/pgsum4.txt")"
    echo "## share of execution time, total, calls per committed inquiry, mean, rows per call, statement"
    cat "$tmp/pgstat4.txt"
    echo
    java bench/JfrTop.java "$tmp/w16.jfr" "$w16_from" "$w16_to"
  } > "${out%.txt}-profile.txt"
  mkdir -p target && cp "$tmp/w16.jfr" "target/write-path-$stamp.jfr"   # for jfr / JMC; not committed
fi
sed -n '1,/^## raw output/p' "$out"
