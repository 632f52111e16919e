import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DialogueFileSystem, type EntryType, LibraryLoader } from '../../src/core/libraryLoader';
import { nodeDialogueFileSystem } from '../../src/node/nodeFiles';
import { md } from './helpers';

const DIALOGUE = (id: string) => md(`## Dialogue ${id}`, '', `- **Id:** ${id}`, '', '> **Interviewer:** "A question?"', '>', '> **Candidate:** "A long and careful answer."');

/** An in-memory file system whose files can be made to fail, to play races and permissions out exactly. */
class FakeFileSystem implements DialogueFileSystem {
  readonly files = new Map<string, { text: string; mtime: number }>();
  readonly failing = new Map<string, 'EACCES' | 'ENOENT'>();
  reads = 0;

  async readDirectory(folder: string): Promise<[string, EntryType][]> {
    if (this.failing.has(folder)) throw Object.assign(new Error(this.failing.get(folder)!), { code: this.failing.get(folder) });
    const names = [...this.files.keys()].filter((f) => path.dirname(f) === folder).map((f) => path.basename(f));
    if (names.length === 0) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return names.map((name) => [name, 'file']);
  }
  async stat(file: string) {
    const entry = this.files.get(file);
    if (!entry || this.failing.get(file) === 'ENOENT') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return { size: entry.text.length, mtime: entry.mtime, type: 'file' as const };
  }
  async readFile(file: string): Promise<Uint8Array> {
    const failure = this.failing.get(file);
    if (failure) throw Object.assign(new Error(failure), { code: failure });
    this.reads++;
    return new TextEncoder().encode(this.files.get(file)!.text);
  }
  join = (folder: string, name: string) => path.join(folder, name);
  describeError = (error: unknown) => ((error as { code?: string }).code === 'EACCES' ? 'permission denied' : String(error));
  isNotFound = (error: unknown) => (error as { code?: string }).code === 'ENOENT';
}

describe('LibraryLoader', () => {
  const source = { id: 'pack', label: 'Team pack', root: '/pack' };

  it('loads every file of a source and tags each dialogue with it', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    fake.files.set('/pack/b.md', { text: DIALOGUE('b'), mtime: 1 });
    const report = await new LibraryLoader(fake).load([source]);
    assert.deepEqual(report.library.dialogues.map((d) => [d.id, d.source, d.sourceLabel]), [['a', 'pack', 'Team pack'], ['b', 'pack', 'Team pack']]);
    assert.equal(report.files, 2);
    assert.equal(report.parsed, 2);
  });

  it('walks a folder in the same order on every machine, whatever its language: case folded, then code units', async () => {
    const fake = new FakeFileSystem();
    const ids: Record<string, string> = { b: 'lower-b', ä: 'a-umlaut', Z: 'upper-z', B: 'upper-b', a: 'lower-a' };
    for (const [name, id] of Object.entries(ids)) fake.files.set(`/pack/${name}.md`, { text: DIALOGUE(id), mtime: 1 });
    const report = await new LibraryLoader(fake).load([source]);
    // The file order decides which of two dialogues with one id keeps it; a locale's order (a, ä, b, B, Z) would
    // give a renamed dialogue another id on a machine in another language.
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['lower-a', 'upper-b', 'lower-b', 'upper-z', 'a-umlaut']);
  });

  it('re-reads only changed files on a reload (warm cache)', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    fake.files.set('/pack/b.md', { text: DIALOGUE('b'), mtime: 1 });
    const loader = new LibraryLoader(fake);
    await loader.load([source]);
    const readsAfterCold = fake.reads;
    const warm = await loader.load([source]);
    assert.equal(fake.reads, readsAfterCold, 'no file read again');
    assert.equal(warm.parsed, 0);
    fake.files.set('/pack/b.md', { text: DIALOGUE('b2'), mtime: 2 });
    const changed = await loader.load([source]);
    assert.equal(changed.parsed, 1);
    assert.deepEqual(changed.library.dialogues.map((d) => d.id), ['a', 'b2']);
  });

  it('sees an edit that keeps the file size (30 min → 20 min): the cache trusts size and time together', async () => {
    const fake = new FakeFileSystem();
    const timed = (minutes: number) => DIALOGUE('a').replace('> **Candidate:**', `**Time:** ${minutes} min\n\n> **Candidate:**`);
    fake.files.set('/pack/a.md', { text: timed(30), mtime: 1 });
    const loader = new LibraryLoader(fake);
    assert.equal((await loader.load([source])).library.dialogues[0].questions[0].budgetSeconds, 1800);
    fake.files.set('/pack/a.md', { text: timed(20), mtime: 2 });
    assert.equal(timed(20).length, timed(30).length);
    const reloaded = await loader.load([source]);
    assert.equal(reloaded.parsed, 1);
    assert.equal(reloaded.library.dialogues[0].questions[0].budgetSeconds, 1200);
  });

  it('reports an unreadable file as a diagnostic and keeps the others', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    fake.files.set('/pack/locked.md', { text: DIALOGUE('locked'), mtime: 1 });
    fake.failing.set('/pack/locked.md', 'EACCES');
    const report = await new LibraryLoader(fake).load([source]);
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['a']);
    assert.deepEqual(report.library.diagnostics.map((d) => [d.file, d.severity, d.message]), [['/pack/locked.md', 'error', 'cannot read: permission denied']]);
  });

  it('reports a file deleted between listing and reading, and keeps the others', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    fake.files.set('/pack/gone.md', { text: DIALOGUE('gone'), mtime: 1 });
    fake.failing.set('/pack/gone.md', 'ENOENT');
    const report = await new LibraryLoader(fake).load([source]);
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['a']);
    assert.match(report.library.diagnostics[0].message, /deleted or moved while the library loaded/);
  });

  it('gives a missing source one problem, not a failure of the other sources', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    const report = await new LibraryLoader(fake).load([{ id: 'gone', label: '~/old-notes', root: '/old-notes' }, source]);
    assert.deepEqual(report.problems.map((p) => p.message), ['~/old-notes: the folder was not found']);
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['a']);
  });

  it('skips a file over the size limit without reading it', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/huge.md', { text: DIALOGUE('huge') + 'x'.repeat(5000), mtime: 1 });
    const report = await new LibraryLoader(fake, { maxBytes: 1024 }).load([source]);
    assert.equal(fake.reads, 0);
    assert.equal(report.library.dialogues.length, 0);
    assert.match(report.library.diagnostics[0].message, /over the 1 KB limit/);
  });

  it('keeps index entries small and reads the whole dialogue on demand', async () => {
    const fake = new FakeFileSystem();
    fake.files.set('/pack/a.md', { text: DIALOGUE('a'), mtime: 1 });
    const loader = new LibraryLoader(fake, { indexOnly: true });
    const { library } = await loader.load([source]);
    const entry = library.dialogue('a')!;
    assert.equal(entry.partial, true);
    assert.deepEqual(entry.turns.map((t) => [t.speaker, t.text]), [['interviewer', ''], ['candidate', '']]);
    assert.equal(entry.questions[0].prompt, 'A question?', 'the tree still has the question');
    const full = await loader.full(entry);
    assert.equal(full?.turns[1].text, 'A long and careful answer.');
    assert.equal(full?.partial, undefined);
    assert.equal(full?.source, 'pack');
    fake.files.set('/pack/a.md', { text: DIALOGUE('renamed'), mtime: 2 });
    assert.equal(await loader.full(entry), undefined, 'a dialogue no longer in its file is gone');
  });

  it('yields to the event loop during a long load', async () => {
    const fake = new FakeFileSystem();
    for (let i = 0; i < 200; i++) fake.files.set(`/pack/f${i}.md`, { text: DIALOGUE(`d${i}`), mtime: 1 });
    let clock = 0;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    // Each clock reading advances 1 ms: with a 20 ms slice the loader must yield several times.
    await new LibraryLoader(fake, { sliceMs: 20, now: () => clock++ }).load([source]);
    clearInterval(timer);
    assert.ok(ticks >= 2, `the event loop ran ${ticks} times during the load`);
  });

  describe('on a real folder', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'loader-'));
    });
    afterEach(() => fs.rm(folder, { recursive: true, force: true }));

    it('stops a symbolic link loop with one diagnostic and loads each file once', async () => {
      await fs.mkdir(path.join(folder, 'nested'));
      await fs.writeFile(path.join(folder, 'nested', 'a.md'), DIALOGUE('a'));
      await fs.symlink(folder, path.join(folder, 'nested', 'loop'));
      const report = await new LibraryLoader(nodeDialogueFileSystem).load([{ id: 'x', label: 'x', root: folder }]);
      assert.deepEqual(report.library.dialogues.map((d) => d.id), ['a']);
      assert.equal(report.library.diagnostics.length, 1);
      assert.match(report.library.diagnostics[0].message, /symbolic link loop/);
      assert.equal(report.library.diagnostics[0].file, path.join(folder, 'nested', 'loop'));
    });
  });
});
