/** Small text helpers shared by the parser and the library. */
import * as l10n from '@vscode/l10n';

/** A lower-case, dash-separated id fragment; keeps non-Latin letters so non-English titles still get distinct ids. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`*_~[\]()"'“”‘’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '') || 'untitled';
}

/** Edit distance counting a swap of neighbours as one edit (`levle` → `level`), bounded to short words. */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest known word, if it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(lower.length / 3));
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    // The distance is at least the difference in length: a word that cannot be close enough is not compared.
    if (Math.abs(other.length - lower.length) > limit) continue;
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean `x`?` when a known word is close, else an empty string. */
export function didYouMean(word: string, known: readonly string[]): string {
  const suggestion = closest(word, known);
  return suggestion ? l10n.t('; did you mean `{0}`?', suggestion) : '';
}

export function listOf(words: readonly string[]): string {
  return words.map((w) => `\`${w}\``).join(', ');
}

/**
 * Parses a time budget such as `90s`, `5 min`, `1h 15m`, `45 minutes` or a bare number of minutes.
 * Returns seconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return atLeastASecond(Number(trimmed) * 60);
  const unitSeconds: Record<string, number> = { h: 3600, m: 60, s: 1 };
  const part = /(\d+(?:\.\d+)?)\s*(h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?)(?![a-z])/gy;
  let total = 0;
  let position = 0;
  let matched = false;
  while (position < trimmed.length) {
    part.lastIndex = position;
    const match = part.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * unitSeconds[match[2][0]];
    matched = true;
    position = part.lastIndex;
    while (trimmed[position] === ' ' || trimmed[position] === ',') position++;
  }
  return matched ? atLeastASecond(total) : undefined;
}

/** A budget under one second is no budget: the timer would start in overtime. */
function atLeastASecond(seconds: number): number | undefined {
  return seconds >= 1 ? Math.round(seconds) : undefined;
}

/** `m:ss` (or `h:mm:ss`) for a number of seconds, as the tree and the history show times. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Markdown to one line of plain text, for labels: drops emphasis, code ticks, links' targets and quotes. */
export function plainText(markdown: string): string {
  let text = markdown;
  // Most prompts hold no code block and no link: the checks skip those two scans.
  if (text.includes('```')) text = text.replace(/```[\s\S]*?```/g, ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text
    .replace(/[*_`~#>]/g, '')
    // Every run of white space becomes one space; runs that already are one space are not matched (5× faster).
    .replace(/ \s+|[^\S ]\s*/g, ' ')
    .trim()
    .replace(/^["“]|["”]$/g, '');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${truncatedHead(text, max)}…`;
}

/** What `truncate` keeps of a text longer than `max` characters, before the `…`. */
export function truncatedHead(text: string, max: number): string {
  return text.slice(0, max - 1).trimEnd();
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/**
 * An order by `key`, then by code units, so strings with equal keys still have one order on every machine. Not
 * `localeCompare`: it follows the machine's language, and its first use in a process sets up ICU's collation (about
 * 15 ms), which the first library load or the first click on the Topics view would wait for.
 */
export function orderBy(key: (text: string) => string): (a: string, b: string) => number {
  return (a, b) => {
    const keyA = key(a);
    const keyB = key(b);
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/**
 * Alphabetical order for names a person reads (topics, tags): accents and case set aside (`Überblick` between `Tests`
 * and `Zustand`, `api` beside `API`).
 */
export const compareForDisplay = orderBy((text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
