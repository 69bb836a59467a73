#!/usr/bin/env bash
# Undersigned benchmark, admin phase (issue 11): one letter with 1,000,000 signatures, the app's
# heap capped at 512 MB, every admin view, search, statistic and export measured.
#
#   bench/admin.sh                       # on its own (about 10 minutes, most of it seeding)
#   BENCH_ADMIN_SIGNATURES=200000 bench/admin.sh
#   (bench/run.sh runs it at the end unless BENCH_ADMIN=0)
#
# Seeding is set-based SQL (bench/seed-admin.sql: half unconfirmed, a tenth waiting for review,
# the rest approved; a fifth are chapters sharing one website). Each view is requested
# $SAMPLES times in a row (after two warm-ups) and reported as p50/p95; exports report the time
# to the first byte, the total time and rows per second; the heap is sampled with jstat every
# 100 ms and the peak of the used heap reported. Prints a table and appends it to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_ADMIN_SIGNATURES:-1000000}
SAMPLES=${BENCH_ADMIN_SAMPLES:-30}
PORT=${BENCH_ADMIN_PORT:-8092}
HEAP=${BENCH_ADMIN_HEAP:-512m}
DB=${BENCH_ADMIN_DB:-undersigned_bench_admin}
WORK=$(mktemp -d /tmp/undersigned-bench-admin.XXXXXX)
APP_PID=""
SAY_AS=bench-admin
# shellcheck source=lib.sh
source bench/lib.sh
trap stop_app EXIT

prepare_database wrk psql openssl
build_app
say "starting the application (heap capped at $HEAP)"
start_app
admin_token
LETTER=$(letter bench-admin true)
PDF_LETTER=$(letter bench-admin-pdf true)

say "seeding $N signatures on letter $LETTER (set-based SQL)"
T0=$(date +%s)
psql -X -q -d "$DB" -v letter="$LETTER" -v n="$N" -f bench/seed-admin.sql
SEED_S=$(( $(date +%s) - T0 ))
say "seeding $N approved signatories on letter $PDF_LETTER for the PDF"
psql -X -q -d "$DB" -v letter="$PDF_LETTER" -v n="$N" -f bench/seed-signatories.sql
say "vacuum analyze"
psql -X -q -d "$DB" -c "vacuum analyze signature" >/dev/null
sleep 3

JAVA_PID=$(app_java_pid)
heap_start() { # label
  ( while true; do
      jstat -gc "$JAVA_PID" 2>/dev/null | awk 'NR==2 { printf "%d\n", ($3 + $4 + $6 + $8) / 1024 }'
      sleep 0.1
    done ) >"$WORK/heap-$1.txt" &
  SAMPLER=$!
}
heap_stop() { # label → peak MB
  kill "$SAMPLER" 2>/dev/null || true
  wait "$SAMPLER" 2>/dev/null || true
  sort -n "$WORK/heap-$1.txt" | tail -n 1
}
AUTH=(-H "Authorization: Bearer $TOKEN")
ROWS=""
measure() { # label path accept → appends a table row
  local label=$1 path=$2 accept=${3:-text/html} i code
  for i in 1 2; do curl -s -o /dev/null "${AUTH[@]}" -H "Accept: $accept" "http://localhost:$PORT$path"; done
  heap_start "$label"
  : >"$WORK/times-$label.txt"
  for i in $(seq "$SAMPLES"); do
    code=$(curl -s -o "$WORK/body.out" -w '%{http_code} %{time_total}' "${AUTH[@]}" -H "Accept: $accept" "http://localhost:$PORT$path")
    echo "${code#* }" >>"$WORK/times-$label.txt"
    [ "${code%% *}" = 200 ] || { say "$label: HTTP ${code%% *}"; echo "err" >>"$WORK/errors-$label.txt"; }
  done
  local peak; peak=$(heap_stop "$label")
  local p50 p95 errs
  p50=$(sort -n "$WORK/times-$label.txt" | awk '{ a[NR] = $1 } END { printf "%.0f", a[int(NR * 0.5 + 0.5)] * 1000 }')
  p95=$(sort -n "$WORK/times-$label.txt" | awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.5); if (i > NR) i = NR; printf "%.0f", a[i] * 1000 }')
  errs=0; [ -f "$WORK/errors-$label.txt" ] && errs=$(wc -l <"$WORK/errors-$label.txt")
  say "$label: p50 ${p50} ms, p95 ${p95} ms, errors $errs, peak heap ${peak} MB"
  ROWS+="| $label | $p50 ms / $p95 ms | $errs | $peak MB |"$'\n'
}
cursor() { # state-condition offset → a keyset cursor (micros-id) deep in the letter
  sql "select (extract(epoch from created_at) * 1000000)::bigint || '-' || id from signature
       where letter_id = $LETTER $1 order by created_at, id offset $2 limit 1"
}
CHAPTER=$(sql "select id from signature where letter_id = $LETTER and website_domain = 'nationaljustice.org' and state = 'PENDING_REVIEW' order by created_at, id limit 1")
Q=/admin/letters/$LETTER/queue
A=/api/admin/letters/$LETTER/signatures
say "views (each $SAMPLES times in a row)"
measure "Queue page: waiting for review, first page" "$Q"
measure "Queue page: unconfirmed, first page" "$Q?state=UNCONFIRMED"
measure "Queue page: unconfirmed, deep (row 400,000 of 500,000)" "$Q?state=UNCONFIRMED&after=$(cursor "and state = 'UNCONFIRMED'" 400000)"
measure "Queue page: all, deep (row 900,000)" "$Q?state=ALL&after=$(cursor "" 900000)"
measure "Queue page: all, a page back from deep" "$Q?state=ALL&before=$(cursor "" 700000)"
measure "Queue API: waiting for review" "$A" application/json
measure "Queue API: all, deep" "$A?state=ALL&after=$(cursor "" 500000)" application/json
measure "Search (all states): one chapter by name" "$Q?state=ALL&q=chapter+00654321"
measure "Search (all states): email address" "$Q?state=ALL&q=signer123456%40"
measure "Search (all states): website domain" "$Q?state=ALL&q=org777777.example"
measure "Search (all states): contact name" "$Q?state=ALL&q=contact+99999"
measure "Search (waiting): common word (tenant union)" "$Q?q=tenant+union"
measure "Search (all states): no match" "$Q?state=ALL&q=zzqqxx"
measure "Search API (all states): 3 letters (ban)" "$A?state=ALL&q=ban" application/json
measure "Flag: possible duplicates (waiting)" "$Q?flag=possible-duplicate"
measure "Flag: looked automated (all)" "$Q?state=ALL&flag=suspected-bot"
measure "Flag: throwaway address (all)" "$Q?state=ALL&flag=disposable-email"
measure "Flag: email domain differs (waiting)" "$Q?flag=domain-mismatch"
measure "All possible duplicates of a chapter (6-figure match)" "$Q?duplicatesOf=$CHAPTER"
measure "Entry page (a chapter)" "/admin/signatures/$CHAPTER"
measure "Dashboard (letter admin page)" "/admin/letters/$LETTER"
measure "Statistics API" "/api/admin/letters/$LETTER/stats" application/json
measure "Letter admin API (counts)" "/api/admin/letters/$LETTER" application/json

EXPORTS=""
export_run() { # label path accept
  local label=$1 path=$2 out
  heap_start "$label"
  out=$(curl -s -o "$WORK/export.out" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "${AUTH[@]}" \
    -H "Accept: $3" "http://localhost:$PORT$path")
  local peak; peak=$(heap_stop "$label")
  local rows
  rows=$(( $(wc -l <"$WORK/export.out") - 1 ))
  [ "$3" = application/json ] && rows=$(grep -o '"type"' "$WORK/export.out" | wc -l)
  read -r code ttfb total bytes <<<"$out"
  local rate; rate=$(awk -v r="$rows" -v t="$total" 'BEGIN { printf "%.0f", r / t }')
  say "$label: HTTP $code, first byte ${ttfb}s, total ${total}s, $rows rows ($rate rows/s), $bytes bytes, peak heap $peak MB"
  EXPORTS+="| $label | $code | $(printf %.2f "$ttfb") s | $(printf %.1f "$total") s | $rows | $rate | $(( bytes / 1048576 )) MB | $peak MB |"$'\n'
}
say "exports"
export_run "Contacts CSV (admin, every state)" "/admin/letters/$LETTER/signatures.csv" text/csv
# While a big export runs, the public letter page must not suffer.
heap_start export-during
( curl -s -o /dev/null "${AUTH[@]}" "http://localhost:$PORT/admin/letters/$LETTER/signatures.csv" ) &
EXPORT_BG=$!
wrk -t2 -c16 -d8s --latency -s bench/get.lua "http://localhost:$PORT/letters/bench-admin" >"$WORK/page-during.wrk" 2>&1 || true
wait "$EXPORT_BG" || true
heap_stop export-during >/dev/null
PAGE_DURING=$(grep '^RESULT' "$WORK/page-during.wrk" | tail -n 1)
export_run "Public CSV (approved)" "/letters/bench-admin/signatories.csv" text/csv
export_run "Public JSON (approved)" "/letters/bench-admin/signatories.json" application/json
export_run "Public CSV, 1,000,000 approved" "/letters/bench-admin-pdf/signatories.csv" text/csv

say "PDF of $N names (first download renders it; last, since it may exceed the heap)"
heap_start pdf
T0=$(date +%s%N)
PDF_CODE=$(curl -s -o "$WORK/letter.pdf" -w '%{http_code}' --max-time 900 "http://localhost:$PORT/letters/bench-admin-pdf/letter.pdf" || echo failed)
T1=$(date +%s%N)
PDF_PEAK=$(heap_stop pdf)
PDF_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
if kill -0 "$JAVA_PID" 2>/dev/null; then ALIVE=yes; else ALIVE="no (exited: $(grep -c OutOfMemoryError "$WORK/app.log" || true) OutOfMemoryError in the log)"; fi
PDF_LINE="HTTP $PDF_CODE in $PDF_S s, peak heap $PDF_PEAK MB, $(pdfinfo "$WORK/letter.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, $(stat -c %s "$WORK/letter.pdf" 2>/dev/null || echo 0) bytes; app alive afterwards: $ALIVE"
say "PDF: $PDF_LINE"
GROUPED_LINE="not measured (the app did not survive the first PDF)"
if [ "$ALIVE" = yes ]; then
  say "PDF of $N names grouped by region (the admin preview: rendered afresh, through one server-side cursor)"
  sql "update letter set pdf_grouping = 'REGION' where id = $PDF_LETTER" >/dev/null
  heap_start pdf-grouped
  T0=$(date +%s%N)
  GROUPED_CODE=$(curl -s -o "$WORK/grouped.pdf" -w '%{http_code}' --max-time 900 "${AUTH[@]}" -H 'Accept: application/pdf' \
    "http://localhost:$PORT/admin/letters/$PDF_LETTER/letter.pdf" || echo failed)
  T1=$(date +%s%N)
  GROUPED_PEAK=$(heap_stop pdf-grouped)
  if kill -0 "$JAVA_PID" 2>/dev/null; then GALIVE=yes; else GALIVE="no (exited: $(grep -c OutOfMemoryError "$WORK/app.log" || true) OutOfMemoryError in the log)"; fi
  GROUPED_LINE="HTTP $GROUPED_CODE in $(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s, peak heap $GROUPED_PEAK MB, $(pdfinfo "$WORK/grouped.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, $(stat -c %s "$WORK/grouped.pdf" 2>/dev/null || echo 0) bytes; app alive afterwards: $GALIVE"
  say "grouped PDF: $GROUPED_LINE"
fi

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
TABLE=$(cat <<TABLE
### Admin phase, $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB, shared with other work while it ran (figures are noisy). PostgreSQL $(sql "show server_version").
One letter with $N signatures (seeded in ${SEED_S} s by bench/seed-admin.sql: $(sql "select string_agg(state || ' ' || n, ', ' order by state) from (select state, count(*) n from signature where letter_id = $LETTER group by state) c")), a second with $N approved for the PDF.
App heap capped at $HEAP (-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError $JVM_OPTS); each view requested $SAMPLES times in a row by one client, after two warm-ups; peak heap = used heap sampled every 100 ms by jstat.

| View | p50 / p95 | Errors | Peak heap |
|---|---|---|---|
$ROWS
| Export | HTTP | First byte | Total | Rows | Rows/s | Size | Peak heap |
|---|---|---|---|---|---|---|---|
$EXPORTS
Public letter page while a contacts export ran (wrk, 16 connections, 8 s): $(field "$PAGE_DURING" requests) requests, p50 $(awk -v u="$(field "$PAGE_DURING" p50_us)" 'BEGIN { printf "%.1f", u / 1000 }') ms, p99 $(awk -v u="$(field "$PAGE_DURING" p99_us)" 'BEGIN { printf "%.1f", u / 1000 }') ms, errors $(( $(field "$PAGE_DURING" status_errors) + $(field "$PAGE_DURING" timeout) )).

PDF of $N names: $PDF_LINE.
The same, grouped by region (7 regions): $GROUPED_LINE.
TABLE
)
echo
echo "$TABLE"
{ echo; echo "$TABLE"; } >>docs/benchmarks.md
say "raw outputs kept in $WORK"
