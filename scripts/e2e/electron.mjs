#!/usr/bin/env node
// npm run test:e2e:electron — the same mocha suite (test/e2e/suite) in a desktop VS Code via
// @vscode/test-electron. It downloads VS Code from update.code.visualstudio.com, which is not
// reachable on the team's machines (the download fails with ENOTFOUND; use `npm run test:e2e`
// there). Where a download works, this is the standard desktop run.
// Env: VSCODE_VERSION (default 1.100.3, matching the VS Code server used by test:e2e).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, E2E_DIR } from './lib.mjs';

const require = createRequire(import.meta.url);
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
const version = process.env.VSCODE_VERSION || '1.100.3';

const r = spawnSync(process.execPath, ['scripts/package.mjs', '--out', path.join(os.tmpdir(), 'dockwise-electron.vsix')], { cwd: REPO, stdio: 'inherit' });
if (r.status !== 0) process.exit(1);
spawnSync(process.execPath, ['scripts/e2e/gen-workspace.mjs'], { cwd: REPO, stdio: 'inherit' });
const ws = path.join(REPO, 'examples', 'workspace');
const cliJson = path.join(os.tmpdir(), 'dockwise-cli-context.json');
const cli = spawnSync(process.execPath, ['dist/cli.js', 'context', '--format', 'json', ws], { cwd: REPO, encoding: 'utf8' });
fs.writeFileSync(cliJson, cli.status === 0 ? cli.stdout : JSON.stringify({ error: (cli.stderr || '').trim() }));
const log = path.join(os.tmpdir(), 'dockwise-electron-tests.log');

let code = 1;
try {
  const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test/e2e/suite/index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { EXT_TEST_LOG: log, DOCKWISE_E2E_DIR: E2E_DIR, DOCKWISE_E2E_WS: ws, DOCKWISE_E2E_CLI_JSON: cliJson },
  });
} catch (e) {
  console.error(`[test:e2e:electron] ${e.message ?? e}`);
}
if (fs.existsSync(log)) process.stdout.write(fs.readFileSync(log, 'utf8'));
else console.log('0 passed, 1 failed');
process.exit(code === 0 ? 0 : 1);
