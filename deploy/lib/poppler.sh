# shellcheck shell=bash
# poppler-utils' pdftotext is a second, independent text extractor: the PDF tests check that it,
# like PDFBox, reads every signatory's name exactly as typed (what Linux PDF viewers copy).

ensure_pdftotext() {
  if command -v pdftotext >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    printf '[poppler] installing poppler-utils (pdftotext) with apt-get\n' >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >&2
    return 0
  fi
  cat >&2 <<'MSG'
[poppler] The PDF tests need pdftotext, and installing it needs root:
[poppler]   sudo apt-get install poppler-utils
MSG
  return 1
}
