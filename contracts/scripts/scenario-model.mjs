// Loading, validation and fixture expansion of contracts/scenarios/*.json, shared by
// gen-tests.mjs (Cairo tests) and sign.mjs. The Java escrow model reads the same files; the schema
// is documented in contracts/README.md and docs/contracts.md.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getStarkKey, pedersen, sign } from '@scure/starknet';

export const SCHEMA = 'smainer-escrow-scenarios/1';

/** PROTOCOL.md §4 status codes; scenario files use the names. */
export const TASK_STATUS = { CREATED: 0, ASSIGNED: 1, COMPLETED: 2, CANCELLED: 3, SETTLED: 4, REFUNDED: 5 };
export const NODE_STATUS = { INACTIVE: 0, ACTIVE: 1, SUSPENDED: 2 };

export const FIELD_PRIME = 2n ** 251n + 17n * 2n ** 192n + 1n;

const STEP_KEYS = new Set(['call', 'contract', 'caller', 'args', 'expect', 'signed', 'note', 'fixture']);
const EXPECT_KEYS = new Set(['revert', 'returns', 'events', 'token_events', 'balances', 'tasks', 'earnings', 'nodes']);
const SCENARIO_KEYS = new Set(['name', 'about', 'steps']);

export class ScenarioError extends Error {}

function fail(where, message) {
  throw new ScenarioError(`${where}: ${message}`);
}

/** Parses a scenario number: a decimal or 0x-hex string (or a JSON integer). */
export function toBigInt(value, where) {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(value)) return BigInt(value);
  return fail(where, `expected a non-negative integer as a decimal or 0x-hex string, got ${JSON.stringify(value)}`);
}

export function hex(value) {
  return `0x${value.toString(16)}`;
}

export function loadScenarios(dir) {
  const world = JSON.parse(readFileSync(path.join(dir, 'world.json'), 'utf8'));
  if (world.schema !== SCHEMA) fail('world.json', `schema must be "${SCHEMA}"`);
  validateWorld(world);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'world.json')
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      if (doc.schema !== SCHEMA) fail(file, `schema must be "${SCHEMA}"`);
      return { file, doc };
    });
  const names = new Set();
  for (const { file, doc } of files) {
    for (const scenario of doc.scenarios ?? []) {
      const where = `${file} ${scenario.name}`;
      for (const key of Object.keys(scenario)) if (!SCENARIO_KEYS.has(key)) fail(where, `unknown key "${key}"`);
      if (!/^[a-z][a-z0-9_]*$/.test(scenario.name ?? '')) fail(where, 'name must be snake_case');
      if (names.has(scenario.name)) fail(where, 'duplicate scenario name');
      names.add(scenario.name);
      if (!Array.isArray(scenario.steps) || scenario.steps.length === 0) fail(where, 'steps must be a non-empty array');
    }
  }
  return { world, files };
}

function validateWorld(world) {
  for (const [name, actor] of Object.entries(world.actors)) {
    toBigInt(actor.address, `world.json actor ${name}`);
    if (actor.private_key !== undefined) {
      const derived = BigInt(getStarkKey(actor.private_key));
      if (derived !== BigInt(actor.public_key)) {
        fail(`world.json actor ${name}`, `public_key does not match private_key (expected ${hex(derived)})`);
      }
    }
  }
  for (const name of Object.keys(world.tokens)) {
    if (world.actors[name] || name === 'escrow') fail('world.json', `token name "${name}" clashes with an actor`);
  }
}

/** Inlines `{"fixture": name}` steps (recursively) from world.fixtures. */
export function expandSteps(world, steps, where, depth = 0) {
  if (depth > 8) fail(where, 'fixtures nest too deeply');
  const out = [];
  for (const step of steps) {
    for (const key of Object.keys(step)) if (!STEP_KEYS.has(key)) fail(where, `unknown step key "${key}"`);
    if (step.fixture !== undefined) {
      const fixture = world.fixtures?.[step.fixture];
      if (!fixture) fail(where, `unknown fixture "${step.fixture}"`);
      out.push(...expandSteps(world, fixture, `${where} > fixture ${step.fixture}`, depth + 1));
      continue;
    }
    if (typeof step.call !== 'string') fail(where, 'step without "call"');
    for (const key of Object.keys(step.expect ?? {})) {
      if (!EXPECT_KEYS.has(key)) fail(where, `unknown expect key "${key}"`);
    }
    out.push({ ...step, where: `${where} step ${out.length + 1} (${step.call})` });
  }
  return out;
}

export function actor(world, name, where) {
  const a = world.actors[name];
  if (!a) fail(where, `unknown actor "${name}"`);
  return a;
}

/** message_hash = pedersen(pedersen(task_id_felt, provider_address), result_hash), PROTOCOL.md §2. */
export function messageHash(taskId, providerAddress, resultHash) {
  return BigInt(pedersen(pedersen(hex(taskId), hex(providerAddress)), hex(resultHash)));
}

/**
 * The deterministic (RFC 6979) signature of `signed.by`'s key over the result of
 * `signed.task_id` delivered by `signed.provider` with `signed.result_hash`.
 */
export function resultSignature(world, signed, where = 'signed') {
  const signer = actor(world, signed.by, where);
  if (!signer.private_key) fail(where, `actor "${signed.by}" has no private_key`);
  const provider = actor(world, signed.provider, where);
  const h = messageHash(toBigInt(signed.task_id, where), toBigInt(provider.address, where),
    toBigInt(signed.result_hash, where));
  const sig = sign(h.toString(16).padStart(64, '0'), signer.private_key);
  return { messageHash: hex(h), r: hex(sig.r), s: hex(sig.s) };
}
