import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { ParseResult } from '../../src/core/model';
import { parseDialogueFile } from '../../src/core/parser';
import { REPO } from './helpers';
import { assertGrowsLinearly } from './support/growth';
import { runs } from './support/mutationRun';

const FILE = 'dialogues/fuzz.md';
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Markdown fragments the parser treats specially; random files built from them reach its odd corners. */
const TOKENS = [
  '> ', '>', '> > ', '**Interviewer:**', '**Candidate:**', '**Interviewer**:', '**Interviewr:**', '**Time:**', '**Key points:**',
  '**Level:**', '**Tags:**', '**Id:**', '**Kind:**', '**Topic:**', '- ', '* ', '1. ', '  ', '\t', '---', '***', '...', '```', '~~~',
  '# ', '## ', '### ', '#### ', '"', '“', '”', 'mock', 'senior', 'levle', '5 min', '90s', '1h 15m', 'x', ':', '[a, b]', '!!js/function',
  '&a', '*a', 'topic: Scaling', 'time: 5 min', 'level: staff', '\uFEFF', 'システム', 'Масштаб', '🚀', ' ',
  // Labels as people write them (issue 10): unbolded, aliases, letters, emoji clusters, names in parentheses.
  'Interviewer:', 'Candidate: ', 'Interviewee:', '**You:**', 'Me:', 'Q:', 'A: ', 'I:', 'C:', '**Q:**', '• ', '12. ',
  '🎤 ', '👨‍💻', '🏳️‍🌈', '\u200d', '\ufe0f', '1️⃣', '(Dana)', '(', ')', '**Interviewe:**', 'Note:', '__', 'speakers: { interviewer: [Dana] }',
  'Dana:', '**Dana:**', 'id: pack', '```"', '````',
];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** One line of Markdown-ish text, without line breaks. */
const line = fc.array(token, { maxLength: 6 }).map((parts) => parts.join('').replace(/[\r\n]/g, ' '));
const lines = fc.array(line, { maxLength: 60 });

function loadBase(relative: string): string[] {
  return readFileSync(path.join(REPO, relative), 'utf8').split(/\r?\n/);
}

const BASES = [
  loadBase('test/fixtures/seed.md'),
  loadBase('test/fixtures/unit/all-features.md'),
  /```markdown\n([\s\S]*?)\n```/.exec(readFileSync(path.join(REPO, 'docs', 'dialogue-format.md'), 'utf8'))?.[1].split('\n') ?? [],
];

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert' | 'prefix'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constantFrom('insert' as const, 'prefix' as const), at: fc.nat(), text: line }),
);

function mutate(base: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...base];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    switch (m.op) {
      case 'delete':
        out.splice(at, 1);
        break;
      case 'duplicate':
        if (out.length > 0) out.splice(at, 0, out[at]);
        break;
      case 'swap': {
        if (out.length === 0) break;
        const other = m.with % out.length;
        [out[at], out[other]] = [out[other], out[at]];
        break;
      }
      case 'insert':
        out.splice(at, 0, m.text);
        break;
      case 'prefix':
        if (out.length > 0) out[at] = m.text + out[at];
        break;
    }
  }
  return out;
}

const mutatedFile = fc
  .tuple(fc.constantFrom(...BASES.keys()), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([base, mutations]) => mutate(BASES[base], mutations));

/** Parses and checks every promise the parser makes about its result, whatever the input. */
function parseAndCheck(source: string): ParseResult {
  const result = parseDialogueFile(source, FILE);
  assert.ok(Array.isArray(result.dialogues) && Array.isArray(result.guidance) && Array.isArray(result.diagnostics));
  const lineCount = Math.max(1, source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length);

  for (const d of result.diagnostics) {
    assert.equal(d.file, FILE);
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount, `diagnostic line ${d.line} outside 1..${lineCount}: ${d.message}`);
    assert.ok(Number.isInteger(d.column) && d.column >= 1, `diagnostic column ${d.column}: ${d.message}`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, 'diagnostic message is empty');
    assert.ok(SEVERITIES.has(d.severity), `severity ${String(d.severity)}`);
  }

  const dialogueIds = new Set<string>();
  for (const dialogue of result.dialogues) {
    assert.ok(!dialogueIds.has(dialogue.id), `dialogue id ${dialogue.id} used twice in one file`);
    dialogueIds.add(dialogue.id);
    assert.ok(dialogue.id.length > 0 && dialogue.title.trim().length > 0);
    assert.ok(dialogue.turns.length > 0, 'a dialogue without turns is reported, not returned');
    assert.ok(dialogue.line >= 1 && dialogue.line <= lineCount);
    dialogue.questions.forEach((question, n) => {
      assert.ok(question.id.startsWith(dialogue.id), `question id ${question.id} does not start with ${dialogue.id}`);
      assert.equal(question.id, `${dialogue.id}#q${n + 1}`);
      assert.equal(dialogue.turns[question.turnIndex]?.speaker, 'interviewer');
      assert.ok(question.prompt.length > 0);
      if (question.budgetSeconds !== undefined) assert.ok(Number.isFinite(question.budgetSeconds) && question.budgetSeconds >= 0);
    });
    assert.equal(dialogue.questions.length, dialogue.turns.filter((t) => t.speaker === 'interviewer').length);
    for (const turn of dialogue.turns) assert.ok(turn.line > dialogue.line && turn.line <= lineCount);
    for (const stage of dialogue.stages) assert.ok(stage.firstTurnIndex >= 0 && stage.firstTurnIndex <= dialogue.turns.length);
  }
  return result;
}

describe('parser properties (fast-check)', () => {
  it('never throws on arbitrary strings, and every diagnostic is well formed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => void parseAndCheck(s)), { numRuns: runs(300) });
  });

  it('never throws on arbitrary code points, including lone surrogates, NUL and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => void parseAndCheck(s)), { numRuns: runs(300) });
  });

  it('never throws on random Markdown-like files built from the tokens the format uses', () => {
    fc.assert(fc.property(lines, fc.constantFrom('\n', '\r\n'), (ls, eol) => void parseAndCheck(ls.join(eol))), { numRuns: runs(500) });
  });

  it('never throws on line-level mutations of valid files (delete, duplicate, swap, insert tokens)', () => {
    fc.assert(fc.property(mutatedFile, (ls) => void parseAndCheck(ls.join('\n'))), { numRuns: runs(500) });
  });

  it('is deterministic: the same text gives the same result', () => {
    fc.assert(fc.property(mutatedFile, (ls) => {
      const source = ls.join('\n');
      assert.deepEqual(parseDialogueFile(source, FILE), parseDialogueFile(source, FILE));
    }), { numRuns: runs(100) });
  });

  it('reads a file the same with LF and CRLF line endings, diagnostics included', () => {
    fc.assert(fc.property(fc.oneof(mutatedFile, lines), (ls) => {
      assert.deepEqual(parseDialogueFile(ls.join('\r\n'), FILE), parseDialogueFile(ls.join('\n'), FILE));
    }), { numRuns: runs(200) });
  });

  it('keeps every valid dialogue of a file when random garbage is appended after it', () => {
    // A `##` heading closes whatever came before; garbage after a dialogue may add diagnostics but never removes
    // the dialogue or changes its turns.
    const base = BASES[1].join('\n');
    const expected = parseDialogueFile(base, FILE).dialogues.map((d) => ({ id: d.id, turns: d.turns.map((t) => t.text) }));
    fc.assert(fc.property(lines, (garbage) => {
      const source = `${base}\n\n## Garbage follows\n\n${garbage.join('\n')}`;
      const got = parseAndCheck(source).dialogues.slice(0, expected.length).map((d) => ({ id: d.id, turns: d.turns.map((t) => t.text) }));
      assert.deepEqual(got, expected);
    }), { numRuns: runs(200) });
  });
});

/** Safe turn text: lower-case words, sometimes a question mark; never a label, quote or Markdown marker. */
const word = fc.constantFrom('cache', 'shard', 'why', 'queue', 'latency', 'we', 'would', 'split', 'the', 'p99', 'retry');
const turnText = fc.array(word, { minLength: 1, maxLength: 6 }).chain((words) => fc.constantFrom('', '?', '.').map((end) => words.join(' ') + end));
const turn = fc.record({ speaker: fc.constantFrom('interviewer' as const, 'candidate' as const), text: turnText });

type Render = (label: string, text: string) => string;
/** Ways of writing `label` + text that all mean a turn (`label` is a name such as `Interviewer`, `You`, `Q`). */
const RENDERINGS: Render[] = [
  (l, t) => `**${l}:** ${t}`,
  (l, t) => `**${l}**: ${t}`,
  (l, t) => `${l}: ${t}`,
  (l, t) => `${l.toUpperCase()}: ${t}`,
  (l, t) => `> **${l}:** ${t}`,
  (l, t) => `- **${l}:** ${t}`,
  (l, t) => `* ${l}: ${t}`,
  (l, t) => `**🎤 ${l}:** ${t}`,
  (l, t) => `👨‍💻 **${l}:** ${t}`,
  (l, t) => `**🙋🏽‍♀️ ${l} (Dana):** ${t}`,
  (l, t) => `🗣️ ${l} (staff engineer): ${t}`,
  (l, t) => `__${l}:__\n${t}`,
];
const WORD_LABELS = { interviewer: ['Interviewer'], candidate: ['Candidate', 'Interviewee', 'You', 'Me'] };
const LETTER_LABELS = { interviewer: ['Q', 'I'], candidate: ['A', 'C'] };

describe('parser properties: labels as people write them', () => {
  it('reads every label style as the same turns as the canonical `**Interviewer:**` / `**Candidate:**`', () => {
    const styledTurn = fc.tuple(turn, fc.nat(RENDERINGS.length - 1), fc.nat(3));
    fc.assert(fc.property(fc.array(styledTurn, { minLength: 1, maxLength: 8 }), fc.boolean(), (turns, letters) => {
      const labels = letters ? LETTER_LABELS : WORD_LABELS;
      const canonical = ['## A', ...turns.map(([t]) => `**${t.speaker === 'interviewer' ? 'Interviewer' : 'Candidate'}:** ${t.text}`)].join('\n\n');
      const styled = ['## A', ...turns.map(([t, render, pick]) => {
        const names = labels[t.speaker];
        return RENDERINGS[render](names[pick % names.length], t.text);
      })].join('\n\n');
      const expected = parseDialogueFile(canonical, FILE);
      const result = parseAndCheck(styled);
      // The same warnings too (a dialogue without a question, say), and no other: no style is "unknown".
      assert.deepEqual(result.diagnostics.map((d) => d.message), expected.diagnostics.map((d) => d.message), styled);
      assert.deepEqual(result.dialogues[0].turns.map(({ speaker, text }) => ({ speaker, text })), expected.dialogues[0].turns.map(({ speaker, text }) => ({ speaker, text })), styled);
    }), { numRuns: runs(300) });
  });

  it('loses no text in silence: every line of prose ends up in the result or under a diagnostic', () => {
    // Lines of a dialogue file in a random order; each prose line carries a unique marker word.
    const piece = fc.constantFrom('heading', 'tips', 'interviewer', 'candidate', 'prose', 'prose', 'prose', 'item', 'time', 'keypoints', 'blank', 'break', 'stage');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const markers: { marker: string; line: number }[] = [];
      const lines = pieces.map((kind, i) => {
        const marker = `mark${i}x`;
        switch (kind) {
          case 'heading': return `## Title ${i}`;
          case 'tips': return `# Tips ${i}`;
          case 'stage': return `### Stage ${i}`;
          case 'interviewer': return `**Interviewer:** q${i}`;
          case 'candidate': return `Candidate: a${i}`;
          case 'time': return '**Time:** 5 min';
          case 'keypoints': return '**Key points:**';
          case 'blank': return '';
          case 'break': return '---';
          case 'item': markers.push({ marker, line: i + 1 }); return `- item ${marker}`;
          default: markers.push({ marker, line: i + 1 }); return `Some prose ${marker} here.`;
        }
      });
      const result = parseAndCheck(lines.join('\n'));
      const firstDialogue = lines.findIndex((l) => l.startsWith('## ')) + 1;
      // A file without a single turn label gets one message, for the whole file.
      const notADialogue = result.diagnostics.length === 1 && result.diagnostics[0].message.startsWith('this file has no dialogue turns');
      const shown = [
        ...result.dialogues.flatMap((d) => [...d.turns.map((t) => t.text), d.intro ?? '', ...d.keyPoints, ...d.questions.flatMap((q) => q.keyPoints)]),
        ...result.guidance.map((g) => g.text),
      ].join('\n');
      for (const { marker, line } of markers) {
        // Text before the first dialogue introduces the file to its readers, as the format describes.
        if (firstDialogue === 0 || line < firstDialogue || notADialogue) continue;
        const covered = result.diagnostics.some((d) => d.line <= line && line <= (d.endLine ?? d.line));
        assert.ok(shown.includes(marker) || covered, `line ${line} (${lines[line - 1]}) vanished without a word:\n${lines.join('\n')}`);
      }
    }), { numRuns: runs(500) });
  });

  it('gives a file without a single turn label at most one diagnostic, however many headings and bold words it has', () => {
    const noLabel = fc.constantFrom('## Section', '# Part', '### Sub', '**Note:** text', '**Pros:**', 'Example: this', '- item', '', 'prose', '---', '**Time:** 5 min', '> quote', '```', 'Dana: hi');
    fc.assert(fc.property(fc.array(noLabel, { maxLength: 60 }), (ls) => {
      // With a `##` heading somewhere it is not a file of tips (which needs no turns and may have other problems).
      const result = parseAndCheck([...ls, '## Section'].join('\n'));
      assert.ok(result.diagnostics.length <= 1, JSON.stringify(result.diagnostics, null, 2));
    }), { numRuns: runs(300) });
  });
});

describe('parser: work grows linearly with input', () => {
  // Inputs that would trip a backtracking regular expression or a quadratic scan. Each case builds its input from n units (titles numbered, so repeats are not id collisions).
  const pathological: [string, (n: number) => string][] = [
    ['nested blockquotes', (n) => `${'> '.repeat(2000)}**Interviewer:** q\n`.repeat(n)],
    ['label-like runs', (n) => `${'**'.repeat(3000)}:${'*'.repeat(3000)}\n`.repeat(n)],
    ['unclosed fences and headings', (n) => Array.from({ length: n * 300 }, (_, i) => `## T${i}\n**Interviewer:** q\n\`\`\`\n`).join('')],
    ['long metadata lines', (n) => Array.from({ length: n }, (_, i) => `## T${i}\n**Time:** ${'1h '.repeat(3000)}\n**Tags:** ${'a, '.repeat(3000)}\n**Interviewer:** q\n`).join('')],
    ['deep lists in a turn', (n) => `## T\n**Interviewer:** q\n**Candidate:** a\n${Array.from({ length: n * 100 }, (_, i) => `${'  '.repeat(i % 500)}- item`).join('\n')}\n`],
    ['emoji and label-like prefixes', (n) => `## T\n**Interviewer:** q\n${`${'🏳️‍🌈'.repeat(2000)} ${'- '.repeat(500)}**${'Name '.repeat(20)}(${'x'.repeat(100)}:\n`.repeat(n * 20)}`],
    ['unknown labels on many lines', (n) => `## T\n${Array.from({ length: n * 500 }, (_, i) => `**Dana${i % 50}:** hi\nprose\n`).join('')}`],
    ['a fence hiding many labels', (n) => `## T\n**Interviewer:** q\n\`\`\`\n${'**Interviewer:** q\n'.repeat(n * 1000)}\`\`\`"\n${'Candidate: a\n'.repeat(n * 1000)}`],
  ];

  for (const [name, build] of pathological) {
    it(`${name}: 8× the input costs well under 40× the time`, () => {
      const once = build(4);
      const eightTimes = build(32);
      assertGrowsLinearly(() => parseDialogueFile(once, FILE), () => parseDialogueFile(eightTimes, FILE));
    });
  }
});
