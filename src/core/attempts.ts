/**
 * Practice history: finished attempts, kept in one JSON file written atomically, checked with zod on read.
 * Storage comes in through `TextFileStore`, so the CLI, the tests and the extension share this code.
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

const HistoryFileSchema = z.object({ version: z.literal(1), attempts: z.array(AttemptSchema) });

export const HISTORY_FILE = 'attempts.json';

export class AttemptStore {
  private attempts: Attempt[] = [];
  /** Set when the file on disk could not be read; it is moved aside before the next write so nothing is lost. */
  private unreadable = false;

  constructor(private readonly files: TextFileStore, private readonly now: () => number = Date.now) {}

  /** Loads the history. Returns a message for the user when the file was damaged (it is kept aside, not overwritten). */
  async load(): Promise<string | undefined> {
    const text = await this.files.read(HISTORY_FILE);
    if (text === undefined) {
      this.attempts = [];
      return undefined;
    }
    const parsed = parseHistory(text);
    this.unreadable = parsed === undefined;
    this.attempts = parsed ?? [];
    return this.unreadable ? `Your practice history (${HISTORY_FILE}) could not be read; it will be kept as a backup beside the new one.` : undefined;
  }

  all(): readonly Attempt[] {
    return this.attempts;
  }

  /** Re-reads before writing so that two windows appending at once both keep their attempts. */
  async add(attempt: Attempt): Promise<void> {
    const onDisk = await this.files.read(HISTORY_FILE);
    const current = onDisk === undefined ? [] : parseHistory(onDisk);
    if (current === undefined || this.unreadable) {
      if (onDisk !== undefined) await this.files.rename(HISTORY_FILE, `${HISTORY_FILE}.unreadable-${this.now()}`);
      this.unreadable = false;
    }
    this.attempts = [...(current ?? []), attempt];
    await this.files.write(HISTORY_FILE, JSON.stringify({ version: 1, attempts: this.attempts }, null, 2));
  }
}

function parseHistory(text: string): Attempt[] | undefined {
  try {
    const result = HistoryFileSchema.safeParse(JSON.parse(text));
    return result.success ? result.data.attempts : undefined;
  } catch {
    return undefined;
  }
}

/** What the tree and the player show per question. */
export interface QuestionProgress {
  attempts: number;
  bestSeconds: number;
}

export function progressByQuestion(attempts: readonly Attempt[]): Map<string, QuestionProgress> {
  const progress = new Map<string, QuestionProgress>();
  for (const attempt of attempts) {
    const entry = progress.get(attempt.questionId);
    progress.set(attempt.questionId, {
      attempts: (entry?.attempts ?? 0) + 1,
      bestSeconds: Math.min(entry?.bestSeconds ?? Infinity, attempt.activeSeconds),
    });
  }
  return progress;
}
