import * as assert from 'node:assert/strict';
import { type DialogueFileSystem, type EntryType, indexEntry, LibraryLoader } from '../../src/core/libraryLoader';
import type { ParseResult } from '../../src/core/model';
import { md, parse } from './helpers';

const DIALOGUE = (id: string) => md(`## Dialogue ${id}`, '', `- **Id:** ${id}`, '', '> **Interviewer:** "A question?"', '>', '> **Candidate:** "A long and careful answer."');

type Node = { type: 'file' | 'symlinkToFile'; text: string; mtime: number } | { type: 'directory' | 'symlinkToDirectory' | 'other' };

/**
 * A folder tree in memory, `/`-separated, whose entries have the types a real one has (links, other files). It
 * counts reads and the most stats and reads in flight at once, and can make folders fail.
 */
class TreeFileSystem implements DialogueFileSystem {
  readonly nodes = new Map<string, Node>([['/pack', { type: 'directory' }]]);
  readonly failing = new Map<string, string>();
  reads = 0;
  inFlight = 0;
  mostInFlight = 0;
  realPaths = new Map<string, string>();

  file(file: string, text: string, mtime = 1, type: 'file' | 'symlinkToFile' = 'file'): this {
    this.folders(file, 'directory');
    this.nodes.set(file, { type, text, mtime });
    return this;
  }
  /** Makes every folder above `file` that is not there yet, of the given type. */
  folders(file: string, type: 'directory' | 'symlinkToDirectory'): this {
    const parts = file.split('/');
    for (let i = 2; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!this.nodes.has(folder)) this.nodes.set(folder, { type });
    }
    return this;
  }
  async readDirectory(folder: string): Promise<[string, EntryType][]> {
    const failure = this.failing.get(folder);
    if (failure) throw Object.assign(new Error(failure), { code: failure });
    if (!this.nodes.has(folder)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return [...this.nodes].filter(([p]) => p.slice(0, p.lastIndexOf('/')) === folder).map(([p, node]) => [p.slice(p.lastIndexOf('/') + 1), node.type]);
  }
  async stat(file: string) {
    const node = this.nodes.get(file);
    if (!node || !('text' in node)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return this.track(() => ({ size: node.text.length, mtime: node.mtime, type: node.type }));
  }
  async readFile(file: string): Promise<Uint8Array> {
    const node = this.nodes.get(file);
    if (!node || !('text' in node)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    this.reads++;
    return this.track(() => new TextEncoder().encode(node.text));
  }
  join = (folder: string, name: string) => `${folder}/${name}`;
  describeError = (error: unknown) => ((error as { code?: string }).code === 'EACCES' ? 'permission denied' : String(error));
  isNotFound = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

  private async track<T>(value: () => T): Promise<T> {
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight--;
    return value();
  }
}

const pack = { id: 'pack', label: 'Team pack', root: '/pack' };
const ids = (report: { library: { dialogues: readonly { id: string }[] } }) => report.library.dialogues.map((d) => d.id);
const diagnostics = (report: { library: { diagnostics: readonly { file: string; message: string }[] } }) => report.library.diagnostics.map((d) => [d.file, d.message]);

describe('LibraryLoader: walking a folder', () => {
  it('finds `.md` files (any case) in nested folders and links to files; skips other files, hidden folders and node_modules', async () => {
    const tree = new TreeFileSystem()
      .file('/pack/a.md', DIALOGUE('a'))
      .file('/pack/sub/deeper/b.MD', DIALOGUE('b'))
      .file('/pack/linked.md', DIALOGUE('linked'), 1, 'symlinkToFile')
      .file('/pack/notes.md.bak', DIALOGUE('backup'))
      .file('/pack/readme.txt', DIALOGUE('text'))
      .file('/pack/.git/c.md', DIALOGUE('hidden'))
      .file('/pack/node_modules/pkg/d.md', DIALOGUE('dependency'))
      .file('/pack/sub.d/e.md', DIALOGUE('dotted-folder'));
    tree.nodes.set('/pack/socket.md', { type: 'other' });
    const report = await new LibraryLoader(tree).load([pack]);
    assert.deepEqual(ids(report).sort(), ['a', 'b', 'dotted-folder', 'linked']);
    assert.equal(report.files, 4);
    assert.deepEqual(report.library.diagnostics, []);
  });

  it('matches exclude globs against paths relative to the source, with `/` between folders', async () => {
    const tree = new TreeFileSystem().file('/pack/keep.md', DIALOGUE('keep')).file('/pack/drafts/wip.md', DIALOGUE('wip')).file('/pack/sub/drafts/x.md', DIALOGUE('x')).file('/pack/sub/y.md', DIALOGUE('y'));
    const anyDepth = await new LibraryLoader(tree).load([{ ...pack, exclude: ['drafts'] }]);
    assert.deepEqual(ids(anyDepth).sort(), ['keep', 'y']);
    const fromRoot = await new LibraryLoader(tree).load([{ ...pack, exclude: ['drafts/**', 'sub/y.md'] }]);
    assert.deepEqual(ids(fromRoot).sort(), ['keep', 'x']);
  });

  it('follows folder links 8 deep and reports the 9th with one diagnostic', async () => {
    const tree = new TreeFileSystem();
    const links = Array.from({ length: 9 }, (_, i) => `l${i + 1}`);
    tree.folders(`/pack/${links.join('/')}/x`, 'symlinkToDirectory');
    tree.file(`/pack/${links.slice(0, 8).join('/')}/eighth.md`, DIALOGUE('eighth'));
    tree.file(`/pack/${links.join('/')}/ninth.md`, DIALOGUE('ninth'));
    const report = await new LibraryLoader(tree).load([pack]);
    assert.deepEqual(ids(report), ['eighth']);
    assert.deepEqual(diagnostics(report), [[`/pack/${links.join('/')}`, 'skipped: folder links nested over 8 deep; this is most likely a symbolic link loop']]);
  });

  it('counts only links toward the link limit: plain folders nest 32 deep, and the 33rd is reported', async () => {
    const tree = new TreeFileSystem();
    const folders = Array.from({ length: 33 }, (_, i) => `d${i + 1}`);
    tree.file(`/pack/${folders.slice(0, 32).join('/')}/deep.md`, DIALOGUE('deep'));
    tree.file(`/pack/${folders.join('/')}/too-deep.md`, DIALOGUE('too-deep'));
    const report = await new LibraryLoader(tree).load([pack]);
    assert.deepEqual(ids(report), ['deep']);
    assert.deepEqual(diagnostics(report), [[`/pack/${folders.join('/')}`, 'skipped: folder links nested over 32 folders deep; this is most likely a symbolic link loop']]);
  });

  it('reports an unreadable subfolder as a diagnostic on it, and an unreadable source folder as the source problem', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a')).file('/pack/locked/b.md', DIALOGUE('b'));
    tree.failing.set('/pack/locked', 'EACCES');
    const report = await new LibraryLoader(tree).load([pack]);
    assert.deepEqual(ids(report), ['a']);
    assert.deepEqual(diagnostics(report), [['/pack/locked', 'this folder cannot be read (permission denied); its dialogues are skipped']]);
    assert.deepEqual(report.problems, []);

    tree.failing.set('/pack', 'EACCES');
    const locked = await new LibraryLoader(tree).load([pack]);
    assert.deepEqual(locked.problems.map((p) => [p.source.id, p.message]), [['pack', 'Team pack: the folder cannot be read (permission denied)']]);
    assert.deepEqual(locked.library.diagnostics, []);
  });

  it('keeps walking when the file system cannot resolve a folder’s real path', async () => {
    const tree = new TreeFileSystem().file('/pack/sub/a.md', DIALOGUE('a'));
    const report = await new LibraryLoader(Object.assign(tree, { realPath: async () => Promise.reject(new Error('EPERM')) })).load([pack]);
    assert.deepEqual(ids(report), ['a']);
  });

  it('sorts names that differ only in case by code unit, so `A.md` comes before `a.md`', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('lower')).file('/pack/A.md', DIALOGUE('upper'));
    assert.deepEqual(ids(await new LibraryLoader(tree).load([pack])), ['upper', 'lower']);
    const reversed = new TreeFileSystem().file('/pack/A.md', DIALOGUE('upper')).file('/pack/a.md', DIALOGUE('lower'));
    assert.deepEqual(ids(await new LibraryLoader(reversed).load([pack])), ['upper', 'lower']);
  });
});

describe('LibraryLoader: files already found', () => {
  it('loads a listed source’s files sorted, excluding paths relative to its root (a trailing slash or backslashes too)', async () => {
    const tree = new TreeFileSystem().file('/pack/b.md', DIALOGUE('b')).file('/pack/a.md', DIALOGUE('a')).file('/pack/drafts/c.md', DIALOGUE('c'));
    const files = ['/pack/drafts/c.md', '/pack/b.md', '/pack/a.md'];
    for (const root of ['/pack', '/pack/', '\\pack\\']) {
      const report = await new LibraryLoader(tree).load([{ ...pack, root, files, exclude: ['drafts/**'] }]);
      assert.deepEqual(ids(report), ['a', 'b'], `root ${root}`);
    }
  });

  it('matches a file given as the root itself by its name', async () => {
    const tree = new TreeFileSystem().file('/pack/one.md', DIALOGUE('one'));
    const kept = await new LibraryLoader(tree).load([{ ...pack, root: '/pack/one.md', files: ['/pack/one.md'], exclude: ['other.md'] }]);
    assert.deepEqual(ids(kept), ['one']);
    const left = await new LibraryLoader(tree).load([{ ...pack, root: '/pack/one.md', files: ['/pack/one.md'], exclude: ['one.md'] }]);
    assert.deepEqual(ids(left), []);
  });

  it('loads a file two sources share once, for the first source', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    const report = await new LibraryLoader(tree).load([{ ...pack, files: ['/pack/a.md'] }, { id: 'second', label: 'Second', root: '/pack' }]);
    assert.equal(report.files, 1);
    assert.equal(tree.reads, 1);
    assert.deepEqual(report.library.dialogues.map((d) => [d.id, d.source]), [['a', 'pack']]);
  });

  it('reads at most 8 files ahead of the parser', async () => {
    const tree = new TreeFileSystem();
    for (let i = 0; i < 30; i++) tree.file(`/pack/f${String(i).padStart(2, '0')}.md`, DIALOGUE(`d${i}`));
    const report = await new LibraryLoader(tree).load([pack]);
    assert.equal(report.library.dialogues.length, 30);
    assert.equal(tree.mostInFlight, 8);
  });
});

describe('LibraryLoader: the cache between loads', () => {
  it('keeps the same library object when nothing changed, and builds a new one when a file did', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a')).file('/pack/b.md', DIALOGUE('b'));
    const loader = new LibraryLoader(tree);
    const first = await loader.load([pack]);
    const same = await loader.load([pack]);
    assert.equal(same.library, first.library);
    tree.file('/pack/b.md', DIALOGUE('b2'), 2);
    const changed = await loader.load([pack]);
    assert.notEqual(changed.library, first.library);
    assert.deepEqual(ids(changed), ['a', 'b2']);
  });

  it('builds a new library when a file is added or left out, though every other result is cached', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a')).file('/pack/b.md', DIALOGUE('b'));
    const loader = new LibraryLoader(tree);
    await loader.load([pack]);
    const fewer = await loader.load([{ ...pack, exclude: ['b.md'] }]);
    assert.deepEqual(ids(fewer), ['a']);
    assert.equal(fewer.parsed, 0);
  });

  it('forgets a file that left the library, so it is read again when it comes back', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a')).file('/pack/b.md', DIALOGUE('b'));
    const loader = new LibraryLoader(tree);
    await loader.load([pack]);
    await loader.load([{ ...pack, exclude: ['b.md'] }]);
    const back = await loader.load([pack]);
    assert.equal(back.parsed, 1);
    assert.equal(tree.reads, 3);
  });

  it('loads a file of exactly the size limit', async () => {
    const text = DIALOGUE('a');
    const tree = new TreeFileSystem().file('/pack/a.md', text);
    const report = await new LibraryLoader(tree, { maxBytes: text.length }).load([pack]);
    assert.deepEqual(ids(report), ['a']);
  });

  it('keeps whole dialogues unless asked for an index', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    const loader = new LibraryLoader(tree);
    const dialogue = (await loader.load([pack])).library.dialogue('a')!;
    assert.equal(dialogue.partial, undefined);
    assert.equal(dialogue.turns[1].text, 'A long and careful answer.');
    assert.equal(await loader.full(dialogue), dialogue, 'a whole dialogue is its own full form');
  });
});

describe('LibraryLoader: prepared index entries', () => {
  const preparedResult = (): ParseResult => ({ dialogues: [indexEntry(parse(DIALOGUE('prepared'), '/pack/a.md').dialogues[0])], diagnostics: [], guidance: [] });

  it('takes a prepared result for an index load, tags it with its source, caches it and counts it as not parsed', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    let asked = 0;
    const loader = new LibraryLoader(tree, { indexOnly: true, prepared: () => (asked++, preparedResult()) });
    const first = await loader.load([pack]);
    assert.deepEqual(first.library.dialogues.map((d) => [d.id, d.source, d.sourceLabel]), [['prepared', 'pack', 'Team pack']]);
    assert.equal(first.parsed, 0);
    await loader.load([pack]);
    assert.equal(asked, 1, 'the second load found the prepared result in the cache');
    assert.equal(tree.reads, 1);
  });

  it('ignores prepared results unless it loads an index', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    const report = await new LibraryLoader(tree, { prepared: preparedResult }).load([pack]);
    assert.deepEqual(ids(report), ['a']);
    assert.equal(report.parsed, 1);
  });

  it('parses a file whose bytes have no prepared result', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    const report = await new LibraryLoader(tree, { indexOnly: true, prepared: () => undefined }).load([pack]);
    assert.deepEqual(ids(report), ['a']);
    assert.equal(report.parsed, 1);
  });
});

describe('LibraryLoader: the whole dialogue behind an index entry', () => {
  it('finds a dialogue renamed for an id collision again by its heading’s line and title', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('same')).file('/pack/b.md', DIALOGUE('same'));
    const loader = new LibraryLoader(tree, { indexOnly: true });
    const { library } = await loader.load([pack]);
    const renamed = library.dialogues.find((d) => d.file === '/pack/b.md')!;
    assert.notEqual(renamed.id, 'same');
    const full = await loader.full(renamed);
    assert.equal(full?.id, renamed.id, 'it keeps the id the library gave it');
    assert.equal(full?.file, '/pack/b.md');
    assert.equal(full?.turns[1].text, 'A long and careful answer.');
    assert.deepEqual([full?.source, full?.sourceLabel], ['pack', 'Team pack']);
  });

  it('is undefined when the file can no longer be read, or holds another dialogue at that line', async () => {
    const tree = new TreeFileSystem().file('/pack/a.md', DIALOGUE('a'));
    const loader = new LibraryLoader(tree, { indexOnly: true });
    const entry = (await loader.load([pack])).library.dialogue('a')!;
    tree.file('/pack/a.md', DIALOGUE('a').replace('## Dialogue a', '## Another title').replace('- **Id:** a', '- **Id:** other'), 2);
    assert.equal(await loader.full(entry), undefined);
    tree.nodes.delete('/pack/a.md');
    assert.equal(await loader.full(entry), undefined);
  });
});

describe('indexEntry', () => {
  const timedMock = md(
    '## Mock: A staged one',
    '',
    '- **Id:** staged',
    '- **Source:** x',
    '',
    '### Stage 1: Warm-up (5 min)',
    '',
    '> **Interviewer:** "Tell me about yourself?"',
    '',
    '**Time:** 2 min',
    '',
    '> **Candidate:** "I build things."',
  );

  it('keeps budgets of questions and stages, and empties key points and texts', () => {
    const dialogue = parse(timedMock).dialogues[0];
    dialogue.source = 'pack';
    dialogue.sourceLabel = 'Team pack';
    const entry = indexEntry(dialogue);
    assert.deepEqual(entry.questions.map((q) => [q.prompt, q.budgetSeconds, q.keyPoints]), [['Tell me about yourself?', 120, []]]);
    assert.deepEqual(entry.stages, dialogue.stages.map((s) => ({ title: s.title, firstTurnIndex: s.firstTurnIndex, ...(s.budgetSeconds !== undefined ? { budgetSeconds: s.budgetSeconds } : {}) })));
    assert.ok(entry.stages.length > 0);
    assert.deepEqual(entry.keyPoints, []);
    assert.deepEqual([entry.source, entry.sourceLabel, entry.partial], ['pack', 'Team pack', true]);
    assert.ok(entry.turns.every((t) => t.text === ''));
  });

  it('leaves out budgets and the source where the dialogue has none', () => {
    const entry = indexEntry(parse(DIALOGUE('plain')).dialogues[0]);
    assert.equal('budgetSeconds' in entry.questions[0], false);
    assert.equal('source' in entry, false);
    assert.equal('sourceLabel' in entry, false);
  });

  it('keeps a prompt of 200 characters whole and cuts a longer one with an ellipsis', () => {
    const withPrompt = (prompt: string) => indexEntry(parse(DIALOGUE('p').replace('A question?', prompt)).dialogues[0]).questions[0].prompt;
    const exact = 'x'.repeat(199) + '?';
    assert.equal(withPrompt(exact), exact);
    const long = withPrompt('x'.repeat(250) + '?');
    assert.ok(long.endsWith('…'));
    assert.ok(long.length <= 201, `cut to ${long.length}`);
  });
});
