// The Build Context view (Explorer): the build context of the active Dockerfile, as computed by
// the server's `dockwise/contextSummary` request.
import * as vscode from 'vscode';
import type { ContextSummary, SizeEntry, PatternSummary } from './contextTypes';
import { errorMessage, filesUnder, formatBytes, formatCount, resolveInRoot } from './format';

export type ContextNode =
  | { kind: 'total' }
  | { kind: 'group'; group: 'dirs' | 'files' | 'excluded' | 'errors' }
  | { kind: 'dir'; entry: SizeEntry }
  | { kind: 'file'; entry: SizeEntry }
  | { kind: 'pattern'; pattern: PatternSummary }
  | { kind: 'example'; path: string }
  | { kind: 'error'; message: string };

/** Plain snapshot of the rendered tree (what the user sees), exported for tests. */
export interface ViewSnapshot {
  label: string;
  description?: string;
  command?: { command: string; target?: string; line?: number };
  children?: ViewSnapshot[];
}

export type SummaryFetcher = (uri: vscode.Uri) => Promise<ContextSummary | undefined>;

export class BuildContextProvider implements vscode.TreeDataProvider<ContextNode> {
  private readonly changed = new vscode.EventEmitter<ContextNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<ContextSummary | undefined>();
  /** Fires after each refresh with the data now shown. */
  readonly onDidUpdate = this.updated.event;

  dockerfile: vscode.Uri | undefined;
  summary: ContextSummary | undefined;
  message: string | undefined;
  private generation = 0;

  constructor(private readonly fetch: SummaryFetcher) {}

  /** Re-query the server for `dockerfile` (or the current one). Concurrent calls: last one wins. */
  async refresh(dockerfile: vscode.Uri | undefined = this.dockerfile): Promise<ContextSummary | undefined> {
    const gen = ++this.generation;
    this.dockerfile = dockerfile;
    let summary: ContextSummary | undefined;
    let message: string | undefined;
    if (!dockerfile) {
      message = vscode.l10n.t('Open a Dockerfile to see its build context.');
    } else if (dockerfile.scheme !== 'file') {
      message = vscode.l10n.t('The build context is only available for Dockerfiles on the local file system.');
    } else {
      try {
        summary = await this.fetch(dockerfile);
        if (!summary) message = vscode.l10n.t('The language server is not ready yet.');
      } catch (e) {
        message = vscode.l10n.t('Could not compute the build context: {0}', e instanceof Error ? e.message : String(e));
      }
    }
    if (gen !== this.generation) return this.summary; // a newer refresh is in flight
    this.summary = summary;
    this.message = message;
    this.changed.fire(undefined);
    this.updated.fire(summary);
    return summary;
  }

  getChildren(node?: ContextNode): ContextNode[] {
    const s = this.summary;
    if (!s) return [];
    if (!node) {
      const top: ContextNode[] = [{ kind: 'total' }];
      if (s.largestDirectories.length) top.push({ kind: 'group', group: 'dirs' });
      if (s.largestFiles.length) top.push({ kind: 'group', group: 'files' });
      top.push({ kind: 'group', group: 'excluded' });
      if (s.errors.length) top.push({ kind: 'group', group: 'errors' });
      return top;
    }
    switch (node.kind) {
      case 'group':
        switch (node.group) {
          case 'dirs': return s.largestDirectories.map(entry => ({ kind: 'dir', entry }));
          case 'files': return s.largestFiles.map(entry => ({ kind: 'file', entry }));
          case 'excluded': return s.patterns.map(pattern => ({ kind: 'pattern', pattern }));
          case 'errors': return s.errors.map(e => ({ kind: 'error', message: errorMessage(e) }));
        }
        return [];
      case 'dir': return filesUnder(s.largestFiles, node.entry.path).map(entry => ({ kind: 'file', entry }));
      case 'pattern': return node.pattern.examples.map(path => ({ kind: 'example', path }));
      default: return [];
    }
  }

  getTreeItem(node: ContextNode): vscode.TreeItem {
    const s = this.summary!;
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    const size = (bytes: number, files?: number) =>
      files === undefined ? formatBytes(bytes) : vscode.l10n.t('{0} · {1} files', formatBytes(bytes), formatCount(files));
    switch (node.kind) {
      case 'total': {
        const item = new vscode.TreeItem(vscode.l10n.t('Build context: {0}', size(s.includedBytes, s.includedFiles)), None);
        item.iconPath = new vscode.ThemeIcon('package');
        item.description = s.root;
        item.tooltip = new vscode.MarkdownString(
          `${vscode.l10n.t('Context root')}: \`${s.root}\`\n\n${vscode.l10n.t('Ignore file')}: ${s.ignoreFile ? `\`${s.ignoreFile}\`` : vscode.l10n.t('none')}`);
        item.resourceUri = vscode.Uri.file(s.root);
        item.id = 'total';
        return item;
      }
      case 'group': {
        const labels = {
          dirs: vscode.l10n.t('Largest directories'),
          files: vscode.l10n.t('Largest files'),
          excluded: s.ignoreFile
            ? vscode.l10n.t('Excluded by .dockerignore: {0}', size(s.excludedBytes, s.excludedFiles))
            : vscode.l10n.t('No .dockerignore: nothing is excluded'),
          errors: vscode.l10n.t('Errors ({0})', s.errors.length),
        };
        const icons = { dirs: 'folder', files: 'files', excluded: 'exclude', errors: 'warning' };
        const expandable = node.group !== 'excluded' || s.patterns.length > 0;
        const item = new vscode.TreeItem(labels[node.group], expandable ? (node.group === 'errors' ? Expanded : Collapsed) : None);
        item.iconPath = new vscode.ThemeIcon(icons[node.group]);
        item.id = `group:${node.group}`;
        if (node.group === 'excluded' && s.ignoreFile) item.tooltip = resolveInRoot(s.root, s.ignoreFile);
        return item;
      }
      case 'dir': {
        const hasFiles = filesUnder(s.largestFiles, node.entry.path).length > 0;
        const item = new vscode.TreeItem(node.entry.path, hasFiles ? Collapsed : None);
        item.description = size(node.entry.bytes, node.entry.files);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = vscode.Uri.file(resolveInRoot(s.root, node.entry.path));
        item.id = `dir:${node.entry.path}`;
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.entry.path, None);
        item.description = size(node.entry.bytes);
        item.iconPath = vscode.ThemeIcon.File;
        const target = resolveInRoot(s.root, node.entry.path);
        item.resourceUri = vscode.Uri.file(target);
        item.command = openCommand(target);
        return item;
      }
      case 'pattern': {
        const p = node.pattern;
        const item = new vscode.TreeItem(p.pattern, p.examples.length ? Collapsed : None);
        item.description = `${vscode.l10n.t('line {0}', p.line)} · ${size(p.bytes, p.files)}`;
        item.iconPath = new vscode.ThemeIcon('filter');
        item.tooltip = vscode.l10n.t('Line {0} of {1} excludes {2} files ({3})', p.line, s.ignoreFile ?? '.dockerignore', formatCount(p.files), formatBytes(p.bytes));
        item.id = `pattern:${p.line}`;
        if (s.ignoreFile) item.command = openCommand(resolveInRoot(s.root, s.ignoreFile), Math.max(0, p.line - 1));
        return item;
      }
      case 'example': {
        const item = new vscode.TreeItem(node.path, None);
        const target = resolveInRoot(s.root, node.path);
        item.resourceUri = vscode.Uri.file(target);
        item.iconPath = vscode.ThemeIcon.File;
        item.command = openCommand(target);
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(node.message, None);
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
    }
  }

  /** The whole tree as plain data, expanded (used by the e2e tests and the JSON report). */
  snapshot(): ViewSnapshot[] {
    const walk = (node: ContextNode): ViewSnapshot => {
      const item = this.getTreeItem(node);
      const snap: ViewSnapshot = { label: typeof item.label === 'string' ? item.label : item.label?.label ?? '' };
      if (typeof item.description === 'string') snap.description = item.description;
      if (item.command) {
        const [uri, opts] = (item.command.arguments ?? []) as [vscode.Uri?, { selection?: vscode.Range }?];
        snap.command = { command: item.command.command, target: uri?.fsPath, line: opts?.selection?.start.line };
      }
      const kids = this.getChildren(node);
      if (kids.length) snap.children = kids.map(walk);
      return snap;
    };
    return this.getChildren().map(walk);
  }
}

function openCommand(fsPath: string, line?: number): vscode.Command {
  const args: unknown[] = [vscode.Uri.file(fsPath)];
  if (line !== undefined) args.push({ selection: new vscode.Range(line, 0, line, 0), preview: true });
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: args };
}
