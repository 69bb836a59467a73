#!/usr/bin/env bash
# Starts Undersigned with the dev profile and the demo letter at http://localhost:8080.
#
# It builds the application and runs it with the dev profile rather than using `mvn quarkus:dev`:
# dev mode needs Maven 3.9+ and dev-only artifacts (qute-debug) that the Maven registry reachable
# here does not serve for the pinned Quarkus release (see docs/development.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/postgres.sh
source deploy/lib/postgres.sh
ensure_postgres
echo "[build] packaging the application with the dev profile (first run downloads dependencies)…" >&2
mvn -B -q -DskipTests -Dquarkus.profile=dev package
cat <<'MSG'

  Undersigned (dev) is starting at http://localhost:8080
  Demo letter:  http://localhost:8080/letters/ban-face-recognition
  Dev mailbox:  http://localhost:8080/dev/mail   (every email the app sends, with clickable links)
  Dev admin sign-in: printed in the log below once the app is up, and listed in docs/development.md

MSG
exec java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar "$@"
