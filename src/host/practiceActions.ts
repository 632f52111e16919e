/**
 * What the commands that close the practice loop do: review an answer, compare it in the diff editor, practise what
 * is due, a question's history, its schedule (suspend, reset), and moving the history between machines. Loaded with
 * the practice chunk on the first call of one of them (src/host/practiceCommands.ts registers them).
 */
import * as vscode from 'vscode';
import { type AttemptEvent, RATINGS } from '../core/history/events';
import type { QuestionHistory } from '../core/history/history';
import { plural } from '../core/plural';
import { formatDuration, truncate } from '../core/text';
import { Commands } from '../ids';
import { localDateTime, ratingLabel } from './l10n';
import type { AnswerSession } from './answerSession';
import type { DueQueueService, QueuedQuestion } from './dueQueue';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';
import { ModelAnswerDocuments } from './modelAnswers';
import type { PlayerPanels } from './playerPanel';
import type { PracticeCommand } from './practiceCommands';
import type { ReviewPanels } from './reviewPanels';
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

export function practiceCommandHandlers(services: PracticeServices, practiseRun: { active: boolean }): Record<PracticeCommand, (target?: Target) => unknown> {
  const { history, reviews } = services;
  /** The attempt a command is about: given, else the question's latest, else one the user picks. */
  const attemptOf = async (target: Target, title: string): Promise<AttemptEvent | undefined> => {
    await history.ready();
    const ids = idsOf(target);
    if (ids.attemptId) return history.current?.attempt(ids.attemptId);
    if (ids.questionId) return history.current?.question(ids.questionId)?.attempts.at(-1) ?? noHistory();
    return pickAttempt(history, title);
  };

  return {
    reviewAnswer: async (target) => {
      const attempt = await attemptOf(target, vscode.l10n.t('Review an Answer'));
      if (attempt) await reviews.show(attempt.id);
    },

    rateAnswer: async (given?: unknown) => {
      const options = reviews.options();
      if (options.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a review first: finish an answer, or pick one with Review Answer.'));
        return;
      }
      const rating = RATINGS.find((r) => r === given) ?? (await vscode.window.showQuickPick(
        options.map((option, i) => ({ label: `${i + 1}. ${ratingLabel(option.rating)}`, description: vscode.l10n.t('next in {0}', option.spoken), rating: option.rating })),
        { title: vscode.l10n.t('Rate Answer'), placeHolder: vscode.l10n.t('How well did your answer do? Again is a miss; Hard, Good and Easy are passes') },
      ))?.rating;
      if (rating) await reviews.rate(rating);
    },

    checkKeyPoints: () => reviews.checkKeyPoints(),

    compareInDiffEditor: async (target) => {
      const attempt = await attemptOf(target, vscode.l10n.t('Compare an Answer in the Diff Editor'));
      if (!attempt) return;
      const title = vscode.l10n.t('Your answer ↔ Model answer: {0}', truncate(attempt.prompt, 40));
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(attempt.draft), ModelAnswerDocuments.uriOf(attempt.question), title, { viewColumn: vscode.ViewColumn.Active });
    },

    openDraft: async (target) => {
      const attempt = await attemptOf(target, vscode.l10n.t('Open a Draft'));
      if (!attempt) return;
      await vscode.window.showTextDocument(vscode.Uri.parse(attempt.draft), { viewColumn: vscode.ViewColumn.Beside, preview: false }).then(undefined, () =>
        vscode.window.showErrorMessage(vscode.l10n.t('The draft {0} was moved or deleted.', vscode.Uri.parse(attempt.draft).fsPath)),
      );
    },

    practiseDue: async () => {
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
    },

    showHistory: async (target) => {
      await history.ready();
      const questionId = idsOf(target).questionId ?? (idsOf(target).attemptId && history.current?.attempt(idsOf(target).attemptId!)?.question) ?? (await pickQuestionWithHistory(history));
      const entry = questionId ? history.current?.question(questionId) : undefined;
      if (!entry || entry.attempts.length === 0) return noHistory();
      const attempt = await pickFrom(entry, vscode.l10n.t('Practice history'));
      if (attempt) await attemptActions(attempt, services);
    },

    suspendQuestion: async (target) => {
      const questionId = idsOf(target).questionId;
      if (questionId) await history.setCard(questionId, 'suspend');
    },

    unsuspendQuestion: async (target) => {
      const questionId = idsOf(target).questionId;
      if (questionId) await history.setCard(questionId, 'unsuspend');
    },

    resetSchedule: async (target) => {
      const questionId = idsOf(target).questionId;
      if (!questionId) return;
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset the schedule of this question?'),
        { modal: true, detail: vscode.l10n.t('It becomes new again and comes back with the new questions. Your attempts and reviews stay in the history.') },
        vscode.l10n.t('Reset Schedule'),
      );
      if (choice) await history.setCard(questionId, 'reset');
    },

    exportHistory: async () => {
      const stamp = new Date().toISOString().slice(0, 10);
      const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export Practice History'), defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? history.folder, `interview-history-${stamp}.jsonl`), filters: { [vscode.l10n.t('History (JSON Lines)')]: ['jsonl'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await history.exportText()));
      void vscode.window.showInformationMessage(vscode.l10n.t('Practice history exported to {0}. Import it on another machine with Import Practice History.', target.fsPath));
    },

    importHistory: async () => {
      const files = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Practice History'), canSelectMany: true, filters: { [vscode.l10n.t('History (JSON Lines)')]: ['jsonl'] }, openLabel: vscode.l10n.t('Import') });
      if (!files?.length) return;
      const texts = await Promise.all(files.map(async (uri) => ({ name: uri.path.split('/').pop() ?? uri.path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) })));
      const result = await history.importTexts(texts);
      const imported = plural(vscode.l10n.t('Imported {0, plural, one {# new entry} other {# new entries}}; {1, plural, one {# was} other {# were}} already in your history.'), result.added, result.known);
      const damaged = plural(vscode.l10n.t('{0, plural, one {# damaged line was} other {# damaged lines were}} skipped.'), result.problems.length);
      void vscode.window.showInformationMessage(result.problems.length > 0 ? `${imported} ${damaged}` : imported);
    },
  };
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
  void vscode.window.showInformationMessage(vscode.l10n.t('No answer is recorded for this question yet. Answer it against the clock first; finished answers can be reviewed and compared.'));
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
      ? vscode.l10n.t('Nothing is due right now. The next question comes back at {0}.', new Date(later).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' }))
      : vscode.l10n.t('All done for today: nothing is due and no new question is left for today. See you tomorrow!'),
  );
  return undefined;
}

async function pickAttempt(history: HistoryService, title: string): Promise<AttemptEvent | undefined> {
  const attempts = [...(history.current?.questions() ?? [])].flatMap((entry) => entry.attempts).sort((a, b) => b.at - a.at);
  if (attempts.length === 0) return noHistory();
  const choice = await vscode.window.showQuickPick(
    attempts.map((attempt) => ({ label: attempt.prompt, description: describeAttempt(attempt), attempt })),
    { title, placeHolder: vscode.l10n.t('Pick a finished answer (newest first)'), matchOnDescription: true },
  );
  return choice?.attempt;
}

async function pickQuestionWithHistory(history: HistoryService): Promise<string | undefined> {
  const entries = [...(history.current?.questions() ?? [])].filter((entry) => entry.attempts.length > 0).sort((a, b) => (b.attempts.at(-1)?.at ?? 0) - (a.attempts.at(-1)?.at ?? 0));
  if (entries.length === 0) return noHistory();
  const choice = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.attempts.at(-1)!.prompt, description: plural(vscode.l10n.t('{0, plural, one {# attempt} other {# attempts}}'), entry.attempts.length), question: entry.question })),
    { title: vscode.l10n.t('Show History'), placeHolder: vscode.l10n.t('Pick a question you have answered') },
  );
  return choice?.question;
}

/** One row per attempt, newest first: when, time used against the budget, and the rating it got. */
async function pickFrom(entry: QuestionHistory, title: string): Promise<AttemptEvent | undefined> {
  const ratingOf = (attempt: AttemptEvent) => entry.reviews.filter((review) => review.attempt === attempt.id).at(-1)?.rating;
  const items = [...entry.attempts].reverse().map((attempt) => {
    const rating = ratingOf(attempt);
    return { label: localDateTime(attempt.at), description: `${describeAttempt(attempt)} · ${rating ? vscode.l10n.t('rated {0}', ratingLabel(rating)) : vscode.l10n.t('not reviewed')}`, attempt };
  });
  const choice = await vscode.window.showQuickPick(items, { title: `${title}: ${truncate(entry.attempts[0].prompt, 60)}`, placeHolder: vscode.l10n.t('Pick an attempt to review again, open or delete') });
  return choice?.attempt;
}

async function attemptActions(attempt: AttemptEvent, services: PracticeServices): Promise<void> {
  const actions = [
    { label: `$(checklist) ${vscode.l10n.t('Review Again')}`, run: () => services.reviews.show(attempt.id) },
    { label: `$(go-to-file) ${vscode.l10n.t('Open Draft')}`, run: () => vscode.commands.executeCommand(Commands.openDraft, { attemptId: attempt.id }) },
    { label: `$(diff) ${vscode.l10n.t('Compare in Diff Editor')}`, run: () => vscode.commands.executeCommand(Commands.compareInDiffEditor, { attemptId: attempt.id }) },
    { label: `$(trash) ${vscode.l10n.t('Delete Attempt')}`, description: vscode.l10n.t('from the history; the draft file stays'), run: () => deleteAttempt(attempt, services.history) },
  ];
  const choice = await vscode.window.showQuickPick(actions, { title: `${localDateTime(attempt.at)} · ${describeAttempt(attempt)}`, placeHolder: vscode.l10n.t('What do you want to do with this attempt?') });
  await choice?.run();
}

async function deleteAttempt(attempt: AttemptEvent, history: HistoryService): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete this attempt from your practice history?'),
    { modal: true, detail: vscode.l10n.t("Its review goes too, and the question's schedule is recomputed without it. The draft file stays at {0}.", vscode.Uri.parse(attempt.draft).fsPath) },
    vscode.l10n.t('Delete Attempt'),
  );
  if (choice) await history.deleteAttempt(attempt.id);
}

function describeAttempt(attempt: AttemptEvent): string {
  const used = vscode.l10n.t('{0} of {1}', formatDuration(attempt.activeSeconds), formatDuration(attempt.budgetSeconds));
  return attempt.overtimeSeconds > 0 ? vscode.l10n.t('{0}, {1} over', used, formatDuration(attempt.overtimeSeconds)) : used;
}
