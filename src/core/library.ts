/** The loaded library: every dialogue from every file, grouped by topic, with ids unique across files. */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, Dialogue, Guidance, Level, ParseResult, Question } from './model';
import { LEVELS } from './model';
import { freeId, withDialogueId } from './uniqueId';
import { compareForDisplay } from './text';

export interface TopicGroup {
  topic: string;
  dialogues: Dialogue[];
}

export interface LibraryFilter {
  level?: Level;
  tag?: string;
  /** A `DialogueSource` id. */
  source?: string;
}

export class Library {
  private readonly byId = new Map<string, Dialogue>();
  private readonly questionsById = new Map<string, { dialogue: Dialogue; question: Question }>();
  private readonly dialogueList: Dialogue[] = [];
  private readonly guidanceList: Guidance[] = [];
  private readonly diagnosticList: Diagnostic[] = [];

  /** `results` in a stable order (sorted by file) so that which of two colliding ids gets renamed never flips. */
  constructor(results: readonly ParseResult[] = []) {
    for (const result of results) this.add(result);
  }

  /**
   * Adds one file's results. The loader adds them one by one and yields in between, so building a large library
   * never blocks the extension host in one long stretch.
   */
  add(result: ParseResult): void {
    this.diagnosticList.push(...result.diagnostics);
    this.guidanceList.push(...result.guidance);
    for (const parsed of result.dialogues) {
      const dialogue = this.byId.has(parsed.id) ? renamed(parsed, this.byId, this.diagnosticList) : parsed;
      this.byId.set(dialogue.id, dialogue);
      this.dialogueList.push(dialogue);
      for (const question of dialogue.questions) this.questionsById.set(question.id, { dialogue, question });
    }
  }

  get dialogues(): readonly Dialogue[] {
    return this.dialogueList;
  }

  get guidance(): readonly Guidance[] {
    return this.guidanceList;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.diagnosticList;
  }

  dialogue(id: string): Dialogue | undefined {
    return this.byId.get(id);
  }

  question(id: string): { dialogue: Dialogue; question: Question } | undefined {
    return this.questionsById.get(id);
  }

  /** Topics in alphabetical order, dialogues in file order, after the filter. */
  topics(filter: LibraryFilter = {}): TopicGroup[] {
    const groups = new Map<string, Dialogue[]>();
    for (const dialogue of this.dialogues) {
      if (!matches(dialogue, filter)) continue;
      const list = groups.get(dialogue.topic) ?? [];
      list.push(dialogue);
      groups.set(dialogue.topic, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => compareForDisplay(a, b))
      .map(([topic, dialogues]) => ({ topic, dialogues }));
  }

  /** Levels and tags that occur, for the filter's choices. */
  facets(): { levels: Level[]; tags: { tag: string; count: number }[]; sources: { id: string; label: string; count: number }[] } {
    const levels = new Set<Level>();
    const tags = new Map<string, number>();
    const sources = new Map<string, { id: string; label: string; count: number }>();
    for (const dialogue of this.dialogues) {
      levels.add(dialogue.level);
      if (dialogue.source) {
        const entry = sources.get(dialogue.source) ?? { id: dialogue.source, label: dialogue.sourceLabel ?? dialogue.source, count: 0 };
        entry.count++;
        sources.set(dialogue.source, entry);
      }
      for (const tag of dialogue.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    return {
      levels: LEVELS.filter((level) => levels.has(level)),
      tags: [...tags.entries()].sort((a, b) => b[1] - a[1] || compareForDisplay(a[0], b[0])).map(([tag, count]) => ({ tag, count })),
      sources: [...sources.values()],
    };
  }
}

export function matches(dialogue: Dialogue, filter: LibraryFilter): boolean {
  return (!filter.level || dialogue.level === filter.level) && (!filter.tag || dialogue.tags.includes(filter.tag)) && (!filter.source || dialogue.source === filter.source);
}

function renamed(dialogue: Dialogue, taken: ReadonlyMap<string, Dialogue>, diagnostics: Diagnostic[]): Dialogue {
  const first = taken.get(dialogue.id)!;
  const id = freeId(dialogue.id, (candidate) => taken.has(candidate));
  diagnostics.push({
    file: dialogue.file,
    line: dialogue.line,
    column: 1,
    severity: 'error',
    message: l10n.t('dialogue id `{0}` is already used in {1}:{2}; give this one an `**Id:**` line (using `{3}` for now)', dialogue.id, first.file, first.line, id),
  });
  return withDialogueId(dialogue, id);
}
