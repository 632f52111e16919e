import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { globMatcher } from '../../src/core/glob';
import { LibraryLoader } from '../../src/core/libraryLoader';
import { nodeDialogueFileSystem } from '../../src/node/nodeFiles';
import { md } from './helpers';
import { runs } from './support/mutationRun';

describe('globMatcher: exclusion globs', () => {
  const cases: [string, string, boolean][] = [
    ['README.md', 'README.md', true],
    ['README.md', 'team/README.md', true],
    ['README.md', 'team/README.md.bak', false],
    ['*.draft.md', 'a/b/c.draft.md', true],
    ['*.draft.md', 'a/b/c.md', false],
    ['drafts', 'drafts/x.md', true],
    ['drafts', 'team/drafts/deep/x.md', true],
    ['drafts', 'drafts.md', false],
    ['archive/**', 'archive/2023/x.md', true],
    ['archive/**', 'team/archive/x.md', false],
    ['notes/old', 'notes/old/x.md', true],
    ['notes/old', 'notes/older/x.md', false],
    ['./notes/*.md', 'notes/a.md', true],
    ['/notes/*.md', 'notes/sub/a.md', false],
    ['**/tmp/*.md', 'tmp/a.md', true],
    ['**/tmp/*.md', 'a/b/tmp/a.md', true],
    ['a/**/z.md', 'a/z.md', true],
    ['a/**/z.md', 'a/b/c/z.md', true],
    ['a/**/z.md', 'b/a/z.md', false],
    ['file?.md', 'file1.md', true],
    ['file?.md', 'file10.md', false],
    ['[abc]*.md', 'b-side.md', true],
    ['[!abc]*.md', 'b-side.md', false],
    ['[a-c]x.md', 'cx.md', true],
    ['{intro,outro}.md', 'x/outro.md', true],
    ['{intro,outro}.md', 'x/other.md', false],
    ['{a,b{c,d}}.md', 'bd.md', true],
    ['\\*.md', '*.md', true],
    ['\\*.md', 'a.md', false],
    ['**', 'anything/at/all.md', true],
    ['', 'a.md', false],
    ['[unclosed.md', '[unclosed.md', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${file} with ${JSON.stringify(pattern)}`, () => {
      assert.equal(globMatcher([pattern])(file), expected);
    });
  }

  it('reads Windows separators in paths as `/`', () => {
    assert.equal(globMatcher(['archive/**'])('archive\\2023\\x.md'), true);
  });

  it('matches a single name as a regular expression built from the same wildcards would (property)', () => {
    const piece = fc.constantFrom('*', '?', 'a', 'b', '.', '[ab]', '[!a]');
    const toRegex = (pattern: string[]) => new RegExp(`^${pattern.map((p) => ({ '*': '.*', '?': '.', '.': '\\.', '[!a]': '[^a]' })[p] ?? p).join('')}$`);
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.stringMatching(/^[ab][ab.]{0,9}$/), (pattern, name) => {
      if (pattern.length === 0) return;
      assert.equal(globMatcher([pattern.join('')])(name), toRegex(pattern).test(name), `${pattern.join('')} vs ${name}`);
    }), { numRuns: runs(1000) });
  });

  it('never backtracks catastrophically: 8× the name costs well under 40× the time', () => {
    const match = globMatcher([`${'*a'.repeat(30)}*b`]);
    const time = (n: number) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        for (let k = 0; k < 20; k++) match('a'.repeat(n));
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return best;
    };
    time(200);
    const small = Math.max(time(500), 10);
    const large = time(4000);
    assert.ok(large / small < 40, `${(large / small).toFixed(1)}×`);
  });
});

describe('LibraryLoader: excluded files', () => {
  let root: string;
  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-exclude-'));
    const dialogue = (title: string) => md(`## ${title}`, '**Interviewer:** q', '**Candidate:** a');
    for (const [file, text] of [['a.md', dialogue('A')], ['README.md', md('# Pack', '## About', 'Prose.')], ['drafts/b.md', dialogue('B')], ['team/c.md', dialogue('C')]]) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), text);
    }
  });
  after(() => fs.rm(root, { recursive: true, force: true }));

  it('leaves out what the globs match in a searched folder, and never reads it', async () => {
    const report = await new LibraryLoader(nodeDialogueFileSystem).load([{ id: 'pack', label: 'pack', root, exclude: ['README.md', 'drafts'] }]);
    assert.deepEqual(report.library.dialogues.map((d) => d.title), ['A', 'C']);
    assert.deepEqual(report.library.diagnostics, []);
    assert.equal(report.files, 2);
  });

  it('leaves them out of a list of files found elsewhere (the workspace search) too', async () => {
    const files = ['a.md', 'README.md', 'drafts/b.md', 'team/c.md'].map((f) => path.join(root, f));
    const report = await new LibraryLoader(nodeDialogueFileSystem).load([{ id: 'ws', label: 'ws', root, files, exclude: ['team/**', '**/README.md'] }]);
    assert.deepEqual(report.library.dialogues.map((d) => d.title).sort(), ['A', 'B']);
  });

  it('without globs, loads everything and reports the README once as not a dialogue', async () => {
    const report = await new LibraryLoader(nodeDialogueFileSystem).load([{ id: 'pack', label: 'pack', root }]);
    assert.equal(report.library.dialogues.length, 3);
    assert.deepEqual(report.library.diagnostics.map((d) => [path.basename(d.file), d.line, d.severity]), [['README.md', 1, 'warning']]);
  });
});
