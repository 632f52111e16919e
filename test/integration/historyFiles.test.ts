// The history folder over workspace.fs (a remote or virtual history folder), in the real extension host.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkspaceHistoryFiles } from '../../src/host/fileStore';
import { historyFilesContract } from '../unit/support/historyFilesContract';

historyFilesContract('WorkspaceHistoryFiles', async () => {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-ws-'));
  return { files: new WorkspaceHistoryFiles(vscode.Uri.file(path.join(parent, 'nested', 'history'))), dispose: () => fs.rm(parent, { recursive: true, force: true }) };
});
