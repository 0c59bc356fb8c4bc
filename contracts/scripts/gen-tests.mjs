// Compiles contracts/scenarios/*.json into Cairo tests for tests/scenario_runner.cairo.
//
//   node scripts/gen-tests.mjs <scenarios-dir> <escrow.abi.json> <runner.cairo> <out.cairo>
//
// Each scenario becomes one #[test] whose body is a felt252 program at the ABI level: selectors,
// calldata serialized by the ABI types, expected return data, revert reasons and raw event
// keys/data (the layout a Starknet node reports). Function inputs, outputs, struct layouts and
// event layouts are taken from the ABI of the contract under test, so a scenario naming a
// function, argument or field the contract does not have fails here, before any Cairo runs.
// Every stored signature is re-derived from its signer's key (deterministic RFC 6979 signing).
import { readFileSync, writeFileSync } from 'node:fs';
import { keccak } from '@scure/starknet';
import {
  FIELD_PRIME, NODE_STATUS, ScenarioError, TASK_STATUS, actor, expandSteps, hex, loadScenarios,
  resultSignature, toBigInt,
} from './scenario-model.mjs';

const T = {
  address: 'core::starknet::contract_address::ContractAddress',
  classHash: 'core::starknet::class_hash::ClassHash',
  u256: 'core::integer::u256',
  u128: 'core::integer::u128',
  u64: 'core::integer::u64',
  u32: 'core::integer::u32',
  u8: 'core::integer::u8',
  felt: 'core::felt252',
  bool: 'core::bool',
};

/** The ERC-20 entry points scenarios may call on a token (OpenZeppelin semantics, snake_case). */
const TOKEN_FUNCTIONS = {
  approve: { inputs: [{ name: 'spender', type: T.address }, { name: 'amount', type: T.u256 }], outputs: [{ type: T.bool }] },
  transfer: { inputs: [{ name: 'recipient', type: T.address }, { name: 'amount', type: T.u256 }], outputs: [{ type: T.bool }] },
  balance_of: { inputs: [{ name: 'account', type: T.address }], outputs: [{ type: T.u256 }] },
  allowance: { inputs: [{ name: 'owner', type: T.address }, { name: 'spender', type: T.address }], outputs: [{ type: T.u256 }] },
};

/** Token events as the mock (and OpenZeppelin's ERC20) emits them. */
const TOKEN_EVENTS = {
  Transfer: { keys: [selector('Transfer')], members: [
    { name: 'from', type: T.address, kind: 'key' }, { name: 'to', type: T.address, kind: 'key' },
    { name: 'value', type: T.u256, kind: 'data' }] },
  Approval: { keys: [selector('Approval')], members: [
    { name: 'owner', type: T.address, kind: 'key' }, { name: 'spender', type: T.address, kind: 'key' },
    { name: 'value', type: T.u256, kind: 'data' }] },
};

const NODE_FIELDS = { status: 0, tier: 1, public_key: 2 };

function selector(name) {
  return keccak(new TextEncoder().encode(name));
}

function fail(where, message) {
  throw new ScenarioError(`${where}: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Runner constants, read from the Cairo interpreter so the two cannot disagree.

function runnerConstants(file) {
  const text = readFileSync(file, 'utf8');
  const consts = {};
  for (const m of text.matchAll(/pub const ([A-Z_0-9]+): felt252 = (0x[0-9a-fA-F]+|[0-9]+);/g)) {
    consts[m[1]] = BigInt(m[2]);
  }
  for (const name of ['REF_BASE', 'OP_DEPLOY', 'OP_TIME', 'OP_CALL', 'OP_VIEW', 'OP_EVENTS', 'CLASS_ESCROW',
    'CLASS_ERC20', 'EXPECT_OK', 'EXPECT_RETURNS', 'EXPECT_REVERT']) {
    if (consts[name] === undefined) throw new Error(`${file} does not define ${name}`);
  }
  return consts;
}

// ---------------------------------------------------------------------------------------------
// ABI model

function abiModel(abi) {
  const eventEnum = abi.find((e) => e.type === 'event' && e.kind === 'enum' && /::SmainerEscrow::Event$/.test(e.name));
  if (!eventEnum) throw new Error('ABI has no SmainerEscrow::Event enum');
  const functions = {};
  for (const item of abi) {
    if (item.type !== 'interface') continue;
    for (const fn of item.items) {
      if (fn.type !== 'function') continue;
      if (functions[fn.name]) throw new Error(`function ${fn.name} is in two interfaces`);
      functions[fn.name] = { inputs: fn.inputs, outputs: fn.outputs, mutability: fn.state_mutability };
    }
  }
  const structs = Object.fromEntries(abi.filter((e) => e.type === 'struct').map((e) => [e.name, e.members]));
  const byName = new Map(abi.filter((e) => e.type === 'event').map((e) => [e.name, e]));
  const events = {};
  // Cairo event serialization: a non-flat enum variant adds selector(variant name) to the keys,
  // a #[flat] one does not; a struct adds its #[key] members to keys and the rest to data.
  const walk = (enumDef, keys) => {
    for (const variant of enumDef.variants) {
      const def = byName.get(variant.type);
      const prefix = variant.kind === 'flat' ? keys : [...keys, selector(variant.name)];
      if (def.kind === 'enum') {
        walk(def, prefix);
      } else {
        if (events[variant.name]) throw new Error(`event name ${variant.name} is ambiguous`);
        events[variant.name] = { keys: prefix, members: def.members };
      }
    }
  };
  walk(eventEnum, []);
  const constructor = abi.find((e) => e.type === 'constructor');
  return { functions, structs, events, constructor };
}

// ---------------------------------------------------------------------------------------------
// Serialization (Cairo Serde layout): each value becomes a list of felts (bigint).

class Serializer {
  constructor(world, abi, consts) {
    this.world = world;
    this.abi = abi;
    this.consts = consts;
    // Deployment order (also the runner's ref numbering): the tokens, then the escrow.
    this.refs = [...Object.keys(world.tokens), 'escrow'];
  }

  ref(name) {
    return this.consts.REF_BASE + BigInt(this.refs.indexOf(name));
  }

  address(value, where) {
    if (typeof value !== 'string') fail(where, `address expected, got ${JSON.stringify(value)}`);
    if (this.refs.includes(value)) return this.ref(value);
    if (/^0x[0-9a-fA-F]+$/.test(value)) return felt(value, where);
    return felt(actor(this.world, value, where).address, where);
  }

  value(type, value, where) {
    switch (type) {
      case T.address:
        return [this.address(value, where)];
      case T.classHash:
      case T.felt:
        return [felt(value, where)];
      case T.u256: {
        const v = toBigInt(value, where);
        if (v >= 1n << 256n) fail(where, 'u256 out of range');
        return [v & ((1n << 128n) - 1n), v >> 128n];
      }
      case T.u128: case T.u64: case T.u32: case T.u8: {
        const bits = BigInt(type.replace('core::integer::u', ''));
        const v = toBigInt(value, where);
        if (v >= 1n << bits) fail(where, `${type} out of range`);
        return [v];
      }
      case T.bool:
        if (value !== true && value !== false) fail(where, `bool expected (JSON true/false), got ${JSON.stringify(value)}`);
        return [value ? 1n : 0n];
      default: {
        const span = /^core::array::(?:Span|Array)::<(.*)>$/.exec(type);
        if (span) {
          if (!Array.isArray(value)) fail(where, `array expected for ${type}`);
          return [BigInt(value.length), ...value.flatMap((x, i) => this.value(span[1], x, `${where}[${i}]`))];
        }
        return fail(where, `unsupported ABI type ${type}`);
      }
    }
  }

  /** Positional inputs given by name, exactly the ABI's names. */
  args(inputs, args, where) {
    const given = Object.keys(args ?? {});
    const expected = inputs.map((i) => i.name);
    if (given.length !== expected.length || given.some((k) => !expected.includes(k))) {
      fail(where, `args must be exactly {${expected.join(', ')}} (from the ABI), got {${given.join(', ')}}`);
    }
    return inputs.flatMap((i) => this.value(i.type, args[i.name], `${where} arg ${i.name}`));
  }

  event(table, expected, where) {
    const { event, ...fields } = expected;
    const def = table[event];
    if (!def) fail(where, `unknown event ${event}`);
    const names = def.members.map((m) => m.name);
    const given = Object.keys(fields);
    if (given.length !== names.length || given.some((k) => !names.includes(k))) {
      fail(where, `event ${event} must list exactly {${names.join(', ')}}, got {${given.join(', ')}}`);
    }
    const keys = [...def.keys];
    const data = [];
    for (const m of def.members) {
      (m.kind === 'key' ? keys : data).push(...this.value(m.type, fields[m.name], `${where} ${event}.${m.name}`));
    }
    return { keys, data };
  }

  /** Felt offset and type of each member of an ABI struct. */
  layout(structName) {
    const members = this.abi.structs[structName];
    if (!members) throw new Error(`ABI has no struct ${structName}`);
    let offset = 0;
    const out = {};
    for (const m of members) {
      out[m.name] = { offset, type: m.type };
      offset += m.type === T.u256 ? 2 : 1;
      if (m.type !== T.u256 && !Object.values(T).includes(m.type)) throw new Error(`unsupported member type ${m.type}`);
    }
    return out;
  }
}

function felt(value, where) {
  const v = toBigInt(value, where);
  if (v >= FIELD_PRIME) fail(where, 'felt252 out of range');
  return v;
}

function shortString(text, where) {
  if (typeof text !== 'string' || !/^[\x20-\x7e]{1,31}$/.test(text)) {
    fail(where, `revert reasons are Cairo short strings (printable ASCII, 1..31 chars): ${JSON.stringify(text)}`);
  }
  return BigInt(`0x${Buffer.from(text, 'ascii').toString('hex')}`);
}

// ---------------------------------------------------------------------------------------------
// Programs: lines of [comment, felts[]].

class Program {
  constructor() {
    this.lines = [];
  }

  emit(comment, felts) {
    this.lines.push({ comment, felts });
  }

  /** Contract calls the program makes (deploys, calls, views): the test runner's memory cost. */
  calls(consts) {
    return this.lines.filter(({ felts }) => [consts.OP_DEPLOY, consts.OP_CALL, consts.OP_VIEW].includes(felts[0])).length;
  }

  render(indent) {
    return this.lines.map(({ comment, felts }) =>
      `${indent}// ${comment}\n${indent}${felts.map(hexOrSmall).join(', ')},`).join('\n');
  }
}

function hexOrSmall(v) {
  return v < 100n ? v.toString() : hex(v);
}

function list(felts) {
  return [BigInt(felts.length), ...felts];
}

function worldProgram(ser, consts) {
  const { world, abi } = ser;
  const p = new Program();
  p.emit('world.json: start time', [consts.OP_TIME, toBigInt(world.start_timestamp, 'world.json start_timestamp')]);
  // The mock token's constructor takes the initial balances: Span<(ContractAddress, u256)>.
  for (const [t, def] of Object.entries(world.tokens)) {
    const balances = Object.entries(def.balances ?? {});
    const calldata = [BigInt(balances.length), ...balances.flatMap(([holder, amount]) => [
      ser.address(holder, `world.json ${t}`), ...ser.value(T.u256, amount, `world.json ${t}.${holder}`)])];
    p.emit(`deploy token ${t} with balances ${JSON.stringify(def.balances ?? {})}`,
      [consts.OP_DEPLOY, consts.CLASS_ERC20, ...list(calldata)]);
  }
  const ctor = world.escrow.constructor;
  const calldata = ser.args(abi.constructor.inputs, ctor, 'world.json escrow.constructor');
  p.emit(`deploy escrow ${JSON.stringify(ctor)}`, [consts.OP_DEPLOY, consts.CLASS_ESCROW, ...list(calldata)]);
  return p;
}

function genStep(ser, consts, step, n, p) {
  const { where } = step;
  const expect = step.expect ?? {};
  const contract = step.contract ?? 'escrow';
  const label = `step ${n}: ${contract}.${step.call}${step.caller ? ` by ${step.caller}` : ''}${step.note ? ` (${step.note})` : ''}`;

  if (contract === 'env') {
    if (step.call !== 'set_block_timestamp') fail(where, `unknown env call ${step.call}`);
    if (Object.keys(expect).length > 0 || step.caller) fail(where, 'env steps take no caller and no expect');
    const [ts] = ser.args([{ name: 'timestamp', type: T.u64 }], step.args, where);
    p.emit(`${label} ${ts}`, [consts.OP_TIME, ts]);
    return;
  }

  let fn;
  if (contract === 'escrow') {
    fn = ser.abi.functions[step.call];
    if (!fn) fail(where, `the escrow ABI has no function ${step.call}`);
  } else if (ser.world.tokens[contract]) {
    fn = TOKEN_FUNCTIONS[step.call];
    if (!fn || step.call === 'mint') fail(where, `unknown token function ${step.call}`);
  } else {
    fail(where, `unknown contract ${contract}`);
  }
  if (typeof step.caller !== 'string') fail(where, 'caller required');
  const caller = ser.address(step.caller, where);

  if (step.signed) {
    if (step.call !== 'submit_proof_and_claim') fail(where, '"signed" only applies to submit_proof_and_claim');
    const sig = resultSignature(ser.world, step.signed, where);
    if (BigInt(step.args.sig_r) !== BigInt(sig.r) || BigInt(step.args.sig_s) !== BigInt(sig.s)) {
      fail(where, `sig_r/sig_s are not what "signed" describes; expected sig_r ${sig.r}, sig_s ${sig.s}`);
    }
  }

  const calldata = ser.args(fn.inputs, step.args, where);
  const call = [consts.OP_CALL, BigInt(n), ser.ref(contract), caller, selector(step.call), ...list(calldata)];
  if (expect.revert !== undefined) {
    if (expect.returns !== undefined) fail(where, 'a step cannot both revert and return');
    p.emit(`${label} -> revert '${expect.revert}'`, [...call, consts.EXPECT_REVERT, shortString(expect.revert, where)]);
  } else if (expect.returns !== undefined) {
    if (fn.outputs.length !== 1) fail(where, `${step.call} returns nothing`);
    const ret = ser.value(fn.outputs[0].type, expect.returns, `${where} returns`);
    p.emit(`${label} -> returns ${JSON.stringify(expect.returns)}`, [...call, consts.EXPECT_RETURNS, ...list(ret)]);
  } else {
    p.emit(label, [...call, consts.EXPECT_OK]);
  }

  const n64 = BigInt(n);
  if (expect.events !== undefined) {
    if (!Array.isArray(expect.events)) fail(where, 'events must be an array');
    const evs = expect.events.map((e, i) => ser.event(ser.abi.events, e, `${where} event ${i + 1}`));
    p.emit(`  escrow events: ${expect.events.map((e) => e.event).join(', ') || 'none'}`,
      [consts.OP_EVENTS, n64, ser.ref('escrow'), BigInt(evs.length), ...evs.flatMap((e) => [...list(e.keys), ...list(e.data)])]);
  }
  for (const [token, evList] of Object.entries(expect.token_events ?? {})) {
    if (!ser.world.tokens[token]) fail(where, `unknown token ${token}`);
    const evs = evList.map((e, i) => ser.event(TOKEN_EVENTS, e, `${where} ${token} event ${i + 1}`));
    p.emit(`  ${token} events: ${evList.map((e) => e.event).join(', ') || 'none'}`,
      [consts.OP_EVENTS, n64, ser.ref(token), BigInt(evs.length), ...evs.flatMap((e) => [...list(e.keys), ...list(e.data)])]);
  }
  const view = (comment, target, name, args, checks) => {
    const f = target === 'escrow' ? ser.abi.functions[name] : TOKEN_FUNCTIONS[name];
    const cd = ser.args(f.inputs, args, where);
    p.emit(`  ${comment}`, [consts.OP_VIEW, n64, ser.ref(target), selector(name), ...list(cd), BigInt(checks.length),
      ...checks.flatMap(([offset, value]) => [BigInt(offset), value])]);
  };
  // One test-only balances_of(accounts) call per token: returns [len, (low, high)*].
  for (const [token, holders] of Object.entries(expect.balances ?? {})) {
    if (!ser.world.tokens[token]) fail(where, `unknown token ${token}`);
    const entries = Object.entries(holders);
    const accounts = entries.flatMap(([holder]) => [ser.address(holder, `${where} balance`)]);
    const checks = entries.flatMap(([, amount], i) => {
      const [low, high] = ser.value(T.u256, amount, `${where} balance`);
      return [[1 + 2 * i, low], [2 + 2 * i, high]];
    });
    p.emit(`  ${token} balances ${JSON.stringify(holders)}`, [consts.OP_VIEW, n64, ser.ref(token),
      selector('balances_of'), ...list([BigInt(accounts.length), ...accounts]), BigInt(checks.length),
      ...checks.flatMap(([offset, value]) => [BigInt(offset), value])]);
  }
  for (const [taskId, fields] of Object.entries(expect.tasks ?? {})) {
    const getTask = ser.abi.functions.get_task;
    const layout = ser.layout(getTask.outputs[0].type);
    const checks = [];
    for (const [field, value] of Object.entries(fields)) {
      const member = layout[field];
      if (!member) fail(where, `unknown task field ${field}`);
      let felts;
      if (field === 'status') {
        if (!(value in TASK_STATUS)) fail(where, `unknown task status ${value}`);
        felts = [BigInt(TASK_STATUS[value])];
      } else {
        felts = ser.value(member.type, value, `${where} task ${taskId}.${field}`);
      }
      felts.forEach((f, i) => checks.push([member.offset + i, f]));
    }
    view(`get_task(${taskId}) ${JSON.stringify(fields)}`, 'escrow', 'get_task', { task_id: taskId }, checks);
  }
  for (const [who, amount] of Object.entries(expect.earnings ?? {})) {
    const [low, high] = ser.value(T.u256, amount, `${where} earnings`);
    view(`get_user_earnings(${who}) == ${amount}`, 'escrow', 'get_user_earnings', { user: who }, [[0, low], [1, high]]);
  }
  for (const [who, fields] of Object.entries(expect.nodes ?? {})) {
    const checks = Object.entries(fields).map(([field, value]) => {
      if (!(field in NODE_FIELDS)) fail(where, `unknown node field ${field}`);
      if (field === 'status') {
        if (!(value in NODE_STATUS)) fail(where, `unknown node status ${value}`);
        return [NODE_FIELDS.status, BigInt(NODE_STATUS[value])];
      }
      return [NODE_FIELDS[field], ser.value(field === 'tier' ? T.u8 : T.felt, value, `${where} node ${field}`)[0]];
    });
    view(`get_node(${who}) ${JSON.stringify(fields)}`, 'escrow', 'get_node', { node: who }, checks);
  }
}

function testName(file, name) {
  return `${file.replace(/\.json$/, '').replace(/[^a-z0-9]+/g, '_')}__${name}`;
}

function genScenario(ser, consts, file, scenario) {
  const steps = expandSteps(ser.world, scenario.steps, `${file} ${scenario.name}`);
  const p = new Program();
  steps.forEach((step, i) => genStep(ser, consts, step, i + 1, p));
  const name = testName(file, scenario.name);
  return [
    `// @test ${name} calls=${ser.worldCalls + p.calls(consts)}`,
    `// ${file}: ${scenario.name}${scenario.about ? ` - ${scenario.about}` : ''}`.replace(/\n/g, ' '),
    ...constArray(name.toUpperCase(), p),
    '#[test]',
    `fn ${name}() {`,
    `    run(WORLD.span(), ${name.toUpperCase()}.span());`,
    '}',
    '// @end',
    '',
  ].join('\n');
}

/**
 * Programs are constant fixed-size arrays: the compiler emits them as data, whereas an
 * `array![...]` literal becomes one append per felt and exhausted the wasm compiler's memory.
 */
function constArray(name, program) {
  const size = program.lines.reduce((n, l) => n + l.felts.length, 0);
  return [`const ${name}: [felt252; ${size}] = [`, program.render('    '), '];'];
}

function genVectors(ser, consts, file, doc) {
  const out = [];
  if (doc.fee_split) {
    const u256 = (v) => `u256 { low: ${hex(v & ((1n << 128n) - 1n))}, high: ${hex(v >> 128n)} }`;
    const body = doc.fee_split.map((v, i) => {
      const where = `${file} fee_split[${i}]`;
      const amount = toBigInt(v.amount_wei, where);
      const treasury = toBigInt(v.treasury, where);
      const subsidy = toBigInt(v.gas_subsidy, where);
      const payout = toBigInt(v.provider_payout, where);
      if (toBigInt(v.provider_receives, where) !== payout + subsidy) fail(where, 'provider_receives != provider_payout + gas_subsidy');
      if (payout + subsidy + treasury !== amount) fail(where, 'the three parts do not add up to the amount');
      return `    assert(super::fee_split(${u256(amount)}) == (${u256(payout)}, ${u256(subsidy)}, ${u256(treasury)}), 'fee_split vector ${i}');`;
    });
    out.push(`// @test ${testName(file, 'fee_split')} calls=0`, `// ${file}: fee_split vectors`, '#[test]',
      `fn ${testName(file, 'fee_split')}() {`, ...body, '}', '// @end', '');
  }
  if (doc.result_proof) {
    const p = new Program();
    const sigs = [];
    doc.result_proof.forEach((v, i) => {
      const where = `${file} result_proof[${i}]`;
      const [low, high] = ser.value(T.u256, v.task_id_felt, where);
      p.emit(`get_message_hash(${v.task_id_felt}, ${v.provider_address}, ${v.result_hash}) == ${v.message_hash}`,
        [consts.OP_VIEW, BigInt(i + 1), ser.ref('escrow'), selector('get_message_hash'),
          ...list([low, high, felt(v.provider_address, where), felt(v.result_hash, where)]), 1n, 0n, felt(v.message_hash, where)]);
      for (const [j, s] of v.valid_signatures.entries()) {
        sigs.push(`    assert(core::ecdsa::check_ecdsa_signature(${hex(felt(v.message_hash, where))}, ${hex(felt(v.public_key, where))}, ${hex(felt(s.r, where))}, ${hex(felt(s.s, where))}), 'proof ${i} sig ${j}');`);
      }
      const s0 = v.valid_signatures[0];
      sigs.push(`    assert(!core::ecdsa::check_ecdsa_signature(${hex(felt(v.message_hash, where) + 1n)}, ${hex(felt(v.public_key, where))}, ${hex(felt(s0.r, where))}, ${hex(felt(s0.s, where))}), 'proof ${i} tampered');`);
    });
    const name = testName(file, 'result_proof');
    out.push(`// @test ${name} calls=${ser.worldCalls + p.calls(consts)}`, `// ${file}: result_proof vectors`,
      ...constArray(name.toUpperCase(), p), '#[test]', `fn ${name}() {`,
      `    run(WORLD.span(), ${name.toUpperCase()}.span());`, ...sigs, '}', '// @end', '');
  }
  return out.join('\n');
}

function indent(text) {
  return text.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
}

function main() {
  const [scenariosDir, abiFile, runnerFile, outFile] = process.argv.slice(2);
  if (!outFile) {
    console.error('usage: gen-tests.mjs <scenarios-dir> <escrow.abi.json> <scenario_runner.cairo> <out.cairo>');
    process.exit(2);
  }
  const consts = runnerConstants(runnerFile);
  const abi = abiModel(JSON.parse(readFileSync(abiFile, 'utf8')));
  const { world, files } = loadScenarios(scenariosDir);
  const ser = new Serializer(world, abi, consts);
  const worldProg = worldProgram(ser, consts);
  ser.worldCalls = worldProg.calls(consts);
  const tests = [];
  let count = 0;
  for (const { file, doc } of files) {
    for (const scenario of doc.scenarios ?? []) {
      tests.push(genScenario(ser, consts, file, scenario));
      count += 1;
    }
    const vectors = genVectors(ser, consts, file, doc);
    if (vectors) {
      tests.push(vectors);
      count += (doc.fee_split ? 1 : 0) + (doc.result_proof ? 1 : 0);
    }
  }
  const source = [
    '// GENERATED by contracts/scripts/gen-tests.mjs from contracts/scenarios/*.json. Do not edit.',
    '#[cfg(test)]',
    'mod scenario_tests {',
    '    use super::scenario_runner::run;',
    '',
    '    // scenarios/world.json: tokens with their initial balances, then the escrow.',
    indent(constArray('WORLD', worldProg).join('\n')),
    '',
    indent(tests.join('\n')),
    '}',
    '',
  ].join('\n');
  writeFileSync(outFile, source);
  console.log(`generated ${count} tests from ${files.length} scenario files`);
}

try {
  main();
} catch (e) {
  if (e instanceof ScenarioError) {
    console.error(`scenario error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
