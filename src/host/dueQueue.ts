/**
 * Today's practice queue (due questions, then new ones up to the daily limit) for the tree's Due group, the view's
 * badge and Practise Due Questions. Recomputed when the library or the history changes, and when a day begins.
 */
import * as vscode from 'vscode';
import type { Library } from '../core/library';
import type { DueQueue } from '../core/review/scheduler';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';

/** A question of the queue with what the tree and the practice run need of it. */
export interface QueuedQuestion {
  questionId: string;
  dialogueId: string;
  turnIndex: number;
  /** True for a new question (never reviewed), false for one due again. */
  fresh: boolean;
  /** When it is due (epoch ms); undefined for new questions. */
  due?: number;
}

const RECHECK_MS = 30 * 60_000;

export class DueQueueService implements vscode.Disposable {
  private cached: Promise<QueuedQuestion[]> | undefined;
  /** The last computed queue, kept while the next one is computed so the tree's Due group never blinks out. */
  private ready: readonly QueuedQuestion[] | undefined;
  private last: readonly QueuedQuestion[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly recheck: ReturnType<typeof setInterval>;

  constructor(private readonly libraries: LibraryService, private readonly history: HistoryService) {
    this.subscriptions = [libraries.onDidLoad(() => this.invalidate()), history.onDidChange(() => this.invalidate())];
    // Questions fall due as time passes, and a new day brings new questions: look again now and then.
    this.recheck = setInterval(() => this.invalidate(), RECHECK_MS);
  }

  /** Today's queue, in order: due questions (most overdue first), then new ones in library order. */
  questions(): Promise<QueuedQuestion[]> {
    if (!this.cached) {
      const computing = this.compute();
      this.cached = computing;
      // Whoever could not wait (the tree's first rows) hears when it is there, and only if it changed: every
      // change refreshes the tree from its root.
      void computing.then((questions) => {
        if (this.cached !== computing) return;
        const changed = !this.ready || !sameQueue(this.ready, questions);
        this.ready = questions;
        if (changed) this.changed.fire();
      });
    }
    return this.cached;
  }

  /**
   * The queue as last computed, or undefined before the first computation (which it starts; `onDidChange` fires
   * when done): the tree shows its topics at once instead of waiting for the history to load.
   */
  peek(): readonly QueuedQuestion[] | undefined {
    void this.questions();
    return this.ready;
  }

  /** The last computed queue, at once (for labels that cannot wait); empty before the first computation. */
  get latest(): readonly QueuedQuestion[] {
    return this.last;
  }

  private async compute(): Promise<QueuedQuestion[]> {
    const [library] = await Promise.all([this.libraries.library(), this.history.ready()]);
    const queue = this.history.queue(library.dialogues.flatMap((d) => d.questions.map((q) => q.id)));
    this.last = queue ? toQuestions(queue, library) : [];
    return [...this.last];
  }

  private invalidate(): void {
    this.cached = undefined;
    void this.questions();
  }

  dispose(): void {
    clearInterval(this.recheck);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function sameQueue(a: readonly QueuedQuestion[], b: readonly QueuedQuestion[]): boolean {
  return a.length === b.length && a.every((q, i) => q.questionId === b[i].questionId && q.fresh === b[i].fresh && q.due === b[i].due);
}

function toQuestions(queue: DueQueue, library: Library): QueuedQuestion[] {
  const entries = [...queue.due.map((item) => ({ item, fresh: false })), ...queue.new.map((item) => ({ item, fresh: true }))];
  return entries.flatMap(({ item, fresh }) => {
    const found = library.question(item.question);
    if (!found) return [];
    return [{ questionId: item.question, dialogueId: found.dialogue.id, turnIndex: found.question.turnIndex, fresh, ...(item.card.due !== undefined && !fresh ? { due: item.card.due } : {}) }];
  });
}
