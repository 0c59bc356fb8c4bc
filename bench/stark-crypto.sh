#!/usr/bin/env bash
# Stark crypto benchmark: our engine against starknet-jvm in one JVM (JMH), plus @scure/starknet on
# Node when bench/scure-starknet has its node_modules (cd bench/scure-starknet && npm ci).
# Prints a ratio table; results also land in bench/target/stark-crypto.csv and scure-starknet.csv.
#
#   bench/stark-crypto.sh                 # defaults: -wi 5 -w 3s -i 5 -r 3s -f 1
#   bench/stark-crypto.sh -wi 5 -i 10     # any JMH options replace the defaults
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
jmh_csv="$here/target/stark-crypto.csv"
scure_csv="$here/target/scure-starknet.csv"

if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi

jmh_args=("$@")
if [[ ${#jmh_args[@]} -eq 0 ]]; then
  jmh_args=(-wi 5 -w 3s -i 5 -r 3s -f 1)
fi
java -jar "$jar" 'io.smainer.bench.StarkCryptoBenchmark' "${jmh_args[@]}" -rf csv -rff "$jmh_csv"

rm -f "$scure_csv"
if command -v node >/dev/null && [[ -d "$here/scure-starknet/node_modules/@scure/starknet" ]]; then
  echo "timing @scure/starknet on $(node --version) ..." >&2
  node "$here/scure-starknet/bench.mjs" 3 5 2 > "$scure_csv"
else
  echo "(@scure/starknet skipped: needs node and 'npm ci' in bench/scure-starknet)" >&2
fi

# JMH CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: engine"
awk -F, -v scure="$scure_csv" '
  function unq(s) { gsub(/["\r]/, "", s); return s }   # JMH writes CRLF and quotes
  BEGIN {
    while ((getline line < scure) > 0) { split(line, kv, ","); js[kv[1]] = kv[2] }
  }
  NR > 1 {
    op = unq($1); sub(/.*\./, "", op)
    score[op, unq($8)] = unq($5); err[op, unq($8)] = unq($6)
  }
  END {
    printf "\n%-10s | %16s | %18s | %9s | %16s | %9s\n", "operation", "ours (µs/op)", "starknet-jvm (µs)", "speed-up",
        "@scure (µs/op)", "speed-up"
    printf "%s\n", "-----------+------------------+--------------------+-----------+------------------+----------"
    n = split("sign verify pedersen publicKey", ops, " ")
    for (i = 1; i <= n; i++) {
      o = ops[i]; ours = score[o, "fast"]; r = score[o, "starknet-jvm"]
      if (ours == "") continue
      s = (o in js) ? sprintf("%16.1f | %8.1fx", js[o], js[o] / ours) : sprintf("%16s | %9s", "-", "-")
      printf "%-10s | %9.1f ± %4.1f | %18.1f | %8.0fx | %s\n", o, ours, err[o, "fast"], r, r / ours, s
    }
  }' "$jmh_csv"
