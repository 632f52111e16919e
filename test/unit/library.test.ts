import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Library } from '../../src/core/library';
import { md, parse } from './helpers';
import { runs } from './support/mutationRun';

function dialogue(title: string, meta: Record<string, string> = {}, questions = 1): string[] {
  const lines = [`## ${title}`, ...Object.entries(meta).map(([k, v]) => `- **${k}:** ${v}`), ''];
  for (let i = 1; i <= questions; i++) lines.push(`**Interviewer:** ${title} q${i}?`, `**Candidate:** ${title} a${i}.`);
  return [...lines, ''];
}

const designFile = parse(md(
  '---',
  'topic: System design',
  'tags: [caching]',
  '---',
  ...dialogue('URL shortener', { Level: 'senior', Tags: 'caching, hashing' }, 2),
  ...dialogue('News feed', { Level: 'staff', Tags: 'fan-out, caching' }),
  ...dialogue('Chat', { Level: 'mid' }),
  '# Tips',
  'Estimate first.',
), 'dialogues/system-design.md');

const behaviourFile = parse(md(
  ...dialogue('Mentoring juniors', { Topic: 'Leadership', Level: 'senior', Tags: 'mentoring' }),
  ...dialogue('Conflict with a peer', { Topic: 'Collaboration', Level: 'senior', Tags: 'conflict, feedback' }),
  ...dialogue('Hiring', { Topic: 'Leadership', Level: 'principal', Tags: 'hiring' }),
), 'dialogues/behaviour.md');

describe('Library', () => {
  const library = new Library([designFile, behaviourFile]);

  it('holds every dialogue, guidance and diagnostic of every file, in file order', () => {
    assert.deepEqual(library.dialogues.map((d) => d.title), ['URL shortener', 'News feed', 'Chat', 'Mentoring juniors', 'Conflict with a peer', 'Hiring']);
    assert.deepEqual(library.guidance.map((g) => [g.title, g.file]), [['Tips', 'dialogues/system-design.md']]);
    assert.deepEqual(library.diagnostics, []);
  });

  it('groups by topic, topics alphabetical, dialogues in file order within a topic', () => {
    assert.deepEqual(library.topics().map((g) => [g.topic, g.dialogues.map((d) => d.title)]), [
      ['Collaboration', ['Conflict with a peer']],
      ['Leadership', ['Mentoring juniors', 'Hiring']],
      ['System design', ['URL shortener', 'News feed', 'Chat']],
    ]);
  });

  it('orders topics as a reader expects, accents and case set aside, without ICU collation', () => {
    const mixed = new Library([parse(md(
      ...dialogue('One', { Topic: 'Zustand' }),
      ...dialogue('Two', { Topic: 'Überblick' }),
      ...dialogue('Three', { Topic: 'api' }),
      ...dialogue('Four', { Topic: 'Tests' }),
      ...dialogue('Five', { Topic: 'API' }),
    ), 'dialogues/mixed.md')]);
    // localeCompare's first use in a process costs ~15 ms of ICU set-up, on the first click on the Topics view.
    const localeCompare = String.prototype.localeCompare;
    String.prototype.localeCompare = () => {
      throw new Error('localeCompare called');
    };
    try {
      assert.deepEqual(mixed.topics().map((g) => g.topic), ['API', 'api', 'Tests', 'Überblick', 'Zustand']);
    } finally {
      String.prototype.localeCompare = localeCompare;
    }
  });

  it('filters by level and by tag, dropping topics left empty', () => {
    assert.deepEqual(library.topics({ level: 'senior' }).map((g) => [g.topic, g.dialogues.map((d) => d.title)]), [
      ['Collaboration', ['Conflict with a peer']],
      ['Leadership', ['Mentoring juniors']],
      ['System design', ['URL shortener']],
    ]);
    assert.deepEqual(library.topics({ tag: 'caching' }).map((g) => [g.topic, g.dialogues.map((d) => d.title)]), [
      ['System design', ['URL shortener', 'News feed', 'Chat']],
    ]);
    assert.deepEqual(library.topics({ level: 'staff', tag: 'caching' }).flatMap((g) => g.dialogues.map((d) => d.title)), ['News feed']);
    assert.deepEqual(library.topics({ level: 'junior' }), []);
    assert.deepEqual(library.topics({ tag: 'no-such-tag' }), []);
  });

  it('offers the levels that occur (in level order) and the tags by frequency, then name', () => {
    const facets = library.facets();
    assert.deepEqual(facets.levels, ['mid', 'senior', 'staff', 'principal']);
    assert.deepEqual(facets.tags.slice(0, 2), [{ tag: 'caching', count: 3 }, { tag: 'conflict', count: 1 }]);
    assert.deepEqual(facets.tags.map((t) => t.tag), ['caching', 'conflict', 'fan-out', 'feedback', 'hashing', 'hiring', 'mentoring']);
  });

  it('finds dialogues and questions by id', () => {
    const found = library.question('system-design/url-shortener#q2');
    assert.ok(found);
    assert.equal(found.dialogue.title, 'URL shortener');
    assert.equal(found.question.prompt, 'URL shortener q2?');
    assert.equal(library.dialogue('behaviour/hiring')?.level, 'principal');
    assert.equal(library.question('system-design/url-shortener#q3'), undefined);
    assert.equal(library.dialogue('nope'), undefined);
  });
});

describe('Library: ids that collide across files', () => {
  const first = parse(md(...dialogue('Rate limiter', { Id: 'rate-limiter' }, 2)), 'packs/a/limits.md');
  const second = parse(md(...dialogue('Rate limiting again', { Id: 'rate-limiter' }, 2)), 'packs/b/more.md');
  const library = new Library([first, second]);

  it('keeps both dialogues, renames the later one and its questions, and reports an error where it is', () => {
    assert.deepEqual(library.dialogues.map((d) => [d.id, d.title]), [['rate-limiter', 'Rate limiter'], ['rate-limiter-2', 'Rate limiting again']]);
    assert.deepEqual(library.dialogues[1].questions.map((q) => q.id), ['rate-limiter-2#q1', 'rate-limiter-2#q2']);
    assert.deepEqual(library.diagnostics.map((d) => [d.file, d.line, d.column, d.severity]), [['packs/b/more.md', 1, 1, 'error']]);
    assert.match(library.diagnostics[0].message, /`rate-limiter` is already used in packs\/a\/limits\.md:1/);
    assert.match(library.diagnostics[0].message, /rate-limiter-2/);
  });

  it('looks both up by their own ids', () => {
    assert.equal(library.dialogue('rate-limiter')?.file, 'packs/a/limits.md');
    assert.equal(library.dialogue('rate-limiter-2')?.file, 'packs/b/more.md');
    assert.equal(library.question('rate-limiter#q2')?.dialogue.file, 'packs/a/limits.md');
    assert.equal(library.question('rate-limiter-2#q1')?.question.prompt, 'Rate limiting again q1?');
  });

  it('does not touch the parse results it was given', () => {
    assert.equal(second.dialogues[0].id, 'rate-limiter');
    assert.equal(second.dialogues[0].questions[0].id, 'rate-limiter#q1');
  });

  it('derived ids of files with the same name in different folders collide too, and get a free suffix', () => {
    const a = parse(md(...dialogue('Caching')), 'team-a/design.md');
    const b = parse(md(...dialogue('Caching'), ...dialogue('Other', { Id: 'design/caching-2' })), 'team-b/design.md');
    const lib = new Library([a, b]);
    const ids = lib.dialogues.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, `ids unique: ${ids.join(', ')}`);
    assert.equal(lib.diagnostics.filter((d) => d.severity === 'error').length, 2);
  });

  it('always ends with unique dialogue and question ids, whatever ids the files ask for (property)', () => {
    const idChoice = fc.constantFrom('a', 'a-2', 'a-3', 'b', 'x/a', undefined);
    const file = fc.array(fc.tuple(fc.constantFrom('T', 'U', 'V'), idChoice), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(file, { minLength: 1, maxLength: 5 }), (files) => {
      const results = files.map((entries, n) => parse(md(...entries.flatMap(([title, id], i) => dialogue(`${title}${i}`, id ? { Id: id } : {}, 2))), `f${n % 2}/x.md`));
      const lib = new Library(results);
      const ids = lib.dialogues.map((d) => d.id);
      assert.equal(new Set(ids).size, ids.length);
      const questionIds = lib.dialogues.flatMap((d) => d.questions.map((q) => q.id));
      assert.equal(new Set(questionIds).size, questionIds.length);
      for (const d of lib.dialogues) {
        assert.equal(lib.dialogue(d.id), d);
        for (const q of d.questions) {
          assert.ok(q.id.startsWith(`${d.id}#q`));
          assert.equal(lib.question(q.id)?.dialogue, d);
        }
      }
      assert.equal(lib.dialogues.length, results.reduce((n, r) => n + r.dialogues.length, 0), 'no dialogue is dropped');
    }), { numRuns: runs(200) });
  });
});
