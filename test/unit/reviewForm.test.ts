import assert from 'node:assert/strict';
import { markKeyPoint, newReviewForm, proposal, type ReviewForm, reviewDetails, scoreCriterion, unjudged } from '../../src/core/review/reviewForm';
import { BEHAVIOURAL_RUBRIC, DESIGN_RUBRIC } from '../../src/core/review/rubric';

const KEY_POINTS = ['Hashing scheme', 'Redirect path', 'Analytics'];

function form(overrides: Partial<Omit<ReviewForm, 'marks' | 'scores'>> = {}): ReviewForm {
  return newReviewForm({ questionId: 'url-shortener#q1', attemptId: 'att.1', keyPoints: KEY_POINTS, ...overrides });
}

describe('the review form: checklist, rubric and the rating they propose', () => {
  it('starts with every key point unmarked and no score', () => {
    const start = form({ rubric: DESIGN_RUBRIC });
    assert.deepEqual(start.marks, [undefined, undefined, undefined]);
    assert.deepEqual(start.scores, {});
    assert.deepEqual(unjudged(start), { keyPoints: 3, criteria: DESIGN_RUBRIC.criteria.length });
    assert.deepEqual(unjudged(form()), { keyPoints: 3, criteria: 0 });
  });

  it('marks one key point at a time, changes a mark, and ignores an index outside the list', () => {
    const start = form();
    const one = markKeyPoint(start, 1, 'covered');
    assert.deepEqual(one.marks, [undefined, 'covered', undefined]);
    assert.deepEqual(start.marks, [undefined, undefined, undefined], 'the form before is left as it was');
    assert.deepEqual(markKeyPoint(one, 1, 'partly').marks, [undefined, 'partly', undefined]);
    assert.equal(markKeyPoint(one, 3, 'covered'), one);
    assert.equal(markKeyPoint(one, -1, 'covered'), one);
    assert.deepEqual(markKeyPoint(one, 0, 'missed').marks, ['missed', 'covered', undefined]);
    assert.deepEqual(markKeyPoint(markKeyPoint(one, 0, 'missed'), 2, 'covered').marks, ['missed', 'covered', 'covered']);
    assert.deepEqual(unjudged(markKeyPoint(one, 0, 'missed')), { keyPoints: 1, criteria: 0 });
  });

  it('scores only the criteria of its own rubric', () => {
    const design = form({ rubric: DESIGN_RUBRIC });
    const scored = scoreCriterion(design, 'tradeOffs', 3);
    assert.deepEqual(scored.scores, { tradeOffs: 3 });
    assert.deepEqual(scoreCriterion(scored, 'tradeOffs', 4).scores, { tradeOffs: 4 });
    assert.deepEqual(scoreCriterion(scored, 'requirements', 2).scores, { tradeOffs: 3, requirements: 2 });
    assert.equal(scoreCriterion(scored, 'situation', 4), scored, 'a behavioural criterion is not one of the design rubric');
    assert.deepEqual(scoreCriterion(form(), 'tradeOffs', 4).scores, {}, 'without a rubric nothing is scored');
    assert.deepEqual(unjudged(scored), { keyPoints: 3, criteria: DESIGN_RUBRIC.criteria.length - 1 });
    assert.ok(BEHAVIOURAL_RUBRIC.criteria.some((c) => c.id === 'situation'));
  });

  it('proposes Again while nothing is marked, since an unmarked key point counts as missed', () => {
    const start = form({ activeSeconds: 600, budgetSeconds: 900 });
    assert.equal(proposal(start).rating, 'again');
    assert.equal(proposal(start).coverage, 0);
    const allCovered = [0, 1, 2].reduce((f, i) => markKeyPoint(f, i, 'covered'), start);
    assert.deepEqual([proposal(allCovered).rating, proposal(allCovered).coverage, proposal(allCovered).timeRatio], ['easy', 1, 600 / 900]);
    // Two of three covered, the third left unmarked: 67 %, a narrow pass.
    const twoCovered = markKeyPoint(markKeyPoint(start, 0, 'covered'), 1, 'covered');
    assert.equal(proposal(twoCovered).coverage, 2 / 3);
  });

  it('passes the time and the rubric scores on to the proposal only when they are there', () => {
    const covered = [0, 1, 2].reduce((f, i) => markKeyPoint(f, i, 'covered'), form({ rubric: DESIGN_RUBRIC }));
    assert.equal(proposal(covered).timeRatio, undefined);
    assert.equal(proposal(covered).rubricMean, undefined, 'no score given: no rubric mean');
    const overTime = { ...covered, activeSeconds: 1200, budgetSeconds: 600 };
    assert.deepEqual([proposal(overTime).rating, proposal(overTime).timeRatio], ['hard', 2]);
    const oneMissing = scoreCriterion(covered, 'deepDives', 1);
    assert.deepEqual([proposal(oneMissing).rating, proposal(oneMissing).rubricMean], ['hard', 1]);
    const onlyBudget = { ...covered, budgetSeconds: 600 };
    assert.equal(proposal(onlyBudget).timeRatio, undefined);
  });

  it('records the marks (unmarked as missed), the attempt, the proposal and the rubric scores given', () => {
    const marked = markKeyPoint(markKeyPoint(form({ rubric: DESIGN_RUBRIC }), 0, 'covered'), 2, 'partly');
    assert.deepEqual(reviewDetails(marked, 'hard'), { attempt: 'att.1', proposed: 'hard', keyPoints: ['covered', 'missed', 'partly'] });
    const scored = scoreCriterion(marked, 'communication', 4);
    assert.deepEqual(reviewDetails(scored, 'good'), { attempt: 'att.1', proposed: 'good', keyPoints: ['covered', 'missed', 'partly'], rubric: { kind: 'design', scores: { communication: 4 } } });
    // The recorded scores are a copy: scoring on does not change what was recorded.
    const recorded = reviewDetails(scored, 'good');
    scoreCriterion(scored, 'communication', 2);
    assert.deepEqual(recorded.rubric, { kind: 'design', scores: { communication: 4 } });
  });

  it('records neither key points nor an attempt for a question without them', () => {
    const bare = newReviewForm({ questionId: 'd#q1', keyPoints: [] });
    assert.deepEqual(reviewDetails(bare, 'good'), { proposed: 'good' });
    assert.equal(proposal(bare).rating, 'good');
    assert.equal(proposal(bare).coverage, undefined);
  });
});
