/** `TextFileStore` over `workspace.fs`: atomic writes (temporary file, then rename) in one folder. */
import * as vscode from 'vscode';
import type { TextFileStore } from '../core/attempts';

export class WorkspaceTextFileStore implements TextFileStore {
  constructor(private readonly folder: vscode.Uri) {}

  async read(name: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, name)));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
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
}
