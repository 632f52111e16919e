/** Node file-system adapters for the CLI, the benchmark and the unit tests (the extension uses workspace.fs). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TextFileStore } from '../core/attempts';

/** Every `*.md` file under the given files and folders, sorted, each listed once; symlink loops are skipped. */
export async function listMarkdownFiles(inputs: readonly string[], onProblem: (file: string, message: string) => void): Promise<string[]> {
  const found = new Set<string>();
  const visited = new Set<string>();
  async function walk(entry: string): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(entry);
    } catch (error) {
      onProblem(entry, describe(error));
      return;
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(entry).catch(() => entry);
      if (visited.has(real)) return;
      visited.add(real);
      let names: string[];
      try {
        names = await fs.readdir(entry);
      } catch (error) {
        onProblem(entry, describe(error));
        return;
      }
      for (const name of names.sort()) {
        if (name.startsWith('.') && name !== '.interview') continue;
        const child = path.join(entry, name);
        if (/\.md$/i.test(name) || (await isDirectory(child))) await walk(child);
      }
    } else if (stat.isFile()) {
      found.add(entry);
    }
  }
  for (const input of inputs) await walk(input);
  return [...found].sort();
}

async function isDirectory(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isDirectory(), () => false);
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  if (code === 'ELOOP') return 'a symbolic link loop';
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
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, text, 'utf8');
    await fs.rename(temporary, target);
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(path.join(this.folder, from), path.join(this.folder, to));
  }
}
