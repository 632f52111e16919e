/**
 * Metadata keys shared by YAML front matter (whole file) and `**Key:** value` lines (one dialogue).
 * One table checks both, so a key means the same thing wherever it is written.
 */
import { type DialogueKind, type Level, LEVELS } from './model';
import { didYouMean, listOf, parseDuration } from './text';

export interface Metadata {
  topic?: string;
  level?: Level;
  tags?: string[];
  timeSeconds?: number;
  id?: string;
  kind?: DialogueKind;
}

type Checked<T> = { value: T } | { error: string };

const KINDS: readonly DialogueKind[] = ['dialogue', 'mock'];
const ID_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}/._-]*$/u;

function text(raw: unknown, key: string): Checked<string> {
  if (typeof raw === 'number') return { value: String(raw) };
  if (typeof raw !== 'string' || raw.trim() === '') return { error: `\`${key}\` needs a text value` };
  return { value: raw.trim() };
}

function oneOf<T extends string>(raw: unknown, key: string, allowed: readonly T[]): Checked<T> {
  const checked = text(raw, key);
  if ('error' in checked) return checked;
  const lower = checked.value.toLowerCase() as T;
  if (allowed.includes(lower)) return { value: lower };
  return { error: `\`${key}\` must be one of ${listOf(allowed)}, not \`${checked.value}\`${didYouMean(checked.value, allowed)}` };
}

const FIELDS = {
  topic: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = text(raw, 'topic');
    return 'error' in checked ? checked : { value: { topic: checked.value } };
  },
  level: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = oneOf(raw, 'level', LEVELS);
    return 'error' in checked ? checked : { value: { level: checked.value } };
  },
  tags: (raw: unknown): Checked<Partial<Metadata>> => {
    const list = typeof raw === 'string' ? raw.split(',') : raw;
    if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' && typeof t !== 'number')) {
      return { error: '`tags` must be a list of words, e.g. `caching, sharding` or `[caching, sharding]`' };
    }
    const tags = list.map((t) => String(t).trim().toLowerCase()).filter((t) => t.length > 0);
    return { value: { tags: [...new Set(tags)] } };
  },
  time: (raw: unknown): Checked<Partial<Metadata>> => {
    const seconds = typeof raw === 'number' && raw > 0 ? Math.round(raw * 60) : typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (seconds === undefined) return { error: `\`time\` must be a duration such as \`90s\`, \`5 min\` or \`1h 15m\`, not \`${String(raw)}\`` };
    if (seconds > 6 * 3600) return { error: `\`time\` of ${String(raw)} is longer than six hours; give the answer budget of one question` };
    return { value: { timeSeconds: seconds } };
  },
  id: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = text(raw, 'id');
    if ('error' in checked) return checked;
    if (!ID_PATTERN.test(checked.value)) return { error: `\`id\` \`${checked.value}\` may hold only lower-case letters, digits, \`-\`, \`_\`, \`.\` and \`/\`` };
    return { value: { id: checked.value } };
  },
  kind: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = oneOf(raw, 'kind', KINDS);
    return 'error' in checked ? checked : { value: { kind: checked.value } };
  },
} as const;

export type MetadataKey = keyof typeof FIELDS;
export const FILE_KEYS: readonly MetadataKey[] = ['topic', 'level', 'tags', 'time', 'kind'];
export const DIALOGUE_KEYS: readonly MetadataKey[] = ['topic', 'level', 'tags', 'time', 'id', 'kind'];

/** Checks one key/value pair against the keys allowed where it was written. */
export function checkMetadata(key: string, raw: unknown, allowed: readonly MetadataKey[]): Checked<Partial<Metadata>> {
  const normalized = key.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(normalized)) {
    return { error: `key \`${key}\` is not known${didYouMean(key, allowed) || `; use one of ${listOf(allowed)}`}` };
  }
  return FIELDS[normalized as MetadataKey](raw);
}
