#!/usr/bin/env node
// npm run package: production build (minified, no source maps) → dockwise-<version>.vsix with
// @vscode/vsce 3 (4.x needs Node 22). Fails on any vsce warning, on a .vsix ≥ 2 MB, on files
// outside the allowed set, or on an untranslated client string (l10n/bundle.l10n.ko.json).
// usage: node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const outIdx = process.argv.indexOf('--out');
const out = path.resolve(outIdx > 0 ? process.argv[outIdx + 1] : `${pkg.name}-${pkg.version}.vsix`);
const MAX = 2 * 1024 * 1024;
const fail = msg => { console.error(`[package] ${msg}`); process.exit(1); };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, text: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};

// 1. every vscode.l10n.t('…') string of the client has a Korean translation
const used = new Set();
for (const f of fs.readdirSync('client/src').filter(f => f.endsWith('.ts'))) {
  for (const m of fs.readFileSync(path.join('client/src', f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
}
const ko = JSON.parse(fs.readFileSync('l10n/bundle.l10n.ko.json', 'utf8'));
const missing = [...used].filter(s => !(s in ko));
if (missing.length) fail(`untranslated in l10n/bundle.l10n.ko.json: ${JSON.stringify(missing)}`);
const nls = JSON.parse(fs.readFileSync('package.nls.json', 'utf8'));
const nlsKo = JSON.parse(fs.readFileSync('package.nls.ko.json', 'utf8'));
const nlsMissing = Object.keys(nls).filter(k => !(k in nlsKo));
if (nlsMissing.length) fail(`untranslated in package.nls.ko.json: ${nlsMissing.join(', ')}`);

// 2. production bundle
let r = run('npm', ['run', '--silent', 'build', '--', '--production']);
if (r.status !== 0) fail(`build failed:\n${r.text}`);
for (const f of ['dist/extension.js', 'dist/server.js']) if (!fs.existsSync(f)) fail(`missing ${f}`);

// 3. vsce
const vsce = path.join('node_modules', '.bin', 'vsce');
r = run(vsce, ['ls', '--no-dependencies']);
if (r.status !== 0) fail(`vsce ls failed:\n${r.text}`);
const listed = r.text.split('\n').map(s => s.trim()).filter(Boolean);
const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|l10n\/[^/]+\.json|dist\/(extension|server|scanWorker)\.js|syntaxes\/[^/]+\.json|README\.md|LICENSE(\.txt)?|icon\.png)$/;
const extra = listed.filter(f => !allowed.test(f) && !/^WARNING|^INFO/.test(f));
if (extra.length) fail(`unexpected files in the package: ${extra.join(', ')}`);
fs.rmSync(out, { force: true });
// README.md links relative to the repository (ARCHITECTURE.md, …): vsce only derives their base
// for GitHub/GitLab URLs, so give it one from package.json's repository field.
const repoUrl = String(pkg.repository?.url ?? pkg.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
const base = repoUrl ? ['--baseContentUrl', `${repoUrl}/blob/main`, '--baseImagesUrl', `${repoUrl}/raw/main`] : [];
r = run(vsce, ['package', '--no-dependencies', ...base, '-o', out]);
process.stdout.write(r.text);
if (r.status !== 0) fail('vsce package failed');
if (/WARNING/i.test(r.text)) fail('vsce printed a warning (see above)');
const size = fs.statSync(out).size;
if (size >= MAX) fail(`${out} is ${size} bytes (limit ${MAX})`);
console.log(`[package] ${path.relative(root, out)}: ${(size / 1024).toFixed(1)} KiB, ${listed.length} files`);
