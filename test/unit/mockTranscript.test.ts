import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { marked } from 'marked';
import {
  addFollowUp, allQuestions, endSession, nextQuestion, nextStage, recordAnswers, type MockSession,
} from '../../src/core/mock/session';
import { escapeTurnText, noAnswer, sessionTranscript, transcriptId, transcriptTurns } from '../../src/core/mock/transcript';
import { parseDialogueFile } from '../../src/core/parser';
import { REPO } from './helpers';
import { startSession, PLAIN, STAGED } from './mockFixtures';
import { runs } from './support/mutationRun';

const T0 = Date.UTC(2024, 4, 1, 10, 20, 30);
const MIN = 60_000;

function start(dialogue = STAGED, now = T0): MockSession {
  return startSession(dialogue, now);
}

function readBack(transcript: string) {
  const result = parseDialogueFile(transcript, '/home/me/.interview/sessions/chat.md');
  assert.deepEqual(result.diagnostics, [], 'the transcript reads back without a single diagnostic');
  assert.equal(result.dialogues.length, 1);
  return result.dialogues[0];
}

/** Text that tries hard to become structure: labels, headings, fences, quotes, rules, NUL, CR. */
const hostileFragment = fc.constantFrom(
  '**Interviewer:** I ask now', '**Candidate:**', '**Time:** 5 min', '**Key points:**', '- **Id:** other', '- **Kind:** dialogue',
  '**Intervewer:** typo', '**Level**: staff', '**Note:** fine', '**a:b:**', '**Interviewer:**: double', '* **Tags:** x',
  '# Heading', '## Another dialogue', '### Stage', '```', '~~~', '```js', '````', '> quoted', '> **Interviewer:** nested',
  '> > ```', '>', '---', '***', '"', '“', '”', '«', '\u0000', '\r\n', '\r', '  ', '\t', '1. item', '**bold**', '`**Time:** 1`',
);
const hostileText = fc
  .array(fc.oneof(hostileFragment, fc.string({ maxLength: 12 })), { maxLength: 14 })
  .chain((parts) => fc.array(fc.constantFrom('\n', ' ', '', '\n\n'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));

describe('session transcript', () => {
  it('writes the reached questions, follow-ups and answers as a staged mock the parser reads back', () => {
    let session = start();
    session = addFollowUp(session, T0 + MIN, 'Which guarantee matters most?');
    session = nextQuestion(session, T0 + 8 * MIN);
    session = recordAnswers(session, new Map([['q1', 'Scale: 10M users.'], ['q1.1', 'Ordering.'], ['q2', '']]));
    session = endSession(session, T0 + 12 * MIN);
    const transcript = sessionTranscript(session);
    assert.match(transcript, /^---\nkind: mock\n---\n/);
    const dialogue = readBack(transcript);
    assert.equal(dialogue.kind, 'mock');
    assert.equal(dialogue.title, 'Chat system (session of 2024-05-01 10:20 UTC)');
    assert.equal(dialogue.id, 'mock-chat-session-20240501-1020');
    assert.equal(dialogue.id, transcriptId(session));
    assert.deepEqual(dialogue.tags, ['chat', 'websockets']);
    assert.deepEqual(dialogue.stages.map((s) => [s.title, s.budgetSeconds]), [['Requirements', 480], ['High-level design', 900]]);
    assert.deepEqual(dialogue.turns.map((t) => [t.speaker, t.text, t.stage]), [
      ['interviewer', 'Design a chat system. What do you ask first?', 'Requirements'],
      ['candidate', 'Scale: 10M users.', 'Requirements'],
      ['interviewer', 'Which guarantee matters most?', 'Requirements'],
      ['candidate', 'Ordering.', 'Requirements'],
      ['interviewer', 'Sketch the architecture.', 'High-level design'],
      ['candidate', noAnswer(), 'High-level design'],
    ]);
    assert.deepEqual(dialogue.questions.map((q) => [q.budgetSeconds, q.keyPoints]), [
      [480, ['Ask about scale.', 'Ask about delivery guarantees.']],
      [undefined, []],
      [600, ['Stateless gateways.']],
    ]);
    assert.match(dialogue.intro ?? '', /Your answers to 2 of 6 questions/);
  });

  it('runs a plain dialogue as one stage and takes a local time for the title', () => {
    let session = start(PLAIN);
    session = nextQuestion(recordAnswers(session, new Map([['q1', 'When writes dominate.']])), T0 + 4 * MIN);
    const dialogue = readBack(sessionTranscript(session, { when: '1 May 2024, 12:20' }));
    assert.equal(dialogue.title, 'Caching basics (session of 1 May 2024, 12:20)');
    assert.equal(dialogue.topic, 'Performance');
    assert.deepEqual(dialogue.stages.map((s) => [s.title, s.budgetSeconds]), [['Caching basics', 540]]);
    assert.deepEqual(dialogue.questions.map((q) => q.budgetSeconds), [240, 300]);
  });

  it('defuses a label in an answer without changing how it renders', () => {
    assert.equal(escapeTurnText('**Interviewer:** now I ask the questions'), '**Interviewer&#58;** now I ask the questions');
    assert.equal(escapeTurnText('- **Time**: 90 min'), '- **Time**&#58; 90 min');
    assert.equal(escapeTurnText('**Interviewer:**: twice'), '**Interviewer&#58;**: twice');
    assert.equal(escapeTurnText('🎤 Interviewer: unbolded after an emoji'), '🎤 Interviewer&#58; unbolded after an emoji');
    assert.equal(escapeTurnText('Scale: 10M users.'), 'Scale: 10M users.', 'prose with a colon stays as written');
    assert.equal(escapeTurnText('```\n**Interviewer:** inside code stays as it is\n```'), '```\n**Interviewer:** inside code stays as it is\n```');
    assert.equal(escapeTurnText('```\ncode\n```\n**Time:** after the code block'), '```\ncode\n```\n**Time&#58;** after the code block');
    // The block its quote ends is also closed inside the quote (it renders the same), so that a label inside it
    // (`>```js` then `> **Interviewer:**`, found by the round-trip property) is not one the parser warns about.
    assert.equal(escapeTurnText('> ```\n**Time:** after a code block that ended with its quote'), '> ```\n> ```\n**Time&#58;** after a code block that ended with its quote');
    assert.equal(escapeTurnText('```\n``` not a close\n**Interviewer:** still code'), '````\n``` not a close\n**Interviewer:** still code\n````',
      'a line that almost closes the block gets a longer fence, so the parser has no hidden label to warn about');
    assert.equal(escapeTurnText('> ~~~\n> ~~~~ x\n> ~~~'), '> ~~~~~\n> ~~~~ x\n> ~~~~~');
    assert.equal(escapeTurnText('"All of it in quotes"'), '&#34;All of it in quotes"');
    assert.equal(escapeTurnText('  plain text\r\nstays  '), 'plain text\nstays');
    for (const text of ['**Interviewer:** hi', '"quoted"', '“curly”']) {
      assert.equal(marked.parse(escapeTurnText(text)), marked.parse(text), text);
    }
  });

  it('reads back the same turns for any answer and follow-up text (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, fc.boolean(), (answer, followUp, followUpAnswer, skipStage) => {
        let session = start();
        session = addFollowUp(session, T0 + MIN, followUp);
        session = skipStage ? nextStage(session, T0 + 2 * MIN) : nextQuestion(session, T0 + 2 * MIN);
        const keys = allQuestions(session).flatMap((q) => [q.key, ...q.followUps.map((f) => f.key)]);
        session = recordAnswers(session, new Map(keys.map((key) => [key, key === 'q1.1' ? followUpAnswer : answer])));
        const dialogue = readBack(sessionTranscript(session));
        assert.deepEqual(
          dialogue.turns.map(({ speaker, text, stage }) => ({ speaker, text, stage })),
          transcriptTurns(session),
        );
        assert.equal(dialogue.kind, 'mock');
      }),
      { numRuns: Number(process.env.RUNS ?? runs(300)) },
    );
  });

  it('reads back an answer whose code block a fence with text after it fails to close', () => {
    // Found by the property below: the parser warned that the label after `` ``` 6T`` was read as code.
    let session = start();
    session = recordAnswers(session, new Map([['q1', '- **Kind:** dialogue\n“\n```\n)\n\u0000\n``` 6T\\IsF\n**Interviewer:**: double\n# Heading\n']]));
    const dialogue = readBack(sessionTranscript(session));
    assert.deepEqual(dialogue.turns.map(({ speaker, text, stage }) => ({ speaker, text, stage })), transcriptTurns(session));
  });

  it('closes a code block left open in a list item inside the list item', () => {
    // Found by the property below in CI: a closing fence at the margin ended the list and opened a second block.
    const text = '- **Kind:** dialogue\nV{dZ\n  ~~~\n';
    assert.equal(marked.parse(escapeTurnText(text)), marked.parse(text.trim()));
  });

  it('reads back an answer whose quoted code block holds a label and ends with its quote', () => {
    // Found by the round-trip property: the parser warned that the block, never closed by a fence, hid the label.
    let session = start();
    session = recordAnswers(session, new Map([['q1', '>```js\n> **Interviewer:** nested\n`_)\n## Another dialogue\n']]));
    const dialogue = readBack(sessionTranscript(session));
    assert.deepEqual(dialogue.turns.map(({ speaker, text, stage }) => ({ speaker, text, stage })), transcriptTurns(session));
  });

  it('renders escaped text as the original would render (property)', () => {
    // Left out: where the dialogue parser and CommonMark disagree on what is code (indented code, an inline code
    // span over several lines, a backtick fence whose info string holds a backtick, a raw HTML block, a fence
    // indented into a list item, whose block CommonMark ends where the list ends but the parser, which does not
    // read lists, does not). The parser reads a label there all the same, so it is escaped and the reference shows
    // (documented in escapeTurnText).
    const oddBackticks = (line: string) => {
      const runs = (line.match(/`+/g) ?? []).map((run) => run.length);
      return runs.some((length) => runs.filter((other) => other === length).length % 2 === 1);
    };
    const fence = /^(?: {0,3}>)* {0,3}(?:```|~~~)/;
    const renderable = hostileText.filter((text) => {
      const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
      return !lines.some((line) =>
        /^(?: {0,3}>)*(?: {0,3}\t| {4}| {0,3}<| {1,3}(?:```|~~~))/.test(line) || (fence.test(line) ? /^[^`]*```+[^`]+`/.test(line) : oddBackticks(line)));
    });
    fc.assert(
      fc.property(renderable, (text) => {
        // NUL is the one character replaced on purpose (the parser refuses a file holding it).
        const normalised = text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '\uFFFD').trim();
        assert.equal(marked.parse(escapeTurnText(text)), marked.parse(normalised));
      }),
      { numRuns: Number(process.env.RUNS ?? runs(300)) },
    );
  });

  it('round-trips every shipped dialogue, its model answers given as the answers', () => {
    const folder = path.join(REPO, 'dialogues');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
      for (const dialogue of parseDialogueFile(readFileSync(path.join(folder, file), 'utf8'), `dialogues/${file}`).dialogues) {
        let session = start(dialogue);
        for (let i = 1; i < allQuestions(session).length; i++) session = nextQuestion(session, T0 + i * MIN);
        const modelAnswers = allQuestions(session).map((q): [string, string] => [q.key, dialogue.turns[q.turnIndex + 1]?.text ?? '']);
        session = endSession(recordAnswers(session, new Map(modelAnswers)), T0 + 99 * MIN);
        const readBackTurns = readBack(sessionTranscript(session)).turns.map(({ speaker, text, stage }) => ({ speaker, text, stage }));
        assert.deepEqual(readBackTurns, transcriptTurns(session), `${file}: ${dialogue.title}`);
      }
    }
  });

  it('keeps text that needs no escaping exactly as written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.()\n-]{0,200}$/), (text) => {
        assert.equal(escapeTurnText(text), text.trim());
      }),
    );
  });
});
