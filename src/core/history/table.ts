/**
 * The attempts and reviews that count, one row each in typed columns: what the statistics add up. A pass over
 * 100,000 event objects of a dozen shapes (with and without rubric, attempt, `after`…) makes every property read
 * megamorphic and cost more than all the arithmetic; over these columns it is a few milliseconds.
 * `History` keeps the table in step with its events (deleted attempts and their reviews leave it).
 */
import { type AttemptEvent, type Rating, RATINGS, type ReviewEvent } from './events';

/** `kind` of an attempt row; a review row holds 1 + the index of its rating in `RATINGS` (1 again … 4 easy). */
export const ATTEMPT_ROW = 0;

export function reviewKind(rating: Rating): number {
  return 1 + RATINGS.indexOf(rating);
}

export function ratingOfKind(kind: number): Rating {
  return RATINGS[kind - 1];
}

export class EventTable {
  /** Rows in use; rows are in no particular order. */
  length = 0;
  at = new Float64Array(64);
  kind = new Uint8Array(64);
  /** The question's number, as `History` numbers them (its `questionAt`). */
  question = new Int32Array(64);
  /** Attempts: active and budget seconds. */
  seconds = new Float64Array(64);
  budget = new Float64Array(64);
  /** Reviews: key points covered, partly covered and missed. */
  covered = new Uint16Array(64);
  partly = new Uint16Array(64);
  missed = new Uint16Array(64);
  /** Row → its event, to find the rows of a deleted attempt. */
  private events: (AttemptEvent | ReviewEvent)[] = [];

  add(event: AttemptEvent | ReviewEvent, question: number): void {
    if (this.length === this.at.length) this.grow();
    const row = this.length++;
    this.events[row] = event;
    this.at[row] = event.at;
    this.question[row] = question;
    if (event.type === 'attempt') {
      this.kind[row] = ATTEMPT_ROW;
      this.seconds[row] = event.activeSeconds;
      this.budget[row] = event.budgetSeconds;
      this.covered[row] = this.partly[row] = this.missed[row] = 0;
    } else {
      this.kind[row] = reviewKind(event.rating);
      this.seconds[row] = this.budget[row] = 0;
      let covered = 0;
      let partly = 0;
      let missed = 0;
      const letters = event.keyPoints ?? '';
      for (let i = 0; i < letters.length; i++) {
        const letter = letters.charCodeAt(i);
        if (letter === 99) covered++; // c
        else if (letter === 112) partly++; // p
        else if (letter === 109) missed++; // m
      }
      this.covered[row] = covered;
      this.partly[row] = partly;
      this.missed[row] = missed;
    }
  }

  /** Drops the rows of these events (a deleted attempt and its reviews): one pass, the last row fills each hole. */
  remove(events: ReadonlySet<AttemptEvent | ReviewEvent>): void {
    if (events.size === 0) return;
    for (let row = 0; row < this.length; ) {
      if (!events.has(this.events[row])) {
        row++;
        continue;
      }
      const last = --this.length;
      this.copyRow(last, row);
      this.events.length = last;
    }
  }

  private copyRow(from: number, to: number): void {
    this.events[to] = this.events[from];
    this.at[to] = this.at[from];
    this.kind[to] = this.kind[from];
    this.question[to] = this.question[from];
    this.seconds[to] = this.seconds[from];
    this.budget[to] = this.budget[from];
    this.covered[to] = this.covered[from];
    this.partly[to] = this.partly[from];
    this.missed[to] = this.missed[from];
  }

  private grow(): void {
    const size = this.at.length * 2;
    const grown = <T extends Float64Array | Uint8Array | Int32Array | Uint16Array>(column: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(column);
      return next;
    };
    this.at = grown(this.at, (n) => new Float64Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.question = grown(this.question, (n) => new Int32Array(n));
    this.seconds = grown(this.seconds, (n) => new Float64Array(n));
    this.budget = grown(this.budget, (n) => new Float64Array(n));
    this.covered = grown(this.covered, (n) => new Uint16Array(n));
    this.partly = grown(this.partly, (n) => new Uint16Array(n));
    this.missed = grown(this.missed, (n) => new Uint16Array(n));
  }
}
