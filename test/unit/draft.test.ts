import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerStartLine, budgetOf, draftFileName, draftTemplate, isDesignQuestion, writtenAnswer, writtenWords } from '../../src/core/draft';
import type { Dialogue } from '../../src/core/model';
import { byTitle, md, parse } from './helpers';

const OUTLINE = ['Requirements', 'API', 'Data model', 'High-level design', 'Bottlenecks and scaling', 'Trade-offs', 'Failure modes'];

const library = parse(md(
  '## Design a URL shortener',
  '**Interviewer:** How would you design a URL shortener?',
  '**Candidate:** a',
  '**Time:** 25 min',
  '**Interviewer:** What breaks first?',
  '**Candidate:** b',
  '',
  '## Mentoring juniors',
  '**Topic:** Leadership',
  '**Interviewer:** How do you mentor junior engineers?',
  '**Candidate:** c',
  '',
  '## Payments platform',
  '**Kind:** mock',
  '**Topic:** Mock interviews',
  '**Interviewer:** Let us start with requirements.',
  '',
  '## Caching strategy',
  '**Topic:** System design',
  '**Interviewer:** Where would you cache?',
));
const design = byTitle(library, 'Design a URL shortener');
const behavioural = byTitle(library, 'Mentoring juniors');
const mock = byTitle(library, 'Payments platform');
const designByTopic = byTitle(library, 'Caching strategy');

/** `## ` headings of a Markdown text. */
function headings(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
}

describe('draftTemplate', () => {
  it('gives a design question the system design outline, in order', () => {
    const template = draftTemplate(design, design.questions[0], 25 * 60);
    const found = headings(template);
    assert.equal(found.length, OUTLINE.length);
    OUTLINE.forEach((heading, i) => assert.ok(found[i].startsWith(heading), `${found[i]} should start with ${heading}`));
    assert.match(found[0], /^Requirements \(functional, non-functional, scale estimates\)$/);
  });

  it('titles the draft with the question and says the dialogue, topic and time to answer', () => {
    const template = draftTemplate(design, design.questions[0], 25 * 60);
    const lines = template.split('\n');
    assert.equal(lines[0], '# How would you design a URL shortener?');
    assert.match(template, /Design a URL shortener · System design · 25:00 to answer/);
  });

  it('gives a behavioural question a single answer section, without the design outline', () => {
    const template = draftTemplate(behavioural, behavioural.questions[0], 5 * 60);
    assert.deepEqual(headings(template), ['Your answer']);
    for (const heading of OUTLINE) assert.ok(!template.includes(`## ${heading}`), heading);
    assert.match(template, /5:00 to answer/);
  });

  it('keeps the outline for full design questions: a short follow-up in a design dialogue gets one section', () => {
    assert.deepEqual(headings(draftTemplate(design, design.questions[0], 8 * 60)), ['Your answer']);
    assert.equal(headings(draftTemplate(design, design.questions[0], 15 * 60)).length, OUTLINE.length);
  });

  it('starts the writing under the first heading', () => {
    const outline = draftTemplate(design, design.questions[0], 25 * 60);
    assert.equal(outline.split('\n')[answerStartLine(outline) - 1], '## Requirements (functional, non-functional, scale estimates)');
    const plain = draftTemplate(behavioural, behavioural.questions[0], 5 * 60);
    assert.equal(plain.split('\n')[answerStartLine(plain) - 1], '## Your answer');
  });

  it('treats mock interviews and design topics as design questions', () => {
    assert.equal(isDesignQuestion(mock), true);
    assert.equal(isDesignQuestion(designByTopic), true);
    assert.equal(isDesignQuestion(design), true);
    assert.equal(isDesignQuestion(behavioural), false);
    assert.equal(headings(draftTemplate(mock, mock.questions[0], 3600)).length, OUTLINE.length);
  });
});

describe('writtenWords', () => {
  const template = draftTemplate(design, design.questions[0], 1500);

  it('counts nothing for the untouched template', () => {
    assert.equal(writtenWords(template, template), 0);
  });

  it('counts only the words the user wrote, not the template headings around them', () => {
    const draft = template.replace('## API\n', '## API\nPOST /urls returns a short code.\n').replace('## Trade-offs\n', '## Trade-offs\n- 301 versus 302\n');
    assert.equal(writtenWords(draft, template), 6 + 3);
  });

  it('counts the same in a CRLF draft, and ignores indentation changes on template lines', () => {
    const draft = (template + 'Shard by key.\n').replace(/\n/g, '\r\n').replace('## API', '   ## API   ');
    assert.equal(writtenWords(draft, template), 3);
  });

  it('counts a template line the user changed', () => {
    const draft = template.replace('## API', '## API and rate limits');
    assert.equal(writtenWords(draft, template), 4);
  });
});

describe('draftFileName', () => {
  const startedAt = Date.UTC(2024, 2, 5, 14, 7, 9, 123);

  it('starts with a sortable UTC time stamp and names the question', () => {
    assert.equal(draftFileName(design.questions[0], startedAt), '2024-03-05T14-07-09Z-how-would-you-design-a-url-shortener.md');
  });

  it('sorts by time', () => {
    const q = design.questions[0];
    const names = [startedAt + 86_400_000, startedAt, startedAt + 1000].map((t) => draftFileName(q, t));
    assert.deepEqual([...names].sort(), [names[1], names[2], names[0]]);
  });

  it('is a safe file name on every platform, whatever the prompt', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 0, max: 4_102_444_800_000 }), (prompt, time) => {
      const question = { ...design.questions[0], prompt };
      const name = draftFileName(question, time);
      assert.match(name, /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-.+\.md$/);
      assert.doesNotMatch(name, /[<>:"/\\|?*]/, `unsafe character in ${JSON.stringify(name)}`);
      assert.ok([...name].every((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f), `control character in ${JSON.stringify(name)}`);
      assert.ok(name.length <= 80, `${name.length} characters`);
      assert.ok(!name.includes('..'));
    }));
  });

  it('keeps non-Latin letters, so questions in other scripts get distinct names', () => {
    const ja = draftFileName({ ...design.questions[0], prompt: 'キャッシュをどこに置きますか?' }, startedAt);
    const ru = draftFileName({ ...design.questions[0], prompt: 'Где вы разместите кэш?' }, startedAt);
    assert.notEqual(ja, ru);
    assert.match(ru, /где-вы-разместите-кэш\.md$/);
  });
});

describe('budgetOf', () => {
  const defaults = { designBudgetSeconds: 30 * 60, otherBudgetSeconds: 5 * 60 };

  it("uses the question's own budget when the file gives one", () => {
    assert.equal(budgetOf(design, design.questions[0], defaults), 25 * 60);
  });

  it('falls back to the design default for design questions and mock interviews', () => {
    assert.equal(budgetOf(design, design.questions[1], defaults), 30 * 60);
    assert.equal(budgetOf(mock, mock.questions[0], defaults), 30 * 60);
  });

  it('falls back to the other default for everything else', () => {
    assert.equal(budgetOf(behavioural, behavioural.questions[0], defaults), 5 * 60);
  });

  it('uses a budget inherited from the dialogue or the file', () => {
    const withFileTime = parse(md('---', 'time: 12 min', '---', '## Mentoring', '**Interviewer:** q')).dialogues[0] as Dialogue;
    assert.equal(budgetOf(withFileTime, withFileTime.questions[0], defaults), 12 * 60);
  });
});

describe('writtenAnswer', () => {
  it('drops the title, the meta line and outline headings left empty, and keeps what was written under the others', () => {
    const draft = ['# Design a cache', '', '*Caching · System design · 30:00 to answer*', '', '## Requirements', '', '', '## API', '', 'GET /items/{id}', '', '## Trade-offs', ''].join('\n');
    assert.equal(writtenAnswer(draft), '## API\n\nGET /items/{id}');
  });

  it('keeps a draft without the template as it is, headings with text under them included', () => {
    assert.equal(writtenAnswer('Plain answer.\n\n## Detail\nMore.'), 'Plain answer.\n\n## Detail\nMore.');
    assert.equal(writtenAnswer(''), '');
  });

  it('keeps a heading followed by a deeper heading with text under it', () => {
    assert.equal(writtenAnswer('## Design\n### Storage\nPostgres.'), '## Design\n### Storage\nPostgres.');
  });
});
