#!/usr/bin/env bash
# Fault harness (issue #20): the packaged jar on a private PostgreSQL (initdb / pg_ctl, as bench/write-path.sh) and,
# when the Kafka artifacts resolve, a single-node KRaft broker run from the project's test classpath (kafka.Kafka, as
# src/test/java/io/leadgate/testing/KafkaBroker.java does), under concurrent load from bench/Faults.java, with faults:
#   baseline  no fault
#   kill      kill -9 of the gateway, restarted at once
#   dbstop    PostgreSQL stopped (pg_ctl -m fast) for 10 s, then started
#   broker    the Kafka broker stopped for 60 s, then started (skipped without Kafka)
#   slow      200 extra clients that trickle their bodies (one byte a second) beside the normal load
# Each simulated provider posts one person's inquiries one after another and repeats a post that got no 2xx (every
# second, up to 120 s). Per scenario it prints: sent, acknowledged (2xx), stored (distinct tags in the database),
# acknowledged-but-missing, duplicated (extra stored copies), out-of-order (a client's inquiry.received events in
# feed order against the order they were acknowledged), 2xx while the database was down, and the slow clients'
# answers. Writes bench/results/faults-<date>.txt. Everything talks to 127.0.0.1 only.
#
# Usage: bench/faults.sh               builds the jar (and the Kafka classpath) first if needed, with mvnl, then re-runs
#                                      itself holding the Maven lock so no build runs beside it
#        flock /tmp/leadgate-maven.lock bench/faults.sh   the same when both are up to date
# Environment: FAULTS_CLIENTS (concurrent providers, default 16), FAULTS_KAFKA (0: run without a broker).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
clients=${FAULTS_CLIENTS:-16}
kafka_cp=target/faults-kafka.classpath
use_kafka=${FAULTS_KAFKA:-1}
. bench/lib.sh
require java psql curl
stale() { jar_stale || { [ "$use_kafka" = 1 ] && [ ! -s "$kafka_cp" ]; }; }
build() {
  jar_stale && mvn_ -q package -DskipTests
  if [ "$use_kafka" = 1 ] && [ ! -s "$kafka_cp" ]; then
    mvn_ -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$kafka_cp" || use_kafka=0
  fi
  export FAULTS_KAFKA=$use_kafka
}
with_lock stale build "build first with mvnl -q package -DskipTests (no $kafka_cp: run once without flock, or FAULTS_KAFKA=0)" "$0" "$@"
close_inherited_fds
jar=$bench_jar

tmp=$(mktemp -d /tmp/leadgate-faults.XXXXXX)
port=$(free_port 18190)
app=""
broker=""
cleanup() {
  set +e
  [ -n "$app" ] && stop_pid "$app"
  [ -n "$broker" ] && stop_pid "$broker"
  pg_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "$(date -u +%T) $*" >&2; }

# --- private PostgreSQL -------------------------------------------------------------------------------------------
mkdir "$tmp/channels" "$tmp/out"
pg_init "$tmp" "$(free_port 56432)"
pg_start -c max_connections=100
sql -c 'create database leadgate'

# --- Kafka (optional) ---------------------------------------------------------------------------------------------
kport=""
if [ "$use_kafka" = 1 ]; then
  kport=$(free_port 19092)
  kctl=$(free_port 19192)
  cat > "$tmp/kafka.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$kctl
listeners=PLAINTEXT://127.0.0.1:$kport,CONTROLLER://127.0.0.1:$kctl
advertised.listeners=PLAINTEXT://127.0.0.1:$kport
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$tmp/kafka-data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  printf -- '-cp "%s"\n' "$(cat "$kafka_cp")" > "$tmp/kafka.args"
  kjava() { java -Xms128m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "@$tmp/kafka.args" "$@"; }
  kjava kafka.tools.StorageTool format -t "$(kjava kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
    -c "$tmp/kafka.properties" >"$tmp/kafka-format.log" 2>&1
  broker_start() {
    kjava kafka.Kafka "$tmp/kafka.properties" >>"$tmp/kafka.log" 2>&1 &
    broker=$!
    for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$kport") 2>/dev/null && return; sleep 0.5; done
    echo "broker did not start"; tail -20 "$tmp/kafka.log"; exit 1
  }
  broker_stop() { stop_pid "$broker"; broker=""; }
  broker_start
  log "broker on $kport"
fi

# --- the gateway --------------------------------------------------------------------------------------------------
printf 'id: faults\nprovider: webform\nsettings:\n  rate-limit: 0\n  reply-ids: true\n' > "$tmp/channels/faults.yaml"
app_start() {
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pgport/leadgate" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD="" QUARKUS_HTTP_PORT=$port LEADGATE_CHANNELS_DIR="$tmp/channels" \
    LEADGATE_API_KEYS="faults-$RANDOM$RANDOM" LEADGATE_HOOKS_BODY_TIMEOUT=10s \
    ${kport:+KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kport} \
    java -Xmx512m -jar "$jar" >>"$tmp/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/live" && return; sleep 0.5; done
  tail -40 "$tmp/app.log"; exit 1
}
app_start
log "gateway on $port"
url=http://127.0.0.1:$port/hooks/faults
salt=$(printf '%02d' $(( RANDOM % 100 )))
flag=$tmp/dbdown

mkdir -p bench/results
stamp=$(date -u +%Y%m%d-%H%M)
out=bench/results/faults-$stamp.txt
fmt='%-9s %6s %6s %6s %8s %6s %6s %7s %9s %7s %7s %s\n'
rows=()

drive() { # scenario seconds [slow]
  java bench/Faults.java "$url" "$1" "$2" "$clients" "$tmp/out" "$flag" "$salt" "${3:-0}" 2>>"$tmp/driver.log"
}

# One row: counts from the driver and from the database.
verify() { # scenario driver-summary-line extra
  local sc=$1 sent acked gave down p50 p99 s408 s413 sother stored missing dup ooo events
  read -r sent acked gave down p50 p99 s408 s413 sother <<<"$2"
  sleep 3 # the sequencer gives feed positions every second
  sql -d leadgate -c "select substring(item from 'fault-[a-z]+-[0-9]+-[0-9]+') from inquiry
    where channel_id = 'faults' and item like '%fault-$sc-%'" > "$tmp/stored-$sc.txt"
  stored=$(sort -u "$tmp/stored-$sc.txt" | grep -c . || true)
  dup=$(sort "$tmp/stored-$sc.txt" | uniq -d -c | awk '{s += $1 - 1} END {print s + 0}')
  missing=$(sort -u "$tmp/out/acked-$sc.txt" | comm -23 - <(sort -u "$tmp/stored-$sc.txt") | grep -c . || true)
  sql -d leadgate -c "select substring(i.item from 'fault-[a-z]+-[0-9]+-[0-9]+') from outbox_event o
    join inquiry i on i.id = o.inquiry_id where o.type = 'leadgate.inquiry.received' and i.channel_id = 'faults'
    and i.item like '%fault-$sc-%' and o.feed_position is not null order by o.feed_position" > "$tmp/feed-$sc.txt"
  events=$(grep -c . "$tmp/feed-$sc.txt" || true)
  ooo=$(awk -F- '{c = $3; s = $4 + 0; if (c in last && s < last[c]) n++; else last[c] = s} END {print n + 0}' "$tmp/feed-$sc.txt")
  rows+=("$(printf "$fmt" "$sc" "$sent" "$acked" "$stored" "$missing" "$dup" "$ooo" "$down" "$p50/$p99" \
    "$s408/$s413/$sother" "$gave" "${3:-}")")
  log "$sc: sent $sent acked $acked stored $stored missing $missing dup $dup out-of-order $ooo ($events events) 2xx-db-down $down"
}

log "baseline"
verify baseline "$(drive baseline 15)"

log "kill -9 and restart"
drive kill 30 > "$tmp/kill.txt" &
driver=$!
sleep 10
kill -9 "$app"; wait "$app" 2>/dev/null || true
t0=$(date +%s.%N); app_start; t1=$(date +%s.%N)
wait "$driver"
verify kill "$(cat "$tmp/kill.txt")" "restart $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f s", b - a}')"

log "PostgreSQL stopped for 10 s"
drive dbstop 30 > "$tmp/dbstop.txt" &
driver=$!
sleep 8
as_pg "$pgbin/pg_ctl" -D "$pgdir" -m fast -w stop >/dev/null
touch "$flag"
sleep 10
rm -f "$flag"
pg_start -c max_connections=100
wait "$driver"
verify dbstop "$(cat "$tmp/dbstop.txt")"

if [ "$use_kafka" = 1 ]; then
  log "broker stopped for 60 s"
  drive broker 75 > "$tmp/broker.txt" &
  driver=$!
  sleep 5
  broker_stop
  sleep 60
  broker_start
  wait "$driver"
  unsent=""
  for _ in $(seq 1 60); do
    unsent=$(sql -d leadgate -c "select count(*) from outbox_event where sent_at is null")
    [ "$unsent" = 0 ] && break
    sleep 1
  done
  verify broker "$(cat "$tmp/broker.txt")" "unrelayed to Kafka after recovery: $unsent"
fi

log "200 slow-body clients"
verify slow "$(drive slow 25 200)"

{
  echo "# faults $(date -u '+%F %T UTC'), $(nproc) cores shared by the load driver, the gateway, PostgreSQL${kport:+ and Kafka}"
  echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (uncommitted changes)'), $(java -version 2>&1 | head -1)"
  echo "# private PostgreSQL $(sql -c 'show server_version'), synchronous_commit on; Kafka: $([ "$use_kafka" = 1 ] && echo "single KRaft broker" || echo "not run"); $clients concurrent providers"
  echo
  echo "acked: 2xx answers (after the provider's repeats); stored: distinct tags in the database; missing: acknowledged"
  echo "but not stored; dup: extra stored copies; ooo: a client's inquiry.received events out of order in the feed;"
  echo "2xx-db: 2xx answers sent and received while PostgreSQL was down; p50/p99: ms from first send to 2xx (repeats"
  echo "included); slow: the slow-body clients' answers 408/413/other; gave-up: posts with no 2xx after 120 s."
  echo
  printf "$fmt" scenario sent acked stored missing dup ooo 2xx-db "p50/p99" "slow" gave-up note
  printf '%s\n' "${rows[@]}"
  echo
  echo "## driver"
  cat "$tmp/driver.log"
  echo "## gateway log: warnings and errors"
  grep -E '"level":"(WARN|ERROR)"' "$tmp/app.log" \
    | sed -E 's/.*"loggerName":"([^"]*)","level":"([A-Z]*)","message":"(.{0,90}).*/\2 \1: \3/' \
    | sed -E 's/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -20
} > "$out"
sed -n '1,/^## driver/p' "$out"
