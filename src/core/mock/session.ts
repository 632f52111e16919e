/**
 * A mock interview as a session: pure, serialisable state and the transitions the host drives.
 *
 * A staged mock (`kind: mock` with `###` stages) runs stage by stage; any other dialogue runs as one stage. The
 * questions are the dialogue's interviewer turns, shown one at a time. One clock runs for the whole session
 * (`now - startedAt - paused`, as in ./timer): every other time (a stage's, a question's) is an offset on that
 * *active* time, so a pause stops all of them at once and a window reload continues them exactly.
 *
 * The state is plain JSON: the host persists it after every transition (and after `takeDueEvents`), and reads it
 * back with `readMockSession`. Nothing here knows about files, the status bar or the player.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { budgetOf, type BudgetDefaults } from '../draft';
import { LEVELS, type Dialogue, type Question } from '../model';
import { clockLabel, elapsedMs, pauseTimer, resumeTimer, startTimer, viewClock, type TimerPhase } from '../timer';

const FollowUpSchema = z.object({
  /** `q2.1`: the first follow-up on question q2; also its section label in the session draft. */
  key: z.string(),
  /** The follow-up as Markdown. Asked by the language model, so untrusted text: render it sanitised. */
  text: z.string(),
  askedAtMs: z.number(),
  answer: z.optional(z.string()),
});

const SessionQuestionSchema = z.object({
  /** `q1`, `q2`, … in session order across stages; the draft section label and the report's numbering. */
  key: z.string(),
  /** The dialogue's question id (`<dialogue id>#q<n>`), for the practice record. */
  questionId: z.string(),
  /** Index of the interviewer turn in the dialogue, so the player can show the model answer after the end. */
  turnIndex: z.number(),
  /** One line of plain text. */
  prompt: z.string(),
  /** The interviewer's turn as Markdown, kept so the session does not depend on the file staying the same. */
  text: z.string(),
  budgetSeconds: z.number(),
  keyPoints: z.array(z.string()),
  /** Active session time (ms) when the question was shown; absent while it has not been reached. */
  startedAtMs: z.optional(z.number()),
  /** Active session time (ms) when the interview moved on from it. */
  endedAtMs: z.optional(z.number()),
  followUps: z.array(FollowUpSchema),
  /** The draft section's text, as the host last gave it (`recordAnswers`). */
  answer: z.optional(z.string()),
});

const SessionStageSchema = z.object({
  title: z.string(),
  budgetSeconds: z.number(),
  questions: z.array(SessionQuestionSchema),
  startedAtMs: z.optional(z.number()),
  endedAtMs: z.optional(z.number()),
  /** Set once the host was told the stage's time is up, so it is said once, also across reloads. */
  timeUpShown: z.boolean(),
});

/** A running or finished session, as persisted (plain JSON). */
export const MockSessionSchema = z.object({
  version: z.literal(1),
  dialogue: z.object({
    id: z.string(),
    title: z.string(),
    topic: z.string(),
    level: z.enum(LEVELS),
    tags: z.array(z.string()),
    /** False when a plain dialogue runs as one stage: the status bar then shows questions, not stages. */
    staged: z.boolean(),
  }),
  draftPath: z.string(),
  /** The session clock (a `TimerState` whose budget is the whole session's). */
  clock: z.object({ startedAt: z.number(), budgetSeconds: z.number(), pausedMs: z.number(), pausedAt: z.optional(z.number()) }),
  stageIndex: z.number(),
  /** Index of the current question within the current stage. */
  questionIndex: z.number(),
  stages: z.array(SessionStageSchema),
  sessionTimeUpShown: z.boolean(),
  /** Wall-clock time and active time when the interview ended; the clocks stop there. */
  ended: z.optional(z.object({ at: z.number(), activeMs: z.number() })),
});

export type MockSession = z.infer<typeof MockSessionSchema>;
export type SessionStage = MockSession['stages'][number];
export type SessionQuestion = SessionStage['questions'][number];
export type SessionFollowUp = SessionQuestion['followUps'][number];

export interface StartSessionInput {
  /** The full dialogue (not a `partial` index entry: the session keeps each question's text). */
  dialogue: Dialogue;
  defaults: BudgetDefaults;
  now: number;
  draftPath: string;
}

export type StartSessionResult = { session: MockSession } | { error: string };

export function startMockSession({ dialogue, defaults, now, draftPath }: StartSessionInput): StartSessionResult {
  if (dialogue.partial) return { error: l10n.t('The dialogue "{0}" is not fully loaded yet; open it and start the interview again.', dialogue.title) };
  const groups = stageGroups(dialogue);
  if (groups.length === 0) return { error: l10n.t('"{0}" has no interviewer turn to answer, so there is nothing to interview on. Add an `**Interviewer:**` turn to it.', dialogue.title) };
  let number = 0;
  const stages: SessionStage[] = groups.map(({ title, budgetSeconds, questions }) => {
    const sessionQuestions = questions.map((question): SessionQuestion => ({
      key: `q${++number}`,
      questionId: question.id,
      turnIndex: question.turnIndex,
      prompt: question.prompt,
      text: dialogue.turns[question.turnIndex]?.text ?? question.prompt,
      budgetSeconds: budgetOf(dialogue, question, defaults),
      keyPoints: question.keyPoints,
      followUps: [],
    }));
    return {
      title,
      budgetSeconds: budgetSeconds ?? sessionQuestions.reduce((sum, q) => sum + q.budgetSeconds, 0),
      questions: sessionQuestions,
      timeUpShown: false,
    };
  });
  stages[0] = { ...stages[0], startedAtMs: 0, questions: stages[0].questions.map((q, i) => (i === 0 ? { ...q, startedAtMs: 0 } : q)) };
  const total = stages.reduce((sum, stage) => sum + stage.budgetSeconds, 0);
  return {
    session: {
      version: 1,
      dialogue: { id: dialogue.id, title: dialogue.title, topic: dialogue.topic, level: dialogue.level, tags: dialogue.tags, staged: isStaged(dialogue) },
      draftPath,
      clock: startTimer(now, total),
      stageIndex: 0,
      questionIndex: 0,
      stages,
      sessionTimeUpShown: false,
    },
  };
}

function isStaged(dialogue: Dialogue): boolean {
  return dialogue.kind === 'mock' && dialogue.stages.length > 0;
}

/** The dialogue's questions grouped by stage; stages without an interviewer turn are left out. */
function stageGroups(dialogue: Dialogue): { title: string; budgetSeconds?: number; questions: Question[] }[] {
  if (!isStaged(dialogue)) return dialogue.questions.length > 0 ? [{ title: dialogue.title, questions: dialogue.questions }] : [];
  const firstStageTurn = dialogue.stages[0].firstTurnIndex;
  const groups = [
    { title: l10n.t('Opening'), questions: dialogue.questions.filter((q) => q.turnIndex < firstStageTurn) },
    ...dialogue.stages.map((stage, i) => {
      const end = dialogue.stages[i + 1]?.firstTurnIndex ?? dialogue.turns.length;
      return { title: stage.title, budgetSeconds: stage.budgetSeconds, questions: dialogue.questions.filter((q) => q.turnIndex >= stage.firstTurnIndex && q.turnIndex < end) };
    }),
  ];
  return groups.filter((group) => group.questions.length > 0);
}

/** Reads a persisted session back (after a window reload); undefined when it is not a usable session. */
export function readMockSession(value: unknown): MockSession | undefined {
  const parsed = MockSessionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const session = parsed.data;
  const stage = session.stages[session.stageIndex];
  return stage?.questions[session.questionIndex] ? session : undefined;
}

/** When the session started, as `2024-05-01 10:20 UTC`: the default for titles when the host gives no local time. */
export function startedAtUtc(session: MockSession): string {
  return `${new Date(session.clock.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Session time that ran (not paused) until `now`, or until the end of the interview. */
export function activeMs(session: MockSession, now: number): number {
  return session.ended?.activeMs ?? elapsedMs(session.clock, now);
}

export function currentStage(session: MockSession): SessionStage {
  return session.stages[session.stageIndex];
}

export function currentQuestion(session: MockSession): SessionQuestion {
  return currentStage(session).questions[session.questionIndex];
}

/** Every question of the session in order, reached or not. */
export function allQuestions(session: MockSession): SessionQuestion[] {
  return session.stages.flatMap((stage) => stage.questions);
}

/** Time spent on a question (its follow-ups included) up to `now`; 0 when it was never reached. */
export function questionSpentMs(session: MockSession, question: SessionQuestion, now: number): number {
  if (question.startedAtMs === undefined) return 0;
  return Math.max(0, (question.endedAtMs ?? activeMs(session, now)) - question.startedAtMs);
}

/** Time spent in a stage up to `now`; 0 when it was never reached. */
export function stageSpentMs(session: MockSession, stage: SessionStage, now: number): number {
  if (stage.startedAtMs === undefined) return 0;
  return Math.max(0, (stage.endedAtMs ?? activeMs(session, now)) - stage.startedAtMs);
}

/** What *Next* does from the current question: the next question of the stage, the next stage, or nothing left. */
export type NextStep = 'question' | 'stage' | 'end';

export function nextStep(session: MockSession): NextStep {
  if (session.questionIndex + 1 < currentStage(session).questions.length) return 'question';
  return session.stageIndex + 1 < session.stages.length ? 'stage' : 'end';
}

export function pauseSession(session: MockSession, now: number): MockSession {
  return session.ended || session.clock.pausedAt !== undefined ? session : { ...session, clock: pauseTimer(session.clock, now) };
}

export function resumeSession(session: MockSession, now: number): MockSession {
  return session.ended || session.clock.pausedAt === undefined ? session : { ...session, clock: resumeTimer(session.clock, now) };
}

/**
 * Moves on to the next question, into the next stage when the stage has no more. On the last question it
 * returns the session unchanged: ending is `endSession`, a separate decision the user makes.
 */
export function nextQuestion(session: MockSession, now: number): MockSession {
  const step = nextStep(session);
  if (session.ended || step === 'end') return session;
  return step === 'question' ? moveTo(session, now, session.stageIndex, session.questionIndex + 1) : moveTo(session, now, session.stageIndex + 1, 0);
}

/** Skips the rest of the current stage; unchanged in the last stage. */
export function nextStage(session: MockSession, now: number): MockSession {
  if (session.ended || session.stageIndex + 1 >= session.stages.length) return session;
  return moveTo(session, now, session.stageIndex + 1, 0);
}

/** Ends the interview: the clocks stop, and the current question and stage are closed. Idempotent. */
export function endSession(session: MockSession, now: number): MockSession {
  if (session.ended) return session;
  const at = activeMs(session, now);
  const stages = session.stages.map((stage, i) =>
    i === session.stageIndex ? { ...closeQuestion(stage, session.questionIndex, at), endedAtMs: at } : stage,
  );
  return { ...session, stages, ended: { at: now, activeMs: at } };
}

function moveTo(session: MockSession, now: number, stageIndex: number, questionIndex: number): MockSession {
  const at = activeMs(session, now);
  const stages = session.stages.map((stage, i) => {
    let next = stage;
    if (i === session.stageIndex) {
      next = closeQuestion(next, session.questionIndex, at);
      if (i !== stageIndex) next = { ...next, endedAtMs: at };
    }
    if (i === stageIndex) {
      next = {
        ...next,
        startedAtMs: next.startedAtMs ?? at,
        questions: next.questions.map((q, j) => (j === questionIndex ? { ...q, startedAtMs: q.startedAtMs ?? at } : q)),
      };
    }
    return next;
  });
  return { ...session, stages, stageIndex, questionIndex };
}

function closeQuestion(stage: SessionStage, questionIndex: number, at: number): SessionStage {
  return { ...stage, questions: stage.questions.map((q, j) => (j === questionIndex ? { ...q, endedAtMs: at } : q)) };
}

/**
 * Adds a follow-up (the model's, streamed and finished, or what arrived before the stream broke) to the current
 * question. Blank text changes nothing.
 */
export function addFollowUp(session: MockSession, now: number, text: string): MockSession {
  const trimmed = text.trim();
  if (session.ended || trimmed === '') return session;
  const question = currentQuestion(session);
  const followUp: SessionFollowUp = { key: `${question.key}.${question.followUps.length + 1}`, text: trimmed, askedAtMs: activeMs(session, now) };
  return updateCurrentQuestion(session, { ...question, followUps: [...question.followUps, followUp] });
}

function updateCurrentQuestion(session: MockSession, question: SessionQuestion): MockSession {
  const stages = session.stages.map((stage, i) =>
    i === session.stageIndex ? { ...stage, questions: stage.questions.map((q, j) => (j === session.questionIndex ? question : q)) } : stage,
  );
  return { ...session, stages };
}

/**
 * Stores the answers the host read from the session draft (see `splitSessionDraft`), keyed by question or
 * follow-up key. Keys not given keep their previous answer, so a section the user deleted loses nothing here.
 */
export function recordAnswers(session: MockSession, answers: ReadonlyMap<string, string>): MockSession {
  const stages = session.stages.map((stage) => ({
    ...stage,
    questions: stage.questions.map((question) => ({
      ...question,
      ...(answers.has(question.key) ? { answer: answers.get(question.key) } : {}),
      followUps: question.followUps.map((f) => (answers.has(f.key) ? { ...f, answer: answers.get(f.key) } : f)),
    })),
  }));
  return { ...session, stages };
}

/** Something the host tells the user once: it never moves the interview on by itself. */
export type SessionEvent =
  | { type: 'stage-time-up'; stageIndex: number; stageTitle: string; next: NextStep }
  | { type: 'session-time-up' };

/**
 * The events due at `now` that were not given before, and the session that remembers they were given (persist
 * it, so a reload does not repeat them). Nothing is due while paused or after the end. Once the whole session's
 * time is up, stages stop announcing their own.
 */
export function takeDueEvents(session: MockSession, now: number): { session: MockSession; events: SessionEvent[] } {
  if (session.ended || session.sessionTimeUpShown) return { session, events: [] };
  const active = activeMs(session, now);
  const stage = currentStage(session);
  const stageUp = !stage.timeUpShown && stageSpentMs(session, stage, now) >= stage.budgetSeconds * 1000;
  const sessionUp = active >= session.clock.budgetSeconds * 1000;
  if (!stageUp && !sessionUp) return { session, events: [] };
  const stages = stageUp ? session.stages.map((s, i) => (i === session.stageIndex ? { ...s, timeUpShown: true } : s)) : session.stages;
  const updated = { ...session, stages, sessionTimeUpShown: sessionUp };
  const event: SessionEvent = sessionUp
    ? { type: 'session-time-up' }
    : { type: 'stage-time-up', stageIndex: session.stageIndex, stageTitle: stage.title, next: nextStep(session) };
  return { session: updated, events: [event] };
}

export interface ClockView {
  elapsedMs: number;
  /** Negative in overtime. */
  remainingMs: number;
  phase: TimerPhase;
  /** `08:12` counting down, `+01:12` in overtime. */
  label: string;
}

/** What the status bar (and a tooltip or screen reader) shows for a session at `now`. */
export interface MockSessionView {
  title: string;
  staged: boolean;
  stageNumber: number;
  stageCount: number;
  stageTitle: string;
  /** Position of the current question in the whole session, from 1. */
  questionNumber: number;
  questionCount: number;
  stage: ClockView;
  session: ClockView;
  paused: boolean;
  ended: boolean;
  next: NextStep;
  /** The status bar text, e.g. `Stage 2/4 · 08:12 · 41:30 left` (no icon: the host adds one). */
  statusText: string;
  /** The same in words, for the status bar item's accessibility label and tooltip. */
  description: string;
}

/** @param warningShare share of a budget left at which a clock turns to `warning` (the timer setting). */
export function viewSession(session: MockSession, now: number, warningShare: number): MockSessionView {
  const stage = currentStage(session);
  const questions = allQuestions(session);
  const question = currentQuestion(session);
  const stageClock = viewClock(stageSpentMs(session, stage, now), stage.budgetSeconds, warningShare);
  const sessionClock = viewClock(activeMs(session, now), session.clock.budgetSeconds, warningShare);
  const view = {
    title: session.dialogue.title,
    staged: session.dialogue.staged,
    stageNumber: session.stageIndex + 1,
    stageCount: session.stages.length,
    stageTitle: stage.title,
    questionNumber: questions.indexOf(question) + 1,
    questionCount: questions.length,
    stage: stageClock,
    session: sessionClock,
    paused: session.clock.pausedAt !== undefined && !session.ended,
    ended: session.ended !== undefined,
    next: nextStep(session),
  };
  return { ...view, statusText: statusText(view), description: description(view) };
}

type ViewWithoutText = Omit<MockSessionView, 'statusText' | 'description'>;

function sessionLeft(clock: ClockView): string {
  return clock.phase === 'overtime' ? l10n.t('{0} over', clock.label) : l10n.t('{0} left', clock.label);
}

function statusText(view: ViewWithoutText): string {
  if (view.ended) return l10n.t('Interview over · {0}', clockOf(view.session.elapsedMs));
  const where = view.staged ? l10n.t('Stage {0}/{1} · {2}', view.stageNumber, view.stageCount, view.stage.label) : l10n.t('Q{0}/{1}', view.questionNumber, view.questionCount);
  return view.paused ? l10n.t('{0} · {1} · paused', where, sessionLeft(view.session)) : `${where} · ${sessionLeft(view.session)}`;
}

function description(view: ViewWithoutText): string {
  if (view.ended) return l10n.t('Mock interview "{0}" is over after {1}.', view.title, clockOf(view.session.elapsedMs));
  const stageLeft = view.stage.phase === 'overtime' ? l10n.t("{0} over the stage's time", view.stage.label.slice(1)) : l10n.t('{0} left in the stage', view.stage.label);
  const sessionLeft = view.session.phase === 'overtime' ? l10n.t("{0} over the interview's time", view.session.label.slice(1)) : l10n.t('{0} left in the interview', view.session.label);
  // The parts are clauses of a list, each whole; the sentence around them is one message per shape.
  const question = l10n.t('question {0} of {1}', view.questionNumber, view.questionCount);
  const parts = view.staged ? [question, l10n.t('stage {0} of {1}, {2}: {3}', view.stageNumber, view.stageCount, view.stageTitle, stageLeft), sessionLeft] : [question, sessionLeft];
  return view.paused ? l10n.t('Mock interview "{0}", {1}, paused.', view.title, parts.join(', ')) : l10n.t('Mock interview "{0}", {1}.', view.title, parts.join(', '));
}

/** Elapsed time as `mm:ss` (or `h:mm:ss`), whole seconds run. */
function clockOf(ms: number): string {
  return clockLabel(Math.floor(ms / 1000) * 1000);
}

/** One thing the player shows: a question from the dialogue or a follow-up the model asked. */
export interface SessionPlayerItem {
  key: string;
  kind: 'question' | 'follow-up';
  stageTitle: string;
  /** Markdown. A follow-up's is the model's text: untrusted, sanitise it like dialogue text. */
  text: string;
  /** The dialogue's interviewer turn, for a question (its model answer is the turn after it). */
  turnIndex?: number;
  current: boolean;
}

/** What the player shows of a session: reached prompts only, one at a time, model answers only after the end. */
export interface SessionPlayerView {
  title: string;
  items: SessionPlayerItem[];
  /** True after the end: the player may show the model answers (and the rest of the dialogue). */
  revealModelAnswers: boolean;
}

export function playerView(session: MockSession): SessionPlayerView {
  const current = currentQuestion(session);
  const items = session.stages.flatMap((stage) =>
    stage.questions
      .filter((q) => q.startedAtMs !== undefined)
      .flatMap((q): SessionPlayerItem[] => [
        { key: q.key, kind: 'question', stageTitle: stage.title, text: q.text, turnIndex: q.turnIndex, current: q === current && q.followUps.length === 0 },
        ...q.followUps.map((f, i) => ({ key: f.key, kind: 'follow-up' as const, stageTitle: stage.title, text: f.text, current: q === current && i === q.followUps.length - 1 })),
      ]),
  );
  return { title: session.dialogue.title, items, revealModelAnswers: session.ended !== undefined };
}
