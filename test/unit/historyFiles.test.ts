import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeHistoryFiles } from '../../src/node/historyFiles';
import { historyFilesContract } from './support/historyFilesContract';
import { MemoryHistoryFiles } from './support/historyEvents';

historyFilesContract('NodeHistoryFiles', async () => {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-'));
  return { files: new NodeHistoryFiles(path.join(parent, 'nested', 'history')), dispose: () => fs.rm(parent, { recursive: true, force: true }) };
});

// The in-memory folder stands in for the real ones in the other unit tests: it must keep the same contract.
historyFilesContract('MemoryHistoryFiles', async () => ({ files: new MemoryHistoryFiles(), dispose: async () => undefined }));
