/** Builders of history events and an in-memory history folder, shared by the history tests. */
import type { AttemptEvent, CardSnapshot, HistoryEvent, Rating, ReviewEvent } from '../../../src/core/history/events';
import type { HistoryFiles } from '../../../src/core/history/log';

export const T0 = Date.UTC(2024, 0, 15, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function attemptEvent(id: string, question: string, at: number, overrides: Partial<AttemptEvent> = {}): AttemptEvent {
  return {
    v: 1,
    id,
    at,
    type: 'attempt',
    question,
    dialogue: question.split('#')[0],
    prompt: `Prompt of ${question}`,
    startedAt: at - 300_000,
    activeSeconds: 300,
    budgetSeconds: 300,
    overtimeSeconds: 0,
    wordCount: 100,
    draft: `/drafts/${id}.md`,
    ...overrides,
  };
}

const SOME_CARD: CardSnapshot = { due: T0 + DAY, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 1, p: 'test' };

/** A review with a placeholder card: for tests of the log and the index, not of the scheduler. */
export function reviewEvent(id: string, question: string, at: number, rating: Rating, overrides: Partial<ReviewEvent> = {}): ReviewEvent {
  return { v: 1, id, at, type: 'review', question, rating, card: SOME_CARD, ...overrides };
}

export function line(event: HistoryEvent | object): string {
  return `${JSON.stringify(event)}\n`;
}

/** A history folder in memory; `append` and `write` behave as the contract says. */
export class MemoryHistoryFiles implements HistoryFiles {
  readonly files = new Map<string, string>();
  writes = 0;
  failNextAppend = false;
  /** Kept, so a test can tell a read of the appended part from a read of the whole log. */
  readFromCalls: { name: string; start: number }[] = [];

  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }
  async read(name: string): Promise<string | undefined> {
    return this.files.get(name);
  }
  async readBytes(name: string): Promise<Uint8Array | undefined> {
    const text = this.files.get(name);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }
  async readFrom(name: string, start: number): Promise<Uint8Array | undefined> {
    this.readFromCalls.push({ name, start });
    return (await this.readBytes(name))?.subarray(start);
  }
  async write(name: string, text: string): Promise<void> {
    this.writes++;
    this.files.set(name, text);
  }
  async rename(from: string, to: string): Promise<void> {
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`no ${from}`);
    this.files.delete(from);
    this.files.set(to, text);
  }
  async append(name: string, text: string): Promise<void> {
    if (this.failNextAppend) {
      this.failNextAppend = false;
      // What a failed append can leave: half a line.
      this.files.set(name, (this.files.get(name) ?? '') + text.slice(0, Math.floor(text.length / 2)));
      throw new Error('disk full');
    }
    this.files.set(name, (this.files.get(name) ?? '') + text);
  }
}
