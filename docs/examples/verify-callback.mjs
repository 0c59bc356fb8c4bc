// Verify a Smainer callback (PROTOCOL.md §3) in Node.js, no dependencies.
// In Express use express.raw({type: "application/json"}) so you verify the exact bytes received.
// CLI (used by our tests): node verify-callback.mjs SECRET TIMESTAMP SIGNATURE NOW < body
import { createHmac, timingSafeEqual } from "node:crypto";

export function verify(secret, timestamp, signature, rawBody, now = Date.now() / 1000) {
  if (!secret) return "no secret configured: fail closed";
  if (!/^[0-9]+$/.test(timestamp ?? "")) return "malformed timestamp";
  if (Math.abs(now - Number(timestamp)) > 300) return "timestamp outside 300 s window";
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
  const a = Buffer.from(expected);
  const b = Buffer.from(signature ?? "");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "invalid signature";
  return "ok";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [secret, ts, sig, now] = process.argv.slice(2);
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const verdict = verify(secret, ts, sig, Buffer.concat(chunks), Number(now));
  console.log(verdict);
  process.exit(verdict === "ok" ? 0 : 1);
}
