#!/usr/bin/env bash
# Installs what Folio needs on a Debian/Ubuntu machine with Node 20.19+:
#   - a Chrome or Chromium to print PDFs (Debian's `chromium` with apt-get, only when none is found),
#   - poppler-utils (pdftotext, pdffonts, pdftoppm) to inspect PDFs, when missing,
#   - the npm dependencies, exactly as locked (`npm ci`).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number);console.log(a>22||(a===22&&b>=12)||(a===20&&b>=19)?"yes":"no")' 2>/dev/null || echo none)
if [ "$node_ok" != "yes" ]; then
  echo "setup: Folio needs Node.js 20.19+ or 22.12+ (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

have_browser() {
  [ -n "${FOLIO_CHROME:-}" ] && [ -x "${FOLIO_CHROME}" ] && return 0
  [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "${PUPPETEER_EXECUTABLE_PATH}" ] && return 0
  for b in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium; do
    [ -x "$b" ] && return 0
  done
  return 1
}

packages=()
have_browser || packages+=(chromium)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${packages[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "setup: please install ${packages[*]} (no apt-get here); or set FOLIO_CHROME to a Chrome or Chromium." >&2
  fi
fi

echo "setup: installing npm dependencies (npm ci)" >&2
npm ci --no-audit --no-fund --loglevel=error
