/**
 * The library loader's file system. Paths are URI strings. `file:` URIs are read with Node's `fs`: this bundle runs
 * only in a Node extension host (package.json has a `main` and no `browser` entry), where a `file:` URI names a file
 * on the extension host's own machine, and every `workspace.fs` call is a round trip through the workbench (about
 * 5 ms each in code-server, where the shipped library's first load took 100–140 ms that way). Every other scheme
 * (remote and virtual workspaces) goes through `workspace.fs`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DialogueFileSystem, EntryType } from '../core/libraryLoader';
import { nodeDialogueFileSystem, nodeDialogueFileSystemInOneGo } from '../node/nodeFiles';

function entryType(type: vscode.FileType): EntryType {
  const linked = (type & vscode.FileType.SymbolicLink) !== 0;
  if (type & vscode.FileType.Directory) return linked ? 'symlinkToDirectory' : 'directory';
  if (type & vscode.FileType.File) return linked ? 'symlinkToFile' : 'file';
  return 'other';
}

/** The local path of a `file:` URI, or undefined when the URI must go through `workspace.fs`. */
function localPath(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' ? uri.fsPath : undefined;
}

type NodeFileSystem = typeof nodeDialogueFileSystem;

/** `nodeFor` picks the Node file system for a local path. */
function overWorkspace(nodeFor: (local: string) => NodeFileSystem): DialogueFileSystem {
  return {
    async readDirectory(folder) {
      const uri = vscode.Uri.parse(folder);
      const local = localPath(uri);
      if (local !== undefined) return nodeFor(local).readDirectory(local);
      const entries = await vscode.workspace.fs.readDirectory(uri);
      return entries.map(([name, type]) => [name, entryType(type)]);
    },
    async stat(file) {
      const uri = vscode.Uri.parse(file);
      const local = localPath(uri);
      if (local !== undefined) return nodeFor(local).stat(local);
      const stat = await vscode.workspace.fs.stat(uri);
      return { size: stat.size, mtime: stat.mtime, type: entryType(stat.type) };
    },
    readFile(file) {
      const uri = vscode.Uri.parse(file);
      const local = localPath(uri);
      return local !== undefined ? nodeFor(local).readFile(local) : Promise.resolve(vscode.workspace.fs.readFile(uri));
    },
    join: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder), name).toString(),
    describeError(error) {
      if (error instanceof vscode.FileSystemError) {
        if (error.code === 'FileNotFound') return vscode.l10n.t('not found');
        if (error.code === 'NoPermissions') return vscode.l10n.t('permission denied');
        return error.message;
      }
      return nodeDialogueFileSystem.describeError(error);
    },
    isNotFound: (error) => (error instanceof vscode.FileSystemError ? error.code === 'FileNotFound' : nodeDialogueFileSystem.isNotFound(error)),
    // Only local folders can hold link loops that the walk would follow; elsewhere depth limits end them.
    async realPath(folder) {
      const local = localPath(vscode.Uri.parse(folder));
      if (local === undefined) throw new Error('no real path');
      return nodeFor(local).realPath(local);
    },
  };
}

export const workspaceDialogueFileSystem = overWorkspace(() => nodeDialogueFileSystem);

/**
 * The same, with the local files under `folder` (the extension's shipped library) read in one go, synchronously
 * (see nodeDialogueFileSystemInOneGo); the user's files are read as above.
 */
export function readingInOneGo(folder: vscode.Uri): DialogueFileSystem {
  const root = localPath(folder);
  if (root === undefined) return workspaceDialogueFileSystem;
  const inside = (local: string) => local === root || local.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  return overWorkspace((local) => (inside(local) ? nodeDialogueFileSystemInOneGo : nodeDialogueFileSystem));
}
