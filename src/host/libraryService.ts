/** Loads the dialogue library through `workspace.fs` (so remote and virtual workspaces work) and caches it. */
import * as vscode from 'vscode';
import { Library } from '../core/library';
import { fileProblem, loadDialogueBytes } from '../core/load';
import type { ParseResult } from '../core/model';

export class LibraryService implements vscode.Disposable {
  private loading: Promise<Library> | undefined;
  private readonly changed = new vscode.EventEmitter<Library>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly shippedFolder: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  /** The library, loaded on first use (not at activation). */
  library(): Promise<Library> {
    this.loading ??= this.load();
    return this.loading;
  }

  async reload(): Promise<Library> {
    this.loading = this.load();
    const library = await this.loading;
    this.changed.fire(library);
    return library;
  }

  private async load(): Promise<Library> {
    const started = Date.now();
    const files = await this.markdownFiles(this.shippedFolder);
    const results = await Promise.all(files.map((uri) => this.loadFile(uri)));
    const library = new Library(results);
    this.log.info(`Loaded ${library.dialogues.length} dialogues from ${files.length} files in ${Date.now() - started} ms`);
    for (const d of library.diagnostics) this.log.warn(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    return library;
  }

  private async loadFile(uri: vscode.Uri): Promise<ParseResult> {
    const label = vscode.workspace.asRelativePath(uri, false);
    try {
      return loadDialogueBytes(await vscode.workspace.fs.readFile(uri), uri.toString());
    } catch (error) {
      this.log.error(`Cannot read ${label}: ${String(error)}`);
      return fileProblem(uri.toString(), `cannot read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async markdownFiles(folder: vscode.Uri): Promise<vscode.Uri[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(folder);
      return entries
        .filter(([name, type]) => type === vscode.FileType.File && name.toLowerCase().endsWith('.md'))
        .map(([name]) => vscode.Uri.joinPath(folder, name))
        .sort((a, b) => a.path.localeCompare(b.path));
    } catch (error) {
      this.log.error(`Cannot list ${folder.toString()}: ${String(error)}`);
      return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
