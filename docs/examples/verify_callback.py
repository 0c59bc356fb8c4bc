#!/usr/bin/env python3
"""Verify a Smainer callback (PROTOCOL.md §3). Standard library only.

Usage in a web handler: verify(secret, headers["X-Smainer-Timestamp"], headers["X-Smainer-Signature"], raw_body)
CLI (used by our tests): verify_callback.py SECRET TIMESTAMP SIGNATURE NOW < body  -> prints ok/reason, exit 0/1
"""
import hashlib
import hmac
import sys
import time

WINDOW_SECONDS = 300


def verify(secret: str, timestamp: str, signature: str, raw_body: bytes, now: float | None = None) -> str:
    if not secret:
        return "no secret configured: fail closed"
    if not timestamp or not timestamp.isdigit():
        return "malformed timestamp"
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > WINDOW_SECONDS:
        return "timestamp outside 300 s window"
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + raw_body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature or ""):
        return "invalid signature"
    return "ok"


if __name__ == "__main__":
    secret, ts, sig, now = sys.argv[1:5]
    verdict = verify(secret, ts, sig, sys.stdin.buffer.read(), float(now))
    print(verdict)
    sys.exit(0 if verdict == "ok" else 1)
