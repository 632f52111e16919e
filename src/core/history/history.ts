/**
 * The merged history indexed by question: what the tree, the history view, the scheduler and the stats read.
 * Built from events in one pass; events added later (this window's own, or another window's after a re-read) go
 * in one by one. The result does not depend on the order events arrive in.
 *
 * A history restored from a checkpoint (checkpoint.ts) holds each question's summary and the positions of its lines
 * in the logs, and parses those lines only when the question's events are first asked for: the tree, the due queue
 * and the stats read summaries and the event table, so a load parses nothing it has seen before.
 */
import { asciiJson } from './asciiJson';
import type { AttemptEvent, CardEvent, CardSnapshot, HistoryEvent, Rating, ReviewEvent } from './events';
import { byTimeThenId } from './log';
import type { LinePosition } from './position';
import { EventTable, type TableText } from './table';

/** What the scheduler replays: the reviews and resets of one question, in time order. */
export type ScheduleEvent = ReviewEvent | (CardEvent & { type: 'reset' });

/** What the due queue needs of the reviews since a question's latest reset. */
export interface CurrentSchedule {
  /** The first review since the reset: when the question stopped being new (for the daily limit). */
  introducedAt: number;
  /** The latest review: its time, its rating and the card it recorded. */
  at: number;
  rating: Rating;
  card: CardSnapshot;
  /** Every review since the reset followed the one before it (`after`), so the recorded card stands as it is. */
  chained: boolean;
}

/** What the tree, the queue and the stats read of a question, without its events. */
export interface QuestionSummary {
  /** Attempts and reviews that count. */
  attempts: number;
  reviews: number;
  /** The shortest attempt, in seconds; absent without attempts. */
  bestSeconds?: number;
  /** The topic recorded with the latest attempt that has one, and the latest attempt's prompt. */
  topic?: string;
  prompt?: string;
  /** Id of the latest review or reset: what the next review follows (`after`). */
  lastScheduled?: string;
  /** Absent while the question is new (no review since its latest reset). */
  current?: CurrentSchedule;
}

/** One question's history. Arrays are oldest first; deleted attempts and the reviews of them are left out. */
export interface QuestionHistory {
  readonly question: string;
  readonly attempts: readonly AttemptEvent[];
  readonly reviews: readonly ReviewEvent[];
  /** Reviews and resets, in time order. */
  readonly schedule: readonly ScheduleEvent[];
  readonly suspended: boolean;
  /** Counts and the current schedule, read without parsing the question's events. */
  readonly summary: QuestionSummary;
  /** Grows with every change, so derived values (the scheduler's card) can be cached per revision. */
  readonly revision: number;
  /** The question's number in `History.table`. */
  readonly index: number;
}

/** What the library knows about a question; undefined when its dialogue was deleted or is not loaded. */
export interface QuestionInfo {
  topic: string;
  prompt?: string;
}
export type QuestionLookup = (question: string) => QuestionInfo | undefined;

/** Questions whose dialogue is gone and whose attempts recorded no topic (those migrated from attempts.json). */
export const UNKNOWN_TOPIC = 'Unknown topic';

/** The library's topic for a question, else the one recorded with its latest attempt, else `UNKNOWN_TOPIC`. */
export function topicOf(history: QuestionHistory | undefined, info: QuestionInfo | undefined): string {
  return info?.topic ?? history?.summary.topic ?? UNKNOWN_TOPIC;
}

/** What the tree and the player show per question (as `progressByQuestion` gave them for attempts.json). */
export interface QuestionProgress {
  attempts: number;
  bestSeconds: number;
}


export class History {
  private readonly byQuestion = new Map<string, QuestionEntry>();
  private readonly entries: QuestionEntry[] = [];
  /** The attempts and reviews that count, as columns for the statistics. */
  table = new EventTable();
  private readonly deletedAttempts = new Set<string>();
  private readonly attemptQuestion = new Map<string, string>();
  /**
   * The question(s) holding reviews of an attempt, so deleting it finds them even before the attempt arrives. A
   * string for the usual one question: a Set per attempt would be 100,000 allocations in a large history.
   */
  private readonly reviewedIn = new Map<string, string | Set<string>>();
  /** The two maps above as a checkpoint holds them, merged in when an attempt is first looked up or deleted. */
  private unmergedLinks: string | undefined;
  /** Ids taken in; `unindexedIds` gives them when the history was made by `ofMerged` or restored, until first needed. */
  private ids = new Set<string>();
  private unindexedIds: (() => string[]) | undefined;
  private attemptTotal = 0;
  private reviewTotal = 0;
  /** False once an event came without the position of its line: a checkpoint would then claim what it cannot find. */
  private onlyFromLogs = true;
  /** Reads the event at a line position, for the questions of a restored history. */
  private readEventAt: ((position: LinePosition) => HistoryEvent | undefined) | undefined;
  private readonly context: EntryContext = { counts: (event) => this.counts(event), eventAt: (position) => this.readEventAt?.(position) };

  /** Events in any order; duplicates (same id) count once. */
  constructor(events: Iterable<HistoryEvent> = []) {
    for (const event of events) this.add(event);
  }

  /**
   * A history of events that are already unique by id, as `readHistory` and `mergeEventTexts` return them. It skips
   * the id check while building (about half the build time at 100,000 events); the ids are indexed on the first
   * `add` or `eventCount` instead. `positions[i]` is where `events[i]`'s line is, when they came from logs.
   */
  static ofMerged(events: readonly HistoryEvent[], positions?: readonly LinePosition[]): History {
    const history = new History();
    history.unindexedIds = () => events.map((event) => event.id);
    for (let i = 0; i < events.length; i++) history.apply(events[i], positions?.[i]);
    return history;
  }

  /**
   * The history a checkpoint holds (`toState`). `eventAt` reads the event at a line position, for a question whose
   * events are asked for: the logs the checkpoint covers must be the same bytes as when it was written.
   */
  static restore(state: HistoryState, eventAt: (position: LinePosition) => HistoryEvent | undefined): History {
    const history = new History();
    history.readEventAt = eventAt;
    const { text } = state;
    // Parsed later, when first needed: a part missing from a damaged checkpoint must fail the load, not that moment.
    if (typeof text.lines !== 'string' || typeof text.links !== 'string' || typeof text.ids !== 'string') throw new Error('a part of the history is missing');
    let positions: LinePosition[][] | undefined;
    const linesOf = (index: number) => {
      positions ??= JSON.parse(text.lines) as LinePosition[][];
      return positions[index];
    };
    state.questions.forEach(({ question, suspension, summary }, index) => {
      const entry = QuestionEntry.restored(question, index, history.context, summary, () => linesOf(index));
      if (suspension) {
        entry.suspension = { at: suspension[0], id: suspension[1] };
        entry.suspended = suspension[2];
      }
      history.byQuestion.set(question, entry);
      history.entries.push(entry);
    });
    for (const id of state.deleted) history.deletedAttempts.add(id);
    history.unmergedLinks = text.links;
    history.unindexedIds = () => (text.ids === '' ? [] : text.ids.split('\n'));
    history.attemptTotal = state.attempts;
    history.reviewTotal = state.reviews;
    history.table = EventTable.fromText(text);
    return history;
  }

  /** The state for a checkpoint; undefined when an event did not come from a log (its line position is unknown). */
  toState(): HistoryState | undefined {
    if (!this.onlyFromLogs) return undefined;
    this.mergeLinks();
    return {
      questions: this.entries.map((entry) => ({
        question: entry.question,
        ...(entry.suspension ? { suspension: [entry.suspension.at, entry.suspension.id, entry.suspended] as [number, string, boolean] } : {}),
        summary: entry.summary,
      })),
      deleted: [...this.deletedAttempts],
      attempts: this.attemptTotal,
      reviews: this.reviewTotal,
      text: {
        lines: JSON.stringify(this.entries.map((entry) => entry.linePositions())),
        links: asciiJson([[...this.attemptQuestion], [...this.reviewedIn].map(([attempt, questions]) => [attempt, typeof questions === 'string' ? [questions] : [...questions]])]),
        ids: [...this.knownIds()].join('\n'),
        ...this.table.toText(),
      },
    };
  }

  /** Adds one event; returns false when it was already known (same id). `position`: where its line is in the logs. */
  add(event: HistoryEvent, position?: LinePosition): boolean {
    const ids = this.knownIds();
    if (ids.has(event.id)) return false;
    ids.add(event.id);
    this.apply(event, position);
    return true;
  }

  /** Whether an event with this id was taken in. */
  has(id: string): boolean {
    return this.knownIds().has(id);
  }

  private knownIds(): Set<string> {
    if (this.unindexedIds) {
      for (const id of this.unindexedIds()) this.ids.add(id);
      this.unindexedIds = undefined;
    }
    return this.ids;
  }

  /** Deleted attempts and the reviews of them do not count. */
  private counts(event: QuestionEvent): boolean {
    if (event.type === 'attempt') return !this.deletedAttempts.has(event.id);
    return event.type !== 'review' || event.attempt === undefined || !this.deletedAttempts.has(event.attempt);
  }

  private apply(event: HistoryEvent, position: LinePosition | undefined): void {
    if (position === undefined) this.onlyFromLogs = false;
    if (event.type === 'delete-attempt') {
      this.deleteAttempt(event.attempt);
      return;
    }
    if (event.type === 'attempt') this.attemptQuestion.set(event.id, event.question);
    else if (event.type === 'review' && event.attempt !== undefined && !this.deletedAttempts.has(event.attempt)) this.noteReviewOf(event.attempt, event.question);
    if (!this.counts(event)) return;
    const entry = this.entry(event.question);
    entry.take(event, position);
    if (event.type === 'attempt') this.attemptTotal++;
    else if (event.type === 'review') this.reviewTotal++;
    if (event.type === 'attempt' || event.type === 'review') this.table.add(event, entry.index);
  }

  private noteReviewOf(attempt: string, question: string): void {
    const known = this.reviewedIn.get(attempt);
    if (known === undefined) this.reviewedIn.set(attempt, question);
    else if (typeof known === 'string') {
      if (known !== question) this.reviewedIn.set(attempt, new Set([known, question]));
    } else known.add(question);
  }

  /** Brings in the attempt links a checkpoint held; links added since (by later events) are kept too. */
  private mergeLinks(): void {
    if (this.unmergedLinks === undefined) return;
    const [attempts, reviewed] = JSON.parse(this.unmergedLinks) as [[string, string][], [string, string[]][]];
    this.unmergedLinks = undefined;
    for (const [attempt, question] of attempts) if (!this.attemptQuestion.has(attempt)) this.attemptQuestion.set(attempt, question);
    for (const [attempt, questions] of reviewed) for (const question of questions) this.noteReviewOf(attempt, question);
  }

  /** The history of a question, or undefined when nothing was ever recorded for it. */
  question(id: string): QuestionHistory | undefined {
    const entry = this.byQuestion.get(id);
    return entry && !entry.isEmpty ? entry : undefined;
  }

  /** Every question with an attempt, a review, a reset or a suspension. */
  *questions(): IterableIterator<QuestionHistory> {
    for (const entry of this.entries) if (!entry.isEmpty) yield entry;
  }

  /** Question numbers (`QuestionHistory.index`, `table.question`) are below this. */
  get indexSize(): number {
    return this.entries.length;
  }

  /** An attempt by id, unless it was deleted. */
  attempt(id: string): AttemptEvent | undefined {
    this.mergeLinks();
    const question = this.attemptQuestion.get(id);
    return question === undefined ? undefined : this.byQuestion.get(question)?.attempts.find((attempt) => attempt.id === id);
  }

  /** Attempts and reviews that count (not deleted). */
  get attemptCount(): number {
    return this.attemptTotal;
  }

  get reviewCount(): number {
    return this.reviewTotal;
  }

  /** Number of distinct events taken in, deletions included. */
  get eventCount(): number {
    return this.knownIds().size;
  }

  /** Attempts and best (shortest) time per question, for the tree's ✓ and the player's "best" label. */
  progress(): Map<string, QuestionProgress> {
    const progress = new Map<string, QuestionProgress>();
    for (const entry of this.entries) {
      const { attempts, bestSeconds } = entry.summary;
      if (attempts > 0) progress.set(entry.question, { attempts, bestSeconds: bestSeconds! });
    }
    return progress;
  }

  private entry(question: string): QuestionEntry {
    let entry = this.byQuestion.get(question);
    if (!entry) {
      entry = new QuestionEntry(question, this.entries.length, this.context);
      this.byQuestion.set(question, entry);
      this.entries.push(entry);
    }
    return entry;
  }

  private deleteAttempt(id: string): void {
    if (this.deletedAttempts.has(id)) return;
    this.mergeLinks();
    const reviewed = this.reviewedIn.get(id);
    const questions = new Set(typeof reviewed === 'string' ? [reviewed] : reviewed);
    const question = this.attemptQuestion.get(id);
    if (question !== undefined) questions.add(question);
    const removed = new Set<string>();
    for (const name of questions) {
      const entry = this.byQuestion.get(name);
      if (!entry) continue;
      // Parsed before the attempt counts as deleted, so that its events are there to be removed (and counted out).
      for (const event of entry.removeAttempt(id)) {
        removed.add(event.id);
        if (event.type === 'attempt') this.attemptTotal--;
        else this.reviewTotal--;
      }
    }
    this.deletedAttempts.add(id);
    this.table.remove(removed);
  }
}

/** Keeps `list` in time order; events nearly always arrive in order, so this is a push. */
function insert<T extends HistoryEvent>(list: T[], event: T): void {
  let i = list.length;
  while (i > 0 && byTimeThenId(list[i - 1], event) > 0) i--;
  if (i === list.length) list.push(event);
  else list.splice(i, 0, event);
}

/** The history as a checkpoint holds it: enough to answer the tree, the queue and the stats unparsed. */
export interface HistoryState {
  /** By question number: its id, the deciding suspend or unsuspend (`[at, id, suspended]`) and its summary. */
  questions: { question: string; suspension?: [number, string, boolean]; summary: QuestionSummary }[];
  /** Ids of the deleted attempts. */
  deleted: string[];
  attempts: number;
  reviews: number;
  /** The long parts, as text that a checkpoint stores outside its JSON (checkpoint.ts). */
  text: HistoryText;
}

/** The event table's columns, and three parts each parsed on first need. */
export type HistoryText = TableText & {
  /** JSON of each question's line positions, by question number; parsed when a question's events are needed. */
  lines: string;
  /** JSON of `[attempt, question][]` and `[attempt, questions reviewing it][]`; parsed when an attempt is looked up or deleted. */
  links: string;
  /** Every id taken in, joined by `\n`; split when a later event must be checked against them. */
  ids: string;
};

type QuestionEvent = Exclude<HistoryEvent, { type: 'delete-attempt' }>;
type Stamp = Pick<HistoryEvent, 'at' | 'id'>;

/** What an entry asks its history: whether an event counts, and the event at a line of the logs. */
interface EntryContext {
  counts(event: QuestionEvent): boolean;
  eventAt(position: LinePosition): HistoryEvent | undefined;
}

class QuestionEntry implements QuestionHistory {
  suspended = false;
  /** The suspend or unsuspend that decides `suspended`: the latest one wins, whatever order they arrive in. */
  suspension: Stamp | undefined;
  revision = 0;
  /** Positions of this question's lines in the logs, for a checkpoint. */
  private positions: LinePosition[] = [];
  private lists: { attempts: AttemptEvent[]; reviews: ReviewEvent[]; schedule: ScheduleEvent[] } | undefined = { attempts: [], reviews: [], schedule: [] };
  /** Set while the events are not parsed: the summary from the checkpoint, and where its line positions are. */
  private unparsed: { summary: QuestionSummary; positions: () => LinePosition[] } | undefined;
  private folded: { revision: number; summary: QuestionSummary } | undefined;

  constructor(
    readonly question: string,
    readonly index: number,
    private readonly context: EntryContext,
  ) {}

  static restored(question: string, index: number, context: EntryContext, summary: QuestionSummary, positions: () => LinePosition[]): QuestionEntry {
    const entry = new QuestionEntry(question, index, context);
    entry.lists = undefined;
    entry.unparsed = { summary, positions };
    return entry;
  }

  get attempts(): readonly AttemptEvent[] {
    return this.parsed().attempts;
  }

  get reviews(): readonly ReviewEvent[] {
    return this.parsed().reviews;
  }

  get schedule(): readonly ScheduleEvent[] {
    return this.parsed().schedule;
  }

  get summary(): QuestionSummary {
    if (this.unparsed) return this.unparsed.summary;
    if (this.folded?.revision !== this.revision) this.folded = { revision: this.revision, summary: summarize(this.parsed()) };
    return this.folded.summary;
  }

  /** Nothing recorded, or only attempts that were deleted: no history at all (as if they had never come). */
  get isEmpty(): boolean {
    const summary = this.unparsed?.summary;
    if (summary) return summary.attempts === 0 && summary.lastScheduled === undefined && this.suspension === undefined;
    const lists = this.parsed();
    return lists.attempts.length === 0 && lists.schedule.length === 0 && this.suspension === undefined;
  }

  /** Takes in an event of this question that counts; `position` is where its line is, if it came from a log. */
  take(event: QuestionEvent, position: LinePosition | undefined): void {
    this.place(event);
    if (position !== undefined) this.linePositions().push(position);
    this.revision++;
  }

  /** Drops a deleted attempt and the reviews of it; returns the events that left. */
  removeAttempt(id: string): (AttemptEvent | ReviewEvent)[] {
    const lists = this.parsed();
    const removed = [...lists.attempts.filter((attempt) => attempt.id === id), ...lists.reviews.filter((review) => review.attempt === id)];
    if (removed.length === 0) return removed;
    lists.attempts = lists.attempts.filter((attempt) => attempt.id !== id);
    lists.reviews = lists.reviews.filter((review) => review.attempt !== id);
    lists.schedule = lists.schedule.filter((event) => event.type !== 'review' || event.attempt !== id);
    this.revision++;
    return removed;
  }

  /** Where this question's lines are in the logs. */
  linePositions(): LinePosition[] {
    if (this.unparsed) this.positions = this.unparsed.positions();
    return this.positions;
  }

  private parsed(): NonNullable<QuestionEntry['lists']> {
    if (this.lists) return this.lists;
    const positions = this.linePositions();
    this.unparsed = undefined;
    this.lists = { attempts: [], reviews: [], schedule: [] };
    for (const position of positions) {
      const event = this.context.eventAt(position);
      if (event && event.type !== 'delete-attempt' && this.context.counts(event)) this.place(event);
    }
    return this.lists;
  }

  private place(event: QuestionEvent): void {
    const lists = this.parsed();
    switch (event.type) {
      case 'attempt':
        insert(lists.attempts, event);
        break;
      case 'review':
        insert(lists.reviews, event);
        insert(lists.schedule, event);
        break;
      case 'reset':
        insert(lists.schedule, event as ScheduleEvent);
        break;
      default:
        if (!this.suspension || byTimeThenId(this.suspension, event) < 0) {
          this.suspension = { at: event.at, id: event.id };
          this.suspended = event.type === 'suspend';
        }
    }
  }
}

/** The summary of a question's parsed events: what a checkpoint stores in their place. */
function summarize(lists: { attempts: readonly AttemptEvent[]; reviews: readonly ReviewEvent[]; schedule: readonly ScheduleEvent[] }): QuestionSummary {
  const { attempts, reviews, schedule } = lists;
  let bestSeconds = Infinity;
  let topic: string | undefined;
  for (const attempt of attempts) {
    bestSeconds = Math.min(bestSeconds, attempt.activeSeconds);
    if (attempt.topic !== undefined) topic = attempt.topic;
  }
  let start = schedule.length;
  while (start > 0 && schedule[start - 1].type !== 'reset') start--;
  let chained = true;
  for (let i = start; chained && i < schedule.length; i++) chained = (schedule[i] as ReviewEvent).after === schedule[i - 1]?.id;
  const latest = schedule.at(-1);
  return {
    attempts: attempts.length,
    reviews: reviews.length,
    ...(bestSeconds !== Infinity ? { bestSeconds } : {}),
    ...(topic !== undefined ? { topic } : {}),
    ...(attempts.length > 0 ? { prompt: attempts[attempts.length - 1].prompt } : {}),
    ...(latest ? { lastScheduled: latest.id } : {}),
    ...(latest?.type === 'review' ? { current: { introducedAt: schedule[start].at, at: latest.at, rating: latest.rating, card: latest.card, chained } } : {}),
  };
}
