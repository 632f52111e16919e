import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeTextFileStore, nodeDialogueFileSystem, nodeDialogueFileSystemInOneGo } from '../../src/node/nodeFiles';

describe('NodeTextFileStore', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-files-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads undefined for a missing file, and what was written otherwise (UTF-8)', async () => {
    const store = new NodeTextFileStore(folder);
    assert.equal(await store.read('missing.json'), undefined);
    await store.write('notes.md', 'Größe — サイズ\n');
    assert.equal(await store.read('notes.md'), 'Größe — サイズ\n');
  });

  it('replaces a file whole and renames files inside its folder', async () => {
    const store = new NodeTextFileStore(folder);
    await store.write('a.txt', 'first version, longer');
    await store.write('a.txt', 'second');
    assert.equal(await store.read('a.txt'), 'second');
    await store.rename('a.txt', 'b.txt');
    assert.equal(await store.read('a.txt'), undefined);
    assert.equal(await store.read('b.txt'), 'second');
  });

  // Regression: temporary files were named by pid and time only, so two writes in one millisecond collided.
  it('survives two writes of the same file at the same moment (atomic writes never share a temp file)', async () => {
    const store = new NodeTextFileStore(folder);
    const big = (ch: string) => ch.repeat(200_000);
    for (let i = 0; i < 20; i++) {
      await Promise.all([store.write('same.json', big('x')), store.write('same.json', big('y'))]);
      const text = await fs.readFile(path.join(folder, 'same.json'), 'utf8');
      assert.ok(text === big('x') || text === big('y'), 'the file is one whole write, never a mix');
    }
    assert.deepEqual(await fs.readdir(folder), ['same.json']);
  });

  it('reports read errors other than "not found" instead of hiding them', async () => {
    await fs.mkdir(path.join(folder, 'a-folder'));
    await assert.rejects(new NodeTextFileStore(folder).read('a-folder'));
  });
});


describe('The loader’s Node file systems: with promises, and in one go for the shipped library', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'interview-walk-')));
    await fs.mkdir(path.join(folder, 'topic'));
    await fs.writeFile(path.join(folder, 'topic', 'a.md'), '# A\n');
    await fs.symlink(path.join(folder, 'topic'), path.join(folder, 'linked-folder'));
    await fs.symlink(path.join(folder, 'topic', 'a.md'), path.join(folder, 'linked-file.md'));
    await fs.symlink(path.join(folder, 'nowhere'), path.join(folder, 'dangling.md'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** Everything the loader asks of a folder like this one. */
  async function walk(files: typeof nodeDialogueFileSystem) {
    const entries = (await files.readDirectory(folder)).sort(([a], [b]) => a.localeCompare(b));
    const stat = await files.stat(path.join(folder, 'topic', 'a.md'));
    return {
      entries,
      stat: { size: stat.size, type: stat.type },
      bytes: Buffer.from(await files.readFile(path.join(folder, 'topic', 'a.md'))).toString(),
      real: await files.realPath(path.join(folder, 'linked-folder')),
      missing: await files.stat(path.join(folder, 'missing.md')).catch((error: unknown) => [files.isNotFound(error), files.describeError(error)]),
    };
  }

  it('see the same entries, links, sizes, bytes and errors', async () => {
    const expected = {
      entries: [['dangling.md', 'other'], ['linked-file.md', 'symlinkToFile'], ['linked-folder', 'symlinkToDirectory'], ['topic', 'directory']],
      stat: { size: 4, type: 'file' },
      bytes: '# A\n',
      real: path.join(folder, 'topic'),
      missing: [true, 'not found'],
    };
    assert.deepEqual(await walk(nodeDialogueFileSystem), expected);
    assert.deepEqual(await walk(nodeDialogueFileSystemInOneGo), expected);
  });

  it('in one go: a whole walk finishes before any other task of the event loop runs', async () => {
    let otherTaskRan = false;
    setImmediate(() => (otherTaskRan = true));
    await walk(nodeDialogueFileSystemInOneGo);
    assert.equal(otherTaskRan, false);
    await walk(nodeDialogueFileSystem);
    assert.equal(otherTaskRan, true, 'with promises, Node’s thread pool answers in later tasks');
  });
});
