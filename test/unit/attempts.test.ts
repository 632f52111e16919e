import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Attempt, AttemptStore, HISTORY_FILE, progressByQuestion } from '../../src/core/attempts';
import { NodeTextFileStore } from '../../src/node/nodeFiles';

function attempt(questionId: string, activeSeconds: number, overrides: Partial<Attempt> = {}): Attempt {
  return {
    questionId,
    dialogueId: questionId.split('#')[0],
    prompt: `Prompt of ${questionId}`,
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_000_000 + activeSeconds * 1000,
    activeSeconds,
    budgetSeconds: 300,
    overtimeSeconds: Math.max(0, activeSeconds - 300),
    wordCount: 120,
    draftPath: `/drafts/${questionId.replace(/[#/]/g, '-')}.md`,
    ...overrides,
  };
}

describe('AttemptStore over NodeTextFileStore', () => {
  let folder: string;
  const files = () => new NodeTextFileStore(folder);
  const history = () => path.join(folder, HISTORY_FILE);

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-attempts-'));
  });

  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('starts empty when there is no history file', async () => {
    const store = new AttemptStore(files());
    assert.equal(await store.load(), undefined);
    assert.deepEqual(store.all(), []);
  });

  it('persists an added attempt: a new store loading the folder sees it', async () => {
    const first = attempt('sd/url#q1', 420);
    const writer = new AttemptStore(files());
    await writer.load();
    await writer.add(first);
    assert.deepEqual(writer.all(), [first]);

    const reader = new AttemptStore(files());
    assert.equal(await reader.load(), undefined);
    assert.deepEqual(reader.all(), [first]);
    const onDisk = JSON.parse(await fs.readFile(history(), 'utf8')) as unknown;
    assert.deepEqual(onDisk, { version: 1, attempts: [first] });
  });

  it('creates the folder on the first write', async () => {
    const nested = path.join(folder, 'nested', 'storage');
    const first = attempt('a#q1', 10);
    await new AttemptStore(new NodeTextFileStore(nested)).add(first);
    const reader = new AttemptStore(new NodeTextFileStore(nested));
    assert.equal(await reader.load(), undefined);
    assert.deepEqual(reader.all(), [first]);
  });

  it('writes atomically: no temporary file is left beside the history', async () => {
    const store = new AttemptStore(files());
    for (let i = 1; i <= 5; i++) await store.add(attempt(`a#q${i}`, i * 10));
    assert.deepEqual(await fs.readdir(folder), [HISTORY_FILE]);
    assert.equal((JSON.parse(await fs.readFile(history(), 'utf8')) as { attempts: unknown[] }).attempts.length, 5);
  });

  it('reports a corrupt history on load, keeps it as a backup on the next add, and never overwrites it silently', async () => {
    const corrupt = '{"version":1,"attempts":[{"questionId": "half-writ';
    await fs.writeFile(history(), corrupt);
    const store = new AttemptStore(files(), () => 1234);
    const message = await store.load();
    assert.ok(message, 'load() returns a message for the user');
    assert.match(message, /attempts\.json/);
    assert.deepEqual(store.all(), []);
    assert.equal(await fs.readFile(history(), 'utf8'), corrupt, 'loading alone changes nothing on disk');

    const fresh = attempt('a#q1', 60);
    await store.add(fresh);
    assert.deepEqual((await fs.readdir(folder)).sort(), [HISTORY_FILE, `${HISTORY_FILE}.unreadable-1234`]);
    assert.equal(await fs.readFile(path.join(folder, `${HISTORY_FILE}.unreadable-1234`), 'utf8'), corrupt, 'the backup holds the old bytes');
    const reloaded = new AttemptStore(files());
    assert.equal(await reloaded.load(), undefined);
    assert.deepEqual(reloaded.all(), [fresh]);
  });

  it('after moving a damaged history aside once, writes the next attempts normally: exactly one backup', async () => {
    await fs.writeFile(history(), '{"version":1,"attempts":[');
    let clock = 500;
    const store = new AttemptStore(files(), () => clock++);
    await store.load();
    const written = [attempt('a#q1', 10), attempt('a#q2', 20), attempt('a#q3', 30)];
    for (const next of written) await store.add(next);
    assert.deepEqual((await fs.readdir(folder)).sort(), [HISTORY_FILE, `${HISTORY_FILE}.unreadable-500`]);
    const reader = new AttemptStore(files());
    assert.equal(await reader.load(), undefined);
    assert.deepEqual(reader.all(), written);
  });

  it('backs up a corrupt history even when add() is called without load()', async () => {
    await fs.writeFile(history(), 'not json at all');
    const store = new AttemptStore(files(), () => 99);
    await store.add(attempt('a#q1', 5));
    assert.equal(await fs.readFile(path.join(folder, `${HISTORY_FILE}.unreadable-99`), 'utf8'), 'not json at all');
  });

  it('treats well-formed JSON of the wrong shape (another version) as unreadable, not as empty', async () => {
    const future = JSON.stringify({ version: 2, attempts: [{ id: 'x' }] });
    await fs.writeFile(history(), future);
    const store = new AttemptStore(files(), () => 7);
    assert.ok(await store.load());
    await store.add(attempt('a#q1', 5));
    assert.equal(await fs.readFile(path.join(folder, `${HISTORY_FILE}.unreadable-7`), 'utf8'), future);
  });

  it('keeps the attempts of two stores appending to the same folder (it re-reads before writing)', async () => {
    const windowA = new AttemptStore(files());
    const windowB = new AttemptStore(files());
    await windowA.load();
    await windowB.load();
    const a1 = attempt('a#q1', 100);
    const b1 = attempt('b#q1', 200);
    const a2 = attempt('a#q2', 300);
    await windowA.add(a1);
    await windowB.add(b1);
    await windowA.add(a2);
    assert.deepEqual(windowB.all(), [a1, b1]);
    const reader = new AttemptStore(files());
    await reader.load();
    assert.deepEqual(reader.all(), [a1, b1, a2]);
  });

  // Regression: temporary files were named by pid and time only, so two writes in one millisecond collided.
  it('survives two writes of the same file at the same moment (atomic writes never share a temp file)', async () => {
    const store = files();
    const big = (ch: string) => ch.repeat(200_000);
    for (let i = 0; i < 20; i++) {
      await Promise.all([store.write('same.json', big('x')), store.write('same.json', big('y'))]);
      const text = await fs.readFile(path.join(folder, 'same.json'), 'utf8');
      assert.ok(text === big('x') || text === big('y'), 'the file is one whole write, never a mix');
    }
    assert.deepEqual(await fs.readdir(folder), ['same.json']);
  });
});

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

  it('reports read errors other than "not found" instead of hiding them', async () => {
    await fs.mkdir(path.join(folder, 'a-folder'));
    await assert.rejects(new NodeTextFileStore(folder).read('a-folder'));
  });
});

describe('progressByQuestion', () => {
  it('counts attempts and keeps the best (shortest) time per question', () => {
    const progress = progressByQuestion([
      attempt('a#q1', 300),
      attempt('b#q1', 50),
      attempt('a#q1', 120),
      attempt('a#q1', 400),
    ]);
    assert.deepEqual(Object.fromEntries(progress), {
      'a#q1': { attempts: 3, bestSeconds: 120 },
      'b#q1': { attempts: 1, bestSeconds: 50 },
    });
  });

  it('is empty for no attempts', () => {
    assert.equal(progressByQuestion([]).size, 0);
  });
});
