/**
 * Reads back the attempt in progress after a window reload. Kept apart from `attempt.ts` so zod loads only
 * when there is something to read (the extension imports this module on demand, off the activation path).
 */
import * as z from 'zod/mini';
import type { ActiveAttempt } from './attempt';

const ActiveAttemptSchema = z.object({
  questionId: z.string(),
  dialogueId: z.string(),
  topic: z.optional(z.string()),
  prompt: z.string(),
  draftPath: z.string(),
  template: z.string(),
  timer: z.object({ startedAt: z.number(), budgetSeconds: z.number(), pausedMs: z.number(), pausedAt: z.optional(z.number()) }),
  warned: z.boolean(),
});

/** The stored attempt, or undefined when the value is missing or not an attempt (an older version's shape, a damaged store). */
export function parseStoredAttempt(raw: unknown): ActiveAttempt | undefined {
  const parsed = ActiveAttemptSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
