// Dockwise in a real VS Code (the VS Code server's Node extension host, real `vscode` API).
// Environment (inherited from the server, set by scripts/e2e/run.mjs):
//   DOCKWISE_E2E_WS        the example workspace (a scratch copy of examples/workspace)
//   DOCKWISE_E2E_CLI_JSON  `node dist/cli.js context --format json <ws>` output, or {"error": …}
// Every wait is a poll with a deadline; there are no fixed sleeps.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const util = require('util');

const WS = process.env.DOCKWISE_E2E_WS;
/** Adds an indented line to the report (printed just before the test's ✔/✖ line). */
const note = (...a) => process.env.EXT_TEST_LOG && fs.appendFileSync(process.env.EXT_TEST_LOG, `      · ${util.format(...a)}\n`);
const EXT_ID = 'dockwise.dockwise';

async function until(what, fn, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { const v = await fn(); if (v) return v; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise(r => setTimeout(r, 100));
  }
}
const codeOf = d => (typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code));
const dockwiseDiags = uri => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'dockwise');
const hoverText = hovers => hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
const scratch = [];
async function untitled(content) {
  const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(doc);
  scratch.push(doc);
  return doc;
}
/** Reverts and closes the untitled documents, so the workbench does not restore them later. */
async function closeScratch() {
  for (const doc of scratch.splice(0)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('Dockwise in a real VS Code extension host', function () {
  let api;
  const dockerfile = () => vscode.Uri.file(path.join(WS, 'Dockerfile'));
  after(closeScratch);

  before(async function () {
    assert.ok(WS && fs.existsSync(path.join(WS, 'Dockerfile')), `DOCKWISE_E2E_WS=${WS} has a Dockerfile`);
    // VS Code's word-based suggestions would offer "--from" from any open Dockerfile: only the
    // language server's items must count.
    await vscode.workspace.getConfiguration('editor').update('wordBasedSuggestions', 'off', vscode.ConfigurationTarget.Global);
  });

  it('activates and starts the bundled language server', async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is installed`);
    api = await ext.activate();
    assert.ok(ext.isActive);
    await api.ready;
    assert.equal(api.client.isRunning(), true);
  });

  it('assigns the dockerfile and dockerignore languages', async function () {
    const doc = await vscode.workspace.openTextDocument(dockerfile());
    assert.equal(doc.languageId, 'dockerfile');
    const ignore = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WS, '.dockerignore')));
    assert.equal(ignore.languageId, 'dockerignore');
  });

  it('publishes diagnostics with DFnnn codes for the example Dockerfile', async function () {
    const doc = await vscode.workspace.openTextDocument(dockerfile());
    await vscode.window.showTextDocument(doc);
    const diags = await until('dockwise diagnostics', () => { const d = dockwiseDiags(doc.uri); return d.length ? d : null; });
    for (const d of diags) assert.match(codeOf(d), /^DF\d{3}$/, `code of "${d.message}"`);
    const codes = new Set(diags.map(codeOf));
    note('codes: %s', [...codes].sort().join(' '));
    // the example's deliberate problems (docs/rules.md): DF051 json-args-recommended (shell-form CMD)
    // and DF077 consecutive-run
    const cmdLine = doc.getText().split('\n').findIndex(l => l.startsWith('CMD node'));
    const runLine = doc.getText().split('\n').findIndex(l => l.startsWith('RUN apt-get update'));
    assert.ok(codes.has('DF051') && diags.some(d => codeOf(d) === 'DF051' && d.range.start.line === cmdLine),
      `DF051 on line ${cmdLine + 1}; got ${[...codes].join(', ')}`);
    assert.ok(codes.has('DF077') && diags.some(d => codeOf(d) === 'DF077' && d.range.start.line >= runLine),
      `DF077 at/after line ${runLine + 1}; got ${[...codes].join(', ')}`);
  });

  it('hover on CMD shows the CMD/ENTRYPOINT interaction table', async function () {
    const doc = await vscode.workspace.openTextDocument(dockerfile());
    const line = doc.getText().split('\n').findIndex(l => l.startsWith('CMD'));
    const pos = new vscode.Position(line, 1);
    const text = await until('a hover on CMD', async () => {
      const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos) ?? []);
      return t.includes('ENTRYPOINT') ? t : null;
    });
    note('hover: %s', text.replace(/\s+/g, ' ').slice(0, 100));
    assert.match(text, /\|.*ENTRYPOINT.*\|/, 'a markdown table row mentioning ENTRYPOINT');
    assert.match(text, /^\s*\|(\s*:?-+:?\s*\|)+\s*$/m, 'a markdown table delimiter row (GFM)');
    // a cell of Docker's "Understand how CMD and ENTRYPOINT interact" table
    // (https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact)
    assert.match(text, /exec_entry p1_entry exec_cmd p1_cmd/, 'the exec ENTRYPOINT + exec CMD cell');
  });

  it('completion after "COPY --" offers --from', async function () {
    const doc = await untitled('FROM alpine:3.20 AS build\nRUN echo hi\n\nFROM alpine:3.20\nCOPY --');
    const pos = new vscode.Position(4, 7);
    const labels = await until('completion items with --from', async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      const ls = (list?.items ?? []).map(i => (typeof i.label === 'string' ? i.label : i.label.label));
      return ls.some(l => /^--from\b/.test(l)) ? ls : null;
    });
    note('completion labels: %s', labels.slice(0, 12).join(' '));
    assert.ok(labels.some(l => /^--from\b/.test(l)), JSON.stringify(labels));
  });

  it('the "Merge consecutive RUN instructions" quick fix edits the document', async function () {
    const doc = await untitled('FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\nCMD ["curl", "--version"]\n');
    const diag = await until('DF077 on the untitled document', () => dockwiseDiags(doc.uri).find(d => codeOf(d) === 'DF077'));
    const actions = await until('a merge quick fix', async () => {
      const as = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value) ?? [];
      return as.some(a => /merge/i.test(a.title)) ? as : null;
    });
    const merge = actions.find(a => /merge/i.test(a.title));
    assert.match(merge.title, /Merge consecutive RUN instructions/);
    assert.ok(merge.edit, 'the quick fix carries a workspace edit');
    assert.equal(await vscode.workspace.applyEdit(merge.edit), true);
    const text = doc.getText();
    assert.equal((text.match(/^RUN /gm) ?? []).length, 1, text);
    assert.match(text, /apt-get update[\s\S]*&&[\s\S]*apt-get install -y curl/, text);
  });

  it('"Dockwise: Fix All" applies the fixes of an untitled document', async function () {
    const doc = await untitled('FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\n');
    await until('diagnostics on the fix-all document', () => dockwiseDiags(doc.uri).length > 0);
    const before = doc.getText();
    const applied = await vscode.commands.executeCommand('dockwise.fixAll');
    assert.ok(applied > 0, `applied ${applied}`);
    assert.notEqual(doc.getText(), before);
  });

  it('the Build Context view explains that untitled (non-file) Dockerfiles have no context', async function () {
    const doc = await untitled('FROM alpine:3.20\n');
    const summary = await api.contextView.refresh(doc.uri);
    assert.equal(summary, undefined);
    assert.match(api.contextView.message ?? '', /local file system/);
    assert.deepEqual(api.contextView.snapshot(), []);
  });

  describe('Build Context view', function () {
    let cli;
    before(function () {
      const file = process.env.DOCKWISE_E2E_CLI_JSON;
      cli = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.ok(!cli.error, `dockwise context CLI failed: ${cli.error}`);
    });

    it('its data matches `dockwise context --format json` for the example workspace', async function () {
      // the view follows the active editor: make the example's Dockerfile active (earlier tests
      // left untitled Dockerfiles open, for which the view explains that it needs a local file)
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile()));
      const summary = await until('a context summary', () => api.contextView.refresh(dockerfile()), 60000);
      for (const k of ['includedFiles', 'includedBytes', 'excludedFiles', 'excludedBytes']) {
        assert.equal(summary[k], cli[k], `${k}: view ${summary[k]} vs CLI ${cli[k]}`);
      }
      assert.ok(summary.includedFiles > 300 && summary.excludedFiles > 1000, `sizes look like the generated tree: ${summary.includedFiles}/${summary.excludedFiles}`);
      assert.deepEqual(summary.patterns.map(p => [p.line, p.pattern, p.files, p.bytes]), cli.patterns.map(p => [p.line, p.pattern, p.files, p.bytes]));
      assert.deepEqual(summary.largestFiles.map(f => f.path), cli.largestFiles.map(f => f.path));
      // what the tree shows
      const snap = api.contextView.snapshot();
      assert.match(snap[0].label, new RegExp(`${cli.includedFiles.toLocaleString('en-US')} files`), snap[0].label);
      const excluded = snap.find(n => /dockerignore/.test(n.label));
      assert.ok(excluded, JSON.stringify(snap.map(n => n.label)));
      const nm = excluded.children.find(c => c.label === 'node_modules');
      assert.ok(nm && nm.command && nm.command.target.endsWith('.dockerignore') && typeof nm.command.line === 'number',
        `node_modules pattern opens the .dockerignore line: ${JSON.stringify(nm)}`);
      assert.match(api.statusBarText() ?? '', /\d/, 'status bar shows the size');
    });

    it('refreshes live when a file is added to the context', async function () {
      const before = (await api.contextView.refresh(dockerfile())).includedFiles;
      const extra = path.join(WS, 'src', `e2e-live-${Date.now()}.txt`);
      fs.writeFileSync(extra, 'x'.repeat(1234));
      try {
        await until('the view to count the new file', () => api.contextView.summary?.includedFiles === before + 1, 20000);
      } finally {
        fs.rmSync(extra, { force: true });
      }
      await until('the view to drop the deleted file', () => api.contextView.summary?.includedFiles === before, 20000);
    });

    it('"Show Build Context Report" opens the JSON report', async function () {
      const doc = await vscode.commands.executeCommand('dockwise.showContextReport', 'json');
      assert.ok(doc, 'a document was opened');
      const report = JSON.parse(doc.getText());
      assert.equal(report.includedFiles, cli.includedFiles);
    });
  });
});
