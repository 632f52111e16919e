import assert from 'node:assert/strict';
import { askedFollowUps, followUpDraftSection } from '../../src/core/draft';
import { failureNotice } from '../../src/core/interviewer/failures';
import { addFollowUp, endSession, nextQuestion, pauseSession, recordAnswers, resumeSession, type MockSession } from '../../src/core/mock/session';
import { followUpSection, questionSection, sessionDraftAnswer, sessionDraftHeader } from '../../src/core/mock/sessionDraft';
import { questionReviewOf, readStoredSession, sessionAttemptRecords } from '../../src/core/mock/sessionRecord';
import { currentQuestion } from '../../src/core/mock/session';
import { STAGED, startSession } from './mockFixtures';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

/** Q1 answered with a follow-up, Q2 reached after 9 minutes (1 of them paused), ended at 14 minutes. */
function finished(): MockSession {
  let session = { ...startSession(STAGED, T0), draftPath: 'file:///drafts/mock.md' };
  session = addFollowUp(session, T0 + 2 * MIN, 'Which guarantee matters most?');
  session = pauseSession(session, T0 + 3 * MIN);
  session = resumeSession(session, T0 + 4 * MIN);
  session = recordAnswers(session, new Map([['q1', 'Scale first: how many users, how many messages.'], ['q1.1', 'Delivery, at least once.']]));
  session = nextQuestion(session, T0 + 9 * MIN);
  session = recordAnswers(session, new Map([['q2', 'Gateways and a store.']]));
  return endSession(session, T0 + 14 * MIN);
}

describe('sessionAttemptRecords (a finished interview enters the practice record)', () => {
  it('records one attempt per question reached, with its active time, words and the session draft', () => {
    const records = sessionAttemptRecords(finished(), T0 + 20 * MIN);
    assert.deepEqual(records.map((r) => r.key), ['q1', 'q2'], 'only the questions reached');
    const [q1, q2] = records.map((r) => r.record);
    assert.equal(q1.question, STAGED.questions[0].id);
    assert.equal(q1.activeSeconds, 8 * 60, 'the pause does not count');
    assert.equal(q1.budgetSeconds, 8 * 60);
    assert.equal(q1.overtimeSeconds, 0);
    assert.equal(q1.wordCount, 8 + 4, 'the answer and its follow-up answer');
    assert.equal(q1.draft, 'file:///drafts/mock.md');
    assert.equal(q1.at, T0 + 14 * MIN, 'recorded at the end of the interview, not when written');
    assert.equal(q2.activeSeconds, 5 * 60);
    assert.equal(q2.startedAt, T0 + 8 * MIN);
  });

  it('counts overtime past a question budget', () => {
    let session = startSession(STAGED, T0);
    session = endSession(session, T0 + 10 * MIN);
    const [record] = sessionAttemptRecords(session, T0 + 10 * MIN).map((r) => r.record);
    assert.equal(record.overtimeSeconds, 2 * 60);
  });
});

describe('questionReviewOf (reviews read back for the session report)', () => {
  it('decodes the checklist onto the key points, names the rubric criteria and the rating', () => {
    const review = questionReviewOf({ rating: 'hard', keyPoints: 'cp', rubric: { kind: 'design', scores: { requirements: 3 } } }, ['Ask about scale.', 'Ask about delivery guarantees.']);
    assert.deepEqual(review.keyPoints, [{ text: 'Ask about scale.', status: 'covered' }, { text: 'Ask about delivery guarantees.', status: 'partly' }]);
    assert.equal(review.rating, 'Hard');
    assert.equal(review.rubric?.length, 1);
    assert.equal(review.rubric?.[0].score, 3);
    assert.equal(review.rubric?.[0].outOf, 4);
    assert.notEqual(review.rubric?.[0].dimension, 'requirements', 'the label, not the stored id');
  });

  it('counts key points the review did not mark as missed', () => {
    const review = questionReviewOf({ rating: 'again' }, ['One.', 'Two.']);
    assert.deepEqual(review.keyPoints.map((p) => p.status), ['missed', 'missed']);
    assert.equal(review.rubric, undefined);
  });
});

describe('readStoredSession (a window reload)', () => {
  it('reads back what was stored, ended and finished included', () => {
    const stored = { version: 1 as const, session: finished(), finished: { attempts: [{ key: 'q1', attemptId: 'w.1' }], reportPath: 'file:///r.md', reviewed: 0 } };
    assert.deepEqual(readStoredSession(JSON.parse(JSON.stringify(stored))), stored);
  });

  it('refuses anything else', () => {
    assert.equal(readStoredSession(undefined), undefined);
    assert.equal(readStoredSession({ version: 1, session: { version: 1 } }), undefined);
    assert.equal(readStoredSession({ version: 2, session: finished() }), undefined);
    const broken = finished();
    assert.equal(readStoredSession({ version: 1, session: { ...broken, stageIndex: 99 } }), undefined, 'a current question that does not exist');
  });
});

describe('sessionDraftAnswer (the review shows one question of the session draft)', () => {
  function draft(): { text: string; session: MockSession } {
    let session = startSession(STAGED, T0);
    session = addFollowUp(session, T0 + MIN, 'Which guarantee matters most?');
    session = nextQuestion(session, T0 + 8 * MIN);
    const [q1, q2] = [session.stages[0].questions[0], currentQuestion(session)];
    const text = [
      sessionDraftHeader(session),
      questionSection(session, q1),
      'Scale and delivery.\n\n### My own sub-heading\n\nMore on scale.\n',
      followUpSection(session.stages[0].questions[0].followUps[0]),
      'Delivery, at least once.\n',
      questionSection(session, q2),
      'Gateways.\n',
    ].join('');
    return { text, session };
  }

  it('gives the question’s section with its follow-ups and the user’s sub-headings, without the template lines', () => {
    const { text, session } = draft();
    const answer = sessionDraftAnswer(text, session.stages[0].questions[0].prompt);
    assert.ok(answer?.startsWith('Scale and delivery.'), answer);
    assert.match(answer!, /### My own sub-heading/);
    assert.match(answer!, /## Q1\.1 · Which guarantee matters most\?/);
    assert.match(answer!, /Delivery, at least once\./);
    assert.doesNotMatch(answer!, /Gateways|to answer\*|Follow-up on Q1/);
    assert.equal(sessionDraftAnswer(text, currentQuestion(session).prompt), 'Gateways.');
  });

  it('is undefined for a single answer’s draft or a prompt the draft does not hold', () => {
    const { text } = draft();
    assert.equal(sessionDraftAnswer('# How would you design a cache?\n\n## Answer\n\nLRU.', 'How would you design a cache?'), undefined);
    assert.equal(sessionDraftAnswer(text, 'A question that was never asked in this interview'), undefined);
  });
});

describe('follow-ups in a single answer’s draft', () => {
  it('are added as quoted plain text and read back in order', () => {
    const draft = '# Q\n\nMy answer.\n' + followUpDraftSection('What breaks **first**?', 1) + 'The database.\n' + followUpDraftSection('And then?', 2);
    assert.match(draft, /## Follow-up 1\n\n> What breaks first\?/);
    assert.deepEqual(askedFollowUps(draft), ['What breaks first?', 'And then?']);
  });
});

describe('failureNotice (every failure says what to do next)', () => {
  const notice = (failure: Parameters<typeof failureNotice>[0]) => failureNotice(failure, 'a follow-up', 'Fake Model');

  it('with no model, says how to get one and offers the scripted follow-up', () => {
    const result = notice({ kind: 'no-model' });
    assert.match(result.message, /GitHub Copilot/);
    assert.deepEqual(result.actions, ['scripted', 'how-to-get-a-model']);
  });

  it('maps each LanguageModelError code to its own advice', () => {
    assert.match(notice({ kind: 'error', code: 'NoPermissions', message: '', receivedChars: 0 }).message, /allow it/i);
    assert.match(notice({ kind: 'error', code: 'Blocked', message: '', receivedChars: 0 }).message, /blocked/);
    assert.match(notice({ kind: 'error', code: 'NotFound', message: '', receivedChars: 0 }).message, /no longer available/);
    assert.match(notice({ kind: 'error', code: 'RateLimited', message: 'Too many requests', receivedChars: 0 }).message, /quota or rate limit/);
    assert.match(notice({ kind: 'error', message: 'socket hang up', receivedChars: 0 }).message, /network/);
  });

  it('says a reply that broke off midway was kept', () => {
    assert.match(notice({ kind: 'error', code: 'Blocked', message: '', receivedChars: 12 }).message, /broke off midway: what arrived is kept/);
    assert.doesNotMatch(notice({ kind: 'error', code: 'Blocked', message: '', receivedChars: 0 }).message, /broke off/);
  });

  it('sends nothing and blames nobody when the user refuses or cancels', () => {
    assert.match(notice({ kind: 'consent-refused' }).message, /Nothing was sent/);
    assert.match(notice({ kind: 'cancelled', receivedChars: 0 }).message, /Cancelled/);
  });
});
