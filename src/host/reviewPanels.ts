/**
 * The review of an answer: one webview beside the draft, showing the user's answer and the model answer side by
 * side, the key-point checklist and the rubric, the rating they propose and the next interval on each of the four
 * buttons. This is the one review panel's keeper, its serializer and what the commands ask of it; the panel itself
 * (src/host/reviewPanel.ts, with the rubric and the proposal) loads with the practice chunk when a review first
 * opens. It survives a window reload through its serializer (no `retainContextWhenHidden`).
 */
import * as vscode from 'vscode';
import type { Rating } from '../core/history/events';
import type { RatingOption } from '../core/review/scheduler';
import { ContextKeys, Settings as SettingIds, WebviewTypes } from '../ids';
import type { ReviewState } from '../protocol/review';
import { ContextKey } from './contextKey';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';
import type { ReviewPanel } from './reviewPanel';
import type { Settings } from './settings';
import { webviewOptions } from './webviewPage';

export interface ReviewContext {
  extensionUri: vscode.Uri;
  libraries: LibraryService;
  history: HistoryService;
  log: vscode.LogOutputChannel;
  /** How many questions the due queue still holds after this one, while the user practises it. */
  queueRemaining(): number | undefined;
  /** For Check Against Key Points: the interviewer setting, and where consent to send is remembered. */
  settings: () => Settings;
  state: vscode.Memento;
}

/** Reviews taken one after another (the questions of a mock interview): position, and what comes next. */
export interface ReviewSeries {
  position: number;
  count: number;
  /** After each rating (the session report is rewritten with it). */
  onRated(): void;
  /** The user chose to go on: the next review, or the report after the last. */
  next(): Promise<void>;
}

export class ReviewPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private panelValue: ReviewPanel | undefined;
  private readonly open = new ContextKey<boolean>(ContextKeys.reviewOpen);
  private readonly subscriptions: vscode.Disposable[];
  /** The end of the last call that may open the panel: the next one waits for it, so one panel opens, not two. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: ReviewContext) {
    this.subscriptions = [vscode.window.registerWebviewPanelSerializer(WebviewTypes.review, this)];
  }

  private get panel(): ReviewPanel | undefined {
    return this.panelValue;
  }

  /** The one review panel; the context key lets the palette offer Rate Answer while it is open. */
  private set panel(panel: ReviewPanel | undefined) {
    this.panelValue = panel;
    this.open.set(panel !== undefined);
  }

  /** Rates the answer under review, as its buttons do (the palette's Rate Answer, keyboard and screen-reader users). */
  async rate(rating: Rating): Promise<boolean> {
    return (await this.panel?.rate(rating)) ?? false;
  }

  /** Check Against Key Points for the answer under review (its button, or the palette). */
  async checkKeyPoints(): Promise<void> {
    if (!this.panel) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a review first: finish an answer, or pick one with Review Answer.'));
      return;
    }
    if (!this.context.settings().interviewerEnabled) {
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The interviewer is off. Turned on, Check Against Key Points sends the question, its key points and your answer to a language model you have in VS Code, only when you click, and shows you exactly what is sent the first time.'), vscode.l10n.t('Turn On and Check'));
      if (!choice) return;
      await vscode.workspace.getConfiguration().update(SettingIds.interviewerEnabled, true, vscode.ConfigurationTarget.Global);
    }
    await this.panel.checkKeyPoints();
  }

  /** The checklist as the review shows it, with the model's suggestions (for tests and screen readers' palette users). */
  keyPoints(): ReviewState['keyPoints'] {
    return this.panel?.keyPoints() ?? [];
  }

  /** The four ratings with their next intervals, for the attempt under review. */
  options(): RatingOption[] {
    return this.panel ? this.context.history.preview(this.panel.status.questionId) : [];
  }

  /**
   * Shows the review of an attempt in the one review panel: in `column` (the player's, so the review sits beside
   * the draft instead of squeezing a third column in), else beside the active editor.
   */
  show(attemptId: string, column?: vscode.ViewColumn, series?: ReviewSeries): Promise<void> {
    return this.inTurn(() => this.showNow(attemptId, column, series));
  }

  private async showNow(attemptId: string, column?: vscode.ViewColumn, series?: ReviewSeries): Promise<void> {
    await this.context.history.ready();
    const attempt = this.context.history.current?.attempt(attemptId);
    if (!attempt) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That attempt is no longer in your practice history (it was deleted). Pick another one from the question’s history.'));
      return;
    }
    const { ReviewPanel } = await import('../lazy/practice');
    if (this.panel) {
      await this.panel.load(attempt, series);
      this.panel.reveal();
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(WebviewTypes.review, vscode.l10n.t('Review'), { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(this.context.extensionUri));
    this.panel = await ReviewPanel.create(webviewPanel, attempt, this.context, () => (this.panel = undefined), series);
  }

  /** The attempt under review, if the panel is open. */
  get current(): { attemptId: string; questionId: string; rated: boolean } | undefined {
    return this.panel?.status;
  }

  deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.inTurn(() => this.restore(webviewPanel, state));
  }

  private async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { parsePersistedReview } = await import('../lazy/protocol');
    const persisted = parsePersistedReview(state);
    await this.context.history.ready();
    const attempt = persisted && this.context.history.current?.attempt(persisted.attemptId);
    if (!attempt || this.panel) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.context.extensionUri);
    const { ReviewPanel } = await import('../lazy/practice');
    this.panel = await ReviewPanel.create(webviewPanel, attempt, this.context, () => (this.panel = undefined));
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
