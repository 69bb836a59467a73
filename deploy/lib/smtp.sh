# shellcheck shell=bash
# Postfix's smtp-sink is a real SMTP server that accepts (or, on request, refuses) mail and keeps
# nothing: the mail tests use it for refusals (5xx, 4xx, 421) and the benchmark as its SMTP server.
# Only the tools are wanted, so Postfix is installed unconfigured and never started.

ensure_smtp_sink() {
  if command -v smtp-sink >/dev/null 2>&1 || [ -x /usr/sbin/smtp-sink ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    printf '[smtp] installing postfix (for smtp-sink and smtp-source) with apt-get\n' >&2
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >&2
    return 0
  fi
  cat >&2 <<'MSG'
[smtp] The mail tests need Postfix's smtp-sink, and installing it needs root:
[smtp]   sudo apt-get install postfix   (choose "No configuration")
MSG
  return 1
}
