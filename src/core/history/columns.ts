/**
 * Typed-array columns as base64 text of their bytes, for the checkpoint: decoding one is a native copy, where the
 * same numbers as JSON cost the number parser one call each (1.6 million for 200,000 table rows). The bytes are in
 * this machine's order, which is fine for a per-machine file; every value a typed array holds, NaN and -0 included,
 * comes back as it was. The core runs only in Node (extension host, CLI, tests), so this uses Buffer's native base64:
 * Node 20's `atob` checks every character in JavaScript.
 */
export type NumberColumn = Float64Array | Int32Array | Uint16Array | Uint8Array;

/**
 * The part of Node's Buffer used here, typed where it is used: the webviews' type check reaches this module through
 * the statistics' types and has no Node types (nor should it).
 */
interface Base64Bytes {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64'): string };
  from(text: string, encoding: 'base64'): Uint8Array;
  byteLength(text: string, encoding: 'base64'): number;
}
const NodeBuffer = (globalThis as unknown as { Buffer: Base64Bytes }).Buffer;

export interface ColumnType<T extends NumberColumn> {
  new (size: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

export function encodeColumn(column: NumberColumn): string {
  return NodeBuffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64');
}

/** How many values of `type` `text` holds; not a whole number when the text was cut or is not base64 of such values. */
export function rowsIn(text: string, type: ColumnType<NumberColumn>): number {
  return NodeBuffer.byteLength(text, 'base64') / type.BYTES_PER_ELEMENT;
}

/** The `rows` values `text` holds, first in a column of `size` (at least `rows`); throws when it holds another number of bytes. */
export function decodeColumn<T extends NumberColumn>(text: string, type: ColumnType<T>, rows: number, size: number): T {
  const bytes = NodeBuffer.from(text, 'base64');
  if (!Number.isInteger(rows) || bytes.length !== rows * type.BYTES_PER_ELEMENT || size < rows) throw new Error('a column of another length');
  const column = new type(size);
  // A byte copy: `bytes` may sit at any offset of Node's buffer pool, where a Float64Array view could not start.
  new Uint8Array(column.buffer).set(bytes);
  return column;
}
