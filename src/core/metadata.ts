/**
 * Metadata keys shared by YAML front matter (whole file) and `**Key:** value` lines (one dialogue).
 * One table checks both, so a key means the same thing wherever it is written.
 */
import * as l10n from '@vscode/l10n';
import { type DialogueKind, type Level, LEVELS } from './model';
import { FIXED_NAMES, normalizeName, scanLabel, type SpeakerNames } from './speakers';
import { didYouMean, listOf, parseDuration } from './text';

export interface Metadata {
  topic?: string;
  level?: Level;
  tags?: string[];
  timeSeconds?: number;
  id?: string;
  kind?: DialogueKind;
  /** Front matter only: the file's own speaker names, e.g. `{ interviewer: [Dana], candidate: [Sam] }`. */
  speakers?: SpeakerNames;
}

/** `unknownKey`: the key itself is not one of this place's keys (a warning: the value is ignored, nothing is wrong with it). */
type Checked<T> = { value: T } | { error: string; unknownKey?: true };

const KINDS: readonly DialogueKind[] = ['dialogue', 'mock'];
const ID_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}/._-]*$/u;

function text(raw: unknown, key: string): Checked<string> {
  if (typeof raw === 'number') return { value: String(raw) };
  if (typeof raw !== 'string' || raw.trim() === '') return { error: l10n.t('`{0}` needs a text value', key) };
  return { value: raw.trim() };
}

function oneOf<T extends string>(raw: unknown, key: string, allowed: readonly T[]): Checked<T> {
  const checked = text(raw, key);
  if ('error' in checked) return checked;
  const lower = checked.value.toLowerCase() as T;
  if (allowed.includes(lower)) return { value: lower };
  return { error: l10n.t('`{0}` must be one of {1}, not `{2}`{3}', key, listOf(allowed), checked.value, didYouMean(checked.value, allowed)) };
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
      return { error: l10n.t('`tags` must be a list of words, e.g. `caching, sharding` or `[caching, sharding]`') };
    }
    const tags = list.map((t) => String(t).trim().toLowerCase()).filter((t) => t.length > 0);
    return { value: { tags: [...new Set(tags)] } };
  },
  time: (raw: unknown): Checked<Partial<Metadata>> => {
    const seconds = typeof raw === 'number' && raw > 0 ? Math.round(raw * 60) : typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (seconds === undefined) return { error: l10n.t('`time` must be a duration such as `90s`, `5 min` or `1h 15m`, not `{0}`', String(raw)) };
    if (seconds > 6 * 3600) return { error: l10n.t('`time` of {0} is longer than six hours; give the answer budget of one question', String(raw)) };
    return { value: { timeSeconds: seconds } };
  },
  id: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = text(raw, 'id');
    if ('error' in checked) return checked;
    if (!ID_PATTERN.test(checked.value)) return { error: l10n.t('`id` `{0}` may hold only lower-case letters, digits, `-`, `_`, `.` and `/`', checked.value) };
    return { value: { id: checked.value } };
  },
  kind: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = oneOf(raw, 'kind', KINDS);
    return 'error' in checked ? checked : { value: { kind: checked.value } };
  },
  speakers: (raw: unknown): Checked<Partial<Metadata>> => {
    const checked = speakerNames(raw);
    return 'error' in checked ? checked : { value: { speakers: checked.value } };
  },
} as const;

const SPEAKERS_EXAMPLE = '`speakers: { interviewer: [Dana], candidate: [Sam] }`';
const ROLES = ['interviewer', 'candidate'] as const;

/** `{ interviewer: [names], candidate: [names] }`; a single name may stand without brackets. */
function speakerNames(raw: unknown): Checked<SpeakerNames> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { error: l10n.t('`speakers` must map roles to names, e.g. {0}', SPEAKERS_EXAMPLE) };
  const names: SpeakerNames = { interviewer: [], candidate: [] };
  const owner = new Map<string, string>();
  for (const [role, value] of Object.entries(raw)) {
    const key = role.trim().toLowerCase();
    if (key !== 'interviewer' && key !== 'candidate') {
      return { error: l10n.t('`speakers` has a role `{0}`; the roles are {1}{2}', role, listOf(ROLES), didYouMean(role, ROLES)) };
    }
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      const name = typeof item === 'string' || typeof item === 'number' ? String(item).trim() : '';
      const shape = name === '' ? undefined : scanLabel(`${name}:`);
      if (!shape || shape.name !== name.replace(/\s+/g, ' ') || shape.note !== undefined) {
        return { error: l10n.t("`speakers`: `{0}` cannot be a label; a name starts with a letter and holds letters, digits, spaces and `.'&/-` (at most 40)", String(item)) };
      }
      const normalized = normalizeName(name);
      const fixed = FIXED_NAMES.get(normalized);
      if (fixed && fixed !== key) {
        return { error: fixed === 'interviewer' ? l10n.t('`speakers`: `{0}` always means the interviewer; give the candidate another name', name) : l10n.t('`speakers`: `{0}` always means the candidate; give the interviewer another name', name) };
      }
      if (isMetadataKey(normalized) || normalized === 'key points') {
        return { error: l10n.t('`speakers`: `{0}` is a metadata key (`**{0}:**` sets metadata), so it cannot name a speaker', name) };
      }
      const other = owner.get(normalized);
      if (other !== undefined && other !== key) return { error: l10n.t('`speakers`: `{0}` is given to both roles; keep it under one', name) };
      owner.set(normalized, key);
      names[key].push(name);
    }
  }
  return { value: names };
}

export type MetadataKey = keyof typeof FIELDS;
/** Keys of YAML front matter. There `id` names the file in its dialogues' ids (see docs/dialogue-format.md). */
export const FILE_KEYS: readonly MetadataKey[] = ['topic', 'level', 'tags', 'time', 'id', 'kind', 'speakers'];
export const DIALOGUE_KEYS: readonly MetadataKey[] = ['topic', 'level', 'tags', 'time', 'id', 'kind'];

export function isMetadataKey(key: string): key is MetadataKey {
  return Object.hasOwn(FIELDS, key);
}

/** Checks one key/value pair against the keys allowed where it was written. */
export function checkMetadata(key: string, raw: unknown, allowed: readonly MetadataKey[]): Checked<Partial<Metadata>> {
  const normalized = key.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(normalized)) {
    if (isMetadataKey(normalized)) {
      const error = allowed === FILE_KEYS ? l10n.t('key `{0}` works only in a `**Key:**` line under a dialogue', key) : l10n.t('key `{0}` works only in the front matter', key);
      return { error, unknownKey: true };
    }
    const suggestion = didYouMean(key, allowed);
    return { error: suggestion ? l10n.t('key `{0}` is not known{1}', key, suggestion) : l10n.t('key `{0}` is not known; use one of {1}', key, listOf(allowed)), unknownKey: true };
  }
  return FIELDS[normalized as MetadataKey](raw);
}
