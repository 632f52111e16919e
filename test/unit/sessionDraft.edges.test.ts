import assert from 'node:assert/strict';
import { addFollowUp, allQuestions, nextQuestion, type MockSession } from '../../src/core/mock/session';
import { followUpSection, questionSection, sessionDraftAnswer, sessionDraftHeader, splitSessionDraft } from '../../src/core/mock/sessionDraft';
import { md } from './helpers';
import { dialogueOf, PLAIN, STAGED, startSession } from './mockFixtures';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

/** A plain dialogue of one question per prompt, each with a 5-minute budget. */
function plainDialogue(...prompts: string[]) {
  const turns = prompts.flatMap((prompt) => [`> **Interviewer:** "${prompt}"`, '>', '> **Candidate:** "An answer."', '', '**Time:** 5 min', '']);
  return dialogueOf(md('## Edge cases', '', ...turns));
}

/** A session of `plainDialogue(...prompts)` with every question reached. */
function plainSession(...prompts: string[]): MockSession {
  let session = startSession(plainDialogue(...prompts), T0);
  for (let i = 1; i < prompts.length; i++) session = nextQuestion(session, T0 + i * MIN);
  return session;
}

/** The heading of a one-question session's section for `prompt`. */
function headingOf(prompt: string): string {
  const session = plainSession(prompt);
  return questionSection(session, allQuestions(session)[0]).split('\n')[1];
}

/** Q1 with a follow-up Q1.1, then Q2 (the shared fixture of the session draft tests). */
function threeSections(): MockSession {
  let session = startSession(STAGED, T0);
  session = addFollowUp(session, T0 + MIN, 'Which **guarantee** matters most: ordering or delivery?');
  return nextQuestion(session, T0 + 8 * MIN);
}

const HEADER_HINT = '*Write each answer under its heading. Keep the `Q1`, `Q2`… at the start of the headings: they tie your answers to the questions.*';
const LONG_PROMPT = 'Walk me through, step by step, how a single message travels from the sender to every recipient device?';
const LONG_HEADING = 'Walk me through, step by step, how a single message travels from the…';

describe('session draft edges', () => {
  describe('header and sections', () => {
    it('opens a staged session’s draft with its title, stage count, total time and how to keep the labels', () => {
      assert.equal(
        sessionDraftHeader(startSession(STAGED, T0)),
        md('# Mock interview: Chat system', '', '*4 stages · 40:00 in all. Each question appears below when the interviewer asks it.*', '', HEADER_HINT),
      );
    });

    it('opens a plain session’s draft with the total time alone', () => {
      assert.equal(
        sessionDraftHeader(startSession(PLAIN, T0)),
        md('# Mock interview: Caching basics', '', '*9:00 in all. Each question appears below when the interviewer asks it.*', '', HEADER_HINT),
      );
    });

    it('gives a staged question its stage and budget, and a plain one its budget alone, with room below to answer', () => {
      const staged = startSession(STAGED, T0);
      assert.equal(
        questionSection(staged, allQuestions(staged)[0]),
        '\n## Q1 · Design a chat system. What do you ask first?\n\n*Stage 1: Requirements · 8:00 to answer*\n\n\n',
      );
      const plain = startSession(PLAIN, T0);
      assert.equal(questionSection(plain, allQuestions(plain)[0]), '\n## Q1 · When would you not add a cache?\n\n*4:00 to answer*\n\n\n');
    });

    it('quotes a cut prompt in full under its heading, followed by a blank line', () => {
      const session = plainSession(LONG_PROMPT);
      assert.equal(questionSection(session, allQuestions(session)[0]), `\n## Q1 · ${LONG_HEADING}\n\n*5:00 to answer*\n\n> ${LONG_PROMPT}\n\n\n`);
    });

    it('shows a prompt of exactly 72 characters whole in the heading', () => {
      const prompt = 'How would you shard the message store, and what would you shard it by now?';
      const exact = prompt.slice(0, 71) + '?';
      assert.equal(exact.length, 72);
      assert.equal(headingOf(exact), `## Q1 · ${exact}`);
      assert.equal(headingOf(exact + '!'), '## Q1 · How would you shard the message store, and what would you shard it by…');
    });

    it('cuts a prompt mid-word where the last space would keep half the heading or less', () => {
      const url = 'https://example.com/' + 'a'.repeat(80);
      assert.equal(headingOf(`Open ${url} and explain it`), `## Q1 · ${`Open ${url}`.slice(0, 71)}…`);
      // The last space within the heading's 71 characters is the 37th character: exactly half, so not used.
      const halves = `${'x'.repeat(36)} ${'y'.repeat(50)}`;
      assert.equal(headingOf(halves), `## Q1 · ${halves.slice(0, 71)}…`);
    });

    it('drops the punctuation and spaces left before the cut', () => {
      const expected = '## Q1 · Compare these storage options for a chat app’s long message history…';
      assert.equal(headingOf('Compare these storage options for a chat app’s long message history: ,  Postgres, Cassandra or S3'), expected);
      // French puts a space before a colon: both go.
      assert.equal(
        headingOf('Quel stockage pour l’historique des messages d’un chat de groupe : Postgres, Cassandra ou S3 ?'),
        '## Q1 · Quel stockage pour l’historique des messages d’un chat de groupe…',
      );
    });

    it('heads a follow-up whose text has no words as “Follow-up”, and says which question it follows', () => {
      const session = addFollowUp(startSession(STAGED, T0), T0 + MIN, '```\nSELECT 1;\n```');
      assert.equal(followUpSection(allQuestions(session)[0].followUps[0]), '\n## Q1.1 · Follow-up\n\n*Follow-up on Q1*\n\n\n');
    });

    it('says the tenth follow-up follows Q1, not Q1.1', () => {
      let session = startSession(STAGED, T0);
      for (let i = 1; i <= 10; i++) session = addFollowUp(session, T0 + i * 1000, `Follow-up number ${i}?`);
      const tenth = allQuestions(session)[0].followUps[9];
      assert.equal(followUpSection(tenth), '\n## Q1.10 · Follow-up number 10?\n\n*Follow-up on Q1*\n\n\n');
    });
  });

  describe('code blocks in answers', () => {
    /** The answers of a draft whose Q1 answer is `q1` and whose Q2 answer is `Two.`, with the problems found. */
    function splitWith(q1: string): { q1?: string; q2?: string; problems: string[] } {
      const session = plainSession('Design a chat system.', 'Sketch the architecture.');
      const [first, second] = allQuestions(session);
      const draft = sessionDraftHeader(session) + questionSection(session, first) + q1 + '\n' + questionSection(session, second) + 'Two.\n';
      const { answers, problems } = splitSessionDraft(draft, session);
      return { q1: answers.get('q1'), q2: answers.get('q2'), problems };
    }

    it('keeps a fenced code block that contains a Q2 heading inside the answer, and finds the real Q2 after it', () => {
      const q1 = md('```md', 'First line of the block.', '## Q2 · not a heading here', '```', 'After the block.').trimEnd();
      assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] });
    });

    it('does not end a backtick block at a tilde fence', () => {
      const q1 = md('```', '~~~', '## Q2 · still code', '```').trimEnd();
      assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] });
    });

    it('does not end a block at a shorter fence', () => {
      const q1 = md('````', '```', '## Q2 · still code', '````').trimEnd();
      assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] });
    });

    it('does not end a block at a fence with text after it', () => {
      const q1 = md('```', '```js', '## Q2 · still code', '```').trimEnd();
      assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] });
    });

    it('ends a block at a longer fence, and at a closing fence with spaces around it', () => {
      for (const closing of ['````', '```   ', '  ```']) {
        const q1 = md('```', '## Q2 · still code', closing, 'After the block.').trimEnd();
        assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] }, JSON.stringify(closing));
      }
    });

    it('opens no block at a stray fence followed only by fences with an info string', () => {
      const q1 = md('```', 'not closed', '```js', 'not closed either').trimEnd();
      assert.deepEqual(splitWith(q1), { q1, q2: 'Two.', problems: [] });
    });

    it('keeps a code block pasted above the title, heading and all, as the preamble', () => {
      const session = plainSession('Design a chat system.');
      const pasted = md('```', '## Q1 · from another draft', '```').trimEnd();
      const draft = `${pasted}\n${sessionDraftHeader(session)}${questionSection(session, allQuestions(session)[0])}One.\n`;
      const split = splitSessionDraft(draft, session);
      assert.equal(split.preamble, pasted);
      assert.deepEqual([...split.answers], [['q1', 'One.']]);
      assert.deepEqual(split.problems, []);
    });
  });

  describe('headings without their label', () => {
    it('finds a question by a cut heading whose label was removed', () => {
      const session = plainSession('Design a chat system.', LONG_PROMPT);
      const [first, second] = allQuestions(session);
      const draft = sessionDraftHeader(session) + questionSection(session, first) + 'One.\n' + questionSection(session, second).replace('## Q2 · ', '## ') + 'Two.\n';
      const split = splitSessionDraft(draft, session);
      assert.deepEqual([...split.answers], [['q1', 'One.'], ['q2', 'Two.']]);
      assert.deepEqual(split.problems, []);
    });

    it('finds a question by a heading that adds words after the prompt, or changes its punctuation and spacing', () => {
      for (const heading of ['## Sketch the architecture (my notes)', '## Sketch -- the   architecture!']) {
        const session = plainSession('Design a chat system.', 'Sketch the architecture.');
        const [first, second] = allQuestions(session);
        const draft = sessionDraftHeader(session) + questionSection(session, first) + 'One.\n' + questionSection(session, second).replace('## Q2 · Sketch the architecture.', heading) + 'Two.\n';
        assert.deepEqual([...splitSessionDraft(draft, session).answers], [['q1', 'One.'], ['q2', 'Two.']], heading);
      }
    });

    it('finds a question by a heading of 12 characters of words, the shortest that counts', () => {
      const session = plainSession('Design a chat system.', 'Why sharding?');
      const [first, second] = allQuestions(session);
      const draft = sessionDraftHeader(session) + questionSection(session, first) + 'One.\n' + questionSection(session, second).replace('## Q2 · ', '## ') + 'Two.\n';
      const split = splitSessionDraft(draft, session);
      assert.deepEqual([...split.answers], [['q1', 'One.'], ['q2', 'Two.']]);
      assert.deepEqual(split.problems, []);
    });
  });

  describe('template lines and blank lines', () => {
    it('leaves out a template line that the editor indented or gave trailing spaces', () => {
      const session = threeSections();
      const [q1, q2] = [allQuestions(session)[0], allQuestions(session)[1]];
      const draft =
        sessionDraftHeader(session) +
        questionSection(session, q1).replace('*Stage 1: Requirements · 8:00 to answer*', '*Stage 1: Requirements · 8:00 to answer*  ') +
        'One.\n' +
        followUpSection(q1.followUps[0]).replace('*Follow-up on Q1*', '  *Follow-up on Q1*') +
        'One point one.\n' +
        questionSection(session, q2) +
        'Two.\n';
      assert.deepEqual([...splitSessionDraft(draft, session).answers], [['q1', 'One.'], ['q1.1', 'One point one.'], ['q2', 'Two.']]);
    });

    it('keeps the blank line between two paragraphs written right under the heading', () => {
      const session = plainSession('Design a chat system.');
      const draft = sessionDraftHeader(session) + '## Q1 · Design a chat system.\nFirst point.\n\nSecond point.\n';
      assert.deepEqual([...splitSessionDraft(draft, session).answers], [['q1', 'First point.\n\nSecond point.']]);
    });
  });

  describe('one question’s answer for its review', () => {
    /** A session draft of `prompts` (a plain dialogue), each answered with `answers[i]`. */
    function draftOf(prompts: string[], answers: string[]): string {
      const session = plainSession(...prompts);
      return sessionDraftHeader(session) + allQuestions(session).map((q, i) => questionSection(session, q) + answers[i] + '\n').join('');
    }

    it('finds the answer to a long question whose heading was cut, without the quoted prompt', () => {
      const draft = draftOf([LONG_PROMPT, 'Sketch the architecture.'], ['Sender to gateway.\n\nGateway to store.', 'Two.']);
      assert.equal(sessionDraftAnswer(draft, LONG_PROMPT), 'Sender to gateway.\n\nGateway to store.');
    });

    it('leaves out the budget line and the quoted prompt when the editor gave them trailing spaces', () => {
      const draft = draftOf([LONG_PROMPT], ['One.'])
        .replace('*5:00 to answer*', '*5:00 to answer*  ')
        .replace(`> ${LONG_PROMPT}`, `> ${LONG_PROMPT}  `);
      assert.equal(sessionDraftAnswer(draft, LONG_PROMPT), 'One.');
    });

    it('finds a short question by its whole heading', () => {
      const draft = draftOf(['Why Kafka?', 'Sketch the architecture.'], ['Replay.', 'Two.']);
      assert.equal(sessionDraftAnswer(draft, 'Why Kafka?'), 'Replay.');
    });

    it('finds a question whose heading the user shortened to 12 characters of words, not to fewer', () => {
      const draft = draftOf(['Why sharding at all?'], ['Write load.']);
      assert.equal(sessionDraftAnswer(draft.replace('## Q1 · Why sharding at all?', '## Q1 · Why sharding…'), 'Why sharding at all?'), 'Write load.');
      assert.equal(sessionDraftAnswer(draft.replace('## Q1 · Why sharding at all?', '## Q1 · Why shard…'), 'Why sharding at all?'), undefined);
    });

    it('does not take a follow-up that repeats a later question’s words for that question', () => {
      let session = startSession(plainDialogue('Design a chat system.', 'Sketch the architecture.'), T0);
      session = addFollowUp(session, T0 + MIN, 'Sketch the architecture.');
      session = nextQuestion(session, T0 + 2 * MIN);
      const [q1, q2] = allQuestions(session);
      const draft =
        sessionDraftHeader(session) + questionSection(session, q1) + 'One.\n' + followUpSection(q1.followUps[0]) + 'The follow-up’s answer.\n' + questionSection(session, q2) + 'Two.\n';
      assert.equal(sessionDraftAnswer(draft, 'Sketch the architecture.'), 'Two.');
      const spelledOut = draft.replace('## Q1.1 · Sketch', '## Q1 follow-up 1: Sketch');
      assert.equal(sessionDraftAnswer(spelledOut, 'Sketch the architecture.'), 'Two.');
    });

    it('reads only session drafts: a note with the same Q1 heading under another title gives nothing', () => {
      const note = md('# My notes', '', '## Q1 · Design a chat system.', '', 'Copied from the interview.');
      assert.equal(sessionDraftAnswer(note, 'Design a chat system.'), undefined);
      assert.equal(sessionDraftAnswer(note.replace('# My notes', '# Mock interview: Chat'), 'Design a chat system.'), 'Copied from the interview.');
    });
  });
});
