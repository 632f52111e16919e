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

/** The table in a checkpoint: one array per column, and the rows' event ids joined by `\n`. */
export interface TableColumns {
  ids: string;
  at: number[];
  kind: number[];
  question: number[];
  seconds: number[];
  budget: number[];
  covered: number[];
  partly: number[];
  missed: number[];
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
  /**
   * Row → its event's id, to find the rows of a deleted attempt. A table restored from a checkpoint keeps them as
   * one `\n`-joined string until a deletion needs them: splitting 100,000 ids would cost a load more than the rest.
   */
  private ids: string[] | string = [];

  add(event: AttemptEvent | ReviewEvent, question: number): void {
    if (this.length === this.at.length) this.grow();
    const row = this.length++;
    this.rowIds()[row] = event.id;
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
  remove(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const rowIds = this.rowIds();
    for (let row = 0; row < this.length; ) {
      if (!ids.has(rowIds[row])) {
        row++;
        continue;
      }
      const last = --this.length;
      this.copyRow(last, row);
      rowIds.length = last;
    }
  }

  /** The rows as plain arrays, for a checkpoint. */
  toColumns(): TableColumns {
    const rows = this.length;
    return {
      ids: this.rowIds().join('\n'),
      at: Array.from(this.at.subarray(0, rows)),
      kind: Array.from(this.kind.subarray(0, rows)),
      question: Array.from(this.question.subarray(0, rows)),
      seconds: Array.from(this.seconds.subarray(0, rows)),
      budget: Array.from(this.budget.subarray(0, rows)),
      covered: Array.from(this.covered.subarray(0, rows)),
      partly: Array.from(this.partly.subarray(0, rows)),
      missed: Array.from(this.missed.subarray(0, rows)),
    };
  }

  static fromColumns(columns: TableColumns): EventTable {
    const table = new EventTable();
    const rows = columns.at.length;
    table.length = rows;
    table.ids = columns.ids;
    const size = Math.max(64, rows);
    table.at = sized(columns.at, Float64Array, size);
    table.kind = sized(columns.kind, Uint8Array, size);
    table.question = sized(columns.question, Int32Array, size);
    table.seconds = sized(columns.seconds, Float64Array, size);
    table.budget = sized(columns.budget, Float64Array, size);
    table.covered = sized(columns.covered, Uint16Array, size);
    table.partly = sized(columns.partly, Uint16Array, size);
    table.missed = sized(columns.missed, Uint16Array, size);
    return table;
  }

  private rowIds(): string[] {
    if (typeof this.ids === 'string') this.ids = this.length === 0 ? [] : this.ids.split('\n');
    return this.ids;
  }

  private copyRow(from: number, to: number): void {
    const rowIds = this.rowIds();
    rowIds[to] = rowIds[from];
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
    this.at = sized(this.at, Float64Array, size);
    this.kind = sized(this.kind, Uint8Array, size);
    this.question = sized(this.question, Int32Array, size);
    this.seconds = sized(this.seconds, Float64Array, size);
    this.budget = sized(this.budget, Float64Array, size);
    this.covered = sized(this.covered, Uint16Array, size);
    this.partly = sized(this.partly, Uint16Array, size);
    this.missed = sized(this.missed, Uint16Array, size);
  }
}

/** A column of `size` rows holding `values` first. */
function sized<T extends Float64Array | Uint8Array | Int32Array | Uint16Array>(values: ArrayLike<number>, make: new (size: number) => T, size: number): T {
  const column = new make(size);
  column.set(values);
  return column;
}
