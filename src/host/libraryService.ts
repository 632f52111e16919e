/**
 * The dialogue library as the extension sees it: the shipped folder, every workspace folder's `.interview/` packs
 * and the user's extra folders, loaded on first use, kept live by file watchers, with problems reported once.
 */
import * as vscode from 'vscode';
import type { Library } from '../core/library';
import type { Dialogue } from '../core/model';
import type { DialogueSource, LibraryLoader, LoadReport, SourceProblem } from '../core/libraryLoader';
import { SETTINGS_SECTION, Settings as SettingIds } from '../ids';
import type { Settings } from './settings';
import { uriExists, userFolderUri } from './paths';
import { readingInOneGo } from './workspaceFileSystem';

const RELOAD_DELAY_MS = 150;

export class LibraryService implements vscode.Disposable {
  /** Created with the parser's code (dist/lazy-library.js) on the first load, not at activation. */
  private loader: Promise<LibraryLoader> | undefined;
  private loaderMaxBytes: number;
  private loading: Promise<Library> | undefined;
  private latest: LoadReport | undefined;
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reportedProblems = new Set<string>();
  private readonly changed = new vscode.EventEmitter<LoadReport>();
  /** Fires after every load with the new library and its diagnostics. */
  readonly onDidLoad = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  /**
   * @param preparedIndex the shipped library's index prepared at build time (dist/library-index.json): its files are
   *   not parsed again when their bytes are the ones indexed.
   */
  constructor(
    private readonly shippedFolder: vscode.Uri,
    private readonly preparedIndex: vscode.Uri,
    private readonly settings: () => Settings,
    private readonly log: vscode.LogOutputChannel,
    /** Finished mock interviews' transcripts: a source once the folder exists, so they replay in the player. */
    private readonly sessionsFolder?: () => vscode.Uri,
  ) {
    this.loaderMaxBytes = settings().maxFileSize;
    this.subscriptions = [vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload())];
  }

  /** The library, loaded on first use (not at activation). */
  library(): Promise<Library> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** The whole dialogue (the library holds index entries only), read from its file now. */
  async full(dialogueId: string): Promise<Dialogue | undefined> {
    const entry = (await this.library()).dialogue(dialogueId);
    return entry && (await this.createdLoader()).full(entry);
  }

  /** Source-level problems of the last completed load (a missing folder, say). */
  lastProblems(): readonly SourceProblem[] {
    return this.latest?.problems ?? [];
  }

  reload(): Promise<Library> {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    this.loading = this.load();
    return this.loading;
  }

  /** Settings that change the sources or limits: reload, with a fresh cache if the size limit moved. */
  settingsChanged(): void {
    if (this.settings().maxFileSize !== this.loaderMaxBytes) {
      this.loaderMaxBytes = this.settings().maxFileSize;
      this.loader = undefined;
    }
    if (this.loading) void this.reload();
  }

  /** The tree needs index entries only; whole dialogues are read when a player opens them. */
  private createdLoader(): Promise<LibraryLoader> {
    this.loader ??= import('../lazy/library').then(({ LibraryLoader, preparedLookup }) => {
      const prepared =
        this.shippedFolder.scheme === 'file' && this.preparedIndex.scheme === 'file'
          ? preparedLookup(this.preparedIndex.fsPath, this.shippedFolder.fsPath, (file) => vscode.Uri.parse(file).fsPath)
          : undefined;
      return new LibraryLoader(readingInOneGo(this.shippedFolder), { maxBytes: this.loaderMaxBytes, limitHint: vscode.l10n.t('setting `{0}`', SettingIds.maxFileSize), indexOnly: true, prepared });
    });
    return this.loader;
  }

  private scheduleReload(): void {
    if (!this.loading) return; // nothing loaded yet: the first use loads everything anyway
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  private async load(): Promise<Library> {
    const started = Date.now();
    // The first load reads the shipped library while the workbench searches the workspace for packs (a search on
    // the server, tens of milliseconds); the full load below then finds those files unchanged in the loader's cache.
    const loader = await this.createdLoader();
    const shipped = this.latest ? undefined : loader.load([this.shippedSource()]).then(({ parsed }) => ({ parsed, ms: Date.now() - started }));
    const sources = await this.sources();
    const listed = Date.now();
    const early = await shipped;
    const resumed = Date.now();
    const report = await loader.load(sources);
    const done = Date.now();
    this.latest = report;
    // The benchmark reads this line (scripts/bench/vscode.mjs): keep its shape.
    const steps = `${early ? `shipped library ${early.ms} ms while ` : ''}finding workspace packs ${listed - started} ms, then ${done - resumed} ms`;
    this.log.info(`Loaded ${report.library.dialogues.length} dialogues from ${report.files} files (${report.parsed + (early?.parsed ?? 0)} parsed) in ${done - started} ms (${steps})`);
    this.reportProblems(report);
    this.watch(sources);
    this.changed.fire(report);
    return report.library;
  }

  private shippedSource(): DialogueSource {
    return { id: 'builtin', label: vscode.l10n.t('Built-in library'), root: this.shippedFolder.toString() };
  }

  private async sources(): Promise<DialogueSource[]> {
    const settings = this.settings();
    const sources: DialogueSource[] = [this.shippedSource()];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const pattern = new vscode.RelativePattern(folder, settings.workspaceGlob);
      const files = await Promise.resolve(vscode.workspace.findFiles(pattern, '**/node_modules/**')).catch((error: unknown) => {
        this.log.error(`Cannot search ${folder.name} for ${settings.workspaceGlob}: ${String(error)}`);
        return [] as vscode.Uri[];
      });
      sources.push({ id: `workspace:${folder.uri.toString()}`, label: vscode.l10n.t('Workspace {0}', folder.name), root: folder.uri.toString(), files: files.map((uri) => uri.toString()), exclude: settings.exclude });
    }
    for (const configured of settings.extraFolders) {
      const uri = userFolderUri(configured);
      if (uri) sources.push({ id: `folder:${uri.toString()}`, label: configured, root: uri.toString(), exclude: settings.exclude });
      else this.notifyOnce(vscode.l10n.t('Interview Dialogues: the extra folder “{0}” is not an absolute or ~/ path; it was skipped.', configured));
    }
    const sessions = this.sessionsFolder?.();
    if (sessions && (await uriExists(sessions))) sources.push({ id: `folder:${sessions.toString()}`, label: vscode.l10n.t('Your mock interviews'), root: sessions.toString() });
    return sources;
  }

  private reportProblems(report: LoadReport): void {
    for (const problem of report.problems) {
      this.log.warn(problem.message);
      this.notifyOnce(vscode.l10n.t('Interview Dialogues: {0}. The other dialogues are loaded; check the setting {1}.', problem.message, SettingIds.extraFolders));
    }
  }

  /** One message per distinct problem per session, not one per reload. */
  private notifyOnce(message: string): void {
    if (this.reportedProblems.has(message)) return;
    this.reportedProblems.add(message);
    void vscode.window.showWarningMessage(message, vscode.l10n.t('Open Settings')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_SECTION);
    });
  }

  /** Watches the workspace packs and extra folders; any change reloads (cached files are not re-parsed). */
  private watch(sources: readonly DialogueSource[]): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    const settings = this.settings();
    const patterns: vscode.GlobPattern[] = [
      ...(vscode.workspace.workspaceFolders ?? []).map((folder) => new vscode.RelativePattern(folder, settings.workspaceGlob)),
      ...sources.filter((s) => s.id.startsWith('folder:')).map((s) => new vscode.RelativePattern(vscode.Uri.parse(s.root), '**/*.md')),
    ];
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange(() => this.scheduleReload());
      watcher.onDidCreate(() => this.scheduleReload());
      watcher.onDidDelete(() => this.scheduleReload());
      this.watchers.push(watcher);
    }
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
    this.changed.dispose();
  }
}
