#!/usr/bin/env bash
# Compiles the escrow to a Sierra contract class (ABI included) and runs the Cairo tests with the
# wasm-cairo toolchain pinned in package.json (Cairo 2.8.2 compiler + Starknet test runner).
# The scenario tests are generated from scenarios/*.json on every run; the last line of output is
# "N passed, M failed", and the exit status is non-zero unless every test passed.
#
#   bash contracts/test.sh            # everything
#   bash contracts/test.sh pause      # only tests whose name contains "pause"
#
# Knobs: CAIRO_TEST_JOBS (batches in parallel, default 2), CAIRO_TEST_CALL_BUDGET (contract calls
# per batch, default 75; each batch is a fresh 4 GiB wasm instance, see scripts/cairo.mjs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -d node_modules/wasm-cairo || ! -d node_modules/@scure/starknet ]]; then
  npm ci --no-audit --no-fund
fi

mkdir -p target

# 1. The deployable class: the contract file alone, without test code (skipped when up to date).
class=target/escrow.contract_class.json
if [[ ! -f "$class" || ! -f target/escrow.abi.json || src/escrow.cairo -nt "$class" ]]; then
  node scripts/cairo.mjs compile src/escrow.cairo "$class" target/escrow.abi.json
else
  echo "target/escrow.contract_class.json is up to date"
fi

# 2. Tests generated from the scenario table against the ABI just compiled.
node scripts/gen-tests.mjs scenarios target/escrow.abi.json testing/scenario_runner.cairo \
  target/generated_tests.cairo

# 3. One source file for the test runner: contract, test-only contracts, unit tests, scenarios.
cat src/escrow.cairo testing/*.cairo target/generated_tests.cairo > target/escrow_with_tests.cairo
node scripts/cairo.mjs test target/escrow_with_tests.cairo "${1:-}"
