/**
 * One timed answer in progress, as pure state: start, pause, resume, the one-time overtime alert, and the record
 * it leaves when finished. The host persists the state (a window reload continues the same attempt) and shows it;
 * every transition is a function from state and clock to new state, so all of it is tested without VS Code.
 */
import * as l10n from '@vscode/l10n';
import type { AttemptEvent } from './history/events';
import { formatDuration, truncate } from './text';
import { elapsedMs, pauseTimer, resumeTimer, startTimer, type TimerPhase, type TimerState, viewTimer } from './timer';
import { writtenWords } from './draft';

/** The attempt in progress: plain JSON, kept in globalState between window reloads. */
export interface ActiveAttempt {
  questionId: string;
  dialogueId: string;
  /** The dialogue's topic when the attempt started (recorded with it for statistics). */
  topic?: string;
  prompt: string;
  /** URI of the draft file. */
  draftPath: string;
  /** The draft's template, so the word count can leave out what the user did not write. */
  template: string;
  timer: TimerState;
  /** True once the user was told that time is up (told once per attempt, also across reloads). */
  warned: boolean;
}

/** What starting an attempt needs: the attempt's own fields, and the time budget its timer starts from. */
export type AttemptStart = Omit<ActiveAttempt, 'timer' | 'warned'> & { budgetSeconds: number };

export function startAttempt(start: AttemptStart, now: number): ActiveAttempt {
  const { budgetSeconds, ...rest } = start;
  return { ...rest, timer: startTimer(now, budgetSeconds), warned: false };
}

export function isPaused(attempt: ActiveAttempt): boolean {
  return attempt.timer.pausedAt !== undefined;
}

export function pauseAttempt(attempt: ActiveAttempt, now: number): ActiveAttempt {
  return isPaused(attempt) ? attempt : { ...attempt, timer: pauseTimer(attempt.timer, now) };
}

export function resumeAttempt(attempt: ActiveAttempt, now: number): ActiveAttempt {
  return isPaused(attempt) ? { ...attempt, timer: resumeTimer(attempt.timer, now) } : attempt;
}

/**
 * Whether time ran out since the last look: `alert` is true exactly once per attempt (the returned state
 * remembers it), so the user gets one notification, not one per repaint or per reload.
 */
export function noticeOvertime(attempt: ActiveAttempt, now: number): { attempt: ActiveAttempt; alert: boolean } {
  if (attempt.warned || elapsedMs(attempt.timer, now) <= attempt.timer.budgetSeconds * 1000) return { attempt, alert: false };
  return { attempt: { ...attempt, warned: true }, alert: true };
}

/** A finished attempt as the history records it (the writer adds id and version); `at` is when it was finished. */
export type AttemptRecord = Omit<AttemptEvent, 'v' | 'id'>;

/**
 * The record a finished attempt leaves in the history: active time only (pauses left out), rounded to seconds.
 * `topic` is the dialogue's topic now, so statistics still group the attempt after the dialogue is gone.
 */
export function finishAttempt(attempt: ActiveAttempt, now: number, draftText: string | undefined, topic = attempt.topic): AttemptRecord {
  const activeSeconds = Math.round(elapsedMs(attempt.timer, now) / 1000);
  const budgetSeconds = attempt.timer.budgetSeconds;
  return {
    type: 'attempt',
    at: now,
    question: attempt.questionId,
    dialogue: attempt.dialogueId,
    prompt: attempt.prompt,
    ...(topic !== undefined ? { topic } : {}),
    startedAt: attempt.timer.startedAt,
    activeSeconds,
    budgetSeconds,
    overtimeSeconds: Math.max(0, activeSeconds - budgetSeconds),
    wordCount: draftText === undefined ? 0 : writtenWords(draftText, attempt.template),
    draft: attempt.draftPath,
  };
}

/** What the status bar and the player show of a running attempt. */
export interface TimerPresentation {
  /** `12:34` counting down, `+01:12` in overtime. */
  label: string;
  phase: TimerPhase;
  paused: boolean;
  /** Status-bar text with its codicon. */
  text: string;
  tooltip: string;
  accessibilityLabel: string;
}

export function presentTimer(attempt: ActiveAttempt, now: number, warningShare: number): TimerPresentation {
  const view = viewTimer(attempt.timer, now, warningShare);
  const over = view.phase === 'overtime';
  const time = over ? view.label.slice(1) : view.label;
  const prompt = truncate(attempt.prompt, 32);
  return {
    label: view.label,
    phase: view.phase,
    paused: view.paused,
    text: view.paused ? `$(debug-pause) ${l10n.t('{0} paused {1}', view.label, prompt)}` : `$(watch) ${view.label} ${prompt}`,
    tooltip: `${l10n.t('Answering: {0}', attempt.prompt)}\n${
      over
        ? view.paused
          ? l10n.t('{0} over time (paused). Click for Pause/Resume, Finish or Abandon.', time)
          : l10n.t('{0} over time. Click for Pause/Resume, Finish or Abandon.', time)
        : view.paused
          ? l10n.t('{0} left (paused). Click for Pause/Resume, Finish or Abandon.', time)
          : l10n.t('{0} left. Click for Pause/Resume, Finish or Abandon.', time)
    }`,
    accessibilityLabel: over
      ? view.paused
        ? l10n.t('Answer timer: {0} over time, paused. {1}', time, attempt.prompt)
        : l10n.t('Answer timer: {0} over time. {1}', time, attempt.prompt)
      : view.paused
        ? l10n.t('Answer timer: {0} left, paused. {1}', time, attempt.prompt)
        : l10n.t('Answer timer: {0} left. {1}', time, attempt.prompt),
  };
}

/** The message shown once a finished attempt is recorded. */
export function finishedMessage(record: Pick<AttemptRecord, 'activeSeconds' | 'budgetSeconds' | 'overtimeSeconds'>): string {
  return record.overtimeSeconds > 0
    ? l10n.t('Answered in {0} of {1}, {2} over.', formatDuration(record.activeSeconds), formatDuration(record.budgetSeconds), formatDuration(record.overtimeSeconds))
    : l10n.t('Answered in {0} of {1}.', formatDuration(record.activeSeconds), formatDuration(record.budgetSeconds));
}
