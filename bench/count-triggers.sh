#!/usr/bin/env bash
# What the maintained statistics cost sign-on (issue 11): the sign-on transaction (bench/pgbench-signon.sql,
# the same two inserts the application makes) run by pgbench with the count triggers of V8_1 enabled and
# disabled, alternating, so that other load on the machine falls on both alike.
#
#   bench/count-triggers.sh                  # 3 rounds of 15 s each way, about 2 minutes
#   BENCH_ROUNDS=5 BENCH_ROUND_SECONDS=20 bench/count-triggers.sh
#
# Needs a superuser to disable triggers (as root it uses the postgres account); prints a table and
# appends it to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-3}
ROUND_SECONDS=${BENCH_ROUND_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PORT=${BENCH_PORT:-8093}
DB=undersigned_triggerbench
WORK=$(mktemp -d /tmp/undersigned-triggerbench.XXXXXX)
APP_PID=""
SAY_AS=count-triggers
# shellcheck source=lib.sh
source bench/lib.sh
trap stop_app EXIT

prepare_database pgbench openssl
compress_wal
build_app
# The application creates the schema (Flyway) and the letter, then leaves the database to pgbench.
start_app
admin_token
LETTER_ID=$(letter bench-triggers false)
stop_app

as_owner() { # sql — the table owner may disable its triggers; as root, go through the postgres account
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD psql -X -q -p "$PGPORT" -d "$DB" -c "$1" >/dev/null
  else
    psql -X -q -d "$DB" -c "$1" >/dev/null
  fi
}
TRIGGERS=(signature_counts_inserted signature_counts_deleted signature_counts_updated)
set_triggers() { # enable|disable
  local t
  for t in "${TRIGGERS[@]}"; do as_owner "alter table signature $1 trigger $t"; done
}
round() { # → tps
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$ROUND_SECONDS" -D letter="$LETTER_ID" -f bench/pgbench-signon.sql "$DB" \
    2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | tail -n 1 | cut -d. -f1
}
ON=()
OFF=()
for i in $(seq 1 "$ROUNDS"); do
  set_triggers enable
  ON+=("$(round)")
  set_triggers disable
  OFF+=("$(round)")
  say "round $i: with triggers ${ON[-1]} tps, without ${OFF[-1]} tps"
done
set_triggers enable
sum() { local s=0 x; for x in "$@"; do s=$((s + x)); done; echo $((s / $#)); }
MEAN_ON=$(sum "${ON[@]}")
MEAN_OFF=$(sum "${OFF[@]}")
RATIO=$(awk -v a="$MEAN_ON" -v b="$MEAN_OFF" 'BEGIN { printf "%.2f", a / b }')
DELTAS=$(sql "select count(*) from signature_count_delta")
TABLE=$(cat <<TABLE
### Count triggers and sign-on, $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, shared with other work while it ran; PostgreSQL $(sql "show server_version") (fsync and synchronous_commit on). pgbench, $CONNECTIONS clients, the sign-on transaction of bench/pgbench-signon.sql, $ROUNDS alternating rounds of $ROUND_SECONDS s each way (\`bench/count-triggers.sh\`).

| Count triggers (V8_1) | Sign-on transactions/s, per round | Mean |
|---|---|---|
| enabled | ${ON[*]} | $MEAN_ON |
| disabled | ${OFF[*]} | $MEAN_OFF |

With the triggers, sign-on runs at $RATIO of its speed without them ($DELTAS delta rows written, folded by the statistics job).
TABLE
)
echo
echo "$TABLE"
{ echo; echo "$TABLE"; } >>docs/benchmarks.md
