/**
 * The attempts and reviews that count, one row each in typed columns: what the statistics add up. A pass over
 * 100,000 event objects of a dozen shapes (with and without rubric, attempt, `after`…) makes every property read
 * megamorphic and cost more than all the arithmetic; over these columns it is a few milliseconds.
 * `History` keeps the table in step with its events (deleted attempts and their reviews leave it).
 */
import { type ColumnType, decodeColumn, encodeColumn, type NumberColumn, rowsIn } from './columns';
import { type AttemptEvent, type Rating, RATINGS, type ReviewEvent } from './events';

/** `kind` of an attempt row; a review row holds 1 + the index of its rating in `RATINGS` (1 again … 4 easy). */
export const ATTEMPT_ROW = 0;

export function reviewKind(rating: Rating): number {
  return 1 + RATINGS.indexOf(rating);
}

export function ratingOfKind(kind: number): Rating {
  return RATINGS[kind - 1];
}

/** The numeric columns and their types; a checkpoint holds each as base64 of its bytes (columns.ts). */
type ColumnName = 'at' | 'kind' | 'question' | 'seconds' | 'budget' | 'covered' | 'partly' | 'missed';
const COLUMNS: Record<ColumnName, ColumnType<NumberColumn>> = { at: Float64Array, kind: Uint8Array, question: Int32Array, seconds: Float64Array, budget: Float64Array, covered: Uint16Array, partly: Uint16Array, missed: Uint16Array };
const COLUMN_NAMES = Object.keys(COLUMNS) as ColumnName[];

/** The table in a checkpoint: each numeric column as base64, and the rows' event ids joined by `\n`. */
export type TableText = Record<ColumnName, string> & { rowIds: string };

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

  /** The rows as text, for a checkpoint. */
  toText(): TableText {
    const text = { rowIds: this.rowIds().join('\n') } as TableText;
    for (const name of COLUMN_NAMES) text[name] = encodeColumn(this[name].subarray(0, this.length));
    return text;
  }

  /** The table `toText` wrote; throws when a column does not hold as many rows as the times do, or the ids are missing. */
  static fromText(text: TableText): EventTable {
    if (typeof text.rowIds !== 'string') throw new Error('the rows\' ids are missing');
    const table = new EventTable();
    const rows = rowsIn(text.at, Float64Array);
    const size = Math.max(64, rows);
    table.length = rows;
    table.ids = text.rowIds;
    for (const name of COLUMN_NAMES) table.columns()[name] = decodeColumn(text[name], COLUMNS[name], rows, size);
    return table;
  }

  private rowIds(): string[] {
    if (typeof this.ids === 'string') this.ids = this.length === 0 ? [] : this.ids.split('\n');
    return this.ids;
  }

  private copyRow(from: number, to: number): void {
    const rowIds = this.rowIds();
    rowIds[to] = rowIds[from];
    for (const name of COLUMN_NAMES) this[name][to] = this[name][from];
  }

  private grow(): void {
    const size = this.at.length * 2;
    for (const name of COLUMN_NAMES) this.columns()[name] = sized(this[name], COLUMNS[name], size);
  }

  /** The numeric columns by name, to replace them. */
  private columns(): Record<ColumnName, NumberColumn> {
    return this;
  }
}

/** A column of `size` rows holding `values` first. */
function sized<T extends NumberColumn>(values: ArrayLike<number>, make: ColumnType<T>, size: number): T {
  const column = new make(size);
  column.set(values);
  return column;
}
