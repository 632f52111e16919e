/**
 * Model answers as read-only documents, for VS Code's diff editor beside a draft (Compare in Diff Editor). The
 * content comes from the dialogue file each time the document is opened; nothing can be saved back.
 */
import * as vscode from 'vscode';
import { modelAnswerText } from '../core/questions';
import { MODEL_ANSWER_SCHEME } from '../ids';
import type { LibraryService } from './libraryService';

export class ModelAnswerDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly libraries: LibraryService) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(MODEL_ANSWER_SCHEME, this);
  }

  /** The document of a question's model answer (its name says whose answer it is in the diff editor's title). */
  static uriOf(questionId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: MODEL_ANSWER_SCHEME, path: `/${vscode.l10n.t('Model answer')}.md`, query: questionId });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const found = (await this.libraries.library()).question(uri.query);
    const dialogue = found && (await this.libraries.full(found.dialogue.id));
    const question = dialogue?.questions.find((q) => q.id === uri.query);
    if (!dialogue || !question) return `${vscode.l10n.t('The question “{0}” is no longer in the library.', uri.query)}\n`;
    const answer = modelAnswerText(dialogue.turns, question.turnIndex) ?? `*${vscode.l10n.t('This question has no model answer in its dialogue.')}*`;
    const keyPoints = question.keyPoints.length > 0 ? `\n\n## ${vscode.l10n.t('Key points')}\n\n${question.keyPoints.map((point) => `- ${point}`).join('\n')}` : '';
    return `# ${question.prompt}\n\n*${vscode.l10n.t('Model answer from {0}', dialogue.title)}*\n\n${answer}${keyPoints}\n`;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
