import assert from 'node:assert/strict';
import { PersistedPlayerStateSchema, WebviewMessageSchema } from '../../src/protocol/player';

function accepts(value: unknown): void {
  const result = WebviewMessageSchema.safeParse(value);
  assert.ok(result.success, `should accept ${JSON.stringify(value)}`);
  assert.deepEqual(result.data, value);
}

function rejects(value: unknown): void {
  assert.equal(WebviewMessageSchema.safeParse(value).success, false, `should reject ${JSON.stringify(value)}`);
}

describe('WebviewMessageSchema', () => {
  it('accepts every message the player sends', () => {
    accepts({ type: 'ready' });
    accepts({ type: 'position', index: 0, move: 1 });
    accepts({ type: 'position', index: 42, move: 7 });
    accepts({ type: 'reveal', turnIndex: 3, move: 2 });
    accepts({ type: 'answer', questionId: 'system-design/url-shortener#q1' });
    accepts({ type: 'setMode', mode: 'practice' });
    accepts({ type: 'setMode', mode: 'study' });
    for (const action of ['pause', 'resume', 'finish', 'compare']) accepts({ type: 'timerAction', action });
    accepts({ type: 'close' });
  });

  it('rejects unknown types and things that are not messages', () => {
    for (const value of [{ type: 'eval', code: '1' }, { type: 'READY' }, {}, { index: 1 }, null, undefined, 'ready', 42, [], [{ type: 'ready' }]]) rejects(value);
  });

  it('rejects fields of the wrong type or missing fields', () => {
    rejects({ type: 'position' });
    rejects({ type: 'position', index: '3' });
    rejects({ type: 'position', index: null });
    rejects({ type: 'reveal', index: 3, move: 1 });
    rejects({ type: 'position', index: 3 });
    rejects({ type: 'position', index: 3, move: 0 });
    rejects({ type: 'reveal', turnIndex: 3, move: '1' });
    rejects({ type: 'answer' });
    rejects({ type: 'answer', questionId: 17 });
    rejects({ type: 'answer', questionId: { toString: 'x' } });
    rejects({ type: 'setMode', mode: 'exam' });
    rejects({ type: 'setMode' });
    rejects({ type: 'timerAction', action: 'reset' });
  });

  it('rejects negative, fractional, non-finite and absurd indices', () => {
    for (const index of [-1, 1.5, 0.0001, Number.NaN, Number.POSITIVE_INFINITY, 100_001, Number.MAX_SAFE_INTEGER + 2]) {
      rejects({ type: 'position', index, move: 1 });
      rejects({ type: 'reveal', turnIndex: index, move: 1 });
    }
    accepts({ type: 'position', index: 100_000, move: 1 });
  });

  it('rejects an extra-long questionId', () => {
    accepts({ type: 'answer', questionId: 'q'.repeat(500) });
    rejects({ type: 'answer', questionId: 'q'.repeat(501) });
    rejects({ type: 'answer', questionId: 'q'.repeat(1_000_000) });
  });

  it('drops unknown extra fields instead of passing them on', () => {
    const result = WebviewMessageSchema.safeParse({ type: 'ready', html: '<script>alert(1)</script>' });
    assert.ok(result.success);
    assert.deepEqual(result.data, { type: 'ready' });
  });

  it('does not let a `__proto__` key in a posted message pollute prototypes', () => {
    const posted = JSON.parse('{"type":"answer","questionId":"a#q1","__proto__":{"polluted":true}}') as unknown;
    const result = WebviewMessageSchema.safeParse(posted);
    assert.ok(result.success);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((result.data as Record<string, unknown>).polluted, undefined);
  });
});

describe('PersistedPlayerStateSchema', () => {
  const valid = { dialogueId: 'system-design/url-shortener', position: 3, revealed: [1, 3], mode: 'study' };

  it('accepts the state the player saves, with or without a mode', () => {
    assert.deepEqual(PersistedPlayerStateSchema.parse(valid), valid);
    const withoutMode = { dialogueId: valid.dialogueId, position: valid.position, revealed: valid.revealed };
    assert.deepEqual(PersistedPlayerStateSchema.parse(withoutMode), withoutMode);
    assert.deepEqual(PersistedPlayerStateSchema.parse({ ...valid, revealed: [] }).revealed, []);
  });

  it('rejects state with wrong or missing fields (an older or tampered save)', () => {
    const bad: unknown[] = [
      { ...valid, dialogueId: 7 },
      { ...valid, position: -1 },
      { ...valid, position: 2.5 },
      { ...valid, position: '3' },
      { ...valid, revealed: [1, -2] },
      { ...valid, revealed: [0.5] },
      { ...valid, revealed: '1,3' },
      { ...valid, mode: 'exam' },
      { position: 0, revealed: [] },
      null,
      'state',
    ];
    for (const value of bad) assert.equal(PersistedPlayerStateSchema.safeParse(value).success, false, JSON.stringify(value));
  });
});
