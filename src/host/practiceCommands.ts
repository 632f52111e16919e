/**
 * The commands that close the practice loop (review, compare, practise what is due, a question's history and
 * schedule, moving the history between machines). What they do is src/host/practiceActions.ts, loaded with the
 * practice chunk on the first call of one of them.
 */
import type * as vscode from 'vscode';
import type { PracticeServices } from './practiceActions';
import { registerLazyCommands } from './lazyCommands';

const PRACTICE_COMMANDS = [
  'reviewAnswer', 'rateAnswer', 'checkKeyPoints', 'compareInDiffEditor', 'openDraft', 'practiseDue', 'showHistory',
  'suspendQuestion', 'unsuspendQuestion', 'resetSchedule', 'exportHistory', 'importHistory',
] as const;

export type PracticeCommand = (typeof PRACTICE_COMMANDS)[number];

export function registerPracticeCommands(services: PracticeServices, practiseRun: { active: boolean }): vscode.Disposable[] {
  return registerLazyCommands(PRACTICE_COMMANDS, async () => (await import('../lazy/practice')).practiceCommandHandlers(services, practiseRun));
}
