import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addFollowUp, allQuestions, nextQuestion, recordAnswers, type MockSession } from '../../src/core/mock/session';
import { interviewerInput } from '../../src/core/mock/interviewerInput';
import { followUpSection, questionSection, sessionDraftHeader, sessionDraftTemplate, splitSessionDraft } from '../../src/core/mock/sessionDraft';
import { md } from './helpers';
import { startSession, dialogueOf, STAGED } from './mockFixtures';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function start(dialogue = STAGED, now = T0): MockSession {
  return startSession(dialogue, now);
}

/** Q1 with a follow-up Q1.1, then Q2: the draft has three sections. */
function threeSections(): MockSession {
  let session = start();
  session = addFollowUp(session, T0 + MIN, 'Which **guarantee** matters most: ordering or delivery?');
  return nextQuestion(session, T0 + 8 * MIN);
}

/** The template with each section's answer written at its end, as a user would. */
function written(session: MockSession, answers: Record<string, string>): string {
  let text = sessionDraftHeader(session);
  for (const q of allQuestions(session).filter((question) => question.startedAtMs !== undefined)) {
    text += questionSection(session, q) + (answers[q.key] ?? '') + '\n';
    for (const f of q.followUps) text += followUpSection(f) + (answers[f.key] ?? '') + '\n';
  }
  return text;
}

describe('session draft', () => {
  describe('template', () => {
    it('holds only the questions reached so far, each under a labelled heading with its stage and budget', () => {
      const session = threeSections();
      const template = sessionDraftTemplate(session);
      assert.match(template, /^# Mock interview: Chat system\n/);
      assert.match(template, /\*4 stages · 40:00 in all\./);
      assert.match(template, /\n## Q1 · Design a chat system\. What do you ask first\?\n\n\*Stage 1: Requirements · 8:00 to answer\*\n/);
      assert.match(template, /\n## Q1\.1 · Which guarantee matters most: ordering or delivery\?\n\n\*Follow-up on Q1\*\n/);
      assert.match(template, /\n## Q2 · Sketch the architecture\.\n\n\*Stage 2: High-level design · 10:00 to answer\*\n/);
      assert.doesNotMatch(template, /Q3|offline/, 'a question not yet asked is not in the draft');
    });

    it('cuts a long prompt in the heading and quotes it in full below', () => {
      const long = 'Walk me through, step by step, how a single message travels from the sender to every recipient device?';
      const session = start(dialogueOf(md('## Long', '> **Interviewer:** "' + long + '"', '>', '> **Candidate:** "Like this."')));
      const section = questionSection(session, allQuestions(session)[0]);
      assert.match(section, /\n## Q1 · Walk me through, step by step, how a single message travels from the…\n/);
      assert.ok(section.includes(`\n> ${long}\n`));
    });
  });

  describe('split', () => {
    it('gives an empty answer per section of an untouched template, and no problems', () => {
      const session = threeSections();
      const split = splitSessionDraft(sessionDraftTemplate(session), session);
      assert.deepEqual([...split.answers], [['q1', ''], ['q1.1', ''], ['q2', '']]);
      assert.deepEqual(split.problems, []);
      assert.equal(split.preamble, '');
    });

    it('returns each answer with its own sub-headings, lists and code, without the template lines', () => {
      const session = threeSections();
      const q2 = md('## API', '', '- `POST /messages`', '', '```', '## Q1 inside code is not a heading', '```', '', '### Data model', 'Messages by conversation.').trimEnd();
      const split = splitSessionDraft(written(session, { q1: 'Scale first.', 'q1.1': 'Ordering, per conversation.', q2 }), session);
      assert.deepEqual([...split.answers], [['q1', 'Scale first.'], ['q1.1', 'Ordering, per conversation.'], ['q2', q2]]);
      assert.deepEqual(split.problems, []);
    });

    it('still finds sections whose headings the user edited a little', () => {
      const session = threeSections();
      const draft = written(session, { q1: 'One.', 'q1.1': 'One point one.', q2: 'Two.' })
        .replace('## Q1 · Design a chat system. What do you ask first?', '### **Q1** – what I would ask')
        .replace('## Q1.1 · Which guarantee', '## Q1 follow-up 1: which guarantee')
        .replace('## Q2 · Sketch', '## question 2: sketch');
      const split = splitSessionDraft(draft.replace(/\n/g, '\r\n'), session);
      assert.deepEqual([...split.answers], [['q1', 'One.'], ['q1.1', 'One point one.'], ['q2', 'Two.']]);
    });

    it('matches a heading whose label was removed by the words of its prompt', () => {
      const session = threeSections();
      const q1 = 'One.\n\n## Sketch\n\nA short sub-heading is not taken for a prompt.';
      const draft = written(session, { q1, q2: 'Two.' }).replace('## Q2 · Sketch the architecture.', '## Sketch the architecture');
      const split = splitSessionDraft(draft, session);
      assert.equal(split.answers.get('q1'), q1);
      assert.equal(split.answers.get('q2'), 'Two.');
    });

    it('does not take a sub-heading for a question whose labelled heading is elsewhere', () => {
      const session = threeSections();
      const q1 = md('Intro.', '', '## Sketch the architecture first', 'Then details.').trimEnd();
      const split = splitSessionDraft(written(session, { q1, q2: 'Two.' }), session);
      assert.equal(split.answers.get('q1'), q1);
      assert.equal(split.answers.get('q2'), 'Two.');
    });

    it('joins a section that appears twice and reports a missing one, losing no text', () => {
      const session = threeSections();
      let draft = written(session, { q1: 'First part.', 'q1.1': 'Follow.', q2: 'Two.' });
      draft = draft.replace(/\n## Q1\.1 · .*\n/, '\n## Not a label any more\n') + '\n## Q1 again\n\nSecond part.\n';
      const split = splitSessionDraft(draft, session);
      assert.equal(split.answers.get('q1')?.startsWith('First part.'), true);
      assert.match(split.answers.get('q1')!, /## Not a label any more[\s\S]*Follow\.\n\nSecond part\.$/);
      assert.equal(split.answers.has('q1.1'), false, 'a missing section gives no answer rather than an empty one');
      assert.deepEqual(split.problems, [
        'There are two Q1 headings; the answers under both were joined. Remove one heading if that is not what you meant.',
        'The heading for Q1.1 was not found, so its answer may be counted under another question. Put back a heading starting with `## Q1.1` above it.',
      ]);
    });

    it('keeps notes written above the first question as the preamble', () => {
      const session = start();
      const draft = sessionDraftTemplate(session).replace('# Mock interview: Chat system\n', '# Mock interview: Chat system\n\nRemember: numbers first.\n');
      assert.equal(splitSessionDraft(draft, session).preamble, 'Remember: numbers first.');
    });

    it('does not let a code block that is never closed hide the sections after it', () => {
      const session = threeSections();
      const split = splitSessionDraft(written(session, { q1: '```js\nconst x = 1;', q2: 'Two.' }), session);
      assert.equal(split.answers.get('q1'), '```js\nconst x = 1;');
      assert.equal(split.answers.get('q2'), 'Two.');
    });

    it('loses no line of any draft: each is a heading, a template line, or in an answer or the preamble (property)', () => {
      const session = threeSections();
      const templateLines = new Set(sessionDraftTemplate(session).split('\n').map((l) => l.trim()));
      const line = fc.oneof(
        fc.constantFrom('## Q1 · edited', '### q2', '## Question 1.1', '## Sketch the architecture', '```', '~~~~', '# Notes', '## Q9', '*Follow-up on Q1*'),
        fc.string({ maxLength: 20 }),
      );
      fc.assert(
        fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
          const draft = sessionDraftTemplate(session) + lines.join('\n');
          const split = splitSessionDraft(draft, session);
          const kept = [split.preamble, ...split.answers.values()].join('\n');
          for (const l of draft.split(/\r?\n/)) {
            if (l.trim() === '' || templateLines.has(l.trim()) || /^ {0,3}#/.test(l)) continue;
            assert.ok(kept.includes(l.trimEnd()), `lost: ${JSON.stringify(l)}`);
          }
        }),
      );
    });

    it('gives back whatever answers were written, for any text without section headings (property)', () => {
      const line = fc.stringMatching(/^[A-Za-z0-9 #*>\-_.:!?éß中]{0,30}$/);
      const answer = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
      const session = threeSections();
      fc.assert(
        fc.property(answer, answer, answer, (q1, f1, q2) => {
          const split = splitSessionDraft(written(session, { q1, 'q1.1': f1, q2 }), session);
          const expected = (text: string) => text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
          assert.deepEqual([...split.answers], [['q1', expected(q1)], ['q1.1', expected(f1)], ['q2', expected(q2)]]);
        }),
      );
    });
  });

  describe('what the interviewer is asked about', () => {
    it('sends the current question with its stage and key points, and the answers so far with the follow-ups', () => {
      let session = start();
      session = addFollowUp(session, T0 + MIN, 'Which guarantee matters most?');
      const { answers } = splitSessionDraft(written(session, { q1: 'Scale first.', 'q1.1': 'Ordering.' }), session);
      const input = interviewerInput(session, answers);
      assert.deepEqual(input.context, {
        dialogueTitle: 'Chat system',
        level: 'senior',
        stageTitle: 'Requirements',
        question: 'Design a chat system. What do you ask first?',
        keyPoints: ['Ask about scale.', 'Ask about delivery guarantees.'],
        previousFollowUps: ['Which guarantee matters most?'],
      });
      assert.equal(input.draft, "Scale first.\n\nFollow-up you asked: Which guarantee matters most?\n\nCandidate's answer:\nOrdering.");
    });

    it('falls back to the answers recorded in the session for sections not found in the draft', () => {
      const session = recordAnswers(start(), new Map([['q1', 'Recorded earlier.']]));
      assert.equal(interviewerInput(session, new Map()).draft, 'Recorded earlier.');
    });
  });
});
