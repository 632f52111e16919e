import assert from 'node:assert/strict';
import { nextQuestion, recordAnswers, type MockSession } from '../../src/core/mock/session';
import { escapeTurnText, noAnswer, sessionTranscript } from '../../src/core/mock/transcript';
import { parseDialogueFile } from '../../src/core/parser';
import { md } from './helpers';
import { dialogueOf, PLAIN, startSession } from './mockFixtures';

const T0 = Date.UTC(2024, 4, 1, 10, 20, 30);
const MIN = 60_000;

/** A session of `dialogue` with every question reached, answers recorded for the keys given. */
function reachedAll(dialogue = PLAIN, answers: Record<string, string> = {}): MockSession {
  let session = startSession(dialogue, T0);
  const count = session.stages.reduce((sum, stage) => sum + stage.questions.length, 0);
  for (let i = 1; i < count; i++) session = nextQuestion(session, T0 + i * MIN);
  return recordAnswers(session, new Map(Object.entries(answers)));
}

function readBack(transcript: string) {
  const result = parseDialogueFile(transcript, '/home/me/.interview/sessions/chat.md');
  assert.deepEqual(result.diagnostics, [], 'the transcript reads back without a single diagnostic');
  assert.equal(result.dialogues.length, 1);
  return result.dialogues[0];
}

/** A plain dialogue of one question per `[prompt, time]`. */
function plainOf(title: string, ...questions: [string, string][]) {
  return dialogueOf(md(`## ${title}`, '', ...questions.flatMap(([prompt, time]) => [`> **Interviewer:** "${prompt}"`, '>', '> **Candidate:** "An answer."', '', `**Time:** ${time}`, ''])));
}

describe('session transcript edges', () => {
  it('writes a plain session as a complete file: front matter, intro, metadata without tags, and each turn as its own quote', () => {
    const session = reachedAll(PLAIN, { q1: 'Not when writes dominate.\n\nOr when stale data hurts.' });
    assert.equal(
      sessionTranscript(session),
      md(
        '---',
        'kind: mock',
        '---',
        '',
        '# Mock interview sessions',
        '',
        'Transcripts of your own mock interviews. The candidate turns are your answers, not model answers.',
        '',
        '## Caching basics (session of 2024-05-01 10:20 UTC)',
        '',
        '- **Level:** senior',
        '- **Topic:** Performance',
        '- **Id:** test-caching-basics-session-20240501-1020',
        '',
        'Your answers to 2 of 2 questions of "Caching basics", with the follow-ups you were asked.',
        '',
        '### Caching basics',
        '',
        '**Time:** 9 min',
        '',
        '> **Interviewer:** When would you not add a cache?',
        '',
        '> **Candidate:** Not when writes dominate.',
        '>',
        '> Or when stale data hurts.',
        '',
        '**Time:** 4 min',
        '',
        '> **Interviewer:** How do you invalidate?',
        '',
        `> **Candidate:** ${noAnswer()}`,
        '',
        '**Time:** 5 min',
      ),
    );
  });

  it('says so where the user wrote no answer, or only white space', () => {
    assert.equal(noAnswer(), '*(No answer written.)*');
    const dialogue = readBack(sessionTranscript(reachedAll(PLAIN, { q1: '  \n\t\n ' })));
    assert.deepEqual(dialogue.turns.map((t) => t.text), ['When would you not add a cache?', '*(No answer written.)*', 'How do you invalidate?', '*(No answer written.)*']);
  });

  it('writes budgets in minutes, minutes and seconds, or seconds, which read back to the same seconds', () => {
    const session = reachedAll(plainOf('Timing', ['First?', '7m 30s'], ['Second?', '45s'], ['Third?', '2 min']));
    const transcript = sessionTranscript(session);
    assert.deepEqual(transcript.split('\n').filter((line) => line.startsWith('**Time:**')), ['**Time:** 10m 15s', '**Time:** 7m 30s', '**Time:** 45s', '**Time:** 2 min']);
    const dialogue = readBack(transcript);
    assert.deepEqual(dialogue.questions.map((q) => q.budgetSeconds), [450, 45, 120]);
    assert.deepEqual(dialogue.stages.map((s) => s.budgetSeconds), [615]);
  });

  it('leaves out the time of a stage longer than six hours, which the format refuses, but keeps one of exactly six', () => {
    const sixHours = reachedAll(plainOf('Marathon', ['First?', '3 h'], ['Second?', '3 h']));
    assert.deepEqual(sessionTranscript(sixHours).split('\n').filter((line) => line.startsWith('**Time:**')), ['**Time:** 360 min', '**Time:** 180 min', '**Time:** 180 min']);
    const longer = reachedAll(plainOf('Ultra', ['First?', '4 h'], ['Second?', '4 h']));
    const transcript = sessionTranscript(longer);
    assert.deepEqual(transcript.split('\n').filter((line) => line.startsWith('**Time:**')), ['**Time:** 240 min', '**Time:** 240 min']);
    assert.deepEqual(readBack(transcript).questions.map((q) => q.budgetSeconds), [14400, 14400]);
  });

  it('gives a dialogue titled in Japanese a transcript id the parser accepts: its letters kept, the long-vowel mark ー (not allowed in ids) a dash', () => {
    const dialogue = plainOf('サーバー設計 2', ['Why?', '5 min']);
    assert.equal(dialogue.id, 'test/サーバー設計-2');
    const transcript = sessionTranscript(reachedAll(dialogue));
    assert.equal(readBack(transcript).id, 'test-サ-バ-設計-2-session-20240501-1020');
  });

  describe('escaping an answer', () => {
    it('is empty for white space alone', () => {
      assert.equal(escapeTurnText(' \r\n\t \n '), '');
    });

    it('replaces NUL, which makes the parser refuse the file, by the replacement character', () => {
      assert.equal(escapeTurnText('a\u0000b'), 'a\uFFFDb');
    });

    it('defuses a label after a code block that follows other text', () => {
      assert.equal(escapeTurnText('Intro.\n```\ncode\n```\n**Time:** after'), 'Intro.\n```\ncode\n```\n**Time&#58;** after');
    });

    it('takes an indented fence, a fence with trailing spaces and a longer fence as the end of a code block, and leaves them as written', () => {
      for (const closing of ['  ```', '```  ', '````']) {
        assert.equal(escapeTurnText(`\`\`\`\ncode\n${closing}\n**Time:** after`), `\`\`\`\ncode\n${closing}\n**Time&#58;** after`, JSON.stringify(closing));
      }
    });
  });
});
