import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readHistory } from '../../src/core/history/log';
import { NodeHistoryFiles } from '../../src/node/historyFiles';

const CHILD = path.join(__dirname, 'support', 'historyChild.js');

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<string>;
}

/** Starts a child that waits for the start file; `done` resolves with its last output line. */
function start(args: object): Run {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(out.trimEnd().split('\n').at(-1) ?? '') : reject(new Error(`child failed (${code}): ${err}`)))),
  );
  return { child, ready, done };
}

/** Runs children so that they start writing at the same moment: each waits until the start file appears. */
async function together(folder: string, runs: object[]): Promise<string[]> {
  const startFile = path.join(folder, '..', `start-${path.basename(folder)}`);
  const children = runs.map((args) => start({ ...args, start: startFile }));
  await Promise.all(children.map((c) => c.ready));
  await fs.writeFile(startFile, 'go');
  return Promise.all(children.map((c) => c.done));
}

describe('history with two processes writing at the same moment', function () {
  this.timeout(60_000);
  let scratch: string;
  let folder: string;

  beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-concurrent-'));
    folder = path.join(scratch, 'history');
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('two windows recording at once: every event of both is read back, none damaged', async () => {
    const count = 400;
    await together(folder, [
      { mode: 'writer', folder, writerId: 'windowA', count },
      { mode: 'writer', folder, writerId: 'windowB', count },
    ]);
    const read = await readHistory(new NodeHistoryFiles(folder));
    assert.deepEqual(read.problems, []);
    assert.equal(read.events.length, 2 * count);
    for (const writer of ['windowA', 'windowB']) {
      const ids = new Set(read.events.filter((e) => e.id.startsWith(`${writer}.`)).map((e) => e.id));
      assert.equal(ids.size, count, `all of ${writer}'s events are there`);
    }
  });

  it('even two processes appending to one file keep every line whole (the Node store appends in one write)', async () => {
    const count = 400;
    await together(folder, [
      { mode: 'sharedFile', folder, writerId: 'p1', count },
      { mode: 'sharedFile', folder, writerId: 'p2', count },
    ]);
    const read = await readHistory(new NodeHistoryFiles(folder));
    assert.deepEqual(read.problems, []);
    assert.equal(read.events.length, 2 * count);
  });
});
