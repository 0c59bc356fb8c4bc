#!/usr/bin/env bash
# Validates the unit files with systemd-analyze verify. The units name /opt/smainer; this checks a
# copy pointing at this checkout's launchers, so the binaries the units start really exist.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for unit in "$here"/*.service; do
  sed "s|/opt/smainer|$repo|g" "$unit" >"$work/$(basename "$unit")"
done
# verify prints problems and exits non-zero on errors; warnings about the host's own units are ignored.
out=$(cd "$work" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no ./*.service 2>&1) || {
  printf '%s\n' "$out"
  exit 1
}
if printf '%s\n' "$out" | grep -E "smainer-[a-z-]+\.service" ; then
  echo "systemd-analyze reported problems in our units (above)" >&2
  exit 1
fi
echo "systemd units verified: $(basename -a "$here"/*.service | tr '\n' ' ')"
