#!/usr/bin/env bash
# The letter PDF in every script (issue 14): render time and size for 10,000 approved names
# cycling through the 26 scripts the PDF must print, against the same count in the mixed set of
# bench/run.sh (Latin, Greek, Cyrillic, Arabic, Hebrew, CJK, Korean), and the size of a short
# Latin-only letter (fonts are embedded only when used).
#
#   bench/pdf-scripts.sh                     # builds, then about two minutes
#   BENCH_REUSE_BUILD=1 bench/pdf-scripts.sh # reuses target/quarkus-app
#   BENCH_RUNS=5 bench/pdf-scripts.sh        # more 10,000-name renders (default 3)
#
# Production build and settings, heap capped at 768 MB as in bench/run.sh; each render is the
# first download of a freshly seeded letter (nothing cached), after one warm-up render.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8342}
HEAP=${BENCH_HEAP:-768m}
RUNS=${BENCH_RUNS:-3}
DB=${BENCH_DB:-undersigned_bench_scripts}
WORK=$(mktemp -d /tmp/undersigned-pdf-scripts.XXXXXX)
APP_PID=""

# shellcheck source=lib.sh
source bench/lib.sh
trap stop_app EXIT

prepare_database psql openssl
build_app
say "starting the application (heap capped at $HEAP)"
start_app
admin_token
JAVA_PID=$(app_java_pid)

seed_scripts() { psql -X -q -d "$DB" -v letter="$1" -v n="$2" -f bench/seed-signatories-scripts.sql; }
seed_mixed() { psql -X -q -d "$DB" -v letter="$1" -v n="$2" -f bench/seed-signatories.sql; }
# CPU seconds the JVM has used (user + system, all its threads): unlike the wall clock, this
# hardly moves when other work shares the machine.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$JAVA_PID/stat"; }
render() { # slug → "seconds cpu_seconds bytes pages"
  local t0 t1 c0 c1
  c0=$(cpu_s); t0=$(date +%s%N)
  curl -sf -o "$WORK/$1.pdf" "http://localhost:$PORT/letters/$1/letter.pdf"
  t1=$(date +%s%N); c1=$(cpu_s)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') $(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }') $(stat -c %s "$WORK/$1.pdf") $(pdfinfo "$WORK/$1.pdf" | sed -n 's/^Pages: *//p')"
}

WARM=$(letter bench-scripts-warm false); seed_scripts "$WARM" 2000
SMALL=$(letter bench-latin-small false)
psql -X -q -d "$DB" -c "insert into signature (id, letter_id, letter_version, kind, state, source, display_name, city, country,
    org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public, confirm_token_hash, confirm_expires_at,
    confirmed_at, created_at, updated_at, decided_at, version)
  select nextval('signature_seq'), $SMALL, 1, 'ORGANIZATION', 'APPROVED', 'bench', 'Tenant Union ' || g, 'Oakland', 'US',
    'ADVOCACY', 'tenant union ' || g, 'small' || g, 'C', 'small' || g || '@bench.invalid', 'small' || g || '@bench.invalid', true,
    md5(g::text), now(), now(), now(), now(), now(), 0 from generate_series(1, 20) g"
MIXED=$(letter bench-mixed-10k false); seed_mixed "$MIXED" 10000
SCRIPTS=()
for i in $(seq 1 "$RUNS"); do
  id=$(letter "bench-scripts-10k-$i" false); seed_scripts "$id" 10000; SCRIPTS+=("bench-scripts-10k-$i")
done
psql -X -q -d "$DB" -c "vacuum analyze signature" >/dev/null
sleep 3 # the directory and tally pick the seeded lists up

say "warm-up render (2,000 names, every script)"; say "  $(render bench-scripts-warm)"
SMALL_R=$(render bench-latin-small)
SMALL_FONTS=$(pdffonts "$WORK/bench-latin-small.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | paste -sd' ')
MIXED_R=$(render bench-mixed-10k)
RESULTS=()
for slug in "${SCRIPTS[@]}"; do RESULTS+=("$(render "$slug")"); done
LAST="$WORK/${SCRIPTS[-1]}.pdf"
FONTS=$(pdffonts "$LAST" | tail -n +3 | wc -l)
EXTRACT_OK=$(pdftotext -enc UTF-8 "$LAST" - | grep -c 'मानवाधिकार संगठन क्षत्रिय\|សមាគមសិទ្ធិមនុស្ស\|လူ့အခွင့်အရေး' || true)

{
  echo
  echo "### Letter PDF in every script ($(date -u +%Y-%m-%d\ %H:%M) UTC, \`bench/pdf-scripts.sh\`)"
  echo
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (other work was running), heap cap $HEAP,"
  echo "production build; render = first download of a freshly seeded letter; CPU = seconds of CPU the JVM used meanwhile."
  echo
  echo "| Case | render s (wall) | CPU s | bytes | pages |"
  echo "|---|---|---|---|---|"
  echo "| 20 Latin names (fonts: $SMALL_FONTS) | $(echo "$SMALL_R" | sed "s/ / | /g") |"
  echo "| 10,000 names, bench/run.sh's mix (Latin, Greek, Cyrillic, Arabic, Hebrew, CJK, Korean) | $(echo "$MIXED_R" | sed 's/ / | /g') |"
  for i in "${!RESULTS[@]}"; do
    echo "| 10,000 names in 26 scripts, run $((i + 1)) ($FONTS embedded font subsets) | $(echo "${RESULTS[$i]}" | sed 's/ / | /g') |"
  done
  echo
  echo "pdftotext lines with shaped names extracted exactly as typed in the last PDF: $EXTRACT_OK (Devanagari, Khmer, Myanmar samples)."
} | tee "$WORK/result.md"
say "result in $WORK/result.md; PDFs in $WORK"
