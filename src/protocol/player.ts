/**
 * Messages between the extension host and the player webview, declared once.
 * The host validates everything it receives with these schemas (the webview renders files from disk, so a
 * message is never trusted); the webview imports the types only (`import type`), keeping zod out of its bundle.
 * The host loads this module with `import()` when the first message arrives, so zod stays off the activation path.
 */
import * as z from 'zod/mini';

export const PlayerModeSchema = z.enum(['practice', 'study']);
export type PlayerMode = z.infer<typeof PlayerModeSchema>;

/** What the webview keeps with `setState` and the serializer hands back after a window reload. */
export const PersistedPlayerStateSchema = z.object({
  dialogueId: z.string(),
  position: z.int().check(z.gte(0)),
  revealed: z.array(z.int().check(z.gte(0))),
  mode: z.optional(PlayerModeSchema),
});
export type PersistedPlayerState = z.infer<typeof PersistedPlayerStateSchema>;

const turnIndex = z.int().check(z.gte(0), z.lte(100_000));

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  // `move` numbers the page's own moves (from 1 after each `ready`), so the host can say which it has seen.
  z.object({ type: z.literal('position'), index: turnIndex, move: z.int().check(z.gte(1)) }),
  z.object({ type: z.literal('reveal'), turnIndex, move: z.int().check(z.gte(1)) }),
  z.object({ type: z.literal('answer'), questionId: z.string().check(z.maxLength(500)) }),
  z.object({ type: z.literal('setMode'), mode: PlayerModeSchema }),
  z.object({ type: z.literal('timerAction'), action: z.enum(['pause', 'resume', 'finish', 'compare']) }),
  z.object({ type: z.literal('close') }),
  /** The session view's buttons: the same commands as the palette and the status bar. */
  z.object({ type: z.literal('sessionAction'), action: z.enum(['next', 'end', 'askFollowUp', 'pause', 'resume', 'continueReviews']) }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** A message from the player, or undefined when it does not fit the protocol (it is then dropped and logged). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  const parsed = WebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The state a restored panel hands back, or undefined when it is not a player's (an older version's, say). */
export function parsePersistedPlayerState(raw: unknown): PersistedPlayerState | undefined {
  const parsed = PersistedPlayerStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export interface PlayerTurn {
  speaker: 'interviewer' | 'candidate';
  /** Markdown source from the dialogue file: untrusted, rendered and sanitized in the webview. */
  text: string;
  stage?: string;
  /** On interviewer turns. */
  questionId?: string;
  budgetLabel?: string;
  keyPoints?: string[];
}

export interface PlayerTimer {
  questionId: string;
  prompt: string;
  label: string;
  phase: 'running' | 'warning' | 'overtime';
  paused: boolean;
}

/** One prompt of a mock interview in the player: only prompts reached so far (core `playerView`). */
export interface PlayerSessionItem {
  key: string;
  kind: 'question' | 'follow-up';
  stageTitle: string;
  /** Markdown; a follow-up's is the model's text: untrusted, rendered and sanitised in the webview like dialogue text. */
  text: string;
  current: boolean;
  /** The dialogue's model answer, once the interview is over (never before). */
  modelAnswer?: string;
}

/** The player's session view: shown instead of the dialogue's turns while the dialogue runs as a mock interview. */
export interface PlayerSession {
  title: string;
  /** `Stage 2/4 · 08:12 · 41:30 left`, and the same in words for screen readers. */
  status: string;
  description: string;
  paused: boolean;
  ended: boolean;
  /** What Next does: the next question, the next stage, or nothing (the last question: End Interview). */
  next: 'question' | 'stage' | 'end';
  items: PlayerSessionItem[];
  /** `2 of 5` while the reviews after the end are under way. */
  reviewing?: string;
  /** Whether Ask a Follow-up may use the user's language model (the setting is on). */
  interviewer: boolean;
}

/** An interviewer turn being streamed from the user's language model (model text: sanitised like dialogue text). */
export interface PlayerStream {
  text: string;
  state: 'streaming' | 'done' | 'cut';
  /** Which question it follows up: a session's current key, or a dialogue's question id. */
  after: string;
}

export interface PlayerState {
  dialogue: {
    id: string;
    title: string;
    topic: string;
    level: string;
    tags: string[];
    intro?: string;
    turns: PlayerTurn[];
  } | null;
  /** Set when the dialogue's file no longer holds it: the player says so and offers to close. */
  missingTitle?: string;
  guidance: { title: string; text: string }[];
  position: number;
  revealed: number[];
  /** The page's last move (position or reveal) the host had applied when it sent this state. */
  movesSeen: number;
  mode: PlayerMode;
  /** Seconds-per-word pace multiplier for Play. */
  speed: number;
  answered: Record<string, { attempts: number; bestLabel: string }>;
  timer: PlayerTimer | null;
  /** Present while this dialogue runs as a mock interview (and after its end, until the session is closed). */
  session?: PlayerSession;
  stream?: PlayerStream;
}

export type HostMessage =
  | { type: 'state'; state: PlayerState }
  | { type: 'timer'; timer: PlayerTimer | null }
  | { type: 'session'; session: PlayerSession | undefined }
  | { type: 'stream'; stream: PlayerStream | undefined }
  /** Something for screen readers (a stage's time is up). */
  | { type: 'announce'; text: string };
