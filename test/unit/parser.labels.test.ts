// The forgiving format of issue 10: labels as people write them, one clear message, nothing lost in silence.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIALOGUE_KEYS, FILE_KEYS } from '../../src/core/metadata';
import type { Dialogue, ParseResult } from '../../src/core/model';
import { md, parse, REPO, speakers, withSeverity } from './helpers';

function turnsOf(dialogue: Dialogue): [string, string][] {
  return dialogue.turns.map(({ speaker, text }) => [speaker, text]);
}

function assertNoDiagnostics(result: ParseResult): void {
  assert.deepEqual(result.diagnostics, [], `unexpected diagnostics: ${JSON.stringify(result.diagnostics, null, 2)}`);
}

describe('parser: speaker labels as people write them', () => {
  const QA: [string, string][] = [['interviewer', 'Why?'], ['candidate', 'Because.']];
  const styles: [string, string, string][] = [
    ['canonical bold', '**Interviewer:** Why?', '**Candidate:** Because.'],
    ['colon outside the bold', '**Interviewer**: Why?', '**Candidate** : Because.'],
    ['underscores', '__Interviewer:__ Why?', '__Candidate:__ Because.'],
    ['without bold', 'Interviewer: Why?', 'Candidate: Because.'],
    ['any case', 'INTERVIEWER: Why?', 'candidate: Because.'],
    ['Interviewee', '**Interviewer:** Why?', '**Interviewee:** Because.'],
    ['You', '**Interviewer:** Why?', '**You:** Because.'],
    ['Me without bold', 'Interviewer: Why?', 'Me: Because.'],
    ['Q/A bold', '**Q:** Why?', '**A:** Because.'],
    ['Q/A plain', 'Q: Why?', 'A: Because.'],
    ['I/C in a list', '* I: Why?', '* C: Because.'],
    ['numbered list', '1. **Interviewer:** Why?', '2. **Candidate:** Because.'],
    ['name in parentheses', '**Interviewer (Dana):** Why?', '**Candidate** (me): Because.'],
    ['emoji inside the bold', '**🎤 Interviewer:** Why?', '**👨‍💻 Candidate:** Because.'],
    ['emoji outside the bold', '🎤 **Interviewer:** Why?', '👩🏽‍💻 **Candidate:** Because.'],
    ['emoji with variation selectors', '**🗣️ Interviewer:** Why?', '**🙋‍♀️ Candidate:** Because.'],
    ['emoji and no bold, in a blockquote', '> 🎤 Interviewer: Why?', '> 👨‍💻 Candidate: Because.'],
  ];
  for (const [style, question, answer] of styles) {
    it(`reads ${style} with no warning`, () => {
      const result = parse(md('## A', question, answer));
      assertNoDiagnostics(result);
      assert.deepEqual(turnsOf(result.dialogues[0]), QA);
      assert.equal(result.dialogues[0].questions.length, 1);
    });
  }

  it('reads the speakers a file names in its front matter, next to the built-in labels', () => {
    const result = parse(md('---', 'speakers: { interviewer: [Dana, Interviewer 2], candidate: [Sam] }', '---', '## A', '**Dana:** q1', 'Sam: a1', '**Interviewer 2:** q2', '**Candidate:** a2'));
    assertNoDiagnostics(result);
    assert.deepEqual(turnsOf(result.dialogues[0]), [['interviewer', 'q1'], ['candidate', 'a1'], ['interviewer', 'q2'], ['candidate', 'a2']]);
  });

  it('refuses a speakers map that would swap the canonical roles, or name a metadata key', () => {
    const cases: [string, RegExp][] = [
      ['speakers: { interviewer: [Candidate] }', /always means the candidate/],
      ['speakers: { interviewer: [Time] }', /metadata key/],
      ['speakers: { interviewer: [Dana], candidate: [Dana] }', /both roles/],
      ['speakers: { host: [Dana] }', /roles are `interviewer`, `candidate`/],
      ['speakers: [Dana]', /must map roles to names/],
      ['speakers: { interviewer: ["**Dana**"] }', /cannot be a label/],
    ];
    for (const [line, message] of cases) {
      const result = parse(md('---', line, '---', '## A', '**Interviewer:** q'));
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error']], line);
      assert.match(result.diagnostics[0].message, message, line);
    }
  });

  it('reads one-letter labels only in a dialogue that starts with one, so `A: …` in an answer stays text', () => {
    const result = parse(md(
      '## Word style',
      'Interviewer: Which option?',
      'Candidate: Two of them:',
      'A: the first option',
      '- I: the second one',
      'Note: both work.',
      '## Letter style',
      'Q: Which option?',
      'A: The first.',
    ));
    assertNoDiagnostics(result);
    assert.deepEqual(turnsOf(result.dialogues[0]), [['interviewer', 'Which option?'], ['candidate', 'Two of them:\nA: the first option\n- I: the second one\nNote: both work.']]);
    assert.deepEqual(turnsOf(result.dialogues[1]), [['interviewer', 'Which option?'], ['candidate', 'The first.']]);
  });

  it('keeps ordinary prose with a colon as text: `Note:`, `Example:`, links, paths, indented code', () => {
    const lines = ['Note: this is prose.', 'Example: a cache.', 'http://example.com', 'C:\\temp', '    Interviewer: inside indented code'];
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** a', ...lines));
    assertNoDiagnostics(result);
    assert.equal(result.dialogues[0].turns[1].text, ['a', ...lines].join('\n'));
  });

  it('keeps `- A: …` items of a key points list as key points, also in a letter-style dialogue', () => {
    const result = parse(md('## A', 'Q: q', 'A: a', '**Key points:**', '- A: mention the cache', '- Q: the queue', 'Q: next?'));
    assert.deepEqual(result.dialogues[0].questions[0].keyPoints, ['A: mention the cache', 'Q: the queue']);
    assert.equal(speakers(result.dialogues[0]), 'ici');
  });

  it('never reads a misspelling close to both roles as either, and keeps its text', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Interviewe:** who am I?', '**Interviewee:** the candidate'));
    assert.deepEqual(turnsOf(result.dialogues[0]), [['interviewer', 'q\n**Interviewe:** who am I?'], ['candidate', 'the candidate']]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[3, 1, 'warning']]);
    assert.match(result.diagnostics[0].message, /as close to `Interviewer` as to `Interviewee`, so it is read as neither/);
    assert.match(result.diagnostics[0].message, /write `\*\*Interviewer:\*\*` or `\*\*Candidate:\*\*`/);
  });

  it('gives one warning per unknown label, on its first line, listing the others, and loses none of its text', () => {
    const source = md('## A', '**Difficulty:** hard', '**Interviewer:** q', '**Candidate:** a', '## B', '**Difficulty:** easy', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'warning']]);
    assert.match(result.diagnostics[0].message, /`Difficulty` is not a speaker or a metadata key/);
    assert.match(result.diagnostics[0].message, /speakers: \{ interviewer: \[Difficulty\] \}/);
    assert.match(result.diagnostics[0].message, /\(also on line 6\)$/);
    assert.deepEqual(result.dialogues.map((d) => d.intro), ['**Difficulty:** hard', '**Difficulty:** easy']);
  });

  it('reads a repeated typo as the speaker it is close to, with one warning for all its lines', () => {
    const result = parse(md('## A', '**Interviewr:** q1', '**Candidate:** a1', '**Interviewr:** q2'));
    assert.equal(speakers(result.dialogues[0]), 'ici');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'warning']]);
    assert.match(result.diagnostics[0].message, /did you mean `Interviewer`\? Read as Interviewer\. \(also on line 4\)/);
  });

  it('warns about an undeclared name that leaves a dialogue with one role only, and not about bold lead-ins', () => {
    const result = parse(md('## A', '**Interviewer:** Why?', '**Sam:** Because.', '**Interviewer:** And?', '**Sam:** That.', '## B', '**Interviewer:** q', '**Candidate:** Two ways.', '**Sharding:** by user.', '**Caching:** in Redis.'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[3, 'warning']]);
    assert.equal(result.diagnostics[0].message, '`**Sam:**` is not a speaker label, so its text stays in the interviewer turn above it, and dialogue `A` has no candidate turn. If Sam is the candidate, write `**Candidate:**` or add `speakers: { candidate: [Sam] }` to the front matter (also on line 5)');
    assert.equal(result.dialogues[0].turns[0].text, 'Why?\n**Sam:** Because.', 'no text is lost');
  });

  it('reads unbolded labels in tips after the dialogues as tips, and warns about bold turns there', () => {
    const result = parse(md('## A', '**Interviewer:** q', '# Tips', 'You: keep it short.', '**Interviewer:** stray'));
    assert.equal(result.guidance[0].text, 'You: keep it short.');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[5, 'error']]);
    assert.match(result.diagnostics[0].message, /in a `#` section, outside any dialogue/);
  });

  it('refuses `**Speakers:**` under a dialogue: it works only in the front matter', () => {
    const result = parse(md('## A', '**Speakers:** Dana', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error']]);
    assert.match(result.diagnostics[0].message, /only in the front matter/);
  });
});

describe('parser: nothing disappears silently', () => {
  it('warns once about a block of text between turns that the player would not show, with its range', () => {
    const source = md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', 'An author’s note.', '', 'And more of it.', '**Interviewer:** q2');
    const result = parse(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.endLine, d.severity]), [[5, 7, 'warning']]);
    assert.match(result.diagnostics[0].message, /^lines 5–7 are outside any turn, so the player does not show them/);
    assert.equal(speakers(result.dialogues[0]), 'ici');
  });

  it('gives a dialogue without turns one error that covers its section', () => {
    const result = parse(md('## A', '**Interviewer:** q', '## Notes', 'Some text.', 'More text.', '', '## B', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.endLine, d.severity]), [[3, 5, 'error']]);
  });

  it('widens the error about turns before any heading over all of them', () => {
    const result = parse(md('Interviewer: q', 'Candidate: a', 'Interviewer: q2', '## A', '**Interviewer:** q'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.endLine, d.severity]), [[1, 3, 'error']]);
  });
});

describe('parser: one message for a file that is not a dialogue', () => {
  it('gives a README with many sections and bold words one warning, not one per heading and label', () => {
    const sections = Array.from({ length: 20 }, (_, i) => [`## Section ${i + 1}`, `**Note:** point ${i}`, 'Some prose.', '']).flat();
    const result = parse(md('# Project', 'Intro.', ...sections));
    assert.deepEqual(result.dialogues, []);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[1, 1, 'warning']]);
    assert.match(result.diagnostics[0].message, /^this file has no dialogue turns: no line starts with a speaker label\. A dialogue is a `## Title` heading followed by turns/);
    assert.match(result.diagnostics[0].message, /exclude it$/);
  });

  it('names the labels it found that could be speakers, with the front matter that declares them', () => {
    const result = parse(md('## Mock', '**Dana:** q', '**Sam:** a', '**Dana:** q2', '**Sam:** a2'));
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0].message, /`\*\*Dana:\*\*` \(line 2\), `\*\*Sam:\*\*` \(line 3\) are not speaker labels; to use them, add `speakers: \{ interviewer: \[Dana\], candidate: \[Sam\] \}`/);
  });

  it('says so when the only labels are hidden in a code block that is never closed', () => {
    const result = parse(md('## A', '```', '**Interviewer:** q', '**Candidate:** a'));
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0].message, /2 turn labels are inside the code block opened at line 2, which is never closed/);
  });

  it('gives a file of prose only one message too, and a file of tips (`#` sections only) none', () => {
    assert.equal(parse(md('Just some notes.', 'More notes.')).diagnostics.length, 1);
    assertNoDiagnostics(parse(md('# How to practise', 'Answer out loud first.', '# Before the day', 'Sleep.')));
  });
});

describe('parser: code blocks that hide turn labels', () => {
  it('warns at a blockquoted fence that `` ```" `` failed to close, counting the labels it hides', () => {
    const source = md('## A', '> **Interviewer:** q', '> **Candidate:** "Like this:', '> ```js', '> run();', '> ```"', '> **Interviewer:** q2', '> **Candidate:** a2', '', '## B', '**Interviewer:** q');
    const result = parse(source);
    assert.deepEqual(speakers(result.dialogues[0]), 'ic', 'CommonMark reads the rest of the blockquote as code, and so does the parser');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[4, 3, 'warning']]);
    assert.equal(result.diagnostics[0].message, 'this code block is never closed: line 6 (```") does not close it because of the text after the fence, so the 2 turn labels on lines 7 and 8 are read as code, as any Markdown viewer shows them. Put the closing ``` on a line of its own.');
  });

  it('warns when such a block is closed only by a later fence, swallowing labels in between', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** see', '```', 'x', '```"', '**Interviewer:** q2', '**Candidate:** a2', '```'));
    assert.equal(speakers(result.dialogues[0]), 'ic');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[4, 'warning']]);
    assert.match(result.diagnostics[0].message, /^this code block is closed only at line 9: line 6 .* so the 2 turn labels on lines 7 and 8 are read as code/);
  });

  it('warns at a fence never closed before the end of the file when it hides labels, and says how many', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** code:', '~~~', 'x', '**Interviewer:** q2'));
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[4, 'warning']]);
    assert.match(result.diagnostics[0].message, /^this code block is never closed, so the turn label on line 6 is read as code, as any Markdown viewer shows it\. Add a closing ~~~ line where the code ends\.$/);
  });

  it('counts the labels an unclosed fence hides before the heading that ends it', () => {
    const result = parse(md('## A', '**Interviewer:** q', '**Candidate:** code:', '```', '**Interviewer:** q2', '## B', '**Interviewer:** q'));
    assert.deepEqual(result.dialogues.map(speakers), ['ic', 'i']);
    assert.match(result.diagnostics[0].message, /^this code block is never closed, so it ends at the heading on line 6, and the turn label on line 5 is read as code/);
  });

  it('says nothing about labels in a code block that is properly closed, or an unclosed one that hides none', () => {
    assertNoDiagnostics(parse(md('## A', '**Interviewer:** The format?', '**Candidate:** This:', '```markdown', '**Interviewer:** q', '```', '**Interviewer:** next')));
    assertNoDiagnostics(parse(md('## A', '**Interviewer:** q', '**Candidate:** code:', '```', 'x')));
  });
});

describe('parser: front matter `id`', () => {
  it('names the file: it stands for the file name in the ids of all its dialogues; `**Id:**` still wins', () => {
    const result = parse(md('---', 'id: system-design-pack', '---', '## Rate limiter', '**Interviewer:** q', '## Cache', '- **Id:** my-cache', '**Interviewer:** q'));
    assertNoDiagnostics(result);
    assert.deepEqual(result.dialogues.map((d) => d.id), ['system-design-pack/rate-limiter', 'my-cache']);
    assert.deepEqual(result.dialogues[0].questions.map((q) => q.id), ['system-design-pack/rate-limiter#q1']);
  });

  it('keeps ids the same when the file is renamed', () => {
    const source = md('---', 'id: pack', '---', '## A', '**Interviewer:** q');
    assert.equal(parse(source, 'a/first-name.md').dialogues[0].id, parse(source, 'b/second-name.md').dialogues[0].id);
  });

  it('refuses an id outside the id alphabet, and falls back to the file name', () => {
    const result = parse(md('---', 'id: Not An Id', '---', '## A', '**Interviewer:** q'));
    assert.equal(withSeverity(result, 'error').length, 1);
    assert.equal(result.dialogues[0].id, 'test/a');
  });
});

describe('docs/dialogue-format.md and the parser agree', () => {
  const doc = readFileSync(path.join(REPO, 'docs', 'dialogue-format.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `(\w+)` \| (both|front matter) \|/gm)].map((m) => [m[1], m[2]] as const);

  it('lists every metadata key the parser knows, each where it works', () => {
    assert.deepEqual(rows.map(([key]) => key).sort(), [...FILE_KEYS].sort());
    for (const [key, where] of rows) {
      assert.equal(FILE_KEYS.includes(key as never), true, `${key} in front matter`);
      assert.equal(DIALOGUE_KEYS.includes(key as never), where === 'both', `${key} under a dialogue`);
    }
  });

  it('accepts each key in each place the table gives, with an example value', () => {
    const examples: Record<string, string> = { topic: 'Caching', level: 'staff', tags: 'a, b', time: '5 min', id: 'my-id', kind: 'mock', speakers: '{ interviewer: [Dana] }' };
    for (const [key, where] of rows) {
      assertNoDiagnostics(parse(md('---', `${key}: ${examples[key]}`, '---', '## A', '**Interviewer:** q')));
      if (where === 'both') assertNoDiagnostics(parse(md('## A', `- **${key[0].toUpperCase()}${key.slice(1)}:** ${examples[key]}`, '**Interviewer:** q')));
    }
  });
});
