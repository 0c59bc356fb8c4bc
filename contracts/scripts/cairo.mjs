// Drives the wasm-cairo 0.10.2 module (Cairo 2.8.2 compiler + Starknet test runner) for test.sh.
//
//   node scripts/cairo.mjs compile <source.cairo> <contract_class.json> <abi.json>
//   node scripts/cairo.mjs test <source.cairo> [name-substring]
//
// Quirks of the wasm module that shape this script:
// - One source string in, no file system: the caller concatenates everything into one file.
// - No diagnostics: a compile error is just "Compilation failed." (compileCairoProgram, without
//   the Starknet plugin, does print diagnostics; useful for plain Cairo code while developing).
// - Memory: the test runner keeps roughly 20-30 MB per contract call it executes and never gives
//   it back, and wasm32 memory ends at 4 GiB. (It appears to re-assemble the whole test crate
//   for every call.) `test` therefore runs the tests in batches, each in
//   its own child process with a fresh module, sized by the call count that gen-tests.mjs writes
//   next to each generated test ("// @test NAME calls=N"). The time and memory per call grow with
//   the size of the compiled crate, so code that only hand-written tests need sits in
//   "// @unit-only" regions that scenario batches leave out.
// - The runner also traps (an allocation failure well below 4 GiB) on some crate compositions,
//   deterministically, while the same test passes when compiled next to another one. A crashing
//   batch is split in two; a crashing single test is re-run next to a small "companion" test
//   whose own result is ignored (it is counted in its own batch).
// - On a failing run the runner prints only the summary line, not which test failed; a failing
//   batch is split the same way until the failing tests stand alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
/** Contract calls per batch: ~1 GiB to compile plus ~25-30 MB per call stays under 4 GiB. */
const CALL_BUDGET = Number(process.env.CAIRO_TEST_CALL_BUDGET ?? 75);
/** Cost assumed for a hand-written test without a "calls=" annotation. */
const DEFAULT_TEST_CALLS = 15;
/** Batches run side by side (each a process of up to 4 GiB). */
const JOBS = Number(process.env.CAIRO_TEST_JOBS ?? 2);

function loadWasmCairo() {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('wasm-cairo/package.json'));
  return import(path.join(pkgDir, 'wasm-cairo.js')).then((m) => {
    const exports = m.initSync({ module: readFileSync(path.join(pkgDir, 'wasm-cairo_bg.wasm')) });
    return { ...m, memoryMiB: () => Math.round(exports.memory.buffer.byteLength / 1048576) };
  });
}

/** The module echoes its results with console.log; keep stdout for our own report. */
function quietly(fn) {
  const realLog = console.log;
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.log = realLog;
  }
}

async function compile(sourceFile, classFile, abiFile) {
  const wasmCairo = await loadWasmCairo();
  const source = readFileSync(sourceFile, 'utf8');
  const started = Date.now();
  let out;
  try {
    out = quietly(() => wasmCairo.compileStarknetContract(source, process.env.ALLOW_WARNINGS === '1', false));
  } catch (e) {
    throw new Error(`compilation of ${sourceFile} crashed (wasm-cairo gives no diagnostics): ${e.message}`);
  }
  let contractClass;
  try {
    contractClass = JSON.parse(out);
  } catch {
    throw new Error(`compilation of ${sourceFile} failed (wasm-cairo gives no diagnostics; warnings count as errors): ${out.slice(0, 400)}`);
  }
  if (!Array.isArray(contractClass.sierra_program) || !Array.isArray(contractClass.abi)) {
    throw new Error(`compiler output for ${sourceFile} has no sierra_program/abi`);
  }
  writeFileSync(classFile, `${JSON.stringify(contractClass, null, 2)}\n`);
  writeFileSync(abiFile, `${JSON.stringify(contractClass.abi, null, 2)}\n`);
  const fns = contractClass.abi.filter((e) => e.type === 'interface').flatMap((i) => i.items.map((f) => f.name));
  console.log(`compiled ${path.basename(sourceFile)} in ${seconds(started)} s: `
    + `${contractClass.sierra_program.length} Sierra felts, ${fns.length} external functions`);
}

const SUMMARY = /test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored/;

/** Child side: runs every non-ignored test of one file and prints one JSON line. */
async function runBatch(sourceFile) {
  const wasmCairo = await loadWasmCairo();
  const source = readFileSync(sourceFile, 'utf8');
  let out;
  try {
    // allow_warnings: the contract itself is held warning-free by `compile`; test code may warn.
    out = quietly(() => wasmCairo.runTests(source, true, '', false, false, true, '', false, false));
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ error: 'crash', detail: `${e.message} at ${wasmCairo.memoryMiB()} MiB` })}\n`);
    return;
  }
  const m = SUMMARY.exec(out);
  if (!m) {
    // "Compilation failed." is a compile error (fatal for every batch); anything else, such as
    // "Memory loading failed ...: Vector capacity exceeded", is the runner running out of room.
    const error = /^Compilation failed/.test(String(out).trim()) ? 'compile' : 'crash';
    process.stdout.write(`${JSON.stringify({ error, detail: `${String(out).slice(0, 300)} at ${wasmCairo.memoryMiB()} MiB` })}\n`);
    return;
  }
  const lines = out.split('\n').filter((l) => /^test .* \.\.\. /.test(l));
  process.stdout.write(`${JSON.stringify({ passed: Number(m[1]), failed: Number(m[2]), lines, memory: wasmCairo.memoryMiB() })}\n`);
}

/**
 * Tests of a source file: generated blocks ("// @test NAME calls=N" ... "// @end") and
 * hand-written #[test] functions, plus the "// @unit-only" ... "// @end" regions that only
 * hand-written tests need.
 */
function parseTests(source) {
  const lines = source.split('\n');
  const tests = [];
  const regions = [];
  const taken = new Set();
  const endAfter = (i) => {
    const end = lines.findIndex((l, j) => j > i && /^\s*\/\/ @end\s*$/.test(l));
    if (end < 0) throw new Error(`unterminated region starting on line ${i + 1}`);
    return end;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^\s*\/\/ @test ([A-Za-z0-9_]+) calls=(\d+)\s*$/.exec(lines[i]);
    if (m) {
      const end = endAfter(i);
      tests.push({ name: m[1], calls: Number(m[2]), block: [i, end] });
      for (let j = i; j <= end; j += 1) taken.add(j);
    } else if (/^\s*\/\/ @unit-only\s*$/.test(lines[i])) {
      regions.push([i, endAfter(i)]);
    }
  }
  for (let i = 0; i < lines.length; i += 1) {
    if (taken.has(i) || !/^\s*#\[test\]\s*$/.test(lines[i])) continue;
    const fn = lines.slice(i + 1, i + 6).map((l) => /\bfn\s+([A-Za-z0-9_]+)/.exec(l)).find(Boolean);
    if (!fn) throw new Error(`cannot find the function after #[test] on line ${i + 1}`);
    const region = regions.find(([a, b]) => a < i && i < b);
    tests.push({ name: fn[1], calls: DEFAULT_TEST_CALLS, attr: i, region });
  }
  return { lines, tests, regions };
}

/**
 * The source with only `keep` left runnable: other generated blocks removed, other hand-written
 * tests #[ignore]d, and the @unit-only regions removed when no kept test lives in one.
 */
function batchSource(parsed, keep) {
  const drop = new Set();
  const ignoreAt = new Set();
  for (const t of parsed.tests) {
    if (keep.has(t.name)) continue;
    if (t.block) for (let j = t.block[0]; j <= t.block[1]; j += 1) drop.add(j);
    else ignoreAt.add(t.attr);
  }
  for (const region of parsed.regions) {
    const needed = parsed.tests.some((t) => keep.has(t.name) && t.region === region);
    if (!needed) for (let j = region[0]; j <= region[1]; j += 1) drop.add(j);
  }
  const out = [];
  parsed.lines.forEach((line, i) => {
    if (drop.has(i)) return;
    out.push(line);
    if (ignoreAt.has(i)) out.push(line.replace('#[test]', '#[ignore]'));
  });
  return out.join('\n');
}

/** Greedy batches in source order; generated and hand-written tests never share a batch. */
function pack(tests) {
  const batches = [];
  let current = [];
  let calls = 0;
  let kind = null;
  for (const t of tests) {
    const tKind = t.block ? 'generated' : 'hand-written';
    if (current.length > 0 && (calls + t.calls > CALL_BUDGET || tKind !== kind)) {
      batches.push(current);
      current = [];
      calls = 0;
    }
    current.push(t.name);
    calls += t.calls;
    kind = tKind;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function runChild(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SELF, 'run-batch', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop();
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ error: 'crash', detail: `batch process exited ${code}: ${stderr.slice(-400)}` });
      }
    });
  });
}

async function test(sourceFile, filter = '') {
  const source = readFileSync(sourceFile, 'utf8');
  const parsed = parseTests(source);
  if (filter) {
    parsed.tests = parsed.tests.filter((t) => t.name.includes(filter)).concat(
      parsed.tests.filter((t) => !t.name.includes(filter)).map((t) => ({ ...t, excluded: true })));
  }
  const selected = parsed.tests.filter((t) => !t.excluded);
  const byName = new Map(selected.map((t) => [t.name, t]));
  const order = selected.map((t) => t.name);
  if (order.length === 0) {
    console.log(`no test matches "${filter}"`);
    console.log('0 passed, 0 failed');
    return 1;
  }
  for (const t of selected) {
    if (t.calls > CALL_BUDGET) console.log(`warning: ${t.name} makes ${t.calls} calls, over the batch budget of ${CALL_BUDGET}`);
  }
  // A directory of its own, so that concurrent runs in the same checkout do not clobber batches.
  const dir = mkdtempSync(path.join(path.dirname(sourceFile), 'batches-'));

  const started = Date.now();
  // A batch: the tests compiled together, and those of them whose results count (a crashing
  // single test is re-run with a companion whose own result is ignored).
  const queue = pack(selected).map((tests) => ({ tests, counted: tests }));
  const initial = queue.length;
  // Companions: the cheapest generated tests; they only change what the runner compiles.
  const companions = parsed.tests.filter((t) => t.block).sort((a, b) => a.calls - b.calls).map((t) => t.name);
  const passedLines = new Map();
  const failures = new Map();
  let seq = 0;
  let fatal = null;
  let inFlight = 0;

  const settle = (batch, r, id, took) => {
    const calls = batch.tests.reduce((n, name) => n + (byName.get(name)?.calls ?? 0), 0);
    const label = `batch ${id}: ${batch.tests.length} tests, ${calls} calls`;
    if (!r.error && r.failed === 0 && r.passed === batch.tests.length) {
      for (const line of r.lines) {
        const name = /^test \S*::([A-Za-z0-9_]+) \.\.\. ok\b/.exec(line)?.[1];
        if (name && batch.counted.includes(name)) passedLines.set(name, line);
      }
      console.log(`${label}: ${r.passed} passed in ${took} s (${r.memory} MiB)`);
      return;
    }
    const why = r.error ? `runner ${r.error}: ${r.detail}` : `${r.failed} failed`;
    if (batch.counted.length > 1) {
      console.log(`${label}: ${why} after ${took} s; splitting`);
      const mid = Math.ceil(batch.counted.length / 2);
      queue.unshift(...[batch.counted.slice(0, mid), batch.counted.slice(mid)].map((t) => ({ tests: t, counted: t })));
      return;
    }
    const [name] = batch.counted;
    const tried = batch.tests.length - 1;
    // The runner traps on some crate compositions (an allocation failure far below 4 GiB) and
    // passes the same test compiled next to another one; a companion's failure also hides
    // whether this test passed. Either way, try another companion (at most three).
    const next = companions.filter((c) => c !== name && !batch.tests.includes(c))[0];
    if ((r.error === 'crash' || tried > 0) && tried < 3 && next) {
      console.log(`${label}: ${why} after ${took} s; re-running ${name} next to ${next}`);
      queue.unshift({ tests: [...batch.tests, next], counted: [name] });
      return;
    }
    console.log(`batch ${id}: ${name}: FAILED (${why}) after ${took} s`);
    failures.set(name, why);
  };

  const worker = async () => {
    while (!fatal) {
      if (queue.length === 0) {
        // Another worker may still split a batch and queue the halves.
        if (inFlight === 0) return;
        await new Promise((resolve) => { setTimeout(resolve, 250); });
        continue;
      }
      const batch = queue.shift();
      inFlight += 1;
      seq += 1;
      const id = seq;
      const file = path.join(dir, `batch-${id}.cairo`);
      writeFileSync(file, batchSource(parsed, new Set(batch.tests)));
      const t0 = Date.now();
      const r = await runChild(file);
      inFlight -= 1;
      if (r.error === 'compile') {
        fatal = `compilation failed (wasm-cairo gives no diagnostics): ${r.detail}`;
        return;
      }
      settle(batch, r, id, seconds(t0));
    }
  };
  console.log(`running ${order.length} tests in ${initial} batches (${JOBS} at a time, ~${CALL_BUDGET} calls each)`);
  await Promise.all(Array.from({ length: Math.max(1, JOBS) }, worker));
  rmSync(dir, { recursive: true, force: true });

  if (fatal) {
    console.log(fatal);
    console.log(`0 passed, ${order.length} failed`);
    return 1;
  }
  for (const name of order) {
    if (passedLines.has(name)) console.log(passedLines.get(name));
    else if (failures.has(name)) console.log(`test ${name} ... FAILED (${failures.get(name)})`);
  }
  const passed = order.filter((n) => passedLines.has(n) && !failures.has(n)).length;
  const failed = order.length - passed;
  console.log(`ran ${order.length} tests in ${seconds(started)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'compile' && args.length === 3) {
    await compile(...args);
  } else if (command === 'test' && (args.length === 1 || args.length === 2)) {
    process.exitCode = await test(args[0], args[1]);
  } else if (command === 'run-batch' && args.length === 1) {
    await runBatch(args[0]);
  } else {
    console.error('usage: cairo.mjs compile <source> <class.json> <abi.json> | test <source> [filter]');
    process.exitCode = 2;
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
}
