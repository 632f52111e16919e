/**
 * Messages between the extension host and the statistics webview, declared once. The host validates everything it
 * receives with these schemas and imports this module with `import()` when the first message arrives; the webview
 * imports the types only.
 */
import * as z from 'zod/mini';
import type { Stats } from '../core/review/stats';

export const StatsMessageSchema = z.discriminatedUnion('type', [
  /** The page is listening; `revision` is that of the state it drew. */
  z.object({ type: z.literal('ready'), revision: z.int().check(z.gte(0)) }),
  /** The view's buttons: start practising (the empty state), practise what is due, show the Topics view. */
  z.object({ type: z.literal('action'), action: z.enum(['answer', 'practiseDue', 'topics']) }),
]);
export type StatsMessage = z.infer<typeof StatsMessageSchema>;
export type StatsAction = Extract<StatsMessage, { type: 'action' }>['action'];

export function parseStatsMessage(raw: unknown): StatsMessage | undefined {
  const parsed = StatsMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** What the view draws: `computeStats` without the per-question rows, which the view does not show. */
export type StatsSummary = Omit<Stats, 'questions'>;

export interface StatsState {
  /** Grows with each state the host computes, so the page knows whether it has the latest. */
  revision: number;
  /** Undefined when the history could not be read (the Output channel says why). */
  stats?: StatsSummary;
}

export type StatsHostMessage = { type: 'state'; state: StatsState };

/** What the webview keeps with `setState` (its own business: which tables are open survives a reload). */
export interface PersistedStats {
  openTables: string[];
}
