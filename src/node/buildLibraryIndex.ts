/**
 * Builds the shipped library's prepared index (src/core/libraryIndex.ts) into dist/library-index.json; esbuild.mjs
 * runs it with every build. The extension reads it back with src/node/preparedLibrary.ts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type PreparedIndex, prepareFile } from '../core/libraryIndex';
import { indexEntry } from '../core/libraryLoader';
import { loadDialogueBytes } from '../core/load';
import { digestOf } from './preparedLibrary';

/** Parses every `*.md` of `folder` (not below it: the shipped library is flat) as the loader's index mode does. */
export async function buildPreparedIndex(folder: string): Promise<PreparedIndex> {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const files: PreparedIndex['files'] = {};
  for (const name of names) {
    const bytes = await fs.readFile(path.join(folder, name));
    const result = loadDialogueBytes(bytes, name);
    files[name] = prepareFile({ ...result, dialogues: result.dialogues.map(indexEntry) }, digestOf(bytes));
  }
  return { version: 1, files };
}

/** `node <bundle> LIBRARY_FOLDER OUT_FILE`: what esbuild.mjs runs. */
export async function writePreparedIndex(folder: string, out: string): Promise<number> {
  const index = await buildPreparedIndex(folder);
  await fs.writeFile(out, JSON.stringify(index));
  return Object.keys(index.files).length;
}
