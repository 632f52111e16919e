/**
 * `Interview Dialogues: Import Transcript`: the active editor's transcript or notes become a dialogue file in the
 * workspace's `.interview/` folder (never over an existing file), which opens with its problems shown. Loaded with
 * the parser (dist/lazy-library.js) on the command's first call; src/main.ts registers it.
 */
import * as vscode from 'vscode';
import { plural } from '../core/plural';
import { slugify } from '../core/text';
import { type ImportedTranscript, importTranscript, titleFromFileName } from '../core/transcript';
import { Commands, Settings as SettingIds } from '../ids';
import type { LibraryService } from './libraryService';
import { freeFileUri } from './paths';

export async function importActiveEditor(libraries: LibraryService): Promise<vscode.Uri | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the transcript or notes in an editor first, then run “Import Transcript” again.'));
    return undefined;
  }
  const imported = importTranscript(document.getText(), { title: document.isUntitled ? undefined : titleFromFileName(document.uri.path) });
  if (imported.turns === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No speaker lines found in {0}. Lines such as “Interviewer: …”, “Q: …” or “Dana: …” start turns; add them and import again.', fileName(document.uri)));
    return undefined;
  }
  const folder = await folderFor(document);
  if (!folder) {
    await openUnsaved(imported);
    return undefined;
  }
  const dir = vscode.Uri.joinPath(folder.uri, '.interview');
  await vscode.workspace.fs.createDirectory(dir);
  const target = await freeFileUri(dir, slugify(imported.title));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(imported.markdown));
  await vscode.window.showTextDocument(target);
  const library = await libraries.reload();
  report(imported, target, library.dialogues.find((d) => d.file === target.toString())?.id);
  return target;
}

/** The folder of the transcript itself, the only one, or the one the user picks; undefined without a workspace. */
async function folderFor(document: vscode.TextDocument): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  return vscode.workspace.getWorkspaceFolder(document.uri)
    ?? (folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder gets the imported dialogue (in its .interview/ folder)?') }));
}

/** Without a folder nothing can be written where the library looks, so the dialogue opens unsaved: nothing is lost. */
async function openUnsaved(imported: ImportedTranscript): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: imported.markdown });
  await vscode.window.showTextDocument(document);
  const open = vscode.l10n.t('Open Folder');
  const choice = await vscode.window.showInformationMessage(
    plural(vscode.l10n.t("The dialogue ({0, plural, one {# turn} other {# turns}}) is in a new unsaved editor. To practise with it, open a folder and save it in that folder's .interview/ folder."), imported.turns),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
}

/** Says what was written and what was guessed; points at the problems; offers to play it. */
function report(imported: ImportedTranscript, target: vscode.Uri, dialogueId: string | undefined): void {
  const problems = vscode.languages.getDiagnostics(target).length;
  const guessed = imported.speakers.filter((s) => s.how === 'guessed');
  const parts = [plural(vscode.l10n.t('Imported {0, plural, one {# turn} other {# turns}} into .interview/{1}.', imported.turns, fileName(target)), imported.turns)];
  const role = (s: (typeof guessed)[number]) => (s.speaker === 'interviewer' ? vscode.l10n.t('{0} is the interviewer', s.name) : vscode.l10n.t('{0} is the candidate', s.name));
  if (guessed.length > 0) parts.push(vscode.l10n.t('Guessed: {0}; change “speakers:” at the top of the file if that is wrong.', guessed.map(role).join(', ')));
  if (problems > 0) parts.push(plural(vscode.l10n.t('{0, plural, one {# problem is} other {# problems are}} listed in the Problems panel.'), problems));
  if (!dialogueId) parts.push(vscode.l10n.t('It is not in the library: the settings {0} or {1} leave it out.', SettingIds.workspaceGlob, SettingIds.exclude));
  if (problems > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
  const play = vscode.l10n.t('Play');
  void (dialogueId ? vscode.window.showInformationMessage(parts.join(' '), play) : vscode.window.showWarningMessage(parts.join(' '))).then((choice) => {
    if (choice === play) void vscode.commands.executeCommand(Commands.openDialogue, { dialogueId });
  });
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
