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
  z.object({ type: z.literal('position'), index: turnIndex }),
  z.object({ type: z.literal('reveal'), turnIndex }),
  z.object({ type: z.literal('answer'), questionId: z.string().check(z.maxLength(500)) }),
  z.object({ type: z.literal('setMode'), mode: PlayerModeSchema }),
  z.object({ type: z.literal('timerAction'), action: z.enum(['pause', 'resume', 'finish', 'compare']) }),
  z.object({ type: z.literal('close') }),
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
  mode: PlayerMode;
  /** Seconds-per-word pace multiplier for Play. */
  speed: number;
  answered: Record<string, { attempts: number; bestLabel: string }>;
  timer: PlayerTimer | null;
}

export type HostMessage =
  | { type: 'state'; state: PlayerState }
  | { type: 'timer'; timer: PlayerTimer | null };
