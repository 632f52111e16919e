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

  /** A positional read from `start`: appends to a log of tens of megabytes cost what they hold, not the whole log. */
  async readFrom(name: string, start: number): Promise<Uint8Array | undefined> {
    let file: fs.FileHandle;
    try {
      file = await fs.open(path.join(this.folder, name), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const bytes = new Uint8Array(Math.max(0, (await file.stat()).size - start));
      let read = 0;
      while (read < bytes.length) {
        const { bytesRead } = await file.read(bytes, read, bytes.length - read, start + read);
        // Cut meanwhile: what was there is what there is.
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return bytes.subarray(0, read);
    } finally {
      await file.close();
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
