// Behaviours a planted bug once slipped past: each test here fails on that bug.
import assert from 'node:assert/strict';
import { parseFrontMatter, yamlFrontMatter } from '../../src/core/frontMatter';
import { unwrapQuotes } from '../../src/core/parser';
import { byTitle, md, parse } from './helpers';

describe('stages end with their dialogue', () => {
  it('a staged mock followed by an ordinary dialogue: no stage heading leaks into the second', () => {
    const result = parse(md(
      '## Mock round', '', '- **Kind:** mock', '',
      '### Requirements', '', '**Time:** 5 min', '',
      '> **Interviewer:** "What do we build?"', '>', '> **Candidate:** "A feed."', '',
      '### Deep dive', '',
      '> **Interviewer:** "Fan-out?"', '>', '> **Candidate:** "On write, for most users."', '',
      '## Plain dialogue', '',
      '> **Interviewer:** "Why queues?"', '>', '> **Candidate:** "To absorb bursts."',
    ));
    const plain = byTitle(result, 'Plain dialogue');
    assert.deepEqual(plain.stages, []);
    assert.deepEqual(plain.turns.map((t) => t.stage), [undefined, undefined]);
    assert.deepEqual(byTitle(result, 'Mock round').stages.map((s) => s.title), ['Requirements', 'Deep dive']);
  });
});

describe('quotes inside a quoted turn', () => {
  it('keeps the inner curly quotes of a turn wrapped in curly quotes', () => {
    const result = parse(md('## Caching', '', '**Interviewer:** “Would you pick “Redis” or “Memcached” here?”', '', '**Candidate:** “Redis, for its data types.”'));
    const [question, answer] = byTitle(result, 'Caching').turns;
    assert.match(question.text, /“Redis” or “Memcached”/);
    assert.equal(answer.text, 'Redis, for its data types.', 'a turn that is one quotation loses its wrapping quotes');
  });

  it('unwrapQuotes never drops a quote that belongs to the text', () => {
    assert.equal(unwrapQuotes('“Redis” or “Memcached”'), '“Redis” or “Memcached”');
    assert.equal(unwrapQuotes('"Use "Redis" here"'), '"Use "Redis" here"');
    assert.equal(unwrapQuotes('“Plain answer.”'), 'Plain answer.');
  });
});

describe('front matter values YAML reads as something other than text', () => {
  for (const [value, kind] of [['True', 'a boolean'], ['NULL', 'null'], ['FALSE', 'a boolean'], ['Null', 'null']]) {
    it(`\`topic: ${value}\` is ${kind} to YAML, so it is refused as a topic, as YAML itself reads it`, () => {
      const fast = parseFrontMatter(`topic: ${value}\nlevel: senior`);
      assert.deepEqual(fast, yamlFrontMatter(`topic: ${value}\nlevel: senior`));
      assert.equal(fast.metadata.topic, undefined);
      assert.equal(fast.metadata.level, 'senior');
      assert.match(fast.problems[0]?.message ?? '', /`topic` needs a text value/);
    });
  }
});
