import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, compareForDisplay, didYouMean, editDistance, formatDuration, parseDuration, plainText, slugify, truncate, wordCount } from '../../src/core/text';

describe('parseDuration', () => {
  const cases: [string, number][] = [
    ['90s', 90],
    ['5 min', 300],
    ['5min', 300],
    ['1h 15m', 75 * 60],
    ['1h, 15m', 75 * 60],
    ['45 minutes', 45 * 60],
    ['1 minute', 60],
    ['2 hours', 7200],
    ['2 hrs', 7200],
    ['10 secs', 10],
    ['1.5h', 5400],
    ['30', 30 * 60],
    ['2.5', 150],
    ['  25 MIN  ', 25 * 60],
  ];
  for (const [text, seconds] of cases) {
    it(`reads ${JSON.stringify(text)} as ${seconds} s`, () => assert.equal(parseDuration(text), seconds));
  }

  it('returns undefined for anything that is not a duration', () => {
    for (const text of ['', '   ', 'soon', 'five minutes', '5 parsecs', '5 min garbage', 'min', '-5', '-5 min', '1e3', '0 min', '5 min 5 min extra', '10%']) {
      assert.equal(parseDuration(text), undefined, JSON.stringify(text));
    }
  });

  // Regression: a bare `0` (or `0.4s`) gave a zero budget whose timer started in overtime.
  it('never returns a zero duration', () => {
    for (const text of ['0', '0.001', '0.4s', '00']) assert.equal(parseDuration(text), undefined, JSON.stringify(text));
  });

  it('never throws and returns a positive whole number of seconds or undefined (property)', () => {
    const durationish = fc.array(fc.constantFrom('1', '5', '0', '.', '5', ' ', ',', 'h', 'm', 's', 'min', 'minutes', 'hours', 'secs', 'x'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(fc.string(), durationish), (text) => {
      const seconds = parseDuration(text);
      if (seconds !== undefined) assert.ok(Number.isInteger(seconds) && seconds >= 0, `${JSON.stringify(text)} → ${seconds}`);
    }));
  });
});

describe('formatDuration', () => {
  it('prints m:ss, and h:mm:ss from an hour', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(5), '0:05');
    assert.equal(formatDuration(90), '1:30');
    assert.equal(formatDuration(25 * 60), '25:00');
    assert.equal(formatDuration(3600), '1:00:00');
    assert.equal(formatDuration(75 * 60 + 7), '1:15:07');
  });

  it('rounds to whole seconds and never goes negative', () => {
    assert.equal(formatDuration(59.6), '1:00');
    assert.equal(formatDuration(-12), '0:00');
  });

  it('round-trips with parseDuration for whole minutes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 359 }), (minutes) => {
      const [m, s] = formatDuration(minutes * 60).split(':').slice(-2).map(Number);
      const h = minutes >= 60 ? Number(formatDuration(minutes * 60).split(':')[0]) : 0;
      assert.equal(parseDuration(`${h}h ${m}m ${s}s`), minutes * 60);
    }));
  });
});

describe('slugify', () => {
  it('makes lower-case, dash-separated ids', () => {
    assert.equal(slugify('System Design Interview'), 'system-design-interview');
    assert.equal(slugify('  Hello, World!  '), 'hello-world');
    assert.equal(slugify('C++ & Go: a **bold** `take`'), 'c-go-a-bold-take');
    assert.equal(slugify("What's “new”?"), 'whats-new');
  });

  it('keeps non-Latin letters and normalizes compatibility forms', () => {
    assert.equal(slugify('システム設計'), 'システム設計');
    assert.equal(slugify('Проектирование Системы'), 'проектирование-системы');
    assert.equal(slugify('ＡＢＣ ﬁle'), 'abc-file');
  });

  it('falls back to `untitled` and caps the length', () => {
    assert.equal(slugify(''), 'untitled');
    assert.equal(slugify('!!! ??? ...'), 'untitled');
    const long = slugify('word '.repeat(100));
    assert.ok(long.length <= 80);
    assert.ok(!long.endsWith('-'));
  });

  it('only ever yields letters, digits and single inner dashes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const slug = slugify(text);
      assert.match(slug, /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u);
      assert.ok(slug.length <= 80);
      assert.equal(slugify(slug), slug, 'idempotent');
    }));
  });
});

describe('closest and didYouMean', () => {
  it('suggests the closest known word for a typo', () => {
    assert.equal(closest('Interviewr', ['Interviewer', 'Candidate']), 'Interviewer');
    assert.equal(closest('candiate', ['Interviewer', 'Candidate']), 'Candidate');
    assert.equal(closest('topc', ['topic', 'level', 'tags']), 'topic');
    assert.equal(closest('TAGS', ['topic', 'level', 'tags']), 'tags');
  });

  it('suggests nothing when no word is close', () => {
    assert.equal(closest('Moderator', ['Interviewer', 'Candidate']), undefined);
    assert.equal(closest('xyz', ['topic', 'level']), undefined);
    assert.equal(closest('anything', []), undefined);
  });

  it('phrases the suggestion for messages, or gives an empty string', () => {
    assert.equal(didYouMean('senoir', ['junior', 'mid', 'senior']), '; did you mean `senior`?');
    assert.equal(didYouMean('wizard', ['junior', 'mid', 'senior']), '');
  });

  it('counts a swap of neighbouring letters as one edit, so `levle` suggests `level`', () => {
    assert.equal(editDistance('levle', 'level'), 1);
    assert.equal(closest('levle', ['topic', 'level', 'tags', 'time', 'kind']), 'level');
  });

  it('measures edit distance (insertions, deletions, substitutions)', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.ok(editDistance('a'.repeat(100), 'b') > 64, 'long words are never close');
  });

  it('is a symmetric distance (property)', () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(fc.property(word, word, (a, b) => {
      assert.equal(editDistance(a, b), editDistance(b, a));
      assert.equal(editDistance(a, a), 0);
      assert.ok(editDistance(a, b) <= Math.max(a.length, b.length));
    }));
  });
});

describe('plainText, truncate and wordCount', () => {
  it('turns Markdown into one line of text for labels', () => {
    assert.equal(plainText('"How would you **scale** the `cache`?\n\nSee [the docs](https://x.y)."'), 'How would you scale the cache? See the docs.');
    assert.equal(plainText('Before\n```js\ncode();\n```\nafter'), 'Before after');
  });

  it('truncates with an ellipsis only when needed', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('a longer sentence', 9), 'a longer…');
    assert.equal(truncate('a longer sentence', 9).length, 9);
  });

  it('counts words in any script, with apostrophes and hyphens inside words', () => {
    assert.equal(wordCount("It's a well-known trade-off."), 4);
    assert.equal(wordCount('Масштабирование базы данных'), 3);
    assert.equal(wordCount('## - * > ---'), 0);
  });
});

describe('compareForDisplay', () => {
  it('sorts by letters with accents and case set aside, then by code units so equal keys keep one order', () => {
    assert.deepEqual(['Zustand', 'über', 'Uber', 'Tests', 'apple', 'Äpfel', 'B'].sort(compareForDisplay), ['Äpfel', 'apple', 'B', 'Tests', 'Uber', 'über', 'Zustand']);
    assert.equal(compareForDisplay('API', 'api'), -1);
    assert.equal(compareForDisplay('api', 'API'), 1);
    assert.equal(compareForDisplay('same', 'same'), 0);
  });

  it('is a consistent order: antisymmetric, and zero only for equal strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const ab = compareForDisplay(a, b);
      assert.equal(Math.sign(ab) + Math.sign(compareForDisplay(b, a)), 0);
      assert.equal(ab === 0, a === b);
    }));
  });
});
