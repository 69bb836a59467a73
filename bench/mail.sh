#!/usr/bin/env bash
# Mail phase of the benchmark (bench/run.sh runs it last; it also runs alone):
#
#   bench/mail.sh                      # about 3 minutes
#   BENCH_MAIL_BURST=20 bench/mail.sh  # shorter burst
#
# Everything on this machine: PostgreSQL (default durability), the application with production
# settings sending to Postfix's smtp-sink (a real SMTP server that accepts and discards), and
# smtp-source against the same smtp-sink as the ceiling. Measures, from the outbox rows' own times:
#   1. drain: the backlog of real confirmation emails that $FILL s of full-speed sign-on leaves, emails/s;
#   2. burst: wrk signs on at full speed for $BENCH_MAIL_BURST s while the outbox sends; sign-ons/s,
#      p50/p99 from sign-on to the SMTP server accepting the confirmation, and how long after the
#      burst the backlog was empty.
set -euo pipefail
cd "$(dirname "$0")/.."
BURST=${BENCH_MAIL_BURST:-60}
FILL=${BENCH_MAIL_FILL:-40}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_PORT:-8090}
SMTP_PORT=${BENCH_SMTP_PORT:-2525}
HEAP=${BENCH_HEAP:-768m}
DB=undersigned_mailbench
WORK=$(mktemp -d /tmp/undersigned-mailbench.XXXXXX)
APP_PID=""
SINK_PID=""
SAY_AS=mail

# shellcheck source=lib.sh
source bench/lib.sh
stop_sink() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }
trap 'stop_app; stop_sink' EXIT

prepare_database wrk openssl
compress_wal
ensure_smtp_sink
build_app

# smtp-sink refuses to run as root without a user to switch to.
SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u postfix)
smtp-sink "${SINK_USER[@]}" "127.0.0.1:$SMTP_PORT" 1024 &
SINK_PID=$!
sleep 0.3

say "ceiling: smtp-source, 20 parallel kept-alive sessions, 50,000 messages of 3,000 bytes"
t0=$(date +%s%N)
smtp-source -d -s 20 -m 50000 -l 3000 -f bench@bench.invalid -t sink@bench.invalid "127.0.0.1:$SMTP_PORT"
t1=$(date +%s%N)
CEILING=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", 50000 / ((b - a) / 1e9) }')
say "smtp-source: $CEILING messages/s"

MAIL_ENV=(QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_START_TLS=DISABLED
)
# --- 1. drain a backlog of real confirmation emails ------------------------------------------
# The backlog a viral minute leaves: wrk signs on at full speed with the sender off (this is also
# the full-speed sign-on rate the drain must at least match), then the app restarts with the
# sender on and empties the outbox.
MAIL_SEND_EVERY=off
start_app "${MAIL_ENV[@]}"
admin_token
SLUG=bench-mail
LETTER_ID=$(letter "$SLUG" false)
export BENCH_FORM_STAMP
BENCH_FORM_STAMP=$(form_stamp "$SLUG")
say "drain: warm-up (10 s), then wrk signs on for ${FILL:=40}s with the sender off"
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/signon.lua "http://localhost:$PORT/letters/$SLUG/sign" >/dev/null 2>&1 || true
wrk -t2 -c"$CONNECTIONS" -d"${FILL}s" --timeout 5s --latency -s bench/signon.lua \
  "http://localhost:$PORT/letters/$SLUG/sign" >"$WORK/fill.wrk" 2>&1 || true
FILL_RESULT=$(grep '^RESULT' "$WORK/fill.wrk" | tail -n 1)
FULL_SIGNON_RATE=$(echo "$FILL_RESULT" | tr ' ' '\n' | awk -F= '$1=="requests"{r=$2} $1=="status_errors"{e=$2} $1=="duration_us"{d=$2} END { printf "%.0f", (r - e) / (d / 1e6) }')
stop_app
BACKLOG=$(sql "select count(*) from outbox_email where state = 'QUEUED'")
say "drain: $BACKLOG confirmation emails waiting (sign-on at $FULL_SIGNON_RATE/s with the sender off); restarting with the sender on"
MAIL_SEND_EVERY=1s
start_app "${MAIL_ENV[@]}"
until [ "$(sql "select count(*) from outbox_email where state = 'QUEUED'")" = 0 ]; do sleep 0.5; done
DRAIN=$(sql "select count(*) || ' ' || round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 2)
             || ' ' || round(count(*) / extract(epoch from max(sent_at) - min(sent_at)))::text
             from outbox_email where kind = 'signing.confirm' and state = 'SENT'")
read -r DRAIN_SENT DRAIN_S DRAIN_RATE <<<"$DRAIN"
say "drain: $DRAIN_SENT sent in ${DRAIN_S}s = $DRAIN_RATE emails/s"
admin_token

# --- 2. sign-on burst with the outbox sending ---------------------------------------------------
say "burst: sign-on warm-up (20 s, not measured)"
wrk -t2 -c"$CONNECTIONS" -d20s -s bench/signon.lua "http://localhost:$PORT/letters/$SLUG/sign" >/dev/null 2>&1 || true
until [ "$(sql "select count(*) from outbox_email where state = 'QUEUED'")" = 0 ]; do sleep 0.5; done
MARK=$(sql "select coalesce(max(id), 0) from outbox_email")
say "burst: wrk signs on for ${BURST}s with $CONNECTIONS connections while the outbox sends"
wrk -t2 -c"$CONNECTIONS" -d"${BURST}s" --timeout 5s --latency -s bench/signon.lua \
  "http://localhost:$PORT/letters/$SLUG/sign" >"$WORK/burst.wrk" 2>&1 || true
BURST_END=$(date -u '+%Y-%m-%d %H:%M:%S.%N+00')
RESULT=$(grep '^RESULT' "$WORK/burst.wrk" | tail -n 1)
field() { echo "$RESULT" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
SIGNON_RATE=$(awk -v r="$(field requests)" -v e="$(field status_errors)" -v d="$(field duration_us)" 'BEGIN { printf "%.0f", (r - e) / (d / 1e6) }')
ERRORS=$(( $(field status_errors) + $(field connect) + $(field read) + $(field write) + $(field timeout) ))
BACKLOG_AT_END=$(sql "select count(*) from outbox_email where id > $MARK and state = 'QUEUED'")
until [ "$(sql "select count(*) from outbox_email where id > $MARK and state = 'QUEUED'")" = 0 ]; do sleep 0.2; done
LAT=$(sql "select count(*),
              round((percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)))::numeric, 2),
              round((percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at)))::numeric, 2),
              round(max(extract(epoch from sent_at - created_at))::numeric, 2),
              round(greatest(0, extract(epoch from max(sent_at) - timestamptz '$BURST_END'))::numeric, 2),
              count(*) filter (where state <> 'SENT')
           from outbox_email where id > $MARK and kind = 'signing.confirm'" | tr '|' ' ')
read -r BURST_EMAILS P50 P99 PMAX EMPTY_AFTER NOT_SENT <<<"$LAT"
SIGNATURES=$(sql "select count(*) from signature where letter_id = $LETTER_ID and created_at > (select created_at from outbox_email where id = (select min(id) from outbox_email where id > $MARK))")
say "burst: $SIGNON_RATE sign-ons/s, $BURST_EMAILS confirmations, p50 ${P50}s p99 ${P99}s, empty ${EMPTY_AFTER}s after the burst"
RSS_MB=$(( $(ps -o rss= -p "$(app_java_pid)") / 1024 ))
stop_app

# --- 3. several instances add up (each capped, as a throttling relay would require) --------------
CAP=${BENCH_MAIL_CAP:-400}
CAPPED_N=$(( CAP * 15 ))
drain_capped() { # label → emails/s for $CAPPED_N emails queued at once
  sql "insert into outbox_email (id, priority, kind, recipient, subject, body_text, created_at, next_attempt_at, attempts, state)
       select nextval('outbox_email_seq'), 1, 'bench.$1', '$1-' || g || '@bench.invalid', 'Capped drain',
              repeat('A notice to one signer. ', 30), now(), now(), 0, 'QUEUED'
       from generate_series(1, $CAPPED_N) g" >/dev/null
  until [ "$(sql "select count(*) from outbox_email where kind = 'bench.$1' and state = 'QUEUED'")" = 0 ]; do sleep 0.2; done
  # Throughput of the sends that went through first time; an email the server did not take at once
  # waits for its retry (minutes), which measures the back-off, not the sender: counted apart.
  sql "select round(count(*) filter (where attempts = 0)
                    / extract(epoch from max(sent_at) filter (where attempts = 0) - min(created_at)))
       from outbox_email where kind = 'bench.$1'"
}
say "instances: one instance capped at $CAP emails/s"
start_app "${MAIL_ENV[@]}" UNDERSIGNED_MAIL_MAX_PER_SECOND="$CAP"
ONE_RATE=$(drain_capped one)
FIRST_PID=$APP_PID
SAVED_PORT=$PORT
PORT=$((PORT + 1))
say "instances: a second instance, same cap, same database"
start_app "${MAIL_ENV[@]}" UNDERSIGNED_MAIL_MAX_PER_SECOND="$CAP"
SECOND_PID=$APP_PID
TWO_RATE=$(drain_capped two)
RETRIED=$(sql "select count(*) from outbox_email where kind in ('bench.one', 'bench.two') and attempts > 0")
DOUBLE_SENT=$(sql "select count(*) from outbox_email where kind in ('bench.one', 'bench.two') and state <> 'SENT'")
kill "$SECOND_PID" 2>/dev/null; wait "$SECOND_PID" 2>/dev/null || true
PORT=$SAVED_PORT
APP_PID=$FIRST_PID
say "instances: one $ONE_RATE/s, two $TWO_RATE/s"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
TABLE=$(cat <<TABLE
### Mail, $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB; app (heap $HEAP, production settings, sending to smtp-sink through Quarkus Mailer with its default pool of 10 kept-alive, pipelined connections), PostgreSQL (fsync and synchronous_commit on), smtp-sink, smtp-source and wrk all on this machine.

| Measure | Result | Ceiling (same run) | Ratio | Target |
|---|---|---|---|---|
| Drain: a backlog of $DRAIN_SENT real confirmation emails, emails/s (first to last accepted) | $DRAIN_RATE ($DRAIN_S s) | smtp-source, 20 kept-alive sessions, 3 kB messages: $CEILING/s | $(ratio "$DRAIN_RATE" "$CEILING") | ≥ 2,000/s |
| Full-speed sign-on that filled the backlog (sender off), accepted/s | $FULL_SIGNON_RATE | drain above: $DRAIN_RATE/s | $(ratio "$DRAIN_RATE" "$FULL_SIGNON_RATE") (drain ÷ sign-on) | drain ≥ sign-on |
| Burst: sign-ons accepted/s for ${BURST} s while the outbox sends | $SIGNON_RATE ($ERRORS errors) | drain rate above: $DRAIN_RATE/s | $(ratio "$DRAIN_RATE" "$SIGNON_RATE") (drain ÷ sign-on) | drain ≥ sign-on |
| Burst: sign-on → SMTP accepted, p50 / p99 / max | ${P50} s / ${P99} s / ${PMAX} s ($BURST_EMAILS confirmations, $NOT_SENT not sent) | | | p99 ≤ 10 s |
| Burst: backlog when wrk stopped; empty after | $BACKLOG_AT_END emails; ${EMPTY_AFTER} s | | | ≤ 10 s |
| Resident memory after the burst | $RSS_MB MB | | | |
| Several instances, each capped at $CAP/s: $CAPPED_N emails, one instance / two instances | $ONE_RATE/s / $TWO_RATE/s (first-attempt sends; $RETRIED retried after a refusal, $DOUBLE_SENT not sent) | | $(ratio "$TWO_RATE" "$ONE_RATE") | two ≈ 2 × one |
TABLE
)
echo
echo "$TABLE"
{ echo; echo "$TABLE"; } >>docs/benchmarks.md
say "raw outputs kept in $WORK"
