import assert from 'node:assert/strict';
import { closest, editDistance, listOf, parseDuration, plainText, truncate } from '../../src/core/text';

describe('text helpers at their edges', () => {
  it('reads every spelling of the units, decimals, and one second as the shortest budget', () => {
    assert.equal(parseDuration('1 hour'), 3600);
    assert.equal(parseDuration('2 hrs'), 7200);
    assert.equal(parseDuration('1 hr'), 3600);
    assert.equal(parseDuration('3 secs'), 3);
    assert.equal(parseDuration('2 seconds'), 2);
    assert.equal(parseDuration('1.25 min'), 75);
    assert.equal(parseDuration('1.25'), 75);
    assert.equal(parseDuration('1s'), 1);
    assert.equal(parseDuration(''), undefined);
    assert.equal(parseDuration('   '), undefined);
  });

  it('measures words longer than 64 characters by their difference in length only', () => {
    assert.equal(editDistance('a'.repeat(65), 'b'.repeat(60)), 69);
    assert.equal(editDistance('a'.repeat(10), 'b'.repeat(70)), 124);
    assert.equal(editDistance('a'.repeat(64), 'b'.repeat(64)), 64);
  });

  it('allows one edit per three letters, and prefers the first of equally close words', () => {
    assert.equal(closest('abcdefghi', ['abcdefgxy']), 'abcdefgxy');
    assert.equal(closest('abcdefghi', ['abcdefxyz']), 'abcdefxyz');
    assert.equal(closest('abcdefghi', ['abcdewxyz']), undefined);
    assert.equal(closest('cat', ['bat', 'cap']), 'bat');
  });

  it('lists words as code, separated by commas', () => {
    assert.equal(listOf(['easy', 'hard']), '`easy`, `hard`');
    assert.equal(listOf([]), '');
  });

  it('keeps a text of exactly the maximum length, and the indentation of a truncated one', () => {
    assert.equal(truncate('abcde', 5), 'abcde');
    assert.equal(truncate('  indented text', 5), '  in…');
  });

  it('turns code blocks into a space, runs of spaces into one, and keeps quotes inside the text', () => {
    assert.equal(plainText('before```\ncode\n```after'), 'before after');
    assert.equal(plainText('a   b'), 'a b');
    assert.equal(plainText('say "hi" now'), 'say "hi" now');
    assert.equal(plainText('"quoted"'), 'quoted');
  });
});
