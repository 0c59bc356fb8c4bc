#!/usr/bin/env bash
# Compiles contracts/src/escrow.cairo to target/escrow.contract_class.json and target/escrow.abi.json
# (Sierra + ABI, wasm-cairo pinned in package.json) when they are missing or older than the source.
# The chain module's build runs this before its tests (ABI conformance); contracts/test.sh runs the
# Cairo test suite itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v node >/dev/null 2>&1 || { echo "contracts/compile.sh: Node.js 18+ is required (apt-get install nodejs)" >&2; exit 69; }
if [[ ! -d node_modules/wasm-cairo ]]; then
  npm ci --no-audit --no-fund
fi
mkdir -p target
class=target/escrow.contract_class.json
if [[ ! -f "$class" || ! -f target/escrow.abi.json || src/escrow.cairo -nt "$class" ]]; then
  node scripts/cairo.mjs compile src/escrow.cairo "$class" target/escrow.abi.json
else
  echo "contracts/target/escrow.contract_class.json is up to date"
fi
