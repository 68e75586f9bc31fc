// Build-context engine: scanner (in-memory fixtures and the real FS), incremental updates,
// ignore-file resolution, COPY analysis, .dockerignore analysis, compose discovery, CLI, worker.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryFileSystem } from '../../server/src/context/fileSystem';
import { ContextIndex, scanContext, resolveIgnoreFile, type ContextSummary } from '../../server/src/context/scanner';
import { analyzeCopySource, analyzeIgnoreFile, heavyDirectories, sensitiveFilesCopied, normalizeCopySource } from '../../server/src/context/copySources';
import { parseComposeBuilds, contextsForDockerfile } from '../../server/src/context/compose';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { runContextCommand } from '../../server/src/cliContext';
import { ContextWorker } from '../../server/src/node/scanWorkerHost';

const FIXTURE = `
//- /ctx/Dockerfile
FROM node:20
COPY . .
//- /ctx/.dockerignore
node_modules
*.md
!README.md
**/*.map
nothing-here
build/keep
build
//- /ctx/README.md size=100
//- /ctx/CHANGELOG.md size=50
//- /ctx/package.json size=300
//- /ctx/src/app.js size=1200
//- /ctx/src/app.js.map size=5000
//- /ctx/src/lib/util.js size=800
//- /ctx/node_modules/a/index.js size=4000
//- /ctx/node_modules/a/package.json size=100
//- /ctx/node_modules/b/index.js size=2000
//- /ctx/build/out.bin size=9000
//- /ctx/build/keep size=10
//- /ctx/.env size=30
//- /ctx/link -> src/app.js
//- /ctx/empty/
`;

const mem = () => MemoryFileSystem.fromFixture(FIXTURE);
const numbers = (s: ContextSummary) => ({ inc: s.includedFiles, incB: s.includedBytes, exc: s.excludedFiles, excB: s.excludedBytes, pats: s.patterns.map((p) => [p.files, p.bytes]) });

test('scan: included/excluded totals and per-pattern attribution (in-memory fixture)', () => {
  const s = scanContext(mem(), { root: '/ctx', dockerfile: '/ctx/Dockerfile' }).summary({ list: true });
  assert.equal(s.ignoreFile, '/ctx/.dockerignore');
  assert.equal(s.ignoreFileKind, 'root');
  const files = s.files!.map((f) => f.path);
  assert.deepEqual(files, ['.dockerignore', '.env', 'Dockerfile', 'README.md', 'link', 'package.json', 'src/app.js', 'src/lib/util.js']);
  assert.equal(s.includedFiles, 8);
  assert.equal(s.includedBytes, s.files!.reduce((a, f) => a + f.size, 0));
  assert.equal(s.files!.find((f) => f.path === 'link')!.size, 'src/app.js'.length); // lstat size of a symlink
  // node_modules (3 files, 6100 B), CHANGELOG.md (50), app.js.map (5000), build (2 files, 9010)
  assert.equal(s.excludedFiles, 7);
  assert.equal(s.excludedBytes, 6100 + 50 + 5000 + 9010);
  const byText = Object.fromEntries(s.patterns.map((p) => [p.text, p]));
  assert.equal(byText['node_modules'].files, 3);
  assert.equal(byText['node_modules'].bytes, 6100);
  assert.deepEqual(byText['node_modules'].examples, ['node_modules/']);
  assert.equal(byText['*.md'].files, 1);
  assert.equal(byText['!README.md'].files, 1); // re-included
  assert.equal(byText['**/*.map'].files, 1);
  assert.equal(byText['nothing-here'].files, 0);
  assert.equal(byText['build'].files, 2);
  assert.equal(byText['build/keep'].files, 0); // decided by the later `build`
  assert.equal(s.prunedDirs, 2);
  assert.deepEqual(s.largestFiles[0], { path: 'src/app.js', size: 1200 });
  assert.equal(s.largestDirs[0].path, 'src');
  assert.equal(s.largestDirs[0].bytes, 2000);
});

test('scan prunes excluded dirs without exceptions below them, and walks them with a wildcard exception', () => {
  const m = mem();
  scanContext(m, { root: '/ctx', countExcluded: false }).summary();
  const prunedCalls = m.calls.readdir;
  const m2 = mem();
  m2.writeFile('/ctx/.dockerignore', 'node_modules\n!**/index.js\n');
  const s2 = scanContext(m2, { root: '/ctx', countExcluded: false }).summary({ list: true });
  assert.ok(m2.calls.readdir > prunedCalls, 'descends node_modules');
  assert.ok(s2.files!.some((f) => f.path === 'node_modules/a/index.js'));
  assert.ok(!s2.files!.some((f) => f.path === 'node_modules/a/package.json'));
  assert.equal(s2.excludedComplete, false);
});

test('<Dockerfile>.dockerignore next to the Dockerfile replaces the root .dockerignore', () => {
  const m = mem();
  m.writeFile('/ctx/docker/app.Dockerfile', 'FROM x');
  m.writeFile('/ctx/docker/app.Dockerfile.dockerignore', 'src\n');
  const r = resolveIgnoreFile(m, '/ctx', '/ctx/docker/app.Dockerfile');
  assert.equal(r.path, '/ctx/docker/app.Dockerfile.dockerignore');
  const s = scanContext(m, { root: '/ctx', dockerfile: '/ctx/docker/app.Dockerfile' }).summary({ list: true });
  assert.ok(s.files!.some((f) => f.path.startsWith('node_modules/')), 'root .dockerignore not merged');
  assert.ok(!s.files!.some((f) => f.path.startsWith('src/')));
  assert.equal(resolveIgnoreFile(m, '/ctx', '/ctx/Dockerfile').path, '/ctx/.dockerignore');
});

test('survives: EACCES (injected), vanishing files, .dockerignore directory, missing root', () => {
  const m = mem();
  m.failures.set('readdir:/ctx/src/lib', 'EACCES');
  m.failures.set('lstat:/ctx/package.json', 'ENOENT'); // listed, then gone
  m.failures.set('readdir:/ctx/node_modules/b', 'EACCES'); // inside an excluded dir
  const s = scanContext(m, { root: '/ctx' }).summary({ list: true });
  const lib = s.errors.find((e) => e.path === 'src/lib')!;
  assert.equal(lib.code, 'EACCES');
  assert.equal(lib.excluded, false);
  assert.equal(s.errors.find((e) => e.path === 'package.json')!.code, 'ENOENT');
  assert.equal(s.errors.find((e) => e.path === 'node_modules/b')!.excluded, true);
  assert.ok(!s.files!.some((f) => f.path === 'package.json' || f.path === 'src/lib/util.js'));

  const d = mem();
  d.remove('/ctx/.dockerignore');
  d.mkdirp('/ctx/.dockerignore');
  const sd = scanContext(d, { root: '/ctx' }).summary();
  assert.equal(sd.errors[0].code, 'EISDIR');
  assert.match(sd.errors[0].message, /is a directory/);
  assert.equal(sd.patterns.length, 0);

  const missing = scanContext(mem(), { root: '/nope' }).summary();
  assert.equal(missing.errors[0].code, 'ENOENT');
  assert.equal(missing.includedFiles, 0);
});

test('incremental: change, create, delete and dir create/delete equal a fresh scan', () => {
  const m = mem();
  const ix = scanContext(m, { root: '/ctx' });
  const fresh = () => numbers(scanContext(m, { root: '/ctx' }).summary());
  m.writeFile('/ctx/src/app.js', 'x', 1500);
  ix.applyChanges([{ path: '/ctx/src/app.js', type: 'changed' }]);
  assert.deepEqual(numbers(ix.summary()), fresh());
  m.writeFile('/ctx/src/new.ts', 'y', 77);
  m.writeFile('/ctx/node_modules/c/x.js', 'z', 10);
  m.writeFile('/ctx/docs/a/b.md', 'z', 5);
  ix.applyChanges([{ path: '/ctx/src/new.ts', type: 'created' }, { path: '/ctx/node_modules/c', type: 'created' }, { path: '/ctx/docs', type: 'created' }]);
  assert.deepEqual(numbers(ix.summary()), fresh());
  m.remove('/ctx/src/lib');
  m.remove('/ctx/README.md');
  ix.applyChanges([{ path: '/ctx/src/lib', type: 'deleted' }, { path: '/ctx/README.md', type: 'deleted' }]);
  assert.deepEqual(numbers(ix.summary()), fresh());
  assert.equal(ix.summary().includedFiles, fresh().inc);
});

test('.dockerignore edits re-evaluate from the index and equal a fresh scan', () => {
  const m = mem();
  const ix = scanContext(m, { root: '/ctx' });
  const before = m.calls.readdir;
  m.writeFile('/ctx/.dockerignore', 'src\n!src/lib\n.env\n');
  ix.applyChanges([{ path: '/ctx/.dockerignore', type: 'changed' }]);
  assert.equal(m.calls.readdir - before, 1, 'only the directory holding the ignore file is re-read (the file is in the context too)');
  assert.deepEqual(numbers(ix.summary()), numbers(scanContext(m, { root: '/ctx' }).summary()));
  ix.setIgnoreText(''); // unsaved buffer: everything included
  assert.equal(ix.summary().excludedFiles, 0);
  assert.equal(ix.summary().includedFiles, 15);
  assert.deepEqual(numbers(ix.summary()), numbers(scanContext(m, { root: '/ctx', ignoreText: '' }).summary()));
});

test('two-phase scan: included totals first, excluded counts after', () => {
  const ix = new ContextIndex(mem(), { root: '/ctx' }).scan({ deferCounting: true });
  const first = ix.summary();
  assert.equal(first.excludedComplete, false);
  ix.countDeferred();
  const done = ix.summary();
  assert.equal(done.excludedComplete, true);
  assert.equal(first.includedBytes, done.includedBytes);
  assert.deepEqual(numbers(done), numbers(scanContext(mem(), { root: '/ctx' }).summary()));
});

test('cancellation stops the scan and reports it', () => {
  const m = MemoryFileSystem.fromFixture(Array.from({ length: 3000 }, (_, i) => `//- /big/d${i % 30}/f${i}`).join('\n'));
  const s = scanContext(m, { root: '/big', isCancelled: () => true }).summary();
  assert.equal(s.cancelled, true);
});

test('COPY sources: excluded (with pattern line), not found (did-you-mean), outside, globs, root', () => {
  const ix = scanContext(mem(), { root: '/ctx' });
  const ex = analyzeCopySource(ix, 'CHANGELOG.md');
  assert.equal(ex.status, 'excluded');
  assert.deepEqual(ex.excludedBy, { index: 1, line: 1, text: '*.md' });
  const nm = analyzeCopySource(ix, 'node_modules/a/index.js');
  assert.equal(nm.status, 'excluded');
  assert.equal(nm.excludedBy!.line, 0);
  const nf = analyzeCopySource(ix, 'src/ap.js');
  assert.equal(nf.status, 'not-found');
  assert.equal(nf.suggestion, 'src/app.js');
  assert.equal(analyzeCopySource(ix, 'pakage.json').suggestion, 'package.json');
  const out = analyzeCopySource(ix, '../ctx/package.json');
  assert.equal(out.outside, true);
  assert.equal(out.normalized, 'ctx/package.json');
  assert.equal(out.status, 'not-found');
  assert.deepEqual(normalizeCopySource('../src'), { normalized: 'src', outside: true });
  const glob = analyzeCopySource(ix, 'src/*.js');
  assert.deepEqual([glob.status, glob.files, glob.bytes], ['ok', 1, 1200]);
  const mapGlob = analyzeCopySource(ix, 'src/*.map');
  assert.equal(mapGlob.status, 'excluded');
  assert.equal(mapGlob.excludedBy!.text, '**/*.map');
  const dir = analyzeCopySource(ix, './src/');
  assert.deepEqual([dir.files, dir.bytes, dir.excludedFiles], [2, 2000, 1]);
  const root = analyzeCopySource(ix, '.');
  assert.equal(root.isRoot, true);
  assert.equal(root.files, 8);
  assert.equal(analyzeCopySource(ix, 'https://example.com/x.tgz').status, 'remote');
});

test('DF116 sensitive files, DF111/112 heavy dirs, .dockerignore analysis', () => {
  const ix = scanContext(mem(), { root: '/ctx' });
  assert.deepEqual(sensitiveFilesCopied(ix, '.'), ['.env']);
  assert.deepEqual(sensitiveFilesCopied(ix, 'src'), []);
  const m = mem();
  m.remove('/ctx/.dockerignore');
  const heavy = heavyDirectories(scanContext(m, { root: '/ctx' }));
  assert.deepEqual(heavy.map((h) => [h.path, h.files, h.bytes, h.suggestedPattern]), [['build', 2, 9010, 'build'], ['node_modules', 3, 6100, 'node_modules']]);
  assert.deepEqual(heavyDirectories(ix), []);
  const a = analyzeIgnoreFile(ix);
  const by = Object.fromEntries(a.map((p) => [p.text, p]));
  assert.equal(by['nothing-here'].matchesNothing, true);
  assert.equal(by['node_modules'].matchesNothing, false);
  assert.equal(by['build/keep'].redundantBy, 6);
  assert.equal(by['build/keep'].matchesNothing, false);
  assert.equal(by['build'].redundantBy, undefined);
});

test('compose: string and mapping build forms, dockerfile relative to the context', () => {
  const yml = `services:
  web:
    build: ./web
  api:
    build:
      context: ../api
      dockerfile: docker/api.Dockerfile
  inline:
    build:
      dockerfile_inline: "FROM alpine"
  remote:
    build: https://github.com/docker/compose.git#main
  img:
    image: nginx
`;
  const r = parseComposeBuilds(yml, '/repo/deploy/compose.yaml');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.builds.map((b) => [b.service, b.context, b.dockerfile, b.remote, b.line]), [
    ['web', '/repo/deploy/web', '/repo/deploy/web/Dockerfile', false, 2],
    ['api', '/repo/api', '/repo/api/docker/api.Dockerfile', false, 4],
    ['inline', '/repo/deploy', null, false, 8],
    ['remote', 'https://github.com/docker/compose.git#main', null, true, 11],
  ]);
  assert.equal(contextsForDockerfile(r.builds, '/repo/api/docker/api.Dockerfile')[0].service, 'api');
  assert.ok(parseComposeBuilds('services: [', '/x/compose.yml').errors.length > 0);
});

function tmpTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ctx-'));
  fs.mkdirSync(path.join(dir, 'src/deep'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/a.js'), 'hello');
  fs.writeFileSync(path.join(dir, 'src/deep/b.txt'), 'abc');
  fs.writeFileSync(path.join(dir, 'node_modules/x/i.js'), '1234567');
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
  fs.symlinkSync('loop2', path.join(dir, 'loop1'));
  fs.symlinkSync('loop1', path.join(dir, 'loop2'));
  fs.symlinkSync('..', path.join(dir, 'src/up')); // a directory loop if followed
  fs.writeFileSync(path.join(dir, Buffer.concat([Buffer.from('bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]).toString('latin1')), 'x');
  // a name that is not UTF-8: write it through a Buffer path
  fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/raw-'), Buffer.from([0xe9]), Buffer.from('.bin')]), 'xyz');
  return dir;
}

test('real FS: symlink loops are not followed, non-UTF-8 names are sized, CLI JSON contract', async () => {
  const dir = tmpTree();
  try {
    const s = scanContext(nodeFileSystem, { root: dir }).summary({ list: true });
    const paths = s.files!.map((f) => f.path);
    assert.ok(paths.includes('loop1') && paths.includes('src/up'));
    assert.ok(!paths.some((p) => p.startsWith('src/up/')));
    const raw = s.files!.find((f) => f.path.startsWith('raw-'))!;
    assert.equal(raw.size, 3, 'lstat of a non-UTF-8 name works');
    assert.equal(raw.path, 'raw-\udce9.bin');
    assert.deepEqual(s.errors, []);

    let out = '';
    let err = '';
    const code = await runContextCommand(['--format', 'json', '--list', dir], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    assert.equal(code, 0, err);
    const j = JSON.parse(out);
    for (const k of ['root', 'ignoreFile', 'includedFiles', 'includedBytes', 'excludedFiles', 'excludedBytes', 'files']) assert.ok(k in j, k);
    assert.equal(j.root, fs.realpathSync(dir));
    assert.equal(j.ignoreFile, path.join(fs.realpathSync(dir), '.dockerignore'));
    assert.equal(j.includedFiles, j.files.length);
    assert.equal(j.excludedFiles, 1);
    assert.equal(j.excludedBytes, 7);
    for (const f of j.files as { path: string; size: number }[]) {
      if (f.path.includes('\udce9')) continue;
      assert.equal(f.size, fs.lstatSync(path.join(dir, f.path)).size, f.path);
      assert.ok(!f.path.includes('\\') && !path.isAbsolute(f.path));
    }
    assert.equal(j.includedBytes, (j.files as { size: number }[]).reduce((a, f) => a + f.size, 0));

    out = '';
    assert.equal(await runContextCommand(['context', dir], { stdout: (t) => (out += t), stderr: () => {} }), 0);
    assert.match(out, /included: \d+ files/);
    assert.equal(await runContextCommand(['--format', 'yaml', dir], { stdout: () => {}, stderr: () => {} }), 2);
    assert.equal(await runContextCommand([path.join(dir, 'missing')], { stdout: () => {}, stderr: () => {} }), 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('worker: scanInWorker gives the same summary, a partial one first, and answers COPY queries', async () => {
  const dir = tmpTree();
  const w = new ContextWorker();
  try {
    const partials: ContextSummary[] = [];
    const s = await w.scan({ root: dir, key: 'k' }, { onPartial: (p) => partials.push(p) });
    const local = scanContext(nodeFileSystem, { root: dir }).summary();
    assert.deepEqual(numbers(s), numbers(local));
    assert.equal(partials.length, 1);
    assert.equal(partials[0].includedBytes, s.includedBytes);
    const copies = await w.copySources('k', ['src/*.js', 'node_modules']);
    assert.equal(copies![0].files, 1);
    assert.equal(copies![1].status, 'excluded');
    fs.writeFileSync(path.join(dir, 'src/c.js'), '12345678');
    const after = await w.changes('k', [{ path: path.join(fs.realpathSync(dir), 'src/c.js'), type: 'created' }]);
    assert.equal(after!.includedBytes, s.includedBytes + 8);
    const cancelled = await w.scan({ root: dir, key: 'c' }, { token: { isCancellationRequested: true } });
    assert.equal(cancelled.cancelled, true);
  } finally {
    await w.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
