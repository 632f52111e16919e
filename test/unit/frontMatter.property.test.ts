import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFrontMatter, yamlFrontMatter } from '../../src/core/frontMatter';
import { runs } from './support/mutationRun';

// The fast path reads simple front matter without loading `yaml`; it must read it exactly as `yaml` does.
const key = fc.constantFrom('topic', 'level', 'tags', 'time', 'kind', 'levle', 'id', 'Topic');
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.\-#:'"]{0,20}$/);
const value = fc.oneof(
  word,
  fc.constantFrom('senior', 'staff', 'mock', 'dialogue', 'null', 'True', '30 min', '1h 15m', '90s', '0', '12', '5 minutes', 'yes', '~'),
  fc.array(word, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.string({ maxLength: 12 }),
);
const line = fc.oneof({ weight: 5, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) }, { weight: 1, arbitrary: fc.string({ maxLength: 16 }) });

describe('front matter fast path', () => {
  it('reads every front matter exactly as the YAML parser does', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(parseFrontMatter(text), yamlFrontMatter(text));
      }),
      { numRuns: runs(2000) },
    );
  });
});
