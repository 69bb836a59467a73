#!/usr/bin/env bash
# What exact rate limits across replicas would cost (issue 16): the sign-on's two inserts, as
# pgbench runs them for bench/run.sh's ceiling, with and without a Bucket4j-style PostgreSQL
# bucket transaction before each (row FOR UPDATE, new state, commit). Undersigned keeps its
# limits in memory per replica plus a coarse per-address limit at the ingress
# (docs/operations.md, "Rate limits across replicas"); this measures the road not taken.
#
#   bench/rate-limit-cost.sh                      # builds, then about two minutes
#   BENCH_REUSE_BUILD=1 bench/rate-limit-cost.sh  # reuses target/quarkus-app
#
# Same database settings as bench/run.sh (fsync and synchronous_commit on, wal_compression lz4).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LOAD=${BENCH_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_PORT:-8090}
DB=undersigned_bench_limits
WORK=$(mktemp -d /tmp/undersigned-limits.XXXXXX)
APP_PID=""
# shellcheck source=lib.sh
source bench/lib.sh
trap stop_app EXIT

prepare_database pgbench openssl
compress_wal
build_app
start_app # creates the schema
admin_token
LETTER_ID=$(letter bench-limits false)
stop_app
psql -X -q -d "$DB" -c "create table bench_bucket (id bigint primary key, state bytea)" \
  -c "insert into bench_bucket select g, decode(md5(g::text), 'hex') from generate_series(0, $CONNECTIONS) g"
sed '/^\\set r /d' bench/pgbench-signon.sql >"$WORK/signon-body.sql"
cat bench/pgbench-bucket.sql "$WORK/signon-body.sql" >"$WORK/bucket-then-signon.sql"

run() { # label script [extra pgbench args]
  local label=$1 script=$2; shift 2
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_LOAD" -D letter="$LETTER_ID" "$@" -f "$script" "$DB" \
    >"$WORK/$label.out" 2>&1
  printf '%s %s %s\n' "$label" "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/$label.out" | cut -d. -f1)" \
    "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/$label.out")"
}
say "pgbench, $CONNECTIONS clients, ${SECONDS_PER_LOAD}s each"
BASE=$(run signon bench/pgbench-signon.sql)
SPREAD=$(run spread "$WORK/bucket-then-signon.sql" -D spread=1)
HOT=$(run hot "$WORK/bucket-then-signon.sql" -D spread=0)
tps() { echo "$1" | cut -d' ' -f2; }
lat() { echo "$1" | cut -d' ' -f3; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<TABLE

### Exact rate limits in PostgreSQL: the cost ($(date -u '+%Y-%m-%d %H:%M') UTC, \`bench/rate-limit-cost.sh\`)

2 cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; pgbench -c $CONNECTIONS -j 2 -T $SECONDS_PER_LOAD, fsync on.

| Sign-on transaction | tps | avg latency ms | vs. without a bucket |
|---|---|---|---|
| The two inserts (bench/run.sh's ceiling) | $(tps "$BASE") | $(lat "$BASE") | 1.00 |
| Bucket row per client, then the inserts | $(tps "$SPREAD") | $(lat "$SPREAD") | $(ratio "$(tps "$SPREAD")" "$(tps "$BASE")") |
| One bucket row for all (a flood from one address) | $(tps "$HOT") | $(lat "$HOT") | $(ratio "$(tps "$HOT")" "$(tps "$BASE")") |
TABLE
