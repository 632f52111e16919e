// The review's rubrics as the review form and stored reviews use them: stable criterion ids, a hint and four level
// descriptions per criterion, and which questions get which rubric.
import assert from 'node:assert/strict';
import type { Dialogue } from '../../src/core/model';
import { BEHAVIOURAL_RUBRIC, DESIGN_RUBRIC, type Rubric, rubricFor, rubricOfKind } from '../../src/core/review/rubric';

function dialogue(overrides: Partial<Dialogue>): Dialogue {
  return { id: 'd', title: 'A dialogue', topic: 'Databases', level: 'senior', kind: 'dialogue', tags: [], file: 'f.md', line: 1, turns: [], questions: [], stages: [], keyPoints: [], ...overrides };
}

/** What the review form shows of one criterion besides its label. */
function shape(rubric: Rubric): { id: string; hint: boolean; levels: number; distinct: number }[] {
  return rubric.criteria.map((c) => ({ id: c.id, hint: c.hint.trim().length > 0, levels: c.levels.filter((text) => text.trim().length > 0).length, distinct: new Set(c.levels).size }));
}

describe('rubric: criteria as reviews store and the review form shows them', () => {
  it('keys design criteria on the ids stored in reviews, each with a hint and four distinct level descriptions', () => {
    assert.equal(DESIGN_RUBRIC.kind, 'design');
    assert.equal(DESIGN_RUBRIC.title, 'System design');
    assert.deepEqual(shape(DESIGN_RUBRIC), ['requirements', 'highLevelDesign', 'deepDives', 'tradeOffs', 'communication'].map((id) => ({ id, hint: true, levels: 4, distinct: 4 })));
  });

  it('keys behavioural criteria on the ids stored in reviews, each with a hint and four distinct level descriptions', () => {
    assert.equal(BEHAVIOURAL_RUBRIC.kind, 'behavioural');
    assert.equal(BEHAVIOURAL_RUBRIC.title, 'Behavioural');
    assert.deepEqual(shape(BEHAVIOURAL_RUBRIC), ['situation', 'action', 'result', 'reflection'].map((id) => ({ id, hint: true, levels: 4, distinct: 4 })));
  });

  it('describes the levels of a criterion lowest first, from missing to weighed', () => {
    const requirements = DESIGN_RUBRIC.criteria[0];
    assert.equal(requirements.hint, 'Functional and non-functional requirements, scale estimates, what is in and out of scope.');
    assert.equal(requirements.levels[0], 'Went straight to a solution.');
    assert.equal(requirements.levels[3], 'Scoped deliberately: said what is left out and why, and how the numbers drive the design.');
    const result = BEHAVIOURAL_RUBRIC.criteria[2];
    assert.deepEqual([result.levels[0], result.levels[2]], ['No outcome.', 'A concrete outcome, measured where possible.']);
  });

  it('finds a stored review’s rubric again by its kind', () => {
    assert.equal(rubricOfKind('design'), DESIGN_RUBRIC);
    assert.equal(rubricOfKind('behavioural'), BEHAVIOURAL_RUBRIC);
  });
});

describe('rubric: a `behavioural` tag', () => {
  it('gives the behavioural rubric for the whole tag, either spelling, any case', () => {
    for (const tag of ['behavioural', 'behavioral', 'Behavioural', 'BEHAVIORAL']) assert.equal(rubricFor(dialogue({ tags: ['sql', tag] }), 5 * 60), BEHAVIOURAL_RUBRIC, tag);
  });

  it('does not match tags that only contain the word', () => {
    for (const tag of ['non-behavioural', 'behavioural-lite', 'behaviourals', 'behavour']) assert.equal(rubricFor(dialogue({ tags: [tag] }), 5 * 60), undefined, tag);
  });
});
