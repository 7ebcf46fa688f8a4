# Shared by the bench scripts (source it after `cd` to the project root): the Maven lock, the packaged jar, a
# private PostgreSQL started with initdb / pg_ctl, free ports and process stops. Everything talks to 127.0.0.1 only.
# shellcheck shell=bash

bench_lock=/tmp/leadgate-maven.lock
bench_jar=target/quarkus-app/quarkus-run.jar

# require TOOL...: exits with a hint when one is missing
require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (wrk: apt-get install wrk; pgbench: postgresql-contrib)"; exit 1; }
  done
}

mvn_() { if command -v mvnl >/dev/null; then mvnl "$@"; else ./mvnw -B "$@"; fi; }

# True when src/main or the pom changed after FILE (or FILE is missing).
older_than_sources() { [ ! -f "$1" ] || [ -n "$(find src/main pom.xml -newer "$1" -print -quit)" ]; }
jar_stale() { older_than_sources "$bench_jar"; }

# Run under `flock /tmp/leadgate-maven.lock` by the caller (an ancestor process holds the lock)?
held_by_caller() {
  local p=$PPID cmd
  while [ "$p" -gt 1 ]; do
    cmd=$(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null || true)
    [[ $cmd == *flock*"$bench_lock"* ]] && return 0
    p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null || echo 1)
  done
  return 1
}

# with_lock STALE_CHECK BUILD_FUNCTION HINT "$0" "$@": builds what is out of date (with mvnl, which takes the Maven
# lock), then re-runs the script holding the lock so no build disturbs the measurement. Under a caller's flock it
# only checks and stops with HINT when something is out of date. Returns once the script runs under the lock.
with_lock() {
  local stale=$1 build=$2 hint=$3
  shift 3
  [ -n "${BENCH_LOCKED:-}" ] && return 0
  if held_by_caller; then
    if "$stale"; then echo "out of date and the Maven lock is held by the caller: $hint"; exit 1; fi
    return 0
  fi
  if "$stale"; then "$build"; fi
  BENCH_LOCKED=1 exec flock "$bench_lock" "$@"
}

# Children (PostgreSQL, a broker, the gateway) must not inherit the Maven lock's file descriptor: one left behind
# would hold the lock for every build on the machine. flock itself keeps holding it until the script ends.
close_inherited_fds() {
  local fd
  for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ] && [ "$fd" != 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}

free_port() { # from: the first port from there on that nothing listens on
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port from $1" >&2; exit 1
}

stop_pid() { # pid: TERM, then KILL after 20 s
  local i
  kill "$1" 2>/dev/null || return 0
  for i in $(seq 1 40); do
    case "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo gone)" in gone|Z) wait "$1" 2>/dev/null || true; return 0;; esac
    sleep 0.5
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  return 0
}

# --- private PostgreSQL -------------------------------------------------------------------------------------------
# pg_init DIR PORT: initdb in DIR/pg (owned by postgres when run as root); pg_start [-c ...] starts it with
# synchronous_commit and fsync on plus the given settings; pg_stop stops it; sql runs psql on it.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_init() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$pgbin/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"; exit 1; }
  pgdir=$1/pg
  pgport=$2
  mkdir -p "$pgdir"
  chmod 755 "$1"
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  as_pg "$pgbin/initdb" -D "$pgdir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$1/initdb.log"
}
pg_start() {
  as_pg "$pgbin/pg_ctl" -D "$pgdir" -l "$pgdir/server.log" -w start -o "-p $pgport -k $pgdir \
    -c listen_addresses=127.0.0.1 -c synchronous_commit=on -c fsync=on $*" >/dev/null
}
pg_stop() { [ -n "${pgdir:-}" ] && as_pg "$pgbin/pg_ctl" -D "$pgdir" -m fast -w stop >/dev/null 2>&1 || true; }
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -X -q -At "$@"; }
