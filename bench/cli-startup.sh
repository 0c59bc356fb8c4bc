#!/usr/bin/env bash
# Wall time of `bin/smainer --version` and `--help` (JVM start-up of the CLI launcher), with a bare
# `java -version` as the baseline measured in the same run. Uses hyperfine when present
# (apt-get install hyperfine), else a plain loop. Run after `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
mkdir -p target

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" --export-json target/cli-startup.json \
    'java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version' \
    'bin/smainer --version' 'bin/smainer --help' >/dev/null
  python3 - target/cli-startup.json <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
for r in results:
    print(f'{r["command"]:<72} median {r["median"]*1000:7.1f} ms  ({r["median"]/base:4.2f}x bare JVM)')
PY
  exit 0
fi

measure() {
  local label=$1
  shift
  local t0 t1 times=()
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{a[NR]=$1} END {printf "%-40s median %d ms (n=%d)\n", label, a[int((NR+1)/2)], NR}'
}
measure "java -version (bare JVM)" java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version
measure "bin/smainer --version" bin/smainer --version
measure "bin/smainer --help" bin/smainer --help
