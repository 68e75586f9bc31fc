// Loaded by the workbench's Node extension host (extensionTestsPath). Runs extension.test.js with
// mocha (installed by scripts/e2e/setup.sh in $DOCKWISE_E2E_DIR, not a project dependency) and
// writes the spec report to $EXT_TEST_LOG: the extension host's console.log is neither forwarded
// to the runner's stdout nor reassignable, so mocha's Base.consoleLog is pointed at the file.
const path = require('path');
const fs = require('fs');
const os = require('os');
const util = require('util');

exports.run = function run() {
  const logFile = process.env.EXT_TEST_LOG || path.join(os.tmpdir(), 'dockwise-ext-tests.log');
  fs.writeFileSync(logFile, '');
  const log = (...args) => fs.appendFileSync(logFile, util.format(...args) + '\n');
  let Mocha;
  try {
    Mocha = require(path.join(process.env.DOCKWISE_E2E_DIR || '', 'node_modules', 'mocha'));
  } catch (e) {
    log(`cannot load mocha from DOCKWISE_E2E_DIR=${process.env.DOCKWISE_E2E_DIR}: ${e.message}`);
    log('0 passed, 1 failed');
    return Promise.reject(e);
  }
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const s = runner.stats || {};
      log(`${s.passes ?? 0} passed, ${s.failures ?? failures} failed`);
      failures ? reject(new Error(`${failures} tests failed`)) : resolve();
    });
  });
};
