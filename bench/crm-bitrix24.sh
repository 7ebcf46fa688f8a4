#!/usr/bin/env bash
# Bitrix24 connector at Bitrix24's limit (2 requests/s, burst 50): a backlog of new clients drained, then new clients
# and returning clients arriving at 100 leads/s (each after a 26 s quiet spell). Runs Bitrix24DrainBenchmark (a @QuarkusTest on the test PostgreSQL, like the test suite)
# while holding the machine's Maven lock; the figures go to bench/results/crm-bitrix24-<time>.md.
#   flock /tmp/leadgate-maven.lock bench/crm-bitrix24.sh                    # 10 000 leads, then 2 × 100/s for 60 s
# The arrivals are offered by the clock (post i started at i/RATE s, up to 64 awaiting their answers); late starts are
# counted in the table. RETURNING=false skips phase 3.
#   BACKLOG=1000 RATE=100 DURATION=20 flock /tmp/leadgate-maven.lock bench/crm-bitrix24.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=Bitrix24DrainBenchmark -Dcrmbench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcrmbench.backlog="${BACKLOG:-10000}" -Dcrmbench.rate="${RATE:-100}" -Dcrmbench.seconds="${DURATION:-60}" \
  -Dcrmbench.returning="${RETURNING:-true}"
ls -t bench/results/crm-bitrix24-*.md | head -1 | xargs cat
