// Runs the mocha suite test/e2e/suite/index.js inside the workbench's Node extension host (real
// `vscode` API). The suite is started through the workbench URL payload (extensionDevelopmentPath,
// extensionTestsPath); the workbench calls window.codeAutomationExit(code) when run() settles.
// The extension host's console does not reach us: the suite writes its report to $EXT_TEST_LOG
// (the variable is inherited from the server's environment, see run.mjs).
// usage: node ext-tests.mjs WORKSPACE EXTENSION_DIR  → prints the report; exit 0 iff all passed.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl, REPO, STATE, ARTIFACTS } from './lib.mjs';

const [ws, extDir, timeoutS = '300'] = process.argv.slice(2);
const log = process.env.EXT_TEST_LOG || path.join(STATE, 'ext-tests.log');
fs.rmSync(log, { force: true });
const t0 = Date.now();
const { page, close } = await launchBrowser();
let exit;
const exited = new Promise(r => (exit = r));
await page.exposeFunction('codeAutomationExit', code => exit(code));
const consoleLines = [];
page.on('console', m => consoleLines.push(`[${m.type()}] ${m.text().replace(/%c|color: #[0-9a-f]+/g, '').trim()}`));
await page.goto(workbenchUrl(ws, [
  ['extensionDevelopmentPath', extDir],
  ['extensionTestsPath', path.join(REPO, 'test/e2e/suite/index.js')],
]));
const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), +timeoutS * 1000))]);
if (fs.existsSync(log)) process.stdout.write(fs.readFileSync(log, 'utf8'));
console.log(`[ext-tests] exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (code !== 0) {
  console.log('[ext-tests] last browser console lines:\n' + consoleLines.filter(l => !/gallery|vsda|marketplace|404|manifest|Service ?Worker|iframe|socket|connection token|ChatSession|Overwriting/i.test(l)).slice(-30).join('\n'));
  fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', 'ext-tests-failure.png') }).catch(() => {});
}
await close();
process.exit(code === 0 ? 0 : 1);
