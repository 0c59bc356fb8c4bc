#!/usr/bin/env bash
# Idle footprint of bin/smainer-daemon connected to bin/smainer-relayer-lite (issue 5 target:
# <= 120 MB RSS, <= 0.5 % of one core). Usage: daemon/scripts/measure-idle.sh [SECONDS] [WARMUP]
# Needs a build (mvn -B package -DskipTests) and python3 (only to write a throwaway keystore via the CLI-free path).
set -euo pipefail
DURATION=${1:-300}
WARMUP=${2:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'kill $DPID $RPID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
API_KEY=measure-api-key-0123456789
"$ROOT/bin/smainer-relayer-lite" --port 0 --data-dir "$WORK/relayer" --api-key "$API_KEY" \
  --callback-secret measure-callback-secret-0123 >"$WORK/relayer.log" 2>&1 &
RPID=$!
for _ in $(seq 1 120); do [ -s "$WORK/relayer/endpoint.json" ] && break; sleep 0.5; done
WS=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['ws'])" "$WORK/relayer/endpoint.json")
# A throwaway key (never a real one): STARKNET_PRIVATE_KEY is accepted with a warning.
STARKNET_ACCOUNT_ADDRESS=0x0715a3f2c9b8e7d6a5c4b3a29181706f5e4d3c2b1a0998877665544332211ff0 \
STARKNET_PRIVATE_KEY=0x5f1d0c6a3b2e4d7c9a8b1e2f3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7 \
RELAYER_WS_URL="$WS" "$ROOT/bin/smainer-daemon" --config /dev/null --state-dir "$WORK/state" --status-port 0 \
  >"$WORK/daemon.log" 2>&1 &
DPID=$!
sleep "$WARMUP"
grep -q "registered (features" "$WORK/daemon.log" || { echo "daemon did not register"; cat "$WORK/daemon.log"; exit 1; }
TCK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' "/proc/$DPID/stat"; }
C0=$(cpu); T0=$(date +%s.%N); MAXRSS=0; SUM=0; N=0
END=$(( $(date +%s) + DURATION ))
while [ "$(date +%s)" -lt "$END" ]; do
  RSS=$(awk '/VmRSS/{print $2}' "/proc/$DPID/status")
  [ "$RSS" -gt "$MAXRSS" ] && MAXRSS=$RSS
  SUM=$((SUM + RSS)); N=$((N + 1))
  sleep 5
done
C1=$(cpu); T1=$(date +%s.%N)
python3 - "$C0" "$C1" "$T0" "$T1" "$TCK" "$MAXRSS" "$SUM" "$N" <<'PY'
import sys
c0, c1, t0, t1, tck, maxrss, s, n = (float(x) for x in sys.argv[1:])
wall = t1 - t0
print(f"window {wall:.0f} s: cpu {100 * (c1 - c0) / tck / wall:.3f} % of one core, "
      f"rss max {maxrss / 1024:.1f} MB, rss mean {s / n / 1024:.1f} MB ({int(n)} samples)")
PY
grep -c "node_heartbeat\|registered" "$WORK/daemon.log" >/dev/null || true
