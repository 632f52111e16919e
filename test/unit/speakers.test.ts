import assert from 'node:assert/strict';
import { scanLabel, SpeakerTable } from '../../src/core/speakers';

describe('scanLabel: the shape of a label at the start of a line', () => {
  const shapes: [string, { name: string; bold: boolean; listItem?: boolean; note?: string; rest: string }][] = [
    ['**Interviewer:** q', { name: 'Interviewer', bold: true, rest: 'q' }],
    ['**Interviewer**: q', { name: 'Interviewer', bold: true, rest: 'q' }],
    ['**candidate** :\ta', { name: 'candidate', bold: true, rest: 'a' }],
    ['__Candidate:__ a', { name: 'Candidate', bold: true, rest: 'a' }],
    ['Interviewer: q', { name: 'Interviewer', bold: false, rest: 'q' }],
    ['Interviewer:', { name: 'Interviewer', bold: false, rest: '' }],
    ['- **I:** q', { name: 'I', bold: true, listItem: true, rest: 'q' }],
    ['* C: a', { name: 'C', bold: false, listItem: true, rest: 'a' }],
    ['12. Q: x', { name: 'Q', bold: false, listItem: true, rest: 'x' }],
    ['• A: y', { name: 'A', bold: false, listItem: true, rest: 'y' }],
    ['**🎤 Interviewer:** q', { name: 'Interviewer', bold: true, rest: 'q' }],
    ['🎤 **Interviewer:** q', { name: 'Interviewer', bold: true, rest: 'q' }],
    ['**👨‍💻 Candidate:** a', { name: 'Candidate', bold: true, rest: 'a' }],
    ['**🧑🏽‍💻Candidate:** a', { name: 'Candidate', bold: true, rest: 'a' }],
    ['**🗣️ Interviewer:** q', { name: 'Interviewer', bold: true, rest: 'q' }],
    ['🇺🇸 🎙️ Interviewer: q', { name: 'Interviewer', bold: false, rest: 'q' }],
    ['1️⃣ Q: first', { name: 'Q', bold: false, rest: 'first' }],
    ['- 🏳️‍🌈 **You:** me', { name: 'You', bold: true, listItem: true, rest: 'me' }],
    ['**Interviewer (Dana):** q', { name: 'Interviewer', bold: true, note: 'Dana', rest: 'q' }],
    ['**Interviewer** (Staff engineer): q', { name: 'Interviewer', bold: true, note: 'Staff engineer', rest: 'q' }],
    ['Candidate (me):  a', { name: 'Candidate', bold: false, note: 'me', rest: 'a' }],
    ['**Key   points:**', { name: 'Key points', bold: true, rest: '' }],
    ['Interviewer 2: q', { name: 'Interviewer 2', bold: false, rest: 'q' }],
    ["Dr. O'Brien-Smith: hi", { name: "Dr. O'Brien-Smith", bold: false, rest: 'hi' }],
    ['Собеседник: вопрос', { name: 'Собеседник', bold: false, rest: 'вопрос' }],
  ];
  for (const [line, expected] of shapes) {
    it(`reads ${JSON.stringify(line)}`, () => {
      const shape = scanLabel(line);
      assert.ok(shape, 'a label');
      assert.deepEqual(
        { name: shape.name, bold: shape.bold, listItem: shape.listItem, note: shape.note, rest: shape.rest },
        { listItem: false, note: undefined, ...expected },
      );
    });
  }

  const notLabels = [
    'Note:foo', 'see http://example.com', 'http://example.com', 'C:\\Users\\me', '    Interviewer: indented code',
    '**Interviewer** q', 'Interviewer q', ': nothing', '**:**', '*Interviewer:* q', '`Interviewer:` q', '> x',
    `${'a'.repeat(41)}: too long a name`, '**Interviewer (never closed:** q', '123: number', '- - Interviewer: x',
  ];
  for (const line of notLabels) {
    it(`finds no label in ${JSON.stringify(line)}`, () => assert.equal(scanLabel(line), undefined));
  }

  it('points at where the label starts and where its name starts', () => {
    const shape = scanLabel('- 🎤 **Interviewer:** q')!;
    assert.equal(shape.start, 2);
    assert.equal(shape.nameStart, '- 🎤 **'.length);
  });
});

describe('SpeakerTable: what a written name means', () => {
  const table = new SpeakerTable();

  it('knows the canonical names, the aliases and the one-letter labels, in any case', () => {
    const meanings = ['Interviewer', 'CANDIDATE', 'interviewee', 'You', 'me', 'Q', 'a', 'I', 'c'].map((name) => table.meaning(name));
    assert.deepEqual(meanings.map((m) => m?.speaker), ['interviewer', 'candidate', 'candidate', 'candidate', 'candidate', 'interviewer', 'candidate', 'interviewer', 'candidate']);
    assert.deepEqual(meanings.map((m) => m?.letter), [false, false, false, false, false, true, true, true, true]);
    assert.equal(table.meaning('Dana'), undefined);
  });

  it('adds the file’s own names, which may take over an alias but are read as whole names', () => {
    const custom = new SpeakerTable({ interviewer: ['Dana', 'Interviewer 2', 'Me'], candidate: ['Sam'] });
    assert.equal(custom.meaning('dana')?.speaker, 'interviewer');
    assert.equal(custom.meaning('interviewer  2')?.speaker, 'interviewer');
    assert.equal(custom.meaning('Me')?.speaker, 'interviewer');
    assert.equal(custom.meaning('SAM')?.speaker, 'candidate');
    assert.equal(custom.meaning('Candidate')?.speaker, 'candidate');
  });

  it('guesses a misspelt name only when every closest label means the same role', () => {
    assert.deepEqual(table.guess('Interviewr'), { kind: 'speaker', speaker: 'interviewer', label: 'Interviewer' });
    assert.deepEqual(table.guess('Candiate'), { kind: 'speaker', speaker: 'candidate', label: 'Candidate' });
    assert.deepEqual(table.guess('Intervieweee'), { kind: 'speaker', speaker: 'candidate', label: 'Interviewee' });
    assert.deepEqual(table.guess('Interviewe'), { kind: 'ambiguous', labels: ['Interviewer', 'Interviewee'] });
    assert.equal(table.guess('Sharding'), undefined);
    assert.equal(table.guess('B'), undefined, 'no guesses for short names: B is one edit from A, C, I and Q');
  });

  it('never turns the interviewee into the interviewer', () => {
    assert.equal(table.meaning('Interviewee')?.speaker, 'candidate');
    for (const typo of ['Interviewe', 'Intervieweee', 'Intervewee', 'Interveiwee']) {
      const guess = table.guess(typo);
      assert.ok(guess?.kind !== 'speaker' || guess.speaker === 'candidate', `${typo}: ${JSON.stringify(guess)}`);
    }
  });
});
