#!/bin/sh
# Sandbox spawn latency (issue 6): bare ProcessBuilder vs the full sandbox vs bwrap --unshare-all.
# Run as root from the repo root:  bench/sandbox-spawn/run.sh [iterations]   (default 300)
# Needs: the sandbox module built (mvn -pl sandbox -am test-compile), bubblewrap for (c).
set -eu
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "sandbox-spawn: run as root (namespaces, cgroups and mounts are created for real)" >&2
  exit 77
fi
mvn -B -q -o -pl sandbox test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/bench.cp)"
exec java -Dsmainer.launcher="$PWD/sandbox/target/native/smainer-launch" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" io.smainer.sandbox.bench.SandboxSpawnBench "${1:-300}"
