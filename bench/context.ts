//! Build-context scan benchmark (issue 3). Generates a ~200,000-file tree under
//! `.bench-tmp/context-tree` (100k files under node_modules, a .git with ~10k files and an
//! 8 MiB pack, ~90k nested sources; reused when present) and prints, min/median over runs:
//!  1. full scan with a pruning .dockerignore vs `find . -type f -printf '%s\n'` (same run);
//!  2. the same tree with a wildcard `!` exception (no pruning) vs find;
//!  3. a single file change reflected through applyChanges (incremental);
//!  4. peak RSS of a process (launched with the server's node flags) while it scans and
//!     keeps the index.
//! Targets: ≤1.5× find, ≤2× find without pruning, ≤50 ms incremental, ≤150 MiB RSS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { nodeFileSystem } from '../server/src/node/nodeFileSystem';
import { ContextIndex, scanContext } from '../server/src/context/scanner';
import { SERVER_NODE_FLAGS } from '../protocol/nodeFlags';

const ROOT = path.resolve(__dirname, '..', '..');
const TREE = path.join(ROOT, '.bench-tmp', 'context-tree');
const MARK = path.join(TREE, '.generated-v1');
const PRUNING = 'node_modules\n.git\n**/*.map\n!dist/chunk0\n';
const WILDCARD = 'node_modules\n.git\n**/*.map\n!**/keep\n';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateContextTree(dir = TREE): { files: number; ms: number; reused: boolean } {
  const t0 = Date.now();
  if (fs.existsSync(path.join(dir, '.generated-v1'))) return { files: Number(fs.readFileSync(path.join(dir, '.generated-v1'), 'utf8')), ms: 0, reused: true };
  fs.rmSync(dir, { recursive: true, force: true });
  const r = rng(42);
  const pad = Buffer.alloc(4096, 0x61);
  let files = 0;
  const write = (p: string, size: number) => {
    fs.writeFileSync(p, pad.subarray(0, size));
    files++;
  };
  // node_modules: 1000 packages x 100 files
  for (let p = 0; p < 1000; p++) {
    const pkg = path.join(dir, 'node_modules', `pkg${p}`);
    fs.mkdirSync(path.join(pkg, 'lib'), { recursive: true });
    write(path.join(pkg, 'package.json'), 200 + Math.floor(r() * 300));
    for (let f = 0; f < 99; f++) write(path.join(pkg, 'lib', `f${f}.js`), Math.floor(r() * 2048));
  }
  // .git: 256 object dirs x 40 files + an 8 MiB pack
  for (let d = 0; d < 256; d++) {
    const od = path.join(dir, '.git', 'objects', d.toString(16).padStart(2, '0'));
    fs.mkdirSync(od, { recursive: true });
    for (let f = 0; f < 40; f++) write(path.join(od, `${f.toString(16).padStart(38, '0')}`), Math.floor(r() * 1024));
  }
  fs.mkdirSync(path.join(dir, '.git', 'objects', 'pack'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.git', 'objects', 'pack', 'pack-0.pack'), Buffer.alloc(8 << 20));
  files++;
  // sources: 30 x 30 dirs x 100 files (some .map)
  for (let a = 0; a < 30; a++) {
    for (let b = 0; b < 30; b++) {
      const sd = path.join(dir, 'src', `mod${a}`, `part${b}`);
      fs.mkdirSync(sd, { recursive: true });
      for (let f = 0; f < 100; f++) write(path.join(sd, f % 10 === 0 ? `f${f}.js.map` : `f${f}.ts`), Math.floor(r() * 4096));
    }
  }
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  for (let f = 0; f < 50; f++) write(path.join(dir, 'dist', `chunk${f}`), 1000);
  fs.symlinkSync('src/mod0', path.join(dir, 'link-to-src'));
  fs.writeFileSync(path.join(dir, '.generated-v1'), String(files));
  return { files, ms: Date.now() - t0, reused: false };
}

function stats(xs: number[]) {
  const s = xs.slice().sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)] };
}
const f1 = (n: number) => n.toFixed(1);

function timeFind(): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('find', ['.', '-type', 'f', '-printf', '%s\n'], { cwd: TREE, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error('find failed');
  return ms;
}

/** Phase 1 (what is sent; the worker posts this summary first) and phase 1+2 (plus what pruned/excluded entries hold). */
function timeScan(ignore: string): { first: number; full: number; included: number } {
  const t0 = process.hrtime.bigint();
  const ix = new ContextIndex(nodeFileSystem, { root: TREE, ignoreText: ignore }).scan({ deferCounting: true });
  ix.summary();
  const first = Number(process.hrtime.bigint() - t0) / 1e6;
  ix.countDeferred();
  ix.summary();
  const full = Number(process.hrtime.bigint() - t0) / 1e6;
  return { first, full, included: ix.rootNode.sIncFiles };
}

function childRss(ignore: string): { peakMiB: number; ms: number } | null {
  const scanner = path.join(__dirname, '../server/src/context/scanner.js');
  const nfs = path.join(__dirname, '../server/src/node/nodeFileSystem.js');
  const code = `
    const { scanContext } = require(${JSON.stringify(scanner)});
    const { nodeFileSystem } = require(${JSON.stringify(nfs)});
    const t0 = Date.now();
    const ix = scanContext(nodeFileSystem, { root: ${JSON.stringify(TREE)}, ignoreText: ${JSON.stringify(ignore)} });
    const ms = Date.now() - t0;
    const s = ix.summary();
    const hwm = /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
    console.log(JSON.stringify({ peakKiB: hwm ? Number(hwm[1]) : process.memoryUsage().rss / 1024, ms, files: s.includedFiles }));`;
  const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', code], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const j = JSON.parse(r.stdout.trim().split('\n').pop() as string);
  return { peakMiB: j.peakKiB / 1024, ms: j.ms };
}

export async function runContextBench(opts: { runs?: number } = {}): Promise<void> {
  const runs = opts.runs ?? 5;
  const g = generateContextTree();
  console.log(`\n== build context scan (${g.files} files in ${TREE}; ${g.reused ? 'reused' : `generated in ${(g.ms / 1000).toFixed(1)} s`}) ==`);
  // warm the page cache and the JIT
  timeFind();
  timeScan(PRUNING);
  const find: number[] = [];
  const prune1: number[] = [];
  const prune2: number[] = [];
  const wild1: number[] = [];
  const wild2: number[] = [];
  let included = 0;
  let includedWild = 0;
  for (let i = 0; i < runs; i++) {
    find.push(timeFind());
    const a = timeScan(PRUNING);
    prune1.push(a.first);
    prune2.push(a.full);
    included = a.included;
    const w = timeScan(WILDCARD);
    wild1.push(w.first);
    wild2.push(w.full);
    includedWild = w.included;
  }
  const fs_ = stats(find);
  const row = (name: string, xs: number[], target: number | null) => {
    const s = stats(xs);
    const ratio = s.median / fs_.median;
    console.log(`${name.padEnd(58)} min ${f1(s.min).padStart(8)} ms  median ${f1(s.median).padStart(8)} ms  ${ratio.toFixed(2)}× find${target === null ? '' : `  (target ≤${target}×) ${ratio <= target ? 'OK' : 'MISS'}`}`);
  };
  console.log(`${"find . -type f -printf '%s\\n'".padEnd(58)} min ${f1(fs_.min).padStart(8)} ms  median ${f1(fs_.median).padStart(8)} ms`);
  row(`scan, pruning .dockerignore: summary (${included} files sent)`, prune1, 1.5);
  row('  + counting what the pruned dirs exclude (phase 2)', prune2, null);
  row(`scan, wildcard ! exception, no pruning: summary`, wild1, 2);
  row('  + sizes of the excluded files (phase 2)', wild2, null);
  if (includedWild !== included) console.log(`  note: the wildcard exception re-includes ${includedWild - included} files`);

  // incremental: change one file, reflect it
  const ix = scanContext(nodeFileSystem, { root: TREE, ignoreText: PRUNING });
  const target = path.join(TREE, 'src', 'mod7', 'part3', 'f5.ts');
  const orig = fs.readFileSync(target);
  const inc: number[] = [];
  let ok = true;
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const before = ix.rootNode.sIncBytes;
    fs.writeFileSync(target, Buffer.concat([orig, Buffer.alloc(i + 1, 0x62)]));
    const delta = 1; // one byte longer than the previous run
    const t0 = process.hrtime.bigint();
    ix.applyChanges([{ path: target, type: 'changed' }]);
    inc.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (ix.rootNode.sIncBytes - before !== delta) ok = false;
  }
  // create + delete
  const extra = path.join(TREE, 'src', 'mod1', 'new-file.ts');
  fs.writeFileSync(extra, 'x'.repeat(100));
  let t0 = process.hrtime.bigint();
  ix.applyChanges([{ path: extra, type: 'created' }]);
  const created = Number(process.hrtime.bigint() - t0) / 1e6;
  const afterCreate = ix.rootNode.sIncFiles;
  fs.unlinkSync(extra);
  t0 = process.hrtime.bigint();
  ix.applyChanges([{ path: extra, type: 'deleted' }]);
  const deleted = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.writeFileSync(target, orig);
  ix.applyChanges([{ path: target, type: 'changed' }]);
  if (afterCreate !== ix.rootNode.sIncFiles + 1) ok = false;
  const full = scanContext(nodeFileSystem, { root: TREE, ignoreText: PRUNING });
  if (full.rootNode.sIncBytes !== ix.rootNode.sIncBytes || full.rootNode.sIncFiles !== ix.rootNode.sIncFiles) ok = false;
  // .dockerignore edit, re-evaluated from memory
  t0 = process.hrtime.bigint();
  ix.setIgnoreText(PRUNING + 'src/mod3\n');
  const ignoreEdit = Number(process.hrtime.bigint() - t0) / 1e6;
  const si = stats(inc);
  console.log(`${'single file change reflected (applyChanges)'.padEnd(58)} min ${f1(si.min).padStart(8)} ms  median ${f1(si.median).padStart(8)} ms  (target ≤50 ms) ${si.median <= 50 ? 'OK' : 'MISS'}${ok ? '' : '  TOTALS WRONG'}`);
  console.log(`${'file created / deleted reflected'.padEnd(58)} ${f1(created)} ms / ${f1(deleted)} ms; totals equal a fresh scan: ${ok}`);
  console.log(`${'.dockerignore edit re-evaluated from the index'.padEnd(58)} ${f1(ignoreEdit)} ms (a fresh pruning scan: ${f1(stats(prune2).median)} ms)`);
  const rss = childRss(PRUNING);
  const rssW = childRss(WILDCARD);
  if (rss && rssW) {
    console.log(`${`peak RSS, scan + kept index (${SERVER_NODE_FLAGS.join(' ')})`.padEnd(58)} pruning ${f1(rss.peakMiB)} MiB, no pruning ${f1(rssW.peakMiB)} MiB (target ≤150 MiB) ${Math.max(rss.peakMiB, rssW.peakMiB) <= 150 ? 'OK' : 'MISS'}`);
  }
}

if (require.main === module) {
  runContextBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
