/**
 * Draft answers as real Markdown files: created without ever overwriting one, shown beside the player, saved one
 * save at a time, and saved by themselves shortly after each change while they are being answered.
 */
import * as vscode from 'vscode';
import { answerStartLine } from '../core/draft';
import { uriExists } from './paths';

const AUTOSAVE_DELAY_MS = 1500;

export class DraftFiles implements vscode.Disposable {
  /** The draft that saves itself after each change (the one being answered), if any. */
  private watched: string | undefined;
  private autosave: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    // A crash or a closed browser tab then loses at most the last second and a half of typing.
    this.subscription = vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.uri.toString() !== this.watched) return;
      clearTimeout(this.autosave);
      this.autosave = setTimeout(() => void this.save(document), AUTOSAVE_DELAY_MS);
    });
  }

  /** Writes a new draft file named by `fileName(copy)`; a name already taken gets the next copy number. */
  async create(folder: vscode.Uri, fileName: (copy?: number) => string, text: string): Promise<vscode.Uri> {
    let draft = vscode.Uri.joinPath(folder, fileName());
    for (let n = 2; await uriExists(draft); n++) draft = vscode.Uri.joinPath(folder, fileName(n));
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(text));
    return draft;
  }

  /** Saves `uri` by itself after each change from now on (undefined: none). */
  watch(uri: string | undefined): void {
    clearTimeout(this.autosave);
    this.watched = uri;
  }

  /**
   * Opens the draft beside the active editor. A draft still equal to its template starts under its first heading;
   * one already written in keeps the cursor at its end.
   */
  async show(uri: string, template: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const line = document.getText() === template ? Math.min(answerStartLine(template), document.lineCount - 1) : document.lineCount - 1;
    const position = document.lineAt(line).range.end;
    // The cursor is placed as the editor opens, not after: keys typed the moment it has the focus land in the answer.
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, selection: new vscode.Range(position, position) });
  }

  /** Saves the draft if it is open and returns its text (from the editor, else from disk; undefined if gone). */
  async saveAndRead(uri: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (open) {
      if (uri === this.watched) clearTimeout(this.autosave);
      await this.save(open);
      return open.getText();
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return undefined;
    }
  }

  /** One save at a time: two overlapping saves of a file make VS Code report a conflict with itself. */
  private save(document: vscode.TextDocument): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (document.isDirty && !document.isClosed && !(await document.save())) this.log.warn(`Could not save the draft ${document.uri.fsPath}`);
    });
    return this.saving;
  }

  dispose(): void {
    clearTimeout(this.autosave);
    this.subscription.dispose();
  }
}

/**
 * Appends text at the end of a draft through the editor, so undo and any unsaved typing survive, then saves it.
 * A leading blank line of `text` is dropped when the document already ends with a newline.
 */
export async function appendToDraft(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, document.getText().endsWith('\n') ? text.replace(/^\n/, '') : text);
  await vscode.workspace.applyEdit(edit);
  if (document.isDirty) await document.save();
}
