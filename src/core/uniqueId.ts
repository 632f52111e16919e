/** Dialogue ids must be unique (history is keyed on them): how a colliding id is renamed, in one place. */
import type { Dialogue } from './model';

/** `wanted` if free, else the first free `wanted-n`, trying n from `from` (a caller repeating one id passes where it left off). */
export function freeId(wanted: string, isTaken: (id: string) => boolean, from = 2): string {
  if (!isTaken(wanted)) return wanted;
  let n = from;
  while (isTaken(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

/** The dialogue under another id; its questions' ids (`<dialogue id>#q<n>`) follow. */
export function withDialogueId(dialogue: Dialogue, id: string): Dialogue {
  if (dialogue.id === id) return dialogue;
  const prefix = `${dialogue.id}#`;
  return { ...dialogue, id, questions: dialogue.questions.map((q) => ({ ...q, id: q.id.startsWith(prefix) ? `${id}#${q.id.slice(prefix.length)}` : q.id })) };
}
