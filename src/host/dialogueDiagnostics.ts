/**
 * Dialogue-file problems in the Problems panel: every problem of every source after each load (so on save,
 * through the file watcher), and while typing in an open dialogue file, debounced.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/model';
import type * as LazyLibrary from '../lazy/library';
import type { LibraryService } from './libraryService';
import type { Settings } from './settings';

const TYPING_DELAY_MS = 300;

export class DialogueDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('interviewDialogues');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private knownFiles = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(libraries: LibraryService, private readonly settings: () => Settings) {
    this.subscriptions = [
      libraries.onDidLoad((report) => {
        this.knownFiles = new Set([...report.library.dialogues.map((d) => d.file), ...report.library.diagnostics.map((d) => d.file)]);
        this.publish(report.library.diagnostics);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        // Only Markdown can be a dialogue file; the parser's code loads with the first one typed in.
        if (document.languageId === 'markdown') void import('../lazy/library').then((parser) => this.isDialogueFile(document, parser) && this.checkSoon(document, parser));
      }),
    ];
  }

  /** Counts by severity, for the Validate command's summary. */
  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    this.collection.forEach((_uri, diagnostics) => {
      for (const d of diagnostics) {
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    });
    return { errors, warnings };
  }

  private publish(diagnostics: readonly Diagnostic[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.file) ?? [];
      list.push(toVscode(d));
      byFile.set(d.file, list);
    }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.parse(file), list);
  }

  private isDialogueFile(document: vscode.TextDocument, { globMatcher }: typeof LazyLibrary): boolean {
    if (this.knownFiles.has(document.uri.toString())) return true;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder === undefined || vscode.languages.match({ pattern: new vscode.RelativePattern(folder, this.settings().workspaceGlob) }, document) === 0) return false;
    // A file left out on purpose (setting interviewDialogues.exclude) gets no problems while typing either.
    return !globMatcher(this.settings().exclude)(vscode.workspace.asRelativePath(document.uri, false));
  }

  private checkSoon(document: vscode.TextDocument, { parseDialogueFile }: typeof LazyLibrary): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (document.isClosed) return;
        const { diagnostics } = parseDialogueFile(document.getText(), key);
        this.collection.set(document.uri, diagnostics.map(toVscode));
      }, TYPING_DELAY_MS),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function toVscode(d: Diagnostic): vscode.Diagnostic {
  const line = Math.max(0, d.line - 1);
  const column = Math.max(0, d.column - 1);
  // Without an end, the problem covers the rest of its line (VS Code clamps the end to the line's length).
  const range = new vscode.Range(line, column, d.endLine !== undefined ? d.endLine - 1 : line, d.endColumn !== undefined ? d.endColumn - 1 : 10_000);
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, d.message, severity);
  diagnostic.source = 'Interview Dialogues';
  return diagnostic;
}
