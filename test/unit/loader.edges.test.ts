import assert from 'node:assert/strict';
import { firstInvalidUtf8Byte, oversizeProblem } from '../../src/core/load';

const hex = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * The offset an independent reader gives: the platform's UTF-8 decoder (WHATWG, the same rules as RFC 3629) shows the
 * first byte sequence that is not a well-formed character as U+FFFD, so the good bytes are those of the text before
 * it. Only for bytes that do not spell U+FFFD themselves (EF BF BD).
 */
function decoderOffset(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return bad < 0 ? bytes.length : new TextEncoder().encode(text.slice(0, bad)).length;
}

describe('firstInvalidUtf8Byte: where a file stops being UTF-8', () => {
  const cases: [string, number[], number][] = [
    ['plain ASCII up to DEL', [0x41, 0x7f], 2],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong two-byte sequence (C0, C1)', [0xc1, 0xbf], 0],
    ['the first and last two-byte characters', [0xc2, 0x80, 0xdf, 0xbf], 4],
    ['a two-byte lead without its continuation', [0xdf, 0x41], 0],
    ['an overlong three-byte sequence', [0xe0, 0x9f, 0xbf], 0],
    ['the first three-byte character after the overlongs', [0xe0, 0xa0, 0x80], 3],
    ['the three-byte leads E1 to EC', [0xe1, 0x80, 0x80, 0xec, 0xbf, 0xbf], 6],
    ['the last character before the surrogates', [0xed, 0x9f, 0xbf], 3],
    ['an encoded surrogate (U+D800)', [0xed, 0xa0, 0x80], 0],
    ['the three-byte leads EE and EF', [0xee, 0x80, 0x80, 0xef, 0xbf, 0xbf], 6],
    ['a three-byte character whose third byte is not a continuation', [0xef, 0xbf, 0x41], 0],
    ['an overlong four-byte sequence', [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ['the first four-byte character', [0xf0, 0x90, 0x80, 0x80], 4],
    ['the four-byte leads F1 to F3', [0xf1, 0x80, 0x80, 0x80, 0xf3, 0xbf, 0xbf, 0xbf], 8],
    ['the last character, U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], 4],
    ['a character past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['the leads F5 to FF', [0x41, 0xf5, 0x80, 0x80, 0x80], 1],
    ['a four-byte character cut off at the end', [0x41, 0xf0, 0x9f, 0x8e], 1],
  ];
  for (const [what, bytes, offset] of cases) {
    it(`${what}: ${hex(bytes)} → ${offset}`, () => {
      assert.equal(firstInvalidUtf8Byte(Uint8Array.from(bytes)), offset);
    });
  }

  // Every lead byte, followed by second bytes at the edges of each lead's range and third and fourth bytes in and out
  // of the continuation range: the offset must be where a strict decoder stops.
  it('agrees with the platform’s UTF-8 decoder on every lead byte and the edges of the continuation ranges', () => {
    const seconds = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0];
    // Third and fourth bytes: both at one edge of the continuation range, or one of them just outside it.
    const tails = [[0x80, 0x80], [0xbf, 0xbf], [0x7f, 0x80], [0xc0, 0xbf], [0x80, 0x7f], [0xbf, 0xc0]];
    const disagreements: string[] = [];
    for (let lead = 0; lead < 0x100; lead++) {
      for (const second of seconds) {
        for (const tail of tails) {
          const bytes = Uint8Array.from([lead, second, ...tail]);
          const found = firstInvalidUtf8Byte(bytes);
          const expected = decoderOffset(bytes);
          if (found !== expected) disagreements.push(`${hex([...bytes])}: ${found}, the decoder ${expected}`);
        }
      }
    }
    assert.deepEqual(disagreements.slice(0, 10), []);
  });
});

describe('oversizeProblem: the message about a file over the size limit', () => {
  it('gives sizes under a megabyte in whole kilobytes, rounded up, and from a megabyte on in megabytes', () => {
    assert.equal(
      oversizeProblem('a.md', 1024 * 1024, 1000).diagnostics[0].message,
      'skipped: the file is 1.0 MB, over the 1 KB limit; split it into smaller files',
    );
    assert.equal(
      oversizeProblem('a.md', 1024 * 1024 - 1, 1025).diagnostics[0].message,
      'skipped: the file is 1024 KB, over the 2 KB limit; split it into smaller files',
    );
  });
});
