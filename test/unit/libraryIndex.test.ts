import * as assert from 'node:assert/strict';
import { prepareFile, restorePreparedFile } from '../../src/core/libraryIndex';
import type { ParseResult } from '../../src/core/model';
import { md, parse } from './helpers';

/** A file with a dialogue, guidance after it and an error, parsed on the build machine. */
function builtOn(file: string): ParseResult {
  const result = parse(
    md(
      '## Dialogue: Caching',
      '',
      '- **Id:** caching',
      '- **Level:** wizard',
      '',
      '> **Interviewer:** "Where would you cache?"',
      '>',
      '> **Candidate:** "In front of the database."',
      '',
      '# Final tip',
      '',
      'Say what you would measure first.',
    ),
    file,
  );
  for (const dialogue of result.dialogues) Object.assign(dialogue, { source: 'builtin', sourceLabel: 'Built-in library' });
  return result;
}

describe('the prepared library index', () => {
  it('keeps no path of the build machine and no source, only the digest and what was parsed', () => {
    const result = builtOn('/build/machine/dialogues/caching.md');
    assert.ok(result.dialogues.length === 1 && result.guidance.length === 1 && result.diagnostics.length > 0, 'the fixture has one of each');
    const prepared = prepareFile(result, 'sha-of-bytes');
    assert.equal(prepared.digest, 'sha-of-bytes');
    assert.equal(JSON.stringify(prepared).includes('/build/machine'), false);
    assert.deepEqual(prepared.result.dialogues.map((d) => [d.id, d.file, 'source' in d, 'sourceLabel' in d]), [['caching', '', false, false]]);
    assert.deepEqual(prepared.result.guidance.map((g) => [g.title, g.file]), [[result.guidance[0].title, '']]);
    assert.deepEqual(prepared.result.diagnostics.map((d) => [d.message, d.line, d.file]), result.diagnostics.map((d) => [d.message, d.line, '']));
  });

  it('restores the parse result at the file’s path on this machine, equal to parsing it there (but for the source)', () => {
    const prepared = JSON.parse(JSON.stringify(prepareFile(builtOn('/build/machine/dialogues/caching.md'), 'digest')));
    const here = '/home/user/.vscode/extensions/interview-dialogues/dialogues/caching.md';
    const restored = restorePreparedFile(prepared, here);
    const parsedHere = builtOn(here);
    for (const dialogue of parsedHere.dialogues) {
      delete dialogue.source;
      delete dialogue.sourceLabel;
    }
    assert.deepEqual(restored, parsedHere);
    assert.equal(prepared.result.dialogues[0].file, '', 'the prepared index itself is left as it was');
  });
});
