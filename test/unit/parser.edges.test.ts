// The parser at the edges of the format: whitespace, indentation and blockquote markers, code fences that almost
// close, messages an author reads (exact wording, line and column), and the small rules of metadata, key points,
// guidance and ids. Each test states one behaviour an author relies on.
import assert from 'node:assert/strict';
import type { Dialogue } from '../../src/core/model';
import { unwrapQuotes } from '../../src/core/parser';
import { md, parse, speakers } from './helpers';

const FILE = 'dialogues/test.md';
const START_HINT = 'turns start with `**Interviewer:**` or `**Candidate:**` (or `Interviewee`, `You`, `Q:`/`A:`, or a name listed under `speakers:` in the front matter)';
const STRAY_ONE = 'this text is outside any turn, so the player does not show it; start it with a speaker label such as `**Candidate:**`, list it under `**Key points:**`, or move it under a `#` heading after the dialogues to show it as tips';

/** Diagnostics as `[line, column, endLine, severity, message]`, the parts an author sees. */
function seen(source: string): [number, number, number | undefined, string, string][] {
  return parse(source).diagnostics.map((d) => [d.line, d.column, d.endLine, d.severity, d.message]);
}

function texts(dialogue: Dialogue): [string, string][] {
  return dialogue.turns.map(({ speaker, text }) => [speaker, text]);
}

function notADialogue(here?: string): string {
  return `this file has no dialogue turns: no line starts with a speaker label. A dialogue is a \`## Title\` heading followed by turns; ${START_HINT}.${here ? ` Here: ${here}.` : ''} If the file is not meant to be a dialogue, exclude it`;
}

describe('parser edges: front matter boundaries', () => {
  it('reads front matter whose `---` / `...` lines carry trailing blanks', () => {
    for (const [open, close] of [['--- ', '...  '], ['---', '---\t']]) {
      const result = parse(md(open, 'topic: Caching', close, '## A', '**Interviewer:** q'));
      assert.deepEqual(result.diagnostics, [], `${JSON.stringify(open)} … ${JSON.stringify(close)}`);
      assert.equal(result.dialogues[0].topic, 'Caching');
    }
  });

  it('reads front matter in a file of tips, which has no `##` heading to bound it', () => {
    const result = parse(md('---', 'topic: Tips', '---', '# Tips', 'Be brief.'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.guidance.map((g) => [g.title, g.text, g.line]), [['Tips', 'Be brief.', 4]]);
  });

  it('only a `##` heading at the start of a line bounds the front matter, not `##` inside a value', () => {
    const result = parse(md('---', 'topic: "Part ## 2"', '---', '## A', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.dialogues[0].topic, 'Part ## 2');
  });

  it('reports unclosed front matter when a key precedes the heading, even after a blank line', () => {
    assert.deepEqual(seen(md('---', 'topic: Scaling', '', '## A', '**Interviewer:** q')), [
      [1, 1, undefined, 'error', 'front matter starts with `---` but is never closed; add a `---` line after its last key'],
    ]);
  });

  it('reads a leading `---` followed only by blank or space-only lines as a separator', () => {
    const result = parse(md('---', '   ', '## A', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.dialogues.map((d) => d.title), ['A']);
  });

  it('ignores a byte-order mark before a heading on the first line', () => {
    const result = parse('\uFEFF' + md('## A', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.dialogues.map((d) => [d.title, d.line, speakers(d)]), [['A', 1, 'i']]);
  });
});

describe('parser edges: indentation and blockquote markers', () => {
  it('reads a heading indented by up to three spaces, and reports an indented empty `##` at its `#`', () => {
    assert.deepEqual(parse(md('   ## Indented', '  **Interviewer:** q')).dialogues.map((d) => [d.title, speakers(d)]), [['Indented', 'i']]);
    assert.deepEqual(seen(md('  ##', '**Interviewer:** q')), [[1, 3, undefined, 'error', 'a `##` heading needs a title: it names the dialogue']]);
  });

  it('reads `>` after up to three spaces as a blockquote, and four spaces as indented text', () => {
    const result = parse(md('## A', '   > **Interviewer:** q', '    > **Candidate:** a'));
    assert.deepEqual(texts(result.dialogues[0]), [['interviewer', 'q\n    > **Candidate:** a']]);
  });

  it('drops one blank or tab after `>` from a quoted turn’s lines, and nothing when there is none', () => {
    const result = parse(md('## A', '> **Interviewer:** q', '>\ttabbed', '>tight', '>  two spaces'));
    assert.deepEqual(texts(result.dialogues[0]), [['interviewer', 'q\ntabbed\ntight\n two spaces']]);
  });

  it('keeps `---` inside a quoted turn as its text: only an unquoted separator ends a turn', () => {
    const result = parse(md('## A', '**Interviewer:** q', '> **Candidate:** a', '> ---', '> more'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(texts(result.dialogues[0]), [['interviewer', 'q'], ['candidate', 'a\n---\nmore']]);
  });

  it('keeps a quoted `> ## heading` inside a turn as text, not a new dialogue', () => {
    const result = parse(md('## A', '**Interviewer:** q', '> **Candidate:** a', '> ## Not a dialogue', '> more'));
    assert.deepEqual(result.dialogues.map((d) => d.title), ['A']);
    assert.deepEqual(texts(result.dialogues[0])[1], ['candidate', 'a\n## Not a dialogue\nmore']);
  });
});

describe('parser edges: code fences', () => {
  const answer = ['## A', '**Interviewer:** q', '**Candidate:** Like this:'];

  it('closes a code block at a closing fence indented up to three spaces or followed by blanks', () => {
    for (const close of ['  ```', '```   ']) {
      const result = parse(md(...answer, '```', '# comment', close, '**Interviewer:** q2'));
      assert.deepEqual(result.diagnostics, [], JSON.stringify(close));
      assert.deepEqual(result.guidance, [], JSON.stringify(close));
      assert.equal(speakers(result.dialogues[0]), 'ici', JSON.stringify(close));
      assert.equal(result.dialogues[0].turns[1].text, `Like this:\n\`\`\`\n# comment\n${close.trimEnd()}`);
    }
  });

  it('keeps `#` lines of a short code block as code: a closing fence two lines on still counts', () => {
    const result = parse(md(...answer, '```', '# comment', '```', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.guidance, []);
    assert.deepEqual(texts(result.dialogues[0]).slice(1), [['candidate', 'Like this:\n```\n# comment\n```'], ['interviewer', 'q2']]);
  });

  it('keeps `## …` in a closed `~~~` block as code', () => {
    const result = parse(md(...answer, '~~~', '## not a heading', '~~~', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.dialogues.map(speakers), ['ici']);
  });

  it('does not close a code block at a blank line inside it', () => {
    const result = parse(md(...answer, '```markdown', '', '**Interviewer:** not a turn', '```', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(texts(result.dialogues[0]).slice(1), [['candidate', 'Like this:\n```markdown\n\n**Interviewer:** not a turn\n```'], ['interviewer', 'q2']]);
  });

  it('warns at the column of an indented fence that is never closed', () => {
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Candidate:** code:', '  ```', '**Interviewer:** q2')), [
      [4, 3, undefined, 'warning', 'this code block is never closed, so the turn label on line 5 is read as code, as any Markdown viewer shows it. Add a closing ``` line where the code ends.'],
    ]);
  });

  it('ends an unclosed block at a heading only when `#` starts the line', () => {
    const result = parse(md(...answer, '```sh', 'echo "## Notes" >> README.md', '**Interviewer:** q2'));
    assert.deepEqual(result.dialogues[0].turns[1].text, 'Like this:\n```sh\necho "## Notes" >> README.md\n**Interviewer:** q2');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.message]), [[4, 'this code block is never closed, so the turn label on line 6 is read as code, as any Markdown viewer shows it. Add a closing ``` line where the code ends.']]);
  });

  it('does not end an unclosed quoted block at a quoted `> ##` line, and says nothing when it hides no label', () => {
    const result = parse(md('## A', '**Interviewer:** q', '> **Candidate:** code:', '> ```', '> ## Notes', '> x'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(texts(result.dialogues[0])[1], ['candidate', 'code:\n```\n## Notes\nx']);
  });

  it('ends a block opened on the first line, never closed, at the first heading', () => {
    const result = parse(md('```', 'x', '## A', '**Interviewer:** q'));
    assert.deepEqual(result.dialogues.map((d) => [d.title, speakers(d)]), [['A', 'i']]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.message]), [[1, 1, 'this code block is never closed, so it ends at the heading on line 3. Add a closing ``` line where the code ends.']]);
  });

  it('says where an unclosed block that hides no label ends at a heading', () => {
    assert.deepEqual(seen(md(...answer, '```', 'x', '## B', '**Interviewer:** q2')), [
      [4, 1, undefined, 'warning', 'this code block is never closed, so it ends at the heading on line 6. Add a closing ``` line where the code ends.'],
    ]);
  });

  it('names the line that failed to close a block that ends at a heading, with and without hidden labels', () => {
    assert.deepEqual(seen(md(...answer, '```', '```js', '## B', '**Interviewer:** q2')), [
      [4, 1, undefined, 'warning', 'this code block is never closed, so it ends at the heading on line 6: line 5 (```js) does not close it because of the text after the fence. Put the closing ``` on a line of its own.'],
    ]);
    assert.deepEqual(seen(md(...answer, '```', '**Interviewer:** q0', '```js', '**Candidate:** a2', '## B', '**Interviewer:** q2')), [
      [4, 1, undefined, 'warning', 'this code block is never closed, so it ends at the heading on line 8: line 6 (```js) does not close it because of the text after the fence, and the turn label on line 7 is read as code, as any Markdown viewer shows it. Put the closing ``` on a line of its own.'],
    ]);
  });

  it('quotes the line that failed to close a block without its trailing blanks', () => {
    const result = parse(md(...answer, '```', 'x', '```"   ', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics.map((d) => d.message), ['this code block is never closed: line 6 (```") does not close it because of the text after the fence, so the turn label on line 7 is read as code, as any Markdown viewer shows it. Put the closing ``` on a line of its own.']);
  });

  it('says nothing when a line fails to close a block that a later fence closes, if no label sits in between', () => {
    const result = parse(md(...answer, '```', 'x', '```"', 'y', '```', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(speakers(result.dialogues[0]), 'ici');
  });

  it('counts only speaker labels as hidden, not bold lead-ins such as `**Note:**`', () => {
    assert.deepEqual(seen(md(...answer, '```', '**Note:** x')), []);
  });
});

describe('parser edges: headings inside a dialogue', () => {
  it('keeps a `####` heading in a turn as its text, not a stage', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '#### Detail', 'more'));
    assert.deepEqual(result.dialogues[0].stages, []);
    assert.deepEqual(texts(result.dialogues[0]), [['interviewer', 'q'], ['candidate', 'a\n#### Detail\nmore']]);
  });

  it('ends a block of stray text at a `###` stage heading, but not at a `####` heading', () => {
    const before = ['## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', 'A note.'];
    assert.deepEqual(seen(md(...before, '### Stage', 'Another note.', '**Interviewer:** q2')), [[5, 1, undefined, 'warning', STRAY_ONE], [7, 1, undefined, 'warning', STRAY_ONE]]);
    assert.deepEqual(seen(md(...before, '#### Aside', 'Another note.', '**Interviewer:** q2')), [
      [5, 1, 7, 'warning', 'lines 5–7 are outside any turn, so the player does not show them; start them with a speaker label such as `**Candidate:**`, list them under `**Key points:**`, or move them under a `#` heading after the dialogues to show them as tips'],
    ]);
  });

  it('reports stray text at the column where it starts', () => {
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', '   An indented note.', '**Interviewer:** q2')), [[5, 4, undefined, 'warning', STRAY_ONE]]);
  });

  it('starts a new error for turns outside a dialogue after a `#` heading, and widens it over a `###` heading', () => {
    const before = 'this turn comes before any `## Title` heading, so it belongs to no dialogue; add a heading above it';
    assert.deepEqual(seen(md('Interviewer: q', '# Notes', 'Candidate: a', '## A', '**Interviewer:** q')), [[1, 1, undefined, 'error', before], [3, 1, undefined, 'error', before]]);
    assert.deepEqual(seen(md('Interviewer: q', '### Notes', 'Candidate: a', '## A', '**Interviewer:** q')), [[1, 1, 3, 'error', before]]);
  });

  it('covers a dialogue without turns up to its last line with text, not trailing blank lines', () => {
    const noTurns = (title: string): string => `dialogue \`${title}\` has no turns; ${START_HINT} (put tips under a \`#\` heading instead)`;
    assert.deepEqual(seen(md('## Notes', 'Some text.', '   ', '\t', '## B', '**Interviewer:** q')), [[1, 1, 2, 'error', noTurns('Notes')]]);
    assert.deepEqual(parse(md('## Empty', '## B', '**Interviewer:** q')).diagnostics, [{ file: FILE, line: 1, column: 1, severity: 'error', message: noTurns('Empty') }]);
  });
});

describe('parser edges: guidance and introductions', () => {
  it('titles a `#` section without a title “Guidance”', () => {
    assert.deepEqual(parse(md('#', 'A tip without a title.')).guidance, [{ title: 'Guidance', text: 'A tip without a title.', file: FILE, line: 1 }]);
  });

  it('keeps a tip’s lines apart and leaves out a `#` section with no text', () => {
    const result = parse(md('# Tips', 'Line one.', 'Line two.', '# Empty section', '', '# More', 'Tip.'));
    assert.deepEqual(result.guidance.map((g) => [g.title, g.text, g.line]), [['Tips', 'Line one.\nLine two.', 1], ['More', 'Tip.', 6]]);
  });

  it('keeps a `**Time:**` line in a tips section as tip text', () => {
    const result = parse(md('## A', '**Interviewer:** q', '# Tips', '**Time:** keep it short.'));
    assert.deepEqual(result.guidance.map((g) => g.text), ['**Time:** keep it short.']);
  });

  it('keeps an introduction’s paragraphs, without the blank lines around them', () => {
    const result = parse(md('## A', '', 'First line of the intro.', '', 'Second paragraph.', '', '**Interviewer:** q'));
    assert.equal(result.dialogues[0].intro, 'First line of the intro.\n\nSecond paragraph.');
  });

  it('keeps an unbolded `Note:` in an introduction as text, without a warning', () => {
    const result = parse(md('## A', 'Note: read this first.', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.dialogues[0].intro, 'Note: read this first.');
  });

  it('keeps `**Speakers:**` under a dialogue out of its introduction (it is reported instead)', () => {
    const result = parse(md('## A', '**Speakers:** Dana', '**Interviewer:** q'));
    assert.equal(result.dialogues[0].intro, undefined);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.message]), [[2, '`Speakers` works only in the front matter, e.g. `speakers: { interviewer: [Dana], candidate: [Sam] }`']]);
  });
});

describe('parser edges: unknown and misspelt labels', () => {
  it('names the role a misspelt alias or declared name is read as', () => {
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Intervieweee:** a')), [[3, 1, undefined, 'warning', 'unknown speaker `Intervieweee`; did you mean `Interviewee`? Read as the candidate.']]);
    const declared = parse(md('---', 'speakers: { interviewer: [Dana], candidate: [Sam] }', '---', '## A', '**Dnaa:** q', '**Sam:** a'));
    assert.deepEqual(texts(declared.dialogues[0]), [['interviewer', 'q'], ['candidate', 'a']]);
    assert.deepEqual(declared.diagnostics.map((d) => [d.line, d.message]), [[5, 'unknown speaker `Dnaa`; did you mean `Dana`? Read as the interviewer.']]);
  });

  it('reads a misspelt full label as a word label, so a later `A:` stays text, also where it repeats in another dialogue', () => {
    const result = parse(md('## A', '**Interviewr:** q', 'A: answer', '## B', '**Interviewr:** q2', 'A: answer'));
    assert.deepEqual(result.dialogues.map(texts), [[['interviewer', 'q\nA: answer']], [['interviewer', 'q2\nA: answer']]]);
  });

  it('does not repeat a misspelt label in the text of the turn it starts', () => {
    const result = parse(md('## A', '**Interviewr:** q', '**Candidate:** a', '**Interviewr:** q2', '**Candidate:** a2'));
    assert.deepEqual(texts(result.dialogues[0]), [['interviewer', 'q'], ['candidate', 'a'], ['interviewer', 'q2'], ['candidate', 'a2']]);
  });

  it('lists the other lines of a repeated label: one, two, five, and the first five and how many more', () => {
    const typo = 'unknown speaker `Interviewr`; did you mean `Interviewer`? Read as Interviewer.';
    const messageFor = (count: number): string => parse(md('## A', ...Array.from({ length: count }, (_, i) => `**Interviewr:** q${i}`))).diagnostics[0].message;
    assert.equal(messageFor(1), typo);
    assert.equal(messageFor(2), `${typo} (also on line 3)`);
    assert.equal(messageFor(3), `${typo} (also on lines 3 and 4)`);
    assert.equal(messageFor(6), `${typo} (also on lines 3, 4, 5, 6 and 7)`);
    assert.equal(messageFor(7), `${typo} (also on lines 3, 4, 5, 6, 7 and 1 more)`);
    assert.equal(messageFor(9), `${typo} (also on lines 3, 4, 5, 6, 7 and 3 more)`);
  });

  it('says what to write for an unknown bold label before the first turn, with the metadata keys and a suggestion', () => {
    assert.deepEqual(seen(md('## A', '**Dificulty:** hard', '**Interviewer:** q')), [
      [2, 1, undefined, 'warning', '`Dificulty` is not a speaker or a metadata key, so this line is kept as text. Turns start with `**Interviewer:**` or `**Candidate:**` (or `Interviewee`, `You`, `Q:`/`A:`, or a name listed under `speakers:` in the front matter); metadata keys are `topic`, `level`, `tags`, `time`, `id`, `kind`, `key points`. To use `Dificulty` as a speaker, name it in the front matter: `speakers: { interviewer: [Dificulty] }`'],
    ]);
    assert.match(parse(md('## A', '**Levl:** staff', '**Interviewer:** q')).diagnostics[0].message, /kept as text; did you mean `level`\? Turns start with/);
    assert.match(parse(md('## A', '**Key point:** x', '**Interviewer:** q')).diagnostics[0].message, /; did you mean `key points`\?/);
  });

  it('does not warn about bold lead-ins with digits, before the first turn or in a one-role dialogue', () => {
    for (const lines of [['**Step 1:** measure', '**Round 2 notes:** x', '**Interviewer:** q'], ['**Interviewer:** q', '**Step 1:** measure', '**Round 2 notes:** x']]) {
      assert.deepEqual(parse(md('## A', ...lines)).diagnostics, [], lines.join(' / '));
    }
  });

  it('does not warn about a bold lead-in inside the first turn, or in a key points list before it', () => {
    const inTurn = parse(md('## A', '**Interviewer:** Two things.', '**Sharding:** by user.', '**Candidate:** a'));
    assert.deepEqual(inTurn.diagnostics, []);
    assert.equal(inTurn.dialogues[0].turns[0].text, 'Two things.\n**Sharding:** by user.');
    const inKeyPoints = parse(md('## A', '**Key points:**', '- **Sharding:** by user', '', '**Interviewer:** q'));
    assert.deepEqual(inKeyPoints.diagnostics, []);
    assert.deepEqual(inKeyPoints.dialogues[0].keyPoints, ['**Sharding:** by user']);
  });

  it('warns about an undeclared name in a candidate-only dialogue that it may be the interviewer', () => {
    assert.deepEqual(seen(md('## A', '**Candidate:** I built X.', '**Dana:** Why?', '**Candidate:** Speed.')), [
      [3, 1, undefined, 'warning', '`**Dana:**` is not a speaker label, so its text stays in the candidate turn above it, and dialogue `A` has no interviewer turn. If Dana is the interviewer, write `**Interviewer:**` or add `speakers: { interviewer: [Dana] }` to the front matter'],
      [1, 1, undefined, 'warning', 'dialogue `A` has no `**Interviewer:**` turn, so it has no question to answer'],
    ]);
  });
});

describe('parser edges: one message for a file that is not a dialogue', () => {
  it('says how to start, and nothing more when it found nothing that looks like a speaker', () => {
    assert.deepEqual(seen(md('Just some notes.')), [[1, 1, undefined, 'warning', notADialogue()]]);
    assert.deepEqual(seen(md('## A', 'Intro', '```', 'x', '## B', 'text')), [[1, 1, undefined, 'warning', notADialogue()]], 'a code block hiding no label is not mentioned');
  });

  it('names a repeated bold name alone, not a bold word used once', () => {
    assert.deepEqual(seen(md('## Mock', '**Dana:** q', '**Note:** once', '**Dana:** q2')), [
      [1, 1, undefined, 'warning', notADialogue('`**Dana:**` (line 2) is not a speaker label; to use it, add `speakers: { interviewer: [Dana] }` to the front matter')],
    ]);
  });

  it('names the three most used names, most used first', () => {
    const source = md('## Mock', '**Kim:** 1', '**Sam:** 1', '**Sam:** 2', '**Alex:** 1', '**Alex:** 2', '**Alex:** 3', '**Dana:** 1', '**Dana:** 2', '**Dana:** 3', '**Dana:** 4', '**Lee:** 1', '**Lee:** 2');
    assert.deepEqual(seen(source), [
      [1, 1, undefined, 'warning', notADialogue('`**Dana:**` (line 8), `**Alex:**` (line 5), `**Sam:**` (line 3) are not speaker labels; to use them, add `speakers: { interviewer: [Dana], candidate: [Alex] }` to the front matter')],
    ]);
  });

  it('names at most three code blocks that hide labels', () => {
    const source = md('## A', '```js', '**Interviewer:** q', '## B', '```js', '**Interviewer:** q', '**Candidate:** a', '## C', '```js', '**Interviewer:** q', '## D', '```js', '**Interviewer:** q');
    const blocks = 'one turn label is inside the code block opened at line 2, which is never closed; 2 turn labels are inside the code block opened at line 5, which is never closed; one turn label is inside the code block opened at line 9, which is never closed';
    assert.deepEqual(seen(source), [[1, 1, undefined, 'warning', notADialogue(blocks)]]);
  });
});

describe('parser edges: metadata and key points', () => {
  it('applies a metadata line under a fresh stage to the dialogue, next to the stage’s time', () => {
    const [dialogue] = parse(md('## Mock', '### Requirements', '**Time:** 5 min', '**Level:** staff', '**Interviewer:** q')).dialogues;
    assert.equal(dialogue.level, 'staff');
    assert.deepEqual(dialogue.stages, [{ title: 'Requirements', firstTurnIndex: 0, budgetSeconds: 300 }]);
  });

  it('applies a metadata line after an answer to the dialogue, leaving the question’s time alone', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', '**Level:** staff'));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.dialogues[0].level, 'staff');
    assert.equal(result.dialogues[0].questions[0].budgetSeconds, 300);
  });

  it('warns at the key of a second `**Time:**` for one question', () => {
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', '**Time:** 7 min')), [[5, 3, undefined, 'warning', 'this question already has a `**Time:**`; the later one wins']]);
  });

  it('leaves `budgetSeconds` out of a question without a time', () => {
    assert.deepEqual(parse(md('## A', '**Interviewer:** q')).dialogues[0].questions, [{ id: 'test/a#q1', turnIndex: 0, prompt: 'q', keyPoints: [] }]);
  });

  it('reads a key point written on the `**Key points:**` line itself, trimmed, and none from trailing blanks', () => {
    assert.deepEqual(parse(md('## A', '**Key points:**  inline point  ', '- listed', '**Interviewer:** q')).dialogues[0].keyPoints, ['inline point', 'listed']);
    assert.deepEqual(parse(md('## A', '**Key points:**  ', '- listed', '**Interviewer:** q')).dialogues[0].keyPoints, ['listed']);
  });

  it('keeps a key points list open across blank and space-only lines, and trims each item', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Key points:**', '- first  ', '', '   ', '- second', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.dialogues[0].questions[0].keyPoints, ['first', 'second']);
  });

  it('ends a key points list at a line that is not an item or an indented continuation', () => {
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Candidate:** a', '**Key points:**', '- first', 'A plain note.  Two spaces.', '**Interviewer:** q2')), [[6, 1, undefined, 'warning', STRAY_ONE]]);
    const result = parse(md('## A', '**Key points:**', '  indented text', '**Interviewer:** q'));
    assert.equal(result.dialogues[0].intro, 'indented text', 'an indented line continues an item, and there is none yet');
    assert.deepEqual(result.dialogues[0].keyPoints, []);
  });
});

describe('parser edges: turns and ids', () => {
  it('warns about an empty turn by its role, and names an empty question by its number', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:**', '**Interviewer:** ```', '**Candidate:** b'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.message]), [[3, 'this candidate turn has no text']]);
    assert.deepEqual(result.dialogues[0].questions.map((q) => q.prompt), ['q', 'Question 2']);
    assert.deepEqual(seen(md('## A', '**Interviewer:**', '**Candidate:** a')), [[2, 1, undefined, 'warning', 'this interviewer turn has no text']]);
  });

  it('unwraps a quoted turn and trims the inside; an empty quotation is an empty turn', () => {
    assert.equal(parse(md('## A', '**Interviewer:** q', '**Candidate:** " Because. "')).dialogues[0].turns[1].text, 'Because.');
    assert.equal(unwrapQuotes('“ spaced ”'), 'spaced');
    assert.deepEqual(seen(md('## A', '**Interviewer:** q', '**Candidate:** ""')), [[3, 1, undefined, 'warning', 'this candidate turn has no text']]);
  });

  it('keeps a lone quote mark, and a quotation holding either mark of its own pair', () => {
    assert.equal(unwrapQuotes('"'), '"');
    assert.equal(unwrapQuotes('“'), '“');
    assert.equal(unwrapQuotes('„Wir nehmen “Redis“.“'), '„Wir nehmen “Redis“.“');
    assert.equal(unwrapQuotes('«Il dit «oui».»'), '«Il dit «oui».»');
  });

  it('numbers the third and later dialogues with one title on from the last suffix', () => {
    const result = parse(md('## Same', '**Interviewer:** q', '## Same', '**Interviewer:** q', '## Same', '**Interviewer:** q', '## Same', '**Interviewer:** q'));
    assert.deepEqual(result.dialogues.map((d) => d.id), ['test/same', 'test/same-2', 'test/same-3', 'test/same-4']);
    assert.equal(result.diagnostics[1].message, 'dialogue id `test/same` is already used by the dialogue at line 1; give this one a different title or an `**Id:**` line (using `test/same-3` for now)');
  });
});
