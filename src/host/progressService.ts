/** Practice history for the tree and the player: the attempt store plus a change event. */
import * as vscode from 'vscode';
import type * as AttemptsModule from '../core/attempts';
import type { Attempt, QuestionProgress } from '../core/attempts';
import { WorkspaceTextFileStore } from './fileStore';

type HistoryModule = typeof AttemptsModule;

export class ProgressService implements vscode.Disposable {
  private opened: Promise<{ history: HistoryModule; store: InstanceType<HistoryModule['AttemptStore']> }> | undefined;
  private attemptList: readonly Attempt[] = [];
  private progress = new Map<string, QuestionProgress>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storageFolder: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  /** Loads the history on first use; a damaged file is reported once and kept as a backup. */
  async ready(): Promise<void> {
    await this.open().catch((error: unknown) => this.log.error(`Cannot read practice history: ${String(error)}`));
  }

  of(questionId: string): QuestionProgress | undefined {
    return this.progress.get(questionId);
  }

  attempts(): readonly Attempt[] {
    return this.attemptList;
  }

  async record(attempt: Attempt): Promise<void> {
    const { history, store } = await this.open();
    await store.add(attempt);
    this.attemptList = store.all();
    this.progress = history.progressByQuestion(this.attemptList);
    this.changed.fire();
  }

  /** The store's module (and zod with it) loads on first use, off the activation path. */
  private open(): ReturnType<ProgressService['load']> {
    this.opened ??= this.load();
    return this.opened;
  }

  private async load() {
    const history = await import('../core/attempts');
    const store = new history.AttemptStore(new WorkspaceTextFileStore(this.storageFolder));
    const problem = await store.load();
    if (problem) void vscode.window.showWarningMessage(problem);
    this.attemptList = store.all();
    this.progress = history.progressByQuestion(this.attemptList);
    return { history, store };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
