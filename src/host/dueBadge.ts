/**
 * The number of questions to practise today as a badge on the Topics view (and its activity-bar icon). Computed a
 * few seconds after start-up, off the start-up path, then whenever the queue changes.
 */
import * as vscode from 'vscode';
import { plural } from '../core/plural';
import type { DueQueueService } from './dueQueue';

const FIRST_LOOK_DELAY_MS = 3000;

export class DueBadge implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private readonly firstLook: ReturnType<typeof setTimeout>;

  constructor(private readonly view: vscode.TreeView<unknown>, private readonly queue: DueQueueService) {
    this.subscription = queue.onDidChange(() => void this.update());
    this.firstLook = setTimeout(() => void this.update(), FIRST_LOOK_DELAY_MS);
  }

  private async update(): Promise<void> {
    const questions = await this.queue.questions();
    const fresh = questions.filter((q) => q.fresh).length;
    const due = questions.length - fresh;
    this.view.badge = questions.length === 0
      ? undefined
      : { value: questions.length, tooltip: plural(vscode.l10n.t('{0, plural, one {# question} other {# questions}} due today, {1} new', due, fresh), due) };
  }

  dispose(): void {
    clearTimeout(this.firstLook);
    this.subscription.dispose();
  }
}
