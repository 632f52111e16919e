/** Shared helpers for the integration tests (they run inside a real VS Code extension host). */
import * as vscode from 'vscode';
import type { InterviewDialoguesApi } from '../../src/extension';

export const EXTENSION_ID = 'interview-dialogues.interview-dialogues';

export async function api(): Promise<InterviewDialoguesApi> {
  const extension = vscode.extensions.getExtension<InterviewDialoguesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls until `check` returns a truthy value (VS Code applies some changes a moment after a command resolves). */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

export function playerTabs(title?: string): vscode.Tab[] {
  return allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('interviewDialogues.player') && (title === undefined || tab.label === title));
}

/** Ends any running attempt and closes all editors, so no test depends on another's leftovers. */
export async function resetWorkbench(): Promise<void> {
  const { session } = await api();
  if (session.current) await session.abandon();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => allTabs().length === 0, 'all editors to close');
}
