import assert from 'node:assert/strict';
import { plural, setPluralLocale } from '../../src/core/plural';

describe('plural (forms chosen by the translation)', () => {
  afterEach(() => setPluralLocale('en'));

  it('picks the form the display language\'s rules ask for, with # as the number', () => {
    const text = '{0, plural, one {# question} other {# questions}} due';
    assert.equal(plural(text, 1), '1 question due');
    assert.equal(plural(text, 0), '0 questions due');
    assert.equal(plural(text, 7), '7 questions due');
  });

  it('uses exact forms first, and the rules of another language when set (Polish has few and many)', () => {
    assert.equal(plural('{0, plural, =0 {none} one {# left} other {# left}}', 0), 'none');
    setPluralLocale('pl');
    const polish = '{0, plural, one {# pytanie} few {# pytania} many {# pytań} other {# pytania}}';
    assert.deepEqual([1, 3, 5, 22].map((n) => plural(polish, n)), ['1 pytanie', '3 pytania', '5 pytań', '22 pytania']);
  });

  it('writes # as the display language writes numbers', () => {
    const text = '{0, plural, one {# question} other {# questions}}';
    assert.equal(plural(text, 12345), '12,345 questions');
    setPluralLocale('de');
    assert.equal(plural('{0, plural, one {# Frage} other {# Fragen}}', 12345), '12.345 Fragen');
    assert.deepEqual([999, 1000].map((n) => plural('{0, plural, one {# Frage} other {# Fragen}}', n)), ['999 Fragen', '1.000 Fragen']);
    assert.equal(plural('{0, plural, one {# Monat} other {# Monaten}}', 1.5), '1,5 Monaten');
  });

  it('resolves several choices by their argument index and leaves other braces alone', () => {
    assert.equal(plural('{0, plural, one {# attempt} other {# attempts}}, {1, plural, one {# review} other {# reviews}} {x}', 2, 1), '2 attempts, 1 review {x}');
  });

  it('keeps text it cannot read as it is: no choice, a broken one, a missing number', () => {
    assert.equal(plural('plain {0}'), 'plain {0}');
    assert.equal(plural('{0, plural, one {# a}', 1), '{0, plural, one {# a}');
    assert.equal(plural('{0, plural, one {# a} other {# b}}'), '{0, plural, one {# a} other {# b}}');
    setPluralLocale('not a locale!');
    assert.equal(plural('{0, plural, one {# a} other {# b}}', 2), '2 b');
  });
});
