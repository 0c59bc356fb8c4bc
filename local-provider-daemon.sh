#!/usr/bin/env bash
# One command to run a Smainer provider.
#
#   ./local-provider-daemon.sh            local devnet: relayer-lite + embedded Starknet devnet + this provider
#   ./local-provider-daemon.sh --demo     the same, then pays for, submits and settles one demo task
#   ./local-provider-daemon.sh --relayer wss://relayer.example --rpc https://starknet.example/rpc
#                                         a provider on a real network (no devnet started)
#
# Data lives in ./.smainer-dev/ and is reused on the next run. Ctrl-C drains the daemon and stops both.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
DEV=${SMAINER_DEV_DIR:-$ROOT/.smainer-dev}
PORT=${SMAINER_DEV_PORT:-8000}
RELAYER_URL=${RELAYER_WS_URL:-}
RPC_URL=${STARKNET_RPC_URL:-}
ESCROW=${SMAINER_ESCROW_ADDRESS:-}
DEMO=false

usage() {
  cat <<USAGE
Usage: ./local-provider-daemon.sh [--demo] [--port N] [--relayer WS_URL --rpc RPC_URL [--escrow ADDRESS]]

Without --relayer: builds if needed, starts relayer-lite with its embedded devnet in the background
(data in $DEV), creates or unlocks a dev wallet, registers the node on the devnet and runs the
provider daemon in the foreground. Ctrl-C drains and stops both.

  --demo            also pay for, submit and settle one demo task, and print its settlement
  --port N          relayer-lite port (default 8000; env SMAINER_DEV_PORT)
  --relayer URL     run against a real relayer (env RELAYER_WS_URL), e.g. wss://relayer.example
  --rpc URL         Starknet JSON-RPC of that network (env STARKNET_RPC_URL)
  --escrow ADDRESS  escrow contract on that network (env SMAINER_ESCROW_ADDRESS)
  -h, --help        this text
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --demo) DEMO=true ;;
    --port) PORT=${2:?--port needs a number}; shift ;;
    --relayer) RELAYER_URL=${2:?--relayer needs a ws:// or wss:// URL}; shift ;;
    --rpc) RPC_URL=${2:?--rpc needs an http(s) URL}; shift ;;
    --escrow) ESCROW=${2:?--escrow needs an address}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "local-provider-daemon.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf 'local-provider-daemon.sh: %s\n' "$*" >&2; exit 1; }

# ---- prerequisites --------------------------------------------------------------------------
java_major() {
  local v
  v=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  printf '%s' "${v:-0}"
}
command -v java >/dev/null 2>&1 || die "Java 17+ is required. Install it: sudo apt-get install openjdk-17-jre-headless"
[ "$(java_major)" -ge 17 ] || die "Java 17+ is required (found $(java -version 2>&1 | head -1)). Install: sudo apt-get install openjdk-17-jre-headless"
command -v curl >/dev/null 2>&1 || die "curl is required. Install it: sudo apt-get install curl"

# ---- build when the jars are missing or older than the sources -------------------------------
needs_build() {
  local jar m
  for m in relayer-lite daemon cli; do
    jar=$(find "$ROOT/$m/target" -maxdepth 1 -name "smainer-$m-*.jar" ! -name '*-tests.jar' 2>/dev/null | head -1)
    [ -n "$jar" ] || return 0
    if [ -n "$(find "$ROOT" -path "$ROOT/.smainer-dev" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.c' \) -newer "$jar" -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}
if needs_build; then
  command -v mvn >/dev/null 2>&1 || die "the jars must be built and Maven is missing. Install it: sudo apt-get install maven"
  say "Building smainer (mvn -B package -DskipTests; offline first)…"
  (cd "$ROOT" && { mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests; }) \
    || die "the build failed; run (cd $ROOT && mvn -B package -DskipTests) to see why"
fi

mkdir -p "$DEV"
chmod 700 "$DEV"
export SMAINER_HOME="$DEV/provider"
PASSFILE="$DEV/keystore-passphrase"
if [ ! -s "$PASSFILE" ]; then
  (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$PASSFILE")
fi
SMAINER="$ROOT/bin/smainer"

pids=()
cleanup() {
  trap - INT TERM EXIT
  local p
  # The daemon first (SIGTERM = drain and flush), then the relayer.
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}
trap cleanup INT TERM EXIT

# ---- local devnet: relayer-lite with its embedded Starknet devnet ------------------------------
if [ -z "$RELAYER_URL" ]; then
  RELAYER_DIR="$DEV/relayer"
  mkdir -p "$RELAYER_DIR"
  rm -f "$RELAYER_DIR/endpoint.json"
  say "Starting relayer-lite with its embedded devnet on 127.0.0.1:$PORT (log: $DEV/relayer.log)"
  "$ROOT/bin/smainer-relayer-lite" --port "$PORT" --data-dir "$RELAYER_DIR" --devnet >"$DEV/relayer.log" 2>&1 &
  relayer_pid=$!
  for _ in $(seq 1 120); do
    [ -s "$RELAYER_DIR/endpoint.json" ] && break
    kill -0 "$relayer_pid" 2>/dev/null || { tail -20 "$DEV/relayer.log" >&2; die "relayer-lite exited; see $DEV/relayer.log"; }
    sleep 0.5
  done
  [ -s "$RELAYER_DIR/endpoint.json" ] || die "relayer-lite did not start within 60 s; see $DEV/relayer.log"
  RELAYER_URL="ws://127.0.0.1:$PORT"
  RPC_URL="http://127.0.0.1:$PORT/rpc"
  API="http://127.0.0.1:$PORT/api/v1"
  export SMAINER_RELAYER_API="$API"
  API_KEY_FILE="$RELAYER_DIR/api-key"
  LOCAL=true
else
  [ -n "$RPC_URL" ] || die "--relayer needs --rpc (the network's Starknet JSON-RPC URL)"
  LOCAL=false
fi
export SMAINER_STARKNET_RPC="$RPC_URL"
[ -z "$ESCROW" ] || export SMAINER_ESCROW_ADDRESS="$ESCROW"

# ---- wallet and registration ---------------------------------------------------------------------
if [ ! -f "$SMAINER_HOME/keystore.json" ]; then
  say "Creating the provider wallet (keystore: $SMAINER_HOME/keystore.json)"
  "$SMAINER" wallet create --passphrase-file "$PASSFILE"
fi
say "Registering the node on chain ($RPC_URL)"
"$SMAINER" register --tier auto --relayer "$RELAYER_URL" --passphrase-file "$PASSFILE"

# ---- the provider daemon, in the foreground -----------------------------------------------------
STATE="$DEV/daemon"
mkdir -p "$STATE"
say "Starting the provider daemon (state: $STATE)"
"$ROOT/bin/smainer-daemon" --config "$SMAINER_HOME/provider.toml" --state-dir "$STATE" \
  --passphrase-file "$PASSFILE" --status-port 0 &
daemon_pid=$!
pids=("$daemon_pid" "${relayer_pid:-}")

if [ "$LOCAL" = true ]; then
  cat <<INFO

  relayer API   $API            (health: curl -s $API/health)
  WebSocket     $RELAYER_URL/ws/{node_id}
  Starknet RPC  $RPC_URL        (embedded devnet)
  API key       $API_KEY_FILE
  status        SMAINER_HOME=$SMAINER_HOME $SMAINER status

  Submit a demo task from another terminal:
    echo '{"task_type":"HASH","data":"hello smainer"}' | SMAINER_API_KEY=\$(cat $API_KEY_FILE) $SMAINER tasks submit --relayer-api $API --amount-strk 0.1

INFO
fi

if [ "$DEMO" = true ] && [ "$LOCAL" = true ]; then
  (
    set -euo pipefail
    export SMAINER_HOME="$DEV/demander"
    export SMAINER_API_KEY
    SMAINER_API_KEY=$(cat "$API_KEY_FILE")
    if [ ! -f "$SMAINER_HOME/keystore.json" ]; then
      # A predeployed, prefunded devnet account (its key is a public test key of the devnet).
      accounts=$(curl -sS -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","id":1,"method":"devnet_getPredeployedAccounts","params":{}}' "$RPC_URL")
      # One JSON object per line; take the first ordinary prefunded account ("role":"user").
      user=$(printf '%s' "$accounts" | tr '{' '\n' | grep -m1 '"role":"user"') \
        || { echo "the devnet listed no user account: $accounts" >&2; exit 1; }
      address=$(printf '%s' "$user" | sed -n 's/.*"address":"\(0x[0-9a-fA-F]*\)".*/\1/p')
      key=$(printf '%s' "$user" | sed -n 's/.*"private_key":"\(0x[0-9a-fA-F]*\)".*/\1/p')
      printf '%s\n' "$key" | "$SMAINER" wallet import --address "$address" --passphrase-file "$PASSFILE" >/dev/null
    fi
    sleep 3
    say "Demo: paying 0.1 STRK into the escrow and submitting a HASH task"
    task=$(echo '{"task_type":"HASH","data":"hello smainer"}' | "$SMAINER" tasks submit --pay --amount-strk 0.1 \
      --passphrase-file "$PASSFILE" --json | sed -n 's/.*"task_id":"\([^"]*\)".*/\1/p')
    "$SMAINER" tasks watch "$task" --timeout 120
    for _ in $(seq 1 60); do
      "$SMAINER" tasks get "$task" --json | grep -q '"status":"settled"' && break
      sleep 1
    done
    say "Demo: settlement of $task, rebuilt from escrow events"
    "$SMAINER" tasks verify "$task"
  ) || echo "demo task failed (see above); the provider keeps running" >&2
fi

wait "$daemon_pid"
