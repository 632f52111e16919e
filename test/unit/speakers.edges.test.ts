import assert from 'node:assert/strict';
import { defuseLabels, type LabelShape, normalizeName, scanLabel, SpeakerTable } from '../../src/core/speakers';

/** The whole shape, so a test also fails when a field is added that should not be there (`note: undefined`). */
const shape = (name: string, rest: string, fields: Partial<LabelShape> = {}): LabelShape => ({ name, bold: false, listItem: false, start: 0, nameStart: 0, rest, ...fields });

describe('scanLabel: edges of the label syntax', () => {
  describe('names', () => {
    it('reads names that start or end with the last letters of the ASCII alphabet (Z, z)', () => {
      assert.deepEqual(scanLabel('Zoe: hi'), shape('Zoe', 'hi'));
      assert.deepEqual(scanLabel('zed: hi'), shape('zed', 'hi'));
      assert.deepEqual(scanLabel('Liz: hi'), shape('Liz', 'hi'));
      assert.deepEqual(scanLabel('LIZ: hi'), shape('LIZ', 'hi'));
    });

    it('reads the digits 0 and 9 inside a name', () => {
      assert.deepEqual(scanLabel('Speaker 0: hi'), shape('Speaker 0', 'hi'));
      assert.deepEqual(scanLabel('Speaker 9: hi'), shape('Speaker 9', 'hi'));
    });

    it('reads a typographic apostrophe inside a name', () => {
      assert.deepEqual(scanLabel('Dr. O’Brien: hi'), shape('Dr. O’Brien', 'hi'));
    });

    it('finds no label in prose with a dash before its colon (`Summary — what matters: …`)', () => {
      assert.equal(scanLabel('Summary — what matters: consistency'), undefined);
    });

    it('finds no label where the name starts with the ASCII character just before A, after Z or after z', () => {
      for (const line of ['@Dana: hi', '[Dana]: hi', '{Dana}: hi']) assert.equal(scanLabel(line), undefined, line);
    });

    it('reads a name of exactly 40 characters wherever it starts, and not one of 41', () => {
      const forty = `Staff engineer from the platform team ${'x'.repeat(2)}`;
      assert.equal(forty.length, 40);
      assert.deepEqual(scanLabel(`${forty}: q`), shape(forty, 'q'));
      assert.deepEqual(scanLabel(`- 🎤 **${forty}:** q`), shape(forty, 'q', { bold: true, listItem: true, start: 2, nameStart: 7 }));
      assert.equal(scanLabel(`- 🎤 **${forty}x:** q`), undefined);
    });
  });

  describe('list markers', () => {
    it('reads `+ `, `0. ` and `9) ` as list markers', () => {
      assert.deepEqual(scanLabel('+ Q: x'), shape('Q', 'x', { listItem: true, start: 2, nameStart: 2 }));
      assert.deepEqual(scanLabel('0. Q: x'), shape('Q', 'x', { listItem: true, start: 3, nameStart: 3 }));
      assert.deepEqual(scanLabel('9) A: y'), shape('A', 'y', { listItem: true, start: 3, nameStart: 3 }));
    });

    it('reads a numbered list marker of up to nine digits, also when indented, and not one of ten', () => {
      assert.deepEqual(scanLabel('   123456789. Q: x'), shape('Q', 'x', { listItem: true, start: 14, nameStart: 14 }));
      assert.equal(scanLabel('1234567890. Q: x'), undefined);
    });

    it('finds no label after a number without `.` or `)`, after a lone `.`, or in `3.5 GB: …`', () => {
      for (const line of ['1  Q: x', '. Q: x', '3.5 GB: the cache']) assert.equal(scanLabel(line), undefined, line);
    });
  });

  describe('emoji before the label', () => {
    it('reads keycap emoji with and without the variation selector (1⃣, #️⃣, *️⃣)', () => {
      assert.deepEqual(scanLabel('1\u20e3 Q: first'), shape('Q', 'first', { nameStart: 3 }));
      assert.deepEqual(scanLabel('#\ufe0f\u20e3 Q: x'), shape('Q', 'x', { nameStart: 4 }));
      assert.deepEqual(scanLabel('*\ufe0f\u20e3 **A:** y'), shape('A', 'y', { bold: true, nameStart: 6 }));
    });

    it('reads a tab between an emoji and the name', () => {
      assert.deepEqual(scanLabel('🎤\tInterviewer: q'), shape('Interviewer', 'q', { nameStart: 3 }));
    });

    it('makes keycaps only of 0-9, # and *: with another character U+20E3 is part of the name', () => {
      assert.deepEqual(scanLabel('A\u20e3 Q: x'), shape('A\u20e3 Q', 'x'));
    });

    it('finds no label in `** Interviewer:**`, which Markdown does not render bold', () => {
      assert.equal(scanLabel('** Interviewer:** q'), undefined);
      assert.equal(scanLabel('__ Interviewer:__ q'), undefined);
    });
  });

  describe('indentation and the colon', () => {
    it('reads an unbolded label indented by three spaces', () => {
      assert.deepEqual(scanLabel('   Interviewer: q'), shape('Interviewer', 'q', { start: 3, nameStart: 3 }));
    });

    it('reads a label whose colon is 240 characters into the line, and no further', () => {
      const at240 = `${' '.repeat(227)}**Interviewer:** q`;
      assert.equal(at240.indexOf(':'), 240);
      assert.deepEqual(scanLabel(at240), shape('Interviewer', 'q', { bold: true, start: 227, nameStart: 229 }));
      assert.equal(scanLabel(` ${at240}`), undefined);
    });
  });

  describe('bold', () => {
    it('finds no label when the bold is closed with one star (`**Interviewer* : q`)', () => {
      assert.equal(scanLabel('**Interviewer* : q'), undefined);
    });
  });

  describe('notes', () => {
    it('keeps a note without the blanks inside its parentheses, before or after the closing bold', () => {
      assert.deepEqual(scanLabel('Interviewer ( Dana ): q'), shape('Interviewer', 'q', { note: 'Dana' }));
      assert.deepEqual(scanLabel('**Interviewer** ( Dana ): q'), shape('Interviewer', 'q', { bold: true, note: 'Dana', nameStart: 2 }));
    });

    it('reads a note of up to 59 characters, and not one of 60', () => {
      const note = 'n'.repeat(59);
      assert.deepEqual(scanLabel(`Interviewer (${note}): q`), shape('Interviewer', 'q', { note }));
      assert.equal(scanLabel(`Interviewer (${note}n): q`), undefined);
    });

    it('finds no label with two notes or with a parenthesis left open inside the note', () => {
      assert.equal(scanLabel('**Interviewer (Dana)** (Lead): q'), undefined);
      assert.equal(scanLabel('**Interviewer (Dana (lead):** q'), undefined);
    });
  });
});

describe('defuseLabels: keeping text from reading as a label', () => {
  it('writes the colon of a label after the given offset as `&#58;`, once', () => {
    assert.equal(defuseLabels('> Interviewer: Candidate: x', 2, () => true), '> Interviewer&#58; Candidate: x');
    assert.equal(defuseLabels('**Interviewer:** q', 0, () => true), '**Interviewer&#58;** q');
  });

  it('looks only at the offset, not at a label earlier in the line', () => {
    assert.equal(defuseLabels('Q: Interviewer: x', 3, () => true), 'Q: Interviewer&#58; x');
  });

  it('leaves a label the predicate does not accept as it is', () => {
    assert.equal(defuseLabels('Dana: hi', 0, (label) => label.name !== 'Dana'), 'Dana: hi');
  });
});

describe('SpeakerTable: names written with blanks, and typo guesses at their limits', () => {
  const table = new SpeakerTable();

  it('reads names with blanks around them', () => {
    assert.equal(normalizeName('  Key   Points '), 'key points');
    assert.deepEqual(table.meaning(' Interviewer '), { speaker: 'interviewer', letter: false });
    assert.deepEqual(new SpeakerTable({ interviewer: ['Dana'], candidate: [] }).meaning('\tDana '), { speaker: 'interviewer', letter: false });
  });

  it('guesses a name up to a third of its length away, and no further', () => {
    assert.deepEqual(table.guess('Intrviewr'), { kind: 'speaker', speaker: 'interviewer', label: 'Interviewer' });
    assert.deepEqual(table.guess('Candida'), { kind: 'speaker', speaker: 'candidate', label: 'Candidate' });
    assert.equal(table.guess('Cndida'), undefined);
  });

  it('does not guess from the short built-in labels (You, Me, Q, A, I, C)', () => {
    assert.equal(table.guess('Yous'), undefined);
    assert.equal(table.guess('Mee'), undefined);
  });

  it('guesses the file’s own names of four letters or more, and not shorter ones', () => {
    const custom = new SpeakerTable({ interviewer: ['Dana Scully', 'Dana'], candidate: ['Sam'] });
    assert.deepEqual(custom.guess('Dana Scuuly'), { kind: 'speaker', speaker: 'interviewer', label: 'Dana Scully' });
    assert.deepEqual(custom.guess('Danna'), { kind: 'speaker', speaker: 'interviewer', label: 'Dana' });
    assert.deepEqual(custom.guess('Dank'), { kind: 'speaker', speaker: 'interviewer', label: 'Dana' });
    assert.equal(custom.guess('Dan'), undefined, 'three letters: too short to guess');
    assert.equal(custom.guess('Samm'), undefined, 'Sam is too short a name to guess');
  });
});
