// Authoring helper for scenario files: prints the Stark signature an actor's key makes over a
// task result, i.e. over message_hash = pedersen(pedersen(task_id, provider_address), result_hash)
// (PROTOCOL.md §2). Signing is deterministic (RFC 6979), so gen-tests.mjs can re-check every
// stored signature.
//
//   node scripts/sign.mjs <signer-actor> <task_id> <provider-actor> <result_hash>
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { resultSignature } from './scenario-model.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
const world = JSON.parse(readFileSync(path.join(dir, 'world.json'), 'utf8'));
const [signer, taskId, provider, resultHash] = process.argv.slice(2);
if (!resultHash) {
  console.error('usage: sign.mjs <signer-actor> <task_id> <provider-actor> <result_hash>');
  process.exit(2);
}
const { messageHash, r, s } = resultSignature(world, { by: signer, task_id: taskId, provider, result_hash: resultHash });
console.log(JSON.stringify({ message_hash: messageHash, sig_r: r, sig_s: s }));
