/**
 * One timed answer at a time: the draft file beside the player, the status-bar countdown, and the attempt record.
 * The running attempt is persisted in globalState, so a window reload continues it with the right time left.
 */
import * as vscode from 'vscode';
import { type ActiveAttempt, ActiveAttemptSchema } from '../core/attempts';
import { answerStartLine, budgetOf, draftFileName, draftTemplate, writtenWords } from '../core/draft';
import type { Dialogue, Question } from '../core/model';
import { formatDuration, truncate } from '../core/text';
import { pauseTimer, resumeTimer, startTimer, type TimerView, viewTimer } from '../core/timer';
import type { PlayerTimer } from '../protocol';
import { uriExists, userFolderUri } from './paths';
import type { ProgressService } from './progressService';
import type { Settings } from './settings';

const STATE_KEY = 'interviewDialogues.activeAttempt.v1';
const AUTOSAVE_DELAY_MS = 1500;

export interface AnswerSessionOptions {
  state: vscode.Memento;
  globalStorage: vscode.Uri;
  progress: ProgressService;
  settings: () => Settings;
  log: vscode.LogOutputChannel;
  now?: () => number;
}

export class AnswerSession implements vscode.Disposable {
  private active: ActiveAttempt | undefined;
  private readonly statusItem: vscode.StatusBarItem;
  private repaint: ReturnType<typeof setInterval> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an attempt starts, pauses, resumes or ends, and on each repaint (once a second while running). */
  readonly onDidChange = this.changed.event;
  private readonly now: () => number;
  private autosave: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly options: AnswerSessionOptions) {
    this.now = options.now ?? Date.now;
    // The draft saves itself shortly after each change, so a crash or a closed browser tab never loses text.
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (!this.active || document.uri.toString() !== this.active.draftPath) return;
        clearTimeout(this.autosave);
        this.autosave = setTimeout(() => void this.save(document), AUTOSAVE_DELAY_MS);
      }),
    ];
    this.statusItem = vscode.window.createStatusBarItem('interviewDialogues.timer', vscode.StatusBarAlignment.Left, 100);
    this.statusItem.name = 'Interview Dialogues Timer';
    this.statusItem.command = 'interviewDialogues.timerActions';
    const stored = ActiveAttemptSchema.safeParse(options.state.get(STATE_KEY));
    if (stored.success) this.active = stored.data;
    else if (options.state.get(STATE_KEY) !== undefined) options.log.warn('Ignored an unreadable stored attempt.');
    this.update();
  }

  get current(): ActiveAttempt | undefined {
    return this.active;
  }

  /** What the player shows of the running attempt. */
  playerTimer(): PlayerTimer | null {
    if (!this.active) return null;
    const view = this.view(this.active);
    return { questionId: this.active.questionId, prompt: this.active.prompt, label: view.label, phase: view.phase, paused: view.paused };
  }

  /** Starts answering a question; if another attempt runs, asks what to do with it first. Returns false if cancelled. */
  async start(dialogue: Dialogue, question: Question): Promise<boolean> {
    if (this.active) {
      if (this.active.questionId === question.id) {
        await this.showDraft();
        return true;
      }
      const running = truncate(this.active.prompt, 60);
      const choice = await vscode.window.showWarningMessage(
        `You are still answering “${running}”. What should happen to that answer?`,
        { modal: true, detail: 'Its draft file is kept either way.' },
        'Finish It',
        'Abandon It',
      );
      if (choice === 'Finish It') await this.finish();
      else if (choice === 'Abandon It') await this.abandon();
      else return false;
    }
    const settings = this.options.settings();
    const budgetSeconds = budgetOf(dialogue, question, settings);
    const startedAt = this.now();
    const template = draftTemplate(dialogue, question, budgetSeconds);
    let draft = vscode.Uri.joinPath(this.draftsFolder(settings), draftFileName(question, startedAt));
    try {
      // Never overwrite a draft: a second attempt in the same second gets its own file.
      for (let n = 2; await uriExists(draft); n++) draft = vscode.Uri.joinPath(this.draftsFolder(settings), draftFileName(question, startedAt, n));
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(template));
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot create the draft in ${draft.fsPath}: ${String(error)}. Check the setting interviewDialogues.draftsFolder.`, 'Open Settings').then((open) => {
        if (open) void vscode.commands.executeCommand('workbench.action.openSettings', 'interviewDialogues.draftsFolder');
      });
      return false;
    }
    this.active = {
      questionId: question.id,
      dialogueId: dialogue.id,
      prompt: question.prompt,
      draftPath: draft.toString(),
      template,
      timer: startTimer(startedAt, budgetSeconds),
      warned: false,
    };
    await this.persist();
    await this.showDraft();
    return true;
  }

  async showDraft(): Promise<vscode.TextEditor | undefined> {
    if (!this.active) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.active.draftPath));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    // A fresh draft starts under its first heading; a draft already written in keeps the cursor at its end.
    const fresh = document.getText() === this.active.template;
    const position = fresh ? document.lineAt(Math.min(answerStartLine(this.active.template), document.lineCount - 1)).range.end : document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(position, position);
    return editor;
  }

  async pause(): Promise<void> {
    if (!this.active || this.active.timer.pausedAt !== undefined) return;
    this.active = { ...this.active, timer: pauseTimer(this.active.timer, this.now()) };
    await this.saveDraft();
    await this.persist();
  }

  async resume(): Promise<void> {
    if (!this.active || this.active.timer.pausedAt === undefined) return;
    this.active = { ...this.active, timer: resumeTimer(this.active.timer, this.now()) };
    await this.persist();
  }

  /** Saves the draft and records the attempt. Returns what was recorded. */
  async finish(): Promise<{ questionId: string; dialogueId: string; activeSeconds: number } | undefined> {
    const attempt = this.active;
    if (!attempt) return undefined;
    const finishedAt = this.now();
    const view = this.view(attempt, finishedAt);
    const text = await this.saveDraft();
    const activeSeconds = Math.round(view.elapsedMs / 1000);
    await this.options.progress.record({
      questionId: attempt.questionId,
      dialogueId: attempt.dialogueId,
      prompt: attempt.prompt,
      startedAt: attempt.timer.startedAt,
      finishedAt,
      activeSeconds,
      budgetSeconds: attempt.timer.budgetSeconds,
      overtimeSeconds: Math.max(0, activeSeconds - attempt.timer.budgetSeconds),
      wordCount: text === undefined ? 0 : writtenWords(text, attempt.template),
      draftPath: attempt.draftPath,
    });
    this.active = undefined;
    await this.persist();
    const overtime = activeSeconds > attempt.timer.budgetSeconds ? `, ${formatDuration(activeSeconds - attempt.timer.budgetSeconds)} over` : '';
    void vscode.window
      .showInformationMessage(`Answered in ${formatDuration(activeSeconds)} of ${formatDuration(attempt.timer.budgetSeconds)}${overtime}. Compare your draft with the model answer.`, 'Compare with Model Answer')
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('interviewDialogues.compareWithModelAnswer', { questionId: attempt.questionId });
      });
    return { questionId: attempt.questionId, dialogueId: attempt.dialogueId, activeSeconds };
  }

  /** Stops the attempt without recording it; the draft file stays where it is. */
  async abandon(): Promise<void> {
    const attempt = this.active;
    if (!attempt) return;
    await this.saveDraft();
    this.active = undefined;
    await this.persist();
    const path = vscode.Uri.parse(attempt.draftPath);
    void vscode.window.showInformationMessage(`Answer abandoned. Your draft is kept at ${path.fsPath}.`, 'Open Draft').then((open) => {
      if (open) void vscode.window.showTextDocument(path);
    });
  }

  /** Saves the draft if it is open and returns its text (from the editor, else from disk). */
  private async saveDraft(): Promise<string | undefined> {
    if (!this.active) return undefined;
    const uri = vscode.Uri.parse(this.active.draftPath);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      clearTimeout(this.autosave);
      await this.save(open);
      return open.getText();
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /** Saves one at a time: two overlapping saves of a file make VS Code report a conflict with itself. */
  private save(document: vscode.TextDocument): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (document.isDirty && !document.isClosed && !(await document.save())) this.options.log.warn(`Could not save the draft ${document.uri.fsPath}`);
    });
    return this.saving;
  }

  private draftsFolder(settings: Settings): vscode.Uri {
    return (settings.draftsFolder && userFolderUri(settings.draftsFolder)) || vscode.Uri.joinPath(this.options.globalStorage, 'drafts');
  }

  private view(attempt: ActiveAttempt, at = this.now()): TimerView {
    return viewTimer(attempt.timer, at, this.options.settings().warningThreshold);
  }

  private async persist(): Promise<void> {
    await this.options.state.update(STATE_KEY, this.active);
    this.update();
  }

  /** Repaints the status bar and context keys; a 1 s interval repaints only, the clock does the counting. */
  private update(): void {
    const attempt = this.active;
    const paused = attempt?.timer.pausedAt !== undefined;
    void vscode.commands.executeCommand('setContext', 'interviewDialogues.attemptActive', Boolean(attempt));
    void vscode.commands.executeCommand('setContext', 'interviewDialogues.timerRunning', Boolean(attempt) && !paused);
    void vscode.commands.executeCommand('setContext', 'interviewDialogues.timerPaused', Boolean(attempt) && paused);
    if (attempt && !paused) {
      this.repaint ??= setInterval(() => this.paint(), 1000);
    } else if (this.repaint) {
      clearInterval(this.repaint);
      this.repaint = undefined;
    }
    this.paint();
  }

  private paint(): void {
    const attempt = this.active;
    if (!attempt) {
      this.statusItem.hide();
      this.changed.fire();
      return;
    }
    const view = this.view(attempt);
    const title = truncate(attempt.prompt, 32);
    const icon = view.paused ? '$(debug-pause)' : '$(watch)';
    this.statusItem.text = `${icon} ${view.label}${view.paused ? ' paused' : ''} ${title}`;
    const left = view.phase === 'overtime' ? `${view.label.slice(1)} over time` : `${view.label} left`;
    this.statusItem.tooltip = `Answering: ${attempt.prompt}\n${left}${view.paused ? ' (paused)' : ''}. Click for Pause/Resume, Finish or Abandon.`;
    this.statusItem.accessibilityInformation = { label: `Answer timer: ${left}${view.paused ? ', paused' : ''}. ${attempt.prompt}`, role: 'button' };
    this.statusItem.backgroundColor =
      view.phase === 'overtime' ? new vscode.ThemeColor('statusBarItem.errorBackground') : view.phase === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.statusItem.show();
    if (view.phase === 'overtime' && !attempt.warned) {
      this.active = { ...attempt, warned: true };
      void this.options.state.update(STATE_KEY, this.active);
      void vscode.window.showWarningMessage(`Time is up for “${truncate(attempt.prompt, 60)}”. Wrap up your answer and finish when ready; the timer now counts overtime.`, 'Finish Answer').then((choice) => {
        if (choice) void vscode.commands.executeCommand('interviewDialogues.finishAnswer');
      });
    }
    this.changed.fire();
  }

  dispose(): void {
    if (this.repaint) clearInterval(this.repaint);
    clearTimeout(this.autosave);
    for (const s of this.subscriptions) s.dispose();
    this.statusItem.dispose();
    this.changed.dispose();
  }
}
