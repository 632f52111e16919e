/**
 * A second process for the concurrency tests: waits for a start signal (a file appearing), then writes to a history
 * folder through the Node store. Usage: node historyChild.js JSON with
 *   { mode: 'writer' | 'sharedFile' | 'migrate', folder, legacyFolder?, writerId, count, start }
 * Prints `ready` when waiting and one JSON line when done.
 */
import { existsSync } from 'node:fs';
import { NodeTextFileStore } from '../../../src/node/nodeFiles';
import { HistoryWriter } from '../../../src/core/history/log';
import { migrateLegacyAttempts } from '../../../src/core/history/migrate';
import { NodeHistoryFiles } from '../../../src/node/historyFiles';

interface Args {
  mode: 'writer' | 'sharedFile' | 'migrate';
  folder: string;
  legacyFolder?: string;
  writerId: string;
  count: number;
  start: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]) as Args;
  const files = new NodeHistoryFiles(args.folder);
  process.stdout.write('ready\n');
  while (!existsSync(args.start)) await new Promise((resolve) => setImmediate(resolve));
  if (args.mode === 'migrate') {
    const result = await migrateLegacyAttempts(new NodeTextFileStore(args.legacyFolder as string), files);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const writer = new HistoryWriter(files, { writerId: args.writerId });
  for (let i = 1; i <= args.count; i++) {
    const body = { type: 'attempt', question: `q#${i % 7}`, dialogue: 'q', prompt: `from ${args.writerId}`, startedAt: 0, activeSeconds: i, budgetSeconds: 300, overtimeSeconds: 0, wordCount: 1, draft: `${args.writerId}-${i}.md` } as const;
    if (args.mode === 'writer') await writer.record(body);
    // Both processes append to one file: only the Node store's single O_APPEND write keeps the lines whole.
    else await files.append('shared.jsonl', `${JSON.stringify({ v: 1, id: `${args.writerId}.${i}`, at: Date.now(), ...body })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ done: args.count })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
