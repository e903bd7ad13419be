#!/usr/bin/env bash
# Makes sure the headless Chromium and chromedriver the dashboard's browser tests drive are installed
# (Debian's chromium and chromium-driver). Idempotent: installs only what is missing.
# Honours TRADEBOOK_CHROMIUM and TRADEBOOK_CHROMEDRIVER: when both are set, the tests use those and this script only reports.
set -euo pipefail

log() { echo "ensure-browser: $*"; }

chromium=${TRADEBOOK_CHROMIUM:-/usr/bin/chromium}
chromedriver=${TRADEBOOK_CHROMEDRIVER:-/usr/bin/chromedriver}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

if [ ! -x "$chromium" ] || [ ! -x "$chromedriver" ]; then
  if [ -n "${TRADEBOOK_CHROMIUM:-}" ] && [ -n "${TRADEBOOK_CHROMEDRIVER:-}" ]; then
    log "TRADEBOOK_CHROMIUM or TRADEBOOK_CHROMEDRIVER names a missing file: $chromium, $chromedriver"
    exit 1
  fi
  log "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
log "$("$chromium" --version 2>/dev/null || echo "chromium at $chromium") with $("$chromedriver" --version 2>/dev/null | cut -d' ' -f1-2)"
