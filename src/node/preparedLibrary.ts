/**
 * The shipped library's prepared index (src/core/libraryIndex.ts, built by src/node/buildLibraryIndex.ts), read at
 * the extension's first library load. Files are matched by name and by a SHA-1 of their bytes, so an edited or
 * replaced file is parsed as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PreparedIndex, restorePreparedFile } from '../core/libraryIndex';
import type { ParseResult } from '../core/model';

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The loader's `prepared` lookup for the library in `folder`, from the index file; undefined when there is no
 * usable index (a watch build, or one in another version of the format).
 */
export function preparedLookup(indexFile: string, folder: string, toPath: (file: string) => string): ((file: string, bytes: Uint8Array) => ParseResult | undefined) | undefined {
  let index: PreparedIndex;
  try {
    index = JSON.parse(readFileSync(indexFile, 'utf8')) as PreparedIndex;
  } catch {
    return undefined;
  }
  if (index?.version !== 1 || typeof index.files !== 'object' || index.files === null) return undefined;
  return (file, bytes) => {
    const name = path.relative(folder, toPath(file)).split(path.sep).join('/');
    const entry = Object.hasOwn(index.files, name) ? index.files[name] : undefined;
    return entry && entry.digest === digestOf(bytes) ? restorePreparedFile(entry, file) : undefined;
  };
}
