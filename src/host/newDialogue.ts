/** `Interview Dialogues: New Dialogue`: a dialogue file from a template in the workspace's `.interview/` folder. */
import * as vscode from 'vscode';
import { dialogueTemplate } from '../core/authoring';
import { freeFileUri } from './paths';
import { slugify } from '../core/text';

export async function createDialogueFile(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.length === 1
    ? vscode.workspace.workspaceFolders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder gets the new dialogue?') });
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) {
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: new dialogues go into its .interview/ folder.'), vscode.l10n.t('Open Folder'));
      if (choice) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    }
    return undefined;
  }
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Dialogue'),
    prompt: vscode.l10n.t('Title of the dialogue (it also names the file)'),
    placeHolder: vscode.l10n.t('e.g. Design a rate limiter'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Give the dialogue a title.') : undefined),
  });
  if (!title) return undefined;
  // A topic name is data, not UI: the shipped library's own, whatever the display language.
  const topic = (await vscode.window.showInputBox({ title: vscode.l10n.t('New Dialogue'), prompt: vscode.l10n.t('Topic it belongs to in the tree'), value: 'System design' }))?.trim();
  if (topic === undefined) return undefined;

  const dir = vscode.Uri.joinPath(folder.uri, '.interview');
  await vscode.workspace.fs.createDirectory(dir);
  const target = await freeFileUri(dir, slugify(title));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(dialogueTemplate(title.trim(), topic || vscode.l10n.t('General'))));
  await vscode.window.showTextDocument(target);
  return target;
}
