// Fitting a draft into a model's input limit: the budget edges, how much is kept, the retries, the fallback
// estimate, and exactly where the middle is cut out.
import assert from 'node:assert/strict';
import { fitDraft, omissionMarker, type DraftTrim, type ModelLimits } from '../../src/core/interviewer/fitDraft';

/** A model whose token counts are scripted, one per call; past the script every text counts as far too long. */
function scripted(maxInputTokens: number, counts: number[]): ModelLimits & { calls: number } {
  const limits = {
    maxInputTokens,
    calls: 0,
    countTokens: async () => {
      const tokens = counts[limits.calls] ?? 1e9;
      limits.calls++;
      return tokens;
    },
  };
  return limits;
}

/** A model that answers every count with `answer` (a value, or a failure). */
function answering(answer: () => Promise<number>): ModelLimits & { calls: number } {
  const limits = {
    maxInputTokens: 100,
    calls: 0,
    countTokens: () => {
      limits.calls++;
      return answer();
    },
  };
  return limits;
}

/** A render that sends the draft alone and records what it was asked to render. */
function recorder(): { render: (draft: string, trim?: DraftTrim) => string; calls: { draft: string; trim?: DraftTrim }[] } {
  const calls: { draft: string; trim?: DraftTrim }[] = [];
  return {
    calls,
    render: (draft, trim) => {
      calls.push(trim ? { draft, trim } : { draft });
      return draft;
    },
  };
}

/** `head`, the marker for `omitted` characters and `tail`, as a trimmed draft is put together. */
const joined = (head: string, omitted: number, tail: string) => `${head}\n\n${omissionMarker(omitted)}\n\n${tail}`;

/**
 * Fits `draft` into a 100-token model (84 usable) with counts scripted so that exactly `keep` of its characters are
 * asked for and the first cut fits.
 */
async function cut(draft: string, keep: number): Promise<{ draft: string; trim?: DraftTrim }> {
  const fixed = 84 - keep;
  const fit = await fitDraft(draft, (text) => text, scripted(100, [fixed + draft.length, fixed, 84]));
  if ('error' in fit) throw new Error(fit.error);
  return { draft: fit.draft, trim: fit.trim };
}

/** 100 letters, no space or line break anywhere. */
const LETTERS = Array.from({ length: 100 }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');
/** 22 letters: the part of a 37-character draft before a cut keeping 25 characters starts its tail. */
const HEAD22 = 'ABCDEFGHIJKLMNOPQRSTUV';

describe('fitting a draft to the model', () => {
  describe('the omission marker', () => {
    it('says how many characters were left out, with thousands separated by commas', () => {
      assert.equal(omissionMarker(1234), '[… 1,234 characters of the draft left out here to fit the model …]');
      assert.equal(omissionMarker(7), '[… 7 characters of the draft left out here to fit the model …]');
    });
  });

  describe('the budget (the limit less max(16, 5%))', () => {
    it('sends a draft untouched when the prompt takes exactly the budget', async () => {
      const { render, calls } = recorder();
      const limits = scripted(100, [84]);
      assert.deepEqual(await fitDraft('Exactly at the budget.', render, limits), { draft: 'Exactly at the budget.', tokens: 84, estimated: false });
      assert.deepEqual(calls, [{ draft: 'Exactly at the budget.' }]);
      assert.equal(limits.calls, 1);
    });

    it('sends a draft untouched when the prompt takes one token less than the budget', async () => {
      assert.deepEqual(await fitDraft('Under.', (text) => text, scripted(100, [83])), { draft: 'Under.', tokens: 83, estimated: false });
    });

    it('keeps 5% free of a large limit: 950 of 1000 tokens are usable, 951 are not', async () => {
      assert.deepEqual(await fitDraft('Fits.', (text) => text, scripted(1000, [950])), { draft: 'Fits.', tokens: 950, estimated: false });
      const over = await fitDraft('Too long.', (text) => text, scripted(1000, [951, 1000]));
      assert.ok('error' in over);
    });

    it('sends an empty draft as it is', async () => {
      assert.deepEqual(await fitDraft('', (text) => `Prompt\n${text}`, scripted(100, [2])), { draft: '', tokens: 2, estimated: false });
    });

    it('trims a draft whose prompt is one token over the budget, measuring the prompt with the whole draft as left out', async () => {
      const { render, calls } = recorder();
      const limits = scripted(100, [85, 83, 84]);
      const fit = await fitDraft(LETTERS, render, limits);
      // keep = 100 * (84 - 83) / (85 - 83) = 50: 20 from the start, 30 from the end.
      const text = joined(LETTERS.slice(0, 20), 50, LETTERS.slice(70));
      assert.deepEqual(fit, { draft: text, trim: { totalChars: 100, omittedChars: 50 }, tokens: 84, estimated: false });
      assert.deepEqual(calls, [
        { draft: LETTERS },
        { draft: omissionMarker(100), trim: { totalChars: 100, omittedChars: 100 } },
        { draft: text, trim: { totalChars: 100, omittedChars: 50 } },
      ]);
      assert.equal(limits.calls, 3);
    });

    it('refuses when the prompt without the draft already takes the whole budget', async () => {
      const limits = scripted(100, [185, 84, 84]);
      const fit = await fitDraft(LETTERS, (text) => text, limits);
      assert.deepEqual(fit, {
        error: 'The question and its key points alone take about 84 tokens, more than this model accepts (100). Choose a model with a larger context in the model picker.',
      });
      assert.equal(limits.calls, 2);
    });
  });

  describe('how much of the draft is kept', () => {
    it('asks for the share of the draft that the room left by the rest of the prompt holds', async () => {
      const { render, calls } = recorder();
      // budget 84, rest of the prompt 4, whole prompt 184: keep floor(100 * 80 / 180) = 44 characters, 17 + 27.
      const fit = await fitDraft(LETTERS, render, scripted(100, [184, 4, 84]));
      const text = joined(LETTERS.slice(0, 17), 56, LETTERS.slice(73));
      assert.deepEqual(fit, { draft: text, trim: { totalChars: 100, omittedChars: 56 }, tokens: 84, estimated: false });
      assert.equal(calls.length, 3);
    });

    it('when a cut still does not fit, shrinks it by what the cut took and a tenth more, then fits', async () => {
      const { render, calls } = recorder();
      // first cut keeps 44 and takes 104 tokens; next keep = floor(44 * 80 / (104 - 4) * 0.9) = 31, 12 + 19.
      const limits = scripted(100, [184, 4, 104, 84]);
      const fit = await fitDraft(LETTERS, render, limits);
      const text = joined(LETTERS.slice(0, 12), 69, LETTERS.slice(81));
      assert.deepEqual(fit, { draft: text, trim: { totalChars: 100, omittedChars: 69 }, tokens: 84, estimated: false });
      assert.deepEqual(calls[2], { draft: joined(LETTERS.slice(0, 17), 56, LETTERS.slice(73)), trim: { totalChars: 100, omittedChars: 56 } });
      assert.equal(limits.calls, 4);
    });

    it('gives up after eight cuts that do not fit', async () => {
      const { render, calls } = recorder();
      const draft = LETTERS + LETTERS;
      // keep starts at floor(200 * 950 / 1000) = 190 and stays above 0 for many more rounds than eight.
      const limits = scripted(1000, [1000, 0, ...Array<number>(8).fill(951)]);
      const fit = await fitDraft(draft, render, limits);
      assert.deepEqual(fit, { error: 'Your draft could not be shortened enough for this model (1000 tokens). Choose a model with a larger context in the model picker.' });
      assert.equal(limits.calls, 10, 'the whole prompt, the prompt without the draft, and eight cuts');
      assert.equal(calls.length, 10);
    });

    it('gives up without sending only a marker when not one character of the draft would fit', async () => {
      const { render, calls } = recorder();
      // keep = floor(10 * 84 / 1000) = 0; the scripted 84 after that would let a draft-less prompt through.
      const limits = scripted(100, [1000, 0, 84]);
      const fit = await fitDraft('abcdefghij', render, limits);
      assert.deepEqual(fit, { error: 'Your draft could not be shortened enough for this model (100 tokens). Choose a model with a larger context in the model picker.' });
      assert.equal(limits.calls, 2);
      assert.equal(calls.length, 2);
    });
  });

  describe('counting tokens', () => {
    it('takes a count of zero from the model as it is', async () => {
      const limits = answering(async () => 0);
      assert.deepEqual(await fitDraft('Seven!!', (text) => text, limits), { draft: 'Seven!!', tokens: 0, estimated: false });
    });

    for (const [what, answer] of [
      ['a negative count', async () => -1],
      ['an infinite count', async () => Number.POSITIVE_INFINITY],
      ['a count that is not a number', async () => Number.NaN],
      ['a failing count', () => Promise.reject(new Error('offline'))],
    ] as const) {
      it(`estimates a character count divided by three, rounded up, on ${what}`, async () => {
        const limits = answering(answer);
        assert.deepEqual(await fitDraft('Seven!!', (text) => text, limits), { draft: 'Seven!!', tokens: 3, estimated: true });
        assert.deepEqual(await fitDraft('Six!!!', (text) => text, answering(answer)), { draft: 'Six!!!', tokens: 2, estimated: true });
        assert.equal(limits.calls, 1);
      });
    }

    it('after a failed count, estimates the rest of the fit without asking the model again', async () => {
      const limits = answering(() => Promise.reject(new Error('offline')));
      // 300 characters estimate to 100 tokens and the marker alone (64 characters) to 22: keep floor(300 * 62 / 78) = 238,
      // which takes 102 tokens; then floor(238 * 62 / 80 * 0.9) = 166, 66 + 100 characters, 234 in all, 78 tokens.
      const fit = await fitDraft(LETTERS.repeat(3), (text) => text, limits);
      assert.deepEqual(fit, {
        draft: joined(LETTERS.slice(0, 66), 134, LETTERS),
        trim: { totalChars: 300, omittedChars: 134 },
        tokens: 78,
        estimated: true,
      });
      assert.equal(limits.calls, 1);
    });
  });

  describe('where the middle is cut out', () => {
    it('keeps 40% from the start and 60% from the end of a draft without spaces', async () => {
      const draft = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
      assert.deepEqual(await cut(draft, 20), {
        draft: 'ABCDEFGH\n\n[… 32 characters of the draft left out here to fit the model …]\n\nopqrstuvwxyz',
        trim: { totalChars: 52, omittedChars: 32 },
      });
    });

    it('ends the start at a space within its last fifth', async () => {
      // 25 kept: the start would end at 10, the space at 9 is within its last fifth.
      assert.deepEqual(await cut('abcdefghi jklmnopqrstuvwxyz0123456789', 25), {
        draft: joined('abcdefghi', 13, 'vwxyz0123456789'),
        trim: { totalChars: 37, omittedChars: 13 },
      });
    });

    it('splits a word at the start rather than go back to a space exactly a fifth or more before its end', async () => {
      assert.deepEqual(await cut('abcdefgh ijklmnopqrstuvwxyz0123456789', 25), {
        draft: joined('abcdefgh i', 12, 'vwxyz0123456789'),
        trim: { totalChars: 37, omittedChars: 12 },
      });
      assert.deepEqual((await cut('abcde fghijklmnopqrstuvwxyz0123456789', 25)).draft, joined('abcde fghi', 12, 'vwxyz0123456789'));
    });

    it('drops the spaces a cut start ends with', async () => {
      assert.deepEqual(await cut('abcdefgh  ijklmnopqrstuvwxyz012345678', 25), {
        draft: joined('abcdefgh', 14, 'uvwxyz012345678'),
        trim: { totalChars: 37, omittedChars: 14 },
      });
    });

    it('keeps the spaces the draft starts with', async () => {
      assert.deepEqual(await cut('  abcdefghijklmnopqrstuvwxyz0123456', 25), {
        draft: joined('  abcdefgh', 10, 'stuvwxyz0123456'),
        trim: { totalChars: 35, omittedChars: 10 },
      });
    });

    it('starts the end after a space less than a fifth into it', async () => {
      // 25 kept: the end would start at 22 with 15 characters; the space at 24 is 2 in, under 15 / 5 = 3.
      assert.deepEqual(await cut(`${HEAD22}ab cdefghijklmn`, 25), {
        draft: joined('ABCDEFGHIJ', 15, 'cdefghijklmn'),
        trim: { totalChars: 37, omittedChars: 15 },
      });
    });

    it('splits a word at the end rather than go forward to a space exactly a fifth or more into it', async () => {
      assert.deepEqual(await cut(`${HEAD22}abc defghijklmn`, 25), {
        draft: joined('ABCDEFGHIJ', 12, 'abc defghijklmn'),
        trim: { totalChars: 37, omittedChars: 12 },
      });
      assert.deepEqual((await cut(`${HEAD22}abcdefgh ijklmn`, 25)).draft, joined('ABCDEFGHIJ', 12, 'abcdefgh ijklmn'));
    });

    it('starts the end after a line break, too', async () => {
      assert.deepEqual((await cut(`${HEAD22}ab\ncdefghijklmn`, 25)).draft, joined('ABCDEFGHIJ', 15, 'cdefghijklmn'));
    });

    it('starts the end after the nearest of a space and a line break', async () => {
      assert.deepEqual((await cut(`${HEAD22} a\nbcdefghijklm`, 25)).draft, joined('ABCDEFGHIJ', 13, 'a\nbcdefghijklm'));
      assert.deepEqual((await cut(`${HEAD22}a\nb cdefghijklm`, 25)).draft, joined('ABCDEFGHIJ', 14, 'b cdefghijklm'));
    });

    it('drops the line breaks a cut end starts with but keeps the one the draft ends with', async () => {
      assert.deepEqual(await cut(`${HEAD22}\n\nabcdefghijkl\n`, 25), {
        draft: joined('ABCDEFGHIJ', 14, 'abcdefghijkl\n'),
        trim: { totalChars: 37, omittedChars: 14 },
      });
    });
  });
});
