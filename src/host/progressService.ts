/** Practice history for the tree and the player: the attempt store plus a change event. */
import * as vscode from 'vscode';
import { type Attempt, AttemptStore, progressByQuestion, type QuestionProgress } from '../core/attempts';
import { WorkspaceTextFileStore } from './fileStore';

export class ProgressService implements vscode.Disposable {
  private readonly store: AttemptStore;
  private loaded: Promise<void> | undefined;
  private progress = new Map<string, QuestionProgress>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(storageFolder: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    this.store = new AttemptStore(new WorkspaceTextFileStore(storageFolder));
  }

  /** Loads the history on first use; a damaged file is reported once and kept as a backup. */
  ready(): Promise<void> {
    this.loaded ??= this.store.load().then(
      (problem) => {
        this.progress = progressByQuestion(this.store.all());
        if (problem) void vscode.window.showWarningMessage(problem);
      },
      (error: unknown) => this.log.error(`Cannot read practice history: ${String(error)}`),
    );
    return this.loaded;
  }

  of(questionId: string): QuestionProgress | undefined {
    return this.progress.get(questionId);
  }

  attempts(): readonly Attempt[] {
    return this.store.all();
  }

  async record(attempt: Attempt): Promise<void> {
    await this.ready();
    await this.store.add(attempt);
    this.progress = progressByQuestion(this.store.all());
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
