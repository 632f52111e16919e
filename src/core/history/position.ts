/**
 * Where an event's line is: `file * 2^32 + offset`, the file's number in the load and the line's first character in
 * the file's text. One number per event keeps 100,000 positions cheap to hold, write and read.
 */
export type LinePosition = number;

export function linePosition(file: number, offset: number): LinePosition {
  return file * 2 ** 32 + offset;
}

/** The file number and offset of a position. */
export function fileAndOffset(position: LinePosition): { file: number; offset: number } {
  return { file: Math.floor(position / 2 ** 32), offset: position % 2 ** 32 };
}
