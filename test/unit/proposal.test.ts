import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KeyPointMark } from '../../src/core/history/events';
import type { Dialogue } from '../../src/core/model';
import { coverageOf, proposeRating } from '../../src/core/review/proposal';
import { BEHAVIOURAL_RUBRIC, DESIGN_RUBRIC, RUBRIC_LEVELS, rubricFor } from '../../src/core/review/rubric';

const marks = (letters: string): KeyPointMark[] => [...letters].map((l) => (l === 'c' ? 'covered' : l === 'p' ? 'partly' : 'missed'));
const allThree = { requirements: 3, highLevelDesign: 3, deepDives: 3, tradeOffs: 3, communication: 3 };

describe('proposeRating: key points decide pass or fail', () => {
  it('fails (Again) under 60% coverage, a partly covered point counting half', () => {
    const result = proposeRating({ keyPoints: marks('ccmmm'), activeSeconds: 100, budgetSeconds: 300 });
    assert.equal(result.rating, 'again');
    assert.equal(result.pass, false);
    assert.equal(result.reason, 'Again: 2 of 5 key points covered (40%); a pass needs 60%.');
    assert.equal(proposeRating({ keyPoints: marks('ccpmm') }).rating, 'again', '50%');
    assert.notEqual(proposeRating({ keyPoints: marks('ccppm') }).rating, 'again', '60% passes');
  });

  it('never fails an answer for time or rubric when the key points pass', () => {
    const result = proposeRating({ keyPoints: marks('cccc'), activeSeconds: 3000, budgetSeconds: 300, rubricScores: { requirements: 1, highLevelDesign: 1 } });
    assert.equal(result.pass, true);
    assert.equal(result.rating, 'hard');
    assert.equal(result.reason, 'Hard: 900% over time and a rubric criterion missing.');
  });

  it('passes a narrow coverage as Hard', () => {
    const result = proposeRating({ keyPoints: marks('cccmp'), activeSeconds: 200, budgetSeconds: 300 });
    assert.equal(result.coverage, 0.7);
    assert.equal(result.rating, 'hard');
    assert.equal(result.reason, 'Hard: a narrow pass on the key points (70%).');
  });

  it('makes a pass more than 25% over time Hard, and up to 25% over still Good', () => {
    assert.equal(proposeRating({ keyPoints: marks('cccc'), activeSeconds: 380, budgetSeconds: 300 }).rating, 'hard');
    const good = proposeRating({ keyPoints: marks('cccc'), activeSeconds: 360, budgetSeconds: 300 });
    assert.equal(good.rating, 'good');
    assert.equal(good.reason, 'Good: all 4 key points covered (100%) and 20% over time.');
  });

  it('proposes Easy only when everything known is strong: 90% coverage, within time, rubric 3+ with a 3.5 average', () => {
    const easy = proposeRating({ keyPoints: marks('ccccp'), activeSeconds: 1700, budgetSeconds: 1800, rubricScores: { ...allThree, tradeOffs: 4, communication: 4, deepDives: 4 } });
    assert.equal(easy.rating, 'easy');
    assert.equal(easy.reason, 'Easy: 4 of 5 key points covered, 1 partly (90%), within time and rubric 3.6 of 4.');
    assert.equal(proposeRating({ keyPoints: marks('ccccp'), activeSeconds: 1700, budgetSeconds: 1800, rubricScores: allThree }).rating, 'good', 'rubric average 3');
    assert.equal(proposeRating({ keyPoints: marks('cccpp'), activeSeconds: 100, budgetSeconds: 300 }).rating, 'good', '80% coverage');
    assert.equal(proposeRating({ keyPoints: marks('cccc'), activeSeconds: 301, budgetSeconds: 300 }).rating, 'good', 'a second over');
    assert.equal(proposeRating({ keyPoints: marks('cccc'), activeSeconds: 30, budgetSeconds: 300 }).rating, 'easy');
  });

  it('judges by the rubric when the question has no key points', () => {
    assert.equal(proposeRating({ keyPoints: [], rubricScores: { situation: 2, action: 2, result: 3, reflection: 2 } }).rating, 'again');
    assert.equal(proposeRating({ keyPoints: [], rubricScores: { situation: 3, action: 3, result: 2, reflection: 3 } }).rating, 'good');
    assert.equal(proposeRating({ keyPoints: [], rubricScores: { situation: 4, action: 4, result: 3, reflection: 4 } }).rating, 'easy');
  });

  it('with neither key points nor rubric, proposes Good and asks the user to judge', () => {
    const result = proposeRating({ keyPoints: [], activeSeconds: 100, budgetSeconds: 300 });
    assert.equal(result.rating, 'good');
    assert.match(result.reason, /judge it yourself \(within time\)/);
  });

  it('ignores time when the budget is unknown or zero', () => {
    assert.equal(proposeRating({ keyPoints: marks('cccc'), activeSeconds: 5000, budgetSeconds: 0 }).timeRatio, undefined);
    assert.equal(proposeRating({ keyPoints: marks('cccc'), activeSeconds: 5000 }).rating, 'easy');
  });

  it('for any input: fails exactly below 60% coverage, and more coverage never lowers the rating (property)', () => {
    const order = ['again', 'hard', 'good', 'easy'];
    const mark = fc.constantFrom<KeyPointMark>('covered', 'partly', 'missed');
    const score = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 12 }), fc.nat(12), fc.nat(4000), fc.integer({ min: 1, max: 4000 }), fc.tuple(score, score, score), (points, upgrade, used, budget, scores) => {
        const rubricScores = Object.fromEntries(scores.flatMap((s, i) => (s === undefined ? [] : [[`c${i}`, s]])));
        const result = proposeRating({ keyPoints: points, rubricScores, activeSeconds: used, budgetSeconds: budget });
        assert.equal(result.pass, (coverageOf(points) as number) >= 0.6);
        assert.equal(result.rating === 'again', !result.pass);
        assert.ok(result.reason.length > 0 && !result.reason.includes('\n'));
        const better = points.map((p, i) => (i === upgrade % points.length ? 'covered' : p));
        const improved = proposeRating({ keyPoints: better, rubricScores, activeSeconds: used, budgetSeconds: budget });
        assert.ok(order.indexOf(improved.rating) >= order.indexOf(result.rating));
      }),
    );
  });
});

function dialogue(overrides: Partial<Dialogue>): Dialogue {
  return { id: 'd', title: 'A dialogue', topic: 'Databases', level: 'senior', kind: 'dialogue', tags: [], file: 'f.md', line: 1, turns: [], questions: [], stages: [], keyPoints: [], ...overrides };
}

describe('rubrics', () => {
  it('defines four levels, from missing to trade-offs weighed, and four descriptions per criterion', () => {
    assert.deepEqual(RUBRIC_LEVELS.map((l) => l.label), ['Missing', 'Only when prompted', 'On your own', 'With trade-offs weighed']);
    assert.deepEqual(DESIGN_RUBRIC.criteria.map((c) => c.label), ['Requirements and scope', 'High-level design', 'Deep dives and bottlenecks', 'Trade-offs', 'Communication']);
    assert.deepEqual(BEHAVIOURAL_RUBRIC.criteria.map((c) => c.label), ['Situation', 'Action', 'Result', 'Reflection']);
    for (const criterion of [...DESIGN_RUBRIC.criteria, ...BEHAVIOURAL_RUBRIC.criteria]) assert.ok(criterion.levels.every((text) => text.length > 0));
  });

  it('gives whole design questions the design rubric, and design follow-ups none', () => {
    assert.equal(rubricFor(dialogue({ topic: 'System design' }), 45 * 60), DESIGN_RUBRIC);
    assert.equal(rubricFor(dialogue({ topic: 'Mock interviews', kind: 'mock' }), 20 * 60), DESIGN_RUBRIC);
    assert.equal(rubricFor(dialogue({ topic: 'System design' }), 5 * 60), undefined);
  });

  it('gives leadership, collaboration, career and behavioural-tagged questions the behavioural rubric', () => {
    for (const topic of ['Leadership', 'Collaboration', 'Career']) assert.equal(rubricFor(dialogue({ topic }), 5 * 60), BEHAVIOURAL_RUBRIC, topic);
    assert.equal(rubricFor(dialogue({ tags: ['behavioral'] }), 5 * 60), BEHAVIOURAL_RUBRIC);
    assert.equal(rubricFor(dialogue({ topic: 'Databases' }), 5 * 60), undefined);
  });
});
