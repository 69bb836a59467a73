#!/usr/bin/env bash
# Undersigned benchmark harness: one command.
#
#   bench/run.sh            # full run (about 6 minutes), table printed and appended to docs/benchmarks.md
#   BENCH_SECONDS=10 bench/run.sh   # shorter load phases
#   BENCH_ADMIN=0 bench/run.sh      # without the admin phase (bench/admin.sh, about 12 minutes)
#   BENCH_MAIL=0 bench/run.sh       # without the mail phase (bench/mail.sh, about 4 minutes)
#
# Builds the application, starts a local PostgreSQL with default durability (fsync and
# synchronous_commit on), starts the application with production settings, seeds data, runs the
# loads with wrk on the same machine, runs pgbench with the same two inserts as the ceiling for
# sign-on, measures start-up, memory and PDF rendering, checks the database, and prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_LOAD=${BENCH_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_PORT:-8090}
HEAP=${BENCH_HEAP:-768m}
DB=undersigned_bench
WORK=$(mktemp -d /tmp/undersigned-bench.XXXXXX)
APP_PID=""

# shellcheck source=lib.sh
source bench/lib.sh
trap stop_app EXIT

# --- tools and database ---------------------------------------------------------------------
prepare_database wrk pgbench openssl
compress_wal
FSYNC=$(sql "show fsync")
SYNC_COMMIT=$(sql "show synchronous_commit")
say "PostgreSQL durability: fsync=$FSYNC synchronous_commit=$SYNC_COMMIT"
if [ "$FSYNC" != on ] || [ "$SYNC_COMMIT" != on ]; then
  say "refusing to benchmark without default durability"; exit 1
fi

# --- build and start the application ----------------------------------------------------------
build_app
say "starting the application (heap capped at $HEAP)"
start_app # creates the schema and the first admin
FIRST_START_S=$READY_S
admin_token
SIGNON_ID=$(letter bench-signon false)
stop_app
say "training run: recording the classes a start and the main requests load (dynamic AppCDS)"
train_class_data bench-signon
start_app # the start that matters in operation: an existing database
STARTUP_S=$READY_S
say "ready in ${STARTUP_S}s"

admin_token
seed() { # letter-id count
  psql -X -q -d "$DB" -v letter="$1" -v n="$2" -f bench/seed-signatories.sql
}
wrk_run() { # label url [script]
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_LOAD}s" --timeout 5s --latency -s "${3:-bench/get.lua}" "$2" >"$WORK/$1.wrk" 2>&1 || true
  grep '^RESULT' "$WORK/$1.wrk" | tail -n 1
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
rate() { awk -v r="$(field "$1" requests)" -v e="$(field "$1" status_errors)" -v d="$(field "$1" duration_us)" 'BEGIN { printf "%.0f", (r - e) / (d / 1e6) }'; }
ms() { awk -v us="$(field "$1" "$2")" 'BEGIN { printf "%.1f", us / 1000 }'; }
errors() { echo "$(( $(field "$1" status_errors) + $(field "$1" connect) + $(field "$1" read) + $(field "$1" write) + $(field "$1" timeout) ))"; }

# --- data ---------------------------------------------------------------------------------------
say "seeding letters"
# Sign-ons carry the form's stamp as a browser's would (else each would be flagged as a bot).
export BENCH_FORM_STAMP
BENCH_FORM_STAMP=$(form_stamp bench-signon)
PAGE_ID=$(letter bench-page true)
seed "$PAGE_ID" 10000
PDF1K=$(letter bench-pdf-1k true); seed "$PDF1K" 1000
PDF10K=$(letter bench-pdf-10k true); seed "$PDF10K" 10000
PDF100K=$(letter bench-pdf-100k true); seed "$PDF100K" 100000
psql -X -q -d "$DB" -c "vacuum analyze signature" -c "vacuum analyze outbox_email" -c "vacuum analyze letter" >/dev/null
sleep 3 # the tally and directory pick the seeded lists up

# --- sign-on ------------------------------------------------------------------------------------
say "sign-on: wrk for ${SECONDS_PER_LOAD}s with $CONNECTIONS connections"
curl -s -o /dev/null -X POST -d "formStamp=$BENCH_FORM_STAMP" -d 'kind=ORGANIZATION&organizationName=Warm+Up&city=A&country=US&orgType=ADVOCACY&contactName=A&contactTitle=B&email=warm%40bench.invalid&consentPublic=yes' "http://localhost:$PORT/letters/bench-signon/sign"
say "sign-on warm-up (${WARMUP:=20}s, not measured: the JIT compiles the hot path)"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/signon.lua "http://localhost:$PORT/letters/bench-signon/sign" >/dev/null 2>&1 || true
sleep 1
BEFORE=$(psql -X -At -d "$DB" -c "select count(*) from signature where letter_id = $SIGNON_ID")
OUTBOX_BEFORE=$(psql -X -At -d "$DB" -c "select count(*) from outbox_email")
SIGNON=$(wrk_run signon "http://localhost:$PORT/letters/bench-signon/sign" bench/signon.lua)
ACCEPTED=$(( $(field "$SIGNON" requests) - $(errors "$SIGNON") ))
sleep 1
CREATED=$(( $(psql -X -At -d "$DB" -c "select count(*) from signature where letter_id = $SIGNON_ID") - BEFORE ))
OUTBOX=$(( $(psql -X -At -d "$DB" -c "select count(*) from outbox_email") - OUTBOX_BEFORE ))
# wrk stops with up to one request per connection still in flight; the server completes those, so
# the database may hold up to $CONNECTIONS more than wrk counted, never fewer, and always one
# outbox row per signature.
INFLIGHT=$(( CREATED - ACCEPTED ))
CHECK="ok: one outbox row per signature; $INFLIGHT completed after wrk stopped counting"
if [ "$CREATED" != "$OUTBOX" ] || [ "$INFLIGHT" -lt 0 ] || [ "$INFLIGHT" -gt "$CONNECTIONS" ]; then CHECK="MISMATCH"; fi
say "sign-on: $(rate "$SIGNON")/s, accepted=$ACCEPTED signatures=$CREATED outbox=$OUTBOX ($CHECK)"

say "pgbench: the same two inserts, same client count, ${SECONDS_PER_LOAD}s"
pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_LOAD" -D letter="$SIGNON_ID" -f bench/pgbench-signon.sql "$DB" >"$WORK/pgbench.out" 2>&1
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | tail -n 1 | cut -d. -f1)
PGBENCH_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench.out")

# --- letter page ----------------------------------------------------------------------------------
say "letter page with 10,000 approved signatories"
curl -sf -o "$WORK/static/page.html" "http://localhost:$PORT/letters/bench-page"
wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$PORT/letters/bench-page" >/dev/null 2>&1 || true
wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$PORT/bench-static/page.html" >/dev/null 2>&1 || true
PAGE_BYTES=$(stat -c %s "$WORK/static/page.html")
PAGE=$(wrk_run page "http://localhost:$PORT/letters/bench-page")
STATIC=$(wrk_run static "http://localhost:$PORT/bench-static/page.html")
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))

# --- PDF ----------------------------------------------------------------------------------------
pdf_render() { # slug → "seconds peak_heap_mb pages bytes"
  local peak=0 used pid_sampler
  ( while true; do
      jstat -gc "$APP_PID" 2>/dev/null | awk 'NR==2 { printf "%d\n", ($3 + $4 + $6 + $8) / 1024 }'
      sleep 0.1
    done ) >"$WORK/heap-$1.txt" &
  pid_sampler=$!
  local t0 t1
  t0=$(date +%s%N)
  curl -sf -o "$WORK/$1.pdf" "http://localhost:$PORT/letters/$1/letter.pdf"
  t1=$(date +%s%N)
  kill "$pid_sampler" 2>/dev/null || true
  wait "$pid_sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/heap-$1.txt" | tail -n 1)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') ${peak:-?} $(pdfinfo "$WORK/$1.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') $(stat -c %s "$WORK/$1.pdf")"
}
say "PDF renders (first download, nothing cached)"
R1K=$(pdf_render bench-pdf-1k)
R10K=$(pdf_render bench-pdf-10k)
R100K=$(pdf_render bench-pdf-100k)
cp "$WORK/bench-pdf-10k.pdf" "$WORK/static/letter.pdf"
say "cached PDF download (10k signatories) against the same bytes as a static file"
wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$PORT/letters/bench-pdf-10k/letter.pdf" >/dev/null 2>&1 || true
wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$PORT/bench-static/letter.pdf" >/dev/null 2>&1 || true
CACHED_PDF=$(wrk_run pdf "http://localhost:$PORT/letters/bench-pdf-10k/letter.pdf")
STATIC_PDF=$(wrk_run static-pdf "http://localhost:$PORT/bench-static/letter.pdf")

# --- table --------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
MACHINE="$(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(uname -sr), $(java -version 2>&1 | head -n 1)"
SIGNON_RATE=$(rate "$SIGNON")
TABLE=$(cat <<TABLE
### $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $MACHINE. PostgreSQL $(psql -X -At -d "$DB" -c "show server_version"), fsync=$FSYNC, synchronous_commit=$SYNC_COMMIT, wal_compression=$(sql "show wal_compression").
App, PostgreSQL and wrk on the same machine; wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_LOAD}s; app heap capped at $HEAP; JVM options: ${JVM_OPTS:-none} with the class-data archive from a training run.

| Measure | Result | Ceiling (same run) | Ratio | Target |
|---|---|---|---|---|
| Sign-on: accepted/s | $SIGNON_RATE | pgbench same two inserts: $PGBENCH_TPS tps (avg $PGBENCH_LAT ms) | $(ratio "$SIGNON_RATE" "$PGBENCH_TPS") | ≥ 2,000/s, ≥ 0.5 |
| Sign-on: p50 / p99 latency | $(ms "$SIGNON" p50_us) ms / $(ms "$SIGNON" p99_us) ms | | | p99 ≤ 100 ms |
| Sign-on: errors | $(errors "$SIGNON") | | | 0 |
| Sign-on: database check | $ACCEPTED accepted → $CREATED signatures, $OUTBOX outbox rows ($CHECK) | | | one signature and one outbox row per sign-on |
| Letter page (10,000 signatories, $PAGE_BYTES bytes): req/s | $(rate "$PAGE") | static file, same size, same server: $(rate "$STATIC") | $(ratio "$(rate "$PAGE")" "$(rate "$STATIC")") | ≥ 3,000/s, ≥ 0.5 |
| Letter page: p50 / p99 | $(ms "$PAGE" p50_us) ms / $(ms "$PAGE" p99_us) ms | static: $(ms "$STATIC" p50_us) ms / $(ms "$STATIC" p99_us) ms | | p99 ≤ 50 ms |
| Letter page: errors | $(errors "$PAGE") | static: $(errors "$STATIC") | | 0 |
| Start-up to ready (existing database; first start with migrations: ${FIRST_START_S} s) | ${STARTUP_S} s | | | ≤ 3 s |
| Resident memory after sign-on and page load | $RSS_MB MB | | | ≤ 300 MB |
| PDF, 1,000 signatories: render s / peak heap MB / pages / bytes | $R1K | | | |
| PDF, 10,000 signatories | $R10K | | | ≤ 1.5 s |
| PDF, 100,000 signatories | $R100K | | | ≤ 15 s, heap ≤ $HEAP |
| Cached PDF download (10,000 signatories): req/s | $(rate "$CACHED_PDF") | static file, same bytes: $(rate "$STATIC_PDF") | $(ratio "$(rate "$CACHED_PDF")" "$(rate "$STATIC_PDF")") | ≥ 0.8 |
TABLE
)
echo
echo "$TABLE"
{
  echo
  echo "$TABLE"
} >>docs/benchmarks.md
say "raw outputs kept in $WORK"

# --- mail ---------------------------------------------------------------------------------------
stop_app
if [ "${BENCH_MAIL:-1}" = 1 ]; then
  say "mail phase (bench/mail.sh): drain, sign-on burst with the outbox sending, instances adding up"
  BENCH_REUSE_BUILD=1 bench/mail.sh
fi

# --- admin phase (issue 11): its own database, port and a 512 MB heap -----------------------------
stop_app
if [ "${BENCH_ADMIN:-1}" = 1 ]; then
  say "admin phase: bench/admin.sh (1,000,000 signatures; BENCH_ADMIN=0 skips it)"
  BENCH_REUSE_BUILD=1 bench/admin.sh
fi
