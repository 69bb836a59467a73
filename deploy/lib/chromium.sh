# shellcheck shell=bash
# The end-to-end tests drive Debian's Chromium through its matching ChromeDriver; nothing is
# downloaded at test time.

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    printf '[chromium] installing chromium and chromium-driver with apt-get\n' >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
    return 0
  fi
  cat >&2 <<'MSG'
[chromium] The browser tests need Chromium and its driver, and installing them needs root:
[chromium]   sudo apt-get install chromium chromium-driver
MSG
  return 1
}
