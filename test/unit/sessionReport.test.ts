import assert from 'node:assert/strict';
import { addFollowUp, endSession, nextQuestion, recordAnswers, type MockSession } from '../../src/core/mock/session';
import { sessionReport, type QuestionReview } from '../../src/core/mock/sessionReport';
import { startSession, PLAIN, STAGED } from './mockFixtures';

const T0 = Date.UTC(2024, 4, 1, 10, 20);
const MIN = 60_000;

function start(dialogue = STAGED, now = T0): MockSession {
  return startSession(dialogue, now);
}

/** Q1 for 9 minutes (with a follow-up), Q2 for 6, Q3 for 3, then the end at 18 minutes. */
function finished(): MockSession {
  let session = start();
  session = addFollowUp(session, T0 + 2 * MIN, 'Which **guarantee** | matters most?');
  session = nextQuestion(session, T0 + 9 * MIN);
  session = nextQuestion(session, T0 + 15 * MIN);
  session = recordAnswers(session, new Map([['q1', 'Users, messages per second, group sizes.'], ['q1.1', 'Ordering per conversation.'], ['q2', 'Gateways.']]));
  return endSession(session, T0 + 18 * MIN);
}

const REVIEW: QuestionReview = {
  keyPoints: [
    { text: 'Ask about scale.', status: 'covered' },
    { text: 'Ask about delivery guarantees.', status: 'partly' },
  ],
  rubric: [{ dimension: 'Scoping | clarity', score: 3, outOf: 4 }, { dimension: 'Estimates', score: 2 }],
  rating: 'Good',
};

describe('session report', () => {
  it("shows each stage's time against its budget, and the stages not reached", () => {
    const report = sessionReport({ session: finished(), reviews: new Map(), now: T0 + 99 * MIN });
    assert.match(report, /^# Mock interview report: Chat system\n\n\*2024-05-01 10:20 UTC · 18:00 of 40:00 \(22:00 under\) · 3 of 6 questions reached\*\n/);
    assert.ok(report.includes([
      '| Stage | Time | Budget | Against budget |',
      '| --- | ---: | ---: | --- |',
      '| 1. Requirements | 9:00 | 8:00 | 1:00 over |',
      '| 2. High-level design | 9:00 | 15:00 | 6:00 under |',
      '| 3. Deep dive | – | 12:00 | not reached |',
      '| 4. Wrap-up | – | 5:00 | not reached |',
      '| **Total** | 18:00 | 40:00 | 22:00 under |',
    ].join('\n')), report);
    assert.match(report, /## Not reached\n\n- Q4 · How do you order messages\?\n- Q5 · What breaks first at ten times the load\?\n- Q6 · What would you like to ask me\?\n/);
  });

  it("shows each question's time, words, key-point checklist, rubric and follow-ups from the review", () => {
    const report = sessionReport({ session: finished(), reviews: new Map([['q1', REVIEW]]), now: T0 });
    assert.ok(report.includes([
      '### Q1 · Design a chat system. What do you ask first?',
      '',
      '*Requirements · 9:00 of 8:00 · 9 words*',
      '',
      'Your rating: Good',
      '',
      'Key points: 1 of 2 covered, 1 partly.',
      '',
      '- [x] Ask about scale.',
      '- [ ] Ask about delivery guarantees. *(partly)*',
      '',
      '| Rubric | Score |',
      '| --- | ---: |',
      '| Scoping \\| clarity | 3 / 4 |',
      '| Estimates | 2 |',
      '',
      'Follow-ups asked:',
      '',
      '- Q1.1 · Which guarantee | matters most?',
    ].join('\n')), report);
  });

  it('lists the key points to check for a question not reviewed yet', () => {
    const report = sessionReport({ session: finished(), reviews: new Map(), now: T0 });
    assert.ok(report.includes('*High-level design · 6:00 of 10:00 · 1 word*\n\nNot reviewed yet. Key points to check:\n\n- [ ] Stateless gateways.\n'), report);
    assert.ok(report.includes('### Q3 · Where does a message wait when the recipient is offline?\n\n*High-level design · 3:00 of 5:00 · 0 words*\n\nNot reviewed yet.\n'), report);
  });

  it('reports a running session up to now, and a one-stage session without stage numbers', () => {
    const report = sessionReport({ session: start(PLAIN), reviews: new Map(), now: T0 + 9 * MIN, when: '1 May, 12:20' });
    assert.match(report, /\*1 May, 12:20 · 9:00 of 9:00 \(on time\) · 1 of 2 questions reached · still running\*/);
    assert.ok(report.includes('| Caching basics | 9:00 | 9:00 | on time |'), report);
  });
});
