import * as assert from 'node:assert/strict';
import { parseFrontMatter, simpleFrontMatter, yamlFrontMatter } from '../../src/core/frontMatter';

describe('front matter read without the YAML parser', () => {
  it('reads words, durations and lists of words, skipping blank lines', () => {
    const text = 'topic: System design\n\nlevel: senior\ntags: [ caching , sharding ]\ntime: 1h 15m\nkind: mock';
    const expected = { metadata: { topic: 'System design', level: 'senior', tags: ['caching', 'sharding'], timeSeconds: 4500, kind: 'mock' }, problems: [] };
    assert.deepEqual(simpleFrontMatter(text), expected);
    assert.deepEqual(yamlFrontMatter(text), expected, 'the YAML parser reads it the same');
  });

  it('reads an empty list and a single duration', () => {
    assert.deepEqual(simpleFrontMatter('tags: []'), { metadata: { tags: [] }, problems: [] });
    assert.deepEqual(simpleFrontMatter('time: 30 min'), { metadata: { timeSeconds: 1800 }, problems: [] });
  });

  const declined: [string, string][] = [
    ['no lines at all', ''],
    ['only blank lines', '\n\n'],
    ['a word YAML reads as null', 'topic: null'],
    ['a word YAML reads as a boolean, in any case', 'topic: True'],
    ['a list item YAML reads as null', 'tags: [a, NULL]'],
    ['a list without its closing bracket', 'tags: [a, b'],
    ['a list item that does not start with a letter', 'tags: [a, 1b]'],
    ['a colon in the value', 'topic: a: b'],
    ['a comment', 'topic: caching # later'],
    ['a key twice', 'topic: a\ntopic: b'],
    ['a key that is not lower case', 'Topic: X'],
    ['a key the metadata does not know', 'levle: senior'],
    ['a value the metadata refuses', 'level: wizard'],
    ['two spaces after the colon', 'topic:  X'],
    ['a line that is not `key: value`', '- a'],
    ['a number', 'time: 30'],
  ];
  for (const [what, text] of declined) {
    it(`leaves ${what} to the YAML parser`, () => {
      assert.equal(simpleFrontMatter(text), undefined);
    });
  }
});

describe('front matter read by the YAML parser', () => {
  it('reports invalid YAML at its line and column, with the first line of the message and no position in it', () => {
    assert.deepEqual(parseFrontMatter('\n'.repeat(9) + 'topic: [a'), {
      metadata: {},
      problems: [{ line: 10, column: 10, severity: 'error', message: 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' }],
    });
  });

  it('refuses a key given twice', () => {
    assert.deepEqual(parseFrontMatter('topic: a\ntopic: b').problems, [{ line: 2, column: 1, severity: 'error', message: 'front matter is not valid YAML: Map keys must be unique' }]);
  });

  it('refuses explicit tags, named as written, at the tagged value', () => {
    assert.deepEqual(parseFrontMatter('topic: x\nlevel: !!binary c2VuaW9y').problems, [
      { line: 2, column: 17, severity: 'error', message: 'front matter tag `!!binary` is not allowed: front matter holds plain values only, nothing is constructed or run' },
    ]);
    assert.match(parseFrontMatter('topic: !custom x').problems[0].message, /^front matter tag `!custom` is not allowed/);
  });

  it('reads nothing from empty or null front matter, without a problem', () => {
    for (const text of ['~', 'null', '# only a comment']) assert.deepEqual(parseFrontMatter(text), { metadata: {}, problems: [] }, text);
  });

  it('refuses front matter that is not a mapping, where it starts', () => {
    assert.deepEqual(parseFrontMatter('\n- a\n- b').problems, [{ line: 2, column: 1, severity: 'error', message: 'front matter must be `key: value` lines (a YAML mapping), e.g. `topic: System design`' }]);
  });

  it('reports a refused value at its key, an unknown key as a warning, and keeps the keys that are right', () => {
    assert.deepEqual(parseFrontMatter('topic: "Caching"\n  # note\nlevel: wizard\nlevle: senior'), {
      metadata: { topic: 'Caching' },
      problems: [
        { line: 3, column: 1, severity: 'error', message: parseFrontMatter('level: wizard').problems[0].message },
        { line: 4, column: 1, severity: 'warning', message: 'front matter key `levle` is not known; did you mean `level`?' },
      ],
    });
  });

  it('stops a value that expands aliases more than 20 times (a "billion laughs" file)', () => {
    const aliases = Array.from({ length: 22 }, () => '*x').join(', ');
    assert.deepEqual(parseFrontMatter(`tags: &x [a]\nid: [${aliases}]`).problems, [
      { line: 2, column: 1, severity: 'error', message: 'front matter key `id`: ReferenceError: Excessive alias count indicates a resource exhaustion attack' },
    ]);
  });

  it('does not merge `<<` keys: a merge is an unknown key, not a way to set others', () => {
    const { metadata, problems } = parseFrontMatter('tags: &b {topic: X}\n<<: *b');
    assert.equal('topic' in metadata, false);
    assert.deepEqual(problems.map((p) => [p.line, p.severity]), [[1, 'error'], [2, 'warning']]);
  });
});
