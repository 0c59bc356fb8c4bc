// Times @scure/starknet (pure JavaScript) for the four Stark operations of
// StarkCryptoBenchmark, with the same shape: 64 random inputs taken in turn, warm-up rounds, then
// measured rounds. Prints "operation,microseconds_per_op" lines for bench/stark-crypto.sh.
//   node bench.mjs [warmupRounds] [measuredRounds] [secondsPerRound]
import * as stark from '@scure/starknet';
import { randomBytes } from 'node:crypto';

const [warmups, rounds, seconds] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 5),
  Number(process.argv[4] ?? 2)];
const N = 0x800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2fn;
const INPUTS = 64;
const big = (bits) => BigInt('0x' + randomBytes(32).toString('hex')) & ((1n << BigInt(bits)) - 1n);
const hex = (v) => '0x' + v.toString(16);

const keys = [], hashes = [], publicKeys = [], signatures = [], as = [], bs = [];
for (let i = 0; i < INPUTS; i++) {
  const key = (big(251) % (N - 1n)) + 1n;
  keys.push(hex(key));
  hashes.push(hex(big(251) | 1n));
  publicKeys.push(stark.getPublicKey(keys[i])); // full point: scure's verify needs y as well
  signatures.push(stark.sign(hashes[i], keys[i]));
  as.push(big(251));
  bs.push(big(251));
}

const ops = {
  sign: (i) => stark.sign(hashes[i], keys[i]),
  verify: (i) => { if (!stark.verify(signatures[i], hashes[i], publicKeys[i])) throw new Error('verify'); },
  pedersen: (i) => stark.pedersen(as[i], bs[i]),
  publicKey: (i) => stark.getStarkKey(keys[i]),
};

function round(op) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let n = 0;
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) {
    op(n & (INPUTS - 1));
    n++;
    if ((n & 7) === 0) now = process.hrtime.bigint();
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / n;
}

for (const [name, op] of Object.entries(ops)) {
  for (let w = 0; w < warmups; w++) round(op);
  const results = [];
  for (let r = 0; r < rounds; r++) results.push(round(op));
  const mean = results.reduce((a, b) => a + b, 0) / results.length;
  console.log(`${name},${mean.toFixed(3)}`);
}
