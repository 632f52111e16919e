import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Attempt } from '../../src/core/attempts';
import { History } from '../../src/core/history/history';
import { readHistory } from '../../src/core/history/log';
import { legacyAttemptEvents, LEGACY_ATTEMPTS_FILE, migrateLegacyAttempts, type MigrationResult } from '../../src/core/history/migrate';
import { NodeHistoryFiles } from '../../src/node/historyFiles';
import { NodeTextFileStore } from '../../src/node/nodeFiles';
import { MemoryHistoryFiles } from './support/historyEvents';

function attempt(questionId: string, activeSeconds: number, finishedAt = 1_700_000_000_000): Attempt {
  return {
    questionId,
    dialogueId: questionId.split('#')[0],
    prompt: `Prompt of ${questionId}`,
    startedAt: finishedAt - activeSeconds * 1000,
    finishedAt,
    activeSeconds,
    budgetSeconds: 300,
    overtimeSeconds: Math.max(0, activeSeconds - 300),
    wordCount: 120,
    draftPath: `/drafts/${questionId.replace(/[#/]/g, '-')}-${finishedAt}.md`,
  };
}

const V1 = (attempts: Attempt[]) => JSON.stringify({ version: 1, attempts }, null, 2);

describe('migrating attempts.json (v1) into the event log', () => {
  let scratch: string;
  let legacy: NodeTextFileStore;
  let history: NodeHistoryFiles;
  const legacyFile = () => path.join(scratch, LEGACY_ATTEMPTS_FILE);

  beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-migrate-'));
    legacy = new NodeTextFileStore(scratch);
    history = new NodeHistoryFiles(path.join(scratch, 'history'));
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('moves every attempt over, with all its fields, and leaves attempts.json untouched as the backup', async () => {
    const attempts = [attempt('a#q1', 420, 1_700_000_000_000), attempt('b#q2', 90, 1_700_000_100_000), attempt('a#q1', 300, 1_700_000_200_000)];
    const text = V1(attempts);
    await fs.writeFile(legacyFile(), text);

    const result = await migrateLegacyAttempts(legacy, history);
    assert.equal(result.status, 'migrated');
    assert.equal(result.attempts, 3);
    assert.equal(await fs.readFile(legacyFile(), 'utf8'), text, 'the backup holds the original bytes');

    const read = await readHistory(history);
    assert.deepEqual(read.problems, []);
    const migrated = read.events.map((event) => {
      assert.equal(event.type, 'attempt');
      if (event.type !== 'attempt') throw new Error('unreachable');
      return { questionId: event.question, dialogueId: event.dialogue, prompt: event.prompt, startedAt: event.startedAt, finishedAt: event.at, activeSeconds: event.activeSeconds, budgetSeconds: event.budgetSeconds, overtimeSeconds: event.overtimeSeconds, wordCount: event.wordCount, draftPath: event.draft };
    });
    assert.deepEqual(migrated, attempts);
    assert.deepEqual(Object.fromEntries(new History(read.events).progress()), { 'a#q1': { attempts: 2, bestSeconds: 300 }, 'b#q2': { attempts: 1, bestSeconds: 90 } });
  });

  it('does nothing on a second run (no write), and nothing at all without attempts.json', async () => {
    assert.deepEqual(await migrateLegacyAttempts(legacy, history), { status: 'none', attempts: 0, skipped: 0 });
    assert.deepEqual(await history.list(), []);
    await fs.writeFile(legacyFile(), V1([attempt('a#q1', 60)]));
    await migrateLegacyAttempts(legacy, history);
    const files = new MemoryHistoryFiles();
    for (const name of await history.list()) files.files.set(name, (await history.read(name)) as string);
    const second = await migrateLegacyAttempts(legacy, files);
    assert.equal(second.status, 'already');
    assert.equal(files.writes, 0);
    assert.equal((await readHistory(history)).events.length, 1);
  });

  it('migrates what an older window added to attempts.json later, without counting the earlier attempts twice', async () => {
    const first = attempt('a#q1', 60, 1_700_000_000_000);
    await fs.writeFile(legacyFile(), V1([first]));
    await migrateLegacyAttempts(legacy, history);
    await fs.writeFile(legacyFile(), V1([first, attempt('b#q1', 70, 1_700_000_500_000)])); // a window still running the old version
    const again = await migrateLegacyAttempts(legacy, history);
    assert.equal(again.status, 'migrated');
    const read = await readHistory(history);
    assert.equal(read.files.length, 2);
    assert.equal(new History(read.events).attemptCount, 2);
  });

  it('keeps two identical attempts as two (ids number repeated content)', () => {
    const same = attempt('a#q1', 60);
    const { events } = legacyAttemptEvents(V1([same, same]));
    assert.equal(events.length, 2);
    assert.notEqual(events[0].id, events[1].id);
    assert.equal(new History(events).attemptCount, 2);
  });

  it('recovers every intact attempt from a damaged attempts.json, says so once, and keeps the file', async () => {
    const good = [attempt('a#q1', 60, 1_700_000_000_000), attempt('b#q1', 70, 1_700_000_100_000)];
    const damaged = `${V1(good).slice(0, -3)}, {"questionId": "c#q1", "dialogueId": "c", "prom`; // cut off mid-attempt
    await fs.writeFile(legacyFile(), damaged);
    const result = await migrateLegacyAttempts(legacy, history);
    assert.equal(result.status, 'migrated');
    assert.equal(result.attempts, 2);
    assert.match(result.problem ?? '', /attempts\.json is damaged: 2 attempts could be recovered/);
    assert.equal(await fs.readFile(legacyFile(), 'utf8'), damaged);
    assert.deepEqual((await readHistory(history)).events.map((e) => e.id).length, 2);
    const second = await migrateLegacyAttempts(legacy, history);
    assert.equal(second.status, 'already');
    assert.equal(second.problem, undefined, 'the problem is told once');
  });

  it('leaves out attempts of the wrong shape and counts them, keeping the good ones', () => {
    const text = JSON.stringify({ version: 1, attempts: [attempt('a#q1', 60), { questionId: 'x' }, attempt('b#q1', 5)] });
    const result = legacyAttemptEvents(text);
    assert.equal(result.events.length, 2);
    assert.equal(result.skipped, 1);
    assert.match(result.problem ?? '', /1 attempt in attempts\.json could not be read/);
  });

  it('is safe when two windows migrate at the same moment: one set of attempts, no damaged line', async function () {
    this.timeout(60_000);
    await fs.writeFile(legacyFile(), V1(Array.from({ length: 200 }, (_, i) => attempt(`d#q${i % 9}`, 30 + i, 1_700_000_000_000 + i * 1000))));
    const child = path.join(__dirname, 'support', 'historyChild.js');
    const start = path.join(scratch, 'go');
    const runs = [1, 2].map(() => {
      const process_ = spawn(process.execPath, [child, JSON.stringify({ mode: 'migrate', folder: history.folder, legacyFolder: scratch, writerId: 'm', count: 0, start })]);
      let out = '';
      const ready = new Promise<void>((resolve) => process_.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.startsWith('ready') && resolve())));
      const done = new Promise<MigrationResult>((resolve, reject) => process_.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trimEnd().split('\n').at(-1) as string) as MigrationResult) : reject(new Error(`exit ${code}`)))));
      return { ready, done };
    });
    await Promise.all(runs.map((run) => run.ready));
    await fs.writeFile(start, 'go');
    const results = await Promise.all(runs.map((run) => run.done));
    assert.ok(results.every((r) => r.status === 'migrated' || r.status === 'already'));
    const read = await readHistory(history);
    assert.deepEqual(read.problems, []);
    assert.equal(read.files.length, 1);
    assert.equal(new History(read.events).attemptCount, 200);
    assert.deepEqual((await fs.readdir(history.folder)).filter((name) => name.endsWith('.tmp')), []);
  });
});
