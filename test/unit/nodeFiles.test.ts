import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeTextFileStore } from '../../src/node/nodeFiles';

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

