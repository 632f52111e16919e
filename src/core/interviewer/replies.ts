/**
 * Reading what the language model sent back. Model output is untrusted text: these functions never throw, never
 * evaluate anything, and return text (not HTML) with every problem listed for the UI.
 *
 * The key-point reply is asked for as strict JSON, but is read as a model really answers: JSON inside prose or
 * a code fence, a bare array, wrong types, ids that do not exist, quotes that are not in the draft, a reply cut
 * off midway (the entries that did arrive are kept). A rating or score the model adds is ignored: the user rates.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import { keyPointId } from './prompts';

const MAX_FOLLOW_UP_CHARS = 1000;
/** Longer replies are read only this far: a key-point list is a few hundred characters per point. */
const MAX_REPLY_CHARS = 50_000;
/** JSON.parse tries per reply: enough for any honest reply, a bound for a hostile one. */
const MAX_PARSE_ATTEMPTS = 64;
/** A quote this short (after normalising) proves nothing about the draft. */
const MIN_QUOTE_CHARS = 4;

export interface FollowUpReply {
  /** The follow-up question as plain text; '' when the reply held none. */
  text: string;
  problems: string[];
}

/** Cleans a follow-up reply: code fences, a leading label (`Interviewer:`, `Follow-up:`), wrapping quotes. */
export function readFollowUpReply(reply: string): FollowUpReply {
  let text = reply.replace(/\r\n?/g, '\n').trim();
  const fenced = /^```[^\n]*\n([\s\S]*?)\n?```$/.exec(text);
  if (fenced) text = fenced[1].trim();
  // One character class on each side of the colon: a long run of spaces cannot make the pattern backtrack.
  text = text.replace(/^(?:[*_#>\s]*(?:interviewer|follow[- ]?up(?: question)?|question)[\s*_]*:[\s*_]*)+/i, '').trim();
  const quotes: Record<string, string> = { '"': '"', '“': '”', "'": "'" };
  if (text.length >= 2 && quotes[text[0]] === text[text.length - 1]) text = text.slice(1, -1).trim();
  if (text === '') return { text: '', problems: [l10n.t('The model sent no follow-up question. Try again, or go on with the next question.')] };
  if (text.length > MAX_FOLLOW_UP_CHARS) {
    return { text: `${text.slice(0, MAX_FOLLOW_UP_CHARS - 1).trimEnd()}…`, problems: [l10n.t("The model's follow-up was unusually long and was cut.")] };
  }
  return { text, problems: [] };
}

/** How far a draft covers a key point: the model's suggestion here, the user's decision in the review. */
export type KeyPointStatus = 'covered' | 'partly' | 'missed';

/** The model's suggestion for one key point, for the user to confirm or change in the review. */
export interface KeyPointSuggestion {
  /** `k1`, `k2`, … as in the request. */
  id: string;
  /** The key point as the dialogue states it (never the model's wording). */
  keyPoint: string;
  /** Absent when the reply gave no usable status for this point. */
  status?: KeyPointStatus;
  /** The passage of the draft the model quoted, as it stands in the draft (found there, not taken from the model). */
  quote?: string;
  /** Where `quote` stands in the draft: [start, end) offsets. */
  quoteRange?: [number, number];
  /** The model quoted something that is not in the draft; the quote was dropped. */
  quoteNotFound?: boolean;
}

export interface KeyPointCheck {
  /** One per key point, in the key points' order. */
  suggestions: KeyPointSuggestion[];
  /** Sentences for the user; empty when the reply was read cleanly. */
  problems: string[];
  /** The reply looks cut off (a JSON value was opened and never closed). */
  truncated: boolean;
}

/** The words a model's reply may use for each status (read from the model, never shown). */
const STATUS_WORDS = new Map<string, KeyPointStatus>([
  ...['covered', 'fully covered', 'yes', 'present', 'full'].map((word) => [word, 'covered'] as const),
  ...['partly', 'partial', 'partially', 'partly covered', 'partially covered'].map((word) => [word, 'partly'] as const),
  ...['missed', 'missing', 'no', 'absent', 'not covered'].map((word) => [word, 'missed'] as const),
]);

const RATING_FIELDS = ['rating', 'score', 'grade', 'verdict', 'mark'];
const LIST_FIELDS = ['keypoints', 'key_points', 'points', 'results', 'items'];

/**
 * Reads the *Check Against Key Points* reply against the key points asked about. `draft` is the user's whole
 * draft (not the trimmed text sent): quotes are looked up in it and `quoteRange` points into it.
 */
export function readKeyPointsReply(reply: string, keyPoints: readonly string[], draft: string): KeyPointCheck {
  const problems: string[] = [];
  const note = (message: string) => {
    if (!problems.includes(message)) problems.push(message);
  };
  const scan = scanJson(reply.slice(0, MAX_REPLY_CHARS));
  const entries = entriesOf(scan.values, note);
  if (scan.truncated) note(l10n.t("The model's reply was cut off; the key points it reached are kept, check the others yourself."));
  if (entries === undefined) note(l10n.t("The model's reply held no key-point list that could be read. Check the key points yourself, or try again."));

  const suggestions: KeyPointSuggestion[] = keyPoints.map((keyPoint, i) => ({ id: keyPointId(i), keyPoint }));
  const given = new Set<number>();
  for (const entry of entries ?? []) {
    const index = indexOf(entry, keyPoints);
    if (index === undefined) {
      note(l10n.t('The model mentioned a key point that does not exist ({0}); it was ignored.', describe(entry.id ?? entry.keyPoint)));
      continue;
    }
    if (given.has(index)) {
      note(l10n.t('The model answered {0} twice; its first answer is kept.', keyPointId(index)));
      continue;
    }
    given.add(index);
    const status = statusOf(entry.status);
    if (!status) {
      note(l10n.t('The model gave {0} a status that is not covered, partly or missed ({1}); check it yourself.', keyPointId(index), describe(entry.status)));
      continue;
    }
    suggestions[index] = { ...suggestions[index], status, ...quoteOf(entry.quote, status, draft, keyPointId(index), note) };
  }
  if (entries !== undefined) {
    const silent = suggestions.filter((_, i) => !given.has(i)).map((s) => s.id);
    if (silent.length > 0) note(plural(l10n.t('The model said nothing about {0}; check {1, plural, one {it} other {them}} yourself.', silent.join(', ')), silent.join(', '), silent.length));
  }
  return { suggestions, problems, truncated: scan.truncated };
}

type Entry = Record<string, unknown>;

/** The entries of the first key-point list found, else every loose entry-like object; undefined when none. */
function entriesOf(values: unknown[], note: (message: string) => void): Entry[] | undefined {
  const isObject = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (values.some((v) => isObject(v) && (RATING_FIELDS.some((f) => Object.hasOwn(v, f)) || (listIn(v) ?? []).some((e) => isObject(e) && RATING_FIELDS.some((f) => Object.hasOwn(e, f)))))) {
    note(l10n.t('The model added a rating; it was ignored: you rate your own answer in the review.'));
  }
  for (const value of values) {
    const list = Array.isArray(value) ? value : isObject(value) ? listIn(value) : undefined;
    if (list && list.some(isObject)) return list.filter(isObject);
  }
  const loose = values.filter((v): v is Entry => isObject(v) && ('status' in v || 'id' in v) && listIn(v) === undefined);
  return loose.length > 0 ? loose : undefined;
}

function listIn(value: Entry): unknown[] | undefined {
  const key = Object.keys(value).find((k) => LIST_FIELDS.includes(k.toLowerCase()) && Array.isArray(value[k]));
  return key === undefined ? undefined : (value[key] as unknown[]);
}

/** `k3`, `K3`, `3` or the key point's own text → its index; undefined for anything else. */
function indexOf(entry: Entry, keyPoints: readonly string[]): number | undefined {
  const id = entry.id;
  if (typeof id === 'string' || typeof id === 'number') {
    const match = /^k?(\d{1,4})$/i.exec(String(id).trim());
    const index = match ? Number(match[1]) - 1 : -1;
    if (index >= 0 && index < keyPoints.length) return index;
  }
  const text = entry.keyPoint ?? entry.text;
  if (typeof text === 'string') {
    const index = keyPoints.findIndex((point) => normalise(point).text === normalise(text).text);
    if (index >= 0) return index;
  }
  return undefined;
}

function statusOf(value: unknown): KeyPointStatus | undefined {
  return typeof value === 'string' ? STATUS_WORDS.get(value.trim().toLowerCase().replace(/[\s_-]+/g, ' ')) : undefined;
}

function quoteOf(value: unknown, status: KeyPointStatus, draft: string, id: string, note: (message: string) => void): Partial<KeyPointSuggestion> {
  if (status === 'missed' || value === undefined || value === null || value === '') return {};
  const quote = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
  const range = quote === undefined ? undefined : locate(draft, quote);
  if (!range) {
    note(l10n.t("The model's quote for {0} is not in your draft, so it was dropped; check that point yourself.", id));
    return { quoteNotFound: true };
  }
  return { quote: draft.slice(range[0], range[1]), quoteRange: range };
}

/** A short, printable rendering of an unexpected value for a problem message. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Where a quote stands in the draft, comparing case-, space-, quote-mark- and emphasis-insensitively; a quote
 * with `...`/`…` between fragments matches when the fragments appear in order, and quote marks the model put
 * around the whole quote may be left out. Returns [start, end) offsets.
 */
export function locate(draft: string, quote: string): [number, number] | undefined {
  const haystack = normalise(draft);
  const unwrapped = quote.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '');
  return locateFragments(haystack, quote) ?? locateFragments(haystack, unwrapped);
}

function locateFragments(haystack: { text: string; origin: number[] }, quote: string): [number, number] | undefined {
  const fragments = quote.split(/\s*(?:\.\.\.|…)\s*/).map((f) => normalise(f).text).filter(Boolean);
  if (fragments.join('').length < MIN_QUOTE_CHARS) return undefined;
  let from = 0;
  let start = -1;
  let end = -1;
  for (const fragment of fragments) {
    const at = haystack.text.indexOf(fragment, from);
    if (at < 0) return undefined;
    if (start < 0) start = at;
    end = at + fragment.length;
    from = end;
  }
  return [haystack.origin[start], haystack.origin[end - 1] + 1];
}

/** Lower case, one space for any white space, plain quote marks and dashes, no emphasis marks; with each character's offset in the original. */
function normalise(text: string): { text: string; origin: number[] } {
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    if (ch === '*' || ch === '_' || ch === '`') continue;
    if (/\s/.test(ch)) {
      if (out.length === 0 || out[out.length - 1] === ' ') continue;
      ch = ' ';
    } else if (ch === '‘' || ch === '’') ch = "'";
    else if (ch === '“' || ch === '”') ch = '"';
    else if (ch === '–' || ch === '—') ch = '-';
    out.push(ch.toLowerCase());
    origin.push(i);
  }
  if (out[out.length - 1] === ' ') {
    out.pop();
    origin.pop();
  }
  return { text: out.join(''), origin };
}

/**
 * Every complete JSON object or array in a text, outermost first, found with one pass that tracks brackets and
 * strings (only inside brackets, so apostrophes in prose do not matter); whether one was left open at the end.
 */
function scanJson(text: string): { values: unknown[]; truncated: boolean } {
  const spans: [number, number][] = [];
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"' && stack.length > 0) {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      stack.push(i);
    } else if ((ch === '}' || ch === ']') && stack.length > 0) {
      const start = stack.pop()!;
      if ((text[start] === '{') === (ch === '}')) spans.push([start, i + 1]);
      else stack.length = 0; // mismatched brackets: whatever was open is not JSON
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const values: unknown[] = [];
  // A bounded number of tries keeps hostile input (thousands of nested brackets) fast.
  for (const [start, end] of spans.slice(0, MAX_PARSE_ATTEMPTS)) {
    try {
      values.push(JSON.parse(text.slice(start, end)));
    } catch {
      // not JSON after all (prose in brackets, a template): look inside it
    }
  }
  return { values, truncated: stack.length > 0 };
}
