import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CodeCacheLoader } from '../../src/node/codeCache';

describe('CodeCacheLoader (the extension’s bundles through a V8 code cache)', () => {
  let root: string;
  let dist: string;
  let cache: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'code-cache-'));
    dist = path.join(root, 'dist');
    cache = path.join(root, 'storage', 'code-cache');
    await fs.mkdir(dist);
    await fs.writeFile(path.join(dist, 'main.js'), [
      `const chunk = require('./lazy-chunk.js');`,
      `const again = require('./lazy-chunk.js');`,
      `exports.sameChunk = chunk === again;`,
      `exports.answer = () => chunk.value + 1;`,
      `exports.where = [__filename, __dirname];`,
      `exports.nodeModule = require('node:path').sep;`,
      `exports.isThis = this === exports;`,
    ].join('\n'));
    await fs.writeFile(path.join(dist, 'lazy-chunk.js'), `exports.value = 41; exports.loads = (globalThis.__chunkLoads = (globalThis.__chunkLoads ?? 0) + 1);`);
  });
  afterEach(async () => {
    delete (globalThis as { __chunkLoads?: number }).__chunkLoads;
    await fs.rm(root, { recursive: true, force: true });
  });

  const main = () => path.join(dist, 'main.js');
  /**
   * Loads the bundle in a new process, as a new window does: V8 keeps scripts it compiled in its own in-process
   * cache, so a second load in this process would never look at the cache file. The process stays until the
   * cache is written.
   */
  async function newWindow(): Promise<number> {
    const script = `const { CodeCacheLoader } = require(${JSON.stringify(require.resolve('../../src/node/codeCache'))});
      const main = new CodeCacheLoader(${JSON.stringify(cache)}, { writeAfterMs: 0 }).load(${JSON.stringify(main())});
      process.stdout.write(String(main.answer()));
      setTimeout(() => {}, 300);`;
    return Number((await promisify(execFile)(process.execPath, ['-e', script], { encoding: 'utf8' })).stdout);
  }
  type Main = { sameChunk: boolean; answer(): number; where: string[]; nodeModule: string; isThis: boolean };
  const cacheFiles = async () => (await fs.readdir(cache).catch(() => [])).sort();
  /** Waits until the cache folder holds `count` files whose names match, as the writes happen after the load. */
  async function until(predicate: (files: string[]) => boolean): Promise<string[]> {
    for (let i = 0; i < 200; i++) {
      const files = await cacheFiles();
      if (predicate(files)) return files;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail(`the cache folder holds ${JSON.stringify(await cacheFiles())}`);
  }

  it('loads a bundle as CommonJS: its own chunks once through the loader, Node’s modules through Node', () => {
    // No cache folder: a write left in flight by this process would race the folder's removal after the test.
    const loaded = new CodeCacheLoader(undefined, { writeAfterMs: 0 }).load(main()) as Main;
    assert.equal(loaded.answer(), 42);
    assert.equal(loaded.sameChunk, true);
    assert.equal((globalThis as { __chunkLoads?: number }).__chunkLoads, 1, 'the chunk ran once');
    assert.deepEqual(loaded.where, [main(), dist]);
    assert.equal(loaded.nodeModule, path.sep);
    assert.equal(loaded.isThis, true);
  });

  it('writes a cache for each bundle after it ran, and a new window takes it without writing again', async () => {
    await newWindow();
    const written = await until((files) => files.length === 2);
    assert.deepEqual(written.map((name) => name.replace(/[0-9a-f]{16}/, 'HASH')), ['lazy-chunk-HASH.cache', 'main-HASH.cache']);
    const stamps = await Promise.all(written.map(async (name) => (await fs.stat(path.join(cache, name))).mtimeMs));

    assert.equal(await newWindow(), 42);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await cacheFiles(), written);
    assert.deepEqual(await Promise.all(written.map(async (name) => (await fs.stat(path.join(cache, name))).mtimeMs)), stamps, 'V8 accepted the cache: nothing was written again');
  });

  it('runs a rebuilt bundle of the same length as rebuilt, and replaces the old build’s cache', async () => {
    await newWindow();
    const [, oldMain] = await until((files) => files.length === 2);
    const source = await fs.readFile(main(), 'utf8');
    const rebuilt = source.replace('chunk.value + 1', 'chunk.value - 1');
    assert.equal(rebuilt.length, source.length);
    await fs.writeFile(main(), rebuilt);

    assert.equal(await newWindow(), 40, 'the old bytecode was not used');
    const files = await until((names) => names.length === 2 && !names.includes(oldMain));
    assert.ok(files.some((name) => name.startsWith('main-')));
  });

  it('compiles without the cache when the cache file is damaged, and writes a good one', async () => {
    await newWindow();
    const [, mainCache] = await until((files) => files.length === 2);
    const damaged = Buffer.from('not bytecode at all');
    await fs.writeFile(path.join(cache, mainCache), damaged);

    assert.equal(await newWindow(), 42);
    const rewritten = async () => !(await fs.readFile(path.join(cache, mainCache))).equals(damaged);
    for (let i = 0; i < 200 && !(await rewritten()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(await rewritten(), 'the damaged cache was written again');
    assert.ok((await fs.stat(path.join(cache, mainCache))).size > 100);
  });

  it('leaves one whole cache file when two windows write at once', async () => {
    await Promise.all([newWindow(), newWindow()]);
    await until((files) => files.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual((await cacheFiles()).filter((name) => !name.endsWith('.cache')), [], 'no temporary file is left');
    assert.equal(await newWindow(), 42);
  });

  it('forgets a bundle that threw while it loaded, so the next load runs it again', async () => {
    await fs.writeFile(path.join(dist, 'lazy-chunk.js'), `exports.loads = (globalThis.__chunkLoads = (globalThis.__chunkLoads ?? 0) + 1); if (exports.loads === 1) throw new Error('first time');`);
    const loader = new CodeCacheLoader(undefined, { writeAfterMs: 0 });
    assert.throws(() => loader.load(path.join(dist, 'lazy-chunk.js')), /first time/);
    assert.equal((loader.load(path.join(dist, 'lazy-chunk.js')) as { loads: number }).loads, 2);
  });

  it('loads without a cache when there is no storage folder or it cannot be written', async () => {
    assert.equal((new CodeCacheLoader(undefined, { writeAfterMs: 0 }).load(main()) as Main).answer(), 42);
    await fs.mkdir(path.dirname(cache), { recursive: true });
    await fs.writeFile(cache, 'a file where the cache folder would be');
    assert.equal((new CodeCacheLoader(cache, { writeAfterMs: 0 }).load(main()) as Main).answer(), 42);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await fs.readFile(cache, 'utf8'), 'a file where the cache folder would be');
  });
});
