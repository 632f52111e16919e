/** Node file-system adapters for the CLI, the benchmark, the unit tests and the extension's `file:` URIs. */
import * as l10n from '@vscode/l10n';
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import type { TextFileStore } from '../core/attempts';
import type { DialogueFileSystem, EntryType } from '../core/libraryLoader';

/** The loader's file system over Node's `fs`, with real paths so link loops stop at once. */
export const nodeDialogueFileSystem = {
  async readDirectory(folder) {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    return Promise.all(entries.map(async (entry): Promise<[string, EntryType]> => [entry.name, await entryType(path.join(folder, entry.name), entry)]));
  },
  async stat(file) {
    const stat = await fs.stat(file);
    return { size: stat.size, mtime: stat.mtimeMs, type: stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other' };
  },
  readFile: (file) => fs.readFile(file),
  join: (folder, name) => path.join(folder, name),
  describeError: (error) => describe(error),
  isNotFound: (error) => (error as NodeJS.ErrnoException)?.code === 'ENOENT',
  realPath: (folder: string) => fs.realpath(folder),
} satisfies DialogueFileSystem;

async function entryType(full: string, entry: Dirent): Promise<EntryType> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await fs.stat(full).catch(() => undefined);
  return target?.isDirectory() ? 'symlinkToDirectory' : target?.isFile() ? 'symlinkToFile' : 'other';
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return l10n.t('not found');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('not readable (permission denied)');
  if (code === 'ELOOP') return l10n.t('a symbolic link loop');
  return error instanceof Error ? error.message : String(error);
}

/** Atomic writes: a temporary file in the same folder, then a rename, so a crash never leaves half a file. */
export class NodeTextFileStore implements TextFileStore {
  constructor(private readonly folder: string) {}

  async read(name: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path.join(this.folder, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(name: string, text: string): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    const target = path.join(this.folder, name);
    // pid + time + random: two writers in one millisecond (or two windows) never share a temporary file.
    const temporary = `${target}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(temporary, text, 'utf8');
    await fs.rename(temporary, target);
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(path.join(this.folder, from), path.join(this.folder, to));
  }
}
