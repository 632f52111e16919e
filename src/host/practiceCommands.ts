/**
 * The commands that close the practice loop: review an answer, compare it in the diff editor, practise what is due,
 * a question's history, its schedule (suspend, reset), and moving the history between machines.
 */
import * as vscode from 'vscode';
import { type AttemptEvent, RATINGS } from '../core/history/events';
import type { QuestionHistory } from '../core/history/history';
import { formatDuration, truncate } from '../core/text';
import { Commands } from '../ids';
import type { AnswerSession } from './answerSession';
import type { DueQueueService, QueuedQuestion } from './dueQueue';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';
import { ModelAnswerDocuments } from './modelAnswers';
import type { PlayerPanels } from './playerPanel';
import type { ReviewPanels } from './reviewPanel';
import type { QuestionNode } from './topicsTree';

export interface PracticeServices {
  libraries: LibraryService;
  history: HistoryService;
  queue: DueQueueService;
  players: PlayerPanels;
  session: AnswerSession;
  reviews: ReviewPanels;
}

/** What the practice commands accept: a tree row, ids from the review or the tests, or nothing (then they ask). */
type Target = QuestionNode | { attemptId?: string; questionId?: string } | string | undefined;

export function registerPracticeCommands(services: PracticeServices, practiseRun: { active: boolean }): vscode.Disposable[] {
  const { history, reviews } = services;
  const register = (id: keyof typeof Commands, run: (target?: Target) => unknown) => vscode.commands.registerCommand(Commands[id], run);

  /** The attempt a command is about: given, else the question's latest, else one the user picks. */
  const attemptOf = async (target: Target, title: string): Promise<AttemptEvent | undefined> => {
    await history.ready();
    const ids = idsOf(target);
    if (ids.attemptId) return history.current?.attempt(ids.attemptId);
    if (ids.questionId) return history.current?.question(ids.questionId)?.attempts.at(-1) ?? noHistory();
    return pickAttempt(history, title);
  };

  return [
    register('reviewAnswer', async (target) => {
      const attempt = await attemptOf(target, 'Review an Answer');
      if (attempt) await reviews.show(attempt.id);
    }),

    vscode.commands.registerCommand(Commands.rateAnswer, async (given?: unknown) => {
      const options = reviews.options();
      if (options.length === 0) {
        void vscode.window.showInformationMessage('Open a review first: finish an answer, or pick one with Review Answer.');
        return;
      }
      const rating = RATINGS.find((r) => r === given) ?? (await vscode.window.showQuickPick(
        options.map((option, i) => ({ label: `${i + 1}. ${capitalize(option.rating)}`, description: `next in ${option.spoken}`, rating: option.rating })),
        { title: 'Rate Answer', placeHolder: 'How well did your answer do? Again is a miss; Hard, Good and Easy are passes' },
      ))?.rating;
      if (rating) await reviews.rate(rating);
    }),

    vscode.commands.registerCommand(Commands.checkKeyPoints, () => reviews.checkKeyPoints()),

    register('compareInDiffEditor', async (target) => {
      const attempt = await attemptOf(target, 'Compare an Answer in the Diff Editor');
      if (!attempt) return;
      const title = `Your answer ↔ Model answer: ${truncate(attempt.prompt, 40)}`;
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(attempt.draft), ModelAnswerDocuments.uriOf(attempt.question), title, { viewColumn: vscode.ViewColumn.Active });
    }),

    register('openDraft', async (target) => {
      const attempt = await attemptOf(target, 'Open a Draft');
      if (!attempt) return;
      await vscode.window.showTextDocument(vscode.Uri.parse(attempt.draft), { viewColumn: vscode.ViewColumn.Beside, preview: false }).then(undefined, () =>
        vscode.window.showErrorMessage(`The draft ${vscode.Uri.parse(attempt.draft).fsPath} was moved or deleted.`),
      );
    }),

    register('practiseDue', async () => {
      const next = await nextDue(services.queue);
      if (!next) {
        practiseRun.active = false;
        return;
      }
      practiseRun.active = true;
      // The dialogue up to the question, then the timed answer beside it; Finish opens the review.
      await services.players.show(next.dialogueId, { turnIndex: next.turnIndex });
      const dialogue = await services.libraries.full(next.dialogueId);
      const question = dialogue?.questions.find((q) => q.id === next.questionId);
      if (dialogue && question) await services.session.start(dialogue, question);
    }),

    register('showHistory', async (target) => {
      await history.ready();
      const questionId = idsOf(target).questionId ?? (idsOf(target).attemptId && history.current?.attempt(idsOf(target).attemptId!)?.question) ?? (await pickQuestionWithHistory(history));
      const entry = questionId ? history.current?.question(questionId) : undefined;
      if (!entry || entry.attempts.length === 0) return noHistory();
      const attempt = await pickFrom(entry, 'Practice history');
      if (attempt) await attemptActions(attempt, services);
    }),

    register('suspendQuestion', async (target) => {
      const questionId = idsOf(target).questionId;
      if (questionId) await history.setCard(questionId, 'suspend');
    }),

    register('unsuspendQuestion', async (target) => {
      const questionId = idsOf(target).questionId;
      if (questionId) await history.setCard(questionId, 'unsuspend');
    }),

    register('resetSchedule', async (target) => {
      const questionId = idsOf(target).questionId;
      if (!questionId) return;
      const choice = await vscode.window.showWarningMessage(
        'Reset the schedule of this question?',
        { modal: true, detail: 'It becomes new again and comes back with the new questions. Your attempts and reviews stay in the history.' },
        'Reset Schedule',
      );
      if (choice) await history.setCard(questionId, 'reset');
    }),

    register('exportHistory', async () => {
      const stamp = new Date().toISOString().slice(0, 10);
      const target = await vscode.window.showSaveDialog({ title: 'Export Practice History', defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? history.folder, `interview-history-${stamp}.jsonl`), filters: { 'History (JSON Lines)': ['jsonl'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await history.exportText()));
      void vscode.window.showInformationMessage(`Practice history exported to ${target.fsPath}. Import it on another machine with Import Practice History.`);
    }),

    register('importHistory', async () => {
      const files = await vscode.window.showOpenDialog({ title: 'Import Practice History', canSelectMany: true, filters: { 'History (JSON Lines)': ['jsonl'] }, openLabel: 'Import' });
      if (!files?.length) return;
      const texts = await Promise.all(files.map(async (uri) => ({ name: uri.path.split('/').pop() ?? uri.path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) })));
      const result = await history.importTexts(texts);
      const damaged = result.problems.length > 0 ? ` ${result.problems.length} damaged ${result.problems.length === 1 ? 'line was' : 'lines were'} skipped.` : '';
      void vscode.window.showInformationMessage(`Imported ${result.added} new ${result.added === 1 ? 'entry' : 'entries'}; ${result.known} ${result.known === 1 ? 'was' : 'were'} already in your history.${damaged}`);
    }),
  ];
}

function idsOf(target: Target): { attemptId?: string; questionId?: string } {
  if (typeof target === 'string') return { questionId: target };
  if (!target || typeof target !== 'object') return {};
  if ('kind' in target) return target.kind === 'question' ? { questionId: target.question.id } : {};
  return {
    ...(typeof target.attemptId === 'string' ? { attemptId: target.attemptId } : {}),
    ...(typeof target.questionId === 'string' ? { questionId: target.questionId } : {}),
  };
}

function noHistory(): undefined {
  void vscode.window.showInformationMessage('No answer is recorded for this question yet. Answer it against the clock first; finished answers can be reviewed and compared.');
  return undefined;
}

/** The first question to practise now: due ones (most overdue first), then new ones; says so when none is left. */
async function nextDue(queue: DueQueueService): Promise<(QueuedQuestion & { turnIndex: number }) | undefined> {
  const now = Date.now();
  const queued = await queue.questions();
  const ready = queued.filter((q) => q.fresh || (q.due ?? 0) <= now);
  if (ready.length > 0) return ready[0];
  const later = queued.map((q) => q.due).filter((due): due is number => due !== undefined).sort((a, b) => a - b)[0];
  void vscode.window.showInformationMessage(
    later !== undefined
      ? `Nothing is due right now. The next question comes back at ${new Date(later).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
      : 'All done for today: nothing is due and no new question is left for today. See you tomorrow!',
  );
  return undefined;
}

async function pickAttempt(history: HistoryService, title: string): Promise<AttemptEvent | undefined> {
  const attempts = [...(history.current?.questions() ?? [])].flatMap((entry) => entry.attempts).sort((a, b) => b.at - a.at);
  if (attempts.length === 0) return noHistory();
  const choice = await vscode.window.showQuickPick(
    attempts.map((attempt) => ({ label: attempt.prompt, description: describeAttempt(attempt), attempt })),
    { title, placeHolder: 'Pick a finished answer (newest first)', matchOnDescription: true },
  );
  return choice?.attempt;
}

async function pickQuestionWithHistory(history: HistoryService): Promise<string | undefined> {
  const entries = [...(history.current?.questions() ?? [])].filter((entry) => entry.attempts.length > 0).sort((a, b) => (b.attempts.at(-1)?.at ?? 0) - (a.attempts.at(-1)?.at ?? 0));
  if (entries.length === 0) return noHistory();
  const choice = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.attempts.at(-1)!.prompt, description: `${entry.attempts.length} ${entry.attempts.length === 1 ? 'attempt' : 'attempts'}`, question: entry.question })),
    { title: 'Show History', placeHolder: 'Pick a question you have answered' },
  );
  return choice?.question;
}

/** One row per attempt, newest first: when, time used against the budget, and the rating it got. */
async function pickFrom(entry: QuestionHistory, title: string): Promise<AttemptEvent | undefined> {
  const ratingOf = (attempt: AttemptEvent) => entry.reviews.filter((review) => review.attempt === attempt.id).at(-1)?.rating;
  const items = [...entry.attempts].reverse().map((attempt) => {
    const rating = ratingOf(attempt);
    return { label: new Date(attempt.at).toLocaleString(), description: `${describeAttempt(attempt)} · ${rating ? `rated ${rating}` : 'not reviewed'}`, attempt };
  });
  const choice = await vscode.window.showQuickPick(items, { title: `${title}: ${truncate(entry.attempts[0].prompt, 60)}`, placeHolder: 'Pick an attempt to review again, open or delete' });
  return choice?.attempt;
}

async function attemptActions(attempt: AttemptEvent, services: PracticeServices): Promise<void> {
  const actions = [
    { label: '$(checklist) Review Again', run: () => services.reviews.show(attempt.id) },
    { label: '$(go-to-file) Open Draft', run: () => vscode.commands.executeCommand(Commands.openDraft, { attemptId: attempt.id }) },
    { label: '$(diff) Compare in Diff Editor', run: () => vscode.commands.executeCommand(Commands.compareInDiffEditor, { attemptId: attempt.id }) },
    { label: '$(trash) Delete Attempt', description: 'from the history; the draft file stays', run: () => deleteAttempt(attempt, services.history) },
  ];
  const choice = await vscode.window.showQuickPick(actions, { title: `${new Date(attempt.at).toLocaleString()} · ${describeAttempt(attempt)}`, placeHolder: 'What do you want to do with this attempt?' });
  await choice?.run();
}

async function deleteAttempt(attempt: AttemptEvent, history: HistoryService): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    'Delete this attempt from your practice history?',
    { modal: true, detail: `Its review goes too, and the question's schedule is recomputed without it. The draft file stays at ${vscode.Uri.parse(attempt.draft).fsPath}.` },
    'Delete Attempt',
  );
  if (choice) await history.deleteAttempt(attempt.id);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function describeAttempt(attempt: AttemptEvent): string {
  const over = attempt.overtimeSeconds > 0 ? `, ${formatDuration(attempt.overtimeSeconds)} over` : '';
  return `${formatDuration(attempt.activeSeconds)} of ${formatDuration(attempt.budgetSeconds)}${over}`;
}
