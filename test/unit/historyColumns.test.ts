import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asciiJson } from '../../src/core/history/asciiJson';
import { type ColumnType, decodeColumn, encodeColumn, type NumberColumn, rowsIn } from '../../src/core/history/columns';
import { joinSections, splitSections } from '../../src/core/history/sections';
import { bytesHash, contentHash } from '../../src/core/history/hash';
import { EventTable } from '../../src/core/history/table';
import { attemptEvent, reviewEvent, T0 } from './support/historyEvents';

/** `Object.is` per value: NaN equals NaN, and -0 is not 0. */
function sameValues(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) assert.ok(Object.is(actual[i], expected[i]), `value ${i}: ${actual[i]} is not ${expected[i]}`);
}

describe('checkpoint columns (typed arrays as base64)', () => {
  const edges: [string, ColumnType<NumberColumn>, number[]][] = [
    ['Float64Array', Float64Array, [0, -0, 1, -1.5, 0.1, 2 ** 53, -(2 ** 53), T0, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN]],
    ['Int32Array', Int32Array, [0, 1, -1, 2 ** 31 - 1, -(2 ** 31)]],
    ['Uint16Array', Uint16Array, [0, 1, 255, 256, 65535]],
    ['Uint8Array', Uint8Array, [0, 1, 127, 128, 255]],
  ];
  for (const [name, type, edge] of edges) {
    it(`round-trips ${name} edge values, into a larger column`, () => {
      const values = new type(edge.length);
      values.set(edge);
      const text = encodeColumn(values);
      assert.equal(rowsIn(text, type), values.length);
      const column = decodeColumn(text, type, values.length, values.length + 3);
      assert.ok(column instanceof type);
      sameValues(column.subarray(0, values.length), edge);
      sameValues(column.subarray(values.length), [0, 0, 0]);
    });
  }

  it('round-trips any doubles, from a view that starts inside its buffer (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), fc.nat(3), (values, skip) => {
        const view = new Float64Array([...new Array(skip).fill(7), ...values]).subarray(skip);
        const text = encodeColumn(view);
        sameValues(decodeColumn(text, Float64Array, rowsIn(text, Float64Array), values.length), values);
      }),
    );
  });

  it('refuses text of another length: cut, or of another number of rows', () => {
    const text = encodeColumn(new Float64Array([1, 2, 3]));
    assert.throws(() => decodeColumn(text, Float64Array, 2, 64));
    const cut = text.slice(0, 10);
    assert.equal(Number.isInteger(rowsIn(cut, Float64Array)), false);
    assert.throws(() => decodeColumn(cut, Float64Array, rowsIn(cut, Float64Array), 64));
    assert.throws(() => decodeColumn(encodeColumn(new Uint8Array(5)), Uint16Array, 2.5, 64));
  });
});

describe('checkpoint sections (a JSON header, then long text as it is)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const ascii = { ids: 'a.1\nb.2\n"quoted"\\', empty: '', links: '[["a.1","\\u00dcbung#q1"]]' };
  const header = { format: 2, prompt: 'Erklären Sie “Sharding”\n' };

  for (const [what, sections] of [
    ['ASCII sections (read as Latin-1)', ascii],
    ['a section past ASCII (read as UTF-8)', { ...ascii, ids: '\ufeffa.1\nü.2\n😀' }],
  ] as const) {
    it(`gives back the header and every section, whatever characters they hold: ${what}`, () => {
      const text = joinSections(header, sections);
      assert.match(text.slice(0, text.indexOf('\n')), /^[\x20-\x7e]*$/, 'the header is ASCII: non-ASCII characters are escaped');
      assert.deepEqual(splitSections(bytes(text)), { header, sections });
    });
  }

  it('is refused when cut or lengthened, or when its header is not JSON', () => {
    const text = joinSections({ format: 2 }, ascii);
    assert.equal(splitSections(bytes(text.slice(0, -1))), undefined);
    assert.equal(splitSections(bytes(`${text}x`)), undefined);
    assert.equal(splitSections(bytes(text.slice(0, text.indexOf('\n') - 1))), undefined);
    assert.equal(splitSections(bytes(text.replace('[["ids"', '[["ids",-1],["x"'))), undefined);
  });

  it('reads a header without sections (an older format: one JSON document) as one without text, for its format', () => {
    const older = splitSections(bytes(JSON.stringify({ format: 1, history: { prompt: 'ü' } })));
    assert.equal(older?.header.format, 1);
    assert.deepEqual(older?.sections, {});
  });

  it('escapes exactly the characters past ASCII, so JSON.parse gives the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.deepEqual(JSON.parse(asciiJson(value)), JSON.parse(JSON.stringify(value)))));
    assert.equal(asciiJson('ü€😀'), '"\\u00fc\\u20ac\\ud83d\\ude00"');
  });
});

describe('the event table as checkpoint text', () => {
  it('round-trips its rows, edge values included, and keeps growing and deleting after it', () => {
    const table = new EventTable();
    table.add(attemptEvent('a.1', 'd#q1', T0, { activeSeconds: 0, budgetSeconds: 0 }), 0);
    table.add(attemptEvent('a.2', 'd#q2', 2 ** 52, { activeSeconds: 1.5, budgetSeconds: 1e9 }), 70_000);
    table.add(reviewEvent('r.1', 'd#q1', T0 + 1, 'easy', { keyPoints: 'c'.repeat(300) + 'pm' }), 0);
    const text = table.toText();
    const restored = EventTable.fromText(JSON.parse(JSON.stringify(text)));
    const rowsOf = (t: EventTable) => Array.from({ length: t.length }, (_, row) => [t.at[row], t.kind[row], t.question[row], t.seconds[row], t.budget[row], t.covered[row], t.partly[row], t.missed[row]]);
    assert.deepEqual(rowsOf(restored), rowsOf(table));
    for (let i = 0; i < 100; i++) restored.add(attemptEvent(`b.${i}`, 'd#q3', T0 + i), 3);
    restored.remove(new Set(['a.2', 'b.5']));
    assert.equal(restored.length, 101);
    assert.deepEqual(new Set(Array.from(restored.question.subarray(0, restored.length))), new Set([0, 3]));
  });

  it('refuses columns of unequal lengths, or missing ids', () => {
    const table = new EventTable();
    table.add(attemptEvent('a.1', 'd#q1', T0), 0);
    const text = table.toText();
    assert.throws(() => EventTable.fromText({ ...text, kind: encodeColumn(new Uint8Array(2)) }));
    assert.throws(() => EventTable.fromText({ ...text, rowIds: undefined as unknown as string }));
  });
});

describe('contentHash and bytesHash keep their values across versions', () => {
  it('gives the same hashes as before: ids of migrated attempts and checkpoint fingerprints depend on them', () => {
    // A changed hash would give attempts migrated from attempts.json new ids (and migrate them a second time).
    assert.equal(contentHash(''), '0wvjl67o803');
    assert.equal(contentHash('interview dialogues'), '0mu4nagxe4x');
    assert.equal(bytesHash(Uint8Array.from({ length: 37 }, (_, i) => (i * 37 + 11) & 0xff), 37), '2bv1e4f3k2d');
    assert.equal(bytesHash(new Uint8Array(0), 0), '29m5vw58b12');
  });
});

describe('bytesHash (the fingerprint of a covered log)', () => {
  it('changes with any one byte, in every lane and in the tail, and with two words swapped', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      const hash = bytesHash(bytes, length);
      for (let at = 0; at < length; at++) {
        const changed = bytes.slice();
        changed[at] ^= 1;
        assert.notEqual(bytesHash(changed, length), hash, `length ${length}, byte ${at}`);
      }
      if (length >= 8) {
        const swapped = bytes.slice();
        swapped.set(bytes.subarray(0, 4), 4);
        swapped.set(bytes.subarray(4, 8), 0);
        assert.notEqual(bytesHash(swapped, length), hash, `length ${length}, first two words swapped`);
      }
    }
  });

  it('covers only the first `length` bytes, wherever the bytes start in their buffer', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    const shifted = new Uint8Array(67);
    shifted.set(bytes, 3);
    assert.equal(bytesHash(shifted.subarray(3), 50), bytesHash(bytes, 50));
    // Node's file reads give Buffers, whose `slice` is a view at the same odd offset, not a copy.
    assert.equal(bytesHash(Buffer.from(shifted).subarray(3), 50), bytesHash(bytes, 50));
    assert.equal(bytesHash(bytes, 50), bytesHash(Uint8Array.from([...bytes.subarray(0, 50), 9, 9]), 50));
    assert.notEqual(bytesHash(bytes, 50), bytesHash(bytes, 51));
  });
});
