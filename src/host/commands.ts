/** The extension's commands: argument handling and QuickPicks, delegating to the services. */
import * as vscode from 'vscode';
import type { Library, LibraryFilter } from '../core/library';
import type { Dialogue, Question } from '../core/model';
import { modelAnswerTurns } from '../core/questions';
import { plural } from '../core/plural';
import { formatDuration } from '../core/text';
import { Commands, Settings as SettingIds, Views } from '../ids';
import type { AnswerSession } from './answerSession';
import type { DialogueDiagnostics } from './dialogueDiagnostics';
import { createDialogueFile } from './newDialogue';
import type { LibraryService } from './libraryService';
import type { MockSessions } from './mockSessions';
import type { PlayerPanels } from './playerPanel';
import type { ReviewPanels } from './reviewPanels';
import type { HistoryService } from './historyService';
import type { TopicsTreeProvider, TreeNode } from './topicsTree';

export interface CommandServices {
  diagnostics: DialogueDiagnostics;
  libraries: LibraryService;
  history: HistoryService;
  players: PlayerPanels;
  session: AnswerSession;
  mock: MockSessions;
  tree: TopicsTreeProvider;
  reviews: ReviewPanels;
}

/** What commands accept: a tree node (context menus), an id object (tree clicks, the player, tests), or nothing. */
type DialogueTarget = TreeNode | { dialogueId: string; turnIndex?: number } | string | undefined;
type QuestionTarget = TreeNode | { questionId: string } | string | undefined;

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { libraries, players, session, mock, tree } = services;
  const noAttempt = () => void vscode.window.showInformationMessage(vscode.l10n.t('No answer is in progress. Start one with “Answer This Question” on a question in the Topics view.'));
  const register = (id: keyof typeof Commands, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(Commands[id], run);

  return [
    register('openDialogue', async (target?: DialogueTarget) => {
      const library = await libraries.library();
      const resolved = resolveDialogue(target) ?? (await pickDialogue(library));
      if (resolved) await players.show(resolved.dialogueId, { turnIndex: resolved.turnIndex });
    }),

    register('answerQuestion', async (target?: QuestionTarget) => {
      const library = await libraries.library();
      if (mock.running) {
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('A mock interview is running: answer its questions in the session draft. End the interview to answer other questions against the clock.'), vscode.l10n.t('Show Interview Actions'));
        if (choice) await vscode.commands.executeCommand(Commands.sessionActions);
        return;
      }
      const questionId = resolveQuestion(target) ?? (await pickQuestion(library, services.history));
      if (!questionId) return;
      const found = library.question(questionId);
      if (!found) {
        void vscode.window.showErrorMessage(vscode.l10n.t('That question is not in the library any more. Refresh the Topics view and pick it again.'));
        return;
      }
      // The player first, so the draft opens beside it; an open player keeps its place.
      const open = players.get(found.dialogue.id);
      if (open) open.reveal();
      else await players.show(found.dialogue.id, { turnIndex: found.question.turnIndex });
      const dialogue = (await libraries.full(found.dialogue.id)) ?? found.dialogue;
      await session.start(dialogue, dialogue.questions.find((q) => q.id === questionId) ?? found.question);
    }),

    // One clock runs at a time: a single answer's or a mock interview's (Ctrl+Alt+P pauses whichever it is).
    register('pauseTimer', async () => (session.current ? session.pause() : mock.running ? (await mock.controller()).pause() : noAttempt())),
    register('resumeTimer', async () => (session.current ? session.resume() : mock.running ? (await mock.controller()).resume() : noAttempt())),
    register('finishAnswer', async () => {
      if (!session.current) return noAttempt();
      const recorded = await session.finish();
      // The review opens beside the draft: the answer next to the model answer, the key points, the rating.
      if (recorded) await services.reviews.show(recorded.id, players.get(recorded.dialogue)?.column);
    }),
    register('abandonAnswer', async () => (session.current ? session.abandon() : noAttempt())),

    register('timerActions', async () => {
      const attempt = session.current;
      if (!attempt) return noAttempt();
      const paused = attempt.timer.pausedAt !== undefined;
      const actions: (vscode.QuickPickItem & { command?: string })[] = [
        paused ? { label: `$(debug-continue) ${vscode.l10n.t('Resume')}`, command: Commands.resumeTimer } : { label: `$(debug-pause) ${vscode.l10n.t('Pause')}`, command: Commands.pauseTimer },
        { label: `$(check) ${vscode.l10n.t('Finish')}`, description: vscode.l10n.t('save the draft and record this attempt'), command: Commands.finishAnswer },
        { label: `$(close) ${vscode.l10n.t('Abandon')}`, description: vscode.l10n.t('stop without recording; the draft file stays'), command: Commands.abandonAnswer },
        { label: `$(go-to-file) ${vscode.l10n.t('Show Draft')}` },
      ];
      const choice = await vscode.window.showQuickPick(actions, { title: vscode.l10n.t('Answering: {0}', attempt.prompt), placeHolder: vscode.l10n.t('What do you want to do with this answer?') });
      if (choice?.command) await vscode.commands.executeCommand(choice.command);
      else if (choice) await session.showDraft();
    }),

    register('compareWithModelAnswer', async (target?: QuestionTarget) => {
      const library = await libraries.library();
      const questionId = resolveQuestion(target) ?? session.current?.questionId ?? services.reviews.current?.questionId;
      const found = questionId ? library.question(questionId) : undefined;
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Answer a question first; then its model answer can be compared with your draft.'));
        return;
      }
      const [answerIndex] = modelAnswerTurns(found.dialogue.turns, found.question.turnIndex);
      await players.show(found.dialogue.id, answerIndex !== undefined ? { reveal: answerIndex } : { turnIndex: found.question.turnIndex });
    }),

    register('refresh', async () => {
      await vscode.window.withProgress({ location: { viewId: Views.topics } }, () => libraries.reload());
    }),

    register('filter', async (given?: LibraryFilter) => {
      // An argument sets the filter directly (links, keybindings, tests); without one the user picks.
      if (given && typeof given === 'object') return tree.setFilter(given);
      const library = await libraries.library();
      const { levels, tags, sources } = library.facets();
      type FilterItem = vscode.QuickPickItem & { filter?: LibraryFilter };
      const dialogues = (count: number) => plural(vscode.l10n.t('{0, plural, one {# dialogue} other {# dialogues}}'), count);
      const items: FilterItem[] = [
        ...(sources.length > 1
          ? [{ label: vscode.l10n.t('Source'), kind: vscode.QuickPickItemKind.Separator }, ...sources.map(({ id, label, count }) => ({ label, description: dialogues(count), filter: { source: id } }))]
          : []),
        { label: vscode.l10n.t('Level'), kind: vscode.QuickPickItemKind.Separator },
        ...levels.map((level) => ({ label: level, description: dialogues(library.dialogues.filter((d) => d.level === level).length), filter: { level } })),
        { label: vscode.l10n.t('Tag'), kind: vscode.QuickPickItemKind.Separator },
        ...tags.map(({ tag, count }) => ({ label: tag, description: dialogues(count), filter: { tag } })),
      ];
      const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter the Topics view'), placeHolder: vscode.l10n.t('Show only dialogues from a source, of a level or with a tag'), matchOnDescription: true });
      if (choice?.filter) tree.setFilter(choice.filter);
    }),

    register('clearFilter', () => tree.setFilter({})),

    register('newDialogue', async () => {
      if (await createDialogueFile()) void libraries.reload();
    }),

    register('validate', async () => {
      const library = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Interview Dialogues: validating all dialogue sources…') },
        () => libraries.reload(),
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const { errors, warnings } = services.diagnostics.counts();
      const unreadable = libraries.lastProblems().map((problem) => problem.message);
      const summary = plural(vscode.l10n.t('{0, plural, one {# dialogue checked} other {# dialogues checked}}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}.'), library.dialogues.length, errors, warnings);
      if (unreadable.length > 0) void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('Not read: {0}. Check the setting {1}.', unreadable.join('; '), SettingIds.extraFolders)}`);
      else if (errors > 0) void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('See the Problems panel for where and how to fix them.')}`);
      else void vscode.window.showInformationMessage(summary);
    }),
  ];
}

function resolveDialogue(target: DialogueTarget): { dialogueId: string; turnIndex?: number } | undefined {
  if (typeof target === 'string') return { dialogueId: target };
  if (!target || typeof target !== 'object') return undefined;
  if ('dialogueId' in target && typeof target.dialogueId === 'string') return target;
  if ('kind' in target && target.kind === 'dialogue') return { dialogueId: target.dialogue.id };
  if ('kind' in target && target.kind === 'question') return { dialogueId: target.dialogue.id, turnIndex: target.question.turnIndex };
  return undefined;
}

function resolveQuestion(target: QuestionTarget): string | undefined {
  if (typeof target === 'string') return target;
  if (!target || typeof target !== 'object') return undefined;
  if ('questionId' in target && typeof target.questionId === 'string') return target.questionId;
  if ('kind' in target && target.kind === 'question') return target.question.id;
  return undefined;
}

async function pickDialogue(library: Library): Promise<{ dialogueId: string; turnIndex?: number } | undefined> {
  const items = library.dialogues.map((dialogue) => ({
    label: dialogue.title,
    description: `${dialogue.topic} · ${dialogue.level}`,
    detail: dialogue.tags.join(', ') || undefined,
    dialogueId: dialogue.id,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The library has no dialogues. Check the Problems panel or refresh the Topics view.'));
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open Dialogue'), placeHolder: vscode.l10n.t('Type to search dialogues by title, topic or tag'), matchOnDescription: true, matchOnDetail: true });
  return choice ? { dialogueId: choice.dialogueId } : undefined;
}

async function pickQuestion(library: Library, history: HistoryService): Promise<string | undefined> {
  await history.ready();
  const items = library.dialogues.flatMap((dialogue: Dialogue) =>
    dialogue.questions.map((question: Question) => {
      const done = history.progress(question.id);
      return {
        label: `${done ? '$(pass-filled) ' : ''}${question.prompt}`,
        description: `${dialogue.title} · ${dialogue.topic}`,
        detail: done ? vscode.l10n.t('Answered {0}×, best {1}', done.attempts, formatDuration(done.bestSeconds)) : undefined,
        questionId: question.id,
      };
    }),
  );
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Answer a Question'), placeHolder: vscode.l10n.t('Type to search questions'), matchOnDescription: true });
  return choice?.questionId;
}
