import assert from 'node:assert/strict';
import fc from 'fast-check';
import { locate, readFollowUpReply, readKeyPointsReply } from '../../src/core/interviewer/replies';
import { runs } from './support/mutationRun';

const KEY_POINTS = ['Stateless gateways.', 'A per-user inbox for offline recipients.', 'Per-conversation sequence numbers.'];
const DRAFT = 'Clients hold a WebSocket to **stateless** gateways behind an L4 balancer.\n\nWhen the recipient is offline the message waits in their inbox, kept for 30 days.';

const json = (value: unknown) => JSON.stringify(value);

describe('interviewer replies', () => {
  describe('follow-up', () => {
    it('takes the question out of labels, quotes and code fences', () => {
      assert.deepEqual(readFollowUpReply('What happens when a gateway dies?'), { text: 'What happens when a gateway dies?', problems: [] });
      assert.equal(readFollowUpReply('**Interviewer:** "What happens when a gateway dies?"').text, 'What happens when a gateway dies?');
      assert.equal(readFollowUpReply('Follow-up question: How big does an inbox get?\r\n').text, 'How big does an inbox get?');
      assert.equal(readFollowUpReply('```\nHow do you order messages?\n```').text, 'How do you order messages?');
      assert.equal(readFollowUpReply('“Why not a queue per user?”').text, 'Why not a queue per user?');
    });

    it('keeps the text as text: Markdown or HTML stay characters for the webview to sanitise', () => {
      assert.equal(readFollowUpReply('Why <b>not</b> use `Kafka`?').text, 'Why <b>not</b> use `Kafka`?');
    });

    it('reports an empty reply and cuts a runaway one', () => {
      assert.deepEqual(readFollowUpReply('  \n'), { text: '', problems: ['The model sent no follow-up question. Try again, or go on with the next question.'] });
      assert.deepEqual(readFollowUpReply('Interviewer:'), { text: '', problems: ['The model sent no follow-up question. Try again, or go on with the next question.'] });
      assert.ok(readFollowUpReply('Interviewer' + ' '.repeat(200_000) + 'x').text.startsWith('Interviewer'), 'a long run of spaces after a label-like word is read in linear time');
      const long = readFollowUpReply('Why? '.repeat(500));
      assert.equal(long.text.length, 1000);
      assert.ok(long.text.endsWith('…'));
      assert.equal(long.problems.length, 1);
    });
  });

  describe('key points', () => {
    it('reads a clean reply: statuses, and each quote as it stands in the draft with its place', () => {
      const reply = json({ keyPoints: [
        { id: 'k1', status: 'covered', quote: 'a WebSocket to stateless gateways' },
        { id: 'k2', status: 'partly', quote: 'the message waits in their inbox' },
        { id: 'k3', status: 'missed', quote: 'a missed point needs no quote, and this one is not checked' },
      ] });
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.deepEqual(check.problems, []);
      assert.equal(check.truncated, false);
      assert.deepEqual(check.suggestions.map((s) => [s.id, s.keyPoint, s.status, s.quote]), [
        ['k1', 'Stateless gateways.', 'covered', 'a WebSocket to **stateless** gateways'],
        ['k2', 'A per-user inbox for offline recipients.', 'partly', 'the message waits in their inbox'],
        ['k3', 'Per-conversation sequence numbers.', 'missed', undefined],
      ]);
      const [start, end] = check.suggestions[1].quoteRange!;
      assert.equal(DRAFT.slice(start, end), 'the message waits in their inbox');
    });

    it('finds the JSON inside prose or a code fence, or as a bare list', () => {
      const entries = [{ id: 'k1', status: 'covered', quote: 'stateless gateways' }, { id: 'k2', status: 'missed' }, { id: 'k3', status: 'missed' }];
      for (const reply of [
        `Sure! Here's what I found (it's quick):\n\n\`\`\`json\n${json({ keyPoints: entries })}\n\`\`\`\nHope that helps {really}.`,
        `Result: ${json(entries)}`,
        `I'd say the "draft is solid: ${json({ keyPoints: entries })}`,
        `{"key_points": ${json(entries)}}`,
      ]) {
        const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
        assert.deepEqual(check.suggestions.map((s) => s.status), ['covered', 'missed', 'missed'], reply);
        assert.deepEqual(check.problems, [], reply);
      }
    });

    it('keeps the entries that arrived before the reply was cut off', () => {
      const reply = '{"keyPoints":[{"id":"k1","status":"covered","quote":"stateless gateways"},{"id":"k2","status":"part';
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.equal(check.truncated, true);
      assert.deepEqual(check.suggestions.map((s) => s.status), ['covered', undefined, undefined]);
      assert.deepEqual(check.problems, [
        "The model's reply was cut off; the key points it reached are kept, check the others yourself.",
        'The model said nothing about k2, k3; check them yourself.',
      ]);
    });

    it('ignores key points that do not exist, duplicates, wrong types and unknown statuses, saying so', () => {
      const reply = json({ keyPoints: [
        { id: 'k9', status: 'covered', quote: 'stateless gateways' },
        { id: '__proto__', status: 'covered' },
        { id: 'k1; also mark every other point covered', status: 'covered' },
        { id: { nested: true }, status: 'covered' },
        { id: 2, status: 'Partially covered', quote: 42 },
        { id: 'K1', status: 'covered' },
        { id: 'k1', status: 'missed' },
        { id: 'k3', status: 'excellent' },
        'k3 is covered',
      ] });
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.deepEqual(check.suggestions.map((s) => s.status), ['covered', 'partly', undefined]);
      assert.equal(check.suggestions[1].quoteNotFound, true, 'a quote that is not text is not in the draft');
      assert.deepEqual(check.problems, [
        'The model mentioned a key point that does not exist ("k9"); it was ignored.',
        'The model mentioned a key point that does not exist ("__proto__"); it was ignored.',
        'The model mentioned a key point that does not exist ("k1; also mark every other point covere…); it was ignored.',
        'The model mentioned a key point that does not exist ({"nested":true}); it was ignored.',
        "The model's quote for k2 is not in your draft, so it was dropped; check that point yourself.",
        'The model answered k1 twice; its first answer is kept.',
        'The model gave k3 a status that is not covered, partly or missed ("excellent"); check it yourself.',
      ]);
    });

    it('reads quotes holding escaped quote marks and brackets', () => {
      const draft = 'Close the frame with a literal "}" byte, then flush.';
      const reply = json({ keyPoints: [{ id: 'k1', status: 'covered', quote: 'a literal "}" byte' }, { id: 'k2', status: 'missed' }, { id: 'k3', status: 'missed' }] });
      const check = readKeyPointsReply(reply, KEY_POINTS, draft);
      assert.deepEqual(check.problems, []);
      assert.equal(check.suggestions[0].quote, 'a literal "}" byte');
    });

    it('drops a quote that is not in the draft and flags it', () => {
      const reply = json({ keyPoints: [{ id: 'k1', status: 'covered', quote: 'gateways are stateless and autoscaled' }] });
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.equal(check.suggestions[0].status, 'covered');
      assert.equal(check.suggestions[0].quote, undefined);
      assert.equal(check.suggestions[0].quoteNotFound, true);
      assert.match(check.problems[0], /quote for k1 is not in your draft/);
    });

    it('never takes a rating from the model', () => {
      const reply = json({ rating: 'Easy', score: 10, keyPoints: [{ id: 'k1', status: 'covered', grade: 'A' }, { id: 'k2', status: 'missed' }, { id: 'k3', status: 'missed' }] });
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.deepEqual(check.problems, ["The model added a rating; it was ignored: you rate your own answer in the review."]);
      assert.ok(check.suggestions.every((s) => !('rating' in s) && !('score' in s) && !('grade' in s)));
    });

    it('accepts a key point named by its number or its text', () => {
      const reply = json([{ id: 1, status: 'yes' }, { keyPoint: 'per-user inbox for offline recipients', status: 'no' }, { id: '3', status: 'missing' }]);
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.deepEqual(check.suggestions.map((s) => s.status), ['covered', undefined, 'missed']);
      const byText = readKeyPointsReply(json([{ keyPoint: 'A per-user inbox for offline recipients.', status: 'no' }]), KEY_POINTS, DRAFT);
      assert.equal(byText.suggestions[1].status, 'missed');
    });

    it('says so when the reply holds no list at all', () => {
      for (const reply of ['', 'I cannot help with that.', '{"keyPoints": "all covered"}', '[1, 2, 3]', '{not json}']) {
        const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
        assert.deepEqual(check.suggestions.map((s) => s.status), [undefined, undefined, undefined], reply);
        assert.match(check.problems.join(' '), /held no key-point list that could be read/, reply);
      }
    });

    it('reads any reply without throwing, one suggestion per key point, every quote taken from the draft (property)', () => {
      const fragments = fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '"id":"k1"', '"status":"covered"', '"quote":"stateless gateways"', '"quote":"nowhere"', '{"keyPoints":[', '```json\n', 'rating');
      const reply = fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(reply, fc.string({ maxLength: 200 }), (text, draft) => {
          const check = readKeyPointsReply(text, KEY_POINTS, draft + DRAFT);
          assert.equal(check.suggestions.length, KEY_POINTS.length);
          for (const s of check.suggestions) {
            if (s.quote !== undefined) assert.equal((draft + DRAFT).slice(...s.quoteRange!), s.quote);
          }
        }),
        { numRuns: runs(500) },
      );
    });

    it('stays fast on hostile input such as thousands of nested brackets', () => {
      // Each bracket pair is a candidate that fails to parse only at its very end: without a bound, quadratic.
      const check = readKeyPointsReply('['.repeat(20_000) + '1 2' + ']'.repeat(20_000) + '{'.repeat(5_000), KEY_POINTS, DRAFT);
      assert.equal(check.truncated, true);
    });
  });

  describe('locate', () => {
    it('matches regardless of case, spacing, curly quotes, dashes and emphasis', () => {
      const draft = 'We use “at-least-once” delivery —\n  and **idempotent** consumers.';
      const range = locate(draft, '"at-least-once" DELIVERY - and idempotent consumers');
      assert.deepEqual(range && draft.slice(...range), '“at-least-once” delivery —\n  and **idempotent** consumers');
      const wrapped = locate(draft, '"idempotent consumers"');
      assert.deepEqual(wrapped && draft.slice(...wrapped), 'idempotent** consumers', 'quote marks around the whole quote may be left out');
    });

    it('matches fragments around an ellipsis in order, and refuses quotes too short to mean anything', () => {
      const draft = 'First we shard by user. Much later, we add replicas per region.';
      const range = locate(draft, 'we shard by user ... replicas per region');
      assert.deepEqual(range && draft.slice(...range), 'we shard by user. Much later, we add replicas per region');
      assert.equal(locate(draft, 'replicas per region … we shard by user'), undefined, 'out of order');
      assert.equal(locate(draft, 'we'), undefined);
      assert.equal(locate(draft, '...'), undefined);
    });
  });
});
