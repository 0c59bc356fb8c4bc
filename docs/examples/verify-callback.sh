#!/usr/bin/env bash
# Verify a Smainer callback with openssl (PROTOCOL.md §3).
# Usage: verify-callback.sh SECRET TIMESTAMP SIGNATURE [NOW] < body   -> prints ok/reason, exit 0/1
set -euo pipefail
secret=$1 timestamp=$2 signature=$3 now=${4:-$(date +%s)}
[ -n "$secret" ] || { echo "no secret configured: fail closed"; exit 1; }
[[ $timestamp =~ ^[0-9]+$ ]] || { echo "malformed timestamp"; exit 1; }
skew=$(( now - timestamp ))
if [ "${skew#-}" -gt 300 ]; then echo "timestamp outside 300 s window"; exit 1; fi
expected=$( { printf '%s.' "$timestamp"; cat; } | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
# A shell string compare is not constant-time: fine for debugging, use the Python/Node/Java code in servers.
if [ "$expected" = "$signature" ]; then echo ok; else echo "invalid signature"; exit 1; fi
