import assert from 'node:assert/strict';
import { globMatcher } from '../../src/core/glob';

/** Braces, escapes and sets at their edges, and paths written untidily. */
describe('globMatcher: braces, escapes and sets', () => {
  const cases: [string, string, boolean][] = [
    // A brace with one alternative, or without its `}`, is a literal.
    ['{a}.md', '{a}.md', true],
    ['{a}.md', 'a.md', false],
    ['{a,b.md', '{a,b.md', true],
    ['{a,b.md', 'a.md', false],
    // An escaped brace or comma is a literal, inside braces too.
    ['\\{a,b}.md', '{a,b}.md', true],
    ['\\{a,b}.md', 'a.md', false],
    ['{a\\,b,c}.md', 'a,b.md', true],
    ['{a\\,b,c}.md', 'c.md', true],
    ['{a\\,b,c}.md', 'b.md', false],
    ['{a\\},b}.md', 'a}.md', true],
    ['{a\\},b}.md', 'b.md', true],
    ['{a\\{,b}.md', 'a{.md', true],
    // Nested braces split only at their own level.
    ['{x,{y,z}w}.md', 'zw.md', true],
    ['{x,{y,z}w}.md', 'x.md', true],
    ['{x,{y,z}w}.md', 'w.md', false],
    ['{x,{y,z}w}.md', 'z.md', false],
    ['{{a,b},c}d.md', 'bd.md', true],
    ['{{a,b},c}d.md', 'cd.md', true],
    // Escapes in sets and ranges.
    ['[\\]]x.md', ']x.md', true],
    ['[\\]]x.md', '\\x.md', false],
    ['[\\!a]x.md', '!x.md', true],
    ['[a-\\c]x.md', 'bx.md', true],
    ['[a-\\c]x.md', 'dx.md', false],
    ['[\\a-c]x.md', 'bx.md', true],
    ['[a-]x.md', '-x.md', true],
    ['[a-]x.md', 'bx.md', false],
    ['[^abc]x.md', 'dx.md', true],
    ['[^abc]x.md', 'bx.md', false],
    // A pattern with `/` matches the folder itself as well as what is inside it.
    ['archive/**', 'archive', true],
    ['notes/old', 'notes/old', true],
    // Empty and `.` folders in the path do not count.
    ['notes/old', 'notes/./old/x.md', true],
    ['notes/old', 'notes//old/x.md', true],
    ['notes/old', './notes/old', true],
    ['././notes/old/', 'notes/old/x.md', true],
    ['//notes/old//', 'notes/old/x.md', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${file} with ${JSON.stringify(pattern)}`, () => {
      assert.equal(globMatcher([pattern])(file), expected);
    });
  }

  it('trims the patterns, and matches when any of several patterns does', () => {
    const excluded = globMatcher(['  drafts  ', 'README.md']);
    assert.equal(excluded('a/drafts/x.md'), true);
    assert.equal(excluded('README.md'), true);
    assert.equal(excluded('a/notes.md'), false);
  });

  it('cuts the alternatives of a pattern at 64, keeping the first', () => {
    const excluded = globMatcher(['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.md']); // 128 alternatives
    assert.equal(excluded('abbbbbb.md'), true);
    assert.equal(excluded('baaaaaa.md'), false);
  });
});
