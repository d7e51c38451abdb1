#!/usr/bin/env bash
# Installs the Debian packages the integration tests use: PostgreSQL (server binaries, started
# by tests/pgserver.py itself with initdb + pg_ctl) and Chromium (browser tests).
# Best effort: without root (or password-less sudo) or apt the tests that need them skip,
# naming what is missing. Idempotent: does nothing when both are there.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
  || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get; cannot install ${need[*]}; their tests will skip" >&2
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "system-deps: not root and no password-less sudo; cannot install ${need[*]};" \
       "their tests will skip" >&2
  exit 0
fi
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >"$log" 2>&1 || {
  echo "system-deps: apt-get update failed:" >&2; tail -5 "$log" >&2; }
if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
     --no-install-recommends "${need[@]}" >"$log" 2>&1; then
  echo "system-deps: installed ${need[*]}" >&2
else
  echo "system-deps: apt-get install ${need[*]} failed; their tests will skip:" >&2
  tail -5 "$log" >&2
fi
rm -f "$log"
exit 0
