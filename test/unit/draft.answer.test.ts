import assert from 'node:assert/strict';
import { answerStartLine, askedFollowUps, followUpDraftSection, writtenAnswer } from '../../src/core/draft';

describe('writtenAnswer: what the user wrote, without the template around it', () => {
  it('drops the title and the meta line after blank lines at the top', () => {
    const draft = ['', '  ', '# How do you scale reads?', '', '', '*Caching · System design · 5:00 to answer*', '', '## Your answer', '', 'Replicas.'].join('\n');
    assert.equal(writtenAnswer(draft), '## Your answer\n\nReplicas.');
  });

  it('keeps a line in asterisks that is the answer, not a meta line', () => {
    assert.equal(writtenAnswer('# Q\n\n**Bold** start\n\nmore'), '**Bold** start\n\nmore');
    assert.equal(writtenAnswer('# Q\n\nNote: *a* and *b*'), 'Note: *a* and *b*');
  });

  it('keeps a top-level heading and a heading-like line that is not one', () => {
    assert.equal(writtenAnswer('Intro\n\n# Part one\n\n## Empty\n\n## Full\n\ntext'), 'Intro\n\n# Part one\n\n\n## Full\n\ntext');
    assert.equal(writtenAnswer('#hashtag\n\n##not a heading'), '#hashtag\n\n##not a heading');
  });

  it('drops an empty heading followed by one of a higher level, and an empty heading at the end', () => {
    assert.equal(writtenAnswer('## A\n\ntext\n\n### Empty\n\n## B\n\nmore\n\n## Last\n\n   '), '## A\n\ntext\n\n\n## B\n\nmore');
  });
});

describe('answerStartLine', () => {
  it('starts under a heading on the first line, and on the last line when there is none', () => {
    assert.equal(answerStartLine('## Answer\n\n'), 1);
    assert.equal(answerStartLine('# Title\n\nno sections\n'), 3);
  });
});

describe('follow-up sections of a draft', () => {
  it('reads back the follow-ups it added, in order, whatever their number', () => {
    const draft = `# Q\n\n## Your answer\n\nmine${followUpDraftSection('What about **writes**?', 1)}written${followUpDraftSection('And at 10x?', 12)}`;
    assert.deepEqual(askedFollowUps(draft), ['What about writes?', 'And at 10x?']);
  });

  it('adds a heading, the question as a quote, and blank lines to write in', () => {
    assert.equal(followUpDraftSection('Why?', 2), '\n## Follow-up 2\n\n> Why?\n\n\n');
  });

  it('reads follow-ups with CRLF line ends, trailing spaces and several blank lines, and only at a line start', () => {
    const draft = '## Follow-up 3  \r\n\r\n  \r\n> Cost?  \r\nx ## Follow-up 4\n\n> Not this\n## Follow-up 5\n\ntext\n> Not this either';
    assert.deepEqual(askedFollowUps(draft), ['Cost?']);
  });
});
