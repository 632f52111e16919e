/**
 * The merged history indexed by question: what the tree, the history view, the scheduler and the stats read.
 * Built from events in one pass; events added later (this window's own, or another window's after a re-read) go
 * in one by one. The result does not depend on the order events arrive in.
 */
import type { AttemptEvent, CardEvent, HistoryEvent, ReviewEvent } from './events';
import { byTimeThenId } from './log';
import { EventTable } from './table';

/** What the scheduler replays: the reviews and resets of one question, in time order. */
export type ScheduleEvent = ReviewEvent | (CardEvent & { type: 'reset' });

/** One question's history. Arrays are oldest first; deleted attempts and the reviews of them are left out. */
export interface QuestionHistory {
  readonly question: string;
  readonly attempts: readonly AttemptEvent[];
  readonly reviews: readonly ReviewEvent[];
  /** Reviews and resets, in time order. */
  readonly schedule: readonly ScheduleEvent[];
  readonly suspended: boolean;
  /** Grows with every change, so derived values (the scheduler's card) can be cached per revision. */
  readonly revision: number;
  /** The question's number in `History.table`. */
  readonly index: number;
}

/** What the library knows about a question; undefined when its dialogue was deleted or is not loaded. */
export interface QuestionInfo {
  topic: string;
  prompt?: string;
}
export type QuestionLookup = (question: string) => QuestionInfo | undefined;

/** Questions whose dialogue is gone and whose attempts recorded no topic (those migrated from attempts.json). */
export const UNKNOWN_TOPIC = 'Unknown topic';

/** The library's topic for a question, else the one recorded with its latest attempt, else `UNKNOWN_TOPIC`. */
export function topicOf(history: QuestionHistory | undefined, info: QuestionInfo | undefined): string {
  if (info) return info.topic;
  const attempts = history?.attempts ?? [];
  for (let i = attempts.length - 1; i >= 0; i--) if (attempts[i].topic !== undefined) return attempts[i].topic as string;
  return UNKNOWN_TOPIC;
}

/** What the tree and the player show per question (as `progressByQuestion` gave them for attempts.json). */
export interface QuestionProgress {
  attempts: number;
  bestSeconds: number;
}

interface MutableQuestion {
  question: string;
  attempts: AttemptEvent[];
  reviews: ReviewEvent[];
  schedule: ScheduleEvent[];
  suspended: boolean;
  /** The suspend or unsuspend that decides `suspended`: the latest one wins, whatever order they arrive in. */
  suspension?: CardEvent;
  revision: number;
  index: number;
}

export class History {
  private readonly byQuestion = new Map<string, MutableQuestion>();
  /** The attempts and reviews that count, as columns for the statistics. */
  readonly table = new EventTable();
  private readonly deletedAttempts = new Set<string>();
  private readonly attemptQuestion = new Map<string, string>();
  /**
   * The question(s) holding reviews of an attempt, so deleting it finds them even before the attempt arrives. A
   * string for the usual one question: a Set per attempt would be 100,000 allocations in a large history.
   */
  private readonly reviewedIn = new Map<string, string | Set<string>>();
  /** Ids taken in; built on first need when the history was made by `ofMerged`. */
  private ids: Set<string> | undefined = new Set<string>();
  private unindexed: readonly HistoryEvent[] = [];
  private attemptTotal = 0;
  private reviewTotal = 0;

  /** Events in any order; duplicates (same id) count once. */
  constructor(events: Iterable<HistoryEvent> = []) {
    for (const event of events) this.add(event);
  }

  /**
   * A history of events that are already unique by id, as `readHistory` and `mergeEventTexts` return them. It skips
   * the id check while building (about half the build time at 100,000 events); the ids are indexed on the first
   * `add` or `eventCount` instead.
   */
  static ofMerged(events: readonly HistoryEvent[]): History {
    const history = new History();
    history.ids = undefined;
    history.unindexed = events;
    for (const event of events) history.apply(event);
    return history;
  }

  /** Adds one event; returns false when it was already known (same id). */
  add(event: HistoryEvent): boolean {
    const ids = this.knownIds();
    if (ids.has(event.id)) return false;
    ids.add(event.id);
    this.apply(event);
    return true;
  }

  private knownIds(): Set<string> {
    if (this.ids === undefined) {
      this.ids = new Set(this.unindexed.map((event) => event.id));
      this.unindexed = [];
    }
    return this.ids;
  }

  private apply(event: HistoryEvent): void {
    switch (event.type) {
      case 'attempt': {
        this.attemptQuestion.set(event.id, event.question);
        if (this.deletedAttempts.has(event.id)) break;
        const entry = this.entry(event.question);
        insert(entry.attempts, event);
        this.table.add(event, entry.index);
        this.attemptTotal++;
        entry.revision++;
        break;
      }
      case 'review': {
        if (event.attempt !== undefined) {
          if (this.deletedAttempts.has(event.attempt)) break;
          this.noteReviewOf(event.attempt, event.question);
        }
        const entry = this.entry(event.question);
        insert(entry.reviews, event);
        insert(entry.schedule, event);
        this.table.add(event, entry.index);
        this.reviewTotal++;
        entry.revision++;
        break;
      }
      case 'reset': {
        const entry = this.entry(event.question);
        insert(entry.schedule, event as ScheduleEvent);
        entry.revision++;
        break;
      }
      case 'suspend':
      case 'unsuspend': {
        const entry = this.entry(event.question);
        if (!entry.suspension || byTimeThenId(entry.suspension, event) < 0) {
          entry.suspension = event;
          entry.suspended = event.type === 'suspend';
          entry.revision++;
        }
        break;
      }
      case 'delete-attempt':
        this.deleteAttempt(event.attempt);
        break;
    }
  }

  private noteReviewOf(attempt: string, question: string): void {
    const known = this.reviewedIn.get(attempt);
    if (known === undefined) this.reviewedIn.set(attempt, question);
    else if (typeof known === 'string') {
      if (known !== question) this.reviewedIn.set(attempt, new Set([known, question]));
    } else known.add(question);
  }

  /** The history of a question, or undefined when nothing was ever recorded for it. */
  question(id: string): QuestionHistory | undefined {
    const entry = this.byQuestion.get(id);
    return entry && !isEmpty(entry) ? entry : undefined;
  }

  /** Every question with an attempt, a review, a reset or a suspension. */
  *questions(): IterableIterator<QuestionHistory> {
    for (const entry of this.byQuestion.values()) if (!isEmpty(entry)) yield entry;
  }

  /** Question numbers (`QuestionHistory.index`, `table.question`) are below this. */
  get indexSize(): number {
    return this.byQuestion.size;
  }

  /** An attempt by id, unless it was deleted. */
  attempt(id: string): AttemptEvent | undefined {
    const question = this.attemptQuestion.get(id);
    return question === undefined ? undefined : this.byQuestion.get(question)?.attempts.find((attempt) => attempt.id === id);
  }

  /** Attempts and reviews that count (not deleted). */
  get attemptCount(): number {
    return this.attemptTotal;
  }

  get reviewCount(): number {
    return this.reviewTotal;
  }

  /** Number of distinct events taken in, deletions included. */
  get eventCount(): number {
    return this.knownIds().size;
  }

  /** Attempts and best (shortest) time per question, for the tree's ✓ and the player's "best" label. */
  progress(): Map<string, QuestionProgress> {
    const progress = new Map<string, QuestionProgress>();
    for (const entry of this.byQuestion.values()) {
      if (entry.attempts.length === 0) continue;
      let best = Infinity;
      for (const attempt of entry.attempts) best = Math.min(best, attempt.activeSeconds);
      progress.set(entry.question, { attempts: entry.attempts.length, bestSeconds: best });
    }
    return progress;
  }

  private entry(question: string): MutableQuestion {
    let entry = this.byQuestion.get(question);
    if (!entry) {
      entry = { question, attempts: [], reviews: [], schedule: [], suspended: false, revision: 0, index: this.byQuestion.size };
      this.byQuestion.set(question, entry);
    }
    return entry;
  }

  private deleteAttempt(id: string): void {
    if (this.deletedAttempts.has(id)) return;
    this.deletedAttempts.add(id);
    const reviewed = this.reviewedIn.get(id);
    const questions = new Set(typeof reviewed === 'string' ? [reviewed] : reviewed);
    const question = this.attemptQuestion.get(id);
    if (question !== undefined) questions.add(question);
    const removed = new Set<AttemptEvent | ReviewEvent>();
    for (const name of questions) {
      const entry = this.byQuestion.get(name);
      if (!entry) continue;
      const attempts = entry.attempts.filter((attempt) => attempt.id !== id);
      const reviews = entry.reviews.filter((review) => review.attempt !== id);
      if (attempts.length === entry.attempts.length && reviews.length === entry.reviews.length) continue;
      for (const attempt of entry.attempts) if (attempt.id === id) removed.add(attempt);
      for (const review of entry.reviews) if (review.attempt === id) removed.add(review);
      this.attemptTotal -= entry.attempts.length - attempts.length;
      this.reviewTotal -= entry.reviews.length - reviews.length;
      entry.attempts = attempts;
      entry.reviews = reviews;
      entry.schedule = entry.schedule.filter((event) => event.type !== 'review' || event.attempt !== id);
      entry.revision++;
    }
    this.table.remove(removed);
  }
}

/** An entry left with nothing by deleted attempts is no history at all (as if the attempt had never come). */
function isEmpty(entry: MutableQuestion): boolean {
  return entry.attempts.length === 0 && entry.schedule.length === 0 && entry.suspension === undefined;
}

/** Keeps `list` in time order; events nearly always arrive in order, so this is a push. */
function insert<T extends HistoryEvent>(list: T[], event: T): void {
  let i = list.length;
  while (i > 0 && byTimeThenId(list[i - 1], event) > 0) i--;
  if (i === list.length) list.push(event);
  else list.splice(i, 0, event);
}
