import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialogue, ParseResult } from '../../src/core/model';
import { fileIdOf, parseDialogueFile } from '../../src/core/parser';
import { byTitle, md, parse, REPO, speakers, textAt, withSeverity } from './helpers';
import { assertGrowsLinearly } from './support/growth';
import { MUTATION_RUN } from './support/mutationRun';

const SEED_TITLES = [
  'System Design Interview',
  'Deep Dive into Architecture',
  'Optimizing a Slow Application',
  'Leadership and Mentoring',
  'Scaling an Existing Product',
];

/** Turns without their line numbers, for comparing two ways of writing the same dialogue. */
function turnsOf(dialogue: Dialogue): { speaker: string; text: string }[] {
  return dialogue.turns.map(({ speaker, text }) => ({ speaker, text }));
}

function assertNoDiagnostics(result: ParseResult): void {
  assert.deepEqual(result.diagnostics, [], `unexpected diagnostics: ${JSON.stringify(result.diagnostics, null, 2)}`);
}

describe('parser: the seed file as it is', () => {
  const seedFile = path.join(REPO, 'test', 'fixtures', 'seed.md');
  const source = readFileSync(seedFile, 'utf8');
  const result = parseDialogueFile(source, 'test/fixtures/seed.md');

  it('reads exactly the five dialogues, ordinals stripped from the titles', () => {
    assert.deepEqual(result.dialogues.map((d) => d.title), SEED_TITLES);
  });

  it('reads the speakers in order: four full exchanges, then one question and answer', () => {
    assert.deepEqual(result.dialogues.map(speakers), ['icic', 'icic', 'icic', 'icic', 'ic']);
    assert.deepEqual(result.dialogues.map((d) => d.questions.length), [2, 2, 2, 2, 1]);
  });

  it('removes the quotes wrapping each turn and keeps its text whole', () => {
    const first = result.dialogues[0];
    assert.equal(first.turns[0].text, 'How would you design a scalable URL shortening service like Bitly?');
    assert.equal(
      first.turns[1].text,
      "I'd start by creating a basic REST API. For scalability, I'd introduce database sharding and caching with Redis. To generate unique keys, I'd use a base62 encoding system combined with an ID generator like Snowflake.",
    );
    assert.equal(result.dialogues[4].turns[1].text.startsWith("I'd first look at horizontal scaling"), true);
    for (const turn of result.dialogues.flatMap((d) => d.turns)) {
      assert.doesNotMatch(turn.text, /^["“]|["”]$/, `quotes left on: ${turn.text}`);
      assert.doesNotMatch(turn.text, /\*\*(Interviewer|Candidate)/, `a label leaked into: ${turn.text}`);
    }
  });

  it('keeps the "Final Tip" as guidance, not as a dialogue', () => {
    assert.equal(result.guidance.length, 1);
    assert.equal(result.guidance[0].title, 'Final Tip');
    assert.match(result.guidance[0].text, /trade-offs/);
    assert.ok(!result.dialogues.some((d) => /tip/i.test(d.title)));
  });

  it('reports no problem at all', () => {
    assert.deepEqual(withSeverity(result, 'error'), []);
    assertNoDiagnostics(result);
  });

  it('infers a sensible topic for each dialogue from its title', () => {
    assert.deepEqual(result.dialogues.map((d) => d.topic), ['System design', 'Architecture', 'Performance', 'Leadership', 'Scaling']);
  });

  it('gives ids derived from the file name and title, and question ids counting interviewer turns', () => {
    assert.deepEqual(result.dialogues.map((d) => d.id), [
      'seed/system-design-interview',
      'seed/deep-dive-into-architecture',
      'seed/optimizing-a-slow-application',
      'seed/leadership-and-mentoring',
      'seed/scaling-an-existing-product',
    ]);
    assert.deepEqual(result.dialogues[0].questions.map((q) => [q.id, q.turnIndex]), [
      ['seed/system-design-interview#q1', 0],
      ['seed/system-design-interview#q2', 2],
    ]);
    assert.equal(result.dialogues[0].questions[1].prompt, 'Interesting. How would you handle high availability?');
  });
});

describe('parser: the example in docs/dialogue-format.md', () => {
  const doc = readFileSync(path.join(REPO, 'docs', 'dialogue-format.md'), 'utf8');
  const example = /```markdown\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';

  it('parses cleanly and means what the document says', () => {
    assert.notEqual(example, '', 'the format document has a ```markdown example');
    const result = parse(example, 'dialogues/system-design.md');
    assertNoDiagnostics(result);
    assert.equal(result.dialogues.length, 1);
    const [dialogue] = result.dialogues;
    assert.equal(dialogue.id, 'url-shortener');
    assert.equal(dialogue.title, 'URL shortener');
    assert.equal(dialogue.topic, 'System design');
    assert.equal(dialogue.level, 'senior');
    assert.deepEqual(dialogue.tags, ['hashing', 'caching', 'sharding'], 'per-dialogue tags override the file tags');
    assert.deepEqual(dialogue.questions.map((q) => [q.id, q.budgetSeconds, q.keyPoints.length]), [
      ['url-shortener#q1', 30 * 60, 2],
      ['url-shortener#q2', 25 * 60, 0],
    ]);
  });
});

describe('parser: structure', () => {
  it('starts a dialogue at each `##` heading and keeps `#` sections out of dialogues', () => {
    const result = parse(md(
      '# A section',
      'Intro prose for readers.',
      '## First',
      '**Interviewer:** q1',
      '**Candidate:** a1',
      '## Second',
      '**Interviewer:** q2',
      '**Candidate:** a2',
      '# Tips',
      'Breathe.',
    ));
    assertNoDiagnostics(result);
    assert.deepEqual(result.dialogues.map((d) => [d.title, d.line, turnsOf(d)]), [
      ['First', 3, [{ speaker: 'interviewer', text: 'q1' }, { speaker: 'candidate', text: 'a1' }]],
      ['Second', 6, [{ speaker: 'interviewer', text: 'q2' }, { speaker: 'candidate', text: 'a2' }]],
    ]);
    assert.deepEqual(result.guidance.map((g) => [g.title, g.text, g.line]), [['Tips', 'Breathe.', 9]], 'only sections after the dialogues are guidance');
  });

  it('keeps a `#` section between dialogues or after them as guidance, and ends the open dialogue there', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '# Tips', 'Tip text.', '## B', '**Interviewer:** q2'));
    assert.deepEqual(result.dialogues.map((d) => [d.title, d.turns.map((t) => t.text)]), [['A', ['q', 'a']], ['B', ['q2']]]);
    assert.deepEqual(result.guidance.map((g) => [g.title, g.text, g.line]), [['Tips', 'Tip text.', 4]]);
  });

  it('shows a file of tips only (no dialogues) as guidance, without an error', () => {
    const result = parse(md('# How to practise', 'Answer out loud first.'));
    assert.deepEqual(result.guidance.map((g) => [g.title, g.text]), [['How to practise', 'Answer out loud first.']]);
    assert.deepEqual(withSeverity(result, 'error'), []);
  });

  it('strips a leading ordinal (`1. `, `12) `) from titles but keeps numbers that are part of them', () => {
    const result = parse(md('## 1. One', '**Interviewer:** q', '## 12) Twelve', '**Interviewer:** q', '## 2024 plans', '**Interviewer:** q'));
    assert.deepEqual(result.dialogues.map((d) => d.title), ['One', 'Twelve', '2024 plans']);
  });

  it('ignores `---` (and `***`, `___`) separators: they never become turn text', () => {
    const result = parse(md('## A', '**Interviewer:** q', '', '---', '', '**Candidate:** a', '', '***', '___', '---'));
    assertNoDiagnostics(result);
    assert.deepEqual(turnsOf(result.dialogues[0]), [{ speaker: 'interviewer', text: 'q' }, { speaker: 'candidate', text: 'a' }]);
  });

  it('reads the same turns whether the labels are inside a blockquote or not', () => {
    const quoted = parse(md('## A', '> **Interviewer:** "Why?"', '>', '> **Candidate:** "Because."'));
    const plain = parse(md('## A', '**Interviewer:** "Why?"', '', '**Candidate:** "Because."'));
    assertNoDiagnostics(quoted);
    assertNoDiagnostics(plain);
    assert.deepEqual(turnsOf(quoted.dialogues[0]), [{ speaker: 'interviewer', text: 'Why?' }, { speaker: 'candidate', text: 'Because.' }]);
    assert.deepEqual(turnsOf(plain.dialogues[0]), turnsOf(quoted.dialogues[0]));
  });

  it('accepts the `**Interviewer**:` variant (colon outside the bold) and lower-case labels', () => {
    const result = parse(md('## A', '**Interviewer**: q', '**candidate** : a'));
    assertNoDiagnostics(result);
    assert.deepEqual(turnsOf(result.dialogues[0]), [{ speaker: 'interviewer', text: 'q' }, { speaker: 'candidate', text: 'a' }]);
  });

  it('removes wrapping quotes, straight and curly, but keeps quotes that only open or sit inside', () => {
    const result = parse(md(
      '## A',
      '**Interviewer:** “Curly question?”',
      '**Candidate:** "Straight answer."',
      '**Interviewer:** "He said "hi" twice"',
      '**Candidate:** "only opens',
    ));
    assert.deepEqual(result.dialogues[0].turns.map((t) => t.text), ['Curly question?', 'Straight answer.', '"He said "hi" twice"', '"only opens']);
  });

  it('keeps multi-line turns whole: paragraphs, nested lists and fenced code', () => {
    const result = parse(md(
      '## A',
      '> **Interviewer:** "First paragraph.',
      '>',
      '> Second paragraph."',
      '>',
      '> **Candidate:** Three steps:',
      '>',
      '> - measure',
      '>   - p99, not the mean',
      '> - fix',
      '>',
      '> ```sql',
      '> SELECT * FROM orders WHERE id = 1;',
      '> ```',
    ));
    assertNoDiagnostics(result);
    assert.deepEqual(result.dialogues[0].turns.map((t) => t.text), [
      'First paragraph.\n\nSecond paragraph.',
      'Three steps:\n\n- measure\n  - p99, not the mean\n- fix\n\n```sql\nSELECT * FROM orders WHERE id = 1;\n```',
    ]);
    assert.equal(result.dialogues[0].questions[0].prompt, 'First paragraph. Second paragraph.');
  });

  it('starts a turn at a label alone on its line, the text following on the next lines', () => {
    const result = parse(md('## A', '> **Interviewer:**', '> What is X?', '>', '> **Candidate:**', '> - one', '> - two'));
    assertNoDiagnostics(result);
    assert.deepEqual(turnsOf(result.dialogues[0]), [{ speaker: 'interviewer', text: 'What is X?' }, { speaker: 'candidate', text: '- one\n- two' }]);
    assert.equal(result.dialogues[0].turns[0].line, 2, 'a turn starts at its label');
  });

  it('does not read a speaker label inside a code fence as a turn (plain or blockquoted)', () => {
    for (const prefix of ['', '> ']) {
      const result = parse(md(
        '## A',
        `${prefix}**Interviewer:** Show me the file format.`,
        `${prefix}**Candidate:** Like this:`,
        `${prefix}`,
        `${prefix}\`\`\`markdown`,
        `${prefix}**Interviewer:** not a turn`,
        `${prefix}**Candidate:** not a turn either`,
        `${prefix}\`\`\``,
        `${prefix}`,
        `${prefix}**Interviewer:** A real follow-up?`,
      ));
      assertNoDiagnostics(result);
      const dialogue = result.dialogues[0];
      assert.equal(speakers(dialogue), 'ici', `prefix ${JSON.stringify(prefix)}`);
      assert.match(dialogue.turns[1].text, /```markdown\n\*\*Interviewer:\*\* not a turn\n\*\*Candidate:\*\* not a turn either\n```$/);
      assert.equal(dialogue.questions.length, 2);
    }
  });

  it('keeps bold label-like text inside a turn as part of the turn', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** Two things.', '**Note:** this is still the answer.'));
    assertNoDiagnostics(result);
    assert.equal(result.dialogues[0].turns[1].text, 'Two things.\n**Note:** this is still the answer.');
  });

  it('keeps text between the heading and the first turn as the intro', () => {
    const result = parse(md('## A', '', 'You join a team whose service is slow.', '', '**Interviewer:** q'));
    assert.equal(result.dialogues[0].intro, 'You join a team whose service is slow.');
  });
});

describe('parser: metadata', () => {
  it('applies front matter to every dialogue and lets per-dialogue lines override it', () => {
    const source = md(
      '---',
      'topic: Databases',
      'level: mid',
      'tags: [SQL, indexing, sql]',
      'time: 10 min',
      'kind: dialogue',
      '---',
      '## Inherits everything',
      '**Interviewer:** q',
      '## Overrides',
      '- **Topic:** Performance',
      '- **Level:** Staff',
      '- **Tags:** caching, Redis',
      '**Time:** 90s',
      '**Interviewer:** q',
    );
    const result = parse(source);
    assertNoDiagnostics(result);
    const [inherits, overrides] = result.dialogues;
    assert.deepEqual([inherits.topic, inherits.level, inherits.tags, inherits.kind, inherits.questions[0].budgetSeconds], ['Databases', 'mid', ['sql', 'indexing'], 'dialogue', 600]);
    assert.deepEqual([overrides.topic, overrides.level, overrides.tags, overrides.questions[0].budgetSeconds], ['Performance', 'staff', ['caching', 'redis'], 90]);
  });

  it('defaults: level senior, kind dialogue, no tags, no budget, topic from the title else General', () => {
    const result = parse(md('## Why is the page slow?', '**Interviewer:** q', '## Favourite colour', '**Interviewer:** q'));
    const [slow, colour] = result.dialogues;
    assert.deepEqual([slow.level, slow.kind, slow.tags, slow.topic, slow.questions[0].budgetSeconds], ['senior', 'dialogue', [], 'Performance', undefined]);
    assert.equal(colour.topic, 'General');
  });

  it('applies `**Time:**` and `**Key points:**` after an answer to the question just answered', () => {
    const result = parse(md(
      '---',
      'time: 5 min',
      '---',
      '## A',
      '> **Interviewer:** q1',
      '> **Candidate:** a1',
      '',
      '**Time:** 1h 15m',
      '**Key points:**',
      '- first point',
      '- second point',
      '  continued on the next line',
      '',
      '> **Interviewer:** q2',
      '> **Candidate:** a2',
      '',
      '**Key points:**',
      '* only point',
    ));
    assertNoDiagnostics(result);
    const [q1, q2] = result.dialogues[0].questions;
    assert.equal(q1.budgetSeconds, 75 * 60);
    assert.deepEqual(q1.keyPoints, ['first point', 'second point continued on the next line']);
    assert.equal(q2.budgetSeconds, 5 * 60, 'no own time: the file default');
    assert.deepEqual(q2.keyPoints, ['only point']);
    assert.deepEqual(result.dialogues[0].turns.map((t) => t.text), ['q1', 'a1', 'q2', 'a2'], 'metadata never leaks into turn text');
  });

  it('puts `**Key points:**` before the first turn on the dialogue as a whole', () => {
    const result = parse(md('## A', '**Key points:**', '- overall one', '- overall two', '', '**Interviewer:** q', '**Candidate:** a'));
    assert.deepEqual(result.dialogues[0].keyPoints, ['overall one', 'overall two']);
    assert.deepEqual(result.dialogues[0].questions[0].keyPoints, []);
  });

  it('warns when a question gets two `**Time:**` lines and keeps the later one', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', '**Time:** 7 min'));
    assert.equal(result.dialogues[0].questions[0].budgetSeconds, 7 * 60);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[5, 'warning']]);
  });

  it('reads stages (`###` + `**Time:**`) and `kind: mock` for a full mock interview', () => {
    const result = parse(md(
      '## Design a chat service',
      '- **Kind:** mock',
      '',
      '### Requirements',
      '**Time:** 8 min',
      '',
      '> **Interviewer:** Scope?',
      '> **Candidate:** DMs and groups.',
      '',
      '**Time:** 6 min',
      '',
      '### High-level design',
      '',
      '**Time:** 20 min',
      '> **Interviewer:** Architecture?',
      '> **Candidate:** Gateways and a log.',
      '### Wrap-up',
      '> **Interviewer:** Questions for me?',
    ));
    assertNoDiagnostics(result);
    const [dialogue] = result.dialogues;
    assert.equal(dialogue.kind, 'mock');
    assert.deepEqual(dialogue.stages, [
      { title: 'Requirements', firstTurnIndex: 0, budgetSeconds: 8 * 60 },
      { title: 'High-level design', firstTurnIndex: 2, budgetSeconds: 20 * 60 },
      { title: 'Wrap-up', firstTurnIndex: 4 },
    ]);
    assert.deepEqual(dialogue.turns.map((t) => t.stage), ['Requirements', 'Requirements', 'High-level design', 'High-level design', 'Wrap-up']);
    assert.deepEqual(dialogue.questions.map((q) => q.budgetSeconds), [6 * 60, undefined, undefined], 'a stage budget is not a question budget');
  });

  it('uses an explicit `**Id:**` for the dialogue and its questions', () => {
    const result = parse(md('## Rate limiter', '- **Id:** rate-limiter', '**Interviewer:** q', '**Candidate:** a', '**Interviewer:** q2'));
    assertNoDiagnostics(result);
    assert.equal(result.dialogues[0].id, 'rate-limiter');
    assert.deepEqual(result.dialogues[0].questions.map((q) => q.id), ['rate-limiter#q1', 'rate-limiter#q2']);
  });

  it('refuses an `**Id:**` with characters outside the id alphabet', () => {
    const source = md('## A', '**Id:** Has Spaces', '**Interviewer:** q');
    const result = parse(source);
    assert.equal(result.dialogues[0].id, 'test/a', 'falls back to the derived id');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error']]);
    assert.match(result.diagnostics[0].message, /`id`/);
  });

  it('derives the file part of ids from the base name without extension', () => {
    assert.equal(fileIdOf('dialogues/System Design.md'), 'system-design');
    assert.equal(fileIdOf('C:\\lib\\scaling.markdown'), 'scaling');
    assert.equal(parse(md('## A', '**Interviewer:** q'), 'file:///home/me/lib/caching.md').dialogues[0].id, 'caching/a');
  });
});

describe('parser: stable ids', () => {
  const dialogueA = ['## Alpha', '**Interviewer:** a?', '**Candidate:** a.', ''];
  const dialogueB = ['## Beta question', '**Interviewer:** b1?', '**Candidate:** b1.', '**Interviewer:** b2?', '**Candidate:** b2.', ''];
  const dialogueC = ['## Gamma', '**Interviewer:** c?', '**Candidate:** c.', ''];

  function beta(source: string): { id: string; questions: string[] } {
    const dialogue = byTitle(parse(source), 'Beta question');
    return { id: dialogue.id, questions: dialogue.questions.map((q) => q.id) };
  }

  const original = beta(md(...dialogueA, ...dialogueB, ...dialogueC));

  it('does not change when another dialogue is edited', () => {
    const editedA = ['## Alpha', '**Interviewer:** a changed?', '**Candidate:** a.', '**Interviewer:** an extra question', ''];
    assert.deepEqual(beta(md(...editedA, ...dialogueB, ...dialogueC)), original);
  });

  it('does not change when a dialogue is added before it or removed', () => {
    const added = ['## New one', '**Interviewer:** n?', '**Candidate:** n.', ''];
    assert.deepEqual(beta(md(...added, ...dialogueA, ...dialogueB, ...dialogueC)), original);
    assert.deepEqual(beta(md(...dialogueB, ...dialogueC)), original);
    assert.deepEqual(beta(md(...dialogueC, ...dialogueB)), original);
  });

  it('does not change when front matter is added above it', () => {
    assert.deepEqual(beta(md('---', 'topic: Architecture', '---', ...dialogueA, ...dialogueB)), original);
  });

  it('is `<file>/<title slug>` and `#q<n>`', () => {
    assert.deepEqual(original, { id: 'test/beta-question', questions: ['test/beta-question#q1', 'test/beta-question#q2'] });
  });
});

describe('parser: id collisions in one file', () => {
  it('reports an error, keeps both dialogues and gives the later one a suffixed id', () => {
    const source = md('## Caching?', '**Interviewer:** q', '**Candidate:** first', '', '## Caching!', '**Interviewer:** q', '**Candidate:** second');
    const result = parse(source);
    assert.deepEqual(result.dialogues.map((d) => [d.id, d.turns[1].text]), [['test/caching', 'first'], ['test/caching-2', 'second']]);
    assert.deepEqual(result.dialogues[1].questions.map((q) => q.id), ['test/caching-2#q1']);
    const errors = withSeverity(result, 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 5);
    assert.match(errors[0].message, /test\/caching/);
    assert.match(errors[0].message, /line 1/);
  });

  it('points at the `**Id:**` line when an explicit id collides, and never reuses a suffix', () => {
    const source = md('## One', '**Id:** shared', '**Interviewer:** q', '## Two', '**Id:** shared-2', '**Interviewer:** q', '## Three', '**Id:** shared', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(result.dialogues.map((d) => d.id), ['shared', 'shared-2', 'shared-3']);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[8, 'error']]);
  });

  // Regression: repeated titles probed suffixes from `-2` each time, which made the parser quadratic.
  it('stays linear when thousands of dialogues share one title (ratio check, not a time limit)', () => {
    const block = '## Same\n**Interviewer:** q\n';
    const small = block.repeat(1500);
    const large = block.repeat(12_000);
    assertGrowsLinearly(() => parse(small), () => parse(large));
  });
});

describe('parser: line endings, BOM, tabs and scripts', () => {
  const lf = md(
    '---',
    'topic: Scaling',
    'levle: senior',
    '---',
    '## A',
    '> **Interviewer:** "Line one',
    '> line two"',
    '> **Candidate:** answer',
    '**Time:** 5 min',
    '**Key points:**',
    '- kp',
    '## Empty',
  );

  it('reads CRLF and old-Mac CR files exactly like LF files, line numbers included', () => {
    const expected = parse(lf);
    assert.equal(expected.dialogues.length, 1);
    assert.equal(expected.diagnostics.length, 2);
    assert.deepEqual(parse(lf.replace(/\n/g, '\r\n')), expected);
    assert.deepEqual(parse(lf.replace(/\n/g, '\r')), expected);
  });

  it('ignores a byte-order mark, even before front matter', () => {
    assert.deepEqual(parse('\uFEFF' + lf), parse(lf));
    assert.equal(parse('\uFEFF' + lf).dialogues[0].topic, 'Scaling');
  });

  it('accepts tabs after `##`, `>` and the label', () => {
    const result = parse(md('##\tTabbed title', '>\t**Interviewer:**\tq with tab', '>\t**Candidate:**\ta'));
    assertNoDiagnostics(result);
    assert.equal(result.dialogues[0].title, 'Tabbed title');
    assert.deepEqual(turnsOf(result.dialogues[0]), [{ speaker: 'interviewer', text: 'q with tab' }, { speaker: 'candidate', text: 'a' }]);
  });

  it('gives non-Latin titles distinct, readable ids', () => {
    const titles = ['システム設計', 'データベース設計', 'Масштабирование', 'Проектирование системы', 'Ελληνικά'];
    const result = parse(titles.map((t) => `## ${t}\n**Interviewer:** q\n`).join(''));
    assertNoDiagnostics(result);
    const ids = result.dialogues.map((d) => d.id);
    assert.equal(new Set(ids).size, titles.length);
    assert.deepEqual(ids, ['test/システム設計', 'test/データベース設計', 'test/масштабирование', 'test/проектирование-системы', 'test/ελληνικά']);
  });
});

describe('parser: diagnostics', () => {
  it('warns about an unknown front matter key at its line and column', () => {
    const source = md('---', 'topic: Scaling', 'levle: senior', '---', '## A', '**Interviewer:** q');
    const result = parse(source);
    assert.equal(result.diagnostics.length, 1);
    const [d] = result.diagnostics;
    assert.deepEqual([d.file, d.line, d.column, d.severity], ['dialogues/test.md', 3, 1, 'warning']);
    assert.ok(textAt(source, d).startsWith('levle'));
    assert.match(d.message, /`levle`/);
    assert.equal(result.dialogues[0].topic, 'Scaling', 'the good keys still apply');
  });

  it('suggests `level` for the typo `levle`, as the format document promises', () => {
    const result = parse(md('---', 'levle: senior', '---', '## A', '**Interviewer:** q'));
    assert.match(result.diagnostics[0].message, /did you mean `level`\?/);
  });

  it('suggests the closest key for a one-letter typo', () => {
    const result = parse(md('---', 'topc: Scaling', '---', '## A', '**Interviewer:** q'));
    assert.match(result.diagnostics[0].message, /did you mean `topic`\?/);
  });

  it('reports a bad level, in front matter and per dialogue, with a suggestion when close', () => {
    const source = md('---', 'level: senoir', '---', '## A', '- **Level:** guru', '', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error'], [5, 'error']]);
    assert.match(result.diagnostics[0].message, /`level` must be one of `junior`, `mid`, `senior`, `staff`, `principal`, not `senoir`; did you mean `senior`\?/);
    assert.match(result.diagnostics[1].message, /not `guru`/);
    assert.ok(textAt(source, result.diagnostics[1]).startsWith('Level'), 'the column points at the key');
    assert.equal(result.dialogues[0].level, 'senior', 'the default stands');
  });

  it('reports a bad time value wherever it is written', () => {
    const source = md('---', 'time: soon', '---', '## A', '**Time:** forever', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 parsecs', '## B', '**Time:** 7h', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error'], [5, 'error'], [8, 'error'], [10, 'error']]);
    for (const d of result.diagnostics.slice(0, 3)) assert.match(d.message, /`time` must be a duration such as `90s`/);
    assert.match(result.diagnostics[3].message, /longer than six hours/);
    assert.equal(result.dialogues[0].questions[0].budgetSeconds, undefined);
  });

  // Regression: `**Time:** 0` gave a zero-second budget, while `time: 0` in front matter was refused.
  it('refuses a zero `**Time:**` like it refuses `time: 0` in front matter', () => {
    const inFrontMatter = parse(md('---', 'time: 0', '---', '## A', '**Interviewer:** q'));
    assert.equal(withSeverity(inFrontMatter, 'error').length, 1);
    const perQuestion = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 0'));
    assert.equal(perQuestion.dialogues[0].questions[0].budgetSeconds, undefined);
    assert.deepEqual(perQuestion.diagnostics.map((d) => [d.line, d.severity]), [[4, 'error']]);
  });

  it('reports front matter that is never closed, and still reads the dialogues', () => {
    const result = parse(md('---', 'topic: Scaling', '## A', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[1, 1, 'error']]);
    assert.match(result.diagnostics[0].message, /never closed/);
    assert.deepEqual(result.dialogues.map((d) => d.title), ['A']);
  });

  // Regression: a file opening with a `---` separator was reported as unclosed front matter.
  it('reads a leading `---` followed by a blank line and a heading as a separator, not as front matter', () => {
    const result = parse(md('---', '', '## A', '**Interviewer:** q', '**Candidate:** a', '', '---', '', '## B', '**Interviewer:** q'));
    assertNoDiagnostics(result);
    assert.deepEqual(result.dialogues.map((d) => d.title), ['A', 'B']);
  });

  it('accepts `...` as the end of front matter, and empty front matter', () => {
    assert.equal(parse(md('---', 'topic: Scaling', '...', '## A', '**Interviewer:** q')).dialogues[0].topic, 'Scaling');
    assertNoDiagnostics(parse(md('---', '---', '## A', '**Interviewer:** q')));
  });

  it('reports front matter that is not a mapping', () => {
    for (const body of [['- a', '- b'], ['just text']]) {
      const result = parse(md('---', ...body, '---', '## A', '**Interviewer:** q'));
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error']]);
      assert.match(result.diagnostics[0].message, /`key: value` lines/);
      assert.equal(result.dialogues.length, 1);
    }
  });

  it('reports invalid YAML inside the front matter and ignores all of it', () => {
    const result = parse(md('---', 'topic: [Scaling', 'level: staff', '---', '## A', '**Interviewer:** q'));
    const errors = withSeverity(result, 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /not valid YAML/);
    assert.ok(errors[0].line >= 2 && errors[0].line <= 3, `line ${errors[0].line} is inside the front matter`);
    assert.deepEqual([result.dialogues[0].topic, result.dialogues[0].level], ['General', 'senior']);
  });

  it('reports duplicate front matter keys', () => {
    const result = parse(md('---', 'topic: A', 'topic: B', '---', '## A', '**Interviewer:** q'));
    assert.equal(withSeverity(result, 'error').length, 1);
    assert.match(result.diagnostics[0].message, /unique/);
  });

  it('refuses `!!js/function` and every other explicit YAML tag, and applies none of that front matter', () => {
    const cases = [
      'topic: !!js/function "function () { return process.exit(3) }"',
      'tags: [!!binary aGVsbG8=]',
      'topic: !custom Scaling',
      'level: !!str staff',
    ];
    for (const line of cases) {
      const result = parse(md('---', line, '---', '## A', '**Interviewer:** q'));
      const errors = withSeverity(result, 'error');
      assert.equal(errors.length, 1, line);
      assert.equal(errors[0].line, 2, line);
      assert.match(errors[0].message, /tag .* is not allowed/, line);
      assert.deepEqual([result.dialogues[0].topic, result.dialogues[0].level, result.dialogues[0].tags], ['General', 'senior', []], line);
    }
  });

  it('stops a YAML alias bomb with errors instead of expanding it', () => {
    const result = parse(md(
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '---',
      '## A',
      '**Interviewer:** q',
    ));
    assert.ok(withSeverity(result, 'error').some((d) => d.line === 6), 'the key using the bomb is reported');
    assert.deepEqual(result.dialogues[0].tags, []);
  });

  it('reports a `##` heading with no turns as an error and keeps the dialogues around it', () => {
    const result = parse(md('## Good one', '**Interviewer:** q', '## Tips, not a dialogue', 'Some advice.', '## Good two', '**Interviewer:** q'));
    assert.deepEqual(result.dialogues.map((d) => d.title), ['Good one', 'Good two']);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[3, 'error']]);
    assert.match(result.diagnostics[0].message, /no turns/);
  });

  it('reports an empty `##` heading', () => {
    const result = parse(md('##', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[1, 'error']]);
    assert.match(result.dialogues[0].title, /Untitled/);
  });

  it('reports turns before any heading once, as an error, and reads the rest', () => {
    const source = md('Intro.', '> **Interviewer:** q', '> **Candidate:** a', '**Interviewer:** again', '## Good', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[2, 3, 'error']]);
    assert.match(result.diagnostics[0].message, /before any `## Title` heading/);
    assert.deepEqual(result.dialogues.map((d) => [d.title, d.turns.length]), [['Good', 1]]);
  });

  it('warns about a misspelt speaker (`**Interviewr:**`) and reads it as the interviewer', () => {
    const source = md('## A', '> **Interviewr:** q', '> **Candiate:** a');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[2, 3, 'warning'], [3, 3, 'warning']]);
    assert.match(result.diagnostics[0].message, /unknown speaker `Interviewr`; did you mean `Interviewer`\?/);
    assert.ok(textAt(source, result.diagnostics[0]).startsWith('**Interviewr'));
    assert.deepEqual(turnsOf(result.dialogues[0]), [{ speaker: 'interviewer', text: 'q' }, { speaker: 'candidate', text: 'a' }]);
    assert.equal(result.dialogues[0].questions.length, 1);
  });

  it('warns about an unknown bold label before the first turn', () => {
    const result = parse(md('## A', '**Difficulty:** hard', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'warning']]);
    assert.match(result.diagnostics[0].message, /not a speaker or a metadata key/);
  });

  it('warns about a dialogue with no interviewer turn and about an empty turn', () => {
    const result = parse(md('## A', '**Candidate:** a', '## B', '**Interviewer:**', '**Candidate:** a'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[1, 'warning'], [4, 'warning']]);
    assert.equal(result.dialogues.length, 2);
  });

  it('does not let one bad dialogue hide the good ones', () => {
    const result = parse(md(
      '## Good one',
      '**Interviewer:** q',
      '## Broken',
      '- **Level:** wizard',
      '- **Time:** whenever',
      '**Interviewr:** q',
      '## ',
      'stray text',
      '## Good two',
      '**Interviewer:** q',
      '**Candidate:** a',
    ));
    assert.ok(withSeverity(result, 'error').length >= 3);
    assert.deepEqual(byTitle(result, 'Good one').turns.length, 1);
    assert.deepEqual(turnsOf(byTitle(result, 'Good two')), [{ speaker: 'interviewer', text: 'q' }, { speaker: 'candidate', text: 'a' }]);
  });

  it('does not let an unclosed code fence swallow the next `##` dialogue (and warns where it opened)', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** code:', '```js', 'let x = 1;', '', '## B', '**Interviewer:** q2', '**Candidate:** a2'));
    assert.deepEqual(result.dialogues.map((d) => d.title), ['A', 'B']);
    assert.deepEqual(turnsOf(result.dialogues[1]), [{ speaker: 'interviewer', text: 'q2' }, { speaker: 'candidate', text: 'a2' }]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[4, 'warning']]);
    assert.match(result.diagnostics[0].message, /never closed/);
  });

  // Regression: a `# comment` inside a closed code fence ended the fence and moved the dialogue's rest into guidance.
  it('keeps a `# comment` inside a closed, non-blockquoted code fence as code', () => {
    const result = parse(md(
      '## Deploying',
      '**Interviewer:** How do you deploy?',
      '**Candidate:** Like this:',
      '',
      '```bash',
      '# install dependencies',
      'npm ci',
      '## not a heading either',
      '```',
      '',
      '**Interviewer:** And roll back?',
      '**Candidate:** Redeploy the previous tag.',
    ));
    assertNoDiagnostics(result);
    assert.equal(result.guidance.length, 0);
    assert.equal(result.dialogues.length, 1);
    assert.equal(speakers(result.dialogues[0]), 'icic');
    assert.match(result.dialogues[0].turns[1].text, /```bash\n# install dependencies\nnpm ci\n## not a heading either\n```$/);
  });

  it('warns about an empty file and reports nothing else', () => {
    for (const source of ['', '   \n\n\t\n']) {
      const result = parse(source);
      assert.deepEqual(result.dialogues, []);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[1, 1, 'warning']]);
      assert.match(result.diagnostics[0].message, /empty/);
    }
  });

  it('refuses binary input (a NUL character) with one error', () => {
    const result = parse('## A\n**Interviewer:** q\u0000\u0001\u0002\n');
    assert.deepEqual(result.dialogues, []);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[1, 1, 'error']]);
    assert.match(result.diagnostics[0].message, /binary/);
  });
});

// Inputs of megabytes, against stack overflows and blow-ups: about a second for every parser mutant, so mutation
// runs leave them out as they leave out the growth checks (support/mutationRun.ts); `npm test` runs them.
(MUTATION_RUN ? describe.skip : describe)('parser: pathological input', () => {
  it('handles 5,000 nested blockquotes on many lines without throwing', () => {
    const deep = '> '.repeat(5000);
    const source = '## A\n' + `${deep}**Interviewer:** q\n` + `${deep}more text\n`.repeat(200) + '**Candidate:** a\n';
    const result = parse(source);
    assert.deepEqual(result.dialogues.map(speakers), ['ic']);
    assert.equal(result.dialogues[0].turns[1].text, 'a');
  });

  it('handles thousands of nested quote markers with nothing after them', () => {
    const result = parse('## A\n**Interviewer:** q\n' + `${'>'.repeat(20_000)}\n`.repeat(50));
    assert.equal(result.dialogues.length, 1);
  });

  it('handles deeply nested lists inside a turn', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const result = parse(`## A\n**Interviewer:** q\n**Candidate:** a\n${list}\n**Interviewer:** q2\n`);
    assert.equal(speakers(result.dialogues[0]), 'ici');
    assert.match(result.dialogues[0].turns[1].text, /item 2999$/);
  });

  it('handles long runs of label-like, heading-like and fence-like characters', () => {
    const inputs = [
      '## A\n**Interviewer:** ' + '*'.repeat(100_000),
      '**'.repeat(50_000) + ':',
      ('**' + 'a'.repeat(39) + ':').repeat(5000),
      '#'.repeat(100_000) + ' title',
      '## ' + ' \t'.repeat(50_000) + 'x',
      '```\n## A\n'.repeat(5000),
      '-'.repeat(100_000),
      '---\n' + 'a: b\n'.repeat(20_000),
      '## A\n**Time:** ' + '1h '.repeat(30_000),
    ];
    for (const input of inputs) {
      const result = parse(input);
      assert.ok(Array.isArray(result.dialogues) && Array.isArray(result.diagnostics));
    }
  });
});
