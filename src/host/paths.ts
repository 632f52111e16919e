import * as os from 'node:os';
import * as vscode from 'vscode';

/**
 * A folder from a setting: `~/notes`, an absolute path or a URI. A relative path has no single meaning in a
 * multi-root window, so it is refused (undefined) and the caller says so.
 */
export function userFolderUri(configured: string): vscode.Uri | undefined {
  const trimmed = configured.trim();
  if (trimmed === '~' || trimmed.startsWith('~/')) return vscode.Uri.file(os.homedir() + trimmed.slice(1));
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) return vscode.Uri.parse(trimmed);
  if (trimmed.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(trimmed)) return vscode.Uri.file(trimmed);
  return undefined;
}

/** Where drafts go: the user's `interviewDialogues.draftsFolder`, else a folder in the extension's global storage. */
export function draftsFolderUri(configured: string, globalStorage: vscode.Uri): vscode.Uri {
  return (configured && userFolderUri(configured)) || vscode.Uri.joinPath(globalStorage, 'drafts');
}

/** Finished mock interviews' transcripts (dialogue files): `sessions` under the drafts folder. */
export function sessionsFolderUri(configured: string, globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(draftsFolderUri(configured, globalStorage), 'sessions');
}

export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `folder/name.md`, or `name-2.md`, `name-3.md`… : the first that does not exist yet, so nothing is overwritten. */
export async function freeFileUri(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  let target = vscode.Uri.joinPath(folder, `${name}.md`);
  for (let n = 2; await uriExists(target); n++) target = vscode.Uri.joinPath(folder, `${name}-${n}.md`);
  return target;
}
