import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_BYTES, loadDialogueBytes } from '../../src/core/load';
import { md } from './helpers';

const FILE = 'dialogues/load.md';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

const GOOD = md('## Good one', '**Interviewer:** q1', '**Candidate:** a1', '', '## Good two', '**Interviewer:** q2', '**Candidate:** a2');

describe('loadDialogueBytes', () => {
  it('parses valid UTF-8 like the parser does, with or without a byte-order mark', () => {
    const plain = loadDialogueBytes(utf8(GOOD), FILE);
    assert.deepEqual(plain.diagnostics, []);
    assert.deepEqual(plain.dialogues.map((d) => d.title), ['Good one', 'Good two']);
    const withBom = loadDialogueBytes(concat([0xef, 0xbb, 0xbf], utf8(GOOD)), FILE);
    assert.deepEqual(withBom, plain);
  });

  describe('size limit', () => {
    it('skips a file over the limit with exactly one error and no dialogues', () => {
      const bytes = utf8(GOOD + 'x'.repeat(2000));
      const result = loadDialogueBytes(bytes, FILE, { maxBytes: 1000 });
      assert.deepEqual(result.dialogues, []);
      assert.deepEqual(result.guidance, []);
      assert.equal(result.diagnostics.length, 1);
      const [d] = result.diagnostics;
      assert.deepEqual([d.file, d.line, d.column, d.severity], [FILE, 1, 1, 'error']);
      assert.match(d.message, /limit/);
    });

    // The CLI shares this message: the core names no VS Code setting, the caller says how to raise the limit.
    it('names no setting itself, and adds the hint its caller gives', () => {
      const bytes = new Uint8Array(2000).fill(0x61);
      assert.doesNotMatch(loadDialogueBytes(bytes, FILE, { maxBytes: 1000 }).diagnostics[0].message, /interviewDialogues|setting/);
      const hinted = loadDialogueBytes(bytes, FILE, { maxBytes: 1000, limitHint: '--max-file-size BYTES' }).diagnostics[0].message;
      assert.match(hinted, /split it into smaller files or raise the limit \(--max-file-size BYTES\)$/);
    });

    it('accepts a file of exactly the limit', () => {
      const bytes = utf8(GOOD);
      const result = loadDialogueBytes(bytes, FILE, { maxBytes: bytes.byteLength });
      assert.equal(result.dialogues.length, 2);
    });

    it('defaults to 1 MB', () => {
      assert.equal(DEFAULT_MAX_FILE_BYTES, 1024 * 1024);
      const over = new Uint8Array(DEFAULT_MAX_FILE_BYTES + 1).fill(0x61);
      const result = loadDialogueBytes(over, FILE);
      assert.equal(result.diagnostics.length, 1);
      assert.match(result.diagnostics[0].message, /1\.0 MB/);
    });
  });

  describe('binary files', () => {
    it('refuses a file with NUL bytes with one error and does not parse it', () => {
      const result = loadDialogueBytes(concat(utf8(GOOD), [0, 1, 2, 3]), FILE);
      assert.deepEqual(result.dialogues, []);
      assert.equal(result.diagnostics.length, 1);
      assert.deepEqual([result.diagnostics[0].line, result.diagnostics[0].column, result.diagnostics[0].severity], [1, 1, 'error']);
      assert.match(result.diagnostics[0].message, /binary/);
    });

    it('refuses a UTF-16 file (as Notepad saves "Unicode") as not UTF-8 text', () => {
      const utf16 = concat([0xff, 0xfe], [...GOOD].flatMap((ch) => [ch.charCodeAt(0), 0]));
      const result = loadDialogueBytes(utf16, FILE);
      assert.deepEqual(result.dialogues, []);
      assert.equal(result.diagnostics.length, 1);
      assert.match(result.diagnostics[0].message, /UTF-8/);
    });
  });

  describe('invalid UTF-8', () => {
    it('reports one error at the first bad byte and still loads the good dialogues', () => {
      // Line 6 is `**Interviewer:** caf` followed by two invalid bytes; line 8 holds another bad byte.
      const bytes = concat(
        utf8(md('## Good one', '**Interviewer:** q1', '**Candidate:** a1', '', '## Damaged')),
        utf8('**Interviewer:** caf'),
        [0xff, 0xfe],
        utf8('\n**Candidate:** x '),
        [0xc3, 0x28],
        utf8(md('', '', '## Good two', '**Interviewer:** q2')),
      );
      const result = loadDialogueBytes(bytes, FILE);
      assert.equal(result.diagnostics.length, 1);
      const [d] = result.diagnostics;
      assert.deepEqual([d.file, d.line, d.column, d.severity], [FILE, 6, 21, 'error']);
      assert.match(d.message, /not valid UTF-8/);
      assert.deepEqual(result.dialogues.map((x) => x.title), ['Good one', 'Damaged', 'Good two']);
      assert.deepEqual(result.dialogues[0].turns.map((t) => t.text), ['q1', 'a1']);
      assert.equal(result.dialogues[1].turns[0].text, 'caf\uFFFD\uFFFD', 'bad bytes are shown as replacement characters');
    });

    it('reports a Latin-1 file (é as one byte) at the right line and column', () => {
      const bytes = concat(utf8('## Good\n**Interviewer:** q\n**Candidate:** Caf'), [0xe9], utf8(' au lait\n'));
      const result = loadDialogueBytes(bytes, FILE);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[3, 19, 'error']]);
      assert.equal(result.dialogues.length, 1);
    });

    it('counts lines the same in CRLF files', () => {
      const bytes = concat(utf8('## Good\r\n**Interviewer:** q\r\n'), [0xff], utf8('\r\n'));
      const result = loadDialogueBytes(bytes, FILE);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column]), [[3, 1]]);
    });

    it('reports a multi-byte character cut off at the end of the file', () => {
      const euro = utf8('€');
      const bytes = concat(utf8(md('## Good', '**Interviewer:** costs 5')), euro.slice(0, 2));
      const result = loadDialogueBytes(bytes, FILE);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column, d.severity]), [[3, 1, 'error']]);
      assert.equal(result.dialogues.length, 1);
    });

    // A file may legitimately contain the character � (quoting a mangled log line) before its invalid bytes.
    it('points at the invalid byte, not at an earlier, legitimate U+FFFD character', () => {
      const text = md('## Good', '**Interviewer:** What does \uFFFD in a log mean?', '**Candidate:** A decoding error.', 'Like this: ');
      const bytes = concat(utf8(text.slice(0, -1)), [0xff], utf8('\n'));
      const result = loadDialogueBytes(bytes, FILE);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.column]), [[4, 12]]);
    });
  });
});
