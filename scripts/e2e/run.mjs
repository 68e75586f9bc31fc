#!/usr/bin/env node
// npm run test:e2e — the whole real-editor stage:
//   setup (apt + code-server/playwright-core/mocha into $E2E_DIR, idempotent) → npm run package
//   → generated example workspace (scratch copy) → CLI reference data → VS Code server with the
//   .vsix installed → mocha suite in the extension host → Playwright UI checks with screenshots.
// Prints "N passed, N failed" last; exit code 1 on any failure. Env: E2E_SKIP_SETUP=1, E2E_PORT.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, E2E_DIR, STATE, ARTIFACTS } from './lib.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = msg => console.log(`[e2e] ${secs()} ${msg}`);
let passed = 0, failed = 0;
const counts = text => {
  const m = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return m ? { p: +m[1], f: +m[2] } : null;
};
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}
function runCaptured(cmd, args, env) {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { cwd: REPO, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', d => { out += d; process.stdout.write(d); });
    child.stderr.on('data', d => { out += d; process.stderr.write(d); });
    child.on('close', code => resolve({ code, out }));
  });
}

const env = { E2E_DIR, E2E_STATE: STATE };
fs.rmSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true, force: true }); // no stale screenshots
let serverStarted = false;
try {
  if (!process.env.E2E_SKIP_SETUP) { sh('bash', ['scripts/e2e/setup.sh'], { env: { ...process.env, ...env } }); say('setup done'); }

  const vsixPath = path.join(E2E_DIR, 'dockwise-e2e.vsix');
  sh(process.execPath, ['scripts/package.mjs', '--out', vsixPath]);
  say('packaged');

  // a scratch copy of the example workspace, with its generated large tree
  sh(process.execPath, ['scripts/e2e/gen-workspace.mjs']);
  const ws = path.join(E2E_DIR, 'ws', 'workspace');
  fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(ws), { recursive: true });
  fs.cpSync(path.join(REPO, 'examples', 'workspace'), ws, { recursive: true });
  fs.rmSync(path.join(ws, 'node_modules', '.dockwise-generated'), { force: true });

  // reference data for the Build Context test: the CLI on the same workspace
  const cliJson = path.join(E2E_DIR, 'cli-context.json');
  const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'context', '--format', 'json', ws], { encoding: 'utf8' });
  let cliOk = cli.status === 0;
  if (cliOk) { try { JSON.parse(cli.stdout); } catch { cliOk = false; } }
  fs.writeFileSync(cliJson, cliOk ? cli.stdout : JSON.stringify({ error: `exit ${cli.status}: ${(cli.stderr || cli.stdout).trim().slice(0, 300)}` }));
  say(`workspace ready; CLI context ${cliOk ? 'ok' : 'FAILED: ' + (cli.stderr || '').trim().split('\n')[0]}`);

  const extLog = path.join(E2E_DIR, 'ext-tests.log');
  const serverEnv = {
    ...env, VSIX: vsixPath, EXT_TEST_LOG: extLog,
    DOCKWISE_E2E_DIR: E2E_DIR, DOCKWISE_E2E_WS: ws, DOCKWISE_E2E_CLI_JSON: cliJson,
  };
  sh('bash', ['scripts/e2e/start-server.sh', ws], { env: { ...process.env, ...serverEnv } });
  serverStarted = true;
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const extDir = path.join(STATE, 'extensions', `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!fs.existsSync(path.join(extDir, 'package.json'))) throw new Error(`the .vsix was not installed at ${extDir}`);
  say('server up, extension installed');

  const ext = await runCaptured(process.execPath, ['scripts/e2e/ext-tests.mjs', ws, extDir], serverEnv);
  const ec = counts(ext.out) ?? { p: 0, f: 1 };
  if (ext.code !== 0 && ec.f === 0) ec.f = 1; // crashed before reporting
  passed += ec.p; failed += ec.f;
  say(`extension-host tests: ${ec.p} passed, ${ec.f} failed`);

  const ui = await runCaptured(process.execPath, ['scripts/e2e/ui.mjs', ws], serverEnv);
  const uc = counts(ui.out) ?? { p: 0, f: 1 };
  if (ui.code !== 0 && uc.f === 0) uc.f = 1;
  passed += uc.p; failed += uc.f;
  say(`UI checks: ${uc.p} passed, ${uc.f} failed (screenshots in ${path.relative(REPO, path.join(ARTIFACTS, 'screenshots'))}/)`);
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  failed++;
} finally {
  if (serverStarted) spawnSync('bash', ['scripts/e2e/stop-server.sh'], { cwd: REPO, env: { ...process.env, ...env }, stdio: 'inherit' });
}
say('done');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
