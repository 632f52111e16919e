/**
 * One timed answer at a time. It keeps the attempt's state (src/core/attempt.ts) in globalState so a window
 * reload continues it with the right time left, and hands the jobs to their owners: the draft file to
 * `DraftFiles`, the clock to `TimerStatusBar`, the `when` clauses and the repaint to `TimedActivity`, the record to the history.
 */
import * as vscode from 'vscode';
import {
  type ActiveAttempt, finishAttempt, isPaused, noticeOvertime, pauseAttempt, presentTimer, resumeAttempt, startAttempt,
} from '../core/attempt';
import type { AttemptEvent } from '../core/history/events';
import { budgetOf, draftFileName, draftTemplate } from '../core/draft';
import type { Dialogue, Question } from '../core/model';
import { truncate } from '../core/text';
import { Commands, ContextKeys, Settings as SettingIds, StateKeys } from '../ids';
import type { PlayerTimer } from '../protocol/player';
import { DraftFiles } from './draftFiles';
import { draftsFolderUri } from './paths';
import type { HistoryService } from './historyService';
import type { Settings } from './settings';
import { TimedActivity } from './timedActivity';
import { TimerStatusBar } from './timerStatusBar';

export interface AnswerSessionOptions {
  state: vscode.Memento;
  globalStorage: vscode.Uri;
  history: HistoryService;
  settings: () => Settings;
  log: vscode.LogOutputChannel;
}

export class AnswerSession implements vscode.Disposable {
  private active: ActiveAttempt | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an attempt starts, pauses, resumes or ends, and on each repaint (once a second while running). */
  readonly onDidChange = this.changed.event;
  private readonly drafts: DraftFiles;
  private readonly statusBar = new TimerStatusBar();
  private readonly activity = new TimedActivity({ active: ContextKeys.attemptActive, running: ContextKeys.timerRunning, paused: ContextKeys.timerPaused }, () => this.tick());

  constructor(private readonly options: AnswerSessionOptions) {
    this.drafts = new DraftFiles(options.log);
  }

  /**
   * Continues the attempt a previous window left running. Called at activation; the stored value is read (and zod
   * loaded to check it) only when there is one. With none, nothing is shown and the `when` keys are left unset
   * (false) as the workbench starts them: three `setContext` round trips were a tenth of the activation. As with a
   * mock session, a key could stay set only if the extension host restarted while another window ended the answer;
   * the commands it offers then say that no answer is in progress.
   */
  async restore(): Promise<void> {
    const raw = this.options.state.get(StateKeys.activeAttempt);
    if (raw === undefined) return;
    const { parseStoredAttempt } = await import('../lazy/protocol');
    this.active ??= parseStoredAttempt(raw);
    if (!this.active) this.options.log.warn('Ignored an unreadable stored attempt.');
    this.drafts.watch(this.active?.draftPath);
    this.update();
  }

  get current(): ActiveAttempt | undefined {
    return this.active;
  }

  /** What the player shows of the running attempt. */
  playerTimer(): PlayerTimer | null {
    if (!this.active) return null;
    const { label, phase, paused } = presentTimer(this.active, Date.now(), this.options.settings().warningThreshold);
    return { questionId: this.active.questionId, prompt: this.active.prompt, label, phase, paused };
  }

  /** Starts answering a question; if another attempt runs, asks what to do with it first. Returns false if cancelled. */
  async start(dialogue: Dialogue, question: Question): Promise<boolean> {
    if (this.active) {
      if (this.active.questionId === question.id) {
        await this.showDraft();
        return true;
      }
      const finish = vscode.l10n.t('Finish It');
      const abandon = vscode.l10n.t('Abandon It');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('You are still answering “{0}”. What should happen to that answer?', truncate(this.active.prompt, 60)),
        { modal: true, detail: vscode.l10n.t('Its draft file is kept either way.') },
        finish,
        abandon,
      );
      if (choice === finish) await this.finish();
      else if (choice === abandon) await this.abandon();
      else return false;
    }
    const settings = this.options.settings();
    const budgetSeconds = budgetOf(dialogue, question, settings);
    const startedAt = Date.now();
    const template = draftTemplate(dialogue, question, budgetSeconds);
    const folder = this.draftsFolder(settings);
    let draft: vscode.Uri;
    try {
      draft = await this.drafts.create(folder, (copy) => draftFileName(question, startedAt, copy), template);
    } catch (error) {
      const open = await vscode.window.showErrorMessage(vscode.l10n.t('Cannot create the draft in {0}: {1}. Check the setting {2}.', folder.fsPath, String(error), SettingIds.draftsFolder), vscode.l10n.t('Open Settings'));
      if (open) void vscode.commands.executeCommand('workbench.action.openSettings', SettingIds.draftsFolder);
      return false;
    }
    await this.setActive(startAttempt({ questionId: question.id, dialogueId: dialogue.id, topic: dialogue.topic, prompt: question.prompt, draftPath: draft.toString(), template, budgetSeconds }, startedAt));
    await this.showDraft();
    return true;
  }

  async showDraft(): Promise<vscode.TextEditor | undefined> {
    return this.active && this.drafts.show(this.active.draftPath, this.active.template);
  }

  async pause(): Promise<void> {
    if (!this.active || isPaused(this.active)) return;
    const paused = pauseAttempt(this.active, Date.now());
    await this.drafts.saveAndRead(paused.draftPath);
    await this.setActive(paused);
  }

  async resume(): Promise<void> {
    if (this.active && isPaused(this.active)) await this.setActive(resumeAttempt(this.active, Date.now()));
  }

  /**
   * Saves the draft and records the attempt. Returns the recorded event (undefined when nothing ran, or the history
   * could not be written: the user was told, and the draft file is kept either way).
   */
  async finish(): Promise<AttemptEvent | undefined> {
    const attempt = this.active;
    if (!attempt) return undefined;
    const record = finishAttempt(attempt, Date.now(), await this.drafts.saveAndRead(attempt.draftPath));
    const event = await this.options.history.recordAttempt(record);
    await this.setActive(undefined);
    return event;
  }

  /** Stops the attempt without recording it; the draft file stays where it is. */
  async abandon(): Promise<void> {
    const attempt = this.active;
    if (!attempt) return;
    await this.drafts.saveAndRead(attempt.draftPath);
    await this.setActive(undefined);
    const path = vscode.Uri.parse(attempt.draftPath);
    void vscode.window.showInformationMessage(vscode.l10n.t('Answer abandoned. Your draft is kept at {0}.', path.fsPath), vscode.l10n.t('Open Draft')).then((open) => {
      if (open) void vscode.window.showTextDocument(path);
    });
  }

  private draftsFolder(settings: Settings): vscode.Uri {
    return draftsFolderUri(settings.draftsFolder, this.options.globalStorage);
  }

  private async setActive(attempt: ActiveAttempt | undefined): Promise<void> {
    this.active = attempt;
    this.drafts.watch(attempt?.draftPath);
    await this.options.state.update(StateKeys.activeAttempt, attempt);
    this.update();
  }

  /** Context keys and the repaint follow the state. */
  private update(): void {
    this.activity.update(this.active !== undefined, this.active !== undefined && isPaused(this.active));
  }

  /** Once a second while running: the one-time overtime alert, then a repaint. */
  private tick(): void {
    const now = Date.now();
    if (this.active) {
      const { attempt, alert } = noticeOvertime(this.active, now);
      if (alert) {
        this.active = attempt;
        void this.options.state.update(StateKeys.activeAttempt, attempt);
        void vscode.window.showWarningMessage(vscode.l10n.t('Time is up for “{0}”. Wrap up your answer and finish when ready; the timer now counts overtime.', truncate(attempt.prompt, 60)), vscode.l10n.t('Finish Answer')).then((choice) => {
          if (choice) void vscode.commands.executeCommand(Commands.finishAnswer);
        });
      }
      this.statusBar.show(presentTimer(this.active, now, this.options.settings().warningThreshold));
    } else {
      this.statusBar.hide();
    }
    this.changed.fire();
  }

  dispose(): void {
    this.activity.dispose();
    this.drafts.dispose();
    this.statusBar.dispose();
    this.changed.dispose();
  }
}
