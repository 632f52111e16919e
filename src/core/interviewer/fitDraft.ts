/**
 * Fitting the user's draft into a language model's input limit.
 *
 * Choice: when a draft is too long, its *middle* is left out (about 40% of what fits is kept from the start, 60%
 * from the end) and a marker says how much is missing. The start holds the approach and assumptions an
 * interviewer anchors on; the end is what the candidate wrote last, which a follow-up reacts to. The result says
 * that it trimmed, so the UI can tell the user, and the prompts tell the model.
 */
import * as l10n from '@vscode/l10n';

/** What the host passes from the chosen model (`vscode.LanguageModelChat`). */
export interface ModelLimits {
  maxInputTokens: number;
  /** The model's own count (`LanguageModelChat.countTokens`); when it fails, a cautious estimate is used. */
  countTokens(text: string): Promise<number>;
}

export interface DraftTrim {
  totalChars: number;
  omittedChars: number;
}

export type FitResult =
  | {
      draft: string;
      /** Present when part of the draft was left out. */
      trim?: DraftTrim;
      /** Tokens of the whole prompt, as counted. */
      tokens: number;
      /** True when the model could not count tokens and an estimate was used. */
      estimated: boolean;
    }
  | { error: string };

/** Kept free of the limit for message framing and for counts that differ a little from the service's. */
const RESERVE_SHARE = 0.05;
const MIN_RESERVE = 16;
const HEAD_SHARE = 0.4;
const MAX_ATTEMPTS = 8;

/** Characters per token for the fallback estimate: cautious (real text averages about 4). */
const ESTIMATE_CHARS_PER_TOKEN = 3;

/** The line put where the middle of a draft was left out (English: it is part of the prompt, for the model). */
export function omissionMarker(omittedChars: number): string {
  return `[… ${omittedChars.toLocaleString('en-US')} characters of the draft left out here to fit the model …]`;
}

/**
 * Fits `draft` into `render(draft, trim)` (the whole prompt text) so that it stays within the model's limit.
 * Never throws: a failing `countTokens` falls back to an estimate, and a prompt too long even without a draft is
 * an `error` with a message for the user.
 */
export async function fitDraft(draft: string, render: (draft: string, trim?: DraftTrim) => string, limits: ModelLimits): Promise<FitResult> {
  const count = tokenCounter(limits);
  const budget = limits.maxInputTokens - Math.max(MIN_RESERVE, Math.ceil(limits.maxInputTokens * RESERVE_SHARE));
  const whole = await count.of(render(draft));
  if (whole <= budget) return { draft, tokens: whole, estimated: count.estimated };

  const fixed = await count.of(render(omissionMarker(draft.length), { totalChars: draft.length, omittedChars: draft.length }));
  if (fixed >= budget) {
    return { error: l10n.t('The question and its key points alone take about {0} tokens, more than this model accepts ({1}). Choose a model with a larger context in the model picker.', fixed, limits.maxInputTokens) };
  }
  let keep = Math.min(draft.length - 1, Math.floor((draft.length * (budget - fixed)) / Math.max(1, whole - fixed)));
  for (let attempt = 0; attempt < MAX_ATTEMPTS && keep > 0; attempt++) {
    const trimmed = cutMiddle(draft, keep);
    const trim = { totalChars: draft.length, omittedChars: draft.length - trimmed.kept };
    const tokens = await count.of(render(trimmed.text, trim));
    if (tokens <= budget) return { draft: trimmed.text, trim, tokens, estimated: count.estimated };
    keep = Math.floor((keep * (budget - fixed)) / Math.max(1, tokens - fixed) * 0.9);
  }
  return { error: l10n.t('Your draft could not be shortened enough for this model ({0} tokens). Choose a model with a larger context in the model picker.', limits.maxInputTokens) };
}

/** Counts with the model; after its first failure, estimates for the rest of the fit. */
function tokenCounter(limits: ModelLimits): { of(text: string): Promise<number>; estimated: boolean } {
  const counter = {
    estimated: false,
    async of(text: string): Promise<number> {
      if (!counter.estimated) {
        try {
          const tokens = await limits.countTokens(text);
          if (Number.isFinite(tokens) && tokens >= 0) return tokens;
        } catch {
          // fall through to the estimate: counting is a convenience, not a reason to fail the request
        }
        counter.estimated = true;
      }
      return Math.ceil(text.length / ESTIMATE_CHARS_PER_TOKEN);
    },
  };
  return counter;
}

/** The draft with its middle replaced by a marker, keeping about `keep` characters cut at word boundaries. */
function cutMiddle(draft: string, keep: number): { text: string; kept: number } {
  let headEnd = Math.floor(keep * HEAD_SHARE);
  let tailStart = draft.length - (keep - headEnd);
  // Cut after a line break or a space when one is near, so no word is split.
  const headBreak = Math.max(draft.lastIndexOf('\n', headEnd), draft.lastIndexOf(' ', headEnd));
  if (headBreak > headEnd * 0.8) headEnd = headBreak;
  const tailBreak = [draft.indexOf('\n', tailStart), draft.indexOf(' ', tailStart)].filter((i) => i >= 0);
  const nearest = tailBreak.length > 0 ? Math.min(...tailBreak) : -1;
  if (nearest >= 0 && nearest - tailStart < (draft.length - tailStart) * 0.2) tailStart = nearest + 1;
  const head = draft.slice(0, headEnd).trimEnd();
  const tail = draft.slice(tailStart).trimStart();
  return { text: `${head}\n\n${omissionMarker(draft.length - head.length - tail.length)}\n\n${tail}`, kept: head.length + tail.length };
}
