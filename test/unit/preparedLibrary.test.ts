import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryLoader } from '../../src/core/libraryLoader';
import { writePreparedIndex } from '../../src/node/buildLibraryIndex';
import { nodeDialogueFileSystem } from '../../src/node/nodeFiles';
import { preparedLookup } from '../../src/node/preparedLibrary';
import { REPO } from './helpers';

describe('the shipped library\'s prepared index', () => {
  let scratch: string;
  let library: string;
  let index: string;
  const source = () => ({ id: 'builtin', label: 'Built-in library', root: library });
  const loader = (useIndex = true) => new LibraryLoader(nodeDialogueFileSystem, { indexOnly: true, prepared: useIndex ? preparedLookup(index, library, (file) => file) : undefined });

  before(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-prepared-'));
    library = path.join(scratch, 'dialogues');
    index = path.join(scratch, 'library-index.json');
    await fs.cp(path.join(REPO, 'dialogues'), library, { recursive: true });
    await writePreparedIndex(library, index);
  });
  after(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('gives the very library that parsing gives, without parsing a file', async () => {
    const withIndex = await loader().load([source()]);
    const parsed = await loader(false).load([source()]);
    assert.equal(withIndex.parsed, 0, 'no file parsed');
    assert.ok(parsed.parsed > 10);
    assert.deepEqual(withIndex.library.dialogues, parsed.library.dialogues);
    assert.deepEqual(withIndex.library.guidance, parsed.library.guidance);
    assert.deepEqual(withIndex.library.diagnostics, parsed.library.diagnostics);
  });

  it('parses a file whose bytes differ from the indexed ones, and still reads whole dialogues from the files', async () => {
    const file = path.join(library, 'databases.md');
    const original = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, original.replace(/\*\*Time:\*\* (\d+) min/, (_all, minutes: string) => `**Time:** ${Number(minutes) + 1} min`));
    try {
      const report = await loader().load([source()]);
      assert.equal(report.parsed, 1, 'only the edited file is parsed');
      const reference = await loader(false).load([source()]);
      assert.deepEqual(report.library.dialogues, reference.library.dialogues);
      const first = report.library.dialogues[0];
      const whole = await loader().full(first);
      assert.ok(whole && whole.turns.some((turn) => turn.text.length > 0), 'the player still gets the whole dialogue');
    } finally {
      await fs.writeFile(file, original);
    }
  });

  it('is ignored when missing or of another format', async () => {
    assert.equal(preparedLookup(path.join(scratch, 'none.json'), library, (file) => file), undefined);
    await fs.writeFile(path.join(scratch, 'old.json'), JSON.stringify({ version: 0, files: {} }));
    assert.equal(preparedLookup(path.join(scratch, 'old.json'), library, (file) => file), undefined);
  });
});
