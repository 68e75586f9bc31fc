// Dockwise VS Code extension: starts the bundled language server (dist/server.js) over IPC and adds
// the Build Context view, its status bar item and the commands. The only code that imports `vscode`.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { serverNodeFlags } from '../../protocol/nodeFlags';
import { BuildContextProvider, ViewSnapshot } from './contextView';
import { ContextChangedNotification, ContextSummary, ContextSummaryMethod, ContextSummaryParams } from './contextTypes';
import type { ContextSummaryResult } from '../../protocol/context';

/** The protocol's summary (0-based pattern lines, `text`) in the view's shape (1-based lines, as the CLI prints them). */
function toViewSummary(r: ContextSummaryResult): ContextSummary {
  return {
    ...(r as unknown as ContextSummary),
    largestDirectories: r.largestDirs ?? [],
    largestFiles: (r.largestFiles ?? []).map((f) => ({ path: f.path, bytes: f.size })),
    patterns: (r.patterns ?? []).map((p) => ({ line: p.line + 1, pattern: p.text, files: p.files, bytes: p.bytes, examples: p.examples })),
    errors: (r.errors ?? []).map((e) => ({ path: e.path, message: e.message })),
  };
}
import { formatBytes, formatCount, markdownReport } from './format';

export const VIEW_ID = 'dockwise.buildContext';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('dockwise');

/** What `activate` returns (`vscode.extensions.getExtension('dockwise.dockwise').exports`). */
export interface DockwiseApi {
  readonly client: LanguageClient;
  /** Resolves once the language server has initialised. */
  readonly ready: Promise<void>;
  getContextSummary(uri: vscode.Uri, list?: boolean): Promise<ContextSummary | undefined>;
  readonly contextView: {
    refresh(uri?: vscode.Uri): Promise<ContextSummary | undefined>;
    snapshot(): ViewSnapshot[];
    readonly summary: ContextSummary | undefined;
    readonly dockerfile: vscode.Uri | undefined;
    readonly message: string | undefined;
  };
  statusBarText(): string | undefined;
}

let client: LanguageClient | undefined;

function isDockerfile(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'dockerfile';
}

export function activate(context: vscode.ExtensionContext): DockwiseApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // stdio rather than node IPC: over stdio the server sends diagnostics as cached JSON text
    // (no serialisation of every diagnostic per keystroke; see server/src/main.ts).
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: serverNodeFlags() } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(watcher);
  const config = vscode.workspace.getConfiguration('dockwise');
  const clientOptions: LanguageClientOptions = {
    // Any scheme: diagnostics, hover and completion only need the text, so virtual workspaces
    // (vscode-vfs://, untitled:) get them too; only the build context needs a local folder.
    documentSelector: [{ language: 'dockerfile' }, { language: 'dockerignore' }],
    synchronize: { configurationSection: 'dockwise', fileEvents: watcher },
    initializationOptions: {
      locale: config.get<string>('locale', 'auto'),
      displayLanguage: vscode.env.language,
      settings: JSON.parse(JSON.stringify(config)) as unknown, // plain values of the `dockwise` section
    },
    outputChannelName: 'Dockwise',
  };
  client = new LanguageClient('dockwise', 'Dockwise', serverOptions, clientOptions);
  const lc = client;
  const ready = lc.start();
  ready.catch(e => void vscode.window.showErrorMessage(vscode.l10n.t('Dockwise language server failed to start: {0}', String(e))));

  const getContextSummary = async (uri: vscode.Uri, list = false): Promise<ContextSummary | undefined> => {
    await ready;
    const params: ContextSummaryParams = { uri: lc.code2ProtocolConverter.asUri(uri), list };
    const r = await lc.sendRequest<ContextSummaryResult | null>(ContextSummaryMethod, params);
    return r ? toViewSummary(r) : undefined;
  };

  // ---- Build Context view + status bar -------------------------------------------------------
  const provider = new BuildContextProvider(uri => getContextSummary(uri));
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('dockwise.contextSize', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Dockwise build context');
  status.command = `${VIEW_ID}.focus`;
  context.subscriptions.push(view, status);
  void vscode.commands.executeCommand('setContext', 'dockwise.active', true);

  provider.onDidUpdate(s => {
    view.message = provider.message;
    if (s && provider.dockerfile) {
      const name = provider.dockerfile.path.split('/').pop();
      status.text = `$(package) ${formatBytes(s.includedBytes)}`;
      status.tooltip = vscode.l10n.t('Build context of {0}: {1} files, {2}. Click to show the Build Context view.',
        name ?? '', formatCount(s.includedFiles), formatBytes(s.includedBytes));
      status.show();
    } else {
      status.hide();
    }
  });

  let lastDockerfile: vscode.Uri | undefined;
  const currentDockerfile = async (): Promise<vscode.Uri | undefined> => {
    const active = vscode.window.activeTextEditor?.document;
    if (isDockerfile(active)) return active.uri; // may be untitled: the view then explains why it is empty
    if (lastDockerfile) return lastDockerfile;
    const visible = vscode.window.visibleTextEditors.map(e => e.document).find(d => isDockerfile(d) && d.uri.scheme === 'file');
    if (visible) return (lastDockerfile = visible.uri);
    const found = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.dockerfile,*.Dockerfile}', '**/node_modules/**', 1);
    return (lastDockerfile = found[0]);
  };
  const refresh = async (uri?: vscode.Uri) => {
    const target = uri ?? (await currentDockerfile());
    if (target?.scheme === 'file') lastDockerfile = target;
    return provider.refresh(target);
  };

  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void refresh(); }, 300);
  };
  context.subscriptions.push(
    { dispose: () => timer && clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(e => {
      const doc = e?.document;
      if (isDockerfile(doc) && doc.uri.toString() !== provider.dockerfile?.toString()) void refresh(doc.uri);
    }),
    watcher.onDidCreate(refreshSoon), watcher.onDidDelete(refreshSoon), watcher.onDidChange(refreshSoon),
    vscode.workspace.onDidSaveTextDocument(d => { if (d.languageId === 'dockerfile' || /\.dockerignore$/.test(d.uri.path)) refreshSoon(); }),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('dockwise')) refreshSoon(); }),
  );
  ready.then(() => {
    context.subscriptions.push(lc.onNotification(ContextChangedNotification, () => refreshSoon()));
    return refresh();
  }).catch(() => undefined);

  // ---- commands ------------------------------------------------------------------------------
  context.subscriptions.push(
    vscode.commands.registerCommand('dockwise.refreshContext', () => refresh()),
    vscode.commands.registerCommand('dockwise.showContextReport', (format?: 'markdown' | 'json') => showReport(format)),
    vscode.commands.registerCommand('dockwise.fixAll', () => fixAll()),
  );

  async function showReport(format?: 'markdown' | 'json'): Promise<vscode.TextDocument | undefined> {
    let dockerfile = await currentDockerfile();
    if (dockerfile?.scheme !== 'file') dockerfile = lastDockerfile;
    if (!dockerfile || dockerfile.scheme !== 'file') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Dockerfile to see its build context.'));
      return undefined;
    }
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [{ label: vscode.l10n.t('Markdown'), format: 'markdown' as const }, { label: 'JSON', format: 'json' as const }],
        { placeHolder: vscode.l10n.t('Report format') });
      if (!pick) return undefined;
      format = pick.format;
    }
    const summary = await getContextSummary(dockerfile, true);
    if (!summary) return undefined;
    const content = format === 'json'
      ? JSON.stringify(summary, null, 2)
      : markdownReport(vscode.workspace.asRelativePath(dockerfile), summary, {
          title: vscode.l10n.t('Build context'), root: vscode.l10n.t('Context root'), ignoreFile: vscode.l10n.t('Ignore file'),
          none: vscode.l10n.t('none'), included: vscode.l10n.t('Sent to the builder'), excluded: vscode.l10n.t('Excluded'),
          largestDirectories: vscode.l10n.t('Largest directories'), largestFiles: vscode.l10n.t('Largest files'),
          patterns: vscode.l10n.t('Excluded by pattern'), errors: vscode.l10n.t('Errors'), filesHeader: vscode.l10n.t('Files'),
          sizeHeader: vscode.l10n.t('Size'), pathHeader: vscode.l10n.t('Path'), lineHeader: vscode.l10n.t('Line'),
          patternHeader: vscode.l10n.t('Pattern'), examplesHeader: vscode.l10n.t('Examples'),
        });
    const doc = await vscode.workspace.openTextDocument({ content, language: format });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  /** Applies `source.fixAll.dockwise`; if the server offers none, applies preferred quick fixes one by one. */
  async function fixAll(): Promise<number> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDockerfile(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Dockerfile to fix its problems.'));
      return 0;
    }
    const doc = editor.document;
    const all = () => new vscode.Range(0, 0, doc.lineCount, 0);
    const fixAllActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, all(), FIX_ALL_KIND.value) ?? [];
    let applied = 0;
    for (const a of fixAllActions.filter(a => a.kind && FIX_ALL_KIND.contains(a.kind))) {
      if (a.edit && await vscode.workspace.applyEdit(a.edit)) applied++;
      if (a.command) { await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? [])); applied++; }
      break;
    }
    if (!applied) {
      // Fallback: one preferred dockwise quick fix at a time (edits shift ranges; re-query each time).
      for (let round = 0; round < 100; round++) {
        const diags = vscode.languages.getDiagnostics(doc.uri).filter(d => d.source === 'dockwise');
        let done = false;
        for (const d of diags) {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value) ?? [];
          const fix = actions.find(a => a.isPreferred && a.edit && a.diagnostics?.some(x => x.message === d.message));
          if (fix?.edit && await vscode.workspace.applyEdit(fix.edit)) { applied++; done = true; break; }
        }
        if (!done) break;
        await waitForDiagnostics(doc.uri, doc.version);
      }
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Dockwise: applied {0} fixes', applied), 4000);
    return applied;
  }

  return {
    client: lc,
    ready,
    getContextSummary,
    contextView: {
      refresh,
      snapshot: () => provider.snapshot(),
      get summary() { return provider.summary; },
      get dockerfile() { return provider.dockerfile; },
      get message() { return provider.message; },
    },
    statusBarText: () => (provider.summary ? status.text : undefined),
  };
}

/** Waits (bounded) until diagnostics for `uri` change after an edit. */
function waitForDiagnostics(uri: vscode.Uri, _version: number): Promise<void> {
  return new Promise(resolve => {
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) { sub.dispose(); clearTimeout(t); resolve(); }
    });
    const t = setTimeout(() => { sub.dispose(); resolve(); }, 2000);
  });
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
