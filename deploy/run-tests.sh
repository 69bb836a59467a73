#!/usr/bin/env bash
# Runs the whole test suite: unit tests, @QuarkusTest against real PostgreSQL, Chromium end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/postgres.sh
source deploy/lib/postgres.sh
# shellcheck source=lib/chromium.sh
source deploy/lib/chromium.sh
# shellcheck source=lib/smtp.sh
source deploy/lib/smtp.sh
# shellcheck source=lib/poppler.sh
source deploy/lib/poppler.sh
ensure_postgres
ensure_chromium
ensure_smtp_sink
ensure_pdftotext
exec mvn -B verify "$@"
