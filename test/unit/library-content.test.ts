import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Library } from '../../src/core/library';
import { loadDialogueBytes } from '../../src/core/load';
import type { Dialogue } from '../../src/core/model';
import { parseDialogueFile } from '../../src/core/parser';
import { REPO } from './helpers';

/** The shipped library as the extension loads it: every dialogues/*.md, in file-name order. */
const folder = path.join(REPO, 'dialogues');
const files = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
const sources = new Map(files.map((name) => [`dialogues/${name}`, readFileSync(path.join(folder, name))]));
const library = new Library([...sources].map(([file, bytes]) => loadDialogueBytes(bytes, file)));

const interviewerTurns = (d: Dialogue): number => d.turns.filter((t) => t.speaker === 'interviewer').length;
const where = (d: Dialogue): string => `${d.file}:${d.line} ${d.title}`;

/** The lines of a dialogue's file between its heading and its first turn, plus the file's front matter. */
function metadataSource(d: Dialogue): string {
  const lines = sources.get(d.file)!.toString('utf8').split(/\r?\n/);
  const frontMatter = lines[0] === '---' ? lines.slice(1, lines.indexOf('---', 1)).join('\n') : '';
  return `${frontMatter}\n${lines.slice(d.line, d.turns[0].line - 1).join('\n')}`;
}

describe('the shipped library (dialogues/)', () => {
  it('loads without a single diagnostic', () => {
    assert.deepEqual(library.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`), []);
  });

  it('holds at least 60 dialogues', () => {
    assert.ok(library.dialogues.length >= 60, `${library.dialogues.length} dialogues`);
  });

  it('covers at least 10 topics with at least 4 dialogues each, and System design with at least 12', () => {
    const sizes = new Map(library.topics().map((g) => [g.topic, g.dialogues.length]));
    const substantial = [...sizes].filter(([, n]) => n >= 4);
    assert.ok(substantial.length >= 10, `topics with 4+ dialogues: ${JSON.stringify([...sizes])}`);
    assert.ok((sizes.get('System design') ?? 0) >= 12, `System design: ${sizes.get('System design')}`);
  });

  it('has at least 8 full mock interviews whose stage budgets add up to 45–60 minutes', () => {
    const mocks = library.dialogues.filter((d) => d.kind === 'mock');
    assert.ok(mocks.length >= 8, `${mocks.length} mock interviews`);
    for (const mock of mocks) {
      assert.ok(mock.stages.length >= 3, `${where(mock)}: ${mock.stages.length} stages`);
      assert.ok(mock.stages.every((s) => s.budgetSeconds !== undefined), `${where(mock)}: every stage has a budget`);
      const minutes = mock.stages.reduce((sum, s) => sum + (s.budgetSeconds ?? 0), 0) / 60;
      assert.ok(minutes >= 45 && minutes <= 60, `${where(mock)}: stages add up to ${minutes} min`);
      assert.ok(mock.turns.every((t) => t.stage !== undefined), `${where(mock)}: every turn belongs to a stage`);
    }
  });

  it("gives each mock stage questions whose budgets add up to the stage's, so a session's clocks agree", () => {
    for (const mock of library.dialogues.filter((d) => d.kind === 'mock')) {
      mock.stages.forEach((stage, i) => {
        const end = mock.stages[i + 1]?.firstTurnIndex ?? mock.turns.length;
        const questions = mock.questions.filter((q) => q.turnIndex >= stage.firstTurnIndex && q.turnIndex < end);
        assert.ok(questions.length > 0, `${where(mock)}: stage "${stage.title}" has no question`);
        const minutes = questions.reduce((sum, q) => sum + (q.budgetSeconds ?? 0), 0) / 60;
        assert.equal(minutes, (stage.budgetSeconds ?? 0) / 60, `${where(mock)}: stage "${stage.title}"`);
      });
    }
  });

  it('gives every dialogue an explicit level, tags and at least two interviewer turns', () => {
    for (const d of library.dialogues) {
      assert.match(metadataSource(d), /\*\*Level:\*\*|^level:/im, `${where(d)}: no level given`);
      assert.ok(d.tags.length > 0, `${where(d)}: no tags`);
      assert.ok(interviewerTurns(d) >= 2, `${where(d)}: ${interviewerTurns(d)} interviewer turn(s)`);
    }
  });

  it('gives every question a time budget and every candidate answer some text', () => {
    for (const d of library.dialogues) {
      for (const q of d.questions) assert.ok(q.budgetSeconds !== undefined && q.budgetSeconds > 0, `${where(d)}: ${q.id} has no budget`);
      for (const t of d.turns.filter((turn) => turn.speaker === 'candidate')) assert.ok(t.text.trim().length > 0, `${where(d)}: empty answer at line ${t.line}`);
    }
  });

  it('follows every question with a model answer', () => {
    for (const d of library.dialogues) {
      for (const q of d.questions) assert.equal(d.turns[q.turnIndex + 1]?.speaker, 'candidate', `${where(d)}: ${q.id} has no answer`);
    }
  });

  it('has no duplicate dialogue ids or titles', () => {
    const ids = library.dialogues.map((d) => d.id);
    const titles = library.dialogues.map((d) => d.title.toLowerCase());
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), []);
  });

  it('keeps the five seed dialogues, opening with their original turns word for word', () => {
    const seed = parseDialogueFile(readFileSync(path.join(REPO, 'test', 'fixtures', 'seed.md'), 'utf8'), 'seed.md');
    assert.equal(seed.dialogues.length, 5);
    for (const original of seed.dialogues) {
      const shipped = library.dialogues.filter((d) => d.title === original.title);
      assert.equal(shipped.length, 1, `"${original.title}" is shipped once`);
      // Follow-up questions may be added after them; the original exchange stays word for word, in order.
      assert.deepEqual(
        shipped[0].turns.slice(0, original.turns.length).map(({ speaker, text }) => ({ speaker, text })),
        original.turns.map(({ speaker, text }) => ({ speaker, text })),
        `"${original.title}" keeps its turns`,
      );
    }
  });
});
