import assert from 'node:assert/strict';
import { plural, setPluralLocale } from '../../src/core/plural';

describe('plural: reading the choices', () => {
  afterEach(() => setPluralLocale('en'));

  it('reads forms spread over lines and tabs, and choices written without spaces', () => {
    assert.equal(plural('{0, plural,\n\tone {# day}\n\tother {# days}\n}', 2), '2 days');
    assert.equal(plural('{0,plural,one {# day} other {# days}}', 1), '1 day');
    assert.equal(plural('{0, plural, one{# day} other{# days}}', 3), '3 days');
  });

  it('reads argument indexes and exact forms of more than one digit', () => {
    const args = Array.from({ length: 12 }, (_, i) => i);
    assert.equal(plural('{11, plural, =11 {eleven} other {# things}}', ...args), 'eleven');
    assert.equal(plural('{0, plural, =12 {a dozen} =1 {one} other {#}}', 12), 'a dozen');
  });

  it('keeps braces before a choice and after the last one as they are', () => {
    assert.equal(plural('{x} and {0, plural, one {# item} other {# items}}', 2), '{x} and 2 items');
    assert.equal(plural('{0, plural, one {# item} other {# items}} in {set}', 1), '1 item in {set}');
    assert.equal(plural('ends with {', 1), 'ends with {');
  });

  it('keeps a choice it cannot read as it is: no forms, a form never closed, text before the keyword', () => {
    assert.equal(plural('{0, plural, }', 1), '{0, plural, }');
    assert.equal(plural('{0, plural, one {# item', 1), '{0, plural, one {# item');
    assert.equal(plural('x{0, plural, one {a} other {b}', 1), 'x{0, plural, one {a} other {b}');
    assert.equal(plural('{ 0, plural, one {a} other {b}}', 1), '{ 0, plural, one {a} other {b}}');
    assert.equal(plural('{0, plural, one {a} xother {b}}', 2), '{0, plural, one {a} xother {b}}');
  });

  it('falls back to English rules for a display language it does not know', () => {
    setPluralLocale('pl');
    assert.equal(plural('{0, plural, one {#} few {# few} many {# many} other {# other}}', 5), '5 many');
    setPluralLocale('not a language!');
    assert.equal(plural('{0, plural, one {#} few {# few} many {# many} other {# other}}', 5), '5 other');
  });
});
