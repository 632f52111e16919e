/**
 * What every `HistoryFiles` must do, as one suite for each implementation: Node's `fs` (unit tests), `workspace.fs`
 * (integration tests, in the real extension host) and the in-memory folder the other unit tests use.
 */
import assert from 'node:assert/strict';
import { loadHistory } from '../../../src/core/history/checkpoint';
import type { HistoryFiles } from '../../../src/core/history/log';
import { LogTails } from '../../../src/core/history/tails';
import { attemptEvent, line, T0 } from './historyEvents';

export interface ContractFolder {
  /** The folder's files; the folder itself does not exist yet. */
  files: HistoryFiles;
  dispose(): Promise<void>;
}

const LOG = 'events-20240101T000000Z-aaaaaaaaaa.jsonl';

export function historyFilesContract(name: string, open: () => Promise<ContractFolder>): void {
  describe(`${name}: the history folder's contract`, () => {
    let folder: ContractFolder;
    let files: HistoryFiles;
    beforeEach(async () => {
      folder = await open();
      files = folder.files;
    });
    afterEach(() => folder.dispose());

    it('lists nothing and reads undefined before the folder exists; the first append creates it', async () => {
      assert.deepEqual(await files.list(), []);
      assert.equal(await files.read(LOG), undefined);
      assert.equal(await files.readBytes(LOG), undefined);
      assert.equal(await files.readFrom(LOG, 0), undefined);
      await files.append(LOG, 'one\n');
      await files.append(LOG, 'two\n');
      assert.deepEqual(await files.list(), [LOG]);
      assert.equal(await files.read(LOG), 'one\ntwo\n');
    });

    it('reads the bytes from a position to the end, and none past the end', async () => {
      // Multi-byte characters on both sides of the position, and more than one read of a file handle returns.
      const text = `${'é'.repeat(40_000)}\n${'x'.repeat(100_000)}\n`;
      await files.append(LOG, text);
      const bytes = Buffer.from(text);
      // Compared as Buffers: Node's own reads return Buffers, the others plain Uint8Arrays.
      const read = async (from: number) => Buffer.from((await files.readFrom(LOG, from))!);
      assert.deepEqual(Buffer.from((await files.readBytes(LOG))!), bytes);
      assert.deepEqual(await read(0), bytes);
      assert.deepEqual(await read(79_999), bytes.subarray(79_999));
      assert.equal((await files.readFrom(LOG, bytes.length))!.length, 0);
      assert.equal((await files.readFrom(LOG, bytes.length + 10))!.length, 0);
    });

    it('replaces a whole file on write and leaves nothing else behind; renames over an existing file', async () => {
      await files.write('checkpoint.json', 'first');
      await files.write('checkpoint.json', 'second');
      assert.deepEqual(await files.list(), ['checkpoint.json']);
      assert.equal(await files.read('checkpoint.json'), 'second');
      await files.write('attempts.json', 'old');
      await files.rename('checkpoint.json', 'attempts.json');
      assert.deepEqual(await files.list(), ['attempts.json']);
      assert.equal(await files.read('attempts.json'), 'second');
    });

    it('gives the tail reader what was appended after a load, and only that', async () => {
      await files.append(LOG, line(attemptEvent('a.1', 'q#q1', T0)));
      const tails = new LogTails(files, (await loadHistory(files, 'checkpoint-test.json')).marks);
      await files.append(LOG, line(attemptEvent('a.2', 'q#q1', T0 + 1)));
      assert.deepEqual((await tails.read())!.events.map((event) => event.id), ['a.2']);
      assert.deepEqual((await tails.read())!.events, []);
    });
  });
}
