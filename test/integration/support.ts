/** Shared helpers for the integration tests (they run inside a real VS Code extension host). */
import * as vscode from 'vscode';
import type { TestSurface } from '../../src/host/testSurface';
import type { TopicNode, TreeNode } from '../../src/host/topicsTree';
import { Commands, EXTENSION_ID } from '../../src/ids';

/** The extension's test surface (it activates the extension). */
export async function surface(): Promise<TestSurface> {
  const extension = vscode.extensions.getExtension<TestSurface | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const exported = await extension.activate();
  if (!exported) throw new Error('The extension gave no test surface: it runs in ExtensionMode.Test only');
  return exported;
}

/** The Topics tree's children of `node` (top level when omitted), as VS Code would ask for them. */
export async function children(node?: TreeNode): Promise<TreeNode[]> {
  return (await (await surface()).tree.getChildren(node)) ?? [];
}

/** The topic rows of the tree (the Due group, when there is one, comes before them). */
export async function topics(): Promise<TopicNode[]> {
  return (await children()).filter((node): node is TopicNode => node.kind === 'topic');
}

export async function treeItem(node: TreeNode): Promise<vscode.TreeItem> {
  return (await surface()).tree.getTreeItem(node);
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
  if ((await surface()).attempt()) await vscode.commands.executeCommand(Commands.abandonAnswer);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => allTabs().length === 0, 'all editors to close');
}

/** Answers a question through the commands and finishes it: the review opens. Returns the recorded attempt's id. */
export async function answerAndFinish(questionId: string, text: string): Promise<string> {
  const test = await surface();
  await vscode.commands.executeCommand(Commands.answerQuestion, { questionId });
  const draft = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === test.attempt()?.draftPath), 'the draft editor');
  await draft.edit((edit) => edit.insert(draft.document.lineAt(draft.document.lineCount - 1).range.end, text));
  await vscode.commands.executeCommand(Commands.finishAnswer);
  const review = await waitFor(() => test.review(), 'the review to open');
  return review.attemptId;
}
