#!/usr/bin/env node
// Generates the "large-ish tree" of examples/workspace (kept out of git, see its .gitignore):
// ~1,500 files in node_modules/ and logs (excluded by .dockerignore), ~330 generated sources and
// images (included), a few large raw assets (excluded, with one `!` exception).
// Deterministic (same bytes every run) and idempotent. usage: gen-workspace.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples/workspace'));
const VERSION = '1';
const marker = path.join(root, 'node_modules', '.dockwise-generated');
if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === VERSION) {
  console.log(`[gen-workspace] up to date: ${root}`);
  process.exit(0);
}

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const text = (n, prefix) => {
  let s = prefix;
  while (s.length < n) s += `// ${Math.floor(rand() * 1e9).toString(36)} lorem ipsum dolor sit amet\n`;
  return s.slice(0, n);
};
const bytes = n => { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 0xff; return b; };
let files = 0;
const write = (rel, data) => {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  files++;
};

for (const dir of ['node_modules', 'dist', 'assets', 'src/generated', 'logs']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });

for (let p = 0; p < 60; p++) {
  const name = `pkg-${String(p).padStart(2, '0')}`;
  write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: `1.${p}.0`, main: 'index.js' }, null, 2));
  for (let f = 0; f < 24; f++) write(`node_modules/${name}/lib/file${f}.js`, text(500 + Math.floor(rand() * 3000), `// ${name} ${f}\n`));
}
for (let m = 0; m < 300; m++) write(`src/generated/module${String(m).padStart(3, '0')}.js`, text(800 + Math.floor(rand() * 2000), `// generated module ${m}\nexports.id = ${m};\n`));
for (let i = 0; i < 30; i++) write(`assets/img/sprite${i}.png`, bytes(10_000 + i * 1_000));
for (let i = 0; i < 4; i++) write(`assets/raw/capture${i}.bin`, bytes(250_000 * (i + 1)));
write('assets/raw/README.md', '# Raw assets\n\nLarge captures, excluded from the build context except this file.\n');
write('dist/server.js', text(4000, '// stale local build output\n'));
write('logs/app.log', text(50_000, 'log line\n'));
write('src/lib/debug.log', text(5_000, 'debug\n'));
fs.writeFileSync(marker, VERSION);
console.log(`[gen-workspace] wrote ${files} files under ${root}`);
