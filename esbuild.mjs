// One script bundles every entry point: the VS Code client, the language server
// (also the `dockwise-language-server` bin), the context-scan worker and the CLI.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/context/scanWorker.ts'], outfile: 'dist/scanWorker.js', optional: true },
];

for (const b of builds) {
  const { optional, ...opts } = b;
  if (optional && !existsSync(opts.entryPoints[0])) continue;
  if (!existsSync(opts.entryPoints[0])) continue;
  const cfg = { ...common, ...opts };
  if (watch) {
    const ctx = await esbuild.context(cfg);
    await ctx.watch();
  } else {
    await esbuild.build(cfg);
  }
}
for (const f of ['dist/server.js', 'dist/cli.js']) if (existsSync(f)) chmodSync(f, 0o755);
