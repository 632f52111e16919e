import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  activeMs, addFollowUp, allQuestions, currentQuestion, endSession, nextQuestion, nextStage, pauseSession, playerView,
  questionSpentMs, readMockSession, recordAnswers, resumeSession, stageSpentMs, startMockSession, takeDueEvents, viewSession,
  type MockSession,
} from '../../src/core/mock/session';
import { md } from './helpers';
import { DEFAULTS, startSession, dialogueOf, PLAIN, STAGED } from './mockFixtures';

const T0 = 1_700_000_000_000;
const SEC = 1000;
const MIN = 60 * SEC;

function start(dialogue = STAGED, now = T0): MockSession {
  return startSession(dialogue, now);
}

/** What a window reload does: the state goes through JSON and comes back through the schema. */
function reload(session: MockSession): MockSession {
  const restored = readMockSession(JSON.parse(JSON.stringify(session)));
  assert.ok(restored, 'the persisted session reads back');
  return restored;
}

describe('mock session', () => {
  describe('start', () => {
    it('runs a staged mock stage by stage, with stage budgets from the stages or else from their questions', () => {
      const session = start();
      assert.deepEqual(session.stages.map((s) => [s.title, s.budgetSeconds / 60, s.questions.map((q) => q.key)]), [
        ['Requirements', 8, ['q1']],
        ['High-level design', 15, ['q2', 'q3']],
        ['Deep dive', 12, ['q4', 'q5']],
        ['Wrap-up', 5, ['q6']],
      ]);
      assert.equal(session.clock.budgetSeconds, 40 * 60);
      assert.equal(session.dialogue.staged, true);
      const first = currentQuestion(session);
      assert.equal(first.prompt, 'Design a chat system. What do you ask first?');
      assert.equal(first.questionId, 'mock-chat#q1');
      assert.deepEqual(first.keyPoints, ['Ask about scale.', 'Ask about delivery guarantees.']);
      assert.equal(first.startedAtMs, 0);
      assert.equal(allQuestions(session)[1].startedAtMs, undefined, 'later questions are not reached yet');
    });

    it('runs any other dialogue as one stage whose budget is the sum of its questions (defaults included)', () => {
      const session = start(PLAIN);
      assert.equal(session.stages.length, 1);
      assert.equal(session.stages[0].title, 'Caching basics');
      assert.equal(session.stages[0].budgetSeconds, 4 * 60 + 5 * 60);
      assert.equal(session.dialogue.staged, false);
      assert.equal(viewSession(session, T0, 0.2).statusText, 'Q1/2 · 09:00 left');
    });

    it('puts questions written before the first stage into an opening stage, and drops stages without questions', () => {
      const dialogue = dialogueOf(md(
        '## Odd mock', '- **Kind:** mock',
        '> **Interviewer:** "Tell me about yourself."', '>', '> **Candidate:** "Briefly."', '**Time:** 2 min',
        '### Notes only', '**Time:** 3 min',
        '### Design', '**Time:** 20 min',
        '> **Interviewer:** "Design it."', '>', '> **Candidate:** "Done."', '**Time:** 20 min',
      ));
      assert.deepEqual(start(dialogue).stages.map((s) => [s.title, s.budgetSeconds / 60]), [['Opening', 2], ['Design', 20]]);
    });

    it('refuses a dialogue without questions and an index entry without texts, saying what to do', () => {
      const noQuestions = dialogueOf(md('## Monologue', '> **Candidate:** "Just me."'));
      const result = startMockSession({ dialogue: noQuestions, defaults: DEFAULTS, now: T0, draftPath: 'x.md' });
      assert.ok('error' in result && /no interviewer turn/.test(result.error));
      const partial = startMockSession({ dialogue: { ...STAGED, partial: true }, defaults: DEFAULTS, now: T0, draftPath: 'x.md' });
      assert.ok('error' in partial && /not fully loaded/.test(partial.error));
    });
  });

  describe('clocks and moving on', () => {
    it('shows the stage and both clocks in the status bar text', () => {
      let session = start();
      assert.equal(viewSession(session, T0, 0.2).statusText, 'Stage 1/4 · 08:00 · 40:00 left');
      session = nextQuestion(session, T0 + 7 * MIN); // into stage 2 after 7 minutes
      const view = viewSession(session, T0 + 7 * MIN + 6 * MIN + 48 * SEC, 0.2);
      assert.equal(view.statusText, 'Stage 2/4 · 08:12 · 26:12 left');
      assert.equal(view.stageTitle, 'High-level design');
      assert.equal(view.questionNumber, 2);
      assert.equal(view.description, 'Mock interview "Chat system", question 2 of 6, stage 2 of 4, High-level design: 08:12 left in the stage, 26:12 left in the interview.');
    });

    it('restarts the stage clock at each stage and records the time spent per question and stage', () => {
      let session = start();
      session = nextQuestion(session, T0 + 9 * MIN); // q1 took 9 min (1 over its stage)
      session = nextQuestion(session, T0 + 20 * MIN); // q2 took 11 min
      assert.equal(stageSpentMs(session, session.stages[0], T0 + 20 * MIN), 9 * MIN);
      assert.equal(stageSpentMs(session, session.stages[1], T0 + 20 * MIN), 11 * MIN, 'the current stage runs on');
      assert.equal(questionSpentMs(session, session.stages[1].questions[0], T0 + 30 * MIN), 11 * MIN, 'a finished question stays fixed');
      assert.equal(questionSpentMs(session, session.stages[1].questions[1], T0 + 21 * MIN), 1 * MIN);
      assert.equal(viewSession(session, T0 + 26 * MIN, 0.2).stage.label, '+02:00', 'stage 2 is 2 minutes over');
    });

    it('skips the rest of a stage with Next Stage; skipped questions are never reached', () => {
      let session = start();
      session = nextQuestion(session, T0 + 8 * MIN);
      session = nextStage(session, T0 + 10 * MIN);
      assert.equal(currentQuestion(session).key, 'q4');
      assert.equal(session.stages[1].questions[1].startedAtMs, undefined);
      assert.equal(session.stages[1].endedAtMs, 10 * MIN);
      assert.equal(viewSession(session, T0 + 10 * MIN, 0.2).statusText, 'Stage 3/4 · 12:00 · 30:00 left');
    });

    it('says what Next does, and does nothing past the last question or stage', () => {
      let session = start();
      assert.equal(viewSession(session, T0, 0.2).next, 'stage');
      session = nextQuestion(session, T0 + MIN);
      assert.equal(viewSession(session, T0 + MIN, 0.2).next, 'question');
      session = nextStage(nextStage(session, T0 + 2 * MIN), T0 + 3 * MIN);
      assert.equal(currentQuestion(session).key, 'q6');
      assert.equal(viewSession(session, T0 + 3 * MIN, 0.2).next, 'end');
      assert.equal(nextQuestion(session, T0 + 4 * MIN), session);
      assert.equal(nextStage(session, T0 + 4 * MIN), session);
    });

    it('stops both clocks while paused, also when moving on to another stage during the pause', () => {
      let session = start();
      session = pauseSession(session, T0 + 2 * MIN);
      assert.equal(viewSession(session, T0 + 50 * MIN, 0.2).statusText, 'Stage 1/4 · 06:00 · 38:00 left · paused');
      session = nextQuestion(session, T0 + 50 * MIN); // moving on while paused
      assert.equal(viewSession(session, T0 + 55 * MIN, 0.2).statusText, 'Stage 2/4 · 15:00 · 38:00 left · paused');
      session = resumeSession(session, T0 + 60 * MIN);
      const view = viewSession(session, T0 + 61 * MIN, 0.2);
      assert.equal(view.statusText, 'Stage 2/4 · 14:00 · 37:00 left');
      assert.equal(stageSpentMs(session, session.stages[0], T0 + 61 * MIN), 2 * MIN, 'the paused time counts for no stage');
      assert.equal(pauseSession(pauseSession(session, T0 + 62 * MIN), T0 + 70 * MIN).clock.pausedAt, T0 + 62 * MIN, 'a second pause keeps the first');
      assert.equal(resumeSession(session, T0 + 62 * MIN), session, 'resuming a running session changes nothing');
    });

    it('ends the interview: the clocks stop there and nothing moves any more', () => {
      let session = start();
      session = nextQuestion(session, T0 + 8 * MIN);
      session = endSession(session, T0 + 12 * MIN + 30 * SEC);
      assert.equal(activeMs(session, T0 + 99 * MIN), 12 * MIN + 30 * SEC);
      assert.equal(session.stages[1].endedAtMs, 12 * MIN + 30 * SEC);
      assert.equal(session.stages[1].questions[0].endedAtMs, 12 * MIN + 30 * SEC);
      const view = viewSession(session, T0 + 99 * MIN, 0.2);
      assert.equal(view.statusText, 'Interview over · 12:30');
      assert.equal(view.ended, true);
      assert.equal(endSession(session, T0 + 100 * MIN), session);
      assert.equal(nextQuestion(session, T0 + 100 * MIN), session);
      assert.equal(pauseSession(session, T0 + 100 * MIN), session);
      assert.equal(addFollowUp(session, T0 + 100 * MIN, 'More?'), session);
    });

    it('labels overtime on both clocks', () => {
      const session = start(PLAIN);
      assert.equal(viewSession(session, T0 + 10 * MIN, 0.2).statusText, 'Q1/2 · +01:00 over');
      const staged = start();
      assert.equal(viewSession(staged, T0 + 41 * MIN, 0.2).statusText, 'Stage 1/4 · +33:00 · +01:00 over');
      assert.equal(viewSession(staged, T0 + 7 * MIN, 0.2).stage.phase, 'warning');
    });
  });

  describe('time-up events', () => {
    it('tells the host once per stage that its time is up, and never moves on by itself', () => {
      let session = start();
      assert.deepEqual(takeDueEvents(session, T0 + 8 * MIN - 1).events, []);
      let due = takeDueEvents(session, T0 + 8 * MIN);
      assert.deepEqual(due.events, [{ type: 'stage-time-up', stageIndex: 0, stageTitle: 'Requirements', next: 'stage' }]);
      session = due.session;
      assert.equal(currentQuestion(session).key, 'q1', 'still on the same question');
      assert.deepEqual(takeDueEvents(session, T0 + 9 * MIN).events, [], 'said once');
      session = nextQuestion(session, T0 + 9 * MIN);
      due = takeDueEvents(session, T0 + 9 * MIN + 15 * MIN);
      assert.deepEqual(due.events, [{ type: 'stage-time-up', stageIndex: 1, stageTitle: 'High-level design', next: 'question' }]);
    });

    it('remembers across a reload that an event was given', () => {
      const due = takeDueEvents(start(), T0 + 8 * MIN);
      assert.equal(due.events.length, 1);
      assert.deepEqual(takeDueEvents(reload(due.session), T0 + 8 * MIN + SEC).events, []);
    });

    it('gives nothing while paused or after the end', () => {
      const paused = pauseSession(start(), T0 + 7 * MIN);
      assert.deepEqual(takeDueEvents(paused, T0 + 60 * MIN).events, []);
      const ended = endSession(start(), T0 + 7 * MIN);
      assert.deepEqual(takeDueEvents(ended, T0 + 60 * MIN).events, []);
    });

    it('says the session time is up once, and then stages stop announcing theirs', () => {
      let session = start(PLAIN); // one stage: stage and session run out together
      let due = takeDueEvents(session, T0 + 9 * MIN);
      assert.deepEqual(due.events, [{ type: 'session-time-up' }], 'one message, not two');
      session = nextQuestion(due.session, T0 + 9 * MIN);
      assert.deepEqual(takeDueEvents(session, T0 + 30 * MIN).events, []);

      let staged = start();
      staged = nextStage(nextStage(nextStage(staged, T0 + MIN), T0 + 2 * MIN), T0 + 3 * MIN); // last stage at 3 min
      due = takeDueEvents(staged, T0 + 40 * MIN);
      assert.deepEqual(due.events, [{ type: 'session-time-up' }]);
      assert.deepEqual(takeDueEvents(due.session, T0 + 41 * MIN).events, []);
    });
  });

  describe('reload', () => {
    it('continues after serialise and parse with the right times, paused or running', () => {
      let session = start();
      session = nextQuestion(session, T0 + 8 * MIN);
      session = pauseSession(session, T0 + 10 * MIN);
      let restored = reload(session);
      assert.deepEqual(restored, session);
      assert.equal(viewSession(restored, T0 + 40 * MIN, 0.2).statusText, 'Stage 2/4 · 13:00 · 30:00 left · paused');
      restored = resumeSession(restored, T0 + 40 * MIN);
      restored = reload(restored);
      assert.equal(viewSession(restored, T0 + 41 * MIN, 0.2).statusText, 'Stage 2/4 · 12:00 · 29:00 left');
      restored = nextQuestion(restored, T0 + 41 * MIN);
      assert.equal(questionSpentMs(restored, restored.stages[1].questions[0], T0 + 50 * MIN), 3 * MIN);
    });

    it('rejects what is not a session instead of continuing with broken state', () => {
      const session = start();
      assert.equal(readMockSession(undefined), undefined);
      assert.equal(readMockSession({ ...session, version: 2 }), undefined);
      assert.equal(readMockSession({ ...session, stageIndex: 9 }), undefined);
      assert.equal(readMockSession({ ...session, questionIndex: 3 }), undefined);
      assert.equal(readMockSession({ ...session, clock: { startedAt: 'yesterday' } }), undefined);
      assert.equal(readMockSession({ ...session, dialogue: { ...session.dialogue, level: 'wizard' } }), undefined);
    });
  });

  describe('follow-ups, answers and the player', () => {
    it('adds follow-ups to the current question with keys for the draft, ignoring blank text', () => {
      let session = nextQuestion(start(), T0 + 8 * MIN);
      session = addFollowUp(session, T0 + 10 * MIN, '  What if a gateway dies?  ');
      session = addFollowUp(session, T0 + 11 * MIN, '   ');
      session = addFollowUp(session, T0 + 12 * MIN, 'And the inbox grows without bound?');
      assert.deepEqual(currentQuestion(session).followUps, [
        { key: 'q2.1', text: 'What if a gateway dies?', askedAtMs: 10 * MIN },
        { key: 'q2.2', text: 'And the inbox grows without bound?', askedAtMs: 12 * MIN },
      ]);
    });

    it('records the answers the host read from the draft, keeping earlier ones for keys not given', () => {
      let session = addFollowUp(start(), T0 + MIN, 'Which guarantee matters most?');
      session = recordAnswers(session, new Map([['q1', 'Scale first.'], ['q1.1', 'At-least-once.']]));
      session = recordAnswers(session, new Map([['q2', 'Later.']]));
      assert.equal(session.stages[0].questions[0].answer, 'Scale first.');
      assert.equal(session.stages[0].questions[0].followUps[0].answer, 'At-least-once.');
      assert.equal(session.stages[1].questions[0].answer, 'Later.');
    });

    it('shows reached prompts one at a time, follow-ups after their question, model answers only after the end', () => {
      let session = start();
      assert.deepEqual(playerView(session).items.map((i) => [i.key, i.current]), [['q1', true]]);
      session = addFollowUp(session, T0 + MIN, 'Which guarantee matters most?');
      session = nextQuestion(session, T0 + 8 * MIN);
      const view = playerView(session);
      assert.deepEqual(view.items.map((i) => [i.key, i.kind, i.stageTitle, i.current]), [
        ['q1', 'question', 'Requirements', false],
        ['q1.1', 'follow-up', 'Requirements', false],
        ['q2', 'question', 'High-level design', true],
      ]);
      assert.equal(view.items[2].text, 'Sketch the architecture.');
      assert.equal(view.items[2].turnIndex, STAGED.questions[1].turnIndex);
      assert.equal(view.revealModelAnswers, false);
      assert.equal(playerView(endSession(session, T0 + 9 * MIN)).revealModelAnswers, true);
    });
  });

  it('keeps the clocks consistent for any sequence of actions (property)', () => {
    type Action = { kind: 'wait'; ms: number } | { kind: 'pause' | 'resume' | 'next' | 'nextStage' | 'end' | 'reload' };
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20 * MIN }) }),
      fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const, 'next' as const, 'nextStage' as const, 'end' as const, 'reload' as const) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let session = start();
        let now = T0;
        let running = 0; // active time counted independently: waits while not paused and not ended
        for (const step of actions) {
          if (step.kind === 'wait') {
            if (!session.ended && session.clock.pausedAt === undefined) running += step.ms;
            now += step.ms;
          } else if (step.kind === 'pause') session = pauseSession(session, now);
          else if (step.kind === 'resume') session = resumeSession(session, now);
          else if (step.kind === 'next') session = nextQuestion(session, now);
          else if (step.kind === 'nextStage') session = nextStage(session, now);
          else if (step.kind === 'end') session = endSession(session, now);
          else session = reload(session);
        }
        assert.equal(activeMs(session, now), running);
        const stageTotal = session.stages.reduce((sum, stage) => sum + stageSpentMs(session, stage, now), 0);
        assert.equal(stageTotal, running, 'the stages share the session time with no gap and no overlap');
        for (const stage of session.stages) {
          const questionTotal = stage.questions.reduce((sum, q) => sum + questionSpentMs(session, q, now), 0);
          assert.equal(questionTotal, stageSpentMs(session, stage, now));
        }
        const view = viewSession(session, now, 0.2);
        assert.equal(view.session.elapsedMs + view.session.remainingMs, session.clock.budgetSeconds * 1000);
      }),
    );
  });
});
