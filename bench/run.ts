//! `npm run bench`: Dockwise side by side with the peers, in one run, on the same generated files.
//!  1. parser: full parse vs dockerfile-ast, and one-keystroke incremental reparse;
//!  2. LSP over stdio: edit → publishDiagnostics latency and a 40-keystroke burst, for Dockwise
//!     and dockerfile-language-server-nodejs; hover/completion latency when available;
//!  3. server RSS after the workload;
//!  4. the build-context scan benchmark (bench/context.ts) when present.
//! Prints min/median/p95 and peer/ours ratios. Options: --sizes=200,2000 --quick --no-peer --only=parser|rules|features|lsp|context
import * as path from 'node:path';
import * as fs from 'node:fs';
import { parse } from '../server/src/syntax/parser';
import { reparse } from '../server/src/syntax/incremental';
import { buildModel, ModelCache } from '../server/src/semantics/model';
import { runRules, FileRuleCache, RuleCache, StageRuleCache, resolveSeverities } from '../server/src/rules/engine';
import { generateDockerfile } from './generate';
import { LspClient } from '../test/support/lspClient';
import { SERVER_NODE_FLAGS } from '../protocol/nodeFlags';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const flag = (name: string): boolean => argv.includes(`--${name}`);
const SIZES = (opt('sizes') ?? '200,2000,20000').split(',').map(Number);
const QUICK = flag('quick');
const NO_PEER = flag('no-peer');
const ONLY = opt('only');
const ROOT = path.resolve(__dirname, '..', '..');

interface Stats { min: number; median: number; p95: number; max: number; n: number }
function stats(xs: number[]): Stats {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return { min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1], n: s.length };
}
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmt = (s: Stats) => `${ms(s.min)} / ${ms(s.median)} / ${ms(s.p95)} ms`;
const ratio = (peer: number, ours: number) => (ours > 0 ? `${(peer / ours).toFixed(peer / ours >= 100 ? 0 : 1)}×` : 'n/a');

/**
 * Collects the heap (with --expose-gc): each timed series starts without the garbage of the
 * series before it, whose collection would otherwise land in its timings. A series' own
 * garbage is still collected, and counted, while it runs.
 */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Where the in-process keystroke benchmarks type: the start of the command of the middle RUN
 * without a heredoc (as the LSP workload does; typing before `<<EOF` would turn the heredoc
 * body into instructions, a structural edit rather than a keystroke in a command).
 */
function keystrokeOffset(tree: ReturnType<typeof parse>['tree']): number {
  const runs = tree.instructions.filter((i) => i.name === 'RUN' && i.heredocs.length === 0);
  return runs[Math.floor(runs.length / 2)].keywordSpan.end + 1;
}

// ---------------------------------------------------------------------------------------------
function benchParser(): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { DockerfileParser } = require('dockerfile-ast') as { DockerfileParser: { parse(s: string): unknown } };
  console.log('\n## 1. Parser (in-process)\n');
  console.log('| lines | KB | ours full parse min/med/p95 | dockerfile-ast full parse min/med/p95 | ratio (median) | ours incremental keystroke min/med/p95 | full model+rules (cached) median |');
  console.log('|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const text = generateDockerfile(n, 42);
    const reps = n >= 20000 ? (QUICK ? 5 : 15) : 40;
    for (let i = 0; i < 3; i++) { parse(text); DockerfileParser.parse(text); }
    collect();
    const ours = stats(Array.from({ length: reps }, () => time(() => parse(text))));
    collect();
    const peer = stats(Array.from({ length: reps }, () => time(() => DockerfileParser.parse(text))));
    // One keystroke in the middle of a RUN line, typed and then deleted, many times.
    let cur = parse(text);
    const at = keystrokeOffset(cur.tree);
    const inc: number[] = [];
    for (let i = 0; i < 200; i++) {
      inc.push(time(() => { cur = reparse(cur, { start: at, end: at, text: 'x' }); }));
      cur = reparse(cur, { start: at, end: at + 1, text: '' });
    }
    // Everything a didChange costs except I/O: reparse + model + rules with the per-node cache.
    const cache = new RuleCache();
    const stageCache = new StageRuleCache();
    const fileCache = new FileRuleCache();
    const modelCache = new ModelCache();
    const sev = resolveSeverities();
    runRules(cur.tree, buildModel(cur.tree, modelCache), { cache, stageCache, fileCache, severities: sev });
    const full: number[] = [];
    for (let i = 0; i < 60; i++) {
      // Type a character, then delete it: one reparse, model and rule run per keystroke.
      full.push(time(() => {
        cur = reparse(cur, i % 2 ? { start: at, end: at + 1, text: '' } : { start: at, end: at, text: 'y' });
        runRules(cur.tree, buildModel(cur.tree, modelCache), { cache, stageCache, fileCache, severities: sev });
      }));
    }
    console.log(`| ${n} | ${(text.length / 1024).toFixed(0)} | ${fmt(ours)} | ${fmt(peer)} | ${ratio(peer.median, ours.median)} | ${fmt(stats(inc))} | ${ms(stats(full).median)} ms |`);
  }
}

// ---------------------------------------------------------------------------------------------
function benchRules(): void {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { ALL_RULES } = require('../server/src/rules/engine') as typeof import('../server/src/rules/engine');
  const { stageFamily } = require('../server/src/rules/stageFacts') as typeof import('../server/src/rules/stageFacts');
  const { shellKind } = require('../server/src/shell/commands') as typeof import('../server/src/shell/commands');
  const { validate } = require('dockerfile-utils') as { validate(s: string): unknown[] };
  /* eslint-enable @typescript-eslint/no-var-requires */
  console.log('\n## 2. All rules (in-process, min / median / p95)\n');
  console.log(`Every one of the ${ALL_RULES.length} rules, on a fresh rule cache (the cost of opening a file) and after one keystroke (cached); the peer is dockerfile-utils \`validate\` (its whole validator, ~40 checks), which has no cache. Target: full ≤ 30 ms on 20,000 lines.\n`);
  console.log('| lines | ours: parse+model+all rules, no cache | ours: rules only, no cache (after warm-up) | dockerfile-utils validate | ratio (median) | ours after a keystroke (cached) | slowest enabled rules (median ms, uncached) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const text = generateDockerfile(n, 42);
    const reps = n >= 20000 ? (QUICK ? 5 : 15) : 30;
    const sev = resolveSeverities();
    const { tree } = parse(text);
    const model = buildModel(tree);
    // The first run is reported on its own: V8 takes about ten runs of the 111 rules over a big
    // file to optimise them (the first ones on 20,000 lines take 2-4x the steady state), so the
    // series below are timed after warm-up runs.
    const first = time(() => runRules(tree, model, { severities: sev }));
    for (let i = 0; i < (n >= 20000 ? 8 : 4); i++) runRules(tree, model, { severities: sev });
    for (let i = 0; i < 2; i++) validate(text);
    collect();
    const whole = stats(Array.from({ length: reps }, () => time(() => { const t = parse(text).tree; runRules(t, buildModel(t), { severities: sev }); })));
    collect();
    const only = stats(Array.from({ length: reps }, () => time(() => runRules(tree, model, { severities: sev }))));
    collect();
    const peer = stats(Array.from({ length: Math.max(3, Math.floor(reps / 3)) }, () => time(() => validate(text))));
    // cached: one keystroke in the middle, then rules with the per-node cache
    let cur = parse(text);
    const cache = new RuleCache();
    const stageCache = new StageRuleCache();
    const fileCache = new FileRuleCache();
    const modelCache = new ModelCache();
    runRules(cur.tree, buildModel(cur.tree, modelCache), { cache, stageCache, fileCache, severities: sev });
    const at = keystrokeOffset(cur.tree);
    const cached: number[] = [];
    for (let i = 0; i < 80; i++) {
      // Type a character, then delete it; each keystroke is analysed (as the server does).
      cur = reparse(cur, i % 2 ? { start: at, end: at + 1, text: '' } : { start: at, end: at, text: 'x' });
      const t = cur.tree;
      const m = buildModel(t, modelCache);
      cached.push(time(() => runRules(t, m, { cache, stageCache, fileCache, severities: sev })));
    }
    // per rule
    const per: { id: string; ms: number }[] = [];
    for (const r of ALL_RULES) {
      if (sev.get(r) === 'off') continue; // off rules do not run (the engine skips them)
      const samples: number[] = [];
      for (let k = 0; k < Math.min(5, reps); k++) {
        samples.push(time(() => {
          if (r.scope === 'file') r.check({ tree, model, external: {}, report: () => undefined });
          else for (const ins of tree.instructions) {
            const shell = model.shellOf(ins);
            r.checkInstruction(ins, { escape: ins.escape, source: tree.text, family: stageFamily(model.stageOf(ins)), shell, shellKind: shellKind(shell), report: () => undefined });
          }
        }));
      }
      per.push({ id: r.id, ms: stats(samples).median });
    }
    per.sort((a, b) => b.ms - a.ms);
    const top = per.slice(0, 4).map((p) => `${p.id} ${p.ms.toFixed(2)}`).join(', ');
    console.log(`| ${n} | ${fmt(whole)} | ${fmt(only)} (first run ${first.toFixed(1)} ms) | ${fmt(peer)} | ${ratio(peer.median, only.median)} | ${fmt(stats(cached))} | ${top} |`);
  }
}

// ---------------------------------------------------------------------------------------------
function benchFeatures(): void {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { DockerfileDocument } = require('../server/src/service/document') as typeof import('../server/src/service/document');
  const { computeCompletion } = require('../server/src/features/completion') as typeof import('../server/src/features/completion');
  const { computeHover } = require('../server/src/features/hover') as typeof import('../server/src/features/hover');
  const { computeSignatureHelp } = require('../server/src/features/signatureHelp') as typeof import('../server/src/features/signatureHelp');
  const { semanticTokensFull, semanticTokensDelta } = require('../server/src/features/semanticTokens') as typeof import('../server/src/features/semanticTokens');
  const { documentSymbols, foldingRanges } = require('../server/src/features/outline') as typeof import('../server/src/features/outline');
  /* eslint-enable @typescript-eslint/no-var-requires */
  console.log('\n## 3. Features in-process (min / median / p95), after the document is open\n');
  console.log('| lines | completion | hover | signature help | semantic tokens full | delta after one edit | document symbols | folding |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const text = generateDockerfile(n, 42);
    const doc = new DockerfileDocument('file:///bench/Dockerfile', 1, text);
    void doc.model;
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const positions = Array.from({ length: 300 }, () => doc.positionAt(Math.floor(rnd() * text.length)));
    for (const ins of doc.tree.instructions) if (rnd() < 300 / doc.tree.instructions.length) positions.push(doc.positionAt(ins.keywordSpan.start + 1));
    const per = (fn: (p: { line: number; character: number }) => unknown) => stats(positions.map((p) => time(() => fn(p))));
    const comp = per((p) => computeCompletion(doc, p, { locale: 'en' }));
    const hov = per((p) => computeHover(doc, p, { locale: 'en' }));
    const sig = per((p) => computeSignatureHelp(doc, p, { locale: 'en' }));
    const reps = n >= 20000 ? 5 : 20;
    const full = stats(Array.from({ length: reps }, () => time(() => semanticTokensFull(doc))));
    const deltas: number[] = [];
    let v = 1;
    for (let i = 0; i < reps; i++) {
      const prev = semanticTokensFull(doc);
      const at = doc.tree.instructions[Math.floor(rnd() * doc.tree.instructions.length)].keywordSpan.end;
      doc.applyEdit({ start: at, end: at, text: ' ' }, ++v);
      deltas.push(time(() => semanticTokensDelta(doc, prev.resultId!)));
    }
    const sym = stats(Array.from({ length: reps }, () => time(() => documentSymbols(doc))));
    const fold = stats(Array.from({ length: reps }, () => time(() => foldingRanges(doc))));
    console.log(`| ${n} | ${fmt(comp)} | ${fmt(hov)} | ${fmt(sig)} | ${fmt(full)} | ${fmt(stats(deltas))} | ${fmt(sym)} | ${fmt(fold)} |`);
  }
}

// ---------------------------------------------------------------------------------------------
interface LspResult { open: number; edit: Stats; burst: number; rss: number | null; rssIdle: number | null; peakRss: number | null; hover?: Stats; completion?: Stats }

async function lspWorkload(name: string, cmd: string, args: string[], text: string, versioned: boolean, edits: number): Promise<LspResult> {
  // The measuring client parses every publish: start each workload with its heap collected
  // (the in-process sections before leave garbage whose collection would land in our timings).
  collect();
  const c = new LspClient(cmd, args, 4);
  try {
    await c.initialize(null, 'en');
    const uri = `file:///bench/${name}/Dockerfile`;
    let t0 = performance.now();
    let w = c.waitFor((p) => p.uri === uri, 120000);
    c.open(uri, text, 1);
    await w;
    const open = performance.now() - t0;
    const lines = text.split('\n');
    const runLines = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('RUN ') || l.startsWith('    apt-get')).map(([, i]) => i);
    let version = 1;
    const timings: number[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const waitNext = (v: number) => {
      const count = c.publishCount;
      return versioned ? c.waitFor((p) => p.uri === uri && p.version === v, 120000) : c.waitFor((p) => p.uri === uri && c.publishCount > count, 120000);
    };
    // The first `warm` edit pairs warm up the JIT of both servers and are not timed.
    const warm = Math.min(10, edits);
    for (let i = 0; i < edits + warm; i++) {
      const line = runLines[Math.floor(rnd() * runLines.length)];
      const ch = Math.min(4, lines[line].length);
      // insert then delete: two timed edits, the document returns to its original text
      for (const change of [
        { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'x' },
        { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' },
      ]) {
        version++;
        w = waitNext(version);
        t0 = performance.now();
        c.change(uri, version, [change]);
        await w;
        if (i >= warm) timings.push(performance.now() - t0);
      }
    }
    // Burst: 40 keystrokes back to back (type 20 characters, delete them), until diagnostics settle.
    const line = runLines[0];
    const before = c.publishCount;
    const word = 'abcdefghijklmnopqrst';
    let last = 0;
    for (let k = 0; k < 40; k++) {
      version++;
      const i = k < 20 ? k : 39 - k;
      const change = k < 20
        ? { range: { start: { line, character: 4 + i }, end: { line, character: 4 + i } }, text: word[i] }
        : { range: { start: { line, character: 4 + i }, end: { line, character: 5 + i } }, text: '' };
      c.change(uri, version, [change]);
      last = performance.now();
    }
    if (versioned) {
      const final = version;
      const p = await c.waitFor((x) => x.uri === uri && x.version === final, 300000);
      void p;
    } else {
      // The peer publishes once per change, without versions: wait for all 40.
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (c.publishCount - before >= 40) { clearInterval(t); clearTimeout(limit); resolve(); }
        }, 2);
        // Cleared when the burst settles (a pending timer kept the bench process alive for 5 min).
        const limit = setTimeout(() => { clearInterval(t); reject(new Error('burst timeout')); }, 300000);
      });
    }
    const burst = performance.now() - last;
    const res: LspResult = { open, edit: stats(timings), burst, rss: c.rss(), rssIdle: null, peakRss: null };
    // Hover / completion at random positions (whatever the server returns).
    const caps = ['textDocument/hover', 'textDocument/completion'] as const;
    for (const method of caps) {
      const xs: number[] = [];
      for (let i = 0; i < 50; i++) {
        const l = Math.floor(rnd() * lines.length);
        const character = Math.floor(rnd() * (lines[l].length + 1));
        const t = performance.now();
        try {
          await c.conn.sendRequest(method, { textDocument: { uri }, position: { line: l, character } });
        } catch {
          break; // not supported
        }
        xs.push(performance.now() - t);
      }
      if (xs.length === 50) {
        if (method === 'textDocument/hover') res.hover = stats(xs); else res.completion = stats(xs);
      }
    }
    res.rss = c.rss();
    // And after one second of idleness (what an editor holds while the user reads).
    await new Promise((r) => setTimeout(r, 1000));
    res.rssIdle = c.rss();
    res.peakRss = c.peakRss();
    return res;
  } finally {
    await c.shutdown();
  }
}

async function benchLsp(): Promise<void> {
  // Node flags the product launches the server with (client/src and the bin use the same list).
  // Launched as the VS Code client launches it (SERVER_NODE_FLAGS); BENCH_SERVER_FLAGS overrides for experiments.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? SERVER_NODE_FLAGS.join(' ')).split(' ').filter(Boolean);
  const ours = [process.execPath, [...flags, path.join(ROOT, 'dist', 'server.js'), '--stdio']] as const;
  const peerBin = path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
  const peer = [process.execPath, [peerBin, '--stdio']] as const;
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js missing: run npm run build');
  console.log('\n## 4. LSP over stdio: edit → publishDiagnostics (min / median / p95), 40-keystroke burst, RSS\n');
  console.log('| lines | server | didOpen→diags | edit→diags | burst settle | hover | completion | RSS after / after 1 s idle / peak |');
  console.log('|---|---|---|---|---|---|---|---|');
  const summary: string[] = [];
  const medians = new Map<number, number>();
  for (const n of SIZES) {
    const text = generateDockerfile(n, 42);
    const edits = QUICK ? 10 : 50;
    const o = await lspWorkload('ours', ours[0], [...ours[1]], text, true, edits);
    medians.set(n, o.edit.median);
    const row = (who: string, r: LspResult) => `| ${n} | ${who} | ${ms(r.open)} ms | ${fmt(r.edit)} | ${ms(r.burst)} ms | ${r.hover ? fmt(r.hover) : '—'} | ${r.completion ? fmt(r.completion) : '—'} | ${r.rss?.toFixed(0) ?? '?'} / ${r.rssIdle?.toFixed(0) ?? '?'} / ${r.peakRss?.toFixed(0) ?? '?'} MiB |`;
    console.log(row('dockwise', o));
    if (!NO_PEER && fs.existsSync(peerBin)) {
      const p = await lspWorkload('peer', peer[0], [...peer[1]], text, false, n >= 20000 ? (QUICK ? 3 : 8) : edits);
      console.log(row('peer', p));
      summary.push(`${n} lines: edit→diags median ${ratio(p.edit.median, o.edit.median)} faster, min ${ratio(p.edit.min, o.edit.min)}; burst ${ratio(p.burst, o.burst)}; RSS after workload ${o.rss?.toFixed(0)} vs ${p.rss?.toFixed(0)} MiB, after 1 s idle ${o.rssIdle?.toFixed(0)} vs ${p.rssIdle?.toFixed(0)} MiB` +
        (o.hover && p.hover ? `; hover median ${ratio(p.hover.median, o.hover.median)}` : '') + (o.completion && p.completion ? `; completion ${ratio(p.completion.median, o.completion.median)}` : ''));
    }
  }
  if (summary.length) console.log('\nRatios (peer ÷ dockwise, higher is better):\n' + summary.map((s) => `- ${s}`).join('\n'));
  const small = medians.get(Math.min(...SIZES));
  const big = medians.get(Math.max(...SIZES));
  if (small && big) console.log(`\nFlatness: edit→diags median at ${Math.max(...SIZES)} lines is ${(big / small).toFixed(2)}× the ${Math.min(...SIZES)}-line median (target ≤ 3×).`);
}

async function main(): Promise<void> {
  console.log(`# Dockwise benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  if (!ONLY || ONLY === 'parser') benchParser();
  if (!ONLY || ONLY === 'rules') benchRules();
  if (!ONLY || ONLY === 'features') benchFeatures();
  if (!ONLY || ONLY === 'lsp') await benchLsp();
  if (!ONLY || ONLY === 'context') {
    const ctxBench = path.join(__dirname, 'context.js');
    if (fs.existsSync(ctxBench)) {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const m = require(ctxBench) as { runContextBench?: () => Promise<void> };
      if (m.runContextBench) await m.runContextBench();
    }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
