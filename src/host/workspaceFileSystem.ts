/** The library loader's file system over `workspace.fs`, so remote and virtual workspaces work too. */
import { promises as nodeFs } from 'node:fs';
import * as vscode from 'vscode';
import type { DialogueFileSystem, EntryType } from '../core/libraryLoader';

function entryType(type: vscode.FileType): EntryType {
  const linked = (type & vscode.FileType.SymbolicLink) !== 0;
  if (type & vscode.FileType.Directory) return linked ? 'symlinkToDirectory' : 'directory';
  if (type & vscode.FileType.File) return linked ? 'symlinkToFile' : 'file';
  return 'other';
}

export const workspaceDialogueFileSystem: DialogueFileSystem = {
  async readDirectory(folder) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(folder));
    return entries.map(([name, type]) => [name, entryType(type)]);
  },
  async stat(file) {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(file));
    return { size: stat.size, mtime: stat.mtime, type: entryType(stat.type) };
  },
  readFile: (file) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(file))),
  join: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder), name).toString(),
  describeError(error) {
    if (error instanceof vscode.FileSystemError) {
      if (error.code === 'FileNotFound') return 'not found';
      if (error.code === 'NoPermissions') return 'permission denied';
    }
    return error instanceof Error ? error.message : String(error);
  },
  isNotFound: (error) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
  // Only local folders can hold link loops that workspace.fs would follow; elsewhere depth limits end them.
  async realPath(folder) {
    const uri = vscode.Uri.parse(folder);
    if (uri.scheme !== 'file') throw new Error('no real path');
    return nodeFs.realpath(uri.fsPath);
  },
};
