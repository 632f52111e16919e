/**
 * The history folder's files for the extension: Node's `fs` when the folder is local to the extension host (real
 * O_APPEND appends, no round trip per call), `workspace.fs` for any other scheme (a remote or virtual folder).
 */
import * as vscode from 'vscode';
import type { HistoryFiles } from '../core/history/log';
import { NodeHistoryFiles } from '../node/historyFiles';

export function historyFilesAt(folder: vscode.Uri): HistoryFiles {
  return folder.scheme === 'file' ? new NodeHistoryFiles(folder.fsPath) : new WorkspaceHistoryFiles(folder);
}

/** `HistoryFiles` over `workspace.fs`: atomic writes (temporary file, then rename) in one folder. */
export class WorkspaceHistoryFiles implements HistoryFiles {
  constructor(private readonly folder: vscode.Uri) {}

  async list(): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.folder);
      return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async read(name: string): Promise<string | undefined> {
    const bytes = await this.readBytes(name);
    return bytes && new TextDecoder().decode(bytes);
  }

  async readBytes(name: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, name));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** workspace.fs cannot read part of a file: the whole file, from `start`. */
  async readFrom(name: string, start: number): Promise<Uint8Array | undefined> {
    return (await this.readBytes(name))?.subarray(start);
  }

  async write(name: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    const target = vscode.Uri.joinPath(this.folder, name);
    // Time + random: two windows writing in the same millisecond never share a temporary file.
    const temporary = vscode.Uri.joinPath(this.folder, `${name}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  }

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(vscode.Uri.joinPath(this.folder, from), vscode.Uri.joinPath(this.folder, to), { overwrite: true });
  }

  /** workspace.fs cannot append: read + atomic write is correct because only this window's writer appends to its file. */
  async append(name: string, text: string): Promise<void> {
    await this.write(name, ((await this.read(name)) ?? '') + text);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}
