/** The history folder over Node's `fs`, for the CLI, the benchmark and the tests. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryFiles } from '../core/history/log';
import { NodeTextFileStore } from './nodeFiles';

export class NodeHistoryFiles implements HistoryFiles {
  private readonly text: NodeTextFileStore;

  constructor(readonly folder: string) {
    this.text = new NodeTextFileStore(folder);
  }

  async list(): Promise<string[]> {
    try {
      const entries = await fs.readdir(this.folder, { withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  read(name: string): Promise<string | undefined> {
    return this.text.read(name);
  }

  async readBytes(name: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(path.join(this.folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  write(name: string, text: string): Promise<void> {
    return this.text.write(name, text);
  }

  rename(from: string, to: string): Promise<void> {
    return this.text.rename(from, to);
  }

  /** One `write` on a file opened with O_APPEND: the lines land whole at the end even if another process appends too. */
  async append(name: string, text: string): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    await fs.appendFile(path.join(this.folder, name), text, 'utf8');
  }
}
