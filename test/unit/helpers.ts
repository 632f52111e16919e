/** Small helpers shared by the unit tests (not a test file itself: mocha only loads *.test.js). */
import path from 'node:path';
import type { Diagnostic, Dialogue, ParseResult, Severity } from '../../src/core/model';
import { parseDialogueFile } from '../../src/core/parser';

/** The repository root (tests run from out/test/unit). */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** Markdown from lines, joined with `\n` and ending with a newline. */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Parses as if the text were the file `dialogues/test.md`, so derived ids start with `test/`. */
export function parse(source: string, file = 'dialogues/test.md'): ParseResult {
  return parseDialogueFile(source, file);
}

export function withSeverity(result: ParseResult, severity: Severity): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === severity);
}

/** The source text from a diagnostic's position to the end of its line: what the column points at. */
export function textAt(source: string, diagnostic: Pick<Diagnostic, 'line' | 'column'>): string {
  const line = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[diagnostic.line - 1] ?? '';
  return line.slice(diagnostic.column - 1);
}

/** Speakers as a compact string: `icic` for interviewer, candidate, interviewer, candidate. */
export function speakers(dialogue: Dialogue): string {
  return dialogue.turns.map((t) => (t.speaker === 'interviewer' ? 'i' : 'c')).join('');
}

/** A dialogue by title, failing clearly when it is missing. */
export function byTitle(result: { dialogues: readonly Dialogue[] }, title: string): Dialogue {
  const found = result.dialogues.find((d) => d.title === title);
  if (!found) throw new Error(`no dialogue titled ${JSON.stringify(title)}; have ${result.dialogues.map((d) => JSON.stringify(d.title)).join(', ')}`);
  return found;
}
