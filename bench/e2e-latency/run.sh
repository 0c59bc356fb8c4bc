#!/usr/bin/env bash
# bench/e2e-latency: p50/p99 submit -> final callback for a trivial sandboxed CUSTOM `sh` task on loopback,
# with a breakdown (docs/performance.md "End-to-end latency"). Real processes: relayer-lite (devnet mode,
# payment off) and one provider daemon, both from their packaged jars; the HMAC callback is verified.
# Usage: bench/e2e-latency/run.sh [tasks=200] [warmup=30]   (needs root for the sandbox, like the daemon)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"
if [ ! -f relayer-lite/target/smainer-relayer-lite-0.1.0.jar ] || [ ! -f daemon/target/smainer-daemon-0.1.0.jar ] \
   || [ ! -x sandbox/target/native/smainer-launch ]; then
  mvn -B -q -o install -pl protocol,chain -DskipTests
  mvn -B -q -o package -pl relayer-lite,daemon,sandbox -DskipTests
fi
mvn -B -q -o -pl e2e test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
exec java -Dsmainer.repo="$root" -cp "e2e/target/test-classes:$(cat e2e/target/test-classpath.txt)" \
  io.smainer.e2e.LatencyBench "$@"
