/**
 * The first history format, `attempts.json`: one JSON document of finished attempts. Versions since then keep the
 * history as events (src/core/history); this file's schema remains so `migrate.ts` can read what older versions
 * (or an older window still running) wrote.
 */
import * as z from 'zod/mini';

/** Small named text files in one folder. `write` must be atomic (temp file, then rename). */
export interface TextFileStore {
  read(name: string): Promise<string | undefined>;
  write(name: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const AttemptSchema = z.object({
  questionId: z.string(),
  dialogueId: z.string(),
  prompt: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  activeSeconds: z.number(),
  budgetSeconds: z.number(),
  overtimeSeconds: z.number(),
  wordCount: z.number(),
  draftPath: z.string(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const HISTORY_FILE = 'attempts.json';
