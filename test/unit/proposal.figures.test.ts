import assert from 'node:assert/strict';
import { proposeRating } from '../../src/core/review/proposal';

describe('proposeRating: the figures behind a proposal', () => {
  it('returns the rubric mean and the time ratio it judged by, and only those it has', () => {
    const proposal = proposeRating({ keyPoints: ['covered'], rubricScores: { a: 4, b: 3 }, activeSeconds: 90, budgetSeconds: 60 });
    assert.deepEqual([proposal.coverage, proposal.rubricMean, proposal.timeRatio], [1, 3.5, 1.5]);
    const bare = proposeRating({ keyPoints: [] });
    assert.deepEqual(Object.keys(bare).sort(), ['pass', 'rating', 'reason']);
  });

  it('leaves out rubric scores outside 1 to 4', () => {
    const proposal = proposeRating({ keyPoints: [], rubricScores: { a: 0, b: 5, c: 3, d: 4 } });
    assert.equal(proposal.rubricMean, 3.5);
    assert.equal(proposal.rating, 'easy');
  });

  it('has no time ratio without a time, or with a zero budget', () => {
    assert.equal(proposeRating({ keyPoints: ['covered'], budgetSeconds: 60 }).timeRatio, undefined);
    assert.equal(proposeRating({ keyPoints: ['covered'], activeSeconds: 60 }).timeRatio, undefined);
    assert.equal(proposeRating({ keyPoints: ['covered'], activeSeconds: 60, budgetSeconds: 0 }).timeRatio, undefined);
  });
});
