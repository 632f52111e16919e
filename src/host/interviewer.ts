/**
 * The interviewer's way to the user's own language model (`vscode.lm`): choose a model, size the request to it,
 * show exactly what will be sent the first time and send only after the user agrees, stream the reply with a
 * cancellable progress notification, and turn every failure into an `InterviewerFailure` for the caller to explain
 * (src/core/interviewer/failures.ts). The prompts and the reading of replies are src/core/interviewer.
 * Loaded with `import()` when the user first asks; nothing here runs at activation.
 */
import * as vscode from 'vscode';
import type { ModelLimits } from '../core/interviewer/fitDraft';
import type { InterviewerFailure } from '../core/interviewer/failures';
import { requestPreview, type InterviewerRequest, type PreparedRequest } from '../core/interviewer/prompts';
import { PREVIEW_SCHEME, StateKeys } from '../ids';

export type AskResult =
  | { reply: string; model: string }
  /** `partial` is what arrived before a stream broke (or was cancelled). */
  | { failure: InterviewerFailure; model: string; partial?: string }
  /** The request could not be prepared (said to the user already), or it was refused before anything was sent. */
  | { stopped: string };

export interface AskOptions {
  /** Builds the request for the chosen model (core `prepareFollowUp` / `prepareKeyPointCheck`). */
  prepare(limits: ModelLimits): Promise<PreparedRequest>;
  /** The progress notification's title, e.g. `Asking for a follow-up`. */
  title: string;
  /** Called as the request goes out (after any consent), so a view can show that the model is asked. */
  onSending?(): void;
  /** Called with the whole reply so far after each chunk. */
  onText?(text: string): void;
}

/** Marked in the extension host when a reply's first text arrives (scripts/bench reads it). */
const FIRST_TEXT_MARK = 'interview-dialogues:first-model-text';

export class Interviewer {
  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async ask(options: AskOptions): Promise<AskResult> {
    const model = (await vscode.lm.selectChatModels())[0];
    if (!model) return { failure: { kind: 'no-model' }, model: vscode.l10n.t('a language model') };
    const name = model.name || model.id;
    const prepared = await options.prepare({ maxInputTokens: model.maxInputTokens, countTokens: (text) => Promise.resolve(model.countTokens(text)) });
    if ('error' in prepared) return { stopped: prepared.error };
    const { request } = prepared;
    if (!(await this.consent(request, model))) return { failure: { kind: 'consent-refused' }, model: name };
    if (request.trim) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Your draft is too long for {0}: {1} of its {2} characters, from the middle, were left out of what was sent.', name, request.trim.omittedChars, request.trim.totalChars));
    }
    return this.send(model, request, options);
  }

  /**
   * The first request to a model shows exactly what is sent (a read-only document beside, closed again once the user
   * decided) and asks. Agreement is remembered per model in globalState; refusing sends nothing.
   */
  private async consent(request: InterviewerRequest, model: vscode.LanguageModelChat): Promise<boolean> {
    const key = `${model.vendor}/${model.id}`;
    const agreed = this.state.get<string[]>(StateKeys.interviewerConsent, []);
    if (Array.isArray(agreed) && agreed.includes(key)) return true;
    const text = requestPreview(request, { name: model.name || model.id, vendor: model.vendor });
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${vscode.l10n.t('What will be sent')}.txt`, query: String(Date.now()) });
    const provider = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: () => text });
    const send = vscode.l10n.t('Send');
    let choice: string | undefined;
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Send your draft to {0}?', model.name || model.id),
        { modal: true, detail: vscode.l10n.t('The editor beside shows exactly what will be sent: the question, its key points and your draft. Nothing is sent unless you choose Send. Later requests to this model are sent when you click, without asking again.') },
        send,
      );
    } finally {
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
      await vscode.window.tabGroups.close(tabs);
      provider.dispose();
    }
    if (choice !== send) return false;
    await this.state.update(StateKeys.interviewerConsent, [...(Array.isArray(agreed) ? agreed : []), key]);
    return true;
  }

  private send(model: vscode.LanguageModelChat, request: InterviewerRequest, options: AskOptions): Promise<AskResult> {
    const name = model.name || model.id;
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${options.title} (${name})…`, cancellable: true }, async (_progress, token): Promise<AskResult> => {
        let reply = '';
        try {
          const messages = request.messages.map((m) => (m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.text) : vscode.LanguageModelChatMessage.Assistant(m.text)));
          options.onSending?.();
          const response = await model.sendRequest(messages, { justification: request.justification }, token);
          for await (const chunk of response.text) {
            if (token.isCancellationRequested) break;
            // Bench hook, as the webviews have theirs: when the reply's first text reached this extension host.
            if (reply === '') performance.mark(FIRST_TEXT_MARK);
            reply += chunk;
            options.onText?.(reply);
          }
          if (token.isCancellationRequested) return { failure: { kind: 'cancelled', receivedChars: reply.length }, model: name, partial: reply };
          return { reply, model: name };
        } catch (error) {
          if (token.isCancellationRequested || error instanceof vscode.CancellationError) return { failure: { kind: 'cancelled', receivedChars: reply.length }, model: name, partial: reply };
          const code = error instanceof vscode.LanguageModelError ? error.code : undefined;
          const message = error instanceof Error ? error.message : String(error);
          this.log.warn(`The language model ${name} failed${code ? ` (${code})` : ''} after ${reply.length} characters: ${message}`);
          return { failure: { kind: 'error', ...(code ? { code } : {}), message, receivedChars: reply.length }, model: name, partial: reply };
        }
      }),
    );
  }
}
