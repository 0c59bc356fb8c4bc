#!/usr/bin/env bash
# bench/relayer-dispatch: relayer-lite dispatch benchmark (docs/performance.md "relayer-lite").
# Usage: bench/relayer-dispatch/run.sh [--nodes 1000] [--tasks 20000] [--clients 32] [--rate R] [--warmup W] [--exec-ms D] [--idle-nodes 20000]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
module="$root/relayer-lite"
testkit="$root/testkit/target/smainer-testkit-0.1.0.jar"
if [ ! -f "$module/target/smainer-relayer-lite-0.1.0.jar" ] || [ ! -d "$module/target/test-classes/io/smainer/relayer/bench" ] \
    || [ ! -f "$testkit" ]; then
  (cd "$root" && mvn -B -q -o install -pl protocol,testkit -DskipTests && mvn -B -q -o package -pl relayer-lite -DskipTests)
fi
cd "$module"
exec java -Xmx2g -Drelayer.jar=target/smainer-relayer-lite-0.1.0.jar -Drelayer.lib=target/lib \
  -cp "target/test-classes:target/smainer-relayer-lite-0.1.0.jar:$testkit:target/lib/*" \
  io.smainer.relayer.bench.RelayerDispatchBench "$@"
