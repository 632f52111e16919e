/**
 * One mock interview at a time, driven through the pure session in src/core/mock (docs/mock-sessions.md has the
 * order of the calls). This adapter keeps the state in globalState so a window reload continues it, writes the
 * session draft, the report and the transcript, shows the clocks in the status bar, says when a stage's time is up,
 * and at the end records each question as an attempt and takes the user through their reviews.
 * Loaded on first use (./mockSessions), never at activation unless a session is running.
 */
import * as vscode from 'vscode';
import { plural } from '../core/plural';
import {
  addFollowUp as addSessionFollowUp, currentQuestion, endSession, nextQuestion, nextStage, pauseSession, playerView, recordAnswers, resumeSession,
  startMockSession, takeDueEvents, viewSession, type MockSession, type MockSessionView, type SessionEvent,
} from '../core/mock/session';
import { questionSection, followUpSection, sessionDraftTemplate, splitSessionDraft } from '../core/mock/sessionDraft';
import { questionReviewOf, reachedQuestions, readStoredSession, sessionAttemptRecords, type FinishedSession, type StoredSession } from '../core/mock/sessionRecord';
import { sessionReport, type QuestionReview } from '../core/mock/sessionReport';
import { sessionTranscript, transcriptId } from '../core/mock/transcript';
import { interviewerInput, type InterviewerInput } from '../core/mock/interviewerInput';
import type { Dialogue } from '../core/model';
import { modelAnswerText } from '../core/questions';
import { slugify, truncate } from '../core/text';
import { Commands, ContextKeys, Settings as SettingIds, StateKeys } from '../ids';
import type { PlayerSession } from '../protocol/player';
import { TimedActivity } from './timedActivity';
import { appendToDraft, DraftFiles } from './draftFiles';
import { localDateTime } from './l10n';
import type { MockServices } from './mockSessions';
import { draftsFolderUri, freeFileUri, sessionsFolderUri } from './paths';
import { SessionStatusBar } from './sessionStatusBar';

export class MockSessionController implements vscode.Disposable {
  private stored: StoredSession | undefined;
  /** The dialogue's model answers by question key, for the player once the interview is over. */
  private modelAnswers = new Map<string, string>();
  /** One transition at a time: a double click on Next must not skip a question. */
  private busy: Promise<unknown> = Promise.resolve();
  private readonly statusBar = new SessionStatusBar();
  private readonly drafts: DraftFiles;
  private readonly activity = new TimedActivity({ active: ContextKeys.sessionActive, running: ContextKeys.sessionRunning, paused: ContextKeys.sessionPaused }, () => this.tick());

  constructor(
    private readonly services: MockServices,
    private readonly changed: () => void,
  ) {
    this.drafts = new DraftFiles(services.log);
  }

  get session(): MockSession | undefined {
    return this.stored?.session;
  }

  /** Started and not ended (paused or not). */
  get running(): boolean {
    return this.stored !== undefined && !this.stored.session.ended;
  }

  get paused(): boolean {
    return this.running && this.stored!.session.clock.pausedAt !== undefined;
  }

  /** Continues what the last window left: a running session with its clocks, or the reviews after its end. */
  async restore(): Promise<void> {
    const raw = this.services.state.get(StateKeys.mockSession);
    if (raw === undefined) return;
    const stored = readStoredSession(raw);
    if (!stored) {
      this.services.log.warn('Ignored an unreadable stored mock interview.');
      await this.services.state.update(StateKeys.mockSession, undefined);
      void vscode.window.showWarningMessage(vscode.l10n.t('The mock interview from before the window reloaded could not be restored. Its draft file is untouched; start a new interview when ready.'));
      return;
    }
    this.stored = stored;
    await this.loadModelAnswers();
    this.drafts.watch(this.running ? stored.session.draftPath : undefined);
    this.update();
    // Ended, but the window closed before its attempts were recorded: record them now.
    if (stored.session.ended && !stored.finished) await this.serial(() => this.recordEnd());
  }

  /** Starts interviewing on a dialogue: one session at a time, and not while a single timed answer runs. */
  async start(dialogueId: string): Promise<boolean> {
    if (this.stored) return this.alreadyRunning();
    if (!(await this.settleSingleAnswer())) return false;
    const dialogue = await this.services.libraries.full(dialogueId);
    if (!dialogue) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The dialogue “{0}” is not in the library any more. Refresh the Topics view and pick it again.', dialogueId));
      return false;
    }
    const now = Date.now();
    const started = startMockSession({ dialogue, defaults: this.services.settings(), now, draftPath: '' });
    if ('error' in started) {
      void vscode.window.showErrorMessage(started.error);
      return false;
    }
    const folder = draftsFolderUri(this.services.settings().draftsFolder, this.services.globalStorage);
    let draft: vscode.Uri;
    try {
      const stamp = new Date(now).toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
      draft = await this.drafts.create(folder, (copy) => `${stamp}-mock-${truncate(slugify(dialogue.id), 48).replace(/…$/, '')}${copy ? `-${copy}` : ''}.md`, sessionDraftTemplate(started.session));
    } catch (error) {
      const open = await vscode.window.showErrorMessage(vscode.l10n.t("Cannot create the interview's draft in {0}: {1}. Check the setting {2}.", folder.fsPath, String(error), SettingIds.draftsFolder), vscode.l10n.t('Open Settings'));
      if (open) void vscode.commands.executeCommand('workbench.action.openSettings', SettingIds.draftsFolder);
      return false;
    }
    this.modelAnswers = modelAnswersOf(dialogue, started.session);
    await this.save({ version: 1, session: { ...started.session, draftPath: draft.toString() } });
    this.drafts.watch(draft.toString());
    // The player first (its session view shows the first prompt), then the draft beside it once the player's page
    // runs: opened at the same moment, the editor's start-up held the page's script back by seconds (the bench's
    // start → first prompt). A page that never starts does not hold the draft back for long.
    const player = await this.services.players().show(dialogueId);
    if (player) await Promise.race([player.started, new Promise((resolve) => setTimeout(resolve, 2000))]);
    await this.showDraft();
    return true;
  }

  async pause(): Promise<void> {
    const session = this.session;
    if (!session || !this.running || this.paused) return;
    await this.drafts.saveAndRead(session.draftPath);
    await this.save({ ...this.stored!, session: pauseSession(session, Date.now()) });
  }

  async resume(): Promise<void> {
    if (this.paused) await this.save({ ...this.stored!, session: resumeSession(this.session!, Date.now()) });
  }

  /** Next Question: into the next stage when the stage has no more; on the last question, offers to end. */
  next(): Promise<void> {
    return this.serial(async () => {
      if (!this.running) return this.noSession();
      const session = await this.captureDraft();
      const step = viewSession(session, Date.now(), 0).next;
      if (step === 'end') {
        void vscode.window.showInformationMessage(vscode.l10n.t('This is the interview’s last question. End the interview when your answer is ready.'), vscode.l10n.t('End Interview')).then((choice) => {
          if (choice) void vscode.commands.executeCommand(Commands.endInterview);
        });
        return;
      }
      await this.moveTo(nextQuestion(session, Date.now()));
    });
  }

  /** Skips the rest of the stage (the time-up notification's offer). */
  nextStage(): Promise<void> {
    return this.serial(async () => {
      if (!this.running) return;
      const session = await this.captureDraft();
      await this.moveTo(nextStage(session, Date.now()));
    });
  }

  /**
   * Ends the interview (after a confirmation when questions are left), records every question reached as an attempt,
   * writes the report and the transcript, and starts the reviews. Called again after the end, it continues the reviews.
   */
  end(confirm = true): Promise<void> {
    return this.serial(async () => {
      if (!this.stored) return this.noSession();
      if (this.stored.finished) return this.continueReviews();
      if (!this.stored.session.ended) {
        const left = this.stored.session.stages.flatMap((s) => s.questions).filter((q) => q.startedAtMs === undefined).length;
        if (confirm && left > 0) {
          const endInterview = vscode.l10n.t('End Interview');
          const choice = await vscode.window.showWarningMessage(
            plural(vscode.l10n.t('End the interview now? {0, plural, one {# question was} other {# questions were}} not reached yet.'), left),
            { modal: true, detail: vscode.l10n.t('The questions you reached are recorded and reviewed; the report lists the others as not reached.') },
            endInterview,
          );
          if (choice !== endInterview) return;
        }
        const session = await this.captureDraft();
        await this.save({ ...this.stored, session: endSession(session, Date.now()) });
        this.drafts.watch(undefined);
      }
      await this.recordEnd();
    });
  }

  /** The status bar's click: what can be done now. */
  async actions(): Promise<void> {
    const stored = this.stored;
    if (!stored) return this.noSession();
    type Action = vscode.QuickPickItem & { run: () => unknown };
    const view = viewSession(stored.session, Date.now(), this.services.settings().warningThreshold);
    const finished = stored.finished;
    const actions: Action[] = finished
      ? [
          { label: `$(checklist) ${vscode.l10n.t('Continue the Reviews')}`, description: reviewProgress(finished), run: () => this.end(false) },
          { label: `$(output) ${vscode.l10n.t('Skip the Rest and Show the Report')}`, run: () => this.serial(() => this.complete()) },
        ]
      : [
          this.paused ? { label: `$(debug-continue) ${vscode.l10n.t('Resume')}`, run: () => this.resume() } : { label: `$(debug-pause) ${vscode.l10n.t('Pause')}`, run: () => this.pause() },
          view.next === 'end'
            ? { label: `$(debug-stop) ${vscode.l10n.t('End Interview')}`, description: vscode.l10n.t('this is the last question'), run: () => this.end() }
            : { label: `$(arrow-right) ${vscode.l10n.t('Next Question')}`, run: () => this.next() },
          ...(view.next === 'stage' || (view.staged && view.next === 'question') ? [{ label: `$(debug-step-over) ${vscode.l10n.t('Next Stage')}`, description: vscode.l10n.t('skip the rest of this stage'), run: () => this.nextStage() }] : []),
          { label: `$(comment-discussion) ${vscode.l10n.t('Ask a Follow-up')}`, description: vscode.l10n.t('your own language model, opt-in'), run: () => vscode.commands.executeCommand(Commands.askFollowUp) },
          ...(view.next !== 'end' ? [{ label: `$(debug-stop) ${vscode.l10n.t('End Interview')}`, run: () => this.end() }] : []),
          { label: `$(go-to-file) ${vscode.l10n.t('Show Draft')}`, run: () => this.showDraft() },
          { label: `$(play) ${vscode.l10n.t('Show Player')}`, run: () => this.services.players().show(stored.session.dialogue.id) },
        ];
    const choice = await vscode.window.showQuickPick(actions, { title: vscode.l10n.t('Mock interview: {0}', stored.session.dialogue.title), placeHolder: view.description });
    await choice?.run();
  }

  /** What Ask a Follow-up sends: the current question and the draft as it stands (read from the editor). */
  async interviewerInput(): Promise<InterviewerInput | undefined> {
    if (!this.running) return undefined;
    const session = this.session!;
    const text = await this.drafts.saveAndRead(session.draftPath);
    return interviewerInput(session, splitSessionDraft(text ?? '', session).answers);
  }

  /** The current question's key, which a follow-up is added to. */
  get currentKey(): string | undefined {
    return this.running ? currentQuestion(this.session!).key : undefined;
  }

  /** Adds the interviewer's follow-up to the current question, and its section to the draft. */
  addFollowUp(text: string): Promise<void> {
    return this.serial(async () => {
      if (!this.running) return;
      const session = addSessionFollowUp(this.session!, Date.now(), text);
      const added = currentQuestion(session).followUps.at(-1);
      if (session === this.session || !added) return;
      await this.save({ ...this.stored!, session });
      await this.appendToDraft(followUpSection(added));
    });
  }

  snapshot(): { session: MockSession; finished?: FinishedSession; view: MockSessionView } | undefined {
    const stored = this.stored;
    if (!stored) return undefined;
    return { session: stored.session, ...(stored.finished ? { finished: stored.finished } : {}), view: viewSession(stored.session, Date.now(), this.services.settings().warningThreshold) };
  }

  playerSession(dialogueId: string): PlayerSession | undefined {
    const stored = this.stored;
    if (!stored || stored.session.dialogue.id !== dialogueId) return undefined;
    const { session, finished } = stored;
    const view = viewSession(session, Date.now(), this.services.settings().warningThreshold);
    const shown = playerView(session);
    return {
      title: session.dialogue.title,
      status: view.statusText,
      description: view.description,
      paused: view.paused,
      ended: view.ended,
      next: view.next,
      items: shown.items.map((item) => ({
        key: item.key,
        kind: item.kind,
        stageTitle: item.stageTitle,
        text: item.text,
        current: item.current && !view.ended,
        ...(shown.revealModelAnswers && this.modelAnswers.has(item.key) ? { modelAnswer: this.modelAnswers.get(item.key)! } : {}),
      })),
      ...(finished ? { reviewing: reviewProgress(finished) } : {}),
      interviewer: this.services.settings().interviewerEnabled,
    };
  }

  async showDraft(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const uri = vscode.Uri.parse(session.draftPath);
    const document = await vscode.workspace.openTextDocument(uri);
    // The column the draft is already in, so moving on never opens a second copy beside it.
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const end = document.lineAt(document.lineCount - 1).range.end;
    // Placed as the editor opens (and revealed), so keys typed the moment it has the focus land at the end.
    await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside, preview: false, selection: new vscode.Range(end, end) });
  }

  private async alreadyRunning(): Promise<boolean> {
    const title = this.session!.dialogue.title;
    const message = this.running
      ? vscode.l10n.t('A mock interview on “{0}” is running. End it before starting another.', title)
      : vscode.l10n.t('The interview on “{0}” is over but not reviewed yet. Finish its reviews (or skip them) before starting another.', title);
    const showIt = vscode.l10n.t('Show It');
    const choice = await vscode.window.showInformationMessage(message, this.running ? showIt : vscode.l10n.t('Continue the Reviews'));
    if (choice === showIt) await this.services.players().show(this.session!.dialogue.id);
    else if (choice) await this.end(false);
    return false;
  }

  /** A single timed answer in progress: ask what to do with it first, as starting another answer does. */
  private async settleSingleAnswer(): Promise<boolean> {
    const answers = this.services.answers;
    const attempt = answers.current;
    if (!attempt) return true;
    const finish = vscode.l10n.t('Finish It');
    const abandon = vscode.l10n.t('Abandon It');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('You are still answering “{0}”. What should happen to that answer before the interview starts?', truncate(attempt.prompt, 60)),
      { modal: true, detail: vscode.l10n.t('Its draft file is kept either way.') },
      finish,
      abandon,
    );
    if (choice === finish) await answers.finish();
    else if (choice === abandon) await answers.abandon();
    return choice !== undefined;
  }

  /** The draft as the user left it, saved, read back into the session (answers by section). */
  private async captureDraft(): Promise<MockSession> {
    const session = this.session!;
    const text = await this.drafts.saveAndRead(session.draftPath);
    if (text === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t("The interview's draft {0} was moved or deleted, so no answer could be read from it. The answers read before are kept.", vscode.Uri.parse(session.draftPath).fsPath));
      return session;
    }
    const split = splitSessionDraft(text, session);
    if (split.problems.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Interview draft: {0}', split.problems.join(' ')));
    return recordAnswers(session, split.answers);
  }

  private async moveTo(session: MockSession): Promise<void> {
    const before = this.session!;
    await this.save({ ...this.stored!, session });
    if (currentQuestion(session) !== currentQuestion(before)) {
      await this.appendToDraft(questionSection(session, currentQuestion(session)));
      await this.showDraft();
    }
  }

  /** Appends a section to the draft (through the editor: undo and unsaved typing survive) and saves it. */
  private async appendToDraft(text: string): Promise<void> {
    const uri = vscode.Uri.parse(this.session!.draftPath);
    try {
      await this.drafts.saveAndRead(uri.toString());
      await appendToDraft(uri, text);
    } catch (error) {
      this.services.log.error(`Cannot add to the interview draft ${uri.fsPath}: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t("Cannot add the next section to the interview's draft {0}: {1}. Add a heading starting with its label (for example `## Q2`) yourself.", uri.fsPath, String(error)));
    }
  }

  /** After the end: one attempt per question reached, the transcript, a first report; then the reviews. */
  private async recordEnd(): Promise<void> {
    const { session } = this.stored!;
    const now = Date.now();
    const attempts: { key: string; attemptId: string }[] = [];
    for (const { key, record } of sessionAttemptRecords(session, now)) {
      const event = await this.services.history.recordAttempt(record);
      if (event) attempts.push({ key, attemptId: event.id });
    }
    const transcript = await this.writeTranscript(session);
    const report = reportUriOf(session.draftPath);
    await this.save({ ...this.stored!, finished: { attempts, reportPath: report.toString(), ...(transcript ? { transcriptPath: transcript.toString() } : {}), reviewed: 0 } });
    await this.writeReport();
    if (transcript) void this.services.libraries.reload();
    await this.continueReviews();
  }

  /** Shows the next review of the session that is not rated yet, or, when all were seen, the report. */
  private async continueReviews(): Promise<void> {
    let finished = this.stored?.finished;
    if (!finished) return;
    await this.services.history.ready();
    let reviewed = finished.reviewed;
    while (reviewed < finished.attempts.length && this.isRated(finished.attempts[reviewed])) reviewed++;
    if (reviewed !== finished.reviewed) {
      finished = { ...finished, reviewed };
      await this.save({ ...this.stored!, finished });
    }
    if (finished.reviewed >= finished.attempts.length) return this.complete();
    const { attemptId } = finished.attempts[finished.reviewed];
    const column = this.services.players().get(this.session!.dialogue.id)?.column;
    await this.services.reviews.show(attemptId, column, {
      position: finished.reviewed + 1,
      count: finished.attempts.length,
      onRated: () => void this.writeReport(),
      next: () =>
        this.serial(async () => {
          const current = this.stored?.finished;
          if (!current || current.attempts[current.reviewed]?.attemptId !== attemptId) return;
          await this.save({ ...this.stored!, finished: { ...current, reviewed: current.reviewed + 1 } });
          await this.continueReviews();
        }),
    });
  }

  private isRated({ key, attemptId }: { key: string; attemptId: string }): boolean {
    const question = reachedQuestions(this.session!).find((q) => q.key === key);
    return question !== undefined && (this.services.history.current?.question(question.questionId)?.reviews.some((r) => r.attempt === attemptId) ?? false);
  }

  /** The last step: the final report opened, the session closed, the transcript offered for replay. */
  private async complete(): Promise<void> {
    const stored = this.stored;
    if (!stored?.finished) return;
    const report = await this.writeReport();
    const { transcriptPath } = stored.finished;
    await this.save(undefined);
    if (report) await vscode.window.showTextDocument(report, { preview: false });
    const saved = vscode.l10n.t('Mock interview saved: the report is open.');
    const message = transcriptPath ? `${saved} ${vscode.l10n.t('Its transcript is in {0}; replay it from the Topics view or here.', vscode.Uri.parse(transcriptPath).fsPath)}` : saved;
    void vscode.window.showInformationMessage(message, ...(transcriptPath ? [vscode.l10n.t('Replay in Player')] : [])).then(async (choice) => {
      if (choice && transcriptPath) await this.replay(stored.session);
    });
  }

  /** Opens the finished interview's transcript in the player (it is a dialogue of the `sessions` source). */
  private async replay(session: MockSession): Promise<void> {
    const id = transcriptId(session);
    const library = await this.services.libraries.reload();
    if (library.dialogue(id)) await this.services.players().show(id);
    else void vscode.window.showWarningMessage(vscode.l10n.t('The transcript is not in the library yet. Refresh the Topics view and open it from there.'));
  }

  private async writeTranscript(session: MockSession): Promise<vscode.Uri | undefined> {
    const folder = sessionsFolderUri(this.services.settings().draftsFolder, this.services.globalStorage);
    try {
      await vscode.workspace.fs.createDirectory(folder);
      const target = await freeFileUri(folder, transcriptId(session));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(sessionTranscript(session, { when: localTime(session.clock.startedAt) })));
      return target;
    } catch (error) {
      this.services.log.error(`Cannot save the interview transcript in ${folder.fsPath}: ${String(error)}`);
      void vscode.window.showWarningMessage(vscode.l10n.t("The interview's transcript could not be saved in {0}: {1}. Your draft and your answers' record are kept.", folder.fsPath, String(error)));
      return undefined;
    }
  }

  /** (Re)writes the report with the reviews the history holds now; returns where it is. */
  private async writeReport(): Promise<vscode.Uri | undefined> {
    const stored = this.stored;
    if (!stored?.finished) return undefined;
    await this.services.history.ready();
    const history = this.services.history.current;
    const reviews = new Map<string, QuestionReview>();
    for (const { key, attemptId } of stored.finished.attempts) {
      const question = reachedQuestions(stored.session).find((q) => q.key === key);
      const review = question && history?.question(question.questionId)?.reviews.filter((r) => r.attempt === attemptId).at(-1);
      if (question && review) reviews.set(key, questionReviewOf(review, question.keyPoints));
    }
    const uri = vscode.Uri.parse(stored.finished.reportPath);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(sessionReport({ session: stored.session, reviews, now: Date.now(), when: localTime(stored.session.clock.startedAt) })));
      return uri;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write the interview report {0}: {1}. Your attempts and reviews are recorded in the practice history.', uri.fsPath, String(error)));
      return undefined;
    }
  }

  private async loadModelAnswers(): Promise<void> {
    const dialogue = this.session && (await this.services.libraries.full(this.session.dialogue.id));
    this.modelAnswers = dialogue && this.session ? modelAnswersOf(dialogue, this.session) : new Map();
  }

  private noSession(): void {
    void vscode.window.showInformationMessage(vscode.l10n.t('No mock interview is running. Start one with “Start Mock Interview” from the palette or on a dialogue in the Topics view.'));
  }

  /** Runs transitions one after another. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async save(stored: StoredSession | undefined): Promise<void> {
    this.stored = stored;
    await this.services.state.update(StateKeys.mockSession, stored);
    this.update();
  }

  /** Context keys and the repaint follow the state. */
  private update(): void {
    this.activity.update(this.running, this.paused);
  }

  /** Once a second while running: time-up notices (once each, remembered across reloads), then a repaint. */
  private tick(): void {
    const stored = this.stored;
    if (!stored) {
      this.statusBar.hide();
      this.changed();
      return;
    }
    const now = Date.now();
    const { session, events } = takeDueEvents(stored.session, now);
    if (events.length > 0) {
      this.stored = { ...stored, session };
      void this.services.state.update(StateKeys.mockSession, this.stored);
      for (const event of events) this.timeUp(event);
    }
    const finished = this.stored!.finished;
    this.statusBar.show(viewSession(this.stored!.session, now, this.services.settings().warningThreshold), finished ? reviewProgress(finished) : undefined);
    this.changed();
  }

  /** Says the time is up and offers to move on; never moves on by itself. */
  private timeUp(event: SessionEvent): void {
    const message = event.type === 'session-time-up'
      ? vscode.l10n.t('The interview’s time is up. End it when you are ready; the clocks now count overtime.')
      : vscode.l10n.t('Time is up for the stage “{0}”. Move on when you are ready; the stage clock now counts overtime.', event.stageTitle);
    const ends = event.type === 'session-time-up' || event.next === 'end';
    const offer = ends ? vscode.l10n.t('End Interview') : event.next === 'stage' ? vscode.l10n.t('Next Stage') : vscode.l10n.t('Skip to Next Stage');
    this.services.players().get(this.session!.dialogue.id)?.announce(message);
    void vscode.window.showWarningMessage(message, offer).then((choice) => {
      if (choice && ends) void vscode.commands.executeCommand(Commands.endInterview);
      else if (choice) void this.nextStage();
    });
  }

  dispose(): void {
    this.activity.dispose();
    this.drafts.dispose();
    this.statusBar.dispose();
  }
}

/** `…/2024-05-01T10-20-00Z-mock-x.md` → `…/2024-05-01T10-20-00Z-mock-x-report.md`, beside the draft. */
function reportUriOf(draftPath: string): vscode.Uri {
  const draft = vscode.Uri.parse(draftPath);
  return draft.with({ path: draft.path.replace(/(\.md)?$/, '-report.md') });
}

/** Each question's model answer (the candidate turns after it), to reveal in the player after the end. */
function modelAnswersOf(dialogue: Dialogue, session: MockSession): Map<string, string> {
  const answers = new Map<string, string>();
  for (const question of session.stages.flatMap((s) => s.questions)) {
    const text = modelAnswerText(dialogue.turns, question.turnIndex);
    if (text) answers.set(question.key, text);
  }
  return answers;
}

function localTime(ms: number): string {
  return localDateTime(ms, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `2 of 5`: the review the user is at after the end. */
function reviewProgress(finished: { reviewed: number; attempts: readonly unknown[] }): string {
  return vscode.l10n.t('{0} of {1}', Math.min(finished.reviewed + 1, finished.attempts.length), finished.attempts.length);
}
